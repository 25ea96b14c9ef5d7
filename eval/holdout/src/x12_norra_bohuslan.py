"""x12: numbered outline with three levels (1 / 1.3 / 1.3.1, 3 / 3.1 / 3.1.1); the numbered category
rows carry the totals, also inside the income (1.3 Kommunerna); all positive; 'Belopp i tkr' on a row
of its own; typed; a 'Not' column and a 'Noter' sheet.
PLANTED: C23 '3.1 Individinriktade insatser' Budget 2026 left at 5 860 after 3.1.3 was raised by
120 tkr (true 5 980, -120 000). '3 Insatser', 'Summa kostnader' and 'Resultat' were worked out
from the lines and are right, so no other cell is wrong."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Norra Bohuslän – budget 2026 och plan 2027–2028"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Belopp i tkr"
for i, t in enumerate(["", "Budget 2025", "Budget 2026", "Plan 2027", "Plan 2028", "Not"], 1):
    c = ws.cell(4, i, t); c.font = B; c.border = Border(bottom=Side("thin"))
    c.alignment = Alignment(horizontal="right" if 1 < i < 6 else "center" if i == 6 else "left")
rows = [
    (5, "1 Intäkter", [8020, 8210, 8410, 8610], None),
    (6, "1.1 Försäkringskassan", [4000, 4100, 4200, 4300], None),
    (7, "1.2 Västra Götalandsregionen", [2000, 2050, 2100, 2150], None),
    (8, "1.3 Kommunerna", [2000, 2050, 2100, 2150], None),
    (9, "1.3.1 Strömstads kommun", [470, 482, 494, 506], None),
    (10, "1.3.2 Tanums kommun", [468, 480, 491, 503], None),
    (11, "1.3.3 Sotenäs kommun", [338, 346, 355, 363], None),
    (12, "1.3.4 Munkedals kommun", [392, 402, 412, 422], None),
    (13, "1.3.5 Lysekils kommun", [332, 340, 348, 356], None),
    (14, "1.4 Övriga intäkter", [20, 10, 10, 10], None),
    (16, "2 Förvaltning", [1700, 1757, 1810, 1863], None),
    (17, "2.1 Styrelse", [240, 250, 255, 260], None),
    (18, "2.2 Förbundschef", [980, 1010, 1040, 1070], None),
    (19, "2.3 Administration och ekonomi", [410, 425, 440, 455], None),
    (20, "2.4 Revision", [70, 72, 75, 78], None),
    (22, "3 Insatser", [6295, 6630, 6670, 6850], None),
    (23, "3.1 Individinriktade insatser", [5670, 5860, 6040, 6210], None),   # C23 planted (true 5 980)
    (24, "3.1.1 Samordningsteam Strömstad/Tanum", [1850, 1900, 1950, 2000], None),
    (25, "3.1.2 Samordningsteam Sotenäs/Munkedal/Lysekil", [2300, 2380, 2450, 2520], None),
    (26, "3.1.3 Aktivitetsbaserat stöd", [880, 1040, 960, 990], 1),
    (27, "3.1.4 Arbetsträning", [640, 660, 680, 700], None),
    (28, "3.2 Strukturinriktade insatser", [325, 400, 330, 340], None),
    (29, "3.2.1 Kompetensutveckling", [180, 200, 200, 210], None),
    (30, "3.2.2 Utvärdering", [100, 150, 80, 80], 2),
    (31, "3.2.3 Informationsinsatser", [45, 50, 50, 50], None),
    (32, "3.3 Ofördelade medel", [300, 250, 300, 300], None),
    (34, "Summa kostnader", [7995, 8387, 8480, 8713], None),
    (35, "Resultat", [25, -177, -70, -103], None),
]
for r, lab, vals, note in rows:
    level = lab.split(" ")[0].count(".") if lab[0].isdigit() else 0
    bold = level == 0
    ws.cell(r, 1, lab).font = Font(bold=bold)
    for j, v in enumerate(vals):
        c = ws.cell(r, 2 + j, v); c.number_format = "#,##0;-#,##0"; c.font = Font(bold=bold)
    if note: ws.cell(r, 6, note).alignment = Alignment(horizontal="center")
ws.column_dimensions["A"].width = 46
for c in "BCDE": ws.column_dimensions[c].width = 12
ws.column_dimensions["F"].width = 6

nt = wb.create_sheet("Noter")
nt["A1"] = "Noter"; nt["A1"].font = B
nt["A3"] = 1; nt["B3"] = "Aktivitetsbaserat stöd utökas 2026 med en halvtidstjänst (styrelsebeslut 2025-09-26)."
nt["A4"] = 2; nt["B4"] = "Utvärdering 2026 omfattar extern utvärdering av samordningsteamen."
nt["A6"] = "Medlemsbidragen fördelas: Försäkringskassan 50 %, Västra Götalandsregionen 25 %, kommunerna 25 % efter invånarantal."
nt.column_dimensions["B"].width = 90
save_openpyxl(wb, "x12_norra_bohuslan.xlsx")
