"""Eget kapital (equity): roll-forward UB = IB + resultat, cap and floor.

Amounts are whole kronor with equity positive and a deficit negative. The cap is a
share (default 20 %) of a base the user chooses: budgeted income ("intakter") or
member contributions ("medlemsbidrag"). The floor is an optional fixed amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

from . import vocabulary
from .model import BUDGET, PLAN, PROGNOS, REVENUE, UTFALL, Budget, Discrepancy, EquityFigure
from .totals import base_lines, column_totals

CAP_BASES = ("intakter", "medlemsbidrag")

STATUS_MISSING = "Uppgift saknas"
STATUS_NEGATIVE = "Negativt eget kapital"
STATUS_BELOW_FLOOR = "Under golvet"
STATUS_OVER_CAP = "Över taket"
STATUS_OK = "Inom ramen"

def is_member_contribution(label: str) -> bool:
    """True for lines that hold the members' contributions (medel från huvudmännen …)."""
    return vocabulary.matches(vocabulary.MEMBER_CONTRIBUTION, label)


@dataclass(frozen=True)
class EquityPolicy:
    """Cap as `cap_rate` of `cap_base`, and an optional floor in kronor."""

    cap_rate: Decimal = Decimal("0.20")
    cap_base: str = "intakter"
    floor: int | None = None

    def __post_init__(self):
        if self.cap_base not in CAP_BASES:
            raise ValueError(f"okänd bas för taket: {self.cap_base}")


@dataclass(frozen=True)
class YearInput:
    """What is known about one year before rolling forward (kronor)."""

    year: int
    resultat: int | None
    ib_stated: int | None = None
    ub_stated: int | None = None
    base: int | None = None


@dataclass(frozen=True)
class EquityYear:
    """One year of the roll-forward.

    `ub` is IB + resultat; `headroom_cap` = cap - ub (negative: over the cap);
    `headroom_floor` = ub - floor (how much more deficit the year could take and
    stay at the floor).
    """

    year: int
    ib: int | None
    resultat: int | None
    ub: int | None
    ub_stated: int | None
    base: int | None
    cap: int | None
    floor: int | None
    status: str

    @property
    def headroom_cap(self) -> int | None:
        if self.cap is None or self.ub is None:
            return None
        return self.cap - self.ub

    @property
    def headroom_floor(self) -> int | None:
        if self.floor is None or self.ub is None:
            return None
        return self.ub - self.floor


def round_kronor(amount: Decimal) -> int:
    """Round to whole kronor, half away from zero (as Excel's ROUND)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def equity_cap(base: int, rate: Decimal = Decimal("0.20")) -> int:
    """The cap in kronor: `rate` of `base`, rounded to whole kronor."""
    return round_kronor(Decimal(base) * rate)


def equity_status(ub: int | None, cap: int | None, floor: int | None) -> str:
    """Swedish status text for a closing equity against cap and floor."""
    if ub is None:
        return STATUS_MISSING
    if ub < 0:
        return STATUS_NEGATIVE
    if floor is not None and ub < floor:
        return STATUS_BELOW_FLOOR
    if cap is not None and ub > cap:
        return STATUS_OVER_CAP
    return STATUS_OK


def largest_deficit_above_floor(ib: int, floor: int) -> int:
    """Largest deficit (as a positive amount) a year can plan and keep UB >= floor."""
    return max(0, ib - floor)


def smallest_deficit_to_cap(ib: int, cap: int) -> int:
    """Smallest deficit (positive amount) that brings UB down to the cap; 0 if already under."""
    return max(0, ib - cap)


def equity_roll_forward(opening: int | None, years: Sequence[YearInput],
                        policy: EquityPolicy = EquityPolicy()) -> list[EquityYear]:
    """Roll equity forward year by year.

    IB of a year is its stated IB, else the previous year's UB (stated where stated,
    so one wrong figure is not carried into every later year), else `opening`.
    The first year's IB is derived as UB - resultat when only UB is stated.
    """
    out = []
    prev_ub = opening
    for y in sorted(years, key=lambda y: y.year):
        ib = y.ib_stated if y.ib_stated is not None else prev_ub
        if ib is None and y.ub_stated is not None and y.resultat is not None:
            ib = y.ub_stated - y.resultat
        if ib is not None and y.resultat is not None:
            ub = ib + y.resultat
        else:
            ub = y.ub_stated
        cap = equity_cap(y.base, policy.cap_rate) if y.base is not None else None
        out.append(EquityYear(year=y.year, ib=ib, resultat=y.resultat, ub=ub,
                              ub_stated=y.ub_stated, base=y.base, cap=cap, floor=policy.floor,
                              status=equity_status(ub, cap, policy.floor)))
        prev_ub = y.ub_stated if y.ub_stated is not None else ub
    return out


# --- from a budget read from a workbook ------------------------------------------------

_RESULT_PRIORITY = (UTFALL, PROGNOS, BUDGET, PLAN)
_BASE_PRIORITY = (BUDGET, PLAN, PROGNOS, UTFALL)


def _column_for_year(budget: Budget, year: int, priority) -> str | None:
    cols = [c for c in budget.columns if c.year == year]
    for kind in priority:
        for c in cols:
            if c.kind == kind:
                return c.header
    return None


def budget_result_for_year(budget: Budget, year: int) -> int | None:
    """The table's computed resultat for a year (utfall, else prognos, budget, plan)."""
    h = _column_for_year(budget, year, _RESULT_PRIORITY)
    totals = column_totals(budget).get(h) if h else None
    return totals.resultat if totals else None


def cap_base_for_year(budget: Budget, year: int, policy: EquityPolicy,
                      figure: EquityFigure | None = None) -> int | None:
    """The cap base for a year: budgeted income or member contributions (kronor)."""
    h = _column_for_year(budget, year, _BASE_PRIORITY)
    if policy.cap_base == "intakter":
        if figure is not None and figure.intakter is not None:
            return figure.intakter
        totals = column_totals(budget).get(h) if h else None
        return totals.intakter if totals else None
    if h is None:
        return None
    lines = [ln for ln in base_lines(budget, h)
             if ln.kind == REVENUE and is_member_contribution(ln.label)]
    return sum(ln.values[h] for ln in lines) if lines else None


def equity_years(budget: Budget, policy: EquityPolicy = EquityPolicy()) -> list[EquityYear]:
    """The roll-forward for the years the workbook states equity figures for."""
    return equity_roll_forward(None, _year_inputs(budget, policy), policy)


def _year_inputs(budget: Budget, policy: EquityPolicy) -> list[YearInput]:
    out = []
    for f in sorted(budget.equity, key=lambda f: f.year):
        out.append(YearInput(year=f.year, resultat=_result_used(budget, f), ib_stated=f.ib,
                             ub_stated=f.ub, base=cap_base_for_year(budget, f.year, policy, f)))
    return out


def _result_used(budget: Budget, f: EquityFigure) -> int | None:
    if f.prognos is not None:
        return f.prognos
    if f.resultat is not None:
        return f.resultat
    return budget_result_for_year(budget, f.year)


def check_equity(budget: Budget) -> list[Discrepancy]:
    """Equity figures that do not add up: resultat = intäkter + kostnader,
    IB = previous UB, UB = IB + resultat."""
    out = []
    figures = sorted(budget.equity, key=lambda f: f.year)
    by_year = {f.year: f for f in figures}

    def add(f: EquityFigure, field: str, label: str, stated: int, computed: int):
        out.append(Discrepancy(path=budget.path, sheet=f.sheet, cell=f.cells.get(field, ""),
                               label=label, column=str(f.year), stated=stated,
                               computed=computed, kind="equity"))

    for f in figures:
        if f.resultat is not None and f.intakter is not None and f.kostnader is not None:
            if f.intakter + f.kostnader != f.resultat:
                add(f, "resultat", "Budgeterat resultat", f.resultat, f.intakter + f.kostnader)
        prev = by_year.get(f.year - 1)
        ib = f.ib
        if ib is not None and prev is not None and prev.ub is not None and ib != prev.ub:
            # IB equal to last year's UB as it should be (IB + resultat) while the stated UB
            # is wrong: the fault is that UB, reported there, not this IB
            prev_result = _result_used(budget, prev)
            if not (prev.ib is not None and prev_result is not None and ib == prev.ib + prev_result):
                add(f, "ib", "Eget kapital IB", ib, prev.ub)
        if ib is None and prev is not None:
            ib = prev.ub
        resultat = _result_used(budget, f)
        if f.ub is not None and ib is not None and resultat is not None:
            if ib + resultat != f.ub:
                add(f, "ub", "Eget kapital UB", f.ub, ib + resultat)
    return out
