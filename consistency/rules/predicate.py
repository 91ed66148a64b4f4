"""NEG: the same event told with opposite predicates ("rose" / "fell").

The poles come from ``consistency/lang/<lang>/antonyms.toml``: concepts
("change-direction", "approval", "custody" ...) with a ``plus`` and a
``minus`` list of forms per language, plus exception phrases ("rose to power",
"fell ill", "up to", "perdió la vida").  Concepts share their names across
languages, so "subió" and "fell" are opposite poles of "change-direction".

NEG002 fires only when all of these hold (precision first):

* each claim uses exactly one pole of the concept once the pole words both
  claims say alike are set aside (a claim with "rose ... and fell" is left
  alone; "higher" in both of "rose on fears that higher costs ..." /
  "dropped amid concerns that higher costs ..." is shared wording);
* neither pole is negated ("did not rise" vs "fell" agree; "did not rise" vs
  "did not fall" say nothing certain);
* the claims are about the same event: in one language the wording left once
  the pole words and attributions are cut out is mostly shared (containment
  >= ``min_overlap``), with at least three shared words or one plus a shared
  entity, number or day, or a strong embedding link; across languages a direct
  link plus a shared entity, number, day or cognates (as ENT001 does), or a
  strong link plus a shared number or date of any granularity;
* each pole stands near that shared content (within ``window`` words), so the
  predicate governs the shared subject or object, not another clause;
* the nearest name before each pole is the same one, or missing on one side
  ("Madrid beat Barcelona" and "Barcelona lost to Madrid" agree).

Opposites the table does not hold come from WordNet when it is installed
(``consistency/wordnet.py``; ``lexical_database`` in
``lang/<lang>/antonyms.toml``): "applauded" / "booed", "low wages" / "high
wages", in one language, under the same tests.  In verify mode two opposite
words standing between the same words, with a name, number or date shared,
contradict even when the rest of the sentences differs (:meth:`NEG002.nearest`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .. import lang as langdata
from ..records import Claim, Entity
from .actor import across_languages, cognates
from .base import Judgement, Pair, Rule, register
from .common import (WORD_RE, containment, content_words, entity_keys, fold, label, linked, quote,
                     same_entity, shared_keys, strongly_linked)
from .negation import effective

#: words allowed between a negation cue and the pole it denies ("did not even rise")
NEG_WINDOW = 4
#: "..." in an exception phrase: up to this many words
GAP_WORDS = 3


@dataclass(frozen=True)
class Hit:
    """One pole word or phrase found in a claim (article-text offsets)."""

    concept: str
    pole: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Concept:
    name: str
    forms: tuple[tuple[str, re.Pattern], ...]  # (pole, pattern)
    exceptions: tuple[re.Pattern, ...]
    #: the first word of each form: a form cannot match a text without it
    words: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1 << 16)
def _lower(text: str) -> str:
    """Lowercase without changing the length (offsets stay valid); accents kept."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _form_pattern(form: str) -> re.Pattern:
    form = _lower(form.strip())
    stem = form.endswith("*")
    words = form.rstrip("*").split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(r"(?<![\w’'-])" + body + (r"\w*" if stem else r"(?![\w’'-])"))


def _exception_pattern(phrase: str) -> re.Pattern:
    parts = []
    for w in _lower(phrase.strip()).split():
        parts.append(rf"(?:\S+\s+){{0,{GAP_WORDS}}}?" if w == "..." else re.escape(w) + r"\s+")
    body = "".join(parts)
    body = body[:-3] if body.endswith(r"\s+") else body
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> tuple[_Concept, ...]:
    """The concepts of ``lang/<lang>/antonyms.toml`` with compiled forms."""
    out = []
    for pair in langdata.load(lang, "antonyms").get("pair", []):
        texts = [(pole, f) for pole in ("plus", "minus") for f in pair.get(pole, [])]
        forms = tuple((pole, _form_pattern(f)) for pole, f in texts)
        words = tuple((_lower(f.strip()).rstrip("*").split() or [""])[0] for _, f in texts)
        exc = tuple(_exception_pattern(p) for p in pair.get("except", []))
        out.append(_Concept(pair["concept"], forms, exc, words))
    return tuple(out)


def pole_hits(claim: Claim) -> list[Hit]:
    """Pole words of the claim outside exception phrases; overlapping hits keep
    the longest ("was defeated" over "defeated"), then the earliest; the same
    words may stand for poles of two concepts."""
    return list(_pole_hits(claim.text, claim.start, claim.lang))


@functools.lru_cache(maxsize=1 << 14)
def _pole_hits(text: str, start: int, lang: str) -> tuple[Hit, ...]:
    """:func:`pole_hits` memoised on what it depends on (asked once per pair)."""
    low = _lower(text)
    found = []
    for concept in lexicon(lang):
        live = [form for form, word in zip(concept.forms, concept.words) if word in low]
        if not live:
            continue
        excused = [m.span() for p in concept.exceptions for m in p.finditer(low)]
        for pole, pat in live:
            for m in pat.finditer(low):
                if any(s <= m.start() and m.end() <= e for s, e in excused):
                    continue
                found.append(Hit(concept.name, pole, start + m.start(),
                                 start + m.end(), text[m.start():m.end()]))
    kept: list[Hit] = []
    for h in sorted(found, key=lambda h: (-(h.end - h.start), h.start, h.concept)):
        # the same words may be a pole of two concepts ("approved": an
        # approval and a permission); otherwise overlaps keep the longest
        if not any(h.start < k.end and k.start < h.end and (k.start, k.end) != (h.start, h.end)
                   for k in kept):
            kept.append(h)
    return tuple(sorted(kept, key=lambda h: (h.start, h.concept)))


def _word_starts(claim: Claim) -> list[int]:
    return [claim.start + m.start() for m in WORD_RE.finditer(claim.text)]


def _word_index(starts: list[int], pos: int) -> int:
    return next((i for i, s in enumerate(starts) if s >= pos), len(starts))


@functools.lru_cache(maxsize=1 << 14)
def _all_cues(text: str, start: int, lang: str) -> tuple:
    """Every negation cue of a claim, requested ones included (memoised: the
    rule asks once per pole and pair)."""
    from ..facts.negation import find as find_negations
    from ..records import Negation

    return tuple(Negation(cue=c, start=s + start, end=e + start, scope=sc)
                 for s, e, c, sc in find_negations(text, lang, requested=True))


def negated(claim: Claim, hit: Hit) -> bool:
    """An effective negation stands shortly before the pole ("did not rise", "no aprobó"),
    or a requested one ("urged the board not to approve": no approval)."""
    starts = _word_starts(claim)
    at = _word_index(starts, hit.start)
    cues = list(effective(claim)) + list(_all_cues(claim.text, claim.start, claim.lang))
    for n in cues:
        if n.end <= hit.start and at - _word_index(starts, n.end) <= NEG_WINDOW:
            return True
        if n.start <= hit.start < n.end:  # "won't" style cues
            return True
    return False


def subject(claim: Claim, hit: Hit) -> Optional[Entity]:
    """The nearest name before the pole that is not the source of an attribution."""
    spans = [(x.source_start, x.source_end) for x in claim.facts.attributions
             if x.source_start is not None]
    before = [e for e in claim.facts.entities if e.end <= hit.start
              and not any(s <= e.start < t for s, t in spans)]
    return max(before, key=lambda e: e.end) if before else None


def _positions(claim: Claim, words: set[str], keys: set[str],
               cut: list[tuple[int, int]]) -> dict[str, int]:
    """First word index of each shared item in the claim: shared words (by
    6-letter stem, or whole folded word for cognates), shared entity keys and
    numbers (as ``#value``)."""
    starts = _word_starts(claim)
    out: dict[str, int] = {}
    for i, m in enumerate(WORD_RE.finditer(claim.text)):
        pos = claim.start + m.start()
        w = fold(m.group())
        if any(s <= pos < e for s, e in cut):
            continue
        for item in (w, w[:6]):
            if item in words:
                out.setdefault(item, i)
    for e in claim.facts.entities:
        if e.key in keys:
            out.setdefault(e.key, _word_index(starts, e.start))
    for item, start in _facts(claim).items():
        if item in words:
            out.setdefault(item, _word_index(starts, start))
    return out


def near(claim: Claim, hit: Hit, anchors: dict[str, int], window: int) -> bool:
    """The pole stands within ``window`` words of some shared content."""
    at = _word_index(_word_starts(claim), hit.start)
    return any(abs(at - i) <= window for i in anchors.values())


def swapped(pos_a: dict[str, int], at_a: int, pos_b: dict[str, int], at_b: int,
            same: dict[str, str]) -> bool:
    """Shared content swaps sides of the pole: one item before it in a and after
    it in b, another after it in a and before it in b ("Madrid beat Barcelona"
    / "Barcelona lost to Madrid")."""
    ab = ba = False
    for item_a, item_b in same.items():
        if item_a not in pos_a or item_b not in pos_b:
            continue
        before_a, before_b = pos_a[item_a] < at_a, pos_b[item_b] < at_b
        ab |= before_a and not before_b
        ba |= before_b and not before_a
    return ab and ba


def same_event(pair: Pair, cut_a: list[tuple[int, int]], cut_b: list[tuple[int, int]],
               min_overlap: float) -> tuple[bool, float, dict[str, str]]:
    """(same event?, strength, shared items a -> b) with the pole spans cut out."""
    a, b = pair.a, pair.b
    keys = shared_keys(pair)
    if a.lang == b.lang:
        wa, wb = content_words(a, cut_a), content_words(b, cut_b)
        shared = wa & wb
        overlap = containment(wa, wb) if shared else 0.0
        backed = bool(keys) or shared_facts(a, b) or strongly_linked(pair)
        ok = overlap >= min_overlap and (len(shared) >= 3 or backed)
        items = {w: w for w in shared}
        strength = min(1.0, overlap * 0.8 + 0.2 * len(keys))
    else:
        ok, strength = across_languages(pair, keys, cut_a + cut_b)
        if not ok and strongly_linked(pair) and shared_facts(a, b):
            ok, strength = True, 0.3  # "January 2025" / "enero de 2025" and a paraphrase link
        items = dict(cognates(a, b, cut_a + cut_b))
    items.update({k: k for k in keys})
    for q in shared_facts(a, b):
        items[q] = q
    return ok, strength, items


def _facts(claim: Claim) -> dict[str, int]:
    """The claim's numbers (``#kind:value:unit``) and resolved dates
    (``@low/high``), each with the start of its first mention."""
    out: dict[str, int] = {}
    for q in claim.facts.quantities:
        out.setdefault(f"#{q.kind}:{q.value:g}:{q.unit}", q.start)
    for d in claim.facts.dates:
        if d.resolved:
            out.setdefault(f"@{d.low}/{d.high}", d.start)
    return out


def shared_facts(a: Claim, b: Claim) -> set[str]:
    """Numbers and resolved dates both claims state (see :func:`_facts`)."""
    return set(_facts(a)) & set(_facts(b))


def _cut(claim: Claim, hits: list[Hit]) -> list[tuple[int, int]]:
    """Spans left out when comparing wording: the pole words and attributions."""
    return [(h.start, h.end) for h in hits] + [(x.start, x.end) for x in claim.facts.attributions]


def _unshared(pair: Pair, ha: list[Hit], hb: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """The pole hits of each claim less those the other claim says alike: a
    pole of one concept in both, the same word in one language ("higher iron
    ore costs" in both of "Shares rose on fears that higher iron ore costs
    ..." / "Shares have dropped amid concerns that higher iron ore costs
    ..."), or words the model reads alike around them across languages
    (:func:`poles_aligned`).  What is left tells the two claims apart."""
    left_b = list(hb)
    own_a = []
    for x in ha:
        twin = next((y for y in left_b if y.concept == x.concept and y.pole == x.pole and (
            _lower(x.text) == _lower(y.text) if pair.a.lang == pair.b.lang else poles_aligned(pair, x, y))), None)
        if twin is None:
            own_a.append(x)
        else:
            left_b.remove(twin)
    return own_a, left_b


def _one_pole(hits: list[Hit], concept: str) -> Optional[Hit]:
    mine = [h for h in hits if h.concept == concept]
    return mine[0] if mine and len({h.pole for h in mine}) == 1 else None


def _linked_alike(pair: Pair) -> bool:
    """In one language, the two sentences read at the link threshold or
    closer: the shared words of a frame say they are one statement even
    with no name, number or date in common ("may make it easier for the
    council to raise rents" / "may now find it more difficult to raise
    rents").  Across languages the frame's words are rarely shared, and
    what is shared ("Real Madrid", "4-0") is no frame."""
    return pair.a.lang == pair.b.lang and linked(pair)


def _framed_poles(pair: Pair, own_a: list[Hit], own_b: list[Hit],
                  concept: str) -> tuple[Optional[Hit], Optional[Hit]]:
    """A claim that holds both poles of ``concept`` says two things ("include
    reducing internal UK air travel and boosting electric trains"): the
    pole set against the other claim's is the one pair of opposite poles
    standing in one frame (:func:`_same_frame`: "suggested increasing
    internal UK flights"), when no pair of like poles does.  (None, None)
    otherwise."""
    xs = [h for h in own_a if h.concept == concept]
    ys = [h for h in own_b if h.concept == concept]
    framed = [(x, y) for x in xs for y in ys if _same_frame(pair, x, y)]
    opposite = [(x, y) for x, y in framed if x.pole != y.pole]
    if len(opposite) == 1 and len(framed) == 1:
        return opposite[0]
    return None, None


#: margin over the link threshold of the pole-masked cosine (option ``model_margin``)
POLES_MARGIN = 0.03
#: cosine of the words around the two poles (each masked) at or above which
#: they are one predicate said two ways ("The OECD has [P] its growth
#: forecasts for" / "the OECD [P] its growth predictions for" 0.97; "... its
#: growth forecasts for" / "the storm of price [P], according to" 0.93).
#: Option ``context_min``.  Across languages the two windows are translations
#: and sit lower ("de pasajeros del puerto [P] una décima parte el" /
#: "numbers at the port [P] by a tenth last" 0.91): option ``context_min_across``.
POLE_CONTEXT = 0.95
POLE_CONTEXT_ACROSS = 0.90


def _other_figures(pair: Pair) -> bool:
    """The two claims' amounts, paired as QTY pairs them, include two of
    other values: a rise of 0.7% and a fall of 0.1% are two measurements (two
    quarters, two countries), whereas "shares rose 5%" / "shares fell 5%" is
    one change told two ways, and "more than 160" / "fewer than 160" one
    figure with opposite comparisons."""
    from .quantity import other_values

    return other_values(pair)


@functools.lru_cache(maxsize=None)
def _stems(forms: tuple[str, ...]):
    """A test for a lower-cased word: one of ``forms``, read as the antonym
    forms are (:func:`_form_pattern`: "immigra*" a stem)."""
    patterns = tuple(_form_pattern(f) for f in forms)
    return lambda w: any(p.fullmatch(w) for p in patterns)


def _words(claim: Claim) -> list[tuple[str, int, int]]:
    """(lower-cased word, start, end) of each word, article offsets."""
    return [(m.group().lower(), m.start() + claim.start, m.end() + claim.start)
            for m in WORD_RE.finditer(claim.text)]


@functools.lru_cache(maxsize=1 << 14)
def _in_table(word: str, lang: str) -> bool:
    """The word is a form of the antonym table: the table decides for it,
    exceptions ("fell ill", "rose to power") included."""
    return any(p.fullmatch(word) for c in lexicon(lang) for _, p in c.forms)


def _ending(word: str, lang: str) -> Optional[str]:
    """The word's inflectional ending ("" for none) among the language's
    ``inflection_endings`` (``lang/<lang>/antonyms.toml``); None when the
    language lists none."""
    endings = langdata.load(lang, "antonyms").get("inflection_endings")
    if not endings:
        return None
    return next((e for e in endings if word.endswith(e) and len(word) > len(e) + 2), "")


def _ending_in(claim: Claim, word: str, start: int) -> Optional[str]:
    """:func:`_ending` of the word at article offset ``start``; a word with
    no ending after a degree word (``degree_words`` in
    ``lang/<lang>/antonyms.toml``: "more difficult") takes the ending that
    word stands for ("er", as in "easier")."""
    ending = _ending(word, claim.lang)
    if ending != "":
        return ending
    degree = langdata.load(claim.lang, "antonyms").get("degree_words", {})
    before = WORD_RE.findall(claim.text[:start - claim.start])
    return degree.get(fold(before[-1]), "") if before and degree else ""


def _around(claim: Claim, hit: Hit, n: int) -> tuple[list[str], list[str]]:
    """The ``n`` content words before the hit (nearest last) and the ``n``
    after it (nearest first), as 6-letter stems."""
    from .common import _stopwords

    stop = _stopwords(claim.lang)
    words = [(fold(w)[:6], s) for w, s, _ in _words(claim) if len(w) >= 3 and fold(w) not in stop]
    before = [w for w, s in words if s < hit.start]
    after = [w for w, s in words if s >= hit.end]
    return before[-n:], after[:n]


def _neighbours(claim: Claim, hit: Hit) -> tuple[str, str]:
    """The content words just before and just after the hit (6-letter stems, "" at an edge)."""
    before, after = _around(claim, hit, 1)
    return (before[-1] if before else "", after[0] if after else "")


#: content words read on each side of two opposite words, and how many of
#: them must be shared on one side, for the two to stand in one frame when
#: their nearest neighbours differ ("make it easier for the government to
#: raise taxes" / "find it more difficult to raise taxes")
FRAME_WORDS = 3
FRAME_SHARED = 2


def _same_frame(pair: Pair, x: Hit, y: Hit) -> bool:
    """The two opposite words stand between the same content words: the word
    after both is one ("started running on Friday" / "stopped running on
    Friday", "low wages" / "high wages"), or the word before both; or, of
    the ``FRAME_WORDS`` content words on one side of each, ``FRAME_SHARED``
    are the same ("easier for the government to raise taxes" / "more
    difficult to raise taxes, a policy")."""
    (ba, aa), (bb, ab) = _around(pair.a, x, FRAME_WORDS), _around(pair.b, y, FRAME_WORDS)
    if (aa and ab and aa[0] == ab[0]) or (ba and bb and ba[-1] == bb[-1]):
        return True
    return len(set(aa) & set(ab)) >= FRAME_SHARED or len(set(ba) & set(bb)) >= FRAME_SHARED


def opposites(lang: str, x: str, y: str) -> bool:
    """Two lower-cased words of one language are opposites: poles of one
    concept of the antonym table ("rise" / "fell"), or opposites in the
    language's lexical database ("applaud" / "booed")."""
    if x == y:
        return False
    for concept in lexicon(lang):
        px = {pole for pole, p in concept.forms if p.fullmatch(x)}
        py = {pole for pole, p in concept.forms if p.fullmatch(y)}
        if len(px) == 1 and len(py) == 1 and px != py:
            return True
    kx, ky = _lexical_key(x, lang), _lexical_key(y, lang)
    if kx and ky and kx != ky:
        from .. import wordnet
        return wordnet.opposite(kx, ky)
    return False


@functools.lru_cache(maxsize=None)
def _reading(lang: str) -> Optional[str]:
    """How ``lang`` reads the lexical database: "words" (its own words are
    the database's), "concepts" (through ``lang/<lang>/lexicon.toml``, whose
    concepts are English lemmas) or None."""
    data = langdata.load(lang, "antonyms")
    if data.get("lexical_database") != "wordnet":
        return None
    return data.get("lexical_database_reads", "words")


@functools.lru_cache(maxsize=1 << 16)
def _lexical_key(word: str, lang: str) -> Optional[str]:
    """What the lexical database is asked about a lower-cased word: the word,
    or its lexicon concept ("bajos" -> "low"); None when there is nothing to ask."""
    how = _reading(lang)
    if how == "words":
        return word
    if how == "concepts":
        from ..lexicon import concept

        return concept(fold(word), lang)
    return None


@functools.lru_cache(maxsize=1 << 15)
def _text_bases(text: str, lang: str, where) -> frozenset[str]:
    """The lexical database's (at ``where``) base forms of every word of ``text``."""
    from .. import wordnet

    keys = (_lexical_key(m.group().lower(), lang) for m in WORD_RE.finditer(text))
    return frozenset(f for k in keys if k for f in wordnet.base_forms(k))


@functools.lru_cache(maxsize=1 << 15)
def _text_opposites(text: str, lang: str, where) -> frozenset[str]:
    """The lexical database's (at ``where``) opposites of every word of ``text``."""
    from .. import wordnet

    keys = (_lexical_key(m.group().lower(), lang) for m in WORD_RE.finditer(text))
    return frozenset(f for k in keys if k for f in wordnet.antonyms(k))


def _plain_words(claim: Claim) -> list[tuple[str, int, int]]:
    """The claim's words a lexical database may pair: lower-cased, three
    letters or more, no stop word, none inside a name (an entity, or a
    capitalised word after the first), none the antonym table excuses ("fell
    ill"), not a first word set off by a comma ("Well, ...")."""
    from .common import _stopwords

    stop = _stopwords(claim.lang)
    names = [(e.start, e.end) for e in claim.facts.entities]
    hits = pole_hits(claim)
    out = []
    for i, (w, s, e) in enumerate(_words(claim)):
        raw = claim.text[s - claim.start:e - claim.start]
        if len(w) < 3 or fold(w) in stop or (i and raw[:1].isupper()):
            continue
        if not i and claim.text[e - claim.start:e - claim.start + 1] == ",":
            continue  # a sentence's first word set off by a comma tells no event ("Well, 2019 was ...")
        if _in_table(w, claim.lang) and not any(h.start == s and h.end == e for h in hits):
            continue  # "fell" of "fell ill": the table's exception holds
        if any(a <= s < b for a, b in names):
            continue
        out.append((w, s, e))
    return out


def poles_aligned(pair: Pair, x: Hit, y: Hit) -> bool:
    """The words around pole ``x`` of ``a`` and pole ``y`` of ``b`` read alike
    for the model (see :data:`POLE_CONTEXT`)."""
    from ..slots import pole_key

    va, vb = pair.variants_a.get(pole_key(x)), pair.variants_b.get(pole_key(y))
    if va is None or vb is None:
        return False
    if pair.a.lang != pair.b.lang:
        return float(va @ vb) >= float(NEG002.option(pair.config, "context_min_across", POLE_CONTEXT_ACROSS))
    return float(va @ vb) >= float(NEG002.option(pair.config, "context_min", POLE_CONTEXT))


def poles_same_event(pair: Pair) -> bool:
    """With their pole words masked (``slots.POLES_MASKED``) the two claims
    are paraphrases for the model -- at the same-event bar over the link
    threshold -- and masking brought them closer.  False when the pipeline
    gave no such vectors."""
    from ..slots import POLES_MASKED
    from .common import SLOT_GAIN

    va, vb = pair.variants_a.get(POLES_MASKED), pair.variants_b.get(POLES_MASKED)
    pa, pb = pair.variants_a.get(None), pair.variants_b.get(None)
    if va is None or vb is None or pa is None or pb is None:
        return False
    bar = pair.config.link_threshold() + float(NEG002.option(pair.config, "model_margin", POLES_MARGIN))
    masked = float(va @ vb)
    return masked >= bar and masked - float(pa @ pb) >= SLOT_GAIN


@register
class NEG002(Rule):
    """The same event is told with opposite predicates.

    Inconsistent:
        en: "Exports rose 5% in March, the ministry said."
        es: "Las exportaciones cayeron un 5% en marzo."

    Consistent:
        en: "Exports did not rise in March."
        en: "Exports fell in March."

    The opposites are ``lang/<lang>/antonyms.toml``; pairs it lacks come
    from WordNet when it is installed ("applauded" / "booed"; Spanish words
    through their lexicon concepts), in one language.
    """

    code = "NEG002"
    name = "opposite-predicates"
    kind = "negation"
    severity = "error"

    def check(self, pair: Pair) -> Iterable[Judgement]:
        if _other_figures(pair):
            return  # "GDP fell 0.1%" / "GDP rose 0.7%": two measurements, not one told two ways
        for found in (list(self._prefixed(pair)), list(self._poles(pair)), list(self._lexical(pair))):
            if found:
                yield from found
                return

    def nearest(self, pair: Pair) -> Iterable[Judgement]:
        """Verify mode: ``pair.b`` is one of the source sentences closest to
        the report sentence ``pair.a``; beside what :meth:`check` asks, two
        opposite words standing between the same words tell one event told
        two ways even when the rest of the sentences differ ("Kenyon told
        BBC Five Live the Dutch winger ... had stopped running on Friday" /
        "He's been responding well to treatment and started running on
        Friday"): :func:`_same_frame`, with a name, number or date shared
        (in one language, or the two sentences linked: :func:`_linked_alike`).
        A claim holding both poles of a concept sets against the other's
        pole the one that stands in its frame (:func:`_framed_poles`).
        Between two articles' sentences that is too little (the first day of
        a ban, the last day before it)."""
        if _other_figures(pair):
            return
        for found in (list(self._poles(pair, frame=True)), list(self._lexical(pair, frame=True))):
            if found:
                yield from found
                return

    def _poles(self, pair: Pair, frame: bool = False) -> Iterable[Judgement]:
        """Opposite poles of one concept of ``lang/<lang>/antonyms.toml``."""
        ha, hb = pole_hits(pair.a), pole_hits(pair.b)
        if not ha or not hb:
            return
        both = {h.concept for h in ha} & {h.concept for h in hb}
        concepts = [c.name for c in lexicon(pair.a.lang) if c.name in both]
        if not concepts:
            return
        cut_a = _cut(pair.a, ha)
        cut_b = _cut(pair.b, hb)
        # shared wording first; when it falls short, the model: with the pole
        # words masked the two sentences are paraphrases ("The OECD has [P]
        # its growth forecasts" / "the OECD [P] its growth predictions") and
        # the words around the two poles read alike
        ok, strength, same = same_event(pair, cut_a, cut_b, self.option(pair.config, "min_overlap", 0.6))
        by_model = not ok and poles_same_event(pair) and any(
            poles_aligned(pair, x, y) for x in ha for y in hb if x.concept == y.concept and x.pole != y.pole)
        if by_model:
            ok, strength, same = True, 0.5, {}
        # the rest of the two sentences differs, but a pair of opposite poles
        # stands between the same words ("praised ministers for reaching the
        # benchmark of 750,000 adults" / "criticised ministers for getting
        # 750,000 adults") and the claims share a name, number or date, or
        # in one language read linked (:func:`_linked_alike`)
        by_frame = frame and not ok and bool(
            shared_keys(pair) or shared_facts(pair.a, pair.b) or _linked_alike(pair)) and any(
            _same_frame(pair, x, y) for x in ha for y in hb if x.concept == y.concept and x.pole != y.pole)
        if by_frame:
            ok, strength, same = True, 0.3, {}
        if not ok:
            return
        window = self.option(pair.config, "window", 6)
        keys = shared_keys(pair)
        pos_a = _positions(pair.a, set(same), keys, cut_a)
        pos_b = _positions(pair.b, set(same.values()), keys, cut_b)
        own_a, own_b = _unshared(pair, ha, hb)
        for concept in concepts:
            x, y = _one_pole(own_a, concept), _one_pole(own_b, concept)
            if frame and (x is None or y is None) and pair.a.lang == pair.b.lang:
                x, y = _framed_poles(pair, own_a, own_b, concept)
            if x is None or y is None or x.pole == y.pole:
                continue
            if negated(pair.a, x) or negated(pair.b, y):
                continue
            if by_model and not poles_aligned(pair, x, y):
                continue
            if by_frame and not _same_frame(pair, x, y):
                continue
            if not (by_model or by_frame) and not (near(pair.a, x, pos_a, window) and near(pair.b, y, pos_b, window)):
                continue
            found = self._opposed(pair, x, y, pos_a, pos_b, same, concept, (concept, x.pole, y.pole), strength)
            if found is not None:
                yield found
                return

    def _prefixed(self, pair: Pair) -> Iterable[Judgement]:
        """One claim says a word, the other the word with a negative prefix
        ("likely" / "unlikely", "legal" / "illegal", "posible" /
        "imposible": ``negative_prefixes`` in ``lang/<lang>/antonyms.toml``),
        in one language, about the same thing (shared wording around it)."""
        if pair.a.lang != pair.b.lang:
            return
        data = langdata.load(pair.a.lang, "antonyms")
        prefixes = tuple(data.get("negative_prefixes", []))
        if not prefixes:
            return
        not_prefixed = _stems(tuple(data.get("not_prefixed", [])))
        wa, wb = _words(pair.a), _words(pair.b)
        la, lb = {w for w, _, _ in wa}, {w for w, _, _ in wb}
        for (words_x, set_x, claim_x), (words_y, set_y, claim_y), flip in (
                ((wa, la, pair.a), (wb, lb, pair.b), False), ((wb, lb, pair.b), (wa, la, pair.a), True)):
            for w, s, e in words_x:
                if not_prefixed(w):
                    continue  # "immigration" is not "not migration"
                base = next((w[len(p):] for p in prefixes if w.startswith(p) and len(w) - len(p) >= 4
                             and w[len(p):] in set_y and w[len(p):] not in set_x and w not in set_y), None)
                if base is None:
                    continue
                ys, ye = next((ys, ye) for v, ys, ye in words_y if v == base)
                neg = Hit("negative-prefix", "minus", s, e, claim_x.text[s - claim_x.start:e - claim_x.start])
                pos = Hit("negative-prefix", "plus", ys, ye, claim_y.text[ys - claim_y.start:ye - claim_y.start])
                x, y = (pos, neg) if flip else (neg, pos)
                if negated(pair.a, x) or negated(pair.b, y):
                    continue
                ok, strength, same = same_event(pair, [(x.start, x.end)], [(y.start, y.end)],
                                                self.option(pair.config, "min_overlap", 0.6))
                if not ok:
                    continue
                yield Judgement(
                    message=(f"Opposite predicates (negative prefix): {label(pair.art_a)} says "
                             f"{quote(x.text)} but {label(pair.art_b)} says {quote(y.text)}"),
                    value_a=x.text, value_b=y.text, span_a=(x.start, x.end), span_b=(y.start, y.end),
                    compared=("negative-prefix", x.pole, y.pole), confidence=0.5 + 0.4 * strength)
                return

    def _lexical(self, pair: Pair, frame: bool = False) -> Iterable[Judgement]:
        """Two words opposite in the lexical database (WordNet: "praised" /
        "criticised", "an encouraging evening" / "a discouraging evening",
        "applauded" / "booed"), one in each claim and not in the other, about
        the same event, each near the shared content, or standing between the
        same words; pairs the antonym table does not hold; in one language.  A
        language reads the database directly (English) or through its
        lexicon's concepts, which are English lemmas ("salarios bajos" /
        "salarios altos": ``low`` / ``high``): ``lexical_database`` in
        ``lang/<lang>/antonyms.toml``.  Stop words, names and words of two
        letters are not read."""
        la_, lb_ = pair.a.lang, pair.b.lang
        if la_ != lb_ or _reading(la_) is None:
            return  # across languages the wording tests say too little ("militar" / "civilians")
        from .. import wordnet
        where = wordnet.location()
        if where is None or not (_text_opposites(pair.a.text, la_, where) & _text_bases(pair.b.text, lb_, where)
                                 or _text_opposites(pair.b.text, lb_, where) & _text_bases(pair.a.text, la_, where)):
            return  # no word of one has its opposite in the other (asked of every pair: cheap first)
        wa, wb = _plain_words(pair.a), _plain_words(pair.b)
        ka = {k for w, _, _ in _words(pair.a) if (k := _lexical_key(w, la_)) is not None}
        kb = {k for w, _, _ in _words(pair.b) if (k := _lexical_key(w, lb_)) is not None}
        base_a = {f for k in ka for f in wordnet.base_forms(k)}
        base_b = {f for k in kb for f in wordnet.base_forms(k)}
        window = self.option(pair.config, "window", 6)
        for w, s, e in wa:
            kx = _lexical_key(w, la_)
            if kx is None or kx in kb:
                continue
            opposites = wordnet.antonyms(kx)
            if opposites & base_a:
                continue  # "rose and then fell": the claim holds both
            for v, ys, ye in wb:
                ky = _lexical_key(v, lb_)
                if ky is None or ky in ka or wordnet.antonyms(ky) & base_b:
                    continue
                if not wordnet.opposite(kx, ky):
                    continue
                if _in_table(w, la_) and _in_table(v, lb_):
                    continue  # both in the antonym table: it has judged them
                if _ending_in(pair.a, w, s) != _ending_in(pair.b, v, ys) and not wordnet.derived_opposite(kx, ky):
                    continue  # "backed" / "faces": a word put in another's place keeps its form
                    # (unless it is of another part of speech: "booed" / "applause")
                x = Hit("antonym", "plus", s, e, pair.a.text[s - pair.a.start:e - pair.a.start])
                y = Hit("antonym", "minus", ys, ye, pair.b.text[ys - pair.b.start:ye - pair.b.start])
                if negated(pair.a, x) or negated(pair.b, y):
                    continue
                cut_a, cut_b = _cut(pair.a, [x]), _cut(pair.b, [y])
                ok, strength, same = same_event(pair, cut_a, cut_b, self.option(pair.config, "min_overlap", 0.6))
                keys = shared_keys(pair)
                pos_a = _positions(pair.a, set(same), keys, cut_a)
                pos_b = _positions(pair.b, set(same.values()), keys, cut_b)
                if ok and not (near(pair.a, x, pos_a, window) and near(pair.b, y, pos_b, window)):
                    ok = False
                if frame and not ok and _same_frame(pair, x, y) and (keys or shared_facts(pair.a, pair.b)
                                                                     or _linked_alike(pair)):
                    # "an encouraging evening's work for Kelly Holmes" / "Kelly
                    # Holmes had a discouraging evening": the rest of the two
                    # sentences differs, the opposite words stand in one frame
                    ok, strength = True, 0.3
                if not ok:
                    continue
                found = self._opposed(pair, x, y, pos_a, pos_b, same, "antonyms",
                                      ("antonym", fold(x.text), fold(y.text)), strength)
                if found is not None:
                    yield found
                    return

    def _opposed(self, pair: Pair, x: Hit, y: Hit, pos_a: dict[str, int], pos_b: dict[str, int],
                 same: dict[str, str], what: str, compared: tuple[str, ...],
                 strength: float) -> Optional[Judgement]:
        """The finding for poles ``x`` and ``y``, unless the shared content
        swaps sides of them or other names stand before them."""
        at_a = _word_index(_word_starts(pair.a), x.start)
        at_b = _word_index(_word_starts(pair.b), y.start)
        # the items that may swap sides stand near the poles: a shared word
        # far off ("chief economist ... make it easier" / "more difficult ...
        # when the economy picks up") says nothing of who does what to whom
        reach = int(self.option(pair.config, "window", 6))
        pos_a = {k: v for k, v in pos_a.items() if abs(v - at_a) <= reach}
        pos_b = {k: v for k, v in pos_b.items() if abs(v - at_b) <= reach}
        if swapped(pos_a, at_a, pos_b, at_b, same) or self._other_subject(pair, x, y):
            return None
        return Judgement(
            message=(f"Opposite predicates ({what}): {label(pair.art_a)} says "
                     f"{quote(x.text)} but {label(pair.art_b)} says {quote(y.text)}"),
            value_a=x.text, value_b=y.text, span_a=(x.start, x.end), span_b=(y.start, y.end),
            compared=compared, confidence=0.5 + 0.4 * strength)

    @staticmethod
    def _other_subject(pair: Pair, x: Hit, y: Hit) -> bool:
        """Different names stand before the two poles: in one language two
        distinct keys; across languages each name is also found in the other
        claim (the roles are swapped, not translated)."""
        sa, sb = subject(pair.a, x), subject(pair.b, y)
        if sa is None or sb is None or sa.key == sb.key or same_entity(sa, sb):
            return False
        if pair.a.lang == pair.b.lang:
            return True
        return sa.key in entity_keys(pair.b) and sb.key in entity_keys(pair.a)
