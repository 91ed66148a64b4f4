"""Word translations from FreeDict's bilingual dictionaries, read from their
own files.

FreeDict is the maintained free bilingual dictionary project; Debian ships
each language pair as a package (``dict-freedict-eng-spa``,
``dict-freedict-spa-eng``: files in ``/usr/share/dictd``).  This module reads
only what the name comparison needs: which single words translate which
("tide" / "marea", "blue" / "azul"), in both directions, so that a name
translated word for word ("Blue Tide Foundation" / "Fundación Marea Azul")
is one name.  The multilingual model cannot tell that on its own: it reads
"Green Wave Foundation" as close to "Blue Tide Foundation" (0.89) as to
"Fundación Ola Verde" (0.89).

A dictionary is a ``.index`` file (headword, offset and length in base 64)
and a ``.dict.dz`` file (dictzip, which gzip reads).  Each language names its
FreeDict code in ``lang/<lang>/lexicon.toml`` (``freedict = "eng"``).  The
files are looked for in the directory named by the environment variable
``CONSISTENCY_FREEDICT``, then in the usual install places (:data:`PLACES`).
Without them :func:`translations` knows nothing and names are compared as
before (keys, spellings, the glossary).
"""
from __future__ import annotations

import functools
import gzip
import os
import re
from pathlib import Path
from typing import Optional

from . import lang as lang_data
from .errors import InputError
from .facts.names import fold

#: where ``freedict-<from>-<to>.index`` and ``.dict.dz`` are looked for
PLACES = ("/usr/share/dictd", "/usr/local/share/dictd", "/opt/homebrew/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#: the number of a numbered sense ("1. tener"); an entry's first line, the
#: headword and its pronunciation ("have /hæv/"), is skipped
_SENSE = re.compile(r"^\s*\d+\.\s*")


def _number(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def _code(lang: str) -> Optional[str]:
    return (lang_data.load(lang, "lexicon") or {}).get("freedict")


def _places() -> tuple[Path, ...]:
    env = os.environ.get("CONSISTENCY_FREEDICT")
    return tuple(Path(p).expanduser() for p in ((env,) if env else ()) + PLACES)


def _files(src: str, dst: str) -> Optional[tuple[Path, Path]]:
    for place in _places():
        index, data = place / f"freedict-{src}-{dst}.index", place / f"freedict-{src}-{dst}.dict.dz"
        if index.is_file() and data.is_file():
            return index, data
    return None


@functools.lru_cache(maxsize=None)
def _pairs(src: str, dst: str) -> frozenset:
    """(source word, target word) of every single-word translation of the
    ``src``-``dst`` dictionary, folded; empty when it is not installed."""
    found = _files(src, dst)
    if found is None:
        return frozenset()
    index, data = found
    try:
        body = gzip.open(data).read()
        lines = index.read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"not a readable FreeDict dictionary ({exc})", str(data)) from None
    out = set()
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00-database") or " " in parts[0]:
            continue
        try:
            entry = body[_number(parts[1]):_number(parts[1]) + _number(parts[2])].decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            continue
        head = fold(parts[0])
        for sense in entry.splitlines()[1:]:
            for word in _SENSE.sub("", sense).split(","):
                word = fold(word.strip())
                if word and " " not in word and word != head:
                    out.add((head, word))
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def _directed(src: str, dst: str) -> dict:
    """Folded word of ``src`` -> the words of ``dst`` it translates (the
    ``src``-``dst`` dictionary, and the ``dst``-``src`` one read backwards)."""
    cs, cd = _code(src), _code(dst)
    if not cs or not cd or cs == cd:
        return {}
    table: dict = {}
    for x, y in _pairs(cs, cd) | {(y, x) for x, y in _pairs(cd, cs)}:
        table.setdefault(x, set()).add(y)
    return table


def into(word: str, src: str, dst: str) -> frozenset:
    """The words of language ``dst`` that translate ``word`` of ``src``, folded."""
    return frozenset(_directed(src, dst).get(fold(word), ()))


@functools.lru_cache(maxsize=None)
def _table(a: str, b: str) -> dict:
    """Folded word -> the words it translates, between languages ``a`` and
    ``b``, either way."""
    table: dict = {}
    for src, dst in ((a, b), (b, a)):
        for word, words in _directed(src, dst).items():
            table.setdefault(word, set()).update(words)
    return table


def check_setting() -> None:
    """``CONSISTENCY_FREEDICT``, when set, must name a folder holding a
    dictionary: a wrong setting is an error, not a silent fallback."""
    env = os.environ.get("CONSISTENCY_FREEDICT")
    if not env:
        return
    place = Path(env).expanduser()
    if not any(place.glob("freedict-*.index")) or not any(place.glob("freedict-*.dict.dz")):
        raise InputError("CONSISTENCY_FREEDICT names no FreeDict dictionary (a folder with "
                         "freedict-eng-spa.index and freedict-eng-spa.dict.dz ...)", env)


def available(a: str = "en", b: str = "es") -> bool:
    """Whether a dictionary between ``a`` and ``b`` is installed."""
    return bool(_table(a, b))


def translations(word: str, a: str = "en", b: str = "es") -> frozenset:
    """The words of the other language that ``word`` (of ``a`` or ``b``)
    translates, folded."""
    return frozenset(_table(a, b).get(fold(word), ()))
