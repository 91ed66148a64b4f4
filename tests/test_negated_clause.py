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
say the report's negation (``verify._negated_where_closest``).  The texts
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
