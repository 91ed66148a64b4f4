"""A pole word both claims say alike is shared wording, not a second pole
(``predicate._unshared``; ``tests/data/shared_pole``, names no table knows).

"Shares in Kovalt Steel rose on Tuesday on fears that higher ore prices will
squeeze margins" / "Shares in Kovalt Steel dropped on Tuesday amid concerns
that higher ore prices will squeeze margins": "higher" is a pole of
change-direction in both, so each claim held two poles of the concept and
NEG002, which asks for exactly one pole a claim, said nothing.  The word
said alike in both is set aside; "rose" / "dropped" is what is left.

Not found yet: "dropped ... higher" (en) against "subieron ... más altos"
(es): across languages the two "higher" are set aside only when the model's
words around them read alike (``poles_aligned``), and "más" is read as
another concept's pole."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "shared_pole"


@pytest.mark.model
def test_opposite_predicates_beside_a_shared_pole_word(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    assert got == [
        ("NEG002", "error", (("a_en", "rose"), ("b_en", "dropped"))),
        ("NEG002", "error", (("a_en", "rose"), ("c_es", "bajaron"))),
        ("NEG002", "error", (("c_es", "bajaron"), ("d_es", "subieron"))),
    ]
