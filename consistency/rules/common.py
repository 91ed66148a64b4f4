"""Helpers the rule families share: language data, "same thing" evidence,
pairing, and fall-backs for helpers the fact extractors provide.

Language knowledge (stop words, hedges, generic sources) comes from
``consistency/lang/<lang>/rules.toml``; nothing here branches on a language.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Optional, Sequence

from .. import lang as langdata
from ..records import Article, Attribution, Claim, Entity
from .base import Judgement
from ..lexicon import concept, is_function_word

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=None)
def rules_data(lang: str) -> dict:
    """``<lang>/rules.toml`` (stop words, hedges, generic sources), or {}."""
    return langdata.load(lang, "rules")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase, accents stripped, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


@functools.lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in rules_data(lang).get("stopwords", {}).get("words", []))


def content_words(claim: Claim, exclude: Iterable[tuple[int, int]] = ()) -> set[str]:
    """Content words of a claim (folded, stop words removed, crude 6-letter stems),
    leaving out the given article-text spans (e.g. entities or attributions)."""
    cut = sorted(exclude)
    words = _content_words(claim.text, claim.start, claim.lang)
    if not cut:
        return {w for _, w in words}
    return {w for pos, w in words if not any(s <= pos < e for s, e in cut)}


@functools.lru_cache(maxsize=1 << 16)
def _content_words(text: str, start: int, lang: str) -> tuple[tuple[int, str], ...]:
    """(article offset, stem) of each content word: :func:`content_words`
    memoised per claim text (the rules ask once per pair, with various cuts)."""
    out = []
    stop = _stopwords(lang)
    for m in WORD_RE.finditer(text):
        w = fold(m.group())
        if len(w) < 3 or w in stop:
            continue
        out.append((start + m.start(), w[:6]))
    return tuple(out)


def concept_words(claim: Claim, exclude: Iterable[tuple[int, int]] = ()) -> set[str]:
    """Concepts of a claim's content words (``lang/<lang>/lexicon.toml``), so
    claims in different languages can be compared; a word the lexicon does not
    know stands for itself (folded).  Spans in ``exclude`` are left out."""
    cut = sorted(exclude)
    out = set()
    stop = _stopwords(claim.lang)
    for m in WORD_RE.finditer(claim.text):
        pos = claim.start + m.start()
        if any(s <= pos < e for s, e in cut):
            continue
        w = fold(m.group())
        if len(w) < 3 or w in stop or is_function_word(w, claim.lang):
            continue
        out.add(concept(w, claim.lang) or w)
    return out


def jaccard(x: set, y: set) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def entity_keys(claim: Claim, types: Optional[Iterable[str]] = None) -> set[str]:
    ts = set(types) if types else None
    return {e.key for e in claim.facts.entities if ts is None or e.type in ts}


def same_entity(x: Entity, y: Entity) -> bool:
    """The extractors' ``same_entity`` when available, else equal keys."""
    try:
        from ..facts.entities import same_entity as helper  # type: ignore
    except ImportError:
        return x.key == y.key
    result = helper(x, y)
    return bool(result[0] if isinstance(result, tuple) else result)


def same_outlet(x: Attribution, y: Attribution) -> tuple[bool, str]:
    """The extractors' ``same_outlet`` when available, else equal keys."""
    try:
        from ..facts.attributions import same_outlet as helper  # type: ignore
    except ImportError:
        return (x.key == y.key, "same name" if x.key == y.key else "")
    result = helper(x, y)
    if isinstance(result, tuple):
        return bool(result[0]), str(result[1] or "")
    return bool(result), ""


def containment(x: set, y: set) -> float:
    """Share of the smaller set found in the other (1.0: one wording inside the other)."""
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def linked(pair) -> bool:
    """The clusterer linked the two claims directly, at or above its threshold."""
    return pair.similarity is not None and pair.similarity >= pair.config.link_threshold()


def near_linked(pair) -> bool:
    """The clusterer paired the two claims as each other's closest sentence
    across their articles, a little below its threshold (``cluster.py``,
    rule 11: ``BELOW_MARGIN``)."""
    from ..cluster import BELOW_MARGIN

    return pair.similarity is not None and pair.similarity >= pair.config.link_threshold() - BELOW_MARGIN


#: how far above the link threshold a direct link must be to vouch on its own
STRONG_LINK_MARGIN = 0.05


def strongly_linked(pair) -> bool:
    """A direct link well above the threshold (a paraphrase, for e5: >= 0.91)."""
    return (pair.similarity is not None
            and pair.similarity >= pair.config.link_threshold() + STRONG_LINK_MARGIN)


#: how far above the link threshold the slot-masked cosine of two claims must
#: be for them to tell the same event (``Pair.masked``, see consistency/slots.py)
SAME_EVENT_MARGIN = 0.07


#: the same across languages: a translation scores lower than a paraphrase
#: in one language (e5: translations 0.86-0.93, paraphrases 0.88-0.97)
SAME_EVENT_MARGIN_ACROSS = 0.05


def same_event_bar(config, la: str, lb: str, margin_across: Optional[float] = None) -> float:
    """The slot-masked cosine from which two claims (languages ``la``, ``lb``)
    tell the same event: the link threshold plus ``[SAME-EVENT] margin`` in
    one language, ``margin-across`` across languages."""
    key, default = (("margin", SAME_EVENT_MARGIN) if la == lb
                    else ("margin-across", SAME_EVENT_MARGIN_ACROSS if margin_across is None else margin_across))
    return config.link_threshold() + float(config.rule_option("SAME-EVENT", key, default))


#: how much lower the same-event bar stands, for a rule that also asks the
#: token alignment for what it compares (NEG001: what the negation denies),
#: for two claims in two languages that the clusterer paired as each other's
#: best match a little under the link threshold (rule 11,
#: ``Pair.best_below``): a changed detail moves a sentence away from its
#: retelling, masked too ("... told reporters that the alarm on the sacristy
#: window had been disconnected and was never activated" / "La alarma de la
#: ventana se activó a las 4.10, pero ...": 0.88).  For every rule it let two
#: statements on one topic through as one ("dijo Yuriy Mukhin" / "The Cuban
#: foreign ministry has revealed": ATT001 set the two sources against each
#: other)
BEST_MATCH_EASE = 0.03


def same_event(pair, margin_across: Optional[float] = None, best_ease: bool = False) -> bool:
    """The claims tell the same event by the model: with their amounts, dates,
    names and sources masked and negation cues left out, they are paraphrases
    (for e5: >= 0.93 in one language, >= 0.91 across languages; with
    ``best_ease``, 0.03 less for two claims paired as each other's best
    match across languages under the link threshold), directly or each with
    a third claim of their cluster."""
    if pair.masked is None:
        return False

    def bar(la: str, lb: str) -> float:
        return same_event_bar(pair.config, la, lb, margin_across)

    if pair.masked >= bar(pair.a.lang, pair.b.lang):
        return True
    if best_ease and getattr(pair, "best_below", False) and \
            pair.masked >= bar(pair.a.lang, pair.b.lang) - BEST_MATCH_EASE:
        return True  # each other's best match across languages, paired under the link threshold
    # through a third telling in the cluster: a ~ k and k ~ b
    return any(ak >= bar(pair.a.lang, lk) and kb >= bar(lk, pair.b.lang)
               for ak, kb, lk in pair.event_paths)


#: how much closer two claims must get once the two compared names are masked
#: (same role: +0.01 to +0.09 on the story corpora; different roles: ~0)
SLOT_GAIN = 0.01


def align_bar(config) -> float:
    """The masked cosine (all slots masked) from which a claim pair's slots
    are worth aligning: the lower of the same-event bars in one language and
    across languages.  A rule asks more of the pair with just two slots
    masked (:func:`differ_only_in`), which reads no higher than with all of
    them masked."""
    margins = (float(config.rule_option("SAME-EVENT", "margin", SAME_EVENT_MARGIN)),
               float(config.rule_option("SAME-EVENT", "margin-across", SAME_EVENT_MARGIN_ACROSS)))
    return config.link_threshold() + min(margins)


def differ_only_in(pair, span_a: tuple[int, int], span_b: tuple[int, int],
                   gain: float = SLOT_GAIN) -> Optional[bool]:
    """Do the claims tell the same event, apart from the name at ``span_a``
    in ``a`` and the one at ``span_b`` in ``b``?  The cosine of the two texts
    with just those names masked, against the bar of :func:`same_event`.
    None when the pipeline gave no such vectors (the caller decides by words)."""
    va, vb = pair.variants_a.get(tuple(span_a)), pair.variants_b.get(tuple(span_b))
    if va is None or vb is None:
        return None
    masked = float(va @ vb)
    if masked < same_event_bar(pair.config, pair.a.lang, pair.b.lang):
        return False
    # masking the two names must bring the claims closer: names in different
    # roles ("Cuba's government has initiated ..." / "... forcing Cubans to
    # join the Russian military") leave the similarity where it was
    pa, pb = pair.variants_a.get(None), pair.variants_b.get(None)
    return pa is None or pb is None or masked - float(pa @ pb) >= gain


def clause_event(pair, span_a: tuple[int, int], span_b: tuple[int, int]) -> bool:
    """The things the two claims tell at ``span_a`` and ``span_b`` are one
    event: the telling of ``a`` that holds the slot at ``span_a`` and the
    telling of ``b`` that holds ``span_b`` (``slots.event_clauses``: a
    clause, or a relative clause with its name; a sentence that tells one
    thing is one telling, all its slots masked) are paraphrases by the
    same-event bar.  At least one of the two claims tells several things (a
    pair of whole sentences is :func:`same_event`'s to judge): "El director
    del Servicio de Emergencias, Gonzalo Aranguren, que ordenó el desalojo
    pasadas las once de la noche, explicó que ..." / "El delegado del
    Gobierno, Anselmo Rebollar, que ordenó el sábado por la noche el desalojo
    de los tres pueblos ..., ha prometido ayudas"."""
    sim = clause_similarity(pair, span_a, span_b)
    return sim is not None and sim >= same_event_bar(pair.config, pair.a.lang, pair.b.lang)


def clause_similarity(pair, span_a: tuple[int, int], span_b: tuple[int, int]) -> Optional[float]:
    """The best cosine between a telling of ``a`` that holds ``span_a`` and a
    telling of ``b`` that holds ``span_b`` (:func:`clause_event`), or None
    when neither claim tells several things (or no vectors were given)."""
    return tellings_similarity(pair.variants_a, span_a, pair.variants_b, span_b)


def tellings_similarity(variants_a, span_a: tuple[int, int], variants_b, span_b: tuple[int, int],
                        whole: bool = False) -> Optional[float]:
    """:func:`clause_similarity` on two claims' vectors (``SameEvent.variants``
    of each): a claim that tells one thing is its whole slot-masked text.
    With ``whole`` two such claims are compared whole too (else None)."""
    from ..slots import MASKED_ALL

    va = _tellings(variants_a, span_a)
    vb = _tellings(variants_b, span_b)
    if not va and not vb and not whole:
        return None
    if not va:
        va = [v for v in (variants_a.get(MASKED_ALL),) if v is not None]
    if not vb:
        vb = [v for v in (variants_b.get(MASKED_ALL),) if v is not None]
    sims = [float(x @ y) for x in va for y in vb]
    return max(sims) if sims else None


def shared_amounts(a, b) -> bool:
    """Both claims state one figure, with its unit (10 or more: "two" and
    "three" recur in any story): language-free evidence that two sentences
    tell one fact."""
    qa = {(q.value, q.unit) for q in a.facts.quantities if q.value >= 10}
    qb = {(q.value, q.unit) for q in b.facts.quantities if q.value >= 10}
    return bool(qa & qb)


def _tellings(variants, span: tuple[int, int]) -> list:
    """Vectors of the tellings (``slots.event_clause_key``) that hold ``span``."""
    out = []
    for key, vec in variants.items():
        if isinstance(key, tuple) and key and key[0] == "event-clause" \
                and any(x <= span[0] and span[1] <= y for x, y in key[1:]):
            out.append(vec)
    return out


def best_tellings(pair, margin: float = 0.03):
    """The telling of ``a`` and the telling of ``b`` (``slots.event_clauses``;
    a sentence that tells one thing is one telling, all its slots masked) that
    meet best, each the other's best by ``margin`` over any other pair that
    shares one of them: ((ranges of a, ranges of b), cosine).  None when
    neither claim tells several things, vectors are missing, or no pair
    stands out."""
    from ..slots import MASKED_ALL

    def tellings(claim, variants):
        out = [(key[1:], vec) for key, vec in variants.items()
               if isinstance(key, tuple) and key and key[0] == "event-clause"]
        if out:
            return out
        whole = variants.get(MASKED_ALL)
        return [(((claim.start, claim.end),), whole)] if whole is not None else []

    ta, tb = tellings(pair.a, pair.variants_a), tellings(pair.b, pair.variants_b)
    if not ta or not tb or (len(ta) < 2 and len(tb) < 2):
        return None
    sims = [[float(va @ vb) for _, vb in tb] for _, va in ta]
    i, j = max(((i, j) for i in range(len(ta)) for j in range(len(tb))), key=lambda k: sims[k[0]][k[1]])
    top = sims[i][j]
    rivals = [sims[i][k] for k in range(len(tb)) if k != j] + [sims[k][j] for k in range(len(ta)) if k != i]
    if rivals and top - max(rivals) < margin:
        return None
    return (ta[i][0], tb[j][0]), top



#: how much closer another telling of a sentence must read to the other
#: claim than the telling that holds a slot, for the other claim to be
#: taken as retelling that other statement, not the slot's
OTHER_TELLING_MARGIN = 0.02


def retells_other_telling(pair, span_a: tuple[int, int], span_b: tuple[int, int],
                          margin: float = OTHER_TELLING_MARGIN) -> bool:
    """The other claim retells a statement of one claim that does not hold
    its slot: a telling of ``a`` (``slots.event_clauses``) that does not
    hold ``span_a`` reads at least ``margin`` closer to ``b`` (its tellings
    that hold ``span_b``, or the whole of ``b`` slot-masked) than any
    telling of ``a`` that holds ``span_a`` does; or the same turned round.
    "Su consejero delegado, Ramiro Saldívar, aseguró que la inspección ...
    no detectó ningún fallo, aunque el sindicato minero ... sostiene que ya
    en febrero advirtió a la dirección" / "Su secretario general, Óscar
    Llancaqueo, afirmó que la organización alertó ... ya en enero": the
    second sentence retells the union's statement (0.943), not the chief
    executive's (0.913), so its source is not set against his.  False when
    neither claim tells several things or vectors are missing."""
    from ..slots import MASKED_ALL

    def tellings(variants):
        return [(key[1:], vec) for key, vec in variants.items()
                if isinstance(key, tuple) and key and key[0] == "event-clause"]

    def holds(ranges, span):
        return any(x <= span[0] and span[1] <= y for x, y in ranges)

    def other_closer(own, span, other, other_span):
        told = tellings(own)
        if len(told) < 2:
            return False
        facing = _tellings(other, other_span)
        if not facing and other.get(MASKED_ALL) is not None:
            facing = [other[MASKED_ALL]]
        if not facing:
            return False
        best = [(max(float(vec @ f) for f in facing), holds(ranges, span)) for ranges, vec in told]
        held = [s for s, h in best if h]
        rest = [s for s, h in best if not h]
        return bool(held and rest) and max(rest) >= max(held) + margin

    return (other_closer(pair.variants_a, span_a, pair.variants_b, span_b)
            or other_closer(pair.variants_b, span_b, pair.variants_a, span_a))


#: linked neighbouring tokens (``align.SlotLink.context``) from which a
#: slot link picks which of several slots is set against which
PICK_CONTEXT = 1


def aligned_pairs(pair, xs: Sequence, ys: Sequence, min_context: int = PICK_CONTEXT,
                  own_tokens: bool = True) -> list[tuple]:
    """The items of ``xs`` (claim a's names, amounts or dates: anything with
    ``start``/``end`` article offsets) paired with those of ``ys`` (claim b's)
    by the model's token alignment (``Pair.links``), best linked first: "a
    court in Aranzola ... from its plant in Mirasierra" / "from its factory
    in Torrelinde" sets Mirasierra, not Aranzola, against Torrelinde.  A link
    counts with ``min_context`` linked neighbouring tokens, or (with
    ``own_tokens``) with its own tokens linked."""
    by_a = {(x.start, x.end): x for x in xs}
    by_b = {(y.start, y.end): y for y in ys}
    found = [link for link in pair.links
             if tuple(link.span_a) in by_a and tuple(link.span_b) in by_b
             and (link.context >= min_context or (own_tokens and link.share > 0))]
    found.sort(key=lambda link: (-(link.context + link.share), -link.sim, tuple(link.span_a)))
    return [(by_a[tuple(link.span_a)], by_b[tuple(link.span_b)]) for link in found]


def phrase_similarity(pair, span_a: tuple[int, int], span_b: tuple[int, int]) -> Optional[float]:
    """Cosine of the name or source at ``span_a`` in ``a`` and the one at
    ``span_b`` in ``b``, each embedded on its own (None when the pipeline gave
    no such vectors).  The multilingual model puts a name and its translation
    close ("National Emergency Office" / "Oficina Nacional de Emergencias"
    0.93, "the regional police" / "la policía regional" 0.96) and two
    different sources further apart ("the city council" / "la policía
    regional" 0.80)."""
    from ..slots import phrase_key

    va, vb = pair.variants_a.get(phrase_key(span_a)), pair.variants_b.get(phrase_key(span_b))
    if va is None or vb is None:
        return None
    return float(va @ vb)


#: cosine of two names or sources embedded on their own at or above which
#: they are one name in two languages (translations 0.89-0.96; different
#: sources up to 0.87: "the union" / "la patronal")
PHRASE_SAME_ACROSS = 0.88
#: ... and at or below which two sources described in words are different
#: ("the city council" / "la policía regional" 0.80); between the two bars
#: nothing is said ("the fire brigade" / "los bomberos" 0.86)
PHRASE_DIFFERENT = 0.84


def glossary_name(text: str) -> bool:
    """A name made only of words the glossary translates ("Ministerio del
    Medio Ambiente", "Mining Ministry"): its key already says which it is."""
    from ..facts.attributions import name_parts

    concepts, other = name_parts(text)
    return bool(concepts) and not {w for w in other if len(w) > 3}


#: rapidfuzz ratio from which two one-word names may be one name in two
#: languages ("Warsaw" / "Varsovia" 57, "London" / "Londres" 62; "Merck" /
#: "Pfizer" 36)
ONE_WORD_NAME_RATIO = 50


def _spelled_alike(x: str, y: str) -> bool:
    from rapidfuzz import fuzz

    return x[:3] == y[:3] or fuzz.ratio(x, y) >= ONE_WORD_NAME_RATIO


def translated_name(pair, span_a: tuple[int, int], span_b: tuple[int, int]) -> bool:
    """Two names in claims of different languages that the model reads as one
    name translated ("Orvik Harbour Board" / "Junta del Puerto de Orvik"), or
    that translate each other word for word by a bilingual dictionary
    (``names.translated_word_for_word``).
    Two names the glossary knows are left to their keys: "Ministerio del
    Medio Ambiente" is not the Mining Ministry however close the model puts
    two ministries."""
    if pair.a.lang == pair.b.lang:
        return False
    texts = (pair.art_a.text[span_a[0]:span_a[1]], pair.art_b.text[span_b[0]:span_b[1]])
    if all(glossary_name(t) for t in texts):
        return False
    from ..facts.names import translated_word_for_word

    if translated_word_for_word(*texts):
        return True  # a bilingual dictionary says so: "Black Stone Foundation" / "Fundación Piedra Negra"
    words = [fold(t).split() for t in texts]
    if all(len(w) == 1 for w in words) and not _spelled_alike(words[0][0], words[1][0]):
        # one word each, spelled apart: two names, however close the model
        # puts them on their own ("Merck" / "Pfizer" 0.88; "Warsaw" /
        # "Varsovia", "Moscow" / "Moscú" are spelled alike)
        return False
    sim = phrase_similarity(pair, span_a, span_b)
    bar = float(pair.config.rule_option("SAME-EVENT", "phrase-same-across", PHRASE_SAME_ACROSS))
    return sim is not None and sim >= bar


def negation_gain(pair) -> Optional[float]:
    """How much closer the two claims get once their negation cues are left
    out, as a share of the distance between them (1 - cosine): large when
    the negation is what tells them apart ("has not called a strike" /
    "called a strike"; in a long sentence the cue moves the vector little,
    but it is still most of the distance), about nothing when the negative
    sentence says in other words what the positive one says ("is not yet
    known" / "too early to say").  None when the pipeline gave no such
    vectors."""
    from ..slots import NEGATION_DROPPED

    pa, pb = pair.variants_a.get(None), pair.variants_b.get(None)
    if pa is None or pb is None:
        return None
    da = pair.variants_a.get(NEGATION_DROPPED, pa)
    db = pair.variants_b.get(NEGATION_DROPPED, pb)
    if da is pa and db is pb:
        return None
    return closed_share(float(pa @ pb), float(da @ db))


def closed_share(plain: float, dropped: float) -> float:
    """The share of the distance ``1 - plain`` that a cosine of ``dropped``
    closes (:func:`negation_gain`'s measure)."""
    if plain >= 1.0 - 1e-6:
        return 1.0 if dropped >= plain else 0.0
    return (dropped - plain) / (1.0 - plain)


def shared_keys(pair, skip: Iterable[str] = ()) -> set[str]:
    """Entity keys both claims mention, leaving out story-wide background keys."""
    return (entity_keys(pair.a) & entity_keys(pair.b)) - set(pair.background) - set(skip)


def same_topic(pair, extra_exclude: Iterable[tuple[int, int]] = (), skip: Iterable[str] = ()
               ) -> tuple[bool, float]:
    """Evidence, beyond the cluster, that two claims speak of the same thing.

    Returns (ok, strength).  In one language: most of the shorter claim's content
    words are in the other (containment >= 0.6), or a shared non-background
    entity plus some shared wording (>= 0.3).  Across languages (words cannot be
    compared without a lexicon): a shared non-background entity AND a direct
    embedding link at or above the link threshold.  In either case a direct link
    ``STRONG_LINK_MARGIN`` above the threshold is enough on its own.
    """
    a, b = pair.a, pair.b
    shared = shared_keys(pair, skip)
    if a.lang == b.lang:
        ex = list(extra_exclude)
        wa, wb = content_words(a, ex), content_words(b, ex)
        words = containment(wa, wb) if len(wa & wb) >= 2 else 0.0
        ok = words >= 0.6 or (bool(shared) and words >= 0.3)
        if ok:
            return ok, min(1.0, words * 0.8 + 0.2 * len(shared))
    elif shared and linked(pair):
        return True, min(1.0, 0.3 + 0.2 * len(shared))
    if strongly_linked(pair):
        return True, 0.3
    return False, 0.0


def generic_source(att: Attribution, lang: str) -> bool:
    """True for sources that name nobody ("the statement", "it", "el informe")."""
    data = rules_data(lang).get("attribution", {})
    generic = {fold(s) for s in data.get("generic_sources", [])}
    spaces = set(data.get("generic_namespaces", []))
    src = fold(att.source)
    if att.key and ":" in att.key and att.key.split(":", 1)[0] in spaces:
        return True
    return not src or src in generic or fold(att.key) in generic


def label(article: Article) -> str:
    return article.label


def quote(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


def names_judgement(pair, x: Entity, y: Entity, head: str, confidence: float,
                    verb: str = "") -> Judgement:
    """A finding on two names, ``x`` in claim a and ``y`` in claim b:
    "<head>: A says "x"<verb> but B says "y"", values and spans from the texts."""
    va, vb = pair.art_a.text[x.start:x.end], pair.art_b.text[y.start:y.end]
    return Judgement(
        message=(f"{head}: {label(pair.art_a)} says {quote(va)}{verb} "
                 f"but {label(pair.art_b)} says {quote(vb)}"),
        value_a=va, value_b=vb, span_a=(x.start, x.end), span_b=(y.start, y.end),
        compared=(x.key, y.key), confidence=confidence)


#: granularities of a whole period, not of an event's day
PERIOD_GRANULARITIES = ("year", "quarter", "half", "season", "decade")


def figures_of_other_years(pair) -> bool:
    """Both claims state an amount, of other values, and are dated by whole
    years (or other periods) only, none shared: "Germany's economy expanded by 1.7% in 2004" /
    "In 2003, the economy expanded by 1.3%" report two years' figures, neither
    a misdated event nor a wrong amount.  An event's date given to the day
    ("won on October 29 with 48.6%" / "on October 28 with 46.8%") is not
    this."""
    import datetime as _dt

    da = [d for d in pair.a.facts.dates if d.resolved and d.low]
    db = [d for d in pair.b.facts.dates if d.resolved and d.low]
    if not da or not db or not pair.a.facts.quantities or not pair.b.facts.quantities:
        return False
    if any(d.granularity not in PERIOD_GRANULARITIES for d in da + db):
        return False

    def meet(x, y) -> bool:
        return not ((x.high or _dt.date.max) < y.low or (y.high or _dt.date.max) < x.low)

    if any(meet(x, y) for x in da for y in db):
        return False
    # and the amounts differ: a misdated event keeps its amount ("the 495,000
    # rubles paid in 2023" / "... in 2021" is a date disagreement)
    from .quantity import other_values

    return other_values(pair)


def fragment(claim) -> bool:
    """A line of a list or a table rather than a sentence: no lower-case
    word of three letters or more ("Subs Not Used: Martin, Palmer.", "Ireland
    21-19 Argentina", "19 Nathalie Dechy (France)"; "In June, Álvaro López
    Miera visited Moscow." is a sentence).  A headline, often written in title
    case, is no fragment when it has three words or more of three letters and
    no list in it ("Quake In Ecuador Kills 14"; not "Chelsea v Birmingham",
    "Harwick Town: Dunn, Ames, Kerr")."""
    words = _LOWER_WORD.findall(claim.text)
    if any(w[0].islower() for w in words):
        return False
    if getattr(claim, "headline", False):
        return len(words) < 3 or ":" in claim.text or claim.text.count(",") >= 2
    return True


_LOWER_WORD = re.compile(r"[^\W\d_]{3,}")
