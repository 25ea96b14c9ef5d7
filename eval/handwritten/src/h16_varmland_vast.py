"""h16: one sheet per year ('Budget 2025', 'Plan 2026', year only in sheet name and title) plus
'Översikt' and 'Eget kapital' sheets; bold category rows carry formula totals (no cached values);
costs negative; tkr stated in the titles; equity table with years as rows."""
from openpyxl import Workbook
from openpyxl.styles import Font
from _common import save_openpyxl

B = Font(bold=True)
wb = Workbook()
data = {"Budget 2025": [2250, 1125, 1125, -180, -720, -1200, -950, -600, -700, -150, -100],
        "Plan 2026": [2300, 1150, 1150, -185, -745, -1250, -980, -620, -700, -160, -100]}
labels = {5: "Försäkringskassan", 6: "Region Värmland", 7: "Kommunerna", 9: "Styrelse", 10: "Kansli",
          12: "Samordningsteam Arvika", 13: "Samordningsteam Säffle", 14: "Samordningsteam Eda",
          15: "Aktivitetshuset", 17: "Kompetensutveckling", 18: "Ofördelade medel"}
cats = {4: ("Intäkter", "=SUM(B5:B7)"), 8: ("Styrelse och kansli", "=SUM(B9:B10)"),
        11: ("Insatser", "=SUM(B12:B15)"), 16: ("Övrigt", "=SUM(B17:B18)"),
        19: ("Summa kostnader", "=B8+B11+B16"), 20: ("Resultat", "=B4+B19")}
first = True
for title, vals in data.items():
    ws = wb.active if first else wb.create_sheet(); first = False
    ws.title = title
    ws["A1"] = f"Samordningsförbundet Värmland Väst – {title} (tkr)"; ws["A1"].font = Font(bold=True, size=13)
    ws["B3"] = "Belopp"; ws["B3"].font = B
    for (r, lab), v in zip(labels.items(), vals):
        ws.cell(r, 1, lab); ws.cell(r, 2, v).number_format = "#,##0"
    for r, (lab, f) in cats.items():
        ws.cell(r, 1, lab).font = B; c = ws.cell(r, 2, f); c.font = B; c.number_format = "#,##0"
    ws.column_dimensions["A"].width = 32
o = wb.create_sheet("Översikt")
o["A1"] = "Översikt budget och plan (tkr)"; o["A1"].font = B
o["B3"] = "2025"; o["C3"] = "2026"; o["B3"].font = B; o["C3"].font = B
for i, (lab, r) in enumerate([("Intäkter", 4), ("Kostnader", 19), ("Resultat", 20)]):
    o.cell(4 + i, 1, lab)
    o.cell(4 + i, 2, f"='Budget 2025'!B{r}"); o.cell(4 + i, 3, f"='Plan 2026'!B{r}")
o.column_dimensions["A"].width = 20
e = wb.create_sheet("Eget kapital")
e["A1"] = "Eget kapital (tkr)"; e["A1"].font = B
for i, h in enumerate(["År", "Ingående eget kapital", "Årets resultat", "Utgående eget kapital", "Tak 20 %"], 1):
    e.cell(3, i, h).font = B
e["A4"] = 2024; e["B4"] = 1020; e["C4"] = 95; e["D4"] = "=B4+C4"; e["E4"] = 880
e["A5"] = 2025; e["B5"] = "=D4"; e["C5"] = "='Budget 2025'!B20"; e["D5"] = "=B5+C5"; e["E5"] = "=0.2*'Budget 2025'!B4"
e["A6"] = 2026; e["B6"] = "=D5"; e["C6"] = "='Plan 2026'!B20"; e["D6"] = "=B6+C6"; e["E6"] = "=0.2*'Plan 2026'!B4"
for col in "ABCDE": e.column_dimensions[col].width = 22
save_openpyxl(wb, "h16_varmland_vast.xlsx")
