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


@pytest.mark.model
def test_a_post_of_a_town_is_the_speaker_not_the_town(checker, tmp_path):  # noqa: F811
    """'the mayor of Tolvera said' credits the mayor, as the source's
    'Rosa Iribas, the mayor of Tolvera, told the Sella Valley Courier' does:
    supported.  Before, the source was read as "Tolvera" and set against the
    outlet: a false ATT001 error in verify mode."""
    source = tmp_path / "source.md"
    source.write_text((STORY / "a_en.md").read_text(encoding="utf-8").replace(
        '"We had ten minutes to pack and leave," the fire chief recalled.',
        '"We had ten minutes to pack and leave," Rosa Iribas, the mayor of Tolvera, told the Sella Valley Courier.'),
        encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("# Summary\n\nAbout 400 residents of Tolvera were moved out of their homes on Monday night.\n"
                       '"We had ten minutes to pack and leave," the mayor of Tolvera said.\n', encoding="utf-8")
    report = checker.verify(str(summary), [str(source)])
    assert [(f.code, f.severity) for f in report.findings if f.severity in ("warning", "error")] == []
    assert [(f.code, f.evidence[0].claim) for f in report.findings] == [("SUP000", "summary:2"), ("SUP000", "summary:3")]
