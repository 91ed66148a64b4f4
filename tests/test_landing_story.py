"""The development story ``benchmarks/dev_stories/emergency_landing``,
through the real model: its first measurement read "an emergency landing at
Dunmore airport" / "at Harwick airport" as two names of unknown type (an
actor finding, "Names differ") where the Spanish outlets' "el aeropuerto de
Dunmore" was a place.  A name before "airport" is a place now (``loc_after``
in ``lang/en/entities.toml``), and the landing's airport is a place finding.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORY = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories" / "emergency_landing"


@pytest.mark.model
def test_the_airport_of_the_landing_is_a_place(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    got = sorted((f.code, tuple((e.article, e.value) for e in f.evidence))
                 for f in report.findings
                 if {e.value for e in f.evidence} & {"Harwick", "Dunmore"} and f.severity != "info")
    assert got == [
        ("LOC001", (("a_en", "Dunmore"), ("c_en", "Harwick"))),
        ("LOC001", (("b_es", "Dunmore"), ("c_en", "Harwick"))),
        ("LOC001", (("c_en", "Harwick"), ("d_es", "Dunmore"))),
    ]
