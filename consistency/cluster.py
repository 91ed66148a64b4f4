"""Group claims from different articles that state the same fact.

A cluster is meant to be ONE fact told by several outlets: the rules compare
every cross-article pair inside it and the HTML matrix shows one row per
cluster.  Scheme: constrained agglomeration over a sparse cross-article graph.

1. Claims are sorted by a stable key (article id, start, end, claim id), so the
   result does not depend on the order in which files were given.
2. Units: every claim is one unit (its whole text).  When an ``embed``
   function is given, a compound sentence also contributes one unit per
   clause (see :func:`clause_texts`; separators are per-language data in
   ``consistency/lang/<lang>/clauses.toml``).  Two claims score the best
   cosine over their unit pairs, so "The claims have not been verified, and
   the Russian authorities have not yet commented" meets "There has been no
   official response from Russia" through its second clause.
3. Candidate edges: the units' cosines, ``CHUNK`` rows at a time against all
   units (a CHUNK x n block, never n x n); per unit only the best
   cross-article neighbours reaching the radius are kept (at most
   ``config.neighbours`` partner claims, closest first, ties to the lower
   index), all in numpy.  Memory grows with n and the number of edges.
4. Optional facts bonus: a pair that shares a number (same unit and value,
   in-text conversions included) or a named entity key gets a small bonus
   (``FACTS_BONUS`` per shared fact, at most ``FACTS_BONUS_CAP``).
5. Mutual best: an edge is kept only when each end is (within
   ``BEST_MARGIN``) among its ``TOP_K`` best matches in the other article.
   One fact is usually stated once per article, so this stops a claim from
   collecting every loosely related sentence of another article.
6. Story gate: with three or more articles, articles are first grouped into
   stories (see ``_stories``); claims link only within a story.  This keeps a
   different story that shares vocabulary out of the main one's clusters.
   Only claim pairs above ``STORY_THRESHOLD`` are computed (chunked as in 3).
7. Edges are taken strongest first.  Two groups merge only when
   (a) no article would then have more than ``ARTICLE_CAP`` claims in the
   group nor the group more than ``MAX_ARTICLES`` articles, (b) the average similarity over their cross-article claim pairs is at
   least ``t - MERGE_MARGIN`` and (c) the weakest of those pairs is at least
   ``t - MIN_MARGIN``.  (b) stops single strong links from chaining two
   topics together; (a) and (c) keep a group to one fact instead of letting
   it grow into a topic ("recruitment of foreigners") whose members are all
   roughly similar.  The check needs only the two groups' similarity block,
   which stays small; (a) is checked first, from per-group article counts.
   ``MAX_ARTICLES`` matters in large corpora where one sentence recurs in
   many articles (wire copy, stories built from the same sentences): links
   are taken strongest first, so a cluster fills with the closest versions
   and stays a size the rules can compare pair by pair.
8. A group survives only if it spans at least two articles.
9. Two claims that are each other's single best match across their articles
   but were kept in different groups by the merge tests of 7 (one of them
   was grouped with a near-copy of itself) form a cluster of their own, so
   the rules still compare them (see ``_pairs_left_apart``).  A claim can
   then be in more than one cluster.
10. Across languages, each other's single best match at least
    ``TRANSLATION_MARGIN`` over the threshold, whatever group either
    joined (``_translations_left_apart``).
11. Across languages, each other's single best match up to
    ``BELOW_MARGIN`` under the threshold, neither linked to anything of
    the other's article (``_close_left_apart``).

All claims take part, headlines included (a headline is a claim) and whether
or not they are marked checkworthy: the rules decide what is worth judging.

Clusters are numbered c1, c2... in the order of their first claim's stable key.
``Cluster.links`` lists the graph edges inside the cluster (best unit cosine
plus bonus, rounded in JSON); ``Cluster.similarity`` is min/mean/max over them.
Figures measured on the seeds are in ``benchmarks/cluster_quality.py``.
"""
from __future__ import annotations

import collections
import functools
import math
import re
from typing import Any, Callable, NamedTuple, Optional, Sequence

import numpy as np

from . import lang as lang_data
from .neighbours import HnswIndex, choose
from .progress import Bar
from .records import Claim, Cluster

#: how far below the link threshold a merged group's average similarity may fall
MERGE_MARGIN = 0.04
#: how far below the link threshold the weakest pair of a merged group may fall
MIN_MARGIN = 0.05
#: most claims one article may have in one cluster
ARTICLE_CAP = 2
#: most articles in one cluster: a cluster is one fact told by several
#: outlets, and the rules compare every cross-article pair inside it
MAX_ARTICLES = 12
#: a claim whose article has another claim in the same cluster must be this
#: close to every claim of the other articles (a near-repeat of the fact)
REPEAT_MARGIN = 0.03
#: an edge must be within BEST_MARGIN of each end's TOP_K-th best match in the other article
TOP_K = 2
BEST_MARGIN = 0.01
#: a subordinate clause's similarity counts this much less (see ``clause_texts``)
SUBORDINATE_PENALTY = 0.05
#: articles are one story when this many mutual-best claim pairs reach STORY_THRESHOLD
STORY_LINKS = 2
STORY_THRESHOLD = 0.89
#: how much lower the story threshold is for two claims in different languages
STORY_ACROSS = 0.01
#: a story link between two articles needs this share of the link count of
#: the strongest link either article has (see ``_stories``)
STORY_RELATIVE = 0.35
#: an article alone in its story joins one when this share of its claims
#: (and at least STORY_LINKS) link into it: a brief restating several outlets
BRIEF_SHARE = 0.5
#: bonus per fact shared by two claims, and its cap (see ``facts_bonus``)
FACTS_BONUS = 0.015
FACTS_BONUS_CAP = 0.03
#: an entity named in more than this share of all claims (and in more than
#: BACKGROUND_MIN claims) is background, like the story's main countries:
#: sharing it earns no bonus
BACKGROUND_SHARE = 0.10
BACKGROUND_MIN = 4
#: a link this strong is a near-copy of a sentence (see ``_pairs_left_apart``)
NEAR_COPY = 0.95
#: a joined sentence left apart from the match of one of its clauses
#: (``_clauses_left_apart``): the clause must reach the threshold plus this,
#: and beat the whole sentence by as much
CLAUSE_APART_MARGIN = 0.03
#: how far above the link threshold two claims in two languages, each the
#: other's single best match, must be to be compared when the merge tests
#: kept them apart (``_translations_left_apart``)
TRANSLATION_MARGIN = 0.01
#: rows queried at once against the neighbour index
CHUNK = 1024
#: with the approximate index: neighbours asked for beyond those needed (the
#: unit's own article comes first and is skipped), and per claim for stories
SAME_ARTICLE_ROOM = 16
STORY_K = 48

Embed = Callable[[Sequence[str]], np.ndarray]


def claim_key(claim: Claim) -> tuple:
    """Stable sort key of a claim, independent of input order."""
    return (claim.article, claim.start, claim.end, claim.id)


class Clause(NamedTuple):
    """One clause of a compound sentence; ``subordinate`` when it follows a
    concessive separator ("..., though ...") and so is not the sentence's point."""

    text: str
    subordinate: bool = False


def clause_texts(text: str, lang: str, soft: bool = False) -> tuple[Clause, ...]:
    """See :func:`_clause_texts` (memoised: wire copy repeats sentences)."""
    return _clause_texts(text, lang, soft)


@functools.lru_cache(maxsize=1 << 16)
def _clause_texts(text: str, lang: str, soft: bool = False) -> tuple[Clause, ...]:
    """The clauses of a compound sentence, or () when it is not split.

    Separators, the concessive ones and the shortest clause come from
    ``lang/<lang>/clauses.toml``; a language without that file is never split.
    A piece after a concessive separator is subordinate, and so is every piece
    cut out of a subordinate one.  With ``soft`` the sentence is also cut at
    the ``soft_separators`` ("The film was shown on BBC One and will be
    screened on HBO"): verify mode reads each statement of a report sentence
    on its own; clustering does not (a long list of nouns is no clause).
    """
    data = lang_data.load(lang, "clauses")
    concessive = set(data.get("subordinate", ()))
    min_words = int(data.get("min_words", 4))
    parts = [Clause(text)]
    extra = list(data.get("soft_separators", ())) if soft else []
    for sep in list(data.get("separators", ())) + sorted(concessive) + extra:
        cut = []
        for part in parts:
            first, *rest = (_split_soft(part.text, sep, data.get("soft_not_before", ())) if sep in extra
                            else part.text.split(sep))
            cut.append(Clause(first, part.subordinate))
            cut.extend(Clause(piece, part.subordinate or sep in concessive) for piece in rest)
        parts = cut
    clauses = tuple(Clause(p.text.strip(), p.subordinate) for p in parts if len(p.text.split()) >= min_words)
    return clauses if len(clauses) >= 2 else ()


_NAME_END = re.compile(r"(?:^|\s)[A-Z\u00C0-\u00DE][\w'\u2019.-]*$")
_NAME_START = re.compile(r"^[A-Z\u00C0-\u00DE]")


def _split_soft(text: str, sep: str, not_before=()) -> list[str]:
    """``text`` cut at the soft separator ``sep``, but not between two names
    ("Kenteris and Thanou", "New Year's Eve and New Year's Day") nor before
    an article (``not_before``: "battle falling sales and damaging
    overproduction" / "la caída del consumo y el exceso de producción"): a
    list of names or of noun phrases is no second statement."""
    lead = re.compile(r"(?:%s)\b" % "|".join(re.escape(w) for w in not_before), re.IGNORECASE) if not_before else None
    pieces, start, at = [], 0, text.find(sep)
    while at >= 0:
        after = text[at + len(sep):]
        if not ((_NAME_END.search(text[:at]) and _NAME_START.match(after)) or (lead and lead.match(after))):
            pieces.append(text[start:at])
            start = at + len(sep)
        at = text.find(sep, at + len(sep))
    pieces.append(text[start:])
    return pieces


def unit_texts(claims: Sequence[Claim]) -> list[str]:
    """The clause texts :func:`cluster_claims` asks ``embed`` for (sorted, no
    repeats), so a caller can embed them together with the claims and time
    them as embedding: ``embed`` then only looks them up."""
    return sorted({clause.text for c in claims for clause in clause_texts(c.text, c.lang)})


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


def _distinctive_signatures(claims: Sequence[Claim]) -> list[frozenset]:
    """Fact signatures without background entities (see ``BACKGROUND_SHARE``)."""
    sigs = [fact_signature(c) for c in claims]
    counts: dict = {}
    for sig in sigs:
        for item in sig:
            if item[0] == "e":
                counts[item] = counts.get(item, 0) + 1
    limit = max(BACKGROUND_MIN, BACKGROUND_SHARE * len(claims))
    common = {item for item, n in counts.items() if n > limit}
    return [sig - common for sig in sigs]


class _Units:
    """Unit vectors (whole claims first, then clauses), the claim owning each
    and each unit's penalty (``SUBORDINATE_PENALTY`` for subordinate clauses)."""

    def __init__(self, vec: np.ndarray, claims: Sequence[Claim], embed: Optional[Embed]):
        owners = list(range(len(claims)))
        penalty = [0.0] * len(claims)
        texts: list[str] = []
        if embed is not None:
            for i, c in enumerate(claims):
                for clause in clause_texts(c.text, c.lang):
                    texts.append(clause.text)
                    owners.append(i)
                    penalty.append(SUBORDINATE_PENALTY if clause.subordinate else 0.0)
        if texts:
            extra = np.asarray(embed(texts), dtype=np.float32)
            vec = np.vstack([vec, extra.reshape(len(texts), vec.shape[1])])
        self.vec = vec
        self.owner = np.array(owners, dtype=np.int64)
        self.penalty = np.array(penalty, dtype=np.float32)
        self.of_claim: list[list[int]] = [[] for _ in claims]
        for u, i in enumerate(owners):
            self.of_claim[i].append(u)

    def score(self, u: int, w: int) -> float:
        """Similarity of two units: cosine minus their penalties."""
        return float(self.vec[u] @ self.vec[w]) - float(self.penalty[u] + self.penalty[w])

    def block(self, a: Sequence[int], b: Sequence[int]) -> np.ndarray:
        """Best unit score for every claim pair of ``a`` x ``b``."""
        ua = [u for i in a for u in self.of_claim[i]]
        ub = [u for j in b for u in self.of_claim[j]]
        ra = np.array([x for x, i in enumerate(a) for _ in self.of_claim[i]])
        rb = np.array([y for y, j in enumerate(b) for _ in self.of_claim[j]])
        sims = self.vec[ua] @ self.vec[ub].T - self.penalty[ua][:, None] - self.penalty[ub][None, :]
        out = np.full((len(a), len(b)), -2.0, dtype=np.float32)
        np.maximum.at(out, (ra[:, None], rb[None, :]), sims)
        return out


def _neighbour_pairs(vec: np.ndarray, min_cos: float, rows: Optional[int] = None):
    """All pairs (u, w), u < ``rows``, w any row, with cosine >= ``min_cos``, as
    arrays (u, w, cos).  Computed in blocks of ``CHUNK`` rows, so memory grows
    with CHUNK x n plus the pairs found, never n x n."""
    rows = len(vec) if rows is None else rows
    us, ws, cs = [], [], []
    for lo in range(0, rows, CHUNK):
        sims = vec[lo:min(rows, lo + CHUNK)] @ vec.T
        r, w = np.nonzero(sims >= min_cos)
        us.append(r + lo)
        ws.append(w)
        cs.append(sims[r, w])
    if not us:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    return np.concatenate(us), np.concatenate(ws), np.concatenate(cs)


def _first_per_group(*keys: np.ndarray) -> np.ndarray:
    """Mask of the first row of each run of equal keys (arrays already sorted)."""
    first = np.ones(len(keys[0]), dtype=bool)
    if len(first):
        same = np.ones(len(first) - 1, dtype=bool)
        for k in keys:
            same &= k[1:] == k[:-1]
        first[1:] = ~same
    return first


def _candidate_edges(units: _Units, arts: np.ndarray, radius_cos: float,
                     limit: int, index: Optional[HnswIndex] = None) -> dict[tuple[int, int], float]:
    """Cross-article claim pairs (i < j) whose best unit cosine is >= radius_cos;
    each unit keeps its ``limit`` strongest partner claims.

    Vectorised, ``CHUNK`` units at a time: each unit's cross-article
    neighbours are ranked by cosine (ties: lower unit index first), only the
    closest unit of each partner claim counts, and the first ``limit``
    partner claims are kept; a claim pair scores the best of its units' scores.
    """
    vec, owner = units.vec, units.owner
    # the radius test on unit vectors, with the same small tolerance as a distance query
    radius = math.sqrt(max(0.0, 2.0 - 2.0 * radius_cos)) + 1e-6
    min_cos = 1.0 - radius * radius / 2.0
    unit_art = np.unique(arts, return_inverse=True)[1][owner]
    top = _top(units, limit)
    if index is not None:
        u, w, cos = _indexed_candidates(index, unit_art, top, min_cos)
    else:
        us, ws, cs = [], [], []
        for lo in range(0, len(vec), CHUNK):
            sims = vec[lo:lo + CHUNK] @ vec.T
            sims[unit_art[lo:lo + CHUNK, None] == unit_art[None, :]] = -np.inf
            idx = np.argpartition(-sims, top - 1, axis=1)[:, :top] if top < len(vec) else \
                np.broadcast_to(np.arange(len(vec)), sims.shape)
            val = np.take_along_axis(sims, idx, axis=1)
            r, k = np.nonzero(val >= min_cos)
            us.append(r + lo)
            ws.append(idx[r, k])
            cs.append(val[r, k])
        u, w, cos = np.concatenate(us), np.concatenate(ws), np.concatenate(cs)
    j = owner[w]
    order = np.lexsort((w, -cos, u))  # per unit: closest first
    u, w, cos, j = u[order], w[order], cos[order], j[order]
    # first unit of each partner claim, per unit
    order = np.lexsort((np.arange(len(u)), j, u))
    first = np.zeros(len(u), dtype=bool)
    first[order[_first_per_group(u[order], j[order])]] = True
    u, w, cos, j = u[first], w[first], cos[first], j[first]
    # the first ``limit`` partner claims of each unit
    starts = np.r_[0, np.flatnonzero(u[1:] != u[:-1]) + 1] if len(u) else np.zeros(0, np.int64)
    rank = np.arange(len(u)) - np.repeat(starts, np.diff(np.r_[starts, len(u)]))
    keep = rank < limit
    u, w, cos, j = u[keep], w[keep], cos[keep], j[keep]
    i = owner[u]
    # each kept pair scored exactly as a single dot product (as ``_Units.score``)
    score = np.array([units.score(x, y) for x, y in zip(u.tolist(), w.tolist())], dtype=np.float64)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    order = np.lexsort((-score, hi, lo))
    lo, hi, score = lo[order], hi[order], score[order]
    first = _first_per_group(lo, hi)
    return {(int(a), int(b)): float(s) for a, b, s in zip(lo[first], hi[first], score[first])}


def _top(units: _Units, limit: int) -> int:
    """Neighbours per unit enough to hold ``limit`` distinct partner claims."""
    return min(len(units.vec), limit * max(len(x) for x in units.of_claim))


def _indexed_candidates(index: HnswIndex, unit_art: np.ndarray, top: int,
                        min_cos: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What the exact loop of ``_candidate_edges`` finds, from the index: per
    unit its ``top`` nearest units of other articles with cosine >= min_cos,
    as arrays (u, w, cos).  The index is asked for ``SAME_ARTICLE_ROOM`` more
    neighbours than needed, since the unit's own article's units come first."""
    n = len(unit_art)
    idx, cos = index.query(np.arange(n), top + SAME_ARTICLE_ROOM)
    if idx.shape[1] == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    ok = (unit_art[idx] != unit_art[:, None]) & (cos >= min_cos)
    # rank among the kept neighbours of each row (rows are sorted closest first)
    rank = np.cumsum(ok, axis=1) - 1
    ok &= rank < top
    r, k = np.nonzero(ok)
    return r.astype(np.int64), idx[r, k], cos[r, k]


def _mutual_best(edges: dict[tuple[int, int], float], arts: np.ndarray) -> dict[tuple[int, int], float]:
    """Keep an edge (i, j) only if j is among i's ``TOP_K`` best matches in j's
    article and i among j's in i's article (within ``BEST_MARGIN``)."""
    ranked: dict[tuple[int, str], list[float]] = {}
    for (i, j), s in edges.items():
        for a, b in ((i, j), (j, i)):
            ranked.setdefault((a, arts[b]), []).append(s)
    bar = {k: sorted(v, reverse=True)[min(TOP_K, len(v)) - 1] - BEST_MARGIN for k, v in ranked.items()}
    return {(i, j): s for (i, j), s in edges.items()
            if s >= bar[(i, arts[j])] and s >= bar[(j, arts[i])]}


def _stories(vec: np.ndarray, arts: np.ndarray, langs: Optional[np.ndarray] = None,
             index: Optional[HnswIndex] = None, heads: Optional[np.ndarray] = None) -> dict[str, int]:
    """Group articles into stories: two articles tell the same story when at
    least ``STORY_LINKS`` of their claims are mutual best matches with cosine
    >= ``STORY_THRESHOLD`` (``STORY_ACROSS`` less for two claims in different
    languages, given ``langs``; fewer links when an article has fewer claims); stories
    are the connected components, of the links that hold at least
    ``STORY_RELATIVE`` of the link count of the strongest link of either
    article (chance links between two stories on one subject are weak next
    to each article's links within its story).  With fewer than three articles everything
    is one story.  Uses whole-claim vectors.  An article left alone (a wire
    brief of two sentences, each restating a different outlet) joins the story
    in which ``BRIEF_SHARE`` of its claims, and at least ``STORY_LINKS`` (or
    all, if fewer), have a mutual best match above the threshold, whichever
    articles those are in; an article of two claims (a headline and one
    sentence) needs one such match, and may join another article left alone.
    A long article of another story that shares a sentence or two with this
    one stays out.  Given ``heads`` (True for a headline), an article's
    sentences are counted without its headline, which seldom restates a
    sentence closely enough: a headline and two sentences is a brief of two
    sentences, as it is without the headline.

    A mutual best pair above the threshold is found among the claim pairs
    above the threshold alone (a claim's best match in another article, when
    it reaches the threshold, is one of them), so only those pairs are
    computed; ties go to the earlier claim, as an argmax would."""
    names = sorted(set(arts.tolist()))
    if len(names) < 3:
        return {a: 0 for a in names}
    parent = {a: a for a in names}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    art_no = np.searchsorted(np.array(names), arts)
    size = np.bincount(art_no, minlength=len(names))
    body = size if heads is None else np.bincount(art_no[~np.asarray(heads, dtype=bool)], minlength=len(names))
    if index is not None:
        # the index holds the claims first (then their clauses): a claim's
        # STORY_K nearest rows, claims only
        idx, sims = index.query(np.arange(len(vec)), STORY_K)
        hit = (idx < len(vec)) & (sims >= STORY_THRESHOLD - STORY_ACROSS)
        r, k = np.nonzero(hit)
        r, c, cos = r.astype(np.int64), idx[r, k], sims[r, k]
    else:
        r, c, cos = _neighbour_pairs(vec, STORY_THRESHOLD - STORY_ACROSS)
    keep = art_no[r] != art_no[c]
    r, c, cos = r[keep], c[keep], cos[keep]
    # a translation scores lower than a paraphrase: pairs across languages
    # need STORY_ACROSS less
    across = (langs[r] != langs[c]) if langs is not None else np.zeros(len(r), dtype=bool)
    keep = (cos >= STORY_THRESHOLD) | (across & (cos >= STORY_THRESHOLD - STORY_ACROSS))
    r, c, cos = r[keep], c[keep], cos[keep]
    # best partner of each claim in each other article: highest cosine, then lowest index
    order = np.lexsort((c, -cos, art_no[c], r))
    best = order[_first_per_group(r[order], art_no[c][order])]
    x, y = r[best], c[best]
    n = len(vec)
    known = np.sort(x * n + y)
    back = y * n + x
    at = np.minimum(np.searchsorted(known, back), max(0, len(known) - 1))
    mutual = (known[at] == back) & (x < y) if len(known) else np.zeros(0, dtype=bool)
    p, q = art_no[x[mutual]], art_no[y[mutual]]
    pairs, strong = np.unique(np.minimum(p, q) * len(names) + np.maximum(p, q), return_counts=True)
    p, q = pairs // len(names), pairs % len(names)
    linked = strong >= np.minimum(STORY_LINKS, np.minimum(size[p], size[q]))
    # relative strength: in a large corpus two articles of different stories
    # on one subject share a couple of strong pairs by chance (e5 puts
    # unrelated sentences on one subject at 0.88-0.90), and a chain of such
    # links joins thousands of articles into one story.  A link must hold
    # STORY_RELATIVE of the strongest link either article has.
    most = np.zeros(len(names), dtype=np.int64)
    np.maximum.at(most, p, strong)
    np.maximum.at(most, q, strong)
    linked &= strong >= STORY_RELATIVE * np.maximum(most[p], most[q])
    for a, b in zip(p[linked].tolist(), q[linked].tolist()):
        ra, rb = find(names[a]), find(names[b])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    # A short article (a wire brief) restates a sentence or two, often each
    # from a different outlet: its claims linked to one story count together.
    comp_size: dict[str, int] = {}
    for n in names:
        comp_size[find(n)] = comp_size.get(find(n), 0) + 1
    alone = {a for a, n in enumerate(names) if comp_size[find(n)] == 1}
    if alone:
        linked_claims: dict[tuple[int, str], set] = {}
        for cx, cy in zip(x[mutual].tolist(), y[mutual].tolist()):
            for me, mine, other in ((art_no[cx], cx, art_no[cy]), (art_no[cy], cy, art_no[cx])):
                if me in alone:
                    linked_claims.setdefault((int(me), names[other]), set()).add(mine)
        for me in sorted(alone):
            # a headline and one sentence: the sentence alone may link it
            need = (max(min(STORY_LINKS, int(body[me])), math.ceil(BRIEF_SHARE * int(body[me])))
                    if body[me] > 2 else 1)
            best = sorted((-len(found), find(other)) for (a, other), found in linked_claims.items()
                          if a == me and len(found) >= need and find(other) != find(names[me]))
            if best:
                ra, rb = find(names[me]), best[0][1]
                parent[max(ra, rb)] = min(ra, rb)
    roots = sorted({find(a) for a in names})
    return {a: roots.index(find(a)) for a in names}


class _Groups:
    """Union-find over claim indices that keeps each group's member list and
    how many of its claims each article has."""

    def __init__(self, arts: Sequence[str]):
        n = len(arts)
        self.parent = list(range(n))
        self.members = {i: [i] for i in range(n)}
        self.per_article = {i: {arts[i]: 1} for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def fits(self, ra: int, rb: int) -> bool:
        """The union of two groups (roots) stays within ``ARTICLE_CAP`` claims
        per article and ``MAX_ARTICLES`` articles."""
        x, y = self.per_article[ra], self.per_article[rb]
        if len(x) < len(y):
            x, y = y, x
        if any(x.get(a, 0) + n > ARTICLE_CAP for a, n in y.items()):
            return False
        return len(x) + sum(1 for a in y if a not in x) <= MAX_ARTICLES

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        mine = self.per_article[ra]
        for art, n in self.per_article.pop(rb).items():
            mine[art] = mine.get(art, 0) + n


class _Bonus:
    """Facts bonus of claim pairs, a block at a time; only claims with
    distinctive facts are looked at (most claims have none)."""

    def __init__(self, sigs: Sequence[frozenset]):
        self.sigs = sigs

    def block(self, a: Sequence[int], b: Sequence[int]) -> np.ndarray:
        out = np.zeros((len(a), len(b)), dtype=np.float32)
        rows = [(x, self.sigs[i]) for x, i in enumerate(a) if self.sigs[i]]
        cols = [(y, self.sigs[j]) for y, j in enumerate(b) if self.sigs[j]]
        for x, sx in rows:
            for y, sy in cols:
                out[x, y] = facts_bonus(sx, sy)
        return out


def _may_merge(sims: np.ndarray, arts_a: np.ndarray, arts_b: np.ndarray, t: float) -> bool:
    """Rule 7: article cap, average link and weakest link of two groups; an
    article with several claims in the union needs each of them to be close
    (``t - REPEAT_MARGIN``) to every claim of the other articles."""
    arts = np.concatenate([arts_a, arts_b])
    names, counts = np.unique(arts, return_counts=True)
    if counts.max() > ARTICLE_CAP or len(names) > MAX_ARTICLES:
        return False
    cross = sims[arts_a[:, None] != arts_b[None, :]]
    if cross.size == 0 or float(cross.mean()) < t - MERGE_MARGIN or float(cross.min()) < t - MIN_MARGIN:
        return False
    repeated = set(names[counts > 1].tolist())
    if not repeated:
        return True
    n = len(arts_a)
    full = np.full((len(arts), len(arts)), np.inf, dtype=np.float32)
    full[:n, n:] = sims
    full[n:, :n] = sims.T
    full[arts[:, None] == arts[None, :]] = np.inf
    # pairs inside one side were accepted by an earlier merge; only new pairs are checked
    full[:n, :n] = np.inf
    full[n:, n:] = np.inf
    worst = full.min(axis=1)
    return all(worst[k] >= t - REPEAT_MARGIN for k, a in enumerate(arts.tolist()) if a in repeated)


def _best_per_article(links: dict[tuple[int, int], float],
                      arts: np.ndarray) -> dict[tuple[int, str], tuple[float, int]]:
    """For each claim and each other article, its best link there: (score, claim)."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in links.items():
        for a, b in ((i, j), (j, i)):
            key = (a, arts[b])
            if key not in best or (-s, b) < (-best[key][0], best[key][1]):
                best[key] = (s, b)
    return best


def _clauses_left_apart(links: dict[tuple[int, int], float], groups: "_Groups",
                        arts: np.ndarray, units: "_Units", t: float,
                        langs: np.ndarray) -> list[tuple[list[int], list]]:
    """A sentence that joins two statements sits in the group of one of them;
    the other statement's best match elsewhere is left apart ("Rivera, 24,
    scored 14 goals ..., and will be unveiled at the Estadio del Sol on
    Saturday" joins the goals' group, not the unveiling's).  When a claim of
    another article has the joined sentence as its best match in that
    sentence's article, its group has nothing else from that article, and
    the sentence meets it with one of its clauses, the two become a cluster
    of their own, so the rules compare them."""
    best = _best_per_article(links, arts)
    out = []
    for (i, j), s in sorted(links.items()):
        if groups.find(i) == groups.find(j):
            continue
        for x, y in ((i, j), (j, i)):
            if len(units.of_claim[x]) < 3 or best[(y, arts[x])][1] != x:
                continue
            if any(arts[m] == arts[x] for m in groups.members[groups.find(y)]):
                continue  # y's group already has its match in x's article
            ux, uy = units.of_claim[x], units.of_claim[y]
            sims = units.vec[ux] @ units.vec[uy].T - units.penalty[ux][:, None] - units.penalty[uy][None, :]
            # a clause, not the whole sentence, meets it, clearly: above the
            # threshold and above the whole sentence by CLAUSE_APART_MARGIN
            # (the joined sentence of a retelling: +0.09 and +0.10; a chance
            # pairing on the seeds: +0.02, just over the threshold)
            best_clause, whole = float(sims[1:].max()), float(sims[0].max())
            if best_clause >= t + CLAUSE_APART_MARGIN and best_clause - whole >= CLAUSE_APART_MARGIN:
                out.append(([i, j], [((i, j), s)]))
                break
            # across languages, where a translation reads lower: another
            # clause of the sentence holds it in its group (in one language
            # the closest of two different statements meets the threshold too
            # often: 529 more clusters on 417 BBC politics articles)
            if langs[x] != langs[y] and best_clause >= t \
                    and _held_by_other_clause(x, int(sims[1:].max(axis=1).argmax()), groups, arts, units):
                out.append(([i, j], [((i, j), s)]))
                break
    return out


def _held_by_other_clause(x: int, k: int, groups: "_Groups", arts: np.ndarray, units: "_Units") -> bool:
    """Does another clause than the ``k``-th of the joined sentence ``x``
    hold it in its group?  Every member of its group from another article
    meets best a clause of ``x`` other than the ``k``-th: "El valor de las
    cuatro pinturas ronda los 3,2 millones de euros, y la Fundación Agüeras
    había ofrecido una recompensa de 50.000 euros" sits with the reward's
    retellings, so its first clause, at the threshold with "The four works
    are worth an estimated €2.3 million", is a statement of its own left
    apart (the whole sentence reads as high as the clause there, which
    ``_clauses_left_apart``'s margin asks otherwise)."""
    others = [m for m in groups.members[groups.find(x)] if arts[m] != arts[x]]
    if not others:
        return False
    ux = units.of_claim[x][1:]
    for m in others:
        um = units.of_claim[m]
        sims = units.vec[ux] @ units.vec[um].T - units.penalty[ux][:, None] - units.penalty[um][None, :]
        if int(sims.max(axis=1).argmax()) == k:
            return False
    return True


def _pairs_left_apart(links: dict[tuple[int, int], float], groups: "_Groups",
                      arts: np.ndarray) -> list[tuple[list[int], list]]:
    """Rule 9: each other's best match, kept apart by the merge tests.

    Two claims that are each other's single best match in the other article
    (above the link threshold) but ended in different groups, one of them
    grouped with a near-copy of itself (``NEAR_COPY``: wire copy, a brief
    that repeats another outlet's sentence) that took the group elsewhere,
    still tell the same fact: they become a cluster of their own, so the
    rules compare them.
    """
    best = _best_per_article(links, arts)
    copied = set()
    for (i, j), s in links.items():
        if s >= NEAR_COPY and groups.find(i) == groups.find(j):
            copied.update((i, j))
    out = []
    for (i, j), s in sorted(links.items()):
        # near-copies of each other kept apart were split on purpose (MAX_ARTICLES)
        if groups.find(i) == groups.find(j) or not ({i, j} & copied) or s >= NEAR_COPY:
            continue
        if best[(i, arts[j])][1] == j and best[(j, arts[i])][1] == i:
            out.append(([i, j], [((i, j), s)]))
    return out


def _translations_left_apart(links: dict[tuple[int, int], float], groups: "_Groups",
                             arts: np.ndarray, langs: np.ndarray, t: float) -> list[tuple[list[int], list]]:
    """Rule 10: across languages, each other's single best match, kept apart
    by the merge tests.

    Two claims in two languages that are each other's best match in the
    other article (above the link threshold) tell one fact: a translation
    reads lower to the model than a restatement in one language does (en-es
    pairs of one sentence sit about 0.01-0.03 below), so the group one of
    them joined in its own language can fail the merge tests against it
    ("The positive test was first revealed on Tuesday by the sports daily
    Gazzetta Velo" / "Según el diario Gazzetta Velo, que adelantó la
    noticia el lunes").  They become a cluster of their own, so the rules
    compare them.  In one language this is left to rule 9: there, each
    other's best match is often only the closest of two different
    statements of one story.  Since no merge test weighs the pair, it must
    reach the threshold by ``TRANSLATION_MARGIN``: two sentences of one
    story that are no translation of each other can be each other's best
    match at the threshold ("Esta no es la primera vez que el ejército ruso
    recluta ..." / "Cuba is a strong ally of Russia ...": 0.870 with the
    facts bonus; "... el lunes" / "... on Tuesday" above: 0.873).
    """
    best = _best_per_article(links, arts)
    out = []
    for (i, j), s in sorted(links.items()):
        if langs[i] == langs[j] or groups.find(i) == groups.find(j) or s < t + TRANSLATION_MARGIN:
            continue
        if best[(i, arts[j])][1] == j and best[(j, arts[i])][1] == i:
            out.append(([i, j], [((i, j), s)]))
    return out


#: how far below the link threshold two claims that are each other's best
#: match across their articles may read and still be compared (rule 11)
BELOW_MARGIN = 0.03


def _relative_tellings(claim: Claim) -> list[str]:
    """The tellings of a sentence with a relative clause (``slots.event_clauses``,
    unmasked): "Quimeral, which employs 1,200 people at the site, said it
    would appeal" tells "Quimeral, which employs 1,200 people at the site"
    and "Quimeral said it would appeal"; a sentence cut at a temporal clause
    (``slots.temporal_cuts``: "... llega después de que las negociaciones se
    rompieran el martes") tells its clauses; [] for a sentence with neither."""
    from .slots import event_clauses, temporal_cuts

    tellings = event_clauses(claim)
    if not any(len(ranges) > 1 for ranges, _ in tellings) and not (tellings and temporal_cuts(claim.text, claim.lang)):
        return []
    out = []
    for ranges, _ in tellings:
        parts = [claim.text[a - claim.start:b - claim.start] for a, b in ranges]
        out.append(" ".join(" ".join(parts).split()).strip(" ,;"))
    return out


def _relatives_left_apart(cl: Sequence[Claim], units: "_Units", groups: "_Groups", arts: np.ndarray,
                          story: dict, t: float, embed: Embed) -> list[tuple[list[int], list]]:
    """Rule 12: a sentence with a relative clause tells two things, and sits
    in the group of the one its whole reads closest to ("Quimeral, which
    employs 1,200 people at the site, said it would appeal" joins the
    plant's workforce); the other's retelling elsewhere ("Quimeral said it
    would not appeal and would pay the fine") is left apart.  When one
    telling (the relative clause with its name, or the main clause with it)
    meets a claim of another article clearly, above the threshold by
    ``CLAUSE_APART_MARGIN`` and above the whole sentence by as much, and
    that claim is the telling's best match in its article and has the
    sentence as its own best match in the sentence's article, the two
    become a cluster of their own."""
    owners, texts = [], []
    for i, c in enumerate(cl):
        for text in _relative_tellings(c):
            owners.append(i)
            texts.append(text)
    if not texts:
        return []
    vec = np.asarray(embed(texts), dtype=np.float32).reshape(len(texts), units.vec.shape[1])
    unit_arts = arts[units.owner]
    of_article: dict[str, list[int]] = {}
    for i, a in enumerate(arts.tolist()):
        of_article.setdefault(a, []).append(i)
    out, done = [], set()
    for lo in range(0, len(texts), CHUNK):
        sims = vec[lo:lo + CHUNK] @ units.vec.T - units.penalty[None, :]
        rows, cols = np.nonzero(sims >= t + CLAUSE_APART_MARGIN)
        best: dict[tuple[int, str], tuple[float, int]] = {}
        for r, u in zip(rows.tolist(), cols.tolist()):
            x, y = owners[lo + r], int(units.owner[u])
            art = unit_arts[u]
            if art == arts[x] or story[art] != story[arts[x]]:
                continue
            score = float(sims[r, u])
            if (lo + r, art) not in best or score > best[(lo + r, art)][0]:
                best[(lo + r, art)] = (score, y)
        for (k, _), (score, y) in sorted(best.items()):
            x = owners[k]
            if groups.find(x) == groups.find(y) or (x, y) in done:
                continue
            whole = float(units.block([x], [y])[0, 0])
            if score - whole < CLAUSE_APART_MARGIN:
                continue
            # the claim's own best match in the sentence's article is the sentence
            mine = of_article[arts[x]]
            theirs = units.block([y], mine)[0]
            theirs[mine.index(x)] = max(theirs[mine.index(x)], score)
            if mine[int(theirs.argmax())] != x:
                continue  # (so a claim of x's article in y's group meets y less well)
            done.add((x, y))
            pair = (min(x, y), max(x, y))
            out.append(([pair[0], pair[1]], [(pair, score)]))
    return out


def _scoops_left_apart(cl: Sequence[Claim], arts: np.ndarray, story: dict, units: "_Units",
                       groups: "_Groups") -> list[tuple[list[int], list]]:
    """Who had the news first is a fact of the story, whatever sentence
    tells it: "A court in Aranzola on Thursday fined ... Quimeral Industrias
    €2.4m ..., as first reported by the local daily El Faro de Aranzola" /
    "La emisora Radio Tarvela fue la primera en adelantar el fallo." read
    too far apart for any link.  Two claims of two articles of one story
    that each credit the story's scoop to a source
    (:func:`~consistency.facts.attributions.story_scoop`: the article's
    first sentence after the headline, a short sentence, or one that names
    the news) become a cluster of their own, unless a group already holds
    both; the attribution rule compares the two sources."""
    from .facts.attributions import story_scoop

    first: dict[str, int] = {}
    for i, c in enumerate(cl):
        if not c.headline and (arts[i] not in first or c.start < cl[first[arts[i]]].start):
            first[arts[i]] = i
    found: dict[str, list] = {}
    for i, c in enumerate(cl):
        if not c.headline:
            got = story_scoop(c, lead=first.get(arts[i]) == i)
            if got is not None:
                found.setdefault(arts[i], []).append((i, got))
    return _story_fact_pairs(found, story, units, groups, lambda x, i, p, y, j, q: True)


def _facts_by_article(cl: Sequence[Claim], arts: np.ndarray, read) -> dict[str, list]:
    """{article: [(claim index, fact)]} for each fact ``read(claim)`` gives
    of a claim that is no headline."""
    found: dict[str, list] = {}
    for i, c in enumerate(cl):
        if not c.headline:
            for fact in read(c):
                found.setdefault(arts[i], []).append((i, fact))
    return found


def _article_texts(cl: Sequence[Claim], arts: np.ndarray) -> dict[str, list[str]]:
    """{article: its claims' texts, in order}."""
    texts: dict[str, list[str]] = {}
    for i, c in enumerate(cl):
        texts.setdefault(arts[i], []).append(c.text)
    return texts


def _story_fact_pairs(found: dict, story: dict, units: "_Units", groups: "_Groups", accept) -> list:
    """The clusters of a fact of the story told in sentences left apart:
    for each two articles of one story (``found``: article -> [(claim
    index, fact)]), each claim of one with each claim of the other, as a
    cluster of its own when ``accept(article x, i, fact of i, article y, j,
    fact of j)`` says so, unless a group already holds both; each pair
    once."""
    out, seen = [], set()
    keys = sorted(found)
    for n, x in enumerate(keys):
        for y in keys[n + 1:]:
            if story[x] != story[y]:
                continue
            for i, p in found[x]:
                for j, q in found[y]:
                    a, b = min(i, j), max(i, j)
                    if (a, b) in seen or groups.find(i) == groups.find(j) or not accept(x, i, p, y, j, q):
                        continue
                    seen.add((a, b))
                    out.append(([a, b], [((a, b), float(units.block([a], [b])[0, 0]))]))
    return out


def _posts_left_apart(cl: Sequence[Claim], arts: np.ndarray, story: dict, units: "_Units",
                      groups: "_Groups", embed: Embed) -> list[tuple[list[int], list]]:
    """Who holds a post is a fact of the story, whatever sentence names them
    in it: "Lucía Ferrandis, the union's secretary general, ..." / "Marina
    Escolano, secretaria general del SITCA, defendió que la subida ... es
    perfectamente asumible" tell different things and are never linked.
    Two claims of two articles of one story that set two people in commas
    beside one post (:mod:`consistency.facts.posts`: one post by its words,
    :func:`~consistency.facts.posts.same_post`, that the model, each post
    embedded on its own, does not read apart, over
    :data:`~consistency.facts.posts.POST_SAME`;
    :func:`~consistency.facts.posts.rival_holders`: two people, neither named
    in the other's article) become a cluster of their own, unless a group
    already holds both; the actor rule compares the two people."""
    from .facts.posts import POST_SAME, posts, rival_holders, same_post

    found = _facts_by_article(cl, arts, posts)
    if len(found) < 2:
        return []
    whole = {a: " ".join(t) for a, t in _article_texts(cl, arts).items()}
    titles = sorted({p.post for got in found.values() for _, p in got})
    vec = dict(zip(titles, np.asarray(embed(titles), dtype=np.float32)))

    def accept(x, i, p, y, j, q) -> bool:
        return (float(vec[p.post] @ vec[q.post]) > POST_SAME
                and rival_holders(p, cl[i].lang, whole[x], q, cl[j].lang, whole[y])
                and same_post(p.post, cl[i].lang, q.post, cl[j].lang))

    return _story_fact_pairs(found, story, units, groups, accept)


def _seats_left_apart(cl: Sequence[Claim], arts: np.ndarray, story: dict, units: "_Units",
                      groups: "_Groups", embed: Embed) -> list[tuple[list[int], list]]:
    """Where an organisation has its seat is a fact of the story, whatever
    sentence gives it: "The Brennick-based company made a profit of $85
    million ..." / "La compañía, con sede en Lindmark, prevé completar los
    recortes antes de julio" tell different things and are never linked.
    Two claims of two articles of one story that seat one organisation
    (:func:`~consistency.facts.seats.same_holder`: one name; or the name of
    an organisation both articles give and a kind of organisation; or, when
    the two articles give a name in common, one kind by the lexicon, or by
    the model's reading of the two head words, each embedded on its own) in
    two places, neither article giving a seat in the
    other's place (:func:`~consistency.facts.seats.rival_seats`), become a
    cluster of their own, unless a group already holds both; the place rule
    compares the two seats."""
    from .facts.seats import rival_seats, same_holder, seats, story_names

    found = _facts_by_article(cl, arts, seats)
    if len(found) < 2:
        return []
    texts = _article_texts(cl, arts)
    whole = {a: " ".join(t) for a, t in texts.items()}
    langs = {arts[i]: c.lang for i, c in enumerate(cl)}
    heads = sorted({x.head for got in found.values() for _, x in got if x.head})
    vec = dict(zip(heads, np.asarray(embed(heads), dtype=np.float32))) if heads else {}

    def similarity(h1: str, h2: str) -> float:
        return float(vec[h1] @ vec[h2]) if h1 in vec and h2 in vec else 0.0


    def accept(x, i, p, y, j, q) -> bool:
        if not rival_seats(p, cl[i].lang, whole[x], q, cl[j].lang, whole[y]):
            return False
        return same_holder(p, cl[i].lang, q, cl[j].lang,
                           story_names("\n".join(texts[x]), langs[x], "\n".join(texts[y]), langs[y]), similarity)

    return _story_fact_pairs(found, story, units, groups, accept)


def _close_left_apart(scored: dict[tuple[int, int], float], arts: np.ndarray,
                      langs: np.ndarray, story: dict, t: float) -> list[tuple[list[int], list]]:
    """Rule 11: across languages, each other's best match across two
    articles of one story, a little below the threshold, and neither linked
    to anything of the other's article.

    A translation reads lower to the model than a restatement in one
    language (rule 10), and a sentence that changes one slot of another
    outlet's sentence reads further from it than a paraphrase does: "The
    plans were first reported on Monday by the technology news site
    TechFront" / "El plan lo adelantó el lunes el diario The Brennick Post"
    read 0.84 against a threshold of 0.86, so no link joins them.  When each
    is still the other's closest sentence in the other's article and
    neither was linked to anything of that article, the two become a
    cluster of their own and the rules, which ask their own evidence,
    compare them.  In one language this would pair the closest of two
    different statements of a story too often (on 417 BBC politics
    articles: 1,670 more clusters, three more false alarms)."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in scored.items():
        if story[arts[i]] != story[arts[j]]:
            continue
        for a, b in ((i, j), (j, i)):
            key = (a, arts[b])
            if key not in best or (-s, b) < (-best[key][0], best[key][1]):
                best[key] = (s, b)
    # the articles each claim is linked to directly: a claim may share a
    # group with another article only through a sentence that joins two
    # statements ("Su consejero delegado ... aseguró que la inspección de
    # enero no detectó ningún fallo, aunque el sindicato ... sostiene que
    # avisó de las grietas en febrero" holds the union's warning in the
    # chief executive's group), which says nothing of the claim itself
    linked_to: dict = collections.defaultdict(set)
    for (i, j), s in scored.items():
        if s >= t:
            linked_to[i].add(arts[j])
            linked_to[j].add(arts[i])
    out = []
    for (i, j), s in sorted(scored.items()):
        if not (t - BELOW_MARGIN <= s < t) or langs[i] == langs[j] or story[arts[i]] != story[arts[j]]:
            continue
        if best[(i, arts[j])][1] != j or best[(j, arts[i])][1] != i:
            continue
        if arts[j] in linked_to[i] or arts[i] in linked_to[j]:
            continue
        out.append(([i, j], [((i, j), s)]))
    return out


def cluster_claims(claims: Sequence[Claim], vectors: np.ndarray, config: Any,
                   use_facts: bool = True, threshold: Optional[float] = None,
                   embed: Optional[Embed] = None) -> tuple[Cluster, ...]:
    """Clusters of claims from at least two articles about the same fact.

    ``vectors[i]`` is the unit embedding of ``claims[i]``.  ``threshold``
    defaults to ``config.link_threshold()``.  ``embed`` (texts -> unit
    vectors, e.g. ``Embedder.embed``) lets compound sentences be matched clause
    by clause; without it only whole claims are compared.
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
    units = _Units(vec, cl, embed)
    sigs = _distinctive_signatures(cl) if use_facts else None
    slack = FACTS_BONUS_CAP if use_facts else 0.0
    limit = max(1, int(getattr(config, "neighbours", 10) or 10))
    method = choose(getattr(config, "search", "auto"), len(units.vec))
    index = HnswIndex(units.vec) if method == "hnsw" else None
    if index is not None:  # one pass for both searches (the larger k first)
        index.query(np.zeros(1, np.int64), max(STORY_K, _top(units, limit) + SAME_ARTICLE_ROOM))
    # (rule 11 reads each other's best matches down to BELOW_MARGIN under t)
    raw = _candidate_edges(units, arts, t - max(slack, BELOW_MARGIN), limit, index)

    def bonus(i: int, j: int) -> float:
        return facts_bonus(sigs[i], sigs[j]) if sigs is not None else 0.0

    scored = {(i, j): s + bonus(i, j) for (i, j), s in raw.items()}
    links = _mutual_best({k: s for k, s in scored.items() if s >= t}, arts)
    story = _stories(vec, arts, np.array([c.lang for c in cl]), index, np.array([c.headline for c in cl]))
    links = {(i, j): s for (i, j), s in links.items() if story[arts[i]] == story[arts[j]]}
    groups = _Groups(arts.tolist())
    blocks = _Bonus(sigs) if sigs is not None else None
    bar = Bar("cluster", len(links), "links", bool(getattr(config, "quiet", True)), minimum=1000)
    for n, ((i, j), s) in enumerate(sorted(links.items(), key=lambda kv: (-round(kv[1], 6), kv[0]))):
        bar.update(n)
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj or not groups.fits(ri, rj):
            continue
        a, b = groups.members[ri], groups.members[rj]
        sims = units.block(a, b)
        if blocks is not None:
            sims = sims + blocks.block(a, b)
        if _may_merge(sims, arts[a], arts[b], t):
            groups.union(i, j)

    bar.close()
    inside: dict[int, list] = {}
    for (i, j), s in links.items():
        root = groups.find(i)
        if root == groups.find(j):
            inside.setdefault(root, []).append(((i, j), s))
    found = []
    for root, members in groups.members.items():
        if len(members) < 2 or len(set(arts[members].tolist())) < 2:
            continue
        found.append((sorted(members), sorted(inside.get(root, ()))))
    langs = np.array([c.lang for c in cl])
    apart = _pairs_left_apart(links, groups, arts)
    seen = {tuple(m) for m, _ in apart}
    apart += [x for x in _translations_left_apart(links, groups, arts, langs, t) if tuple(x[0]) not in seen]
    seen = {tuple(m) for m, _ in apart}
    apart += [x for x in _clauses_left_apart(links, groups, arts, units, t, langs) if tuple(x[0]) not in seen]
    seen = {tuple(m) for m, _ in apart}
    apart += [x for x in _close_left_apart(scored, arts, langs, story, t) if tuple(x[0]) not in seen]
    seen = {tuple(m) for m, _ in apart}
    apart += [x for x in _scoops_left_apart(cl, arts, story, units, groups) if tuple(x[0]) not in seen]
    if embed is not None:
        seen = {tuple(m) for m, _ in apart}
        apart += [x for x in _posts_left_apart(cl, arts, story, units, groups, embed) if tuple(x[0]) not in seen]
    if embed is not None:
        seen = {tuple(m) for m, _ in apart}
        apart += [x for x in _seats_left_apart(cl, arts, story, units, groups, embed) if tuple(x[0]) not in seen]
    if embed is not None:
        seen = {tuple(m) for m, _ in apart}
        apart += [x for x in _relatives_left_apart(cl, units, groups, arts, story, t, embed) if tuple(x[0]) not in seen]
    found.extend(apart)
    found.sort(key=lambda item: item[0])

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
