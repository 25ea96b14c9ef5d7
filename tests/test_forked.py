"""Work shared with forked children: same results as doing it alone, failures fall back."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from xlplugin.errors import ReadError
from xlplugin.io import forked
from xlplugin.io.reader import read_budget, read_budgets

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "workbooks").glob("*.xlsx") if not p.name.startswith("demo"))

needs_fork = pytest.mark.skipif(not forked.available(), reason="fork only on Linux")


@pytest.fixture(autouse=True)
def two_cores(monkeypatch):
    monkeypatch.setenv("FINSAM_JOBS", "2")


@needs_fork
def test_a_child_returns_its_value():
    assert forked.start(lambda: {"intakter": 1_296_000}).result() == {"intakter": 1_296_000}


@needs_fork
@pytest.mark.parametrize("fn", [lambda: 1 / 0, lambda: os._exit(3), lambda: (lambda: None)])
def test_a_child_that_raises_dies_or_returns_what_cannot_be_pickled_gives_missing(fn):
    assert forked.start(fn).result() is forked.MISSING


def test_without_fork_nothing_runs(monkeypatch):
    monkeypatch.setenv("FINSAM_JOBS", "1")
    assert forked.start(lambda: 1).result() is forked.MISSING


@needs_fork
def test_the_work_queue_hands_each_index_out_once():
    queue = forked.WorkQueue(500)
    child = forked.start(lambda: list(queue))
    mine = list(queue)
    theirs = child.result()
    queue.close()
    assert sorted(mine + theirs) == list(range(500))


def test_the_work_queue_is_bounded():
    with pytest.raises(ValueError):
        forked.WorkQueue(forked.WorkQueue.QUEUE_MAX + 1)


def _files(tmp_path, n=12):
    """The seed workbooks repeated, plus one file that is not a workbook in the middle."""
    files = [str(SEEDS[k % len(SEEDS)]) for k in range(n)]
    bad = tmp_path / "inte_en_arbetsbok.xlsx"
    bad.write_text("Budget 2026")
    files.insert(n // 2, str(bad))
    return files


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_reading_in_parallel_gives_what_reading_one_by_one_gives(tmp_path, jobs):
    files = _files(tmp_path)
    got = read_budgets(files, jobs=jobs)
    assert len(got) == len(files)
    for path, result in zip(files, got):
        if path.endswith("inte_en_arbetsbok.xlsx"):
            assert isinstance(result, ReadError)
            assert result.path == path and "inte en Excel-arbetsbok" in str(result)
        else:
            assert dataclasses.astuple(result) == dataclasses.astuple(read_budget(path))


def test_progress_is_reported_for_every_file(tmp_path):
    files = _files(tmp_path)
    done = []
    read_budgets(files, jobs=2, advance=done.append)
    assert sum(done) == len(files)


def test_read_error_keeps_its_location_through_pickle():
    import pickle
    exc = pickle.loads(pickle.dumps(ReadError("text i beloppscell", "a.xlsx", "Budget", "C7")))
    assert (exc.path, exc.sheet, exc.cell) == ("a.xlsx", "Budget", "C7")
    assert str(exc) == "a.xlsx, blad 'Budget', cell C7: text i beloppscell"
