"""Rule cases as data: ``tests/rules/<CODE>.toml``, one test per case.

Each case is a pair of claims.  The REAL fact extractors read both texts
(``consistency.facts.extract_text`` with the case's publication date) and the
pair goes straight to the rule engine as a two-claim cluster with a direct
link (no embedding model).  A "fire" case must produce exactly one finding of
the file's code with the stated severity and compared values; a "pass" case
must produce none of that code.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from consistency.config import Config
from consistency.facts import FactContext, extract_text
from consistency.records import Article, Claim, Cluster
from consistency.rules.engine import run_rules

CASES = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for i, case in enumerate(data["case"]):
            yield pytest.param(path.stem, case, id=f"{path.stem}-{i}-{case['name']}")


def pytest_generate_tests(metafunc):
    if "case" in metafunc.fixturenames:
        metafunc.parametrize("code,case", list(_cases()))


def _side(aid: str, spec: dict, config: Config) -> tuple[Article, Claim]:
    published = dt.date.fromisoformat(spec["published"]) if "published" in spec else None
    text = spec["text"]
    art = Article(id=aid, path=f"{aid}.txt", text=text, lang=spec["lang"], published=published)
    facts = extract_text(text, 0, spec["lang"], FactContext(published=published, config=config))
    claim = Claim(id=f"{aid}:0", article=aid, text=text, start=0, end=len(text), lang=spec["lang"],
                  line=1, end_line=1, column=1, end_column=len(text) + 1, facts=facts)
    return art, claim


def judge(case: dict, config: Config):
    a, ca = _side("a", case["a"], config)
    b, cb = _side("b", case["b"], config)
    cluster = Cluster(id="c1", claims=(ca.id, cb.id), articles=("a", "b"),
                      links=((ca.id, cb.id, case.get("similarity", 0.9)),))
    return run_rules([a, b], [ca, cb], [cluster], config)


def test_case(code, case):
    found = [f for f in judge(case, Config()) if f.code == code]
    if case["expect"] == "pass":
        assert found == [], [f.message for f in found]
        return
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert f.severity == case["severity"]
    assert [e.value or "" for e in f.evidence] == case["values"]
    for e, side in zip(f.evidence, ("a", "b")):
        if e.value:
            assert case[side]["text"][e.value_start:e.value_end] == e.value
