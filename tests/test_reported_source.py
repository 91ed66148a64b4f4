"""A claim that reports another claim's source at one remove does not credit
it differently (``tests/data/reported_source``: en, es, names no table
knows).

"Port director Teodora Blasco said the terminal would close ..." and "A
report by the consultancy Arnhal Group says Teodora Blasco told port staff
the terminal would close ..." credit one statement to one person, the
second through a report: no "sources differ" between them, in one language
(a_en / b_en) or across languages (b_en / d_es: "La directora del puerto,
Teodora Blasco, anunció ...").  A source the other claim does not name at
all still differs: Radio Quilmar (c_es) against each of the others."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "reported_source"


@pytest.mark.model
def test_a_source_reported_at_one_remove_is_not_a_second_source(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, [(e.article, e.value) for e in f.evidence])
                 for f in report.findings if f.severity in ("warning", "error"))
    assert got == [
        ("ATT001", "warning", [("a_en", "Teodora Blasco"), ("c_es", "Radio Quilmar")]),
        ("ATT001", "warning", [("b_en", "report by the consultancy Arnhal Group"), ("c_es", "Radio Quilmar")]),
        ("ATT001", "warning", [("c_es", "Radio Quilmar"), ("d_es", "Teodora Blasco")]),
    ]
