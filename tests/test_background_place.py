"""A place named all through a story is still compared where the token
alignment stands it in another place's slot (``tests/data/background_place``:
towns no table knows, en, es, en-es).

"Corvel" and "Belmor" are in most sentences of all four articles (the line
between them, the derailment near Corvel), so both are story-wide background,
which LOC001 sets aside.  "The driver ... was taken to hospital in Belmor" /
"fue trasladado al hospital de Corvel" still differ: the two names stand
among the same aligned words."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "background_place"


@pytest.mark.model
def test_a_story_wide_place_is_compared_in_an_aligned_slot(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                 for f in report.findings if f.severity in ("warning", "error"))
    assert got == [
        ("LOC001", "warning", [("a_en", "Belmor"), ("b_es", "Corvel")]),
        ("LOC001", "warning", [("a_en", "Belmor"), ("c_en", "Corvel")]),
        ("LOC001", "warning", [("b_es", "Corvel"), ("d_es", "Belmor")]),
        ("LOC001", "warning", [("c_en", "Corvel"), ("d_es", "Belmor")]),
    ]
