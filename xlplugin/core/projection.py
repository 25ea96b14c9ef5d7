"""Multi-year projections of a budget line, as the seeds' plan years are made.

Rules seen in the seeds: repeat the budget year (no change), scale by factors per year
(×0,83 then ×0,85 for samordningsteam), index by a yearly percentage (+2,5 %), step by a
fixed amount per year (Kramfors: -5 333 kr/år), and round to 1, 100, 500 or 1 000 kr.

The chain is computed exactly (Decimal) on unrounded values; only each year's output
is rounded (half away from zero) to the chosen step. Amounts are kronor in the model's
sign (costs negative): a factor below 1 shrinks a cost, a step is added as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

ROUNDINGS = (1, 10, 100, 500, 1000)


@dataclass(frozen=True)
class ProjectionRule:
    """How a line moves from one year to the next.

    `index_percent`: yearly change in percent, one value for every year or one per year.
    `factors`: multipliers per year (the last one repeats when there are more years).
    `step`: kronor added each year (negative to cut).
    `rounding`: round each year's amount to this many kronor.
    """

    index_percent: tuple[Decimal, ...] = ()
    factors: tuple[Decimal, ...] = ()
    step: Decimal = Decimal(0)
    rounding: int = 1

    def __post_init__(self):
        if self.rounding <= 0:
            raise ValueError("avrundningen måste vara ett positivt antal kronor")

    def describe(self) -> str:
        """The rule in Swedish, for the workbook's list of applied rules."""
        parts = []
        if self.factors:
            parts.append("faktor " + ", ".join(_sv(f) for f in self.factors))
        if self.index_percent:
            parts.append("index " + ", ".join(_sv(p) + " %" for p in self.index_percent) + " per år")
        if self.step:
            parts.append(f"{_sv(self.step)} kr per år")
        if not parts:
            parts.append("oförändrat")
        if self.rounding != 1:
            parts.append(f"avrundat till {self.rounding} kr")
        return ", ".join(parts)


def _sv(d: Decimal) -> str:
    text = format(d.normalize(), "f") if d == d.to_integral_value() else format(d.normalize(), "f")
    return text.replace(".", ",")


def round_to(amount: Decimal, step: int) -> int:
    """Round kronor to the nearest multiple of `step`, halves away from zero."""
    q = (Decimal(amount) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(q * step)


def _pick(seq: Sequence[Decimal], k: int, default: Decimal) -> Decimal:
    if not seq:
        return default
    return seq[k] if k < len(seq) else seq[-1]


def project(base: int | Decimal, years: int, rule: ProjectionRule = ProjectionRule()) -> list[int]:
    """The amounts of the next `years` years from `base` (kronor), rounded per the rule."""
    if years < 0:
        raise ValueError("antalet år kan inte vara negativt")
    value = Decimal(base)
    out = []
    for k in range(years):
        value = value * _pick(rule.factors, k, Decimal(1))
        value = value * (1 + _pick(rule.index_percent, k, Decimal(0)) / 100)
        value = value + rule.step
        out.append(round_to(value, rule.rounding))
    return out


def balancing_line(revenue: int, costs: int) -> int:
    """The change to a plug line ("Ofördelade medel", "Kvar att fördela") that makes a plan
    year balance: -(revenue + costs). Revenue positive, costs negative, kronor; a surplus
    gives a negative change (more costs to allocate), a deficit a positive one."""
    return -(revenue + costs)
