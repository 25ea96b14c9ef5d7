#!/usr/bin/env python3
"""Self-check of the generated corpus.

Usage: python eval/generated/selfcheck.py [--count N] [--seed S] [--keep DIR]

Regenerates the corpus twice into temporary directories, checks byte-identical output,
then reads every workbook back with openpyxl and verifies it against its truth file
(formulas are never evaluated: uncached formulas are checked by their references,
typed/cached values against sums recomputed from the line items and the truth).
Prints an axis coverage table. Exit code 0 = pass.
"""
import argparse
import collections
import filecmp
import json
import os
import re
import sys
import tempfile
import time

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402

KINDS = [("prognos", ("prognos",)), ("utfall", ("utfall", "bokslut")), ("plan", ("plan",)), ("budget", ("budget",))]
REF = re.compile(r"(?:'[^']+'!|[A-Za-z0-9]+!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def parse_num(v):
    if v is None:
        return 0
    if isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if s in ("–", "-", ""):
        return 0
    return float(s.replace(",", "."))


def col_of(a):
    return re.match(r"([A-Z]+)", a).group(1)


class Checker:
    def __init__(self, d):
        self.d = d
        self.errors = []

    def err(self, f, msg):
        self.errors.append(f"{f}: {msg}")

    def check_file(self, t):
        f = t["file"]
        path = os.path.join(self.d, f)
        wf = openpyxl.load_workbook(path, data_only=False)
        wv = openpyxl.load_workbook(path, data_only=True)
        ax = t["axes"]
        bscale = 1000 if ax["unit"] == "tkr" else 1
        sR = -1 if ax["sign"] == "revenue_negative" else 1
        sC = -1 if ax["sign"] == "costs_negative" else 1
        planted = {(p["sheet"], p["cell"]) for p in t["planted_errors"]}
        conseq = {(c["sheet"], c["cell"]) for c in t["consequential_cells"]}
        skip = planted | conseq
        lines = [ln for ln in t["lines"] if not ln.get("summary")]
        by_row = collections.defaultdict(dict)
        for ln in lines:
            by_row[ln["sheet"]][ln["row"]] = ln

        def raw(sheet, a):
            return wf[sheet][a].value, wv[sheet][a].value

        def read(sheet, a, scale):
            fv, vv = raw(sheet, a)
            if isinstance(fv, str) and fv.startswith("="):
                if vv is None:
                    return None, fv
                return round(parse_num(vv) * scale), fv
            return round(parse_num(fv) * scale), None

        def true_val(sheet, row, col, memo):
            k = (sheet, row, col)
            if k in memo:
                return memo[k]
            ln = by_row[sheet][row]
            if ln["type"] in ("revenue", "cost"):
                v, _ = read(sheet, f"{col}{row}", bscale)
                if v is None:
                    raise ValueError("formula in line item")
            elif ln["type"] == "result":
                a, b = ln["members"]
                cb = -1 if ax["sign"] == "all_positive" else 1
                v = true_val(sheet, a, col, memo) + cb * true_val(sheet, b, col, memo)
            else:
                v = sum(true_val(sheet, m, col, memo) for m in ln["members"])
            memo[k] = v
            return v

        # -- columns
        seen = set()
        for c in t["columns"]:
            key = (c["kind"], c["year"])
            if key in seen:
                self.err(f, f"duplicate column {key}")
            seen.add(key)
            sh, col = c["sheet"], col_of(c["cell"])
            if c["resultat"] != c["intakter"] - c["kostnader"]:
                self.err(f, "resultat != intakter - kostnader")
            sl = [ln for ln in lines if ln["sheet"] == sh]
            rev = sum(read(sh, f"{col}{ln['row']}", bscale)[0] for ln in sl if ln["type"] == "revenue")
            cost = sum(read(sh, f"{col}{ln['row']}", bscale)[0] for ln in sl if ln["type"] == "cost")
            if rev != sR * c["intakter"]:
                self.err(f, f"{sh}!{col}: revenue lines sum {rev} != {sR * c['intakter']}")
            if cost != sC * c["kostnader"]:
                self.err(f, f"{sh}!{col}: cost lines sum {cost} != {sC * c['kostnader']}")
            n_budget_rows = sum(1 for ln in sl if ln["type"] in ("revenue", "cost", "subtotal", "revenue_total", "cost_total", "result", "heading"))
            if not 8 <= n_budget_rows <= 45:
                self.err(f, f"{sh}: {n_budget_rows} budget rows")
            memo = {}
            expect = {"revenue_total": sR * c["intakter"], "cost_total": sC * c["kostnader"],
                      "result": (c["intakter"] - c["kostnader"]) * (-1 if ax["sign"] == "revenue_negative" else 1)}
            for ln in sl:
                if ln["type"] not in ("subtotal", "revenue_total", "cost_total", "result"):
                    continue
                a = f"{col}{ln['row']}"
                v, formula = read(sh, a, bscale)
                tv = true_val(sh, ln["row"], col, memo)
                if ln["type"] in expect and tv != expect[ln["type"]]:
                    self.err(f, f"{sh}!{a}: structure sum {tv} != truth {expect[ln['type']]}")
                if (sh, a) in planted:
                    p = next(p for p in t["planted_errors"] if (p["sheet"], p["cell"]) == (sh, a))
                    if formula is not None:
                        self.err(f, f"{sh}!{a}: planted cell is a formula")
                    if v != p["stated"]:
                        self.err(f, f"{sh}!{a}: planted stated {v} != {p['stated']}")
                    if tv != p["correct"] or p["difference"] != p["stated"] - p["correct"] or p["difference"] == 0:
                        self.err(f, f"{sh}!{a}: planted correct {p['correct']} vs recomputed {tv}")
                    continue
                if v is None:
                    # uncached formula: references must be exactly the members
                    refs = set()
                    for m in REF.finditer(formula[1:]):
                        r1 = int(m.group(2))
                        r2 = int(m.group(4)) if m.group(4) else r1
                        refs.update(range(r1, r2 + 1))
                    if refs != set(ln["members"]):
                        self.err(f, f"{sh}!{a}: formula {formula} refs {sorted(refs)} != members {ln['members']}")
                    continue
                if (sh, a) in conseq:
                    if v == tv:
                        self.err(f, f"{sh}!{a}: consequential cell shows the correct value")
                    continue
                if v != tv:
                    self.err(f, f"{sh}!{a}: stated {v} != recomputed {tv}")
        # -- summary sheets (per_year)
        summ = [ln for ln in t["lines"] if ln.get("summary")]
        if summ:
            sh = summ[0]["sheet"]
            ws = wv[sh]
            hdr_row = min(ln["row"] for ln in summ) - 1
            colmap = {}
            for cell in ws[hdr_row]:
                if isinstance(cell.value, str):
                    m = re.search(r"(20\d\d)", cell.value)
                    low = cell.value.lower()
                    kind = next((k for k, ws_ in KINDS if any(w in low for w in ws_)), None)
                    if m and kind:
                        colmap[(kind, int(m.group(1)))] = cell.column_letter
            for c in t["columns"]:
                L = colmap.get((c["kind"], c["year"]))
                if L is None:
                    self.err(f, f"summary column for {c['kind']} {c['year']} not found")
                    continue
                expect = {"revenue_total": sR * c["intakter"], "cost_total": sC * c["kostnader"],
                          "result": (c["intakter"] - c["kostnader"]) * (-1 if ax["sign"] == "revenue_negative" else 1)}
                for ln in summ:
                    if ln["type"] in expect:
                        a = f"{L}{ln['row']}"
                        v, formula = read(sh, a, bscale)
                        if v is None or (sh, a) in skip:
                            continue
                        if v != expect[ln["type"]]:
                            self.err(f, f"{sh}!{a}: summary {v} != {expect[ln['type']]}")
        # -- equity
        prev = None
        for e in t["equity"]:
            if e["ub"] != e["ib"] + e["resultat"]:
                self.err(f, f"equity {e['year']}: ub != ib + resultat")
            if prev is not None and e["ib"] != prev["ub"]:
                self.err(f, f"equity {e['year']}: ib != previous ub")
            prev = e
            c = next(c for c in t["columns"] if c["year"] == e["year"] and c["kind"] in ("utfall", "prognos")) if any(
                c["year"] == e["year"] and c["kind"] in ("utfall", "prognos") for c in t["columns"]) else next(c for c in t["columns"] if c["year"] == e["year"])
            if c["resultat"] != e["resultat"]:
                self.err(f, f"equity {e['year']}: resultat {e['resultat']} != column result {c['resultat']}")
            sc = 1000 if e["unit"] == "tkr" else 1
            for k in ("ib", "resultat", "ub"):
                a = e["cells"].get(k)
                if a is None or (e["sheet"], a) in skip:
                    continue
                v, formula = read(e["sheet"], a, sc)
                if v is None:
                    continue
                if abs(v - e[k]) > (0 if sc == 1 else 0):
                    self.err(f, f"equity {e['year']} {k} at {e['sheet']}!{a}: {v} != {e[k]}")
        for p in t["planted_errors"]:
            if p["kind"] == "equity":
                v, formula = read(p["sheet"], p["cell"], 1000 if any(e["unit"] == "tkr" and e["sheet"] == p["sheet"] for e in t["equity"]) else bscale)
                if formula is not None or v != p["stated"]:
                    self.err(f, f"planted equity {p['cell']}: {v} != {p['stated']}")
        if ax["planted"] != bool(t["planted_errors"]):
            self.err(f, "planted flag mismatch")
        for tc in t.get("text_number_cells", []):
            if not isinstance(wf[tc["sheet"]][tc["cell"]].value, str):
                self.err(f, f"text number {tc['cell']} not stored as text")
        if ax["text_numbers"] != bool(t.get("text_number_cells")):
            self.err(f, "text_numbers flag mismatch")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=320)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--keep", default=None)
    a = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        d1 = a.keep or os.path.join(tmp, "run1")
        d2 = os.path.join(tmp, "run2")
        t0 = time.time()
        generate.main([d1, "--count", str(a.count), "--seed", str(a.seed)])
        t1 = time.time()
        print(f"generation of {a.count} files: {t1 - t0:.1f} s")
        if t1 - t0 > 60:
            print("FAIL: generation slower than 60 s")
            ok = False
        generate.main([d2, "--count", str(a.count), "--seed", str(a.seed)])
        names = sorted(os.listdir(d1))
        diff = [n for n in names if not filecmp.cmp(os.path.join(d1, n), os.path.join(d2, n), shallow=False)]
        if diff or sorted(os.listdir(d2)) != names:
            print(f"FAIL: output not deterministic: {diff[:5]}")
            ok = False
        else:
            print(f"determinism: {len(names)} files byte-identical across two runs")
        man = json.load(open(os.path.join(d1, "manifest.json"), encoding="utf-8"))
        ch = Checker(d1)
        cov = collections.OrderedDict()
        amb = []
        for ent in man["files"]:
            t = json.load(open(os.path.join(d1, ent["truth"]), encoding="utf-8"))
            try:
                ch.check_file(t)
            except Exception as e:  # pragma: no cover
                ch.err(t["file"], f"exception {type(e).__name__}: {e}")
            for k, v in t["axes"].items():
                if k == "extra_columns":
                    for x in (v or ["(none)"]):
                        cov.setdefault(k, collections.Counter())[x] += 1
                else:
                    cov.setdefault(k, collections.Counter())[str(v)] += 1
            if t.get("ambiguous"):
                amb.append((t["file"], t.get("ambiguity", "")))
        n = len(man["files"])
        print("\naxis coverage (value -> files):")
        low = []
        for k, cnt in cov.items():
            allv = generate.AXIS_VALUES.get(k, generate.EXTRA_VALUES + ["(none)"])
            for v in allv:
                c = cnt.get(str(v), 0)
                print(f"  {k:24s} {str(v):26s} {c:4d}")
                if c < 15:
                    low.append((k, v, c))
        if low:
            print(f"FAIL: axis values with < 15 files: {low}")
            ok = False
        pl = sum(1 for e in man["files"] if e["axes"]["planted"]) / n
        print(f"\nplanted: {pl:.1%}")
        if not 0.30 <= pl <= 0.40:
            print("FAIL: planted share outside 30-40 %")
            ok = False
        print(f"ambiguous: {len(amb)} files ({len(amb) / n:.1%})")
        for fn, why in amb:
            print(f"  {fn}: {why}")
        if len(amb) / n >= 0.05:
            print("FAIL: >= 5 % ambiguous")
            ok = False
        if ch.errors:
            print(f"\nFAIL: {len(ch.errors)} check errors, first 30:")
            for e in ch.errors[:30]:
                print("  " + e)
            ok = False
        else:
            print(f"\nall {n} workbooks agree with their truth files")
    print("\nSELFCHECK", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
