"""Who had the news first (``facts.attributions.scoop``, the clusterer's
``_scoops_left_apart``, ATT001's and DAT001's scoop paths).

``tests/data/scoop``: a bridge closed on one story, four outlets, en and es,
names no table knows.  Harbour Times credits the scoop to the Tidewater
Gazette in its lead ("..., as first reported by the local daily Tidewater
Gazette"), Coastal Wire in a short sentence of its own, with a day ("The
closure was first reported on Monday by the Tidewater Gazette"), Agencia
Litoral in a relative clause that names the news ("Según el diario Tidewater
Gazette, que adelantó la noticia el lunes, las obras ... durarán al menos
tres meses"); Diario del Estuario gives it to another outlet, another day
("La noticia la adelantó el martes la emisora Radio Costa Norte").  No two
of those sentences read close enough to be linked; before, no finding."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

from consistency.facts.attributions import scoop, scoop_window, story_scoop
from consistency.pipeline import Checker
from consistency.records import Article

DATA = Path(__file__).parent / "data" / "scoop"


def _found(report):
    return sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings)


@pytest.mark.model
def test_scoops_told_in_different_sentences_are_compared(checker):  # noqa: F811
    assert _found(checker.check([str(DATA)])) == [
        ("ATT001", "warning", [("a_en", "Tidewater Gazette"), ("b_es", "Radio Costa Norte")]),
        ("ATT001", "warning", [("b_es", "Radio Costa Norte"), ("c_en", "Tidewater Gazette")]),
        ("ATT001", "warning", [("b_es", "Radio Costa Norte"), ("d_es", "Tidewater Gazette")]),
        ("DAT001", "error", [("b_es", "el martes"), ("c_en", "Monday")]),
        ("DAT001", "error", [("b_es", "el martes"), ("d_es", "el lunes")]),
    ]


@pytest.mark.model
def test_the_same_scoop_told_alike_gives_nothing(checker, tmp_path):  # noqa: F811
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    b = tmp_path / "b_es.md"
    b.write_text(b.read_text(encoding="utf-8").replace("el martes la emisora Radio Costa Norte",
                                                       "el lunes el diario Tidewater Gazette"),
                 encoding="utf-8")
    assert _found(checker.check([str(tmp_path)])) == []


def _claims(text: str, lang: str):
    art = Article(id="x", path="x.md", text=text, lang=lang, outlet="X")
    return [c for c in Checker(quiet=True).extract([art]) if not c.headline]


@pytest.mark.parametrize("text, lang, source", [
    ("The case was first revealed by Gazzetta Velo.", "en", "Gazzetta Velo"),
    ("Police arrested four men, the broadcaster Radio Norte first reported.", "en", "Radio Norte"),
    ("The Morning Ledger was the first to report the closure.", "en", "Morning Ledger"),
    ("La emisora Radio Tarvela fue la primera en adelantar el fallo.", "es", "Radio Tarvela"),
    ("El plan lo adelantó el lunes el diario The Brennick Post.", "es", "The Brennick Post"),
])
def test_a_scoop_is_a_source_credited_with_having_the_news_first(text, lang, source):
    (claim,) = _claims(text, lang)
    assert scoop(claim).source == source
    assert story_scoop(claim).source == source  # short: nothing but who had the news


@pytest.mark.parametrize("text, lang", [
    ("Police arrested four men, the broadcaster Radio Norte reported.", "en"),
    ("Según el diario Gazzetta Velo, Ergüeta aún no ha pedido el análisis de la contramuestra.", "es"),
    # "adelantó que" brings news forward, it breaks none
    ("Julián Arrate adelantó que el rescate terminaría esta semana.", "es"),
    # who had the news first is a named outlet, not a post
    ("El consejero delegado lo adelantó ayer.", "es"),
    ("The plan was first revealed on Monday, a company spokesman said.", "en"),
])
def test_a_plain_credit_is_no_scoop(text, lang):
    (claim,) = _claims(text, lang)
    assert claim.facts.attributions and scoop(claim) is None


def test_a_long_sentence_credits_the_story_s_scoop_only_when_it_leads_or_names_the_news():
    detail = ("La caída del 6% que sufrieron el martes las acciones de la minera, adelantada por el "
              "semanario económico Bolsa Semanal, refleja la inquietud de los inversores por el futuro "
              "de la explotación.")
    (claim,) = _claims(detail, "es")
    assert scoop(claim).source == "Bolsa Semanal"
    assert story_scoop(claim) is None  # one detail's scoop
    assert story_scoop(claim, lead=True).source == "Bolsa Semanal"
    news = ("Según el diario Gazzetta Velo, que adelantó la noticia el lunes, Ergüeta aún no ha "
            "pedido el análisis de la contramuestra que podría exculparle.")
    (claim,) = _claims(news, "es")
    assert story_scoop(claim).source == "Gazzetta Velo"


def test_the_scoop_window_holds_the_day_of_the_scoop():
    text = "Según el diario Gazzetta Velo, que adelantó la noticia el lunes, Ergüeta no ha pedido nada."
    (claim,) = _claims(text, "es")
    s, e = scoop_window(claim, scoop(claim))
    assert claim.text[s - claim.start:e - claim.start] == \
        "Según el diario Gazzetta Velo, que adelantó la noticia el lunes"


@pytest.mark.model
def test_a_brief_of_a_headline_and_two_sentences_joins_its_story_by_one(checker, tmp_path):  # noqa: F811
    # Coastal Wire without its detour sentence: a headline, the closure
    # (0.96 with Harbour Times' lead) and the scoop.  Its headline is not
    # counted, so one restated sentence places it in the story, as it would
    # a brief without a headline
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    c = tmp_path / "c_en.md"
    c.write_text(c.read_text(encoding="utf-8").replace(
        "Drivers face a detour of about 20 kilometres while the repairs are carried out.\n\n", ""),
        encoding="utf-8")
    got = [f for f in _found(checker.check([str(tmp_path)])) if any(a == "c_en" for a, _ in f[2])]
    assert got == [
        ("ATT001", "warning", [("b_es", "Radio Costa Norte"), ("c_en", "Tidewater Gazette")]),
        ("DAT001", "error", [("b_es", "el martes"), ("c_en", "Monday")]),
    ]
