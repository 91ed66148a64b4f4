"""Two sentences that share words but date different steps of a story are
not set against each other (``rules.date.dates_apart``): "... advirtió de
que la plantilla volverá a parar el 20 y el 21 de octubre" / "Tras la
concentración de ayer en la estación de Campogrande, el comité aplazó ...
nuevos paros" share the station and the committee, but the model's token
alignment sets neither date where the other stands: the strike to come, the
rally of the day before.  Shared words once made that a DAT001 error (and a
carried one against the English telling).  Through the real model on a
story (``tests/data/dates_apart``) the rules' data was not written for."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of  # noqa: F401  (fixture)
from rules.builders import article, claim, date

STORY = Path(__file__).parent / "data" / "dates_apart"


@pytest.mark.model
def test_dates_of_two_steps_told_in_shared_words_are_not_compared(checker):  # noqa: F811
    assert findings_of(checker.check([str(STORY)]), "DAT") == []


@pytest.mark.model
def test_the_same_step_dated_differently_is_still_a_finding(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "b_es.md", "pararon ayer durante", "pararon el domingo durante")
    assert findings_of(checker.check([str(story)]), "DAT") == [
        ("DAT001", "error", (("a_es", "a_es:2", "ayer"), ("b_es", "b_es:2", "el domingo"))),
        ("DAT001", "error", (("b_es", "b_es:2", "el domingo"), ("c_en", "c_en:2", "yesterday"))),
    ]


def _pair(aligned: bool, links=()):
    from consistency.config import Config
    from consistency.rules.base import Pair

    ta = "El comité advirtió en la estación de Campogrande de que volverá a parar el 20 de octubre."
    tb = "Tras la concentración de ayer en la estación de Campogrande, el comité aplazó nuevos paros."
    a = article("a", ta, lang="es", published=dt.date(2026, 10, 6))
    b = article("b", tb, lang="es", published=dt.date(2026, 10, 6))
    ca = claim(a, ta, 1, dates=(date(a, "20 de octubre", dt.date(2026, 10, 20), dt.date(2026, 10, 20)),))
    cb = claim(b, tb, 1, dates=(date(b, "ayer", dt.date(2026, 10, 5), dt.date(2026, 10, 5)),))
    return Pair(a=ca, b=cb, art_a=a, art_b=b, config=Config(quiet=True), masked=0.93,
                links=links(ca, cb) if callable(links) else links, aligned=aligned)


def test_dates_apart_asks_the_alignment_only_where_it_ran():
    from consistency.align import SlotLink
    from consistency.rules.date import dates_apart

    # aligned, and no date linked to a date: two steps
    assert dates_apart(_pair(True))
    # the alignment did not run (verify mode, or a pair below the bar): nothing is said
    assert not dates_apart(_pair(False))

    def date_link(ca, cb):
        (x,), (y,) = ca.facts.dates, cb.facts.dates
        return (SlotLink((x.start, x.end), (y.start, y.end), 0.0, 0.0, 1),)

    # a date set where the other's stands by one linked word around it
    assert not dates_apart(_pair(True, date_link))
