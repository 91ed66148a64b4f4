"""Inline suppression: accept a reviewed finding inside the article itself.

Two forms, both with a mandatory reason after ``--``:

* in the front matter, for the whole article::

      ---
      outlet: Havana Wire
      consistency: ignore QTY001, ATT -- figures confirmed with the desk
      ---

* on a line of its own in the body, for the next non-blank line (the
  paragraph the directive sits on top of)::

      consistency: ignore NEG001 -- the ministry later named the network
      The Cuban foreign ministry identified the responsible parties.

Codes are rule codes or prefixes (``QTY001``, ``QTY``), separated by commas
or spaces; ``all`` (or no code at all) matches every rule.  A finding is
suppressed when one of its evidence spans is covered by a matching
directive; its ``suppressed`` field then holds the reason and where it was
given (``"<reason> [inline: <article id> line <n>]"``).  Suppressed findings
never fail a run.

Directive lines never become claims: front matter is not read for claims, and
body lines matching ``consistency: ignore`` are boilerplate (the line pattern
in ``consistency/lang/boilerplate.toml``).  A directive without a reason is an
input error naming the file and line.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Optional

from .errors import InputError
from .records import Article, Finding, Report

_DIRECTIVE = re.compile(r"^[ \t]*consistency[ \t]*:[ \t]*ignore\b(?P<rest>.*)$", re.I | re.M)
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_REASON = re.compile(r"\s--\s*|\s*[–—]\s*")


@dataclass(frozen=True)
class Directive:
    """One ``consistency: ignore`` directive of an article."""

    article: str
    codes: tuple[str, ...]  # upper-case codes or prefixes; empty: every rule
    reason: str
    line: int  # 1-based line of the directive
    start: int  # character range it covers in the article text
    end: int

    def matches(self, code: str) -> bool:
        return not self.codes or any(code.upper().startswith(c) for c in self.codes)

    def covers(self, start: int, end: int) -> bool:
        return start < self.end and end > self.start


def _parse(rest: str, article: Article, line: int) -> tuple[tuple[str, ...], str]:
    head, sep, reason = rest.partition(" --")
    if not sep:
        m = _REASON.search(rest)
        head, reason = (rest[:m.start()], rest[m.end():]) if m else (rest, "")
    reason = reason.lstrip("- ").strip()
    if not reason:
        raise InputError(f"line {line}: inline suppression needs a reason: "
                         f"'consistency: ignore CODES -- reason'", article.path)
    codes = tuple(c.upper() for c in re.split(r"[,\s]+", head.strip()) if c)
    for c in codes:
        if not re.fullmatch(r"[A-Z]{2,4}\d{0,3}|ALL", c):
            raise InputError(f"line {line}: {c!r} is not a rule code or prefix", article.path)
        if c != "ALL" and not any(code.startswith(c) for code in _codes()):
            # a mistyped code would suppress nothing, and say nothing
            raise InputError(f"line {line}: no rule code starts with {c!r} (see 'consistency rules')",
                             article.path)
    return (() if "ALL" in codes else codes), reason


def _codes() -> tuple[str, ...]:
    from .rules import all_rules

    return tuple(r.code for r in all_rules())


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _next_paragraph(text: str, pos: int) -> tuple[int, int]:
    """The range of the first non-blank line at or after ``pos``."""
    m = re.compile(r"[^\s]").search(text, pos)
    if not m:
        return len(text), len(text)
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.start())
    return start, (len(text) if end < 0 else end)


def directives(article: Article) -> list[Directive]:
    """Every directive of ``article``: front matter first, then body lines."""
    text = article.text
    out: list[Directive] = []
    front = _FRONT.match(text)
    body_from = front.end() if front else 0
    for m in _DIRECTIVE.finditer(text):
        line = _line_of(text, m.start())
        codes, reason = _parse(m.group("rest"), article, line)
        if m.start() < body_from:
            start, end = 0, len(text)
        else:
            start, end = _next_paragraph(text, m.end())
        out.append(Directive(article.id, codes, reason, line, start, end))
    return out


def _reason(f: Finding, found: dict[str, list[Directive]]) -> Optional[str]:
    for ev in f.evidence:
        for d in found.get(ev.article, ()):
            if d.matches(f.code) and d.covers(ev.start, ev.end):
                return f"{d.reason} [inline: {d.article} line {d.line}]"
    return None


def apply(report: Report) -> Report:
    """``report`` with findings covered by an inline directive marked suppressed
    (findings already suppressed keep their reason)."""
    found = {a.id: directives(a) for a in report.articles}
    if not any(found.values()):
        return report
    findings = []
    for f in report.findings:
        reason = None if f.suppressed is not None else _reason(f, found)
        findings.append(f if reason is None else dataclasses.replace(f, suppressed=reason))
    return dataclasses.replace(report, findings=tuple(findings))
