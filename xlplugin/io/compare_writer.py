"""The comparison workbook (`finsam jamfor`): one row per line and year, with the change
in kronor and per cent as formulas; the totals; the lines only in one of the budgets."""

from __future__ import annotations

from pathlib import Path

from ..core.compare import Comparison

MONEY = "#,##0;[Red]-#,##0"


def write_comparison(cmp: Comparison, path: str | Path) -> None:
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path))
    title = wb.add_format({"bold": True, "font_size": 14})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": MONEY})
    pct = wb.add_format({"num_format": "0.0%"})
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Jämförelse")
    ws.write(0, 0, f"{cmp.after.organisation or ''} – {Path(cmp.before.path).name} mot {Path(cmp.after.path).name}",
             title)
    ws.write_row(2, 0, ["Rad", "År", "Före (kolumn)", "Före", "Efter (kolumn)", "Efter", "Förändring kr",
                        "Förändring %", "Rad före", "Parad på"], head)
    r = 3
    for x in cmp.lines:
        ws.write_string(r, 0, x.label)
        ws.write_number(r, 1, x.year)
        ws.write_string(r, 2, x.pair.before)
        if x.before is not None:
            ws.write_number(r, 3, x.before, money)
        ws.write_string(r, 4, x.pair.after)
        if x.after is not None:
            ws.write_number(r, 5, x.after, money)
        ws.write_formula(r, 6, f'=IF(OR(D{r + 1}="",F{r + 1}=""),"",F{r + 1}-D{r + 1})', money,
                         x.change if x.change is not None else "")
        ws.write_formula(r, 7, f'=IF(OR(D{r + 1}="",D{r + 1}=0,G{r + 1}=""),"",G{r + 1}/ABS(D{r + 1}))', pct)
        ws.write_string(r, 8, x.before_label if x.before_label != x.label else "")
        ws.write_string(r, 9, {"text": "texten", "position": "platsen i kategorin", "near text": "nästan samma text"}[x.how])
        r += 1
    r += 1
    ws.write(r, 0, "Summor", bold)
    r += 1
    names = {"intakter": "SUMMA INTÄKTER", "kostnader": "SUMMA KOSTNADER", "resultat": "RESULTAT"}
    for t in cmp.totals():
        ws.write_string(r, 0, names[t["measure"]])
        ws.write_number(r, 1, t["year"])
        ws.write_string(r, 2, t["before"]["column"])
        ws.write_number(r, 3, t["before"]["amount"], money)
        ws.write_string(r, 4, t["after"]["column"])
        ws.write_number(r, 5, t["after"]["amount"], money)
        ws.write_formula(r, 6, f"=F{r + 1}-D{r + 1}", money, t["change"])
        ws.write_formula(r, 7, f'=IF(D{r + 1}=0,"",G{r + 1}/ABS(D{r + 1}))', pct)
        r += 1
    for heading, lines in (("Bara i den tidigare budgeten", cmp.only_before),
                           ("Bara i den senare budgeten", cmp.only_after)):
        r += 1
        ws.write(r, 0, heading, bold)
        r += 1
        for ln in lines:
            ws.write_string(r, 0, ln.label)
            r += 1
    ws.set_column(0, 0, 46)
    ws.set_column(1, 1, 6)
    ws.set_column(2, 7, 15)
    ws.set_column(8, 9, 30)
    ws.freeze_panes(3, 1)
    wb.close()
