"""Reading many workbooks with a process pool: the same results as reading them one by
one, errors named, and a worker that dies or a platform without fork falls back."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

from xlplugin.errors import ReadError
from xlplugin.io import reader
from xlplugin.io.reader import read_budget, read_budgets

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "workbooks").glob("*.xlsx") if not p.name.startswith("demo"))

needs_fork = pytest.mark.skipif(reader._fork_context() is None, reason="fork only on Linux")


@pytest.fixture(autouse=True)
def two_cores(monkeypatch):
    monkeypatch.setenv("FINSAM_JOBS", "2")


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


def _die(paths, engine, sheet):
    os._exit(3)


def _broken(paths, engine, sheet):
    raise RuntimeError("fel i arbetaren")


@needs_fork
def test_a_worker_that_dies_leaves_its_files_to_this_process(tmp_path, monkeypatch):
    """The pool breaks (a worker killed); every file is still read, here."""
    files = _files(tmp_path)
    monkeypatch.setattr(reader, "_read_chunk", _die)
    got = read_budgets(files, jobs=2)
    assert [type(r).__name__ for r in got] == [
        "ReadError" if p.endswith("inte_en_arbetsbok.xlsx") else "Budget" for p in files]


@needs_fork
def test_a_workers_own_error_is_raised_here(tmp_path, monkeypatch):
    """Not swallowed: a bug in a worker surfaces as it would without workers."""
    monkeypatch.setattr(reader, "_read_chunk", _broken)
    with pytest.raises(RuntimeError, match="fel i arbetaren"):
        read_budgets(_files(tmp_path), jobs=2)


def test_without_fork_the_files_are_read_one_by_one(tmp_path, monkeypatch):
    """Windows, macOS and Pyodide (xlwings Lite): no pool is started at all."""
    monkeypatch.setattr(reader, "_fork_context", lambda: None)
    monkeypatch.setattr(reader, "_read_chunk", lambda *a: pytest.fail("a worker was used"))
    files = _files(tmp_path)
    got = read_budgets(files, jobs=4)
    assert sum(isinstance(r, ReadError) for r in got) == 1 and len(got) == len(files)


def test_pyodide_has_no_fork_context(monkeypatch):
    monkeypatch.setattr(sys, "platform", "emscripten")
    assert reader._fork_context() is None
