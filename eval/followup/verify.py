#!/usr/bin/env python3
"""Independent sanity check of the follow-up corpus.

Does not import build.py. It re-reads the generated files themselves:
  * parses every .se file with its own small SIE 4 reader/validator,
  * reads the resultatrapport .xlsx files and the budget workbooks with openpyxl,
  * applies each truth file's "mapping" to the raw rows (January..period only) and
    checks that every "lines" figure, every mapping amount and "actuals_result"
    come out exactly (to the öre), and that lines + unmapped == actuals_result,
  * checks that every good SIE file validates cleanly, that #PSALDO agrees with the
    vouchers, and that each bad file fails at the line its truth names.

Run:  /work/main/.venv/bin/python eval/followup/verify.py     (exit 0 = all good)
"""
import datetime as dt
import glob
import json
import os
import re
import sys
from decimal import Decimal

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN = {"#FLAGGA", "#KSUMMA", "#PROGRAM", "#FORMAT", "#GEN", "#SIETYP", "#PROSA", "#FTYP", "#FNR",
         "#ORGNR", "#BKOD", "#ADRESS", "#FNAMN", "#RAR", "#TAXAR", "#OMFATTN", "#KPTYP", "#VALUTA",
         "#KONTO", "#KTYP", "#ENHET", "#SRU", "#DIM", "#UNDERDIM", "#OBJEKT", "#IB", "#UB", "#OIB",
         "#OUB", "#RES", "#PSALDO", "#PBUDGET", "#VER", "#TRANS", "#RTRANS", "#BTRANS"}
AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")


class SieError(Exception):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line


def tokens(s, lineno):
    out, i, n = [], 0, len(s)
    while i < n:
        ch = s[i]
        if ch in " \t":
            i += 1
        elif ch == '"':
            j, buf = i + 1, []
            while True:
                if j >= n:
                    raise SieError(lineno, "unterminated quote")
                if s[j] == "\\" and j + 1 < n and s[j + 1] == '"':
                    buf.append('"')
                    j += 2
                elif s[j] == '"':
                    break
                else:
                    buf.append(s[j])
                    j += 1
            out.append(("s", "".join(buf)))
            i = j + 1
        elif ch == "{":
            depth, j = 0, i
            inq = False
            while j < n:
                if s[j] == '"' and (j == 0 or s[j - 1] != "\\"):
                    inq = not inq
                elif not inq and s[j] == "{":
                    depth += 1
                elif not inq and s[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise SieError(lineno, "unterminated object list")
            inner = tokens(s[i + 1:j], lineno)
            out.append(("l", [t[1] for t in inner]))
            i = j + 1
        else:
            j = i
            while j < n and s[j] not in " \t":
                j += 1
            out.append(("w", s[i:j]))
            i = j
    return out


def ymd(s, lineno):
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except Exception:
        raise SieError(lineno, f"bad date {s!r}")


def amount(s, lineno):
    if not AMOUNT.match(s):
        raise SieError(lineno, f"bad amount {s!r}")
    return int((Decimal(s) * 100).to_integral_value())


def read_sie(path):
    raw = open(path, "rb").read()
    lines = raw.decode("cp437").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [l.rstrip("\r") for l in lines]
    try:
        u = raw.decode("utf-8")
        utf8_multibyte = any(ord(c) > 127 for c in u)
    except UnicodeDecodeError:
        utf8_multibyte = False
    doc = {"rar0": None, "konto": {}, "vers": [], "psaldo": {}, "res": {}, "objects": {}}
    fmt = None
    for no, line in enumerate(lines, 1):
        if line.strip().startswith("#FORMAT"):
            fmt = line.split()[1] if len(line.split()) > 1 else None
            break
    if utf8_multibyte and fmt == "PC8":
        u_lines = raw.decode("utf-8").split("\n")
        for no, l in enumerate(u_lines, 1):
            if any(ord(c) > 127 for c in l):
                raise SieError(no, "UTF-8 text in a file declaring #FORMAT PC8")
    cur = None       # open voucher
    expect_brace = False
    for no, line in enumerate(lines, 1):
        st = line.strip()
        if not st:
            continue
        if expect_brace:
            if st != "{":
                raise SieError(no, "expected '{' after #VER")
            expect_brace = False
            continue
        if st == "}":
            if cur is None:
                raise SieError(no, "'}' outside voucher")
            if sum(a for k, _, _, a in cur["rows"] if k == "#TRANS") != 0:
                raise SieError(cur["line"], "unbalanced voucher")
            doc["vers"].append(cur)
            cur = None
            continue
        if not st.startswith("#"):
            raise SieError(no, "not a SIE record")
        tk = tokens(st, no)
        label = tk[0][1]
        if label not in KNOWN:
            raise SieError(no, f"unknown label {label}")
        args = tk[1:]
        if label in ("#TRANS", "#RTRANS", "#BTRANS"):
            if cur is None:
                raise SieError(no, "transaction outside voucher")
            acct = args[0][1]
            objs = args[1][1] if args[1][0] == "l" else []
            od = {}
            for i in range(0, len(objs), 2):
                od[int(objs[i])] = objs[i + 1]
            a = amount(args[2][1], no)
            cur["rows"].append((label, acct, od, a))
            continue
        if cur is not None:
            raise SieError(no, f"{label} inside a voucher (missing '}}')")
        if label == "#RAR":
            if args[0][1] == "0":
                if doc["rar0"]:
                    raise SieError(no, "duplicate #RAR 0")
                doc["rar0"] = (ymd(args[1][1], no), ymd(args[2][1], no))
        elif label == "#KONTO":
            if args[0][1] in doc["konto"]:
                raise SieError(no, "duplicate #KONTO")
            doc["konto"][args[0][1]] = args[1][1]
        elif label == "#OBJEKT":
            doc["objects"][(int(args[0][1]), args[1][1])] = args[2][1]
        elif label in ("#IB", "#UB", "#RES"):
            a = amount(args[2][1], no)
            if label == "#RES" and args[0][1] == "0":
                doc["res"][args[1][1]] = a
        elif label in ("#PSALDO", "#PBUDGET"):
            per = args[1][1]
            r0 = doc["rar0"]
            y, m = int(per[:4]), int(per[4:6])
            if not (1 <= m <= 12) or not r0 or not (r0[0] <= dt.date(y, m, 1) <= r0[1]):
                if args[0][1] == "0":
                    raise SieError(no, f"{label} period {per} outside #RAR 0")
            a = amount(args[4][1], no)
            if label == "#PSALDO" and args[0][1] == "0":
                objs = args[3][1]
                key = (per, args[2][1], tuple(objs))
                doc["psaldo"][key] = a
        elif label == "#VER":
            date = ymd(args[2][1], no)
            r0 = doc["rar0"]
            if not r0 or not (r0[0] <= date <= r0[1]):
                raise SieError(no, "voucher date outside #RAR 0")
            cur = {"line": no, "date": date, "rows": [], "text": args[3][1] if len(args) > 3 else ""}
            expect_brace = True
    if cur is not None:
        raise SieError(len(lines), "file ends inside a voucher")
    return doc


def read_report(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    hi = next(i for i, r in enumerate(rows) if r and "Konto" in r and any(str(c).startswith("Utfall ack") for c in r if c))
    hdr = rows[hi]
    ci_k = hdr.index("Konto")
    ci_u = next(i for i, c in enumerate(hdr) if c and str(c).startswith("Utfall ack"))
    ci_o = hdr.index("Objekt") if "Objekt" in hdr else None
    out = []
    for r in rows[hi + 1:]:
        k = r[ci_k]
        if k is None or not re.fullmatch(r"\d{4,6}", str(k)):
            continue
        obj = r[ci_o] if ci_o is not None else None
        out.append((str(k), {6: obj} if obj else {}, int((Decimal(str(r[ci_u])) * 100).to_integral_value())))
    return out    # amounts in accounting sign (debit +)


def pick(entries, acct, objs):
    cands = [e for e in entries if e["account"] == acct]
    hit = []
    for e in cands:
        if e["object"] is None:
            continue
        o = e["object"]
        if ":" in o:
            dim, code = o.split(":", 1)
            if objs.get(int(dim)) == code:
                hit.append((int(dim), e))
        elif objs.get(6) == o:
            hit.append((6, e))
    if hit:
        pref = {6: 0, 20: 1, 1: 2}
        hit.sort(key=lambda x: pref.get(x[0], 9))
        return hit[0][1]
    nulls = [e for e in cands if e["object"] is None]
    return nulls[0] if nulls else None


def ore(x):
    return int((Decimal(str(x)) * 100).to_integral_value())


def check_good(tpath, problems):
    t = json.load(open(tpath, encoding="utf-8"))
    name = os.path.basename(tpath)
    y, p = map(int, t["period"].split("-"))
    end = (dt.date(y, p + 1, 1) - dt.timedelta(days=1)) if p < 12 else dt.date(y, 12, 31)
    apath = os.path.join(HERE, t["actuals"])
    rows = []   # (acct, objs, amount accounting sign) for Jan..period
    info = ""
    if apath.endswith(".se"):
        doc = read_sie(apath)
        if doc["rar0"][0].year != y:
            problems.append(f"{name}: period year differs from #RAR 0")
        after = 0
        for v in doc["vers"]:
            for kind, acct, od, a in v["rows"]:
                if kind != "#TRANS" or acct[0] not in "345678":
                    continue
                if v["date"] <= end:
                    rows.append((acct, od, a))
                else:
                    after += a
        # #PSALDO (month changes) must agree with the vouchers
        if doc["psaldo"]:
            calc = {}
            for v in doc["vers"]:
                per = f"{v['date']:%Y%m}"
                for kind, acct, od, a in v["rows"]:
                    if kind != "#TRANS" or acct[0] not in "345678":
                        continue
                    calc[(per, acct, ())] = calc.get((per, acct, ()), 0) + a
                    for dim, code in od.items():
                        k = (per, acct, (str(dim), code))
                        calc[k] = calc.get(k, 0) + a
            calc = {k: v for k, v in calc.items() if v}
            given = {k: v for k, v in doc["psaldo"].items()}
            only_total = all(k[2] == () for k in given)
            if only_total:
                calc = {k: v for k, v in calc.items() if k[2] == ()}
            if calc != given:
                problems.append(f"{name}: #PSALDO disagrees with vouchers")
        res_total = -sum(v for a, v in doc["res"].items() if a[0] in "345678")
        info = f"#RES(full file) {res_total / 100:,.2f}, after-period result {-after / 100:,.2f}"
        konto = doc["konto"]
    else:
        rows = read_report(apath)
        konto = {}
        info = f"{len(rows)} report rows"
    entries = t["mapping"]
    lines = {l: 0 for l in t["lines"]}
    per_entry = {id(e): 0 for e in entries}
    unm = 0
    total = 0
    for acct, od, a in rows:
        e = pick(entries, acct, od)
        if e is None:
            problems.append(f"{name}: no mapping entry covers {acct} {od}")
            continue
        total -= a
        per_entry[id(e)] -= a
        if e["line"] is None:
            unm -= a
        else:
            if e["line"] not in lines:
                problems.append(f"{name}: mapping names unknown line {e['line']!r}")
                continue
            lines[e["line"]] -= a
        if konto and e["name"] != konto.get(acct):
            problems.append(f"{name}: entry name {e['name']!r} != #KONTO name for {acct}")
    for l, v in lines.items():
        if v != ore(t["lines"][l]):
            problems.append(f"{name}: line {l!r}: recomputed {v / 100:.2f} != truth {t['lines'][l]}")
    for e in entries:
        if per_entry[id(e)] != ore(e["amount"]):
            problems.append(f"{name}: entry {e['account']} {e['object']}: {per_entry[id(e)] / 100:.2f} != {e['amount']}")
    if total != ore(t["actuals_result"]):
        problems.append(f"{name}: actuals_result recomputed {total / 100:.2f} != {t['actuals_result']}")
    if sum(ore(v) for v in t["lines"].values()) + sum(ore(u["amount"]) for u in t["unmapped"]) != ore(t["actuals_result"]):
        problems.append(f"{name}: lines + unmapped != actuals_result")
    rc = t["reconciliation"]
    if ore(rc["mapped"]) + ore(rc["unmapped"]) != ore(rc["actuals_result"]) or ore(rc["difference"]) != 0:
        problems.append(f"{name}: reconciliation block does not add up")
    if unm != ore(rc["unmapped"]):
        problems.append(f"{name}: unmapped recomputed {unm / 100:.2f} != {rc['unmapped']}")
    # budget workbook: labels and column exist
    wb = openpyxl.load_workbook(os.path.join(HERE, t["budget"]), data_only=True)
    ws = wb.active
    colA = [str(r[0]).strip() for r in ws.iter_rows(values_only=True) if r[0] is not None]
    header_ok = any(t["column"] in [c for c in r if c] for r in ws.iter_rows(values_only=True))
    if not header_ok:
        problems.append(f"{name}: column {t['column']!r} not in budget header")
    for l in list(t["lines"]) + list(t.get("aggregates", {})):
        if colA.count(l) != 1:
            problems.append(f"{name}: label {l!r} occurs {colA.count(l)} times in column A")
    n_unmapped = len(t["unmapped"])
    n_zero = sum(1 for v in t["lines"].values() if v == 0)
    print(f"  {name:28s} ok-check  result {t['actuals_result']:>14,.2f}  lines {len(t['lines']):2d} "
          f"(zero {n_zero})  unmapped {n_unmapped}  [{info}]")


def check_bad(tpath, problems):
    t = json.load(open(tpath, encoding="utf-8"))
    name = os.path.basename(tpath)
    try:
        read_sie(os.path.join(HERE, t["actuals"]))
        problems.append(f"{name}: file validated without error")
        return
    except SieError as e:
        ok = e.line == t["line"] or e.line in t.get("line_alternatives", [])
        print(f"  {name:28s} fails at line {e.line} ({e}); truth line {t['line']}"
              f"{' alt ' + str(t['line_alternatives']) if t.get('line_alternatives') else ''}  -> {'ok' if ok else 'MISMATCH'}")
        if not ok:
            problems.append(f"{name}: validator fails at {e.line}, truth says {t['line']}")
    if not os.path.exists(os.path.join(HERE, t["budget"])):
        problems.append(f"{name}: budget {t['budget']} missing")


def main():
    problems = []
    goods = sorted(glob.glob(os.path.join(HERE, "f[0-9][0-9]_*.json")))
    bads = sorted(glob.glob(os.path.join(HERE, "b[0-9][0-9]_*.json")))
    print(f"good cases: {len(goods)}")
    for p in goods:
        try:
            check_good(p, problems)
        except SieError as e:
            problems.append(f"{os.path.basename(p)}: good SIE file fails validation: {e}")
    print(f"bad cases: {len(bads)}")
    for p in bads:
        check_bad(p, problems)
    if problems:
        print("\nPROBLEMS:")
        for pr in problems:
            print("  " + pr)
        sys.exit(1)
    print("\nall truth files add up")


if __name__ == "__main__":
    main()
