"""Seeds: spans are exact, boilerplate never becomes a claim, no body line is lost."""
import datetime as dt
from pathlib import Path

import pytest

from consistency.claims import split_claims
from consistency.config import Config
from consistency.corpus import load_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Lines of each seed that are page chrome, not article text (written by hand).
BOILERPLATE = {
    "000_ef127bca5e652af3": [],
    "001_b5ff1dc43b53e3d7": ["Mikhail…", "2023-09-05 11:47:52", "Original from www.nytimes.com", "rnrn"],
    "002_418faf2e8bd56de7": ["Viacheslav Ratynsky/Reuters", "ADVERTISEMENT"],
    "003_418dcdc3971b27b2": [],
    "004_d478921e2aa4ffbd": ["16.2 C", "Madrid", "Tuesday, April 30, 2024", "Must read", "Sadaf Hasan",
                             "Aspiring reporter covering trending topics", "- Advertisement -",
                             "Also Read: President Macron Watches as France’s African Strategy Implodes",
                             "Author", "Archives", "spot_img", "Trending Today"],
}
# In-line photo credits (the rest of their line is article text).
TAILS = {"003_418dcdc3971b27b2": ["Foto: captura de pantalla.", "Foto: especial."]}
# Dateline prefixes (the rest of their line is article text).
HEADS = {"004_d478921e2aa4ffbd": ["CUBA:\xa0"]}


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus([SEEDS], Config())
    return {a.id: (a, split_claims(a)) for a in corpus.articles}


def test_all_five_seeds_load_with_language_and_dates(seeds):
    assert sorted(seeds) == sorted(BOILERPLATE)
    langs = {k: a.lang for k, (a, _) in seeds.items()}
    assert langs == {"000_ef127bca5e652af3": "es", "001_b5ff1dc43b53e3d7": "en", "002_418faf2e8bd56de7": "en",
                     "003_418dcdc3971b27b2": "es", "004_d478921e2aa4ffbd": "en"}
    assert {k: a.outlet for k, (a, _) in seeds.items() if a.outlet} == {"001_b5ff1dc43b53e3d7": "nytimes.com"}
    published = {k: a.published for k, (a, _) in seeds.items()}
    assert published["001_b5ff1dc43b53e3d7"] == dt.date(2023, 9, 5)
    # the weather widget's "Tuesday, April 30, 2024" in 004 is not a publication date
    assert [k for k, v in published.items() if v is None] == [
        "000_ef127bca5e652af3", "002_418faf2e8bd56de7", "003_418dcdc3971b27b2", "004_d478921e2aa4ffbd"]


@pytest.mark.parametrize("article_id", sorted(BOILERPLATE))
def test_spans_are_exact(seeds, article_id):
    article, claims = seeds[article_id]
    raw = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
    assert article.text == raw
    assert claims, "no claims"
    for n, c in enumerate(claims, start=1):
        assert c.id == f"{article_id}:{n}"
        assert raw[c.start:c.end] == c.text
        assert c.text == c.text.strip()
        assert raw.count("\n", 0, c.start) + 1 == c.line


@pytest.mark.parametrize("article_id", sorted(BOILERPLATE))
def test_no_boilerplate_claim_and_no_body_line_lost(seeds, article_id):
    article, claims = seeds[article_id]
    junk = {j.strip(" -") for j in BOILERPLATE[article_id]}
    tails = TAILS.get(article_id, [])
    for c in claims:
        assert c.text.strip(" -") not in junk, c.text
        for t in tails + HEADS.get(article_id, []):
            assert t not in c.text
    # every other line is covered, character for character, by claims
    pos = 0
    for line in article.text.splitlines(keepends=True):
        a, b = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = article.text[a:b].strip()
        if not body or body.strip(" -") in junk:
            continue
        for t in tails:
            if body.endswith(t):
                b = a + article.text[a:b].rindex(t)
        for h in HEADS.get(article_id, []):
            if article.text[a:b].startswith(h):
                a += len(h)
        covered = [c for c in claims if a <= c.start and c.end <= b]
        joined = "".join(article.text[c.start:c.end] for c in covered)
        expected = "".join(article.text[a:b].split())
        assert "".join(joined.split()) == expected, f"line lost or cut: {body!r}"


def test_headlines_and_kickers(seeds):
    heads = {c.text for _, cl in seeds.values() for c in cl if c.headline}
    assert "Reclutamiento militar ruso de Kazajstán para luchar contra Ucrania" in heads
    assert "DESPERATE TIMES" in heads
    assert "Cuban Authorities Uncover Human Trafficking Network Linked to Russia-Ukraine Conflict" in heads
    assert "Ucrania confirma que voluntarios rusos combaten a las tropas de Moscú" in heads
    bodies = {c.text for _, cl in seeds.values() for c in cl if not c.headline}
    assert "As of Tuesday, the group had nearly 76,000 members." in bodies


def test_sentences_split_inside_lines(seeds):
    _, claims = seeds["001_b5ff1dc43b53e3d7"]
    texts = [c.text for c in claims]
    assert "As of Tuesday, the group had nearly 76,000 members." in texts
    assert "The Cuban Foreign Ministry’s statement did not mention this group." in texts
    # "Mr. Shoigu" does not end a sentence
    assert any(t.startswith("Mr. Shoigu stated that Cuba is Russia’s “most important ally”") for t in texts)
    _, es_claims = seeds["000_ef127bca5e652af3"]
    assert any(t.startswith("El año pasado, un alto funcionario de defensa de EE. UU. reveló") for t in
               (c.text for c in es_claims))
