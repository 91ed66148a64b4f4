"""Group claims from different articles that state the same fact.

Scheme: average-link agglomeration over a sparse cross-article graph.

1. Claims are sorted by a stable key (article id, start, end, claim id), so the
   result does not depend on the order in which files were given.
2. Candidate edges: for each claim, scikit-learn's ``NearestNeighbors``
   radius query (on unit vectors, cosine >= t  <=>  distance <= sqrt(2 - 2t))
   run in chunks of rows; only pairs from *different* articles are kept, at
   most ``config.neighbours`` per claim.  Memory grows with the number of
   edges, never as a dense n x n matrix.  An edge is kept only when each end
   is (within ``BEST_MARGIN``) the other's best match in its article: one
   fact is usually stated once per article, so this "mutual best match" rule
   stops a claim from collecting every loosely related sentence of another
   article.  (A one-sided best match was measured too: on the seeds it grew
   clusters of 46+ claims and cut precision from 0.91 to 0.74 at 0.86.)
3. Optional facts bonus: a pair that shares a number (same unit and value,
   in-text conversions included) or a named entity key gets a small bonus added
   to its cosine (``FACTS_BONUS`` per shared fact, at most ``FACTS_BONUS_CAP``).
4. Edges are taken strongest first.  Two groups are merged only when the
   *average* similarity over all their cross-article claim pairs stays at or
   above ``t - MERGE_MARGIN``.  Single strong links therefore cannot chain two
   unrelated stories together, as plain connected components would.
5. Story gate: with three or more articles, articles are first grouped into
   stories (see ``_stories``: at least ``STORY_LINKS`` strong mutual-best
   claim pairs connect two articles); claims link only within a story.  This
   keeps a different story that shares vocabulary ("videos of volunteers",
   "a channel with N followers") out of the clusters of the main one, which
   the narrow cosine band of e5 alone cannot do.
6. A group survives only if it spans at least two articles.  Every claim in a
   group joined it through a link to a claim of another article, so two claims
   of the same article share a group only when both relate to other articles.

All claims take part, headlines included (a headline is a claim) and whether
or not they are marked checkworthy: the rules decide what is worth judging.

Clusters are numbered c1, c2... in the order of their first claim's stable key.
``Cluster.links`` lists the graph edges inside the cluster (cosine plus bonus,
rounded in JSON); ``Cluster.similarity`` is min/mean/max over those links.
"""
from __future__ import annotations

import math
from typing import Any, Optional, Sequence

import numpy as np

from .records import Claim, Cluster

#: how far below the link threshold a merged group's average similarity may fall
MERGE_MARGIN = 0.04
#: an edge must be within this of each end's best match in the other article
BEST_MARGIN = 0.01
#: articles are one story when this many mutual-best claim pairs reach STORY_THRESHOLD
STORY_LINKS = 2
STORY_THRESHOLD = 0.89
#: bonus per fact shared by two claims, and its cap (see ``facts_bonus``)
FACTS_BONUS = 0.015
FACTS_BONUS_CAP = 0.03
#: rows queried at once against the neighbour index
CHUNK = 1024


def claim_key(claim: Claim) -> tuple:
    """Stable sort key of a claim, independent of input order."""
    return (claim.article, claim.start, claim.end, claim.id)


def fact_signature(claim: Claim) -> frozenset:
    """Comparable facts of a claim: numbers with units and entity keys."""
    sig = set()
    for q in claim.facts.quantities:
        for value, unit in [(q.value, q.unit)] + [(e.value, e.unit) for e in q.equivalents]:
            if value is not None and math.isfinite(value) and value != 0:
                sig.add(("q", unit, _round_sig(value)))
    for e in claim.facts.entities:
        if e.key:
            sig.add(("e", e.key))
    return frozenset(sig)


def _round_sig(value: float, digits: int = 2) -> float:
    """Round to ``digits`` significant figures, so 5,300 and 5,000 differ but
    495.000 and 495,000 match."""
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def facts_bonus(a: frozenset, b: frozenset) -> float:
    """Similarity bonus for facts shared by two claims."""
    shared = len(a & b)
    return min(FACTS_BONUS_CAP, FACTS_BONUS * shared)


def _candidate_edges(vectors: np.ndarray, articles: np.ndarray, radius_cos: float,
                     limit: int) -> dict[tuple[int, int], float]:
    """Cross-article pairs (i < j) with cosine >= radius_cos, at most ``limit``
    per claim (its strongest ones)."""
    from sklearn.neighbors import NearestNeighbors

    n = len(vectors)
    radius = math.sqrt(max(0.0, 2.0 - 2.0 * radius_cos)) + 1e-6
    index = NearestNeighbors(radius=radius, metric="euclidean", algorithm="brute").fit(vectors)
    edges: dict[tuple[int, int], float] = {}
    for lo in range(0, n, CHUNK):
        rows = vectors[lo:lo + CHUNK]
        dist, idx = index.radius_neighbors(rows, sort_results=True)
        for r, (d_row, i_row) in enumerate(zip(dist, idx)):
            i = lo + r
            kept = 0
            for d, j in zip(d_row, i_row):
                if j == i or articles[j] == articles[i]:
                    continue
                cos = float(vectors[i] @ vectors[j])
                key = (i, int(j)) if i < j else (int(j), i)
                edges[key] = cos
                kept += 1
                if kept >= limit:
                    break
    return edges


def _mutual_best(edges: dict[tuple[int, int], float], arts: np.ndarray) -> dict[tuple[int, int], float]:
    """Keep an edge (i, j) only if j is among i's best matches in j's article
    and i among j's best in i's article (within ``BEST_MARGIN``)."""
    best: dict[tuple[int, str], float] = {}
    for (i, j), s in edges.items():
        for a, b in ((i, j), (j, i)):
            key = (a, arts[b])
            if s > best.get(key, -2.0):
                best[key] = s
    return {(i, j): s for (i, j), s in edges.items()
            if s >= best[(i, arts[j])] - BEST_MARGIN and s >= best[(j, arts[i])] - BEST_MARGIN}


def _stories(vec: np.ndarray, arts: np.ndarray) -> dict[str, int]:
    """Group articles into stories: two articles tell the same story when at
    least ``STORY_LINKS`` of their claims are mutual best matches with cosine
    >= ``STORY_THRESHOLD`` (fewer when an article has fewer claims); stories
    are the connected components.  With fewer
    than three articles everything is one story."""
    names = sorted(set(arts.tolist()))
    parent = {a: a for a in names}

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a

    if len(names) < 3:
        return {a: 0 for a in names}
    rows = {a: np.where(arts == a)[0] for a in names}
    for x, a in enumerate(names):
        for b in names[x + 1:]:
            sims = vec[rows[a]] @ vec[rows[b]].T
            best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
            strong = sum(1 for r, c in enumerate(best_b)
                         if best_a[c] == r and sims[r, c] >= STORY_THRESHOLD)
            if strong >= min(STORY_LINKS, len(rows[a]), len(rows[b])):
                parent[find(b)] = find(a)
    roots = sorted({find(a) for a in names})
    return {a: roots.index(find(a)) for a in names}


class _Groups:
    """Union-find over claim indices that keeps each group's member list."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def _average_link(va: np.ndarray, vb: np.ndarray, arts_a: np.ndarray, arts_b: np.ndarray,
                  bonus: Optional[np.ndarray]) -> float:
    """Mean similarity over the cross-article pairs of two groups."""
    sims = va @ vb.T
    if bonus is not None:
        sims = sims + bonus
    cross = arts_a[:, None] != arts_b[None, :]
    return float(sims[cross].mean()) if cross.any() else -1.0


def cluster_claims(claims: Sequence[Claim], vectors: np.ndarray, config: Any,
                   use_facts: bool = True, threshold: Optional[float] = None) -> tuple[Cluster, ...]:
    """Clusters of claims from at least two articles about the same fact.

    ``vectors[i]`` is the unit embedding of ``claims[i]``.  ``threshold``
    defaults to ``config.link_threshold()``.
    """
    if len(claims) != len(vectors):
        raise ValueError(f"{len(claims)} claims but {len(vectors)} vectors")
    if len(claims) < 2:
        return ()
    t = config.link_threshold() if threshold is None else threshold
    order = sorted(range(len(claims)), key=lambda i: claim_key(claims[i]))
    cl = [claims[i] for i in order]
    vec = np.asarray(vectors, dtype=np.float32)[order]
    arts = np.array([c.article for c in cl])
    if len(set(arts.tolist())) < 2:
        return ()
    sigs = [fact_signature(c) for c in cl] if use_facts else None
    slack = FACTS_BONUS_CAP if use_facts else 0.0
    limit = max(1, int(getattr(config, "neighbours", 10) or 10))
    raw = _candidate_edges(vec, arts, t - slack, limit)

    def bonus(i: int, j: int) -> float:
        return facts_bonus(sigs[i], sigs[j]) if sigs is not None else 0.0

    scored = {(i, j): s + bonus(i, j) for (i, j), s in raw.items()}
    links = _mutual_best({k: s for k, s in scored.items() if s >= t}, arts)
    story = _stories(vec, arts)
    links = {(i, j): s for (i, j), s in links.items() if story[arts[i]] == story[arts[j]]}
    groups = _Groups(len(cl))
    for (i, j), s in sorted(links.items(), key=lambda kv: (-round(kv[1], 6), kv[0])):
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj:
            continue
        a, b = groups.members[ri], groups.members[rj]
        extra = None
        if sigs is not None:
            extra = np.array([[bonus(x, y) for y in b] for x in a], dtype=np.float32)
        if _average_link(vec[a], vec[b], arts[a], arts[b], extra) >= t - MERGE_MARGIN:
            groups.union(i, j)

    found = []
    for root, members in groups.members.items():
        if len(members) < 2 or len(set(arts[members].tolist())) < 2:
            continue
        members = sorted(members)
        inside = set(members)
        pairs = sorted((k, s) for k, s in links.items() if k[0] in inside and k[1] in inside)
        found.append((members, pairs))
    found.sort(key=lambda item: item[0][0])

    out = []
    for n, (members, pairs) in enumerate(found, 1):
        sims = [s for _, s in pairs]
        out.append(Cluster(
            id=f"c{n}",
            claims=tuple(cl[m].id for m in members),
            articles=tuple(sorted(set(cl[m].article for m in members))),
            similarity=(("min", min(sims)), ("mean", sum(sims) / len(sims)), ("max", max(sims))),
            links=tuple((cl[i].id, cl[j].id, s) for (i, j), s in pairs),
        ))
    return tuple(out)
