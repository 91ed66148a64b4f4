"""HTML reporter: one self-contained page (inline CSS and JS, nothing external).

This module only prepares plain view data from the :class:`Report` (text
segments, anchors, highlight spans); the jinja2 templates in ``templates/``
lay it out with autoescaping on, so article text is always shown as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import jinja2

from ..records import SEVERITIES, Claim, Evidence, Finding, Report
from ._common import family, labels

TEMPLATES = Path(__file__).with_name("templates")
#: verify-mode statuses, worst first (the worst one colours a claim)
STATUS_ORDER = ("contradicted", "partial", "unsupported", "supported")

_env: Optional[jinja2.Environment] = None


def environment() -> jinja2.Environment:
    """The jinja2 environment (autoescape on, templates from the package folder)."""
    global _env
    if _env is None:
        _env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return _env


def anchor(claim_id: str) -> str:
    """HTML id of a claim: ``<article id>-<n>`` (whitespace replaced)."""
    art, _, n = claim_id.rpartition(":")
    return re.sub(r"\s", "_", f"{art}-{n}" if art else claim_id)


def article_anchor(article_id: str) -> str:
    """HTML id of an article section."""
    return re.sub(r"\s", "_", f"article-{article_id}")


@dataclass
class Segment:
    """A run of article text with how to show it."""

    text: str
    claim: Optional[str] = None  # claim id covering this run
    anchor: Optional[str] = None  # set on the first run of a claim
    ignored: bool = False
    flagged: bool = False  # the claim is evidence in a finding
    status: Optional[str] = None  # verify mode


@dataclass
class EvidenceView:
    ev: Evidence
    outlet: str
    anchor: str
    before: str
    value: str
    after: str


@dataclass
class FindingView:
    f: Finding
    index: int
    family: str
    outlets: list[str] = field(default_factory=list)  # article ids
    evidence: list[EvidenceView] = field(default_factory=list)


def split_value(ev: Evidence) -> tuple[str, str, str]:
    """Cut the evidence sentence around the compared value (before, value, after).

    Uses the value span when it lies inside the sentence, else the first
    occurrence of the value text; with neither, the whole sentence is "before".
    """
    text = ev.text
    if ev.value_start is not None and ev.value_end is not None:
        a, b = ev.value_start - ev.start, ev.value_end - ev.start
        if 0 <= a < b <= len(text):
            return text[:a], text[a:b], text[b:]
    if ev.value:
        i = text.find(ev.value)
        if i >= 0:
            return text[:i], ev.value, text[i + len(ev.value):]
    return text, "", ""


def claim_status(report: Report) -> dict[str, str]:
    """Verify mode: claim id -> worst status among the findings citing it."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    out: dict[str, str] = {}
    for f in report.findings:
        if not f.status:
            continue
        for ev in f.evidence:
            if report.subject and ev.article != report.subject:
                continue
            old = out.get(ev.claim)
            if old is None or rank.get(f.status, 99) < rank.get(old, 99):
                out[ev.claim] = f.status
    return out


def segments(text: str, claims: list[Claim], ignored, flagged: set[str],
             status: dict[str, str]) -> list[Segment]:
    """Split an article's text at claim and boilerplate boundaries."""
    cuts = {0, len(text)}
    for c in claims:
        cuts.update((max(0, c.start), min(len(text), c.end)))
    for a, b in ignored:
        cuts.update((max(0, a), min(len(text), b)))
    points = sorted(cuts)
    out: list[Segment] = []
    seen: set[str] = set()
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        claim = next((c for c in ordered if c.start <= a and b <= c.end), None)
        seg = Segment(text=text[a:b], ignored=any(x <= a and b <= y for x, y in ignored))
        if claim is not None:
            seg.claim = claim.id
            seg.flagged = claim.id in flagged
            seg.status = status.get(claim.id)
            if claim.id not in seen:
                seen.add(claim.id)
                seg.anchor = anchor(claim.id)
        out.append(seg)
    return out


def finding_views(report: Report) -> list[FindingView]:
    """Findings in report order with their evidence cut around the value."""
    names = labels(report)
    views = []
    for i, f in enumerate(report.findings, 1):
        v = FindingView(f=f, index=i, family=family(f.code))
        for ev in f.evidence:
            if ev.article not in v.outlets:
                v.outlets.append(ev.article)
            before, value, after = split_value(ev)
            v.evidence.append(EvidenceView(ev, names.get(ev.article, ev.article),
                                           anchor(ev.claim), before, value, after))
        views.append(v)
    return views


#: with more articles than this, the matrix lists per row only the outlets
#: that tell the fact (a column per outlet would be unreadable, and its size
#: would grow with clusters x articles)
MATRIX_MAX_COLUMNS = 30


def matrix_is_wide(report: Report) -> bool:
    return len(report.articles) <= MATRIX_MAX_COLUMNS


def matrix(report: Report, flagged: set[str]) -> list[dict]:
    """Outlet matrix rows: clusters spanning >= 2 articles; one cell per
    article (wide matrix) or per article that tells the fact (compact)."""
    by_id = {c.id: c for c in report.claims}
    wide = matrix_is_wide(report)
    codes: dict[str, list[str]] = {}
    for f in report.findings:
        if f.cluster:
            codes.setdefault(f.cluster, [])
            if f.code not in codes[f.cluster]:
                codes[f.cluster].append(f.code)
    rows = []
    for cl in report.clusters:
        if len(set(cl.articles)) < 2:
            continue
        members: dict[str, list[Claim]] = {}
        for cid in cl.claims:
            if cid in by_id:
                members.setdefault(by_id[cid].article, []).append(by_id[cid])
        cells = []
        for art in report.articles:
            items = members.get(art.id, [])
            if not items and not wide:
                continue
            cells.append({"article": art.id, "label": art.label, "claims": [
                {"text": c.text, "anchor": anchor(c.id), "flagged": c.id in flagged}
                for c in items]})
        rows.append({"id": cl.id, "codes": codes.get(cl.id, []), "cells": cells,
                     "flagged": any(x["flagged"] for cell in cells for x in cell["claims"])})
    return rows


def verify_rows(report: Report, status: dict[str, str]) -> list[dict]:
    """Verify mode: each claim of the subject with its status and source evidence."""
    names = labels(report)
    rows = []
    for c in report.claims:
        if c.article != report.subject:
            continue
        sources = []
        for f in report.findings:
            if not any(ev.claim == c.id for ev in f.evidence):
                continue
            for ev in f.evidence:
                if ev.article == report.subject:
                    continue
                before, value, after = split_value(ev)
                sources.append({"outlet": names.get(ev.article, ev.article),
                                "anchor": anchor(ev.claim), "before": before,
                                "value": value, "after": after, "status": f.status,
                                "code": f.code, "message": f.message})
        rows.append({"claim": c, "anchor": anchor(c.id), "status": status.get(c.id),
                     "sources": sources})
    return rows


def context(report: Report) -> dict:
    """Everything the templates need, as plain data."""
    # claims taking part in a disagreement (a "supported" verdict is not one)
    flagged = {ev.claim for f in report.findings if f.status != "supported"
               for ev in f.evidence}
    status = claim_status(report) if report.mode == "verify" else {}
    by_article: dict[str, list[Claim]] = {}
    for c in report.claims:
        by_article.setdefault(c.article, []).append(c)
    articles = [{"a": a, "anchor": article_anchor(a.id),
                 "segments": segments(a.text, by_article.get(a.id, []), a.ignored,
                                      flagged, status),
                 "claims": len(by_article.get(a.id, []))}
                for a in report.articles]
    findings = finding_views(report)
    used = {f.code for f in report.findings}
    return {
        "report": report,
        "summary": report.summary,
        "severities": SEVERITIES,
        "names": labels(report),
        "articles": articles,
        "findings": findings,
        "families": sorted({v.family for v in findings}),
        "matrix": matrix(report, flagged),
        "matrix_wide": matrix_is_wide(report),
        "rules": [r for r in report.rules if r.code in used],
        "verify": verify_rows(report, status) if report.mode == "verify" else [],
        "statuses": STATUS_ORDER,
        "model_name": (report.model or {}).get("name") or "none",
    }


def render(report: Report) -> str:
    """The report as one self-contained HTML page."""
    return environment().get_template("report.html").render(**context(report))
