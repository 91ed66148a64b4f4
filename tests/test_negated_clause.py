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


def _unit(*xs):
    import numpy as np

    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


@pytest.mark.parametrize("relative, main, denied", [
    ((1.0, 0.2), (0.3, 1.0), True),    # the relative clause tells what the other claim tells
    ((0.9, 1.0), (1.0, 0.9), False),   # both tellings read alike: the negation may deny it
])
def test_a_negation_outside_the_relative_clause_the_other_claim_tells(relative, main, denied):
    # "El Ayuntamiento, que había ofrecido una recompensa, aún no ha decidido
    # si la pagará" / "... had offered a €20,000 reward": the tellings are the
    # relative clause (373-401, 401-478) and the rest (373-401, 479-512),
    # read with their slots masked against the other claim's masked text
    from types import SimpleNamespace

    from consistency.rules.negation import denied_elsewhere
    from consistency.slots import MASKED_ALL

    mine = {("event-clause", (373, 401), (401, 478)): _unit(*relative),
            ("event-clause", (373, 401), (479, 512)): _unit(*main)}
    pair = SimpleNamespace(variants_a=mine, variants_b={None: _unit(1.0, 0.0), MASKED_ALL: _unit(1.0, 0.0)})
    cue = SimpleNamespace(start=480, end=486)
    assert denied_elsewhere(pair, True, cue) is denied
