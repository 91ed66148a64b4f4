"""A sentence that says nothing but what its negation denies ("Nobody was
injured.") is set against the sentence that states it ("Dos personas
resultaron heridas.", "Two people were injured."), in one language and
across languages (``tests/data/denial_only``: a story no table knows).

Short sentences read far apart once their slots are masked (0.88 across
languages here, under the same-event bar), so the token alignment decides:
every content word of the negated sentence stands in what the negation
denies and is linked into the other sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "denial_only"


@pytest.mark.model
def test_a_bare_denial_is_set_against_the_sentence_it_denies(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                 for f in report.findings if f.severity in ("warning", "error"))
    assert got == [
        ("NEG001", "error", [("a_en", "Nobody"), ("b_es", None)]),
        ("NEG001", "error", [("a_en", "Nobody"), ("c_en", None)]),
        ("NEG001", "error", [("b_es", None), ("d_es", "Nadie")]),
        ("NEG001", "error", [("c_en", None), ("d_es", "Nadie")]),
    ]
    # the two denials agree with each other
    assert not [f for f in report.findings if {e.article for e in f.evidence} == {"a_en", "d_es"}]
