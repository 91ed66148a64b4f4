"""JSON reporter: exactly ``Report.to_dict()``, deterministic.

Named ``jsonout`` so that it never shadows the standard library ``json``.
"""
from __future__ import annotations

import json

from ..records import Report


def render(report: Report) -> str:
    """The report as JSON (schema ``consistency.report/1``), ending in a newline."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
