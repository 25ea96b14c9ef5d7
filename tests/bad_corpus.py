"""A corpus of bad inputs, written on demand into a folder (see test_bad_inputs.py).

Each case: (file name, how to make it, the Swedish words the message must contain).
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl

WORKBOOKS = Path(__file__).resolve().parent.parent / "workbooks"
GOOD = WORKBOOKS / "kramfors_2021.xlsx"


def _rewrite(src: Path, dst: Path, part: str, transform) -> None:
    """Copy an .xlsx, changing one part's XML."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = transform(data)
            zout.writestr(info, data)


def _budget(ws, rows):
    for row in rows:
        ws.append(row)


def make_text(p):
    p.write_text("Budget 2025;Plan 2026\nStyrelse;-100;-100\n", encoding="utf-8")


def make_pdf(p):
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")


def make_empty(p):
    p.write_bytes(b"")


def make_truncated(p):
    p.write_bytes(GOOD.read_bytes()[:4000])


def make_corrupt_xml(p):
    _rewrite(GOOD, p, "xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2])


def make_not_a_workbook_zip(p):
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")


def make_xls(p):
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)


def make_password(p):
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    with open(GOOD, "rb") as fh:
        OOXMLFile(fh).encrypt("hemligt", out)
    p.write_bytes(out.getvalue())


XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10)) + b"]>\n")


def _body(d: bytes) -> bytes:
    return d.split(b"?>", 1)[1] if d.lstrip().startswith(b"<?xml") else d


def with_dtd(src: Path, dst: Path, prolog: bytes, marker: bytes = b"<v>", ref: bytes = b"&xxe;") -> None:
    """Copy `src` with its first sheet's XML declaration replaced by `prolog` (a DTD) and
    an entity reference put after the first `marker`."""
    _rewrite(src, dst, "xl/worksheets/sheet1.xml",
             lambda d: prolog + _body(d).replace(marker, marker + ref, 1))


def make_xxe(p):
    with_dtd(GOOD, p, XXE)


def make_xxe_after_long_comment(p):
    """The DTD comes after 8 KB of comment, past the package scan's first 4 KB: the
    parser's own prolog check must refuse it."""
    with_dtd(GOOD, p, b'<?xml version="1.0" encoding="UTF-8"?>\n<!--' + b"x" * 8192 + b"-->\n"
             + XXE.split(b"\n", 1)[1])


_BOM = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
        "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
ENTITY_TEXT = "ENTITETSTEXT"


def dtd_part(d: bytes, encoding: str, bom: bool) -> bytes:
    """The part re-encoded in `encoding` (with or without a byte-order mark), declaring
    that encoding, with a DTD whose entity is used in the first text of the part."""
    body = _body(d).decode("utf-8")
    for tag in ("<t>", "<t xml:space=\"preserve\">", "<v>"):
        if tag in body:
            body = body.replace(tag, tag + "&e;", 1)
            break
    declared = encoding.split("-le")[0].split("-be")[0].upper()
    text = (f'<?xml version="1.0" encoding="{declared}" standalone="yes"?>\n'
            f'<!DOCTYPE x [<!ENTITY e "{ENTITY_TEXT}">]>\n{body}')
    return (_BOM[encoding] if bom else b"") + text.encode(encoding)


def dtd_maker(part: str, encoding: str = "utf-8", bom: bool = False):
    def make(p):
        _rewrite(GOOD, p, part, lambda d: dtd_part(d, encoding, bom))
    return make


# a DTD in every encoding a part may be written in, and in every kind of part
DTD_CASES = [(f"dtd_{enc}{'_bom' if bom else ''}.xlsx", dtd_maker("xl/worksheets/sheet1.xml", enc, bom),
              "otillåten XML i delen xl/worksheets/sheet1.xml")
             for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") for bom in (False, True)]
DTD_CASES += [(f"dtd_i_{part.replace('/', '_').replace('.', '_')}.xlsx", dtd_maker(part, "utf-16-le"),
               f"otillåten XML i delen {part}")
              for part in ("xl/workbook.xml", "xl/styles.xml", "_rels/.rels",
                           "xl/_rels/workbook.xml.rels", "docProps/core.xml", "docProps/app.xml",
                           "[Content_Types].xml", "xl/theme/theme1.xml")]


def make_dtd_in_shared_strings(p):
    """The organisation's name in the shared strings, its text given by an entity: the
    case that was read with exit 0, the entity's text in the name."""
    import xlsxwriter
    plain = p.with_name(p.stem + "_utan.xlsx")
    wb = xlsxwriter.Workbook(str(plain))
    ws = wb.add_worksheet("Budget")
    for r, row in enumerate([["Samordningsförbundet Test"], [None, "Budget 2025"],
                             ["Medel från huvudmännen", 1_000_000], ["Styrelse", -1_000_000],
                             ["RESULTAT", 0]]):
        ws.write_row(r, 0, row)
    wb.close()
    _rewrite(plain, p, "xl/sharedStrings.xml", lambda d: dtd_part(d, "utf-16-le", False))
    plain.unlink()


DTD_CASES.append(("dtd_i_sharedStrings.xlsx", make_dtd_in_shared_strings,
                  "otillåten XML i delen xl/sharedStrings.xml"))


def make_billion_laughs(p):
    with_dtd(GOOD, p, LAUGHS, b"<t>", b"&lol9;")


def make_zip_bomb(p):
    shutil.copyfile(GOOD, p)
    with zipfile.ZipFile(p, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/image1.bin", b"\0" * (60 * 1024 * 1024))


def _wb(p, rows, title="Budget", extra=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    _budget(ws, rows)
    if extra:
        extra(wb, ws)
    wb.save(p)


HEAD = [["Samordningsförbundet Test"], [], [None, "Budget 2025", "Plan 2026"]]


def make_empty_sheet(p):
    _wb(p, [])


def make_no_year_header(p):
    _wb(p, [["Samordningsförbundet Test"], ["Rad", "Belopp"], ["Styrelse", -100]])


def make_same_year_twice(p):
    _wb(p, [["Samordningsförbundet Test"], [None, "Budget 2025", "Budget 2025 "],
            ["Medel från huvudmännen", 1000, 1000], ["Styrelse", -100, -100]])


def make_two_tables(p):
    _wb(p, HEAD + [["Medel från huvudmännen", 1000, 1000], ["Styrelse", -100, -100], [],
                   [None, "Budget 2024", "Prognos 2024"], ["Medel från huvudmännen", 900, 900]])


def make_mixed_units(p):
    _wb(p, HEAD + [["Medel från huvudmännen", "7 046 tkr", 7_046_000], ["Styrelse", -100, -100]])


def make_external_formula(p):
    _wb(p, HEAD + [["Medel från huvudmännen", "=[1]Blad1!B2", 1000], ["Styrelse", -100, -100]])


def make_error_value(p):
    def extra(wb, ws):
        ws["B5"] = "#REF!"
        ws["B5"].data_type = "e"
    _wb(p, HEAD + [["Medel från huvudmännen", 1000, 1000], ["Styrelse", None, -100]], extra=extra)


def make_div0(p):
    _wb(p, HEAD + [["Medel från huvudmännen", "=1/0", 1000], ["Styrelse", -100, -100]])


def make_text_amount(p):
    _wb(p, HEAD + [["Medel från huvudmännen", 1000, 1000], ["Styrelse", "ca hundra", -100]])


def make_circular(p):
    _wb(p, HEAD + [["Medel från huvudmännen", "=B5", 1000], ["Styrelse", "=B4", -100]])


# name, maker, words in the message (for `finsam check`)
CASES = [
    ("text.xlsx", make_text, "inte en Excel-arbetsbok"),
    ("rapport.pdf", make_pdf, "inte en Excel-arbetsbok"),
    ("noll_byte.xlsx", make_empty, "tom (0 byte)"),
    ("avklippt.xlsx", make_truncated, "inte en giltig Excel-arbetsbok"),
    ("trasig_xml.xlsx", make_corrupt_xml, "kan inte läsas"),
    ("word_zip.xlsx", make_not_a_workbook_zip, "saknar arbetsboksdelen"),
    ("gammal.xls", make_xls, ".xls"),
    ("losenord.xlsx", make_password, "lösenordsskyddad"),
    ("xxe.xlsx", make_xxe, "otillåten XML"),
    ("billion_laughs.xlsx", make_billion_laughs, "otillåten XML"),
    ("xxe_efter_kommentar.xlsx", make_xxe_after_long_comment, "otillåten XML"),
    ("zipbomb.xlsx", make_zip_bomb, "zip-bomb"),
    *DTD_CASES,
    ("tomt_blad.xlsx", make_empty_sheet, "arbetsboken är tom"),
    ("utan_ar.xlsx", make_no_year_header, "hittar ingen rubrikrad med årskolumner"),
    ("samma_ar.xlsx", make_same_year_twice, "två gånger"),
    ("tva_tabeller.xlsx", make_two_tables, "två budgettabeller"),
    ("blandade_enheter.xlsx", make_mixed_units, "blandade enheter"),
    ("extern_formel.xlsx", make_external_formula, "annan arbetsbok"),
    ("felvarde.xlsx", make_error_value, "felvärde #REF!"),
    ("division_noll.xlsx", make_div0, "delar med noll"),
    ("text_belopp.xlsx", make_text_amount, "'ca hundra' är inte ett belopp"),
    ("cirkel.xlsx", make_circular, "cirkelreferens"),
]

# where the message must point (file is always named)
CELLS = {"samma_ar.xlsx": "C2", "tva_tabeller.xlsx": "B7", "blandade_enheter.xlsx": "B4",
         "extern_formel.xlsx": "B4", "felvarde.xlsx": "B5", "division_noll.xlsx": "B4",
         "text_belopp.xlsx": "B5", "cirkel.xlsx": "B4"}


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, maker, _ in CASES:
        p = folder / name
        if not p.exists():
            maker(p)
        out[name] = p
    return out
