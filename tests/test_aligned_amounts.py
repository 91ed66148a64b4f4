"""Amounts set against each other by the model, and spans of years read as
one period (``tests/data/aligned_amounts``: names no table knows).

"The discharges, which ran from 2018 until 2022, killed about 30 tonnes of fish
along a 9-kilometre stretch" / "los vertidos comenzaron en 2020 y ...
mataron unas 50 toneladas de peces en un tramo de 9 kilómetros": the span of
years holds 2020 (no "two years' figures" to set the amounts aside; but the
span began in 2018, not in 2020, so the dates differ too), the two
sentences tell one event once every slot is masked, and the token alignment
stands "about 30 tonnes" and "unas 50 toneladas" among the same words.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "aligned_amounts"


@pytest.mark.model
def test_aligned_amounts_of_one_event_are_compared(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        # the discharges began in 2018 by one, in 2020 by the other
        ("DAT001", "warning", (("a_en", "from 2018 until 2022"), ("b_es", "2020"))),
        ("QTY001", "error", (("a_en", "about 30 tonnes"), ("b_es", "unas 50 toneladas"))),
    ]


def _years(text, phrase, first, last):
    from consistency.records import TimeRef

    start = text.index(phrase)
    return TimeRef(text=phrase, start=start, end=start + len(phrase), low=dt.date(first, 1, 1),
                   high=dt.date(last, 12, 31), granularity="year")


def _pair(tb, b_dates):
    from consistency.config import Config
    from consistency.records import Article, Claim, Facts
    from consistency.rules.base import Pair

    ta = "The spills ran from 2018 until 2022, the court found."
    a = Claim(id="a:1", article="a", start=0, end=len(ta), text=ta, lang="en", line=1, end_line=1,
              facts=Facts(dates=(_years(ta, "from 2018 until 2022", 2018, 2022),)))
    b = Claim(id="b:1", article="b", start=0, end=len(tb), text=tb, lang="en", line=1, end_line=1,
              facts=Facts(dates=b_dates(tb)))
    arts = (Article(id="a", path="a", text=ta, lang="en"), Article(id="b", path="b", text=tb, lang="en"))
    return Pair(a=a, b=b, art_a=arts[0], art_b=arts[1], config=Config(quiet=True), masked=0.95)


def test_two_spans_with_other_bounds_differ_and_a_year_inside_is_compatible():
    from consistency.rules.date import DAT001, DAT002

    other = _pair("The spills ran from 2020 until 2022, the court found.",
                  lambda t: (_years(t, "from 2020 until 2022", 2020, 2022),))
    assert [(j.value_a, j.value_b, j.severity) for j in DAT001().check(other)] == \
        [("from 2018 until 2022", "from 2020 until 2022", "warning")]
    assert list(DAT002().check(other)) == []
    inside = _pair("The spills were worst in 2020, the court found.", lambda t: (_years(t, "2020", 2020, 2020),))
    assert list(DAT001().check(inside)) == []
    assert [(j.value_a, j.value_b) for j in DAT002().check(inside)] == [("from 2018 until 2022", "2020")]
    # the day they began is the span's first bound, or it differs
    began = _pair("The spills began in 2020, the court found.", lambda t: (_years(t, "2020", 2020, 2020),))
    assert [(j.value_a, j.value_b, j.severity) for j in DAT001().check(began)] == \
        [("from 2018 until 2022", "2020", "warning")]
    assert list(DAT002().check(began)) == []
    first = _pair("The spills began in 2018, the court found.", lambda t: (_years(t, "2018", 2018, 2018),))
    assert list(DAT001().check(first)) == []
