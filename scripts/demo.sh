#!/usr/bin/env bash
# Set up (first time) and run the main job on a bundled example workbook.
#   bash scripts/demo.sh [WORKBOOK.xlsx ...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/finsam ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
fi
if [ "$#" -eq 0 ]; then
  set -- workbooks/vastmanland_2025_2027.xlsx
fi
set +e
.venv/bin/finsam kontrollera "$@"
code=$?
set -e
echo
case $code in
  0) echo "(avslutningskod 0: allt stämmer)";;
  1) echo "(avslutningskod 1: avvikelser hittades – se listan ovan)";;
  3) echo "(avslutningskod 3: osäker tolkning – se raderna och de andra tolkningarna ovan)";;
  *) echo "(avslutningskod $code: en fil kunde inte läsas)"; exit $code;;
esac
