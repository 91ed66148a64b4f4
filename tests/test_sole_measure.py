"""Two lengths, each the only figure in metres its whole article gives,
measure one thing when the clusterer put their sentences together and
neither sentence names anything the other does not
(``rules.quantity.sole_measure``): "about 60 metres below the surface" /
"a unos 95 metros de profundidad" is a QTY001 error though the two
sentences tell the collapse in other words (their slot-masked cosine is
under the same-event bar).  Through the real model, on a story
(``tests/data/sole_measure``) none of the project's tables knows."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "sole_measure"


def found(report):
    return sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence))
                  for f in report.findings if f.severity != "info")


def _edited(tmp_path, name: str, old: str, new: str) -> Path:
    story = tmp_path / "sole_measure"
    shutil.copytree(STORY, story)
    path = story / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return story


@pytest.mark.model
def test_the_only_depth_of_each_article_is_compared(checker):  # noqa: F811
    assert found(checker.check([str(STORY)])) == [
        ("QTY001", "error", (("a_en", "about 60 metres"), ("b_es", "unos 95 metros"))),
    ]


@pytest.mark.model
def test_the_same_depth_is_no_finding(checker, tmp_path):  # noqa: F811
    story = _edited(tmp_path, "b_es.md", "unos 95 metros", "unos 60 metros")
    assert found(checker.check([str(story)])) == []


@pytest.mark.model
def test_an_article_that_gives_another_length_says_nothing_by_this_test(checker, tmp_path):  # noqa: F811
    # a second figure in metres: which of the two the Spanish depth answers
    # is no longer known from the units alone
    story = _edited(tmp_path, "a_en.md", "Rescue teams drilled",
                    "The tunnel runs for 400 metres under the ridge. Rescue teams drilled")
    assert found(checker.check([str(story)])) == []
