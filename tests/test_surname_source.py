"""A source named by the surname alone is the person its article names in
full, wherever the surname stands: ``tests/data/surname_source``, names no
table knows.

"Olivenza said sales had fallen 8% in the first half of the year" (the
article named "chief executive Marta Olivenza" a sentence before) / "Las
ventas cayeron un 8% en el primer semestre del año, según Arbeloa" / "Sales
fell 8% in the first six months of the year, Olivenza told reporters" /
"Olivenza explicó que las ventas cayeron un 8% en el primer semestre" (the
full name comes a sentence after).  Before, a surname opening its sentence
was read as no name, so the English and the last Spanish article credited
the sales figure to nobody.  The first sentences credit the closures to the
chief executive in English and to the finance director in the second
Spanish article ("según anunció el martes su director financiero, Tomás
Arbeloa": the source follows the verb after "según")."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "surname_source"


@pytest.mark.model
def test_sales_figure_credited_to_two_people(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    assert got == [
        ("ATT001", "warning", (("a_en", "Marta Olivenza"), ("b_es", "Tomás Arbeloa"))),
        ("ATT001", "warning", (("a_en", "Olivenza"), ("b_es", "Arbeloa"))),
        ("ATT001", "warning", (("b_es", "Arbeloa"), ("c_en", "Olivenza"))),
        ("ATT001", "warning", (("b_es", "Arbeloa"), ("d_es", "Olivenza"))),
        ("ATT001", "warning", (("b_es", "Tomás Arbeloa"), ("c_en", "Marta Olivenza"))),
    ]
