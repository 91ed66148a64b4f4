"""The bilingual lexicon (``consistency/lang/<lang>/lexicon.toml``): its data
contract, ``concept_words`` and its use by the rules across languages."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from consistency import lang as langdata
from consistency.config import Config
from consistency.records import Quantity
from consistency.rules.common import concept_words, fold
from consistency.lexicon import MIN_STEM, concept, lexicon
from consistency.rules.quantity import measure_relation

sys.path.insert(0, str(Path(__file__).parent))
from test_rules_cases import _side, judge  # noqa: E402

LANGS = ("en", "es")


def _entries(lang: str):
    for name, entries in langdata.load(lang, "lexicon")["concepts"].items():
        for entry in entries:
            yield name, entry


# ---------------------------------------------------------------- data contract

@pytest.mark.parametrize("lang", LANGS)
def test_entries_are_folded_single_words_with_long_stems(lang):
    bad = []
    for name, entry in _entries(lang):
        word = entry.rstrip("*")
        if fold(word) != word or not word.isalpha() or entry.count("*") > 1 or "*" in word:
            bad.append((name, entry))
        elif entry.endswith("*") and len(word) < MIN_STEM:
            bad.append((name, entry))
    assert bad == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_form_maps_to_two_concepts(lang):
    owners: dict[str, set[str]] = {}
    for name, entry in _entries(lang):
        owners.setdefault(entry, set()).add(name)
    assert {e: c for e, c in owners.items() if len(c) > 1} == {}
    # and no entry is shadowed by another concept's form or longer stem
    shadowed = [(name, entry, concept(entry.rstrip("*"), lang))
                for name, entry in _entries(lang) if concept(entry.rstrip("*"), lang) != name]
    assert shadowed == []


@pytest.mark.parametrize("lang", LANGS)
def test_function_words_carry_no_concept(lang):
    assert sorted(w for w in lexicon(lang).function if concept(w, lang) is not None) == []


def test_every_spanish_concept_is_an_english_one():
    english = set(langdata.load("en", "lexicon")["concepts"])
    spanish = set(langdata.load("es", "lexicon")["concepts"])
    assert sorted(spanish - english) == []


def test_english_concepts_are_english_lemmas_the_file_knows():
    # the concept id is itself an English word mapped to that concept
    # (multi-purpose ids such as "local"/"area" included)
    unknown = [c for c in langdata.load("en", "lexicon")["concepts"] if concept(c, "en") != c]
    assert unknown == []


def test_news_vocabulary_size():
    assert len(langdata.load("en", "lexicon")["concepts"]) >= 550
    assert len(langdata.load("es", "lexicon")["concepts"]) >= 550


@pytest.mark.parametrize("lang,word,expected", [
    ("en", "warning", "warn"), ("es", "alerta", "warn"),
    ("en", "comply", "comply"), ("es", "acatara", "comply"),
    ("en", "confirmed", "confirm"), ("es", "confirmo", "confirm"),
    ("en", "issued", "issue"), ("es", "emitio", "issue"),
    ("en", "deal", "deal"), ("es", "operacion", "deal"), ("es", "acuerdo", "deal"),
    ("en", "share", "share"), ("es", "accion", "share"),
    ("en", "children", "child"), ("es", "ninos", "child"),
    ("en", "deaths", "death"), ("es", "muertos", "death"), ("es", "fallecidos", "death"),
    ("en", "injured", "injure"), ("es", "heridos", "injure"),
    ("en", "ruling", "ruling"), ("es", "fallo", "ruling"),
    ("es", "ganancias", "profit"), ("es", "ganaron", "win"),    # longer stem wins
    ("es", "cobre", "copper"), ("es", "cobraron", "earn"),      # exact form wins
    ("es", "abril", "april"), ("es", "abrieron", "open"),
    ("en", "zzyzx", None),
])
def test_concept_lookup(lang, word, expected):
    assert concept(word, lang) == expected


# ---------------------------------------------------------------- concept_words

def _claim(lang: str, text: str):
    return _side("a", {"lang": lang, "text": text}, Config())[1]


def test_concept_words_english_and_spanish_meet():
    en = _claim("en", "The Navy did not issue a tsunami warning after the quake.")
    es = _claim("es", "La Marina de Guerra emitió una alerta de tsunami tras el sismo.")
    assert concept_words(en) == {"navy", "issue", "tsunami", "warn", "earthquake"}
    assert concept_words(es) == {"navy", "war", "issue", "warn", "tsunami", "earthquake"}


def test_concept_words_excludes_spans_and_keeps_unknown_words():
    # "olores" is in no lexicon: its dictionary translation stands for it
    # (lexicon._translated); "extraños" is in neither, and stands as written
    c = _claim("es", "Los vecinos de Calama denunciaron olores extraños.")
    assert concept_words(c) == {"resident", "calama", "condemn", "odor", "extranos"}
    assert concept_words(c, [(15, 21)]) == {"resident", "condemn", "odor", "extranos"}


# ---------------------------------------------------------------- rules across languages

def _codes(a, b, similarity=0.9):
    found = judge({"a": a, "b": b, "similarity": similarity}, Config())
    return sorted((f.code, tuple(e.value or "" for e in f.evidence)) for f in found)


def test_same_action_across_languages_by_concepts():
    # a weak direct link (below the threshold), no shared entity, number or cognate pair:
    # only the concepts of the words tell that these describe the same action
    a = {"lang": "es", "text": "El club sevillano confirmó la operación en un comunicado."}
    b = {"lang": "en", "text": "The club did not confirm the deal in a statement."}
    assert _codes(a, b, similarity=0.5) == [("NEG001", ("", "not"))]


def test_too_few_shared_concepts_across_languages():
    a = {"lang": "es", "text": "El club confirmó la llegada del delantero."}
    b = {"lang": "en", "text": "The club did not confirm the price of the stadium tickets."}
    assert _codes(a, b, similarity=0.5) == []


def _q(measures: str, value: float = 10) -> Quantity:
    return Quantity(kind="count", value=value, low=value, high=value, unit=None,
                    qualifier="exact", text=str(value), start=0, end=2, measures=measures)


def test_measures_match_across_languages():
    children, ninos, casos = _q("children", 2.5e6), _q("niños", 1.5e6), _q("casos", 230)
    assert measure_relation(children, "en", ninos, "es") == "same"
    assert measure_relation(children, "en", casos, "es") == "unknown"


def test_measure_groups_keep_priority_over_the_lexicon():
    q = _q
    # salary/bonus and deaths/injured stay apart whatever the lexicon says
    assert measure_relation(q("monthly salary"), "en", q("bono mensual"), "es") == "same"
    assert measure_relation(q("signing bonus"), "en", q("salario"), "es") == "different"
    assert measure_relation(q("people killed"), "en", q("personas heridas"), "es") == "different"
    # one side in a group, the other not: the lexicon does not equate them
    assert measure_relation(q("people killed"), "en", q("personas"), "es") == "unknown"
