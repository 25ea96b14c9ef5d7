"""Seed 001: Norra Västmanlands Samordningsförbund, Verksamhetsplan 2020 (adopted 2019-11-27).
Source: /work/shared/seeds/001_48843ac33ec85e17.txt, "Budget 2020" and "2019-2021" overview.
Numbers typed as constants exactly as stated (kr, costs negative). Bold = bold in the document."""
from _common import new_workbook, formats, write_rows

NAME = "s001_norra_vastmanland_2020.xlsx"


def build():
    wb, path = new_workbook(NAME, "Verksamhetsplan 2020", "Norra Västmanlands Samordningsförbund")
    f = formats(wb)
    ws = wb.add_worksheet("Budget")
    ws.set_column(0, 0, 52)
    ws.set_column(1, 3, 14)
    ws.write_string(0, 0, "Norra Västmanlands Samordningsförbund", f["title"])
    ws.write_string(1, 0, "Budget 2020", f["sub"])
    ws.write_string(2, 0, "Belopp i kr", f["note"])
    ws.write_blank(4, 0, None, f["headl"])
    for c, h in enumerate(["Budget 2019", "Prognos 2019", "Budget 2020"]):
        ws.write_string(4, c + 1, h, f["head"])
    N = None
    rows = [
        ("Medel från huvudmännen", [7088000, 7088000, 7046000], "cat"),
        ("Styrelse", [-389700, -517700, -457700], "cat"),
        ("Gemensam administration", [-1281400, -1429800, -1259400], "cat"),
        ("Leasingbil", [-46000, -43800, -41000], "cat"),
        ("Finansiering av individinriktade insatser", [-6176500, -6128500, -5300000], "cat"),
        ("- Samordningsteam FNS", [-1750000, -1720000, N], "item"),
        ("- Samordningsteam Sala", [-1850000, -1830000, N], "item"),
        ("- Samordningsteam Hallstahammar", [-1200000, -1200000, N], "item"),
        ("-Samordningsteam Surahammar", [-925000, -925000, N], "item"),
        ("Kurator till samordningsteam", [-441500, -441500, N], "item"),
        ("- Utvecklingsdagar samordningsteam", [-10000, -12000, N], "item"),
        ("Utbildningsinsatser", [-246000, -320200, -346000], "cat"),
        ("- Lösningsfokuserat arbetssätt – grund*", [-41000, -6300, -35000], "item"),
        ("- Lösningsfokuserat arbetssätt – repetition*", [-20000, -20000, 0], "item"),
        ("- Lösningsfokuserat arbetssätt – vidareutbildning*", [-50000, -75000, -35000], "item"),
        ("- Andra utbildningar/seminarier", [-30000, -30000, -90000], "item"),
        ("- Länsgemensamma utbildningsinsatser", [-95000, -95000, -95000], "item"),
        ("- Insatskatalogen", [N, -79200, -86000], "item"),
        ("Webportal Lösningsfokus och Samverkan", [-10000, -14700, -5000], "item"),
        ("Utvärderingsinsatser", [-140000, -167700, -25000], "cat"),
        ("- Extern medbedömning av samordningsteam", [-90000, -117000, N], "item"),
        ("- Andra utvärderingsinsatser", [-50000, -50000, N], "item"),
        ("Samverkansmedel – ofördelat", [-136000, -36000, 0], "cat"),
        ("SUMMA KOSTNADER", [-8415600, -8643000, -7429100], "tot"),
        ("SUMMA INTÄKTER", [7088000, 7088000, 7046000], "cat"),
        ("RESULTAT**", [-1327600, -1555000, -383100], "cat"),
    ]
    write_rows(ws, 6, rows, f)
    ws.write_string(32, 0, "* Nettokostnad. Förbundet bekostar utbildningsledare, material och kurslokal.", f["note"])
    ws.write_string(33, 0, "Deltagaravgift 300 kr/dag bekostar fika och lunch.", f["note"])
    ws.write_string(34, 0, "**Förbundet budgeterade 2019 för ett uttag av eget kapital motsvarande 1 327 600 kr, "
                           "och för 2020 budgeteras ett uttag motsvarande 383 100 kr.", f["note"])
    ws.freeze_panes(5, 1)

    ov = wb.add_worksheet("Översikt")
    ov.set_column(0, 0, 8)
    ov.set_column(1, 5, 16)
    fkr = wb.add_format({"num_format": '#,##0 "kr"'})
    fplus = wb.add_format({"num_format": '+#,##0;-#,##0;0'})
    ov.write_string(0, 0, "Prognos 2019, budget 2020 samt flerårsbudget 2021-2022", f["sub"])
    heads = ["", "Budgeterade Intäkter", "Budgeterade Kostnader", "Budgeterat resultat",
             "Prognos utfall", "Eget kapital 31/12 (Prognos)"]
    hw = wb.add_format({"bold": True, "text_wrap": True, "bottom": 1, "align": "right"})
    for c, h in enumerate(heads):
        if h:
            ov.write_string(2, c, h, hw)
        else:
            ov.write_blank(2, c, None, hw)
    data = [
        (2019, 7088000, -8415600, -1327600, -1555000, 841600),
        (2020, 7046000, -7429100, -383100, None, 458500),
        (2021, 7800000, -7686000, 114000, None, 572500),
        (2022, 7800000, -7741000, 59000, None, 631500),
    ]
    for i, row in enumerate(data):
        r = 3 + i
        ov.write_number(r, 0, row[0], f["labb"])
        for c in range(1, 5):
            if row[c] is not None:
                ov.write_number(r, c, row[c], fplus if (c == 3 and row[c] > 0) else f["num"])
        ov.write_number(r, 5, row[5], fkr)
    wb.close()
    return path


if __name__ == "__main__":
    print(build())
