"""x11: accounting signs (revenue negative, 'Resultat (negativt = överskott)'); totals BELOW their
parts named like headings (bold 'Intäkter', 'Administration', 'Insatser', 'Kostnader'); 'tkr' in the
label column's header cell; one decimal in the Utfall column; XlsxWriter formulas with cached
values; equity rows under the budget in natural signs (Årets resultat = -Resultat). Clean."""
from _common import xw_workbook, xw_close

wb = xw_workbook("x11_vasteras.xlsx", author="Förbundskansliet")
ws = wb.add_worksheet("Budget")
b = wb.add_format({"bold": True})
n = wb.add_format({"num_format": "#,##0.0;-#,##0.0"})
nb = wb.add_format({"num_format": "#,##0.0;-#,##0.0", "bold": True, "top": 1})
nbe = wb.add_format({"num_format": "#,##0.0;-#,##0.0", "bold": True})
hb = wb.add_format({"bold": True, "align": "right", "bottom": 1})
hl = wb.add_format({"bold": True, "bottom": 1})
ws.write("A1", "Samordningsförbundet Västerås", wb.add_format({"bold": True, "font_size": 13}))
ws.write("A2", "Budget 2026 och plan 2027")
ws.write("A4", "tkr", hl)
for j, t in enumerate(["Utfall 2024", "Budget 2025", "Budget 2026", "Plan 2027"]):
    ws.write(3, 1 + j, t, hb)
COLS = "BCDE"
LINES = {
    5: ("Försäkringskassan", [-6750.0, -6900.0, -7100.0, -7300.0]),
    6: ("Region Västmanland", [-3375.0, -3450.0, -3550.0, -3650.0]),
    7: ("Västerås stad", [-3375.0, -3450.0, -3550.0, -3650.0]),
    8: ("Ränteintäkter", [-118.4, -80.0, -60.0, -50.0]),
    11: ("Styrelse", [402.7, 420.0, 430.0, 440.0]),
    12: ("Förbundschef/Kansli", [2188.3, 2300.0, 2380.0, 2450.0]),
    13: ("Revision", [121.5, 125.0, 130.0, 135.0]),
    16: ("Samordningsteam Västerås", [6205.9, 6500.0, 6800.0, 7000.0]),
    17: ("Samordningsteam unga vuxna", [2390.6, 2600.0, 2700.0, 2800.0]),
    18: ("Individinsatser", [1642.2, 1800.0, 1900.0, 1950.0]),
    19: ("Strukturinsatser", [488.1, 600.0, 650.0, 650.0]),
    20: ("Utvärdering", [75.0, 200.0, 250.0, 150.0]),
    23: ("Ofördelade medel", [0.0, 300.0, 400.0, 500.0]),
}
V = {}
for r, (lab, vals) in LINES.items():
    ws.write(r - 1, 0, lab)
    for j, v in enumerate(vals):
        ws.write_number(r - 1, 1 + j, v, n); V[(r, j)] = v


def tot(r, lab, parts, f, fmt=nb):
    ws.write(r - 1, 0, lab, b)
    for j, c in enumerate(COLS):
        V[(r, j)] = round(sum(k * V[(p, j)] for k, p in parts), 1)
        ws.write_formula(r - 1, 1 + j, f.format(c=c), fmt, V[(r, j)])


tot(9, "Intäkter", [(1, r) for r in range(5, 9)], "=SUM({c}5:{c}8)")
tot(14, "Administration", [(1, r) for r in range(11, 14)], "=SUM({c}11:{c}13)")
tot(21, "Insatser", [(1, r) for r in range(16, 21)], "=SUM({c}16:{c}20)")
tot(24, "Kostnader", [(1, 14), (1, 21), (1, 23)], "={c}14+{c}21+{c}23")
tot(26, "Resultat (negativt = överskott)", [(1, 9), (1, 24)], "={c}9+{c}24")
ws.write("A28", "Eget kapital", b)
ws.write("A29", "Ingående eget kapital")
ws.write("A30", "Årets resultat")
ws.write("A31", "Utgående eget kapital", b)
for j, c in enumerate(COLS):
    if j == 0:
        V[(29, 0)] = 4820.0; ws.write_number(28, 1, 4820.0, n)
    else:
        V[(29, j)] = V[(31, j - 1)]; ws.write_formula(28, 1 + j, f"={COLS[j-1]}31", n, V[(29, j)])
    V[(30, j)] = round(-V[(26, j)], 1); ws.write_formula(29, 1 + j, f"=-{c}26", n, V[(30, j)])
    V[(31, j)] = round(V[(29, j)] + V[(30, j)], 1); ws.write_formula(30, 1 + j, f"={c}29+{c}30", nbe, V[(31, j)])
ws.set_column(0, 0, 34); ws.set_column(1, 4, 13)
xw_close(wb)
