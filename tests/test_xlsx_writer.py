"""The small xlsx writer makes the same workbook as XlsxWriter for the same calls.

Both files are opened with openpyxl and compared cell by cell: values, formulas,
number formats, fonts, fills, borders, alignment, column widths, frozen panes,
autofilter, print setup and the defined names behind them.
"""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from xlplugin.io import xlsx_writer
from xlplugin.io.engines import open_workbook

xlsxwriter = pytest.importorskip("xlsxwriter")

FORMATS = {
    "title": {"bold": True, "font_size": 14},
    "note": {"italic": True, "font_color": "#555555"},
    "head": {"bold": True, "bg_color": "#DDEBF7", "align": "center", "text_wrap": True, "valign": "vcenter"},
    "money": {"num_format": "#,##0;[Red]-#,##0"},
    "money_bold": {"num_format": "#,##0;[Red]-#,##0", "bold": True, "top": 1},
    "indent": {"indent": 1},
    "pct": {"num_format": "0%"},
    "unmapped": {"bg_color": "#FFF2CC"},
}


def _build(wb):
    """The same calls on either library's Workbook."""
    f = {name: wb.add_format(props) for name, props in FORMATS.items()}
    ws = wb.add_worksheet("Sammanställning")
    ws.write(0, 0, "Sammanställning av Kramfors & Sollefteå <län>", f["title"])
    ws.write(1, 0, "Belopp i kronor", f["note"])
    ws.write_row(3, 0, ["Kategori", "Kramfors", "NV", "Summa"], f["head"])
    ws.write(4, 0, "Medlemsbidrag", f["indent"])
    ws.write_number(4, 1, 1_296_000, f["money"])
    ws.write_number(4, 2, -3_350_000, f["money"])
    ws.write_formula(4, 3, "=SUM(B5:C5)", f["money_bold"])
    ws.write_number(5, 1, Decimal("648000"), f["money"])
    ws.write(5, 2, 0.2, f["pct"])
    ws.write(6, 0, "  leading spaces kept")
    ws.write(6, 1, True)
    ws.write(7, 0, "Ej klassificerat", f["unmapped"])
    ws.write_formula(7, 3, '=IF(D5>0,"Över taket","Inom ramen")')
    ws.set_column(0, 0, 36)
    ws.set_column(1, 3, 18)
    ws.freeze_panes(4, 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_header("&LLänsbudget – sammanställning")
    ws.set_footer("&RSida &P av &N")
    ws2 = wb.add_worksheet("Per förbund")
    ws2.write_row(3, 0, ["Förbund", "Rad", "Budget 2026"], f["head"])
    for r in range(4, 40):
        ws2.write_row(r, 0, [f"Förbund {r % 3}", f"Rad {r}"])
        ws2.write_number(r, 2, r * 1000 - 17_000, f["money"])
    ws2.autofilter(3, 0, 39, 2)
    ws2.freeze_panes(4, 0)
    ws2.repeat_rows(3)
    ws3 = wb.add_worksheet("O'Brien")
    ws3.write(0, 0, "apostrophe in the sheet name")
    ws3.freeze_panes(0, 2)
    ws3.repeat_rows(0)
    return wb


@pytest.fixture()
def pair(tmp_path):
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    wb = _build(xlsx_writer.Workbook(ours))
    wb.close()
    wb = _build(xlsxwriter.Workbook(str(theirs), {"strings_to_numbers": False, "strings_to_formulas": False}))
    wb.close()
    return ours, theirs


def _style(cell):
    return (cell.number_format, bool(cell.font.b), bool(cell.font.i), cell.font.sz,
            cell.font.color.rgb if cell.font.color is not None and cell.font.color.type == "rgb" else None,
            cell.fill.fill_type, cell.fill.fgColor.rgb if cell.fill.fill_type else None,
            cell.border.top.style, cell.alignment.horizontal, cell.alignment.vertical,
            cell.alignment.indent, bool(cell.alignment.wrap_text))


def test_cells_and_styles_equal_xlsxwriter(pair):
    ours, theirs = (openpyxl.load_workbook(p) for p in pair)
    assert ours.sheetnames == theirs.sheetnames
    for name in ours.sheetnames:
        a, b = ours[name], theirs[name]
        assert a.max_row == b.max_row and a.max_column == b.max_column, name
        for row_a, row_b in zip(a.iter_rows(), b.iter_rows()):
            for ca, cb in zip(row_a, row_b):
                assert ca.value == cb.value, ca.coordinate
                assert _style(ca) == _style(cb), (name, ca.coordinate)


def test_sheet_settings_equal_xlsxwriter(pair):
    ours, theirs = (openpyxl.load_workbook(p) for p in pair)
    for name in ours.sheetnames:
        a, b = ours[name], theirs[name]
        assert a.freeze_panes == b.freeze_panes, name
        assert a.auto_filter.ref == b.auto_filter.ref, name
        assert a.print_title_rows == b.print_title_rows, name
        assert a.page_setup.orientation == b.page_setup.orientation, name
        assert a.page_setup.paperSize == b.page_setup.paperSize, name
        assert a.page_setup.fitToWidth == b.page_setup.fitToWidth, name
        assert a.page_setup.fitToHeight == b.page_setup.fitToHeight, name
        assert a.sheet_properties.pageSetUpPr.fitToPage == b.sheet_properties.pageSetUpPr.fitToPage \
            if b.sheet_properties.pageSetUpPr else a.sheet_properties.pageSetUpPr is None
        assert a.oddHeader.left.text == b.oddHeader.left.text, name
        assert a.oddFooter.right.text == b.oddFooter.right.text, name
        widths = lambda ws: {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}  # noqa: E731
        assert widths(a) == widths(b), name
    assert ours["Sammanställning"]["A1"].value.startswith("Sammanställning av Kramfors & Sollefteå <län>")
    assert ours["Per förbund"].print_title_rows == "$4:$4"
    assert ours["O'Brien"].print_title_rows == "$1:$1"


def test_read_back_by_our_reader(pair):
    ours, _ = pair
    wb = open_workbook(str(ours), "xlsx")
    sheet = wb.get_sheet_data("Sammanställning")
    wb.close()
    assert sheet.value(4, 1) == 1_296_000 and sheet.value(4, 2) == -3_350_000
    assert sheet.cell(4, 3).formula == "SUM(B5:C5)" and sheet.value(4, 3) is None  # no cached result
    assert sheet.cell(0, 0).bold and sheet.cell(4, 0).indent == 1
    assert sheet.value(6, 0) == "  leading spaces kept"


def test_text_is_never_a_formula_and_control_characters_are_dropped(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsx_writer.Workbook(path)
    ws = wb.add_worksheet("Blad1")
    ws.write(0, 0, "=SUM(A2:A3)")
    ws.write(1, 0, "Rad\x01 med styrtecken")
    wb.close()
    ws = openpyxl.load_workbook(path)["Blad1"]
    assert ws["A1"].data_type == "s" and ws["A1"].value == "=SUM(A2:A3)"
    assert ws["A2"].value == "Rad med styrtecken"


@pytest.mark.parametrize("name", ["", "x" * 32, "a/b", "Blad[1]"])
def test_bad_sheet_names_are_refused(tmp_path, name):
    with pytest.raises(ValueError):
        xlsx_writer.Workbook(tmp_path / "t.xlsx").add_worksheet(name)


def test_unknown_format_property_is_refused(tmp_path):
    with pytest.raises(ValueError):
        xlsx_writer.Workbook(tmp_path / "t.xlsx").add_format({"underline": 1})


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
_numbers = st.one_of(st.integers(min_value=-10**15, max_value=10**15),
                     st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.one_of(_texts, _numbers, st.none()), min_size=1, max_size=6),
                     min_size=1, max_size=12))
def test_whatever_is_written_reads_back_the_same(tmp_path_factory, rows):
    """Text (any characters XML can carry; others are dropped), whole and decimal numbers
    and blanks come back from openpyxl as written."""
    import re
    path = tmp_path_factory.mktemp("w") / "t.xlsx"
    wb = xlsx_writer.Workbook(path)
    ws = wb.add_worksheet("Blad1")
    for r, row in enumerate(rows):
        ws.write_row(r, 0, row)
    wb.close()
    back = openpyxl.load_workbook(path)["Blad1"]
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            got = back.cell(row=r + 1, column=c + 1).value
            if v is None or (isinstance(v, str) and not control.sub("", v)):
                assert got is None
            elif isinstance(v, str):
                assert got == control.sub("", v).replace("\r\n", "\n").replace("\r", "\n") or \
                    got == control.sub("", v)
            else:
                assert Decimal(str(got)) == Decimal(v)
