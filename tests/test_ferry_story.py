"""The development story ``benchmarks/dev_stories/ferry_fine``: its first
measurement read La Voz de Kellsport's headline "Multa de 1,8 millones a
Nordlys Lines por sus botes salvavidas" as 1.8 million of something and set
it against "20 (lifeboats)" and "hasta 1.900 (pasajeros)".  A bare count of
what the article gives as money elsewhere ("una multa de 1,8 millones de
euros") is that money (``facts.quantities.article_units``).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from builders import article, claim, qty  # noqa: E402

from consistency.facts.quantities import article_units  # noqa: E402

STORY = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories" / "ferry_fine"


def test_a_bare_count_of_the_article_s_money_is_that_money():
    text = "Multa de 1,8 millones a Nordlys. Le impusieron una multa de 1,8 millones de euros y 20 botes."
    art = article("b", text, lang="es")
    head = claim(art, "Multa de 1,8 millones a Nordlys.", 0,
                 quantities=(qty(art, "1,8 millones", "count", 1.8e6, None, measures="multa"),))
    body = claim(art, "Le impusieron una multa de 1,8 millones de euros y 20 botes.", 1,
                 quantities=(qty(art, "1,8 millones de euros", "money", 1.8e6, "EUR", measures="multa"),
                             qty(art, "20", "count", 20, None, measures="botes")))
    got = article_units([head, body])
    assert [(q.kind, q.unit) for q in got[0].facts.quantities] == [("money", "EUR")]
    assert got[1] is body  # the lifeboats stay a count


def test_two_currencies_for_one_measure_say_nothing():
    text = "Un rescate de 2 millones. Piden un rescate de 2 millones de dólares, o 1,8 millones de euros."
    art = article("b", text, lang="es")
    head = claim(art, "Un rescate de 2 millones.", 0,
                 quantities=(qty(art, "2 millones", "count", 2e6, None, measures="rescate"),))
    body = claim(art, "Piden un rescate de 2 millones de dólares, o 1,8 millones de euros.", 1,
                 quantities=(qty(art, "2 millones de dólares", "money", 2e6, "USD", measures="rescate"),
                             qty(art, "1,8 millones de euros", "money", 1.8e6, "EUR", measures="rescate")))
    assert article_units([head, body])[0] is head


@pytest.mark.model
def test_the_headline_fine_is_compared_as_money(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    qty_findings = sorted((f.code, tuple((e.article, e.value) for e in f.evidence))
                          for f in report.findings if f.code == "QTY001")
    # the fine and the lifeboats, nothing set against "20" or "hasta 1.900"
    assert qty_findings == [
        ("QTY001", (("a_en", "12"), ("b_es", "ocho"))),
        ("QTY001", (("a_en", "€2.8m"), ("b_es", "1,8 millones"))),
        ("QTY001", (("b_es", "1,8 millones de euros"), ("c_en", "€2.8 million"))),
        ("QTY001", (("b_es", "1,8 millones de euros"), ("d_es", "2,8 millones"))),
        ("QTY001", (("b_es", "1,8 millones de euros"), ("d_es", "2,8 millones de euros"))),
        ("QTY001", (("b_es", "ocho"), ("c_en", "12"))),
    ]
