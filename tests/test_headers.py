"""Year headings as people write them: which column is which (kind, year, unit)."""

import pytest

from xlplugin.io.layout import parse_header


@pytest.mark.parametrize("text, expected", [
    ("Budget 2025", ("budget", 2025, None)),
    ("BUDGET 2025", ("budget", 2025, None)),
    ("Budget\n2025", ("budget", 2025, None)),
    ("Plan 2027*", ("plan", 2027, None)),
    ("Flerårsplan 2027", ("plan", 2027, None)),
    ("Prognos 2024 (aug)", ("prognos", 2024, None)),
    ("Prognos helår 2024", ("prognos", 2024, None)),
    ("Helårsprognos 2024", ("prognos", 2024, None)),
    ("Bokslut 2023", ("utfall", 2023, None)),
    ("Utfall 2023", ("utfall", 2023, None)),
    ("Årsbudget 2025", ("budget", 2025, None)),
    ("Budget år 2025", ("budget", 2025, None)),
    ("Reviderad budget 2024", ("budget", 2024, None)),
    ("Budgetförslag 2026", ("budget", 2026, None)),
    ("Budget 2026 förslag", ("budget", 2026, None)),
    ("Budget 2025 beslutad", ("budget", 2025, None)),
    ("Budget 2025 rev.", ("budget", 2025, None)),
    ("Plan 2026 (beslutad 2024-11-20)", ("plan", 2026, None)),
    ("Budget 2022 tkr", ("budget", 2022, "tkr")),
    ("Budget 2025 (tkr)", ("budget", 2025, "tkr")),
    ("Budget 2025, tkr", ("budget", 2025, "tkr")),
    ("Budget 2025 tkr beslutad", ("budget", 2025, "tkr")),
    ("Budget 2025 (kr)", ("budget", 2025, "kr")),
    ("2025", (None, 2025, None)),
    (2025, (None, 2025, None)),
])
def test_a_heading_gives_kind_year_and_unit(text, expected):
    h = parse_header(text)
    assert (h.kind, h.year, h.unit) == expected


@pytest.mark.parametrize("text", [
    "Budget 25",                 # a two-digit year is no year
    "Förändring 2025",           # not a kind of column we read
    "Andel 2025 %",
    "Budget 2025 krona",
    "Budget 2025 revision",      # a word, not the status "rev."
    "Budget 2025/2026",
    "Kommentar",
    True,
    3_350_000,
])
def test_other_text_is_no_heading(text):
    assert parse_header(text) is None


def test_a_year_heading_that_is_not_read_is_named_in_a_note(tmp_path, engine):
    """A November document often shows a part-year outcome and a change column; they are
    not budget columns, and the reader says so instead of dropping them silently."""
    import openpyxl

    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Samordningsförbundet Test"])
    ws.append([])
    ws.append(["Verksamhet 2025", "Utfall 2023", "Utfall jan-aug 2024", "Budget 2024", "Budget 2025",
               "Förändring 2024-2025"])
    ws.append(["Medel från huvudmännen", 1000, 600, 1000, 1100, 100])
    ws.append(["Styrelse", -200, -120, -200, -210, -10])
    ws.append(["Samordningsteam", -700, -450, -800, -850, -50])
    path = tmp_path / "delar.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    assert [c.key for c in b.columns] == ["utfall 2023", "budget 2024", "budget 2025"]
    notes = [n for n in map(str, b.notes) if n.startswith("Kolumnen")]
    assert len(notes) == 2          # not the label column's own heading in A3
    assert "'Utfall jan-aug 2024' (C3)" in notes[0] and "'Förändring 2024-2025' (F3)" in notes[1]


def _tkr_sheet(path, scaled: bool):
    """A sheet titled 'Belopp i tkr'; with scaled=True the cells hold kronor and the
    number format "#,##0," (Swedish Excel: "# ##0 ") shows them in thousands."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Samordningsförbundet Norra Västmanland"])
    ws.append(["Belopp i tkr"])
    ws.append(["", "Budget 2023", "Plan 2024"])
    rows = [("Medel från huvudmännen", 7_046_000, 7_046_000), ("Styrelse", -389_700, -400_500),
            ("Samordningsteam", -6_100_500, -6_200_000)]
    for label, a, b in rows:
        ws.append([label, a, b] if scaled else [label, a / 1000, b / 1000])
        for cell in ws[ws.max_row][1:]:
            cell.number_format = "#,##0,;-#,##0," if scaled else "#,##0.0"
    wb.save(path)


@pytest.mark.parametrize("scaled", [True, False])
def test_kronor_shown_as_tkr_by_the_number_format_are_read_as_kronor(tmp_path, engine, scaled):
    from xlplugin.core.totals import column_totals
    from xlplugin.io.reader import read_budget
    path = tmp_path / "tkr.xlsx"
    _tkr_sheet(path, scaled)
    b = read_budget(path, engine=engine)
    t = column_totals(b)
    assert (t["Budget 2023"].intakter, t["Budget 2023"].kostnader) == (7_046_000, -6_490_200)
    assert (t["Plan 2024"].intakter, t["Plan 2024"].kostnader) == (7_046_000, -6_600_500)
    scaled_notes = [n for n in map(str, b.notes) if "talformatet" in n]
    assert bool(scaled_notes) is scaled
    if scaled:
        assert scaled_notes[0].startswith("6 belopp visas i tkr") and "B4" in scaled_notes[0]


def test_other_sheets_with_year_columns_are_named(tmp_path, engine):
    import openpyxl

    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget 2024"
    for row in (["", "Budget 2024"], ["Medel från huvudmännen", 1000], ["Styrelse", -200]):
        ws.append(row)
    ws = wb.create_sheet("Budget 2025")
    for row in (["", "Budget 2025", "Plan 2026"], ["Medel från huvudmännen", 1100, 1100], ["Styrelse", -210, -220]):
        ws.append(row)
    path = tmp_path / "tva_blad.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    assert b.sheet == "Budget 2025"
    assert any(n.startswith("Fler blad har årskolumner: 'Budget 2024'. Bladet 'Budget 2025' lästes")
               for n in map(str, b.notes))
    assert read_budget(path, engine=engine, sheet="Budget 2024").sheet == "Budget 2024"


@pytest.mark.parametrize("style", ["plain", "indented", "dash", "after_total", "brackets"])
def test_of_which_rows_are_information_not_amounts(tmp_path, engine, style):
    """'varav lönekostnader' is a part of Administration shown for information: counting
    it would make kostnader -2 400 000 (or, as a breakdown, -1 600 000); the sheet's
    -1 800 000 is right and nothing is reported."""
    import openpyxl
    from openpyxl.styles import Alignment

    from xlplugin.core.check import check_budget
    from xlplugin.core.totals import column_totals
    from xlplugin.io.reader import read_budget
    label = {"plain": "varav lönekostnader", "indented": "varav lönekostnader",
             "dash": "- varav lönekostnader", "after_total": "varav lönekostnader",
             "brackets": "(därav lönekostnader)"}[style]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Samordningsförbundet Test"])
    ws.append(["", "Budget 2025", "Plan 2026"])
    ws.append(["Medel från huvudmännen", 2_000_000, 2_000_000])
    ws.append(["Administration", -800_000, -820_000])
    if style != "after_total":
        ws.append([label, -600_000, -615_000])
        if style == "indented":
            ws.cell(row=ws.max_row, column=1).alignment = Alignment(indent=1)
    ws.append(["Samordningsteam", -1_000_000, -1_000_000])
    ws.append(["SUMMA KOSTNADER", -1_800_000, -1_820_000])
    if style == "after_total":
        ws.append([label, -600_000, -615_000])
    ws.append(["RESULTAT", 200_000, 180_000])
    path = tmp_path / "varav.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    t = column_totals(b)
    assert (t["Budget 2025"].kostnader, t["Plan 2026"].kostnader) == (-1_800_000, -1_820_000)
    assert check_budget(b).consistent
    assert "varav" not in " ".join(ln.label.lower() for ln in b.lines)
    assert any(n.startswith("Varav-rader") for n in map(str, b.notes))


def test_of_which_rows_under_a_heading_without_amounts_are_the_amounts(tmp_path, engine):
    import openpyxl

    from xlplugin.core.totals import column_totals
    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["", "Budget 2025"], ["Medel från huvudmännen", 2_000_000], ["Individinsatser", None],
                ["varav Team A", -600_000], ["varav Team B", -400_000], ["SUMMA KOSTNADER", -1_000_000]):
        ws.append(row)
    path = tmp_path / "varav_rubrik.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    assert column_totals(b)["Budget 2025"].kostnader == -1_000_000
    assert not any(n.startswith("Varav-rader") for n in map(str, b.notes))


@pytest.mark.parametrize("shares", ["percent_format", "typed_percent"])
def test_rows_of_shares_and_counts_are_no_amounts(tmp_path, engine, shares):
    """Key ratios and staff counts under the table: before, 0,555 and 2,5 were added to
    intäkter (and '55,5 %' stopped the reading)."""
    import openpyxl

    from xlplugin.core.check import check_budget
    from xlplugin.core.totals import column_totals
    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in (["Samordningsförbundet Test"], [], ["", "Budget 2025", "Plan 2026"],
                ["Medel från huvudmännen", 2_000_000, 2_000_000], ["Administration", -800_000, -820_000],
                ["Samordningsteam", -1_000_000, -1_000_000], ["SUMMA KOSTNADER", -1_800_000, -1_820_000],
                ["RESULTAT", 200_000, 180_000], [], ["Individinsatser i procent av kostnaderna", 0.555, 0.549],
                ["Antal årsarbetare", 2.5, 2.5]):
        ws.append(row)
    if shares == "percent_format":
        ws["B10"].number_format = ws["C10"].number_format = "0.0%"
    else:
        ws["B10"].value, ws["C10"].value = "55,5 %", "54,9 %"
    path = tmp_path / "andelar.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    t = column_totals(b)
    assert (t["Budget 2025"].intakter, t["Budget 2025"].resultat) == (2_000_000, 200_000)
    assert check_budget(b).consistent
    note = next(n for n in map(str, b.notes) if n.startswith("Rader med andelar eller antal"))
    assert "rad 10 ('Individinsatser i procent av kostnaderna')" in note and "rad 11 ('Antal årsarbetare')" in note


@pytest.mark.parametrize("label, expected", [
    ("SUMMA INTÄKTER", "revenue_total"), ("Summa intäkter", "revenue_total"),
    ("Totala intäkter", "revenue_total"), ("Intäkter totalt", "revenue_total"),
    ("Intäkter, totalt", "revenue_total"), ("Summa verksamhetens intäkter", "revenue_total"),
    ("SUMMA KOSTNADER", "cost_total"), ("Totala kostnader", "cost_total"),
    ("Kostnader totalt", "cost_total"), ("Summa kostnader totalt", "cost_total"),
    ("RESULTAT", "result"), ("Årets resultat", "result"), ("Budgeterat resultat", "result"),
    ("Resultat efter finansiella poster", "result"), ("Överskott/underskott", "result"),
    ("Årets resultat (överskott +/underskott -)", "result"), ("Resultat (tkr)", "result"),
    ("Summa individinsatser", "subtotal"), ("Totalt", "subtotal"), ("Summa", "subtotal"),
    ("Insatser totalt", "subtotal"), ("Individinsatser, summa", "subtotal"), ("3 Resultat", "result"),
    ("4.2 Summa insatser", "subtotal"), ("Totaltjänst", None),
    ("Kostnader", None), ("Intäkter", None), ("Individinsatser", None), ("(rad 4 utan text)", None),
])
def test_a_label_says_which_total_it_is(label, expected):
    from xlplugin.io.layout import total_type
    assert total_type(label) == expected


def test_a_share_of_a_joint_project_is_money_not_a_ratio(tmp_path, engine):
    """'Andel länsprojekt' is this förbund's share of a joint project, in kronor."""
    import openpyxl

    from xlplugin.core.totals import column_totals
    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["", "Budget 2025"], ["Medel från huvudmännen", 2_000_000], ["Styrelse", -200_000],
                ["Andel länsprojekt", -50_000], ["Andel individinsatser", 0.62]):
        ws.append(row)
    path = tmp_path / "andel.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    assert column_totals(b)["Budget 2025"].kostnader == -250_000
    assert "Andel individinsatser" in next(n for n in map(str, b.notes) if n.startswith("Rader med andelar"))
