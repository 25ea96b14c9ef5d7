"""x16: two-row header with MERGED kind cells: 'Prognos' over 2025, 'Budget' over 2026 and one
merged 'Plan' over 2027 and 2028 (years as numbers); a merged title; all positive; kr; a flat
cost list under one heading; 'Summa' rows, Resultat and the equity rows are openpyxl formulas
WITHOUT cached values; equity rows under the budget (Ingående / Årets resultat / Utgående) and
an 'Eget kapital i procent av intäkterna' ratio row. Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget och plan"
B = Font(bold=True)
ws.merge_cells("A1:E1")
ws["A1"] = "Samordningsförbundet Västra Östergötland – budget och plan (kronor)"
ws["A1"].font = Font(bold=True, size=13); ws["A1"].alignment = Alignment(horizontal="center")
ws["B3"] = "Prognos"; ws["C3"] = "Budget"; ws["D3"] = "Plan"; ws.merge_cells("D3:E3")
for c in ("B3", "C3", "D3"):
    ws[c].font = B; ws[c].alignment = Alignment(horizontal="center")
for j, y in enumerate([2025, 2026, 2027, 2028]):
    c = ws.cell(4, 2 + j, y); c.font = B; c.number_format = "0"; c.alignment = Alignment(horizontal="center")
    c.border = Border(bottom=Side("thin"))
ws["A4"] = "Post"; ws["A4"].font = B; ws["A4"].border = Border(bottom=Side("thin"))
AM = "BCDE"
rows = {
    5: ("Intäkter", None),
    6: ("Försäkringskassan", [6300000, 6500000, 6700000, 6900000]),
    7: ("Region Östergötland", [3150000, 3250000, 3350000, 3450000]),
    8: ("Motala kommun", [1531000, 1580000, 1629000, 1678000]),
    9: ("Mjölby kommun", [975000, 1006000, 1036000, 1067000]),
    10: ("Vadstena kommun", [261000, 269000, 278000, 286000]),
    11: ("Boxholms kommun", [195000, 201000, 207000, 213000]),
    12: ("Ödeshögs kommun", [188000, 194000, 200000, 206000]),
    13: ("Summa intäkter", "=SUM({c}6:{c}12)"),
    15: ("Kostnader", None),
    16: ("Styrelse", [355000, 370000, 380000, 390000]),
    17: ("Förbundschef/Kansli", [1720000, 1800000, 1860000, 1920000]),
    18: ("Revision", [95000, 100000, 100000, 105000]),
    19: ("Gemensam administration", [410000, 430000, 445000, 460000]),
    20: ("Samordningsteam Motala", [3900000, 4100000, 4250000, 4400000]),
    21: ("Samordningsteam Mjölby", [2500000, 2650000, 2750000, 2850000]),
    22: ("Samordningsteam Vadstena/Ödeshög/Boxholm", [1300000, 1380000, 1430000, 1480000]),
    23: ("Individinsatser", [1150000, 1300000, 1350000, 1400000]),
    24: ("Strukturinsatser", [420000, 500000, 520000, 540000]),
    25: ("Utvärdering", [80000, 200000, 150000, 150000]),
    26: ("Ofördelade medel", [0, 350000, 400000, 450000]),
    27: ("Summa kostnader", "=SUM({c}16:{c}26)"),
    29: ("Resultat", "={c}13-{c}27"),
    31: ("Ingående eget kapital", None),
    32: ("Årets resultat", "={c}29"),
    33: ("Utgående eget kapital", "={c}31+{c}32"),
    34: ("Eget kapital i procent av intäkterna", "={c}33/{c}13"),
}
for r, (lab, vals) in rows.items():
    bold = r in (5, 13, 15, 27, 29, 33)
    ws.cell(r, 1, lab).font = Font(bold=bold)
    if vals is None: continue
    for j, col in enumerate(AM):
        x = ws[f"{col}{r}"]
        x.value = vals.format(c=col) if isinstance(vals, str) else vals[j]
        x.number_format = "0.0%" if r == 34 else "#,##0;-#,##0"
        x.font = Font(bold=bold, italic=(r == 34))
ws["B31"] = 2100000; ws["B31"].number_format = "#,##0"
for j, col in enumerate("CDE"):
    ws[f"{col}31"] = f"={AM[j]}33"; ws[f"{col}31"].number_format = "#,##0"
ws.column_dimensions["A"].width = 42
for c in AM: ws.column_dimensions[c].width = 13
save_openpyxl(wb, "x16_vastra_ostergotland.xlsx")
