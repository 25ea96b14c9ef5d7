"""The Excel face as xlwings Lite runs it: through `xlwings_lite/main.py`, the file a user
pastes into the xlwings Lite pane, with the installed wheel.

`bash scripts/test-pyodide.sh` runs this file (with test_excel_functions.py and
test_demo_workbook.py) inside Pyodide, the WebAssembly CPython of xlwings Lite, on the
oldest and the newest pinned Pyodide; the ordinary suite runs it in CPython too. In
Pyodide the tests also show that the paths that cannot work there (fork, subprocess,
LibreOffice, os._exit) are never reached.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import openpyxl
import pytest
import xlwings as xw
import xlwings.server as server

from conftest import IN_PYODIDE, ROOT, WORKBOOKS, run_sync
from test_excel_functions import book_json

in_pyodide_only = pytest.mark.skipif(not IN_PYODIDE, reason="only inside Pyodide (scripts/test-pyodide.sh)")


def _main():
    """xlwings_lite/main.py loaded as xlwings Lite loads its main.py: a module named main."""
    spec = importlib.util.spec_from_file_location("main", ROOT / "xlwings_lite" / "main.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


MAIN = _main()


def call(func_name, *args):
    """The body xlwings Lite's add-in sends for a cell =FUNC(…), answered by main.py."""
    data = {"client": "Office.js", "func_name": func_name,
            "args": [a if isinstance(a, list) else [[a]] for a in args],
            "caller_address": "[Bok1.xlsx]Blad1!H5", "culture_info_name": "sv-SE",
            "date_format": "yyyy-MM-dd", "version": xw.__version__, "runtime": "1.4"}
    return run_sync(server.custom_functions_call(data, MAIN))


def col(values):
    return [[v] for v in values]


def sheet_columns(path, sheet, first_row, last_row, cols):
    ws = openpyxl.load_workbook(path)[sheet]
    return [[ws.cell(r, c).value for r in range(first_row, last_row + 1)] for c in cols]


def run_script(name, payload):
    book = xw.Book(json=payload)
    return run_sync(server.custom_scripts_call(MAIN, name, typehint_to_value={xw.Book: book})).json()["actions"]


# --- main.py registers what the README promises ----------------------------------------------

def test_main_py_registers_every_function_and_macro():
    meta = server.custom_functions_meta(MAIN)
    names = {f["name"] for f in meta["functions"]}
    assert {"FINSAM_SUMMA", "FINSAM_KONTROLL", "FINSAM_PLANAR", "FINSAM_EK", "FINSAM_EK_TAK",
            "FINSAM_MEDLEMSBIDRAG", "FINSAM_NYCKELTAL", "FINSAM_AVVIKELSE", "FINSAM_PERIODISERA",
            "FINSAM_PROGNOS"} <= names
    scripts = {s["name"] for s in server.custom_scripts_meta(MAIN)}
    assert scripts >= {"Kontrollera budget", "Fyll i planår", "Uppdatera eget kapital", "Skapa styrelseunderlag",
                       "Uppföljning"}


# --- the seeds' numbers through main.py ------------------------------------------------------

def test_vastmanland_plan_years_and_equity():
    # Samordningsteam FNS 1 650 000 × 0,83 -> 1 369 500, × 0,85 -> 1 164 000 (nearest 500)
    assert call("finsam_planar", [[-1_650_000]], 2, col([0.83, 0.85]), None, None, 500) == [[-1_369_500, -1_164_000]]
    assert call("finsam_ek", [[2_246_700]], [[-1_246_000, 731_400, 322_000]]) == [[1_000_700, 1_732_100, 2_054_100]]


def test_kramfors_member_split():
    out = call("finsam_medlemsbidrag", [[2_592_000]], None, None)
    assert [row[2] for row in out[1:4]] == [1_296_000, 648_000, 648_000]


def test_kontroll_finds_the_vastmanland_plan_2027_discrepancy_on_values_alone():
    """The new reading on values alone (no formatting, no formulas): the seed's Plan 2027
    column as Excel hands it over, with its header; the −25 000 in E29 is found."""
    labels, plan_2027 = sheet_columns(WORKBOOKS / "vastmanland_2025_2027.xlsx", "Budget 2025-2027", 6, 33, (1, 5))
    out = call("finsam_kontroll", col(labels), col(plan_2027), [["Plan 2027"]])
    rows = {(r[1], r[2]): r for r in out[1:]}
    row = rows[("Summa metoder, arbetssätt och strukturpåverkande insatser", "Plan 2027")]
    assert row[3:6] == [-4_262_000, -4_237_000, -25_000]
    assert call("finsam_summa", col(labels), col(plan_2027), "resultat") == [[322_000]]


def test_a_bad_argument_is_a_swedish_error_not_a_crash():
    with pytest.raises(ValueError) as info:
        call("finsam_ek", "tio", [[1]])
    assert "ib: 'tio' är inte ett belopp" in str(info.value)
    assert "Traceback" not in str(info.value)
    assert call("finsam_ek_tak", [[2_592_000]]) == [[518_400]]      # and the next call works


# --- the four macros on a seed workbook, through main.py -------------------------------------

def test_the_four_macros_on_the_vastmanland_workbook():
    payload = book_json(WORKBOOKS / "vastmanland_2025_2027.xlsx", [
        ("Inställningar", [["Budgetår", 2025], ["Golv", 1_000_000]]),
        ("Planregler", [["Rad", "Faktorer", "Index %", "Steg kr", "Avrundning"],
                        ["Samordningsteam FNS", "0,83; 0,85", None, None, 500]])])
    actions = run_script("kontrollera_budget", payload)
    assert [(a["start_row"], a["start_column"]) for a in actions if a["func"] == "setRangeColor"] == [(28, 4), (29, 4)]
    equity = next(a for a in run_script("uppdatera_eget_kapital", payload) if a["func"] == "setValues")["values"]
    assert [(r[0], r[3]) for r in equity[2:]] == [(2024, 2_246_700), (2025, 1_000_700), (2026, 1_732_100),
                                                (2027, 2_054_100)]
    plans = [a for a in run_script("fyll_i_planar", payload) if a["func"] == "setValues"]
    assert any(-1_369_500 in row for a in plans for row in a["values"]), plans
    board = run_script("skapa_styrelseunderlag", payload)
    added = [a["args"][1] for a in board if a["func"] == "addSheet"]
    assert added[:2] == ["Styrelse Budget", "Styrelse Eget kapital"]
    grids = [a["values"] for a in board if a["func"] == "setValues"]
    assert any("=" in str(v) and "'Styrelse Budget'!" in str(v) for g in grids for row in g for v in row)


# --- what cannot work in Pyodide is never reached there -------------------------------------

@in_pyodide_only
def test_the_installed_wheel_is_tested_not_the_checkout():
    import xlplugin
    assert "site-packages" in xlplugin.__file__, xlplugin.__file__


@in_pyodide_only
def test_many_files_are_read_one_by_one_even_with_finsam_jobs(monkeypatch):
    """No process pool in Pyodide: FINSAM_JOBS=2 reads the files here, one after the other."""
    from xlplugin.io import reader

    # any import of the process pool (or of multiprocessing's pool machinery) fails here
    monkeypatch.setitem(sys.modules, "concurrent.futures.process", None)
    monkeypatch.setitem(sys.modules, "multiprocessing.pool", None)
    monkeypatch.setenv("FINSAM_JOBS", "2")
    files = sorted(WORKBOOKS.glob("[knv]*.xlsx")) * 2
    out = reader.read_budgets(files)
    assert len(out) == 10 and all(getattr(b, "lines", None) for b in out)
    assert reader._fork_context() is None


@in_pyodide_only
def test_no_libreoffice_and_no_process_exit_in_pyodide(monkeypatch):
    import subprocess

    from xlplugin.io import libreoffice
    from xlplugin.runtime import IN_PYODIDE, can_start_processes
    assert IN_PYODIDE and not can_start_processes()

    def no_process(*a, **k):
        raise AssertionError("a process was started in Pyodide")
    monkeypatch.setattr(subprocess, "run", no_process)
    assert libreoffice.soffice() is None
    with pytest.raises(libreoffice.LibreOfficeError, match="hittades inte"):
        libreoffice.convert([WORKBOOKS / "kramfors_2021.xlsx"], "xlsx", ROOT / "build")
    from xlplugin import cli
    monkeypatch.setattr(os, "_exit", no_process)
    monkeypatch.setattr(sys, "argv", ["finsam", "--help"])
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 0
