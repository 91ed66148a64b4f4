"""Clustering the seed articles with the real model (loaded once per run)."""
from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from consistency.claims import split_claims
from consistency.cluster import cluster_claims
from consistency.config import Config
from consistency.corpus import load_corpus
from consistency.embed import Embedder
from consistency.facts import extract_facts

from _model_fixtures import get_model

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="session")
def seed_clusters(tmp_path_factory):
    model, spec = get_model()
    config = Config(quiet=True, cache_dir=str(tmp_path_factory.mktemp("vectors")))
    claims = []
    for article in load_corpus([str(SEEDS)], config).articles:
        for claim in split_claims(article, config):
            claims.append(dataclasses.replace(claim, facts=extract_facts(claim, article, config)))
    embedder = Embedder(spec, config, model=model)
    vectors = embedder.embed([c.text for c in claims])
    return claims, vectors, config, cluster_claims(claims, vectors, config, embed=embedder.embed), embedder


def claim_id(claims, article: str, prefix: str) -> str:
    hits = [c.id for c in claims if c.article.startswith(article) and c.text.startswith(prefix)]
    assert len(hits) == 1, (article, prefix, hits)
    return hits[0]


def cluster_of(clusters, cid):
    found = [c.id for c in clusters if cid in c.claims]
    return found[0] if found else None


@pytest.mark.parametrize("group", [
    [("002", "In May, the Ryazan Vedomosti"), ("004", "According to a report from the Russian newspaper Ryazan Gazette")],
    [("000", "Kazajstán prohíbe a sus ciudadanos"), ("001", "The statement emphasized that mercenary activities")],
    [("000", "Prometen un bono por firmar de 495.000"), ("002", "Online adverts had been spotted in Armenia")],
    # both 001's and 002's sentences are compound: they meet 004 through a clause
    [("001", "The claims have not been independently verified"), ("002", "The Russian government has yet to comment"),
     ("004", "As of now, there has been no official response from Russia.")],
])
def test_same_fact_lands_in_one_cluster(seed_clusters, group):
    claims, _, _, clusters, _ = seed_clusters
    ids = [claim_id(claims, a, p) for a, p in group]
    found = {cluster_of(clusters, i) for i in ids}
    assert len(found) == 1 and None not in found, dict(zip(ids, [cluster_of(clusters, i) for i in ids]))


def test_cuba_ally_is_not_with_telegram_followers(seed_clusters):
    claims, _, _, clusters, _ = seed_clusters
    a = claim_id(claims, "001", "Cuba has been a close ally of Russia since the Cuban Revolution in 1959.")
    b = claim_id(claims, "003", "Hasta la fecha el canal de Telegram")
    assert cluster_of(clusters, b) is None or cluster_of(clusters, a) != cluster_of(clusters, b)


def test_belgorod_story_never_mixes_with_the_cuba_story(seed_clusters):
    _, _, _, clusters, _ = seed_clusters
    for c in clusters:
        prefixes = {a[:3] for a in c.articles}
        assert not ("003" in prefixes and prefixes & {"001", "002", "004"}), c


def test_every_cluster_spans_two_articles_and_is_numbered_in_order(seed_clusters):
    claims, _, _, clusters, _ = seed_clusters
    assert [c.id for c in clusters] == [f"c{n}" for n in range(1, len(clusters) + 1)]
    for c in clusters:
        assert len(c.articles) >= 2
        assert {cid.split(":")[0] for cid in c.claims} == set(c.articles)
        sim = dict(c.similarity)
        assert sim["min"] <= sim["mean"] <= sim["max"]
        t = Config().link_threshold()
        if sim["min"] < t:  # rule 11: each other's best match across languages, a little under
            from consistency.cluster import BELOW_MARGIN

            lang = {x.id: x.lang for x in claims}
            assert len(c.claims) == 2 and lang[c.claims[0]] != lang[c.claims[1]]
            assert sim["min"] >= t - BELOW_MARGIN


def test_input_order_does_not_change_clusters(seed_clusters):
    claims, vectors, config, clusters, embedder = seed_clusters
    order = list(range(len(claims)))[::-1]
    again = cluster_claims([claims[i] for i in order], vectors[order], config, embed=embedder.embed)
    assert again == clusters


def test_clusters_stay_one_fact_sized(seed_clusters):
    """At most two claims of one article per cluster, and no topic-sized cluster
    (before clause matching and the merge limits the largest had 16 claims)."""
    claims, _, _, clusters, _ = seed_clusters
    for c in clusters:
        per_article = Counter(cid.split(":")[0] for cid in c.claims)
        assert max(per_article.values()) <= 2, c
    assert max(len(c.claims) for c in clusters) <= 8


def test_second_claim_of_an_article_is_a_near_repeat(seed_clusters):
    """004 states "Cuba is a strong ally ... not part of the conflict" twice
    (lead and body); both copies sit with the other outlets' version.  (The
    lead is also paired with 000's "Esta no es la primera vez ...", its
    single best match in Spanish at 0.870: rule 10 of the clustering.)"""
    claims, _, _, clusters, _ = seed_clusters
    copies = [c.id for c in claims if c.article.startswith("004") and c.text.startswith("Cuba is a strong ally of Russia")]
    other = claim_id(claims, "002", "“Cuba is not part of the war in Ukraine,”")
    assert len(copies) == 2
    assert [c.id for c in clusters if {*copies, other} <= set(c.claims)] == [cluster_of(clusters, other)] != [None]


@pytest.mark.xfail(strict=True, reason="known gap: 004's 'Cubans had even left Cuba and were residing in Russia' "
                   "is close to both facts (0.93+), so the two groups merge through it")
def test_network_aim_and_newspaper_report_are_different_clusters(seed_clusters):
    """Two neighbouring facts about Cubans in Russia: the network's aim (001,
    002) and the Russian newspaper's report (002, 004) are not one fact."""
    claims, _, _, clusters, _ = seed_clusters
    aim = claim_id(claims, "001", "The statement revealed that the network aimed")
    report = claim_id(claims, "002", "In May, the Ryazan Vedomosti")
    assert cluster_of(clusters, aim) is not None
    assert cluster_of(clusters, aim) != cluster_of(clusters, report)
