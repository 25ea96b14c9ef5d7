"""h08: a category inside a category, all cost rows with the same '- ' prefix:
'- Strukturinriktade insatser' = '- Utbildningsinsatser' (= next two rows) + Processtöd + Utvärdering.
Costs negative, kr, typed. PLANTED: Summa kostnader Budget 2026 off by 10 000 (resultat follows it);
Eget kapital IB 2026 typed 1 560 000 although UB 2025 is 1 650 000."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Umeå"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Budget 2026 med plan 2027, belopp i kronor"
for i, h in enumerate(["", "Prognos 2025", "Budget 2026", "Plan 2027"], 1):
    ws.cell(4, i, h).font = B
rows = [
    (5, "Intäkter", None),
    (6, "- Försäkringskassan", [4000000, 4100000, 4100000]),
    (7, "- Region Västerbotten", [2000000, 2050000, 2050000]),
    (8, "- Umeå kommun", [2000000, 2050000, 2050000]),
    (9, "Summa intäkter", [8000000, 8200000, 8200000]),
    (11, "Kostnader", None),
    (12, "- Styrelse", [-300000, -310000, -320000]),
    (13, "- Kansli", [-1400000, -1450000, -1500000]),
    (14, "- Individinriktade insatser", [-4300000, -4500000, -4500000]),
    (15, "- Samordningsteam Umeå", [-2800000, -2900000, -2900000]),
    (16, "- Unga vuxna i arbete", [-1000000, -1100000, -1100000]),
    (17, "- Stöd vid psykisk ohälsa", [-500000, -500000, -500000]),
    (18, "- Strukturinriktade insatser", [-1050000, -1150000, -1100000]),
    (19, "- Utbildningsinsatser", [-450000, -500000, -450000]),
    (20, "- Utbildning i samverkan", [-300000, -320000, -300000]),
    (21, "- Handledarutbildning", [-150000, -180000, -150000]),
    (22, "- Processtöd", [-400000, -450000, -450000]),
    (23, "- Utvärdering", [-200000, -200000, -200000]),
    (24, "- Ofördelade medel", [-200000, -700000, -800000]),
    (25, "Summa kostnader", [-7250000, -8120000, -8220000]),   # C25 planted, true -8 110 000
    (27, "Resultat", [750000, 80000, -20000]),                  # C27 follows C25
    (29, "Eget kapital IB", [900000, 1560000, 1640000]),        # C29 planted, should be 1 650 000
    (30, "Eget kapital UB", [1650000, 1640000, 1620000]),
]
for r, lab, vals in rows:
    bold = not lab.startswith("- ")
    ws.cell(r, 1, lab).font = Font(bold=bold)
    if vals:
        for j, v in enumerate(vals):
            c = ws.cell(r, 2 + j, v); c.number_format = "#,##0"; c.font = Font(bold=bold)
ws.column_dimensions["A"].width = 40
save_openpyxl(wb, "h08_umea_nested.xlsx")
