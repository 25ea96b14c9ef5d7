"""Shared helpers for the held-out evaluation workbooks (byte-stable saving)."""
import datetime
import io
import os
import re
import zipfile

FIXED = datetime.datetime(2025, 11, 1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUTDIR = os.path.dirname(HERE)


def out(name):
    return os.path.join(OUTDIR, name)


def normalize_zip(path):
    """Rewrite the zip with fixed timestamps so that builds are byte-stable."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    # openpyxl stamps dcterms:modified with the current time on save: pin it
    items = [(n, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                        rb"\g<1>2025-11-01T00:00:00Z\g<2>", d) if n == "docProps/core.xml" else d)
             for n, d in items]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2025, 11, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def save_openpyxl(wb, name, creator="Ekonom"):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    p = out(name)
    wb.save(p)
    normalize_zip(p)
    print("wrote", p)
    return p


def xw_workbook(name, author="Ekonom"):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out(name))
    wb.set_properties({"created": FIXED, "author": author})
    return wb


def xw_close(wb):
    wb.close()
    normalize_zip(wb.filename)
    print("wrote", wb.filename)


def sv(n, minus="-"):
    """Swedish text rendering of an integer: 1 310 000 / −25 000."""
    s = f"{abs(int(n)):,}".replace(",", " ")
    return minus + s if n < 0 else s


def sv1(x):
    """Swedish one-decimal text: 1 550,5"""
    s = f"{abs(x):,.1f}".replace(",", " ").replace(".", ",")
    return "-" + s if x < 0 else s


def sv1nb(x, minus="-"):
    """Swedish one-decimal text with a no-break space as thousands separator: 1\u00a0234,5"""
    s = f"{abs(x):,.1f}".replace(",", "\u00a0").replace(".", ",")
    return minus + s if x < 0 else s
