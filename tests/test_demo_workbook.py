"""The demo workbook: every function and macro is used, and every formula in it works.

Each formula in workbooks/demo_excel_funktioner.xlsx is evaluated here the way Excel
would call it through Office.js: its range arguments are read from the workbook and
sent to xlwings' custom_functions_call.
"""

import re

import openpyxl
import pytest
import xlwings as xw
import xlwings.server as server
from openpyxl.utils import range_boundaries

from conftest import WORKBOOKS, run_sync
from test_excel_functions import FUNCTIONS, book_json, run_script
from xlplugin.excel import functions as F

DEMO = WORKBOOKS / "demo_excel_funktioner.xlsx"


def split_args(text):
    out, depth, cur, quote = [], 0, "", False
    for ch in text:
        if ch == '"':
            quote = not quote
        if not quote and ch == "(":
            depth += 1
        if not quote and ch == ")":
            depth -= 1
        if ch == "," and depth == 0 and not quote:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def evaluate(wb, formula):
    m = re.fullmatch(r"=?([A-Z_]+)\((.*)\)", formula.strip())
    name, args = m.group(1), split_args(m.group(2))
    values = []
    for a in args:
        a = a.strip()
        if not a:
            values.append([[None]])
        elif a.startswith('"'):
            values.append([[a.strip('"')]])
        elif re.fullmatch(r"-?\d+(\.\d+)?", a):
            values.append([[float(a)]])
        elif a.startswith("FINSAM_"):
            values.append(evaluate(wb, a))
        else:
            sheet, ref = a.rsplit("!", 1)
            ws = wb[sheet.strip("'")]
            c1, r1, c2, r2 = range_boundaries(ref)
            values.append([[ws.cell(r, c).value for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)])
    data = {"client": "Office.js", "func_name": name.lower(), "args": values,
            "caller_address": "[demo.xlsx]Funktioner!C5", "culture_info_name": "sv-SE",
            "date_format": "yyyy-MM-dd", "version": xw.__version__, "runtime": "1.4"}
    return run_sync(server.custom_functions_call(data, F))


@pytest.fixture(scope="module")
def demo():
    return openpyxl.load_workbook(DEMO)


def formulas(wb):
    ws = wb["Funktioner"]
    return [c.value for row in ws.iter_rows(min_col=3, max_col=3) for c in row
            if isinstance(c.value, str) and c.value.startswith("=")]


def test_every_function_is_used(demo):
    used = {name for f in formulas(demo) for name in re.findall(r"FINSAM_[A-Z_]+", f)}
    assert used == set(FUNCTIONS)


def test_every_formula_evaluates(demo):
    results = {f: evaluate(demo, f) for f in formulas(demo)}
    assert all(r and r[0] for r in results.values())
    got = list(results.values())
    assert got[0] == [[-20_982_000, -20_204_000, -18_226_600, -18_636_000]]   # kostnader
    assert got[2] == [[-1_944_000, -1_246_000, 731_400, 322_000]]             # resultat
    assert got[3][1][:6] == [24, "Summa metoder, arbetssätt och strukturpåverkande insatser",
                             "Plan 2027", -4_262_000, -4_237_000, -25_000]
    assert got[4] == [[-1_369_500, -1_164_000]]
    assert got[6] == [[1_000_700, 1_732_100, 2_054_100]]
    assert sum(row[2] for row in got[11][1:-1]) == 18_958_000      # medlemsbidrag add up
    # follow-up on Samordningsteam FNS, Budget 2025 1 650 000: 8/12 is 1 100 000; an
    # utfall of 1 150 000 is 50 000 over; utfall + the remaining 550 000 = 1 700 000
    assert got[-3:] == [[[-1_100_000]], [[-50_000]], [[-1_700_000]]]


def test_macros_run_on_the_demo(demo):
    payload = book_json(DEMO)
    for name in ("kontrollera_budget", "fyll_i_planar", "uppdatera_eget_kapital", "skapa_styrelseunderlag"):
        actions = run_script(name, payload)
        assert actions, name
