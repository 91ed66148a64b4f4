"""Content words mapped to language-neutral concepts (``lang/<lang>/lexicon.toml``).

Two claims in different languages cannot be compared word by word; their
concepts can ("alerta" and "warning" are both ``warn``, "acatará" and
"comply" both ``comply``).  Each language file lists, per concept, exact
forms and stems (``"confirm*"``); an exact form wins over a stem and a longer
stem over a shorter one.  Words the lexicon does not know are kept as written
(folded), so cognates such as "tsunami" still match.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from . import lang as langdata

#: shortest stem the lexicon accepts (letters before the ``*``)
MIN_STEM = 4


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, str]      # exact folded form -> concept
    stems: dict[str, str]      # folded stem -> concept
    function: frozenset[str]   # words that carry no concept
    longest: int               # longest stem, to bound the prefix search


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (empty when the language has none)."""
    data = langdata.load(lang, "lexicon")
    forms: dict[str, str] = {}
    stems: dict[str, str] = {}
    for concept, entries in sorted(data.get("concepts", {}).items()):
        for entry in entries:
            if entry.endswith("*"):
                stems.setdefault(entry[:-1], concept)
            else:
                forms.setdefault(entry, concept)
    function = frozenset(data.get("function", {}).get("words", []))
    return Lexicon(forms, stems, function, max(map(len, stems), default=0))


def concept(word: str, lang: str) -> Optional[str]:
    """The concept of a folded ``word`` in ``lang``: exact form first, then the
    longest stem, then (outside English) its translation by a bilingual
    dictionary (:func:`_translated`); None when none knows the word."""
    lex = lexicon(lang)
    hit = lex.forms.get(word)
    if hit is not None:
        return hit
    for k in range(min(len(word), lex.longest), MIN_STEM - 1, -1):
        hit = lex.stems.get(word[:k])
        if hit is not None:
            return hit
    return _translated(word, lang)


#: the language whose lemmas are the concept ids
CONCEPT_LANG = "en"


@functools.lru_cache(maxsize=65536)
def _translated(word: str, lang: str) -> Optional[str]:
    """The concept of a word the lexicon of ``lang`` does not know, through
    its translations in a FreeDict dictionary (``consistency.bilingual``):
    the first translation the English lexicon knows, else the shortest
    translation itself (concept ids are English lemmas): "obras" -> "work",
    "museo" -> "museum".  The word is looked up as written, then without
    the language's plural endings and in the masculine (``[translation]`` of
    ``lang/<lang>/lexicon.toml``: "valoradas" -> "valorada", "valorado")."""
    from . import bilingual

    if lang == CONCEPT_LANG or word in lexicon(lang).function:
        return None
    data = langdata.load(lang, "lexicon").get("translation", {})
    forms = [word] + [word[:-len(e)] for e in data.get("plural_endings", []) if word.endswith(e)]
    forms += [f[:-len(a)] + b for f in list(forms) for a, b in data.get("feminine_endings", []) if f.endswith(a)]
    for f in forms:
        ts = sorted(t for t in bilingual.into(f, lang, CONCEPT_LANG) if len(t) >= 3)
        if not ts:
            continue
        for t in ts:
            c = concept(t, CONCEPT_LANG)
            if c is not None:
                return c
        return min(ts, key=lambda t: (len(t), t))
    return None


def is_function_word(word: str, lang: str) -> bool:
    """A folded word that carries no concept ("did", "hubo")."""
    return word in lexicon(lang).function


#: rapidfuzz ratio from which two words of two languages are one word
#: written alike ("secretary" / "secretaria", "director" / "directora")
COVER_RATIO = 80
#: the shortest word read that way
COVER_LENGTH = 5


def _readings(word: str, lang: str) -> set:
    """A folded word and its concept (:func:`concept`)."""
    c = concept(word, lang)
    return {word} | ({c} if c else set())


def words_cover(words_a, lang_a: str, words_b, lang_b: str) -> bool:
    """Every folded word of ``words_a`` has a partner in ``words_b``: the
    same word, the same concept of the lexicon or of a bilingual dictionary
    ("directora" / "director", "museo" / "museum"), or a word written alike
    (``COVER_RATIO``: "secretary" / "secretaria").  False when either is
    empty."""
    from rapidfuzz import fuzz

    if not words_a or not words_b:
        return False
    read_b = [(w, _readings(w, lang_b)) for w in words_b]
    for x in words_a:
        rx = _readings(x, lang_a)
        if not any(rx & ry or (len(x) >= COVER_LENGTH and len(y) >= COVER_LENGTH
                                and fuzz.ratio(x, y) >= COVER_RATIO) for y, ry in read_b):
            return False
    return True
