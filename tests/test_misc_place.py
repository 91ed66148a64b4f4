"""A place against a name of unknown type that the token alignment stands
in its stead (``LOC001._unknown_place``; ``tests/data/misc_place``, es-en,
names no table knows).

"... desde su planta de Valdemora del Ebrisa, según adelantó la emisora Onda
Quintanal" / "... from its plant in Torrecilla": the Spanish place is typed
MISC (no word before it says "place"), the sentences tell one event once
their slots are masked, and the alignment links the two names among linked
words.  Before, a name of unknown type had to bring the two sentences to
the same-event bar with only the two names masked, which the Spanish
sentence's court and radio station kept it from (0 findings)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "misc_place"


def _found(report):
    return [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings]


@pytest.mark.model
def test_a_place_of_unknown_type_aligned_with_another_place_is_compared(checker):  # noqa: F811
    assert _found(checker.check([str(DATA)])) == [
        ("LOC001", "warning", [("a_es", "Valdemora del Ebrisa"), ("b_en", "Torrecilla")])]


@pytest.mark.model
def test_the_same_place_in_both_is_left_alone(checker, tmp_path):  # noqa: F811
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    b = tmp_path / "b_en.md"
    b.write_text(b.read_text(encoding="utf-8").replace("Torrecilla", "Valdemora del Ebrisa"), encoding="utf-8")
    assert [f for f in _found(checker.check([str(tmp_path)])) if f[0].startswith("LOC")] == []


SURNAME = Path(__file__).parent / "data" / "surname_not_place"


@pytest.mark.model
def test_a_surname_the_article_names_in_full_is_no_place(checker):  # noqa: F811
    """"# Opera premiere in Velmora" / "# Marrow opera premieres": the token
    alignment stands "Marrow" where "Velmora" stands, but b's body names
    "Ilse Marrow", so the surname is a person, not a place typed otherwise
    by guess (before: LOC001 "Velmora" / "Marrow")."""
    assert [f for f in _found(checker.check([str(SURNAME)])) if f[1] != "info"] == []


def test_the_full_name_test():
    from consistency.records import Entity
    from consistency.rules.location import _person_named_in_full

    assert _person_named_in_full(Entity(text="Marrow", type="PER", key="per:ilse-marrow", start=0, end=6))
    assert not _person_named_in_full(Entity(text="Ilse Marrow", type="PER", key="per:ilse-marrow", start=0, end=11))
    assert not _person_named_in_full(Entity(text="Lewis-Francis", type="PER", key="per:lewis-francis", start=0, end=13))
    # a place read as a person by guess keeps its words in its key
    assert not _person_named_in_full(Entity(text="Puerto Salinar", type="PER", key="per:puerto-salinar",
                                            start=0, end=14))
