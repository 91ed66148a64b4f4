"""Contradictions carried over to the outlets that tell the same as one side.

Four outlets report a theft: three say the paintings are worth €3.2 million,
one says €2.3 million.  The rules judge claim pairs, and each pair must pass
their own tests that the two sentences tell one event; a long sentence that
packs the value among other news may pass them against one outlet and not
against another.  When outlet Y contradicts outlet Z on a value, and outlet
X states Z's very value in a sentence the model reads as the same telling as
Z's (slots masked, at the clusterer's bar or above), then Y contradicts X as
well: the finding is carried over, with X's sentence and value as evidence
and a message that says which outlet it was carried from.

A sentence that packs the value among other news may sit in a cluster of
what it tells most, apart from Z's.  For an amount or a day (values that pin
a fact; a name recurs in many), X may then be any clustered sentence whose
telling that holds the value (its clause, ``slots.event_clauses``, slots
masked; the whole sentence when it tells one thing) reads as Z's telling of
its value at the clusterer's bar or above (``FAR_KINDS``), and one of X's
clusters holds a sentence of Z's article (the two articles tell that part
of the story: BBC politics articles of 2005, each of its own story, got 5
more wrong findings without it).

Nothing here knows a word of any language.  A value "agrees" by what the
extractors made of it: the same amount in a compatible unit and wording
(the quantity rule's own interval test), the same resolved date, the same
entity or source key.  What is carried over:

* only from a warning or error that a rule found (never from one carried
  over itself: one step, so a mistake is not spread round the story); for
  dates only from an error (a warning is a coarse date or a weak pairing:
  "2025" / "between January and June");
* only to an outlet whose sentence states the agreeing value once, states
  nothing that agrees with Y's value, and whose article nowhere tells Y's
  value in a sentence of the same telling (then X would be on both sides);
* not when Y's own sentence states Z's value too (no clear side);
* only for a value told in at most ``MAX_FACTS`` facts of the corpus;
* never where a rule already set the two values against each other.

A carried finding repeats whatever the finding it came from got wrong: on
the development stories every wrong carried finding came from a wrong one.

Polarity has no value to agree on: :func:`carried_negations` carries a
NEG001 finding by what is denied (X says again the word Y's negation bears
on first, with Z's polarity), and only between articles of one story
(``STORY_SHARE``).
"""
from __future__ import annotations

import math
from typing import Iterable, NamedTuple, Sequence

from ..records import Article, Claim, Cluster, Evidence, Finding
from .common import label, quote, tellings_similarity
from .engine import _evidence, fingerprint
from .quantity import BOUND_RATIO, QTY001, UPPER_BOUND_RATIO, apart, bounds_differ, common_unit

#: families whose values are both people's or organisations' names
NAME_FAMILIES = ("ATT", "ENT")
#: the families whose values can be carried over (negation has no value:
#: see :func:`carried_negations`)
FAMILIES = ("QTY", "DAT", "ATT", "ENT", "LOC")
#: confidence of a carried-over finding, as a share of the one it came from
CARRIED_CONFIDENCE = 0.9
#: two amounts state one figure when their figures (the middle of each one's
#: range, or its one finite end) are this share of the larger apart or closer
SAME_SHARE = 0.05
#: a value carried over must be told in at most this many facts of the
#: corpus: a leader's name or the story's main day is in many facts and says
#: nothing of which fact a sentence tells (BBC politics articles of 2005:
#: 186 more warnings with no such bar, wrong in every one read; 11 with it)
MAX_FACTS = 3
#: kinds of value carried also to a sentence in none of Z's clusters, when
#: the telling that holds X's value reads as the telling that holds Z's: a
#: long sentence that packs the value among other news ("Three of the works,
#: taken in a night-time raid on 15 February and worth an estimated €3.2
#: million, were recovered ...") is clustered with the news it tells most
FAR_KINDS = ("Q", "D")
#: a polarity finding is carried from Y's article to X's only when the two
#: tell one story: at least this share of the clusters of the one with fewer
#: has a sentence of the other too (the development stories' outlets: 0.6
#: and more; BBC politics articles of 2005, each of its own story, all of
#: which got a wrong carried finding without it: 0.2 and less)
STORY_SHARE = 0.5


def _slots(claim: Claim):
    """(span, kind, slot) for each value of ``claim``."""
    f = claim.facts
    for q in f.quantities:
        yield (q.start, q.end), "Q", q
    for d in f.dates:
        if d.resolved and d.low is not None:
            yield (d.start, d.end), "D", d
    for e in f.entities:
        yield (e.start, e.end), "E", e
    for a in f.attributions:
        span = (a.source_start, a.source_end) if a.source_start is not None else (a.start, a.end)
        yield span, "A", a


def _slot_at(claim: Claim, start: int, end: int):
    """The narrowest value of ``claim`` overlapping ``start``-``end``."""
    best = None
    for span, kind, slot in _slots(claim):
        if span[0] < end and start < span[1]:
            if best is None or span[1] - span[0] < best[0][1] - best[0][0]:
                best = (span, kind, slot)
    return best


class Scale(NamedTuple):
    """How the amount rule reads amounts, as configured: exchange rates, the
    slack of a stated conversion and the two bound ratios
    (``[consistency:rules:QTY001]``), so a carried finding weighs two
    amounts as QTY001 does."""

    rates: dict
    slack: float = 0.05
    ratio: float = BOUND_RATIO
    upper: float = UPPER_BOUND_RATIO

    @classmethod
    def of(cls, config) -> "Scale":
        return cls({k.upper(): v for k, v in config.rates.items()},
                   QTY001.option(config, "conversion_slack", 0.05),
                   QTY001.option(config, "bound_ratio", BOUND_RATIO),
                   QTY001.option(config, "upper_bound_ratio", UPPER_BOUND_RATIO))


def _same(kind: str, x, y, scale: Scale) -> bool:
    """``x`` and ``y`` state one value."""
    if kind == "Q":
        both = common_unit(x, y, scale.rates, scale.slack)
        if both is None:
            return False
        ix, iy = both
        if apart(x, y, ix, iy) or bounds_differ(ix, iy, scale.ratio, scale.upper):
            return False
        # compatible is not enough: "more than 600" admits 1,850, and one
        # figure agreeing with two others that differ would set them apart
        ax, ay = _anchor(ix), _anchor(iy)
        return ax is not None and ay is not None and abs(ax - ay) <= SAME_SHARE * max(abs(ax), abs(ay))
    if kind == "D":
        return (x.low, x.high) == (y.low, y.high)
    return _name(x.key) == _name(y.key)


def _name(key: str) -> str:
    """A key without its type: one article's "the sports daily Gazzetta
    Velo" is an outlet ("outlet:gazzetta-velo"), another's bare "first
    revealed by Gazzetta Velo" reads as a person ("per:gazzetta-velo"); in
    one story the same name is the same source."""
    return key.split(":", 1)[1] if ":" in key else key


def _anchor(iv) -> float | None:
    """The figure an interval is told around: its middle, or its one finite end."""
    lo, hi = math.isfinite(iv.low) and iv.low > 0, math.isfinite(iv.high)
    if lo and hi:
        return (iv.low + iv.high) / 2
    if lo:
        return iv.low
    return iv.high if hi else None


def _differ(kind: str, x, y, scale: Scale) -> bool:
    """``x`` and ``y`` cannot both be true (the quantity rule's test for
    amounts; different dates or keys otherwise)."""
    if kind == "Q":
        both = common_unit(x, y, scale.rates, scale.slack)
        if both is None:
            return False
        ix, iy = both
        return apart(x, y, ix, iy) or bounds_differ(ix, iy, scale.ratio, scale.upper)
    if kind == "D":
        return x.high < y.low or y.high < x.low
    return _name(x.key) != _name(y.key)


def _judged(findings: Iterable[Finding]) -> dict:
    """(family, the two claim ids) -> the value spans a finding of that
    family set against each other in those two claims."""
    out: dict = {}
    for f in findings:
        if len(f.evidence) == 2:
            key = (f.code[:3], frozenset(e.claim for e in f.evidence))
            out.setdefault(key, []).append({e.claim: (e.value_start, e.value_end) for e in f.evidence})
    return out


def _already(done: dict, family: str, cy: Claim, span_y: tuple, cx: Claim, span_x: tuple) -> bool:
    """A finding of ``family`` already sets these two values against each
    other, delimited alike or not ("diario financiero Tribuna Hoy" is
    "Tribuna Hoy"); for sources, one of them against anything of the other
    claim: the attribution rule weighs all of a claim's sources at once (a
    source reported at one remove is set aside for the one credited)."""
    # a source and an actor are both names: a speaker set against another
    # speaker (ATT) is the same two people a post's holders are (ENT)
    families = NAME_FAMILIES if family in NAME_FAMILIES else (family,)
    for spans in [s for f in families for s in done.get((f, frozenset((cy.id, cx.id))), ())]:
        hits = 0
        for cid, (s, e) in ((cy.id, span_y), (cx.id, span_x)):
            got = spans.get(cid)
            if got and got[0] is not None and got[0] < e and s < got[1]:
                hits += 1
        if hits == 2 or (hits and family == "ATT"):
            return True
    return False


def _cluster_maps(clusters: Sequence[Cluster]) -> tuple[dict, dict]:
    """(claim id -> the ids of the claims it shares a cluster with, claim id
    -> the ids of its clusters)."""
    mates: dict[str, set] = {}
    groups: dict[str, set] = {}
    for cluster in clusters:
        for cid in cluster.claims:
            mates.setdefault(cid, set()).update(cluster.claims)
            groups.setdefault(cid, set()).add(cluster.id)
    return mates, groups


def carried(findings: Sequence[Finding], articles: Sequence[Article], claims: Sequence[Claim],
            clusters: Sequence[Cluster], same_event, config) -> list[Finding]:
    """The findings carried over from ``findings`` (see the module's
    documentation); ``same_event`` gives the masked cosines of claim pairs."""
    if same_event is None or not findings:
        return []
    masked = same_event.pairs
    bar = config.link_threshold()
    scale = Scale.of(config)
    by_id = {c.id: c for c in claims}
    arts = {a.id: a for a in articles}
    mates, groups = _cluster_maps(clusters)
    done = _judged(findings)
    told: dict[tuple, list] = {}  # (code, the two articles) -> [{article: slot}]
    for g in findings:
        if len(g.evidence) == 2 and all(e.value_start is not None for e in g.evidence):
            got = {e.article: _slot_at(by_id[e.claim], e.value_start, e.value_end)
                   for e in g.evidence if e.claim in by_id}
            if len(got) == 2 and all(got.values()):
                told.setdefault((g.code, frozenset(got)), []).append(got)
    facts = _Facts(claims, clusters, scale)
    index: dict = {}
    out: list[Finding] = []

    def telling(x: Claim, y: Claim) -> bool:
        s = masked.get(frozenset((x.id, y.id)))
        return s is not None and s >= bar

    variants = getattr(same_event, "variants", None) or {}

    def telling_of(cx: Claim, span_x: tuple, cz: Claim, span_z: tuple) -> bool:
        # a sentence of no cluster of Z's: the telling that holds X's value
        # must read as the telling that holds Z's (both slot-masked)
        s = tellings_similarity(variants.get(cx.id, {}), span_x, variants.get(cz.id, {}), span_z, whole=True)
        return s is not None and s >= bar

    # the articles each claim's clusters hold: X must tell, in one of its
    # clusters, something Z's article tells too
    told_with: dict[str, set] = {}
    for cluster in clusters:
        arts_of = {by_id[c].article for c in cluster.claims if c in by_id}
        for cid in cluster.claims:
            told_with.setdefault(cid, set()).update(arts_of)

    def candidates(cz: Claim, kind: str, value):
        near = mates.get(cz.id, set())
        for xid in sorted(near):
            yield xid, False
        if kind not in FAR_KINDS:
            return
        # the sentences that state Z's very value (a value told in at most
        # MAX_FACTS facts: a few)
        for xid in sorted(facts.holders(kind, value)):
            if xid not in near and xid in variants and cz.article in told_with.get(xid, ()):
                yield xid, True

    for f in findings:
        if f.severity not in ("error", "warning") or f.code[:3] not in FAMILIES or len(f.evidence) != 2:
            continue
        if f.code[:3] == "DAT" and f.severity != "error":
            continue  # a coarse date, or a pairing on weak evidence: not enough to carry
        for ey, ez in (f.evidence, f.evidence[::-1]):
            if ey.value_start is None or ez.value_start is None:
                continue
            cy, cz = by_id.get(ey.claim), by_id.get(ez.claim)
            if cy is None or cz is None:
                continue
            sy, sz = _slot_at(cy, ey.value_start, ey.value_end), _slot_at(cz, ez.value_start, ez.value_end)
            if sy is None or sz is None or sy[1] != sz[1]:
                continue
            kind = sy[1]
            if any(k == kind and _same(kind, slot, sz[2], scale) for _, k, slot in _slots(cy)):
                continue  # Y's own sentence states Z's value too: no clear side to carry
            if facts.count(kind, sz[2]) > MAX_FACTS:
                continue  # a value told in many facts ("Gordon Brown", the story's main day) pins none
            for xid, far in candidates(cz, kind, sz[2]):
                cx = by_id.get(xid)
                if cx is None or cx.article in (ey.article, ez.article) or cx.article not in arts:
                    continue
                if not far and not telling(cx, cz):
                    continue
                values = [(span, slot) for span, k, slot in _slots(cx) if k == kind]
                agree = [(span, slot) for span, slot in values if _same(kind, slot, sz[2], scale)]
                if len(agree) != 1 or any(_same(kind, slot, sy[2], scale) for _, slot in values):
                    continue
                span, slot = agree[0]
                if far and not telling_of(cx, span, cz, sz[0]):
                    continue
                if not _differ(kind, slot, sy[2], scale):
                    continue
                if _seated(cz, (ez.value_start, ez.value_end)) and not _seated(cx, span):
                    continue  # Z's place is a seat ("con sede en Lindmark"); X's must be one too, not an office
                if _told_in(cx.article, cy, kind, sy[2], by_id, mates, telling, scale):
                    continue
                span_y = (ey.value_start, ey.value_end)
                if _already(done, f.code[:3], cy, span_y, cx, span):
                    continue
                if _reported(told, f.code, ey.article, sy, cx.article, (span, kind, slot), scale):
                    continue  # the two outlets are already set apart on these values, in other sentences
                done.setdefault((f.code[:3], frozenset((cy.id, cx.id))), []).append(
                    {cy.id: span_y, cx.id: span})
                told.setdefault((f.code, frozenset((ey.article, cx.article))), []).append(
                    {ey.article: sy, cx.article: (span, kind, slot)})
                # the cluster that holds both claims, when one does (the
                # outlet matrix shows the finding on that fact's row)
                shared = sorted(groups.get(cy.id, set()) & groups.get(cx.id, set()))
                out.append(_finding(f, ey, ez, cx, span, arts, index, shared[0] if shared else f.cluster))
    return out


def carried_negations(findings: Sequence[Finding], articles: Sequence[Article], claims: Sequence[Claim],
                      clusters: Sequence[Cluster], same_event, config) -> list[Finding]:
    """Polarity findings carried over: Y says it did not happen and Z that it
    did; outlet X tells it as Z does, in a sentence of Z's cluster that reads
    as Z's at the clusterer's bar (slots masked: the masked texts leave the
    negation cues out) and with Z's polarity, so Y contradicts X as well.  The
    same the other way round, from Y's side.  X's article must not tell it
    with Y's polarity too, in a sentence of the same telling."""
    from .negation import denies_alike, denies_the_opposite, effective_against, hedged, restates_denied, unshared

    if same_event is None or not findings:
        return []
    masked = same_event.pairs
    words = getattr(same_event, "words", None) or {}
    bar = config.link_threshold()
    by_id = {c.id: c for c in claims}
    arts = {a.id: a for a in articles}
    mates, groups = _cluster_maps(clusters)

    def telling(x: Claim, y: Claim) -> bool:
        s = masked.get(frozenset((x.id, y.id)))
        return s is not None and s >= bar

    def polarity(x: Claim, y: Claim):
        """True when ``x`` states what ``y`` states with the same polarity,
        False when with the other, None when it cannot be told."""
        if hedged(x) or hedged(y):
            return None
        nx, ny = effective_against(x, y), effective_against(y, x)
        ux, uy = unshared(nx, x.lang, ny, y.lang), unshared(ny, y.lang, nx, x.lang)
        if ux and uy:
            return None
        if not ux and not uy:
            return True
        return False

    # the clusters each article has a sentence in: polarity findings are
    # carried only between two articles that tell one story
    told: dict[str, set] = {}
    for cluster in clusters:
        for cid in cluster.claims:
            if cid in by_id:
                told.setdefault(by_id[cid].article, set()).add(cluster.id)

    def one_story(a: str, b: str) -> bool:
        ta, tb = told.get(a, set()), told.get(b, set())
        return bool(ta and tb) and len(ta & tb) >= STORY_SHARE * min(len(ta), len(tb))

    judged: set = set()   # pairs of articles a polarity finding already sets apart, per claim
    opposed: set = set()  # pairs of claims a polarity or opposite-predicate finding sets apart
    for f in findings:
        if f.code[:3] == "NEG":
            for e in f.evidence:
                for o in f.evidence:
                    if e is not o:
                        judged.add((e.claim, o.article))
                        opposed.add(frozenset((e.claim, o.claim)))
    index: dict = {}
    out: list[Finding] = []
    seen: set = set()
    for f in findings:
        if f.code != "NEG001" or f.severity not in ("error", "warning") or len(f.evidence) != 2:
            continue
        for ey, ez in (f.evidence, f.evidence[::-1]):
            cy, cz = by_id.get(ey.claim), by_id.get(ez.claim)
            if cy is None or cz is None:
                continue
            for xid in sorted(mates.get(cz.id, ())):
                cx = by_id.get(xid)
                if cx is None or cx.article in (ey.article, ez.article) or cx.article not in arts:
                    continue
                if (cx.id, ey.article) in judged or (cy.id, cx.article) in judged:
                    continue
                if not one_story(cx.article, cy.article):
                    continue
                if frozenset((cx.id, cz.id)) in opposed:
                    continue  # X and Z are set apart themselves ("applauded" / "booed")
                if not telling(cx, cz) or polarity(cx, cz) is not True or polarity(cx, cy) is not False:
                    continue
                # and X says the very thing the two set apart
                if ey.value is not None:    # Y denies it; X states it as Z does
                    ny = effective_against(cy, cz)
                    if not ny or not restates_denied(cy, ny[0], cz, cx, words):
                        continue
                    if denies_the_opposite(ny[0], cy, cx):
                        continue  # "did not applaud" / "booed": X says what Y says
                else:                       # Z denies it; X denies it as Z does
                    nz, nx = effective_against(cz, cy), effective_against(cx, cy)
                    if not nz or not nx or not denies_alike(cz, nz[0], cx, nx[0], words):
                        continue
                # X's article tells it with Y's polarity too: no clear side
                if any(by_id[m].article == cx.article and telling(by_id[m], cy) and polarity(by_id[m], cy)
                       for m in mates.get(cy.id, ()) if m in by_id):
                    continue
                key = frozenset((cy.id, cx.id))
                if key in seen:
                    continue
                seen.add(key)
                judged.add((cx.id, ey.article))
                judged.add((cy.id, cx.article))
                shared = sorted(groups.get(cy.id, set()) & groups.get(cx.id, set()))
                out.append(_negation_finding(f, ey, ez, cx, cy, arts, index, shared[0] if shared else f.cluster))
    return out


def _negation_finding(f: Finding, ey: Evidence, ez: Evidence, cx: Claim, cy: Claim,
                      arts: dict, index: dict, cluster) -> Finding:
    from .negation import effective_against

    art = arts[cx.article]
    neg = effective_against(cx, cy) if ey.value is None else []
    span = (neg[0].start, neg[0].end) if neg else None
    value = art.text[span[0]:span[1]] if span else None
    ex = _evidence(cx, art, value, span, index)
    evidence = tuple(sorted((ey, ex), key=lambda e: (e.article, e.start)))
    ya, za = arts.get(ey.article), arts.get(ez.article)
    yl, xl = (label(ya) if ya else ey.article), label(art)
    if ey.value is not None:
        said = f"{yl} says it did not happen ({quote(ey.value)}) but {xl} says it did"
    else:
        said = f"{xl} says it did not happen ({quote(value or '')}) but {yl} says it did"
    message = (f"Polarity differs: {said}, as {label(za) if za else ez.article} does in the same account")
    fp = fingerprint(f.code, [(e.article, e.text) for e in evidence], [e.value or "" for e in evidence])
    return Finding(code=f.code, kind=f.kind, severity=f.severity,
                   confidence=round(f.confidence * CARRIED_CONFIDENCE, 6), message=message,
                   evidence=evidence, cluster=cluster, fingerprint=fp)


def _seated(claim: Claim, span: tuple) -> bool:
    """The place at ``span`` (article offsets) is where ``claim`` seats an
    organisation (:mod:`consistency.facts.seats`)."""
    from ..facts.seats import seats

    return any((x.place_start, x.place_end) == tuple(span) for x in seats(claim))


def _reported(told: dict, code: str, art_y: str, sy, art_x: str, sx, scale: Scale) -> bool:
    """A finding of ``code`` already sets ``art_y``'s value ``sy`` against
    ``art_x``'s ``sx`` (each a (span, kind, slot)), in any of their sentences:
    a headline and a body sentence giving one figure are one contradiction."""
    for got in told.get((code, frozenset((art_y, art_x))), ()):
        gy, gx = got.get(art_y), got.get(art_x)
        if gy and gx and gy[1] == sy[1] == gx[1] == sx[1] \
                and _same(sy[1], gy[2], sy[2], scale) and _same(sx[1], gx[2], sx[2], scale):
            return True
    return False


class _Facts:
    """How many facts of the corpus state a value: a cluster (the outlets
    telling one fact) counts once, a claim in no cluster is a fact of its own."""

    def __init__(self, claims: Sequence[Claim], clusters: Sequence[Cluster], scale: Scale):
        unit: dict[str, str] = {}
        for cluster in clusters:
            for cid in cluster.claims:
                unit.setdefault(cid, cluster.id)
        self.scale = scale
        self.keyed: dict[tuple, set] = {}
        self.keyed_claims: dict[tuple, set] = {}
        self.amounts: list[tuple] = []
        for c in claims:
            fact = unit.get(c.id, c.id)
            for _, kind, slot in _slots(c):
                if kind == "Q":
                    self.amounts.append((slot, fact, c.id))
                else:
                    self.keyed.setdefault(_value_key(kind, slot), set()).add(fact)
                    self.keyed_claims.setdefault(_value_key(kind, slot), set()).add(c.id)
        self.cache: dict[int, tuple] = {}

    def _amount(self, slot) -> tuple:
        got = self.cache.get(id(slot))
        if got is None:
            same = [(fact, cid) for q, fact, cid in self.amounts if _same("Q", q, slot, self.scale)]
            got = self.cache[id(slot)] = ({f for f, _ in same}, {c for _, c in same})
        return got

    def count(self, kind: str, slot) -> int:
        if kind != "Q":
            return len(self.keyed.get(_value_key(kind, slot), ()))
        return len(self._amount(slot)[0])

    def holders(self, kind: str, slot) -> set:
        """The ids of the claims that state ``slot``'s value."""
        if kind != "Q":
            return self.keyed_claims.get(_value_key(kind, slot), set())
        return self._amount(slot)[1]


def _value_key(kind: str, slot) -> tuple:
    return (kind, slot.low, slot.high) if kind == "D" else (kind, _name(slot.key))


def _told_in(article: str, cy: Claim, kind: str, value, by_id, mates, telling, scale: Scale) -> bool:
    """``article`` states ``value`` (Y's) in a sentence that tells what ``cy`` tells."""
    for mid in mates.get(cy.id, ()):
        m = by_id.get(mid)
        if m is None or m.article != article or not telling(m, cy):
            continue
        if any(k == kind and _same(kind, slot, value, scale) for _, k, slot in _slots(m)):
            return True
    return False


def _finding(f: Finding, ey: Evidence, ez: Evidence, cx: Claim, span: tuple[int, int],
             arts: dict, index: dict, cluster) -> Finding:
    art = arts[cx.article]
    value = art.text[span[0]:span[1]]
    ex = _evidence(cx, art, value, span, index)
    evidence = tuple(sorted((ey, ex), key=lambda e: (e.article, e.start)))
    head = f.message.split(":", 1)[0]
    ya, za = arts.get(ey.article), arts.get(ez.article)
    message = (f"{head}: {label(ya) if ya else ey.article} says {quote(ey.value or '')} but "
               f"{label(art)} says {quote(value)}, as {label(za) if za else ez.article} does "
               f"({quote(ez.value or '')}) in the same account")
    fp = fingerprint(f.code, [(e.article, e.text) for e in evidence], [e.value or "" for e in evidence])
    return Finding(code=f.code, kind=f.kind, severity=f.severity,
                   confidence=round(f.confidence * CARRIED_CONFIDENCE, 6), message=message,
                   evidence=evidence, cluster=cluster, fingerprint=fp)
