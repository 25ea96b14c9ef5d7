"""Macros (buttons) on the open workbook: thin wrappers over the core.

    Kontrollera budget      marks every stated total that does not add up and writes
                            a sheet "Kontroll"
    Fyll i planår           fills the plan-year columns from the rules in a sheet
                            "Planregler" (Rad | Faktorer | Index % | Steg kr | Avrundning)
    Uppdatera eget kapital  writes the roll-forward, cap, floor and status to a sheet
                            "Eget kapital" (settings in an optional sheet "Inställningar")

With xlwings Lite / Server (Office.js) the workbook arrives as `book`. On Windows desktop
Excel, RunPython buttons call the `*_knapp()` functions, which use xw.Book.caller().
Office.js hands macros the cell values only (no bold or indentation): breakdown rows
are then recognised by "- " prefixes, section headings and "Summa" rows.
"""

from __future__ import annotations

from decimal import Decimal

import xlwings as xw
from xlwings import script

from ..core.equity import EquityPolicy, check_equity, equity_chain, equity_note
from ..core.model import BUDGET, PLAN
from ..core.projection import project
from ..core.totals import check_totals
from ..errors import ReadError
from ..io.cells import UNIT_FACTORS
from ..io.engines import parse_ref
from ..io.layout import find_overviews, merge_equity
from ..core.board import LineRule
from ..io.ranges import budget_from_sheet, raw_sheet
from ..io.rules import RuleError, rules_from_rows
from ._convert import ArgumentError, decimals, integer, uncertainty_lines

BOARD_PREFIX = "Styrelse "
MARK_COLOR = "#FFC7CE"       # Excel's light red "bad" fill
CONTROL_SHEET = "Kontroll"
RULES_SHEET = "Planregler"
EQUITY_SHEET = "Eget kapital"
SETTINGS_SHEET = "Inställningar"


def _values(sheet) -> list[list]:
    rng = sheet.used_range
    values = rng.options(ndim=2).value
    return rng.row - 1, rng.column - 1, values


def _raw(sheet):
    top, left, values = _values(sheet)
    return raw_sheet(sheet.name, values, top, left)


def _with_overviews(book, budget):
    """The budget with the equity figures of overview tables on the book's other sheets
    (the macros' own sheets and the board's sheets left out)."""
    from dataclasses import replace
    overviews = []
    for s in book.sheets:
        if s.name in _OWN_SHEETS or s.name.startswith(BOARD_PREFIX):
            continue
        overviews += find_overviews(_raw(s), lambda sh, r, c: sh.value(r, c), budget.unit)
    return replace(budget, equity=tuple(merge_equity(budget.equity, overviews)))


def _sheet(book, name):
    """The named sheet, emptied; created after the last sheet when missing."""
    names = [s.name for s in book.sheets]
    if name in names:
        sh = book.sheets[name]
        sh.clear_contents()
        return sh
    return book.sheets.add(name, after=book.sheets[len(names) - 1])


_OWN_SHEETS = (CONTROL_SHEET, RULES_SHEET, EQUITY_SHEET, SETTINGS_SHEET, "Utfall", "Uppföljning",
               "Per månad", "Kontomappning", "Ej mappat", "Avstämning")


def _budget(book):
    sheet = book.sheets.active
    if sheet.name in _OWN_SHEETS or sheet.name.startswith(BOARD_PREFIX):
        sheet = next((s for s in book.sheets if s.name not in _OWN_SHEETS
                      and not s.name.startswith(BOARD_PREFIX)), sheet)
    try:
        budget = budget_from_sheet(_raw(sheet), book.name, stored_in=_unit_setting(book))
    except ReadError as exc:
        raise ArgumentError(str(exc)) from None
    return sheet, budget


def _setting_rows(book):
    """(key in lower case, value) for each filled row of the sheet Inställningar."""
    if SETTINGS_SHEET not in [s.name for s in book.sheets]:
        return
    _, _, values = _values(book.sheets[SETTINGS_SHEET])
    for row in values:
        if not row or row[0] is None:
            continue
        val = row[1] if len(row) > 1 else None
        if val is not None:
            yield str(row[0]).strip().lower(), val


def _unit_setting(book) -> str | None:
    """'Enhet' in Inställningar: the unit the budget's values are stored in ("kr" when the
    sheet shows kronor as tkr with a number format, which a macro cannot see)."""
    for key, val in _setting_rows(book):
        if key.startswith("enhet"):
            unit = str(val).strip().lower()
            if unit not in ("kr", "tkr"):
                raise ArgumentError(f'{SETTINGS_SHEET}: Enhet ska vara "kr" eller "tkr", inte "{val}"')
            return unit
    return None


@script(name="Kontrollera budget")
def kontrollera_budget(book: xw.Book):
    """Markera varje angiven summa som inte stämmer och skriv bladet Kontroll."""
    sheet, budget = _budget(book)
    found = check_totals(budget) + check_equity(budget)
    for d in found:
        if d.cell and d.sheet == sheet.name:
            sheet[d.cell].color = MARK_COLOR
    out = _sheet(book, CONTROL_SHEET)
    rows = [[f"Kontroll av bladet '{sheet.name}'", None, None, None, None, None, None],
            ["Cell", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"]]
    if found:
        rows += [[f"{d.sheet}!{d.cell}", d.label, d.column, d.stated, d.computed, d.difference,
                  "ja" if d.consequential else "nej"] for d in found]
    elif budget.reading.certain:
        rows.append(["Inga avvikelser: alla angivna summor stämmer.", None, None, None, None, None, None])
    rows += [[text, None, None, None, None, None, None] for text in uncertainty_lines(budget)]
    out["A1"].value = rows
    out["D3:F" + str(len(rows))].number_format = "#,##0"
    return book


def _rules(book) -> list[tuple[LineRule, int]]:
    """(rule, sheet row) for each rule in the sheet Planregler (io.rules reads the rows)."""
    if RULES_SHEET not in [s.name for s in book.sheets]:
        raise ArgumentError(f"bladet '{RULES_SHEET}' saknas: skapa det med kolumnerna "
                            "Rad | Faktorer | Index % | Steg kr | Avrundning")
    top, _, values = _values(book.sheets[RULES_SHEET])
    try:
        rules = rules_from_rows(values, RULES_SHEET)
    except RuleError as exc:
        raise ArgumentError(str(exc)) from None
    rows = [top + 1 + i for i, row in enumerate(values)
            if i > 0 and row and row[0] is not None and str(row[0]).strip()]
    return list(zip(rules, rows))


@script(name="Fyll i planår")
def fyll_i_planar(book: xw.Book):
    """Fyll planårskolumnerna från budgetåret enligt reglerna i bladet Planregler."""
    sheet, budget = _budget(book)
    rules = _rules(book)
    budget_cols = [c for c in budget.columns if c.kind == BUDGET]
    if not budget_cols:
        raise ArgumentError("hittar ingen budgetkolumn att räkna planåren från")
    base_col = max(budget_cols, key=lambda c: c.year)
    plan_cols = sorted((c for c in budget.columns if c.kind == PLAN and c.year > base_col.year),
                       key=lambda c: c.year)
    if not plan_cols:
        raise ArgumentError(f"hittar inga plankolumner efter {base_col.header}")
    factor = UNIT_FACTORS[budget.unit]
    by_label = {ln.label.strip(): ln for ln in budget.lines}
    top, left, values = _values(sheet)
    applied = []
    for line_rule, rule_row in rules:
        label, rule = line_rule.pattern, line_rule.rule
        if line_rule.balance:
            raise ArgumentError(f"{RULES_SHEET}!rad {rule_row}: 'utjämna' används bara i styrelseunderlaget")
        line = by_label.get(label)
        if line is None:
            raise ArgumentError(f"{RULES_SHEET}!rad {rule_row}: raden '{label}' finns inte i budgeten")
        r, c = parse_ref(line.cells[base_col.header])
        raw = values[r - top][c - left]
        if raw is None:
            raise ArgumentError(f"{line.cells[base_col.header]}: '{label}' saknar belopp i {base_col.header}")
        base_kr = Decimal(str(raw)) * factor
        amounts = project(base_kr, plan_cols[-1].year - base_col.year, rule)
        for col, kr in ((c, amounts[c.year - base_col.year - 1]) for c in plan_cols):
            v = Decimal(kr) / factor
            sheet[line.cells[col.header]].value = int(v) if v == v.to_integral_value() else float(v)
        applied.append((rule_row, f"{base_col.header} → {', '.join(c.header for c in plan_cols)}: {rule.describe()}"))
    rules_sheet = book.sheets[RULES_SHEET]
    rules_sheet["F1"].value = "Tillämpat"
    for row, text in applied:
        rules_sheet[f"F{row}"].value = text
    return book


def _settings(book) -> tuple[EquityPolicy, int | None]:
    percent, base, floor, opening = Decimal(20), "intakter", None, None
    for key, val in _setting_rows(book):
        if key.startswith("tak procent") or key == "tak %":
            percent = decimals(val if isinstance(val, str) else [[val]], "Tak procent")[0]
        elif key.startswith("tak bas"):
            base = str(val).strip().lower().replace("ä", "a")
        elif key.startswith("golv"):
            floor = integer(val, "Golv")
        elif key.startswith("ingående eget kapital") or key == "ib":
            opening = integer(val, "Ingående eget kapital")
    try:
        return EquityPolicy(cap_rate=percent / 100, cap_base=base, floor=floor), opening
    except ValueError:
        raise ArgumentError(f"{SETTINGS_SHEET}: Tak bas ska vara intakter eller medlemsbidrag") from None


@script(name="Uppdatera eget kapital")
def uppdatera_eget_kapital(book: xw.Book):
    """Skriv eget kapital per år (IB, resultat, UB), taket, golvet och status till bladet Eget kapital."""
    sheet, budget = _budget(book)
    policy, opening = _settings(book)
    budget = _with_overviews(book, budget)
    years = equity_chain(budget, policy, opening=opening,
                         opening_note=f"Ingående eget kapital i bladet {SETTINGS_SHEET}")
    if not years:
        raise ArgumentError("arbetsboken anger inget eget kapital; skriv 'Ingående eget kapital' "
                            f"och beloppet i bladet '{SETTINGS_SHEET}'")
    out = _sheet(book, EQUITY_SHEET)
    base = "budgeterade intäkter" if policy.cap_base == "intakter" else "medlemsbidrag"
    rows = [[f"Eget kapital – tak {policy.cap_rate * 100:g} % av {base}", None, None, None, None, None, None, None],
            ["År", "IB", "Resultat", "UB", "Tak", "Golv", "Status", "Källa"]]
    rows += [[y.year, y.ib, y.resultat, y.ub, y.cap, y.floor, y.status, equity_note(y, k == 0)]
             for k, y in enumerate(years)]
    out["A1"].value = rows
    out[f"B3:F{len(rows)}"].number_format = "#,##0"
    return book


# --- Windows desktop: RunPython buttons ------------------------------------------------------

def kontrollera_budget_knapp():
    """RunPython("import xlplugin.excel.macros as m; m.kontrollera_budget_knapp()")"""
    _run_com(kontrollera_budget)


def fyll_i_planar_knapp():
    _run_com(fyll_i_planar)


def uppdatera_eget_kapital_knapp():
    _run_com(uppdatera_eget_kapital)


def _run_com(macro):
    book = xw.Book.caller()
    target = getattr(macro, "__wrapped__", macro)
    try:
        target(book)
    except ArgumentError as exc:
        book.app.alert(str(exc), title="finsam")


def skapa_styrelseunderlag_knapp():
    """Windows desktop: make the board workbook from the open (saved) workbook and open it.

    RunPython("import xlplugin.excel.macros as m; m.skapa_styrelseunderlag_knapp()")
    Budget year: 'Budgetår' in the sheet Inställningar, else the latest budget column.
    The open workbook is read from disk as last saved, never changed.
    """
    from pathlib import Path

    from ..core.board import board_plan
    from ..core.check import check_budget
    from ..io.atomic import atomic_path
    from ..io.board_writer import BoardOptions, write_board
    from ..io.reader import read_budget

    book = xw.Book.caller()
    try:
        source = Path(book.fullname)
        if not source.exists():
            raise ArgumentError("spara arbetsboken först; underlaget görs från den sparade filen")
        policy, opening = _settings(book)
        budget = read_budget(str(source))
        year = _setting_year(book) or max(c.year for c in budget.columns if c.kind == BUDGET)
        result = check_budget(budget, policy)
        plan = board_plan(budget, year)
        out = source.with_name(f"Styrelseunderlag_budget_{year}.xlsx")
        k = 2
        while out.exists():
            out = source.with_name(f"Styrelseunderlag_budget_{year} ({k}).xlsx")
            k += 1
        with atomic_path(out) as tmp:
            write_board(plan, result.discrepancies, tmp,
                        BoardOptions(policy=policy, opening_equity=opening, source_name=source.name))
        xw.Book(str(out))
    except (ArgumentError, ReadError, ValueError) as exc:
        book.app.alert(str(exc), title="finsam")


def _setting_year(book) -> int | None:
    if SETTINGS_SHEET not in [s.name for s in book.sheets]:
        return None
    _, _, values = _values(book.sheets[SETTINGS_SHEET])
    for row in values:
        if row and row[0] and str(row[0]).strip().lower().startswith("budgetår") and len(row) > 1:
            return integer(row[1], "Budgetår")
    return None


@script(name="Skapa styrelseunderlag")
def skapa_styrelseunderlag(book: xw.Book):
    """Lägg styrelseunderlagets blad (Budget, Eget kapital, Medlemsbidrag, Nyckeltal, Kontroll,
    Regler) i den öppna arbetsboken, med formler; för Excel på webben och Mac (xlwings Lite).

    The same board as `finsam board` (core.board + io.board_writer): written to a temporary
    file, then copied sheet by sheet (values and formulas, number formats) into the book.
    """
    import tempfile
    from pathlib import Path

    import openpyxl

    from ..core.board import board_plan
    from ..core.check import check_budget
    from ..io.board_writer import BoardOptions, write_board

    sheet, budget = _budget(book)
    policy, opening = _settings(book)
    budget = _with_overviews(book, budget)
    year = _setting_year(book) or max((c.year for c in budget.columns if c.kind == BUDGET), default=None)
    if year is None:
        raise ArgumentError("hittar ingen budgetkolumn; ange Budgetår i bladet Inställningar")
    result = check_budget(budget, policy)
    try:
        plan = board_plan(budget, year, [r for r, _ in _rules(book)]
                          if RULES_SHEET in [s.name for s in book.sheets] else ())
    except ValueError as exc:
        raise ArgumentError(str(exc)) from None
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "underlag.xlsx"
        write_board(plan, result.discrepancies, path,
                    BoardOptions(policy=policy, opening_equity=opening, source_name=book.name))
        wb = openpyxl.load_workbook(path)
    _copy_sheets(book, wb, {ws.title: BOARD_PREFIX + ws.title for ws in wb.worksheets})
    return book


def _copy_sheets(book, wb, names: dict) -> None:
    """Copy an openpyxl workbook's sheets into the open book (values and formulas, number
    formats per column), as sheets named `names[title]`; references between the copied
    sheets are renamed with them."""
    for ws in wb.worksheets:
        target = _sheet(book, names[ws.title])
        grid = []
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
            out = []
            for c in row:
                v = c.value
                if isinstance(v, str) and v.startswith("="):
                    for old, new in names.items():
                        if old != new:
                            v = v.replace(f"'{old}'!", f"'{new}'!")
                out.append(v)
            grid.append(out)
        if grid:
            target["A1"].value = grid
        for col_cells in ws.iter_cols(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
            fmt = next((c.number_format for c in col_cells if c.number_format not in ("General",)), None)
            if fmt:
                letter = col_cells[0].column_letter
                target[f"{letter}1:{letter}{ws.max_row}"].number_format = fmt


ACTUALS_SHEET = "Utfall"
FOLLOWUP_SHEETS = ("Uppföljning", "Per månad", "Kontomappning", "Ej mappat", "Avstämning")


@script(name="Uppföljning")
def uppfoljning(book: xw.Book):
    """Följ upp budgeten mot en resultatrapport som klistrats in i bladet Utfall (Konto,
    Benämning, Objekt, belopp per månad eller ackumulerat): bladen Uppföljning, Per månad,
    Kontomappning, Ej mappat och Avstämning. Period (ÅÅÅÅ-MM) i bladet Inställningar;
    rätta Kontomappning och kör igen.

    The same core as `finsam uppfoljning` (core.followup, io.followup_writer)."""
    import tempfile
    from pathlib import Path

    import openpyxl

    from ..core.check import check_budget
    from ..core.followup import FollowUpError, Periodisation, follow_up, propose_mapping
    from ..io.followup_inputs import rules_from_rows as mapping_rows
    from ..io.resultatrapport import resultatrapport_from_rows
    from ..io.followup_writer import write_followup

    names = [s.name for s in book.sheets]
    if ACTUALS_SHEET not in names:
        raise ArgumentError(f"klistra in resultatrapporten i ett blad som heter '{ACTUALS_SHEET}' "
                            "(Konto, Benämning, Objekt och belopp)")
    sheet = next((s for s in book.sheets if s.name not in (ACTUALS_SHEET, *FOLLOWUP_SHEETS, CONTROL_SHEET,
                                                          RULES_SHEET, EQUITY_SHEET, SETTINGS_SHEET)
                  and not s.name.startswith(BOARD_PREFIX)), None)
    if sheet is None:
        raise ArgumentError("hittar inget budgetblad")
    try:
        budget = budget_from_sheet(_raw(sheet), book.name, stored_in=_unit_setting(book))
    except ReadError as exc:
        raise ArgumentError(str(exc)) from None
    from ..core.followup import parse_period
    period = next((v for k, v in _setting_rows(book) if k.startswith("period")), None)
    ym = parse_period(period)
    if ym is None:
        raise ArgumentError(f"skriv Period och t.ex. 2025-08 (eller 2025-T2) i bladet {SETTINGS_SHEET}")
    year, month = ym
    _, _, rows = _values(book.sheets[ACTUALS_SHEET])
    try:
        actuals = resultatrapport_from_rows(rows, book.name, ACTUALS_SHEET, year, month)
        col = next((c for c in budget.columns if c.kind == BUDGET and c.year == year), None) or \
            next((c for c in budget.columns if c.kind == PLAN and c.year == year), None)
        if col is None:
            raise ArgumentError(f"budgeten har ingen kolumn Budget {year}")
        if "Kontomappning" in names:
            _, _, mrows = _values(book.sheets["Kontomappning"])
            rules = mapping_rows(mrows, book.name, "Kontomappning")
        else:
            rules = propose_mapping(budget, col.header, actuals)
        fu = follow_up(budget, col.header, actuals, f"{year}{month:02d}", rules, Periodisation())
    except (FollowUpError, ReadError) as exc:
        raise ArgumentError(str(exc)) from None
    from ..core.equity import ib_of_year
    ib = ib_of_year(check_budget(budget).equity, year)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "uppfoljning.xlsx"
        write_followup(fu, path, ib)
        wb = openpyxl.load_workbook(path)
    _copy_sheets(book, wb, {ws.title: ws.title for ws in wb.worksheets})
    return book
