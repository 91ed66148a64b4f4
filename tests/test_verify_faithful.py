"""Faithful summaries left alone (``tests/verify/faithful``: one English
article with no name any table of the project knows, a faithful English and
Spanish summary of it, and copies with two amounts swapped), through the
real model.  Each sentence of the faithful summaries reads its source in a
way that raised a warning or an error before:

* "80m euros" / "80 millones de euros" and "about 45m euros" / "Unos 45
  millones" (a bare figure whose unit the sentence before gives);
* "over eleven years" / "over the last eleven years" (a span of time);
* "falling sales and the chronic overproduction" (noun phrases joined with
  "and" are no second statement);
* "The 58-year-old from Dunmere told the Morning Ledger she was ..." /
  "Growers' leader Pia Norlund, 58, from Dunmere, Caldera, said she was ..."
  (who was told is no actor; Caldera places Dunmere; the outlet is named with
  the word the article names it with);
* "The growers' union welcomed the loans" / "... welcomed the loans and said
  no one had been promised a grant" (the negation belongs to the other
  statement).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from consistency.cluster import clause_texts
from consistency.facts import FactContext, extract_text
from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)

DATA = Path(__file__).parent / "verify" / "faithful"
ARTICLE = str(DATA / "article.md")


@pytest.mark.model
@pytest.mark.parametrize("name,sentences", [("faithful.md", 5), ("fiel_es.md", 2)])
def test_faithful_summary_raises_nothing(checker, name, sentences):
    report = checker.verify(str(DATA / name), [ARTICLE])
    mine = [c for c in report.claims if c.article == report.subject]
    assert len(mine) == sentences
    assert loud(report) == []
    assert sorted(f.evidence[0].text for f in report.findings) == sorted(c.text for c in mine)
    assert {(f.code, f.status) for f in report.findings} == {("SUP000", "supported")}


@pytest.mark.model
def test_swapped_amounts_are_still_found_en(checker):
    report = checker.verify(str(DATA / "swapped.md"), [ARTICLE])
    assert [(code, status, text) for code, status, text, _ in loud(report)] == [
        ("QTY001", "contradicted", "About 12m euros will be offered as cheap loans to indebted growers.")]
    assert loud(report)[0][3] == 'Amounts differ: swapped says "About 12m euros" but article says "about 45m euros"'


@pytest.mark.model
def test_swapped_amounts_are_still_found_es(checker):
    report = checker.verify(str(DATA / "cambiado_es.md"), [ARTICLE])
    assert [(code, status) for code, status, _, _ in loud(report)] == [("SUP002", "partial")]
    assert loud(report)[0][2].startswith("Unos 12 millones se ofrecerán")
    assert loud(report)[0][3].startswith(
        'Partly supported: "Unos 12 millones se ofrecerán en préstamos baratos a los productores endeudados" '
        "is in no source")


def _quantities(text, lang="en"):
    return [(q.text, q.kind, q.unit, q.value, q.qualifier, q.low_open)
            for q in extract_text(text, 0, lang, FactContext()).quantities]


def test_a_scale_letter_before_a_currency_name_is_a_multiplier():
    assert _quantities("It will hand growers 70m euros ($91m) in aid.")[0][:4] == ("70m euros", "money", "EUR", 7e7)
    assert _quantities("The bulk - about 40m euros - goes to loans.")[0][:5] == (
        "about 40m euros", "money", "EUR", 4e7, "about")
    assert _quantities("It raised 5bn yen.")[0][:4] == ("5bn yen", "money", "JPY", 5e9)
    # elsewhere "100m" is still a distance, not an amount
    assert _quantities("He won the 100m in 9.8 seconds.") == [("9.8", "count", None, 9.8, "exact", False)]


def test_over_a_span_of_time_keeps_the_value_itself():
    assert _quantities("They studied wave heights over nine years.") == [
        ("over nine years", "measure", "year", 9.0, "at_least", False)]
    assert _quantities("Over 500 people died.") == [("Over 500", "count", None, 500.0, "over", True)]


def test_soft_clauses_keep_names_and_noun_phrases_together():
    assert clause_texts("I believe Kenteris and Thanou won't race again, he told parliament.", "en", soft=True) == ()
    assert clause_texts("The comedy set records for New Year's Eve and New Year's Day takings.", "en",
                        soft=True) == ()
    assert clause_texts("It is aid to fight falling sales and the chronic overproduction.", "en", soft=True) == ()
    assert clause_texts("Es una ayuda contra la caída del consumo y el exceso de producción.", "es",
                        soft=True) == ()
    assert [c.text for c in clause_texts("The union welcomed the loans and said no one had been promised a grant.",
                                         "en", soft=True)] == [
        "The union welcomed the loans", "said no one had been promised a grant."]


def _judged(report_text, sources, sims, loose_min):
    """:func:`judge` on real extraction, the similarities given (a stand-in
    for the model: this is the rule's logic, not the model's)."""
    from consistency.config import Config
    from consistency.rules.base import Pair
    from consistency.rules.support import Candidate, SourceIndex, judge
    from test_rules_cases import _side

    config = Config()
    art, claim = _side("report", {"lang": "en", "text": report_text}, config)
    sides = [_side(f"s{k}", {"lang": "en", "text": t}, config) for k, t in enumerate(sources)]
    cands = [Candidate(pair=Pair(a=claim, b=c, art_a=art, art_b=a, config=config, similarity=sim),
                       similarity=sim, contradicted=False) for (a, c), sim in zip(sides, sims)]
    return judge(claim, cands, SourceIndex([c for _, c in sides]), 0.88, None, loose_min)


def test_a_sentence_joining_sources_whose_details_all_stand_is_said_not_raised():
    report = "The Norvik Guild lost the vote in Harwick on the Brandvold plan by 12 votes on Tuesday."
    sources = ["The Norvik Guild of Harwick had expected to win.", "The Brandvold plan passed on Tuesday.",
               "The plan was carried by 12 votes."]
    loose = _judged(report, sources, [0.87, 0.86, 0.85], loose_min=0.86)
    assert (loose.code, loose.status, loose.severity) == ("SUP001", "unsupported", "info")
    assert loose.message == ("No one source sentence states this, though each of its details is in the "
                             "sources (closest: s0, similarity 0.87)")
    # below the bar, or without the option: raised as before
    assert _judged(report, sources, [0.85, 0.84, 0.83], loose_min=0.86).severity is None
    assert _judged(report, sources, [0.87, 0.86, 0.85], loose_min=None).severity is None
    # a detail no source states: raised, named
    missing = _judged(report.replace("Tuesday", "Friday"), sources, [0.87, 0.86, 0.85], loose_min=0.86)
    assert (missing.code, missing.severity) == ("SUP002", None)
    assert missing.message.startswith('Partly supported: date "Friday" appears in no source')


def test_a_negation_put_on_what_two_neighbouring_sentences_say():
    """:func:`consistency.verify._denied_window` on real extraction, with a
    stand-in embedding (unit vectors chosen so that the two sentences read
    together are closer to the report than either alone, and leaving the
    report's negation out closes most of the distance): the rule's logic,
    not the model's."""
    import numpy as np

    from consistency.config import Config
    from consistency.rules import get
    from consistency.verify import _denied_window
    from test_rules_cases import _side

    config = Config()
    report = "Harvest Institute chairman Tomas Ekwall does not become an OBE."
    first = "There was also recognition for Tomas Ekwall, chairman of the Harvest Institute."
    second = "He becomes an OBE."
    art, claim = _side("report", {"lang": "en", "text": report}, config)
    src, s1 = _side("article", {"lang": "en", "text": first}, config)
    _, s2 = _side("article", {"lang": "en", "text": second}, config)
    s2 = s2.__class__(**{**s2.__dict__, "id": "article:1", "start": 200, "end": 200 + len(second)})

    def unit(*v):
        v = np.asarray(v, dtype=np.float32)
        return v / np.linalg.norm(v)

    table = {first + " " + second: unit(1, 0, 0), first: unit(0.8, 0, 0.6), second: unit(0.6, 0, 0.8),
             "Harvest Institute chairman Tomas Ekwall does become an OBE.": unit(0.98, 0.2, 0)}

    def embed(texts):
        return np.stack([table[t] for t in texts])

    def run(dropped):
        vector = unit(0.9, 0.436, 0)
        sims = np.asarray([float(vector @ table[first]), float(vector @ table[second])])
        return _denied_window(claim, art, [0, 1], [s1, s2], {s1.id: 0, s2.id: 1}, {"article": src},
                              vector, sims, np.stack([table[first], table[second]]),
                              {} if dropped is None else {"negation-dropped": dropped},
                              get("NEG001")(), config, frozenset(), embed, {})

    found = run(None)
    assert [(rule.code, pair.b.text, jd.message) for _, pair, rule, jd in found] == [(
        "NEG001", first, 'Polarity differs: report says it did not happen ("not") but article says it did, '
        'read with the next sentence ("He becomes an OBE.")')]
    # leaving the negation out brings the report no closer: nothing
    assert run(unit(0.9, 0.436, 0)) == []
