"""x05: three-level hierarchy by cell indentation only (Alignment indent 1/2/3); every category row
carries the total of its breakdown (nested: Kostnader > Insatser > Individinriktade > lines);
all positive; tkr with one decimal, tkr stated in the title; Budget 2025 and Prognos 2025 side by
side; Förändring and Förändring % (Budget 2026 against Budget 2025); typed; 'Eget kapital 31/12'
row only under Prognos 2025 and Budget 2026. Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet VärNa (Värmdö och Nacka)"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Budget 2026 (tkr)"; ws["A2"].font = Font(bold=True)
for i, t in enumerate(["", "Budget 2025", "Prognos 2025", "Budget 2026", "Förändring", "Förändring %"], 1):
    c = ws.cell(4, i, t); c.font = B; c.border = Border(bottom=Side("thin"))
    c.alignment = Alignment(horizontal="right" if i > 1 else "left")

# row: (label, indent, bold, [Budget 2025, Prognos 2025, Budget 2026])
rows = [
    (5, "Intäkter", 0, True, [10400.0, 10400.0, 10800.0]),
    (6, "Försäkringskassan", 1, False, [5200.0, 5200.0, 5400.0]),
    (7, "Region Stockholm", 1, False, [2600.0, 2600.0, 2700.0]),
    (8, "Nacka kommun", 1, False, [1976.0, 1976.0, 2052.0]),
    (9, "Värmdö kommun", 1, False, [624.0, 624.0, 648.0]),
    (11, "Kostnader", 0, True, [10870.0, 10180.7, 11262.5]),
    (12, "Förbundsgemensamt", 1, True, [2035.0, 2009.4, 2121.5]),
    (13, "Styrelse", 2, False, [312.5, 287.9, 320.0]),
    (14, "Förbundschef och kansli", 2, False, [1480.0, 1492.6, 1545.0]),
    (15, "Revision", 2, False, [92.5, 88.0, 96.5]),
    (16, "Gemensam administration", 2, False, [150.0, 140.9, 160.0]),
    (17, "Insatser", 1, True, [8485.0, 8171.3, 8741.0]),
    (18, "Individinriktade insatser", 2, False, [7610.0, 7485.6, 7834.0]),
    (19, "Samordningsteam Nacka", 3, False, [4120.0, 4088.2, 4250.0]),
    (20, "Samordningsteam Värmdö", 3, False, [1890.0, 1844.9, 1960.0]),
    (21, "Unga till arbete", 3, False, [1600.0, 1552.5, 1624.0]),
    (22, "Strukturinriktade insatser", 2, False, [875.0, 685.7, 907.0]),
    (23, "Kompetensinsatser", 3, False, [625.0, 560.7, 657.0]),
    (24, "Utvärdering", 3, False, [250.0, 125.0, 250.0]),
    (25, "Ofördelade medel", 1, False, [350.0, 0.0, 400.0]),
    (27, "Resultat", 0, True, [-470.0, 219.3, -462.5]),
]
for r, lab, ind, bold, vals in rows:
    c = ws.cell(r, 1, lab); c.font = Font(bold=bold)
    if ind: c.alignment = Alignment(indent=ind)
    for j, v in enumerate(vals):
        x = ws.cell(r, 2 + j, v); x.number_format = "#,##0.0"; x.font = Font(bold=bold)
    d = round(vals[2] - vals[0], 1)
    x = ws.cell(r, 5, d); x.number_format = "+#,##0.0;-#,##0.0;0.0"
    if vals[0]:
        x = ws.cell(r, 6, round(d / vals[0], 3)); x.number_format = "0.0%"
ws["A29"] = "Eget kapital 31/12"; ws["A29"].font = Font(italic=True)
for col, v in (("C", 2846.8), ("D", 2384.3)):
    ws[f"{col}29"] = v; ws[f"{col}29"].number_format = "#,##0.0"; ws[f"{col}29"].font = Font(italic=True)
ws.column_dimensions["A"].width = 34
for c in "BCDEF": ws.column_dimensions[c].width = 13
save_openpyxl(wb, "x05_varna.xlsx")
