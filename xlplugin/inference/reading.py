"""Stages 4 and 5: choose the reading, judge how sure it is, and bind it to lines.

    inference = infer(entries, columns)

`infer` builds the row features once, proposes the candidate structures, weighs every
reading (structure x kinds x sign convention) by the stated totals it explains, and keeps
the intermediate results (`Inference.structures`, `.readings`) for the explain view. The
reading is *uncertain* when a competitor explains the workbook as well but gives other
totals, when a grand total fails in several columns, when the difference of a failing
total is exactly one other row in several columns (a misreading, not a typo), or when
many totals fail at once. Real budgets carry one or two wrong totals, not ten.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Sequence

from ..core.model import (COST, ITEM, RESULT, REVENUE, SECTION, SUBTOTAL, TOTAL, Column, Line,
                          ReadingInfo)
from ..core.notes import Note
from .features import Row, build_rows
from .scoring import Reading, StructureEval, norm_factor, readings
from .structure import GRAND, Structure, format_structure, sums_structure, with_format_prior

# How close a competitor's score may come before the reading counts as uncertain.
TIE_MARGIN = 0.5
# More rows than this with unexplained totals (and more than a third of the stated ones)
# means the reading, not the budget, is wrong.
MAX_WRONG_ROWS = 3
# Beyond this many rows only two candidate structures are weighed.
LARGE_TABLE = 400


@dataclass
class Inference:
    rows: list[Row]
    structures: list[Structure]
    readings: list[Reading]
    best: Reading
    certain: bool
    reasons: list[tuple[str, tuple]] = field(default_factory=list)   # (code, args)
    uncertain_rows: list[int] = field(default_factory=list)          # row indices
    alternatives: list[Reading] = field(default_factory=list)
    evals: dict = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)

    def totals(self, reading: Reading) -> dict[int, tuple[int, int]]:
        return column_totals(self.rows, self.evals[reading.structure.key()], reading)


def column_totals(rows: Sequence[Row], ev: StructureEval, rd: Reading) -> dict[int, tuple[int, int]]:
    """Column index -> (intäkter, kostnader) in model signs, from the base lines."""
    out = {}
    for c in range(ev.ncol):
        rev = cost = 0
        if not ev.base[c]:
            continue
        for b in ev.base[c]:
            v = norm_factor(rd.kinds[b], rd.convention) * rows[b].values[c]
            if rd.kinds[b] == REVENUE:
                rev += v
            elif rd.kinds[b] == COST:
                cost += v
        out[c] = (int(rev), int(cost))
    return out


def candidate_structures(rows: Sequence[Row], entries, columns) -> list[Structure]:
    fmt = format_structure(rows)
    if len(rows) > LARGE_TABLE:
        return [with_format_prior(fmt, rows)]
    memo: dict = {}
    cands = [fmt,
             sums_structure(rows, below=True, fallback=fmt, memo=memo),
             sums_structure(rows, below=True, fallback=fmt, formatted_only=True, memo=memo),
             sums_structure(rows, below=True, fallback=None, memo=memo)]
    seen, out = set(), []
    for st in cands:
        if st.key() in seen:
            continue
        seen.add(st.key())
        out.append(with_format_prior(st, rows))
    return out


def flattened_variants(st: Structure) -> list[Structure]:
    """Local search: the structure with one category undone at a time (its rows standing
    on their own). A category the sums proposed by coincidence (the state's half equals
    the region's and the municipalities' quarters) is found this way: undone, the grand
    totals add up."""
    from dataclasses import replace
    kids = st.children()
    out = []
    for c, ks in kids.items():
        if st.role[c] != ITEM:
            continue
        parent = list(st.parent)
        for k in ks:
            parent[k] = st.parent[c]
        ev = list(st.evidence) if st.evidence else [()] * len(parent)
        for k in ks:
            ev[k] = ()
        out.append(replace(st, name=st.name + " (utan kategori)", parent=tuple(parent),
                           evidence=tuple(ev), prior=0.0))
    return out


def total_below_variants(st: Structure, rows: Sequence[Row]) -> list[Structure]:
    """Local search: a row left standing on its own that equals the rows just above it in
    every column, or in all but one ("Administration 1 490" under Styrelse and Kansli,
    with one wrong figure), made their total: each such row alone, and all of them
    together. Without formatting the numbers alone first take it for a line, and the
    grand totals then count it twice; the score decides."""
    from dataclasses import replace
    from .structure import _match
    found: list[tuple[int, tuple[int, ...]]] = []
    ncol = len(rows[0].values) if rows else 0
    for i, r in enumerate(rows):
        if (st.role[i] != ITEM or st.parent[i] is not None or r.word_total is not None
                or not r.has_amounts or any(p == i for p in st.parent)):
            continue
        acc, has, picked = [0] * ncol, [False] * ncol, []
        for j in range(i - 1, -1, -1):
            if st.role[j] == SECTION or (st.role[j] == TOTAL and st.total_type[j] in GRAND):
                break
            if st.parent[j] is not None or any(j in m for m in st.members):
                continue
            x = rows[j]
            acc = [a + (v or 0) for a, v in zip(acc, x.values)]
            has = [h or v is not None for h, v in zip(has, x.values)]
            picked.append(j)
            if len(picked) < 2:
                continue
            ok, bad, nonzero = _match(r.values, acc, has)
            # every column, or all but one of at least two (then one exact column of two)
            if nonzero and ok + bad >= 2 and bad <= 1 and ok >= min(2, ok + bad - 1):
                found.append((i, tuple(sorted(picked))))
                break
    out = []
    for group in [[f] for f in found] + ([found] if len(found) > 1 else []):
        role, members, tt = list(st.role), list(st.members), list(st.total_type)
        for i, picked in group:
            role[i], members[i], tt[i] = TOTAL, picked, SUBTOTAL
        out.append(replace(st, name=st.name + " (summa under raderna)", role=tuple(role),
                           members=tuple(members), total_type=tuple(tt), prior=0.0))
    return out


class EstablishedReadings:
    """The readings last established for a few table shapes, so that Excel's
    recalculation of the same ranges with new amounts need not search again.

    The shape is everything about a table except its amounts: the headers, the labels,
    the formatting, the formula ranges, and where each cell is empty, zero, positive or
    negative. A reading found certain that explains every stated total is remembered for
    its shape; on the next table of that shape it is weighed against the new amounts
    first, and it stands only if it still explains every stated total (a följdfel does
    not count as explained here). Otherwise the full search runs and decides afresh.
    Content-keyed, bounded, never by identity."""

    def __init__(self, size: int = 32):
        self.size = size
        self._by_shape: OrderedDict = OrderedDict()

    @staticmethod
    def shape(rows: Sequence[Row], headers: Sequence[str]) -> tuple:
        return (tuple(headers),
                tuple([(r.row, r.label, r.bold, r.indent, r.prefix, r.formula_rows) for r in rows]),
                tuple([2 if v is None else (v > 0) - (v < 0) for r in rows for v in r.values]))

    def recall(self, rows: Sequence[Row], headers: Sequence[str]):
        """(reading, its StructureEval) when the known reading of this shape still
        explains every stated total, else None."""
        key = self.shape(rows, headers)
        known = self._by_shape.get(key)
        if known is None:
            return None
        self._by_shape.move_to_end(key)
        st, skeleton, kinds_by_unit, convention, result_sign, prior, source = known
        from .scoring import StructureEval, weigh
        ev = StructureEval(rows, st, skeleton)
        rd = weigh(rows, ev, kinds_by_unit, convention, result_sign, prior, source)
        if not rd.checks or not all(c.explained for c in rd.checks):
            return None
        return rd, ev

    def remember(self, inf: "Inference") -> None:
        rd = inf.best
        if not inf.certain or not rd.checks or not all(c.explained for c in rd.checks):
            return
        skeleton = inf.evals[rd.structure.key()].skeleton
        self._by_shape[self.shape(inf.rows, inf.headers)] = (
            rd.structure, skeleton, dict(rd.unit_kinds), rd.convention, rd.result_sign, rd.prior,
            rd.kind_source)
        while len(self._by_shape) > self.size:
            self._by_shape.popitem(last=False)


def infer(entries: Sequence, columns: Sequence[Column], formulas: Sequence = (),
          letters: Sequence[str] = (), established: EstablishedReadings | None = None) -> Inference:
    """The reading of one table. `established` (the Excel functions' memory of table
    shapes) lets a reading found before for the same shape stand when it still explains
    every stated total of the new amounts."""
    headers = [c.header for c in columns]
    rows = build_rows(entries, headers, formulas, letters)
    if established is not None:
        known = established.recall(rows, headers)
        if known is not None:
            rd, ev = known
            inf = Inference(rows=rows, structures=[rd.structure], readings=[rd], best=rd,
                            certain=True, evals={rd.structure.key(): ev}, headers=headers)
            _judge(inf)
            return inf
    inf = _search(rows, entries, columns, headers)
    if established is not None:
        established.remember(inf)
    return inf


def _search(rows: list[Row], entries: Sequence, columns: Sequence[Column],
            headers: list[str]) -> Inference:
    structures = candidate_structures(rows, entries, columns)
    evals: dict = {}
    large = len(rows) > LARGE_TABLE
    rds = readings(rows, structures, evals, large=large, margin=TIE_MARGIN)
    if not large and rds[0].unexplained:
        variants = [with_format_prior(v, rows) for v in
                    flattened_variants(rds[0].structure) + total_below_variants(rds[0].structure, rows)]
        variants = [v for v in variants if v.key() not in evals]
        if variants:
            structures = structures + variants
            rds = sorted(rds + readings(rows, variants, evals, floor=rds[0].score, margin=TIE_MARGIN),
                         key=lambda r: -r.score)
    best = rds[0]
    inf = Inference(rows=rows, structures=structures, readings=rds, best=best, certain=True,
                    evals=evals, headers=headers)
    _judge(inf)
    return inf


def _judge(inf: Inference) -> None:
    best, rows = inf.best, inf.rows
    best_totals = inf.totals(best)
    # 1. a competitor as good with other totals
    for rd in inf.readings[1:]:
        if rd.score < best.score - TIE_MARGIN:
            break
        if inf.totals(rd) != best_totals:
            inf.alternatives.append(rd)
            if len(inf.alternatives) >= 3:
                break
    if inf.alternatives:
        inf.certain = False
        inf.reasons.append(("tie", (inf.alternatives[0].name,)))
        inf.uncertain_rows.extend(_differing_rows(best, inf.alternatives[0]))
    wrong = best.unexplained
    # 2. a grand total wrong in several columns
    by_row: dict[int, list] = {}
    for ch in wrong:
        by_row.setdefault(ch.i, []).append(ch)
    one_column = bool(rows) and all(len(r.values) == 1 for r in rows)
    for i, chs in by_row.items():
        if best.structure.role[i] == TOTAL and best.structure.total_type[i] in GRAND and len(chs) >= 2:
            inf.certain = False
            inf.reasons.append(("grand_total_off", (rows[i].label, len(chs))))
            inf.uncertain_rows.append(i)
        elif one_column and best.structure.role[i] == TOTAL and best.structure.total_type[i] in GRAND:
            # one column: a wrong figure and a wrong reading look alike (no other column
            # to agree), so a grand total that does not add up leaves the reading open
            inf.certain = False
            inf.reasons.append(("grand_total_off_one_column", (rows[i].label,)))
            inf.uncertain_rows.append(i)
    # 2b. one column: a grand total the reading explains with stated subtotals while the
    # lines sum to another figure: which rows a wrong subtotal sums cannot be told apart
    # from a typed error with no other column to agree
    if one_column and inf.certain:
        tot = best_totals.get(0)
        if tot is not None:
            for i in range(len(rows)):
                st = best.structure
                if st.role[i] != TOTAL or st.total_type[i] not in GRAND or rows[i].values[0] is None:
                    continue
                kind = best.kinds[i]
                f = best.result_sign if kind == RESULT else norm_factor(kind, best.convention)
                stated = f * rows[i].values[0]
                lines = {"revenue_total": tot[0], "cost_total": tot[1], "result": tot[0] + tot[1]}[st.total_type[i]]
                if int(stated) != lines:
                    inf.certain = False
                    inf.reasons.append(("grand_total_off_one_column", (rows[i].label,)))
                    inf.uncertain_rows.extend([i] + [ch.i for ch in wrong])
                    break
    # 2c. one column: a "Summa" row that no run of the rows above adds up to was given the
    # block above it as a guess; with no other column, which rows it sums is open
    if one_column and inf.certain:
        for i in by_row:
            if any(e.code in ("block_above", "nearest_block") for e in best.structure.evidence[i]) \
                    and _blocks_since_total(rows, best.structure, i) >= 2:
                inf.certain = False
                inf.reasons.append(("block_guessed_one_column", (rows[i].label,)))
                inf.uncertain_rows.extend([i, *best.members[i]])
                break
    # 3. the difference is exactly another row, in several columns (or in the only one)
    for i, chs in by_row.items():
        if len(chs) < 2 and not one_column:
            continue
        for k, r in enumerate(rows):
            if k == i:
                continue
            if all(r.values[ch.c] is not None and r.values[ch.c] != 0 and
                   abs(ch.stated - ch.computed) == abs(r.values[ch.c]) for ch in chs):
                inf.certain = False
                inf.reasons.append(("difference_is_row", (rows[i].label, r.label)))
                inf.uncertain_rows.extend([i, k])
                break
        else:
            if one_column and len(chs) == 1:
                # one column: the difference is the last two amounts above the total (a
                # "Summa" formula over part of its block, seen as values)
                ch = chs[0]
                above = [k for k in range(i - 1, -1, -1) if rows[k].values[0] is not None][:2]
                if len(above) == 2 and abs(ch.stated - ch.computed) == abs(
                        sum(rows[k].values[0] for k in above)):
                    inf.certain = False
                    inf.reasons.append(("difference_is_row", (rows[i].label, " + ".join(
                        rows[k].label for k in reversed(above)))))
                    inf.uncertain_rows.extend([i, *above])
    # 4. many totals fail
    stated_rows = {ch.i for ch in best.checks}
    if len(by_row) > MAX_WRONG_ROWS and len(by_row) * 3 > len(stated_rows):
        inf.certain = False
        inf.reasons.append(("many_wrong", (len(by_row), len(stated_rows))))
        inf.uncertain_rows.extend(sorted(by_row))
    seen = set()
    inf.uncertain_rows = [i for i in inf.uncertain_rows if not (i in seen or seen.add(i))]


def _blocks_since_total(rows: Sequence[Row], st: Structure, i: int) -> int:
    """How many runs of rows with amounts, separated by headings, stand between the total
    at i and the total (or table start) before it: more than one, and a "Summa" row that
    nothing adds up to could sum either."""
    blocks, in_block = 0, False
    for j in range(i - 1, -1, -1):
        if st.role[j] == TOTAL:
            break
        if st.role[j] == SECTION or all(v is None for v in rows[j].values):
            in_block = False
            continue
        if not in_block:
            blocks += 1
            in_block = True
    return blocks


def _differing_rows(a: Reading, b: Reading) -> list[int]:
    out = []
    for i in range(len(a.kinds)):
        if (a.kinds[i] != b.kinds[i] or a.structure.parent[i] != b.structure.parent[i]
                or a.structure.role[i] != b.structure.role[i]
                or a.members[i] != b.members[i]):
            out.append(i)
    return out[:12]


# --- binding ---------------------------------------------------------------------------

def bind_lines(inf: Inference) -> list[Line]:
    """The chosen reading as model lines (amounts in model signs)."""
    rd, rows = inf.best, inf.rows
    st = rd.structure
    headers = inf.headers
    lines = []
    for r in rows:
        i = r.i
        kind = rd.kinds[i]
        f = rd.result_sign if kind == RESULT else norm_factor(kind, rd.convention)
        values = {h: None if v is None else f * v for h, v in zip(headers, r.values)}
        lines.append(Line(
            index=i, row=r.row, label=r.label, role=st.role[i], kind=kind, values=values,
            parent=st.parent[i], total_type=st.total_type[i], members=rd.members[i],
            cells={h: ref for h, ref in zip(headers, r.cells) if ref}))
    return lines


def reading_info(inf: Inference, headers: Sequence[str], explain: bool = True) -> ReadingInfo:
    """The record the check, the JSON and Excel show; `explain=False` leaves out the
    per-row evidence and the readings weighed (the explain view of `--forklara`)."""
    from .explain import evidence_text
    rows, best = inf.rows, inf.best

    def totals_of(rd: Reading) -> dict:
        return {headers[c]: {"intakter": rev, "kostnader": cost, "resultat": rev + cost}
                for c, (rev, cost) in inf.totals(rd).items()}

    alternatives = tuple({
        "reading": rd.name, "score": round(rd.score, 2),
        "explained_totals": rd.explained, "stated_totals": len(rd.checks),
        "sign_convention": rd.convention, "totals": totals_of(rd),
        "rows": [{"row": rows[i].row, "label": rows[i].label, "kind": rd.kinds[i],
                  "parent_row": rows[rd.structure.parent[i]].row if rd.structure.parent[i] is not None else None}
                 for i in _differing_rows(best, rd)],
    } for rd in inf.alternatives)
    weighed = []
    seen = set()
    for rd in (inf.readings if explain else ()):
        key = (rd.structure.name, rd.kind_source, rd.convention)
        if key in seen:
            continue
        seen.add(key)
        weighed.append((rd.name + f" ({rd.convention})", round(rd.score, 2), rd.explained, len(rd.checks)))
        if len(weighed) >= 8:
            break
    return ReadingInfo(
        certain=inf.certain,
        stated_totals=len(best.checks), explained_totals=best.explained,
        uncertain_rows=tuple((rows[i].row, rows[i].label) for i in inf.uncertain_rows),
        reasons=tuple(Note(code, args) for code, args in inf.reasons),
        alternatives=alternatives,
        evidence=tuple((r.row, r.label, evidence_text(inf, r.i)) for r in rows) if explain else (),
        weighed=tuple(weighed),
        reading=best.name)
