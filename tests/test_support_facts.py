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
