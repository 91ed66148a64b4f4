"""Two false swaps in a faithful summary (``tests/verify/named_elsewhere``:
one English article with names no table of the project knows, through the
real model).

* The words around "Cardvault" ("... against the alleged identity theft
  forum Cardvault.net") read closest to the headline "Dozens held over ID
  theft forum", which names "ID" there: a headline is no sentence a report's
  words come from (``_Prefer.home`` reads the body only).
* "The Danish Cyber Crime Centre, which arrested the Dane ..." reads closest
  to "A 20-year-old man from Aarhus was arrested by the Danish Cyber Crime
  Centre", where "Aarhus" stands near; the summary's first sentence names
  Aarhus itself, so the Dane did not replace it (``window_swaps`` with
  ``report``: a detail the report states elsewhere was not replaced).

Before, both were reported as SUP002 (partial)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

DATA = Path(__file__).parent / "verify" / "named_elsewhere"


@pytest.mark.model
def test_a_faithful_summary_naming_the_replaced_detail_elsewhere_is_quiet(checker):  # noqa: F811
    report = checker.verify(str(DATA / "faithful.md"), [str(DATA / "article.md")])
    assert loud(report) == []
    mine = [c for c in report.claims if c.article == report.subject and c.checkworthy]
    statuses = {f.evidence[0].claim: f.status for f in report.findings}
    assert [statuses.get(c.id) for c in mine] == ["supported", "supported"]
