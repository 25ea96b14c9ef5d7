"""Budgets from cell ranges as Excel hands them to functions and macros.

Excel passes ranges as 2D lists: None or "" for blank cells, floats for numbers, text
(numbers stored as text too), error values as text such as "#N/A". These helpers turn
them into the same RawSheet the file readers produce, so the layout detection and the
core serve Excel exactly as they serve `finsam check`.
"""

from __future__ import annotations

import functools
from typing import Any, Sequence

from dataclasses import replace

from ..core.model import Budget
from ..core.notes import Note
from ..errors import ReadError
from .engines import RawCell, RawSheet, cell_ref
from .layout import (SMALLEST_PLAUSIBLE_KRONOR, HeaderCell, HeaderRow, is_whole_budget,
                     find_header, parse_header, read_table)
from ..inference.reading import EstablishedReadings


class RangeError(ValueError):
    """A range argument is unusable; the message is Swedish and fit for a cell."""


def grid(value: Any) -> list[list[Any]]:
    """Any range argument (scalar, 1D, 2D, tuples) as a 2D list; "" becomes None."""
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        return [[_blank(value)]]
    if value and not isinstance(value[0], (list, tuple)):
        return [[_blank(v)] for v in value]
    return [[_blank(v) for v in row] for row in value]


def _blank(v):
    if isinstance(v, str) and not v.strip():
        return None
    return v


def column(value: Any, name: str) -> list[Any]:
    """A one-column (or one-row) range as a flat list."""
    g = grid(value)
    if not g:
        return []
    if len(g[0]) == 1:
        return [row[0] for row in g]
    if len(g) == 1:
        return list(g[0])
    raise RangeError(f"{name} ska vara en kolumn eller en rad, inte {len(g)}×{len(g[0])} celler")


def raw_sheet(name: str, values: Sequence[Sequence[Any]], top: int = 0, left: int = 0,
              bold: set[tuple[int, int]] = frozenset(), indent: dict | None = None) -> RawSheet:
    """A RawSheet from a 2D block of values whose top-left cell is (top, left), 0-based."""
    rows: list[list[RawCell | None]] = [[] for _ in range(top)]
    for row in values:
        out: list[RawCell | None] = [None] * left
        for v in row:
            t = type(v)
            if v is None or (t is str and not v.strip()):
                out.append(None)
                continue
            if t is float and v.is_integer() and abs(v) < 2**53:
                v = int(v)
            out.append(RawCell(v))
        rows.append(out)
    for (r, c) in set(bold) | set(indent or ()):       # styles, where Excel's caller gave any
        while len(rows[r]) <= c:
            rows[r].append(None)
        cell = rows[r][c]
        rows[r][c] = RawCell(None if cell is None else cell.value, None, (r, c) in bold, False,
                             (indent or {}).get((r, c), 0))
    return RawSheet(name=name, rows=rows)


def _value(sheet: RawSheet, r: int, c: int):
    rows = sheet.rows             # RawSheet.value inlined: called for every cell, often twice
    if 0 <= r < len(rows):
        row = rows[r]
        if 0 <= c < len(row):
            cell = row[c]
            return None if cell is None else cell.value
    return None


def _frozen(value: Any):
    """A hashable copy of a range argument: tuples of tuples (Excel's 2D lists) quickly,
    anything nested deeper element by element."""
    if not isinstance(value, (list, tuple)):
        return value
    if all(isinstance(row, (list, tuple)) for row in value):
        rows = tuple(tuple(row) for row in value)
        if not any(isinstance(v, (list, tuple)) for row in rows for v in row):
            return rows
    return tuple(_frozen(v) for v in value)


def budget_from_ranges(labels: Any, amounts: Any, headers: Any = None, levels: Any = None,
                       unit: str | None = None, sheet_name: str = "Excel") -> Budget:
    """A Budget from a label column, an amount block (one column per year), optional
    column headers and optional levels (0 = main line, 1 = breakdown, …). `unit` is the
    unit the amounts are stored in; None (not given) reads kronor, and a whole budget
    too small for kronor is then marked uncertain.

    Results are kept for the last few distinct inputs: Excel calls several functions on
    the same ranges (intäkter, kostnader, resultat, kontroll) and recalculates them
    with unchanged arguments; a Budget is immutable, so sharing it is safe."""
    try:
        key = (_frozen(labels), _frozen(amounts), _frozen(headers), _frozen(levels), unit, sheet_name)
        hash(key)
    except TypeError:
        return _budget_from_ranges(labels, amounts, headers, levels, unit, sheet_name)
    return _cached_budget(key)


@functools.lru_cache(maxsize=64)
def _cached_budget(key) -> Budget:
    return _budget_from_ranges(*key)


# The readings the Excel functions last established, by table shape: a recalculation
# with new amounts re-verifies the known reading instead of searching again.
ESTABLISHED_READINGS = EstablishedReadings()


def _budget_from_ranges(labels: Any, amounts: Any, headers: Any, levels: Any,
                        unit: str, sheet_name: str) -> Budget:
    label_list = column(labels, "etiketterna")
    block = grid(amounts)
    if not label_list or not block:
        raise RangeError("etiketter och belopp måste innehålla minst en rad")
    if len(block) != len(label_list):
        if len(block) == 1 and len(block[0]) == len(label_list):
            block = [[v] for v in block[0]]
        else:
            raise RangeError(f"etiketterna har {len(label_list)} rader men beloppen {len(block)}")
    width = len(block[0])
    if any(len(row) != width for row in block):
        raise RangeError("beloppsområdet måste vara rektangulärt")
    head = column(headers, "rubrikerna") if headers is not None else []
    if head and len(head) != width:
        raise RangeError(f"rubrikerna har {len(head)} celler men beloppen {width} kolumner")
    level_list = column(levels, "nivåerna") if levels is not None else []
    if level_list and len(level_list) != len(label_list):
        raise RangeError(f"nivåerna har {len(level_list)} rader men etiketterna {len(label_list)}")
    unit_given = unit is not None
    unit = unit or "kr"
    if unit not in ("kr", "tkr"):
        raise RangeError('enheten ska vara "kr" eller "tkr"')
    cells = []
    used = set()
    for k in range(width):
        text = head[k] if head and head[k] is not None else f"Kolumn {k + 1}"
        h = parse_header(text) if head else None
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            text = str(int(text))
        text = str(text).strip()
        if text in used:
            raise RangeError(f"rubriken '{text}' finns två gånger")
        used.add(text)
        cells.append(HeaderCell(k + 1, text, h.kind if h else None, h.year if h else 1900 + k, h.unit if h else None))
    title = [["Belopp i tkr" if unit == "tkr" else None] + [None] * width]
    rows = title + [[None] + [c.text for c in cells]]
    indent = {}
    for i, (label, row) in enumerate(zip(label_list, block)):
        rows.append([label] + list(row))
        if level_list:
            lvl = level_list[i]
            try:
                lvl = int(float(lvl)) if lvl is not None else 0
            except (TypeError, ValueError):
                raise RangeError(f"nivån på rad {i + 1} ska vara ett heltal (0, 1, 2 …)") from None
            if lvl:
                indent[(i + 2, 0)] = lvl
    sheet = raw_sheet(sheet_name, rows, indent=indent)
    header = HeaderRow(1, tuple(cells))
    try:
        table = read_table(sheet, header, _value, label_col=0, whole_sheet=False,
                           established=ESTABLISHED_READINGS, explain=False)
    except ReadError as exc:
        raise RangeError(_range_message(exc, label_list)) from None
    reading = table.reading
    if not unit_given:
        biggest = max((abs(v) for e in table.entries for v in e.raw.values() if v is not None), default=0)
        if 0 < biggest < SMALLEST_PLAUSIBLE_KRONOR and is_whole_budget(table.entries):
            reading = replace(reading, certain=False, reasons=reading.reasons + (
                Note("small_kronor_range", (int(biggest),)),))
    return Budget(path="", sheet=sheet_name, organisation=None, unit=unit,
                  sign_convention=table.sign_convention, columns=tuple(table.columns),
                  lines=tuple(table.lines), equity=tuple(table.equity), notes=tuple(table.notes),
                  reading=reading)


def _range_message(exc: ReadError, labels: list) -> str:
    msg = exc.message
    if exc.cell:
        from .engines import parse_ref
        r, c = parse_ref(exc.cell)
        row = r - 1
        if 1 <= row <= len(labels):
            msg += f" (rad {row} i området"
            msg += f", '{labels[row - 1]}')" if labels[row - 1] else ")"
    return msg


def budget_from_sheet(sheet: RawSheet, path: str = "", stored_in: str | None = None) -> Budget:
    """A Budget from a whole sheet's values (a macro on the open workbook). `stored_in`:
    the unit of the stored values when it differs from what the sheet's title says."""
    header = find_header(sheet, _value)
    if header is None:
        raise ReadError("hittar ingen rubrikrad med årskolumner (t.ex. 'Budget 2025', 'Plan 2026')",
                        path, sheet.name)
    table = read_table(sheet, header, _value, stored_in=stored_in)
    return Budget(path=path, sheet=sheet.name, organisation=None, unit=table.unit,
                  sign_convention=table.sign_convention, columns=tuple(table.columns),
                  lines=tuple(table.lines), equity=tuple(table.equity), notes=tuple(table.notes),
                  reading=table.reading)


__all__ = ["RangeError", "grid", "column", "raw_sheet", "budget_from_ranges", "budget_from_sheet",
           "cell_ref"]
