"""Two tellings of one event that date it by the same relative word date the
same thing, each from its own day of publication (``rules.date.same_word``):
"walked out yesterday" (published 12 March: the 11th) / "cumplen hoy la
segunda jornada de una huelga ... que ayer dejó a más de 200 barcos
esperando" (published 11 March: "ayer" the 10th, "hoy" the 11th).  The
yesterday is set against "ayer", not against the "hoy" that happens to fall
on the same day.  Through the real model on a story
(``tests/data/relative_same_word``) the rules' data was not written for."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of  # noqa: F401  (fixture)
from rules.builders import article, claim

STORY = Path(__file__).parent / "data" / "relative_same_word"


@pytest.mark.model
def test_yesterday_is_set_against_ayer_written_a_day_earlier(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "DAT") == [("DAT001", "error", (("a_en", "a_en:2", "yesterday"), ("b_es", "b_es:2", "ayer")))]
    f = next(f for f in report.findings if f.code == "DAT001")
    assert f.message == ('Dates differ: Harbour Freight Weekly says "yesterday" (2026-03-11) '
                         'but El Diario Portuario says "ayer" (2026-03-10)')


@pytest.mark.model
def test_yesterday_and_ayer_written_the_same_day_agree(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "b_es.md", "published: 2026-03-11", "published: 2026-03-12")
    assert [x for x in findings_of(checker.check([str(story)]), "DAT") if x[1] != "info"] == []


def _dates(art, text):
    from consistency.facts import dates

    class Ctx:
        published = art.published

    start = art.text.index(text)
    return dates.extract(text, start, art.lang, Ctx)


def test_dates_written_as_the_same_relative_word_are_paired_first():
    from consistency.config import Config
    from consistency.rules.base import Pair
    from consistency.rules.date import matches, same_word

    ta = "Dock workers walked out yesterday at the start of a strike."
    tb = "Los estibadores cumplen hoy la segunda jornada de una huelga que ayer paralizó el puerto."
    a = article("a", ta, published=dt.date(2026, 3, 12))
    b = article("b", tb, lang="es", published=dt.date(2026, 3, 11))
    ca = claim(a, ta, 1, dates=_dates(a, ta))
    cb = claim(b, tb, 1, dates=_dates(b, tb))
    (yesterday,), (hoy, ayer) = ca.facts.dates, cb.facts.dates
    assert (yesterday.low, hoy.low, ayer.low) == (dt.date(2026, 3, 11), dt.date(2026, 3, 11), dt.date(2026, 3, 10))
    assert same_word(yesterday, ayer) and not same_word(yesterday, hoy)
    pair = Pair(a=ca, b=cb, art_a=a, art_b=b, config=Config(quiet=True))
    assert [(x.text, y.text) for x, y in matches(pair)] == [("yesterday", "ayer")]
    # a date written out keeps the closest pairing: "on 11 March" is the "hoy"
    tc = "Dock workers walked out on 11 March at the start of a strike."
    c = article("c", tc, published=dt.date(2026, 3, 12))
    cc = claim(c, tc, 1, dates=_dates(c, tc))
    pair = Pair(a=cc, b=cb, art_a=c, art_b=b, config=Config(quiet=True))
    assert [(x.text, y.text) for x, y in matches(pair)] == [("11 March", "hoy")]
