"""NEG001 through the model's own token alignment: what one claim's negation
denies, the other claim states, even when the two sentences say more than the
negation tells apart or both carry negations of other things.  A fictional
story (tests/data/denied_scope: no table of the project knows its names):

* "Verrado Foods said it would not appeal and would pay the fine" / "...
  said it would appeal, and its lawyers called the fine unfair" (en-en);
* "... had never hidden the spill and had already asked for a second
  inspection" / "Verrado Foods aún no ha pedido una segunda inspección"
  (en-es) and "... nunca ocultó el vertido y que ya ha pedido una segunda
  inspección" / the same (es-es): both sides negate something, only one
  denies the inspection request;
* "No flood warning was issued" / "The regional agency issued no flood
  warning": both deny it, nothing to report; nor is "never hidden the spill"
  set against the newspaper's sentence, whose words there are no partner of
  "hidden".
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "denied_scope"


@pytest.mark.model
def test_negations_set_against_the_words_they_deny(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted(((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence))
                  for f in report.findings if f.code.startswith("NEG")), key=repr)
    assert got == [
        ("NEG001", "error", (("a_en", "not"), ("b_en", None))),
        ("NEG001", "error", (("a_en", None), ("d_es", "aún no"))),
        ("NEG001", "error", (("c_es", None), ("d_es", "aún no"))),
    ]


def test_aligned_denial_needs_the_denied_words_linked():
    """Unit test with hand-made links: the scope's first word must be linked
    at SCOPE_SIM or more, and the other claim must not deny those words."""
    from consistency.align import WordLink
    from consistency.records import Claim, Facts, Negation
    from consistency.rules.base import Pair
    from consistency.rules.negation import aligned_denial
    from consistency.config import Config
    from consistency.records import Article

    ta = "The firm would not appeal the ruling."
    tb = "The firm would appeal the ruling."
    neg = Negation(cue="not", start=15, end=18, scope="appeal the ruling")
    a = Claim(id="a:1", article="a", start=0, end=len(ta), text=ta, lang="en", line=1, end_line=1, facts=Facts(negations=(neg,)))
    b = Claim(id="b:1", article="b", start=0, end=len(tb), text=tb, lang="en", line=1, end_line=1, facts=Facts())
    arts = (Article(id="a", path="a", text=ta, lang="en"), Article(id="b", path="b", text=tb, lang="en"))

    def pair(sim_appeal, b_claim=b):
        words = (WordLink((4, 8), (4, 8), 0.9), WordLink((9, 14), (9, 14), 0.9),
                 WordLink((19, 25), (15, 21), sim_appeal), WordLink((30, 36), (26, 32), 0.9))
        return Pair(a=a, b=b_claim, art_a=arts[0], art_b=arts[1], config=Config(quiet=True), words=words)

    assert aligned_denial(pair(0.85)) == (True, neg)
    assert aligned_denial(pair(0.5)) is None  # "appeal" has no partner worth the name
    tb2 = "The firm would never appeal the ruling."
    b2 = Claim(id="b:1", article="b", start=0, end=len(tb2), text=tb2, lang="en", line=1, end_line=1,
               facts=Facts(negations=(Negation(cue="never", start=15, end=20, scope="appeal the ruling"),)))
    words = (WordLink((4, 8), (4, 8), 0.9), WordLink((19, 25), (21, 27), 0.9), WordLink((30, 36), (32, 38), 0.9))
    p2 = Pair(a=a, b=b2, art_a=arts[0], art_b=Article(id="b", path="b", text=tb2, lang="en"),
              config=Config(quiet=True), words=words)
    assert aligned_denial(p2) is None  # the other claim denies it too


@pytest.mark.model
def test_ruled_out_against_did_not_rule_out_across_languages(checker):  # noqa: F811
    """Through the real model on a story the rules' data was not written for
    (tests/data/denied_verb): "Castelo ruled out a new tax on tourist flats
    this year" / "..., Castelo no descartó un nuevo impuesto sobre los pisos
    turísticos antes de que acabe el año" is a polarity error; "An audit in
    March had found no irregularities" / "la auditoría de marzo no detectó
    ninguna irregularidad" deny the same thing, and are no finding."""
    report = checker.check([str(Path(__file__).parent / "data" / "denied_verb")])
    got = [(f.code, f.severity, tuple((e.article, e.claim, e.value) for e in f.evidence))
           for f in report.findings if f.severity in ("warning", "error")]
    assert got == [("NEG001", "error", (("a_en", "a_en:3", None), ("b_es", "b_es:3", "no")))]
