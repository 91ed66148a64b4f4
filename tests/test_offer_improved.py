"""A teachers' strike told by three outlets (``tests/data/offer_improved``,
en, en and es, names no table knows), through the real model.

"Education councillor Rodrigo Almansa said the government would not improve
its offer." / "... said the government had improved its offer and would
present it on Friday." is a polarity difference in one language (NEG001).
Before, WordNet's rules read "offer" as the comparative of the adjective
"off" ("more off"), and "on" (in "on Friday") as its opposite, so the
negation was taken to deny the opposite of what the other sentence says
("did not applaud" / "booed"), and nothing was reported.  A noun or verb in
its own right is no adjective's comparative now.

Also reported: the strike day (21 October / 28 de octubre), the number of
teachers (about 14,000 / some 19,000) and where the vote was announced
(Mirafuentes / Puerto Liria)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "offer_improved"


@pytest.mark.model
def test_would_not_improve_against_had_improved_the_offer(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                 for f in report.findings if f.severity in ("warning", "error"))
    assert got == [
        ("DAT001", "error", [("a_en", "21 October"), ("b_es", "28 de octubre")]),
        ("DAT001", "error", [("b_es", "28 de octubre"), ("d_en", "21 October")]),
        ("LOC001", "warning", [("a_en", "Mirafuentes"), ("b_es", "Puerto Liria")]),
        ("NEG001", "error", [("a_en", "not"), ("d_en", None)]),
        ("NEG001", "error", [("b_es", "no"), ("d_en", None)]),
        ("QTY001", "error", [("a_en", "About 14,000"), ("d_en", "Some 19,000")]),
        ("QTY001", "error", [("b_es", "unos 14.000"), ("d_en", "Some 19,000")]),
    ]
