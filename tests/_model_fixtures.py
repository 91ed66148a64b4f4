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


def findings_of(report, prefix: str) -> list:
    """(code, severity, ((article, claim, value), ...)) of each finding of
    ``report`` whose code starts with ``prefix``, sorted."""
    return sorted((f.code, f.severity, tuple((e.article, e.claim, e.value) for e in f.evidence))
                  for f in report.findings if f.code.startswith(prefix))


def edited_story(story, tmp_path, name: str, old: str, new: str):
    """A copy of the story folder ``story`` under ``tmp_path`` with ``old``
    replaced by ``new`` in its article ``name`` (which must hold it)."""
    import shutil

    copy = tmp_path / story.name
    shutil.copytree(story, copy)
    path = copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def story_from(tmp_path, name: str, articles: dict):
    """A story folder ``tmp_path/name`` holding ``articles`` (file name ->
    text, or the path of a file to copy)."""
    folder = tmp_path / name
    folder.mkdir()
    for fname, text in articles.items():
        if not isinstance(text, str):
            text = text.read_text(encoding="utf-8")
        (folder / fname).write_text(text, encoding="utf-8")
    return folder
