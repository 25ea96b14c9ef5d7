"""Guard the chart mapping's figures on the four helper-written corpora (eval/categories/):
every line is read through read_budget and consolidated, as finsam consolidate does. The
floors and ceilings are the figures of this version (see the README for what each
held-out corpus measured before any change): a change that puts fewer lines right, makes
more lines confidently wrong, or marks more right lines osäker fails here."""

import pytest

from conftest import load_script


@pytest.mark.parametrize("corpus, lines, right, confident_wrong, doubt_on_right", [
    ("dev", 593, 560, 0, 30), ("holdout", 589, 536, 3, 37), ("holdout2", 595, 522, 3, 58),
    ("holdout3", 529, 447, 4, 47)])
def test_chart_mapping_on_the_helper_corpora(corpus, lines, right, confident_wrong, doubt_on_right):
    ev = load_script("eval_categories")
    r = ev.measure(corpus)
    t = ev.tally(r["lines"])
    assert t["lines"] == lines and t["not read"] == 0 and not r["uncertain"]
    assert t["right"] >= right, [ln["label"] for ln in r["lines"] if ln["outcome"] != "right"]
    assert t["wrong"] <= confident_wrong, [(ln["label"], ln["truth"], ln["got"]) for ln in r["lines"]
                                           if ln["outcome"] == "wrong"]
    assert t["doubt on right"] <= doubt_on_right
