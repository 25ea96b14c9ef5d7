"""Swedish text output for the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .core.model import ALL_POSITIVE, COSTS_NEGATIVE, REVENUE_NEGATIVE, SECTION

if TYPE_CHECKING:  # only for the annotation; `finsam consolidate` needs no check module
    from .core.check import CheckResult

CONVENTIONS = {
    COSTS_NEGATIVE: "kostnader med minustecken",
    ALL_POSITIVE: "alla belopp positiva, kostnader under kostnadsrubrik",
    REVENUE_NEGATIVE: "kontoplanstecken: intäkter negativa, kostnader positiva",
}
KINDS = {"budget": "budget", "plan": "plan", "prognos": "prognos", "utfall": "utfall"}


def kr(amount: int | None) -> str:
    """Swedish grouping with spaces: -1 327 600."""
    if amount is None:
        return "–"
    return f"{amount:,}".replace(",", " ")


def kr_ore(amount) -> str:
    """Kronor with öre, Swedish style, from a Decimal (or int): -1 234 567,50."""
    from decimal import Decimal
    q = Decimal(amount).quantize(Decimal("0.01"))
    whole, _, frac = f"{abs(q):.2f}".partition(".")
    groups = f"{int(whole):,}".replace(",", " ")
    return f"{'-' if q < 0 else ''}{groups},{frac}"


def percent(rate) -> str:
    return f"{rate * 100:f}".rstrip("0").rstrip(".").replace(".", ",") + " %"


def format_reading(b) -> list[str]:
    """The "osäker tolkning" block: why, which rows, and the other readings' totals."""
    rd = b.reading
    if rd.certain:
        return []
    out = ["", f"  OSÄKER TOLKNING: {'; '.join(map(str, rd.reasons))}.",
           "  Summorna nedan bygger på den tolkning som förklarar flest angivna summor "
           f"({rd.explained_totals} av {rd.stated_totals}), men den är inte säker."]
    if rd.uncertain_rows:
        out.append("  Osäkra rader: " + ", ".join(f"rad {r} ('{t}')" for r, t in rd.uncertain_rows[:12]))
    for alt in rd.alternatives:
        out.append(f"  Annan tolkning: {alt['reading']} – förklarar {alt['explained_totals']} av "
                   f"{alt['stated_totals']}:")
        for h, t in alt["totals"].items():
            out.append(f"    {h}: intäkter {kr(t['intakter'])}, kostnader {kr(t['kostnader'])}, "
                       f"resultat {kr(t['resultat'])}")
    out.append("  Kontrollera raderna ovan och ange strukturen tydligare (t.ex. \"Summa …\"-rader "
               "eller formler) om tolkningen är fel.")
    return out


def format_explanation(b) -> str:
    """`finsam check --forklara`: the evidence for each row and the readings weighed."""
    rd = b.reading
    out = [f"  Förklaring av tolkningen ({rd.reading}): {rd.explained_totals} av "
           f"{rd.stated_totals} angivna summor stämmer."]
    for row, label, text in rd.evidence:
        out.append(f"    {row:>4} {label}: {text}")
    out.append("  Prövade tolkningar (poäng, förklarade/angivna summor):")
    for name, score, n, m in rd.weighed:
        out.append(f"    {score:>7.2f}  {n}/{m}  {name}")
    return "\n".join(out)


def format_result(result: CheckResult, show_lines: bool = True, explain: bool = False) -> str:
    b = result.budget
    out = []
    title = b.organisation or "(förbundets namn hittades inte)"
    out.append(f"{title} — {b.path}")
    out.extend(format_reading(b))
    out.append(f"  Blad: {b.sheet} · belopp i {b.unit} (visas i kronor) · {CONVENTIONS[b.sign_convention]}")
    out.append("  Kolumner: " + ", ".join(f"{c.header} ({c.kind} {c.year})" for c in b.columns))
    if show_lines:
        out.append("  Rader:")
        depth = {}
        for ln in b.lines:
            d = depth.get(ln.parent, -1) + 1 if ln.parent is not None else 0
            depth[ln.index] = d
            tag = {"total": "Σ ", "section": "§ "}.get(ln.role, "  ")
            kind = {"revenue": "intäkt", "cost": "kostnad", "result": "resultat"}.get(ln.kind or "", "")
            out.append(f"    {ln.row:>4} {tag}{'  ' * d}{ln.label}" + (f"  [{kind}]" if kind and ln.role != SECTION else ""))
    heads = [c.header for c in b.columns]
    w = max([12] + [len(h) for h in heads]) + 2
    out.append("")
    out.append("  Summor".ljust(16) + "".join(h.rjust(w) for h in heads))
    for name, attr in (("Intäkter", "intakter"), ("Kostnader", "kostnader"), ("Resultat", "resultat")):
        cells = [kr(getattr(result.totals[h], attr)) if h in result.totals else "–" for h in heads]
        out.append(f"  {name}".ljust(16) + "".join(c.rjust(w) for c in cells))
    if result.equity:
        p = result.policy
        base = "budgeterade intäkter" if p.cap_base == "intakter" else "medlemsbidrag"
        floor = f", golv {kr(p.floor)} kr" if p.floor is not None else ""
        out.append("")
        out.append(f"  Eget kapital (tak {percent(p.cap_rate)} av {base}{floor})")
        out.append("    År" + "IB".rjust(14) + "Resultat".rjust(14) + "UB".rjust(14) + "Tak".rjust(14)
                   + "Marginal".rjust(14) + "  Status")
        for e in result.equity:
            out.append(f"    {e.year}" + kr(e.ib).rjust(14) + kr(e.resultat).rjust(14) + kr(e.ub).rjust(14)
                       + kr(e.cap).rjust(14) + kr(e.headroom_cap).rjust(14) + f"  {e.status}")
        # where the figures come from, when it is not simply the year's column
        for k, e in enumerate(result.equity):
            said = []
            if k == 0 and e.sources.get("ib"):
                said.append("IB: " + e.sources["ib"])
            if e.resultat_column is None and e.sources.get("resultat"):
                said.append("resultat: " + e.sources["resultat"])
            if e.adjustment or "stämmer inte" in e.sources.get("ub", ""):
                said.append("UB: " + e.sources["ub"])
            if said:
                out.append(f"      {e.year}: " + "; ".join(said))
    out.append("")
    if result.discrepancies:
        n = len(result.discrepancies)
        out.append(f"  Avvikelser ({n}): angivna belopp som inte stämmer med raderna under")
        for d in result.discrepancies:
            follow = " (följdfel)" if d.consequential else ""
            out.append(f"    {d.sheet}!{d.cell}  {d.label} · {d.column}: angivet {kr(d.stated)}, "
                       f"beräknat {kr(d.computed)}, skillnad {kr(d.difference)}{follow}")
    else:
        out.append("  Inga avvikelser: alla angivna summor och eget kapital stämmer.")
    for note in b.notes:
        out.append(f"  Obs: {note}")
    if explain:
        out.append("")
        out.append(format_explanation(b))
    return "\n".join(out)
