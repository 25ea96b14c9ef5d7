"""Read a budget workbook into the model: the I/O edge of the reader.

    budget = read_budget("budget.xlsx")

Steps, kept apart: read raw cells (engines), resolve formulas without cached values
(formulas), understand the layout (layout), bind a `Budget`.
"""

from __future__ import annotations

import os
import sys
import re
from decimal import Decimal

from ..core.model import Budget
from ..core.notes import Note
from ..errors import ReadError
from .engines import DEFAULT_ENGINE, RawSheet, cell_ref, load_engine, open_workbook
from .cells import NotAnAmount, Unresolved, parse_amount
from .formulas import FormulaError, evaluate
from .sheets import merge_year_tables, summary_figures, year_sheets
from .layout import equity_rows_in_sheet, find_header, find_overviews, merge_equity, read_table

_ORG = re.compile(r"(?i)samordningsf[öo]rbund")


class _Values:
    """Cell values with formulas evaluated where the file has no cached result."""

    def __init__(self, path: str, sheets: dict[str, RawSheet]):
        self.path = path
        self.sheets = sheets
        self._memo: dict[tuple[str, int, int], object] = {}
        self._busy: set[tuple[str, int, int]] = set()

    def __call__(self, sheet: RawSheet, r: int, c: int) -> object:
        rows = sheet.rows          # RawSheet.cell inlined: this is the hottest call in reading
        if r < 0 or r >= len(rows) or c < 0:
            return None
        row = rows[r]
        if c >= len(row):
            return None
        cell = row[c]
        if cell is None:
            return None
        if cell.formula is None or cell.value is not None:
            return cell.value
        return self._evaluate(sheet, r, c)

    def _evaluate(self, sheet: RawSheet, r: int, c: int) -> object:
        key = (sheet.name, r, c)
        if key in self._memo:
            return self._memo[key]
        if key in self._busy:
            return Unresolved("formeln hänvisar till sig själv (cirkelreferens)")
        formula = sheet.cell(r, c).formula
        if not formula:
            return Unresolved("cellen har en delad formel utan sparat värde; öppna och spara "
                              "arbetsboken i Excel")
        self._busy.add(key)
        try:
            value = evaluate(formula, lambda s, rr, cc: self._number(sheet, s, rr, cc),
                             lambda s, rr, cc: self._formula(sheet, s, rr, cc))
        except FormulaError as exc:
            value = Unresolved(str(exc))
            self._memo[key] = value
            return value
        finally:
            self._busy.discard(key)
        if value == value.to_integral_value():
            value = int(value)
        self._memo[key] = value
        return value

    def _formula(self, here: RawSheet, sheet_name: str | None, r: int, c: int) -> str | None:
        sheet = here if sheet_name is None else self.sheets.get(sheet_name)
        cell = sheet.cell(r, c) if sheet is not None else None
        return cell.formula if cell is not None else None

    def _number(self, here: RawSheet, sheet_name: str | None, r: int, c: int) -> Decimal | None:
        sheet = here if sheet_name is None else self.sheets.get(sheet_name)
        if sheet is None:
            raise FormulaError(f"formeln hänvisar till bladet '{sheet_name}' som inte finns")
        v = self(sheet, r, c)
        if isinstance(v, str):
            try:
                a = parse_amount(v)
            except NotAnAmount:
                return None
            return None if a is None else a.value
        if isinstance(v, bool) or v is None:
            return None
        if isinstance(v, (int, Decimal)):
            return Decimal(v)
        if isinstance(v, Unresolved):
            raise FormulaError(f"{v.message} (i {cell_ref(r, c)})")
        raise FormulaError(f"formeln hänvisar till felvärdet {v} i {cell_ref(r, c)}")


def read_budget(path: str, engine: str = DEFAULT_ENGINE, sheet: str | None = None) -> Budget:
    """Read the budget table and equity figures of one workbook.

    Raises ReadError (Swedish message, with file, sheet and cell where known) when the
    file is not a readable workbook or no budget table can be found.
    """
    path = os.fspath(path)
    wb = open_workbook(path, engine)
    try:
        names = wb.sheet_names
        if not names:
            raise ReadError("arbetsboken har inga blad", path)
        sheets = {}
        for name in names:
            try:
                sheets[name] = wb.get_sheet_data(name)
            except ReadError as exc:
                raise exc.located(path, name) from None
    finally:
        wb.close()
    values = _Values(path, sheets)
    try:
        return _bind(path, sheets, values, sheet)
    except ReadError as exc:
        raise exc.located(path) from None


def read_budgets(paths, engine: str = DEFAULT_ENGINE, sheet: str | None = None,
                 jobs: int | None = None, advance=None) -> list[Budget | ReadError]:
    """Read many workbooks; errors are values. Result k belongs to paths[k].

    From 8 files on, on Linux, the files are read by a `ProcessPoolExecutor` of forked
    workers in chunks (`jobs` of them, default one per core up to 8, FINSAM_JOBS=1 turns
    this off); elsewhere (Windows, macOS, where a spawned process starts from nothing,
    and Pyodide, which has no processes) one after the other. A chunk a worker does not
    deliver (the worker died) is read here, so errors surface as they would without
    workers; a worker's own exception is raised here as it would be without workers.
    `advance(n)` is called as files are done."""
    paths = [os.fspath(p) for p in paths]
    if jobs is None:   # one per core, at most 8 and with at least 4 files each
        jobs = min(cores(), 8, len(paths) // 4) if len(paths) >= 8 else 1
    jobs = max(1, min(jobs, len(paths)))
    out: list[Budget | ReadError | None] = [None] * len(paths)
    context = _fork_context() if jobs > 1 else None
    if context is not None:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool
        load_engine(engine)                  # imported once, before the workers fork
        size = max(1, len(paths) // (jobs * 4))
        chunks = [list(range(k, min(k + size, len(paths)))) for k in range(0, len(paths), size)]
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                pending = {pool.submit(_read_chunk, [paths[i] for i in chunk], engine, sheet): chunk
                           for chunk in chunks}
                for done in as_completed(pending):
                    try:
                        results = done.result()
                    except BrokenProcessPool:
                        continue             # a worker died: its files are read below
                    for i, result in zip(pending[done], results):
                        out[i] = result
                    if advance:
                        advance(len(results))
        except (BrokenProcessPool, OSError):
            pass                             # no workers after all: read below
    for i, result in enumerate(out):
        if result is None:          # no workers, or one did not deliver: read here
            out[i] = _read_one(paths[i], engine, sheet)
            if advance:
                advance(1)
    return out


def cores() -> int:
    """Workers to use: FINSAM_JOBS if set (1 reads one file after the other), else the
    cores this process may run on."""
    env = os.environ.get("FINSAM_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _fork_context():
    """The multiprocessing fork context on Linux, else None (read one by one): forked
    workers share what this process has loaded, while spawned ones would import
    everything again, and Pyodide has no processes at all."""
    from ..runtime import can_start_processes
    if not sys.platform.startswith("linux") or not can_start_processes():
        return None
    try:
        import multiprocessing
        return multiprocessing.get_context("fork")
    except (ImportError, ValueError):
        return None


def _read_chunk(paths: list[str], engine: str, sheet: str | None) -> list[Budget | ReadError]:
    """Read some files in a worker (errors as values, as `_read_one` gives them)."""
    return [_read_one(p, engine, sheet) for p in paths]


def _read_one(path: str, engine: str, sheet: str | None) -> Budget | ReadError:
    try:
        return read_budget(path, engine=engine, sheet=sheet)
    except ReadError as exc:
        return exc.located(path)


def _bind(path: str, sheets: dict[str, RawSheet], values: _Values, only: str | None) -> Budget:
    if only is not None and only not in sheets:
        raise ReadError(f"bladet '{only}' finns inte (blad: {', '.join(sheets)})", path)
    candidates = []
    for name, sh in sheets.items():
        if only is not None and name != only:
            continue
        if sh.hidden and only is None:
            continue
        try:
            header = find_header(sh, values)
        except ReadError as exc:
            raise exc.located(path, name) from None
        if header is not None:
            candidates.append((header.score, -len(candidates), name, header))
    # year sheets: no header of several year columns of their own (a title cell "Plan
    # 2023" alone is no header)
    wide = {c[2] for c in candidates if len(c[3].cells) >= 2}
    years = [(n, h) for n, h in year_sheets(sheets, values, wide)
             if only is None or n == only]
    # a sheet whose header is one year column of its own ("Budget 2026, tkr") is a year
    # sheet too, where several are
    taken = {n for n, _ in years} | wide
    seen = {(h.cells[0].kind, h.cells[0].year) for _, h in years}
    single = []
    for _, _, n, h in candidates:
        key = (h.cells[0].kind, h.cells[0].year)
        if n not in taken and len(h.cells) == 1 and h.cells[0].kind and key not in seen:
            single.append((n, h))
            seen.add(key)
    if len(years) + len(single) >= 2 and single:
        years = [(n, h) for n, h in years + single]
        years.sort(key=lambda nh: list(sheets).index(nh[0]))
    if len(years) >= 2 or (years and only is not None):
        candidates = [c for c in candidates if c[2] not in {n for n, _ in years}]
    if len(years) >= 2 or (years and only is not None):
        return _bind_year_sheets(path, sheets, values, years, candidates)
    if not candidates:
        if all(not any(row for row in sh.rows) for sh in sheets.values()):
            raise ReadError("arbetsboken är tom: inget blad har några värden", path)
        raise ReadError("hittar ingen rubrikrad med årskolumner (t.ex. 'Budget 2025', "
                        "'Plan 2026', 'Prognos 2024', 'Utfall 2023')", path,
                        only or next(iter(sheets)))
    candidates.sort(reverse=True)
    _, _, name, header = candidates[0]
    main = sheets[name]
    try:
        table = read_table(main, header, values)
    except ReadError as exc:
        raise exc.located(path, name) from None
    notes = list(table.notes)
    others = [other for _, _, other, _ in candidates[1:]]
    if others:
        notes.append(Note("other_year_sheets", (tuple(others), name)))
    overview_figures = []
    for sname, sh in sheets.items():
        if sh.hidden:
            continue
        try:
            overview_figures.extend(find_overviews(sh, values, table.unit if sname == name else "kr"))
            if sname != name:
                overview_figures.extend(equity_rows_in_sheet(sh, values))
        except ReadError as exc:
            raise exc.located(path, sname) from None
    hidden = [n for n, sh in sheets.items() if sh.hidden]
    if hidden:
        notes.append(Note("hidden_sheets", (tuple(hidden),)))
    equity = merge_equity(table.equity, overview_figures)
    return _equity_result_signs(Budget(path=path, sheet=name, organisation=_organisation(sheets, values, path),
                  unit=table.unit, sign_convention=table.sign_convention,
                  columns=tuple(table.columns), lines=tuple(table.lines),
                  equity=tuple(equity), notes=tuple(notes),
                  reading=table.reading))


def _bind_year_sheets(path, sheets, values, years, candidates) -> Budget:
    """One sheet per year (the year in the sheet's name or title), plus perhaps a summary
    sheet with year columns, whose figures are checked against the year sheets."""
    tables = []
    for name, header in years:
        try:
            tables.append(read_table(sheets[name], header, values))
        except ReadError as exc:
            raise exc.located(path, name) from None
    lines, columns, notes, info, inference = merge_year_tables(tables)
    summary = ()
    if candidates:
        candidates.sort(reverse=True)
        sname = candidates[0][2]
        try:
            stable = read_table(sheets[sname], candidates[0][3], values)
        except ReadError as exc:
            raise exc.located(path, sname) from None
        summary = tuple(summary_figures(stable, columns, inference.best.convention,
                                        inference.best.result_sign))
        if summary:
            notes.append(Note("summary_sheet", (sname,)))
    overview_figures = []
    for sname, sh in sheets.items():
        if sh.hidden:
            continue
        try:
            overview_figures.extend(find_overviews(sh, values, "kr"))
            overview_figures.extend(equity_rows_in_sheet(sh, values))
        except ReadError as exc:
            raise exc.located(path, sname) from None
    equity = merge_equity(*[t.equity for t in tables], overview_figures)
    return _equity_result_signs(Budget(
        path=path, sheet=tables[0].sheet, organisation=_organisation(sheets, values, path),
        unit=tables[0].unit, sign_convention=inference.best.convention,
        columns=tuple(columns), lines=tuple(lines), equity=tuple(equity),
        notes=tuple(notes), reading=info, summary=summary))


def _equity_result_signs(budget: Budget) -> Budget:
    """An equity sheet states each year's result as the budget does, or with the other
    sign (accounting signs, where a surplus is negative). Where a year's stated result is
    exactly minus the budget's result for that year, it is turned round."""
    from dataclasses import replace as _replace
    from ..core.equity import budget_result_for_year
    from ..core.model import REVENUE_NEGATIVE
    out, changed = [], False
    balances = [v for f in budget.equity for v in (f.ib, f.ub) if v]
    if budget.sign_convention == REVENUE_NEGATIVE and balances and sum(v < 0 for v in balances) * 2 > len(balances):
        # a balance budget with accounting signs: equity is a credit (negative) there
        budget = _replace(budget, equity=tuple(_replace(
            f, **{k: -getattr(f, k) for k in ("ib", "ub", "resultat") if getattr(f, k) is not None})
            for f in budget.equity))
        changed = True
    for f in budget.equity:
        if f.resultat:
            r = budget_result_for_year(budget, f.year)
            if r is not None and r != 0 and f.resultat == -r:
                f = _replace(f, resultat=-f.resultat)
                changed = True
        out.append(f)
    return _replace(budget, equity=tuple(out)) if changed else budget


def _organisation(sheets: dict[str, RawSheet], values: _Values, path: str) -> str | None:
    best = None
    for sh in sheets.values():
        for r in range(min(len(sh.rows), 15)):
            for c in range(len(sh.rows[r])):
                v = values(sh, r, c)
                if isinstance(v, str) and _ORG.search(v) and len(v.strip()) <= 80:
                    text = " ".join(v.split())
                    if best is None or len(text) < len(best):
                        best = text
        if best:
            return best
    return best
