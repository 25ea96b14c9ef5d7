"""Measure `finsam uppfoljning` on eval/followup/ (written by a helper who had not read the
tool's code: budgets, SIE 4 files and resultatrapporter, and the truth an ekonom would
give). Not a test; `tests/test_followup_corpus.py` guards the figures.

    python scripts/eval_followup.py [--show N]

Per good case, with the tool's own proposed mapping (no --mappning):
  lines right     budget lines whose utfall to date equals the truth (to the öre)
  accounts        each result account/object of the truth's mapping: mapped to the truth's
                  line (right), left under Ej mappat (safe: the ekonom maps it), or mapped
                  to another line (wrong: a confident wrong answer)
  reconciled      the accounts' result for the period equals the truth, and mapped +
                  unmapped = that result
Per bad case: refused with exit 2, naming the file and the line of the fault.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "followup"


def run(truth: dict, out_dir: Path):
    cmd = [sys.executable, "-m", "xlplugin.cli", "uppfoljning", str(CORPUS / truth["budget"]),
           "--utfall", str(CORPUS / truth["actuals"]), "--period", truth["period"],
           "-o", str(out_dir / "u.xlsx"), "--force", "--json"]
    if truth.get("column"):
        cmd += ["--kolumn", truth["column"]]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def D(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"))


def evaluate_good(truth: dict, p) -> dict:
    res = {"case": truth["actuals"], "lines": 0, "lines_right": 0, "right": 0, "safe": 0, "wrong": 0,
           "reconciled": False, "error": None, "wrong_list": [], "line_list": []}
    if p.returncode not in (0, 1):
        res["error"] = p.stderr.strip()[:300]
        return res
    data = json.loads(p.stdout)
    got = {x["label"]: D(x["actual_to_date"]) for x in data["lines"]}
    for label, expected in truth["lines"].items():
        res["lines"] += 1
        ok = got.get(label) == D(expected)
        res["lines_right"] += ok
        if not ok:
            res["line_list"].append((label, str(got.get(label)), str(D(expected))))
    where = {}
    for x in data["lines"]:
        for m in x["mapped_from"]:
            where[(m["account"], m["object"])] = x["label"]
    unmapped = {(u["account"], u["object"]) for u in data["unmapped"]}
    for m in truth["mapping"]:
        key = (str(m["account"]), m.get("object"))
        ours = where.get(key)
        if ours is None and key not in unmapped:
            # an object the tool did not split out (the account mapped as a whole)
            ours = where.get((key[0], None))
        if ours is None:
            res["safe" if m.get("line") is not None else "right"] += 1
        elif ours == m.get("line"):
            res["right"] += 1
        else:
            res["wrong"] += 1
            res["wrong_list"].append((key, ours, m.get("line")))
    rec = data["reconciliation"]
    res["reconciled"] = D(rec["actuals_result"]) == D(truth["actuals_result"]) and D(rec["difference"]) == 0
    return res


def evaluate_bad(truth: dict, p) -> dict:
    name = Path(truth["actuals"]).name
    named = f"{name}, rad {truth['line']}:" in p.stderr
    return {"case": truth["actuals"], "refused": p.returncode == 2 and "Traceback" not in p.stderr,
            "line_named": named, "stderr": p.stderr.strip()[:200]}


def measure() -> dict:
    good, bad = [], []
    with tempfile.TemporaryDirectory() as d:
        for path in sorted(CORPUS.glob("*.json")):
            truth = json.loads(path.read_text(encoding="utf-8"))
            if "actuals" not in truth:
                continue
            p = run(truth, Path(d))
            (bad if truth.get("bad") else good).append(evaluate_bad(truth, p) if truth.get("bad")
                                                       else evaluate_good(truth, p))
    return {"good": good, "bad": bad}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args()
    r = measure()
    g = r["good"]
    lines, right_lines = sum(x["lines"] for x in g), sum(x["lines_right"] for x in g)
    acc = {k: sum(x[k] for x in g) for k in ("right", "safe", "wrong")}
    print(f"good cases: {len(g)} ({sum(1 for x in g if x['error'])} not read)")
    print(f"  lines with the right utfall: {right_lines}/{lines}")
    print(f"  accounts/objects: right {acc['right']}, left unmapped {acc['safe']}, mapped wrong {acc['wrong']}")
    print(f"  reconciled to the öre: {sum(x['reconciled'] for x in g)}/{len(g)}")
    b = r["bad"]
    print(f"bad cases: {len(b)}: refused {sum(x['refused'] for x in b)}, with file and line {sum(x['line_named'] for x in b)}")
    for x in g:
        if x["error"]:
            print("  not read:", x["case"], x["error"])
        for w in x["wrong_list"][:a.show]:
            print("  wrong:", x["case"], w)
    for x in b:
        if not (x["refused"] and x["line_named"]):
            print("  bad not caught:", x["case"], x["stderr"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
