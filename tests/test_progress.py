"""Progress on a terminal, silence everywhere else.

The run is started on a pseudo-terminal (as a person at a shell would) with
the real model and an empty embedding cache: the embedding stage reports how
far it is on one line, and so does every other stage long enough to need it.
With --quiet, with ``CI`` set, or with stderr going to
a pipe, nothing of it is printed.
"""
from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.model


def on_terminal(tmp_path: Path, *extra: str, env_extra: dict | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "CI"}  # a CI runner sets it
    env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", CONSISTENCY_CACHE_DIR=str(tmp_path / "cache"),
               **(env_extra or {}))
    args = [sys.executable, "-m", "consistency", "check", str(SEEDS), "--fail-on", "never",
            "--html", str(tmp_path / "r.html"), *extra]
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdin, stdout and stderr are the terminal
        os.chdir(tmp_path)
        os.execve(sys.executable, args, env)
    out = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out.decode(errors="replace")
    return out.decode(errors="replace")


BAR = r"consistency: {stage} \[([#.]{{20}})\] (\d+)/(\d+) {unit}"


def test_embedding_progress_on_a_terminal(tmp_path):
    out = on_terminal(tmp_path)
    lines = [(done, total) for _, done, total in re.findall(BAR.format(stage="embed", unit="sentences"), out)]
    # the claims and their clauses (106 on the seeds), then the masked texts of the
    # clustered claims: each batch counts up from 0 to its total
    assert lines[0] == ("0", "106") and ("106", "106") in lines
    totals = {total for _, total in lines}
    assert all((total, total) in lines and ("0", total) in lines for total in totals)
    # the seeds' five articles, few clusters and links: below the other stages' minimum
    assert "consistency: extract" not in out and "consistency: rules" not in out
    assert "4 findings: 0 error" in out


def test_a_bar_per_stage_when_every_stage_is_long_enough(tmp_path):
    out = on_terminal(tmp_path, env_extra={"CONSISTENCY_PROGRESS_MIN": "0"})
    seen = {}
    for stage, unit in (("extract", "articles"), ("embed", "sentences"), ("cluster", "links"),
                        ("rules", "clusters")):
        bars = re.findall(BAR.format(stage=stage, unit=unit), out)
        assert bars, stage
        fill, done, total = bars[-1]
        assert done == total and fill == "#" * 20, (stage, bars[-1])  # each ends full
        seen[stage] = int(total)
    assert seen["extract"] == 5
    # stages in pipeline order, each bar ended by a newline before the next starts
    starts = [out.index(f"consistency: {s} [") for s in ("extract", "embed", "cluster", "rules")]
    assert starts == sorted(starts)
    assert "4 findings: 0 error" in out


@pytest.mark.parametrize("how", ["quiet", "ci"])
def test_no_progress_with_quiet_or_in_ci(tmp_path, how):
    if how == "quiet":
        out = on_terminal(tmp_path, "--quiet")
    else:
        out = on_terminal(tmp_path, env_extra={"CI": "true"})
    assert "embed" not in out and "[#" not in out and "[." not in out


def test_no_progress_when_stderr_is_a_pipe(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1",
               CONSISTENCY_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("CI", None)
    res = subprocess.run([sys.executable, "-m", "consistency", "check", str(SEEDS), "--fail-on", "never",
                          "--html", str(tmp_path / "r.html")], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0 and "consistency: embed" not in res.stderr and "[." not in res.stderr
