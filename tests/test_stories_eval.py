"""The story scorer itself (benchmarks/stories_eval.py), on hand-made findings:
recall, precision and restatement false alarms, per family and per language pair."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace as NS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import stories_eval  # noqa: E402


def finding(code, severity, *pairs):
    return NS(code=code, severity=severity, evidence=[NS(article=a, value=v) for a, v in pairs])


STORY = stories_eval.Story("s", Path("."), findings=[
    {"family": "QTY", "articles": ["a_en", "b_es"], "values": ["312", "450"]},
    {"family": "DAT", "articles": ["a_en", "c_en"], "values": ["May 6", "May 7"]},
], quiet=[
    {"family": "QTY", "articles": ["a_en", "c_en"], "values": ["about 300", "312"]},
    {"family": "ATT", "articles": ["a_en", "b_es"]},
])
LANGS = {"a_en": "en", "b_es": "es", "c_en": "en"}


def test_score_per_family_language_pair_and_restatements():
    found = [
        finding("QTY001", "error", ("b_es", "450 muertos"), ("a_en", "312 dead")),   # expected, either order
        finding("QTY001", "warning", ("a_en", "about 300"), ("c_en", "312")),       # a restatement that fired
        finding("DAT002", "info", ("a_en", "May 6"), ("c_en", "May 7")),            # info: not a claim
    ]
    res = stories_eval.evaluate_story(STORY, found, LANGS)
    assert [x["family"] for x in res.found] == ["QTY"]
    assert [x["family"] for x in res.missed] == ["DAT"]
    assert [q["family"] for q, _ in res.loud] == ["QTY"]
    rows = stories_eval.score([res])
    assert (rows["ALL"]["found"], rows["ALL"]["required"]) == (1, 2)
    assert (rows["ALL"]["correct"], rows["ALL"]["reported"]) == (1, 2)
    assert (rows["ALL"]["fired"], rows["ALL"]["restatements"]) == (1, 2)
    assert rows["ALL"]["false_alarm_rate"] == 0.5
    assert (rows["en-es"]["found"], rows["en-es"]["required"], rows["en-es"]["restatements"]) == (1, 1, 1)
    assert (rows["en-en"]["found"], rows["en-en"]["required"], rows["en-en"]["fired"]) == (0, 1, 1)
    assert (rows["en-en"]["correct"], rows["en-en"]["reported"]) == (0, 1)
    assert rows["QTY"]["recall"] == 1.0 and rows["DAT"]["recall"] == 0.0
    assert (rows["ATT"]["fired"], rows["ATT"]["restatements"]) == (0, 1)


def test_lang_pair_uses_id_prefixes():
    assert stories_eval.lang_pair({"a_en": "en", "b_es": "es"}, ["b", "a"]) == "en-es"
    assert stories_eval.lang_pair({"a_en": "en"}, ["a", "zz"]) == "?-en"


def test_a_quiet_entry_with_texts_matches_only_those_sentences():
    """NEG evidence values are cues ("no") or nothing: ``texts`` names the
    sentences a quiet entry is about, so a true finding between two other
    sentences of the same articles is not counted as that restatement firing."""
    quiet = {"family": "NEG", "articles": ["a_en", "b_es"], "texts": ["found no faults", "ningún fallo"]}
    other = NS(code="NEG001", severity="error", evidence=[
        NS(article="a_en", value=None, text="The company has suspended all operations."),
        NS(article="b_es", value="aún no", text="La compañía aún no ha suspendido la actividad.")])
    same = NS(code="NEG001", severity="error", evidence=[
        NS(article="b_es", value="no", text="La inspección no detectó ningún fallo."),
        NS(article="a_en", value="no", text="The inspection found no faults.")])
    assert stories_eval.matches(other, quiet) is False
    assert stories_eval.matches(same, quiet) is True
    assert stories_eval.matches(other, {"family": "NEG", "articles": ["a_en", "b_es"]}) is True


def test_each_miss_is_given_the_stage_that_lost_it():
    """A missed finding is ``unplaced`` when no sentence of one article holds
    its value, ``apart`` when sentences holding both values exist but never
    share a cluster, ``clustered`` when two of them do (no rule judged them),
    ``unknown`` when the entry names no values or texts; the counts add up
    per family and in ALL."""
    claims = [NS(id="a_en:1", article="a_en", text="The toll rose to 312 on Monday."),
              NS(id="a_en:2", article="a_en", text="Rescuers worked through May 6."),
              NS(id="b_es:1", article="b_es", text="El balance asciende a 450 muertos."),
              NS(id="c_en:1", article="c_en", text="Work ended on May 7, officials said.")]
    clusters = [NS(id="c1", claims=("a_en:1", "b_es:1")), NS(id="c2", claims=("a_en:2",))]
    story = stories_eval.Story("s", Path("."), findings=[
        {"family": "QTY", "articles": ["a_en", "b_es"], "values": ["312", "450"]},
        {"family": "DAT", "articles": ["a_en", "c_en"], "values": ["May 6", "May 7"]},
        {"family": "ATT", "articles": ["a_en", "b_es"], "values": ["Reuters", "EFE"]},
        {"family": "NEG", "articles": ["b_es", "c_en"]},
    ], quiet=[])
    res = stories_eval.evaluate_story(story, [], LANGS, claims, clusters)
    assert [(x["family"], st) for x, st in zip(res.missed, res.stages)] == [
        ("QTY", "clustered"), ("DAT", "apart"), ("ATT", "unplaced"), ("NEG", "unknown")]
    rows = stories_eval.stage_counts([res])
    assert rows["ALL"] == {"unplaced": 1, "apart": 1, "clustered": 1, "unknown": 1}
    assert rows["DAT"] == {"unplaced": 0, "apart": 1, "clustered": 0, "unknown": 0}
    # without the report's claims, no stage is told
    assert stories_eval.evaluate_story(story, [], LANGS).stages == []
