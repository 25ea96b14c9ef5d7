"""The follow-up's other inputs: the account mapping (sheet Kontomappning), a
periodisation key (Rad | jan … dec) and a resultatrapport in Excel (konto, namn,
[objekt], belopp per månad or to date). Read with the same reader machinery as budgets
(io.engines: the DTD guard and Swedish errors with file, sheet and cell)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from ..core.followup import MONTHS, ActualRow, Actuals, MappingRule, parse_account_range, parse_object
from ..errors import ReadError
from .cells import NotAnAmount, parse_amount
from .engines import cell_ref, open_workbook


def _grid(path: str, prefer: str | None = None):
    wb = open_workbook(path)
    try:
        names = wb.sheet_names
        name = prefer if prefer in names else names[0]
        if prefer and prefer not in names:
            name = next((n for n in names if n.lower() == prefer.lower()), name)
        sheet = wb.get_sheet_data(name)
    finally:
        wb.close()
    return name, [[c.value if c else None for c in row] for row in sheet.rows]


def _header(rows, words: tuple[str, ...], path, sheet):
    for r, row in enumerate(rows[:30]):
        texts = [str(v).strip().lower() if v is not None else "" for v in row]
        if all(any(t.startswith(w) for t in texts) for w in words):
            return r, {w: next(c for c, t in enumerate(texts) if t.startswith(w)) for w in words}
    raise ReadError(f"hittar ingen rubrikrad med {', '.join(w.capitalize() for w in words)}", path, sheet)


def read_mapping(path: str) -> list[MappingRule]:
    """Rules from a sheet Kontomappning: Konto (account or range), Objekt (optional),
    Budgetrad. An empty row ends nothing; a row without Konto or Budgetrad is an error."""
    sheet, rows = _grid(path, "Kontomappning")
    return rules_from_rows(rows, path, sheet)


def rules_from_rows(rows, path: str, sheet: str) -> list[MappingRule]:
    """`read_mapping` on a sheet's values (the macro's)."""
    rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in (rows or [])]
    hr, cols = _header(rows, ("konto", "budgetrad"), path, sheet)
    obj_col = next((c for c, v in enumerate(rows[hr]) if isinstance(v, str) and v.strip().lower().startswith("objekt")), None)
    out = []
    for r in range(hr + 1, len(rows)):
        row = rows[r]

        def get(c):
            return row[c] if c is not None and c < len(row) else None
        acc, line = get(cols["konto"]), get(cols["budgetrad"])
        if acc in (None, "") and line in (None, ""):
            continue
        where = f"{path}, blad '{sheet}', cell {cell_ref(r, cols['konto'])}"
        if acc in (None, "") or line in (None, ""):
            raise ReadError("raden behöver både Konto och Budgetrad", path, sheet, cell_ref(r, cols["konto"]))
        try:
            first, last = parse_account_range(str(acc), where)
            obj = parse_object(get(obj_col), where)
        except ValueError as exc:
            raise ReadError(str(exc).split(": ", 1)[-1], path, sheet, cell_ref(r, cols["konto"])) from None
        out.append(MappingRule(first, last, str(line).strip(), obj, why="din mappning"))
    return out


def read_key(path: str) -> dict[str, tuple[Decimal, ...]]:
    """Periodisation weights per budget line: a sheet Rad | jan … dec."""
    sheet, rows = _grid(path)
    hr, cols = _header(rows, ("rad", "jan", "dec"), path, sheet)
    month_cols = []
    for m in MONTHS:
        c = next((k for k, v in enumerate(rows[hr]) if isinstance(v, str) and v.strip().lower().startswith(m)), None)
        if c is None:
            raise ReadError(f"kolumnen {m} saknas i rubrikraden", path, sheet, cell_ref(hr, 0))
        month_cols.append(c)
    out = {}
    for r in range(hr + 1, len(rows)):
        row = rows[r]
        label = row[cols["rad"]] if cols["rad"] < len(row) else None
        if label in (None, ""):
            continue
        weights = []
        for c in month_cols:
            v = row[c] if c < len(row) else None
            try:
                a = parse_amount(v) if v not in (None, "") else None
            except NotAnAmount:
                raise ReadError(f"'{v}' är ingen vikt", path, sheet, cell_ref(r, c)) from None
            if a is not None and a.value < 0:
                raise ReadError("en vikt kan inte vara negativ", path, sheet, cell_ref(r, c))
            weights.append(a.value if a is not None else Decimal(0))
        if sum(weights) == 0:
            raise ReadError(f"raden '{label}' har bara nollor", path, sheet, cell_ref(r, cols["rad"]))
        out[str(label).strip()] = tuple(weights)
    return out


_ACCOUNT = re.compile(r"^\s*(\d{4,5})\b\s*(.*)$")


def _to_date_column(texts: list[str]) -> int | None:
    """The column with the utfall to date: "Utfall ack.", "Ackumulerat" before a plain
    "Utfall"/"Belopp"; never a budget, deviation or forecast column, nor the month's own
    column ("Utfall perioden", "Utfall dec")."""
    def usable(t: str) -> bool:
        return bool(t) and not re.search(r"budget|avvik|prognos|fg\.? år|föreg", t)
    month_words = ("period", *MONTHS)
    for c, t in enumerate(texts):
        if usable(t) and "ack" in t:
            return c
    for c, t in enumerate(texts):
        if usable(t) and t.startswith(("utfall", "belopp")) and not any(w in t for w in month_words):
            return c
    return None


def read_resultatrapport(path: str, year: int, period_month: int) -> Actuals:
    """A resultatrapport printed to Excel: a row per account (Konto, Benämning/Namn,
    optionally Objekt) with the utfall to date in a column "Utfall"/"Ack"/"Belopp", or one
    column per month (jan … dec). Amounts as the report prints them: revenue negative
    and costs positive (the accounts' signs) unless the report shows revenue positive,
    which the signs of the 3xxx accounts tell."""
    sheet, rows = _grid(path, "Utfall")
    return resultatrapport_from_rows(rows, str(path), sheet, year, period_month)


def resultatrapport_from_rows(rows, path: str, sheet: str, year: int, period_month: int) -> Actuals:
    """`read_resultatrapport` on a sheet's values (a list of rows), as the macro has them."""
    hr = None
    for r, row in enumerate(rows[:40]):
        texts = [str(v).strip().lower() if v is not None else "" for v in row]
        if any(t.startswith("konto") for t in texts):
            hr = r
            break
    if hr is None:
        raise ReadError("hittar ingen rubrikrad med Konto", path, sheet)
    texts = [str(v).strip().lower() if v is not None else "" for v in rows[hr]]
    c_acc = next(c for c, t in enumerate(texts) if t.startswith("konto"))
    c_name = next((c for c, t in enumerate(texts) if t.startswith(("benämning", "namn", "kontonamn", "text"))), None)
    c_obj = next((c for c, t in enumerate(texts) if t.startswith(("objekt", "projekt", "ansvar", "kst"))), None)
    month_cols = {k: c for k, m in enumerate(MONTHS) for c, t in enumerate(texts) if t.startswith(m)}
    c_total = _to_date_column(texts)
    if not month_cols and c_total is None:
        raise ReadError("hittar varken månadskolumner (jan … dec) eller en kolumn Utfall/Ackumulerat",
                        path, sheet, cell_ref(hr, 0))
    months = tuple(f"{year}{m:02d}" for m in range(1, 13))
    out = []
    for r in range(hr + 1, len(rows)):
        row = rows[r]
        v = row[c_acc] if c_acc < len(row) else None
        if v is None:
            continue
        m = _ACCOUNT.match(str(v).split(".")[0] if isinstance(v, (int, float)) else str(v))
        if not m:
            continue
        acc = m.group(1)
        if acc[0] not in "345678":
            continue
        name = (row[c_name] if c_name is not None and c_name < len(row) else None) or m.group(2)
        obj_text = row[c_obj] if c_obj is not None and c_obj < len(row) else None
        objects = ()
        if obj_text not in (None, ""):
            o = parse_object(obj_text, path)
            objects = ((o[0] or "", o[1]),)
        amounts: dict[str, Decimal] = {}

        def value(c):
            x = row[c] if c < len(row) else None
            try:
                a = parse_amount(x) if x not in (None, "") else None
            except NotAnAmount:
                raise ReadError(f"'{x}' är inget belopp", path, sheet, cell_ref(r, c)) from None
            return a.value if a is not None else None
        if month_cols:
            for k, c in month_cols.items():
                a = value(c)
                if a is not None:
                    amounts[months[k]] = a
        else:
            a = value(c_total)
            if a is not None:
                amounts[months[period_month - 1]] = a     # to date, all in the last month
        out.append((acc, objects, str(name or ""), amounts, (str(obj_text),) if objects else ()))
    revenue = [sum(a.values()) for acc, _, _, a, _ in out if acc[0] == "3"]
    flip = -1 if (revenue and sum(revenue) < 0) else 1     # accounts' signs: revenue negative
    costs = [sum(a.values()) for acc, _, _, a, _ in out if acc[0] in "4567"]
    if not revenue and costs and sum(costs) > 0:
        flip = -1
    rows_out = tuple(ActualRow(acc, objs, name, {k: v * flip for k, v in a.items()}, on)
                     for acc, objs, name, a, on in out)
    import datetime as dt
    return Actuals(path=str(path), format="xlsx", company="", fiscal_year=(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                   months=months, rows=rows_out)


def stem(path: str) -> str:
    return Path(path).stem
