"""Spanish words the lexicon does not know, given a concept through their
English translation in FreeDict's dictionary (``lexicon._translated``),
so two sentences in two languages share words the lexicon never listed.

"The five works are worth an estimated €1.8 million" / "El alcalde, Ramón
Icaza, celebró la recuperación de unas obras valoradas en 8,1 millones de
euros": the mayor's clause keeps the model's masked cosine under the
same-event bar, and "obras" (-> "work") is what the two share.  Before, no
finding; now the QTY001 error.  The stories (``tests/data/translated_words``,
``..._same``) use names no table knows, through the real model."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud_values  # noqa: F401  (a fixture and a helper)
from consistency.lexicon import concept

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("word, expected", [("obras", "work"), ("marea", "tide"), ("piedra", "stone"),
                                            ("museo", "museum")])
def test_spanish_words_the_lexicon_lacks_get_their_translation(word, expected):
    assert concept(word, "es") == expected


def test_english_words_stand_for_themselves():
    assert concept("tide", "en") is None



@pytest.mark.model
def test_a_value_told_with_translated_words_is_compared(checker):  # noqa: F811
    assert loud_values(checker.check([str(DATA / "translated_words")])) == [
        ("QTY001", (("a_en", "an estimated €1.8 million"), ("b_es", "8,1 millones de euros")))]


@pytest.mark.model
def test_the_same_value_is_no_finding(checker):  # noqa: F811
    assert loud_values(checker.check([str(DATA / "translated_words_same")])) == []
