"""Consolidating several förbund into one budget: a common chart, eliminations, proof.

Every förbund's base lines (the most detailed lines with amounts, so nothing counts
twice) are mapped to the common chart of categories, by the user's mapping where given,
else by the chart decision (core.categories.line_category: the line's words, its role,
the block it stands in), which marks a category it cannot settle with its doubt and
alternatives. Lines nothing speaks for stay under "Ej klassificerat": nothing is dropped. Eliminations (amounts paid between förbund in
the set) are taken out of the consolidated totals. The reconciliation proves, per
column, that consolidated = inputs - eliminations to the krona.

Columns are aligned by kind and year ("budget 2026"); a column a förbund lacks is None,
never zero. Amounts are kronor, revenue positive, costs negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .categories import CHART, DEFAULT_RULES, UNMAPPED, Categorised, Rule, decide, line_category
from .equity import EquityPolicy, equity_cap, equity_years
from .model import COST, REVENUE, Budget, Line
from .totals import base_lines, column_totals

CATEGORY_ORDER = [code for code, _, _ in CHART] + [UNMAPPED]
CATEGORY_KIND = {code: kind for code, _, kind in CHART}

_INTERNAL = re.compile(r"(?i)konsult|annat samordningsförbund|andra samordningsförbund|"
                       r"från samordningsförbund|samordningsförbundet\s+\w+|länsförbund")


@dataclass(frozen=True)
class Elimination:
    """An amount paid between förbund in the set, removed from the consolidation.

    `amount` is in the model's sign as the line has it (an income positive, a cost
    negative); `confirmed` False means only proposed (not applied)."""

    forbund: str
    label: str
    column: str          # column key, e.g. "budget 2023"
    amount: int
    confirmed: bool = True
    note: str = ""


@dataclass(frozen=True)
class MappedLine:
    forbund: str
    line: Line
    category: str
    rule: str            # how it was mapped: "mappning", the keyword pattern, or ""
    doubt: str = ""      # why the category is open (Swedish), "" when it is not
    alternatives: tuple[str, ...] = ()   # the other categories it could be

    @property
    def certain(self) -> bool:
        return not self.doubt


@dataclass(frozen=True)
class ForbundInput:
    name: str            # organisation or file name
    budget: Budget
    columns: dict[str, str] = field(default_factory=dict)   # key -> source header


@dataclass
class Consolidation:
    keys: list[str]                                           # "budget 2026", in order
    forbund: list[ForbundInput]
    mapped: list[MappedLine]
    by_category: dict[str, dict[str, dict[str, int | None]]]  # key -> category -> förbund -> amount
    inputs: dict[str, dict[str, dict[str, int]]]              # key -> förbund -> {intakter, kostnader, resultat}
    eliminations: list[Elimination]
    proposed: list[Elimination]

    def applied(self, key: str) -> list[Elimination]:
        return [e for e in self.eliminations if e.column == key and e.confirmed]

    def consolidated(self, key: str) -> dict[str, int]:
        """Per category: sum over förbund minus confirmed eliminations."""
        out = {}
        for cat, per in self.by_category[key].items():
            vals = [v for v in per.values() if v is not None]
            out[cat] = sum(vals) - sum(e.amount for e in self.applied(key)
                                       if self.bucket_of(e.forbund, e.label) == cat)
        return out

    @property
    def doubtful(self) -> list[MappedLine]:
        """The mapped lines whose category is open (marked OSÄKER, with alternatives)."""
        return [m for m in self.mapped if m.doubt]

    def bucket_of(self, forbund: str, label: str) -> str:
        """The row of the summary a line is added to (unmapped income has its own row)."""
        for m in self.mapped:
            if m.forbund == forbund and m.line.label == label:
                if m.category == UNMAPPED and m.line.kind == REVENUE:
                    return UNMAPPED + ":intakt"
                return m.category
        return UNMAPPED

    def totals(self, key: str) -> dict[str, int]:
        cons = self.consolidated(key)
        rev = sum(v for c, v in cons.items() if _cat_kind(c, self, key) == REVENUE)
        cost = sum(v for c, v in cons.items() if _cat_kind(c, self, key) == COST)
        return {"intakter": rev, "kostnader": cost, "resultat": rev + cost}

    def reconciliation(self, key: str) -> dict[str, dict[str, int]]:
        """inputs - eliminations vs consolidated, for intäkter, kostnader, resultat and gross."""
        ins = {"intakter": 0, "kostnader": 0, "resultat": 0}
        for per in self.inputs[key].values():
            for k in ins:
                ins[k] += per[k]
        applied = self.applied(key)
        kinds = [_cat_kind(self.bucket_of(e.forbund, e.label), self, key) for e in applied]
        elim = {"intakter": sum(e.amount for e, k in zip(applied, kinds) if k == REVENUE),
                "kostnader": sum(e.amount for e, k in zip(applied, kinds) if k == COST)}
        elim["resultat"] = elim["intakter"] + elim["kostnader"]
        cons = self.totals(key)
        out = {k: {"inputs": ins[k], "eliminations": elim[k], "consolidated": cons[k],
                   "difference": cons[k] - (ins[k] - elim[k])} for k in ins}
        gross = {f: out["intakter"][f] - out["kostnader"][f] for f in ("inputs", "eliminations", "consolidated")}
        gross["difference"] = gross["consolidated"] - (gross["inputs"] - gross["eliminations"])
        out["omslutning"] = gross
        return out


_MEASURE = {"revenue_total": "intakter", "cost_total": "kostnader", "result": "resultat"}


def against_sources(cons: Consolidation, key: str) -> list[dict]:
    """Each förbund's reading set against what its source itself states for column `key`:
    its last SUMMA INTÄKTER, SUMMA KOSTNADER and RESULTAT (typed, or a formula's value),
    in kronor with the model's signs. Only the figures that differ are returned, each with
    `explained_by`: the discrepancy `finsam check` reports in the source at that cell
    ("Budget!E30"), or None when nothing explains it (then the reading is in question).
    A total that stands above more lines of its kind ("Totala intäkter" above the
    financial income) is set against the lines above it, as the source means it."""
    from .totals import check_totals, computed_value
    out = []
    for f in cons.forbund:
        h = f.columns.get(key)
        if h is None:
            continue
        lines = f.budget.lines
        read = cons.inputs[key].get(f.name) or {}
        found = {(d.cell, d.column) for d in check_totals(f.budget)}
        for ttype, measure in _MEASURE.items():
            stated_lines = [ln for ln in lines if ln.total_type == ttype and ln.values.get(h) is not None]
            if not stated_lines:
                continue
            ln = stated_lines[-1]
            stated = ln.values[h]
            kind = REVENUE if ttype == "revenue_total" else COST if ttype == "cost_total" else None
            later = kind is not None and any(o.index > ln.index and o.kind == kind and o.role == "item"
                                             and o.values.get(h) is not None for o in lines)
            value = computed_value(f.budget, ln.index, h) if later else read.get(measure)
            if value is None or value == stated:
                continue
            cell = ln.cells.get(h, "")
            sheet = next((c.sheet for c in f.budget.columns if c.header == h and c.sheet), None) or f.budget.sheet
            out.append({"forbund": f.name, "column": key, "measure": measure, "label": ln.label,
                        "cell": f"{sheet}!{cell}" if cell else "", "stated": stated, "read": value,
                        "difference": stated - value,
                        "explained_by": f"{sheet}!{cell}" if (cell, h) in found else None})
    return out


def _cat_kind(cat: str, cons: Consolidation, key: str) -> str:
    if cat in CATEGORY_KIND:
        return CATEGORY_KIND[cat]
    return REVENUE if cat.endswith(":intakt") else COST


def column_key(kind: str, year: int) -> str:
    return f"{kind} {year}"


_BODY_WORDS = re.compile(r"(?i)\b(samordningsförbund(et|s)?|finsam(förbund(et)?)?|förbund(et)?)\b")
_NAMED_MEMBER = re.compile(r"\b([A-ZÅÄÖ][\wåäöé-]+)s? kommun\b|\bRegion(?:en)? ([A-ZÅÄÖ][\wåäöé-]+)")


def _body_name(name: str) -> str:
    """An organisation's name without the words every förbund has, and without the
    genitive s: "Norra Västmanlands Samordningsförbund" = "Samordningsförbundet Norra
    Västmanland"."""
    words = re.sub(r"[^\wåäöé ]", " ", _BODY_WORDS.sub(" ", name.lower())).split()
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words)


def _named_members(budget: Budget) -> frozenset[str]:
    """The members a budget names among its revenue lines ("Sala kommun", "Region
    Västmanland"); generic lines ("Kommunerna", "Regionen") name none."""
    out = set()
    for ln in budget.lines:
        if ln.kind != REVENUE:
            continue
        for m in _NAMED_MEMBER.finditer(ln.label):
            out.add((m.group(1) or "region " + m.group(2)).lower())
    return frozenset(out)


def same_forbund(inputs: Sequence[tuple[str, Budget]]) -> list[tuple[int, int, str]]:
    """Pairs of inputs that are the same förbund, as (i, j, why): the same name once the
    words every förbund has are left out, or the same named members (at least two).
    Summed, such a pair would count one förbund twice."""
    out = []
    names = [_body_name(name or "") for name, _ in inputs]
    members = [_named_members(b) for _, b in inputs]
    for i in range(len(inputs)):
        for j in range(i + 1, len(inputs)):
            if names[i] and names[i] == names[j]:
                out.append((i, j, "samma namn"))
            elif len(members[i]) >= 2 and members[i] == members[j]:
                out.append((i, j, "samma medlemmar: " + ", ".join(sorted(members[i]))))
    return out


def consolidate(inputs: Sequence[tuple[str, Budget]], mapping: Mapping[tuple[str, str], str] = {},
                eliminations: Sequence[Elimination] = (), keys: Sequence[str] | None = None,
                rules: Sequence[Rule] = DEFAULT_RULES) -> Consolidation:
    """Map every förbund's base lines to the chart and sum per category and column.

    `mapping` maps (förbund, line label) to a category code and wins over `rules`.
    Unmapped revenue lines go to "ej_klassificerat:intakt", costs to "ej_klassificerat".
    """
    rules = tuple(rules)
    forbund = []
    seen_names: dict[str, int] = {}
    for k, (name, budget) in enumerate(inputs):
        name = name or f"Förbund {k + 1}"
        n = seen_names.get(name, 0)
        seen_names[name] = n + 1
        unique = name if n == 0 else f"{name} ({n + 1})"
        forbund.append(ForbundInput(unique, budget, {c.key: c.header for c in budget.columns}))
    all_keys = []
    for f in forbund:
        for k in f.columns:
            if k not in all_keys:
                all_keys.append(k)
    all_keys.sort(key=lambda k: (int(k.split()[1]), ["utfall", "prognos", "budget", "plan"].index(k.split()[0])))
    keys = list(keys) if keys is not None else all_keys
    mapped: list[MappedLine] = []
    by_category = {k: {c: {f.name: None for f in forbund} for c in CATEGORY_ORDER} for k in keys}
    totals_in = {k: {} for k in keys}
    for f in forbund:
        line_category: dict[int, Categorised] = {}   # line index -> its category
        for key in keys:
            header = f.columns.get(key)
            if header is None:
                continue
            t = column_totals(f.budget).get(header)
            totals_in[key][f.name] = {"intakter": t.intakter if t else 0, "kostnader": t.kostnader if t else 0,
                                      "resultat": t.resultat if t else 0}
            for c in CATEGORY_ORDER:
                by_category[key][c][f.name] = 0
            for ln in base_lines(f.budget, header):
                hit = line_category.get(ln.index)
                if hit is None:
                    hit = line_category[ln.index] = _category(f.name, ln, mapping, rules, f.budget)
                    mapped.append(MappedLine(f.name, ln, hit.category, hit.rule, hit.doubt, hit.alternatives))
                cat = hit.category
                bucket = cat if cat in by_category[key] else UNMAPPED
                if cat == UNMAPPED and ln.kind == REVENUE:
                    bucket = UNMAPPED + ":intakt"
                    if bucket not in by_category[key]:
                        for k2 in keys:
                            by_category[k2].setdefault(bucket, {g.name: (0 if g.columns.get(k2) else None)
                                                                for g in forbund})
                by_category[key][bucket][f.name] = (by_category[key][bucket][f.name] or 0) + ln.values[header]
    order = {g.name: k for k, g in enumerate(forbund)}
    mapped.sort(key=lambda m: (order[m.forbund], m.line.row))
    proposed = propose_eliminations(forbund, keys)
    known = {(e.forbund, e.label, e.column) for e in eliminations}
    proposed = [p for p in proposed if (p.forbund, p.label, p.column) not in known]
    return Consolidation(keys=keys, forbund=forbund, mapped=mapped, by_category=by_category,
                         inputs=totals_in, eliminations=list(eliminations), proposed=proposed)


def _category(forbund: str, ln: Line, mapping, rules, budget: Budget) -> Categorised:
    """The user's mapping for the line, else the chart's decision (core.categories.line_category:
    the line's words, a member's role, the block it stands in, with its doubt)."""
    user = mapping.get((forbund, ln.label))
    if user:
        return Categorised(user, "mappning")
    return line_category(budget, ln, rules)


def _rule_category(label: str, kind: str | None, rules: tuple[Rule, ...]) -> tuple[str, str]:
    """(category, rule) of a label by its words alone (no block, no role)."""
    c = decide(label, kind, (), False, tuple(rules))
    return c.category, c.rule


def propose_eliminations(forbund: Sequence[ForbundInput], keys: Sequence[str]) -> list[Elimination]:
    """Income lines that look like payments from another förbund in the set (konsultuppdrag
    för annat samordningsförbund …); proposals only, the user confirms them."""
    out = []
    if len(forbund) < 2:
        return out
    for f in forbund:
        for key in keys:
            header = f.columns.get(key)
            if header is None:
                continue
            for ln in base_lines(f.budget, header):
                if ln.kind == REVENUE and _INTERNAL.search(ln.label) and ln.values[header]:
                    out.append(Elimination(f.name, ln.label, key, ln.values[header], confirmed=False,
                                           note="föreslagen utifrån radtexten"))
    return out


def equity_by_forbund(cons: Consolidation, policy: EquityPolicy = EquityPolicy()):
    """UB per förbund and year, the total, and the cap on the combined income.

    Returns {year: {"per_forbund": {name: ub}, "total": sum of the UBs stated,
    "complete": every förbund has one, "cap": cap or None}}."""
    years: dict[int, dict] = {}
    for f in cons.forbund:
        for e in equity_years(f.budget, policy):
            years.setdefault(e.year, {"per_forbund": {}, "total": None, "complete": False, "cap": None})
            years[e.year]["per_forbund"][f.name] = e.ub
    for year, d in years.items():
        ubs = [v for v in d["per_forbund"].values() if v is not None]
        d["total"] = sum(ubs) if ubs else None
        d["complete"] = len(ubs) == len(cons.forbund)
        key = next((k for k in cons.keys if k == f"budget {year}"), None) or \
            next((k for k in cons.keys if k.endswith(str(year))), None)
        if key is not None:
            d["cap"] = equity_cap(cons.totals(key)["intakter"], policy.cap_rate)
    return dict(sorted(years.items()))


def elimination_problems(cons: Consolidation) -> list[str]:
    """Confirmed eliminations that name no förbund, line or column in the set (Swedish)."""
    out = []
    names = {f.name: f for f in cons.forbund}
    for e in cons.eliminations:
        if not e.confirmed:
            continue
        f = names.get(e.forbund)
        if f is None:
            out.append(f"eliminering: förbundet '{e.forbund}' finns inte bland indatafilerna "
                       f"({', '.join(names)})")
            continue
        if e.column not in f.columns:
            out.append(f"eliminering: {e.forbund} saknar kolumnen {e.column}")
            continue
        if not any(m.forbund == e.forbund and m.line.label == e.label for m in cons.mapped):
            out.append(f"eliminering: {e.forbund} har ingen rad '{e.label}'")
    return out
