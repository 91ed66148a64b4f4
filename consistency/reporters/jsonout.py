"""JSON reporter: exactly ``Report.to_dict()``, deterministic.

Named ``jsonout`` so that it never shadows the standard library ``json``.
"""
from __future__ import annotations

import json

from ..records import Report


def render(report: Report) -> str:
    """The report as JSON (schema ``consistency.report/1``), ending in a newline."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def chunks(report: Report):
    """The same text as :func:`render`, piece by piece, so a large report can
    be written without holding the whole document in memory."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=False).iterencode(report.to_dict())
    yield "\n"
