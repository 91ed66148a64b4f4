"""Render the report of the real seed corpus and check its structure.

Whatever findings the rules produce are checked generically (every evidence
sentence shown, value marked, links resolve); two hand-built findings on real
seed sentences are checked exactly.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from consistency.reporters import render

from _report_fixtures import seeds_report, with_handmade_findings

pytestmark = pytest.mark.model

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    return with_handmade_findings(seeds_report())


@pytest.fixture(scope="module")
def soup(report):
    return BeautifulSoup(render(report, "html"), "html.parser")


def test_every_finding_shows_all_its_evidence(soup, report):
    cards = soup.select("#findings .finding")
    assert [c["data-code"] for c in cards] == [f.code for f in report.findings]
    for card, f in zip(cards, report.findings):
        quotes = card.select(".evidence figure.ev blockquote")
        assert [q.get_text() for q in quotes] == [ev.text for ev in f.evidence]
        for q, ev in zip(quotes, f.evidence):
            marks = [m.get_text() for m in q.find_all("mark")]
            if ev.value and ev.value_start is not None:
                art = report.article(ev.article)
                assert marks == [art.text[ev.value_start:ev.value_end]]


def test_handmade_findings_on_real_sentences(soup, report):
    card = soup.find("article", attrs={"data-code": "QTY901"})
    marks = [m.get_text() for m in card.find_all("mark")]
    assert marks == ["495.000 rublos rusos", "over $5,000"]
    assert [f["data-article"][:3] for f in card.select("figure.ev")] == ["000", "002"]
    loc = soup.find("article", attrs={"data-code": "LOC901"})
    assert [m.get_text() for m in loc.find_all("mark")] == ["Ryazan Gazette", "The Moscow Times"]
    sev = [c["data-severity"] for c in soup.select("#findings .finding")]
    assert sev == sorted(sev, key=["error", "warning", "info"].index)


def test_matrix_columns_and_rows(soup, report):
    heads = soup.select("#matrix table.matrix thead th[data-article]")
    assert [h["data-article"] for h in heads] == [a.id for a in report.articles]
    multi = [c.id for c in report.clusters if len(set(c.articles)) >= 2]
    assert [r["id"] for r in soup.select("#matrix table.matrix tbody tr")] == [
        f"row-{c}" for c in multi]


def test_articles_exact_and_links_resolve(soup, report):
    for art in report.articles:
        assert soup.find(id=f"article-{art.id}").find(class_="text").get_text() == art.text
    ids = {t["id"] for t in soup.find_all(id=True)}
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)
    dates = [td.get_text() for td in soup.select("#sources td.published")]
    assert dates == [a.published.isoformat() if a.published else "unknown"
                     for a in report.articles]


def test_sarif_and_json(report):
    log = json.loads(render(report, "sarif"))
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert all(u.startswith("seeds/") for u in uris)
    assert render(report, "json") == render(report, "json")
    assert json.loads(render(report, "json"))["findings"][-1]["fingerprint"] == "handmade-loc901"
