"""The development story ``benchmarks/dev_stories/bridge_closure``, through
the real model: its first measurement set "A free ferry will run from Monday"
(the coming Monday) against Agencia Septentrional's "A partir del lunes, un
ferri gratuito unirá Portheld ..." read as the Monday before publication.  A
day opening its clause after "from" / "a partir de" takes the time of the
verb after it, past a comma (``from_words`` in ``lang/<lang>/dates.toml``).

It also missed the inspection's day: "closed ... on Thursday after engineers
found cracks ... during a routine inspection on Tuesday" / "cerró el jueves
..., después de que los ingenieros detectaran grietas ... durante la
inspección rutinaria del lunes".  The token alignment pairs Thursday with
"el jueves" only; the one date left on each side is paired when the tellings
that hold them are one event (``rules.date._left_over``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORY = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories" / "bridge_closure"


@pytest.fixture(scope="module")
def report(checker):  # noqa: F811
    return checker.check([str(STORY)])


def _dates(report) -> list:
    return sorted((f.code, tuple((e.article, e.claim, e.value) for e in f.evidence))
                  for f in report.findings if f.code.startswith("DAT"))


@pytest.mark.model
def test_the_coming_monday_in_both_languages_is_one_day(report):
    ferries = [c for c in report.claims if "ferr" in c.text.lower()]
    ferry = {c.article: [(d.text, d.low.isoformat()) for d in c.facts.dates] for c in ferries}
    assert ferry == {"a_en": [("Monday", "2026-12-07")], "b_es": [("el lunes", "2026-12-07")],
                     "d_es": [("del lunes", "2026-12-07")]}
    ids = {c.id for c in ferries}
    assert not [d for d in _dates(report) if {claim for _, claim, _ in d[1]} & ids]


@pytest.mark.model
def test_the_date_left_over_by_the_alignment_is_paired_by_its_telling(report):
    # the inspection's day, and the injected opening year
    assert _dates(report) == [("DAT001", (("a_en", "a_en:2", "Tuesday"), ("b_es", "b_es:2", "del lunes"))),
                              ("DAT001", (("a_en", "a_en:8", "1978"), ("c_en", "c_en:4", "1987")))]
