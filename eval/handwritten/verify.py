"""Verify every truth file against its workbook.

For each file SPEC says (independently of the build scripts) which cells are the revenue and cost
line items of each column, their sign convention and unit factor, where the equity figures sit and
which cells form the parts of each planted error.  The script re-reads the workbooks with
openpyxl (data_only, i.e. typed values and cached formula results), recomputes the sums and
compares them with the hand-written JSON.  Cells holding formulas without cached values are
reported as 'formula' and were checked by hand arithmetic instead."""
import json
import os
import re
import sys
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def rng(s):
    out = []
    for part in s.split(","):
        if "-" in part:
            a, b = part.split("-"); out += list(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def num(v):
    if v is None or isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace("\u2212", "-").replace("\xa0", "").replace("\u202f", "").replace(" ", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()").replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", s):
        raise ValueError(f"not a number: {v!r}")
    x = float(s)
    return -x if neg else x


# per file: list of (sheet, [cols], rev rows, cost rows, rev_sign, cost_sign, factor)
S = {
 "h01": [("Budget", "BCDE", "6-9", "13-14,16-18,20-23,25-27", 1, -1, 1)],
 "h02": [("Resultatbudget", "BCD", "5-8", "11-14,17-21,24", -1, 1, 1)],
 "h03": [("Budget 2026", "BCDE", "6-8", "12,14-15,18-21,24-25,27", 1, 1, 1000)],
 "h04": [("Budget", "BC", "6-8", "12-13,15-17,19-23,25-27", 1, -1, 1000)],
 "h05": [(s, "B", "6-8", "12-14,18-21", 1, 1, 1) for s in ("Budget 2026", "Plan 2027", "Plan 2028")],
 "h06": [("Budget", "BC", "6-9", "13-15,17-20,22-24", 1, -1, 1)],
 "h07": [("Blad1", "BD", "5-8", "11-13,15-18,20-22", 1, -1, 1)],
 "h08": [("Budget 2026", "BCD", "6-8", "12-13,15-17,20-24", 1, -1, 1)],
 "h09": [("Budget", "BCD", "5-8", "11-13,16-19", 1, 1, 1000)],
 "h10": [("Resultatbudget", "BCD", "6-9", "13-14,16,18-20,22", -1, 1, 1)],
 "h11": [("Budget 2026", "BC", "5-7", "11-13,17-20,24-25,28", 1, -1, 1)],
 "h12": [("Budget", "BC", "24-27", "4-7,10-13,16-18,21", 1, 1, 1)],
 "h13": [("Resultatbudget", "BC", "6-8", "12-13,15-17,19-21", -1, 1, 1000)],
 "h14": [("Budget", "BCD", "6-8", "12-13,15-18,20-22", 1, -1, 1)],
 "h15": [("Resultatbudget", "BC", "24-26", "6-8,11-14,17-18,20", -1, 1, 1)],
 "h16": [(s, "B", "5-7", "9-10,12-15,17-18", 1, -1, 1000) for s in ("Budget 2025", "Plan 2026")],
 "h17": [("Budget 2026", "BC", "4-7", "10-12,15-19", 1, -1, 1)],
 "h18": [("Budget 2026", "BC", "6-8", "12-14,18-20,24-25,28", 1, 1, 1000)],
 "h19": [("Budget", "BCD", "5", "7-8,11-15,18,20-22,25", 1, -1, 1)],
 "h20": [("Budget", "BCD", "17-19", "5-7,9-10,12-14", 1, -1, 1)],
 "h21": [("Budget", "BC", "6-8", "10-12,14-17,20-24", 1, -1, 1000)],
 "h22": [("Budget", "BCD", "6-10", "14-20", 1, 1, 1)],
}
def cols_eq(sheet, years, cols, rows, f=1):
    ib, res, ub = rows
    return [(y, sheet, f"{c}{ib}" if ib else None, f"{c}{res}" if res else None, f"{c}{ub}", f)
            for y, c in zip(years, cols)]
def rows_eq(sheet, years, first_row, f=1):
    return [(y, sheet, f"B{first_row+i}", f"C{first_row+i}", f"D{first_row+i}", f) for i, y in enumerate(years)]
# equity: (year, sheet, ib cell, result cell, ub cell, factor)
E = {
 "h01": cols_eq("Budget", [2023, 2024, 2025, 2026], "BCDE", (32, 33, 34)),
 "h02": cols_eq("Balansbudget", [2025, 2026, 2027], "BCD", (4, 5, 6)),
 "h03": cols_eq("Budget 2026", [2025, 2026, 2027, 2028], "BCDE", (None, None, 32), 1000),
 "h05": cols_eq("Sammanställning", [2026, 2027, 2028], "BCD", (None, 7, 8)),
 "h06": rows_eq("Budget", [2025, 2026], 35),
 "h08": cols_eq("Budget 2026", [2025, 2026, 2027], "BCD", (29, 27, 30)),
 "h09": cols_eq("Budget", [2024, 2025, 2026], "BCD", (None, 24, 26), 1000),
 "h10": cols_eq("Resultatbudget", [2025, 2026, 2027], "BCD", (33, 34, 35)),
 "h12": cols_eq("Eget kapital", [2024, 2025, 2026], "BCD", (4, 5, 6), 1000),
 "h13": cols_eq("Resultatbudget", [2026, 2027], "BC", (26, 27, 28), 1000),
 "h14": rows_eq("Budget", [2025, 2026, 2027], 33),
 "h16": rows_eq("Eget kapital", [2024, 2025, 2026], 4, 1000),
 "h18": cols_eq("Budget 2026", [2025, 2026], "BC", (38, 39, 40), 1000),
 "h19": cols_eq("Budget", [2025, 2026, 2027], "BCD", (None, 27, 30)),
 "h21": cols_eq("Budget", [2025, 2026], "BC", (28, 29, 30), 1000),
 "h22": cols_eq("Eget kapital", [2024, 2025, 2026], "BCD", (4, 5, 6), 1000),
}
# planted errors: cell -> list of part cells whose (true) sum is the correct value
P = {
 "h02": {"B22": ["B17", "B18", "B19", "B20", "B21"]},
 "h05": {"B22": ["B18", "B19", "B20", "B21"]},
 "h07": {"B26": ["B24", "B25"]},
 "h08": {"C25": ["C12", "C13", "C15", "C16", "C17", "C20", "C21", "C22", "C23", "C24"], "C29": ["B30"]},
 "h10": {"C35": ["C33", "C34"]},
 "h11": {"C21": ["C17", "C18", "C19", "C20"]},
 "h13": {"B22": ["B12", "B13", "B15", "B16", "B17", "B19", "B20", "B21"]},
 "h15": {"B15": ["B11", "B12", "B13", "B14"]},
 "h17": {"C8": ["C4", "C5", "C6", "C7"]},
 "h19": {"D16": ["D11", "D12", "D13", "D14", "D15"]},
 "h20": {"C22": ["C20", "C15"]},
 "h21": {"B13": ["B14", "B15", "B16", "B17"]},
}

REF = re.compile(r"(?:'([^']+)'|([A-Za-zÅÄÖåäö][\w ]*?))?!?\$?([A-Z]{1,2})\$?(\d+)")


def evaluate(wbf, wbv, sheet, formula, depth=0):
    """Evaluate the simple formulas used in this corpus (SUM of a range, + - * of references,
    cross-sheet references, IF is not needed for budget cells)."""
    from openpyxl.utils import column_index_from_string, get_column_letter
    expr = formula[1:]
    def cellval(sh, col, row):
        raw = wbf[sh][f"{col}{row}"].value
        cached = wbv[sh][f"{col}{row}"].value
        if isinstance(raw, str) and raw.startswith("="):
            return cached if cached is not None else evaluate(wbf, wbv, sh, raw, depth + 1)
        return num(raw) or 0
    def sumrng(m):
        sh = m.group(1) or m.group(2) or sheet
        c1, r1, c2, r2 = m.group(3), int(m.group(4)), m.group(5), int(m.group(6))
        tot = 0
        for ci in range(column_index_from_string(c1), column_index_from_string(c2) + 1):
            for r in range(r1, r2 + 1):
                tot += cellval(sh, get_column_letter(ci), r)
        return repr(tot)
    expr = re.sub(r"SUM\((?:'([^']+)'!|([\w]+)!)?([A-Z]{1,2})(\d+):([A-Z]{1,2})(\d+)\)", sumrng, expr)
    def ref(m):
        sh = m.group(1) or (m.group(2) if m.group(2) else None) or sheet
        return repr(cellval(sh, m.group(3), int(m.group(4))))
    expr = re.sub(r"(?:'([^']+)'!|([A-Za-zÅÄÖåäö]\w*)!)?\$?([A-Z]{1,2})\$?(\d+)", ref, expr)
    if not re.fullmatch(r"[-+*/(). 0-9e]+", expr):
        raise ValueError(f"cannot evaluate {formula!r} -> {expr!r}")
    return eval(expr)


# every total row of each sheet as a signed sum of rows (checked in every budget column):
# stated total must equal the sum of the stated parts unless the cell is a planted error.
T = {
 "h01": {"Budget": "5=6..8;10=5+9;12=13+14;15=16..18;19=20..23;24=25+26;28=12+15+19+24+27;30=10+28;33=30;34=32+33"},
 "h02": {"Resultatbudget": "9=5..8;15=11..14;22=17..21;25=15+22+24;26=9+25"},
 "h03": {"Budget 2026": "9=6..8;16=14+15;22=18..21;26=24+25;28=12+16+22+26+27;30=9-28"},
 "h04": {"Budget": "5=6..8;10=11+14+18+24+27;11=12+13;14=15..17;18=19..23;24=25+26;29=5+10"},
 "h05": {s: "9=6..8;15=12..14;22=18..21;24=15+22;26=9-24" for s in ("Budget 2026", "Plan 2027", "Plan 2028")},
 "h06": {"Budget": "5=6..8;10=5+9;12=13..15;16=17..20;21=22+23;25=12+16+21+24;27=10+25"},
 "h07": {"Blad1": "10=11..13;14=15..18;19=20+21;24=5..8;25=10+14+19+22;26=24+25"},
 "h08": {"Budget 2026": "9=6..8;14=15..17;19=20+21;18=19+22+23;25=12+13+14+18+24;27=9+25;30=29+27"},
 "h09": {"Budget": "9=5..8;14=11..13;20=16..19;22=14+20;24=9-22"},
 "h10": {"Resultatbudget": "5=6..8;10=5+9;12=13+14+16;17=18+19+20+22;23=12+17;25=10+23"},
 "h11": {"Budget 2026": "8=5..7;14=11..13;21=17..20;26=24+25;29=14+21+26+28;31=8+29"},
 "h12": {"Budget": "8=4..7;14=10..13;19=16..18;22=8+14+19+21;28=24..27;30=28-22"},
 "h13": {"Resultatbudget": "5=6..8;11=12+13;14=15..17;18=19+20;22=11+14+18+21;24=5+22;27=-24;28=26+27"},
 "h14": {"Budget": "9=6..8;23=12+13+15+16+17+18+20+21+22;25=9+23"},
 "h15": {"Resultatbudget": "9=6..8;15=11..14;19=17+18;21=9+15+19+20;27=24..26;29=21+27"},
 "h16": {s: "4=5..7;8=9+10;11=12..15;16=17+18;19=8+11+16;20=4+19" for s in ("Budget 2025", "Plan 2026")},
 "h17": {"Budget 2026": "8=4..7;13=10..12;20=15..19;22=13+20;24=8+22"},
 "h18": {"Budget 2026": "9=6..8;15=12..14;21=18..20;26=24+25;29=15+21+26+28;31=9-29;39=31;40=38+39"},
 "h19": {"Budget": "6=5;9=7+8;16=11..15;23=18+20+21+22;24=16+23;26=9+24+25;27=6+26"},
 "h20": {"Budget": "4=5..7;8=9+10+12+13;15=4+8+14;20=17..19;22=20+15"},
 "h21": {"Budget": "5=6..8;9=10..12;13=14..17;19=20+21;18=19+22+23;25=9+13+18+24;26=5+25;29=26;30=28+29"},
 "h22": {"Budget": "11=6..10;21=14..20;23=11-21"},
}


def parse_terms(s):
    terms = []
    for sign, tok in re.findall(r"([+-]?)([0-9.]+)", s):
        k = -1 if sign == "-" else 1
        if ".." in tok:
            a, b = tok.split(".."); terms += [(k, r) for r in range(int(a), int(b) + 1)]
        else:
            terms.append((k, int(tok)))
    return terms

problems = 0
def bad(msg):
    global problems
    problems += 1
    print("  PROBLEM:", msg)

files = sorted(f for f in os.listdir(HERE) if re.match(r"h\d\d_.*\.json$", f))
for jf in files:
    key = jf[:3]
    t = json.load(open(os.path.join(HERE, jf), encoding="utf-8"))
    print(f"{jf}")
    wbv = openpyxl.load_workbook(os.path.join(HERE, t["file"]), data_only=True)
    wbf = openpyxl.load_workbook(os.path.join(HERE, t["file"]))
    def val(sheet, cell, f=1):
        raw = wbf[sheet][cell].value
        v = wbv[sheet][cell].value
        if isinstance(raw, str) and raw.startswith("=") and v is None:
            return round(evaluate(wbf, wbv, sheet, raw) * f)
        x = num(v)
        return None if x is None else round(x * f)
    # columns
    tcols = {(c["sheet"], c["cell"][0]): c for c in t["columns"]}
    seen = set()
    for sheet, cols, rv, cs, rs, csg, f in S[key]:
        for col in cols:
            c = tcols.get((sheet, col))
            if c is None:
                bad(f"no truth column for {sheet}!{col}"); continue
            seen.add((sheet, col))
            hdr = wbv[sheet][c["cell"]].value
            if hdr != c["header"]:
                bad(f"header {c['cell']} is {hdr!r}, truth says {c['header']!r}")
            inc = sum(val(sheet, f"{col}{r}", f) or 0 for r in rng(rv)) * rs
            cost = sum(val(sheet, f"{col}{r}", f) or 0 for r in rng(cs)) * csg
            ok = (inc, cost, inc - cost) == (c["intakter"], c["kostnader"], c["resultat"])
            print(f"  {sheet}!{col} {c['header']}: intäkter {inc} kostnader {cost} resultat {inc-cost} {'ok' if ok else 'MISMATCH'}")
            if not ok:
                bad(f"truth says {c['intakter']} {c['kostnader']} {c['resultat']}")
    if set(tcols) != seen:
        bad(f"truth has columns not in spec: {set(tcols) - seen}")
    kinds = [(c["kind"], c["year"]) for c in t["columns"]]
    if len(kinds) != len(set(kinds)):
        bad("(kind, year) not unique")
    # equity
    marked = {(x["sheet"], x["cell"]) for x in t["consequential_cells"]} | {(x["sheet"], x["cell"]) for x in t["planted_errors"]}
    teq = {e["year"]: e for e in t["equity"]}
    prev = None
    for y in sorted(teq):
        e = teq[y]
        if e["ib"] is not None and e["resultat"] is not None and e["ib"] + e["resultat"] != e["ub"]:
            bad(f"equity {y}: ib + resultat != ub in truth")
        if prev is not None and e["ib"] is not None and e["ib"] != prev:
            bad(f"equity {y}: ib != previous ub in truth")
        prev = e["ub"]
        resc = [c["resultat"] for c in t["columns"] if c["year"] == y and c["kind"] in ("budget", "plan")]
        if e["resultat"] is not None and resc and e["resultat"] not in resc:
            bad(f"equity {y}: resultat {e['resultat']} not the column result {resc}")
    for y, sheet, ibc, rc, ubc, f in E.get(key, []):
        e = teq.get(y)
        if e is None:
            bad(f"no truth equity for {y}"); continue
        for name, cell in (("ib", ibc), ("resultat", rc), ("ub", ubc)):
            if cell is None: continue
            v = val(sheet, cell, f)
            if v == "formula":
                print(f"  equity {y} {name} {sheet}!{cell}: formula without cache (hand-checked)"); continue
            if v != e[name]:
                if (sheet, cell) in marked:
                    print(f"  equity {y} {name} {sheet}!{cell}: sheet {v} vs true {e[name]} (marked planted/consequential)")
                else:
                    bad(f"equity {y} {name} {sheet}!{cell}: sheet {v} vs truth {e[name]}")
    if key not in E and t["equity"]:
        bad("truth has equity but spec has none")
    # arithmetic of every total row
    for sheet, rules in T[key].items():
        cols = next(s[1] for s in S[key] if s[0] == sheet)
        f = next(s[6] for s in S[key] if s[0] == sheet)
        nt = 0
        for rule in rules.split(";"):
            tot, parts = rule.split("=")
            for col in cols:
                cell = f"{col}{tot}"
                stated = val(sheet, cell, f)
                s = sum(k * (val(sheet, f"{col}{r}", f) or 0) for k, r in parse_terms(parts))
                nt += 1
                if (sheet, cell) in {(x["sheet"], x["cell"]) for x in t["planted_errors"]}:
                    if stated == s:
                        bad(f"planted {sheet}!{cell} is arithmetically consistent")
                elif stated != s:
                    bad(f"{sheet}!{cell} stated {stated} but its parts give {s} (not a planted error)")
        print(f"  {sheet}: {nt} total cells checked")
    # planted errors
    for pe in t["planted_errors"]:
        sheet, cell = pe["sheet"], pe["cell"]
        f = next(s[6] for s in S[key] if s[0] == sheet) if any(s[0] == sheet for s in S[key]) else 1
        stated = val(sheet, cell, f)
        parts = P[key][cell]
        vals = [val(sheet, p, f) for p in parts]
        # parts that are themselves planted/consequential are replaced by their true values
        for i, p in enumerate(parts):
            if (sheet, p) in marked:
                alt = [x for x in t["planted_errors"] if x["cell"] == p]
                if alt: vals[i] = alt[0]["correct"]
                else:
                    ye = [e for e in t["equity"]]
                    # consequential equity UB of previous year: take from truth
                    colyear = {c: y for y, sh, a, b, u, ff in E.get(key, []) for c in (u,)}
                    vals[i] = teq[colyear[p]]["ub"]
        correct = sum(vals) if "formula" not in vals else "formula"
        msg = f"  planted {sheet}!{cell} {pe['label']}: sheet {stated}, recomputed correct {correct}"
        print(msg)
        if stated != "formula" and stated != pe["stated"]:
            bad(f"stated in truth {pe['stated']} but sheet has {stated}")
        if correct != "formula" and correct != pe["correct"]:
            bad(f"correct in truth {pe['correct']} but recomputed {correct}")
        if pe["stated"] - pe["correct"] != pe["difference"]:
            bad("difference != stated - correct")
    if bool(t["planted_errors"]) != ("planted_error" in t["traits"]):
        bad("planted_error trait inconsistent")

print()
print("files:", len(files), "problems:", problems)
sys.exit(1 if problems else 0)
