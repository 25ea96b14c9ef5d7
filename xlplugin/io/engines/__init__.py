"""Reading raw cells from workbook files: one narrow interface, one adapter per engine.

    wb = open_workbook(path, engine="xlsx")
    wb.sheet_names            -> list of sheet names in workbook order
    wb.get_sheet_data(name)   -> RawSheet (rows of RawCell or None)

Engines:
    "xlsx"     a small streaming reader of the OOXML parts (zipfile + defused XML);
               fast to import and to run, gives values, formulas, bold/italic/indent.
    "openpyxl" openpyxl; slower to import, used as the reference engine in tests.
Both give the same RawSheet for the same file. Engines are imported lazily.
"""

from __future__ import annotations

import functools

import os
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from ...errors import ReadError

ENGINES = ("xlsx", "openpyxl")
DEFAULT_ENGINE = "xlsx"

# Guards against hostile files (zip bombs, absurd sheets).
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ROWS = 200_000
MAX_COLS = 2_000


class RawCell(NamedTuple):
    """One cell as stored: cached `value`, `formula` text (no "="), and the style cues
    the layout needs. `value` is str, int, Decimal, bool, ExcelError or None."""

    value: object
    formula: str | None = None
    bold: bool = False
    italic: bool = False
    indent: int = 0
    scale: int = 0      # the number format shows the value divided by 1000**scale ("#,##0,")
    percent: bool = False   # the number format shows a percentage ("0%", "0,0 %")


@dataclass
class RawSheet:
    """A sheet as a list of rows (0-based); each row a list of RawCell or None."""

    name: str
    rows: list[list[RawCell | None]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    # the year headings found per row (layout.header_cells), kept with the sheet they describe
    headings: dict = field(default_factory=dict, repr=False, compare=False)

    def cell(self, r: int, c: int) -> RawCell | None:
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                return row[c]
        return None

    def value(self, r: int, c: int) -> object:
        cell = self.cell(r, c)
        return None if cell is None else cell.value

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


class RawWorkbook(Protocol):
    path: str

    @property
    def sheet_names(self) -> list[str]: ...

    def get_sheet_data(self, name: str) -> RawSheet: ...

    def close(self) -> None: ...


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: str, package: bool = True) -> None:
    """Raise a clear ReadError when the file is not an .xlsx/.xlsm workbook.

    package=False leaves the zip package checks (`check_package`) to the caller."""
    if not os.path.exists(path):
        raise ReadError("filen finns inte", path)
    if os.path.isdir(path):
        raise ReadError("är en mapp, inte en arbetsbok", path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ReadError(f"filen kan inte läsas ({exc.strerror})", path) from None
    if not head:
        raise ReadError("filen är tom (0 byte)", path)
    if head == _OLE2_MAGIC:
        if _is_encrypted_ooxml(path):
            raise ReadError("arbetsboken är lösenordsskyddad; spara en kopia utan lösenord", path)
        raise ReadError("filen är i det gamla Excel-formatet .xls; öppna den i Excel och "
                        "spara som .xlsx", path)
    if head[:4] != b"PK\x03\x04":
        raise ReadError("filen är inte en Excel-arbetsbok (.xlsx eller .xlsm)", path)
    if package:
        import zipfile
        try:
            with zipfile.ZipFile(path) as z:
                check_package(path, z)
        except zipfile.BadZipFile:
            raise ReadError("filen är inte en giltig Excel-arbetsbok (trasig zip-fil)", path) from None
        except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, ValueError):
            raise ReadError("filen är inte en giltig Excel-arbetsbok (trasig zip-fil)", path) from None


def check_package(path: str, z, scan_xml: bool = True) -> None:
    """Refuse zip bombs, packages that are no workbook, and (scan_xml) XML parts with DTDs
    (entity attacks), before any engine parses anything. `z` is the open ZipFile.
    An engine that checks the prolog of every part it parses itself may skip the scan."""
    import zipfile
    import zlib
    infos = z.infolist()
    names = {i.filename for i in infos}
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 10 * 1024 * 1024 and \
                info.file_size / max(info.compress_size, 1) > MAX_COMPRESSION_RATIO:
            raise ReadError("arbetsboken packas upp till orimligt mycket data "
                            "(möjlig zip-bomb); den läses inte", path)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReadError("arbetsboken är för stor för att läsas "
                        f"({total // (1024 * 1024)} MB uppackad)", path)
    if "xl/workbook.xml" not in names:
        raise ReadError("filen saknar arbetsboksdelen xl/workbook.xml och är inte en "
                        "Excel-arbetsbok", path)
    if not scan_xml:
        return
    try:
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and info.file_size:
                with z.open(info) as fh:
                    head = fh.read(4096)
                    # a prolog longer than 4 KB (a long comment) is read on to its end
                    while prolog_has_dtd(head, complete=False) is None:
                        more = fh.read(65536)
                        if not more:
                            break
                        head += more
                if prolog_has_dtd(head) or b"<!ENTITY" in head:
                    raise ReadError(f"otillåten XML i {info.filename}: DTD eller entiteter "
                                    "(skydd mot XXE och entitetsexpansion); filen läses inte", path)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise ReadError("filen är inte en giltig Excel-arbetsbok (trasig zip-fil)", path) from None


def prolog_has_dtd(data: bytes, complete: bool = True) -> bool | None:
    """True when a <!DOCTYPE (or any other <! declaration) comes before the root element.

    The XML prolog is: a declaration, then comments, processing instructions and white
    space, with at most one DOCTYPE among them; DTDs (and so entity declarations) can
    appear nowhere else. With complete=False, None means `data` ends inside the prolog."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):          # UTF-16 with BOM: check its UTF-8 twin
        try:
            data = data.decode("utf-16", errors="ignore" if not complete else "strict").encode("utf-8")
        except UnicodeDecodeError:
            return True
    pos = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    n = len(data)
    unfinished = None if not complete else False
    while pos < n:
        ch = data[pos:pos + 1]
        if ch in (b" ", b"\t", b"\r", b"\n"):
            pos += 1
        elif data.startswith(b"<?", pos):
            end = data.find(b"?>", pos + 2)
            if end < 0:
                return unfinished       # complete: malformed, the parser reports it
            pos = end + 2
        elif data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos + 4)
            if end < 0:
                return unfinished
            pos = end + 3
        elif n - pos < 2 and not complete:
            return None
        else:
            return data.startswith(b"<!", pos)
    return unfinished


def _is_encrypted_ooxml(path: str) -> bool:
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    return "EncryptedPackage".encode("utf-16-le") in data


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def thousands_scale(code: str | None) -> int:
    """How many thousands a number format divides by for display: "#,##0," -> 1 (shown
    in thousands; Swedish Excel writes it "# ##0 "), "#,##0,," -> 2, "#,##0" -> 0.
    Commas right after the last digit placeholder of the first section scale."""
    if not code or "," not in code:
        return 0
    first = _FORMAT_LITERALS.sub("", code.split(";", 1)[0])
    m = re.search(r"[0#?](,+)[^0#?]*$", first)
    return len(m.group(1)) if m else 0


def is_percent_format(code: str | None) -> bool:
    """A number format that shows the value as a percentage ("0%", "0.0 %")."""
    return bool(code) and "%" in _FORMAT_LITERALS.sub("", code.split(";", 1)[0])


def load_engine(engine: str = DEFAULT_ENGINE):
    """Import an engine's module (done before forking readers, so it is imported once)."""
    if engine == "xlsx":
        from . import _xlsx
        return _xlsx
    if engine == "openpyxl":
        from . import _openpyxl
        return _openpyxl
    raise ValueError(f"okänd läsmotor: {engine}")


def open_workbook(path: str, engine: str = DEFAULT_ENGINE) -> RawWorkbook:
    """Open a workbook with the named engine; ReadError with a Swedish message on failure."""
    path = os.fspath(path)
    if engine == "xlsx":
        sniff(path, package=False)     # the engine checks the package on its own zip handle
        from . import _xlsx
        return _xlsx.XlsxWorkbook(path)
    sniff(path)
    if engine == "openpyxl":
        from . import _openpyxl
        return _openpyxl.OpenpyxlWorkbook(path)
    raise ValueError(f"okänd läsmotor: {engine}")


def column_letter(c: int) -> str:
    """0-based column index -> Excel letters (0 -> A)."""
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


_LETTERS = [column_letter(c) for c in range(702)]      # A … ZZ


@functools.lru_cache(maxsize=16384)
def cell_ref(r: int, c: int) -> str:
    """0-based (row, col) -> "B4"."""
    return f"{_LETTERS[c] if 0 <= c < 702 else column_letter(c)}{r + 1}"


def parse_ref(ref: str) -> tuple[int, int]:
    """"B4" -> (3, 1), 0-based; "$B$4" too."""
    ref = ref.replace("$", "").upper()
    i = 0
    col = 0
    while i < len(ref) and ref[i].isalpha():
        col = col * 26 + (ord(ref[i]) - 64)
        i += 1
    if i == 0 or i == len(ref) or not ref[i:].isdigit():
        raise ValueError(f"ogiltig cellreferens: {ref}")
    return int(ref[i:]) - 1, col - 1
