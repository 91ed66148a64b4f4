"""Who acts is read within its clause (``actor._clause_start``), and an
organisation is known by its head word in either language
(``facts.entities``: ``org_heads`` of every language, an organisation word
right before a name); ``tests/data/clause_actor``, names no table knows.

"El tapiz está valorado en unos 400.000 euros, y la Fundación Herrera Soto
había ofrecido una recompensa de 20.000 euros" / "El Ayuntamiento de
Valdemora, que había ofrecido una recompensa de 20.000 euros ..., aún no ha
decidido si la pagará" / "... and the Fundación Herrera Soto had offered a
€20,000 reward": the foundation is the subject of the second clause, not a
name deep in the sentence.  Before, the Spanish pair gave nothing (the
foundation sat past the subject reach, counted from the sentence start), and
the English one typed "The Fundación Herrera Soto" as a person."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)
from consistency.records import Claim, Entity, Facts
from consistency.rules.actor import actor

DATA = Path(__file__).parent / "data" / "clause_actor"


@pytest.mark.model
def test_who_offered_the_reward_differs_in_one_and_two_languages(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        ("ENT001", "warning", (("a_es", "Fundación Herrera Soto"), ("b_es", "Ayuntamiento de Valdemora"))),
        ("ENT001", "warning", (("b_es", "Ayuntamiento de Valdemora"), ("c_en", "Fundación Herrera Soto"))),
    ]


def _claim(text: str, lang: str, name: str, type_: str = "ORG") -> Claim:
    at = text.index(name)
    ent = Entity(text=name, type=type_, key="org:" + name.lower().replace(" ", "-"),
                 start=100 + at, end=100 + at + len(name))
    return Claim(id="a:1", article="a", start=100, end=100 + len(text), text=text, lang=lang,
                 line=1, end_line=1, facts=Facts(entities=(ent,)))


@pytest.mark.parametrize("text, lang, name, acts", [
    # the subject of a later clause acts
    ("El tapiz está valorado en unos 400.000 euros, y la Fundación Herrera Soto había ofrecido una recompensa.",
     "es", "Fundación Herrera Soto", True),
    ("The tapestry is valued at about €400,000, and the Herrera Soto Trust had offered a reward.",
     "en", "Herrera Soto Trust", True),
    # a name deep in its own clause does not
    ("El tapiz que la policía encontró ayer en un garaje de las afueras pertenece a la Fundación Herrera Soto.",
     "es", "Fundación Herrera Soto", False),
])
def test_the_subject_reach_is_counted_from_the_start_of_the_clause(text, lang, name, acts):
    claim = _claim(text, lang, name)
    got = actor(claim)
    assert (got is not None and got.text == name) is acts
