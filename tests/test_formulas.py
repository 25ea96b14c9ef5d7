"""The small formula evaluator for cells written without a cached value."""

from decimal import Decimal

import pytest

from xlplugin.io.formulas import FormulaError, evaluate

GRID = {(0, 1): Decimal(5), (1, 1): Decimal(7), (2, 1): None, (0, 2): Decimal("1.5")}


def resolve(sheet, r, c):
    if sheet not in (None, "Budget"):
        raise FormulaError("no such sheet")
    return GRID.get((r, c))


@pytest.mark.parametrize("formula, value", [
    ("=SUM(B1:B3)", 12), ("B1-B2*2", -9), ("=-(B1+B2)/2", -6), ("ROUND(B1/3,0)", 2),
    ("=SUM(B1,B2,C1)", Decimal("13.5")), ("'Budget'!B1+1", 6), ("=B1*20%", 1),
    ("=$B$1+B$2", 12), ("=MAX(B1:B2)-MIN(B1:B2)", 2), ("=SUBTOTAL(9,B1:B3)", 12),
    ("=SUBTOTAL(109,B1,B2)", 12),
])
def test_evaluates_budget_formulas(formula, value):
    assert evaluate(formula, resolve) == value


@pytest.mark.parametrize("formula", ["=VLOOKUP(A1,B1:C3,2)", "=[1]Blad1!A1", "=B1/0", "=B1+", "=SUM(B1:B2"])
def test_unsupported_formulas_raise_a_swedish_message(formula):
    with pytest.raises(FormulaError):
        evaluate(formula, resolve)


def test_subtotal_leaves_out_other_subtotals_in_its_range():
    grid = {(0, 1): Decimal(5), (1, 1): Decimal(7), (2, 1): Decimal(12), (3, 1): Decimal(1)}
    formulas = {(2, 1): "SUBTOTAL(9,B1:B2)"}
    value = evaluate("=SUBTOTAL(9,B1:B4)", lambda s, r, c: grid.get((r, c)),
                     lambda s, r, c: formulas.get((r, c)))
    assert value == 13          # 5 + 7 + 1, not the 12 of the inner SUBTOTAL
