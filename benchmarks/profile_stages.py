"""Where does a check spend its time?  Per-stage wall time plus a profile of
clustering and rules.

Usage::

    python benchmarks/profile_stages.py CORPUS [--cache-dir DIR] [--top 20] [--no-profile]

``CORPUS`` is a folder of articles (a ``make_corpus.py`` corpus: its
``articles/`` subfolder is used when present).  The embedding cache lives in
``--cache-dir`` (default ``/tmp/consistency-profile-cache``) and is kept, so
the first run embeds every claim and later runs find them all cached: the
``embed`` figure is then a cache read and the other stages can be profiled
quickly.  Printed: claims, clusters (and the largest), findings, the wall
seconds of load / extract / embed / cluster / rules, for a generated corpus
(with ``manifest.json``) the recall on its injected contradictions and the
clusters mixing stories (as ``scale.py`` counts them), and a ``cProfile`` top
list (cumulative time) for the cluster and rules stages.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _top(profile: cProfile.Profile, n: int) -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(n)
    return out.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cache-dir", default="/tmp/consistency-profile-cache")
    ap.add_argument("--top", type=int, default=20, help="rows of each profile (default 20)")
    ap.add_argument("--no-profile", action="store_true", help="times only, no cProfile overhead")
    args = ap.parse_args(argv)

    import numpy as np

    from consistency.cluster import cluster_claims, unit_texts
    from consistency.config import load_config
    from consistency.pipeline import Checker
    from consistency.rules.engine import run_rules

    folder = args.corpus / "articles" if (args.corpus / "articles").is_dir() else args.corpus
    config = load_config(None, cache_dir=args.cache_dir, quiet=True)
    checker = Checker(config)
    articles = tuple(checker.load([str(folder)]).articles)
    claims = tuple(checker.extract(articles))
    # claims and their clauses are embedded (or read from the cache) here, so
    # that the cluster stage below only looks the clause vectors up
    t0 = time.perf_counter()
    extra = unit_texts(claims)
    both = checker.embedder.embed([c.text for c in claims] + extra)
    vectors, clause_vec = both[:len(claims)], dict(zip(extra, both[len(claims):]))
    checker.timings["embed"] = time.perf_counter() - t0

    def embed(texts):
        return np.stack([clause_vec[t] for t in texts])

    profiles = {}

    def stage(name, fn):
        prof = None if args.no_profile else cProfile.Profile()
        t = time.perf_counter()
        if prof:
            prof.enable()
        result = fn()
        if prof:
            prof.disable()
            profiles[name] = prof
        checker.timings[name] = time.perf_counter() - t
        return result

    clusters = stage("cluster", lambda: cluster_claims(claims, vectors, config, embed=embed))
    findings = stage("rules", lambda: run_rules(articles, claims, clusters, config))

    t = checker.timings
    largest = max((len(c.claims) for c in clusters), default=0)
    print(f"articles {len(articles)}  claims {len(claims)}  clusters {len(clusters)}  "
          f"largest {largest}  findings {len(findings)}")
    manifest = args.corpus / "manifest.json"
    if manifest.is_file():  # a make_corpus.py corpus: recall on its injected contradictions
        import json

        from consistency.records import Report
        from scale import recall

        story_of = {a: s["id"] for s in json.loads(manifest.read_text(encoding="utf-8"))["stories"]
                    for a in s["articles"]}
        mixed = sum(1 for c in clusters if len({story_of.get(a) for a in c.articles}) > 1)
        r = recall(Report(articles=articles, claims=claims, clusters=clusters, findings=findings),
                   json.loads(manifest.read_text(encoding="utf-8")))
        print(f"recall strict {r['found_strict']}/{r['injected']}  any {r['found_any']}/{r['injected']}  "
              f"missed {r['missed_by_kind']}  clusters mixing stories {mixed}")
    print("  ".join(f"{k} {t.get(k, 0.0):.2f}s" for k in ("load", "extract", "embed", "cluster", "rules")))
    for name, prof in profiles.items():
        print(f"\n=== {name} (cProfile, cumulative) ===")
        print(_top(prof, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
