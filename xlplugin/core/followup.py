"""Budget follow-up: the budget to date against the utfall (actuals) from the accounts.

Amounts are Decimal kronor with öre, in the model's signs: revenue positive, costs
negative (the accounts' debit-positive signs are turned round: model = −SIE amount).
`deviation` = actual − budget to date, so a positive deviation is better than budgeted
on income and worse on costs' side only when negative (the model's signs make both read
the same way: positive is good for the result).

Pure functions over immutable data: `propose_mapping` (rules from the budget's labels and
the accounts' names), `map_actuals`, `periodise`, `follow_up` (lines, totals,
reconciliation). I/O is in io.sie, io.followup_writer and the CLI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping, Sequence

from .model import COST, REVENUE, Budget, Line
from .totals import base_lines

ZERO = Decimal(0)
CENT = Decimal("0.01")
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
UNMAPPED = "Ej mappat"


def cents(x: Decimal) -> Decimal:
    """Rounded to öre, half away from zero."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


# --- actuals ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActualRow:
    """One account (and object combination) of the accounts: its name and movement per
    month ("YYYYMM" -> Decimal, model signs: income positive, costs negative)."""

    account: str
    objects: tuple[tuple[str, str], ...]
    name: str
    months: Mapping[str, Decimal]
    object_names: tuple[str, ...] = ()

    def to_date(self, months: Sequence[str]) -> Decimal:
        return sum((self.months.get(m, ZERO) for m in months), ZERO)


@dataclass(frozen=True)
class Actuals:
    """The actuals of one fiscal year: from a SIE 4 file ("sie4") or a resultatrapport in
    Excel ("xlsx"). `months` are the fiscal year's months in order ("YYYYMM");
    `previous` the year before by account (for a periodisation profile), when known;
    `differences` where the vouchers and the period balances of a SIE file disagree."""

    path: str
    format: str
    company: str
    fiscal_year: tuple
    months: tuple[str, ...]
    rows: tuple[ActualRow, ...]
    previous: tuple[ActualRow, ...] = ()
    differences: tuple = ()
    kommun_bas: bool = False      # the accounts follow Kommun-BAS (SIE #KPTYP KBAS …)

    def months_to(self, period: str) -> tuple[str, ...]:
        if period not in self.months:
            raise ValueError(period)
        return self.months[:self.months.index(period) + 1]


def actuals_from_sie(sie) -> Actuals:
    """Result accounts (3xxx-8xxx) of a SieFile, from its vouchers where it has them, else
    from its period balances (#PSALDO: each account's total, split by the objects of one
    dimension, see io.sie.movements_by_object_from_periods)."""
    from ..io.sie import (movements_by_object_from_periods, movements_from_vouchers, result_account,
                          voucher_period_differences)
    start, end = sie.fiscal_year
    months = _months(start, end)

    def rows(moves) -> tuple[ActualRow, ...]:
        by_key: dict[tuple[str, tuple], dict[str, Decimal]] = {}
        for (acc, objs, period), amount in moves.items():
            if not result_account(acc):
                continue
            by_key.setdefault((acc, objs), {})
            by_key[(acc, objs)][period] = by_key[(acc, objs)].get(period, ZERO) - amount
        return tuple(ActualRow(acc, objs, sie.accounts.get(acc, ""), dict(m),
                               tuple(sie.objects.get(o, "") for o in objs))
                     for (acc, objs), m in sorted(by_key.items()))
    if sie.vouchers:
        current = rows(movements_from_vouchers(sie))
    else:
        current = rows(movements_by_object_from_periods(sie, 0))
    previous = rows(movements_by_object_from_periods(sie, -1)) if -1 in sie.years else ()
    return Actuals(path=sie.path, format="sie4", company=sie.company, fiscal_year=(start, end),
                   months=months, rows=current, previous=previous,
                   differences=tuple(voucher_period_differences(sie)),
                   kommun_bas=bool(re.search(r"(?i)^k[-\s]?bas|kommun", sie.chart or "")))


def _months(start, end) -> tuple[str, ...]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


# --- mapping ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class MappingRule:
    """Accounts `first`..`last` (and, when set, only rows with object `obj`: (dimension
    or None, code)) go to the budget line `line`. `why` says what proposed it."""

    first: str
    last: str
    line: str
    obj: tuple[str | None, str] | None = None
    why: str = "din mappning"

    @property
    def account_text(self) -> str:
        return self.first if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def object_text(self) -> str:
        if self.obj is None:
            return ""
        dim, code = self.obj
        return f"{dim}:{code}" if dim else code

    def matches(self, row: ActualRow) -> bool:
        acc = row.account
        if len(acc) > len(self.first) and len(self.first) == len(self.last):
            acc = acc[:len(self.first)]          # a sub-account (50111) of a named account (5011)
        if not int(self.first) <= int(acc) <= int(self.last):
            return False
        if self.obj is None:
            return True
        dim, code = self.obj
        return any(c == code and (dim is None or d == dim) for d, c in row.objects)

    @property
    def specificity(self) -> tuple:
        return (0 if self.obj is not None else 1, int(self.last) - int(self.first))


# the follow-up's reporting points, as the last month they cover (the fiscal year is the
# calendar year in a samordningsförbund, as in the municipalities' accounts)
PERIOD_WORDS = {
    "t1": 4, "t2": 8, "t3": 12,                        # tertial: jan–apr, jan–aug, helår
    "q1": 3, "q2": 6, "q3": 9, "q4": 12,               # kvartal
    "k1": 3, "k2": 6, "k3": 9, "k4": 12,
    "delar": 8, "delår": 8, "delarsrapport": 8, "delårsrapport": 8,   # per 31 augusti
    "helar": 12, "helår": 12, "bokslut": 12, "arsbokslut": 12, "årsbokslut": 12,
}
_PERIOD = re.compile(r"(\d{4})\s*[-–/ ]?\s*(\d{1,2}|[a-zåäö]+\d?)")


def parse_period(value) -> tuple[int, int] | None:
    """(year, month) of the last month a follow-up covers: "2025-08", "202508", "2025-8",
    a tertial or quarter ("2025-T2", "2025 Q3"), "2025 delår" (August) or "2025 helår";
    also a date or a date serial (2000–2099), which is what Excel makes of "2025-08"
    typed in a cell. None if it is none of these."""
    import datetime as _dt
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.year, value.month
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 36526 <= value < 73051:
        day = _dt.date(1899, 12, 30) + _dt.timedelta(days=int(value))   # an Excel date serial
        return day.year, day.month
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value or "").strip().lower()
    m = _PERIOD.fullmatch(text)
    if not m:
        return None
    year, rest = int(m.group(1)), m.group(2)
    month = int(rest) if rest.isdigit() else PERIOD_WORDS.get(rest)
    if month is None or not 1 <= month <= 12:
        return None
    return year, month


def parse_account_range(text: str, where: str) -> tuple[str, str]:
    """"4530" or "4000-4999" -> (first, last); ValueError with a Swedish message."""
    t = str(text).strip().replace("–", "-").replace(" ", "")
    if t.endswith(".0"):
        t = t[:-2]
    m = re.fullmatch(r"(\d{3,6})(?:-(\d{3,6}))?", t)
    if not m:
        raise ValueError(f"{where}: kontot '{text}' ska vara ett kontonummer eller ett intervall som 4000-4999")
    first, last = m.group(1), m.group(2) or m.group(1)
    if int(last) < int(first):
        raise ValueError(f"{where}: intervallet '{text}' slutar före det börjar")
    return first, last


def parse_object(text, where: str) -> tuple[str | None, str] | None:
    """"6:SAM" (dimension:code) or "SAM" -> (dim, code); "" -> None."""
    if text is None or str(text).strip() == "":
        return None
    t = str(text).strip()
    if t.endswith(".0"):
        t = t[:-2]
    if ":" in t:
        dim, code = t.split(":", 1)
        if not dim.strip() or not code.strip():
            raise ValueError(f"{where}: objektet '{text}' ska skrivas dimension:kod eller kod")
        return dim.strip(), code.strip()
    return None, t


def budget_line_labels(budget: Budget, header: str) -> list[Line]:
    return base_lines(budget, header)


_ACCOUNT_IN_LABEL = re.compile(r"^\s*(?:[-–•]\s*)?(\d{4,5})\b(?!\s*(?:kr|tkr|%))|\(([\d\s,;/–-]+|[\d\s,;/–-]*och[\d\s,;/–-]*)\)"
                               r"|\b(\d{4,5})\s*[–-]\s*(\d{4,5})\b")


def accounts_in_label(label: str) -> list[tuple[str, str]]:
    """The accounts a budget label names: "4530 Bidrag …", "(5590)", "(5011, 5410, 5420)",
    "6510–6559" -> [(first, last), …]."""
    out = []
    for m in _ACCOUNT_IN_LABEL.finditer(label):
        if m.group(1):
            out.append((m.group(1), m.group(1)))
        elif m.group(3):
            if int(m.group(4)) >= int(m.group(3)):
                out.append((m.group(3), m.group(4)))
        else:
            for part in re.split(r"[,;/]|\boch\b", m.group(2)):
                part = part.strip()
                r = re.fullmatch(r"(\d{4,5})\s*(?:[–-]\s*(\d{4,5}))?", part)
                if r:
                    out.append((r.group(1), r.group(2) or r.group(1)))
    return out
_WORD = re.compile(r"[a-zåäöé0-9]{3,}", re.I)
_STOP = {"och", "för", "med", "från", "till", "övriga", "ovriga", "samt", "kostnader", "intäkter",
         "bidrag", "projekt", "medel"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "") if w.lower() not in _STOP}


def propose_mapping(budget: Budget, header: str, actuals: Actuals) -> list[MappingRule]:
    """Rules proposed from the budget's own words, most specific first:
    account numbers in the labels ("4530 …", "(5590)"); objects (projects) whose name or
    code a label names; accounts whose name a label names; then BAS ranges (3xxx to the
    only income line, when there is one)."""
    lines = budget_line_labels(budget, header)
    rules: list[MappingRule] = []
    taken: set[str] = set()
    closed: set[str] = set()          # lines that list their accounts take no range rule
    for ln in lines:
        for first, last in accounts_in_label(ln.label):
            rules.append(MappingRule(first, last, ln.label, why=f"kontonummer i raden '{ln.label}'"))
            taken.update({first, last})
            closed.add(ln.label)
    label_words = {ln.label: _words(_ACCOUNT_IN_LABEL.sub(" ", ln.label)) for ln in lines}
    seen_objects: set[tuple[str, tuple[str, str]]] = set()
    for row in actuals.rows:
        for (dim, code), name in zip(row.objects, row.object_names or ("",) * len(row.objects)):
            key = (row.account, (dim, code))
            if key in seen_objects:
                continue
            seen_objects.add(key)
            words = _words(name) | {code.lower()}
            scored = sorted(((len(words & label_words[ln.label]), ln) for ln in lines
                             if words & label_words[ln.label] and _kind_fits(ln, row.account)),
                            key=lambda x: -x[0])
            # the line that shares the most words with the object's name and code, if only one does
            if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                best = scored[0][1]
                rules.append(MappingRule(row.account, row.account, best.label, (dim, code),
                                         why=f"objektet {code} ('{name}') i raden '{best.label}'"))
    for row in actuals.rows:
        if row.account in taken or row.objects:
            continue
        words = _words(row.name)
        if not words:
            continue
        best = [ln for ln in lines if _kind_fits(ln, row.account)
                and len(words & label_words[ln.label]) >= max(1, min(2, len(label_words[ln.label])))]
        if len(best) == 1:
            rules.append(MappingRule(row.account, row.account, best[0].label,
                                     why=f"kontonamnet '{row.name}' och raden '{best[0].label}'"))
            taken.add(row.account)
    if not actuals.kommun_bas:
        # ranges only where the accounts say they follow Kommun-BAS (#KPTYP): in the
        # companies' BAS 5010 is rent, not salaries
        return sorted(_dedupe(rules), key=lambda r: r.specificity)
    for first, last, pattern, text in _BAS_COST_RANGES:
        hits = [ln for ln in lines if ln.kind == COST and re.search(pattern, ln.label, re.I)
                and ln.label not in closed]
        if len(hits) == 1:
            rules.append(MappingRule(first, last, hits[0].label,
                                     why=f"Kommun-BAS: {text} {first}-{last} till raden '{hits[0].label}'"))
    return sorted(_dedupe(rules), key=lambda r: r.specificity)


# Kommun-BAS (the municipalities' chart of accounts, which a host municipality keeps a
# förbund's books in): 5xxx personnel, 6xxx-7xxx other operating costs, 8xxx financial
_BAS_COST_RANGES = (
    ("5000", "5999", r"personal", "personalkostnader"),
    ("6000", "7999", r"övriga\s+(verksamhets)?kostnader|ovriga\s+(verksamhets)?kostnader", "övriga verksamhetskostnader"),
    ("8400", "8999", r"\bränt|\bbank|finansiell", "finansiella poster"),
)


def _kind_fits(ln: Line, account: str) -> bool:
    if account[:1] == "3":
        return ln.kind == REVENUE
    if account[:1] in "4567":
        return ln.kind == COST
    return True


def _dedupe(rules):
    seen, out = set(), []
    for r in rules:
        key = (r.first, r.last, r.obj)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


@dataclass(frozen=True)
class MappedRow:
    row: ActualRow
    line: str            # budget label, or UNMAPPED
    rule: MappingRule | None


def map_actuals(actuals: Actuals, rules: Sequence[MappingRule]) -> list[MappedRow]:
    """Each actual row to the first (most specific) rule that matches it, else Ej mappat."""
    ordered = sorted(rules, key=lambda r: r.specificity)
    out = []
    for row in actuals.rows:
        rule = next((r for r in ordered if r.matches(row)), None)
        out.append(MappedRow(row, rule.line if rule else UNMAPPED, rule))
    return out


# --- periodisation ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Periodisation:
    """How a year's budget spreads over its months: "jamn" (evenly), "nyckel" (weights per
    line and month, `keys`: label -> 12 weights), "fjol" (last year's utfall per line)."""

    method: str = "jamn"
    keys: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)

    def share(self, label: str, months_done: int) -> Decimal:
        """The part of the year's budget that falls in the first `months_done` months."""
        weights = self.keys.get(label)
        if self.method != "jamn" and weights and sum(weights) != 0:
            return sum(weights[:months_done], ZERO) / sum(weights, ZERO)
        return Decimal(months_done) / Decimal(12)


def profile_from_last_year(mapped_previous: Sequence[MappedRow], months: int = 12,
                           first_month: int = 1) -> dict[str, tuple[Decimal, ...]]:
    """Per budget line: last year's utfall per month (absolute), as periodisation weights
    (the fiscal year's months from `first_month`)."""
    out: dict[str, list[Decimal]] = {}
    for m in mapped_previous:
        if m.line == UNMAPPED:
            continue
        w = out.setdefault(m.line, [ZERO] * months)
        for period, amount in m.row.months.items():
            w[(int(period[4:]) - first_month) % months] += abs(amount)
    return {k: tuple(v) for k, v in out.items() if sum(v) != 0}


def budget_to_date(annual: Decimal, months_done: int, key: Sequence[Decimal] | None = None) -> Decimal:
    """The year's budget for the first `months_done` months (0-12): evenly, or by a key of
    twelve weights. Kronor with öre, rounded half away from zero."""
    if not 0 <= months_done <= 12:
        raise ValueError("månaden ska vara 1–12")
    if key is not None:
        if len(key) != 12:
            raise ValueError("nyckeln ska ha tolv vikter, en per månad")
        if any(w < 0 for w in key) or sum(key) == 0:
            raise ValueError("nyckelns vikter ska vara noll eller mer, och inte alla noll")
        return cents(annual * sum(key[:months_done], ZERO) / sum(key, ZERO))
    return cents(annual * Decimal(months_done) / 12)


def deviation(budget: Decimal, actual: Decimal) -> Decimal:
    """Utfall − budget (model signs: positive is better for the result)."""
    return actual - budget


def full_year_forecast(annual: Decimal, actual: Decimal, months_done: int, method: str = "rest",
                       key: Sequence[Decimal] | None = None) -> Decimal:
    """The year's forecast: "rest" = utfall + the rest of the year's budget; "linjar" =
    utfall × 12 / months done."""
    if not 1 <= months_done <= 12:
        raise ValueError("månaden ska vara 1–12")
    if method == "linjar":
        return cents(actual * 12 / months_done)
    if method != "rest":
        raise ValueError("metoden ska vara rest eller linjär")
    return actual + (annual - budget_to_date(annual, months_done, key))


# --- the follow-up ----------------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUpLine:
    label: str
    row: int
    kind: str
    mapped_from: tuple[tuple[str, str], ...]     # (account, "dim:code" or "")
    budget_year: Decimal
    budget_to_date: Decimal
    actual_to_date: Decimal
    forecast_year: Decimal
    group: str | None = None       # the category the line stands in (its category row,
                                   # heading or the "Summa" row that sums it)

    @property
    def deviation(self) -> Decimal:
        return self.actual_to_date - self.budget_to_date

    @property
    def deviation_pct(self) -> Decimal | None:
        if self.budget_to_date == 0:
            return None
        return (self.deviation / abs(self.budget_to_date) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class FollowUp:
    budget: Budget
    column: str
    actuals: Actuals
    period: str
    months_done: int
    lines: tuple[FollowUpLine, ...]
    mapped: tuple[MappedRow, ...]
    rules: tuple[MappingRule, ...]
    method: str
    forecast: str = "rest"

    @property
    def unmapped(self) -> list[MappedRow]:
        return [m for m in self.mapped if m.line == UNMAPPED]

    def totals(self) -> dict[str, dict[str, Decimal]]:
        def add(lines):
            return {"budget_year": sum((x.budget_year for x in lines), ZERO),
                    "budget_to_date": sum((x.budget_to_date for x in lines), ZERO),
                    "actual_to_date": sum((x.actual_to_date for x in lines), ZERO),
                    "forecast_year": sum((x.forecast_year for x in lines), ZERO)}
        rev = add([x for x in self.lines if x.kind == REVENUE])
        cost = add([x for x in self.lines if x.kind == COST])
        res = {k: rev[k] + cost[k] for k in rev}
        out = {"intakter": rev, "kostnader": cost, "resultat": res}
        for t in out.values():
            t["deviation"] = t["actual_to_date"] - t["budget_to_date"]
        return out

    def reconciliation(self) -> dict[str, Decimal]:
        """The accounts' result for the period = mapped + unmapped, to the öre."""
        months = self.actuals.months_to(self.period)
        result = sum((r.to_date(months) for r in self.actuals.rows), ZERO)
        mapped = sum((x.actual_to_date for x in self.lines), ZERO)
        unmapped = sum((m.row.to_date(months) for m in self.unmapped), ZERO)
        return {"actuals_result": result, "mapped": mapped, "unmapped": unmapped,
                "difference": result - mapped - unmapped}


def _group_of(budget: Budget, ln: Line) -> str | None:
    """The label of the category a base line belongs to: the "Summa …" row that lists it
    among its members, else its parent row (a category row or heading)."""
    for t in budget.lines:
        if t.total_type == "subtotal" and ln.index in t.members:
            return t.label
    if ln.parent is not None:
        return budget.lines[ln.parent].label
    return None


class FollowUpError(ValueError):
    """The follow-up cannot be made (Swedish message)."""


def follow_up(budget: Budget, column: str, actuals: Actuals, period: str,
              rules: Sequence[MappingRule], periodisation: Periodisation = Periodisation(),
              forecast: str = "rest") -> FollowUp:
    """Budget line by budget line: the year's budget, the budget to date, the utfall to
    date and the full-year forecast (`forecast` "rest": utfall + the rest of the year's
    budget; "linjar": utfall × 12 / months done)."""
    if period not in actuals.months:
        raise FollowUpError(f"perioden {period[:4]}-{period[4:]} ligger utanför räkenskapsåret "
                            f"{actuals.months[0][:4]}-{actuals.months[0][4:]}–{actuals.months[-1][:4]}-{actuals.months[-1][4:]}")
    lines = base_lines(budget, column)
    labels = {ln.label for ln in lines}
    for r in rules:
        if r.line not in labels:
            raise FollowUpError(f"mappningen för konto {r.account_text}: budgetraden '{r.line}' finns inte "
                                f"i kolumnen {column} (rader: {', '.join(sorted(labels))[:300]})")
    mapped = map_actuals(actuals, rules)
    months = actuals.months_to(period)
    done = len(months)
    by_line: dict[str, list[MappedRow]] = {}
    for m in mapped:
        by_line.setdefault(m.line, []).append(m)
    out = []
    for ln in lines:
        year = Decimal(ln.values[column])
        to_date = cents(year * periodisation.share(ln.label, done))
        rows = by_line.get(ln.label, [])
        actual = sum((m.row.to_date(months) for m in rows), ZERO)
        if forecast == "linjar":
            fc = cents(actual * 12 / done)
        else:
            fc = actual + (year - to_date)
        out.append(FollowUpLine(
            label=ln.label, row=ln.row, kind=ln.kind, group=_group_of(budget, ln),
            mapped_from=tuple(sorted({(m.row.account, "; ".join(f"{d}:{c}" for d, c in m.row.objects))
                                      for m in rows})),
            budget_year=year, budget_to_date=to_date, actual_to_date=actual, forecast_year=fc))
    return FollowUp(budget=budget, column=column, actuals=actuals, period=period, months_done=done,
                    lines=tuple(out), mapped=tuple(mapped), rules=tuple(rules),
                    method=periodisation.method, forecast=forecast)
