"""Write one canonical budget to .xlsx files in many layouts (a helper, not a test module).

A *spec* describes a förbund budget independently of how a sheet shows it: columns
("Budget 2025", "Plan 2026", …) and lines (label, revenue or cost, parent category,
account number, amounts in whole kronor).  `write_variant` writes the spec with
openpyxl in one of many layouts people use (kr or tkr, three sign conventions,
hierarchy by "- " prefix, by indentation, by bold category rows or by heading +
"Summa …" rows, typed or formula subtotals, title rows, blank rows, a notes column,
numbers stored as text, a leading blank column), and `expected` gives what the
reader must return for every layout: line values in kronor with revenue positive
and costs negative, and the totals per column.

    spec = canonical_spec()
    layout = write_variant(tmp_path / "b.xlsx", spec, unit="tkr", sign="all_positive")
    want = expected(spec)

Amounts in a spec are magnitudes (>= 0, or None for an empty cell), all divisible
by 100 so that tkr with one decimal is exact (1 550 500 kr = 1550,5 tkr).  A
category's amounts are the sum of its children (None where every child is None).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

__all__ = [
    "REVENUE", "COST", "UNITS", "SIGNS", "HIERARCHIES", "SUBTOTALS",
    "SpecLine", "Spec", "make_spec", "canonical_spec", "random_spec",
    "Expected", "expected", "Layout", "write_variant", "normalise_label",
    "summa_label", "RESULT_LABELS", "random_columns", "variant_name",
]

REVENUE, COST = "revenue", "cost"
UNITS = ("kr", "tkr")
SIGNS = ("costs_negative", "all_positive", "revenue_negative")
HIERARCHIES = ("prefix", "indent", "bold", "summa")
SUBTOTALS = ("typed", "formula")

REVENUE_TOTAL_LABEL = "SUMMA INTÄKTER"
COST_TOTAL_LABEL = "SUMMA KOSTNADER"
RESULT_LABELS = {"costs_negative": "RESULTAT", "all_positive": "RESULTAT",
                 "revenue_negative": "8900 Årets resultat"}

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
INDENT1 = Alignment(indent=1)
RIGHT = Alignment(horizontal="right")


# --- the spec -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SpecLine:
    """One budget line. `amounts` maps column header -> magnitude in kronor (or None)."""

    label: str
    kind: str                       # "revenue" or "cost"
    amounts: Mapping[str, int | None]
    parent: str | None = None       # label of the category this line breaks down
    account: int | None = None      # account number, used in the revenue_negative layout
    note: str | None = None         # text for the notes column


@dataclass(frozen=True)
class Spec:
    """A budget: columns and lines in sheet order (a category directly before its children)."""

    columns: tuple[str, ...]
    lines: tuple[SpecLine, ...]
    organisation: str = "Samordningsförbundet Mälardalen"

    def line(self, label: str) -> SpecLine:
        for ln in self.lines:
            if ln.label == label:
                return ln
        raise KeyError(label)

    @cached_property
    def _children(self) -> dict[str, list[SpecLine]]:
        out: dict[str, list[SpecLine]] = {}
        for ln in self.lines:
            if ln.parent is not None:
                out.setdefault(ln.parent, []).append(ln)
        return out

    def children(self, label: str) -> list[SpecLine]:
        return list(self._children.get(label, ()))

    def is_category(self, label: str) -> bool:
        return label in self._children

    def top(self, kind: str) -> list[SpecLine]:
        return [ln for ln in self.lines if ln.parent is None and ln.kind == kind]

    def leaves(self) -> list[SpecLine]:
        return [ln for ln in self.lines if ln.label not in self._children]


def make_spec(columns: Sequence[str], tree: Iterable[tuple], organisation: str | None = None) -> Spec:
    """Build a consistent Spec from a tree.

    `tree` items are (label, kind, account, amounts-or-children[, note]) where
    amounts is a list of magnitudes per column (None = empty cell) and children is a
    list of (label, account, amounts[, note]) tuples; a category's amounts are the
    sums of its children.
    """
    columns = tuple(columns)
    lines: list[SpecLine] = []
    labels: set[str] = set()

    def add(line: SpecLine):
        if line.label in labels:
            raise ValueError(f"duplicate label {line.label!r}")
        for v in line.amounts.values():
            if v is not None and (v < 0 or v % 100):
                raise ValueError(f"{line.label}: amounts must be >= 0 and divisible by 100")
        labels.add(line.label)
        lines.append(line)

    for item in tree:
        label, kind, account, body, *rest = item
        note = rest[0] if rest else None
        if kind not in (REVENUE, COST):
            raise ValueError(kind)
        if body and isinstance(body[0], tuple):      # a category with children
            kids = []
            for child in body:
                clabel, cacc, camounts, *crest = child
                if len(camounts) != len(columns):
                    raise ValueError(f"{clabel}: {len(camounts)} amounts for {len(columns)} columns")
                kids.append(SpecLine(clabel, kind, dict(zip(columns, camounts)), label, cacc,
                                     crest[0] if crest else None))
            sums = {}
            for c in columns:
                vals = [k.amounts[c] for k in kids if k.amounts[c] is not None]
                sums[c] = sum(vals) if vals else None
            add(SpecLine(label, kind, sums, None, account, note))
            for k in kids:
                add(k)
        else:
            if len(body) != len(columns):
                raise ValueError(f"{label}: {len(body)} amounts for {len(columns)} columns")
            add(SpecLine(label, kind, dict(zip(columns, body)), None, account, note))
    spec = Spec(columns, tuple(lines), organisation or Spec.organisation)
    for kind in (REVENUE, COST):
        if not spec.top(kind):
            raise ValueError(f"a spec needs at least one {kind} line")
    return spec


def canonical_spec() -> Spec:
    """The canonical budget: one revenue category and a revenue line, three cost
    categories and a cost line; a deficit in Plan 2026; empty cells in Plan 2027."""
    return make_spec(
        ["Budget 2025", "Plan 2026", "Plan 2027"],
        [
            ("Medel från huvudmännen", REVENUE, 3010, [
                ("Försäkringskassan", 3011, [3_100_000, 3_100_000, 3_150_000]),
                ("Region Västmanland", 3012, [1_550_500, 1_550_500, 1_575_000]),
                ("Kommunerna", 3013, [1_550_500, 1_550_500, 1_575_000], "Fyra kommuner"),
            ], "Enligt beslut i medlemssamrådet"),
            ("Övriga intäkter", REVENUE, 3090, [25_000, 20_000, None]),
            ("Individinriktade insatser", COST, 4530, [
                ("Samordningsteam", 4531, [2_400_000, 2_450_000, 2_500_000], "Fem handläggare"),
                ("Aktivitetscoach", 4532, [1_200_000, 1_230_000, 1_260_000]),
                ("Kurator", 4533, [650_300, 660_000, None], "Avslutas 2026"),
            ]),
            ("Strukturinriktade insatser", COST, 4540, [
                ("Kompetensutveckling", 4541, [150_000, 150_000, 150_000]),
                ("Utvärdering", 4542, [80_000, 60_000, 60_000]),
            ]),
            ("Administration", COST, 5000, [
                ("Löner", 5010, [1_150_000, 1_185_000, 1_220_000], "Inkl. sociala avgifter"),
                ("Styrelsearvoden", 5020, [120_000, 120_000, 125_000]),
                ("Lokalhyra", 5030, [96_000, 98_000, 100_000]),
                ("Revision", 5040, [45_000, 46_000, 47_000]),
            ]),
            ("Oförutsedda kostnader", COST, 5990, [100_000, 350_000, 100_000]),
        ],
        organisation="Samordningsförbundet Mälardalen",
    )


# --- random specs ---------------------------------------------------------------------------

_MEMBERS = ["Försäkringskassan", "Arbetsförmedlingen", "Region Västmanland", "Region Dalarna",
            "Region Gävleborg", "Kommunerna", "Västerås stad", "Sala kommun", "Fagersta kommun",
            "Norbergs kommun", "Skinnskattebergs kommun", "Hallstahammars kommun",
            "Surahammars kommun", "Kungsörs kommun", "Arboga kommun", "Köpings kommun"]
_OTHER_REVENUE = ["Övriga intäkter", "Ränteintäkter", "Projektmedel ESF", "Medfinansiering ESF",
                  "Återbetalning projektmedel"]
_COST_CATEGORIES = ["Individinriktade insatser", "Strukturinriktade insatser", "Administration",
                    "Styrelse", "Kansli", "Gemensamma insatser", "Utbildningsinsatser",
                    "Utvärderingsinsatser", "Samverkansprojekt", "Information och kommunikation",
                    "Personalkostnader", "Övriga verksamhetskostnader", "Metoder och arbetssätt",
                    "Strukturpåverkande insatser", "Förebyggande insatser", "Ungdomsinsatser",
                    "Arbetsmarknadsinsatser", "Hälsofrämjande insatser", "Lokala insatser",
                    "Länsgemensamma insatser"]
_COST_ITEMS = ["Samordningsteam", "Aktivitetscoach", "Kurator", "Jobbcoach", "Arbetsterapeut",
               "Lotsfunktion", "Stegvis", "Arbetsträning", "Studiecoach", "Hälsocoach",
               "Löner kansli", "Styrelsearvoden", "Revision", "Lokalhyra", "IT och telefoni",
               "Resor", "Konferenser", "Kompetensutveckling", "Utvärdering", "Försäkringar",
               "Redovisningstjänster", "Webbplats", "Trycksaker", "Nätverksträffar",
               "Processtöd", "Handledning", "Extern medbedömning", "Friskvård", "Leasingbil",
               "Kontorsmaterial", "Juridiskt stöd", "Ekonomiadministration",
               "Samverkansmedel ofördelat", "Oförutsedda kostnader"]
_PROJECT_WORDS = ["Projekt", "Insats", "Team", "Satsning"]
_PROJECT_NAMES = ["Bryggan", "Vägen ut", "Steget", "Kompassen", "Lotsen", "Navet", "Trappan",
                  "Framåt", "Språnget", "Motorn", "Fyren", "Vändpunkten", "Nystart", "Bron",
                  "Sprinten", "Plattformen", "Ankaret", "Kraften", "Vägvisaren", "Hamnen"]
_NOTES = ["Enligt beslut i styrelsen", "Ny insats", "Avslutas", "Inkl. sociala avgifter",
          "Uppräkning 2 %", "Enligt avtal", "Preliminärt", "Ska utvärderas", "Delfinansierad"]


def _unique_names(rng: random.Random, pool: Sequence[str], n: int, used: set[str]) -> list[str]:
    out = []
    choices = [p for p in pool if p not in used]
    rng.shuffle(choices)
    while len(out) < n:
        if choices:
            name = choices.pop()
        else:
            name = f"{rng.choice(_PROJECT_WORDS)} {rng.choice(_PROJECT_NAMES)}"
            k = 2
            base = name
            while name in used:
                name = f"{base} {k}"
                k += 1
        if name in used:
            continue
        used.add(name)
        out.append(name)
    return out


def _round100(x: float) -> int:
    return max(0, int(round(x / 100.0)) * 100)


def random_columns(rng: random.Random, n_columns: int = 3, first_year: int | None = None) -> tuple[str, ...]:
    """Realistic year headers: Budget Y, Plan Y+1, …, optionally Prognos/Utfall Y-1 first."""
    y = first_year if first_year is not None else rng.randint(2019, 2026)
    cols = [f"Budget {y}"]
    extra = n_columns - 1
    if n_columns >= 4 and rng.random() < 0.6:
        cols.insert(0, f"{rng.choice(['Prognos', 'Utfall', 'Budget'])} {y - 1}")
        extra -= 1
    cols += [f"Plan {y + i}" for i in range(1, extra + 1)]
    return tuple(cols)


def random_spec(rng: random.Random, n_categories: int, *, n_columns: int = 3,
                first_year: int | None = None, children: tuple[int, int] = (2, 6),
                cost_leaves: int | None = None, revenue_lines: tuple[int, int] = (2, 5),
                empty_probability: float = 0.04, notes_probability: float = 0.15,
                size: tuple[int, int] = (3_000_000, 15_000_000)) -> Spec:
    """A random consistent spec: one revenue category ("Medel från huvudmännen") with
    member lines, 0–2 other revenue lines, `n_categories` cost categories with
    `children` lines each, and `cost_leaves` stand-alone cost lines.  Amounts grow a
    little per column; costs are 90–110 % of revenue, so results have either sign.
    Labels are unique and account numbers fit the Swedish chart (3xxx revenue,
    4xxx–7xxx costs) for up to 399 cost categories and leaves together."""
    if n_categories < 0 or children[0] < 1 or children[1] > 9 or children[0] > children[1]:
        raise ValueError("children must be within 1..9")
    columns = random_columns(rng, n_columns, first_year)
    used: set[str] = set()
    n_members = rng.randint(*revenue_lines)
    total_rev = _round100(rng.uniform(*size))
    growth = [1.0]
    for _ in columns[1:]:
        growth.append(growth[-1] * rng.uniform(1.0, 1.04))

    def amounts(base: float, allow_empty: bool = True) -> list[int | None]:
        out = []
        for g in growth:
            if allow_empty and rng.random() < empty_probability:
                out.append(None)
            else:
                out.append(_round100(base * g * rng.uniform(0.97, 1.03)))
        if all(v in (None, 0) for v in out):
            out[0] = max(100, _round100(base))
        return out

    def note() -> str | None:
        return rng.choice(_NOTES) if rng.random() < notes_probability else None

    tree: list[tuple] = []
    members = _unique_names(rng, _MEMBERS, n_members, used)
    shares = [rng.uniform(0.5, 2.0) for _ in members]
    kids = []
    for j, (name, share) in enumerate(zip(members, shares)):
        kids.append((name, 3011 + j, amounts(total_rev * 0.97 * share / sum(shares), False), note()))
    used.add("Medel från huvudmännen")
    tree.append(("Medel från huvudmännen", REVENUE, 3010, kids, note()))
    for j, name in enumerate(_unique_names(rng, _OTHER_REVENUE, rng.randint(0, 2), used)):
        tree.append((name, REVENUE, 3090 + j, amounts(total_rev * rng.uniform(0.002, 0.02)), note()))
    if cost_leaves is None:
        cost_leaves = rng.randint(0, 2)
    n_units = n_categories + cost_leaves
    if n_units == 0:
        cost_leaves = n_units = 1
    if n_units > 399:
        raise ValueError("at most 399 cost categories and leaves")
    total_cost = total_rev * rng.uniform(0.9, 1.1)
    weights = [rng.uniform(0.3, 3.0) for _ in range(n_units)]
    cat_names = _unique_names(rng, _COST_CATEGORIES, n_categories, used)
    kinds = ["cat"] * n_categories + ["leaf"] * cost_leaves
    rng.shuffle(kinds)
    cat_iter = iter(cat_names)
    for k, (what, w) in enumerate(zip(kinds, weights)):
        account = 4000 + 10 * k
        budget = total_cost * w / sum(weights)
        if what == "cat":
            n = rng.randint(*children)
            names = _unique_names(rng, _COST_ITEMS, n, used)
            ws = [rng.uniform(0.2, 2.0) for _ in names]
            kids = [(nm, account + 1 + j, amounts(budget * x / sum(ws)), note())
                    for j, (nm, x) in enumerate(zip(names, ws))]
            tree.append((next(cat_iter), COST, account, kids, note()))
        else:
            (name,) = _unique_names(rng, _COST_ITEMS, 1, used)
            tree.append((name, COST, account, amounts(budget), note()))
    org = f"Samordningsförbundet {rng.choice(['Norra', 'Södra', 'Västra', 'Östra', 'Centrala'])} " \
          f"{rng.choice(['Västmanland', 'Dalarna', 'Gävleborg', 'Uppland', 'Värmland', 'Skåne'])}"
    return make_spec(columns, tree, organisation=org)


# --- what the reader must return -----------------------------------------------------------

@dataclass(frozen=True)
class Expected:
    """Line values in kronor (revenue positive, costs negative), kinds, parents, totals."""

    columns: tuple[str, ...]
    values: dict[str, dict[str, int | None]]
    kinds: dict[str, str]
    parents: dict[str, str | None]
    totals: dict[str, dict[str, int]]     # header -> intakter, kostnader, resultat


def expected(spec: Spec) -> Expected:
    values, kinds, parents = {}, {}, {}
    for ln in spec.lines:
        sign = 1 if ln.kind == REVENUE else -1
        values[ln.label] = {c: (None if v is None else sign * v) for c, v in ln.amounts.items()}
        kinds[ln.label] = ln.kind
        parents[ln.label] = ln.parent
    totals = {}
    for c in spec.columns:
        rev = sum(ln.amounts[c] or 0 for ln in spec.leaves() if ln.kind == REVENUE)
        cost = sum(ln.amounts[c] or 0 for ln in spec.leaves() if ln.kind == COST)
        totals[c] = {"intakter": rev, "kostnader": -cost, "resultat": rev - cost}
    return Expected(spec.columns, values, kinds, parents, totals)


# --- labels as written and back ------------------------------------------------------------

_STRIP_PREFIX = re.compile(r"^\s*[-–—•·▪]\s*")
_STRIP_ACCOUNT = re.compile(r"^\s*\d{3,4}\s+")


def normalise_label(label: str) -> str:
    """A label as written ("- 4531 Samordningsteam", "3010 Medel från …") -> spec label."""
    s = _STRIP_PREFIX.sub("", label.strip())
    s = _STRIP_ACCOUNT.sub("", s)
    return s.strip().rstrip("*").strip()


def summa_label(category: str) -> str:
    """The "Summa …" row for a category in the "summa" hierarchy."""
    return "Summa " + category[:1].lower() + category[1:]


# --- writing --------------------------------------------------------------------------------

@dataclass
class Layout:
    """Where write_variant put things (1-based rows, Excel letters)."""

    path: str
    header_row: int
    label_col: str
    col_letters: dict[str, str]                      # column header -> letter
    headers: dict[str, str]                          # column header -> header text written
    rows: dict[str, int] = field(default_factory=dict)   # spec label / total label -> row
    written_labels: dict[str, str] = field(default_factory=dict)
    options: dict = field(default_factory=dict)

    def cell(self, label: str, column: str) -> str:
        return f"{self.col_letters[column]}{self.rows[label]}"


def _group(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _text_amount(value: Decimal, unit: str, style: int) -> str:
    """Swedish text for an amount in the sheet's unit; `style` picks among common forms."""
    neg = value < 0
    mag = -value if neg else value
    whole = int(mag)
    frac = mag - whole
    body = _group(whole)
    if frac:
        body += "," + format(frac, "f").split(".")[1].rstrip("0")
    style %= 4
    if unit == "kr":
        if not neg:
            return [f"{body} kr", body, body.replace(" ", "\u00a0"), f"{body} kr"][style]
        return [f"-{body} kr", f"({body})", f"\u2212{body}", f"- {body}"][style]
    if not neg:
        return [body, f"{body} tkr", body.replace(" ", "\u00a0"), body][style]
    return [f"\u2212{body}", f"({body})", f"-{body}", f"- {body} tkr"][style]


def _number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(str(value))


def write_variant(path, spec: Spec, *, unit: str = "kr", sign: str = "costs_negative",
                  hierarchy: str = "prefix", subtotals: str = "typed", title_rows: bool = True,
                  blank_rows: bool = False, notes_column: bool = False,
                  text_numbers: bool = False, leading_blank_column: bool = False,
                  unit_place: str | None = None, bold_top: bool = False,
                  accounts: bool | None = None, child_accounts: bool | None = None,
                  errors: Mapping | None = None) -> Layout:
    """Write `spec` to `path` in one layout and return where everything went.

    unit            "kr" or "tkr" (amounts divided by 1000; exact for the spec's amounts)
    sign            "costs_negative", "all_positive" (headings "Intäkter"/"Kostnader",
                    RESULTAT = revenue − costs) or "revenue_negative" (accounting:
                    account-number labels, revenue negative, costs positive,
                    "8900 Årets resultat" = revenue − costs with its natural sign)
    hierarchy       "prefix" ("- " before breakdown rows), "indent" (alignment indent 1),
                    "bold" (bold top-level rows, plain breakdown rows) or "summa"
                    (category heading without amounts, breakdown, "Summa <category>")
    subtotals       "typed" constants or "formula" (=SUM(B7:B10), =B5+B12; no cached
                    values, so the reader must evaluate them)
    unit_place      where a tkr unit is stated: "title" ("Belopp i tkr" above the table),
                    "header" ("Budget 2025 tkr") or "label_cell" ("(tkr)" on the header
                    row above the labels); default "title" with title rows, else "header"
    bold_top        also make top-level rows bold in the prefix/indent hierarchies
    accounts        put account numbers before the labels ("3010 Medel från huvudmännen");
                    default: only in the revenue_negative layout
    child_accounts  give breakdown rows their own account numbers too ("4531 Samordningsteam");
                    default: yes, except with the prefix hierarchy, where the breakdown rows
                    are written "- Samordningsteam" (the reader does not take
                    "- 4531 Samordningsteam" as a breakdown row; see
                    test_prefix_before_account_number in test_layout_variants.py)
    errors          {label: {column: delta_kr}}: add delta (in the model's sign: revenue
                    positive, costs negative; a result as revenue − costs) to a typed
                    stated figure; label is a category/line label, "SUMMA INTÄKTER",
                    "SUMMA KOSTNADER" or "RESULTAT"
    """
    if unit not in UNITS or sign not in SIGNS or hierarchy not in HIERARCHIES \
            or subtotals not in SUBTOTALS:
        raise ValueError("unknown option")
    if errors and subtotals != "typed":
        raise ValueError("errors can only be put into typed subtotals")
    if unit_place is None:
        unit_place = "title" if title_rows else "header"
    if unit_place not in ("title", "header", "label_cell"):
        raise ValueError(unit_place)
    if unit_place == "title" and unit == "tkr" and not title_rows:
        raise ValueError("unit_place='title' needs title rows")
    errors = {("RESULTAT" if k in RESULT_LABELS.values() else k): v for k, v in (errors or {}).items()}

    wb = Workbook()
    ws = wb.active
    ws.title = "Budget"
    c0 = 2 if leading_blank_column else 1                # label column (1-based)
    amount_cols = {h: c0 + 1 + i for i, h in enumerate(spec.columns)}
    notes_col = c0 + 1 + len(spec.columns)
    letters = {h: get_column_letter(c) for h, c in amount_cols.items()}
    factor = Decimal(1000) if unit == "tkr" else Decimal(1)
    if accounts is None:
        accounts = sign == "revenue_negative"
    if child_accounts is None:
        child_accounts = hierarchy != "prefix"

    row = 1
    if title_rows:
        ws.cell(row=row, column=c0, value=spec.organisation).font = TITLE
        row += 1
        first, last = spec.columns[0], spec.columns[-1]
        ws.cell(row=row, column=c0, value=f"Resultatbudget {first.split()[-1]}–{last.split()[-1]}")
        row += 1
        if unit_place == "title":
            ws.cell(row=row, column=c0, value="Belopp i tkr" if unit == "tkr" else "Belopp i kronor")
            row += 1
        row += 1
    header_row = row
    headers = {}
    if unit == "tkr" and unit_place == "label_cell":
        ws.cell(row=row, column=c0, value="(tkr)").font = BOLD
    for h, c in amount_cols.items():
        text = f"{h} tkr" if unit == "tkr" and unit_place == "header" else h
        headers[h] = text
        ws.cell(row=row, column=c, value=text).font = BOLD
    if notes_column:
        ws.cell(row=row, column=notes_col, value="Kommentar").font = BOLD
    row += 1
    if blank_rows:
        row += 1

    layout = Layout(path=str(path), header_row=header_row, label_col=get_column_letter(c0),
                    col_letters=letters, headers=headers,
                    options=dict(unit=unit, sign=sign, hierarchy=hierarchy, subtotals=subtotals,
                                 title_rows=title_rows, blank_rows=blank_rows,
                                 notes_column=notes_column, text_numbers=text_numbers,
                                 leading_blank_column=leading_blank_column,
                                 unit_place=unit_place, bold_top=bold_top,
                                 accounts=accounts, child_accounts=child_accounts))

    def source_sign(kind: str) -> int:
        """Sign of a magnitude of `kind` in the source convention."""
        if sign == "costs_negative":
            return 1 if kind == REVENUE else -1
        if sign == "all_positive":
            return 1
        return -1 if kind == REVENUE else 1

    def signed(magnitude: int | None, kind: str) -> int | None:
        return None if magnitude is None else magnitude * source_sign(kind)

    def model_to_source(kind: str) -> int:
        """Factor turning a delta in the model's sign into the source's sign."""
        model = 1 if kind == REVENUE else -1
        return model * source_sign(kind)

    def put_amount(r: int, h: str, kr: int | None, kind: str | None, bold: bool, key: str | None):
        if kr is None:
            return
        if key is not None and key in errors and h in errors[key]:
            kr += errors[key][h] * (1 if kind is None else model_to_source(kind))
        v = Decimal(kr) / factor
        if text_numbers:
            value = _text_amount(v, unit, r + amount_cols[h])
        else:
            value = _number(v)
        cell = ws.cell(row=r, column=amount_cols[h], value=value)
        if text_numbers:
            cell.alignment = RIGHT
        else:
            cell.number_format = "#,##0.0" if unit == "tkr" else "#,##0"
        if bold:
            cell.font = BOLD

    def put_formula(r: int, h: str, formula: str, bold: bool):
        cell = ws.cell(row=r, column=amount_cols[h], value=formula.replace("{L}", letters[h]))
        cell.number_format = "#,##0.0" if unit == "tkr" else "#,##0"
        if bold:
            cell.font = BOLD

    def put_label(r: int, text: str, *, bold=False, indent=False, key: str | None = None):
        cell = ws.cell(row=r, column=c0, value=text)
        if bold:
            cell.font = BOLD
        if indent:
            cell.alignment = INDENT1
        if key is not None:
            layout.rows[key] = r
            layout.written_labels[key] = text

    def put_note(r: int, text: str | None):
        if notes_column and text:
            ws.cell(row=r, column=notes_col, value=text)

    def label_text(ln: SpecLine) -> str:
        text = ln.label
        is_child = ln.parent is not None
        if accounts and ln.account is not None and (child_accounts or not is_child) \
                and not (hierarchy == "summa" and spec.is_category(ln.label)):
            text = f"{ln.account} {text}"
        if is_child and hierarchy == "prefix":
            text = "- " + text
        return text

    def write_block(kind: str) -> list[int]:
        """Write the lines of one kind; return the rows that make up the grand total."""
        nonlocal row
        units: list[int] = []
        tops = spec.top(kind)
        for i, top in enumerate(tops):
            kids = spec.children(top.label)
            if blank_rows and i > 0 and (kids or spec.children(tops[i - 1].label)):
                row += 1
            top_bold = hierarchy == "bold" or (bold_top and hierarchy in ("prefix", "indent"))
            if kids and hierarchy == "summa":
                put_label(row, label_text(top), bold=True, key=top.label)
                put_note(row, top.note)
                row += 1
                first = row
                for k in kids:
                    put_label(row, label_text(k), key=k.label)
                    put_note(row, k.note)
                    for h in spec.columns:
                        put_amount(row, h, signed(k.amounts[h], kind), kind, False, k.label)
                    row += 1
                sl = summa_label(top.label)
                put_label(row, sl, bold=True, key=sl)
                for h in spec.columns:
                    if subtotals == "formula":
                        put_formula(row, h, f"=SUM({{L}}{first}:{{L}}{row - 1})", True)
                    else:
                        put_amount(row, h, signed(top.amounts[h], kind), kind, True, top.label)
                units.append(row)
                row += 1
                continue
            cat_row = row
            put_label(row, label_text(top), bold=top_bold, key=top.label)
            put_note(row, top.note)
            units.append(row)
            row += 1
            for k in kids:
                put_label(row, label_text(k), indent=hierarchy == "indent", key=k.label)
                put_note(row, k.note)
                for h in spec.columns:
                    put_amount(row, h, signed(k.amounts[h], kind), kind, False, k.label)
                row += 1
            for h in spec.columns:
                if kids and subtotals == "formula":
                    put_formula(cat_row, h, f"=SUM({{L}}{cat_row + 1}:{{L}}{row - 1})", top_bold)
                else:
                    put_amount(cat_row, h, signed(top.amounts[h], kind), kind, top_bold, top.label)
        return units

    def grand(label: str, kind: str, units: list[int]):
        nonlocal row
        if blank_rows:
            row += 1
        put_label(row, label, bold=True, key=label)
        for h in spec.columns:
            if subtotals == "formula":
                put_formula(row, h, "=" + "+".join(f"{{L}}{u}" for u in units), True)
            else:
                mag = sum(ln.amounts[h] or 0 for ln in spec.leaves() if ln.kind == kind)
                put_amount(row, h, mag * source_sign(kind), kind, True, label)
        row += 1

    if sign == "all_positive":
        put_label(row, "Intäkter", bold=True)
        row += 1
    rev_units = write_block(REVENUE)
    grand(REVENUE_TOTAL_LABEL, REVENUE, rev_units)
    rev_row = row - 1
    row += 1 if blank_rows else 0
    if sign == "all_positive":
        put_label(row, "Kostnader", bold=True)
        row += 1
    cost_units = write_block(COST)
    grand(COST_TOTAL_LABEL, COST, cost_units)
    cost_row = row - 1
    if blank_rows:
        row += 1
    result_label = RESULT_LABELS[sign]
    put_label(row, result_label, bold=True, key="RESULTAT")
    layout.rows[result_label] = row
    for h in spec.columns:
        if subtotals == "formula":
            f = {"costs_negative": "={L}%d+{L}%d", "all_positive": "={L}%d-{L}%d",
                 "revenue_negative": "=-{L}%d-{L}%d"}[sign] % (rev_row, cost_row)
            put_formula(row, h, f, True)
        else:
            rev = sum(ln.amounts[h] or 0 for ln in spec.leaves() if ln.kind == REVENUE)
            cost = sum(ln.amounts[h] or 0 for ln in spec.leaves() if ln.kind == COST)
            put_amount(row, h, rev - cost, None, True, "RESULTAT")
    row += 1

    ws.column_dimensions[get_column_letter(c0)].width = 44
    for c in amount_cols.values():
        ws.column_dimensions[get_column_letter(c)].width = 16
    if notes_column:
        ws.column_dimensions[get_column_letter(notes_col)].width = 36
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return layout


def variant_name(**options) -> str:
    """A short file name for a set of write_variant options."""
    parts = []
    for k in sorted(options):
        v = options[k]
        if v is True:
            parts.append(k)
        elif v is False or v is None:
            continue
        else:
            parts.append(str(v))
    return "-".join(parts) or "default"
