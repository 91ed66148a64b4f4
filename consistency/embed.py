"""Claim texts to unit vectors, with an on-disk cache.

:class:`Embedder` returns float32, L2-normalised vectors, one row per text.
Vectors are cached per model (keyed by ``ModelSpec.id`` and the sha256 of the
text) in an SQLite database in WAL mode: several processes may read and write
it at once, and an interrupted run keeps every batch it finished.  The model
itself is loaded only when some text is missing from the cache, so a re-run on
unchanged articles never imports torch.

Cache location: ``config.cache_dir``, then the ``CONSISTENCY_CACHE_DIR``
environment variable, then ``~/.cache/consistency/embeddings``; one folder per
model id below it.  Set ``cache_dir`` to ``"off"`` to disable the cache.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import numpy as np

from .models import ModelSpec, load_model
from .progress import Bar

BATCH_SIZE = 32


def cache_root(config: Any = None) -> Optional[Path]:
    """The embeddings cache folder, or None when caching is off."""
    value = getattr(config, "cache_dir", None) or os.environ.get("CONSISTENCY_CACHE_DIR")
    if value and value.strip().lower() == "off":
        return None
    if value:
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "consistency" / "embeddings"


def text_key(text: str) -> str:
    """Cache key of one text (the model id is the database itself)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode_with(model: Any, spec: ModelSpec, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """``texts`` embedded by a loaded model (float32 rows, L2-normalised)."""
    vecs = model.encode(texts, prompt=spec.prompt or None, batch_size=batch_size,
                        normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vecs, dtype=np.float32)


class VectorCache:
    """sha256(text) -> float32 vector, in ``<root>/<model id>/vectors.sqlite``."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "vectors.sqlite"
        self._db = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, data BLOB)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, dim, data FROM vectors WHERE key IN ({marks})", chunk)
            for key, dim, data in rows:
                vec = np.frombuffer(data, dtype="<f4")
                if vec.shape == (dim,):
                    found[key] = vec
        return found

    def put_many(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        rows = [(k, int(v.shape[0]), np.asarray(v, dtype="<f4").tobytes()) for k, v in items]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


class Embedder:
    """Embed texts with the model of ``spec``, through the cache.

    ``hits`` and ``misses`` count texts served from the cache and texts that
    had to be embedded.  Pass ``model`` to reuse an already loaded model.
    """

    def __init__(self, spec: ModelSpec, config: Any = None, model: Any = None, encoder=None):
        self.spec = spec
        #: optional function [chunk of texts, ...] -> [vectors, ...] that
        #: embeds elsewhere (a Dask cluster); chunks are the ones a local run
        #: would encode one after the other, so batches are the same
        self.encoder = encoder
        self.config = config
        self.quiet = bool(getattr(config, "quiet", False))
        self.batch_size = BATCH_SIZE
        self._model = model
        self._cache: Optional[VectorCache] = None
        self._cache_tried = False
        self.hits = 0
        self.misses = 0

    # -- lazily created resources
    @property
    def model(self):
        """The sentence-transformers model, loaded on first use."""
        if self._model is None:
            self._model = load_model(self.spec, self.quiet)
        return self._model

    @property
    def model_loaded(self) -> bool:
        return self._model is not None

    def _get_cache(self) -> Optional[VectorCache]:
        if not self._cache_tried:
            self._cache_tried = True
            root = cache_root(self.config)
            if root is not None:
                try:
                    self._cache = VectorCache(root / self.spec.id)
                except (OSError, sqlite3.Error) as exc:
                    if not self.quiet:
                        print(f"consistency: embedding cache disabled ({root}: {exc})", file=sys.stderr)
        return self._cache

    def _encode(self, texts: list[str]) -> np.ndarray:
        return encode_with(self.model, self.spec, texts, self.batch_size)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text (shape ``(len(texts), dim)``)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        keys = [text_key(t) for t in texts]
        cache = self._get_cache()
        known: dict[str, np.ndarray] = cache.get_many(sorted(set(keys))) if cache else {}
        todo: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in known:
                todo.setdefault(key, text)
        self.hits += sum(1 for k in keys if k in known)
        self.misses += sum(1 for k in keys if k not in known)
        if todo:
            order = sorted(todo)  # stable batching, independent of input order
            step = self.batch_size * 8
            chunks = [order[i:i + step] for i in range(0, len(order), step)]
            if self.encoder is not None:
                done = zip(chunks, self.encoder([[todo[k] for k in chunk] for chunk in chunks]))
            else:
                done = ((chunk, self._encode([todo[k] for k in chunk])) for chunk in chunks)
            bar = Bar("embed", len(order), "sentences", self.quiet)
            bar.update(0)
            for n, (chunk, vecs) in enumerate(done):
                bar.update(min(len(order), (n + 1) * step))
                fresh = list(zip(chunk, vecs))
                known.update(fresh)
                if cache:
                    try:
                        cache.put_many(fresh)
                    except sqlite3.Error as exc:
                        if not self.quiet:
                            print(f"consistency: cannot write embedding cache: {exc}", file=sys.stderr)
                        self._cache = cache = None
            bar.close()
        # one output array, filled row by row and normalised in place (no
        # second full-size copy: this matrix is the largest thing a big run holds)
        dim = len(next(iter(known.values())))
        out = np.empty((len(keys), dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = known[k]
        del known
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.where(norms == 0, 1.0, norms)
        return out

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None
