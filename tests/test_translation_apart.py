"""Across languages, each other's single best match is compared even when
the merge tests kept the two claims in different groups
(``cluster._translations_left_apart``), through the real model on two
development stories (``benchmarks/dev_stories``, written without reading the
rules).

"The positive test was first revealed on Tuesday by the sports daily
Gazzetta Velo" (a_en) / "Según el diario Gazzetta Velo, que adelantó la
noticia el lunes ..." (d_es, both published on Wednesday): the English
sentence sits in a group of English restatements that the Spanish one,
reading lower as a translation does, could not join.  Likewise "Nearly 1,900
people ... were evacuated late on Sunday" (c_en) against "... desde el
sábado por la noche" (d_es)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

STORIES = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories"


def dates(report):
    return sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence))
                  for f in report.findings if f.code.startswith("DAT") and f.severity != "info")


@pytest.mark.model
def test_a_day_told_across_languages_by_claims_kept_apart(checker, monkeypatch):  # noqa: F811
    # the rules' own pairs: carried findings are tests/test_carried.py's
    monkeypatch.setattr(checker.config, "carry", False)
    assert dates(checker.check([str(STORIES / "cycling_doping")])) == [
        ("DAT001", "error", (("a_en", "19 March"), ("b_es", "21 de marzo"))),
        ("DAT001", "error", (("a_en", "Tuesday"), ("d_es", "el lunes"))),
        # the day each gives who broke the news (tests/test_scoop.py)
        ("DAT001", "error", (("b_es", "el martes"), ("d_es", "el lunes"))),
    ]
    assert dates(checker.check([str(STORIES / "wildfire_evacuation")])) == [
        ("DAT001", "error", (("a_en", "Saturday"), ("c_en", "Sunday"))),
        ("DAT001", "warning", (("c_en", "Sunday"), ("d_es", "el sábado"))),
    ]
