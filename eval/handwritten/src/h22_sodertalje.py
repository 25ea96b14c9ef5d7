"""h22: hierarchy by leading spaces only (no cell indent), everything positive, kr with exact
kronor, 'Summa' formulas without cached values (openpyxl), Resultat = intäkter - kostnader;
eget kapital on its own sheet in tkr (one decimal) while the budget is in kronor."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Södertälje"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Budget 2026"
for i, h in enumerate(["", "Utfall 2024", "Budget 2025", "Budget 2026"], 1):
    ws.cell(4, i, h).font = B
rows = [
    (5, "Intäkter", None), (6, "    Försäkringskassan", [3900000, 4000000, 4100000]),
    (7, "    Region Stockholm", [1950000, 2000000, 2050000]), (8, "    Södertälje kommun", [1560000, 1600000, 1640000]),
    (9, "    Nykvarns kommun", [390000, 400000, 410000]), (10, "    Ränteintäkter", [21300, 10000, 5000]),
    (11, "  Summa intäkter", "=SUM({c}6:{c}10)"),
    (13, "Kostnader", None), (14, "    Styrelse", [285400, 300000, 310000]),
    (15, "    Förbundschef och kansli", [1402800, 1450000, 1500000]),
    (16, "    Samordningsteam Södertälje", [3210000, 3300000, 3400000]),
    (17, "    Samordningsteam Nykvarn", [612500, 650000, 660000]), (18, "    Jobbspåret", [1150000, 1200000, 1250000]),
    (19, "    Kompetensutveckling", [188700, 250000, 280000]), (20, "    Ofördelade medel", [0, 700000, 800000]),
    (21, "  Summa kostnader", "=SUM({c}14:{c}20)"),
    (23, "Resultat", "={c}11-{c}21"),
]
for r, lab, v in rows:
    ws.cell(r, 1, lab).font = Font(bold=not lab.startswith("    "))
    if v is None: continue
    for j, col in enumerate("BCD"):
        x = ws.cell(r, 2 + j, v.format(c=col) if isinstance(v, str) else v[j]); x.number_format = "#,##0"
ws.column_dimensions["A"].width = 36
for col in "BCD": ws.column_dimensions[col].width = 14
e = wb.create_sheet("Eget kapital")
e["A1"] = "Eget kapital, tkr"; e["A1"].font = B
for i, h in enumerate(["", "2024", "2025", "2026"], 1):
    e.cell(3, i, h).font = B
for r, lab, vals in [(4, "Ingående eget kapital", [650.0, 1621.9, 1781.9]), (5, "Årets resultat", [971.9, 160.0, 5.0]),
                     (6, "Utgående eget kapital", [1621.9, 1781.9, 1786.9]), (7, "Tak 20 % av intäkterna", [1564.3, 1602.0, 1641.0])]:
    e.cell(r, 1, lab)
    for j, v in enumerate(vals): e.cell(r, 2 + j, v).number_format = "#,##0.0"
e.column_dimensions["A"].width = 26
save_openpyxl(wb, "h22_sodertalje.xlsx")
