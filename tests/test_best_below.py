"""Two sentences in two languages that the clusterer pairs as each other's
best match a little under the link threshold (its rule 11) tell the same
event from 0.03 below the same-event bar (``common.BEST_MATCH_EASE``): a
changed detail moves a sentence away from its retelling with its slots
masked too.  "Anselmo Tirado, the parish priest who found the broken window
at dawn, told reporters that the alarm on the sacristy window had been
disconnected and was never activated" / "La alarma de la ventana se activó a
las 4.10, pero cuando llegó la patrulla los cálices ya habían desaparecido"
read 0.85 (under the threshold) and 0.88 masked (under the bar of 0.91):
before, the denial was not reported.  Through the real model on a story
(``tests/data/best_below``) the rules' data was not written for; the ease is
for such pairs only, not for two sentences of one language nor for verify
mode's report sentences, and for NEG001 only, which also asks the token
alignment for what is denied (for ATT001 it set "dijo Yuriy Mukhin" against
"The Cuban foreign ministry has revealed" in the seeds)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of  # noqa: F401  (fixture)
from consistency.config import Config
from consistency.records import Claim
from consistency.rules.base import Pair
from consistency.rules.common import BEST_MATCH_EASE, same_event, same_event_bar

STORY = Path(__file__).parent / "data" / "best_below"


@pytest.mark.model
def test_a_denial_of_a_best_match_under_the_threshold_is_reported(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "NEG") == [
        ("NEG001", "error", (("a_en", "a_en:4", "never"), ("b_es", "b_es:4", None)))]


@pytest.mark.model
def test_both_denying_it_is_no_finding(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "b_es.md", "La alarma de la ventana se activó a las 4.10, pero",
                         "La alarma de la ventana no llegó a activarse, y")
    report = checker.check([str(story)])
    assert findings_of(report, "NEG") == []


def _pair(masked: float, best_below: bool, lang_b: str = "es") -> Pair:
    from consistency.records import Article

    a = Claim(id="a:1", article="a", text="x", start=0, end=1, lang="en", line=1, end_line=1)
    b = Claim(id="b:1", article="b", text="y", start=0, end=1, lang=lang_b, line=1, end_line=1)
    art = Article(id="a", path="a.md", text="x", lang="en")
    return Pair(a=a, b=b, art_a=art, art_b=art, config=Config(), masked=masked, best_below=best_below)


def test_the_bar_eases_for_best_matches_under_the_threshold_only():
    bar = same_event_bar(Config(), "en", "es")
    assert same_event(_pair(bar - BEST_MATCH_EASE / 2, best_below=True), best_ease=True)
    assert not same_event(_pair(bar - BEST_MATCH_EASE / 2, best_below=False), best_ease=True)
    assert not same_event(_pair(bar - BEST_MATCH_EASE * 1.5, best_below=True), best_ease=True)
    # only a rule that asks for it (NEG001, which also asks the token
    # alignment for what is denied) gets the ease
    assert not same_event(_pair(bar - BEST_MATCH_EASE / 2, best_below=True))
