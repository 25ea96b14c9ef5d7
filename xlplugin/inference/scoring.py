"""Stage 3: revenue or cost, the sign convention, and the score of a reading.

A reading is a structure plus a kind (revenue/cost) for each top-level unit, the sign
convention of the source and the sign the result row is stated with. Its score is the
number of stated totals it explains minus the number it leaves unexplained (a total that
is wrong only because a total above it is wrong, a följdfel, counts neither way), plus
small priors from the words. The arithmetic is the core's (core/totals.py), done here
on the source's own signs so that many readings can be weighed cheaply; the chosen
reading is then checked by the core itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..core.model import (ALL_POSITIVE, COST, COST_TOTAL, COSTS_NEGATIVE, RESULT,
                          RESULT_TOTAL, REVENUE, REVENUE_NEGATIVE, REVENUE_TOTAL, SECTION,
                          TOTAL)
from ..core import vocabulary as voc
from .features import Row
from .structure import GRAND, Structure

_ZERO = 0
MAX_SPLIT_UNITS = 120
# A reading that calls a negative row revenue where costs are negative (or the reverse)
# contradicts the sign convention it assumes.
SIGN_CONTRADICTION = 1.0


def norm_factor(kind: str | None, convention: str) -> int:
    """Multiply a source amount by this to get the model's sign (revenue +, costs -)."""
    if convention == REVENUE_NEGATIVE:
        return -1
    if convention == ALL_POSITIVE and kind == COST:
        return -1
    return 1


@dataclass(frozen=True)
class Check:
    """One stated figure weighed: row index, column index, stated and computed (source
    signs; for the result row, model signs) and whether it is a följdfel."""

    i: int
    c: int
    stated: int
    computed: int
    consequential: bool

    @property
    def explained(self) -> bool:
        return self.stated == self.computed


@dataclass(frozen=True)
class Reading:
    structure: Structure
    kinds: tuple[str | None, ...]       # per row
    members: tuple[tuple[int, ...], ...]  # per row, grand totals included
    convention: str
    result_sign: int
    checks: tuple[Check, ...]
    prior: float
    kind_source: str
    unit_kinds: tuple = ()              # (unit, kind) as weighed: the kinds before headings

    @property
    def explained(self) -> int:
        return sum(1 for c in self.checks if c.explained)

    @property
    def unexplained(self) -> list[Check]:
        return [c for c in self.checks if not c.explained and not c.consequential]

    @property
    def score(self) -> float:
        # a följdfel agrees with its parts as the sheet states them: the reading explains it
        agreeing = sum(1 for c in self.checks if c.explained or c.consequential)
        return agreeing - len(self.unexplained) + self.prior + self.structure.prior

    @property
    def name(self) -> str:
        return f"{self.structure.name}, {self.kind_source}"


class Skeleton:
    """What a structure gives that depends on which cells are empty, not on the amounts:
    the parts of each row, the base lines per column, the cells to check, the top-level
    units and the heading in force at each row. Kept with an established reading, it
    serves every recalculation of a table of the same shape."""

    def __init__(self, rows: Sequence[Row], st: Structure):
        n = len(rows)
        self.ncol = ncol = len(rows[0].values) if rows else 0
        kids = st.children()
        self.parts = [list(st.members[i]) if st.role[i] == TOTAL else kids.get(i, []) for i in range(n)]
        self.grand = [st.role[i] == TOTAL and st.total_type[i] in GRAND for i in range(n)]
        # has_value[c]: the rows with an amount in column c themselves or somewhere in
        # their breakdown (children come after their parent, so one pass from the end;
        # no recursive closure, which would hold the rows in a reference cycle)
        order = sorted(range(n), key=lambda i: -i) if all(
            p is None or p < i for i, p in enumerate(st.parent)) else None
        has_sets = []
        for c in range(ncol):
            has = [rows[i].values[c] is not None for i in range(n)]
            if order is not None:
                for i in order:
                    p = st.parent[i]
                    if p is not None and has[i]:
                        has[p] = True
            else:
                for _ in range(n):       # any order: until nothing changes
                    changed = False
                    for i in range(n):
                        p = st.parent[i]
                        if p is not None and has[i] and not has[p]:
                            has[p] = changed = True
                    if not changed:
                        break
            has_sets.append(has)

        def has_value(i: int, c: int) -> bool:
            return has_sets[c][i]

        # base lines: the most detailed rows with an amount, never overlapping
        self.base: list[list[int]] = []
        for c in range(ncol):
            out = []
            for i in range(n):
                if st.role[i] == SECTION or self.grand[i] or (st.role[i] == TOTAL and st.members[i]):
                    continue
                if rows[i].values[c] is None or any(has_value(k, c) for k in kids.get(i, [])):
                    continue
                out.append(i)
            self.base.append(out)
        # the stated figures of categories and subtotals that some part has an amount under
        self.check_cells = [(i, c) for i in range(n) if not self.grand[i] and self.parts[i]
                            for c in range(ncol) if rows[i].values[c] is not None
                            and any(has_value(p, c) for p in self.parts[i])]
        # top-level units: the row itself, or the category / total that holds it
        total_of: dict[int, int] = {}
        for i in range(n):
            if st.role[i] == TOTAL and not self.grand[i]:
                for m in st.members[i]:
                    total_of[m] = i

        def top(i: int) -> int:
            seen = set()
            while i not in seen:
                seen.add(i)
                if st.parent[i] is not None:
                    i = st.parent[i]
                elif i in total_of:
                    i = total_of[i]
                else:
                    return i
            return i

        self.top = [top(i) for i in range(n)]
        self.unit_rows: dict[int, list[int]] = {}
        for i in range(n):
            self.unit_rows.setdefault(self.top[i], []).append(i)
        self.units = sorted({self.top[i] for i in range(n)
                             if st.role[i] != SECTION and not self.grand[i]})
        # the section heading (kind context) in force at each row
        self.section = [None] * n
        cur = None
        for i in range(n):
            if st.role[i] == SECTION:
                cur = i
            elif self.grand[i]:
                cur = None
            self.section[i] = cur


class StructureEval:
    """Everything about one structure that does not depend on kinds: computed sums,
    the base lines per column, the checks of categories and subtotals, the units
    (`skeleton`, when given, is this structure's for a table of the same shape)."""

    def __init__(self, rows: Sequence[Row], st: Structure, skeleton: Skeleton | None = None):
        sk = skeleton if skeleton is not None else Skeleton(rows, st)
        self.rows, self.st, self.skeleton = rows, st, sk
        self.ncol, self.parts, self.grand, self.base = sk.ncol, sk.parts, sk.grand, sk.base
        self.top, self.unit_rows, self.units, self.section = sk.top, sk.unit_rows, sk.units, sk.section
        parts = sk.parts
        self._memo: dict = {}
        computed = self.computed
        checks = []
        for i, c in sk.check_cells:
            s = rows[i].values[c]
            comp = computed(i, c)
            as_stated = [rows[p].values[c] if rows[p].values[c] is not None else computed(p, c)
                         for p in parts[i]]
            as_stated = [v for v in as_stated if v is not None]
            checks.append(Check(i, c, s, comp, comp != s and bool(as_stated) and sum(as_stated, _ZERO) == s))
        self.checks = checks

    def computed(self, i: int, c: int):
        """Row i's figure in column c from its parts (its own where it has none)."""
        key = (i, c)
        memo = self._memo
        if key in memo:
            return memo[key]
        vals = [self.computed(p, c) for p in self.parts[i]]
        vals = [v for v in vals if v is not None]
        out = sum(vals, _ZERO) if vals else self.rows[i].values[c]
        memo[key] = out
        return out


def _unit_word_kind(ev: StructureEval, u: int) -> tuple[str | None, float]:
    """(kind, strength) from the words: the unit's own label, its heading, its rows."""
    rows = ev.rows
    r = rows[u]
    if r.heading_kind:
        return r.heading_kind, 1.0
    if r.word_kind:
        return r.word_kind, 1.0
    sec = ev.section[u]
    if sec is not None:
        s = rows[sec]
        k = s.heading_kind or s.word_kind
        if k:
            return k, 0.8
    votes = {REVENUE: 0, COST: 0}
    own = ev.unit_rows.get(u, [u])
    for i in own:
        if i != u and rows[i].word_kind:
            votes[rows[i].word_kind] += 1
    if votes[REVENUE] != votes[COST]:
        return (REVENUE if votes[REVENUE] > votes[COST] else COST), 0.6
    if r.member_name or any(rows[i].member_name for i in own):
        return REVENUE, 0.4
    return None, 0.0


def _kind_from_heading_only(ev: StructureEval, u: int) -> bool:
    """The unit's kind by the words comes from its section heading alone."""
    r = ev.rows[u]
    if r.heading_kind or r.word_kind or ev.section[u] is None:
        return False
    s = ev.rows[ev.section[u]]
    return bool(s.heading_kind or s.word_kind)


def _unit_sign(ev: StructureEval, u: int) -> int:
    """+1 / -1 / 0: the sign of the unit's amounts (as stated or computed)."""
    tot = _ZERO
    for c in range(ev.ncol):
        v = ev.computed(u, c)
        if v is not None:
            tot += v
    return (tot > 0) - (tot < 0)


def conventions(rows: Sequence[Row]) -> list[str]:
    """The sign conventions worth weighing: all positive when nothing is negative."""
    lines = [r for r in rows if r.word_total not in GRAND and r.has_amounts] or list(rows)
    neg = any(v is not None and v < 0 for r in lines for v in r.values)
    if not neg:
        return [ALL_POSITIVE]
    # the revenue the words name shows which: negative revenue is the accounting convention
    signs = [v < 0 for r in lines if r.word_kind == REVENUE or r.member_name
             for v in r.values if v]
    if len(signs) >= 2 and sum(signs) * 4 >= len(signs) * 3:
        return [REVENUE_NEGATIVE]
    if len(signs) >= 2 and sum(signs) * 4 <= len(signs):
        return [COSTS_NEGATIVE]
    return [COSTS_NEGATIVE, REVENUE_NEGATIVE]


def rows_member(ev: StructureEval, u: int) -> bool:
    """The unit is, or holds, a member by name or a revenue word."""
    return any(ev.rows[i].member_name or ev.rows[i].word_kind == REVENUE for i in ev.unit_rows.get(u, [u]))


def kind_candidates(ev: StructureEval, convention: str) -> list[tuple[str, dict[int, str], float]]:
    """(name, kind per unit, prior) to weigh: the words (sign where they are silent),
    the signs alone, and every split into a revenue block and a cost block."""
    units = ev.units
    words = {u: _unit_word_kind(ev, u) for u in units}
    signs = {u: _unit_sign(ev, u) for u in units}
    # A heading is one piece of evidence, however many rows stand under it: its weight is
    # shared by the units that have no word of their own (else "Intäkter" over seven
    # income rows and, after a blank row, fourteen cost rows outweighs every total).
    under: dict[int, int] = {}
    for u in units:
        if _kind_from_heading_only(ev, u):
            under[ev.section[u]] = under.get(ev.section[u], 0) + 1
    weight = {u: (1.0 / under[ev.section[u]] if _kind_from_heading_only(ev, u) else 1.0)
              for u in units}

    def by_sign(u):
        s = signs[u]
        if convention == COSTS_NEGATIVE:
            return REVENUE if s > 0 else COST
        if convention == REVENUE_NEGATIVE:
            return REVENUE if s < 0 else COST
        return None

    out = []
    k_words = {u: (words[u][0] or by_sign(u) or COST) for u in units}
    out.append(("orden", k_words))
    if convention != ALL_POSITIVE:
        out.append(("tecknen", {u: by_sign(u) or COST for u in units}))
    m = len(units)
    # split points: between any two units of a budget-sized table; in a large one only at
    # headings and totals
    if convention != ALL_POSITIVE and m > 12:
        splits = ()          # the signs tell revenue from costs; the words the exceptions
    elif m <= 12:
        splits = range(0, m + 1)
    else:
        # where a block can end: after a heading, a total or a "Summa" row, and where the
        # words change from revenue to cost or back
        marks = set()
        for j, u in enumerate(units):
            if u > 0 and (ev.st.role[u - 1] in (SECTION, TOTAL) or ev.grand[u - 1]):
                marks.add(j)
            if ev.st.role[u] == TOTAL:
                marks.add(j + 1)
            if j and words[units[j - 1]][0] and words[u][0] and words[units[j - 1]][0] != words[u][0]:
                marks.add(j)
            if j and (rows_member(ev, units[j - 1]) != rows_member(ev, u)):
                marks.add(j)
        splits = sorted({0, m} | {x for x in marks if 0 <= x <= m})[:MAX_SPLIT_UNITS]
    for s in splits:
        out.append(("intäkter först", {u: (REVENUE if j < s else COST) for j, u in enumerate(units)}))
        out.append(("kostnader först", {u: (COST if j < s else REVENUE) for j, u in enumerate(units)}))
    if ev.st.kinds_hint:
        hint = {u: ev.st.kinds_hint[u] if ev.st.kinds_hint[u] in (REVENUE, COST) else k_words[u]
                for u in units}
        out.append(("formateringens ord", hint))
    # dedupe, with the prior of each: agreement with the words and the signs
    seen, result = set(), []
    for name, kinds in out:
        key = tuple(kinds[u] for u in units)
        if key in seen:
            continue
        seen.add(key)
        prior = 0.0
        for u in units:
            wk, strength = words[u]
            strength *= weight[u]
            if wk is not None:
                prior += 0.3 * strength if kinds[u] == wk else -0.6 * strength
            bs = by_sign(u)
            if bs is not None and signs[u] != 0 and kinds[u] != bs:
                prior -= SIGN_CONTRADICTION
        result.append((name, kinds, prior))
    return result


def weigh(rows: Sequence[Row], ev: StructureEval, kinds_by_unit: dict[int, str], convention: str,
          result_sign: int, prior: float, kind_source: str) -> Reading:
    st = ev.st
    n = len(rows)
    kinds: list[str | None] = [None] * n
    for i in range(n):
        if st.role[i] == SECTION:
            r = rows[i]
            kinds[i] = r.heading_kind or r.word_kind
        elif ev.grand[i]:
            kinds[i] = {REVENUE_TOTAL: REVENUE, COST_TOTAL: COST, RESULT_TOTAL: RESULT}[st.total_type[i]]
        else:
            kinds[i] = kinds_by_unit.get(ev.top[i], COST)
    members = list(st.members)
    checks = list(ev.checks)
    for g in range(n):
        if not ev.grand[g]:
            continue
        tt = st.total_type[g]
        if tt == RESULT_TOTAL:
            mem = [u for u in ev.units if u < g]
            # earlier grand totals stand for their kind
            earlier = {st.total_type[k]: k for k in range(g) if ev.grand[k] and st.total_type[k] != RESULT_TOTAL}
            if earlier:
                covered = {REVENUE if t == REVENUE_TOTAL else COST for t in earlier}
                mem = sorted([k for k in earlier.values()] + [u for u in mem if kinds[u] not in covered])
        else:
            want = REVENUE if tt == REVENUE_TOTAL else COST
            mem = [u for u in ev.units if u < g and kinds[u] == want]
        members[g] = tuple(mem)
        for c in range(ev.ncol):
            s = rows[g].values[c]
            if s is None:
                continue
            base = [b for b in ev.base[c] if b < g]
            if tt == RESULT_TOTAL:
                if not base:
                    continue
                comp = sum((norm_factor(kinds[b], convention) * rows[b].values[c] for b in base), _ZERO)
                stated = result_sign * s
                parts = [(rows[m].values[c] if rows[m].values[c] is not None else ev.computed(m, c), m)
                         for m in mem]
                as_stated = sum((norm_factor(kinds[m], convention) * v for v, m in parts if v is not None), _ZERO)
            else:
                base = [b for b in base if kinds[b] == kinds[g]]
                if not base:
                    # a stated SUMMA KOSTNADER with no cost line above it in this reading:
                    # the reading does not explain it
                    checks.append(Check(g, c, s, _ZERO, False))
                    continue
                comp = sum((rows[b].values[c] for b in base), _ZERO)
                stated = s
                vals = [rows[m].values[c] if rows[m].values[c] is not None else ev.computed(m, c) for m in mem]
                as_stated = sum((v for v in vals if v is not None), _ZERO)
            checks.append(Check(g, c, stated, comp, comp != stated and bool(mem) and as_stated == stated))
    return Reading(structure=st, kinds=tuple(kinds), members=tuple(members), convention=convention,
                   result_sign=result_sign, checks=tuple(checks), prior=prior, kind_source=kind_source,
                   unit_kinds=tuple(sorted(kinds_by_unit.items())))


def natural_result_sign(rows: Sequence[Row]) -> int:
    """-1 where the result row says a surplus is negative ("Resultat (negativt belopp =
    överskott)"), else +1: the result as stated is the model's result."""
    for r in rows:
        if r.word_total == RESULT_TOTAL and voc.matches(voc.SURPLUS_NEGATIVE, r.label):
            return -1
    return 1


def readings(rows: Sequence[Row], structures: Sequence[Structure], evals: dict | None = None,
             large: bool = False, floor: float | None = None, margin: float = 0.5) -> list[Reading]:
    """Every reading worth weighing, best first. `evals` collects each structure's
    StructureEval by its key; `large` (a ledger-sized table) weighs the words only.

    A reading cannot score more than all its stated figures explained plus its priors,
    so candidates are weighed from the highest such bound down, and the search stops
    where a bound falls more than `margin` below the best score found (or `floor`, the
    best of an earlier search): every reading that could tie with the best is weighed."""
    has_result = any(r.word_total == RESULT_TOTAL for r in rows)
    natural = natural_result_sign(rows)
    pending = []
    for st in structures:
        ev = StructureEval(rows, st)
        if evals is not None:
            evals[st.key()] = ev
        stated = len(ev.checks) + sum(1 for g in range(len(rows)) if ev.grand[g]
                                      for v in rows[g].values if v is not None)
        for conv in conventions(rows):
            cands = kind_candidates(ev, conv)
            if large:
                cands = cands[:1]
            for name, kinds, prior in cands:
                pending.append((stated + prior + st.prior, len(pending), ev, conv, name, kinds, prior))
    pending.sort(key=lambda p: (-p[0], p[1]))
    best = float("-inf") if floor is None else floor
    weighed = []
    for bound, order, ev, conv, name, kinds, prior in pending:
        if bound < best - margin - 1e-9:
            break
        rd = weigh(rows, ev, kinds, conv, natural, prior, name)
        weighed.append((order, rd))
        best = max(best, rd.score)
        if has_result and not large and any(
                not c.explained and ev.st.total_type[c.i] == RESULT_TOTAL for c in rd.checks):
            # the result row stated with the other sign ("negativt = överskott")
            flipped = weigh(rows, ev, kinds, conv, -natural, prior - 0.2, name)
            weighed.append((order + 0.5, flipped))
            best = max(best, flipped.score)
    weighed.sort(key=lambda w: (-w[1].score, w[0]))
    return [rd for _, rd in weighed]
