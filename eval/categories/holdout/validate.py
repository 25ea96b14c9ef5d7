#!/usr/bin/env python3
"""Validate the held-out categorisation corpus and print statistics.

Usage:  python validate.py [folder]      (default: the folder this file is in)

Checks, for every NN_slug.json:
  * top level has exactly: forbund, description, income, costs
  * every ITEM is either a line {label, category, [also], why}
    or a heading {heading, items} with a non-empty items list
  * headings nest at most two levels
  * income lines use income codes, cost lines use cost codes
  * `also` codes are valid, of the same kind, distinct, and differ from `category`
  * no label occurs twice within one förbund
  * no "Summa"/total/result rows
Exit status is 1 if any check fails.
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
ORDER = ["medlemsbidrag", "ovriga_intakter", "styrelse", "administration",
         "individinsatser", "metoder", "struktur", "utbildning", "utvardering",
         "processtod", "ofordelat", "ej_klassificerat"]
LINE_KEYS = {"label", "category", "also", "why"}
HEADING_KEYS = {"heading", "items"}
TOP_KEYS = {"forbund", "description", "income", "costs"}
FORBIDDEN = re.compile(r"^\s*(summa|totalt|total|resultat|årets resultat|eget kapital)\b", re.I)
FILENAME = re.compile(r"^\d{2}_[a-z0-9_]+\.json$")


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    files = sorted(folder.glob("*.json"))
    errors: list[str] = []
    counts = {"income": Counter(), "costs": Counter()}
    n_lines = n_headings = n_also = 0
    per_file = []

    for path in files:
        where = path.name
        if not FILENAME.match(path.name):
            errors.append(f"{where}: file name should be NN_slug.json")
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{where}: cannot parse JSON: {exc}")
            continue
        if not isinstance(doc, dict) or set(doc) != TOP_KEYS:
            errors.append(f"{where}: top-level keys must be {sorted(TOP_KEYS)}")
            continue
        for key in ("forbund", "description"):
            if not isinstance(doc[key], str) or not doc[key].strip():
                errors.append(f"{where}: '{key}' must be a non-empty string")
        labels: Counter = Counter()
        file_lines = 0

        def walk(items, kind, depth, path_txt):
            nonlocal n_lines, n_headings, n_also, file_lines
            if not isinstance(items, list) or not items:
                errors.append(f"{where}:{path_txt}: must be a non-empty list")
                return
            allowed = INCOME_CODES if kind == "income" else COST_CODES
            for i, it in enumerate(items):
                loc = f"{path_txt}[{i}]"
                if not isinstance(it, dict):
                    errors.append(f"{where}:{loc}: item must be an object")
                    continue
                if "heading" in it:
                    if set(it) != HEADING_KEYS:
                        errors.append(f"{where}:{loc}: heading must have exactly {sorted(HEADING_KEYS)}")
                        continue
                    if not isinstance(it["heading"], str) or not it["heading"].strip():
                        errors.append(f"{where}:{loc}: empty heading text")
                    if depth >= 2:
                        errors.append(f"{where}:{loc}: headings nested deeper than two levels")
                    if FORBIDDEN.match(it["heading"]):
                        errors.append(f"{where}:{loc}: total/result row as heading: {it['heading']!r}")
                    n_headings += 1
                    walk(it["items"], kind, depth + 1, f"{loc}/{it['heading']}")
                    continue
                if not {"label", "category", "why"} <= set(it) or not set(it) <= LINE_KEYS:
                    errors.append(f"{where}:{loc}: line must have label, category, why (and optional also)")
                    continue
                label, cat = it["label"], it["category"]
                if not isinstance(label, str) or not label.strip():
                    errors.append(f"{where}:{loc}: empty label")
                    continue
                if FORBIDDEN.match(label):
                    errors.append(f"{where}:{loc}: total/result row: {label!r}")
                if not isinstance(it["why"], str) or not it["why"].strip():
                    errors.append(f"{where}:{loc}: empty why for {label!r}")
                if cat not in ALL_CODES:
                    errors.append(f"{where}:{loc}: unknown code {cat!r} for {label!r}")
                elif cat not in allowed:
                    errors.append(f"{where}:{loc}: {kind} line {label!r} has code {cat!r}")
                also = it.get("also", [])
                if not isinstance(also, list):
                    errors.append(f"{where}:{loc}: also must be a list")
                    also = []
                for a in also:
                    if a not in allowed:
                        errors.append(f"{where}:{loc}: also-code {a!r} not a valid {kind} code ({label!r})")
                    if a == cat:
                        errors.append(f"{where}:{loc}: also repeats category ({label!r})")
                if len(set(also)) != len(also):
                    errors.append(f"{where}:{loc}: duplicate code in also ({label!r})")
                labels[label.strip().lower()] += 1
                counts[kind][cat] += 1
                n_lines += 1
                file_lines += 1
                if also:
                    n_also += 1

        for kind in ("income", "costs"):
            walk(doc[kind], kind, 0, kind)
        for lab, c in labels.items():
            if c > 1:
                errors.append(f"{where}: label {lab!r} occurs {c} times")
        per_file.append((path.name, file_lines))

    print(f"{len(files)} files, {n_lines} lines, {n_headings} headings, "
          f"{n_also} lines with non-empty 'also'\n")
    print(f"{'category':<20}{'income':>8}{'costs':>8}{'total':>8}")
    for code in ORDER:
        i, c = counts["income"][code], counts["costs"][code]
        print(f"{code:<20}{i:>8}{c:>8}{i + c:>8}")
    print()
    for name, n in per_file:
        print(f"  {name:<40}{n:>4} lines")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
