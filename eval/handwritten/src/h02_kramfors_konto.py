"""h02: Kramfors-style Resultatbudget with account numbers in the labels, accounting signs
(revenue negative, costs positive), only 'Summa ...' rows after each block, formulas with cached
values (XlsxWriter).  PLANTED: Summa verksamhetskostnader Budget 2025 = SUM(B17:B20), omits B21.
Balansbudget sheet rolls eget kapital forward from the Resultat row."""
from _common import xw_workbook, xw_close

wb = xw_workbook("h02_kramfors_konto.xlsx")
ws = wb.add_worksheet("Resultatbudget")
bold = wb.add_format({"bold": True})
num = wb.add_format({"num_format": "#,##0"})
numb = wb.add_format({"num_format": "#,##0", "bold": True})
ws.set_column(0, 0, 44); ws.set_column(1, 3, 14)
ws.write("A1", "Samordningsförbundet Kramfors", wb.add_format({"bold": True, "font_size": 14}))
ws.write("A2", "Resultatbudget 2025 samt plan 2026–2027 (kronor)")
for j, h in enumerate(["Budget 2025", "Plan 2026", "Plan 2027"]):
    ws.write(3, 1 + j, h, bold)
ws.write(3, 0, "Konto / benämning", bold)
data = {}
def line(r, label, vals):
    ws.write(r - 1, 0, label)
    for j, v in enumerate(vals):
        ws.write_number(r - 1, 1 + j, v, num)
    data[r] = vals
def fsum(r, label, refs, cols_override=None):
    ws.write(r - 1, 0, label, bold)
    out = []
    for j, col in enumerate("BCD"):
        rows = refs if not cols_override or col not in cols_override else cols_override[col]
        val = sum(data[x][j] for x in rows)
        f = "=SUM(%s%d:%s%d)" % (col, rows[0], col, rows[-1]) if rows == list(range(rows[0], rows[-1] + 1)) else "=" + "+".join(f"{col}{x}" for x in rows)
        ws.write_formula(r - 1, 1 + j, f, numb, val)
        out.append(val)
    data[r] = out

line(5, "3010 Bidrag Försäkringskassan", [-1600000, -1600000, -1600000])
line(6, "3020 Bidrag Region Västernorrland", [-800000, -800000, -800000])
line(7, "3030 Bidrag Kramfors kommun", [-800000, -800000, -800000])
line(8, "8310 Ränteintäkter", [-5000, -5000, -5000])
fsum(9, "Summa intäkter", [5, 6, 7, 8])
line(11, "4010 Arvoden styrelse inkl. soc. avg.", [120000, 125000, 130000])
line(12, "4020 Revision", [40000, 40000, 42000])
line(13, "4030 Ekonomitjänster", [85000, 88000, 90000])
line(14, "4040 Övriga administrationskostnader", [35000, 36000, 37000])
fsum(15, "Summa förvaltningskostnader", [11, 12, 13, 14])
line(17, "5010 Samordnare lön och soc. avg.", [620000, 640000, 660000])
line(18, "5020 Insats Steget vidare", [900000, 900000, 850000])
line(19, "5030 Insats Unga vuxna", [750000, 760000, 770000])
line(20, "5040 Kompetensutveckling parterna", [120000, 150000, 150000])
line(21, "5050 Utvärdering", [60000, 60000, 60000])
fsum(22, "Summa verksamhetskostnader", [17, 18, 19, 20, 21], {"B": [17, 18, 19, 20]})  # planted
line(24, "7990 Ofördelade medel", [550000, 500000, 450000])
fsum(25, "Summa kostnader", [15, 22, 24])
fsum(26, "Resultat (negativt belopp = överskott)", [9, 25])
print({k: data[k] for k in (9, 15, 22, 25, 26)})

bs = wb.add_worksheet("Balansbudget")
bs.set_column(0, 0, 34); bs.set_column(1, 3, 14)
bs.write("A1", "Balansbudget – eget kapital (kronor)", bold)
for j, y in enumerate(["2025", "2026", "2027"]):
    bs.write(2, 1 + j, y, bold)
bs.write("A4", "Eget kapital 1 januari"); bs.write("A5", "Årets resultat"); bs.write("A6", "Eget kapital 31 december", bold)
ib = 820000
for j, col in enumerate("BCD"):
    res = -data[26][j]
    if j == 0:
        bs.write_number(3, 1, ib, num)
    else:
        prev = "BCD"[j - 1]
        bs.write_formula(3, 1 + j, f"={prev}6", num, ib)
    bs.write_formula(4, 1 + j, f"=-Resultatbudget!{col}26", num, res)
    bs.write_formula(5, 1 + j, f"={col}4+{col}5", numb, ib + res)
    print("eq", ib, res, ib + res)
    ib = ib + res
xw_close(wb)
