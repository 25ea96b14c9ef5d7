"""The budget model: immutable records, amounts in whole kronor.

Sign convention inside the model, whatever the source used:
revenue positive, costs negative, a result is revenue + costs (a deficit is negative).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Mapping

# Column kinds, as in Swedish budget documents.
BUDGET, PLAN, PROGNOS, UTFALL = "budget", "plan", "prognos", "utfall"
COLUMN_KINDS = (BUDGET, PLAN, PROGNOS, UTFALL)

# Line roles.
ITEM = "item"          # a line with amounts (may carry children: a category row)
SECTION = "section"    # a heading without amounts
TOTAL = "total"        # a stated total ("Summa ...", "SUMMA KOSTNADER", "RESULTAT")

# Line kinds.
REVENUE, COST, RESULT = "revenue", "cost", "result"

# Kinds of stated totals.
REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL, SUBTOTAL = "revenue_total", "cost_total", "result", "subtotal"

# Sign conventions seen in the source documents.
COSTS_NEGATIVE, ALL_POSITIVE, REVENUE_NEGATIVE = "costs_negative", "all_positive", "revenue_negative"


@dataclass(frozen=True)
class Column:
    """One amount column: `header` as written, `kind` (budget/plan/prognos/utfall), `year`."""

    header: str
    kind: str
    year: int
    cell: str = ""        # header cell, e.g. "B4"
    letter: str = ""      # column letter of the amounts, e.g. "B"
    sheet: str = ""       # the sheet of this column when a workbook keeps one year per sheet

    @property
    def key(self) -> str:
        """Stable key such as "budget 2026"."""
        return f"{self.kind} {self.year}"


@dataclass(frozen=True)
class Line:
    """One row of the budget table.

    `values` maps column header -> amount in kronor (None where the cell is empty).
    `parent` is the index of the line this one breaks down (a category or a section).
    For totals, `members` are the indices summed and `total_type` says which total it is;
    a total without members is a stated summary amount with no breakdown ("leaf total").
    """

    index: int
    row: int
    label: str
    role: str
    kind: str | None
    values: Mapping[str, int | None]
    parent: int | None = None
    total_type: str | None = None
    members: tuple[int, ...] = ()
    cells: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_total(self) -> bool:
        return self.role == TOTAL

    @property
    def has_amounts(self) -> bool:
        return any(v is not None for v in self.values.values())


@dataclass(frozen=True)
class EquityFigure:
    """Equity figures for one year as stated in the source (kronor, equity positive).

    Any field may be None when the source does not state it. `cells` maps the field
    name ("ib", "ub", "resultat", "prognos", "intakter", "kostnader") to its cell.
    """

    year: int
    ib: int | None = None
    ub: int | None = None
    resultat: int | None = None
    prognos: int | None = None
    intakter: int | None = None
    kostnader: int | None = None
    sheet: str = ""
    cells: Mapping[str, str] = field(default_factory=dict)
    precision: int = 1          # kronor per unit the UB is stated in (1 000 when in tkr)


@dataclass(frozen=True)
class StatedFigure:
    """A figure another sheet states for a line of the budget (a summary sheet over one
    sheet per year): `label` names the line or total, `column` the budget column header;
    `stated` in kronor, model signs."""

    sheet: str
    cell: str
    label: str
    column: str
    stated: int


@dataclass(frozen=True)
class ReadingInfo:
    """How sure the reader is of its reading of one table, and why.

    `stated_totals` is the number of stated figures (category sums, "Summa …" rows,
    grand totals; one per column) the reading weighed, `explained_totals` how many of
    them it makes add up. `uncertain_rows` are (sheet row, label) pairs; `alternatives`
    are the competing readings with their totals per column (dicts, JSON-ready);
    `evidence` is (sheet row, label, Swedish text) per row; `weighed` lists the readings
    considered as (name, score, explained, stated).
    """

    certain: bool = True
    stated_totals: int = 0
    explained_totals: int = 0
    uncertain_rows: tuple = ()
    reasons: tuple = ()            # core.notes.Note records (str() gives the Swedish)
    alternatives: tuple = ()
    evidence: tuple = ()
    weighed: tuple = ()
    reading: str = ""


@dataclass(frozen=True, eq=False)
class Budget:
    """A budget as read from one workbook (compared and hashed by identity)."""

    path: str
    sheet: str
    organisation: str | None
    unit: str
    sign_convention: str
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]
    equity: tuple[EquityFigure, ...] = ()
    notes: tuple = ()              # core.notes.Note records (str() gives the Swedish)
    reading: ReadingInfo = ReadingInfo()
    summary: tuple[StatedFigure, ...] = ()   # a summary sheet's figures, checked against the lines

    @functools.cached_property
    def index(self):
        """Lookups derived from the lines (children per line, base lines and totals per
        column: core.totals.BudgetIndex), built on first use and kept with this budget.
        A Budget is immutable, and `dataclasses.replace` makes a new one with its own."""
        from .totals import BudgetIndex
        return BudgetIndex(self)


@dataclass(frozen=True)
class Discrepancy:
    """A stated figure that does not add up.

    `difference` = stated - computed, in kronor. `consequential` is True when the
    stated figure does add up from the stated figures directly above it, i.e. the
    fault lies in one of those (a följdfel).
    """

    path: str
    sheet: str
    cell: str
    label: str
    column: str
    stated: int
    computed: int
    consequential: bool = False
    kind: str = "total"   # "total" (a stated sum) or "equity"

    @property
    def difference(self) -> int:
        return self.stated - self.computed
