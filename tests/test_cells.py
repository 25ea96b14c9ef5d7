"""Amounts as people type them in cells."""

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from xlplugin.io.cells import ExcelError, NotAnAmount, parse_amount


@pytest.mark.parametrize("text, value, unit", [
    ("7 046 000 kr", 7046000, "kr"),
    ("- 389 700", -389700, None),
    ("(1 234)", -1234, None),
    ("1 550,5", Decimal("1550.5"), None),
    ("\u22125 333", -5333, None),          # Unicode minus
    ("\u2013 5 333", -5333, None),          # en dash used as minus
    ("+ 114 000", 114000, None),
    ("- 41 000*", -41000, None),           # footnote star
    ("7 246 tkr", 7246, "tkr"),
    ("841\u00a0600 kr", 841600, "kr"),     # no-break space
    ("1.550,5", Decimal("1550.5"), None),
    ("3.000", 3000, None),                 # a dot with three digits groups thousands
    ("1.550 tkr", 1550, "tkr"),
    ("7.046.000", 7046000, None),
    ("12.5", Decimal("12.5"), None),       # not three digits: a decimal point
    ("-1 296 000 kr", -1296000, "kr"),
    ("0", 0, None),
])
def test_text_amounts(text, value, unit):
    a = parse_amount(text)
    assert a.value == value and a.unit == unit


def test_numbers_are_exact():
    assert parse_amount(1550.5).value == Decimal("1550.5")
    assert parse_amount(0.1).value == Decimal("0.1")      # not 0.1000000000000000055…
    assert parse_amount(7046000).value == 7046000


@pytest.mark.parametrize("value", [None, "", "  ", "-", "–"])
def test_empty_cells_have_no_amount(value):
    assert parse_amount(value) is None


@pytest.mark.parametrize("value", ["se not", "12 abc", "--5", ExcelError("#REF!"), "#DIV/0!", True])
def test_not_amounts(value):
    with pytest.raises(NotAnAmount):
        parse_amount(value)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_grouped_swedish_text_round_trips(n):
    text = f"{n:,}".replace(",", " ").replace("-", "\u2212")
    assert parse_amount(text).value == n
    assert parse_amount(f"{text} kr").value == n


@given(st.text(max_size=20))
def test_parser_never_crashes(text):
    try:
        parse_amount(text)
    except NotAnAmount:
        pass
