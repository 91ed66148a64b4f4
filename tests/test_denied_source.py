"""Two claims of which one denies what the other tells are two claims, each
with its source: no "sources differ" (``tests/data/denied_source``, en-es,
names no table knows).

"His lawyer, Nerea Aldabe, said Sorasu had already asked for the analysis of
his B sample" / "Según el diario Cumbre Deportiva, Sorasu aún no ha pedido el
análisis de la contramuestra": NEG001 reports the denial; ATT001 does not set
the lawyer against the newspaper as sources of one claim."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "denied_source"


@pytest.mark.model
def test_a_denial_is_reported_and_its_source_is_not_a_second_finding(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings]
    assert got == [("NEG001", "error", [("a_en", None), ("b_es", "aún no")])]
