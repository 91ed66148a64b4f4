"""Attributions: who a claim is credited to, and how.

Three shapes, driven by ``consistency/lang/<lang>/attributions.toml``:

* a cue BEFORE the source: "according to (a report from) X", "as stated by
  X", "según (un informe de) X";
* a subject BEFORE a reporting verb: "the foreign ministry claimed", "In May,
  the Ryazan Vedomosti newspaper reported", "Insider dijo" -- the subject is
  the clause before the verb (after the last comma, quote or clause start),
  at most a few words, and it must hold a name, a source noun ("report",
  "informe") or a pronoun;
* a verb BEFORE its subject, after a quote: '"...," reads the statement',
  '"...", dijo un representante del Directorio ...'.

A title and a name in apposition give the name: "..., dijo la consejera
delegada, Marta Olivares." / "Marta Olivares, the chief executive, said".
Passive cues are cues before the source ("first reported by Bloomberg",
"adelantadas por Expansión"); cues before figures (``figures``: "results
from", "datos de") credit only a name written right after them, never a
place.  A position without a name ("the company's chief executive said",
"dijo el director financiero") is keyed ``role:<concept>`` from ``[roles]``,
the same concept in every language; :func:`role` gives the position of any
attribution, so the rules can tell "the chief executive" from a named
finance director.

``source`` is the source as written without articles ("Ryazan Vedomosti",
"statement"); ``key`` is the entity key when the source holds a name
(``outlet:ryazan/gazette``, ``org:cuba/foreign-ministry``), otherwise
``src:<folded words>``.

Told-to verbs ("told Reuters", "dijo a Reuters un residente tayiko"): the
speaker is the source (``source`` = "residente tayiko", verb "dijo a"), but
the key is the outlet that carries the words (``outlet:reuters``).  A speaker
described rather than named ("a Tajik resident") cannot be matched across
articles; the outlet can, and "X told Reuters" in one article and "Reuters
reported" in another credit the same outlet.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import lang as _lang
from ..records import Attribution
from . import entities as _entities
from . import names

def _relative_before(text: str, comma: int, ents, d: _Data):
    """'Barry Sheerman, who chairs the committee, warned': the clause before
    the comma at ``comma`` opens with a relative word; the subject is the
    phrase before it.  (start of the phrase, source start, source end, key);
    () when that phrase names no source; None when there is no such clause."""
    s1 = _clause_start(text, comma, ents)
    if s1 == 0 or text[s1 - 1] != ",":
        return None
    first = _WORD.search(text, s1, comma)
    if first is None or first.group().lower() not in d.relatives:
        return None
    s2 = _clause_start(text, s1 - 1, ents)
    got = _np(text, s2, s1 - 1, ents, d) if text[s2:s1 - 1].strip() else None
    if not got:
        return ()
    return _trim(text, s2, s1 - 1, d)[0], got[0], got[1], got[2]


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
#: key namespaces a cue before figures may credit ("results from X"): names, no places
FIGURE_NAMESPACES = ("org", "outlet", "per", "misc")
_BOUNDARY = ",;:.!?\"“”«»()[]\n—–"


@dataclass(frozen=True)
class _Data:
    before: re.Pattern
    verbs: re.Pattern
    told: frozenset
    told_prep: tuple[str, ...]
    prep_required: bool
    suffixes: tuple[str, ...]
    nouns: frozenset
    pronouns: frozenset
    leading: tuple[str, ...]
    adverbs: frozenset
    passive: frozenset
    determiners: frozenset
    breakers: frozenset
    max_words: int
    perfect: frozenset = frozenset()
    present_ending: str = ""
    object_verbs: frozenset = frozenset()
    complements: tuple[str, ...] = ()
    figures: Optional[re.Pattern] = None
    roles: Optional[re.Pattern] = None
    role_of: tuple = ()  # (folded phrase, concept) pairs
    voices: frozenset = frozenset()
    relatives: frozenset = frozenset()
    clause_words: frozenset = frozenset()
    origin: frozenset = frozenset()
    verb_endings: tuple = ()
    possessive: tuple = ()
    affiliation: frozenset = frozenset()
    #: titles before a person's name (``lang/<lang>/entities.toml``: "Sir", "Dr")
    titles: Optional[re.Pattern] = None
    date_lead: frozenset = frozenset()
    clitics: frozenset = frozenset()
    #: reflexive pronouns between a subject and its verb ("El grupo Grey
    #: Lantern se atribuyó el ataque"): left out of the subject
    reflexives: frozenset = frozenset()
    relative_objects: frozenset = frozenset()
    denials: frozenset = frozenset()


def _alt(words) -> str:
    ws = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or r"(?!x)x"


def _cue(words) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + _alt(words) + r")(?!\w)", re.IGNORECASE)


def _perfect(d: dict, key: str) -> list[str]:
    """Each auxiliary of the compound tenses with each participle of ``key``
    ("ha asegurado", "habían dicho")."""
    return [f"{a} {p}" for a in d.get("perfect_auxiliaries", []) for p in d.get(key, [])]


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> _Data:
    d = dict(_lang.load(lang, "attributions") or _lang.load("en", "attributions"))
    d["verbs"] = list(d.get("verbs", [])) + _perfect(d, "participles")
    d["told"] = list(d.get("told", [])) + _perfect(d, "told_participles")
    d["object_verbs"] = list(d.get("object_verbs", [])) + _perfect(d, "object_participles")
    roles = d.get("roles", {})
    return _Data(
        figures=_cue(d.get("figures", [])),
        roles=_cue([w for words in roles.values() for w in words]),
        role_of=tuple((names.slug(w), concept) for concept, words in roles.items() for w in words),
        voices=frozenset(d.get("role_voices", [])),
        before=re.compile(r"(?<!\w)(?:" + _alt(d.get("before", [])) + r")(?!\w)", re.IGNORECASE),
        verbs=re.compile(r"(?<!\w)(?:" + _alt(d.get("verbs", [])) + r")(?!\w)", re.IGNORECASE),
        told=frozenset(w.lower() for w in d.get("told", [])),
        told_prep=tuple(d.get("told_preposition", [])),
        prep_required=bool(d.get("told_preposition_required", False)),
        suffixes=tuple(sorted(d.get("suffixes", []), key=len, reverse=True)),
        nouns=frozenset(names.fold(w) for w in d.get("source_nouns", [])),
        pronouns=frozenset(w.lower() for w in d.get("pronouns", [])),
        leading=tuple(sorted((w.lower() for w in d.get("leading", [])), key=len, reverse=True)),
        adverbs=frozenset(w.lower() for w in d.get("adverbs", [])),
        passive=frozenset(w.lower() for w in d.get("passive_auxiliaries", [])),
        perfect=frozenset(w.lower() for w in d.get("perfect_auxiliaries", [])),
        present_ending=d.get("present_ending", ""),
        determiners=frozenset(w.lower() for w in d.get("determiners", [])),
        breakers=frozenset(names.fold(w) for w in d.get("breakers", [])),
        max_words=int(d.get("max_subject_words", 8)),
        object_verbs=frozenset(w.lower() for w in d.get("object_verbs", [])),
        complements=tuple(names.fold(w) for w in d.get("complements", [])),
        relatives=frozenset(w.lower() for w in d.get("relatives", [])),
        clause_words=frozenset(names.fold(w) for w in d.get("clause_words", [])),
        origin=frozenset(names.fold(w) for w in d.get("origin_before", [])),
        verb_endings=tuple(names.fold(w) for w in d.get("title_not_endings", [])),
        possessive=tuple(d.get("possessive_endings", [])),
        affiliation=frozenset(names.fold(w) for w in d.get("affiliation", [])),
        titles=_entities.titles(lang),
        date_lead=frozenset(names.fold(w) for w in d.get("date_lead", [])),
        clitics=frozenset(names.fold(w) for w in d.get("clitics", [])),
        reflexives=frozenset(names.fold(w) for w in d.get("reflexives", [])),
        relative_objects=frozenset(names.fold(w) for w in d.get("relative_objects", [])),
        denials=frozenset(w.lower() for w in d.get("denials", [])),
    )


def _reports(text: str, vend: int, verb: str, d: _Data) -> bool:
    """Whether a subject + verb credits the claim to the subject.

    Verbs that also take a plain object ("declared three days of mourning",
    "anunció un plan") only report when a clause follows them ("that",
    "que", a colon or a quote) or when they end the clause ("..., X announced.").
    """
    if " ".join(verb.split()).lower() not in d.object_verbs:
        return True
    rest = text[vend:]
    if not rest.strip() or rest.lstrip()[:1] in ",.;:!?\"“”«»—–()":
        return True
    head = names.fold(rest.lstrip())
    return any(head.startswith(c) and not head[len(c):len(c) + 1].isalpha() for c in d.complements)


def _trim(text: str, s: int, e: int, d: _Data, lead: bool = True) -> tuple[int, int]:
    """Shrink [s, e) past spaces, quotes, leading conjunctions/articles."""
    while True:
        while s < e and (text[s].isspace() or text[s] in "\"“”'‘’«»"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "\"“”'‘’«»"):
            e -= 1
        m = _WORD.match(text, s)
        if m and m.end() < e and ((lead and m.group().lower() in d.leading)
                                  or m.group().lower() in d.determiners):
            s = m.end()
            continue
        return s, e


def _np(text: str, s: int, e: int, ents, d: _Data, inverted: bool = False, strong: bool = False):
    """Judge a candidate source phrase [s, e): (src_start, src_end, key) or None.

    ``strong``: the phrase is in a place only a source takes ("according to
    X", "..., X said.", '"...", dijo X'), so a short noun phrase is a source
    whatever its words ("the fire brigade", "los bomberos", "investigators"):
    ``source_nouns`` adds knowledge elsewhere, it does not gate these."""
    s0 = s
    s, e = _trim(text, s, e, d, lead=not inverted)
    # a name that starts with an article ("The Moscow Times") keeps it
    s = min([s] + [x[0] for x in ents if s0 <= x[0] < s and x[1] > s])
    if s >= e:
        return None
    words = [m for m in _WORD.finditer(text, s, e)]
    if not words or len(words) > d.max_words:
        return None
    folded = [names.fold(w.group()) for w in words]
    if any(w in d.breakers for w in folded):
        return None
    inside = [x for x in ents if x[0] >= s and x[1] <= e]
    named = [x for x in inside if x[2] != "NORP"]
    concept = _role_in(text, s, e, inside, d)
    if named and d.origin:
        lead = [names.fold(w.group()) for w in words if w.end() <= named[0][0]]
        if len(lead) >= 2 and lead[-1] in d.origin and any(w not in d.determiners for w in lead[:-1]) \
                and not any(w in d.nouns for w in lead):
            # "The 32-year-old from Wembley told ...": the name only says where
            # a person described in words comes from, and no source is named
            # ("a spokesman from Gazprom" speaks for Gazprom: a source noun)
            return None
    if named:
        best = next((x for x in named if x[2] in ("ORG", "PER")), named[0])
        if len(named) >= 2 and named[-1][1] == e:
            # "Revolution Studios spokesman Sean Dudas": a source noun between
            # two names makes the last one the source (the first is whom it
            # speaks for); so does any word before a person's name ("Greek
            # Athletics Federation boss Vassilli Sevastis")
            between = [names.fold(w.group()) for w in words
                       if named[-2][1] <= w.start() and w.end() <= named[-1][0]]
            if any(w in d.nouns for w in between) or (between and named[-1][2] == "PER"):
                best = named[-1]
        if concept and best[2] != "PER" and concept not in d.voices:
            # "Solaria's chief executive": the position, not the company
            return s, e, "role:" + concept
        rest = [names.fold(w.group()) for w in words
                if not any(x[0] <= w.start() < x[1] for x in inside)]
        lead = [names.fold(w.group()) for w in words if w.end() <= best[0]]
        if best[2] not in ("ORG", "PER") and len(lead) >= 2 and lead[-1] in d.affiliation \
                and any(w not in d.determiners for w in lead[:-1]):
            # "the mayor of Hoyarcos said", "el alcalde de Hoyarcos dijo": a
            # person described in words, of a place or of a name of unknown
            # type; the whole phrase is the source, not the town
            return s, e, "src:" + names.slug(text[s:e])
        if best[2] == "LOC" and any(w not in d.determiners for w in rest) and not any(w in d.nouns for w in rest):
            # "the Paris-based economics think tank said": the place only
            # qualifies a source described in words; it is no source itself
            # ("un alto funcionario de EE. UU.": a source noun, described)
            return None
        # "the Ryazan Vedomosti newspaper" -> the name; "a British intelligence
        # report" -> the whole phrase, keyed by the name inside
        if all(w in names.outlet_descriptors() or w in d.determiners for w in rest):
            return best[0], best[1], best[3]
        if not any(w in d.nouns for w in rest):
            return best[0], best[1], best[3]
        if best[2] in ("ORG", "PER"):
            return s, e, best[3]
        return s, e, "src:" + names.slug(text[s:e])
    if len(words) == 1 and words[0].group().lower() in d.pronouns and not inverted:
        return s, e, "src:" + folded[0]
    if concept:
        return s, e, "role:" + concept
    if any(w in d.nouns for w in folded):
        return s, e, "src:" + names.slug(text[s:e])
    if strong and any(w not in d.determiners and not w.isdigit() for w in folded) \
            and not any(w in d.clause_words for w in folded):
        return s, e, "src:" + names.slug(text[s:e])
    return None


#: a quotation that ends before a clause: '"We left with nothing," the mayor said.'
_QUOTE_ENDS = (',"', ',”', ',»', '",', '”,', '»,')


def _clause_start(text: str, pos: int, ents=()) -> int:
    i = pos
    while i > 0 and (text[i - 1] not in _BOUNDARY or any(x[0] < i - 1 < x[1] for x in ents)):
        i -= 1
    return i


def _clause_end(text: str, pos: int) -> int:
    i = pos
    while i < len(text) and text[i] not in _BOUNDARY:
        i += 1
    return i


def _strip_adverbs(text: str, s: int, e: int, d: _Data) -> int:
    """End of the subject once adverbs (and object or reflexive pronouns: "El
    ministro lo confirmó", "El grupo se atribuyó") before the verb are dropped."""
    while True:
        sub = text[s:e].rstrip()
        m = re.search(r"(\w+)$", sub)
        if not m or (m.group(1).lower() not in d.adverbs
                     and names.fold(m.group(1)) not in d.clitics | d.reflexives):
            return s + len(sub)
        e = s + m.start(1)


def _suffix(text: str, end: int, d: _Data) -> int:
    for suf in d.suffixes:
        m = re.match(r"\s+" + re.escape(suf) + r"(?!\w)", text[end:], re.IGNORECASE)
        if m:
            return end + m.end()
    return end


def _told(text: str, vend: int, verb: str, ents, d: _Data):
    """For told-to verbs: (entity tuple of the outlet, end of 'a Reuters') or None."""
    if " ".join(verb.split()).lower() not in d.told or _suffix(text, vend, d) > vend:
        return None  # "dijo en un comunicado", "said on Telegram": how, not to whom
    optional = "" if d.prep_required else "?"
    m = re.match(r"\s+(?:(?:" + _alt(d.told_prep) + r")\s+)" + optional, text[vend:], re.IGNORECASE)
    if not m:
        return None
    pos = vend + m.end() if m else vend
    for x in ents:
        if x[0] == pos and x[2] in ("ORG", "PER"):
            return x, x[1]
    return None


def _role_in(text: str, s: int, e: int, inside, d: _Data) -> Optional[str]:
    """The position (``[roles]`` concept) named in [s, e) outside names, or None."""
    for m in d.roles.finditer(text, s, e):
        if not any(x[0] <= m.start() < x[1] for x in inside):
            return _concept(m.group(), d)
    return None


def _concept(phrase: str, d: _Data) -> Optional[str]:
    key = names.slug(phrase)
    return next((c for w, c in d.role_of if w == key), None)


def role(att: Attribution, lang: str) -> Optional[str]:
    """The position of an attribution's source: the concept of its ``role:``
    key, else a position written next to the name in the attribution
    ("chief executive Marta Olivares said" -> "ceo"), else None."""
    if att.key.startswith("role:"):
        return att.key.split(":", 1)[1]
    d = _data(lang)
    m = d.roles.search(att.text)
    return _concept(m.group(), d) if m else None


def role_named(phrase: str, lang: str) -> Optional[tuple[int, int, str]]:
    """Where a phrase names a position of ``[roles]`` and which ("Miravento's
    chief executive": (12, 27, "ceo")), or None."""
    d = _data(lang)
    m = d.roles.search(phrase) if d.roles is not None else None
    concept = _concept(m.group(), d) if m else None
    return (m.start(), m.end(), concept) if m and concept else None


def _short(text: str, s: int, e: int, d: _Data) -> bool:
    """A short phrase without clause words: a title or a name in apposition."""
    words = [names.fold(w.group()) for w in _WORD.finditer(text, s, e)]
    return 0 < len(words) <= d.max_words and not any(w in d.breakers for w in words)


def _person(text: str, s: int, e: int, ents, d: _Data):
    """The person named by exactly the phrase [s, e) (after articles and
    the titles before a name: "Sir Andrew Green"), or None."""
    s, e = _trim(text, s, e, d)
    while d.titles is not None:
        m = d.titles.match(text, s)
        if m is None or not text[m.end():m.end() + 1].isspace():
            break
        s = m.end() + 1
    return next((x for x in ents if x[0] == s and x[1] == e and x[2] == "PER"), None)


def _apposed_after(text: str, s: int, e: int, ents, d: _Data):
    """'..., said the chief executive, Marta Olivares.': a short title phrase
    [s, e) right after an inverted verb, a comma, then a person's name that
    ends the clause.  (start, end, key) of the name, or None."""
    if e >= len(text) or text[e] != "," or not _short(text, s, e, d):
        return None
    if any(x[2] == "PER" and s <= x[0] < e for x in ents):
        return None  # the name comes first: "said Marta Olivares, the chief executive"
    pos = e + 1 + len(text[e + 1:]) - len(text[e + 1:].lstrip())
    x = next((x for x in ents if x[0] == pos and x[2] == "PER"), None)
    if x is None:
        return None
    after = text[x[1]:].lstrip()
    if after and after[0] not in _BOUNDARY:
        return None
    return x[0], x[1], x[3]


def _apposed_before(text: str, comma: int, ents, d: _Data):
    """'Marta Olivares, the chief executive, said' / 'the chief executive,
    Marta Olivares, said': a name and a title phrase (naming a position or a
    source noun) as the two clauses before the comma at ``comma``.
    (start of the phrase, source start, source end, key) or None."""
    s1 = _clause_start(text, comma, ents)
    if s1 == 0 or text[s1 - 1] != ",":
        return None
    s2 = _clause_start(text, s1 - 1, ents)
    first, second = (s2, s1 - 1), (s1, comma)
    for name, title in ((first, second), (second, first)):
        x = _person(text, name[0], name[1], ents, d)
        if x is None or not _short(text, title[0], title[1], d):
            continue
        listed = [names.fold(w.group()) for w in _WORD.finditer(text, title[0], title[1])]
        words = set(listed)
        # a title naming a position or a source noun, or a title a
        # determiner or a possessive ("Kaldera's team manager, Joris
        # Kempenaar, said") opens before the name ("The chief inspector of schools,
        # David Bell, said"; not a clause: "The deal closed in May, Marta
        # Olivares, said": no word of it a number or ending as a verb does,
        # ``title_not_endings``)
        raw = text[title[0]:title[1]].split()
        owned = bool(d.possessive) and any(w.endswith(d.possessive) for w in raw[:-1])
        led = (title is first and bool(listed) and (listed[0] in d.determiners or owned)
               and not any(w.isdigit() or w.endswith(d.verb_endings) for w in listed))
        # or, after the person, the body the person belongs to ("David Page,
        # of Investec Securities, said": ``affiliation``, a name in it)
        affiliated = (title is second and bool(listed) and listed[0] in d.affiliation
                      and any(title[0] <= x[0] and x[1] <= title[1] and x[2] != "PER" for x in ents))
        if _role_in(text, title[0], title[1], (), d) or words & d.nouns or led or affiliated:
            if title is first and s2 > 0 and text[s2 - 1] == ",":
                # 'Justin Green, portavoz de los organizadores, MCD Promoters,
                # dijo': a person before the title is who spoke; the name
                # after it only says whom the title is of
                s3 = _clause_start(text, s2 - 1, ents)
                y = _person(text, s3, s2 - 1, ents, d)
                if y is not None:
                    return _trim(text, s3, s2 - 1, d)[0], y[0], y[1], y[3]
            return _trim(text, s2, s1 - 1, d)[0], x[0], x[1], x[3]
    return None


#: words an aside in brackets after a name may hold and still be read past
#: (``_without_asides``): an acronym, an alias, a party and constituency
ASIDE_WORDS = 4
_ASIDE = re.compile(r"(?<=\w) ?\(([^()\n]*)\)")


@functools.lru_cache(maxsize=None)
def _age_aside(lang: str) -> re.Pattern:
    """A person's age set in commas after the name: ", 45," / ", de 45
    años," (``age_aside`` in ``lang/<lang>/attributions.toml``, "{n}" the
    number)."""
    forms = (_lang.load(lang, "attributions") or {}).get("age_aside", ["{n}"])
    alt = "|".join(re.escape(f).replace(r"\{n\}", r"\d{1,3}").replace(r"\ ", r"\s+") for f in forms)
    return re.compile(r"(?<=[^\W\d_]),\s+(?:" + alt + r"),(?=\s)")


def _without_asides(text: str, lang: str = "en") -> str:
    """``text`` with each short aside in brackets right after a word blanked
    out (same length, so offsets hold): "the World Cycling Integrity Unit
    (WCIU) announced" reads "the World Cycling Integrity Unit announced", as
    "la Organización Mundial de la Salud (OMS) informó" reads without
    "(OMS)".  A longer aside, a remark of its own, is left as it is.  So is
    a person's age in commas after the name: "Mark Ellis, 45, said" reads
    "Mark Ellis said" (:func:`_age_aside`)."""
    out = list(text)
    for m in _ASIDE.finditer(text):
        if 0 < len(m.group(1).split()) <= ASIDE_WORDS:
            out[m.start():m.end()] = " " * (m.end() - m.start())
    for m in _age_aside(lang).finditer(text):
        out[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def _without_dates(text: str, lang: str, d: _Data) -> str:
    """``text`` with each date expression, and a ``date_lead`` word right
    before it ("on", "el"), blanked out (same length, so offsets hold): "first
    reported on Monday by TechFront" reads "first reported by TechFront"."""
    from . import dates as _dates

    out = list(text)
    for s, e in _dates.spans(text, lang):
        lead = re.search(r"(\w+)\s+$", text[:s])
        if lead and names.fold(lead.group(1)) in d.date_lead:
            s = lead.start(1)
        out[s:e] = " " * (e - s)
    return "".join(out)


def _clitic_before(text: str, pos: int, d: _Data) -> bool:
    """The word before ``pos`` is an object pronoun (``clitics``): "El
    positivo lo adelantó la cadena Onda Ciclista" -- the subject, the
    source, follows the verb; so it does after a relative whose noun is
    the object ("cuyo resultado adelantó El Heraldo de Valdelosa")."""
    prev = re.search(r"(\w+)\s+$", text[:pos])
    if bool(d.clitics) and prev is not None and names.fold(prev.group(1)) in d.clitics:
        return True
    # "una votación cuyo resultado adelantó El Heraldo": a relative whose
    # noun is the object (``relative_objects``)
    two = re.search(r"(\w+)\s+\w+\s+$", text[:pos])
    return bool(d.relative_objects) and two is not None and names.fold(two.group(1)) in d.relative_objects


def find(text: str, lang: str, known: tuple = ()) -> list[tuple]:
    """(start, end, src_start, src_end, key, verb) of each attribution,
    claim-relative; ``known`` as for :func:`consistency.facts.entities.find`."""
    d = _data(lang)
    text = _without_asides(text, lang)
    ents = _entities.find(text, lang, known)
    out: list[tuple] = []
    # a date between the cue's words or between cue and source is read past
    bare = _without_dates(text, lang, d) if d.date_lead or d.clitics else text
    for m in d.before.finditer(bare):
        if any(a[0] <= m.start() < a[1] for a in out):
            continue
        verb = d.verbs.match(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()))
        if verb is not None:
            # "según anunció el martes su director financiero, Tomás
            # Arbeloa": a verb after the cue, and its subject after it, as
            # after an inverted verb
            cend = _clause_end(text, verb.end())
            got = _np(bare, verb.end(), cend, ents, d, inverted=True,
                      strong=not text[cend:].strip(" .!?\n\"”»"))
            apposed = _apposed_after(text, verb.end(), cend, ents, d)
            if apposed and not (got and got[2].startswith("per:")):
                got = apposed
            if got:
                out.append((m.start(), got[1], got[0], got[1], got[2],
                            " ".join(text[m.start():verb.end()].split())))
            continue
        end = _clause_end(text, m.end())
        got = _np(bare, m.end(), end, ents, d, strong=True)
        # "según el director financiero de la compañía, Tomás Whitlock, la
        # demanda ...": the person set in commas after the title
        apposed = _apposed_after(text, m.end(), end, ents, d)
        if apposed and not (got and got[2].startswith("per:")):
            got = apposed
        if got:
            out.append((m.start(), got[1], got[0], got[1], got[2], " ".join(m.group().split())))
    for m in d.figures.finditer(text):
        if any(a[0] <= m.start() < a[1] for a in out):
            continue  # "según datos de X": already read from "según"
        # figures credit a name written right after the cue, never a place
        pos = _trim(text, m.end(), _clause_end(text, m.end()), d)[0]
        x = next((x for x in ents if x[0] == pos and x[3].split(":", 1)[0] in FIGURE_NAMESPACES), None)
        if x is not None:
            out.append((m.start(), x[1], x[0], x[1], x[3], m.group()))
    for m in d.verbs.finditer(text):
        if any(a[0] <= m.start() < a[1] for a in out):
            continue
        if any(x[0] <= m.start() < x[1] for x in ents):
            continue  # part of a name: "United States", "The Times Says"
        verb = m.group()
        prev = re.search(r"(\w+)\s+$", text[:m.start()])
        if prev and prev.group(1).lower() in d.passive:
            continue  # "residents were told to stay indoors": the subject is told, not telling
        if prev and prev.group(1).lower() in d.determiners and names.fold(prev.group(1)) not in d.clitics:
            continue  # "its reports": a noun ("la adelantó": a pronoun, the verb)
        if prev and prev.group(1).lower() in d.perfect and d.present_ending and verb.lower().endswith(d.present_ending):
            continue  # "had reports of injuries": a noun ("had said" is the verb)
        nxt = d.verbs.match(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()))
        if nxt and nxt.start() > m.end():
            continue  # "report said": the first word is a noun
        if _clitic_before(text, m.start(), d):
            # "lo adelantó el martes la cadena Onda Ciclista": the source
            # follows the verb (past a date), up to the clause's end
            cend = _clause_end(text, m.end())
            got = _np(bare, m.end(), cend, ents, d, inverted=True, strong=not text[cend:].strip(" .!?\n\"”»"))
            if got and got[2].split(":", 1)[0] != "loc":
                out.append((m.start(), got[1], got[0], got[1], got[2], verb))
                continue
        told = _told(text, m.end(), verb, ents, d)
        vend = told[1] if told else m.end()
        cstart = _clause_start(text, m.start(), ents)
        sub_end = _strip_adverbs(text, cstart, m.start(), d)
        last = re.search(r"(\w+)\W*$", text[cstart:sub_end])
        if last and last.group(1).lower() in d.denials:
            continue  # "Tony Blair has not confirmed any timing": no one is credited
        # "The chief inspector, David Bell, also said": only adverbs between
        # the comma and the verb, read as if the verb followed the comma
        pre = text[:m.start()] if text[cstart:sub_end].strip() else text[:sub_end]
        # "..., the fire brigade said." (the verb ends the sentence after a
        # comma): only a source stands there
        final = (cstart > 0 and (text[cstart - 1] == "," or text[max(0, cstart - 2):cstart] in _QUOTE_ENDS)
                 and not text[_suffix(text, vend, d):].strip(" .!?\n\"”»"))
        # "the mayor told Radio Norte": who tells an outlet is a source
        got = (_np(text, cstart, sub_end, ents, d, strong=final or bool(told))
               if text[cstart:sub_end].strip() else None)
        if got and not told and not _reports(text, _suffix(text, vend, d), verb, d):
            continue
        relative = (None if got or told or pre.rstrip()[-1:] != ","
                    else _relative_before(text, len(pre.rstrip()) - 1, ents, d))
        if got:
            start = _trim(text, cstart, sub_end, d)[0]
            start = min(start, got[0])
            end = _suffix(text, vend, d)
        elif relative is not None:
            if not relative or not _reports(text, _suffix(text, vend, d), verb, d):
                continue  # "The company, which makes phones, said profits fell": no source named
            start, got, end = relative[0], relative[1:], _suffix(text, vend, d)
        elif pre.rstrip()[-1:] in (",", "\"", "“", "”", "»") or not pre.strip():
            # inverted: ', said the report' / '", dijo a Reuters un residente'
            cend = _clause_end(text, vend)
            # (who was told follows the verb: "The mayor, Encarna Ribelles,
            # told Onda Albarén")
            before = (_apposed_before(text, len(pre.rstrip()) - 1, ents, d)
                      if pre.rstrip()[-1:] == "," else None)
            got = None if before else _np(text, vend, cend, ents, d, inverted=True,
                                          strong=not text[cend:].strip(" .!?\n\"”»"))
            apposed = _apposed_after(text, vend, cend, ents, d)
            if apposed and not (got and got[2].startswith("per:")):
                got = apposed  # ', dijo la consejera delegada, Marta Olivares.'
            if before and not apposed:
                # 'Its chief economist, Jean-Philippe Cotis, said the economy ...'
                start, got, end = before[0], before[1:], _suffix(text, vend, d)
            elif got:
                start, end = m.start(), got[1]
            elif pre.rstrip()[-1:] == "," and not told:
                comma = len(pre.rstrip()) - 1
                before = _apposed_before(text, comma, ents, d)
                if not before:
                    continue
                start, got, end = before[0], before[1:], _suffix(text, vend, d)
            else:
                continue
        else:
            continue
        key = told[0][3] if told else got[2]
        out.append((start, end, got[0], got[1], key, text[m.start():vend] if not told else
                    re.sub(r"\s+", " ", text[m.start():told[0][0]]).strip()))
    out.sort()
    return out


def extract(text: str, offset: int, lang: str, ctx=None) -> tuple[Attribution, ...]:
    """Attributions of a claim; spans are offsets into the article text."""
    res = []
    known = getattr(ctx, "names", ()) if ctx is not None else ()
    for s, e, ss, se, key, verb in find(text, lang, known):
        res.append(Attribution(source=text[ss:se], key=key, verb=verb, text=text[s:e],
                               start=s + offset, end=e + offset,
                               source_start=ss + offset, source_end=se + offset))
    return tuple(res)


def name_parts(source: str) -> tuple[frozenset, frozenset]:
    """(glossary concepts, other words) of a source's name, folded.

    >>> [sorted(p) for p in name_parts("Oficina Nacional de Emergencias")]
    [['national', 'office'], ['de', 'emergencias']]

    The concepts are the same in every language ("Ministerio de Salud" and
    "Health Ministry" both give {ministry, health}); the other words are
    left to spelling comparison.
    """
    words = [w for w in names.slug(source).split("-") if w]
    tokens, _ = names.concepts(words)
    other = frozenset(t for t in tokens if t in words and not names.translated([t]))
    return frozenset(tokens) - other, other


def same_outlet(a: Attribution, b: Attribution) -> tuple[bool, Optional[str]]:
    """Whether two sources, written differently, are likely the same outlet.

    >>> x = Attribution("Ryazan Vedomosti", "outlet:ryazan/gazette", "reported", "", 0, 0)
    >>> y = Attribution("Ryazan Gazette", "outlet:ryazan/gazette", "according to", "", 0, 0)
    >>> same_outlet(x, y)
    (True, "'vedomosti' means 'gazette'")
    """
    return names.compare(a.source, a.key, b.source, b.key)


#: a scoop statement with at most this many words besides its source's name
#: says nothing but who had the news ("The case was first revealed by
#: Gazzetta Velo", "El positivo lo adelantó el martes la cadena Onda
#: Ciclista"): the news it credits is the story's
SCOOP_WORDS = 12


#: key types of sources that name nobody ("the minister", "the company"):
#: who had the news first is a named outlet ("La ministra lo adelantó ayer"
#: brings a plan forward, it breaks no news)
UNNAMED = ("role", "src")


def _scoop_data(lang: str) -> dict:
    return (_lang.load(lang, "attributions") or {}).get("scoop") or {}


_WORD = re.compile(r"\w[\w'’-]*")


def scoop_window(claim, att: Attribution) -> tuple[int, int]:
    """Article offsets of ``att``'s phrase in ``claim`` with the ``[scoop]
    reach`` words each side of it: where a scoop's cue, and its date, are
    read ("El positivo lo adelantó el martes la cadena Onda Ciclista",
    "Según el diario Gazzetta Velo, que adelantó la noticia el lunes")."""
    reach = int(_scoop_data(claim.lang).get("reach", 6))
    s, e = att.start - claim.start, att.end - claim.start
    before = list(_WORD.finditer(claim.text[:s]))[-reach:]
    after = list(_WORD.finditer(claim.text[e:]))[:reach]
    return (claim.start + (before[0].start() if before else s),
            claim.start + (e + after[-1].end() if after else e))


def _window(claim, att: Attribution) -> str:
    """The words of :func:`scoop_window`, lower case, padded with spaces."""
    s, e = scoop_window(claim, att)
    words = claim.text[s - claim.start:e - claim.start].split()
    return " " + " ".join(w.strip(",;:()\"“”«»") for w in words).lower() + " "


def scoop(claim) -> Optional[Attribution]:
    """The source ``claim`` credits with having the news first, or None:
    one of its own (explicit) sources with a ``[scoop] cues`` word of
    ``lang/<lang>/attributions.toml`` among the words around it ("as first
    reported by El Faro de Aranzola", "según adelantó la emisora Radio
    Tarvela", "Según el diario Gazzetta Velo, que adelantó la noticia")."""
    data = _scoop_data(claim.lang)
    cues = [c.lower() for c in data.get("cues", ())]
    if not cues:
        return None
    for att in claim.facts.attributions:
        if att.how != "explicit" or att.key.split(":", 1)[0] in UNNAMED:
            continue
        window = _window(claim, att)
        if any(re.search(r"(?<!\w)" + re.escape(c), window) for c in cues):
            return att
    return None


def story_scoop(claim, lead: bool = False) -> Optional[Attribution]:
    """:func:`scoop` when the news it credits is the story's: the claim
    leads its article (``lead``), says little besides (``SCOOP_WORDS``), or
    names the news itself (``[scoop] news``: "adelantó la noticia").  A
    scoop of one detail of a story ("the 6% fall in the shares, first
    reported by Bolsa Semanal, ...") is not the story's."""
    att = scoop(claim)
    if att is None:
        return None
    if lead or len(claim.text.split()) - len(att.source.split()) <= SCOOP_WORDS:
        return att
    window = _window(claim, att)
    return att if any(" " + n.lower() + " " in window for n in _scoop_data(claim.lang).get("news", ())) else None
