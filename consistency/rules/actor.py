"""ENT: who did it.

The actor of a claim is its first organisation or person that is not the
source of an attribution.  Two claims that describe the same action (most of
their remaining wording shared, or, across languages, another shared entity
and a direct embedding link) but name different actors are reported, unless
each claim also mentions the other's actor.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..records import Claim, Entity
from .base import Judgement, Pair, Rule, register
from .common import containment, content_words, entity_keys, label, linked, quote, same_entity, shared_keys

ACTOR_TYPES = ("ORG", "PER")


def actor(claim: Claim) -> Optional[Entity]:
    spans = [(x.start, x.end) for x in claim.facts.attributions]
    for e in sorted(claim.facts.entities, key=lambda e: e.start):
        if e.type in ACTOR_TYPES and not any(s <= e.start < t for s, t in spans):
            return e
    return None


def same_action(pair: Pair, skip: set[str], min_overlap: float) -> tuple[bool, float]:
    """Do the claims describe the same action, apart from the entities in ``skip``?

    In one language: the content words left once entities and attributions are
    cut out overlap (containment >= ``min_overlap``, at least 3 words).  Across
    languages: another shared, non-background entity and a direct embedding link.
    """
    a, b = pair.a, pair.b
    others = shared_keys(pair, skip)
    if a.lang == b.lang:
        cut = [(e.start, e.end) for e in a.facts.entities + b.facts.entities]
        cut += [(x.start, x.end) for x in a.facts.attributions + b.facts.attributions]
        wa, wb = content_words(a, cut), content_words(b, cut)
        overlap = containment(wa, wb) if len(wa & wb) >= 3 else 0.0
        return overlap >= min_overlap, min(1.0, overlap * 0.8 + 0.2 * len(others))
    ok = bool(others) and linked(pair)
    return ok, (min(1.0, 0.3 + 0.2 * len(others)) if ok else 0.0)


@register
class ENT001(Rule):
    """The same action is credited to different actors.

    Inconsistent:
        en: "The foreign ministry is working to dismantle the trafficking network."
        en: "The interior ministry is working to dismantle the trafficking network."

    Consistent:
        en: "The foreign ministry said the interior ministry is dismantling the network."
        en: "The interior ministry is dismantling the network, the foreign ministry said."
    """

    code = "ENT001"
    name = "actors-differ"
    kind = "actor"
    severity = "warning"

    def check(self, pair: Pair) -> Iterable[Judgement]:
        x, y = actor(pair.a), actor(pair.b)
        if x is None or y is None or x.type != y.type or x.key == y.key:
            return
        if x.key in entity_keys(pair.b) or y.key in entity_keys(pair.a) or same_entity(x, y):
            return
        ok, strength = same_action(pair, {x.key, y.key}, self.option(pair.config, "min_overlap", 0.6))
        if not ok:
            return
        va, vb = pair.art_a.text[x.start:x.end], pair.art_b.text[y.start:y.end]
        yield Judgement(
            message=(f"Actors differ: {label(pair.art_a)} says {quote(va)} did it "
                     f"but {label(pair.art_b)} says {quote(vb)}"),
            value_a=va, value_b=vb, span_a=(x.start, x.end), span_b=(y.start, y.end),
            compared=(x.key, y.key), confidence=0.45 + 0.45 * strength)
