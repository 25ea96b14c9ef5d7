#!/usr/bin/env python3
"""Write workbooks/demo_excel_funktioner.xlsx: every FINSAM_ function and macro on the
Västmanland seed budget (Budget 2024–Plan 2027).

    python scripts/make_demo_workbook.py [OUT.xlsx]

The budget sheet is the seed workbook's sheet as is; a sheet "Funktioner" holds one
formula per function (English syntax with commas, as files store formulas; Swedish
Excel shows them with semicolons). "Planregler" and "Inställningar" feed the macros.
Until the add-in is loaded Excel shows #NAME? in the formula cells.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_seed_workbooks import _save  # noqa: E402  (deterministic writer)

SOURCE = ROOT / "workbooks" / "vastmanland_2025_2027.xlsx"
OUT = ROOT / "workbooks" / "demo_excel_funktioner.xlsx"
B = "'Budget 2025-2027'!"

# (what it shows, formula); the formulas are the ones documented in the README.
FORMULAS = [
    ("Kostnader per kolumn (utan dubbelräkning)", f'=FINSAM_SUMMA({B}A6:A33,{B}B6:E33,"kostnader")'),
    ("Intäkter per kolumn", f'=FINSAM_SUMMA({B}A6:A33,{B}B6:E33,"intakter")'),
    ("Resultat per kolumn", f"=FINSAM_SUMMA({B}A6:A33,{B}B6:E33)"),
    ("Kontroll av angivna summor", f"=FINSAM_KONTROLL({B}A6:A33,{B}B6:E33,{B}B5:E5)"),
    ("Plan 2026–2027 för Samordningsteam FNS (×0,83, ×0,85, 500 kr)",
     f'=FINSAM_PLANAR({B}C12,2,"0,83; 0,85",,,500)'),
    ("Plan 2026–2027 för Västerås (×0,83, ×0,85, 1 000 kr)", f'=FINSAM_PLANAR({B}C16,2,"0,83; 0,85",,,1000)'),
    ("Eget kapital UB 2025–2027 från UB 2024 och resultaten", f"=FINSAM_EK({B}B36,{B}C33:E33)"),
    ("Tak 20 % av budgeterade intäkter 2025", f"=FINSAM_EK_TAK({B}C6,20)"),
    ("Största underskott 2026 med golv 1 000 000 kr", f"=FINSAM_EK_MAX_UNDERSKOTT({B}C36,1000000)"),
    ("Minsta underskott 2026 ner till taket", f"=FINSAM_EK_UNDERSKOTT_TILL_TAK({B}C36,FINSAM_EK_TAK({B}D6))"),
    ("Status eget kapital 2027", f"=FINSAM_EK_STATUS({B}E36,FINSAM_EK_TAK({B}E6),1000000)"),
    ("Medlemsbidrag 2025: staten 50 %, regionen 25 %, kommunerna 25 % efter folkmängd",
     "=FINSAM_MEDLEMSBIDRAG('Budget 2025-2027'!C6,Medlemmar!A2:A11,Medlemmar!B2:B11)"),
    ("Nyckeltal 2025 av direkta insatskostnader", f'=FINSAM_NYCKELTAL({B}A6:A33,{B}C6:C33,"insatser")'),
    ("Individinsatsernas andel av kostnaderna 2025", f"=FINSAM_ANDEL({B}C19,{B}C32)"),
    ("Budget 2025 t.o.m. augusti för Samordningsteam FNS", f"=FINSAM_PERIODISERA({B}C12,8)"),
    ("Avvikelse t.o.m. augusti om FNS kostat 1 150 000 kr", f"=FINSAM_AVVIKELSE(FINSAM_PERIODISERA({B}C12,8),-1150000)"),
    ("Helårsprognos för FNS: utfall + resten av årets budget", f"=FINSAM_PROGNOS({B}C12,-1150000,8)"),
]

# Population of the ten municipalities (illustrative key; replace with the agreed one).
MEMBERS = [("Arboga", 14_000), ("Fagersta", 13_500), ("Hallstahammar", 16_400), ("Kungsör", 8_700),
           ("Köping", 26_600), ("Norberg", 5_800), ("Sala", 22_900), ("Skinnskatteberg", 4_400),
           ("Surahammar", 10_100), ("Västerås", 158_000)]


def build(out: Path = OUT) -> Path:
    wb = openpyxl.load_workbook(SOURCE)
    bold = Font(bold=True)
    ws = wb.create_sheet("Funktioner")
    ws["A1"] = "xlplugin – Excelfunktioner på Västmanlands budget 2025–2027"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ("Formlerna kräver tillägget (xlwings på Windows, eller xlwings Lite på webben/Mac). "
                "Varje resultat spills åt höger/nedåt.")
    ws["A4"], ws["B4"] = "Vad", "Formel (resultatet spills från kolumn C)"
    ws["A4"].font = ws["B4"].font = bold
    row = 5
    for text, formula in FORMULAS:
        ws.cell(row=row, column=1, value=text)
        ws.cell(row=row, column=2, value=formula[1:])          # the formula as text, to read
        ws.cell(row=row, column=3, value=formula)               # the live formula
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        row += 12 if "KONTROLL" in formula or "MEDLEMSBIDRAG" in formula or "NYCKELTAL" in formula else 2
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 60
    for col in "CDEFGHI":
        ws.column_dimensions[col].width = 16

    m = wb.create_sheet("Medlemmar")
    m.append(["Kommun", "Folkmängd"])
    for name, pop in MEMBERS:
        m.append([name, pop])

    rules = wb.create_sheet("Planregler")
    rules.append(["Rad", "Faktorer", "Index %", "Steg kr", "Avrundning"])
    for label, rounding in (("Samordningsteam FNS", 500), ("Samordningsteam Hallstahammar", 500),
                            ("Samordningsteam Sala", 100), ("Samordningsteam Surahammar", 500),
                            ("Samordningsteam Västerås", 1000), ("Psykiatiresurs Samordningsteam", 500)):
        rules.append([label, "0,83; 0,85", None, None, rounding])
    rules.append(["Styrelse", None, 2.5, None, 1000])
    for c in rules[1]:
        c.font = bold

    settings = wb.create_sheet("Inställningar")
    settings.append(["Inställning", "Värde"])
    settings.append(["Tak procent", 20])
    settings.append(["Tak bas", "intakter"])
    settings.append(["Golv", 1_000_000])
    for c in settings[1]:
        c.font = bold

    help_ = wb.create_sheet("Makron")
    for line in (
        "Makron (knappar) i xlplugin:",
        "Kontrollera budget – markerar angivna summor som inte stämmer (ljusröd fyllning) och skriver bladet Kontroll.",
        "Fyll i planår – fyller plankolumnerna enligt bladet Planregler (Rad | Faktorer | Index % | Steg kr | Avrundning).",
        "Uppdatera eget kapital – skriver IB, resultat, UB, tak, golv och status till bladet Eget kapital (inställningar i bladet Inställningar).",
        "",
        "xlwings Lite (webben, Mac, Windows): kör makrona från xlwings Lite-panelen.",
        "Windows med xlwings-tillägget: knapp med makrot RunPython(\"import xlplugin.excel.macros as m; m.kontrollera_budget_knapp()\")",
        "  (fyll_i_planar_knapp, uppdatera_eget_kapital_knapp för de andra två). Se README.",
    ):
        help_.append([line])
    help_.column_dimensions["A"].width = 120
    _save(wb, out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
