"""A negation both sentences hold cancels out (verify mode): "did not
criticise the board's decision not to extend the contract" against "was
critical of the board's decision not to extend the contract" differ in the
one denial the source lacks.  Before, both sentences counted as negated,
and the source's "not to extend" passed for saying what "did not criticise"
says (``rules.negation.unshared``; ``verify._negated_where_closest``).

``tests/verify/shared_negation`` uses names no table knows, through the
real model.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud_values  # noqa: F401  (a fixture and a helper)
from consistency.records import Negation
from consistency.rules.negation import scope_head, unshared

VERIFY = Path(__file__).parent / "verify" / "shared_negation"


def test_the_denial_the_other_lacks_is_kept():
    criticise = Negation(cue="not", start=10, end=13, scope="criticise the board's decision")
    extend = Negation(cue="not", start=40, end=43, scope="to extend his contract")
    theirs = Negation(cue="not", start=90, end=93, scope="extend the contract of")
    assert scope_head(criticise, "en") == "criti" and scope_head(extend, "en") == "exten"
    assert unshared([criticise, extend], "en", [theirs], "en") == [criticise]
    assert unshared([theirs], "en", [criticise, extend], "en") == []
    # across languages the words say nothing: all kept
    assert unshared([criticise, extend], "en", [theirs], "es") == [criticise, extend]


@pytest.mark.model
def test_a_summary_adding_a_denial_to_a_negated_sentence(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "summary.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status) for f in report.findings] == [("NEG001", "contradicted")]
    assert loud_values(report) == [("NEG001", (("summary", "not"), ("article", None)))]


@pytest.mark.model
def test_the_faithful_summary_is_supported(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported")]
