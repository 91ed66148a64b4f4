"""Verify mode: two details a faithful summary states that no source can
confirm word for word, and the edits they must not hide.

- A sentence that opens with an ordinary word before a name ("Featuring
  Mirela, Tom Brask and Kettle Point, the new single ...") capitalises that
  word by its place; the extractor reads "Featuring Mirela" as one name,
  which no source holds.  It is the source's name when the sources write the word
  in lower case ("those featured on the single") and never capitalised
  inside a sentence; a changed first name ("Ian Vallard" for "Colin
  Vallard") is still a name in no source.
- "this year's awards" / "los premios de este año" in a summary of an
  undated article: the current year says nothing a source without a
  publication date could confirm, unless a source dates the event otherwise
  ("last year's awards").

Through the real model on texts the rules' data was not written for.
Before, both faithful summaries were flagged (SUP002)."""
from __future__ import annotations

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

SINGLE = ("# Charity single breaks first-day record\n\n"
          "The charity single Songs for Orvik sold more than 40,000 copies on its first day, "
          "its label Brightwater Records said.\n\n"
          "Mirela, Tom Brask and the band Kettle Point are among those featured on the new recording.\n\n"
          "All proceeds go to families who lost their homes in the Orvik floods.\n")

AWARDS_EN = ("# Delmar leads the Harbourlight award nominations\n\n"
             "Singer Ana Delmar leads the race for the Harbourlight music awards with nominations in nine categories.\n\n"
             "The ceremony will be held at the Corran Arena in Port Alden on 4 May.\n")

AWARDS_ES = ("# Ana Delmar encabeza las nominaciones de los premios Harbourlight\n\n"
             "La cantante Ana Delmar encabeza la carrera por los premios de música Harbourlight, "
             "con candidaturas en nueve categorías.\n\n"
             "La gala se celebrará en el Corran Arena de Port Alden el 4 de mayo.\n")


def _flags(checker, tmp_path, source: str, summary: str, name: str = "source.md"):  # noqa: F811
    src = tmp_path / name
    src.write_text(source, encoding="utf-8")
    out = tmp_path / "summary.md"
    out.write_text(summary, encoding="utf-8")
    report = checker.verify(str(out), [str(src)])
    return [(f.code, f.severity, f.evidence[0].claim, f.evidence[0].value)
            for f in report.findings if f.severity in ("warning", "error")], report


@pytest.mark.model
def test_a_word_opening_the_sentence_is_no_part_of_the_name(checker, tmp_path):  # noqa: F811
    flags, report = _flags(checker, tmp_path, SINGLE,
                           "# Summary\n\nFeaturing Mirela, Tom Brask and Kettle Point, the charity single "
                           "Songs for Orvik sold more than 40,000 copies on its first day.\n")
    assert flags == []
    assert [(f.code, f.evidence[0].claim) for f in report.findings] == [("SUP000", "summary:2")]


@pytest.mark.model
def test_a_changed_first_name_at_the_opening_is_still_flagged(checker, tmp_path):  # noqa: F811
    source = SINGLE.replace("Mirela, Tom Brask", "Colin Vallard, Tom Brask")
    flags, _ = _flags(checker, tmp_path, source,
                      "# Summary\n\nIan Vallard is among those featured on the charity single Songs for Orvik, "
                      "which sold more than 40,000 copies on its first day.\n")
    assert [(code, sev, claim, value) for code, sev, claim, value in flags] == [
        ("SUP002", "warning", "summary:2", "Ian Vallard")]


@pytest.mark.model
@pytest.mark.parametrize("source,name,summary", [
    (AWARDS_EN, "a_en.md", "# Summary\n\nAna Delmar leads the race for this year's Harbourlight awards with "
                            "nominations in nine categories.\n"),
    (AWARDS_ES, "b_es.md", "# Resumen\n\nAna Delmar encabeza la carrera por los premios Harbourlight de este año, "
                            "con candidaturas en nueve categorías.\n"),
    (AWARDS_ES, "b_es.md", "# Summary\n\nAna Delmar leads the race for this year's Harbourlight awards with "
                            "nominations in nine categories.\n"),
], ids=["en", "es", "en-es"])
def test_this_year_in_an_undated_source_is_no_invented_date(checker, tmp_path, source, name, summary):  # noqa: F811
    flags, report = _flags(checker, tmp_path, source, summary, name)
    assert flags == []
    assert [f.code for f in report.findings] == ["SUP000"]


@pytest.mark.model
def test_this_year_against_last_year_is_still_flagged(checker, tmp_path):  # noqa: F811
    source = AWARDS_EN.replace("leads the race for the Harbourlight music awards",
                               "led the race for last year's Harbourlight music awards")
    flags, _ = _flags(checker, tmp_path, source,
                      "# Summary\n\nAna Delmar leads the race for this year's Harbourlight awards with "
                      "nominations in nine categories.\n")
    assert flags == [("SUP002", "warning", "summary:2", "this year")]


def test_a_title_is_no_other_first_name():
    from consistency.rules.support import _other_given_name

    assert _other_given_name("Ian Vallard", "Colin Vallard")
    assert not _other_given_name("President Vallard", "Colin Vallard")  # a title, not a first name
    assert not _other_given_name("Mr Brown", "Gordon Brown")
    assert not _other_given_name("C. Vallard", "Colin Vallard")  # an initial
