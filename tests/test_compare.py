"""`finsam jamfor`: the plan adopted in 2020 (NV 2021–2023) against the 2023 plan (NV 2023),
line by line; the figures worked out by hand from the seeds' tables."""

import json
import subprocess
import sys

import openpyxl

from conftest import ROOT, WORKBOOKS

BEFORE = WORKBOOKS / "norra_vastmanland_2021_2023.xlsx"
AFTER = WORKBOOKS / "norra_vastmanland_2023_tkr.xlsx"


def finsam(*args):
    return subprocess.run([sys.executable, "-m", "xlplugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def run(tmp_path, *extra):
    out = tmp_path / "j.xlsx"
    p = finsam("jamfor", BEFORE, AFTER, "-o", out, "--json", *extra)
    assert p.returncode == 0, p.stderr
    return out, json.loads(p.stdout)


def test_budget_2023_against_plan_2023_by_hand(tmp_path):
    _, d = run(tmp_path)
    assert d["years"] == [2022, 2023]
    got = {x["label"]: (x["before"]["amount"], x["after"]["amount"], x["change"])
           for x in d["lines"] if x["year"] == 2023}
    # 2020's plan for 2023 (Budget 2023 column of the 2021–2023 plan) against the 2023 budget (tkr -> kr)
    assert got["Medel från huvudmännen"] == (7_046_000, 7_030_000, -16_000)
    assert got["-Samordningsteam FNS"] == (-1_311_500, -1_528_000, -216_500)
    assert got["-Samordningsteam Sala"] == (-1_431_000, -1_500_000, -69_000)
    assert got["-Samordningsteam Hallstahammar"] == (-954_000, -1_140_000, -186_000)
    assert got["-Samordningsteam Surahammar"] == (-862_000, -1_140_000, -278_000)
    assert got["-Insatskatalogen"] == (-100_000, -48_000, 52_000)
    # "Kurator till samordningsteam" became "-Kurator till samordningsteamen"
    kurator = next(x for x in d["lines"] if x["year"] == 2023 and x["label"] == "-Kurator till samordningsteamen")
    assert (kurator["before_label"], kurator["change"], kurator["matched_by"]) == \
        ("Kurator till samordningsteam", -30_000, "near text")
    totals = {(t["year"], t["after"]["column"], t["measure"]): (t["before"]["amount"], t["after"]["amount"], t["change"])
              for t in d["totals"]}
    # lines: 7 046 000 and 7 046 000 in the plan; 7 030 000 + 100 000 and 7 853 000 in the budget
    assert totals[(2023, "Budget 2023", "intakter")] == (7_046_000, 7_130_000, 84_000)
    assert totals[(2023, "Budget 2023", "kostnader")] == (-7_046_000, -7_853_000, -807_000)
    assert totals[(2023, "Budget 2023", "resultat")] == (0, -723_000, -723_000)


def test_plan_2022_against_budget_and_prognos_2022(tmp_path):
    _, d = run(tmp_path)
    fns = {x["after"]["column"]: x["change"] for x in d["lines"]
           if x["year"] == 2022 and x["label"] == "-Samordningsteam FNS"}
    # planned 1 311 500 in 2020; budget 1 523 tkr and prognos 1 513 tkr in the 2023 plan
    assert fns == {"Budget 2022": -211_500, "Prognos 2022": -201_500}
    kinds = {(x["before"]["kind"], x["after"]["kind"]) for x in d["lines"] if x["year"] == 2022}
    assert kinds == {("budget", "budget"), ("budget", "prognos")}


def test_lines_only_in_one_budget_are_listed(tmp_path):
    _, d = run(tmp_path)
    assert {"Styrelse", "Gemensam administration", "Leasingbil"} <= {x["label"] for x in d["only_before"]}
    assert {"Övriga intäkter", "Administration (styrelse & kansli)"} <= {x["label"] for x in d["only_after"]}


def test_the_workbook_has_live_changes_and_the_english_name_works(tmp_path):
    out = tmp_path / "c.xlsx"
    p = finsam("compare", BEFORE, AFTER, "-o", out)
    assert p.returncode == 0, p.stderr
    ws = openpyxl.load_workbook(out)["Jämförelse"]
    assert ws["G4"].value == '=IF(OR(D4="",F4=""),"",F4-D4)'
    p = finsam("jamfor", BEFORE, AFTER, "-o", out)
    assert p.returncode == 2 and "finns redan" in p.stderr
