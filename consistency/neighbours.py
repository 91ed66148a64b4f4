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
    queries; ``query`` returns neighbour indices and their exact cosines.

    Identical rows (one sentence repeated word for word in many articles:
    wire copy) go into the graph once: the graph is smaller and better
    connected, and a query's neighbours are expanded back to every copy."""

    def __init__(self, vec: np.ndarray):
        try:
            import hnswlib
        except ImportError as exc:  # pragma: no cover - hnswlib is a dependency
            raise InputError(f"the approximate neighbour search needs hnswlib ({exc}); "
                             "set search = exact")
        self.vec = np.ascontiguousarray(vec, dtype=np.float32)
        n, dim = self.vec.shape
        if n:
            # unique rows, numbered in order of first appearance (not np.unique's sort order)
            _, first, inverse = np.unique(self.vec, axis=0, return_index=True, return_inverse=True)
            rank = np.empty(len(first), np.int64)
            rank[np.argsort(first, kind="stable")] = np.arange(len(first))
            self._of_row = rank[inverse.reshape(-1)]
            self._first = np.sort(first)
        else:
            self._of_row = np.zeros(0, np.int64)
            self._first = np.zeros(0, np.int64)
        members = np.argsort(self._of_row, kind="stable")  # rows grouped by unique, ascending
        self._counts = np.bincount(self._of_row, minlength=len(self._first))
        self._starts = np.r_[0, np.cumsum(self._counts)[:-1]] if len(self._first) else np.zeros(0, np.int64)
        self._members = members
        self._index = hnswlib.Index(space="ip", dim=dim)
        self._index.init_index(max_elements=max(1, len(self._first)), ef_construction=HNSW_EF_BUILD,
                               M=HNSW_M, random_seed=HNSW_SEED)
        if len(self._first):
            # one thread: the graph depends on the insertion order only
            self._index.add_items(self.vec[self._first], np.arange(len(self._first)), num_threads=1)
        self._threads = max(1, os.cpu_count() or 1)
        self._cache: tuple = ()

    def __len__(self) -> int:
        return len(self.vec)

    def _unique_lists(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """For every unique row: its ``k`` nearest rows (copies expanded),
        closest first, with exact cosines; copies of one sentence in row
        order, two sentences at exactly the same cosine by their first row.
        Lists computed for a larger ``k`` are reused (their first ``k``
        columns are the answer)."""
        if self._cache and self._cache[0] >= k:
            big, idx, cos = self._cache
            return idx[:, :k], cos[:, :k]
        n_u = len(self._first)
        ku = min(k, n_u)  # k unique neighbours hold at least k rows
        self._index.set_ef(max(HNSW_EF_SEARCH, ku))
        out_idx = np.empty((n_u, k), np.int64)
        out_cos = np.empty((n_u, k), np.float32)
        for lo in range(0, n_u, QUERY_CHUNK):
            hi = min(n_u, lo + QUERY_CHUNK)
            q = self.vec[self._first[lo:hi]]
            labels, _ = self._index.knn_query(q, k=ku, num_threads=self._threads)
            labels = labels.astype(np.int64)
            cos = np.einsum("ij,ikj->ik", q, self.vec[self._first[labels]])
            # closest first; equal cosines: the sentence whose first copy comes first
            order = np.lexsort((self._first[labels], -cos), axis=1)
            labels = np.take_along_axis(labels, order, axis=1)
            cos = np.take_along_axis(cos, order, axis=1)
            # expand each unique neighbour to its copies, only as far as k rows
            lengths = self._counts[labels]
            before = np.cumsum(lengths, axis=1) - lengths
            lengths = np.where(before < k, np.minimum(lengths, k - before), 0)
            flat = lengths.ravel()
            owner = np.repeat(np.arange(flat.size), flat)
            offset = np.arange(len(owner)) - np.repeat(np.cumsum(flat) - flat, flat)
            rows = self._members[self._starts[labels.ravel()[owner]] + offset]
            qrow = owner // ku
            rank = (before.ravel()[owner] + offset)
            out_idx[lo:hi][qrow, rank] = rows
            out_cos[lo:hi][qrow, rank] = cos.ravel()[owner]
        self._cache = (k, out_idx, out_cos)
        return out_idx, out_cos

    def query(self, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """For each row index in ``rows``: its ``k`` nearest rows (fewer when
        the index is smaller), as ``(idx, cos)`` arrays of shape
        ``(len(rows), k)``; ``cos`` is the numpy inner product, closest first
        (copies of one sentence: lower index first).  Ask for the largest
        ``k`` first: smaller ones are then read off the same lists."""
        k = min(k, len(self.vec))
        rows = np.asarray(rows, dtype=np.int64)
        if k == 0 or len(rows) == 0:
            return np.zeros((len(rows), k), np.int64), np.zeros((len(rows), k), np.float32)
        idx, cos = self._unique_lists(k)
        u = self._of_row[rows]
        return idx[u], cos[u]
