"""Key ratios (nyckeltal), each with its base named: a share means nothing without it.

Seeds: individinsatser 70 % of costs (NV 2023), 78 % of direct insats costs
(Västmanland 2025), administration 36,07 % of income (Kramfors 2021).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

BASES = {
    "kostnader": "av totala kostnader",
    "intakter": "av intäkter",
    "insatser": "av direkta insatskostnader",
}


@dataclass(frozen=True)
class Ratio:
    name: str
    part: int
    base: int
    base_name: str

    @property
    def percent(self) -> Decimal | None:
        """Share in percent with two decimals; None when the base is zero."""
        if self.base == 0:
            return None
        return (Decimal(abs(self.part)) * 100 / Decimal(abs(self.base))).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)

    def describe(self) -> str:
        p = self.percent
        text = "–" if p is None else f"{p:.2f}".replace(".", ",") + " %"
        return f"{self.name}: {text} {BASES.get(self.base_name, self.base_name)}"


def share(name: str, part: int, base: int, base_name: str) -> Ratio:
    """A named share of a named base (amounts in kronor; signs are ignored)."""
    if base_name not in BASES:
        raise ValueError(f"okänd bas '{base_name}' (välj {', '.join(BASES)})")
    return Ratio(name, part, base, base_name)
