"""Guard the chart mapping's figures on the three helper-written corpora (eval/categories/):
every line is read through read_budget and consolidated, as finsam consolidate does. The
floors are the figures of this version (dev 558/593 right, none confidently wrong; holdout
531/589, 3; holdout2 489/595, 6; see the README for what each held-out corpus measured
before any change); a change that makes more lines confidently wrong fails here."""

import pytest

from conftest import load_script


@pytest.mark.parametrize("corpus, right, confident_wrong", [("dev", 558, 0), ("holdout", 531, 3), ("holdout2", 489, 6)])
def test_chart_mapping_on_the_helper_corpora(corpus, right, confident_wrong):
    ev = load_script("eval_categories")
    r = ev.measure(corpus)
    t = ev.tally(r["lines"])
    assert t["lines"] > 580 and t["not read"] == 0 and not r["uncertain"]
    assert t["right"] >= right, [ln["label"] for ln in r["lines"] if ln["outcome"] != "right"]
    assert t["wrong"] <= confident_wrong, [(ln["label"], ln["truth"], ln["got"]) for ln in r["lines"]
                                           if ln["outcome"] == "wrong"]
    # the doubt is shown sparingly: at most one right line in ten is marked osäker
    assert t["doubt on right"] <= t["right"] // 10
