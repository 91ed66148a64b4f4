"""Attributions across sentences: who a claim is credited to when its own
sentence does not say it.  Runs once per article, after per-claim extraction.

Two steps, driven by ``[discourse]`` in ``consistency/lang/<lang>/attributions.toml``:

* **resolved** -- a generic mention ("the report said", "the statement added",
  "según el informe", "el comunicado señaló": a head noun of a group, after a
  word such as "the"/"el") takes the most recent named source of the same
  group named at most ``window`` sentences earlier in the article.  A named
  source belongs to a group when its attribution uses one of the group's nouns
  ("a British intelligence report said") or when its sentence introduces one
  before it ("In a statement, the foreign ministry claimed").  A resolved
  mention counts as a new mention, so "the report said" can be repeated down
  a paragraph.  With no such source in the window the mention stays generic.
* **inherited** -- an article whose lead (its first ``lead`` sentences, not
  headlines) credits its reporting to a named source -- a news outlet
  ("Reuters reported", "según la agencia Tass") or a named report ("according
  to a Reuters report", "según un informe de Reuters") -- gives that source to
  the other sentences that state none of their own and are not quotations.
  Inheriting stops at the first sentence after the lead credit that names a
  different source (from there on, unattributed sentences may well be that
  source's material).  Sentences with a source of their own, even a generic
  one ("según los anuncios"), keep it.  Cues that credit only their own
  sentence ("first reported by", "adelantadas por": who had the news first)
  never credit the article.

The added records say how they were found (``Attribution.how`` "resolved" or
"inherited") and where the source is named (``Attribution.via``, a claim id).
A resolved record keeps the generic phrase's span (inside its claim) and
points its ``source_start``/``source_end`` at the name; an inherited record
has the lead attribution's spans (outside the claim).  Rules weigh them less
than explicit ones (see ``consistency/rules/attribution.py``).

Settings (``[consistency:rules:ATT001]`` in ``setup.cfg``): ``window`` (default
3), ``lead`` (default 2) and ``inherit`` (default true).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .. import lang as _lang
from ..config import Config
from ..records import Article, Attribution, Claim
from . import names

#: sentences back a generic mention may look for its source
WINDOW = 3
#: body sentences (after headlines) that form the lead
LEAD = 2
#: key namespaces of sources that name nobody (the extractor's "src:<words>")
GENERIC_NAMESPACES = ("src",)
#: key namespaces whose sources, named in the lead, credit the whole article
CREDIT_NAMESPACES = ("outlet",)
#: share of a sentence inside quotation marks above which it is a quotation
QUOTED_SHARE = 0.5
#: option section read from the configuration
OPTIONS = "ATT001"

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class _Data:
    heads: dict  # folded head noun -> group name
    definite: frozenset
    indefinite: frozenset
    credit_nouns: frozenset
    quotes: str
    own_sentence: frozenset = frozenset()


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> _Data:
    d = (_lang.load(lang, "attributions") or {}).get("discourse", {})
    heads = {names.fold(w): group for group, words in d.get("heads", {}).items() for w in words}
    return _Data(
        heads=heads,
        definite=frozenset(names.fold(w) for w in d.get("definite", [])),
        indefinite=frozenset(names.fold(w) for w in d.get("indefinite", [])),
        credit_nouns=frozenset(names.fold(w) for w in d.get("credit_nouns", [])),
        quotes="".join(d.get("quotes", [])),
        own_sentence=frozenset(" ".join(names.fold(w).split()) for w in d.get("own_sentence", [])),
    )


def settings(config: Optional[Config]) -> tuple[int, int, bool]:
    """(window, lead, inherit) from ``[consistency:rules:ATT001]`` or the defaults."""
    if config is None:
        return WINDOW, LEAD, True
    window = int(float(config.rule_option(OPTIONS, "window", WINDOW)))
    lead = int(float(config.rule_option(OPTIONS, "lead", LEAD)))
    inherit = str(config.rule_option(OPTIONS, "inherit", "true")).strip().lower()
    return window, lead, inherit not in ("0", "false", "no", "off")


def _words(text: str) -> list[str]:
    return [names.fold(m.group()) for m in _WORD.finditer(text)]


def _namespace(key: str) -> str:
    return key.split(":", 1)[0] if ":" in key else ""


def named(att: Attribution) -> bool:
    """Whether the source names somebody (not "the report", "it", "officials")."""
    return bool(att.key) and _namespace(att.key) not in GENERIC_NAMESPACES


def generic_group(att: Attribution, text: str, d: _Data) -> Optional[str]:
    """The head-noun group of a generic mention that points back, else None.

    ``text`` is the article text: the word before the source must be a
    definite one ("the report", "el informe"); "a report said" stays generic.
    """
    if named(att) or att.source_start is None:
        return None
    words = _words(att.source)
    while words and words[0] in d.definite:
        words = words[1:]
    if len(words) != 1 or words[0] not in d.heads:
        return None
    before = _words(text[max(0, att.source_start - 40):att.source_start])
    if not (before and before[-1] in d.definite) and _words(att.source)[0] not in d.definite:
        return None
    return d.heads[words[0]]


def unnamed_group(att: Attribution, d: _Data) -> Optional[str]:
    """The group of a generic source that is not a mention back ("a statement
    said", "un informe dijo"): it introduces a new, unnamed source."""
    if named(att):
        return None
    words = _words(att.source)
    return d.heads.get(words[-1]) if words else None


def groups_of(att: Attribution, claim: Claim, text: str, d: _Data) -> set[str]:
    """Head-noun groups a named source is known by in its sentence."""
    out = {d.heads[w] for w in _words(att.text) if w in d.heads}
    before = _words(text[claim.start:att.start])
    for prev, w in zip(before, before[1:]):
        if prev in d.indefinite and w in d.heads:
            out.add(d.heads[w])
    return out


def quotation(claim: Claim, d: _Data) -> bool:
    """A sentence that opens with a quotation mark or is mostly quoted words."""
    text = claim.text.strip()
    if not text or not d.quotes:
        return False
    if text[0] in d.quotes:
        return True
    pattern = "[" + re.escape(d.quotes) + "]"
    marks = [m.start() for m in re.finditer(pattern, text)]
    inside = sum(b - a for a, b in zip(marks[::2], marks[1::2]))
    return inside > QUOTED_SHARE * len(text)


def credit(att: Attribution, d: _Data) -> bool:
    """Whether a lead attribution credits the article's reporting to its source."""
    if not named(att) or att.how != "explicit":
        return False
    if " ".join(names.fold(att.verb).split()) in d.own_sentence:
        return False  # "first reported by Bloomberg": who had the news first, not the article's source
    if _namespace(att.key) in CREDIT_NAMESPACES:
        return True
    return any(w in d.credit_nouns for w in _words(att.text))


def _resolve_mentions(article: Article, body: list[Claim], window: int, d: _Data) -> list[Claim]:
    """Step 1: generic mentions -> the named source of the same group."""
    # (position in body, groups, the named record, claim id where it is named);
    # record and claim id are None for a source that names nobody
    mentions: list[tuple[int, set, Optional[Attribution], Optional[str]]] = []
    out = []
    for pos, claim in enumerate(body):
        atts, changed = [], False
        for att in claim.facts.attributions:
            group = generic_group(att, article.text, d)
            hit = None
            if group is not None:
                hit = next((m for m in reversed(mentions)
                            if group in m[1] and pos - m[0] <= window), None)
            if hit is not None and hit[2] is None:
                hit = None  # the latest such mention names nobody: nothing to resolve to
            if hit is None:
                atts.append(att)
                group = group or unnamed_group(att, d)
                if group is not None:
                    mentions.append((pos, {group}, None, None))  # later mentions stop here
                elif named(att):
                    groups = groups_of(att, claim, article.text, d)
                    if groups:
                        mentions.append((pos, groups, att, claim.id))
                continue
            base, via = hit[2], hit[3]
            new = dataclasses.replace(att, source=base.source, key=base.key,
                                      source_start=base.source_start, source_end=base.source_end,
                                      how="resolved", via=via)
            atts.append(new)
            mentions.append((pos, {group}, base, via))
            changed = True
        out.append(_with(claim, atts) if changed else claim)
    return out


def _inherit(body: list[Claim], lead: int, d: _Data) -> list[Claim]:
    """Step 2: the lead's credited source -> sentences with no source of their own."""
    found = next(((i, a) for i, c in enumerate(body[:lead])
                  for a in c.facts.attributions if credit(a, d)), None)
    if found is None:
        return body
    at, src = found
    via = body[at].id
    out = list(body)
    for i, claim in enumerate(body):
        atts = claim.facts.attributions
        if atts:
            if i > at and any(named(a) and a.key != src.key for a in atts):
                break  # a different source takes over
            continue
        if quotation(claim, d):
            continue
        out[i] = _with(claim, [dataclasses.replace(src, how="inherited", via=via)])
    return out


def _with(claim: Claim, atts: list[Attribution]) -> Claim:
    return dataclasses.replace(claim, facts=dataclasses.replace(claim.facts, attributions=tuple(atts)))


def resolve(article: Article, claims: Sequence[Claim], config: Optional[Config] = None) -> list[Claim]:
    """The claims of ``article`` (in order) with sources resolved across sentences.

    Headlines are left as they are and are not counted as sentences.
    """
    d = _data(article.lang)
    window, lead, inherit = settings(config)
    body = [c for c in claims if not c.headline]
    done = _resolve_mentions(article, body, window, d)
    if inherit:
        done = _inherit(done, lead, d)
    by_id = {c.id: c for c in done}
    return [by_id.get(c.id, c) if not c.headline else c for c in claims]
