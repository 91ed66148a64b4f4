"""Verify mode on a name the source gives as a description ("the new
Polish operator", "The Rotterdam company"; ``tests/verify/described``: an
English article with names no table of the project knows), through the
real model.

* "... to new operator Baltrem Lines ..." restates "with the new Polish
  operator" (the article names Baltrem Lines, a new Polish operator,
  elsewhere): the report named what the sentence describes, no swap.
* A name in no source is still reported ("Korvel Marine signed ...").
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, sentence  # noqa: F401  (a fixture)
from consistency.records import Entity
from consistency.rules.support import Fact, _describes

DATA = Path(__file__).parent / "verify" / "described"
ARTICLE = str(DATA / "article.md")


@pytest.mark.model
def test_a_name_for_what_the_source_describes_is_no_swap(checker):  # noqa: F811
    report = checker.verify(str(DATA / "faithful.md"), [ARTICLE])
    got = [(f.code, f.status) for f in report.findings]
    assert got == [("SUP000", "supported")]


@pytest.mark.model
def test_a_name_in_no_source_is_still_reported(checker):  # noqa: F811
    report = checker.verify(str(DATA / "swapped.md"), [ARTICLE])
    got = [(f.code, f.severity, f.status, f.message) for f in report.findings]
    assert got == [("SUP002", "warning", "partial",
                    'Partly supported: entity "Korvel Marine" appears in no source; '
                    "the rest is supported by Coastal Trade Weekly")]


def _fact(text: str, type_: str, start: int = 0) -> Fact:
    e = Entity(text=text, type=type_, key=f"x:{text.lower()}", start=start, end=start + len(text))
    return Fact("entity", text, e.start, e.end, e)


@pytest.mark.parametrize("text,name,report_type,expect", [
    ("The US company also said it had agreed", "US", "MISC", True),
    ("it had agreed with a new Indian budget airline the sale", "Indian", "ORG", True),
    ("with the new Polish operator", "Polish", "PER", True),
    ("The US said it would send aid", "US", "ORG", False),          # the US itself, no description
    ("talks in Oslo ended", "Oslo", "ORG", False),                  # no determiner: a place
    ("the US company said", "US", "LOC", False),                    # a place for a place may be a swap
    ("a very big new Polish ferry operator", "Polish", "ORG", False),  # too far from its determiner
])
def test_describes(text, name, report_type, expect):
    source = sentence(text)
    g = _fact(name, "NORP" if name in ("Indian", "Polish") else "LOC", text.index(name))
    assert _describes(_fact("Velmarin", report_type), g, source) is expect
