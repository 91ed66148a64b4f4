"""Typed facts of a claim: quantities, dates, entities, attributions, negation.

Every extractor has the same signature::

    extract(text: str, offset: int, lang: str, ctx: FactContext) -> tuple[...]

``text`` is the claim text, ``offset`` its start in the article text; every
returned span (``start``/``end``) is an offset into the *article* text, so
``article.text[f.start:f.end] == f.text``.  Language knowledge comes from
``consistency/lang/<lang>/*.toml`` through :mod:`consistency.lang`.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Optional

from ..config import Config
from ..records import Article, Claim, Facts


@dataclass(frozen=True)
class FactContext:
    published: Optional[_dt.date] = None
    config: Config = field(default_factory=Config)
    #: (folded surname, person key) of the people the article names in full
    #: (:func:`consistency.facts.entities.surnames`): a surname alone is that person
    names: tuple = ()


def extract_text(text: str, offset: int, lang: str, ctx: FactContext) -> Facts:
    """All facts of one piece of text (a claim) starting at ``offset``."""
    from . import attributions, dates, entities, negation, quantities

    return Facts(
        quantities=quantities.extract(text, offset, lang, ctx),
        dates=dates.extract(text, offset, lang, ctx),
        entities=entities.extract(text, offset, lang, ctx),
        attributions=attributions.extract(text, offset, lang, ctx),
        negations=negation.extract(text, offset, lang, ctx),
    )


def extract_facts(claim: Claim, article: Article, config: Config, names: tuple = ()) -> Facts:
    ctx = FactContext(published=article.published, config=config, names=names)
    return extract_text(claim.text, claim.start, claim.lang, ctx)
