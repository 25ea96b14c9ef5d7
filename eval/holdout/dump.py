"""List every non-empty cell of a workbook (formula plus cached value).  python dump.py FILE.xlsx"""
import sys
import openpyxl

p = sys.argv[1]
wf = openpyxl.load_workbook(p)
wv = openpyxl.load_workbook(p, data_only=True)
for ws in wf.worksheets:
    print(f"=== {ws.title}")
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = wv[ws.title][c.coordinate].value
            if isinstance(c.value, str) and c.value.startswith("="):
                print(f"  {c.coordinate}: {c.value!r} -> {v!r}")
            else:
                print(f"  {c.coordinate}: {c.value!r}")
