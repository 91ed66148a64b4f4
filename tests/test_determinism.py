"""Same inputs, any order -> byte-identical JSON and SARIF.

The seeds are copied into two working folders (in opposite orders, with
different modification times) and checked through the command line:

- run A names the five files one by one, shuffled, with a cold embedding cache;
- run B names the folder, plus one of its files again (the duplicate path is
  dropped), in another order, with a second cold cache;
- run C reads the same files from a nested layout (``seeds/part1``,
  ``seeds/part2``) with A's warm cache: article ids do not depend on folders,
  so everything but the file paths is identical.

Paths in the reports are the paths as given, so A and B run from their own
working folder with the same relative paths.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ENV = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", PYTHONPATH=str(ROOT))

pytestmark = pytest.mark.model


def _check(cwd: Path, cache: Path, paths: list[str]) -> subprocess.CompletedProcess:
    env = dict(ENV, CONSISTENCY_CACHE_DIR=str(cache))
    return subprocess.run([sys.executable, "-m", "consistency", "check", *paths, "--json", "out.json",
                           "--sarif", "out.sarif", "--fail-on", "never", "--quiet"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _copy(files: list[Path], folder: Path, mtime: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, f in enumerate(files):
        dest = folder / f.name
        shutil.copyfile(f, dest)
        os.utime(dest, (mtime + n, mtime + n))


def _strip_paths(value):
    """The report without file locations (keys 'path' and 'uri')."""
    if isinstance(value, dict):
        return {k: _strip_paths(v) for k, v in value.items() if k not in ("path", "uri")}
    if isinstance(value, list):
        return [_strip_paths(v) for v in value]
    return value


def test_shuffled_inputs_give_byte_identical_reports(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    _copy(SEEDS, a / "seeds", 1_600_000_000)
    _copy(list(reversed(SEEDS)), b / "seeds", 1_700_000_000)
    _copy(SEEDS[:2], c / "seeds" / "part1", 1_650_000_000)
    _copy(SEEDS[2:], c / "seeds" / "part2", 1_650_000_000)
    names = [f"seeds/{f.name}" for f in SEEDS]
    order_a = names[:]
    random.Random(3).shuffle(order_a)
    assert order_a != names

    ra = _check(a, tmp_path / "cache-a", order_a)
    rb = _check(b, tmp_path / "cache-b", [names[3], "seeds", "./seeds/"])
    rc = _check(c, tmp_path / "cache-a", ["seeds/part2", "seeds/part1"])
    for r in (ra, rb, rc):
        assert r.returncode == 0, r.stderr
        assert r.stderr == ""

    json_a, json_b = (a / "out.json").read_bytes(), (b / "out.json").read_bytes()
    sarif_a, sarif_b = (a / "out.sarif").read_bytes(), (b / "out.sarif").read_bytes()
    assert json_a == json_b
    assert sarif_a == sarif_b

    report = json.loads(json_a)
    assert [x["id"] for x in report["articles"]] == [f.stem for f in SEEDS]
    assert [x["path"] for x in report["articles"]] == names
    assert report["findings"], "the seeds disagree somewhere: an empty report would prove nothing"
    fingerprints = [f["fingerprint"] for f in report["findings"]]
    assert len(set(fingerprints)) == len(fingerprints)

    nested = json.loads((c / "out.json").read_bytes())
    assert [x["path"] for x in nested["articles"]] == (
        [f"seeds/part1/{f.name}" for f in SEEDS[:2]] + [f"seeds/part2/{f.name}" for f in SEEDS[2:]])
    assert _strip_paths(nested) == _strip_paths(report)
    sarif_c = json.loads((c / "out.sarif").read_bytes())
    assert _strip_paths(sarif_c) == _strip_paths(json.loads(sarif_a))
