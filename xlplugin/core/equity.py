"""Eget kapital (equity): roll-forward UB = IB + resultat, cap and floor.

Amounts are whole kronor with equity positive and a deficit negative. The cap is a
share (default 20 %) of a base the user chooses: budgeted income ("intakter") or
member contributions ("medlemsbidrag"). The floor is an optional fixed amount.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping, Sequence

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

    `ub` is the closing equity the chain carries into the next year: IB + resultat, or
    the source's stated UB where the source states one that its own later figures do not
    contradict (then `ub_computed` = IB + resultat shows the roll-forward difference).
    `headroom_cap` = cap - ub (negative: over the cap); `headroom_floor` = ub - floor (how
    much more deficit the year could take and stay at the floor).

    `sources` says in Swedish where "ib", "resultat" and "ub" came from;
    `resultat_column` is the budget column whose computed RESULTAT is the year's resultat
    (None when the figure is stated elsewhere, e.g. an overview row).
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
    ub_computed: int | None = None
    resultat_column: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)

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

    @property
    def adjustment(self) -> int:
        """Stated UB minus IB + resultat where the chain carries the stated UB (else 0)."""
        if self.ub is None or self.ub_computed is None:
            return 0
        return self.ub - self.ub_computed


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


@dataclass(frozen=True)
class ResultChoice:
    """The resultat a year's equity rolls with: `amount` in kronor, `column` the budget
    column whose computed RESULTAT it is (None for a figure stated elsewhere), `note` where
    it came from (Swedish)."""

    amount: int | None
    column: str | None
    note: str


_KIND_TEXT = {UTFALL: "utfall", PROGNOS: "prognos", BUDGET: "budget", PLAN: "plan"}


def _where(figure: EquityFigure, field_name: str) -> str:
    cell = figure.cells.get(field_name, "")
    sheet = f"bladet '{figure.sheet}'" if figure.sheet else "källan"
    return f"{sheet}, cell {cell}" if cell else sheet


def year_result(budget: Budget, year: int, figure: EquityFigure | None = None,
                projected: Budget | None = None) -> ResultChoice:
    """The most final resultat the source gives for `year`.

    In order: the prognos outcome an overview states, the resultat the source's own
    roll-forward states, then the year's column (utfall, prognos, budget, plan) as the
    lines sum, then `projected`'s column (the board's plan years the source lacks). A
    stated figure equal to its column's computed RESULTAT is taken as that column, so a
    generated workbook can keep it a formula.
    """
    totals = column_totals(budget)
    col = _column_for_year(budget, year, _RESULT_PRIORITY)
    computed = totals[col].resultat if col and col in totals else None
    for field_name, text in (("prognos", f"prognos utfall {year}"), ("resultat", f"resultat {year}")):
        stated = getattr(figure, field_name) if figure is not None else None
        if stated is None:
            continue
        if stated == computed:
            return ResultChoice(stated, col, f"{col} enligt budgettabellen (= {text} i {_where(figure, field_name)})")
        note = f"{text} enligt {_where(figure, field_name)}"
        if computed is not None and col is not None:
            note += f"; kolumnen {col} ger {computed:,} kr".replace(",", " ")
        return ResultChoice(stated, None, note)
    if computed is not None:
        kind = next(c.kind for c in budget.columns if c.header == col)
        return ResultChoice(computed, col, f"{col} enligt budgettabellen ({_KIND_TEXT.get(kind, kind)})")
    if projected is not None:
        pcol = _column_for_year(projected, year, _RESULT_PRIORITY)
        ptot = column_totals(projected).get(pcol) if pcol else None
        if ptot is not None:
            return ResultChoice(ptot.resultat, pcol, f"{pcol} (framräknad plan)")
    return ResultChoice(None, None, f"resultat {year} saknas i källan")


def equity_chain(budget: Budget, policy: EquityPolicy = EquityPolicy(),
                 years: Sequence[int] = (), opening: int | None = None,
                 opening_note: str = "ingående eget kapital angivet av användaren",
                 projected: Budget | None = None) -> list[EquityYear]:
    """The one equity roll-forward for a budget: check, board, macros and consolidation use it.

    Years: those the source states equity figures for, with `years` added (and any gap
    between filled). Each year's resultat is `year_result`; IB of a year is the UB of the
    year before; the first IB is the source's stated IB, else `opening` (the user's), else
    the stated UB minus the resultat. UB is IB + resultat, except that the source's stated
    UB is carried where it differs from the roll-forward only by rounding (stated in tkr,
    off by at most one unit): the difference shows in `adjustment` and, like every UB
    that does not add up, in check_equity. Kronor.
    """
    figures = {f.year: f for f in budget.equity}
    wanted = set(figures) | set(years)
    if not wanted and opening is not None:
        wanted = {c.year for c in budget.columns}
    if not wanted:
        return []
    span = range(min(wanted), max(wanted) + 1)
    out: list[EquityYear] = []
    prev_ub: int | None = None
    for k, year in enumerate(span):
        f = figures.get(year)
        choice = year_result(budget, year, f, projected)
        resultat = choice.amount
        sources = {"resultat": choice.note}
        if k > 0 and prev_ub is not None:
            ib = prev_ub
            sources["ib"] = f"UB {year - 1}"
        elif f is not None and f.ib is not None:
            ib = f.ib
            sources["ib"] = f"IB {year} enligt {_where(f, 'ib')}"
        elif opening is not None:
            ib = opening
            sources["ib"] = opening_note
        elif f is not None and f.ub is not None and resultat is not None:
            ib = f.ub - resultat
            sources["ib"] = f"UB {year} enligt {_where(f, 'ub')} minus årets resultat"
        else:
            ib = None
        computed = ib + resultat if ib is not None and resultat is not None else None
        stated = f.ub if f is not None else None
        nxt = figures.get(year + 1)
        if stated is None or stated == computed:
            ub = computed
            sources["ub"] = "IB + resultat"
        elif computed is None:
            ub = stated
            sources["ub"] = f"UB {year} enligt {_where(f, 'ub')}"
        elif 1 < f.precision and abs(stated - computed) <= f.precision and \
                not (nxt is not None and nxt.ib is not None and nxt.ib == computed):
            # stated in tkr: IB + resultat of rounded figures is off by up to one unit;
            # the stated UB (from the accounts' kronor) is the better figure
            ub = stated
            sources["ub"] = (f"UB {year} enligt {_where(f, 'ub')}; IB + resultat ger {_kr(computed)} "
                             f"(avrundning, skillnad {_kr(stated - computed)})")
        else:
            ub = computed
            sources["ub"] = f"IB + resultat; källans UB {_kr(stated)} stämmer inte (se Kontroll)"
        base = cap_base_for_year(budget, year, policy, f)
        if base is None and projected is not None:
            base = cap_base_for_year(projected, year, policy)
        cap = equity_cap(base, policy.cap_rate) if base is not None else None
        out.append(EquityYear(year=year, ib=ib, resultat=resultat, ub=ub, ub_stated=stated,
                              base=base, cap=cap, floor=policy.floor,
                              status=equity_status(ub, cap, policy.floor), ub_computed=computed,
                              resultat_column=choice.column, sources=sources))
        prev_ub = ub
    return out


def _kr(amount: int) -> str:
    return f"{amount:,} kr".replace(",", " ")


def equity_note(e: EquityYear, first: bool) -> str:
    """The Källa cell of a year: where its IB (first year), resultat and UB come from."""
    parts = []
    if first and e.sources.get("ib"):
        parts.append("IB: " + e.sources["ib"])
    parts.append("Resultat: " + e.sources.get("resultat", ""))
    if e.adjustment or "stämmer inte" in e.sources.get("ub", ""):
        parts.append("UB: " + e.sources["ub"])
    return ". ".join(parts)


def ib_of_year(chain: Sequence[EquityYear], year: int) -> int | None:
    """IB of `year` in an equity chain: that year's IB, else the UB of the year before."""
    for e in chain:
        if e.year == year and e.ib is not None:
            return e.ib
    prev = next((e for e in chain if e.year == year - 1 and e.ub is not None), None)
    return prev.ub if prev else None


def equity_years(budget: Budget, policy: EquityPolicy = EquityPolicy()) -> list[EquityYear]:
    """The roll-forward for the years the workbook states equity figures for."""
    return equity_chain(budget, policy)


def _result_used(budget: Budget, f: EquityFigure) -> int | None:
    return year_result(budget, f.year, f).amount


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
