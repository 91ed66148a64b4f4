"""ATT001 asks the model first: shared words make two claims of one language
the same statement only when the model, with their slots masked, reads them
near (``TOPIC_MARGIN`` over the link threshold).  The masked cosine is given
here by hand (a stand-in for the model); the extractors are the real ones.
On the BBC News politics articles this gate took ATT001 from 116 to 71
findings, nearly all of them two people's different statements on one topic;
the seeds' Vedomosti / Gazette pair reads 0.915 (tests/test_rules_seeds.py)."""
from __future__ import annotations

import pytest

from consistency.config import Config
from consistency.facts import FactContext, extract_text
from consistency.records import Article, Claim
from consistency.rules.attribution import ATT001, TOPIC_MARGIN
from consistency.rules.base import Pair

A = "Ruth Maddox, chief executive of Water Watch, said the new charge on the Harwick bridge was unfair to pensioners."
B = "Council leader Lena Marsh said the new charge on the Harwick bridge was unfair to pensioners and should go."


def _claim(aid: str, text: str, config: Config) -> tuple[Article, Claim]:
    art = Article(id=aid, path=f"{aid}.txt", text=text, lang="en", published=None)
    facts = extract_text(text, 0, "en", FactContext(published=None, config=config))
    return art, Claim(id=f"{aid}:0", article=aid, text=text, start=0, end=len(text), lang="en",
                      line=1, end_line=1, column=1, end_column=len(text) + 1, facts=facts)


def _judge(masked):
    config = Config()
    (aa, ca), (ab, cb) = _claim("a", A, config), _claim("b", B, config)
    pair = Pair(a=ca, b=cb, art_a=aa, art_b=ab, config=config, similarity=0.9, masked=masked)
    return [(j.value_a, j.value_b) for j in ATT001().check(pair)]


def test_shared_words_alone_decide_when_the_model_gave_nothing():
    assert _judge(None) == [("Ruth Maddox", "Council leader Lena Marsh")]


@pytest.mark.parametrize("above,fires", [(TOPIC_MARGIN + 0.005, True), (TOPIC_MARGIN - 0.005, False)])
def test_shared_words_count_only_when_the_model_reads_the_claims_near(above, fires):
    masked = Config().link_threshold() + above
    assert _judge(masked) == ([("Ruth Maddox", "Council leader Lena Marsh")] if fires else [])
