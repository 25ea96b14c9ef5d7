"""Notes are records (code, arguments); the Swedish wording is one table in core/notes.py."""

from __future__ import annotations

import re
from pathlib import Path

from xlplugin.core.notes import TEXTS, Note

SRC = Path(__file__).resolve().parent.parent / "xlplugin"


def test_every_code_the_reader_uses_has_a_wording():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r'Note\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    reading = (SRC / "inference" / "reading.py").read_text(encoding="utf-8")
    used |= set(re.findall(r'inf\.reasons\.append\(\("([a-z_]+)"', reading))
    assert used and used <= set(TEXTS), used - set(TEXTS)


def test_wording_at_the_edge():
    assert str(Note("hidden_rows", ((12, 14),))) == "Dolda rader ingår i beräkningen: 12, 14."
    assert str(Note("tkr_by_size", (16_130,))).startswith(
        "Ingen enhet anges och beloppen är för små för kronor (största 16 130): de läses som tkr.")
    assert str(Note("row_without_label", (7,), sheet="Plan 2026")) == "Plan 2026: Rad 7 har belopp men ingen text."
    assert str(Note("statistics_rows", (((30, "Andel individinsatser"),),))) == (
        "Rader med andelar eller antal är inga belopp och räknas inte med: rad 30 ('Andel individinsatser').")
