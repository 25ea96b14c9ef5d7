"""The resultatrapport reader (io.resultatrapport) on tiny inline reports, worked out by hand.

Amounts come out in model signs: revenue positive, costs negative, in kronor."""

from decimal import Decimal as D

import openpyxl
import pytest

from xlplugin.errors import ReadError
from xlplugin.io.cells import excel_number
from xlplugin.io.resultatrapport import (classify_heading, read_resultatrapport,
                                         resultatrapport_from_rows, stated_period)


def to_date(actuals, month):
    months = actuals.months[:month]
    return {(r.account, r.objects[0][1] if r.objects else None): r.to_date(months) for r in actuals.rows}


TITLE = [["Samordningsförbundet Test"], ["Resultatrapport"], ["Period 2025-01 – 2025-08"],
         ["Utskriven 2026-01-12 av EKON"], [None]]


def test_the_to_date_column_among_period_budget_and_last_year():
    rows = TITLE + [
        ["Konto", "Benämning", "Utfall perioden", "Utfall ack", "Budget ack", "Avvikelse", "Fg år ack"],
        ["3 Verksamhetens intäkter"],
        [3411, "Bidrag FK", 0, -1980000, -1760000, 220000, -1900000],
        [4611, "Köp av verksamhet", 50000, 400000.5, 420000, 19999.5, 380000],
        [None, "Summa kostnader", 50000, 400000.5, 420000, 19999.5, 380000],
        [1930, "Bank", 0, 123, None, None, None],
    ]
    a = resultatrapport_from_rows(rows, "r.xlsx", "Rapport", 2025, 8)
    # ledger signs (revenue negative) turned: 1 980 000 in, 400 000,50 out; no bank, no Summa
    assert to_date(a, 8) == {("3411", None): D(1980000), ("4611", None): D("-400000.5")}
    assert a.company == "Samordningsförbundet Test"        # the organisation the title names


def test_report_signs_are_kept_and_both_positive_costs_are_turned():
    head = ["Konto", "Text", "Hittills i år"]
    report = resultatrapport_from_rows([head, ["3985 Bidrag", None, 1600000], ["5010 Lokalhyra", None, -60000],
                                        ["6990 Återbetalning", None, 500]], "r", "s", 2024, 12)
    assert to_date(report, 12) == {("3985", None): 1600000, ("5010", None): -60000, ("6990", None): 500}
    positive = resultatrapport_from_rows([head, [3985, "Bidrag", 1600000], [5010, "Lokalhyra", 60000],
                                          [7690, "Övrigt (kreditering)", -700], [8410, "Räntekostnad", 120],
                                          [8310, "Ränteintäkt", 90]], "r", "s", 2024, 12)
    # both printed positive: costs (4-7, 84-89) turned, a credit under Kostnader comes out positive
    assert to_date(positive, 12) == {("3985", None): 1600000, ("5010", None): -60000, ("7690", None): 700,
                                     ("8410", None): -120, ("8310", None): 90}


def test_month_columns_are_summed_to_the_period_only():
    rows = [["Konto", "Kst", "2025-01", "2025-02", "2025-03", "2025-04", "Summa"],
            ["3411 Bidrag", "1:10", -100, 0, -100, -100, -300],
            ["4611 Köp", "1:20", 10, 20, 30, 40, 100]]
    a = resultatrapport_from_rows(rows, "r", "s", 2025, 3)
    assert to_date(a, 3) == {("3411", "10"): 200, ("4611", "20"): -60}
    assert dict(a.rows[1].months) == {"202501": -10, "202502": -20, "202503": -30}   # kept by month


def test_tkr_is_converted_exactly():
    rows = [["Belopp i tkr"], ["Konto", "Namn", "Utfall ack"], [3411, "Bidrag", 3480], [4611, "Köp", -12.3]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 10), 10) == {
        ("3411", None): 3480000, ("4611", None): -12300}


def test_a_heading_over_two_rows():
    """"Utfall" over "perioden" and "ack.", "Budget" over "ack.": the band above the row
    with Konto is part of its headings."""
    rows = [[None, None, "Utfall", "Utfall", "Budget"], ["Konto", "Namn", "perioden", "ack.", "ack."],
            [3411, "Bidrag", 0, 900, 800], [5010, "Hyra", -10, -80, -70]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 8), 8) == {
        ("3411", None): 900, ("5010", None): -80}


def test_sub_headings_in_the_row_below():
    """Konto, …, "Utfall" merged over "period" / "ack." in the row below, "Budget" over "ack." /
    "helår": the plain "Utfall" alone would be the month's column, 10 kr off."""
    rows = [["Konto", "Kontotext", "Projekt", "Utfall", None, "Budget", None, "Fg år"],
            [None, None, None, "period", "ack.", "ack.", "helår", "ack."],
            ["3611", "Bidrag FK", None, 0, 2250000, 2250000, 3000000, 2092500],
            ["Summa 36", None, None, 0, 2250000, 2250000, 3000000, 2092500],
            ["4610", "Köp", "P100", -10, -875190, -900000, -1200000, -930140]]
    a = resultatrapport_from_rows(rows, "r", "s", 2024, 9)
    assert to_date(a, 9) == {("3611", None): 2250000, ("4610", "P100"): -875190}


def test_a_first_data_row_is_not_taken_for_sub_headings():
    """A row under the header with an account or an amount in it is data, even in text."""
    rows = [["Konto", "Benämning", "Utfall ack"], ["3411", "Bidrag FK", "1 200,00"],
            ["5010", "Hyra", "−300,50"]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 8), 8) == {
        ("3411", None): D(1200), ("5010", None): D("-300.50")}


@pytest.mark.parametrize("rows, year, month, message", [
    (TITLE + [["Konto", "Benämning", "Utfall jan-aug", "Utfall ack"], [3411, "FK", -100, -100],
              [4611, "Köp", 50, 60]], 2025, 8, "osäker tolkning: både kolumnen 'Utfall jan-aug' och kolumnen 'Utfall ack'"),
    ([["Period 2024-01 – 2024-08"], ["Konto", "Benämning", "Utfall ack"], [3411, "FK", -100]], 2025, 8,
     "rapporten gäller 2024, inte 2025"),
    ([["Konto", "Benämning", "Utfall ack 2024", "Budget 2025"], [3411, "FK", -100, -90]], 2025, 8,
     "kolumnen 'Utfall ack 2024' gäller 2024, inte 2025"),
    ([["Konto", "Benämning", "Budget helår", "Prognos"], [3411, "FK", -100, -90]], 2025, 8,
     "hittar varken månadskolumner"),
    ([["Benämning", "Utfall ack"], ["Bidrag FK", 100]], 2025, 8, "hittar ingen rubrikrad med Konto"),
    ([["Period 2025-01 – 2025-06"], ["Konto", "Benämning", "Utfall ack"], [3411, "FK", -100]], 2025, 8,
     "rapporten gäller t.o.m. jun, men uppföljningen avser t.o.m. aug"),
    ([["Konto", "Benämning", "Utfall jan-jun"], [3411, "FK", -100]], 2025, 8,
     "kolumnen 'Utfall jan-jun' gäller t.o.m. jun, inte aug"),
    ([["Konto", "Jan", "Feb"], [3411, -100, -100]], 2025, 3, "mar saknas"),
    ([["Konto", "Utfall ack"], [3411, "tjugo"]], 2025, 3, "'tjugo' är inget belopp"),
    # the month a heading or title ends in, as a word or a date after "t.o.m." or "per"
    ([["Konto", "Benämning", "Utfall t.o.m. juni"], [3411, "FK", -100]], 2025, 8,
     "kolumnen 'Utfall t.o.m. juni' gäller t.o.m. jun, inte aug"),
    ([["Konto", "Benämning", "Bokfört per 2025-06-30"], [3411, "FK", -100]], 2025, 8,
     "gäller t.o.m. jun, inte aug"),
    ([["Period: t.o.m. juni 2025"], ["Konto", "Benämning", "Utfall ack"], [3411, "FK", -100]], 2025, 8,
     "rapporten gäller t.o.m. jun, men uppföljningen avser t.o.m. aug"),
])
def test_what_cannot_be_read_for_certain_is_refused(rows, year, month, message):
    with pytest.raises(ReadError) as exc:
        resultatrapport_from_rows(rows, "r.xlsx", "Rapport", year, month)
    assert message in str(exc.value)
    assert "r.xlsx" in str(exc.value) and "Rapport" in str(exc.value)


def test_two_columns_that_disagree_are_named_with_their_amounts_in_swedish():
    rows = [["Konto", "Ack. utfall", "Utfall t.o.m. oktober"], [3612, -800000, -789647.93]]
    with pytest.raises(ReadError) as exc:
        resultatrapport_from_rows(rows, "r.xlsx", "Resultat", 2024, 10)
    assert "konto 3612: -800 000,00 och -789 647,93 kr" in str(exc.value)   # as the sheet has them
    assert "cell B2" in str(exc.value)


def test_kronor_with_ore():
    from xlplugin.text import kr_ore
    assert [kr_ore(x) for x in (D("-789647.93"), D("1234567.5"), 0, D("-0.004"))] == [
        "-789 647,93", "1 234 567,50", "0,00", "0,00"]


def test_two_to_date_columns_that_agree_are_one_reading():
    rows = [["Konto", "Utfall jan-aug", "Utfall ack"], [3411, -100, -100], [4611, 50, 50]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 8), 8) == {
        ("3411", None): 100, ("4611", None): -50}


@pytest.mark.parametrize("text, role", [
    ("utfall ack", "to_date"), ("ackumulerat", "to_date"), ("hittills i år", "to_date"),
    ("bokfört t.o.m.", "to_date"), ("utfall jan-aug", "to_date"), ("utfall", "to_date"),
    ("utfall perioden", "other"), ("budget ack", "other"), ("fg år ack", "other"), ("avvikelse", "other"),
    ("prognos helår", "other"), ("totalt", "other"), ("jan", "month"), ("2025-03", "month"),
    ("202511", "month"), ("maj 2025", "month"), ("utfall 2024", "other"), ("utfall ack 2025", "to_date"),
])
def test_headings(text, role):
    assert classify_heading(text, 3, 2025).role == role


@pytest.mark.parametrize("text, through", [
    ("utfall t.o.m. juni", 6), ("utfall tom jun", 6), ("ack utfall per aug", 8), ("saldo t.o.m. 31 aug", 8),
    ("utfall t.o.m. 2025-06", 6), ("bokfört t.o.m. 2025-06-30", 6), ("utfall jan-okt", 10),
    ("utfall ack", None), ("hittills i år", None),
])
def test_the_month_a_to_date_heading_ends_in(text, through):
    c = classify_heading(text, 3, 2025)
    assert (c.role, c.through) == ("to_date", through)


def test_a_to_date_heading_for_the_period_asked_is_read():
    rows = [["Konto", "Benämning", "Utfall perioden", "Utfall t.o.m. augusti"], [3411, "FK", -10, -100]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 8), 8) == {("3411", None): 100}


def test_the_stated_period():
    assert stated_period(["Räkenskapsår 2024-01-01 – 2024-12-31", "Period: januari – oktober"]) == ((2024,), 10)
    assert stated_period(["Period 202601–202604", "Körd 2026-05-06 08:41"]) == ((2026,), 4)
    assert stated_period(["Utskriven 2026-01-12"]) == ((), None)          # when printed, not the period


def test_the_report_sheet_is_found_behind_an_info_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Info"
    wb.active.append(["Rapport", "Resultatrapport"])
    ws = wb.create_sheet("Rapport")
    for row in [["Konto", "Kontotext", "Bokfört t.o.m."], ["34110", "FK", -840000], ["46110", "Köp", 171653.14]]:
        ws.append(row)
    wb.save(tmp_path / "r.xlsx")
    a = read_resultatrapport(str(tmp_path / "r.xlsx"), 2026, 4)
    assert to_date(a, 4) == {("34110", None): 840000, ("46110", None): D("-171653.14")}


def test_excel_keeps_fifteen_digits():
    assert excel_number(D("79666.07000000001")) == D("79666.07")
    assert excel_number(D("8800.000000000001")) == 8800
    assert excel_number(D("-67649.499999999999")) == D("-67649.5")
    assert excel_number(D("1234.5")) == D("1234.5")


def test_accounts_with_their_names_under_an_empty_heading():
    """Fortnox prints no heading over "3510 Medlemsbidrag …"; amounts under an empty heading
    (6030.9 looks like an account) are never taken for accounts."""
    rows = [["Resultatrapport"], ["Period: 2025-09-01 - 2025-09-30"], [None],
            [None, "Period", "Ackumulerat"],
            ["3510 Medlemsbidrag staten", "333 333,33", "3 000 000,00"],
            ["3520 Medlemsbidrag regionen", "166 666,67", "1 500 000,00"],
            ["5010 Löner", "-100 000,00", "-900 000,50"],
            ["Summa", "400 000,00", "3 599 999,50"]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 9), 9) == {
        ("3510", None): D("3000000.00"), ("3520", None): D("1500000.00"), ("5010", None): D("-900000.50")}
    bare = [["Rapport"], [None, "Utfall ack"], [None, 6030.9], [None, 5010.5], [None, 3410.25]]
    with pytest.raises(ReadError, match="hittar ingen rubrikrad med Konto"):
        resultatrapport_from_rows(bare, "r", "s", 2025, 9)


def test_object_headings_give_the_rows_under_them_their_object():
    """"100 Förbundsgemensamt" and "410 Samkraft" open blocks of one object each; "3
    Verksamhetens intäkter" and "60 Lokaler" (over 6110) are account classes, and
    "Verksamhetens kostnader" is no "Verksamhet" heading."""
    rows = [["Konto", "Benämning", "Utfall jan–maj"],
            ["100 Förbundsgemensamt"], [None, "Verksamhetens intäkter"], ["3 Verksamhetens intäkter"],
            [3510, "Bidrag FK", 3333.3], [None, "Verksamhetens kostnader"], ["60 Lokaler"],
            [6110, "Lokalhyra", 175], [None, "Summa", 3508.3],
            ["410 Samkraft"], [6110, "Lokalhyra", 20], [5010, "Löner", 900]]
    a = resultatrapport_from_rows(rows, "r", "s", 2025, 5)     # all positive: costs turned
    assert to_date(a, 5) == {("3510", "100"): D("3333.3"), ("6110", "100"): D(-175),
                             ("6110", "410"): D(-20), ("5010", "410"): D(-900)}
    classes = [["Konto", "Benämning", "Utfall ack"], ["3 Intäkter"], [3510, "FK", -100],
               ["35 Bidrag"], [3520, "Region", -50], ["60 Lokaler"], [6110, "Hyra", 30]]
    assert to_date(resultatrapport_from_rows(classes, "r", "s", 2025, 5), 5) == {
        ("3510", None): 100, ("3520", None): 50, ("6110", None): -30}
    named = [["Konto", "Benämning", "Utfall ack"], ["Projekt: Samkraft"], [3510, "FK", -100],
             ["Projekt: STEGSAM"], [6110, "Hyra", 30]]
    assert to_date(resultatrapport_from_rows(named, "r", "s", 2025, 5), 5) == {
        ("3510", "Samkraft"): 100, ("6110", "STEGSAM"): -30}


def test_perioden_is_the_utfall_when_the_title_period_runs_from_january():
    """The only utfall is "Perioden" and the title says 2025-01-01 – 2025-05-31: read for
    May, refused for August; under a title of one month it is no utfall to date."""
    rows = [["Period: 2025-01-01 – 2025-05-31"], ["Konto", "Benämning", "Perioden", "Föregående år"],
            [3510, "FK", 1250000, 1158900], [5010, "Löner", -400000, -380000]]
    assert to_date(resultatrapport_from_rows(rows, "r", "s", 2025, 5), 5) == {
        ("3510", None): 1250000, ("5010", None): -400000}
    with pytest.raises(ReadError, match="kolumnen 'Perioden' gäller t.o.m. maj, inte aug"):
        resultatrapport_from_rows(rows, "r", "s", 2025, 8)
    one_month = [["Period: 2025-05-01 – 2025-05-31"]] + rows[1:]
    with pytest.raises(ReadError):
        resultatrapport_from_rows(one_month, "r", "s", 2025, 5)


def test_an_account_twice_with_the_same_object_is_refused_not_summed():
    """A "Totalt" block after the object blocks repeats each account: summed, the utfall
    would count twice. The reader cannot tell it from groups without codes, so it asks."""
    rows = [["Konto", "Benämning", "Utfall ack"], ["100 Gemensamt"], [5010, "Löner", 600],
            ["410 Samkraft"], [5010, "Löner", 300], [None, "Totalt alla objekt"], [5010, "Löner", 900]]
    with pytest.raises(ReadError) as exc:
        resultatrapport_from_rows(rows, "r.xlsx", "Rapport", 2025, 5)
    assert "konto 5010 (objekt 410) står på två rader, 5 och 7 (300,00 och 900,00 i rapporten)" in str(exc.value)
    assert "cell A7" in str(exc.value)
    uncoded = [["Konto", "Benämning", "Utfall ack"], [None, "Gemensamt"], [3510, "FK", -100],
               [None, "Samkraft"], [3510, "FK", -40]]
    with pytest.raises(ReadError, match="konto 3510 står på två rader, 3 och 5"):
        resultatrapport_from_rows(uncoded, "r.xlsx", "Rapport", 2025, 5)
