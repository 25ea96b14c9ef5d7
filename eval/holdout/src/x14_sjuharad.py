"""x14: a large budget (about 40 rows, eight member municipalities); heading + 'Summa' rows nested
inside the income (Medlemskommuner > Summa kommuner, then Summa medlemsbidrag, then Övriga and
Finansiella intäkter and Summa intäkter); all positive; kr stated in the title; typed; four
columns Utfall 2024 / Prognos 2025 / Budget 2026 / Plan 2027. No equity. Clean."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment, Border, Side
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True); I = Font(italic=True)
ws.merge_cells("A1:E1")
ws["A1"] = "Samordningsförbundet Sjuhärad – budget 2026 och plan 2027 (belopp i kronor)"
ws["A1"].font = Font(bold=True, size=13)
for i, t in enumerate(["", "Utfall 2024", "Prognos 2025", "Budget 2026", "Plan 2027"], 1):
    c = ws.cell(3, i, t); c.font = B; c.border = Border(bottom=Side("thin")); c.alignment = Alignment(horizontal="right")
rows = [
    (4, "INTÄKTER", None, "h"),
    (5, "Försäkringskassan", [11600000, 11800000, 12000000, 12200000], ""),
    (6, "Västra Götalandsregionen", [5800000, 5900000, 6000000, 6100000], ""),
    (7, "Medlemskommuner", None, "i"),
    (8, "Borås stad", [2898000, 2947000, 2998000, 3048000], ""),
    (9, "Marks kommun", [890000, 905000, 920000, 936000], ""),
    (10, "Ulricehamns kommun", [635000, 646000, 657000, 668000], ""),
    (11, "Vårgårda kommun", [315000, 321000, 326000, 331000], ""),
    (12, "Tranemo kommun", [292000, 297000, 302000, 307000], ""),
    (13, "Svenljunga kommun", [277000, 282000, 287000, 291000], ""),
    (14, "Bollebygds kommun", [252000, 256000, 260000, 265000], ""),
    (15, "Herrljunga kommun", [241000, 246000, 250000, 254000], ""),
    (16, "Summa kommuner", [5800000, 5900000, 6000000, 6100000], "s"),
    (17, "Summa medlemsbidrag", [23200000, 23600000, 24000000, 24400000], "s"),
    (18, "Övriga intäkter (ESF-medel)", [356800, 150000, 0, 0], ""),
    (19, "Finansiella intäkter", [184215, 120000, 80000, 60000], ""),
    (20, "Summa intäkter", [23741015, 23870000, 24080000, 24460000], "S"),
    (22, "KOSTNADER", None, "h"),
    (23, "Förbundsgemensamt", None, "i"),
    (24, "Styrelse", [512340, 540000, 560000, 570000], ""),
    (25, "Förbundschef", [1184220, 1220000, 1260000, 1300000], ""),
    (26, "Kansli", [1688900, 1750000, 1820000, 1870000], ""),
    (27, "Revision", [140000, 145000, 150000, 155000], ""),
    (28, "Gemensam administration", [622480, 640000, 660000, 680000], ""),
    (29, "Lokaler", [410000, 420000, 430000, 440000], ""),
    (30, "Summa förbundsgemensamt", [4557940, 4715000, 4880000, 5015000], "s"),
    (31, "Samordningsteam", None, "i"),
    (32, "Samordningsteam Borås", [6804100, 6600000, 6700000, 6850000], ""),
    (33, "Samordningsteam Mark", [1912560, 2000000, 2080000, 2130000], ""),
    (34, "Samordningsteam Ulricehamn/Tranemo", [1588020, 1650000, 1700000, 1750000], ""),
    (35, "Samordningsteam Vårgårda/Herrljunga", [1014870, 1080000, 1120000, 1150000], ""),
    (36, "Samordningsteam Svenljunga/Bollebygd", [902300, 950000, 990000, 1010000], ""),
    (37, "Summa samordningsteam", [12221850, 12280000, 12590000, 12890000], "s"),
    (38, "Individinsatser", None, "i"),
    (39, "Arbetsträning i kommunal regi", [1406000, 1500000, 1550000, 1600000], ""),
    (40, "Psykosocialt stöd", [845300, 900000, 950000, 980000], ""),
    (41, "Unga utanför", [1810750, 1300000, 1350000, 1380000], ""),
    (42, "Summa individinsatser", [4062050, 3700000, 3850000, 3960000], "s"),
    (43, "Strukturinsatser", None, "i"),
    (44, "Kompetensutveckling", [388600, 450000, 480000, 480000], ""),
    (45, "Gemensam kartläggning", [150000, 200000, 200000, 150000], ""),
    (46, "Utvärdering", [236500, 300000, 350000, 250000], ""),
    (47, "Summa strukturinsatser", [775100, 950000, 1030000, 880000], "s"),
    (48, "Ofördelade medel", [0, 300000, 1800000, 1700000], ""),
    (49, "Summa kostnader", [21616940, 21945000, 24150000, 24445000], "S"),
    (51, "ÅRETS RESULTAT", [2124075, 1925000, -70000, 15000], "S"),
]
for r, lab, vals, kind in rows:
    c = ws.cell(r, 1, lab)
    if kind in ("h", "S", "s"): c.font = B
    if kind == "i": c.font = I
    if kind == "": c.alignment = Alignment(indent=1)
    for j, v in enumerate(vals or []):
        x = ws.cell(r, 2 + j, v); x.number_format = "#,##0;-#,##0"
        if kind in ("s", "S"): x.font = B
        if kind == "S": x.border = Border(top=Side("thin"))
ws.column_dimensions["A"].width = 40
for c in "BCDE": ws.column_dimensions[c].width = 14
save_openpyxl(wb, "x14_sjuharad.xlsx")
