"""h01: Norra Västmanland-style. Costs negative, bold category rows carry their total,
breakdown rows start with "- ", kr, typed totals, eget kapital rows under the budget."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook()
ws = wb.active
ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Norra Västmanland"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Budget 2025 med plan 2026 (kr)"
hdr = ["", "Utfall 2023", "Prognos 2024", "Budget 2025", "Plan 2026"]
for i, h in enumerate(hdr, 1):
    ws.cell(4, i, h).font = B

# (label, values, kind) kind: cat=bold category carrying total of following '-' rows, leaf, total
blocks_income = [
    ("Medlemsbidrag", [
        ("- Försäkringskassan", [2900000, 3000000, 3100000, 3100000]),
        ("- Region Västmanland", [1450000, 1500000, 1550000, 1550000]),
        ("- Kommunerna", [1450000, 1500000, 1550000, 1550000])]),
    ("Övriga intäkter", []),
]
other_income = [12000, 25000, 10000, 10000]
blocks_cost = [
    ("Styrelse", [
        ("- Arvoden och sociala avgifter", [-180000, -190000, -200000, -205000]),
        ("- Utbildning och konferenser", [-25000, -30000, -40000, -40000])]),
    ("Kansli", [
        ("- Personal", [-1050000, -1100000, -1150000, -1190000]),
        ("- Lokaler", [-90000, -95000, -100000, -100000]),
        ("- Ekonomi och revision", [-140000, -150000, -160000, -165000])]),
    ("Individinriktade insatser", [
        ("- Samordningsteam Fagersta", [-1600000, -1650000, -1700000, -1700000]),
        ("- Samordningsteam Norberg", [-800000, -820000, -850000, -850000]),
        ("- Samordningsteam Skinnskatteberg", [-750000, -780000, -800000, -800000]),
        ("- Arbetsintegrerande stöd", [-400000, -450000, -500000, -520000])]),
    ("Strukturinriktade insatser", [
        ("- Kompetensutveckling", [-150000, -200000, -250000, -250000]),
        ("- Utvärdering", [-60000, -50000, -80000, -80000])]),
    ("Ofördelade medel", []),
]
unalloc = [0, 0, -500000, -450000]

r = 5
def row(label, vals, bold=False):
    global r
    c = ws.cell(r, 1, label)
    if bold: c.font = B
    for j, v in enumerate(vals):
        x = ws.cell(r, 2 + j, v); x.number_format = "#,##0"
        if bold: x.font = B
    r += 1

def block(blocks, singles):
    tot = [0, 0, 0, 0]
    for name, items in blocks:
        if items:
            s = [sum(v[j] for _, v in items) for j in range(4)]
        else:
            s = singles
        row(name, s, bold=True)
        for lab, v in items:
            row(lab, v)
        tot = [a + b for a, b in zip(tot, s)]
    return tot

ri = block(blocks_income, other_income)
row("SUMMA INTÄKTER", ri, bold=True)
r += 1
rc = block(blocks_cost, unalloc)
row("SUMMA KOSTNADER", rc, bold=True)
r += 1
res = [a + b for a, b in zip(ri, rc)]
row("RESULTAT", res, bold=True)
r += 1
ib = 150000
ibs, ubs = [], []
for x in res:
    ibs.append(ib); ib = ib + x; ubs.append(ib)
row("Eget kapital vid årets början", ibs)
row("Årets resultat", res)
row("Eget kapital vid årets slut", ubs, bold=True)
ws.column_dimensions["A"].width = 38
for col in "BCDE": ws.column_dimensions[col].width = 14
print("SI", ri, "SK", rc, "RES", res, "IB", ibs, "UB", ubs)
save_openpyxl(wb, "h01_norra_vastmanland.xlsx")
