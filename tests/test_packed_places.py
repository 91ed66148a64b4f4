"""A sentence that tells two things, each with its place.

"Los escaladores fueron trasladados en helicóptero al centro de salud de
Villar de Tormes, donde siguen en observación; su guía, Tobías Arrieta, fue
llevado a Olmedilla de Ruesga." names the other article's place
("flown by helicopter to the health centre in Olmedilla de Ruesga"), but in
its other telling: the two tellings that meet best are compared on their own
places (``rules.location.LOC001._within_tellings``).  Neither town is in
the gazetteer, and the Spanish towns are names of unknown type.  Through
the real model on a story (``tests/data/packed_places``) the rules' data was
not written for.  Two names of unknown type ("al centro de salud de
Olmedilla de Ruesga" / "de Villar de Tormes") are not taken for places."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of, story_from  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "packed_places"


@pytest.mark.model
def test_a_place_named_in_the_other_telling_is_not_agreement(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "LOC") == [
        ("LOC001", "warning", (("a_en", "a_en:3", "Olmedilla de Ruesga"), ("b_es", "b_es:3", "Villar de Tormes")))]
    assert [f.code for f in report.findings if f.severity in ("warning", "error")] == ["LOC001"]


@pytest.mark.model
def test_the_same_place_in_the_matching_telling_agrees(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "b_es.md", "centro de salud de Villar de Tormes", "centro de salud de Olmedilla de Ruesga")
    text = (story / "b_es.md").read_text(encoding="utf-8")
    (story / "b_es.md").write_text(text.replace("fue llevado a Olmedilla de Ruesga", "fue llevado a Villar de Tormes"),
                                   encoding="utf-8")
    report = checker.check([str(story)])
    assert findings_of(report, "LOC") == []


ENGLISH = """---
lang: en
outlet: Mountain Herald
published: 2026-10-08
---
# Six climbers rescued after two nights on the Pico Escarcha

Rescue teams brought down six climbers who had spent two nights stranded on the north face of the Pico Escarcha, the regional civil protection agency said on Wednesday.

The climbers were taken by helicopter to the health centre in Villar de Tormes, where they remain under observation; their guide, Tobías Arrieta, was taken to Olmedilla de Ruesga.

The group had left on Monday morning despite a heavy snow warning.
"""

SPANISH = """---
lang: es
outlet: El Correo del Valle
published: 2026-10-08
---
# Seis escaladores rescatados en el Pico Escarcha

Los equipos de rescate bajaron a seis escaladores que habían pasado dos noches atrapados en la cara norte del Pico Escarcha, informó el miércoles la agencia regional de protección civil.

Los escaladores fueron llevados en helicóptero a un centro de salud en Olmedilla de Ruesga, mientras su guía, Tobías Arrieta, sigue siendo atendido en el lugar.

El grupo había salido el lunes por la mañana a pesar del aviso de nevadas.
"""


@pytest.mark.model
def test_in_one_language_english(checker, tmp_path):  # noqa: F811
    story = story_from(tmp_path, "en", {"a_en.md": STORY / "a_en.md", "b_en.md": ENGLISH})
    report = checker.check([str(story)])
    assert findings_of(report, "LOC") == [
        ("LOC001", "warning", (("a_en", "a_en:3", "Olmedilla de Ruesga"), ("b_en", "b_en:3", "Villar de Tormes")))]


@pytest.mark.model
def test_in_one_language_spanish(checker, tmp_path):  # noqa: F811
    story = story_from(tmp_path, "es", {"a_es.md": SPANISH, "b_es.md": STORY / "b_es.md"})
    report = checker.check([str(story)])
    assert findings_of(report, "LOC") == [
        ("LOC001", "warning", (("a_es", "a_es:3", "Olmedilla de Ruesga"), ("b_es", "b_es:3", "Villar de Tormes")))]
