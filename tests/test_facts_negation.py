"""Negation extraction, table-driven: tests/data/facts/negation_<lang>.toml.

Every case lists all negations expected, in order: cue, scope and span (the
``nth`` whole-word occurrence of the cue).  Idioms and hedges expect nothing.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from consistency.facts import negation
from consistency.records import Negation

DATA = Path(__file__).parent / "data" / "facts"
PREFIX = "Texto anterior.\n"


def _cases():
    for path in sorted(DATA.glob("negation_*.toml")):
        lang = path.stem.split("_", 1)[1]
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(lang, case, id=f"{lang}: {case['name']}")


def _word_at(text: str, word: str, nth: int) -> int:
    hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)]
    assert len(hits) > nth, f"{word!r} (occurrence {nth}) not in case text"
    return hits[nth]


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_negation_table(lang, case):
    off = len(PREFIX)
    article = PREFIX + case["text"]
    got = negation.extract(case["text"], off, lang, None)
    expected = []
    for x in case["expect"]:
        start = off + _word_at(case["text"], x["cue"], x.get("nth", 0))
        expected.append(Negation(x["cue"], start, start + len(x["cue"]), x.get("scope")))
    assert list(got) == expected
    for n in got:
        assert article[n.start:n.end] == n.cue
