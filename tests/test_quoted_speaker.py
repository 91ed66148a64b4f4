"""A speaker described in words after a quotation is a source: '"We had ten
minutes to pack and leave," the fire chief recalled.' / '"Tuvimos diez
minutos para recoger y salir", recordó el alcalde.'  The quotation's closing
comma stands where a comma before a final reporting verb does, so the words
between it and the verb are a source whatever they are (``facts.attributions``),
and "recalled" / "recordó" report.  Before, neither sentence had a source and
two outlets crediting one quotation to two people gave no finding.  Through
the real model on a story (``tests/data/quoted_speaker``) the rules' data was
not written for; the same story's forecast, "should start to fall by
Thursday" / "empezará a bajar el jueves", dates the coming Thursday in both
(``should`` is a future marker in ``lang/en/dates.toml``), so it is no date
finding."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, findings_of  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "quoted_speaker"


@pytest.mark.model
def test_speakers_described_after_a_quotation_are_compared(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "ATT") == [
        ("ATT001", "warning", (("a_en", "a_en:3", "fire chief"), ("b_es", "b_es:3", "alcalde")))]
    assert findings_of(report, "DAT") == []
