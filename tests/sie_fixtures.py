"""SIE 4 files written in the tests from voucher lists worked out by hand.

Kramfors 2021, January–August (and one September voucher outside the period):
  3010 Drittbidrag från staten          324 000 in Jan, Apr, Jul             -> 972 000
  3020 Drittbidrag från kommun och region 648 000 in Jan, Jul              -> 1 296 000
  4530 {6 SAMKRAFT} 50 000 a month (March: first booked on STEGSAM by mistake,
       reversed, booked again on SAMKRAFT)                                  -> 400 000
  4530 {6 STEGSAM}  80 000 a month                                          -> 640 000
  4530 {6 STEGPLUS} 27 500 a month from May                                 -> 110 000
  4530 {6 PSYK}     nothing yet (Psykiatridagen is in October)
  5010 Löner 50 000 and 5110 Arbetsgivaravgifter 15 710,40 a month          -> 525 683,20
  6110 Kontorsmaterial 2 345,60 (Feb), 6420 Revision 40 000 (Apr),
       6990 Övrigt 3 000 (Jun)                                              -> 45 345,60
  8570 Bankkostnader 250 a month                                            -> 2 000
  3990 Övriga ersättningar 1 250,50 in June: no rule maps it (two income lines)
  1930 Bank is the counter-account of every voucher (a balance account: not utfall)
  September: 4530 {6 SAMKRAFT} 50 000 (after the period)
"""

from __future__ import annotations

from decimal import Decimal

HEADER = """#FLAGGA 0
#FORMAT PC8
#SIETYP 4
#PROGRAM "Kommunens ekonomisystem" 12.3
#GEN 20210910
#FNAMN "Samordningsförbundet Kramfors"
#ORGNR 222000-1234
#RAR 0 20210101 20211231
#RAR -1 20200101 20201231
#KPTYP KBAS
#KONTO 1930 "Bank"
#KONTO 3010 "Drittbidrag från staten"
#KONTO 3020 "Drittbidrag från kommun och region"
#KONTO 3990 "Övriga ersättningar"
#KONTO 4530 "Bidrag föreningar, kommunalförbund"
#KONTO 5010 "Löner"
#KONTO 5110 "Arbetsgivaravgifter"
#KONTO 6110 "Kontorsmaterial"
#KONTO 6420 "Revision"
#KONTO 6990 "Övrigt"
#KONTO 8570 "Bankkostnader"
#DIM 6 "Projekt"
#OBJEKT 6 "SAMKRAFT" "Samkraft"
#OBJEKT 6 "STEGSAM" "STEGSAM samordnare"
#OBJEKT 6 "STEGPLUS" "STEGSAM Plus"
#OBJEKT 6 "PSYK" "Psykiatridagen"
"""


def kramfors_vouchers() -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(date, text, [(account, objects, amount)]) with SIE's signs; 1930 balances each."""
    v = []
    for month in range(1, 9):
        d = f"2021{month:02d}25"
        if month in (1, 4, 7):
            v.append((f"2021{month:02d}05", "Drittbidrag staten", [("3010", "{}", "-324000.00")]))
        if month in (1, 7):
            v.append((f"2021{month:02d}06", "Drittbidrag kommun och region", [("3020", "{}", "-648000.00")]))
        if month == 3:
            v.append(("20210310", "Faktura Samkraft mars", [("4530", '{6 "STEGSAM"}', "50000.00")]))
            v.append(("20210312", "Rättelse: fel projekt", [("4530", '{6 "STEGSAM"}', "-50000.00")]))
            v.append(("20210312", "Faktura Samkraft mars", [("4530", '{6 "SAMKRAFT"}', "50000.00")]))
        else:
            v.append((f"2021{month:02d}10", "Faktura Samkraft", [("4530", '{6 "SAMKRAFT"}', "50000.00")]))
        v.append((f"2021{month:02d}15", "Faktura STEGSAM", [("4530", '{6 "STEGSAM"}', "80000.00")]))
        if month >= 5:
            v.append((f"2021{month:02d}16", "Faktura STEGSAM Plus", [("4530", '{6 "STEGPLUS"}', "27500.00")]))
        v.append((d, "Lön", [("5010", "{}", "50000.00"), ("5110", "{}", "15710.40")]))
        v.append((f"2021{month:02d}28", "Bankavgift", [("8570", "{}", "250.00")]))
        if month == 2:
            v.append(("20210211", "Kontorsmaterial", [("6110", "{}", "2345.60")]))
        if month == 4:
            v.append(("20210420", "Revision", [("6420", "{}", "40000.00")]))
        if month == 6:
            v.append(("20210618", "Övrigt", [("6990", "{}", "3000.00")]))
            v.append(("20210622", "Ersättning för föreläsning", [("3990", "{}", "-1250.50")]))
    v.append(("20210910", "Faktura Samkraft september", [("4530", '{6 "SAMKRAFT"}', "50000.00")]))
    return v


def sie_text(vouchers, header: str = HEADER, extra: str = "") -> str:
    out = [header.rstrip("\n")]
    if extra:
        out.append(extra.rstrip("\n"))
    for k, (date, text, rows) in enumerate(vouchers, start=1):
        out.append(f'#VER A {k} {date} "{text}"')
        out.append("{")
        total = Decimal(0)
        for acc, objs, amount in rows:
            out.append(f"   #TRANS {acc} {objs} {amount}")
            total += Decimal(amount)
        out.append(f"   #TRANS 1930 {{}} {-total:.2f}")
        out.append("}")
    return "\r\n".join(out) + "\r\n"


def write_kramfors_sie(path, extra: str = "") -> None:
    path.write_bytes(sie_text(kramfors_vouchers(), extra=extra).encode("cp437"))


# Worked out by hand (module docstring): budget Kramfors Budget 2021, to date = 8/12 of
# the year, rounded to öre; utfall in the model's signs; forecast = utfall + (year − to date)
KRAMFORS_EXPECTED = {
    # label: (budget_year, budget_to_date, actual_to_date, deviation, forecast_year)
    "Drittbidrag från staten": (1_296_000, 864_000, 972_000, 108_000, 1_404_000),
    "Drittbidrag från kommun och region": (1_296_000, 864_000, 1_296_000, 432_000, 1_728_000),
    "Teamkoordinator/ Coach Samkraft": (-600_000, -400_000, -400_000, 0, -600_000),
    "Aktivitetscoach & samordnare STEGSAM": (-950_000, Decimal("-633333.33"), -640_000, Decimal("-6666.67"),
                                             Decimal("-956666.67")),
    "Aktivitetscoach STEGSAM Plus": (-330_000, -220_000, -110_000, 110_000, -220_000),
    "Psykiatridagen": (-30_000, -20_000, 0, 20_000, -10_000),
    "Summa personalkostnader": (-797_000, Decimal("-531333.33"), Decimal("-525683.20"), Decimal("5650.13"),
                                Decimal("-791349.87")),
    "Summa övriga verksamhetskostnader": (-134_000, Decimal("-89333.33"), Decimal("-45345.60"), Decimal("43987.73"),
                                          Decimal("-90012.27")),
    "8570 Bankkostnader": (-4_000, Decimal("-2666.67"), -2_000, Decimal("666.67"), Decimal("-3333.33")),
}
