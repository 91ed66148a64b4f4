"""Entities: organisations, people, places, nationalities, with canonical keys.

Approach (rules + data, no statistical NER):

1. known names are found with one regular expression built from
   ``consistency/lang/gazetteer.toml`` (all languages at once, so an English
   article quoting "Kazajstán" still links to ``loc:kazakhstan``);
2. institution phrases from ``consistency/lang/glossary.toml`` ("foreign
   ministry", "Ministerio de Relaciones Exteriores") are found the same way;
3. remaining capitalised words are chunked into names, joined by the
   language's connector words ("of", "de", "del") from
   ``consistency/lang/<lang>/entities.toml``;
4. adjacent pieces are grouped ("Cuba's" + "foreign ministry"; "Ministerio de
   Relaciones Exteriores" + "de" + "Cuba") and each group is typed: an
   institution next to a country gives ``org:<country>/<concept>``; a title
   ("Mr.", "President", "presidente") makes the following name PER; org head
   words ("Ministry", "Consejo") make ORG; newspaper words make an outlet;
   two or more bare capitalised words make PER; the rest is MISC.

Why not a library: no NER model is installable offline here with a clear
licence (see docs/libraries.md), and the spaCy models that exist typed
"Ryazan Gazette" as a person.  On the 52 cases of
``tests/data/facts/entities_*.toml`` the first run got 51 right (a lone "X"
read as a name), all 52 after the fix; about 4,700 seed sentences a second.
The tables were written alongside the rules, so they are no held-out test.
The multilingual embedding was not needed: translated names are matched by
the glossary, which is exact and explainable.

A single unknown capitalised word at the start of a sentence is not an
entity ("Prometen", "Authorities"): sentence case gives no evidence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import lang as _lang
from ..records import Entity
from . import names

#: a word; an apostrophe before a capital letter stays inside a name ("O'Brien", "N'Golo"),
#: one before a small letter does not ("Turkey's")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’](?=[A-Z\u00C0-\u00DE])[^\W_]+)?(?:-[^\W_]+)*")
_SPACE = re.compile(r"[ \t\u00a0]+")


class _Span:
    """A trimmed match: the parts of :class:`re.Match` used below."""

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text
_SENTENCE_END = set(".!?:;\n\"“”«»(—–")


@dataclass(frozen=True)
class _Gaz:
    key: str
    type: str
    country: Optional[str]
    outlet: bool


@dataclass
class _El:
    """A piece of a name: a known name, an institution, a title or a capitalised word."""

    start: int
    end: int
    kind: str  # gaz | inst | title | cap
    gaz: Optional[_Gaz] = None
    concept: Optional[str] = None
    generic: bool = False


def _form_pattern(form: str) -> str:
    out = []
    for i, ch in enumerate(form):
        if ch in "'’":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        elif i == 0 and ch.islower():
            out.append(f"[{ch}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@functools.lru_cache(maxsize=None)
def _gazetteer_table() -> dict[str, _Gaz]:
    table: dict[str, _Gaz] = {}
    for entry in _lang.load_shared("gazetteer").get("entry", []):
        g = _Gaz(entry["key"], entry["type"], entry.get("country"), bool(entry.get("outlet")))
        for form in entry["names"]:
            table.setdefault(form, g)
            if form[0].islower():
                table.setdefault(form[0].upper() + form[1:], g)
    return table


def _gazetteer_forms() -> list[str]:
    return list(_gazetteer_table())


@functools.lru_cache(maxsize=None)
def _gazetteer() -> tuple[re.Pattern, dict[str, _Gaz]]:
    table = _gazetteer_table()
    forms = sorted(table, key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(_form_pattern(f) for f in forms) + r")(?![\w.]\w)"
    lookup = {re.sub(r"\s+", " ", f.replace("’", "'")): g for f, g in table.items()}
    return re.compile(pattern), lookup


@functools.lru_cache(maxsize=None)
def _gaz_by_initial() -> tuple[re.Pattern, dict[str, re.Pattern]]:
    """The gazetteer pattern split by a form's first character.

    Scanning the one large alternation at every word start is the slowest
    part of entity finding.  Each sub-pattern keeps the alternatives that can
    start with that character, in the same (longest first) order, so a match
    at a position is exactly the one the full pattern would give."""
    forms = sorted(_gazetteer_forms(), key=len, reverse=True)
    by_initial: dict[str, list[str]] = {}
    for f in forms:
        first = f[0]
        if first in "'’":
            initials = "'’"
        elif first.islower():
            initials = first + first.upper()
        else:
            initials = first
        for ch in dict.fromkeys(initials):
            by_initial.setdefault(ch, []).append(f)
    subs = {ch: re.compile(r"(?<!\w)(?:" + "|".join(_form_pattern(f) for f in fs) + r")(?![\w.]\w)")
            for ch, fs in by_initial.items()}
    starts = re.compile(r"(?<!\w)[" + "".join(re.escape(ch) for ch in subs) + "]")
    return starts, subs


def _gaz_matches(text: str) -> list[re.Match]:
    """Non-overlapping gazetteer matches, left to right (as ``finditer``)."""
    starts, subs = _gaz_by_initial()
    out: list[re.Match] = []
    pos = 0
    while True:
        s = starts.search(text, pos)
        if s is None:
            return out
        m = subs[s.group()].match(text, s.start())
        if m is None:
            pos = s.start() + 1
        else:
            out.append(m)
            pos = m.end()


def _lookup_gaz(text: str) -> Optional[_Gaz]:
    _, lookup = _gazetteer()
    return lookup.get(re.sub(r"\s+", " ", text.replace("’", "'")))


def gazetteer_same(x: str, y: str) -> Optional[bool]:
    """Two names as written, both in the gazetteer: do they name one thing
    ("American" / "US": yes; "Havana" / "Cuba": no)?  None when either is
    not in it (then the gazetteer has nothing to say)."""
    gx, gy = _lookup_gaz(x.strip()), _lookup_gaz(y.strip())
    if gx is None or gy is None:
        return None
    bx, by = gx.key.split(":", 1)[1], gy.key.split(":", 1)[1]
    return bx == by or (gx.country is not None and gx.country == gy.country
                        and "NORP" in (gx.type, gy.type))


@functools.lru_cache(maxsize=None)
def _institutions() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    data = _lang.load_shared("glossary").get("institution", {})
    table: dict[str, tuple[str, bool]] = {}
    for concept, spec in data.items():
        for phrase in spec["phrases"]:
            table[names.fold(phrase.replace("’", "'"))] = (concept, bool(spec.get("generic")))
    phrases = sorted({p for spec in data.values() for p in spec["phrases"]}, key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(_form_pattern(p.lower()) for p in phrases) + r")(?!\w)"
    return re.compile(pattern, re.IGNORECASE), table


@dataclass(frozen=True)
class _LangData:
    connectors: tuple[str, ...]
    determiners: frozenset
    titles: re.Pattern
    stopwords: frozenset
    org_heads: frozenset
    loc_heads: frozenset
    loc_before: tuple[str, ...]
    loc_after: tuple[str, ...]
    loc_preps: tuple[str, ...] = ()
    name_articles: frozenset = frozenset()
    list_joiners: frozenset = frozenset()
    department_words: frozenset = frozenset()
    office_titles: tuple[str, ...] = ()
    office_departments: tuple[tuple[str, str], ...] = ()
    adjective_after_noun: bool = False
    connector_words: frozenset = frozenset()
    number_words: frozenset = frozenset()
    prefixes: frozenset = frozenset()


@functools.lru_cache(maxsize=None)
def _org_heads() -> frozenset:
    """The ``org_heads`` of every language: a name keeps its head word in
    another language's text ("The Fundación Herrera Soto had offered a
    reward", "la consultora Kessling Partners")."""
    return frozenset(names.fold(w) for lang in _lang.available_languages()
                     for w in _lang.load(lang, "entities").get("org_heads", []))


@functools.lru_cache(maxsize=None)
def _langdata(lang: str) -> _LangData:
    d = _lang.load(lang, "entities") or _lang.load("en", "entities")
    titles = sorted(d.get("titles", []), key=len, reverse=True)
    tpat = r"(?<!\w)(?:" + "|".join(_form_pattern(t) for t in titles) + r")\b\.?" if titles else r"(?!x)x"
    return _LangData(
        number_words=_number_words(lang),
        prefixes=frozenset(names.fold(w) for w in d.get("prefixes", [])),
        connectors=tuple(sorted(d.get("connectors", []), key=len, reverse=True)),
        determiners=frozenset(names.fold(w) for w in d.get("determiners", [])),
        titles=re.compile(tpat, re.IGNORECASE),
        stopwords=frozenset(w.lower() for w in d.get("stopwords", [])),
        org_heads=_org_heads(),
        loc_heads=frozenset(names.fold(w) for w in d.get("loc_heads", [])),
        loc_before=tuple(names.fold(w) for w in d.get("loc_before", [])),
        loc_after=tuple(names.fold(w) for w in d.get("loc_after", [])),
        loc_preps=tuple(names.fold(w) for w in d.get("loc_prepositions", [])),
        name_articles=frozenset(names.fold(w) for w in d.get("name_articles", [])),
        list_joiners=frozenset(names.fold(w) for w in d.get("list_joiners", [])),
        department_words=frozenset(names.fold(w) for w in d.get("department_words", [])),
        office_titles=tuple(names.fold(w) for w in d.get("office_titles", [])),
        office_departments=tuple((names.fold(k), names.fold(v))
                                 for k, v in d.get("office_departments", {}).items()),
        adjective_after_noun=bool(d.get("adjective_after_noun", False)),
        connector_words=frozenset(w for c in d.get("connectors", []) + d.get("determiners", [])
                                  for w in names.fold(c).split()),
    )


# ---------------------------------------------------------------- pieces
def titles(lang: str) -> re.Pattern:
    """The titles before a person's name in ``lang`` ("Sir", "Dr", "prime
    minister": ``titles`` in ``lang/<lang>/entities.toml``), as one pattern."""
    return _langdata(lang).titles


def _elements(text: str, ld: _LangData) -> list[_El]:
    inst_re, inst_table = _institutions()
    found: list[_El] = []
    for m in _gaz_matches(text):
        g = _lookup_gaz(m.group())
        if g is not None:
            found.append(_El(m.start(), m.end(), "gaz", gaz=g))
    for m in inst_re.finditer(text):
        concept, generic = inst_table.get(names.fold(re.sub(r"\s+", " ", m.group().replace("’", "'"))),
                                          (None, False))
        if concept:
            found.append(_El(m.start(), m.end(), "inst", concept=concept, generic=generic))
    for m in ld.titles.finditer(text):
        found.append(_El(m.start(), m.end(), "title"))
    # longest first, then earliest; drop overlaps
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    taken: list[_El] = []
    for e in found:
        if all(e.end <= t.start or e.start >= t.end for t in taken):
            taken.append(e)
    for m in _WORD.finditer(text):
        w = m.group()
        if not w[0].isupper():
            continue
        end = m.end()
        while "-" in w and w.rsplit("-", 1)[1][:1].islower():
            # a lower-case tail is a modifier, not part of the name: "Las Vegas-style"
            w = w.rsplit("-", 1)[0]
            end = m.start() + len(w)
        head, _, rest = w.partition("-")
        if rest[:1].isupper() and names.fold(head) in ld.prefixes:
            # "Ex-Downing Street media chief": the prefix says "former", the name is "Downing Street"
            w = rest
            m = _Span(m.start() + len(head) + 1, end, w)
        elif end != m.end():
            m = _Span(m.start(), end, w)
        acronym = w.isupper() and len(w) >= 2 and any(c.islower() for c in text[max(0, m.start() - 30):m.end() + 30])
        if w.lower() in ld.stopwords and not _name_article(text, m, ld) and not acronym \
                and not _continues_name(text, m, taken, ld):
            continue  # "AS Sur", "IT" in running text are names, "As" and "it" are not
        if w.isupper() and len(w) > 5:
            continue  # headline in capitals, not a name
        if w.lower() in ld.number_words and not _NEXT_CAPITAL.match(text, m.end()) \
                and not names.after_capitalised(text, m.start()):
            continue  # "Twelve miners pulled alive": a number, not a name ("Three Rivers", "Big Four" are)
        if any(m.start() < t.end and m.end() > t.start for t in taken):
            continue
        taken.append(_El(m.start(), m.end(), "cap"))
    taken.sort(key=lambda e: e.start)
    return _untitle(text, taken, ld)


def _continues_name(text: str, m, taken: list, ld: "_LangData") -> bool:
    """A capitalised word that is otherwise no name ("Hoy", "Today") goes on
    the name it follows, one space after a capitalised word: "el diario
    financiero Mercado Hoy", "Ciencia Hoy".  Articles and joining words never
    do ("Juan Pérez La ..." is no name)."""
    w = m.group().lower()
    if len(w) < 3 or w in ld.determiners or w in ld.connector_words:
        return False
    if m.start() < 2 or text[m.start() - 1] != " " or not text[m.start() - 2].isalpha():
        return False
    return any(t.end == m.start() - 1 and t.kind == "cap" and text[t.start:t.end][:1].isupper() for t in taken)


#: the next word is capitalised: a number word then opens a name ("Three Rivers")
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z\u00C0-\u00DE]")


@functools.lru_cache(maxsize=None)
def _number_words(lang: str) -> frozenset:
    """The language's number words ("twelve", "doce"; ``quantities.toml``)."""
    from . import numbers as _num

    return frozenset(w.lower() for w in _num.number_format(lang).words if len(w) > 2)


def _is_head(text: str, e: _El, ld: _LangData) -> bool:
    """A capitalised organisation head word: "Directorate", "Dirección"."""
    if e.kind != "cap":
        return False
    w = names.slug(text[e.start:e.end])
    return w in ld.org_heads or names.concepts([w])[1]


def _untitle(text: str, els: list[_El], ld: _LangData) -> list[_El]:
    """A capitalised title word next to an organisation head is part of the
    name, not a person's title: "General Directorate of Water", "Dirección
    General de Aguas"."""
    for i, e in enumerate(els):
        if e.kind != "title" or not text[e.start].isupper():
            continue
        prev = els[i - 1] if i else None
        nxt = els[i + 1] if i + 1 < len(els) else None
        if (prev and _SPACE.fullmatch(text[prev.end:e.start]) and _is_head(text, prev, ld)) or \
                (nxt and _SPACE.fullmatch(text[e.end:nxt.start]) and _is_head(text, nxt, ld)):
            els[i] = _El(e.start, e.end, "cap")
    return els


def _name_article(text: str, m: re.Match, ld: _LangData) -> bool:
    """A capitalised article inside a sentence, before a name: "(de) El Oro"."""
    if names.fold(m.group()) not in ld.name_articles or _sentence_start(text, m.start()):
        return False
    return re.match(r"[ \t]+[^\W\d_]", text[m.end():]) is not None and \
        text[m.end():].lstrip()[:1].isupper()


def _joins(text: str, a: _El, b: _El, ld: _LangData) -> bool:
    gap = text[a.end:b.start]
    if b.kind == "title":
        return False
    for x, y in ((a, b), (b, a)):
        # a lower-case demonym ("el periódico ruso Ryazan ...") only attaches
        # to an institution ("ejército ruso"), never to a name
        if x.kind == "gaz" and x.gaz.type == "NORP" and text[x.start].islower() and y.kind != "inst":
            return False
    if _SPACE.fullmatch(gap):
        return True
    if gap.strip() == "." and (a.kind == "title" or (a.kind == "cap" and a.end - a.start == 1)) \
            and "\n" not in gap:
        return True
    if a.kind == "title" and text[a.end - 1] == "." and _SPACE.fullmatch(gap):
        return True
    if re.fullmatch(r"[ \t]+&[ \t]+", gap) and a.kind != "title":
        return True  # "CL King & Associates", "Hale & Voss", in any language
    if re.fullmatch(r"['’]s[ \t]+", gap):
        return a.kind == "gaz" and a.gaz.country is not None and b.kind == "inst"
    m = re.fullmatch(r"[ \t]+(\w+(?:[ \t]+\w+)?)[ \t]+", gap)
    if m and m.group(1).lower() in ld.connectors and a.kind != "title":
        if b.kind == "gaz" and b.gaz.type not in ("LOC", "NORP", "ORG"):
            return False
        return True
    return False


def _titled_person(text: str, group: list[_El], e: _El, ld: _LangData) -> bool:
    """A person's title and name end there: a connector after them opens
    another name ("Dr Hanna Voss of the University of Lindau": a person,
    then a university)."""
    if len(group) < 2 or group[0].kind != "title" or any(x.kind == "title" for x in group[1:]):
        return False
    return not _SPACE.fullmatch(text[group[-1].end:e.start])


def _groups(text: str, els: list[_El], ld: _LangData) -> list[list[_El]]:
    groups: list[list[_El]] = []
    for e in els:
        if groups and _joins(text, groups[-1][-1], e, ld) and not _titled_person(text, groups[-1], e, ld):
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


# ---------------------------------------------------------------- typing
def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0‘'\"“¡¿#":  # "#": a markdown heading
        if text[i] in "\"“":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _piece_slug(text: str, e: _El) -> str:
    if e.kind == "gaz":
        body = e.gaz.key.split(":", 1)[1]
        return e.gaz.country or body.replace("/", "-")
    return names.slug(text[e.start:e.end])


def _classify(text: str, group: list[_El], ld: _LangData) -> list[tuple[int, int, str, str]]:
    """(start, end, type, key) for one group of pieces."""
    titles = [i for i, e in enumerate(group) if e.kind == "title"]
    if titles:
        i = titles[-1]
        out = _classify(text, group[:i], ld) if i else []
        rest = group[i + 1:]
        if rest:
            start, end = rest[0].start, rest[-1].end
            g = _lookup_gaz(text[start:end])
            if g is not None:
                out.append((start, end, g.type, g.key))
            else:
                out.append((start, end, "PER", "per:" + names.slug(text[start:end])))
        return out
    start, end = group[0].start, group[-1].end
    insts = [e for e in group if e.kind == "inst"]
    gazes = [e for e in group if e.kind == "gaz"]
    if insts:
        inst = insts[0]
        country = next((e.gaz.country for e in gazes if e.gaz.country), None)
        if country is None and inst.generic:
            return [(e.start, e.end, e.gaz.type, e.gaz.key) for e in gazes]
        key = f"org:{country}/{inst.concept}" if country else f"org:{inst.concept}"
        return [(start, end, "ORG", key)]
    if len(group) == 1 and gazes:
        return [(start, end, gazes[0].gaz.type, gazes[0].gaz.key)]
    first = group[0]
    lead = names.fold(text[max(0, start - 20):start]).split()
    if first.kind == "gaz" and first.gaz.type == "NORP" and 2 <= len(group) - 1 <= 3 and \
            all(e.kind == "cap" for e in group[1:]) and not (lead and lead[-1] in ld.determiners):
        # "Russian Anatoly Tyukanov", "Briton Tim Abeyie": a demonym before a
        # person's name says where the person comes from ("the Chinese Super
        # League", after a determiner, is one name)
        rest = _classify_unknown(text, group[1:], ld)
        if [t for _s, _e, t, _k in rest] == ["PER"]:
            return [(first.start, first.end, first.gaz.type, first.gaz.key)] + rest
    if len(gazes) == len(group):
        return [(e.start, e.end, e.gaz.type, e.gaz.key) for e in gazes]
    return _classify_unknown(text, group, ld)


def _classify_unknown(text: str, group: list[_El], ld: _LangData) -> list[tuple[int, int, str, str]]:
    start, end = group[0].start, group[-1].end
    span = text[start:end]
    if names.fold(span) in ld.department_words and not _sentence_start(text, start):
        # "Sanidad", "Hacienda", "Asuntos Exteriores": a ministry named by its domain alone
        return [(start, end, "ORG", names.concept_key(names.slug(span).split("-") + ["ministry"]))]
    office = _office(text, start, end, ld)
    if office is not None:
        return [office] if office else []
    if len(group) == 1 and (_sentence_start(text, start) or end - start == 1):
        return []  # sentence case, or a lone letter ("X", "A"), is no evidence
    words = [w for w in names.slug(span).split("-") if w]
    parts = []
    for e in group:
        parts.extend(_piece_slug(text, e).split("-"))
    parts = [p for p in parts if p]
    table = names.outlet_words()
    before = names.fold(text[max(0, start - 40):start]).rstrip()
    after = names.fold(text[end:end + 40]).lstrip()
    described = any(after.startswith(d) and not after[len(d):len(d) + 1].isalpha()
                    for d in names.outlet_descriptors()) or \
        any(before.endswith(d) for d in names.outlet_descriptors()) or \
        _word_before(before, ld, frozenset(names.outlet_descriptors()), adjective_only=True)
    if any(w in table for w in words) or described:
        return [(start, end, "ORG", names.outlet_key(parts))]
    country = next((e.gaz.country for e in group if e.kind == "gaz" and e.gaz.country), None)
    own = [w for e in group if not (e.kind == "gaz" and e.gaz.country)
           for w in names.slug(text[e.start:e.end]).split("-") if w and w not in ld.connector_words]
    head = names.concepts(own)[1]
    if (head or any(w in ld.org_heads for w in words)) and names.translated(own):
        # an institution named in any language: key from its concepts
        return [(start, end, "ORG", names.concept_key(own, country))]
    if any(w in ld.org_heads for w in words) or _word_before(before, ld, ld.org_heads):
        return [(start, end, "ORG", "org:" + "-".join(parts))]
    if words and (words[0] in ld.loc_heads or words[-1] in ld.loc_heads):
        # "Valdelosa International Airport", "Puerto Almagrera", "Villa Rucalén"
        return [(start, end, "LOC", "loc:" + "-".join(parts))]
    if len(group) <= 3 and any(before == c or before.endswith(" " + c) for c in ld.loc_preps):
        return [(start, end, "LOC", "loc:" + "-".join(parts))]
    if any(before.endswith(c) for c in ld.loc_before) or \
            any(after.startswith(c) and not after[len(c):len(c) + 1].isalpha() for c in ld.loc_after):
        return [(start, end, "LOC", "loc:" + "-".join(parts))]
    if len(group) >= 2 and all(e.kind == "cap" for e in group) and _SPACE.pattern and \
            all(_SPACE.fullmatch(text[a.end:b.start]) or text[a.end:b.start].strip() == "."
                for a, b in zip(group, group[1:])):
        return [(start, end, "PER", "per:" + "-".join(parts))]
    return [(start, end, "MISC", "misc:" + "-".join(parts))]


def _word_before(before: str, ld: _LangData, kind: frozenset, adjective_only: bool = False) -> bool:
    """The words right before a name say what it is: a word of ``kind`` (an
    organisation's head word, an outlet's descriptor) in lower case right
    before it ("the environmental group Living Rivers", "la asociación Ríos
    Vivos"), or, in a language that sets adjectives after the noun
    (``adjective_after_noun`` in ``lang/<lang>/entities.toml``), the word
    before one more ("la asociación ecologista Ríos Vivos", "el semanario
    económico Bolsa Semanal"; in English "Greek Athletics Federation boss
    Vassilli Sevastis" is a person).  With ``adjective_only`` only the
    latter is asked.  ``before`` is the folded text before the name."""
    if not before or not before[-1:].isalpha():
        return False  # a comma, a bracket: the name stands apart ("el presidente del club, Juan Pérez")
    words = before.split()[-2:]
    if not words:
        return False
    if words[-1] in kind and not adjective_only:
        return True
    return ld.adjective_after_noun and len(words) == 2 and words[0] in kind and words[1].isalpha() \
        and words[1] not in ld.connector_words and words[1] not in ld.determiners \
        and words[1] not in ld.stopwords


def _office(text: str, start: int, end: int, ld: _LangData) -> Optional[tuple]:
    """A department named before an office title stands for its ministry:
    "Home Secretary", "the Health Secretary" are the ministers of the
    ministries "ministro del Interior", "ministra de Sanidad" name.  The
    department's words must all be glossary name words (or the language's
    ``office_departments``); the span takes the title in.  Before a
    person's name the words are that person's title, not a name of their own
    ("according to Health Minister Carmen Vidal" credits Carmen Vidal):
    ``()``, no name.  ``None`` when the words are no office."""
    if not ld.office_titles:
        return None
    after = text[end:end + 30]
    m = re.match(r"[ \t]+([^\W\d_]+)", after)
    if not m or names.fold(m.group(1)) not in ld.office_titles:
        return None
    own = dict(ld.office_departments)
    words = [own.get(w, w) for w in names.slug(text[start:end]).split("-") if w]
    if not words or not all(names.translated([w]) for w in words):
        return None
    if re.match(r"[ \t]+[^\W\d_]*[A-Z\u00C0-\u00DE]", after[m.end():]):
        return ()  # "Health Minister Carmen Vidal": the title of the person named
    return (start, end + m.end(), "ORG", names.concept_key(words + ["ministry"]))


def find(text: str, lang: str, known: tuple = ()) -> list[tuple[int, int, str, str]]:
    """(start, end, type, key) of every entity in ``text`` (claim-relative).
    ``known``: (folded surname, person key) of the people the article names
    in full (:func:`surnames`); a surname alone is that person.

    The result depends only on its arguments, so it is memoised: the
    attribution extractor asks again for the claim just read here."""
    return list(_find(text, lang, known))


@functools.lru_cache(maxsize=1024)
def _find(text: str, lang: str, known: tuple = ()) -> tuple[tuple[int, int, str, str], ...]:
    ld = _langdata(lang)
    out = []
    for group in _groups(text, _elements(text, ld), ld):
        out.extend(_classify(text, group, ld))
    out = _places_in_lists(text, out, ld)
    return tuple(_known_surnames(text, out, dict(known)) if known else out)


#: a word of a name, without a possessive ending ("Vartanian's": "Vartanian")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’](?=[A-Z\u00C0-\u00DE])[^\W\d_]+)?(?:-[^\W\d_]+)*")


def surnames(entities, lang: str = "en") -> tuple[tuple[str, str], ...]:
    """(folded surname, person key) of each person named in full among
    ``entities`` (of one article in ``lang``): "Elena Vartanian" gives
    ("vartanian", "per:elena-vartanian").  A surname two people of the
    article share is left out: it names neither for sure; so is a last word
    the bilingual dictionary translates, a common word that opens sentences
    of its own ("Clarence House", read as a person: "House prices rose";
    "Gordon Brown": "Brown")."""
    from .. import bilingual

    seen: dict[str, set] = {}
    for e in entities:
        words = _NAME_WORD.findall(e.text)
        if e.type == "PER" and len(words) >= 2 and e.key.startswith("per:"):
            seen.setdefault(names.fold(words[-1]), set()).add(e.key)
    others = [x for x in _lang.available_languages() if x != lang]
    return tuple(sorted((w, next(iter(k))) for w, k in seen.items()
                        if len(k) == 1 and not any(bilingual.into(w, lang, x) for x in others)))


def _known_surnames(text: str, found: list, known: dict) -> list:
    """News names a person in full once and by the surname after: a
    capitalised word that no name covers and that is the surname of a person
    the article names in full is that person (typed PER, the full name's
    key).  The first word of a sentence is otherwise no name by itself
    ("Vartanian ruled out further layoffs").  A surname the extractor already
    read as a name keeps its own key: the rules take a surname and the full
    name for one person anyway (``names.compare``)."""
    out = list(found)
    for m in _NAME_WORD.finditer(text):
        key = known.get(names.fold(m.group()))
        if key and m.group()[:1].isupper() and not any(s < m.end() and m.start() < e for s, e, _, _ in out):
            out.append((m.start(), m.end(), "PER", key))
    return sorted(out)


def _places_in_lists(text: str, found: list, ld: _LangData) -> list:
    """An unknown name listed right after a place is a place: "in Texas and
    Arizona", "en Texas y Nevada" (joiners: ``list_joiners``)."""
    out = list(found)
    for i in range(1, len(out)):
        s, e, t, k = out[i]
        ps, pe, pt, _ = out[i - 1]
        gap = names.fold(text[pe:s]).strip()
        if t == "MISC" and pt == "LOC" and (gap == "," or gap in ld.list_joiners):
            out[i] = (s, e, "LOC", "loc:" + k.split(":", 1)[1])
    return out


def extract(text: str, offset: int, lang: str, ctx=None) -> tuple[Entity, ...]:
    """Entities of a claim; spans are offsets into the article text."""
    known = getattr(ctx, "names", ()) if ctx is not None else ()
    return tuple(Entity(text=text[s:e], type=t, key=k, start=s + offset, end=e + offset)
                 for s, e, t, k in find(text, lang, known))


@functools.lru_cache(maxsize=None)
def _within_table() -> dict[str, str]:
    return {e["key"]: "loc:" + e["within"] for e in _lang.load_shared("gazetteer").get("entry", [])
            if e.get("within")}


def within(key: str) -> tuple[str, ...]:
    """Keys of the places that contain the place ``key``, nearest first
    (gazetteer ``within``): "loc:calama" -> ("loc:antofagasta", "loc:chile")."""
    table, out = _within_table(), []
    while key in table and table[key] not in out:
        key = table[key]
        out.append(key)
    return tuple(out)


def nested(a: Entity, b: Entity) -> bool:
    """One place lies inside the other ("Kostanay" and "Kazakhstan")."""
    return a.key in within(b.key) or b.key in within(a.key)


def same_entity(a: Entity, b: Entity) -> tuple[bool, Optional[str]]:
    """Whether two entities (maybe in two languages) name the same thing, and why.

    >>> same_entity(Entity("Kazakhstan", "LOC", "loc:kazakhstan", 0, 10),
    ...             Entity("Kazajstán", "LOC", "loc:kazakhstan", 0, 9))
    (True, "'Kazakhstan' and 'Kazajstán' are both loc:kazakhstan")
    """
    return names.compare(a.text, a.key, b.text, b.key)
