"""h13: accounting signs, numbered outline (3 / 4.2 / 4.2.1), tkr with one decimal stated in the
title, cached formulas (XlsxWriter) for block totals but a TYPED 'Summa kostnader' left stale
(Kompetensutveckling raised 300,0 -> 320,0 afterwards). Eget kapital rows under the budget."""
from _common import xw_workbook, xw_close

wb = xw_workbook("h13_sormland_ostra.xlsx")
ws = wb.add_worksheet("Resultatbudget")
F = "#,##0.0"
n = wb.add_format({"num_format": F}); nb = wb.add_format({"num_format": F, "bold": True}); b = wb.add_format({"bold": True})
ws.set_column(0, 0, 46); ws.set_column(1, 2, 14)
ws.write("A1", "Samordningsförbundet Sörmland Östra – Resultatbudget 2026 och plan 2027 (tkr)", wb.add_format({"bold": True, "font_size": 13}))
ws.write("A2", "Negativt belopp = intäkt respektive överskott")
ws.write_row("A4", ["", "Budget 2026", "Plan 2027"], b)
V = {}
def leaf(r, lab, vals):
    ws.write(r - 1, 0, lab)
    for j, v in enumerate(vals): ws.write_number(r - 1, 1 + j, v, n)
    V[r] = vals
def fsum(r, lab, a, z):
    ws.write(r - 1, 0, lab, b)
    V[r] = [round(sum(V[x][j] for x in range(a, z + 1)), 1) for j in range(2)]
    for j, col in enumerate("BC"):
        ws.write_formula(r - 1, 1 + j, f"=SUM({col}{a}:{col}{z})", nb, V[r][j])
leaf(6, "3.1 Försäkringskassan", [-3450.0, -3450.0])
leaf(7, "3.2 Region Sörmland", [-1725.0, -1725.0])
leaf(8, "3.3 Kommunerna", [-1725.0, -1725.0])
fsum(5, "3 Verksamhetens intäkter", 6, 8)
ws.write("A10", "4 Verksamhetens kostnader", b)
leaf(12, "4.1.1 Styrelse", [285.5, 292.0]); leaf(13, "4.1.2 Kansli", [1310.5, 1350.0])
fsum(11, "4.1 Styrelse och förvaltning", 12, 13)
leaf(15, "4.2.1 Samordningsteam Nyköping", [2150.0, 2200.0])
leaf(16, "4.2.2 Samordningsteam Oxelösund", [980.5, 1000.0])
leaf(17, "4.2.3 Samordningsteam Gnesta/Trosa", [1240.0, 1270.0])
fsum(14, "4.2 Samordnade individinsatser", 15, 17)
leaf(19, "4.3.1 Kompetensutveckling", [320.0, 300.0]); leaf(20, "4.3.2 Utvärdering", [85.0, 90.0])
fsum(18, "4.3 Strukturinsatser", 19, 20)
leaf(21, "4.4 Ofördelade medel", [400.0, 250.0])
ws.write("A22", "Summa kostnader", b)
sk = [6751.5, 6752.0]          # typed; B22 stale (true 6 771,5)
for j, v in enumerate(sk): ws.write_number(21, 1 + j, v, nb)
ws.write("A24", "Resultat (negativt belopp = överskott)", b)
res = [round(V[5][j] + sk[j], 1) for j in range(2)]
for j, col in enumerate("BC"): ws.write_formula(23, 1 + j, f"={col}5+{col}22", nb, res[j])
ws.write("A26", "Eget kapital 1/1"); ws.write("A27", "Årets resultat"); ws.write("A28", "Eget kapital 31/12", b)
ib = 1200.0
for j, col in enumerate("BC"):
    if j == 0: ws.write_number(25, 1, ib, n)
    else: ws.write_formula(25, 2, "=B28", n, ib)
    ws.write_formula(26, 1 + j, f"=-{col}24", n, -res[j])
    ws.write_formula(27, 1 + j, f"={col}26+{col}27", nb, round(ib - res[j], 1))
    print(col, ib, -res[j], round(ib - res[j], 1)); ib = round(ib - res[j], 1)
print({k: V[k] for k in (5, 11, 14, 18)}, res)
xw_close(wb)
