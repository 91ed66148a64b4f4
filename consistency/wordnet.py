"""Antonyms from a Princeton WordNet 3.0 database, read from its own files.

WordNet is the maintained lexical database of English; Debian ships it as the
package ``wordnet-base`` (files in ``/usr/share/wordnet``) and NLTK's download
of the ``wordnet`` corpus holds the same files.  This module reads only what
NEG002 needs: which words are opposites ("praise" / "criticise", "encouraging"
/ "discouraging", "start" / "stop", "applaud" / "boo"), and the base forms of
inflected words ("criticised" -> "criticise", "easier" -> "easy").

An antonym in WordNet links two words of two synsets; here the link is read
between every word of the one synset and every word of the other, so the
British spelling "criticise" (a synonym of "criticize" in its synset) is an
opposite of "praise" too.

The database is looked for in the directory named by the environment variable
``CONSISTENCY_WORDNET``, then in the usual install places (:data:`PLACES`).
Without it :func:`antonyms` knows nothing and NEG002 keeps to the opposite
predicates of ``lang/<lang>/antonyms.toml``.  Which languages read it is data:
``lexical_database = "wordnet"`` in ``lang/<lang>/antonyms.toml``.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Optional

from .errors import InputError

#: where the database files (``data.adj``, ``index.verb``, ``verb.exc`` ...) are looked for
PLACES = ("/usr/share/wordnet", "/usr/local/share/wordnet", "/opt/homebrew/share/wordnet",
          "/usr/share/nltk_data/corpora/wordnet", "/usr/local/share/nltk_data/corpora/wordnet",
          "~/nltk_data/corpora/wordnet")
POS = ("noun", "verb", "adj", "adv")
_POS_OF = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
#: WordNet's own inflection rules (``morphy``): suffix -> replacement, per part of speech
_SUFFIXES = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "adv": (),
}


def location() -> Optional[Path]:
    """The directory holding the database, or None."""
    return _location(os.environ.get("CONSISTENCY_WORDNET"), tuple(PLACES))


@functools.lru_cache(maxsize=8)
def _location(env: Optional[str], places: tuple[str, ...]) -> Optional[Path]:
    for place in ([env] if env else []) + list(places):
        p = Path(place).expanduser()
        if all((p / f"data.{pos}").is_file() and (p / f"index.{pos}").is_file() for pos in POS):
            return p
    return None


def check_setting() -> None:
    """``CONSISTENCY_WORDNET``, when set, must name a folder holding the
    database: a wrong setting is an error, not a silent fallback."""
    env = os.environ.get("CONSISTENCY_WORDNET")
    if env and _location(env, ()) is None:
        raise InputError("CONSISTENCY_WORDNET names no WordNet database (a folder with "
                         "data.noun, index.noun ... data.adv, index.adv)", env)


def _clean(word: str) -> str:
    """``"criticize"`` from ``"Criticize(a)"``: lower case, marker dropped,
    underscores as spaces."""
    return re.sub(r"\(\w+\)$", "", word).lower().replace("_", " ")


@functools.lru_cache(maxsize=None)
def _database(path: Optional[Path]) -> tuple[dict, dict, dict, dict]:
    """(antonyms, lemmas, exceptions, nouns): word -> its opposites; (pos,
    word) for every word in an index; (pos, inflected form) -> base forms;
    noun -> the rest of its line in ``index.noun`` (its synsets).  A file
    that cannot be read as WordNet's is an input error naming the folder."""
    try:
        return _read(path)
    except (OSError, ValueError, IndexError, KeyError) as exc:
        raise InputError(f"not a readable WordNet 3.0 database ({type(exc).__name__}: {exc})", str(path)) from None


def _read(path: Optional[Path]) -> tuple[dict, dict, dict, dict]:
    opposite: dict[str, set[str]] = {}
    nouns: dict[str, str] = {}
    lemmas: set[tuple[str, str]] = set()
    exceptions: dict[tuple[str, str], tuple[str, ...]] = {}
    if path is None:
        return opposite, lemmas, exceptions, nouns
    for pos in POS:
        with open(path / f"index.{pos}", encoding="latin-1") as fh:
            for line in fh:
                if not line.startswith(" "):
                    word, rest = line.split(" ", 1)
                    lemmas.add((pos, _clean(word)))
                    if pos == "noun":
                        nouns[_clean(word)] = rest  # its synsets, read when asked (:func:`_derived`)
        exc = path / f"{pos}.exc"
        if exc.is_file():
            with open(exc, encoding="latin-1") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) >= 2:
                        exceptions[(pos, _clean(parts[0]))] = tuple(_clean(w) for w in parts[1:])
    handles = {pos: open(path / f"data.{pos}", "rb") for pos in POS}
    try:
        for pos in POS:
            handles[pos].seek(0)
            for raw in handles[pos]:
                if b" ! " not in raw or raw.startswith(b" "):
                    continue
                words, pointers = _synset(raw)
                for sym, offset, target in pointers:
                    if sym != "!":
                        continue
                    fh = handles[_POS_OF[target]]
                    here = fh.tell()
                    fh.seek(offset)
                    others, _ = _synset(fh.readline())
                    fh.seek(here)
                    for w in words:
                        opposite.setdefault(w, set()).update(o for o in others if o != w)
    finally:
        for fh in handles.values():
            fh.close()
    return opposite, lemmas, exceptions, nouns


#: letters a noun and the verb derived from it share ("applause" / "applaud";
#: "government" / "order", a synonym of "govern", do not)
DERIVED_PREFIX = 4


@functools.lru_cache(maxsize=1 << 14)
def _derived(noun: str, path: Optional[Path]) -> frozenset[str]:
    """The verbs a noun is derived from or that derive from it (WordNet's
    "+" pointers of its synsets, read between every word of the two
    synsets as the antonyms are), that share its first
    :data:`DERIVED_PREFIX` letters: "applause" (a synonym of "clapping",
    derived from "clap") -> "applaud"."""
    rest = _database(path)[3].get(noun)
    if rest is None:
        return frozenset()
    out: set[str] = set()
    try:
        f = rest.split()
        offsets = [int(x) for x in f[-int(f[1]):]]
        with open(path / "data.noun", "rb") as nh, open(path / "data.verb", "rb") as vh:
            for offset in offsets:
                nh.seek(offset)
                _, pointers = _synset(nh.readline())
                for sym, target_offset, target in pointers:
                    if sym == "+" and _POS_OF[target] == "verb":
                        vh.seek(target_offset)
                        verbs, _ = _synset(vh.readline())
                        out.update(v for v in verbs if v[:DERIVED_PREFIX] == noun[:DERIVED_PREFIX])
    except (OSError, ValueError, IndexError, KeyError) as exc:
        raise InputError(f"not a readable WordNet 3.0 database ({type(exc).__name__}: {exc})", str(path)) from None
    return frozenset(out)


def _synset(raw: bytes) -> tuple[list[str], list[tuple[str, int, str]]]:
    """The words and the pointers (symbol, target offset, target pos) of a data line."""
    f = raw.decode("latin-1").split(" | ", 1)[0].split()
    n = int(f[3], 16)
    words = [_clean(f[4 + 2 * i]) for i in range(n)]
    i = 4 + 2 * n
    count = int(f[i])
    pointers = []
    for k in range(count):
        sym, off, tpos = f[i + 1 + 4 * k:i + 4 + 4 * k]
        pointers.append((sym, int(off), tpos))
    return words, pointers


def available() -> bool:
    """Whether a database was found."""
    return location() is not None


def base_forms(word: str) -> frozenset[str]:
    """The word's base forms in any part of speech ("criticised" ->
    {"criticise"}, "easier" -> {"easy"}); the word itself when it is one."""
    return _base_forms(word.lower(), location())


def inflected_verb(word: str) -> bool:
    """``word`` is a verb in a past or -ing form ("won" of "win", "reached",
    "said"), not a noun or an adjective in its own right ("crossed" and
    "living" are adjectives in WordNet too, so no; an irregular form WordNet
    lists is a verb first: "won", "left"; "-s" forms are left out, as
    plurals).  False without a database."""
    return _inflected_verb(word.lower(), location())


@functools.lru_cache(maxsize=1 << 14)
def _inflected_verb(w: str, path: Optional[Path]) -> bool:
    if path is None:
        return False
    _, lemmas, exceptions, _ = _database(path)
    if any(b != w and ("verb", b) in lemmas for b in exceptions.get(("verb", w), ())):
        return True
    if ("noun", w) in lemmas or ("adj", w) in lemmas:
        return False
    return any(w.endswith(suffix) and len(w) > len(suffix) + 1 and ("verb", w[:-len(suffix)] + repl) in lemmas
               for suffix, repl in _SUFFIXES["verb"] if suffix in ("ed", "ing"))


def antonyms(word: str) -> frozenset[str]:
    """Base forms opposite to any base form of ``word``; for a noun with no
    opposite of its own, those of the verbs derived from it or it from
    ("applause" -> "applaud" -> "boo", "hiss").  Empty without a database."""
    return _antonyms(word.lower(), location())


@functools.lru_cache(maxsize=1 << 16)
def _base_forms(word: str, path: Optional[Path]) -> frozenset[str]:
    _, lemmas, exceptions, _ = _database(path)
    w = word
    out = set()
    # a noun or verb in its own right is no adjective's comparative:
    # "offer" is not "more off", "number" not "more numb"
    own = ("noun", w) in lemmas or ("verb", w) in lemmas
    for pos in POS:
        if (pos, w) in lemmas:
            out.add(w)
        out.update(b for b in exceptions.get((pos, w), ()) if (pos, b) in lemmas)
        if pos == "adj" and own:
            continue
        for suffix, repl in _SUFFIXES[pos]:
            if w.endswith(suffix) and len(w) > len(suffix) + 1:
                b = w[:-len(suffix)] + repl
                if (pos, b) in lemmas:
                    out.add(b)
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 16)
def _antonyms(word: str, path: Optional[Path]) -> frozenset[str]:
    opposite, lemmas = _database(path)[:2]
    bases = _base_forms(word, path)
    out: set[str] = set()
    for b in bases:
        out.update(opposite.get(b, ()))
    if not out and not any(("verb", b) in lemmas or ("adj", b) in lemmas for b in bases):
        # a noun with no opposite of its own takes those of the verbs it is
        # derived from or that derive from it: "applause" those of "applaud"
        # (not a noun that is a verb too: "arrest" is "stop" as well, and
        # "stop" has "continue" for opposite)
        for b in bases:
            for v in _derived(b, path):
                out.update(opposite.get(v, ()))
    return frozenset(out)


def derived_opposite(x: str, y: str) -> bool:
    """``x`` and ``y`` are opposites only through a word derived from one of
    them ("applause" / "booed": "applaud" / "boo"), so their forms differ."""
    path = location()
    direct = _database(path)[0]
    bx, by = _base_forms(x.lower(), path), _base_forms(y.lower(), path)
    if any(b in direct.get(a, ()) for a in bx for b in by) or any(a in direct.get(b, ()) for a in bx for b in by):
        return False
    return opposite(x, y)


def opposite(x: str, y: str) -> bool:
    """``x`` and ``y`` are opposites for WordNet ("praised" / "criticised"),
    either way round ("applause" has the opposites of "applaud", "booed"
    not those of "applause")."""
    return bool(antonyms(x) & base_forms(y)) or bool(antonyms(y) & base_forms(x))
