"""The README documents every configuration setting (one table row each)."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from consistency.config import Config

README = Path(__file__).resolve().parent.parent / "README.md"


def documented_settings() -> set[str]:
    """First-column keys of the README's configuration table (`` `fail-on` `` rows)."""
    text = README.read_text(encoding="utf-8")
    keys = re.findall(r"^\|\s*`([a-z][a-z_-]*)`\s*\|", text, flags=re.M)
    return {k.replace("-", "_") for k in keys}


def test_every_config_setting_is_in_the_readme_table():
    settings = {f.name for f in dataclasses.fields(Config)}
    missing = sorted(settings - documented_settings())
    assert missing == [], f"README.md configuration table lacks: {', '.join(missing)}"


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load((README.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["pass_filenames"]) for h in hooks] == [
        ("consistency", "consistency check", "python", False)]


def test_github_workflow_example():
    import yaml

    flow = yaml.safe_load((README.parent / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["check"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses == ["actions/checkout", "actions/setup-python", "", "actions/cache", "",
                    "github/codeql-action/upload-sarif", "actions/upload-artifact"]
    assert steps[1]["with"]["python-version"] == "3.11"
    install = steps[2]["run"]
    # the default model needs no torch: nothing can pull the CUDA build
    assert "pip install ." in install and "torch" not in install
    assert steps[3]["with"]["path"] == "~/.cache/consistency"
    check = steps[4]["run"]
    assert "--baseline ci/consistency-baseline.json" in check and "--sarif reports/consistency.sarif" in check
    assert steps[5]["with"]["sarif_file"] == "reports/consistency.sarif"
    assert flow["permissions"]["security-events"] == "write"


def test_every_rule_is_in_the_readme_rules_table():
    from consistency.rules import rule_infos

    text = README.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\|\s*`([A-Z]{3}\d{3})`\s*\|\s*[a-z-]+\s*\|\s*([a-z]+)\s*\|", text, flags=re.M))
    assert rows == {r.code: r.severity for r in rule_infos()}
