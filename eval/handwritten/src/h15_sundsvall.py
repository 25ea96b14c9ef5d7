"""h15: hierarchy by cell indentation (and leading spaces), accounting signs, costs BEFORE income,
heading + 'Summa' rows, typed, a few amounts stored as text. PLANTED: 'Summa individinsatser'
Budget 2025 typed 6 960 000 (parts sum to 6 950 000); Summa kostnader and Resultat add it."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Resultatbudget"
ws["A1"] = "Samordningsförbundet Sundsvall"; ws["A1"].font = Font(bold=True, size=14)
for i, h in enumerate(["Resultatbudget, kr", "Budget 2025", "Budget 2026"], 1):
    ws.cell(3, i, h).font = Font(bold=True)
rows = [
    (4, "Kostnader", 0, None, None), (5, "Förvaltning", 1, None, None),
    (6, "Styrelse", 2, 390000, 400000), (7, "Kansli", 2, "1 310 000", 1360000),
    (8, "Ekonomi och revision", 2, 220000, 230000), (9, "Summa förvaltning", 1, 1920000, 1990000),
    (10, "Individinsatser", 1, None, None),
    (11, "Samordningsteam Sundsvall", 2, 3600000, "3 700 000"), (12, "Samordningsteam Timrå", 2, 1400000, 1450000),
    (13, "Samordningsteam Ånge", 2, 700000, 720000), (14, "Arbetsrehabilitering i samverkan", 2, 1250000, 1300000),
    (15, "Summa individinsatser", 1, 6960000, 7170000),     # B15 planted (6 950 000)
    (16, "Strukturinsatser", 1, None, None),
    (17, "Kompetensutveckling", 2, 450000, 480000), (18, "Metodutveckling", 2, 300000, 250000),
    (19, "Summa strukturinsatser", 1, 750000, 730000),
    (20, "Ofördelade medel", 1, 500000, 700000),
    (21, "Summa kostnader", 0, 10130000, 10590000),
    (23, "Intäkter", 0, None, None),
    (24, "  Försäkringskassan", 1, -5100000, -5300000), (25, "  Region Västernorrland", 1, "-2 550 000", -2650000),
    (26, "  Kommunerna", 1, -2550000, -2650000), (27, "Summa intäkter", 0, -10200000, -10600000),
    (29, "Resultat (negativt belopp = överskott)", 0, -70000, -10000),
]
for r, lab, ind, b, c in rows:
    cell = ws.cell(r, 1, lab); cell.alignment = Alignment(indent=ind)
    if ind == 0: cell.font = Font(bold=True)
    for col, v in ((2, b), (3, c)):
        if v is None: continue
        x = ws.cell(r, col, v)
        if isinstance(v, str): x.alignment = Alignment(horizontal="right")
        else: x.number_format = "#,##0"
        if ind == 0: x.font = Font(bold=True)
ws.column_dimensions["A"].width = 40; ws.column_dimensions["B"].width = 14; ws.column_dimensions["C"].width = 14
save_openpyxl(wb, "h15_sundsvall.xlsx")
