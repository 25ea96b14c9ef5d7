#!/usr/bin/env python3
"""Build the rapporter_holdout corpus: h01..h10.xlsx + truth JSON.

Independent evaluation material for a reader of Swedish "resultatrapporter"
exported to Excel. Deterministic (fixed seeds). Truth is computed from the
underlying monthly data (model signs: revenue +, costs -), never from the
rendered sheet.   Run:  /work/main/.venv/bin/python build.py
"""
import json
import random
from decimal import Decimal as D, ROUND_HALF_UP
from pathlib import Path

from openpyxl import Workbook

from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent
Q = D("0.01")
NBSP = "\u00a0"
BOLD = Font(bold=True)
INC = {"R", "FI"}  # revenue / financial income -> positive in model sign
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
          "augusti", "september", "oktober", "november", "december"]


class Acc:
    def __init__(self, acct, name, kind, budget, obj=None):
        self.acct, self.name, self.kind, self.budget, self.obj = acct, name, kind, D(budget), obj
        self.months = [D(0)] * 12      # model sign, this year
        self.prev = [D(0)] * 12        # model sign, previous year
        self.alt_delta = D(0)          # only used for the ambiguous file

    @property
    def sign(self):
        return 1 if self.kind in INC else -1

    def ack(self, p):
        v = sum(self.months[:p], D(0)).quantize(Q)
        return D("0.00") if v == 0 else v

    def bud_year(self):
        return (self.budget * self.sign).quantize(Q)

    def bud_ack(self, p):
        return ((self.budget * p / 12).quantize(D(1), ROUND_HALF_UP) * self.sign).quantize(Q)

    def prev_ack(self, p):
        return sum(self.prev[:p], D(0)).quantize(Q)


def rnd(v, unit):
    if unit == "ore":
        return v.quantize(Q, ROUND_HALF_UP)
    if unit == "kr":
        return v.quantize(D(1), ROUND_HALF_UP).quantize(Q)
    if unit == "hundred":
        return ((v / 100).quantize(D(1), ROUND_HALF_UP) * 100).quantize(Q)
    raise ValueError(unit)


def fill(rng, a, pat, unit):
    """pat: M monthly, Q quarterly (jan/apr/jul/okt), H half-year (jan/jul),
    Y once early in the year, S sparse (5 random months), 0 nothing."""
    if a.kind == "B":
        for tgt in (a.months, a.prev):
            for i in range(12):
                tgt[i] = rnd(D(str(rng.uniform(-250000, 250000))), unit)
        return
    for tgt, scale in ((a.months, 1.0), (a.prev, 0.93)):
        idx = {"M": list(range(12)), "Q": [0, 3, 6, 9], "H": [0, 6],
               "Y": [rng.randint(0, 2)], "S": sorted(rng.sample(range(12), 5)),
               "0": []}[pat]
        for i in idx:
            f = 1.0 if (a.kind == "R" and pat in "QH") else rng.uniform(0.55, 1.45)
            v = rnd(a.budget / len(idx) * D(str(round(f * scale, 4))), unit)
            tgt[i] = a.sign * v


def make_sections(rng, spec, unit):
    out = []
    for heading, rows, sumlabel in spec:
        accs = []
        for r in rows:
            a = Acc(r[0], r[1], r[2], r[3], r[5] if len(r) > 5 else None)
            fill(rng, a, r[4], unit)
            accs.append(a)
        out.append((heading, accs, sumlabel))
    return out


def result_accs(sections):
    return [a for _, accs, _ in sections for a in accs if a.kind != "B"]


def disp(v, conv, kind):
    if kind == "B" or conv == "rep":
        return v
    if conv == "acc":
        return -v
    if conv == "pos":  # both positive; costs shown under a cost heading
        return v if kind in INC else -v
    raise ValueError(conv)


def disp_result(v, conv):
    return -v if conv == "acc" else v


# ---------------------------------------------------------------- formatting
def f_num(x):
    return int(x) if x == x.to_integral_value() else float(x)


def f_float(x):
    return float(x)


def f_tkr(x):
    return float((x / 1000).quantize(D("0.1"), ROUND_HALF_UP))


def sv_text(x, sep=NBSP, minus="-", paren=False):
    x = D(x).quantize(Q)
    s = f"{abs(x):,.2f}".replace(",", "X").replace(".", ",").replace("X", sep)
    if x < 0:
        return f"({s})" if paren else minus + s
    return s


# ---------------------------------------------------------------- columns
def UT_P(p): return lambda a: a.months[p - 1].quantize(Q)
def UT_ACK(p): return lambda a: a.ack(p)
def BUD_ACK(p): return lambda a: a.bud_ack(p)
def BUD_Y(a): return a.bud_year()
def AVV(p): return lambda a: a.ack(p) - a.bud_ack(p)
def PREV_ACK(p): return lambda a: a.prev_ack(p)
def PREV_P(p): return lambda a: a.prev[p - 1].quantize(Q)
def PREV_Y(a): return a.prev_ack(12)
def MON(i): return lambda a: a.months[i].quantize(Q)
def PROG(p, unit="kr"):
    return lambda a: a.ack(p) + rnd(abs(a.bud_year()) * (12 - p) / 12, unit) * a.sign


def PCT(p):
    def f(a):
        b = a.bud_ack(p)
        return None if b == 0 else float(((a.ack(p) - b) / abs(b) * 100).quantize(D("0.1"), ROUND_HALF_UP))
    return f


def cellval(typ, arg, a, conv, fmt):
    if typ == "acct":
        return int(a.acct) if arg == "int" else a.acct
    if typ == "name":
        return a.name
    if typ == "acctname":
        return f"{a.acct} {a.name}"
    if typ == "obj":
        return None if a.obj is None else (int(a.obj) if arg == "int" else a.obj)
    if typ == "num":
        return fmt(disp(arg(a), conv, a.kind))
    if typ == "pct":
        return arg(a)
    return None


def table(ws, r, cols, sections, conv, fmt, label_col=2, result=None):
    def put(row, ci, v, bold=False):
        c = ws.cell(row=row, column=ci, value=v)
        if bold:
            c.font = BOLD

    for heading, accs, sumlabel in sections:
        if heading:
            put(r, label_col, heading, True)
            r += 1
        for a in accs:
            for ci, (typ, arg) in enumerate(cols, 1):
                put(r, ci, cellval(typ, arg, a, conv, fmt))
            r += 1
        if sumlabel:
            lc, text = sumlabel if isinstance(sumlabel, tuple) else (label_col, sumlabel)
            put(r, lc, text, True)
            for ci, (typ, arg) in enumerate(cols, 1):
                if typ == "num":
                    put(r, ci, fmt(sum((disp(arg(a), conv, a.kind) for a in accs), D(0))), True)
            r += 1
    if result:
        lc, text = result if isinstance(result, tuple) else (label_col, result)
        put(r, lc, text, True)
        res = result_accs(sections)
        for ci, (typ, arg) in enumerate(cols, 1):
            if typ == "num":
                put(r, ci, fmt(disp_result(sum((arg(a) for a in res), D(0)), conv)), True)
        r += 1
    return r


def put_rows(ws, rows, start=1):
    for i, row in enumerate(rows, start):
        for j, v in enumerate(row, 1):
            if v is not None:
                ws.cell(row=i, column=j, value=v)
    return start + len(rows)


def truth(sections, p, check_hundred=False):
    rows, seen = [], set()
    for a in result_accs(sections):
        key = (a.acct, a.obj)
        assert key not in seen, key
        seen.add(key)
        amt = a.ack(p)
        if check_hundred:
            assert amt % 100 == 0, (a.acct, amt)
        rows.append({"account": a.acct, "object": a.obj, "amount": f"{amt:.2f}"})
    return rows


# ======================================================================= files
def h01():
    """Raindance-style, title rows, accounting signs, numeric öre."""
    Y, P = 2025, 6
    rng = random.Random(101)
    sec = make_sections(rng, [
        ("Verksamhetens intäkter", [
            ("3511", "Bidrag Försäkringskassan", "R", 2400000, "H"),
            ("3512", "Bidrag Region", "R", 1200000, "H"),
            ("3513", "Bidrag medlemskommuner", "R", 1200000, "Q"),
            ("3590", "Övriga intäkter", "R", 15000, "S")], "Summa verksamhetens intäkter"),
        ("Personalkostnader", [
            ("5011", "Löner tjänstemän", "C", 1650000, "M"),
            ("5020", "Arvoden styrelse", "C", 110000, "H"),
            ("5410", "Arbetsgivaravgifter", "C", 520000, "M"),
            ("5510", "Pensionskostnader", "C", 140000, "M"),
            ("5710", "Utbildning personal", "C", 40000, "S")], "Summa personalkostnader"),
        ("Övriga verksamhetskostnader", [
            ("4610", "Köp av insatser", "C", 1800000, "M"),
            ("6110", "Lokalhyra", "C", 216000, "Q"),
            ("6410", "Förbrukningsinventarier", "C", 25000, "S"),
            ("6520", "Kontorsmaterial", "C", 12000, "S"),
            ("6990", "Konsulttjänster", "C", 180000, "S"),
            ("7030", "Telefoni", "C", 15000, "M"),
            ("7130", "IT-tjänster", "C", 85000, "M"),
            ("7460", "Revision", "C", 40000, "0"),
            ("7910", "Bankkostnader", "C", 3000, "M")], "Summa övriga verksamhetskostnader"),
        ("Finansiella poster", [
            ("8310", "Ränteintäkter", "FI", 5000, "Q"),
            ("8400", "Räntekostnader", "FC", 500, "S")], "Summa finansiella poster"),
    ], "ore")
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    r = put_rows(ws, [["Samordningsförbundet Östra Kustlandet"], ["Resultatrapport"],
                      [f"Period: {Y}-01 – {Y}-{P:02d}"], ["Utskriftsdatum: 2025-07-08"],
                      ["Användare: EKOANNA"], [],
                      ["Konto", "Benämning", "Utfall perioden", "Utfall ack", "Budget ack",
                       "Avvikelse", "Budget helår"]])
    cols = [("acct", "int"), ("name", None), ("num", UT_P(P)), ("num", UT_ACK(P)),
            ("num", BUD_ACK(P)), ("num", AVV(P)), ("num", BUD_Y)]
    table(ws, r, cols, sec, "acc", f_float, result="Periodens resultat")
    return wb, Y, P, sec, dict(
        reason="Raindance-style report: 6 title rows, Utfall perioden + Utfall ack + budget columns, accounting signs, numeric amounts with öre, group headings and subtotals, one account with zero utfall",
        features=["title_rows", "accounting_signs", "numeric_amounts", "ore", "period_column",
                  "budget_columns", "group_headings", "subtotals", "result_row", "zero_rows"])


def h02():
    """Unit4/Agresso-style: data sheet second, two-row merged header, projects."""
    Y, P = 2024, 9
    rng = random.Random(202)
    sec = make_sections(rng, [
        (None, [
            ("3611", "Bidrag Försäkringskassan", "R", 3000000, "Q"),
            ("3612", "Bidrag Region", "R", 1500000, "Q"),
            ("3613", "Bidrag medlemskommuner", "R", 1500000, "Q"),
            ("3690", "Övriga bidrag ESF", "R", 400000, "S", "P200")], ("Summa 36",)),
        (None, [
            ("4610", "Köp av verksamhet", "C", 1200000, "M", "P100"),
            ("4610", "Köp av verksamhet", "C", 900000, "M", "P110"),
            ("4610", "Köp av verksamhet", "C", 600000, "M", "P200"),
            ("4630", "Köp av tjänster från kommuner", "C", 500000, "Q", "P100")], ("Summa 46",)),
        (None, [
            ("5011", "Månadslön", "C", 1400000, "M"),
            ("5011", "Månadslön", "C", 300000, "M", "P200"),
            ("5060", "Arvoden förtroendevalda", "C", 120000, "H"),
            ("5081", "Förändring semesterlöneskuld", "C", 20000, "S")], ("Summa 50",)),
        (None, [
            ("5411", "Arbetsgivaravgifter", "C", 480000, "M"),
            ("5411", "Arbetsgivaravgifter", "C", 95000, "M", "P200"),
            ("5431", "Pensionsavgifter", "C", 120000, "M")], ("Summa 54",)),
        (None, [
            ("6111", "Lokalhyra", "C", 240000, "Q"),
            ("6410", "Förbrukningsinventarier", "C", 30000, "S"),
            ("6510", "Förbrukningsmaterial", "C", 25000, "S"),
            ("6910", "Konsulttjänster", "C", 200000, "S", "P110")], ("Summa 61-69",)),
        (None, [
            ("7011", "Telefoni", "C", 18000, "M"),
            ("7111", "IT-tjänster", "C", 90000, "M"),
            ("7611", "Revision", "C", 45000, "0"),
            ("7990", "Övriga kostnader", "C", 20000, "S")], ("Summa 70-79",)),
        (None, [
            ("8410", "Ränteintäkter bank", "FI", 6000, "Q"),
            ("8510", "Räntekostnader", "FC", 800, "S")], ("Summa 84-85",)),
    ], "kr")
    # subtotal labels go in column A
    sec = [(h, a, (1, s[0])) for h, a, s in sec]
    wb = Workbook()
    ws0 = wb.active; ws0.title = "Urval"
    put_rows(ws0, [["Rapport", "Resultat per konto och projekt"], ["Bolag", "SF"],
                   ["Period", f"{Y}01-{Y}{P:02d}"], ["Utskriven", "2024-10-07 av ekonom1"]])
    ws = wb.create_sheet("Rapport")
    put_rows(ws, [["Konto", "Kontotext", "Projekt", "Utfall", None, "Budget", None, "Fg år", "Avvikelse"],
                  [None, None, None, "period", "ack.", "ack.", "helår", "ack.", "%"]])
    ws.merge_cells("D1:E1"); ws.merge_cells("F1:G1")
    cols = [("acct", None), ("name", None), ("obj", None), ("num", UT_P(P)), ("num", UT_ACK(P)),
            ("num", BUD_ACK(P)), ("num", BUD_Y), ("num", PREV_ACK(P)), ("pct", PCT(P))]
    table(ws, 3, cols, sec, "rep", f_num, result=(1, "Totalt"))
    return wb, Y, P, sec, dict(
        reason="Unit4/Agresso-style: selection sheet first, data on sheet 2, header split over two rows with merged 'Utfall'/'Budget' cells (period / ack.), project column with repeated accounts, report signs, integer amounts, 'Summa 54'-style subtotals in the Konto column",
        features=["no_title_rows", "data_sheet_not_first", "two_row_header", "merged_header",
                  "object_column", "repeated_account_objects", "report_signs", "numeric_amounts",
                  "period_column", "budget_columns", "prev_year_column", "subtotals",
                  "subtotal_with_number", "result_row", "zero_rows"])


def h03():
    """Fortnox-style: account+name in one cell, text amounts, nbsp, unicode minus."""
    Y, P = 2026, 3
    rng = random.Random(303)
    sec = make_sections(rng, [
        ("Rörelsens intäkter", [
            ("3010", "Bidrag Försäkringskassan", "R", 1000000, "Q"),
            ("3020", "Bidrag Regionen", "R", 500000, "Q"),
            ("3030", "Bidrag kommunerna", "R", 500000, "Q"),
            ("3990", "Övriga rörelseintäkter", "R", 5000, "S")], "Summa rörelsens intäkter"),
        ("Övriga externa kostnader", [
            ("5010", "Lokalhyra", "C", 96000, "M"),
            ("5410", "Förbrukningsinventarier", "C", 15000, "S"),
            ("5800", "Resekostnader", "C", 20000, "S"),
            ("6110", "Kontorsmateriel", "C", 6000, "S"),
            ("6230", "Datakommunikation", "C", 12000, "M"),
            ("6530", "Redovisningstjänster", "C", 48000, "M"),
            ("6550", "Konsultarvoden", "C", 600000, "M"),
            ("6570", "Bankkostnader", "C", 2400, "M")], "Summa övriga externa kostnader"),
        ("Personalkostnader", [
            ("7010", "Löner till tjänstemän", "C", 550000, "M"),
            ("7240", "Styrelsearvoden", "C", 60000, "Q"),
            ("7510", "Arbetsgivaravgifter", "C", 190000, "M"),
            ("7690", "Övriga personalkostnader", "C", 8000, "S")], "Summa personalkostnader"),
        ("Finansiella poster", [
            ("8310", "Ränteintäkter", "FI", 2000, "Q")], "Summa finansiella poster"),
    ], "ore")
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    r = put_rows(ws, [["Samordningsförbundet Lilla Fjällbygden"], ["Org.nr 222000-1234"],
                      ["Resultatrapport"], [f"Räkenskapsår: {Y}-01-01 – {Y}-12-31"],
                      [f"Period: {Y}-03-01 – {Y}-03-31"], ["Utskrivet: 2026-04-09 10:14"], [],
                      ["Konto", "Perioden", "Ackumulerat", "Period fg år", "Ackumulerat fg år"]])
    fmt = lambda x: sv_text(x, sep=NBSP, minus="\u2212")
    cols = [("acctname", None), ("num", UT_P(P)), ("num", UT_ACK(P)),
            ("num", PREV_P(P)), ("num", PREV_ACK(P))]
    table(ws, r, cols, sec, "rep", fmt, label_col=1, result="Beräknat resultat")
    return wb, Y, P, sec, dict(
        reason="Fortnox-style: 7 title rows, account number and name in one cell, amounts as text with NBSP thousands, decimal comma and U+2212 minus, report signs, Perioden (March only) vs Ackumulerat, previous-year columns, one account with zero utfall",
        features=["title_rows", "acct_name_one_cell", "text_amounts", "nbsp_thousands",
                  "decimal_comma", "unicode_minus", "ore", "report_signs", "period_column",
                  "prev_year_column", "group_headings", "subtotals", "result_row", "zero_rows"])


def h04():
    """Visma Förvaltning-style monthly columns with Kst and balance accounts."""
    Y, P = 2025, 4
    rng = random.Random(404)
    sec = make_sections(rng, [
        ("Intäkter", [
            ("3611", "Bidrag Försäkringskassan", "R", 2000000, "Q", "410"),
            ("3612", "Bidrag Region", "R", 1000000, "Q", "410"),
            ("3613", "Bidrag kommuner", "R", 1000000, "Q", "410")], "Summa intäkter"),
        ("Kostnader", [
            ("4610", "Köp av insatser", "C", 900000, "M", "410"),
            ("4610", "Köp av insatser", "C", 700000, "M", "420"),
            ("5011", "Månadslön", "C", 1100000, "M", "410"),
            ("5011", "Månadslön", "C", 400000, "M", "420"),
            ("5060", "Arvoden förtroendevalda", "C", 80000, "H", "410"),
            ("5411", "Arbetsgivaravgifter", "C", 380000, "M", "410"),
            ("5411", "Arbetsgivaravgifter", "C", 130000, "M", "420"),
            ("6111", "Lokalhyra", "C", 180000, "Q", "410"),
            ("6450", "Förbrukningsmaterial", "C", 20000, "S", "420"),
            ("6910", "Konsulttjänster", "C", 150000, "S", "420"),
            ("7111", "IT-tjänster", "C", 60000, "M", "410"),
            ("8510", "Räntekostnader", "FC", 1000, "S", "410")], "Summa kostnader"),
    ], "kr")
    bal = make_sections(rng, [("Balanskonton", [
        ("1930", "Bank", "B", 0, "M", "410"),
        ("2440", "Leverantörsskulder", "B", 0, "M", "410"),
        ("2710", "Personalskatt", "B", 0, "M", "410")], None)], "kr")
    wb = Workbook(); ws = wb.active; ws.title = "Utfall per månad"
    r = put_rows(ws, [["Rapport: Utfall per månad och kostnadsställe"],
                      ["Företag: 512 Samordningsförbundet Västra Bergslagen"],
                      [f"År: {Y}   Period: 1–{P}"], [],
                      ["Konto", "Kontonamn", "Kst"] + MONTHS + ["Totalt", "Årsbudget"]])
    cols = [("acct", "int"), ("name", None), ("obj", "int")]
    cols += [("num", MON(i)) if i < P else ("blank", None) for i in range(12)]
    cols += [("num", UT_ACK(P)), ("num", BUD_Y)]
    r = table(ws, r, cols, sec, "acc", f_num, result="Resultat")
    table(ws, r + 1, cols, bal, "acc", f_num)
    return wb, Y, P, sec, dict(
        reason="Visma Förvaltning-style: one column per month (januari..december, months after April empty, some zeros), Kst column with numeric codes 410/420, accounting signs, integer amounts, balance accounts 1930/2440/2710 after the result",
        features=["title_rows", "monthly_columns", "future_months_empty", "object_column",
                  "numeric_object", "repeated_account_objects", "accounting_signs",
                  "numeric_amounts", "balance_accounts", "budget_columns", "group_headings",
                  "subtotals", "result_row"])


def h05():
    """Hypergene-style per verksamhet, amounts in tkr."""
    Y, P = 2024, 11
    rng = random.Random(505)
    sec = make_sections(rng, [
        ("Gemensamt", [
            ("3611", "Bidrag Försäkringskassan", "R", 4500000, "Q", "Gemensamt"),
            ("3612", "Bidrag Region", "R", 2250000, "Q", "Gemensamt"),
            ("3613", "Bidrag kommuner", "R", 2250000, "Q", "Gemensamt"),
            ("5011", "Löner", "C", 1900000, "M", "Gemensamt"),
            ("5060", "Styrelsearvoden", "C", 150000, "H", "Gemensamt"),
            ("5411", "Arbetsgivaravgifter", "C", 600000, "M", "Gemensamt"),
            ("6111", "Lokaler", "C", 300000, "Q", "Gemensamt"),
            ("7111", "IT-tjänster", "C", 120000, "M", "Gemensamt"),
            ("7611", "Revision", "C", 60000, "Y", "Gemensamt"),
            ("8410", "Ränteintäkter", "FI", 8000, "Q", "Gemensamt")], "Summa Gemensamt"),
        ("Samkraft", [
            ("4610", "Köp av insatser", "C", 2400000, "M", "Samkraft"),
            ("5011", "Löner", "C", 900000, "M", "Samkraft"),
            ("5411", "Arbetsgivaravgifter", "C", 290000, "M", "Samkraft"),
            ("6910", "Konsulttjänster", "C", 250000, "S", "Samkraft")], "Summa Samkraft"),
        ("Unga vuxna", [
            ("3690", "ESF-bidrag", "R", 800000, "H", "Unga vuxna"),
            ("4610", "Köp av insatser", "C", 1100000, "M", "Unga vuxna"),
            ("5011", "Löner", "C", 700000, "M", "Unga vuxna"),
            ("5411", "Arbetsgivaravgifter", "C", 220000, "M", "Unga vuxna"),
            ("6450", "Förbrukningsmaterial", "C", 40000, "S", "Unga vuxna"),
            ("7011", "Telefoni", "C", 15000, "M", "Unga vuxna")], "Summa Unga vuxna"),
    ], "hundred")
    wb = Workbook(); ws = wb.active; ws.title = "Rapport"
    r = put_rows(ws, [["Samordningsförbundet Storstaden Nord"], ["Uppföljning per verksamhet"],
                      [f"Period: januari–november {Y}"], ["Belopp i tkr"], [],
                      ["Kto", "Namn", "Verksamhet", "Utfall jan-nov", "Budget jan-nov",
                       "Avvikelse", "Prognos helår", "Budget helår"]])
    cols = [("acct", None), ("name", None), ("obj", None), ("num", UT_ACK(P)),
            ("num", BUD_ACK(P)), ("num", AVV(P)), ("num", PROG(P, "hundred")), ("num", BUD_Y)]
    table(ws, r, cols, sec, "rep", f_tkr, result="Totalt förbundet")
    ws2 = wb.create_sheet("Diagramdata")
    put_rows(ws2, [["Verksamhet", "Utfall tkr", "Budget tkr"]] +
             [[h, f_tkr(sum((x.ack(P) for x in a), D(0))), f_tkr(sum((x.bud_ack(P) for x in a), D(0)))]
              for h, a, _ in sec])
    return wb, Y, P, sec, dict(
        reason="Hypergene-style: amounts in tkr with one decimal ('Belopp i tkr' in title), grouped by verksamhet (object text such as 'Samkraft'), same account under several objects, report signs, only accumulated utfall plus budget/prognos; extra chart-data sheet",
        features=["title_rows", "tkr", "object_column", "text_object", "repeated_account_objects",
                  "report_signs", "numeric_amounts", "budget_columns", "prognos_column",
                  "group_headings", "subtotals", "result_row", "extra_sheets"],
        check_hundred=True)


def h06():
    """Ekonomi Evolution-style: five-digit accounts, all positive under headings."""
    Y, P = 2026, 12
    rng = random.Random(606)
    sec = make_sections(rng, [
        ("INTÄKTER", [
            ("36110", "Bidrag Försäkringskassan", "R", 1750000, "Q"),
            ("36120", "Bidrag Region", "R", 875000, "Q"),
            ("36130", "Bidrag kommuner", "R", 875000, "Q"),
            ("39900", "Övriga intäkter", "R", 10000, "S")], "Summa intäkter"),
        ("KOSTNADER", [
            ("40100", "Köp av insatser", "C", 1300000, "M"),
            ("50110", "Löner", "C", 800000, "M"),
            ("50600", "Styrelsearvoden", "C", 70000, "H"),
            ("50810", "Förändring semesterlöneskuld", "C", 0, "0"),
            ("54110", "Arbetsgivaravgifter", "C", 250000, "M"),
            ("55100", "Pensionskostnader", "C", 70000, "M"),
            ("61110", "Lokalhyra", "C", 120000, "Q"),
            ("64100", "Förbrukningsinventarier", "C", 20000, "S"),
            ("69100", "Konsulttjänster", "C", 90000, "S"),
            ("71110", "IT-tjänster", "C", 40000, "M"),
            ("74600", "Revision", "C", 35000, "Y"),
            ("79100", "Bankavgifter", "C", 2500, "M")], "Summa kostnader"),
        ("FINANSIELLA INTÄKTER", [("83100", "Ränteintäkter", "FI", 3000, "Q")], None),
        ("FINANSIELLA KOSTNADER", [("84100", "Räntekostnader", "FC", 400, "S")], None),
    ], "ore")
    # credit on a cost account: reduces cost, model sign positive, printed negative under KOSTNADER
    sem = sec[1][1][3]
    sem.months = [D("-1250.00"), D(0), D(0), D("-840.50"), D(0), D(0),
                  D("-2310.00"), D(0), D(0), D(0), D(0), D("41318.75")]
    sem.prev = [D(0)] * 11 + [D("-12650.00")]
    wb = Workbook(); ws = wb.active; ws.title = "Resultat"
    r = put_rows(ws, [["Samordningsförbundet Ådalen"], [f"Resultaträkning {Y} t.o.m. december"], [],
                      ["Konto nr", "Beskrivning", "Hittills i år", "Årsbudget", f"Utfall {Y - 1}",
                       "Avvikelse mot budget"]])
    cols = [("acct", "int"), ("name", None), ("num", UT_ACK(P)), ("num", BUD_Y),
            ("num", PREV_Y), ("num", AVV(P))]
    table(ws, r, cols, sec, "pos", f_float, result="Årets resultat")
    ws2 = wb.create_sheet("Noter")
    put_rows(ws2, [["Not 1", "Semesterlöneskulden har räknats om per 31/12."],
                   ["Not 2", "Revisionskostnad enligt avtal."]])
    return wb, Y, P, sec, dict(
        reason="Ekonomi Evolution-style: five-digit accounts, all amounts positive with revenue and costs under INTÄKTER/KOSTNADER headings (one credit on a cost account printed negative), 'Hittills i år' for full year, distractor 'Utfall <previous year>' column, extra notes sheet",
        features=["title_rows", "five_digit_accounts", "positive_with_cost_heading",
                  "credit_cost", "numeric_amounts", "ore", "prev_year_column", "budget_columns",
                  "group_headings", "subtotals", "result_row", "extra_sheets", "full_year"])


def h07():
    """Björn Lundén / Visma eEkonomi-style: parentheses negatives, projects, balance."""
    Y, P = 2025, 2
    rng = random.Random(707)
    bal = make_sections(rng, [("BALANSRÄKNING", [
        ("1930", "Företagskonto", "B", 0, "M"),
        ("2440", "Leverantörsskulder", "B", 0, "M"),
        ("2710", "Personalskatt", "B", 0, "M")], None)], "ore")
    sec = make_sections(rng, [
        ("Intäkter", [
            ("3010", "Bidrag Försäkringskassan", "R", 1500000, "Q"),
            ("3020", "Bidrag Region", "R", 750000, "Q"),
            ("3030", "Bidrag kommuner", "R", 750000, "Q")], "Summa intäkter"),
        ("Kostnader", [
            ("4010", "Köpta insatser", "C", 600000, "M", "1:20"),
            ("4010", "Köpta insatser", "C", 450000, "M", "1:30"),
            ("5010", "Lokalhyra", "C", 110000, "M"),
            ("6540", "IT-tjänster", "C", 45000, "M"),
            ("6550", "Konsultarvoden", "C", 120000, "M", "1:30"),
            ("7010", "Löner", "C", 700000, "M"),
            ("7240", "Styrelsearvoden", "C", 65000, "H"),
            ("7510", "Arbetsgivaravgifter", "C", 230000, "M")], "Summa kostnader"),
        ("Finansiella poster", [("8310", "Ränteintäkter", "FI", 1500, "Q")], None),
    ], "ore")
    wb = Workbook(); ws = wb.active; ws.title = "Rapport"
    r = put_rows(ws, [["Samordningsförbundet Kustbandet"], ["Balans- och resultatrapport per projekt"],
                      [f"Period {Y}-02-01 – {Y}-02-28, ackumulerat från {Y}-01-01"],
                      ["Utskrift 2025-03-12"], [],
                      ["Kontonr", "Kontonamn", "Projekt", "Perioden", "Ack. utfall", "Budget ack",
                       "Fg år ack"]])
    fmt = lambda x: sv_text(x, sep=" ", paren=True)
    cols = [("acct", None), ("name", None), ("obj", None), ("num", UT_P(P)), ("num", UT_ACK(P)),
            ("num", BUD_ACK(P)), ("num", PREV_ACK(P))]
    r = table(ws, r, cols, bal, "rep", fmt)
    ws.cell(row=r, column=2, value="RESULTATRÄKNING").font = BOLD
    table(ws, r + 1, cols, sec, "rep", fmt, result="Resultat")
    return wb, Y, P, sec, dict(
        reason="Björn Lundén / Visma eEkonomi-style: balance accounts first, then result accounts with project codes like '1:20', amounts as text with space thousands and decimal comma, negatives in parentheses (costs), report signs, Perioden (Feb) vs Ack. utfall",
        features=["title_rows", "balance_accounts", "object_column", "dimension_object",
                  "repeated_account_objects", "text_amounts", "space_thousands", "decimal_comma",
                  "paren_negative", "ore", "report_signs", "period_column", "budget_columns",
                  "prev_year_column", "group_headings", "subtotals", "result_row"])


SMALL = [
    ("Intäkter", [
        ("3611", "Bidrag Försäkringskassan", "R", 1600000, "Q"),
        ("3612", "Bidrag Region", "R", 800000, "Q"),
        ("3613", "Bidrag kommuner", "R", 800000, "Q")], "Summa intäkter"),
    ("Kostnader", [
        ("4610", "Köp av insatser", "C", 1100000, "M"),
        ("5011", "Löner", "C", 900000, "M"),
        ("5060", "Styrelsearvoden", "C", 60000, "H"),
        ("5411", "Arbetsgivaravgifter", "C", 290000, "M"),
        ("6111", "Lokalhyra", "C", 140000, "Q"),
        ("6910", "Konsulttjänster", "C", 120000, "S"),
        ("7111", "IT-tjänster", "C", 50000, "M"),
        ("7611", "Revision", "C", 35000, "Y"),
        ("8510", "Räntekostnader", "FC", 600, "S")], "Summa kostnader"),
]


def h08():
    """Refuse: report for 2024 while 2025 is asked."""
    Y_ASK, P = 2025, 8
    Y_REP = 2024
    rng = random.Random(808)
    sec = make_sections(rng, SMALL, "ore")
    wb = Workbook(); ws = wb.active; ws.title = "Resultatrapport"
    r = put_rows(ws, [["Samordningsförbundet Norrdalen"], ["Resultatrapport"],
                      [f"Period: {Y_REP}-01 – {Y_REP}-{P:02d}"], ["Utskriftsdatum: 2024-09-05"], [],
                      ["Konto", "Kontotext", f"Utfall ack {Y_REP}", f"Budget ack {Y_REP}",
                       f"Budget helår {Y_REP}", "Avvikelse"]])
    cols = [("acct", "int"), ("name", None), ("num", UT_ACK(P)), ("num", BUD_ACK(P)),
            ("num", BUD_Y), ("num", AVV(P))]
    table(ws, r, cols, sec, "acc", f_float, result="Resultat")
    return wb, Y_ASK, P, None, dict(
        reason="Wrong year: report is for 2024-01..2024-08 (title and column headers say 2024) but 2025 period 8 is asked; otherwise a clean Raindance-style report",
        features=["refuse_wrong_year", "title_rows", "accounting_signs", "numeric_amounts",
                  "budget_columns", "group_headings", "subtotals"])


def h09():
    """Refuse: only budget/prognos columns."""
    Y, P = 2026, 5
    rng = random.Random(909)
    sec = make_sections(rng, SMALL, "kr")
    wb = Workbook(); ws = wb.active; ws.title = "Budgetuppföljning"
    r = put_rows(ws, [["Samordningsförbundet Södra Slätten"], ["Budgetuppföljning"],
                      [f"Period: {Y}-{P:02d}"], [],
                      ["Konto", "Namn", f"Årsbudget {Y}", "Budget ack", "Prognos helår",
                       "Avvikelse prognos–budget"]])
    cols = [("acct", None), ("name", None), ("num", BUD_Y), ("num", BUD_ACK(P)),
            ("num", PROG(P)), ("num", lambda a: PROG(P)(a) - a.bud_year())]
    table(ws, r, cols, sec, "rep", f_num, result="Resultat")
    return wb, Y, P, None, dict(
        reason="No utfall: only Årsbudget, Budget ack, Prognos helår and a prognos-vs-budget deviation column",
        features=["refuse_no_utfall", "title_rows", "report_signs", "numeric_amounts",
                  "budget_columns", "prognos_column", "group_headings", "subtotals"])


def h10():
    """Refuse: two equally plausible utfall-to-date columns with different numbers."""
    Y, P = 2024, 10
    rng = random.Random(1010)
    sec = make_sections(rng, SMALL, "ore")
    for i, a in enumerate(result_accs(sec)):
        if i % 2 == 1:
            a.alt_delta = rnd(D(str(rng.uniform(-20000, 20000))), "ore") * (1 if a.kind in INC else -1)
    wb = Workbook(); ws = wb.active; ws.title = "Resultat"
    r = put_rows(ws, [["Samordningsförbundet Mellanbygden – Resultat"], [],
                      ["Konto", "Benämning", "Ack. utfall", "Budget ack", "Utfall t.o.m. oktober",
                       "Årsbudget"]])
    cols = [("acct", "int"), ("name", None), ("num", UT_ACK(P)), ("num", BUD_ACK(P)),
            ("num", lambda a: a.ack(P) + a.alt_delta), ("num", BUD_Y)]
    table(ws, r, cols, sec, "acc", f_float, result="Resultat")
    return wb, Y, P, None, dict(
        reason="Ambiguous: two utfall-to-date columns ('Ack. utfall' and 'Utfall t.o.m. oktober') that differ on about half the accounts, nothing says which one is right",
        features=["refuse_ambiguous_utfall", "title_rows", "accounting_signs", "numeric_amounts",
                  "ore", "budget_columns", "group_headings", "subtotals"])


def main():
    for n, fn in enumerate([h01, h02, h03, h04, h05, h06, h07, h08, h09, h10], 1):
        wb, y, p, sec, meta = fn()
        name = f"h{n:02d}"
        wb.save(OUT / f"{name}.xlsx")
        refuse = sec is None
        rows = [] if refuse else truth(sec, p, meta.get("check_hundred", False))
        t = {"file": f"{name}.xlsx", "year": y, "period_month": p, "refuse": refuse,
             "reason": meta["reason"], "features": meta["features"], "rows": rows}
        (OUT / f"{name}.json").write_text(json.dumps(t, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
        print(name, y, p, "REFUSE" if refuse else f"{len(rows)} rows")


if __name__ == "__main__":
    main()
