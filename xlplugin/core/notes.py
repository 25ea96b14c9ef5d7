"""Notes and reasons as records: a code and its arguments, made Swedish only at the edge.

The reader says what it noticed ("hidden rows are counted", "the amounts are read as
tkr") and why a reading is uncertain as `Note` records. The faces (the text report, the
JSON, Excel) turn them into Swedish with `str(note)`; the wording lives here, as data,
in one table. Arguments are plain values: numbers, texts, tuples of them (a tuple is
written as a list, "rad 12, 14").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """One thing the reader noticed. `sheet` names the sheet in a workbook read from
    several sheets (one per year); it is written in front of the text."""

    code: str
    args: tuple = ()
    sheet: str | None = None

    def __str__(self) -> str:
        return text(self)


def _rows_with_labels(pairs) -> str:
    return ", ".join(f"rad {row} ('{label}')" for row, label in pairs)


def _names(names) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _spaced(n: int) -> str:
    return f"{n:,}".replace(",", " ")


# code -> template; "{0}", "{1}" … are the arguments, tuples joined with ", ". A callable
# template formats the arguments itself.
TEXTS: dict[str, object] = {
    # the table
    "column_superseded": "Kolumnen '{0}' ({1}) läses inte: '{2}' ({3}) ersätter den.",
    "column_not_a_year": ("Kolumnen '{0}' ({1}) läses inte: rubriken är inte budget, plan, "
                          "prognos eller utfall för ett helt år."),
    "row_without_label": "Rad {0} har belopp men ingen text.",
    "statistics_rows": lambda a: ("Rader med andelar eller antal är inga belopp och räknas inte "
                                  f"med: {_rows_with_labels(a[0])}."),
    "of_which_rows": ("Varav-rader är delbelopp av raden ovanför och räknas inte med i summorna: "
                      "rad {0}."),
    "hidden_rows": "Dolda rader ingår i beräkningen: {0}.",
    "rounded": "Belopp avrundade till hela kronor: {0}.",
    "scaled_by_format": ("{0} belopp visas i {1} genom talformatet (t.ex. {2}: tusental döljs) "
                         "men är sparade i kronor; de läses som kronor."),
    "tkr_by_size": lambda a: (f"Ingen enhet anges och beloppen är för små för kronor (största "
                              f"{_spaced(a[0])}): de läses som tkr. Skriv 'tkr' eller 'kr' i "
                              "titeln eller rubriken så att det är klart."),
    # the workbook
    "other_year_sheets": lambda a: (f"Fler blad har årskolumner: {_names(a[0])}. Bladet '{a[1]}' "
                                    "lästes, det med flest årskolumner; --blad väljer ett annat i "
                                    "finsam kontrollera och finsam styrelseunderlag."),
    "hidden_sheets": "Dolda blad lästes inte: {0}.",
    "year_sheets": lambda a: (f"Arbetsboken har ett blad per år: {_names(a[0])}; raderna paras "
                              "ihop efter text och läses som en tabell."),
    "summary_sheet": "Bladet '{0}' sammanfattar årsbladen; dess belopp kontrolleras mot dem.",
    # why a reading is uncertain
    "tie": "en annan tolkning ({0}) förklarar summorna lika bra men ger andra summor",
    "grand_total_off": "'{0}' stämmer inte i {1} kolumner",
    "block_guessed_one_column": ("inget urval av raderna ovanför ger '{0}', och med en enda kolumn "
                                 "går det inte att avgöra vilka rader den summerar (ta med fler "
                                 "kolumner)"),
    "grand_total_off_one_column": ("'{0}' stämmer inte, och med en enda kolumn går det inte att "
                                   "skilja ett skrivfel från en feltolkning (ta med fler kolumner)"),
    "difference_is_row": ("skillnaden i '{0}' är exakt raden '{1}' (troligen feltolkad, inte "
                          "felskriven)"),
    "many_wrong": "{0} av {1} angivna summor stämmer inte",
    "small_kronor": lambda a: (f"beloppen är små för kronor (största {_spaced(a[0])} kr); står de "
                               "i tkr, skriv 'tkr' i titeln eller rubriken"),
    "small_kronor_range": lambda a: (f"beloppen är små för kronor (största {_spaced(a[0])} kr); "
                                     "står de i tkr, ange enheten \"tkr\""),
    "year_sheets_differ": lambda a: (f"raderna skiljer sig mellan årsbladen; utan motsvarighet på "
                                     f"bladet '{a[0]}': " + ", ".join(a[1])),
}


def text(note: Note) -> str:
    """The note in Swedish."""
    tmpl = TEXTS[note.code]
    if callable(tmpl):
        out = tmpl(note.args)
    else:
        out = tmpl.format(*(", ".join(map(str, a)) if isinstance(a, tuple) else a
                            for a in note.args))
    return f"{note.sheet}: {out}" if note.sheet else out
