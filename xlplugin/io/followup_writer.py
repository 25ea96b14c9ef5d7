"""The follow-up workbook (`finsam uppfoljning`), written with XlsxWriter.

Sheets: Uppföljning (one row per budget line: Årsbudget, Budget t.o.m. period, Utfall t.o.m.
period, Avvikelse kr and %, the method's forecast, an editable Egen prognos that takes
precedence, Helårsprognos, Kommentar; SUMMA INTÄKTER/KOSTNADER and RESULTAT; the equity
effect of the forecast against the cap), Per månad (budget and utfall month by month, with
a chart), Kontomappning (the rules: edit and pass back with --mappning), Ej mappat and
Avstämning. Deviations, totals, forecasts and the equity effect are formulas.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..core.followup import MONTHS, UNMAPPED, FollowUp
from ..core.model import COST, REVENUE

MONEY = "#,##0.00;[Red]-#,##0.00"
PCT = "0.0%"
SHEET = "Uppföljning"
COLUMNS = ("Budgetrad", "Konton", "Årsbudget", "Budget t.o.m. period", "Utfall t.o.m. period",
           "Avvikelse kr", "Avvikelse %", "Prognos enligt metod", "Egen prognos", "Helårsprognos",
           "Kommentar")


def _n(x: Decimal) -> float:
    return float(x)


def write_followup(fu: FollowUp, path: str | Path, equity_ib: int | None = None,
                   cap_rate: Decimal = Decimal("0.20")) -> dict:
    """Write the workbook; returns where the key cells are ({"lines": {label: row}, "totals": …})."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path))
    f = {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "head": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                               "valign": "top"}),
        "money": wb.add_format({"num_format": MONEY}),
        "pct": wb.add_format({"num_format": PCT}),
        "bold": wb.add_format({"bold": True}),
        "total": wb.add_format({"bold": True, "num_format": MONEY, "top": 1}),
        "total_label": wb.add_format({"bold": True, "top": 1}),
        "input": wb.add_format({"num_format": MONEY, "bg_color": "#FFF2CC"}),
        "note": wb.add_format({"italic": True, "font_color": "#595959"}),
    }
    b = fu.budget
    ws = wb.add_worksheet(SHEET)
    period_text = f"{fu.period[:4]}-{fu.period[4:]}"
    ws.write(0, 0, f"{b.organisation or Path(b.path).stem} – uppföljning t.o.m. {period_text} "
                   f"({fu.column})", f["title"])
    method = {"jamn": "jämnt per månad", "nyckel": "periodiseringsnyckel", "fjol": "förra årets utfall"}
    ws.write(1, 0, f"Utfall ur {Path(fu.actuals.path).name} ({fu.actuals.format}); budgeten periodiserad "
                   f"{method.get(fu.method, fu.method)}, {fu.months_done} av 12 månader. Intäkter positiva, "
                   "kostnader negativa; avvikelse = utfall − budget. Skriv egen prognos i den gula kolumnen.",
             f["note"])
    hr = 3
    ws.write_row(hr, 0, COLUMNS, f["head"])
    rows: dict[str, int] = {}
    subtotals: dict[str, int] = {}
    r = hr + 1
    total_rows = {}
    for kind, heading, total_label in ((REVENUE, "Intäkter", "SUMMA INTÄKTER"), (COST, "Kostnader", "SUMMA KOSTNADER")):
        ws.write(r, 0, heading, f["bold"])
        r += 1
        first = r
        line_rows = []
        kind_lines = [x for x in fu.lines if x.kind == kind]
        for k, ln in enumerate(kind_lines):
            rows[ln.label] = r
            line_rows.append(r)
            _line_row(ws, r, ln.label, ", ".join(a + (f" ({o})" if o else "") for a, o in ln.mapped_from),
                      ln.budget_year, ln.budget_to_date, ln.actual_to_date, fu, f)
            r += 1
            # a category's subtotal after its last line (when it has two lines or more)
            nxt = kind_lines[k + 1] if k + 1 < len(kind_lines) else None
            if ln.group and (nxt is None or nxt.group != ln.group):
                start = k
                while start > 0 and kind_lines[start - 1].group == ln.group:
                    start -= 1
                if k - start >= 1:
                    label = ln.group if ln.group.lower().startswith("summa") else f"Summa {ln.group.lstrip('-–• ')}"
                    _total_row(ws, r, label, line_rows[start] , line_rows[k], f, subtotal=True)
                    subtotals[label] = r
                    r += 1
        last = r - 1
        _total_row(ws, r, total_label, first, last, f, only=line_rows)
        total_rows[kind] = r
        r += 2
    R = r
    ws.write(R, 0, "RESULTAT", f["total_label"])
    for c in (2, 3, 4, 5, 7, 8, 9):
        if c == 8:
            continue
        L = _col(c)
        ws.write_formula(R, c, f"={L}{total_rows[REVENUE] + 1}+{L}{total_rows[COST] + 1}", f["total"],
                         _n(_result_value(fu, c)))
    ws.write_formula(R, 6, f'=IF(D{R + 1}=0,"",F{R + 1}/ABS(D{R + 1}))', f["pct"])
    total_rows["result"] = R
    # the equity effect of the forecast
    e = R + 3
    ws.write(e, 0, "Eget kapital enligt helårsprognosen", f["bold"])
    ws.write(e + 1, 0, f"Eget kapital IB {fu.actuals.months[0][:4]}")
    if equity_ib is not None:
        ws.write_number(e + 1, 2, equity_ib, f["money"])
    else:
        ws.write(e + 1, 3, "saknas i budgeten: skriv in IB i cellen till vänster", f["note"])
    ws.write(e + 2, 0, "Resultat enligt helårsprognosen")
    ws.write_formula(e + 2, 2, f"=J{R + 1}", f["money"])
    ws.write(e + 3, 0, "UB enligt helårsprognosen", f["bold"])
    ws.write_formula(e + 3, 2, f'=IF(C{e + 2}="","",C{e + 2}+C{e + 3})', f["total"])
    ws.write(e + 4, 0, f"Tak ({int(cap_rate * 100)} % av budgeterade intäkter)")
    ws.write_formula(e + 4, 2, f"=ROUND(C{total_rows[REVENUE] + 1}*{cap_rate},0)", f["money"])
    ws.write(e + 5, 0, "Status")
    ws.write_formula(e + 5, 2, f'=IF(C{e + 4}="","Uppgift saknas",IF(C{e + 4}<0,"Negativt eget kapital",'
                               f'IF(C{e + 4}>C{e + 5},"Över taket","Inom ramen")))')
    ws.set_column(0, 0, 44)
    ws.set_column(1, 1, 22)
    ws.set_column(2, 9, 16)
    ws.set_column(10, 10, 40)
    ws.freeze_panes(hr + 1, 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(hr)
    _per_month(wb, fu, f)
    _mapping_sheet(wb, fu, f)
    _unmapped_sheet(wb, fu, f)
    _reconciliation_sheet(wb, fu, f, R + 1)
    wb.close()
    return {"lines": rows, "subtotals": subtotals,
            "totals": {"intakter": total_rows[REVENUE], "kostnader": total_rows[COST],
                       "resultat": total_rows["result"]}, "equity_ub_row": e + 3}


def _col(c: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[c]


def _line_row(ws, r, label, accounts, year, to_date, actual, fu, f):
    ws.write_string(r, 0, label)
    ws.write_string(r, 1, accounts)
    ws.write_number(r, 2, _n(year), f["money"])
    ws.write_number(r, 3, _n(to_date), f["money"])
    ws.write_number(r, 4, _n(actual), f["money"])
    x = r + 1
    ws.write_formula(r, 5, f"=E{x}-D{x}", f["money"], _n(actual - to_date))
    ws.write_formula(r, 6, f'=IF(D{x}=0,"",F{x}/ABS(D{x}))', f["pct"])
    if fu_method_linear(fu):
        ws.write_formula(r, 7, f"=ROUND(E{x}*12/{fu.months_done},2)", f["money"])
    else:
        ws.write_formula(r, 7, f"=E{x}+(C{x}-D{x})", f["money"])
    ws.write_blank(r, 8, None, f["input"])
    ws.write_formula(r, 9, f'=IF(I{x}="",H{x},I{x})', f["money"])


def fu_method_linear(fu) -> bool:
    return fu.forecast == "linjar"


def _total_row(ws, r, label, first, last, f, subtotal: bool = False, only=None):
    """A total over the line rows first..last (`only`: just these rows, leaving the
    category subtotals between them out)."""
    ws.write(r, 0, label, f["bold"] if subtotal else f["total_label"])
    for c in (2, 3, 4, 5, 7, 9):
        L = _col(c)
        if only is not None and len(only) != last - first + 1:
            formula = _sum_of(L, only)
        else:
            formula = f"=SUM({L}{first + 1}:{L}{last + 1})" if last >= first else "=0"
        ws.write_formula(r, c, formula, f["money"] if subtotal else f["total"])
    ws.write_formula(r, 6, f'=IF(D{r + 1}=0,"",F{r + 1}/ABS(D{r + 1}))', f["pct"])


def _sum_of(L: str, rows) -> str:
    """=SUM over the given 0-based rows, as ranges of consecutive rows."""
    if not rows:
        return "=0"
    parts, start, prev = [], rows[0], rows[0]
    for x in list(rows[1:]) + [None]:
        if x is not None and x == prev + 1:
            prev = x
            continue
        parts.append(f"{L}{start + 1}" if start == prev else f"{L}{start + 1}:{L}{prev + 1}")
        if x is not None:
            start = prev = x
    return "=SUM(" + ",".join(parts) + ")"


def _result_value(fu, c):
    t = fu.totals()["resultat"]
    return {2: t["budget_year"], 3: t["budget_to_date"], 4: t["actual_to_date"], 5: t["deviation"],
            7: t["forecast_year"], 9: t["forecast_year"]}[c]


def _per_month(wb, fu, f):
    ws = wb.add_worksheet("Per månad")
    ws.write(0, 0, "Resultat månad för månad: budget (periodiserad) och utfall, ackumulerat", f["title"])
    ws.write_row(2, 0, ["Månad", "Budget intäkter", "Utfall intäkter", "Budget kostnader", "Utfall kostnader",
                        "Budget resultat (ack.)", "Utfall resultat (ack.)"], f["head"])
    from ..core.followup import Periodisation, cents
    months = fu.actuals.months
    per = Periodisation(fu.method, {})
    label_of = {}
    for m in fu.mapped:
        if m.line != UNMAPPED:
            label_of.setdefault(m.line, []).append(m.row)
    acc_b = acc_u = Decimal(0)
    for k, month in enumerate(months[:12]):
        def budget(kind):
            return sum((cents(x.budget_year * (per.share(x.label, k + 1) - per.share(x.label, k)))
                        for x in fu.lines if x.kind == kind), Decimal(0))

        def actual(kind):
            if k >= fu.months_done:
                return None
            return sum((r.months.get(month, Decimal(0)) for x in fu.lines if x.kind == kind
                        for r in label_of.get(x.label, [])), Decimal(0))
        br, bc, ar, ac = budget(REVENUE), budget(COST), actual(REVENUE), actual(COST)
        acc_b += br + bc
        r = 3 + k
        ws.write_string(r, 0, f"{MONTHS[(int(month[4:]) - 1) % 12]} {month[:4]}")
        ws.write_number(r, 1, _n(br), f["money"])
        ws.write_number(r, 3, _n(bc), f["money"])
        if ar is not None:
            acc_u += ar + ac
            ws.write_number(r, 2, _n(ar), f["money"])
            ws.write_number(r, 4, _n(ac), f["money"])
            ws.write_formula(r, 6, f"=C{r + 1}+E{r + 1}" + (f"+G{r}" if k else ""), f["money"], _n(acc_u))
        ws.write_formula(r, 5, f"=B{r + 1}+D{r + 1}" + (f"+F{r}" if k else ""), f["money"], _n(acc_b))
    last = 3 + min(12, len(months)) - 1
    chart = wb.add_chart({"type": "line"})
    for c, name in ((5, "Budget"), (6, "Utfall")):
        chart.add_series({"name": name, "categories": ["Per månad", 3, 0, last, 0],
                          "values": ["Per månad", 3, c, last, c]})
    chart.set_title({"name": "Resultat ackumulerat: budget mot utfall"})
    chart.set_y_axis({"num_format": "#,##0"})
    ws.insert_chart(3, 8, chart)
    ws.set_column(0, 0, 12)
    ws.set_column(1, 6, 17)


def _mapping_sheet(wb, fu, f):
    ws = wb.add_worksheet("Kontomappning")
    ws.write(0, 0, "Kontomappning: konton och objekt till budgetrader. Rätta här, spara och kör igen med "
                   "--mappning <den här filen>.", f["note"])
    ws.write_row(2, 0, ["Konto", "Objekt", "Budgetrad", "Grund"], f["head"])
    for k, rule in enumerate(fu.rules):
        ws.write_string(3 + k, 0, rule.account_text)
        ws.write_string(3 + k, 1, rule.object_text)
        ws.write_string(3 + k, 2, rule.line)
        ws.write_string(3 + k, 3, rule.why)
    ws.set_column(0, 1, 14)
    ws.set_column(2, 2, 44)
    ws.set_column(3, 3, 70)


def _unmapped_sheet(wb, fu, f):
    ws = wb.add_worksheet(UNMAPPED)
    months = fu.actuals.months_to(fu.period)
    ws.write(0, 0, f"Konton och objekt som ingen regel för till en budgetrad (utfall t.o.m. "
                   f"{fu.period[:4]}-{fu.period[4:]}, intäkter positiva). Lägg till dem i Kontomappning.", f["note"])
    ws.write_row(2, 0, ["Konto", "Objekt", "Namn", "Utfall t.o.m. period"], f["head"])
    r = 3
    for m in fu.unmapped:
        ws.write_string(r, 0, m.row.account)
        ws.write_string(r, 1, "; ".join(f"{d}:{c}" for d, c in m.row.objects))
        ws.write_string(r, 2, m.row.name)
        ws.write_number(r, 3, _n(m.row.to_date(months)), f["money"])
        r += 1
    ws.write(r, 0, "Summa ej mappat", f["total_label"])
    ws.write_formula(r, 3, f"=SUM(D4:D{max(r, 4)})" if r > 3 else "=0", f["total"])
    ws.set_column(0, 1, 14)
    ws.set_column(2, 2, 40)
    ws.set_column(3, 3, 18)


def _reconciliation_sheet(wb, fu, f, result_row: int):
    ws = wb.add_worksheet("Avstämning")
    rec = fu.reconciliation()
    ws.write(0, 0, "Avstämning mot bokföringen: mappat + ej mappat = periodens resultat enligt filen, på öret",
             f["title"])
    ws.write(2, 0, "Resultat enligt bokföringen t.o.m. perioden")
    ws.write_number(2, 1, _n(rec["actuals_result"]), f["money"])
    ws.write(3, 0, "Mappat till budgetrader")
    ws.write_formula(3, 1, f"='{SHEET}'!E{result_row}", f["money"], _n(rec["mapped"]))
    ws.write(4, 0, "Ej mappat")
    n_un = len(fu.unmapped)
    ws.write_formula(4, 1, f"='{UNMAPPED}'!D{4 + n_un}", f["money"], _n(rec["unmapped"]))
    ws.write(5, 0, "Skillnad (ska vara 0)", f["bold"])
    ws.write_formula(5, 1, "=ROUND(B3-B4-B5,2)", f["total"], _n(rec["difference"]))
    diffs = fu.actuals.differences
    ws.write(7, 0, "Verifikationer mot periodsaldon (#TRANS mot #PSALDO)", f["bold"])
    if not diffs:
        ws.write(8, 0, "Stämmer överens (eller finns bara det ena)." if fu.actuals.format == "sie4" else
                 "Ej tillämpligt (resultatrapport i Excel).")
    else:
        ws.write_row(8, 0, ["Konto", "Period", "#PSALDO", "#TRANS", "Skillnad"], f["head"])
        for k, d in enumerate(diffs):
            ws.write_row(9 + k, 0, [d["account"], d["period"]])
            for c, key in ((2, "psaldo"), (3, "vouchers"), (4, "difference")):
                ws.write_number(9 + k, c, _n(d[key]), f["money"])
    ws.set_column(0, 0, 48)
    ws.set_column(1, 4, 18)
