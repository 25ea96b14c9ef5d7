"""x02: account numbers in a column of their own (A), accounting signs (revenue negative, costs
positive), 'Belopp i tkr' in a cell above the header, typed totals, 'Resultat före finansiella
poster' followed by financial items and 'Årets resultat (negativt = överskott)'.
PLANTED: E23 'Summa verksamhetens kostnader' Budget 2026 typed 100 tkr too low (12 899 instead of
12 999); the typed E25 and E29 were worked out from it (consequential)."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Resultatbudget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Gävle och Älvkarleby"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Resultatbudget 2026 (fastställd av förbundsstyrelsen 2025-10-16)"
ws["C3"] = "Belopp i tkr"; ws["C3"].font = Font(italic=True)
for i, t in enumerate(["Konto", "Benämning", "Utfall 2024", "Budget 2025", "Budget 2026"], 1):
    c = ws.cell(4, i, t); c.font = B; c.border = Border(bottom=Side("thin"))
    if i >= 3: c.alignment = Alignment(horizontal="right")

rows = [
    (5, None, "Verksamhetens intäkter", None, True),
    (6, 3011, "Medlemsbidrag Försäkringskassan", [-6250, -6400, -6600], False),
    (7, 3012, "Medlemsbidrag Region Gävleborg", [-3125, -3200, -3300], False),
    (8, 3013, "Medlemsbidrag Gävle kommun", [-2735, -2800, -2890], False),
    (9, 3014, "Medlemsbidrag Älvkarleby kommun", [-390, -400, -410], False),
    (10, 3990, "Övriga intäkter", [-184, -50, 0], False),
    (11, None, "Summa verksamhetens intäkter", [-12684, -12850, -13200], True),
    (13, None, "Verksamhetens kostnader", None, True),
    (14, 4010, "Köp av insatser, samordningsteam", [5610, 5900, 6950], False),
    (15, 4020, "Köp av insatser, individinsatser", [2214, 2400, 2500], False),
    (16, 4030, "Strukturinsatser", [640, 700, 750], False),
    (17, 5010, "Löner kansli", [1398, 1450, 1510], False),
    (18, 5410, "Sociala avgifter kansli", [439, 456, 474], False),
    (19, 6420, "Styrelsearvoden", [186, 200, 210], False),
    (20, 6530, "Revision", [92, 95, 100], False),
    (21, 6550, "Utvärdering och konsulttjänster", [120, 150, 160], False),
    (22, 6990, "Övriga förvaltningskostnader", [318, 330, 345], False),
    (23, None, "Summa verksamhetens kostnader", [11017, 11681, 12899], True),   # 2026 true 12 999
    (25, None, "Resultat före finansiella poster", [-1667, -1169, -301], True),  # 2026 true -201
    (27, 8311, "Ränteintäkter", [-61, -40, -25], False),
    (28, 8490, "Bankkostnader", [9, 10, 10], False),
    (29, None, "Årets resultat (negativt = överskott)", [-1719, -1199, -316], True),  # 2026 true -216
]
for r, acc, lab, vals, bold in rows:
    if acc: ws.cell(r, 1, acc)
    ws.cell(r, 2, lab).font = Font(bold=bold)
    for j, v in enumerate(vals or []):
        c = ws.cell(r, 3 + j, v); c.number_format = "#,##0;-#,##0"; c.font = Font(bold=bold)
ws["B31"] = "Negativt belopp = intäkt/överskott, positivt belopp = kostnad/underskott."
ws["B31"].font = Font(italic=True, size=9)
ws.column_dimensions["A"].width = 8; ws.column_dimensions["B"].width = 40
for c in "CDE": ws.column_dimensions[c].width = 13
save_openpyxl(wb, "x02_gavle_alvkarleby.xlsx")
