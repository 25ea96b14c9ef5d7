"""Seed 003: Norra Västmanlands Samordningsförbund, Verksamhetsplan 2023 (adopted 2022-11-24).
Source: /work/shared/seeds/003_d566b3945121d9af.txt (OCR), §8 "Budgetöversikt 2023" and "Budget 2023".
Amounts in tkr, typed exactly as the OCR text states them; Swedish letters restored in labels.
The administration cost row(s) are lost in the OCR text (only the word "administration" survives
after "Övriga intäkter"); they are left out here. Nothing else was added or fixed."""
from _common import new_workbook, formats, write_rows

NAME = "s003_norra_vastmanland_2023.xlsx"


def build():
    wb, path = new_workbook(NAME, "Verksamhetsplan 2023", "Norra Västmanlands Samordningsförbund")
    f = formats(wb)
    ws = wb.add_worksheet("Budget 2023")
    ws.set_column(0, 0, 50)
    ws.set_column(1, 3, 13)
    ws.write_string(0, 0, "Norra Västmanlands Samordningsförbund", f["title"])
    ws.write_string(1, 0, "Budget 2023", f["sub"])
    ws.write_string(3, 0, "(tkr)", f["headl"])
    for c, h in enumerate(["Budget 2022", "Prognos 2022", "Budget 2023"]):
        ws.write_string(3, c + 1, h, f["head"])
    rows = [
        ("Medel från huvudmännen", [7046, 7046, 7030], "item"),
        ("Övriga intäkter", [200, 202, 100], "item"),
        ("Individinriktade insatser", [-5521, -5362, -5548], "cat"),
        ("- Samordningsteam FNS", [-1523, -1513, -1528], "item"),
        ("- Samordningsteam Sala", [-1590, -1440, -1500], "item"),
        ("- Samordningsteam Hallstahammar", [-1120, -1120, -1140], "item"),
        ("- Samordningsteam Surahammar", [-1053, -1053, -1140], "item"),
        ("- Kurator till samordningsteamen", [-235, -235, -240], "item"),
        ("Strukturinriktade insatser", [-943, -845, -1109], "cat"),
        ("- Utvecklingsdagar samordningsteam", [0, -15, -15], "item"),
        ("- Utbildning lösningsfokuserat arbetssätt", [-40, -16, -30], "item"),
        ("- Andra utbildningar/seminarier", [0, -12, -50], "item"),
        ("- Länsgemensamma aktiviteter (inkl kostnader för processen mot länsförbund)", [-250, -250, -325], "item"),
        ("- Insatskatalogen", [-75, -73, -48], "item"),
        ("- Utvärdering", [-30, -12, -30], "item"),
        ("- Brukarrevision individinsats", [0, -30, -65], "item"),
        ("- Processtöd samverkan", [-431, -437, -421], "item"),
        ("- Samverkansmedel ofördelat", [-82, -110, -100], "item"),
        ("SUMMA KOSTNADER", [-7720, -7495, -7878], "tot"),
        ("SUMMA INTÄKTER", [7246, 7248, 7130], "cat"),
        ("RESULTAT", [-474, -247, -748], "cat"),
    ]
    write_rows(ws, 5, rows, f)
    ws.freeze_panes(4, 1)

    ov = wb.add_worksheet("Budgetöversikt")
    ov.set_column(0, 0, 8)
    ov.set_column(1, 5, 16)
    ftkr = wb.add_format({"num_format": '#,##0 "tkr"'})
    ov.write_string(0, 0, "Budgetöversikt 2023", f["sub"])
    heads = ["", "Budgeterade intäkter", "Budgeterade kostnader", "Budgeterat resultat",
             "Prognos utfall", "Eget kapital 31 dec inkl. årets resultat (prognos)"]
    hw = wb.add_format({"bold": True, "text_wrap": True, "bottom": 1, "align": "right"})
    for c, h in enumerate(heads):
        if h:
            ov.write_string(2, c, h, hw)
        else:
            ov.write_blank(2, c, None, hw)
    data = [
        (2022, 7246, -7720, -474, -247, 1066),
        (2023, 7130, -7878, -748, None, 317),
    ]
    for i, row in enumerate(data):
        r = 3 + i
        ov.write_number(r, 0, row[0], f["labb"])
        for c in range(1, 6):
            if row[c] is not None:
                ov.write_number(r, c, row[c], ftkr)
    wb.close()
    return path


if __name__ == "__main__":
    print(build())
