"""Verify mode: opposite words in one frame, read more widely.

A report sentence that fuses several source sentences often keeps only part
of the wording around an opposite word: "may make it easier for the council
to raise rents" against "may now find it more difficult to raise rents".
NEG002 (``consistency/rules/predicate.py``) now reads the frame as two of the
three content words on one side shared (``FRAME_WORDS``, ``FRAME_SHARED``), a
degree word as the ending it stands for ("more difficult" ends like
"easier": ``degree_words`` in ``lang/en/antonyms.toml``), the two sentences
linked in one language where no name, number or date is shared, and only
shared words near the two words as swapping sides.  A source sentence that
holds both poles of a concept ("reducing the number of empty homes and
boosting the repair budget") sets against the report the one in its frame.
The texts (``tests/verify/opposites_framed``) use names no table knows,
through the real model.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)
from consistency.rules.predicate import _ending_in

VERIFY = Path(__file__).parent / "verify" / "opposites_framed"


def _claim(text: str, lang: str = "en") -> SimpleNamespace:
    return SimpleNamespace(text=text, start=100, lang=lang)


def test_a_degree_word_stands_for_an_ending():
    text = "it may find it more difficult to raise rents"
    assert _ending_in(_claim(text), "difficult", 100 + text.index("difficult")) == "er"
    text = "the least important outcome"
    assert _ending_in(_claim(text), "important", 100 + text.index("important")) == "est"
    text = "make it easier for the council"
    assert _ending_in(_claim(text), "easier", 100 + text.index("easier")) == "er"
    text = "a difficult year"
    assert _ending_in(_claim(text), "difficult", 100 + text.index("difficult")) == ""
    text = "es más difícil subir"  # Spanish lists no degree words: nothing is read
    assert _ending_in(_claim(text, "es"), "difícil", 100 + text.index("difícil")) == ""


@pytest.mark.model
def test_opposites_in_a_wider_frame_contradict(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "summary.md"), [str(VERIFY / "article.md")])
    got = [(f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings]
    assert got == [("NEG002", "contradicted", ("easier", "difficult")),
                   ("NEG002", "contradicted", ("increasing", "reducing"))]


@pytest.mark.model
def test_the_faithful_report_is_supported(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert loud(report) == []
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported"), ("SUP000", "supported")]
