"""Projections, member contributions and key ratios against the seeds' own numbers."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from xlplugin.core.funding import allocate, member_contributions
from xlplugin.core.projection import ProjectionRule, project, round_to
from xlplugin.core.ratios import share

D = Decimal
VM_FACTORS = ProjectionRule(factors=(D("0.83"), D("0.85")), rounding=500)


@pytest.mark.parametrize("budget_2025, plan_2026, plan_2027, rounding", [
    (-1_650_000, -1_369_500, -1_164_000, 500),   # Samordningsteam FNS: 1 164 075 -> 1 164 000
    (-1_250_000, -1_037_500, -882_000, 500),     # Hallstahammar, Surahammar: 881 875
    (-1_720_000, -1_427_600, -1_213_500, 100),   # Sala: 1 427 600 kept, 1 213 460 -> 1 213 500
    (-321_500, -267_000, -227_000, 500),         # Psykiatriresurs: 266 845 -> 267 000
    (-6_100_000, -5_063_000, -4_304_000, 1000),  # Västerås: 4 303 550 -> 4 304 000
])
def test_vastmanland_plan_years_x083_then_x085(budget_2025, plan_2026, plan_2027, rounding):
    """The seed rounds line by line (no single step fits all five lines)."""
    rule = ProjectionRule(factors=(D("0.83"), D("0.85")), rounding=rounding)
    assert project(budget_2025, 2, rule) == [plan_2026, plan_2027]


def test_kramfors_fixed_step_on_each_half():
    # -5 333 kr/år on the total, i.e. -2 666,5 on each half; rounded to whole kronor
    assert project(1_296_000, 2, ProjectionRule(step=D("-2666.5"))) == [1_293_334, 1_290_667]


def test_index_and_unchanged():
    assert project(-457_700, 2, ProjectionRule(index_percent=(D("2.5"),), rounding=100)) == [-469_100, -480_900]
    assert project(7_046_000, 2) == [7_046_000, 7_046_000]
    assert VM_FACTORS.describe() == "faktor 0,83, 0,85, avrundat till 500 kr"


def test_round_to_halves_away_from_zero():
    assert round_to(D("1213250"), 500) == 1_213_500
    assert round_to(D("-1213250"), 500) == -1_213_500


def test_kramfors_split_50_25_25():
    got = [(c.member, c.amount) for c in member_contributions(2_592_000)]
    assert got == [("Staten (Försäkringskassan och Arbetsförmedlingen)", 1_296_000),
                   ("Regionen", 648_000), ("Kommunerna", 648_000)]


def test_municipal_quarter_by_population_adds_up_exactly():
    pops = [("Fagersta", 13_500), ("Norberg", 5_800), ("Skinnskatteberg", 4_400)]
    got = member_contributions(7_046_001, pops)
    assert sum(c.amount for c in got) == 7_046_001
    assert got[0].amount == 3_523_001 or got[0].amount == 3_523_000
    kommun = sum(c.amount for c in got[2:])
    assert abs(kommun - 7_046_001 / 4) < 1


@given(st.integers(min_value=-10**10, max_value=10**10),
       st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=12))
def test_allocation_always_adds_up(total, weights):
    amounts = allocate(total, [Fraction(w) for w in weights])
    assert sum(amounts) == total
    wsum = sum(weights)
    for a, w in zip(amounts, weights):
        assert abs(a - Fraction(total * w, wsum)) < 1


def test_kramfors_ratios_with_base():
    income = 2_592_000
    # projekt/insatser 1 910 000 (73,69 %), administration 797 000 + 134 000 + 4 000
    assert share("Insatser", -1_910_000, income, "intakter").percent == D("73.69")
    assert share("Administration", -935_000, income, "intakter").describe() == \
        "Administration: 36,07 % av intäkter"
    # individinsatser 950 000 + 330 000 + 300 000 (half of Samkraft) of the insatser
    assert share("Individinsatser", -1_580_000, -1_910_000, "insatser").percent == D("82.72")


def test_ratio_base_must_be_named():
    with pytest.raises(ValueError):
        share("x", 1, 2, "allt")


def test_rules_from_the_command_line_and_from_a_sheet():
    from xlplugin.io.rules import RuleError, parse_rule, rules_from_rows
    r = parse_rule("Samordningsteam*: faktor 0,83 0,85; avrunda 500")
    assert r.matches("- Samordningsteam FNS") and not r.balance
    assert r.rule == ProjectionRule(factors=(D("0.83"), D("0.85")), rounding=500)
    assert parse_rule("Ofördelade medel: utjämna").balance
    rows = [["Rad", "Faktorer", "Index %", "Steg kr", "Avrundning"],
            ["Styrelse", None, 2.5, None, 1000], ["Ofördelade medel", "utjämna", None, None, None],
            [None, None, None, None, None], ["Drittbidrag*", None, None, "-2666,5", None]]
    rules = rules_from_rows(rows)
    assert [(x.pattern, x.balance) for x in rules] == [("Styrelse", False), ("Ofördelade medel", True),
                                                       ("Drittbidrag*", False)]
    assert rules[0].rule.index_percent == (D("2.5"),) and rules[2].rule.step == D("-2666.5")
    with pytest.raises(RuleError, match="rad 2"):
        rules_from_rows([["Rad", "Faktorer"], ["Styrelse", "mycket"]])
