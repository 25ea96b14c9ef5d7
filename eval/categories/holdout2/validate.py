#!/usr/bin/env python3
"""Validate the holdout2 category corpus.

Loads every NN_slug.json in this folder, checks the schema and prints
counts per category, headings and borderline lines (non-empty `also`).
Exits with status 1 if any check fails.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

INCOME_CODES = {"medlemsbidrag", "ovriga_intakter", "ej_klassificerat"}
COST_CODES = {
    "styrelse", "administration", "individinsatser", "metoder", "struktur",
    "utbildning", "utvardering", "processtod", "ofordelat", "ej_klassificerat",
}
ALL_CODES = INCOME_CODES | COST_CODES
FILE_RE = re.compile(r"^(\d{2})_[a-z0-9_]+\.json$")
TOTAL_RE = re.compile(r"^\s*(summa|totalt|total|resultat|årets resultat|eget kapital)\b", re.I)
MAX_HEADING_DEPTH = 2
LINE_KEYS = {"label", "category", "also", "why"}
HEADING_KEYS = {"heading", "items"}


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.cat_counts: Counter[str] = Counter()
        self.kind_counts: Counter[str] = Counter()
        self.headings = 0
        self.borderline = 0
        self.per_file: list[tuple[str, int, int, int]] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def check_file(self, path: Path) -> None:
        name = path.name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            self.err(name, f"cannot parse: {e}")
            return
        if not isinstance(data, dict):
            self.err(name, "top level must be an object")
            return
        expected = {"forbund", "description", "income", "costs"}
        if set(data) != expected:
            self.err(name, f"top-level keys {sorted(data)} != {sorted(expected)}")
        for key in ("forbund", "description"):
            if not isinstance(data.get(key), str) or not data.get(key, "").strip():
                self.err(name, f"'{key}' must be a non-empty string")
        labels: Counter[str] = Counter()
        headings: Counter[str] = Counter()
        n_lines_before = sum(self.kind_counts.values())
        n_head_before = self.headings
        n_border_before = self.borderline
        for kind, codes in (("income", INCOME_CODES), ("costs", COST_CODES)):
            items = data.get(kind)
            if not isinstance(items, list) or not items:
                self.err(name, f"'{kind}' must be a non-empty list")
                continue
            for i, item in enumerate(items):
                self.check_item(f"{name}:{kind}[{i}]", item, kind, codes, 0, labels, headings)
        for lab, n in labels.items():
            if n > 1:
                self.err(name, f"label {lab!r} occurs {n} times")
        for h, n in headings.items():
            if n > 1:
                self.err(name, f"heading {h!r} occurs {n} times")
        for h in headings:
            if h in labels:
                self.err(name, f"text {h!r} is used both as heading and as label")
        n_lines = sum(self.kind_counts.values()) - n_lines_before
        self.per_file.append((name, n_lines, self.headings - n_head_before,
                              self.borderline - n_border_before))

    def check_item(self, where, item, kind, codes, depth, labels, headings) -> None:
        if not isinstance(item, dict):
            self.err(where, "item must be an object")
            return
        if "heading" in item:
            if set(item) != HEADING_KEYS:
                self.err(where, f"heading keys {sorted(item)} != {sorted(HEADING_KEYS)}")
            h = item.get("heading")
            if not isinstance(h, str) or not h.strip():
                self.err(where, "heading must be a non-empty string")
                return
            if TOTAL_RE.match(h):
                self.err(where, f"heading looks like a total/result row: {h!r}")
            if depth + 1 > MAX_HEADING_DEPTH:
                self.err(where, f"heading {h!r} nested deeper than {MAX_HEADING_DEPTH} levels")
            headings[h] += 1
            self.headings += 1
            sub = item.get("items")
            if not isinstance(sub, list) or not sub:
                self.err(where, f"heading {h!r} must have a non-empty 'items' list")
                return
            for j, s in enumerate(sub):
                self.check_item(f"{where}.items[{j}]", s, kind, codes, depth + 1, labels, headings)
            return
        if "label" not in item:
            self.err(where, "item has neither 'label' nor 'heading'")
            return
        extra = set(item) - LINE_KEYS
        if extra:
            self.err(where, f"unknown keys {sorted(extra)}")
        for key in ("label", "category", "why"):
            if not isinstance(item.get(key), str) or not item.get(key, "").strip():
                self.err(where, f"'{key}' must be a non-empty string")
        lab = item.get("label", "")
        if isinstance(lab, str):
            if lab != lab.strip():
                self.err(where, f"label has leading/trailing space: {lab!r}")
            if TOTAL_RE.match(lab):
                self.err(where, f"label looks like a total/result row: {lab!r}")
            labels[lab] += 1
        cat = item.get("category")
        if cat not in codes:
            self.err(where, f"category {cat!r} not allowed in {kind} (allowed: {sorted(codes)})")
        also = item.get("also", [])
        if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
            self.err(where, "'also' must be a list of strings")
            also = []
        for a in also:
            if a not in codes:
                self.err(where, f"also-code {a!r} not allowed in {kind}")
            if a == cat:
                self.err(where, f"also-code {a!r} repeats the category")
        if len(set(also)) != len(also):
            self.err(where, "duplicate codes in 'also'")
        if also:
            self.borderline += 1
        self.cat_counts[cat] += 1
        self.kind_counts[kind] += 1


def main() -> int:
    ck = Checker()
    files = sorted(p for p in HERE.glob("*.json"))
    if not files:
        print("no JSON files found", file=sys.stderr)
        return 1
    numbers = []
    for p in files:
        m = FILE_RE.match(p.name)
        if not m:
            ck.err(p.name, "file name must be NN_slug.json (lower-case slug)")
        else:
            numbers.append(int(m.group(1)))
        ck.check_file(p)
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        ck.err("files", f"numbering is not 01..{len(numbers):02d}: {sorted(numbers)}")
    names = Counter()
    for p in files:
        try:
            names[json.loads(p.read_text(encoding="utf-8")).get("forbund")] += 1
        except Exception:
            pass
    for n, c in names.items():
        if c > 1:
            ck.err("files", f"förbund {n!r} appears in {c} files")

    print(f"{'file':34} lines headings borderline")
    for name, n, h, b in ck.per_file:
        print(f"{name:34} {n:5d} {h:8d} {b:10d}")
    print()
    total = sum(ck.cat_counts.values())
    print(f"förbund: {len(files)}   lines: {total} (income {ck.kind_counts['income']}, "
          f"costs {ck.kind_counts['costs']})   headings: {ck.headings}   "
          f"borderline (non-empty also): {ck.borderline}")
    print()
    order = ["medlemsbidrag", "ovriga_intakter", "styrelse", "administration",
             "individinsatser", "metoder", "struktur", "utbildning", "utvardering",
             "processtod", "ofordelat", "ej_klassificerat"]
    for code in order:
        print(f"  {code:18} {ck.cat_counts.get(code, 0):4d}")
    if ck.errors:
        print(f"\n{len(ck.errors)} error(s):", file=sys.stderr)
        for e in ck.errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
