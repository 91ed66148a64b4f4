"""Recall and precision of the rules on the held-out corpus.

Runs the checker on ``seeds/`` + ``tests/heldout/`` and compares its findings
with ``tests/heldout/expected.toml``.

* recall: required expected findings that were reported / required findings;
* precision: reported error and warning findings that involve a held-out
  article and match an expected entry (required or not) / all such findings.
  Info findings (compatible variants) are not contradictions and are left out.

Usage::

    python benchmarks/heldout_eval.py [--model NAME_OR_PATH] [-v]
"""
from __future__ import annotations

import argparse
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"


def load_expected(path: Path = HELDOUT / "expected.toml") -> list[dict]:
    with path.open("rb") as fh:
        return tomllib.load(fh)["finding"]


def heldout_ids(report) -> set[str]:
    return {a.id for a in report.articles if Path(a.path).resolve().parent == HELDOUT.resolve()}


def _id_matches(article_id: str, want: str) -> bool:
    return article_id == want or article_id.startswith(want + "_")


def matches(finding, expected: dict) -> bool:
    """Same family, the same two articles, and each value contained in the evidence value."""
    if not finding.code.startswith(expected["family"]):
        return False
    ev = list(finding.evidence)
    if len(ev) != 2:
        return False
    for order in (ev, ev[::-1]):
        if all(_id_matches(e.article, a) for e, a in zip(order, expected["articles"])):
            if all(v.lower() in (e.value or "").lower() for e, v in zip(order, expected["values"])):
                return True
    return False


def evaluate(report, expected: list[dict]) -> dict:
    held = heldout_ids(report)
    judged = [f for f in report.findings if f.severity in ("error", "warning")
              and any(e.article in held for e in f.evidence)]
    required = [x for x in expected if x.get("required", True)]
    found = [x for x in required if any(matches(f, x) for f in report.findings)]
    correct = [f for f in judged if any(matches(f, x) for x in expected)]
    return {
        "required": len(required), "found": len(found),
        "recall": len(found) / len(required) if required else 1.0,
        "reported": len(judged), "correct": len(correct),
        "precision": len(correct) / len(judged) if judged else 1.0,
        "missed": [x for x in required if x not in found],
        "wrong": [f for f in judged if f not in correct],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    from consistency.pipeline import Checker

    t0 = time.perf_counter()
    checker = Checker(model=args.model) if args.model else Checker()
    report = checker.check([str(ROOT / "seeds"), str(HELDOUT)])
    seconds = time.perf_counter() - t0
    result = evaluate(report, load_expected())
    print(f"held-out recall    {result['found']}/{result['required']} = {result['recall']:.2f}")
    print(f"held-out precision {result['correct']}/{result['reported']} = {result['precision']:.2f}")
    print(f"findings: {len(report.findings)} in total; run took {seconds:.1f} s")
    for x in result["missed"]:
        print(f"  missed {x['family']} {x['articles']}: {x.get('note', x['values'])}")
    for f in result["wrong"]:
        print(f"  unexpected {f.code} {f.severity}: {f.message}")
    if args.verbose:
        for f in report.findings:
            print(f"  {f.code} {f.severity} {f.confidence:.2f} {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
