"""Verify mode on abstractive summaries: sentences that reword and join
source sentences (``tests/verify/abstractive``: one English article with no
name any table of the project knows, a faithful English summary, a faithful
Spanish one, and an edited English one with a swapped company, an invented
clause and a negation), through the real model; and the extraction and
look-up pieces those verdicts rest on."""
from __future__ import annotations

from pathlib import Path

import pytest

from consistency.facts import attributions, entities, negation
from consistency.records import Article
from consistency.rules.support import SourceIndex, facts_of
from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

DATA = Path(__file__).parent / "verify" / "abstractive"
ARTICLE = str(DATA / "harbour.md")


@pytest.mark.model
@pytest.mark.parametrize("name", ["faithful.md", "fiel_es.md"])
def test_a_faithful_abstractive_summary_is_supported_sentence_by_sentence(checker, name):
    report = checker.verify(str(DATA / name), [ARTICLE])
    assert loud(report) == []
    mine = [c for c in report.claims if c.article == report.subject and c.checkworthy]
    statuses = {f.evidence[0].claim: f.status for f in report.findings}
    assert mine and all(statuses.get(c.id) == "supported" for c in mine)


@pytest.mark.model
def test_an_edited_summary_gets_one_finding_per_edit(checker):
    report = checker.verify(str(DATA / "edited.md"), [ARTICLE])
    found = loud(report)
    assert [(code, status) for code, status, _, _ in found] == [
        ("SUP002", "partial"), ("SUP002", "partial"), ("NEG001", "contradicted")]
    swap, clause, neg = found
    # a company of the article, in another company's role
    assert swap[2].startswith("Orvik's harbour board voted 7-2 to turn down Nordhavn Shipping's")
    # (read against the sentence its words come from: the closest sentence's
    # tokens do not put it in Velmar Lines' place)
    assert swap[3].startswith('Partly supported: entity "Nordhavn Shipping" is not what Coastal Courier says '
                              'in the sentence its words come from ("Velmar Lines": ')
    # an invented second clause of a sentence otherwise backed
    assert clause[2].startswith("The company says the project would have created 600 jobs")
    assert '"the government has promised to pay for a new road" is in no source' in clause[3]
    assert neg[2].startswith("Ingrid Saltvik, who chairs the board, said the terminal would not")
    by_code = {f.code: f for f in report.findings if f.severity != "info"}
    assert by_code["NEG001"].evidence[1].text.startswith("Board chair Ingrid Saltvik said")


@pytest.mark.model
def test_opposite_predicates_found_by_the_model_by_prefix_and_by_a_denying_verb(checker):
    report = checker.verify(str(DATA / "edited2.md"), [ARTICLE])
    got = [(f.code, f.evidence[0].value, f.evidence[1].value, f.evidence[1].text[:40])
           for f in report.findings if f.severity == "error"]
    assert got == [
        # reworded around the pole words: the model says the rest is one statement
        ("NEG002", "fell", "rose", "Passenger numbers at the port rose by a "),
        # "refused to criticise" against "called the decision short-sighted"
        ("NEG001", "refused to", None, "Velmar's chief executive, Tomas Brekke, "),
        # no table lists "unlikely": the prefix does
        ("NEG002", "unlikely", "likely", "The board said a smaller terminal was li"),
    ]
    # a sentence with no number, date or name is checked too
    last = report.findings[-1]
    assert (last.code, last.status, last.evidence[0].text) == (
        "SUP001", "unsupported", "The vote was delayed by a week because of a storm.")


@pytest.mark.model
def test_an_edited_spanish_summary_of_an_english_article(checker):
    report = checker.verify(str(DATA / "editado_es.md"), [ARTICLE])
    got = [(f.code, f.status, f.evidence[0].text[:30]) for f in report.findings]
    assert got == [("NEG002", "contradicted", "Según la junta, el número de p"),
                   ("SUP001", "unsupported", "El consejero delegado de Velma")]
    neg = report.findings[0]
    assert (neg.evidence[0].value, neg.evidence[1].value) == ("cayó", "rose")


# ---------------------------------------------------------------- pieces
def _claims(checker, *texts, lang="en"):
    arts = [Article(id=f"a{i}", path=f"a{i}", text=t, lang=lang) for i, t in enumerate(texts)]
    return checker.extract(arts)


def test_a_lower_case_hyphen_tail_is_not_part_of_a_name():
    found = {(t[2], "Up to eight Las Vegas-style resorts, said Jean-Philippe Cotis."[t[0]:t[1]])
             for t in entities.find("Up to eight Las Vegas-style resorts, said Jean-Philippe Cotis.", "en")}
    names = {text for _, text in found}
    assert "Las Vegas" in names and "Jean-Philippe Cotis" in names
    assert not any("style" in n for n in names)


def test_the_speaker_before_a_relative_clause_is_the_source():
    text = "Labour MP Barry Sheerman, who chairs the committee, warned that the response would be a tragedy."
    (start, end, s, e, key, verb), = attributions.find(text, "en")
    assert text[s:e] == "Labour MP Barry Sheerman" and verb == "warned"
    assert attributions.find("The company, which makes phones, said profits fell.", "en") == []


def test_a_clause_after_an_inverted_verb_is_not_a_source():
    text = "Its chief economist, Jean-Philippe Cotis, said the world economy should still regain momentum."
    assert all("economy" not in text[s:e] for _, _, s, e, _, _ in attributions.find(text, "en"))


@pytest.mark.parametrize("text,lang,cues", [
    ("the economy will recover in a not-too-distant future", "en", []),
    ("no-one was injured", "en", ["no"]),
    ("Residents urged the board not to approve the terminal", "en", []),
    ("He warned that the bridge was not safe", "en", ["not"]),
    ("The club decided not to sign him", "en", ["not"]),
    ("Los vecinos instaron a la junta a no aprobar la terminal", "es", []),
    ("Los vecinos pidieron que no se apruebe la terminal", "es", []),
    ("La junta dijo que no se aprueba la terminal", "es", ["no"]),
])
def test_negations_that_deny_and_those_that_ask_or_modify(text, lang, cues):
    assert [c for _, _, c, _ in negation.find(text, lang)] == cues


def test_amounts_after_a_currency_symbol_take_m_and_k_but_distances_do_not(checker):
    claim, = _claims(checker, "It cost about €410m and $40k, and he won the 100m.")
    got = [(q.text, q.unit, q.low, q.high) for q in claim.facts.quantities]
    assert got == [("about €410m", "EUR", 369e6, 451e6), ("$40k", "USD", 39500.0, 40500.0)]


@pytest.mark.model
def test_the_source_index_finds_names_and_amounts_written_another_way(checker):
    source = _claims(checker,
                     "During 2004 about 25 million players were sold in the US, the Scottish National Party said.")
    index = SourceIndex(source)
    claim, = _claims(checker, "The SNP said 25 million players were sold in the US in 2004.")
    facts = {f.text: bool(index.find(f)) for f in facts_of(claim)}
    assert facts == {"SNP": True, "25 million": True, "US": True, "2004": True}
    other, = _claims(checker, "The SNP said 35 million players were sold in the US in 2004.")
    assert {f.text: bool(index.find(f)) for f in facts_of(other)}["35 million"] is False


def test_a_first_word_is_a_name_when_the_sources_use_it_as_one(checker):
    from consistency.verify import _named_by_sources

    sources = _claims(checker, "Users compared the tool with Smart Tags from Microsoft, which dropped them.")
    report, other = _claims(checker, "Microsoft said none of the companies had paid.",
                            "Critics said none of the companies had paid.")
    assert [e.text for e in report.facts.entities] == []  # sentence case alone is no evidence
    known = {e.text: e for e in sources[0].facts.entities}
    named = _named_by_sources(report, known)
    (ent,) = named.facts.entities
    assert (ent.text, ent.start, ent.end) == ("Microsoft", report.start, report.start + 9)
    assert ent.key == known["Microsoft"].key and ent.key.endswith("microsoft")
    assert _named_by_sources(other, known) is other


@pytest.mark.model
def test_an_undated_report_reads_its_relative_dates_from_the_sources(checker, tmp_path):
    report = tmp_path / "undated.md"
    report.write_text("---\nlang: en\n---\nThe Orvik Harbour Board voted 7-2 on Tuesday to reject the "
                      "Velmar Lines terminal plan for the north quay.\n", encoding="utf-8")
    result = checker.verify(str(report), [ARTICLE])
    assert any("no publication date" in n and "2026-03-14" in n for n in result.notes)
    (f,) = [f for f in result.findings if f.severity != "info"]
    # Tuesday of that week against the article's Thursday
    assert (f.code, f.evidence[0].value, f.evidence[1].value) == ("DAT001", "Tuesday", "Thursday")


@pytest.mark.parametrize("name,initials", [
    ("Scottish National Party", "SNP"), ("Ministerio de Sanidad y Consumo", "MSC"),
    ("Bank of England", "BE"), ("the regional health service", ""), ("Google", ""),
])
def test_initials_of_a_name(name, initials):
    from consistency.facts.names import initials as initials_of

    assert initials_of(name) == initials
