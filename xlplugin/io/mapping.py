"""The user's mapping workbook for `finsam consolidate --mapping`.

Sheet "Mappning": Förbund | Rad | Kategori [| …] – the category of each line, by code
or Swedish name (see the legend in the generated workbook).
Sheet "Elimineringar": Förbund | Rad | Kolumn | Belopp | Bekräftad [| Kommentar].
The consolidated workbook itself has both sheets, so it can be edited and passed back.
"""

from __future__ import annotations

from ..core.categories import CATEGORY_NAMES, UNMAPPED
from ..core.consolidation import Elimination
from ..errors import ReadError
from .cells import NotAnAmount, parse_amount
from .engines import cell_ref, open_workbook

_BY_NAME = {name.lower(): code for code, name in CATEGORY_NAMES.items()}
_BY_NAME.update({code: code for code in CATEGORY_NAMES})


def category_code(text: str) -> str | None:
    t = str(text).strip().lower()
    return _BY_NAME.get(t)


def _key(text: str) -> str:
    """'Budget 2026' -> 'budget 2026'."""
    from .layout import parse_header
    h = parse_header(str(text).strip())
    if h is None or h.kind is None:
        raise ValueError(text)
    return f"{h.kind} {h.year}"


def read_mapping(path: str):
    """({(förbund, rad): category}, [Elimination]) from a mapping workbook."""
    wb = open_workbook(path)
    try:
        names = wb.sheet_names
        mapping, elims = {}, []
        if "Mappning" not in names and "Elimineringar" not in names:
            raise ReadError("mappningsfilen har varken bladet Mappning eller Elimineringar", path)
        if "Mappning" in names:
            sheet = wb.get_sheet_data("Mappning")
            for r, row in enumerate(sheet.rows):
                vals = [c.value if c else None for c in row] + [None] * 3
                f, label, cat = vals[0], vals[1], vals[2]
                if not f or not label or cat in (None, ""):
                    continue
                if r == 0 or str(f).strip().lower() == "förbund":
                    continue
                code = category_code(cat)
                if code is None:
                    raise ReadError(f"okänd kategori '{cat}' (se kategorilistan i bladet Mappning)",
                                    path, "Mappning", cell_ref(r, 2))
                mapping[(str(f).strip(), str(label).strip())] = code
        if "Elimineringar" in names:
            sheet = wb.get_sheet_data("Elimineringar")
            for r, row in enumerate(sheet.rows):
                vals = [c.value if c else None for c in row] + [None] * 6
                f, label, col, amount, ok, note = vals[:6]
                if not f or str(f).strip().lower() == "förbund" or not label:
                    continue
                try:
                    key = _key(col)
                except ValueError:
                    raise ReadError(f"kolumnen '{col}' ska skrivas som t.ex. 'Budget 2026'",
                                    path, "Elimineringar", cell_ref(r, 2)) from None
                try:
                    a = parse_amount(amount)
                except NotAnAmount as exc:
                    raise ReadError(str(exc), path, "Elimineringar", cell_ref(r, 3)) from None
                if a is None:
                    raise ReadError("beloppet saknas", path, "Elimineringar", cell_ref(r, 3))
                confirmed = str(ok).strip().lower() in ("ja", "j", "x", "true", "1", "sant")
                elims.append(Elimination(str(f).strip(), str(label).strip(), key, int(a.value),
                                         confirmed, str(note or "")))
        return mapping, elims
    finally:
        wb.close()


__all__ = ["read_mapping", "category_code", "UNMAPPED"]
