"""h18: heading + 'Summa' rows, all positive, tkr stated in the column headers, typed; a blank
column D, then Förändring (tkr), Förändring % and Kommentar columns; merged title rows;
eget kapital overview under a memo text."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True)
ws.merge_cells("A1:G1"); ws["A1"] = "Samordningsförbundet Kalmar Norra"; ws["A1"].font = Font(bold=True, size=14)
ws.merge_cells("A2:G2"); ws["A2"] = "Budget 2026 jämfört med budget 2025"
for i, h in enumerate(["Post", "Budget 2025 (tkr)", "Budget 2026 (tkr)", None, "Förändring (tkr)", "Förändring %", "Kommentar"], 1):
    if h: ws.cell(4, i, h).font = B
rows = [
    (5, "Intäkter", None, None, None),
    (6, "Försäkringskassan", 2700, 2800, None), (7, "Region Kalmar län", 1350, 1400, None),
    (8, "Kommunerna", 1350, 1400, "Västervik, Oskarshamn, Hultsfred"),
    (9, "Summa intäkter", 5400, 5600, None),
    (11, "Styrelse och administration", None, None, None),
    (12, "Styrelse", 240, 250, None), (13, "Kansli", 980, 1020, "Lönerevision 3 %"), (14, "Lokaler", 110, 115, None),
    (15, "Summa styrelse och administration", 1330, 1385, None),
    (17, "Individinriktade insatser", None, None, None),
    (18, "Samordningsteam Västervik", 1100, 1150, None), (19, "Samordningsteam Oskarshamn", 950, 1000, None),
    (20, "Samordningsteam Hultsfred", 600, 550, "Minskad volym"),
    (21, "Summa individinriktade insatser", 2650, 2700, None),
    (23, "Strukturinriktade insatser", None, None, None),
    (24, "Utbildningsinsatser", 300, 350, None), (25, "Utvärdering", 80, 90, "Extern utvärdering av teamen"),
    (26, "Summa strukturinriktade insatser", 380, 440, None),
    (28, "Ofördelade medel", 900, 1250, "Minskar eget kapital"),
    (29, "Summa kostnader", 5260, 5775, None),
    (31, "Resultat", 140, -175, None),
]
for r, lab, b, c, kom in rows:
    bold = b is None or lab.startswith("Summa") or lab == "Resultat"
    ws.cell(r, 1, lab).font = Font(bold=bold)
    if b is not None:
        for col, v in ((2, b), (3, c), (5, c - b)):
            x = ws.cell(r, col, v); x.number_format = "#,##0"; x.font = Font(bold=bold)
        x = ws.cell(r, 6, round((c - b) / abs(b), 3)); x.number_format = "0.0%"
    if kom: ws.cell(r, 7, kom)
ws["A33"] = "Eget kapital"; ws["A33"].font = B
ws.merge_cells("A34:G35")
ws["A34"] = ("Eget kapital beräknas uppgå till 1 250 tkr vid ingången av 2025. Det budgeterade underskottet 2026 "
             "minskar det egna kapitalet mot målet om högst 20 % av intäkterna.")
ws["A34"].alignment = Alignment(wrap_text=True, vertical="top")
for i, h in enumerate(["", "2025", "2026"], 1):
    if h: ws.cell(37, i, h).font = B
for r, lab, vals, fmt in [(38, "Ingående eget kapital", [1250, 1390], "#,##0"), (39, "Årets resultat", [140, -175], "#,##0"),
                          (40, "Utgående eget kapital", [1390, 1215], "#,##0"), (41, "Andel av intäkterna", [0.257, 0.217], "0%")]:
    ws.cell(r, 1, lab)
    for j, v in enumerate(vals): ws.cell(r, 2 + j, v).number_format = fmt
ws.column_dimensions["A"].width = 36; ws.column_dimensions["D"].width = 3; ws.column_dimensions["G"].width = 34
for col in "BCEF": ws.column_dimensions[col].width = 16
save_openpyxl(wb, "h18_kalmar_norra.xlsx")
