"""CI mode end to end, with the real model: baseline, new-only failures, exit codes.

The commands run in-process through ``consistency.cli.main``; the model is
loaded once for the whole module (the session model of ``_model_fixtures``)
and the embedding cache lives in a folder of this module's own.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import embed
from consistency.cli import main

from _model_fixtures import get_model

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ES_BONUS = "000_ef127bca5e652af3"
EN_CUBA_004 = "004_d478921e2aa4ffbd"
ADDED = "005_havana_wire"

#: contradicts the signing bonus of 000 (495.000 rublos / 5.300 dólares) and
#: 004's "The Cuban foreign ministry did not identify the responsible parties"
ADDED_TEXT = """---
outlet: Havana Wire
title: Cuba names the recruiters
published: 2023-09-06
lang: en
---
Cuba names the network recruiting its citizens for Russia's war in Ukraine

The Cuban foreign ministry identified the responsible parties behind this operation.

The recruiters promised a signing bonus of 350,000 Russian rubles ($3,500).
"""


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("embeddings")


@pytest.fixture(autouse=True)
def shared_model(monkeypatch, cache_dir):
    """Every run reuses the one loaded model and this module's embedding cache."""
    monkeypatch.setattr(embed, "load_model", lambda spec, quiet=False: get_model()[0])
    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(cache_dir))


def corpus(tmp_path: Path, name: str = "corpus") -> Path:
    folder = tmp_path / name
    shutil.copytree(SEEDS, folder)
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def findings(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


def key(f: dict) -> tuple[str, tuple[str, ...]]:
    return f["code"], tuple(sorted({e["article"] for e in f["evidence"]}))


def test_baseline_cycle(tmp_path, capsys):
    seeds = corpus(tmp_path)
    base = tmp_path / "baseline.json"
    first = tmp_path / "first.json"
    code, _, err = run(capsys, seeds, "--write-baseline", base, "--json", first,
                       "--fail-on", "info", "-q")
    seed_findings = findings(first)
    # without a baseline, any finding at or above --fail-on fails the run
    assert (code, err) == (1 if seed_findings else 0, "")
    entries = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert [e["fingerprint"] for e in entries] == sorted(f["fingerprint"] for f in seed_findings)
    assert {(e["code"], tuple(e["articles"])) for e in entries} == {key(f) for f in seed_findings}

    # re-run: everything unchanged, exit 0
    again = tmp_path / "again.json"
    code, out, _ = run(capsys, seeds, "--baseline", base, "--json", again, "--fail-on", "info")
    assert code == 0
    assert [f["baseline_state"] for f in findings(again)] == ["unchanged"] * len(seed_findings)
    assert f"baseline: 0 new, {len(entries)} unchanged, 0 absent" in out

    # a new article contradicting two seed facts: exactly its findings are new
    (seeds / f"{ADDED}.txt").write_text(ADDED_TEXT, encoding="utf-8")
    third = tmp_path / "third.json"
    sarif = tmp_path / "third.sarif"
    code, out, _ = run(capsys, seeds, "--baseline", base, "--json", third, "--sarif", sarif)
    assert code == 1
    result = findings(third)
    new = {key(f) for f in result if f["baseline_state"] == "new"}
    assert ("QTY001", (ES_BONUS, ADDED)) in new
    assert ("NEG001", (EN_CUBA_004, ADDED)) in new
    assert new == {key(f) for f in result if ADDED in key(f)[1]}
    assert {f["fingerprint"] for f in result if f["baseline_state"] == "unchanged"} \
        == {e["fingerprint"] for e in entries}
    states = {r["partialFingerprints"]["consistency/v1"] if "consistency/v1" in r["partialFingerprints"]
              else next(iter(r["partialFingerprints"].values())): r["baselineState"]
              for r in json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]}
    assert states == {f["fingerprint"]: f["baseline_state"] for f in result}
    assert "[new] Amounts differ" in out


def test_baseline_survives_order_whitespace_and_unrelated_edits(tmp_path, capsys):
    seeds = corpus(tmp_path)
    base = tmp_path / "baseline.json"
    code, _, _ = run(capsys, seeds, "--write-baseline", base, "--fail-on", "never", "-q",
                     "--json", tmp_path / "a.json")
    assert code == 0
    # the same articles in other folders, passed in reverse order
    moved = tmp_path / "moved"
    files = sorted(seeds.iterdir())
    for n, f in enumerate(reversed(files)):
        (moved / f"z{n}").mkdir(parents=True)
        shutil.copy(f, moved / f"z{n}" / f.name)
    bonus = moved / f"z{len(files) - 1}" / f"{ES_BONUS}.txt"
    text = bonus.read_text(encoding="utf-8")
    unrelated = "Varios anuncios de contratación en la ex república soviética"
    assert unrelated in text
    text = text.replace(unrelated, "Numerosos anuncios de reclutamiento en la antigua república soviética")
    text = text.replace("\n", "\n\n").replace("Prometen un bono", "Prometen  un   bono")
    bonus.write_text(text, encoding="utf-8")
    paths = [moved / d.name for d in sorted(moved.iterdir(), reverse=True)]
    out_json = tmp_path / "b.json"
    code, out, _ = run(capsys, *paths, "--baseline", base, "--fail-on", "info", "--json", out_json)
    assert code == 0, out
    assert [f["baseline_state"] for f in findings(out_json)] == \
        ["unchanged"] * len(findings(tmp_path / "a.json"))
    assert {f["fingerprint"] for f in findings(out_json)} == \
        {f["fingerprint"] for f in findings(tmp_path / "a.json")}


def test_cold_and_warm_cache_same_fingerprints(tmp_path, capsys, monkeypatch):
    seeds = corpus(tmp_path)
    got = []
    for cache in ("fresh", "fresh"):  # cold, then warm
        monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(tmp_path / cache))
        out = tmp_path / f"{cache}-{len(got)}.json"
        assert run(capsys, seeds, "--json", out, "--fail-on", "never", "-q")[0] == 0
        got.append([f["fingerprint"] for f in findings(out)])
    assert got[0] and got[0] == got[1]


def test_fixed_findings_are_listed_as_absent(tmp_path, capsys):
    seeds = corpus(tmp_path)
    base = tmp_path / "baseline.json"
    run(capsys, seeds, "--write-baseline", base, "--fail-on", "never", "-q", "--json", tmp_path / "a.json")
    (seeds / f"{ADDED}.txt").write_text(ADDED_TEXT, encoding="utf-8")
    with_added = tmp_path / "with.json"
    run(capsys, seeds, "--write-baseline", base, "--fail-on", "never", "-q", "--json", with_added)
    added = [f for f in findings(with_added) if ADDED in key(f)[1]]
    assert added
    (seeds / f"{ADDED}.txt").unlink()
    out_json = tmp_path / "after.json"
    code, out, _ = run(capsys, seeds, "--baseline", base, "--json", out_json, "--fail-on", "warning")
    assert code == 0
    report = json.loads(out_json.read_text(encoding="utf-8"))
    assert sorted(a["fingerprint"] for a in report["absent"]) == sorted(f["fingerprint"] for f in added)
    assert f"No longer found ({len(added)} baseline entries" in out
    for f in added:
        assert f"  {f['code']}  {f['fingerprint']}  " in out


def test_reason_in_baseline_suppresses_and_is_shown(tmp_path, capsys):
    seeds = corpus(tmp_path)
    (seeds / f"{ADDED}.txt").write_text(ADDED_TEXT, encoding="utf-8")
    base = tmp_path / "baseline.json"
    run(capsys, seeds, "--write-baseline", base, "--fail-on", "never", "-q", "--json", tmp_path / "a.json")
    data = json.loads(base.read_text(encoding="utf-8"))
    for e in data["findings"]:
        e["reason"] = "reviewed by the desk"
    base.write_text(json.dumps(data), encoding="utf-8")
    out_json = tmp_path / "b.json"
    code, out, _ = run(capsys, seeds, "--baseline", base, "--json", out_json, "--fail-on", "info",
                       "--write-baseline", base)
    assert code == 0
    assert {f["suppressed"] for f in findings(out_json)} == {"reviewed by the desk"}
    assert "(accepted: reviewed by the desk)" in out
    # rewriting the baseline kept every reason
    assert {e.get("reason") for e in json.loads(base.read_text(encoding="utf-8"))["findings"]} \
        == {"reviewed by the desk"}


def test_inline_suppression_in_the_body(tmp_path, capsys):
    seeds = corpus(tmp_path)
    text = ADDED_TEXT.replace(
        "The Cuban foreign ministry identified",
        "consistency: ignore NEG001 -- the ministry named them a day later\n"
        "The Cuban foreign ministry identified")
    (seeds / f"{ADDED}.txt").write_text(text, encoding="utf-8")
    out_json = tmp_path / "a.json"
    code, out, _ = run(capsys, seeds, "--json", out_json, "--fail-on", "error", "-q")
    report = json.loads(out_json.read_text(encoding="utf-8"))
    assert not [c for c in report["claims"] if "consistency:" in c["text"]]
    neg = [f for f in report["findings"] if key(f) == ("NEG001", (EN_CUBA_004, ADDED))]
    assert [f["suppressed"] for f in neg] == [
        f"the ministry named them a day later [inline: {ADDED} line 9]"]
    qty = [f for f in report["findings"] if key(f) == ("QTY001", (ES_BONUS, ADDED))]
    assert qty and all("suppressed" not in f for f in qty)
    assert code == 1  # the QTY001 error still fails the run


def test_inline_suppression_in_front_matter(tmp_path, capsys):
    seeds = corpus(tmp_path)
    text = ADDED_TEXT.replace("lang: en\n", "lang: en\nconsistency: ignore QTY, NEG -- corrected in print\n")
    (seeds / f"{ADDED}.txt").write_text(text, encoding="utf-8")
    out_json = tmp_path / "a.json"
    code, out, _ = run(capsys, seeds, "--json", out_json, "--fail-on", "error")
    mine = [f for f in findings(out_json) if ADDED in key(f)[1] and f["code"][:3] in ("QTY", "NEG")]
    assert {key(f) for f in mine} >= {("QTY001", (ES_BONUS, ADDED)), ("NEG001", (EN_CUBA_004, ADDED))}
    assert {f.get("suppressed") for f in mine} == {f"corrected in print [inline: {ADDED} line 6]"}
    others = [f for f in findings(out_json) if ADDED not in key(f)[1]]
    assert all("suppressed" not in f for f in others)
    assert code == (1 if any(f["severity"] == "error" for f in others) else 0)
    assert "SUPPRESSED (" in out


def test_malformed_baseline_exit_2_bytes_unchanged(tmp_path):
    bad = tmp_path / "b.json"
    raw = b'{"schema": "consistency.baseline/1", "findings": [\n'
    bad.write_bytes(raw)
    r = subprocess.run([sys.executable, "-m", "consistency", "check", str(SEEDS), "--baseline", str(bad),
                        "--write-baseline", str(bad)], cwd=tmp_path, capture_output=True, text=True,
                       timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 2
    assert r.stderr == f"consistency: error: {bad}: malformed baseline: line 2: Expecting value\n"
    assert bad.read_bytes() == raw


@pytest.mark.parametrize("flags", [["--baseline", "b.json", "--json", "b.json"],
                                   ["--write-baseline", "b.json", "--sarif", "b.json"]])
def test_report_over_baseline_refused_before_the_run(tmp_path, flags):
    raw = b'{"schema": "consistency.baseline/1", "findings": []}\n'
    (tmp_path / "b.json").write_bytes(raw)
    r = subprocess.run([sys.executable, "-m", "consistency", "check", str(SEEDS), *flags], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "consistency: error: b.json: refusing to overwrite the baseline with a report\n"
    assert (tmp_path / "b.json").read_bytes() == raw
