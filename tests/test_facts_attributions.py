"""Attribution extraction, table-driven: tests/data/facts/attributions_<lang>.toml.

Every case lists all attributions expected, in order: phrase and span, the
source as written and its span (inside the phrase), key and verb.  Every
attribution in the five seed articles has a case.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from consistency.facts import attributions
from consistency.records import Attribution

DATA = Path(__file__).parent / "data" / "facts"
PREFIX = "Earlier text.\n"


def _cases():
    for path in sorted(DATA.glob("attributions_*.toml")):
        lang = path.stem.split("_", 1)[1]
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(lang, case, id=f"{lang}: {case['name']}")


def _nth(text: str, sub: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(sub, pos + 1)
        assert pos >= 0, f"{sub!r} (occurrence {nth}) not in case text"
    return pos


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_attribution_table(lang, case):
    off = len(PREFIX)
    article = PREFIX + case["text"]
    got = attributions.extract(case["text"], off, lang, None)
    expected = []
    for x in case["expect"]:
        start = off + _nth(case["text"], x["text"], x.get("nth", 0))
        s_start = start + x["text"].index(x["source"])
        expected.append(Attribution(
            source=x["source"], key=x["key"], verb=x["verb"], text=x["text"],
            start=start, end=start + len(x["text"]),
            source_start=s_start, source_end=s_start + len(x["source"])))
    assert list(got) == expected
    for a in got:
        assert article[a.start:a.end] == a.text
        assert article[a.source_start:a.source_end] == a.source


def _att(source, key):
    return Attribution(source, key, "reported", source, 0, len(source))


def test_same_outlet_translated_newspaper_name():
    (a,) = attributions.extract("In May, the Ryazan Vedomosti newspaper reported it.", 0, "en")
    (b,) = attributions.extract("According to a report from the Russian newspaper Ryazan Gazette, it happened.", 0, "en")
    assert (a.key, b.key) == ("outlet:ryazan/gazette", "outlet:ryazan/gazette")
    assert attributions.same_outlet(a, b) == (True, "'vedomosti' means 'gazette'")


def test_same_outlet_spanish_translation():
    (a,) = attributions.extract("Según la Gaceta de Riazán, varios cubanos firmaron.", 0, "es")
    (b,) = attributions.extract("In May, the Ryazan Vedomosti newspaper reported it.", 0, "en")
    assert attributions.same_outlet(a, b) == (True, "'gaceta' and 'vedomosti' both mean 'gazette'")


def test_same_outlet_other_cases():
    assert attributions.same_outlet(_att("Tass", "outlet:tass"), _att("TASS", "outlet:tass")) == (True, None)
    assert attributions.same_outlet(_att("Ryazan Vedomosti", "outlet:ryazan/gazette"),
                                    _att("Moscow Vedomosti", "outlet:moscow/gazette")) == (False, None)
    assert attributions.same_outlet(_att("Reuters", "outlet:reuters"),
                                    _att("Tass", "outlet:tass")) == (False, None)
    assert attributions.same_outlet(_att("Ryazanskiye Vedomosti", "outlet:ryazanskiye/gazette"),
                                    _att("Ryazanskie Vedomosti", "outlet:ryazanskie/gazette")) == \
        (True, "spelling variants ('Ryazanskiye Vedomosti' / 'Ryazanskie Vedomosti', similarity 97)")
