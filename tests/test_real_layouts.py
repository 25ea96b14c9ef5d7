"""Layouts seen in the field that the seeds do not show, worked out by hand.

A municipal-style "resultatbudget" in tkr: members' contributions of 2 000 tkr (numbers
that look like years), "Totala intäkter" above the financial income, "Årets resultat",
and an equity row with both Budget 2024 and Prognos 2024 in it.
"""

import openpyxl
import pytest
from openpyxl.styles import Font

from xlplugin.core.check import check_budget
from xlplugin.core.equity import equity_years
from xlplugin.core.totals import column_totals
from xlplugin.io.reader import read_budget

HEAD = ["", "Bokslut 2023", "Budget 2024", "Prognos 2024", "Budget 2025", "Plan 2026", "Plan 2027"]
ROWS = [
    ["Verksamhetens intäkter"],
    ["Försäkringskassan", 2000, 2000, 2000, 2100, 2100, 2100],
    ["Region Test", 1000, 1000, 1000, 1050, 1050, 1050],
    ["Kommunerna", 1000, 1000, 1000, 1050, 1050, 1050],
    ["Totala intäkter", 4000, 4000, 4000, 4200, 4200, 4200],
    ["Verksamhetens kostnader"],
    ["Personalkostnader", -1500, -1550, -1540, -1600, -1650, -1700],
    ["Lokalhyra", -150, -150, -150, -155, -160, -165],
    ["Individinsatser", -2000, -2100, -2050, -2200, -2200, -2200],
    ["Övriga kostnader", -300, -300, -290, -310, -320, -330],
    ["Totala kostnader", -3950, -4100, -4030, -4265, -4330, -4395],
    ["Finansiella intäkter", 5, 5, 5, 5, 5, 5],
    ["Årets resultat", 55, -95, -25, -60, -125, -190],
    [],
    # UB per column: Budget 2024 = 900 - 95 = 805, Prognos 2024 = 900 - 25 = 875; 2025 builds
    # on the prognos: 875 - 60 = 815, then 690 and 500.
    ["Eget kapital 31/12", 900, 805, 875, 815, 690, 500],
]


def rows_workbook(path, rows):
    """A one-sheet workbook with these rows, saved at `path`."""
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.fixture()
def resultatbudget(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultatbudget"
    ws.append(["Samordningsförbundet Södra Test"])
    ws.append(["Resultatbudget 2025 med plan 2026–2027 (tkr)"])
    ws.append([])
    ws.append(HEAD)
    for row in ROWS:
        ws.append(row)
    for ref in ("A5", "A9", "A10", "A15", "A17"):
        ws[ref].font = Font(bold=True)
    path = tmp_path / "resultatbudget.xlsx"
    wb.save(path)
    return path


def test_resultatbudget_in_tkr_reads_to_the_krona(resultatbudget, engine):
    b = read_budget(resultatbudget, engine=engine)
    assert b.unit == "tkr" and [c.key for c in b.columns] == [
        "utfall 2023", "budget 2024", "prognos 2024", "budget 2025", "plan 2026", "plan 2027"]
    t = column_totals(b)
    # Budget 2025: 2 100 + 1 050 + 1 050 + 5 = 4 205 tkr; -1 600 - 155 - 2 200 - 310 = -4 265 tkr
    assert (t["Budget 2025"].intakter, t["Budget 2025"].kostnader, t["Budget 2025"].resultat) == \
        (4_205_000, -4_265_000, -60_000)
    assert t["Bokslut 2023"].resultat == 55_000


def test_resultatbudget_has_no_discrepancies(resultatbudget, engine):
    """'Totala intäkter' (4 200) sums the lines above it, not the financial income below;
    the equity row's 2024 UB is the prognos (875), which 2025 builds on."""
    result = check_budget(read_budget(resultatbudget, engine=engine))
    assert result.consistent, result.discrepancies


def test_resultatbudget_equity_rolls_forward_from_the_prognos(resultatbudget, engine):
    years = {y.year: (y.ib, y.resultat, y.ub) for y in equity_years(read_budget(resultatbudget, engine=engine))}
    assert years[2024] == (900_000, -25_000, 875_000)
    assert years[2025] == (875_000, -60_000, 815_000)
    assert years[2027] == (690_000, -190_000, 500_000)


def test_a_wrong_total_above_the_financial_income_is_still_found(resultatbudget, engine):
    wb = openpyxl.load_workbook(resultatbudget)
    wb.active["E9"] = 4300                      # Totala intäkter Budget 2025: 4 300 instead of 4 200
    wb.save(resultatbudget)
    found = check_budget(read_budget(resultatbudget, engine=engine)).discrepancies
    assert [(d.cell, d.stated, d.computed) for d in found] == [("E9", 4_300_000, 4_200_000)]


def test_a_side_table_to_the_right_is_not_part_of_the_budget(tmp_path, engine):
    """'Medlemsbidrag | 2025' beside the budget (the split per member) shares the header
    row; its bare 2025 would have clashed with 'Budget 2025'."""
    path = rows_workbook(tmp_path / "sidotabell.xlsx", (["Samordningsförbundet Sidotabell"], [],
                ["", "Budget 2025", "Plan 2026", None, "Medlemsbidrag", 2025],
                ["Medel från huvudmännen", 2_000_000, 2_000_000, None, "Försäkringskassan", 1_000_000],
                ["Styrelse", -200_000, -200_000, None, "Regionen", 500_000],
                ["Samordningsteam", -1_700_000, -1_700_000, None, "Kommunerna", 500_000],
                ["RESULTAT", 100_000, 100_000]))
    b = read_budget(path, engine=engine)
    assert [c.key for c in b.columns] == ["budget 2025", "plan 2026"]
    assert column_totals(b)["Budget 2025"].resultat == 100_000
    assert check_budget(b).consistent


@pytest.mark.parametrize("order", ["original_first", "revised_first"])
def test_a_revised_budget_replaces_the_budget_of_the_same_year(tmp_path, engine, order):
    """'Budget 2024' and 'Reviderad budget 2024' side by side made the table ambiguous
    (exit 2); the revised one is read and the other is named in a note."""
    wb = openpyxl.Workbook()
    ws = wb.active
    heads = ["Budget 2024", "Reviderad budget 2024"]
    first, second = (0, 1) if order == "original_first" else (1, 0)
    rows = [("Medel från huvudmännen", 2_000_000, 2_000_000, 2_100_000),
            ("Styrelse", -200_000, -220_000, -220_000),
            ("Samordningsteam", -1_700_000, -1_750_000, -1_800_000),
            ("RESULTAT", 100_000, 30_000, 80_000)]
    ws.append(["Samordningsförbundet Rev"])
    ws.append(["", heads[first], heads[second], "Budget 2025"])
    for label, a, b, c in rows:
        pair = (a, b)
        ws.append([label, pair[first], pair[second], c])
    path = tmp_path / "reviderad.xlsx"
    wb.save(path)
    budget = read_budget(path, engine=engine)
    assert [c.header for c in budget.columns] == ["Reviderad budget 2024", "Budget 2025"]
    assert column_totals(budget)["Reviderad budget 2024"].resultat == 30_000
    assert check_budget(budget).consistent
    notes = [n for n in map(str, budget.notes) if n.startswith("Kolumnen")]
    assert len(notes) == 1 and "'Budget 2024'" in notes[0] and "ersätter den" in notes[0]


@pytest.mark.parametrize("signs", ["costs_negative", "all_positive"])
def test_a_header_repeated_over_each_block_is_a_heading(tmp_path, engine, signs):
    """'INTÄKTER | Budget 2025 | Plan 2026' and again 'KOSTNADER | Budget 2025 | Plan 2026'
    was 'två budgettabeller' (exit 2); the repeat is the heading of the cost block."""
    k = -1 if signs == "costs_negative" else 1
    path = rows_workbook(tmp_path / "upprepad.xlsx", (["Samordningsförbundet Upprepad"], [],
                ["INTÄKTER", "Budget 2025", "Plan 2026"],
                ["Medel från huvudmännen", 2_000_000, 2_000_000],
                ["Summa intäkter", 2_000_000, 2_000_000], [],
                ["KOSTNADER", "Budget 2025", "Plan 2026"],
                ["Styrelse", k * 200_000, k * 200_000],
                ["Samordningsteam", k * 1_700_000, k * 1_750_000],
                ["Summa kostnader", k * 1_900_000, k * 1_950_000], [],
                ["RESULTAT", 100_000, 50_000]))
    b = read_budget(path, engine=engine)
    t = column_totals(b)
    assert (t["Budget 2025"].kostnader, t["Plan 2026"].kostnader) == (-1_900_000, -1_950_000)
    assert (t["Budget 2025"].resultat, t["Plan 2026"].resultat) == (100_000, 50_000)
    assert check_budget(b).consistent


def test_a_two_row_header_may_repeat_a_year(tmp_path, engine):
    """'Budget | Prognos | Budget' over '2024 | 2024 | 2025': the same year twice is fine
    when the row above says which is which."""
    path = rows_workbook(tmp_path / "tva_rader.xlsx", (
                ["Samordningsförbundet Två rader"], ["", "Budget", "Prognos", "Budget"], ["", 2024, 2024, 2025],
                ["Medel från huvudmännen", 2_000_000, 2_000_000, 2_100_000],
                ["Samordningsteam", -1_900_000, -1_850_000, -2_000_000], ["RESULTAT", 100_000, 150_000, 100_000]))
    b = read_budget(path, engine=engine)
    assert [c.key for c in b.columns] == ["budget 2024", "prognos 2024", "budget 2025"]
    assert column_totals(b)["Prognos 2024"].resultat == 150_000
    assert check_budget(b).consistent


def _numbered(path, insatser=-1_200_000):
    return rows_workbook(path, (["Samordningsförbundet Numrerad"], [], ["", "Budget 2025"],
                ["1 Intäkter", 2_000_000], ["1.1 Medel från huvudmännen", 1_990_000], ["1.2 Ränteintäkter", 10_000],
                ["2 Kostnader", -1_900_000], ["2.1 Styrelse", -200_000], ["2.2 Administration", -500_000],
                ["2.3 Insatser", insatser], ["2.3.1 Samordningsteam", -800_000], ["2.3.2 Coacher", -400_000],
                ["3 Resultat", 100_000]))


def test_a_numbered_outline_is_the_hierarchy(tmp_path, engine):
    """'2.3.1' belongs to '2.3', which belongs to '2'. Read flat, every category was
    counted with its breakdown: intäkter 4 100 000, kostnader -5 000 000, and no warning."""
    b = read_budget(_numbered(tmp_path / "numrerad.xlsx"), engine=engine)
    t = column_totals(b)["Budget 2025"]
    assert (t.intakter, t.kostnader, t.resultat) == (2_000_000, -1_900_000, 100_000)
    by_label = {ln.label: ln for ln in b.lines}
    assert b.lines[by_label["2.3.1 Samordningsteam"].parent].label == "2.3 Insatser"
    assert b.lines[by_label["2.3 Insatser"].parent].label == "2 Kostnader"
    assert by_label["3 Resultat"].is_total
    assert check_budget(b).consistent


def test_a_wrong_sum_deep_in_the_outline_is_found(tmp_path, engine):
    b = read_budget(_numbered(tmp_path / "numrerad.xlsx", insatser=-1_300_000), engine=engine)
    found = check_budget(b).discrepancies
    assert [(d.cell, d.stated, d.computed) for d in found] == [("B10", -1_300_000, -1_200_000)]


@pytest.mark.parametrize("style", ["indent", "indent_and_dash"])
def test_deeper_indentation_nests(tmp_path, engine, style):
    """Insatser (indented once) carries the sum of Samordningsteam and Coacher (indented
    twice). Read as one level, Insatser was counted with its breakdown: kostnader
    -3 100 000 and two false discrepancies."""
    from openpyxl.styles import Alignment
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Samordningsförbundet Indrag"])
    ws.append(["", "Budget 2025", "Plan 2026"])
    rows = [("Intäkter", 2_000_000, 2_000_000, 0), ("Medel från huvudmännen", 2_000_000, 2_000_000, 1),
            ("Kostnader", -1_900_000, -1_950_000, 0), ("Styrelse", -200_000, -200_000, 1),
            ("Administration", -500_000, -500_000, 1), ("Insatser", -1_200_000, -1_250_000, 1),
            ("Samordningsteam", -800_000, -850_000, 2), ("Coacher", -400_000, -400_000, 2),
            ("Resultat", 100_000, 50_000, 0)]
    for label, a, b, depth in rows:
        if style == "indent_and_dash" and depth == 2:
            label = "- " + label
        ws.append([label, a, b])
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(indent=depth)
    path = tmp_path / "indrag.xlsx"
    wb.save(path)
    budget = read_budget(path, engine=engine)
    t = column_totals(budget)
    assert (t["Budget 2025"].kostnader, t["Plan 2026"].kostnader) == (-1_900_000, -1_950_000)
    assert check_budget(budget).consistent
    by_label = {ln.label.lstrip("- "): ln for ln in budget.lines}
    assert budget.lines[by_label["Coacher"].parent].label == "Insatser"


def test_double_dashes_nest_under_single_dashes(tmp_path, engine):
    path = rows_workbook(tmp_path / "streck.xlsx", (
                ["", "Budget 2025"], ["Medel från huvudmännen", 2_000_000], ["Kostnader", -1_900_000],
                ["- Styrelse", -200_000], ["- Administration", -500_000], ["- Insatser", -1_200_000],
                ["-- Samordningsteam", -800_000], ["-- Coacher", -400_000], ["Resultat", 100_000]))
    b = read_budget(path, engine=engine)
    assert column_totals(b)["Budget 2025"].kostnader == -1_900_000
    assert check_budget(b).consistent


@pytest.mark.parametrize("wrong", [False, True])
def test_a_bold_category_inside_a_bold_category(tmp_path, engine, wrong):
    """Bold 'Kostnader' = Styrelse + Administration + bold 'Insatser' (with its own rows).
    Taken as siblings, Kostnader was reported as -1 900 000 against -700 000. A real error
    inside Insatser is still found."""
    from openpyxl.styles import Font
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["", "Budget 2025"])
    rows = [("Intäkter", 2_000_000, True), ("Medel från huvudmännen", 2_000_000, False),
            ("Kostnader", -1_900_000, True), ("Styrelse", -200_000, False), ("Administration", -500_000, False),
            ("Insatser", -1_200_000, True), ("Samordningsteam", -800_000 if not wrong else -850_000, False),
            ("Coacher", -400_000, False), ("Resultat", 100_000, True)]
    for label, v, bold in rows:
        ws.append([label, v])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=bold)
    path = tmp_path / "fet.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    found = [(d.cell, d.stated, d.computed, d.consequential) for d in check_budget(b).discrepancies]
    if not wrong:
        assert found == [] and column_totals(b)["Budget 2025"].kostnader == -1_900_000
    else:  # Insatser -1 200 000 against -1 250 000; Kostnader and Resultat follow from it
        assert found == [("B4", -1_900_000, -1_950_000, True), ("B7", -1_200_000, -1_250_000, False),
                         ("B10", 100_000, 50_000, True)]


def test_board_keeps_the_source_total_and_adds_its_own(resultatbudget, tmp_path):
    """In the board, 'Totala intäkter' sums what is above it, as in the source (4 200 tkr),
    and the board's SUMMA INTÄKTER before the result covers the financial income too
    (4 205 tkr): the figure the equity cap and the names use. Recalculated in LibreOffice."""
    from xlplugin.core.board import board_plan
    from xlplugin.core.totals import computed_value
    from xlplugin.io.board_writer import BoardOptions, write_board
    from xlplugin.io.libreoffice import convert, soffice
    if soffice() is None:
        pytest.skip(reason="LibreOffice (soffice) is not installed here; CI installs it")
    budget = read_budget(resultatbudget)
    plan = board_plan(budget, 2025, [])
    result = check_budget(budget)
    path = tmp_path / "styrelse.xlsx"
    cells = write_board(plan, result.discrepancies, path,
                        BoardOptions())
    out_dir = tmp_path / "recalc"
    out_dir.mkdir()
    [recalculated] = convert([path], "xlsx", out_dir)
    ws = openpyxl.load_workbook(recalculated, data_only=True)["Budget"]
    source_total = next(ln for ln in budget.lines if ln.label == "Totala intäkter")
    for col in plan.columns:
        L = cells.column_letters[col.header]
        t = column_totals(plan.budget)[col.header]
        assert ws[f"{L}{cells.budget_rows['intakter']}"].value == t.intakter
        assert ws[f"{L}{cells.budget_rows['resultat']}"].value == t.resultat
        assert ws[f"{L}{cells.line_rows[source_total.index]}"].value == \
            computed_value(plan.budget, source_total.index, col.header)
    L = cells.column_letters["Budget 2025"]
    assert ws[f"{L}{cells.budget_rows['intakter']}"].value == 4_205_000
    assert ws[f"{L}{cells.line_rows[source_total.index]}"].value == 4_200_000
    assert ws[f"A{cells.budget_rows['intakter']}"].value == "SUMMA INTÄKTER"


def test_plain_intakter_and_kostnader_rows_carrying_their_sums(tmp_path, engine):
    """No bold, no indentation: 'Intäkter 2 000 000' over the two income lines and
    'Kostnader -1 900 000' over the cost lines (one of them with its own breakdown).
    Read as lines of their own they doubled the totals and made RESULTAT look wrong."""
    path = rows_workbook(tmp_path / "platt.xlsx", (["", "Budget 2025", "Plan 2026"],
                ["Intäkter", 2_000_000, 2_000_000], ["Medel från huvudmännen", 1_990_000, 1_990_000],
                ["Ränteintäkter", 10_000, 10_000],
                ["Kostnader", -1_900_000, -1_950_000], ["Styrelse", -200_000, -200_000],
                ["Samordningsteam", -1_700_000, -1_750_000], ["- Team Norr", -900_000, -950_000],
                ["- Team Syd", -800_000, -800_000],
                ["Resultat", 100_000, 50_000]))
    b = read_budget(path, engine=engine)
    t = column_totals(b)
    assert (t["Budget 2025"].intakter, t["Budget 2025"].kostnader) == (2_000_000, -1_900_000)
    assert (t["Plan 2026"].intakter, t["Plan 2026"].kostnader) == (2_000_000, -1_950_000)
    assert check_budget(b).consistent


def test_a_two_row_header_repeated_over_the_next_block(tmp_path, engine):
    path = rows_workbook(tmp_path / "tva_rader_igen.xlsx", (
                ["INTÄKTER", "Budget", "Prognos", "Budget"], ["", 2024, 2024, 2025],
                ["Medel från huvudmännen", 2_000_000, 2_000_000, 2_100_000],
                ["KOSTNADER", "Budget", "Prognos", "Budget"], ["", 2024, 2024, 2025],
                ["Styrelse", -200_000, -190_000, -210_000], ["Samordningsteam", -1_700_000, -1_650_000, -1_800_000],
                ["RESULTAT", 100_000, 160_000, 90_000]))
    b = read_budget(path, engine=engine)
    t = column_totals(b)
    assert [c.key for c in b.columns] == ["budget 2024", "prognos 2024", "budget 2025"]
    assert (t["Prognos 2024"].kostnader, t["Budget 2025"].resultat) == (-1_840_000, 90_000)
    assert check_budget(b).consistent
    assert any(ln.label == "KOSTNADER" and ln.role == "section" for ln in b.lines)
