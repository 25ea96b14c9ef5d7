#!/usr/bin/env python3
"""Benchmark `finsam check` as a whole process against plain openpyxl (not a test).

Usage::

    python scripts/bench_check.py [--runs 7] [--warmup 1] [--markdown]
                                  [--workbook workbooks/norra_vastmanland_2021_2023.xlsx]
                                  [--generated bench-out/generated] [--n 80]

Measures whole-process wall time (median of --runs runs, after --warmup untimed runs)
and peak resident memory (ru_maxrss of that very child, from os.wait4) of:

  (a) ``finsam check WORKBOOK`` against a fresh Python process doing only
      ``import openpyxl; openpyxl.load_workbook(WORKBOOK)``;
  (b) ``finsam check`` with the N generated workbooks as arguments (one process,
      output to /dev/null) against a fresh Python process that opens the same N
      files with ``openpyxl.load_workbook`` one after another;
  (c) for reference, a fresh Python process reading the N files with python_calamine
      (every sheet to Python values).

The N generated workbooks are written first if missing (scripts/make_generated_workbooks.py).
`finsam` is run as found by ``shutil.which("finsam")``, else ``python -m xlplugin.cli``.
No timing is asserted; the script only reports.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKBOOK = ROOT / "workbooks" / "norra_vastmanland_2021_2023.xlsx"
DEFAULT_GENERATED = ROOT / "bench-out" / "generated"

OPENPYXL_SCRIPT = "import sys, openpyxl\nfor p in sys.argv[1:]:\n    openpyxl.load_workbook(p)\n"
CALAMINE_SCRIPT = ("import sys\nfrom python_calamine import CalamineWorkbook\n"
                   "for p in sys.argv[1:]:\n"
                   "    wb = CalamineWorkbook.from_path(p)\n"
                   "    for name in wb.sheet_names:\n"
                   "        wb.get_sheet_by_name(name).to_python()\n")


@dataclass
class Result:
    case: str
    label: str
    times: list[float]
    peak_kb: int
    exit_codes: set[int]
    baseline: "Result | None" = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def ratio(self) -> float:
        if self.baseline is None:
            return 1.0
        return self.median / self.baseline.median

    @property
    def peak_mb(self) -> float:
        kb = self.peak_kb if sys.platform != "darwin" else self.peak_kb / 1024  # bytes on macOS
        return kb / 1024


def finsam_command() -> list[str]:
    """The `finsam` script of the interpreter running the benchmark (the one the baseline
    runs on too). Not a `finsam` found first on PATH: under pyenv that is a shell shim
    that costs some 50 ms per start before Python even begins."""
    beside = Path(sys.executable).parent / ("finsam.exe" if os.name == "nt" else "finsam")
    if beside.exists():
        return [str(beside)]
    exe = shutil.which("finsam")
    if exe:
        return [exe]
    return [sys.executable, "-m", "xlplugin.cli"]


def run_once(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS of the child (KB on Linux) and exit code of one run."""
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=err, cwd=ROOT)
        # wait4 gives the resource usage of this very child (not a running maximum over
        # all children, as getrusage(RUSAGE_CHILDREN) would).
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            message = err.read().decode("utf-8", "replace")
            raise SystemExit(f"command failed (exit {proc.returncode}): "
                             f"{' '.join(cmd[:4])} …\n{message}")
    return elapsed, usage.ru_maxrss, proc.returncode


def ensure_compiled() -> None:
    """Byte-compile xlplugin as `pip install` does for an installed package, so each run
    does not compile our modules from source (pandas' bytecode is compiled at install).
    Needed where PYTHONDONTWRITEBYTECODE is set, as on this project's machines."""
    import compileall
    compileall.compile_dir(str(ROOT / "xlplugin"), quiet=1)


def measure(cases: list[tuple[str, str, list[str]]], runs: int, warmup: int) -> list[Result]:
    """Run the commands of one comparison in turn (ABAB…), so drift hits all alike."""
    ensure_compiled()
    for _ in range(warmup):
        for _, _, cmd in cases:
            run_once(cmd)
    times = [[] for _ in cases]
    peaks = [0 for _ in cases]
    codes = [set() for _ in cases]
    for _ in range(runs):
        for i, (_, _, cmd) in enumerate(cases):
            t, rss, code = run_once(cmd)
            times[i].append(t)
            peaks[i] = max(peaks[i], rss)
            codes[i].add(code)
    out = [Result(case, label, times[i], peaks[i], codes[i])
           for i, (case, label, _) in enumerate(cases)]
    for r in out:
        print(f"  {r.case:<16} {r.label:<44} {r.median:7.3f} s", file=sys.stderr)
    return out


def ensure_generated(folder: Path, n: int) -> list[Path]:
    files = sorted(folder.glob("forbund_*.xlsx"))
    if len(files) < n:
        print(f"writing {n} generated workbooks to {folder} …", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_generated_workbooks.py"),
                        "--n", str(n), "--out", str(folder)], check=True, stdout=sys.stderr)
        files = sorted(folder.glob("forbund_*.xlsx"))
    return files[:n]


def versions() -> str:
    out = [f"Python {platform.python_version()}"]
    try:
        import openpyxl
        out.append(f"openpyxl {openpyxl.__version__}")
    except ImportError:  # pragma: no cover
        pass
    try:
        from importlib.metadata import version
        out.append(f"python-calamine {version('python-calamine')}")
        out.append(f"xlplugin {version('xlplugin')}")
    except Exception:  # pragma: no cover
        pass
    out.append(f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU")
    return ", ".join(out)


def table(results: list[Result], markdown: bool) -> str:
    head = ["Case", "Command", "Median s", "× baseline", "Peak MB"]
    rows = []
    for r in results:
        rows.append([r.case, r.label, f"{r.median:.3f}", f"{r.ratio:.2f}", f"{r.peak_mb:.0f}"])
    if markdown:
        lines = ["| " + " | ".join(head) + " |",
                 "|" + "|".join(["---", "---", "---:", "---:", "---:"]) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    right = {2, 3, 4}

    def fmt(row):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join([fmt(head), "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark finsam check against openpyxl.")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--workbook", type=Path, default=DEFAULT_WORKBOOK)
    ap.add_argument("--generated", type=Path, default=DEFAULT_GENERATED)
    ap.add_argument("--n", type=int, default=80, help="number of generated workbooks (default 80)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    finsam = finsam_command()
    py = sys.executable
    workbook = str(args.workbook.resolve())
    files = [str(p.resolve()) for p in ensure_generated(args.generated, args.n)]
    n = len(files)
    print(f"finsam: {' '.join(finsam)}; {args.runs} runs + {args.warmup} warm-up per command",
          file=sys.stderr)

    a, a_base = measure([
        ("(a) 1 workbook", f"finsam check {args.workbook.name}", finsam + ["check", workbook]),
        ("(a) baseline", "python: openpyxl.load_workbook(1 file)",
         [py, "-c", OPENPYXL_SCRIPT, workbook]),
    ], args.runs, args.warmup)
    a.baseline = a_base
    cases = [
        (f"(b) {n} workbooks", f"finsam check ({n} files)", finsam + ["check", *files]),
        ("(b) baseline", f"python: openpyxl.load_workbook × {n}", [py, "-c", OPENPYXL_SCRIPT, *files]),
    ]
    try:
        import python_calamine  # noqa: F401
        cases.append(("(c) reference", f"python: python_calamine × {n}",
                      [py, "-c", CALAMINE_SCRIPT, *files]))
    except ImportError:
        print("python_calamine is not installed; (c) skipped", file=sys.stderr)
    b, b_base, *rest = measure(cases, args.runs, args.warmup)
    b.baseline = b_base
    for r in rest:
        r.baseline = b_base
    results = [a, a_base, b, b_base, *rest]

    print(table(results, args.markdown))
    note = (f"Whole-process wall time, median of {args.runs} runs after {args.warmup} warm-up; "
            f"× baseline = time / the openpyxl baseline of the same case ((c) against (b)); "
            f"peak MB = max RSS of the process. Workbook (a): {args.workbook.name}; "
            f"(b), (c): {n} generated workbooks (scripts/make_generated_workbooks.py). "
            f"{versions()}.")
    print()
    print(note)
    print(f"finsam check exit codes: (a) {sorted(a.exit_codes)}, (b) {sorted(b.exit_codes)} "
          "(0 consistent, 1 discrepancies found)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
