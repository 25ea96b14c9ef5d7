"""A common chart of categories for budget lines, from words and account numbers.

Used for key ratios (individinsatser / struktur / administration) and to align several
förbund in a consolidation. Rules are (category, pattern) pairs tried in order; the
user can replace them (see consolidation). Line labels are matched case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import vocabulary

# (code, Swedish name, kind)
CHART = (
    ("medlemsbidrag", "Medlemsbidrag", "revenue"),
    ("ovriga_intakter", "Övriga intäkter", "revenue"),
    ("styrelse", "Styrelse", "cost"),
    ("administration", "Administration", "cost"),
    ("individinsatser", "Individinsatser", "cost"),
    ("metoder", "Metoder och arbetssätt", "cost"),
    ("struktur", "Strukturpåverkande insatser", "cost"),
    ("utbildning", "Utbildning", "cost"),
    ("utvardering", "Utvärdering", "cost"),
    ("processtod", "Processtöd", "cost"),
    ("ofordelat", "Ofördelade medel", "cost"),
)
CATEGORY_NAMES = {code: name for code, name, _ in CHART}
UNMAPPED = "ej_klassificerat"
CATEGORY_NAMES[UNMAPPED] = "Ej klassificerat"

# Key-ratio groups (NV 2023: individinriktade 70 %, strukturinriktade inkl. utvärdering
# och ofördelade medel 9 %, processtöd 5 %, administration (styrelse & kansli) 16 %).
RATIO_GROUPS = {
    "individinsatser": ("individinsatser",),
    "struktur": ("metoder", "struktur", "utbildning", "utvardering", "ofordelat"),
    "processtod": ("processtod",),
    "administration": ("styrelse", "administration"),
}
RATIO_GROUP_NAMES = {"individinsatser": "Individinsatser", "struktur": "Struktur- och metodinsatser",
                     "processtod": "Processtöd", "administration": "Administration (styrelse och kansli)"}


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: str      # a regular expression, case-insensitive

    def matches(self, label: str) -> bool:
        return _regex(self.pattern).search(label) is not None


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


DEFAULT_RULES = (
    Rule("medlemsbidrag", "|".join(vocabulary.MEMBER_CONTRIBUTION) + r"|^3\d{3}\b"
                          r"|försäkringskassan|arbetsförmedlingen|\bregion(en)?\b|regionen\b|landsting|\bkommun(en|erna|er)?\b|\bstad\b|\bstaten\b"),
    Rule("ovriga_intakter", r"intäkt|intakt|konsultuppdrag|ränteintäkt|^8[47]\d\d\b|\besf\b|projektmedel|medfinansiering|återbetalning|bidrag från"),
    Rule("administration", r"^\s*(gemensam\s+)?administration|kansli"),
    Rule("styrelse", r"styrelse|arvoden? förtroendevalda|förtroendevalda|arvoden?\b"),
    Rule("struktur", r"psykiatridag"),
    Rule("processtod", r"processtöd|processtod|utvecklingsledare"),
    Rule("utvardering", r"utvärdering|utvardering|medbedömning|brukarrevision|uppföljning"),
    Rule("utbildning", r"utbildning|konferens|seminari|kompetensutveckl|lösningsfokus|losningsfokus|webportal|insatskatalog|länsgemensam|lansgemensam|utvecklingsdag|handledning"),
    Rule("individinsatser", r"individ|samordningsteam|personligt ombud|\bips\b|arbetslivsinriktad|unga vuxna|kompis|teamsamverkan|kurator|psykiatri|coach|stegsam|stegvis|samkraft|aktivitets|arbetsträning|arbetsterapeut|arbetskonsulent|fysioterapeut|psykolog|\blots|^4530\b"),
    Rule("metoder", r"metod|arbetssätt|kvalitetsarbete|implementering|rmgt|rådgivande|inkluderingslyft|bip\b|vta\b"),
    Rule("struktur", r"struktur|rehabkoordinator|sip-|nätverk|samverkansdag|kartläggning"),
    Rule("ofordelat", r"ofördel|ofordel|ej fördelade?|inte fördelade?|kvar att fördela|nya projekt|samverkansmedel|reserv|oförutsedd|oforutsedd|buffert"),
    Rule("administration", r"administration|kansli|förbundschef|personal|löner|lokal|leasing|bil\b|bank|revision|övriga verksamhetskostnader|räntekostnad|^[5-7]\d{3}\b|^85\d\d\b"
                           r"|resor\b|webb|hemsida|kontorsmaterial|ekonomitjänst|administrativt stöd|digitala verktyg|sociala avgifter|redovisning|försäkring|\bit\b|telefon|trycksak|friskvård|juridisk|porto|representation|annons|hyra|kommunikation"),
)


@lru_cache(maxsize=8192)
def classify(label: str, rules=DEFAULT_RULES) -> tuple[str, Rule | None]:
    """(category code, the rule that matched) for a line label; UNMAPPED when none did.
    `rules` is a tuple of Rule (hashable: results are memoised per label)."""
    for rule in rules:
        if rule.matches(label):
            return rule.category, rule
    return UNMAPPED, None
