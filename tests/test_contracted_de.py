"""Spanish "del" and "al" ("de el", "a el") link a number to what it
measures and to its qualifier (``lang/es/quantities.toml``;
``tests/data/contracted_de``, es-es, names no table knows).

"reclama una subida salarial del 11%" / "la subida del 7% ... que reclama
el sindicato": the two percentages are what they raise, and the message
says so; before, neither read what it measured ("11%" / "7%" bare, and
"alrededor del 15%" lost its "about")."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "contracted_de"


@pytest.mark.model
def test_a_raise_of_11_percent_against_one_of_7_percent(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = [(f.code, f.severity, f.message, [(e.article, e.value) for e in f.evidence]) for f in report.findings]
    assert got == [(
        "QTY001", "error",
        'Percentages differ: Diario del Puerto de Lerma says "11%" (subida salarial) '
        'but Agencia Costera says "7%" (subida)',
        [("a_es", "11%"), ("b_es", "7%")])]
