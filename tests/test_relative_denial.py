"""A sentence with a relative clause, denied by another outlet's sentence.

"Vellmar, which employs 310 people at the site, said it would appeal the
ruling." reads closest, whole, to the other article's sentence on the
workforce ("The tannery, which has 310 workers, ...") and is grouped there,
so "Vellmar said it would not appeal the ruling and would pay the fine." was
never compared with it.  Its tellings ("Vellmar said it would appeal the
ruling.") meet that sentence clearly: the two become a cluster of their own
(``cluster._relatives_left_apart``), and NEG001 reads the telling that holds
the negation against the telling that holds what it denies
(``rules.negation._tellings_meet``), since the whole sentences are not
paraphrases by the same-event bar.  Through the real model on a story
(``tests/data/relative_denial``) the rules' data was not written for.

Across languages ("Vellmar, que emplea a 310 personas en la planta,
anunció que recurrirá la sentencia") the two sentences are clustered, and
the model's token alignment does not link "appeal" to "recurrirá" (0.55):
the lexicon knows the two words for one concept, and the denial is found
(``rules.negation._concept_partner``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, edited_story, findings_of, story_from  # noqa: F401  (fixture)

STORY = Path(__file__).parent / "data" / "relative_denial"


@pytest.mark.model
def test_a_denial_of_the_main_clause_of_a_relative_sentence_is_found(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "NEG") == [
        ("NEG001", "error", (("a_en", "a_en:4", "not"), ("b_en", "b_en:4", None)))]


@pytest.mark.model
def test_the_same_statement_is_no_finding(checker, tmp_path):  # noqa: F811
    story = edited_story(STORY, tmp_path, "a_en.md", "Vellmar said it would not appeal the ruling and would pay the fine.",
                         "Vellmar said it would appeal the ruling and would not pay the fine yet.")
    report = checker.check([str(story)])
    assert findings_of(report, "NEG") == []


SPANISH_A = """---
lang: es
outlet: La Voz del Valle
published: 2026-11-20
---
# Multa de 480.000 euros a la curtiduría Vellmar por verter tintes al Ortal

Un tribunal regional ha multado a la curtiduría Vellmar con 480.000 euros por verter tintes al río Ortal durante tres años.

El juez concluyó que la curtiduría había ignorado dos avisos de los inspectores del río.

Vellmar dijo que no recurrirá la sentencia y que pagará la multa.

La curtiduría, que tiene 310 trabajadores, seguirá funcionando mientras instala nuevos filtros.
"""

SPANISH_B = """---
lang: es
outlet: Diario del Ortal
published: 2026-11-20
---
# Un tribunal multa a la curtiduría Vellmar por contaminar el río

Un tribunal regional impuso el jueves a la curtiduría Vellmar una multa de 480.000 euros por verter tintes al río Ortal durante tres años.

Según la sentencia, la empresa desoyó dos avisos de los inspectores fluviales.

Vellmar, que emplea a 310 personas en la planta, anunció que recurrirá la sentencia.

La planta seguirá abierta mientras se instalan nuevos filtros.
"""


@pytest.mark.model
def test_in_spanish(checker, tmp_path):  # noqa: F811
    story = story_from(tmp_path, "es", {"a_es.md": SPANISH_A, "b_es.md": SPANISH_B})
    report = checker.check([str(story)])
    assert findings_of(report, "NEG") == [
        ("NEG001", "error", (("a_es", "a_es:4", "no"), ("b_es", "b_es:4", None)))]


@pytest.mark.model
def test_across_languages_the_lexicon_links_the_denied_verb(checker, tmp_path):  # noqa: F811
    story = story_from(tmp_path, "mixed", {"a_en.md": (STORY / "a_en.md").read_text(encoding="utf-8"),
                                           "b_es.md": SPANISH_B})
    report = checker.check([str(story)])
    assert findings_of(report, "NEG") == [
        ("NEG001", "error", (("a_en", "a_en:4", "not"), ("b_es", "b_es:4", None)))]
