"""Fuzzing (bounded, runs in CI): the cell parser, layout detection and the file reader
never fail with anything but a clear ReadError, whatever they are given."""

import zipfile
from decimal import Decimal
from io import BytesIO

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import WORKBOOKS
from xlplugin.core.check import check_budget
from xlplugin.errors import ReadError
from xlplugin.io.cells import ExcelError, NotAnAmount, parse_amount
from xlplugin.io.ranges import budget_from_sheet, raw_sheet
from xlplugin.io.reader import read_budget

LABELS = ["Medel från huvudmännen", "Styrelse", "- Team A", "Summa kostnader", "SUMMA INTÄKTER",
          "RESULTAT", "Individinsatser", "Budget 2025", "Plan 2026", "Prognos 2024", "Belopp i tkr",
          "Eget kapital 31/12", "IB", "UB", "BALANSBUDGET", "4530 Bidrag", "Årets resultat", ""]
CELL = st.one_of(
    st.none(), st.sampled_from(LABELS), st.integers(-10**9, 10**9),
    st.decimals(min_value=-10**7, max_value=10**7, places=2, allow_nan=False),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["7 046 000 kr", "(1 234)", "1 550,5", "−5 333", "- 41 000*", "abc", "#REF!", "7 246 tkr"]),
    st.builds(ExcelError, st.sampled_from(["#REF!", "#DIV/0!", "#N/A"])),
    st.integers(1990, 2035), st.text(max_size=12),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=0, max_size=6), min_size=0, max_size=14))
def test_layout_detection_never_crashes(grid):
    sheet = raw_sheet("Budget", grid)
    try:
        budget = budget_from_sheet(sheet, "fuzz.xlsx")
    except ReadError as exc:
        assert exc.message
        return
    result = check_budget(budget)          # the core copes with whatever was read
    for t in result.totals.values():
        assert isinstance(t.intakter, int) and isinstance(t.kostnader, int)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.decimals(allow_nan=False,
                                                                                 allow_infinity=False)))
def test_cell_parser_never_crashes(value):
    try:
        a = parse_amount(value)
    except NotAnAmount:
        return
    assert a is None or isinstance(a.value, Decimal)


GOOD = (WORKBOOKS / "norra_vastmanland_2021_2023.xlsx").read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       st.sampled_from(["xlsx", "openpyxl"]))
def test_damaged_files_give_a_read_error(tmp_path_factory, flips, engine):
    data = bytearray(GOOD)
    for pos, byte in flips:
        data[pos] = byte
    path = tmp_path_factory.mktemp("fuzz") / "skadad.xlsx"
    path.write_bytes(bytes(data))
    try:
        read_budget(path, engine=engine)
    except ReadError as exc:
        assert exc.message and exc.path == str(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=0, max_size=400))
def test_damaged_sheet_xml_gives_a_read_error(tmp_path_factory, junk):
    """A sheet part replaced by arbitrary bytes."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(GOOD)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            zout.writestr(info, junk if info.filename == "xl/worksheets/sheet1.xml" else body)
    path = tmp_path_factory.mktemp("fuzz") / "skadat_blad.xlsx"
    path.write_bytes(out.getvalue())
    try:
        read_budget(path)
    except ReadError as exc:
        assert exc.message


# --- the DTD guard: any prolog, any encoding -----------------------------------------------

_ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "latin-1", "cp1252"]
_BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
         "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
_MISC = st.one_of(
    st.builds(lambda t: f"<!--{t}-->", st.text(alphabet="abcåäö <>!?-DOCTYPE", max_size=200)
              .filter(lambda t: "--" not in t and not t.endswith("-"))),
    st.builds(lambda t: f"<?pi {t}?>", st.text(alphabet="abc <!DOCTYPE>", max_size=40)
              .filter(lambda t: "?>" not in t and not t.endswith("?"))),
    st.sampled_from([" ", "\n", "\r\n", "\t"]),
)


@settings(max_examples=400, deadline=None)
@given(encoding=st.sampled_from(_ENCODINGS), bom=st.booleans(),
       declared=st.sampled_from(["UTF-8", "UTF-16", "UTF-32", "ISO-8859-1", "windows-1252", None]),
       before=st.lists(_MISC, max_size=6), after=st.lists(_MISC, max_size=3),
       doctype=st.booleans(), padding=st.integers(0, 9000))
def test_the_dtd_guard_sees_a_doctype_in_any_encoding_after_any_prolog(
        encoding, bom, declared, before, after, doctype, padding):
    """Whatever the declaration claims, a DOCTYPE before the root element is found: after
    comments, processing instructions and white space, with or without a byte-order mark,
    in every encoding a part may be written in; and nothing is found where there is none
    (not even "<!DOCTYPE" inside a comment)."""
    from xlplugin.io.engines import prolog_has_dtd
    decl = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    text = (decl + "".join(before) + ("<!--" + "x" * padding + "-->" if padding else "")
            + ('<!DOCTYPE x [<!ENTITY e "e">]>' if doctype else "") + "".join(after)
            + "<worksheet><v>1</v></worksheet>")
    data = (_BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding)
    assert prolog_has_dtd(data) is doctype
    # read in pieces as the package scan does: never a wrong answer, only "read on"
    cut = data[:max(4, len(data) // 3)]
    assert prolog_has_dtd(cut, complete=False) in (None, doctype)
