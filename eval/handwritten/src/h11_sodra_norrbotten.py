"""h11: heading rows + 'Summa' formula rows (openpyxl, no cached values), costs negative, kr;
extra unrelated sheets: member-contribution split and a ledger extract.
PLANTED: C21 'Summa individinriktade insatser' = SUM(C17:C19) while C20 belongs to the block."""
import datetime
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Södra Norrbotten – budget 2026"; ws["A1"].font = Font(bold=True, size=13)
for i, h in enumerate(["Område", "Prognos 2025", "Budget 2026"], 1):
    ws.cell(3, i, h).font = B
lines = {
    4: "Intäkter", 5: ("Försäkringskassan", 5000000, 5200000), 6: ("Region Norrbotten", 2500000, 2600000),
    7: ("Kommunerna", 2500000, 2600000), 8: ("Summa intäkter", "=SUM({c}5:{c}7)"),
    10: "Administration", 11: ("Styrelse", -420000, -440000), 12: ("Kansli", -1800000, -1900000),
    13: ("Övrig administration", -260000, -280000), 14: ("Summa administration", "=SUM({c}11:{c}13)"),
    16: "Individinriktade insatser", 17: ("Samordningsteam Luleå", -2600000, -2700000),
    18: ("Samordningsteam Boden", -1500000, -1550000), 19: ("Samordningsteam Piteå", -1700000, -1750000),
    20: ("Samordningsteam Älvsbyn", -600000, -650000),
    21: ("Summa individinriktade insatser", "=SUM({c}17:{c}20)"),
    23: "Strukturinriktade insatser", 24: ("Kompetensutveckling", -350000, -400000),
    25: ("Utvärdering", -120000, -100000), 26: ("Summa strukturinriktade insatser", "=SUM({c}24:{c}25)"),
    28: ("Ofördelade medel", -400000, -600000),
    29: ("Summa kostnader", "={c}14+{c}21+{c}26+{c}28"), 31: ("Resultat", "={c}8+{c}29"),
}
for r, v in lines.items():
    if isinstance(v, str):
        ws.cell(r, 1, v).font = B; continue
    lab = v[0]; tot = lab.startswith("Summa") or lab == "Resultat"
    ws.cell(r, 1, lab).font = Font(bold=tot)
    for j, col in enumerate("BC"):
        val = v[1].format(c=col) if len(v) == 2 else v[1 + j]
        c = ws.cell(r, 2 + j, val); c.number_format = "#,##0"; c.font = Font(bold=tot)
ws["C21"] = "=SUM(C17:C19)"  # planted partial sum
ws.column_dimensions["A"].width = 36; ws.column_dimensions["B"].width = 15; ws.column_dimensions["C"].width = 15

m = wb.create_sheet("Medlemsbidrag 2026")
m["A1"] = "Fördelning av medlemsbidrag 2026"; m["A1"].font = B
for i, h in enumerate(["Medlem", "Andel", "Invånare", "Bidrag kr"], 1):
    m.cell(3, i, h).font = B
mem = [("Försäkringskassan", 0.5, None, 5200000), ("Region Norrbotten", 0.25, None, 2600000),
       ("Luleå kommun", 0.1125, 80000, 1170000), ("Bodens kommun", 0.0625, 28000, 650000),
       ("Piteå kommun", 0.05, 42000, 520000), ("Älvsbyns kommun", 0.025, 8000, 260000)]
for i, (n, a, inv, kr) in enumerate(mem):
    m.cell(4 + i, 1, n); m.cell(4 + i, 2, a).number_format = "0.00%"
    if inv: m.cell(4 + i, 3, inv).number_format = "#,##0"
    m.cell(4 + i, 4, kr).number_format = "#,##0"
m["A10"] = "Totalt"; m["B10"] = "=SUM(B4:B9)"; m["D10"] = "=SUM(D4:D9)"; m["A10"].font = B
m.column_dimensions["A"].width = 24; m.column_dimensions["D"].width = 14

h = wb.create_sheet("Huvudbok 2025")
h["A1"] = "Huvudbok januari–september 2025 (utdrag)"; h["A1"].font = B
for i, t in enumerate(["Datum", "Ver.nr", "Konto", "Text", "Debet", "Kredit"], 1):
    h.cell(3, i, t).font = B
led = [(datetime.date(2025, 1, 15), 1001, 1930, "Medlemsbidrag FK kv 1", 1250000, None),
       (datetime.date(2025, 1, 15), 1001, 3010, "Medlemsbidrag FK kv 1", None, 1250000),
       (datetime.date(2025, 2, 3), 1014, 5410, "Samordningsteam Luleå jan", 216000, None),
       (datetime.date(2025, 2, 3), 1014, 1930, "Samordningsteam Luleå jan", None, 216000),
       (datetime.date(2025, 3, 28), 1040, 6420, "Styrelsearvoden kv 1", 98500, None),
       (datetime.date(2025, 3, 28), 1040, 1930, "Styrelsearvoden kv 1", None, 98500),
       (datetime.date(2025, 4, 10), 1052, 1930, "Medlemsbidrag Region kv 2", 625000, None),
       (datetime.date(2025, 4, 10), 1052, 3020, "Medlemsbidrag Region kv 2", None, 625000),
       (datetime.date(2025, 6, 30), 1101, 6550, "Revision delårsrapport", 42000, None),
       (datetime.date(2025, 6, 30), 1101, 1930, "Revision delårsrapport", None, 42000)]
for i, row in enumerate(led):
    for j, v in enumerate(row):
        c = h.cell(4 + i, 1 + j, v)
        if j == 0: c.number_format = "yyyy-mm-dd"
        if j >= 4 and v is not None: c.number_format = "#,##0"
h.column_dimensions["A"].width = 12; h.column_dimensions["D"].width = 30
save_openpyxl(wb, "h11_sodra_norrbotten.xlsx")
