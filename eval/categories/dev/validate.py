#!/usr/bin/env python3
"""Validate the dev corpus of förbund budgets and print counts.

Usage:  python validate.py [folder]      (default: the folder of this script)
Exit code 0 if every file passes, 1 otherwise.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

INCOME_CODES = {"medlemsbidrag", "ovriga_intakter", "ej_klassificerat"}
COST_CODES = {
    "styrelse", "administration", "individinsatser", "metoder", "struktur",
    "utbildning", "utvardering", "processtod", "ofordelat", "ej_klassificerat",
}
ALL_CODES = INCOME_CODES | COST_CODES
TOP_KEYS = {"forbund", "description", "income", "costs"}
LINE_KEYS_REQ = {"label", "category", "why"}
LINE_KEYS_OPT = {"also"}
HEADING_KEYS = {"heading", "items"}
MAX_HEADING_DEPTH = 2
FILE_RE = re.compile(r"^(\d{2})_[a-z0-9_]+\.json$")
TOTAL_RE = re.compile(r"^\s*(summa|totalt|total|resultat|eget kapital)\b", re.I)


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.cat_counts = {"income": Counter(), "costs": Counter()}
        self.n_lines = 0
        self.n_headings = 0
        self.n_also = 0
        self.per_file = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def walk(self, items, side, codes, where, depth, labels, stats):
        if not isinstance(items, list):
            self.err(where, "items must be a list")
            return
        for i, it in enumerate(items):
            w = f"{where}[{i}]"
            if not isinstance(it, dict):
                self.err(w, "item must be an object")
                continue
            keys = set(it)
            if "heading" in it:
                if keys != HEADING_KEYS:
                    self.err(w, f"heading keys must be {sorted(HEADING_KEYS)}, got {sorted(keys)}")
                h = it.get("heading")
                if not isinstance(h, str) or not h.strip():
                    self.err(w, "heading text must be a non-empty string")
                if depth + 1 > MAX_HEADING_DEPTH:
                    self.err(w, f"headings nested deeper than {MAX_HEADING_DEPTH} levels")
                sub = it.get("items")
                if not isinstance(sub, list) or not sub:
                    self.err(w, "heading must have a non-empty items list")
                    continue
                self.n_headings += 1
                stats["headings"] += 1
                self.walk(sub, side, codes, f"{w}<{h}>", depth + 1, labels, stats)
            elif "label" in it:
                missing = LINE_KEYS_REQ - keys
                extra = keys - LINE_KEYS_REQ - LINE_KEYS_OPT
                if missing:
                    self.err(w, f"line missing keys {sorted(missing)}")
                if extra:
                    self.err(w, f"line has unknown keys {sorted(extra)}")
                label = it.get("label")
                if not isinstance(label, str) or not label.strip():
                    self.err(w, "label must be a non-empty string")
                    continue
                w = f"{where}/{label!r}"
                if label != label.strip():
                    self.err(w, "label has leading/trailing whitespace")
                if TOTAL_RE.match(label):
                    self.err(w, "looks like a total/result/equity row")
                key = " ".join(label.split()).casefold()
                if key in labels:
                    self.err(w, "duplicate label within this förbund")
                labels.add(key)
                cat = it.get("category")
                if cat not in ALL_CODES:
                    self.err(w, f"unknown category {cat!r}")
                elif cat not in codes:
                    self.err(w, f"category {cat!r} not allowed on the {side} side")
                also = it.get("also", [])
                if not isinstance(also, list):
                    self.err(w, "'also' must be a list")
                    also = []
                if len(set(also)) != len(also):
                    self.err(w, "'also' has duplicates")
                for a in also:
                    if a not in codes:
                        self.err(w, f"'also' code {a!r} not valid on the {side} side")
                    if a == cat:
                        self.err(w, f"'also' repeats the main category {a!r}")
                why = it.get("why")
                if not isinstance(why, str) or not why.strip():
                    self.err(w, "'why' must be a non-empty string")
                self.n_lines += 1
                stats["lines"] += 1
                if cat in codes:
                    self.cat_counts[side][cat] += 1
                if also:
                    self.n_also += 1
                    stats["also"] += 1
            else:
                self.err(w, "item is neither a line (label) nor a heading")

    def check_file(self, path):
        where = path.name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            self.err(where, f"cannot parse: {e}")
            return None
        if not isinstance(data, dict):
            self.err(where, "top level must be an object")
            return None
        if set(data) != TOP_KEYS:
            self.err(where, f"top-level keys must be {sorted(TOP_KEYS)}, got {sorted(data)}")
        for k in ("forbund", "description"):
            if not isinstance(data.get(k), str) or not data.get(k, "").strip():
                self.err(where, f"{k!r} must be a non-empty string")
        labels = set()
        stats = Counter()
        for side, codes in (("income", INCOME_CODES), ("costs", COST_CODES)):
            items = data.get(side)
            if not isinstance(items, list) or not items:
                self.err(where, f"{side!r} must be a non-empty list")
                continue
            self.walk(items, side, codes, f"{where}:{side}", 0, labels, stats)
        if not 12 <= stats["lines"] <= 35:
            self.warnings.append(f"{where}: {stats['lines']} lines (brief asks 12–35)")
        self.per_file.append((where, data.get("forbund"), stats["lines"], stats["headings"], stats["also"]))
        return data.get("forbund")


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    files = sorted(p for p in folder.glob("*.json"))
    c = Checker()
    if not files:
        c.err(str(folder), "no JSON files found")
    numbers, names = [], Counter()
    for p in files:
        m = FILE_RE.match(p.name)
        if not m:
            c.err(p.name, "file name must be NN_slug.json (lower-case slug)")
        else:
            numbers.append(int(m.group(1)))
        name = c.check_file(p)
        if name:
            names[name] += 1
    if numbers and sorted(numbers) != list(range(1, len(numbers) + 1)):
        c.err(str(folder), f"file numbers are not 01..{len(numbers):02d} without gaps: {sorted(numbers)}")
    for n, k in names.items():
        if k > 1:
            c.err(str(folder), f"förbund name used in {k} files: {n}")

    print(f"{'file':32} {'lines':>5} {'head':>5} {'also':>5}  förbund")
    for f, name, nl, nh, na in c.per_file:
        print(f"{f:32} {nl:5d} {nh:5d} {na:5d}  {name}")
    print()
    print(f"förbund: {len(c.per_file)}   lines: {c.n_lines}   headings: {c.n_headings}   "
          f"lines with non-empty 'also': {c.n_also}")
    for side in ("income", "costs"):
        print(f"\n{side}:")
        for code, n in sorted(c.cat_counts[side].items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {code:18} {n:4d}")
    total = c.cat_counts["income"] + c.cat_counts["costs"]
    print("\nall categories:")
    for code, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {code:18} {n:4d}")
    for w in c.warnings:
        print(f"WARNING {w}")
    if c.errors:
        print(f"\n{len(c.errors)} ERROR(S):")
        for e in c.errors:
            print(f"  {e}")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
