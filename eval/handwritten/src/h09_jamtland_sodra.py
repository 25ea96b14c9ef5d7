"""h09: totals BELOW their parts but named like headings (bold 'Intäkter' under the income rows,
'Administration' and 'Insatser' under their rows, 'Kostnader' under both); everything positive;
tkr with one decimal, 'tkr' in the headers; typed; 'Eget kapital 31/12' only."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Jämtland Södra"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Budget 2026"
for i, h in enumerate(["", "Utfall 2024 tkr", "Budget 2025 tkr", "Budget 2026 tkr"], 1):
    ws.cell(4, i, h).font = B
rows = [
    (5, "Försäkringskassan", [1275.0, 1300.0, 1325.0], False),
    (6, "Region Jämtland Härjedalen", [637.5, 650.0, 662.5], False),
    (7, "Kommunerna", [637.5, 650.0, 662.5], False),
    (8, "Ränteintäkter", [3.2, 2.0, 1.5], False),
    (9, "Intäkter", [2553.2, 2602.0, 2651.5], True),
    (11, "Styrelsearvoden", [95.4, 100.0, 105.0], False),
    (12, "Förbundschef 50 %", [410.8, 425.0, 440.0], False),
    (13, "Ekonomi, revision och försäkring", [88.3, 92.0, 95.5], False),
    (14, "Administration", [594.5, 617.0, 640.5], True),
    (16, "Samordningsteam Östersund", [980.0, 1000.0, 1050.0], False),
    (17, "Samordningsteam Härjedalen", [450.5, 480.0, 500.0], False),
    (18, "Lotsverksamhet unga", [320.0, 350.5, 360.0], False),
    (19, "Kompetensutveckling", [110.2, 150.0, 150.0], False),
    (20, "Insatser", [1860.7, 1980.5, 2060.0], True),
    (22, "Kostnader", [2455.2, 2597.5, 2700.5], True),
    (24, "Resultat", [98.0, 4.5, -49.0], True),
    (26, "Eget kapital 31/12", [412.6, 417.1, 368.1], False),
]
for r, lab, vals, bold in rows:
    ws.cell(r, 1, lab).font = Font(bold=bold)
    for j, v in enumerate(vals):
        c = ws.cell(r, 2 + j, v); c.number_format = "#,##0.0"; c.font = Font(bold=bold)
ws.column_dimensions["A"].width = 34
for col in "BCD": ws.column_dimensions[col].width = 16
save_openpyxl(wb, "h09_jamtland_sodra.xlsx")
