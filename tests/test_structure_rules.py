"""Each rule of the reading on its own, on tiny inline tables (no workbook).

A table is a text grid: "label | amount | amount"; a leading "*" makes the row bold,
each ">" indents it one step. Rows are numbered from 1 in the order written."""

from __future__ import annotations

from types import SimpleNamespace

from xlplugin.core.model import COST, ITEM, REVENUE, SECTION, SUBTOTAL, TOTAL
from xlplugin.inference.features import build_rows
from xlplugin.inference.structure import format_structure, sums_structure

PREFIX_RE = __import__("re").compile(r"^\s*[-–]\s*")


def rows_of(text: str):
    entries = []
    for n, line in enumerate(text.strip("\n").splitlines(), start=1):
        parts = [p.strip() for p in line.split("|")]
        label = parts[0]
        bold = label.startswith("*")
        label = label.lstrip("*")
        indent = len(label) - len(label.lstrip(">"))
        label = label.lstrip(">").strip()
        raw = {f"K{c}": (int(p.replace(" ", "")) if p else None) for c, p in enumerate(parts[1:], start=1)}
        entries.append(SimpleNamespace(row=n, label=label, raw=raw, cells={}, bold=bold,
                                       indent=indent, prefix=bool(PREFIX_RE.match(label))))
    headers = sorted({h for e in entries for h in e.raw})
    for e in entries:
        for h in headers:
            e.raw.setdefault(h, None)
    return build_rows(entries, headers)


def labels(rows, idx):
    return [rows[i].label for i in idx]


# --- the formatting candidate -----------------------------------------------------------

def test_rows_without_amounts_are_headings_but_an_empty_account_row_is_a_line():
    rows = rows_of("""
Intäkter |
Medlemsavgifter | 100
4010 Arvoden |
Styrelse | -60
""")
    st = format_structure(rows)
    assert st.role == (SECTION, ITEM, ITEM, ITEM)


def test_dashes_nest_under_the_row_above_and_double_dashes_deeper():
    rows = rows_of("""
Insatser | -300
- Team A | -200
-- Coach | -50
-- Handledning | -150
- Team B | -100
""")
    st = format_structure(rows)
    assert st.parent == (None, 0, 1, 1, 0)


def test_plain_rows_under_a_bold_row_are_its_breakdown():
    rows = rows_of("""
*Administration | -300
Styrelse | -100
Kansli | -200
*Insatser | -500
Team | -500
""")
    assert format_structure(rows).parent == (None, 0, 0, None, 3)


def test_outline_numbers_decide_the_parent():
    rows = rows_of("""
2 Kostnader | -300
2.1 Styrelse | -100
2.2 Insatser | -200
2.2.1 Team | -200
""")
    assert format_structure(rows).parent == (None, 0, 0, 2)


def test_a_summa_row_sums_the_block_above_back_to_the_heading():
    rows = rows_of("""
Intäkter |
Medlemsavgifter | 100
Kostnader |
Styrelse | -40
Kansli | -50
Summa kostnader i blocket | -90
""")
    st = format_structure(rows)
    assert st.role[5] == TOTAL and st.total_type[5] == SUBTOTAL
    assert labels(rows, st.members[5]) == ["Styrelse", "Kansli"]


def test_a_summa_of_summa_rows_and_a_summa_standing_alone():
    rows = rows_of("""
Kostnader |
Styrelse | -40
Summa styrelse | -40
Kansli | -50
Summa kansli | -50
Summa administration | -90
Övrigt |
Summa övrigt | -10
""")
    st = format_structure(rows)
    assert labels(rows, st.members[5]) == ["Summa styrelse", "Summa kansli"]
    assert st.members[7] == ()       # nothing between it and its heading: its own figure


def test_the_headings_give_the_kinds_their_rows_do_not_name():
    rows = rows_of("""
Övriga intäkter |
Projektmedel | 100
Kostnader |
Projektledning | -100
""")
    assert format_structure(rows).kinds_hint == (REVENUE, REVENUE, COST, COST)


# --- the numbers --------------------------------------------------------------------------

def test_a_row_equal_to_the_rows_after_it_is_their_category_nested_by_the_numbers():
    # Struktur -1 564 = Utbildning (-180 - 445) + the two after it; the same "- " everywhere
    rows = rows_of("""
*Struktur | -1564 | -1664
*Utbildning | -625 | -725
- Grund | -180 | -180
- Vidare | -445 | -545
- Process | -300 | -300
- Nätverk | -639 | -639
""")
    st = sums_structure(rows)
    assert st.parent == (None, 0, 1, 1, 0, 0)


def test_a_row_equal_to_the_rows_before_it_is_their_total_named_like_a_heading():
    rows = rows_of("""
Försäkringskassan | 3600 | 3600
Regionen | 1800 | 1800
Kommunerna | 1800 | 1800
Intäkter | 7200 | 7200
Styrelse | 490 | 500
Kansli | 1000 | 990
Administration | 1490 | 1490
""")
    st = sums_structure(rows)
    assert st.role[3] == TOTAL and labels(rows, st.members[3]) == ["Försäkringskassan", "Regionen", "Kommunerna"]
    assert st.role[6] == TOTAL and labels(rows, st.members[6]) == ["Styrelse", "Kansli"]


def test_a_summa_over_part_of_its_block_leaves_the_last_row_standing():
    # Summa 2 769 = 1 511 + 1 258 in both columns; Utbildning counts on its own
    rows = rows_of("""
Strukturinsatser |
Utvärdering | 1464 | 1511
Nätverk | 1239 | 1258
Utbildning | 1033 | 1045
Summa strukturinsatser | 2703 | 2769
""")
    st = sums_structure(rows)
    assert labels(rows, st.members[4]) == ["Utvärdering", "Nätverk"]


def test_member_contributions_are_not_each_others_breakdown():
    # the state's half equals the region's and the municipalities' quarters together
    rows = rows_of("""
Försäkringskassan | 1310 | 1310
Region | 655 | 655
Kommunerna | 655 | 655
Styrelse | -2620 | -2620
""")
    assert sums_structure(rows).parent == (None, None, None, None)


def test_values_only_a_wrong_total_below_its_rows_is_found_not_counted_twice():
    """No formatting: "Administration" under Styrelse and Kansli is their total, wrong in
    2026 (1 500 against 490 + 1 000 = 1 490). Read as a line it would be counted on top of
    them; as their total, the grand totals add up and the 10 000 kr is the one finding."""
    from xlplugin.core.check import check_budget
    from xlplugin.core.totals import column_totals
    from xlplugin.io.ranges import budget_from_ranges
    table = [("Försäkringskassan", 3600, 3600), ("Regionen", 1800, 1800), ("Kommunerna", 1800, 1800),
             ("Intäkter", 7200, 7200), ("Styrelse", -500, -490), ("Kansli", -990, -1000),
             ("Administration", -1490, -1500), ("Samordningsteam", -5000, -5000),
             ("Summa kostnader", -6490, -6490), ("Resultat", 710, 710)]
    b = budget_from_ranges([[t[0]] for t in table], [[t[1] * 1000, t[2] * 1000] for t in table],
                           [["Budget 2025", "Plan 2026"]], unit="kr")
    assert {h: (t.intakter, t.kostnader) for h, t in column_totals(b).items()} == {
        "Budget 2025": (7_200_000, -6_490_000), "Plan 2026": (7_200_000, -6_490_000)}
    assert [(d.label, d.column, d.difference) for d in check_budget(b).discrepancies] == [
        ("Administration", "Plan 2026", -10_000)]
