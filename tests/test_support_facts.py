"""Which details of a report sentence verify looks up (rules/support.py
``facts_of``), and the names ENT001 reads as one (rules/actor.py); no model."""
from __future__ import annotations

from consistency.config import Config
from consistency.pipeline import Checker
from consistency.records import Claim, Entity, Facts
from consistency.rules.actor import named_within
from consistency.rules.support import facts_of


def _claims(tmp_path, lang, text):
    (tmp_path / "r.md").write_text(f"---\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    report = Checker(Config(quiet=True)).extract_report([str(tmp_path / "r.md")])
    return report.claims


def test_a_pronoun_source_is_no_detail_to_look_up(tmp_path):
    claims = _claims(tmp_path, "en", "Rob Partridge ran the press office. He said the band sold more records in 1991.")
    kinds = [(f.kind, f.text) for f in facts_of(claims[1])]
    assert ("attribution", "He") not in kinds
    assert ("date", "1991") in kinds


def test_a_spanish_pronoun_source_is_no_detail_either(tmp_path):
    claims = _claims(tmp_path, "es", "Rob Partridge dirigía la prensa. Según él, el grupo vendió más discos en 1991.")
    assert all(f.text.lower() != "él" for f in facts_of(claims[1]))


def test_a_named_source_stays_a_detail(tmp_path):
    claims = _claims(tmp_path, "en", "Clarence House said the prince had apologised.")
    assert [(f.kind, f.text) for f in facts_of(claims[0])] == [("attribution", "Clarence House")]


def _claim(text, names):
    ents = tuple(Entity(n, "PER", "per:" + n.lower().replace(" ", "-"), text.index(n), text.index(n) + len(n))
                 for n in names)
    return Claim(id="a:1", article="a", text=text, start=0, end=len(text), lang="en", line=1, end_line=1,
                 facts=Facts(entities=ents))


def test_a_name_with_more_words_names_the_same_one():
    janner = Entity("Lord Janner", "PER", "per:lord-janner", 0, 11)
    assert named_within(janner, _claim("Former Labour MP Lord Janner branded it stupid.",
                                       ["Former Labour MP Lord Janner"]))
    assert not named_within(janner, _claim("Lord Bragg branded it stupid.", ["Lord Bragg"]))


class _Aligned:
    """A stand-in for verify's ``_Prefer``: the source slot each report
    detail stands in the place of, and how many neighbouring words are linked."""

    tokens = True

    def __init__(self, partners):
        self.partners = partners

    def partner(self, claim, fact, source):
        return self.partners.get((fact.start, fact.end), ((), 0))


def test_a_swap_stands_where_the_aligned_tokens_put_it(tmp_path):
    from consistency.rules.support import Fact, aligned_swaps

    (tmp_path / "s.md").write_text("---\nlang: en\n---\nThe award went to Jason Gardener and Mark Lewis, "
                                   "trained in St Kitts.\n", encoding="utf-8")
    (tmp_path / "r.md").write_text("---\nlang: en\n---\nThe award went to Maurice Greene and Mark Lewis.\n",
                                   encoding="utf-8")
    checker = Checker(Config(quiet=True))
    source = checker.extract_report([str(tmp_path / "s.md")]).claims[0]
    claim = checker.extract_report([str(tmp_path / "r.md")]).claims[0]
    greene = next(f for f in facts_of(claim) if f.text == "Maurice Greene")
    kitts = next(f for f in facts_of(source) if "Kitts" in f.text)
    gardener = next(f for f in facts_of(source) if f.text == "Jason Gardener")
    # the words suggested St Kitts; Greene stands where Gardener stands: Gardener is reported
    stands = _Aligned({(greene.start, greene.end): ((gardener.start, gardener.end), 3)})
    assert aligned_swaps(claim, source, [(greene, kitts)], stands) == [(greene, gardener)]
    # among too few linked words, or in the place of nothing: no swap
    assert aligned_swaps(claim, source, [(greene, kitts)],
                         _Aligned({(greene.start, greene.end): ((gardener.start, gardener.end), 1)})) == []
    assert aligned_swaps(claim, source, [(greene, kitts)], _Aligned({})) == []
    # with no token vectors, the swaps are kept as found
    assert aligned_swaps(claim, source, [(greene, kitts)], None) == [(greene, kitts)]
    assert isinstance(greene, Fact)
