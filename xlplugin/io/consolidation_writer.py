"""Write the consolidated county workbook (länsbudget) with live totals.

Sheets: Sammanställning, Per förbund, Mappning, Elimineringar, Eget kapital, Avstämning.
Category amounts per förbund are the sums of their mapped lines; every total, the
consolidated column, the equity total, the cap and the reconciliation are formulas.
The workbook can be edited and passed back with --mapping.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..core.categories import CATEGORY_NAMES, CHART, UNMAPPED
from ..core.consolidation import CATEGORY_KIND, Consolidation, equity_by_forbund
from ..core.equity import EquityPolicy
from ..core.model import COST, REVENUE
from ..core.totals import base_lines

MONEY = '#,##0;[Red]-#,##0'
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD = PatternFill("solid", fgColor="DDEBF7")
TOP = Border(top=Side(style="thin"))
SUMMARY = "Sammanställning"


def _kind_rows(cons: Consolidation):
    rev = [c for c, _, k in CHART if k == REVENUE]
    cost = [c for c, _, k in CHART if k == COST]
    extra_rev = [c for c in {c for k in cons.keys for c in cons.by_category[k]} if c.endswith(":intakt")]
    return rev + sorted(extra_rev), cost + [UNMAPPED]


def _name(cat: str) -> str:
    if cat.endswith(":intakt"):
        return "Ej klassificerat (intäkter)"
    return CATEGORY_NAMES.get(cat, cat)


def _head(ws, row, values):
    for k, v in enumerate(values, start=1):
        c = ws.cell(row, k, v)
        c.font = BOLD
        c.fill = HEAD
        c.alignment = Alignment(horizontal="center", wrap_text=True)


def _page(ws, title_rows=None):
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.right.text = "Sida &P av &N"
    ws.oddHeader.left.text = "Länsbudget – sammanställning av samordningsförbund"


def write_consolidation(cons: Consolidation, path: str | Path,
                        policy: EquityPolicy = EquityPolicy()) -> dict:
    """Write the workbook; return {key: {"intakter": cell, "kostnader": cell, "resultat": cell}}
    with the consolidated total cells on Sammanställning (for the tests)."""
    wb = Workbook()
    ws = wb.active
    ws.title = SUMMARY
    names = [f.name for f in cons.forbund]
    ws["A1"] = "Sammanställning av " + ", ".join(names)
    ws["A1"].font = TITLE
    ws["A2"] = ("Belopp i kronor, intäkter positiva och kostnader negativa. Tom cell: förbundet "
                "saknar kolumnen. Summor och sammanställd kolumn är formler.")
    rev_cats, cost_cats = _kind_rows(cons)
    r = 4
    cells = {}
    n = len(names)
    sum_col = get_column_letter(2 + n)
    elim_col = get_column_letter(3 + n)
    cons_col = get_column_letter(4 + n)
    for key in cons.keys:
        ws.cell(r, 1, key.capitalize()).font = Font(bold=True, size=12)
        r += 1
        _head(ws, r, ["Kategori", *names, "Summa förbund", "Elimineringar", "Sammanställt"])
        r += 1
        elim_by_cat = {}
        for e in cons.applied(key):
            cat = cons.bucket_of(e.forbund, e.label)
            elim_by_cat[cat] = elim_by_cat.get(cat, 0) + e.amount
        block = {}
        for title, cats, kind in (("Intäkter", rev_cats, REVENUE), ("Kostnader", cost_cats, COST)):
            ws.cell(r, 1, title).font = BOLD
            r += 1
            first = r
            for cat in cats:
                per = cons.by_category[key].get(cat)
                if per is None:
                    per = {f: (0 if cons.forbund[i].columns.get(key) else None) for i, f in enumerate(names)}
                ws.cell(r, 1, _name(cat)).alignment = Alignment(indent=1)
                for k, f in enumerate(names):
                    v = per.get(f)
                    if v is not None:
                        ws.cell(r, 2 + k, v).number_format = MONEY
                ws.cell(r, 2 + n, f"=SUM(B{r}:{get_column_letter(1 + n)}{r})").number_format = MONEY
                ws.cell(r, 3 + n, elim_by_cat.get(cat, 0)).number_format = MONEY
                ws.cell(r, 4 + n, f"={sum_col}{r}-{elim_col}{r}").number_format = MONEY
                r += 1
            last = r - 1
            label = "Summa intäkter" if kind == REVENUE else "Summa kostnader"
            ws.cell(r, 1, label).font = BOLD
            for k in range(n + 3):
                L = get_column_letter(2 + k)
                if k < n and cons.forbund[k].columns.get(key) is None:
                    continue
                c = ws.cell(r, 2 + k, f"=SUM({L}{first}:{L}{last})")
                c.number_format = MONEY
                c.font = BOLD
                c.border = TOP
            block[kind] = r
            r += 1
        ws.cell(r, 1, "Resultat").font = BOLD
        for k in range(n + 3):
            L = get_column_letter(2 + k)
            if k < n and cons.forbund[k].columns.get(key) is None:
                continue
            c = ws.cell(r, 2 + k, f"={L}{block[REVENUE]}+{L}{block[COST]}")
            c.number_format = MONEY
            c.font = BOLD
        cells[key] = {"intakter": f"{cons_col}{block[REVENUE]}", "kostnader": f"{cons_col}{block[COST]}",
                      "resultat": f"{cons_col}{r}", "row_intakter": block[REVENUE], "row_kostnader": block[COST],
                      "row_resultat": r}
        r += 3
    ws.column_dimensions["A"].width = 36
    for k in range(n + 3):
        ws.column_dimensions[get_column_letter(2 + k)].width = 18
    ws.freeze_panes = "B4"
    _page(ws)

    _per_forbund(wb.create_sheet("Per förbund"), cons)
    _mapping(wb.create_sheet("Mappning"), cons)
    _eliminations(wb.create_sheet("Elimineringar"), cons)
    _equity(wb.create_sheet("Eget kapital"), cons, policy, cells)
    _reconciliation(wb.create_sheet("Avstämning"), cons, cells)
    wb.properties.creator = "xlplugin (finsam consolidate)"
    wb.save(path)
    return cells


def _per_forbund(ws, cons: Consolidation):
    ws["A1"] = "Varje förbunds rader som de lästes, i kronor och med intäkter positiva, kostnader negativa"
    ws["A1"].font = TITLE
    ws["A2"] = ("Bara rader som räknas (de mest detaljerade raderna med belopp); kategorirader och "
                "summarader ingår genom sina underrader.")
    head = ["Förbund", "Fil", "Blad", "Rad", "Text", "Kategori", *[k.capitalize() for k in cons.keys]]
    _head(ws, 4, head)
    r = 5
    base = {}
    for f in cons.forbund:
        for key in cons.keys:
            h = f.columns.get(key)
            base[(f.name, key)] = {ln.index for ln in base_lines(f.budget, h)} if h else set()
    for m in cons.mapped:
        f = next(x for x in cons.forbund if x.name == m.forbund)
        row = [m.forbund, Path(f.budget.path).name, f.budget.sheet, m.line.row, m.line.label, _name(m.category)]
        for k, v in enumerate(row, start=1):
            ws.cell(r, k, v)
        for j, key in enumerate(cons.keys):
            h = f.columns.get(key)
            if h and m.line.index in base[(f.name, key)]:
                ws.cell(r, 7 + j, m.line.values[h]).number_format = MONEY
        r += 1
    ws.auto_filter.ref = f"A4:{get_column_letter(len(head))}{max(r - 1, 4)}"
    for col, w in zip("ABCDEF", (34, 30, 18, 6, 44, 26)):
        ws.column_dimensions[col].width = w
    for j in range(len(cons.keys)):
        ws.column_dimensions[get_column_letter(7 + j)].width = 15
    ws.freeze_panes = "F5"
    _page(ws, "4:4")


def _mapping(ws, cons: Consolidation):
    ws["A1"] = "Mappning av rader till gemensamma kategorier"
    ws["A1"].font = TITLE
    ws["A2"] = ("Ändra Kategori där den är fel (kod eller namn ur listan till höger), spara och kör "
                "igen med --mapping <den här filen>. Rader utan kategori står under Ej klassificerat.")
    _head(ws, 4, ["Förbund", "Rad", "Kategori", "Regel som matchade"])
    r = 5
    for m in cons.mapped:
        ws.cell(r, 1, m.forbund)
        ws.cell(r, 2, m.line.label)
        ws.cell(r, 3, CATEGORY_NAMES.get(m.category, m.category) if m.category != UNMAPPED else None)
        ws.cell(r, 4, "din mappning" if m.rule == "mappning" else (m.rule or "ingen regel – ej klassificerad"))
        if m.category == UNMAPPED:
            for k in range(1, 5):
                ws.cell(r, k).fill = PatternFill("solid", fgColor="FFF2CC")
        r += 1
    ws.cell(4, 6, "Kategorier").font = BOLD
    ws.cell(4, 7, "Kod").font = BOLD
    for k, (code, name, kind) in enumerate(CHART, start=5):
        ws.cell(k, 6, name)
        ws.cell(k, 7, code)
    unmapped = [m for m in cons.mapped if m.category == UNMAPPED]
    r += 1
    ws.cell(r, 1, f"Rader utan matchande regel: {len(unmapped)}").font = BOLD
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions["C"].width = 28
    ws.column_dimensions["D"].width = 50
    ws.column_dimensions["F"].width = 28
    ws.column_dimensions["G"].width = 18
    ws.freeze_panes = "A5"
    _page(ws, "4:4")


def _eliminations(ws, cons: Consolidation):
    ws["A1"] = "Elimineringar: belopp mellan förbunden i sammanställningen"
    ws["A1"].font = TITLE
    ws["A2"] = ("Bekräftade rader (Bekräftad = ja) dras av i Sammanställt. Föreslagna rader bygger på "
                "radtexten; skriv ja för att ta med dem. Belopp: intäkt positiv, kostnad negativ.")
    _head(ws, 4, ["Förbund", "Rad", "Kolumn", "Belopp", "Bekräftad", "Kommentar"])
    r = 5
    for e in list(cons.eliminations) + list(cons.proposed):
        for k, v in enumerate([e.forbund, e.label, e.column.capitalize(), e.amount,
                               "ja" if e.confirmed else "nej", e.note], start=1):
            ws.cell(r, k, v)
        ws.cell(r, 4).number_format = MONEY
        r += 1
    if r == 5:
        ws.cell(5, 1, "Inga elimineringar angivna eller föreslagna.")
    for col, w in zip("ABCDEF", (34, 44, 16, 15, 11, 40)):
        ws.column_dimensions[col].width = w
    _page(ws, "4:4")


def _equity(ws, cons: Consolidation, policy: EquityPolicy, cells: dict):
    eq = equity_by_forbund(cons, policy)
    names = [f.name for f in cons.forbund]
    ws["A1"] = "Eget kapital per förbund och totalt"
    ws["A1"].font = TITLE
    ws["A2"] = (f"Tak: {policy.cap_rate * 100:g} % av de sammanställda intäkterna för året "
                "(budget i första hand). Tom cell: förbundet anger inget eget kapital det året.")
    ws["A3"], ws["B3"] = "Tak i procent", float(policy.cap_rate)
    ws["B3"].number_format = "0%"
    hr = 5
    _head(ws, hr, ["År", *names, "Totalt", "Sammanställda intäkter", "Tak", "Status"])
    n = len(names)
    for k, (year, d) in enumerate(eq.items(), start=hr + 1):
        ws.cell(k, 1, year)
        for j, f in enumerate(names):
            v = d["per_forbund"].get(f)
            if v is not None:
                ws.cell(k, 2 + j, v).number_format = MONEY
        T = get_column_letter(2 + n)
        ws.cell(k, 2 + n, f"=SUM(B{k}:{get_column_letter(1 + n)}{k})").number_format = MONEY
        key = next((kk for kk in cons.keys if kk == f"budget {year}"), None) or \
            next((kk for kk in cons.keys if kk.endswith(str(year))), None)
        I = get_column_letter(3 + n)
        if key:
            ws.cell(k, 3 + n, f"='{SUMMARY}'!{cells[key]['intakter']}").number_format = MONEY
            ws.cell(k, 4 + n, f"=ROUND({I}{k}*$B$3,0)").number_format = MONEY
            C = get_column_letter(4 + n)
            status = f'=IF({T}{k}>{C}{k},"Över taket","Inom ramen")'
            if not d["complete"]:
                status = f'=IF({T}{k}>{C}{k},"Över taket","Inom ramen")&" (ofullständigt)"'
            ws.cell(k, 5 + n, status)
    ws.column_dimensions["A"].width = 10
    for j in range(n + 4):
        ws.column_dimensions[get_column_letter(2 + j)].width = 20
    _page(ws, f"{hr}:{hr}")


def _reconciliation(ws, cons: Consolidation, cells: dict):
    ws["A1"] = "Avstämning: inget har tappats"
    ws["A1"].font = TITLE
    ws["A2"] = ("För varje kolumn: sammanställt = summan av förbundens egna summor minus "
                "elimineringar. Skillnaden ska vara 0.")
    _head(ws, 4, ["Kolumn", "Mått", "Förbunden (egna summor)", "Elimineringar", "Sammanställt", "Skillnad"])
    r = 5
    for key in cons.keys:
        rec = cons.reconciliation(key)
        for measure, label in (("intakter", "Intäkter"), ("kostnader", "Kostnader"), ("resultat", "Resultat")):
            ws.cell(r, 1, key.capitalize())
            ws.cell(r, 2, label)
            ws.cell(r, 3, rec[measure]["inputs"]).number_format = MONEY
            ws.cell(r, 4, rec[measure]["eliminations"]).number_format = MONEY
            ws.cell(r, 5, f"='{SUMMARY}'!{cells[key][measure]}").number_format = MONEY
            ws.cell(r, 6, f"=E{r}-(C{r}-D{r})").number_format = MONEY
            r += 1
    for col, w in zip("ABCDEF", (16, 12, 24, 16, 18, 12)):
        ws.column_dimensions[col].width = w
    _page(ws, "4:4")
