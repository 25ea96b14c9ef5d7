"""A common chart of categories for budget lines, from words, headings and account numbers.

Used for key ratios (individinsatser / struktur / administration) and to align several
förbund in a consolidation. Rules are (category, pattern) pairs tried in order; line
labels are matched case-insensitively. A rule is *generic* when its word says little on
its own ("Löner", "Hyra", "Arvoden", an account class such as 7010): the block the line
stands in goes before it, so "Löner" under "Samordningsteam" is an individinsats.

`line_category` decides one line of a budget and says how sure it is: when the line's own
words point at two categories, or its words and its block disagree, or only an account
number or a generic word under a heading that names no category speaks for it, the
result carries that doubt and the alternatives, and the faces show them (the county
workbook's Mappning sheet, the JSON, the command's warning) instead of a silent guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

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
CATEGORY_KIND = {code: kind for code, _, kind in CHART}
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
# A heading of one of these categories holds lines of the others without doubt: NV's
# "Strukturinriktade insatser" holds its utbildning, utvärdering, processtöd and ofördelade
# medel, "Administration (styrelse och kansli)" the board, "Styrelse och förvaltning" the
# office (the key ratios count both as administration).
WITHIN_BLOCK = {
    "struktur": ("metoder", "utbildning", "utvardering", "ofordelat", "processtod"),
    "administration": ("styrelse",),
    "styrelse": ("administration",),
}
RATIO_GROUP_NAMES = {"individinsatser": "Individinsatser", "struktur": "Struktur- och metodinsatser",
                     "processtod": "Processtöd", "administration": "Administration (styrelse och kansli)"}


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: str          # a regular expression, case-insensitive
    generic: bool = False  # a word that says little alone: the line's block goes first

    def matches(self, label: str) -> bool:
        return _regex(self.pattern).search(label) is not None


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _words(*parts: str) -> str:
    return "|".join(parts)


# The words, as data, in the order they are tried. The first specific rule that matches
# gives the category; further specific matches of other categories are the line's doubt.
DEFAULT_RULES = (
    Rule("medlemsbidrag", _words(*vocabulary.MEMBER_CONTRIBUTION, r"medlemsintäkt",
                                 r"försäkringskassan", r"\bf-?kassan", r"\bfk\b", r"\bregion(en)?\b", r"regionen\b",
                                 r"landsting", r"\bkommun(en|erna|er)?\b", r"\bkn\b", r"\bk:n\b", r"\breg\.", r"\bstad\b",
                                 r"\bstaten\b", r"\bstatlig", r"statsbidrag")),
    Rule("ovriga_intakter", _words(r"övriga intäkter|ovriga intakter", r"ränt(a|or|eintäkt)",
                                   r"konsultuppdrag", r"\besf\b|esf\+|esf-", r"projektmedel|projektintäkt|projektbidrag",
                                   r"medfinansiering", r"återbetalning|återföring", r"intäkter från",
                                   r"ersättning(ar)? (från|för)|ersättn\.", r"försäljning", r"tillväxtverket",
                                   r"socialstyrelsen", r"länsstyrelsen", r"överför(t|ing|da)", r"föregående år",
                                   r"för projekt", r"\butöver\b")),
    Rule("ovriga_intakter", r"intäkt|intakt|^\s*3\d{3}\b|^\s*8[0-4]\d\d\b", generic=True),
    Rule("ofordelat", _words(r"ofördel|ofordel", r"(ej|inte) fördela[dt]e?", r"kvar att fördela",
                             r"nya (projekt|insatser)", r"medel för nya", r"samverkansmedel", r"reserv",
                             r"oförutsed|oforutsed", r"buffert")),
    Rule("administration", r"^\s*(gemensam\s+)?administration|kansli"),
    Rule("styrelse", _words(r"styrelse", r"\bstyr\.", r"förtroendevald", r"presidi", r"beredningsgrupp",
                            r"beredn\.?\s*gr", r"ledamot|ledamöter")),
    Rule("struktur", r"psykiatridag"),
    Rule("processtod", _words(r"processtöd|processtod", r"processledar|processledning|processl\.",
                              r"utvecklingsledare")),
    Rule("utvardering", _words(r"utvärder|utvarder", r"\butv\.", r"följeforskning", r"medbedömning",
                               r"brukarrevision|brukarundersökning", r"uppföljning|\buppf\.")),
    Rule("metoder", _words(r"metod", r"arbetssätt", r"kvalitetsarbete", r"implementering", r"rmgt",
                           r"rådgivande", r"inkluderingslyft", r"bip\b", r"vta\b", r"bedömningsmodell")),
    Rule("utbildning", _words(r"utbildning", r"konferens", r"seminari", r"kompetensutveckl",
                              r"lösningsfokus|losningsfokus", r"webportal", r"insatskatalog",
                              r"länsgemensam|lansgemensam", r"utvecklingsdag",
                              r"föreläsning", r"inspirationsdag", r"temadag", r"studiedag")),
    Rule("individinsatser", _words(r"individ", r"samordningsteam", r"personligt ombud", r"\bips\b",
                                   r"arbetslivsinriktad", r"unga vuxna", r"kompis", r"teamsamverkan",
                                   r"kurator", r"psykiatri", r"coach", r"stegsam", r"stegvis", r"samkraft",
                                   r"aktivitets", r"arbetsträning", r"arbetsterapeut", r"arbetskonsulent",
                                   r"fysioterapeut", r"psykolog", r"\blots",
                                   r"(arbetsmarknads|hälso|rehab|resurs|jobb)-?team", r"\bsam-team",
                                   r"jobbtorg", r"jobbstart", r"fontänhus", r"deltagar", r"språkträning",
                                   r"motivationsgrupp", r"vägledning", r"supported employment",
                                   r"case management", r"recovery")),
    Rule("struktur", _words(r"struktur", r"rehabkoordinator", r"sip-|\bsip\b", r"samordnad individuell plan",
                            r"nätverk", r"samverkansdag", r"samverkansarena", r"kartläggning", r"behovsanalys",
                            r"\bdua\b")),
    Rule("administration", _words(r"administration|\badm\b", r"förbundschef|\bfc\b", r"revision|revisor|\brev\.",
                                  r"bank", r"övriga verksamhetskostnader", r"räntekostnad",
                                  r"webb|hemsida", r"kontorsmaterial|kontorskostnad", r"ekonomitjänst",
                                  r"ekonomihantering|\bek\.\s*tjänst|\bekonom(i?assistent)?\b",
                                  r"administrativt stöd|administratör", r"digitala verktyg", r"redovisning",
                                  r"försäkring", r"\bit\b", r"telefon", r"trycksak", r"juridisk", r"porto",
                                  r"representation", r"annons", r"kommunikatör|kommunikation", r"\bnns\b",
                                  r"avskrivning", r"löneadministration|lönehantering")),
    Rule("styrelse", r"arvoden?\b|arvodering", generic=True),
    # a team's own supervision under its heading, training for the members' staff on its own
    Rule("utbildning", r"handledning", generic=True),
    Rule("individinsatser", r"^\s*4530\b", generic=True),   # "Bidrag föreningar …", where insatser are booked
    Rule("administration", _words(r"personal", r"löner|\blön\b", r"lokal", r"leasing", r"bil\b", r"resor\b",
                                  r"sociala avgifter|arbetsgivaravgift|\bpo\b", r"friskvård", r"hyra",
                                  r"^\s*[5-7]\d{3}\b", r"^\s*85\d\d\b"), generic=True),
)


@dataclass(frozen=True)
class Categorised:
    """A line's category, what decided it (`rule`: "mappning", a pattern, "under 'X'",
    "i 'Summa X'", "medlem (…)" or "" for none) and, when the decision is open, `doubt`
    (Swedish, for the user) with the other categories it could be."""

    category: str
    rule: str
    doubt: str = ""
    alternatives: tuple[str, ...] = ()

    @property
    def certain(self) -> bool:
        return not self.doubt


class _Memo:
    """Results per rule set, keyed by the rule tuple's identity: hashing a tuple of rules
    on every call cost more than the matching."""

    def __init__(self):
        self._by_rules: dict[int, tuple[tuple, dict]] = {}

    def __call__(self, rules: tuple) -> dict:
        hit = self._by_rules.get(id(rules))
        if hit is None or hit[0] is not rules:
            if len(self._by_rules) > 16:
                self._by_rules.clear()
            hit = self._by_rules[id(rules)] = (rules, {})
        if len(hit[1]) > 20_000:
            hit[1].clear()
        return hit[1]


_words_memo = _Memo()
_decide_memo = _Memo()


def word_categories(label: str, kind: str | None, rules=DEFAULT_RULES) -> tuple[tuple[str, Rule], ...]:
    """Every category the label's words name, in rule order, first rule per category, of
    the line's kind (a revenue word on a cost line is no match)."""
    memo = _words_memo(rules)
    hit = memo.get((label, kind))
    if hit is not None:
        return hit
    out: list[tuple[str, Rule]] = []
    for rule in rules:
        if any(c == rule.category for c, _ in out):
            continue
        if CATEGORY_KIND.get(rule.category) not in (None, kind) and kind is not None:
            continue
        if rule.matches(label):
            out.append((rule.category, rule))
    hit = memo[(label, kind)] = tuple(out)
    return hit


def _split(hits, label: str = "") -> tuple[list[tuple[str, Rule]], list[tuple[str, Rule]]]:
    """The specific and the generic hits; the specific ones in the order the label names
    them ("Utvärdering och processtöd": utvärdering first), rule order among equals."""
    specific = [h for h in hits if not h[1].generic]
    if label and len(specific) > 1:
        spans = {h[0]: _regex(h[1].pattern).search(label).span() for h in specific}
        # a word inside a longer one of another category is no word of its own
        # ("revision" in "Brukarrevision", "psykiatri" in "Psykiatridagen")
        specific = [h for h in specific
                    if not any(o != h[0] and a <= spans[h[0]][0] and spans[h[0]][1] <= b
                               and (a, b) != spans[h[0]] for o, (a, b) in spans.items())]
        specific.sort(key=lambda h: spans[h[0]][0])
    generic = [h for h in hits if h[1].generic and all(h[0] != s[0] for s in specific)]
    return specific, generic


def _names(codes) -> str:
    return ", ".join(CATEGORY_NAMES.get(c, c) for c in codes)


def decide(label: str, kind: str | None, blocks: Sequence[tuple[str, str]] = (), member: bool = False,
           rules=DEFAULT_RULES) -> Categorised:
    """The category of a line from its words, its role as a member's contribution and
    the blocks it stands in (`blocks`: (label, "under"|"i") nearest first).

    Order: the line's specific words; a member's contribution by its role; the block's
    specific words; the line's generic words; the block's generic words. Doubt: two
    specific categories in the line, or the line's and its block's; a block that names
    two; only an account number; a generic word under a heading that names no category;
    only a generic heading."""
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    own, own_generic = _split(word_categories(label, kind, rules), label)
    block_hit = block_generic = None
    unnamed_heading = None
    for text, how in blocks:
        specific, generic = _split(word_categories(text, kind, rules), text)
        if specific and block_hit is None:
            block_hit = (specific, f"{how} '{text}'")
            break
        if generic and block_generic is None:
            block_generic = (generic, f"{how} '{text}'")
        if not specific and not generic and unnamed_heading is None \
                and not vocabulary.matches(vocabulary.NEUTRAL_HEADING, text):
            unnamed_heading = f"{how} '{text}'"     # a heading or its Summa row ("Summa Steget")
    if own:
        cats = [c for c, _ in own]
        block_cats = [c for c, _ in block_hit[0]] if block_hit else []
        # the block settles which of the line's words counts
        settled = next((c for c in block_cats if c in cats), None)
        chosen = settled or cats[0]
        others = [] if settled else [c for c in cats if c != chosen]
        doubts = [f"raden nämner också {_names(others)}"] if others else []
        if block_cats and not any(chosen == b or chosen in WITHIN_BLOCK.get(b, ()) for b in block_cats):
            others.append(block_cats[0])
            doubts.append(f"raden står {block_hit[1]} ({_names(block_cats[:1])})")
        return Categorised(chosen, dict(own)[chosen].pattern, "; ".join(doubts), tuple(others))
    if member:
        return Categorised("medlemsbidrag", "medlem (statens, regionens eller kommunernas del)")
    if block_hit:
        cats = [c for c, _ in block_hit[0]]
        if len(cats) > 1 and own_generic and own_generic[0][0] in cats:
            # "Lokaler" under "Styrelse och kansli": the line's own word picks the block's part
            return Categorised(own_generic[0][0], own_generic[0][1].pattern)
        if len(cats) > 1:
            return Categorised(cats[0], block_hit[1], f"rubriken nämner också {_names(cats[1:])}",
                               tuple(cats[1:]))
        return Categorised(cats[0], block_hit[1])
    if own_generic:
        cat, rule = own_generic[0]
        if _only_account(label, rule):
            return Categorised(cat, rule.pattern, "bara kontonumret talar för kategorin", (UNMAPPED,))
        if unnamed_heading is not None:
            # a cost of the activity the heading names ("Löner" under "Kompassen"): an
            # activity's own costs go with it, and most activities are individinsatser
            return _activity_cost(cat, rule, f"raden står {unnamed_heading}, som inte säger vilken kategori")
        named, activity = _named_besides(label)
        if named:
            why = f"raden nämner också '{named}', som inte säger vilken kategori"
            if activity:
                return _activity_cost(cat, rule, why)
            return Categorised(cat, rule.pattern, why, (UNMAPPED,))
        return Categorised(cat, rule.pattern)
    if block_generic:
        cat = block_generic[0][0][0]
        return Categorised(cat, block_generic[1], "bara en allmän rubrik talar för kategorin", (UNMAPPED,))
    return Categorised(UNMAPPED, "")


_WORD = re.compile(r"[A-Za-zÅÄÖÉÜåäöéü][\w\-]*")


def _activity_cost(cat: str, rule: Rule, why: str) -> Categorised:
    """A generic cost word that belongs to some activity: counted with the individinsatser,
    marked osäker, with the word's own category and Ej klassificerat as the alternatives."""
    if CATEGORY_KIND.get(cat) != "cost":
        return Categorised(cat, rule.pattern, why, (UNMAPPED,))
    alternatives = tuple(c for c in (cat, UNMAPPED) if c != "individinsatser")
    return Categorised("individinsatser", rule.pattern, why + "; räknad som insatsens kostnad", alternatives)


def _named_besides(label: str) -> tuple[str, bool]:
    """The words of a generic cost line that name an activity or a proper name ("Löner
    team Höglandet" -> "team Höglandet", "5010 Hyra Jobbverkstan" -> "Jobbverkstan"), and
    whether an activity word is among them; "" when the rest only says what kind of cost
    it is ("Resor och traktamenten")."""
    words = _WORD.findall(bare_label(re.sub(r"^\s*\d{4}\b", "", label)))
    cost_type = vocabulary.pattern(tuple(f"^(?:{w})$" for w in vocabulary.COST_TYPE_WORDS))
    rest = [w for w in words if not cost_type.match(w)]
    if not rest:
        return "", False
    activity = any(vocabulary.matches(vocabulary.ACTIVITY_WORDS, w) for w in rest)
    proper = any(w[0].isupper() and k > 0 for k, w in enumerate(words) if w in rest)
    return (" ".join(rest) if activity or proper else ""), activity


def evidence(rule: str, label: str) -> str:
    """What decided a line's category, in Swedish for the faces: the user's mapping, the
    block the line stands in (its category row, heading or Summa row), its role as a
    member's contribution, or the words of the rule that matched its text."""
    if rule == "mappning":
        return "din mappning (--mapping)"
    if not rule:
        return "ingen regel – ej klassificerad"
    if rule.startswith(("under '", "i '")):
        return "blocket raden står i: " + rule
    if rule.startswith("medlem"):
        return "medlemmens roll: " + rule[len("medlem "):].strip("() ")
    try:
        hit = re.search(rule, label, re.I)
    except re.error:
        hit = None
    return f"orden i raden: '{hit.group(0).strip()}'" if hit and hit.group(0).strip() else \
        "orden i raden (regel: " + rule + ")"


def doubt_text(doubt: str, alternatives: Sequence[str]) -> str:
    """The OSÄKER mark the faces show, with the alternatives the doubt does not already
    name: "OSÄKER: bara kontonumret talar för kategorin (alternativ: Ej klassificerat)"."""
    rest = [c for c in alternatives if CATEGORY_NAMES.get(c, c) not in doubt]
    return f"OSÄKER: {doubt} (alternativ: {_names(rest)})" if rest else f"OSÄKER: {doubt}"


def _only_account(label: str, rule: Rule) -> bool:
    """Whether the rule matched only the account number at the start of the label."""
    m = re.match(r"^\s*\d{4}\b\s*", label)
    return bool(m) and not rule.matches(label[m.end():]) and rule.matches(label[:m.end()])


_LEADING = re.compile(r"^\s*(?:[-–—•·▪]\s*)+|^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")


def bare_label(label: str) -> str:
    """A label without "- " marks and outline numbers: "- Kommuner (25 %)" -> "Kommuner (25 %)"."""
    out = label
    for _ in range(3):
        out = _LEADING.sub("", out)
    return out.strip()


def blocks_of(budget, ln) -> Iterator[tuple[object, str]]:
    """The rows whose block line `ln` stands in, nearest first: the category rows and
    headings above it (its parents), then the "Summa …" rows that sum it."""
    lines = budget.lines
    p, seen = ln.parent, 0
    while p is not None and seen < 10:
        yield lines[p], "under"
        p, seen = lines[p].parent, seen + 1
    target = {ln.index} | _ancestors(budget, ln)
    for t in lines:
        if t.members and target & set(t.members) and t.total_type not in ("revenue_total", "cost_total", "result"):
            yield t, "i"


def _ancestors(budget, ln) -> set[int]:
    out, p = set(), ln.parent
    while p is not None and p not in out:
        out.add(p)
        p = budget.lines[p].parent
    return out


def line_category(budget, ln, rules=DEFAULT_RULES) -> Categorised:
    """The category of line `ln` of `budget`: its words, its role, its blocks (see `decide`).
    The one decision the consolidation, the board's key ratios and FINSAM_NYCKELTAL share."""
    member = ln.kind == "revenue" and vocabulary.matches(vocabulary.MEMBER_NAME, bare_label(ln.label))
    blocks = tuple((b.label, how) for b, how in blocks_of(budget, ln))
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    memo = _decide_memo(rules)
    key = (ln.label, ln.kind, blocks, member)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = decide(ln.label, ln.kind, blocks, member, rules)
    return hit
