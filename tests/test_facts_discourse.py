"""Attributions across sentences, table-driven: tests/data/facts/discourse_<lang>.toml.

Each case is a small article run through the real claim splitter and fact
extractors, then :func:`consistency.facts.discourse.resolve`.  The test
asserts every attribution that is not stated in its own sentence: claim,
source (and the article text at its span), key, how and via -- and that the
explicit ones are left exactly as the extractor found them.
"""
from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from consistency.claims import split_claims
from consistency.config import Config
from consistency.facts import discourse, extract_facts
from consistency.records import Article, Attribution

DATA = Path(__file__).parent / "data" / "facts"


def _cases():
    for path in sorted(DATA.glob("discourse_*.toml")):
        lang = path.stem.split("_", 1)[1]
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(lang, case, id=f"{lang}: {case['name']}")


def _run(text: str, lang: str, options: dict | None = None):
    art = Article(id="t", path="t.txt", text=text, lang=lang)
    config = Config(rules={"ATT001": dict(options or {})})
    claims = [dataclasses.replace(c, facts=extract_facts(c, art, config))
              for c in split_claims(art, config)]
    return art, claims, discourse.resolve(art, claims, config)


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_discourse_table(lang, case):
    art, before, after = _run(case["text"], lang, case.get("options"))
    assert [c.id for c in after] == [c.id for c in before]
    got = [(int(c.id.split(":")[1]), a.source, a.key, a.how, int(a.via.split(":")[1]))
           for c in after for a in c.facts.attributions if a.how != "explicit"]
    want = [(x["claim"], x["source"], x["key"], x["how"], x["via"]) for x in case["inferred"]]
    assert got == want
    by_id = {c.id: c for c in after}
    for old, new in zip(before, after):
        explicit = [a for a in new.facts.attributions if a.how == "explicit"]
        inferred = [a for a in new.facts.attributions if a.how != "explicit"]
        # explicit attributions untouched; a resolved one replaces its generic mention
        assert len(new.facts.attributions) == max(len(old.facts.attributions), len(inferred))
        assert all(a in old.facts.attributions for a in explicit)
        for a in inferred:
            assert art.text[a.source_start:a.source_end] == a.source
            named = [x for x in by_id[a.via].facts.attributions if x.how == "explicit"]
            assert any((x.source_start, x.key) == (a.source_start, a.key) for x in named)
            if a.how == "resolved":  # the generic phrase stays where it is written
                assert new.start <= a.start < a.end <= new.end
                assert art.text[a.start:a.end] == a.text
            else:
                assert old.facts.attributions == ()


def test_headlines_are_left_alone():
    text = "Reuters reported a raid\n\nPolice searched homes on Monday. Two suspects were arrested."
    _, before, after = _run(text, "en")
    assert after[0].headline and after[0] == before[0]
    assert [a.key for a in after[0].facts.attributions] == ["outlet:reuters"]
    assert [a.how for c in after for a in c.facts.attributions] == ["explicit"]


def test_lead_option_widens_the_lead():
    text = ("Cuba has dismantled a trafficking ring. Two suspects were arrested. "
            "The ring recruited Cubans for the war, Reuters reported. Police searched homes.")
    _, _, after = _run(text, "en", {"lead": "3"})
    got = [(c.id, a.source, a.how, a.via) for c in after for a in c.facts.attributions
           if a.how != "explicit"]
    assert got == [("t:1", "Reuters", "inherited", "t:3"), ("t:2", "Reuters", "inherited", "t:3"),
                   ("t:4", "Reuters", "inherited", "t:3")]


def test_settings_defaults_and_overrides():
    assert discourse.settings(None) == (3, 2, True)
    assert discourse.settings(Config()) == (3, 2, True)
    cfg = Config(rules={"ATT001": {"window": "5", "lead": "1", "inherit": "no"}})
    assert discourse.settings(cfg) == (5, 1, False)


def test_quotation():
    d = discourse._data("en")
    art = Article(id="q", path="q.txt", lang="en",
                  text='"We will act," he said. Cuba acts. He said "yes" to it. Cuba’s army is "not part of it at all".')
    claims = split_claims(art, Config())
    assert [discourse.quotation(c, d) for c in claims] == [True, False, False, True]


def test_credit_needs_an_outlet_or_a_report():
    d = discourse._data("en")
    outlet = Attribution("Reuters", "outlet:reuters", "reported", "Reuters reported", 0, 16)
    report = Attribution("British intelligence report", "org:united-kingdom/intelligence", "said",
                         "British intelligence report said", 0, 32)
    ministry = Attribution("Health Ministry", "org:health-ministry", "according to",
                           "according to the Health Ministry", 0, 32)
    generic = Attribution("report", "src:report", "said", "report said", 0, 11)
    inherited = dataclasses.replace(outlet, how="inherited", via="x:1")
    assert [discourse.credit(a, d) for a in (outlet, report, ministry, generic, inherited)] == [
        True, True, False, False, False]
