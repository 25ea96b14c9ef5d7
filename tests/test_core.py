"""The core as a specification: tiny inline budgets, no workbooks."""

from decimal import Decimal

from xlplugin.core.equity import (EquityPolicy, YearInput, equity_cap, equity_roll_forward,
                                  equity_status, largest_deficit_above_floor,
                                  smallest_deficit_to_cap)
from xlplugin.core.model import (COST, COST_TOTAL, ITEM, RESULT, RESULT_TOTAL, REVENUE,
                                 REVENUE_TOTAL, SUBTOTAL, TOTAL, Budget, Column, Line)
from xlplugin.core.totals import check_totals, column_totals

B = "Budget 2025"


def budget(*rows):
    """rows: (label, role, kind, value, parent, total_type, members)"""
    lines = []
    for i, (label, role, kind, value, parent, ttype, members) in enumerate(rows):
        lines.append(Line(index=i, row=i + 5, label=label, role=role, kind=kind,
                          values={B: value}, parent=parent, total_type=ttype,
                          members=tuple(members), cells={B: f"B{i + 5}"}))
    return Budget(path="t.xlsx", sheet="Budget", organisation="Test", unit="kr",
                  sign_convention="costs_negative",
                  columns=(Column(B, "budget", 2025, "B4", "B"),), lines=tuple(lines))


def item(label, kind, value, parent=None):
    return (label, ITEM, kind, value, parent, None, ())


def total(label, kind, value, ttype, members=()):
    return (label, TOTAL, kind, value, None, ttype, members)


SMALL = budget(
    item("Medel från huvudmännen", REVENUE, 1000),
    item("Styrelse", COST, -100),
    item("Samordningsteam", COST, -600),            # category carrying its breakdown
    item("- Team A", COST, -250, parent=2),
    item("- Team B", COST, -350, parent=2),
    total("SUMMA KOSTNADER", COST, -700, COST_TOTAL, (1, 2)),
    total("SUMMA INTÄKTER", REVENUE, 1000, REVENUE_TOTAL, (0,)),
    total("RESULTAT", RESULT, 300, RESULT_TOTAL, (5, 6)),
)


def test_category_and_breakdown_are_not_counted_twice():
    t = column_totals(SMALL)[B]
    assert (t.intakter, t.kostnader, t.resultat) == (1000, -700, 300)


def test_consistent_budget_has_no_discrepancies():
    assert check_totals(SMALL) == []


def test_wrong_category_total_is_found_and_carried_totals_are_marked_consequential():
    wrong = budget(
        item("Medel från huvudmännen", REVENUE, 1000),
        item("Samordningsteam", COST, -610),          # breakdown says -600
        item("- Team A", COST, -250, parent=1),
        item("- Team B", COST, -350, parent=1),
        total("SUMMA KOSTNADER", COST, -610, COST_TOTAL, (1,)),
        total("RESULTAT", RESULT, 390, RESULT_TOTAL, (0, 4)),
    )
    found = [(d.cell, d.stated, d.computed, d.difference, d.consequential) for d in check_totals(wrong)]
    assert found == [("B6", -610, -600, -10, False),
                     ("B9", -610, -600, -10, True),
                     ("B10", 390, 400, -10, True)]


def test_category_without_breakdown_amounts_counts_as_a_line():
    b = budget(
        item("Medel", REVENUE, 500),
        item("Samordningsteam", COST, -400),
        item("- Team A", COST, None, parent=1),
        total("RESULTAT", RESULT, 100, RESULT_TOTAL, (0, 1)),
    )
    assert column_totals(b)[B].resultat == 100
    assert check_totals(b) == []


def test_summa_row_checks_its_members():
    b = budget(
        item("Styrelse", COST, -100),
        item("Administration", COST, -200),
        total("Summa administration", COST, -250, SUBTOTAL, (0, 1)),
    )
    [d] = check_totals(b)
    assert (d.label, d.stated, d.computed, d.difference) == ("Summa administration", -250, -300, 50)


# --- equity ---------------------------------------------------------------------------------

def test_roll_forward_ub_is_ib_plus_result():
    years = equity_roll_forward(841_600, [YearInput(2020, -383_100, base=7_046_000),
                                          YearInput(2021, 114_000, base=7_800_000)])
    assert [(y.ib, y.ub, y.cap) for y in years] == [(841_600, 458_500, 1_409_200),
                                                    (458_500, 572_500, 1_560_000)]


def test_stated_ub_is_carried_so_one_error_is_reported_once():
    years = equity_roll_forward(None, [YearInput(2022, -247_000, ub_stated=1_066_000),
                                       YearInput(2023, -748_000, ub_stated=317_000),
                                       YearInput(2024, 0, ub_stated=317_000)])
    assert [(y.ib, y.ub, y.ub_stated) for y in years] == [
        (1_313_000, 1_066_000, 1_066_000), (1_066_000, 318_000, 317_000), (317_000, 317_000, 317_000)]


def test_cap_is_rounded_to_whole_kronor():
    assert equity_cap(2_586_668) == 517_334          # 517 333,6
    assert equity_cap(2_581_334, Decimal("0.2")) == 516_267  # 516 266,8


def test_status_and_headroom():
    assert equity_status(548_077, cap=518_400, floor=180_000) == "Över taket"
    assert equity_status(150_000, cap=518_400, floor=180_000) == "Under golvet"
    assert equity_status(-1, cap=518_400, floor=None) == "Negativt eget kapital"
    assert equity_status(295_077, cap=518_400, floor=180_000) == "Inom ramen"
    assert largest_deficit_above_floor(295_077, 180_000) == 115_077
    assert smallest_deficit_to_cap(548_077, 518_400) == 29_677
    assert smallest_deficit_to_cap(295_077, 518_400) == 0


def test_policy_rejects_unknown_base():
    import pytest
    with pytest.raises(ValueError):
        EquityPolicy(cap_base="omsättning")


def test_base_lines_do_not_depend_on_the_order_of_lines():
    """A category whose breakdown has amounts is replaced by it, whichever comes first."""
    from xlplugin.core.model import COST, ITEM, Budget, Column, Line
    from xlplugin.core.totals import base_lines
    h = "Budget 2025"

    def budget(order):
        cat = Line(index=order.index("cat"), row=1, label="Individinsatser", role=ITEM, kind=COST,
                   values={h: -300})
        parts = [Line(index=order.index(n), row=2 + k, label=n, role=ITEM, kind=COST, values={h: v},
                      parent=cat.index) for k, (n, v) in enumerate((("Team", -200), ("Coach", None)))]
        deep = Line(index=order.index("Coach del"), row=5, label="Coach del", role=ITEM, kind=COST,
                    values={h: -100}, parent=parts[1].index)
        lines = sorted([cat, *parts, deep], key=lambda ln: ln.index)
        return Budget(path="x.xlsx", sheet="Budget", organisation=None, unit="kr",
                      sign_convention="costs_negative", columns=(Column(h, "budget", 2025),),
                      lines=tuple(lines))

    for order in (["cat", "Team", "Coach", "Coach del"], ["Coach del", "Coach", "Team", "cat"]):
        assert sorted(ln.label for ln in base_lines(budget(order), h)) == ["Coach del", "Team"]
