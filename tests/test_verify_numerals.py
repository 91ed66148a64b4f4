"""Verify mode on figures a source writes in a form that is no amount
(``tests/verify/numerals``: an English article with names no table of the
project knows), through the real model.

* "Marking 40 years since the festival was founded" restates "To mark the
  40th anniversary of the founding": the ordinal states the figure.
* "conceding three goals" restates "a 3-0 defeat": one side of the score
  states the count.
* "Marking 45 years since ..." is still a figure no source states.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, sentence  # noqa: F401  (a fixture)
from consistency.records import Quantity
from consistency.rules.support import numeral_written

DATA = Path(__file__).parent / "verify" / "numerals"
ARTICLE = str(DATA / "article.md")


@pytest.mark.model
def test_an_ordinal_or_a_score_in_the_source_states_the_figure(checker):  # noqa: F811
    report = checker.verify(str(DATA / "faithful.md"), [ARTICLE])
    got = [(f.code, f.status) for f in report.findings]
    assert got == [("SUP000", "supported"), ("SUP000", "supported")]


@pytest.mark.model
def test_another_figure_is_still_in_no_source(checker):  # noqa: F811
    report = checker.verify(str(DATA / "invented.md"), [ARTICLE])
    got = [(f.code, f.severity, f.status, f.message) for f in report.findings]
    assert got == [("SUP002", "warning", "partial",
                    'Partly supported: quantity "45 years" appears in no source; '
                    "the rest is supported by Harbour Review")]


def _count(value: float, kind: str = "count") -> Quantity:
    return Quantity(kind=kind, value=value, low=value, high=value, unit=None, qualifier="exact",
                    text=str(value), start=0, end=1)


@pytest.mark.parametrize("text,value,lang,expect", [
    ("To mark the 60th anniversary of his birth", 60, "en", True),
    ("they fell to a 2-0 defeat at home", 2, "en", True),
    ("they won 1\u20133 away", 3, "en", True),
    ("the 3rd round", 3, "en", True),
    ("la 5.\u00aa edición del festival", 5, "es", True),
    ("the 60th anniversary", 6, "en", False),       # not the whole number
    ("60 people attended", 60, "en", False),        # an amount, which the index compares itself
    ("COVID-19 cases rose", 19, "en", False),       # a name's number
    ("they fell to a 2-0 defeat", 2.5, "en", False),
])
def test_numeral_written(text, value, lang, expect):
    assert numeral_written(_count(value), sentence(text, lang)) is expect
