"""A negation in a clause that gives a reason, across languages
(``tests/verify/reason``: an English article and Spanish summaries with
names no table knows, through the real model).

"... was running an open contest ... because it does not currently have any
players that excel at Vortexa" is read against a summary that tells the
contest and leaves the reason out ("organiza una competición ... para
encontrar jugadores de Vortexa").  The denied verb "have" has no partner in
the summary by the model's token alignment (its closest, "encontrar", reads
0.50), so the negation denies something the summary does not tell
(``rules.negation.denied_linked``, the ``reason`` words of
``lang/<lang>/clauses.toml``).  Before, that was a NEG001 error.  A summary
that states the denied reason ("aunque ya tiene jugadores que destacan":
"have" / "tiene") still gets the error."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

DATA = Path(__file__).parent / "verify" / "reason"


@pytest.mark.model
def test_a_reason_the_summary_leaves_out_is_not_denied(checker):  # noqa: F811
    report = checker.verify(str(DATA / "fiel_es.md"), [str(DATA / "article.md")])
    assert loud(report) == []


@pytest.mark.model
def test_a_reason_the_summary_states_otherwise_is_denied(checker):  # noqa: F811
    report = checker.verify(str(DATA / "cambiado_es.md"), [str(DATA / "article.md")])
    assert [(code, status, message) for code, status, _, message in loud(report)] == [
        ("NEG001", "contradicted",
         'Polarity differs: Gridline Weekly says it did not happen ("not") but cambiado_es says it did')]
