"""A check on a Dask cluster writes the same report, byte for byte, as a local run.

A ``dask.distributed.LocalCluster`` of two worker processes stands in for a
real cluster: extraction, embedding (the real default model, loaded by each
worker) and the rules run on the workers; clustering runs here.  Both runs
start from empty embedding caches, so the workers really embed.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import reporters
from consistency.config import load_config
from consistency.pipeline import Checker

distributed = pytest.importorskip("dask.distributed")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORY = ROOT / "tests" / "stories" / "xl_court"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as lc:
        yield lc.scheduler_address


def _json(tmp_path: Path, name: str, paths, **options) -> tuple[str, Checker]:
    config = load_config(None, quiet=True, cache_dir=str(tmp_path / f"cache-{name}"), **options)
    checker = Checker(config)
    report = checker.check([str(p) for p in paths])
    return reporters.render(report, "json"), checker


@pytest.mark.parametrize("paths", [[SEEDS], [STORY]], ids=["seeds", "xl_court"])
def test_two_workers_give_the_local_report_byte_for_byte(cluster, tmp_path, paths):
    local, _ = _json(tmp_path, "local", paths)
    remote, checker = _json(tmp_path, "dask", paths, dask=cluster)
    runner = checker.runner
    # the work really went to the workers
    assert runner.tasks["extract"] >= 2
    assert runner.tasks["embed"] >= 1 and runner.embedded > 0
    assert runner.tasks["rules"] >= 1
    assert not checker.embedder.model_loaded  # this process never loaded the model
    assert remote == local
    # and the findings are the real ones, not an empty report on both sides
    if paths == [SEEDS]:
        import json

        codes = sorted(f["code"] for f in json.loads(remote)["findings"])
        assert codes == ["ATT001", "ATT002", "QTY002", "QTY002"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CONSISTENCY_CACHE_DIR=str(cwd / "cache"))
    return subprocess.run([sys.executable, "-m", "consistency", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_cli_dask_flag_writes_the_same_json_and_exit_code(cluster, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    # the seeds' two warnings fail the run with --fail-on warning
    local = _cli("check", str(SEEDS), "--fail-on", "warning", "--json", "out.json", cwd=tmp_path / "a")
    remote = _cli("check", str(SEEDS), "--fail-on", "warning", "--dask", cluster, "--json", "out.json",
                  cwd=tmp_path / "b")
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert (tmp_path / "b" / "out.json").read_bytes() == (tmp_path / "a" / "out.json").read_bytes()


def test_unreachable_scheduler_is_a_one_line_input_error(tmp_path):
    done = _cli("check", str(SEEDS), "--dask", "tcp://127.0.0.1:9", "--json", "out.json", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "tcp://127.0.0.1:9" in lines[0] and "Dask scheduler" in lines[0]
    assert not (tmp_path / "out.json").exists()


def test_a_worker_without_the_callers_wordnet_refuses_to_judge():
    """NEG002 reads WordNet's opposites: a worker whose database is not there
    like the caller's would judge differently, so it refuses (the message
    names both sides)."""
    from consistency import wordnet
    from consistency.config import Config
    from consistency.distributed import _judge_part

    here = wordnet.available()
    assert _judge_part((), (), (), Config(quiet=True), None, frozenset(), here) == {}
    with pytest.raises(RuntimeError, match="WordNet database"):
        _judge_part((), (), (), Config(quiet=True), None, frozenset(), not here)


def test_a_worker_without_the_callers_dictionary_refuses_to_judge():
    """Names translated word for word are read from FreeDict: a worker whose
    dictionary is not there like the caller's refuses too."""
    from consistency import bilingual, wordnet
    from consistency.config import Config
    from consistency.distributed import _judge_part

    here, dictionary = wordnet.available(), bilingual.available()
    assert _judge_part((), (), (), Config(quiet=True), None, frozenset(), here, dictionary) == {}
    with pytest.raises(RuntimeError, match="FreeDict dictionary"):
        _judge_part((), (), (), Config(quiet=True), None, frozenset(), here, not dictionary)
