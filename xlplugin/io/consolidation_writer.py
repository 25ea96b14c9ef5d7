"""Write the consolidated county workbook (länsbudget) with live totals.

Sheets: Sammanställning, Per förbund, Mappning, Elimineringar, Eget kapital, Avstämning.
Category amounts per förbund are the sums of their mapped lines; every total, the
consolidated column, the equity total, the cap and the reconciliation are formulas.
The workbook can be edited and passed back with --mapping.

Written with XlsxWriter, whose files its own test suite compares with files Excel itself
saved (formats created once; rows written with write_row). Formulas are written with a
cached result of 0 and the workbook asks Excel to compute them all on opening; LibreOffice
recalculates them on loading as well (the tests do that and compare every total with the
core to the krona).
"""

from __future__ import annotations

from pathlib import Path

from ..core.categories import CATEGORY_NAMES, CHART, UNMAPPED, doubt_text, evidence
from ..core.consolidation import Consolidation, against_sources, equity_by_forbund
from ..core.equity import EquityPolicy
from ..core.model import COST, REVENUE
from ..core.totals import base_lines
from .engines import column_letter as _col

MONEY = '#,##0;[Red]-#,##0'
SUMMARY = "Sammanställning"


def _kind_rows(cons: Consolidation):
    rev = [c for c, _, k in CHART if k == REVENUE]
    cost = [c for c, _, k in CHART if k == COST]
    extra_rev = sorted({c for k in cons.keys for c in cons.by_category[k] if c.endswith(":intakt")})
    return rev + extra_rev, cost + [UNMAPPED]


def _name(cat: str) -> str:
    if cat.endswith(":intakt"):
        return "Ej klassificerat (intäkter)"
    return CATEGORY_NAMES.get(cat, cat)


class _Formats:
    def __init__(self, wb):
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.note = wb.add_format({"italic": True, "font_color": "#555555"})
        self.bold = wb.add_format({"bold": True})
        self.key = wb.add_format({"bold": True, "font_size": 12})
        self.head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "align": "center",
                                   "text_wrap": True, "valign": "vcenter"})
        self.money = wb.add_format({"num_format": MONEY})
        self.money_bold = wb.add_format({"num_format": MONEY, "bold": True, "top": 1})
        self.indent = wb.add_format({"indent": 1})
        self.pct = wb.add_format({"num_format": "0%"})
        self.unmapped = wb.add_format({"bg_color": "#FFF2CC"})
        self.doubt = wb.add_format({"bg_color": "#FCE4D6"})
        self.warning = wb.add_format({"bold": True, "font_color": "#C00000"})


def _note(ws, cons: Consolidation, text: str, fmt: _Formats):
    """The sheet's note under its title; led by OSÄKER TOLKNING, on every sheet, when a
    förbund whose reading is uncertain was taken in (finsam consolidate --med-osakra)."""
    unsure = [f.name for f in cons.forbund if not f.budget.reading.certain]
    if unsure:
        ws.write(1, 0, "OSÄKER TOLKNING av " + ", ".join(unsure) + " (tagen med --med-osakra; se "
                       "finsam kontrollera --forklara). " + text, fmt.warning)
    else:
        ws.write(1, 0, text, fmt.note)


def _page(ws, title_row: int | None = None):
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    if title_row is not None:
        ws.repeat_rows(title_row)
    ws.set_header("&LLänsbudget – sammanställning av samordningsförbund")
    ws.set_footer("&RSida &P av &N")


def write_consolidation(cons: Consolidation, path: str | Path,
                        policy: EquityPolicy = EquityPolicy()) -> dict:
    """Write the workbook; return {key: {"intakter": cell, "kostnader": cell, "resultat": cell}}
    with the consolidated total cells on Sammanställning (for the tests)."""
    import xlsxwriter

    # texts stay texts ("2025", "=x" in a label are no number or formula)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    wb.set_properties({"creator": "xlplugin (finsam sammanstall)"})
    fmt = _Formats(wb)
    try:
        cells = _summary(wb.add_worksheet(SUMMARY), cons, fmt)
        _per_forbund(wb.add_worksheet("Per förbund"), cons, fmt)
        _mapping(wb.add_worksheet("Mappning"), cons, fmt)
        _eliminations(wb.add_worksheet("Elimineringar"), cons, fmt)
        _equity(wb.add_worksheet("Eget kapital"), cons, policy, cells, fmt)
        _reconciliation(wb.add_worksheet("Avstämning"), cons, cells, fmt)
    finally:
        wb.close()
    return cells


def _summary(ws, cons: Consolidation, fmt: _Formats) -> dict:
    names = [f.name for f in cons.forbund]
    ws.write(0, 0, "Sammanställning av " + ", ".join(names), fmt.title)
    _note(ws, cons, "Belopp i kronor, intäkter positiva och kostnader negativa. Tom cell: förbundet "
                   "saknar kolumnen. Summor och sammanställd kolumn är formler.", fmt)
    rev_cats, cost_cats = _kind_rows(cons)
    n = len(names)
    sum_c, elim_c, cons_c = 1 + n, 2 + n, 3 + n
    r = 3
    cells = {}
    for key in cons.keys:
        present = [f.columns.get(key) is not None for f in cons.forbund]
        ws.write(r, 0, key.capitalize(), fmt.key)
        r += 1
        ws.write_row(r, 0, ["Kategori", *names, "Summa förbund", "Elimineringar", "Sammanställt"], fmt.head)
        r += 1
        elim_by_cat: dict[str, int] = {}
        for e in cons.applied(key):
            cat = cons.bucket_of(e.forbund, e.label)
            elim_by_cat[cat] = elim_by_cat.get(cat, 0) + e.amount
        block = {}
        for title, cats, kind in (("Intäkter", rev_cats, REVENUE), ("Kostnader", cost_cats, COST)):
            ws.write(r, 0, title, fmt.bold)
            r += 1
            first = r
            for cat in cats:
                per = cons.by_category[key].get(cat) or {}
                ws.write(r, 0, _name(cat), fmt.indent)
                for k, f in enumerate(names):
                    v = per.get(f, 0 if present[k] else None)
                    if v is not None:
                        ws.write_number(r, 1 + k, v, fmt.money)
                xl = r + 1
                ws.write_formula(r, sum_c, f"=SUM(B{xl}:{_col(n)}{xl})", fmt.money)
                ws.write_number(r, elim_c, elim_by_cat.get(cat, 0), fmt.money)
                ws.write_formula(r, cons_c, f"={_col(sum_c)}{xl}-{_col(elim_c)}{xl}", fmt.money)
                r += 1
            last = r - 1
            ws.write(r, 0, "Summa intäkter" if kind == REVENUE else "Summa kostnader", fmt.bold)
            for k in range(n + 3):
                if k < n and not present[k]:
                    continue
                L = _col(1 + k)
                ws.write_formula(r, 1 + k, f"=SUM({L}{first + 1}:{L}{last + 1})", fmt.money_bold)
            block[kind] = r
            r += 1
        ws.write(r, 0, "Resultat", fmt.bold)
        for k in range(n + 3):
            if k < n and not present[k]:
                continue
            L = _col(1 + k)
            ws.write_formula(r, 1 + k, f"={L}{block[REVENUE] + 1}+{L}{block[COST] + 1}", fmt.money_bold)
        C = _col(cons_c)
        cells[key] = {"intakter": f"{C}{block[REVENUE] + 1}", "kostnader": f"{C}{block[COST] + 1}",
                      "resultat": f"{C}{r + 1}"}
        r += 3
    ws.set_column(0, 0, 36)
    ws.set_column(1, n + 3, 18)
    ws.freeze_panes(3, 1)
    _page(ws)
    return cells


def _row(ws, r: int, c: int, values, style=None) -> None:
    """A row of plain values by XlsxWriter's typed writers (write_string, write_number):
    no per-cell type sniffing, and a label that starts with "=" stays text."""
    for k, v in enumerate(values):
        if v is None:
            continue
        if isinstance(v, str):
            ws.write_string(r, c + k, v, style)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            ws.write_number(r, c + k, v, style)
        else:
            ws.write(r, c + k, v, style)


def _per_forbund(ws, cons: Consolidation, fmt: _Formats):
    ws.write(0, 0, "Varje förbunds rader som de lästes, i kronor och med intäkter positiva, "
                   "kostnader negativa", fmt.title)
    _note(ws, cons, "Bara rader som räknas (de mest detaljerade raderna med belopp); kategorirader och "
                   "summarader ingår genom sina underrader.", fmt)
    head = ["Förbund", "Fil", "Blad", "Rad", "Text", "Kategori", *[k.capitalize() for k in cons.keys]]
    ws.write_row(3, 0, head, fmt.head)
    base = {}
    for f in cons.forbund:
        for key in cons.keys:
            h = f.columns.get(key)
            base[(f.name, key)] = {ln.index for ln in base_lines(f.budget, h)} if h else set()
    # per förbund: file name, sheet, and (amount column, header, base line indices) per key
    where = {f.name: (Path(f.budget.path).name, f.budget.sheet,
                      [(6 + j, f.columns[key], base[(f.name, key)])
                       for j, key in enumerate(cons.keys) if f.columns.get(key)])
             for f in cons.forbund}
    r = 4
    for m in cons.mapped:
        file_name, sheet, amounts = where[m.forbund]
        _row(ws, r, 0, (m.forbund, file_name, sheet, m.line.row, m.line.label, _name(m.category)))
        index, values = m.line.index, m.line.values
        for c, h, base_indices in amounts:
            if index in base_indices:
                ws.write_number(r, c, values[h], fmt.money)
        r += 1
    ws.autofilter(3, 0, max(r - 1, 3), len(head) - 1)
    for c, w in enumerate((34, 30, 18, 6, 44, 26)):
        ws.set_column(c, c, w)
    ws.set_column(6, 6 + len(cons.keys), 15)
    ws.freeze_panes(4, 6)
    _page(ws, 3)


def mapping_evidence(m) -> str:
    """What decided a mapped line's category, in Swedish (core.categories.evidence)."""
    return evidence(m.rule, m.line.label)


def _mapping(ws, cons: Consolidation, fmt: _Formats):
    ws.write(0, 0, "Mappning av rader till gemensamma kategorier", fmt.title)
    _note(ws, cons, "Ändra Kategori där den är fel (kod eller namn ur listan till höger), spara och kör "
                   "igen med --mapping <den här filen>. Rader utan kategori står under Ej klassificerat; "
                   "rader märkta OSÄKER har en kategori som orden eller rubriken inte avgör.",
          fmt)
    ws.write_row(3, 0, ["Förbund", "Rad", "Kategori", "Vad som avgjorde"], fmt.head)
    r = 4
    for m in cons.mapped:
        unmapped = m.category == UNMAPPED
        style = fmt.unmapped if unmapped else (fmt.doubt if m.doubt else None)
        _row(ws, r, 0, (m.forbund, m.line.label,
                        "" if unmapped else CATEGORY_NAMES.get(m.category, m.category),
                        mapping_evidence(m) + (" – " + doubt_text(m.doubt, m.alternatives) if m.doubt else "")),
             style)
        r += 1
    ws.write(3, 5, "Kategorier", fmt.bold)
    ws.write(3, 6, "Kod", fmt.bold)
    for k, (code, name, _kind) in enumerate(CHART, start=4):
        ws.write(k, 5, name)
        ws.write(k, 6, code)
    unmapped = sum(1 for m in cons.mapped if m.category == UNMAPPED)
    ws.write(r + 1, 0, f"Rader utan matchande regel: {unmapped}", fmt.bold)
    ws.write(r + 2, 0, f"Rader med osäker kategori (OSÄKER): {len(cons.doubtful)}", fmt.bold)
    for c, w in enumerate((34, 48, 28, 50, 2, 28, 18)):
        ws.set_column(c, c, w)
    ws.freeze_panes(4, 0)
    _page(ws, 3)


def _eliminations(ws, cons: Consolidation, fmt: _Formats):
    ws.write(0, 0, "Elimineringar: belopp mellan förbunden i sammanställningen", fmt.title)
    _note(ws, cons, "Bekräftade rader (Bekräftad = ja) dras av i Sammanställt. Föreslagna rader bygger på "
                   "radtexten; skriv ja för att ta med dem. Belopp: intäkt positiv, kostnad negativ.", fmt)
    ws.write_row(3, 0, ["Förbund", "Rad", "Kolumn", "Belopp", "Bekräftad", "Kommentar"], fmt.head)
    r = 4
    for e in list(cons.eliminations) + list(cons.proposed):
        ws.write_row(r, 0, [e.forbund, e.label, e.column.capitalize()])
        ws.write_number(r, 3, e.amount, fmt.money)
        ws.write_row(r, 4, ["ja" if e.confirmed else "nej", e.note])
        r += 1
    if r == 4:
        ws.write(4, 0, "Inga elimineringar angivna eller föreslagna.")
    for c, w in enumerate((34, 44, 16, 15, 11, 40)):
        ws.set_column(c, c, w)
    _page(ws, 3)


def _equity(ws, cons: Consolidation, policy: EquityPolicy, cells: dict, fmt: _Formats):
    eq = equity_by_forbund(cons, policy)
    names = [f.name for f in cons.forbund]
    n = len(names)
    ws.write(0, 0, "Eget kapital per förbund och totalt", fmt.title)
    _note(ws, cons, f"Tak: andel (cell B3) av de sammanställda intäkterna för året, budget i första hand. "
                   "Tom cell: förbundet anger inget eget kapital det året.", fmt)
    ws.write(2, 0, "Tak i procent", fmt.bold)
    ws.write_number(2, 1, float(policy.cap_rate), fmt.pct)
    hr = 4
    ws.write_row(hr, 0, ["År", *names, "Totalt", "Sammanställda intäkter", "Tak", "Status"], fmt.head)
    T, I, C = _col(1 + n), _col(2 + n), _col(3 + n)
    for k, (year, d) in enumerate(eq.items(), start=hr + 1):
        xl = k + 1
        ws.write_number(k, 0, year)
        for j, f in enumerate(names):
            v = d["per_forbund"].get(f)
            if v is not None:
                ws.write_number(k, 1 + j, v, fmt.money)
        ws.write_formula(k, 1 + n, f"=SUM(B{xl}:{_col(n)}{xl})", fmt.money)
        key = next((kk for kk in cons.keys if kk == f"budget {year}"), None) or \
            next((kk for kk in cons.keys if kk.endswith(str(year))), None)
        if key:
            ws.write_formula(k, 2 + n, f"='{SUMMARY}'!{cells[key]['intakter']}", fmt.money)
            ws.write_formula(k, 3 + n, f"=ROUND({I}{xl}*$B$3,0)", fmt.money)
            suffix = '' if d["complete"] else '&" (ofullständigt)"'
            ws.write_formula(k, 4 + n, f'=IF({T}{xl}>{C}{xl},"Över taket","Inom ramen"){suffix}')
    ws.set_column(0, 0, 10)
    ws.set_column(1, n + 4, 20)
    _page(ws, hr)


def _reconciliation(ws, cons: Consolidation, cells: dict, fmt: _Formats):
    ws.write(0, 0, "Avstämning: inget har tappats", fmt.title)
    _note(ws, cons, "För varje kolumn: sammanställt = summan av förbundens egna summor minus "
                   "elimineringar. Skillnaden ska vara 0. Under den: varje förbund mot de summor "
                   "dess källa själv anger.", fmt)
    ws.write_row(3, 0, ["Kolumn", "Mått", "Förbunden (egna summor)", "Elimineringar", "Sammanställt",
                        "Skillnad"], fmt.head)
    r = 4
    for key in cons.keys:
        rec = cons.reconciliation(key)
        for measure, label in (("intakter", "Intäkter"), ("kostnader", "Kostnader"), ("resultat", "Resultat")):
            xl = r + 1
            ws.write_row(r, 0, [key.capitalize(), label])
            ws.write_number(r, 2, rec[measure]["inputs"], fmt.money)
            ws.write_number(r, 3, rec[measure]["eliminations"], fmt.money)
            ws.write_formula(r, 4, f"='{SUMMARY}'!{cells[key][measure]}", fmt.money)
            ws.write_formula(r, 5, f"=E{xl}-(C{xl}-D{xl})", fmt.money)
            r += 1
    # each förbund against the grand totals its own source states
    r += 1
    ws.write(r, 0, "Mot förbundens egna summor", fmt.key)
    r += 1
    diffs = [d for key in cons.keys for d in against_sources(cons, key)]
    if not diffs:
        ws.write(r, 0, "Varje förbunds lästa intäkter, kostnader och resultat är de summor källan själv "
                       "anger (SUMMA INTÄKTER, SUMMA KOSTNADER, RESULTAT) i alla kolumner.", fmt.note)
    else:
        ws.write_row(r, 0, ["Kolumn", "Förbund", "Mått", "Angivet i källan", "Läst", "Skillnad",
                            "Cell", "Förklaring"], fmt.head)
        for d in diffs:
            r += 1
            ws.write_row(r, 0, [d["column"].capitalize(), d["forbund"], d["measure"]])
            ws.write_number(r, 3, d["stated"], fmt.money)
            ws.write_number(r, 4, d["read"], fmt.money)
            ws.write_number(r, 5, d["difference"], fmt.money)
            ws.write(r, 6, d["cell"])
            ws.write(r, 7, f"avvikelse i källan ({d['explained_by']}; se finsam kontrollera)" if d["explained_by"]
                     else "INGET FÖRKLARAR SKILLNADEN: kontrollera tolkningen (finsam kontrollera --forklara)",
                     None if d["explained_by"] else fmt.warning)
    for c, w in enumerate((16, 30, 24, 16, 18, 12, 22, 60)):
        ws.set_column(c, c, w)
    _page(ws, 3)
