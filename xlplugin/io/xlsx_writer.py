"""A small, fast .xlsx writer: the writer that mirrors `engines/_xlsx.py`.

    wb = Workbook(path)
    money = wb.add_format({"num_format": "#,##0", "bold": True})
    ws = wb.add_worksheet("Sammanställning")
    ws.write(0, 0, "Text"); ws.write_number(1, 1, 1200, money); ws.write_formula(2, 1, "=SUM(B1:B2)")
    wb.close()

Only what the generated county workbook needs, with the method names of the subset of
XlsxWriter it used (so the sheet code reads the same): shared strings, numbers,
booleans, formulas (written without a cached result; the workbook asks Excel and
LibreOffice to calculate everything on opening), cell formats (bold, italic, size and
colour of the font, a solid fill, a top border, alignment, indent, wrap, number
format), column widths, frozen panes, an autofilter, and print setup (orientation,
paper, fit to pages, repeated rows, header and footer).

Why not XlsxWriter itself: for 80 förbund (about 60 000 cells) it spent 0.24 s of a
0.7 s run, most of it in per-cell Python dispatch; rendering each cell's XML once, as
it is written, takes about a tenth of that. Tests compare what this writer produces
with XlsxWriter's file for the same calls (tests/test_xlsx_writer.py).
Rows and columns are 0-based, as in XlsxWriter.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from .engines import column_letter

MAX_ROWS = 1_048_576
MAX_COLS = 16_384
MAX_STRING = 32_767

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_LETTERS = [column_letter(c) for c in range(702)]


def _letters(c: int) -> str:
    return _LETTERS[c] if c < 702 else column_letter(c)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _esc(text).replace('"', "&quot;")


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class Format:
    """A cell format; create with `Workbook.add_format`. Properties as in XlsxWriter:
    bold, italic, font_size, font_color ("#RRGGBB"), bg_color, top (1 = thin border),
    align ("center", "left", "right"), valign ("vcenter", "top", "bottom"), text_wrap,
    indent, num_format (a format code)."""

    _KNOWN = {"bold", "italic", "font_size", "font_color", "bg_color", "top", "align", "valign",
              "text_wrap", "indent", "num_format"}

    def __init__(self, props: dict, index: int):
        unknown = set(props) - self._KNOWN
        if unknown:
            raise ValueError(f"unsupported format properties: {sorted(unknown)}")
        self.props = dict(props)
        self.index = index
        self.attr = f' s="{index}"' if index else ""


# Number formats Excel knows by id (ECMA-376 §18.8.30), for the codes we may be given.
_BUILTIN_NUM_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}


class Worksheet:
    def __init__(self, name: str, index: int, string_index: dict[str, int], string_list: list[str]):
        self.name = name
        self.index = index
        self._string_index = string_index    # text as given and as stored -> shared string index
        self._string_list = string_list      # shared strings in index order
        self._rows: dict[int, dict[int, str]] = {}
        self._cols: dict[int, float] = {}
        self._freeze: tuple[int, int] | None = None
        self._autofilter: tuple[int, int, int, int] | None = None
        self._landscape = False
        self._paper: int | None = None
        self._fit: tuple[int, int] | None = None
        self._repeat: tuple[int, int] | None = None
        self._header = ""
        self._footer = ""
        self.selected = index == 0

    # -- cells -----------------------------------------------------------------------
    def _put(self, r: int, c: int, body: str, fmt: Format | None) -> None:
        """Store cell (r, c) rendered once: `body` is what follows the r and s attributes."""
        if r < 0 or c < 0 or r >= MAX_ROWS or c >= MAX_COLS:
            raise IndexError(f"cell ({r}, {c}) is outside the sheet")
        row = self._rows.get(r)
        if row is None:
            row = self._rows[r] = {}
        row[c] = f'<c r="{_letters(c)}{r + 1}"{fmt.attr if fmt is not None else ""}{body}'

    def write_string(self, r: int, c: int, text: str, fmt: Format | None = None) -> None:
        i = self._string_index.get(text)
        if i is None:
            i = self._add_string(text)
        if i is None:
            self.write_blank(r, c, fmt)
        else:
            self._put(r, c, f' t="s"><v>{i}</v></c>', fmt)

    def _add_string(self, text: str) -> int | None:
        """The shared-string index of `text`; None when nothing of it can be written."""
        clean = _CONTROL.sub("", text)[:MAX_STRING]     # characters XML cannot carry are dropped
        if not clean:
            return None
        i = self._string_index.get(clean)
        if i is None:
            i = len(self._string_list)
            self._string_list.append(clean)
            self._string_index[clean] = i
        self._string_index[text] = i
        return i

    def write_number(self, r: int, c: int, number, fmt: Format | None = None) -> None:
        t = type(number)
        if t is int:
            text = str(number)
        elif t is bool:
            raise TypeError("a boolean is not a number; use write_boolean")
        elif isinstance(number, Decimal):
            text = format(number, "f")
        elif isinstance(number, int):
            text = str(int(number))
        else:
            text = repr(float(number))
        self._put(r, c, f"><v>{text}</v></c>", fmt)

    def write_boolean(self, r: int, c: int, value: bool, fmt: Format | None = None) -> None:
        self._put(r, c, f' t="b"><v>{int(bool(value))}</v></c>', fmt)

    def write_formula(self, r: int, c: int, formula: str, fmt: Format | None = None) -> None:
        """`formula` as typed in Excel's English syntax, with or without the leading "="."""
        if formula.startswith("="):
            formula = formula[1:]
        self._put(r, c, f"><f>{_esc(formula)}</f></c>", fmt)

    def write_blank(self, r: int, c: int, fmt: Format | None = None) -> None:
        if fmt is not None:
            self._put(r, c, "/>", fmt)

    def write(self, r: int, c: int, value, fmt: Format | None = None) -> None:
        """Dispatch on the type: str (a leading "=" is text, not a formula), number, bool, None."""
        t = type(value)
        if t is str and value:
            self.write_string(r, c, value, fmt)
        elif t is int:
            self._put(r, c, f"><v>{value}</v></c>", fmt)
        elif value is None:
            self.write_blank(r, c, fmt)
        elif isinstance(value, str):
            if value == "":
                self.write_blank(r, c, fmt)
            else:
                self.write_string(r, c, value, fmt)
        elif isinstance(value, bool):
            self.write_boolean(r, c, value, fmt)
        elif isinstance(value, (int, float, Decimal)):
            self.write_number(r, c, value, fmt)
        else:
            raise TypeError(f"cannot write a {type(value).__name__} to a cell")

    def write_row(self, r: int, c: int, values, fmt: Format | None = None) -> None:
        """write() for each value from column c on; text and whole numbers inline (the
        line-by-line sheets are thousands of such rows)."""
        if r < 0 or c < 0 or r >= MAX_ROWS:
            raise IndexError(f"row {r}, column {c} is outside the sheet")
        row = self._rows.get(r)
        if row is None:
            row = self._rows[r] = {}
        attr = fmt.attr if fmt is not None else ""
        index = self._string_index
        n = r + 1
        for k, v in enumerate(values, c):
            t = type(v)
            if t is str and v and k < 702:
                i = index.get(v)
                if i is None:
                    i = self._add_string(v)
                    if i is None:
                        self.write_blank(r, k, fmt)
                        continue
                row[k] = f'<c r="{_LETTERS[k]}{n}"{attr} t="s"><v>{i}</v></c>'
            elif t is int and k < 702:
                row[k] = f'<c r="{_LETTERS[k]}{n}"{attr}><v>{v}</v></c>'
            else:
                self.write(r, k, v, fmt)

    # -- sheet settings ------------------------------------------------------------
    def set_column(self, first: int, last: int, width: float) -> None:
        for c in range(first, last + 1):
            self._cols[c] = width

    def freeze_panes(self, r: int, c: int) -> None:
        self._freeze = (r, c) if (r or c) else None

    def autofilter(self, r1: int, c1: int, r2: int, c2: int) -> None:
        self._autofilter = (r1, c1, r2, c2)

    def set_landscape(self) -> None:
        self._landscape = True

    def set_paper(self, paper: int) -> None:
        self._paper = paper

    def fit_to_pages(self, width: int, height: int) -> None:
        self._fit = (width, height)

    def repeat_rows(self, first: int, last: int | None = None) -> None:
        self._repeat = (first, first if last is None else last)

    def set_header(self, text: str) -> None:
        self._header = text

    def set_footer(self, text: str) -> None:
        self._footer = text

    # -- XML -----------------------------------------------------------------------
    def defined_names(self) -> list[tuple[str, int, str, bool]]:
        """(name, localSheetId, reference, hidden) for the workbook part."""
        out = []
        q = _quote_sheet(self.name)
        if self._autofilter:
            r1, c1, r2, c2 = self._autofilter
            out.append(("_xlnm._FilterDatabase", self.index,
                        f"{q}!${_letters(c1)}${r1 + 1}:${_letters(c2)}${r2 + 1}", True))
        if self._repeat:
            first, last = self._repeat
            out.append(("_xlnm.Print_Titles", self.index, f"{q}!${first + 1}:${last + 1}", False))
        return out

    def xml(self) -> str:
        parts = [_DECL, f"<worksheet {_NS}>"]
        if self._fit:
            parts.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
        used = [r for r, cells in self._rows.items() if cells]     # write_row([None]) leaves none
        if used:
            max_row = max(used)
            max_col = max(max(self._rows[r]) for r in used)
            last = f"{_letters(max_col)}{max_row + 1}"
            parts.append(f'<dimension ref="A1:{last}"/>' if last != "A1" else '<dimension ref="A1"/>')
        else:
            parts.append('<dimension ref="A1"/>')
        parts.append(self._views())
        parts.append('<sheetFormatPr defaultRowHeight="15"/>')
        if self._cols:
            parts.append("<cols>")
            # Runs of neighbouring columns with one width share a <col>, as Excel writes them.
            # The width is stored with Excel's cell padding added, as XlsxWriter does.
            runs: list[list] = []
            for c in sorted(self._cols):
                w = self._cols[c]
                if runs and runs[-1][1] == c - 1 and runs[-1][2] == w:
                    runs[-1][1] = c
                else:
                    runs.append([c, c, w])
            for first, last, w in runs:
                parts.append(f'<col min="{first + 1}" max="{last + 1}" width="{_col_width(w)}" customWidth="1"/>')
            parts.append("</cols>")
        parts.append("<sheetData>")
        rows = self._rows
        for r in sorted(used):
            cells = rows[r]
            parts.append(f'<row r="{r + 1}">')
            parts.append("".join(cells[c] for c in sorted(cells)))
            parts.append("</row>")
        parts.append("</sheetData>")
        if self._autofilter:
            r1, c1, r2, c2 = self._autofilter
            parts.append(f'<autoFilter ref="{_letters(c1)}{r1 + 1}:{_letters(c2)}{r2 + 1}"/>')
        parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        setup = []
        if self._paper:
            setup.append(f'paperSize="{self._paper}"')
        if self._fit:
            w, h = self._fit
            if w != 1:
                setup.append(f'fitToWidth="{w}"')
            if h != 1:
                setup.append(f'fitToHeight="{h}"')
        if self._landscape:
            setup.append('orientation="landscape"')
        if setup:
            parts.append(f"<pageSetup {' '.join(setup)}/>")
        if self._header or self._footer:
            parts.append("<headerFooter>")
            if self._header:
                parts.append(f"<oddHeader>{_esc(self._header)}</oddHeader>")
            if self._footer:
                parts.append(f"<oddFooter>{_esc(self._footer)}</oddFooter>")
            parts.append("</headerFooter>")
        parts.append("</worksheet>")
        return "".join(parts)

    def _views(self) -> str:
        selected = ' tabSelected="1"' if self.selected else ""
        if not self._freeze:
            return f'<sheetViews><sheetView{selected} workbookViewId="0"/></sheetViews>'
        r, c = self._freeze
        top_left = f"{_letters(c)}{r + 1}"
        if r and c:
            pane = f'<pane xSplit="{c}" ySplit="{r}" topLeftCell="{top_left}" activePane="bottomRight" state="frozen"/>'
            sel = (f'<selection pane="topRight" activeCell="{_letters(c)}1" sqref="{_letters(c)}1"/>'
                   f'<selection pane="bottomLeft" activeCell="A{r + 1}" sqref="A{r + 1}"/>'
                   f'<selection pane="bottomRight" activeCell="{top_left}" sqref="{top_left}"/>')
        elif r:
            pane = f'<pane ySplit="{r}" topLeftCell="{top_left}" activePane="bottomLeft" state="frozen"/>'
            sel = f'<selection pane="bottomLeft" activeCell="{top_left}" sqref="{top_left}"/>'
        else:
            pane = f'<pane xSplit="{c}" topLeftCell="{top_left}" activePane="topRight" state="frozen"/>'
            sel = f'<selection pane="topRight" activeCell="{top_left}" sqref="{top_left}"/>'
        return f'<sheetViews><sheetView{selected} workbookViewId="0">{pane}{sel}</sheetView></sheetViews>'


def _col_width(width: float) -> str:
    """Character width -> the stored width, with Excel's padding (as XlsxWriter computes it)."""
    max_digit_width, padding = 7, 5
    if width < 1:
        pixels = int(width * (max_digit_width + padding) + 0.5)
    else:
        pixels = int(width * max_digit_width + 0.5) + padding
    return f"{int(pixels / max_digit_width * 256.0) / 256.0:.16g}"


class Workbook:
    """Collects sheets and formats in memory; `close()` writes the file in one go."""

    def __init__(self, path: str | Path, options: dict | None = None):
        self.path = Path(path)
        self._sheets: list[Worksheet] = []
        self._formats: list[Format] = [Format({}, 0)]
        self._string_index: dict[str, int] = {}
        self._string_list: list[str] = []
        self._creator = ""
        self.compresslevel = 1

    def set_properties(self, props: dict) -> None:
        self._creator = props.get("creator", "")

    def add_format(self, props: dict | None = None) -> Format:
        fmt = Format(props or {}, len(self._formats))
        self._formats.append(fmt)
        return fmt

    def add_worksheet(self, name: str) -> Worksheet:
        if not name or len(name) > 31 or any(ch in name for ch in "[]:*?/\\"):
            raise ValueError(f"invalid sheet name: {name!r}")
        if any(s.name.lower() == name.lower() for s in self._sheets):
            raise ValueError(f"duplicate sheet name: {name!r}")
        ws = Worksheet(name, len(self._sheets), self._string_index, self._string_list)
        self._sheets.append(ws)
        return ws

    def close(self) -> None:
        if not self._sheets:
            self.add_worksheet("Blad1")
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED, compresslevel=self.compresslevel) as z:
            z.writestr("[Content_Types].xml", self._content_types())
            z.writestr("_rels/.rels", _ROOT_RELS)
            z.writestr("docProps/app.xml", self._app())
            z.writestr("docProps/core.xml", self._core())
            z.writestr("xl/workbook.xml", self._workbook())
            z.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
            z.writestr("xl/styles.xml", self._styles())
            for ws in self._sheets:
                z.writestr(f"xl/worksheets/sheet{ws.index + 1}.xml", ws.xml())
            z.writestr("xl/sharedStrings.xml", self._shared_strings())

    # -- package parts ---------------------------------------------------------------
    def _content_types(self) -> str:
        main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{ws.index + 1}.xml" '
                         f'ContentType="{main}.worksheet+xml"/>' for ws in self._sheets)
        return (f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
                f'{sheets}'
                f'<Override PartName="/xl/styles.xml" ContentType="{main}.styles+xml"/>'
                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{main}.sharedStrings+xml"/>'
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                '<Override PartName="/docProps/app.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                '</Types>')

    def _app(self) -> str:
        return (f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>'
                '<ScaleCrop>false</ScaleCrop></Properties>')

    def _core(self) -> str:
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (f'{_DECL}<cp:coreProperties '
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:creator>{_esc(self._creator)}</dc:creator>'
                f'<cp:lastModifiedBy>{_esc(self._creator)}</cp:lastModifiedBy>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
                '</cp:coreProperties>')

    def _workbook(self) -> str:
        sheets = "".join(f'<sheet name="{_attr(ws.name)}" sheetId="{ws.index + 1}" r:id="rId{ws.index + 1}"/>'
                         for ws in self._sheets)
        names = sorted((n for ws in self._sheets for n in ws.defined_names()), key=lambda d: (d[0], d[1]))
        defined = ""
        if names:
            hide = ' hidden="1"'
            defined = "<definedNames>" + "".join(
                f'<definedName name="{name}" localSheetId="{sheet}"{hide if hidden else ""}>'
                f"{_esc(ref)}</definedName>" for name, sheet, ref, hidden in names) + "</definedNames>"
        return (f'{_DECL}<workbook {_NS}><workbookPr/>'
                '<bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/>'
                f'</bookViews><sheets>{sheets}</sheets>{defined}'
                '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')

    def _workbook_rels(self) -> str:
        base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        n = len(self._sheets)
        rels = "".join(f'<Relationship Id="rId{ws.index + 1}" Type="{base}/worksheet" '
                       f'Target="worksheets/sheet{ws.index + 1}.xml"/>' for ws in self._sheets)
        rels += (f'<Relationship Id="rId{n + 1}" Type="{base}/styles" Target="styles.xml"/>'
                 f'<Relationship Id="rId{n + 2}" Type="{base}/sharedStrings" Target="sharedStrings.xml"/>')
        return (f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'{rels}</Relationships>')

    def _shared_strings(self) -> str:
        items = []
        for text in self._string_list:
            space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
            items.append(f"<si><t{space}>{_esc(text)}</t></si>")
        n = len(self._string_list)
        return (f'{_DECL}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                f'count="{n}" uniqueCount="{n}">{"".join(items)}</sst>')

    def _styles(self) -> str:
        fonts: dict[str, int] = {}
        fills: dict[str, int] = {}
        borders: dict[str, int] = {}
        num_fmts: dict[str, int] = {}
        xfs = []
        for fmt in self._formats:
            p = fmt.props
            font = "<font>" + ("<b/>" if p.get("bold") else "") + ("<i/>" if p.get("italic") else "") + \
                f'<sz val="{p.get("font_size", 11)}"/>' + \
                (f'<color rgb="{_argb(p["font_color"])}"/>' if p.get("font_color") else "") + \
                '<name val="Calibri"/><family val="2"/></font>'
            font_id = fonts.setdefault(font, len(fonts))
            if p.get("bg_color"):
                fill = (f'<fill><patternFill patternType="solid"><fgColor rgb="{_argb(p["bg_color"])}"/>'
                        '<bgColor indexed="64"/></patternFill></fill>')
                fill_id = fills.setdefault(fill, len(fills) + 2)
            else:
                fill_id = 0
            if p.get("top"):
                border = '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>'
                border_id = borders.setdefault(border, len(borders) + 1)
            else:
                border_id = 0
            code = p.get("num_format")
            if code is None:
                num_id = 0
            elif code in _BUILTIN_NUM_FORMATS:
                num_id = _BUILTIN_NUM_FORMATS[code]
            else:
                num_id = num_fmts.setdefault(code, 164 + len(num_fmts))
            align = {}
            if p.get("align"):
                align["horizontal"] = p["align"]
            if p.get("valign"):
                align["vertical"] = {"vcenter": "center"}.get(p["valign"], p["valign"])
            if p.get("indent"):
                align.setdefault("horizontal", "left")
                align["indent"] = str(p["indent"])
            if p.get("text_wrap"):
                align["wrapText"] = "1"
            attrs = f'numFmtId="{num_id}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0"'
            if num_id:
                attrs += ' applyNumberFormat="1"'
            if font_id:
                attrs += ' applyFont="1"'
            if fill_id:
                attrs += ' applyFill="1"'
            if border_id:
                attrs += ' applyBorder="1"'
            if align:
                inner = " ".join(f'{k}="{v}"' for k, v in align.items())
                xfs.append(f'<xf {attrs} applyAlignment="1"><alignment {inner}/></xf>')
            else:
                xfs.append(f"<xf {attrs}/>")
        nf = ""
        if num_fmts:
            nf = f'<numFmts count="{len(num_fmts)}">' + "".join(
                f'<numFmt numFmtId="{i}" formatCode="{_attr(code)}"/>' for code, i in num_fmts.items()) + "</numFmts>"
        fill_xml = '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
        fill_xml += "".join(fills)
        border_xml = '<border><left/><right/><top/><bottom/><diagonal/></border>' + "".join(borders)
        return (f'{_DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{nf}'
                f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
                f'<fills count="{len(fills) + 2}">{fill_xml}</fills>'
                f'<borders count="{len(borders) + 1}">{border_xml}</borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
                'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')


def _argb(color: str) -> str:
    c = color.lstrip("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}", c):
        raise ValueError(f"colour must be #RRGGBB, not {color!r}")
    return "FF" + c


_ROOT_RELS = (f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'officeDocument" Target="xl/workbook.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
              'metadata/core-properties" Target="docProps/core.xml"/>'
              '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'extended-properties" Target="docProps/app.xml"/></Relationships>')
