"""Rule 11 of the clusterer (``cluster._close_left_apart``): across
languages, two sentences that are each other's closest in the other's
article, a little under the link threshold, are compared; ATT001 then takes
the shared day as its evidence ("first reported on Friday by ... Quaylight"
/ "lo adelantó el viernes la emisora Radio Marea").  The story
(``tests/data/near_best``) uses names no table of the project knows, through
the real model."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker  # noqa: F401  (a fixture)
from consistency import cluster

STORY = Path(__file__).parent / "data" / "near_best"


def _judged(report) -> list[tuple]:
    return sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)


@pytest.mark.model
def test_a_changed_source_a_little_under_the_threshold_is_found(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert _judged(report) == [("ATT001", "warning", (("a_en", "Quaylight"), ("b_es", "Radio Marea")))]
    pair = next(c for c in report.clusters if set(c.claims) == {"a_en:4", "b_es:4"})
    threshold = checker.config.link_threshold()
    assert threshold - cluster.BELOW_MARGIN <= pair.links[0][2] < threshold


@pytest.mark.model
def test_without_rule_11_the_two_are_never_compared(checker, monkeypatch):  # noqa: F811
    # both sentences say who broke the news, so the scoop pairs
    # (``cluster._scoops_left_apart``, tests/test_scoop.py) bring them
    # together too: without either, nothing compares them
    monkeypatch.setattr(cluster, "BELOW_MARGIN", 0.0)
    report = checker.check([str(STORY)])
    assert _judged(report) == [("ATT001", "warning", (("a_en", "Quaylight"), ("b_es", "Radio Marea")))]
    monkeypatch.setattr(cluster, "_scoops_left_apart", lambda *args: [])
    report = checker.check([str(STORY)])
    assert _judged(report) == []
    assert not any(set(c.claims) == {"a_en:4", "b_es:4"} for c in report.clusters)
