"""The name a relative clause is about acts in that clause
(``slots.event_clauses``, ``common.clause_event``, ``ENT001._relative_actors``;
``tests/data/relative_actor``, es-es and es-en, names no table knows).

"El director de Protección Civil de Lunares, Baltasar Ojeda, que ordenó el
cierre del puerto pasadas las diez de la noche, explicó que ..." / "La
capitana marítima de Lunares, Inés Carvajal, que ordenó el cierre del puerto
el martes por la noche, advirtió de que ..." / "Lunares harbour master Inés
Carvajal, who ordered the port closed on Tuesday night, warned that ...":
each sentence tells two things; the two relative clauses, each with its
name, are paraphrases once their slots are masked, so the two who ordered
the closure are compared.  Before, Ojeda and Carvajal were only the
speakers of two different statements (ATT001 alone)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "relative_actor"


@pytest.mark.model
def test_who_ordered_the_closure_differs_in_one_and_two_languages(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        ("ATT001", "warning", (("a_es", "Baltasar Ojeda"), ("b_es", "Inés Carvajal"))),
        ("ATT001", "warning", (("a_es", "Baltasar Ojeda"), ("c_en", "Inés Carvajal"))),
        ("ENT001", "warning", (("a_es", "Baltasar Ojeda"), ("b_es", "Inés Carvajal"))),
        ("ENT001", "warning", (("a_es", "Baltasar Ojeda"), ("c_en", "Inés Carvajal"))),
    ]


def _claim(text, lang, entities=()):
    from consistency.records import Claim, Entity, Facts

    ents = tuple(Entity(text=t, type="PER", key="per:" + t.lower().replace(" ", "-"),
                        start=100 + text.index(t), end=100 + text.index(t) + len(t)) for t in entities)
    return Claim(id="a:1", article="a", start=100, end=100 + len(text), text=text, lang=lang,
                 line=1, end_line=1, facts=Facts(entities=ents))


@pytest.mark.parametrize("text, lang, names, expected", [
    ("La capitana marítima, Inés Carvajal, que ordenó el cierre del puerto, advirtió de que el temporal seguirá.",
     "es", ["Inés Carvajal"],
     ["La capitana marítima, [X], que ordenó el cierre del puerto",
      "La capitana marítima, [X] advirtió de que el temporal seguirá."]),
    ("Quimeral, which employs 1,200 people at the site, said it would appeal.", "en", [],
     ["Quimeral, which employs 1,200 people at the site", "Quimeral said it would appeal."]),
    # two names joined by "and" are no two statements; one telling is none
    ("Valdecerrato, Hoyarcos and Peñalbilla were emptied late on Saturday.", "en", [], []),
    ("The storm closed the port, and the fleet stayed in harbour until Thursday.", "en", [],
     ["The storm closed the port", "the fleet stayed in harbour until Thursday."]),
    # two numbers joined by "and" / "y" are a range or a list, no two statements
    ("Visitors staying between six and 12 months will have to undergo a chest X-ray.", "en", [], []),
    ("La huelga se repetirá el 4 y 5 de mayo en los aeropuertos de la región.", "es", [], []),
    ("Consumer prices rose 5% and wages fell for the third month running.", "en", [],
     ["Consumer prices rose 5%", "wages fell for the third month running."]),
])
def test_a_sentence_tells_its_clauses_and_its_relative_clauses_with_their_name(text, lang, names, expected):
    from consistency.slots import event_clauses

    assert [t for _, t in event_clauses(_claim(text, lang, names))] == expected


@pytest.mark.parametrize("text, lang, names, expected", [
    # a passive: the agent acts, not the subject
    ("El ciclista Tomás Ergüeta fue suspendido este miércoles por la Fundación Antidopaje del Ciclismo.",
     "es", [("Tomás Ergüeta", "PER"), ("Fundación Antidopaje del Ciclismo", "ORG")],
     "Fundación Antidopaje del Ciclismo"),
    ("The rider Tomás Ergüeta was suspended on Wednesday by the Cycling Anti-Doping Foundation.",
     "en", [("Tomás Ergüeta", "PER"), ("Cycling Anti-Doping Foundation", "ORG")], "Cycling Anti-Doping Foundation"),
    # an active sentence: the subject acts, "por" there is no agent
    ("Tomás Ergüeta fue a Madrid por la Fundación Antidopaje del Ciclismo.",
     "es", [("Tomás Ergüeta", "PER"), ("Fundación Antidopaje del Ciclismo", "ORG")], "Tomás Ergüeta"),
])
def test_the_agent_of_a_passive_is_its_actor(text, lang, names, expected):
    from consistency.records import Claim, Entity, Facts
    from consistency.rules.actor import actor

    ents = tuple(Entity(text=t, type=k, key=k.lower() + ":" + t.lower().replace(" ", "-"),
                        start=100 + text.index(t), end=100 + text.index(t) + len(t)) for t, k in names)
    claim = Claim(id="a:1", article="a", start=100, end=100 + len(text), text=text, lang=lang,
                  line=1, end_line=1, facts=Facts(entities=ents))
    assert actor(claim).text == expected
