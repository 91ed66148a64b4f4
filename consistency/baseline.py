"""Baselines: accepted findings, so CI fails only on NEW contradictions.

A baseline is a JSON file::

    {
      "schema": "consistency.baseline/1",
      "findings": [
        {"fingerprint": "9f2c…", "code": "QTY001", "severity": "error",
         "message": "…", "articles": ["000", "002"], "reason": "checked with the desk"}
      ]
    }

Entries are sorted by fingerprint.  ``reason`` is optional: an entry with a
reason marks the finding as accepted (suppressed) and the reason is shown in
every output; an entry without one only keeps the finding from failing the
run (it is ``unchanged``, not ``new``).  Rewriting a baseline keeps the reasons
already given.  Fingerprints are made by the rule engine (see
``consistency.rules.engine``).  A malformed baseline is an input error (exit 2)
and is never rewritten.  A JSON report (``--json``) is accepted as a baseline
too.
"""
from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .records import Finding, Report

SCHEMA = "consistency.baseline/1"


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    code: str
    severity: str = ""
    message: str = ""
    articles: tuple[str, ...] = ()
    reason: str | None = None

    def to_dict(self) -> dict:
        d = {"fingerprint": self.fingerprint, "code": self.code, "severity": self.severity,
             "message": self.message, "articles": list(self.articles)}
        if self.reason:
            d["reason"] = self.reason
        return d


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[Entry, ...]

    def by_fingerprint(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}


def load(path: str | os.PathLike) -> Baseline:
    """Read and validate a baseline (or a JSON report used as one).

    Raises :class:`InputError` naming the file when it is missing, unreadable or
    malformed.
    """
    p = str(path)
    try:
        raw = Path(p).read_bytes()
    except FileNotFoundError:
        raise InputError("baseline file not found", p)
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror}", p)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("baseline is not UTF-8 text", p)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed baseline: line {exc.lineno}: {exc.msg}", p)
    if isinstance(data, dict) and data.get("schema") == "consistency.report/1":
        items = data.get("findings")  # a JSON report works as a baseline too
    elif isinstance(data, dict) and data.get("schema") == SCHEMA:
        items = data.get("findings")
    else:
        raise InputError(f"malformed baseline: expected an object with \"schema\": \"{SCHEMA}\"", p)
    if not isinstance(items, list):
        raise InputError("malformed baseline: \"findings\" must be a list", p)
    entries = []
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) \
                or not isinstance(item.get("code"), str):
            raise InputError(f"malformed baseline: entry {n} needs \"fingerprint\" and \"code\" strings", p)
        if item["fingerprint"] in seen:
            raise InputError(f"malformed baseline: entry {n} repeats fingerprint {item['fingerprint']}", p)
        seen.add(item["fingerprint"])
        arts = item.get("articles")
        if arts is None and isinstance(item.get("evidence"), list):
            arts = sorted({e.get("article") for e in item["evidence"] if isinstance(e, dict)})
        if arts is not None and not isinstance(arts, list):
            raise InputError(f"malformed baseline: entry {n}: \"articles\" must be a list", p)
        reason = item.get("reason", item.get("suppressed"))
        if reason is not None and not isinstance(reason, str):
            raise InputError(f"malformed baseline: entry {n}: \"reason\" must be a string", p)
        entries.append(Entry(item["fingerprint"], item["code"], str(item.get("severity", "")),
                             str(item.get("message", "")), tuple(str(a) for a in (arts or [])),
                             str(reason) if reason else None))
    return Baseline(p, tuple(entries))


def entries_for(findings: Iterable[Finding], previous: Baseline | None = None) -> list[Entry]:
    """Baseline entries for ``findings``, sorted by fingerprint.

    Reasons already given in ``previous`` are kept.  Findings suppressed inline
    in an article (and not in ``previous``) are left out: they are accepted
    where they occur.
    """
    old = previous.by_fingerprint() if previous else {}
    out: dict[str, Entry] = {}
    for f in findings:
        if f.fingerprint in old:
            reason = old[f.fingerprint].reason
        elif f.suppressed is not None:
            continue
        else:
            reason = None
        out[f.fingerprint] = Entry(f.fingerprint, f.code, f.severity, f.message,
                                   tuple(sorted({e.article for e in f.evidence})), reason)
    return [out[k] for k in sorted(out)]


def dumps(entries: Iterable[Entry]) -> str:
    return json.dumps({"schema": SCHEMA, "findings": [e.to_dict() for e in entries]},
                      ensure_ascii=False, indent=2) + "\n"


def write(path: str | os.PathLike, findings: Iterable[Finding], previous: Baseline | None = None) -> None:
    """Write atomically (temp file in the same folder, then rename)."""
    atomic_write(path, dumps(entries_for(findings, previous)))


def atomic_write(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` through a temp file in the same folder and a
    rename, so readers see the old file or the new one, never half of one."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("cannot write: the folder does not exist", str(p))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", str(p))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, p)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"cannot write: {exc.strerror}", str(p))
        raise


def apply_to_report(report: Report, baseline: Baseline) -> Report:
    """Mark findings new/unchanged, attach reasons, list absent entries."""
    known = baseline.by_fingerprint()
    found = set()
    findings = []
    for f in report.findings:
        entry = known.get(f.fingerprint)
        if entry is None:
            findings.append(dataclasses.replace(f, baseline_state="new"))
        else:
            found.add(f.fingerprint)
            findings.append(dataclasses.replace(f, baseline_state="unchanged",
                                                suppressed=entry.reason or f.suppressed))
    absent = tuple(e.to_dict() for e in baseline.entries if e.fingerprint not in found)
    return dataclasses.replace(report, findings=tuple(findings), absent=absent)


FAIL_RANK = {"error": 0, "warning": 1, "info": 2}


def failing(report: Report, fail_on: str) -> list[Finding]:
    """Findings that make the run fail: at or above ``fail_on``, not suppressed,
    and new when a baseline was applied."""
    if fail_on == "never":
        return []
    limit = FAIL_RANK[fail_on]
    return [f for f in report.findings
            if FAIL_RANK.get(f.severity, 9) <= limit and f.suppressed is None
            and f.baseline_state in (None, "new")]
