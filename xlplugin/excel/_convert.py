"""Argument and result conversion for the Excel functions (no calculations here)."""

from __future__ import annotations

import functools
import sys
from decimal import Decimal, InvalidOperation

from ..errors import XlpluginError
from ..io.cells import NotAnAmount, parse_amount
from ..io.ranges import RangeError, column, grid


def _never_jsnull(value) -> bool:
    return False


def _cache_missing_pyodide() -> None:
    """Outside Pyodide, xlwings tries `from pyodide.ffi import JsNull` once per cell of
    every range argument (xlwings.utils.is_jsnull) and once per scalar argument
    (xlwings.pro.udfs_officejs.js_to_none); a failed import is not cached, so each try
    searches sys.path again: ~0.1 ms each on xlwings Server. JsNull cannot exist outside
    Pyodide, so: the per-cell check is replaced by one that says no, and a None entry in
    sys.modules makes every other `import pyodide` fail at once (Python's own way to mark
    a module as absent; ~4 µs instead of ~100 µs). Inside Pyodide (xlwings Lite), or where
    a `pyodide` package is installed, nothing is changed."""
    try:
        import pyodide.ffi  # noqa: F401
    except ImportError:
        import xlwings.utils
        xlwings.utils.is_jsnull = _never_jsnull
        sys.modules.setdefault("pyodide", None)


_cache_missing_pyodide()


class ArgumentError(ValueError):
    """Shown in the cell: #VALUE! with this (Swedish) message in Office.js, the text on COM."""


def excel_errors(f):
    """Turn every failure into a short Swedish message; never a traceback in a cell."""
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except (ArgumentError, RangeError, NotAnAmount, XlpluginError) as exc:
            raise ArgumentError(str(exc)) from None
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise ArgumentError(f"ogiltigt argument: {exc}") from None
    return wrapper


def amount(value, name: str, required: bool = True) -> Decimal | None:
    """One amount from a cell (number, number as text, blank)."""
    if isinstance(value, (list, tuple)):
        values = [v for row in grid(value) for v in row]
        if len(values) != 1:
            raise ArgumentError(f"{name} ska vara en enda cell")
        value = values[0]
    try:
        a = parse_amount(value)
    except NotAnAmount as exc:
        raise ArgumentError(f"{name}: {exc}") from None
    if a is None:
        if required:
            raise ArgumentError(f"{name} saknas")
        return None
    return a.value


def amounts(value, name: str) -> list[Decimal | None]:
    """A row or column of amounts (blanks as None)."""
    out = []
    for i, v in enumerate(column(value, name)):
        try:
            a = parse_amount(v)
        except NotAnAmount as exc:
            raise ArgumentError(f"{name}, cell {i + 1}: {exc}") from None
        out.append(None if a is None else a.value)
    return out


def decimals(value, name: str) -> tuple[Decimal, ...]:
    """Factors or percentages: one cell, a range, or text like "0,83; 0,85"."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = [p for p in value.replace(";", " ").split() if p]
        try:
            return tuple(Decimal(p.replace(",", ".").replace("%", "")) for p in parts)
        except InvalidOperation:
            raise ArgumentError(f"{name}: '{value}' är inte tal") from None
    return tuple(a for a in amounts(value, name) if a is not None)


def integer(value, name: str, default: int | None = None) -> int | None:
    if value is None or value == "":
        return default
    a = amount(value, name)
    if a != a.to_integral_value():
        raise ArgumentError(f"{name} ska vara ett heltal")
    return int(a)


def to_excel(v):
    """Kronor (int/Decimal) to an Excel number; None to an empty cell."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def in_unit(kr: int | None, unit: str):
    """Kronor shown in the sheet's unit (kr or tkr)."""
    if kr is None:
        return None
    return to_excel(Decimal(kr) / 1000) if unit == "tkr" else kr


def same_shape(values: list, like) -> list[list]:
    """A list as a row when `like` was a row, else as a column."""
    g = grid(like)
    if g and len(g) == 1 and len(g[0]) > 1:
        return [values]
    return [[v] for v in values]


def uncertainty_lines(budget) -> list[str]:
    """"Osäker tolkning" lines for a Kontroll sheet or a cell: why, and which rows."""
    rd = budget.reading
    if rd.certain:
        return []
    out = ["OSÄKER TOLKNING: " + "; ".join(map(str, rd.reasons))]
    if rd.uncertain_rows:
        out.append("Osäkra rader: " + ", ".join(f"rad {r} ('{t}')" for r, t in rd.uncertain_rows[:12]))
    for alt in rd.alternatives[:2]:
        out.append(f"Annan tolkning ({alt['reading']}): " + "; ".join(
            f"{h}: resultat {t['resultat']}" for h, t in alt["totals"].items()))
    return out
