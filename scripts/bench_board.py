"""Benchmark: whole-process time and peak memory of `finsam board` (not a test).

    python scripts/bench_board.py [--runs 7] [--markdown]

Times one board workbook from each seed-based example (without --pdf), and once with
--pdf, each as a fresh process, median of the runs; aim: under 1 s without --pdf.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = [("vastmanland_2025_2027.xlsx", 2025), ("norra_vastmanland_2020.xlsx", 2020),
         ("kramfors_2021.xlsx", 2021)]


def command():
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_check import ensure_compiled, finsam_command
    ensure_compiled()
    return finsam_command()


def run(args, runs):
    times, peak = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return statistics.median(times), peak / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "u.xlsx"
        for name, year in CASES:
            args = command() + ["board", str(ROOT / "workbooks" / name), "--year", str(year), "-o", str(out), "--force"]
            rows.append((f"finsam board {name} --year {year}", *run(args, a.runs)))
        name, year = CASES[0]
        args = command() + ["board", str(ROOT / "workbooks" / name), "--year", str(year), "-o", str(out),
                            "--force", "--pdf"]
        if shutil.which("soffice"):
            rows.append((f"finsam board {name} --year {year} --pdf", *run(args, max(1, a.runs // 3))))
    if a.markdown:
        print("| command | median s | peak MB (max over runs) |")
        print("|---|---:|---:|")
        for name, t, mb in rows:
            print(f"| `{name}` | {t:.2f} | {mb:.0f} |")
    else:
        for name, t, mb in rows:
            print(f"{name:70} {t:6.2f} s  {mb:6.0f} MB")


if __name__ == "__main__":
    main()
