"""Quantity extraction, table-driven from tests/data/facts/quantities_<lang>.toml.

Every case lists every quantity expected in its text, in order; a case passes
only if the extractor finds exactly those, with the same kind, value, interval
(bounds and openness), unit, qualifier, what it measures, equivalents, note and
span.
"""
from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from consistency.config import Config
from consistency.facts import FactContext, quantities

DATA = Path(__file__).parent / "data" / "facts"
OFFSET = 1000  # claims start somewhere inside their article


def _cases():
    for path in sorted(DATA.glob("quantities_*.toml")):
        lang = path.stem.split("_", 1)[1]
        with path.open("rb") as fh:
            for case in tomllib.load(fh)["case"]:
                yield pytest.param(lang, case, id=f"{lang}: {case['name']}")


def _num(x):
    return pytest.approx(x, rel=1e-9, abs=1e-9) if not math.isinf(x) else x


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_quantity_case(lang, case):
    text = case["text"]
    got = quantities.extract(text, OFFSET, lang, FactContext(published=None, config=Config()))
    expect = case["expect"]
    assert [q.text for q in got] == [e["text"] for e in expect]
    pos = 0
    for q, e in zip(got, expect):
        start = text.index(e["text"], pos)
        pos = start + len(e["text"])
        assert (q.start, q.end) == (OFFSET + start, OFFSET + pos), e["text"]
        assert q.kind == e["kind"]
        assert q.value == _num(e["value"])
        assert q.low == _num(e["low"])
        assert q.high == _num(e["high"])
        assert q.low_open == e.get("low_open", False)
        assert q.high_open == e.get("high_open", False)
        assert q.unit == e.get("unit")
        assert q.qualifier == e["qualifier"]
        assert q.measures == e.get("measures")
        assert [(x.value, x.unit) for x in q.equivalents] == [tuple(x) for x in e.get("equivalents", [])]
        assert q.note == e.get("note")


def test_case_tables_are_large_enough():
    cases = list(_cases())
    assert len(cases) >= 40
    assert {p.values[0] for p in cases} == {"en", "es"}


def test_tolerances_come_from_config():
    ctx = FactContext(config=Config(tolerance_about=0.2, tolerance_nearly=0.05))
    about, nearly = quantities.extract("about 100 people and nearly 200 cars", 0, "en", ctx)
    assert (about.low, about.high) == (80, 120)
    assert (nearly.low, nearly.high, nearly.high_open) == (190, 200, True)


def test_span_indexes_the_article_text():
    article = "Intro line.\nThey promise a signing bonus of 495,000 rubles ($5,300)."
    start = article.index("They")
    (q,) = quantities.extract(article[start:], start, "en", FactContext())
    assert article[q.start:q.end] == q.text == "495,000 rubles"


def test_unknown_language_falls_back_to_english_data():
    (q,) = quantities.extract("about 5,300 troops", 0, "xx", FactContext())
    assert (q.value, q.qualifier, q.measures) == (5300, "about", "troops")


def test_a_share_in_words_gives_way_to_a_longer_amount_around_it():
    got = quantities.extract("They won half a million votes.", 0, "en", FactContext(published=None, config=Config()))
    assert [(q.text, q.kind, q.value) for q in got] == [("half a million", "count", 500000)]
