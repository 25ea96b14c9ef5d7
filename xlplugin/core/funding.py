"""Member contributions (medlemsbidrag) by Finsamlagen 5 §.

The state (Försäkringskassan, also paying for Arbetsförmedlingen) pays one half, the
region one quarter, the municipalities together one quarter; the municipalities split
their quarter by a key (population, or fixed shares). Amounts are whole kronor and
always add up to the total: kronor left over after rounding down go, one each, to the
members with the largest remainders (ties: in the order given) – the largest
remainder method.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

STATE = "Staten (Försäkringskassan och Arbetsförmedlingen)"
REGION = "Regionen"
MUNICIPALITIES = "Kommunerna"
REMAINDER_RULE = ("Avrundning till hela kronor; överblivna kronor fördelas en i taget till de "
                  "medlemmar som har störst avrundningsrest (lika rest: i angiven ordning).")


@dataclass(frozen=True)
class Contribution:
    member: str
    share: Fraction       # of the total
    amount: int           # kronor


def allocate(total: int, weights: Sequence[Fraction]) -> list[int]:
    """Whole kronor proportional to `weights` that add up exactly to `total`."""
    wsum = sum(weights, Fraction(0))
    if wsum <= 0:
        raise ValueError("fördelningsnyckeln måste ha en positiv summa")
    if any(w < 0 for w in weights):
        raise ValueError("fördelningsnyckeln får inte ha negativa värden")
    sign = -1 if total < 0 else 1
    total = abs(total)
    exact = [Fraction(total) * w / wsum for w in weights]
    floors = [int(e) for e in exact]   # exact >= 0
    left = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [sign * a for a in floors]


def member_contributions(total: int, municipalities: Sequence[tuple[str, int | Decimal]] = (),
                         region: str = REGION, state: str = STATE) -> list[Contribution]:
    """Split `total` kronor: state 50 %, region 25 %, municipalities 25 % by `municipalities`
    (name, key) where the key is a population or a fixed share. Without municipalities
    their quarter is one line "Kommunerna"."""
    members = [(state, Fraction(1, 2)), (region, Fraction(1, 4))]
    if municipalities:
        keys = [Fraction(Decimal(k)) for _, k in municipalities]
        ksum = sum(keys, Fraction(0))
        if ksum <= 0:
            raise ValueError("kommunernas fördelningsnyckel måste ha en positiv summa")
        members += [(name, Fraction(1, 4) * k / ksum) for (name, _), k in zip(municipalities, keys)]
    else:
        members.append((MUNICIPALITIES, Fraction(1, 4)))
    amounts = allocate(total, [w for _, w in members])
    return [Contribution(name, w, a) for (name, w), a in zip(members, amounts)]
