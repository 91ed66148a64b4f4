"""Contradictions carried over to the outlets that tell the same as one side
(``consistency.rules.corroborate``).

Through the real model, on a four-outlet cycling story
(``benchmarks/dev_stories/cycling_doping``, en and es, written without
reading the rules): the rules set Diario Pedal's "15.000
euros", "27 años" and "hasta dos años" against Peloton Weekly's or Agencia
Ciclopress's, but not against The Chainring's long sentences, which tell the
same as those two; the carried findings set them against The Chainring too.
(Who broke the news is compared directly, as a scoop: tests/test_scoop.py.)

By hand-built claims (a stand-in for the model's masked cosines): what is
carried and what is not.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from builders import article, att, claim, cluster, config, date, qty  # noqa: E402

from consistency.records import Evidence, Finding  # noqa: E402
from consistency.rules.corroborate import MAX_FACTS, carried  # noqa: E402
from consistency.slots import MASKED_ALL, event_clause_key  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories" / "cycling_doping"


@pytest.mark.model
def test_a_contradiction_is_carried_to_the_outlet_telling_the_same(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted(((f.code, f.severity, [(e.article, e.value) for e in f.evidence]), f.message)
                 for f in report.findings
                 if f.severity in ("warning", "error") and f.code[:3] in ("QTY", "DAT", "ATT"))
    assert [g for g, _ in got] == [
        ("ATT001", "warning", [("a_en", "Gazzetta Velo"), ("b_es", "Onda Ciclista")]),
        ("ATT001", "warning", [("b_es", "Onda Ciclista"), ("c_en", "Gazzetta Velo")]),
        ("ATT001", "warning", [("b_es", "Onda Ciclista"), ("d_es", "Gazzetta Velo")]),
        ("DAT001", "error", [("a_en", "19 March"), ("b_es", "21 de marzo")]),
        ("DAT001", "error", [("a_en", "Tuesday"), ("d_es", "el lunes")]),
        ("DAT001", "error", [("b_es", "21 de marzo"), ("c_en", "19 March")]),
        # carried to a sentence of none of Agencia Ciclopress's clusters: its
        # telling of the sample reads as Peloton Weekly's
        ("DAT001", "error", [("b_es", "21 de marzo"), ("d_es", "19 de marzo")]),
        ("DAT001", "error", [("b_es", "el martes"), ("d_es", "el lunes")]),
        ("QTY001", "error", [("a_en", "27-year-old"), ("c_en", "26-year-old")]),
        ("QTY001", "error", [("a_en", "up to four years"), ("b_es", "hasta dos años")]),
        ("QTY001", "error", [("a_en", "€15,000"), ("c_en", "€25,000")]),
        ("QTY001", "error", [("b_es", "15.000 euros"), ("c_en", "€25,000")]),
        ("QTY001", "error", [("b_es", "27 años"), ("c_en", "26-year-old")]),
        ("QTY001", "error", [("b_es", "hasta dos años"), ("c_en", "four-year")]),
        ("QTY001", "error", [("b_es", "hasta dos años"), ("d_es", "cuatro años")]),
    ]
    messages = dict((tuple(tuple(v) for v in g[2]), m) for g, m in got)
    assert messages[(("b_es", "15.000 euros"), ("c_en", "€25,000"))] == (
        'Amounts differ: The Chainring says "€25,000" but Diario Pedal says "15.000 euros", '
        'as Peloton Weekly does ("€15,000") in the same account')
    # who had the news first is compared directly now (tests/test_scoop.py),
    # not carried over from Peloton Weekly's credit
    assert messages[(("b_es", "Onda Ciclista"), ("d_es", "Gazzetta Velo"))] == (
        'Sources differ: Diario Pedal credits it to "Onda Ciclista" but Agencia Ciclopress to '
        '"Gazzetta Velo"')


MUSEUM = DATA.parent / "museum_theft"


@pytest.mark.model
def test_carried_to_a_long_sentence_clustered_with_other_news(checker):  # noqa: F811
    # Globe Line News packs the value, the day of the raid, the warehouse
    # and the source into one sentence ("Three of the works, taken in a
    # night-time raid on 15 February and worth an estimated €3.2 million,
    # were recovered from a warehouse in Puerto Albarda, Inspector Ramón
    # Egaña of the regional police said."), clustered with the recovery,
    # not with the value: the telling that holds each value reads as the
    # other outlets' sentence, so their contradictions reach it
    report = checker.check([str(MUSEUM)])
    got = {(f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)): f.message
           for f in report.findings if "in the same account" in f.message}
    key = ("QTY001", "error", (("a_en", "an estimated €2.3 million"), ("c_en", "an estimated €3.2 million")))
    assert got[key] == (
        'Amounts differ: The Northern Ledger says "an estimated €2.3 million" but Globe Line News says '
        '"an estimated €3.2 million", as El Noticiero de la Meseta does ("3,2 millones de euros") in '
        'the same account')
    assert ("DAT001", "error", (("b_es", "del sábado 14 de febrero"), ("c_en", "15 February"))) in got


# ---------------------------------------------------------------- by hand

def _finding(code, severity, pair, confidence=0.8):
    ev = tuple(Evidence(article=c.article, claim=c.id, start=c.start, end=c.end, text=c.text,
                        value=v.text, value_start=v.start, value_end=v.end) for c, v in pair)
    return Finding(code=code, kind="quantity" if code.startswith("QTY") else "attribution",
                   severity=severity, confidence=confidence, message=f"{code} head: x", evidence=ev,
                   cluster="c1")


def _same_event(*pairs, cosine=0.9):
    return SimpleNamespace(pairs={frozenset((x.id, y.id)): cosine for x, y in pairs})


Y = article("y", "The four paintings are worth an estimated €2.3 million.", outlet="Y Daily")
Z = article("z", "Los cuatro cuadros están valorados en 3,2 millones de euros.", lang="es",
            outlet="Z Diario")
X = article("x", "Three of the works, taken on 15 February and worth an estimated €3.2 million, "
                 "were found in a warehouse.", outlet="X Wire")


def _story(x_text=None, x_value="€3.2 million", x_amount=3.2e6, x_qualifier="exact", y_extra=()):
    x_art = X if x_text is None else article("x", x_text, outlet="X Wire")
    qy = qty(Y, "€2.3 million", "money", 2.3e6, "EUR")
    qz = qty(Z, "3,2 millones de euros", "money", 3.2e6, "EUR")
    low, high = (x_amount, float("inf")) if x_qualifier == "over" else (x_amount, x_amount)
    qx = qty(x_art, x_value, "money", x_amount, "EUR", low=low, high=high, qualifier=x_qualifier,
             high_open=x_qualifier == "over")
    cy = claim(Y, Y.text, 1, quantities=(qy,) + tuple(y_extra))
    cz = claim(Z, Z.text, 1, quantities=(qz,))
    cx = claim(x_art, x_art.text, 1, quantities=(qx,))
    return (Y, Z, x_art), (cy, cz, cx), (qy, qz, qx)


def test_carried_to_the_outlet_that_states_the_other_sides_value():
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    got = carried([f], arts, [cy, cz, cx], [cluster(cy, cz, cx)], _same_event((cx, cz)), config())
    assert [(g.code, g.severity, g.confidence, [(e.article, e.value, e.claim) for e in g.evidence])
            for g in got] == [("QTY001", "error", 0.72, [("x", "€3.2 million", "x:1"),
                                                         ("y", "€2.3 million", "y:1")])]
    assert got[0].message == ('QTY001 head: Y Daily says "€2.3 million" but X Wire says '
                              '"€3.2 million", as Z Diario does ("3,2 millones de euros") in the same account')
    assert got[0].fingerprint and got[0].fingerprint != f.fingerprint
    assert got[0].cluster == "c1"  # the cluster that holds both claims


def test_a_carried_finding_is_on_the_cluster_of_its_two_claims_or_the_first_ones():
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))  # on cluster "c1"
    same = _same_event((cx, cz))
    both = [cluster(cy, cz, cid="c1"), cluster(cz, cx, cid="c2"), cluster(cy, cx, cid="c3")]
    assert [g.cluster for g in carried([f], arts, [cy, cz, cx], both, same, config())] == ["c3"]
    apart = [cluster(cy, cz, cid="c1"), cluster(cz, cx, cid="c2")]
    assert [g.cluster for g in carried([f], arts, [cy, cz, cx], apart, same, config())] == ["c1"]


def _unit(*parts):
    v = np.zeros(8, dtype=np.float32)
    for i, x in parts:
        v[i] = x
    return v / np.linalg.norm(v)


def _tellings_of(cx, value_near: float):
    """X's sentence told as two tellings: the one that holds its amount
    (cosine ``value_near`` with Z's sentence) and another (far from it)."""
    cut = cx.start + cx.text.index(", were")
    holds, other = event_clause_key([(cx.start, cut)]), event_clause_key([(cut, cx.end)])
    return {holds: _unit((0, value_near), (1, (1 - value_near ** 2) ** 0.5)),
            other: _unit((2, 1.0)), MASKED_ALL: _unit((0, 0.5), (2, 0.86))}


def _far(cx, cz, value_near):
    return SimpleNamespace(pairs={}, variants={cx.id: _tellings_of(cx, value_near),
                                               cz.id: {MASKED_ALL: _unit((0, 1.0))}})


def test_carried_to_a_sentence_of_no_cluster_whose_telling_of_the_value_reads_as_the_others():
    # X's long sentence sits in a cluster of its own (what it tells most),
    # not with Z's: its telling that holds the amount reads as Z's sentence
    (y, _, x), (cy, _, cx), (qy, _, qx) = _story()
    z = article("z", "Los cuatro cuadros están valorados en 3,2 millones de euros. "
                     "Tres de las obras aparecieron en una nave.", lang="es", outlet="Z Diario")
    qz = qty(z, "3,2 millones de euros", "money", 3.2e6, "EUR")
    cz = claim(z, "Los cuatro cuadros están valorados en 3,2 millones de euros.", 1, quantities=(qz,))
    cz2 = claim(z, "Tres de las obras aparecieron en una nave.", 2)
    arts, claims = (y, z, x), [cy, cz, cz2, cx]
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    # X's sentence is clustered with the recovery, which Z's article tells too
    clusters = [cluster(cy, cz, cid="c1"), cluster(cx, cz2, cid="c2")]
    near = config().link_threshold() + 0.01
    got = carried([f], arts, claims, clusters, _far(cx, cz, near), config())
    assert [(g.code, [(e.article, e.value) for e in g.evidence], g.cluster) for g in got] == [
        ("QTY001", [("x", "€3.2 million"), ("y", "€2.3 million")], "c1")]
    # the whole sentence (MASKED_ALL, 0.5) is not what is compared; a telling
    # under the bar is no carry
    below = config().link_threshold() - 0.01
    assert carried([f], arts, claims, clusters, _far(cx, cz, below), config()) == []
    # nor to a sentence none of whose clusters holds anything of Z's article:
    # the two articles are not shown to tell one story there
    alone = [cluster(cy, cz, cid="c1"), cluster(cx, cy, cid="c2")]
    assert carried([f], arts, claims, alone, _far(cx, cz, near), config()) == []


def test_names_are_not_carried_to_a_sentence_of_no_cluster():
    # a name is told in many sentences of a story: only amounts and days,
    # which pin a fact, go beyond Z's clusters
    y = article("y", "The raid was led by Inspector Egana, police said.", outlet="Y Daily")
    z = article("z", "La operacion la dirigio el comisario Urquijo, segun la policia. "
                     "Tres de las obras aparecieron.", lang="es", outlet="Z Diario")
    x = article("x", "Three of the works were recovered, commissioner Urquijo said, were found.",
                outlet="X Wire")
    cy = claim(y, y.text, 1, attributions=(att(y, "police said", "police", "org:police", "said"),))
    cz = claim(z, "La operacion la dirigio el comisario Urquijo, segun la policia.", 1,
               attributions=(att(z, "comisario Urquijo", "Urquijo", "per:urquijo", "segun"),))
    cz2 = claim(z, "Tres de las obras aparecieron.", 2)
    cx = claim(x, x.text, 1, attributions=(att(x, "commissioner Urquijo said", "Urquijo", "per:urquijo",
                                               "said"),))
    f = Finding(code="ATT001", kind="attribution", severity="warning", confidence=0.8, message="m: x",
                evidence=tuple(Evidence(article=c.article, claim=c.id, start=c.start, end=c.end,
                                        text=c.text, value=a.source, value_start=a.source_start,
                                        value_end=a.source_end)
                               for c, a in ((cy, cy.facts.attributions[0]), (cz, cz.facts.attributions[0]))),
                cluster="c1")
    same = SimpleNamespace(pairs={}, variants={cx.id: {MASKED_ALL: _unit((0, 1.0))},
                                               cz.id: {MASKED_ALL: _unit((0, 1.0))}})
    # X's sentence is clustered with the recovery, which Z's article tells too
    assert carried([f], (y, z, x), [cy, cz, cz2, cx], [cluster(cy, cz), cluster(cx, cz2, cid="c2")], same,
                   config()) == []


def test_not_carried_when_the_sentences_read_as_two_tellings():
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    below = config().link_threshold() - 0.01
    assert carried([f], arts, [cy, cz, cx], [cluster(cy, cz, cx)],
                   _same_event((cx, cz), cosine=below), config()) == []


def test_a_bound_that_admits_the_value_is_no_agreement():
    # "more than €3 million" admits €3.2 million but is not that figure
    arts, claims, (qy, qz, qx) = _story(
        x_text="Three works worth more than €3 million were found.", x_value="more than €3 million",
        x_amount=3e6, x_qualifier="over")
    cy, cz, cx = claims
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    assert carried([f], arts, claims, [cluster(*claims)], _same_event((cx, cz)), config()) == []


def test_not_carried_from_info_nor_onto_a_pair_already_judged():
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    info = _finding("QTY002", "info", ((cy, qy), (cz, qz)))
    same = _same_event((cx, cz))
    assert carried([info], arts, [cy, cz, cx], [cluster(cy, cz, cx)], same, config()) == []
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    judged = _finding("QTY001", "error", ((cy, qy), (cx, qx)))
    assert carried([f, judged], arts, [cy, cz, cx], [cluster(cy, cz, cx)], same, config()) == []


def test_not_carried_when_a_side_states_both_values():
    # Y's own sentence gives Z's figure too: it is no clear side
    y2 = article("y", "Worth €2.3 million, or €3.2 million with the frames.", outlet="Y Daily")
    qy = qty(y2, "€2.3 million", "money", 2.3e6, "EUR")
    also = qty(y2, "€3.2 million", "money", 3.2e6, "EUR")
    arts, (_, cz, cx), (_, qz, qx) = _story()
    cy = claim(y2, y2.text, 1, quantities=(qy, also))
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    assert carried([f], (y2, Z, X), [cy, cz, cx], [cluster(cy, cz, cx)], _same_event((cx, cz)),
                   config()) == []


def test_a_value_told_in_many_facts_is_not_carried():
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    others = []
    for n in range(MAX_FACTS):
        a = article(f"o{n}", f"Item {n} sold for €3.2 million.", outlet=f"O{n}")
        others.append(claim(a, a.text, 1, quantities=(qty(a, "€3.2 million", "money", 3.2e6, "EUR"),)))
    claims = [cy, cz, cx] + others
    assert carried([f], arts, claims, [cluster(cy, cz, cx)], _same_event((cx, cz)), config()) == []
    assert len(carried([f], arts, claims[:-1], [cluster(cy, cz, cx)], _same_event((cx, cz)),
                       config())) == 1


def test_not_carried_to_an_outlet_that_also_tells_the_first_sides_value():
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    x2 = article("x", X.text + " The four paintings are worth €2.3 million.", outlet="X Wire")
    cx = claim(x2, X.text, 1, quantities=(qty(x2, "€3.2 million", "money", 3.2e6, "EUR"),))
    cx2 = claim(x2, "The four paintings are worth €2.3 million.", 2,
                quantities=(qty(x2, "€2.3 million", "money", 2.3e6, "EUR"),))
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    same = _same_event((cx, cz), (cx2, cy))
    assert carried([f], (Y, Z, x2), [cy, cz, cx, cx2], [cluster(cy, cz, cx, cx2)], same, config()) == []


def test_a_source_is_carried_by_its_key():
    y = article("y", "The positive test was first reported by Onda Ciclista.", lang="en", outlet="Y")
    z = article("z", "El positivo lo adelantó Gazzetta Velo.", lang="es", outlet="Z")
    x = article("x", "Gazzetta Velo first reported the positive test on Monday.", outlet="X")
    ay = att(y, "reported by Onda Ciclista", "Onda Ciclista", "onda ciclista", "reported by")
    az = att(z, "lo adelantó Gazzetta Velo", "Gazzetta Velo", "gazzetta velo", "adelantó")
    ax = att(x, "Gazzetta Velo first reported", "Gazzetta Velo", "gazzetta velo", "reported")
    dx = date(x, "Monday", dt.date(2026, 3, 23), dt.date(2026, 3, 23))
    cy, cz = claim(y, y.text, 1, attributions=(ay,)), claim(z, z.text, 1, attributions=(az,))
    cx = claim(x, x.text, 1, attributions=(ax,), dates=(dx,))
    ev = tuple(Evidence(article=c.article, claim=c.id, start=c.start, end=c.end, text=c.text,
                        value=a.source, value_start=a.source_start, value_end=a.source_end)
               for c, a in ((cy, ay), (cz, az)))
    f = Finding(code="ATT001", kind="attribution", severity="warning", confidence=0.7,
                message="Sources differ: y credits it to one, z to another", evidence=ev)
    got = carried([f], (y, z, x), [cy, cz, cx], [cluster(cy, cz, cx)], _same_event((cx, cz)), config())
    assert [(g.code, [(e.article, e.value) for e in g.evidence]) for g in got] == [
        ("ATT001", [("x", "Gazzetta Velo"), ("y", "Onda Ciclista")])]


def test_a_source_is_carried_by_its_name_whatever_type_an_article_gave_it():
    # one article calls it "the sports daily Gazzetta Velo" (an outlet),
    # another just "Gazzetta Velo", which the extractor types as a person
    y = article("y", "El positivo lo adelantó el martes la cadena Onda Ciclista.", lang="es", outlet="Y")
    z = article("z", "The positive test was first revealed by the sports daily Gazzetta Velo.", outlet="Z")
    x = article("x", "The case was first revealed by Gazzetta Velo.", outlet="X")
    ay = att(y, "la cadena Onda Ciclista", "Onda Ciclista", "outlet:onda-ciclista", "adelantó")
    az = att(z, "revealed by the sports daily Gazzetta Velo", "Gazzetta Velo", "outlet:gazzetta-velo",
             "revealed by")
    ax = att(x, "revealed by Gazzetta Velo", "Gazzetta Velo", "per:gazzetta-velo", "revealed by")
    cy, cz = claim(y, y.text, 1, attributions=(ay,)), claim(z, z.text, 1, attributions=(az,))
    cx = claim(x, x.text, 1, attributions=(ax,))
    ev = tuple(Evidence(article=c.article, claim=c.id, start=c.start, end=c.end, text=c.text,
                        value=a.source, value_start=a.source_start, value_end=a.source_end)
               for c, a in ((cy, ay), (cz, az)))
    f = Finding(code="ATT001", kind="attribution", severity="warning", confidence=0.7,
                message="Sources differ: y credits it to one, z to another", evidence=ev)
    got = carried([f], (y, z, x), [cy, cz, cx], [cluster(cy, cz, cx)], _same_event((cx, cz)), config())
    assert [(g.code, [(e.article, e.value) for e in g.evidence]) for g in got] == [
        ("ATT001", [("x", "Gazzetta Velo"), ("y", "Onda Ciclista")])]
    # a name of its own is another source, typed alike or not
    ox = att(x, "revealed by Gazzetta Velo", "Gazzetta Velo", "per:onda-ciclista", "revealed by")
    cx = claim(x, x.text, 1, attributions=(ox,))
    assert carried([f], (y, z, x), [cy, cz, cx], [cluster(cy, cz, cx)], _same_event((cx, cz)),
                   config()) == []


def test_a_pair_judged_on_other_values_still_gets_the_carried_one():
    # the rule set X's "15 February" against Y's figure: the carried amount
    # is another judgement; the same amount written wider is the same one
    arts, (cy, cz, cx), (qy, qz, qx) = _story()
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    same = _same_event((cx, cz))
    other = SimpleNamespace(text="15 February", start=X.text.index("15 February"),
                            end=X.text.index("15 February") + len("15 February"))
    judged_other = _finding("QTY001", "error", ((cy, qy), (cx, other)))
    got = carried([f, judged_other], arts, [cy, cz, cx], [cluster(cy, cz, cx)], same, config())
    assert [[(e.article, e.value) for e in g.evidence] for g in got] == [
        [("x", "€3.2 million"), ("y", "€2.3 million")]]
    wider = SimpleNamespace(text="an estimated €3.2 million", start=X.text.index("an estimated"),
                            end=qx.end)
    judged_wider = _finding("QTY001", "error", ((cy, qy), (cx, wider)))
    assert carried([f, judged_wider], arts, [cy, cz, cx], [cluster(cy, cz, cx)], same, config()) == []


def test_carry_is_switched_off_in_setup_cfg(tmp_path, monkeypatch):
    from consistency.config import load_config

    monkeypatch.chdir(tmp_path)
    assert load_config().carry is True
    (tmp_path / "setup.cfg").write_text("[consistency]\ncarry = no\n", encoding="utf-8")
    assert load_config().carry is False


def test_not_carried_when_the_two_outlets_are_already_set_apart_on_those_values():
    # X's headline gives the same figure and a rule set it against Y's: the
    # body sentence would report the same contradiction twice
    x2 = article("x", "Paintings worth €3.2 million recovered. " + X.text, outlet="X Wire")
    head = claim(x2, "Paintings worth €3.2 million recovered.", 1,
                 quantities=(qty(x2, "€3.2 million", "money", 3.2e6, "EUR"),))
    body = claim(x2, X.text, 2, quantities=(qty(x2, "€3.2 million", "money", 3.2e6, "EUR",
                                                after=x2.text.index("Three")),))
    arts, (cy, cz, _), (qy, qz, _) = _story()
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    on_head = _finding("QTY001", "error", ((cy, qy), (head, head.facts.quantities[0])))
    same = _same_event((body, cz))
    claims = [cy, cz, head, body]
    assert carried([f, on_head], (Y, Z, x2), claims, [cluster(cy, cz, body)], same, config()) == []
    assert [[(e.article, e.claim) for e in g.evidence]
            for g in carried([f], (Y, Z, x2), claims, [cluster(cy, cz, body)], same, config())] == [
        [("x", "x:2"), ("y", "y:1")]]


def test_a_date_is_carried_only_from_an_error():
    # a warning on dates is a coarse date or a weak pairing: not carried
    y = article("y", "The terminal will open in March 2029.", outlet="Y")
    z = article("z", "La terminal abrirá en marzo de 2028.", lang="es", outlet="Z")
    x = article("x", "The new terminal, due in March 2028, will create 600 jobs.", outlet="X")
    dy = date(y, "March 2029", dt.date(2029, 3, 1), dt.date(2029, 3, 31), "month")
    dz = date(z, "marzo de 2028", dt.date(2028, 3, 1), dt.date(2028, 3, 31), "month")
    dx = date(x, "March 2028", dt.date(2028, 3, 1), dt.date(2028, 3, 31), "month")
    cy, cz, cx = (claim(y, y.text, 1, dates=(dy,)), claim(z, z.text, 1, dates=(dz,)),
                  claim(x, x.text, 1, dates=(dx,)))
    same = _same_event((cx, cz))
    for severity, n in (("warning", 0), ("error", 1)):
        f = _finding("DAT001", severity, ((cy, dy), (cz, dz)))
        got = carried([f], (y, z, x), [cy, cz, cx], [cluster(cy, cz, cx)], same, config())
        assert [[(e.article, e.value) for e in g.evidence] for g in got] == \
            [[("x", "March 2028"), ("y", "March 2029")]] * n


def test_amounts_are_weighed_with_the_configured_bound_ratio():
    # Y "more than €2 million" / Z "more than €3.2 million": two lower bounds
    # 1.6 apart, beyond the default bound_ratio (1.5); X gives Z's bound
    y = article("y", "The paintings are worth more than €2 million.", outlet="Y Daily")
    z = article("z", "Los cuadros valen más de 3,2 millones de euros.", lang="es", outlet="Z Diario")
    x = article("x", "The works, worth more than €3.2 million, were found in a warehouse.", outlet="X Wire")
    inf = float("inf")
    qy = qty(y, "more than €2 million", "money", 2e6, "EUR", high=inf, qualifier="over", high_open=True)
    qz = qty(z, "más de 3,2 millones de euros", "money", 3.2e6, "EUR", high=inf, qualifier="over",
             high_open=True)
    qx = qty(x, "more than €3.2 million", "money", 3.2e6, "EUR", high=inf, qualifier="over", high_open=True)
    cy, cz, cx = (claim(a, a.text, 1, quantities=(q,)) for a, q in ((y, qy), (z, qz), (x, qx)))
    f = _finding("QTY001", "error", ((cy, qy), (cz, qz)))
    args = ([f], (y, z, x), [cy, cz, cx], [cluster(cy, cz, cx)], _same_event((cx, cz)))
    assert [(g.code, [e.value for e in g.evidence]) for g in carried(*args, config())] == [
        ("QTY001", ["more than €3.2 million", "more than €2 million"])]
    # a bound ratio of 2 (``[consistency:rules:QTY001] bound_ratio``) makes
    # the two bounds compatible, for the carried finding as for the rule
    assert carried(*args, config(rules={"QTY001": {"bound_ratio": "2"}})) == []
