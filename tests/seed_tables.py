"""The seeds' budget tables parsed straight from the seed text files.

Independent of scripts/make_seed_workbooks.py: the tests compare what the reader gets
from the example workbooks with the numbers in the seed documents themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

from xlplugin.io.cells import parse_amount

SEEDS = Path(__file__).resolve().parent / "seeds"  # copies of ../shared/seeds
_TAGS = re.compile(r"</?[bui]>")


def _rows(text: str, start: str, end: str) -> list[tuple[str, list[int | None]]]:
    lines = text.splitlines()
    i = next(k for k, ln in enumerate(lines) if ln.startswith(start))
    out = []
    for ln in lines[i + 1:]:
        if not ln.strip():
            continue
        fields = [_TAGS.sub("", f).strip() for f in ln.split("\t")]
        label, cells = fields[0], fields[1:]
        values = []
        for c in cells:
            a = parse_amount(c) if c else None
            values.append(None if a is None else int(a.value))
        out.append((label, values))
        if ln.startswith(end):
            break
    return out


def seed_rows(name: str) -> list[tuple[str, list[int | None]]]:
    """(label, raw amounts as printed) for each table row of a seed."""
    if name == "001":
        text = (SEEDS / "001_48843ac33ec85e17.txt").read_text(encoding="utf-8")
        return _rows(text, "\t<b>Budget 2019</b>", "<b>RESULTAT")
    if name == "000":
        text = (SEEDS / "000_7f2ee3903b0ff2ea.txt").read_text(encoding="utf-8")
        return _rows(text, "\tBudget 2020\tBudget 2021", "RESULTAT\t")
    if name == "002":
        text = (SEEDS / "002_a3048755c5bf4d8a.txt").read_text(encoding="utf-8")
        return _rows(text, "\tBudget 2024\tBudget 2025", "RESULTAT\t")
    if name == "004":
        text = (SEEDS / "004_6318074337fea180.txt").read_text(encoding="utf-8")
        return _rows(text, "\t<u>Budget 2020</u>", "8900 Årets resultat")
    raise KeyError(name)
