"""Benchmark: per-call cost of the Excel functions through xlwings' Office.js machinery.

Runs `xlwings.server.custom_functions_call` with request bodies shaped like Excel's,
side by side with a trivial one-line function through the same machinery, in the same
process. Reports median and p90 per call (ms) and a 1 000-call batch; "median vs trivial" is
the median over five rounds of (the case's median / the trivial call's median in the
same round). Not a test.

"New values" is Excel recalculating a budget range after an edit: the budget is built
again from the new amounts, and the reading known for the table's shape is re-verified
against them (xlplugin.inference.reading.EstablishedReadings). "Never seen" forgets the
known readings too: the full search, as for a table pasted in for the first time.

    python scripts/bench_excel.py [--calls 1000] [--markdown]

Inside Pyodide (xlwings Lite's runtime), with the installed wheel, after
`bash scripts/test-pyodide.sh` has set it up:

    node pyodide/run.mjs oldest build/pyodide/wheels script scripts/bench_excel.py --markdown
    node pyodide/run.mjs newest build/pyodide/wheels script scripts/bench_excel.py --markdown

Calls are run as xlwings Lite's host runs them: one step of the coroutine, no event loop
(custom_functions_call never waits), in every runtime alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import types
from pathlib import Path

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
if not os.environ.get("XLPLUGIN_INSTALLED"):      # in Pyodide: the installed wheel
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import xlwings as xw  # noqa: E402
import xlwings.server as server  # noqa: E402
from xlwings import func  # noqa: E402

from xlplugin.excel import functions as F  # noqa: E402


@func
def trivial(x):
    """A one-line function for the baseline."""
    return x


@func
def trivial6(a, b=None, c=None, d=None, e=None, f=None):
    """A one-line function with six arguments, as many as FINSAM_PLANAR."""
    return a


@func
def trivial_ranges(a, b, c=None, d=None, e=None):
    """A one-line function taking the same five arguments as FINSAM_SUMMA."""
    return 1


ASYNCIO_RUN = False

BASELINE = types.ModuleType("baseline")
BASELINE.trivial_ranges = trivial_ranges
BASELINE.trivial = trivial
BASELINE.trivial6 = trivial6


def body(name, args):
    return {"client": "Office.js", "func_name": name, "args": args,
            "caller_address": "[Bok1.xlsx]Blad1!H5", "culture_info_name": "sv-SE",
            "date_format": "yyyy-MM-dd", "version": xw.__version__, "runtime": "1.4"}


def labels_60():
    out = [["Medel från huvudmännen"], ["Styrelse"], ["Gemensam administration"]]
    for k in range(10):
        out.append([f"Insats {k}"])
        out += [[f"- Delinsats {k}.{j}"] for j in range(4)]
    out += [["Ofördelade medel"]] * 4
    out += [["SUMMA KOSTNADER"], ["SUMMA INTÄKTER"], ["RESULTAT"]]
    return out[:60]


def amounts_60(labels):
    rows, total_cost = [], 0
    for (label,) in labels:
        if label.startswith("Insats"):
            rows.append([-400_000.0]); continue
        if label.startswith("- Delinsats"):
            rows.append([-100_000.0]); total_cost += 100_000; continue
        if label == "Medel från huvudmännen":
            rows.append([20_000_000.0]); continue
        if label in ("Styrelse", "Gemensam administration", "Ofördelade medel"):
            rows.append([-50_000.0]); total_cost += 50_000; continue
        rows.append([None])
    rows[-3] = [-float(total_cost)]
    rows[-2] = [20_000_000.0]
    rows[-1] = [20_000_000.0 - total_cost]
    return rows


def _no_cache(cold=False):
    """Forget the budgets built (new values); `cold` also forgets the readings
    established for table shapes (a table never seen, new labels as well)."""
    from xlplugin.io import ranges
    ranges._cached_budget.cache_clear()
    if cold:
        from xlplugin.inference.reading import EstablishedReadings
        ranges.ESTABLISHED_READINGS = EstablishedReadings()


def timed(module, data, n, fresh=False):
    times = []
    for _ in range(n):
        if fresh:
            _no_cache(fresh == "cold")
        t0 = time.perf_counter()
        run_sync(server.custom_functions_call(data, module))
        times.append((time.perf_counter() - t0) * 1000)
    return times


def run_sync(coro):
    """One step of a coroutine that never waits, as xlwings Lite's host runs a call
    (`--asyncio-run`: a new event loop per call, as this script measured before)."""
    if ASYNCIO_RUN:
        import asyncio
        return asyncio.run(coro)
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the call waited")


def timed_batch(module, data, n, fresh=False):
    async def run():
        for _ in range(n):
            if fresh:
                _no_cache(fresh == "cold")
            await server.custom_functions_call(data, module)
    t0 = time.perf_counter()
    run_sync(run())
    return (time.perf_counter() - t0) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--asyncio-run", action="store_true",
                    help="each call in asyncio.run (a new event loop per call), as before")
    a = ap.parse_args()
    global ASYNCIO_RUN
    ASYNCIO_RUN = a.asyncio_run
    labels = labels_60()
    cases = [
        ("trivial (baseline)", BASELINE, body("trivial", [[[1]]]), False),
        ("trivial, 6 arguments", BASELINE, body("trivial6", [[[1]], [[2]], [[0.83], [0.85]], [[None]], [[None]], [[500]]]), False),
        ("FINSAM_EK_TAK (scalar)", F, body("finsam_ek_tak", [[[2_592_000]], [[20]]]), False),
        ("FINSAM_PLANAR (scalar)", F, body("finsam_planar", [[[-1_650_000]], [[2]], [[0.83], [0.85]], [[None]], [[None]], [[500]]]), False),
        ("trivial, same 60-row arguments as SUMMA", BASELINE, body("trivial_ranges", [labels, amounts_60(labels), [["kostnader"]], [[None]], [[None]]]), False),
        ("FINSAM_SUMMA (60 rows, same ranges again)", F, body("finsam_summa", [labels, amounts_60(labels), [["kostnader"]], [[None]], [[None]]]), False),
        ("FINSAM_SUMMA (60 rows, new values)", F, body("finsam_summa", [labels, amounts_60(labels), [["kostnader"]], [[None]], [[None]]]), True),
        ("FINSAM_KONTROLL (60 rows, new values)", F, body("finsam_kontroll", [labels, amounts_60(labels), [[None]], [[None]], [[None]]]), True),
        ("FINSAM_SUMMA (60 rows never seen: full search)", F, body("finsam_summa", [labels, amounts_60(labels), [["kostnader"]], [[None]], [[None]]]), "cold"),
    ]
    rows = []
    _, base_module, base_data, _ = cases[0]
    rounds = 5
    for name, module, data, fresh in cases:
        timed(module, data, 20, fresh)  # warm up
        # the baseline and the case in turn, round by round: the ratio of each round's
        # medians, so that a slow spell of the machine slows both sides of a ratio
        per_call, ratios = [], []
        n = max(20, a.calls // (4 * rounds))
        for _ in range(rounds):
            base = statistics.median(timed(base_module, base_data, n))
            mine = timed(module, data, n, fresh)
            per_call += mine
            ratios.append(statistics.median(mine) / base)
        batch = timed_batch(module, data, a.calls, fresh)
        base_batch = timed_batch(base_module, base_data, a.calls)
        med = statistics.median(per_call)
        p90 = statistics.quantiles(per_call, n=10)[-1]
        rows.append((name, med, p90, batch, statistics.median(ratios), batch / base_batch))
    import platform
    runtime = ("Pyodide " + __import__("pyodide").__version__ if sys.platform == "emscripten"
               else "CPython") + " " + platform.python_version()
    if a.markdown:
        print(f"{runtime}:\n")
        print(f"| call | median ms | p90 ms | {a.calls} calls ms | median vs trivial | batch vs trivial |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, med, p90, batch, r1, r2 in rows:
            print(f"| {name} | {med:.3f} | {p90:.3f} | {batch:.0f} | {r1:.2f}× | {r2:.2f}× |")
    else:
        for name, med, p90, batch, r1, r2 in rows:
            print(f"{name:28} median {med:7.3f} ms  p90 {p90:7.3f} ms  batch {batch:8.1f} ms  "
                  f"×{r1:.2f} (median)  ×{r2:.2f} (batch)")


if __name__ == "__main__":
    main()
