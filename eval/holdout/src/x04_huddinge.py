"""x04: one sheet per year (Budget 2026, Plan 2027, Plan 2028; header 'Budget 2026, tkr' and a
Kommentar column) with a numbered outline whose numbered category rows carry SUM formulas
(XlsxWriter, cached values); costs negative; a 'Sammandrag' sheet placed FIRST that references the
year sheets and rolls eget kapital forward.
PLANTED: 'Plan 2028'!B16 '2.2 Individinriktade insatser' = SUM(B17:B19) and leaves out B20
(2.2.4, -350 tkr); B10, B26 and the Sammandrag cells for 2028 follow it (consequential)."""
from _common import xw_workbook, xw_close

wb = xw_workbook("x04_huddinge.xlsx", author="Ekonom, Samordningsförbundet Huddinge")
b = wb.add_format({"bold": True})
n = wb.add_format({"num_format": "#,##0;-#,##0"})
nb = wb.add_format({"num_format": "#,##0;-#,##0", "bold": True})
hb = wb.add_format({"bold": True, "bottom": 1, "align": "right"})
hl = wb.add_format({"bold": True, "bottom": 1})

YEARS = [("Budget 2026", "Budget 2026, tkr"), ("Plan 2027", "Plan 2027, tkr"), ("Plan 2028", "Plan 2028, tkr")]
LINES = {  # row: (label, [2026, 2027, 2028], comment)
    5: ("1.1 Försäkringskassan", [4600, 4700, 4800], None),
    6: ("1.2 Region Stockholm", [2300, 2350, 2400], None),
    7: ("1.3 Huddinge kommun", [2300, 2350, 2400], None),
    8: ("1.4 Övriga intäkter", [60, 40, 40], "Ränta och återbetalda projektmedel"),
    12: ("2.1.1 Styrelse", [-310, -320, -330], None),
    13: ("2.1.2 Kansli", [-1450, -1500, -1550], "Förbundschef 100 %, ekonom 50 %"),
    14: ("2.1.3 Revision", [-85, -90, -90], None),
    15: ("2.1.4 Lokaler och IT", [-220, -225, -230], None),
    17: ("2.2.1 Samordningsteam Huddinge", [-3900, -4000, -4100], None),
    18: ("2.2.2 Unga vuxna – Steg framåt", [-1250, -1300, -1300], None),
    19: ("2.2.3 Arbetsträning i samverkan", [-980, -1000, -1050], None),
    20: ("2.2.4 Individstöd psykisk ohälsa", [-300, -350, -350], "Start hösten 2026"),
    22: ("2.3.1 Kompetensutveckling", [-250, -250, -250], None),
    23: ("2.3.2 Utvärdering", [-150, -100, -100], None),
    24: ("2.4 Ofördelade medel", [-500, -400, -450], None),
}
SUMS = {  # row: (label, formula, parts)
    4: ("1 Intäkter", "=SUM(B5:B8)", [5, 6, 7, 8]),
    11: ("2.1 Förvaltning", "=SUM(B12:B15)", [12, 13, 14, 15]),
    16: ("2.2 Individinriktade insatser", "=SUM(B17:B20)", [17, 18, 19, 20]),
    21: ("2.3 Strukturinriktade insatser", "=SUM(B22:B23)", [22, 23]),
    10: ("2 Kostnader", "=B11+B16+B21+B24", [11, 16, 21, 24]),
    26: ("3 Resultat", "=B4+B10", [4, 10]),
}
ORDER = [4, 11, 16, 21, 10, 26]  # evaluation order
res = {}
summary = wb.add_worksheet("Sammandrag")      # created first, so it is the first sheet
sheets = [wb.add_worksheet(name) for name, _ in YEARS]

for j, ws in enumerate(sheets):
    name, head = YEARS[j]
    ws.write("A1", f"Samordningsförbundet Huddinge – {name}", wb.add_format({"bold": True, "font_size": 13}))
    ws.write("A3", "Post", hl); ws.write("B3", head, hb); ws.write("C3", "Kommentar", hl)
    V = {}
    for r, (lab, vals, kom) in LINES.items():
        ws.write(r - 1, 0, lab); ws.write_number(r - 1, 1, vals[j], n); V[r] = vals[j]
        if kom: ws.write(r - 1, 2, kom)
    for r in ORDER:
        lab, f, parts = SUMS[r]
        if name == "Plan 2028" and r == 16:
            f, parts = "=SUM(B17:B19)", [17, 18, 19]          # planted partial sum
        V[r] = sum(V[p] for p in parts)
        ws.write(r - 1, 0, lab, b); ws.write_formula(r - 1, 1, f, nb, V[r])
    ws.set_column(0, 0, 36); ws.set_column(1, 1, 16); ws.set_column(2, 2, 36)
    res[name] = V

s = summary
s.write("A1", "Sammandrag budget 2026 och plan 2027–2028 (tkr)", wb.add_format({"bold": True, "font_size": 13}))
s.write("A3", "", hl)
for j, (name, _) in enumerate(YEARS):
    s.write(2, 1 + j, name, hb)
S = {}
for j, (name, _) in enumerate(YEARS):
    c = "BCD"[j]; V = res[name]
    s.write_formula(3, 1 + j, f"='{name}'!B4", n, V[4])
    s.write_formula(4, 1 + j, f"='{name}'!B10", n, V[10])
    s.write_formula(5, 1 + j, f"={c}4+{c}5", nb, V[4] + V[10])
    ib = 3100 if j == 0 else S[j - 1]
    if j == 0:
        s.write_number(7, 1, ib, n)
    else:
        s.write_formula(7, 1 + j, f"={'BCD'[j-1]}10", n, ib)
    s.write_formula(8, 1 + j, f"={c}6", n, V[4] + V[10])
    S[j] = ib + V[4] + V[10]
    s.write_formula(9, 1 + j, f"={c}8+{c}9", nb, S[j])
for r, lab in [(4, "Intäkter"), (5, "Kostnader"), (6, "Resultat"), (8, "Eget kapital 1 januari"),
               (9, "Årets resultat"), (10, "Eget kapital 31 december")]:
    s.write(r - 1, 0, lab, b if r in (6, 10) else None)
s.write("A12", "Beloppen hämtas från bladen för respektive år.", wb.add_format({"italic": True}))
s.set_column(0, 0, 28); s.set_column(1, 3, 14)
xw_close(wb)
