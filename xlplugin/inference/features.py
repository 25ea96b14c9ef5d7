"""Stage 1: row features, computed once per table.

A `Row` is what every later stage may know about one row of the budget table: its
amounts in kronor with the source's signs, the words of its label, its formatting and,
where the cell holds a formula, which rows the formula adds up. The Excel functions see
no formatting; then `bold`, `indent` and `prefix` are simply off and the numbers decide.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple, Sequence

from ..core.model import REVENUE, COST
from ..core import vocabulary as voc

Amounts = tuple  # one int | None per budget column: whole kronor, source signs


class Row(NamedTuple):
    """One row of the table. `values` are whole kronor (int: the reader has rounded tkr
    with decimals to the krona and said so) with the signs the sheet shows. (A named
    tuple: immutable, and cheap to build each time Excel recalculates.)"""

    i: int                      # position in the table
    row: int                    # sheet row, 1-based
    label: str
    values: Amounts
    cells: tuple[str, ...]      # cell reference per column ("" where none)
    bold: bool = False
    indent: int = 0
    prefix: int = 0             # depth of a "- " / "-- " prefix, 0 without one
    outline: str | None = None  # "2.3.1" for a numbered outline row
    word_total: str | None = None   # revenue_total / cost_total / result / subtotal by the words
    word_kind: str | None = None    # revenue / cost by the words of the label
    member_name: bool = False       # "Försäkringskassan", "Region …", "… kommun"
    heading_kind: str | None = None  # "Intäkter" / "Kostnader" as the whole label
    section_kind: str | None = None  # revenue / cost as a heading names it ("Övriga intäkter")
    account: bool = False           # the label starts with an account number ("4010 Arvoden")
    formula_rows: tuple = ()        # per column: frozenset of sheet rows the formula sums, or None
    has_amounts: bool = False       # some column states an amount (set by build_rows)


_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")
_SUMMABLE = re.compile(r"^\s*(?:SUM\s*\(|SUBTOTAL\s*\(\s*(?:9|109)\s*,|[+\-]?\s*\$?[A-Z]{1,3}\$?\d+)", re.I)
_OTHER_FUNCTION = re.compile(r"(?i)\b(?!SUM\b|SUBTOTAL\b)[A-Z][A-Z0-9.]*\s*\(")


def formula_rows(formula: str | None, letter: str) -> frozenset[int] | None:
    """The sheet rows (1-based) a summing formula takes from its own column: "SUM(B15:B17)"
    -> {15, 16, 17}, "B10+B20" -> {10, 20}. None for anything else (another function, a
    reference to another sheet or column, a constant)."""
    if not formula or "!" in formula or not _SUMMABLE.match(formula):
        return None
    if _OTHER_FUNCTION.search(formula):
        return None
    rows: set[int] = set()
    for m in _REF.finditer(formula.upper()):
        c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if c1 != letter or (c2 is not None and c2 != letter):
            return None
        if r2 is None:
            rows.add(r1)
        else:
            rows.update(range(min(r1, int(r2)), max(r1, int(r2)) + 1))
    return frozenset(rows) or None


_ACCOUNT = re.compile(r"^\s*(\d{3,4})\s+\S")


@functools.lru_cache(maxsize=4096)
def label_words(label: str) -> tuple:
    """(word_total, word_kind, member_name, heading_kind, section_kind, account, outline
    number, dash depth) for a label (a pure function of the text, kept for the labels
    seen last: Excel recalculates the same labels with new amounts)."""
    from ..io.layout import clean_label, kind_from_label, total_type, _OUTLINE, _LEADING_MARKS
    s = clean_label(label)
    bare = _LEADING_MARKS.sub("", _OUTLINE.sub("", s) or s).strip()
    heading = REVENUE if voc.matches(voc.REVENUE_HEADING, bare) else (
        COST if voc.matches(voc.COST_HEADING, bare) else None)
    low = s.lower()
    rev = "intäkt" in low or "intakt" in low
    cost = "kostnad" in low or "utgift" in low
    section = REVENUE if rev and not cost else COST if cost and not rev else None
    from ..io.layout import _dashes
    m = _OUTLINE.match(label)
    return (total_type(label), kind_from_label(label), voc.matches(voc.MEMBER_NAME, bare),
            heading, section, bool(_ACCOUNT.match(s)), m.group(1) if m else None, _dashes(label))


def build_rows(entries: Sequence, headers: Sequence[str], formulas: Sequence[Sequence[str | None]] = (),
               letters: Sequence[str] = ()) -> list[Row]:
    """Rows from the reader's entries (label, amounts per header, formatting). `formulas`
    per entry and column: the formula text, or the sheet rows it sums where the caller
    has worked them out (one sheet per year: the rows of the merged table)."""
    out = []
    for i, e in enumerate(entries):
        wt, wk, member, heading, section, account, outline, dashes = label_words(e.label)
        frows: tuple = ()
        f_row = formulas[i] if formulas and i < len(formulas) else ()
        if any(f_row):
            frows = tuple((formula_rows(f, letters[c]) if isinstance(f, str) else f) if f else None
                          for c, f in enumerate(f_row))
        raw, cells = e.raw, e.cells
        values = tuple([None if (v := raw.get(h)) is None else int(v) for h in headers])
        out.append(Row(                      # positional: built again at every recalculation
            i, e.row, e.label, values, tuple([cells.get(h, "") for h in headers]),
            e.bold, e.indent, dashes if e.prefix else 0, outline, wt, wk, member, heading,
            section, account, frows, any(v is not None for v in values)))
    return out
