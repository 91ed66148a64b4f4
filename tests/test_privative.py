"""A privative phrase denies a thing, not an event ("residents had no
running water" restates "the storm cut their running water"), so NEG001
leaves it alone -- unless the other sentence says the thing is had: "Weir
has no agreement with Larne" against "Robbie has an agreement with Larne",
"they had no reports of the condition" against "they had reports of it"
(``rules.negation.possessed_in``: the possession words are those of the
``privative`` phrases in ``lang/<lang>/rules.toml``).

On the way: "had no reports of injuries" credits no one (the reporting
verb after "no", or in its present form after "had", is a noun), and an
unnamed position ("a spokeswoman said") is not a different source from an
organisation ("the regional health ministry said") when the sources are
compared as described.

The story (``tests/data/privative``) and the verify case
(``tests/verify/privative``) use names no table of the project knows,
through the real model.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud_values  # noqa: F401  (a fixture and a helper)
from consistency.facts.attributions import extract
from consistency.rules.negation import _possession_words

STORY = Path(__file__).parent / "data" / "privative"
VERIFY = Path(__file__).parent / "verify" / "privative"


def test_possession_words_come_from_the_privative_phrases():
    # "had no", "has no", "have no", "with no", "left with no"; "without" and
    # "lack of" have no cue word inside
    assert _possession_words("en") == {"had", "has", "have", "with"}
    assert _possession_words("es") == frozenset()  # "sin", "falta de", "carente de"


@pytest.mark.parametrize("text, sources", [
    ("The regional health ministry had no reports of injuries, a spokeswoman said.", [("spokeswoman", "said")]),
    ("The ministry said it had reports of injuries after the tremor.", [("ministry", "said")]),
    ("Its reports show a fall in sales.", []),
    # the verbs themselves still credit
    ("The ministry has said that 12 people died.", [("ministry", "said")]),
    ("Reuters reports that 12 people died.", [("Reuters", "reports")]),
])
def test_a_reporting_word_used_as_a_noun_credits_no_one(text, sources):
    assert [(a.source, a.verb) for a in extract(text, 0, "en")] == sources


@pytest.mark.model
def test_had_no_reports_against_had_reports(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    # the electricity the villages "were left with no" of (a) and the
    # electricity the tremor "cut" (b) are one account: no finding; nor do
    # "a spokeswoman" and "the regional health ministry" differ as sources
    assert got == [("NEG001", "error", (("a_en", "no"), ("b_en", None)))]


@pytest.mark.model
def test_a_summary_denying_what_the_source_says_is_had(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "negated.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status) for f in report.findings] == [("NEG001", "contradicted")]
    assert loud_values(report) == [("NEG001", (("negated", "no"), ("article", None)))]


@pytest.mark.model
def test_a_summary_stating_what_the_source_says_is_not_had(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "stated.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status) for f in report.findings] == [("NEG001", "contradicted")]
    assert loud_values(report) == [("NEG001", (("stated", None), ("article", "no")))]


@pytest.mark.model
def test_the_faithful_summary_is_supported(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported")] * 3
