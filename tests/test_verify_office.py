"""A minister named by office across languages (``tests/verify/office``: an
English article and Spanish summaries, through the real model).

"the Home Secretary" is the minister Spanish calls "ministro del Interior",
"the Foreign Secretary" the "ministro de Asuntos Exteriores".  Both sides now
give the ministry's key (``office_titles`` and ``office_departments`` in
``lang/en/entities.toml``, ``department_words`` in ``lang/es``), so a
faithful Spanish summary is supported.  Before, "Interior" appeared in no
source (SUP002), and "Asuntos Exteriores" was read as a person's name."""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

DATA = Path(__file__).parent / "verify" / "office"


@pytest.mark.model
def test_ministers_named_by_office_in_spanish_are_supported(checker):  # noqa: F811
    report = checker.verify(str(DATA / "fiel_es.md"), [str(DATA / "article.md")])
    assert loud(report) == []
    assert sorted(f.status for f in report.findings) == ["supported"] * 3


@pytest.mark.model
def test_another_ministry_is_still_reported(checker):  # noqa: F811
    report = checker.verify(str(DATA / "cambiado_es.md"), [str(DATA / "article.md")])
    assert [(code, status, message.split(" (closest")[0]) for code, status, _, message in loud(report)] == [
        ("SUP001", "unsupported", 'No source states this; entity "Defensa" appears in no source')]
