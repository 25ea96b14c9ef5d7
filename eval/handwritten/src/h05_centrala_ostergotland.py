"""h05: one sheet per year ('Budget 2026', 'Plan 2027', 'Plan 2028'; the year only in the sheet
name and title) plus 'Sammanställning'. Heading rows + 'Summa' rows, all amounts positive, kr,
typed. PLANTED: Plan 2027 'Summa insatser' left stale after Jobbcentrum Unga was raised
3 420 000 -> 3 450 000; everything fed by it follows."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

B = Font(bold=True)
wb = Workbook()
years = {
    "Budget 2026": dict(fk=9000000, reg=4500000, kom=4500000, sty=450000, kan=2100000, lok=350000,
                        tl=7800000, ta=2400000, jc=3600000, ku=1500000),
    "Plan 2027": dict(fk=9000000, reg=4500000, kom=4500000, sty=460000, kan=2160000, lok=360000,
                      tl=7900000, ta=2450000, jc=3450000, ku=1200000),
    "Plan 2028": dict(fk=9000000, reg=4500000, kom=4500000, sty=470000, kan=2220000, lok=370000,
                      tl=8000000, ta=2500000, jc=3300000, ku=1000000),
}
summary = []
first = True
for title, d in years.items():
    ws = wb.active if first else wb.create_sheet()
    first = False
    ws.title = title
    ws["A1"] = "Samordningsförbundet Centrala Östergötland"; ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = title; ws["A2"].font = B
    ws["A4"] = "Post"; ws["B4"] = "Belopp, kr"; ws["A4"].font = B; ws["B4"].font = B
    si = d["fk"] + d["reg"] + d["kom"]
    sf = d["sty"] + d["kan"] + d["lok"]
    sins = d["tl"] + d["ta"] + d["jc"] + d["ku"]
    if title == "Plan 2027":
        sins = d["tl"] + d["ta"] + 3420000 + d["ku"]  # stale: typed before the change
    sk = sf + sins
    res = si - sk
    lines = [
        (5, "Intäkter", None, True), (6, "Försäkringskassan", d["fk"], False),
        (7, "Region Östergötland", d["reg"], False), (8, "Kommunerna", d["kom"], False),
        (9, "Summa intäkter", si, True),
        (11, "Förvaltning", None, True), (12, "Styrelse", d["sty"], False),
        (13, "Kansli, personal", d["kan"], False), (14, "Lokaler och administration", d["lok"], False),
        (15, "Summa förvaltning", sf, True),
        (17, "Insatser", None, True), (18, "Samordningsteam Linköping", d["tl"], False),
        (19, "Samordningsteam Åtvidaberg/Kinda", d["ta"], False), (20, "Jobbcentrum Unga", d["jc"], False),
        (21, "Kompetensutveckling", d["ku"], False), (22, "Summa insatser", sins, True),
        (24, "Summa kostnader", sk, True), (26, "Resultat", res, True),
    ]
    for r, lab, v, bold in lines:
        ws.cell(r, 1, lab).font = Font(bold=bold)
        if v is not None:
            c = ws.cell(r, 2, v); c.number_format = "#,##0"; c.font = Font(bold=bold)
    ws.column_dimensions["A"].width = 36; ws.column_dimensions["B"].width = 16
    summary.append((title[-4:], si, sk, res))
    print(title, si, sf, sins, sk, res)

s = wb.create_sheet("Sammanställning")
s["A1"] = "Sammanställning budget och plan 2026–2028 (kr)"; s["A1"].font = B
s["A4"] = ""
for j, (y, *_rest) in enumerate(summary):
    s.cell(4, 2 + j, y).font = B
ub = 3100000
labels = ["Summa intäkter", "Summa kostnader", "Resultat", "Eget kapital vid årets slut", "Tak 20 % av intäkterna"]
for i, lab in enumerate(labels):
    s.cell(5 + i - 1 + 1, 1, lab)
for j, (y, si, sk, res) in enumerate(summary):
    ub += res
    for i, v in enumerate([si, sk, res, ub, si // 5]):
        c = s.cell(5 + i, 2 + j, v); c.number_format = "#,##0"
    print(y, ub)
s.column_dimensions["A"].width = 30
save_openpyxl(wb, "h05_centrala_ostergotland.xlsx")
