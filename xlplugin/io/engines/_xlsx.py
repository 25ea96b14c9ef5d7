"""A small streaming reader of .xlsx/.xlsm parts: values, formulas and style cues.

Only what the layout detection needs: cell values (shared strings, inline strings,
numbers as exact Decimals, booleans, error values), formula text, bold/italic and
indent from the cell style, merged ranges, hidden sheets and rows.

XML safety: DTDs, and with them every entity declaration (XXE, entity expansion), are
refused. Every part of the package is first checked for a DTD in its prolog (the only
place XML allows one), in the encoding its byte-order mark or first bytes give
(`engines.xml_text`), and each part read is parsed with the C parser, several times
faster than defusedxml's
pure-Python one; a large sheet is streamed through it the same way.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from decimal import Decimal, InvalidOperation

from ...errors import ReadError
from ..cells import ExcelError, excel_number
from . import (MAX_COLS, MAX_ROWS, RawCell, RawSheet, check_package, is_percent_format, parse_ref,
                prolog_has_dtd, thousands_scale)

from xml.etree.ElementTree import ParseError as _ParseError
from xml.etree.ElementTree import XMLParser as _CParser
from xml.etree.ElementTree import XMLPullParser as _PullParser


_CHUNK = 1 << 16


def _iterparse(fh, local_names=("row", "mergeCell")):
    """Stream a large sheet's row and mergeCell elements as they end, with the C parser,
    after the same check of the prolog for a DTD as `_safe_fromstring` (read on until the
    prolog ends)."""
    head = fh.read(_CHUNK)
    while prolog_has_dtd(head, complete=False) is None:
        more = fh.read(_CHUNK)
        if not more:
            break
        head += more
    if prolog_has_dtd(head):
        raise _ForbiddenXml("DTD")
    parser = _PullParser(events=("end",))
    wanted: dict[str, bool] = {}                 # tag -> is a row or mergeCell
    chunk = head
    while True:
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()
        for _event, el in parser.read_events():
            w = wanted.get(el.tag)
            if w is None:
                w = wanted[el.tag] = el.tag.rsplit("}", 1)[-1] in local_names
            if w:
                yield el
        if not chunk:
            return
        chunk = fh.read(_CHUNK)


class _ForbiddenXml(ValueError):
    """An XML part declares a DTD (and so possibly entities): refused."""


def _safe_fromstring(data: bytes):
    """Parse one XML part with the C parser after refusing any DTD in its prolog."""
    if prolog_has_dtd(data):
        raise _ForbiddenXml("DTD")
    parser = _CParser()
    parser.feed(data)
    return parser.close()




def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class XlsxWorkbook:
    def __init__(self, path: str):
        self.path = path
        self._date1904 = False          # the workbook's date system (workbookPr date1904)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError):
            raise ReadError("filen är inte en giltig Excel-arbetsbok (trasig zip-fil)", path) from None
        try:
            # every part, parsed here or not, is checked for a DTD before anything is
            # parsed; each part parsed is checked again as it is read
            check_package(path, self._zip)
            self._sheets = self._read_workbook()
            self._strings = self._read_shared_strings()
            self._styles = self._read_styles()
        except ReadError:
            self._zip.close()
            raise
        except (_ParseError, KeyError, ValueError, zipfile.BadZipFile, EOFError, zlib.error,
                OSError, IndexError, NotImplementedError) as exc:
            self._zip.close()
            raise ReadError(f"arbetsboken är skadad och kan inte läsas ({_why(exc)})", path) from None

    # -- interface -------------------------------------------------------------------
    @property
    def sheet_names(self) -> list[str]:
        return [name for name, _, _ in self._sheets]

    def get_sheet_data(self, name: str) -> RawSheet:
        for sheet_name, part, state in self._sheets:
            if sheet_name == name:
                try:
                    return self._read_sheet(sheet_name, part, state != "visible")
                except ReadError as exc:
                    raise exc.located(self.path, name) from None
                except (_ParseError, KeyError, ValueError, zipfile.BadZipFile,
                        EOFError, zlib.error, OSError, IndexError, NotImplementedError) as exc:
                    raise ReadError(f"bladet är skadat och kan inte läsas ({_why(exc)})",
                                    self.path, name) from None
        raise KeyError(name)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- parts -----------------------------------------------------------------------
    def _xml(self, part: str):
        return _safe_fromstring(self._zip.read(part))

    def _read_workbook(self) -> list[tuple[str, str, str]]:
        names = set(self._zip.namelist())
        wb_part = "xl/workbook.xml"
        if wb_part not in names:
            raise ReadError("filen saknar arbetsboksdelen xl/workbook.xml och är inte en "
                            "Excel-arbetsbok", self.path)
        rels = {}
        rels_part = "xl/_rels/workbook.xml.rels"
        if rels_part in names:
            for el in self._xml(rels_part):
                if _local(el.tag) == "Relationship":
                    target = el.get("Target", "")
                    if target.startswith("/"):
                        target = target[1:]
                    else:
                        target = posixpath.normpath(posixpath.join("xl", target))
                    rels[el.get("Id")] = target
        out = []
        for el in self._xml(wb_part).iter():
            if _local(el.tag) == "workbookPr":
                self._date1904 = el.get("date1904") in ("1", "true")
            if _local(el.tag) == "sheet":
                rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
                part = rels.get(rid)
                if part and part in names:
                    out.append((el.get("name", ""), part, el.get("state", "visible")))
        return out

    def _read_shared_strings(self) -> list[str]:
        part = "xl/sharedStrings.xml"
        if part not in self._zip.namelist():
            return []
        out = []
        for si in self._xml(part):
            if _local(si.tag) != "si":
                continue
            out.append("".join(_texts(si)))
        return out

    def _read_styles(self) -> list[tuple[bool, bool, int, bool, int, bool]]:
        """Per cell style: (bold, italic, indent, is a date format, thousands scale, percent)."""
        part = "xl/styles.xml"
        if part not in self._zip.namelist():
            return []
        root = self._xml(part)
        fonts = []
        xfs = []
        custom_dates = set()
        scales = {}
        percents = {9, 10}              # the built-in 0% and 0.00%
        for el in root:
            if _local(el.tag) == "numFmts":
                for fmt in el:
                    fmt_id = int(fmt.get("numFmtId", "0") or 0)
                    code = fmt.get("formatCode", "")
                    if _is_date_code(code):
                        custom_dates.add(fmt_id)
                    scales[fmt_id] = thousands_scale(code)
                    if is_percent_format(code):
                        percents.add(fmt_id)
                    else:
                        percents.discard(fmt_id)
        for el in root:
            tag = _local(el.tag)
            if tag == "fonts":
                for font in el:
                    bold = italic = False
                    for prop in font:
                        p = _local(prop.tag)
                        on = prop.get("val", "1") not in ("0", "false")
                        if p == "b":
                            bold = on
                        elif p == "i":
                            italic = on
                    fonts.append((bold, italic))
            elif tag == "cellXfs":
                for xf in el:
                    font_id = int(xf.get("fontId", "0") or 0)
                    indent = 0
                    for child in xf:
                        if _local(child.tag) == "alignment":
                            indent = int(child.get("indent", "0") or 0)
                    bold, italic = fonts[font_id] if font_id < len(fonts) else (False, False)
                    fmt_id = int(xf.get("numFmtId", "0") or 0)
                    is_date = fmt_id in _BUILTIN_DATE_FORMATS or fmt_id in custom_dates
                    xfs.append((bold, italic, indent, is_date, scales.get(fmt_id, 0), fmt_id in percents))
        return xfs

    def _read_sheet(self, name: str, part: str, hidden: bool) -> RawSheet:
        """Small sheets are parsed in one go (fast, in C); large ones streamed row by row."""
        size = self._zip.getinfo(part).file_size
        if size <= 2 * 1024 * 1024:
            root = _safe_fromstring(self._zip.read(part))
            ns = _namespace(root.tag)
            data = root.find(ns + "sheetData")
            merges = root.find(ns + "mergeCells")
            elements = [el for el in (data if data is not None else ()) if el.tag == ns + "row"]
            if merges is not None:
                elements += [el for el in merges if el.tag == ns + "mergeCell"]
            return self._bind_sheet(name, elements, hidden, clear=False, ns=ns)
        with self._zip.open(part) as fh:
            elements = _iterparse(fh)
            return self._bind_sheet(name, elements, hidden, clear=True)

    def _bind_sheet(self, name, elements, hidden: bool, clear: bool, ns: str | None = None) -> RawSheet:
        """`ns`: the sheet's namespace as "{uri}" when known (faster tag tests); None: any."""
        rows: list[list[RawCell | None]] = []
        merged = []
        hidden_rows = set()
        columns = _COLUMN_CACHE
        cell_tag = None if ns is None else ns + "c"
        tags = None if ns is None else (ns + "v", ns + "f", ns + "is")
        cells = _SheetCells(self._strings, self._styles, tags, self._date1904)
        next_row = 0
        for el in elements:
            if el.tag.endswith("mergeCell"):
                ref = el.get("ref", "")
                if ":" in ref:
                    a, b = ref.split(":", 1)
                    (r1, c1), (r2, c2) = parse_ref(a), parse_ref(b)
                    merged.append((r1, c1, r2, c2))
                continue
            r = int(el.get("r", next_row + 1)) - 1
            if r >= MAX_ROWS:
                raise ReadError(f"bladet har fler än {MAX_ROWS} rader; det läses inte")
            next_row = r + 1
            if el.get("hidden") in ("1", "true"):
                hidden_rows.add(r)
            row: list[RawCell | None] = []
            next_col = 0
            for c in el:
                if c.tag != cell_tag and not (ns is None and (c.tag.endswith("}c") or c.tag == "c")):
                    continue
                ref = c.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters)
                    if col is None:
                        col = parse_ref(ref)[1]
                        columns[letters] = col
                else:
                    col = next_col
                if col >= MAX_COLS:
                    raise ReadError(f"bladet har fler än {MAX_COLS} kolumner; det läses inte")
                next_col = col + 1
                cell = cells.cell(c, r, col)
                if cell is not None:
                    if len(row) <= col:
                        row.extend([None] * (col + 1 - len(row)))
                    row[col] = cell
            if row:
                if len(rows) <= r:
                    rows.extend([] for _ in range(r + 1 - len(rows)))
                rows[r] = row
            if clear:
                el.clear()
        return RawSheet(name=name, rows=rows, merged=merged, hidden=hidden,
                        hidden_rows=frozenset(hidden_rows))


_COLUMN_CACHE: dict[str, int] = {}


def _texts(el):
    for node in el.iter():
        tag = _local(node.tag)
        if tag == "rPh":
            continue
        if tag == "t" and node.text:
            yield node.text


def _namespace(tag: str) -> str:
    """"{uri}" of a qualified tag, "" for an unqualified one."""
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""


class _SheetCells:
    """Turns the <c> elements of one sheet into RawCells, in three steps: the parts of the
    element (value text, formula element, inline string), the value by the cell's type,
    and the style cues. One per sheet, because shared formulas are: the master cell
    (`<f t="shared" si="0" ref="B5:B9">SUM(B2:B4)</f>`) gives its text, and each
    dependent (`<f t="shared" si="0"/>`) gets it moved by its own offset, as Excel
    does ("SUM(C2:C4)" one column to the right)."""

    def __init__(self, strings, styles, tags=None, date1904: bool = False):
        self.strings, self.styles, self.date1904 = strings, styles, date1904
        self.tags = tags            # ({ns}v, {ns}f, {ns}is) when the namespace is known
        self.shared: dict[str, tuple[int, int, str]] = {}   # si -> (row, col, master text)

    def cell(self, c, r: int, col: int) -> RawCell | None:
        raw, f, inline = self._parts(c)
        formula = self._formula(f, r, col) if f is not None else None
        value = self._value(c.get("t", "n"), raw, inline)
        return self._styled(c.get("s"), value, formula)

    def _parts(self, c):
        """(value text, formula element, inline string) of a <c> element."""
        raw = f = inline = None
        tags = self.tags
        for child in c:
            if tags is not None:            # the sheet's namespace known: compare whole names
                tag = child.tag
                tag = "v" if tag == tags[0] else "f" if tag == tags[1] else "is" if tag == tags[2] else ""
            else:
                tag = _local(child.tag)
            if tag == "v":
                raw = child.text
            elif tag == "f":
                f = child
            elif tag == "is":
                if len(child) == 1 and len(child[0]) == 0 and child[0].tag[-2:] in ("}t", "t"):
                    inline = child[0].text or ""     # the usual <is><t>text</t></is>
                else:
                    inline = "".join(_texts(child))
        return raw, f, inline

    def _formula(self, f, r: int, col: int) -> str | None:
        """The formula text; a shared formula's dependent gets its master's, moved."""
        text = f.text
        if f.get("t") != "shared":
            return text or None
        si = f.get("si", "")
        if text:
            self.shared[si] = (r, col, text)
            return text
        master = self.shared.get(si)
        if master is None:
            return ""               # its master was not seen: a formula, text unknown
        mr, mc, mtext = master
        return shift_formula(mtext, r - mr, col - mc)

    def _value(self, t: str, raw, inline):
        """The cell's value by its type: shared or inline string, boolean, error, number
        (an exact int or Decimal), or an ISO date typed as such."""
        if t == "s":
            return self.strings[int(raw)] if raw is not None else None
        if t in ("str", "inlineStr"):
            value = inline if t == "inlineStr" else raw
            return inline if value is None and inline is not None else value
        if t == "b":
            return raw in ("1", "true") if raw is not None else None
        if t == "e":
            return ExcelError(raw or "#VALUE!")
        if raw is None:
            return None
        if t == "d":
            return raw
        if raw.isascii() and (raw.isdigit() or (raw[:1] == "-" and raw[1:].isdigit())):
            return int(raw)
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ReadError(f"ogiltigt tal i filen: {raw!r}") from None
        return excel_number(value)

    def _styled(self, s, value, formula) -> RawCell | None:
        """The RawCell with the style cues of style index `s` (bold, italic, indent, a
        date format, a number format that scales or shows percent); None for a cell with
        nothing in it."""
        if s:
            idx = int(s)
            if idx < len(self.styles):
                bold, italic, indent, is_date, scale, percent = self.styles[idx]
                if is_date and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                    value = _excel_date(value, self.date1904)
                if value is None and formula is None and not (bold or italic or indent):
                    return None
                if (scale or percent) and formula is None and \
                        (isinstance(value, bool) or not isinstance(value, (int, Decimal))):
                    scale, percent = 0, False   # only a number (or a formula's result) is shown so
                return RawCell(value, formula, bold, italic, indent, scale, percent)
        if value is None and formula is None:
            return None
        return RawCell(value, formula)


_A1 = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_])")
_FORMULA_STRING = re.compile(r'"(?:[^"]|"")*"')


def shift_formula(text: str, rows: int, cols: int) -> str:
    """A formula moved by (rows, cols), as Excel fills a shared formula: every relative
    row and column of an A1 reference moves, those anchored with $ stay; text in quotes
    and names (a letter or digit right before) are left alone."""
    from . import column_letter

    def move(m: re.Match) -> str:
        start = m.start()
        s = m.string
        if start and (s[start - 1].isalnum() or s[start - 1] in "_."):
            return m.group(0)       # part of a name or a function ("LOG10", "Tabell1.A")
        dc, c, dr, r = m.groups()
        col = parse_ref(c + "1")[1] + (0 if dc else cols)
        row = int(r) + (0 if dr else rows)
        if col < 0 or row < 1:
            return "#REF!"          # moved off the sheet, as Excel shows it
        return f"{dc}{column_letter(col)}{dr}{row}"

    out, pos = [], 0
    for q in _FORMULA_STRING.finditer(text):
        out.append(_A1.sub(move, text[pos:q.start()]))
        out.append(q.group(0))
        pos = q.end()
    out.append(_A1.sub(move, text[pos:]))
    return "".join(out)


_BUILTIN_DATE_FORMATS = set(range(14, 23)) | set(range(45, 48)) | set(range(27, 37)) | set(range(50, 59))
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _is_date_code(code: str) -> bool:
    """A number format that shows a date or time (d, m, y, h, s outside quotes/colours)."""
    bare = _QUOTED.sub("", code).lower()
    if "#" in bare or "0" in bare or "general" in bare:
        return False            # digit placeholders: an amount format, e.g. #,##0 "kr"
    return any(ch in bare for ch in "dmyhs")


def _excel_date(serial, date1904: bool = False) -> str:
    """An Excel date serial as ISO text (dates are never amounts): days since 1899-12-30
    in the 1900 system, since 1904-01-01 where the workbook says date1904."""
    import datetime as dt
    try:
        epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
        day = epoch + dt.timedelta(days=float(serial))
    except (OverflowError, ValueError):
        return str(serial)
    return day.date().isoformat() if day.time() == dt.time() else day.isoformat(sep=" ")


def _why(exc: Exception) -> str:
    if isinstance(exc, _ForbiddenXml) or type(exc).__module__.startswith("defusedxml"):
        return "otillåten XML: DTD eller entiteter"
    return type(exc).__name__
