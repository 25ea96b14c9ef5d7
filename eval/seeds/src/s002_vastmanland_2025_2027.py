"""Seed 002: Samordningsförbundet Västmanland, Verksamhetsplan och budget 2025-2027
(adopted 2024-11-22). Source: /work/shared/seeds/002_a3048755c5bf4d8a.txt, §7 BUDGET.
Numbers typed as constants exactly as stated (kr, costs negative). Section headers carry no numbers."""
from _common import new_workbook, formats, write_rows

NAME = "s002_vastmanland_2025_2027.xlsx"


def build():
    wb, path = new_workbook(NAME, "Verksamhetsplan och budget 2025-2027", "Samordningsförbundet Västmanland")
    f = formats(wb)
    ws = wb.add_worksheet("Budget")
    ws.set_column(0, 0, 58)
    ws.set_column(1, 4, 14)
    ws.write_string(0, 0, "Samordningsförbundet Västmanland", f["title"])
    ws.write_string(1, 0, "Budget 2025 och flerårsplan 2026-2027", f["sub"])
    ws.write_string(2, 0, "Belopp i kr", f["note"])
    ws.write_blank(4, 0, None, f["headl"])
    for c, h in enumerate(["Budget 2024", "Budget 2025", "Plan 2026", "Plan 2027"]):
        ws.write_string(4, c + 1, h, f["head"])
    rows = [
        ("Medel från huvudmännen", [19038000, 18958000, 18958000, 18958000], "item"),
        ("Summa intäkter", [19038000, 18958000, 18958000, 18958000], "tot"),
        ("Styrelse", [-606000, -619000, -634000, -649000], "item"),
        ("Gemensam administration", [-2022000, -1759000, -1726000, -1727000], "item"),
        ("Summa administrativa kostnader", [-2628000, -2378000, -2360000, -2376000], "tot"),
        ("Individinsatser", None, "head"),
        ("Samordningsteam FNS", [-1525000, -1650000, -1369500, -1164000], "item"),
        ("Samordningsteam Hallstahammar", [-1200000, -1250000, -1037500, -882000], "item"),
        ("Samordningsteam Sala", [-1700000, -1720000, -1427600, -1213500], "item"),
        ("Samordningsteam Surahammar", [-1200000, -1250000, -1037500, -882000], "item"),
        ("Samordningsteam Västerås", [-6200000, -6100000, -5063000, -4304000], "item"),
        ("Teamsamverkan i V Mälardalen", [-1700000, -1550500, -1550500, -1550500], "item"),
        ("Psykiatiresurs Samordningsteam", [-400000, -321500, -267000, -227000], "item"),
        ("Summa individinsatser", [-13925000, -13842000, -11752600, -10223000], "tot"),
        ("Metoder och arbetssätt", None, "head"),
        ("Rådgivande myndighetsgem team RMGT", [-1120000, -1254000, -1292000, -1337000], "item"),
        ("Inkluderingslyftet", [0, 0, 0, 0], "item"),
        ("Strukturpåverkande insatser", None, "head"),
        ("Rehabkoordinatorer i samverkan", [-595000, -400000, 0, 0], "item"),
        ("Utbildningar och konferenser", [-500000, -200000, -400000, -700000], "item"),
        ("Processtöd", [-1674000, -2017000, -2082000, -2150000], "item"),
        ("SIP-utvecklare V Mälardalen", [-40000, 0, 0, 0], "item"),
        ("Utvärdering", [-100000, -20000, -40000, -50000], "item"),
        ("Summa metoder, arbetssätt och strukturpåverkande insatser", [-4029000, -3891000, -3814000, -4262000], "tot"),
        ("Summa direkta insatskostnader", [-17954000, -17733000, -15566600, -14485000], "tot"),
        ("Ofördelade medel", [-400000, -93000, -300000, -1800000], "item"),
        ("Summa kostnader", [-20982000, -20204000, -18226600, -18636000], "tot"),
        ("RESULTAT", [-1944000, -1246000, 731400, 322000], "tot"),
    ]
    write_rows(ws, 6, rows, f)
    # equity line as in the document, below the table (rows 35-36)
    ws.write_string(34, 0, "Beräknat utgående eget kapital", f["headl"])
    for c, y in enumerate([2024, 2025, 2026, 2027]):
        ws.write_number(34, c + 1, y, f["head"])
    for c, v in enumerate([2246700, 1000700, 1732100, 2054100]):
        ws.write_number(35, c + 1, v, f["num"])
    ws.freeze_panes(5, 1)
    wb.close()
    return path


if __name__ == "__main__":
    print(build())
