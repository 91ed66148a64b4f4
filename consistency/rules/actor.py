"""ENT: who did it.

The actor of a claim is its first organisation or person that is not the
source of an attribution.  Two claims that describe the same action (most of
their remaining wording shared -- across languages, most of the concepts of
their words, or another shared entity and a direct embedding link) but name
different actors are reported, unless each claim also mentions the other's
actor.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from rapidfuzz import fuzz

from ..records import Claim, Entity
from .base import Judgement, Pair, Rule, register
from .common import (WORD_RE, clause_event, concept_words, containment, content_words, differ_only_in,
                     entity_keys, fold, label, linked, names_judgement, phrase_similarity, quote, rules_data,
                     same_entity, shared_amounts,
                     same_event, same_event_bar, shared_keys, strongly_linked, translated_name)

#: rapidfuzz ratio from which two words of different languages count as cognates
COGNATE_RATIO = 80
#: shortest word compared as a cognate ("hospital", "evacuated"/"evacuado")
COGNATE_LENGTH = 5


def _long_words(claim: Claim, cut: list[tuple[int, int]]) -> set[str]:
    stop = {fold(w) for w in rules_data(claim.lang).get("stopwords", {}).get("words", [])}
    out = set()
    for m in WORD_RE.finditer(claim.text):
        pos = claim.start + m.start()
        w = fold(m.group())
        if len(w) >= COGNATE_LENGTH and w not in stop and not any(s <= pos < e for s, e in cut):
            out.add(w)
    return out


def cognates(a: Claim, b: Claim, cut: list[tuple[int, int]] = (),
             cut_b: Optional[list[tuple[int, int]]] = None) -> set[tuple[str, str]]:
    """Word pairs spelled alike across two claims ("hospital"/"hospital",
    "evacuated"/"evacuado", "national"/"nacional"): language-free evidence
    that two claims in different languages speak of the same thing.

    ``cut`` spans (article offsets) are left out of ``a``, and of ``b`` too
    unless ``cut_b`` gives ``b``'s own spans (offsets of two articles must
    not be mixed)."""
    wa = _long_words(a, list(cut))
    wb = _long_words(b, list(cut if cut_b is None else cut_b))
    pairs, used = set(), set()
    for x in sorted(wa):
        for y in sorted(wb - used):
            if x == y or x[:6] == y[:6] or fuzz.ratio(x, y) >= COGNATE_RATIO:
                pairs.add((x, y))
                used.add(y)
                break
    return pairs


def shared_values(a: Claim, b: Claim) -> bool:
    """Both claims state the same number (with unit) or the same day."""
    da = {(d.low, d.high) for d in a.facts.dates if d.resolved and d.granularity == "day"}
    db = {(d.low, d.high) for d in b.facts.dates if d.resolved and d.granularity == "day"}
    return shared_amounts(a, b) or bool(da & db)


def across_languages(pair: Pair, others: set, cut: list[tuple[int, int]],
                     cut_b: Optional[list[tuple[int, int]]] = None) -> tuple[bool, float]:
    """Same thing across languages: a direct embedding link plus language-free
    evidence -- another shared entity, a shared number or day, or two
    cognates (one is enough when the link is strong)."""
    if not linked(pair):
        return False, 0.0
    cog = len(cognates(pair.a, pair.b, cut, cut_b))
    if others or shared_values(pair.a, pair.b) or cog >= 2 or (cog and strongly_linked(pair)):
        return True, min(1.0, 0.3 + 0.2 * len(others) + 0.1 * min(cog, 3))
    return False, 0.0

ACTOR_TYPES = ("ORG", "PER")


def actor(claim: Claim) -> Optional[Entity]:
    """The first organisation or person that is not a credited source, nor
    the object of a preposition ("called on Mr Hockney to quit", "a pledge to
    Mr Brown", "dijo a la agencia Interfax": ``[actor] not_after`` in
    ``lang/<lang>/rules.toml``)."""
    spans = [(x.start, x.end) for x in claim.facts.attributions]
    objects = _object_words(claim.lang)
    agents, reach = _agent_words(claim.lang), _subject_reach(claim.lang)
    ents = sorted(claim.facts.entities, key=lambda e: e.start)
    agent = _passive_agent(claim, ents, spans, agents)
    if agent is not None:
        return agent
    titled = None  # the person a title phrase naming an organisation is of
    for k, e in enumerate(ents):
        if e.type in ("ORG", "MISC") and k + 1 < len(ents) and _title_of_person(claim, e, ents[k + 1]):
            titled = ents[k + 1]
            continue  # "El director del Servicio de Emergencias, Gonzalo Aranguren, ordenó": the person acts
        if e.type in ACTOR_TYPES and not any(s <= e.start < t for s, t in spans):
            # the words of its clause before it: from the sentence start, or
            # from the end of a credited source before it ("Mr Blair said the
            # statement was a fair summary of Lord Goldsmith's opinion")
            before = _lead(claim, e, max([claim.start, _clause_start(claim, e.start)]
                                         + [t for s, t in spans if t <= e.start]))
            # (the word before it may close a credited source: "the 58-year-old
            # from Dunmere told the Morning Ledger")
            lead = _lead(claim, e)
            if lead and lead[-1] in objects:
                continue
            if _told(claim, e):
                continue  # who was told: "Un agricultor dijo a la agencia Interfax"
            if reach and len(before) > reach and not (before and before[-1] in agents) \
                    and not _apposed_agent(claim, e, agents) and e is not titled:
                continue  # deep in its clause, and no agent of a passive ("by")
            return e
    return None


def _passive_agent(claim: Claim, ents: list, spans: list, agents: frozenset) -> Optional[Entity]:
    """In a passive sentence the agent acts, not the subject: "El ciclista
    Tomás Ergüeta ... fue suspendido ... por la Fundación Antidopaje del
    Ciclismo": an organisation or person right after an agent word ("por",
    "by"), past a title or a determiner, with a passive auxiliary
    (``passive_auxiliaries`` in ``lang/<lang>/attributions.toml``: "fue",
    "was") among the words before it."""
    if not agents:
        return None
    from .. import lang as langdata

    aux = {fold(w) for w in langdata.load(claim.lang, "attributions").get("passive_auxiliaries", [])}
    suffixes = tuple(fold(x) for x in rules_data(claim.lang).get("actor", {}).get("participle_suffixes", []))
    for e in ents:
        if e.type not in ACTOR_TYPES or any(s <= e.start < t for s, t in spans):
            continue
        lead = _lead(claim, e)
        if not lead or lead[-1] not in agents:
            continue
        # an auxiliary, then a participle ("fue suspendido", "fue este
        # miércoles suspendido"), not "fue a Madrid"
        at = [k for k, w in enumerate(lead[:-1]) if w in aux]
        if at and (not suffixes or any(w.endswith(suffixes) for w in lead[at[0] + 1:-1])):
            return e
    return None


#: words before a comma within which an agent word ("by", "por") makes the
#: person set after the comma the agent: "ordered by the transport minister,
#: Amparo Bellido"
APPOSED_AGENT_REACH = 6


def _between(claim: Claim, start: int, end: int) -> str:
    return claim.text[start - claim.start:end - claim.start]


def _title_of_person(claim: Claim, org: Entity, person: Entity) -> bool:
    """``org`` is part of the title of the person named right after it, in
    apposition ("El director del Servicio de Emergencias del Albarén, Gonzalo
    Aranguren, ...", "the head of the Harbour Board, Ilse Varga, ..."): a
    title word stands among the few words before it."""
    if person.type != "PER" or _between(claim, org.end, person.start).strip() != ",":
        return False
    words = [fold(w) for w in WORD_RE.findall(_between(claim, claim.start, org.start))][-3:]
    return any(w in title_words(claim.lang) for w in words)


def _apposed_agent(claim: Claim, e: Entity, agents: frozenset) -> bool:
    """A person set in apposition after the title phrase of a passive's
    agent: "were ordered by the transport minister, Amparo Bellido";
    "fueron decretados por el consejero regional de Movilidad, Tomás
    Olabarri"."""
    if e.type != "PER":
        return False
    head = _between(claim, claim.start, e.start).rstrip()
    if not head.endswith(","):
        return False
    words = [fold(w) for w in WORD_RE.findall(head[:-1])][-APPOSED_AGENT_REACH:]
    return any(w in agents for w in words)


@functools.lru_cache(maxsize=None)
def name_determiners(lang: str) -> frozenset:
    """``determiners`` of ``lang/<lang>/entities.toml`` (folded): the words
    that may open a name's noun phrase ("the", "el")."""
    from .. import lang as langdata

    return frozenset(fold(w) for w in langdata.load(lang, "entities").get("determiners", []))


@functools.lru_cache(maxsize=None)
def _agent_words(lang: str) -> frozenset:
    return frozenset(fold(w) for w in rules_data(lang).get("actor", {}).get("agent_after", []))


@functools.lru_cache(maxsize=None)
def _subject_reach(lang: str) -> int:
    return int(rules_data(lang).get("actor", {}).get("subject_reach", 0))


@functools.lru_cache(maxsize=None)
def _object_words(lang: str) -> frozenset:
    """``[actor] not_after``, and the verbs whose next name is who was told
    (``told`` in attributions.toml: "the 58-year-old told the Morning
    Ledger")."""
    from .. import lang as langdata

    told = langdata.load(lang, "attributions").get("told", [])
    return frozenset(fold(w) for w in list(rules_data(lang).get("actor", {}).get("not_after", [])) + list(told))


@functools.lru_cache(maxsize=None)
def title_words(lang: str) -> frozenset:
    """Folded words of the titles before a person's name (``titles`` in
    ``lang/<lang>/entities.toml``)."""
    from .. import lang as langdata

    return frozenset(fold(w) for t in langdata.load(lang, "entities").get("titles", []) for w in t.split())


def same_action(pair: Pair, skip: set[str], min_overlap: float,
                slots: Optional[tuple[tuple[int, int], tuple[int, int]]] = None,
                tellings: bool = False) -> tuple[bool, float]:
    """Do the claims describe the same action, apart from the entities in ``skip``?

    First by the model: the claims' texts are paraphrases once the two
    compared names (``slots``, spans in a and b) are masked
    (:func:`~.common.differ_only_in`), or, with no ``slots``, once all their
    slots are (:func:`~.common.same_event`); with ``tellings``, also when
    the tellings that hold the two names (a clause, a relative clause with
    its name) are paraphrases (:func:`~.common.clause_event`: "Los
    servicios mínimos, fijados en el 30% de los vuelos nacionales, fueron
    decretados por el consejero regional de Movilidad, Tomás Olabarri" / "Los
    servicios mínimos que impuso la ministra de Transportes, Amparo Bellido,
    garantizaron casi un tercio de los vuelos nacionales, y los de largo
    radio no se vieron afectados").  Otherwise by their words:
    In one language: the content words left once entities and attributions are
    cut out overlap (containment >= ``min_overlap``, at least 3 words, or 2 with
    a strong direct embedding link).  Across languages: the same measure on
    the concepts of the words (``lang/<lang>/lexicon.toml``: "alerta" and
    "warning" are both ``warn``), or else a direct embedding link plus another
    shared, non-background entity, a shared number or day, or cognates
    (:func:`across_languages`).
    """
    a, b = pair.a, pair.b
    others = shared_keys(pair, skip)
    # the model says so: the claims are paraphrases once the compared names
    # (``slots``: their spans in a and b) or else all their slots are masked
    by_model = differ_only_in(pair, *slots) if slots is not None else None
    if by_model or (by_model is None and slots is None and same_event(pair)):
        return True, min(1.0, 0.5 + 0.2 * len(others))
    # or (``tellings``) the telling of each that holds its name (a clause, a
    # relative clause with its name) is a paraphrase of the other's
    if tellings and slots is not None and clause_event(pair, *slots):
        return True, min(1.0, 0.5 + 0.2 * len(others))
    # spans are offsets into each claim's own article: cut each claim by its own
    if a.lang == b.lang:
        cut_a, cut_b = _spans(a, lambda e: True), _spans(b, lambda e: True)
        wa, wb = content_words(a, cut_a), content_words(b, cut_b)
        shared = len(wa & wb)
        # short claims ("X said it would comply with the ruling") leave few words:
        # two shared words do when one wording holds the other and a strong
        # direct link vouches for them
        enough = shared >= 3 or (shared >= 2 and strongly_linked(pair))
        overlap = containment(wa, wb) if enough else 0.0
        return overlap >= min_overlap, min(1.0, overlap * 0.8 + 0.2 * len(others))
    # across languages: the same overlap measure on concepts (lang/<lang>/lexicon.toml),
    # then the language-free evidence
    ok, strength = concept_overlap(pair, others, min_overlap)
    if ok:
        return ok, strength
    in_skip = lambda e: e.key in skip  # noqa: E731
    return across_languages(pair, others, _spans(a, in_skip), _spans(b, in_skip))


def concept_overlap(pair: Pair, others: set, min_overlap: float = 0.6) -> tuple[bool, float]:
    """Claims in two languages whose content-word concepts overlap as much as
    :func:`same_action` asks of one language (entities and attributions cut)."""
    a, b = pair.a, pair.b
    ca = concept_words(a, _spans(a, lambda e: True))
    cb = concept_words(b, _spans(b, lambda e: True))
    shared = len(ca & cb)
    enough = shared >= 3 or (shared >= 2 and strongly_linked(pair))
    overlap = containment(ca, cb) if enough else 0.0
    return overlap >= min_overlap, min(1.0, overlap * 0.8 + 0.2 * len(others))


def _spans(claim: Claim, keep) -> list[tuple[int, int]]:
    """Spans of the claim's entities that ``keep`` accepts, and of its attributions."""
    return ([(e.start, e.end) for e in claim.facts.entities if keep(e)]
            + [(x.start, x.end) for x in claim.facts.attributions])


def _credited(post, claim: Claim) -> bool:
    """The person of ``post`` is a source the claim credits."""
    return any(a.source_start is not None and a.source_start < post.name_end and post.name_start < a.source_end
               for a in claim.facts.attributions)


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
        if bool(pair.a.facts.negations) != bool(pair.b.facts.negations) and pair.words and _denies(pair):
            return  # one claim denies what the other tells: the denial is the finding (NEG001), not the names
        found = list(self._actors(pair)) or list(self._relative_actors(pair))
        yield from found or list(self._aligned_names(pair)) or self._post_holders(pair)

    def _post_holders(self, pair: Pair) -> Iterable[Judgement]:
        """One post, two people: each claim sets a person in commas beside a
        post (:mod:`consistency.facts.posts`), the two posts are one by
        their words (:func:`~consistency.facts.posts.same_post`: "the
        union's secretary general" / "secretaria general del SITCA") and
        the model, each embedded on its own, does not read them apart (over
        ``POST_SAME``), and the two people are two, neither named in the
        other's article (:func:`~consistency.facts.posts.rival_holders`)."""
        from ..facts.posts import POST_SAME, posts, rival_holders, same_post

        for p in posts(pair.a):
            for q in posts(pair.b):
                sim = phrase_similarity(pair, (p.post_start, p.post_end), (q.post_start, q.post_end))
                if sim is None or sim <= float(self.option(pair.config, "post_same", POST_SAME)):
                    continue
                if not rival_holders(p, pair.a.lang, pair.art_a.text, q, pair.b.lang, pair.art_b.text) \
                        or not same_post(p.post, pair.a.lang, q.post, pair.b.lang):
                    continue
                if _credited(p, pair.a) and _credited(q, pair.b) and same_event(pair):
                    continue  # one statement, two speakers: the attribution rule's finding (ATT001)
                pa = pair.art_a.text[p.post_start:p.post_end]
                pb = pair.art_b.text[q.post_start:q.post_end]
                yield Judgement(
                    message=(f"Post held by different people: {label(pair.art_a)} names {quote(p.name)} "
                             f"{quote(pa)} but {label(pair.art_b)} names {quote(q.name)} {quote(pb)}"),
                    value_a=p.name, value_b=q.name, span_a=(p.name_start, p.name_end),
                    span_b=(q.name_start, q.name_end), compared=(p.key, q.key), confidence=0.6)
                return

    def _relative_actors(self, pair: Pair) -> Iterable[Judgement]:
        """The name a relative clause is about acts in that clause, even when
        the sentence credits it with what follows ("Gonzalo Aranguren, que
        ordenó el desalojo pasadas las once, explicó que ..." / "Anselmo
        Rebollar, que ordenó el sábado por la noche el desalojo ..., ha
        prometido ayudas"): two such names, or one and the other claim's
        actor, are compared when the tellings that hold them are paraphrases
        (:func:`~.common.clause_event`)."""
        xs, ys = antecedents(pair.a), antecedents(pair.b)
        if not xs and not ys:
            return
        x0, y0 = actor(pair.a), actor(pair.b)
        xs += [x0] if x0 is not None and x0 not in xs else []
        ys += [y0] if y0 is not None and y0 not in ys else []
        for x in xs:
            for y in ys:
                if x.type != y.type or x.key == y.key or (x not in antecedents(pair.a)
                                                         and y not in antecedents(pair.b)):
                    continue
                if not _unnamed_in(x, pair.b, pair) or not _unnamed_in(y, pair.a, pair):
                    continue
                if same_entity(x, y) or nested(x.text, y.text) \
                        or translated_name(pair, (x.start, x.end), (y.start, y.end)):
                    continue
                if clause_event(pair, (x.start, x.end), (y.start, y.end)):
                    yield names_judgement(pair, x, y, "Actors differ", 0.6, verb=" did it")
                    return

    def _actors(self, pair: Pair) -> Iterable[Judgement]:
        x, y = actor(pair.a), actor(pair.b)
        if x is None or y is None or x.type != y.type or x.key == y.key:
            yield from self._unknown_names(pair)
            return
        if x.key in entity_keys(pair.b) or y.key in entity_keys(pair.a) or same_entity(x, y):
            return
        if named_within(x, pair.b) or named_within(y, pair.a):
            return  # "Lord Janner" / "Former Labour MP Lord Janner", "Knight" / "Marion 'Suge' Knight"
        if translated_name(pair, (x.start, x.end), (y.start, y.end)):
            return  # one actor, its name translated
        ok, strength = same_action(pair, {x.key, y.key}, self.option(pair.config, "min_overlap", 0.6),
                                   slots=((x.start, x.end), (y.start, y.end)), tellings=True)
        if not ok:
            return
        yield names_judgement(pair, x, y, "Actors differ", 0.45 + 0.45 * strength, verb=" did it")

    def _aligned_names(self, pair: Pair) -> Iterable[Judgement]:
        """A name of one claim standing where another name of the other stands
        (their tokens aligned, ``Pair.links``): "with Lorillard up 5%" /
        "with Altria rising 5% and Reynolds showing gains of 4.5%".  Each
        claim leaves the other's name unsaid, the claims tell the same event
        once just those two names are masked, and no other aligned slot of
        theirs differs (two differences tell another event)."""
        pairs = [p for p in (_aligned_pair(pair, link) for link in pair.links
                             if link.context >= (1 if _known_pair(pair, link) else ALIGNED_CONTEXT))
                 if p is not None]
        if len(pairs) != 1:
            return
        x, y = pairs[0]
        if other_slots_differ(pair, (x.start, x.end), (y.start, y.end)):
            return
        if bool(pair.a.facts.negations) != bool(pair.b.facts.negations) and _denies(pair):
            return  # and one denies what the other tells: two differences
        # the further above the same-event bar the two read with every slot
        # masked, the less the two names must bring them closer ("Tobias
        # Renner, an analyst at Halvorsen Capital, said the loss was ..." /
        # "Kessling Partners analyst Tobias Renner called the loss ...")
        above = 0.0 if pair.masked is None else max(
            0.0, pair.masked - same_event_bar(pair.config, pair.a.lang, pair.b.lang))
        gain = max(CLEAR_GAIN, ALIGNED_GAIN - CLEAR_RATE * above)
        if differ_only_in(pair, (x.start, x.end), (y.start, y.end), gain):
            yield names_judgement(pair, x, y, "Names differ", 0.55)

    def _unknown_names(self, pair: Pair) -> Iterable[Judgement]:
        """Names nobody's tables know (type MISC: "Teknova", "Braskel") are
        compared too: one name left on each side, set in claims that tell the
        same event once just those two names are masked (the model decides,
        no list is asked)."""
        xs, ys = unmatched_names(pair.a, pair.b, pair), unmatched_names(pair.b, pair.a, pair)
        if len(xs) != 1 or len(ys) != 1:
            return
        x, y = xs[0], ys[0]
        if x.type != "MISC" or y.type != "MISC":
            return  # a typed name has its own rule (actors, places, sources)
        wx, wy = set(fold(x.text).split()), set(fold(y.text).split())
        if wx <= wy or wy <= wx:
            return  # "Teófilo Dávila" / "Teófilo Dávila de Machala"
        if translated_name(pair, (x.start, x.end), (y.start, y.end)):
            return  # "Orvik Harbour Board" / "Junta del Puerto de Orvik"
        if not differ_only_in(pair, (x.start, x.end), (y.start, y.end)):
            return
        yield names_judgement(pair, x, y, "Names differ", 0.6)


def _denies(pair: Pair) -> bool:
    """One claim denies what the other tells, by the token alignment of the
    negation's scope (``negation.aligned_denial``): "El Ayuntamiento, que
    había ofrecido una recompensa, aún no ha decidido si la pagará" denies
    nothing that "The foundation, which had offered a reward, said it was
    relieved" tells.  With no aligned words to read, any negation counts."""
    from .negation import aligned_denial

    return not pair.words or aligned_denial(pair) is not None


def _unnamed_in(e: Entity, other: Claim, pair: Pair) -> bool:
    """``other`` does not name ``e`` in any spelling, and ``e`` is no
    story-wide background name (a credited source counts, unlike
    :func:`unmatched_names`: the name a relative clause is about may also be
    who speaks in the main clause)."""
    return e.key not in pair.background and e.key not in entity_keys(other) \
        and not any(same_entity(e, o) for o in other.facts.entities)


def antecedents(claim: Claim) -> list[Entity]:
    """The people and organisations a relative clause of ``claim`` is about:
    a name right before one of the language's relative openers ("Gonzalo
    Aranguren, que ordenó ...", "Quimeral, which employs ...": ``relative`` in
    ``lang/<lang>/clauses.toml``)."""
    from .. import lang as langdata

    openers = tuple(langdata.load(claim.lang, "clauses").get("relative", ()))
    if not openers:
        return []
    return [e for e in claim.facts.entities if e.type in ACTOR_TYPES
            and claim.text[e.end - claim.start:].startswith(openers)]


def unmatched_names(claim: Claim, other: Claim, pair: Pair, keep=()) -> list[Entity]:
    """Names of ``claim`` (not sources of attributions, not story-wide
    background unless their span is in ``keep``) that ``other`` does not
    name in any spelling."""
    from ..slots import credited_spans

    spans = credited_spans(claim)
    keys = entity_keys(other)
    out = []
    for e in claim.facts.entities:
        if any(s <= e.start < t for s, t in spans) or e.key in keys:
            continue
        if e.key in pair.background and (e.start, e.end) not in keep:
            continue
        if any(same_entity(e, o) for o in other.facts.entities):
            continue
        out.append(e)
    return out


#: aligned tokens around two paired names (of ``align.CONTEXT`` on each side)
#: for them to stand among the same words: 3-5 for a name put in another's
#: place ("US playwright Eve Ensler" / "the American playwright Sarah
#: Mukasa"), 0 for names in other roles that a link pairs by default
ALIGNED_CONTEXT = 2

#: cosine of two paired names' closest tokens from which they are one name
#: in other words ("Athens Games" / "Olympics" 0.83, "Tory" / "Tories"
#: 0.86, "Peter Goldsmith" / "Lord Goldsmith" 0.94); a name put in another's
#: place reads 0.5-0.75 ("Eve Ensler" / "Sarah Mukasa" 0.58)
ALIAS_SIM = 0.8

#: how much closer the claims must get once the two paired names are masked
#: (``common.differ_only_in``): no words vouch for the pairing, so a little
#: more than ``common.SLOT_GAIN``
ALIGNED_GAIN = 0.02

#: the gain asked of two aligned names falls by ``CLEAR_RATE`` times how far
#: above the same-event bar the claims read with every slot masked, down to
#: ``CLEAR_GAIN``: a plain paraphrase vouches for the pairing itself
CLEAR_RATE = 0.5
CLEAR_GAIN = 0.005

#: entity types a name of another type may stand for (places have their own rule)
ALIGNED_TYPES = ("PER", "ORG", "MISC")


def _aligned_pair(pair: Pair, link) -> Optional[tuple[Entity, Entity]]:
    """The two names a slot link pairs, when each claim leaves the other's
    name unsaid and the two may be one kind of thing."""
    if link.sim >= ALIAS_SIM and not _known_pair(pair, link):
        return None  # one name in other words
    x = next((e for e in pair.a.facts.entities if (e.start, e.end) == tuple(link.span_a)), None)
    y = next((e for e in pair.b.facts.entities if (e.start, e.end) == tuple(link.span_b)), None)
    if x is None or y is None or x.type not in ALIGNED_TYPES or y.type not in ALIGNED_TYPES:
        return None
    if x.type != y.type and "MISC" not in (x.type, y.type):
        return None
    if _told(pair.a, x) or _told(pair.b, y):
        return None  # who was told ("told the Times" / "telling Labour members") is no fact of the event
    if x not in unmatched_names(pair.a, pair.b, pair) or y not in unmatched_names(pair.b, pair.a, pair):
        return None
    if nested(x.text, y.text):
        return None  # "Teófilo Dávila" / "Teófilo Dávila de Machala"
    if translated_name(pair, (x.start, x.end), (y.start, y.end)):
        return None
    cx, cy = _name_concepts(x.text, pair.a.lang), _name_concepts(y.text, pair.b.lang)
    if cx and cy and (cx <= cy or cy <= cx):
        return None  # "Navy" / "Marina de Guerra": the lexicon knows the words
    if name_written(x.text, pair.art_b.text) and name_written(y.text, pair.art_a.text):
        return None  # each article names both: they are told apart, not confused
    return x, y


def named_within(e: Entity, claim: Claim) -> bool:
    """``claim`` names ``e`` with more words or fewer: all the words of one
    name are words of the other ("Lord Janner" / "Former Labour MP Lord
    Janner")."""
    return any(nested(e.text, o.text) for o in claim.facts.entities)


def nested(x: str, y: str) -> bool:
    """All the words of one name are words of the other."""
    wx, wy = set(fold(x).split()), set(fold(y).split())
    return bool(wx) and bool(wy) and (wx <= wy or wy <= wx)


@functools.lru_cache(maxsize=None)
def _separators(lang: str) -> tuple[str, ...]:
    from .. import lang as langdata

    data = langdata.load(lang, "clauses")
    return tuple(data.get("separators", ())) + tuple(data.get("subordinate", ()))


def _clause_start(claim: Claim, pos: int) -> int:
    """Article offset where the clause holding ``pos`` starts: after the last
    clause separator before it (``separators`` and ``subordinate`` of
    ``lang/<lang>/clauses.toml``: "El valor ... ronda los 3,2 millones de
    euros, y la Fundación Agüeras había ofrecido ..." -- the foundation is
    the subject of the second clause), else the claim's start."""
    head = claim.text[:pos - claim.start]
    ends = [head.rfind(sep) + len(sep) for sep in _separators(claim.lang) if head.rfind(sep) >= 0]
    return claim.start + max(ends, default=0)


def _lead(claim: Claim, e: Entity, start: Optional[int] = None) -> list[str]:
    """The folded words of ``claim`` before ``e`` (from article offset
    ``start``, else the claim's start), titles and determiners right before
    it left out ("called on Mr Hockney": ..., "called", "on")."""
    start = claim.start if start is None else start
    lead = [fold(w) for w in WORD_RE.findall(claim.text[start - claim.start:e.start - claim.start])]
    titles, dets = title_words(claim.lang), name_determiners(claim.lang)
    while lead and (lead[-1] in titles or lead[-1] in dets):
        lead.pop()
    return lead


def _told(claim: Claim, e: Entity) -> bool:
    """``e`` is who was told: the word before it (past titles, determiners
    and a ``told_preposition``) is one of ``told`` in
    ``lang/<lang>/attributions.toml``."""
    from .. import lang as langdata

    data = langdata.load(claim.lang, "attributions")
    told = {fold(w) for w in data.get("told", [])}
    preps = {fold(w) for w in data.get("told_preposition", [])}
    lead = _lead(claim, e)
    # "dijo a la agencia Interfax": the outlet's descriptor and article too
    from ..facts.names import outlet_descriptors

    skip = set(outlet_descriptors()) | set(name_determiners(claim.lang))
    while len(lead) >= 2 and lead[-1] in skip:
        lead.pop()
    if len(lead) >= 2 and lead[-1] in preps:  # "dijo a la agencia", "said to the BBC"
        lead.pop()
    return bool(lead) and lead[-1] in told


def _name_concepts(name: str, lang: str) -> set[str]:
    """Concepts of a name's words (``lang/<lang>/lexicon.toml``; a word it
    does not know stands for itself), function words left out."""
    from ..lexicon import concept, is_function_word

    words = [fold(w) for w in WORD_RE.findall(name)]
    return {concept(w, lang) or w for w in words if not is_function_word(w, lang)}


def name_written(name: str, text: str) -> bool:
    """``name`` is written in ``text`` (folded, as whole words)."""
    return re.search(r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)", fold(text)) is not None


def _known_pair(pair: Pair, link) -> bool:
    """Both linked names are made of words the glossary translates: their
    keys say whether they are one ("Partido Liberal" / "Partido
    Conservador" are two parties however alike the model reads them, and
    one word linked on each side is enough to pair them)."""
    from .common import glossary_name

    return (glossary_name(pair.art_a.text[link.span_a[0]:link.span_a[1]])
            and glossary_name(pair.art_b.text[link.span_b[0]:link.span_b[1]]))


def other_slots_differ(pair: Pair, span_a: tuple[int, int], span_b: tuple[int, int]) -> bool:
    """Another pair of aligned slots of the two claims holds different
    values: another name each leaves unsaid, another amount or another day."""
    qa = {(q.start, q.end): q for q in pair.a.facts.quantities}
    qb = {(q.start, q.end): q for q in pair.b.facts.quantities}
    da = {(d.start, d.end): d for d in pair.a.facts.dates}
    db = {(d.start, d.end): d for d in pair.b.facts.dates}
    for link in pair.links:
        sa, sb = tuple(link.span_a), tuple(link.span_b)
        if sa == tuple(span_a) or sb == tuple(span_b):
            continue
        if sa in qa and sb in qb:
            x, y = qa[sa], qb[sb]
            if x.unit == y.unit and (x.high < y.low or y.high < x.low):
                return True
        elif sa in da and sb in db:
            x, y = da[sa], db[sb]
            if x.resolved and y.resolved and x.low and y.low and (x.high < y.low or y.high < x.low):
                return True
        elif _aligned_pair(pair, link) is not None:
            return True
    return False
