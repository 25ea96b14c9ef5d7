"""x06: labels in column B (column A empty), a 'Not' column C between the labels and the amounts
and a 'Noter' sheet; nested heading + Summa blocks (Insatser > Individinriktade / Strukturinriktade
> Summa insatser); costs negative; kr; openpyxl formulas WITHOUT cached values; four columns
Utfall 2024 / Budget 2025 / Budget 2026 / Plan 2027.
PLANTED: F11 'Summa intäkter' Budget 2026 is a typed 11 450 000 (Norsjö kommun counted twice);
the true total is 11 300 000. F36 'Årets resultat' (formula) follows it (consequential)."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Resultatbudget"
B = Font(bold=True); I = Font(italic=True)
ws["B1"] = "Samordningsförbundet Skellefteå"; ws["B1"].font = Font(bold=True, size=13)
ws["B2"] = "Resultatbudget 2026 med plan 2027, kronor"
for col, t in zip("BCDEFG", ["Resultaträkning", "Not", "Utfall 2024", "Budget 2025", "Budget 2026", "Plan 2027"]):
    c = ws[f"{col}4"]; c.value = t; c.font = B; c.border = Border(bottom=Side("thin"))
    if col != "B": c.alignment = Alignment(horizontal="right" if col != "C" else "center")
AM = "DEFG"
rows = {
    5: ("Intäkter", None, None, B),
    6: ("Försäkringskassan", None, [5400000, 5500000, 5650000, 5750000], None),
    7: ("Region Västerbotten", None, [2700000, 2750000, 2825000, 2875000], None),
    8: ("Skellefteå kommun", None, [2565000, 2612500, 2675000, 2725000], None),
    9: ("Norsjö kommun", None, [135000, 137500, 150000, 150000], None),
    10: ("Övriga intäkter", 1, [118250, 0, 0, 0], None),
    11: ("Summa intäkter", None, "=SUM({c}6:{c}10)", B),
    13: ("Kostnader", None, None, B),
    14: ("Administration", None, None, I),
    15: ("Styrelse", 2, [-268420, -290000, -300000, -305000], None),
    16: ("Förbundschef/Kansli", None, [-1544880, -1600000, -1680000, -1720000], None),
    17: ("Revision", None, [-71250, -75000, -78000, -80000], None),
    18: ("Gemensam administration", None, [-352600, -380000, -395000, -400000], None),
    19: ("Summa administration", None, "=SUM({c}15:{c}18)", B),
    21: ("Insatser", None, None, B),
    22: ("Individinriktade insatser", None, None, I),
    23: ("Samordningsteam Skellefteå", None, [-4980500, -5600000, -5900000, -6000000], None),
    24: ("Samordningsteam Norsjö", None, [-612300, -650000, -680000, -700000], None),
    25: ("Jobbcoach unga vuxna", None, [-1405000, -1200000, -1250000, -1280000], None),
    26: ("Summa individinriktade insatser", None, "=SUM({c}23:{c}25)", B),
    27: ("Strukturinriktade insatser", None, None, I),
    28: ("Kompetensutveckling personal", None, [-186200, -250000, -260000, -260000], None),
    29: ("Utvärdering", 3, [-95000, -150000, -180000, -120000], None),
    30: ("Summa strukturinriktade insatser", None, "=SUM({c}28:{c}29)", B),
    31: ("Summa insatser", None, "={c}26+{c}30", B),
    33: ("Ofördelade medel", None, [0, -500000, -600000, -700000], None),
    34: ("Summa kostnader", None, "={c}19+{c}31+{c}33", B),
    36: ("Årets resultat", None, "={c}11+{c}34", B),
}
for r, (lab, note, vals, font) in rows.items():
    c = ws.cell(r, 2, lab)
    if font: c.font = font
    if note: ws.cell(r, 3, note).alignment = Alignment(horizontal="center")
    if vals is None: continue
    for j, col in enumerate(AM):
        v = vals.format(c=col) if isinstance(vals, str) else vals[j]
        x = ws[f"{col}{r}"]; x.value = v; x.number_format = "#,##0;-#,##0"
        if isinstance(vals, str): x.font = B
ws["F11"] = 11450000     # planted: typed over the formula, Norsjö kommun counted twice
ws.column_dimensions["A"].width = 3; ws.column_dimensions["B"].width = 36; ws.column_dimensions["C"].width = 6
for c in AM: ws.column_dimensions[c].width = 14

nt = wb.create_sheet("Noter")
nt["A1"] = "Noter till resultatbudgeten"; nt["A1"].font = B
notes = [(1, "Övriga intäkter 2024 avser återbetalning av ej förbrukade projektmedel (118 250 kr)."),
         (2, "Styrelsens arvoden enligt arvodesreglemente; 7 ledamöter och 7 ersättare."),
         (3, "Utvärdering av Jobbcoach unga vuxna upphandlas 2026; 180 000 kr avsätts.")]
nt["A3"] = "Not"; nt["B3"] = "Text"; nt["A3"].font = B; nt["B3"].font = B
for i, (k, t) in enumerate(notes):
    nt.cell(4 + i, 1, k); nt.cell(4 + i, 2, t)
nt.column_dimensions["B"].width = 90
save_openpyxl(wb, "x06_skelleftea.xlsx")
