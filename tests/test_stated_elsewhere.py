"""An amount the other article also states is no contradiction of it
(``tests/data/stated_elsewhere``): "fined ... 1.2 million euros" against "más
de dos millones de euros entre multa e indemnización", whose article states
"una multa de 1,2 millones" in its next sentence -- the total and one of its
parts, not two fines.  Through the real model and the whole pipeline (every
article's amounts reach the rules as ``SameEvent.amounts``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)
from consistency.records import Quantity

DATA = Path(__file__).parent / "data" / "stated_elsewhere"


@pytest.mark.model
def test_a_total_and_its_part_are_not_two_fines(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    # the fine and the total are clustered, so QTY001 weighed them ...
    assert any({"a_en:2", "b_es:2"} <= set(c.claims) for c in report.clusters)
    # ... and left them alone
    assert [(f.code, f.severity) for f in report.findings if f.code.startswith("QTY")
            and f.severity != "info"] == []
    # the amounts are there to compare: both articles' figures were read
    amounts = {(c.article, q.text) for c in report.claims for q in c.facts.quantities}
    assert {("a_en", "1.2 million euros"), ("b_es", "más de dos millones de euros"),
            ("b_es", "1,2 millones")} <= amounts


def _q(kind, value, unit, qualifier="exact"):
    return Quantity(kind=kind, value=value, low=value, high=value, unit=unit, qualifier=qualifier,
                    text=str(value), start=0, end=1)


def test_stated_elsewhere_needs_the_same_specific_figure():
    from consistency.rules.quantity import stated_elsewhere

    fine = _q("money", 1.2e6, "EUR")
    assert stated_elsewhere(fine, [_q("money", 1.2e6, "EUR")])
    assert stated_elsewhere(fine, [_q("count", 1.2e6, None)])  # the currency left off
    assert not stated_elsewhere(fine, [_q("money", 1.5e6, "EUR")])
    assert not stated_elsewhere(fine, [_q("money", 1.2e6, "USD")])
    assert not stated_elsewhere(fine, [_q("money", 1.2e6, "EUR", "about")])
    assert not stated_elsewhere(_q("count", 12, None), [_q("count", 12, None)])  # a small count recurs
    assert stated_elsewhere(_q("count", 1800, None), [_q("count", 1800, None)])
