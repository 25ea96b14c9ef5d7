"""x09: accounting signs (revenue negative, 'Årets resultat (negativt = överskott)'), tkr with one
decimal, '(tkr)' in every header; category rows with no formatting carry the totals of the '- '
rows below them; an 'Andel av kostnaderna 2026' column; typed; equity as a memo text followed by
'Eget kapital 1/1' and 'Eget kapital 31/12' rows (positive amounts, UB = IB - resultat).
PLANTED: C28 'Årets resultat' Budget 2026 typed 510,0 tkr, worked out without the Ränteintäkter
(-30,0); the true result is 480,0 tkr. The equity rows were carried on from it: C32, D31, D32
(consequential)."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Trelleborg"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Driftbudget 2026 och plan 2027"
for i, t in enumerate(["Post", "Prognos 2025 (tkr)", "Budget 2026 (tkr)", "Plan 2027 (tkr)", "Andel av kostnaderna 2026"], 1):
    c = ws.cell(4, i, t); c.font = B; c.alignment = Alignment(wrap_text=True, horizontal="left" if i == 1 else "right")
    c.border = Border(bottom=Side("thin"))
rows = [
    (5, "Medlemsbidrag", [-7200.0, -7400.0, -7600.0]),
    (6, "- Försäkringskassan", [-3600.0, -3700.0, -3800.0]),
    (7, "- Region Skåne", [-1800.0, -1850.0, -1900.0]),
    (8, "- Trelleborgs kommun", [-1800.0, -1850.0, -1900.0]),
    (9, "Ränteintäkter", [-42.6, -30.0, -25.0]),
    (10, "Summa intäkter", [-7242.6, -7430.0, -7625.0]),
    (12, "Förvaltning", [1871.5, 1970.0, 2027.5]),
    (13, "- Styrelse", [286.4, 300.0, 310.0]),
    (14, "- Förbundschef/Kansli", [1312.8, 1380.0, 1420.0]),
    (15, "- Revision", [78.0, 80.0, 82.5]),
    (16, "- Gemensam administration", [194.3, 210.0, 215.0]),
    (17, "Individinsatser", [5153.8, 5520.0, 5660.0]),
    (18, "- Samordningsteam Trelleborg", [2940.2, 3100.0, 3180.0]),
    (19, "- Arbetsträning Steget vidare", [1165.7, 1250.0, 1280.0]),
    (20, "- Ungdomsinsatsen", [742.9, 820.0, 840.0]),
    (21, "- Köpta insatser", [305.0, 350.0, 360.0]),
    (22, "Strukturinsatser", [136.5, 270.0, 210.0]),
    (23, "- Kompetensutveckling", [96.5, 150.0, 150.0]),
    (24, "- Utvärdering", [40.0, 120.0, 60.0]),
    (25, "Ofördelade medel", [0.0, 150.0, 200.0]),
    (26, "Summa kostnader", [7161.8, 7910.0, 8097.5]),
    (28, "Årets resultat (negativt = överskott)", [-80.8, 510.0, 472.5]),   # C28 planted, true 480,0
]
for r, lab, vals in rows:
    ws.cell(r, 1, lab)
    for j, v in enumerate(vals):
        ws.cell(r, 2 + j, v).number_format = "#,##0.0;-#,##0.0"
    if 12 <= r <= 26:
        ws.cell(r, 5, round(vals[1] / 7910.0, 3)).number_format = "0.0%"
ws.merge_cells("A30:D30")
ws["A30"] = "Not: eget kapital beräknat utifrån prognos 2025 och budgeterat resultat (positivt belopp = eget kapital)."
ws["A30"].font = Font(italic=True, size=9)
for r, lab, vals in [(31, "Eget kapital 1/1", [2150.0, 2230.8, 1720.8]),
                     (32, "Eget kapital 31/12", [2230.8, 1720.8, 1248.3])]:
    ws.cell(r, 1, lab)
    for j, v in enumerate(vals):
        ws.cell(r, 2 + j, v).number_format = "#,##0.0"
ws.column_dimensions["A"].width = 38
for c in "BCDE": ws.column_dimensions[c].width = 14
ws.row_dimensions[4].height = 30
save_openpyxl(wb, "x09_trelleborg.xlsx")
