"""Build an independent evaluation corpus of Swedish "resultatrapporter" exported to Excel.

Deterministic: run with  /work/main/.venv/bin/python build.py
Writes r01.xlsx .. r14.xlsx and r01.json .. r14.json next to this script.

All amounts are generated in LEDGER signs (revenue credit = negative, cost debit = positive),
per month, in kronor.  The truth is computed from the ledger months directly:
    truth = -(sum of ledger months January..period_month)
which gives revenue positive, costs negative, financial income positive, financial costs
negative.  What the sheet *shows* is derived separately through a sign convention
(accounting / report / both_positive), an optional tkr scaling and optional text formatting.
"""
import io
import json
import random
import re
import zipfile
from datetime import datetime
from decimal import Decimal as D, ROUND_HALF_UP
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent
C = D("0.01")

# account, name, kind, full-year budget (ledger sign, kronor), pattern
KOMMUN = {a[0]: a for a in [
    ("3411", "Bidrag från Försäkringskassan", "rev", -2400000, "quarterly"),
    ("3412", "Bidrag från Region", "rev", -1200000, "quarterly"),
    ("3413", "Bidrag från medlemskommuner", "rev", -1200000, "quarterly"),
    ("3419", "Övriga bidrag (ESF)", "rev", -300000, "lumpy"),
    ("3791", "Övriga intäkter", "rev", -15000, "lumpy"),
    ("4010", "Förbrukningsmaterial", "cost", 30000, "lumpy"),
    ("4611", "Köp av verksamhet", "cost", 1500000, "monthly"),
    ("4630", "Konsulttjänster", "cost", 300000, "lumpy"),
    ("5011", "Månadslön", "cost", 1300000, "monthly"),
    ("5120", "Arvoden förtroendevalda", "cost", 120000, "monthly"),
    ("5410", "Arbetsgivaravgifter", "cost", 420000, "monthly"),
    ("5510", "Pensionskostnader", "cost", 95000, "monthly"),
    ("5810", "Personalutbildning", "cost", 40000, "lumpy"),
    ("6110", "Lokalhyra", "cost", 180000, "flat"),
    ("6410", "IT-tjänster", "cost", 95000, "monthly"),
    ("6420", "Telefoni", "cost", 18000, "monthly"),
    ("6510", "Kontorsmaterial", "cost", 12000, "lumpy"),
    ("6560", "Revisionstjänster", "cost", 60000, "lumpy"),
    ("7110", "Resekostnader", "cost", 25000, "lumpy"),
    ("7610", "Representation", "cost", 8000, "lumpy"),
    ("7990", "Övriga verksamhetskostnader", "cost", 15000, "lumpy"),
    ("8410", "Ränteintäkter", "fin_inc", -6000, "quarterly"),
    ("8510", "Räntekostnader", "fin_cost", 500, "lumpy"),
    # balance accounts (only used where a report includes them)
    ("1510", "Kundfordringar", "bal", 0, None),
    ("1790", "Förutbetalda kostnader", "bal", 0, None),
    ("1930", "Bank", "bal", 0, None),
    ("2090", "Eget kapital", "bal", 0, None),
    ("2440", "Leverantörsskulder", "bal", 0, None),
    ("2710", "Personalens källskatt", "bal", 0, None),
    ("2990", "Övriga upplupna kostnader", "bal", 0, None),
]}
BAS = {a[0]: a for a in [
    ("3985", "Bidrag från Försäkringskassan", "rev", -1600000, "quarterly"),
    ("3986", "Bidrag från Region", "rev", -800000, "quarterly"),
    ("3987", "Bidrag från medlemskommuner", "rev", -800000, "quarterly"),
    ("3990", "Övriga ersättningar och intäkter", "rev", -10000, "lumpy"),
    ("5010", "Lokalhyra", "cost", 120000, "flat"),
    ("5410", "Förbrukningsinventarier", "cost", 20000, "lumpy"),
    ("6110", "Kontorsmateriel", "cost", 8000, "lumpy"),
    ("6212", "Mobiltelefon", "cost", 12000, "monthly"),
    ("6230", "Datakommunikation", "cost", 9000, "monthly"),
    ("6420", "Revisionsarvoden", "cost", 45000, "lumpy"),
    ("6540", "IT-tjänster", "cost", 60000, "monthly"),
    ("6550", "Konsultarvoden", "cost", 650000, "lumpy"),
    ("6570", "Bankkostnader", "cost", 3000, "monthly"),
    ("6990", "Övriga externa kostnader", "cost", 15000, "lumpy"),
    ("7210", "Löner till tjänstemän", "cost", 1100000, "monthly"),
    ("7240", "Styrelsearvoden", "cost", 90000, "monthly"),
    ("7410", "Pensionsförsäkringspremier", "cost", 80000, "monthly"),
    ("7510", "Arbetsgivaravgifter", "cost", 370000, "monthly"),
    ("7610", "Utbildning", "cost", 30000, "lumpy"),
    ("7690", "Övriga personalkostnader", "cost", 10000, "lumpy"),
    ("8310", "Ränteintäkter", "fin_inc", -3000, "quarterly"),
    ("8410", "Räntekostnader", "fin_cost", 300, "lumpy"),
]}
BALANCE_OPENING = {"1510": 45000, "1790": 32000, "1930": 2350000, "2090": -1900000,
                   "2440": -210000, "2710": -38000, "2990": -95000}


def rnd(v, step):
    return ((D(v) / step).quantize(D(1), ROUND_HALF_UP) * step).quantize(C)


class Line:
    def __init__(self, acc, name, kind, obj, budget, m, prev):
        self.acc, self.name, self.kind, self.obj = acc, name, kind, obj
        self.budget, self.m, self.prev = budget, m, prev

    def ack(self, p):
        return sum(self.m[:p], D(0))


def gen_months(rng, budget, pattern, step, nmonths, P):
    b = D(budget)
    m = [D(0)] * 12
    for i in range(nmonths):
        f = D(str(round(rng.uniform(0.75, 1.25), 4)))
        if pattern == "quarterly":
            v = b / 4 if i % 3 == 0 else 0
        elif pattern == "flat":
            v = b / 12
        elif pattern == "monthly":
            v = b / 12 * f
        else:  # lumpy
            v = b / 12 * f * 3 if rng.random() < 0.35 else 0
        m[i] = rnd(v, step)
    if all(x == 0 for x in m[:P]):  # every line has some utfall up to the period
        m[rng.randrange(P)] = rnd(b / 6, step)
    return m


def make_lines(rng, chart, spec, scale, step, nmonths, P):
    """spec: list of account or (account, [(obj, share), ...]); obj None = no object."""
    lines = []
    for s in spec:
        acc, objs = (s, [(None, 1)]) if isinstance(s, str) else s
        _, name, kind, budget, pattern = chart[acc]
        for obj, share in objs:
            if kind == "bal":
                base = D(BALANCE_OPENING[acc]) * D(str(scale))
                m = [rnd(base * D(str(round(rng.uniform(0.3, 1.2), 3))), step) if i == 0 else
                     rnd(base * D(str(round(rng.uniform(-0.08, 0.08), 3))), step) for i in range(12)]
                m = [x if i < nmonths else D(0) for i, x in enumerate(m)]
                lines.append(Line(acc, name, kind, obj, D(0), m, [D(0)] * 12))
                continue
            raw = D(budget) * D(str(scale)) * D(str(share))
            bud = rnd(raw, D(1000) if abs(raw) >= 20000 else D(100))
            m = gen_months(rng, bud, pattern, step, nmonths, P)
            prev = gen_months(rng, bud * D("0.92"), pattern, step, 12, 12)
            lines.append(Line(acc, name, kind, obj, bud, m, prev))
    return lines


def shown(line, v, conv):
    if v is None:
        return None
    if conv == "acct" or line.kind == "bal":
        return v
    if conv == "report":
        return -v
    if conv == "both":
        return -v if line.kind in ("rev", "fin_inc") else v
    raise ValueError(conv)


def truth_rows(lines, P, acc_map=None):
    rows = {}
    for l in lines:
        if l.kind == "bal":
            continue
        key = (acc_map(l.acc) if acc_map else l.acc, l.obj)
        rows[key] = rows.get(key, D(0)) - l.ack(P)
    return [{"account": a, "object": o, "amount": str(v.quantize(C))} for (a, o), v in rows.items()]


def sv(d, dec=2, sep=" "):
    s = f"{abs(d):,.{dec}f}".replace(",", "X").replace(".", ",").replace("X", sep)
    return ("-" if d < 0 else "") + s


def write(ws, titles, headers, items, cols, numfmt="#,##0", text=None, scale=D(1), blank_after_titles=True):
    """items: ('line', Line) | ('label', {col: text}) | ('sum', {col: text}, [lines]).
    cols: list of (kind, f) with kind in acc/name/accname/obj/amt; for amt f(line)->printed Decimal."""
    r = 1
    for t in titles:
        ws.cell(r, 1, t)
        r += 1
    if titles:
        ws.cell(1, 1).font = Font(bold=True, size=13)
        if blank_after_titles:
            r += 1
    for c, h in enumerate(headers, 1):
        ws.cell(r, c, h).font = Font(bold=True)
    r += 1

    def amt(v):
        if v is None:
            return None
        v = v / scale
        if text:
            return sv(v, text.get("dec", 2), text.get("sep", " "))
        return float(v)

    for it in items:
        if it[0] == "line":
            l = it[1]
            for c, (kind, f) in enumerate(cols, 1):
                if kind == "acc":
                    val = l.acc
                elif kind == "name":
                    val = l.name
                elif kind == "accname":
                    val = f"{l.acc} {l.name}"
                elif kind == "obj":
                    val = l.obj
                elif kind == "objtext":
                    val = f(l)
                else:
                    val = amt(f(l))
                cell = ws.cell(r, c, val)
                if kind == "amt" and not text:
                    cell.number_format = numfmt
        else:
            for c, t in it[1].items():
                ws.cell(r, c, t).font = Font(bold=True)
            if it[0] == "sum":
                for c, (kind, f) in enumerate(cols, 1):
                    if kind == "amt":
                        vals = [f(l) for l in it[2]]
                        if all(v is None for v in vals):
                            continue
                        cell = ws.cell(r, c, amt(sum((v for v in vals if v is not None), D(0))))
                        cell.font = Font(bold=True)
                        if not text:
                            cell.number_format = numfmt
        r += 1
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 34


def by_class(lines, labels, col, heads=True, sums=True, acc_of=lambda a: a):
    """Group lines by first digit; labels[class] = (heading, sum label)."""
    items = []
    for k in sorted({acc_of(l.acc)[0] for l in lines}):
        g = [l for l in lines if acc_of(l.acc)[0] == k]
        head, summ = labels[k]
        if heads and head:
            items.append(("label", {col: head}))
        items += [("line", l) for l in g]
        if sums and summ:
            items.append(("sum", {col: summ}, g))
    return items


def budget_ack(l, P, step=D(1)):
    return rnd(l.budget * P / 12, step)


def prognos(rng, l, step=D(1000)):
    return rnd(l.budget * D(str(round(rng.uniform(0.9, 1.08), 3))), step)


FILES = {}


def register(f):
    FILES[f.__name__] = f
    return f


# ---------------------------------------------------------------- r01 Raindance, accounting signs
@register
def r01():
    rng, Y, P = random.Random(101), 2025, 8
    spec = ["3411", "3412", "3413", "3419", "3791", "4010", "4611", "4630", "5011", "5120", "5410",
            "5510", "5810", "6110", "6410", "6420", "6560", "7110", "7990", "8410", "8510"]
    L = make_lines(rng, KOMMUN, spec, 1.1, D(1), P, P)
    z = next(l for l in L if l.acc == "3791")
    z.m = [D(0)] * 12  # budgeted, nothing booked yet
    cr = next(l for l in L if l.acc == "7990")
    cr.m = [D(0)] * 12
    cr.m[1], cr.m[5] = D("2150.00"), D("-5350.00")  # refund larger than costs -> net credit
    labels = {"3": ("3 Verksamhetens intäkter", "Summa Verksamhetens intäkter"),
              "4": ("4 Material och köpta tjänster", "Summa klass 4"),
              "5": ("5 Personalkostnader", "Summa klass 5"),
              "6": ("6 Lokaler och övriga tjänster", "Summa klass 6"),
              "7": ("7 Övriga verksamhetskostnader", "Summa klass 7"),
              "8": ("8 Finansiella poster", "Summa klass 8")}
    items = by_class(L, labels, 1) + [("sum", {1: "Resultat"}, L)]
    cols = [("acc", None), ("name", None),
            ("amt", lambda l: l.m[P - 1]), ("amt", lambda l: l.ack(P)),
            ("amt", lambda l: budget_ack(l, P)), ("amt", lambda l: l.budget),
            ("amt", lambda l: budget_ack(l, P) - l.ack(P))]
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    write(ws, ["Samordningsförbundet Nordväst", "Resultatrapport", f"Period {Y}-01 – {Y}-08",
               "Utskriven 2025-09-12 14:03 av ANNLAR01"],
          ["Konto", "Benämning", "Utfall perioden", "Utfall ack", "Budget ack", "Budget helår", "Avvikelse"],
          items, cols)
    return wb, Y, P, False, ("Raindance-style: title rows, separate Konto/Benämning, class headings and "
                             "'Summa klass' rows, month-only and budget columns besides 'Utfall ack'; ledger signs; "
                             "3791 budgeted with zero utfall; 7990 has a net credit"), \
        ["title_rows", "separate_name", "accumulated_column", "distractor_columns", "group_headings",
         "subtotals", "accounting_signs", "zero_rows", "credit_cost_account"], truth_rows(L, P)


# ---------------------------------------------------------------- r02 Agresso, combined cell, projects
@register
def r02():
    rng, Y, P = random.Random(202), 2025, 6
    spec = ["3411", "3412", "3413", ("3419", [("Pilen", 1)]), "4010",
            ("4611", [("Samkraft", 0.45), ("STEGSAM", 0.35), ("Pilen", 0.2)]),
            ("5011", [(None, 0.6), ("Samkraft", 0.25), ("Pilen", 0.15)]),
            "5120", "5410", "5510", "6110", "6410", "6560", "7110", "8410"]
    L = make_lines(rng, KOMMUN, spec, 0.85, C, P, P)
    rev = [l for l in L if l.kind in ("rev", "fin_inc")]
    cost = [l for l in L if l not in rev]
    items = ([("line", l) for l in rev if l.kind == "rev"] + [("sum", {1: "Summa intäkter"}, [l for l in rev if l.kind == "rev"])]
             + [("line", l) for l in cost] + [("sum", {1: "Summa kostnader"}, cost)]
             + [("label", {1: "Finansiella intäkter"})] + [("line", l) for l in rev if l.kind == "fin_inc"]
             + [("sum", {1: "Resultat"}, L)])
    pg = {id(l): prognos(rng, l) for l in L}
    s = lambda l, v: shown(l, v, "report")
    cols = [("accname", None), ("obj", None),
            ("amt", lambda l: s(l, l.ack(P))), ("amt", lambda l: s(l, budget_ack(l, P, C))),
            ("amt", lambda l: s(l, l.ack(P)) - s(l, budget_ack(l, P, C))),
            ("amt", lambda l: s(l, l.budget)), ("amt", lambda l: s(l, pg[id(l)]))]
    wb = Workbook(); ws = wb.active; ws.title = "Rapport"
    write(ws, ["Samordningsförbundet Södra Dalarna", "Resultatrapport per projekt",
               f"Period: {Y}01 - {Y}06", "Rapportdatum: 2025-07-08"],
          ["Konto", "Projekt", "Utfall ack", "Budget ack", "Avvikelse", "Budget helår", "Prognos helår"],
          items, cols, numfmt="#,##0.00")
    return wb, Y, P, False, ("Unit4/Agresso-style: account number and name in one cell, Projekt column "
                             "(Samkraft/STEGSAM/Pilen or blank), report signs, budget/prognos distractors"), \
        ["title_rows", "combined_account_name", "object_column", "accumulated_column", "distractor_columns",
         "subtotals", "report_signs", "ore"], truth_rows(L, P)


# ---------------------------------------------------------------- r03 month columns, later months blank
@register
def r03():
    rng, Y, P = random.Random(303), 2024, 5
    spec = ["3985", "3986", "3987", "3990", "5010", "6110", "6212", "6230", "6420", "6540", "6550",
            "6570", "7210", "7240", "7410", "7510", "7610", "8310"]
    L = make_lines(rng, BAS, spec, 1.3, D(1), P, P)
    labels = {"3": ("Rörelsens intäkter", "Summa rörelsens intäkter"), "5": ("Övriga externa kostnader", None),
              "6": (None, "Summa övriga externa kostnader"), "7": ("Personalkostnader", "Summa personalkostnader"),
              "8": ("Finansiella poster", "Summa finansiella poster")}
    items = []
    for it in by_class(L, labels, 2):
        if it[0] == "sum" and it[1][2] == "Summa övriga externa kostnader":
            it = ("sum", it[1], [l for l in L if l.acc[0] in "56"])
        items.append(it)
    items.append(("sum", {2: "Beräknat resultat"}, L))
    mon = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]
    cols = [("acc", None), ("name", None)] + \
           [("amt", (lambda i: lambda l: shown(l, l.m[i], "report") if i < P else None)(i)) for i in range(12)] + \
           [("amt", lambda l: shown(l, l.ack(P), "report"))]
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    write(ws, ["Samordningsförbundet Lilla Älvdalen", "Resultatrapport per månad",
               f"Räkenskapsår {Y}-01-01 – {Y}-12-31, t.o.m. period {Y}-05"],
          ["Konto", "Kontonamn"] + mon + ["Totalt"], items, cols)
    return wb, Y, P, False, ("eEkonomi-style monthly report: Jan..Dec columns with months after May empty, "
                             "Totalt column, report signs, headings and sums"), \
        ["title_rows", "separate_name", "month_columns", "group_headings", "subtotals", "report_signs"], \
        truth_rows(L, P)


# ---------------------------------------------------------------- r04 Fortnox, text amounts
@register
def r04():
    rng, Y, P = random.Random(404), 2026, 3
    spec = ["3985", "3986", "3987", "3990", "5010", "5410", "6110", "6212", "6420", "6540", "6550",
            "6570", "6990", "7210", "7240", "7410", "7510", "7690", "8310", "8410"]
    L = make_lines(rng, BAS, spec, 0.9, C, P, P)
    labels = {"3": ("Rörelsens intäkter", "Summa rörelseintäkter"), "5": ("Rörelsens kostnader", None),
              "6": (None, None), "7": (None, "Summa rörelsekostnader"), "8": ("Finansiella poster", "Summa finansiella poster")}
    items = []
    for it in by_class(L, labels, 1):
        if it[0] == "sum" and it[1][1] == "Summa rörelsekostnader":
            it = ("sum", it[1], [l for l in L if l.acc[0] in "567"])
        items.append(it)
    items.append(("sum", {1: "Beräknat resultat"}, L))
    s = lambda l, v: shown(l, v, "report")
    cols = [("accname", None), ("amt", lambda l: s(l, l.m[P - 1])), ("amt", lambda l: s(l, l.ack(P))),
            ("amt", lambda l: s(l, l.prev[P - 1])), ("amt", lambda l: s(l, sum(l.prev[:P], D(0))))]
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    write(ws, ["Samordningsförbundet Kust", "Resultatrapport", f"Räkenskapsår {Y}-01-01 - {Y}-12-31",
               f"Period {Y}-03-01 - {Y}-03-31", "Utskrivet 2026-04-07 10:14"],
          ["Konto", "Perioden", "Ackumulerat", "Period fg år", "Ackumulerat fg år"], items, cols,
          text={"dec": 2, "sep": " "})
    return wb, Y, P, False, ("Fortnox-style: 'NNNN Name' in one cell, amounts as text '1 234,50', "
                             "'Perioden' = March only, 'Ackumulerat' = Jan-Mar, prior-year columns; report signs"), \
        ["title_rows", "combined_account_name", "accumulated_column", "distractor_columns", "group_headings",
         "subtotals", "report_signs", "text_amounts", "ore"], truth_rows(L, P)


# ---------------------------------------------------------------- r05 Hypergene, tkr, second sheet
@register
def r05():
    rng, Y, P = random.Random(505), 2025, 10
    spec = ["3411", "3412", "3413", "3419", "4611", "4630", "5011", "5120", "5410", "5510", "5810",
            "6110", "6410", "6510", "6560", "7610", "8410"]
    L = make_lines(rng, KOMMUN, spec, 1.45, D(100), P, P)
    groups = [("34", "Bidrag", lambda a: a.startswith("34")), ("46", "Köp av verksamhet och tjänster", lambda a: a[0] == "4"),
              ("50", "Personalkostnader", lambda a: a[0] == "5"), ("60", "Lokaler, IT och övrigt", lambda a: a[0] in "67"),
              ("84", "Finansiella intäkter", lambda a: a[0] == "8")]
    items = []
    for code, name, pred in groups:
        g = [l for l in L if pred(l.acc)]
        items += [("label", {1: code, 2: name})] + [("line", l) for l in g] + [("sum", {2: f"Summa {name.lower()}"}, g)]
    items.append(("sum", {2: "Årets resultat"}, L))
    pg = {id(l): prognos(rng, l, D(100)) for l in L}
    s = lambda l, v: shown(l, v, "report")
    cols = [("acc", None), ("name", None), ("amt", lambda l: s(l, l.ack(P))),
            ("amt", lambda l: s(l, budget_ack(l, P, D(100)))),
            ("amt", lambda l: s(l, l.ack(P)) - s(l, budget_ack(l, P, D(100)))),
            ("amt", lambda l: s(l, l.budget)), ("amt", lambda l: s(l, pg[id(l)]))]
    wb = Workbook(); info = wb.active; info.title = "Info"
    for r, (k, v) in enumerate([("Rapport", "Resultatrapport förbund"), ("Organisation", "Finsam Mitt"),
                                ("År", Y), ("Period", "Januari - Oktober"), ("Enhet", "tkr"),
                                ("Skapad", "2025-11-06")], 1):
        info.cell(r, 1, k); info.cell(r, 2, v)
    ws = wb.create_sheet("Rapport")
    write(ws, ["Finsam Mitt", f"Resultatrapport jan–okt {Y}", "Belopp i tkr"],
          ["Konto", "Namn", "Utfall ack", "Budget ack", "Avvikelse", "Budget helår", "Prognos helår"],
          items, cols, numfmt="#,##0.0", scale=D(1000))
    return wb, Y, P, False, ("Hypergene-style on second sheet after 'Info': amounts in tkr with one decimal, "
                             "two-digit group codes in the Konto column with 'Summa' rows, report signs"), \
        ["title_rows", "not_first_sheet", "tkr", "separate_name", "accumulated_column", "distractor_columns",
         "group_headings", "subtotals", "report_signs"], truth_rows(L, P)


# ---------------------------------------------------------------- r06 Visma Förvaltning, balance accounts
@register
def r06():
    rng, Y, P = random.Random(606), 2025, 9
    spec = ["1510", "1790", "1930", "2090", "2440", "2710", "2990",
            "3411", "3412", "3413", "3791", "4611", "4630", "5011", "5120", "5410", "5510", "6110",
            "6410", "6420", "6560", "7110", "8410", "8510"]
    L = make_lines(rng, KOMMUN, spec, 0.95, C, P, P)
    bal = [l for l in L if l.kind == "bal"]
    res = [l for l in L if l.kind != "bal"]
    ek = next(l for l in bal if l.acc == "2090")  # make the ledger balance: all accounts sum to zero
    ek.m = [D(0)] * 12
    ek.m[0] = -sum((l.ack(P) for l in L), D(0))
    inc = [l for l in res if l.kind in ("rev", "fin_inc")]
    kost = [l for l in res if l not in inc]
    items = ([("label", {2: "BALANSRÄKNING"})] + [("line", l) for l in bal if l.acc[0] == "1"]
             + [("sum", {2: "Summa tillgångar"}, [l for l in bal if l.acc[0] == "1"])]
             + [("line", l) for l in bal if l.acc[0] == "2"]
             + [("sum", {2: "Summa eget kapital och skulder"}, [l for l in bal if l.acc[0] == "2"])]
             + [("label", {2: "RESULTATRÄKNING"})] + [("line", l) for l in inc] + [("sum", {2: "Summa intäkter"}, inc)]
             + [("line", l) for l in kost] + [("sum", {2: "Summa kostnader"}, kost)]
             + [("sum", {2: "Periodens resultat"}, res)])
    cols = [("acc", None), ("name", None), ("amt", lambda l: l.ack(P)),
            ("amt", lambda l: l.budget if l.kind != "bal" else None),
            ("amt", lambda l: sum(l.prev, D(0)) if l.kind != "bal" else None)]
    wb = Workbook(); ws = wb.active; ws.title = "Rapport"
    write(ws, ["Samordningsförbundet Västra Skaraborg", "Resultat- och balansrapport",
               f"Period {Y}-01 – {Y}-09", "Belopp i kronor"],
          ["Kontonr", "Kontonamn", "Utfall jan-sep", "Budget helår", "Utfall 2024"], items, cols,
          numfmt="#,##0.00")
    return wb, Y, P, False, ("Visma Förvaltning-style combined balance/result report: classes 1-2 first (not "
                             "in answer), then result accounts; 'Utfall jan-sep' vs 'Utfall 2024'; ledger signs"), \
        ["title_rows", "separate_name", "accumulated_column", "distractor_columns", "balance_accounts",
         "group_headings", "subtotals", "accounting_signs", "ore"], truth_rows(L, P)


# ---------------------------------------------------------------- r07 Björn Lundén, both positive
@register
def r07():
    rng, Y, P = random.Random(707), 2024, 12
    spec = ["3985", "3986", "3987", "3990", "5010", "6110", "6230", "6420", "6540",
            ("6550", [("Projekt:110", 0.6), ("Projekt:120", 0.4)]), "6570",
            ("7210", [(None, 0.75), ("Projekt:110", 0.25)]), "7240", "7510", "7690", "8310", "8410"]
    L = make_lines(rng, BAS, spec, 1.0, D(1), P, P)
    cr = next(l for l in L if l.acc == "7690")
    cr.m = [D(0)] * 12
    cr.m[2], cr.m[10] = D("1400"), D("-3250")  # återbetald friskvård etc. -> net credit
    inc = [l for l in L if l.kind == "rev"]
    kost = [l for l in L if l.kind == "cost"]
    fi = [l for l in L if l.kind == "fin_inc"]
    fk = [l for l in L if l.kind == "fin_cost"]
    items = ([("label", {2: "Intäkter"})] + [("line", l) for l in inc] + [("sum", {2: "Summa intäkter"}, inc)]
             + [("label", {2: "Kostnader"})] + [("line", l) for l in kost] + [("sum", {2: "Summa kostnader"}, kost)]
             + [("label", {2: "Finansiella intäkter"})] + [("line", l) for l in fi]
             + [("label", {2: "Finansiella kostnader"})] + [("line", l) for l in fk]
             + [("sum", {2: "Resultat"}, L)])
    pg = {id(l): prognos(rng, l) for l in L}
    s = lambda l, v: shown(l, v, "both")
    cols = [("acc", None), ("name", None), ("obj", None), ("amt", lambda l: s(l, l.ack(P))),
            ("amt", lambda l: s(l, l.budget)), ("amt", lambda l: s(l, pg[id(l)]))]
    wb = Workbook(); ws = wb.active; ws.title = "Resultaträkning"
    write(ws, ["Samordningsförbundet Finsam Norr", "Resultaträkning", f"Räkenskapsår {Y}-01-01 – {Y}-12-31",
               "Period: januari – december"],
          ["Konto", "Text", "Projekt", "Hittills i år", "Budget helår", "Prognos"], items, cols)
    # the 'Resultat' row of a both-positive report is intäkter - kostnader, fix it accordingly
    last = ws.max_row
    ws.cell(last, 4).value = float(-sum((l.ack(P) for l in L), D(0)))
    ws.cell(last, 5).value = float(-sum((l.budget for l in L), D(0)))
    ws.cell(last, 6).value = float(-sum((pg[id(l)] for l in L), D(0)))
    return wb, Y, P, False, ("Björn Lundén-style full year: revenue and costs both printed positive under "
                             "'Intäkter'/'Kostnader' headings, Projekt column 'Projekt:110', 'Hittills i år'; "
                             "7690 has a net credit printed negative under Kostnader"), \
        ["title_rows", "separate_name", "object_column", "accumulated_column", "distractor_columns",
         "group_headings", "subtotals", "both_positive", "credit_cost_account"], truth_rows(L, P)


# ---------------------------------------------------------------- r08 Raindance five-digit, second sheet
@register
def r08():
    rng, Y, P = random.Random(808), 2026, 4
    spec = ["3411", "3412", "3413", ("3419", [("P300", 1)]),
            ("4611", [("P100", 0.5), ("P200", 0.3), ("P300", 0.2)]), "4630",
            ("5011", [(None, 0.7), ("P100", 0.3)]), "5120", "5410", "5510", "6110", "6410", "6560", "8410"]
    L = make_lines(rng, KOMMUN, spec, 0.7, C, P, P)
    five = {"3411": "34110", "3412": "34120", "3413": "34130", "3419": "34190", "4611": "46110",
            "4630": "46300", "5011": "50110", "5120": "51200", "5410": "54100", "5510": "55100",
            "6110": "61100", "6410": "64100", "6560": "65600", "8410": "84100"}
    for l in L:
        l.acc = five[l.acc]
    items = [("line", l) for l in L] + [("sum", {2: "Totalt"}, L)]
    cols = [("acc", None), ("name", None), ("obj", None), ("amt", lambda l: l.ack(P)),
            ("amt", lambda l: l.budget), ("amt", lambda l: sum(l.prev[:P], D(0)))]
    wb = Workbook(); par = wb.active; par.title = "Parametrar"
    for r, (k, v) in enumerate([("Urval", "Resultatkonton 3-8"), ("Period", "2026-01 -- 2026-04"),
                                ("Aktivitet", "Alla"), ("Användare", "EKON03"), ("Körd", "2026-05-06 08:41")], 1):
        par.cell(r, 1, k); par.cell(r, 2, v)
    ws = wb.create_sheet("Resultat")
    write(ws, ["Samordningsförbundet Älvdal", "Resultatrapport per aktivitet", f"Period {Y}01–{Y}04"],
          ["Konto", "Kontotext", "Aktivitet", "Bokfört t.o.m.", "Budget helår", "Fg år ack"], items, cols,
          numfmt="#,##0.00", blank_after_titles=False)
    return wb, Y, P, False, ("Raindance-style flat export on second sheet after 'Parametrar': five-digit "
                             "accounts, Aktivitet P100/P200/P300 or blank, 'Bokfört t.o.m.', ledger signs"), \
        ["title_rows", "not_first_sheet", "separate_name", "five_digit_accounts", "object_column",
         "accumulated_column", "distractor_columns", "subtotals", "accounting_signs", "ore"], truth_rows(L, P)


# ---------------------------------------------------------------- r09 month columns beyond period
@register
def r09():
    rng, Y, P = random.Random(909), 2025, 7
    spec = ["3411", "3412", "3413", ("3419", [("1:30", 1)]),
            ("4611", [("1:20", 0.55), ("1:30", 0.45)]), "4630",
            ("5011", [("1:10", 0.7), ("1:20", 0.3)]), ("5410", [("1:10", 0.7), ("1:20", 0.3)]),
            "5120", "5510", "6110", "6410", "6420", "7110", "8410"]
    L = make_lines(rng, KOMMUN, spec, 1.2, C, 10, P)
    for l in L:
        if l.obj is None:
            l.obj = "1:10"  # every row carries a Kst in this export
    inc = [l for l in L if l.kind in ("rev",)]
    kost = [l for l in L if l.kind in ("cost",)]
    fin = [l for l in L if l.kind in ("fin_inc", "fin_cost")]
    items = ([("line", l) for l in inc] + [("sum", {1: "Summa intäkter"}, inc)] + [("line", l) for l in kost]
             + [("sum", {1: "Summa kostnader"}, kost)] + [("line", l) for l in fin] + [("sum", {1: "Resultat"}, L)])
    cols = [("accname", None), ("obj", None)] + \
           [("amt", (lambda i: lambda l: l.m[i])(i)) for i in range(10)] + [("amt", lambda l: l.ack(10))]
    wb = Workbook(); ws = wb.active; ws.title = "Resultat per månad"
    write(ws, ["Samordningsförbundet Östra Mälardalen", "Resultat per månad och kostnadsställe",
               f"Utfall {Y}-01 – {Y}-10", "Utskrivet 2025-11-04"],
          ["Konto", "Kst"] + [f"{Y}-{i:02d}" for i in range(1, 11)] + ["Summa"], items, cols, numfmt="#,##0.00")
    return wb, Y, P, False, ("Monthly columns 2025-01..2025-10 with data in all ten months while the period "
                             "asked is July (sum Jan-Jul only); 'Summa' covers ten months; combined account "
                             "cell, Kst '1:10'/'1:20'/'1:30'; ledger signs"), \
        ["title_rows", "combined_account_name", "object_column", "month_columns", "months_beyond_period",
         "distractor_columns", "subtotals", "accounting_signs", "ore"], truth_rows(L, P)


# ---------------------------------------------------------------- r10 Unit4 with (T) columns, NBSP text amounts
@register
def r10():
    rng, Y, P = random.Random(1010), 2025, 11
    spec = ["3411", "3412", "3413", ("3419", [("Pilen", 0.6), ("STEGSAM", 0.4)]), "3791",
            ("4611", [("Samkraft", 0.4), ("STEGSAM", 0.35), ("Pilen", 0.25)]),
            ("4630", [(None, 0.5), ("Samkraft", 0.5)]),
            ("5011", [(None, 0.5), ("Samkraft", 0.2), ("STEGSAM", 0.15), ("Pilen", 0.15)]),
            ("5410", [(None, 0.5), ("Samkraft", 0.2), ("STEGSAM", 0.15), ("Pilen", 0.15)]),
            "5120", "5510", "5810", "6110", "6410", "6420", "6510", "6560", "7110", "8410", "8510"]
    L = make_lines(rng, KOMMUN, spec, 1.6, C, P, P)
    otext = {None: None, "Samkraft": "Projekt Samkraft", "STEGSAM": "STEGSAM arbetsträning", "Pilen": "Pilen unga vuxna"}
    items = [("line", l) for l in L]
    cols = [("acc", None), ("name", None), ("obj", None), ("objtext", lambda l: otext[l.obj]),
            ("amt", lambda l: l.m[P - 1]), ("amt", lambda l: l.ack(P)), ("amt", lambda l: budget_ack(l, P, C)),
            ("amt", lambda l: budget_ack(l, P, C) - l.ack(P)), ("amt", lambda l: l.budget)]
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    write(ws, ["Samordningsförbundet Sydväst", "Resultatrapport", f"Period {Y}01-{Y}11",
               "Utskriven 2025-12-05 av ekonom"],
          ["Konto", "Konto(T)", "Objekt", "Objekt(T)", "Utfall period", "Utfall ack", "Budget ack",
           "Avvikelse ack", "Budget år"], items, cols, text={"dec": 2, "sep": "\u00a0"})
    return wb, Y, P, False, ("Unit4 Business World export with Konto/Konto(T)/Objekt/Objekt(T) columns, "
                             "same account on several objects and without object, amounts as text with "
                             "non-breaking-space thousands and decimal comma, ledger signs"), \
        ["title_rows", "separate_name", "object_column", "accumulated_column", "distractor_columns",
         "text_amounts", "accounting_signs", "ore"], truth_rows(L, P)


# ---------------------------------------------------------------- refusals
@register
def r11():
    rng, Y, P = random.Random(1111), 2025, 8
    spec = ["3411", "3412", "3413", "4611", "4630", "5011", "5410", "5510", "6110", "6410", "6560", "8410"]
    L = make_lines(rng, KOMMUN, spec, 0.8, D(1), P, P)
    inc = [l for l in L if l.kind in ("rev", "fin_inc")]
    kost = [l for l in L if l not in inc]
    items = ([("label", {1: "Intäkter"})] + [("line", l) for l in inc] + [("sum", {1: "Summa intäkter"}, inc)]
             + [("label", {1: "Kostnader"})] + [("line", l) for l in kost] + [("sum", {1: "Summa kostnader"}, kost)]
             + [("sum", {1: "Resultat"}, L)])
    s = lambda l, v: shown(l, v, "report")
    cols = [("name", None), ("amt", lambda l: s(l, l.ack(P))), ("amt", lambda l: s(l, budget_ack(l, P))),
            ("amt", lambda l: s(l, l.budget))]
    wb = Workbook(); ws = wb.active; ws.title = "Uppföljning"
    write(ws, ["Samordningsförbundet Höglandet", "Resultatrapport", f"Period {Y}-01 – {Y}-08"],
          ["Benämning", "Utfall ack", "Budget ack", "Budget helår"], items, cols)
    return wb, Y, P, True, ("No account numbers anywhere: rows are identified only by names, so no "
                            "account can be returned"), \
        ["title_rows", "accumulated_column", "report_signs", "subtotals", "refuse_no_account"], []


@register
def r12():
    rng, Y, P = random.Random(1212), 2025, 8
    spec = ["3411", "3412", "3413", "3419", "4611", "4630", "5011", "5120", "5410", "5510", "6110",
            "6410", "6560", "7110", "8410"]
    L = make_lines(rng, KOMMUN, spec, 1.0, C, P, P)
    cols = [("acc", None), ("name", None), ("amt", lambda l: l.ack(P)), ("amt", lambda l: budget_ack(l, P, C)),
            ("amt", lambda l: l.budget)]
    items = by_class(L, {k: (None, f"Summa klass {k}") for k in "345678"}, 2) + [("sum", {2: "Resultat"}, L)]
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    write(ws, ["Samordningsförbundet Norra Bohuslän", "Resultatrapport", "Period 2024-01 – 2024-08",
               "Utskriven 2024-09-05"],
          ["Konto", "Benämning", "Utfall ack 2024", "Budget ack 2024", "Budget helår 2024"], items, cols,
          numfmt="#,##0.00")
    return wb, Y, P, True, ("Report is for fiscal year 2024 (title and column headers) while 2025 is asked; "
                            "it contains no 2025 figures"), \
        ["title_rows", "separate_name", "accumulated_column", "subtotals", "accounting_signs", "ore",
         "refuse_wrong_year"], []


@register
def r13():
    rng, Y, P = random.Random(1313), 2025, 6
    spec = ["3985", "3986", "3987", "5010", "6420", "6540", "6550", "7210", "7240", "7510", "8310"]
    L = make_lines(rng, BAS, spec, 1.1, D(1), P, P)
    pg = {id(l): prognos(rng, l) for l in L}
    s = lambda l, v: shown(l, v, "report")
    cols = [("acc", None), ("name", None), ("amt", lambda l: s(l, l.budget)),
            ("amt", lambda l: s(l, budget_ack(l, P))), ("amt", lambda l: s(l, pg[id(l)])),
            ("amt", lambda l: s(l, pg[id(l)]) - s(l, l.budget))]
    items = [("line", l) for l in L] + [("sum", {2: "Resultat"}, L)]
    wb = Workbook(); ws = wb.active; ws.title = "Budget"
    write(ws, ["Samordningsförbundet Dalsland", f"Budget och prognos {Y}", f"Prognostillfälle: juni {Y}"],
          ["Konto", "Benämning", "Budget helår", "Budget ack jan-jun", "Prognos helår", "Prognos - budget"],
          items, cols)
    return wb, Y, P, True, "Only budget and prognos columns; there is no utfall column at all", \
        ["title_rows", "separate_name", "distractor_columns", "report_signs", "refuse_no_utfall"], []


@register
def r14():
    rng, Y, P = random.Random(1414), 2025, 8
    spec = ["3411", "3412", "3413", "4611", "4630", "5011", "5120", "5410", "5510", "6110", "6410",
            "6560", "7110", "8410"]
    L = make_lines(rng, KOMMUN, spec, 0.9, D(1), P, P)
    adj = {id(l): (rnd(l.budget / 12 * D(str(round(rng.uniform(-0.6, 0.6), 3))), D(1))
                   if l.kind == "cost" and rng.random() < 0.6 else D(0)) for l in L}
    cols = [("acc", None), ("name", None), ("amt", lambda l: l.ack(P)), ("amt", lambda l: budget_ack(l, P)),
            ("amt", lambda l: l.ack(P) + adj[id(l)]), ("amt", lambda l: l.budget)]
    items = [("line", l) for l in L] + [("sum", {2: "Resultat"}, L)]
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    write(ws, ["Samordningsförbundet Sjuhärad", "Resultatrapport", f"Period {Y}-01 – {Y}-08"],
          ["Konto", "Benämning", "Utfall jan-aug", "Budget ack", "Utfall ack", "Budget helår"], items, cols)
    return wb, Y, P, True, ("Two columns that both claim to be utfall January-August ('Utfall jan-aug' and "
                            "'Utfall ack') disagree on several accounts; nothing says which is right"), \
        ["title_rows", "separate_name", "distractor_columns", "accounting_signs", "refuse_ambiguous_utfall"], []


def save_fixed(wb, path):
    """Save with fixed timestamps so the workbooks are byte-for-byte reproducible."""
    wb.properties.creator = "Ekonomisystem"
    wb.properties.created = datetime(2025, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data)
            zout.writestr(zipfile.ZipInfo(info.filename, (2025, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def main():
    summary = []
    for name, f in FILES.items():
        wb, Y, P, refuse, reason, feats, rows = f()
        save_fixed(wb, OUT / f"{name}.xlsx")
        truth = {"file": f"{name}.xlsx", "year": Y, "period_month": P, "refuse": refuse, "reason": reason,
                 "features": feats, "rows": rows}
        (OUT / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        summary.append((name, Y, P, refuse, len(rows), feats))
    for s in summary:
        print(*s[:5], ", ".join(s[5]), sep=" | ")


if __name__ == "__main__":
    main()
