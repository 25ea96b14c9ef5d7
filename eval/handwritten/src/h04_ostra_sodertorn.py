"""h04: numbered outline (1, 2, 2.3, 2.3.1), costs negative, tkr stated in the column headers,
all subtotals as formulas WITHOUT cached values (openpyxl), Förändring column."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Budget"
B = Font(bold=True)
ws["A1"] = "Samordningsförbundet Östra Södertörn"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Förslag till budget 2026"
for i, h in enumerate(["", "Budget 2025 (tkr)", "Budget 2026 (tkr)", "Förändring (tkr)"], 1):
    ws.cell(4, i, h).font = B
rows = {
    5: ("1 Intäkter", "=SUM({c}6:{c}8)"),
    6: ("1.1 Försäkringskassan", [5500, 5650]),
    7: ("1.2 Region Stockholm", [2750, 2825]),
    8: ("1.3 Kommunerna (Haninge, Nynäshamn, Tyresö)", [2750, 2825]),
    10: ("2 Kostnader", "={c}11+{c}14+{c}18+{c}24+{c}27"),
    11: ("2.1 Styrelse", "=SUM({c}12:{c}13)"),
    12: ("2.1.1 Arvoden", [-260, -270]),
    13: ("2.1.2 Revision och försäkringar", [-85, -90]),
    14: ("2.2 Kansli", "=SUM({c}15:{c}17)"),
    15: ("2.2.1 Personal", [-1900, -1980]),
    16: ("2.2.2 Lokaler", [-210, -220]),
    17: ("2.2.3 IT, ekonomi och administration", [-330, -340]),
    18: ("2.3 Individinriktade insatser", "=SUM({c}19:{c}23)"),
    19: ("2.3.1 Samordningsteam Haninge", [-2400, -2500]),
    20: ("2.3.2 Samordningsteam Nynäshamn", [-1300, -1350]),
    21: ("2.3.3 Samordningsteam Tyresö", [-1500, -1550]),
    22: ("2.3.4 Unga till arbete", [-900, -950]),
    23: ("2.3.5 Psykiatriresurs", [-350, -400]),
    24: ("2.4 Strukturinriktade insatser", "=SUM({c}25:{c}26)"),
    25: ("2.4.1 Kompetensutveckling och mötesplatser", [-400, -350]),
    26: ("2.4.2 Utvärdering", [-150, -120]),
    27: ("2.5 Ofördelade medel", [-900, -1000]),
    29: ("3 Resultat", "={c}5+{c}10"),
}
for r, (lab, v) in rows.items():
    top = lab.count(".") == 0 or lab.startswith("3 ")
    ws.cell(r, 1, lab).font = Font(bold=top)
    for j, col in enumerate("BC"):
        val = v.format(c=col) if isinstance(v, str) else v[j]
        x = ws.cell(r, 2 + j, val); x.number_format = "#,##0"; x.font = Font(bold=top)
    d = ws.cell(r, 4, f"=C{r}-B{r}"); d.number_format = "+#,##0;-#,##0;0"
ws.column_dimensions["A"].width = 44
for col in "BCD": ws.column_dimensions[col].width = 18
save_openpyxl(wb, "h04_ostra_sodertorn.xlsx")
