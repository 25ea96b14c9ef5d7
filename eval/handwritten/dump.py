"""Print every non-empty cell of a workbook with coordinates (formulas and cached values)."""
import sys, openpyxl
p = sys.argv[1]
wf = openpyxl.load_workbook(p)
wv = openpyxl.load_workbook(p, data_only=True)
for ws in wf.worksheets:
    print("=== sheet", repr(ws.title))
    for row in ws.iter_rows():
        parts = []
        for c in row:
            if c.value is None: continue
            v = c.value
            cv = wv[ws.title][c.coordinate].value
            s = repr(v)
            if isinstance(v, str) and v.startswith("="): s += f" [{cv!r}]"
            parts.append(f"{c.coordinate}={s}")
        if parts: print(" | ".join(parts))
