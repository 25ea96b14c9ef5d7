#!/usr/bin/env python3
"""Write N generated förbund budget workbooks for benchmarks and scale tests.

Usage::

    python scripts/make_generated_workbooks.py [--n 80] [--out bench-out/generated] [--seed 2025]

Each workbook holds a random but consistent budget (20–60 lines, 3–4 year columns;
every stated total adds up) written by ``tests/variants.py`` in a randomly chosen
layout: kr or tkr, the three sign conventions, prefix / indent / bold / heading +
"Summa" hierarchy, typed or formula subtotals, with or without title rows, blank
rows, a notes column, numbers stored as text and a leading blank column. The same
seed gives the same budgets and layouts. ``manifest.json`` in the output folder
lists each file's layout options and the column totals the reader must find.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.variants import (HIERARCHIES, SIGNS, SUBTOTALS, UNITS, expected,  # noqa: E402
                            random_spec, write_variant)

MIN_LINES, MAX_LINES = 20, 60


def generated_spec(rng: random.Random):
    """A random spec of realistic size (20–60 lines, 3–4 columns)."""
    n_columns = rng.choice([3, 3, 4])
    while True:
        spec = random_spec(rng, rng.randint(2, 8), n_columns=n_columns, children=(2, 6))
        if MIN_LINES <= len(spec.lines) <= MAX_LINES:
            return spec


def generated_layout(rng: random.Random) -> dict:
    opts = dict(unit=rng.choice(UNITS), sign=rng.choice(SIGNS),
                hierarchy=rng.choice(HIERARCHIES), subtotals=rng.choice(SUBTOTALS),
                title_rows=rng.random() < 0.8, blank_rows=rng.random() < 0.4,
                notes_column=rng.random() < 0.4, text_numbers=rng.random() < 0.2,
                leading_blank_column=rng.random() < 0.2)
    if opts["unit"] == "tkr":
        places = ["title", "header", "label_cell"] if opts["title_rows"] else ["header", "label_cell"]
        opts["unit_place"] = rng.choice(places)
    return opts


def generate(out: Path, n: int = 80, seed: int = 2025) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    manifest = []
    paths = []
    for i in range(1, n + 1):
        spec = generated_spec(rng)
        opts = generated_layout(rng)
        path = out / f"forbund_{i:03d}.xlsx"
        write_variant(path, spec, **opts)
        want = expected(spec)
        manifest.append({"file": path.name, "organisation": spec.organisation,
                         "lines": len(spec.lines), "columns": list(spec.columns),
                         "layout": opts, "totals": want.totals})
        paths.append(path)
    (out / "manifest.json").write_text(json.dumps({"seed": seed, "files": manifest},
                                                  ensure_ascii=False, indent=1), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=80, help="number of workbooks (default 80)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out" / "generated",
                    help="output folder (default bench-out/generated/)")
    ap.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    args = ap.parse_args(argv)
    paths = generate(args.out, args.n, args.seed)
    print(f"{len(paths)} workbooks written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
