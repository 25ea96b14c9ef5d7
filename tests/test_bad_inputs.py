"""Bad input for every command: a Swedish message naming file (sheet, cell), exit code 2,
no traceback, nothing written, and the input byte for byte unchanged."""

import hashlib
import subprocess
import sys

import pytest

import bad_corpus
from conftest import ROOT, WORKBOOKS

NAMES = [name for name, _, _ in bad_corpus.CASES]
WORDS = {name: words for name, _, words in bad_corpus.CASES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool writes the password-protected case (test extra)")
    return bad_corpus.build(tmp_path_factory.mktemp("bad"))


def finsam(*args, cwd):
    return subprocess.run([sys.executable, "-m", "xlplugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def digest(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def listing(d):
    return sorted(p.name for p in d.iterdir())


def assert_clean_failure(p, path, before_hash, before_files, folder):
    assert p.returncode == 2, (p.stdout, p.stderr)
    assert "Traceback" not in p.stderr + p.stdout
    assert p.stderr.startswith("fel: ")
    assert str(path) in p.stderr
    assert digest(path) == before_hash
    assert listing(folder) == before_files


@pytest.mark.parametrize("engine", ["xlsx", "openpyxl"])
@pytest.mark.parametrize("name", NAMES)
def test_check(corpus, name, engine):
    path = corpus[name]
    folder = path.parent
    h, files = digest(path), listing(folder)
    p = finsam("check", "--motor", engine, path, cwd=folder)
    assert_clean_failure(p, path, h, files, folder)
    assert WORDS[name] in p.stderr, p.stderr
    if name in bad_corpus.CELLS:
        assert f"cell {bad_corpus.CELLS[name]}" in p.stderr, p.stderr


@pytest.mark.parametrize("name", NAMES)
def test_board_writes_nothing(corpus, name, tmp_path):
    path = corpus[name]
    h, files = digest(path), listing(path.parent)
    out = tmp_path / "Styrelseunderlag.xlsx"
    p = finsam("board", path, "--year", "2025", "-o", out, cwd=tmp_path)
    assert_clean_failure(p, path, h, files, path.parent)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", NAMES)
def test_consolidate_writes_nothing(corpus, name, tmp_path):
    path = corpus[name]
    h, files = digest(path), listing(path.parent)
    good = WORKBOOKS / "kramfors_2021.xlsx"
    good_hash = digest(good)
    out = tmp_path / "Lansbudget.xlsx"
    p = finsam("consolidate", good, path, "-o", out, cwd=tmp_path)
    assert_clean_failure(p, path, h, files, path.parent)
    assert list(tmp_path.iterdir()) == [] and digest(good) == good_hash


def test_hidden_rows_and_sheets_are_reported(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in [["Samordningsförbundet Test"], [], [None, "Budget 2025"], ["Medel från huvudmännen", 1_000_000],
                ["Styrelse", -100_000], ["Dold rad", -50_000], ["RESULTAT", 850_000]]:
        ws.append(row)
    ws.row_dimensions[6].hidden = True
    hidden = wb.create_sheet("Gammal budget")
    hidden.append([None, "Budget 2020"])
    hidden.sheet_state = "hidden"
    path = tmp_path / "dolda.xlsx"
    wb.save(path)
    p = finsam("check", path, cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Dolda rader ingår i beräkningen: 6." in p.stdout
    assert "Dolda blad lästes inte: Gammal budget." in p.stdout


def test_an_internal_error_is_one_line_without_traceback(tmp_path, monkeypatch):
    """Even a bug ends as a Swedish message with exit code 2."""
    script = ("import sys, xlplugin.core.check as c\n"
              "def boom(*a, **k): raise RuntimeError('oj')\n"
              "c.check_budget = boom\n"
              "from xlplugin.cli import main\n"
              "sys.argv = ['finsam', 'check', sys.argv[1]]\nmain()\n")
    p = subprocess.run([sys.executable, "-c", script, str(WORKBOOKS / "kramfors_2021.xlsx")],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 2
    assert "internt fel" in p.stderr and "Traceback" not in p.stderr


def _long_sheet(path, n):
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Budget")
    ws.write_row(0, 0, ["Samordningsförbundet Stor"])
    ws.write_row(2, 0, [None, "Budget 2025", "Plan 2026"])
    ws.write_row(3, 0, ["Medel från huvudmännen", 100 * n, 100 * n])
    for r in range(4, 4 + n):
        ws.write_row(r, 0, [f"Insats {r}", -100, -100])
    ws.write_row(4 + n, 0, ["RESULTAT", 0, 0])
    wb.close()


def test_sheet_with_100_000_rows_is_read(tmp_path):
    """Bounded: it is read in one pass (a few seconds, a few hundred MB), totals exact."""
    path = tmp_path / "lang.xlsx"
    _long_sheet(path, 100_000)
    p = finsam("check", "--json", path, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    import json
    f = json.loads(p.stdout)["files"][0]
    assert f["totals"]["Budget 2025"] == {"intakter": 10_000_000, "kostnader": -10_000_000, "resultat": 0}


def test_sheet_over_the_row_limit_is_refused(tmp_path):
    path = tmp_path / "for_lang.xlsx"
    _long_sheet(path, 200_001)
    p = finsam("check", path, cwd=tmp_path)
    assert p.returncode == 2 and "fler än 200000 rader" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("engine", ["xlsx", "openpyxl"])
def test_a_date_in_an_amount_cell_is_not_an_amount(tmp_path, engine):
    """A date typed where an amount belongs is reported, the same way by both engines
    (a date is a number underneath; it must never be summed as kronor)."""
    import datetime as dt
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["Samordningsförbundet Test", dt.date(2024, 11, 22)], [None, "Budget 2025"],
                ["Medel från huvudmännen", 1000], ["Styrelse", dt.date(2025, 1, 15)]]:
        ws.append(row)
    path = tmp_path / "datum.xlsx"
    wb.save(path)
    p = finsam("check", "--motor", engine, path, cwd=tmp_path)
    assert p.returncode == 2
    assert "cell B4" in p.stderr and "'2025-01-15' är inte ett belopp" in p.stderr


@pytest.mark.parametrize("xml, expected", [
    (b'<?xml version="1.0"?><root/>', False),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><?pi x?>\n<root><!DOCTYPE-looking text/></root>', False),
    (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "e">]><root/>', True),
    (b'<?xml version="1.0"?><!--' + b"-" * 9000 + b'--><!DOCTYPE x><root/>', True),
    ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><root/>'.encode("utf-16"), True),
    ('<?xml version="1.0" encoding="UTF-16"?><root/>'.encode("utf-16"), False),
    # no byte-order mark: the first four bytes tell (XML 1.0, appendix F)
    ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><root/>'.encode("utf-16-le"), True),
    ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><root/>'.encode("utf-16-be"), True),
    ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE x><root/>'.encode("utf-32-le"), True),
    ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE x><root/>'.encode("utf-32-be"), True),
    ('<?xml version="1.0" encoding="UTF-16"?><root/>'.encode("utf-16-le"), False),
    ('<?xml version="1.0" encoding="UTF-32"?><root/>'.encode("utf-32-be"), False),
    ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE x><root/>'.encode("utf-32"), True),   # with BOM
    ('<?xml version="1.0" encoding="windows-1252"?><!-- å --><!DOCTYPE x><root/>'.encode("cp1252"), True),
    (b'\x4c\x6f\xa7\x94\x93', True),                  # EBCDIC: no workbook is written so
])
def test_a_dtd_anywhere_in_the_prolog_is_found(xml, expected):
    from xlplugin.io.engines import prolog_has_dtd
    assert prolog_has_dtd(xml) is expected


def test_a_prolog_cut_short_asks_for_more():
    from xlplugin.io.engines import prolog_has_dtd
    assert prolog_has_dtd(b'<?xml version="1.0"?><!-- still going', complete=False) is None
    assert prolog_has_dtd(b'<?xml version="1.0"?><!-- still going') is False  # the parser reports it


def test_a_dtd_in_a_streamed_sheet_is_refused(tmp_path):
    """Sheets over 2 MB are streamed; the prolog check applies there too, also when the
    DTD comes after a long comment."""
    import zipfile

    from bad_corpus import XXE, with_dtd
    from xlplugin.errors import ReadError
    from xlplugin.io.reader import read_budget
    big = tmp_path / "stor.xlsx"
    _long_sheet(big, 60_000)
    bad = tmp_path / "stor_xxe.xlsx"
    with_dtd(big, bad, b'<?xml version="1.0"?>\n<!--' + b"x" * 70_000 + b"-->\n" + XXE.split(b"\n", 1)[1])
    with zipfile.ZipFile(bad) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 2 * 1024 * 1024
    from xlplugin.io.engines import _xlsx
    with pytest.raises(ReadError, match="otillåten XML i delen xl/worksheets/sheet1.xml"):
        _xlsx.XlsxWorkbook(str(bad))              # the package scan, before anything is parsed
    assert read_budget(big).lines[-1].label == "RESULTAT"      # the same sheet without the DTD reads
    # and the streaming parser's own check, behind it, in every encoding
    import io
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        xml = ('<?xml version="1.0"?><!--' + "x" * 70_000 + '--><!DOCTYPE x><worksheet/>').encode(enc)
        with pytest.raises(_xlsx._ForbiddenXml):
            list(_xlsx._iterparse(io.BytesIO(xml)))
