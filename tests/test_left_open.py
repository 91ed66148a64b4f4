"""A denial of a denial leaves it open: "no descartó pagar el rescate", "did
not rule out paying the ransom" (``consistency.rules.negation.left_open``).

Against "no ransom would be paid" or "descartó pagar el rescate" that is a
polarity finding: one outlet says the payment may come, the other that it
will not.  Against a sentence that leaves it open too, or one that says it
will happen, it is none.

Through the real model: the development story ``hospital_cyberattack``
(written after the rules, before this mechanism) and three short articles in
English and Spanish whose words no rule data holds.  By hand-built claims:
which pairs of negations leave something open.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from builders import article, claim, neg  # noqa: E402

from consistency.rules.negation import left_open  # noqa: E402

STORIES = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories"


def _polarity(report):
    return sorted(((f.code, f.severity, [(e.article, e.value) for e in f.evidence], f.message)
                   for f in report.findings if f.code.startswith("NEG")),
                  key=lambda f: [(a, v or "") for a, v in f[2]])


def _write(folder: Path, name: str, lang: str, outlet: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(
        f"---\nlang: {lang}\noutlet: {outlet}\npublished: 2026-05-04\n---\n# {outlet}\n\n{body}\n",
        encoding="utf-8")


@pytest.mark.model
def test_left_open_against_two_denials_in_the_dev_story(checker):  # noqa: F811
    got = _polarity(checker.check([str(STORIES / "hospital_cyberattack")]))
    assert got == [
        ("NEG001", "error", [("a_en", "no"), ("b_es", "no descartó")],
         'Polarity differs: El Heraldo del Norte leaves it open ("no descartó") but '
         'The Casterra Courier says it will not happen ("no")'),
        ("NEG001", "error", [("b_es", "no descartó"), ("d_es", "descartó")],
         'Polarity differs: El Heraldo del Norte leaves it open ("no descartó") but '
         'Agencia Ibérica de Noticias says it will not happen ("descartó")'),
    ]
    # "no ransom would be paid" and "descartó pagar el rescate" agree: no finding between a_en and d_es


@pytest.mark.model
def test_left_open_in_english_against_english_and_spanish_denials(checker, tmp_path):  # noqa: F811
    _write(tmp_path, "a", "en", "City Post",
           "The trust's chief executive, Miriam Ostrova, did not rule out paying the ransom to recover "
           "patient records. The hackers demand $2.4 million.")
    _write(tmp_path, "b", "en", "Evening Ledger",
           "The trust's chief executive, Miriam Ostrova, said no ransom would be paid to recover patient "
           "records. The hackers demand $2.4 million.")
    _write(tmp_path, "c", "es", "Diario del Sur",
           "La consejera delegada, Miriam Ostrova, descartó pagar el rescate para recuperar los "
           "historiales. Los piratas piden 2,4 millones de dólares.")
    got = _polarity(checker.check([str(tmp_path)]))
    assert [(code, sev, ev) for code, sev, ev, _ in got] == [
        ("NEG001", "error", [("a", "not rule out"), ("b", "no")]),
        ("NEG001", "error", [("a", "not rule out"), ("c", "descartó")]),
    ]  # b and c both deny it: nothing between them


@pytest.mark.model
def test_left_open_against_a_statement_that_it_happens_is_no_finding(checker, tmp_path):  # noqa: F811
    _write(tmp_path, "a", "es", "Diario del Sur",
           "La consejera delegada, Miriam Ostrova, no descartó pagar el rescate para recuperar los "
           "historiales de los pacientes.")
    _write(tmp_path, "b", "en", "Evening Ledger",
           "The trust's chief executive, Miriam Ostrova, said the ransom would be paid to recover the "
           "patients' records.")
    assert _polarity(checker.check([str(tmp_path)])) == []


def test_a_negated_denial_leaves_its_scope_open():
    art = article("a", "La consejera delegada no descartó pagar el rescate.", lang="es")
    outer = neg(art, "no", "descartó pagar el rescate")
    inner = neg(art, "descartó", "pagar el rescate")
    c = claim(art, "La consejera delegada no descartó pagar el rescate.", negations=(outer, inner))
    assert left_open(c) == [(outer, inner)]


def test_two_denials_side_by_side_leave_nothing_open():
    # "not" denies "racist"; "refused to" denies the apology: two denials
    text = "He said his comments were not racist and refused to apologise."
    art = article("a", text)
    outer = neg(art, "not", "racist and refused")
    inner = neg(art, "refused to", "apologise")
    assert left_open(claim(art, text, negations=(outer, inner))) == []


def test_a_denial_after_a_comma_is_another_clause():
    text = "Officials did not comment, but ruled out closing the plant."
    art = article("a", text)
    outer = neg(art, "not", "comment")
    inner = neg(art, "ruled out", "closing the plant")
    assert left_open(claim(art, text, negations=(outer, inner))) == []
