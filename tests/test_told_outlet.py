"""A quote told to two different outlets (``tests/data/told_outlet``, en-es,
names no table knows): "..., Marta Olaizola, the mayor of Brezal, told the
newspaper La Voz de Brezal" / "..., relató a Radio Cumbres la alcaldesa de
Brezal, Marta Olaizola".  The rules compare the outlets told (the speaker is
one person), so the finding shows the two outlets, not the speaker."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "told_outlet"


@pytest.mark.model
def test_a_quote_told_to_two_outlets_shows_the_outlets(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = [(f.code, f.severity, [(e.article, e.value) for e in f.evidence], f.message)
           for f in report.findings if f.code.startswith("ATT")]
    assert got == [("ATT001", "warning", [("a_en", "La Voz de Brezal"), ("b_es", "Radio Cumbres")],
                    'Sources differ: Highland Courier credits it to "La Voz de Brezal" '
                    'but Diario de las Cumbres to "Radio Cumbres"')]
    b = next(f for f in report.findings if f.code == "ATT001").evidence[1]
    text = next(a for a in report.articles if a.id == "b_es").text
    assert text[b.value_start:b.value_end] == "Radio Cumbres"
