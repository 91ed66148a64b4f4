"""The rule engine: runs every active rule over the claim pairs of each cluster
and turns their judgements into :class:`~consistency.records.Finding` records.

What the engine does (rules only judge):

* **pairs** — within a cluster, every two claims from *different* articles,
  ordered by article id, then claim position;
* **selection** — ``config.select`` / ``config.ignore`` by code or prefix
  (``"QTY"``, ``"ATT002"``), and per-rule ``config.rules[CODE]``:
  ``enabled`` (false switches the rule off) and ``severity`` (replaces the
  severity of every finding of that rule);
* **background** — entity keys found in at least ``BACKGROUND_SHARE`` of all
  claims (and at least 3), in at least ``BACKGROUND_FACTS`` different facts (a
  cluster counts once, a claim in no cluster is a fact of its own), are passed
  to the rules as story-wide background:
  sharing "Russia" in a story about Russia is no evidence of the same fact;
* **stamping** — code, kind, evidence (article, claim, claim span and text,
  compared value and its span, 1-based line/column of the claim span, with
  ``end_column`` just past the end), cluster id, confidence, fingerprint;
* **de-duplication** — the same contradiction (code, the two articles, the
  compared values) is reported once per cluster, keeping the most confident;
* **order** — severity (error first), confidence descending, then article ids,
  evidence positions and code: deterministic whatever the input order.

Fingerprint: the first 16 hex digits of the SHA-256 of, joined by U+001F,
the code; the two claim texts normalised (lowercase, whitespace collapsed) and
ordered by article id; the compared values; and the two article ids, sorted.
Offsets, line numbers, cluster numbers and run order are deliberately left out,
so a fingerprint survives re-runs, reordering of input files, whitespace changes
and edits elsewhere in an article; it changes when the claim wording, the
compared values or the rule change.
"""
from __future__ import annotations

import hashlib
from itertools import combinations
from typing import Iterable, Optional, Sequence

from ..config import Config
from ..progress import Bar
from ..records import SEVERITY_RANK, Article, Claim, Cluster, Evidence, Finding
from ..textpos import LineIndex
from . import all_rules
from .base import Judgement, Pair, Rule
from .common import fragment


#: share of claims an entity key must reach to count as story-wide background
BACKGROUND_SHARE = 0.1
#: ... and the number of different facts it must appear in
BACKGROUND_FACTS = 2


def background_keys(claims: Sequence[Claim], share: float = BACKGROUND_SHARE,
                    clusters: Sequence[Cluster] = ()) -> frozenset:
    """Entity keys present in at least ``share`` of the claims (and at least 3)
    and in at least ``BACKGROUND_FACTS`` different facts.

    A fact is a cluster (the outlets telling it count once) or a claim in no
    cluster: a name every outlet repeats in one fact ("off Dover") is what
    that fact is about, not the story's background; a name in many facts
    ("Russia" in a story about the war) is."""
    unit: dict[str, str] = {}
    for cluster in clusters:
        for cid in cluster.claims:
            unit.setdefault(cid, cluster.id)
    counts: dict[str, int] = {}
    facts: dict[str, set] = {}
    for c in claims:
        for key in {e.key for e in c.facts.entities}:
            counts[key] = counts.get(key, 0) + 1
            facts.setdefault(key, set()).add(unit.get(c.id, c.id))
    floor = max(3.0, share * len(claims))
    return frozenset(k for k, n in counts.items() if n >= floor and len(facts[k]) >= BACKGROUND_FACTS)


def active_rules(config: Config) -> tuple[type[Rule], ...]:
    """The rules that ``config`` leaves switched on."""
    return tuple(r for r in all_rules() if is_active(r.code, config))


def is_active(code: str, config: Config) -> bool:
    code = code.upper()
    select = [s.strip().upper() for s in config.select if s.strip()]
    ignore = [s.strip().upper() for s in config.ignore if s.strip()]
    if select and not any(code.startswith(s) for s in select):
        return False
    if any(code.startswith(s) for s in ignore):
        return False
    enabled = str(config.rule_option(code, "enabled", "true")).strip().lower()
    return enabled not in ("0", "false", "no", "off")


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprint(code: str, claims: Sequence[tuple[str, str]], compared: Iterable[str]) -> str:
    """Stable id of a finding; ``claims`` is [(article id, claim text), ...]."""
    ordered = sorted(claims)
    parts = [code]
    parts += [normalise(text) for _, text in ordered]
    parts += [normalise(str(v)) for v in compared]
    parts += sorted(aid for aid, _ in ordered)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def run_rules(articles: Sequence[Article], claims: Sequence[Claim],
              clusters: Sequence[Cluster], config: Config,
              same_event=None) -> tuple[Finding, ...]:
    """All findings of the active rules over ``clusters``, de-duplicated and ordered.

    ``same_event`` (``consistency.slots.SameEvent``) gives each claim pair's
    slot-masked cosine (``Pair.masked``) and one-name-masked vectors
    (``Pair.variants_a``/``variants_b``)."""
    background = background_keys(claims, clusters=clusters)
    best = judge_clusters(articles, claims, clusters, config, same_event, background, config.quiet)
    return order_findings(best.values())


def order_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings in report order (see the module's documentation)."""
    return tuple(sorted(findings, key=_rank))


def judge_clusters(articles: Sequence[Article], claims: Sequence[Claim],
                   clusters: Sequence[Cluster], config: Config, same_event,
                   background: frozenset, quiet: bool = True) -> dict[tuple, Finding]:
    """The de-duplicated findings of ``clusters``, keyed by (cluster id, code,
    articles, compared values).  Each cluster is judged on its own, given the
    story-wide ``background``: clusters can be judged in any grouping (in
    parallel, on other machines) and the union of the results is the same."""
    pairs = same_event.pairs if same_event is not None else {}
    variants = same_event.variants if same_event is not None else {}
    paths = same_event.paths if same_event is not None else {}
    aligned = getattr(same_event, "links", None) or {}
    words = getattr(same_event, "words", None) or {}
    measures = getattr(same_event, "measure_words", None) or {}
    amounts = getattr(same_event, "amounts", None) or {}
    arts = {a.id: a for a in articles}
    by_id = {c.id: c for c in claims}
    rules = [r() for r in active_rules(config)]
    index: dict[str, LineIndex] = {}
    best: dict[tuple, Finding] = {}
    bar = Bar("rules", len(clusters), "clusters", quiet, minimum=200)
    for n, cluster in enumerate(clusters):
        bar.update(n)
        links = {frozenset((x, y)): s for x, y, s in cluster.links}
        threshold = config.link_threshold()
        members = sorted((by_id[c] for c in cluster.claims if c in by_id),
                         key=lambda c: (c.article, c.start, c.id))
        for a, b in combinations(members, 2):
            if a.article == b.article or a.article not in arts or b.article not in arts:
                continue
            if fragment(a) or fragment(b):
                continue  # a line of a list or a table: "Subs Not Used: Martin, Palmer."
            pair = Pair(a=a, b=b, art_a=arts[a.article], art_b=arts[b.article], config=config,
                        similarity=links.get(frozenset((a.id, b.id))), background=background,
                        best_below=a.lang != b.lang and links.get(frozenset((a.id, b.id)), threshold) < threshold,
                        masked=pairs.get(frozenset((a.id, b.id))),
                        variants_a=variants.get(a.id, {}), variants_b=variants.get(b.id, {}),
                        event_paths=tuple(paths.get(frozenset((a.id, b.id)), ())),
                        links=aligned.get((a.id, b.id), ()), aligned=(a.id, b.id) in aligned,
                        words=words.get((a.id, b.id), ()),
                        measure_words=measures.get((a.id, b.id), ()),
                        amounts_a=amounts.get(a.article, ()), amounts_b=amounts.get(b.article, ()))
            for rule in rules:
                for j in rule.check(pair) or ():
                    f = _stamp(rule, j, pair, cluster.id, config, index)
                    key = (cluster.id, f.code, a.article, b.article, j.compared)
                    old = best.get(key)
                    if old is None or _rank(f) < _rank(old):
                        best[key] = f
    bar.close()
    return best


def _rank(f: Finding) -> tuple:
    return (SEVERITY_RANK.get(f.severity, 9), -round(f.confidence, 6),
            tuple(e.article for e in f.evidence),
            tuple((e.start, e.value_start or 0) for e in f.evidence),
            f.code, f.fingerprint)


def _stamp(rule: Rule, j: Judgement, pair: Pair, cluster: Optional[str], config: Config,
           index: dict[str, LineIndex]) -> Finding:
    severity = config.rule_option(rule.code, "severity", None) or j.severity or rule.severity
    evidence = (
        _evidence(pair.a, pair.art_a, j.value_a, j.span_a, index),
        _evidence(pair.b, pair.art_b, j.value_b, j.span_b, index),
    )
    fp = fingerprint(rule.code, [(pair.a.article, pair.a.text), (pair.b.article, pair.b.text)],
                     j.compared)
    return Finding(code=rule.code, kind=rule.kind, severity=str(severity).strip().lower(),
                   confidence=max(0.0, min(1.0, j.confidence)), message=j.message,
                   evidence=evidence, cluster=cluster, fingerprint=fp)


def _evidence(claim: Claim, article: Article, value: Optional[str],
              span: Optional[tuple[int, int]], index: dict[str, LineIndex]) -> Evidence:
    idx = index.get(article.id)
    if idx is None:
        idx = index[article.id] = LineIndex(article.text)
    line, column = idx.position(claim.start)
    end_line, end_column = idx.position(claim.end)
    return Evidence(article=article.id, claim=claim.id, start=claim.start, end=claim.end,
                    text=claim.text, value=value,
                    value_start=span[0] if span else None, value_end=span[1] if span else None,
                    line=line, column=column, end_line=end_line, end_column=end_column)
