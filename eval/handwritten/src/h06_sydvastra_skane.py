"""h06: values stored in kronor but displayed as tkr with number format '#,##0,' (header says tkr);
bold category rows carry formula totals of the plain rows below; costs negative; cached formulas
(XlsxWriter); Förändring % column; key-ratio rows; eget kapital overview with years as rows."""
from _common import xw_workbook, xw_close

wb = xw_workbook("h06_sydvastra_skane.xlsx")
ws = wb.add_worksheet("Budget")
T = "#,##0,"
f_n = wb.add_format({"num_format": T}); f_b = wb.add_format({"num_format": T, "bold": True})
bold = wb.add_format({"bold": True}); pct = wb.add_format({"num_format": "0.0%"}); pct0 = wb.add_format({"num_format": "0%"})
ws.set_column(0, 0, 42); ws.set_column(1, 4, 16)
ws.write("A1", "Samordningsförbundet Sydvästra Skåne", wb.add_format({"bold": True, "font_size": 14}))
ws.write("A2", "Verksamhetsbudget")
ws.write_row("A4", ["", "Budget 2025 tkr", "Budget 2026 tkr", "Förändring %"], bold)
V = {}
def leaf(r, lab, b, c):
    ws.write(r - 1, 0, lab); ws.write_number(r - 1, 1, b, f_n); ws.write_number(r - 1, 2, c, f_n); V[r] = (b, c)
def tot(r, lab, rows, fmt=None):
    ws.write(r - 1, 0, lab, bold)
    vals = []
    for j, col in enumerate("BC"):
        v = sum(V[x][j] for x in rows)
        if rows == list(range(rows[0], rows[-1] + 1)) and len(rows) > 1:
            f = f"=SUM({col}{rows[0]}:{col}{rows[-1]})"
        else:
            f = "=" + "+".join(f"{col}{x}" for x in rows)
        ws.write_formula(r - 1, 1 + j, f, f_b, v); vals.append(v)
    V[r] = tuple(vals)
def single(r, lab, b, c):
    ws.write(r - 1, 0, lab, bold); ws.write_number(r - 1, 1, b, f_b); ws.write_number(r - 1, 2, c, f_b); V[r] = (b, c)

leaf(6, "Försäkringskassan", 6250000, 6400000)
leaf(7, "Region Skåne", 3125000, 3200000)
leaf(8, "Kommunerna", 3125000, 3200000)
tot(5, "Medlemsavgifter", [6, 7, 8])
single(9, "Övriga intäkter, projektmedel ESF", 300000, 150000)
tot(10, "Summa intäkter", [5, 9])
leaf(13, "Styrelse", -380000, -395000)
leaf(14, "Kansli", -1650000, -1720000)
leaf(15, "Revision och ekonomitjänster", -210000, -215000)
tot(12, "Styrelse och förvaltning", [13, 14, 15])
leaf(17, "Samordningsteam Malmö", -4200000, -4350000)
leaf(18, "Samordningsteam Burlöv", -1100000, -1150000)
leaf(19, "Samordningsteam Lund", -2300000, -2400000)
leaf(20, "Arbetslivsinriktad rehabilitering (ESF)", -900000, -450000)
tot(16, "Individinriktade insatser", [17, 18, 19, 20])
leaf(22, "Kompetensutveckling", -600000, -650000)
leaf(23, "Kartläggning och analys", -250000, -300000)
tot(21, "Strukturinriktade insatser", [22, 23])
single(24, "Ofördelade medel", -1000000, -1800000)
tot(25, "Summa kostnader", [12, 16, 21, 24])
tot(27, "Resultat", [10, 25])
for r in V:
    b, c = V[r]
    ws.write_formula(r - 1, 3, f'=IF(B{r}=0,"",(C{r}-B{r})/ABS(B{r}))', pct, (c - b) / abs(b) if b else "")
ws.write("A29", "Nyckeltal", bold)
ws.write("A30", "Andel individinsatser av insatskostnaderna")
ws.write("A31", "Förvaltningens andel av kostnaderna")
for j, col in enumerate("BC"):
    ind, stru, adm, sk = V[16][j], V[21][j], V[12][j], V[25][j]
    ws.write_formula(29, 1 + j, f"={col}16/({col}16+{col}21)", pct0, ind / (ind + stru))
    ws.write_formula(30, 1 + j, f"={col}12/{col}25", pct0, adm / sk)
ws.write("A33", "Eget kapital (tkr)", bold)
ws.write_row("A34", ["År", "Ingående eget kapital", "Årets resultat", "Utgående eget kapital", "Tak 20 %"], bold)
ib = 2600000
for i, (y, col) in enumerate([(2025, "B"), (2026, "C")]):
    r = 35 + i
    ws.write_number(r - 1, 0, y)
    if i == 0: ws.write_number(r - 1, 1, ib, f_n)
    else: ws.write_formula(r - 1, 1, f"=D{r-1}", f_n, ib)
    res = V[27][i]
    ws.write_formula(r - 1, 2, f"={col}27", f_n, res)
    ws.write_formula(r - 1, 3, f"=B{r}+C{r}", f_n, ib + res)
    ws.write_formula(r - 1, 4, f"=0.2*{col}10", f_n, V[10][i] // 5)
    print(y, ib, res, ib + res, V[10][i] // 5)
    ib += res
print({k: V[k] for k in (5, 10, 12, 16, 21, 25, 27)})
xw_close(wb)
