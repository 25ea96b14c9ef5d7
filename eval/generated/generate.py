#!/usr/bin/env python3
"""Deterministic generator of synthetic Finsam (samordningsförbund) budget workbooks.

Usage:  python eval/generated/generate.py OUTDIR [--count N] [--seed S]

Writes OUTDIR/gNNNN.xlsx + OUTDIR/gNNNN.json (truth) and OUTDIR/manifest.json.
See README.md in this folder for the axes and the truth format.
"""
import argparse
import datetime as _dt
import io
import json
import os
import random
import sys
import zipfile

FIXED_DT = _dt.datetime(2025, 11, 20, 9, 0, 0)
MINUS = "\u2212"
NBSP = "\u00a0"

# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------


def col_letter(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def addr(r, c):
    return f"{col_letter(c)}{r + 1}"


def kaddr(key):
    return None if key is None else addr(key[1], key[2])


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def rnd(x, unit):
    return int(round(x / unit)) * unit


def fmt_sv(n, sep=" ", dec=0):
    """Swedish style number text: 1 310 000 / 1 550,5"""
    neg = n < 0
    n = abs(n)
    if dec:
        ip = int(n)
        frac = round(n - ip, dec)
        if frac >= 1:
            ip += 1
            frac = 0
        s = f"{ip:,}".replace(",", sep)
        if frac:
            s += "," + f"{frac:.{dec}f}"[2:]
    else:
        s = f"{int(round(n)):,}".replace(",", sep)
    return s, neg


# ----------------------------------------------------------------------------
# reference data
# ----------------------------------------------------------------------------

FORBUND = [
    ("Samordningsförbundet Västmanland", "Västmanland", ["Västerås", "Sala", "Köping", "Arboga", "Kungsör", "Hallstahammar", "Surahammar", "Fagersta", "Norberg", "Skinnskatteberg"], [40, 7, 8, 4, 3, 5, 3, 4, 2, 1]),
    ("Samordningsförbundet Norra Västmanland", "Västmanland", ["Fagersta", "Norberg", "Skinnskatteberg"], [56, 25, 19]),
    ("Samordningsförbundet Sala-Heby", "Västmanland", ["Sala", "Heby"], [60, 40]),
    ("Samordningsförbundet Kramfors", "Västernorrland", ["Kramfors"], [1]),
    ("Samordningsförbundet Sollefteå", "Västernorrland", ["Sollefteå"], [1]),
    ("Samordningsförbundet Uppsala län", "Uppsala", ["Uppsala", "Enköping", "Tierp", "Östhammar", "Knivsta", "Håbo", "Älvkarleby", "Heby"], [57, 11, 5, 5, 5, 5, 2, 4]),
    ("Samordningsförbundet Centrala Östergötland", "Östergötland", ["Linköping", "Åtvidaberg", "Kinda", "Boxholm"], [80, 7, 6, 7]),
    ("Samordningsförbundet Södra Dalarna", "Dalarna", ["Avesta", "Hedemora", "Säter"], [43, 31, 26]),
    ("Finsam Gävle", "Gävleborg", ["Gävle"], [1]),
    ("Samordningsförbundet Östra Södertörn", "Stockholm", ["Haninge", "Nynäshamn", "Tyresö"], [45, 20, 35]),
    ("Samordningsförbundet Skellefteå", "Västerbotten", ["Skellefteå", "Norsjö"], [92, 8]),
    ("Samordningsförbundet Västra Skaraborg", "Västra Götaland", ["Lidköping", "Götene", "Grästorp", "Vara", "Essunga"], [45, 15, 7, 19, 6]),
    ("Samordningsförbundet Östra Skaraborg", "Västra Götaland", ["Skövde", "Falköping", "Tidaholm", "Hjo", "Tibro", "Karlsborg"], [38, 24, 9, 6, 8, 5]),
    ("Finsam Örebro", "Örebro", ["Örebro", "Lekeberg"], [93, 7]),
    ("Samordningsförbundet Ystad-Österlen", "Skåne", ["Ystad", "Simrishamn", "Tomelilla", "Sjöbo"], [34, 22, 16, 28]),
    ("Samordningsförbundet Eskilstuna", "Sörmland", ["Eskilstuna"], [1]),
    ("Samordningsförbundet Södra Vätterbygden", "Jönköping", ["Jönköping", "Habo", "Mullsjö"], [85, 8, 7]),
    ("Samordningsförbundet Kalmar län", "Kalmar", ["Kalmar", "Nybro", "Torsås", "Mörbylånga"], [55, 17, 6, 22]),
    ("Finsam Haparanda-Kalix", "Norrbotten", ["Haparanda", "Kalix"], [40, 60]),
    ("Samordningsförbundet Värmland", "Värmland", ["Karlstad", "Kil", "Hammarö", "Forshaga"], [65, 10, 14, 11]),
    ("Samordningsförbundet Jämtlands län", "Jämtland Härjedalen", ["Östersund", "Krokom", "Strömsund", "Åre"], [50, 15, 12, 23]),
    ("Samordningsförbundet Huddinge-Botkyrka-Salem", "Stockholm", ["Huddinge", "Botkyrka", "Salem"], [47, 42, 11]),
]

COST_GROUPS = [
    dict(key="styrelse", labels=["Styrelse", "Styrelsekostnader", "Förtroendevalda"],
         summa=["Summa styrelse", "Summa styrelsekostnader"], share=0.03,
         leaves=["Arvoden styrelse", "Utbildning styrelse", "Resor styrelse", "Sociala avgifter arvoden", "Möten och konferenser"],
         n=(2, 3)),
    dict(key="admin", labels=["Gemensam administration", "Kansli", "Administration", "Förbundets kansli"],
         summa=["Summa administration", "Summa kansli", "Summa gemensam administration"], share=0.16,
         leaves=["Förbundschef", "Ekonomitjänster", "Revision", "Lokaler", "IT och telefoni", "Hemsida och kommunikation", "Försäkringar", "Administrativt stöd", "Kontorsmaterial"],
         n=(3, 6)),
    dict(key="individ", labels=["Individinriktade insatser", "Individinsatser", "Insatser för individer"],
         summa=["Summa individinriktade insatser", "Summa individinsatser"], share=0.55,
         leaves=["Aktivitetsteam", "Jobbcoach", "KOMPIS-projekt", "Unga vuxna i arbete", "IPS-insats", "Arbetslivsinriktad rehabilitering", "Stegvis mot arbete", "Personligt ombud"],
         n=(2, 7)),
    dict(key="struktur", labels=["Strukturinriktade insatser", "Strukturövergripande insatser"],
         summa=["Summa strukturinriktade insatser", "Summa strukturövergripande insatser", "Summa strukturinsatser"], share=0.14,
         leaves=["Utbildning", "Processtöd", "Utvärdering", "Kompetensutveckling", "Samverkansdagar", "Nätverk och konferenser", "Kartläggning"],
         n=(2, 4)),
    dict(key="metod", labels=["Metoder och arbetssätt", "Metodutveckling"],
         summa=["Summa metoder och arbetssätt", "Summa metodutveckling"], share=0.05,
         leaves=["Metodstöd", "Implementering", "Kvalitetsarbete", "Digitala verktyg"],
         n=(2, 3)),
]
NESTED = [("Utbildningsinsatser", ["Utbildning personal", "Utbildning chefer"]),
          ("Utbildningsinsatser", ["Kurser", "Föreläsningar"]),
          ("Kompetensinsatser", ["Handledning", "Studiebesök"])]
UNGROUPED = ["Ofördelade medel", "Kvar att fördela", "Ej fördelade medel", "Oförutsedda kostnader"]

NOTES = ["Oförändrat", "Enligt avtal", "Inkl. sociala avgifter", "Indexuppräkning 2 %", "Ny insats", "Avslutas under året",
         "Delas med Region", "Beslut i styrelsen", "Ökat med 50 000 kr", "Se bilaga 2", "Preliminärt", "Uppräknat 3 %"]

KIND_LABELS = {
    "budget": ["Budget {y}", "Budget {y}", "Budget {y}", "Förslag budget {y}", "{y} Budget"],
    "plan": ["Plan {y}", "Plan {y}", "Planering {y}", "Prel. plan {y}", "{y} Plan"],
    "prognos": ["Prognos {y}", "Prognos {y}", "Prognos helår {y}", "{y} Prognos"],
    "utfall": ["Utfall {y}", "Utfall {y}", "Bokslut {y}", "Utfall helår {y}", "{y} Utfall"],
}
KIND_WORD = {"budget": "Budget", "plan": "Plan", "prognos": "Prognos", "utfall": "Utfall"}

# ----------------------------------------------------------------------------
# workbook model: cells with constants or linear formulas, evaluated in kronor
# ----------------------------------------------------------------------------


class Cell:
    __slots__ = ("v", "fn", "kind", "scale", "bold", "indent", "fmt", "italic", "text")

    def __init__(self, v=None, fn=None, kind="num", scale=1, bold=False, indent=0, fmt=None, italic=False, text=None):
        self.v, self.fn, self.kind, self.scale = v, fn, kind, scale
        self.bold, self.indent, self.fmt, self.italic, self.text = bold, indent, fmt, italic, text


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}
        self.widths = {}

    def put(self, r, c, cell):
        self.cells[(r, c)] = cell
        return (self.name, r, c)


class Model:
    def __init__(self):
        self.sheets = []
        self.by = {}

    def sheet(self, name):
        s = Sheet(name)
        self.sheets.append(s)
        self.by[name] = s
        return s

    def cell(self, key):
        return self.by[key[0]].cells.get((key[1], key[2]))

    def deps(self, cell):
        if cell is None or cell.fn is None:
            return []
        if cell.fn[0] == "lin":
            return [k for _, k in cell.fn[1]]
        return [cell.fn[1], cell.fn[2]]

    def evaluate(self):
        memo = {}

        def ev(key):
            if key in memo:
                return memo[key]
            c = self.cell(key)
            if c is None:
                val = 0
            elif c.fn is None:
                val = c.v if isinstance(c.v, (int, float)) and c.kind in ("num", "textnum") else 0
            elif c.fn[0] == "lin":
                val = 0
                for coef, k in c.fn[1]:
                    val += coef * ev(k)
                if isinstance(val, float) and abs(val - round(val)) < 1e-6:
                    val = int(round(val))
            else:
                a, b = ev(c.fn[1]), ev(c.fn[2])
                if b == 0:
                    val = 0
                elif c.fn[3] == "change":
                    val = (a - b) / b
                else:
                    val = a / b
            memo[key] = val
            return val

        for s in self.sheets:
            for (r, c) in list(s.cells):
                ev((s.name, r, c))
        return memo

    def dependents(self, target):
        rev = {}
        for s in self.sheets:
            for (r, c), cell in s.cells.items():
                for d in self.deps(cell):
                    rev.setdefault(d, []).append((s.name, r, c))
        out, stack, seen = [], [target], {target}
        while stack:
            k = stack.pop()
            for d in rev.get(k, []):
                if d not in seen:
                    seen.add(d)
                    out.append(d)
                    stack.append(d)
        return out

    def freeze(self, values):
        for s in self.sheets:
            for (r, c), cell in s.cells.items():
                if cell.fn is not None:
                    val = values[(s.name, r, c)]
                    if cell.fn[0] == "ratio":
                        cell.v = round(val, 4)
                    else:
                        cell.v = val
                    cell.fn = None
                    cell.kind = "num"


def disp(val, scale):
    if scale == 1:
        if isinstance(val, float) and val.is_integer():
            return int(val)
        return val
    x = val / scale
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 6)


def ref_str(cur_sheet, key, rng_style=None):
    s = "" if key[0] == cur_sheet else (f"'{key[0]}'!" if (" " in key[0] or not key[0].isalnum()) else f"{key[0]}!")
    return s + addr(key[1], key[2])


def formula_str(model, sheet, key, cell):
    fn = cell.fn
    if fn[0] == "ratio":
        a = ref_str(sheet.name, fn[1])
        b = ref_str(sheet.name, fn[2])
        if fn[3] == "change":
            return f"=IF({b}=0,0,({a}-{b})/{b})"
        return f"=IF({b}=0,0,{a}/{b})"
    terms, style = fn[1], fn[2]
    tscale = cell.scale

    def term(coef, k):
        src = model.cell(k)
        r = ref_str(sheet.name, k)
        if src is not None and src.scale != tscale:
            r = f"{r}/{tscale // src.scale}" if tscale > src.scale else f"{r}*{src.scale // tscale}"
        return coef, r

    all_one = all(c == 1 for c, _ in terms)
    same = all(k[0] == sheet.name for _, k in terms) and all((model.cell(k) is None or model.cell(k).scale == tscale) for _, k in terms)
    if all_one and same and len(terms) >= 2 and style in ("sum", "sumargs"):
        cols = {k[2] for _, k in terms}
        rows = [k[1] for _, k in terms]
        if style == "sum" and len(cols) == 1 and rows == list(range(rows[0], rows[0] + len(rows))):
            c = terms[0][1][2]
            return f"=SUM({addr(rows[0], c)}:{addr(rows[-1], c)})"
        # group contiguous runs
        parts = []
        i = 0
        while i < len(terms):
            j = i
            while j + 1 < len(terms) and terms[j + 1][1][1] == terms[j][1][1] + 1 and terms[j + 1][1][2] == terms[i][1][2]:
                j += 1
            if j > i:
                parts.append(f"{addr(terms[i][1][1], terms[i][1][2])}:{addr(terms[j][1][1], terms[j][1][2])}")
            else:
                parts.append(addr(terms[i][1][1], terms[i][1][2]))
            i = j + 1
        if style == "sum" or len(parts) > 1:
            return "=SUM(" + ",".join(parts) + ")"
    out = ""
    for n, (coef, k) in enumerate(terms):
        coef, r = term(coef, k)
        if coef == 1:
            out += ("+" if n else "") + r
        elif coef == -1:
            out += "-" + r
        else:
            s = "+" if (n and coef > 0) else ("-" if coef < 0 else "")
            a = abs(coef)
            out += f"{s}{a:g}*{r}"
    return "=" + out


# ----------------------------------------------------------------------------
# the generator of one file
# ----------------------------------------------------------------------------

AXIS_VALUES = {
    "sign": ["costs_negative", "all_positive", "revenue_negative"],
    "hierarchy": ["prefix", "indent", "bold", "outline", "summa_only", "heading_summa", "category_total", "total_below", "flat"],
    "unit": ["kr", "tkr"],
    "unit_marker": ["title", "header", "number_format", "none"],
    "income_position": ["before", "after"],
    "revenue_total_position": ["before_costs", "after_costs"],
    "subtotals": ["typed", "formula_cached", "formula_uncached", "formula_partial"],
    "sheets": ["single", "per_year", "with_other_sheets"],
    "equity": ["none", "rows_below", "overview_years_as_rows", "own_sheet", "own_sheet_tkr", "memo"],
    "planted": [True, False],
    "text_numbers": [True, False],
}
EXTRA_VALUES = ["notes", "change", "percent", "blank"]


class Gen:
    def __init__(self, idx, rng):
        self.idx = idx
        self.rng = rng
        self.ambiguous = []

    # -------------------------------------------------------------- axes
    def draw_axes(self):
        R = self.rng
        ax = {}
        ax["sign"] = wchoice(R, [("costs_negative", 0.4), ("all_positive", 0.4), ("revenue_negative", 0.2)])
        ax["hierarchy"] = R.choice(AXIS_VALUES["hierarchy"])
        ax["unit_marker"] = wchoice(R, [("title", 0.3), ("header", 0.3), ("number_format", 0.15), ("none", 0.25)])
        if ax["unit_marker"] in ("title", "header"):
            ax["unit"] = wchoice(R, [("kr", 0.45), ("tkr", 0.55)])
        else:
            ax["unit"] = "kr"
        ax["income_position"] = wchoice(R, [("before", 0.7), ("after", 0.3)])
        ax["revenue_total_position"] = wchoice(R, [("before_costs", 0.6), ("after_costs", 0.4)])
        ax["subtotals"] = wchoice(R, [("typed", 0.32), ("formula_cached", 0.28), ("formula_uncached", 0.2), ("formula_partial", 0.2)])
        if ax["hierarchy"] == "flat" and ax["subtotals"] == "formula_partial":
            ax["subtotals"] = R.choice(["formula_cached", "formula_uncached"])
        ex = [e for e in EXTRA_VALUES if R.random() < 0.22]
        ax["extra_columns"] = ex
        ax["sheets"] = wchoice(R, [("single", 0.5), ("per_year", 0.22), ("with_other_sheets", 0.28)])
        ax["equity"] = wchoice(R, [("none", 0.25), ("rows_below", 0.17), ("overview_years_as_rows", 0.15), ("own_sheet", 0.15), ("own_sheet_tkr", 0.12), ("memo", 0.16)])
        ax["planted"] = R.random() < 0.36
        ax["text_numbers"] = ax["subtotals"] == "typed" and R.random() < 0.33
        self.ax = ax

    # -------------------------------------------------------------- columns
    def draw_columns(self):
        R = self.rng
        Y = R.randint(2020, 2028)
        self.Y = Y
        while True:
            npast = wchoice(R, [(0, 0.3), (1, 0.45), (2, 0.25)])
            nplan = wchoice(R, [(0, 0.25), (1, 0.35), (2, 0.4)])
            dual = npast >= 1 and R.random() < 0.22
            n = npast + nplan + 1 + (1 if dual else 0)
            if 2 <= n <= 5:
                break
        cols = []
        for y in range(Y - npast, Y):
            if y == Y - 1:
                k = "prognos" if (R.random() < 0.75 or dual) else "utfall"
                if dual:
                    cols.append(("budget", y))
                cols.append((k, y))
            else:
                cols.append(("utfall", y))
        cols.append(("budget", Y))
        for y in range(Y + 1, Y + 1 + nplan):
            cols.append(("plan", y))
        self.ncols_past = npast
        self.nplan = nplan
        self.cols = [dict(id=i, kind=k, year=y) for i, (k, y) in enumerate(cols)]
        self.descending = R.random() < 0.15
        # label of each column
        lab_style = R.randrange(5)
        for c in self.cols:
            pool = KIND_LABELS[c["kind"]]
            c["label"] = pool[min(lab_style, len(pool) - 1)].format(y=c["year"]) if lab_style < 3 else R.choice(pool).format(y=c["year"])

    # -------------------------------------------------------------- amounts
    def draw_amounts(self):
        R, ax = self.rng, self.ax
        org = R.choice(FORBUND)
        self.org_full, self.region, kommuner, weights = org
        if R.random() < 0.25 and self.org_full.startswith("Samordningsförbundet"):
            self.org = self.org_full.replace("Samordningsförbundet", "Samordningsförbundet i") if R.random() < 0.3 else self.org_full
        else:
            self.org = self.org_full
        # rounding
        if ax["unit"] == "tkr":
            base_unit = R.choice([100, 1000, 1000])
        else:
            base_unit = R.choice([1000, 1000, 1000, 100])
        if ax["equity"] == "own_sheet_tkr":
            base_unit = min(base_unit, 1000)
        exact_utfall = ax["unit"] == "kr" and ax["equity"] != "own_sheet_tkr" and R.random() < 0.5
        self.unit_round = base_unit

        def unit_for(col):
            if col["kind"] == "utfall" and exact_utfall:
                return 1
            if ax["equity"] == "own_sheet_tkr" or ax["unit"] == "tkr":
                return base_unit if base_unit >= 100 else 100
            return base_unit

        T = rnd(R.uniform(1.6e6, 24e6), 40000)
        gT = R.choice([0.0, 0.0, 0.02, 0.03, 0.05])
        self.T = {}
        leaves_rev = []
        fk_label = R.choice(["Försäkringskassan", "Statlig medlemsavgift", "Staten via Försäkringskassan", "Medlemsavgift Försäkringskassan", "Försäkringskassan (50 %)"])
        reg_label = R.choice([f"Region {self.region}", "Regionen", f"Medlemsavgift Region {self.region}", f"Region {self.region} (25 %)"])
        per_kommun = len(kommuner) > 1 and len(kommuner) <= 6 and R.random() < 0.55
        fk = dict(label=fk_label, kind="revenue", vals={}, member="fk")
        rg = dict(label=reg_label, kind="revenue", vals={}, member="region")
        leaves_rev += [fk, rg]
        if per_kommun:
            kl = [dict(label=f"{k} kommun", kind="revenue", vals={}, member="kommun", w=w) for k, w in zip(kommuner, weights)]
        else:
            kl = [dict(label=R.choice(["Kommunerna", "Medlemskommunerna", "Kommunala medlemsavgifter", "Kommuner (25 %)"]) if len(kommuner) > 1 else f"{kommuner[0]} kommun",
                       kind="revenue", vals={}, member="kommun", w=1)]
        leaves_rev += kl
        extras = []
        if R.random() < 0.45:
            extras.append(dict(label="Övriga intäkter", kind="revenue", vals={}, base=R.uniform(10000, 300000)))
        if R.random() < 0.35:
            extras.append(dict(label="Ränteintäkter", kind="revenue", vals={}, base=R.uniform(5000, 60000)))
        if R.random() < 0.2:
            extras.append(dict(label=R.choice(["ESF-medel", "Projektmedel ESF"]), kind="revenue", vals={}, base=R.uniform(200000, 2000000), esf=True))
        leaves_rev += extras
        wsum = sum(k["w"] for k in kl)
        for col in self.cols:
            d = col["year"] - self.Y
            Ty = rnd(T * (1 + gT) ** d, 4000)
            if col["kind"] in ("utfall", "prognos") and R.random() < 0.3:
                Ty = rnd(Ty * R.uniform(0.97, 1.0), 4000)
            self.T[col["id"]] = Ty
            fk["vals"][col["id"]] = Ty // 2
            rg["vals"][col["id"]] = Ty // 4
            kt = Ty // 4
            acc = 0
            for i, k in enumerate(kl):
                if i == len(kl) - 1:
                    v = kt - acc
                else:
                    v = rnd(kt * k["w"] / wsum, 1000)
                acc += v
                k["vals"][col["id"]] = v
            for e in extras:
                u = unit_for(col)
                if e.get("esf") and d > 0 and R.random() < 0.5:
                    v = 0
                else:
                    v = rnd(e["base"] * R.uniform(0.85, 1.15), max(u, 100 if u < 1000 else u))
                    if v == 0:
                        v = max(u, 1000)
                e["vals"][col["id"]] = v
        self.rev_leaves = leaves_rev

        # ---- costs
        ratio = R.uniform(-0.07, 0.14)
        Cb = T * (1 + ratio)
        groups = []
        hier = ax["hierarchy"]
        for g in COST_GROUPS:
            if g["key"] == "metod" and R.random() < 0.5:
                continue
            if g["key"] == "styrelse" and R.random() < 0.1:
                continue
            lo, hi = g["n"]
            n = R.randint(lo, hi)
            need = int(Cb * g["share"] / 2.4e6) + 1
            n = max(n, need)
            pool = list(g["leaves"])
            if g["key"] == "individ":
                pool = [f"Samordningsteam {k}" for k in kommuner[:4]] + pool
            R.shuffle(pool)
            names = pool[:n]
            if g["key"] == "admin" and "Förbundschef" not in names and R.random() < 0.7:
                names[0] = "Förbundschef"
            gi = R.randrange(len(g["labels"]))
            grp = dict(label=g["labels"][gi], summa=g["summa"][min(gi, len(g["summa"]) - 1)] if R.random() < 0.6 else "Summa " + g["labels"][gi].lower(),
                       key=g["key"], children=[], share=g["share"] * R.uniform(0.7, 1.3))
            for nm in names:
                grp["children"].append(dict(label=nm, kind="cost", vals={}, w=R.uniform(0.4, 1.6)))
            if g["key"] == "struktur" and hier in ("category_total", "outline") and R.random() < 0.55:
                nl, nc = R.choice(NESTED)
                sub = dict(label=nl, summa="Summa " + nl.lower(), key="nested", children=[dict(label=x, kind="cost", vals={}, w=R.uniform(0.4, 1.0)) for x in nc], w=0.8)
                grp["children"].insert(0, sub)
            groups.append(grp)
        ungrouped = []
        if R.random() < 0.55:
            ungrouped.append(dict(label=R.choice(UNGROUPED), kind="cost", vals={}, share=R.uniform(0.02, 0.08)))
        self.groups = groups
        self.ungrouped = ungrouped
        self.trim_rows()
        tot_share = sum(g["share"] for g in groups) + sum(u["share"] for u in ungrouped)
        for g in groups:
            g_amt = Cb * g["share"] / tot_share
            self.alloc(g, g_amt, unit_for)
        for u in ungrouped:
            base = Cb * u["share"] / tot_share
            self.fill_leaf(u, base, unit_for)

    def leaves_of(self, g):
        out = []
        for ch in g["children"]:
            if "children" in ch:
                out += self.leaves_of(ch)
            else:
                out.append(ch)
        return out

    def trim_rows(self):
        # keep 8..45 rows: rough count
        def count():
            n = len(self.rev_leaves) + 6 + len(self.ungrouped)
            for g in self.groups:
                n += 2 + len(self.leaves_of(g)) + (2 if any("children" in c for c in g["children"]) else 0)
            return n
        while count() > 44:
            g = max(self.groups, key=lambda g: len(g["children"]))
            leafs = [c for c in g["children"] if "children" not in c]
            if len(leafs) <= 2:
                break
            g["children"].remove(leafs[-1])

    def alloc(self, g, amt, unit_for):
        ws = [c.get("w", 1.0) for c in g["children"]]
        tw = sum(ws)
        for ch, w in zip(g["children"], ws):
            a = amt * w / tw
            if "children" in ch:
                self.alloc(ch, a, unit_for)
            else:
                self.fill_leaf(ch, a, unit_for)

    def fill_leaf(self, leaf, base, unit_for):
        R = self.rng
        base = max(base, 12000)
        g = R.choice([0.0, 0.01, 0.02, 0.03])
        starts_late = R.random() < 0.06
        ends_early = R.random() < 0.05
        if self.ax["hierarchy"] == "category_total":
            # only the numbers tell the structure there: keep every line non-zero in every column
            starts_late = ends_early = False
        for col in self.cols:
            d = col["year"] - self.Y
            u = unit_for(col)
            if col["kind"] == "utfall":
                f = R.uniform(0.75, 1.1)
            elif col["kind"] == "prognos":
                f = R.uniform(0.85, 1.05)
            elif col["kind"] == "budget" and d < 0:
                f = R.uniform(0.9, 1.05)
            else:
                f = (1 + g) ** d * (R.uniform(0.96, 1.04) if d > 0 else 1)
            v = rnd(base * f, u)
            if v <= 0:
                v = max(u, 1000)
            if starts_late and d < 0:
                v = 0
            if ends_early and d > 0:
                v = 0
            leaf["vals"][col["id"]] = v
        if all(v == 0 for v in leaf["vals"].values()):
            leaf["vals"][self.cols[-1]["id"]] = rnd(base, max(unit_for(self.cols[-1]), 1000))

    # ---------------------------------------------------------------- truth values
    def col_truth(self, cid):
        inc = sum(l["vals"][cid] for l in self.rev_leaves)
        cost = 0
        for g in self.groups:
            cost += sum(l["vals"][cid] for l in self.leaves_of(g))
        cost += sum(u["vals"][cid] for u in self.ungrouped)
        return inc, cost

    # ---------------------------------------------------------------- layout of the budget rows
    def layout(self):
        """Returns list of row specs (dicts). Values are filled per column later."""
        R, ax = self.rng, self.ax
        hier = ax["hierarchy"]
        rows = []

        def add(**kw):
            kw.setdefault("members", [])
            kw.setdefault("parent", None)
            kw.setdefault("bold", False)
            kw.setdefault("indent", 0)
            rows.append(kw)
            return len(rows) - 1

        st = self.style
        partial_group = None
        if ax["subtotals"] == "formula_partial":
            cands = [g for g in self.groups if all("children" not in c for c in g["children"]) and len(g["children"]) >= 3]
            if not cands:
                # make one
                g = max(self.groups, key=lambda g: len(self.leaves_of(g)))
                g["children"] = [c for c in self.leaves_of(g)]
                if len(g["children"]) < 3:
                    lf = dict(label="Övriga insatser", kind="cost", vals={k: rnd(v * 0.3, 1000) or 1000 for k, v in g["children"][0]["vals"].items()})
                    g["children"].append(lf)
                cands = [g]
            partial_group = R.choice(cands)
            n = len(partial_group["children"])
            partial_group["covered"] = R.randint(2, n - 1)
        self.partial_group = partial_group
        orphans = []
        nesting = hier in ("category_total", "outline")

        def blank():
            if st["blank_rows"] and rows and rows[-1]["t"] != "blank":
                add(t="blank", label="")

        def lbl_child(label, depth, number=None):
            if hier == "prefix":
                return ("- " if depth == 1 else "-- ") + label, 0
            if hier == "indent":
                if st["indent_mode"] == "spaces":
                    return "    " * depth + label, 0
                return label, depth
            if hier == "outline" and number:
                return f"{number} {label}", 0
            return label, 0

        # -- income block
        sec_no = [0]

        def income_block(with_total):
            sec_no[0] += 1
            sn = sec_no[0]
            heading = None
            if hier == "outline":
                heading = add(t="heading", label=f"{sn} Intäkter", bold=True)
            elif hier == "heading_summa" or (st["income_heading"] and hier != "total_below"):
                heading = add(t="heading", label=st["income_heading_label"], bold=st["heading_bold"])
            idxs = []
            for i, lf in enumerate(self.rev_leaves):
                if heading is not None and hier in ("prefix", "indent"):
                    lab, ind = lbl_child(lf["label"], 1)
                elif hier == "outline":
                    lab, ind = f"{sn}.{i + 1} {lf['label']}", 0
                else:
                    lab, ind = lf["label"], 0
                idxs.append(add(t="revenue", label=lab, leaf=lf, indent=ind))
            self.rev_rows = idxs
            if with_total:
                lab = st["rev_total_label"]
                if hier == "total_below":
                    lab = "Intäkter"
                rt = add(t="revenue_total", label=lab, members=list(idxs), bold=st["totals_bold"] or hier == "total_below")
                self.rev_total_row = rt

        def group_block(g, depth, number, parent):
            # returns the row index that represents this group in its parent's sum (or list of rows if no own row)
            kids = g["children"]
            covered = g.get("covered")
            if not nesting:
                kids = self.leaves_of(g)
            top_total = hier in ("prefix", "indent", "bold", "outline", "category_total")
            gi = None
            if top_total:
                ind = 0
                if hier == "outline":
                    lab = f"{number} {g['label']}"
                elif hier == "indent" and depth > 1:
                    lab, ind = lbl_child(g["label"], depth - 1)
                elif hier == "prefix" and depth > 1:
                    lab = "- " + g["label"]
                else:
                    lab = g["label"]
                bold = (hier == "bold") or (st["group_bold"] and hier in ("prefix", "indent", "outline"))
                if depth > 1 and hier == "category_total":
                    bold = False
                gi = add(t="subtotal", label=lab, bold=bold, indent=ind if hier == "indent" else 0, parent=parent)
            elif hier == "heading_summa":
                add(t="heading", label=g["label"], bold=st["heading_bold"], parent=None)
            members = []
            for n, ch in enumerate(kids):
                num = f"{number}.{n + 1}" if number else None
                if "children" in ch:
                    sub = group_block(ch, depth + 1, num, gi)
                    members.append(sub)
                else:
                    if hier == "category_total":
                        lab, ind = ch["label"], 0
                    else:
                        lab, ind = lbl_child(ch["label"], depth, num)
                    if hier in ("bold", "summa_only", "heading_summa", "total_below", "category_total"):
                        lab, ind = ch["label"], 0
                    ri = add(t="cost", label=lab, leaf=ch, indent=ind, parent=gi)
                    if covered is not None and n >= covered:
                        rows[ri]["parent"] = None
                        orphans.append(ri)
                    else:
                        members.append(ri)
            if not top_total:
                if hier == "total_below":
                    gi = add(t="subtotal", label=g["label"], bold=True)
                else:
                    gi = add(t="subtotal", label=g["summa"], bold=st["group_bold"])
                for m in members:
                    rows[m]["parent"] = gi
            rows[gi]["members"] = members
            return gi

        def cost_block(with_total):
            sec_no[0] += 1
            sn = sec_no[0]
            if hier == "outline":
                add(t="heading", label=f"{sn} Kostnader", bold=True)
            elif hier == "heading_summa" or (st["cost_heading"] and hier not in ("total_below",)):
                add(t="heading", label=st["cost_heading_label"], bold=st["heading_bold"])
            top = []
            if hier == "flat":
                for g in self.groups:
                    for lf in self.leaves_of(g):
                        top.append(add(t="cost", label=lf["label"], leaf=lf))
                for u in self.ungrouped:
                    top.append(add(t="cost", label=u["label"], leaf=u))
            else:
                for n, g in enumerate(self.groups):
                    top.append(group_block(g, 1, f"{sn}.{n + 1}" if hier == "outline" else None, None))
                    if st["blank_between_groups"]:
                        blank()
                for n, u in enumerate(self.ungrouped):
                    lab = u["label"] if hier != "outline" else f"{sn}.{len(self.groups) + n + 1} {u['label']}"
                    top.append(add(t="cost", label=lab, leaf=u, bold=(hier == "outline" and st["group_bold"])))
            self.cost_top = top + orphans
            if with_total:
                self.emit_cost_total(add)

        def cost_total_row():
            lab = st["cost_total_label"]
            if hier == "total_below" and self.rng.random() < 0.3:
                lab = "Kostnader"
            self.cost_total_row = add(t="cost_total", label=lab, members=sorted(self.cost_top), bold=st["totals_bold"] or hier == "total_below")

        self.emit_cost_total = lambda add_: cost_total_row()

        inc_first = ax["income_position"] == "before"
        rt_before = ax["revenue_total_position"] == "before_costs"
        if inc_first:
            income_block(rt_before)
            blank()
            cost_block(rt_before)
            if not rt_before:
                blank()
                cost_total_row()
                self.rev_total_row = add(t="revenue_total", label=st["rev_total_label"], members=list(self.rev_rows), bold=st["totals_bold"])
        else:
            cost_block(True if rt_before else False)
            blank()
            income_block(rt_before)
            if not rt_before:
                blank()
                cost_total_row()
                self.rev_total_row = add(t="revenue_total", label=st["rev_total_label"], members=list(self.rev_rows), bold=st["totals_bold"])
        if st["blank_before_result"]:
            blank()
        self.result_row = add(t="result", label=st["result_label"], members=[self.rev_total_row, self.cost_total_row], bold=st["totals_bold"] or st["result_bold"])
        # drop trailing blanks
        self.rows = rows
        return rows

    # ---------------------------------------------------------------- styles
    def draw_style(self):
        R, ax = self.rng, self.ax
        st = {}
        st["blank_rows"] = R.random() < 0.6
        st["blank_between_groups"] = st["blank_rows"] and R.random() < 0.4
        st["blank_before_result"] = st["blank_rows"] and R.random() < 0.5
        st["indent_mode"] = R.choice(["align", "spaces"])
        st["income_heading"] = R.random() < 0.55
        st["income_heading_label"] = R.choice(["Intäkter", "INTÄKTER", "Intäkter", "Finansiering"])
        st["cost_heading"] = R.random() < 0.5
        st["cost_heading_label"] = R.choice(["Kostnader", "KOSTNADER", "Kostnader", "Verksamhetens kostnader"])
        st["heading_bold"] = R.random() < 0.8
        st["group_bold"] = R.random() < 0.5
        st["totals_bold"] = R.random() < 0.75
        st["result_bold"] = R.random() < 0.5
        st["rev_total_label"] = R.choice(["SUMMA INTÄKTER", "Summa intäkter", "Totala intäkter", "Intäkter totalt", "Summa intäkter"])
        st["cost_total_label"] = R.choice(["SUMMA KOSTNADER", "Summa kostnader", "Totala kostnader", "Kostnader totalt", "Summa kostnader"])
        res = ["RESULTAT", "Årets resultat", "Budgeterat resultat", "Överskott/underskott", "Resultat"]
        if ax["sign"] == "revenue_negative" and R.random() < 0.5:
            st["result_label"] = "Resultat (negativt belopp = överskott)"
        else:
            st["result_label"] = R.choice(res)
        st["label_col"] = 0 if R.random() < 0.75 else 1
        st["note_col"] = R.random() < 0.1
        st["gap_col"] = R.random() < 0.12
        st["two_row_header"] = ax["sheets"] != "per_year" and R.random() < 0.12
        st["sum_style"] = R.choice(["sum", "sum", "plus", "sumargs"])
        st["zero"] = R.choice(["0", "0", "blank", "dash"]) if ax["subtotals"] == "typed" else R.choice(["0", "0", "blank"])
        if ax["sheets"] == "per_year" and st["zero"] == "blank":
            # a blank line in a one-column sheet would look like a heading
            st["zero"] = "0"
        if ax["unit"] == "tkr":
            st["numfmt"] = R.choice(["#,##0.0", "#,##0", "# ##0.0", "0.0", "#,##0.0;-#,##0.0"])
        elif ax["unit_marker"] == "number_format":
            st["numfmt"] = R.choice(["#,##0,", "#,##0,;-#,##0,", "#,##0,;[Red]-#,##0,"])
        else:
            st["numfmt"] = R.choice(["#,##0", "# ##0", "#,##0;-#,##0", "#,##0;[Red]-#,##0", None])
        st["pctfmt"] = R.choice(["0.0%", "0%"])
        st["title_rows"] = R.randint(0, 3)
        st["date_row"] = R.random() < 0.5
        st["nf_tkr_note"] = ax["unit_marker"] == "number_format" and R.random() < 0.4
        st["backend"] = ("openpyxl" if ax["subtotals"] == "formula_uncached" else
                         "xlsxwriter" if ax["subtotals"] == "formula_cached" else
                         R.choice(["openpyxl", "xlsxwriter"]))
        self.style = st

    # ---------------------------------------------------------------- main sheet writer
    def sign_of(self, t):
        s = self.ax["sign"]
        if t in ("revenue", "revenue_total"):
            return -1 if s == "revenue_negative" else 1
        if t in ("cost", "subtotal", "cost_total"):
            return -1 if s == "costs_negative" else 1
        return 1

    def write_budget_sheet(self, sheet, cols, title_lines, header_row, label_c, amount_cs, header_texts, scale, extra_plan, is_year_sheet):
        """Write rows of self.rows into sheet starting under header_row.
        cols: list of col dicts parallel to amount_cs."""
        R, st, ax = self.rng, self.style, self.ax
        numfmt = st["numfmt"]
        keys = {}  # (row_idx, col_id) -> key
        r0 = header_row + 1
        rownum = {}
        for i, rs in enumerate(self.rows):
            rownum[i] = r0 + i
        self.rownum = rownum
        for i, rs in enumerate(self.rows):
            if rs["t"] not in ("blank", "heading"):
                for col, c in zip(cols, amount_cs):
                    keys[(i, col["id"])] = (sheet.name, rownum[i], c)
        for i, rs in enumerate(self.rows):
            r = rownum[i]
            if rs["t"] == "blank":
                continue
            lab_cell = Cell(v=rs["label"], kind="text", bold=rs["bold"], indent=rs["indent"])
            sheet.put(r, label_c, lab_cell)
            if rs["t"] == "heading":
                continue
            for col, c in zip(cols, amount_cs):
                cid = col["id"]
                sg = self.sign_of(rs["t"])
                if rs["t"] in ("revenue", "cost"):
                    v = rs["leaf"]["vals"][cid] * sg
                    cell = Cell(v=v, kind="num", scale=scale, bold=rs["bold"], fmt=numfmt)
                    if v == 0 and st["zero"] == "blank":
                        cell = None
                    elif v == 0 and st["zero"] == "dash":
                        cell = Cell(v=0, kind="textnum", text="–", scale=scale)
                    if cell is not None:
                        keys[(i, cid)] = sheet.put(r, c, cell)
                    else:
                        keys[(i, cid)] = (sheet.name, r, c)
                else:
                    if rs["t"] == "result":
                        a, b = rs["members"]
                        cb = -1 if ax["sign"] == "all_positive" else 1
                        terms = [(1, keys[(a, cid)]), (cb, keys[(b, cid)])]
                        style = "plus" if cb == -1 else st["sum_style"]
                        if style != "plus" and R.random() < 0.5:
                            style = "plus"
                    else:
                        terms = [(1, keys[(m, cid)]) for m in rs["members"]]
                        style = st["sum_style"]
                    cell = Cell(fn=("lin", terms, style), kind="f", scale=scale, bold=rs["bold"], fmt=numfmt)
                    keys[(i, cid)] = sheet.put(r, c, cell)
        return keys

    # ---------------------------------------------------------------- build
    def build(self):
        R = self.rng
        self.draw_axes()
        self.draw_columns()
        self.draw_style()
        self.draw_amounts()
        self.layout()
        ax, st = self.ax, self.style
        if ax["hierarchy"] == "outline":
            # outline files always use numbered rows; headings are the section numbers
            pass
        m = Model()
        self.model = m
        self.truth_lines = []
        self.truth_cols = []
        self.extra_cells = []
        scale = 1000 if ax["unit"] == "tkr" else 1
        self.scale = scale
        cols_order = sorted(self.cols, key=lambda c: (c["year"], ["utfall", "budget", "prognos", "plan"].index(c["kind"])), reverse=self.descending)
        self.cols_order = cols_order
        Y = self.Y
        yrs = sorted({c["year"] for c in self.cols})
        span = f"{yrs[0]}–{yrs[-1]}" if len(yrs) > 1 else str(yrs[0])
        plans = [c["year"] for c in self.cols if c["kind"] == "plan"]
        tchoices = [f"{self.org} – Budget {Y} och plan {plans[0]}–{plans[-1]}" if len(plans) > 1 else (f"{self.org} – Budget {Y} och plan {plans[0]}" if plans else f"{self.org} – Budget {Y}"),
                    f"Budget {Y} för {self.org}", f"{self.org}: Verksamhetsplan med budget {Y}", f"{self.org} – Budget och flerårsplan {span}",
                    f"Budget {Y} med plan för {span}"]
        title = R.choice(tchoices)
        if self.org not in title:
            title_rows = [self.org, title]
        else:
            title_rows = [title]
        self.title = title
        unit_text = None
        if ax["unit_marker"] == "title":
            unit_text = R.choice(["Belopp i tkr", "Belopp i tusentals kronor", "(tkr)"]) if ax["unit"] == "tkr" else R.choice(["Belopp i kronor", "Belopp i kr", "(kr)"])
        if st["nf_tkr_note"]:
            unit_text = R.choice(["Belopp i tkr", "tkr"])
        date_text = None
        if st["date_row"]:
            date_text = R.choice([f"Antagen av styrelsen {Y - 1}-11-{R.randint(10, 28)}", f"Beslutad av styrelsen {Y - 1}-12-{R.randint(1, 15):02d}",
                                  f"Förslag till styrelsen {Y - 1}-10-{R.randint(10, 28)}", f"Reviderad {Y}-0{R.randint(2, 5)}-{R.randint(10, 28)}"])
        self.truth_equity = []
        self.planted = []
        self.conseq = []

        if ax["sheets"] == "per_year":
            self.build_per_year(m, title_rows, unit_text, date_text, scale)
        else:
            self.build_single(m, title_rows, unit_text, date_text, scale)
        self.build_equity(m)
        if ax["sheets"] == "with_other_sheets":
            self.build_other_sheets(m)
        self.plant_and_finalize(m)

    def header_for(self, col, scale):
        ax = self.ax
        h = col["label"]
        if ax["unit_marker"] == "header" and self.style.get("unit_in_each_header"):
            h += " (tkr)" if ax["unit"] == "tkr" else " (kr)"
        return h

    def build_single(self, m, title_rows, unit_text, date_text, scale):
        R, ax, st = self.rng, self.ax, self.style
        sname = R.choice([f"Budget {self.Y}", "Budget", f"Budget {self.Y}-{self.Y + 2}" if self.nplan else f"Budget {self.Y}", "Blad1", "Budget och plan"])
        sh = m.sheet(sname)
        self.main_sheet = sh
        r = 0
        lc = st["label_col"]
        for t in title_rows:
            sh.put(r, lc, Cell(v=t, kind="text", bold=True))
            r += 1
        if date_text:
            sh.put(r, lc, Cell(v=date_text, kind="text", italic=True))
            r += 1
        if unit_text:
            sh.put(r, lc, Cell(v=unit_text, kind="text"))
            r += 1
        r += st["title_rows"] if R.random() < 0.5 else min(st["title_rows"], 1)
        # columns
        c = lc + 1
        if st["note_col"]:
            self.note_c = c
            c += 1
        else:
            self.note_c = None
        if st["gap_col"]:
            c += 1
        amount_cs = []
        has_after = any(e in ax["extra_columns"] for e in ("change", "percent", "notes"))
        blank_between = "blank" in ax["extra_columns"] and ((len(self.cols_order) >= 3 and R.random() < 0.5) or not has_after)
        split_at = None
        if blank_between:
            # spacer between past and budget columns, or after budget column
            split_at = R.randint(1, len(self.cols_order) - 1)
        for n, col in enumerate(self.cols_order):
            if split_at is not None and n == split_at:
                c += 1
            amount_cs.append(c)
            c += 1
        if "blank" in ax["extra_columns"] and not blank_between:
            c += 1
        extra_cs = {}
        for e in ("change", "percent", "notes"):
            if e in ax["extra_columns"]:
                extra_cs[e] = c
                c += 1
        # header
        st["unit_in_each_header"] = ax["unit_marker"] == "header" and R.random() < 0.6
        hr = r + (1 if st["two_row_header"] else 0)
        lab_head = R.choice(["", "Budgetpost", "Post", "Verksamhet", ""])
        if ax["unit_marker"] == "header" and not st["unit_in_each_header"]:
            lab_head = R.choice(["tkr", "Tkr", "Belopp i tkr"]) if ax["unit"] == "tkr" else R.choice(["kr", "Kronor", "Belopp i kr"])
        if lab_head:
            sh.put(hr, lc, Cell(v=lab_head, kind="text", bold=True))
        if self.note_c is not None:
            sh.put(hr, self.note_c, Cell(v="Not", kind="text", bold=True))
        for col, cc in zip(self.cols_order, amount_cs):
            h = self.header_for(col, scale)
            if st["two_row_header"]:
                sh.put(r, cc, Cell(v=KIND_WORD[col["kind"]], kind="text", bold=True))
                sh.put(hr, cc, Cell(v=col["year"], kind="year", bold=True))
                h = f"{KIND_WORD[col['kind']]} {col['year']}"
            else:
                sh.put(hr, cc, Cell(v=h, kind="text", bold=True))
            self.truth_cols.append(dict(sheet=sh.name, cell=addr(hr, cc), header=h, kind=col["kind"], year=col["year"], col=col))
        keys = self.write_budget_sheet(sh, self.cols_order, title_rows, hr, lc, amount_cs, None, scale, None, False)
        self.keys = keys
        self.sheet_keys = {col["id"]: (sh.name, col["id"]) for col in self.cols}
        self.result_key = {col["id"]: keys[(self.result_row, col["id"])] for col in self.cols}
        self.revtot_key = {col["id"]: keys[(self.rev_total_row, col["id"])] for col in self.cols}
        self.amount_cs = dict(zip([c["id"] for c in self.cols_order], amount_cs))
        self.eq_sheet_default = sh
        self.eq_label_c = lc
        self.rows_end = self.rownum[len(self.rows) - 1]
        self.record_lines(sh, self.rows, self.rownum)
        self.add_notes_and_extras(sh, extra_cs, keys, hr)

    def add_notes_and_extras(self, sh, extra_cs, keys, hr, single_col=None):
        R, ax, st = self.rng, self.ax, self.style
        order = self.cols_order
        scale = self.scale
        if self.note_c is not None:
            nn = 1
            for i, rs in enumerate(self.rows):
                if rs["t"] in ("revenue", "cost", "subtotal") and R.random() < 0.15:
                    sh.put(self.rownum[i], self.note_c, (Cell(v=nn, kind="year") if R.random() < 0.5 else Cell(v=f"Not {nn}", kind="text")))
                    nn += 1
        if "change" in extra_cs and single_col is None:
            cc = extra_cs["change"]
            bud = next(c for c in order if c["kind"] == "budget" and c["year"] == self.Y)
            others = [c for c in order if c is not bud]
            prev = [c for c in others if c["year"] < self.Y]
            other = prev[-1] if prev and not self.descending else (prev[0] if prev else others[0])
            if other["year"] > bud["year"]:
                a, b = other, bud
            else:
                a, b = bud, other
            head = R.choice(["Förändring", f"Förändring {b['year']}–{a['year']}", "Diff", f"Förändring mot {b['year']}"])
            sh.put(hr, cc, Cell(v=head, kind="text", bold=True))
            self.extra_cells.append(dict(sheet=sh.name, cell=addr(hr, cc), header=head, kind="change"))
            for i, rs in enumerate(self.rows):
                if rs["t"] in ("blank", "heading"):
                    continue
                ka, kb = keys[(i, a["id"])], keys[(i, b["id"])]
                sh.put(self.rownum[i], cc, Cell(fn=("lin", [(1, ka), (-1, kb)], "plus"), kind="f", scale=scale, fmt=st["numfmt"]))
        if "percent" in extra_cs:
            cc = extra_cs["percent"]
            if single_col is not None:
                mode = "share"
            else:
                mode = R.choice(["change", "share"])
            bud = single_col if single_col is not None else next(c for c in order if c["kind"] == "budget" and c["year"] == self.Y)
            if mode == "change":
                prevs = [c for c in order if c["year"] < self.Y] or [c for c in order if c is not bud]
                b = prevs[-1]
                a = bud
                if b["year"] > a["year"]:
                    a, b = b, a
                head = R.choice(["Förändring %", "Förändr. %", "%"])
            else:
                a = bud
                head = R.choice(["Andel %", "Andel av totalt", "%"])
            sh.put(hr, cc, Cell(v=head, kind="text", bold=True))
            self.extra_cells.append(dict(sheet=sh.name, cell=addr(hr, cc), header=head, kind="percent"))
            for i, rs in enumerate(self.rows):
                if rs["t"] in ("blank", "heading", "result"):
                    continue
                if mode == "change":
                    ka, kb = keys[(i, a["id"])], keys[(i, b["id"])]
                    sh.put(self.rownum[i], cc, Cell(fn=("ratio", ka, kb, "change"), kind="f", fmt=st["pctfmt"]))
                else:
                    tot = self.rev_total_row if rs["t"] in ("revenue", "revenue_total") else self.cost_total_row
                    sh.put(self.rownum[i], cc, Cell(fn=("ratio", keys[(i, a["id"])], keys[(tot, a["id"])], "share"), kind="f", fmt=st["pctfmt"]))
        if "notes" in extra_cs:
            cc = extra_cs["notes"]
            head = R.choice(["Kommentar", "Kommentarer", "Anmärkning"])
            sh.put(hr, cc, Cell(v=head, kind="text", bold=True))
            self.extra_cells.append(dict(sheet=sh.name, cell=addr(hr, cc), header=head, kind="notes"))
            for i, rs in enumerate(self.rows):
                if rs["t"] in ("revenue", "cost", "subtotal") and R.random() < 0.35:
                    sh.put(self.rownum[i], cc, Cell(v=R.choice(NOTES), kind="text"))

    def record_lines(self, sh, rows, rownum, summary=False):
        for i, rs in enumerate(rows):
            if rs["t"] == "blank":
                continue
            d = dict(sheet=sh.name, row=rownum[i] + 1, label=rs["label"].strip(), type=rs["t"],
                     parent_row=(rownum[rs["parent"]] + 1) if rs.get("parent") is not None else None,
                     members=[rownum[x] + 1 for x in rs.get("members", [])] if rs["t"] not in ("revenue", "cost", "heading", "other") else [])
            if summary:
                d["summary"] = True
                d["members"] = []
                d["parent_row"] = None
            self.truth_lines.append(d)

    def build_per_year(self, m, title_rows, unit_text, date_text, scale):
        R, ax, st = self.rng, self.ax, self.style
        lc = st["label_col"]
        self.note_c = None
        summary_first = R.random() < 0.5
        amt_head = R.choice(["Belopp", "Kronor", "Belopp"]) if ax["unit"] == "kr" else R.choice(["Belopp", "tkr"])
        st["unit_in_each_header"] = False
        if ax["unit_marker"] == "header":
            amt_head = "Belopp (tkr)" if ax["unit"] == "tkr" else R.choice(["Belopp (kr)", "Kronor"])
        summ_name = "Sammanställning"
        if summary_first:
            summ = m.sheet(summ_name)
        self.keys_by_col = {}
        self.result_key, self.revtot_key = {}, {}
        extra_cs_year = {}
        ccur = lc + 1 + (1 if st["gap_col"] else 0)
        amount_c = ccur
        ccur += 1
        if "blank" in ax["extra_columns"]:
            ccur += 1
        if "percent" in ax["extra_columns"] and R.random() < 0.5:
            extra_cs_year["percent"] = ccur
            ccur += 1
        if "notes" in ax["extra_columns"]:
            extra_cs_year["notes"] = ccur
            ccur += 1
        self.percent_on_summary = "percent" in ax["extra_columns"] and "percent" not in extra_cs_year
        first = True
        for col in self.cols_order:
            sname = f"{KIND_WORD[col['kind']]} {col['year']}"
            sh = m.sheet(sname)
            r = 0
            ttl = R.choice([f"{self.org} – {sname}", f"{sname}", f"{sname} för {self.org}"]) if not first else f"{self.org} – {sname}"
            sh.put(r, lc, Cell(v=ttl, kind="text", bold=True))
            r += 1
            if self.org not in ttl:
                sh.put(r, lc, Cell(v=self.org, kind="text"))
                r += 1
            if date_text and first:
                sh.put(r, lc, Cell(v=date_text, kind="text", italic=True))
                r += 1
            if unit_text:
                sh.put(r, lc, Cell(v=unit_text, kind="text"))
                r += 1
            r += min(st["title_rows"], 1)
            hr = r
            sh.put(hr, amount_c, Cell(v=amt_head, kind="text", bold=True))
            keys = self.write_budget_sheet(sh, [col], None, hr, lc, [amount_c], None, scale, None, True)
            self.truth_cols.append(dict(sheet=sh.name, cell=addr(hr, amount_c), header=amt_head, kind=col["kind"], year=col["year"], col=col))
            self.record_lines(sh, self.rows, self.rownum)
            self.keys_by_col[col["id"]] = keys
            self.keys = keys
            self.add_notes_and_extras(sh, extra_cs_year, keys, hr, single_col=col)
            first = False
        if not summary_first:
            summ = m.sheet(summ_name)
        # summary sheet
        r = 0
        summ.put(r, lc, Cell(v=f"{self.org} – Sammanställning {self.cols_order[0]['year'] if not self.descending else self.cols_order[-1]['year']}–{self.cols_order[-1]['year'] if not self.descending else self.cols_order[0]['year']}", kind="text", bold=True))
        r += 1
        if unit_text:
            summ.put(r, lc, Cell(v=unit_text, kind="text"))
            r += 1
        r += 1
        hr = r
        c = lc + 1 + (1 if st["gap_col"] else 0)
        scs = {}
        spacer_at = R.randint(1, len(self.cols_order) - 1) if "blank" in ax["extra_columns"] else None
        for n, col in enumerate(self.cols_order):
            if n == spacer_at:
                c += 1
            h = col["label"] + (" (tkr)" if ax["unit_marker"] == "header" and ax["unit"] == "tkr" else "")
            summ.put(hr, c, Cell(v=h, kind="text", bold=True))
            scs[col["id"]] = c
            c += 1
        # summary rows
        srows = []
        src = []  # row index in self.rows
        for i, rs in enumerate(self.rows):
            take = False
            if rs["t"] in ("revenue_total", "cost_total", "result"):
                take = True
            elif rs["t"] == "subtotal" and (rs.get("parent") is None):
                take = True
            elif rs["t"] == "cost" and rs.get("parent") is None and self.ax["hierarchy"] != "flat":
                take = True
            if take:
                lab = rs["label"].strip()
                if lab.startswith("- "):
                    lab = lab[2:]
                srows.append(dict(t=rs["t"], label=lab, bold=rs["bold"], members=[], parent=None))
                src.append(i)
        sk = {}
        rn = {}
        for j, (srs, i) in enumerate(zip(srows, src)):
            rr = hr + 1 + j
            rn[j] = rr
            summ.put(rr, lc, Cell(v=srs["label"], kind="text", bold=srs["bold"]))
            for col in self.cols_order:
                k = self.keys_by_col[col["id"]][(i, col["id"])]
                cell = Cell(fn=("lin", [(1, k)], "plus"), kind="f", scale=scale, bold=srs["bold"], fmt=st["numfmt"])
                sk[(j, col["id"])] = summ.put(rr, scs[col["id"]], cell)
        self.summary_rows = srows
        self.record_lines(summ, srows, rn, summary=True)
        jres = src.index(self.result_row)
        jrev = src.index(self.rev_total_row)
        for col in self.cols:
            self.result_key[col["id"]] = sk[(jres, col["id"])]
            self.revtot_key[col["id"]] = sk[(jrev, col["id"])]
        c2 = c
        if "change" in ax["extra_columns"] and len(self.cols_order) >= 2:
            bud = next(x for x in self.cols_order if x["kind"] == "budget" and x["year"] == self.Y)
            others = [x for x in self.cols_order if x is not bud]
            o = min(others, key=lambda x: abs(x["year"] - self.Y) + (0 if x["year"] < self.Y else 0.5))
            a, b = (bud, o) if o["year"] <= bud["year"] else (o, bud)
            head = "Förändring"
            summ.put(hr, c2, Cell(v=head, kind="text", bold=True))
            self.extra_cells.append(dict(sheet=summ.name, cell=addr(hr, c2), header=head, kind="change"))
            for j in rn:
                summ.put(rn[j], c2, Cell(fn=("lin", [(1, sk[(j, a["id"])]), (-1, sk[(j, b["id"])])], "plus"), kind="f", scale=scale, fmt=st["numfmt"]))
            c2 += 1
        if self.percent_on_summary and len(self.cols_order) >= 2:
            bud = next(x for x in self.cols_order if x["kind"] == "budget" and x["year"] == self.Y)
            others = [x for x in self.cols_order if x is not bud]
            o = min(others, key=lambda x: abs(x["year"] - self.Y))
            a, b = (bud, o) if o["year"] <= bud["year"] else (o, bud)
            head = "Förändring %"
            summ.put(hr, c2, Cell(v=head, kind="text", bold=True))
            self.extra_cells.append(dict(sheet=summ.name, cell=addr(hr, c2), header=head, kind="percent"))
            for j in rn:
                if srows[j]["t"] == "result":
                    continue
                summ.put(rn[j], c2, Cell(fn=("ratio", sk[(j, a["id"])], sk[(j, b["id"])], "change"), kind="f", fmt=st["pctfmt"]))
        self.main_sheet = summ
        self.eq_sheet_default = summ
        self.eq_label_c = lc
        self.amount_cs = scs
        self.rows_end = hr + len(srows)

    # ---------------------------------------------------------------- equity
    def equity_years(self):
        """list of (year, col) where col provides the result"""
        out = []
        for y in sorted({c["year"] for c in self.cols}):
            cs = [c for c in self.cols if c["year"] == y]
            pick = None
            for k in ("utfall", "prognos", "budget", "plan"):
                for c in cs:
                    if c["kind"] == k:
                        pick = c
                        break
                if pick:
                    break
            out.append((y, pick))
        return out

    def build_equity(self, m):
        R, ax, st = self.rng, self.ax, self.style
        eq = ax["equity"]
        self.eq_memo_no_ib = False
        if eq == "none":
            return
        eys = self.equity_years()
        inc0, _ = self.col_truth(eys[0][1]["id"])
        unit = self.unit_round if self.unit_round >= 100 else 100
        ib0 = rnd(inc0 * R.uniform(0.05, 0.3), max(unit, 1000))
        cum, mn = 0, 0
        for y, col in eys:
            inc, cost = self.col_truth(col["id"])
            cum += inc - cost
            mn = min(mn, cum)
        if ib0 + mn < 50000:
            ib0 = rnd(-mn + inc0 * R.uniform(0.02, 0.1), 1000) + 50000
        vals = []
        ib = ib0
        for y, col in eys:
            inc, cost = self.col_truth(col["id"])
            res = inc - cost
            vals.append((y, col, ib, res, ib + res))
            ib += res
        self._eq_vals = vals
        self._emit_equity(m, vals)

    def res_sign(self):
        return -1 if self.ax["sign"] == "revenue_negative" else 1

    def _emit_equity(self, m, vals):
        R, ax, st = self.rng, self.ax, self.style
        eq = ax["equity"]
        lc = self.eq_label_c
        numfmt = st["numfmt"]
        scale = self.scale
        rsg = self.res_sign()
        ib_lab = R.choice(["Ingående eget kapital", "Eget kapital IB", "Ingående balans eget kapital", "Eget kapital vid årets början"])
        res_lab = R.choice(["Årets resultat", "Resultat", "Budgeterat resultat", "Årets resultat"])
        ub_lab = R.choice(["Utgående eget kapital", "Eget kapital UB", "Utgående balans eget kapital", "Eget kapital vid årets slut"])
        self.equity_ub_keys = []  # (year, key)
        self.equity_keys_all = []

        def rec(sheet, r, label, typ="equity"):
            self.truth_lines.append(dict(sheet=sheet.name, row=r + 1, label=label, type=typ, parent_row=None, members=[]))

        if eq in ("rows_below", "memo"):
            sh = self.eq_sheet_default
            r = self.rows_end + R.randint(2, 3)
            ycol = {y: col for (y, col, *_r) in vals}
            no_ib = False
            if eq == "memo":
                note = R.choice(["Not: eget kapital beräknat enligt fastställt bokslut och budgeterat resultat.",
                                 "Not: eget kapital beräknat enligt prognos för innevarande år.",
                                 "Not: Eget kapital beräknat enligt bokslut och budgeterade resultat. Rekommenderad nivå högst 20 % av intäkterna."])
                sh.put(r, lc, Cell(v=note, kind="text", italic=True))
                rec(sh, r, note, "other")
                r += 1
                no_ib = R.random() < 0.5
                self.eq_memo_no_ib = no_ib
                if no_ib:
                    labs = [None, res_lab if R.random() < 0.5 else None, R.choice(["Eget kapital 31/12", "Eget kapital per 31/12", "Beräknat eget kapital 31 dec"])]
                else:
                    labs = [R.choice(["Eget kapital 1/1", "Eget kapital 1 jan"]), res_lab if R.random() < 0.6 else None, R.choice(["Eget kapital 31/12", "Eget kapital 31 dec"])]
            else:
                if R.random() < 0.6:
                    h = R.choice(["Eget kapital", "Utveckling eget kapital", "EGET KAPITAL"])
                    sh.put(r, lc, Cell(v=h, kind="text", bold=True))
                    rec(sh, r, h, "heading")
                    r += 1
                labs = [ib_lab, res_lab, ub_lab]
            rows_ = {}
            for n, lab in enumerate(labs):
                if lab is None:
                    continue
                sh.put(r, lc, Cell(v=lab, kind="text", bold=(n == 2 and R.random() < 0.5)))
                rec(sh, r, lab)
                rows_[n] = r
                r += 1
            tak_row = None
            if eq == "rows_below" and R.random() < 0.35:
                lab = R.choice(["Tak 20 % av intäkterna", "Maxnivå eget kapital (20 %)", "Rekommenderat tak 20 %"])
                sh.put(r, lc, Cell(v=lab, kind="text", italic=True))
                rec(sh, r, lab, "other")
                tak_row = r
            prev_ub = None
            for (y, col, ib, res, ub) in vals:
                c = self.amount_cs[col["id"]]
                kib = kres = None
                if 0 in rows_:
                    if prev_ub is None:
                        kib = sh.put(rows_[0], c, Cell(v=ib, kind="num", scale=scale, fmt=numfmt))
                    else:
                        kib = sh.put(rows_[0], c, Cell(fn=("lin", [(1, prev_ub)], "plus"), kind="f", scale=scale, fmt=numfmt))
                if 1 in rows_:
                    kres = sh.put(rows_[1], c, Cell(fn=("lin", [(rsg, self.result_key[col["id"]])], "plus"), kind="f", scale=scale, fmt=numfmt))
                resref = kres if kres is not None else self.result_key[col["id"]]
                rcoef = 1 if kres is not None else rsg
                if kib is not None:
                    terms = [(1, kib), (rcoef, resref)]
                elif prev_ub is not None:
                    terms = [(1, prev_ub), (rcoef, resref)]
                else:
                    terms = None
                if terms is None:
                    kub = sh.put(rows_[2], c, Cell(v=ub, kind="num", scale=scale, fmt=numfmt, bold=True))
                else:
                    kub = sh.put(rows_[2], c, Cell(fn=("lin", terms, "plus"), kind="f", scale=scale, fmt=numfmt))
                if tak_row is not None:
                    sh.put(tak_row, c, Cell(fn=("lin", [(0.2 * self.sign_of("revenue"), self.revtot_key[col["id"]])], "plus"), kind="f", scale=scale, fmt=numfmt))
                self.equity_ub_keys.append((y, kub, terms is None))
                prev_ub = kub
                self.truth_equity.append(dict(year=y, ib=ib, resultat=res, ub=ub, sheet=sh.name, unit=("tkr" if sh.cells[(kub[1], kub[2])].scale == 1000 else "kr"), cells=dict(ib=kaddr(kib), resultat=kaddr(kres), ub=kaddr(kub))))
            return

        if eq == "overview_years_as_rows":
            sh = self.eq_sheet_default
            r = self.rows_end + R.randint(2, 4)
            h = R.choice(["Eget kapital", "Utveckling av eget kapital", "Eget kapital per år"])
            sh.put(r, lc, Cell(v=h, kind="text", bold=True))
            rec(sh, r, h, "heading")
            r += 1
            heads = ["År", R.choice(["Ingående eget kapital", "IB eget kapital"]), R.choice(["Årets resultat", "Resultat"]),
                     R.choice(["Utgående eget kapital", "UB eget kapital"]), R.choice(["Tak 20 %", "Tak 20 % av intäkter", "Max 20 %"])]
            for n, t in enumerate(heads):
                sh.put(r, lc + n, Cell(v=t, kind="text", bold=True))
            self.extra_cells.append(dict(sheet=sh.name, cell=addr(r, lc + 4), header=heads[4], kind="equity_cap"))
            r += 1
            prev_ub = None
            year_as_text = R.random() < 0.3
            for (y, col, ib, res, ub) in vals:
                yl = f"{y} ({col['kind']})" if year_as_text else y
                sh.put(r, lc, Cell(v=yl, kind="text" if year_as_text else "year"))
                kib = sh.put(r, lc + 1, Cell(v=ib, kind="num", scale=scale, fmt=numfmt) if prev_ub is None else Cell(fn=("lin", [(1, prev_ub)], "plus"), kind="f", scale=scale, fmt=numfmt))
                kres = sh.put(r, lc + 2, Cell(fn=("lin", [(rsg, self.result_key[col["id"]])], "plus"), kind="f", scale=scale, fmt=numfmt))
                kub = sh.put(r, lc + 3, Cell(fn=("lin", [(1, kib), (1, kres)], "plus"), kind="f", scale=scale, fmt=numfmt))
                sh.put(r, lc + 4, Cell(fn=("lin", [(0.2 * self.sign_of("revenue"), self.revtot_key[col["id"]])], "plus"), kind="f", scale=scale, fmt=numfmt))
                rec(sh, r, str(yl))
                self.equity_ub_keys.append((y, kub, False))
                prev_ub = kub
                self.truth_equity.append(dict(year=y, ib=ib, resultat=res, ub=ub, sheet=sh.name, unit=("tkr" if sh.cells[(kub[1], kub[2])].scale == 1000 else "kr"), cells=dict(ib=kaddr(kib), resultat=kaddr(kres), ub=kaddr(kub))))
                r += 1
            return

        # own sheet
        tkr = eq == "own_sheet_tkr"
        escale = 1000 if tkr else scale
        efmt = R.choice(["#,##0.0", "#,##0"]) if escale == 1000 else (numfmt if ax["unit_marker"] != "number_format" else R.choice(["#,##0", numfmt]))
        if ax["unit_marker"] == "number_format" and not tkr and efmt != numfmt:
            pass
        sh = m.sheet("Eget kapital")
        r = 0
        ttl = f"Eget kapital {self.org}" if not tkr else R.choice([f"Eget kapital, tkr", f"Eget kapital (tkr) – {self.org}", "Eget kapital – belopp i tkr"])
        if not tkr and escale == 1000:
            ttl += " (tkr)"
        if not tkr and escale == 1 and ax["unit_marker"] in ("title", "header") and R.random() < 0.5:
            ttl += " (kr)"
        sh.put(r, 0, Cell(v=ttl, kind="text", bold=True))
        r += 2
        orient_cols = R.random() < 0.5
        with_tak = R.random() < 0.4
        prev_ub = None
        if orient_cols:
            # years as columns
            sh.put(r, 0, Cell(v="", kind="text"))
            for n, (y, col, *_x) in enumerate(vals):
                sh.put(r, 1 + n, Cell(v=col["label"] if R.random() < 0.0 else f"{y}", kind="text", bold=True))
            rib, rres, rub = r + 1, r + 2, r + 3
            for rr, lab in ((rib, ib_lab), (rres, res_lab), (rub, ub_lab)):
                sh.put(rr, 0, Cell(v=lab, kind="text", bold=(rr == rub)))
                rec(sh, rr, lab)
            if with_tak:
                sh.put(r + 4, 0, Cell(v="Tak 20 % av intäkterna", kind="text", italic=True))
                rec(sh, r + 4, "Tak 20 % av intäkterna", "other")
            for n, (y, col, ib, res, ub) in enumerate(vals):
                c = 1 + n
                kib = sh.put(rib, c, Cell(v=ib, kind="num", scale=escale, fmt=efmt) if prev_ub is None else Cell(fn=("lin", [(1, prev_ub)], "plus"), kind="f", scale=escale, fmt=efmt))
                kres = sh.put(rres, c, Cell(fn=("lin", [(rsg, self.result_key[col["id"]])], "plus"), kind="f", scale=escale, fmt=efmt))
                kub = sh.put(rub, c, Cell(fn=("lin", [(1, kib), (1, kres)], "plus"), kind="f", scale=escale, fmt=efmt))
                if with_tak:
                    sh.put(r + 4, c, Cell(fn=("lin", [(0.2 * self.sign_of("revenue"), self.revtot_key[col["id"]])], "plus"), kind="f", scale=escale, fmt=efmt))
                self.equity_ub_keys.append((y, kub, False))
                prev_ub = kub
                self.truth_equity.append(dict(year=y, ib=ib, resultat=res, ub=ub, sheet=sh.name, unit=("tkr" if sh.cells[(kub[1], kub[2])].scale == 1000 else "kr"), cells=dict(ib=kaddr(kib), resultat=kaddr(kres), ub=kaddr(kub))))
        else:
            heads = ["År", ib_lab, res_lab, ub_lab] + (["Tak 20 %"] if with_tak else [])
            for n, t in enumerate(heads):
                sh.put(r, n, Cell(v=t, kind="text", bold=True))
            if with_tak:
                self.extra_cells.append(dict(sheet=sh.name, cell=addr(r, 4), header="Tak 20 %", kind="equity_cap"))
            r += 1
            for (y, col, ib, res, ub) in vals:
                sh.put(r, 0, Cell(v=y, kind="year"))
                kib = sh.put(r, 1, Cell(v=ib, kind="num", scale=escale, fmt=efmt) if prev_ub is None else Cell(fn=("lin", [(1, prev_ub)], "plus"), kind="f", scale=escale, fmt=efmt))
                kres = sh.put(r, 2, Cell(fn=("lin", [(rsg, self.result_key[col["id"]])], "plus"), kind="f", scale=escale, fmt=efmt))
                kub = sh.put(r, 3, Cell(fn=("lin", [(1, kib), (1, kres)], "plus"), kind="f", scale=escale, fmt=efmt))
                if with_tak:
                    sh.put(r, 4, Cell(fn=("lin", [(0.2 * self.sign_of("revenue"), self.revtot_key[col["id"]])], "plus"), kind="f", scale=escale, fmt=efmt))
                rec(sh, r, str(y))
                self.equity_ub_keys.append((y, kub, False))
                prev_ub = kub
                self.truth_equity.append(dict(year=y, ib=ib, resultat=res, ub=ub, sheet=sh.name, unit=("tkr" if sh.cells[(kub[1], kub[2])].scale == 1000 else "kr"), cells=dict(ib=kaddr(kib), resultat=kaddr(kres), ub=kaddr(kub))))
                r += 1
        sh.widths = {0: 30}

    # ---------------------------------------------------------------- other sheets
    def build_other_sheets(self, m):
        R = self.rng
        names = R.sample(["Medlemsbidrag", "Instruktioner", "Nyckeltal"], R.randint(1, 2))
        before = R.random() < 0.3
        for nm in names:
            sh = m.sheet(nm)
            if nm == "Medlemsbidrag":
                bud = next(c for c in self.cols if c["kind"] == "budget" and c["year"] == self.Y)
                sh.put(0, 0, Cell(v=f"Fördelning av medlemsbidrag {self.Y}", kind="text", bold=True))
                for n, h in enumerate(["Medlem", "Andel", f"Belopp {self.Y}"]):
                    sh.put(2, n, Cell(v=h, kind="text", bold=True))
                r = 3
                rows = [l for l in self.rev_leaves if l.get("member")]
                ks = []
                T = self.T[bud["id"]]
                for l in rows:
                    sh.put(r, 0, Cell(v=l["label"], kind="text"))
                    sh.put(r, 1, Cell(v=round(l["vals"][bud["id"]] / T, 4), kind="num", fmt="0.0%"))
                    ks.append(sh.put(r, 2, Cell(v=l["vals"][bud["id"]], kind="num", fmt="#,##0")))
                    r += 1
                sh.put(r, 0, Cell(v="Summa", kind="text", bold=True))
                sh.put(r, 1, Cell(v=1, kind="num", fmt="0%", bold=True))
                sh.put(r, 2, Cell(fn=("lin", [(1, k) for k in ks], "sum"), kind="f", fmt="#,##0", bold=True) if self.ax["subtotals"] != "typed" else Cell(v=T, kind="num", fmt="#,##0", bold=True))
                sh.widths = {0: 34}
            elif nm == "Instruktioner":
                lines = ["Instruktioner för budgetmallen", "", "1. Fyll i beloppen för respektive budgetpost.",
                         "2. Summor och resultat räknas fram automatiskt.", "3. Budgeten ska antas av styrelsen senast den 30 november.",
                         "4. Medlemsbidragen fördelas 50 % Försäkringskassan, 25 % region och 25 % kommuner.",
                         "5. Eget kapital bör inte överstiga 20 % av intäkterna."]
                for n, t in enumerate(lines):
                    if t:
                        sh.put(n, 0, Cell(v=t, kind="text", bold=(n == 0)))
                sh.widths = {0: 80}
            else:
                sh.put(0, 0, Cell(v="Nyckeltal", kind="text", bold=True))
                sh.put(2, 0, Cell(v="Antal deltagare (mål)", kind="text"))
                sh.put(2, 1, Cell(v=R.randint(40, 400), kind="num"))
                sh.put(3, 0, Cell(v="Andel till insatser", kind="text"))
                sh.put(3, 1, Cell(v=round(R.uniform(0.6, 0.85), 2), kind="num", fmt="0%"))
                sh.put(4, 0, Cell(v="Antal medarbetare i team", kind="text"))
                sh.put(4, 1, Cell(v=R.randint(3, 25), kind="num"))
        if before:
            # move the last added other sheets to the front
            others = [s for s in m.sheets if s.name in names]
            rest = [s for s in m.sheets if s.name not in names]
            m.sheets = others + rest

    # ---------------------------------------------------------------- planting
    def plant_and_finalize(self, m):
        R, ax, st = self.rng, self.ax, self.style
        formula_file = ax["subtotals"] != "typed"
        values = m.evaluate()
        target = None
        kind = None
        if ax["planted"]:
            kinds = ["subtotal", "revenue_total", "cost_total", "result", "equity"]
            weights = [0.35, 0.15, 0.2, 0.15, 0.15]
            sub_rows = [i for i, rs in enumerate(self.rows) if rs["t"] == "subtotal"]
            if not sub_rows:
                weights[0] = 0
            eq_ok = [(y, k) for (y, k, typed) in getattr(self, "equity_ub_keys", []) if not typed]
            if ax["equity"] == "none" or not eq_ok or self.eq_memo_no_ib:
                weights[4] = 0
            kind = wchoice(R, list(zip(kinds, weights)))
            col = R.choice(self.cols)
            keys = self.keys_by_col[col["id"]] if ax["sheets"] == "per_year" else self.keys
            if kind == "subtotal":
                i = R.choice(sub_rows)
                target = keys[(i, col["id"])]
                label = self.rows[i]["label"].strip()
                self.planted_row = i
            elif kind in ("revenue_total", "cost_total", "result"):
                i = {"revenue_total": self.rev_total_row, "cost_total": self.cost_total_row, "result": self.result_row}[kind]
                target = keys[(i, col["id"])]
                label = self.rows[i]["label"].strip()
                self.planted_row = i
            else:
                y, target = R.choice(eq_ok)
                cell_lab = None
                label = "Utgående eget kapital"
                for ln in self.truth_lines:
                    if ln["sheet"] == target[0] and ln["row"] == target[1] + 1:
                        label = ln["label"]
                col = next(c for (yy, c, *_r) in self._eq_vals if yy == y)
                self.planted_row = None
            tcell = m.cell(target)
            correct = values[target]
            delta = self.pick_delta(correct, tcell.scale)
            stated = correct + delta
            colname = col["label"] if kind != "equity" else str(y)
            header = next((tc["header"] for tc in self.truth_cols if tc["col"] is col), col["label"])
            self.planted.append(dict(sheet=target[0], cell=addr(target[1], target[2]), label=label, column=header if kind != "equity" else str(y),
                                     kind=kind, stated=int(round(stated)), correct=int(round(correct)), difference=int(round(delta))))
            if kind == "subtotal" and ax["hierarchy"] == "category_total" and not formula_file:
                self.check_category_ambiguity(self.planted_row)
            propagate = formula_file or R.random() < 0.5
            if propagate:
                tcell.fn = None
                tcell.kind = "num"
                tcell.v = stated
                deps = m.dependents(target)
                values = m.evaluate()
                self.conseq = [dict(sheet=d[0], cell=addr(d[1], d[2])) for d in deps]
                if not formula_file:
                    m.freeze(values)
            else:
                m.freeze(values)
                tcell.v = stated
                tcell.kind = "num"
        elif not formula_file:
            m.freeze(values)
        if not formula_file and ax["text_numbers"]:
            self.make_text_numbers(m)
        self.values = m.evaluate()

    def check_category_ambiguity(self, i):
        """typed category_total: a wrong category total makes its extent undecidable when
        the block is not closed by another structural row."""
        rows = self.rows
        members = rows[i]["members"]
        nested_parent = rows[i].get("parent") is not None
        has_nested = any(rows[x]["t"] == "subtotal" for x in members)
        last = max(self.descendants(i))
        nxt = last + 1
        while nxt < len(rows) and rows[nxt]["t"] == "blank":
            nxt += 1
        bounded = nxt < len(rows) and (rows[nxt]["t"] in ("subtotal", "cost_total", "revenue_total", "result", "heading") and rows[nxt].get("parent") is None) and nxt == last + 1
        blank_bounded = nxt > last + 1
        if nested_parent or has_nested or not (bounded or blank_bounded):
            self.ambiguous.append("category_total hierarchy with typed amounts and a planted error in the category total "
                                  f"'{rows[i]['label'].strip()}': its extent (which following rows belong to it) cannot be "
                                  "determined from the numbers or the layout, so the parent_row of the neighbouring rows is a guess.")

    def descendants(self, i):
        out = [i]
        for mbr in self.rows[i]["members"]:
            out += self.descendants(mbr) if self.rows[mbr]["t"] == "subtotal" else [mbr]
        return out

    def pick_delta(self, correct, scale):
        R = self.rng
        opts = ["p1k", "m1k", "p10k", "m10k", "swap", "swap"]
        if scale == 1000 and self.unit_round == 100:
            opts += ["p100"]
        o = R.choice(opts)
        if o == "swap":
            d = abs(correct) / scale
            ip = int(d)
            s = str(ip)
            pairs = [j for j in range(len(s) - 1) if s[j] != s[j + 1]]
            if pairs:
                j = R.choice(pairs[:3])
                t = s[:j] + s[j + 1] + s[j] + s[j + 2:]
                newip = int(t)
                delta = (newip - ip) * scale * (1 if correct >= 0 else -1)
                if delta != 0 and (newip > 0):
                    return delta
            o = "p10k"
        return {"p1k": 1000, "m1k": -1000, "p10k": 10000, "m10k": -10000, "p100": 100}[o]

    def make_text_numbers(self, m):
        R = self.rng
        cands = []
        self._line_index = {}
        for ln in self.truth_lines:
            self._line_index.setdefault((ln["sheet"], ln["row"]), []).append(ln)
        for s in m.sheets:
            for (r, c), cell in s.cells.items():
                if cell.kind == "num" and cell.fn is None and isinstance(cell.v, int) and cell.v != 0:
                    # only budget line items
                    if any(ln["sheet"] == s.name and ln["row"] == r + 1 and ln["type"] in ("revenue", "cost") for ln in self._line_index.get((s.name, r + 1), [])):
                        cands.append((s.name, r, c))
        R.shuffle(cands)
        cands.sort(key=lambda k: 0)
        n = min(len(cands), R.randint(1, 4))
        self.text_cells = []
        for k in cands[:n]:
            cell = m.cell(k)
            sc = cell.scale
            v = cell.v / sc
            sep = R.choice([" ", NBSP])
            txt, neg = fmt_sv(v, sep, 1 if (sc == 1000 and abs(v - round(v)) > 1e-9) else 0)
            if neg:
                txt = (MINUS if R.random() < 0.7 else "-") + txt
            cell.kind = "textnum"
            cell.text = txt
            self.text_cells.append(dict(sheet=k[0], cell=addr(k[1], k[2]), text=txt, value=cell.v))

    # ---------------------------------------------------------------- truth
    def truth(self, fname):
        ax = self.ax
        cols = []
        for tc in self.truth_cols:
            inc, cost = self.col_truth(tc["col"]["id"])
            cols.append(dict(sheet=tc["sheet"], cell=tc["cell"], header=tc["header"], kind=tc["kind"], year=tc["year"],
                             intakter=inc, kostnader=cost, resultat=inc - cost))
        t = dict(file=fname, organisation=self.org, title=self.title, axes=dict(ax),
                 columns=cols, lines=self.truth_lines, equity=self.truth_equity,
                 planted_errors=self.planted, consequential_cells=self.conseq,
                 extra_column_headers=self.extra_cells,
                 layout=dict(backend=self.style["backend"], cached_values=(self.style["backend"] == "xlsxwriter" or ax["subtotals"] == "typed"),
                             label_gap_column=self.style["gap_col"], note_column=bool(self.style["note_col"]) and ax["sheets"] != "per_year",
                             two_row_header=self.style["two_row_header"], columns_descending=self.descending,
                             zero_cells=self.style["zero"], number_format=self.style["numfmt"],
                             tkr_text_with_kronor_values=bool(self.style["nf_tkr_note"])),
                 text_number_cells=getattr(self, "text_cells", []),
                 ambiguous=bool(self.ambiguous))
        if self.ambiguous:
            t["ambiguity"] = " ".join(self.ambiguous)
        return t


# ----------------------------------------------------------------------------
# rendering
# ----------------------------------------------------------------------------

def cell_display_value(cell, values, key):
    if cell.kind == "text":
        return cell.v
    if cell.kind == "year":
        return cell.v
    if cell.kind == "textnum":
        return cell.text
    if cell.fn is not None and cell.fn[0] == "ratio":
        return round(values[key], 6)
    if cell.fn is None and cell.fmt and "%" in (cell.fmt or ""):
        return cell.v
    val = values[key] if cell.fn is not None else cell.v
    if cell.fn is None and isinstance(cell.v, float) and cell.scale == 1 and "%" in (cell.fmt or ""):
        return cell.v
    return disp(val, cell.scale)


def render_xlsxwriter(model, values, title):
    import xlsxwriter
    bio = io.BytesIO()
    wb = xlsxwriter.Workbook(bio, {"in_memory": True})
    wb.set_properties({"title": title, "author": "Ekonom", "company": "Samordningsförbund", "created": FIXED_DT})
    fcache = {}

    def F(cell):
        key = (cell.bold, cell.indent, cell.fmt, cell.italic)
        if key == (False, 0, None, False):
            return None
        if key not in fcache:
            p = {}
            if cell.bold:
                p["bold"] = True
            if cell.italic:
                p["italic"] = True
            if cell.indent:
                p["indent"] = cell.indent
            if cell.fmt:
                p["num_format"] = cell.fmt
            fcache[key] = wb.add_format(p)
        return fcache[key]

    for s in model.sheets:
        ws = wb.add_worksheet(s.name)
        maxc = max([c for (_, c) in s.cells] + [0])
        for c in range(maxc + 1):
            w = s.widths.get(c)
            if w:
                ws.set_column(c, c, w)
        lab_cols = {c for (r, c), cell in s.cells.items() if cell.kind == "text" and len(str(cell.v)) > 20}
        for c in sorted(lab_cols):
            if c not in s.widths:
                ws.set_column(c, c, 34)
        for (r, c) in sorted(s.cells):
            cell = s.cells[(r, c)]
            key = (s.name, r, c)
            f = F(cell)
            if cell.fn is not None:
                fs = formula_str(model, s, key, cell)
                ws.write_formula(r, c, fs, f, cell_display_value(cell, values, key))
            elif cell.kind in ("text", "textnum"):
                ws.write_string(r, c, cell.v if cell.kind == "text" else cell.text, f)
            else:
                ws.write_number(r, c, cell_display_value(cell, values, key), f)
    wb.close()
    return bio.getvalue()


def render_openpyxl(model, values, title):
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.writer.excel import ExcelWriter
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in model.sheets:
        ws = wb.create_sheet(s.name)
        lab_cols = {c for (r, c), cell in s.cells.items() if cell.kind == "text" and len(str(cell.v)) > 20}
        for c in sorted(lab_cols):
            ws.column_dimensions[col_letter(c)].width = s.widths.get(c, 34)
        for (r, c) in sorted(s.cells):
            cell = s.cells[(r, c)]
            key = (s.name, r, c)
            if cell.fn is not None:
                v = formula_str(model, s, key, cell)
            elif cell.kind == "text":
                v = cell.v
            elif cell.kind == "textnum":
                v = cell.text
            else:
                v = cell_display_value(cell, values, key)
            x = ws.cell(row=r + 1, column=c + 1, value=v)
            if cell.kind == "textnum":
                x.data_type = "s"
            if cell.bold or cell.italic:
                x.font = Font(bold=cell.bold, italic=cell.italic)
            if cell.indent:
                x.alignment = Alignment(indent=cell.indent)
            if cell.fmt:
                x.number_format = cell.fmt
    wb.properties.creator = "Ekonom"
    wb.properties.title = title
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    bio = io.BytesIO()
    archive = zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    return bio.getvalue()


def normalize_zip(data):
    """re-zip with fixed timestamps so that output is byte-identical across runs"""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def generate_one(idx, seed):
    rng = random.Random(f"{seed}-{idx}")
    g = Gen(idx, rng)
    g.build()
    fname = f"g{idx:04d}.xlsx"
    # index of truth lines for text-number selection happens before finalize; rebuild lazily
    truth = g.truth(fname)
    if g.style["backend"] == "xlsxwriter":
        data = render_xlsxwriter(g.model, g.values, g.title)
    else:
        data = render_openpyxl(g.model, g.values, g.title)
    return fname, normalize_zip(data), truth


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=320)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args(argv)
    os.makedirs(a.outdir, exist_ok=True)
    manifest = dict(seed=a.seed, count=a.count, files=[])
    for i in range(1, a.count + 1):
        fname, data, truth = generate_one(i, a.seed)
        with open(os.path.join(a.outdir, fname), "wb") as f:
            f.write(data)
        jname = fname.replace(".xlsx", ".json")
        with open(os.path.join(a.outdir, jname), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
            f.write("\n")
        manifest["files"].append(dict(file=fname, truth=jname, axes=truth["axes"], ambiguous=truth["ambiguous"]))
    with open(os.path.join(a.outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
