"""What the verify-mode test modules share: one checker per module (the
model loads once), and the warnings and errors of a report."""
from __future__ import annotations

import pytest

from consistency.pipeline import Checker
from consistency.records import Claim, Facts


@pytest.fixture(scope="module")
def checker():
    return Checker(quiet=True)


def loud(report):
    """(code, status, report sentence, message) of each warning and error."""
    return [(f.code, f.status, f.evidence[0].text, f.message) for f in report.findings
            if f.severity in ("warning", "error")]


def loud_values(report):
    """(code, ((article, compared value), ...)) of each warning and error."""
    return [(f.code, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
            if f.severity in ("warning", "error")]


def sentence(text: str, lang: str = "en") -> Claim:
    """A one-sentence source claim with no facts read, for unit tests of
    the support helpers."""
    return Claim(id="s:1", article="s", text=text, start=0, end=len(text), lang=lang, line=1, end_line=1,
                 facts=Facts())
