"""Rebuild every held-out evaluation workbook (byte-stable) and optionally verify them.

    python build_all.py            # build all
    python build_all.py --verify   # build, then run verify.py
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")

scripts = sorted(glob.glob(os.path.join(SRC, "x[0-9][0-9]_*.py")))
for s in scripts:
    r = subprocess.run([sys.executable, s], cwd=SRC, capture_output=True, text=True)
    if r.returncode:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit(f"failed: {os.path.basename(s)}")
    print("built", os.path.basename(s)[:-3] + ".xlsx")
print(len(scripts), "workbooks")
if "--verify" in sys.argv:
    sys.exit(subprocess.run([sys.executable, os.path.join(HERE, "verify.py")]).returncode)
