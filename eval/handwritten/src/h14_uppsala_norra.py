"""h14: '- ' rows under headings with 'Summa' formulas (cached, XlsxWriter); 'varav' rows that are
part of the line above; key-ratio rows; kronor stored but shown as tkr with '#,##0,'; merged
title; equity overview with years as rows."""
from _common import xw_workbook, xw_close

wb = xw_workbook("h14_uppsala_norra.xlsx")
ws = wb.add_worksheet("Budget")
T = "#,##0,"
n = wb.add_format({"num_format": T}); nb = wb.add_format({"num_format": T, "bold": True})
ni = wb.add_format({"num_format": T, "italic": True}); it = wb.add_format({"italic": True})
b = wb.add_format({"bold": True}); pct = wb.add_format({"num_format": "0%"})
ws.set_column(0, 0, 44); ws.set_column(1, 4, 15)
ws.merge_range("A1:D1", "Samordningsförbundet Uppsala Norra", wb.add_format({"bold": True, "font_size": 14, "align": "center"}))
ws.merge_range("A2:D2", "Budget 2026 och plan 2027", wb.add_format({"align": "center"}))
ws.write_row("A4", ["Belopp i tkr", "Budget 2025", "Budget 2026", "Plan 2027"], b)
V = {}
def leaf(r, lab, vals, varav=False):
    ws.write(r - 1, 0, lab, it if varav else None)
    for j, v in enumerate(vals): ws.write_number(r - 1, 1 + j, v, ni if varav else n)
    V[r] = vals
def formula(r, lab, rows):
    ws.write(r - 1, 0, lab, b)
    V[r] = [sum(V[x][j] for x in rows) for j in range(3)]
    for j, col in enumerate("BCD"):
        f = f"=SUM({col}{rows[0]}:{col}{rows[-1]})" if rows == list(range(rows[0], rows[-1] + 1)) else "=" + "+".join(f"{col}{x}" for x in rows)
        ws.write_formula(r - 1, 1 + j, f, nb, V[r][j])
ws.write("A5", "Intäkter", b)
leaf(6, "- Försäkringskassan", [7000000, 7200000, 7200000])
leaf(7, "- Region Uppsala", [3500000, 3600000, 3600000])
leaf(8, "- Kommunerna (Tierp, Östhammar, Älvkarleby)", [3500000, 3600000, 3600000])
formula(9, "Summa intäkter", [6, 7, 8])
ws.write("A11", "Kostnader", b)
leaf(12, "- Styrelse", [-450000, -470000, -480000])
leaf(13, "- Kansli", [-2300000, -2380000, -2450000])
leaf(14, "   varav lönekostnader", [-1850000, -1920000, -1980000], varav=True)
leaf(15, "- Samordningsteam Tierp", [-2900000, -3000000, -3000000])
leaf(16, "- Samordningsteam Östhammar", [-2600000, -2700000, -2700000])
leaf(17, "- Samordningsteam Älvkarleby", [-1400000, -1450000, -1450000])
leaf(18, "- Ungdomsinsats Steget", [-1800000, -1900000, -1950000])
leaf(19, "   varav projektledning", [-450000, -470000, -480000], varav=True)
leaf(20, "- Kompetensutveckling", [-500000, -550000, -550000])
leaf(21, "- Utvärdering", [-250000, -200000, -200000])
leaf(22, "- Ofördelade medel", [-1500000, -1700000, -1600000])
formula(23, "Summa kostnader", [12, 13, 15, 16, 17, 18, 20, 21, 22])
formula(25, "Resultat", [9, 23])
ws.write("A27", "Nyckeltal", b)
ws.write("A28", "Andel individinsatser av kostnaderna"); ws.write("A29", "Andel styrelse och kansli av kostnaderna")
for j, col in enumerate("BCD"):
    ind = sum(V[x][j] for x in (15, 16, 17, 18))
    ws.write_formula(27, 1 + j, f"=SUM({col}15:{col}18)/{col}23", pct, ind / V[23][j])
    ws.write_formula(28, 1 + j, f"=({col}12+{col}13)/{col}23", pct, (V[12][j] + V[13][j]) / V[23][j])
ws.write("A31", "Eget kapital", b)
ws.write_row("A32", ["År", "Ingående eget kapital", "Årets resultat", "Utgående eget kapital", "Tak 20 %"], b)
ib = 2300000
for i, (y, col) in enumerate([(2025, "B"), (2026, "C"), (2027, "D")]):
    r = 33 + i
    ws.write_number(r - 1, 0, y)
    if i == 0: ws.write_number(r - 1, 1, ib, n)
    else: ws.write_formula(r - 1, 1, f"=D{r-1}", n, ib)
    res = V[25][i]
    ws.write_formula(r - 1, 2, f"={col}25", n, res)
    ws.write_formula(r - 1, 3, f"=B{r}+C{r}", n, ib + res)
    ws.write_formula(r - 1, 4, f"=0.2*{col}9", n, V[9][i] // 5)
    print(y, ib, res, ib + res, V[9][i] // 5); ib += res
print({k: V[k] for k in (9, 23, 25)})
xw_close(wb)
