"""LOC: where it happened.

Places are the location entities of a claim, leaving out sources of
attributions.  Places both claims name are agreed and set aside; the rest
(usually the more specific places) must have nothing in common: the same
place in another spelling or type, or a place that contains the other (the
gazetteer's place hierarchy: Kostanay lies in Kazakhstan) is set aside too.  Two claims that describe the same event (same actor or another
shared entity, and most of their wording shared; across languages a direct
embedding link) but name places with nothing in common are reported.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..records import Claim, Entity
from .actor import ALIGNED_CONTEXT, actor, nested, same_action, title_words, unmatched_names
from .base import Judgement, Pair, Rule, register
from .common import (WORD_RE, aligned_pairs, best_tellings, differ_only_in, fold, label, names_judgement,
                     phrase_similarity, quote, same_entity, same_event, same_event_bar, translated_name)

try:
    from ..facts.entities import within
except ImportError:  # pragma: no cover - extractors without a place hierarchy
    def within(key: str) -> tuple[str, ...]:
        return ()

PLACE_TYPES = ("LOC",)
#: two tellings compared on their own places (``LOC001._within_tellings``)
#: meet at least this far above the link threshold, and by TELLING_MARGIN
#: above any other pair of tellings of the two claims
TELLING_OVER = 0.02
TELLING_MARGIN = 0.03


def _body(key: str) -> str:
    return key.split(":", 1)[-1]


def _person_named_in_full(e: Entity) -> bool:
    """A person's surname that its article names in full elsewhere ("Marrow"
    of "Ilse Marrow": the key holds more words than the name as written): a
    person, not a place read as one by guess."""
    return e.type == "PER" and len(_body(e.key).split("-")) > len(re.split(r"[\s-]+", e.text.strip()))


def _agreed(e: Entity, others: list[Entity], other_claim: Claim) -> bool:
    """``e`` names no place the other claim contradicts: the same place (any
    spelling, any type: "the Loa river" / "el río Loa"), or a wider place that
    contains one the other claim names ("Antofagasta region" / "Calama").  The
    narrower place stays: "Cuenca, Ecuador" vs "Machala" still differ."""
    if any(_body(e.key) == _body(x.key) for x in other_claim.facts.entities):
        return True
    return any(same_entity(e, y) or e.key in within(y.key) for y in others)


def _qualifies_shared(e: Entity, claim: Claim, other: Claim) -> bool:
    """``e`` follows another name of its claim after a comma, or owns it
    (``possessive`` of ``lang/<lang>/entities.toml``), and the other claim
    names that one too: "from Wembley, London" places Wembley, which "from
    Wembley" already says ("Houston, Texas" / "Houston"); "Portugal's
    Lumeira Energia" says whose the firm is, not where the deal was done."""
    keys = {_body(x.key) for x in other.facts.entities if x.key}
    text = claim.text
    marks = _possessive(claim.lang)
    for x in claim.facts.entities:
        if _body(x.key) not in keys:
            continue
        gap = text[x.end - claim.start:e.start - claim.start]
        if x.end <= e.start and gap.strip() == ",":
            return True
        # "Spain's Solaria Energía": the place says whose the shared name is
        ahead = text[e.end - claim.start:x.start - claim.start]
        if e.end <= x.start and marks and ahead.strip() in marks:
            return True
    return False


@functools.lru_cache(maxsize=None)
def _possessive(lang: str) -> frozenset:
    """``possessive`` of ``lang/<lang>/entities.toml``: what joins a name to
    the name it owns ("Spain's Solaria Energía")."""
    from .. import lang as langdata

    return frozenset(langdata.load(lang, "entities").get("possessive", ()))


def places(claim: Claim) -> list[Entity]:
    spans = [(x.start, x.end) for x in claim.facts.attributions]
    return [e for e in claim.facts.entities
            if e.type in PLACE_TYPES and not any(s <= e.start < t for s, t in spans)]


def _agreed_in(e: Entity, others: list[Entity]) -> bool:
    """``e`` is one of ``others`` in another spelling or type, or contains one."""
    return any(_body(e.key) == _body(x.key) or same_entity(e, x) or e.key in within(x.key)
               or x.key in within(e.key) for x in others)


def _share_word(x: Entity, y: Entity) -> bool:
    """"Belmarsh Prison" / "Belmarsh", "Comunidad Valenciana" / "Valencia":
    one place, or a body of it, named with other words (a word in common, or
    the first five letters of one)."""
    def words(e: Entity) -> set:
        return {w.lower()[:5] if len(w) >= 5 else w.lower() for w in re.findall(r"[^\W\d_]{3,}", e.text)}
    return bool(words(x) & words(y))


def _titled(claim: Claim, e: Entity) -> bool:
    """A title stands right before the name ("Mr Livingstone", "el alcalde
    Ruiz": the language's ``titles``): a person, not a place the typing missed."""
    words = [fold(w) for w in WORD_RE.findall(claim.text[:e.start - claim.start])]
    return bool(words) and words[-1] in title_words(claim.lang)


def _aligned_with(pair: Pair, place: Entity, name: Entity, place_in_a: bool) -> bool:
    """``Pair.links`` pairs ``name`` with ``place`` among at least
    ``ALIGNED_CONTEXT`` linked neighbouring words."""
    want = ((place.start, place.end), (name.start, name.end)) if place_in_a else \
        ((name.start, name.end), (place.start, place.end))
    return any((tuple(x.span_a), tuple(x.span_b)) == want and x.context >= ALIGNED_CONTEXT for x in pair.links)


def _aligned_slots(pair: Pair) -> tuple[set, set]:
    """Spans (of claim a, of claim b) of names the token alignment stands in each
    other's place among ``ALIGNED_CONTEXT`` linked neighbouring words: a
    story-wide place is compared there too ("was taken to hospital in
    Belmor" / "fue trasladado al hospital de Corvel", both towns named all
    through the story).  Without this only the gazetteer's towns could be."""
    in_a, in_b = set(), set()
    for x in pair.links:
        if x.context >= ALIGNED_CONTEXT:
            in_a.add(tuple(x.span_a))
            in_b.add(tuple(x.span_b))
    return in_a, in_b


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
        seated = list(self._seats(pair))
        if seated:
            yield from seated
            return
        found = list(self._sentences(pair))
        # each claim may tell several things: a place both name may stand in
        # another telling than the one the two claims share
        yield from found or self._within_tellings(pair)

    def _seats(self, pair: Pair) -> Iterable[Judgement]:
        """One organisation, two seats: each claim gives an organisation's
        seat (:mod:`consistency.facts.seats`: "the Brennick-based company",
        "La compañía, con sede en Lindmark"), the two are one organisation
        (:func:`~consistency.facts.seats.same_holder`: one name; or a name
        of an organisation both articles give and a kind of organisation;
        or, when the two articles give a name in common, one kind by the
        lexicon or head words the model, each embedded on its own, reads as
        one at ``HOLDER_SAME``), the places are two, and neither
        article gives a seat in the other's place
        (:func:`~consistency.facts.seats.rival_seats`).  A fact of the story,
        whatever else the two sentences tell."""
        from ..facts.seats import rival_seats, same_holder, seats, story_names

        def similarity(p, q):
            def read(_h1, _h2):
                sim = phrase_similarity(pair, (p.head_start, p.head_end), (q.head_start, q.head_end))
                return 0.0 if sim is None else sim
            return read

        mine, theirs = seats(pair.a), seats(pair.b)
        if not mine or not theirs:
            return
        # what the two articles' story is about: the names both give
        story = story_names(pair.art_a.text, pair.a.lang, pair.art_b.text, pair.b.lang)
        for p in mine:
            for q in theirs:
                if not rival_seats(p, pair.a.lang, pair.art_a.text, q, pair.b.lang, pair.art_b.text) \
                        or not same_holder(p, pair.a.lang, q, pair.b.lang, story, similarity(p, q)):
                    continue
                if translated_name(pair, (p.place_start, p.place_end), (q.place_start, q.place_end)):
                    continue  # one place, its name translated
                va = pair.art_a.text[p.place_start:p.place_end]
                vb = pair.art_b.text[q.place_start:q.place_end]
                yield Judgement(
                    message=(f"Seats differ: {label(pair.art_a)} says {quote(p.holder)} is based in {quote(va)} "
                             f"but {label(pair.art_b)} says {quote(q.holder)} is based in {quote(vb)}"),
                    value_a=va, value_b=vb, span_a=(p.place_start, p.place_end),
                    span_b=(q.place_start, q.place_end), compared=(p.place_key, q.place_key), confidence=0.6)
                return

    def _sentences(self, pair: Pair) -> Iterable[Judgement]:
        # story-wide places (the countries at war in a story about the war) say
        # nothing about where this particular event happened; a town or region
        # the gazetteer places inside a country stays, even when it is
        # story-wide ("near Calama" vs "near Tocopilla")
        held_a, held_b = _aligned_slots(pair)
        pa = [e for e in places(pair.a) if e.key not in pair.background or within(e.key) or (e.start, e.end) in held_a]
        pb = [e for e in places(pair.b) if e.key not in pair.background or within(e.key) or (e.start, e.end) in held_b]
        shared = {e.key for e in pa} & {e.key for e in pb}
        # places both name (a country, a region) are agreed; compare what is left,
        # the more specific places ("Sakhalin" vs "Kamchatka", both in Russia)
        all_a, all_b = places(pair.a), places(pair.b)
        pa = [e for e in pa if e.key not in shared and not _agreed(e, all_b, pair.b)
              and not _qualifies_shared(e, pair.a, pair.b)]
        pb = [e for e in pb if e.key not in shared and not _agreed(e, all_a, pair.a)
              and not _qualifies_shared(e, pair.b, pair.a)]
        if bool(pa) != bool(pb):
            # a place against a name of unknown type ("in Varnholm" / "hosted
            # by Kirsby"): the model decides whether that name fills the slot
            yield from self._unknown_place(pair, pa, pb)
            return
        if not pa or not pb:
            return
        xa, xb = actor(pair.a), actor(pair.b)
        if xa is not None and xb is not None and xa.key != xb.key and not nested(xa.text, xb.text) \
                and not same_entity(xa, xb):
            return  # different actors: not known to be the same event ("Kellan Observatory" and
            # "el observatorio Kellan" are one)
        skip = {e.key for e in pa + pb}
        # with several places left, the token alignment says which stands
        # where the other's place stands; else the first of each
        x, y = (aligned_pairs(pair, pa, pb) or [(pa[0], pb[0])])[0] if len(pa) + len(pb) > 2 else (pa[0], pb[0])
        if nested(x.text, y.text):
            return  # "Charles Dickens" / "Dickens": one name, more words or fewer
        ok, strength = same_action(pair, skip, self.option(pair.config, "min_overlap", 0.6),
                                   slots=((x.start, x.end), (y.start, y.end)))
        if not ok:
            return
        yield names_judgement(pair, x, y, "Places differ", 0.45 + 0.45 * strength)

    def _within_tellings(self, pair: Pair) -> Iterable[Judgement]:
        """A sentence that tells two things names a place in each ("recovered
        the works in a warehouse in Puerto Albarda, where two suspects were
        arrested; the third was held in Villanueva del Coto"): a place the
        other claim names may be agreed by the wrong telling.  The two
        tellings that meet best (each the other's best, by ``TELLING_MARGIN``
        over the next) are compared on their own places, when a place of one
        was agreed only by a name outside the other's matching telling."""
        best = best_tellings(pair, TELLING_MARGIN)
        if best is None:
            return
        (ra, rb), sim = best
        if sim < pair.config.link_threshold() + TELLING_OVER:
            return

        def inside(e: Entity, ranges) -> bool:
            return any(x <= e.start and e.end <= y for x, y in ranges)

        def typed(claim: Claim, other: Claim, ranges) -> list[Entity]:
            # a place, or a name the other claim types as a place
            located = {_body(e.key) for e in places(other)}
            return [e for e in places(claim) + [e for e in claim.facts.entities if e.type == "MISC"]
                    if inside(e, ranges) and (e.type in PLACE_TYPES or _body(e.key) in located)]

        pa, pb = typed(pair.a, pair.b, ra), typed(pair.b, pair.a, rb)

        def elsewhere(e: Entity, other: Claim, ranges) -> bool:
            # the other claim names e, but only outside its matching telling
            same = [x for x in other.facts.entities if _body(x.key) == _body(e.key)]
            return bool(same) and not any(inside(x, ranges) for x in same)

        if not any(elsewhere(e, pair.b, rb) for e in pa) and not any(elsewhere(e, pair.a, ra) for e in pb):
            return  # no place was agreed by the other telling: the sentences were judged whole
        shared = {_body(e.key) for e in pa} & {_body(e.key) for e in pb}
        pa, pb = ([e for e in pa if _body(e.key) not in shared and not _agreed_in(e, pb)],
                  [e for e in pb if _body(e.key) not in shared and not _agreed_in(e, pa)])
        if len(pa) + len(pb) == 1 and sim >= same_event_bar(pair.config, pair.a.lang, pair.b.lang):
            # one place against the single name of unknown type in the other
            # telling ("al centro de salud de Villar de Tormes"), in two
            # tellings that are paraphrases by the same-event bar
            claim, ranges = (pair.b, rb) if pa else (pair.a, ra)
            names = [e for e in claim.facts.entities if e.type == "MISC" and inside(e, ranges)
                     and not _titled(claim, e) and not _share_word(e, (pa or pb)[0])]
            if pa:
                pb = names
            else:
                pa = names
        if len(pa) != 1 or len(pb) != 1:
            return
        x, y = pa[0], pb[0]
        if nested(x.text, y.text) or _share_word(x, y) or translated_name(pair, (x.start, x.end), (y.start, y.end)):
            return
        yield names_judgement(pair, x, y, "Places differ", 0.5)

    def _unknown_place(self, pair: Pair, pa: list[Entity], pb: list[Entity]) -> Iterable[Judgement]:
        """One claim names a place, the other a single name of unknown type in
        its stead: a place finding when just those two masked leave the two
        sentences paraphrases, closer than before (:func:`differ_only_in`)."""
        known, claim, other = (pa, pair.b, pair.a) if pa else (pb, pair.a, pair.b)
        unmatched = unmatched_names(claim, other, pair, keep=_aligned_slots(pair)[1 if pa else 0])
        names = [e for e in unmatched if e.type == "MISC"]
        if len(known) == 1 and not names:
            # a name typed otherwise by guess ("al hospital de Puerto Salinar"
            # read as a person) that the model's token alignment puts where
            # the place stands, among linked neighbouring words
            names = [e for e in unmatched if e.type not in ("LOC", "NORP") and not _titled(claim, e)
                     and not _share_word(e, known[0]) and not _person_named_in_full(e)
                     and _aligned_with(pair, known[0], e, bool(pa))]
        if len(known) == 1 and len(names) > 1:
            # several unknown names: the one the token alignment puts where the place stands
            side = [(known[0], e) if pa else (e, known[0]) for e in names if not _share_word(e, known[0])]
            picked = aligned_pairs(pair, [x for x, _ in side], [y for _, y in side])
            names = [y if pa else x for x, y in picked[:1]]
        if len(known) != 1 or len(names) != 1:
            return
        x, y = (known[0], names[0]) if pa else (names[0], known[0])
        if translated_name(pair, (x.start, x.end), (y.start, y.end)):
            return  # one place, its name translated
        # the token alignment stands the two names among linked words, their
        # own tokens linked to none of the other's (a name typed otherwise by
        # guess was picked so; a name of unknown type is asked the same: "desde
        # su planta de Mirasierra del Tarvela" / "from its factory in
        # Torrelinde"; "en Ginebra" / "at a Geneva auction" link their own
        # tokens: one place)
        aligned = names[0].type != "MISC" or any(
            (tuple(k.span_a), tuple(k.span_b)) == ((x.start, x.end), (y.start, y.end))
            and k.context >= 1 and k.share == 0 for k in pair.links)
        if not differ_only_in(pair, (x.start, x.end), (y.start, y.end)) and not (aligned and same_event(pair)):
            return
        yield names_judgement(pair, x, y, "Places differ", 0.6)
