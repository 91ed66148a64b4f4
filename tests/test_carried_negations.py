"""Polarity findings carried over to the outlets that tell it as one side
(``consistency.rules.corroborate.carried_negations``).

Through the real model, on two four-outlet stories written without reading
the rules (``benchmarks/dev_stories``): the polarity rule sets La Voz del
Altiplano's "no ha ofrecido todavía reembolsos" against Atlas Press Wire's
"passengers could claim a full refund", but not against The Meseta
Observer's long sentence that puts the strike's cost and the refunds
together; the carried finding sets it against that one too.  Likewise "would
not appeal" against Diario de Aranzola's "recurrirán", by way of La Gaceta
del Tarvela's "recurrirá la sentencia".

By hand-built claims (a stand-in for the model's masked cosines and token
links): what is carried and what is not.
"""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from builders import article, claim, cluster, config, neg  # noqa: E402

from consistency.records import Evidence, Finding  # noqa: E402
from consistency.rules.corroborate import STORY_SHARE, carried_negations  # noqa: E402

STORIES = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories"


def _polarity(report):
    return sorted((((f.code, f.severity, [(e.article, e.value) for e in f.evidence]), f.message)
                   for f in report.findings
                   if f.code.startswith("NEG") and f.severity in ("warning", "error")),
                  key=lambda g: (g[0][0], [(a, v or "") for a, v in g[0][2]]))


@pytest.mark.model
def test_a_denial_is_carried_to_the_outlet_that_states_it_as_the_other_side(checker):  # noqa: F811
    got = _polarity(checker.check([str(STORIES / "airline_strike")]))
    assert [g for g, _ in got] == [
        # carried: The Meseta Observer's "every affected passenger had been
        # offered a full refund or free rebooking" tells it as Atlas does
        ("NEG001", "error", [("a_en", None), ("b_es", "no")]),
        ("NEG001", "error", [("b_es", "no"), ("c_en", None)]),
    ]
    assert got[0][1] == ('Polarity differs: La Voz del Altiplano says it did not happen ("no") but '
                         'The Meseta Observer says it did, as Atlas Press Wire does in the same account')


@pytest.mark.model
def test_a_denial_is_carried_across_languages_by_the_word_it_denies(checker):  # noqa: F811
    got = _polarity(checker.check([str(STORIES / "court_pollution")]))
    assert [g for g, _ in got] == [
        ("NEG001", "error", [("a_es", None), ("b_en", "not")]),
        ("NEG001", "error", [("a_es", "nunca"), ("b_en", None)]),
        # carried: "El abogado ... confirmó que recurrirán" tells what La
        # Gaceta's "recurrirá la sentencia" tells, which "would not appeal" denies
        ("NEG001", "error", [("b_en", "not"), ("c_es", None)]),
        ("NEG001", "error", [("b_en", "not"), ("d_en", None)]),
    ]
    assert got[2][1] == ('Polarity differs: The Southern Courier says it did not happen ("not") but '
                         'Diario de Aranzola says it did, as La Gaceta del Tarvela does in the same account')


# ---------------------------------------------------------------- by hand

Y = article("y", "The airline has not offered refunds to the passengers.", outlet="Y Daily")
Z = article("z", "The airline offered refunds to all passengers.", outlet="Z Post")
X = article("x", "Every passenger was offered a full refund by the airline.", outlet="X Wire")
ELSE = article("x", "The airline is based in Lindmark, where it employs 300 people.", outlet="X Wire")


def _link(a, a_word, b, b_word, sim=0.8):
    sa, sb = a.text.index(a_word), b.text.index(b_word)
    return SimpleNamespace(span_a=(a.start + sa, a.start + sa + len(a_word)),
                           span_b=(b.start + sb, b.start + sb + len(b_word)), sim=sim)


def _words(*links):
    out = {}
    for (a, b), found in links:
        out[(a.id, b.id)] = tuple(found)
        out[(b.id, a.id)] = tuple(SimpleNamespace(span_a=x.span_b, span_b=x.span_a, sim=x.sim) for x in found)
    return out


def _story(x_art=X, cosine=0.9, extra=()):
    cy = claim(Y, Y.text, 1, negations=(neg(Y, "not", "offered refunds to the passengers"),))
    cz = claim(Z, Z.text, 1)
    cx = claim(x_art, x_art.text, 1)
    words = _words(((cy, cz), [_link(cy, "offered", cz, "offered"), _link(cy, "refunds", cz, "refunds")]))
    same = SimpleNamespace(pairs={frozenset((cx.id, cz.id)): cosine, frozenset((cy.id, cz.id)): cosine},
                           words=words)
    ev = (Evidence(article="y", claim=cy.id, start=cy.start, end=cy.end, text=cy.text, value="not",
                   value_start=Y.text.index("not"), value_end=Y.text.index("not") + 3),
          Evidence(article="z", claim=cz.id, start=cz.start, end=cz.end, text=cz.text, value=None))
    found = Finding(code="NEG001", kind="negation", severity="error", confidence=0.7,
                    message="Polarity differs: x", evidence=ev, cluster="c1")
    clusters = (cluster(cy, cz, cx),) + tuple(extra)
    return (Y, Z, x_art), (cy, cz, cx), clusters, same, found


def _carried(arts, claims, clusters, same, found):
    return carried_negations([found], list(arts), list(claims), clusters, same, config())


def test_carried_to_the_outlet_that_says_what_the_denial_denies():
    arts, claims, clusters, same, found = _story()
    got = _carried(arts, claims, clusters, same, found)
    assert [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in got] == [
        ("NEG001", "error", [("x", None), ("y", "not")])]
    assert got[0].message == ('Polarity differs: Y Daily says it did not happen ("not") but X Wire says '
                              'it did, as Z Post does in the same account')
    assert got[0].confidence == pytest.approx(0.7 * 0.9)


def test_not_carried_to_a_sentence_that_does_not_say_what_is_denied():
    # read as the same telling (slots masked), but nothing of "offered
    # refunds" is in it
    arts, claims, clusters, same, found = _story(x_art=ELSE)
    assert _carried(arts, claims, clusters, same, found) == []


def test_not_carried_below_the_link_threshold():
    arts, claims, clusters, same, found = _story(cosine=0.80)
    assert _carried(arts, claims, clusters, same, found) == []


def test_not_carried_to_an_outlet_that_denies_it_too():
    x_art = article("x", "Passengers were not offered a refund by the airline.", outlet="X Wire")
    arts, (cy, cz, _), clusters, same, found = _story(x_art=x_art)
    cx = claim(x_art, x_art.text, 1, negations=(neg(x_art, "not", "offered a refund by the airline"),))
    clusters = (cluster(cy, cz, cx),)
    assert _carried(arts, (cy, cz, cx), clusters, same, found) == []


def test_not_carried_between_articles_that_tell_two_stories():
    # X's and Y's articles meet in one cluster of the four each is in: two
    # stories that share a sentence, not one story
    arts, claims, clusters, same, found = _story()
    cy, cz, cx = claims
    more_y = [article("y", f"Other news of Y number {i} about the harbour.", outlet="Y Daily") for i in range(3)]
    more_x = [article("x", f"Other news of X number {i} about the budget.", outlet="X Wire") for i in range(3)]
    others_y = [claim(ay, ay.text, 10 + i) for i, ay in enumerate(more_y)]
    others_x = [claim(ax, ax.text, 10 + i) for i, ax in enumerate(more_x)]
    extra = [cluster(o, cz, cid=f"y{i}") for i, o in enumerate(others_y)] + \
        [cluster(o, cz, cid=f"x{i}") for i, o in enumerate(others_x)]
    every = claims + tuple(others_y) + tuple(others_x)
    assert 1 < STORY_SHARE * 4
    assert _carried(arts, every, clusters + tuple(extra), same, found) == []
    # the same with X's article in Y's clusters too: one story
    both = [cluster(oy, ox, cid=f"b{i}") for i, (oy, ox) in enumerate(zip(others_y, others_x))]
    got = _carried(arts, every, clusters + tuple(both), same, found)
    assert [(e.article, e.value) for e in got[0].evidence] == [("x", None), ("y", "not")]


def test_not_carried_onto_a_pair_already_judged():
    arts, claims, clusters, same, found = _story()
    cy, _, cx = claims
    judged = Finding(code="NEG001", kind="negation", severity="error", confidence=0.7, message="m",
                     evidence=(Evidence(article="x", claim=cx.id, start=cx.start, end=cx.end, text=cx.text,
                                        value=None),
                               Evidence(article="y", claim=cy.id, start=cy.start, end=cy.end, text=cy.text,
                                        value="not")), cluster="c1")
    assert carried_negations([found, judged], list(arts), list(claims), clusters, same, config()) == []


def test_carried_to_an_outlet_that_denies_it_as_the_denying_side():
    # Z Post says the airline offered refunds; Y Daily denies it; X Wire
    # denies it as Y does: the finding is carried to X against Z
    arts, (cy, cz, _), clusters, same, found = _story()
    x_art = article("x", "Passengers were not offered refunds, the airline admitted.", outlet="X Wire")
    cx = claim(x_art, x_art.text, 1, negations=(neg(x_art, "not", "offered refunds"),))
    same.pairs[frozenset((cx.id, cy.id))] = 0.9
    clusters = (cluster(cy, cz, cx),)
    got = carried_negations([found], [Y, Z, x_art], [cy, cz, cx], clusters, same, config())
    assert [(f.code, [(e.article, e.value) for e in f.evidence]) for f in got] == [
        ("NEG001", [("x", "not"), ("z", None)])]
    assert got[0].message == ('Polarity differs: X Wire says it did not happen ("not") but Z Post says '
                              'it did, as Y Daily does in the same account')


def test_not_carried_to_a_sentence_that_shares_only_the_object_of_the_denial():
    # "offered" is what is denied first; "refunds" alone is the topic, not
    # the statement ("did not applaud the documentary" is not restated by
    # "documentary shown in Halvorsen")
    x_art = article("x", "Refunds for passengers were discussed at the airline's board.", outlet="X Wire")
    arts, claims, clusters, same, found = _story(x_art=x_art)
    assert _carried(arts, claims, clusters, same, found) == []


def test_not_carried_to_an_outlet_a_rule_sets_against_the_other_side():
    # X and Z are set apart themselves (opposite predicates, NEG002): X does
    # not tell it as Z does, whatever the masked texts say
    arts, claims, clusters, same, found = _story()
    _, cz, cx = claims
    opposite = Finding(code="NEG002", kind="negation", severity="error", confidence=0.7, message="m",
                       evidence=(Evidence(article="x", claim=cx.id, start=cx.start, end=cx.end, text=cx.text,
                                          value="offered"),
                                 Evidence(article="z", claim=cz.id, start=cz.start, end=cz.end, text=cz.text,
                                          value="offered")), cluster="c1")
    assert carried_negations([found, opposite], list(arts), list(claims), clusters, same, config()) == []
