"""The own OOXML reader on what Excel writes and openpyxl understands: shared formulas
(the dependents carry no text of their own) and the 1904 date system."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pytest

from xlplugin.core.totals import column_totals
from xlplugin.errors import ReadError
from xlplugin.io.engines import open_workbook
from xlplugin.io.engines._xlsx import shift_formula
from xlplugin.io.reader import read_budget


@pytest.mark.parametrize("text, rows, cols, moved", [
    ("SUM(B2:B4)", 0, 1, "SUM(C2:C4)"),
    ("$B$2+B3", 2, 0, "$B$2+B5"),
    ("B$2+$C3", 1, 1, "C$2+$C4"),
    ('LOG10(A1)&"A1"', 1, 1, 'LOG10(B2)&"A1"'),     # a function's name and text stay
    ("Blad1!C5*2", -1, -1, "Blad1!B4*2"),
    ("A1", -1, 0, "#REF!"),
])
def test_a_shared_formula_moves_as_excel_fills_it(text, rows, cols, moved):
    assert shift_formula(text, rows, cols) == moved


def _shared_formula_book(path):
    """Budget 2025 and Plan 2026 with SUMMA KOSTNADER as one shared formula over both
    columns, and no cached values: C7's formula exists only as "shared, si 0"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in [["Samordningsförbundet Test"], [None, "Budget 2025", "Plan 2026"],
                ["Medel från huvudmännen", 1_000_000, 1_100_000], ["Styrelse", -200_000, -210_000],
                ["Kansli", -300_000, -320_000], ["Insatser", -400_000, -450_000],
                ["SUMMA KOSTNADER", "=SUM(B4:B6)", "=SUM(C4:C6)"], ["RESULTAT", "=B3+B7", "=C3+C7"]]:
        ws.append(row)
    plain = path.with_name("plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                xml = re.sub(r'<c r="B7"([^>]*)><f>SUM\(B4:B6\)</f><v ?/></c>',
                             r'<c r="B7"\1><f t="shared" ref="B7:C7" si="0">SUM(B4:B6)</f></c>', xml)
                xml = re.sub(r'<c r="C7"([^>]*)><f>SUM\(C4:C6\)</f><v ?/></c>',
                             r'<c r="C7"\1><f t="shared" si="0"/></c>', xml)
                assert 'si="0"/>' in xml, xml[:2000]
                data = xml.encode()
            zout.writestr(info, data)
    return path


@pytest.mark.parametrize("engine", ["xlsx", "openpyxl"])
def test_a_shared_formula_without_a_cached_value_is_read_and_computed(tmp_path, engine):
    path = _shared_formula_book(tmp_path / "delad.xlsx")
    if engine == "xlsx":
        wb = open_workbook(str(path), "xlsx")
        sheet = wb.get_sheet_data("Budget")
        wb.close()
        assert sheet.cell(6, 2).formula == "SUM(C4:C6)"
    b = read_budget(path, engine=engine)
    assert {h: (t.intakter, t.kostnader) for h, t in column_totals(b).items()} == {
        "Budget 2025": (1_000_000, -900_000), "Plan 2026": (1_100_000, -980_000)}
    summa = next(ln for ln in b.lines if ln.label == "SUMMA KOSTNADER")
    assert summa.values == {"Budget 2025": -900_000, "Plan 2026": -980_000}


@pytest.mark.parametrize("engine", ["xlsx", "openpyxl"])
def test_dates_in_the_1904_system(tmp_path, engine):
    """A date where an amount belongs is named as the date it is, in either date system."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    for row in [["Samordningsförbundet Test"], [None, "Budget 2025"],
                ["Medel från huvudmännen", 1000], ["Styrelse", dt.date(2025, 1, 15)]]:
        ws.append(row)
    path = tmp_path / "datum1904.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        assert 'date1904="1"' in z.read("xl/workbook.xml").decode()
    with pytest.raises(ReadError, match="'2025-01-15' är inte ett belopp"):
        read_budget(path, engine=engine)
