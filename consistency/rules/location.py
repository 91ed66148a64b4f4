"""LOC: where it happened.

Places are the location entities of a claim, leaving out sources of
attributions.  Places both claims name are agreed and set aside; the rest
(usually the more specific places) must have nothing in common.  Two claims that describe the same event (same actor or another
shared entity, and most of their wording shared; across languages a direct
embedding link) but name places with nothing in common are reported.
"""
from __future__ import annotations

from typing import Iterable

from ..records import Claim, Entity
from .actor import actor, same_action
from .base import Judgement, Pair, Rule, register
from .common import label, quote, same_entity

PLACE_TYPES = ("LOC",)


def places(claim: Claim) -> list[Entity]:
    spans = [(x.start, x.end) for x in claim.facts.attributions]
    return [e for e in claim.facts.entities
            if e.type in PLACE_TYPES and not any(s <= e.start < t for s, t in spans)]


@register
class LOC001(Rule):
    """The same event is placed in different locations.

    Inconsistent:
        es: "Los reclutas pueden unirse al ejército ruso en la región de Sajalín."
        es: "Los reclutas pueden unirse al ejército ruso en la región de Kamchatka."

    Consistent:
        en: "Adverts had been spotted in Armenia and Kazakhstan."
        en: "Adverts had been spotted in Kazakhstan."
    """

    code = "LOC001"
    name = "places-differ"
    kind = "location"
    severity = "warning"

    def check(self, pair: Pair) -> Iterable[Judgement]:
        # story-wide places (the countries at war in a story about the war) say
        # nothing about where this particular event happened
        pa = [e for e in places(pair.a) if e.key not in pair.background]
        pb = [e for e in places(pair.b) if e.key not in pair.background]
        shared = {e.key for e in pa} & {e.key for e in pb}
        # places both name (a country, a region) are agreed; compare what is left,
        # the more specific places ("Sakhalin" vs "Kamchatka", both in Russia)
        pa = [e for e in pa if e.key not in shared and not any(same_entity(e, y) for y in pb)]
        pb = [e for e in pb if e.key not in shared and not any(same_entity(e, x) for x in places(pair.a))]
        if not pa or not pb:
            return
        xa, xb = actor(pair.a), actor(pair.b)
        if xa is not None and xb is not None and xa.key != xb.key:
            return  # different actors: not known to be the same event
        skip = {e.key for e in pa + pb}
        ok, strength = same_action(pair, skip, self.option(pair.config, "min_overlap", 0.6))
        if not ok:
            return
        x, y = pa[0], pb[0]
        va, vb = pair.art_a.text[x.start:x.end], pair.art_b.text[y.start:y.end]
        yield Judgement(
            message=(f"Places differ: {label(pair.art_a)} says {quote(va)} "
                     f"but {label(pair.art_b)} says {quote(vb)}"),
            value_a=va, value_b=vb, span_a=(x.start, x.end), span_b=(y.start, y.end),
            compared=(x.key, y.key), confidence=0.45 + 0.45 * strength)
