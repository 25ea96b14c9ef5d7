"""x07: all positive, kr with exact öre-free kronor in the prognos, a blank spacer column C between
Prognos 2025 and Budget 2026; 'Verksamhetens intäkter' / 'Verksamhetens kostnader', then
'Resultat före finansiella poster', Finansiella intäkter / kostnader and 'Årets resultat'; typed.
Eget kapital on its own sheet with the years as columns (IB / Årets resultat / UB) and a
'Högsta nivå enligt riktlinjen (20 % av intäkterna)' row that is not equity.
PLANTED: 'Eget kapital'!D6 UB 2027 typed 3 010 847 while IB 3 090 847 + resultat -120 000 =
2 970 847 (+40 000, the result of an earlier draft, -80 000, was used); IB 2028 (E4) and UB 2028 (E6) were carried on from it (consequential)."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Södra Vätterbygden"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Budget 2026 och plan 2027–2028. Belopp i kronor."
for col, t in zip("ABDEF", ["", "Prognos 2025", "Budget 2026", "Plan 2027", "Plan 2028"]):
    c = ws[f"{col}4"]; c.value = t; c.font = B; c.alignment = Alignment(horizontal="right")
    c.border = Border(bottom=Side("thin"))
AM = "BDEF"
rows = [
    (5, "Intäkter", None, True),
    (6, "Staten via Försäkringskassan", [9800000, 10000000, 10250000, 10500000], False),
    (7, "Region Jönköpings län", [4900000, 5000000, 5125000, 5250000], False),
    (8, "Jönköpings kommun", [4214000, 4300000, 4407500, 4515000], False),
    (9, "Habo kommun", [411600, 420000, 430500, 441000], False),
    (10, "Mullsjö kommun", [274400, 280000, 287000, 294000], False),
    (11, "Verksamhetens intäkter", [19600000, 20000000, 20500000, 21000000], True),
    (13, "Kostnader", None, True),
    (14, "Styrelse", [312846, 340000, 350000, 360000], False),
    (15, "Förbundschef och kansli", [2318452, 2450000, 2520000, 2600000], False),
    (16, "Revision", [118750, 125000, 130000, 135000], False),
    (17, "Gemensam administration", [486213, 520000, 540000, 560000], False),
    (18, "Samordningsteam Jönköping", [8204519, 8600000, 8900000, 9200000], False),
    (19, "Samordningsteam Habo/Mullsjö", [1562088, 1650000, 1700000, 1750000], False),
    (20, "Individinsatser", [3891604, 4300000, 4965000, 5000000], False),
    (21, "Strukturinsatser", [1040377, 1250000, 1300000, 1350000], False),
    (22, "Utvärdering", [182500, 300000, 250000, 250000], False),
    (23, "Verksamhetens kostnader", [18117349, 19535000, 20655000, 21205000], True),
    (25, "Resultat före finansiella poster", [1482651, 465000, -155000, -205000], True),
    (26, "Finansiella intäkter", [92316, 60000, 40000, 40000], False),
    (27, "Finansiella kostnader", [4120, 5000, 5000, 5000], False),
    (28, "Årets resultat", [1570847, 520000, -120000, -170000], True),
]
for r, lab, vals, bold in rows:
    ws.cell(r, 1, lab).font = Font(bold=bold)
    for j, v in enumerate(vals or []):
        c = ws[f"{AM[j]}{r}"]; c.value = v; c.number_format = "#,##0"; c.font = Font(bold=bold)
ws.column_dimensions["A"].width = 36; ws.column_dimensions["C"].width = 2
for c in AM: ws.column_dimensions[c].width = 14

e = wb.create_sheet("Eget kapital")
e["A1"] = "Eget kapital 2025–2028 (kronor)"; e["A1"].font = Font(bold=True, size=12)
for j, y in enumerate([2025, 2026, 2027, 2028]):
    c = e.cell(3, 2 + j, y); c.font = B; c.number_format = "0"; c.alignment = Alignment(horizontal="right")
eq = [
    (4, "Ingående eget kapital", [1000000, 2570847, 3090847, 3010847]),
    (5, "Årets resultat", [1570847, 520000, -120000, -170000]),
    (6, "Utgående eget kapital", [2570847, 3090847, 3010847, 2840847]),   # D6 planted, E4/E6 follow
    (8, "Högsta nivå enligt riktlinjen (20 % av intäkterna)", [3938463, 4012000, 4108000, 4208000]),
]
for r, lab, vals in eq:
    e.cell(r, 1, lab).font = Font(bold=(r == 6), italic=(r == 8))
    for j, v in enumerate(vals):
        c = e.cell(r, 2 + j, v); c.number_format = "#,##0;-#,##0"; c.font = Font(bold=(r == 6), italic=(r == 8))
e["A10"] = "2025 avser prognos. Intäkterna i riktlinjen inklusive finansiella intäkter."
e["A10"].font = Font(italic=True, size=9)
e.column_dimensions["A"].width = 48
for c in "BCDE": e.column_dimensions[c].width = 13
save_openpyxl(wb, "x07_sodra_vatterbygden.xlsx")
