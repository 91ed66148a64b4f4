"""Two one-word names in two languages are one name translated only when
they are spelled alike (``common.translated_name``): the model alone put
"Merck" and "Pfizer", each embedded on its own, at 0.880, right at the
0.88 bar where a translated name starts, so whether "The drugmaker Merck
will supply 3 million doses" / "La farmacéutica Pfizer suministrará 3
millones de dosis" was reported hung on the fourth decimal of one machine's
arithmetic (``tests/stories/xl_vaccine``)."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from consistency.config import Config
from consistency.rules.common import _spelled_alike, translated_name
from consistency.slots import phrase_key


@pytest.mark.parametrize("x, y", [("warsaw", "varsovia"), ("london", "londres"), ("moscow", "moscu"),
                                  ("seville", "sevilla"), ("munich", "munich")])
def test_exonyms_are_spelled_alike(x, y):
    assert _spelled_alike(x, y)


@pytest.mark.parametrize("x, y", [("merck", "pfizer"), ("reuters", "efe"), ("quaylight", "marea")])
def test_other_names_are_not(x, y):
    assert not _spelled_alike(x, y)


def _pair(text_a: str, text_b: str, cos: float):
    """Two claims (en, es), each one name; the names' own vectors at ``cos``."""
    art_a, art_b = SimpleNamespace(text=text_a), SimpleNamespace(text=text_b)
    va = np.array([1.0, 0.0], dtype=np.float32)
    vb = np.array([cos, np.sqrt(1 - cos * cos)], dtype=np.float32)
    return SimpleNamespace(a=SimpleNamespace(lang="en"), b=SimpleNamespace(lang="es"), art_a=art_a, art_b=art_b,
                           config=Config(), variants_a={phrase_key((0, len(text_a))): va},
                           variants_b={phrase_key((0, len(text_b))): vb})


def test_one_word_names_spelled_apart_are_two_names_however_close():
    assert not translated_name(_pair("Merck", "Pfizer", 0.95), (0, 5), (0, 6))


def test_one_word_names_spelled_alike_are_left_to_the_model():
    assert translated_name(_pair("Warsaw", "Varsovia", 0.95), (0, 6), (0, 8))
    assert not translated_name(_pair("Warsaw", "Varsovia", 0.80), (0, 6), (0, 8))


def test_names_of_several_words_are_left_to_the_model():
    pair = _pair("Orvik Harbour Board", "Junta del Puerto de Orvik", 0.93)
    assert translated_name(pair, (0, 19), (0, 25))
