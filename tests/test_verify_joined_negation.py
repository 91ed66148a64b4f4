"""Verify mode on a report sentence that joins two statements, one of them
negated (``tests/verify/joined_negation``: an English article with names no
table of the project knows), through the real model.

* The negation is weighed in its own clause: "dijo que nunca se había visto
  nada igual en Tarvia y que podrían haber vendido medio millón de
  entradas" restates two source sentences, the first itself negative
  ("Nothing like it has ever been seen"), so nothing is denied.
* A negated clause is set against the source sentence that states it, not
  the one closest to the whole report sentence: "... the Lowmoor Flood Fund,
  which is co-ordinating the relief effort and did not welcome the news of
  the concert" is denied by "The fund welcomed the news of the concert".
* A speaker in apposition before a title and the name the title is of is
  the source ("Orla Fenwick, portavoz de los organizadores, Brightmoor
  Events, dijo"): no attribution conflict.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker  # noqa: F401  (a fixture)

DATA = Path(__file__).parent / "verify" / "joined_negation"
ARTICLE = str(DATA / "article.md")


@pytest.mark.model
def test_a_negative_clause_restating_a_negative_sentence_is_supported(checker):  # noqa: F811
    report = checker.verify(str(DATA / "faithful_es.md"), [ARTICLE])
    got = [(f.code, f.status) for f in report.findings]
    assert got == [("SUP000", "supported")]


@pytest.mark.model
def test_a_negated_clause_is_set_against_the_sentence_that_states_it(checker):  # noqa: F811
    report = checker.verify(str(DATA / "negated.md"), [ARTICLE])
    got = [(f.code, f.severity, f.status, [(e.article, e.value) for e in f.evidence]) for f in report.findings]
    assert got == [("NEG001", "error", "contradicted", [("negated", "not"), ("article", None)])]
    assert report.findings[0].evidence[1].text.startswith("The fund welcomed the news of the concert")
