"""x10: heading + 'Summa' rows with openpyxl formulas WITHOUT cached values; all positive; 'Kronor'
in the label column's header cell; five year columns (Utfall 2024 ... Plan 2028) and a Förändring
column (Budget 2026 - Budget 2025, formulas). 'Summa insatser' = SUM(B20:B23) leaves out row 24
(Utvärdering), which sits inside the block but is added directly in 'Summa kostnader'
(=B17+B25+B24): every total is right. Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Eskilstuna"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Budget 2026 samt plan 2027–2028, jämfört med utfall 2024 och budget 2025"
heads = ["Kronor", "Utfall 2024", "Budget 2025", "Budget 2026", "Plan 2027", "Plan 2028", "Förändring budget 2026 mot 2025"]
for i, t in enumerate(heads, 1):
    c = ws.cell(4, i, t); c.font = B; c.border = Border(bottom=Side("thin"))
    c.alignment = Alignment(horizontal="left" if i == 1 else "right", wrap_text=True)
AM = "BCDEF"
rows = {
    5: ("Intäkter", None),
    6: ("Försäkringskassan", [5900000, 6000000, 6200000, 6300000, 6400000]),
    7: ("Region Sörmland", [2950000, 3000000, 3100000, 3150000, 3200000]),
    8: ("Eskilstuna kommun", [2950000, 3000000, 3100000, 3150000, 3200000]),
    9: ("Övriga intäkter", [214600, 0, 0, 0, 0]),
    10: ("Summa intäkter", "=SUM({c}6:{c}9)"),
    12: ("Förbundsgemensamma kostnader", None),
    13: ("Styrelse", [301250, 320000, 330000, 340000, 350000]),
    14: ("Förbundschef", [1024800, 1060000, 1100000, 1130000, 1160000]),
    15: ("Kansli", [689420, 740000, 770000, 790000, 810000]),
    16: ("Revision", [96000, 100000, 105000, 110000, 110000]),
    17: ("Summa förbundsgemensamma kostnader", "=SUM({c}13:{c}16)"),
    19: ("Insatser", None),
    20: ("Samordningsteam Eskilstuna", [5412300, 5700000, 5950000, 6100000, 6250000]),
    21: ("Individinsatser unga", [1980450, 2100000, 2200000, 2250000, 2300000]),
    22: ("Individinsatser etablering", [1244000, 1350000, 1400000, 1450000, 1500000]),
    23: ("Strukturinsatser", [512900, 600000, 650000, 650000, 650000]),
    24: ("Utvärdering", [120000, 150000, 200000, 150000, 150000]),
    25: ("Summa insatser", "=SUM({c}20:{c}23)"),
    27: ("Summa kostnader", "={c}17+{c}25+{c}24"),
    29: ("Resultat", "={c}10-{c}27"),
}
for r, (lab, vals) in rows.items():
    tot = isinstance(vals, str) or vals is None
    ws.cell(r, 1, lab).font = Font(bold=tot)
    if vals is None: continue
    for j, col in enumerate(AM):
        x = ws[f"{col}{r}"]
        x.value = vals.format(c=col) if isinstance(vals, str) else vals[j]
        x.number_format = "#,##0"; x.font = Font(bold=tot)
    g = ws[f"G{r}"]; g.value = f"=D{r}-C{r}"; g.number_format = "+#,##0;-#,##0;0"
ws.column_dimensions["A"].width = 36
for c in AM: ws.column_dimensions[c].width = 13
ws.column_dimensions["G"].width = 18
ws.row_dimensions[4].height = 30
save_openpyxl(wb, "x10_eskilstuna.xlsx")
