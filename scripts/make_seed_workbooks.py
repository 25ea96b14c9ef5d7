#!/usr/bin/env python3
"""Write the five seed budget workbooks used as test fixtures.

Usage::

    python scripts/make_seed_workbooks.py [OUTDIR]

OUTDIR defaults to ``workbooks/`` in the repository root (the parent of the
``scripts`` folder).

Each workbook reproduces the budget tables of one seed document in
``/work/shared/seeds/`` (see ``workbooks/README.md``).  Every amount is typed
as a constant exactly as the seed states it -- including the seeds' own
arithmetic mistakes.  Nothing is computed and no formulas are written; the
only exception is the administration row of seed 003, whose numbers were lost
in the OCR text and are derived (see ``build_2023_tkr``).

The output is deterministic: document properties carry a fixed date and the
zip members carry a fixed timestamp, so re-running the script gives
byte-identical files.
"""

from __future__ import annotations

import datetime as _dt
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

FIXED_DATETIME = _dt.datetime(2024, 11, 1, 0, 0, 0)
AMOUNT_FORMAT = "#,##0"
KR_FORMAT = '#,##0 "kr"'

BOLD = Font(bold=True)
ITALIC = Font(italic=True)
UNDERLINE = Font(underline="single")
TITLE = Font(bold=True, size=14)
RIGHT = Alignment(horizontal="right")
INDENT1 = Alignment(indent=1)

AMOUNT_COLS = "BCDEF"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def _new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "xlplugin scripts/make_seed_workbooks.py"
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    return wb


def _widths(ws, widths: dict[str, float]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[col].width = width


def _put_amounts(ws, row: int, values, *, first_col: int = 2,
                 number_format: str = AMOUNT_FORMAT, font: Font | None = None) -> None:
    """Write amounts starting at ``first_col``.

    ``None`` leaves the cell empty; ``int`` is written as a number; ``str`` is
    written as text (right-aligned) exactly as given.
    """
    for offset, value in enumerate(values):
        if value is None:
            continue
        cell = ws.cell(row=row, column=first_col + offset, value=value)
        cell.number_format = number_format
        if isinstance(value, str):
            cell.alignment = RIGHT
        if font is not None:
            cell.font = font


def _header(ws, row: int, labels, *, first_col: int = 1, font: Font = BOLD) -> None:
    for offset, label in enumerate(labels):
        if label is None:
            continue
        cell = ws.cell(row=row, column=first_col + offset, value=label)
        cell.font = font


class _FixedTimeZipFile(zipfile.ZipFile):
    """ZipFile that stamps every member with a fixed date (byte-stable output)."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo = zipfile.ZipInfo(zinfo_or_arcname, date_time=FIXED_DATETIME.timetuple()[:6])
            zinfo.compress_type = self.compression
            zinfo.external_attr = 0o600 << 16
            zinfo_or_arcname = zinfo
        return super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl writes worksheets via a temporary file; store its bytes with
        # the fixed timestamp instead of the temp file's mtime.
        data = Path(filename).read_bytes()
        if arcname is None:
            arcname = Path(filename).name
        return self.writestr(arcname, data, compress_type, compresslevel)


def _save(wb: Workbook, path: Path) -> None:
    # openpyxl's save_workbook() overwrites properties.modified with "now";
    # write through ExcelWriter directly so the fixed date is kept.
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    with _FixedTimeZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()


# ---------------------------------------------------------------------------
# 1. seed 001 -- Norra Västmanland, Verksamhetsplan 2020 (kr)
# ---------------------------------------------------------------------------

NOTE_NET_COST = "Nettokostnad, se not *"

# (label, Budget 2019, Prognos 2019, Budget 2020, bold)
BUDGET_2020_ROWS = [
    ("Medel från huvudmännen", 7088000, 7088000, 7046000, True),
    ("Styrelse", -389700, -517700, -457700, True),
    ("Gemensam administration", -1281400, -1429800, -1259400, True),
    ("Leasingbil", -46000, -43800, -41000, True),
    ("Finansiering av individinriktade insatser", -6176500, -6128500, -5300000, True),
    ("- Samordningsteam FNS", -1750000, -1720000, None, False),
    ("- Samordningsteam Sala", -1850000, -1830000, None, False),
    ("- Samordningsteam Hallstahammar", -1200000, -1200000, None, False),
    ("-Samordningsteam Surahammar", -925000, -925000, None, False),
    ("Kurator till samordningsteam", -441500, -441500, None, False),
    ("- Utvecklingsdagar samordningsteam", -10000, -12000, None, False),
    ("Utbildningsinsatser", -246000, -320200, -346000, True),
    ("- Lösningsfokuserat arbetssätt – grund*", "- 41 000*", "-6 300*", "-35 000*", False),
    ("- Lösningsfokuserat arbetssätt – repetition*", "- 20 000*", "- 20 000*", 0, False),
    ("- Lösningsfokuserat arbetssätt – vidareutbildning*", "- 50 000*", "-75 000*", "-35 000*", False),
    ("- Andra utbildningar/seminarier", -30000, -30000, -90000, False),
    ("- Länsgemensamma utbildningsinsatser", -95000, -95000, -95000, False),
    ("- Insatskatalogen", None, -79200, -86000, False),
    ("Webportal Lösningsfokus och Samverkan", -10000, -14700, -5000, False),
    ("Utvärderingsinsatser", -140000, -167700, -25000, True),
    ("- Extern medbedömning av samordningsteam", -90000, -117000, None, False),
    ("- Andra utvärderingsinsatser", -50000, -50000, None, False),
    ("Samverkansmedel – ofördelat", -136000, -36000, 0, True),
    ("SUMMA KOSTNADER", -8415600, -8643000, -7429100, True),
    ("SUMMA INTÄKTER", 7088000, 7088000, 7046000, True),
    ("RESULTAT**", -1327600, -1555000, -383100, True),
]

BUDGET_2020_FOOTNOTES = [
    "* Nettokostnad. Förbundet bekostar utbildningsledare, material och kurslokal.",
    "Deltagaravgift 300 kr/dag bekostar fika och lunch.",
    "**Förbundet budgeterade 2019 för ett uttag av eget kapital motsvarande "
    "1 327 600 kr, och för 2020 budgeteras ett uttag motsvarande 383 100 kr.",
]

# (år, intäkter, kostnader, resultat, prognos utfall, eget kapital 31/12)
OVERVIEW_2019_2022 = [
    (2019, 7088000, -8415600, -1327600, -1555000, "841 600 kr"),
    (2020, 7046000, -7429100, -383100, None, "458 500 kr"),
    (2021, 7800000, -7686000, "+ 114 000", None, "572 500 kr"),
    (2022, 7800000, -7741000, "+ 59 000", None, "631 500 kr"),
]

OVERVIEW_HEADER = ["År", "Budgeterade intäkter", "Budgeterade kostnader",
                   "Budgeterat resultat", "Prognos utfall"]


def build_2020() -> Workbook:
    wb = _new_workbook()

    ws = wb.create_sheet("Budget 2020")
    ws["A1"] = "Norra Västmanlands Samordningsförbund"
    ws["A1"].font = TITLE
    ws["A2"] = "Verksamhetsplan 2020 – budget"
    _header(ws, 4, [None, "Budget 2019", "Prognos 2019", "Budget 2020", "Kommentar"])
    row = 5
    for label, b19, p19, b20, bold in BUDGET_2020_ROWS:
        font = BOLD if bold else None
        cell = ws.cell(row=row, column=1, value=label)
        if font:
            cell.font = font
        _put_amounts(ws, row, [b19, p19, b20], font=font)
        # Net-cost note only on the rows marked with a single "*"
        # ("RESULTAT**" refers to the separate "**" footnote).
        if label.endswith("*") and not label.endswith("**"):
            ws.cell(row=row, column=5, value=NOTE_NET_COST)
        row += 1
    row += 1  # one empty row after RESULTAT**
    for line in BUDGET_2020_FOOTNOTES:
        ws.cell(row=row, column=1, value=line)
        row += 1
    _widths(ws, {"A": 52, "B": 15, "C": 15, "D": 15, "E": 26})

    ws = wb.create_sheet("Flerårsbudget")
    ws["A1"] = "Prognos 2019, budget 2020 och flerårsbudget 2021–2022"
    ws["A1"].font = BOLD
    _header(ws, 3, OVERVIEW_HEADER + ["Eget kapital 31/12 (prognos)"])
    for i, (year, *amounts) in enumerate(OVERVIEW_2019_2022):
        row = 4 + i
        ws.cell(row=row, column=1, value=year)
        _put_amounts(ws, row, amounts)
    _widths(ws, {"A": 8, "B": 22, "C": 22, "D": 20, "E": 16, "F": 28})
    return wb


# ---------------------------------------------------------------------------
# 2. seed 000 -- Norra Västmanland, Verksamhetsplan och budget 2021-2023 (kr)
# ---------------------------------------------------------------------------

OVERVIEW_2020_2023 = [
    (2020, 7046000, -7429100, -383100, -150000, 949113),
    (2021, 7046000, -7477900, -431900, None, 517213),
    (2022, 7046000, -7046000, 0, None, 517213),
    (2023, 7046000, -7046000, 0, None, 517213),
]

# (label, Budget 2020, Budget 2021, Budget 2022, Budget 2023, is_category)
BUDGET_2021_2023_ROWS = [
    ("Medel från huvudmännen", 7046000, 7046000, 7046000, 7046000, True),
    ("Styrelse", -457700, -462900, -468900, -475900, True),
    ("Gemensam administration", -1259400, -1149000, -1176800, -1205600, True),
    ("Leasingbil", -41000, -46000, -46000, -46000, True),
    ("Finansiering av individriktade insatser", -5300000, -5300000, -4768500, -4768500, True),
    ("- Samordningsteam FNS", -1457000, -1457000, -1311500, -1311500, False),
    ("- Samordningsteam Sala", -1590000, -1590000, -1431000, -1431000, False),
    ("- Samordningsteam Hallstahammar", -1060000, -1060000, -954000, -954000, False),
    ("- Samordningsteam Surahammar", -958000, -958000, -862000, -862000, False),
    ("Kurator till samordningsteam", -235000, -235000, -210000, -210000, False),
    ("- Utvecklingsdagar samordningsteam", -10000, 0, 0, 0, False),
    ("Utbildningsinsatser", -346000, -330000, -455000, -435000, True),
    ("- Lösningsfokuserat arbetssätt – grund", -35000, -20000, -20000, -20000, False),
    ("- Lösningsfokuserat arbetssätt – vidareutbildning", -35000, -20000, -20000, 0, False),
    ("- Andra utbildningar/seminarier", -90000, -60000, -60000, -60000, False),
    ("- Länsgemensamma insatser", -95000, -125000, -250000, -250000, False),
    ("- Insatskatalogen", -86000, -100000, -100000, -100000, False),
    ("Webportal Lösningfokus och Samverkan", -5000, -5000, -5000, -5000, False),
    ("Utvärderingsinsatser", -25000, -100000, -100000, -100000, True),
    ("- Extern medbedömning av individinsatser", 0, -50000, -50000, -50000, False),
    ("- Andra utvärderingsinsatser", -25000, -50000, -50000, -50000, False),
    ("Samverkansmedel – ofördelat", 0, -90000, -30800, -15000, True),
    ("SUMMA KOSTNADER", -7429100, -7499900, -7046000, -7046000, True),
    ("SUMMA INTÄKTER", 7046000, 7046000, 7046000, 7046000, True),
    ("RESULTAT", -383100, -431900, 0, 0, True),
]


def build_2021_2023() -> Workbook:
    wb = _new_workbook()
    ws = wb.create_sheet("Budget 2021-2023")
    ws["A1"] = "Norra Västmanlands Samordningsförbund"
    ws["A1"].font = BOLD
    ws["A2"] = "Verksamhetsplan och budget 2021–2023"
    ws["A4"] = "Budgetöversikt 2021–2023"
    ws["A4"].font = BOLD
    _header(ws, 5, OVERVIEW_HEADER + ["Eget kapital 31/12 (prognos)"])
    for i, (year, *amounts) in enumerate(OVERVIEW_2020_2023):
        row = 6 + i
        ws.cell(row=row, column=1, value=year)
        _put_amounts(ws, row, amounts)
    # rows 10 and 11 stay empty
    ws["A12"] = "Budget 2021–2023"
    ws["A12"].font = BOLD
    _header(ws, 13, ["Budget 2020", "Budget 2021", "Budget 2022", "Budget 2023"], first_col=2)
    row = 14
    for label, *rest in BUDGET_2021_2023_ROWS:
        amounts, is_category = rest[:-1], rest[-1]
        cell = ws.cell(row=row, column=1, value=label)
        if is_category:
            cell.font = BOLD
            _put_amounts(ws, row, amounts, font=BOLD)
        else:
            cell.alignment = INDENT1
            _put_amounts(ws, row, amounts)
        row += 1
    _widths(ws, {"A": 50, "B": 22, "C": 22, "D": 20, "E": 16, "F": 28})
    return wb


# ---------------------------------------------------------------------------
# 3. seed 003 -- Norra Västmanland, Verksamhetsplan 2023 (tkr, OCR text)
# ---------------------------------------------------------------------------

ADMIN_COMMENT = ("Belopp saknas i källtexten (OCR); härlett som SUMMA KOSTNADER "
                 "minus övriga kostnadsrader")

# The seed's administration row lost its numbers in OCR.  They are derived as
#   SUMMA KOSTNADER - Individinriktade insatser - Strukturinriktade insatser
# using the stated values:
#   Budget 2022:  -7720 - (-5521) - (-943)  = -1256
#   Prognos 2022: -7495 - (-5362) - (-845)  = -1288
#   Budget 2023:  -7878 - (-5548) - (-1109) = -1221
ADMIN_2023 = (-1256, -1288, -1221)

# (label, Budget 2022, Prognos 2022, Budget 2023, bold, comment)
BUDGET_2023_ROWS = [
    ("Medel från huvudmännen", 7046, 7046, 7030, True, None),
    ("Övriga intäkter", 200, 202, 100, True, None),
    ("Administration (styrelse & kansli)", *ADMIN_2023, True, ADMIN_COMMENT),
    ("Individinriktade insatser", -5521, -5362, -5548, True, None),
    ("-Samordningsteam FNS", -1523, -1513, -1528, False, None),
    ("-Samordningsteam Sala", -1590, -1440, -1500, False, None),
    ("-Samordningsteam Hallstahammar", -1120, -1120, -1140, False, None),
    ("-Samordningsteam Surahammar", -1053, -1053, -1140, False, None),
    ("-Kurator till samordningsteamen", -235, -235, -240, False, None),
    ("Strukturinriktade insatser", -943, -845, -1109, True, None),
    ("-Utvecklingsdagar samordningsteam", 0, -15, -15, False, None),
    ("-Utbildning lösningsfokuserat arbetssätt", -40, -16, -30, False, None),
    ("-Andra utbildningar/seminarier", 0, -12, -50, False, None),
    ("-Länsgemensamma aktiviteter (inkl kostnader för processen mot länsförbund)",
     -250, -250, -325, False, None),
    ("-Insatskatalogen", -75, -73, -48, False, None),
    ("-Utvärdering", -30, -12, -30, False, None),
    ("-Brukarrevision individinsats", 0, -30, -65, False, None),
    ("- Processtöd samverkan", -431, -437, -421, False, None),
    ("- Samverkansmedel ofördelat", -82, -110, -100, False, None),
    ("SUMMA KOSTNADER", -7720, -7495, -7878, True, None),
    ("SUMMA INTÄKTER", 7246, 7248, 7130, True, None),
    ("RESULTAT", -474, -247, -748, True, None),
]

# Budgetöversikt 2023: amounts kept as text, as the seed shows them.
OVERVIEW_2022_2023_TKR = [
    (2022, "7 246 tkr", "-7 720 tkr", "-474 tkr", "- 247 tkr", "1 066 tkr"),
    (2023, "7 130 tkr", "-7 878 tkr", "-748 tkr", None, "317 tkr"),
]


def build_2023_tkr() -> Workbook:
    wb = _new_workbook()

    ws = wb.create_sheet("Budget 2023")
    ws["A1"] = "Norra Västmanlands Samordningsförbund"
    ws["A1"].font = BOLD
    ws["A2"] = "Verksamhetsplan 2023 – budget"
    ws["A3"] = "Belopp i tkr"
    _header(ws, 5, ["(tkr)", "Budget 2022", "Prognos 2022", "Budget 2023", "Kommentar"])
    row = 6
    for label, b22, p22, b23, bold, comment in BUDGET_2023_ROWS:
        font = BOLD if bold else None
        cell = ws.cell(row=row, column=1, value=label)
        if font:
            cell.font = font
        _put_amounts(ws, row, [b22, p22, b23], font=font)
        if comment:
            ws.cell(row=row, column=5, value=comment)
        row += 1
    _widths(ws, {"A": 72, "B": 14, "C": 14, "D": 14, "E": 40})

    ws = wb.create_sheet("Budgetöversikt")
    ws["A1"] = "Budgetöversikt 2023"
    ws["A1"].font = BOLD
    _header(ws, 3, OVERVIEW_HEADER + ["Eget kapital 31 dec inkl. årets resultat (prognos)"])
    for i, (year, *amounts) in enumerate(OVERVIEW_2022_2023_TKR):
        row = 4 + i
        ws.cell(row=row, column=1, value=year)
        _put_amounts(ws, row, amounts)
    _widths(ws, {"A": 8, "B": 22, "C": 22, "D": 20, "E": 16, "F": 46})
    return wb


# ---------------------------------------------------------------------------
# 4. seed 002 -- Samordningsförbundet Västmanland, budget 2025-2027 (kr)
# ---------------------------------------------------------------------------

# (label, Budget 2024, Budget 2025, Plan 2026, Plan 2027); section headers
# carry no amounts (None).
BUDGET_2025_2027_ROWS = [
    ("Medel från huvudmännen", 19038000, 18958000, 18958000, 18958000),
    ("Summa intäkter", 19038000, 18958000, 18958000, 18958000),
    ("Styrelse", -606000, -619000, -634000, -649000),
    ("Gemensam administration", -2022000, -1759000, -1726000, -1727000),
    ("Summa administrativa kostnader", -2628000, -2378000, -2360000, -2376000),
    ("Individinsatser", None, None, None, None),
    ("Samordningsteam FNS", -1525000, -1650000, -1369500, -1164000),
    ("Samordningsteam Hallstahammar", -1200000, -1250000, -1037500, -882000),
    ("Samordningsteam Sala", -1700000, -1720000, -1427600, -1213500),
    ("Samordningsteam Surahammar", -1200000, -1250000, -1037500, -882000),
    ("Samordningsteam Västerås", -6200000, -6100000, -5063000, -4304000),
    ("Teamsamverkan i V Mälardalen", -1700000, -1550500, -1550500, -1550500),
    ("Psykiatiresurs Samordningsteam", -400000, -321500, -267000, -227000),
    ("Summa individinsatser", -13925000, -13842000, -11752600, -10223000),
    ("Metoder och arbetssätt", None, None, None, None),
    ("Rådgivande myndighetsgem team RMGT", -1120000, -1254000, -1292000, -1337000),
    ("Inkluderingslyftet", 0, 0, 0, 0),
    ("Strukturpåverkande insatser", None, None, None, None),
    ("Rehabkoordinatorer i samverkan", -595000, -400000, 0, 0),
    ("Utbildningar och konferenser", -500000, -200000, -400000, -700000),
    ("Processtöd", -1674000, -2017000, -2082000, -2150000),
    ("SIP-utvecklare V Mälardalen", -40000, 0, 0, 0),
    ("Utvärdering", -100000, -20000, -40000, -50000),
    ("Summa metoder, arbetssätt och strukturpåverkande insatser",
     -4029000, -3891000, -3814000, -4262000),
    ("Summa direkta insatskostnader", -17954000, -17733000, -15566600, -14485000),
    ("Ofördelade medel", -400000, -93000, -300000, -1800000),
    ("Summa kostnader", -20982000, -20204000, -18226600, -18636000),
    ("RESULTAT", -1944000, -1246000, 731400, 322000),
]

EQUITY_YEARS_2024_2027 = (2024, 2025, 2026, 2027)
EQUITY_2024_2027 = (2246700, 1000700, 1732100, 2054100)


def build_2025_2027() -> Workbook:
    wb = _new_workbook()
    ws = wb.create_sheet("Budget 2025-2027")
    ws["A1"] = "Samordningsförbundet Västmanland"
    ws["A1"].font = BOLD
    ws["A2"] = "Verksamhetsplan och budget 2025–2027"
    ws["A3"] = "Org nr 222 000-1974"
    _header(ws, 5, ["Budget 2024", "Budget 2025", "Plan 2026", "Plan 2027"], first_col=2)
    row = 6
    for label, *amounts in BUDGET_2025_2027_ROWS:
        is_section = all(a is None for a in amounts)
        bold = is_section or label.startswith("Summa") or label == "RESULTAT"
        font = BOLD if bold else None
        cell = ws.cell(row=row, column=1, value=label)
        if font:
            cell.font = font
        _put_amounts(ws, row, amounts, font=font)
        row += 1
    row += 1  # one empty row after RESULTAT
    ws.cell(row=row, column=1, value="Beräknat utgående eget kapital")
    _put_amounts(ws, row, EQUITY_YEARS_2024_2027, number_format="General")
    row += 1
    _put_amounts(ws, row, EQUITY_2024_2027)
    _widths(ws, {"A": 58, "B": 15, "C": 15, "D": 15, "E": 15})
    return wb


# ---------------------------------------------------------------------------
# 5. seed 004 -- Samordningsförbundet Kramfors, resultat- och balansbudget (kr)
# ---------------------------------------------------------------------------

# (label, Budget 2020, Budget 2021, Budget 2022, Budget 2023, style)
# style: "header" (no amounts), "project" (italic, indented), "sum" (bold),
# "" (plain).  Accounting signs as in the seed: revenue negative, costs positive.
RESULTATBUDGET_ROWS = [
    ("Verksamhetens intäkter", None, None, None, None, "header"),
    ("Drittbidrag från staten", -1296000, -1296000, -1293334, -1290667, ""),
    ("Drittbidrag från kommun och region", -1296000, -1296000, -1293334, -1290667, ""),
    ("Summa driftsbidrag", -2592000, -2592000, -2586668, -2581334, "sum"),
    ("Verksamhetens kostnader", None, None, None, None, "header"),
    ("Kostnader/utgifter", None, None, None, None, "header"),
    ("4530 Bidrag föreningar, kommunalförbund, företag mfi (SCB)", None, None, None, None, "header"),
    ("Teamkoordinator/ Coach Samkraft", 600000, 600000, 600000, 600000, "project"),
    ("Aktivitetscoach & samordnare STEGSAM", 950000, 950000, None, None, "project"),
    ("Aktivitetscoach STEGSAM Plus", None, 330000, None, None, "project"),
    ("Psykiatridagen", 30000, 30000, 30000, 30000, "project"),
    ("Nya projekt under året/Kvar att fördela (5590)", 98000, None, 1008768, 985919, "project"),
    ("Summa kostnader/utgifter", 1678000, 1910000, 1638768, 1615919, "sum"),
    ("Personalkostnader", None, None, None, None, "header"),
    ("Summa personalkostnader", 779000, 797000, 809900, 827415, "sum"),
    ("Övriga verksamhetskostnader", None, None, None, None, "header"),
    ("Summa övriga verksamhetskostnader", 132000, 134000, 134000, 134000, "sum"),
    ("Övriga intäkter och kostnader", None, None, None, None, "header"),
    ("8440 Ränteintäkter", None, None, None, None, ""),
    ("8550 Räntekostnader på leverantörsskuld", None, None, None, None, ""),
    ("8570 Bankkostnader", 3000, 4000, 4000, 4000, ""),
    ("8700 Extraordinära intäkter", None, None, None, None, ""),
    ("8800 Extraordinära kostnader", None, None, None, None, ""),
    ("Summa övriga intäkter och kostnader", 3000, 4000, 4000, 4000, "sum"),
    ("8900 Årets resultat", 0, -253000, 0, 0, ""),
]

BALANSBUDGET_ROWS = [
    ("2010 Eget kapital (IB EK)", -548077, -548077, -295077, -295077),
    ("2020 Årets resultat", 0, 253000, 0, 0),
    ("UB Eget kapital", -548077, -295077, -295077, -295077),
]


def build_kramfors_2021() -> Workbook:
    wb = _new_workbook()
    ws = wb.create_sheet("Resultatbudget")
    ws["A1"] = "Samordningsförbundet Kramfors"
    ws["A1"].font = BOLD
    ws["A2"] = "RESULTATBUDGET 2021"
    ws["A2"].font = BOLD
    _header(ws, 4, ["Budget 2020", "Budget 2021", "Budget 2022", "Budget 2023"],
            first_col=2, font=UNDERLINE)
    row = 5
    for label, *rest in RESULTATBUDGET_ROWS:
        amounts, style = rest[:-1], rest[-1]
        cell = ws.cell(row=row, column=1, value=label)
        font = None
        if style == "project":
            font = ITALIC
            cell.alignment = INDENT1
        elif style == "sum":
            font = BOLD
        if font:
            cell.font = font
        _put_amounts(ws, row, amounts, number_format=KR_FORMAT, font=font)
        row += 1
    row += 1  # empty row
    ws.cell(row=row, column=1, value="BALANSBUDGET").font = BOLD
    row += 1
    for label, *amounts in BALANSBUDGET_ROWS:
        ws.cell(row=row, column=1, value=label)
        _put_amounts(ws, row, amounts, number_format=KR_FORMAT)
        row += 1
    row += 1  # empty row
    ws.cell(row=row, column=1, value="Kramfors den 20 november 2020")
    _widths(ws, {"A": 58, "B": 16, "C": 16, "D": 16, "E": 16})
    return wb


# ---------------------------------------------------------------------------

OUTPUTS = [
    ("norra_vastmanland_2020.xlsx", build_2020),
    ("norra_vastmanland_2021_2023.xlsx", build_2021_2023),
    ("norra_vastmanland_2023_tkr.xlsx", build_2023_tkr),
    ("vastmanland_2025_2027.xlsx", build_2025_2027),
    ("kramfors_2021.xlsx", build_kramfors_2021),
]


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    if len(argv) == 2:
        outdir = Path(argv[1])
    else:
        outdir = Path(__file__).resolve().parent.parent / "workbooks"
    outdir.mkdir(parents=True, exist_ok=True)
    for name, build in OUTPUTS:
        path = outdir / name
        _save(build(), path)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
