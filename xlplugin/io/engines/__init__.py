"""Reading raw cells from workbook files: one narrow interface, one adapter per engine.

    wb = open_workbook(path, engine="xlsx")
    wb.sheet_names            -> list of sheet names in workbook order
    wb.get_sheet_data(name)   -> RawSheet (rows of RawCell or None)

Engines:
    "xlsx"     a small streaming reader of the OOXML parts (zipfile + the C XML parser,
               every part checked for a DTD first);
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
            if not info.file_size or info.is_dir():
                continue
            with z.open(info) as fh:
                head = fh.read(4096)
                if not _looks_like_xml(head):
                    continue                # an image, a printer setting, a VBA project
                # a prolog longer than 4 KB (a long comment) is read on to its end
                while prolog_has_dtd(head, complete=False) is None:
                    more = fh.read(65536)
                    if not more:
                        break
                    head += more
            text = xml_text(head)
            if text is None or _prolog_has_dtd(text, True) or "<!ENTITY" in text:
                raise ReadError(f"otillåten XML i delen {info.filename}: DTD eller entiteter "
                                "(skydd mot XXE och entitetsexpansion); filen läses inte", path)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise ReadError("filen är inte en giltig Excel-arbetsbok (trasig zip-fil)", path) from None


def _looks_like_xml(head: bytes) -> bool:
    """A part whose first character, in the encoding its first bytes give, is "<"."""
    text = xml_text(head[:64])
    return text is None or text.lstrip(" \t\r\n\ufeff")[:1] == "<"


# Appendix F of the XML specification: a byte-order mark, else the first four bytes.
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_EBCDIC = b"\x4c\x6f\xa7\x94"


def _wide_encoding(b: bytes) -> str | None:
    """UTF-32 or UTF-16 without a mark, by where the zero bytes of the first four bytes
    stand (appendix F names "<?" only; any ASCII character first, "<!" or white space,
    is told the same way, so that a part without a declaration cannot slip through)."""
    if len(b) < 4:
        return None
    z = [x == 0 for x in b[:4]]
    if z == [True, True, True, False]:
        return "utf-32-be"
    if z == [False, True, True, True]:
        return "utf-32-le"
    if z == [True, False, True, False]:
        return "utf-16-be"
    if z == [False, True, False, True]:
        return "utf-16-le"
    return None


def xml_text(data: bytes) -> str | None:
    """The start of an XML part as text, its encoding detected as the XML specification
    does: a byte-order mark, else the first four bytes (UTF-16 and UTF-32 without a
    mark), else an ASCII-compatible encoding (UTF-8, ISO-8859-1, windows-1252 …), shown
    as Latin-1: there the markup characters are the bytes themselves, whatever the
    declaration says. None for anything else (EBCDIC): no workbook is written so."""
    import codecs
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            break
    else:
        enc = _wide_encoding(data)
        body = data
        if enc is None:
            if data.startswith(_EBCDIC):
                return None
            return data.decode("latin-1")
    if enc == "utf-8":
        return body.decode("latin-1")
    # a chunk may end inside a character: decode what is complete
    return codecs.getincrementaldecoder(enc)(errors="replace").decode(body, final=False)


def prolog_has_dtd(data: bytes, complete: bool = True) -> bool | None:
    """True when a <!DOCTYPE (or any other <! declaration) comes before the root element,
    in whatever encoding the part is written (`xml_text`); True also for an encoding no
    workbook uses.

    The XML prolog is: a declaration, then comments, processing instructions and white
    space, with at most one DOCTYPE among them; DTDs (and so entity declarations) can
    appear nowhere else. With complete=False, None means `data` ends inside the prolog."""
    text = xml_text(data)
    if text is None:
        return True
    return _prolog_has_dtd(text, complete)


def _prolog_has_dtd(text: str, complete: bool) -> bool | None:
    pos, n = 0, len(text)
    unfinished = None if not complete else False
    while pos < n:
        ch = text[pos]
        if ch in " \t\r\n":
            pos += 1
        elif text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return unfinished       # complete: malformed, the parser reports it
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return unfinished
            pos = end + 3
        elif not complete and "<!--".startswith(text[pos:]):
            return None                 # "<", "<!" or "<!-" at the end: a comment may follow
        else:
            return text.startswith("<!", pos)
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
