"""The command line without the model: extract, errors, exit codes."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "consistency", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_extract_seeds_json():
    r = run("extract", "seeds")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "consistency.report/1"
    assert [a["id"] for a in data["articles"]] == [
        "000_ef127bca5e652af3", "001_b5ff1dc43b53e3d7", "002_418faf2e8bd56de7",
        "003_418dcdc3971b27b2", "004_d478921e2aa4ffbd"]
    claim = next(c for c in data["claims"] if c["text"] == "As of Tuesday, the group had nearly 76,000 members.")
    assert claim["article"] == "001_b5ff1dc43b53e3d7" and claim["line"] == 5
    assert set(claim["facts"]) >= {"quantities", "dates", "entities", "attributions", "negated"}
    text = (ROOT / "seeds" / "001_b5ff1dc43b53e3d7.txt").read_text(encoding="utf-8")
    assert text[claim["start"]:claim["end"]] == claim["text"]


def test_binary_file_exit_2_one_line(tmp_path):
    f = tmp_path / "pic.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    r = run("extract", str(f))
    assert r.returncode == 2
    assert r.stderr == f"consistency: error: {f}: binary file (not text); expected .txt, .md, .html, .json or .jsonl\n"
    assert r.stdout == ""


def test_missing_path_exit_2(tmp_path):
    r = run("check", str(tmp_path / "missing"), "--json", str(tmp_path / "out.json"))
    assert r.returncode == 2
    assert r.stderr == f"consistency: error: {tmp_path / 'missing'}: no such file or directory\n"
    assert not (tmp_path / "out.json").exists()


def test_usage_error_exit_2():
    r = run("check", "--fail-on", "sometimes")
    assert r.returncode == 2
    assert "invalid choice: 'sometimes'" in r.stderr and "Traceback" not in r.stderr


def test_sigterm_ends_like_ctrl_c(tmp_path):
    """A cancelled CI job (SIGTERM) exits 130 with the interrupt message."""
    import signal
    import time

    big = tmp_path / "corpus"
    big.mkdir()
    for i in range(40):
        (big / f"a{i:02d}.txt").write_text(
            f"The ministry said on Monday that {100 + i} people were arrested in Havana "
            f"after protests number {i}.\n" * 30, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "consistency", "check", str(big), "--json",
                             str(tmp_path / "out.json"), "-q"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**__import__("os").environ, "CONSISTENCY_CACHE_DIR": str(tmp_path / "cache")})
    deadline = time.monotonic() + 60
    while not (tmp_path / "cache").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the embedding cache appears once the run is embedding
    assert proc.poll() is None, "the run ended before it could be cancelled"
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "consistency: interrupted; no output written"
    assert not (tmp_path / "out.json").exists()
