#!/usr/bin/env python3
"""Validate the holdout3 category corpus and print summary counts.

Usage: python validate.py  (exit code 0 = all files valid)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
INCOME_CODES = {"medlemsbidrag", "ovriga_intakter"}
COST_CODES = {"styrelse", "administration", "individinsatser", "metoder", "struktur",
              "utbildning", "utvardering", "processtod", "ofordelat"}
UNCLASSIFIED = "ej_klassificerat"
ALL_CODES = INCOME_CODES | COST_CODES | {UNCLASSIFIED}
ORDER = ["medlemsbidrag", "ovriga_intakter", "styrelse", "administration", "individinsatser",
         "metoder", "struktur", "utbildning", "utvardering", "processtod", "ofordelat",
         UNCLASSIFIED]
MAX_HEADING_DEPTH = 2
TOP_KEYS = {"forbund", "description", "income", "costs"}
LINE_KEYS = {"label", "category", "also", "why"}
HEADING_KEYS = {"heading", "items"}
FORBIDDEN_LABEL = re.compile(r"^\s*(summa|totalt|total|resultat|årets resultat|eget kapital)\b",
                             re.IGNORECASE)


class Stats:
    def __init__(self):
        self.categories = Counter()
        self.lines = 0
        self.headings = 0
        self.borderline = 0
        self.per_file = []


def check_items(items, kind, depth, fname, path, errors, labels, stats, counts):
    allowed = (INCOME_CODES if kind == "income" else COST_CODES) | {UNCLASSIFIED}
    if not isinstance(items, list):
        errors.append(f"{fname}: {path}: items must be a list")
        return
    for i, it in enumerate(items):
        where = f"{path}[{i}]"
        if not isinstance(it, dict):
            errors.append(f"{fname}: {where}: item must be an object")
            continue
        if "heading" in it:
            extra = set(it) - HEADING_KEYS
            if extra:
                errors.append(f"{fname}: {where}: unexpected keys in heading {sorted(extra)}")
            h = it.get("heading")
            if not isinstance(h, str) or not h.strip():
                errors.append(f"{fname}: {where}: heading text must be a non-empty string")
            if depth + 1 > MAX_HEADING_DEPTH:
                errors.append(f"{fname}: {where}: headings nested deeper than {MAX_HEADING_DEPTH}")
            sub = it.get("items")
            if not isinstance(sub, list) or not sub:
                errors.append(f"{fname}: {where}: heading {h!r} has no items")
            stats.headings += 1
            counts["headings"] += 1
            check_items(sub or [], kind, depth + 1, fname, f"{where}<{h}>", errors, labels,
                        stats, counts)
        elif "label" in it:
            extra = set(it) - LINE_KEYS
            if extra:
                errors.append(f"{fname}: {where}: unexpected keys in line {sorted(extra)}")
            label = it.get("label")
            if not isinstance(label, str) or not label.strip():
                errors.append(f"{fname}: {where}: label must be a non-empty string")
                continue
            if label != label.strip():
                errors.append(f"{fname}: {where}: label {label!r} has surrounding whitespace")
            if FORBIDDEN_LABEL.match(label):
                errors.append(f"{fname}: {where}: total/result/equity row not allowed: {label!r}")
            key = label.casefold()
            if key in labels:
                errors.append(f"{fname}: {where}: duplicate label {label!r}")
            labels.add(key)
            cat = it.get("category")
            if cat not in ALL_CODES:
                errors.append(f"{fname}: {where}: unknown category {cat!r}")
            elif cat not in allowed:
                errors.append(f"{fname}: {where}: {kind} line {label!r} has wrong-kind code {cat!r}")
            also = it.get("also", [])
            if not isinstance(also, list):
                errors.append(f"{fname}: {where}: also must be a list")
                also = []
            for a in also:
                if a not in ALL_CODES:
                    errors.append(f"{fname}: {where}: unknown code in also {a!r}")
                elif a not in allowed:
                    errors.append(f"{fname}: {where}: wrong-kind code in also {a!r}")
                if a == cat:
                    errors.append(f"{fname}: {where}: also repeats the category {a!r}")
            if len(set(also)) != len(also):
                errors.append(f"{fname}: {where}: duplicate codes in also")
            why = it.get("why")
            if not isinstance(why, str) or not why.strip():
                errors.append(f"{fname}: {where}: why must be a non-empty string")
            stats.lines += 1
            counts["lines"] += 1
            counts[kind] += 1
            if cat in ALL_CODES:
                stats.categories[cat] += 1
            if also:
                stats.borderline += 1
                counts["borderline"] += 1
        else:
            errors.append(f"{fname}: {where}: item is neither a line nor a heading")


def main():
    files = sorted(HERE.glob("*.json"))
    errors = []
    stats = Stats()
    if not files:
        errors.append("no JSON files found")
    numbers = []
    for f in files:
        m = re.fullmatch(r"(\d\d)_[a-z0-9_]+\.json", f.name)
        if not m:
            errors.append(f"{f.name}: file name must be NN_slug.json")
        else:
            numbers.append(int(m.group(1)))
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            errors.append(f"{f.name}: cannot parse JSON: {e}")
            continue
        if not isinstance(doc, dict):
            errors.append(f"{f.name}: top level must be an object")
            continue
        if set(doc) != TOP_KEYS:
            errors.append(f"{f.name}: top-level keys must be {sorted(TOP_KEYS)}, got {sorted(doc)}")
        for k in ("forbund", "description"):
            if not isinstance(doc.get(k), str) or not doc.get(k, "").strip():
                errors.append(f"{f.name}: {k} must be a non-empty string")
        labels = set()
        counts = Counter()
        for kind in ("income", "costs"):
            items = doc.get(kind)
            if not isinstance(items, list) or not items:
                errors.append(f"{f.name}: {kind} must be a non-empty list")
                continue
            check_items(items, "income" if kind == "income" else "costs", 0, f.name, kind,
                        errors, labels, stats, counts)
        if not 15 <= counts["lines"] <= 40:
            errors.append(f"{f.name}: {counts['lines']} lines, expected 15-40")
        stats.per_file.append((f.name, doc.get("forbund"), counts))
    if numbers and sorted(numbers) != list(range(1, len(numbers) + 1)):
        errors.append(f"file numbers are not a contiguous 01..NN sequence: {sorted(numbers)}")

    print(f"{'file':38} {'inc':>4} {'cost':>5} {'lines':>6} {'head':>5} {'bord':>5}")
    for name, _forbund, c in stats.per_file:
        print(f"{name:38} {c['income']:>4} {c['costs']:>5} {c['lines']:>6} "
              f"{c['headings']:>5} {c['borderline']:>5}")
    print()
    print(f"förbund: {len(stats.per_file)}")
    print(f"lines:   {stats.lines}")
    print(f"headings: {stats.headings}")
    print(f"lines with non-empty also (borderline): {stats.borderline}")
    print()
    print("lines per category:")
    for code in ORDER:
        print(f"  {code:18} {stats.categories[code]:>4}")

    if errors:
        print(f"\n{len(errors)} ERROR(S):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK: all files valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
