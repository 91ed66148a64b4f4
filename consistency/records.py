"""The data model shared by every stage: frozen dataclasses.

Each record has ``to_dict()`` returning plain JSON-ready data; ``Report.to_dict()``
is exactly the JSON output (schema ``consistency.report/1``).  Offsets (``start``,
``end``) are always character offsets into ``Article.text``.
"""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA = "consistency.report/1"

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
#: verify mode: a claim's status is the worst of its findings' statuses
VERIFY_RANK = {"contradicted": 0, "partial": 1, "unsupported": 2, "supported": 3}


def _num(x: Optional[float]) -> Any:
    """JSON-safe number: None for unbounded/missing, ints where integral."""
    if x is None or (isinstance(x, float) and (math.isinf(x) or math.isnan(x))):
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _iso(d: Optional[_dt.date]) -> Optional[str]:
    return d.isoformat() if d is not None else None


# ---------------------------------------------------------------- articles
@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str
    lang: str
    outlet: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[_dt.date] = None
    #: where ``published`` came from: "front-matter", "metadata", "text",
    #: "sources" (a report under verification dated by its sources) or None (unknown)
    published_source: Optional[str] = None
    #: "front-matter" or "detected"
    lang_source: str = "detected"
    #: character ranges [start, end) judged boilerplate (never deleted from text)
    ignored: tuple[tuple[int, int], ...] = ()
    #: front matter range, also ignored for claims
    encoding: str = "utf-8"
    #: human-readable notes about loading (encoding fallback, ...)
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What to call this article in messages: outlet if known, else its id."""
        return self.outlet or self.id

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "lang": self.lang,
            "lang_source": self.lang_source,
            "published": _iso(self.published),
            "published_source": self.published_source,
            "encoding": self.encoding,
            "ignored": [list(r) for r in self.ignored],
            "notes": list(self.notes),
        }


# ---------------------------------------------------------------- facts
@dataclass(frozen=True)
class Equivalent:
    value: float
    unit: Optional[str]

    def to_dict(self) -> dict:
        return {"value": _num(self.value), "unit": self.unit}


#: ``Quantity.note`` of a person's age ("a 34-year-old firefighter"): read
#: as an amount in years (or months), compared only in its own unit
AGE_NOTE = "an age"


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as an interval after its qualifier.

    ``low``/``high`` use ``-inf``/``inf`` for unbounded ends (``None`` in JSON);
    ``low_open``/``high_open`` say whether the bound itself is excluded
    ("over $5,000" is (5000, inf): ``low_open=True``).
    """

    kind: str  # money | count | percent | measure | score ("3-1": both numbers, larger first, as max*1000+min)
    value: float
    low: float
    high: float
    unit: Optional[str]
    qualifier: str  # exact | over | at_least | under | up_to | nearly | about
    text: str
    start: int
    end: int
    measures: Optional[str] = None
    equivalents: tuple[Equivalent, ...] = ()
    low_open: bool = False
    high_open: bool = False
    #: e.g. "bare $ read as USD"
    note: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "value": _num(self.value),
            "low": _num(self.low),
            "high": _num(self.high),
            "low_open": self.low_open,
            "high_open": self.high_open,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "measures": self.measures,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "equivalents": [e.to_dict() for e in self.equivalents],
            "note": self.note,
        }


@dataclass(frozen=True)
class TimeRef:
    """A date or period as an interval of days with a granularity.

    ``resolved`` is False for relative expressions that could not be anchored
    (no publication date): then ``low``/``high`` are None and ``relative``
    keeps the normalised expression (e.g. "last year").
    """

    text: str
    start: int
    end: int
    low: Optional[_dt.date]
    high: Optional[_dt.date]
    granularity: str  # day | week | month | part-of-month | season | year | ...
    resolved: bool = True
    relative: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "low": _iso(self.low),
            "high": _iso(self.high),
            "granularity": self.granularity,
            "resolved": self.resolved,
            "relative": self.relative,
        }


@dataclass(frozen=True)
class Entity:
    text: str
    type: str  # ORG | PER | LOC | NORP | MISC
    key: str  # canonical key, language-independent where known
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "type": self.type, "key": self.key,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Attribution:
    source: str  # the source as written
    key: str  # canonical key of the source
    verb: str  # reporting verb / cue ("according to", "reported", "según", ...)
    text: str  # the whole attribution phrase
    start: int
    end: int
    #: where the source's own name sits (for highlighting); defaults to the phrase
    source_start: Optional[int] = None
    source_end: Optional[int] = None
    #: how the claim got this source: "explicit" (stated in the sentence),
    #: "resolved" (a generic mention such as "the report" resolved to a named
    #: source earlier in the article) or "inherited" (the article credits all its
    #: reporting to this source, e.g. in its lead, and the claim states none)
    how: str = "explicit"
    #: for "resolved"/"inherited": the claim id where the source is named
    via: Optional[str] = None

    def to_dict(self) -> dict:
        return {"source": self.source, "key": self.key, "verb": self.verb,
                "text": self.text, "start": self.start, "end": self.end,
                "source_start": self.source_start, "source_end": self.source_end,
                "how": self.how, "via": self.via}


@dataclass(frozen=True)
class Negation:
    cue: str
    start: int
    end: int
    #: what is negated, when it can be told (e.g. the verb phrase)
    scope: Optional[str] = None

    def to_dict(self) -> dict:
        return {"cue": self.cue, "start": self.start, "end": self.end, "scope": self.scope}


@dataclass(frozen=True)
class Facts:
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[TimeRef, ...] = ()
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    negations: tuple[Negation, ...] = ()

    @property
    def negated(self) -> bool:
        return bool(self.negations)

    def to_dict(self) -> dict:
        return {
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
            "entities": [e.to_dict() for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "negated": self.negated,
            "negations": [n.to_dict() for n in self.negations],
        }


# ---------------------------------------------------------------- claims
@dataclass(frozen=True)
class Claim:
    id: str  # "<article id>:<n>"
    article: str  # article id
    text: str
    start: int
    end: int
    lang: str
    line: int  # 1-based line of ``start``
    end_line: int  # 1-based line of ``end``
    column: int = 1  # 1-based column of ``start``
    end_column: int = 1  # 1-based column just past ``end``
    headline: bool = False
    checkworthy: bool = False
    facts: Facts = field(default_factory=Facts)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "end_line": self.end_line,
            "column": self.column,
            "end_column": self.end_column,
            "lang": self.lang,
            "headline": self.headline,
            "checkworthy": self.checkworthy,
            "facts": self.facts.to_dict(),
        }


# ---------------------------------------------------------------- clusters
@dataclass(frozen=True)
class Cluster:
    id: str  # "c<n>", numbered in a deterministic order
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    #: similarity figures: {"min": .., "mean": .., "max": ..} over linked pairs
    similarity: tuple[tuple[str, float], ...] = ()
    #: the linked pairs with their similarity (claim id a, claim id b, cosine)
    links: tuple[tuple[str, str, float], ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "claims": list(self.claims),
            "articles": list(self.articles),
            "similarity": {k: round(v, 4) for k, v in self.similarity},
            "links": [[a, b, round(s, 4)] for a, b, s in self.links],
        }


# ---------------------------------------------------------------- findings
@dataclass(frozen=True)
class Evidence:
    article: str
    claim: str
    start: int  # claim span in the article text
    end: int
    text: str  # the claim sentence
    value: Optional[str] = None  # the compared value, as written
    value_start: Optional[int] = None  # span of the value in the article text
    value_end: Optional[int] = None
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1

    def to_dict(self) -> dict:
        return {
            "article": self.article,
            "claim": self.claim,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "value_start": self.value_start,
            "value_end": self.value_end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True)
class Finding:
    code: str
    kind: str  # quantity|date|attribution|actor|location|negation|unsupported|support
    severity: str  # error|warning|info
    confidence: float
    message: str
    evidence: tuple[Evidence, ...]
    cluster: Optional[str] = None
    fingerprint: str = ""
    baseline_state: Optional[str] = None  # new | unchanged (only with a baseline)
    suppressed: Optional[str] = None  # reason, when accepted in the baseline
    #: verify mode: status of the report claim (supported|contradicted|...)
    status: Optional[str] = None

    def to_dict(self) -> dict:
        d = {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "kind": self.kind,
            "severity": self.severity,
            "confidence": round(self.confidence, 3),
            "message": self.message,
            "cluster": self.cluster,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.baseline_state is not None:
            d["baseline_state"] = self.baseline_state
        if self.suppressed is not None:
            d["suppressed"] = self.suppressed
        if self.status is not None:
            d["status"] = self.status
        return d


@dataclass(frozen=True)
class RuleInfo:
    """What reporters may know of a rule (they never import the rules)."""

    code: str
    name: str
    kind: str
    severity: str
    summary: str  # one line
    doc: str  # full doc with examples

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind,
                "severity": self.severity, "summary": self.summary, "doc": self.doc}


@dataclass(frozen=True)
class Report:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    clusters: tuple[Cluster, ...] = ()
    findings: tuple[Finding, ...] = ()
    rules: tuple[RuleInfo, ...] = ()
    model: Optional[dict] = None  # {"name": ..., "id": ..., "threshold": ...}
    version: str = ""
    mode: str = "check"  # check | verify | extract
    #: baseline entries no longer found: [{"fingerprint", "code", "message"}]
    absent: tuple[dict, ...] = ()
    #: free-form notes for the summary (skipped files, warnings)
    notes: tuple[str, ...] = ()
    #: verify mode: the id of the article under review
    subject: Optional[str] = None

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    @property
    def summary(self) -> dict:
        by_sev = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            if f.suppressed is None:
                by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
        s: dict[str, Any] = {
            "articles": len(self.articles),
            "claims": len(self.claims),
            "checkworthy": sum(1 for c in self.claims if c.checkworthy),
            "clusters": len(self.clusters),
            "findings": sum(by_sev.values()),
            "by_severity": by_sev,
            "suppressed": sum(1 for f in self.findings if f.suppressed is not None),
            "unknown_dates": sorted(a.id for a in self.articles if a.published is None),
            "notes": list(self.notes),
        }
        if any(f.baseline_state for f in self.findings) or self.absent:
            s["new"] = sum(1 for f in self.findings if f.baseline_state == "new")
            s["unchanged"] = sum(1 for f in self.findings if f.baseline_state == "unchanged")
            s["absent"] = len(self.absent)
        if self.mode == "verify":
            # one status per claim under review (its first evidence), the worst
            # of its findings: a claim contradicted by two sources counts once
            status: dict[str, str] = {}
            for f in self.findings:
                if f.status and f.evidence:
                    cid = f.evidence[0].claim
                    old = status.get(cid)
                    if old is None or VERIFY_RANK.get(f.status, 9) < VERIFY_RANK.get(old, 9):
                        status[cid] = f.status
            counts: dict[str, int] = {}
            for st in status.values():
                counts[st] = counts.get(st, 0) + 1
            s["verify"] = dict(sorted(counts.items()))
            s["subject"] = self.subject
        return s

    def to_dict(self) -> dict:
        d = {
            "schema": SCHEMA,
            "tool": {"name": "consistency", "version": self.version},
            "mode": self.mode,
            "model": self.model,
            "articles": [a.to_dict() for a in self.articles],
            "claims": [c.to_dict() for c in self.claims],
            "clusters": [c.to_dict() for c in self.clusters],
            "findings": [f.to_dict() for f in self.findings],
            "rules": [r.to_dict() for r in self.rules],
            "summary": self.summary,
        }
        if self.absent:
            d["absent"] = list(self.absent)
        return d
