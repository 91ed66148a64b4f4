"""Shared helpers for tests that need the real embedding model.

The model is loaded once per test process (``get_model``) and reused by every
test module that asks for it.  It lives in the normal model cache
(``CONSISTENCY_MODEL_DIR`` or ``~/.cache/consistency/models``), so only the
very first run pays for the conversion.
"""
from __future__ import annotations

import functools

import pytest

from consistency import embed, models
from consistency.config import Config
from consistency.pipeline import Checker


@functools.lru_cache(maxsize=None)
def get_model():
    """``(model, spec)`` for the default model, loaded once."""
    config = Config(quiet=True)
    return models.load(None, config)


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    """A checker on the shared model (loaded once per process), with an
    embedding cache of its own for the module."""
    mp = pytest.MonkeyPatch()
    mp.setattr(embed, "load_model", lambda spec, quiet=False: get_model()[0])
    mp.setenv("CONSISTENCY_CACHE_DIR", str(tmp_path_factory.mktemp("embeddings")))
    yield Checker(Config(quiet=True))
    mp.undo()
