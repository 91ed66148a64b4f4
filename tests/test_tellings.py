"""Which statement of a sentence the other article retells
(``rules.common.retells_other_telling``, used by the attribution rules).

``tests/data/tellings``: a bridge closed on one story, four outlets, en and
es, names no table knows.  El Eco del Sorbe tells two statements in one
sentence: the mayor, Ignacio Berrocal, says January's inspection found no
cracks, "aunque la asociación de vecinos sostiene que ya en marzo avisó por
escrito al ayuntamiento" -- a statement credited to no one named.  Sorbe
Valley News and Diario de Almendral retell the association's statement,
credited to its secretary, Lucas Ferreiro; Meseta Wire retells the mayor's,
credited to the deputy mayor, Sonia Cabral.  Before, the mayor was set
against the association's secretary too (es-es directly, en-es carried)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

from consistency.rules.common import retells_other_telling
from consistency.slots import MASKED_ALL

DATA = Path(__file__).parent / "data" / "tellings"


def _found(report):
    return sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings)


@pytest.mark.model
def test_a_source_is_set_only_against_the_statement_it_credits(checker):  # noqa: F811
    assert _found(checker.check([str(DATA)])) == [
        ("ATT001", "warning", [("a_es", "Ignacio Berrocal"), ("c_en", "Sonia Cabral")]),
    ]


def _unit(*xs):
    v = np.array(xs, dtype=float)
    return v / np.linalg.norm(v)


def _pair(tellings_a, whole_b):
    """Claim a tells (ranges, vector) statements; b is one statement."""
    variants_a = {("event-clause", *ranges): vec for ranges, vec in tellings_a}
    return SimpleNamespace(variants_a=variants_a, variants_b={MASKED_ALL: whole_b})


def test_the_telling_that_holds_the_source_reads_closest():
    held, other = _unit(1, 0, 0), _unit(0, 1, 0)
    pair = _pair([(((0, 50),), held), (((52, 90),), other)], _unit(1, 0.1, 0))
    assert retells_other_telling(pair, (10, 20), (0, 5)) is False


def test_another_telling_reads_closer_by_the_margin():
    held, other = _unit(1, 0, 0), _unit(0, 1, 0)
    pair = _pair([(((0, 50),), held), (((52, 90),), other)], _unit(0.1, 1, 0))
    assert retells_other_telling(pair, (10, 20), (0, 5)) is True
    # turned round: b's statement holds the slot, a's is whole
    turned = SimpleNamespace(variants_a=pair.variants_b, variants_b=pair.variants_a)
    assert retells_other_telling(turned, (0, 5), (10, 20)) is True


def test_closer_by_less_than_the_margin_is_no_evidence():
    held, other = _unit(1, 0, 0), _unit(0, 1, 0)
    b = _unit(1, 1.02, 0)  # other reads 0.01 closer than held
    pair = _pair([(((0, 50),), held), (((52, 90),), other)], b)
    assert float(other @ b) - float(held @ b) < 0.02
    assert retells_other_telling(pair, (10, 20), (0, 5)) is False


def test_one_telling_or_no_vectors_says_nothing():
    one = _pair([(((0, 90),), _unit(1, 0, 0))], _unit(0, 1, 0))
    assert retells_other_telling(one, (10, 20), (0, 5)) is False
    bare = SimpleNamespace(variants_a={}, variants_b={})
    assert retells_other_telling(bare, (10, 20), (0, 5)) is False
