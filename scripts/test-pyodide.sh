#!/usr/bin/env bash
# The Excel face inside Pyodide (the WebAssembly CPython of xlwings Lite), under Node.js,
# on the oldest and the newest pinned Pyodide (pyodide/package.json, package-lock.json).
#   bash scripts/test-pyodide.sh [pytest arguments]
# Set-up, all from the registries (no CDN): `npm ci` in pyodide/, the pinned pure-Python
# wheels of pyodide/wheels.txt with `pip download --platform any`, and xlplugin's own
# wheel built as a user builds it for xlwings Lite (`pip wheel --no-deps .`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "fel: Node.js (node) saknas; Pyodide-testerna kräver Node.js 20 eller senare" >&2
    exit 2
  fi
fi
PY=python3
[ -x .venv/bin/python ] && PY=.venv/bin/python
WHEELS=build/pyodide/wheels
(cd pyodide && npm ci --no-audit --no-fund --loglevel=error)
rm -rf "$WHEELS"
mkdir -p "$WHEELS"
"$PY" -m pip download -q --only-binary=:all: --no-deps --platform any --python-version 3.12 \
  --implementation py -r pyodide/wheels.txt -d "$WHEELS" 2>&1 | grep -v "^WARNING: Location" || true
"$PY" -m pip wheel -q --no-deps -w "$WHEELS" . 2>&1 | grep -v -e "^WARNING: Location" -e "^ *$" -e "!!" -e "corresp" || true
ls "$WHEELS"/xlplugin-*.whl >/dev/null
TESTS=(tests/test_pyodide.py tests/test_excel_functions.py tests/test_demo_workbook.py)
status=0
for version in oldest newest; do
  echo "== Pyodide $(node -p "require('./pyodide/node_modules/pyodide-$version/package.json').version") =="
  node pyodide/run.mjs "$version" "$WHEELS" pytest --capture=sys -q "${TESTS[@]}" "$@" || status=1
done
exit $status
