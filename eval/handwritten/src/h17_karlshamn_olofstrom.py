"""h17: income rows at the top with no heading; totals BELOW their parts named like headings
('Intäkter', 'Administration', 'Insatser', 'Kostnader'); costs negative; kr; typed; an unrelated
'Medlemsbidrag' sheet. PLANTED: 'Intäkter' Budget 2026 typed 3 890 000 (parts 3 900 000)."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Karlshamn-Olofström"; ws["A1"].font = Font(bold=True, size=14)
ws["B3"] = "Budget 2025"; ws["C3"] = "Budget 2026"; ws["B3"].font = B; ws["C3"].font = B
rows = [
    (4, "Försäkringskassan", 1900000, 1950000, False), (5, "Region Blekinge", 950000, 975000, False),
    (6, "Karlshamns kommun", 650000, 665000, False), (7, "Olofströms kommun", 300000, 310000, False),
    (8, "Intäkter", 3800000, 3890000, True),       # C8 planted (3 900 000)
    (10, "Styrelsearvoden", -140000, -145000, False), (11, "Förbundschef", -560000, -580000, False),
    (12, "Kontor och IT", -90000, -95000, False), (13, "Administration", -790000, -820000, True),
    (15, "Samordningsteam Karlshamn", -1300000, -1350000, False),
    (16, "Samordningsteam Olofström", -700000, -720000, False), (17, "Ung framtid", -500000, -520000, False),
    (18, "Kompetensutveckling", -200000, -220000, False), (19, "Ofördelade medel", -250000, -300000, False),
    (20, "Insatser", -2950000, -3110000, True),
    (22, "Kostnader", -3740000, -3930000, True),
    (24, "Resultat", 60000, -40000, True),
]
for r, lab, b, c, bold in rows:
    ws.cell(r, 1, lab).font = Font(bold=bold)
    for col, v in ((2, b), (3, c)):
        x = ws.cell(r, col, v); x.number_format = "#,##0"; x.font = Font(bold=bold)
ws.column_dimensions["A"].width = 32; ws.column_dimensions["B"].width = 14; ws.column_dimensions["C"].width = 14
m = wb.create_sheet("Medlemsbidrag")
m["A1"] = "Medlemsbidrag per part"; m["A1"].font = B
for i, h in enumerate(["Part", "Andel", "Invånare 2024-11-01", "2025", "2026"], 1):
    m.cell(3, i, h).font = B
mem = [("Försäkringskassan", "50 %", None, 1900000, 1950000), ("Region Blekinge", "25 %", None, 950000, 975000),
       ("Karlshamns kommun", "17,1 %", 32600, 650000, 665000), ("Olofströms kommun", "7,9 %", 13300, 300000, 310000)]
for i, row in enumerate(mem):
    for j, v in enumerate(row):
        if v is not None:
            c = m.cell(4 + i, 1 + j, v)
            if j >= 2: c.number_format = "#,##0"
m["A8"] = "Totalt"; m["D8"] = 3800000; m["E8"] = 3900000; m["A8"].font = B
for col in "DE": m[f"{col}8"].number_format = "#,##0"
m.column_dimensions["A"].width = 22; m.column_dimensions["C"].width = 20
save_openpyxl(wb, "h17_karlshamn_olofstrom.xlsx")
