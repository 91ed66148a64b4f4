"""NEG001's reading of the token alignment (``Pair.words``):

* the first word of what a negation denies counts as linked when any of its
  sub-word tokens is ("descartó" meets "ruled" only in its ending "-tó" /
  "-d"; the model's tokens cut words of two languages at different places),
  when no negation of either claim has its first word linked at its start
  (tests/data/denied_scope: "nunca ocultó" meets "adelantó" by "-tó" too)
  and leaving the negation out brings the two claims closer
  (tests/data/outlet_credit: "no reabrirá" meets "seguirá cerrada" by
  "-rá");
* a cue right after the words the other claim's denied words are linked to
  denies them too ("had found no faults" / "no detectó ningún fallo": both
  deny, nothing to report).

Unit tests with hand-made links, and the real model on two development
stories (``benchmarks/dev_stories``, written without reading the rules)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)
from consistency.align import WordLink
from consistency.config import Config
from consistency.records import Article, Claim, Facts, Negation
from consistency.rules.base import Pair
from consistency.rules.negation import aligned_denial

DEV = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories"


def _vectors(plain: float, dropped: float):
    """Unit vectors for the two claims, whole (``None``) and with the negation
    cues left out, whose cosines are ``plain`` and ``dropped``."""
    import numpy as np

    from consistency.slots import NEGATION_DROPPED

    def unit(cos):
        return np.array([cos, (1 - cos * cos) ** 0.5], dtype=np.float32)
    x = np.array([1.0, 0.0], dtype=np.float32)
    return {None: x, NEGATION_DROPPED: x}, {None: unit(plain), NEGATION_DROPPED: unit(dropped)}


def _pair(ta, la, na, tb, lb, nb, words, gain=(0.85, 0.9)):
    va, vb = _vectors(*gain)
    a = Claim(id="a:1", article="a", start=0, end=len(ta), text=ta, lang=la, line=1, end_line=1,
              facts=Facts(negations=na))
    b = Claim(id="b:1", article="b", start=0, end=len(tb), text=tb, lang=lb, line=1, end_line=1,
              facts=Facts(negations=nb))
    return Pair(a=a, b=b, art_a=Article(id="a", path="a", text=ta, lang=la),
                art_b=Article(id="b", path="b", text=tb, lang=lb), config=Config(quiet=True), words=words,
                variants_a=va, variants_b=vb)


TA = "Vartanian ruled out further layoffs this year."
TB = "Vartanian no descartó más recortes este año."
NEG_B = Negation(cue="no", start=10, end=12, scope="descartó más recortes este")


def test_the_denied_verb_is_linked_through_any_of_its_tokens():
    # "descartó" (13-21) is cut "desca" "r" "tó": only "tó" (19-21) meets "d" of "ruled"
    words = (WordLink((0, 9), (0, 9), 0.93), WordLink((14, 15), (19, 21), 0.77),
             WordLink((20, 27), (22, 25), 0.72), WordLink((41, 45), (39, 42), 0.86))
    assert aligned_denial(_pair(TA, "en", (), TB, "es", (NEG_B,), words)) == (False, NEG_B)
    # ... only when leaving the negation out brings the two closer (an ending
    # links two verbs that say one thing the other way round just as well)
    assert aligned_denial(_pair(TA, "en", (), TB, "es", (NEG_B,), words, gain=(0.9, 0.89))) is None
    # a token past the verb's end does not stand for it
    later = (WordLink((0, 9), (0, 9), 0.93), WordLink((20, 27), (22, 25), 0.72),
             WordLink((41, 45), (39, 42), 0.86))
    assert aligned_denial(_pair(TA, "en", (), TB, "es", (NEG_B,), later)) is None


def test_a_cue_right_after_the_linked_words_denies_them():
    ta = "A safety inspection in January had found no faults."
    tb = "La inspección de enero no detectó ningún fallo."
    neg_a = Negation(cue="no", start=41, end=43, scope="faults")
    neg_b = Negation(cue="no", start=23, end=25, scope="detectó ningún fallo")
    # "found" (35-40) is linked to "detectó" (26-33), "faults" only loosely
    # to "fallo": the cue "no" follows the linked word
    words = (WordLink((2, 8), (0, 2), 0.8), WordLink((9, 19), (3, 13), 0.9), WordLink((35, 40), (26, 33), 0.8),
             WordLink((44, 50), (41, 46), 0.5))
    assert aligned_denial(_pair(ta, "en", (neg_a,), tb, "es", (neg_b,), words)) is None
    # without the cue, the Spanish sentence denies what the English one says
    tc = "A safety inspection in January had found faults."
    words_c = (WordLink((2, 8), (0, 2), 0.8), WordLink((9, 19), (3, 13), 0.9), WordLink((35, 40), (26, 33), 0.8),
               WordLink((41, 47), (41, 46), 0.8))
    assert aligned_denial(_pair(tc, "en", (), tb, "es", (neg_b,), words_c)) == (False, neg_b)


def _negations(report):
    return sorted((f.severity, tuple((e.article, e.claim, e.value) for e in f.evidence))
                  for f in report.findings if f.code == "NEG001")


@pytest.mark.model
def test_ruled_out_against_did_not_rule_out_in_other_words(checker):  # noqa: F811
    """"Vartanian ruled out further layoffs this year." / "Preguntada por la
    posibilidad de nuevos ajustes, Vartanian no descartó más recortes antes de
    que acabe el año." is a polarity error; the two Lindmark office findings
    stay as they were."""
    got = _negations(checker.check([str(DEV / "tech_layoffs")]))
    assert got == [
        ("error", (("a_en", "a_en:7", None), ("c_en", "c_en:5", "not"))),
        ("error", (("a_en", "a_en:9", None), ("b_es", "b_es:8", "no"))),
        ("error", (("b_es", "b_es:6", None), ("c_en", "c_en:5", "not"))),
    ]


@pytest.mark.model
def test_two_denials_of_one_inspection_are_no_finding(checker):  # noqa: F811
    """"Its chief executive ... said a safety inspection in January had found
    no faults" / "... aseguró que la inspección de seguridad de enero no
    detectó ningún fallo, aunque ..." deny the same thing."""
    got = _negations(checker.check([str(DEV / "mine_collapse")]))
    assert not any({e[1] for e in ev} == {"a_en:9", "b_es:8"} for _, ev in got)
    assert ("error", (("b_es", "b_es:7", "aún no"), ("c_en", "c_en:4", None))) in got
