"""Clustering logic on hand-made unit vectors (no model)."""
from __future__ import annotations

import numpy as np

from consistency.cluster import cluster_claims, fact_signature, facts_bonus
from consistency.config import Config
from consistency.records import Claim, Entity, Facts, Quantity


def claim(cid: str, start: int = 0, facts: Facts = Facts()) -> Claim:
    art = cid.split(":")[0]
    return Claim(id=cid, article=art, text=cid, start=start, end=start + 1, lang="en", line=1, end_line=1, facts=facts)


def unit(*xs):
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


CFG = Config(threshold=0.9)


def test_cross_article_pair_clusters_and_singletons_drop():
    claims = [claim("a:1"), claim("b:1", 0), claim("b:2", 5)]
    vecs = np.stack([unit(1, 0.1, 0), unit(1, 0, 0), unit(0, 0, 1)])
    (c,) = cluster_claims(claims, vecs, CFG)
    assert (c.id, c.claims, c.articles) == ("c1", ("a:1", "b:1"), ("a", "b"))
    cos = float(vecs[0] @ vecs[1])
    assert c.links == (("a:1", "b:1", cos),)
    assert dict(c.similarity) == {"min": cos, "mean": cos, "max": cos}


def test_same_article_claims_never_link_to_each_other():
    claims = [claim("a:1", 0), claim("a:2", 5)]
    vecs = np.stack([unit(1, 0), unit(1, 0)])
    assert cluster_claims(claims, vecs, CFG) == ()


def test_below_threshold_no_cluster():
    claims = [claim("a:1"), claim("b:1")]
    vecs = np.stack([unit(1, 0), unit(1, 1)])  # cosine 0.707
    assert cluster_claims(claims, vecs, CFG) == ()


def test_three_articles_one_fact():
    claims = [claim("a:1"), claim("b:1"), claim("c:1")]
    vecs = np.stack([unit(1, 0.05, 0), unit(1, 0, 0.05), unit(1, 0, 0)])
    (c,) = cluster_claims(claims, vecs, CFG)
    assert c.claims == ("a:1", "b:1", "c:1")
    assert [(x, y) for x, y, _ in c.links] == [("a:1", "b:1"), ("a:1", "c:1"), ("b:1", "c:1")]


def test_mutual_best_match_only():
    # b:1 is the best match of both a:1 and a:2; a:2 is closer, so a:1 stays out
    claims = [claim("a:1", 0), claim("a:2", 5), claim("b:1")]
    vecs = np.stack([unit(1, 0.3, 0), unit(1, 0.05, 0), unit(1, 0, 0)])
    (c,) = cluster_claims(claims, vecs, CFG)
    assert c.claims == ("a:2", "b:1")


def test_numbering_and_order_independent_of_input_order():
    claims = [claim("b:1", 0), claim("a:2", 5), claim("a:1", 0), claim("b:2", 5)]
    vecs = np.stack([unit(0, 1, 0), unit(1, 0, 0), unit(0, 1, 0.01), unit(1, 0.01, 0)])
    first = cluster_claims(claims, vecs, CFG)
    assert [(c.id, c.claims) for c in first] == [("c1", ("a:1", "b:1")), ("c2", ("a:2", "b:2"))]
    rev = list(range(4))[::-1]
    assert cluster_claims([claims[i] for i in rev], vecs[rev], CFG) == first


def test_facts_bonus_lifts_a_pair_over_the_threshold():
    q = lambda v, u: Quantity(kind="money", value=v, low=v, high=v, unit=u, qualifier="exact", text="", start=0, end=1)
    fa = Facts(quantities=(q(495000, "RUB"),), entities=(Entity("Kazakhstan", "LOC", "kazakhstan", 0, 1),))
    fb = Facts(quantities=(q(495_000.0, "RUB"),), entities=(Entity("Kazajstán", "LOC", "kazakhstan", 0, 1),))
    assert fact_signature(claim("a:1", facts=fa)) == {("q", "RUB", 500000.0), ("e", "kazakhstan")}
    assert facts_bonus(fact_signature(claim("a:1", facts=fa)), fact_signature(claim("b:1", facts=fb))) == 0.03
    claims = [claim("a:1", facts=fa), claim("b:1", facts=fb)]
    vecs = np.stack([unit(1, 0.53), unit(1, 0)])  # cosine 0.8836: below 0.9, within the 0.03 bonus
    assert cluster_claims(claims, vecs, CFG, use_facts=False) == ()
    (c,) = cluster_claims(claims, vecs, CFG, use_facts=True)
    assert c.links[0][2] == float(vecs[0] @ vecs[1]) + 0.03
