"""The board workbook agrees with `finsam check` on workbooks nobody here wrote.

For every seed workbook and every file of the independent evaluation corpus (hand-written,
held out, the seed transcriptions, and one generated file per layout trait), the board is
written for the latest budget year, recalculated in LibreOffice, and its defined names
Intakter_/Kostnader_/Resultat_/EK_UB_<år> are compared to the krona with the check's JSON
(`result_as_json`, what `finsam check --json` prints): the source's columns' totals and the
equity chain's closing equity. Comparing the board with the check, not with the board's own
model, is what catches a board that rolls equity with another figure than the check.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import openpyxl
import pytest

from conftest import WORKBOOKS
from test_board import board_names
from xlplugin.core.board import BoardError, board_plan
from xlplugin.core.check import check_budget, result_as_json
from xlplugin.core.model import BUDGET, PLAN
from xlplugin.errors import ReadError
from xlplugin.io.board_writer import BoardOptions, write_board
from xlplugin.io.libreoffice import convert, soffice
from xlplugin.io.reader import read_budget

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed here; "
                                "CI installs libreoffice-calc-nogui to recalculate the boards")


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_reading", ROOT / "scripts" / "eval_reading.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_reading", mod)
    spec.loader.exec_module(mod)
    return sys.modules["eval_reading"]


def _one_per_trait(files):
    """The fewest generated files that between them show every axis value."""
    seen, out = set(), []
    for xlsx, truth in files:
        traits = set(_eval_module().axes_of(truth).items())
        if traits - seen:
            out.append(xlsx)
            seen |= traits
    return out


def corpus() -> list[Path]:
    ev = _eval_module()
    out = sorted(WORKBOOKS.glob("[knv]*.xlsx"))
    out += _one_per_trait(ev.corpus_files("generated", 320, 2026))
    for name in ("handwritten", "holdout", "seeds"):
        out += [x for x, truth in ev.corpus_files(name, 320, 2026) if not truth.get("ambiguous")]
    return out


def board_year(budget) -> int | None:
    years = [c.year for c in budget.columns if c.kind == BUDGET]
    if years:
        return max(years)
    plans = [c.year for c in budget.columns if c.kind == PLAN]
    return min(plans) if plans else None


@pytest.fixture(scope="module")
def boards(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus_boards")
    written, skipped = [], []
    for k, xlsx in enumerate(corpus()):
        try:
            budget = read_budget(str(xlsx))
        except ReadError as exc:
            skipped.append((xlsx.name, str(exc)))
            continue
        result = check_budget(budget)
        year = board_year(budget)
        try:
            plan = board_plan(budget, year)
        except (BoardError, TypeError) as exc:
            skipped.append((xlsx.name, str(exc)))
            continue
        path = d / f"b{k:03d}.xlsx"
        write_board(plan, result.discrepancies, path, BoardOptions(source_name=xlsx.name))
        written.append((xlsx, plan, result_as_json(result), path))
    out_dir = d / "recalc"
    out_dir.mkdir()
    recalculated = convert([p for *_, p in written], "xlsx", out_dir)
    return [(xlsx, plan, checked, openpyxl.load_workbook(r, data_only=True))
            for (xlsx, plan, checked, _), r in zip(written, recalculated)], skipped


def test_almost_every_corpus_file_gets_a_board(boards):
    made, skipped = boards
    assert len(made) >= 60
    assert len(skipped) <= 3, skipped


def test_board_names_equal_the_check_json_on_the_corpus(boards):
    made, _ = boards
    wrong, compared, equity_compared = [], 0, 0
    for xlsx, plan, checked, wb in made:
        names = board_names(wb)
        by_source = {c.source: c for c in plan.columns if c.source and c.kind in (BUDGET, PLAN)}
        for header, t in checked["totals"].items():
            col = by_source.get(header)
            if col is None:
                continue
            for name, key in (("Intakter", "intakter"), ("Kostnader", "kostnader"), ("Resultat", "resultat")):
                compared += 1
                if names.get(f"{name}_{col.year}") != t[key]:
                    wrong.append((xlsx.name, f"{name}_{col.year}", names.get(f"{name}_{col.year}"), t[key]))
        for e in checked["equity"]:
            name = f"EK_UB_{e['year']}"
            if name in names and e["ub"] is not None:
                equity_compared += 1
                if names[name] != e["ub"]:
                    wrong.append((xlsx.name, name, names[name], e["ub"], e["sources"]))
    assert not wrong, wrong[:10]
    assert compared >= 300
    assert equity_compared >= 60
