"""A negation in one clause of a sentence that joins several denies that
clause's statement only (``tests/data/negated_clause``, en-es, names no
table of the project knows), through the real model and the whole pipeline.

* "A 34-year-old firefighter suffered minor burns ...; no residents were
  injured" against "Un bombero de 34 años sufrió quemaduras leves ...": the
  Spanish sentence tells the first clause, the negation is in the second,
  so nothing is denied.
* "The dockers' union ... has not called a strike, though its members will
  meet next week" against "El sindicato ... ha convocado una huelga, aunque
  sus afiliados se reunirán ...": the negated clause is the one both tell,
  so NEG001 reports it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "negated_clause"


@pytest.mark.model
def test_a_negation_in_another_clause_denies_nothing_the_other_tells(checker):  # noqa: F811
    report = checker.check([str(DATA / "other_clause")])
    # the two sentences are clustered, so NEG001 weighed them ...
    assert any({"a_en:3", "b_es:3"} <= set(c.claims) for c in report.clusters)
    # ... and found no denial
    assert [f.code for f in report.findings if f.code.startswith("NEG")] == []


@pytest.mark.model
def test_a_negation_in_the_shared_clause_is_reported(checker):  # noqa: F811
    report = checker.check([str(DATA / "same_clause")])
    got = [(f.code, f.severity, [(e.article, e.value) for e in f.evidence])
           for f in report.findings if f.code.startswith("NEG")]
    assert got == [("NEG001", "error", [("a_en", "not"), ("b_es", None)])]
