"""Projection rules as users write them: on the command line or in a "Planregler" sheet.

Command line:  "Samordningsteam*: faktor 0,83 0,85; avrunda 500"
               "Styrelse: index 2,5; avrunda 1000"
               "Drittbidrag*: steg -2666,5"
               "Nya projekt*: utjämna"   (the plug line that balances each plan year)
Sheet:         Rad | Faktorer | Index % | Steg kr | Avrundning
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable, Sequence

from ..core.board import LineRule
from ..core.projection import ROUNDINGS, ProjectionRule
from ..errors import XlpluginError


class RuleError(XlpluginError):
    pass


def _numbers(text: str, what: str) -> tuple[Decimal, ...]:
    out = []
    for part in re.split(r"[;\s]+", str(text).strip()):
        if not part:
            continue
        try:
            out.append(Decimal(part.replace(",", ".").replace("%", "").replace("\u2212", "-")))
        except InvalidOperation:
            raise RuleError(f"{what}: '{part}' är inte ett tal") from None
    return tuple(out)


def make_rule(factors=(), index=(), step=Decimal(0), rounding=1, where="") -> ProjectionRule:
    if rounding not in ROUNDINGS:
        raise RuleError(f"{where}avrundningen ska vara något av {', '.join(map(str, ROUNDINGS))} kr")
    return ProjectionRule(index_percent=tuple(index), factors=tuple(factors), step=step,
                          rounding=int(rounding))


def parse_rule(text: str) -> LineRule:
    """'MÖNSTER: faktor 0,83 0,85; index 2,5; steg -5333; avrunda 500'."""
    if ":" not in text:
        raise RuleError(f"regeln '{text}' saknar ':' mellan rad och regel "
                        "(t.ex. \"Samordningsteam*: faktor 0,83 0,85; avrunda 500\")")
    pattern, body = text.split(":", 1)
    factors, index, step, rounding = (), (), Decimal(0), 1
    if body.strip().lower() in ("utjämna", "utjamna", "utjämning"):
        if not pattern.strip():
            raise RuleError(f"regeln '{text}' anger ingen rad")
        return LineRule(pattern.strip(), ProjectionRule(), balance=True)
    for part in body.split(";"):
        part = part.strip()
        if not part:
            continue
        key, _, rest = part.partition(" ")
        key = key.lower()
        if key in ("faktor", "faktorer"):
            factors = _numbers(rest, "faktor")
        elif key in ("index", "indexering", "uppräkning"):
            index = _numbers(rest, "index")
        elif key in ("steg", "ändring"):
            vals = _numbers(rest, "steg")
            if len(vals) != 1:
                raise RuleError("steg tar ett belopp i kronor, t.ex. 'steg -5333'")
            step = vals[0]
        elif key in ("avrunda", "avrundning"):
            vals = _numbers(rest, "avrunda")
            if len(vals) != 1:
                raise RuleError("avrunda tar ett värde: 1, 10, 100, 500 eller 1000")
            rounding = int(vals[0])
        elif key in ("oförändrat", "oforandrat"):
            pass
        else:
            raise RuleError(f"okänt ord '{key}' i regeln '{text}' (använd faktor, index, steg, avrunda)")
    if not pattern.strip():
        raise RuleError(f"regeln '{text}' anger ingen rad")
    return LineRule(pattern.strip(), make_rule(factors, index, step, rounding, f"regeln '{text}': "))


def rules_from_rows(rows: Iterable[Sequence], where: str = "Planregler") -> list[LineRule]:
    """Rows of a Planregler sheet (first row = headings): Rad | Faktorer | Index % | Steg kr | Avrundning."""
    out = []
    for k, row in enumerate(rows):
        if k == 0:
            continue
        row = list(row) + [None] * 5
        label = row[0]
        if label is None or str(label).strip() == "":
            continue
        if any(str(v).strip().lower() in ("utjämna", "utjamna") for v in row[1:5] if v is not None):
            out.append(LineRule(str(label).strip(), ProjectionRule(), balance=True))
            continue
        try:
            steps = _numbers(row[3], "Steg kr") if row[3] not in (None, "") else ()
            rounding = _numbers(row[4], "Avrundning") if row[4] not in (None, "") else (Decimal(1),)
            rule = make_rule(_numbers(row[1], "Faktorer") if row[1] not in (None, "") else (),
                             _numbers(row[2], "Index %") if row[2] not in (None, "") else (),
                             steps[0] if steps else Decimal(0), int(rounding[0]))
        except RuleError as exc:
            raise RuleError(f"{where}, rad {k + 1}: {exc.args[0]}") from None
        out.append(LineRule(str(label).strip(), rule))
    return out
