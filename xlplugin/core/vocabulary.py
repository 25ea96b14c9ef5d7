"""The Swedish words of budget tables, kept as data in one place.

Every list here is a tuple of regular-expression fragments, joined into one pattern by
`pattern()`. The reader, the equity check and the category rules all take their words
from here, so they cannot drift apart.
"""

from __future__ import annotations

import functools
import re

# Words in a column heading before (or after) the year, and the column kind they name.
COLUMN_KINDS = {
    "budget": "budget", "årsbudget": "budget", "beslutad budget": "budget",
    "reviderad budget": "budget", "budgetförslag": "budget", "förslag": "budget",
    "förslag budget": "budget", "budget år": "budget", "förslag till budget": "budget",
    "plan": "plan", "flerårsplan": "plan", "plan år": "plan", "planering": "plan",
    "prel. plan": "plan", "prel plan": "plan", "preliminär plan": "plan", "planår": "plan",
    "ekonomisk plan": "plan", "plan (prel.)": "plan",
    "prognos": "prognos", "helårsprognos": "prognos", "prognos helår": "prognos",
    "prognos år": "prognos", "prognos utfall": "prognos",
    "utfall": "utfall", "bokslut": "utfall", "utfall helår": "utfall", "bokfört": "utfall",
    "utfall år": "utfall", "bokslut år": "utfall", "redovisat": "utfall", "årsredovisning": "utfall",
}

# Lines that hold the members' contributions (revenue of a samordningsförbund).
MEMBER_CONTRIBUTION = (
    r"medel från huvudm", r"huvudmännen", r"medlemsbidrag", r"medlemsavgift",
    r"dri[fvt]+s?bidrag", r"tilldelade medel", r"tilldelning",
    r"bidrag från (staten|kommun|region)", r"statligt bidrag",
    r"medel från (försäkringskassan|staten|region|kommun)",
)

# The members by name, as whole labels ("Försäkringskassan", "Region Västmanland",
# "Sala kommun", "Kommunerna"): revenue where they stand among the income lines. A weak
# prior only: "Samordningsteam Sala kommun" is a cost, and the totals decide.
MEMBER_NAME = (
    r"^(staten\b|statlig\b|statens\b)", r"^försäkringskassan\b", r"^arbetsförmedlingen\b",
    r"^(region|landsting)(et|en)?\b", r"^(medlems)?kommun(en|erna)?\b",
    r"^\S+(\s+\S+)?\s+(kommun|stad|kommuner)$", r"^medlemmar(na)?\b",
)

# Headings that name no category of the chart ("Kostnader", "Övriga kostnader", "Övrigt"):
# a generic line under them ("Hyra") is taken by its own word without doubt, while under a
# heading that is a project's name it is not.
NEUTRAL_HEADING = (
    r"^\s*(summa\s+)?(verksamhetens\s+|övriga\s+|totala\s+|gemensamma\s+)?(kostnader|intäkter|intakter|utgifter)\s*$",
    r"^\s*övrigt\s*$", r"^\s*(resultat|budget)\b",
    # the förbund's own part: "Förbundsgemensamt", "Gemensamt", "Förbundets kostnader"
    r"^\s*(summa\s+)?(förbunds)?gemensam(t|ma)?(\s+kostnader)?\s*$",
    r"^\s*(summa\s+)?förbundets\s+(kostnader|drift|organisation)\s*$",
    r"^\s*(summa\s+)?(ledning(\s+och\s+styrning)?|organisation|förbundsledning)\s*$",
)

# Words beside a generic cost word ("Hyra", "Löner") that say the cost belongs to some
# activity ("Löner team", "Lokalhyra projektet"): with no block to name it, the line's
# category is open. Proper names ("Hyra Jobbverkstan") say the same.
ACTIVITY_WORDS = (r"projekt", r"team", r"insats", r"verksamhet", r"grupp", r"mötesplats", r"enhet",
                  r"center|centrum", r"deltagar", r"verkstan?\b")
# Words that only say what kind of cost it is, never whose: not a name of anything.
COST_TYPE_WORDS = (r"och", r"inkl\.?", r"exkl\.?", r"för", r"till", r"av", r"i", r"på", r"med", r"samt",
                   r"m\.?m\.?", r"mm", r"övriga?", r"övrigt", r"kostnader?", r"avgift(er)?", r"material",
                   r"tjänster?", r"köpta?", r"externa?", r"interna?", r"sociala", r"po", r"lön(er|ekostnader)?",
                   r"hyr(a|or)", r"lokal(er|hyra|kostnader)?", r"resor", r"traktamenten?", r"bil(ar)?",
                   r"leasing", r"friskvård", r"personal(kostnader)?", r"arvoden?", r"kr", r"tkr", r"st")

# Other words that make a line revenue.
REVENUE = MEMBER_CONTRIBUTION + (
    r"intäkt", r"intakt", r"erhållna bidrag", r"ersättning från", r"medfinansiering från",
    r"bidrag från",
)

# Words that make a line a cost.
COST = (r"kostnad", r"utgift", r"löner", r"arvoden")

# Heading words: a row that names the revenue or the cost side ("Intäkter", "KOSTNADER",
# "Verksamhetens intäkter").
REVENUE_HEADING = (r"^(verksamhetens\s+|rörelsens\s+|övriga\s+)?(intäkter|intakter)$",
                   r"^(medel från huvudmännen|finansiering|medlemsavgifter|medlemsbidrag)$")
COST_HEADING = (r"^(verksamhetens\s+|rörelsens\s+)?(kostnader|utgifter)$",)

# Equity figures: opening (IB), closing (UB), and what is never equity (the cap, shares).
EQUITY_OPENING = (r"\bIB\b", r"ingående", r"\b1/1\b", r"\b0?1-0?1\b", r"årets början",
                  r"\b1\s*jan", r"vid årets ingång", r"\bingång")
EQUITY_CLOSING = (r"\bUB\b", r"utgående", r"\b31/12\b", r"\b12-31\b", r"årets slut", r"31\s*dec",
                  r"eget kapital\s*(31|per)", r"eget kapital$", r"vid årets utgång")
EQUITY_NOT = (r"\btak\b", r"%", r"\bandel\b", r"marginal", r"\bgolv\b", r"utrymme",
              r"rekommend", r"\bmax")

# A result row that states a surplus as a negative number (accounting signs).
SURPLUS_NEGATIVE = (r"negativ\w*\s*(belopp|tal|värde)?\s*(=|är|innebär|betyder)?\s*överskott",
                    r"överskott\s*\(?-\)?", r"\(-\)\s*=\s*överskott")

# A row whose amounts are a percentage, a share or a count, never kronor.
STATISTICS = (r"^\s*[-–•]?\s*andel\b", r"\bantal\b", r"\bårsarbetare\b", r"\bprocent\b",
              r"%\s*$")


# Whole-pattern words of the table reader (io/layout.py), as regular expressions:
# the grand totals, the result row, "Summa" rows, equity rows, units in titles, share and
# "varav" rows, a revised column, the revenue/cost headings.
GRAND_REVENUE_TOTAL = (
    r"(?i)^((summa|totalt|total|s:a)\s+(verksamhetens\s+|alla\s+)?(intäkter|intakter)"
    r"(,?\s+totalt)?|totala\s+(intäkter|intakter)|(verksamhetens\s+)?(intäkter|intakter),?\s+totalt)$")
GRAND_COST_TOTAL = (
    r"(?i)^((summa|totalt|total|s:a)\s+(verksamhetens\s+|alla\s+)?kostnader(,?\s+totalt)?"
    r"|totala\s+kostnader|(verksamhetens\s+)?kostnader,?\s+totalt)$")
RESULT_ROW = (
    r"(?i)^((\d{3,4}\s+)?årets\s+resultat|resultat|budgeterat\s+resultat|"
    r"resultat\s+efter\s+.*|nettoresultat|över-?\s*/\s*underskott|"
    r"överskott\s*/\s*underskott|underskott\s*/\s*överskott|"
    r"(totalt\s+)?resultat\s+(före|efter).*)$")
SUBTOTAL_ROW = r"(?i)^(summa|totalt|total|s:a|delsumma|delsumma:)\b|[\s,]+(totalt|summa)$"
EQUITY_ROW = (
    r"(?i)^(\d{4}\s+)?(beräknat\s+|budgeterat\s+|prognos\s+)?"
    r"((utgående|ingående)\s+)?eget\s+kapital\b(?!.*\b(uttag|ianspråk|nyttja))"
    r"|^(ib|ub)\b|^(ingående|utgående)\s+balans")
BALANCE_TITLE = r"(?i)^balans(budget|räkning)\b"
UNIT_TKR = r"(?i)\b(tkr|kkr|ksek|tsek)\b|tusental?s?\s+kronor|belopp\s+i\s+tusen"
UNIT_MKR = r"(?i)\b(mkr|msek)\b|miljoner\s+kronor"
# A title or header that states kronor outright ("Belopp i kr", "(kronor)", "SEK").
UNIT_KR = r"(?i)(?<![\w-])(kr|kronor|sek)(?![\w-])"
UNIT_TKR_IN_PROSE = (
    r"(?i)belopp(en)?\s+(anges\s+|redovisas\s+)?i\s+(tkr|kkr|tusental|tusen)|"
    r"\((tkr|kkr|tusental kronor)\)|alla belopp i (tkr|tusental)")
STATISTICS_LABEL = r"(?i)^\s*[-–•]?\s*(antal|procent|nyckeltal|årsarbetare|heltidstjänster|deltagare|kvot)\b"
SHARE_LABEL = r"(?i)^\s*[-–•]?\s*andel\b"
OF_WHICH = r"(?i)^\s*[-–—•]?\s*\(?\s*(varav|därav)\b"
REVISED_COLUMN = r"(?i)\b(reviderad|rev\.?)(?![a-zåäö])"
REVENUE_OR_COST_HEADING = r"(?i)^(verksamhetens\s+)?(intäkter|intakter|kostnader)$"
EQUITY_RESULT_ROW = r"(?i)årets resultat|resultat"


@functools.lru_cache(maxsize=None)
def pattern(words: tuple[str, ...]) -> re.Pattern:
    """One case-insensitive pattern that matches any of `words`."""
    return re.compile("(?i)" + "|".join(f"(?:{w})" for w in words))


def matches(words: tuple[str, ...], text: str) -> bool:
    return pattern(words).search(text) is not None


# --- Resultatrapporter: an accounting system's income statement printed to Excel -----------
# (io.followup_inputs.read_resultatrapport). Column headings, lower case, as the systems
# print them (Raindance, Unit4/Agresso, Visma, Hypergene, Fortnox, Björn Lundén …).

# The account number: "Konto", "Kontonr", "Kto", "Konto nr"; not the account's name
# ("Kontonamn", "Kontotext", Unit4's "Konto(T)").
REPORT_ACCOUNT = (r"^(konto|kto)\s*(nr|nummer|\(nr\))?\.?$", r"^kontonr\.?$", r"^kontonummer$",
                  r"^konto\s*-?\s*kod$")
# The account's name.
REPORT_NAME = (r"^(benämning|kontobenämning|kontonamn|kontotext|namn|text|beskrivning)\b",
               r"^konto\s*\(t\)$")
# An object column (project, cost centre …); its name column ("Objekt(T)") is not one.
REPORT_OBJECT = (r"^(objekt|projekt|ansvar|kst|kostnadsställe|verksamhet|aktivitet|resultatenhet|"
                 r"ansvarsområde|delprojekt)(\s*(nr|kod|nummer))?\.?$",)
# Never the utfall: budget, forecast, deviation, last year's figures, shares.
REPORT_NOT_UTFALL = (r"budget", r"prognos", r"avvik", r"\bdiff", r"\bplan\b", r"\bfg\.?\s*år",
                     r"föreg", r"förra året", r"%", r"procent", r"\bandel\b", r"\bkvar\b", r"återstår",
                     r"\bhelår\b(?!.*\bt\.?\s*o\.?\s*m\b)")
# The utfall from the start of the year: "Utfall ack", "Ackumulerat", "Hittills i år",
# "Bokfört t.o.m.", "Utfall jan-aug" (a month range from January, see REPORT_MONTH_RANGE).
REPORT_TO_DATE = (r"\back(\.|umulera\w*|\b)", r"hittills", r"\bt\.?\s*o\.?\s*m\b", r"\bhittintills\b",
                  r"\bår\s+till\s+datum\b", r"\bytd\b")
# A plain utfall column, taken when no column says "to date".
REPORT_PLAIN_UTFALL = (r"^(utfall|belopp|bokfört|redovisat|saldo)\b",)
# The month's own column ("Utfall perioden", "Period"), never the utfall to date.
REPORT_PERIOD_ONLY = (r"\bperiod(en)?\b", r"\bmånad(en)?\b", r"\bdenna månad\b")
# A total over every month of a month-by-month report ("Totalt", "Summa"): not to date.
REPORT_ROW_TOTAL = (r"^(totalt|summa|total|s:a|helår|året)$",)
# Month names as headings ("Jan", "januari", "Maj"), index 1-12.
MONTH_NAMES = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mar": 3, "mars": 3, "apr": 4, "april": 4,
    "maj": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augusti": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# Title lines whose dates are not the report's period (when it was printed or run).
REPORT_PRINTED = (r"utskriv", r"utskrift", r"skapad", r"\bkörd\b", r"rapportdatum", r"framtagen",
                  r"uttag", r"\bdatum\b")
# Title lines that give the fiscal year, not the period ("Räkenskapsår 2025-01-01 – 2025-12-31").
REPORT_FISCAL_YEAR = (r"räkenskapsår", r"verksamhetsår", r"bokföringsår", r"budgetår")
