"""The Excel face: xlwings custom functions (UDFs) and macros (scripts).

Thin wrappers: they convert Excel's arguments and call the same core as `finsam`.
One module serves Windows desktop Excel (xlwings add-in, COM) and Excel on the web,
Mac and Windows through xlwings Lite or a self-hosted xlwings Server (Office.js).
"""
