"""The cached embedder: shapes, normalisation, cache hits, lazy model loading."""
from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from consistency import embed
from consistency.config import Config
from consistency.models import ModelSpec

from _model_fixtures import get_model


class CountingModel:
    """A stand-in model: a fixed vector per text, records what it was asked."""

    def __init__(self):
        self.calls: list[list[str]] = []
        self.prompts: list = []

    def encode(self, texts, prompt=None, **kwargs):
        self.calls.append(list(texts))
        self.prompts.append(prompt)
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, len(t) % 4] = 3.0  # not unit length on purpose
            out[i, (len(t) + 1) % 4] = 4.0
        return out


SPEC = ModelSpec(name="fake", id="fake-1", path=None, prompt="query: ")


def make(tmp_path, model=None, **cfg):
    config = Config(cache_dir=str(tmp_path / "cache"), quiet=True, **cfg)
    return embed.Embedder(SPEC, config, model=model or CountingModel())


def test_vectors_are_unit_float32_in_input_order(tmp_path):
    e = make(tmp_path)
    v = e.embed(["ab", "abc", "ab"])
    assert v.dtype == np.float32 and v.shape == (3, 4)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0)
    assert v[0].tolist() == pytest.approx([0, 0, 0.6, 0.8])
    assert v[1].tolist() == pytest.approx([0.8, 0, 0, 0.6])
    assert np.array_equal(v[0], v[2])
    # duplicates are embedded once, with the model's prompt
    assert len(e._model.calls) == 1 and sorted(e._model.calls[0]) == ["ab", "abc"]
    assert e._model.prompts == ["query: "]
    assert (e.hits, e.misses) == (0, 3)


def test_second_run_is_served_from_cache_without_a_model(tmp_path, monkeypatch):
    first = make(tmp_path)
    expected = first.embed(["one claim", "another claim"])
    first.close()

    def no_loading(*a, **k):
        raise AssertionError("the model must not be loaded on a full cache hit")

    monkeypatch.setattr(embed, "load_model", no_loading)
    config = Config(cache_dir=str(tmp_path / "cache"), quiet=True)
    second = embed.Embedder(SPEC, config)
    got = second.embed(["another claim", "one claim"])
    assert not second.model_loaded
    assert (second.hits, second.misses) == (2, 0)
    assert np.array_equal(got, expected[::-1])


def test_partial_hit_embeds_only_new_texts(tmp_path):
    a = make(tmp_path)
    a.embed(["old"])
    b = make(tmp_path)
    b.embed(["old", "new text"])
    assert b._model.calls == [["new text"]]
    assert (b.hits, b.misses) == (1, 1)


def test_cache_is_per_model_id(tmp_path):
    make(tmp_path).embed(["same text"])
    other = embed.Embedder(ModelSpec(name="x", id="other-2", path=None), Config(cache_dir=str(tmp_path / "cache"), quiet=True),
                           model=CountingModel())
    other.embed(["same text"])
    assert other.misses == 1
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["fake-1", "other-2"]


def test_cache_rows_are_keyed_by_text_sha256(tmp_path):
    make(tmp_path).embed(["hola"])
    db = sqlite3.connect(tmp_path / "cache" / "fake-1" / "vectors.sqlite")
    rows = db.execute("SELECT key, dim FROM vectors").fetchall()
    assert rows == [(embed.text_key("hola"), 4)]
    assert embed.text_key("hola") == "b221d9dbb083a7f33428d7c2a3c3198ae925614d70210e28716ccaa7cd4ddb79"


def test_cache_off_and_env_location(tmp_path, monkeypatch):
    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(tmp_path / "env"))
    assert embed.cache_root(Config()) == tmp_path / "env"
    assert embed.cache_root(Config(cache_dir=str(tmp_path / "cfg"))) == tmp_path / "cfg"
    assert embed.cache_root(Config(cache_dir="off")) is None
    e = embed.Embedder(SPEC, Config(cache_dir="off", quiet=True), model=CountingModel())
    e.embed(["a"])
    e.embed(["a"])
    assert (e.hits, e.misses) == (0, 2)


def test_unwritable_cache_falls_back_to_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    e = embed.Embedder(SPEC, Config(cache_dir=str(blocker), quiet=True), model=CountingModel())
    assert e.embed(["x"]).shape == (1, 4)
    assert e.misses == 1


def test_real_model_through_the_embedder(tmp_path):
    model, spec = get_model()
    e = embed.Embedder(spec, Config(cache_dir=str(tmp_path), quiet=True), model=model)
    v = e.embed(["El ejército ruso está reclutando civiles.", "The Russian army is recruiting civilians."])
    assert v.shape == (2, 384) and v.dtype == np.float32
    assert float(v[0] @ v[1]) > 0.9
