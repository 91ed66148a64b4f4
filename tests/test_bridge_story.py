"""The development story ``benchmarks/dev_stories/bridge_closure``, through
the real model: its first measurement set "A free ferry will run from Monday"
(the coming Monday) against Agencia Septentrional's "A partir del lunes, un
ferri gratuito unirá Portheld ..." read as the Monday before publication.  A
day opening its clause after "from" / "a partir de" takes the time of the
verb after it, past a comma (``from_words`` in ``lang/<lang>/dates.toml``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORY = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories" / "bridge_closure"


@pytest.mark.model
def test_the_coming_monday_in_both_languages_is_one_day(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    dates = sorted((f.code, tuple((e.article, e.claim, e.value) for e in f.evidence))
                   for f in report.findings if f.code.startswith("DAT"))
    # only the injected opening year; nothing between "Monday" and "del lunes"
    assert dates == [("DAT001", (("a_en", "a_en:8", "1978"), ("c_en", "c_en:4", "1987")))]
    ferry = {c.article: [(d.text, d.low.isoformat()) for d in c.facts.dates]
             for c in report.claims if "ferr" in c.text.lower()}
    assert ferry == {"a_en": [("Monday", "2026-12-07")], "b_es": [("el lunes", "2026-12-07")],
                     "d_es": [("del lunes", "2026-12-07")]}
