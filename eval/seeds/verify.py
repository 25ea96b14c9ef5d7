"""Re-read each seed workbook with openpyxl, recompute the truth bottom-up from the line items and
check it against the hand-written truth JSON beside the workbook.

The structure of each table (which rows are line items, which rows total which) is given below by
label; the numbers come only from the workbooks.  Run: python3 verify.py
"""
import json
import os
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def N(label, *children, unverifiable=False):
    return {"label": label, "children": list(children), "unverifiable": unverifiable}


# ---------------------------------------------------------------- structures
S000_FIN = N("Finansiering av individriktade insatser", N("- Samordningsteam FNS"), N("- Samordningsteam Sala"),
             N("- Samordningsteam Hallstahammar"), N("- Samordningsteam Surahammar"),
             N("Kurator till samordningsteam"), N("- Utvecklingsdagar samordningsteam"))
S000_UTB = N("Utbildningsinsatser", N("- Lösningsfokuserat arbetssätt – grund"),
             N("- Lösningsfokuserat arbetssätt – vidareutbildning"), N("- Andra utbildningar/seminarier"),
             N("- Länsgemensamma insatser"), N("- Insatskatalogen"), N("Webportal Lösningfokus och Samverkan"))
S000_UTV = N("Utvärderingsinsatser", N("- Extern medbedömning av individinsatser"), N("- Andra utvärderingsinsatser"))

S001_FIN = N("Finansiering av individinriktade insatser", N("- Samordningsteam FNS"), N("- Samordningsteam Sala"),
             N("- Samordningsteam Hallstahammar"), N("-Samordningsteam Surahammar"),
             N("Kurator till samordningsteam"), N("- Utvecklingsdagar samordningsteam"))
S001_UTB = N("Utbildningsinsatser", N("- Lösningsfokuserat arbetssätt – grund*"),
             N("- Lösningsfokuserat arbetssätt – repetition*"), N("- Lösningsfokuserat arbetssätt – vidareutbildning*"),
             N("- Andra utbildningar/seminarier"), N("- Länsgemensamma utbildningsinsatser"), N("- Insatskatalogen"),
             N("Webportal Lösningsfokus och Samverkan"))
S001_UTV = N("Utvärderingsinsatser", N("- Extern medbedömning av samordningsteam"), N("- Andra utvärderingsinsatser"))

S002_IND = N("Summa individinsatser", *[N(x) for x in [
    "Samordningsteam FNS", "Samordningsteam Hallstahammar", "Samordningsteam Sala", "Samordningsteam Surahammar",
    "Samordningsteam Västerås", "Teamsamverkan i V Mälardalen", "Psykiatiresurs Samordningsteam"]])
S002_MET = N("Summa metoder, arbetssätt och strukturpåverkande insatser", *[N(x) for x in [
    "Rådgivande myndighetsgem team RMGT", "Inkluderingslyftet", "Rehabkoordinatorer i samverkan",
    "Utbildningar och konferenser", "Processtöd", "SIP-utvecklare V Mälardalen", "Utvärdering"]])

S003_IND = N("Individinriktade insatser", *[N(x) for x in [
    "- Samordningsteam FNS", "- Samordningsteam Sala", "- Samordningsteam Hallstahammar",
    "- Samordningsteam Surahammar", "- Kurator till samordningsteamen"]])
S003_STR = N("Strukturinriktade insatser", *[N(x) for x in [
    "- Utvecklingsdagar samordningsteam", "- Utbildning lösningsfokuserat arbetssätt",
    "- Andra utbildningar/seminarier",
    "- Länsgemensamma aktiviteter (inkl kostnader för processen mot länsförbund)",
    "- Insatskatalogen", "- Utvärdering", "- Brukarrevision individinsats", "- Processtöd samverkan",
    "- Samverkansmedel ofördelat"]])

SPECS = {
    "s000_norra_vastmanland_2021_2023": dict(
        sheet="Budget", cols="BCDE", sign=1,
        revenue=N("SUMMA INTÄKTER", N("Medel från huvudmännen")),
        costs=N("SUMMA KOSTNADER", N("Styrelse"), N("Gemensam administration"), N("Leasingbil"),
                S000_FIN, S000_UTB, S000_UTV, N("Samverkansmedel – ofördelat")),
        result="RESULTAT",
        copies=[("Översikt", "C4", "Budget", "B28"), ("Översikt", "D4", "Budget", "B30"),
                ("Översikt", "C5", "Budget", "C28"), ("Översikt", "D5", "Budget", "C30")],
        equity=dict(sheet="Översikt", sign=1, years={
            2020: dict(ub="F4", res="E4"), 2021: dict(ub="F5", res="D5"),
            2022: dict(ub="F6", res="D6"), 2023: dict(ub="F7", res="D7")}),
    ),
    "s001_norra_vastmanland_2020": dict(
        sheet="Budget", cols="BCD", sign=1,
        revenue=N("SUMMA INTÄKTER", N("Medel från huvudmännen")),
        costs=N("SUMMA KOSTNADER", N("Styrelse"), N("Gemensam administration"), N("Leasingbil"),
                S001_FIN, S001_UTB, S001_UTV, N("Samverkansmedel – ofördelat")),
        result="RESULTAT**",
        copies=[],
        equity=dict(sheet="Översikt", sign=1, years={
            2019: dict(ub="F4", res="E4"), 2020: dict(ub="F5", res="D5"),
            2021: dict(ub="F6", res="D6"), 2022: dict(ub="F7", res="D7")}),
    ),
    "s002_vastmanland_2025_2027": dict(
        sheet="Budget", cols="BCDE", sign=1,
        revenue=N("Summa intäkter", N("Medel från huvudmännen")),
        costs=N("Summa kostnader", N("Summa administrativa kostnader", N("Styrelse"), N("Gemensam administration")),
                N("Summa direkta insatskostnader", S002_IND, S002_MET), N("Ofördelade medel")),
        result="RESULTAT",
        copies=[],
        equity=dict(sheet="Budget", sign=1, years={
            2024: dict(ub="B36", res=("Budget", "B33")), 2025: dict(ub="C36", res=("Budget", "C33")),
            2026: dict(ub="D36", res=("Budget", "D33")), 2027: dict(ub="E36", res=("Budget", "E33"))}),
    ),
    "s003_norra_vastmanland_2023": dict(
        sheet="Budget 2023", cols="BCD", sign=1,
        revenue=N("SUMMA INTÄKTER", N("Medel från huvudmännen"), N("Övriga intäkter")),
        costs=N("SUMMA KOSTNADER", S003_IND, S003_STR, unverifiable=True),   # administration row lost
        result="RESULTAT", unit=1000,
        copies=[],
        equity=dict(sheet="Budgetöversikt", sign=1, years={
            2022: dict(ub="F4", res="E4"), 2023: dict(ub="F5", res="D5")}),
    ),
    "s004_kramfors_2021": dict(
        sheet="Resultatbudget", cols="BCDE", sign=-1,     # accounting sign: revenue negative, costs positive
        revenue=N("Summa driftsbidrag", N("Drittbidrag från staten"), N("Drittbidrag från kommun och region")),
        costs=N(None,
                N("Summa kostnader/utgifter", *[N(x) for x in [
                    "Teamkoordinator/ Coach Samkraft", "Aktivitetscoach & samordnare STEGSAM",
                    "Aktivitetscoach STEGSAM Plus", "Psykiatridagen", "Nya projekt under året/Kvar att fördela (5590)"]]),
                N("Summa personalkostnader"), N("Summa övriga verksamhetskostnader"),
                N("Summa övriga intäkter och kostnader", N("8440 Ränteintäkter"),
                  N("8550 Räntekostnader på leverantörsskuld"), N("8570 Bankkostnader"),
                  N("8700 Extraordinära intäkter"), N("8800 Extraordinära kostnader"))),
        result="8900 Årets resultat",
        copies=[],
        equity=dict(sheet="Balansbudget", sign=-1, years={
            2020: dict(ub="B6", res="B5", ib="B4"), 2021: dict(ub="C6", res="C5", ib="C4"),
            2022: dict(ub="D6", res="D5", ib="D4"), 2023: dict(ub="E6", res="E5", ib="E4")}),
    ),
}


# ---------------------------------------------------------------- evaluation
class Table:
    def __init__(self, ws, unit):
        self.ws, self.unit = ws, unit
        self.rows = {}
        for r in range(1, ws.max_row + 1):
            v = ws.cell(r, 1).value
            if isinstance(v, str) and v:
                assert v not in self.rows, f"duplicate label {v!r}"
                self.rows[v] = r

    def get(self, label, col):
        r = self.rows[label]
        v = self.ws[f"{col}{r}"].value
        return None if v is None else v * self.unit


def evaluate(node, t, col, findings):
    """Return (true, stated, stated_is_bad). findings collects (cell, label, stated, true, kind)."""
    kids = node["children"]
    stated = t.get(node["label"], col) if node["label"] else None
    if not kids:
        return (stated or 0), stated, False
    res = [evaluate(k, t, col, findings) for k in kids]
    if all(k[1] is None and not k_node["children"] for k, k_node in zip(res, kids)):
        # breakdown empty in this column: the category row itself is the line item
        return (stated or 0), stated, False
    true = sum(r[0] for r in res)
    if stated is None or node["unverifiable"]:
        return true, stated, False
    if stated != true:
        stated_sum = sum((r[1] or 0) for r in res)
        any_bad = any(r[2] for r in res)
        kind = "consequential" if (any_bad and stated == stated_sum) else "error"
        findings.append((f"{col}{t.rows[node['label']]}", node["label"], stated, true, kind))
        return true, stated, True
    stated_sum = sum((r[1] or 0) for r in res)
    if stated_sum != stated and any(r[2] for r in res):
        findings.append((f"{col}{t.rows[node['label']]}", node["label"], stated, stated_sum,
                         "note"))   # correct bottom-up, but not the sum of its (wrong) stated parts
    return true, stated, False


def check(name):
    spec = SPECS[name]
    truth = json.load(open(os.path.join(HERE, name + ".json"), encoding="utf-8"))
    wb = openpyxl.load_workbook(os.path.join(HERE, name + ".xlsx"))
    unit = spec.get("unit", 1)
    t = Table(wb[spec["sheet"]], unit)
    sign = spec["sign"]
    problems, findings, columns = [], [], []
    header_row = None
    for col in spec["cols"]:
        f = []
        rev_true, _, _ = evaluate(spec["revenue"], t, col, f)
        cost_true, cost_stated, _ = evaluate(spec["costs"], t, col, f)
        intakter = sign * rev_true
        kostnader = -sign * cost_true
        present = kostnader
        if spec["costs"]["unverifiable"]:
            kostnader = -sign * cost_stated       # ambiguous column: document's stated total
        resultat = intakter - kostnader
        res_stated = t.get(spec["result"], col)
        # RESULTAT (ordinary sign in every seed): compare with the bottom-up result
        if res_stated is not None and res_stated != resultat and not spec["costs"]["unverifiable"]:
            rev_st = t.get(spec["revenue"]["label"], col) or 0
            cost_st = cost_stated or 0
            parts_stated = sign * (rev_st + cost_st)
            parts_bad = any(x[1] in (spec["revenue"]["label"], spec["costs"]["label"]) for x in f)
            kind = "consequential" if (parts_bad and res_stated == parts_stated) else "error"
            f.append((f"{col}{t.rows[spec['result']]}", spec["result"], res_stated, resultat, kind))
        elif res_stated is not None and spec["costs"]["label"] and cost_stated is not None:
            parts_stated = sign * ((t.get(spec["revenue"]["label"], col) or 0) + cost_stated)
            if parts_stated != res_stated:
                f.append((f"{col}{t.rows[spec['result']]}", spec["result"], res_stated, parts_stated, "note"))
        findings += f
        columns.append((col, intakter, kostnader, resultat, present))
    # compare with truth columns
    for (col, i, k, r, present), tc in zip(columns, truth["columns"]):
        if not tc["cell"].startswith(col):
            problems.append(f"column order {tc['cell']} vs {col}")
        if (i, k, r) != (tc["intakter"], tc["kostnader"], tc["resultat"]):
            problems.append(f"{tc['header']}: computed {(i, k, r)} truth {(tc['intakter'], tc['kostnader'], tc['resultat'])}")
        if "kostnader_present_items" in tc and tc["kostnader_present_items"] != present:
            problems.append(f"{tc['header']}: present items {present} vs truth {tc['kostnader_present_items']}")
        hdr = wb[tc["sheet"]][tc["cell"]].value
        if hdr != tc["header"]:
            problems.append(f"header {tc['cell']}={hdr!r} vs truth {tc['header']!r}")
    # copies of wrong/consequential cells elsewhere
    bad_cells = {c for c, *_, k in findings if k != "note"}
    for sh, cell, src_sh, src_cell in spec["copies"]:
        if src_cell in bad_cells and wb[sh][cell].value == wb[src_sh][src_cell].value:
            findings.append((f"{sh}!{cell}", "copy of " + src_cell, wb[sh][cell].value * unit, None, "consequential"))
    # equity
    eq = spec["equity"]
    es = wb[eq["sheet"]]
    eq_rows = []
    prev_ub = None
    for year, cells in sorted(eq["years"].items()):
        ub_stated = es[cells["ub"]].value * unit * eq["sign"]
        rs = cells["res"]
        res = (wb[rs[0]][rs[1]].value if isinstance(rs, tuple) else es[rs].value) * unit
        if eq["sign"] == -1:
            res = -res
        ib = prev_ub if prev_ub is not None else (
            es[cells["ib"]].value * unit * eq["sign"] if "ib" in cells else ub_stated - res)
        if "ib" in cells and es[cells["ib"]].value * unit * eq["sign"] != ib:
            findings.append((f"{eq['sheet']}!{cells['ib']}", "IB", es[cells["ib"]].value * unit, ib * eq["sign"], "error"))
        ub = ib + res
        if ub != ub_stated:
            findings.append((f"{eq['sheet']}!{cells['ub']}", "UB", ub_stated * eq["sign"], ub * eq["sign"], "equity"))
        eq_rows.append((year, ib, res, ub))
        prev_ub = ub
    truth_eq = [(e["year"], e["ib"], e["resultat"], e["ub"]) for e in truth["equity"]]
    if eq_rows != truth_eq:
        problems.append(f"equity computed {eq_rows} truth {truth_eq}")
    # errors and consequential cells vs truth
    errs = {(c if "!" in c else f"{spec['sheet']}!{c}"): (s, tr) for c, _, s, tr, k in findings if k not in ("consequential", "note")}
    cons = {(c if "!" in c else f"{spec['sheet']}!{c}") for c, _, s, tr, k in findings if k == "consequential"}
    terrs = {f"{e['sheet']}!{e['cell']}": (e["stated"], e["correct"]) for e in truth["planted_errors"]}
    for e in truth["planted_errors"]:
        if e["difference"] != e["stated"] - e["correct"]:
            problems.append(f"difference wrong in {e['cell']}")
    tcons = {f"{c['sheet']}!{c['cell']}" for c in truth["consequential_cells"]}
    if errs != terrs:
        problems.append(f"errors computed {errs} truth {terrs}")
    if cons != tcons:
        problems.append(f"consequential computed {sorted(cons)} truth {sorted(tcons)}")
    return columns, findings, eq_rows, problems


def main():
    ok = True
    for name in SPECS:
        columns, findings, eq_rows, problems = check(name)
        print(f"== {name}")
        for col, i, k, r, present in columns:
            print(f"   col {col}: intakter {i:>12,} kostnader {k:>12,} resultat {r:>12,}".replace(",", " "))
        for f in findings:
            if f[4] == "note":
                print(f"   note          {f[0]:<22} {f[1]!s:<45} stated {f[2]} is right bottom-up; stated parts sum to {f[3]}")
            else:
                print(f"   {f[4]:<13} {f[0]:<22} {f[1]!s:<45} stated {f[2]} correct {f[3]}")
        for y, ib, res, ub in eq_rows:
            print(f"   equity {y}: IB {ib} + {res} = UB {ub}")
        for p in problems:
            print("   PROBLEM:", p)
        ok &= not problems
    print("ALL OK" if ok else "MISMATCHES FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
