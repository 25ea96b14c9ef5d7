"""Where the code runs, and what that runtime can do.

xlwings Lite (Excel on the web and Mac) runs this package in Pyodide: CPython compiled to
WebAssembly inside the add-in, with no processes (no fork, no subprocess, no LibreOffice)
and no process exit. The code paths that need those ask here first, so that in Pyodide
they are never reached: reading many files falls back to one after the other,
LibreOffice is "not installed", and the console command returns instead of os._exit.
"""

from __future__ import annotations

import sys

IN_PYODIDE = sys.platform == "emscripten"


def can_start_processes() -> bool:
    """False in Pyodide (WebAssembly has no fork or subprocess)."""
    return not IN_PYODIDE
