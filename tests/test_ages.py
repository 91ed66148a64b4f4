"""A person's age is an amount in years (``age_unit`` in
``lang/<lang>/quantities.toml``): "a 34-year-old climber" against "una
escaladora de 43 años" is a QTY001 error; "Jonas Velling, 29", "de 29 años"
and "aged 29" agree; an age is never compared with a length of time in
another unit ("six hours").  The story (``tests/data/ages``) uses names no
table of the project knows, through the real model."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker  # noqa: F401  (a fixture)
from consistency.config import Config
from consistency.facts import FactContext
from consistency.facts import quantities
from consistency.records import AGE_NOTE, Quantity
from consistency.rules.quantity import common_unit

STORY = Path(__file__).parent / "data" / "ages"


def _ages(text: str, lang: str) -> list[tuple]:
    return [(q.text, q.value, q.unit, q.measures) for q in quantities.extract(text, 0, lang, FactContext(config=Config()))
            if q.note == AGE_NOTE]


def test_ages_in_both_languages():
    assert _ages("A 34-year-old climber from Lourdes fell.", "en") == [("34-year-old", 34, "year", "climber")]
    assert _ages("Una escaladora de 43 años, vecina de Lourdes, cayó.", "es") == []  # no age marker: ...
    q, = quantities.extract("Una escaladora de 43 años, vecina de Lourdes, cayó.", 0, "es", FactContext(config=Config()))
    assert (q.value, q.unit, q.measures) == (43, "year", "escaladora")  # ... still years, as before
    assert _ages("Her partner, Jonas Velling, 29, raised the alarm.", "en") == [("29", 29, "year", None)]
    assert _ages("Su compañero, Jonas Velling, de 29 años, dio la alarma.", "es") == [("29 años", 29, "year", None)]
    assert _ages("El juez interroga a los tres detenidos.", "es") == []  # "a los tres" counts people


def test_an_age_is_no_length_of_time_in_another_unit():
    age = Quantity(kind="measure", value=16, low=16, high=16, unit="year", qualifier="exact", text="16-year-old",
                   start=0, end=11, note=AGE_NOTE)
    stay = Quantity(kind="measure", value=6, low=6, high=6, unit="month", qualifier="exact", text="six months",
                    start=0, end=10)
    years = Quantity(kind="measure", value=43, low=43, high=43, unit="year", qualifier="exact", text="43 años",
                     start=0, end=7)
    assert common_unit(age, stay, {}, 0.05) is None
    assert common_unit(stay, age, {}, 0.05) is None
    assert common_unit(age, years, {}, 0.05) is not None


@pytest.mark.model
def test_ages_between_articles(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        ("QTY001", "error", (("a_en", "34-year-old"), ("b_es", "43 años"))),
        ("QTY001", "error", (("b_es", "43 años"), ("c_en", "34-year-old"))),
    ]


VERIFY = Path(__file__).parent / "verify" / "ages"


@pytest.mark.model
def test_an_age_the_source_writes_bare_supports_the_summary(checker):  # noqa: F811
    # "Ada Brenning and Tomas Oyelaran, both 17," backs "at the age of 17";
    # "Marit Salo, 52," backs "Their 52-year-old coach"
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported"), ("SUP000", "supported")]


@pytest.mark.model
def test_an_age_no_source_states_is_flagged(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "wrong.md"), [str(VERIFY / "article.md")])
    got = [(f.code, f.status, f.message) for f in report.findings if f.code != "SUP000"]
    assert got == [("SUP002", "partial",
                    'Partly supported: quantity "15" appears in no source; the rest is supported by Harbour Gazette')]


SOLE = Path(__file__).parent / "data" / "sole_age"


@pytest.mark.model
def test_the_only_age_of_two_tellings_of_one_event(checker):  # noqa: F811
    # "The 31-year-old ... crossed the line" / "the 38-year-old reached the
    # finish ... and then slept on board": each sentence's only age, the
    # sentences one event with every slot masked; the Spanish telling
    # ("La regatista, de 38 años, ...") differs only in the age
    report = checker.check([str(SOLE)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        ("QTY001", "error", (("a_en", "31-year-old"), ("b_en", "38-year-old"))),
        ("QTY001", "error", (("a_en", "31-year-old"), ("c_es", "38 años"))),
    ]


@pytest.mark.model
def test_without_the_only_age_test_the_english_pair_is_missed(checker, monkeypatch):  # noqa: F811
    from consistency.rules import quantity as rule

    monkeypatch.setattr(rule, "one_age", lambda pair, qa, qb: False)
    # the rule's own pairs only: a carried finding would set the English
    # pair apart through the Spanish article
    monkeypatch.setattr(checker.config, "carry", False)
    report = checker.check([str(SOLE)])
    got = sorted(tuple((e.article, e.value) for e in f.evidence) for f in report.findings)
    assert got == [(("a_en", "31-year-old"), ("c_es", "38 años"))]


def _age(value: float, measures, start: int = 0) -> Quantity:
    return Quantity(kind="measure", value=value, low=value, high=value, unit="year", qualifier="exact",
                    text=f"{value:g}-year-old", start=start, end=start + 11, measures=measures, note=AGE_NOTE)


def _pair(qa: list, qb: list, masked: float):
    from types import SimpleNamespace

    from consistency.records import Facts

    def claim(qs):
        return SimpleNamespace(lang="en", facts=Facts(quantities=list(qs)))
    return SimpleNamespace(a=claim(qa), b=claim(qb), masked=masked, config=Config(), measure_words=())


def test_one_age_asks_for_one_age_each_of_one_person():
    from consistency.rules.common import align_bar
    from consistency.rules.quantity import one_age

    bar = align_bar(Config())
    x, y = _age(31, None), _age(38, "won stage")
    assert one_age(_pair([x], [y], bar), x, y)
    assert not one_age(_pair([x], [y], bar - 0.01), x, y)  # the sentences tell two events
    f, r = _age(34, "firefighter"), _age(60, "resident")
    assert not one_age(_pair([f], [r], bar + 0.05), f, r)  # two people, maybe
    w, s = _age(27, "won"), _age(26, "won stage")
    assert one_age(_pair([w], [s], bar), w, s)  # "the 27-year-old won" / "the 26-year-old won stage four"
    other = _age(60, None, start=40)
    assert not one_age(_pair([x, other], [y], bar + 0.05), x, y)  # a victim and a suspect: two ages
    years = Quantity(kind="measure", value=31, low=31, high=31, unit="year", qualifier="exact", text="31 years",
                     start=0, end=8)
    assert not one_age(_pair([years], [y], bar + 0.05), years, y)  # a length of time is no age


def test_an_age_marked_before_a_list_holds_for_each_number():
    # "aged between 29 and 41": both numbers are ages, so neither is read as
    # a count of something else ("29" against "tres obras")
    assert _ages("The men, aged between 29 and 41, were detained on Thursday.", "en") == [
        ("29", 29, "year", None), ("41", 41, "year", None)]
    assert _ages("The men, aged 29, 38 and 41, were detained.", "en") == [
        ("29", 29, "year", None), ("38", 38, "year", None), ("41", 41, "year", None)]
    # a count after an age is not in its list
    assert _ages("A man aged 29 and 12 others were detained.", "en") == [("29", 29, "year", None)]
