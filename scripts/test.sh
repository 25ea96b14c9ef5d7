#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: pytest in CPython, then the Excel
# face inside Pyodide (scripts/test-pyodide.sh; XLPLUGIN_SKIP_PYODIDE=1 leaves it out).
#   bash scripts/test.sh [pytest arguments]
# Installs the Python packages into .venv/, and LibreOffice (to recalculate the
# generated workbooks) with apt-get when it is missing and we may install it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerar LibreOffice (libreoffice-calc-nogui) för omräkningstesterna …"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null
  else
    echo "Obs: LibreOffice saknas; testerna som räknar om arbetsböcker hoppas över." >&2
  fi
fi
if [ ! -x .venv/bin/pytest ] || ! .venv/bin/python -c "import xlplugin, hypothesis, pandas, pypdf, msoffcrypto, xlsxwriter" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
fi
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ -z "${XLPLUGIN_SKIP_PYODIDE:-}" ]; then
  bash scripts/test-pyodide.sh || status=$((status ? status : 1))
fi
exit $status
