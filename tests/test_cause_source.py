"""Who gives the cause gives the claim: "atribuye", "blamed" are reporting
verbs (``lang/<lang>/attributions.toml``; ``tests/data/cause_source``,
names no table knows).

"El origen del fuego fue un rayo ..., según el Servicio Meteorológico del
Norte" / "La Guardería Forestal de Somontes atribuye el origen del fuego a un
rayo ...": two sources of one claim.  Before, the second sentence credited
no one (0 findings).  "The Somontes Forest Rangers blamed lightning ..." is
the Guardería in English: no finding between those two."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "cause_source"


@pytest.mark.model
def test_the_office_that_blames_lightning_is_the_source_of_the_claim(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings]
    assert got == [("ATT001", "warning", [("a_es", "Servicio Meteorológico del Norte"),
                                          ("b_es", "Guardería Forestal de Somontes")])]
