"""Shared fixtures. XLWINGS env vars are set before any import of xlwings."""

import os
import sys
from pathlib import Path

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "workbooks"
SEEDS = ROOT / "tests" / "seeds"
# XLPLUGIN_INSTALLED=1 (the Pyodide run): test the installed wheel, not the checkout
if not os.environ.get("XLPLUGIN_INSTALLED"):
    sys.path.insert(0, str(ROOT))

IN_PYODIDE = sys.platform == "emscripten"


def run_sync(coro):
    """Run a coroutine that never suspends (xlwings' custom_functions_call and
    custom_scripts_call do not), as xlwings Lite's host does: one step, no event loop.
    asyncio.run would need node's wasm stack switching inside Pyodide."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    coro.close()
    raise RuntimeError("the coroutine waited for something; run it with asyncio")

ENGINES = ["xlsx", "openpyxl"]


@pytest.fixture(params=ENGINES)
def engine(request):
    """Every reader test runs once per engine."""
    return request.param


def load_script(name: str):
    """A script of scripts/ as a module (the evaluation scripts the corpus tests run),
    loaded once per session under its own name."""
    import importlib.util
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]
