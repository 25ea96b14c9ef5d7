"""h10: accounting signs (revenue negative), category rows carry the total of the rows below
with NO formatting difference, 'varav lönekostnader' rows (part of the line above), Kommentar
column, equity overview under a memo text. PLANTED: Utgående eget kapital 2026 = 1 530 000,
but 1 470 000 + 70 000 = 1 540 000."""
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from _common import save_openpyxl

wb = Workbook(); ws = wb.active; ws.title = "Resultatbudget"
ws["A1"] = "Samordningsförbundet Västra Skaraborg"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Resultatbudget, kronor. Intäkter anges med negativt tecken."
for i, h in enumerate(["", "Budget 2025", "Budget 2026", "Plan 2027", "Kommentar"], 1):
    ws.cell(4, i, h).font = Font(bold=True)
rows = [
    (5, "Bidrag från medlemmarna", [-7200000, -7400000, -7400000], None),
    (6, "Försäkringskassan", [-3600000, -3700000, -3700000], "50 %"),
    (7, "Västra Götalandsregionen", [-1800000, -1850000, -1850000], "25 %"),
    (8, "Kommunerna", [-1800000, -1850000, -1850000], "25 %, fördelas efter invånarantal"),
    (9, "Finansiella intäkter", [-10000, -10000, -10000], None),
    (10, "Summa intäkter", [-7210000, -7410000, -7410000], None),
    (12, "Förvaltning", [1150000, 1190000, 1220000], None),
    (13, "Styrelse", [180000, 190000, 200000], None),
    (14, "Kansli", [820000, 850000, 870000], "Förbundschef och administratör"),
    (15, "varav lönekostnader", [650000, 680000, 700000], "ingår i Kansli"),
    (16, "Revision och ekonomi", [150000, 150000, 150000], None),
    (17, "Insatser", [5900000, 6150000, 6200000], None),
    (18, "Samordningsteam Lidköping", [2400000, 2500000, 2500000], None),
    (19, "Samordningsteam Götene/Grästorp", [1300000, 1350000, 1350000], None),
    (20, "Arbetsträning i samverkan", [1500000, 1550000, 1600000], None),
    (21, "varav lönekostnader", [1100000, 1150000, 1200000], "ingår i raden ovan"),
    (22, "Kompetensutveckling", [700000, 750000, 750000], "Gemensamma utbildningsdagar"),
    (23, "Summa kostnader", [7050000, 7340000, 7420000], None),
    (25, "Resultat (negativt belopp = överskott)", [-160000, -70000, 10000], None),
]
for r, lab, vals, kom in rows:
    ws.cell(r, 1, lab)
    for j, v in enumerate(vals):
        ws.cell(r, 2 + j, v).number_format = "#,##0"
    if kom: ws.cell(r, 5, kom)
ws["A28"] = "Kommentar till eget kapital"; ws["A28"].font = Font(bold=True)
ws["A29"] = ("Förbundets eget kapital bedöms vid utgången av 2024 uppgå till 1 310 000 kr. Enligt styrelsens "
             "riktlinje ska eget kapital understiga 20 % av medlemsbidragen. Överskotten 2025–2026 förklaras av "
             "att nya insatser startar under hösten.")
ws["A29"].alignment = Alignment(wrap_text=True, vertical="top"); ws.merge_cells("A29:E30")
ws.row_dimensions[29].height = 45
for i, h in enumerate(["Eget kapital", "2025", "2026", "2027"], 1):
    ws.cell(32, i, h).font = Font(bold=True)
eq = [(33, "Ingående eget kapital", [1310000, 1470000, 1530000]),
      (34, "Årets resultat", [160000, 70000, -10000]),
      (35, "Utgående eget kapital", [1470000, 1530000, 1520000])]   # C35 planted (1 540 000)
for r, lab, vals in eq:
    ws.cell(r, 1, lab)
    for j, v in enumerate(vals): ws.cell(r, 2 + j, v).number_format = "#,##0"
ws.column_dimensions["A"].width = 40; ws.column_dimensions["E"].width = 36
for col in "BCD": ws.column_dimensions[col].width = 14
save_openpyxl(wb, "h10_vastra_skaraborg.xlsx")
