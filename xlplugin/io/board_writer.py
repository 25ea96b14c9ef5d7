"""Write the board workbook (styrelseunderlag) with live formulas.

Sheets: Budget, Eget kapital, Medlemsbidrag, Nyckeltal, Kontroll, Regler. Line amounts
are constants; every category sum, subtotal, SUMMA INTÄKTER, SUMMA KOSTNADER, RESULTAT,
equity figure, cap and ratio is an Excel formula over those cells, so an edit in a line
updates every total. The writer mirrors the reader: one row per line read.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from ..core.board import BoardPlan
from ..core.categories import RATIO_GROUP_NAMES, RATIO_GROUPS, classify
from ..core.equity import EquityPolicy, is_member_contribution
from ..core.funding import REMAINDER_RULE, member_contributions
from ..core.model import (BUDGET, COST, COST_TOTAL, ITEM, PLAN, PROGNOS, RESULT_TOTAL, REVENUE,
                          REVENUE_TOTAL, SECTION, SUBTOTAL, TOTAL, Discrepancy, Line)

MONEY = '#,##0;[Red]-#,##0'
PERCENT = '0.0%'
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_BORDER = Border(top=Side(style="thin"))
BUDGET_SHEET = "Budget"
EQUITY_SHEET = "Eget kapital"


@dataclass(frozen=True)
class BoardOptions:
    policy: EquityPolicy = EquityPolicy()
    opening_equity: int | None = None          # IB of the first year when the source lacks it
    municipalities: tuple[tuple[str, int], ...] = ()
    source_name: str = ""


@dataclass
class BoardCells:
    """Where the key figures are, for defined names and for the tests."""

    budget_rows: dict[str, int]                  # 'intakter', 'kostnader', 'resultat' -> row
    column_letters: dict[str, str]               # board header -> column letter on Budget
    line_rows: dict[int, int]                    # line index -> row on Budget
    equity_rows: dict[int, int]                  # year -> row on Eget kapital
    equity_cols: dict[str, str]                  # 'ib', 'resultat', 'ub', 'tak', 'golv', ...


def _title(ws, text: str, sub: str):
    ws["A1"] = text
    ws["A1"].font = TITLE
    ws["A2"] = sub
    ws["A2"].font = Font(italic=True, color="555555")


def _print_setup(ws, org: str, year: int, title_rows: str | None):
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = org
    ws.oddHeader.right.text = f"Budget {year} – {ws.title}"
    ws.oddFooter.right.text = "Sida &P av &N"
    ws.oddFooter.left.text = "Underlag till förbundsstyrelsen"
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5


def _sum_formula(cells: Sequence[str], sheet: str | None = None) -> str:
    """=SUM over cells (optionally on another sheet), contiguous runs as ranges."""
    if not cells:
        return "=0"
    parts, run = [], [cells[0]]

    def row_of(ref):
        return int("".join(ch for ch in ref if ch.isdigit()))

    for ref in cells[1:]:
        if row_of(ref) == row_of(run[-1]) + 1 and ref.rstrip("0123456789") == run[-1].rstrip("0123456789"):
            run.append(ref)
        else:
            parts.append(run[0] if len(run) == 1 else f"{run[0]}:{run[-1]}")
            run = [ref]
    parts.append(run[0] if len(run) == 1 else f"{run[0]}:{run[-1]}")
    if sheet:
        parts = [f"'{sheet}'!{p}" for p in parts]
    return f"=SUM({','.join(parts)})"


def _depth(lines: Sequence[Line], ln: Line) -> int:
    d, p = 0, ln.parent
    while p is not None and d < 10:
        if lines[p].role == ITEM:
            d += 1
        p = lines[p].parent
    return d


def write_board(plan: BoardPlan, discrepancies: Sequence[Discrepancy], path: str | Path,
                options: BoardOptions = BoardOptions()) -> BoardCells:
    """Write the board workbook to `path` (callers pass a temporary path; see io.atomic)."""
    wb = Workbook()
    org = plan.source.organisation or "Samordningsförbundet"
    year = plan.year
    cells = _budget_sheet(wb.active, plan, org, options)
    _equity_sheet(wb.create_sheet(EQUITY_SHEET), plan, org, options, cells)
    _contributions_sheet(wb.create_sheet("Medlemsbidrag"), plan, org, options, cells)
    _ratios_sheet(wb.create_sheet("Nyckeltal"), plan, org, cells)
    _control_sheet(wb.create_sheet("Kontroll"), plan, org, discrepancies)
    _rules_sheet(wb.create_sheet("Regler"), plan, org)
    _names(wb, plan, cells)
    wb.properties.title = f"{org} – budget {year}"
    wb.properties.creator = "xlplugin (finsam board)"
    wb.save(path)
    return cells


# --- Budget ---------------------------------------------------------------------------------

def _budget_sheet(ws, plan: BoardPlan, org: str, options: BoardOptions) -> BoardCells:
    ws.title = BUDGET_SHEET
    b = plan.budget
    year = plan.year
    plan_years = [c.year for c in plan.columns if c.kind == PLAN]
    _title(ws, f"{org} – budget {year} och plan {min(plan_years)}–{max(plan_years)}" if plan_years
           else f"{org} – budget {year}",
           f"Belopp i kronor. Källa: {Path(options.source_name or plan.source.path).name}. "
           "Summor, resultat och eget kapital är formler.")
    header_row = 4
    ws.cell(header_row, 1, "")
    letters = {}
    for k, col in enumerate(plan.columns):
        letter = get_column_letter(2 + k)
        letters[col.header] = letter
        c = ws.cell(header_row, 2 + k, col.header + (" (framräknad)" if col.source is None else ""))
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = Alignment(horizontal="center", wrap_text=True)
    ws.cell(header_row, 1).fill = HEAD_FILL
    lines = list(b.lines)
    # A source total with lines of its kind after it ("Totala intäkter" above "Finansiella
    # intäkter") sums what is above it, as in the source; the board then adds its own
    # SUMMA over all lines before RESULTAT, which the equity sheet and the names use.
    kind_of = {REVENUE_TOTAL: REVENUE, COST_TOTAL: COST}
    early = {ln.index for ln in lines if ln.role == TOTAL and ln.total_type in kind_of
             and any(o.index > ln.index and o.kind == kind_of[ln.total_type] and o.role == ITEM
                     and o.parent is None for o in lines)}
    # Append grand totals the source does not have (or has only early ones of).
    kinds = {ln.total_type for ln in lines if ln.role == TOTAL and ln.index not in early}
    extra = []
    for ttype, label in ((REVENUE_TOTAL, "SUMMA INTÄKTER"), (COST_TOTAL, "SUMMA KOSTNADER"),
                         (RESULT_TOTAL, "RESULTAT")):
        if ttype not in kinds:
            extra.append(Line(index=-1, row=0, label=label, role=TOTAL, kind=None, values={},
                              total_type=ttype))
    result_pos = next((i for i, ln in enumerate(lines) if ln.total_type == RESULT_TOTAL), len(lines))
    order = lines[:result_pos] + [e for e in extra if e.total_type != RESULT_TOTAL] + \
        lines[result_pos:] + [e for e in extra if e.total_type == RESULT_TOTAL]
    row_of: dict[int, int] = {}
    grand_rows: dict[str, int] = {}
    r = header_row + 1
    placed = []
    for ln in order:
        placed.append((r, ln))
        if ln.index >= 0:
            row_of[ln.index] = r
        else:
            grand_rows.setdefault(ln.total_type, r)
        if ln.role == TOTAL and ln.total_type in (REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL) \
                and ln.index not in early:
            grand_rows.setdefault(ln.total_type, r)
        r += 1
    children: dict[int, list[int]] = {}
    for ln in lines:
        if ln.parent is not None and lines[ln.parent].role == ITEM:
            children.setdefault(ln.parent, []).append(ln.index)
    top = {REVENUE: [], COST: []}
    for ln in lines:
        is_line = ln.role == ITEM or (ln.role == TOTAL and not ln.members and ln.total_type == SUBTOTAL)
        if is_line and (ln.parent is None or lines[ln.parent].role != ITEM) and ln.kind in top:
            top[ln.kind].append(ln.index)
    for r, ln in placed:
        a = ws.cell(r, 1, ln.label)
        depth = _depth(lines, ln) if ln.index >= 0 else 0
        if depth:
            a.alignment = Alignment(indent=depth)
        is_total = ln.role == TOTAL
        if ln.role == SECTION or is_total or children.get(ln.index):
            a.font = BOLD
        for col in plan.columns:
            L = letters[col.header]
            ref = f"{L}{r}"
            value = None
            if ln.role == SECTION:
                continue
            if ln.total_type in (REVENUE_TOTAL, COST_TOTAL):
                above = ln.index if ln.index in early else len(lines)
                value = _sum_formula([f"{L}{row_of[i]}" for i in top[kind_of[ln.total_type]] if i < above])
            elif ln.total_type == RESULT_TOTAL:
                value = f"={L}{grand_rows[REVENUE_TOTAL]}+{L}{grand_rows[COST_TOTAL]}"
            elif is_total and ln.members:
                value = _sum_formula([f"{L}{row_of[m]}" for m in ln.members])
            elif children.get(ln.index) and any(lines[k].values.get(col.header) is not None
                                                for k in children[ln.index]):
                value = _sum_formula([f"{L}{row_of[k]}" for k in children[ln.index]])
            else:
                value = ln.values.get(col.header)
            cell = ws.cell(r, 2 + plan.columns.index(col), value)
            cell.number_format = MONEY
            if is_total or (isinstance(value, str) and ln.role == ITEM):
                cell.font = BOLD
            if is_total:
                cell.border = TOTAL_BORDER
        if is_total:
            a.border = TOTAL_BORDER
    ws.column_dimensions["A"].width = 52
    for col in plan.columns:
        ws.column_dimensions[letters[col.header]].width = 16
    ws.row_dimensions[header_row].height = 30
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    _print_setup(ws, org, plan.year, f"{header_row}:{header_row}")
    if len(placed) <= 60:
        ws.page_setup.fitToHeight = 1      # the whole budget on one page
    return BoardCells(
        budget_rows={"intakter": grand_rows[REVENUE_TOTAL], "kostnader": grand_rows[COST_TOTAL],
                     "resultat": grand_rows[RESULT_TOTAL]},
        column_letters=letters, line_rows=row_of, equity_rows={}, equity_cols={})


def _year_column(plan: BoardPlan, year: int, prefer_prognos: bool) -> str:
    cols = [c for c in plan.columns if c.year == year]
    if prefer_prognos:
        for c in cols:
            if c.kind == PROGNOS:
                return c.header
    for kind in (BUDGET, PLAN, PROGNOS):
        for c in cols:
            if c.kind == kind:
                return c.header
    return cols[0].header


def equity_years_of(plan: BoardPlan) -> list[int]:
    return sorted({c.year for c in plan.columns})


def result_column(plan: BoardPlan, year: int) -> str:
    """The column whose RESULTAT rolls equity forward: the prognos for the year before
    the budget year when there is one, else the budget/plan column."""
    return _year_column(plan, year, prefer_prognos=year < plan.year)


def base_column(plan: BoardPlan, year: int) -> str:
    return _year_column(plan, year, prefer_prognos=False)


def member_lines(plan: BoardPlan) -> list[Line]:
    return [ln for ln in plan.budget.lines if ln.kind == REVENUE and ln.role == ITEM
            and is_member_contribution(ln.label)
            and not any(k.parent == ln.index for k in plan.budget.lines)]


# --- Eget kapital ----------------------------------------------------------------------------

def _equity_sheet(ws, plan: BoardPlan, org: str, options: BoardOptions, cells: BoardCells):
    policy = options.policy
    base_text = "budgeterade intäkter" if policy.cap_base == "intakter" else "medlemsbidrag (tilldelade medel)"
    _title(ws, f"{org} – eget kapital", f"UB = IB + årets resultat. Tak: andel av {base_text}. "
           "Ändra procentsatsen eller golvet nedan så räknas allt om.")
    ws["A4"], ws["B4"] = "Tak i procent av basen", float(policy.cap_rate)
    ws["B4"].number_format = "0%"
    ws["A5"], ws["B5"] = "Golv (lägsta eget kapital), kr", policy.floor
    ws["B5"].number_format = MONEY
    ws["A4"].font = ws["A5"].font = BOLD
    head = ["År", "IB", "Resultat", "UB", "Bas för taket", "Tak", "Golv", "Marginal till taket",
            "Marginal till golvet", "Status"]
    hr = 7
    for k, text in enumerate(head, start=1):
        c = ws.cell(hr, k, text)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = Alignment(horizontal="center", wrap_text=True)
    years = equity_years_of(plan)
    opening = options.opening_equity
    B = BUDGET_SHEET
    member_rows = [cells.line_rows[ln.index] for ln in member_lines(plan)]
    for k, year in enumerate(years):
        r = hr + 1 + k
        cells.equity_rows[year] = r
        ws.cell(r, 1, year)
        if k == 0:
            ws.cell(r, 2, opening)
        else:
            ws.cell(r, 2, f"=D{r - 1}")
        L = cells.column_letters[result_column(plan, year)]
        ws.cell(r, 3, f"='{B}'!{L}{cells.budget_rows['resultat']}")
        ws.cell(r, 4, f'=IF(B{r}="","",B{r}+C{r})')
        BL = cells.column_letters[base_column(plan, year)]
        if policy.cap_base == "intakter" or not member_rows:
            ws.cell(r, 5, f"='{B}'!{BL}{cells.budget_rows['intakter']}")
        else:
            ws.cell(r, 5, _sum_formula([f"{BL}{m}" for m in member_rows], B))
        ws.cell(r, 6, f"=ROUND(E{r}*$B$4,0)")
        ws.cell(r, 7, '=IF($B$5="","",$B$5)')
        ws.cell(r, 8, f'=IF(D{r}="","",F{r}-D{r})')
        ws.cell(r, 9, f'=IF(OR(D{r}="",G{r}=""),"",D{r}-G{r})')
        ws.cell(r, 10, f'=IF(D{r}="","Uppgift saknas",IF(D{r}<0,"Negativt eget kapital",'
                       f'IF(AND(G{r}<>"",D{r}<G{r}),"Under golvet",IF(D{r}>F{r},"Över taket","Inom ramen"))))')
        for c in range(2, 10):
            ws.cell(r, c).number_format = MONEY
        ws.cell(r, 4).font = BOLD
    cells.equity_cols.update({"ib": "B", "resultat": "C", "ub": "D", "bas": "E", "tak": "F",
                              "golv": "G", "marginal_tak": "H", "marginal_golv": "I", "status": "J"})
    last = hr + len(years)
    if opening is None:
        ws.cell(last + 2, 1, f"IB {years[0]} saknas i källan: skriv in det i cell B{hr + 1}.")
        ws.cell(last + 2, 1).font = Font(bold=True, color="C00000")
    chart = LineChart()
    chart.title = "Eget kapital mot taket"
    chart.y_axis.title = "kronor"
    chart.x_axis.title = "år"
    chart.y_axis.number_format = "#,##0"
    chart.add_data(Reference(ws, min_col=4, min_row=hr, max_row=last), titles_from_data=True)
    chart.add_data(Reference(ws, min_col=6, min_row=hr, max_row=last), titles_from_data=True)
    if options.policy.floor is not None:
        chart.add_data(Reference(ws, min_col=7, min_row=hr, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=hr + 1, max_row=last))
    for series in chart.series:
        series.smooth = False
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, f"A{last + 4}")
    ws.column_dimensions["A"].width = 30
    for col in "BCDEFGHI":
        ws.column_dimensions[col].width = 15
    ws.column_dimensions["J"].width = 22
    ws.freeze_panes = ws.cell(hr + 1, 2)
    _print_setup(ws, org, plan.year, f"{hr}:{hr}")


# --- Medlemsbidrag ---------------------------------------------------------------------------

def _contributions_sheet(ws, plan: BoardPlan, org: str, options: BoardOptions, cells: BoardCells):
    _title(ws, f"{org} – medlemsbidrag", "Finsamlagen 5 §: staten 50 %, regionen 25 %, kommunerna 25 %. "
           + REMAINDER_RULE)
    cols = [c for c in plan.columns if c.kind in (BUDGET, PLAN) and c.year >= plan.year]
    rows_src = [cells.line_rows[ln.index] for ln in member_lines(plan)]
    hr = 4
    ws.cell(hr, 1, "Medlem").font = BOLD
    ws.cell(hr, 2, "Andel").font = BOLD
    for k, col in enumerate(cols):
        c = ws.cell(hr, 3 + k, col.header)
        c.font = BOLD
        c.fill = HEAD_FILL
    ws.cell(hr, 1).fill = ws.cell(hr, 2).fill = HEAD_FILL
    total_row = hr + 1
    ws.cell(total_row, 1, "Medlemsbidrag enligt budgeten").font = BOLD
    members = None
    for k, col in enumerate(cols):
        L = cells.column_letters[col.header]
        f = _sum_formula([f"{L}{m}" for m in rows_src], BUDGET_SHEET) if rows_src else None
        c = ws.cell(total_row, 3 + k, f)
        c.number_format = MONEY
        c.font = BOLD
        total = sum(ln.values.get(col.header) or 0 for ln in member_lines(plan))
        split = member_contributions(total, options.municipalities)
        if members is None:
            members = split
        for j, contrib in enumerate(split):
            r = total_row + 1 + j
            ws.cell(r, 1, contrib.member)
            ws.cell(r, 2, float(contrib.share)).number_format = "0.00%"
            ws.cell(r, 3 + k, contrib.amount).number_format = MONEY
        sum_row = total_row + 1 + len(split)
        letter = get_column_letter(3 + k)
        ws.cell(sum_row, 1, "Summa").font = BOLD
        ws.cell(sum_row, 3 + k, f"=SUM({letter}{total_row + 1}:{letter}{sum_row - 1})").number_format = MONEY
        ws.cell(sum_row + 1, 1, "Avstämning mot budgeten (ska vara 0)")
        ws.cell(sum_row + 1, 3 + k, f"={letter}{sum_row}-{letter}{total_row}").number_format = MONEY
    if not rows_src:
        ws.cell(total_row + 12, 1, "Ingen rad för medlemsbidrag (t.ex. 'Medel från huvudmännen') hittades i budgeten.")
    if not options.municipalities:
        ws.cell(hr - 1, 1, "Kommunernas fjärdedel visas som en rad; ange --befolkning för fördelning per kommun.")
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 10
    for k in range(len(cols)):
        ws.column_dimensions[get_column_letter(3 + k)].width = 16
    ws.freeze_panes = ws.cell(hr + 1, 3)
    _print_setup(ws, org, plan.year, f"{hr}:{hr}")


# --- Nyckeltal -------------------------------------------------------------------------------

def ratio_groups(plan: BoardPlan) -> dict[str, list[Line]]:
    """Cost base lines (lines without breakdown) per key-ratio group."""
    lines = plan.budget.lines
    has_kids = {ln.parent for ln in lines if ln.parent is not None}
    out = {g: [] for g in RATIO_GROUPS}
    for ln in lines:
        is_line = ln.role == ITEM or (ln.role == TOTAL and not ln.members and ln.total_type == SUBTOTAL)
        if not is_line or ln.kind != COST or ln.index in has_kids:
            continue
        cat, _ = classify(ln.label)
        for g, cats in RATIO_GROUPS.items():
            if cat in cats:
                out[g].append(ln)
    return out


def _ratios_sheet(ws, plan: BoardPlan, org: str, cells: BoardCells):
    col = next(c for c in plan.columns if c.kind == BUDGET and c.year == plan.year)
    L = cells.column_letters[col.header]
    B = BUDGET_SHEET
    _title(ws, f"{org} – nyckeltal {col.header}",
           "Varje andel anges med sin bas. Raderna förs till grupper efter sina rubriker (se Regler).")
    head = ["Nyckeltal", "Belopp", "Andel av kostnader", "Andel av intäkter",
            "Andel av direkta insatskostnader"]
    hr = 4
    for k, text in enumerate(head, start=1):
        c = ws.cell(hr, k, text)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.alignment = Alignment(wrap_text=True, horizontal="center")
    groups = ratio_groups(plan)
    r = hr + 1
    first = r
    group_rows = {}
    for g, lines in groups.items():
        ws.cell(r, 1, RATIO_GROUP_NAMES[g])
        refs = [f"{L}{cells.line_rows[ln.index]}" for ln in lines if ln.values.get(col.header) is not None]
        f = _sum_formula(refs, B) if refs else "=0"
        ws.cell(r, 2, f).number_format = MONEY
        group_rows[g] = r
        r += 1
    ofordelat = [f"'{B}'!{L}{cells.line_rows[ln.index]}" for ln in groups["struktur"]
                 if classify(ln.label)[0] == "ofordelat" and ln.values.get(col.header) is not None]
    base_row = r + 1
    ws.cell(base_row, 1, "Baser").font = BOLD
    ws.cell(base_row + 1, 1, "Kostnader (SUMMA KOSTNADER)")
    ws.cell(base_row + 1, 2, f"='{B}'!{L}{cells.budget_rows['kostnader']}").number_format = MONEY
    ws.cell(base_row + 2, 1, "Intäkter (SUMMA INTÄKTER)")
    ws.cell(base_row + 2, 2, f"='{B}'!{L}{cells.budget_rows['intakter']}").number_format = MONEY
    ws.cell(base_row + 3, 1, "Direkta insatskostnader (utan administration och ofördelade medel)")
    direct = f"=B{group_rows['individinsatser']}+B{group_rows['struktur']}+B{group_rows['processtod']}"
    if ofordelat:
        direct += "-(" + "+".join(ofordelat) + ")"
    ws.cell(base_row + 3, 2, direct).number_format = MONEY
    for rr in range(first, r):
        ws.cell(rr, 3, f'=IF($B${base_row + 1}=0,"",B{rr}/$B${base_row + 1})').number_format = PERCENT
        ws.cell(rr, 4, f'=IF($B${base_row + 2}=0,"",-B{rr}/$B${base_row + 2})').number_format = PERCENT
        ws.cell(rr, 5, f'=IF($B${base_row + 3}=0,"",B{rr}/$B${base_row + 3})').number_format = PERCENT
    ws.column_dimensions["A"].width = 60
    for c in "BCDE":
        ws.column_dimensions[c].width = 18
    _print_setup(ws, org, plan.year, f"{hr}:{hr}")


# --- Kontroll and Regler ---------------------------------------------------------------------

def _control_sheet(ws, plan: BoardPlan, org: str, discrepancies: Sequence[Discrepancy]):
    _title(ws, f"{org} – kontroll av källan",
           "Angivna summor i källarbetsboken som inte stämmer med raderna under. "
           "Styrelseunderlaget räknar alla summor från raderna.")
    head = ["Blad", "Cell", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"]
    hr = 4
    for k, text in enumerate(head, start=1):
        c = ws.cell(hr, k, text)
        c.font = BOLD
        c.fill = HEAD_FILL
    if not discrepancies:
        ws.cell(hr + 1, 1, "Inga avvikelser: alla angivna summor och eget kapital i källan stämmer.")
    for k, d in enumerate(discrepancies, start=hr + 1):
        for j, v in enumerate([d.sheet, d.cell, d.label, d.column, d.stated, d.computed, d.difference,
                               "ja" if d.consequential else "nej"], start=1):
            c = ws.cell(k, j, v)
            if j in (5, 6, 7):
                c.number_format = MONEY
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["C"].width = 50
    for c in "DEFGH":
        ws.column_dimensions[c].width = 15
    _print_setup(ws, org, plan.year, f"{hr}:{hr}")


def _rules_sheet(ws, plan: BoardPlan, org: str):
    _title(ws, f"{org} – framräknade planår", "Regler som användes för planår som saknas i källan.")
    hr = 4
    for k, text in enumerate(["Rad", "Kolumner", "Regel"], start=1):
        c = ws.cell(hr, k, text)
        c.font = BOLD
        c.fill = HEAD_FILL
    if not plan.applied:
        ws.cell(hr + 1, 1, "Inga planår räknades fram: alla kolumner kommer från källan.")
    for k, (label, cols, rule) in enumerate(plan.applied, start=hr + 1):
        ws.cell(k, 1, label)
        ws.cell(k, 2, cols)
        ws.cell(k, 3, rule)
    r = hr + 2 + max(1, len(plan.applied))
    ws.cell(r, 1, "Kategorier för nyckeltal").font = BOLD
    for k, (g, name) in enumerate(RATIO_GROUP_NAMES.items(), start=r + 1):
        ws.cell(k, 1, name)
        ws.cell(k, 2, ", ".join(RATIO_GROUPS[g]))
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 60
    _print_setup(ws, org, plan.year, f"{hr}:{hr}")


# --- defined names --------------------------------------------------------------------------

def _names(wb, plan: BoardPlan, cells: BoardCells):
    for col in plan.columns:
        if col.kind not in (BUDGET, PLAN):
            continue
        L = cells.column_letters[col.header]
        for name, key in (("Intakter", "intakter"), ("Kostnader", "kostnader"), ("Resultat", "resultat")):
            _define(wb, f"{name}_{col.year}", f"'{BUDGET_SHEET}'!${L}${cells.budget_rows[key]}")
    for year, r in cells.equity_rows.items():
        _define(wb, f"EK_UB_{year}", f"'{EQUITY_SHEET}'!$D${r}")


def _define(wb, name: str, ref: str):
    dn = DefinedName(name, attr_text=ref)
    try:
        wb.defined_names[name] = dn
    except TypeError:  # openpyxl < 3.1
        wb.defined_names.append(dn)
