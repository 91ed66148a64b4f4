"""One post, two people (``facts.posts``, the clusterer's
``_posts_left_apart``, ENT001's ``_post_holders``).

``tests/data/posts``: a dockers' strike, four outlets, en and es, names no
table knows.  Harbour Times and Diario del Estuario give the union's general
secretary as Irene Valcourt, Agencia Litoral as Tomás Riera, in a sentence
that tells something else ("pidió a la autoridad portuaria que retire el
plan"); Harbour Times and Diario del Estuario name the port authority's
director Luis Ortega, Coastal Wire Marta Gil.  Before, only the two
directors' one statement was compared (ATT001)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

from consistency.facts.posts import posts, rival_holders, same_post
from consistency.pipeline import Checker
from consistency.records import Article

DATA = Path(__file__).parent / "data" / "posts"


def _found(report):
    return sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings)


@pytest.mark.model
def test_one_post_given_to_two_people_is_found_whatever_the_sentences_tell(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    assert _found(report) == [
        ("ATT001", "warning", [("a_en", "Luis Ortega"), ("d_en", "Marta Gil")]),
        ("ENT001", "warning", [("a_en", "Irene Valcourt"), ("c_es", "Tomás Riera")]),
        ("ENT001", "warning", [("b_es", "Irene Valcourt"), ("c_es", "Tomás Riera")]),
        ("ENT001", "warning", [("b_es", "Luis Ortega"), ("d_en", "Marta Gil")]),
    ]
    messages = {tuple(e.article for e in f.evidence): f.message for f in report.findings}
    assert messages[("b_es", "c_es")] == (
        'Post held by different people: Diario del Estuario names "Irene Valcourt" "La secretaria '
        'general del sindicato de estibadores" but Agencia Litoral names "Tomás Riera" "secretario '
        'general del sindicato de estibadores"')


@pytest.mark.model
def test_the_same_holder_everywhere_gives_nothing(checker, tmp_path):  # noqa: F811
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    for name, old, new in (("c_es.md", "Tomás Riera", "Irene Valcourt"), ("d_en.md", "Marta Gil", "Luis Ortega")):
        path = tmp_path / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert _found(checker.check([str(tmp_path)])) == []


def _claim(text: str, lang: str):
    art = Article(id="x", path="x.md", text=text, lang=lang, outlet="X")
    (claim,) = [c for c in Checker(quiet=True).extract([art]) if not c.headline]
    return claim


@pytest.mark.parametrize("text, lang, expected", [
    ('"We have been patient," said Lucía Ferrandis, the union\'s secretary general, addressing strikers.',
     "en", [("Lucía Ferrandis", "the union's secretary general")]),
    ("Su secretario general, Óscar Llancaqueo, afirmó que la organización alertó a la dirección.",
     "es", [("Óscar Llancaqueo", "Su secretario general")]),
    ("Marina Escolano, secretaria general del SITCA, defendió la subida salarial.",
     "es", [("Marina Escolano", "secretaria general del SITCA")]),
    # a post starts at the word that opens its noun phrase
    ("Los servicios mínimos fueron decretados por el consejero regional de Movilidad, Tomás Olabarri.",
     "es", [("Tomás Olabarri", "el consejero regional de Movilidad")]),
    # no post: a relative clause, one post of several, a place
    ("Ramiro Saldívar, who took over last year, said the inspection found no faults.", "en", []),
    ("A spokesman, Tom Reed, said the company would appeal.", "en", []),
    ("El ciclista Tomás Ergüeta, del Kaldera, fue suspendido el miércoles.", "es", []),
])
def test_a_post_is_read_from_the_commas_beside_a_name(text, lang, expected):
    assert [(p.name, p.post) for p in posts(_claim(text, lang))] == expected


@pytest.mark.parametrize("p, p_lang, q, q_lang, same", [
    ("the union's secretary general", "en", "secretaria general del SITCA", "es", True),
    ("the regional emergency director", "en", "La directora regional de emergencias", "es", True),
    ("Miravento's chief executive", "en", "El consejero delegado de Miravento", "es", True),
    ("La portavoz de Ríos Vivos", "es", "Ríos Vivos spokeswoman", "en", True),
    # the model reads each of these as close as one post in two languages
    ("la secretaria general del SITCA", "es", "la ministra de Transportes", "es", False),
    ("el presidente ruso", "es", "su homólogo ruso", "es", False),
    ("his transport and environment spokesman", "en", "The Tory finance spokesman", "en", False),
    ("chief executive", "en", "chairman", "en", False),
    # every organisation has a director; two organisations' are two posts
    ("El director del Servicio de Emergencias", "es", "El director del Museo Provincial", "es", False),
    ("El director", "es", "the director", "en", False),
])
def test_one_post_by_its_words(p, p_lang, q, q_lang, same):
    assert same_post(p, p_lang, q, q_lang) is same


def test_two_people_of_one_article_or_a_former_holder_are_no_rivals():
    a = posts(_claim("Irene Valcourt, the dockers' union general secretary, spoke at the gates.", "en"))[0]
    b = posts(_claim("Tomás Riera, secretario general del sindicato de estibadores, pidió calma.", "es"))[0]
    assert rival_holders(a, "en", "Irene Valcourt spoke.", b, "es", "Tomás Riera pidió calma.")
    # the other article names her too: it may give the two of them two posts
    assert not rival_holders(a, "en", "Irene Valcourt spoke.", b, "es", "Riera y Valcourt hablaron.")
    former = posts(_claim("Tomás Riera, antiguo secretario general del sindicato, pidió calma.", "es"))[0]
    assert not rival_holders(a, "en", "Irene Valcourt spoke.", former, "es", "Tomás Riera pidió calma.")


@pytest.mark.model
def test_could_not_without_restates_were_needed(checker, tmp_path):  # noqa: F811
    # "could not stay competitive without the new shifts" says what "the new
    # shifts were needed to keep the port competitive" says: the two
    # negations undo each other (NEG001 raised an error here before)
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    d = tmp_path / "d_en.md"
    d.write_text(d.read_text(encoding="utf-8").replace(
        "said the new shifts were needed for the port to stay competitive.",
        "said the port could not stay competitive without the new shifts."), encoding="utf-8")
    assert [f for f in _found(checker.check([str(tmp_path)])) if f[0].startswith("NEG")] == []
