"""A place that owns a name both claims give is no place of the event
(``location._qualifies_shared``, ``possessive`` of
``lang/en/entities.toml``); ``tests/data/possessive_place``.

"Portugal's Lumeira Energia agreed on Monday to buy Crestline Power, based in
Texas, ..." / "Lumeira Energia acordó el lunes comprar Crestline Power, con
sede en Austin, ...": Portugal says whose the buyer is, and Austin lies in
Texas (gazetteer).  Before, LOC001 set Portugal against Austin."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "possessive_place"


@pytest.mark.model
def test_the_owners_country_is_not_where_the_deal_was_done(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    assert [(f.code, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings] == []
    # the two sentences are compared: they share a cluster
    en = next(c.id for c in report.claims if c.text.startswith("Portugal's Lumeira Energia agreed"))
    es = next(c.id for c in report.claims if c.text.startswith("Lumeira Energia acordó"))
    assert any(en in cl.claims and es in cl.claims for cl in report.clusters)
