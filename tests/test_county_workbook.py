"""The county workbook as XlsxWriter writes it: its content, not another writer's bytes.

Values, formulas, print setup, panes and filters are read back with openpyxl; the totals
themselves are recalculated in LibreOffice and compared with the core in test_consolidate."""

from __future__ import annotations

import openpyxl

from conftest import WORKBOOKS
from xlplugin.core.consolidation import consolidate
from xlplugin.io.consolidation_writer import SUMMARY, write_consolidation
from xlplugin.io.reader import read_budget

KRAMFORS = WORKBOOKS / "kramfors_2021.xlsx"
NV2023 = WORKBOOKS / "norra_vastmanland_2023_tkr.xlsx"


def _county(tmp_path):
    cons = consolidate([(read_budget(p).organisation, read_budget(p)) for p in (NV2023, KRAMFORS)],
                       keys=["budget 2023"])
    path = tmp_path / "lan.xlsx"
    cells = write_consolidation(cons, path)
    return cons, cells, openpyxl.load_workbook(path)


def test_sheets_totals_are_formulas_and_amounts_are_numbers(tmp_path):
    cons, cells, wb = _county(tmp_path)
    assert wb.sheetnames == [SUMMARY, "Per förbund", "Mappning", "Elimineringar", "Eget kapital", "Avstämning"]
    ws = wb[SUMMARY]
    c = cells["budget 2023"]
    for measure in ("intakter", "kostnader", "resultat"):
        assert ws[c[measure]].data_type == "f", measure           # live, not a typed figure
    # each förbund's category amount is a number, in kronor (NV's tkr converted)
    numbers = [cell.value for row in ws.iter_rows() for cell in row[1:3]
               if isinstance(cell.value, int) and not isinstance(cell.value, bool)]
    assert 7_030_000 in numbers and 2_581_334 in numbers


def test_print_setup_panes_and_filters(tmp_path):
    _, _, wb = _county(tmp_path)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title             # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.oddFooter.right.text == "Sida &P av &N", ws.title
        assert ws.oddHeader.left.text.startswith("Länsbudget"), ws.title
    assert wb[SUMMARY].freeze_panes == "B4"
    assert wb["Per förbund"].auto_filter.ref and wb["Per förbund"].freeze_panes == "G5"
    assert wb["Per förbund"].print_title_rows == "$4:$4"


def test_texts_stay_texts(tmp_path):
    """A label that looks like a number or a formula is written as text."""
    from xlplugin.io.ranges import budget_from_ranges
    weird = budget_from_ranges([["=SUM(A1:A2)"], ["2025"], ["RESULTAT"]],
                               [[1_000_000], [-1_000_000], [0]], [["Budget 2025"]])
    cons = consolidate([("Förbund =1+1", weird)], keys=["budget 2025"])
    path = tmp_path / "lan.xlsx"
    write_consolidation(cons, path)
    ws = openpyxl.load_workbook(path)["Mappning"]
    texts = [c for row in ws.iter_rows() for c in row if c.value in ("=SUM(A1:A2)", "2025", "Förbund =1+1")]
    assert texts and all(c.data_type == "s" for c in texts)
