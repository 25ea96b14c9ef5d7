"""openpyxl adapter: the reference engine. Gives the same RawSheet as the xlsx engine."""

from __future__ import annotations

import warnings
import zipfile
from decimal import Decimal

from ...errors import ReadError
from ..cells import ExcelError, excel_number
from . import MAX_COLS, MAX_ROWS, RawCell, RawSheet, is_percent_format, thousands_scale


def _load(path: str, data_only: bool):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=data_only, keep_links=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError):
        raise ReadError("filen är inte en giltig Excel-arbetsbok (.xlsx eller .xlsm)", path) from None
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise ReadError(f"arbetsboken är skadad och kan inte läsas ({type(exc).__name__})",
                        path) from None


class OpenpyxlWorkbook:
    def __init__(self, path: str):
        self.path = path
        self._wb = _load(path, data_only=False)
        self._cached = None

    @property
    def sheet_names(self) -> list[str]:
        return list(self._wb.sheetnames)

    def _cached_values(self):
        if self._cached is None:
            self._cached = _load(self.path, data_only=True)
        return self._cached

    def get_sheet_data(self, name: str) -> RawSheet:
        ws = self._wb[name]
        if ws.max_row > MAX_ROWS:
            raise ReadError(f"bladet har fler än {MAX_ROWS} rader; det läses inte", self.path, name)
        if ws.max_column > MAX_COLS:
            raise ReadError(f"bladet har fler än {MAX_COLS} kolumner; det läses inte", self.path, name)
        cached_ws = None
        rows: list[list[RawCell | None]] = []
        for r, row in enumerate(ws.iter_rows(), start=0):
            out: list[RawCell | None] = []
            for c, cell in enumerate(row):
                value = cell.value
                formula = None
                if cell.data_type == "f":
                    formula = value.text if hasattr(value, "text") else str(value)
                    if formula.startswith("="):
                        formula = formula[1:]
                    if cached_ws is None:
                        cached_ws = self._cached_values()[name]
                    value = cached_ws.cell(row=r + 1, column=c + 1).value
                value = _convert(value, cell.data_type)
                font = cell.font
                bold = bool(font.b) if font is not None else False
                italic = bool(font.i) if font is not None else False
                indent = int(cell.alignment.indent or 0) if cell.alignment is not None else 0
                if value is None and formula is None and not (bold or italic or indent):
                    out.append(None)
                else:
                    number = isinstance(value, (int, Decimal)) and not isinstance(value, bool)
                    shown = number or formula is not None
                    scale = thousands_scale(cell.number_format) if shown else 0
                    percent = is_percent_format(cell.number_format) if shown else False
                    out.append(RawCell(value, formula, bold, italic, indent, scale, percent))
            while out and out[-1] is None:
                out.pop()
            rows.append(out)
        while rows and not rows[-1]:
            rows.pop()
        merged = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                  for m in ws.merged_cells.ranges]
        hidden_rows = frozenset(idx - 1 for idx, dim in ws.row_dimensions.items() if dim.hidden)
        return RawSheet(name=name, rows=rows, merged=merged,
                        hidden=ws.sheet_state != "visible", hidden_rows=hidden_rows)

    def close(self) -> None:
        for wb in (self._wb, self._cached):
            if wb is not None and hasattr(wb, "close"):
                wb.close()


def _convert(value, data_type):
    if value is None:
        return None
    if data_type == "e" or (isinstance(value, str) and value.startswith("#") and value.endswith(("!", "?", "A"))
                            and value.upper() in ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")):
        return ExcelError(str(value))
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return excel_number(Decimal(repr(value)))
    if isinstance(value, str):
        return value
    import datetime as dt
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)  # anything else: text; never an amount
