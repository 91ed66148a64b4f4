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


def compare(a_text: str, a_key: str, b_text: str, b_key: str) -> tuple[bool, Optional[str]]:
    """Whether two names (text + key) likely name the same thing, and why.

    Returns ``(True, reason)`` or ``(False, None)``.
    """
    if a_key == b_key:
        if fold(a_text) == fold(b_text):
            return True, None
        reason = _glossary_reason(a_text, b_text)
        return True, reason or f"'{a_text}' and '{b_text}' are both {a_key}"
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
    if "/" in ba and "/" in bb and ba.split("/")[1:] != bb.split("/")[1:]:
        return False, None  # different concept: foreign vs interior ministry
    score = fuzz.ratio(ba, bb)
    if score >= FUZZY_SAME:
        return True, f"spelling variants ('{a_text}' / '{b_text}', similarity {score:.0f})"
    return False, None
