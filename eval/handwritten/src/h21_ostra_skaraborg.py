"""h21: bold category rows carry totals of '- ' rows; inside 'Strukturinriktade insatser' the row
'- Utbildningsinsatser' carries the two '- ' rows below it (same prefix); tkr stated in the title;
costs negative; some amounts stored as text ('5 400', '(1 310)', '−25' with U+2212); equity rows
under the budget. PLANTED: 'Individinriktade insatser' Budget 2025 typed -5 950 (parts -5 900)."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Östra Skaraborg – Budget 2026 (tkr)"; ws["A1"].font = Font(bold=True, size=13)
for i, h in enumerate(["", "Budget 2025", "Budget 2026"], 1):
    ws.cell(4, i, h).font = B
rows = [
    (5, "Intäkter", 10400, 10800), (6, "- Försäkringskassan", 5200, "5 400"),
    (7, "- Västra Götalandsregionen", 2600, 2700), (8, "- Kommunerna", "2 600", 2700),
    (9, "Styrelse och kansli", -1860, "−1 930"), (10, "- Styrelse", -340, -350),
    (11, "- Kansli", "(1 310)", -1360), (12, "- Revision", -210, -220),
    (13, "Individinriktade insatser", -5950, -6100),      # B13 planted (-5 900)
    (14, "- Samordningsteam Skövde", -2400, -2450), (15, "- Samordningsteam Mariestad", -1500, -1550),
    (16, "- Samordningsteam Falköping", -1100, -1150), (17, "- Stöd till unga vuxna", -900, -950),
    (18, "Strukturinriktade insatser", -605, -640),
    (19, "- Utbildningsinsatser", -380, -420),
    (20, "- Utbildning i motiverande samtal", -250, -270), (21, "- Handledning", -130, -150),
    (22, "- Kartläggning", -200, -180), (23, "- Samverkanskonferens", "−25", -40),
    (24, "Ofördelade medel", -1500, -2100),
    (25, "SUMMA KOSTNADER", -9915, -10770), (26, "RESULTAT", 485, 30),
    (28, "Eget kapital 1 januari", 1600, 2085), (29, "Årets resultat", 485, 30),
    (30, "Eget kapital 31 december", 2085, 2115),
]
for r, lab, b, c in rows:
    bold = not lab.startswith("- ") and r < 28
    ws.cell(r, 1, lab).font = Font(bold=bold)
    for col, v in ((2, b), (3, c)):
        x = ws.cell(r, col, v); x.font = Font(bold=bold)
        if isinstance(v, str): x.alignment = Alignment(horizontal="right")
        else: x.number_format = "#,##0"
ws.column_dimensions["A"].width = 40; ws.column_dimensions["B"].width = 14; ws.column_dimensions["C"].width = 14
save_openpyxl(wb, "h21_ostra_skaraborg.xlsx")
