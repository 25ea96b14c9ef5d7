"""Workbooks that keep one budget per sheet ("Budget 2025", "Plan 2026" …) plus a summary.

Each year's sheet states its year only in its name or title and heads its amounts
"Belopp", "Kronor" or "tkr". Each is read on its own; the lines are then aligned by
label into one budget with a column per sheet, and the summary sheet's figures are kept
to be checked against it (core.totals.check_summary).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..core.model import Line, ReadingInfo, StatedFigure
from ..core.notes import Note
from .engines import RawSheet, cell_ref
from .layout import HeaderCell, HeaderRow, Table, clean_label, parse_header

_KIND_YEAR = re.compile(r"(?i)\b(budget|plan|prognos|utfall|bokslut|planering)\s+((?:19|20)\d{2})\b")
_AMOUNT_HEADING = re.compile(r"(?i)^\s*(belopp|kronor|kr|tkr|sek|tsek)\b[\s,()a-zåäö]*$")


def year_of_sheet(sheet: RawSheet, value) -> HeaderCell | None:
    """The column a year sheet stands for: from its name ("Plan 2026"), else its title."""
    h = parse_header(sheet.name)
    if h is not None and h.kind is not None:
        return h
    for r in range(min(4, len(sheet.rows))):
        for c in range(len(sheet.rows[r])):
            v = value(sheet, r, c)
            if isinstance(v, str):
                m = _KIND_YEAR.search(v)
                if m:
                    return parse_header(f"{m.group(1)} {m.group(2)}")
    return None


def amount_header(sheet: RawSheet, value, year: HeaderCell) -> HeaderRow | None:
    """The row and column of the amounts ("Belopp", "Kronor", "tkr") in the first rows."""
    for r in range(min(12, len(sheet.rows))):
        for c in range(len(sheet.rows[r])):
            v = value(sheet, r, c)
            if c >= 1 and isinstance(v, str) and _AMOUNT_HEADING.match(v.strip()) and _numbers_below(sheet, r, c):
                unit = "tkr" if re.search(r"(?i)\btkr|tsek\b", v) else None
                text = year.text[:1].upper() + year.text[1:]
                return HeaderRow(r, (HeaderCell(c, text, year.kind, year.year, unit),))
    return None


def _numbers_below(sheet: RawSheet, r: int, c: int) -> bool:
    """At least two numbers under (r, c) in the next rows."""
    n = 0
    for rr in range(r + 1, min(len(sheet.rows), r + 40)):
        cell = sheet.cell(rr, c)
        if cell is not None and isinstance(cell.value, (int, float)) or (
                cell is not None and cell.formula):
            n += 1
            if n >= 2:
                return True
    return False


def year_sheets(sheets: dict[str, RawSheet], value, exclude=frozenset()) -> list[tuple[str, HeaderRow]]:
    """(sheet name, header) of the sheets that hold one year each; `exclude`: sheets with
    year columns of their own (a summary)."""
    out = []
    seen = set()
    for name, sh in sheets.items():
        if sh.hidden or name in exclude:
            continue
        y = year_of_sheet(sh, value)
        if y is None or (y.kind, y.year) in seen:
            continue
        header = amount_header(sh, value, y)
        if header is not None:
            seen.add((y.kind, y.year))
            out.append((name, header))
    return out


def _key(label: str) -> str:
    return " ".join(clean_label(label).lower().split())


def merge_year_tables(tables: list[Table]) -> tuple[list[Line], list, list[str], ReadingInfo, object]:
    """One budget from one table per year: the rows of the longest table, with each
    other table's amounts by label (the n-th "Summa …" to the n-th), read again as one
    table so that every year's numbers decide the structure together."""
    import copy
    from ..inference.features import formula_rows
    from ..inference.reading import bind_lines, infer, reading_info
    skeleton = max(tables, key=lambda t: len(t.entries))
    index: dict[tuple[str, int], int] = {}
    count: dict[str, int] = {}
    for i, e in enumerate(skeleton.entries):
        k = _key(e.label)
        index[(k, count.get(k, 0))] = i
        count[k] = count.get(k, 0) + 1
    columns = sorted((replace(t.columns[0], sheet=t.sheet) for t in tables),
                     key=lambda c: (c.year, ("utfall", "prognos", "budget", "plan").index(c.kind)))
    merged = []
    for e in skeleton.entries:
        m = copy.copy(e)
        m.raw, m.cells, m.formulas = {c.header: None for c in columns}, {}, ()
        merged.append(m)
    formulas = [[None] * len(columns) for _ in merged]
    unmatched = []
    for t in tables:
        h_src = t.columns[0].header
        k_col = next(k for k, c in enumerate(columns) if c.sheet == t.sheet)
        h = columns[k_col].header
        seen: dict[str, int] = {}
        to_skeleton: dict[int, int] = {}        # this sheet's row -> the skeleton's row
        texts = []
        for e in t.entries:
            k = _key(e.label)
            n = seen.get(k, 0)
            seen[k] = n + 1
            target = index.get((k, n))
            v = e.raw.get(h_src)
            if target is None:
                if v is not None:
                    unmatched.append(f"'{e.label}' ({t.sheet}!{e.cells.get(h_src, '')})")
                continue
            to_skeleton[e.row] = merged[target].row
            merged[target].raw[h] = v
            if e.cells.get(h_src):
                merged[target].cells[h] = e.cells[h_src]
            if e.formulas and e.formulas[0]:
                texts.append((target, e.formulas[0]))
        # a formula's rows are its own sheet's ("=SUM(C17:C19)" on a sheet with one row
        # less at the top): given as the skeleton's rows
        for target, text in texts:
            rows = formula_rows(text, t.columns[0].letter)
            if rows is not None:
                formulas[target][k_col] = frozenset(to_skeleton[r] for r in rows if r in to_skeleton)
    for m in merged:
        m.has_amounts = any(v is not None for v in m.raw.values())
    inference = infer(merged, columns, formulas, [c.letter for c in columns])
    lines = bind_lines(inference)
    info = reading_info(inference, [c.header for c in columns])
    if unmatched:
        info = replace(info, certain=False, reasons=info.reasons + (
            Note("year_sheets_differ", (skeleton.sheet, tuple(unmatched[:6]))),))
    info = replace(info, reading=f"{info.reading}; ett blad per år ({', '.join(t.sheet for t in tables)})")
    notes = [Note("year_sheets", (tuple(t.sheet for t in tables),))]
    for t in tables:
        notes.extend(replace(n, sheet=t.sheet) for n in t.notes)
    return lines, columns, notes, info, inference


def _own_result(summary: Table, header: str, convention: str) -> int | None:
    """intäkter + kostnader as the summary's own grand totals state them (model signs)."""
    from ..inference.scoring import norm_factor
    rev = cost = None
    for ln in summary.lines:
        v = ln.values.get(header)
        if v is None:
            continue
        if ln.total_type == "revenue_total":
            rev = v * norm_factor("revenue", summary.sign_convention) * norm_factor("revenue", convention)
        elif ln.total_type == "cost_total":
            cost = v * norm_factor("cost", summary.sign_convention) * norm_factor("cost", convention)
    return rev + cost if rev is not None and cost is not None else None


def summary_figures(summary: Table, columns, convention: str, result_sign: int = 1) -> list[StatedFigure]:
    """The summary sheet's figures for the columns the year sheets give, in model signs by
    the year sheets' sign convention (a summary of totals alone cannot show its own)."""
    from ..inference.scoring import norm_factor
    by_key = {(c.kind, c.year): c.header for c in columns}
    out = []
    for ln in summary.lines:
        for col in summary.columns:
            h = by_key.get((col.kind, col.year))
            v = ln.values.get(col.header)
            if h is None or v is None:
                continue
            if ln.kind in ("revenue", "cost"):
                v = v * norm_factor(ln.kind, summary.sign_convention) * norm_factor(ln.kind, convention)
            elif ln.kind == "result" and summary.inference is not None:
                v = v * summary.inference.best.result_sign * result_sign
                own = _own_result(summary, col.header, convention)
                if own is not None and v != own and -v == own:
                    v = -v      # the summary states its result with the other sign
            out.append(StatedFigure(sheet=summary.sheet, cell=ln.cells.get(col.header, ""),
                                    label=ln.label, column=h, stated=v))
    return out


__all__ = ["year_sheets", "merge_year_tables", "summary_figures", "cell_ref"]
