"""How does a check scale with the corpus?  Times, memory and recall per size.

Usage::

    python benchmarks/scale.py [--sizes 10,100,1000] [--seed 1] [--keep DIR]

For each size a corpus is generated with ``benchmarks/make_corpus.py`` (stories
of 4–8 articles, 15–25 real seed sentences each, contradictions injected), then
checked in a *fresh subprocess* so that the peak memory figure is that size's
alone.  In that subprocess the model is loaded first (warm model) and the
embedding cache is a new empty folder (cold cache), so "embed" is the real cost
of embedding every claim.  Printed per size:

- articles, claims, clusters, findings;
- wall time per stage: load, extract, embed, cluster, align (token vectors for pairing slots), rules (from
  ``Checker.timings``) and render (html + json + sarif through
  ``consistency.reporters.render``); the share of everything but embedding;
- embedding throughput (claims/s) and peak resident memory (``ru_maxrss``);
- recall on the injected contradictions: an injection counts as found when a
  finding's evidence holds the perturbed claim and a claim of another article
  of the same story ("strict": the finding's kind matches the injected kind;
  "any": whatever the kind);
- clusters that mix claims of different stories (they should not exist).

A size that exceeds ``--timeout`` is stopped and the stages it finished are
printed.  At the end: how each stage's time grows from the second-largest to the largest
size.  ``--one DIR`` runs a single measurement on an existing corpus and prints
it as JSON (what the subprocesses do).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = ("load", "extract", "embed", "cluster", "align", "rules", "render")
KIND_OF = {"quantity": "quantity", "date": "date", "attribution": "attribution", "negation": "negation"}


def _norm(text: str) -> str:
    return " ".join(text.split())


def recall(report, manifest: dict) -> dict:
    """Injected contradictions found (strict: right kind; any: any kind)."""
    story_of = {a: s["id"] for s in manifest["stories"] for a in s["articles"]}
    by_article: dict[str, list] = {}
    for c in report.claims:
        by_article.setdefault(c.article, []).append(c)
    strict = anykind = 0
    missed = []
    for inj in manifest["injected"]:
        target = _norm(inj["perturbed"])
        ids = {c.id for c in by_article.get(inj["article"], ())
               if _norm(c.text) and (_norm(c.text) in target or target in _norm(c.text))}
        hit_kind = None
        for f in report.findings:
            claims = {e.claim for e in f.evidence}
            if not claims & ids:
                continue
            others = {e.article for e in f.evidence if e.article != inj["article"]}
            if any(story_of.get(a) == inj["story"] for a in others):
                hit_kind = f.kind if hit_kind is None or f.kind == KIND_OF[inj["kind"]] else hit_kind
        if hit_kind is not None:
            anykind += 1
            strict += hit_kind == KIND_OF[inj["kind"]]
        else:
            missed.append(inj["kind"])
    total = len(manifest["injected"])
    return {"injected": total, "found_strict": strict, "found_any": anykind,
            "recall_strict": strict / total if total else None,
            "recall_any": anykind / total if total else None,
            "missed_by_kind": {k: missed.count(k) for k in sorted(set(missed))}}


def measure(corpus: Path, backend: str = "auto", search: str = "auto") -> dict:
    """One run on ``corpus`` (warm model, cold embedding cache).

    The stages are run one by one (as ``Checker.check`` does) and a progress
    line ``stage <name> <seconds>`` goes to stderr after each, so that a run
    stopped by the caller's timeout still tells how far it got.
    """
    from consistency import reporters
    from consistency.config import load_config
    from consistency.pipeline import Checker
    from consistency.records import Report

    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))

    def done(stage: str, seconds: float, **extra) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"stage": stage, "s": seconds, "peak_mb": round(peak), **extra}),
              file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="consistency-bench-cache-") as cache:
        config = load_config(None, cache_dir=cache, quiet=True, backend=backend, search=search)
        checker = Checker(config)
        t0 = time.perf_counter()
        checker.embedder.model  # warm model: load it before the clock starts
        model_load = time.perf_counter() - t0
        done("model", model_load)
        t0 = time.perf_counter()
        articles = tuple(checker.load([str(corpus / "articles")]).articles)
        done("load", checker.timings["load"], articles=len(articles))
        claims = tuple(checker.extract(articles))
        done("extract", checker.timings["extract"], claims=len(claims))
        clusters = tuple(checker.cluster(claims))
        embedded = checker.embedder.misses  # claim texts embedded (plus any the clusterer asked for)
        done("embed", checker.timings["embed"], embedded=embedded)
        done("cluster", checker.timings["cluster"], clusters=len(clusters),
             largest=max((len(c.claims) for c in clusters), default=0))
        findings, rules = checker.judge(articles, claims, clusters)
        done("align", checker.timings.get("align", 0.0))
        done("rules", checker.timings["rules"], findings=len(findings))
        report = Report(articles=articles, claims=claims, clusters=clusters, findings=tuple(findings),
                        rules=tuple(rules), model=checker.model_info(), mode="check")
        timings = dict(checker.timings)
        t1 = time.perf_counter()
        for fmt in ("html", "json", "sarif"):  # written as a check writes them
            t2 = time.perf_counter()
            reporters.write(report, fmt, Path(cache) / f"report.{fmt}")
            done(f"render-{fmt}", time.perf_counter() - t2)
        timings["render"] = time.perf_counter() - t1
        wall = time.perf_counter() - t0
    story_of = {a: s["id"] for s in manifest["stories"] for a in s["articles"]}
    mixed = sum(1 for cl in report.clusters if len({story_of.get(a) for a in cl.articles}) > 1)
    largest = max((len(cl.claims) for cl in report.clusters), default=0)
    return {
        "articles": len(report.articles), "claims": len(report.claims),
        "clusters": len(report.clusters), "largest_cluster": largest, "mixed_clusters": mixed,
        "findings": len(report.findings), "model_load_s": model_load,
        "timings": {k: timings.get(k, 0.0) for k in STAGES}, "wall_s": wall,
        "embedded": embedded,
        "claims_per_s": len(claims) / timings["embed"] if timings.get("embed") else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "recall": recall(report, manifest),
    }


def _row(size: int, r: dict) -> str:
    t = r["timings"]
    rest = sum(v for k, v in t.items() if k != "embed")
    rc = r["recall"]
    return (f"{size:>6} {r['claims']:>7} {t['load']:>7.2f} {t['extract']:>8.2f} {t['embed']:>8.2f} "
            f"{t['cluster']:>8.2f} {t['align']:>7.2f} {t['rules']:>7.2f} {t['render']:>7.2f} {r['wall_s']:>8.2f} "
            f"{100 * rest / r['wall_s']:>6.1f}% {r['claims_per_s'] or 0:>7.1f} {r['peak_rss_mb']:>7.0f} "
            f"{rc['found_strict']:>4}/{rc['found_any']:>4}/{rc['injected']:<4} {r['clusters']:>6} "
            f"{r['mixed_clusters']:>5}")


HEADER = (f"{'arts':>6} {'claims':>7} {'load':>7} {'extract':>8} {'embed':>8} {'cluster':>8} "
          f"{'align':>7} {'rules':>7} {'render':>7} {'wall':>8} {'!embed':>7} {'cl/s':>7} {'MB':>7} "
          f"{'strict/any/inj':<14} {'clust':>6} {'mixed':>5}")


def _progress(log: Path) -> str:
    parts = []
    for line in log.read_text().splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        extra = ", ".join(f"{k}={v}" for k, v in d.items() if k not in ("stage", "s"))
        parts.append(f"{d['stage']} {d['s']:.1f}s" + (f" ({extra})" if extra else ""))
    return "; ".join(parts) or "none"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=7200, help="seconds allowed per size (default 7200)")
    ap.add_argument("--keep", type=Path, help="keep the generated corpora and results here")
    ap.add_argument("--from", dest="source", type=Path,
                    help="generate stories from this folder of real articles (see make_corpus.py --from)")
    ap.add_argument("--backend", choices=("auto", "engine", "torch"), default="auto",
                    help="embedding backend (default: auto, as a check would)")
    ap.add_argument("--search", choices=("auto", "exact", "hnsw"), default="auto",
                    help="neighbour search of the clustering (default: auto, as a check would)")
    ap.add_argument("--summary", type=Path, metavar="DIR",
                    help="print the summary of the result-<size>.json files kept in DIR, run nothing")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.backend, args.search)))
        return 0
    if args.summary:
        kept = {int(p.stem.split("-")[1]): json.loads(p.read_text()) for p in args.summary.glob("result-*.json")}
        print(HEADER)
        for size in sorted(kept):
            print(_row(size, kept[size]))
        print_summary(kept)
        return 0
    from benchmarks.make_corpus import make

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.keep or Path(tempfile.mkdtemp(prefix="consistency-bench-"))
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    print(f"cores: {os.cpu_count()}  (times in seconds; '!embed' = share of wall time outside embedding;"
          f" recall = strict/any/injected)")
    print(HEADER, flush=True)
    results = {}
    for size in sizes:
        corpus = work / f"corpus-{size}"
        if not (corpus / "manifest.json").is_file():
            make(corpus, size, args.seed, source=args.source)
        log = work / f"progress-{size}.log"
        with log.open("w") as err:
            proc = subprocess.Popen([sys.executable, __file__, "--one", str(corpus), "--backend", args.backend,
                                     "--search", args.search], env=env, cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=err, text=True)
            try:
                out, _ = proc.communicate(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                print(f"{size:>6} stopped after {args.timeout:.0f} s; stages done: "
                      f"{_progress(log)}", flush=True)
                continue
        if proc.returncode != 0:
            print(f"{size:>6} failed: {log.read_text().strip().splitlines()[-1:]}", flush=True)
            continue
        results[size] = json.loads(out.strip().splitlines()[-1])
        print(_row(size, results[size]), flush=True)
        (work / f"result-{size}.json").write_text(json.dumps(results[size], indent=1) + "\n")
    print_summary(results)
    print(f"corpora and results: {work}")
    return 0


def print_summary(results: dict) -> None:
    """Share of wall time per stage at each size, and each stage's growth
    from one size to the next."""
    done = sorted(results)
    if not done:
        return
    print("share of wall time per stage:")
    print(f"{'arts':>6} " + " ".join(f"{k:>8}" for k in STAGES) + f" {'!embed':>8}")
    for size in done:
        r = results[size]
        shares = [100 * r["timings"][k] / r["wall_s"] for k in STAGES]
        rest = sum(v for k, v in r["timings"].items() if k != "embed")
        print(f"{size:>6} " + " ".join(f"{x:>7.1f}%" for x in shares) + f" {100 * rest / r['wall_s']:>7.1f}%")
    for a, b in zip(done, done[1:]):
        ra, rb = results[a], results[b]
        parts = [f"{k} x{rb['timings'][k] / ra['timings'][k]:.1f}" for k in STAGES if ra["timings"][k] > 0]
        print(f"growth {a} -> {b} articles (x{b / a:.0f}; claims x{rb['claims'] / max(1, ra['claims']):.1f}): "
              f"wall x{rb['wall_s'] / ra['wall_s']:.1f}; peak MB {ra['peak_rss_mb']:.0f} -> "
              f"{rb['peak_rss_mb']:.0f}; " + ", ".join(parts))


if __name__ == "__main__":
    raise SystemExit(main())
