"""Story corpora tests/stories/ean_*, xl_* and dv_*: the real pipeline on each story
(one run per story) must report every expected finding, leave every near miss
(``[[quiet]]``) alone, and raise no other warning or error.  (The qd_* and
pred_* stories have tests of their own: test_stories_qd.py,
test_rules_predicate.py.)

Entries marked ``known_miss = true`` in ``expected.toml`` are contradictions
the checker does not report yet; the test fails when one starts being
reported, so that the mark is removed and the finding is held from then on.
``[[known_false_alarm]]`` entries (same keys as ``[[finding]]``) are wrong
findings the checker still raises; the benchmark counts them as false
positives, this test tolerates them only as listed.
"""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import stories_eval  # noqa: E402

STORIES = sorted(p for p in stories_eval.story_dirs() if p.name.startswith(("ean_", "xl_", "dv_")))


@pytest.fixture(scope="module")
def checker():
    from consistency.pipeline import Checker
    return Checker()


@pytest.mark.parametrize("path", STORIES, ids=[p.name for p in STORIES])
def test_story(checker, path):
    story = stories_eval.load_story(path)
    report = stories_eval.run_story(checker, story)
    res = stories_eval.evaluate_story(story, report.findings)
    missed = [x["note"] for x in res.missed if not x.get("known_miss")]
    assert missed == [], f"expected findings not reported: {missed}"
    now_found = [x["note"] for x in res.found if x.get("known_miss")]
    assert now_found == [], f"reported now, remove known_miss: {now_found}"
    loud = [(q["note"], f.message) for q, f in res.loud]
    assert loud == [], f"near misses that fired: {loud}"
    with (path / "expected.toml").open("rb") as fh:
        allowed = tomllib.load(fh).get("known_false_alarm", [])
    wrong = [f.message for f in res.wrong if not any(stories_eval.matches(f, x) for x in allowed)]
    assert wrong == [], f"false alarms: {wrong}"


def test_xl_stories_inject_every_family():
    """Each xl_ story injects contradictions of at least five families and lists
    cross-language must-not-fire pairs for actors, sources and places."""
    xl = [p for p in STORIES if p.name.startswith("xl_")]
    assert xl
    for path in xl:
        story = stories_eval.load_story(path)
        families = {x["family"][:3] for x in story.findings}
        quiet = {x.get("family", "")[:3] for x in story.quiet}
        assert len(families) >= 5 and {"ENT", "LOC"} <= families, (path.name, families)
        assert {"ENT", "ATT", "LOC"} <= quiet, (path.name, quiet)
