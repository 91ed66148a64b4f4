"""The day something began, against a span that began earlier.

"The leaks, which went on from 2018 until 2022" / "las fugas comenzaron en
2020": the two overlap, but the span began in 2018, so they differ
(``rules.date._start_differs``; the beginning verbs are ``[starts]`` of
``lang/<lang>/dates.toml``), in two sentences the model reads as one event.
"La investigación arrancó en 2022" beside the same span tells another
event and is not compared this way.  Through the real model on a story
(``tests/data/start_date``) the rules' data was not written for."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of, story_from  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "start_date"
SPAN = ("a_en", "a_en:3", "from 2018 until 2022")


@pytest.mark.model
def test_a_beginning_the_span_does_not_start_with_differs(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "DAT") == [("DAT001", "warning", (SPAN, ("b_es", "b_es:3", "2020")))]


@pytest.mark.model
def test_a_beginning_on_the_first_bound_agrees(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "b_es.md", "comenzaron en 2020", "comenzaron en 2018")
    report = checker.check([str(story)])
    assert [f for f in findings_of(report, "DAT") if f[1] != "info"] == []


ENGLISH = """---
lang: en
outlet: Farm Weekly
published: 2026-09-14
---
# Brenmoor water company fined 2.1 million euros

A regional tribunal fined the Brenmoor water company 2.1 million euros over leaks that polluted farm wells near Ostrava del Campo.

According to the tribunal, the leaks began in 2020 and contaminated 30 wells used to water cattle.

The company said it had already replaced the damaged stretch of pipe.
"""

SPANISH = """---
lang: es
outlet: La Voz del Campo
published: 2026-09-14
---
# Un tribunal multa a Brenmoor por las fugas de su tubería

Un tribunal regional multó a la compañía de aguas Brenmoor con 2,1 millones de euros por las fugas que contaminaron pozos cerca de Ostrava del Campo.

Las fugas, que se prolongaron de 2018 a 2022, contaminaron 30 pozos usados para el ganado.

La compañía dijo que ya había cambiado el tramo dañado de la tubería.
"""


@pytest.mark.model
def test_in_english(checker, tmp_path):  # noqa: F811
    story = story_from(tmp_path, "en", {"a_en.md": STORY / "a_en.md", "b_en.md": ENGLISH})
    report = checker.check([str(story)])
    assert findings_of(report, "DAT") == [("DAT001", "warning", (SPAN, ("b_en", "b_en:3", "2020")))]


@pytest.mark.model
def test_in_spanish(checker, tmp_path):  # noqa: F811
    story = story_from(tmp_path, "es", {"a_es.md": SPANISH, "b_es.md": STORY / "b_es.md"})
    report = checker.check([str(story)])
    assert findings_of(report, "DAT") == [
        ("DAT001", "warning", (("a_es", "a_es:3", "de 2018 a 2022"), ("b_es", "b_es:3", "2020")))]
