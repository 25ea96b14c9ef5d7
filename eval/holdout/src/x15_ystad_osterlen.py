"""x15: every amount on the budget sheet is TEXT in tkr with one decimal, a no-break space as the
thousands separator and U+2212 as the minus sign ('−1 742,8'), as if pasted from a document; costs
negative; bold category rows carry the totals of the '- ' rows below them; an italic
'varav lönekostnader' row; 'Belopp i tkr' on the second row; 'Övriga intäkter', 'Utvärdering' and
'Ofördelade medel' are plain rows outside any category. Eget kapital on its own sheet, UB only
(numbers), with a 'Max 20 % av intäkterna' row. Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl, sv1nb

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Ystad-Österlen – budget 2026 med plan 2027"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Belopp i tkr"
for i, t in enumerate(["", "Budget 2025", "Budget 2026", "Plan 2027"], 1):
    c = ws.cell(4, i, t); c.font = B; c.border = Border(bottom=Side("thin")); c.alignment = Alignment(horizontal="right")
rows = [
    (5, "Medlemsbidrag", [8800.0, 9000.0, 9200.0], "b"),
    (6, "- Försäkringskassan", [4400.0, 4500.0, 4600.0], ""),
    (7, "- Region Skåne", [2200.0, 2250.0, 2300.0], ""),
    (8, "- Ystads kommun", [821.7, 840.4, 859.0], ""),
    (9, "- Simrishamns kommun", [503.6, 515.1, 526.5], ""),
    (10, "- Tomelilla kommun", [357.8, 366.0, 374.1], ""),
    (11, "- Sjöbo kommun", [516.9, 528.5, 540.4], ""),
    (12, "Övriga intäkter", [35.0, 20.0, 20.0], ""),
    (13, "Summa intäkter", [8835.0, 9020.0, 9220.0], "b"),
    (15, "Administration", [-2305.7, -2393.0, -2465.0], "b"),
    (16, "- Styrelse", [-265.5, -275.0, -282.0], ""),
    (17, "- Förbundschef/Kansli", [-1742.8, -1810.0, -1865.0], ""),
    (18, "varav lönekostnader", [-1395.0, -1450.0, -1492.0], "i"),
    (19, "- Revision", [-85.0, -88.0, -90.0], ""),
    (20, "- Gemensam administration", [-212.4, -220.0, -228.0], ""),
    (21, "Insatser", [-6380.0, -6640.0, -6850.0], "b"),
    (22, "- Samordningsteam Ystad", [-2950.0, -3050.0, -3150.0], ""),
    (23, "- Samordningsteam Österlen", [-2180.0, -2260.0, -2330.0], ""),
    (24, "- Individinsatser", [-940.0, -990.0, -1020.0], ""),
    (25, "- Strukturinsatser", [-310.0, -340.0, -350.0], ""),
    (26, "Utvärdering", [-120.0, -150.0, -100.0], ""),
    (27, "Ofördelade medel", [-150.0, -80.0, -60.0], ""),
    (28, "Summa kostnader", [-8955.7, -9263.0, -9475.0], "b"),
    (30, "Resultat", [-120.7, -243.0, -255.0], "b"),
]
for r, lab, vals, kind in rows:
    c = ws.cell(r, 1, lab)
    if kind == "b": c.font = B
    if kind == "i": c.font = Font(italic=True); c.alignment = Alignment(indent=2)
    for j, v in enumerate(vals):
        x = ws.cell(r, 2 + j, sv1nb(v, minus="\u2212")); x.alignment = Alignment(horizontal="right")
        if kind == "b": x.font = B
        if kind == "i": x.font = Font(italic=True)
ws.column_dimensions["A"].width = 32
for c in "BCD": ws.column_dimensions[c].width = 13

e = wb.create_sheet("Eget kapital")
e["A1"] = "Eget kapital (tkr)"; e["A1"].font = Font(bold=True, size=12)
for j, y in enumerate([2025, 2026, 2027]):
    c = e.cell(3, 2 + j, y); c.font = B; c.number_format = "0"
e["A4"] = "Eget kapital 31/12"; e["A4"].font = B
e["A5"] = "Max 20 % av intäkterna"; e["A5"].font = Font(italic=True)
for j, (ub, cap) in enumerate([(1829.3, 1767.0), (1586.3, 1804.0), (1331.3, 1844.0)]):
    e.cell(4, 2 + j, ub).number_format = "#,##0.0"
    x = e.cell(5, 2 + j, cap); x.number_format = "#,##0.0"; x.font = Font(italic=True)
e["A7"] = "Beräknat utifrån budgeterat resultat respektive år."
e["A7"].font = Font(italic=True, size=9)
e.column_dimensions["A"].width = 28
save_openpyxl(wb, "x15_ystad_osterlen.xlsx")
