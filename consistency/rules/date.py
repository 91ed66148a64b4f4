"""DAT: dates of the same event.

Only resolved dates are compared (a relative date such as "last year" in an
article with no known publication date says nothing checkable).  Dates are
matched one to one, closest first, and the two claims must share an entity or
most of their wording, so two events of one story are not held against each
other.  Across languages, a direct link plus one date on each side and no
conflicting names is accepted as weaker evidence (reported as a warning).
"""
from __future__ import annotations

import functools
from typing import Iterable

from ..records import TimeRef
from .base import Judgement, Pair, Rule, register
from .common import (aligned_pairs, shared_amounts, clause_event, clause_similarity, entity_keys, figures_of_other_years, fold, label, linked, quote, same_event,
                     same_topic)

#: strength of the model's same-event evidence for two single dates
SAME_EVENT_STRENGTH = 0.5

#: linked neighbouring tokens for two dates to be paired by the token
#: alignment when a claim dates several things (``common.aligned_pairs``)
ALIGNED_DATE_CONTEXT = 2

#: ... and linked neighbouring tokens for a date of one claim to stand where
#: a date of the other stands at all (``dates_apart``)
DATE_LINK_CONTEXT = 1

#: granularities precise enough for a disjoint pair to be an error
FINE = ("day", "week", "part-of-month", "month")


def _resolved(pair_side) -> list[TimeRef]:
    return [t for t in pair_side.facts.dates if t.resolved and t.low is not None and t.high is not None]


def _gap(x: TimeRef, y: TimeRef) -> int:
    """Days between the two intervals (0 when they overlap)."""
    if x.high < y.low:
        return (y.low - x.high).days
    if y.high < x.low:
        return (x.low - y.high).days
    return 0


def _span_of_time(t: TimeRef) -> bool:
    """A span written out ("from 2019 until 2023", "del 16 al 28 de
    noviembre", "between March and August"), not one day, month or year."""
    if t.granularity == "day":
        return t.low != t.high
    if t.granularity == "month":
        return (t.low.year, t.low.month) != (t.high.year, t.high.month)
    return t.granularity == "year" and t.low.year != t.high.year


def _other_span(x: TimeRef, y: TimeRef) -> bool:
    """Two spans written out with other bounds: "entre 2021 y 2023" / "from
    2019 until 2023", "between March and August" / "entre enero y agosto"
    overlap but do not agree.  A span that runs up to its
    article's day ("since 2019", "desde 2019": a relative expression) writes
    its first bound only, so two such spans from 2019 agree whatever day
    each article came out."""
    if not (_span_of_time(x) and _span_of_time(y)):
        return False
    if x.relative or y.relative:
        return x.low != y.low
    return (x.low, x.high) != (y.low, y.high)


@functools.lru_cache(maxsize=None)
def _start_verbs(lang: str) -> tuple[str, ...]:
    """``[starts] verbs`` of ``lang/<lang>/dates.toml``: what says a date is
    when something began ("began in 2021", "comenzaron en 2021")."""
    from .. import lang as langdata

    return tuple(fold(w) for w in (langdata.load(lang, "dates").get("starts", {}) or {}).get("verbs", ()))


#: words between a beginning verb and its date ("began on Friday", "se declaró el sábado por la tarde")
START_REACH = 3


def _began(claim, t: TimeRef) -> bool:
    """The date says when something began: a beginning verb of the claim's
    language stands at most ``START_REACH`` words before it."""
    verbs = _start_verbs(claim.lang)
    if not verbs:
        return False
    before = fold(claim.text[:t.start - claim.start]).split()
    window = " " + " ".join(before[-(START_REACH + 3):]) + " "
    words = before[-START_REACH - 1:]
    return any((" " + v + " ") in window and any(v.split()[-1] == w for w in words) for v in verbs)


def _start_differs(pair: Pair, x: TimeRef, y: TimeRef) -> bool:
    """A span and the day something began that it does not start with:
    "the discharges, which ran from 2019 until 2023" / "los vertidos
    comenzaron en 2021" overlap, but the span began in 2019.  The beginning
    must fall on the span's first bound (at the beginning date's own
    granularity), in two claims that tell one event by the model
    (:func:`same_event`: "La investigación arrancó en 2022" began something
    else)."""
    if not same_event(pair):
        return False
    for span, point, claim in ((x, y, pair.b), (y, x, pair.a)):
        if _span_of_time(span) and not _span_of_time(point) and _began(claim, point):
            return not (point.low <= span.low <= point.high)
    return False


def _left_over(pair: Pair, aligned: list[tuple[TimeRef, TimeRef]]) -> list[tuple[TimeRef, TimeRef]]:
    """The one date of each claim the token alignment left unpaired, when
    the tellings that hold them are one event by the same-event bar ("closed
    to all traffic on Thursday after engineers found cracks ... during a
    routine inspection on Tuesday" / "cerró el jueves ..., después de que
    los ingenieros detectaran grietas ... durante la inspección rutinaria
    del lunes": Thursday and jueves aligned, the inspection's days stand for
    each other)."""
    used_a = {id(x) for x, _ in aligned}
    used_b = {id(y) for _, y in aligned}
    rest_a = [x for x in _resolved(pair.a) if id(x) not in used_a]
    rest_b = [y for y in _resolved(pair.b) if id(y) not in used_b]
    if len(rest_a) != 1 or len(rest_b) != 1:
        return []
    x, y = rest_a[0], rest_b[0]
    if not clause_event(pair, (x.start, x.end), (y.start, y.end)):
        return []
    return [(x, y)]


def same_word(x: TimeRef, y: TimeRef) -> bool:
    """Both dates are written as the same expression relative to their
    articles' publication ("yesterday" / "ayer", "last week" / "la semana
    pasada": ``facts.dates.RELATIVE``, read from each language's data).  Two
    tellings of one event that date it by the same word date the same thing,
    each from its own day of publication."""
    from ..facts.dates import RELATIVE

    return bool(x.relative) and x.relative == y.relative and x.relative in RELATIVE


def matches(pair: Pair) -> list[tuple[TimeRef, TimeRef]]:
    """One-to-one pairs of the two claims' dates: those written as the same
    relative expression first (:func:`same_word`: "walked out yesterday" /
    "cumplen hoy la segunda jornada de una huelga que ayer obligó a
    cancelar", yesterday against "ayer", not against "hoy"), then the
    closest."""
    cands = []
    for i, x in enumerate(_resolved(pair.a)):
        for j, y in enumerate(_resolved(pair.b)):
            cands.append((0 if same_word(x, y) else 1, _gap(x, y), i, j, x, y))
    cands.sort(key=lambda c: c[:4])
    used_a, used_b, out = set(), set(), []
    for _, gap, i, j, x, y in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((x, y))
    return out


def _stated_too(x: TimeRef, others: list[TimeRef]) -> bool:
    """The other claim states the day (or period) ``x`` states, in other
    words or not: the two sentences share that date, and a date of one set
    against another date of the other is a date of another event ("cancelled
    312 flights on Monday" / "cumplen hoy la segunda jornada de una huelga
    que ayer obligó a cancelar 300 vuelos": Monday is "ayer", not "hoy")."""
    return any((t.low, t.high) == (x.low, x.high) for t in others)


def single_dated_fact(pair: Pair) -> bool:
    """Weaker "same event" evidence across languages, where wording cannot be
    compared: the clusterer linked the two claims directly, each dates exactly
    one thing at the same granularity, and neither names someone or something
    the other does not (one side's entities, background left out, contain the
    other's).  "Tomará posesión el 1 de enero" / "will take office on January 2"."""
    if pair.a.lang == pair.b.lang or not linked(pair):
        return False
    da, db = _resolved(pair.a), _resolved(pair.b)
    if len(da) != 1 or len(db) != 1 or da[0].granularity != db[0].granularity:
        return False
    ka = entity_keys(pair.a) - set(pair.background)
    kb = entity_keys(pair.b) - set(pair.background)
    return ka <= kb or kb <= ka


def _topic(pair: Pair) -> tuple[bool, float, bool]:
    """(same event?, strength, weak evidence only?).  The model first: two
    claims dating one thing each whose slot-masked texts are paraphrases
    (:func:`same_event`) date one event."""
    if len(_resolved(pair.a)) == 1 and len(_resolved(pair.b)) == 1 and same_event(pair):
        return True, SAME_EVENT_STRENGTH, False
    ok, strength = same_topic(pair)
    if ok and not dates_apart(pair):
        return True, strength, False
    if single_dated_fact(pair):
        # the same figure in both (a depth, a toll, a sum: "340 metres" /
        # "340 metros") is language-free evidence that the two sentences
        # tell one fact: the dating is then no weak pairing
        return True, 0.25, not shared_amounts(pair.a, pair.b)
    return False, 0.0, False


def dates_apart(pair: Pair) -> bool:
    """Two claims that share words (``common.same_topic``) and read alike
    with their slots masked (the pipeline aligned their tokens,
    ``Pair.aligned``: it does for two claims dating different days), yet the
    model's token alignment sets no date of one where a date of the other
    stands, not by the dates' own tokens nor by one linked word around them:
    each dates another step of the story ("la secretaria general del SITCA
    advirtió de que el sindicato volverá a parar el 4 y el 5 de mayo" / "Tras
    la concentración de ayer en la Terminal 2, el sindicato descartó por
    ahora convocar nuevos paros": the strike to come, the rally of the day
    before).  Shared words say the two speak of one thing, not that their
    dates date it."""
    if not pair.aligned:
        return False
    return not aligned_pairs(pair, _resolved(pair.a), _resolved(pair.b), DATE_LINK_CONTEXT)


def _alone(claim, variants, t: TimeRef) -> bool:
    """``t`` is the only resolved date of a telling of ``claim`` that holds
    it (``slots.event_clauses``)."""
    for key in variants:
        if not (isinstance(key, tuple) and key and key[0] == "event-clause"):
            continue
        ranges = key[1:]
        if not any(x <= t.start and t.end <= y for x, y in ranges):
            continue
        inside = [d for d in _resolved(claim) if any(x <= d.start and d.end <= y for x, y in ranges)]
        if len(inside) == 1:
            return True
    return False


def told_alone(pair: Pair, x: TimeRef, y: TimeRef) -> bool:
    """Each date is the only one of a telling of its claim (a clause, or a
    relative clause with its name), and the two tellings are one event by
    the model (:func:`~.common.clause_event`); a claim that tells one thing
    is one telling, so at least one of the two claims tells several."""
    alone_a = _alone(pair.a, pair.variants_a, x) or len(_resolved(pair.a)) == 1
    alone_b = _alone(pair.b, pair.variants_b, y) or len(_resolved(pair.b)) == 1
    return alone_a and alone_b and clause_event(pair, (x.start, x.end), (y.start, y.end))


#: how strongly two scoops' dates are taken to date one thing
SCOOP_STRENGTH = 0.4


def scoop_dates(pair: Pair) -> list[tuple[TimeRef, TimeRef]]:
    """When both claims credit someone with having the news first
    (:func:`~consistency.facts.attributions.scoop`), the date each gives that
    scoop: the one resolved date among the words around its credit ("El
    positivo lo adelantó el martes la cadena Onda Ciclista" / "Según el
    diario Gazzetta Velo, que adelantó la noticia el lunes, Ergüeta aún no
    ha pedido ...": Tuesday against Monday)."""
    from ..facts.attributions import scoop, scoop_window

    found = []
    for claim in (pair.a, pair.b):
        att = scoop(claim)
        if att is None:
            return []
        s, e = scoop_window(claim, att)
        inside = [d for d in _resolved(claim) if s <= d.start and d.end <= e]
        if len(inside) != 1:
            return []
        found.append(inside[0])
    return [(found[0], found[1])]


def _span(pair_article, t: TimeRef) -> tuple[str, tuple[int, int]]:
    return pair_article.text[t.start:t.end], (t.start, t.end)


def _iv(t: TimeRef) -> str:
    return t.low.isoformat() if t.low == t.high else f"{t.low.isoformat()}..{t.high.isoformat()}"


class _DateRule(Rule):
    kind = "date"

    def judgement(self, pair: Pair, x: TimeRef, y: TimeRef, head: str, conf: float,
                  severity=None) -> Judgement:
        va, sa = _span(pair.art_a, x)
        vb, sb = _span(pair.art_b, y)
        msg = (f"{head}: {label(pair.art_a)} says {quote(va)} ({_iv(x)}) "
               f"but {label(pair.art_b)} says {quote(vb)} ({_iv(y)})")
        return Judgement(message=msg, value_a=va, value_b=vb, span_a=sa, span_b=sb,
                         compared=(_iv(x), _iv(y)), confidence=conf, severity=severity)


@register
class DAT001(_DateRule):
    """The same event is dated differently.

    Error when both dates are precise to the month or finer; warning when one is
    coarser (a season, a year).

    Inconsistent:
        en: "In May, the Ryazan Vedomosti newspaper reported that Cubans had signed up."
        en: "In March, the Ryazan Vedomosti newspaper reported that Cubans had signed up."

    Consistent:
        en: "In late June, the prosecutor's office issued a statement."
        es: "El 25 de junio, la fiscalía emitió un comunicado."
    """

    code = "DAT001"
    name = "dates-contradict"
    severity = "error"

    def check(self, pair: Pair) -> Iterable[Judgement]:
        if figures_of_other_years(pair):
            return  # "grew 1.7% in 2004" / "grew 1.3% in 2003": two years' figures
        ok, strength, weak = _topic(pair)
        pairs = matches(pair) if ok else []
        if not ok or max(len(_resolved(pair.a)), len(_resolved(pair.b))) > 1:
            # several dates: the model's token alignment says which date
            # stands where the other's stands ("la inspección de enero ... ya
            # en febrero advirtió" / "alertó ... ya en enero"), in claims that
            # tell the same event by the model
            aligned = aligned_pairs(pair, _resolved(pair.a), _resolved(pair.b), ALIGNED_DATE_CONTEXT)
            if aligned and (ok or same_event(pair)):
                pairs = aligned + _left_over(pair, aligned)
                if not ok:
                    ok, strength, weak = True, SAME_EVENT_STRENGTH, False
        if not ok:
            # a sentence that tells several things: the telling that holds
            # each date, the only date of its telling, reads as the other's
            # ("Three villages ... were emptied late on Saturday, and about
            # 2,850 residents spent the night ..." / "Nearly 1,900 people from
            # three villages were evacuated late on Sunday, and ...")
            told = [(x, y) for x, y in matches(pair) if told_alone(pair, x, y)]
            if told:
                pairs, strength, weak = told, SAME_EVENT_STRENGTH, False
            else:
                # who had the news first, and when, is a fact of the story
                pairs, strength, weak = scoop_dates(pair), SCOOP_STRENGTH, False
                if not pairs:
                    return
        # dates the token alignment stands among the same words, not just by
        # their own tokens: "la inspección de enero ... ya en febrero
        # advirtió" / "alertó ... ya en enero" sets febrero against enero
        among_words = {(x, y) for x, y in aligned_pairs(pair, _resolved(pair.a), _resolved(pair.b),
                                                          ALIGNED_DATE_CONTEXT, own_tokens=False)}
        floor = pair.config.link_threshold()
        for x, y in pairs:
            if _gap(x, y) == 0 and not _other_span(x, y) and not _start_differs(pair, x, y):
                continue
            sim = clause_similarity(pair, (x.start, x.end), (y.start, y.end))
            if sim is not None and sim < floor:
                continue  # the tellings that hold the two dates tell two things
            if (_stated_too(x, _resolved(pair.b)) or _stated_too(y, _resolved(pair.a))) and (x, y) not in among_words \
                    and not same_word(x, y):
                continue  # the other sentence gives this very date too: it dates something else here
            fine = x.granularity in FINE and y.granularity in FINE and not weak
            yield self.judgement(pair, x, y, "Dates differ", 0.5 + 0.4 * strength,
                                 None if fine else "warning")


@register
class DAT002(_DateRule):
    """The same date is stated differently but compatibly.

    Shown for editors: the intervals overlap ("late June" and "June 25") but
    one source is more precise than the other.

    Inconsistent:
        en: "as of late June"  /  es: "el 25 de junio"  (compatible, reported as info)

    Consistent:
        en: "In May"  /  en: "in May"
    """

    code = "DAT002"
    name = "dates-stated-differently"
    severity = "info"

    def check(self, pair: Pair) -> Iterable[Judgement]:
        ok, strength, _ = _topic(pair)
        if not ok:
            return
        for x, y in matches(pair):
            if _gap(x, y) != 0 or _other_span(x, y) or _start_differs(pair, x, y):
                continue
            if (x.low, x.high) == (y.low, y.high) or fold(x.text) == fold(y.text):
                continue
            yield self.judgement(pair, x, y, "Dated differently but compatibly",
                                 0.4 + 0.4 * strength)
