"""Date extraction, table-driven from tests/data/facts/dates_<lang>.toml.

Every case gives the publication date (or none) and every date expected in its
text, in order; a case passes only if the extractor finds exactly those, with
the same span, bounds, granularity, resolved flag and relative description.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from consistency.facts import FactContext, dates

DATA = Path(__file__).parent / "data" / "facts"
OFFSET = 500


def _cases():
    for path in sorted(DATA.glob("dates_*.toml")):
        lang = path.stem.split("_", 1)[1]
        with path.open("rb") as fh:
            for case in tomllib.load(fh)["case"]:
                yield pytest.param(lang, case, id=f"{lang}: {case['name']}")


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_date_case(lang, case):
    text = case["text"]
    got = dates.extract(text, OFFSET, lang, FactContext(published=case.get("published")))
    expect = case["expect"]
    assert [d.text for d in got] == [e["text"] for e in expect]
    pos = 0
    for d, e in zip(got, expect):
        start = text.index(e["text"], pos)
        pos = start + len(e["text"])
        assert (d.start, d.end) == (OFFSET + start, OFFSET + pos), e["text"]
        assert d.low == e.get("low")
        assert d.high == e.get("high")
        assert d.granularity == e["granularity"]
        assert d.resolved == e.get("resolved", True)
        assert d.relative == e.get("relative")


def test_case_tables_are_large_enough():
    cases = list(_cases())
    assert len(cases) >= 40
    assert {p.values[0] for p in cases} == {"en", "es"}


def test_spans_cover_what_quantities_must_skip():
    text = "On 22 May 2023, 11,000 people marched; hace dos semanas."
    assert dates.spans(text, "en")[0] == (3, 14)
    assert dates.spans("Pasó hace dos semanas.", "es") == ((5, 21),)


def test_published_date_type():
    (d,) = dates.extract("Last year", 0, "en", FactContext(published=dt.date(2020, 2, 29)))
    assert (d.low, d.high) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
