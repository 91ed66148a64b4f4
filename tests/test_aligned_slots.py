"""Which slot is set against which, when a claim has several, is the model's
token alignment's to say (``Pair.links``): "A court in Velmora ... from its
mill in Saltbridge" / "... from its mill in Carrow" sets Saltbridge, not
Velmora, against Carrow; "an audit in January ... warned as early as
February" / "warned ... as early as January" sets February against January.
No table knows any of these towns.  The corpus also has a wire brief of a
headline and one sentence, which must join the story it restates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "aligned_slots"


@pytest.mark.model
def test_the_aligned_place_is_compared_and_a_brief_joins_its_story(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence))
                 for f in report.findings if f.severity != "info")
    assert got == [
        ("LOC001", "warning", (("a_en", "Saltbridge"), ("b_en", "Carrow"))),
        ("LOC001", "warning", (("b_en", "Carrow"), ("c_es", "Saltbridge"))),
    ]
    # the brief (a headline and one sentence) is clustered with both restatements
    brief = next(c for c in report.clusters if "b_en:2" in c.claims)
    assert {"a_en:2", "b_en:2", "c_es:2"} <= set(brief.claims)


def _claim(cid, text, **facts):
    from consistency.records import Claim, Facts

    return Claim(id=cid, article=cid.split(":")[0], start=0, end=len(text), text=text, lang="en",
                 line=1, end_line=1, facts=Facts(**facts))


def _month(text, word, month):
    from consistency.records import TimeRef

    start = text.index(word)
    low = dt.date(2026, month, 1)
    high = dt.date(2026, month + 1, 1) - dt.timedelta(days=1)
    return TimeRef(text=word, start=start, end=start + len(word), low=low, high=high, granularity="month")


def _date_pair(links, masked):
    from consistency.config import Config
    from consistency.records import Article
    from consistency.rules.base import Pair

    ta = "The director said an audit in January found no faults, but the union says it warned managers in February."
    tb = "Its leader said letters were sent to the bosses in January."
    a = _claim("a:1", ta, dates=(_month(ta, "January", 1), _month(ta, "February", 2)))
    b = _claim("b:1", tb, dates=(_month(tb, "January", 1),))
    arts = (Article(id="a", path="a", text=ta, lang="en"), Article(id="b", path="b", text=tb, lang="en"))
    return Pair(a=a, b=b, art_a=arts[0], art_b=arts[1], config=Config(quiet=True), masked=masked,
                links=links), a, b


def test_several_dates_are_paired_by_the_token_alignment():
    """Unit test with hand-made links: closest first would set January
    against January and say nothing; the alignment sets February there."""
    from consistency.align import SlotLink
    from consistency.rules.date import DAT001

    pair, a, b = _date_pair((), masked=0.95)
    feb = (a.facts.dates[1].start, a.facts.dates[1].end)
    jan_b = (b.facts.dates[0].start, b.facts.dates[0].end)
    assert list(DAT001().check(pair)) == []  # no links: nothing paired but January / January
    linked, _, _ = _date_pair((SlotLink(feb, jan_b, 0.0, 0.0, 2),), masked=0.95)
    got = [(j.value_a, j.value_b, j.severity) for j in DAT001().check(linked)]
    assert got == [("February", "January", None)]
    # one linked neighbour is too little to pair two dates by
    weak, _, _ = _date_pair((SlotLink(feb, jan_b, 0.0, 0.0, 1),), masked=0.95)
    assert list(DAT001().check(weak)) == []
    # and the claims must tell the same event by the model (0.86 + 0.07 in one language)
    apart, _, _ = _date_pair((SlotLink(feb, jan_b, 0.0, 0.0, 2),), masked=0.90)
    assert list(DAT001().check(apart)) == []


def test_aligned_pairs_best_linked_first():
    from consistency.align import SlotLink
    from consistency.records import Entity
    from consistency.rules.base import Pair
    from consistency.config import Config
    from consistency.rules.common import aligned_pairs

    x1, x2 = Entity("Velmora", "LOC", "loc:velmora", 10, 17), Entity("Saltbridge", "LOC", "loc:saltbridge", 80, 90)
    y = Entity("Carrow", "LOC", "loc:carrow", 70, 76)
    a, b = _claim("a:1", "x" * 100), _claim("b:1", "y" * 100)
    links = (SlotLink((10, 17), (70, 76), 0.0, 0.0, 1), SlotLink((80, 90), (70, 76), 1.0, 0.56, 3))
    pair = Pair(a=a, b=b, art_a=None, art_b=None, config=Config(quiet=True), links=links)
    assert aligned_pairs(pair, [x1, x2], [y]) == [(x2, y), (x1, y)]
    assert aligned_pairs(pair, [x1, x2], [y], min_context=2) == [(x2, y)]
    assert aligned_pairs(pair, [x1], [Entity("Dover", "LOC", "loc:dover", 1, 6)]) == []
