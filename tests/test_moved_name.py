"""Verify mode: a report sentence no one source sentence states, each of
whose details is in the sources, can still have taken one sentence's words
and put another name in: "Vell, the folk band whose first albums were made
outside Bergen and whose drummer fell ill in the spring of 2019, had hoped
that year to tour Japan with Oskar Brenne" against "Well, 2019 was to be
the year they toured Japan with Mira Solvang" (Brenne is named elsewhere in
the article, as the singer critics compare Vell's to).  That is SUP002
(partial), not SUP001 "each of its details is in the sources"
(``rules.support.window_swaps`` asked when no sentence supports the report
sentence).  And "Well," opening a sentence is no opposite of "ill"
(``rules.predicate._plain_words``).  The texts (``tests/verify/moved_name``)
use names no table knows, through the real model.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

VERIFY = Path(__file__).parent / "verify" / "moved_name"


@pytest.mark.model
def test_a_name_put_in_another_sentence_s_place(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "summary.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status, f.message) for f in report.findings] == [(
        "SUP002", "partial",
        'Partly supported: entity "Oskar Brenne" is not what Sound Ledger says in the sentence its words come '
        'from ("Mira Solvang": "Well, 2019 was to be the year they toured Japan with Mira Solvang.")')]


@pytest.mark.model
def test_the_faithful_sentence_is_supported(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert loud(report) == []  # "fell ill" is not set against "Well, 2019 was ..."
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported")]
