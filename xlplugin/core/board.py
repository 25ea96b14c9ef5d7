"""The November board workbook, as data: columns, line amounts and projections.

For budget year Y the board sees: Budget Y-1, Prognos Y-1 (when the source has one),
Budget Y and the plan years Y+1, Y+2. Plan years the source lacks are projected from
Budget Y line by line with the user's rules (core.projection), the same functions the
Excel functions use. Amounts are kronor, revenue positive, costs negative.

`board_budget()` returns an ordinary `Budget` with the board's columns, so the same
totals, equity and ratios code computes what the generated formulas must show.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..errors import XlpluginError
from .equity import EquityPolicy, EquityYear, equity_chain
from .model import BUDGET, COST, ITEM, PLAN, PROGNOS, TOTAL, Budget, Column, Line
from .projection import ProjectionRule, balancing_line, project
from .totals import column_totals


class BoardError(XlpluginError):
    """The board workbook cannot be made from this source (Swedish message)."""


@dataclass(frozen=True)
class LineRule:
    """A projection rule for the lines whose label matches `pattern` (exact, or with * ?)."""

    pattern: str
    rule: ProjectionRule
    balance: bool = False    # the plug line ("Ofördelade medel") that balances each plan year

    def matches(self, label: str) -> bool:
        """Match the label as written, or without a breakdown prefix ("- ") and footnote stars."""
        p = self.pattern.strip().lower()
        for text in {label.strip().lower(), _bare(label)}:
            if any(ch in p for ch in "*?["):
                if fnmatch.fnmatchcase(text, p):
                    return True
            elif text == p:
                return True
        return False


def _bare(label: str) -> str:
    return label.strip().lstrip("-–—•·▪ ").rstrip("* ").strip().lower()


@dataclass(frozen=True)
class BoardColumn:
    header: str
    kind: str
    year: int
    source: str | None          # header in the source workbook, None when projected


@dataclass(frozen=True)
class BoardPlan:
    budget: Budget               # the board's budget: board columns, leaf amounts
    source: Budget
    year: int
    columns: tuple[BoardColumn, ...]
    applied: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)  # (label, column, rule text)

    @property
    def projected(self) -> list[BoardColumn]:
        return [c for c in self.columns if c.source is None]


def _find(source: Budget, kind: str, year: int) -> Column | None:
    return next((c for c in source.columns if c.kind == kind and c.year == year), None)


def board_columns(source: Budget, year: int, plan_years: int = 2) -> list[BoardColumn]:
    """Budget Y-1, Prognos Y-1, Budget Y, Plan Y+1 … (source column or projected)."""
    budget_y = _find(source, BUDGET, year) or _find(source, PLAN, year)  # last year's plan
    if budget_y is None:
        have = ", ".join(c.header for c in source.columns)
        raise BoardError(f"källan saknar kolumnen Budget {year} (kolumner: {have})")
    out = []
    prev = _find(source, BUDGET, year - 1)
    if prev is not None:
        out.append(BoardColumn(f"Budget {year - 1}", BUDGET, year - 1, prev.header))
    prog = _find(source, PROGNOS, year - 1)
    if prog is not None:
        out.append(BoardColumn(prog.header, PROGNOS, year - 1, prog.header))
    out.append(BoardColumn(f"Budget {year}", BUDGET, year, budget_y.header))
    for k in range(1, plan_years + 1):
        y = year + k
        src = _find(source, PLAN, y) or _find(source, BUDGET, y)
        out.append(BoardColumn(f"Plan {y}", PLAN, y, src.header if src else None))
    return out


def _leaf_in(source: Budget, line: Line, header: str) -> bool:
    """True when the line's own amount is used in this column (no breakdown amounts)."""
    kids = [ln for ln in source.lines if ln.parent == line.index]
    return not any(k.values.get(header) is not None for k in kids)


def board_plan(source: Budget, year: int, rules: Sequence[LineRule] = (),
               default: ProjectionRule = ProjectionRule(), plan_years: int = 2) -> BoardPlan:
    """Columns and amounts of the board workbook for budget year `year`."""
    columns = board_columns(source, year, plan_years)
    base = next(c for c in columns if c.kind == BUDGET and c.year == year).source
    projected = [c for c in columns if c.source is None]
    applied = []
    new_values: dict[int, dict[str, int | None]] = {}
    for ln in source.lines:
        vals = {c.header: (ln.values.get(c.source) if c.source else None) for c in columns}
        new_values[ln.index] = vals
    if projected:
        for ln in source.lines:
            if ln.role != ITEM and not (ln.role == TOTAL and not ln.members and ln.total_type == "subtotal"):
                continue
            start = ln.values.get(base)
            if start is None or not _leaf_in(source, ln, base):
                continue
            rule = next((r.rule for r in rules if r.matches(ln.label) and not r.balance), default)
            # every projected year counts from the budget year: Plan Y+k is k steps on
            # (factors and index percentages apply per year after the budget year)
            amounts = project(start, max(c.year for c in projected) - year, rule)
            for c in projected:
                new_values[ln.index][c.header] = amounts[c.year - year - 1]
            applied.append((ln.label, ", ".join(c.header for c in projected), rule.describe()))
    budget = _with_values(source, columns, new_values)
    plugs = [r for r in rules if r.balance]
    if projected and plugs:
        plug = next((ln for ln in source.lines if ln.role == ITEM and ln.kind == COST
                     and not any(k.parent == ln.index for k in source.lines)
                     and any(r.matches(ln.label) for r in plugs)), None)
        if plug is None:
            raise BoardError(f"hittar ingen kostnadsrad som matchar utjämningsregeln "
                             f"'{plugs[0].pattern}'")
        totals = column_totals(budget)
        for c in projected:
            current = new_values[plug.index][c.header] or 0
            new_values[plug.index][c.header] = current + balancing_line(
                totals[c.header].intakter, totals[c.header].kostnader)
        budget = _with_values(source, columns, new_values)
        applied = [a for a in applied if a[0] != plug.label]
        applied.append((plug.label, ", ".join(c.header for c in projected),
                        "utjämnar planåret: intäkter minus övriga kostnader (resultat 0)"))
    return BoardPlan(budget=budget, source=source, year=year, columns=tuple(columns),
                     applied=tuple(applied))


def _with_values(source: Budget, columns, new_values) -> Budget:
    lines = tuple(replace(ln, values=new_values[ln.index], cells={}) for ln in source.lines)
    return replace(source, columns=tuple(Column(c.header, c.kind, c.year) for c in columns), lines=lines)


def board_equity(plan: BoardPlan, policy: EquityPolicy = EquityPolicy(),
                 opening: int | None = None) -> list[EquityYear]:
    """The equity chain over the board's years (and the source's), from `equity_chain`.

    The same chain `finsam check` reports, extended to the plan years the board projects;
    `opening` (the user's --ib) is used only when the source states no opening equity.
    Each year's `resultat_column` is a header of the board's own columns, or None when
    the figure is the source's (an overview row, or a source column the board leaves out).
    """
    years = sorted({c.year for c in plan.columns})
    chain = equity_chain(plan.source, policy, years=years, opening=opening,
                         opening_note="ingående eget kapital enligt --ib", projected=plan.budget)
    to_board = {c.source: c.header for c in plan.columns if c.source is not None}
    board_headers = {c.header for c in plan.columns if c.source is None}
    out = []
    for e in chain:
        if not years[0] <= e.year <= years[-1]:
            continue            # source years outside the board's columns only carry the chain
        if not out and e.year > chain[0].year:
            e = replace(e, sources={**e.sources, "ib": f"UB {e.year - 1} enligt källans eget kapital"})
        col = e.resultat_column
        if col in to_board:
            col = to_board[col]
        elif col not in board_headers:
            col = None
        out.append(replace(e, resultat_column=col))
    return out


