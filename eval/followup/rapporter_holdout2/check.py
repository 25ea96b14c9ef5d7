#!/usr/bin/env python3
"""Sanity check for the corpus (author's own check, not a general reader).

For every non-refused file it reads the sheet with hand-written, per-file
knowledge of the layout (which column is the accumulated utfall, where the
object is, which sign convention) and compares with the truth JSON, which
build.py computed from the underlying monthly data. For the refused files
it asserts the property that makes them refusable.

Run:  /work/main/.venv/bin/python check.py
"""
import json
import os
import re
from decimal import Decimal

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    if v is None:
        return Decimal(0)
    if isinstance(v, (int, float)):
        return Decimal(repr(v)).quantize(Decimal("0.01"))
    s = str(v).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    neg = False
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1]
    if s.endswith("-"):
        neg, s = True, s[:-1]
    if s.startswith("-"):
        neg, s = True, s[1:]
    d = Decimal(s.replace(",", "."))
    return (-d if neg else d).quantize(Decimal("0.01"))


def load(name, sheet=None):
    wb = openpyxl.load_workbook(os.path.join(HERE, name), data_only=True)
    return wb[sheet] if sheet else wb.worksheets[0]


def acc_of(v):
    if v is None:
        return None
    m = re.match(r"^\s*(\d{4})\b", str(v))
    return m.group(1) if m else None


def pl(acc):
    return acc[0] not in "12"


def simple(name, sheet, first_row, acc_col, obj_col, val_cols, sign, stop=None):
    ws = load(name, sheet)
    got = {}
    for r in range(first_row, ws.max_row + 1):
        a0 = ws.cell(r, 1).value
        b0 = ws.cell(r, 2).value
        if stop and (a0 == stop or b0 == stop):
            break
        acc = acc_of(ws.cell(r, acc_col).value)
        if not acc or not pl(acc):
            continue
        o = ws.cell(r, obj_col).value if obj_col else None
        o = None if o in (None, "") else str(o)
        val = sum((num(ws.cell(r, c).value) for c in val_cols), Decimal(0))
        key = (acc, o)
        assert key not in got, (name, key)
        got[key] = val * sign
    return got


def g04():
    ws = load("g04.xlsx", "Resultaträkning")
    got, obj, sec = {}, None, None
    for r in range(6, ws.max_row + 1):
        a, b = ws.cell(r, 1).value, ws.cell(r, 2).value
        if isinstance(a, str) and re.match(r"^\d{3} ", a):
            obj = a.split()[0]
            continue
        if b in ("INTÄKTER", "KOSTNADER"):
            sec = b
            continue
        acc = acc_of(a)
        if acc:
            v = num(ws.cell(r, 3).value) * 1000
            got[(acc, obj)] = v if sec == "INTÄKTER" else -v
    return got


def main():
    ok = True
    readers = {
        "g01": lambda: simple("g01.xlsx", None, 7, 1, 3, [6], -1),
        "g02": lambda: simple("g02.xlsx", None, 2, 1, 3, range(5, 13), -1),
        "g03": lambda: simple("g03.xlsx", None, 10, 1, None, [3], 1),
        "g04": g04,
        "g05": lambda: simple("g05.xlsx", None, 7, 1, 3, [5], 1),
        "g06": lambda: simple("g06.xlsx", None, 7, 1, 3, [4], -1),
        "g07": lambda: simple("g07.xlsx", None, 2, 1, None, [3], 1, stop="BALANSRÄKNING"),
    }
    for i in range(1, 11):
        n = f"g{i:02d}"
        t = json.load(open(os.path.join(HERE, n + ".json"), encoding="utf-8"))
        assert t["file"] == n + ".xlsx"
        if t["refuse"]:
            assert t["rows"] == [] and t["reason"]
            continue
        truth = {(x["account"], x["object"]): Decimal(x["amount"]) for x in t["rows"]}
        for x in t["rows"]:
            assert re.fullmatch(r"-?\d+\.\d\d", x["amount"]), x
        got = readers[n]()
        if got != truth:
            ok = False
            print(n, "MISMATCH")
            for k in sorted(set(got) | set(truth), key=str):
                if got.get(k) != truth.get(k):
                    print("   ", k, "sheet", got.get(k), "truth", truth.get(k))
        else:
            print(n, "ok", len(truth), "rows")
    # g02: the 'Summa' column equals the sum of the month columns
    ws = load("g02.xlsx")
    for r in range(2, ws.max_row + 1):
        assert sum((num(ws.cell(r, c).value) for c in range(5, 13)), Decimal(0)) == num(ws.cell(r, 13).value)
    # g08: report period is Jan-May, asked Jan-Aug
    ws = load("g08.xlsx")
    assert "2025-05-31" in ws["A4"].value
    # g09: no account numbers anywhere
    ws = load("g09.xlsx")
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if isinstance(v, str):
                assert not re.search(r"\b[3-8]\d{3}\b", v), v
    # g10: the two accumulated columns disagree on most rows
    ws = load("g10.xlsx")
    diff = sum(1 for r in range(6, ws.max_row + 1) if ws.cell(r, 6).value != ws.cell(r, 7).value)
    assert diff >= 10, diff
    print("refusal properties ok;", "ALL OK" if ok else "FAILURES")


if __name__ == "__main__":
    main()
