"""Entity extraction, table-driven: tests/data/facts/entities_<lang>.toml.

Every case lists all entities expected, in order, with text, type, key and
span (the ``nth`` occurrence of the text).  The claim is placed at an offset
inside a longer article text to check that spans are article offsets.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from consistency.facts import entities
from consistency.records import Entity

DATA = Path(__file__).parent / "data" / "facts"
PREFIX = "Earlier text of the article.\n"


def _cases(kind: str):
    for path in sorted(DATA.glob(f"{kind}_*.toml")):
        lang = path.stem.split("_", 1)[1]
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(lang, case, id=f"{lang}: {case['name']}")


def _nth(text: str, sub: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(sub, pos + 1)
        assert pos >= 0, f"{sub!r} (occurrence {nth}) not in case text"
    return pos


@pytest.mark.parametrize("lang,case", list(_cases("entities")))
def test_entity_table(lang, case):
    article = PREFIX + case["text"]
    off = len(PREFIX)
    got = entities.extract(case["text"], off, lang, None)
    expected = []
    for x in case["expect"]:
        start = off + _nth(case["text"], x["text"], x.get("nth", 0))
        expected.append(Entity(x["text"], x["type"], x["key"], start, start + len(x["text"])))
    assert list(got) == expected
    for e in got:
        assert article[e.start:e.end] == e.text


@pytest.mark.parametrize("a,b,key", [
    ("Cuban Ministry of Foreign Affairs", "Ministerio de Relaciones Exteriores de Cuba", "org:cuba/foreign-ministry"),
    ("Cuba's foreign ministry", "the Cuban foreign ministry", "org:cuba/foreign-ministry"),
    ("Cuban Foreign Ministry", "la cancillería cubana", "org:cuba/foreign-ministry"),
    ("Kazakhstan", "Kazajstán", "loc:kazakhstan"),
    ("Kazakh", "kazajos", "norp:kazakhstan"),
    ("Moscow", "Moscú", "loc:moscow"),
    ("Belgorod", "Bélgorod", "loc:belgorod"),
    ("Vladimir Putin", "Putin", "per:vladimir-putin"),
    ("Ryazan Vedomosti", "Gaceta de Riazán", "outlet:ryazan/gazette"),
    ("the Russian government", "el Kremlin", "org:russia/government"),
])
def test_same_key_across_languages(a, b, key):
    ka = [e.key for e in entities.extract(a, 0, "en")]
    kb = [e.key for e in entities.extract(b, 0, "es")]
    assert ka == [key] and kb == [key]


def test_foreign_and_interior_ministry_differ():
    (a,) = entities.extract("Cuba's foreign ministry", 0, "en")
    (b,) = entities.extract("Cuba's interior ministry", 0, "en")
    assert (a.key, b.key) == ("org:cuba/foreign-ministry", "org:cuba/interior-ministry")
    assert entities.same_entity(a, b) == (False, None)


def _ent(text, type_, key):
    return Entity(text, type_, key, 0, len(text))


def test_same_entity_reasons():
    assert entities.same_entity(_ent("Kazakhstan", "LOC", "loc:kazakhstan"),
                                _ent("Kazajstán", "LOC", "loc:kazakhstan")) == \
        (True, "'Kazakhstan' and 'Kazajstán' are both loc:kazakhstan")
    assert entities.same_entity(_ent("foreign ministry", "ORG", "org:foreign-ministry"),
                                _ent("Cuba's foreign ministry", "ORG", "org:cuba/foreign-ministry")) == \
        (True, "same institution (foreign-ministry); one name gives no country")
    assert entities.same_entity(_ent("Shoigu", "PER", "per:shoigu"),
                                _ent("Sergei Shoigu", "PER", "per:sergei-shoigu")) == \
        (True, "'shoigu' is the surname in 'sergei-shoigu'")
    assert entities.same_entity(_ent("Elena Shuvalova", "PER", "per:elena-shuvalova"),
                                _ent("Yelena Shuvalova", "PER", "per:yelena-shuvalova")) == \
        (True, "spelling variants ('Elena Shuvalova' / 'Yelena Shuvalova', similarity 97)")
    assert entities.same_entity(_ent("Armenia", "LOC", "loc:armenia"),
                                _ent("Kazakhstan", "LOC", "loc:kazakhstan")) == (False, None)


@pytest.mark.parametrize("a,b,key", [
    ("the Health Ministry", "el Ministerio de Salud", "org:health-ministry"),
    ("the Health Ministry", "la cartera de Sanidad", "org:health-ministry"),
    ("the Liberal Party", "el Partido Liberal", "org:liberal-party"),
    ("the National Civil Defence Institute", "el Instituto Nacional de Defensa Civil",
     "org:civil-defence-institute-national"),
    ("Seville", "Sevilla", "loc:seville"),
])
def test_concept_keys_across_languages(a, b, key):
    ka = [e.key for e in entities.extract(a, 0, "en")]
    kb = [e.key for e in entities.extract(b, 0, "es")]
    assert ka == [key] and kb == [key]


def test_concept_keys_keep_different_concepts_apart():
    (a,) = entities.extract("el Partido Liberal", 0, "es")
    (b,) = entities.extract("el Partido Conservador", 0, "es")
    (c,) = entities.extract("the Mining Ministry", 0, "en")
    (d,) = entities.extract("the Environment Ministry", 0, "en")
    assert (a.key, b.key, c.key, d.key) == ("org:liberal-party", "org:conservative-party",
                                            "org:mining-ministry", "org:environment-ministry")
    assert entities.same_entity(a, b) == (False, None)
    assert entities.same_entity(c, d) == (False, None)


def test_shortened_institution_name_is_the_same():
    (a,) = entities.extract("according to the National Registry", 0, "en")
    (b,) = entities.extract("según la Registraduría Nacional del Estado Civil", 0, "es")
    assert entities.same_entity(a, b) == (
        True, "'National Registry' is short for 'Registraduría Nacional del Estado Civil' "
              "(same institution words)")
    # one shared word is not enough: "National Police" is no registry
    police = _ent("National Police", "ORG", "org:national-police")
    assert entities.same_entity(a, police) == (False, None)


def test_place_hierarchy():
    assert entities.within("loc:calama") == ("loc:antofagasta", "loc:chile")
    assert entities.within("loc:kostanay") == ("loc:kazakhstan",)
    assert entities.within("loc:kazakhstan") == ()
    assert entities.nested(_ent("Kostanay", "LOC", "loc:kostanay"),
                           _ent("Kazakhstan", "LOC", "loc:kazakhstan"))
    assert not entities.nested(_ent("Kostanay", "LOC", "loc:kostanay"),
                               _ent("Uzbekistan", "LOC", "loc:uzbekistan"))


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "US authorities believe one ringleader is Russian Anatoly Tyukanov.",
     [("US authorities", "ORG"), ("Russian", "NORP"), ("Anatoly Tyukanov", "PER")]),
    ("en", "Briton Tim Abeyie won the 200m.", [("Briton", "NORP"), ("Tim Abeyie", "PER")]),
    # after a determiner the demonym is part of one name
    ("en", "The Chinese Super League began on Saturday.", [("Chinese Super League", "MISC")]),
])
def test_a_demonym_before_a_persons_name_is_not_part_of_it(lang, text, expected):
    got = [(text[s:e], t) for s, e, t, _k in entities.find(text, lang)]
    assert got == expected
