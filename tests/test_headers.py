"""Year headings as people write them: which column is which (kind, year, unit)."""

import pytest

from xlplugin.io.layout import parse_header


@pytest.mark.parametrize("text, expected", [
    ("Budget 2025", ("budget", 2025, None)),
    ("BUDGET 2025", ("budget", 2025, None)),
    ("Budget\n2025", ("budget", 2025, None)),
    ("Plan 2027*", ("plan", 2027, None)),
    ("Flerårsplan 2027", ("plan", 2027, None)),
    ("Prognos 2024 (aug)", ("prognos", 2024, None)),
    ("Prognos helår 2024", ("prognos", 2024, None)),
    ("Helårsprognos 2024", ("prognos", 2024, None)),
    ("Bokslut 2023", ("utfall", 2023, None)),
    ("Utfall 2023", ("utfall", 2023, None)),
    ("Årsbudget 2025", ("budget", 2025, None)),
    ("Budget år 2025", ("budget", 2025, None)),
    ("Reviderad budget 2024", ("budget", 2024, None)),
    ("Budgetförslag 2026", ("budget", 2026, None)),
    ("Budget 2026 förslag", ("budget", 2026, None)),
    ("Budget 2025 beslutad", ("budget", 2025, None)),
    ("Budget 2025 rev.", ("budget", 2025, None)),
    ("Plan 2026 (beslutad 2024-11-20)", ("plan", 2026, None)),
    ("Budget 2022 tkr", ("budget", 2022, "tkr")),
    ("Budget 2025 (tkr)", ("budget", 2025, "tkr")),
    ("Budget 2025, tkr", ("budget", 2025, "tkr")),
    ("Budget 2025 tkr beslutad", ("budget", 2025, "tkr")),
    ("Budget 2025 (kr)", ("budget", 2025, "kr")),
    ("2025", (None, 2025, None)),
    (2025, (None, 2025, None)),
])
def test_a_heading_gives_kind_year_and_unit(text, expected):
    h = parse_header(text)
    assert (h.kind, h.year, h.unit) == expected


@pytest.mark.parametrize("text", [
    "Budget 25",                 # a two-digit year is no year
    "Förändring 2025",           # not a kind of column we read
    "Andel 2025 %",
    "Budget 2025 krona",
    "Budget 2025 revision",      # a word, not the status "rev."
    "Budget 2025/2026",
    "Kommentar",
    True,
    3_350_000,
])
def test_other_text_is_no_heading(text):
    assert parse_header(text) is None
