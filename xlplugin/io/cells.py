"""Cell values as people type them: numbers, numbers stored as text, units.

Pure functions; no workbook access. Amounts come back as exact `Decimal`s in the
unit the cell is written in; callers convert to kronor.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["ExcelError", "Amount", "NotAnAmount", "parse_amount", "UNIT_FACTORS"]

#: kronor per unit
UNIT_FACTORS = {"kr": Decimal(1), "tkr": Decimal(1000), "mkr": Decimal(1_000_000)}

_UNIT_WORDS = {
    "kr": "kr", "sek": "kr", "kronor": "kr", ":-": "kr",
    "tkr": "tkr", "kkr": "tkr", "ksek": "tkr", "tsek": "tkr",
    "mkr": "mkr", "msek": "mkr",
}


@dataclass(frozen=True)
class ExcelError:
    """An Excel error value such as #REF! or #DIV/0! found in a cell."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Unresolved:
    """A formula without a cached value that could not be evaluated; it is an error
    only where the value is needed (an amount in the budget table)."""

    message: str

    def __str__(self) -> str:
        return self.message


EXCEL_ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                     "#GETTING_DATA", "#SPILL!", "#CALC!")


@dataclass(frozen=True)
class Amount:
    """A parsed amount: `value` in `unit` (None when the cell states no unit)."""

    value: Decimal
    unit: str | None = None
    footnote: bool = False


class NotAnAmount(ValueError):
    """The cell holds text that is not a number."""


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2012": "-"})
_UNIT_SUFFIX = re.compile(r"(?i)\s*(tkr|kkr|ksek|tsek|mkr|msek|kronor|kr\.?|sek|:-)\s*$")
_UNIT_PREFIX = re.compile(r"(?i)^\s*(sek|kr)\s+")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


# Excel keeps 15 significant digits. A saved double carries up to 17 ("79666.07000000001",
# the nearest double to 79666.07 written in full); what Excel shows, and what was typed,
# is the number rounded to 15 digits.
EXCEL_DIGITS = 15


def excel_number(d: Decimal) -> int | Decimal:
    """A number as Excel holds it: rounded to EXCEL_DIGITS significant digits, an int when
    whole ("8800.000000000001" -> 8800, "79666.07000000001" -> Decimal("79666.07"))."""
    if d.is_finite() and len(d.as_tuple().digits) > EXCEL_DIGITS:
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - EXCEL_DIGITS + 1))
        if d != d.to_integral_value():
            d = d.normalize()
    return int(d) if d.is_finite() and d == d.to_integral_value() else d


def parse_amount(value: object) -> Amount | None:
    """Parse one cell value as an amount; None for an empty cell or a lone dash.

    Accepts ints, floats (converted through their shortest repr, never summed as
    floats), Decimals and text such as "7 046 000 kr", "- 389 700", "(1 234)",
    "1 550,5", "−5 333", "+ 114 000", "- 41 000*" (trailing footnote stars).
    Raises NotAnAmount for other text and for Excel error values.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotAnAmount("sanningsvärde (SANT/FALSKT) i stället för belopp")
    if isinstance(value, int):
        return Amount(Decimal(value))
    if isinstance(value, Decimal):
        return Amount(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotAnAmount("ogiltigt tal")
        return Amount(Decimal(excel_number(Decimal(repr(value)))))
    if isinstance(value, ExcelError):
        raise NotAnAmount(f"felvärde {value.code} i stället för belopp")
    if isinstance(value, Unresolved):
        raise NotAnAmount(value.message)
    if not isinstance(value, str):
        raise NotAnAmount(f"oväntat värde {value!r}")
    result = _parse_text_memo(value)
    if isinstance(result, NotAnAmount):
        raise NotAnAmount(*result.args)
    return result


@functools.lru_cache(maxsize=8192)
def _parse_text_memo(text: str) -> Amount | NotAnAmount | None:
    """Labels and text amounts repeat across rows and workbooks: parse each text once."""
    try:
        return _parse_text(text)
    except NotAnAmount as exc:
        return NotAnAmount(*exc.args)   # without the traceback and its frames


def _parse_text(text: str) -> Amount | None:
    original = text
    s = text.strip().translate(_MINUS)
    if not s:
        return None
    if s.upper() in EXCEL_ERROR_CODES:
        raise NotAnAmount(f"felvärde {s} i stället för belopp")
    footnote = False
    while s.endswith("*"):
        footnote = True
        s = s[:-1].rstrip()
    unit = None
    m = _UNIT_SUFFIX.search(s)
    if m:
        unit = _UNIT_WORDS[m.group(1).lower().rstrip(".")]
        s = s[: m.start()]
    m = _UNIT_PREFIX.match(s)
    if m:
        unit = unit or "kr"
        s = s[m.end():]
    s = s.strip()
    if s in ("", "-", "--"):
        if unit is not None or footnote or s:
            return None
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s[:1] in "+-":
        negative, s = (s[0] == "-") != negative, s[1:].strip()
        if s[:1] in "+-":
            raise NotAnAmount(f"'{original}' är inte ett belopp")
    if s.endswith("-") and not negative:  # "1 234-" (trailing minus, older ledgers)
        negative, s = True, s[:-1].strip()
    s = _SPACES.sub("", s)
    if not _NUMBER.match(s):
        raise NotAnAmount(f"'{original}' är inte ett belopp")
    s = _normalise_separators(s, original)
    try:
        number = Decimal(s)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        raise NotAnAmount(f"'{original}' är inte ett belopp") from None
    return Amount(-number if negative else number, unit, footnote)


def _normalise_separators(s: str, original: str) -> str:
    """Swedish convention: comma is the decimal mark, space or dot groups thousands."""
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        # "1.550,5" (dot thousands) or "1,550.5" (English)
        if s.rfind(",") > s.rfind("."):
            return s.replace(".", "").replace(",", ".")
        return s.replace(",", "")
    if commas > 1:
        return s.replace(",", "")
    if dots > 1:
        return s.replace(".", "")
    if commas == 1:
        return s.replace(",", ".")
    if dots == 1 and re.fullmatch(r"\d{1,3}\.\d{3}", s):
        return s.replace(".", "")   # "3.000", "1.550": a dot groups thousands (a decimal mark is a comma)
    return s
