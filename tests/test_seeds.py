"""The five seed budgets, read from the example workbooks, against the seed documents.

Every line value is compared with the seed text itself (tests/seed_tables.py); the
totals, the equity roll-forward and the discrepancies below were worked out by hand
from the seed tables (see the comments for the sums).
"""

import pytest

from seed_tables import seed_rows
from conftest import WORKBOOKS
from xlplugin.core.check import check_budget
from xlplugin.core.equity import EquityPolicy
from xlplugin.io.reader import read_budget

NV2020 = WORKBOOKS / "norra_vastmanland_2020.xlsx"          # seed 001
NV2021 = WORKBOOKS / "norra_vastmanland_2021_2023.xlsx"     # seed 000
NV2023 = WORKBOOKS / "norra_vastmanland_2023_tkr.xlsx"      # seed 003
VM2025 = WORKBOOKS / "vastmanland_2025_2027.xlsx"           # seed 002
KRAMFORS = WORKBOOKS / "kramfors_2021.xlsx"                 # seed 004


def read(path, engine):
    return check_budget(read_budget(path, engine=engine))


def totals(result):
    return {h: (t.intakter, t.kostnader, t.resultat) for h, t in result.totals.items()}


def found(result):
    """Discrepancies as (cell, column, stated, computed, difference, följdfel), as a set."""
    return {(d.cell, d.column, d.stated, d.computed, d.difference, d.consequential)
            for d in result.discrepancies}


# --- every line value equals the seed document ------------------------------------------

@pytest.mark.parametrize("path, seed", [(NV2020, "001"), (NV2021, "000"), (VM2025, "002")])
def test_line_values_equal_seed_text_costs_negative(path, seed, engine):
    budget = read_budget(path, engine=engine)
    rows = seed_rows(seed)
    lines = budget.lines
    assert len(lines) == len(rows)
    headers = [c.header for c in budget.columns]
    for line, (label, values) in zip(lines, rows):
        assert line.label.rstrip("*") == label.rstrip("*")
        values = (values + [None] * len(headers))[: len(headers)]
        assert [line.values[h] for h in headers] == values, label


def test_line_values_equal_seed_text_accounting_signs(engine):
    """Kramfors: revenue negative and costs positive in the source; the model flips
    them (revenue positive, costs negative) but keeps the result row's own sign."""
    budget = read_budget(KRAMFORS, engine=engine)
    assert budget.sign_convention == "revenue_negative"
    rows = seed_rows("004")
    assert [ln.label for ln in budget.lines] == [label for label, _ in rows]
    headers = [c.header for c in budget.columns]
    for line, (label, values) in zip(budget.lines, rows):
        expected = [None if v is None else (v if label.startswith("8900") else -v) for v in values]
        assert [line.values[h] for h in headers] == expected, label


def test_tkr_lines_converted_to_kronor(engine):
    """Seed 003 (tkr): every amount times 1 000; labels restored from the OCR text."""
    budget = read_budget(NV2023, engine=engine)
    assert budget.unit == "tkr"
    got = {ln.label: [ln.values[c.header] for c in budget.columns] for ln in budget.lines}
    assert got["Medel från huvudmännen"] == [7_046_000, 7_046_000, 7_030_000]
    assert got["Övriga intäkter"] == [200_000, 202_000, 100_000]
    assert got["-Samordningsteam Sala"] == [-1_590_000, -1_440_000, -1_500_000]
    assert got["- Samverkansmedel ofördelat"] == [-82_000, -110_000, -100_000]
    assert got["SUMMA KOSTNADER"] == [-7_720_000, -7_495_000, -7_878_000]
    assert got["RESULTAT"] == [-474_000, -247_000, -748_000]
    assert len(budget.lines) == 22


# --- what the reader understood ---------------------------------------------------------

def test_understood_layout_nv2020(engine):
    budget = read_budget(NV2020, engine=engine)
    assert budget.organisation == "Norra Västmanlands Samordningsförbund"
    assert budget.unit == "kr" and budget.sign_convention == "costs_negative"
    assert [(c.header, c.kind, c.year) for c in budget.columns] == [
        ("Budget 2019", "budget", 2019), ("Prognos 2019", "prognos", 2019),
        ("Budget 2020", "budget", 2020)]
    by_label = {ln.label: ln for ln in budget.lines}
    parent = lambda label: budget.lines[by_label[label].parent].label
    # breakdown rows by "- ", and rows without a prefix under a bold category row
    assert parent("- Samordningsteam FNS") == "Finansiering av individinriktade insatser"
    assert parent("Kurator till samordningsteam") == "Finansiering av individinriktade insatser"
    assert parent("Webportal Lösningsfokus och Samverkan") == "Utbildningsinsatser"
    assert by_label["Styrelse"].parent is None
    assert [ln.label for ln in budget.lines if ln.is_total] == [
        "SUMMA KOSTNADER", "SUMMA INTÄKTER", "RESULTAT**"]


def test_understood_layout_vastmanland_sections_and_summa_rows(engine):
    budget = read_budget(VM2025, engine=engine)
    by_label = {ln.label: ln for ln in budget.lines}
    members = lambda label: [budget.lines[i].label for i in by_label[label].members]
    assert members("Summa administrativa kostnader") == ["Styrelse", "Gemensam administration"]
    assert len(members("Summa individinsatser")) == 7
    assert members("Summa direkta insatskostnader") == [
        "Summa individinsatser", "Summa metoder, arbetssätt och strukturpåverkande insatser"]
    assert by_label["Individinsatser"].role == "section"


# --- totals per column -------------------------------------------------------------------

def test_totals_nv2020(engine):
    # Prognos 2019 costs from the lines: 517 700 + 1 429 800 + 43 800 + 6 128 500
    # + 320 200 + (117 000 + 50 000) + 36 000 = 8 643 000 (the stated 167 700 for
    # Utvärderingsinsatser is not used: its breakdown says 167 000).
    assert totals(read(NV2020, engine)) == {
        "Budget 2019": (7_088_000, -8_415_600, -1_327_600),
        "Prognos 2019": (7_088_000, -8_643_000, -1_555_000),
        "Budget 2020": (7_046_000, -7_429_100, -383_100),
    }


def test_totals_nv2021(engine):
    # 2020: the team breakdown sums to 5 310 000 (stated 5 300 000), so costs are
    # 7 439 100; 2021: 462 900 + 1 149 000 + 46 000 + 5 300 000 + 330 000 + 100 000
    # + 90 000 = 7 477 900 (stated SUMMA KOSTNADER 7 499 900).
    assert totals(read(NV2021, engine)) == {
        "Budget 2020": (7_046_000, -7_439_100, -393_100),
        "Budget 2021": (7_046_000, -7_477_900, -431_900),
        "Budget 2022": (7_046_000, -7_046_000, 0),
        "Budget 2023": (7_046_000, -7_046_000, 0),
    }


def test_totals_nv2023_tkr(engine):
    # Budget 2022 costs: 1 256 + 5 521 + (0+40+0+250+75+30+0+431+82 = 908) = 7 685 tkr
    assert totals(read(NV2023, engine)) == {
        "Budget 2022": (7_246_000, -7_685_000, -439_000),
        "Prognos 2022": (7_248_000, -7_604_000, -356_000),
        "Budget 2023": (7_130_000, -7_853_000, -723_000),
    }


def test_totals_vastmanland(engine):
    # Plan 2027: 649 000 + 1 727 000 + 10 223 000 + (1 337 000 + 0 + 0 + 700 000
    # + 2 150 000 + 0 + 50 000 = 4 237 000) + 1 800 000 = 18 636 000
    assert totals(read(VM2025, engine)) == {
        "Budget 2024": (19_038_000, -20_982_000, -1_944_000),
        "Budget 2025": (18_958_000, -20_204_000, -1_246_000),
        "Plan 2026": (18_958_000, -18_226_600, 731_400),
        "Plan 2027": (18_958_000, -18_636_000, 322_000),
    }


def test_totals_kramfors(engine):
    # 2021: 1 910 000 + 797 000 + 134 000 + 4 000 = 2 845 000 against 2 592 000
    assert totals(read(KRAMFORS, engine)) == {
        "Budget 2020": (2_592_000, -2_592_000, 0),
        "Budget 2021": (2_592_000, -2_845_000, -253_000),
        "Budget 2022": (2_586_668, -2_586_668, 0),
        "Budget 2023": (2_581_334, -2_581_334, 0),
    }


# --- every stated figure that does not add up, and nothing else ---------------------------

def test_discrepancies_nv2020(engine):
    # Utvärderingsinsatser, Prognos 2019: 117 000 + 50 000 = 167 000, stated 167 700.
    assert found(read(NV2020, engine)) == {("C24", "Prognos 2019", -167_700, -167_000, -700, False)}


def test_discrepancies_nv2021(engine):
    assert found(read(NV2021, engine)) == {
        # 1 457 000 + 1 590 000 + 1 060 000 + 958 000 + 235 000 + 10 000 = 5 310 000
        ("B18", "Budget 2020", -5_300_000, -5_310_000, 10_000, False),
        # carried into SUMMA KOSTNADER and RESULTAT (they add up from the stated rows)
        ("B36", "Budget 2020", -7_429_100, -7_439_100, 10_000, True),
        ("B38", "Budget 2020", -383_100, -393_100, 10_000, True),
        # SUMMA KOSTNADER 2021: the rows sum to 7 477 900, stated 7 499 900
        ("C36", "Budget 2021", -7_499_900, -7_477_900, -22_000, False),
    }


def test_discrepancies_nv2023_tkr(engine):
    assert found(read(NV2023, engine)) == {
        # Budgetöversikt: 1 066 - 748 = 318 tkr, stated 317 tkr
        ("F5", "2023", 317_000, 318_000, -1_000, False),
        # Individinriktade insatser, Prognos 2022: 1 513+1 440+1 120+1 053+235 = 5 361
        ("C9", "Prognos 2022", -5_362_000, -5_361_000, -1_000, False),
        # Strukturinriktade insatser: breakdown 908 / 955 / 1 084 tkr
        ("B15", "Budget 2022", -943_000, -908_000, -35_000, False),
        ("B25", "Budget 2022", -7_720_000, -7_685_000, -35_000, True),
        ("B27", "Budget 2022", -474_000, -439_000, -35_000, True),
        ("C15", "Prognos 2022", -845_000, -955_000, 110_000, False),
        ("C25", "Prognos 2022", -7_495_000, -7_604_000, 109_000, True),
        ("C27", "Prognos 2022", -247_000, -356_000, 109_000, True),
        ("D15", "Budget 2023", -1_109_000, -1_084_000, -25_000, False),
        ("D25", "Budget 2023", -7_878_000, -7_853_000, -25_000, True),
        ("D27", "Budget 2023", -748_000, -723_000, -25_000, True),
    }


def test_discrepancies_vastmanland(engine):
    assert found(read(VM2025, engine)) == {
        # Summa metoder … Plan 2027: 1 337 000 + 700 000 + 2 150 000 + 50 000 = 4 237 000
        ("E29", "Plan 2027", -4_262_000, -4_237_000, -25_000, False),
        # Summa direkta insatskostnader = 10 223 000 + 4 262 000 as stated; true 14 460 000
        ("E30", "Plan 2027", -14_485_000, -14_460_000, -25_000, True),
    }


def test_discrepancies_kramfors_none(engine):
    assert found(read(KRAMFORS, engine)) == set()


# --- eget kapital --------------------------------------------------------------------------

def equity(result):
    return [(e.year, e.ib, e.resultat, e.ub, e.cap, e.status) for e in result.equity]


def test_equity_nv2020(engine):
    # UB 2019 uses the prognos utfall -1 555 000; cap = 20 % of budgeted income
    assert equity(read(NV2020, engine)) == [
        (2019, 2_396_600, -1_555_000, 841_600, 1_417_600, "Inom ramen"),
        (2020, 841_600, -383_100, 458_500, 1_409_200, "Inom ramen"),
        (2021, 458_500, 114_000, 572_500, 1_560_000, "Inom ramen"),
        (2022, 572_500, 59_000, 631_500, 1_560_000, "Inom ramen"),
    ]


def test_equity_nv2021(engine):
    assert equity(read(NV2021, engine)) == [
        (2020, 1_099_113, -150_000, 949_113, 1_409_200, "Inom ramen"),
        (2021, 949_113, -431_900, 517_213, 1_409_200, "Inom ramen"),
        (2022, 517_213, 0, 517_213, 1_409_200, "Inom ramen"),
        (2023, 517_213, 0, 517_213, 1_409_200, "Inom ramen"),
    ]


def test_equity_vastmanland_row_of_years(engine):
    # "Beräknat utgående eget kapital": 2 246 700 - 1 246 000 = 1 000 700, + 731 400
    # = 1 732 100, + 322 000 = 2 054 100
    assert equity(read(VM2025, engine)) == [
        (2024, 4_190_700, -1_944_000, 2_246_700, 3_807_600, "Inom ramen"),
        (2025, 2_246_700, -1_246_000, 1_000_700, 3_791_600, "Inom ramen"),
        (2026, 1_000_700, 731_400, 1_732_100, 3_791_600, "Inom ramen"),
        (2027, 1_732_100, 322_000, 2_054_100, 3_791_600, "Inom ramen"),
    ]


def test_equity_kramfors_balance_budget_with_floor(engine):
    """Kramfors: 20 % of tilldelade medel (2 592 000 -> 518 400), floor 180 000 kr."""
    policy = EquityPolicy(cap_base="medlemsbidrag", floor=180_000)
    result = check_budget(read_budget(KRAMFORS, engine=engine), policy)
    assert [(e.year, e.ib, e.resultat, e.ub, e.cap, e.headroom_floor, e.status)
            for e in result.equity] == [
        (2020, 548_077, 0, 548_077, 518_400, 368_077, "Över taket"),
        (2021, 548_077, -253_000, 295_077, 518_400, 115_077, "Inom ramen"),
        # 20 % of 2 586 668 = 517 333,6 -> 517 334
        (2022, 295_077, 0, 295_077, 517_334, 115_077, "Inom ramen"),
        (2023, 295_077, 0, 295_077, 516_267, 115_077, "Inom ramen"),
    ]
