"""h03: everything positive (Resultat = intäkter - kostnader), hierarchy by indentation
(cell indent and/or leading spaces), tkr stated in the merged title, Kommentar column,
typed totals, 'Eget kapital 31/12' row only."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget 2026"
B = Font(bold=True)
ws.merge_cells("A1:F1"); ws["A1"] = "Samordningsförbundet Södra Hälsingland – Budget 2026 och plan 2027–2028 (tkr)"
ws["A1"].font = Font(bold=True, size=13); ws["A1"].alignment = Alignment(horizontal="center")
ws.merge_cells("A2:F2"); ws["A2"] = "Antagen av förbundsstyrelsen 2025-11-14"; ws["A2"].alignment = Alignment(horizontal="center")
for i, h in enumerate(["", "Prognos 2025", "Budget 2026", "Plan 2027", "Plan 2028", "Kommentar"], 1):
    ws.cell(4, i, h).font = B
rows = [
    (5, "Intäkter", None, 0, True, None),
    (6, "  Försäkringskassan", [4200, 4300, 4300, 4300], 0, False, None),
    (7, "  Region Gävleborg", [2100, 2150, 2150, 2150], 0, False, None),
    (8, "  Kommunerna", [2100, 2150, 2150, 2150], 0, False, "Bollnäs, Ovanåker, Söderhamn, Nordanstig enligt befolkning"),
    (9, "Summa intäkter", [8400, 8600, 8600, 8600], 0, True, None),
    (11, "Kostnader", None, 0, True, None),
    (12, "Styrelse och revision", [310, 320, 330, 335], 1, False, None),
    (13, "Kansli", None, 1, False, None),
    (14, "    Personal", [1450, 1500, 1550, 1600], 2, False, "Förbundschef 1,0 + ekonom 0,5 tjänst"),
    (15, "    Lokaler och IT", [180, 185, 190, 195], 2, False, None),
    (16, "Summa kansli", [1630, 1685, 1740, 1795], 1, False, None),
    (17, "Individinriktade insatser", None, 1, False, None),
    (18, "Samordningsteam Bollnäs", [1400, 1450, 1450, 1450], 2, False, None),
    (19, "Samordningsteam Söderhamn", [1600, 1650, 1650, 1650], 2, False, None),
    (20, "Samordningsteam Ovanåker", [900, 950, 950, 950], 2, False, None),
    (21, "Samordningsteam Nordanstig", [850, 900, 900, 900], 2, False, "Ny överenskommelse från 2026"),
    (22, "Summa individinriktade insatser", [4750, 4950, 4950, 4950], 1, False, None),
    (23, "Strukturinriktade insatser", None, 1, False, None),
    (24, "Kompetensutveckling", [250, 300, 300, 300], 2, False, None),
    (25, "Processtöd och utvärdering", [400, 450, 450, 450], 2, False, None),
    (26, "Summa strukturinriktade insatser", [650, 750, 750, 750], 1, False, None),
    (27, "Ofördelade medel", [0, 1200, 900, 800], 1, False, "Avsätts för att minska eget kapital"),
    (28, "Summa kostnader", [7340, 8905, 8670, 8630], 0, True, None),
    (30, "Resultat", [1060, -305, -70, -30], 0, True, None),
    (32, "Eget kapital 31/12", [1960, 1655, 1585, 1555], 0, False, "Tak 20 % av intäkterna ≈ 1 720 tkr"),
]
for r, lab, vals, ind, bold, kom in rows:
    c = ws.cell(r, 1, lab)
    if ind: c.alignment = Alignment(indent=ind)
    if bold: c.font = B
    if vals:
        for j, v in enumerate(vals):
            x = ws.cell(r, 2 + j, v); x.number_format = "#,##0"
            if bold: x.font = B
    if kom: ws.cell(r, 6, kom)
ws.column_dimensions["A"].width = 36; ws.column_dimensions["F"].width = 50
save_openpyxl(wb, "h03_sodra_halsingland.xlsx")
