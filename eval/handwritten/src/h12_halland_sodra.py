"""h12: costs first, income after them (Summa intäkter below the costs), only 'Summa' rows close each
block (no headings), everything positive, kr, typed, Förändring column. Eget kapital on its own
sheet in tkr while the budget is in kronor."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Halland Södra – driftbudget (kr)"; ws["A1"].font = Font(bold=True, size=13)
for i, h in enumerate(["", "Budget 2025", "Budget 2026", "Förändring"], 1):
    ws.cell(3, i, h).font = B
rows = [
    (4, "Styrelse", 310000, 330000), (5, "Kansli personal", 1620000, 1690000),
    (6, "Lokaler och kontorskostnader", 190000, 195000), (7, "Revision", 60000, 65000),
    (8, "Summa förvaltning", 2180000, 2280000),
    (10, "Samordningsteam Halmstad", 3100000, 3250000), (11, "Samordningsteam Laholm", 1150000, 1200000),
    (12, "Samordningsteam Hylte", 750000, 780000), (13, "Unga in i arbete", 980000, 1050000),
    (14, "Summa individinriktade insatser", 5980000, 6280000),
    (16, "Utbildning och kompetensutveckling", 420000, 380000), (17, "Gemensamma mötesplatser", 150000, 160000),
    (18, "Utvärdering och analys", 200000, 180000), (19, "Summa strukturinriktade insatser", 770000, 720000),
    (21, "Ofördelade medel", 300000, 500000),
    (22, "Summa kostnader", 9230000, 9780000),
    (24, "Försäkringskassan", 4600000, 4800000), (25, "Region Halland", 2300000, 2400000),
    (26, "Kommunerna", 2300000, 2400000), (27, "Övriga intäkter", 50000, 30000),
    (28, "Summa intäkter", 9250000, 9630000),
    (30, "Resultat", 20000, -150000),
]
for r, lab, b, c in rows:
    bold = lab.startswith("Summa") or lab == "Resultat"
    ws.cell(r, 1, lab).font = Font(bold=bold)
    for j, v in enumerate([b, c, c - b]):
        x = ws.cell(r, 2 + j, v); x.number_format = "#,##0" if j < 2 else "+#,##0;-#,##0;0"; x.font = Font(bold=bold)
ws.column_dimensions["A"].width = 36
for col in "BCD": ws.column_dimensions[col].width = 14

e = wb.create_sheet("Eget kapital")
e["A1"] = "Eget kapital (tkr)"; e["A1"].font = B
for i, h in enumerate(["", "2024", "2025", "2026"], 1):
    e.cell(3, i, h).font = B
for r, lab, vals in [(4, "Ingående eget kapital", [1480, 1650, 1670]), (5, "Årets resultat", [170, 20, -150]),
                     (6, "Utgående eget kapital", [1650, 1670, 1520]), (7, "20 % av intäkterna", [1790, 1850, 1926])]:
    e.cell(r, 1, lab)
    for j, v in enumerate(vals): e.cell(r, 2 + j, v).number_format = "#,##0"
e.column_dimensions["A"].width = 26
save_openpyxl(wb, "h12_halland_sodra.xlsx")
