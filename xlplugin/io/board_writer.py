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

from ..core.board import BoardPlan, board_equity
from ..core.categories import CATEGORY_NAMES, RATIO_GROUP_NAMES, RATIO_GROUPS, doubt_text, evidence, line_category
from ..core.equity import EquityPolicy, equity_note, is_member_contribution
from ..core.funding import REMAINDER_RULE, member_contributions
from ..core.totals import column_totals
from ..core.model import (BUDGET, COST, COST_TOTAL, ITEM, PLAN, PROGNOS, RESULT_TOTAL, REVENUE,
                          REVENUE_TOTAL, SECTION, SUBTOTAL, TOTAL, Discrepancy, Line)
from .engines import column_letter

MONEY = '#,##0;[Red]-#,##0'
PERCENT = '0.0%'
# cell formats as XlsxWriter properties (each distinct one is created once per workbook)
BOLD = {"bold": True}
TITLE = {"bold": True, "font_size": 14}
SUBTITLE = {"italic": True, "font_color": "#555555"}
HEAD = {"bold": True, "bg_color": "#DDEBF7", "align": "center", "text_wrap": True}
HEAD_FILL = {"bg_color": "#DDEBF7"}
TOTAL_BORDER = {"top": 1}
WARNING = {"bold": True, "font_color": "#C00000"}
BUDGET_SHEET = "Budget"
EQUITY_SHEET = "Eget kapital"


class Formula(str):
    """A cell's formula ("=SUM(B5:B9)"): written as a formula, where any other text,
    a label starting with "=" included, is written as text."""


def get_column_letter(c: int) -> str:
    """1-based column number -> letters (as the sheet functions count columns)."""
    return column_letter(c - 1)


class _Sheet:
    """One sheet being built: cells (1-based row and column, as the sheet functions count)
    with their format properties, written in one go by `write` with formats made once."""

    def __init__(self, title: str):
        self.title = title
        self.cells: dict[tuple[int, int], list] = {}     # (row, col) -> [value, props]
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.freeze: tuple[int, int] | None = None
        self.print: dict = {}
        self.charts: list = []

    def put(self, r: int, c: int, value=None, **props) -> None:
        cell = self.cells.setdefault((r, c), [None, {}])
        cell[0] = value
        cell[1].update(props)

    def style(self, r: int, c: int, **props) -> None:
        self.cells.setdefault((r, c), [None, {}])[1].update(props)

    def width(self, col: int, w: float) -> None:
        self.widths[col] = w

    def write(self, wb, formats: dict) -> None:
        ws = wb.add_worksheet(self.title)
        for (r, c), (value, props) in sorted(self.cells.items()):
            key = tuple(sorted(props.items()))
            fmt = formats.get(key)
            if fmt is None and props:
                fmt = formats[key] = wb.add_format(dict(props))
            if isinstance(value, Formula):
                ws.write_formula(r - 1, c - 1, value, fmt)
            elif value is None:
                ws.write_blank(r - 1, c - 1, None, fmt)
            elif isinstance(value, bool):
                ws.write_boolean(r - 1, c - 1, value, fmt)
            elif isinstance(value, (int, float, Decimal)):
                ws.write_number(r - 1, c - 1, value, fmt)
            else:
                ws.write_string(r - 1, c - 1, str(value), fmt)
        for c, w in self.widths.items():
            ws.set_column(c - 1, c - 1, w)
        for r, h in self.heights.items():
            ws.set_row(r - 1, h)
        if self.freeze:
            ws.freeze_panes(self.freeze[0] - 1, self.freeze[1] - 1)
        p = self.print
        ws.set_landscape()
        ws.set_paper(9)                                  # A4
        ws.fit_to_pages(1, p.get("pages_high", 0))
        if p.get("title_row"):
            ws.repeat_rows(p["title_row"] - 1)
        ws.set_header(f"&L{_amp(p.get('org', ''))}&R{_amp(p.get('head_right', ''))}")
        ws.set_footer("&LUnderlag till förbundsstyrelsen&RSida &P av &N")
        ws.set_margins(left=0.5, right=0.5)
        for make in self.charts:
            make(wb, ws)


def _amp(text: str) -> str:
    """Text for a page header: "&" doubled (a single one starts a code)."""
    return text.replace("&", "&&")


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


def _title(ws: _Sheet, text: str, sub: str):
    ws.put(1, 1, text, **TITLE)
    ws.put(2, 1, sub, **SUBTITLE)


def _print_setup(ws: _Sheet, org: str, year: int, title_row: int | None):
    """A4 landscape, one page wide, the heading row repeated, the förbund and the sheet
    in the page header, page numbers in the footer."""
    ws.print.update({"org": org, "head_right": f"Budget {year} – {ws.title}", "title_row": title_row})


def _head(ws: _Sheet, r: int, texts: Sequence[str], first: int = 1, **props):
    for k, text in enumerate(texts, start=first):
        ws.put(r, k, text, **(props or HEAD))


def _sum_formula(cells: Sequence[str], sheet: str | None = None) -> str:
    """=SUM over cells (optionally on another sheet), contiguous runs as ranges."""
    if not cells:
        return Formula("=0")
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
    return Formula(f"=SUM({','.join(parts)})")


def _depth(lines: Sequence[Line], ln: Line) -> int:
    d, p = 0, ln.parent
    while p is not None and d < 10:
        if lines[p].role == ITEM:
            d += 1
        p = lines[p].parent
    return d


def write_board(plan: BoardPlan, discrepancies: Sequence[Discrepancy], path: str | Path,
                options: BoardOptions = BoardOptions()) -> BoardCells:
    """Write the board workbook to `path` (callers pass a temporary path; see io.atomic),
    with XlsxWriter: the sheets are built as cells with format properties, then written
    with each distinct format created once."""
    import xlsxwriter
    org = plan.source.organisation or "Samordningsförbundet"
    year = plan.year
    sheets = [_Sheet(BUDGET_SHEET), _Sheet(EQUITY_SHEET), _Sheet("Medlemsbidrag"),
              _Sheet("Nyckeltal"), _Sheet("Kontroll"), _Sheet("Regler")]
    cells = _budget_sheet(sheets[0], plan, org, options)
    _equity_sheet(sheets[1], plan, org, options, cells)
    _contributions_sheet(sheets[2], plan, org, options, cells)
    _ratios_sheet(sheets[3], plan, org, cells)
    _control_sheet(sheets[4], plan, org, discrepancies)
    _rules_sheet(sheets[5], plan, org)
    # texts stay texts: a label "2025" or "=x" is no number or formula
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    try:
        formats: dict = {}
        for ws in sheets:
            ws.write(wb, formats)
        _names(wb, plan, cells)
        wb.set_properties({"title": f"{org} – budget {year}", "author": "xlplugin (finsam styrelseunderlag)"})
    finally:
        wb.close()
    return cells


# --- Budget ---------------------------------------------------------------------------------

def _budget_sheet(ws: _Sheet, plan: BoardPlan, org: str, options: BoardOptions) -> BoardCells:
    b = plan.budget
    year = plan.year
    plan_years = [c.year for c in plan.columns if c.kind == PLAN]
    _title(ws, f"{org} – budget {year} och plan {min(plan_years)}–{max(plan_years)}" if plan_years
           else f"{org} – budget {year}",
           f"Belopp i kronor. Källa: {Path(options.source_name or plan.source.path).name}. "
           "Summor, resultat och eget kapital är formler.")
    header_row = 4
    letters = {}
    for k, col in enumerate(plan.columns):
        letters[col.header] = get_column_letter(2 + k)
        ws.put(header_row, 2 + k, col.header + (" (framräknad)" if col.source is None else ""), **HEAD)
    ws.put(header_row, 1, None, **HEAD_FILL)
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
        ws.put(r, 1, ln.label)
        depth = _depth(lines, ln) if ln.index >= 0 else 0
        if depth:
            ws.style(r, 1, indent=depth)
        is_total = ln.role == TOTAL
        if ln.role == SECTION or is_total or children.get(ln.index):
            ws.style(r, 1, **BOLD)
        for col in plan.columns:
            L = letters[col.header]
            value = None
            if ln.role == SECTION:
                continue
            if ln.total_type in (REVENUE_TOTAL, COST_TOTAL):
                above = ln.index if ln.index in early else len(lines)
                value = _sum_formula([f"{L}{row_of[i]}" for i in top[kind_of[ln.total_type]] if i < above])
            elif ln.total_type == RESULT_TOTAL:
                value = Formula(f"={L}{grand_rows[REVENUE_TOTAL]}+{L}{grand_rows[COST_TOTAL]}")
            elif is_total and ln.members:
                value = _sum_formula([f"{L}{row_of[m]}" for m in ln.members])
            elif children.get(ln.index) and any(lines[k].values.get(col.header) is not None
                                                for k in children[ln.index]):
                value = _sum_formula([f"{L}{row_of[k]}" for k in children[ln.index]])
            else:
                value = ln.values.get(col.header)
            c = 2 + plan.columns.index(col)
            ws.put(r, c, value, num_format=MONEY)
            if is_total or (isinstance(value, Formula) and ln.role == ITEM):
                ws.style(r, c, **BOLD)
            if is_total:
                ws.style(r, c, **TOTAL_BORDER)
        if is_total:
            ws.style(r, 1, **TOTAL_BORDER)
    ws.width(1, 52)
    for k in range(len(plan.columns)):
        ws.width(2 + k, 16)
    ws.heights[header_row] = 30
    ws.freeze = (header_row + 1, 2)
    _print_setup(ws, org, plan.year, header_row)
    if len(placed) <= 60:
        ws.print["pages_high"] = 1         # the whole budget on one page
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

def _equity_sheet(ws: _Sheet, plan: BoardPlan, org: str, options: BoardOptions, cells: BoardCells):
    policy = options.policy
    base_text = "budgeterade intäkter" if policy.cap_base == "intakter" else "medlemsbidrag (tilldelade medel)"
    _title(ws, f"{org} – eget kapital", f"UB = IB + årets resultat. Tak: andel av {base_text}. "
           "Ändra procentsatsen eller golvet nedan så räknas allt om.")
    ws.put(4, 1, "Tak i procent av basen", **BOLD)
    ws.put(4, 2, float(policy.cap_rate), num_format="0%")
    ws.put(5, 1, "Golv (lägsta eget kapital), kr", **BOLD)
    ws.put(5, 2, policy.floor, num_format=MONEY)
    head = ["År", "IB", "Resultat", "UB", "Bas för taket", "Tak", "Golv", "Marginal till taket",
            "Marginal till golvet", "Status", "Justering till källans UB", "Källa"]
    hr = 7
    _head(ws, hr, head)
    chain = board_equity(plan, policy, options.opening_equity)
    years = [e.year for e in chain]
    totals = column_totals(plan.budget)
    B = BUDGET_SHEET
    member_rows = [cells.line_rows[ln.index] for ln in member_lines(plan)]
    for k, e in enumerate(chain):
        r = hr + 1 + k
        year = e.year
        cells.equity_rows[year] = r
        ws.put(r, 1, year)
        ws.put(r, 2, e.ib if k == 0 else Formula(f"=D{r - 1}"))
        if e.resultat_column is not None:
            L = cells.column_letters[e.resultat_column]
            ws.put(r, 3, Formula(f"='{B}'!{L}{cells.budget_rows['resultat']}"))
        else:
            ws.put(r, 3, e.resultat)           # stated by the source outside its table
        if e.adjustment:
            ws.put(r, 11, e.adjustment)
        ws.put(r, 4, Formula(f'=IF(OR(B{r}="",C{r}=""),"",B{r}+C{r}+N(K{r}))'), **BOLD)
        BL = cells.column_letters.get(base_column(plan, year))
        if policy.cap_base == "intakter" or not member_rows:
            board_base = totals[base_column(plan, year)].intakter
            if e.base is not None and e.base != board_base:
                ws.put(r, 5, e.base)           # the income the source's overview states
            else:
                ws.put(r, 5, Formula(f"='{B}'!{BL}{cells.budget_rows['intakter']}"))
        else:
            ws.put(r, 5, _sum_formula([f"{BL}{m}" for m in member_rows], B))
        ws.put(r, 6, Formula(f"=ROUND(E{r}*$B$4,0)"))
        ws.put(r, 7, Formula('=IF($B$5="","",$B$5)'))
        ws.put(r, 8, Formula(f'=IF(D{r}="","",F{r}-D{r})'))
        ws.put(r, 9, Formula(f'=IF(OR(D{r}="",G{r}=""),"",D{r}-G{r})'))
        ws.put(r, 10, Formula(f'=IF(D{r}="","Uppgift saknas",IF(D{r}<0,"Negativt eget kapital",'
                              f'IF(AND(G{r}<>"",D{r}<G{r}),"Under golvet",IF(D{r}>F{r},"Över taket","Inom ramen"))))'))
        ws.put(r, 12, equity_note(e, k == 0))
        for c in (2, 3, 4, 5, 6, 7, 8, 9, 11):
            ws.style(r, c, num_format=MONEY)
    cells.equity_cols.update({"ib": "B", "resultat": "C", "ub": "D", "bas": "E", "tak": "F",
                              "golv": "G", "marginal_tak": "H", "marginal_golv": "I", "status": "J"})
    last = hr + len(years)
    if chain and chain[0].ib is None:
        ws.put(last + 2, 1, f"IB {years[0]} saknas i källan: skriv in det i cell B{hr + 1}.", **WARNING)
    series_cols = [4, 6] + ([7] if options.policy.floor is not None else [])

    def chart(wb, sheet):
        """UB, the cap (and the floor) per year, as a line chart under the table."""
        ch = wb.add_chart({"type": "line"})
        for c in series_cols:
            ch.add_series({"name": [EQUITY_SHEET, hr - 1, c - 1],
                           "categories": [EQUITY_SHEET, hr, 0, last - 1, 0],
                           "values": [EQUITY_SHEET, hr, c - 1, last - 1, c - 1]})
        ch.set_title({"name": "Eget kapital mot taket"})
        ch.set_x_axis({"name": "år"})
        ch.set_y_axis({"name": "kronor", "num_format": "#,##0"})
        ch.set_size({"width": 605, "height": 283})          # 16 × 7.5 cm
        sheet.insert_chart(last + 3, 0, ch)
    ws.charts.append(chart)
    ws.width(1, 30)
    for c in range(2, 10):
        ws.width(c, 15)
    ws.width(10, 22)
    ws.width(11, 15)
    ws.width(12, 70)
    ws.freeze = (hr + 1, 2)
    _print_setup(ws, org, plan.year, hr)


# --- Medlemsbidrag ---------------------------------------------------------------------------

def _contributions_sheet(ws: _Sheet, plan: BoardPlan, org: str, options: BoardOptions, cells: BoardCells):
    _title(ws, f"{org} – medlemsbidrag", "Finsamlagen 5 §: staten 50 %, regionen 25 %, kommunerna 25 %. "
           + REMAINDER_RULE)
    cols = [c for c in plan.columns if c.kind in (BUDGET, PLAN) and c.year >= plan.year]
    rows_src = [cells.line_rows[ln.index] for ln in member_lines(plan)]
    hr = 4
    _head(ws, hr, ["Medlem", "Andel"] + [col.header for col in cols], bold=True, bg_color="#DDEBF7")
    total_row = hr + 1
    ws.put(total_row, 1, "Medlemsbidrag enligt budgeten", **BOLD)
    members = None
    for k, col in enumerate(cols):
        L = cells.column_letters[col.header]
        f = _sum_formula([f"{L}{m}" for m in rows_src], BUDGET_SHEET) if rows_src else None
        ws.put(total_row, 3 + k, f, num_format=MONEY, **BOLD)
        total = sum(ln.values.get(col.header) or 0 for ln in member_lines(plan))
        split = member_contributions(total, options.municipalities)
        if members is None:
            members = split
        for j, contrib in enumerate(split):
            r = total_row + 1 + j
            ws.put(r, 1, contrib.member)
            ws.put(r, 2, float(contrib.share), num_format="0.00%")
            ws.put(r, 3 + k, contrib.amount, num_format=MONEY)
        sum_row = total_row + 1 + len(split)
        letter = get_column_letter(3 + k)
        ws.put(sum_row, 1, "Summa", **BOLD)
        ws.put(sum_row, 3 + k, Formula(f"=SUM({letter}{total_row + 1}:{letter}{sum_row - 1})"), num_format=MONEY)
        ws.put(sum_row + 1, 1, "Avstämning mot budgeten (ska vara 0)")
        ws.put(sum_row + 1, 3 + k, Formula(f"={letter}{sum_row}-{letter}{total_row}"), num_format=MONEY)
    if not rows_src:
        ws.put(total_row + 12, 1, "Ingen rad för medlemsbidrag (t.ex. 'Medel från huvudmännen') hittades i budgeten.")
    if not options.municipalities:
        ws.put(hr - 1, 1, "Kommunernas fjärdedel visas som en rad; ange --befolkning för fördelning per kommun.")
    ws.width(1, 48)
    ws.width(2, 10)
    for k in range(len(cols)):
        ws.width(3 + k, 16)
    ws.freeze = (hr + 1, 3)
    _print_setup(ws, org, plan.year, hr)


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
        cat = line_category(plan.budget, ln).category
        for g, cats in RATIO_GROUPS.items():
            if cat in cats:
                out[g].append(ln)
    return out


def _ratios_sheet(ws: _Sheet, plan: BoardPlan, org: str, cells: BoardCells):
    col = next(c for c in plan.columns if c.kind == BUDGET and c.year == plan.year)
    L = cells.column_letters[col.header]
    B = BUDGET_SHEET
    _title(ws, f"{org} – nyckeltal {col.header}",
           "Varje andel anges med sin bas. Raderna förs till grupper efter sina ord och rubriker; varje rad står under Baser med vad som avgjorde (OSÄKER där det inte är givet).")
    head = ["Nyckeltal", "Belopp", "Andel av kostnader", "Andel av intäkter",
            "Andel av direkta insatskostnader"]
    hr = 4
    _head(ws, hr, head)
    groups = ratio_groups(plan)
    r = hr + 1
    first = r
    group_rows = {}
    for g, lines in groups.items():
        ws.put(r, 1, RATIO_GROUP_NAMES[g])
        refs = [f"{L}{cells.line_rows[ln.index]}" for ln in lines if ln.values.get(col.header) is not None]
        f = _sum_formula(refs, B) if refs else Formula("=0")
        ws.put(r, 2, f, num_format=MONEY)
        group_rows[g] = r
        r += 1
    ofordelat = [f"'{B}'!{L}{cells.line_rows[ln.index]}" for ln in groups["struktur"]
                 if line_category(plan.budget, ln).category == "ofordelat" and ln.values.get(col.header) is not None]
    base_row = r + 1
    ws.put(base_row, 1, "Baser", **BOLD)
    ws.put(base_row + 1, 1, "Kostnader (SUMMA KOSTNADER)")
    ws.put(base_row + 1, 2, Formula(f"='{B}'!{L}{cells.budget_rows['kostnader']}"), num_format=MONEY)
    ws.put(base_row + 2, 1, "Intäkter (SUMMA INTÄKTER)")
    ws.put(base_row + 2, 2, Formula(f"='{B}'!{L}{cells.budget_rows['intakter']}"), num_format=MONEY)
    ws.put(base_row + 3, 1, "Direkta insatskostnader (utan administration och ofördelade medel)")
    direct = f"=B{group_rows['individinsatser']}+B{group_rows['struktur']}+B{group_rows['processtod']}"
    if ofordelat:
        direct += "-(" + "+".join(ofordelat) + ")"
    ws.put(base_row + 3, 2, Formula(direct), num_format=MONEY)
    for rr in range(first, r):
        ws.put(rr, 3, Formula(f'=IF($B${base_row + 1}=0,"",B{rr}/$B${base_row + 1})'), num_format=PERCENT)
        ws.put(rr, 4, Formula(f'=IF($B${base_row + 2}=0,"",-B{rr}/$B${base_row + 2})'), num_format=PERCENT)
        ws.put(rr, 5, Formula(f'=IF($B${base_row + 3}=0,"",B{rr}/$B${base_row + 3})'), num_format=PERCENT)
    # which line went to which group, and why: the rows, the category and any doubt
    k = base_row + 5
    ws.put(k, 1, "Raderna i grupperna", **BOLD)
    _head(ws, k + 1, ["Rad", "Belopp", "Kategori", "Grupp", "Vad som avgjorde"])
    k += 2
    group_of = {c: RATIO_GROUP_NAMES[g] for g, cats in RATIO_GROUPS.items() for c in cats}
    for g, lines in groups.items():
        for ln in lines:
            c = line_category(plan.budget, ln)
            ws.put(k, 1, ln.label)
            if ln.values.get(col.header) is not None:
                ws.put(k, 2, Formula(f"='{B}'!{L}{cells.line_rows[ln.index]}"), num_format=MONEY)
            ws.put(k, 3, CATEGORY_NAMES.get(c.category, c.category))
            ws.put(k, 4, group_of.get(c.category, ""))
            ws.put(k, 5, doubt_text(c.doubt, c.alternatives) if c.doubt else evidence(c.rule, ln.label))
            k += 1
    ws.width(1, 60)
    for c in range(2, 6):
        ws.width(c, 18)
    _print_setup(ws, org, plan.year, hr)


# --- Kontroll and Regler ---------------------------------------------------------------------

def _control_sheet(ws: _Sheet, plan: BoardPlan, org: str, discrepancies: Sequence[Discrepancy]):
    _title(ws, f"{org} – kontroll av källan",
           "Angivna summor i källarbetsboken som inte stämmer med raderna under. "
           "Styrelseunderlaget räknar alla summor från raderna.")
    head = ["Blad", "Cell", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"]
    hr = 4
    _head(ws, hr, head, bold=True, bg_color="#DDEBF7")
    if not discrepancies:
        ws.put(hr + 1, 1, "Inga avvikelser: alla angivna summor och eget kapital i källan stämmer.")
    for k, d in enumerate(discrepancies, start=hr + 1):
        for j, v in enumerate([d.sheet, d.cell, d.label, d.column, d.stated, d.computed, d.difference,
                               "ja" if d.consequential else "nej"], start=1):
            if j in (5, 6, 7):
                ws.put(k, j, v, num_format=MONEY)
            else:
                ws.put(k, j, v)
    ws.width(1, 22)
    ws.width(3, 50)
    for c in range(4, 9):
        ws.width(c, 15)
    _print_setup(ws, org, plan.year, hr)


def _rules_sheet(ws: _Sheet, plan: BoardPlan, org: str):
    _title(ws, f"{org} – framräknade planår", "Regler som användes för planår som saknas i källan.")
    hr = 4
    _head(ws, hr, ["Rad", "Kolumner", "Regel"], bold=True, bg_color="#DDEBF7")
    if not plan.applied:
        ws.put(hr + 1, 1, "Inga planår räknades fram: alla kolumner kommer från källan.")
    for k, (label, cols, rule) in enumerate(plan.applied, start=hr + 1):
        ws.put(k, 1, label)
        ws.put(k, 2, cols)
        ws.put(k, 3, rule)
    r = hr + 2 + max(1, len(plan.applied))
    ws.put(r, 1, "Kategorier för nyckeltal", **BOLD)
    for k, (g, name) in enumerate(RATIO_GROUP_NAMES.items(), start=r + 1):
        ws.put(k, 1, name)
        ws.put(k, 2, ", ".join(RATIO_GROUPS[g]))
    ws.width(1, 50)
    ws.width(2, 30)
    ws.width(3, 60)
    _print_setup(ws, org, plan.year, hr)


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
    wb.define_name(name, "=" + ref)
