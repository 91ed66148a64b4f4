"""Hand-built articles, claims and facts for rule and engine tests.

Spans are found by searching the article text, so tests read like the text
they describe: ``money(art, "$5,300", 5300, unit="USD", measures="bonus")``.
"""
from __future__ import annotations

import datetime as dt
import math

from consistency.config import Config
from consistency.records import (Article, Attribution, Claim, Cluster, Entity, Equivalent, Facts,
                                 Negation, Quantity, TimeRef)
from consistency.textpos import LineIndex

INF = math.inf


def article(aid: str, text: str, lang: str = "en", outlet: str | None = None,
            published: dt.date | None = None) -> Article:
    return Article(id=aid, path=f"{aid}.txt", text=text, lang=lang, outlet=outlet,
                   published=published)


def span(art: Article, text: str, after: int = 0) -> tuple[int, int]:
    i = art.text.index(text, after)
    return i, i + len(text)


def claim(art: Article, sentence: str, n: int = 0, **facts) -> Claim:
    s, e = span(art, sentence)
    idx = LineIndex(art.text)
    (line, col), (eline, ecol) = idx.position(s), idx.position(e)
    return Claim(id=f"{art.id}:{n}", article=art.id, text=sentence, start=s, end=e,
                 lang=art.lang, line=line, end_line=eline, column=col, end_column=ecol,
                 facts=Facts(**facts))


def qty(art: Article, text: str, kind: str, value: float, unit: str | None,
        low: float | None = None, high: float | None = None, qualifier: str = "exact",
        measures: str | None = None, equivalents=(), low_open=False, high_open=False,
        after: int = 0) -> Quantity:
    s, e = span(art, text, after)
    return Quantity(kind=kind, value=value, low=value if low is None else low,
                    high=value if high is None else high, unit=unit, qualifier=qualifier,
                    text=text, start=s, end=e, measures=measures,
                    equivalents=tuple(Equivalent(v, u) for v, u in equivalents),
                    low_open=low_open, high_open=high_open)


def date(art: Article, text: str, low: dt.date | None, high: dt.date | None,
         granularity: str = "day", resolved: bool = True) -> TimeRef:
    s, e = span(art, text)
    return TimeRef(text=text, start=s, end=e, low=low, high=high, granularity=granularity,
                   resolved=resolved, relative=None if resolved else text.lower())


def ent(art: Article, text: str, type_: str, key: str, after: int = 0) -> Entity:
    s, e = span(art, text, after)
    return Entity(text=text, type=type_, key=key, start=s, end=e)


def att(art: Article, phrase: str, source: str, key: str, verb: str) -> Attribution:
    s, e = span(art, phrase)
    ss = art.text.index(source, s)
    return Attribution(source=source, key=key, verb=verb, text=phrase, start=s, end=e,
                       source_start=ss, source_end=ss + len(source))


def neg(art: Article, cue: str, scope: str | None = None, after: int = 0) -> Negation:
    s, e = span(art, cue, after)
    return Negation(cue=cue.lower(), start=s, end=e, scope=scope)


def cluster(*claims: Claim, cid: str = "c1", similarity: float = 0.9) -> Cluster:
    ids = tuple(c.id for c in claims)
    links = tuple((ids[i], ids[j], similarity)
                  for i in range(len(ids)) for j in range(i + 1, len(ids)))
    return Cluster(id=cid, claims=ids, articles=tuple(sorted({c.article for c in claims})),
                   links=links)


def config(**kw) -> Config:
    return Config(**kw)
