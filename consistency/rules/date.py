"""DAT: dates of the same event.

Only resolved dates are compared (a relative date such as "last year" in an
article with no known publication date says nothing checkable).  Dates are
matched one to one, closest first, and the two claims must share an entity or
most of their wording, so two events of one story are not held against each
other.
"""
from __future__ import annotations

from typing import Iterable

from ..records import TimeRef
from .base import Judgement, Pair, Rule, register
from .common import fold, label, quote, same_topic

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


def matches(pair: Pair) -> list[tuple[TimeRef, TimeRef]]:
    cands = []
    for i, x in enumerate(_resolved(pair.a)):
        for j, y in enumerate(_resolved(pair.b)):
            cands.append((_gap(x, y), i, j, x, y))
    cands.sort(key=lambda c: c[:3])
    used_a, used_b, out = set(), set(), []
    for gap, i, j, x, y in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((x, y))
    return out


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
        ok, strength = same_topic(pair)
        if not ok:
            return
        for x, y in matches(pair):
            if _gap(x, y) == 0:
                continue
            fine = x.granularity in FINE and y.granularity in FINE
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
        ok, strength = same_topic(pair)
        if not ok:
            return
        for x, y in matches(pair):
            if _gap(x, y) != 0:
                continue
            if (x.low, x.high) == (y.low, y.high) or fold(x.text) == fold(y.text):
                continue
            yield self.judgement(pair, x, y, "Dated differently but compatibly",
                                 0.4 + 0.4 * strength)
