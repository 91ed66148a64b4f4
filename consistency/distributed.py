"""Running a check on a Dask cluster (``--dask ADDRESS`` or ``dask = ADDRESS``).

What runs where:

- **extraction** (claims and their facts): the articles are cut into
  partitions, each extracted on a worker;
- **embedding** (claims, clauses, masked variants): the texts missing from
  the local embedding cache are cut into partitions, each embedded on a
  worker with the worker's own copy of the model; the vectors come back and
  go into the local cache;
- **clustering**: here, in the process that asked (it needs every vector at
  once; with the approximate index it is a small share of a large run);
- **rules**: the clusters are grouped by story (clusters sharing an article
  are in one story), the stories packed into partitions, each judged on a
  worker with the story-wide background computed here.

Every stage is a pure function of its inputs, and the results are put back
in input order, so the report is byte for byte the one a local run writes.

Each worker needs this package installed (the same version) and the model:
the default model's file ships with the package (engine backend); with
``backend = torch`` or ``--model``, the model folder must be where the
configuration says on every worker.  Workers keep their model loaded between
tasks.
"""
from __future__ import annotations

import math
from typing import Any, Optional, Sequence

import numpy as np

from .errors import InputError

#: partitions per worker thread, so a slow partition does not hold the others up
PARTITIONS_PER_THREAD = 4
#: seconds to wait for the scheduler
CONNECT_TIMEOUT = 10


def _chunks(items: Sequence, parts: int) -> list[list]:
    """``items`` cut into at most ``parts`` contiguous, nearly equal chunks."""
    items = list(items)
    if not items:
        return []
    parts = max(1, min(parts, len(items)))
    size = math.ceil(len(items) / parts)
    return [items[i:i + size] for i in range(0, len(items), size)]


# ---------------------------------------------------------------- on a worker
_MODELS: dict[str, Any] = {}


def _extract_part(articles, config):
    from .pipeline import Checker

    return Checker(config.replace(dask=None)).extract(articles)


def _embed_part(texts, config, model_id):
    """Embed on a worker, with the model the worker's own configuration
    resolves (its own paths); refuses a model other than the caller's."""
    from .embed import encode_with
    from .models import load_model, resolve_model

    key = (config.model, config.backend, config.model_dir)
    if key not in _MODELS:
        spec = resolve_model(config.model, config)
        _MODELS[key] = (spec, load_model(spec, True))
    spec, model = _MODELS[key]
    if spec.id != model_id:
        raise RuntimeError(f"worker model {spec.id} is not the caller's {model_id}")
    return encode_with(model, spec, list(texts))


def _judge_part(articles, claims, clusters, config, same_event, background, wordnet_here: bool,
                dictionary_here: Optional[bool] = None):
    """Judge on a worker; refuses when the worker's WordNet (which NEG002
    reads for opposites) or bilingual dictionary (names translated word for
    word) is not there like the caller's, or is there unlike it: the
    findings would depend on the machine."""
    from . import bilingual, wordnet
    from .rules.engine import judge_clusters

    if wordnet.available() != wordnet_here:
        raise RuntimeError("worker " + ("has a WordNet database but the caller has none" if wordnet_here is False
                                        else "has no WordNet database but the caller has one")
                           + " (install Debian's wordnet-base, or set CONSISTENCY_WORDNET, alike on both)")
    if dictionary_here is not None and bilingual.available() != dictionary_here:
        raise RuntimeError("worker " + ("has a FreeDict dictionary but the caller has none" if not dictionary_here
                                        else "has no FreeDict dictionary but the caller has one")
                           + " (install Debian's dict-freedict-eng-spa and dict-freedict-spa-eng, or set"
                             " CONSISTENCY_FREEDICT, alike on both)")
    return judge_clusters(articles, claims, clusters, config, same_event, background)


# ---------------------------------------------------------------- here
class DaskRunner:
    """A connection to a Dask scheduler and the three distributed stages."""

    def __init__(self, address: str, quiet: bool = False):
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise InputError(f"--dask needs the 'dask' extra: pip install 'consistency[dask]' ({exc})")
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise InputError(f"cannot reach the Dask scheduler: {first}", address)
        self.address = address
        self.quiet = quiet
        #: tasks submitted per stage and texts embedded on workers (for tests and benchmarks)
        self.tasks: dict[str, int] = {"extract": 0, "embed": 0, "rules": 0}
        self.embedded = 0

    def threads(self) -> int:
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def _gather(self, stage: str, futures: list) -> list:
        """Results in submission order; a bar counts the partitions done."""
        from dask.distributed import as_completed

        from .progress import Bar

        self.tasks[stage] += len(futures)
        with Bar(f"{stage} (dask)", len(futures), "partitions", self.quiet, minimum=1) as bar:
            for n, _ in enumerate(as_completed(futures, loop=self.client.loop), 1):
                bar.update(n)
        return self.client.gather(futures)

    def _run(self, stage: str, fn, parts: list, *args) -> list:
        if not parts:
            return []
        return self._gather(stage, [self.client.submit(fn, part, *args, pure=False) for part in parts])

    def extract(self, articles, config) -> list:
        parts = _chunks(articles, PARTITIONS_PER_THREAD * self.threads())
        out: list = []
        for claims in self._run("extract", _extract_part, parts, config):
            out.extend(claims)
        return out

    def encoder(self, spec, config):
        """A function [chunk of texts, ...] -> [vectors, ...] that embeds
        each chunk on a worker (one task per chunk, all at once)."""
        config = config.replace(dask=None, quiet=True)

        def encode(chunks: list[list[str]]) -> list[np.ndarray]:
            vecs = self._run("embed", _embed_part, [list(c) for c in chunks], config, spec.id)
            self.embedded += sum(len(c) for c in chunks)
            return [np.asarray(v, dtype=np.float32) for v in vecs]
        return encode

    def judge(self, articles, claims, clusters, config, same_event, background) -> dict:
        """``judge_clusters`` over story partitions of ``clusters``."""
        from .slots import SameEvent

        stories = _story_groups(clusters)
        parts = _pack(stories, PARTITIONS_PER_THREAD * self.threads())
        arts = {a.id: a for a in articles}
        by_id = {c.id: c for c in claims}
        jobs = []
        for part in parts:
            ids = {cid for cl in part for cid in cl.claims}
            names = sorted({a for cl in part for a in cl.articles})
            sub = None
            if same_event is not None:
                sub = SameEvent(
                    {k: v for k, v in same_event.pairs.items() if k <= ids},
                    {k: v for k, v in same_event.variants.items() if k in ids},
                    {k: v for k, v in same_event.paths.items() if k <= ids},
                    {k: v for k, v in same_event.links.items() if set(k) <= ids},
                    {k: v for k, v in same_event.words.items() if set(k) <= ids},
                    {k: v for k, v in same_event.amounts.items() if k in names},
                    {k: v for k, v in same_event.measure_words.items() if set(k) <= ids})
            jobs.append((tuple(arts[n] for n in names if n in arts),
                         tuple(by_id[i] for i in sorted(ids) if i in by_id), tuple(part), sub))
        if not jobs:
            return {}
        from . import bilingual, wordnet

        here, dictionary = wordnet.available(), bilingual.available()
        futures = [self.client.submit(_judge_part, a, c, cl, config, se, background, here, dictionary, pure=False)
                   for a, c, cl, se in jobs]
        best: dict = {}
        for found in self._gather("rules", futures):
            best.update(found)
        return best

    def close(self) -> None:
        self.client.close()


def _story_groups(clusters) -> list[list]:
    """Clusters grouped by story: two clusters that share an article are in
    one story (connected components), in the order of their first cluster."""
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for cl in clusters:
        first = find(cl.articles[0])
        for a in cl.articles[1:]:
            other = find(a)
            if other != first:
                parent[max(first, other)] = min(first, other)
                first = min(first, other)
    groups: dict[str, list] = {}
    for cl in clusters:
        groups.setdefault(find(cl.articles[0]), []).append(cl)
    return list(groups.values())


def _pack(groups: list[list], parts: int) -> list[list]:
    """Groups packed into at most ``parts`` partitions of similar size
    (largest first into the smallest partition); each group stays whole."""
    bins: list[list] = [[] for _ in range(max(1, min(parts, len(groups))))]
    sizes = [0] * len(bins)
    for g in sorted(groups, key=lambda g: -sum(len(c.claims) for c in g)):
        k = sizes.index(min(sizes))
        bins[k].extend(g)
        sizes[k] += sum(len(c.claims) for c in g)
    return [b for b in bins if b]

