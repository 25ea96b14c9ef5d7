"""The follow-up's other inputs: the account mapping (sheet Kontomappning) and a
periodisation key (Rad | jan … dec), read with the same reader machinery as budgets
(io.engines: the DTD guard and Swedish errors with file, sheet and cell). A resultatrapport
in Excel is read by io.resultatrapport."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..core.followup import MONTHS, MappingRule, parse_account_range, parse_object
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


def stem(path: str) -> str:
    return Path(path).stem
