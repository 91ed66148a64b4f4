"""A business story no table knows, en against es
(``tests/data/plant_closure``), through the real model.

- "will close its plant in Mirren by March" / "echará el cierre antes de
  junio" (DAT001);
- "Chief operating officer Dana Whitlock said ..." / "Según el director
  financiero de la compañía, Tomás Whitlock, ...": the person set in commas
  after the title is the source, and two people who share a surname are
  two sources (ATT001);
- 640 / 460 jobs (QTY001), Monday / el martes (DAT001), "had not been
  consulted" / "le consultó" (NEG001).

Not reported: the council leader / "alcalde" (one person, two titles).
Both months are read as this year's, the last March and June before
publication: a month in a clause about the future is not yet read as the
coming one (a weekday is), as the markers of the future are too few for
months that far ahead ("should be finished by the end of June")."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "plant_closure"


@pytest.mark.model
def test_each_contradiction_of_a_plant_closure_is_reported(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                 for f in report.findings if f.severity in ("warning", "error"))
    assert got == [
        ("ATT001", "warning", [("a_en", "Dana Whitlock"), ("b_es", "Tomás Whitlock")]),
        ("DAT001", "error", [("a_en", "March"), ("b_es", "junio")]),
        ("DAT001", "error", [("a_en", "Monday"), ("b_es", "el martes")]),
        ("NEG001", "error", [("a_en", "not"), ("b_es", None)]),
        ("QTY001", "error", [("a_en", "640"), ("b_es", "460")]),
    ]
