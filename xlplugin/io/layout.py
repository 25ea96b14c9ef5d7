"""The budget table in a sheet: raw cells in, rows and equity figures out.

Finds the table as people keep it (title rows, a header row of year labels, blank rows
and columns, a notes column), tells the unit, extracts the rows (labels, amounts in
kronor, formatting, formulas) and finds the equity figures (overviews with years as
rows, equity rows, balance budgets, equity sheets). Which rows sum which, revenue or
cost, and the sign convention are decided by `xlplugin.inference` from the workbook's
own totals (its formatting candidate, from the same row features, is
`inference.structure.format_structure`).

Everything here is a pure function of RawSheet data and a value resolver; the file
I/O is in reader.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Sequence

from ..core.model import (BUDGET, COST, COST_TOTAL, PLAN, PROGNOS, RESULT_TOTAL, REVENUE,
                          REVENUE_NEGATIVE, REVENUE_TOTAL, SUBTOTAL, UTFALL, Column,
                          EquityFigure, Line)
from ..core.notes import Note
from ..errors import ReadError
from .cells import UNIT_FACTORS, NotAnAmount, parse_amount
from .engines import RawSheet, cell_ref, column_letter

# value(sheet, row, col) -> resolved cell value (formulas evaluated)
ValueFn = Callable[[RawSheet, int, int], object]

# --- header labels ---------------------------------------------------------------------

from ..core import vocabulary as voc
from ..core.vocabulary import COLUMN_KINDS as _KIND_WORDS
# "Budget 2025", "Plan 2027*", "Budget 2025 (tkr)", "Budget 2025, tkr", "Budget 2026 förslag",
# "Plan 2026 (beslutad 2024-11-20)": a kind, the year, then a unit, a status word and a
# note in brackets, each optional.
_HEADER = re.compile(
    r"^\s*(?:(?P<kind>[a-zåäö][a-zåäö. ]*?)\s*)?(?P<year>(?:19|20)\d{2})"
    r"(?:\s+(?P<kind_after>[a-zåäö][a-zåäö. ]*?(?<!\s)))??"
    r"\s*,?\s*(?:\(\s*(?P<unit1>tkr|kkr|mkr|kr|sek|ksek)\s*\)|(?P<unit2>tkr|kkr|mkr|kr|sek|ksek)\b)?"
    r"(?:\s*,?\s*(?:beslutad|fastställd|antagen|förslag|preliminär|prel\.?|reviderad|rev\.?)(?![a-zåäö]))?"
    r"\s*(?:\([^)]*\))?\s*[*]*\s*$", re.I)
_UNIT_NAMES = {"tkr": "tkr", "kkr": "tkr", "ksek": "tkr", "mkr": "mkr", "kr": "kr", "sek": "kr"}


@dataclass(frozen=True)
class HeaderCell:
    col: int
    text: str
    kind: str | None   # None for a bare year
    year: int
    unit: str | None


def parse_header(value: object) -> HeaderCell | None:
    """'Budget 2025', 'Plan 2026', 'Prognos 2022', 'Budget 2022 tkr', 2024 -> HeaderCell."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 1900 <= value <= 2099:
        return HeaderCell(-1, str(value), None, value, None)
    if not isinstance(value, str):
        return None
    return _parse_header_text(value)


@functools.lru_cache(maxsize=4096)
def _parse_header_text(value: str) -> HeaderCell | None:
    m = _HEADER.match(value)
    if not m:
        return None
    kind_word = (m.group("kind") or m.group("kind_after") or "").strip().lower()
    if m.group("kind") and m.group("kind_after"):
        return None
    if kind_word:
        kind = _KIND_WORDS.get(kind_word)
        if kind is None:
            return None
    else:
        kind = None
    unit = m.group("unit1") or m.group("unit2")
    return HeaderCell(-1, value.strip(), kind, int(m.group("year")),
                      _UNIT_NAMES[unit.lower()] if unit else None)


@dataclass(frozen=True)
class HeaderRow:
    row: int
    cells: tuple[HeaderCell, ...]

    @property
    def score(self) -> int:
        return sum(2 if c.kind else 1 for c in self.cells)


def header_cells(sheet: RawSheet, r: int, value: ValueFn) -> list[HeaderCell]:
    """The year headings in row r, remembered in the sheet's own `headings` (the header
    search and the table reader both ask for every row; a sheet is read with one value
    resolver)."""
    hit = sheet.headings.get(r)
    if hit is None:
        hit = sheet.headings[r] = tuple(_header_cells(sheet, r, value))
    return list(hit)


def _header_cells(sheet: RawSheet, r: int, value: ValueFn) -> list[HeaderCell]:
    out = []
    row = sheet.rows[r] if r < len(sheet.rows) else []
    for c, cell in enumerate(row):
        if cell is None:
            continue
        h = parse_header(value(sheet, r, c))
        if h is not None:
            out.append(HeaderCell(c, h.text, h.kind, h.year, h.unit))
    return out


def _looks_like_years(cells: Sequence[HeaderCell]) -> bool:
    """Numbers from 1900 to 2099 in a row are years only when they look like a run of years:
    all different and close together. 2 000 tkr in three columns is an amount (2000, 2000,
    2000), and so is 2 000, 2 050, 2 100."""
    years = [c.year for c in cells]
    return len(set(years)) == len(years) and max(years) - min(years) <= len(years) + 3


# Headers and overview tables are looked for in the first rows of a sheet only: a ledger
# export of 50 000 rows beside the budget would otherwise be searched row by row.
SEARCH_ROWS = 1_000

# A samordningsförbund's budget is at least about a million kronor; a whole budget whose
# largest amount is below this, with no unit stated, is in tkr (stated kr: uncertain).
SMALLEST_PLAUSIBLE_KRONOR = 100_000


def is_whole_budget(entries) -> bool:
    """Income and costs both there, by the words: the members' contributions or an
    "intäkter" total, and a cost total or a result (not one detail table of a budget)."""
    types = {e.total_type for e in entries}
    revenue = REVENUE_TOTAL in types or any(voc.matches(voc.MEMBER_NAME, clean_label(e.label))
                                            for e in entries)
    return revenue and bool(types & {COST_TOTAL, RESULT_TOTAL})


def find_header(sheet: RawSheet, value: ValueFn) -> HeaderRow | None:
    """The row among the first SEARCH_ROWS that best looks like a header of year columns."""
    best = None
    for r in range(min(len(sheet.rows), SEARCH_ROWS)):
        cells = header_cells(sheet, r, value)
        if not cells:
            continue
        first_used = min((c for c, cell in enumerate(sheet.rows[r]) if cell is not None
                          and cell.value not in (None, "")), default=0)
        cells = [c for c in cells if c.col > 0 or first_used > 0]
        if not cells or (len(cells) == 1 and cells[0].col == first_used and cells[0].col == 0):
            continue
        if not any(c.kind for c in cells) and len(cells) < 2:
            continue
        if _is_equity_label(_text(value(sheet, r, 0))):
            continue
        if not any(c.kind for c in cells):
            # bare years: kinds from a row above ("Budget | Prognos | Budget" over
            # "2024 | 2024 | 2025"), else they must look like a run of years
            with_kinds = _kinds_from_row_above(sheet, r, cells, value) if r > 0 else cells
            if not any(c.kind for c in with_kinds) and not _looks_like_years(cells):
                continue
            cells = with_kinds
        else:
            cells = _without_side_table(sheet, r, cells, value)
        hr = HeaderRow(r, tuple(cells))
        if best is None or hr.score > best.score:
            best = hr
    return best


def _repeats_two_row_header(sheet: RawSheet, r: int, header: HeaderRow, label_col: int,
                            value: ValueFn) -> bool:
    """Rows r and r+1 repeat a header split over two rows: kind words over bare years,
    the same as the table's header in every column."""
    own = parse_header(value(sheet, header.row, header.cells[0].col))
    if own is None or own.kind is not None or r + 1 >= len(sheet.rows):
        return False                            # the table's header is not a two-row one
    bare = [h for h in header_cells(sheet, r + 1, value) if h.col != label_col]
    if not bare or any(h.kind for h in bare):
        return False
    if {(h.col, h.year) for h in bare} != {(h.col, h.year) for h in header.cells}:
        return False
    again = _kinds_from_row_above(sheet, r + 1, bare, value)
    return {(h.col, h.kind, h.year) for h in again} == {(h.col, h.kind, h.year) for h in header.cells}


def _without_side_table(sheet: RawSheet, r: int, cells: list[HeaderCell], value: ValueFn) -> list[HeaderCell]:
    """Bare years to the right of a text heading belong to another table on the same rows
    ("Budget 2025 | Plan 2026 | | Medlemsbidrag | 2025"), not to this header."""
    out, side = [], False
    headers = {c.col: c for c in cells}
    first = min(headers)
    for col in range(first, len(sheet.rows[r])):
        if col in headers:
            if not (side and headers[col].kind is None):
                out.append(headers[col])
        else:
            v = value(sheet, r, col)
            if isinstance(v, str) and v.strip():
                side = True
    return out


def _kinds_from_row_above(sheet: RawSheet, r: int, cells: list[HeaderCell], value: ValueFn):
    """A header split over two rows: "Budget | Budget | Plan" above "2025 | 2026 | 2027".
    A word above is carried right over merged or blank cells ("Plan" over 2026 and 2027)."""
    out, carried = [], None
    for c in cells:
        above = value(sheet, r - 1, c.col)
        word = above.strip().lower() if isinstance(above, str) else ""
        if word in _KIND_WORDS:
            carried = _KIND_WORDS[word]
        elif word:
            carried = None
        kind = _KIND_WORDS.get(word) or carried
        text = f"{above.strip()} {c.year}" if word in _KIND_WORDS else (
            f"{next(k for k, v in _KIND_WORDS.items() if v == kind).capitalize()} {c.year}" if kind else c.text)
        out.append(HeaderCell(c.col, text, kind, c.year, c.unit))
    return out


# --- label classification ---------------------------------------------------------------

_STARS = re.compile(r"[\s*]+$")
_PREFIX = re.compile(r"^\s*[-–—•·▪]\s*(?=\d{3,4}\s+[^\d\s]|[^\d\s.,])")
_ACCOUNT = re.compile(r"^\s*(\d{3,4})\s+\S")
_GRAND_REVENUE = re.compile(voc.GRAND_REVENUE_TOTAL)
_GRAND_COST = re.compile(voc.GRAND_COST_TOTAL)
_RESULT = re.compile(voc.RESULT_ROW)
_TRAILING_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
_SUBTOTAL = re.compile(voc.SUBTOTAL_ROW)
_EQUITY = re.compile(voc.EQUITY_ROW)
_BALANCE_TITLE = re.compile(voc.BALANCE_TITLE)
_REVENUE_WORDS = voc.pattern(voc.REVENUE)
_COST_WORDS = voc.pattern(voc.COST)


@functools.lru_cache(maxsize=8192)
def clean_label(text: str) -> str:
    return _STARS.sub("", text.strip()).strip().rstrip(":").strip()


def _text(v: object) -> str:
    return v.strip() if isinstance(v, str) else ""


@functools.lru_cache(maxsize=8192)
def _is_equity_label(label: str) -> bool:
    return bool(_EQUITY.search(clean_label(label)))


# What a label alone says, kept per label text: Excel recalculates the same labels with
# new amounts, and a workbook repeats its labels across year sheets.
@functools.lru_cache(maxsize=8192)
def _is_balance_title(label: str) -> bool:
    return bool(_BALANCE_TITLE.match(clean_label(label)))


@functools.lru_cache(maxsize=8192)
def _has_prefix(label: str) -> bool:
    return bool(_PREFIX.match(label))


@functools.lru_cache(maxsize=8192)
def _is_statistics_label(label: str) -> bool:
    return bool(_STATISTICS_LABEL.match(label))


@functools.lru_cache(maxsize=8192)
def _is_share_label(label: str) -> bool:
    return bool(_SHARE_LABEL.match(label))


@functools.lru_cache(maxsize=8192)
def total_type(label: str) -> str | None:
    """Which stated total a label names, or None for an ordinary line. A note in brackets
    at the end ("Årets resultat (överskott +/underskott -)") does not change it."""
    s = clean_label(label)
    s = _TRAILING_NOTE.sub("", s) or s
    s = _OUTLINE.sub("", s) or s            # "3 Resultat", "4.2 Summa insatser"
    if _GRAND_REVENUE.match(s):
        return REVENUE_TOTAL
    if _GRAND_COST.match(s):
        return COST_TOTAL
    if _RESULT.match(s):
        return RESULT_TOTAL
    if _SUBTOTAL.search(s):
        return SUBTOTAL
    return None


@functools.lru_cache(maxsize=8192)
def kind_from_label(label: str) -> str | None:
    """revenue / cost from words and account numbers in a label; None when it says neither."""
    s = clean_label(label)
    rev, cost = bool(_REVENUE_WORDS.search(s)), bool(_COST_WORDS.search(s))
    if rev and not cost:
        return REVENUE
    if cost and not rev:
        return COST
    m = _ACCOUNT.match(s)
    if m:
        acc = m.group(1)
        if len(acc) == 4:
            if acc[0] == "3" or acc[:2] in ("84", "87"):
                return REVENUE
            if acc[0] in "4567" or acc[:2] in ("85", "88"):
                return COST
    return None


# --- the table -----------------------------------------------------------------------------

@dataclass
class _Entry:
    """One row of the table as read: its label, amounts and formatting. What it is (item,
    heading, total; revenue or cost; whose breakdown) is the inference's to decide."""

    row: int
    label: str
    raw: dict[str, Decimal | None]          # header -> amount in kronor, source sign
    cells: dict[str, str]
    bold: bool
    italic: bool
    indent: int
    prefix: bool
    total_type: str | None
    has_amounts: bool = False
    formulas: tuple = ()                    # formula text per column (None where none)

    def __post_init__(self):
        self.has_amounts = any(v is not None for v in self.raw.values())


@dataclass
class Table:
    """What layout detection found in one sheet."""

    sheet: str
    header_row: int
    label_col: int
    unit: str
    columns: list[Column]
    sign_convention: str
    lines: list[Line]
    equity: list[EquityFigure] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    reading: object = None          # core.model.ReadingInfo
    inference: object = None        # inference.reading.Inference, for the explain view
    entries: list = field(default_factory=list)   # the rows as read, before the reading


def _title_texts(sheet: RawSheet, upto_row: int, value: ValueFn) -> list[str]:
    texts = []
    for r in range(0, min(upto_row + 1, len(sheet.rows))):
        for c in range(len(sheet.rows[r])):
            v = value(sheet, r, c)
            if isinstance(v, str):
                texts.append(v)
    return texts


def sheet_unit(sheet: RawSheet, upto_row: int, value: ValueFn) -> str:
    """'tkr' when a title or header says amounts are in thousands, else 'kr'."""
    return unit_from_texts(_title_texts(sheet, upto_row, value))


_KR = re.compile(voc.UNIT_KR)


def states_kronor(sheet: RawSheet, upto_row: int, value: ValueFn) -> bool:
    """A title or header says the amounts are kronor ("Belopp i kr", "(kronor)")."""
    return any(len(t) <= 40 and _KR.search(t) for t in _title_texts(sheet, upto_row, value))


_TKR = re.compile(voc.UNIT_TKR)
_MKR = re.compile(voc.UNIT_MKR)


_TKR_IN_PROSE = re.compile(voc.UNIT_TKR_IN_PROSE)


def unit_from_texts(texts: Sequence[str]) -> str:
    """The unit a title or header states: short cells such as "tkr", "(tkr)", "Belopp i tkr";
    in longer prose only an explicit "belopp i tkr" counts (not "7 478 tkr" in a sentence)."""
    for t in texts:
        if (len(t) <= 30 and _TKR.search(t)) or _TKR_IN_PROSE.search(t):
            return "tkr"
    for t in texts:
        if len(t) <= 30 and _MKR.search(t):
            return "mkr"
    return "kr"


def stored_unit(sheet: RawSheet, r: int, c: int, unit: str) -> str:
    """The unit a number is stored in when the sheet shows it in `unit`.

    A number format that divides for display ("#,##0," – "# ##0 " in Swedish Excel) shows
    kronor as tkr: the title says tkr, the cell holds kronor. Reading it as tkr would
    make it a thousand times too large."""
    cell = sheet.cell(r, c)
    scale = cell.scale if cell is not None else 0
    if not scale:
        return unit
    stored = UNIT_FACTORS[unit] / (Decimal(1000) ** scale)
    return next((name for name, f in UNIT_FACTORS.items() if f == stored), unit)


def to_kronor(amount, unit: str, where: str) -> tuple[Decimal, bool]:
    """(kronor, rounded?) for an Amount in `unit` unless the cell names its own unit."""
    kr = amount.value * UNIT_FACTORS[amount.unit or unit]
    whole = kr.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return whole, whole != kr


def read_table(sheet: RawSheet, header: HeaderRow, value: ValueFn,
               label_col: int | None = None, whole_sheet: bool = True,
               stored_in: str | None = None, established=None, explain: bool = True,
               assumed_unit: str | None = None) -> Table:
    """Turn one sheet with a detected header row into budget lines.

    `label_col` skips label-column detection; `whole_sheet=False` (a range handed to an
    Excel function) skips the search for a second table below this one. `stored_in`
    ("kr"/"tkr") is the unit of the values as stored, overriding what titles and headings
    say (the macros, which cannot see number formats, take it from a setting).
    `established` (the Excel functions') lets a known reading of the same table shape
    stand when it still adds up; `explain=False` skips the explain view's evidence.
    `assumed_unit` is the unit the amounts' size gives when nothing states one (see
    SMALLEST_PLAUSIBLE_KRONOR)."""
    unit = stored_in or assumed_unit or sheet_unit(sheet, header.row, value)
    first_year_col = min(c.col for c in header.cells)
    if label_col is None:
        label_col = _label_column(sheet, header, first_year_col, value)
    header, superseded = _without_superseded(header)
    columns = _columns(header)
    col_units = {c.col: (stored_in or c.unit or unit) for c in header.cells}
    notes: list[Note] = _unread_year_columns(sheet, header, value, {old.col for old, _ in superseded}) \
        if whole_sheet else []
    notes += [Note("column_superseded", (old.text, cell_ref(header.row, old.col), new.text,
                                         cell_ref(header.row, new.col))) for old, new in superseded]
    entries: list[_Entry] = []
    equity_rows: list[tuple[int, str]] = []
    balance_mode = False
    rounded_cells = []
    scaled_cells = []
    statistics_rows: list[tuple[int, str]] = []
    label_cols = _label_columns(sheet, header, first_year_col, label_col, value) if whole_sheet else [label_col]
    skip_rows: set[int] = set()
    scaled_cols = _scaled_columns(sheet, header, col_units)
    for r in range(header.row + 1, len(sheet.rows)):
        if r in skip_rows:
            continue
        level = 0
        row_label_col = label_col
        if len(label_cols) == 1:
            label = _label_text(value(sheet, r, label_col))
        else:  # hierarchy by column: categories in one column, their breakdown in the next
            parts = [(k, _label_text(value(sheet, r, c))) for k, c in enumerate(label_cols)]
            parts = [(k, t) for k, t in parts if t]
            label = " ".join(t for _, t in parts)
            level = parts[0][0] if parts else 0
            if parts:
                row_label_col = label_cols[parts[0][0]]
        if label and _is_balance_title(label):
            balance_mode = True
            continue
        if whole_sheet and _starts_other_table(sheet, r, header, value):
            break   # "År | Ingående eget kapital | Årets resultat | …": an overview below
        if balance_mode or (label and _is_equity_label(label)):
            equity_rows.append((r, label))
            balance_mode = True  # what follows belongs to the equity figures
            continue
        if whole_sheet and _repeats_two_row_header(sheet, r, header, label_col, value):
            # "Budget | Prognos | Budget" over "2024 | 2024 | 2025" again for the next block
            heading = label or _label_text(value(sheet, r + 1, label_col))
            if heading:
                entries.append(_Entry(row=r + 1, label=heading.strip(), raw={c.header: None for c in columns},
                                      cells={}, bold=True, italic=False, indent=0, prefix=False,
                                      total_type=None))
            skip_rows.add(r + 1)
            continue
        if whole_sheet:
            again = [h for h in header_cells(sheet, r, value) if h.col != label_col]
            if again and {(h.col, h.kind, h.year) for h in again} == \
                    {(h.col, h.kind, h.year) for h in header.cells}:
                # the header repeated over the next block ("KOSTNADER | Budget 2025 | Plan
                # 2026"): a section heading, not a second table
                if label:
                    entries.append(_Entry(row=r + 1, label=label.strip(), raw={c.header: None for c in columns},
                                          cells={}, bold=True, italic=False, indent=0, prefix=False,
                                          total_type=None))
                continue
            if len(again) >= 2:
                if sum(1 for h in again if h.kind) >= 2:
                    raise ReadError(
                        f"bladet har två budgettabeller (rubrikrader på rad {header.row + 1} och "
                        f"{r + 1}); flytta den ena till ett eget blad så att det är klart vilken "
                        "som ska läsas", sheet=sheet.name, cell=cell_ref(r, again[0].col))
                if any(h.kind for h in again) or (_looks_like_years(again) and _year_row_below(
                        sheet, r, again, label)):
                    break  # a row of years: the equity figures below the table
        if _is_statistics_row(sheet, r, label, header):
            statistics_rows.append((r + 1, label))
            continue
        raw, cells = {}, {}
        for hc, col in zip(header.cells, columns):
            ref = cell_ref(r, hc.col)
            cells[col.header] = ref
            v = value(sheet, r, hc.col)
            if v is None:
                raw[col.header] = None
                continue
            if type(v) is int and col_units[hc.col] == "kr":
                raw[col.header] = v          # whole kronor as typed: nothing to convert
                continue
            try:
                amount = parse_amount(v)
            except NotAnAmount as exc:
                raise ReadError(f"{exc} (kolumn '{col.header}', rad '{label or r + 1}')",
                                sheet=sheet.name, cell=ref) from None
            if amount is None:
                raw[col.header] = None
                continue
            if amount.unit is not None and amount.unit != col_units[hc.col]:
                raise ReadError(f"cellen anger {amount.unit} men kolumnen '{col.header}' är i "
                                f"{col_units[hc.col]}; blandade enheter på raden '{label or r + 1}'",
                                sheet=sheet.name, cell=ref)
            unit_here = col_units[hc.col]
            if unit_here != "kr" and not isinstance(v, str):     # kr is never shown scaled down
                unit_here = stored_unit(sheet, r, hc.col, unit_here)
                if unit_here != col_units[hc.col]:
                    scaled_cells.append(ref)
            elif unit_here != "kr" and hc.col in scaled_cols:
                unit_here = scaled_cols[hc.col]   # text typed among kronor shown as tkr: kronor
            kr, rounded = to_kronor(amount, unit_here, ref)
            if rounded:
                rounded_cells.append(ref)
            raw[col.header] = kr
        if not label and not any(v is not None for v in raw.values()):
            continue
        if not label:
            label = f"(rad {r + 1} utan text)"
            notes.append(Note("row_without_label", (r + 1,)))
        lc = sheet.cell(r, row_label_col)
        amount_cells = [sheet.cell(r, hc.col) for hc in header.cells]
        formulas = tuple(c.formula if c is not None else None for c in amount_cells)
        bold = bool(lc and lc.bold) or any(c is not None and c.bold for c in amount_cells)
        entries.append(_Entry(
            row=r + 1, label=label.strip(),
            raw=raw, cells=cells, bold=bold,
            italic=bool(lc and lc.italic), indent=max(lc.indent if lc else 0, level),
            prefix=_has_prefix(label), total_type=total_type(label),
            formulas=formulas if any(formulas) else ()))
    while entries and not entries[-1].has_amounts:
        entries.pop()  # footnotes and signatures under the table
    if statistics_rows:
        notes.append(Note("statistics_rows", (tuple(statistics_rows[:10]),)))
    entries, memo_rows = _without_of_which_rows(entries)
    if memo_rows:
        notes.append(Note("of_which_rows", (tuple(memo_rows),)))
    if not entries:
        raise ReadError("budgettabellen har inga rader med belopp under rubrikraden",
                        sheet=sheet.name, cell=cell_ref(header.row, first_year_col))
    hidden = sorted(e.row for e in entries if e.row - 1 in sheet.hidden_rows)
    if hidden:
        notes.append(Note("hidden_rows", (tuple(hidden),)))
    if rounded_cells:
        notes.append(Note("rounded", (tuple(rounded_cells[:10]),)))
    if scaled_cells:
        notes.append(Note("scaled_by_format", (len(scaled_cells), unit, scaled_cells[0])))
    if whole_sheet and unit == "kr" and stored_in is None and assumed_unit is None:
        biggest = max((abs(v) for e in entries for v in e.raw.values() if v is not None), default=0)
        if (0 < biggest < SMALLEST_PLAUSIBLE_KRONOR and not any(c.unit for c in header.cells)
                and not states_kronor(sheet, header.row, value) and is_whole_budget(entries)):
            # "Försäkringskassan 2 608": no förbund's budget is 2 608 kronor; nothing says
            # kr either: the amounts are tkr with the unit left out
            table = read_table(sheet, header, value, label_col, whole_sheet, stored_in,
                               established, explain, assumed_unit="tkr")
            table.notes.insert(0, Note("tkr_by_size", (int(biggest),)))
            return table
    from ..inference.reading import bind_lines, infer, reading_info
    inference = infer(entries, columns, [e.formulas or (None,) * len(columns) for e in entries],
                      [column_letter(hc.col) for hc in header.cells], established)
    lines = bind_lines(inference)
    convention = inference.best.convention
    reading = reading_info(inference, [c.header for c in columns], explain)
    if whole_sheet and unit == "kr" and stored_in is None:
        biggest = max((abs(v) for e in entries for v in e.raw.values() if v is not None), default=0)
        if 0 < biggest < SMALLEST_PLAUSIBLE_KRONOR:
            from dataclasses import replace as _replace
            reading = _replace(reading, certain=False,
                               reasons=reading.reasons + (Note("small_kronor", (int(biggest),)),))
    equity = _equity_in_table(sheet, equity_rows, header, columns, col_units, label_col,
                              convention, value)
    return Table(sheet=sheet.name, header_row=header.row, label_col=label_col, unit=unit,
                 columns=columns, sign_convention=convention, lines=lines, equity=equity,
                 notes=notes, reading=reading, inference=inference, entries=entries)


_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _unread_year_columns(sheet: RawSheet, header: HeaderRow, value: ValueFn,
                         noted: set[int] = frozenset()) -> list[Note]:
    """A note for each heading in the header row that names a year but is not read as a
    year column ("Utfall jan-aug 2024", "Förändring 2024–2025"), so nothing is left out
    without a word."""
    read = {c.col for c in header.cells}
    out = []
    row = sheet.rows[header.row] if header.row < len(sheet.rows) else []
    for c in range(min(read | noted), len(row)):   # the label column's heading is no amount column
        v = value(sheet, header.row, c)
        if c in read or c in noted or not isinstance(v, str) or not _YEARISH.search(v):
            continue
        out.append(Note("column_not_a_year", (" ".join(v.split()), cell_ref(header.row, c))))
    return out


_STATISTICS_LABEL = re.compile(voc.STATISTICS_LABEL)
_SHARE_LABEL = re.compile(voc.SHARE_LABEL)


def _year_row_below(sheet: RawSheet, r: int, cells, label: str) -> bool:
    """A row of bare years under the table heads another block (the equity figures) only
    when the years are typed, run one by one, and the row names no budget line: 1 967 and
    1 962 tkr computed by "=SUM(…)" on "2.2 Förbundets kansli" are amounts."""
    if any((sheet.cell(r, h.col) is not None and sheet.cell(r, h.col).formula) for h in cells):
        return False
    years = [h.year for h in cells]
    if any(abs(b - a) != 1 for a, b in zip(years, years[1:])):
        return False
    return not label or _is_equity_label(label) or clean_label(label).lower() in ("år", "år:")


def _scaled_columns(sheet: RawSheet, header: HeaderRow, col_units: dict) -> dict[int, str]:
    """Columns whose numbers are stored in kronor and shown as tkr by the number format
    (most of their numeric cells scaled): column -> the unit the numbers are stored in."""
    out = {}
    for hc in header.cells:
        unit = col_units[hc.col]
        if unit == "kr":
            continue
        scaled = plain = 0
        for r in range(header.row + 1, min(len(sheet.rows), header.row + 1 + SEARCH_ROWS)):
            cell = sheet.cell(r, hc.col)
            if cell is None or isinstance(cell.value, str) or cell.value is None:
                continue
            if cell.scale:
                scaled += 1
            else:
                plain += 1
        if scaled > plain:
            probe = next(r for r in range(header.row + 1, len(sheet.rows))
                         if (sheet.cell(r, hc.col) is not None and sheet.cell(r, hc.col).scale))
            out[hc.col] = stored_unit(sheet, probe, hc.col, unit)
    return out


def _starts_other_table(sheet: RawSheet, r: int, header: HeaderRow, value: ValueFn) -> bool:
    """A row whose cells under the year headings are headings of another table (an equity
    overview with years as rows: "Ingående eget kapital", "Årets resultat", "UB")."""
    under = [value(sheet, r, hc.col) for hc in header.cells]
    if not any(isinstance(t, str) and t.strip() for t in under):
        return False
    row = sheet.rows[r] if r < len(sheet.rows) else []
    texts = [value(sheet, r, c) for c in range(len(row))]
    texts = [t for t in texts if isinstance(t, str) and t.strip()]
    if len(texts) < 2:
        return False
    named = set()
    for t in texts:
        try:
            if parse_amount(t) is not None:
                return False
        except NotAnAmount:
            pass
        if clean_label(t).lower() in _KIND_WORDS:
            return False        # "KOSTNADER | Budget | Prognos": the header again
        f = _overview_field(t)
        if f is not None:
            named.add(f)
    return len(named) >= 2 and bool(named & {"ib", "ub"})


def _is_statistics_row(sheet: RawSheet, r: int, label: str, header: HeaderRow) -> bool:
    """A row of shares or counts under or inside the table ("Andel individinsatser 78 %",
    "Antal årsarbetare 2,5"): by its label, or by a percentage in a year column (typed
    "55,5 %" or shown by a percent number format). Its numbers are no kronor."""
    if label and _is_statistics_label(label):
        return True
    row = sheet.rows[r]
    cells = [row[hc.col] for hc in header.cells if hc.col < len(row) and row[hc.col] is not None]
    for cell in cells:
        if cell.percent or (isinstance(cell.value, str) and cell.value.rstrip().endswith("%")):
            return True
    if label and _is_share_label(label):
        # "Andel individinsatser 0,555" is a ratio; "Andel länsprojekt -50 000" is money
        numbers = [c.value for c in cells
                   if isinstance(c.value, (int, float, Decimal)) and not isinstance(c.value, bool)]
        return "%" in label or (bool(numbers) and all(-1 <= v <= 1 for v in numbers)
                                and any(v != int(v) for v in numbers))
    return False


_OF_WHICH = re.compile(voc.OF_WHICH)


def _without_of_which_rows(entries: list[_Entry]) -> tuple[list[_Entry], list[int]]:
    """Leave out "varav …" rows ("of which"): a part of the amount on the row above, shown
    for information. Added in, it would count that part twice; taken as the row's breakdown,
    it would replace the whole by the part. Kept only when the row above has no amount of
    its own (then the varav rows are where the amounts are)."""
    kept, memo = [], []
    anchor = None                       # the nearest row above that is no varav row
    for e in entries:
        if not _OF_WHICH.match(e.label):
            anchor = e
        elif anchor is not None and anchor.has_amounts:
            memo.append(e.row)
            continue
        kept.append(e)
    return kept, memo


def _label_text(v) -> str:
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return str(v)
    return ""


def _is_label(v) -> bool:
    """Text that reads as a line label: not a year heading, not an amount."""
    if not (isinstance(v, str) and v.strip()) or parse_header(v) is not None:
        return False
    try:
        return parse_amount(v) is None
    except NotAnAmount:
        return True


def _label_columns(sheet, header, first_year_col, label_col, value) -> list[int]:
    """The label column, plus neighbouring text columns when rows put their label in one
    of them only (categories in A, breakdown in B): read as one label with a level."""
    if first_year_col < 2:
        return [label_col]       # one column left of the years: nothing to combine
    cols = []
    for c in range(first_year_col):
        texts = only_here = 0
        for r in range(header.row + 1, min(len(sheet.rows), header.row + 300)):
            if _is_label(value(sheet, r, c)):
                texts += 1
                if not any(isinstance(value(sheet, r, o), str) and value(sheet, r, o).strip()
                           for o in range(first_year_col) if o != c):
                    only_here += 1
        if texts >= 2 and only_here >= 1:
            cols.append(c)
    if label_col not in cols or len(cols) < 2:
        return [label_col]
    # keep the run of adjacent columns around the label column
    run = [label_col]
    for c in sorted(cols):
        if c == run[-1] + 1:
            run.append(c)
    for c in sorted(cols, reverse=True):
        if c == run[0] - 1:
            run.insert(0, c)
    return run


def _label_column(sheet, header, first_year_col, value) -> int:
    best, best_count = None, 0
    rows = range(header.row + 1, min(len(sheet.rows), header.row + 300))
    if first_year_col == 1:      # one candidate: it only has to hold a label somewhere
        if any(_is_label(value(sheet, r, 0)) for r in rows):
            return 0
    for c in range(first_year_col):
        count = sum(1 for r in rows if _is_label(value(sheet, r, c)))
        if count > best_count:
            best, best_count = c, count
    if best is None:
        raise ReadError("hittar ingen kolumn med radtexter till vänster om årskolumnerna",
                        sheet=sheet.name, cell=cell_ref(header.row, first_year_col))
    return best


_REVISED = re.compile(voc.REVISED_COLUMN)


def _without_superseded(header: HeaderRow) -> tuple[HeaderRow, list[tuple[HeaderCell, HeaderCell]]]:
    """'Budget 2024' beside 'Reviderad budget 2024': the revised budget replaces the first
    one, which is left out (named in a note) instead of making the table ambiguous.
    Returns the header without such columns and (left out, replaced by) pairs."""
    by_key: dict[tuple[str, int], list[HeaderCell]] = {}
    for hc in header.cells:
        by_key.setdefault((hc.kind or BUDGET, hc.year), []).append(hc)
    dropped = []
    for cells in by_key.values():
        revised = [hc for hc in cells if _REVISED.search(hc.text)]
        if len(cells) == 2 and len(revised) == 1:
            dropped.append((next(hc for hc in cells if hc is not revised[0]), revised[0]))
    if not dropped:
        return header, []
    gone = {old.col for old, _ in dropped}
    return HeaderRow(header.row, tuple(hc for hc in header.cells if hc.col not in gone)), dropped


def _columns(header: HeaderRow) -> list[Column]:
    cols, seen = [], {}
    default_kind = BUDGET
    for hc in header.cells:
        kind = hc.kind or default_kind
        text = hc.text
        if text in seen:
            raise ReadError(f"kolumnrubriken '{text}' förekommer två gånger "
                            f"({seen[text]} och {cell_ref(header.row, hc.col)})",
                            cell=cell_ref(header.row, hc.col))
        seen[text] = cell_ref(header.row, hc.col)
        cols.append(Column(header=text, kind=kind, year=hc.year, cell=cell_ref(header.row, hc.col),
                           letter=column_letter(hc.col)))
    keys = {}
    for c in cols:
        if c.key in keys:
            raise ReadError(f"året {c.year} finns två gånger som {c.kind} "
                            f"('{keys[c.key]}' och '{c.header}'); tabellen är tvetydig",
                            cell=c.cell)
        keys[c.key] = c.header
    return cols


_LEADING_MARKS = re.compile(r"^\s*(?:[-–—•·▪]\s*)+")


def _dashes(label: str) -> int:
    """How deep a "- " row is: "- Team" 1, "-- Team" or "- - Team" 2."""
    m = _LEADING_MARKS.match(label)
    return max(1, len(m.group(0).replace(" ", ""))) if m else 1


_OUTLINE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[^\d\s])")


# --- equity ----------------------------------------------------------------------------------

_EQ_RESULT = re.compile(voc.EQUITY_RESULT_ROW)


def _equity_field(label: str) -> str | None:
    """ib / ub / resultat for an equity row's label ("Eget kapital 1/1" opens the year,
    "Eget kapital 31/12" closes it); None for a cap or a share ("Tak 20 %")."""
    s = clean_label(label)
    if voc.matches(voc.EQUITY_NOT, s):
        return None
    if voc.matches(voc.EQUITY_OPENING, s):
        return "ib"
    if voc.matches(voc.EQUITY_CLOSING, s) or _is_equity_label(s):
        return "ub"
    if _EQ_RESULT.search(s):
        return "resultat"
    return None


def _equity_in_table(sheet, equity_rows, header, columns, col_units, label_col, convention,
                     value) -> list[EquityFigure]:
    """Equity rows under the budget table: per budget column, or under a row of years of
    their own ("Eget kapital | 2025 | 2026" above "Ingående eget kapital" …). Equity is
    positive in the model; an accounting-sign table that shows it as a credit (negative)
    is turned round."""
    found: list[tuple[int, str, int, str, int]] = []     # year, field, amount, cell, rank
    own_years = None
    for r, label in equity_rows:
        year_cells = [h for h in header_cells(sheet, r, value) if h.col != label_col and h.kind is None]
        if len(year_cells) == 1 and len(header.cells) == 1:
            # one amount column (a range given to an Excel function): a lone year above
            # equity rows is their year, not an amount
            below = _label_text(value(sheet, r + 1, label_col))
            if below and _equity_field(below):
                own_years = year_cells
                continue
        if len(year_cells) >= 2:
            below = _label_text(value(sheet, r + 1, label_col))
            if below and _equity_field(below):
                own_years = year_cells      # the years of the rows below
                continue
            field_name = _equity_field(label) if label else None
            if field_name is None:
                continue
            # years laid out on the label row, amounts on the next row
            for h in year_cells:
                u = col_units.get(h.col, "kr")
                amount = _amount_at(sheet, r + 1, h.col, value, u)
                if amount is not None:
                    found.append((h.year, field_name, amount, cell_ref(r + 1, h.col), -1,
                                  _precision_at(sheet, r + 1, h.col, value, u)))
            continue
        field_name = _equity_field(label) if label else None
        if field_name is None:
            continue
        if own_years is not None:
            for h in own_years:
                u = col_units.get(h.col, sheet_unit(sheet, header.row, value))
                amount = _amount_at(sheet, r, h.col, value, u)
                if amount is not None:
                    found.append((h.year, field_name, amount, cell_ref(r, h.col), -1,
                                  _precision_at(sheet, r, h.col, value, u)))
            continue
        for hc, col in zip(header.cells, columns):
            amount = _amount_at(sheet, r, hc.col, value, col_units[hc.col])
            if amount is None:
                continue
            # Several columns for one year (Budget 2024 and Prognos 2024): the most final
            # one gives the year's figure, as it gives the year's resultat (utfall, prognos,
            # budget, plan), so that UB = IB + resultat compares like with like.
            rank = _FINALITY.index(col.kind) if col.kind in _FINALITY else len(_FINALITY)
            found.append((col.year, field_name, amount, cell_ref(r, hc.col), rank,
                          _precision_at(sheet, r, hc.col, value, col_units[hc.col])))
    balances = [a for _, f, a, _, _, _ in found if f in ("ib", "ub") and a]
    flip = convention == REVENUE_NEGATIVE and sum(a < 0 for a in balances) * 2 > len(balances)
    figures: dict[int, dict] = {}
    for year, field_name, amount, ref, rank, precision in found:
        fig = figures.setdefault(year, {"cells": {}, "_rank": {}})
        if field_name in fig and fig["_rank"][field_name] <= rank:
            continue
        fig[field_name] = -amount if flip else amount
        if field_name == "ub":
            fig["precision"] = precision
        fig["_rank"][field_name] = rank
        fig["cells"][field_name] = ref
    for fig in figures.values():
        fig.pop("_rank", None)
    return [EquityFigure(year=y, sheet=sheet.name, **f) for y, f in sorted(figures.items())]


_FINALITY = (UTFALL, PROGNOS, BUDGET, PLAN)


def _precision_at(sheet, r, c, value, unit) -> int:
    """Kronor per unit the amount at (r, c) is stated in: 1 for kr, 1 000 for tkr."""
    v = value(sheet, r, c)
    if isinstance(v, str):
        try:
            own = parse_amount(v)
        except NotAnAmount:
            own = None
        unit = (own.unit if own is not None else None) or unit
    elif unit != "kr":
        unit = stored_unit(sheet, r, c, unit)
    return int(UNIT_FACTORS.get(unit, 1))


def _amount_at(sheet, r, c, value, unit) -> int | None:
    v = value(sheet, r, c)
    try:
        amount = parse_amount(v)
    except NotAnAmount as exc:
        raise ReadError(str(exc), sheet=sheet.name, cell=cell_ref(r, c)) from None
    if amount is None:
        return None
    if unit != "kr" and not isinstance(v, str):
        unit = stored_unit(sheet, r, c, unit)
    return int(to_kronor(amount, unit, cell_ref(r, c))[0])


@functools.lru_cache(maxsize=4096)
def _overview_field(text: str) -> str | None:
    """Which figure an overview column heading names (None for a cap or percent column)."""
    s = clean_label(text)
    if voc.matches(voc.EQUITY_NOT, s):
        return None
    if re.search(r"(?i)eget\s+kapital|\bIB\b|\bUB\b", s):
        return "ib" if voc.matches(voc.EQUITY_OPENING, s) else "ub"
    if re.search(r"(?i)prognos", s):
        return "prognos"
    if re.search(r"(?i)intäkt|intakt", s):
        return "intakter"
    if re.search(r"(?i)kostnad", s):
        return "kostnader"
    if re.search(r"(?i)resultat", s):
        return "resultat"
    return None


def find_overviews(sheet: RawSheet, value: ValueFn, default_unit: str) -> list[EquityFigure]:
    """Overview tables with years as rows (Budgetöversikt: intäkter, kostnader, resultat,
    prognos utfall, eget kapital 31/12), in the first SEARCH_ROWS rows."""
    out = []
    for r in range(min(len(sheet.rows), SEARCH_ROWS)):
        fields = {}
        for c in range(len(sheet.rows[r])):
            v = value(sheet, r, c)
            if not isinstance(v, str):
                continue
            name = _overview_field(v)
            if name is not None:
                fields.setdefault(name, c)
        if len(fields) < 3 or not ({"ub", "resultat"} & set(fields)):
            continue
        near = [value(sheet, rr, cc) for rr in sorted(set(range(max(0, r - 6), r + 1)) | set(range(min(r, 4))))
                for cc in range(len(sheet.rows[rr]))]
        unit = unit_from_texts([t for t in near if isinstance(t, str)])
        if unit == "kr":
            unit = default_unit
        first_field_col = min(fields.values())
        for rr in range(r + 1, len(sheet.rows)):
            year = None
            for c in range(first_field_col):
                h = parse_header(value(sheet, rr, c))
                if h is not None and h.kind is None:
                    year = h.year
                    break
            if year is None:
                break
            fig = {"cells": {}}
            for name, c in fields.items():
                amount = _amount_at(sheet, rr, c, value, unit)
                if amount is None:
                    continue
                if name == "kostnader" and amount > 0:
                    amount = -amount
                fig[name] = amount
                fig["cells"][name] = cell_ref(rr, c)
                if name == "ub":
                    fig["precision"] = _precision_at(sheet, rr, c, value, unit)
            out.append(EquityFigure(year=year, sheet=sheet.name, **fig))
    return out


def merge_equity(*groups: Sequence[EquityFigure]) -> list[EquityFigure]:
    """One figure per year; earlier groups win field by field."""
    by_year: dict[int, dict] = {}
    for group in groups:
        for f in group:
            d = by_year.setdefault(f.year, {"sheet": f.sheet, "cells": {}})
            for name in ("ib", "ub", "resultat", "prognos", "intakter", "kostnader"):
                v = getattr(f, name)
                if v is not None and d.get(name) is None:
                    d[name] = v
                    d["cells"][name] = f.cells.get(name, "")
                    if name == "ub":
                        d["sheet"] = f.sheet
                        d["precision"] = f.precision
    return [EquityFigure(year=y, **d) for y, d in sorted(by_year.items())]


def equity_rows_in_sheet(sheet: RawSheet, value: ValueFn) -> list[EquityFigure]:
    """Equity on a sheet of its own with the years as columns: rows "Ingående eget
    kapital", "Årets resultat", "Utgående eget kapital" (or "Eget kapital 1/1", "… 31/12")
    under a row of years; in the unit the sheet's title or headings state."""
    header = find_header(sheet, value)
    if header is None:
        return []
    unit = sheet_unit(sheet, header.row, value)
    first = min(h.col for h in header.cells)
    figures: dict[int, dict] = {}
    for r in range(header.row + 1, min(len(sheet.rows), header.row + 1 + SEARCH_ROWS)):
        label = next((value(sheet, r, c) for c in range(first)
                      if isinstance(value(sheet, r, c), str) and value(sheet, r, c).strip()), None)
        name = _equity_field(label) if label and (_is_equity_label(label) or _EQ_RESULT.search(label)) else None
        if name is None:
            continue
        for h in header.cells:
            amount = _amount_at(sheet, r, h.col, value, h.unit or unit)
            if amount is None:
                continue
            fig = figures.setdefault(h.year, {"cells": {}})
            if name in fig:
                continue
            fig[name] = amount
            fig["cells"][name] = cell_ref(r, h.col)
            if name == "ub":
                fig["precision"] = _precision_at(sheet, r, h.col, value, h.unit or unit)
    if not any("ub" in f or "ib" in f for f in figures.values()):
        return []
    return [EquityFigure(year=y, sheet=sheet.name, **f) for y, f in sorted(figures.items())]
