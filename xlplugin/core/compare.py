"""Plan against plan (`finsam jamfor`): last year's plan against this year's budget.

For every year both budgets cover, each column of that year in the later budget (Budget
2026, Prognos 2026 …) is set against the earlier budget's column for the year (its Plan
2026, or its Budget 2026), line by line. Lines are matched by their normalised label,
then, within categories that match, by position, then by near-equal labels. Amounts are
kronor in the model's signs; `change` = after − before.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .model import BUDGET, ITEM, PLAN, PROGNOS, UTFALL, Budget, Line
from .totals import column_totals

_FINAL = (BUDGET, PLAN, PROGNOS, UTFALL)


def normalise(label: str) -> str:
    """"- Samordningsteam FNS " -> "samordningsteam fns" (marks, numbers, case, spaces)."""
    s = label.lower().strip()
    s = re.sub(r"^\s*(?:[-–—•·▪]\s*)+", "", s)
    s = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", s)
    s = re.sub(r"[^\wåäöé ]+", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True)
class Pair:
    year: int
    before: str            # column header in the earlier budget
    after: str             # column header in the later budget
    before_kind: str
    after_kind: str


@dataclass(frozen=True)
class LineChange:
    label: str
    year: int
    before_label: str
    before: int | None
    after: int | None
    pair: Pair
    how: str               # "text", "position", "near text"

    @property
    def change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def column_pairs(before: Budget, after: Budget) -> list[Pair]:
    out = []
    years = sorted({c.year for c in before.columns} & {c.year for c in after.columns})
    for y in years:
        b = next((c for c in before.columns if c.year == y and c.kind == PLAN), None) or \
            next((c for c in before.columns if c.year == y and c.kind == BUDGET), None) or \
            next((c for c in before.columns if c.year == y), None)
        for a in sorted((c for c in after.columns if c.year == y), key=lambda c: _FINAL.index(c.kind)
                        if c.kind in _FINAL else 9):
            out.append(Pair(y, b.header, a.header, b.kind, a.kind))
    return out


def _items(b: Budget) -> list[Line]:
    return [ln for ln in b.lines if ln.role == ITEM]


def match_lines(before: Budget, after: Budget) -> tuple[list[tuple[Line, Line, str]], list[Line], list[Line]]:
    """(matched pairs with how, only in before, only in after), over the item lines."""
    bl, al = _items(before), _items(after)
    used_b, used_a, pairs = set(), set(), []
    by_text: dict[str, list[Line]] = {}
    for ln in al:
        by_text.setdefault(normalise(ln.label), []).append(ln)
    for ln in bl:
        cands = [x for x in by_text.get(normalise(ln.label), []) if x.index not in used_a]
        if cands:
            pairs.append((ln, cands[0], "text"))
            used_b.add(ln.index)
            used_a.add(cands[0].index)
    # within categories that matched, the rest by position
    parent_of = {b.index: a.index for b, a, _ in pairs}
    for p_b, p_a in list(parent_of.items()):
        kids_b = [x for x in bl if x.parent == p_b and x.index not in used_b]
        kids_a = [x for x in al if x.parent == p_a and x.index not in used_a]
        if kids_b and len(kids_b) == len(kids_a):
            for x, y in zip(kids_b, kids_a):
                pairs.append((x, y, "position"))
                used_b.add(x.index)
                used_a.add(y.index)
    # near-equal texts
    for ln in bl:
        if ln.index in used_b:
            continue
        best, score = None, 0.0
        for y in al:
            if y.index in used_a or y.kind != ln.kind:
                continue
            r = difflib.SequenceMatcher(None, normalise(ln.label), normalise(y.label)).ratio()
            if r > score:
                best, score = y, r
        if best is not None and score >= 0.85:
            pairs.append((ln, best, "near text"))
            used_b.add(ln.index)
            used_a.add(best.index)
    only_b = [x for x in bl if x.index not in used_b]
    only_a = [x for x in al if x.index not in used_a]
    return sorted(pairs, key=lambda t: t[1].index), only_b, only_a


@dataclass(frozen=True)
class Comparison:
    before: Budget
    after: Budget
    pairs: tuple[Pair, ...]
    lines: tuple[LineChange, ...]
    only_before: tuple[Line, ...]
    only_after: tuple[Line, ...]

    def totals(self) -> list[dict]:
        tb, ta = column_totals(self.before), column_totals(self.after)
        out = []
        for p in self.pairs:
            for key in ("intakter", "kostnader", "resultat"):
                b, a = getattr(tb[p.before], key), getattr(ta[p.after], key)
                out.append({"year": p.year, "measure": key, "before": {"kind": p.before_kind, "column": p.before,
                                                                       "amount": b},
                            "after": {"kind": p.after_kind, "column": p.after, "amount": a}, "change": a - b})
        return out


def compare(before: Budget, after: Budget) -> Comparison:
    pairs = column_pairs(before, after)
    matched, only_b, only_a = match_lines(before, after)
    lines = []
    for p in pairs:
        for b, a, how in matched:
            vb, va = b.values.get(p.before), a.values.get(p.after)
            if vb is None and va is None:
                continue
            lines.append(LineChange(a.label, p.year, b.label, vb, va, p, how))
    return Comparison(before, after, tuple(pairs), tuple(lines), tuple(only_b), tuple(only_a))
