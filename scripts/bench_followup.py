#!/usr/bin/env python3
"""Benchmark `finsam uppfoljning` on a SIE 4 file of 100 000 vouchers (not a test).

    python scripts/bench_followup.py [--vouchers 100000] [--runs 5] [--markdown]

Side by side in the same run, each as a fresh process (median of --runs, peak RSS):
  * baseline: a bare Python loop that reads the file (cp437) and splits every line
  * read_sie: xlplugin's SIE reader on the same file (every record checked)
  * finsam uppfoljning: the whole command on Kramfors Budget 2021 with that file
  * the same vouchers with a date and a text on every #TRANS row, against the bare loop
    over that file (no aim; the row-by-row reading takes these rows)
Aims (issue 14): reading within 3x the baseline, the whole command within 5x.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
from bench_check import finsam_command, measure, versions  # noqa: E402

BASELINE = ("import sys\n"
            "n = 0\n"
            "with open(sys.argv[1], encoding='cp437') as f:\n"
            "    for line in f:\n"
            "        n += len(line.split())\n")
READ = "import sys\nfrom xlplugin.io.sie import read_sie\nread_sie(sys.argv[1])\n"


def make_sie(path: Path, vouchers: int, seed: int = 2026, dated: bool = False) -> None:
    """The benchmark file; `dated`: every #TRANS row with a transaction date and a text after
    its amount, as many systems export them ('#TRANS 4530 {} 100.00 20210315 "Hyra"')."""
    from sie_fixtures import HEADER
    rng = random.Random(seed)
    accounts = ["3010", "3020", "3990", "4530", "5010", "5110", "6110", "6420", "6990", "8570"]
    objects = ['{6 "SAMKRAFT"}', '{6 "STEGSAM"}', '{6 "STEGPLUS"}', '{6 "PSYK"}']
    out = [HEADER.rstrip("\n")]
    for k in range(1, vouchers + 1):
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        out.append(f'#VER A {k} 2021{month:02d}{day:02d} "Verifikation {k}" 2021{month:02d}{day:02d}')
        out.append("{")
        total = 0
        for _ in range(rng.randint(1, 3)):
            acc = rng.choice(accounts)
            obj = rng.choice(objects) if acc == "4530" else "{}"
            amount = rng.randint(-5_000_000, 5_000_000)
            total += amount
            tail = f' 2021{month:02d}{day:02d} "Rad {k}"' if dated else ""
            out.append(f"   #TRANS {acc} {obj} {amount / 100:.2f}{tail}")
        tail = f' 2021{month:02d}{day:02d} "Bank"' if dated else ""
        out.append(f"   #TRANS 1930 {{}} {-total / 100:.2f}{tail}")
        out.append("}")
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("cp437"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vouchers", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args(argv)
    out_dir = ROOT / "bench-out"
    out_dir.mkdir(exist_ok=True)
    sie = out_dir / f"kramfors_{a.vouchers}.se"
    if not sie.exists():
        make_sie(sie, a.vouchers)
    dated = out_dir / f"kramfors_{a.vouchers}_datum.se"
    if not dated.exists():
        make_sie(dated, a.vouchers, dated=True)
    lines = sie.read_bytes().count(b"\n")
    with tempfile.TemporaryDirectory() as d:
        out = str(Path(d) / "u.xlsx")
        cases = [
            ("baseline", f"python: read and split {lines:,} lines".replace(",", " "),
             [sys.executable, "-c", BASELINE, str(sie)]),
            ("read_sie", "python: xlplugin.io.sie.read_sie", [sys.executable, "-c", READ, str(sie)]),
            ("finsam uppfoljning", "finsam uppfoljning kramfors_2021.xlsx --utfall … --period 2021-08",
             finsam_command() + ["uppfoljning", str(ROOT / "workbooks" / "kramfors_2021.xlsx"), "--utfall",
                                 str(sie), "--period", "2021-08", "-o", out, "--force"]),
            ("baseline, dated rows", "python: read and split the same vouchers with dates and texts",
             [sys.executable, "-c", BASELINE, str(dated)]),
            ("read_sie, dated rows", "python: xlplugin.io.sie.read_sie", [sys.executable, "-c", READ, str(dated)]),
        ]
        results = measure(cases, a.runs, a.warmup)
    base = {r.case: r for r in results if r.case.startswith("baseline")}

    def ratio(r) -> float:         # against the bare loop over the same file
        return r.median / base["baseline, dated rows" if "dated" in r.case else "baseline"].median
    if a.markdown:
        print("| Case | Command | Median s | × baseline | Peak MB |")
        print("|---|---|---:|---:|---:|")
        for r in results:
            print(f"| {r.case} | {r.label} | {r.median:.3f} | {ratio(r):.2f} | {r.peak_mb:.0f} |")
    else:
        for r in results:
            print(f"{r.case:22} {r.median:7.3f} s  ×{ratio(r):5.2f}  {r.peak_mb:5.0f} MB")
    print(f"\n{a.vouchers} vouchers, {lines} lines. {versions()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
