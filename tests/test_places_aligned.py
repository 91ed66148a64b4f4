"""LOC001 for a place against a name whose type the extractor guessed wrong,
when the model's own token alignment puts the name where the place stands
("al hospital de Puerto Salinar", typed a person, / "the regional hospital in
San Telmo de Ocre"); no table knows either town.  One place named with more
words ("Vardon Prison" / "Vardon") and a title before the name ("Mr
Quilmes's remarks" / "The Kelmarsh mayor's remarks") stay quiet."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "aligned_places"


@pytest.mark.model
def test_a_place_against_a_name_typed_otherwise(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence))
                 for f in report.findings if f.severity != "info")
    assert got == [("LOC001", "warning", (("a_en", "San Telmo de Ocre"), ("b_es", "Puerto Salinar")))]
