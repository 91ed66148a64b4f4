"""One organisation, two seats (``facts.seats``, the clusterer's
``_seats_left_apart``, LOC001's ``_seats``).

``tests/data/seats``: a sardine recall, four outlets, en and es, names no
table knows.  Harbour Ledger seats the company in Tarsworth ("The
Tarsworth-based company said no illnesses had been reported ..."), Diario
del Puerto too ("La empresa, con sede en Tarsworth, aseguró ..."); Coastal
Business Wire seats it in Quillon ("The company, headquartered in Quillon,
said nobody had fallen ill ..."), Agencia Litoral too ("La compañía con
sede en Quillon afirmó ...").  Harbour Ledger also names the firm's office
in Quillon (an office, no seat), and Coastal Business Wire a Tarsworth-based
analyst (a person's base, no seat).  Before, only Diario del Puerto and
Agencia Litoral were set apart, on their two paraphrases."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

from consistency.facts.seats import rival_seats, same_holder, seat_heads, seats, story_names
from consistency.pipeline import Checker
from consistency.records import Article

DATA = Path(__file__).parent / "data" / "seats"


def _places(report):
    return sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                  for f in report.findings if f.code.startswith("LOC"))


def _found(report):
    return sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings)


@pytest.mark.model
def test_two_seats_of_one_company_are_found_whatever_the_sentences_tell(checker):  # noqa: F811
    # all the findings: "no hay ningún afectado y que devolverá el importe"
    # denies nothing "the firm's office in Quillon will handle the refunds"
    # says (NEG001's scope_stated_across: nothing of the negated clause is
    # linked into the English sentence; before, an error)
    report = checker.check([str(DATA)])
    assert _found(report) == [
        ("LOC001", "warning", [("a_en", "Tarsworth"), ("c_en", "Quillon")]),
        ("LOC001", "warning", [("a_en", "Tarsworth"), ("d_es", "Quillon")]),
        ("LOC001", "warning", [("b_es", "Tarsworth"), ("c_en", "Quillon")]),
        ("LOC001", "warning", [("b_es", "Tarsworth"), ("d_es", "Quillon")]),
    ]
    messages = {tuple(e.article for e in f.evidence): f.message for f in report.findings if f.code == "LOC001"}
    assert messages[("a_en", "d_es")] == (
        'Seats differ: Harbour Ledger says "company" is based in "Tarsworth" but Agencia Litoral '
        'says "La compañía" is based in "Quillon"')


@pytest.mark.model
def test_one_seat_everywhere_gives_no_place_finding(checker, tmp_path):  # noqa: F811
    for p in DATA.iterdir():
        shutil.copy(p, tmp_path / p.name)
    for name in ("c_en.md", "d_es.md"):
        path = tmp_path / name
        path.write_text(path.read_text(encoding="utf-8").replace("in Quillon", "in Tarsworth")
                        .replace("en Quillon", "en Tarsworth"), encoding="utf-8")
    assert _places(checker.check([str(tmp_path)])) == []


def _claim(text: str, lang: str):
    art = Article(id="x", path="x.md", text=text, lang=lang, outlet="X")
    (claim,) = [c for c in Checker(quiet=True).extract([art]) if not c.headline]
    return claim


@pytest.mark.parametrize("text, lang, expected", [
    ("The Tarsworth-based company said no illnesses had been reported.", "en",
     [("company", "company", "Tarsworth")]),
    ("Marvella Foods, a tinned fish maker based in Tarsworth, recalled the tins.", "en",
     [("a tinned fish maker", "maker", "Tarsworth")]),
    ("The company, headquartered in Quillon, said nobody had fallen ill.", "en",
     [("The company", "company", "Quillon")]),
    ("La empresa, con sede en Tarsworth, aseguró que no hay afectados.", "es",
     [("La empresa", "empresa", "Tarsworth")]),
    ("En mayo, la compañía con sede en Quillon había ganado 85 millones.", "es",
     [("la compañía", "compania", "Quillon")]),
    # an organisation's name is a holder whatever its words ("LVMH"), a
    # kind of organisation by the language's heads ("maker", "empresa")
    ("Paris-based LVMH has been selling non-core businesses.", "en", [("LVMH", "", "Paris")]),
    # a person's base, a thing, an office, a place with no seat word: no seat
    ("He said the laptop would run a Linux-based operating system.", "en", []),
    ("Qantas increased the number of flight attendants based in London.", "en", []),
    ("A Tarsworth-based analyst, Orla Brannigan, said the recall would cost little.", "en", []),
    ("The firm's office in Quillon will handle the refunds.", "en", []),
    ("La planta de Quillon seguirá abierta.", "es", []),
])
def test_a_seat_is_read_from_its_words(text, lang, expected):
    assert [(x.holder, x.head, x.place) for x in seats(_claim(text, lang))] == expected


def test_one_holder_by_name_or_by_kind():
    company = seats(_claim("The Tarsworth-based company said no illnesses had been reported.", "en"))[0]
    compania = seats(_claim("La compañía, con sede en Quillon, afirmó que no hay afectados.", "es"))[0]
    bank = seats(_claim("The Quillon-based bank said it would lend the money.", "en"))[0]
    story = frozenset({"misc:marvella-foods"})  # the name both articles give
    assert same_holder(company, "en", compania, "es", story)            # both the lexicon's ``company``
    assert not same_holder(bank, "en", compania, "es", story)           # ``bank`` / ``company``
    # two articles with no name in common tell two stories: "the company" of each is its own
    assert not same_holder(company, "en", compania, "es", frozenset())
    # words the lexicon does not know: the model's reading decides
    maker = seats(_claim("Marvella Foods, a tinned fish maker based in Tarsworth, recalled the tins.", "en"))[0]
    assert same_holder(maker, "en", compania, "es", story, lambda a, b: 0.93)
    assert not same_holder(maker, "en", compania, "es", story, lambda a, b: 0.85)
    # a named organisation is the story's only when both articles give it
    lvmh = seats(_claim("Paris-based LVMH has been selling non-core businesses.", "en"))[0]
    firm = seats(_claim("The London-based firm said it would bid.", "en"))[0]
    assert same_holder(lvmh, "en", firm, "en", frozenset({lvmh.org}))
    assert not same_holder(lvmh, "en", firm, "en", frozenset({"misc:euronext"}))
    other = seats(_claim("London-based Euronext said it would bid.", "en"))[0]
    assert not same_holder(lvmh, "en", other, "en", frozenset({lvmh.org, other.org}))


def test_the_names_two_articles_give_are_their_story():
    a = "Nubiral Software said on Tuesday it would cut 1,200 jobs.\nThe Brennick-based company made a profit."
    b = "La empresa de software Nubiral anunció el despido de 1.200 trabajadores.\nLa compañía, con sede en Lindmark."
    assert story_names(a, "en", b, "es") != frozenset()
    assert story_names(a, "en", "Euronext said it would bid for the exchange.", "en") == frozenset()


def test_an_article_that_seats_one_of_its_kind_in_the_other_place_is_no_rival():
    a = seats(_claim("The Tarsworth-based company said no illnesses had been reported.", "en"))[0]
    b = seats(_claim("La compañía, con sede en Quillon, afirmó que no hay afectados.", "es"))[0]
    assert rival_seats(a, "en", "The Tarsworth-based company said so.", b, "es", "La compañía, con sede en Quillon.")
    # an office in the other place says nothing; a company seated there does
    assert rival_seats(a, "en", "Its office in Quillon will close.", b, "es", "La compañía, con sede en Quillon.")
    assert not rival_seats(a, "en", "The Quillon-based firm bought it.", b, "es", "La compañía, con sede en Quillon.")
    # a person based there is no company seated there
    assert seat_heads("A Quillon-based analyst, Orla Brannigan, said so.", "en", "Quillon") == ["analyst"]
    assert rival_seats(a, "en", "A Quillon-based analyst said so.", b, "es", "La compañía, con sede en Quillon.")
    # one place in both
    c = seats(_claim("La empresa, con sede en Tarsworth, aseguró que no hay afectados.", "es"))[0]
    assert not rival_seats(a, "en", "", c, "es", "")
