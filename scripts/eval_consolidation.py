"""Consolidate the whole evaluation corpus as one county and measure what issue 12 asks.

    python scripts/eval_consolidation.py [--markdown]

Every workbook of eval/ (the generated corpus built by its own generator, the hand-written
files, the held-out files and the seed transcriptions) is read as `finsam consolidate`
reads it and consolidated into one county (as `--olika-forbund`: the generated förbund
share names). Measured:

  reconciled    columns where every förbund's reading agrees with the grand totals its
                source states, or differs only where `finsam check` reports a
                discrepancy in the source (against_sources);
  planted       planted errors (the corpus's truth) that appear as a source discrepancy
                in the reconciliation, never as unexplained;
  unclassified  base lines left under "Ej klassificerat", of all base lines;
  members       member-contribution lines (generated corpus: the generator's member
                lines, the state's, the region's and each municipality's) classified as
                Medlemsbidrag;
  osäker        lines given a category with a doubt shown (core.categories.decide).

Uncertain readings are left out, as `finsam consolidate` leaves them out without
--med-osakra; they are counted.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xlplugin.core.consolidation import against_sources, consolidate  # noqa: E402
from xlplugin.errors import ReadError  # noqa: E402
from xlplugin.io.reader import read_budget  # noqa: E402

# the generator's revenue lines that are not the members' contributions
NOT_MEMBER = {"Övriga intäkter", "Ränteintäkter", "ESF-medel", "Projektmedel ESF"}


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_reading", ROOT / "scripts" / "eval_reading.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_reading", mod)
    spec.loader.exec_module(mod)
    return sys.modules["eval_reading"]


def corpus():
    ev = _eval_module()
    for name in ("generated", "handwritten", "holdout", "seeds"):
        for xlsx, truth in ev.corpus_files(name, 320, 2026):
            if not truth.get("ambiguous"):
                yield name, xlsx, truth


def measure() -> dict:
    budgets, truths, uncertain, unreadable = [], [], 0, 0
    for name, xlsx, truth in corpus():
        try:
            b = read_budget(str(xlsx))
        except ReadError:
            unreadable += 1
            continue
        if not b.reading.certain:
            uncertain += 1
            continue
        budgets.append((f"{name}/{xlsx.stem}", b))
        truths.append((name, truth))
    cons = consolidate(budgets)
    names = [f.name for f in cons.forbund]
    by_name = dict(zip(names, truths))
    diffs = [d for k in cons.keys for d in against_sources(cons, k)]
    unexplained = [d for d in diffs if not d["explained_by"]]
    bad_columns = sorted({(d["forbund"], d["column"]) for d in unexplained})
    columns = sum(len(f.columns) for f in cons.forbund)
    # planted errors: each must be a discrepancy the reconciliation can point at, not a loss
    planted = found = 0
    missed = []
    explained_cells = {(d["forbund"], d["explained_by"]) for d in diffs if d["explained_by"]}
    from xlplugin.core.check import check_budget
    for f in cons.forbund:
        _, truth = by_name[f.name]
        errors = [p for p in truth.get("planted_errors", []) if p.get("kind") != "equity"]
        if not errors:
            continue
        found_cells = {(d.sheet, d.cell) for d in check_budget(f.budget).discrepancies}
        for p in errors:
            planted += 1
            hit = any(c == p["cell"] and (s == p.get("sheet") or not p.get("sheet")) for s, c in found_cells)
            hit = hit and not any(d["forbund"] == f.name and not d["explained_by"] for d in diffs)
            found += hit
            if not hit:
                missed.append((f.name, p["cell"], p["label"]))
    lines = [m for m in cons.mapped]
    unclassified = [m for m in lines if m.category == "ej_klassificerat"]
    members = member_right = 0
    for m in lines:
        corpus_name, truth = by_name[m.forbund]
        if corpus_name != "generated" or m.line.kind != "revenue":
            continue
        t = next((ln for ln in truth.get("lines", []) if ln["row"] == m.line.row + 0
                  and ln["label"].strip() == m.line.label.strip() and ln["type"] == "revenue"), None)
        if t is None or re.sub(r"^[\d.]+\s+", "", t["label"].strip().lstrip("-–• ")) in NOT_MEMBER:
            continue
        members += 1
        member_right += m.category == "medlemsbidrag"
    return {"files": len(budgets), "uncertain_left_out": uncertain, "unreadable": unreadable,
            "columns": columns, "columns_reconciled": columns - len(bad_columns),
            "source_differences": len(diffs), "unexplained": unexplained,
            "planted": planted, "planted_found": found, "missed": missed,
            "lines": len(lines), "unclassified": len(unclassified),
            "unclassified_list": [(m.forbund, m.line.label) for m in unclassified],
            "doubtful": len(cons.doubtful),
            "members": members, "members_right": member_right}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    r = measure()
    rows = [
        ("förbund (certain readings)", f"{r['files']} ({r['uncertain_left_out']} uncertain left out, "
                                       f"{r['unreadable']} unreadable)"),
        ("columns reconciled with the sources' stated totals", f"{r['columns_reconciled']}/{r['columns']}"),
        ("source differences, all explained by a check discrepancy",
         f"{r['source_differences']} ({len(r['unexplained'])} unexplained)"),
        ("planted errors shown as source discrepancies", f"{r['planted_found']}/{r['planted']}"),
        ("unclassified lines", f"{r['unclassified']}/{r['lines']} ({100 * r['unclassified'] / r['lines']:.2f} %)"),
        ("member contributions classified (generated)", f"{r['members_right']}/{r['members']}"),
        ("lines whose category is marked osäker", f"{r['doubtful']}/{r['lines']} ({100 * r['doubtful'] / r['lines']:.2f} %)"),
    ]
    for k, v in rows:
        print(f"| {k} | {v} |" if args.markdown else f"{k:55} {v}")
    for d in r["unexplained"][:10]:
        print("  unexplained:", d)
    for m in r["missed"][:10]:
        print("  planted not shown:", m)
    for u in r["unclassified_list"][:20]:
        print("  unclassified:", u)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
