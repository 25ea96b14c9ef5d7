"""x01: two-row header (kind word above, year as a number below), five columns
Bokslut 2024 / Prognos 2025 / Budget 2026 / Plan 2027 / Plan 2028, kr, costs negative,
blocks closed only by 'Summa' rows (no headings), XlsxWriter formulas with cached values,
Kommentar column, equity rows under the budget and a 'Max 20 % av intäkterna' row. Clean."""
from _common import xw_workbook, xw_close

wb = xw_workbook("x01_vasterbergslagen.xlsx", author="Förbundsekonom")
ws = wb.add_worksheet("Budget 2026-2028")
b = wb.add_format({"bold": True})
h = wb.add_format({"bold": True, "align": "right", "bottom": 1})
yr = wb.add_format({"bold": True, "align": "right", "num_format": "0", "bottom": 1})
n = wb.add_format({"num_format": "#,##0;-#,##0"})
nb = wb.add_format({"num_format": "#,##0;-#,##0", "bold": True})
it = wb.add_format({"italic": True, "font_color": "#595959"})
itn = wb.add_format({"italic": True, "font_color": "#595959", "num_format": "#,##0"})

ws.write("A1", "Samordningsförbundet Västerbergslagen", wb.add_format({"bold": True, "font_size": 14}))
ws.write("A2", "Verksamhetsplan med budget 2026 och plan 2027–2028. Belopp i kronor.")
kinds = ["Bokslut", "Prognos", "Budget", "Plan", "Plan"]
years = [2024, 2025, 2026, 2027, 2028]
COLS = "BCDEF"
for j, (k, y) in enumerate(zip(kinds, years)):
    ws.write(3, 1 + j, k, h)
    ws.write(4, 1 + j, y, yr)
ws.write(4, 0, "", h)
ws.write(4, 6, "Kommentar", b)

L = {  # row -> (label, five values, comment)
    6: ("Försäkringskassan", [3200000, 3300000, 3400000, 3400000, 3500000], None),
    7: ("Region Dalarna", [1600000, 1650000, 1700000, 1700000, 1750000], None),
    8: ("Ludvika kommun", [1130000, 1165000, 1200000, 1200000, 1235000], "Fördelning efter invånarantal"),
    9: ("Smedjebackens kommun", [470000, 485000, 500000, 500000, 515000], None),
    10: ("Ränteintäkter", [38412, 30000, 20000, 15000, 15000], None),
    13: ("Styrelse", [-212380, -230000, -240000, -245000, -250000], None),
    14: ("Revision", [-58750, -60000, -65000, -65000, -70000], None),
    15: ("Förbundschef", [-1012460, -1050000, -1090000, -1120000, -1150000], None),
    16: ("Kansli och administration", [-421905, -450000, -470000, -480000, -490000], "Ekonomitjänst köps av Ludvika kommun"),
    19: ("Samordningsteam Ludvika", [-2104300, -2250000, -2350000, -2400000, -2450000], None),
    20: ("Samordningsteam Smedjebacken", [-906115, -980000, -1020000, -1050000, -1080000], None),
    21: ("Individinsatser, köpta platser", [-388000, -420000, -450000, -450000, -460000], None),
    22: ("Aktivitetsmottagning", [-655200, -700000, -760000, -780000, -800000], "Utökas med 0,5 tjänst 2026"),
    25: ("Kompetensutveckling", [-96430, -120000, -150000, -150000, -150000], None),
    26: ("Utvärdering", [-45000, -80000, -100000, -60000, -60000], "Extern utvärdering av Aktivitetsmottagningen 2026"),
    27: ("Samverkansdagar", [-32610, -40000, -50000, -50000, -50000], None),
    30: ("Ofördelade medel", [0, 0, -300000, -100000, -100000], None),
}
V = {}  # (row, j) -> value, to write cached results
for r, (lab, vals, kom) in L.items():
    ws.write(r - 1, 0, lab)
    for j, v in enumerate(vals):
        ws.write_number(r - 1, 1 + j, v, n)
        V[(r, j)] = v
    if kom:
        ws.write(r - 1, 6, kom, it)


def total(r, label, parts, fmt=nb, lfmt=b, formula=None):
    ws.write(r - 1, 0, label, lfmt)
    for j, c in enumerate(COLS):
        val = sum(k * V[(p, j)] for k, p in parts)
        if formula is None:
            f = "=" + "".join(("+" if k > 0 else "-") + f"{c}{p}" for k, p in parts).lstrip("+")
        else:
            f = formula.format(c=c)
        ws.write_formula(r - 1, 1 + j, f, fmt, val)
        V[(r, j)] = val


total(11, "Summa intäkter", [(1, r) for r in range(6, 11)], formula="=SUM({c}6:{c}10)")
total(17, "Summa förvaltning", [(1, r) for r in range(13, 17)], formula="=SUM({c}13:{c}16)")
total(23, "Summa individinsatser", [(1, r) for r in range(19, 23)], formula="=SUM({c}19:{c}22)")
total(28, "Summa strukturinsatser", [(1, r) for r in range(25, 28)], formula="=SUM({c}25:{c}27)")
total(31, "Summa kostnader", [(1, 17), (1, 23), (1, 28), (1, 30)])
total(33, "Årets resultat", [(1, 11), (1, 31)])

# equity rows
ws.write(34, 0, "Eget kapital vid årets början")
for j, c in enumerate(COLS):
    if j == 0:
        ws.write_number(34, 1, 2150000, n); V[(35, 0)] = 2150000
    else:
        V[(35, j)] = V[(37, j - 1)]
        ws.write_formula(34, 1 + j, f"={COLS[j-1]}37", n, V[(35, j)])
    V[(36, j)] = V[(33, j)]
    ws.write_formula(35, 1 + j, f"={c}33", n, V[(36, j)])
    V[(37, j)] = V[(35, j)] + V[(36, j)]
    ws.write_formula(36, 1 + j, f"={c}35+{c}36", nb, V[(37, j)])
    ws.write_formula(37, 1 + j, f"=ROUND(0.2*{c}11,0)", itn, round(0.2 * V[(11, j)]))
ws.write(35, 0, "Årets resultat")
ws.write(36, 0, "Eget kapital vid årets slut", b)
ws.write(37, 0, "Max 20 % av intäkterna", it)
ws.write(37, 6, "Styrelsens riktlinje för eget kapital", it)
ws.set_column(0, 0, 34)
ws.set_column(1, 5, 13)
ws.set_column(6, 6, 44)
ws.freeze_panes(5, 1)
xw_close(wb)
