"""Shared helpers for tests that need the real embedding model.

The model is loaded once per test process (``get_model``) and reused by every
test module that asks for it.  It lives in the normal model cache
(``CONSISTENCY_MODEL_DIR`` or ``~/.cache/consistency/models``), so only the
very first run pays for the conversion.
"""
from __future__ import annotations

import functools

from consistency import models
from consistency.config import Config


@functools.lru_cache(maxsize=None)
def get_model():
    """``(model, spec)`` for the default model, loaded once."""
    config = Config(quiet=True)
    return models.load(None, config)
