"""Nearest neighbours of unit vectors by cosine, for the clustering's
candidate search: exact (numpy, a block of rows at a time) or approximate
(an HNSW graph from hnswlib).

The exact search compares every row with every other: its time grows with
the square of the number of sentences (about 1 s for 20,000 clause and claim
vectors on two cores, ten minutes for 300,000).  The HNSW index is built in
time growing as n log n and answers each query in roughly logarithmic time;
what it returns is a candidate list, whose cosines are then computed exactly
with numpy, so the clustering sees the same numbers as with the exact search
and only a neighbour the graph misses can change a result (measured by
``benchmarks/ann_recall.py``).

Determinism: the graph is built by one thread with a fixed seed, so the
same vectors give the same graph and the same neighbours on every run and
every machine with the same hnswlib; queries, which do not change the graph,
use all cores.

``method`` is ``"exact"``, ``"hnsw"`` or ``"auto"`` (``hnsw`` above
``EXACT_MAX`` vectors, exact below: a story's few hundred sentences never
need an index).
"""
from __future__ import annotations

import os
from typing import Optional

import numpy as np

from .errors import InputError

#: ``auto`` uses the exact search up to this many vectors
EXACT_MAX = 20_000
#: HNSW graph: links per node, candidate list while building and while searching
HNSW_M = 16
HNSW_EF_BUILD = 100
HNSW_EF_SEARCH = 128
HNSW_SEED = 100
#: rows queried at once (bounds the memory of the exact cosine recomputation)
QUERY_CHUNK = 4096

METHODS = ("auto", "exact", "hnsw")


def choose(method: Optional[str], n: int) -> str:
    """The search to use for ``n`` vectors: ``exact`` or ``hnsw``."""
    method = (method or "auto").lower()
    if method not in METHODS:
        raise InputError(f"search must be auto, exact or hnsw, not {method!r}")
    if method == "auto":
        return "hnsw" if n > EXACT_MAX else "exact"
    return method


class HnswIndex:
    """An HNSW graph over ``vec`` (rows are unit vectors) answering k-nearest
    queries; ``query`` returns neighbour indices and their exact cosines."""

    def __init__(self, vec: np.ndarray):
        try:
            import hnswlib
        except ImportError as exc:  # pragma: no cover - hnswlib is a dependency
            raise InputError(f"the approximate neighbour search needs hnswlib ({exc}); "
                             "set search = exact")
        self.vec = np.ascontiguousarray(vec, dtype=np.float32)
        n, dim = self.vec.shape
        self._index = hnswlib.Index(space="ip", dim=dim)
        self._index.init_index(max_elements=max(1, n), ef_construction=HNSW_EF_BUILD, M=HNSW_M,
                               random_seed=HNSW_SEED)
        if n:
            # one thread: the graph depends on the insertion order only
            self._index.add_items(self.vec, np.arange(n), num_threads=1)
        self._threads = max(1, os.cpu_count() or 1)

    def __len__(self) -> int:
        return len(self.vec)

    def query(self, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """For each row index in ``rows``: its ``k`` nearest rows (fewer when
        the index is smaller), as ``(idx, cos)`` arrays of shape
        ``(len(rows), k)``; ``cos`` is the numpy inner product, closest first
        (ties: lower index first)."""
        k = min(k, len(self.vec))
        rows = np.asarray(rows, dtype=np.int64)
        if k == 0 or len(rows) == 0:
            return np.zeros((len(rows), 0), np.int64), np.zeros((len(rows), 0), np.float32)
        self._index.set_ef(max(HNSW_EF_SEARCH, k))
        idx_parts, cos_parts = [], []
        for lo in range(0, len(rows), QUERY_CHUNK):
            part = rows[lo:lo + QUERY_CHUNK]
            labels, _ = self._index.knn_query(self.vec[part], k=k, num_threads=self._threads)
            labels = labels.astype(np.int64)
            cos = np.einsum("ij,ikj->ik", self.vec[part], self.vec[labels])
            order = np.lexsort((labels, -cos), axis=1) if labels.size else labels
            idx_parts.append(np.take_along_axis(labels, order, axis=1))
            cos_parts.append(np.take_along_axis(cos, order, axis=1).astype(np.float32))
        return np.concatenate(idx_parts), np.concatenate(cos_parts)
