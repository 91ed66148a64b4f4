"""Exact against approximate neighbour search, on one corpus.

Usage::

    python benchmarks/ann_recall.py CORPUS_DIR [CORPUS_DIR...] [--backend torch] [--cache DIR]

For each corpus the claims are embedded once (through the embedding cache,
default ``~/.cache/consistency``), then clustered twice on the same vectors,
with ``search = exact`` and ``search = hnsw``, and the rules run on both.
Printed per corpus:

- sentences (claims + clauses) in the index, and the time of each clustering;
- neighbour recall: of each unit's true nearest cross-article neighbours
  above the candidate radius (the exact search's candidate edges), the share
  the index found;
- clusters and findings: how many, and how many are identical in both runs
  (same claims; same code, claims and compared values).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--backend", choices=("auto", "engine", "torch"), default="auto")
    ap.add_argument("--cache", help="embedding cache folder (default: the usual one)")
    args = ap.parse_args(argv)

    import numpy as np

    from consistency import cluster as C
    from consistency.config import load_config
    from consistency.neighbours import HnswIndex
    from consistency.pipeline import Checker

    print(f"{'corpus':<28} {'units':>7} {'exact s':>8} {'hnsw s':>7} {'nbr recall':>10} "
          f"{'clusters same/exact/hnsw':>25} {'findings same/exact/hnsw':>25}")
    for corpus in args.corpora:
        base = load_config(None, quiet=True, backend=args.backend, cache_dir=args.cache)
        runs = {}
        checker = Checker(base)
        arts = tuple(checker.load([str(corpus)]).articles)
        claims = tuple(checker.extract(arts))
        for method in ("exact", "hnsw"):
            checker.config = base.replace(search=method)
            checker.timings = {}
            clusters = tuple(checker.cluster(claims))
            findings, _ = checker.judge(arts, claims, clusters)
            runs[method] = (checker.timings["cluster"], clusters, findings)
        # neighbour recall on the candidate edges, same vectors as the runs
        order = sorted(range(len(claims)), key=lambda i: C.claim_key(claims[i]))
        cl = [claims[i] for i in order]
        vec = checker.embedder.embed([c.text for c in cl])

        def lookup(texts):
            return checker.embedder.embed(list(texts)) if texts else np.zeros((0, vec.shape[1]), np.float32)

        units = C._Units(vec, cl, lookup)
        arts_arr = np.array([c.article for c in cl])
        t = base.link_threshold() - C.FACTS_BONUS_CAP
        exact = C._candidate_edges(units, arts_arr, t, base.neighbours)
        approx = C._candidate_edges(units, arts_arr, t, base.neighbours, HnswIndex(units.vec))
        recall = len(set(exact) & set(approx)) / len(exact) if exact else 1.0

        def ckey(c):
            return c.claims

        def fkey(f):
            return (f.code, tuple(e.claim for e in f.evidence), tuple(e.value for e in f.evidence))

        ce, ch = {ckey(c) for c in runs["exact"][1]}, {ckey(c) for c in runs["hnsw"][1]}
        fe, fh = {fkey(f) for f in runs["exact"][2]}, {fkey(f) for f in runs["hnsw"][2]}
        print(f"{corpus.name[:28]:<28} {len(units.vec):>7} {runs['exact'][0]:>8.2f} {runs['hnsw'][0]:>7.2f} "
              f"{recall:>10.4f} {len(ce & ch):>9}/{len(ce)}/{len(ch):<9} {len(fe & fh):>9}/{len(fe)}/{len(fh):<9}",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
