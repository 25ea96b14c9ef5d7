"""h20: costs first, income after them; category rows ('Förvaltning', 'Insatser') carry cached
formula totals with NO formatting difference; a 'varav' row inside Insatser (excluded from the
formula); costs negative; kr. PLANTED: RESULTAT Budget 2026 typed 45 000 (sign lost; true -45 000)
while the other years are formulas."""
from _common import xw_workbook, xw_close

wb = xw_workbook("h20_norra_dalarna.xlsx")
ws = wb.add_worksheet("Budget")
n = wb.add_format({"num_format": "#,##0"}); b = wb.add_format({"bold": True})
ws.set_column(0, 0, 38); ws.set_column(1, 3, 14)
ws.write("A1", "Samordningsförbundet Norra Dalarna – budget (kr)", wb.add_format({"bold": True, "font_size": 13}))
ws.write_row("A3", ["", "Budget 2025", "Budget 2026", "Plan 2027"], b)
V = {}
def leaf(r, lab, vals):
    ws.write(r - 1, 0, lab)
    for j, v in enumerate(vals): ws.write_number(r - 1, 1 + j, v, n)
    V[r] = vals
def form(r, lab, rows, skip_cols=()):
    ws.write(r - 1, 0, lab)
    V[r] = [sum(V[x][j] for x in rows) for j in range(3)]
    for j, col in enumerate("BCD"):
        if col in skip_cols: continue
        f = f"=SUM({col}{rows[0]}:{col}{rows[-1]})" if rows == list(range(rows[0], rows[-1] + 1)) else "=" + "+".join(f"{col}{x}" for x in rows)
        ws.write_formula(r - 1, 1 + j, f, n, V[r][j])
leaf(5, "Styrelse", [-210000, -220000, -225000]); leaf(6, "Kansli", [-900000, -940000, -970000])
leaf(7, "Revision", [-45000, -45000, -48000]); form(4, "Förvaltning", [5, 6, 7])
leaf(9, "Samordningsteam Mora", [-1300000, -1350000, -1350000])
leaf(10, "Samordningsteam Orsa/Älvdalen", [-950000, -980000, -1000000])
leaf(11, "varav psykiatrisjuksköterska", [-280000, -290000, -300000])
leaf(12, "Arbetsförberedande insatser", [-600000, -650000, -650000])
leaf(13, "Kompetensutveckling", [-150000, -160000, -170000])
form(8, "Insatser", [9, 10, 12, 13])
leaf(14, "Ofördelade medel", [-200000, -300000, -250000])
form(15, "Summa kostnader", [4, 8, 14])
leaf(17, "Försäkringskassan", [2200000, 2300000, 2300000]); leaf(18, "Region Dalarna", [1100000, 1150000, 1150000])
leaf(19, "Kommunerna", [1100000, 1150000, 1150000]); form(20, "Summa intäkter", [17, 18, 19])
form(22, "RESULTAT", [20, 15], skip_cols=("C",))
ws.write_number(21, 2, 45000, n)   # planted typed value
print({k: V[k] for k in (4, 8, 15, 20, 22)})
xw_close(wb)
