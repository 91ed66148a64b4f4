"""Bad input through the command line: exit code, exact stderr, no output written.

Every case runs ``python -m consistency check`` in a subprocess, in a fresh
working folder.  Cases that load at most one article never need the embedding
model, so they are fast; the Ctrl-C case (marked ``model``) embeds a small
generated corpus.

Read-only output folders: the tests run as root, for whom ``chmod`` does not
stop writes, and the virtualenv's interpreter is not executable by an
unprivileged user here, so read-only destinations are tested as a path under a
regular file (``one.txt/out.json``) and a path under ``/proc``, which refuses
new files even to root.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EN_SEED = SEEDS / "001_b5ff1dc43b53e3d7.txt"
ENV = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", PYTHONPATH=str(ROOT))
ENV.pop("CONSISTENCY_DEBUG", None)
W = "consistency: warning: "
NOTHING = W + "0 article(s) loaded: nothing to compare"
ONE = W + "1 article(s) loaded: nothing to compare"


def run(cwd: Path, *args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "consistency", "check", *args], cwd=cwd,
                          env=env or ENV, capture_output=True, text=True, timeout=600, **kw)


def one_article(folder: Path, name: str = "one.txt") -> Path:
    dest = folder / name
    dest.write_bytes(EN_SEED.read_bytes())
    return dest


def notes(path: Path) -> list[str]:
    return json.loads(path.read_text(encoding="utf-8"))["summary"]["notes"]


# ------------------------------------------------------------------ input errors (exit 2)
def test_missing_path(tmp_path):
    r = run(tmp_path, "nope.txt", "--json", "out.json")
    assert (r.returncode, r.stderr, r.stdout) == (2, "consistency: error: nope.txt: no such file or directory\n", "")
    assert list(tmp_path.iterdir()) == []


def test_binary_file_named_explicitly(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = run(tmp_path, "photo.txt", "--json", "out.json")
    assert r.returncode == 2
    assert r.stderr == ("consistency: error: photo.txt: binary file (not text); "
                        "expected .txt, .md, .html, .json or .jsonl\n")
    assert not (tmp_path / "out.json").exists()


def test_binary_file_in_a_folder_is_skipped_with_a_warning(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    one_article(d)
    r = run(tmp_path, "in", "--json", "out.json")
    skipped = "in/photo.txt: binary file (not text); expected .txt, .md, .html, .json or .jsonl; skipped"
    assert r.returncode == 0
    assert r.stderr.splitlines() == [W + skipped, ONE]
    assert notes(tmp_path / "out.json") == [skipped, "1 article(s) loaded: nothing to compare"]


@pytest.mark.parametrize("name,content,line,message", [
    ("bad.jsonl", '{"text": "Reuters said 12 ships left Odesa on Friday."}\n\n{"text": oops}\n', 3,
     "invalid JSON: Expecting value"),
    ("bad.json", '[\n {"text": "Reuters said 12 ships left Odesa on Friday."},\n {"text": }\n]\n', 3,
     "invalid JSON: Expecting value"),
])
def test_malformed_json_names_the_line(tmp_path, name, content, line, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    r = run(tmp_path, name, "--json", "out.json")
    assert (r.returncode, r.stderr) == (2, f"consistency: error: {name}: line {line}: {message}\n")
    assert not (tmp_path / "out.json").exists()


def test_file_over_the_default_limit_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    line = b"The ministry said on Monday that 40 people were arrested in Havana.\n"
    with big.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    size = big.stat().st_size
    assert size > 50 * 1024 * 1024
    r = run(tmp_path, "big.txt", "--json", "out.json")
    assert r.returncode == 2
    assert r.stderr == (f"consistency: error: big.txt: file is {size:,} bytes, over the limit of "
                        f"20,000,000 (raise max-file-bytes in [consistency] to read it)\n")
    assert not (tmp_path / "out.json").exists()


def test_size_limit_is_checked_before_reading(tmp_path):
    """A 3 GB (sparse) file under a 1 GB address-space limit: reading it would
    fail with MemoryError; the limit check refuses it first."""
    import resource

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[consistency]\nmax-file-bytes = 100000000\n", encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))

    r = run(tmp_path, "huge.txt", "--json", "out.json", preexec_fn=limit)
    assert r.returncode == 2
    assert r.stderr == ("consistency: error: huge.txt: file is 3,221,225,472 bytes, over the limit of "
                        "100,000,000 (raise max-file-bytes in [consistency] to read it)\n")


def test_size_limit_from_setup_cfg(tmp_path):
    one_article(tmp_path)
    (tmp_path / "setup.cfg").write_text("[consistency]\nmax-file-bytes = 1000\n", encoding="utf-8")
    size = EN_SEED.stat().st_size
    r = run(tmp_path, "one.txt", "--json", "out.json")
    assert r.returncode == 2
    assert r.stderr == (f"consistency: error: one.txt: file is {size:,} bytes, over the limit of 1,000 "
                        f"(raise max-file-bytes in [consistency] to read it)\n")
    assert not (tmp_path / "out.json").exists()


def test_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    r = run(tmp_path, "pipe.txt", "--json", "out.json")
    assert (r.returncode, r.stderr) == (2, "consistency: error: pipe.txt: not a regular file or folder\n")


# ------------------------------------------------------------------ skipped with a warning (exit 0)
@pytest.mark.parametrize("name,data,note", [
    ("empty.txt", b"", "empty; skipped"),
    ("blank.md", b"  \n\n\t\n", "empty; skipped"),
    ("chrome.txt", "- Advertisement -\n\nMust read\n\nArchives\n\nTrending Today\n".encode(),
     "only boilerplate, no article text; skipped"),
    ("fr.txt", "Le ministère a déclaré lundi que quarante personnes avaient été arrêtées à La Havane, "
               "selon un communiqué officiel publié dans la soirée.\n".encode(),
     "language 'fr' is not among the configured languages (en, es); skipped"),
])
def test_unusable_article_is_skipped(tmp_path, name, data, note):
    (tmp_path / name).write_bytes(data)
    r = run(tmp_path, name, "--json", "out.json")
    assert r.returncode == 0
    assert r.stderr.splitlines() == [f"{W}{name}: {note}", NOTHING]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["summary"]["notes"] == [f"{name}: {note}", "0 article(s) loaded: nothing to compare"]
    assert (report["articles"], report["findings"]) == ([], [])


def test_invalid_utf8_falls_back_with_a_warning(tmp_path):
    data = EN_SEED.read_text(encoding="utf-8").encode("cp1252")  # ’ is 0x92 in cp1252
    first_bad = data.index(b"\x92")
    (tmp_path / "cp.txt").write_bytes(data)
    r = run(tmp_path, "cp.txt", "--json", "out.json")
    note = f"cp.txt: not valid UTF-8 (first bad byte at {first_bad}); decoded as cp1252"
    assert r.returncode == 0
    assert r.stderr.splitlines() == [W + note, ONE]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["summary"]["notes"] == [note, "1 article(s) loaded: nothing to compare"]
    assert report["claims"][0]["text"].startswith("Cuba’s government has initiated criminal proceedings")


def test_utf16_with_bom_is_decoded(tmp_path):
    (tmp_path / "u16.txt").write_bytes(EN_SEED.read_text(encoding="utf-8").encode("utf-16"))
    r = run(tmp_path, "u16.txt", "--json", "out.json")
    note = "u16.txt: decoded as utf-16 (byte order mark)"
    assert r.returncode == 0
    assert r.stderr.splitlines() == [W + note, ONE]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["claims"][0]["text"].startswith("Cuba’s government has initiated criminal proceedings")
    assert report["articles"][0]["published"] == "2023-09-05"


def test_front_matter_with_an_invalid_date(tmp_path):
    body = EN_SEED.read_text(encoding="utf-8").replace("2023-09-05 11:47:52\n", "")
    (tmp_path / "d.txt").write_text("---\noutlet: Example\npublished: 2023-02-30\n---\n" + body,
                                    encoding="utf-8")
    r = run(tmp_path, "d.txt", "--json", "out.json")
    note = "d.txt: invalid published date '2023-02-30'; treated as unknown"
    assert r.returncode == 0
    assert r.stderr.splitlines() == [W + note, ONE]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["articles"][0]["published"] is None
    assert report["articles"][0]["outlet"] == "Example"
    assert report["summary"]["unknown_dates"] == ["d"]


def test_duplicate_article_is_reported_not_compared(tmp_path):
    one_article(tmp_path, "a.txt")
    one_article(tmp_path, "b.txt")
    r = run(tmp_path, "b.txt", "a.txt", "--json", "out.json")
    note = "b.txt: same text as a.txt; skipped as a duplicate"
    assert r.returncode == 0
    assert r.stderr.splitlines() == [W + note, ONE]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in report["articles"]] == ["a"]
    assert (report["clusters"], report["findings"]) == ([], [])


def test_single_article_says_nothing_to_compare(tmp_path):
    one_article(tmp_path)
    r = run(tmp_path, "one.txt", "--json", "out.json", "--sarif", "out.sarif")
    assert r.returncode == 0
    assert r.stderr.splitlines() == [ONE]
    assert "Note: 1 article(s) loaded: nothing to compare" in r.stdout.splitlines()
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["summary"]["notes"] == ["1 article(s) loaded: nothing to compare"]
    assert (report["summary"]["articles"], report["findings"], report["model"]) == (1, [], None)
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"] == []


def test_symlink_loops_are_skipped(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    one_article(d / "sub")
    (d / "sub" / "back").symlink_to("..")
    (d / "self").symlink_to(".")
    (d / "gone.txt").symlink_to("nowhere.txt")
    r = run(tmp_path, "in", "--json", "out.json")
    expected = ["in/gone.txt: broken symbolic link; skipped",
                "in/self: directory visited already (symlink loop); skipped",
                "in/sub/back: directory visited already (symlink loop); skipped",
                "1 article(s) loaded: nothing to compare"]
    assert r.returncode == 0
    assert sorted(r.stderr.splitlines()) == sorted(W + n for n in expected)
    assert sorted(notes(tmp_path / "out.json")) == sorted(expected)


def test_folder_without_articles(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "data.csv").write_text("a,b\n", encoding="utf-8")
    r = run(tmp_path, "in", "--json", "out.json")
    assert r.returncode == 0
    assert r.stderr.splitlines() == [
        W + "in: no .txt, .md, .markdown, .html, .htm, .json, .jsonl files found in this folder", NOTHING]


# ------------------------------------------------------------------ output destinations
@pytest.mark.parametrize("dest,message", [
    ("missing/out.json", "missing/out.json: cannot write: the folder does not exist"),
    ("one.txt/out.json", "one.txt/out.json: cannot write: the folder does not exist"),
    ("/proc/consistency-out.json", "/proc/consistency-out.json: cannot write: No such file or directory"),
])
def test_unwritable_output_is_an_error_and_writes_nothing(tmp_path, dest, message):
    one_article(tmp_path)
    (tmp_path / "keep.sarif").write_text("previous\n", encoding="utf-8")
    r = run(tmp_path, "one.txt", "--sarif", "keep.sarif", "--json", dest)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [ONE, "consistency: error: " + message]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.sarif", "one.txt"]
    assert (tmp_path / "keep.sarif").read_text(encoding="utf-8") == "previous\n"


# ------------------------------------------------------------------ Ctrl-C
def _rows(db: Path) -> set[str]:
    if not db.exists():
        return set()
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return {k for (k,) in con.execute("SELECT key FROM vectors")}
        finally:
            con.close()
    except sqlite3.Error:
        return set()


@pytest.mark.model
def test_ctrl_c_mid_run_exits_130_and_keeps_the_cache_usable(tmp_path):
    sys.path.insert(0, str(ROOT))
    from benchmarks.make_corpus import make

    # large enough that several embedding chunks remain after the first is cached
    manifest = make(tmp_path / "corpus", 80, seed=7)
    cache = tmp_path / "cache"
    env = dict(ENV, CONSISTENCY_CACHE_DIR=str(cache))
    out = tmp_path / "out"
    out.mkdir()
    args = [sys.executable, "-m", "consistency", "check", str(tmp_path / "corpus" / "articles"),
            "--json", str(out / "r.json"), "--sarif", str(out / "r.sarif"), "--html", str(out / "r.html")]
    # a shell without job control starts background jobs with SIGINT ignored, and
    # Python then never raises KeyboardInterrupt: give the child the default, as
    # an interactive terminal would
    proc = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    dbs = lambda: list(cache.glob("*/vectors.sqlite"))  # noqa: E731
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if dbs() and _rows(dbs()[0]):
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before its first embedding batch was cached"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert stderr.splitlines()[-1] == "consistency: interrupted; no output written"
    assert "Traceback" not in stderr
    assert list(out.iterdir()) == []  # no report, no temp file
    (db,) = dbs()
    kept = _rows(db)
    assert kept  # the batches finished before Ctrl-C are kept
    con = sqlite3.connect(str(db))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()

    again = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode in (0, 1), again.stderr
    assert sorted(p.name for p in out.iterdir()) == ["r.html", "r.json", "r.sarif"]
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert report["summary"]["articles"] == manifest["articles"]
    after = _rows(db)
    assert kept <= after  # reused, not rebuilt
    from consistency.embed import text_key

    assert {text_key(c["text"]) for c in report["claims"]} <= after  # every claim is cached
