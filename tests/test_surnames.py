"""A surname alone is the person its article names in full
(``consistency.facts.entities.surnames`` and the ``known`` argument of
``entities.find`` / ``attributions.find``; the extraction reads each
article's sentences again with the surnames it names in full)."""
from __future__ import annotations

from pathlib import Path

from consistency.config import Config
from consistency.corpus import load_corpus
from consistency.facts import attributions, entities
from consistency.pipeline import Checker
from consistency.records import Entity

DATA = Path(__file__).parent / "data" / "surname_source"

KNOWN = (("olivenza", "per:marta-olivenza"),)


def test_surnames_of_people_named_in_full():
    ents = [Entity("Marta Olivenza", "PER", "per:marta-olivenza", 0, 14),
            Entity("Hornos Valdeluz", "ORG", "org:hornos-valdeluz", 20, 35),
            Entity("Arbeloa", "MISC", "misc:arbeloa", 40, 47)]
    assert entities.surnames(ents, "es") == (("olivenza", "per:marta-olivenza"),)


def test_a_surname_two_people_share_names_neither():
    ents = [Entity("Marta Olivenza", "PER", "per:marta-olivenza", 0, 14),
            Entity("Luis Olivenza", "PER", "per:luis-olivenza", 20, 33),
            Entity("Tomás Arbeloa", "PER", "per:tomas-arbeloa", 40, 53)]
    assert entities.surnames(ents, "es") == (("arbeloa", "per:tomas-arbeloa"),)


def test_a_common_word_is_no_surname():
    # the bilingual dictionary translates "house": "House prices rose" is no person
    ents = [Entity("Clarence House", "PER", "per:clarence-house", 0, 14),
            Entity("Gordon Brown", "PER", "per:gordon-brown", 20, 32),
            Entity("Tony Blair", "PER", "per:tony-blair", 40, 50)]
    assert entities.surnames(ents, "en") == (("blair", "per:tony-blair"),)


def test_a_surname_opening_the_sentence_is_the_person():
    text = "Olivenza ruled out further closures this year."
    assert entities.find(text, "en") == []
    assert entities.find(text, "en", KNOWN) == [(0, 8, "PER", "per:marta-olivenza")]


def test_a_surname_already_read_as_a_name_keeps_its_key():
    # the rules take "Olivenza" and "Marta Olivenza" for one person anyway
    text = "Preguntada por nuevos ajustes, Olivenza no descartó más cierres."
    assert entities.find(text, "es", KNOWN) == entities.find(text, "es") == [(31, 39, "MISC", "misc:olivenza")]


def test_a_lower_case_word_is_no_surname():
    known = (("rivers", "per:joan-rivers"),)
    assert entities.find("The rivers rose overnight.", "en", known) == []


def test_a_possessive_surname_is_the_person():
    text = "Olivenza's plan was approved on Tuesday."
    assert entities.find(text, "en", KNOWN)[0] == (0, 8, "PER", "per:marta-olivenza")


def test_a_place_keeps_its_type():
    known = (("washington", "per:george-washington"),)
    text = "The talks were held in Washington."
    assert entities.find(text, "en", known) == entities.find(text, "en")
    assert entities.find(text, "en")[0][2] == "LOC"


def test_a_surname_alone_is_a_source():
    text = "Olivenza said sales had fallen 8% in the first half of the year."
    assert attributions.find(text, "en") == []
    assert attributions.find(text, "en", KNOWN) == [(0, 13, 0, 8, "per:marta-olivenza", "said")]


def test_the_extraction_gives_a_later_surname_the_full_name_s_key():
    config = Config()
    articles = {a.id: a for a in load_corpus([str(DATA)], config).articles}
    claims = Checker(config).extract([articles["a_en"], articles["d_es"]])
    got = [(c.article, e.text, e.type, e.key) for c in claims for e in c.facts.entities
           if "Olivenza" in e.text]
    assert got == [
        ("a_en", "Marta Olivenza", "PER", "per:marta-olivenza"),
        ("a_en", "Olivenza", "PER", "per:marta-olivenza"),
        # named by the surname before the full name
        ("d_es", "Olivenza", "PER", "per:marta-olivenza"),
        ("d_es", "Marta Olivenza", "PER", "per:marta-olivenza"),
    ]
    sources = [(c.article, a.source, a.key) for c in claims for a in c.facts.attributions]
    assert ("a_en", "Olivenza", "per:marta-olivenza") in sources
    assert ("d_es", "Olivenza", "per:marta-olivenza") in sources
