"""Name normalisation and name comparison shared by entities and attributions.

Keys are built so that the same thing written in two languages or two
spellings gets the same string:

* known names come from ``consistency/lang/gazetteer.toml`` (one key for
  "Kazakhstan"/"Kazajstán", "Vladimir Putin"/"Putin");
* unknown names are folded (anyascii, lower case, leading articles dropped,
  punctuation to ``-``), so "Shuválova" and "Shuvalova" meet;
* newspaper words are replaced by their concept from
  ``consistency/lang/glossary.toml``, so "Ryazan Vedomosti", "Ryazan Gazette"
  and "Gaceta de Riazán" all give ``outlet:ryazan/gazette``.

:func:`compare` tells whether two keys/texts likely name the same thing and
says why, in words a reader of the report understands.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from anyascii import anyascii
from rapidfuzz import fuzz

from .. import lang as _lang

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

#: rapidfuzz ratio (0-100) from which two unknown names count as one spelling
FUZZY_SAME = 88


def fold(text: str) -> str:
    """ASCII, lower case: "Kazajstán" -> "kazajstan"."""
    return anyascii(text).lower()


def slug(words: list[str] | str) -> str:
    """Key fragment of some words: folded, joined by ``-``."""
    if isinstance(words, str):
        words = [words]
    parts = []
    for w in words:
        parts.extend(p for p in _NON_ALNUM.split(fold(w)) if p)
    return "-".join(parts)


@functools.lru_cache(maxsize=None)
def outlet_words() -> dict[str, str]:
    """Folded newspaper word -> concept ("vedomosti" -> "gazette")."""
    data = _lang.load_shared("glossary").get("outlet_words", {})
    return {fold(k): v for k, v in data.items()}


@functools.lru_cache(maxsize=None)
def outlet_descriptors() -> tuple[str, ...]:
    """Folded words that describe an outlet ("newspaper", "periódico")."""
    words = _lang.load_shared("glossary").get("outlet_descriptors", {}).get("words", [])
    return tuple(sorted({fold(w) for w in words}, key=len, reverse=True))


def outlet_key(words: list[str]) -> str:
    """``outlet:<name words>/<concept>`` for an unknown outlet name.

    ``words`` are slugs (already folded); newspaper words become concepts and
    move after the ``/``: ["ryazan", "vedomosti"] -> "outlet:ryazan/gazette".
    """
    table = outlet_words()
    concepts = [table[w] for w in words if w in table]
    rest = [w for w in words if w not in table]
    body = "-".join(rest)
    if concepts:
        return f"outlet:{body}/{concepts[0]}" if body else f"outlet:{concepts[0]}"
    return f"outlet:{body}"


@functools.lru_cache(maxsize=None)
def _name_words() -> tuple[dict[tuple[str, ...], str], frozenset]:
    data = _lang.load_shared("glossary")
    table = {tuple(slug(k).split("-")): v for k, v in data.get("name_words", {}).items()}
    heads = frozenset(data.get("name_heads", {}).get("concepts", []))
    return table, heads


def concepts(words: list[str]) -> tuple[list[str], bool]:
    """Name words (folded slugs) with glossary words replaced by their concept.

    Returns ``(tokens, head)``: the tokens in order (words not in the
    glossary kept as they are) and whether a concept is an organisation head
    ("ministry", "party", "registry").  Longest entries match first:
    ["ministerio", "medio", "ambiente"] -> (["ministry", "environment"], True).
    """
    table, heads = _name_words()
    longest = max((len(k) for k in table), default=1)
    out, head, i = [], False, 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            concept = table.get(tuple(words[i:i + n]))
            if concept:
                out.append(concept)
                head = head or concept in heads
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out, head


def translated(words: list[str]) -> bool:
    """Whether any of the words (folded slugs) is a glossary name word."""
    table, _ = _name_words()
    return any((w,) in table for w in words)


def concept_key(words: list[str], country: Optional[str] = None) -> str:
    """``org:[<country>/]<concepts sorted>`` for an institution name in any language.

    >>> concept_key(["ministerio", "salud"])
    'org:health-ministry'
    """
    tokens, _ = concepts(words)
    body = "-".join(sorted(dict.fromkeys(tokens)))
    return f"org:{country}/{body}" if country else f"org:{body}"


def _body(key: str) -> tuple[str, str]:
    prefix, _, body = key.partition(":")
    return prefix, body


def _glossary_reason(a_text: str, b_text: str) -> Optional[str]:
    """"'vedomosti' means 'gazette'" when the two names differ by newspaper words."""
    table = outlet_words()
    a_words = [w for w in _NON_ALNUM.split(fold(a_text)) if w]
    b_words = [w for w in _NON_ALNUM.split(fold(b_text)) if w]
    only_a = [w for w in a_words if w in table and w not in b_words]
    only_b = [w for w in b_words if w in table and w not in a_words]
    for wa in only_a:
        for wb in only_b:
            if table[wa] == table[wb]:
                if wb == table[wb]:
                    return f"'{wa}' means '{wb}'"
                if wa == table[wa]:
                    return f"'{wb}' means '{wa}'"
                return f"'{wa}' and '{wb}' both mean '{table[wa]}'"
    return None


#: fewest words a shortened institution name keeps ("National Registry")
PART_WORDS = 2


def _part_of(a_text: str, ba: str, b_text: str, bb: str) -> Optional[str]:
    """"'National Registry' is short for 'Registraduría Nacional del Estado
    Civil'": every concept of the shorter name (at least ``PART_WORDS``,
    among them the same head) is in the longer one, and no country differs."""
    ca, _, wa = ba.rpartition("/")
    cb, _, wb = bb.rpartition("/")
    if ca and cb and ca != cb:
        return None
    sa, sb = set(wa.split("-")), set(wb.split("-"))
    (short, s_text), (long_, l_text) = sorted([(sa, a_text), (sb, b_text)], key=lambda x: len(x[0]))
    _, heads = _name_words()
    if len(short) < PART_WORDS or not short < long_ or not short & heads:
        return None
    return f"'{s_text}' is short for '{l_text}' (same institution words)"


def clipped(x: str, y: str) -> bool:
    """One name is the other with its words cut short, word for word ("Lib
    Dems" / "Liberal Democrats", "Lib Dem" / "Liberal Democrat", "Dept of
    Health" / "Department of Health"): the same number of words, each word of
    the shorter a beginning (three letters or more, or the whole word) of the
    other's, and at least one cut."""
    wx, wy = fold(x).split(), fold(y).split()
    if len(wx) != len(wy) or len(wx) < 2 or wx == wy:
        return False
    if sum(map(len, wx)) > sum(map(len, wy)):
        wx, wy = wy, wx

    def cut(a: str, b: str) -> bool:
        a, b = (a[:-1] if a.endswith("s") and b.endswith("s") else a), b  # "Dems" / "Democrats"
        return a == b or (len(a) >= 3 and b.startswith(a))

    return all(a == b or cut(a, b) for a, b in zip(wx, wy))


def initials(name: str) -> str:
    """"SNP" of "Scottish National Party", "MSC" of "Ministerio de Sanidad y
    Consumo": the first letters of its capitalised words, when short lower-case
    words ("of", "de", "y") are all that lies between them; "" otherwise."""
    words = re.findall(r"[^\W\d_]+", name)
    if any(not w[0].isupper() and len(w) > 3 for w in words):
        return ""
    caps = [w for w in words if w[0].isupper()]
    return "".join(w[0] for w in caps) if len(caps) >= 2 else ""


def acronym(short: str, name: str) -> bool:
    """``short`` is written in capitals and is the initials of ``name``."""
    short = short.strip()
    return 2 <= len(short) <= 6 and short.isalpha() and short.isupper() and initials(name) == short


def compare(a_text: str, a_key: str, b_text: str, b_key: str) -> tuple[bool, Optional[str]]:
    """Whether two names (text + key) likely name the same thing, and why.

    Returns ``(True, reason)`` or ``(False, None)``.
    """
    if a_key == b_key:
        if fold(a_text) == fold(b_text):
            return True, None
        reason = _glossary_reason(a_text, b_text)
        return True, reason or f"'{a_text}' and '{b_text}' are both {a_key}"
    if acronym(a_text, b_text) or acronym(b_text, a_text):
        short, long_ = sorted((a_text, b_text), key=len)
        return True, f"'{short}' is the initials of '{long_}'"
    pa, ba = _body(a_key)
    pb, bb = _body(b_key)
    if pa != pb or not ba or not bb:
        return False, None
    # institution with and without its country: "org:foreign-ministry" vs
    # "org:cuba/foreign-ministry"
    if pa == "org" and ("/" in ba) != ("/" in bb):
        with_c, without = (ba, bb) if "/" in ba else (bb, ba)
        if with_c.split("/", 1)[1] == without:
            return True, f"same institution ({with_c.split('/', 1)[1]}); one name gives no country"
    # surname alone: "Shoigu" vs "sergei-shoigu"
    if pa == "per":
        short, long_ = sorted((ba, bb), key=len)
        if long_.endswith("-" + short):
            return True, f"'{short}' is the surname in '{long_}'"
    if pa == "org":
        part = _part_of(a_text, ba, b_text, bb)
        if part:
            return True, part
    if "/" in ba and "/" in bb and ba.split("/")[1:] != bb.split("/")[1:]:
        return False, None  # different concept: foreign vs interior ministry
    if clipped(a_text, b_text):
        return True, f"'{a_text}' is '{b_text}' with its words cut short"
    score = fuzz.ratio(ba, bb)
    if score >= FUZZY_SAME:
        return True, f"spelling variants ('{a_text}' / '{b_text}', similarity {score:.0f})"
    if pa != "per" and translated_word_for_word(a_text, b_text):
        return True, f"'{a_text}' translates '{b_text}' word for word"
    return False, None


@functools.lru_cache(maxsize=None)
def _joining_words() -> frozenset:
    """Connectors, determiners and name articles of every language
    (``lang/<lang>/entities.toml``): "of", "de la", "the", "el"."""
    out = set()
    for code in _lang.available_languages():
        d = _lang.load(code, "entities") or {}
        for w in list(d.get("connectors", [])) + list(d.get("determiners", [])) + list(d.get("name_articles", [])):
            out.update(fold(w).split())
    return frozenset(out)


def _inflected(x: str, y: str) -> bool:
    """One word, maybe in another gender or number: "rojo" / "roja", "rio" /
    "rios" (the dictionaries give one form)."""
    return x == y or (len(x) >= 4 and len(x) == len(y) and x[:-1] == y[:-1]) or \
        x == y + "s" or y == x + "s"


def translated_word_for_word(a_text: str, b_text: str) -> bool:
    """Two names, one the other's translation word for word: each word of
    one is a word of the other, the same glossary concept ("Foundation" /
    "Fundación"), or its translation in a FreeDict dictionary
    (``consistency.bilingual``: "Tide" / "Marea", "Geneva" / "Ginebra"), in
    any order, and at least one pair is a translation ("Blue Tide
    Foundation" / "Fundación Marea Azul"; not "Green Wave Foundation").  Connectors and
    determiners do not count.  People's names are not translated, and the
    caller does not ask for them."""
    from .. import bilingual

    skip = _joining_words()
    wa = [w for w in slug(a_text).split("-") if w and w not in skip]
    wb = [w for w in slug(b_text).split("-") if w and w not in skip]
    if not wa or len(wa) != len(wb):
        return False
    table, _ = _name_words()
    left, translated = list(wb), False
    for x in wa:
        cx = table.get((x,))
        for y in left:
            if x == y:
                break
            if (cx is not None and cx == table.get((y,))) or any(
                    _inflected(y, t) for t in bilingual.translations(x)) or any(
                    _inflected(x, t) for t in bilingual.translations(y)):
                translated = True
                break
        else:
            return False
        left.remove(y)
    return translated


#: a capitalised word right before a position, not opening a sentence or a
#: headline: what follows it, capitalised too, belongs to its name
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:#]\s)(?<![.!?:#])\b[A-Z\u00C0-\u00DE][\w'\u2019.-]*[ \t]+$")


def after_capitalised(text: str, pos: int) -> bool:
    """The word before offset ``pos`` of ``text`` is capitalised inside a
    sentence: a capitalised word at ``pos`` continues a name ("Mercado Hoy",
    "the Big Four")."""
    return _CAPITAL_BEFORE.search(text, 0, pos) is not None
