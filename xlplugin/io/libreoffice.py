"""LibreOffice headless: recalculate a workbook, or print it to PDF.

Recalculation uses a private profile whose OOXMLRecalcMode is 0 ("always"), so every
formula is computed on load, cached values or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import XlpluginError

_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>
</oor:items>
"""


class LibreOfficeError(XlpluginError):
    pass


def soffice() -> str | None:
    """The LibreOffice program, or None (always None in Pyodide, which cannot start it)."""
    from ..runtime import can_start_processes
    if not can_start_processes():
        return None
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                 "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(path):
            return path
    return None


def convert(files: list[Path], fmt: str, outdir: Path, timeout: int = 300) -> list[Path]:
    """Convert files with LibreOffice headless ("xlsx" recalculates, "pdf" prints)."""
    exe = soffice()
    if exe is None:
        raise LibreOfficeError("LibreOffice (soffice) hittades inte; installera t.ex. "
                               "paketet libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory(prefix="finsam-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_XCU, encoding="utf-8")
        target = "xlsx:Calc MS Excel 2007 XML" if fmt == "xlsx" else "pdf:calc_pdf_Export"
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), *map(str, files)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise LibreOfficeError("LibreOffice svarade inte i tid") from None
    out = [outdir / (Path(f).stem + "." + fmt) for f in files]
    missing = [str(p) for p in out if not p.exists()]
    if missing:
        raise LibreOfficeError("LibreOffice kunde inte konvertera: " + ", ".join(missing)
                               + (f" ({proc.stderr.strip()[:200]})" if proc.stderr.strip() else ""))
    return out
