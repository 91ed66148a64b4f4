"""A source written with its acronym in brackets is still a source
(``facts.attributions._without_asides``): "..., the International Cycling
Ethics Agency (ICEA) announced on Wednesday" / "..., anunció el miércoles la
Unión Ciclista Europea (UCE)".  The bracket once hid the English source, so
two outlets crediting the suspension to two different bodies gave no
finding.  Through the real model on a story
(``tests/data/bracketed_source``) the rules' data was not written for."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "bracketed_source"


@pytest.mark.model
def test_sources_with_acronyms_in_brackets_are_compared(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    got = [(f.code, f.severity, tuple((e.article, e.claim, e.value) for e in f.evidence))
           for f in report.findings if f.severity in ("warning", "error")]
    assert got == [("ATT001", "warning", (("a_en", "a_en:2", "International Cycling Ethics Agency"),
                                          ("b_es", "b_es:2", "Unión Ciclista Europea")))]
