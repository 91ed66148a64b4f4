"""Small helpers shared by the reporters (plain data, no rendering)."""
from __future__ import annotations

import re

from ..records import Finding, Report

_FAMILY = re.compile(r"[A-Za-z]+")


def family(code: str) -> str:
    """Rule family of a code: its leading letters (``QTY001`` -> ``QTY``)."""
    m = _FAMILY.match(code)
    return m.group(0).upper() if m else code


def labels(report: Report) -> dict[str, str]:
    """Article id -> what to call it (outlet, else id)."""
    return {a.id: a.label for a in report.articles}


def outlets_of(finding: Finding, names: dict[str, str]) -> list[str]:
    """Distinct outlet labels of a finding's evidence, in evidence order."""
    seen: list[str] = []
    for ev in finding.evidence:
        name = names.get(ev.article, ev.article)
        if name not in seen:
            seen.append(name)
    return seen
