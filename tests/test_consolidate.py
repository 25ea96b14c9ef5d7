"""`finsam consolidate`: several förbund of different units and sign conventions."""

import hashlib
import json
import subprocess
import sys

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from conftest import ROOT, WORKBOOKS
from xlplugin.core.consolidation import Elimination, consolidate
from xlplugin.io.consolidation_writer import write_consolidation
from xlplugin.io.libreoffice import convert, soffice
from xlplugin.io.ranges import budget_from_ranges
from xlplugin.io.reader import read_budget

NV2023 = WORKBOOKS / "norra_vastmanland_2023_tkr.xlsx"     # tkr, costs negative
KRAMFORS = WORKBOOKS / "kramfors_2021.xlsx"                # kr, revenue negative (accounts)
VM = WORKBOOKS / "vastmanland_2025_2027.xlsx"
NV2021 = WORKBOOKS / "norra_vastmanland_2021_2023.xlsx"


def finsam(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "xlplugin.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT)


def inputs(*paths):
    return [(read_budget(p).organisation, read_budget(p)) for p in paths]


def test_tkr_and_accounting_signs_budget_2023_by_hand():
    cons = consolidate(inputs(NV2023, KRAMFORS), keys=["budget 2023"])
    # NV 2023 (tkr): 7 030 + 100 income; costs 1 221 + 5 548 + 1 084 (Strukturinriktade from
    # its rows) = 7 853 tkr. Kramfors 2023: driftsbidrag 2 581 334; costs 1 615 919 +
    # 827 415 + 134 000 + 4 000 = 2 581 334 kr.
    assert cons.totals("budget 2023") == {"intakter": 9_711_334, "kostnader": -10_434_334,
                                          "resultat": -723_000}
    by_cat = cons.consolidated("budget 2023")
    assert by_cat["medlemsbidrag"] == 7_030_000 + 2_581_334
    assert by_cat["ovriga_intakter"] == 100_000
    assert by_cat["administration"] == -1_221_000 - 827_415 - 134_000 - 4_000
    # NV individinriktade 5 548 tkr + Kramfors Samkraft 600 000 (Psykiatridagen is struktur)
    assert by_cat["individinsatser"] == -5_548_000 - 600_000
    assert by_cat["ofordelat"] == -100_000 - 985_919
    for measure, rec in cons.reconciliation("budget 2023").items():
        assert rec["difference"] == 0, measure


def test_column_a_forbund_lacks_is_empty_not_zero():
    cons = consolidate(inputs(NV2023, VM))
    assert cons.by_category["budget 2024"]["medlemsbidrag"]["Norra Västmanlands Samordningsförbund"] is None
    assert cons.by_category["budget 2024"]["medlemsbidrag"]["Samordningsförbundet Västmanland"] == 19_038_000
    assert cons.by_category["prognos 2022"]["medlemsbidrag"]["Samordningsförbundet Västmanland"] is None


def test_elimination_of_consulting_income_between_forbund():
    """NV 2023 books 100 tkr for consulting for another förbund in the county (seed §8)."""
    e = Elimination("Norra Västmanlands Samordningsförbund", "Övriga intäkter", "budget 2023", 100_000)
    cons = consolidate(inputs(NV2023, KRAMFORS), eliminations=[e], keys=["budget 2023"])
    assert cons.totals("budget 2023")["intakter"] == 9_611_334
    rec = cons.reconciliation("budget 2023")
    assert rec["intakter"] == {"inputs": 9_711_334, "eliminations": 100_000, "consolidated": 9_611_334,
                               "difference": 0}


needs_lo = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed here; "
                              "CI installs it to recalculate the workbook")


@needs_lo
def test_consolidated_workbook_recalculates_to_the_core(tmp_path):
    e = Elimination("Norra Västmanlands Samordningsförbund", "Övriga intäkter", "budget 2023", 100_000)
    cons = consolidate(inputs(NV2023, KRAMFORS, VM, NV2021), eliminations=[e])
    path = tmp_path / "lan.xlsx"
    cells = write_consolidation(cons, path)
    out = tmp_path / "re"
    out.mkdir()
    [re] = convert([path], "xlsx", out)
    wb = openpyxl.load_workbook(re, data_only=True)
    ws = wb["Sammanställning"]
    for key in cons.keys:
        t = cons.totals(key)
        for measure in ("intakter", "kostnader", "resultat"):
            assert ws[cells[key][measure]].value == t[measure], (key, measure)
    diffs = []
    for ws_row in wb["Avstämning"].iter_rows(min_row=5):
        if ws_row[0].value == "Mot förbundens egna summor":
            break                   # the table below sets each förbund against its source
        if ws_row[0].value:
            diffs.append(ws_row[5].value)
    assert diffs and all(d == 0 for d in diffs)
    # the empty cell of a förbund without the column
    assert [c.value for c in wb["Eget kapital"]["A"]][5:7] == [2020, 2021]


# --- the command ------------------------------------------------------------------------

def test_command_json_and_workbook(tmp_path):
    out = tmp_path / "Lansbudget.xlsx"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (NV2023, KRAMFORS, VM)}
    p = finsam("consolidate", NV2023, KRAMFORS, VM, "-o", out, "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert set(data) >= {"columns", "forbund", "consolidated", "eliminations", "unmapped", "reconciliation"}
    assert {"kind": "budget", "year": 2023} in data["columns"]
    assert data["consolidated"]["budget 2023"]["intakter"] == 9_711_334
    assert set(data["consolidated"]["budget 2023"]) >= {"intakter", "kostnader", "resultat", "by_category"}
    for f in data["forbund"]:
        assert set(f) >= {"path", "organisation", "totals"}
    for rec in data["reconciliation"].values():
        assert set(rec) >= {"inputs", "eliminations", "consolidated", "difference"} and rec["difference"] == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Sammanställning", "Per förbund", "Mappning",
                                                      "Elimineringar", "Eget kapital", "Avstämning"]
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (NV2023, KRAMFORS, VM)} == before
    assert sorted(f.name for f in tmp_path.iterdir()) == ["Lansbudget.xlsx"]


def test_mapping_workbook_round_trip_and_confirmed_elimination(tmp_path):
    first = tmp_path / "lan.xlsx"
    assert finsam("consolidate", NV2023, KRAMFORS, "-o", first, "--column", "Budget 2023").returncode == 0
    wb = openpyxl.load_workbook(first)
    ws = wb["Mappning"]
    for row in ws.iter_rows(min_row=5):
        if row[1].value == "Psykiatridagen":
            row[2].value = "Individinsatser"             # the user moves a line
    el = wb["Elimineringar"]
    el.append(["Norra Västmanlands Samordningsförbund", "Övriga intäkter", "Budget 2023", 100_000, "ja",
               "konsultuppdrag för Kramfors"])
    mapping = tmp_path / "mappning.xlsx"
    wb.save(mapping)
    out = tmp_path / "lan2.xlsx"
    p = finsam("consolidate", NV2023, KRAMFORS, "-o", out, "--column", "Budget 2023", "--mapping", mapping, "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    cat = data["consolidated"]["budget 2023"]["by_category"]
    assert cat["individinsatser"] == -5_548_000 - 600_000 - 30_000
    assert data["consolidated"]["budget 2023"]["intakter"] == 9_611_334
    assert data["reconciliation"]["budget 2023"]["intakter"]["eliminations"] == 100_000


def test_a_mapping_that_loses_money_exits_1(tmp_path):
    """Mapping an income line to a cost category breaks the proof: exit code 1."""
    first = tmp_path / "lan.xlsx"
    assert finsam("consolidate", NV2023, KRAMFORS, "-o", first, "--column", "Budget 2023").returncode == 0
    wb = openpyxl.load_workbook(first)
    for row in wb["Mappning"].iter_rows(min_row=5):
        if row[1].value == "Övriga intäkter":
            row[2].value = "styrelse"
    mapping = tmp_path / "fel.xlsx"
    wb.save(mapping)
    p = finsam("consolidate", NV2023, KRAMFORS, "-o", tmp_path / "x.xlsx", "--column", "Budget 2023",
               "--mapping", mapping)
    assert p.returncode == 1
    assert "SKILLNAD" in p.stdout


@pytest.mark.parametrize("args, message", [
    (["--column", "Budget 2031"], "ingen av arbetsböckerna har kolumnen"),
    (["--column", "nästa år"], "skriv t.ex."),
])
def test_bad_arguments_exit_2(tmp_path, args, message):
    out = tmp_path / "x.xlsx"
    p = finsam("consolidate", NV2023, KRAMFORS, "-o", out, *args)
    assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr
    assert not out.exists()


def test_every_unreadable_file_is_named_and_nothing_is_written(tmp_path):
    """Ten files, read on two cores: both broken ones are reported, in file order."""
    broken = []
    for name in ("trasig_a.xlsx", "trasig_b.xlsx"):
        broken.append(tmp_path / name)
        broken[-1].write_text("inte en arbetsbok")
    files = [NV2023, KRAMFORS, VM, NV2021, broken[0], NV2023, KRAMFORS, VM, broken[1], NV2021]
    out = tmp_path / "lan.xlsx"
    p = finsam("consolidate", *files, "-o", out)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    lines = [ln for ln in p.stderr.splitlines() if ln.startswith("fel:")]
    assert [str(b) in ln for b, ln in zip(broken, lines)] == [True, True] and len(lines) == 2
    assert not out.exists()


def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"old")
    p = finsam("consolidate", NV2023, KRAMFORS, "-o", out)
    assert p.returncode == 2 and "--force" in p.stderr and out.read_bytes() == b"old"


def test_unknown_elimination_line_is_an_error(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Elimineringar"
    ws.append(["Förbund", "Rad", "Kolumn", "Belopp", "Bekräftad"])
    ws.append(["Samordningsförbundet Kramfors", "Finns inte", "Budget 2023", 5, "ja"])
    mapping = tmp_path / "m.xlsx"
    wb.save(mapping)
    p = finsam("consolidate", NV2023, KRAMFORS, "-o", tmp_path / "x.xlsx", "--mapping", mapping)
    assert p.returncode == 2 and "har ingen rad 'Finns inte'" in p.stderr


# --- property: the reconciliation holds for random budgets -----------------------------------

WORDS = ["Medel från huvudmännen", "Övriga intäkter", "Styrelse", "Gemensam administration",
         "Samordningsteam", "Processtöd", "Utvärdering", "Utbildning", "Ofördelade medel",
         "Rehabkoordinator", "Xyzzy-projekt", "Lokalhyra", "Konsultuppdrag för annat samordningsförbund"]


@st.composite
def random_budget(draw):
    n_cols = draw(st.integers(1, 3))
    first = draw(st.integers(2020, 2026))
    headers = [f"{draw(st.sampled_from(['Budget', 'Plan']))} {first + k}" for k in range(n_cols)]
    if len(set(h.split()[1] for h in headers)) != n_cols:
        headers = [f"Budget {first + k}" for k in range(n_cols)]
    labels, rows = [], []
    for k in range(draw(st.integers(1, 12))):
        word = draw(st.sampled_from(WORDS))
        revenue = "intäkt" in word.lower() or "huvudmän" in word.lower() or "Konsult" in word
        sign = 1 if revenue else -1
        kids = draw(st.integers(0, 3)) if not revenue else 0
        kid_vals = [[draw(st.one_of(st.none(), st.integers(0, 10**6))) for _ in headers] for _ in range(kids)]
        own = [sum((v[j] or 0) for v in kid_vals) if kids else draw(st.one_of(st.none(), st.integers(0, 10**7)))
               for j in range(n_cols)]
        labels.append(f"{word} {k}")
        rows.append([None if v is None else sign * v for v in own])
        for i, v in enumerate(kid_vals):
            labels.append(f"- Del {k}.{i}")
            rows.append([None if x is None else sign * x for x in v])
    labels.append("RESULTAT")
    rows.append([None] * n_cols)
    unit = draw(st.sampled_from(["kr", "tkr"]))
    if unit == "tkr":
        rows = [[None if v is None else v / 1000 for v in r] for r in rows]
    assume(any(v is not None for r in rows for v in r))
    return budget_from_ranges(labels, rows, headers, unit=unit)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(random_budget(), min_size=1, max_size=5), st.data())
def test_reconciliation_always_holds(budgets, data):
    named = [(f"Förbund {k}", b) for k, b in enumerate(budgets)]
    cons = consolidate(named)
    elims = []
    for k in cons.keys:
        for m in cons.mapped:
            f = next(x for x in cons.forbund if x.name == m.forbund)
            h = f.columns.get(k)
            if h and m.line.values.get(h) and data.draw(st.booleans()) and len(elims) < 3:
                elims.append(Elimination(m.forbund, m.line.label, k, m.line.values[h]))
    cons = consolidate(named, eliminations=elims)
    for key in cons.keys:
        for measure, rec in cons.reconciliation(key).items():
            assert rec["difference"] == 0, (key, measure)
        # every line lands in exactly one category: the categories add up to the inputs
        total = sum(cons.consolidated(key).values())
        inputs = sum(v["resultat"] for v in cons.inputs[key].values())
        assert total == inputs - sum(e.amount for e in cons.applied(key))


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminal")
def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe(tmp_path):
    import os
    import pty
    files = [NV2023, KRAMFORS, VM, NV2021] * 3
    master, slave = pty.openpty()
    out = tmp_path / "lan.xlsx"
    p = subprocess.run([sys.executable, "-m", "xlplugin.cli", "consolidate", *map(str, files), "-o", str(out),
                        "--olika-forbund"],
                       stdout=subprocess.PIPE, stderr=slave, text=True, cwd=ROOT)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert p.returncode == 0 and out.exists()
    assert "Läser arbetsböcker" in seen.decode("utf-8", "replace")
    piped = finsam("consolidate", *files, "-o", tmp_path / "lan2.xlsx", "--olika-forbund")
    assert piped.returncode == 0 and "Läser arbetsböcker" not in piped.stderr


@pytest.mark.parametrize("label, kind, category", [
    ("Sala kommun", "revenue", "medlemsbidrag"),
    ("Region Västmanland", "revenue", "medlemsbidrag"),
    ("Försäkringskassan", "revenue", "medlemsbidrag"),
    ("Västerås stad", "revenue", "medlemsbidrag"),
    ("Projektmedel ESF", "revenue", "ovriga_intakter"),
    ("Samordningsteam Sala kommun", "cost", "individinsatser"),   # a member's name on a cost line
    ("Arbetsterapeut", "cost", "individinsatser"),
    ("Lotsfunktion", "cost", "individinsatser"),
    ("Handledning", "cost", "utbildning"),
    ("Oförutsedda kostnader", "cost", "ofordelat"),
    ("Resor", "cost", "administration"),
    ("IT och telefoni", "cost", "administration"),
    ("Försäkringar", "cost", "administration"),
    ("Redovisningstjänster", "cost", "administration"),
    ("Projekt Vägvisaren", "cost", "ej_klassificerat"),          # a name says nothing: the user maps it
])
def test_common_budget_lines_find_their_category(label, kind, category):
    from xlplugin.core.categories import DEFAULT_RULES
    from xlplugin.core.consolidation import _rule_category
    assert _rule_category(label, kind, DEFAULT_RULES)[0] == category


def test_the_same_forbund_twice_is_not_summed_silently(tmp_path):
    """The two Norra Västmanland plans (2021–2023 and 2023) are one förbund: summed, Budget
    2022 and 2023 would count it twice. The command stops, names both files and writes
    nothing; --olika-forbund says they are different bodies after all."""
    out = tmp_path / "lan.xlsx"
    p = finsam("consolidate", NV2021, KRAMFORS, NV2023, "-o", out)
    assert p.returncode == 2 and "Traceback" not in p.stderr and not out.exists()
    assert "samma förbund i två filer" in p.stderr
    assert str(NV2021) in p.stderr and str(NV2023) in p.stderr and "samma namn" in p.stderr
    ok = finsam("consolidate", NV2021, KRAMFORS, NV2023, "-o", out, "--olika-forbund")
    assert ok.returncode in (0, 1) and out.exists()


def test_the_same_members_under_another_name_are_the_same_forbund():
    from xlplugin.core.consolidation import same_forbund
    a = budget_from_ranges([["Sala kommun"], ["Heby kommun"], ["Styrelse"]],
                           [[500_000], [500_000], [-1_000_000]], [["Budget 2025"]])
    b = budget_from_ranges([["Sala kommun"], ["Heby kommun"], ["Kansli"]],
                           [[600_000], [400_000], [-1_000_000]], [["Budget 2026"]])
    c = budget_from_ranges([["Kommunerna"], ["Regionen"], ["Kansli"]],
                           [[600_000], [400_000], [-1_000_000]], [["Budget 2026"]])
    assert same_forbund([("Finsam Sala-Heby", a), ("Samordningsförbundet Mitt", b)]) == [
        (0, 1, "samma medlemmar: heby, sala")]
    assert same_forbund([("Samordningsförbundet Mitt", c), ("Samordningsförbundet Syd", c)]) == []
    assert same_forbund([("Norra Västmanlands Samordningsförbund", c),
                         ("Samordningsförbundet Norra Västmanland", c)]) == [(0, 1, "samma namn")]


def test_an_uncertain_reading_is_not_consolidated_silently(tmp_path):
    """A budget whose reading is uncertain (kr stated, amounts far too small for kronor)
    stops the command, named; with --med-osakra it is taken in and every sheet says so."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in [["Samordningsförbundet Osäker"], ["Belopp i kr"], [None, "Budget 2023"],
                ["Försäkringskassan", 2608], ["Region", 1304], ["Kommunerna", 1304],
                ["Styrelse", -500], ["Insatser", -4716], ["RESULTAT", 0]]:
        ws.append(row)
    unsure = tmp_path / "osaker.xlsx"
    wb.save(unsure)
    out = tmp_path / "lan.xlsx"
    p = finsam("consolidate", KRAMFORS, unsure, "-o", out)
    assert p.returncode == 2 and not out.exists() and "Traceback" not in p.stderr
    assert str(unsure) in p.stderr and "osäker tolkning" in p.stderr and "--med-osakra" in p.stderr
    p = finsam("consolidate", KRAMFORS, unsure, "-o", out, "--med-osakra", "--json")
    assert p.returncode in (0, 1) and out.exists(), p.stderr
    assert [f["reading_certain"] for f in json.loads(p.stdout)["forbund"]] == [True, False]
    book = openpyxl.load_workbook(out)
    assert all(str(ws["A2"].value).startswith("OSÄKER TOLKNING av Samordningsförbundet Osäker")
               for ws in book.worksheets)


def test_a_line_takes_the_category_of_the_block_it_stands_in():
    """Rows whose own words name no category take their block's: the category row above
    them, or the "Summa …" row that sums them. The member contributions by their role."""
    b = budget_from_ranges(
        [["Kommuner (25 %)"], ["Staten (50 %)"], ["Individinsatser"], ["- Jobbspåret"], ["- Ung framtid"],
         ["Stödinsatser"], ["Steget"], ["Summa individinriktade insatser"], ["RESULTAT"]],
        [[500_000], [1_000_000], [-700_000], [-300_000], [-400_000], [None], [-200_000], [-200_000], [100_000]],
        [["Budget 2025"]])
    cons = consolidate([("Samordningsförbundet Test", b)])
    got = {m.line.label: (m.category, m.rule) for m in cons.mapped}
    assert got["- Jobbspåret"] == ("individinsatser", "under 'Individinsatser'")
    assert got["- Ung framtid"] == ("individinsatser", "under 'Individinsatser'")
    assert got["Steget"] == ("individinsatser", "i 'Summa individinriktade insatser'")
    assert got["Kommuner (25 %)"][0] == got["Staten (50 %)"][0] == "medlemsbidrag"


def test_avstamning_sets_each_forbund_against_the_totals_its_source_states(tmp_path):
    """h07 types RESULTAT 2025 as 282 000 where its lines give 228 000 (a transposition).
    The consolidation takes 228 000 and says so: in the JSON and on Avstämning, the
    difference against the source is listed, explained by the discrepancy finsam check
    finds at that cell; with nothing unexplained the command ends 0."""
    h07 = ROOT / "eval" / "handwritten" / "h07_goteborg_nordost.xlsx"
    out = tmp_path / "lan.xlsx"
    p = finsam("consolidate", h07, KRAMFORS, "-o", out, "--json")
    assert p.returncode == 0, p.stderr
    sources = [d for rec in json.loads(p.stdout)["reconciliation"].values() for d in rec["sources"]]
    assert [(d["measure"], d["stated"], d["read"], d["difference"]) for d in sources] == [
        ("resultat", 282_000, 228_000, 54_000)]
    assert sources[0]["cell"] and sources[0]["explained_by"] == sources[0]["cell"]
    ws = openpyxl.load_workbook(out)["Avstämning"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Mot förbundens egna summor" in texts
    assert any(t.startswith("avvikelse i källan") for t in texts)


def test_mappning_says_what_decided_each_line(tmp_path):
    """The rule's matching words, the block a line stands in, or the user's mapping."""
    from xlplugin.io.consolidation_writer import mapping_evidence
    cons = consolidate(inputs(NV2021, KRAMFORS), mapping={("Samordningsförbundet Kramfors", "Psykiatridagen"): "individ"})
    why = {(m.forbund[:20], m.line.label): mapping_evidence(m) for m in cons.mapped}
    assert why[("Norra Västmanlands S", "- Samordningsteam FNS")] == "orden i raden: 'Samordningsteam'"
    assert why[("Samordningsförbundet", "Psykiatridagen")] == "din mappning (--mapping)"
    assert why[("Norra Västmanlands S", "Medel från huvudmännen")] == "orden i raden: 'Medel från huvudm'"
    h07 = read_budget(ROOT / "eval" / "handwritten" / "h07_goteborg_nordost.xlsx")
    why = {m.line.label: mapping_evidence(m) for m in consolidate([("G", h07)]).mapped}
    assert why["- Psykosocialt stöd"] == "blocket raden står i: under 'Individinriktade insatser'"


def test_a_category_the_words_do_not_settle_is_marked_osaker(tmp_path):
    """"Utvärdering och processtöd" names two categories: the line is put under the first
    and marked OSÄKER with the other, on Mappning, in the JSON and in the summary, so the
    user can correct it with --mapping; a plain line is not marked."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    for row in [["Samordningsförbundet Tveksam"], [None, "Budget 2021"],
                ["Försäkringskassan", 1_000_000], ["Region Test", 500_000], ["Kommunerna", 500_000],
                ["Summa intäkter", 2_000_000], ["Styrelse", -200_000], ["Utvärdering och processtöd", -300_000],
                ["Samordningsteam", -1_500_000], ["Summa kostnader", -2_000_000], ["RESULTAT", 0]]:
        ws.append(row)
    src = tmp_path / "tveksam.xlsx"
    wb.save(src)
    out = tmp_path / "lan.xlsx"
    p = finsam("consolidate", src, KRAMFORS, "-o", out, "--json")
    assert p.returncode == 0, p.stderr
    doubt = json.loads(p.stdout)["uncertain_mappings"]
    assert [(d["label"], d["category"], d["alternatives"]) for d in doubt] == [
        ("Utvärdering och processtöd", "utvardering", ["processtod"])]
    assert doubt[0]["forbund"] == "Samordningsförbundet Tveksam" and doubt[0]["why"] == "raden nämner också Processtöd"
    sheet = openpyxl.load_workbook(out)["Mappning"]
    why = {r[1]: r[3] for r in sheet.iter_rows(min_row=5, values_only=True) if r[1]}
    assert why["Utvärdering och processtöd"].endswith("– OSÄKER: raden nämner också Processtöd")
    assert "OSÄKER" not in why["Samordningsteam"]
    p = finsam("consolidate", src, KRAMFORS, "-o", out, "--force")
    assert p.returncode == 0 and "1 rader har en osäker kategori" in p.stdout
