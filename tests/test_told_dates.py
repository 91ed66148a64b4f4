"""Dates of one telling of a sentence that tells several things
(``DAT001``, ``date.told_alone``; ``tests/data/told_dates``, en-en and en-es,
names no table knows).

"Three villages, Orzales, Brañavieja and Tresmonte, were emptied late on
Friday, and about 2,400 residents spent the night at the municipal sports
centre in Cangas del Río, where volunteers had set up camp beds." / "Nearly
1,600 people from three villages were evacuated late on Saturday, and almost
two dozen aircraft joined the firefighting effort.": the whole sentences are
not one event (their second clauses tell two things), but the clause that
holds each date is the other's, slots masked, and each date is the only one
of its clause.  Before, the English pair was not compared (the Spanish one
was, on weaker evidence, as a warning)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "told_dates"


@pytest.mark.model
def test_the_evacuation_is_dated_friday_against_saturday(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence))
                 for f in report.findings if f.code.startswith("DAT"))
    assert got == [
        ("DAT001", "error", (("a_en", "Friday"), ("b_en", "Saturday"))),
        ("DAT001", "warning", (("a_en", "Friday"), ("c_es", "el sábado"))),
    ]
