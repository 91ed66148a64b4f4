"""A post described in words and a person named may be one speaker.

"She is looking into the council's order ..., the data protection
commissioner says." (a source wherever its words: only a source stands
there) and "Earlier this week, Ms Marlow
said she was looking into the council's order ..." in an article that also
writes "the data protection commissioner, Inés Marlow": the articles tie the
two, so ATT001 does not set them against each other
(``rules.attribution._may_describe``).  When nothing ties them, the model
still compares the two sources.  The same story dates the council's rule
"since 2019" in two articles published a day apart: a span that runs up to
its article's day writes its first bound only, so the two agree
(``rules.date._other_span``).  Through the real model on a story
(``tests/data/described_post``) the rules' data was not written for."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "described_post"


@pytest.mark.model
def test_a_post_the_other_article_gives_the_person_is_not_another_source(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert [f for f in report.findings if f.severity in ("warning", "error")] == []
    assert findings_of(report, "DAT") == []


@pytest.mark.model
def test_a_post_nothing_ties_to_the_person_is_compared(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "a_en.md",
                         "the data protection commissioner, Inés Marlow,", "Inés Marlow")
    report = checker.check([str(story)])
    assert findings_of(report, "ATT") == [
        ("ATT001", "warning", (("a_en", "a_en:3", "Marlow"), ("b_en", "b_en:2", "data protection commissioner")))]
