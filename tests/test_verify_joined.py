"""Verify mode on report sentences that join source sentences
(``tests/verify/joined``: one English article with no name any table of the
project knows; faithful English and Spanish summaries, and copies with one
place swapped), through the real model.

* a detail whose own words come from another sentence than the closest one
  is read against that sentence: a place swapped there is found even when
  the article names the swapped-in place elsewhere (Chicago, where the
  shares trade); a faithful join is not faulted;
* a statement joined with "and" is read on its own ("was shown uncut on
  Channel Nine and will also be screened ... on Lumiflix");
* a source described in words ("a report says") is not replaced by a name
  the article gives ("The Civic Audit Board says");
* a short clause whose words one source sentence uses is backed ("Tom Varga
  was disqualified" / "... if only he hadn't got himself disqualified").
"""
from __future__ import annotations

from pathlib import Path

import pytest

from consistency.cluster import clause_texts
from _verify_fixtures import checker  # noqa: F401  (a fixture)

DATA = Path(__file__).parent / "verify" / "joined"
ARTICLE = str(DATA / "article.md")


def by_sentence(report):
    """{report sentence: [(code, status, message)]} for every finding on it."""
    out: dict = {}
    for f in report.findings:
        out.setdefault(f.evidence[0].text, []).append((f.code, f.status, f.message))
    return out


@pytest.mark.model
@pytest.mark.parametrize("name", ["faithful.md", "fiel_es.md"])
def test_faithful_joined_sentences_are_supported(checker, name):
    report = checker.verify(str(DATA / name), [ARTICLE])
    mine = [c for c in report.claims if c.article == report.subject]
    found = by_sentence(report)
    assert [found.get(c.text) for c in mine] == [[("SUP000", "supported", found[c.text][0][2])] for c in mine]
    assert len(mine) == (4 if name == "faithful.md" else 2)


@pytest.mark.model
def test_a_place_swapped_in_a_joined_sentence_is_named(checker):
    report = checker.verify(str(DATA / "swapped.md"), [ARTICLE])
    loud = [f for f in report.findings if f.severity in ("warning", "error")]
    assert [(f.code, f.status) for f in loud] == [("SUP002", "partial")]
    f = loud[0]
    assert f.evidence[0].text.startswith("Northway Stores")
    assert "Chicago" in f.evidence[0].text
    assert f.message.startswith('Partly supported: entity "Chicago" is not what northway says')
    assert '("Denver": "The offer came from Denver-based investment group Marlow Partners' in f.message
    assert f.evidence[0].start < f.evidence[0].end
    # every other sentence stays supported
    others = [g for g in report.findings if g is not f]
    assert others and {g.code for g in others} == {"SUP000"}


@pytest.mark.model
def test_a_seat_swapped_in_a_joined_sentence_is_contradicted(checker):
    # "del grupo inversor Marlow Partners, con sede en Chicago" against
    # "Denver-based investment group Marlow Partners": one organisation's
    # seat in two places (LOC001's seats), not merely a detail unsupported
    report = checker.verify(str(DATA / "cambiado_es.md"), [ARTICLE])
    loud = [f for f in report.findings if f.severity in ("warning", "error")]
    assert [(f.code, f.status) for f in loud] == [("LOC001", "contradicted")]
    f = loud[0]
    assert f.message == ('Seats differ: cambiado_es says "grupo inversor Marlow Partners" is based in "Chicago" '
                         'but northway says "investment group Marlow Partners" is based in "Denver"')
    assert [(e.value, e.text[:15]) for e in f.evidence] == [("Chicago", "Northway Stores"),
                                                            ("Denver", "The offer came ")]
    # every other sentence stays supported
    others = [g for g in report.findings if g is not f]
    assert others and {g.code for g in others} == {"SUP000"}


def test_soft_separators_cut_report_sentences_only_when_asked():
    text = "The advert was shown uncut on Channel Nine and will also be screened on Lumiflix."
    assert clause_texts(text, "en") == ()
    assert [c.text for c in clause_texts(text, "en", soft=True)] == [
        "The advert was shown uncut on Channel Nine", "will also be screened on Lumiflix."]
    es = "El anuncio se emitió sin cortes en Channel Nine y también se emitirá en Lumiflix."
    assert [c.text for c in clause_texts(es, "es", soft=True)] == [
        "El anuncio se emitió sin cortes en Channel Nine", "también se emitirá en Lumiflix."]
    # a short piece is no clause: "Kenteris and Thanou will not race again"
    assert clause_texts("Kenteris and Thanou will not race again.", "en", soft=True) == ()


@pytest.mark.model
@pytest.mark.parametrize("name,cue", [("negated.md", "not"), ("negado_es.md", "no")])
def test_the_closest_sentence_said_the_other_way_round_is_a_negation(checker, name, cue):
    # "said other buyers would not make offers" / "said she expected to see
    # other buyers come forward": the negation's words are not the source's,
    # but leaving the negation out brings the two close
    report = checker.verify(str(DATA / name), [ARTICLE])
    assert [(f.code, f.status, f.severity) for f in report.findings] == [("NEG001", "contradicted", "error")]
    f = report.findings[0]
    assert f.evidence[1].text.startswith("Lena Brook, a retail analyst at Hale & Voss, said she expected")
    assert f.message == f'Polarity differs: {name[:-3]} says it did not happen ("{cue}") but northway says it did'


@pytest.mark.model
@pytest.mark.parametrize("name", ["restated.md", "reformulado_es.md"])
def test_the_same_sentence_restated_is_supported_and_its_analyst_is_no_other_source(checker, name):
    report = checker.verify(str(DATA / name), [ARTICLE])
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported")]
    assert report.findings[0].evidence[1].text.startswith("Lena Brook, a retail analyst at Hale & Voss")


def test_an_ampersand_joins_a_name_in_any_language():
    from consistency.facts import attributions, entities

    for lang, text in (("en", "An analyst at Hale & Voss said prices would rise."),
                       ("es", "Una analista de Hale & Voss dijo que los precios subirán.")):
        assert [e.text for e in entities.extract(text, 0, lang)] == ["Hale & Voss"]
        [att] = attributions.extract(text, 0, lang)
        assert att.key.startswith("src:") and att.source.endswith("Hale & Voss")


def test_a_detail_is_read_only_against_the_articles_that_support_the_claim():
    """``_Prefer.home`` with ``articles`` looks only at those articles'
    sentences (a stand-in embedding: the nearer sentence is in another
    article, which tells something else)."""
    import numpy as np

    from consistency.records import Claim
    from consistency.rules.support import Fact
    from consistency.verify import _Prefer

    def claim(cid, article, text):
        return Claim(id=cid, article=article, text=text, start=0, end=len(text), lang="en",
                     line=1, end_line=1, column=1, end_column=len(text) + 1)

    mine = claim("r:0", "report", "One is likely to be in Glasgow.")
    a = claim("a:0", "a", "A resort is likely to be built in Glasgow.")
    b = claim("b:0", "b", "Probably a Nokia model.")
    vectors = {"a:0": np.array([0.8, 0.6], dtype=np.float32), "b:0": np.array([1.0, 0.0], dtype=np.float32)}
    prefer = _Prefer(lambda texts: np.array([[1.0, 0.0]] * len(texts), dtype=np.float32), vectors, [a, b])
    glasgow = Fact("entity", "Glasgow", 23, 30, None)
    assert prefer.home(mine, glasgow)[0] is b
    assert prefer.home(mine, glasgow, articles={"a"})[0] is a
    assert prefer.home(mine, glasgow, articles={"c"}) == (None, 0.0, 0.0)


@pytest.mark.model
@pytest.mark.parametrize("lang,sentence", [
    ("en", "Halvard Moen wasted a second-half chance to equalise when he put a penalty wide."),
    ("es", "Halvard Moen desperdició en la segunda parte la ocasión de empatar al lanzar fuera un penalti."),
])
def test_a_negation_in_the_sources_other_clause_denies_nothing(checker, tmp_path, lang, sentence):
    """"..., but Tibor Kael made no such mistake" denies nothing of the
    report sentence, which tells the first clause (en, es)."""
    (tmp_path / "match.md").write_text(
        "---\nlang: en\n---\nNordvik lost 2-1 at home to Ostrava on Sunday.\n\n"
        "Halvard Moen wasted a second-half chance to equalise for Nordvik when he put a penalty wide, "
        "but Tibor Kael made no such mistake with a last-minute spot-kick.\n", encoding="utf-8")
    (tmp_path / "report.md").write_text(f"---\nlang: {lang}\n---\n{sentence}\n", encoding="utf-8")
    report = checker.verify(str(tmp_path / "report.md"), [str(tmp_path / "match.md")])
    got = [(f.code, f.status) for f in report.findings]
    assert got == [("SUP000", "supported")]
