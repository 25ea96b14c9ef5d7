"""h07: numbers partly stored as text ('1 300 000', '−155 000' with U+2212, '(150 000)'),
category rows carry totals of '- ' rows (no bold), costs negative, kr, income rows at the top
without any heading, SUMMA rows after the costs, a blank column C between the years.
PLANTED: RESULTAT Budget 2025 typed 282 000, true 228 000."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Blad1"
B = Font(bold=True)
ws["A1"] = "Finsam Göteborg Nordost"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Budget 2025 och 2026"
ws["B4"] = "Budget 2025"; ws["D4"] = "Budget 2026"; ws["B4"].font = B; ws["D4"].font = B
rows = [
    (5, "Försäkringskassan", 2600000, "2 650 000"),
    (6, "Västra Götalandsregionen", 1300000, 1325000),
    (7, "Göteborgs Stad", "1 300 000", 1325000),
    (8, "Ränteintäkter", 8000, 5000),
    (10, "Styrelse och administration", "−1 020 000", -1060000),
    (11, "- Styrelsearvoden", -150000, "−155 000"),
    (12, "- Förbundschef och administratör", -720000, -750000),
    (13, "- Lokaler, IT, revision", "(150 000)", -155000),
    (14, "Individinriktade insatser", -3380000, "−3 490 000"),
    (15, "- Samordningsteam Nordost", -1900000, -1950000),
    (16, "- Aktivitetsstöd unga", -780000, "−800 000"),
    (17, "- Motivationsgrupper", -400000, -420000),
    (18, "- Psykosocialt stöd", -300000, "(320 000)"),
    (19, "Strukturinriktade insatser", -280000, -310000),
    (20, "- Kompetensutveckling", -220000, -240000),
    (21, "- Samverkansdagar", -60000, -70000),
    (22, "Ofördelade medel", -300000, -400000),
    (24, "Summa intäkter", 5208000, 5305000),
    (25, "Summa kostnader", -4980000, "−5 260 000"),
    (26, "RESULTAT", 282000, 45000),   # B26 planted (true 228 000)
]
for r, lab, b, d in rows:
    ws.cell(r, 1, lab).font = Font(bold=r >= 24)
    for col, v in ((2, b), (4, d)):
        c = ws.cell(r, col, v)
        if isinstance(v, str): c.alignment = Alignment(horizontal="right")
        else: c.number_format = "#,##0"
        if r >= 24: c.font = B
ws.column_dimensions["A"].width = 36; ws.column_dimensions["C"].width = 3
save_openpyxl(wb, "h07_goteborg_nordost.xlsx")
