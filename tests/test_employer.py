"""A name in a credited speaker's description is a slot like any other
(``slots.align_kinds``, ``ENT001._aligned_names``; ``tests/data/employer``,
names no table knows, en-en, en-es and es-es).

"Priya Castellanos, an economist at Marwood Securities, said the cut was
..." / "Tarnhill Bank economist Priya Castellanos called the cut ..." /
"Priya Castellanos, economista de Tarnhill Bank, calificó la rebaja ...":
one speaker, two employers.  Before, a name inside the span of an
attribution was left to the attribution rules, which compare only who
speaks, and "Marwood Securities" (two capitalised words) was read as a
person's name, not a firm's.  The aligned tokens set the two firms against
each other; with every slot masked, the two sentences read as one statement
well above the same-event bar, so the names need bring them only a little
closer.

The Quay Post against La Voz de la Bahía (b_en / d_es), whose sentences
read below the same-event bar with their slots masked, is not found by the
rule; it is carried over (``rules.corroborate``) from a_en / b_en, since d_es
names a_en's firm in a sentence that tells the same as a_en's."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "employer"


@pytest.mark.model
def test_a_speakers_employer_differs_in_one_and_two_languages(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        ("ENT001", "warning", (("a_en", "Marwood Securities"), ("b_en", "Tarnhill Bank"))),
        ("ENT001", "warning", (("a_en", "Marwood Securities"), ("c_es", "Tarnhill Bank"))),
        ("ENT001", "warning", (("b_en", "Tarnhill Bank"), ("d_es", "Marwood Securities"))),
        ("ENT001", "warning", (("c_es", "Tarnhill Bank"), ("d_es", "Marwood Securities"))),
    ]
    carried = [f.message for f in report.findings if f.evidence[0].article == "b_en"
               and f.evidence[1].article == "d_es"]
    assert carried == ['Names differ: The Quay Post says "Tarnhill Bank" but La Voz de la Bahía says '
                       '"Marwood Securities", as Harbour Ledger does ("Marwood Securities") in the same account']


@pytest.mark.parametrize("text, lang, name", [
    ("Priya Castellanos, an economist at Marwood Securities, said the cut was overdue.", "en",
     "Marwood Securities"),
    ("Kessling Partners analyst Tobias Renner called the loss far worse than expected.", "en",
     "Kessling Partners"),
    ("Priya Castellanos, economista de Marwood Securities, opinó que la rebaja llega tarde.", "es",
     "Marwood Securities"),
])
def test_a_firm_named_by_its_head_word_is_an_organisation(text, lang, name):
    from consistency.facts import entities

    got = [(text[s:e], t) for s, e, t, _k in entities.find(text, lang)]
    assert (name, "ORG") in got
