"""A sentence that joins two statements with ", y" sits in the group of the
second one (the reward its retellings repeat); its first statement, the
tapestries' value, is compared with the English sentence that states it
all the same (``cluster._held_by_other_clause``), through the real model on
a story (``tests/data/clause_apart``) none of the project's tables knows."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "clause_apart"


def found(report):
    return sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)


@pytest.mark.model
def test_the_first_statement_of_a_joined_sentence_is_compared_across_languages(checker):  # noqa: F811
    assert found(checker.check([str(STORY)])) == [
        ("QTY001", "error", (("a_en", "an estimated €1.8 million"), ("b_es", "8,1 millones de euros"))),
    ]


@pytest.mark.model
def test_the_same_value_in_the_joined_sentence_is_no_finding(checker, tmp_path):  # noqa: F811
    story = tmp_path / "clause_apart"
    shutil.copytree(STORY, story)
    b = story / "b_es.md"
    b.write_text(b.read_text(encoding="utf-8").replace("8,1 millones", "1,8 millones"), encoding="utf-8")
    assert [x for x in found(checker.check([str(story)])) if x[1] != "info"] == []
