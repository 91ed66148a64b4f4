"""reporters.write: atomic, and a one-line InputError for a bad destination."""
from __future__ import annotations

import os

import pytest

from consistency.errors import InputError
from consistency.reporters import render, write

from _report_fixtures import sample_report


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html"])
def test_write_matches_render(tmp_path, fmt):
    r = sample_report()
    path = tmp_path / f"out.{fmt}"
    write(r, fmt, path)
    assert path.read_text(encoding="utf-8") == render(r, fmt)
    assert os.listdir(tmp_path) == [f"out.{fmt}"]


def test_write_replaces_existing_file(tmp_path):
    path = tmp_path / "r.json"
    path.write_text("old", encoding="utf-8")
    write(sample_report(), "json", str(path))
    assert path.read_text(encoding="utf-8").startswith('{\n  "schema": "consistency.report/1"')


def test_missing_directory_is_an_input_error(tmp_path):
    path = tmp_path / "nope" / "r.html"
    with pytest.raises(InputError) as exc:
        write(sample_report(), "html", path)
    msg = str(exc.value)
    assert msg.startswith(f"{path}: ") and "does not exist" in msg and "\n" not in msg
    assert not (tmp_path / "nope").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only directories")
def test_unwritable_directory_is_an_input_error(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(InputError) as exc:
            write(sample_report(), "json", ro / "r.json")
        assert str(exc.value).startswith(f"{ro / 'r.json'}: cannot write json report: ")
    finally:
        ro.chmod(0o700)
    assert os.listdir(ro) == []


def test_failed_replace_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "r.sarif"
    path.write_text("previous", encoding="utf-8")

    def boom(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputError) as exc:
        write(sample_report(), "sarif", path)
    assert str(exc.value) == f"{path}: cannot write sarif report: Permission denied"
    assert os.listdir(tmp_path) == ["r.sarif"]
    assert path.read_text(encoding="utf-8") == "previous"


def test_path_is_a_directory(tmp_path):
    with pytest.raises(InputError, match="the path is a directory"):
        write(sample_report(), "json", tmp_path)


def test_unknown_format():
    with pytest.raises(InputError, match="unknown report format 'pdf'"):
        render(sample_report(), "pdf")
