"""HTML reporter: structure checked by parsing the page, never by string match."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from consistency.reporters import render

from _report_fixtures import (XSS_IMG, XSS_SCRIPT, sample_report,
                              verify_report)


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def soup(report):
    return BeautifulSoup(render(report, "html"), "html.parser")


def _text(el) -> str:
    return el.get_text()


# ---------------------------------------------------------------- safety
def test_injection_in_article_text_is_shown_as_text(soup):
    scripts = soup.find_all("script")
    assert len(scripts) == 1  # only the page's own filter script
    assert "alert" not in scripts[0].string
    assert soup.find_all("img") == []
    art = soup.find(id="article-a3")
    assert XSS_SCRIPT in _text(art.find(class_="text"))
    assert XSS_IMG in _text(art.find(class_="text"))


def test_injection_in_outlet_name_and_notes_is_escaped(soup):
    assert soup.find_all("b", string='"Outlet"') == []
    row = soup.find("tr", attrs={"data-article": "a3"})
    assert row.find("a").get_text() == 'Evil <b>"Outlet"</b>'
    assert [li.get_text() for li in soup.select("ul.notes li")] == ["a note <b>kept as text</b>"]


def test_page_is_self_contained(soup):
    assert soup.find_all("link") == []
    for tag in soup.find_all(True):
        for attr in ("src", "href"):
            value = tag.get(attr)
            if value is not None:
                assert value.startswith("#"), (tag.name, attr, value)
    style = soup.find("style").string
    assert "@media print" in style
    assert "url(" not in style and "@import" not in style


# ---------------------------------------------------------------- header
def test_header_counts_model_version_and_baseline(soup):
    counts = {dd["id"]: dd.get_text() for dd in soup.select(".counts dd")}
    assert counts == {"count-claims": "6", "count-clusters": "3", "count-error": "1",
                      "count-warning": "1", "count-info": "1", "count-suppressed": "1",
                      "count-new": "2", "count-unchanged": "2", "count-absent": "1"}
    assert soup.find(id="model-name").get_text() == "test-model"
    assert soup.find(id="tool-version").get_text() == "9.9.9"
    rows = soup.select("#sources tbody tr")
    assert [(r["data-article"], r.find_all("td")[1].get_text(), r.find_all("td")[2].get_text())
            for r in rows] == [("a1", "en", "2023-09-05"), ("a2", "es", "unknown"),
                               ("a3", "en", "unknown")]
    assert "DAT001" in soup.find(id="absent").get_text()


def test_no_baseline_counts_without_baseline():
    soup = BeautifulSoup(render(sample_report(baseline=False), "html"), "html.parser")
    assert soup.find(id="count-new") is None
    assert soup.select(".finding .baseline") == []
    assert soup.select(".suppression") == []


# ---------------------------------------------------------------- findings
def test_findings_in_report_order_with_metadata(soup, report):
    cards = soup.select("#findings .finding")
    assert [c["data-code"] for c in cards] == [f.code for f in report.findings]
    assert [c["data-severity"] for c in cards] == ["error", "warning", "info", "info"]
    assert [c["data-family"] for c in cards] == ["QTY", "QTY", "LOC", "ATT"]
    assert [c["data-outlets"] for c in cards] == ["a1|a2", "a1|a2", "a3|a1", "a1|a3"]
    first = cards[0]
    assert first.find(class_="confidence").get_text() == "confidence 0.91"
    assert first.find(class_="message").get_text() == report.findings[0].message
    assert first.find(class_="baseline-new").get_text() == "new"
    assert cards[1].find(class_="baseline-unchanged").get_text() == "unchanged"
    assert "suppressed" in cards[2]["class"]
    assert cards[2].find(class_="suppression").find("q").get_text() == "Known translation difference"


def test_each_finding_shows_every_evidence_sentence_with_value_marked(soup, report):
    for card, f in zip(soup.select("#findings .finding"), report.findings):
        figures = card.select(".evidence figure.ev")
        assert [fig["data-article"] for fig in figures] == [e.article for e in f.evidence]
        for fig, ev in zip(figures, f.evidence):
            quote = fig.find("blockquote")
            assert quote.get_text() == ev.text
            assert [m.get_text() for m in quote.find_all("mark")] == [ev.value]
            link = fig.find("a", class_="claim-link")
            assert link["href"] == "#" + ev.claim.replace(":", "-")
            assert link.get_text() == f"line {ev.line}"


def test_value_span_wins_over_text_search(report):
    """The mark follows value_start/value_end even when the text repeats earlier."""
    import dataclasses

    f = report.findings[0]
    ev = f.evidence[0]  # "Cuba said 17 people were arrested, according to the ministry."
    moved = dataclasses.replace(ev, value="e", value_start=ev.start + ev.text.index("people") + 5,
                                value_end=ev.start + ev.text.index("people") + 6)
    r = dataclasses.replace(report, findings=(dataclasses.replace(f, evidence=(moved,)),))
    soup = BeautifulSoup(render(r, "html"), "html.parser")
    quote = soup.select_one("#finding-1 blockquote")
    mark = quote.find("mark")
    assert mark.get_text() == "e"
    assert mark.previous_sibling == "Cuba said 17 peopl"


def test_every_internal_link_target_exists(soup):
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    links = [a["href"][1:] for a in soup.find_all("a", href=True)]
    assert links and all(target in ids for target in links), sorted(set(links) - ids)
    # the claim anchors use the documented "#<article id>-<claim n>" form
    assert {"a1-1", "a1-2", "a2-1", "a2-2", "a3-1", "a3-2"} <= ids


# ---------------------------------------------------------------- matrix
def test_matrix_has_one_column_per_outlet_and_multi_article_rows(soup):
    table = soup.select_one("#matrix table.matrix")
    heads = table.select("thead th[data-article]")
    assert [h["data-article"] for h in heads] == ["a1", "a2", "a3"]
    rows = table.select("tbody tr")
    assert [r["id"] for r in rows] == ["row-c1", "row-c2"]  # c3 has one article only
    c1 = rows[0].find_all("td")
    assert [td["data-article"] for td in c1] == ["a1", "a2", "a3"]
    assert [td.get_text(strip=True) for td in c1] == [
        "Cuba said 17 people were arrested, according to the ministry.",
        "Cuba dijo que 18 personas fueron detenidas, según el ministerio.",
        f"Officials said {XSS_SCRIPT} 17 people were held."]
    assert all("disagreement" in td["class"] for td in c1)
    c2 = rows[1].find_all("td")
    assert c2[2].get_text(strip=True) == ""
    assert c2[2].get("class") is None
    assert [c.get_text() for c in rows[0].find("th").find_all("code")] == ["QTY001", "ATT001"]


# ---------------------------------------------------------------- articles
def test_articles_shown_exactly_with_claims_and_boilerplate(soup, report):
    for art in report.articles:
        box = soup.find(id=f"article-{art.id}").find(class_="text")
        assert box.get_text() == art.text
    a1 = soup.find(id="article-a1").find(class_="text")
    claims = a1.find_all(class_="claim")
    assert [c["data-claim"] for c in claims] == ["a1:1", "a1:2"]
    assert [c.get("id") for c in claims] == ["a1-1", "a1-2"]
    assert all("flagged" in c["class"] for c in claims)
    boiler = a1.find_all(class_="boilerplate")
    assert [b.get_text() for b in boiler] == ["Share this article on Facebook"]


def test_filters_hidden_without_javascript(soup):
    form = soup.find(id="filters")
    assert form.has_attr("hidden")
    assert [o["value"] for o in form.select("#filter-severity option")] == [
        "", "error", "warning", "info"]
    assert [o["value"] for o in form.select("#filter-family option")] == ["", "ATT", "LOC", "QTY"]
    assert [(o["value"], o.get_text()) for o in form.select("#filter-outlet option")] == [
        ("", "all"), ("a1", "Daily Planet"), ("a2", "El Diario"), ("a3", 'Evil <b>"Outlet"</b>')]
    # every finding is visible with no script run
    assert not any(c.has_attr("hidden") for c in soup.select(".finding"))


def test_empty_report_says_so():
    import dataclasses

    r = dataclasses.replace(sample_report(baseline=False), findings=(), clusters=())
    soup = BeautifulSoup(render(r, "html"), "html.parser")
    assert soup.find(id="no-findings").get_text() == "No disagreements found between these articles."
    assert soup.select(".finding") == []
    assert soup.select_one("#matrix table") is None


# ---------------------------------------------------------------- verify mode
def test_verify_mode_side_by_side_and_score():
    r = verify_report()
    soup = BeautifulSoup(render(r, "html"), "html.parser")
    score = [b.get_text() for b in soup.select("#score .badge")]
    assert score == ["1 contradicted", "0 partial", "1 unsupported", "1 supported"]
    rows = soup.select("#verify table.verify tbody tr")
    assert [r_["data-status"] for r_ in rows] == ["supported", "contradicted", "unsupported"]
    left = [re.sub(r"\s+", " ", r_.find("td", class_="subject-claim").find("a").get_text())
            for r_ in rows]
    assert left == ["Cuba arrested 17 people.", "Recruits were paid $3,000 a month.",
                    "The network was run from Ryazan."]
    sources = rows[1].select("figure.ev")
    assert len(sources) == 1
    assert sources[0].find("blockquote").get_text() == "The recruits were promised $2,000 a month."
    assert sources[0].find("mark").get_text() == "$2,000"
    assert rows[2].find(class_="empty").get_text() == "no source evidence"
    # the subject's claims are coloured by status in the full text too
    subject = soup.find(id="article-summary").find(class_="text")
    assert [(c["data-claim"], [k for k in c["class"] if k.startswith("status-")])
            for c in subject.find_all(class_="claim")] == [
        ("summary:1", ["status-supported"]), ("summary:2", ["status-contradicted"]),
        ("summary:3", ["status-unsupported"])]
    # a source sentence that only supports a claim is not marked as a disagreement
    assert "flagged" not in soup.find(id="a1-1")["class"]
    assert "flagged" in soup.find(id="a1-2")["class"]
    assert "verifying Generated summary" in soup.find("h1").get_text()
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    assert all(a["href"][1:] in ids for a in soup.find_all("a", href=True))


def test_large_corpus_matrix_lists_only_the_outlets_that_tell_the_fact():
    from consistency.records import Cluster, Report
    from consistency.reporters.html import MATRIX_MAX_COLUMNS

    from _report_fixtures import make_article, make_claims

    arts, claims = [], []
    for i in range(MATRIX_MAX_COLUMNS + 1):
        a = make_article(f"a{i:02d}", f"Sentence number {i} about the harbour.\n", "en", f"Outlet {i}")
        arts.append(a)
        claims += make_claims(a, [f"Sentence number {i} about the harbour."])
    cluster = Cluster(id="c1", claims=(claims[3].id, claims[7].id), articles=("a03", "a07"))
    report = Report(articles=tuple(arts), claims=tuple(claims), clusters=(cluster,), version="t")
    soup = BeautifulSoup(render(report, "html"), "html.parser")
    table = soup.select_one("#matrix table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Fact", "Outlet", "Sentence"]
    rows = table.select("tbody tr")
    assert [[td.get_text(strip=True) for td in r.select("td")] for r in rows] == [
        ["Outlet 3", "Sentence number 3 about the harbour."],
        ["Outlet 7", "Sentence number 7 about the harbour."]]
    assert rows[0]["id"] == "row-c1"
