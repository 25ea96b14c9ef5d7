"""The explain view: the evidence for each row as Swedish text (the only Swedish in
inference/; the reasons for uncertainty are Note records, worded in core/notes.py)."""

from __future__ import annotations

from ..core.model import COST, RESULT, REVENUE, SECTION, TOTAL

_KIND = {REVENUE: "intäkt", COST: "kostnad", RESULT: "resultat"}

_EVIDENCE = {
    "sums_to_category": "under '{0}': raderna summerar till kategoriraden i alla {1} kolumnerna",
    "sums_to_category_most": "under '{0}': raderna summerar till kategoriraden i alla kolumner utom en",
    "formula_category": "under '{0}': kategoriradens formel summerar raderna",
    "format_category": "under '{0}': formateringen (prefix, indrag eller fetstil); summan stämmer inte",
    "format_parent": "under '{0}' enligt formateringen ({1})",
    "sums_above": "summerar de {0} raderna ovanför i alla {1} kolumnerna",
    "sums_above_part": "summerar de {0} raderna ovanför de sista raderna i blocket, i alla {1} kolumnerna (raderna efter räknas direkt i totalen)",
    "sums_above_most_columns": "summerar de {0} raderna ovanför i de flesta kolumnerna",
    "formula_members": "summerar de {0} rader som formeln anger",
    "block_above": "inget urval av raderna ovanför stämmer; räknas mot blocket ovanför ({0} rader)",
    "block_named": ("inget urval av raderna ovanför stämmer; räknas mot blocken under rubrikerna som "
                    "raden nämner ({0} rader)"),
    "nearest_block": "summerar närmaste block ovanför ({0} rader)",
    "no_members": "inga rader ovanför att summera",
}


def evidence_text(inf, i: int) -> str:
    rd = inf.best
    st = rd.structure
    parts = []
    for ev in (st.evidence[i] if st.evidence else ()):
        tmpl = _EVIDENCE.get(ev.code)
        if tmpl:
            parts.append(tmpl.format(*ev.args))
    role = st.role[i]
    if role == SECTION:
        parts.insert(0, "rubrik utan belopp")
    elif role == TOTAL and st.total_type[i] in ("revenue_total", "cost_total", "result"):
        parts.insert(0, "totalsumma enligt texten")
    kind = _KIND.get(rd.kinds[i])
    if kind and role != SECTION:
        parts.append(f"{kind} ({rd.kind_source})")
    return "; ".join(parts)
