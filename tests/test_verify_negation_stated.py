"""A report's negation that a source states too is no contradiction
(``verify._negation_stated``; ``tests/verify/never_happened``: one English
article with names no table of the project knows, through the real model).

"..., but the tour never took place" joins three source sentences; the
closest, "1983 was to be the year he toured West Africa with the guitarist
Samuel Eze", read without the negation, looks denied by it.  The article
also says "Of course the 1983 tour never happened": the negated clause reads
closest to that sentence, negated too, so the sources say it did not
happen.  Before, NEG001 reported the faithful sentence as contradicted.  It
is still not backed by any one source sentence (SUP001: the joined sentence
reads 0.85 from its closest).  A negation the article does not state, "his
records did not sell more in 1994", is still reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

DATA = Path(__file__).parent / "verify" / "never_happened"
ARTICLE = str(DATA / "article.md")
JOINED = ("Brandvik had planned to tour West Africa with the guitarist Samuel Eze in 1983, having played only "
          "in Lagos and Accra before, but the tour never took place.")


@pytest.mark.model
def test_a_negation_the_source_states_is_not_a_contradiction(checker):  # noqa: F811
    report = checker.verify(str(DATA / "faithful.md"), [ARTICLE])
    assert [(code, status, text) for code, status, text, _ in loud(report)] == [
        ("SUP001", "unsupported", JOINED)]


@pytest.mark.model
def test_a_negation_the_source_does_not_state_is_reported(checker):  # noqa: F811
    report = checker.verify(str(DATA / "edited.md"), [ARTICLE])
    found = [(f.code, f.status, f.evidence[0].text, f.evidence[1].text) for f in report.findings
             if f.severity == "error"]
    assert found == [("NEG001", "contradicted",
                      "According to Okafor, his records did not sell more in 1994 than in any year of his life.",
                      "His records sold more in 1994 than in any year of his life, she added.")]


@pytest.mark.model
def test_the_spanish_summary_of_the_same_sentences_is_quiet(checker):  # noqa: F811
    report = checker.verify(str(DATA / "fiel_es.md"), [ARTICLE])
    assert loud(report) == []
