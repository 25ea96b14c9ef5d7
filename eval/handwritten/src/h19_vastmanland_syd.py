"""h19: Västmanland-style table: section header rows without numbers, several levels of 'Summa'
rows (Summa individinsatser, Summa metoder..., Summa direkta insatskostnader), costs negative, kr,
typed, 'Beräknat utgående eget kapital' row with years. PLANTED: Plan 2027 'Summa individinsatser'
left stale after Samordningsteam Köping was cut from 1 550 000 to 1 500 000."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Västmanland Syd"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "7. Budget"
for i, h in enumerate(["", "Budget 2025", "Plan 2026", "Plan 2027"], 1):
    ws.cell(4, i, h).font = B
rows = [
    (5, "Medel från huvudmännen", [16000000, 16000000, 16000000]),
    (6, "Summa intäkter", [16000000, 16000000, 16000000]),
    (7, "Styrelse", [-550000, -565000, -580000]),
    (8, "Gemensam administration", [-1700000, -1740000, -1780000]),
    (9, "Summa administrativa kostnader", [-2250000, -2305000, -2360000]),
    (10, "Individinsatser", None),
    (11, "Samordningsteam Köping", [-1800000, -1650000, -1500000]),
    (12, "Samordningsteam Arboga", [-1200000, -1100000, -1000000]),
    (13, "Samordningsteam Kungsör", [-900000, -820000, -750000]),
    (14, "Samordningsteam Västerås", [-6000000, -5500000, -5000000]),
    (15, "Psykiatriresurs samordningsteam", [-350000, -300000, -260000]),
    (16, "Summa individinsatser", [-10250000, -9370000, -8560000]),   # D16 stale (-8 510 000)
    (17, "Metoder och arbetssätt", None),
    (18, "Rådgivande myndighetsgemensamt team RMGT", [-1100000, -1150000, -1200000]),
    (19, "Strukturpåverkande insatser", None),
    (20, "Utbildningar och konferenser", [-400000, -450000, -500000]),
    (21, "Processtöd", [-1500000, -1550000, -1600000]),
    (22, "Utvärdering", [-100000, -50000, -60000]),
    (23, "Summa metoder, arbetssätt och strukturpåverkande insatser", [-3100000, -3200000, -3360000]),
    (24, "Summa direkta insatskostnader", [-13350000, -12570000, -11920000]),
    (25, "Ofördelade medel", [-600000, -400000, -1000000]),
    (26, "Summa kostnader", [-16200000, -15275000, -15280000]),
    (27, "RESULTAT", [-200000, 725000, 720000]),
]
for r, lab, vals in rows:
    ws.cell(r, 1, lab)
    if vals:
        for j, v in enumerate(vals): ws.cell(r, 2 + j, v).number_format = "#,##0"
ws["A29"] = "Beräknat utgående eget kapital"
for j, y in enumerate([2025, 2026, 2027]): ws.cell(29, 2 + j, y)
for j, v in enumerate([2200000, 2925000, 3645000]): ws.cell(30, 2 + j, v).number_format = "#,##0"
ws.column_dimensions["A"].width = 56
for col in "BCD": ws.column_dimensions[col].width = 14
save_openpyxl(wb, "h19_vastmanland_syd.xlsx")
