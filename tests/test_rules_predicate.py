"""NEG002 opposite predicates: the antonym data, pole matching, the story
corpus ``tests/stories/pred_*`` and verify mode.

Pairs of claims that must or must not fire are in ``tests/rules/NEG002.toml``
(run by ``test_rules_cases.py``); this module tests the parts underneath.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from consistency import lang as langdata
from consistency.config import Config
from consistency.facts import FactContext, extract_text
from consistency.records import Claim
from consistency.rules import get
from consistency.rules.predicate import lexicon, negated, pole_hits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import stories_eval  # noqa: E402

LANGS = ("en", "es")


def claim(text: str, lang: str) -> Claim:
    facts = extract_text(text, 0, lang, FactContext(published=None, config=Config()))
    return Claim(id="a:0", article="a", text=text, start=0, end=len(text), lang=lang,
                 line=1, end_line=1, column=1, end_column=len(text) + 1, facts=facts)


def hits(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(h.concept, h.pole, h.text) for h in pole_hits(claim(text, lang))]


# ------------------------------------------------------------------ data
def test_registered_with_its_doc():
    info = get("NEG002").info()
    assert (info.code, info.name, info.kind, info.severity) == (
        "NEG002", "opposite-predicates", "negation", "error")


def test_every_language_has_the_same_concepts():
    names = {lg: [p["concept"] for p in langdata.load(lg, "antonyms")["pair"]] for lg in LANGS}
    assert names["en"] == names["es"]
    assert len(set(names["en"])) == len(names["en"]) == 22


@pytest.mark.parametrize("lg", LANGS)
def test_every_concept_has_two_poles_and_no_form_on_both(lg):
    for pair in langdata.load(lg, "antonyms")["pair"]:
        plus, minus = set(pair["plus"]), set(pair["minus"])
        assert plus and minus, pair["concept"]
        assert plus & minus == set(), pair["concept"]


@pytest.mark.parametrize("lg", LANGS)
def test_every_exception_contains_a_form_of_its_concept(lg):
    """An exception that no pole form can match inside is dead data."""
    for concept in lexicon(lg):
        data = next(p for p in langdata.load(lg, "antonyms")["pair"]
                    if p["concept"] == concept.name)
        for phrase in data.get("except", []):
            sample = phrase.replace("...", "a short")
            assert any(pat.search(sample.lower()) for _, pat in concept.forms), (lg, phrase)


# ------------------------------------------------------------------ matching
def test_stems_and_phrases():
    assert hits("Exports increased sharply and prices went down.", "en") == [
        ("change-direction", "plus", "increased"), ("change-direction", "minus", "went down")]


def test_longest_match_wins():
    assert hits("Barcelona was defeated in the final.", "en") == [
        ("outcome", "minus", "was defeated")]


def test_accents_are_kept_in_spanish():
    assert hits("El precio bajó bajo presión del Gobierno.", "es") == [
        ("change-direction", "minus", "bajó")]


def test_exception_with_a_gap():
    assert hits("The ministry released a short statement on Friday.", "en") == []
    assert hits("The ministry released the prisoners on Friday.", "en") == [
        ("custody", "plus", "released")]


def test_a_win_over_a_team_is_a_win_and_to_win_over_voters_is_not():
    assert hits("The defeat came on the day of Real Madrid's 4-0 win over Espanyol.", "en") == [
        ("outcome", "minus", "defeat"), ("outcome", "plus", "win")]
    assert hits("The party is trying to win over young voters.", "en") == []


def test_hyphenated_words_are_not_poles():
    assert hits("They held closed-door talks in state-controlled media and left-wing groups "
                "protested.", "en") == []


@pytest.mark.parametrize("text,lang,want", [
    ("Exports did not rise in March.", "en", True),
    ("Exports have not even risen in March.", "en", True),
    ("El Congreso no aprobó la ley.", "es", True),
    ("Exports rose, not fell, in March.", "en", False),
])
def test_negated_pole(text, lang, want):
    c = claim(text, lang)
    assert negated(c, pole_hits(c)[0]) is want


# ------------------------------------------------------------------ end to end
STORIES = sorted(p for p in stories_eval.story_dirs() if p.name.startswith("pred_"))


@pytest.fixture(scope="module")
def checker():
    from consistency.pipeline import Checker
    return Checker(quiet=True)


@pytest.mark.parametrize("path", STORIES, ids=[p.name for p in STORIES])
def test_story(checker, path):
    story = stories_eval.load_story(path)
    res = stories_eval.evaluate_story(story, stories_eval.run_story(checker, story).findings)
    assert [x["note"] for x in res.missed] == []
    assert [(q["note"], f.message) for q, f in res.loud] == []
    assert [f.message for f in res.wrong] == []


def test_verify_flags_an_opposite_predicate(checker, tmp_path):
    src = tmp_path / "source.md"
    src.write_text("---\nlang: en\npublished: 2024-09-13\n---\n"
                   "The regional parliament of Valencia approved the tourist tax on Thursday "
                   "with 52 votes in favour.\n", encoding="utf-8")
    rep = tmp_path / "summary.md"
    rep.write_text("---\nlang: en\npublished: 2024-09-13\n---\n"
                   "The regional parliament of Valencia rejected the tourist tax on Thursday "
                   "with 52 votes in favour.\n", encoding="utf-8")
    report = checker.verify(str(rep), [str(src)])
    found = [(f.code, f.status, f.evidence[0].value, f.evidence[1].value) for f in report.findings]
    assert found == [("NEG002", "contradicted", "rejected", "approved")]


def _antonym_edits():
    path = ROOT / "benchmarks" / "data" / "verify" / "pairs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["edit"] == "antonym"]


def _known_to_the_data(row) -> bool:
    """The benchmark edit swapped one pole of a concept for the other pole."""
    before = {(h.concept, h.pole) for h in pole_hits(claim(row["original"], row["lang"]))}
    after = {(h.concept, h.pole) for h in pole_hits(claim(row["edited_sentence"], row["lang"]))}
    return any((c, "minus" if p == "plus" else "plus") in before for c, p in after - before)


def test_verify_benchmark_antonym_edits_known_to_the_data_are_contradicted(checker, tmp_path):
    """Every antonym edit of benchmarks/verify_bench.py that swaps the two poles
    of a concept (and is a check-worthy claim) is reported as NEG002."""
    rows = [r for r in _antonym_edits() if _known_to_the_data(r)]
    assert len(rows) >= 9
    missed = []
    for row in rows:
        path = tmp_path / f"{row['id']}.md"
        path.write_text(f"---\nlang: {row['lang']}\npublished: {row['published']}\n---\n"
                        f"{row['summary']}\n", encoding="utf-8")
        report = checker.verify(str(path), [str(ROOT / row["doc"])])
        edited = [c for c in report.claims if c.article == report.subject
                  and c.text == row["edited_sentence"].strip()]
        if not edited or not edited[0].checkworthy:
            continue
        codes = {(f.code, f.status) for f in report.findings
                 if f.evidence[0].claim == edited[0].id}
        if ("NEG002", "contradicted") not in codes:
            missed.append(row["edited_sentence"])
    assert missed == []
