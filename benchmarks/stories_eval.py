"""Per-family recall and precision of the rules on the story corpora.

Every folder ``tests/stories/<name>/`` is one story: a few articles about one
event (``.txt``/``.md`` files with front matter) plus an ``expected.toml``
that lists what the checker must report and what it must leave alone. Each
story is checked on its own (one pipeline run per story). The seeds with the
held-out corpus (``tests/heldout/``) are evaluated too, unless ``--stories-only``.

``expected.toml`` format::

    # Findings the rules must report.
    [[finding]]
    family = "QTY"              # code prefix: QTY, DAT, ATT, ENT, LOC, NEG
                                # (or a full code such as "QTY001")
    articles = ["a1", "b2"]     # the two article ids (file stems), any order
                                # (a prefix works: "a1" matches "a1_en")
    values = ["312", "450"]     # text each evidence value must contain, in the
                                # order of `articles` ("" matches any value)
    note = "death toll 312 vs 450"   # for people; printed when missed
    required = true             # optional, default true; false = acceptable
                                # (counted as correct if reported, never missed)

    # Pairs that must NOT fire (near misses: compatible values, same fact
    # stated differently). A warning/error finding of `family` between the two
    # articles whose values contain `values` is a false alarm.
    [[quiet]]
    family = "QTY"              # optional: any family when left out
    articles = ["a1", "c3"]
    values = ["about 300", "312"]    # optional: any values when left out
    texts = ["toll rose to", "ascendió a"]   # optional: text each evidence
                                # sentence must contain (for a family whose
                                # values say little, such as NEG's cues)
    note = "about 300 vs 312 is compatible"

Scoring, per family (the first three letters of the code):

* recall: required findings reported as error or warning / required
  findings (an info finding says the values are compatible, so it does not
  count as finding a contradiction);
* precision: reported error/warning findings that match an expected finding
  / all reported error/warning findings. A warning/error finding matching no
  expectation is a false positive; info findings (compatible variants) are
  not judged. A ``quiet`` entry that fires is listed separately (it is also a
  false positive unless an expected finding matches it).

Misses: each required finding not reported is given the stage where the
pipeline lost it (:func:`miss_stage`): ``unplaced`` (no sentence holds its
value as written), ``apart`` (the clustering never put the two sentences
together) or ``clustered`` (they shared a cluster and no rule judged them a
contradiction), or ``unknown`` for an entry with neither values nor texts;
the counts per family are printed under the table, the
stage at the end of each ``missed`` line.

Restatements: every ``quiet`` entry stands for one faithful restatement; the
false-alarm rate is the share of quiet entries that a warning/error finding
matched. Every row is also broken down by language pair of the two articles
(``en-en``, ``es-es``, ``en-es``), taken from the articles' languages in the
report.

Usage::

    python benchmarks/stories_eval.py [STORY_DIR...] [--model NAME] [--backend B] [--stories-only] [-v]
    python benchmarks/stories_eval.py benchmarks/blind/* --stories-only   # the frozen blind set

Importable: :func:`load_story`, :func:`evaluate_story`, :func:`run_story`
and :func:`score` are used by the story tests.
"""
from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "stories"
FAMILIES = ("QTY", "DAT", "ATT", "ENT", "LOC", "NEG")


@dataclass
class Story:
    """One story folder and its expectations."""

    name: str
    path: Path
    findings: list[dict]
    quiet: list[dict]


@dataclass
class Result:
    """The comparison of one report with one story's expectations."""

    name: str
    found: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    correct: list = field(default_factory=list)      # Finding objects
    wrong: list = field(default_factory=list)        # Finding objects (false positives)
    loud: list = field(default_factory=list)         # (quiet entry, Finding) that fired
    quiet: list = field(default_factory=list)        # every quiet entry of the story
    langs: dict = field(default_factory=dict)        # article id -> language
    stages: list = field(default_factory=list)       # one per missed entry: see miss_stage


def story_dirs(root: Path = STORIES) -> list[Path]:
    """Every folder under ``root`` holding an ``expected.toml``, sorted by name."""
    return sorted(p.parent for p in root.glob("*/expected.toml"))


def load_story(path: Path) -> Story:
    """Read ``path/expected.toml``; entries keep their keys as written."""
    with (path / "expected.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return Story(path.name, path, list(data.get("finding", [])), list(data.get("quiet", [])))


def family(finding_or_entry) -> str:
    code = finding_or_entry.code if hasattr(finding_or_entry, "code") else finding_or_entry.get("family", "")
    return code[:3]


def _id_matches(article_id: str, want: str) -> bool:
    return article_id == want or article_id.startswith(want + "_")


def _values_match(evidence, values) -> bool:
    if values is None:
        return True
    return all(v.lower() in (e.value or "").lower() for e, v in zip(evidence, values))


def matches(finding, entry: dict) -> bool:
    """Same family (or code), the same two articles, each value in its evidence value."""
    want = entry.get("family") or entry.get("code") or ""
    if want and not finding.code.startswith(want):
        return False
    ev = list(finding.evidence)
    if len(ev) != 2:
        return False
    for order in (ev, ev[::-1]):
        if all(_id_matches(e.article, a) for e, a in zip(order, entry["articles"])):
            if _values_match(order, entry.get("values")) and _texts_match(order, entry.get("texts")):
                return True
    return False


def _texts_match(evidence, texts) -> bool:
    if texts is None:
        return True
    return all(t.lower() in (e.text or "").lower() for e, t in zip(evidence, texts))


def judged(findings) -> list:
    """The findings that claim a contradiction: error and warning severity."""
    return [f for f in findings if f.severity in ("error", "warning")]


def miss_stage(entry: dict, claims, clusters) -> str:
    """Where the pipeline lost an expected finding it did not report:

    * ``"unplaced"``: no sentence of one of the two articles holds the
      entry's value (or text) as written -- the gold names words the
      extractor did not make a claim of, or the value is spelled otherwise;
    * ``"apart"``: sentences holding the two values exist, but the
      clustering never put two of them in one cluster, so no rule saw them
      side by side;
    * ``"clustered"``: two such sentences share a cluster, and no rule
      judged them a contradiction;
    * ``"unknown"``: the entry gives neither values nor texts, so which
      sentences it means cannot be told.
    """
    want = entry.get("texts") or entry.get("values") or ["", ""]
    if not any(want):
        return "unknown"
    held = [[c.id for c in claims if _id_matches(c.article, a) and (v or "").lower() in c.text.lower()]
            for a, v in zip(entry["articles"], want)]
    if not held[0] or not held[1]:
        return "unplaced"
    where: dict[str, set] = defaultdict(set)
    for cl in clusters:
        for cid in cl.claims:
            where[cid].add(cl.id)
    if any(where[x] & where[y] for x in held[0] for y in held[1]):
        return "clustered"
    return "apart"


def evaluate_story(story: Story, findings, langs: dict | None = None, claims=(), clusters=()) -> Result:
    """Compare reported findings with the story's expectations.

    ``langs`` (article id -> language) lets :func:`score` break the figures
    down by language pair; with the report's ``claims`` and ``clusters``
    each missed entry is given its :func:`miss_stage` (``Result.stages``).
    """
    res = Result(story.name, quiet=list(story.quiet), langs=dict(langs or {}))
    required = [x for x in story.findings if x.get("required", True)]
    for x in required:
        (res.found if any(matches(f, x) for f in judged(findings)) else res.missed).append(x)
    if claims:
        res.stages = [miss_stage(x, claims, clusters) for x in res.missed]
    for f in judged(findings):
        (res.correct if any(matches(f, x) for x in story.findings) else res.wrong).append(f)
        for q in story.quiet:
            if matches(f, q):
                res.loud.append((q, f))
    return res


def _lang_of(langs: dict, want: str) -> str:
    for aid, lang in langs.items():
        if _id_matches(aid, want):
            return lang
    return "?"


def lang_pair(langs: dict, article_ids) -> str:
    """``en-en``, ``es-es``, ``en-es`` (sorted) for two article ids or prefixes."""
    return "-".join(sorted(_lang_of(langs, a) for a in article_ids))


def score(results) -> dict[str, dict]:
    """Counts and ratios over several results: one row per family, per
    language pair (``en-es``...) and an "ALL" row.

    Each row: required/found/recall, reported/correct/precision, and
    restatements (quiet entries) / fired / false_alarm_rate."""
    rows: dict[str, dict] = defaultdict(lambda: {"required": 0, "found": 0, "reported": 0, "correct": 0,
                                                 "restatements": 0, "fired": 0})
    for r in results:
        for x in r.found + r.missed:
            for key in (family(x), lang_pair(r.langs, x["articles"]), "ALL"):
                rows[key]["required"] += 1
                rows[key]["found"] += x in r.found
        for f in r.correct + r.wrong:
            for key in (family(f), lang_pair(r.langs, [e.article for e in f.evidence]), "ALL"):
                rows[key]["reported"] += 1
                rows[key]["correct"] += f in r.correct
        fired = [q for q, _ in r.loud]
        for q in r.quiet:
            keys = ([family(q)] if q.get("family") else []) + [lang_pair(r.langs, q["articles"]), "ALL"]
            for key in keys:
                rows[key]["restatements"] += 1
                rows[key]["fired"] += any(q is x for x in fired)
    for row in rows.values():
        row["recall"] = row["found"] / row["required"] if row["required"] else 1.0
        row["precision"] = row["correct"] / row["reported"] if row["reported"] else 1.0
        row["false_alarm_rate"] = row["fired"] / row["restatements"] if row["restatements"] else 0.0
    return dict(rows)


def run_story(checker, story: Story):
    """One pipeline run on the story folder; returns the Report."""
    return checker.check([str(story.path)])


def _heldout(checker) -> Result:
    """Seeds + tests/heldout, scored with the held-out expectations."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import heldout_eval  # noqa: E402  (sibling script)

    report = checker.check([str(ROOT / "seeds"), str(heldout_eval.HELDOUT)])
    held = heldout_eval.heldout_ids(report)
    story = Story("seeds+heldout", heldout_eval.HELDOUT, heldout_eval.load_expected(), [])
    # Only findings touching a held-out article are judged (seeds have their own tests).
    return evaluate_story(story, [f for f in report.findings
                                  if any(e.article in held for e in f.evidence)],
                          {a.id: a.lang for a in report.articles}, report.claims, report.clusters)


def _print_table(title: str, rows: dict) -> None:
    print(f"\n{title}")
    print(f"  {'row':6} {'recall':>14} {'precision':>14} {'restatement alarms':>22}")
    pairs = sorted(k for k in rows if "-" in k)
    for fam in (*FAMILIES, *pairs, "ALL"):
        if fam not in rows:
            continue
        r = rows[fam]
        print(f"  {fam:6} {r['found']:>3}/{r['required']:<3} {r['recall']:5.2f}"
              f"   {r['correct']:>3}/{r['reported']:<3} {r['precision']:5.2f}"
              f"   {r['fired']:>3}/{r['restatements']:<3} {r['false_alarm_rate']:5.2f}")


def stage_counts(results) -> dict[str, dict[str, int]]:
    """Missed entries counted by family (and "ALL") and :func:`miss_stage`."""
    rows: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STAGES, 0))
    for r in results:
        for x, stage in zip(r.missed, r.stages):
            for key in (family(x), "ALL"):
                rows[key][stage] += 1
    return dict(rows)


#: the stages of :func:`miss_stage`, in pipeline order
STAGES = ("unplaced", "apart", "clustered", "unknown")


def _print_stages(rows: dict) -> None:
    if not rows:
        return
    print("  misses by stage: " + "; ".join(
        f"{fam} " + " ".join(f"{st} {rows[fam][st]}" for st in STAGES)
        for fam in (*FAMILIES, "ALL") if fam in rows))


def _print_details(r: Result) -> None:
    stages = r.stages or [None] * len(r.missed)
    for x, stage in zip(r.missed, stages):
        print(f"  [{r.name}] missed {x.get('family') or x.get('code')} {x['articles']}: "
              f"{x.get('note', x.get('values'))}" + (f"  ({stage})" if stage else ""))
    for f in r.wrong:
        vals = " | ".join(f"{e.article}={e.value!r}" for e in f.evidence)
        print(f"  [{r.name}] false alarm {f.code} {f.severity}: {f.message}  ({vals})")
    for q, f in r.loud:
        print(f"  [{r.name}] must-not-fire fired {f.code}: {q.get('note', q['articles'])}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="*", help="story folders (default: every tests/stories/*/)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--backend", default=None, choices=("auto", "engine", "torch"),
                    help="how the default model runs (see README, Configuration)")
    ap.add_argument("--stories-only", action="store_true", help="skip seeds + tests/heldout")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every finding")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from consistency.pipeline import Checker

    options = {k: v for k, v in (("model", args.model), ("backend", args.backend)) if v}
    checker = Checker(**options)
    # a README or other file next to the story folders (benchmarks/blind/*) is skipped
    dirs = [Path(p) for p in args.stories if (Path(p) / "expected.toml").is_file()] or story_dirs()
    results = []
    t0 = time.perf_counter()
    for d in dirs:
        story = load_story(d)
        report = run_story(checker, story)
        results.append(evaluate_story(story, report.findings, {a.id: a.lang for a in report.articles},
                                      report.claims, report.clusters))
        if args.verbose:
            for f in report.findings:
                vals = " | ".join(f"{e.article}={e.value!r}" for e in f.evidence)
                print(f"  [{story.name}] {f.code} {f.severity} {f.confidence:.2f} {f.message} ({vals})")
    seconds = time.perf_counter() - t0
    _print_table(f"stories ({len(dirs)}; {seconds:.1f} s)", score(results))
    _print_stages(stage_counts(results))
    for r in results:
        _print_details(r)
    if not args.stories_only:
        held = _heldout(checker)
        _print_table("seeds + heldout", score([held]))
        _print_stages(stage_counts([held]))
        _print_details(held)
    return 0


if __name__ == "__main__":
    sys.exit(main())
