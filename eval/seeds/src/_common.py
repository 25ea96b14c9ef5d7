"""Shared helpers for the seed workbook builders (XlsxWriter, byte-stable)."""
import os
from datetime import datetime

import xlsxwriter

OUT_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
STAMP = datetime(2025, 11, 1)


def new_workbook(name, title, company):
    path = os.path.join(OUT_DIR, name)
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({
        "title": title,
        "author": company,
        "company": company,
        "created": STAMP,   # XlsxWriter uses this for created and modified
    })
    return wb, path


def formats(wb, num="#,##0"):
    f = {}
    f["title"] = wb.add_format({"bold": True, "font_size": 14})
    f["sub"] = wb.add_format({"bold": True, "font_size": 11})
    f["note"] = wb.add_format({"italic": True, "font_size": 9})
    f["head"] = wb.add_format({"bold": True, "align": "right", "bottom": 1})
    f["headl"] = wb.add_format({"bold": True, "bottom": 1})
    f["lab"] = wb.add_format({})
    f["labb"] = wb.add_format({"bold": True})
    f["labi"] = wb.add_format({"italic": True})
    f["labind"] = wb.add_format({"indent": 1})
    f["num"] = wb.add_format({"num_format": num})
    f["numb"] = wb.add_format({"num_format": num, "bold": True})
    f["numi"] = wb.add_format({"num_format": num, "italic": True})
    f["numtot"] = wb.add_format({"num_format": num, "bold": True, "top": 1})
    f["labtot"] = wb.add_format({"bold": True, "top": 1})
    return f


def write_rows(ws, first_row, rows, f):
    """rows: list of (label, values, style) with style in
    'cat' (bold), 'item' (plain), 'sub' (indented breakdown), 'ital', 'tot', 'head', 'blank'.
    first_row is 1-based Excel row number. Returns dict label->excel row."""
    where = {}
    r = first_row - 1
    for label, values, style in rows:
        if style == "blank":
            r += 1
            continue
        lf, nf = {
            "cat": ("labb", "numb"),
            "item": ("lab", "num"),
            "sub": ("labind", "num"),
            "ital": ("labi", "numi"),
            "tot": ("labtot", "numtot"),
            "head": ("labb", "numb"),
        }[style]
        ws.write_string(r, 0, label, f[lf])
        for c, v in enumerate(values or []):
            if v is None:
                continue
            ws.write_number(r, c + 1, v, f[nf])
        where[label] = r + 1
        r += 1
    return where
