"""A science story no table knows, en against es (``tests/data/observatory``):
each contradiction an editor would see is reported, through the real model.

- "120 light years" / "210 años luz": light years are a unit of their own,
  not years (QTY001);
- "twice the size" / "unas tres veces el tamaño": a multiple in one word is
  a count of times (QTY001);
- "the Kellan Observatory in Chile" / "el observatorio Kellan, en
  Argentina": one observatory named with more words or fewer acts in both,
  so the places are compared (LOC001);
- "led by Dr Hanna Voss of the University of Lindau" / "dirigido por el
  doctor Piet Arnsen, de la Universidad de Lindau": a titled person's name
  ends before "of the" (ENT001);
- Wednesday / el martes (DAT001); "had not found any sign of life" / "han
  encontrado indicios de vida" (NEG001).

Not reported yet: the journal ("Stellar Letters" / "Nature Astronomy"),
which the extractor types as a person on one side and an outlet on the
other."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "observatory"


@pytest.mark.model
def test_each_contradiction_of_a_new_story_is_reported(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                 for f in report.findings if f.severity in ("warning", "error"))
    assert got == [
        ("DAT001", "error", [("a_en", "Wednesday"), ("b_es", "el martes")]),
        ("ENT001", "warning", [("a_en", "Hanna Voss"), ("b_es", "Piet Arnsen")]),
        ("LOC001", "warning", [("a_en", "Chile"), ("b_es", "Argentina")]),
        ("NEG001", "error", [("a_en", "not"), ("b_es", None)]),
        ("QTY001", "error", [("a_en", "120 light years"), ("b_es", "210 años luz")]),
        ("QTY001", "error", [("a_en", "twice"), ("b_es", "unas tres veces")]),
    ]
