"""Measure the resultatrapport reader on eval/followup/rapporter/ (written by a helper who
had not read the reader's code: reports as accounting systems print them to Excel, and
the utfall to date an ekonom would read from each). Not a test;
`tests/test_followup_corpus.py` guards the figures.

    python scripts/eval_rapporter.py [--show]

Per report that should be read:
  rows right   accounts (and objects) whose utfall to date equals the truth, to the öre,
               in the model's signs (revenue positive, costs negative)
  missing      truth rows the reader did not give
  extra        rows the reader gave that the truth does not have (a subtotal read as an
               account, a balance account)
  wrong        rows given with another amount (a confident wrong answer)
  read         the whole report right
Per report that should be refused: refused with a Swedish message naming the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "eval" / "followup" / "rapporter"


def D(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"))


def evaluate(path: Path, truth: dict) -> dict:
    from xlplugin.errors import ReadError
    from xlplugin.io.followup_inputs import read_resultatrapport
    res = {"case": path.name, "refuse": truth.get("refuse", False), "rows": 0, "right": 0, "missing": 0,
           "extra": 0, "wrong": 0, "error": None, "refused": False, "named": False, "diffs": []}
    year, month = truth["year"], truth["period_month"]
    try:
        actuals = read_resultatrapport(str(path), year, month)
    except ReadError as exc:
        res["refused"] = True
        res["named"] = path.name in str(exc)
        res["error"] = str(exc)
        return res
    except Exception as exc:            # a crash counts as a failure, and is shown
        res["error"] = f"{type(exc).__name__}: {exc}"
        return res
    if res["refuse"]:
        return res
    months = actuals.months_to(f"{year}{month:02d}")
    got: dict[tuple[str, str | None], Decimal] = {}
    for r in actuals.rows:
        key = (r.account, r.objects[0][1] if r.objects else None)
        got[key] = got.get(key, Decimal(0)) + r.to_date(months)
    want = {(x["account"], x.get("object")): D(x["to_date"]) for x in truth["rows"]}
    for key, amount in want.items():
        res["rows"] += 1
        if key not in got:
            res["missing"] += 1
            res["diffs"].append(("missing", key, None, str(amount)))
        elif D(got[key]) == amount:
            res["right"] += 1
        else:
            res["wrong"] += 1
            res["diffs"].append(("wrong", key, str(D(got[key])), str(amount)))
    for key in got.keys() - want.keys():
        if D(got[key]) != 0:
            res["extra"] += 1
            res["diffs"].append(("extra", key, str(D(got[key])), None))
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list every difference")
    a = ap.parse_args(argv)
    results = []
    for tp in sorted(CORPUS.glob("*.json")):
        truth = json.loads(tp.read_text(encoding="utf-8"))
        xlsx = tp.with_suffix(".xlsx")
        if xlsx.exists():
            results.append(evaluate(xlsx, truth))
    good = [r for r in results if not r["refuse"]]
    bad = [r for r in results if r["refuse"]]
    total = sum(r["rows"] for r in good)
    print(f"reports to read: {len(good)}")
    print(f"  read whole and right: {sum(1 for r in good if r['rows'] and r['right'] == r['rows'] and not r['extra'] and not r['error'])}/{len(good)}")
    print(f"  rows right: {sum(r['right'] for r in good)}/{total}; missing {sum(r['missing'] for r in good)}, "
          f"extra {sum(r['extra'] for r in good)}, wrong {sum(r['wrong'] for r in good)}")
    print(f"  refused although readable: {sum(1 for r in good if r['refused'])}, crashed: "
          f"{sum(1 for r in good if r['error'] and not r['refused'])}")
    print(f"reports to refuse: {len(bad)}: refused {sum(r['refused'] for r in bad)}, naming the file "
          f"{sum(r['named'] for r in bad)}")
    for r in results:
        ok = (r["refused"] and r["named"]) if r["refuse"] else (r["right"] == r["rows"] and not r["extra"] and not r["error"])
        if a.show or not ok:
            print(f"- {r['case']}: " + ("ok" if ok else (r["error"] or f"{r['right']}/{r['rows']} right")))
            if a.show or not ok:
                for d in r["diffs"][:12]:
                    print(f"    {d[0]} {d[1]}: read {d[2]}, truth {d[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
