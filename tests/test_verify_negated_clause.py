"""Verify mode: a negated clause of a report sentence that joins several,
set against the source sentence that states that clause.

"Board chair Imke Rastova praised the volunteers' response ... and said the
port could not reopen the north quay and restore the ferry service without
more money from the council" reads closest to the tribute sentence, which
says nothing of the quay; its negated clause is set against "The port,
Rastova said, can reopen the north quay and restore the ferry service
without asking the council for more money" (``verify._negated_clause``, now
asked of every negated report sentence that nothing else contradicts, with
the source sentence stating a word of what the negation denies).  That
sentence's own "without" stands in another clause than the one that reads
closest to "said the port could not reopen the north quay", so it does not
say the report's negation (``verify._negated_where_closest``).  The mirror:
a clause of the report with no negation set against the negated clause of
the source sentence it reads closest to (``verify._denied_by_source``,
``tests/verify/denied_by_source``).  The texts
(``tests/verify/negated_clause``) use names no table knows, through the real
model.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

VERIFY = Path(__file__).parent / "verify" / "negated_clause"


@pytest.mark.model
def test_the_negated_clause_is_contradicted(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "summary.md"), [str(VERIFY / "article.md")])
    got = [(f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings]
    assert got == [("NEG001", "contradicted", ("not", None)), ("SUP000", "supported", (None, None))]
    neg = report.findings[0]
    assert neg.message == 'Polarity differs: summary says it did not happen ("not") but Harbour Gazette says it did'
    assert "can reopen the north quay" in neg.evidence[1].text


@pytest.mark.model
def test_the_faithful_report_is_supported(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert loud(report) == []
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported"), ("SUP000", "supported")]


DENIED = Path(__file__).parent / "verify" / "denied_by_source"


@pytest.mark.model
def test_a_clause_the_source_denies_is_contradicted(checker):  # noqa: F811
    # "..., but there are plans to close the Brenna route" reads closest to
    # the clause "there are no plans at the moment to close the Brenna
    # route" of a source sentence that opens on fuel costs
    # (``verify._denied_by_source``)
    report = checker.verify(str(DENIED / "summary.md"), [str(DENIED / "article.md")])
    got = [(f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings]
    assert got == [("NEG001", "contradicted", (None, "no")), ("SUP000", "supported", (None, None))]
    assert report.findings[0].message == \
        'Polarity differs: Island Herald says it did not happen ("no") but summary says it did'


@pytest.mark.model
def test_the_clause_told_with_its_negation_is_not(checker):  # noqa: F811
    report = checker.verify(str(DENIED / "faithful.md"), [str(DENIED / "article.md")])
    assert loud(report) == []
    assert [f.code for f in report.findings if f.code.startswith("NEG")] == []


PART = Path(__file__).parent / "verify" / "negated_clause_part"


@pytest.mark.model
def test_the_clause_of_the_source_the_negation_denies(checker):  # noqa: F811
    # "although it was not the fifth consecutive quarter of expansion" reads
    # closer to "The growth falls well short of what analysts expected, but
    # does mark a fifth straight quarter of expansion" as a whole ("falls
    # short" stands near "not"); its second clause is the one the negation
    # denies, and leaving "not" out reads much closer to that clause
    report = checker.verify(str(PART / "summary.md"), [str(PART / "article.md")])
    got = sorted((f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings)
    assert got == [("NEG001", "contradicted", ("not", None)), ("SUP000", "supported", (None, None))]
    report = checker.verify(str(PART / "faithful.md"), [str(PART / "article.md")])
    assert loud(report) == []
