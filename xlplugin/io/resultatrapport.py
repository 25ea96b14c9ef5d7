"""A resultatrapport printed to Excel by an accounting system, read as the utfall to date.

A row per account (Konto, Benämning, optionally an object such as Projekt or Kst) with
amount columns that differ from system to system: the utfall to date ("Utfall ack",
"Ackumulerat", "Hittills i år", "Bokfört t.o.m.", "Utfall jan-aug") or one column per month,
beside the month's own column, budget, deviation, forecast and last year's figures. The
reading goes in named stages:

1. sheet:    the first sheet (the one named Utfall first) with a header row that has an
             account column (headed Konto, or unheaded over "3510 Namn" cells) and an
             utfall column; heading bands above or below the row are folded in;
2. columns:  each heading's role, from the words in `core.vocabulary` (REPORT_*);
3. period:   the year and months the title rows and headings state, set against the year
             and month asked for (another year, or a to-date column that ends in another
             month, is refused rather than read as something it is not);
4. utfall:   the column to read; two candidates that give different amounts are refused
             ("osäker"), never picked between; the rows' objects come from an object
             column, or from object headings over blocks of rows ("410 Samkraft");
5. signs:    the report's own convention, told by its revenue and cost accounts: the
             ledger's (revenue negative), the report's (revenue positive, costs negative) or
             both printed positive (costs under a heading "Kostnader"); amounts come out in
             model signs, revenue positive and costs negative;
6. unit:     tkr when the title or a heading says so (amounts × 1000, exactly).

Every problem is a ReadError naming file, sheet and cell, in Swedish.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ..core import vocabulary as voc
from ..core.followup import MONTHS, ActualRow, Actuals, parse_object
from ..errors import ReadError
from ..text import kr_ore
from .cells import NotAnAmount, parse_amount
from .engines import cell_ref, open_workbook

ACTUALS_SHEET = "Utfall"
HEADER_ROWS = 40               # the header is looked for in the first rows only

_ACCOUNT = re.compile(r"^\s*(\d{4,5})(?:\b|(?=[A-Za-zÅÄÖåäö]))\s*[-–:]?\s*(.*)$")
_ACCOUNT_AND_NAME = re.compile(r"^\s*[3-8]\d{3,4}\s+[A-Za-zÅÄÖåäö]")     # "3510 Medlemsbidrag"
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_YM = r"((?:19|20)\d{2})\s*[-/.]?\s*(0[1-9]|1[0-2])(?:\s*[-/.]\s*\d{1,2})?"
_YM_RANGE = re.compile(_YM + r"\s*(?:[-–—]+|till|to|t\.?\s*o\.?\s*m\.?)\s*" + _YM)
_UNTIL = r"(?:\bt\.?\s*o\.?\s*m\.?|\bper)\s*"          # "t.o.m.", "tom", "per"
_YM_UNTIL = re.compile(_UNTIL + r"(?:period\s*)?" + _YM)
_MONTH_WORD = "|".join(sorted(voc.MONTH_NAMES, key=len, reverse=True))
_MONTH_UNTIL = re.compile(_UNTIL + rf"(?:den\s+)?(?:\d{{1,2}}\s+)?({_MONTH_WORD})\b\.?")   # "t.o.m. 31 aug"
_MONTH_RANGE = re.compile(rf"\b({_MONTH_WORD})\.?\s*(?:[-–—]+|till|t\.?\s*o\.?\s*m\.?)\s*({_MONTH_WORD})\b\.?")
_MONTH_HEADING = re.compile(
    rf"^(?:utfall\s+)?(?:(?P<w1>{_MONTH_WORD})\.?(?:\s*(?P<y1>(?:19|20)\d{{2}}))?"
    rf"|(?P<y2>(?:19|20)\d{{2}})\s*(?:[-/.]\s*|\s+)?(?:(?P<m2>0?[1-9]|1[0-2])|(?P<w2>{_MONTH_WORD})\.?))$")


@dataclass(frozen=True)
class ReportColumn:
    """One amount heading and what it is: role "month" (`month` 1-12), "to_date" (`rank` 1:
    says so; 2: a plain "Utfall"/"Belopp"), or "other" (`why`: budget, another year …)."""

    col: int
    text: str
    role: str
    month: int | None = None
    rank: int = 0
    why: str = ""
    through: int | None = None      # the last month a to-date heading names ("jan-aug": 8)


def read_resultatrapport(path: str, year: int, period_month: int) -> Actuals:
    """The utfall to `period_month` of `year` from a resultatrapport workbook: from the sheet
    Utfall when there is one, else from the first sheet that looks like a report (see the
    module docstring). ReadError when no sheet does, or when the reading is not certain."""
    wb = open_workbook(path)
    try:
        names = list(wb.sheet_names)
        order = sorted(names, key=lambda n: n.strip().lower() != ACTUALS_SHEET.lower())
        grids = []
        for name in order:
            sheet = wb.get_sheet_data(name)
            grids.append((name, [[c.value if c else None for c in row] for row in sheet.rows]))
    finally:
        wb.close()
    for name, rows in grids:
        if find_report_header(rows) is not None:
            return resultatrapport_from_rows(rows, str(path), name, year, period_month)
    raise ReadError("hittar ingen resultatrapport: inget blad har en rubrikrad med Konto och en "
                    "kolumn med utfall (t.ex. Utfall ack, Ackumulerat eller en kolumn per månad)",
                    str(path), None if len(names) != 1 else names[0])


def _text(v) -> str:
    return " ".join(str(v).split()).lower() if v is not None else ""


def _shown(v) -> str:
    return " ".join(str(v).split()) if v is not None else ""


def _headings(rows, r: int) -> list[str]:
    """Row r's headings as printed, with a band of headings above or below folded in: a
    heading over two columns in the row above ("Utfall" over "Period" and "Ack"), or a row of
    sub-headings below (Konto, …, "Utfall" merged over "period" / "ack." in the next row)."""
    own = [_shown(v) for v in rows[r]]
    if r > 0 and _is_heading_band(rows[r - 1], own_row=False):
        own = _fold(_shown_row(rows[r - 1], len(own)), own)
    if r + 1 < len(rows) and _is_heading_band(rows[r + 1], own_row=True):
        below = _shown_row(rows[r + 1], len(own))
        own = _fold(own + [""] * (len(below) - len(own)), below, keep_top=True)
    return own


def _shown_row(row, width: int) -> list[str]:
    out = [_shown(v) for v in row]
    return out + [""] * (width - len(out))


def _is_heading_band(row, own_row: bool) -> bool:
    """Two headings or more and no account or amount: a band of headings, not a title line
    (one text) or a data row. A band below the header (`own_row`) must hold only text."""
    texts = [v for v in row if v not in (None, "") and str(v).strip()]
    if len(texts) < 2:
        return False
    if own_row and any(not isinstance(v, str) or _ACCOUNT.match(v) or _looks_like_amount(v) for v in texts):
        return False
    return True


def _looks_like_amount(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except NotAnAmount:
        return False


def _fold(top: list[str], bottom: list[str], keep_top: bool = False) -> list[str]:
    """Each bottom heading with the top heading over it (carried right over the empty cells
    of a merged heading) in front; label headings (Konto, Benämning …) stand alone. With
    `keep_top`, a top heading with nothing under it stays as it is."""
    out, carry = [], ""
    for c, t in enumerate(bottom):
        a = top[c] if c < len(top) else ""
        carry = a or (carry if t else "")
        if t and carry and not _is_label_role(_text(t)) and not _is_label_role(_text(carry)):
            out.append(f"{carry} {t}")
        else:
            out.append(t or (a if keep_top else ""))
    return out


def _header_texts(rows, r: int) -> list[str]:
    """Row r's headings in lower case, bands folded in (see `_headings`)."""
    return [_text(t) for t in _headings(rows, r)]


def _is_label_role(t: str) -> bool:
    return any(voc.matches(words, t) for words in (voc.REPORT_ACCOUNT, voc.REPORT_NAME, voc.REPORT_OBJECT))


def find_report_header(rows) -> int | None:
    """The first row among the first HEADER_ROWS with an account column (see
    `account_column`) and a heading that can hold the utfall (a month, or a to-date or
    plain utfall column)."""
    for r in range(min(len(rows), HEADER_ROWS)):
        c_acc = account_column(rows, r)
        if c_acc is None:
            continue
        texts = _header_texts(rows, r)
        if any(classify_heading(t, c, None).role in ("month", "to_date")
               for c, t in enumerate(texts) if c != c_acc):
            return r
        if any(voc.matches(voc.REPORT_PERIOD_ONLY, t) and not voc.matches(voc.REPORT_NOT_UTFALL, t)
               for c, t in enumerate(texts) if c != c_acc) and _from_january(_title_lines(rows, r)):
            return r                 # "Perioden" under "Period: 2025-01-01 – 2025-05-31"
    return None


def _title_lines(rows, hr: int) -> list[str]:
    return [" ".join(str(v) for v in row if v not in (None, "")) for row in rows[:hr]]


ACCOUNTS_UNDER_BLANK = 3        # account cells under an empty heading that make it the Konto column


def account_column(rows, r: int) -> int | None:
    """The account column of a header in row r: the one headed Konto (Kontonr, Kto …), or
    else an empty heading with cells of account and name under it ("3510 Medlemsbidrag":
    Fortnox prints no heading over them; an amount is never taken for an account there);
    None when row r has neither."""
    texts = [_text(v) for v in rows[r]]
    hit = next((c for c, t in enumerate(texts) if voc.matches(voc.REPORT_ACCOUNT, t)), None)
    if hit is not None or not any(texts):
        return hit
    width = max((len(row) for row in rows[r + 1:r + 41]), default=0)
    for c in range(width):
        if c < len(texts) and texts[c]:
            continue
        found = sum(1 for row in rows[r + 1:r + 41]
                    if c < len(row) and isinstance(row[c], str) and _ACCOUNT_AND_NAME.match(row[c]))
        if found >= ACCOUNTS_UNDER_BLANK:
            return c
    return None


def _month_of(word: str) -> int | None:
    return voc.MONTH_NAMES.get(word.rstrip(".").lower())


def classify_heading(text: str, col: int, year: int | None) -> ReportColumn:
    """The role of one amount heading (lower case) in a report for `year` (None: any)."""
    t = text.strip()
    if not t:
        return ReportColumn(col, text, "other", why="tom")
    if voc.matches(voc.REPORT_NOT_UTFALL, t):
        return ReportColumn(col, text, "other", why="budget, prognos, avvikelse eller föregående år")
    m = _MONTH_HEADING.match(t)
    if m:
        y = m.group("y1") or m.group("y2")
        month = _month_of(m.group("w1") or m.group("w2") or "") or (int(m.group("m2")) if m.group("m2") else None)
        if y and year is not None and int(y) != year:
            return ReportColumn(col, text, "other", why=f"månad år {y}")
        return ReportColumn(col, text, "month", month=month)
    years = {int(y.group(0)) for y in _YEAR.finditer(t)}
    if year is not None and years and year not in years:
        return ReportColumn(col, text, "other", why=f"år {', '.join(map(str, sorted(years)))}")
    through = None
    rng = _MONTH_RANGE.search(t)
    if rng and _month_of(rng.group(1)) == 1:
        through = _month_of(rng.group(2))
    ym = _YM_RANGE.search(t)
    if ym and int(ym.group(2)) == 1:
        through = int(ym.group(4))
    if through is None:          # "Utfall t.o.m. juni", "Ack per 2025-06": the month it ends
        until = _YM_UNTIL.search(t)
        word = _MONTH_UNTIL.search(t)
        through = int(until.group(2)) if until else (_month_of(word.group(1)) if word else None)
    if through is not None or voc.matches(voc.REPORT_TO_DATE, t):
        return ReportColumn(col, text, "to_date", rank=1, through=through)
    if voc.matches(voc.REPORT_PERIOD_ONLY, t) or voc.matches(voc.REPORT_ROW_TOTAL, t):
        return ReportColumn(col, text, "other", why="periodens eller helårets kolumn")
    if voc.matches(voc.REPORT_PLAIN_UTFALL, t):
        return ReportColumn(col, text, "to_date", rank=2)
    return ReportColumn(col, text, "other", why="okänd rubrik")


def stated_period(lines: list[str]) -> tuple[tuple[int, ...], int | None]:
    """(years, last month) that the title lines state for the report's period: ranges
    "2025-01 – 2025-08", "202501-202508", "januari – augusti", "t.o.m. 2025-08". Lines that
    say when the report was printed are passed over, and a fiscal year's range gives the
    year only."""
    years, through = set(), None
    for line in lines:
        t = _text(line)
        if not t or voc.matches(voc.REPORT_PRINTED, t):
            continue
        fiscal = voc.matches(voc.REPORT_FISCAL_YEAR, t)
        for m in _YM_RANGE.finditer(t):
            years.update((int(m.group(1)), int(m.group(3))))
            if not fiscal or not (m.group(2) == "01" and m.group(4) == "12"):
                through = int(m.group(4))
        for m in _YM_UNTIL.finditer(t):
            years.add(int(m.group(1)))
            through = int(m.group(2))
        rng = _MONTH_RANGE.search(t)
        if rng and _month_of(rng.group(1)) == 1 and not fiscal:
            through = _month_of(rng.group(2))
        word = _MONTH_UNTIL.search(t)
        if word and not rng and not fiscal:
            through = _month_of(word.group(1))
        if not _YM_RANGE.search(t) and not _YM_UNTIL.search(t):
            if re.search(r"\b(period|år|räkenskapsår|utfall|resultat)\b", t):
                years.update(int(y.group(0)) for y in _YEAR.finditer(t))
    return tuple(sorted(years)), through


_OBJECT_HEADING = re.compile(
    r"^\s*(?:(?:objekt|projekt|verksamhet|kostnadsställe|kst|ansvar|aktivitet)\b"
    r"(?:\s*:\s*(?P<named>[^\s:]+)|\s+(?P<numbered>[^\s:]*\d[^\s:]*))"
    r"|(?P<code>\d{1,3}|\d{1,4}:\d{1,6}|[A-ZÅÄÖ]{1,3}\d{1,5}))(?:\s+[-–:]?\s*[A-Za-zÅÄÖåäö].*)?$", re.I)


def _object_heading(row, c_acc: int, c_name: int | None) -> str | None:
    """The code of a heading row that opens a block of one object ("100 Förbundsgemensamt",
    "Projekt: P110 Samkraft", "410 Samkraft" in the Konto column, or in the name column
    when Konto is empty), in a report with no object column; None for any other row. A
    row with an amount is no heading; a code that begins the accounts under it ("3
    Verksamhetens intäkter", "35 Bidrag") is an account class, sorted out afterwards."""
    cells = [c_acc] + ([c_name] if c_name is not None else [])
    text = next((row[c] for c in cells if c < len(row) and row[c] not in (None, "")), None)
    if not isinstance(text, str) or _ACCOUNT.match(text):
        return None
    if any(v not in (None, "") for c, v in enumerate(row) if c not in cells):
        return None
    m = _OBJECT_HEADING.match(text.strip())
    return (m.group("named") or m.group("numbered") or m.group("code")) if m else None


def _objects_from_headings(data: list, headings: list) -> list:
    """Each account row with the object of the heading above it, when the report has such
    headings (and no object column) and the first of them opens the first block; a
    heading's block runs to the next heading. Codes of account classes and groups (the
    block's first account begins with the code, or, for one or two digits, with its first
    digit) are no objects."""
    def account_class(k, code):          # "3 Intäkter", "60 Lokaler" over 6110, "35" over 3510
        return code.isdigit() and k < len(data) and (
            data[k][1].startswith(code) or (len(code) <= 2 and data[k][1][0] == code[0]))
    objects = [(k, code) for k, code in headings if not account_class(k, code)]
    if not objects or objects[0][0] != 0:
        return data                      # the blocks must begin before the first account
    out, current, pending = [], None, iter(objects + [(len(data) + 1, None)])
    nxt = next(pending)
    for k, (r, acc, name, obj, row) in enumerate(data):
        while nxt[0] <= k:
            current, nxt = nxt[1], next(pending)
        out.append((r, acc, name, current if obj is None else obj, row))
    return out


def _from_january(lines: list[str]) -> bool:
    """Whether a title line states a period that begins in January ("Period 2025-01-01 –
    2025-05-31", "januari – maj"), not counting the fiscal year's own range."""
    for line in lines:
        t = _text(line)
        if not t or voc.matches(voc.REPORT_PRINTED, t) or voc.matches(voc.REPORT_FISCAL_YEAR, t):
            continue
        if any(m.group(2) == "01" for m in _YM_RANGE.finditer(t)):
            return True
        rng = _MONTH_RANGE.search(t)
        if rng and _month_of(rng.group(1)) == 1:
            return True
    return False


def _unit(lines: list[str]) -> str:
    return "tkr" if any(re.search(voc.UNIT_TKR, _text(t)) for t in lines if t) else "kr"


def resultatrapport_from_rows(rows, path: str, sheet: str, year: int, period_month: int) -> Actuals:
    """`read_resultatrapport` on one sheet's values (a list of rows), as the macro has them.
    Amounts in model signs (revenue positive, costs negative), in kronor."""
    rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in (rows or [])]
    hr = find_report_header(rows)
    if hr is None:
        if not any(voc.matches(voc.REPORT_ACCOUNT, _text(v)) for row in rows[:HEADER_ROWS] for v in row):
            raise ReadError("hittar ingen rubrikrad med Konto (kontonummer); utan konton kan utfallet "
                            "inte mappas till budgetraderna", path, sheet)
        raise ReadError("hittar varken månadskolumner (jan … dec) eller en kolumn Utfall/Ackumulerat",
                        path, sheet)
    shown = _headings(rows, hr)
    texts = [_text(t) for t in shown]
    raw_texts = [_text(v) for v in rows[hr]]
    c_acc = account_column(rows, hr)
    c_name = next((c for c, t in enumerate(raw_texts) if c != c_acc and voc.matches(voc.REPORT_NAME, t)), None)
    c_obj = next((c for c, t in enumerate(raw_texts) if c != c_acc and voc.matches(voc.REPORT_OBJECT, t)), None)
    labels = {c_acc, c_name, c_obj}
    columns = tuple(classify_heading(t, c, year) for c, t in enumerate(texts) if c not in labels)
    title = _title_lines(rows, hr)
    years, through = stated_period(title)
    unit = _unit(title + texts)
    if years and year not in years:
        raise ReadError(f"rapporten gäller {'–'.join(map(str, sorted(set(years))))}, inte {year} som "
                        "uppföljningen avser", path, sheet, cell_ref(max(hr - 1, 0), 0))

    # --- the data rows -----------------------------------------------------------------
    data = []        # (r, account, name, object text, row)
    headings = []    # (index in data of the next account row, code): "100 Förbundsgemensamt"
    for r in range(hr + 1, len(rows)):
        row = rows[r]
        v = row[c_acc] if c_acc < len(row) else None
        if c_obj is None and (code := _object_heading(row, c_acc, c_name)) is not None:
            headings.append((len(data), code))
            continue
        if v is None or isinstance(v, bool):
            continue
        text = str(int(v)) if isinstance(v, float) and v == int(v) else str(v)
        m = _ACCOUNT.match(text)
        if not m or m.group(1)[0] not in "345678":
            continue
        name = (row[c_name] if c_name is not None and c_name < len(row) else None) or m.group(2)
        obj = row[c_obj] if c_obj is not None and c_obj < len(row) else None
        data.append((r, m.group(1), str(name or "").strip(), obj, row))
    data = _objects_from_headings(data, headings)

    def amount(r, row, c) -> Decimal | None:
        x = row[c] if c < len(row) else None
        if x in (None, ""):
            return None
        try:
            a = parse_amount(x)
        except NotAnAmount:
            raise ReadError(f"'{x}' är inget belopp", path, sheet, cell_ref(r, c)) from None
        return a.value if a is not None else None

    # --- which columns hold the utfall to date ---------------------------------------
    if through is not None and _from_january(title) and not any(c.role in ("to_date", "month") for c in columns):
        # the only utfall is "Perioden", and the title's period runs from January: it is
        # the utfall of that period ("Period: 2025-01-01 – 2025-05-31"), to date
        columns = tuple(ReportColumn(c.col, c.text, "to_date", rank=1, through=through)
                        if voc.matches(voc.REPORT_PERIOD_ONLY, c.text.strip()) and
                        not voc.matches(voc.REPORT_NOT_UTFALL, c.text.strip()) else c for c in columns)
    months = {}
    for col in columns:
        if col.role == "month" and col.month is not None and col.month not in months:
            months[col.month] = col
    to_date = [c for c in columns if c.role == "to_date"]
    best_rank = min((c.rank for c in to_date), default=None)
    candidates = [c for c in to_date if c.rank == best_rank]
    wrong_month = [c for c in candidates if c.through is not None and c.through != period_month]
    candidates = [c for c in candidates if c not in wrong_month]
    if candidates and through is not None and through != period_month and \
            all(c.through is None for c in candidates):
        raise ReadError(f"rapporten gäller t.o.m. {MONTHS[through - 1]}, men uppföljningen avser "
                        f"t.o.m. {MONTHS[period_month - 1]}: kolumnen '{shown[candidates[0].col]}' "
                        "är inte utfallet för den perioden. Ta ut rapporten för rätt period",
                        path, sheet, cell_ref(hr, candidates[0].col))
    month_cols = [months[k] for k in range(1, period_month + 1) if k in months]
    use_months = bool(months) and len(month_cols) == period_month
    if months and not use_months and not candidates:
        missing = [MONTHS[k - 1] for k in range(1, period_month + 1) if k not in months]
        raise ReadError("rapportens månadskolumner räcker inte till perioden: " + ", ".join(missing)
                        + " saknas", path, sheet, cell_ref(hr, min(c.col for c in months.values())))
    other_year = [c for c in columns if c.why.startswith("år ")]
    if not use_months and not candidates and not wrong_month and other_year:
        c = other_year[0]
        raise ReadError(f"hittar inte utfallet för {year}: kolumnen '{shown[c.col]}' gäller "
                        f"{c.why[3:]}, inte {year}. Ta ut rapporten för rätt år", path, sheet, cell_ref(hr, c.col))
    if not use_months and not candidates:
        why = (f"kolumnen '{shown[wrong_month[0].col]}' gäller t.o.m. {MONTHS[wrong_month[0].through - 1]}, "
               f"inte {MONTHS[period_month - 1]}") if wrong_month else \
            "ingen kolumn med utfall (t.ex. Utfall ack, Ackumulerat eller en kolumn per månad); " \
            "budget-, prognos- och avvikelsekolumner och föregående års kolumner läses inte"
        raise ReadError(f"hittar inte utfallet t.o.m. {MONTHS[period_month - 1]}: {why}", path, sheet,
                        cell_ref(hr, c_acc))

    def values_of(cols) -> list[Decimal | None]:
        out = []
        for r, _acc, _name, _obj, row in data:
            vals = [amount(r, row, c.col) for c in cols]
            out.append(None if all(v is None for v in vals) else sum((v for v in vals if v is not None),
                                                                       Decimal(0)))
        return out

    readings = []          # (description, columns, values)
    if use_months:
        readings.append(("månadskolumnerna jan–" + MONTHS[period_month - 1], month_cols, values_of(month_cols)))
    for c in candidates:
        readings.append((f"kolumnen '{shown[c.col]}'", [c], values_of([c])))
    first_name, first_cols, values = readings[0]
    for other_name, _cols, other in readings[1:]:
        diff = next((k for k, (a, b) in enumerate(zip(values, other)) if (a or 0) != (b or 0)), None)
        if diff is not None:
            r = data[diff][0]
            raise ReadError(f"osäker tolkning: både {first_name} och {other_name} kan vara utfallet t.o.m. "
                            f"{MONTHS[period_month - 1]}, men de ger olika belopp (konto {data[diff][1]}: "
                            f"{kr_ore(values[diff] or 0)} och {kr_ore(other[diff] or 0)} kr). Ta bort den "
                            "kolumn som inte är utfallet "
                            "och läs in igen", path, sheet, cell_ref(r, first_cols[0].col))

    # --- one row per account and object ------------------------------------------------
    seen: dict = {}
    for (r, acc, _name, obj, _row), v in zip(data, values):
        if v is None:
            continue
        key = (acc, _text(obj))
        if key in seen:
            first_r, first_v = seen[key]
            where = f" (objekt {obj})" if obj not in (None, "") else ""
            raise ReadError(f"osäker tolkning: konto {acc}{where} står på två rader, {first_r + 1} och "
                            f"{r + 1} ({kr_ore(first_v)} och {kr_ore(v)} i rapporten). Är den senare en "
                            "summering av blocken ovanför, eller hör raderna till olika objekt som "
                            "rapporten inte anger? Ta bort summeringen, eller ta ut rapporten med "
                            "objektkolumn, och läs in igen", path, sheet, cell_ref(r, c_acc))
        seen[key] = (r, v)

    # --- signs and unit -----------------------------------------------------------------
    def total(prefixes) -> Decimal:
        return sum((v for (r, acc, *_), v in zip(data, values) if v is not None and acc.startswith(prefixes)),
                   Decimal(0))
    revenue, costs = total(("3", "80", "81", "82", "83")), total(("4", "5", "6", "7", "84", "85", "86", "87",
                                                                     "88", "89"))
    if revenue < 0 or (revenue == 0 and costs > 0 and not any(
            acc[0] == "3" for _, acc, *_ in data)):
        signs = "bokföring"                  # the ledger's: revenue negative, costs positive
    elif revenue > 0 and costs > 0:
        signs = "positiva"                   # both printed positive, costs under their heading
    else:
        signs = "rapport"
    if revenue < 0 and costs < 0:
        raise ReadError("osäker tolkning: både intäkts- och kostnadskontona har negativa belopp, så "
                        "rapportens teckenkonvention går inte att avgöra", path, sheet, cell_ref(hr, c_acc))
    scale = Decimal(1000) if unit == "tkr" else Decimal(1)
    period_keys = tuple(f"{year}{m:02d}" for m in range(1, 13))
    out = []
    for (r, acc, name, obj, row), v in zip(data, values):
        if v is None:
            continue
        cost = acc[0] in "4567" or acc[:2] in ("84", "85", "86", "87", "88", "89")
        sign = -1 if signs == "bokföring" or (signs == "positiva" and cost) else 1
        objects = ()
        if obj not in (None, ""):
            try:
                o = parse_object(obj, path)
            except ValueError as exc:
                raise ReadError(str(exc).split(": ", 1)[-1], path, sheet, cell_ref(r, c_obj)) from None
            objects = ((o[0] or "", o[1]),)
        if use_months:          # month by month, as the report has them (the chart uses them)
            per = {period_keys[k - 1]: a * sign * scale for k in range(1, period_month + 1)
                   if (a := amount(r, row, months[k].col)) is not None}
        else:                   # to date: all of it in the period's month
            per = {period_keys[period_month - 1]: v * sign * scale}
        out.append(ActualRow(acc, objects, name, per, (str(obj),) if objects else ()))
    company = next((t.strip() for t in title if re.search(r"(?i)samordningsf[öo]rbund|finsam", t)), "")
    return Actuals(path=str(path), format="xlsx", company=company,
                   fiscal_year=(dt.date(year, 1, 1), dt.date(year, 12, 31)), months=period_keys,
                   rows=tuple(out))
