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
sys.path.insert(0, str(ROOT))

ENGINES = ["xlsx", "openpyxl"]


@pytest.fixture(params=ENGINES)
def engine(request):
    """Every reader test runs once per engine."""
    return request.param
