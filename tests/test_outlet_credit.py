"""Outlets described with an adjective between ("el semanario económico
Bolsa Norte", "el diario financiero Tribuna Hoy": ``adjective_after_noun``
and the glossary's ``outlet_descriptors``), and a name that goes on with a
word that is otherwise none ("Tribuna Hoy"), are outlets in every rule;
``tests/data/outlet_credit``, outlets no table knows.

"Las acciones de la compañía cayeron un 8% el martes, según el diario
financiero Tribuna Hoy" / "La caída del 8% que sufrieron el martes las
acciones de la ferroviaria, adelantada por el semanario económico Bolsa
Norte, ..." / "The company's shares fell 8% on Tuesday, according to the
financial daily Tribuna Hoy": two outlets credited with one report, in one
language and across two; the English and the first Spanish article credit
the same one.  Before, the Spanish pair gave nothing: "Bolsa Norte" was read
as a person and "Tribuna Hoy" as "Tribuna"."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "outlet_credit"


@pytest.mark.model
def test_two_outlets_credited_with_the_share_fall(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    assert got == [
        ("ATT001", "warning", (("a_es", "diario financiero Tribuna Hoy"), ("b_es", "Bolsa Norte"))),
        ("ATT001", "warning", (("b_es", "Bolsa Norte"), ("c_en", "Tribuna Hoy"))),
    ]
