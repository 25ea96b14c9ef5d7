"""The Excel face through xlwings' own Office.js machinery, and with COM-shaped arguments.

conftest.py sets XLWINGS_ON_SERVER=true and XLWINGS_LICENSE_KEY=noncommercial before
xlwings is imported, so these run the code paths Excel on the web / Mac / Windows uses
through xlwings Lite or xlwings Server.
"""

import re
import sys

import openpyxl
import pytest
import xlwings as xw
import xlwings.server as server

from conftest import WORKBOOKS, run_sync
from xlplugin.excel import functions as F
from xlplugin.excel import macros as M

FUNCTIONS = ["FINSAM_SUMMA", "FINSAM_KONTROLL", "FINSAM_PLANAR", "FINSAM_EK", "FINSAM_EK_TAK",
             "FINSAM_EK_MAX_UNDERSKOTT", "FINSAM_EK_UNDERSKOTT_TILL_TAK", "FINSAM_EK_STATUS",
             "FINSAM_MEDLEMSBIDRAG", "FINSAM_NYCKELTAL", "FINSAM_ANDEL", "FINSAM_AVVIKELSE",
             "FINSAM_PERIODISERA", "FINSAM_PROGNOS"]


def call(func_name, *args):
    """A request body shaped like the one Excel's Office.js add-in sends."""
    data = {"client": "Office.js", "func_name": func_name,
            "args": [a if isinstance(a, list) else [[a]] for a in args],
            "caller_address": "[Bok1.xlsx]Blad1!H5", "culture_info_name": "sv-SE",
            "date_format": "yyyy-MM-dd", "version": xw.__version__, "runtime": "1.4"}
    return run_sync(server.custom_functions_call(data, F))


def col(values):
    return [[v] for v in values]


# --- metadata ----------------------------------------------------------------------------

def test_every_function_is_listed_with_swedish_descriptions():
    meta = server.custom_functions_meta(F)
    by_id = {f["id"]: f for f in meta["functions"]}
    assert sorted(by_id) == sorted(FUNCTIONS)
    for f in meta["functions"]:
        assert re.fullmatch(r"[A-Z][A-Z0-9_.]*", f["id"])
        assert f["description"] and not f["description"].startswith("Python function")
        for p in f["parameters"]:
            assert p["name"].isascii()
            assert p["description"] and not p["description"].startswith("Positional argument")
    assert [p.get("optional", False) for p in by_id["FINSAM_SUMMA"]["parameters"]] == [
        False, False, True, True, True]


# --- the seeds' numbers through custom_functions_call -------------------------------------

VM_LABELS = ["Medel från huvudmännen", "Summa intäkter", "Styrelse", "Gemensam administration",
             "Summa administrativa kostnader", "Individinsatser", "Samordningsteam FNS",
             "Samordningsteam Västerås", "Summa individinsatser", "Ofördelade medel",
             "Summa kostnader", "RESULTAT"]
VM_2025 = [18_958_000.0, 18_958_000.0, -619_000.0, -1_759_000.0, -2_378_000.0, None,
           -1_650_000.0, -6_100_000.0, -7_750_000.0, -93_000.0, -10_221_000.0, 8_737_000.0]


def test_summa_hierarchy_aware_totals():
    assert call("finsam_summa", col(VM_LABELS), col(VM_2025), "kostnader") == [[-10_221_000]]
    assert call("finsam_summa", col(VM_LABELS), col(VM_2025), "intakter") == [[18_958_000]]
    assert call("finsam_summa", col(VM_LABELS), col(VM_2025)) == [[8_737_000]]


def test_kontroll_lists_totals_that_do_not_add_up():
    amounts = list(VM_2025)
    amounts[8] = -7_760_000.0        # Summa individinsatser off by 10 000
    out = call("finsam_kontroll", col(VM_LABELS), col(amounts), [["Budget 2025"]])
    assert out[0] == ["Rad", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"]
    assert out[1] == [9, "Summa individinsatser", "Budget 2025", -7_760_000, -7_750_000, -10_000, "nej"]
    assert call("finsam_kontroll", col(VM_LABELS), col(VM_2025)) == [["OK"]]


def test_planar_vastmanland_x083_x085():
    # Samordningsteam FNS 1 650 000 -> 1 369 500 -> 1 164 000 (rounded to 500)
    assert call("finsam_planar", [[-1_650_000]], 2, col([0.83, 0.85]), None, None, 500) == \
        [[-1_369_500, -1_164_000]]
    # several bases, factors as Swedish text
    assert call("finsam_planar", col([-1_250_000, -321_500]), 2, "0,83; 0,85", None, None, 500) == \
        [[-1_037_500, -882_000], [-267_000, -227_000]]


def test_planar_kramfors_fixed_step():
    assert call("finsam_planar", [[1_296_000]], 2, None, None, -2666.5, None) == [[1_293_334, 1_290_667]]


def test_ek_vastmanland_row():
    # Beräknat utgående eget kapital: 2 246 700 -> 1 000 700 -> 1 732 100 -> 2 054 100
    assert call("finsam_ek", [[2_246_700]], [[-1_246_000, 731_400, 322_000]]) == \
        [[1_000_700, 1_732_100, 2_054_100]]


def test_ek_norra_vastmanland_column():
    # 841 600 - 383 100 = 458 500, + 114 000 = 572 500, + 59 000 = 631 500
    assert call("finsam_ek", [[841_600]], col([-383_100, 114_000, 59_000])) == \
        col([458_500, 572_500, 631_500])


def test_ek_cap_floor_status_kramfors():
    assert call("finsam_ek_tak", [[2_592_000]]) == [[518_400]]
    assert call("finsam_ek_status", [[548_077]], [[518_400]], [[180_000]]) == [["Över taket"]]
    assert call("finsam_ek_max_underskott", [[295_077]], [[180_000]]) == [[115_077]]
    assert call("finsam_ek_underskott_till_tak", [[548_077]], [[518_400]]) == [[29_677]]


def test_medlemsbidrag_kramfors_50_25_25():
    out = call("finsam_medlemsbidrag", [[2_592_000]], None, None)
    assert out[1:4] == [["Staten (Försäkringskassan och Arbetsförmedlingen)", 0.5, 1_296_000],
                        ["Regionen", 0.25, 648_000], ["Kommunerna", 0.25, 648_000]]


def test_medlemsbidrag_by_population_adds_up():
    out = call("finsam_medlemsbidrag", [[7_046_001]], col(["Fagersta", "Norberg", "Sala"]),
               col([13_500, 5_800, 22_900]))
    amounts = [row[2] for row in out[1:-1]]
    assert sum(amounts) == 7_046_001


def test_nyckeltal_with_base_named():
    labels = ["Medel från huvudmännen", "Styrelse", "Gemensam administration", "Samordningsteam FNS",
              "Processtöd", "Ofördelade medel", "RESULTAT"]
    amounts = [1000.0, -50.0, -150.0, -600.0, -100.0, -100.0, 0.0]
    out = call("finsam_nyckeltal", col(labels), col(amounts))
    assert out[0] == ["Nyckeltal", "Belopp", "Andel", "Bas"]
    rows = {r[0]: r for r in out[1:]}
    assert rows["Individinsatser"][1:3] == [-600, 0.6]
    assert rows["Administration (styrelse och kansli)"][1:3] == [-200, 0.2]
    assert rows["Individinsatser"][3] == "av totala kostnader (1 000 kr)"


# --- bad arguments: an Excel error with a message, never a traceback ----------------------

@pytest.mark.parametrize("func_name, args, message", [
    ("finsam_summa", (col(["A", "B"]), col([1.0])), "etiketterna har 2 rader men beloppen 1"),
    ("finsam_summa", (col(["Styrelse"]), col(["abc"])), "'abc' är inte ett belopp"),
    ("finsam_summa", (col(["Styrelse"]), col(["#REF!"])), "felvärde #REF!"),
    ("finsam_summa", (col(["Styrelse"]), col([-1.0]), "vinst"), "typ ska vara"),
    ("finsam_ek", ("tio", [[1]]), "ib: 'tio' är inte ett belopp"),
    ("finsam_planar", ([[100]], 2, None, None, None, 7), "avrundning ska vara"),
    ("finsam_medlemsbidrag", ([[100]], col(["A", "B"]), col([1])), "kommuner har 2 rader men nyckel 1"),
    ("finsam_ek_tak", ([[None]],), "bas saknas"),
])
def test_bad_arguments_give_a_swedish_message(func_name, args, message):
    with pytest.raises(ValueError) as info:
        call(func_name, *args)
    assert message in str(info.value)
    assert "Traceback" not in str(info.value)


def test_division_by_zero_base_is_na():
    assert call("finsam_andel", [[5]], [[0]]) == [[{"type": "Error", "errorType": "NotAvailable"}]]


# --- the same functions with the shapes the Windows COM path passes -----------------------

def test_com_shapes_tuples_and_1d_lists():
    labels = tuple((x,) for x in VM_LABELS)                       # COM: tuple of tuples
    amounts = tuple((x,) for x in VM_2025)
    assert F.finsam_summa(labels, amounts, "kostnader") == [[-10_221_000]]
    assert F.finsam_summa(list(VM_LABELS), list(VM_2025), "resultat") == [[8_737_000]]   # 1D
    assert F.finsam_planar(-1_650_000.0, 2.0, (0.83, 0.85), None, 0, 500.0) == [[-1_369_500, -1_164_000]]
    assert F.finsam_ek(2_246_700.0, ((-1_246_000.0, 731_400.0, 322_000.0),)) == [[1_000_700, 1_732_100, 2_054_100]]
    assert F.finsam_ek_status("548 077 kr", 518_400.0, "180 000") == "Över taket"     # numbers as text
    with pytest.raises(ValueError, match="etiketterna har 2 rader"):
        F.finsam_summa(("A", "B"), (1.0,))


# --- macros on a workbook given as Office.js JSON ------------------------------------------

def book_json(path, extra_sheets=()):
    wb = openpyxl.load_workbook(path)
    sheets = [{"name": ws.title, "values": [[c.value for c in row] for row in ws.iter_rows()] or [[None]],
               "pictures": [], "tables": []} for ws in wb.worksheets]
    sheets += [{"name": n, "values": v, "pictures": [], "tables": []} for n, v in extra_sheets]
    return {"client": "Office.js", "version": xw.__version__,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
            "names": [], "sheets": sheets}


def run_script(name, payload):
    book = xw.Book(json=payload)
    result = run_sync(server.custom_scripts_call(M, name, typehint_to_value={xw.Book: book}))
    return result.json()["actions"]


def test_kontrollera_budget_marks_cells_and_writes_kontroll():
    actions = run_script("kontrollera_budget", book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx"))
    marks = [(a["start_row"], a["start_column"]) for a in actions if a["func"] == "setRangeColor"]
    assert marks == [(28, 4), (29, 4)]         # E29 and E30, 0-based
    assert {"func": "addSheet", "args": [1, "Kontroll"]}.items() <= next(
        a for a in actions if a["func"] == "addSheet").items()
    table = next(a for a in actions if a["func"] == "setValues")["values"]
    assert table[1] == ["Cell", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"]
    assert table[2][:6] == ["Budget 2025-2027!E29", "Summa metoder, arbetssätt och strukturpåverkande insatser",
                            "Plan 2027", -4_262_000, -4_237_000, -25_000]


def test_fyll_i_planar_from_rules_sheet():
    rules = [["Rad", "Faktorer", "Index %", "Steg kr", "Avrundning"],
             ["Samordningsteam FNS", "0,83; 0,85", None, None, 500],
             ["Samordningsteam Västerås", "0,83; 0,85", None, None, 1000]]
    actions = run_script("fyll_i_planar", book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx",
                                                    [("Planregler", rules)]))
    writes = {(a["start_row"], a["start_column"]): a["values"] for a in actions
              if a["func"] == "setValues" and a["sheet_position"] == 0}
    # row 12 (FNS) and row 16 (Västerås): D and E = Plan 2026, Plan 2027
    assert writes[(11, 3)] == [[-1_369_500]] and writes[(11, 4)] == [[-1_164_000]]
    assert writes[(15, 3)] == [[-5_063_000]] and writes[(15, 4)] == [[-4_304_000]]
    noted = [a["values"] for a in actions if a["func"] == "setValues" and a["sheet_position"] == 1]
    assert [["faktor 0,83, 0,85, avrundat till 500 kr" in str(v) for v in noted]].count([True]) <= 1
    assert any("Budget 2025 → Plan 2026, Plan 2027: faktor 0,83, 0,85, avrundat till 500 kr" in str(v)
               for v in noted)


def test_fyll_i_planar_unknown_line_is_a_clear_error():
    rules = [["Rad", "Faktorer"], ["Finns inte", "0,9"]]
    with pytest.raises(Exception, match="raden 'Finns inte' finns inte i budgeten"):
        run_script("fyll_i_planar", book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx",
                                              [("Planregler", rules)]))


def test_uppdatera_eget_kapital_kramfors_with_settings():
    settings = [["Tak procent", 20], ["Tak bas", "medlemsbidrag"], ["Golv", 180000]]
    actions = run_script("uppdatera_eget_kapital", book_json(WORKBOOKS / "kramfors_2021.xlsx",
                                                             [("Inställningar", settings)]))
    table = next(a for a in actions if a["func"] == "setValues")["values"]
    assert table[1] == ["År", "IB", "Resultat", "UB", "Tak", "Golv", "Status", "Källa"]
    assert table[2][:7] == [2020, 548_077, 0, 548_077, 518_400, 180_000, "Över taket"]
    assert table[3][:7] == [2021, 548_077, -253_000, 295_077, 518_400, 180_000, "Inom ramen"]
    assert table[2][7].startswith("IB: IB 2020 enligt bladet 'Resultatbudget'")


def test_uppdatera_eget_kapital_reads_overview_on_another_sheet():
    actions = run_script("uppdatera_eget_kapital", book_json(WORKBOOKS / "norra_vastmanland_2020.xlsx"))
    table = next(a for a in actions if a["func"] == "setValues")["values"]
    assert [row[:4] for row in table[2:]] == [[2019, 2_396_600, -1_555_000, 841_600],
                                              [2020, 841_600, -383_100, 458_500],
                                              [2021, 458_500, 114_000, 572_500],
                                              [2022, 572_500, 59_000, 631_500]]
    # the plan years' resultat is the overview's, and the Källa column says so
    assert table[4][7] == "Resultat: resultat 2021 enligt bladet 'Flerårsbudget', cell D6"


def test_uppdatera_eget_kapital_agrees_with_the_check_on_every_seed():
    """The macro's UB per year is the check's equity chain (NV 2023: 317 000 as stated)."""
    from xlplugin.core.check import check_budget
    from xlplugin.io.reader import read_budget
    for name in ("norra_vastmanland_2020", "norra_vastmanland_2021_2023", "norra_vastmanland_2023_tkr",
                 "vastmanland_2025_2027", "kramfors_2021"):
        actions = run_script("uppdatera_eget_kapital", book_json(WORKBOOKS / f"{name}.xlsx"))
        table = next(a for a in actions if a["func"] == "setValues")["values"]
        checked = check_budget(read_budget(WORKBOOKS / f"{name}.xlsx")).equity
        assert [(row[0], row[3]) for row in table[2:]] == [(e.year, e.ub) for e in checked], name


def test_error_value_in_a_range_as_office_js_sends_it():
    ref_error = {"type": "Error", "basicType": "Error", "basicValue": "#REF!", "errorType": "Ref"}
    with pytest.raises(ValueError, match="felvärde #REF!"):
        call("finsam_summa", col(["Medel från huvudmännen", "Styrelse"]), [[1000.0], [ref_error]])


def test_blank_cells_as_empty_strings_and_numbers_as_text():
    labels = col(["Medel från huvudmännen", "", "Styrelse", "Summa kostnader"])
    amounts = [["7 046 000 kr"], [""], ["- 457 700"], [-457_700.0]]
    assert call("finsam_summa", labels, amounts) == [[6_588_300]]


def test_desktop_button_makes_the_board_workbook_next_to_the_open_file(tmp_path, monkeypatch):
    import shutil
    src = tmp_path / "budget.xlsx"
    shutil.copyfile(WORKBOOKS / "kramfors_2021.xlsx", src)
    before = src.read_bytes()
    opened, alerts = [], []

    class App:
        def alert(self, text, title=None):
            alerts.append(text)

    class FakeBook:
        fullname = str(src)
        sheets = []
        app = App()

    monkeypatch.setattr(M.xw.Book, "caller", staticmethod(lambda: FakeBook()))
    monkeypatch.setattr(M.xw, "Book", type("B", (), {"caller": staticmethod(lambda: FakeBook()),
                                                     "__init__": lambda self, p: opened.append(p)}))
    M.skapa_styrelseunderlag_knapp()
    assert alerts == []
    out = tmp_path / "Styrelseunderlag_budget_2023.xlsx"
    assert opened == [str(out)] and out.exists()
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["Budget", "Eget kapital"]
    assert src.read_bytes() == before


def test_skapa_styrelseunderlag_in_the_open_workbook():
    """Office.js: the board's sheets are added to the open workbook, formulas pointing at
    the renamed sheets."""
    settings = [["Budgetår", 2025], ["Golv", 1_000_000]]
    actions = run_script("skapa_styrelseunderlag", book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx",
                                                             [("Inställningar", settings)]))
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == ["Styrelse Budget", "Styrelse Eget kapital", "Styrelse Medlemsbidrag",
                     "Styrelse Nyckeltal", "Styrelse Kontroll", "Styrelse Regler"]
    grids = [a["values"] for a in actions if a["func"] == "setValues"]
    budget = grids[0]
    assert budget[3][1:] == ["Budget 2024", "Budget 2025", "Plan 2026", "Plan 2027"]
    result_row = next(r for r in budget if r[0] == "RESULTAT")
    assert result_row[2].startswith("=") and "+" in result_row[2]
    equity = grids[1]
    assert any(isinstance(v, str) and "'Styrelse Budget'!" in v for row in equity for v in row)
    assert not any(isinstance(v, str) and "'Budget'!" in v for g in grids for row in g for v in row)


@pytest.mark.skipif(__import__("xlplugin.io.libreoffice", fromlist=["soffice"]).soffice() is None,
                    reason="LibreOffice recalculates the workbook the actions describe; CI installs it")
@pytest.mark.parametrize("name, year", [("vastmanland_2025_2027", 2025), ("norra_vastmanland_2021_2023", 2021),
                                        ("norra_vastmanland_2020", 2020), ("norra_vastmanland_2023_tkr", 2023),
                                        ("kramfors_2021", 2021)])
def test_skapa_styrelseunderlag_formulas_recalculate_to_the_core(tmp_path, name, year):
    """Replay the actions into a workbook, recalculate it in LibreOffice and compare with
    the check: the totals of the source's columns and the equity chain's UB per year."""
    from xlplugin.core.board import board_plan
    from xlplugin.core.check import check_budget
    from xlplugin.core.totals import column_totals
    from xlplugin.io.libreoffice import convert
    from xlplugin.io.reader import read_budget
    payload = book_json(WORKBOOKS / f"{name}.xlsx", [("Inställningar", [["Budgetår", year]])])
    actions = run_script("skapa_styrelseunderlag", payload)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    names = [s["name"] for s in payload["sheets"]]
    for s in payload["sheets"]:
        ws = wb.create_sheet(s["name"])
        for row in s["values"]:
            ws.append(row)
    for a in actions:
        if a["func"] == "addSheet":
            names.append(a["args"][1])
            wb.create_sheet(a["args"][1])
        elif a["func"] == "setValues":
            ws = wb[names[a["sheet_position"]]]
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    if v not in (None, ""):
                        ws.cell(a["start_row"] + 1 + i, a["start_column"] + 1 + j, v)
    path = tmp_path / "replay.xlsx"
    wb.save(path)
    out = tmp_path / "re"
    out.mkdir()
    [re] = convert([path], "xlsx", out)
    book = openpyxl.load_workbook(re, data_only=True)
    ws = book["Styrelse Budget"]
    header = next(r for r in ws.iter_rows(values_only=True) if r and r[1] and str(r[1]).startswith("Budget"))
    rows = {r[0]: r[1:len(header)] for r in ws.iter_rows(values_only=True) if r and r[0]}
    source = read_budget(WORKBOOKS / f"{name}.xlsx")
    plan = board_plan(source, year)
    totals = column_totals(plan.budget)
    headers = [c.header for c in plan.columns]
    result_label = next(ln.label for ln in plan.budget.lines if ln.total_type == "result") \
        if any(ln.total_type == "result" for ln in plan.budget.lines) else "RESULTAT"
    assert list(rows[result_label]) == [totals[h].resultat for h in headers]
    checked = check_budget(source)
    for c in plan.columns:           # the source's columns: as the check totals them
        if c.source:
            assert totals[c.header].resultat == checked.totals[c.source].resultat
    eq = book["Styrelse Eget kapital"]
    ub = {r[0]: r[3] for r in eq.iter_rows(values_only=True) if isinstance(r[0], int) and r[0] > 1900}
    shown = [e for e in checked.equity if e.year in ub]
    assert shown and all(ub[e.year] == e.ub for e in shown), (ub, [(e.year, e.ub) for e in checked.equity])


def test_every_macro_is_listed_with_a_swedish_name():
    meta = server.custom_scripts_meta(M)
    assert sorted((m["function_name"], m["name"]) for m in meta) == [
        ("fyll_i_planar", "Fyll i planår"), ("kontrollera_budget", "Kontrollera budget"),
        ("skapa_styrelseunderlag", "Skapa styrelseunderlag"),
        ("uppdatera_eget_kapital", "Uppdatera eget kapital"), ("uppfoljning", "Uppföljning")]


@pytest.mark.skipif(sys.modules.get("pyodide") is not None,
                    reason="inside Pyodide (xlwings Lite) or with a pyodide package, nothing is changed")
def test_outside_pyodide_the_jsnull_probes_answer_at_once():
    """xlwings asks `from pyodide.ffi import JsNull` per cell and per scalar argument; a
    failed import is not cached by Python, so the Excel face marks pyodide as absent."""
    import xlwings.utils
    assert sys.modules.get("pyodide", "missing") is None
    assert xlwings.utils.is_jsnull(None) is False
    with pytest.raises(ImportError):
        from pyodide.ffi import JsNull  # noqa: F401
    # and the functions still see a blank cell as a missing optional argument
    assert call("finsam_ek_tak", [[2_592_000]], [[None]]) == [[518_400]]


def test_macros_take_the_stored_unit_from_the_settings(tmp_path):
    """The sheet says 'Belopp i tkr' but holds kronor shown as tkr by a number format,
    which a macro cannot see: 'Enhet' = kr in Inställningar says how the values are stored.
    Styrelse Budget 2023 -389 700 kr × 0,9 = -350 730, rounded to 1 000 kr: -351 000 kr.
    Read as tkr, every value would be a thousand times too large in the model and -350 730
    would be written back."""
    from test_headers import _tkr_sheet
    path = tmp_path / "tkr.xlsx"
    _tkr_sheet(path, scaled=True)
    rules = [["Rad", "Faktorer", "Index %", "Steg kr", "Avrundning"], ["Styrelse", "0,9", None, None, 1000]]
    payload = book_json(path, [("Planregler", rules), ("Inställningar", [["Enhet", "kr"]])])
    writes = {(a["start_row"], a["start_column"]): a["values"] for a in run_script("fyll_i_planar", payload)
              if a["func"] == "setValues" and a["sheet_position"] == 0}
    assert writes[(4, 2)] == [[-351_000]]                  # C5, Plan 2024
    bad = book_json(path, [("Planregler", rules), ("Inställningar", [["Enhet", "tusental"]])])
    with pytest.raises(Exception, match='Enhet ska vara "kr" eller "tkr"'):
        run_script("fyll_i_planar", bad)


def test_kontroll_says_uncertain_with_the_rows():
    """No reading explains SUMMA KOSTNADER (-400 000 / -450 000 against 300 000 of costs):
    the function says so in its first row instead of listing a confident finding."""
    labels = col(["Medel från huvudmännen", "Styrelse", "Kansli", "SUMMA KOSTNADER", "RESULTAT"])
    amounts = [[1_000_000, 1_000_000], [-100_000, -100_000], [-200_000, -200_000],
               [-400_000, -450_000], [700_000, 700_000]]
    out = call("finsam_kontroll", labels, amounts, [["Budget 2025", "Budget 2026"]])
    assert out[0][0].startswith("OSÄKER TOLKNING: 'SUMMA KOSTNADER' stämmer inte i 2 kolumner")
    assert any(str(row[0]).startswith("Osäkra rader: rad 6 ('SUMMA KOSTNADER')") for row in out)
    assert ["Rad", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"] in out


def test_one_column_that_cannot_tell_a_typo_from_a_misreading_says_osaker():
    """Kramfors' Budget 2020 alone: 'Aktivitetscoach STEGSAM Plus' is empty in 2020, so
    'Summa kostnader/utgifter' (1 678 000) matches no run of the rows above; which rows it
    sums cannot be told from one column. Osäker, with the rows named; with Budget 2021
    beside it the reading is certain and every total adds up."""
    ws = openpyxl.load_workbook(WORKBOOKS / "kramfors_2021.xlsx")["Resultatbudget"]
    labels = [ws.cell(r, 1).value for r in range(5, 30)]
    b2020 = [ws.cell(r, 2).value for r in range(5, 30)]
    b2021 = [ws.cell(r, 3).value for r in range(5, 30)]
    out = call("finsam_kontroll", col(labels), col(b2020), [["Budget 2020"]])
    assert out[0][0].startswith("OSÄKER TOLKNING: inget urval av raderna ovanför ger 'Summa kostnader/utgifter'")
    assert "rad 15 ('Summa kostnader/utgifter')" in out[1][0]
    assert call("finsam_kontroll", col(labels), [[a, b] for a, b in zip(b2020, b2021)],
                [["Budget 2020", "Budget 2021"]]) == [["OK"]]


def test_follow_up_functions_on_the_kramfors_and_vastmanland_figures():
    """The same core as finsam uppfoljning (tests/test_followup.py works these out by hand)."""
    # Kramfors STEGSAM: 950 000 a year, 8 months -> 633 333,33; utfall 640 000
    assert call("finsam_periodisera", [[-950_000]], [[8]]) == [[-633_333.33]]
    assert call("finsam_avvikelse", [[-950_000]], [[-640_000]], [[8 / 12]]) == [[-6_666.67]]
    assert call("finsam_avvikelse", [[-633_333.33]], [[-640_000]]) == [[-6_666.67]]
    assert call("finsam_prognos", [[-950_000]], [[-640_000]], [[8]]) == [[-956_666.67]]
    assert call("finsam_prognos", [[-330_000]], [[-110_000]], [[8]], [["linjär"]]) == [[-165_000]]
    # a key: Drittbidrag from the state quarterly (jan, apr, jul, okt): 3 of 4 by August
    key = [[1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]]
    assert call("finsam_periodisera", [[1_296_000]], [[8]], key) == [[972_000]]


@pytest.mark.parametrize("func_name, args, message", [
    ("finsam_periodisera", ([[100]], [[13]]), "till_manad ska vara en månad 1–12"),
    ("finsam_periodisera", ([[100]], [[8]], [[1, 2]]), "nyckel ska ha tolv vikter"),
    ("finsam_prognos", ([[100]], [[50]], [[8]], [["snabb"]]), "metod ska vara rest eller linjär"),
    ("finsam_avvikelse", ([[100]], [["x"]]), "'x' är inte ett belopp"),
    ("finsam_avvikelse", ([[100]], [[50]], [[2]]), "andel_av_aret ska vara mellan 0 och 1"),
])
def test_follow_up_functions_bad_arguments(func_name, args, message):
    with pytest.raises(ValueError) as info:
        call(func_name, *args)
    assert message in str(info.value)


def test_uppfoljning_macro_from_a_pasted_resultatrapport():
    """Västmanland Budget 2025 against the resultatrapport of tests/test_followup.py,
    pasted into a sheet Utfall; Period 2025-08 in Inställningar. Same figures as there."""
    utfall = [["Resultatrapport januari–augusti 2025"], [None],
              ["Konto", "Benämning", "Objekt", "Utfall ack."],
              [3010, "Medel från huvudmännen", None, -12_639_000],
              [4010, "Styrelse, arvoden", None, 400_000],
              [4530, "Köp av verksamhet", "FNS", 1_150_000],
              [7990, "Övriga kostnader", None, 12_345.67]]
    payload = book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx",
                        [("Utfall", utfall), ("Inställningar", [["Period", "2025-08"]])])
    actions = run_script("uppfoljning", payload)
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == ["Uppföljning", "Per månad", "Kontomappning", "Ej mappat", "Avstämning"]
    first = next(a for a in actions if a["func"] == "setValues")["values"]
    rows = {r[0]: r for r in first if r and r[0]}
    # Samordningsteam FNS: budget 1 650 000, 8/12 = 1 100 000, utfall 1 150 000
    assert rows["Samordningsteam FNS"][2:5] == [-1_650_000, -1_100_000, -1_150_000]
    assert rows["Medel från huvudmännen"][3:5] == [12_638_666.67, 12_639_000]
    unmapped = next(a["values"] for a in actions if a["func"] == "setValues" and a["sheet_position"] == added_position(actions, "Ej mappat"))
    assert ["7990", "", "Övriga kostnader", -12_345.67] in unmapped


def added_position(actions, name):
    return next(a["args"][0] for a in actions if a["func"] == "addSheet" and a["args"][1] == name)


def test_uppfoljning_macro_without_utfall_is_a_swedish_error():
    with pytest.raises(Exception) as info:
        run_script("uppfoljning", book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx"))
    assert "klistra in resultatrapporten i ett blad som heter 'Utfall'" in str(info.value)


def test_uppfoljning_macro_takes_the_period_excel_made_a_date():
    """Typed into a cell, "2025-08" becomes a date in Excel (a serial number in the web
    payload); the macro reads it as August 2025, as it reads "2025-T2"."""
    utfall = [["Konto", "Benämning", "Objekt", "Utfall ack."],
              [3010, "Medel från huvudmännen", None, -12_639_000],
              [4530, "Köp av verksamhet", "FNS", 1_150_000]]
    results = []
    for period in (45870, "2025-T2"):
        payload = book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx",
                            [("Utfall", utfall), ("Inställningar", [["Period", period]])])
        actions = run_script("uppfoljning", payload)
        first = next(a for a in actions if a["func"] == "setValues")["values"]
        rows = {r[0]: r for r in first if r and r[0]}
        results.append(rows["Samordningsteam FNS"][2:5])
    assert results[0] == results[1] == [-1_650_000, -1_100_000, -1_150_000]
