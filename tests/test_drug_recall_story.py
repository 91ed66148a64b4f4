"""The development story ``benchmarks/dev_stories/drug_recall``, through the
real model: what its first measurement missed or raised wrongly, now held.

* Two periods written out with other bounds overlap but do not agree:
  "entre marzo y agosto" / "entre enero y agosto" (months, as spans of days
  and of years already were: ``rules.date._other_span``).
* A denial set against a sentence that joins two statements: "ningún
  paciente ha notificado efectos adversos" / "La agencia confirmó que varios
  pacientes han sufrido efectos adversos, y pidió que nadie deje el
  tratamiento ...": "nadie" answers "ningún" in the other statement, so it
  no longer says the same thing in other words (``_cue_matched``).
* A polarity finding carried to a third outlet asks for what a determiner
  cue denies of its noun ("no patient had reported"): "Patients should keep
  taking their tablets" names the patients and says nothing of it.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from builders import article, claim, date  # noqa: E402

from consistency.rules.date import _other_span  # noqa: E402

STORY = Path(__file__).resolve().parent.parent / "benchmarks" / "dev_stories" / "drug_recall"


@pytest.fixture(scope="module")
def report(checker):  # noqa: F811
    return checker.check([str(STORY)])


def _of(report, prefix: str) -> list:
    return sorted((f.code, tuple((e.article, e.claim, e.value) for e in f.evidence))
                  for f in report.findings if f.code.startswith(prefix))


@pytest.mark.model
def test_two_month_spans_with_other_bounds_differ(report):
    assert ("DAT001", (("b_es", "b_es:3", "entre marzo y agosto"), ("d_es", "d_es:3", "entre enero y agosto"))) \
        in _of(report, "DAT")


@pytest.mark.model
def test_denials_against_a_sentence_that_joins_two_statements(report):
    assert _of(report, "NEG") == [
        ("NEG001", (("a_en", "a_en:4", "no"), ("b_es", "b_es:4", None))),
        ("NEG001", (("b_es", "b_es:4", None), ("d_es", "d_es:4", "ningún"))),
    ]  # nothing carried to "Patients should keep taking their tablets" or "urged patients not to stop"


def _span(text: str, value: str, low, high):
    art = article("a", text, lang="es")
    return date(art, value, low, high, granularity="month")


def test_month_spans_compare_their_bounds():
    mar_aug = _span("lotes fabricados entre marzo y agosto", "entre marzo y agosto",
                    dt.date(2026, 3, 1), dt.date(2026, 8, 31))
    jan_aug = _span("lotes fabricados entre enero y agosto", "entre enero y agosto",
                    dt.date(2026, 1, 1), dt.date(2026, 8, 31))
    march = _span("lotes fabricados en marzo", "marzo", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert _other_span(mar_aug, jan_aug) is True
    assert _other_span(mar_aug, mar_aug) is False
    assert _other_span(mar_aug, march) is False  # one month is no span: overlap decides
