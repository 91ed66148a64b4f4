"""Names translated word for word, read from FreeDict's bilingual
dictionaries (``consistency/bilingual.py``; Debian's ``dict-freedict-eng-spa``
and ``dict-freedict-spa-eng``, installed by ``scripts/setup-env.sh``).

The multilingual model reads "Black Stone Foundation" / "Fundación Piedra
Negra" at 0.87, under the 0.88 from which two names are one translated, and
"Green Wave Foundation" as close to "Blue Tide Foundation" (0.89) as to
"Fundación Ola Verde" (0.89): it cannot tell a translated name from another
name of the same shape.  The dictionary can.  The stories
(``tests/data/translated_names``, ``translated_source`` and their
``..._other`` twins: one actor, one credited source) use names no table of
the project knows, through the real model."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud_values  # noqa: F401  (a fixture and a helper)
from consistency import bilingual
from consistency.facts.names import compare, translated_word_for_word

DATA = Path(__file__).parent / "data"


def test_the_dictionaries_are_installed():
    assert bilingual.available("en", "es"), (
        "FreeDict not found: install Debian's dict-freedict-eng-spa and dict-freedict-spa-eng "
        "(scripts/setup-env.sh does as root) or set CONSISTENCY_FREEDICT to their directory")


@pytest.mark.parametrize("en, es", [("tide", "marea"), ("stone", "piedra"), ("blue", "azul"), ("wave", "ola")])
def test_words_translate_both_ways(en, es):
    assert es in bilingual.translations(en) and en in bilingual.translations(es)


@pytest.mark.parametrize("x, y", [
    ("Black Stone Foundation", "Fundación Piedra Negra"),   # "negra": the dictionary's "negro"
    ("Stone River", "Río Piedra"),                          # any word order
    ("Red Cross", "Cruz Roja"),
    ("Green Wave Institute", "Instituto Ola Verde"),        # "Institute": a glossary concept
    ("Geneva", "Ginebra"),                                  # the model reads them 0.87 on their own
])
def test_names_translated_word_for_word(x, y):
    assert translated_word_for_word(x, y) and translated_word_for_word(y, x)


@pytest.mark.parametrize("x, y", [
    ("Black Stone Foundation", "Fundación Ola Roja"),       # another name of the same shape
    ("Stone River", "Río Piedra Negra"),                    # a word more
    ("Black Stone Foundation", "Black Stone Foundation"),   # nothing translated: the keys say so
    ("Kestrel Group", "Grupo Halcón"),                      # a proper word is not translated
])
def test_other_names_are_not(x, y):
    assert not translated_word_for_word(x, y)


def test_organisations_and_places_only():
    assert compare("Black Stone Foundation", "org:black-stone-foundation",
                   "Fundación Piedra Negra", "org:foundation-negra-piedra")[0]
    assert not compare("Rosa Blanco", "per:rosa-blanco", "Rose White", "per:rose-white")[0]



@pytest.mark.model
def test_a_translated_foundation_is_one_actor(checker):  # noqa: F811
    assert loud_values(checker.check([str(DATA / "translated_names")])) == []


@pytest.mark.model
def test_another_foundation_is_still_reported(checker):  # noqa: F811
    assert loud_values(checker.check([str(DATA / "translated_names_other")])) == [
        ("ATT001", (("a_en", "Black Stone Foundation"), ("b_es", "Fundación Ola Roja"))),
        ("ENT001", (("a_en", "Black Stone Foundation"), ("b_es", "Fundación Ola Roja"))),
    ]


@pytest.mark.model
def test_a_translated_foundation_credited_is_one_source(checker):  # noqa: F811
    """"according to the Black Stone Foundation" / "según la Fundación
    Piedra Negra": the same source (before, ATT001)."""
    assert loud_values(checker.check([str(DATA / "translated_source")])) == []


@pytest.mark.model
def test_another_foundation_credited_is_still_reported(checker):  # noqa: F811
    assert loud_values(checker.check([str(DATA / "translated_source_other")])) == [
        ("ATT001", (("a_en", "Black Stone Foundation"), ("b_es", "Fundación Ola Roja")))]


@pytest.fixture
def fresh_tables():
    """The dictionaries read anew before and after the test."""
    def clear():
        for f in (bilingual._pairs, bilingual._directed, bilingual._table):
            f.cache_clear()
    clear()
    yield
    clear()


def test_a_wrong_setting_is_an_error(monkeypatch, tmp_path, capsys):
    from consistency.cli import main

    out = tmp_path / "out.json"
    monkeypatch.setenv("CONSISTENCY_FREEDICT", str(tmp_path / "nowhere"))
    assert main(["check", str(DATA / "translated_names"), "--json", str(out), "--fail-on", "never"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"consistency: error: {tmp_path / 'nowhere'}: CONSISTENCY_FREEDICT names no FreeDict "
                   "dictionary (a folder with freedict-eng-spa.index and freedict-eng-spa.dict.dz ...)")
    assert not out.exists()


def test_an_unreadable_dictionary_is_an_error(monkeypatch, tmp_path, fresh_tables):
    import shutil

    from consistency.errors import InputError

    for src, dst in (("eng", "spa"), ("spa", "eng")):
        index, _ = bilingual._files(src, dst)
        shutil.copy(index, tmp_path / index.name)
        (tmp_path / f"freedict-{src}-{dst}.dict.dz").write_bytes(b"not gzip at all")
    monkeypatch.setenv("CONSISTENCY_FREEDICT", str(tmp_path))
    with pytest.raises(InputError, match=r"not a readable FreeDict dictionary"):
        bilingual.translations("tide")
