"""Seed 004: Samordningsförbundet Kramfors, Verksamhetsplan 2021 (adopted 2020-11-20).
Source: /work/shared/seeds/004_6318074337fea180.txt, RESULTATBUDGET 2021 and BALANSBUDGET.
Accounting sign convention as in the document (revenue negative, costs positive; equity credit
negative). Numbers typed as constants exactly as stated, in kr."""
from _common import new_workbook, formats, write_rows

NAME = "s004_kramfors_2021.xlsx"


def build():
    wb, path = new_workbook(NAME, "Verksamhetsplan 2021", "Samordningsförbundet Kramfors")
    f = formats(wb, num='#,##0 "kr"')
    hu = wb.add_format({"bold": True, "underline": 1, "align": "right"})
    ws = wb.add_worksheet("Resultatbudget")
    ws.set_column(0, 0, 58)
    ws.set_column(1, 4, 15)
    ws.write_string(0, 0, "RESULTATBUDGET 2021", f["title"])
    ws.write_string(1, 0, "Samordningsförbundet Kramfors", f["sub"])
    for c, h in enumerate(["Budget 2020", "Budget 2021", "Budget 2022", "Budget 2023"]):
        ws.write_string(3, c + 1, h, hu)
    N = None
    rows = [
        ("Verksamhetens intäkter", None, "head"),
        ("Drittbidrag från staten", [-1296000, -1296000, -1293334, -1290667], "item"),
        ("Drittbidrag från kommun och region", [-1296000, -1296000, -1293334, -1290667], "item"),
        ("Summa driftsbidrag", [-2592000, -2592000, -2586668, -2581334], "tot"),
        ("Verksamhetens kostnader", None, "head"),
        ("Kostnader/utgifter", None, "head"),
        ("4530 Bidrag föreningar, kommunalförbund, företag mfi (SCB)", None, "item"),
        ("Teamkoordinator/ Coach Samkraft", [600000, 600000, 600000, 600000], "ital"),
        ("Aktivitetscoach & samordnare STEGSAM", [950000, 950000, N, N], "ital"),
        ("Aktivitetscoach STEGSAM Plus", [N, 330000, N, N], "ital"),
        ("Psykiatridagen", [30000, 30000, 30000, 30000], "ital"),
        ("Nya projekt under året/Kvar att fördela (5590)", [98000, N, 1008768, 985919], "ital"),
        ("Summa kostnader/utgifter", [1678000, 1910000, 1638768, 1615919], "tot"),
        ("Personalkostnader", None, "head"),
        ("Summa personalkostnader", [779000, 797000, 809900, 827415], "tot"),
        ("Övriga verksamhetskostnader", None, "head"),
        ("Summa övriga verksamhetskostnader", [132000, 134000, 134000, 134000], "tot"),
        ("Övriga intäkter och kostnader", None, "head"),
        ("8440 Ränteintäkter", None, "item"),
        ("8550 Räntekostnader på leverantörsskuld", None, "item"),
        ("8570 Bankkostnader", [3000, 4000, 4000, 4000], "item"),
        ("8700 Extraordinära intäkter", None, "item"),
        ("8800 Extraordinära kostnader", None, "item"),
        ("Summa övriga intäkter och kostnader", [3000, 4000, 4000, 4000], "tot"),
        ("8900 Årets resultat", [0, -253000, 0, 0], "tot"),
    ]
    write_rows(ws, 5, rows, f)
    ws.freeze_panes(4, 1)

    bs = wb.add_worksheet("Balansbudget")
    bs.set_column(0, 0, 40)
    bs.set_column(1, 4, 15)
    bs.write_string(0, 0, "BALANSBUDGET", f["title"])
    for c, h in enumerate(["Budget 2020", "Budget 2021", "Budget 2022", "Budget 2023"]):
        bs.write_string(2, c + 1, h, hu)
    brows = [
        ("2010 Eget kapital (IB EK)", [-548077, -548077, -295077, -295077], "item"),
        ("2020 Årets resultat", [0, 253000, 0, 0], "item"),
        ("UB Eget kapital", [-548077, -295077, -295077, -295077], "tot"),
    ]
    write_rows(bs, 4, brows, f)
    bs.write_string(7, 0, "Kramfors den 20 november 2020", f["note"])
    bs.write_string(8, 0, "Styrelsen för Samordningsförbundet i Kramfors", f["note"])
    wb.close()
    return path


if __name__ == "__main__":
    print(build())
