"""The same budget in many layouts must read to the same numbers.

tests/variants.py writes one canonical budget (and random ones) in kr and tkr, in the
three sign conventions, with prefix / indent / bold / heading+"Summa" hierarchy, with
typed or formula subtotals, with and without title rows, blank rows, a notes column,
numbers stored as text and a leading blank column. Every layout is read with both
engines and must give identical line values (revenue positive, costs negative),
column totals, no discrepancies, and the unit and sign convention as written.
"""

from __future__ import annotations

import itertools
import os
import random
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from variants import (COST, HIERARCHIES, RESULT_LABELS, REVENUE, SIGNS, SUBTOTALS,  # noqa: E402
                      UNITS, canonical_spec, expected, normalise_label, random_spec,
                      summa_label, variant_name, write_variant)

from xlplugin.core.check import check_budget  # noqa: E402
from xlplugin.core.model import (ALL_POSITIVE, COSTS_NEGATIVE, REVENUE_NEGATIVE,  # noqa: E402
                                 SECTION, TOTAL)
from xlplugin.core.totals import check_totals, column_totals  # noqa: E402
from xlplugin.io.reader import read_budget  # noqa: E402

ENGINES = ("xlsx", "openpyxl")
SPEC = canonical_spec()
WANT = expected(SPEC)

_FLAGS = ("title_rows", "blank_rows", "notes_column", "text_numbers", "leading_blank_column")
GRID = [
    dict(unit=u, sign=s, hierarchy=h, subtotals=st, **dict(zip(_FLAGS, flags)))
    for u, s, h, st, flags in itertools.product(
        UNITS, SIGNS, HIERARCHIES, SUBTOTALS, itertools.product((True, False), repeat=len(_FLAGS)))
]


def _id(opts: dict) -> str:
    return variant_name(**opts)


# --- writing once, reading once per engine -------------------------------------------------

@pytest.fixture(scope="session")
def variant_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("variants")


_written: dict = {}
_read: dict = {}


def written(variant_dir, spec=SPEC, spec_key="canonical", **opts):
    key = (spec_key, tuple(sorted(opts.items())))
    if key not in _written:
        path = variant_dir / f"{spec_key}-{variant_name(**opts)}.xlsx"
        _written[key] = write_variant(path, spec, **opts)
    return _written[key]


def read(layout, engine):
    key = (layout.path, engine)
    if key not in _read:
        _read[key] = read_budget(layout.path, engine=engine)
    return _read[key]


# --- comparing -----------------------------------------------------------------------------

def by_label(budget):
    """Reader lines by spec label (prefixes and account numbers stripped)."""
    out = {}
    for ln in budget.lines:
        key = normalise_label(ln.label)
        assert key not in out, f"two lines read as {key!r}: rows {out[key].row} and {ln.row}"
        out[key] = ln
    return out


def values_by_spec_column(line, layout):
    return {h: line.values.get(layout.headers[h]) for h in layout.headers}


def assert_reads_as_spec(budget, layout, spec, want):
    """Every line value, every total line, column totals, no discrepancies, unit, sign."""
    opts = layout.options
    assert budget.unit == opts["unit"]
    assert budget.sign_convention == opts["sign"]
    assert [c.header for c in budget.columns] == [layout.headers[h] for h in spec.columns]
    lines = by_label(budget)
    summa = opts["hierarchy"] == "summa"
    known = set()
    for ln in spec.lines:
        assert ln.label in lines, f"line {ln.label!r} not read"
        got = lines[ln.label]
        known.add(ln.label)
        if summa and spec.is_category(ln.label):
            assert not got.has_amounts, f"heading {ln.label!r} read with amounts {dict(got.values)}"
            sl = summa_label(ln.label)
            known.add(sl)
            assert sl in lines, f"{sl!r} not read"
            got = lines[sl]
        assert values_by_spec_column(got, layout) == want.values[ln.label], \
            f"{ln.label!r} (row {got.row})"
    result_label = normalise_label(RESULT_LABELS[opts["sign"]])
    for label, key in (("SUMMA INTÄKTER", "intakter"), ("SUMMA KOSTNADER", "kostnader"),
                       (result_label, "resultat")):
        assert label in lines, f"{label!r} not read"
        known.add(label)
        got = values_by_spec_column(lines[label], layout)
        assert got == {h: want.totals[h][key] for h in spec.columns}, label
        assert lines[label].role == TOTAL, label
    extra = [ln.label for ln in budget.lines if ln.has_amounts
             and normalise_label(ln.label) not in known]
    assert not extra, f"lines read that are not in the budget: {extra}"
    totals = column_totals(budget)
    got_totals = {h: {"intakter": totals[layout.headers[h]].intakter,
                      "kostnader": totals[layout.headers[h]].kostnader,
                      "resultat": totals[layout.headers[h]].resultat} for h in spec.columns}
    assert got_totals == want.totals
    assert check_totals(budget) == []
    assert check_budget(budget).discrepancies == []


def assert_structure(budget, layout, spec, want):
    """Kinds (revenue/cost) and parents as in the spec."""
    lines = by_label(budget)
    index = {ln.index: ln for ln in budget.lines}
    summa = layout.options["hierarchy"] == "summa"
    for ln in spec.lines:
        got = lines[ln.label]
        if not (summa and spec.is_category(ln.label)):
            assert got.kind == want.kinds[ln.label], f"{ln.label!r}: kind {got.kind}"
        parent = index[got.parent] if got.parent is not None else None
        if ln.parent is not None:
            assert parent is not None and normalise_label(parent.label) == ln.parent, \
                f"{ln.label!r}: parent {parent.label if parent else None!r}, want {ln.parent!r}"
        else:
            assert parent is None or (parent.role == SECTION
                                      and parent.label in ("Intäkter", "Kostnader")), \
                f"{ln.label!r}: parent {parent.label!r}, want none"
        if summa and spec.is_category(ln.label):
            sl = lines[summa_label(ln.label)]
            assert sl.kind == want.kinds[ln.label]


# --- the layout grid -----------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("opts", GRID, ids=_id)
def test_variant_reads_to_canonical_numbers(variant_dir, opts, engine):
    """The full cartesian product of the layout options (1 536 layouts)."""
    layout = written(variant_dir, **opts)
    budget = read(layout, engine)
    assert_reads_as_spec(budget, layout, SPEC, WANT)
    assert_structure(budget, layout, SPEC, WANT)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("opts", GRID[::37], ids=_id)
def test_engines_agree(variant_dir, opts, engine):
    """Both engines give the very same lines (labels, rows, roles, kinds, parents, values)."""
    layout = written(variant_dir, **opts)
    other = "openpyxl" if engine == "xlsx" else "xlsx"
    a, b = read(layout, engine), read(layout, other)

    def key(budget):
        return [(ln.row, ln.label, ln.role, ln.kind, ln.parent, ln.total_type, ln.members,
                 dict(ln.values), dict(ln.cells)) for ln in budget.lines]

    assert key(a) == key(b)


# --- where the unit is stated, bold top-level rows ------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("unit_place", ["title", "header", "label_cell"])
@pytest.mark.parametrize("sign", SIGNS)
@pytest.mark.parametrize("subtotals", SUBTOTALS)
@pytest.mark.parametrize("text_numbers", [False, True])
def test_tkr_stated_anywhere(variant_dir, engine, unit_place, sign, subtotals, text_numbers):
    layout = written(variant_dir, unit="tkr", unit_place=unit_place, sign=sign,
                     subtotals=subtotals, text_numbers=text_numbers,
                     title_rows=unit_place == "title")
    budget = read(layout, engine)
    assert_reads_as_spec(budget, layout, SPEC, WANT)
    assert_structure(budget, layout, SPEC, WANT)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("hierarchy", ["prefix", "indent"])
@pytest.mark.parametrize("sign", SIGNS)
@pytest.mark.parametrize("subtotals", SUBTOTALS)
def test_bold_top_rows_with_prefix_or_indent(variant_dir, engine, hierarchy, sign, subtotals):
    """Top-level rows bold as well as a prefix/indent on the breakdown (as in the 2020 seed)."""
    layout = written(variant_dir, hierarchy=hierarchy, sign=sign, subtotals=subtotals,
                     bold_top=True)
    budget = read(layout, engine)
    assert_reads_as_spec(budget, layout, SPEC, WANT)
    assert_structure(budget, layout, SPEC, WANT)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("hierarchy", HIERARCHIES)
def test_accounting_breakdown_without_account_numbers(variant_dir, engine, hierarchy):
    """revenue_negative with account numbers only on the category rows (Kramfors style)."""
    layout = written(variant_dir, sign="revenue_negative", hierarchy=hierarchy,
                     child_accounts=False)
    budget = read(layout, engine)
    assert_reads_as_spec(budget, layout, SPEC, WANT)
    assert_structure(budget, layout, SPEC, WANT)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sign", SIGNS)
@pytest.mark.parametrize("unit", UNITS)
def test_prefix_before_account_number(variant_dir, engine, sign, unit):
    """Breakdown rows written "- 3011 Försäkringskassan" under "3010 Medel från huvudmännen"."""
    layout = written(variant_dir, sign=sign, unit=unit, hierarchy="prefix", accounts=True,
                     child_accounts=True)
    assert layout.written_labels["Försäkringskassan"] == "- 3011 Försäkringskassan"
    budget = read(layout, engine)
    assert_reads_as_spec(budget, layout, SPEC, WANT)
    assert_structure(budget, layout, SPEC, WANT)


# --- a wrong typed subtotal ----------------------------------------------------------------

ERROR_TARGETS = ["Medel från huvudmännen", "Individinriktade insatser", "SUMMA INTÄKTER",
                 "SUMMA KOSTNADER", "RESULTAT"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("target", ERROR_TARGETS)
@pytest.mark.parametrize("sign", SIGNS)
@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("hierarchy", HIERARCHIES)
@pytest.mark.parametrize("text_numbers", [False, True])
def test_wrong_subtotal_found(tmp_path, engine, target, sign, unit, hierarchy, text_numbers):
    column = "Plan 2026"
    path = tmp_path / "wrong.xlsx"
    layout = write_variant(path, SPEC, unit=unit, sign=sign, hierarchy=hierarchy,
                           text_numbers=text_numbers, errors={target: {column: 100}})
    budget = read_budget(path, engine=engine)
    found = check_totals(budget)
    if target == "RESULTAT":
        where = RESULT_LABELS[sign]
    elif hierarchy == "summa" and SPEC.is_category(target):
        where = summa_label(target)
    else:
        where = target
    assert len(found) == 1, [(d.cell, d.label, d.difference) for d in found]
    d = found[0]
    assert d.cell == layout.cell(where, column)
    assert normalise_label(d.label) == normalise_label(layout.written_labels.get(where, where))
    assert d.column == layout.headers[column]
    assert d.difference == 100
    assert d.stated - d.computed == 100
    assert not d.consequential
    assert check_budget(budget).discrepancies == found
    # everything else still reads as written
    lines = by_label(budget)
    for h in SPEC.columns:
        if h == column:
            continue
        for ln in SPEC.lines:
            got = lines[summa_label(ln.label)] if hierarchy == "summa" and SPEC.is_category(
                ln.label) else lines[ln.label]
            assert got.values[layout.headers[h]] == WANT.values[ln.label][h]


# --- random budgets of realistic and large size --------------------------------------------

def _random_case(seed: int):
    rng = random.Random(seed)
    spec = random_spec(rng, rng.randint(3, 10), n_columns=rng.choice([3, 4]))
    opts = dict(unit=rng.choice(UNITS), sign=rng.choice(SIGNS),
                hierarchy=rng.choice(HIERARCHIES), subtotals=rng.choice(SUBTOTALS),
                **{f: rng.random() < 0.5 for f in _FLAGS})
    return spec, opts


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", range(40))
def test_random_budget_random_layout(variant_dir, engine, seed):
    spec, opts = _random_case(seed)
    layout = written(variant_dir, spec=spec, spec_key=f"random{seed}", **opts)
    budget = read(layout, engine)
    want = expected(spec)
    assert_reads_as_spec(budget, layout, spec, want)
    assert_structure(budget, layout, spec, want)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("opts", [
    dict(unit="kr", sign="costs_negative", hierarchy="prefix", subtotals="formula"),
    dict(unit="tkr", sign="all_positive", hierarchy="indent", subtotals="typed", blank_rows=True),
    dict(unit="kr", sign="revenue_negative", hierarchy="bold", subtotals="formula",
         notes_column=True, text_numbers=True),
    dict(unit="tkr", sign="costs_negative", hierarchy="summa", subtotals="formula",
         leading_blank_column=True),
], ids=_id)
def test_large_budget(variant_dir, engine, opts):
    """About 1 000 lines: 150 cost categories of 3–9 lines.

    The heading + "Summa …" layout gets 50 categories (about 350 lines): the reader's
    search for the members of each "Summa" row grows roughly with the cube of the
    number of "Summa" rows (0.3 s at 50, 2.2 s at 100, 7.4 s at 150 categories)."""
    n = 50 if opts["hierarchy"] == "summa" else 150
    spec = random_spec(random.Random(2025), n, children=(3, 9), n_columns=4)
    assert len(spec.lines) > 6 * n
    layout = written(variant_dir, spec=spec, spec_key=f"large{n}", **opts)
    budget = read(layout, engine)
    want = expected(spec)
    assert_reads_as_spec(budget, layout, spec, want)
    assert_structure(budget, layout, spec, want)


# --- the helpers themselves ----------------------------------------------------------------

def test_canonical_spec_is_consistent():
    assert WANT.totals["Budget 2025"] == {"intakter": 6_226_000, "kostnader": -5_991_300,
                                          "resultat": 234_700}
    assert WANT.totals["Plan 2026"]["resultat"] == -128_000     # a deficit
    assert WANT.values["Region Västmanland"]["Budget 2025"] == 1_550_500   # 1550,5 tkr
    assert {ln.kind for ln in SPEC.lines} == {REVENUE, COST}
    assert all(v is None or v % 100 == 0 for ln in SPEC.lines for v in ln.amounts.values())


def test_random_spec_is_deterministic_and_consistent():
    a = random_spec(random.Random(7), 6)
    b = random_spec(random.Random(7), 6)
    assert a == b
    for ln in a.lines:
        kids = a.children(ln.label)
        if kids:
            for h in a.columns:
                vals = [k.amounts[h] for k in kids if k.amounts[h] is not None]
                assert ln.amounts[h] == (sum(vals) if vals else None)
    assert set(SIGNS) == {COSTS_NEGATIVE, ALL_POSITIVE, REVENUE_NEGATIVE}


@pytest.mark.parametrize("engine", ENGINES)
def test_header_split_over_two_rows(tmp_path, engine):
    """'Budget | Budget | Plan' above '2025 | 2026 | 2027', with "Plan" merged over two years."""
    import openpyxl
    from xlplugin.core.totals import column_totals
    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["Samordningsförbundet Test"], [None, "Budget", "Plan", None], [None, 2025, 2026, 2027],
                ["Medel från huvudmännen", 1000, 1000, 1000], ["Styrelse", -100, -110, -120],
                ["RESULTAT", 900, 890, 880]]:
        ws.append(row)
    ws.merge_cells("C2:D2")
    path = tmp_path / "tva_rader.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    assert [(c.header, c.kind, c.year) for c in b.columns] == [
        ("Budget 2025", "budget", 2025), ("Plan 2026", "plan", 2026), ("Plan 2027", "plan", 2027)]
    assert column_totals(b)["Plan 2027"].resultat == 880


@pytest.mark.parametrize("engine", ENGINES)
def test_hierarchy_by_column(tmp_path, engine):
    """Categories in column A, their breakdown rows in column B (A left empty)."""
    import openpyxl
    from xlplugin.core.totals import check_totals, column_totals
    from xlplugin.io.reader import read_budget
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["Samordningsförbundet Test"], [None, None, "Budget 2025"],
                ["Medel från huvudmännen", None, 7_046_000],
                ["Styrelse", None, -457_700],
                ["Samordningsteam", None, -3_000_000],
                [None, "Team Fagersta", -1_500_000],
                [None, "Team Sala", -1_500_000],
                ["Utvärdering", None, -50_000],
                ["SUMMA KOSTNADER", None, -3_507_700],
                ["RESULTAT", None, 3_538_300]]:
        ws.append(row)
    path = tmp_path / "kolumner.xlsx"
    wb.save(path)
    b = read_budget(path, engine=engine)
    by_label = {ln.label: ln for ln in b.lines}
    assert b.lines[by_label["Team Sala"].parent].label == "Samordningsteam"
    assert by_label["Utvärdering"].parent is None
    t = column_totals(b)["Budget 2025"]
    assert (t.intakter, t.kostnader, t.resultat) == (7_046_000, -3_507_700, 3_538_300)
    assert check_totals(b) == []


@pytest.mark.skipif(__import__("xlplugin.io.libreoffice", fromlist=["soffice"]).soffice() is None,
                    reason="LibreOffice saves the workbook with cached formula values; CI installs it")
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("opts", [
    dict(unit="kr", sign="costs_negative", hierarchy="bold", subtotals="formula"),
    dict(unit="tkr", sign="revenue_negative", hierarchy="indent", subtotals="formula", notes_column=True),
])
def test_formulas_saved_by_a_spreadsheet_program(variant_dir, tmp_path, engine, opts):
    """A workbook saved by a spreadsheet program keeps formulas *and* their results;
    the reader takes the stored results and reads the same numbers."""
    import openpyxl
    from xlplugin.io.libreoffice import convert
    layout = written(variant_dir, spec_key="saved", **opts)
    out = tmp_path / "saved"
    out.mkdir()
    [saved] = convert([layout.path], "xlsx", out)
    cells = [c for row in openpyxl.load_workbook(saved, data_only=False).active.iter_rows() for c in row]
    assert any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)
    cached = [c for row in openpyxl.load_workbook(saved, data_only=True).active.iter_rows() for c in row]
    assert all(not (isinstance(c.value, str) and c.value.startswith("=")) for c in cached)
    import dataclasses
    layout_saved = dataclasses.replace(layout, path=str(saved))
    budget = read_budget(saved, engine=engine)
    assert_reads_as_spec(budget, layout_saved, SPEC, WANT)
