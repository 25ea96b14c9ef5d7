#!/usr/bin/env python3
"""Benchmark `finsam consolidate` on 80 generated förbund workbooks (not a test).

    python scripts/bench_consolidate.py [--runs 5] [--n 80] [--markdown]

Side by side in the same run, each as a fresh process (median of --runs, peak RSS of
that process from os.wait4):
  * finsam consolidate <N files> -o out.xlsx --force   (reads, checks, maps, writes a workbook)
  * baseline: pandas.read_excel of each file and one pd.concat (no understanding at all)
Aim: at least 3× faster than the baseline while doing more.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench_check import ensure_generated, finsam_command, measure, versions  # noqa: E402

BASELINE = ("import sys, pandas as pd\n"
            "frames = [pd.read_excel(p, sheet_name=None) for p in sys.argv[1:]]\n"
            "pd.concat([df for book in frames for df in book.values()], ignore_index=True)\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--n", type=int, default=80)
    ap.add_argument("--generated", default=str(ROOT / "bench-out" / "generated"))
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args(argv)
    files = [str(p) for p in ensure_generated(Path(a.generated), a.n)]
    with tempfile.TemporaryDirectory() as d:
        out = str(Path(d) / "lan.xlsx")
        cases = [
            ("finsam consolidate", f"finsam consolidate ({len(files)} files) -o lan.xlsx",
             finsam_command() + ["consolidate", *files, "-o", out, "--force", "--olika-forbund"]),
            ("baseline", f"python: pandas.read_excel × {len(files)} + concat",
             [sys.executable, "-c", BASELINE, *files]),
        ]
        results = measure(cases, a.runs, a.warmup)
    base = next(r for r in results if r.case == "baseline")
    if a.markdown:
        print("| Case | Command | Median s | × baseline | Peak MB |")
        print("|---|---|---:|---:|---:|")
        for r in results:
            print(f"| {r.case} | {r.label} | {r.median:.3f} | {r.median / base.median:.2f} | {r.peak_mb:.0f} |")
    else:
        for r in results:
            print(f"{r.case:20} {r.label:50} {r.median:7.3f} s  ×{r.median / base.median:.2f}  {r.peak_mb:5.0f} MB")
    print(f"\nfinsam consolidate is {base.median / results[0].median:.1f}× faster than the baseline. {versions()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
