"""`finsam board`: the board workbook, recalculated in LibreOffice, equals the core.

Every generated workbook is recalculated by LibreOffice headless (the real spreadsheet
engine; CI installs it). Each total, subtotal, category sum, resultat and equity cell is
compared with the core's numbers to the krona.
"""

import hashlib
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT, WORKBOOKS
from xlplugin.core.board import LineRule, board_equity, board_plan
from xlplugin.core.check import check_budget
from xlplugin.core.equity import EquityPolicy
from xlplugin.core.model import ITEM, TOTAL
from xlplugin.core.projection import ProjectionRule
from xlplugin.core.totals import column_totals, computed_value
from xlplugin.io.board_writer import BoardOptions, base_column, member_lines, write_board
from xlplugin.io.libreoffice import convert, soffice
from xlplugin.io.reader import read_budget

needs_lo = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed here; "
                              "CI installs libreoffice-calc-nogui to recalculate the workbooks")

D = Decimal
VM_RULES = [LineRule("Samordningsteam*", ProjectionRule(factors=(D("0.83"), D("0.85")), rounding=500))]
CASES = [
    # (workbook, budget year, rules, policy, opening equity)
    ("vastmanland_2025_2027.xlsx", 2025, [], EquityPolicy(), None),
    ("vastmanland_2025_2027.xlsx", 2026, VM_RULES, EquityPolicy(floor=1_000_000), None),
    ("norra_vastmanland_2020.xlsx", 2020, [LineRule("Styrelse", ProjectionRule(index_percent=(D("2.5"),), rounding=100))],
     EquityPolicy(), None),
    ("norra_vastmanland_2021_2023.xlsx", 2021, [], EquityPolicy(), None),
    ("norra_vastmanland_2023_tkr.xlsx", 2023, [], EquityPolicy(), None),
    ("kramfors_2021.xlsx", 2021, [], EquityPolicy(cap_base="medlemsbidrag", floor=180_000), None),
]


@pytest.fixture(scope="module")
def boards(tmp_path_factory):
    """Write every case, then recalculate them all in one LibreOffice run."""
    if soffice() is None:
        pytest.skip(reason="LibreOffice (soffice) is not installed here; CI installs it")
    d = tmp_path_factory.mktemp("boards")
    out = []
    for k, (name, year, rules, policy, opening) in enumerate(CASES):
        budget = read_budget(WORKBOOKS / name)
        plan = board_plan(budget, year, rules)
        options = BoardOptions(policy=policy, opening_equity=opening,
                               municipalities=(("Kramfors", 18_500),) if "kramfors" in name else ())
        path = d / f"board_{k}.xlsx"
        cells = write_board(plan, check_budget(budget, policy).discrepancies, path, options)
        out.append((plan, cells, options, path))
    recalc_dir = d / "recalc"
    recalc_dir.mkdir()
    recalculated = convert([p for *_, p in out], "xlsx", recalc_dir)
    return [(plan, cells, options, openpyxl.load_workbook(r, data_only=True))
            for (plan, cells, options, _), r in zip(out, recalculated)]


def ids(case):
    return f"{case[0]}-{case[1]}"


@needs_lo
@pytest.mark.parametrize("k", range(len(CASES)), ids=[ids(c) for c in CASES])
def test_every_budget_cell_equals_the_core(boards, k):
    plan, cells, _, wb = boards[k]
    ws = wb["Budget"]
    totals = column_totals(plan.budget)
    for col in plan.columns:
        L = cells.column_letters[col.header]
        t = totals[col.header]
        assert ws[f"{L}{cells.budget_rows['intakter']}"].value == t.intakter, col.header
        assert ws[f"{L}{cells.budget_rows['kostnader']}"].value == t.kostnader, col.header
        assert ws[f"{L}{cells.budget_rows['resultat']}"].value == t.resultat, col.header
        for ln in plan.budget.lines:
            if ln.role not in (ITEM, TOTAL) or ln.total_type in ("revenue_total", "cost_total", "result"):
                continue
            expected = computed_value(plan.budget, ln.index, col.header)
            got = ws[f"{L}{cells.line_rows[ln.index]}"].value
            assert (got or 0) == (expected or 0), (ln.label, col.header, got, expected)


@needs_lo
@pytest.mark.parametrize("k", range(len(CASES)), ids=[ids(c) for c in CASES])
def test_equity_cells_equal_the_core_chain(boards, k):
    plan, cells, options, wb = boards[k]
    ws = wb["Eget kapital"]
    policy = options.policy
    expected = board_equity(plan, policy, options.opening_equity)
    assert [e.year for e in expected] == sorted(cells.equity_rows)
    for e in expected:
        r = cells.equity_rows[e.year]
        row = [ws.cell(r, c).value for c in range(1, 13)]
        assert row[:4] == [e.year, e.ib, e.resultat, e.ub if e.ub is not None else ""], row
        assert row[5] == e.cap
        assert row[9] == e.status
        assert (row[10] or 0) == e.adjustment
        assert "Resultat: " in row[11]
        if policy.floor is not None:
            assert row[8] == e.headroom_floor


@needs_lo
@pytest.mark.parametrize("k", range(len(CASES)), ids=[ids(c) for c in CASES])
def test_board_names_equal_the_check_json(boards, k):
    """Intakter_/Kostnader_/Resultat_/EK_UB_<år> after recalculation = `finsam check --json`."""
    import json
    plan, cells, options, wb = boards[k]
    out = subprocess.run([sys.executable, "-m", "xlplugin.cli", "check", str(WORKBOOKS / CASES[k][0]), "--json"]
                         + (["--tak-bas", "medlemsbidrag"] if options.policy.cap_base == "medlemsbidrag" else []),
                         capture_output=True, text=True, cwd=ROOT)
    [checked] = json.loads(out.stdout)["files"]
    names = board_names(wb)
    by_source = {c.source: c for c in plan.columns if c.source}
    compared = 0
    for header, t in checked["totals"].items():
        col = by_source.get(header)
        if col is None or col.kind not in ("budget", "plan"):
            continue
        for name, key in (("Intakter", "intakter"), ("Kostnader", "kostnader"), ("Resultat", "resultat")):
            assert names[f"{name}_{col.year}"] == t[key], (name, col.year)
            compared += 1
    for e in checked["equity"]:
        if f"EK_UB_{e['year']}" in names:
            assert names[f"EK_UB_{e['year']}"] == e["ub"], e["year"]
            compared += 1
    assert compared >= 6


def board_names(wb) -> dict:
    """Defined name -> its recalculated value."""
    out = {}
    for name in wb.defined_names:
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        out[name] = wb[sheet][ref.replace("$", "")].value
    return out


@needs_lo
@pytest.mark.parametrize("k, expected", [
    (3, {2020: 949_113, 2021: 517_213, 2022: 517_213, 2023: 517_213}),
    (2, {2019: 841_600, 2020: 458_500, 2021: 572_500, 2022: 631_500}),
    (4, {2022: 1_066_000, 2023: 317_000}),
], ids=["NV 2021-2023", "NV 2020", "NV 2023 tkr"])
def test_norra_vastmanland_boards_show_the_seed_equity(boards, k, expected):
    """The seeds' Budgetöversikt: prognos utfall 2020 (-150 000) rolls 2020 on, NV 2020's
    overview gives the plan years' resultat (114 000, 59 000), and NV 2023's UB 2023 is
    317 tkr as stated, with IB + resultat (318 tkr) shown as a 1 000 kr difference."""
    plan, cells, options, wb = boards[k]
    names = board_names(wb)
    assert {y: names[f"EK_UB_{y}"] for y in expected} == expected
    ws = wb["Eget kapital"]
    notes = {ws.cell(r, 1).value: ws.cell(r, 12).value for r in cells.equity_rows.values()}
    if k == 3:
        assert ws.cell(cells.equity_rows[2020], 3).value == -150_000
        assert "prognos utfall 2020 enligt bladet" in notes[2020]
    if k == 2:
        assert "resultat 2021 enligt bladet 'Flerårsbudget'" in notes[2021]
    if k == 4:
        r = cells.equity_rows[2023]
        assert [ws.cell(r, c).value for c in (2, 3, 11, 4)] == [1_066_000, -748_000, -1_000, 317_000]
        assert "318 000 kr" in notes[2023]
        kontroll = [[c.value for c in row] for row in wb["Kontroll"].iter_rows(min_row=5)]
        assert any(row[1] == "F5" and row[4:7] == [317_000, 318_000, -1_000] for row in kontroll), kontroll


@needs_lo
def test_kramfors_equity_status_and_member_split(boards):
    plan, cells, options, wb = boards[5]
    eq = wb["Eget kapital"]
    r2020 = cells.equity_rows[2020]
    assert [eq.cell(r2020, c).value for c in (2, 3, 4, 6, 10)] == [548_077, 0, 548_077, 518_400, "Över taket"]
    r2021 = cells.equity_rows[2021]
    assert [eq.cell(r2021, c).value for c in (4, 9, 10)] == [295_077, 115_077, "Inom ramen"]
    mb = wb["Medlemsbidrag"]
    values = {mb.cell(r, 1).value: mb.cell(r, 3).value for r in range(5, 12)}
    assert values["Medlemsbidrag enligt budgeten"] == 2_592_000
    assert values["Staten (Försäkringskassan och Arbetsförmedlingen)"] == 1_296_000
    assert values["Regionen"] == 648_000
    assert values["Kramfors"] == 648_000
    assert values["Avstämning mot budgeten (ska vara 0)"] == 0


@needs_lo
def test_projected_plan_years_vastmanland_2026(boards):
    plan, cells, _, wb = boards[1]
    ws = wb["Budget"]
    by_label = {ln.label: ln for ln in plan.budget.lines}
    fns = cells.line_rows[by_label["Samordningsteam FNS"].index]
    letters = cells.column_letters
    # Budget 2026 is the seed's Plan 2026; Plan 2027 comes from the source; Plan 2028 is
    # projected two years on from Budget 2026: 1 369 500 × 0,83 × 0,85 = 966 182,25
    # -> 966 000 (nearest 500 kr)
    assert [c.header for c in plan.columns] == ["Budget 2025", "Budget 2026", "Plan 2027", "Plan 2028"]
    assert [c.source for c in plan.columns] == ["Budget 2025", "Plan 2026", "Plan 2027", None]
    assert ws[f"{letters['Plan 2028']}{fns}"].value == -966_000


@needs_lo
def test_defined_names_point_at_the_totals(boards):
    plan, cells, _, wb = boards[0]
    names = set(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else {d.name for d in wb.defined_names.definedName}
    for y in (2024, 2025, 2026, 2027):
        assert {f"Intakter_{y}", f"Kostnader_{y}", f"Resultat_{y}", f"EK_UB_{y}"} <= names
    dn = wb.defined_names["Resultat_2026"]
    sheet, ref = next(iter(dn.destinations))
    assert wb[sheet][ref.replace("$", "")].value == 731_400


@needs_lo
def test_kontroll_sheet_lists_the_source_discrepancies(boards):
    plan, cells, _, wb = boards[0]
    ws = wb["Kontroll"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert rows[0][:7] == ["Budget 2025-2027", "E29", "Summa metoder, arbetssätt och strukturpåverkande insatser",
                           "Plan 2027", -4_262_000, -4_237_000, -25_000]
    plan, cells, _, wb = boards[5]
    assert wb["Kontroll"]["A5"].value.startswith("Inga avvikelser")


def test_formulas_are_live_not_values(tmp_path):
    budget = read_budget(WORKBOOKS / "vastmanland_2025_2027.xlsx")
    plan = board_plan(budget, 2025)
    path = tmp_path / "b.xlsx"
    cells = write_board(plan, [], path)
    ws = openpyxl.load_workbook(path)["Budget"]
    L = cells.column_letters["Budget 2025"]
    assert ws[f"{L}{cells.budget_rows['resultat']}"].value.startswith("=")
    assert ws[f"{L}{cells.budget_rows['kostnader']}"].value.startswith("=SUM(")
    by_label = {ln.label: ln for ln in plan.budget.lines}
    assert ws[f"{L}{cells.line_rows[by_label['Summa individinsatser'].index]}"].value.startswith("=SUM(")
    assert ws[f"{L}{cells.line_rows[by_label['Samordningsteam FNS'].index]}"].value == -1_650_000
    eq = openpyxl.load_workbook(path)["Eget kapital"]
    assert eq["D9"].value.startswith("=IF(") and eq["F9"].value.startswith("=ROUND(")


def test_print_setup(tmp_path):
    budget = read_budget(WORKBOOKS / "kramfors_2021.xlsx")
    path = tmp_path / "b.xlsx"
    write_board(board_plan(budget, 2021), [], path)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
        # one page wide (fitToWidth 1 is the file format's default, left out when written)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None)
        assert ws.page_setup.fitToHeight in (0, 1, None)      # 0: as many pages down as needed
        assert "Samordningsförbundet Kramfors" in ws.oddHeader.left.text
        assert "&P" in ws.oddFooter.right.text
    assert wb["Budget"].print_title_rows == "$4:$4"
    assert wb["Budget"].freeze_panes == "B5"
    assert wb.sheetnames == ["Budget", "Eget kapital", "Medlemsbidrag", "Nyckeltal", "Kontroll", "Regler"]
    assert wb["Budget"].page_setup.fitToHeight in (1, None)   # 60 lines or fewer: one page
    assert wb["Eget kapital"].page_setup.fitToHeight == 0
    assert wb["Eget kapital"]._charts and wb["Eget kapital"].freeze_panes == "B8"
    assert {n for n in wb.defined_names} >= {"Intakter_2021", "Kostnader_2021", "Resultat_2021", "EK_UB_2021"}


# --- the command ----------------------------------------------------------------------------

def finsam(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "xlplugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT)


def test_board_command_writes_and_leaves_the_source_alone(tmp_path):
    src = WORKBOOKS / "vastmanland_2025_2027.xlsx"
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "Styrelseunderlag_budget_2025.xlsx"
    p = finsam("board", src, "--year", "2025", "-o", out)
    assert p.returncode == 0, p.stderr
    assert "Skrev" in p.stdout and "Budget 2025: intäkter 18 958 000, kostnader -20 204 000, resultat -1 246 000" in p.stdout
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert openpyxl.load_workbook(out).sheetnames[0] == "Budget"
    assert [f.name for f in tmp_path.iterdir()] == [out.name]      # no temporary files left


def test_board_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "u.xlsx"
    out.write_bytes(b"keep me")
    p = finsam("board", WORKBOOKS / "kramfors_2021.xlsx", "--year", "2021", "-o", out)
    assert p.returncode == 2 and "finns redan" in p.stderr and "--force" in p.stderr
    assert out.read_bytes() == b"keep me"
    p = finsam("board", WORKBOOKS / "kramfors_2021.xlsx", "--year", "2021", "-o", out, "--force")
    assert p.returncode == 0 and out.read_bytes() != b"keep me"


@pytest.mark.parametrize("args, message", [
    (["--year", "2030"], "saknar kolumnen Budget 2030"),
    (["--year", "2025", "--regel", "Styrelse faktor 2"], "saknar ':'"),
    (["--year", "2025", "--regel", "Styrelse: avrunda 7"], "avrundningen ska vara"),
])
def test_board_bad_arguments_exit_2_and_write_nothing(tmp_path, args, message):
    out = tmp_path / "x.xlsx"
    p = finsam("board", WORKBOOKS / "vastmanland_2025_2027.xlsx", "-o", out, *args)
    assert p.returncode == 2, p.stdout
    assert message in p.stderr and "Traceback" not in p.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_board_unreadable_source(tmp_path):
    bad = tmp_path / "trasig.xlsx"
    bad.write_text("inte excel")
    out = tmp_path / "u.xlsx"
    p = finsam("board", bad, "--year", "2025", "-o", out)
    assert p.returncode == 2 and "inte en Excel-arbetsbok" in p.stderr
    assert not out.exists()


@needs_lo
def test_pdf_has_the_expected_pages(tmp_path):
    pypdf = pytest.importorskip("pypdf", reason="pypdf counts the PDF pages (test extra)")
    out = tmp_path / "u.xlsx"
    p = finsam("board", WORKBOOKS / "vastmanland_2025_2027.xlsx", "--year", "2025", "-o", out, "--pdf")
    assert p.returncode == 0, p.stderr
    pdf = tmp_path / "u.pdf"
    reader = pypdf.PdfReader(str(pdf))
    # one page per sheet at least (Budget, Eget kapital, Medlemsbidrag, Nyckeltal, Kontroll, Regler)
    assert 6 <= len(reader.pages) <= 10
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)      # landscape
    text = " ".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Samordningsförbundet Västmanland" in first.extract_text()
    assert "RESULTAT" in text and "18 958 000" in text        # Swedish digit grouping
    assert "Sida 1 av" in text


@needs_lo
def test_key_ratios_vastmanland_78_percent_of_direct_insats_costs(boards):
    """Seed 002: individinsatser are 78 % of the förbund's insats financing 2025."""
    plan, cells, _, wb = boards[0]
    ws = wb["Nyckeltal"]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 6)] for r in range(5, 9)}
    amount, of_costs, of_income, of_direct = rows["Individinsatser"]
    assert amount == -13_842_000
    assert round(of_direct, 4) == round(13_842_000 / 17_733_000, 4) == 0.7806
    assert round(of_costs, 4) == round(13_842_000 / 20_204_000, 4)
    assert ws["A10"].value == "Baser" and ws["B13"].value == -17_733_000
    # below the bases, every line of the groups with its category and what decided it;
    # recalculated, the lines of a group add up to the group's amount
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Raderna i grupperna")
    listed = [[ws.cell(r, c).value for c in range(1, 6)] for r in range(start + 2, ws.max_row + 1)
              if ws.cell(r, 1).value]
    by_group = {}
    for label, value, category, group, why in listed:
        by_group[group] = by_group.get(group, 0) + (value or 0)
        assert why, label
    assert by_group["Individinsatser"] == -13_842_000
    assert {g: v for g, v in by_group.items()} == {
        name: rows[name][0] for name in by_group}


def test_population_key_from_csv_splits_the_municipal_quarter(tmp_path):
    key = tmp_path / "befolkning.csv"
    key.write_text("Kommun;Folkmängd\nFagersta;13 500\nNorberg;5 800\nSkinnskatteberg;4 400\n"
                   "Hallstahammar;16 400\nSala;22 900\nSurahammar;10 100\n", encoding="utf-8")
    out = tmp_path / "u.xlsx"
    p = finsam("board", WORKBOOKS / "norra_vastmanland_2021_2023.xlsx", "--year", "2021", "-o", out,
               "--befolkning", key)
    assert p.returncode == 0, p.stderr
    ws = openpyxl.load_workbook(out)["Medlemsbidrag"]
    rows = {r[0]: r[2] for r in ws.iter_rows(min_row=6, max_row=13, values_only=True)}
    assert rows["Staten (Försäkringskassan och Arbetsförmedlingen)"] == 3_523_000
    assert rows["Regionen"] == 1_761_500
    kommuner = [rows[k] for k in ("Fagersta", "Norberg", "Skinnskatteberg", "Hallstahammar", "Sala", "Surahammar")]
    assert sum(kommuner) == 1_761_500                     # the quarter, to the krona
    assert rows["Sala"] == 551_824                          # 1 761 500 × 22 900 / 73 100 = 551 823,7


def test_population_file_with_a_bad_number(tmp_path):
    key = tmp_path / "b.csv"
    key.write_text("Kommun;Folkmängd\nFagersta;många\n", encoding="utf-8")
    p = finsam("board", WORKBOOKS / "kramfors_2021.xlsx", "--year", "2021", "-o", tmp_path / "u.xlsx",
               "--befolkning", key)
    assert p.returncode == 2 and "rad 2: 'många' är inte ett tal" in p.stderr
    assert not (tmp_path / "u.xlsx").exists()


def test_plug_line_balances_the_projected_years():
    """Kramfors: 'Nya projekt/Kvar att fördela' is the plug that makes each plan year 0."""
    from xlplugin.io.rules import parse_rule
    budget = read_budget(WORKBOOKS / "kramfors_2021.xlsx")
    plan = board_plan(budget, 2021, [parse_rule("Drittbidrag*: steg -2666,5"),
                                     parse_rule("Nya projekt*: utjämna")], plan_years=3)
    totals = column_totals(plan.budget)
    # Plan 2024 is three years on from Budget 2021: 1 296 000 - 3 × 2 666,5 = 1 288 000,5
    # -> 1 288 001 per half; the plug takes up what the other lines leave
    assert totals["Plan 2024"].intakter == 2 * 1_288_001
    assert totals["Plan 2024"].resultat == 0
    plug = next(ln for ln in plan.budget.lines if ln.label.startswith("Nya projekt"))
    # Budget 2021's other costs, carried unchanged: 600 000 + 950 000 + 330 000 + 30 000
    # + 797 000 + 134 000 + 4 000 = 2 845 000 -> they exceed the income, so the plug is
    # +268 998: a negative "kvar att fördela" that shows the plan does not fit
    others = 600_000 + 950_000 + 330_000 + 30_000 + 797_000 + 134_000 + 4_000
    assert plug.values["Plan 2024"] == -(2 * 1_288_001 - others) == 268_998
    assert plan.applied[-1][2].startswith("utjämnar planåret")


def test_check_json_equity_is_in_kronor_with_its_sources():
    """NV 2023 (tkr): UB 2023 317 tkr as stated -> 317 000 kr, IB + resultat 318 000 kr."""
    import json
    out = subprocess.run([sys.executable, "-m", "xlplugin.cli", "check",
                          str(WORKBOOKS / "norra_vastmanland_2023_tkr.xlsx"), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    [f] = json.loads(out.stdout)["files"]
    eq = {e["year"]: e for e in f["equity"]}
    assert (eq[2022]["ib"], eq[2022]["resultat"], eq[2022]["ub"]) == (1_313_000, -247_000, 1_066_000)
    assert (eq[2023]["ub"], eq[2023]["ub_stated"], eq[2023]["ub_computed"]) == (317_000, 317_000, 318_000)
    assert eq[2022]["sources"]["resultat"].startswith("prognos utfall 2022 enligt bladet 'Budgetöversikt'")
    assert "avrundning" in eq[2023]["sources"]["ub"]
    assert any(d["cell"] == "F5" and d["difference"] == -1_000 for d in f["discrepancies"])
