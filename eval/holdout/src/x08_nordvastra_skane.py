"""x08: a ledger extract sheet FIRST ('Huvudbok 2025'), then 'Budget', then a member-fee split
sheet; costs first, income after; bold category rows carry SUM formulas (XlsxWriter, cached) of the
rows below them, which are marked only by leading spaces; costs negative; kr; grand totals named
'Totala kostnader' / 'Totala intäkter', result 'Överskott/underskott'. Clean."""
import datetime
from _common import xw_workbook, xw_close

wb = xw_workbook("x08_nordvastra_skane.xlsx", author="Ekonomi NV Skåne")
b = wb.add_format({"bold": True})
n = wb.add_format({"num_format": "#,##0;-#,##0"})
nb = wb.add_format({"num_format": "#,##0;-#,##0", "bold": True})
hb = wb.add_format({"bold": True, "align": "right", "bottom": 2})
hl = wb.add_format({"bold": True, "bottom": 2})
dt = wb.add_format({"num_format": "yyyy-mm-dd"})

hb_ = wb.add_worksheet("Huvudbok 2025")
ws = wb.add_worksheet("Budget")
mf = wb.add_worksheet("Medlemsavgifter")
ws.activate()

# ---- ledger extract (to be ignored)
hb_.write("A1", "Huvudboksutdrag 2025-01-01 – 2025-09-30, konto 3010–6990", b)
for i, t in enumerate(["Datum", "Verifikation", "Konto", "Kontonamn", "Text", "Belopp"]):
    hb_.write(2, i, t, hl)
led = [("2025-01-20", "A12", 3010, "Medlemsavgift FK", "Avgift kv 1", -1950000),
       ("2025-01-20", "A13", 3020, "Medlemsavgift Region Skåne", "Avgift kv 1", -975000),
       ("2025-01-31", "L01", 7010, "Löner", "Lön januari kansli", 178450),
       ("2025-02-14", "B07", 4610, "Köpta tjänster", "Samordningsteam Helsingborg jan", 392000),
       ("2025-03-31", "B41", 6530, "Revision", "Revisionsbyrå delbetalning", 27500),
       ("2025-04-22", "A55", 3030, "Medlemsavgift kommuner", "Avgift kv 2 Helsingborg", -480250),
       ("2025-06-30", "B98", 6420, "Styrelsearvoden", "Arvoden vår", 96120),
       ("2025-09-15", "C10", 4650, "Utvärdering", "Delrapport följeforskning", 75000)]
for i, (d, v, k, kn, t, a) in enumerate(led):
    y, m, dd = map(int, d.split("-"))
    hb_.write_datetime(3 + i, 0, datetime.datetime(y, m, dd), dt)
    hb_.write(3 + i, 1, v); hb_.write_number(3 + i, 2, k); hb_.write(3 + i, 3, kn); hb_.write(3 + i, 4, t)
    hb_.write_number(3 + i, 5, a, n)
hb_.set_column(0, 0, 11); hb_.set_column(3, 4, 30); hb_.set_column(5, 5, 12)

# ---- budget
ws.write("A1", "Samordningsförbundet Nordvästra Skåne – Budget 2026–2028", wb.add_format({"bold": True, "font_size": 13}))
ws.write("A3", "Kronor", hl)
for j, t in enumerate(["Budget 2026", "Plan 2027", "Plan 2028"]):
    ws.write(2, 1 + j, t, hb)
COLS = "BCD"
LINES = {
    5: ("Styrelse", [-420000, -430000, -440000]),
    6: ("Förbundschef och kansli", [-2350000, -2420000, -2490000]),
    7: ("Revision", [-110000, -115000, -120000]),
    8: ("Gemensam administration", [-560000, -575000, -590000]),
    10: ("Samordningsteam Helsingborg", [-4800000, -4950000, -5100000]),
    11: ("Samordningsteam Ängelholm/Båstad", [-1650000, -1700000, -1750000]),
    12: ("Samordningsteam Höganäs", [-950000, -980000, -1010000]),
    13: ("Samordningsteam Söderåsen (Bjuv, Klippan, Perstorp, Åstorp)", [-2100000, -2160000, -2220000]),
    14: ("Samordningsteam Örkelljunga", [-480000, -495000, -510000]),
    15: ("Individstöd unga", [-1200000, -1200000, -1200000]),
    17: ("Kompetensutveckling", [-450000, -450000, -450000]),
    18: ("Utvärdering", [-300000, -200000, -250000]),
    19: ("Kartläggning och analys", [-250000, -150000, -100000]),
    23: ("Försäkringskassan", [8000000, 8200000, 8400000]),
    24: ("Region Skåne", [4000000, 4100000, 4200000]),
    25: ("Helsingborgs stad", [1970000, 2021000, 2069000]),
    26: ("Ängelholms kommun", [565000, 579000, 593000]),
    27: ("Höganäs kommun", [365000, 375000, 384000]),
    28: ("Klippans kommun", [234000, 239000, 245000]),
    29: ("Åstorps kommun", [217000, 222000, 227000]),
    30: ("Bjuvs kommun", [209000, 214000, 219000]),
    31: ("Båstads kommun", [206000, 211000, 217000]),
    32: ("Örkelljunga kommun", [136000, 139000, 143000]),
    33: ("Perstorps kommun", [98000, 100000, 103000]),
    34: ("Ränteintäkter", [50000, 40000, 30000]),
}
V = {}
for r, (lab, vals) in LINES.items():
    ws.write(r - 1, 0, "   " + lab if r < 20 else lab)
    for j, v in enumerate(vals):
        ws.write_number(r - 1, 1 + j, v, n); V[(r, j)] = v
ws.write(19, 0, "Ofördelade medel", b)
for j, v in enumerate([-500000, -600000, -700000]):
    ws.write_number(19, 1 + j, v, nb); V[(20, j)] = v


def tot(r, lab, rows, f):
    ws.write(r - 1, 0, lab, b)
    for j, c in enumerate(COLS):
        V[(r, j)] = sum(V[(p, j)] for p in rows)
        ws.write_formula(r - 1, 1 + j, f.format(c=c), nb, V[(r, j)])


tot(4, "Förbundsadministration", range(5, 9), "=SUM({c}5:{c}8)")
tot(9, "Individinsatser", range(10, 16), "=SUM({c}10:{c}15)")
tot(16, "Strukturinsatser", range(17, 20), "=SUM({c}17:{c}19)")
tot(21, "Totala kostnader", [4, 9, 16, 20], "={c}4+{c}9+{c}16+{c}20")
tot(35, "Totala intäkter", range(23, 35), "=SUM({c}23:{c}34)")
tot(37, "Överskott/underskott", [35, 21], "={c}35+{c}21")
ws.set_column(0, 0, 52); ws.set_column(1, 3, 14)

# ---- member-fee split (to be ignored)
mf.write("A1", "Fördelning av medlemsavgifter 2026", b)
for i, t in enumerate(["Medlem", "Invånare 2024-12-31", "Andel av kommunernas del", "Avgift 2026"]):
    mf.write(2, i, t, hl)
mem = [("Helsingborgs stad", 151000), ("Ängelholms kommun", 43300), ("Höganäs kommun", 28000),
       ("Klippans kommun", 17900), ("Åstorps kommun", 16600), ("Bjuvs kommun", 16000),
       ("Båstads kommun", 15800), ("Örkelljunga kommun", 10400), ("Perstorps kommun", 7500)]
pct = wb.add_format({"num_format": "0.00%"})
fees = [1970000, 565000, 365000, 234000, 217000, 209000, 206000, 136000, 98000]
for i, ((m, p), fee) in enumerate(zip(mem, fees)):
    mf.write(3 + i, 0, m); mf.write_number(3 + i, 1, p, n)
    mf.write_formula(3 + i, 2, f"=B{4+i}/$B$13", pct, p / 306500)
    mf.write_number(3 + i, 3, fee, n)
mf.write(12, 0, "Summa kommuner", b)
mf.write_formula(12, 1, "=SUM(B4:B12)", nb, 306500)
mf.write_formula(12, 2, "=SUM(C4:C12)", pct, 1.0)
mf.write_formula(12, 3, "=SUM(D4:D12)", nb, 4000000)
mf.write(14, 0, "Försäkringskassan 50 %, Region Skåne 25 %, kommunerna 25 % efter invånarantal.")
mf.set_column(0, 0, 24); mf.set_column(1, 3, 20)
xw_close(wb)
