"""A share written as so many in so many is a percentage: "Two in five
voters backed the plan" agrees with "El 40% de los votantes apoyó el plan"
and contradicts "El 60% ..." (``[ratio]`` in ``lang/<lang>/quantities.toml``;
``facts.quantities._ratios``).  Before, "two" and "five" were two bare counts
and neither was set against the percentage.  Through the real model on a
story (``tests/data/ratio_share``) the rules' data was not written for; the
story's other amounts ("dozens" / "decenas", "18 months" / "año y medio")
stay compatible."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "ratio_share"


@pytest.mark.model
def test_a_share_in_words_agrees_with_the_same_percentage(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "QTY") == [
        ("QTY002", "info", (("a_en", "a_en:2", "dozens"), ("b_es", "b_es:2", "decenas"))),
        ("QTY002", "info", (("a_en", "a_en:3", "Two in five"), ("b_es", "b_es:3", "40%"))),
        ("QTY002", "info", (("a_en", "a_en:4", "18 months"), ("b_es", "b_es:4", "año y medio"))),
    ]


@pytest.mark.model
def test_a_share_in_words_contradicts_another_percentage(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "b_es.md", "El 40% de los votantes", "El 60% de los votantes")
    report = checker.check([str(story)])
    assert [f for f in findings_of(report, "QTY") if f[1] != "info"] == [
        ("QTY001", "error", (("a_en", "a_en:3", "Two in five"), ("b_es", "b_es:3", "60%")))]
