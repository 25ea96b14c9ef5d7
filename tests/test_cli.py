"""`finsam check` end to end, as a user runs it."""

import hashlib
import json
import subprocess
import sys

import openpyxl
import pytest

from conftest import ROOT, WORKBOOKS

SEED_BOOKS = sorted(WORKBOOKS.glob("*.xlsx"))


def finsam(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "xlplugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT)


def test_check_text_output_in_swedish_exit_1_on_discrepancy():
    p = finsam("check", WORKBOOKS / "norra_vastmanland_2020.xlsx")
    assert p.returncode == 1
    assert "Norra Västmanlands Samordningsförbund" in p.stdout
    assert "Avvikelser (1)" in p.stdout
    assert "Budget 2020!C24  Utvärderingsinsatser · Prognos 2019: angivet -167 700, beräknat -167 000, skillnad -700" in p.stdout
    assert "Traceback" not in p.stderr


def test_consistent_workbook_exits_0():
    p = finsam("check", "--kort", WORKBOOKS / "kramfors_2021.xlsx")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Inga avvikelser" in p.stdout


def test_json_shape_for_several_files():
    p = finsam("check", "--json", *SEED_BOOKS)
    assert p.returncode == 1
    data = json.loads(p.stdout)
    assert [f["path"] for f in data["files"]] == [str(b) for b in SEED_BOOKS]
    for f in data["files"]:
        assert set(f) >= {"path", "organisation", "sheet", "unit", "sign_convention", "columns",
                          "lines", "totals", "equity", "discrepancies"}
        assert f["unit"] in ("kr", "tkr")
        assert f["sign_convention"] in ("costs_negative", "all_positive", "revenue_negative")
        for c in f["columns"]:
            assert set(c) >= {"header", "kind", "year"}
        for ln in f["lines"]:
            assert set(ln) >= {"sheet", "row", "label", "parent", "is_total", "values"}
        for t in f["totals"].values():
            assert set(t) == {"intakter", "kostnader", "resultat"}
        for e in f["equity"]:
            assert set(e) >= {"year", "ib", "resultat", "ub", "cap", "floor", "status"}
        for d in f["discrepancies"]:
            assert set(d) >= {"sheet", "cell", "label", "column", "stated", "computed", "difference"}
            assert d["difference"] == d["stated"] - d["computed"]
    tkr = next(f for f in data["files"] if f["path"].endswith("2023_tkr.xlsx"))
    assert tkr["totals"]["Budget 2023"] == {"intakter": 7_130_000, "kostnader": -7_853_000,
                                            "resultat": -723_000}
    kramfors = next(f for f in data["files"] if "kramfors" in f["path"])
    assert kramfors["sign_convention"] == "revenue_negative"
    assert kramfors["totals"]["Budget 2021"]["resultat"] == -253_000


def test_equity_options(tmp_path):
    p = finsam("check", "--json", "--tak-bas", "medlemsbidrag", "--golv", "180000",
               WORKBOOKS / "kramfors_2021.xlsx")
    eq = json.loads(p.stdout)["files"][0]["equity"]
    assert [(e["year"], e["cap"], e["floor"], e["status"]) for e in eq][:2] == [
        (2020, 518_400, 180_000, "Över taket"), (2021, 518_400, 180_000, "Inom ramen")]


# --- unreadable input: exit 2, a clear message, no traceback, nothing written ------------

def _bad_inputs(tmp_path):
    text = tmp_path / "anteckningar.xlsx"
    text.write_text("Budget 2025\nStyrelse;100\n", encoding="utf-8")
    empty = tmp_path / "tom.xlsx"
    empty.write_bytes(b"")
    xls = tmp_path / "gammal.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    corrupt = tmp_path / "trasig.xlsx"
    corrupt.write_bytes((WORKBOOKS / "kramfors_2021.xlsx").read_bytes()[:3000])
    wb = openpyxl.Workbook()
    wb.active.title = "Blad1"
    empty_sheet = tmp_path / "tomt_blad.xlsx"
    wb.save(empty_sheet)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Samordningsförbundet Test"])
    ws.append(["Rad", "Belopp"])
    ws.append(["Styrelse", -100])
    no_header = tmp_path / "utan_ar.xlsx"
    wb.save(no_header)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append([None, "Budget 2025", "Plan 2026"])
    ws.append(["Medel från huvudmännen", 1000, 1000])
    ws.append(["Styrelse", "se not", -100])
    not_number = tmp_path / "text_i_belopp.xlsx"
    wb.save(not_number)
    return {
        "anteckningar.xlsx": (text, "inte en Excel-arbetsbok"),
        "tom.xlsx": (empty, "tom"),
        "gammal.xls": (xls, ".xls"),
        "trasig.xlsx": (corrupt, "inte en giltig Excel-arbetsbok"),
        "tomt_blad.xlsx": (empty_sheet, "tom"),
        "utan_ar.xlsx": (no_header, "hittar ingen rubrikrad med årskolumner"),
        "text_i_belopp.xlsx": (not_number, "cell B3"),
    }


@pytest.mark.parametrize("name", ["anteckningar.xlsx", "tom.xlsx", "gammal.xls", "trasig.xlsx",
                                  "tomt_blad.xlsx", "utan_ar.xlsx", "text_i_belopp.xlsx"])
@pytest.mark.parametrize("engine", ["xlsx", "openpyxl"])
def test_unreadable_input_exit_2_clear_message(tmp_path, name, engine):
    path, expected = _bad_inputs(tmp_path)[name]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    listing = sorted(p.name for p in tmp_path.iterdir())
    p = finsam("check", "--motor", engine, path, cwd=tmp_path)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout
    assert p.stderr.startswith("fel: ") and str(path) in p.stderr
    assert expected in p.stderr, p.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(q.name for q in tmp_path.iterdir()) == listing


def test_one_unreadable_file_among_good_ones_gives_2_and_still_checks_the_rest(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("nej")
    p = finsam("check", "--kort", WORKBOOKS / "kramfors_2021.xlsx", bad)
    assert p.returncode == 2
    assert "Samordningsförbundet Kramfors" in p.stdout
    assert "1 kunde inte läsas" in p.stdout


def test_input_workbooks_are_not_modified():
    before = {b: hashlib.sha256(b.read_bytes()).hexdigest() for b in SEED_BOOKS}
    finsam("check", *SEED_BOOKS)
    assert {b: hashlib.sha256(b.read_bytes()).hexdigest() for b in SEED_BOOKS} == before


def test_usage_errors_and_help_are_swedish():
    p = finsam("board", WORKBOOKS / "kramfors_2021.xlsx")
    assert p.returncode == 2
    assert "Användning: finsam styrelseunderlag [FLAGGOR] ARBETSBOK" in p.stderr   # the Swedish name
    assert "fel: Flagga saknas '--year'" in p.stderr
    p = finsam("--help")
    assert p.returncode == 0 and "Visa den här hjälpen och avsluta." in p.stdout and "Kommandon:" in p.stdout
    listed = [ln.split()[0] for ln in p.stdout.split("Kommandon:")[1].splitlines() if ln.strip()]
    assert listed == ["jamfor", "kontrollera", "sammanstall", "styrelseunderlag", "uppfoljning"]


def test_english_command_names_still_work():
    for english, swedish in (("check", "kontrollera"), ("board", "styrelseunderlag"),
                             ("consolidate", "sammanstall"), ("follow-up", "uppfoljning"), ("compare", "jamfor")):
        p = finsam(english, "--help")
        assert p.returncode == 0 and f"Användning: finsam {swedish}" in p.stdout, english
