"""Seed 000: Norra Västmanlands Samordningsförbund, Verksamhetsplan och budget 2021-2023
(adopted 2020-11-19). Source: /work/shared/seeds/000_7f2ee3903b0ff2ea.txt, §6.1 and §6.2.
All numbers typed as constants exactly as the document states them (kr, costs negative)."""
from _common import new_workbook, formats, write_rows

NAME = "s000_norra_vastmanland_2021_2023.xlsx"


def build():
    wb, path = new_workbook(NAME, "Verksamhetsplan och budget 2021-2023",
                            "Norra Västmanlands Samordningsförbund")
    f = formats(wb)
    ws = wb.add_worksheet("Budget")
    ws.set_column(0, 0, 52)
    ws.set_column(1, 4, 14)
    ws.write_string(0, 0, "Norra Västmanlands Samordningsförbund", f["title"])
    ws.write_string(1, 0, "Budget 2021-2023", f["sub"])
    ws.write_string(2, 0, "Belopp i kr", f["note"])
    ws.write_blank(4, 0, None, f["headl"])
    for c, h in enumerate(["Budget 2020", "Budget 2021", "Budget 2022", "Budget 2023"]):
        ws.write_string(4, c + 1, h, f["head"])
    rows = [
        ("Medel från huvudmännen", [7046000, 7046000, 7046000, 7046000], "cat"),
        ("Styrelse", [-457700, -462900, -468900, -475900], "cat"),
        ("Gemensam administration", [-1259400, -1149000, -1176800, -1205600], "cat"),
        ("Leasingbil", [-41000, -46000, -46000, -46000], "cat"),
        ("Finansiering av individriktade insatser", [-5300000, -5300000, -4768500, -4768500], "cat"),
        ("- Samordningsteam FNS", [-1457000, -1457000, -1311500, -1311500], "item"),
        ("- Samordningsteam Sala", [-1590000, -1590000, -1431000, -1431000], "item"),
        ("- Samordningsteam Hallstahammar", [-1060000, -1060000, -954000, -954000], "item"),
        ("- Samordningsteam Surahammar", [-958000, -958000, -862000, -862000], "item"),
        ("Kurator till samordningsteam", [-235000, -235000, -210000, -210000], "item"),
        ("- Utvecklingsdagar samordningsteam", [-10000, 0, 0, 0], "item"),
        ("Utbildningsinsatser", [-346000, -330000, -455000, -435000], "cat"),
        ("- Lösningsfokuserat arbetssätt – grund", [-35000, -20000, -20000, -20000], "item"),
        ("- Lösningsfokuserat arbetssätt – vidareutbildning", [-35000, -20000, -20000, 0], "item"),
        ("- Andra utbildningar/seminarier", [-90000, -60000, -60000, -60000], "item"),
        ("- Länsgemensamma insatser", [-95000, -125000, -250000, -250000], "item"),
        ("- Insatskatalogen", [-86000, -100000, -100000, -100000], "item"),
        ("Webportal Lösningfokus och Samverkan", [-5000, -5000, -5000, -5000], "item"),
        ("Utvärderingsinsatser", [-25000, -100000, -100000, -100000], "cat"),
        ("- Extern medbedömning av individinsatser", [0, -50000, -50000, -50000], "item"),
        ("- Andra utvärderingsinsatser", [-25000, -50000, -50000, -50000], "item"),
        ("Samverkansmedel – ofördelat", [0, -90000, -30800, -15000], "cat"),
        ("SUMMA KOSTNADER", [-7429100, -7499900, -7046000, -7046000], "tot"),
        ("SUMMA INTÄKTER", [7046000, 7046000, 7046000, 7046000], "cat"),
        ("RESULTAT", [-383100, -431900, 0, 0], "cat"),
    ]
    write_rows(ws, 6, rows, f)
    ws.freeze_panes(5, 1)

    ov = wb.add_worksheet("Översikt")
    ov.set_column(0, 0, 8)
    ov.set_column(1, 5, 16)
    fkr = wb.add_format({"num_format": '#,##0 "kr"'})
    ov.write_string(0, 0, "Budgetöversikt 2021-2023", f["sub"])
    heads = ["", "Budgeterade Intäkter", "Budgeterade Kostnader", "Budgeterat resultat",
             "Prognos utfall", "Eget kapital 31/12 (Prognos)"]
    hw = wb.add_format({"bold": True, "text_wrap": True, "bottom": 1, "align": "right"})
    for c, h in enumerate(heads):
        if h:
            ov.write_string(2, c, h, hw)
        else:
            ov.write_blank(2, c, None, hw)
    data = [
        (2020, 7046000, -7429100, -383100, -150000, 949113),
        (2021, 7046000, -7477900, -431900, None, 517213),
        (2022, 7046000, -7046000, 0, None, 517213),
        (2023, 7046000, -7046000, 0, None, 517213),
    ]
    for i, row in enumerate(data):
        r = 3 + i
        ov.write_number(r, 0, row[0], f["labb"])
        for c in range(1, 5):
            if row[c] is not None:
                ov.write_number(r, c, row[c], f["num"])
        ov.write_number(r, 5, row[5], fkr)
    wb.close()
    return path


if __name__ == "__main__":
    print(build())
