"""Configuration: defaults, ``[consistency]`` in setup.cfg, flags on top."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import _config, build_parser
from consistency.config import Config, load_config
from consistency.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def write_cfg(folder: Path, body: str) -> Path:
    path = folder / "setup.cfg"
    path.write_text(body, encoding="utf-8")
    return path


def test_every_setting_read_from_setup_cfg(tmp_path):
    path = write_cfg(tmp_path, """
[consistency]
paths = stories/a
    stories/b
languages = en
fail-on = warning
baseline = ci/baseline.json
select = QTY, DAT
ignore = QTY002
model = /models/e5
threshold = 0.9
thresholds = multilingual-e5-small=0.8, other=0.75
neighbours = 5
tolerance-about = 0.2
tolerance_nearly = 0.05
rates = EUR:USD=1.1
model-dir = models
cache-dir = /var/cache/consistency
max-file-bytes = 1000
output-dir = out
quiet = yes

[consistency:rules:loc001]
severity = info
""")
    cfg = load_config(path)
    assert dataclasses.asdict(cfg) == dataclasses.asdict(Config(
        paths=[str(tmp_path / "stories/a"), str(tmp_path / "stories/b")], languages=["en"],
        fail_on="warning", baseline=str(tmp_path / "ci/baseline.json"), select=["QTY", "DAT"],
        ignore=["QTY002"], model="/models/e5", threshold=0.9,
        thresholds={"multilingual-e5-small": 0.8, "default": 0.70, "other": 0.75}, neighbours=5,
        tolerance_about=0.2, tolerance_nearly=0.05, rates={"EUR:USD": 1.1},
        model_dir=str(tmp_path / "models"), cache_dir="/var/cache/consistency", max_file_bytes=1000,
        output_dir=str(tmp_path / "out"), quiet=True, rules={"LOC001": {"severity": "info"}}))
    assert cfg.link_threshold() == 0.9


def test_flags_override_setup_cfg(tmp_path):
    path = write_cfg(tmp_path, "[consistency]\nfail-on = never\nselect = QTY\nbaseline = b.json\n")
    args = build_parser().parse_args(["check", "--config", str(path), "--fail-on", "warning",
                                      "--ignore", "qty002", "--baseline", "other.json"])
    cfg = _config(args)
    assert (cfg.fail_on, cfg.select, cfg.ignore, cfg.baseline) == ("warning", ["QTY"], ["QTY002"], "other.json")
    args = build_parser().parse_args(["check", "--config", str(path)])
    cfg = _config(args)
    assert (cfg.fail_on, cfg.select, cfg.baseline) == ("never", ["QTY"], str(tmp_path / "b.json"))


def test_defaults_without_setup_cfg(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert (cfg.fail_on, cfg.paths, cfg.languages, cfg.baseline) == ("error", [], ["en", "es"], None)
    assert cfg.link_threshold() == cfg.thresholds["multilingual-e5-small"]


@pytest.mark.parametrize("body, message", [
    ("[consistency]\ncolour = red\n", "{path}: unknown key 'colour' in [consistency]"),
    ("[consistency]\nneighbours = many\n", "{path}: bad value for 'neighbours' in [consistency]: 'many'"),
    ("[consistency]\nquiet = maybe\n", "{path}: bad value for 'quiet' in [consistency]: 'maybe'"),
    ("[consistency]\nfail-on = sometimes\n", "fail-on must be error, warning, info or never, not 'sometimes'"),
    ("[consistency]\nlanguages = en, fr\n", "unsupported language 'fr' (available: en, es)"),
    ("[consistency]\nthreshold = 1.5\n", "threshold for 'threshold' must be in (0, 1], not 1.5"),
    ("[consistency\n", "{path}: cannot read configuration: File contains no section headers."),
    ("[consistency]\nselect = QTY, XYZ9\n", "select: no rule code starts with 'XYZ9' (see 'consistency rules')"),
    ("[consistency]\nignore = ATT003\n", "ignore: no rule code starts with 'ATT003' (see 'consistency rules')"),
])
def test_bad_configuration(tmp_path, body, message):
    path = write_cfg(tmp_path, body)
    with pytest.raises(InputError) as info:
        load_config(path)
    assert str(info.value) == message.format(path=path)


def test_missing_config_file_named_explicitly(tmp_path):
    with pytest.raises(InputError) as info:
        load_config(tmp_path / "nope.cfg")
    assert str(info.value) == f"{tmp_path / 'nope.cfg'}: configuration file not found"


def test_check_without_paths_uses_configured_paths(tmp_path):
    """`consistency check` alone reads [consistency] paths (relative to the file,
    so relative to the working folder for ./setup.cfg):
    shown here by the missing-path error, which comes before the model is needed."""
    write_cfg(tmp_path, "[consistency]\npaths = corpus\n")
    r = subprocess.run([sys.executable, "-m", "consistency", "check"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 2
    assert r.stderr == "consistency: error: corpus: no such file or directory\n"


def test_bad_config_exits_2_one_line(tmp_path):
    write_cfg(tmp_path, "[consistency]\nfail-on = sometimes\n")
    r = subprocess.run([sys.executable, "-m", "consistency", "check", "x"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (r.returncode, r.stderr) == (
        2, "consistency: error: fail-on must be error, warning, info or never, not 'sometimes'\n")
