"""`finsam uppfoljning` on eval/followup/, a corpus written by a helper who had not read the
tool's code (scripts/eval_followup.py measures it; README gives the figures): never an
account mapped to a wrong line, every case reconciled to the öre, every bad SIE file
refused with its file and line."""

import importlib.util

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def measured():
    spec = importlib.util.spec_from_file_location("eval_followup", ROOT / "scripts" / "eval_followup.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.measure()


def test_no_account_is_mapped_to_a_wrong_line(measured):
    good = measured["good"]
    assert len(good) >= 10 and not any(x["error"] for x in good)
    assert [w for x in good for w in x["wrong_list"]] == []
    assert sum(x["right"] for x in good) >= 118


def test_every_case_reconciles_to_the_ore(measured):
    assert all(x["reconciled"] for x in measured["good"]), [x["case"] for x in measured["good"] if not x["reconciled"]]
    assert sum(x["lines_right"] for x in measured["good"]) >= 80


def test_every_bad_sie_file_is_refused_with_file_and_line(measured):
    bad = measured["bad"]
    assert len(bad) >= 11
    assert [x["case"] for x in bad if not (x["refused"] and x["line_named"])] == []


def _rapporter():
    spec = importlib.util.spec_from_file_location("eval_resultatrapporter",
                                                  ROOT / "scripts" / "eval_resultatrapporter.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_resultatrapporter_are_read_right_or_refused():
    """eval/followup/rapporter: every readable report read to the öre, every report that
    cannot be read for certain refused, no confident wrong reading."""
    mod = _rapporter()
    s = mod.summary(mod.measure(mod.CORPUS))
    assert s["files"] >= 14 and s["confident_wrong"] == 0
    assert s["readable_right"] == s["readable"] and s["right"] == s["accounts"] >= 196
    assert s["refused"] == s["refuse"] >= 4


def test_held_out_resultatrapporter_give_no_confident_wrong_reading():
    """eval/followup/rapporter_holdout (an independent helper's): every file read right or
    refused as its truth says. First measured at 6/7 files right with one confident wrong
    (h02, "Utfall" over "period" / "ack." in the row below Konto); that one was fixed."""
    mod = _rapporter()
    if not mod.HOLDOUT.is_dir():
        pytest.skip(reason="eval/followup/rapporter_holdout/ has not been written yet")
    results = mod.measure(mod.HOLDOUT)
    s = mod.summary(results)
    assert s["files"] >= 10
    assert s["confident_wrong"] == 0, [r["file"] for _, r in results if mod.confident_wrong(r)]
    assert (s["readable_right"], s["readable"]) == (7, 7)


def test_the_second_held_out_corpus_gives_no_confident_wrong_reading():
    """eval/followup/rapporter_holdout2 (a third helper's): first measured at 5/7 files
    right, 131/178 accounts, one readable report refused (g03: no heading over the
    accounts) and one confident wrong (g04: the object headings' codes lost); fixed."""
    mod = _rapporter()
    results = mod.measure(mod.HOLDOUT2)
    s = mod.summary(results)
    assert s["files"] == 10
    assert s["confident_wrong"] == 0, [r["file"] for _, r in results if mod.confident_wrong(r)]
    assert (s["readable_right"], s["readable"], s["refused"], s["refuse"]) == (7, 7, 3, 3)
