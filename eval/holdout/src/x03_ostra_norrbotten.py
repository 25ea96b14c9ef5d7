"""x03: categories in column A (their row carries the total of the breakdown), breakdown labels
in column B, a blank spacer column C, amounts in D-F; all positive, kr, typed.
Eget kapital on its own sheet with years as rows and a 'Max 20 % av intäkterna' column. Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Budget 2026 med plan 2027 – Samordningsförbundet Östra Norrbotten"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Kronor"
for col, t in zip("ABDEF", ["Kategori", "Post", "Prognos 2025", "Budget 2026", "Plan 2027"]):
    c = ws[f"{col}4"]; c.value = t; c.font = B; c.border = Border(bottom=Side("medium"))
    if col in "DEF": c.alignment = Alignment(horizontal="right")
ws["C4"].border = Border(bottom=Side("medium"))

cat = {  # categories in column A with their totals
    5: ("Intäkter", [5130000, 5285000, 5400000]),
    14: ("Förvaltning", [1492000, 1546000, 1597000]),
    21: ("Individinriktade insatser", [3275000, 3530000, 3640000]),
    26: ("Strukturinriktade insatser", [215000, 280000, 240000]),
    30: ("Summa kostnader", [4982000, 5356000, 5477000]),
    31: ("Resultat", [148000, -71000, -77000]),
}
lines = {
    6: ("Försäkringskassan", [2550000, 2625000, 2700000]),
    7: ("Region Norrbotten", [1275000, 1312500, 1350000]),
    8: ("Kalix kommun", [560000, 576500, 592000]),
    9: ("Haparanda stad", [390000, 401500, 412000]),
    10: ("Överkalix kommun", [130000, 134000, 138000]),
    11: ("Övertorneå kommun", [195000, 200500, 208000]),
    12: ("Ränteintäkter", [30000, 35000, 0]),
    15: ("Styrelse", [184000, 190000, 195000]),
    16: ("Revision", [62000, 64000, 66000]),
    17: ("Förbundschef", [918000, 950000, 980000]),
    18: ("Kanslikostnader", [168000, 172000, 178000]),
    19: ("Gemensam administration", [160000, 170000, 178000]),
    22: ("Samordningsteam Kalix", [1620000, 1700000, 1750000]),
    23: ("Samordningsteam Haparanda", [1210000, 1280000, 1320000]),
    24: ("Individinsatser Överkalix och Övertorneå", [445000, 550000, 570000]),
    27: ("Utbildning och kompetensutveckling", [140000, 160000, 170000]),
    28: ("Utvärdering", [75000, 120000, 70000]),
}
for r, (lab, vals) in cat.items():
    ws.cell(r, 1, lab).font = B
    for j, v in enumerate(vals):
        c = ws.cell(r, 4 + j, v); c.number_format = "# ##0"; c.font = B
for r, (lab, vals) in lines.items():
    ws.cell(r, 2, lab)
    for j, v in enumerate(vals):
        ws.cell(r, 4 + j, v).number_format = "# ##0"
ws.column_dimensions["A"].width = 26; ws.column_dimensions["B"].width = 40
ws.column_dimensions["C"].width = 3
for c in "DEF": ws.column_dimensions[c].width = 14

e = wb.create_sheet("Eget kapital")
e["A1"] = "Eget kapital, kronor"; e["A1"].font = Font(bold=True, size=12)
for i, t in enumerate(["År", "Ingående eget kapital", "Årets resultat", "Utgående eget kapital", "Max 20 % av intäkterna"], 1):
    c = e.cell(3, i, t); c.font = B; c.alignment = Alignment(wrap_text=True)
eq = [(2025, 1310000, 148000, 1458000, 1026000),
      (2026, 1458000, -71000, 1387000, 1057000),
      (2027, 1387000, -77000, 1310000, 1080000)]
for i, row in enumerate(eq):
    for j, v in enumerate(row):
        c = e.cell(4 + i, 1 + j, v)
        if j: c.number_format = "# ##0"
e["A8"] = "Styrelsens riktlinje: eget kapital bör inte överstiga 20 % av årets intäkter."
e["A8"].font = Font(italic=True)
e.column_dimensions["A"].width = 8
for c in "BCDE": e.column_dimensions[c].width = 18
save_openpyxl(wb, "x03_ostra_norrbotten.xlsx")
