"""SARIF 2.1.0 reporter, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule of the report; one result per
finding with one physical location per evidence sentence.  Columns are
Unicode code points (``run.columnKind``), 1-based, end column exclusive, as
in :class:`consistency.records.Evidence`.

Baseline entries that are no longer found (``Report.absent``) are NOT
emitted as results: several viewers treat every result as an open alert
whatever its ``baselineState``.  They are listed in ``run.properties.absent``.
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ..records import Evidence, Finding, Report, RuleInfo

SCHEMA_URI = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
              "sarif-schema-2.1.0.json")
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "consistency/v1"


def artifact_uri(path: str) -> str:
    """A relative, forward-slash, percent-encoded URI for an article path.

    Absolute paths under the current directory are made relative to it;
    other absolute paths become ``file:`` URIs.
    """
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    posix = PurePosixPath(*p.parts).as_posix() if p.parts else "."
    return quote(posix, safe="/")


def _rule(info: RuleInfo) -> dict:
    d = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.name},
        "fullDescription": {"text": info.doc or info.summary or info.name},
        "help": {"text": info.doc or info.summary or info.name},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
        "properties": {"kind": info.kind, "tags": [info.kind]},
    }
    return d


def _rules(report: Report) -> list[RuleInfo]:
    """Every rule of the report, plus a minimal entry for codes it lacks."""
    rules = list(report.rules)
    known = {r.code for r in rules}
    for f in report.findings:
        if f.code not in known:
            known.add(f.code)
            rules.append(RuleInfo(code=f.code, name=f.code, kind=f.kind, severity=f.severity,
                                  summary=f.code, doc=""))
    return rules


def _location(ev: Evidence, index: int, uri: str, label: str) -> dict:
    region = {
        "startLine": max(1, ev.line),
        "startColumn": max(1, ev.column),
        "endLine": max(1, ev.end_line),
        "endColumn": max(1, ev.end_column),
        "charOffset": max(0, ev.start),
        "charLength": max(0, ev.end - ev.start),
        "snippet": {"text": ev.text},
    }
    what = f"{label}: {ev.value}" if ev.value else label
    return {
        "physicalLocation": {"artifactLocation": {"uri": uri, "index": index},
                             "region": region},
        "message": {"text": what},
    }


def _result(f: Finding, rule_index: dict[str, int], artifacts: dict[str, tuple[int, str]],
            names: dict[str, str]) -> dict:
    res: dict = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [
            _location(ev, *artifacts.get(ev.article, (-1, ev.article)),
                      names.get(ev.article, ev.article))
            for ev in f.evidence
        ],
    }
    if f.fingerprint:
        res["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.baseline_state in ("new", "unchanged"):
        res["baselineState"] = f.baseline_state
    if f.suppressed is not None:
        # "[inline: …]" marks a directive written in the article itself
        kind = "inSource" if "[inline:" in f.suppressed else "external"
        res["suppressions"] = [{"kind": kind, "status": "accepted",
                                "justification": f.suppressed}]
    props = {"kind": f.kind, "confidence": round(f.confidence, 3)}
    if f.cluster:
        props["cluster"] = f.cluster
    if f.status:
        props["status"] = f.status
    res["properties"] = props
    return res


def to_sarif(report: Report) -> dict:
    """The report as a SARIF 2.1.0 log (a plain dict)."""
    rules = _rules(report)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    names = {a.id: a.label for a in report.articles}
    artifacts = {a.id: (i, artifact_uri(a.path)) for i, a in enumerate(report.articles)}
    driver: dict = {"name": "consistency", "rules": [_rule(r) for r in rules]}
    if report.version:
        driver["version"] = report.version
    run: dict = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "artifacts": [
            {"location": {"uri": artifacts[a.id][1]}, "encoding": a.encoding,
             "properties": {"article": a.id, "outlet": a.outlet, "lang": a.lang}}
            for a in report.articles
        ],
        "results": [_result(f, rule_index, artifacts, names) for f in report.findings],
    }
    props: dict = {"mode": report.mode}
    if report.model:
        props["model"] = report.model
    if report.subject:
        props["subject"] = report.subject
    if report.absent:
        props["absent"] = list(report.absent)
    if report.notes:
        props["notes"] = list(report.notes)
    run["properties"] = props
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    """The SARIF log as JSON text, ending in a newline."""
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"
