"""The whole check of one budget: totals, equity, discrepancies; errors as values."""

from __future__ import annotations

from dataclasses import dataclass

from .equity import EquityPolicy, EquityYear, check_equity, equity_years
from .model import Budget, Discrepancy
from .totals import ColumnTotals, check_summary, check_totals, column_totals


@dataclass(frozen=True)
class CheckResult:
    budget: Budget
    totals: dict[str, ColumnTotals]
    equity: list[EquityYear]
    discrepancies: list[Discrepancy]
    policy: EquityPolicy

    @property
    def consistent(self) -> bool:
        return not self.discrepancies


def check_budget(budget: Budget, policy: EquityPolicy = EquityPolicy()) -> CheckResult:
    """Totals per column, the equity roll-forward and every figure that does not add up."""
    return CheckResult(budget=budget, totals=column_totals(budget),
                       equity=equity_years(budget, policy),
                       discrepancies=check_totals(budget) + check_summary(budget) + check_equity(budget),
                       policy=policy)


def reading_as_json(b: Budget, explain: bool = False) -> dict:
    """The "reading" object: how sure the reader is, which rows it doubts, the others."""
    rd = b.reading
    out = {
        "certain": rd.certain, "stated_totals": rd.stated_totals,
        "explained_totals": rd.explained_totals,
        "uncertain_rows": [{"row": r, "label": t} for r, t in rd.uncertain_rows],
        "alternatives": [dict(a) for a in rd.alternatives],
        "reasons": [str(r) for r in rd.reasons], "reading": rd.reading,
    }
    if explain:
        out["evidence"] = [{"row": r, "label": t, "evidence": e} for r, t, e in rd.evidence]
        out["weighed"] = [{"reading": n, "score": s, "explained_totals": e, "stated_totals": m}
                          for n, s, e, m in rd.weighed]
    return out


def result_as_json(result: CheckResult, explain: bool = False) -> dict:
    """The JSON shape of `finsam check --json` for one file (amounts in whole kronor)."""
    b = result.budget
    by_index = {ln.index: ln for ln in b.lines}
    return {
        "reading": reading_as_json(b, explain),
        "path": b.path,
        "organisation": b.organisation,
        "sheet": b.sheet,
        "unit": b.unit,
        "sign_convention": b.sign_convention,
        "columns": [{"header": c.header, "kind": c.kind, "year": c.year, "cell": c.cell}
                    for c in b.columns],
        "lines": [{
            "sheet": b.sheet, "row": ln.row, "label": ln.label,
            "parent": by_index[ln.parent].label if ln.parent is not None else None,
            "parent_row": by_index[ln.parent].row if ln.parent is not None else None,
            "is_total": ln.is_total, "role": ln.role, "kind": ln.kind,
            "total_type": ln.total_type,
            "members": [by_index[m].row for m in ln.members],
            "values": dict(ln.values),
        } for ln in b.lines],
        "totals": {h: {"intakter": t.intakter, "kostnader": t.kostnader, "resultat": t.resultat}
                   for h, t in result.totals.items()},
        "equity": [{
            "year": e.year, "ib": e.ib, "resultat": e.resultat, "ub": e.ub,
            "ub_stated": e.ub_stated, "base": e.base, "cap": e.cap, "floor": e.floor,
            "headroom_cap": e.headroom_cap, "headroom_floor": e.headroom_floor,
            "status": e.status, "ub_computed": e.ub_computed,
            "resultat_column": e.resultat_column, "sources": dict(e.sources),
        } for e in result.equity],
        "equity_policy": {"cap_rate": str(result.policy.cap_rate),
                          "cap_base": result.policy.cap_base, "floor": result.policy.floor},
        "discrepancies": [{
            "sheet": d.sheet, "cell": d.cell, "label": d.label, "column": d.column,
            "stated": d.stated, "computed": d.computed, "difference": d.difference,
            "consequential": d.consequential, "kind": d.kind,
        } for d in result.discrepancies],
        "notes": [str(n) for n in b.notes],
    }
