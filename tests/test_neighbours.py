"""The approximate neighbour search (HNSW) against the exact one.

Unit level: the index returns the true nearest rows with numpy's own
cosines, and the same graph on every build.  End to end, with the real model:
forcing ``search = hnsw`` on the seeds and every story corpus gives the same
JSON report, byte for byte, as ``search = exact``.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from consistency import reporters
from consistency.config import load_config
from consistency.errors import InputError
from consistency.neighbours import EXACT_MAX, HnswIndex, choose
from consistency.pipeline import Checker

ROOT = Path(__file__).resolve().parent.parent


def _vectors(n: int, dim: int = 32, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 10), dim))
    x = centres[rng.integers(0, len(centres), n)] + 0.5 * rng.normal(size=(n, dim))
    x = x.astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_index_returns_the_true_nearest_rows_with_numpy_cosines():
    x = _vectors(600)
    idx, cos = HnswIndex(x).query(np.arange(len(x)), 8)
    sims = x @ x.T
    true = np.argsort(-sims, axis=1, kind="stable")[:, :8]
    found = np.mean([len(set(a) & set(b)) / 8 for a, b in zip(idx.tolist(), true.tolist())])
    assert found >= 0.99
    # cosines are numpy's inner products of the returned rows, closest first
    assert np.allclose(cos, np.einsum("ij,ikj->ik", x, x[idx]), atol=1e-6)
    assert np.all(np.diff(cos, axis=1) <= 1e-7)
    assert np.all(idx[:, 0] == np.arange(len(x)))  # each row is its own nearest


def test_repeated_rows_are_indexed_once_and_every_copy_is_returned():
    x = _vectors(300)
    rows = np.vstack([x, x[:100], x[:50], x[:50]])  # wire copy: some sentences 2-4 times
    index = HnswIndex(rows)
    assert index._index.get_current_count() == 300
    idx, cos = index.query(np.arange(len(rows)), 6)
    # row 0 has three copies: itself and they come first (cosine 1), lowest index first
    assert idx[0, :4].tolist() == [0, 300, 400, 450]
    assert idx[400, :4].tolist() == [0, 300, 400, 450]
    # and the cosines are the true 6 best of each row
    true = -np.sort(-(rows @ rows.T), axis=1)[:, :6]
    assert np.allclose(cos, true, atol=1e-5)


def test_two_builds_give_the_same_neighbours():
    x = _vectors(2000)
    a = HnswIndex(x).query(np.arange(len(x)), 16)
    b = HnswIndex(x.copy()).query(np.arange(len(x)), 16)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


def test_small_index_and_empty_query():
    x = _vectors(3)
    idx, cos = HnswIndex(x).query(np.arange(3), 10)  # k larger than the index
    assert idx.shape == (3, 3) and sorted(idx[0].tolist()) == [0, 1, 2]
    idx, cos = HnswIndex(x).query(np.zeros(0, np.int64), 4)
    assert idx.shape == (0, 3)


def test_auto_switches_to_the_index_above_the_exact_limit():
    assert choose("auto", EXACT_MAX) == "exact"
    assert choose("auto", EXACT_MAX + 1) == "hnsw"
    assert choose(None, 10) == "exact"
    assert choose("hnsw", 10) == "hnsw" and choose("exact", 10 ** 7) == "exact"
    with pytest.raises(InputError, match="search must be auto, exact or hnsw"):
        choose("faiss", 10)
    with pytest.raises(InputError, match="search must be auto, exact or hnsw"):
        load_config(None, search="annoy")


CORPORA = [ROOT / "seeds"] + sorted(p for p in (ROOT / "tests" / "stories").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def embedder():
    return Checker(load_config(None, quiet=True)).embedder


@pytest.mark.model
@pytest.mark.parametrize("corpus", CORPORA, ids=[p.name for p in CORPORA])
def test_hnsw_gives_the_exact_search_report(corpus, embedder):
    reports = {}
    for method in ("exact", "hnsw"):
        checker = Checker(load_config(None, quiet=True, search=method))
        checker._embedder = embedder  # same model, same cache: only the search differs
        reports[method] = reporters.render(checker.check([str(corpus)]), "json")
    assert reports["hnsw"] == reports["exact"]
    assert json.loads(reports["exact"])["findings"]  # real findings, not two empty reports
