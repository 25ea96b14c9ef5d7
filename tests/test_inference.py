"""The reading decided by the workbook's own totals (xlplugin/inference), rule by rule.

Each test writes a tiny workbook from a text grid: one line per row, cells separated by
"|"; a leading "*" makes the label bold, ">" indents it. The sketches are the layouts
issue 10 lists as read wrongly before; the sums are worked out in the comments.
"""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest
from openpyxl.styles import Alignment, Font

from xlplugin.core.check import check_budget
from xlplugin.core.totals import column_totals
from xlplugin.inference.features import formula_rows
from xlplugin.io.ranges import budget_from_ranges
from xlplugin.io.reader import read_budget


def _cell(text: str):
    text = text.strip()
    if not text:
        return None
    if text.startswith("="):
        return text
    try:
        return int(text.replace(" ", ""))
    except ValueError:
        return text


def grid_book(path, text: str, sheet: str = "Budget", wb=None):
    """A workbook (or one more sheet of `wb`) from a text grid; returns the path."""
    own = wb is None
    if own:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = sheet
    else:
        ws = wb.create_sheet(sheet)
    for r, line in enumerate(text.strip("\n").splitlines(), start=1):
        parts = line.split("|")
        label = parts[0].strip()
        bold = label.startswith("*")
        indent = label.startswith(">")
        label = label.lstrip("*>").strip()
        ws.cell(r, 1, label or None)
        for c, part in enumerate(parts[1:], start=2):
            v = _cell(part)
            if v is not None:
                ws.cell(r, c, v)
        if bold:
            for c in range(1, len(parts) + 1):
                ws.cell(r, c).font = Font(bold=True)
        if indent:
            ws.cell(r, 1).alignment = Alignment(indent=1)
    if own:
        wb.save(path)
    return path


def totals(b):
    return {h: (t.intakter, t.kostnader, t.resultat) for h, t in column_totals(b).items()}


def finsam(*args, cwd):
    return subprocess.run([sys.executable, "-m", "xlplugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


# 1. All positive, income first without a heading, groups closed by bold "Summa" rows,
#    SUMMA KOSTNADER before SUMMA INTÄKTER. Statlig 1 310 = Region 655 + Kommunerna 655:
#    the members are not each other's breakdown.
#    Costs 2025: 150 + 350 + 800 + 700 + 371 + 200 = 2 571 tkr; income 2 620; result 49.
#    Plan 2026: 150 + 360 + 800 + 700 + 371 + 200 = 2 581; result 39.
ALL_POSITIVE = """
Samordningsförbundet Test – budget 2025 (tkr)
| Budget 2025 | Plan 2026
Statlig medlemsavgift | 1310 | 1310
Region | 655 | 655
Kommunerna | 655 | 655
>Styrelse | 150 | 150
>Kansli | 350 | 360
*Summa administration | 500 | 510
>Samordningsteam A | 800 | 800
>Samordningsteam B | 700 | 700
*Summa individinsatser | 1500 | 1500
>Utbildning | 371 | 371
>Utvärdering | 200 | 200
*Summa strukturinsatser | 571 | 571
SUMMA KOSTNADER | 2571 | 2581
SUMMA INTÄKTER | 2620 | 2620
Budgeterat resultat | 49 | 39
"""


def test_all_positive_income_first_without_heading(tmp_path):
    b = read_budget(grid_book(tmp_path / "a.xlsx", ALL_POSITIVE))
    assert totals(b) == {"Budget 2025": (2_620_000, -2_571_000, 49_000),
                         "Plan 2026": (2_620_000, -2_581_000, 39_000)}
    kinds = {ln.label: ln.kind for ln in b.lines}
    assert kinds["Region"] == kinds["Kommunerna"] == "revenue"
    assert [ln.label for ln in b.lines][-1] == "Budgeterat resultat"   # nothing cut off
    assert check_budget(b).discrepancies == []
    assert b.reading.certain and b.reading.explained_totals == b.reading.stated_totals


def test_values_alone_read_the_same(tmp_path):
    """The Excel functions get values only: no bold, no indentation; no `nivaer` needed."""
    rows = [line.split("|") for line in ALL_POSITIVE.strip().splitlines()[2:]]
    labels = [[r[0].lstrip("*>").strip()] for r in rows]
    amounts = [[int(r[1]), int(r[2])] for r in rows]
    b = budget_from_ranges(labels, amounts, [["Budget 2025", "Plan 2026"]], unit="tkr")
    assert totals(b) == {"Budget 2025": (2_620_000, -2_571_000, 49_000),
                         "Plan 2026": (2_620_000, -2_581_000, 39_000)}
    assert b.reading.certain


def test_a_recalculation_with_new_amounts_reuses_the_reading_only_while_it_adds_up(monkeypatch):
    """Excel recalculates the same ranges with new amounts: the reading found for that
    table shape is weighed against them first. Kansli 350 -> 360 with the Summa rows
    following (510, 2 581) still adds up: the known reading stands and gives the new
    totals. Kansli 370 with the Summa rows left at 510 / 2 581 no longer adds up: the
    full search runs and finds the 10 000 kr discrepancy, as a fresh reading would."""
    from xlplugin.inference import reading
    from xlplugin.inference.reading import EstablishedReadings
    from xlplugin.io import ranges

    searches = []
    search = reading._search
    monkeypatch.setattr(reading, "_search", lambda *a: searches.append(1) or search(*a))

    rows = [line.split("|") for line in ALL_POSITIVE.strip().splitlines()[2:]]
    labels = [[r[0].lstrip("*>").strip()] for r in rows]
    amounts = [[int(r[1]), int(r[2])] for r in rows]
    heads = [["Budget 2025", "Plan 2026"]]
    where = {lab[0]: i for i, lab in enumerate(labels)}
    memory = EstablishedReadings()
    old, ranges.ESTABLISHED_READINGS = ranges.ESTABLISHED_READINGS, memory
    ranges._cached_budget.cache_clear()
    try:
        first = budget_from_ranges(labels, amounts, heads, unit="tkr")
        assert len(memory._by_shape) == 1 and len(searches) == 1
        edited = [list(a) for a in amounts]
        edited[where["Kansli"]][0] = 360
        edited[where["Summa administration"]][0] = 510
        edited[where["SUMMA KOSTNADER"]][0] = 2581
        edited[where["Budgeterat resultat"]][0] = 39
        again = budget_from_ranges(labels, edited, heads, unit="tkr")
        assert len(searches) == 1 and again.reading.certain
        assert totals(again) == {"Budget 2025": (2_620_000, -2_581_000, 39_000),
                                 "Plan 2026": (2_620_000, -2_581_000, 39_000)}
        assert [ln.kind for ln in again.lines] == [ln.kind for ln in first.lines]
        wrong = [list(a) for a in edited]
        wrong[where["Kansli"]][0] = 370
        fresh_memory = EstablishedReadings()
        recalculated = budget_from_ranges(labels, wrong, heads, unit="tkr")
        ranges.ESTABLISHED_READINGS = fresh_memory
        ranges._cached_budget.cache_clear()
        fresh = budget_from_ranges(labels, wrong, heads, unit="tkr")
    finally:
        ranges.ESTABLISHED_READINGS = old
        ranges._cached_budget.cache_clear()
    found = [(d.label, d.difference) for d in check_budget(recalculated).discrepancies]
    assert len(searches) == 3 and recalculated.reading.certain
    assert found[0] == ("Summa administration", 10_000), found
    assert found == [(d.label, d.difference) for d in check_budget(fresh).discrepancies]
    assert totals(recalculated) == totals(fresh)


# 2. Costs negative, bold categories carrying their totals, every breakdown row "- ".
#    Utbildningsinsatser -625 = -180 - 445; Strukturinriktade -1 564 = -625 + the other
#    seven (-300 -200 -100 -89 -50 -100 -100 = -939). Only the numbers tell.
NESTED = """
Samordningsförbundet Test
| Budget 2025 | Budget 2026
Medel från huvudmännen | 2000000 | 2100000
*Strukturinriktade insatser | -1564000 | -1664000
*Utbildningsinsatser | -625000 | -725000
- Grundutbildning | -180000 | -180000
- Vidareutbildning | -445000 | -545000
- Processtöd | -300000 | -300000
- Utvärdering | -200000 | -200000
- Nätverk | -100000 | -100000
- Seminarier | -89000 | -89000
- Webb | -50000 | -50000
- Kartläggning | -100000 | -100000
- Konferens | -100000 | -100000
Totala kostnader | -1564000 | -1664000
RESULTAT | 436000 | 436000
"""


def test_a_category_inside_a_category_with_the_same_prefix(tmp_path):
    b = read_budget(grid_book(tmp_path / "n.xlsx", NESTED))
    by = {ln.label: ln for ln in b.lines}
    assert by["- Vidareutbildning"].parent == by["Utbildningsinsatser"].index
    assert by["- Processtöd"].parent == by["Strukturinriktade insatser"].index
    assert by["Utbildningsinsatser"].parent == by["Strukturinriktade insatser"].index
    assert totals(b) == {"Budget 2025": (2_000_000, -1_564_000, 436_000),
                         "Budget 2026": (2_100_000, -1_664_000, 436_000)}
    assert check_budget(b).discrepancies == []


def test_explain_names_the_evidence(tmp_path):
    path = grid_book(tmp_path / "n.xlsx", NESTED)
    p = finsam("check", "--forklara", path, cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert ("- Processtöd: under 'Strukturinriktade insatser': raderna summerar till "
            "kategoriraden i alla 2 kolumnerna") in p.stdout
    assert "Prövade tolkningar" in p.stdout


# 3. Totals below their parts, named like headings, with a "Förändring %" column.
#    Intäkter 7 200 = 3 600 + 1 800 + 1 800; Administration 1 490 = 300 + 990 + 200;
#    Insatser 5 710 = 4 000 + 1 710; Kostnader 7 200 = 1 490 + 5 710; result 0.
BELOW = """
Samordningsförbundet Test (tkr)
| Budget 2025 | Budget 2026 | Förändring %
Försäkringskassan | 3600 | 3600 | 0
Region | 1800 | 1800 | 0
Kommunerna | 1800 | 1800 | 0
*Intäkter | 7200 | 7200 | 0
Styrelse | 300 | 300 | 0
Kansli | 990 | 1000 | 1
Revision | 200 | 190 | -5
*Administration | 1490 | 1490 | 0
Samordningsteam | 4000 | 4000 | 0
Aktivitetsteam | 1710 | 1710 | 0
*Insatser | 5710 | 5710 | 0
*Kostnader | 7200 | 7200 | 0
Resultat | 0 | 0 | 0
"""


def test_a_total_below_its_parts_named_like_a_heading(tmp_path):
    b = read_budget(grid_book(tmp_path / "b.xlsx", BELOW))
    kinds = {ln.label: ln.kind for ln in b.lines}
    assert kinds["Försäkringskassan"] == "revenue" and kinds["Styrelse"] == "cost"
    assert totals(b) == {"Budget 2025": (7_200_000, -7_200_000, 0),
                         "Budget 2026": (7_200_000, -7_200_000, 0)}
    assert check_budget(b).discrepancies == []


def test_a_wrong_total_below_its_parts_is_found_not_misread(tmp_path):
    """Intäkter typed 7 100 in 2026: still their total, wrong by -100 tkr."""
    b = read_budget(grid_book(tmp_path / "b.xlsx", BELOW.replace("*Intäkter | 7200 | 7200", "*Intäkter | 7200 | 7100")))
    assert totals(b)["Budget 2026"] == (7_200_000, -7_200_000, 0)
    found = [(d.cell, d.difference, d.consequential) for d in check_budget(b).discrepancies]
    assert ("C6", -100_000, False) in found


# 4. A "Summa" formula over only part of its block: =SUM(B5:B6) leaves B7 to the total.
def test_a_subtotal_formula_over_part_of_its_block(tmp_path):
    path = grid_book(tmp_path / "f.xlsx", """
Samordningsförbundet Test
| Budget 2025
Medel från huvudmännen | 1000000
SUMMA INTÄKTER | =B3
Samordningsteam A | -300000
Samordningsteam B | -200000
Jobbcoach | -100000
Summa individinriktade insatser | =SUM(B5:B6)
Styrelse | -100000
SUMMA KOSTNADER | =B8+B7+B9
RESULTAT | =B4+B10
""")
    b = read_budget(path)
    summa = next(ln for ln in b.lines if ln.label.startswith("Summa individ"))
    assert [b.lines[m].row for m in summa.members] == [5, 6]
    assert totals(b) == {"Budget 2025": (1_000_000, -700_000, 300_000)}
    assert check_budget(b).discrepancies == []


def test_formula_rows():
    assert formula_rows("SUM(B15:B17)", "B") == {15, 16, 17}
    assert formula_rows("B10+B20", "B") == {10, 20}
    assert formula_rows("SUM(C15:C17)", "B") is None          # another column
    assert formula_rows("IF(B3=0,0,B4/B3)", "B") is None       # not a sum
    assert formula_rows("Blad2!B3+B4", "B") is None            # another sheet


# 5. No reading explains a grand total: osäker, exit 3, the row named in the JSON.
def test_no_reading_explains_the_grand_total_says_uncertain(tmp_path):
    path = grid_book(tmp_path / "u.xlsx", """
Samordningsförbundet Test
| Budget 2025 | Budget 2026
Medel från huvudmännen | 1000000 | 1000000
Styrelse | -100000 | -100000
Kansli | -200000 | -200000
SUMMA KOSTNADER | -400000 | -450000
RESULTAT | 700000 | 700000
""")
    p = finsam("check", "--json", path, cwd=tmp_path)
    assert p.returncode == 3, p.stdout + p.stderr
    reading = json.loads(p.stdout)["files"][0]["reading"]
    assert reading["certain"] is False
    assert {"row": 6, "label": "SUMMA KOSTNADER"} in reading["uncertain_rows"]
    assert reading["stated_totals"] >= 4 and reading["explained_totals"] == 2
    text = finsam("check", path, cwd=tmp_path)
    assert text.returncode == 3 and "OSÄKER TOLKNING" in text.stdout


SMALL = """
Samordningsförbundet Test{unit}
| Budget 2025
Försäkringskassan | 2608
Region | 1304
Kommunerna | 1304
Styrelse | -500
Insatser | -4716
RESULTAT | 0
"""


def test_a_whole_budget_too_small_for_kronor_is_read_in_tkr(tmp_path):
    """2 608 from Försäkringskassan, and no unit anywhere: no förbund's budget is 5 216
    kronor, so it is tkr with the unit left out (and the notes say so): 2 608 000 kr."""
    b = read_budget(grid_book(tmp_path / "s.xlsx", SMALL.format(unit="")))
    assert totals(b) == {"Budget 2025": (5_216_000, -5_216_000, 0)}
    assert b.reading.certain and [n.code for n in b.notes] == ["tkr_by_size"]
    assert "läses som tkr" in str(b.notes[0])


def test_kronor_stated_but_too_small_for_a_budget_is_uncertain(tmp_path):
    """The title says kr: the tool does not overrule it, it says it is unsure."""
    b = read_budget(grid_book(tmp_path / "s.xlsx", SMALL.format(unit=" – belopp i kr")))
    assert totals(b) == {"Budget 2025": (5_216, -5_216, 0)}
    assert not b.reading.certain and any("tkr" in r for r in map(str, b.reading.reasons))


# 6. Accounting signs: revenue negative, a surplus stated as a negative result.
def test_accounting_signs_with_the_surplus_negative(tmp_path):
    b = read_budget(grid_book(tmp_path / "k.xlsx", """
Samordningsförbundet Kramfors test
| Budget 2025 | Budget 2026
8570 Bidrag från Försäkringskassan | -1300000 | -1300000
8570 Bidrag från kommuner och region | -1300000 | -1300000
4530 Samordningsteam | 2000000 | 2100000
5800 Resor | 550000 | 550000
Resultat (negativt belopp = överskott) | -50000 | 50000
"""))
    assert totals(b) == {"Budget 2025": (2_600_000, -2_550_000, 50_000),
                         "Budget 2026": (2_600_000, -2_650_000, -50_000)}
    assert check_budget(b).discrepancies == []
    assert next(ln for ln in b.lines if ln.label.startswith("Resultat")).values["Budget 2025"] == 50_000


# 7. One sheet per year plus a summary; the year only in the sheet's name.
YEAR = """
Samordningsförbundet Test – {title}
| Belopp
Medel från huvudmännen | {rev}
Styrelse | -200000
Insatser | {ins}
SUMMA KOSTNADER | {cost}
RESULTAT | {res}
"""


def _year_book(path, summary_cost_2026=-1_100_000):
    wb = openpyxl.Workbook()
    wb.active.title = "Sammanställning"
    grid_book(None, f"""
Samordningsförbundet Test – sammanställning
| Budget 2025 | Plan 2026
SUMMA KOSTNADER | -1000000 | {summary_cost_2026}
RESULTAT | 0 | -100000
""", sheet="tmp", wb=wb)
    ws_tmp = wb["tmp"]
    for row in ws_tmp.iter_rows():
        for c in row:
            wb["Sammanställning"].cell(c.row, c.column, c.value)
    del wb["tmp"]
    grid_book(None, YEAR.format(title="Budget 2025", rev=1_000_000, ins=-800_000, cost=-1_000_000, res=0),
              sheet="Budget 2025", wb=wb)
    grid_book(None, YEAR.format(title="Plan 2026", rev=1_000_000, ins=-900_000, cost=-1_100_000, res=-100_000),
              sheet="Plan 2026", wb=wb)
    wb.save(path)
    return path


def test_one_sheet_per_year_and_a_summary(tmp_path):
    b = read_budget(_year_book(tmp_path / "y.xlsx"))
    assert [(c.key, c.sheet) for c in b.columns] == [("budget 2025", "Budget 2025"), ("plan 2026", "Plan 2026")]
    assert totals(b) == {"Budget 2025": (1_000_000, -1_000_000, 0),
                         "Plan 2026": (1_000_000, -1_100_000, -100_000)}
    assert check_budget(b).discrepancies == []


def test_a_summary_that_disagrees_with_its_year_sheet(tmp_path):
    b = read_budget(_year_book(tmp_path / "y.xlsx", summary_cost_2026=-1_150_000))
    assert [(d.sheet, d.cell, d.difference, d.kind) for d in check_budget(b).discrepancies] == [
        ("Sammanställning", "C3", -50_000, "summary")]


def test_the_sheet_option_reads_a_year_sheet_alone(tmp_path):
    path = _year_book(tmp_path / "y.xlsx")
    p = finsam("check", "--json", "--blad", "Plan 2026", path, cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    f = json.loads(p.stdout)["files"][0]
    assert f["totals"] == {"Plan 2026": {"intakter": 1_000_000, "kostnader": -1_100_000, "resultat": -100_000}}


def test_year_sheets_whose_rows_differ_keep_their_partial_formulas(tmp_path):
    """Two year sheets, the second with one title row less, each "Insatser" a formula over
    two of its three rows (Jobbcoach stands on its own in SUMMA KOSTNADER). Each sheet's
    formula rows are its own; in the table read together they are the merged rows.
    2025: costs 200 + 300 + 100 + 50 = 650 000; 2026: 220 + 310 + 110 + 60 = 700 000."""
    wb = openpyxl.Workbook()
    wb.active.title = "Budget 2025"
    grid_book(None, """
Samordningsförbundet Test
Budget 2025
| Belopp
Försäkringskassan | 500000
Regionen | 250000
Kommunerna | 250000
Team A | 200000
Team B | 300000
Jobbcoach | 100000
Insatser | =SUM(B7:B8)
Styrelse | 50000
SUMMA KOSTNADER | =B7+B8+B9+B11
SUMMA INTÄKTER | =SUM(B4:B6)
RESULTAT | =B13-B12
""", sheet="tmp", wb=wb)
    for row in wb["tmp"].iter_rows():
        for c in row:
            wb["Budget 2025"].cell(c.row, c.column, c.value)
    del wb["tmp"]
    grid_book(None, """
Plan 2026
| Belopp
Försäkringskassan | 500000
Regionen | 250000
Kommunerna | 250000
Team A | 220000
Team B | 310000
Jobbcoach | 110000
Insatser | =SUM(B6:B7)
Styrelse | 60000
SUMMA KOSTNADER | =B6+B7+B8+B10
SUMMA INTÄKTER | =SUM(B3:B5)
RESULTAT | =B12-B11
""", sheet="Plan 2026", wb=wb)
    path = tmp_path / "rader.xlsx"
    wb.save(path)
    b = read_budget(path)
    assert totals(b) == {"Budget 2025": (1_000_000, -650_000, 350_000),
                         "Plan 2026": (1_000_000, -700_000, 300_000)}
    assert check_budget(b).discrepancies == [] and b.reading.certain
    insatser = next(ln for ln in b.lines if ln.label == "Insatser")
    assert sorted(b.lines[m].label for m in insatser.members) == ["Team A", "Team B"]


# 8. Equity in an overview under the table: IB is not UB, the cap column is no equity,
#    and a UB that does not roll forward is found. UB 2026 should be 900 000 + 50 000.
def test_equity_overview_with_ib_ub_and_cap_columns(tmp_path):
    path = grid_book(tmp_path / "e.xlsx", """
Samordningsförbundet Test
| Budget 2025 | Budget 2026
Medel från huvudmännen | 5000000 | 5000000
Insatser | -4900000 | -4950000
RESULTAT | 100000 | 50000

År | Ingående eget kapital | Årets resultat | Utgående eget kapital | Tak 20 %
2025 | 800000 | 100000 | 900000 | 1000000
2026 | 900000 | 50000 | 960000 | 1000000
""")
    b = read_budget(path)
    eq = {e.year: (e.ib, e.ub) for e in b.equity}
    assert eq == {2025: (800_000, 900_000), 2026: (900_000, 960_000)}
    d = [(x.cell, x.difference) for x in check_budget(b).discrepancies]
    assert d == [("D9", 10_000)]


def test_equity_rows_named_by_date(tmp_path):
    """"Eget kapital 1/1" opens the year, "Eget kapital 31/12" closes it."""
    b = read_budget(grid_book(tmp_path / "d.xlsx", """
Samordningsförbundet Test
| Budget 2025 | Budget 2026
Medel från huvudmännen | 5000000 | 5000000
Insatser | -4900000 | -4950000
RESULTAT | 100000 | 50000

Eget kapital 1/1 | 800000 | 900000
Eget kapital 31/12 | 900000 | 950000
"""))
    assert {e.year: (e.ib, e.ub) for e in b.equity} == {2025: (800_000, 900_000), 2026: (900_000, 950_000)}
    assert check_budget(b).discrepancies == []


@pytest.mark.parametrize("label,expected", [
    ("Eget kapital 1 jan", "ib"), ("Ingående eget kapital", "ib"), ("Utgående eget kapital", "ub"),
    ("Eget kapital 31 dec", "ub"), ("Tak 20 %", None), ("IB", "ib"), ("UB", "ub")])
def test_equity_words(label, expected):
    from xlplugin.io.layout import _equity_field
    assert _equity_field(label) == expected


def test_reading_a_range_leaves_no_reference_cycles():
    """Excel recalculates budget ranges many times: a reading must free its rows as soon as
    it is done (a cycle, e.g. a recursive closure or an index pointing back at its
    budget, leaves every call's rows to the garbage collector)."""
    import gc

    from xlplugin.core.totals import column_totals
    from xlplugin.inference.reading import EstablishedReadings
    from xlplugin.io import ranges

    rows = [line.split("|") for line in ALL_POSITIVE.strip().splitlines()[2:]]
    labels = [[r[0].lstrip("*>").strip()] for r in rows]
    amounts = [[int(r[1]), int(r[2])] for r in rows]
    old = ranges.ESTABLISHED_READINGS
    try:
        for memory in (None, EstablishedReadings()):     # the full search; then recalled
            ranges.ESTABLISHED_READINGS = memory
            for _ in range(2):
                ranges._cached_budget.cache_clear()
                gc.collect()
                b = budget_from_ranges(labels, amounts, [["Budget 2025", "Plan 2026"]], unit="tkr")
                check_budget(b), column_totals(b)
                del b
                ranges._cached_budget.cache_clear()
                assert gc.collect() == 0
    finally:
        ranges.ESTABLISHED_READINGS = old


def test_year_sheets_with_a_year_column_of_their_own_and_a_summary_first(tmp_path):
    """"Sammandrag" first with three year columns and three rows; then one sheet per year
    whose header is that year's column ("Budget 2026, tkr"). The year sheets are the
    budget, and the summary is checked against them."""
    wb = openpyxl.Workbook()
    wb.active.title = "Sammandrag"
    grid_book(None, """
Sammandrag (tkr)
| Budget 2026 | Plan 2027
Intäkter | 1000 | 1000
Kostnader | -900 | -1000
Resultat | 100 | 0
""", sheet="tmp", wb=wb)
    for row in wb["tmp"].iter_rows():
        for c in row:
            wb["Sammandrag"].cell(c.row, c.column, c.value)
    del wb["tmp"]
    for year, kansli, res in (("Budget 2026", -400, 100), ("Plan 2027", -500, 0)):
        grid_book(None, f"""
Samordningsförbundet Test – {year}
| {year}, tkr
Försäkringskassan | 500
Regionen | 250
Kommunerna | 250
Styrelse | -100
Kansli | {kansli}
Insatser | -400
Summa kostnader | {-500 + kansli}
Resultat | {res}
""", sheet=year, wb=wb)
    path = tmp_path / "sammandrag.xlsx"
    wb.save(path)
    b = read_budget(path)
    assert [c.sheet for c in b.columns] == ["Budget 2026", "Plan 2027"]
    assert totals(b) == {"Budget 2026, tkr": (1_000_000, -900_000, 100_000),
                         "Plan 2027, tkr": (1_000_000, -1_000_000, 0)}
    assert check_budget(b).discrepancies == [] and b.reading.certain
    assert "summary_sheet" in [n.code for n in b.notes]


def test_a_range_too_small_for_kronor_without_a_unit_is_uncertain():
    """FINSAM_KONTROLL on "Försäkringskassan 2 608" with no enhet: not a budget in kronor."""
    rows = [line.split("|") for line in SMALL.format(unit="").strip().splitlines()[2:]]
    labels = [[r[0].strip()] for r in rows]
    amounts = [[int(r[1])] for r in rows]
    unsure = budget_from_ranges(labels, amounts, [["Budget 2025"]])
    assert not unsure.reading.certain and [n.code for n in unsure.reading.reasons] == ["small_kronor_range"]
    assert budget_from_ranges(labels, amounts, [["Budget 2025"]], unit="tkr").reading.certain
    assert budget_from_ranges(labels, amounts, [["Budget 2025"]], unit="kr").reading.certain
