"""Verify every truth file of the held-out corpus against its workbook.

SPEC below says, independently of the build scripts, which rows are the revenue and cost line items
of every budget column (sign convention, unit factor), every total cell as a signed sum of other
cells (per column, plus cross-column and cross-sheet rules for equity and summary sheets), where
the equity figures sit and which column's result each equity year takes.

The script reads each workbook twice with openpyxl (formulas, and cached values). A cell's STATED
value is its typed value (text amounts are parsed: spaces, no-break spaces, U+2212, decimal comma),
its cached formula result, or, for formulas without a cached value, the formula evaluated here.
Its TRUE value is the signed sum of the true values of its parts (line items are taken as stated).
It then checks:
  * every formula's cached value equals the formula evaluated from the cells it references;
  * the truth files' keys (the format of eval/handwritten, plus equity unit and cells);
  * header cells and texts, kind and year of every column;
  * intäkter / kostnader / resultat of every column from the line items, and the result cell;
  * every rule cell: unmarked cells are right (stated = true); consequential cells equal the sum of
    their stated parts but differ from the true value; planted cells differ from the true value;
    the set of wrong cells is exactly planted + consequential;
  * stated / correct / difference / label of every planted error;
  * the equity: cell values, IB + resultat = UB, IB = previous UB, resultat = that column's result.
"""
import json
import os
import re
import sys
import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(s):
    out = []
    for part in s.split(","):
        if "-" in part:
            a, b = part.split("-"); out += range(int(a), int(b) + 1)
        elif part:
            out.append(int(part))
    return out


def terms(s):
    """'11=6..10' style right-hand side -> [(sign, row)]"""
    out = []
    for sign, tok in re.findall(r"([+-]?)([0-9.]+)", s):
        k = -1 if sign == "-" else 1
        if ".." in tok:
            a, b = tok.split(".."); out += [(k, r) for r in range(int(a), int(b) + 1)]
        else:
            out.append((k, int(tok)))
    return out


def sheet_(name, cols, f, hdr, rev, cost, rs, cs, res, rules, label="A"):
    return dict(name=name, cols=cols, f=f, hdr=hdr, rev=rev, cost=cost, rs=rs, cs=cs, res=res,
                rules=rules, label=label)


def colrule(sheet, cols, row_rule):
    """the same rule 'T=parts' for a list of columns -> explicit rules"""
    t, p = row_rule.split("=")
    return [((sheet, f"{c}{t}"), [(k, sheet, f"{c}{r}") for k, r in terms(p)]) for c in cols]


def rollforward(sheet, cols, ib, ub):
    """IB of each later column = UB of the column before"""
    return [((sheet, f"{c}{ib}"), [(1, sheet, f"{p}{ub}")]) for p, c in zip(cols, cols[1:])]


def eq_cols(sheet, years, cols, ib, res, ub, f, unit, rescols):
    """equity with years as columns; rescols: the (sheet, column) whose result each year takes"""
    return [dict(year=y, sheet=sheet, f=f, unit=unit, rescol=rc,
                 cells={"ib": f"{c}{ib}" if ib else None, "resultat": f"{c}{res}" if res else None,
                        "ub": f"{c}{ub}"}) for y, c, rc in zip(years, cols, rescols)]


def eq_rows(sheet, years, first, f, unit, rescols, cols="BCD"):
    """equity with years as rows: IB | resultat | UB in three columns"""
    a, b, c = cols
    return [dict(year=y, sheet=sheet, f=f, unit=unit, rescol=rc,
                 cells={"ib": f"{a}{first+i}", "resultat": f"{b}{first+i}", "ub": f"{c}{first+i}"})
            for i, (y, rc) in enumerate(zip(years, rescols))]


def ratio(sheet, cells, num, den, nd):
    return [(sheet, f"{c}{r}", f"{c}{r}" if num is None else num(c, r), den(c, r), nd) for c, r in cells]


SPEC = {}

# x01 ------------------------------------------------------------------------------------------
S = "Budget 2026-2028"
SPEC["x01"] = dict(
    sheets=[sheet_(S, "BCDEF", 1, (4, 5), "6-10", "13-16,19-22,25-27,30", 1, -1, (33, 1),
                   "11=6..10;17=13..16;23=19..22;28=25..27;31=17+23+28+30;33=11+31;36=33;37=35+36")],
    extra=rollforward(S, "BCDEF", 35, 37),
    equity=eq_cols(S, [2024, 2025, 2026, 2027, 2028], "BCDEF", 35, 36, 37, 1, "kr",
                   [(S, c) for c in "BCDEF"]),
    planted={})

# x02 ------------------------------------------------------------------------------------------
S = "Resultatbudget"
SPEC["x02"] = dict(
    sheets=[sheet_(S, "CDE", 1000, 4, "6-10,27", "14-22,28", -1, 1, (29, -1),
                   "11=6..10;23=14..22;25=11+23;29=25+27+28", label="B")],
    extra=[], equity=[], planted={"E23": "14..22"})

# x03 ------------------------------------------------------------------------------------------
S, E = "Budget", "Eget kapital"
SPEC["x03"] = dict(
    sheets=[sheet_(S, "DEF", 1, 4, "6-12", "15-19,22-24,27-28", 1, 1, (31, 1),
                   "5=6..12;14=15..19;21=22..24;26=27..28;30=14+21+26;31=5-30")],
    extra=[((E, "C4"), [(1, S, "D31")]), ((E, "C5"), [(1, S, "E31")]), ((E, "C6"), [(1, S, "F31")]),
           ((E, "D4"), [(1, E, "B4"), (1, E, "C4")]), ((E, "B5"), [(1, E, "D4")]),
           ((E, "D5"), [(1, E, "B5"), (1, E, "C5")]), ((E, "B6"), [(1, E, "D5")]),
           ((E, "D6"), [(1, E, "B6"), (1, E, "C6")])],
    equity=eq_rows(E, [2025, 2026, 2027], 4, 1, "kr", [(S, "D"), (S, "E"), (S, "F")]),
    planted={})

# x04 ------------------------------------------------------------------------------------------
Y = ["Budget 2026", "Plan 2027", "Plan 2028"]
SM = "Sammandrag"
x04x = []
for y, c in zip(Y, "BCD"):
    x04x += [((SM, f"{c}4"), [(1, y, "B4")]), ((SM, f"{c}5"), [(1, y, "B10")]),
             ((SM, f"{c}6"), [(1, SM, f"{c}4"), (1, SM, f"{c}5")]), ((SM, f"{c}9"), [(1, SM, f"{c}6")]),
             ((SM, f"{c}10"), [(1, SM, f"{c}8"), (1, SM, f"{c}9")])]
x04x += rollforward(SM, "BCD", 8, 10)
SPEC["x04"] = dict(
    sheets=[sheet_(y, "B", 1000, 3, "5-8", "12-15,17-20,22-24", 1, -1, (26, 1),
                   "4=5..8;11=12..15;16=17..20;21=22..23;10=11+16+21+24;26=4+10") for y in Y],
    extra=x04x,
    equity=eq_cols(SM, [2026, 2027, 2028], "BCD", 8, 9, 10, 1000, "tkr", [(y, "B") for y in Y]),
    planted={("Plan 2028", "B16"): "17..20"})

# x05 ------------------------------------------------------------------------------------------
S = "Budget 2026"
amount_rows = [5, 6, 7, 8, 9] + list(range(11, 26)) + [27]
SPEC["x05"] = dict(
    sheets=[sheet_(S, "BCD", 1000, 4, "6-9", "13-16,19-21,23-25", 1, 1, (27, 1),
                   "5=6..9;12=13..16;18=19..21;22=23..24;17=18+22;11=12+17+25;27=5-11")],
    extra=[((S, f"E{r}"), [(1, S, f"D{r}"), (-1, S, f"B{r}")]) for r in amount_rows]
          + [((S, "D29"), [(1, S, "C29"), (1, S, "D27")])],
    ratios=ratio(S, [("F", r) for r in amount_rows], lambda c, r: f"E{r}", lambda c, r: f"B{r}", 3),
    equity=eq_cols(S, [2025, 2026], "CD", None, None, 29, 1000, "tkr", [(S, "C"), (S, "D")]),
    planted={})

# x06 ------------------------------------------------------------------------------------------
S = "Resultatbudget"
SPEC["x06"] = dict(
    sheets=[sheet_(S, "DEFG", 1, 4, "6-10", "15-18,23-25,28-29,33", 1, -1, (36, 1),
                   "11=6..10;19=15..18;26=23..25;30=28..29;31=26+30;34=19+31+33;36=11+34", label="B")],
    extra=[], equity=[], planted={"F11": "6..10"})

# x07 ------------------------------------------------------------------------------------------
S, E = "Budget", "Eget kapital"
x07x = [((E, f"{c}5"), [(1, S, f"{b}28")]) for c, b in zip("BCDE", "BDEF")]
x07x += [((E, f"{c}6"), [(1, E, f"{c}4"), (1, E, f"{c}5")]) for c in "BCDE"]
x07x += rollforward(E, "BCDE", 4, 6)
SPEC["x07"] = dict(
    sheets=[sheet_(S, "BDEF", 1, 4, "6-10,26", "14-22,27", 1, 1, (28, 1),
                   "11=6..10;23=14..22;25=11-23;28=25+26-27")],
    extra=x07x,
    equity=eq_cols(E, [2025, 2026, 2027, 2028], "BCDE", 4, 5, 6, 1, "kr", [(S, c) for c in "BDEF"]),
    planted={(E, "D6"): "4+5"})

# x08 ------------------------------------------------------------------------------------------
S = "Budget"
SPEC["x08"] = dict(
    sheets=[sheet_(S, "BCD", 1, 3, "23-34", "5-8,10-15,17-19,20", 1, -1, (37, 1),
                   "4=5..8;9=10..15;16=17..19;21=4+9+16+20;35=23..34;37=35+21")],
    extra=[], equity=[], planted={})

# x09 ------------------------------------------------------------------------------------------
S = "Budget"
x09x = [((S, f"{c}32"), [(1, S, f"{c}31"), (-1, S, f"{c}28")]) for c in "BCD"] + rollforward(S, "BCD", 31, 32)
SPEC["x09"] = dict(
    sheets=[sheet_(S, "BCD", 1000, 4, "6-9", "13-16,18-21,23-25", -1, 1, (28, -1),
                   "5=6..8;10=5+9;12=13..16;17=18..21;22=23..24;26=12+17+22+25;28=10+26")],
    extra=x09x,
    ratios=ratio(S, [("E", r) for r in range(12, 27)], lambda c, r: f"C{r}", lambda c, r: "C26", 3),
    equity=eq_cols(S, [2025, 2026, 2027], "BCD", 31, None, 32, 1000, "tkr", [(S, c) for c in "BCD"]),
    planted={"C28": "10+26"})

# x10 ------------------------------------------------------------------------------------------
S = "Budget"
SPEC["x10"] = dict(
    sheets=[sheet_(S, "BCDEF", 1, 4, "6-9", "13-16,20-24", 1, 1, (29, 1),
                   "10=6..9;17=13..16;25=20..23;27=17+25+24;29=10-27")],
    extra=[((S, f"G{r}"), [(1, S, f"D{r}"), (-1, S, f"C{r}")])
           for r in [6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 25, 27, 29]],
    equity=[], planted={})

# x11 ------------------------------------------------------------------------------------------
S = "Budget"
SPEC["x11"] = dict(
    sheets=[sheet_(S, "BCDE", 1000, 4, "5-8", "11-13,16-20,23", -1, 1, (26, -1),
                   "9=5..8;14=11..13;21=16..20;24=14+21+23;26=9+24;30=-26;31=29+30")],
    extra=rollforward(S, "BCDE", 29, 31),
    equity=eq_cols(S, [2024, 2025, 2026, 2027], "BCDE", 29, 30, 31, 1000, "tkr", [(S, c) for c in "BCDE"]),
    planted={})

# x12 ------------------------------------------------------------------------------------------
S = "Budget"
SPEC["x12"] = dict(
    sheets=[sheet_(S, "BCDE", 1000, 4, "6-7,9-14", "17-20,24-27,29-32", 1, 1, (35, 1),
                   "8=9..13;5=6+7+8+14;16=17..20;23=24..27;28=29..31;22=23+28+32;34=16+22;35=5-34")],
    extra=[], equity=[], planted={"C23": "24..27"})

# x13 ------------------------------------------------------------------------------------------
S = "Budget"
x13x = [((S, f"C{32+i}"), [(1, S, f"{c}27")]) for i, c in enumerate("EDCB")]
x13x += [((S, f"D{r}"), [(1, S, f"B{r}"), (1, S, f"C{r}")]) for r in range(32, 36)]
x13x += [((S, f"B{r+1}"), [(1, S, f"D{r}")]) for r in range(32, 35)]
SPEC["x13"] = dict(
    sheets=[sheet_(S, "BCDE", 1, 4, "5-11", "15-18,20-24", 1, -1, (27, 1),
                   "12=5..11;14=15..18;19=20..23;25=14+19+24;27=12+25")],
    extra=x13x,
    equity=eq_rows(S, [2025, 2026, 2027, 2028], 32, 1, "kr", [(S, c) for c in "EDCB"]),
    planted={})

# x14 ------------------------------------------------------------------------------------------
S = "Budget 2026"
SPEC["x14"] = dict(
    sheets=[sheet_(S, "BCDE", 1, 3, "5-6,8-15,18-19", "24-29,32-36,39-41,44-46,48", 1, 1, (51, 1),
                   "16=8..15;17=5+6+16;20=17+18+19;30=24..29;37=32..36;42=39..41;47=44..46;"
                   "49=30+37+42+47+48;51=20-49")],
    extra=[], equity=[], planted={})

# x15 ------------------------------------------------------------------------------------------
S, E = "Budget", "Eget kapital"
SPEC["x15"] = dict(
    sheets=[sheet_(S, "BCD", 1000, 4, "6-12", "16-17,19-20,22-27", 1, -1, (30, 1),
                   "5=6..11;13=5+12;15=16+17+19+20;21=22..25;28=15+21+26+27;30=13+28")],
    extra=[((E, "C4"), [(1, E, "B4"), (1, S, "C30")]), ((E, "D4"), [(1, E, "C4"), (1, S, "D30")])],
    equity=eq_cols(E, [2025, 2026, 2027], "BCD", None, None, 4, 1000, "tkr", [(S, c) for c in "BCD"]),
    planted={})

# x16 ------------------------------------------------------------------------------------------
S = "Budget och plan"
SPEC["x16"] = dict(
    sheets=[sheet_(S, "BCDE", 1, (3, 4), "6-12", "16-26", 1, 1, (29, 1),
                   "13=6..12;27=16..26;29=13-27;32=29;33=31+32")],
    extra=rollforward(S, "BCDE", 31, 33),
    equity=eq_cols(S, [2025, 2026, 2027, 2028], "BCDE", 31, 32, 33, 1, "kr", [(S, c) for c in "BCDE"]),
    planted={})


# ----------------------------------------------------------------------------------------------
def num(v):
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace("\u2212", "-").replace("\xa0", "").replace("\u202f", "").replace(" ", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()").replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", s):
        raise ValueError(f"not a number: {v!r}")
    x = float(s)
    return -x if neg else x


class Book:
    def __init__(self, path):
        self.wf = openpyxl.load_workbook(path)
        self.wv = openpyxl.load_workbook(path, data_only=True)

    def isformula(self, sh, cell):
        v = self.wf[sh][cell].value
        return isinstance(v, str) and v.startswith("=")

    def stated(self, sh, cell):
        raw = self.wf[sh][cell].value
        if isinstance(raw, str) and raw.startswith("="):
            cached = self.wv[sh][cell].value
            return cached if cached is not None else self.evaluate(sh, raw)
        return num(raw) or 0

    def evaluate(self, sh, formula):
        expr = formula[1:]

        def rng(m):
            s2 = m.group(1) or m.group(2) or sh
            c1, r1, c2, r2 = m.group(3), int(m.group(4)), m.group(5), int(m.group(6))
            tot = 0
            for ci in range(column_index_from_string(c1), column_index_from_string(c2) + 1):
                for r in range(r1, r2 + 1):
                    tot += self.stated(s2, f"{get_column_letter(ci)}{r}")
            return repr(tot)
        expr = re.sub(r"SUM\((?:'([^']+)'!|([A-Za-zÅÄÖåäö][\w]*)!)?\$?([A-Z]{1,2})\$?(\d+):\$?([A-Z]{1,2})\$?(\d+)\)", rng, expr)

        def ref(m):
            s2 = m.group(1) or m.group(2) or sh
            return repr(self.stated(s2, f"{m.group(3)}{m.group(4)}"))
        expr = re.sub(r"(?:'([^']+)'!|([A-Za-zÅÄÖåäö]\w*)!)?\$?([A-Z]{1,2})\$?(\d+)(?![\w(])", ref, expr)
        expr = expr.replace("ROUND(", "round(")
        if not re.fullmatch(r"(?:round|[-+*/(). ,0-9e])+", expr):
            raise ValueError(f"cannot evaluate {formula!r} -> {expr!r}")
        return eval(expr)

    def header(self, sh, col, hdr):
        ws = self.wv[sh]
        if isinstance(hdr, int):
            return f"{col}{hdr}", ws[f"{col}{hdr}"].value
        top, bottom = hdr
        tv = ws[f"{col}{top}"].value
        for mr in ws.merged_cells.ranges:
            if f"{col}{top}" in mr:
                tv = ws.cell(mr.min_row, mr.min_col).value
        return f"{col}{bottom}", f"{tv} {ws[f'{col}{bottom}'].value}"


KIND = {"Utfall": "utfall", "Bokslut": "utfall", "Prognos": "prognos", "Budget": "budget", "Plan": "plan"}
TOP = ["file", "organisation", "description", "traits", "columns", "equity", "planted_errors",
       "consequential_cells", "ambiguous"]
COLK = ["sheet", "cell", "header", "kind", "year", "intakter", "kostnader", "resultat"]
EQK = ["year", "ib", "resultat", "ub", "sheet", "unit", "cells"]
PEK = ["sheet", "cell", "label", "column", "kind", "stated", "correct", "difference"]
PEKINDS = {"subtotal", "revenue_total", "cost_total", "result", "equity"}

problems = 0


def bad(msg):
    global problems
    problems += 1
    print("  PROBLEM:", msg)


files = sorted(f for f in os.listdir(HERE) if re.match(r"x\d\d_.*\.json$", f))
for jf in files:
    key = jf[:3]
    print(jf)
    t = json.load(open(os.path.join(HERE, jf), encoding="utf-8"))
    sp = SPEC[key]
    if list(t) != TOP: bad(f"top-level keys {list(t)}")
    for c in t["columns"]:
        if list(c) != COLK: bad(f"column keys {list(c)}")
    for e in t["equity"]:
        if list(e) != EQK: bad(f"equity keys {list(e)}")
    for p in t["planted_errors"]:
        if list(p) != PEK: bad(f"planted keys {list(p)}")
        if p["kind"] not in PEKINDS: bad(f"planted kind {p['kind']}")
    for c in t["consequential_cells"]:
        if list(c) != ["sheet", "cell"]: bad(f"consequential keys {list(c)}")
    if t["file"] != jf[:-5] + ".xlsx": bad("file name")
    if t["ambiguous"] is not False: bad("ambiguous must be false")
    if bool(t["planted_errors"]) != ("planted_error" in t["traits"]) or bool(t["planted_errors"]) == ("clean" in t["traits"]):
        bad("planted_error / clean trait inconsistent")
    bk = Book(os.path.join(HERE, t["file"]))

    # 1. every formula's cached value against its evaluation
    nf = 0
    for ws in bk.wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    nf += 1
                    cached = bk.wv[ws.title][c.coordinate].value
                    if cached is None: continue
                    ev = bk.evaluate(ws.title, c.value)
                    if abs(ev - cached) > 1e-6 * max(1, abs(cached)):
                        bad(f"{ws.title}!{c.coordinate} cached {cached} but {c.value} gives {ev}")
    print(f"  {nf} formulas, cached values consistent")

    # 2. rules -> true values
    rules = {}
    factor = {}
    for s in sp["sheets"]:
        for r in s["rules"].split(";"):
            for k, v in colrule(s["name"], s["cols"], r):
                rules[k] = v
        for col in s["cols"]:
            factor[(s["name"], col)] = s["f"]
    for k, v in sp["extra"]:
        rules[k] = v
    for e in sp["equity"]:
        for c in e["cells"].values():
            if c: factor.setdefault((e["sheet"], re.match(r"[A-Z]+", c).group()), e["f"])
    memo = {}

    def true(sh, cell, depth=0):
        if (sh, cell) in memo: return memo[(sh, cell)]
        if depth > 50: raise RecursionError(cell)
        if (sh, cell) in rules:
            v = sum(k * true(s2, c2, depth + 1) for k, s2, c2 in rules[(sh, cell)])
        else:
            v = bk.stated(sh, cell)
        memo[(sh, cell)] = v
        return v

    def fac(sh, cell):
        return factor.get((sh, re.match(r"[A-Z]+", cell).group()), 1)

    def kr(sh, cell, v):
        return round(v * fac(sh, cell))

    planted = {}
    for pk, parts in sp["planted"].items():
        sh, cell = pk if isinstance(pk, tuple) else (sp["sheets"][0]["name"], pk)
        planted[(sh, cell)] = parts
    tp = {(p["sheet"], p["cell"]): p for p in t["planted_errors"]}
    tc = {(c["sheet"], c["cell"]) for c in t["consequential_cells"]}
    if set(tp) != set(planted): bad(f"planted cells in truth {set(tp)} vs spec {set(planted)}")
    wrong = set()
    for (sh, cell), parts in rules.items():
        S_ = kr(sh, cell, bk.stated(sh, cell))
        P_ = kr(sh, cell, sum(k * bk.stated(s2, c2) for k, s2, c2 in parts))
        T_ = kr(sh, cell, true(sh, cell))
        if S_ != T_: wrong.add((sh, cell))
        if (sh, cell) in tp:
            if S_ == T_: bad(f"planted {sh}!{cell} is not wrong")
        elif (sh, cell) in tc:
            if S_ != P_: bad(f"consequential {sh}!{cell} = {S_} is not the sum of its stated parts {P_}")
            if S_ == T_: bad(f"consequential {sh}!{cell} is not wrong")
        elif S_ != T_:
            bad(f"{sh}!{cell} stated {S_} but true {T_} (not marked)")
    if wrong != set(tp) | tc:
        bad(f"wrong cells {sorted(wrong)} vs planted+consequential {sorted(set(tp) | tc)}")
    print(f"  {len(rules)} total cells checked; wrong: {len(wrong)} (planted {len(tp)}, consequential {len(tc)})")
    for sh, cell, numc, denc, nd in sp.get("ratios", []):
        v = bk.stated(sh, cell)
        want = round(bk.stated(sh, numc) / bk.stated(sh, denc), nd)
        if abs(v - want) > 1e-9: bad(f"ratio {sh}!{cell} {v} vs {want}")

    # 3. columns
    tcols = {(c["sheet"], c["cell"]): c for c in t["columns"]}
    seen = set()
    colres = {}
    for s in sp["sheets"]:
        for col in s["cols"]:
            cell, htext = bk.header(s["name"], col, s["hdr"])
            c = tcols.get((s["name"], cell))
            if c is None:
                bad(f"no truth column for {s['name']}!{cell}"); continue
            seen.add((s["name"], cell))
            if htext != c["header"]: bad(f"header {cell} is {htext!r}, truth {c['header']!r}")
            m = re.search(r"(Utfall|Bokslut|Prognos|Budget|Plan)\D*(\d{4})", c["header"])
            if m:
                if (KIND[m.group(1)], int(m.group(2))) != (c["kind"], c["year"]): bad(f"kind/year of {cell}")
            else:  # the header carries no year (not used in this corpus)
                bad(f"header without kind/year {c['header']!r}")
            f = s["f"]
            inc = round(sum(true(s["name"], f"{col}{r}") for r in rows(s["rev"])) * f) * s["rs"]
            cost = round(sum(true(s["name"], f"{col}{r}") for r in rows(s["cost"])) * f) * s["cs"]
            rr, rsg = s["res"]
            rescell = round(true(s["name"], f"{col}{rr}") * f) * rsg
            ok = (inc, cost, inc - cost) == (c["intakter"], c["kostnader"], c["resultat"]) and rescell == inc - cost
            print(f"  {s['name']}!{col} {c['header']}: intäkter {inc} kostnader {cost} resultat {inc - cost}"
                  f" (result cell {rescell}) {'ok' if ok else 'MISMATCH'}")
            if not ok: bad(f"truth says {c['intakter']} {c['kostnader']} {c['resultat']}")
            colres[(s["name"], col)] = inc - cost
    if set(tcols) != seen: bad(f"truth columns not in spec: {set(tcols) - seen}")
    kinds = [(c["kind"], c["year"]) for c in t["columns"]]
    if len(kinds) != len(set(kinds)): bad("(kind, year) not unique")

    # 4. planted errors
    for (sh, cell), p in tp.items():
        st = kr(sh, cell, bk.stated(sh, cell))
        parts = planted[(sh, cell)]
        col = re.match(r"[A-Z]+", cell).group()
        cor = kr(sh, cell, sum(k * true(sh, f"{col}{r}") for k, r in terms(parts)))
        if cor != kr(sh, cell, true(sh, cell)): bad(f"planted parts of {cell} differ from its rule")
        print(f"  planted {sh}!{cell} {p['label']}: stated {st}, correct {cor}, difference {st - cor}")
        if (st, cor, st - cor) != (p["stated"], p["correct"], p["difference"]):
            bad(f"truth says stated {p['stated']} correct {p['correct']} difference {p['difference']}")
        lab_col = next((s["label"] for s in sp["sheets"] if s["name"] == sh), "A")
        lab = str(bk.wv[sh][f"{lab_col}{re.search(r'[0-9]+', cell).group()}"].value).strip()
        if p["label"] != lab: bad(f"label {p['label']!r} vs sheet {lab!r}")

    # 5. equity
    teq = {e["year"]: e for e in t["equity"]}
    if sorted(teq) != sorted(e["year"] for e in sp["equity"]): bad("equity years differ from spec")
    prev = None
    for e in sorted(sp["equity"], key=lambda e: e["year"]):
        te = teq.get(e["year"])
        if te is None: continue
        if (te["sheet"], te["unit"], te["cells"]) != (e["sheet"], e["unit"], e["cells"]):
            bad(f"equity {e['year']} sheet/unit/cells {te['sheet'], te['unit'], te['cells']}")
        for name in ("ib", "resultat", "ub"):
            c = e["cells"][name]
            if c is None: continue
            v = round(true(e["sheet"], c) * e["f"])
            if v != te[name]: bad(f"equity {e['year']} {name} {e['sheet']}!{c}: true {v}, truth {te[name]}")
        if te["resultat"] != colres[e["rescol"]]:
            bad(f"equity {e['year']} resultat {te['resultat']} is not the result of {e['rescol']}")
        if prev is None:
            if e["cells"]["ib"] is None and te["ib"] is not None: bad("first year's IB not shown but given")
        elif te["ib"] != prev:
            bad(f"equity {e['year']} IB {te['ib']} != previous UB {prev}")
        if te["ib"] is not None and te["ib"] + te["resultat"] != te["ub"]:
            bad(f"equity {e['year']} IB + resultat != UB")
        prev = te["ub"]
        print(f"  equity {e['year']}: ib {te['ib']} resultat {te['resultat']} ub {te['ub']} ok")

print()
print("files:", len(files), "problems:", problems)
sys.exit(1 if problems else 0)
