"""Two upper bounds of one thing are two largest values
(``rules.quantity.bounds_differ``, ``upper_bound_ratio``; ``tests/data/upper_bounds``,
en-es, names no table knows).

"gusts of up to 95 km/h" / "rachas de hasta 130 kilómetros por hora": news
writes "up to" before the largest value it has, so the two reports give two
strongest gusts.  Before, both read as [0, 95] and [0, 130] km, overlapping:
a compatible variant.  Two lower bounds keep ``bound_ratio`` (1.5): "more
than 200 dead" is a figure that may have grown."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "upper_bounds"


@pytest.mark.model
def test_two_strongest_gusts_in_two_languages_differ(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings]
    assert got == [("QTY001", "error", [("a_en", "up to 95 km/h"), ("b_es", "hasta 130 kilómetros por hora")])]


@pytest.mark.parametrize("x, y, expected", [
    ((0.0, 60.0), (0.0, 80.0), True),        # up to 60 / up to 80: 1.33
    ((0.0, 60.0), (0.0, 65.0), False),       # up to 60 / up to 65: rounding
    ((200.0, math.inf), (280.0, math.inf), False),  # more than 200 / more than 280: 1.5 asked of lower bounds
    ((200.0, math.inf), (500.0, math.inf), True),
    ((0.0, 60.0), (50.0, math.inf), False),  # an upper and a lower bound: not two bounds on one side
])
def test_upper_bounds_differ_from_a_smaller_ratio_than_lower_bounds(x, y, expected):
    from consistency.rules.quantity import Interval, bounds_differ

    assert bounds_differ(Interval(*x, False, False, "km/h"), Interval(*y, False, False, "km/h")) is expected
