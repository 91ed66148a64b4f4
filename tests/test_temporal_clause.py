"""A temporal clause tells a fact of its own: "El paro, respaldado por el 92%
de los estibadores ..., llega después de que las negociaciones salariales en
la junta regional de arbitraje se rompieran el martes" tells when the talks
broke down, which another outlet dates to Thursday.  As a whole the sentence
reads closest to the ballot, and was never compared with "Pay talks at the
regional arbitration board broke down on Thursday".  Now the sentence is cut
at the conjunction (``temporal`` and ``temporal_before_verb`` in
``lang/<lang>/clauses.toml``: "después de que" always, "after" and "tras"
only before a verb form), clustering rule 12 embeds each telling, and
DAT001 reads the telling that holds the date.  Through the real model on a
story (``tests/data/temporal_clause``) the rules' data was not written for."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker, findings_of, story_from  # noqa: F401  (fixture)
from consistency.slots import temporal_cuts

STORY = Path(__file__).parent / "data" / "temporal_clause"
PACKED = ("b_es", "b_es:3", "el martes")


@pytest.mark.model
def test_a_date_in_a_temporal_clause_is_compared(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    assert findings_of(report, "DAT") == [
        ("DAT001", "error", (("a_en", "a_en:4", "Thursday"), PACKED)),
        ("DAT001", "error", (PACKED, ("c_es", "c_es:3", "el jueves")))]


ENGLISH = """---
lang: en
outlet: Selvane Today
published: 2026-10-12
---
# Port Selvane strike strands 40 ships

Some 40 container ships were left waiting off Port Selvane after dockers began a 48-hour strike on Monday.

The walkout, backed by 92% of the dockers in the port union in an internal ballot whose result was first reported by the radio station Radio Faro del Sur, comes after pay talks at the regional arbitration board broke down on Tuesday.

The port authority said managers would unload perishable cargo.
"""


@pytest.mark.model
def test_in_english(checker, tmp_path):  # noqa: F811
    """In one language the two whole sentences already read close enough to
    be compared; the cut must not lose that."""
    story = story_from(tmp_path, "en", {"a_en.md": STORY / "a_en.md", "b_en.md": ENGLISH})
    report = checker.check([str(story)])
    assert findings_of(report, "DAT") == [
        ("DAT001", "error", (("a_en", "a_en:4", "Thursday"), ("b_en", "b_en:3", "Tuesday")))]


@pytest.mark.parametrize("text,lang,cut", [
    ("The walkout comes after pay talks broke down on Thursday.", "en", "after"),
    ("It came after the union refused the offer.", "en", "after"),
    ("They were brought up alive after 52 hours underground.", "en", None),
    ("He would stand down before the next election because he had lost trust.", "en", None),
    ("El paro llega después de que las negociaciones se rompieran el martes.", "es", "después de que"),
    ("Fue suspendido tras dar positivo por EPO en un control.", "es", "tras"),
    ("Fue suspendido tras la detención de su médico.", "es", None),
    ("La empresa completará los recortes antes de julio.", "es", None),
])
def test_where_a_temporal_clause_opens(text, lang, cut):
    cuts = temporal_cuts(text, lang)
    assert [text[a:b].strip() for a, b in cuts] == ([cut] if cut else [])


def test_a_negation_before_a_temporal_clause_is_not_set_aside_for_it():
    """The rest of a sentence that reads closer to the other sentence than
    the negated telling sets the negation aside only when the rest is a
    relative clause's telling: "Consumer spending has not been picking up in
    recent years after slumping during 2001" read against "... has been
    picking up in recent years after slumping during 2001" would always lose
    to its temporal clause, which the other sentence tells too."""
    import numpy as np

    from consistency.records import Negation
    from consistency.rules.negation import _denied_in_other_telling

    other = np.array([1.0, 0.0], dtype=np.float32)
    near, far = np.array([0.99, 0.141], dtype=np.float32), np.array([0.8, 0.6], dtype=np.float32)
    n = Negation(cue="not", start=25, end=28, scope="been picking up")
    temporal = {("event-clause", (0, 60)): far, ("event-clause", (67, 120)): near}
    assert not _denied_in_other_telling(temporal, other, n)
    relative = {("event-clause", (0, 10), (60, 120)): near, ("event-clause", (0, 10), (12, 58)): far}
    n = Negation(cue="not", start=30, end=33, scope="decided")
    assert _denied_in_other_telling(relative, other, n)
