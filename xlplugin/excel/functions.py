"""Excel functions (UDFs) for samordningsförbundets budget, prefix FINSAM_.

Each function converts its arguments and calls the core; results spill as dynamic
arrays. Bad arguments give #VALUE! with a Swedish message (Office.js) or the message
as text (Windows COM); never a traceback.

Sign convention of results: revenue positive, costs negative, as in most budgets.
"""

from __future__ import annotations

from decimal import Decimal

from xlwings import arg, func, ret

from ..core import equity as eq
from ..core.categories import RATIO_GROUP_NAMES, RATIO_GROUPS, line_category
from ..core.funding import REMAINDER_RULE, member_contributions
from ..core.model import COST, REVENUE
from ..core.projection import ProjectionRule, project
from ..core.ratios import BASES, share
from ..core.totals import base_lines, check_totals, column_totals
from ..io.ranges import budget_from_ranges, column
from ._convert import (ArgumentError, amount, amounts, decimals, excel_errors, in_unit,
                       integer, same_shape, to_excel, uncertainty_lines)

_LABELS = "Radtexterna i budgeten (en kolumn), t.ex. A5:A30."
_AMOUNTS = "Beloppen: en kolumn per år, lika många rader som radtexterna, t.ex. B5:D30."
_HEADERS = "Valfritt: kolumnrubrikerna, t.ex. B4:D4 (\"Budget 2025\", \"Plan 2026\" …)."
_LEVELS = "Valfritt: nivå per rad (0 = huvudrad, 1 = underrad) när underrader inte börjar med \"- \"."
_UNIT = "Valfritt: \"kr\" (standard) eller \"tkr\"; resultatet ges i samma enhet."


def _budget(etiketter, belopp, rubriker, nivaer, enhet):
    unit = enhet.strip().lower() if isinstance(enhet, str) and enhet.strip() else None
    return budget_from_ranges(etiketter, belopp, rubriker, nivaer, unit=unit)


@func
@arg("etiketter", ndim=2, err_to_str=True, doc=_LABELS)
@arg("belopp", ndim=2, err_to_str=True, doc=_AMOUNTS)
@arg("typ", doc="Valfritt: \"resultat\" (standard), \"intakter\" eller \"kostnader\".")
@arg("nivaer", ndim=2, err_to_str=True, doc=_LEVELS)
@arg("enhet", doc=_UNIT)
@excel_errors
def finsam_summa(etiketter, belopp, typ="resultat", nivaer=None, enhet=None):
    """Budgetens intäkter, kostnader eller resultat per kolumn, utan att underrader, kategorirader eller summarader räknas två gånger."""
    typ = (typ or "resultat").strip().lower().replace("ä", "a")
    if typ not in ("resultat", "intakter", "kostnader"):
        raise ArgumentError('typ ska vara "resultat", "intakter" eller "kostnader"')
    b = _budget(etiketter, belopp, None, nivaer, enhet)
    totals = column_totals(b)
    row = [in_unit(getattr(totals[c.header], typ), b.unit) if c.header in totals else None
           for c in b.columns]
    return [row]


@func
@arg("etiketter", ndim=2, err_to_str=True, doc=_LABELS)
@arg("belopp", ndim=2, err_to_str=True, doc=_AMOUNTS)
@arg("rubriker", ndim=2, err_to_str=True, doc=_HEADERS)
@arg("nivaer", ndim=2, err_to_str=True, doc=_LEVELS)
@arg("enhet", doc=_UNIT)
@excel_errors
def finsam_kontroll(etiketter, belopp, rubriker=None, nivaer=None, enhet=None):
    """Listar varje angiven summa som inte stämmer med raderna under (rad, text, kolumn, angivet, beräknat, skillnad), eller OK; först en rad OSÄKER TOLKNING med skäl och rader när tolkningen är osäker."""
    b = _budget(etiketter, belopp, rubriker, nivaer, enhet)
    found = check_totals(b)
    doubt = [[text] + [None] * (6 if found else 0) for text in uncertainty_lines(b)]
    if not found:
        return doubt or [["OK"]]
    out = doubt + [["Rad", "Text", "Kolumn", "Angivet", "Beräknat", "Skillnad", "Följdfel"]]
    by_cell = {ln.cells.get(c.header): ln for ln in b.lines for c in b.columns}
    for d in found:
        ln = by_cell[d.cell]
        out.append([ln.row - 2, d.label, d.column, in_unit(d.stated, b.unit), in_unit(d.computed, b.unit),
                    in_unit(d.difference, b.unit), "ja" if d.consequential else "nej"])
    return out


@func
@arg("bas", ndim=2, err_to_str=True, doc="Basbeloppet (budgetåret), en cell eller en kolumn med flera rader.")
@arg("ar", doc="Antal planår (standard 2).")
@arg("faktorer", doc="Valfritt: faktor per år, t.ex. 0,83 och 0,85 (ett område eller \"0,83; 0,85\"). Sista faktorn upprepas.")
@arg("index_procent", doc="Valfritt: årlig uppräkning i procent, en för alla år eller en per år (t.ex. 2,5).")
@arg("steg", doc="Valfritt: fast belopp per år i kronor, t.ex. -5333.")
@arg("avrundning", doc="Valfritt: avrunda till 1, 10, 100, 500 eller 1000 kr (standard 1).")
@excel_errors
def finsam_planar(bas, ar=2, faktorer=None, index_procent=None, steg=0, avrundning=1):
    """Planårens belopp från ett basbelopp: faktorer per år, indexuppräkning, fast steg och avrundning. Spiller en rad per basbelopp."""
    years = integer(ar, "ar", 2)
    if years < 1 or years > 50:
        raise ArgumentError("ar ska vara mellan 1 och 50")
    rounding = integer(avrundning, "avrundning", 1)
    if rounding not in (1, 10, 100, 500, 1000):
        raise ArgumentError("avrundning ska vara 1, 10, 100, 500 eller 1000")
    rule = ProjectionRule(index_percent=decimals(index_procent, "index_procent"),
                          factors=decimals(faktorer, "faktorer"),
                          step=amount(steg, "steg", required=False) or Decimal(0), rounding=rounding)
    bases = amounts(bas, "bas")
    if not bases:
        raise ArgumentError("bas saknas")
    return [[None] * years if b is None else project(b, years, rule) for b in bases]


@func
@arg("ib", doc="Eget kapital vid årets början (IB) i kronor.")
@arg("resultat", ndim=2, err_to_str=True, doc="Resultat per år (en rad eller kolumn), underskott negativt.")
@excel_errors
def finsam_ek(ib, resultat):
    """Eget kapital vid varje års slut (UB = IB + årets resultat), spillt i samma riktning som resultaten."""
    start = amount(ib, "ib")
    results = amounts(resultat, "resultat")
    years = eq.equity_roll_forward(int(start), [eq.YearInput(i, None if r is None else int(r))
                                                for i, r in enumerate(results)])
    return same_shape([to_excel(y.ub) for y in years], resultat)


@func
@arg("bas", doc="Basen för taket: budgeterade intäkter eller medlemsbidrag (tilldelade medel), kronor.")
@arg("procent", doc="Valfritt: taket i procent av basen (standard 20).")
@excel_errors
def finsam_ek_tak(bas, procent=20):
    """Taket för eget kapital: procent (standard 20 %) av basen, avrundat till hela kronor."""
    rate = amount(procent, "procent") / 100
    return eq.equity_cap(int(amount(bas, "bas")), rate)


@func
@arg("ib", doc="Eget kapital vid årets början, kronor.")
@arg("golv", doc="Lägsta eget kapital förbundet vill ha kvar, kronor (t.ex. 180000).")
@excel_errors
def finsam_ek_max_underskott(ib, golv):
    """Största underskott (positivt belopp) förbundet kan planera och ändå ligga kvar på golvet."""
    return eq.largest_deficit_above_floor(int(amount(ib, "ib")), int(amount(golv, "golv")))


@func
@arg("ib", doc="Eget kapital vid årets början, kronor.")
@arg("tak", doc="Taket för eget kapital, kronor (se FINSAM_EK_TAK).")
@excel_errors
def finsam_ek_underskott_till_tak(ib, tak):
    """Minsta underskott (positivt belopp) som för ner eget kapital till taket; 0 om det redan är under."""
    return eq.smallest_deficit_to_cap(int(amount(ib, "ib")), int(amount(tak, "tak")))


@func
@arg("ub", doc="Eget kapital vid årets slut, kronor.")
@arg("tak", doc="Valfritt: taket, kronor.")
@arg("golv", doc="Valfritt: golvet, kronor.")
@excel_errors
def finsam_ek_status(ub, tak=None, golv=None):
    """Status för eget kapital: Inom ramen, Över taket, Under golvet eller Negativt eget kapital."""
    cap = amount(tak, "tak", required=False)
    floor = amount(golv, "golv", required=False)
    return eq.equity_status(int(amount(ub, "ub")), None if cap is None else int(cap),
                            None if floor is None else int(floor))


@func
@arg("total", doc="Medlemmarnas sammanlagda bidrag, kronor.")
@arg("kommuner", ndim=2, err_to_str=True, doc="Valfritt: kommunernas namn (en kolumn).")
@arg("nyckel", ndim=2, err_to_str=True, doc="Valfritt: fördelningsnyckel per kommun, t.ex. folkmängd eller fasta andelar (samma längd).")
@excel_errors
def finsam_medlemsbidrag(total, kommuner=None, nyckel=None):
    """Fördelar medlemsbidraget: staten 50 %, regionen 25 %, kommunerna 25 % efter nyckeln. Spiller medlem, andel och belopp; summan stämmer på kronan."""
    names = [n for n in column(kommuner, "kommuner")] if kommuner is not None else []
    keys = amounts(nyckel, "nyckel") if nyckel is not None else []
    if len(names) != len(keys):
        raise ArgumentError(f"kommuner har {len(names)} rader men nyckel {len(keys)}")
    if any(n is None for n in names) or any(k is None for k in keys):
        raise ArgumentError("varje kommun behöver ett namn och ett nyckeltal")
    rows = member_contributions(int(amount(total, "total")), list(zip(map(str, names), keys)))
    out = [["Medlem", "Andel", "Belopp"]]
    out += [[c.member, float(c.share), c.amount] for c in rows]
    out.append([REMAINDER_RULE, None, None])
    return out


@func
@arg("etiketter", ndim=2, err_to_str=True, doc=_LABELS)
@arg("belopp", ndim=2, err_to_str=True, doc="Beloppen för ett år (en kolumn).")
@arg("bas", doc="Valfritt: \"kostnader\" (standard), \"intakter\" eller \"insatser\" (direkta insatskostnader).")
@arg("nivaer", ndim=2, err_to_str=True, doc=_LEVELS)
@excel_errors
def finsam_nyckeltal(etiketter, belopp, bas="kostnader", nivaer=None):
    """Andelar för individinsatser, struktur- och metodinsatser, processtöd och administration, med basen utskriven."""
    base_name = (bas or "kostnader").strip().lower().replace("ä", "a")
    if base_name not in BASES:
        raise ArgumentError('bas ska vara "kostnader", "intakter" eller "insatser"')
    b = budget_from_ranges(etiketter, belopp, None, nivaer)
    if len(b.columns) != 1:
        raise ArgumentError("belopp ska vara en kolumn (ett år)")
    h = b.columns[0].header
    lines = base_lines(b, h)
    by_group = {g: 0 for g in RATIO_GROUPS}
    for ln in lines:
        if ln.kind != COST:
            continue
        cat = line_category(b, ln).category
        for g, cats in RATIO_GROUPS.items():
            if cat in cats:
                by_group[g] += ln.values[h]
    totals = column_totals(b)[h]
    base = {"kostnader": totals.kostnader, "intakter": totals.intakter,
            "insatser": by_group["individinsatser"] + by_group["struktur"] + by_group["processtod"]
            - sum(ln.values[h] for ln in lines if ln.kind == COST and line_category(b, ln).category == "ofordelat")}[base_name]
    out = [["Nyckeltal", "Belopp", "Andel", "Bas"]]
    for g, amount_ in by_group.items():
        r = share(RATIO_GROUP_NAMES[g], amount_, base, base_name)
        out.append([r.name, amount_, None if r.percent is None else float(r.percent / 100),
                    f"{BASES[base_name]} ({abs(base):,} kr)".replace(",", " ")])
    return out


@func
@arg("delbelopp", doc="Delbeloppet, kronor.")
@arg("bas", doc="Basbeloppet, kronor.")
@excel_errors
def finsam_andel(delbelopp, bas):
    """Andel av en bas (tecken bortses från); #N/A när basen är noll."""
    d, b = amount(delbelopp, "delbelopp"), amount(bas, "bas")
    if b == 0:
        return "#N/A"
    return float(abs(d) / abs(b))


# --- follow-up ---------------------------------------------------------------------------------

def _month(value, name="till_manad") -> int:
    m = integer(value, name)
    if m is None or not 1 <= m <= 12:
        raise ArgumentError(f"{name} ska vara en månad 1–12")
    return m


def _key(nyckel):
    if nyckel is None:
        return None
    weights = [w if w is not None else Decimal(0) for w in amounts(nyckel, "nyckel")]
    if len(weights) != 12:
        raise ArgumentError(f"nyckel ska ha tolv vikter (jan–dec), inte {len(weights)}")
    return weights


@func
@arg("budget", doc="Budget för perioden (eller hela året, med andel_av_aret), kronor.")
@arg("utfall", doc="Utfall för perioden, kronor (intäkter positiva, kostnader negativa).")
@arg("andel_av_aret", doc="Valfritt: andel av årsbudgeten som perioden motsvarar, t.ex. 8/12.")
@excel_errors
def finsam_avvikelse(budget, utfall, andel_av_aret=None):
    """Avvikelse mot budget: utfall − budget (för perioden), på öret."""
    from ..core import followup as fu
    b = amount(budget, "budget")
    share_ = amount(andel_av_aret, "andel_av_aret", required=False)
    if share_ is not None:
        if not 0 <= share_ <= 1:
            raise ArgumentError("andel_av_aret ska vara mellan 0 och 1")
        b = fu.cents(b * share_)
    return to_excel(fu.deviation(b, amount(utfall, "utfall")))


@func
@arg("arsbelopp", doc="Årets budget för raden, kronor.")
@arg("till_manad", doc="Sista månaden som ingår, 1–12 (8 = t.o.m. augusti).")
@arg("nyckel", ndim=2, err_to_str=True, doc="Valfritt: tolv vikter jan–dec (annars jämnt per månad).")
@excel_errors
def finsam_periodisera(arsbelopp, till_manad, nyckel=None):
    """Budget t.o.m. månaden: årsbeloppet jämnt per månad eller efter en nyckel, på öret."""
    from ..core import followup as fu
    try:
        return to_excel(fu.budget_to_date(amount(arsbelopp, "arsbelopp"), _month(till_manad), _key(nyckel)))
    except ValueError as exc:
        raise ArgumentError(str(exc)) from None


@func
@arg("arsbudget", doc="Årets budget för raden, kronor.")
@arg("utfall", doc="Utfall t.o.m. månaden, kronor.")
@arg("till_manad", doc="Sista månaden i utfallet, 1–12.")
@arg("metod", doc="Valfritt: \"rest\" (utfall + resten av årets budget, standard) eller \"linjär\".")
@excel_errors
def finsam_prognos(arsbudget, utfall, till_manad, metod="rest"):
    """Helårsprognos: utfall + resten av årets budget, eller utfallet uppräknat linjärt."""
    from ..core import followup as fu
    m = str(metod or "rest").strip().lower().replace("ä", "a")
    if m not in ("rest", "linjar"):
        raise ArgumentError("metod ska vara rest eller linjär")
    try:
        return to_excel(fu.full_year_forecast(amount(arsbudget, "arsbudget"), amount(utfall, "utfall"),
                                              _month(till_manad), m))
    except ValueError as exc:
        raise ArgumentError(str(exc)) from None
