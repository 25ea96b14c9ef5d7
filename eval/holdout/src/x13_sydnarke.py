"""x13: columns in DESCENDING order (Plan 2028, Plan 2027, Budget 2026, Prognos 2025); income rows at
the top with no heading; category rows with no formatting carry the totals of the cell-indented
rows below them; costs negative; kr; typed; 'Budgeterat resultat'; an equity table below the budget
with the years as rows (År / Ingående / Årets resultat / Utgående / Max 20 % av intäkterna). Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Sydnärke"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Förslag till budget 2026 och plan 2027–2028 (kr)"
heads = ["", "Plan 2028", "Plan 2027", "Budget 2026", "Prognos 2025"]
for i, t in enumerate(heads, 1):
    c = ws.cell(4, i, t); c.font = B; c.border = Border(bottom=Side("thin")); c.alignment = Alignment(horizontal="right")
# values in chronological order 2025, 2026, 2027, 2028; written right to left
rows = [
    (5, "Försäkringskassan", 0, [3800000, 3900000, 4000000, 4000000]),
    (6, "Region Örebro län", 0, [1900000, 1950000, 2000000, 2000000]),
    (7, "Askersunds kommun", 0, [334000, 343000, 352000, 352000]),
    (8, "Hallsbergs kommun", 0, [486000, 499000, 512000, 512000]),
    (9, "Kumla kommun", 0, [669000, 686000, 704000, 704000]),
    (10, "Laxå kommun", 0, [168000, 172000, 176000, 176000]),
    (11, "Lekebergs kommun", 0, [243000, 250000, 256000, 256000]),
    (12, "Summa intäkter", 0, [7600000, 7800000, 8000000, 8000000]),
    (14, "Gemensamma kostnader", 0, [-1669000, -1733000, -1782000, -1831000]),
    (15, "Styrelse", 1, [-215000, -225000, -230000, -235000]),
    (16, "Förbundschef/Kansli", 1, [-1290000, -1340000, -1380000, -1420000]),
    (17, "Revision", 1, [-68000, -70000, -72000, -74000]),
    (18, "Lokaler", 1, [-96000, -98000, -100000, -102000]),
    (19, "Insatser", 0, [-5510000, -6000000, -6100000, -6150000]),
    (20, "Samordningsteam Sydnärke", 1, [-3650000, -3800000, -3900000, -3950000]),
    (21, "Individinsatser", 1, [-1420000, -1600000, -1650000, -1650000]),
    (22, "Strukturinsatser", 1, [-380000, -450000, -450000, -450000]),
    (23, "Utvärdering", 1, [-60000, -150000, -100000, -100000]),
    (24, "Ofördelade medel", 0, [0, -250000, -300000, -300000]),
    (25, "Summa kostnader", 0, [-7179000, -7983000, -8182000, -8281000]),
    (27, "Budgeterat resultat", 0, [421000, -183000, -182000, -281000]),
]
for r, lab, ind, vals in rows:
    c = ws.cell(r, 1, lab)
    if ind: c.alignment = Alignment(indent=ind)
    if r in (12, 25, 27): c.font = B
    for j, v in enumerate(reversed(vals)):
        x = ws.cell(r, 2 + j, v); x.number_format = "#,##0;-#,##0"
        if r in (12, 25, 27): x.font = B
ws["A30"] = "Eget kapital"; ws["A30"].font = B
for i, t in enumerate(["År", "Ingående eget kapital", "Årets resultat", "Utgående eget kapital", "Max 20 % av intäkterna"], 1):
    c = ws.cell(31, i, t); c.font = B; c.alignment = Alignment(wrap_text=True, horizontal="right" if i > 1 else "left")
eq = [(2025, 1480000, 421000, 1901000, 1520000), (2026, 1901000, -183000, 1718000, 1560000),
      (2027, 1718000, -182000, 1536000, 1600000), (2028, 1536000, -281000, 1255000, 1600000)]
for i, row in enumerate(eq):
    for j, v in enumerate(row):
        x = ws.cell(32 + i, 1 + j, v)
        x.number_format = "0" if j == 0 else "#,##0;-#,##0"
        if j == 0: x.alignment = Alignment(horizontal="left")
ws["A37"] = "2025 enligt prognos per augusti."; ws["A37"].font = Font(italic=True, size=9)
ws.column_dimensions["A"].width = 30
for c in "BCDE": ws.column_dimensions[c].width = 14
ws.row_dimensions[31].height = 30
save_openpyxl(wb, "x13_sydnarke.xlsx")
