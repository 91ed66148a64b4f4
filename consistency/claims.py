"""Claims: sentences of an article's non-ignored text, with exact spans.

The text is split on line breaks first (news text puts paragraphs, headlines
and captions on lines of their own), each line is cut around the ignored
(boilerplate) ranges, and each remaining piece is segmented into sentences
with ``sentencex`` for the article's language (it knows "Sr.", "Dr.",
"EE. UU."). Every claim keeps ``start``/``end`` offsets into ``Article.text``
with ``article.text[start:end] == claim.text``.

A line with no sentence-final punctuation (".", "!", "?", "…", optionally
followed by a closing quote) is a headline, kicker or subheading: it becomes
one claim marked ``headline``.

``checkworthy`` here is a first cut (a digit, or a capitalised word that does
not start the sentence, i.e. a likely name); the pipeline also marks claims
with any extracted fact as check-worthy.
"""
from __future__ import annotations

import re
from typing import Iterator

from .records import Article, Claim
from .textpos import LineIndex

_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_NAMEISH = re.compile(r"(?<=[\s(“\"'])[A-ZÁÉÍÓÚÑÜ][\w’'-]+")

#: sentences at most this many words long on a line of their own without a
#: final stop are headlines; longer unpunctuated lines are still split.
_HEADLINE_MAX_WORDS = 40


def _segment(lang: str, text: str) -> list[str]:
    from sentencex import segment

    try:
        return list(segment(lang, text))
    except Exception:  # unknown language code in sentencex: fall back to English rules
        return list(segment("en", text))


def _visible_pieces(article: Article) -> Iterator[tuple[int, int]]:
    """(start, end) of each line piece outside the ignored ranges, trimmed."""
    text = article.text
    ignored = sorted(article.ignored)
    pos = 0
    for raw in text.splitlines(keepends=True):
        a, b = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        cur = a
        for ia, ib in ignored:
            if ib <= cur or ia >= b:
                continue
            if ia > cur:
                yield from _trim(text, cur, ia)
            cur = max(cur, ib)
        if cur < b:
            yield from _trim(text, cur, b)


def _trim(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and _LETTER.search(text, a, b):
        yield a, b


def split_claims(article: Article, config=None) -> list[Claim]:
    """Claims of one article, in text order, numbered ``<article id>:<n>`` from 1."""
    index = LineIndex(article.text)
    text = article.text
    out: list[Claim] = []
    for a, b in _visible_pieces(article):
        piece = text[a:b]
        headline = not _END.search(piece) and len(piece.split()) <= _HEADLINE_MAX_WORDS
        spans = [(a, b)] if headline else list(_sentence_spans(article.lang, text, a, b))
        for sa, sb in spans:
            s = text[sa:sb]
            line, col = index.position(sa)
            end_line, end_col = index.position(sb)
            out.append(Claim(
                id=f"{article.id}:{len(out) + 1}", article=article.id, text=s, start=sa, end=sb,
                lang=article.lang, line=line, end_line=end_line, column=col, end_column=end_col,
                headline=headline, checkworthy=_checkworthy(s),
            ))
    return out


def _sentence_spans(lang: str, text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    piece = text[a:b]
    cursor = 0
    for seg in _segment(lang, piece):
        core = seg.strip()
        if not core:
            continue
        k = piece.find(core, cursor)
        if k < 0:  # segmenter normalised something: fall back to the rest of the piece
            k = cursor
            core = piece[cursor:].strip()
            if not core:
                break
            k = piece.find(core, cursor)
        cursor = k + len(core)
        if _LETTER.search(core):
            yield a + k, a + k + len(core)
    rest = piece[cursor:].strip()
    if rest and _LETTER.search(rest):
        k = piece.find(rest, cursor)
        yield a + k, a + k + len(rest)


_DIGIT = re.compile(r"\d")


def _checkworthy(s: str) -> bool:
    return bool(_DIGIT.search(s) or _NAMEISH.search(s))
