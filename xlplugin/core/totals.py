"""Hierarchy-aware totals and the check of stated totals.

Totals are built bottom-up from the most detailed lines ("base lines"): a category
row that carries the sum of its breakdown is replaced by its breakdown wherever the
breakdown has amounts, so nothing is counted twice, and stated totals are never added.
All amounts are whole kronor, revenue positive and costs negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .model import (COST, COST_TOTAL, RESULT_TOTAL, REVENUE, REVENUE_TOTAL, SECTION, TOTAL,
                    Budget, Discrepancy, Line)


@dataclass(frozen=True)
class ColumnTotals:
    """Totals of one column in kronor: intäkter (>= 0), kostnader (<= 0), resultat."""

    intakter: int
    kostnader: int

    @property
    def resultat(self) -> int:
        return self.intakter + self.kostnader


class BudgetIndex:
    """What the totals need again and again, built once per budget (Budget.index): the
    children of each line, and per column header the base lines and the totals."""

    def __init__(self, budget: Budget):
        self.children: dict[int, list[int]] = {}
        for ln in budget.lines:
            if ln.parent is not None:
                self.children.setdefault(ln.parent, []).append(ln.index)
        self.base: dict[str, tuple[Line, ...]] = {}
        self.totals: dict[str, ColumnTotals] | None = None
        self.discrepancies: tuple[Discrepancy, ...] | None = None

    def parts(self, line: Line) -> list[int]:
        """The lines a stated figure is made of: members of a total, children of a category."""
        if line.role == TOTAL:
            return list(line.members)
        return self.children.get(line.index, [])


def computed_value(budget: Budget, index: int, header: str) -> int | None:
    """The value of a line in a column computed from its parts (None: no amounts at all).

    A line without parts that have amounts in the column keeps its own stated value.
    """
    tree = budget.index
    line = budget.lines[index]
    if line.role == TOTAL and line.total_type in (REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL):
        # A grand total sums what comes before it: "Totala intäkter" above the financial
        # income, "Resultat före finansiella poster" above "Årets resultat".
        above = [ln for ln in base_lines(budget, header) if ln.index < index]
        if line.total_type == REVENUE_TOTAL:
            above = [ln for ln in above if ln.kind == REVENUE]
        elif line.total_type == COST_TOTAL:
            above = [ln for ln in above if ln.kind == COST]
        if not above:
            return None
        return sum(ln.values[header] for ln in above)
    values = [computed_value(budget, i, header) for i in tree.parts(line)]
    values = [v for v in values if v is not None]
    if values:
        return sum(values)
    return line.values.get(header)


def base_lines(budget: Budget, header: str) -> list[Line]:
    """The most detailed lines with an amount in the column; they never overlap."""
    index = budget.index
    lines = index.base.get(header)
    if lines is None:
        lines = index.base[header] = tuple(_base_lines(budget, header))
    return list(lines)


def _base_lines(budget: Budget, header: str) -> list[Line]:
    # below[i]: some line under line i (its breakdown, at any depth) has an amount here
    below = [False] * len(budget.lines)
    if all(ln.parent is None or ln.parent < ln.index for ln in budget.lines):
        for ln in reversed(budget.lines):      # breakdowns come after their parent: one pass
            if ln.parent is not None and (below[ln.index] or ln.values.get(header) is not None):
                below[ln.parent] = True
    else:                                      # any other order: ask each line's subtree
        tree = budget.index
        for ln in budget.lines:
            below[ln.index] = any(_has_value(budget, c, header) for c in tree.children.get(ln.index, []))
    out = []
    for ln in budget.lines:
        if ln.role == SECTION or (ln.role == TOTAL and ln.members):
            continue
        if ln.role == TOTAL and ln.total_type in (REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL):
            continue
        if ln.values.get(header) is None or below[ln.index]:
            continue
        out.append(ln)
    return out


def _has_value(budget: Budget, index: int, header: str) -> bool:
    tree = budget.index
    if budget.lines[index].values.get(header) is not None:
        return True
    return any(_has_value(budget, c, header) for c in tree.children.get(index, []))


def column_totals(budget: Budget) -> dict[str, ColumnTotals]:
    """Intäkter, kostnader and resultat per column header, from the base lines."""
    index = budget.index
    if index.totals is None:
        index.totals = _column_totals(budget)
    return dict(index.totals)


def _column_totals(budget: Budget) -> dict[str, ColumnTotals]:
    out = {}
    for col in budget.columns:
        lines = base_lines(budget, col.header)
        if not lines:
            continue
        rev = sum(ln.values[col.header] for ln in lines if ln.kind == REVENUE)
        cost = sum(ln.values[col.header] for ln in lines if ln.kind == COST)
        out[col.header] = ColumnTotals(intakter=rev, kostnader=cost)
    return out


def check_totals(budget: Budget) -> list[Discrepancy]:
    """Every stated total or category sum that differs from its computed value.

    A line is checked in a column when it states an amount there and at least one of
    its parts has an amount. The result lists discrepancies in sheet order (worked out
    once per budget, which is immutable, and kept in its index).
    """
    index = budget.index
    if index.discrepancies is None:
        index.discrepancies = tuple(_check_totals(budget))
    return list(index.discrepancies)


def _check_totals(budget: Budget) -> list[Discrepancy]:
    tree = budget.index
    out: list[Discrepancy] = []
    sheet_of = {c.header: c.sheet or budget.sheet for c in budget.columns}
    for ln in budget.lines:
        parts = tree.parts(ln)
        grand = ln.role == TOTAL and ln.total_type in (REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL)
        if not parts and not grand:
            continue
        for col in budget.columns:
            h = col.header
            stated = ln.values.get(h)
            if stated is None:
                continue
            if not grand and not any(_has_value(budget, p, h) for p in parts):
                continue
            computed = computed_value(budget, ln.index, h)
            if computed is None or computed == stated:
                continue
            as_stated = _sum_as_stated(budget, parts, h)
            out.append(Discrepancy(
                path=budget.path, sheet=sheet_of[h], cell=ln.cells.get(h, ""), label=ln.label,
                column=h, stated=stated, computed=computed,
                consequential=as_stated is not None and as_stated == stated,
            ))
    return out


def check_summary(budget: Budget) -> list[Discrepancy]:
    """A summary sheet's figures against the budget read from the sheets it summarises:
    each stated figure must equal the line of the same name (computed from its parts),
    or the column's intäkter, kostnader or resultat for the grand totals."""
    if not budget.summary:
        return []
    totals = column_totals(budget)
    by_label: dict[str, list[Line]] = {}
    for ln in budget.lines:
        by_label.setdefault(_norm(ln.label), []).append(ln)
    out = []
    for f in budget.summary:
        lines = by_label.get(_norm(f.label), [])
        t = totals.get(f.column)
        computed = None
        if lines and lines[0].total_type in (REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL) and t is not None:
            computed = {REVENUE_TOTAL: t.intakter, COST_TOTAL: t.kostnader,
                        RESULT_TOTAL: t.resultat}[lines[0].total_type]
        elif lines:
            computed = computed_value(budget, lines[0].index, f.column)
        if computed is None or computed == f.stated:
            continue
        out.append(Discrepancy(path=budget.path, sheet=f.sheet, cell=f.cell, label=f.label,
                               column=f.column, stated=f.stated, computed=computed, kind="summary"))
    return out


_OUTLINE_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\D)")


def _norm(label: str) -> str:
    """A label as a summary sheet and a year sheet share it: "2 Kostnader" = "Kostnader"."""
    return " ".join(_OUTLINE_NUMBER.sub("", label).lower().split()).strip(" :*")


def _sum_as_stated(budget: Budget, parts: Iterable[int], header: str) -> int | None:
    """Sum of the parts as the sheet states them (a part's own figure where it has one)."""
    values = []
    for i in parts:
        v = budget.lines[i].values.get(header)
        if v is None:
            v = computed_value(budget, i, header)
        if v is not None:
            values.append(v)
    return sum(values) if values else None


__all__ = ["BudgetIndex", "ColumnTotals", "computed_value", "base_lines", "column_totals", "check_totals",
           "check_summary"]
