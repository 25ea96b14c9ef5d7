"""Stage 2: candidate structures (which rows sum which).

A `Structure` says, for every row, its role (item, section heading, total), the category
it breaks down (`parent`) and, for a total, the rows it sums (`members`). Candidates come
from different signals:

* `format_structure`: prefixes, indentation, bold, outline numbers, section headings and
  the nearest block above each "Summa …" row (the formatting and the words);
* `sums_structure`: the numbers: a row whose amounts equal the rows after it in every
  column is their category, a row equal to the open rows before it is their total
  (named like a heading or not), with formula ranges as exact evidence and the
  formatting only where the numbers leave a choice.

The scorer (scoring.py) chooses between them by the stated totals each one explains.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..core.model import REVENUE, COST_TOTAL, ITEM, RESULT_TOTAL, REVENUE_TOTAL, SECTION, SUBTOTAL, TOTAL
from .features import Row

GRAND = (REVENUE_TOTAL, COST_TOTAL, RESULT_TOTAL)


@dataclass(frozen=True)
class Evidence:
    """Why a row was placed where it is: a code and its arguments (Swedish at the edge)."""

    code: str
    args: tuple = ()


@dataclass(frozen=True)
class Structure:
    name: str
    role: tuple[str, ...]
    parent: tuple[int | None, ...]
    members: tuple[tuple[int, ...], ...]
    total_type: tuple[str | None, ...]
    evidence: tuple[tuple[Evidence, ...], ...] = ()
    kinds_hint: tuple[str | None, ...] = ()      # kinds the generator itself proposes
    prior: float = 0.0                           # agreement with the formatting

    def children(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, p in enumerate(self.parent):
            if p is not None:
                out.setdefault(p, []).append(i)
        return out

    def key(self) -> tuple:
        return (self.role, self.parent, self.members, self.total_type)


# --- the formatting ---------------------------------------------------------------------

# A row marked as a breakdown ("- ", indented) that a reading leaves standing alone.
FLOATING_MARKED_ROW = -0.6


def with_format_prior(st: Structure, rows: Sequence[Row]) -> Structure:
    """The structure with its prior: a penalty for every row the formatting marks as a
    breakdown ("- " or indented deeper than the table's main rows) that the structure puts
    under no category and in no "Summa …" block."""
    from dataclasses import replace
    items = [r for r in rows if r.has_amounts and st.role[r.i] == ITEM]
    min_indent = min((r.indent for r in items), default=0)
    grouped = {m for i, ms in enumerate(st.members) if st.total_type[i] == SUBTOTAL for m in ms}
    prior = 0.0
    above = None        # the role of the nearest row above that is not marked
    for r in rows:
        marked = r.prefix > 0 or r.indent > min_indent
        if st.role[r.i] != ITEM or not r.has_amounts or not marked:
            above = st.role[r.i] if r.has_amounts or st.role[r.i] == SECTION else above
            continue
        # "- Staten via Försäkringskassan" right under "INTÄKTER": marked as the
        # heading's rows, not as anybody's breakdown
        if st.parent[r.i] is None and r.i not in grouped and above != SECTION:
            prior += FLOATING_MARKED_ROW
    return replace(st, prior=prior)


def format_structure(rows: Sequence[Row]) -> Structure:
    """The structure the formatting and the words suggest, the numbers aside: section
    headings, breakdown rows under the row above them by "- " prefix, indentation, bold
    category rows or outline numbers, and each "Summa …" row over the block above it."""
    n = len(rows)
    role = [_format_role(rows, i) for i in range(n)]
    parent = _format_parents(rows, role)
    total_type = [rows[i].word_total if role[i] == TOTAL else None for i in range(n)]
    members: list[tuple[int, ...]] = [()] * n
    for t in range(n):
        if total_type[t] == SUBTOTAL:
            members[t] = _block_above(rows, role, parent, members, t)
    ev = []
    for i, r in enumerate(rows):
        row_ev = []
        if parent[i] is not None and role[parent[i]] == ITEM:
            row_ev.append(Evidence("format_parent", (rows[parent[i]].label,
                                                     "prefix" if r.prefix else "indent" if r.indent
                                                     else "outline" if r.outline else "bold")))
        if members[i]:
            row_ev.append(Evidence("nearest_block", (len(members[i]),)))
        ev.append(tuple(row_ev))
    return Structure(
        name="formatering", role=tuple(role), parent=tuple(parent), members=tuple(members),
        total_type=tuple(total_type), evidence=tuple(ev),
        kinds_hint=_format_kinds(rows, role, parent, members))


def _format_role(rows: Sequence[Row], i: int) -> str:
    """A total by its words; an item with amounts, or an account row left empty this
    year; otherwise a section heading."""
    r = rows[i]
    if r.word_total:
        return TOTAL
    if r.has_amounts:
        return ITEM
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    followed_by_breakdown = nxt is not None and (nxt.prefix or nxt.indent > r.indent)
    return ITEM if r.account and not followed_by_breakdown else SECTION


def _format_parents(rows: Sequence[Row], role: Sequence[str]) -> list[int | None]:
    """A breakdown row ("- ", indented deeper than the main rows) belongs to the latest
    main row, deeper ones to the nearest row above indented less; without a main row, to
    the section heading. Where bold rows carry their breakdown, a plain row under a bold
    main row belongs to it. A dotted outline number ("2.3" under "2") decides where at
    least two labels carry one."""
    n = len(rows)
    parent: list[int | None] = [None] * n
    items = [r for r in rows if role[r.i] == ITEM and r.has_amounts]
    min_indent = min((r.indent for r in items), default=0)
    bold_categories = any(
        role[i] == ITEM and r.bold and r.has_amounts and i + 1 < n and role[i + 1] == ITEM
        and not rows[i + 1].bold for i, r in enumerate(rows)) and not all(r.bold for r in items)
    current_cat = current_section = None
    chain: list[tuple[int, int]] = []    # (depth, index) of the breakdown rows open below current_cat
    for i, r in enumerate(rows):
        if role[i] == TOTAL:
            current_cat = current_section = None
            chain = []
            continue
        if role[i] == SECTION:
            current_section, current_cat, chain = i, None, []
            continue
        marked = r.prefix or r.indent > min_indent
        if marked and current_cat is not None:
            depth = max(r.indent, min_indent + r.prefix) if r.prefix else r.indent
            while chain and chain[-1][0] >= depth:
                chain.pop()
            parent[i] = chain[-1][1] if chain else current_cat
            if r.has_amounts:
                chain.append((depth, i))
        elif marked and current_section is not None:
            parent[i] = current_section
        elif bold_categories and not r.bold and current_cat is not None and rows[current_cat].bold:
            parent[i] = current_cat
        else:
            parent[i] = current_section
            current_cat = i if r.has_amounts else None
            chain = []
    if sum(1 for r in rows if r.outline and "." in r.outline) >= 2:
        last: dict[str, int] = {}
        for i, r in enumerate(rows):
            if r.outline is None or role[i] == TOTAL:
                continue
            if "." in r.outline:
                p = last.get(r.outline.rsplit(".", 1)[0])
                if p is not None:
                    parent[i] = p
            last[r.outline] = i
    return parent


def _block_above(rows, role, parent, members, t: int) -> tuple[int, ...]:
    """The units a "Summa …" row at t sums by position: the open rows (under no category)
    back to the nearest heading or total; when that is a "Summa" row right above it, the
    "Summa" rows back to the heading (a "Summa" of "Summa" rows). () when nothing with
    amounts stands between it and its heading (a stated figure of its own)."""
    covered: set[int] = set()
    blocks: list[list[int]] = []
    units: list[int] = []

    def enough() -> bool:
        first = blocks[0]
        return len(first) >= 2 or role[first[0]] != TOTAL
    for j in range(t - 1, -1, -1):
        if j in covered:
            continue
        if role[j] == TOTAL and rows[j].word_total in GRAND:
            break
        if role[j] == SECTION:
            if units:
                blocks.append(list(units))
            if not blocks or enough():
                break
            continue
        if role[j] == TOTAL:
            if units and not blocks:
                blocks.append(list(units))
                if enough():
                    break
            units.append(j)
            stack = list(members[j])
            while stack:
                k = stack.pop()
                if k not in covered:
                    covered.add(k)
                    stack.extend(members[k])
            continue
        if parent[j] is not None and role[parent[j]] == ITEM:
            continue
        units.append(j)
    if units and (not blocks or blocks[-1] != units):
        blocks.append(units)
    if not blocks:
        return ()
    block = blocks[0] if enough() else next((b for b in blocks if len(b) >= 2), blocks[0])
    return tuple(sorted(block))


def _format_kinds(rows, role, parent, members) -> tuple[str | None, ...]:
    """Revenue or cost as the words and the headings say (None where they are silent):
    a row's own words, else its category's, else the section heading in force."""
    kinds: list[str | None] = [None] * len(rows)
    context = None
    for i, r in enumerate(rows):
        if role[i] == SECTION:
            if r.section_kind is not None or r.word_kind is None:
                context = r.section_kind if r.section_kind is not None else context
            kinds[i] = r.section_kind or r.word_kind or context
            continue
        if role[i] == TOTAL:
            if r.word_total in GRAND:
                context = None
            kinds[i] = r.word_kind
            continue
        up = kinds[parent[i]] if parent[i] is not None else None
        kinds[i] = r.word_kind or up or context
    return tuple(kinds)


# --- the numbers ------------------------------------------------------------------------

_ZERO = 0
# A total sums at most this many rows above it in the search (a budget has 15-60 rows;
# a 100 000-row ledger pasted under it must not make the search quadratic).
MAX_MEMBERS = 80
# Steps of the category search for one row (each step adds one row to the breakdown).
SEARCH_STEPS = 600


def _match(target: tuple, acc: list, has: list) -> tuple[int, int, bool]:
    """(columns that agree, columns that differ, some agreeing column is non-zero) over the
    columns where the target states an amount and some part has one."""
    ok = bad = 0
    nonzero = False
    for c, t in enumerate(target):
        if t is None or not has[c]:
            continue
        if acc[c] == t:
            ok += 1
            nonzero = nonzero or t != 0
        else:
            bad += 1
    return ok, bad, nonzero


def _opposed(target: tuple, part: tuple) -> bool:
    """The part has the other sign than the target in every column where both are
    non-zero (and there is such a column)."""
    seen = False
    for t, v in zip(target, part):
        if t and v:
            if (t > 0) == (v > 0):
                return False
            seen = True
    return seen


def _overshoots(target: tuple, acc: list) -> bool:
    """True when the rows so far already exceed the target in its own direction (the rows
    of a category share its sign) in two columns, or in its only column: one column past
    it may be the one wrong figure of a category that adds up everywhere else."""
    stated = over = 0
    for t, a in zip(target, acc):
        if t is not None and t != 0:
            stated += 1
            if (t > 0 and a > t) or (t < 0 and a < t):
                over += 1
    return over >= 2 or (over == 1 and stated == 1)


def _single_child_ok(parent: Row, child: Row) -> bool:
    """A category with one breakdown row needs the formatting to say so: two equal rows
    in a row ("Sala kommun 163 750", "Heby kommun 163 750") are not a category."""
    if child.prefix > parent.prefix or child.indent > parent.indent:
        return True
    if parent.bold and not child.bold:
        return True
    if parent.outline and child.outline and child.outline.startswith(parent.outline + "."):
        return True
    return False


class _SumsParser:
    def __init__(self, rows: Sequence[Row], below: bool, fallback: Structure | None,
                 formatted_only: bool = False, memo: dict | None = None):
        self.rows = rows
        self.formatted_only = formatted_only
        self.n = len(rows)
        self.ncol = len(rows[0].values) if rows else 0
        self.below = below
        self.fallback = fallback
        self.fallback_children = fallback.children() if fallback else {}
        self.role = [ITEM] * self.n
        self.parent: list[int | None] = [None] * self.n
        self.members: list[tuple[int, ...]] = [()] * self.n
        self.total_type: list[str | None] = [None] * self.n
        self.ev: list[list[Evidence]] = [[] for _ in range(self.n)]
        # the category search depends on the rows and `formatted_only` alone: parsers of
        # one table share it
        shared = (memo.setdefault((formatted_only, fallback is not None), ({}, {}))
                  if memo is not None else ({}, {}))
        self._cat_memo: dict[tuple[int, int], object] = shared[0]
        self._partial: dict[int, tuple] = shared[1]

    # A category: the rows after row i that add up to it in every column it states.
    # It depends on row i and the rows after it only, so it is searched once per row
    # (a nested category is the same whether it is met at the top level or inside another).
    def category(self, i: int):
        if i in self._cat_memo:
            return self._cat_memo[i]
        res = self._category(i)
        self._cat_memo[i] = res
        return res

    def _category(self, i: int):
        t = self.rows[i]
        if not t.has_amounts or t.word_total is not None:
            return None
        by_formula = self._formula_children(i)
        if by_formula is not None:
            return by_formula
        self._partial.pop(i, None)
        self.budget = SEARCH_STEPS
        found = self._extend(i, i + 1, [_ZERO] * self.ncol, [False] * self.ncol, [], {})
        if found is None and i in self._partial:
            # the rows after it add up to it in every column but one: its breakdown,
            # with a wrong figure in that column (the check reports it)
            return self._partial.pop(i)
        return found

    def _formula_children(self, i: int):
        t = self.rows[i]
        refs = {f for f in t.formula_rows if f is not None}
        if len(refs) != 1:
            return None
        rows_ref = next(iter(refs))
        if not rows_ref or min(rows_ref) <= t.row:
            return None
        kids = [k for k in range(i + 1, self.n) if self.rows[k].row in rows_ref]
        if not kids or kids != list(range(i + 1, kids[-1] + 1)):
            return None
        return kids, kids[-1] + 1, {}, "formula"

    def _extend(self, i, j, acc, has, kids, assign):
        self.budget -= 1
        if self.budget < 0 or j >= self.n or len(kids) >= 40:
            return None
        x = self.rows[j]
        if not x.has_amounts or x.word_total is not None:
            return None
        t = self.rows[i]
        if _opposed(t.values, x.values):
            return None     # a cost row is no part of a revenue row (the signs differ)
        options = []
        budget = self.budget
        sub = self.category(j)
        self.budget = budget
        if sub is None:
            # a row the formatting gives a breakdown that does not add up (a wrong figure
            # inside it): that breakdown stays with it as a part of the outer category
            sub = self._format_category(j)
        if sub is not None:
            options.append(sub)
        options.append(None)
        for opt in options:
            if opt is not None:
                sub_kids, end, sub_assign, _ = opt
                a2 = dict(assign)
                a2.update(sub_assign)
                for k in sub_kids:
                    a2[k] = j
            else:
                end, a2 = j + 1, assign
            acc2 = [a + (v or _ZERO) for a, v in zip(acc, x.values)]
            has2 = [h or v is not None for h, v in zip(has, x.values)]
            kids2 = kids + [j]
            if _overshoots(t.values, acc2):
                continue    # the rows already sum past it: adding more cannot come back
            ok, bad, nonzero = _match(t.values, acc2, has2)
            if ok and not bad and nonzero and self._plausible(t, [self.rows[k] for k in kids2]):
                return kids2, end, a2, "sum"
            if (ok >= 2 and bad == 1 and nonzero and i not in self._partial
                    and self._plausible(t, [self.rows[k] for k in kids2])):
                self._partial[i] = (kids2, end, a2, "sum_most")
            found = self._extend(i, end, acc2, has2, kids2, a2)
            if found is not None:
                return found
        return None

    def _format_category(self, j: int):
        """Row j with the breakdown the formatting gives it (contiguous rows after it, at
        any depth), as (kids, end, assign, "format"); None without one."""
        fb = self.fallback_children.get(j)
        if not fb or fb != list(range(j + 1, fb[-1] + 1)):
            return None
        assign, end, stack = {}, j + 1, [j]
        while stack:
            p = stack.pop()
            for k in self.fallback_children.get(p, []):
                if self.fallback.role[k] != ITEM or not self.rows[k].has_amounts:
                    return None
                if p != j:
                    assign[k] = p
                stack.append(k)
                end = max(end, k + 1)
        if any(k not in assign and k not in fb for k in range(j + 1, end)):
            return None
        return fb, end, assign, "format"

    def _plausible(self, t: Row, kids: list[Row]) -> bool:
        """Sums alone are not enough where they are the rule of the domain: the state's
        half equals the region's and the municipalities' quarters together, so the
        members are never each other's breakdown. One breakdown row, or (in the
        formatted-only reading) any, needs the formatting's word."""
        if t.member_name and all(k.member_name or k.word_kind == REVENUE for k in kids):
            if not _single_child_ok(t, kids[0]):
                return False
        if len(kids) == 1 or self.formatted_only:
            return _single_child_ok(t, kids[0])
        return True

    def parse(self) -> Structure:
        rows, n = self.rows, self.n
        for i in range(n - 1, -1, -1):
            self.category(i)     # bottom-up: a nested category is known before its parent
        units: list[int] = []       # open rows at the top level, in order
        floor = 0                   # units before a grand total are closed
        block_start = 0             # units after the last heading or total
        self._sections = []         # (units before it, row) of the headings since the last total
        i = 0
        while i < n:
            r = rows[i]
            if not r.has_amounts:
                nxt = rows[i + 1] if i + 1 < n else None
                if r.word_total is None and r.account and not (
                        nxt is not None and (nxt.prefix or nxt.indent > r.indent)):
                    self.role[i] = ITEM
                else:
                    self.role[i] = SECTION
                    block_start = len(units)
                    self._sections.append((block_start, i))
                i += 1
                continue
            if r.word_total in GRAND:
                self.role[i], self.total_type[i] = TOTAL, r.word_total
                floor = block_start = len(units)
                self._sections = []
                i += 1
                continue
            if r.word_total == SUBTOTAL:
                k, why = self._suffix(i, units, floor, min_k=1, block_start=block_start)
                self._make_total(i, units, k, why)
                block_start = len(units)
                self._sections = []
                i += 1
                continue
            if self.below:
                k, why = self._suffix(i, units, floor, min_k=2, block_start=block_start, strict=True)
                if k:
                    self._make_total(i, units, k, why)
                    block_start = len(units)
                    i += 1
                    continue
            cat = self.category(i)
            if cat is not None:
                kids, end, assign, why = cat
                for k in kids:
                    self.parent[k] = i
                for k, p in assign.items():
                    self.parent[k] = p
                for k in kids:
                    code = {"sum": "sums_to_category", "sum_most": "sums_to_category_most"}.get(why, "formula_category")
                    self.ev[k].append(Evidence(code, (r.label, self._ncols(i))))
                units.append(i)
                i = end
                continue
            fb = self.fallback_children.get(i)
            if fb and self.fallback is not None and fb == list(range(i + 1, fb[-1] + 1)):
                # the formatting says these rows break this one down; the numbers do not
                # agree (a wrong category sum): the formatting decides
                end = i + 1
                stack = [i]
                while stack:
                    p = stack.pop()
                    for k in self.fallback_children.get(p, []):
                        if self.fallback.role[k] == ITEM:
                            self.parent[k] = p
                            self.ev[k].append(Evidence("format_category", (rows[p].label,)))
                            stack.append(k)
                            end = max(end, k + 1)
                if all(self.parent[k] is not None for k in range(i + 1, end)):
                    units.append(i)
                    i = end
                    continue
                for k in range(i + 1, end):
                    self.parent[k] = None
                    self.ev[k] = []
            units.append(i)
            i += 1
        return Structure(
            name="summor" if self.fallback is None else "summor och formatering",
            role=tuple(self.role), parent=tuple(self.parent), members=tuple(self.members),
            total_type=tuple(self.total_type), evidence=tuple(tuple(e) for e in self.ev))

    def _ncols(self, i: int) -> int:
        return sum(1 for v in self.rows[i].values if v is not None)

    def _run_before_orphans(self, r: Row, units: list[int], floor: int, max_orphans: int = 2,
                            beat: int | None = None) -> int:
        """A "Summa" row equal to a run of rows that ends one or two rows above it (a
        formula over part of its block, "=SUM(B15:B17)" with B18 left out, seen as
        values): the run's rows become its members, and the rows after the run stay
        open (they count in the grand totals directly). Returns the run's length; the
        units list is reordered so that the run is its suffix."""
        n = len(units)
        # every column first; then all but one (the one wrong figure of such a "Summa")
        for allowed_bad in (0, 1):
            for skip in range(1, max_orphans + 1):
                end = n - skip
                if end - floor < 2:
                    break
                acc = [_ZERO] * self.ncol
                has = [False] * self.ncol
                for k in range(1, min(end - floor, MAX_MEMBERS) + 1):
                    u = self.rows[units[end - k]]
                    acc = [a + (v or _ZERO) for a, v in zip(acc, u.values)]
                    has = [h or v is not None for h, v in zip(has, u.values)]
                    if k < 2:
                        continue
                    ok, bad, nonzero = _match(r.values, acc, has)
                    if allowed_bad:
                        # all columns but one; with two columns, one exact column is
                        # enough where no suffix of the block agrees in any (beat None)
                        fits = (bad == 1 and nonzero and ok >= (1 if beat is None else 3)
                                and (beat is None or ok - bad > beat))
                    else:
                        fits = ok >= 2 and not bad and nonzero
                    if fits:
                        run = units[end - k:end]
                        units[:] = units[:end - k] + units[end:] + run
                        return k
        return 0

    def _make_total(self, i: int, units: list[int], k: int, why: str) -> None:
        k = max(1, min(k, len(units))) if units else 0
        self.role[i], self.total_type[i] = TOTAL, SUBTOTAL
        if k:
            self.members[i] = tuple(sorted(units[-k:]))
            del units[-k:]
        self.ev[i].append(Evidence(why, (k, self._ncols(i))))
        units.append(i)

    def _suffix(self, i, units, floor, min_k, block_start, strict=False) -> tuple[int, str]:
        """How many of the open units before row i it sums: by its formula, else the
        fewest that agree in every column, else (a "Summa" row only) the most agreeing
        columns, else the block since the last heading or total."""
        r = self.rows[i]
        avail = len(units) - floor
        if avail <= 0:
            return 0, "no_members"
        refs = {f for f in r.formula_rows if f is not None}
        if len(refs) == 1 and (not strict or len(next(iter(refs))) >= 2):
            ref = next(iter(refs))
            picked = [u for u in units[floor:] if self.rows[u].row in ref]
            if picked:
                if picked != units[len(units) - len(picked):]:
                    # "=SUM(B15:B17)" over part of its block: the rows after it stay open
                    rest = [u for u in units if u not in picked]
                    units[:] = rest + picked
                return len(picked), "formula_members"
        acc = [_ZERO] * self.ncol
        has = [False] * self.ncol
        best_k, best = 0, (0, 0)
        for k in range(1, min(avail, MAX_MEMBERS) + 1):
            u = self.rows[units[-k]]
            acc = [a + (v or _ZERO) for a, v in zip(acc, u.values)]
            has = [h or v is not None for h, v in zip(has, u.values)]
            if k < min_k:
                continue
            ok, bad, nonzero = _match(r.values, acc, has)
            if ok and not bad and nonzero:
                if strict and not (ok >= 2 or r.bold or r.heading_kind or refs):
                    continue
                return k, "sums_above"
            if ok and ok >= bad and (ok - bad, -k) > (best[0] - best[1], -best_k if best_k else -10**9):
                best_k, best = k, (ok, bad)
        if not strict or r.bold or r.heading_kind:
            run = self._run_before_orphans(r, units, floor,
                                           beat=best[0] - best[1] if best_k else None)
            if run:
                return run, "sums_above_part"
        if strict:
            # a bold or heading-named row that sums the rows above in all columns but one:
            # their total, with a wrong figure in that column
            if best_k and (r.bold or r.heading_kind) and best[1] <= 1 and best[0] >= max(1, best[1]):
                return best_k, "sums_above_most_columns"
            return 0, ""
        if best_k:
            return best_k, "sums_above_most_columns"
        named = self._named_block_start(r, block_start)
        block = len(units) - max(named, floor)
        return (block if block > 0 else 1), ("block_named" if named != block_start else "block_above")

    def _named_block_start(self, r: Row, block_start: int) -> int:
        """Where the block of a "Summa" row that nothing adds up to starts: after the last
        heading, or at an earlier heading (since the last total) that its text names too:
        "Summa metoder, arbetssätt och strukturpåverkande insatser" sums the blocks of
        both "Metoder och arbetssätt" and "Strukturpåverkande insatser"."""
        words = _words(r.label)
        for start, j in getattr(self, "_sections", []):
            if start < block_start and _words(self.rows[j].label) & words:
                return start
        return block_start


_STOP = {"och", "för", "av", "i", "till", "med", "summa", "totalt", "insatser", "kostnader", "intäkter"}


def _words(label: str) -> set[str]:
    """The content words of a label, lower case, 4 letters or more."""
    import re
    return {w for w in re.findall(r"[a-zåäöé]{4,}", (label or "").lower()) if w not in _STOP}


def sums_structure(rows: Sequence[Row], below: bool = True,
                   fallback: Structure | None = None, formatted_only: bool = False,
                   memo: dict | None = None) -> Structure:
    """The structure the numbers give (see the module docstring). `memo`, shared by the
    calls for one table, keeps the category search of the first for the others."""
    return _SumsParser(rows, below, fallback, formatted_only, memo).parse()
