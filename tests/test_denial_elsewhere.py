"""A negation in another clause does not stop a name comparison
(``ENT001._aligned_names`` asks ``negation.aligned_denial``;
``tests/data/denial_elsewhere``, en-es, names no table knows).

"The Orlanda Trust, which had offered a €20,000 reward ..., welcomed the
recovery" / "El Cabildo de Marbesa, que había ofrecido una recompensa de
20.000 euros ..., celebró la recuperación, aunque aún no ha decidido si la
pagará": the Spanish negation denies nothing the English sentence tells, so
the two who offered the reward are compared.  Before, any negation on one
side only made the pair "two differences" (0 findings).  When the negation
does deny what the other tells ("que nunca ofreció una recompensa"), the
denial is the finding and the names are left alone."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "denial_elsewhere"


def _found(report):
    return [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings]


@pytest.mark.model
def test_names_are_compared_past_a_negation_of_something_else(checker):  # noqa: F811
    assert _found(checker.check([str(DATA)])) == [
        ("ENT001", "warning", [("a_en", "Orlanda Trust"), ("b_es", "Cabildo de Marbesa")])]


@pytest.mark.model
def test_a_denial_of_what_the_other_tells_is_the_finding(checker, tmp_path):  # noqa: F811
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    b = tmp_path / "b_es.md"
    b.write_text(b.read_text(encoding="utf-8").replace(
        "que había ofrecido una recompensa de 20.000 euros por cualquier información, celebró la recuperación, "
        "aunque aún no ha decidido si la pagará",
        "que nunca ofreció una recompensa de 20.000 euros por cualquier información, celebró la recuperación"),
        encoding="utf-8")
    assert _found(checker.check([str(tmp_path)])) == [("NEG001", "error", [("a_en", None), ("b_es", "nunca")])]
