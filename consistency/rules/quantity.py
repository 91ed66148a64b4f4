"""QTY: amounts, counts and percentages about the same thing.

Two quantities are compared only when they are of the same kind and can be put
in one unit without guessing: the same unit, an equivalent stated in the
article itself ("495.000 rublos (5.300 dólares)"), or a rate the user
configured (``config.rates``, "RUB:USD" = 0.0107).  Never a silent exchange
rate.  When both sides say what the number measures (``measures``: salary,
bonus, members ...) the two must agree.  Within a pair of claims, quantities
are matched one to one (same measure first, then the closest values), so a
salary is never held against a bonus.
"""
from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..records import AGE_NOTE, Quantity
from .base import Judgement, Pair, Rule, register
from .actor import concept_overlap, unmatched_names
from .common import (WORD_RE, align_bar, differ_only_in, figures_of_other_years, fold, label, quote, rules_data,
                     aligned_pairs, same_event_bar, same_topic, shared_keys, strongly_linked)
from ..lexicon import concept, is_function_word


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool
    high_open: bool
    unit: Optional[str]
    note: str = ""  # how the value was converted, for messages


def interval(q: Quantity) -> Interval:
    return Interval(q.low, q.high, q.low_open, q.high_open, q.unit)


def _scaled(q: Quantity, factor: float, unit: str, slack: float, note: str) -> Interval:
    lo, hi = q.low * factor, q.high * factor
    lo = lo * (1 - slack) if math.isfinite(lo) else lo
    hi = hi * (1 + slack) if math.isfinite(hi) else hi
    return Interval(lo, hi, q.low_open, q.high_open, unit, note)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


@functools.lru_cache(maxsize=None)
def _factors() -> dict:
    from .. import lang as _lang
    return _lang.load_shared("units").get("factors", {})


def _unit_factor(src: Optional[str], dst: Optional[str]) -> Optional[float]:
    """How many ``dst`` one ``src`` makes, by the fixed conversions of
    ``lang/units.toml`` (either way round), or None."""
    if not src or not dst or src == dst:
        return None
    table = _factors()
    if dst in table.get(src, {}):
        return float(table[src][dst])
    if src in table.get(dst, {}) and table[dst][src]:
        return 1.0 / float(table[dst][src])
    return None


def in_unit(q: Quantity, unit: Optional[str], rates: dict, slack: float) -> Optional[Interval]:
    """``q`` as an interval in ``unit``: same unit, a stated equivalent, or a configured rate."""
    if q.unit == unit:
        return interval(q)
    if not q.value:
        return None
    for e in q.equivalents:
        if e.unit == unit and e.value:
            note = f"{q.unit} {_fmt(q.value)} ≈ {unit} {_fmt(e.value)}"
            return _scaled(q, e.value / q.value, unit, slack, note)
    fixed = _unit_factor(q.unit, unit)
    if fixed is not None:
        # months and years are not exact multiples of days: a little slack
        return _scaled(q, fixed, unit, 0.0 if float(fixed).is_integer() else slack,
                       f"{_fmt(q.value)} {q.unit} = {_fmt(q.value * fixed)} {unit}")
    key = f"{q.unit}:{unit}".upper()
    inverse = f"{unit}:{q.unit}".upper()
    if q.unit and unit and key in rates:
        return _scaled(q, rates[key], unit, slack, f"configured rate {key} = {rates[key]}")
    if q.unit and unit and inverse in rates and rates[inverse]:
        r = 1 / rates[inverse]
        return _scaled(q, r, unit, slack, f"configured rate {inverse} = {rates[inverse]}")
    return None


#: a bare figure at least this large ("Unos 40 millones se ofrecerán en
#: préstamos", after a sentence in euros) is set against an amount of money:
#: the sentence leaves the currency to the reader
BARE_SCALE = 1e6


def bare(q: Quantity) -> bool:
    """A large figure with no unit and nothing it counts ("40 millones", not
    "millions")."""
    return (q.kind == "count" and q.unit is None and not q.measures and q.qualifier != "vague"
            and abs(q.value) >= BARE_SCALE)


def common_unit(qa: Quantity, qb: Quantity, rates: dict, slack: float):
    """Both quantities in one unit, or None when that needs a guess."""
    if {qa.kind, qb.kind} == {"count", "money"} and (bare(qa) or bare(qb)):
        # the bare figure takes the other's unit
        qa, qb = (dataclasses.replace(qa, kind=qb.kind, unit=qb.unit, equivalents=()) if bare(qa) else qa,
                  dataclasses.replace(qb, kind=qa.kind, unit=qa.unit, equivalents=()) if bare(qb) else qb)
    if qa.kind != qb.kind:
        return None
    if AGE_NOTE in (qa.note, qb.note) and qa.unit != qb.unit:
        return None  # an age is no length of time in another unit ("16-year-olds" / "six months")
    for unit in (qb.unit, qa.unit):
        ia, ib = in_unit(qa, unit, rates, slack), in_unit(qb, unit, rates, slack)
        if ia is not None and ib is not None:
            return ia, ib
    for e in qa.equivalents:  # both sides convert to a third unit
        ia, ib = in_unit(qa, e.unit, rates, slack), in_unit(qb, e.unit, rates, slack)
        if ia is not None and ib is not None:
            return ia, ib
    return None


#: two bounds on the same side ("at least 14 killed" / "al menos 41
#: muertos", "more than 200" / "more than 500") are two different figures
#: when one is at least this many times the other: news gives a toll or a
#: count as a bound on the figure it has, so the two reports disagree, though
#: both bounds could hold.  ``[consistency:rules:QTY001] bound_ratio``.
BOUND_RATIO = 1.5

#: two upper bounds ("gusts of up to 60 km/h" / "rachas de hasta 80 km/h",
#: "hasta dos años" / "up to four years") are two figures from this ratio:
#: news writes "up to" before the largest value it has (the strongest gust,
#: the longest sentence the law allows), so two such bounds give two
#: largest values; a lower bound ("more than 200 dead") is a figure that may
#: have grown, hence ``BOUND_RATIO`` for those.  Below it, rounding ("up to
#: 60" / "hasta 65").  ``[consistency:rules:QTY001] upper_bound_ratio``.
UPPER_BOUND_RATIO = 1.2


def bounds_differ(x: Interval, y: Interval, ratio: float = BOUND_RATIO,
                  upper_ratio: float = UPPER_BOUND_RATIO) -> bool:
    """Both intervals open on the same side (two lower or two upper bounds:
    "up to 25 years" / "up to 85 years" reach down to nothing) and their
    finite ends ``ratio`` (two lower bounds) or ``upper_ratio`` (two upper
    bounds) or more apart."""
    for lo in (True, False):
        ex = x.low if lo else x.high
        ey = y.low if lo else y.high
        other_x = x.high if lo else x.low
        other_y = y.high if lo else y.low

        def open_(v: float) -> bool:  # an upper bound reaches down to nothing: "up to 25 years" is [0, 25]
            return not math.isfinite(v) or (not lo and v == 0)

        if math.isfinite(ex) and math.isfinite(ey) and open_(other_x) and open_(other_y) \
                and min(abs(ex), abs(ey)) > 0:
            return max(abs(ex), abs(ey)) / min(abs(ex), abs(ey)) >= (ratio if lo else upper_ratio)
    return False


def apart(qa: Quantity, qb: Quantity, x: Interval, y: Interval) -> bool:
    """:func:`disjoint`, except that "nearly three years" / "almost three
    years" stays compatible with "three years": news rounds, and an interval
    open just at the value the other states is the same figure told loosely.
    Two approximate figures ("about 47,000" / "some 41,000") are apart when
    neither lies in the other's band: each band is the slack around one
    figure, and the two slacks do not add up."""
    if not disjoint(x, y):
        if qa.qualifier == "about" and qb.qualifier == "about" and all(
                math.isfinite(v) for v in (x.low, x.high, y.low, y.high)):
            cx, cy = (x.low + x.high) / 2, (y.low + y.high) / 2
            return not (x.low <= cy <= x.high or y.low <= cx <= y.high)
        return False
    if "nearly" in (qa.qualifier, qb.qualifier):
        return not (x.high == y.low or y.high == x.low or x.low == y.high or y.low == x.high)
    return True


def disjoint(x: Interval, y: Interval) -> bool:
    def before(p: Interval, q: Interval) -> bool:
        return p.high < q.low or (p.high == q.low and (p.high_open or q.low_open))
    return before(x, y) or before(y, x)


@functools.lru_cache(maxsize=None)
def _concepts(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = rules_data(lang).get("measures", {})
    return tuple((name, tuple(fold(p) for p in phrases)) for name, phrases in sorted(data.items()))


def measure_relation(qa: Quantity, la: str, qb: Quantity, lb: str) -> str:
    """"same", "different" or "unknown": do the two quantities measure the same thing?

    Measures are phrases as written ("bono por firmar", "initial payments").
    Both mapped to concepts (``[measures]`` in ``lang/<lang>/rules.toml``): same
    concept or not.  Otherwise, in one language, a shared word makes them the
    same (no shared word says nothing: "homes" / "households"); across
    languages, when neither side is in a group, shared lexicon concepts
    (``lang/<lang>/lexicon.toml``).
    """
    if not qa.measures or not qb.measures:
        return "unknown"
    ma, mb = fold(qa.measures), fold(qb.measures)
    if ma == mb:
        return "same"
    ca = {n for n, ps in _concepts(la) if any(p in ma for p in ps)}
    cb = {n for n, ps in _concepts(lb) if any(p in mb for p in ps)}
    if ca and cb:
        return "same" if ca & cb else "different"
    if la == lb:
        wa = {w[:5] for w in WORD_RE.findall(ma) if len(w) > 3}
        wb = {w[:5] for w in WORD_RE.findall(mb) if len(w) > 3}
        if wa and wb and wa & wb:
            return "same"
        # no word shared ("homes" / "households"): the words do not know; the
        # model (same event, slot masked) and the topic decide in the rules
        return "unknown"
    if ca or cb:
        return "unknown"  # one side in a concept group: the groups decide, not the lexicon
    return _across_languages(ma, la, mb, lb)


def _measure_concepts(measures: str, lang: str) -> set[str]:
    """Lexicon concepts of a folded measure phrase (unknown words as written)."""
    return {concept(w, lang) or w for w in WORD_RE.findall(measures)
            if len(w) >= 3 and not is_function_word(w, lang)}


def _across_languages(ma: str, la: str, mb: str, lb: str) -> str:
    """Measures in two languages, neither in a ``[measures]`` concept group: a
    shared lexicon concept ("niños" and "children" are both ``child``) makes
    them the same; otherwise nothing is known (extracted measures are short:
    "230 measles cases" measures "measles", "230 casos de sarampión" "casos")."""
    ca, cb = _measure_concepts(ma, la), _measure_concepts(mb, lb)
    return "same" if ca & cb else "unknown"


#: linked neighbouring tokens for two amounts of sentences that tell one
#: event (every slot masked) to be set against each other with no words in
#: common ("killed about 40 tonnes of fish" / "mataron unas 60 toneladas de
#: peces"; ``common.aligned_pairs``)
ALIGNED_AMOUNT_CONTEXT = 3


#: how far above the same-event bar the slot-masked cosine of two claims
#: must be, directly (not through a third telling), for two aligned amounts
#: to be compared with no words in common: nothing else vouches for the
#: pairing ("a 1% tax increase on those earning over £100,000" / "a 50%
#: income tax rate on earnings over £100,000" read 0.931 in one language)
ALIGNED_AMOUNT_MARGIN = 0.01


def _closely_same_event(pair: Pair) -> bool:
    return pair.masked is not None and \
        pair.masked >= same_event_bar(pair.config, pair.a.lang, pair.b.lang) + ALIGNED_AMOUNT_MARGIN


#: how close two amounts must be to be one figure written twice
SAME_FIGURE = 0.01
#: smallest count specific enough to be recognised when the other article
#: writes it elsewhere (a small count, "two", recurs for many things)
SPECIFIC_COUNT = 1000


def _durations() -> frozenset:
    from .. import lang as _lang
    return frozenset(_lang.load_shared("units").get("durations", ()))


def one_measure(pair: Pair, qa: Quantity, qb: Quantity) -> bool:
    """Two measures in one unit that is no unit of time, each the only
    amount of its claim in that unit ("destroying 2,400 hectares" / "ha
    calcinado unas 4.200 hectáreas"): in two tellings of one event, the unit
    says what they measure."""
    if qa.kind != "measure" or qb.kind != "measure" or not qa.unit or qa.unit != qb.unit \
            or qa.unit in _durations():
        return False
    return sum(q.unit == qa.unit for q in pair.a.facts.quantities) == 1 and \
        sum(q.unit == qb.unit for q in pair.b.facts.quantities) == 1


def sole_measure(pair: Pair, qa: Quantity, qb: Quantity) -> bool:
    """:func:`one_measure` across languages, each the only figure its whole
    article gives in that unit (written once or more), in two sentences that
    name nothing the other does not: "aislados a 340 metros de profundidad" /
    "cut off about 430 metres underground", in two articles that give no
    other length, measure one thing, in whatever words the two sentences
    around them tell it.  A translation reads further from its original than
    a restatement in one language does; in one language two tellings of one
    event read as paraphrases, and two sentences that do not ("Consumption
    has jumped to 2.4 million barrels per day" / "... pumps around 1 million
    barrels of oil a day", two BBC business stories) tell two things."""
    if pair.a.lang == pair.b.lang or not one_measure(pair, qa, qb):
        return False
    bare = dataclasses.replace(pair, background=frozenset())  # story-wide names count here too
    if unmatched_names(pair.a, pair.b, bare) or unmatched_names(pair.b, pair.a, bare):
        return False

    def sole(q: Quantity, amounts: Sequence[Quantity]) -> bool:
        # (no amounts given: the article is not known, as in verify mode)
        same_unit = [x for x in amounts if x.kind == "measure" and x.unit == q.unit]
        return bool(same_unit) and all(abs(x.value - q.value) <= SAME_FIGURE * max(abs(q.value), 1e-9)
                                       for x in same_unit)
    return sole(qa, pair.amounts_a) and sole(qb, pair.amounts_b)


def one_age(pair: Pair, qa: Quantity, qb: Quantity) -> bool:
    """Two ages, each the only age its claim gives, of people nothing says
    are two ("the 27-year-old won" / "the day the 26-year-old won stage
    four"): what the two ages are of is the same word, or one of them names
    nothing, and the two sentences tell one event by the model with every
    slot masked, read by the lower of the two same-event bars
    (:func:`~.common.align_bar`).  An age is a fact about one person that a
    story does not change, so two tellings of one event that each give one
    age give the age of the person both tell of; a sentence with two ages
    (a victim and a suspect) is left to the other tests."""
    if qa.note != AGE_NOTE or qb.note != AGE_NOTE or pair.masked is None:
        return False
    if sum(q.note == AGE_NOTE for q in pair.a.facts.quantities) != 1 or \
            sum(q.note == AGE_NOTE for q in pair.b.facts.quantities) != 1:
        return False
    if qa.measures and qb.measures and not _same_person_word(pair, qa, qb):
        return False  # "a 34-year-old firefighter" / "a 60-year-old resident": two people, maybe
    return pair.masked >= align_bar(pair.config)


def _same_person_word(pair: Pair, qa: Quantity, qb: Quantity) -> bool:
    """What two ages are of reads as one word: in one language a content
    word (or lexicon concept, :func:`_measure_concepts`) both share ("won" /
    "won stage"), across languages the measures
    as :func:`measure_relation` and :func:`measures_linked` read them."""
    if pair.a.lang == pair.b.lang:
        return bool(_measure_concepts(fold(qa.measures), pair.a.lang)
                    & _measure_concepts(fold(qb.measures), pair.b.lang))
    return "same" in (measure_relation(qa, pair.a.lang, qb, pair.b.lang), measures_linked(pair, qa, qb))


def stated_elsewhere(q: Quantity, amounts: Sequence[Quantity]) -> bool:
    """The other article states ``q`` itself, in some sentence: a sum of
    money or a large count written in both articles is one figure they share,
    so the other amount the clustered sentence gives measures something else
    ("una multa de 2,4 millones" and "más de tres millones de euros entre
    multa e indemnización" in one article; "fined 2.4 million euros" in the
    other)."""
    if q.kind not in ("money", "count") or (q.kind == "count" and abs(q.value) < SPECIFIC_COUNT):
        return False
    for x in amounts:
        # the same unit, or a large bare figure the writer left the currency
        # off ("una multa de 2,4 millones" after "tres millones de euros")
        bare = {x.kind, q.kind} == {"money", "count"} and (x.unit if x.kind == "count" else q.unit) is None \
            and abs(q.value) >= SPECIFIC_COUNT
        if not bare and (x.kind != q.kind or (x.unit or None) != (q.unit or None)):
            continue
        if abs(x.value - q.value) <= SAME_FIGURE * max(abs(q.value), 1e-9) and x.qualifier == "exact" \
                and q.qualifier == "exact":
            return True
    return False


def topic(pair: Pair) -> tuple[bool, float]:
    """:func:`same_topic`, and across languages also the concepts of the two
    claims' words overlapping as ENT/LOC/NEG ask (:func:`concept_overlap`)."""
    ok, strength = same_topic(pair)
    if ok or pair.a.lang == pair.b.lang:
        return ok, strength
    return concept_overlap(pair, shared_keys(pair))


def other_values(pair: Pair, slack: float = 0.05) -> bool:
    """Among the two claims' amounts, paired as :func:`matches` pairs them,
    two of other values (more than ``slack`` apart): "0.7%" / "0.1%", not
    "more than 160" / "fewer than 160"."""
    for *_, qa, qb, _ia, _ib in matches(pair, slack):
        va, vb = abs(qa.value), abs(qb.value)
        if max(va, vb) > 0 and abs(va - vb) > slack * max(va, vb):
            return True
    return False


def _distance(ia: Interval, ib: Interval) -> float:
    def mid(i: Interval) -> float:
        lo = i.low if math.isfinite(i.low) else i.high
        hi = i.high if math.isfinite(i.high) else i.low
        return max(abs((lo + hi) / 2), 1e-9)
    return abs(math.log(mid(ia) / mid(ib)))


#: token cosine from which the words of what two amounts measure are one
#: word in two languages (``Pair.measure_words``: the closest pair of their
#: tokens): translations read 0.80-0.90 ("passengers" / "pasajeros" 0.84,
#: "flights" / "vuelos" 0.90, "firefighters" / "bomberos" 0.80) ...
MEASURE_SAME_SIM = 0.78
#: ... and below which they are two things standing in the same place
#: ("passengers" / "vehículos" 0.54, "killed" / "heridos" 0.63, "seats" /
#: "votos" 0.65); "jobs" / "trabajadores" (0.69) and "passengers" /
#: "camiones" (0.75) say nothing
MEASURE_OTHER_SIM = 0.66


def measures_linked(pair: Pair, qa: Quantity, qb: Quantity) -> str:
    """"same", "different" or "unknown" by the model's token vectors of the
    words of what ``qa`` and ``qb`` measure, read in their sentences
    (``Pair.measure_words``): across languages no word is shared, and a
    translation reads as close as a shared word.  The noun phrases right
    after the two amounts decide: the same thing when a word of one reads
    that close to a word of the other ("320 measles cases" / "230 casos de
    sarampión"), two things when no word of one reads near a word of the
    other ("passengers" / "vehículos", "villages" / "vecinos"; "aircraft" /
    "medios aéreos" 0.77 is neither).  Where one amount has no noun after
    it, its extracted measure ("a toll of 40").  In one language only "two
    things" is said ("cuatro hospitales" / "1.300 operaciones" 0.50): a
    shared word already says "the same", and words of one language read
    close where they stand alike ("1,9 millones de personas estaban" /
    "8.000 policías vigilaron" 0.82)."""
    verdict = _measures_read(pair, qa, qb)
    if verdict == "same" and pair.a.lang == pair.b.lang:
        return "unknown"
    return verdict


def _measures_read(pair: Pair, qa: Quantity, qb: Quantity) -> str:
    for span_a, span_b, measure, phrase in pair.measure_words:
        if span_a != (qa.start, qa.end) or span_b != (qb.start, qb.end):
            continue
        if phrase is not None:
            # the nouns counted, right after the amounts ("8,000 passengers" /
            # "5.000 vehículos"; "320 measles cases" / "230 casos de sarampión")
            if phrase >= MEASURE_SAME_SIM:
                return "same"
            return "different" if phrase < MEASURE_OTHER_SIM else "unknown"
        # what one counts is written before it ("a toll of 40"): the measures
        return "same" if measure is not None and measure >= MEASURE_SAME_SIM else "unknown"
    return "unknown"


#: a count's counterpart read by the model: the words it counts must read
#: at least this close to the other count's ("residents" / "vecinos" 0.71)
MEASURE_NEAR_SIM = 0.70
#: ... and closer than to any other count of the two sentences by this much
#: ("Three villages" / "1.850 vecinos" 0.58 beside "about 2,850 residents"
#: / "1.850 vecinos" 0.71)
MEASURE_BEST_MARGIN = 0.10


def measure_counterpart(pair: Pair, qa: Quantity, qb: Quantity) -> bool:
    """Across languages, ``qa`` and ``qb`` are each other's clear
    counterpart by the model's token vectors of the nouns they count
    (``Pair.measure_words``): the two read at least ``MEASURE_NEAR_SIM``
    apart, and every other count of either sentence reads at least
    ``MEASURE_BEST_MARGIN`` further from the other one -- of two counts in
    "Three villages ... were emptied, and about 2,850 residents spent the
    night" it is the residents, not the villages, that "Los 1.850 vecinos
    evacuados" counts.  A count whose nouns read as a translation of
    another count's (``MEASURE_SAME_SIM``) is taken and is no rival ("450
    firefighters" / "450 efectivos" beside "22 aircraft" / "32 medios
    aéreos").  One count on each side, nothing taken, is no comparison: then
    the words alone must say it (:func:`measures_linked`)."""
    if pair.a.lang == pair.b.lang:
        return False  # in one language the words say it

    def phrase(x, y):
        for span_a, span_b, _measure, near in pair.measure_words:
            if span_a == x and span_b == y:
                return near
        return None
    sa, sb = (qa.start, qa.end), (qb.start, qb.end)
    own = phrase(sa, sb)
    if own is None or own < MEASURE_NEAR_SIM:
        return False
    # a count the model pairs with another count as a translation
    # ("450 firefighters" / "450 efectivos") is taken: no rival
    taken = _paired_elsewhere(pair, sa, sb)
    rivals = [near for x, y, _m, near in pair.measure_words
              if (x == sa) != (y == sb) and not (x in taken or y in taken)]
    if not rivals and not taken:
        return False
    return all(near is not None and near <= own - MEASURE_BEST_MARGIN for near in rivals)


def _paired_elsewhere(pair: Pair, sa: tuple, sb: tuple) -> set:
    """Spans of the counts other than ``sa`` and ``sb`` whose nouns read as a
    translation of those of a count of the other sentence (at
    ``MEASURE_SAME_SIM``) that is not ``sa`` or ``sb`` either."""
    out = set()
    for x, y, _m, near in pair.measure_words:
        if x != sa and y != sb and near is not None and near >= MEASURE_SAME_SIM:
            out.update((x, y))
    return out


def anchored(pair: Pair, qa: Quantity, qb: Quantity) -> bool:
    """Another count of the two sentences is one figure of one thing in
    both: the same value, its nouns read as a translation ("450
    firefighters" / "450 efectivos de tierra"): the two sentences tell one
    account, whatever else they say.  Across languages only (in one
    language the model's reading says no "same": :func:`measures_linked`)."""
    if pair.a.lang == pair.b.lang:
        return False
    values_a = {(q.start, q.end): q for q in pair.a.facts.quantities}
    values_b = {(q.start, q.end): q for q in pair.b.facts.quantities}
    for x, y, _m, near in pair.measure_words:
        if x == (qa.start, qa.end) or y == (qb.start, qb.end) or near is None or near < MEASURE_SAME_SIM:
            continue
        ox, oy = values_a.get(x), values_b.get(y)
        if ox is not None and oy is not None and ox.value == oy.value:
            return True
    return False


def matches(pair: Pair, slack: float):
    """One-to-one matches (qa, qb, ia, ib): same measure first, then closest values."""
    rates = {k.upper(): v for k, v in pair.config.rates.items()}
    cands = []
    for i, qa in enumerate(pair.a.facts.quantities):
        for j, qb in enumerate(pair.b.facts.quantities):
            rel = measure_relation(qa, pair.a.lang, qb, pair.b.lang)
            # the model reads the nouns counted: two things when they read
            # apart, whatever the words around them share ("1.850 vecinos
            # evacuados" / "three villages evacuated", "cuatro hospitales" /
            # "1.300 operaciones"); across languages, one thing when they
            # read as a translation and nothing else knew
            seen = measures_linked(pair, qa, qb)
            if seen == "different" or (seen == "same" and rel == "unknown"):
                rel = seen
            if rel == "different":
                continue
            both = common_unit(qa, qb, rates, slack)
            if both is None:
                continue
            ia, ib = both
            cands.append((0 if rel == "same" else 1, _distance(ia, ib), i, j, qa, qb, ia, ib))
    cands.sort(key=lambda c: c[:4])
    used_a, used_b, out = set(), set(), []
    for c in cands:
        if c[2] in used_a or c[3] in used_b:
            continue
        used_a.add(c[2])
        used_b.add(c[3])
        out.append(c)
    return out


def _value_text(q: Quantity, pair_article) -> tuple[str, tuple[int, int]]:
    """The value as written; a stated conversion right after it is included."""
    end = q.end
    text = pair_article.text
    if q.equivalents:
        rest = text[end:end + 80]
        stripped = rest.lstrip(" ")
        if stripped.startswith("("):
            close = stripped.find(")")
            if close > 0:
                end = end + (len(rest) - len(stripped)) + close + 1
    return text[q.start:end], (q.start, end)


def _describe(q: Quantity, iv: Interval) -> str:
    bits = [b for b in (q.measures, iv.note) if b]
    return f" ({'; '.join(bits)})" if bits else ""


class _QuantityRule(Rule):
    kind = "quantity"

    def judged(self, pair: Pair) -> Iterable[tuple]:
        slack = self.option(pair.config, "conversion_slack", 0.05)
        for prio, _, _, _, qa, qb, ia, ib in matches(pair, slack):
            yield prio == 0, qa, qb, ia, ib

    def judgement(self, pair, qa, qb, ia, ib, head, confidence, conj: str = "but") -> Judgement:
        va, sa = _value_text(qa, pair.art_a)
        vb, sb = _value_text(qb, pair.art_b)
        msg = (f"{head}: {label(pair.art_a)} says {quote(va)}{_describe(qa, ia)} "
               f"{conj} {label(pair.art_b)} says {quote(vb)}{_describe(qb, ib)}")
        compared = (f"{qa.kind}:{qa.unit}:{qa.qualifier}:{qa.value:g}",
                    f"{qb.kind}:{qb.unit}:{qb.qualifier}:{qb.value:g}")
        return Judgement(message=msg, value_a=va, value_b=vb, span_a=sa, span_b=sb,
                         compared=compared, confidence=confidence)


@register
class QTY001(_QuantityRule):
    """Amounts, counts or percentages about the same thing do not overlap.

    The two values, after their qualifiers ("over", "about", "al menos"), and in
    one unit (stated in the article or configured), cannot both be true.

    Inconsistent:
        en: "They offer a signing bonus of $5,300."
        en: "The signing bonus is $3,500."

    Consistent:
        es: "Prometen un bono por firmar de 495.000 rublos (5.300 dólares)."
        en: "Adverts offered initial payments of over $5,000."
    """

    code = "QTY001"
    name = "amounts-contradict"
    severity = "error"

    def check(self, pair: Pair):
        if figures_of_other_years(pair):
            return  # "grew 1.7% in 2004" / "grew 1.3% in 2003": two years' figures
        topic_ok, strength = topic(pair)
        # the model: with every slot masked the two sentences are paraphrases,
        # and its token alignment stands the two amounts among the same words
        close = _closely_same_event(pair)
        # (the clusterer's bar, slots masked: the two sentences read as one
        # telling, if not as paraphrases)
        linked_event = pair.masked is not None and pair.masked >= pair.config.link_threshold()
        event = not topic_ok and close
        aligned = ({(id(x), id(y)) for x, y in aligned_pairs(pair, pair.a.facts.quantities, pair.b.facts.quantities,
                                                              ALIGNED_AMOUNT_CONTEXT, own_tokens=False)}
                   if event else set())
        ratio = float(self.option(pair.config, "bound_ratio", BOUND_RATIO))
        upper = float(self.option(pair.config, "upper_bound_ratio", UPPER_BOUND_RATIO))
        for same_measure, qa, qb, ia, ib in self.judged(pair):
            if not apart(qa, qb, ia, ib) and not bounds_differ(ia, ib, ratio, upper):
                continue
            # the model: with just these two amounts masked the sentences are
            # paraphrases, closer than before (consistency/slots.py)
            slot = differ_only_in(pair, (qa.start, qa.end), (qb.start, qb.end)) or (id(qa), id(qb)) in aligned \
                or (close and one_measure(pair, qa, qb)) or one_age(pair, qa, qb) \
                or (linked_event and sole_measure(pair, qa, qb)) \
                or ((linked_event or anchored(pair, qa, qb)) and measure_counterpart(pair, qa, qb))
            if qa.kind == "score" and not (slot or len(shared_keys(pair)) >= 2):
                continue  # a score of another match: both sides must be named in both
            if not (same_measure or topic_ok or slot):
                continue  # nothing says these numbers count the same thing
            if qa.kind == "count" and not same_measure and strength < 0.5 and not slot:
                continue  # counts of unnamed things: too easily two different things
            if stated_elsewhere(qa, pair.amounts_b) or stated_elsewhere(qb, pair.amounts_a):
                continue  # the other article states this very amount too: it counts something else there
            conf = 0.9 if same_measure else 0.55 + 0.3 * max(strength, 0.6 if slot else 0.0)
            head = {"money": "Amounts differ", "percent": "Percentages differ",
                    "count": "Counts differ", "score": "Scores differ"}.get(qa.kind, "Quantities differ")
            yield self.judgement(pair, qa, qb, ia, ib, head, conf)


@register
class QTY002(_QuantityRule):
    """The same quantity is stated differently but compatibly.

    Shown for editors: the values overlap once qualifiers and stated conversions
    are taken into account, but the wording or the figure differs.

    Inconsistent:
        es: "un salario de al menos 190.000 rublos (2.000 dólares) al mes"
        en: "salaries worth around $2,000"  (compatible variant, reported as info)

    Consistent:
        en: "a salary of $2,000"
        en: "a salary of $2,000 a month"
    """

    code = "QTY002"
    name = "amounts-stated-differently"
    severity = "info"

    def check(self, pair: Pair):
        topic_ok, strength = topic(pair)
        ratio = float(QTY001.option(pair.config, "bound_ratio", BOUND_RATIO))
        upper = float(QTY001.option(pair.config, "upper_bound_ratio", UPPER_BOUND_RATIO))
        for same_measure, qa, qb, ia, ib in self.judged(pair):
            if apart(qa, qb, ia, ib) or bounds_differ(ia, ib, ratio, upper):
                continue
            if (qa.unit, qa.qualifier, qa.low, qa.high) == (qb.unit, qb.qualifier, qb.low, qb.high):
                continue  # stated the same way
            if not (same_measure or topic_ok):
                continue
            conf = 0.8 if same_measure else 0.5 + 0.3 * strength
            yield self.judgement(pair, qa, qb, ia, ib, "Stated differently but compatible", conf,
                                     conj="and")
