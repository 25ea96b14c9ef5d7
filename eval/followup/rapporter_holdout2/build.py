#!/usr/bin/env python3
"""Build the rapporter_holdout2 corpus: synthetic Excel exports of Swedish
"resultatrapporter" for a samordningsförbund (Finsam), with truth JSON.

Deterministic: every file uses its own fixed random seed. The truth is
computed from the underlying monthly data (model signs), never read back
from the written sheets.

Run:  /work/main/.venv/bin/python build.py
"""
import json
import os
import random
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from typing import List, Optional

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

OUT = os.path.dirname(os.path.abspath(__file__))
D0 = Decimal("0")
C = Decimal("0.01")

MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
             "augusti", "september", "oktober", "november", "december"]
MON3 = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
        "nov", "dec"]

# --------------------------------------------------------------------------
# Chart of accounts (BAS / Kommun-BAS flavoured, as used by samordningsförbund)
# --------------------------------------------------------------------------
ACC = {
    "3510": "Medlemsbidrag staten via Försäkringskassan",
    "3520": "Medlemsbidrag regionen",
    "3530": "Medlemsbidrag kommunerna",
    "3531": "Medlemsbidrag Storå kommun",
    "3532": "Medlemsbidrag Lillåns kommun",
    "3533": "Medlemsbidrag Bergby kommun",
    "3540": "Bidrag Europeiska socialfonden (ESF)",
    "3590": "Övriga bidrag",
    "3990": "Övriga intäkter",
    "4110": "Köp av konsulttjänster insatser",
    "4610": "Köp av verksamhet från kommuner",
    "4620": "Köp av verksamhet från regionen",
    "4630": "Köp av verksamhet från staten",
    "4690": "Köp av verksamhet övriga utförare",
    "5110": "Månadslöner",
    "5190": "Övriga löner och ersättningar",
    "5410": "Arvoden förtroendevalda",
    "5610": "Arbetsgivaravgifter",
    "5630": "Pensionskostnader",
    "5810": "Utbildning och kurser",
    "5840": "Resekostnader personal",
    "5890": "Övriga personalkostnader",
    "6110": "Lokalhyra",
    "6230": "Inventarier, ej aktiverade",
    "6410": "Kontorsmaterial",
    "6510": "Telefoni och datakommunikation",
    "6540": "IT-tjänster och licenser",
    "6550": "Konsulttjänster",
    "6570": "Bankkostnader",
    "6580": "Revision",
    "6590": "Köpta administrativa tjänster",
    "6910": "Representation",
    "6940": "Försäkringar",
    "6990": "Övriga externa kostnader",
    "7830": "Avskrivningar inventarier",
    "8310": "Ränteintäkter",
    "8410": "Räntekostnader",
}

OBJ = {
    "100": "Förbundsgemensamt",
    "110": "Kansli",
    "410": "Samkraft",
    "420": "STEGSAM",
    "430": "Unga vuxna",
    "440": "Vägen vidare",
    "450": "IPS arbetslivsinriktad rehabilitering",
}


def is_rev(acc: str) -> bool:
    """Model sign: revenue (3xxx, 80xx-83xx) positive, everything else cost."""
    return acc[0] == "3" or ("8000" <= acc[:4] < "8400")


def is_balance(acc: str) -> bool:
    return acc[0] in "12"


def q(x, step=C):
    x = Decimal(x)
    if step == C:
        return x.quantize(C, ROUND_HALF_UP)
    return ((x / step).quantize(Decimal(1), ROUND_HALF_UP) * step).quantize(C)


@dataclass
class Row:
    acc: str
    name: str
    obj: Optional[str]
    objname: Optional[str]
    m: List[Decimal]               # model sign, per month 1..12
    bud: Decimal                   # annual budget, model sign
    ly: List[Decimal]              # last year, model sign, per month
    prog: Decimal = D0             # full-year forecast, model sign
    extra: dict = field(default_factory=dict)

    def ack(self, p):
        return sum(self.m[:p], D0)

    def ly_ack(self, p):
        return sum(self.ly[:p], D0)

    def bud_ack(self, p, step=C):
        return q(self.bud * p / 12, step)


def gen_natural(rng, pattern, annual, P, step):
    """12 monthly amounts in 'natural' direction (positive = normal for the
    account). Months after P are zero (no outcome yet)."""
    a = Decimal(annual)
    out = [D0] * 12
    if pattern == "flat":
        # periodised 1/12 per month, rounding carried so a full year is exact
        for i in range(P):
            out[i] = q(a * (i + 1) / 12, step) - q(a * i / 12, step)
    elif pattern == "quarterly":
        for i in range(P):
            if i % 3 == 0:
                out[i] = q(a / 4, step)
    elif pattern == "noisy":
        for i in range(P):
            if rng.random() < 0.12:
                continue
            out[i] = q(a / 12 * Decimal(str(round(rng.uniform(0.45, 1.6), 4))), step)
    elif pattern == "salary":
        for i in range(P):
            f = rng.uniform(0.96, 1.04)
            if i == 6:
                f *= 0.55   # juli
            if i == 7:
                f *= 1.35   # semesterersättning
            out[i] = q(a / 12 * Decimal(str(round(f, 4))), step)
    elif pattern == "lumpy":
        k = max(1, min(P, rng.randint(1, 3)))
        months = rng.sample(range(P), k)
        for i in months:
            out[i] = q(a / 12 * Decimal(str(round(rng.uniform(1.0, 4.0), 4))), step)
    elif pattern == "annual":
        i = rng.randrange(min(P, 4))
        out[i] = q(a * Decimal(str(round(rng.uniform(0.9, 1.05), 4))), step)
    elif pattern == "zero":
        pass
    elif pattern == "credit":
        # small normal postings and one larger credit note: net credit
        for i in range(P):
            if rng.random() < 0.4:
                out[i] = q(a / 12 * Decimal(str(round(rng.uniform(0.1, 0.5), 4))), step)
        tot = sum(out, D0)
        i = rng.randrange(P)
        out[i] -= q(tot + a * Decimal(str(round(rng.uniform(0.25, 0.6), 4))), step)
    elif pattern == "reversal":
        i, j = sorted(rng.sample(range(P), 2))
        x = q(a * Decimal(str(round(rng.uniform(0.1, 0.4), 4))), step)
        out[i] = x
        out[j] = -x
    else:
        raise ValueError(pattern)
    return out


def make_rows(rng, spec, P, step=C):
    """spec: list of (acc, obj, annual_budget, pattern)."""
    rows = []
    for acc, obj, annual, pattern in spec:
        nat = gen_natural(rng, pattern, annual, P, step)
        sign = 1 if is_rev(acc) else -1
        m = [x * sign for x in nat]
        bud = q(Decimal(annual), step) * sign
        ly = [q(bud / 12 * Decimal(str(round(rng.uniform(0.7, 1.25), 4))), step)
              for _ in range(12)]
        if pattern == "zero" and rng.random() < 0.5:
            ly = [D0] * 12
        ack = sum(m, D0)
        prog = q(ack * 12 / P, step) if P < 12 else ack
        if abs(bud) > 0:
            prog = q((prog + bud) / 2, step)
        rows.append(Row(acc, ACC[acc], obj, OBJ.get(obj) if obj else None,
                        m, bud, ly, prog))
    return rows


def truth_rows(rows, P, objkey=lambda r: r.obj):
    out = []
    seen = set()
    for r in rows:
        if is_balance(r.acc):
            continue
        key = (r.acc, objkey(r))
        assert key not in seen, key
        seen.add(key)
        out.append({"account": r.acc, "object": objkey(r),
                    "amount": str(q(r.ack(P)))})
    return out


def write_truth(name, year, P, refuse, reason, features, rows):
    d = {"file": name + ".xlsx", "year": year, "period_month": P,
         "refuse": refuse, "reason": reason, "features": features,
         "rows": rows}
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return d


# --------------------------------------------------------------------------
# sign conventions and Swedish number text
# --------------------------------------------------------------------------
def shown(acc, model, conv):
    """Value as the sheet prints it."""
    if conv == "ledger":        # debit positive: revenue negative
        return -model
    if conv == "report":        # revenue positive, costs negative
        return model
    if conv == "positive":      # all positive under INTÄKTER/KOSTNADER
        return model if is_rev(acc) else -model
    raise ValueError(conv)


def sv(x, dec=2, th=" ", neg="-"):
    x = Decimal(x)
    s = f"{abs(x):,.{dec}f}".replace(",", "\x00").replace(".", ",").replace("\x00", th)
    if x < 0:
        if neg == "trailing":
            return s + "-"
        if neg == "paren":
            return "(" + s + ")"
        return neg + s
    return s


def fl(x):
    return float(Decimal(x))


BOLD = Font(bold=True)
THIN = Side(style="thin")
GREY = PatternFill("solid", fgColor="D9D9D9")
NUMFMT = "#,##0.00;-#,##0.00"


def widths(ws, w):
    for i, x in enumerate(w, 1):
        ws.column_dimensions[get_column_letter(i)].width = x


# ==========================================================================
# g01  Raindance: title rows, account/object separate, object numeric,
#      ledger signs, period + ack + budget columns, subtotals
# ==========================================================================
def g01():
    name, year, P = "g01", 2025, 6
    rng = random.Random(2501)
    spec = [
        ("3510", "100", 6000000, "flat"),
        ("3520", "100", 3000000, "flat"),
        ("3531", "100", 1500000, "flat"),
        ("3532", "100", 900000, "flat"),
        ("3533", "100", 600000, "flat"),
        ("3540", "430", 1400000, "lumpy"),
        ("4610", "410", 2800000, "noisy"),
        ("4610", "430", 1200000, "noisy"),
        ("4620", "410", 900000, "noisy"),
        ("4630", "420", 700000, "noisy"),
        ("4690", "440", 450000, "noisy"),
        ("5110", "110", 2100000, "salary"),
        ("5110", "430", 540000, "salary"),
        ("5410", "100", 180000, "noisy"),
        ("5610", "110", 660000, "salary"),
        ("5610", "430", 170000, "salary"),
        ("5630", "110", 240000, "noisy"),
        ("5810", "110", 60000, "lumpy"),
        ("5840", "430", 25000, "zero"),
        ("6110", "110", 336000, "flat"),
        ("6410", "110", 24000, "noisy"),
        ("6540", "110", 96000, "noisy"),
        ("6580", "100", 85000, "annual"),
        ("6590", "100", 150000, "quarterly"),
        ("6990", "420", 40000, "noisy"),
        ("8310", None, 12000, "quarterly"),
    ]
    rows = make_rows(rng, spec, P)
    conv = "ledger"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rapport"
    ws["A1"] = "Samordningsförbundet Älvbygden"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Resultatrapport per konto och objekt"
    ws["A3"] = "Period: 202506    Ackumulerat från: 202501"
    ws["A4"] = "Urval: Företag 48, Konto 3000-8999"
    ws["G1"] = "Utskriven 2025-07-08 09:14"
    ws["G2"] = "Användare: EKOSAM1"
    hdr = ["Konto", "Kontotext", "Objekt", "Objekttext", "Utfall period",
           "Utfall ack", "Budget ack", "Avvikelse ack", "Budget år"]
    hr = 6
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(hr, c, h)
        cell.font = BOLD
        cell.fill = GREY
        cell.border = Border(bottom=THIN)
    r = hr + 1

    def put(rw, vals, bold=False):
        for c, v in enumerate(vals, 1):
            cell = ws.cell(rw, c, v)
            if bold:
                cell.font = BOLD
            if c >= 5 and isinstance(v, float):
                cell.number_format = NUMFMT

    groups = [("Summa intäkter", lambda a: a[0] == "3"),
              ("Summa kostnader", lambda a: a[0] in "4567"),
              ("Summa finansiella poster", lambda a: a[0] == "8")]
    tot = [D0] * 5
    for label, pred in groups:
        sub = [D0] * 5
        for x in [x for x in rows if pred(x.acc)]:
            vals = [shown(x.acc, v, conv) for v in
                    (x.m[P - 1], x.ack(P), x.bud_ack(P), x.ack(P) - x.bud_ack(P), x.bud)]
            sub = [a + b for a, b in zip(sub, vals)]
            put(r, [int(x.acc), x.name, int(x.obj) if x.obj else None, x.objname]
                + [fl(v) for v in vals])
            r += 1
        put(r, [None, label, None, None] + [fl(v) for v in sub], bold=True)
        tot = [a + b for a, b in zip(tot, sub)]
        r += 2
    put(r, [None, "Resultat", None, None] + [fl(v) for v in tot], bold=True)
    widths(ws, [8, 40, 8, 34, 15, 15, 15, 15, 15])
    ws.freeze_panes = ws.cell(hr + 1, 1)
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, False,
                       "Accumulated actual in column 'Utfall ack' (Raindance ledger signs: revenue negative).",
                       ["title_rows", "acc_name_separate", "object_column", "object_numeric",
                        "object_null", "ledger_signs", "period_column_distractor",
                        "budget_columns", "deviation", "subtotals", "result_row",
                        "zero_utfall", "financial_items", "numeric_cells"],
                       truth_rows(rows, P))


# ==========================================================================
# g02  Unit4 Business World (Agresso) browser export: header in row 1,
#      month-by-month columns 202501..202508 + Summa, project column with
#      blanks, ledger signs, reversal netting to zero, rows ordered by project
# ==========================================================================
def g02():
    name, year, P = "g02", 2025, 8
    rng = random.Random(2502)
    spec = [
        ("3510", None, 5200000, "flat"),
        ("3520", None, 2600000, "flat"),
        ("3530", None, 2600000, "flat"),
        ("3590", None, 150000, "lumpy"),
        ("5110", None, 1900000, "salary"),
        ("5410", None, 150000, "noisy"),
        ("5610", None, 600000, "salary"),
        ("5630", None, 210000, "noisy"),
        ("5840", None, 30000, "noisy"),
        ("6110", None, 300000, "flat"),
        ("6510", None, 36000, "noisy"),
        ("6540", None, 110000, "noisy"),
        ("6570", None, 4800, "noisy"),
        ("6580", None, 70000, "annual"),
        ("6590", None, 160000, "quarterly"),
        ("6990", None, 30000, "reversal"),
        ("4610", "P2110", 2300000, "noisy"),
        ("4620", "P2110", 800000, "noisy"),
        ("6910", "P2110", 12000, "noisy"),
        ("4610", "P2120", 1100000, "noisy"),
        ("4690", "P2120", 400000, "noisy"),
        ("5110", "P2130", 520000, "salary"),
        ("5610", "P2130", 160000, "salary"),
        ("4110", "P2130", 180000, "lumpy"),
        ("5810", "P2130", 20000, "lumpy"),
        ("3540", "P2130", 900000, "quarterly"),
    ]
    rows = make_rows(rng, spec, P)
    pnames = {"P2110": "Samkraft", "P2120": "STEGSAM", "P2130": "Unga vuxna ESF"}
    conv = "ledger"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultat per projekt"
    hdr = ["Konto", "Konto(T)", "Projekt", "Projekt(T)"] + \
          [year * 100 + i for i in range(1, P + 1)] + ["Summa"]
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(1, c, h)
        cell.font = BOLD
    r = 2
    for x in rows:
        vals = [shown(x.acc, v, conv) for v in x.m[:P]]
        ws.cell(r, 1, x.acc)
        ws.cell(r, 2, x.name)
        ws.cell(r, 3, x.obj)
        ws.cell(r, 4, pnames.get(x.obj) if x.obj else None)
        for i, v in enumerate(vals):
            if v != 0:
                cell = ws.cell(r, 5 + i, fl(v))
                cell.number_format = "#,##0.00"
        cell = ws.cell(r, 5 + P, fl(sum(vals, D0)))
        cell.number_format = "#,##0.00"
        r += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(5 + P)}{r - 1}"
    widths(ws, [8, 40, 9, 18] + [13] * P + [15])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, False,
                       "Flat export, one column per period 202501..202508; utfall = sum of the eight month columns (= 'Summa'). Ledger signs.",
                       ["header_row1", "month_columns", "period_headers_numeric",
                        "acc_name_separate", "acc_as_text", "object_column", "object_null",
                        "ledger_signs", "reversal_zero", "zero_utfall", "empty_cells_zero",
                        "unsorted_accounts", "numeric_cells", "no_title"],
                       truth_rows(rows, P))


# ==========================================================================
# g03  Fortnox Resultatrapport: account+name in one cell, Perioden (=sept)
#      vs Ackumulerat, last year columns, report signs, numbers as text with
#      space thousands and decimal comma, BAS-style headings and results
# ==========================================================================
def g03():
    name, year, P = "g03", 2025, 9
    rng = random.Random(2503)
    spec = [
        ("3510", None, 4000000, "flat"),
        ("3520", None, 2000000, "flat"),
        ("3530", None, 2000000, "flat"),
        ("3990", None, 20000, "lumpy"),
        ("4610", None, 3100000, "noisy"),
        ("4620", None, 950000, "noisy"),
        ("4630", None, 300000, "zero"),
        ("6110", None, 240000, "flat"),
        ("6230", None, 15000, "lumpy"),
        ("6410", None, 18000, "noisy"),
        ("6540", None, 84000, "noisy"),
        ("6550", None, 120000, "lumpy"),
        ("6570", None, 3600, "noisy"),
        ("6580", None, 60000, "annual"),
        ("6990", None, 30000, "credit"),
        ("5110", None, 1500000, "salary"),
        ("5410", None, 120000, "noisy"),
        ("5610", None, 470000, "salary"),
        ("5630", None, 160000, "noisy"),
        ("5890", None, 20000, "noisy"),
        ("7830", None, 24000, "flat"),
        ("8310", None, 9000, "quarterly"),
        ("8410", None, 600, "lumpy"),
    ]
    rows = make_rows(rng, spec, P)
    by = {x.acc: x for x in rows}
    conv = "report"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultatrapport"
    lines = [
        ("Resultatrapport", True),
        ("Samordningsförbundet Sjöstaden", False),
        ("Org.nr 222000-1473", False),
        ("Räkenskapsår: 2025-01-01 - 2025-12-31", False),
        ("Period: 2025-09-01 - 2025-09-30", False),
        ("Senaste verifikationsnummer: A 611", False),
        ("Utskrivet: 2025-10-14 13:02", False),
    ]
    for i, (t, b) in enumerate(lines, 1):
        ws.cell(i, 1, t).font = Font(bold=b, size=14 if i == 1 else 11)
    hr = 9
    for c, h in enumerate(["", "Period", "Ackumulerat", "Period fg år", "Ackumulerat fg år"], 1):
        cell = ws.cell(hr, c, h)
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="right" if c > 1 else "left")
        cell.border = Border(bottom=THIN)
    r = hr + 1

    def line(label, vals=None, bold=False):
        nonlocal r
        ws.cell(r, 1, label).font = Font(bold=bold)
        if vals is not None:
            for i, v in enumerate(vals):
                cell = ws.cell(r, 2 + i, sv(v))
                cell.alignment = Alignment(horizontal="right")
                if bold:
                    cell.font = BOLD
        r += 1

    def accs(accs_):
        s = [D0] * 4
        for a in accs_:
            x = by[a]
            vals = [shown(a, v, conv) for v in
                    (x.m[P - 1], x.ack(P), x.ly[P - 1], x.ly_ack(P))]
            s = [u + v for u, v in zip(s, vals)]
            line(f"{a} {x.name}", vals)
        return s

    line("Rörelsens intäkter", bold=True)
    line("Nettoomsättning", bold=True)
    s_int = accs(["3510", "3520", "3530"])
    line("Summa nettoomsättning", s_int, bold=True)
    line("Övriga rörelseintäkter", bold=True)
    s_ov = accs(["3990"])
    line("Summa övriga rörelseintäkter", s_ov, bold=True)
    s_ri = [a + b for a, b in zip(s_int, s_ov)]
    line("Summa rörelseintäkter", s_ri, bold=True)
    r += 1
    line("Rörelsens kostnader", bold=True)
    line("Köpta tjänster", bold=True)
    s4 = accs(["4610", "4620", "4630"])
    line("Summa köpta tjänster", s4, bold=True)
    line("Övriga externa kostnader", bold=True)
    s6 = accs(["6110", "6230", "6410", "6540", "6550", "6570", "6580", "6990"])
    line("Summa övriga externa kostnader", s6, bold=True)
    line("Personalkostnader", bold=True)
    s5 = accs(["5110", "5410", "5610", "5630", "5890"])
    line("Summa personalkostnader", s5, bold=True)
    line("Avskrivningar", bold=True)
    s7 = accs(["7830"])
    line("Summa avskrivningar", s7, bold=True)
    s_rk = [a + b + c + d for a, b, c, d in zip(s4, s6, s5, s7)]
    line("Summa rörelsens kostnader", s_rk, bold=True)
    r += 1
    rr = [a + b for a, b in zip(s_ri, s_rk)]
    line("Rörelseresultat", rr, bold=True)
    r += 1
    line("Finansiella poster", bold=True)
    sf = accs(["8310", "8410"])
    line("Summa finansiella poster", sf, bold=True)
    r += 1
    ref = [a + b for a, b in zip(rr, sf)]
    line("Resultat efter finansiella poster", ref, bold=True)
    r += 1
    line("Beräknat resultat", ref, bold=True)
    widths(ws, [48, 16, 16, 16, 18])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, False,
                       "Fortnox-style: 'Period' is September only (title Period 2025-09-01 - 2025-09-30); 'Ackumulerat' is Jan-Sep. Report signs; numbers as text.",
                       ["title_rows", "acc_name_one_cell", "no_object", "report_signs",
                        "period_column_distractor", "last_year", "numbers_text",
                        "space_thousands", "decimal_comma", "subtotals", "result_row",
                        "net_credit_cost", "zero_utfall", "financial_items", "depreciation"],
                       truth_rows(rows, P))


# ==========================================================================
# g04  Hypergene: parameter sheet first, report on sheet 2, tkr with one
#      decimal, grouped by object with subtotals (formulas with cached
#      values), all amounts positive under INTÄKTER / KOSTNADER, forecast
# ==========================================================================
def g04():
    name, year, P = "g04", 2025, 5
    rng = random.Random(2504)
    H = Decimal(100)   # whole hundreds of kronor so that tkr with 1 decimal is exact
    spec = [
        ("3510", "100", 8000000, "flat"),
        ("3520", "100", 4000000, "flat"),
        ("3530", "100", 4000000, "flat"),
        ("3990", "100", 30000, "lumpy"),
        ("5110", "100", 2400000, "salary"),
        ("5410", "100", 220000, "noisy"),
        ("5610", "100", 760000, "salary"),
        ("5630", "100", 280000, "noisy"),
        ("6110", "100", 420000, "flat"),
        ("6540", "100", 130000, "noisy"),
        ("6580", "100", 95000, "annual"),
        ("6590", "100", 210000, "quarterly"),
        ("7830", "100", 36000, "flat"),
        ("4610", "410", 3300000, "noisy"),
        ("4620", "410", 1100000, "noisy"),
        ("5840", "410", 20000, "noisy"),
        ("6990", "410", 25000, "credit"),
        ("3540", "420", 1600000, "lumpy"),
        ("4610", "420", 1500000, "noisy"),
        ("4690", "420", 600000, "noisy"),
        ("5810", "420", 40000, "zero"),
        ("4630", "450", 900000, "noisy"),
        ("4110", "450", 250000, "lumpy"),
        ("6910", "450", 8000, "noisy"),
    ]
    rows = make_rows(rng, spec, P, step=H)
    conv = "positive"
    path = os.path.join(OUT, name + ".xlsx")
    wb = xlsxwriter.Workbook(path)
    b = wb.add_format({"bold": True})
    h1 = wb.add_format({"bold": True, "font_size": 14})
    hd = wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                        "text_wrap": True, "valign": "top"})
    n1 = wb.add_format({"num_format": "# ##0.0"})
    n1b = wb.add_format({"num_format": "# ##0.0", "bold": True, "top": 1})
    grp = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
    s1 = wb.add_worksheet("Urval")
    info = [("Rapport", "Resultaträkning per objekt"),
            ("Organisation", "Samordningsförbundet Västra Skogslandet"),
            ("Period", "Maj 2025 (ackumulerat)"),
            ("Version", "Budget 2025 fastställd"),
            ("Prognos", "Prognos 1 2025"),
            ("Belopp", "tkr"),
            ("Skapad", "2025-06-10 08:41"),
            ("Skapad av", "ekonom@vastraskogslandet.se")]
    s1.write(0, 0, "Hypergene - Rapporturval", h1)
    for i, (k, v) in enumerate(info, 2):
        s1.write(i, 0, k, b)
        s1.write(i, 1, v)
    s1.set_column(0, 0, 16)
    s1.set_column(1, 1, 44)
    ws = wb.add_worksheet("Resultaträkning")
    ws.write(0, 0, "Resultaträkning per objekt", h1)
    ws.write(1, 0, "Samordningsförbundet Västra Skogslandet")
    ws.write(2, 0, "Belopp i tkr")
    hdr = ["Konto", "Benämning", "Utfall jan–maj", "Budget jan–maj",
           "Avvikelse mot budget", "Budget helår", "Prognos helår"]
    hr = 4
    ws.set_row(hr, 30)
    for c, h in enumerate(hdr):
        ws.write(hr, c, h, hd)
    r = hr + 1
    tk = lambda v: float(Decimal(v) / 1000)
    objs = []
    for x in rows:
        if x.obj not in objs:
            objs.append(x.obj)
    first_data_row = r
    for o in objs:
        ws.merge_range(r, 0, r, 6, f"{o} {OBJ[o]}", grp)
        r += 1
        sum_rows = []
        for head, pred in (("INTÄKTER", is_rev), ("KOSTNADER", lambda a: not is_rev(a))):
            xs = [x for x in rows if x.obj == o and pred(x.acc)]
            if not xs:
                continue
            ws.write(r, 1, head, b)
            r += 1
            start = r
            vals_sum = [D0] * 5
            for x in xs:
                u, ba = shown(x.acc, x.ack(P), conv), shown(x.acc, x.bud_ack(P, H), conv)
                dev = (u - ba) if is_rev(x.acc) else (ba - u)
                vals = [u, ba, dev, shown(x.acc, x.bud, conv), shown(x.acc, x.prog, conv)]
                vals_sum = [s + v for s, v in zip(vals_sum, vals)]
                ws.write_number(r, 0, int(x.acc))
                ws.write(r, 1, x.name)
                for i, v in enumerate(vals):
                    ws.write_number(r, 2 + i, tk(v), n1)
                r += 1
            ws.write(r, 1, "Summa " + head.lower(), b)
            for i in range(5):
                col = chr(ord("C") + i)
                ws.write_formula(r, 2 + i, f"=SUM({col}{start + 1}:{col}{r})", n1b,
                                 tk(vals_sum[i]))
            sum_rows.append((r, vals_sum, head))
            r += 1
        # object result = intäkter - kostnader
        ws.write(r, 1, f"Resultat {OBJ[o]}", b)
        for i in range(5):
            col = chr(ord("C") + i)
            inc = next((v for rr, v, h in sum_rows if h == "INTÄKTER"), [D0] * 5)
            cost = next((v for rr, v, h in sum_rows if h == "KOSTNADER"), [D0] * 5)
            ri = next((rr for rr, v, h in sum_rows if h == "INTÄKTER"), None)
            rc = next((rr for rr, v, h in sum_rows if h == "KOSTNADER"), None)
            if i == 2:
                val = inc[i] + cost[i]   # deviation: favourable positive for both
                f = "+".join(f"{col}{x + 1}" for x in (ri, rc) if x is not None)
            else:
                val = inc[i] - cost[i]
                f = (f"{col}{ri + 1}" if ri is not None else "") + \
                    (f"-{col}{rc + 1}" if rc is not None else "")
            ws.write_formula(r, 2 + i, "=" + f, n1b, tk(val))
        r += 2
    tot = [D0] * 5
    for x in rows:
        u, ba = x.ack(P), x.bud_ack(P, H)
        vals = [u, ba, u - ba, x.bud, x.prog]
        tot = [s + v for s, v in zip(tot, vals)]
    ws.write(r, 1, "Förbundets resultat totalt", b)
    for i, v in enumerate(tot):
        ws.write_number(r, 2 + i, tk(v), n1b)
    ws.set_column(0, 0, 8)
    ws.set_column(1, 1, 42)
    ws.set_column(2, 6, 13)
    ws.freeze_panes(hr + 1, 0)
    wb.close()
    return write_truth(name, year, P, False,
                       "Report on sheet 2, grouped by object (group heading 'NNN Name'), tkr with one decimal, all amounts positive under INTÄKTER/KOSTNADER (negative under KOSTNADER = net credit). Utfall column 'Utfall jan–maj'.",
                       ["later_sheet", "parameter_sheet", "title_rows", "tkr", "one_decimal",
                        "object_grouped", "object_in_heading", "all_positive_headings",
                        "acc_name_separate", "subtotals", "formulas_cached", "result_row",
                        "budget_columns", "forecast", "deviation", "net_credit_cost",
                        "zero_utfall", "numeric_cells", "merged_group_heading", "en_dash_heading"],
                       truth_rows(rows, P))


# ==========================================================================
# g05  Björn Lundén: 2024, period 11, merged two-row header, text numbers
#      with no-break-space thousands and U+2212 minus, report signs,
#      project column with text codes and blanks
# ==========================================================================
def g05():
    name, year, P = "g05", 2024, 11
    rng = random.Random(2405)
    spec = [
        ("3510", None, 3600000, "flat"),
        ("3520", None, 1800000, "flat"),
        ("3531", None, 900000, "flat"),
        ("3532", None, 540000, "flat"),
        ("3533", None, 360000, "flat"),
        ("4610", "SAM", 2000000, "noisy"),
        ("4620", "SAM", 600000, "noisy"),
        ("4610", "UV", 900000, "noisy"),
        ("4690", "UV", 300000, "noisy"),
        ("6910", "UV", 6000, "zero"),
        ("4630", "STEG", 500000, "noisy"),
        ("6990", "STEG", 15000, "credit"),
        ("5110", None, 1250000, "salary"),
        ("5410", None, 90000, "noisy"),
        ("5610", None, 390000, "salary"),
        ("5630", None, 130000, "noisy"),
        ("5840", None, 18000, "noisy"),
        ("6110", None, 192000, "flat"),
        ("6410", None, 12000, "noisy"),
        ("6540", None, 60000, "noisy"),
        ("6570", None, 2400, "noisy"),
        ("6580", None, 48000, "annual"),
        ("6940", None, 9000, "annual"),
        ("8310", None, 6000, "quarterly"),
    ]
    rows = make_rows(rng, spec, P)
    conv = "report"
    NB = "\u00a0"
    fmt = lambda v: sv(v, 2, NB, "\u2212")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultatrapport"
    ws["A1"] = "Samordningsförbundet Norra Kustlandet"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Resultatrapport med budget, per projekt"
    ws["A3"] = "Räkenskapsår 2024-01-01 – 2024-12-31, t.o.m. period 2024-11"
    ws["F1"] = "Björn Lundén Bokföring"
    ws["F2"] = "Utskrift 2024-12-09"
    top, sub = 5, 6
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, t in ((1, "Konto"), (2, "Benämning"), (3, "Projekt")):
        ws.cell(top, col, t)
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    groups = [(4, 5, "Utfall 2024", ["November", "Jan–nov"]),
              (6, 7, "Budget 2024", ["Jan–nov", "Helår"]),
              (8, 8, "Utfall 2023", ["Jan–nov"])]
    for c1, c2, t, subs in groups:
        ws.cell(top, c1, t)
        if c2 > c1:
            ws.merge_cells(start_row=top, start_column=c1, end_row=top, end_column=c2)
        for i, s in enumerate(subs):
            ws.cell(sub, c1 + i, s)
    for rr in (top, sub):
        for c in range(1, 9):
            ws.cell(rr, c).font = BOLD
            ws.cell(rr, c).alignment = center
            ws.cell(rr, c).border = Border(bottom=THIN if rr == sub else None)
    r = sub + 1

    def put(vals_txt, lead, bold=False):
        nonlocal r
        for c, v in enumerate(lead, 1):
            cell = ws.cell(r, c, v)
            if bold:
                cell.font = BOLD
        for i, v in enumerate(vals_txt):
            cell = ws.cell(r, 4 + i, v)
            cell.alignment = Alignment(horizontal="right")
            if bold:
                cell.font = BOLD
        r += 1

    sections = [("Intäkter", lambda a: a[0] == "3", "Summa intäkter"),
                ("Köpta tjänster", lambda a: a[0] == "4", "Summa köpta tjänster"),
                ("Personal", lambda a: a[0] == "5", "Summa personal"),
                ("Övriga kostnader", lambda a: a[0] in "67", "Summa övriga kostnader"),
                ("Finansiella poster", lambda a: a[0] == "8", "Summa finansiella poster")]
    tot = [D0] * 5
    for head, pred, sumlabel in sections:
        put([], [None, head], bold=True)
        s = [D0] * 5
        for x in sorted([x for x in rows if pred(x.acc)], key=lambda x: (x.acc, x.obj or "")):
            vals = [shown(x.acc, v, conv) for v in
                    (x.m[P - 1], x.ack(P), x.bud_ack(P), x.bud, x.ly_ack(P))]
            s = [a + b for a, b in zip(s, vals)]
            put([fmt(v) for v in vals], [x.acc, x.name, x.obj or ""])
        put([fmt(v) for v in s], [None, sumlabel], bold=True)
        tot = [a + b for a, b in zip(tot, s)]
        r += 1
    put([fmt(v) for v in tot], [None, "Årets resultat"], bold=True)
    widths(ws, [8, 40, 9, 14, 15, 15, 15, 15])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, False,
                       "Two-row merged header: 'Utfall 2024' over 'November' and 'Jan–nov'; utfall = 'Jan–nov' under 'Utfall 2024' (not budget, not 2023). Text numbers with NBSP thousands and U+2212 minus; report signs.",
                       ["title_rows", "merged_header", "two_row_header", "acc_name_separate",
                        "acc_as_text", "object_column", "object_text_code", "object_null",
                        "object_blank_string", "report_signs", "numbers_text", "nbsp_thousands",
                        "decimal_comma", "minus_u2212", "period_column_distractor",
                        "budget_columns", "last_year", "subtotals", "result_row",
                        "net_credit_cost", "zero_utfall", "year_2024", "financial_items"],
                       truth_rows(rows, P))


# ==========================================================================
# g06  Visma Förvaltning (Visma Enterprise Ekonomi): kst numeric, text
#      numbers with trailing minus, ledger signs, 'Summa konto NN' rows,
#      'Totalt verksamhetens ...', zero rows with budget, last year
# ==========================================================================
def g06():
    name, year, P = "g06", 2025, 10
    rng = random.Random(2506)
    spec = [
        ("3510", "100", 7000000, "flat"),
        ("3520", "100", 3500000, "flat"),
        ("3530", "100", 3500000, "flat"),
        ("3540", "440", 1800000, "quarterly"),
        ("3590", "440", 200000, "zero"),
        ("4610", "410", 3600000, "noisy"),
        ("4610", "420", 1500000, "noisy"),
        ("4610", "440", 1300000, "noisy"),
        ("4620", "410", 1200000, "noisy"),
        ("4620", "420", 500000, "noisy"),
        ("4690", "420", 90000, "credit"),
        ("4690", "440", 350000, "noisy"),
        ("5110", "110", 2600000, "salary"),
        ("5110", "440", 620000, "salary"),
        ("5190", "110", 40000, "lumpy"),
        ("5410", "100", 240000, "noisy"),
        ("5610", "110", 820000, "salary"),
        ("5610", "440", 195000, "salary"),
        ("5630", "110", 310000, "noisy"),
        ("5810", "110", 70000, "lumpy"),
        ("5810", "440", 30000, "zero"),
        ("5840", "110", 35000, "noisy"),
        ("6110", "110", 480000, "flat"),
        ("6510", "110", 42000, "noisy"),
        ("6540", "110", 150000, "noisy"),
        ("6580", "100", 110000, "annual"),
        ("6590", "100", 240000, "quarterly"),
        ("6910", "100", 15000, "noisy"),
        ("7830", "110", 48000, "flat"),
        ("8410", "100", 1200, "lumpy"),
    ]
    rows = make_rows(rng, spec, P)
    rows.sort(key=lambda x: (x.acc, x.obj))
    conv = "ledger"
    fmt = lambda v: sv(v, 2, " ", "trailing")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultatrapport"
    ws["A1"] = "Samordningsförbundet Norrå"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Resultatrapport konto/kst"
    ws["A3"] = "Period: 2025-01 -- 2025-10"
    ws["A4"] = "Utskriftsdatum: 2025-11-12"
    ws["F3"] = "Visma Förvaltning Ekonomi"
    hdr = ["Konto", "Kontonamn", "Kst", "Utfall jan-okt", "Budget helår",
           "Prognos helår", "Utfall jan-okt fg år", "Återstår av budget"]
    hr = 6
    for c, h in enumerate(hdr, 1):
        cell = ws.cell(hr, c, h)
        cell.font = BOLD
        cell.border = Border(bottom=THIN, top=THIN)
    r = hr + 1

    def put(lead, vals, bold=False):
        nonlocal r
        for c, v in enumerate(lead, 1):
            cell = ws.cell(r, c, v)
            if bold:
                cell.font = BOLD
        for i, v in enumerate(vals):
            cell = ws.cell(r, 4 + i, fmt(v))
            cell.alignment = Alignment(horizontal="right")
            if bold:
                cell.font = BOLD
        r += 1

    def vals_of(x):
        u = shown(x.acc, x.ack(P), conv)
        bu = shown(x.acc, x.bud, conv)
        return [u, bu, shown(x.acc, x.prog, conv), shown(x.acc, x.ly_ack(P), conv), bu - u]

    def block(pred, total_label):
        tot = [D0] * 5
        groups = []
        for x in rows:
            if pred(x.acc) and x.acc[:2] not in groups:
                groups.append(x.acc[:2])
        for g in groups:
            s = [D0] * 5
            for x in [x for x in rows if x.acc[:2] == g]:
                v = vals_of(x)
                s = [a + b for a, b in zip(s, v)]
                put([x.acc, x.name, int(x.obj)], v)
            put(["", f"Summa konto {g}", ""], s, bold=True)
            tot = [a + b for a, b in zip(tot, s)]
        put(["", total_label, ""], tot, bold=True)
        return tot

    t_i = block(lambda a: a[0] == "3", "Totalt verksamhetens intäkter")
    r += 1
    t_k = block(lambda a: a[0] in "4567", "Totalt verksamhetens kostnader")
    r += 1
    vn = [a + b for a, b in zip(t_i, t_k)]
    put(["", "Verksamhetens nettokostnad", ""], vn, bold=True)
    r += 1
    t_f = block(lambda a: a[0] == "8", "Finansnetto")
    r += 1
    put(["", "Periodens resultat", ""], [a + b for a, b in zip(vn, t_f)], bold=True)
    widths(ws, [8, 36, 6, 17, 17, 17, 19, 18])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, False,
                       "Accumulated actual in 'Utfall jan-okt' (not the 'fg år' column). Ledger signs printed as text with trailing minus; Kst numeric.",
                       ["title_rows", "acc_name_separate", "acc_as_text", "object_column",
                        "object_numeric", "ledger_signs", "numbers_text", "space_thousands",
                        "decimal_comma", "trailing_minus", "subtotals", "summa_konto_rows",
                        "result_row", "budget_columns", "forecast", "last_year",
                        "last_year_same_heading_prefix", "net_credit_cost", "zero_utfall",
                        "financial_items", "depreciation"],
                       truth_rows(rows, P))


# ==========================================================================
# g07  Pyramid Business Studio: full year 2024, header in row 1, result and
#      balance report on one sheet, text with parentheses for negatives,
#      whole kronor, report signs; balance accounts must be ignored
# ==========================================================================
def g07():
    name, year, P = "g07", 2024, 12
    rng = random.Random(2407)
    K = Decimal(1)
    spec = [
        ("3510", None, 5000000, "flat"),
        ("3520", None, 2500000, "flat"),
        ("3530", None, 2500000, "flat"),
        ("3540", None, 700000, "lumpy"),
        ("3990", None, 25000, "lumpy"),
        ("4610", None, 3900000, "noisy"),
        ("4620", None, 1300000, "noisy"),
        ("4630", None, 420000, "noisy"),
        ("4690", None, 380000, "noisy"),
        ("5110", None, 1750000, "salary"),
        ("5190", None, 30000, "reversal"),
        ("5410", None, 160000, "noisy"),
        ("5610", None, 560000, "salary"),
        ("5630", None, 190000, "noisy"),
        ("5810", None, 45000, "lumpy"),
        ("6110", None, 320000, "flat"),
        ("6410", None, 22000, "noisy"),
        ("6540", None, 105000, "noisy"),
        ("6570", None, 3800, "noisy"),
        ("6580", None, 80000, "annual"),
        ("6590", None, 190000, "quarterly"),
        ("6990", None, 35000, "noisy"),
        ("7830", None, 30000, "flat"),
        ("8310", None, 14000, "quarterly"),
        ("8410", None, 900, "lumpy"),
    ]
    rows = make_rows(rng, spec, P, step=K)
    conv = "report"
    fmt = lambda v: sv(v, 0, " ", "paren")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bokslut 2024"
    hdr = ["Konto", "Benämning", "Utfall 2024", "Budget 2024", "Avvikelse", "Utfall 2023"]
    for c, h in enumerate(hdr, 1):
        ws.cell(1, c, h).font = BOLD
    r = 2

    def put(lead, vals, bold=False):
        nonlocal r
        for c, v in enumerate(lead, 1):
            cell = ws.cell(r, c, v)
            if bold:
                cell.font = BOLD
        for i, v in enumerate(vals):
            cell = ws.cell(r, 3 + i, fmt(v) if v is not None else None)
            cell.alignment = Alignment(horizontal="right")
            if bold:
                cell.font = BOLD
        r += 1

    put([None, "RESULTATRÄKNING"], [], bold=True)
    put([None, "Samordningsförbundet Mellanbygden, räkenskapsår 2024-01-01 - 2024-12-31"], [])
    r += 1
    secs = [("Verksamhetens intäkter", lambda a: a[0] == "3", "Summa verksamhetens intäkter"),
            ("Verksamhetens kostnader", lambda a: a[0] in "456", "Summa verksamhetens kostnader"),
            ("Avskrivningar", lambda a: a[0] == "7", "Summa avskrivningar"),
            ("Finansiella intäkter och kostnader", lambda a: a[0] == "8", "Summa finansnetto")]
    tot = [D0] * 4
    for i, (head, pred, sl) in enumerate(secs):
        put([None, head], [], bold=True)
        s = [D0] * 4
        for x in [x for x in rows if pred(x.acc)]:
            u, bu = x.ack(P), x.bud
            v = [u, bu, u - bu, x.ly_ack(P)]
            v = [shown(x.acc, a, conv) for a in v]
            s = [a + b for a, b in zip(s, v)]
            put([int(x.acc), x.name], v)
        put([None, sl], s, bold=True)
        tot = [a + b for a, b in zip(tot, s)]
        if i == 2:
            r += 1
            put([None, "Verksamhetens nettokostnad"], tot, bold=True)
        r += 1
    put([None, "ÅRETS RESULTAT"], tot, bold=True)
    r += 2
    # balance sheet on the same sheet: only the 2024 closing balance column
    res = tot[0]
    bal = [("1220", "Inventarier", 120000), ("1229", "Ack avskrivningar inventarier", -66000),
           ("1510", "Kundfordringar", 48250), ("1790", "Förutbetalda kostnader", 86400),
           ("1930", "Bank", 0)]
    liab = [("2081", "Eget kapital", -1450000), ("2099", "Årets resultat", -res),
            ("2440", "Leverantörsskulder", -612300), ("2710", "Personalskatt", -61200),
            ("2730", "Lagstadgade sociala avgifter", -78600),
            ("2990", "Upplupna kostnader", -142800)]
    bank = -(sum(Decimal(v) for _, _, v in bal) + sum(Decimal(v) for _, _, v in liab))
    bal[-1] = ("1930", "Bank", bank)
    put([None, "BALANSRÄKNING"], [], bold=True)
    ws.cell(r, 3, "UB 2024").font = BOLD
    ws.cell(r, 4, "IB 2024").font = BOLD
    r += 1
    put([None, "Tillgångar"], [], bold=True)
    for a, n, v in bal:
        put([int(a), n], [Decimal(v), q(Decimal(v) * Decimal("0.9"), K)])
    put([None, "Summa tillgångar"], [sum(Decimal(v) for _, _, v in bal), None], bold=True)
    r += 1
    put([None, "Eget kapital och skulder"], [], bold=True)
    for a, n, v in liab:
        put([int(a), n], [Decimal(v), q(Decimal(v) * Decimal("0.9"), K)])
    put([None, "Summa eget kapital och skulder"], [sum(Decimal(v) for _, _, v in liab), None], bold=True)
    widths(ws, [8, 44, 15, 15, 15, 15])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, False,
                       "Full year 2024: utfall = 'Utfall 2024'. Negatives in parentheses as text, whole kronor, report signs. Balance sheet rows (1xxx/2xxx) on the same sheet are excluded.",
                       ["header_row1", "acc_name_separate", "no_object", "full_year",
                        "year_2024", "report_signs", "numbers_text", "space_thousands",
                        "parentheses", "whole_kronor", "budget_columns", "deviation",
                        "last_year", "subtotals", "result_row", "balance_accounts_present",
                        "reversal_zero", "financial_items", "depreciation"],
                       truth_rows(rows, P))


# ==========================================================================
# g08  REFUSE - Visma eEkonomi report for Jan–May when Jan–Aug is asked
# ==========================================================================
def g08():
    name, year, P = "g08", 2025, 8
    RP = 5   # the period the report actually covers
    rng = random.Random(2508)
    spec = [
        ("3510", None, 3000000, "flat"),
        ("3520", None, 1500000, "flat"),
        ("3530", None, 1500000, "flat"),
        ("4610", None, 2200000, "noisy"),
        ("4620", None, 700000, "noisy"),
        ("5110", None, 1100000, "salary"),
        ("5410", None, 80000, "noisy"),
        ("5610", None, 345000, "salary"),
        ("5630", None, 120000, "noisy"),
        ("6110", None, 180000, "flat"),
        ("6540", None, 55000, "noisy"),
        ("6580", None, 45000, "annual"),
        ("6590", None, 90000, "quarterly"),
        ("8310", None, 4000, "quarterly"),
    ]
    rows = make_rows(rng, spec, RP)
    conv = "report"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultatrapport"
    ws["A1"] = "Resultatrapport"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Samordningsförbundet Dalsbygden, 222000-2216"
    ws["A3"] = "Räkenskapsår: 2025-01-01 – 2025-12-31"
    ws["A4"] = "Period: 2025-01-01 – 2025-05-31"
    ws["A5"] = "Utskriven: 2025-06-16 av Ekonomi Dalsbygden"
    hdr = ["Konto", "Benämning", "Perioden", "Föregående år", "Förändring"]
    hr = 7
    for c, h in enumerate(hdr, 1):
        ws.cell(hr, c, h).font = BOLD
    r = hr + 1
    for head, pred in (("Rörelsens intäkter", lambda a: a[0] == "3"),
                       ("Rörelsens kostnader", lambda a: a[0] in "4567"),
                       ("Finansiella poster", lambda a: a[0] == "8")):
        ws.cell(r, 1, head).font = BOLD
        r += 1
        s = [D0] * 3
        for x in [x for x in rows if pred(x.acc)]:
            u, l = shown(x.acc, x.ack(RP), conv), shown(x.acc, x.ly_ack(RP), conv)
            v = [u, l, u - l]
            s = [a + b for a, b in zip(s, v)]
            ws.cell(r, 1, int(x.acc))
            ws.cell(r, 2, x.name)
            for i, z in enumerate(v):
                ws.cell(r, 3 + i, fl(z)).number_format = "# ##0.00"
            r += 1
        ws.cell(r, 2, "Summa " + head.lower()).font = BOLD
        for i, z in enumerate(s):
            cc = ws.cell(r, 3 + i, fl(z))
            cc.number_format = "# ##0.00"
            cc.font = BOLD
        r += 2
    widths(ws, [8, 40, 15, 15, 15])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, True,
                       "Report covers 2025-01-01 – 2025-05-31 (title 'Period: 2025-01-01 – 2025-05-31'; the only utfall column 'Perioden' is Jan–May) but the follow-up asks for January–August 2025; the Jan–Aug utfall cannot be derived.",
                       ["refuse_wrong_period", "title_rows", "acc_name_separate", "no_object",
                        "report_signs", "last_year", "numeric_cells", "subtotals"],
                       [])


# ==========================================================================
# g09  REFUSE - Stratsys economic follow-up: account names only, no numbers
# ==========================================================================
def g09():
    name, year, P = "g09", 2025, 6
    rng = random.Random(2509)
    spec = [
        ("3510", None, 4400000, "flat"),
        ("3520", None, 2200000, "flat"),
        ("3530", None, 2200000, "flat"),
        ("3540", None, 600000, "lumpy"),
        ("4610", None, 3000000, "noisy"),
        ("4620", None, 900000, "noisy"),
        ("4690", None, 250000, "noisy"),
        ("5110", None, 1500000, "salary"),
        ("5410", None, 110000, "noisy"),
        ("5610", None, 470000, "salary"),
        ("5630", None, 160000, "noisy"),
        ("6110", None, 250000, "flat"),
        ("6540", None, 80000, "noisy"),
        ("6580", None, 70000, "annual"),
        ("6590", None, 130000, "quarterly"),
        ("6990", None, 25000, "noisy"),
    ]
    rows = make_rows(rng, spec, P)
    conv = "positive"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ekonomisk uppföljning"
    ws["A1"] = "Ekonomisk uppföljning juni 2025"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Samordningsförbundet Gränslandet"
    ws["A3"] = "Källa: Stratsys, ekonomidata från Raindance t.o.m. 2025-06-30"
    hdr = ["", "Utfall jan–jun", "Budget jan–jun", "Avvikelse", "Budget helår", "Prognos helår"]
    hr = 5
    for c, h in enumerate(hdr, 1):
        ws.cell(hr, c, h).font = BOLD
        ws.cell(hr, c).fill = GREY
    r = hr + 1
    res = [D0] * 5
    for head, pred in (("Intäkter", lambda a: a[0] == "3"), ("Kostnader", lambda a: a[0] != "3")):
        ws.cell(r, 1, head).font = BOLD
        r += 1
        s = [D0] * 5
        for x in [x for x in rows if pred(x.acc)]:
            u, ba = shown(x.acc, x.ack(P), conv), shown(x.acc, x.bud_ack(P), conv)
            v = [u, ba, (u - ba) if is_rev(x.acc) else (ba - u),
                 shown(x.acc, x.bud, conv), shown(x.acc, x.prog, conv)]
            s = [a + b for a, b in zip(s, v)]
            ws.cell(r, 1, "   " + x.name)
            for i, z in enumerate(v):
                ws.cell(r, 2 + i, round(fl(z) / 1000) * 1000).number_format = "#,##0"
            r += 1
        ws.cell(r, 1, "Summa " + head.lower()).font = BOLD
        for i, z in enumerate(s):
            ws.cell(r, 2 + i, round(fl(z) / 1000) * 1000).number_format = "#,##0"
        if head == "Intäkter":
            res = s
        else:
            res = [a - b if i != 2 else a + b for i, (a, b) in enumerate(zip(res, s))]
        r += 2
    ws.cell(r, 1, "Resultat").font = BOLD
    for i, z in enumerate(res):
        ws.cell(r, 2 + i, round(fl(z) / 1000) * 1000).number_format = "#,##0"
    widths(ws, [46, 15, 15, 13, 15, 15])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, True,
                       "No account numbers anywhere: rows carry only account names (e.g. 'Medlemsbidrag regionen', 'Månadslöner'); mapping names to BAS accounts would be a guess.",
                       ["refuse_names_only", "title_rows", "all_positive_headings",
                        "budget_columns", "forecast", "deviation", "numeric_cells", "rounded_thousands"],
                       [])


# ==========================================================================
# g10  REFUSE - Unit4 Business World: two accumulated-utfall columns
#      ('Hittills i år' and 'Ackumulerat') that disagree
# ==========================================================================
def g10():
    name, year, P = "g10", 2025, 7
    rng = random.Random(2510)
    spec = [
        ("3510", "100", 5500000, "flat"),
        ("3520", "100", 2750000, "flat"),
        ("3530", "100", 2750000, "flat"),
        ("4610", "410", 2600000, "noisy"),
        ("4620", "410", 800000, "noisy"),
        ("4610", "430", 1100000, "noisy"),
        ("4630", "420", 600000, "noisy"),
        ("5110", "110", 1800000, "salary"),
        ("5610", "110", 565000, "salary"),
        ("5630", "110", 200000, "noisy"),
        ("5410", "100", 140000, "noisy"),
        ("6110", "110", 300000, "flat"),
        ("6540", "110", 95000, "noisy"),
        ("6580", "100", 80000, "annual"),
        ("6590", "100", 150000, "quarterly"),
    ]
    rows = make_rows(rng, spec, P)
    conv = "ledger"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rapport"
    ws["A1"] = "Samordningsförbundet Fjällvidden - Resultat per objekt"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Period 202507"
    ws["A3"] = "Unit4 Business World, rapport RES_OBJ_02, körd 2025-08-11"
    hdr = ["Konto", "Konto(T)", "Objekt", "Objekt(T)", "Utfall perioden",
           "Hittills i år", "Ackumulerat", "Budget år"]
    hr = 5
    for c, h in enumerate(hdr, 1):
        ws.cell(hr, c, h).font = BOLD
    r = hr + 1
    ndiff = 0
    for x in rows:
        a1 = shown(x.acc, x.ack(P), conv)
        # second accumulated column: differs on most rows (another posting
        # date basis / inclusion of preliminary postings); no legend
        if rng.random() < 0.75:
            a2 = a1 + q(a1 * Decimal(str(round(rng.uniform(-0.12, 0.12), 4))))
            ndiff += 1
        else:
            a2 = a1
        vals = [shown(x.acc, x.m[P - 1], conv), a1, a2, shown(x.acc, x.bud, conv)]
        ws.cell(r, 1, x.acc)
        ws.cell(r, 2, x.name)
        ws.cell(r, 3, x.obj)
        ws.cell(r, 4, OBJ[x.obj])
        for i, v in enumerate(vals):
            ws.cell(r, 5 + i, fl(v)).number_format = "#,##0.00"
        r += 1
    widths(ws, [8, 40, 8, 28, 15, 15, 15, 15])
    wb.save(os.path.join(OUT, name + ".xlsx"))
    return write_truth(name, year, P, True,
                       f"Two columns, 'Hittills i år' and 'Ackumulerat', could each be the accumulated actual Jan–Jul 2025 and they disagree on {ndiff} of {len(rows)} rows; nothing on the sheet says which is right.",
                       ["refuse_conflicting_columns", "title_rows", "acc_name_separate",
                        "object_column", "ledger_signs", "period_column_distractor",
                        "numeric_cells"],
                       [])


FIXED_TS = "2025-01-01T00:00:00Z"


def normalize(path):
    """Make the .xlsx byte-deterministic: fixed zip entry times and fixed
    created/modified stamps in docProps/core.xml."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fn, data in items:
            if fn == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>" + FIXED_TS.encode() + rb"\g<3>", data)
            zi = zipfile.ZipInfo(fn, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def main():
    out = []
    for f in (g01, g02, g03, g04, g05, g06, g07, g08, g09, g10):
        d = f()
        normalize(os.path.join(OUT, d["file"]))
        out.append(d)
        print(f"{d['file']}: year={d['year']} P={d['period_month']} refuse={d['refuse']} rows={len(d['rows'])}")


if __name__ == "__main__":
    main()
