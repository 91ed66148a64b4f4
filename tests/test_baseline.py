"""Baseline files, new/unchanged/absent, fail-on, inline suppression and the
engine's fingerprint — on hand-built findings, no model."""
from __future__ import annotations

import json

import pytest

from consistency import baseline as bl
from consistency import suppress
from consistency.errors import InputError
from consistency.records import Article, Evidence, Finding, Report
from consistency.rules.engine import fingerprint

A_TEXT = "Bono de 495.000 rublos.\nOtra frase.\n"
B_TEXT = "A bonus of 350,000 rubles.\nSomething else.\n"


def ev(article: str, text: str, start: int = 0) -> Evidence:
    return Evidence(article=article, claim=f"{article}:1", start=start, end=start + len(text), text=text)


def finding(code: str, fp: str, severity: str = "error", **kw) -> Finding:
    evidence = kw.pop("evidence", (ev("a", "Bono de 495.000 rublos."), ev("b", "A bonus of 350,000 rubles.")))
    return Finding(code=code, kind="quantity", severity=severity, confidence=0.9,
                   message=f"{code} message", evidence=evidence, fingerprint=fp, **kw)


def report(*findings: Finding, articles=()) -> Report:
    return Report(articles=tuple(articles), claims=(), findings=tuple(findings))


# ------------------------------------------------------------ fingerprints
def test_fingerprint_ignores_order_case_and_whitespace():
    one = fingerprint("QTY001", [("a", "Bono de 495.000 rublos."), ("b", "A bonus of 350,000 rubles.")],
                      ["RUB 495000", "RUB 350000"])
    two = fingerprint("QTY001", [("b", "A  bonus of\n350,000 rubles."), ("a", "bono de 495.000 RUBLOS.")],
                      ["RUB 495000", "RUB 350000"])
    assert one == two and len(one) == 16 and int(one, 16) >= 0


@pytest.mark.parametrize("change", [
    dict(code="QTY002"),
    dict(claims=[("a", "Bono de 495.000 rublos."), ("c", "A bonus of 350,000 rubles.")]),
    dict(claims=[("a", "Bono de 400.000 rublos."), ("b", "A bonus of 350,000 rubles.")]),
    dict(compared=["RUB 495000", "RUB 300000"]),
])
def test_fingerprint_changes_with_the_contradiction(change):
    base = dict(code="QTY001", claims=[("a", "Bono de 495.000 rublos."), ("b", "A bonus of 350,000 rubles.")],
                compared=["RUB 495000", "RUB 350000"])
    assert fingerprint(**base) != fingerprint(**{**base, **change})


# ------------------------------------------------------------ files
def test_write_is_sorted_readable_and_round_trips(tmp_path):
    path = tmp_path / "b.json"
    bl.write(path, [finding("QTY001", "ff00"), finding("NEG001", "0a11", evidence=(ev("c", "x"), ev("a", "y")))])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"schema": "consistency.baseline/1", "findings": [
        {"fingerprint": "0a11", "code": "NEG001", "severity": "error", "message": "NEG001 message",
         "articles": ["a", "c"]},
        {"fingerprint": "ff00", "code": "QTY001", "severity": "error", "message": "QTY001 message",
         "articles": ["a", "b"]}]}
    assert path.read_text(encoding="utf-8").endswith("]\n}\n")
    assert [e.fingerprint for e in bl.load(path).entries] == ["0a11", "ff00"]
    assert not [p.name for p in tmp_path.iterdir() if p.name != "b.json"]  # no temp file left


def test_rewrite_keeps_reasons_and_skips_inline_suppressed(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"schema": "consistency.baseline/1", "findings": [
        {"fingerprint": "ff00", "code": "QTY001", "reason": "checked"}]}), encoding="utf-8")
    bl.write(path, [finding("QTY001", "ff00"), finding("NEG001", "0a11", suppressed="x [inline: a line 2]"),
                    finding("LOC001", "1234", severity="warning")], bl.load(path))
    entries = bl.load(path).entries
    assert [(e.fingerprint, e.reason) for e in entries] == [("1234", None), ("ff00", "checked")]


@pytest.mark.parametrize("raw, message", [
    (b"", "malformed baseline: line 1: Expecting value"),
    (b"[]", 'malformed baseline: expected an object with "schema": "consistency.baseline/1"'),
    (b'{"schema": "consistency.baseline/1", "findings": {}}', 'malformed baseline: "findings" must be a list'),
    (b'{"schema": "consistency.baseline/1", "findings": [{"code": "QTY001"}]}',
     'malformed baseline: entry 1 needs "fingerprint" and "code" strings'),
    (b'{"schema": "consistency.baseline/1", "findings": [{"fingerprint": "a", "code": "Q"},'
     b' {"fingerprint": "a", "code": "Q"}]}', "malformed baseline: entry 2 repeats fingerprint a"),
    (b'{"schema": "consistency.baseline/1", "findings": [{"fingerprint": "a", "code": "Q", "reason": 3}]}',
     'malformed baseline: entry 1: "reason" must be a string'),
    (b"\xff\xfe\x00", "baseline is not UTF-8 text"),
])
def test_malformed_baselines(tmp_path, raw, message):
    path = tmp_path / "b.json"
    path.write_bytes(raw)
    with pytest.raises(InputError) as info:
        bl.load(path)
    assert str(info.value) == f"{path}: {message}"
    assert path.read_bytes() == raw


def test_missing_baseline(tmp_path):
    with pytest.raises(InputError) as info:
        bl.load(tmp_path / "none.json")
    assert str(info.value) == f"{tmp_path / 'none.json'}: baseline file not found"


def test_json_report_works_as_baseline(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report(finding("QTY001", "ff00")).to_dict()), encoding="utf-8")
    assert [(e.fingerprint, e.code, e.articles) for e in bl.load(path).entries] == [("ff00", "QTY001", ("a", "b"))]


# ------------------------------------------------------------ states and exit
def baseline(*entries: bl.Entry) -> bl.Baseline:
    return bl.Baseline("b.json", entries)


def test_apply_marks_new_unchanged_absent_and_reasons():
    rep = bl.apply_to_report(
        report(finding("QTY001", "ff00"), finding("NEG001", "0a11"), finding("LOC001", "1234", "warning")),
        baseline(bl.Entry("ff00", "QTY001", reason="checked"), bl.Entry("1234", "LOC001"),
                 bl.Entry("dead", "DAT001", "error", "gone", ("a", "c"))))
    assert [(f.fingerprint, f.baseline_state, f.suppressed) for f in rep.findings] == [
        ("ff00", "unchanged", "checked"), ("0a11", "new", None), ("1234", "unchanged", None)]
    assert rep.absent == ({"fingerprint": "dead", "code": "DAT001", "severity": "error",
                           "message": "gone", "articles": ["a", "c"]},)
    assert (rep.summary["new"], rep.summary["unchanged"], rep.summary["absent"]) == (1, 2, 1)
    assert [f.fingerprint for f in bl.failing(rep, "error")] == ["0a11"]
    assert bl.failing(rep, "never") == []


@pytest.mark.parametrize("fail_on, failing", [
    ("error", ["e"]), ("warning", ["e", "w"]), ("info", ["e", "w", "i"]), ("never", [])])
def test_fail_on_levels_without_baseline(fail_on, failing):
    rep = report(finding("QTY001", "e"), finding("LOC001", "w", "warning"), finding("QTY002", "i", "info"),
                 finding("NEG001", "s", suppressed="accepted"))
    assert [f.fingerprint for f in bl.failing(rep, fail_on)] == failing


# ------------------------------------------------------------ inline suppression
def article(aid: str, text: str) -> Article:
    return Article(id=aid, path=f"/corpus/{aid}.txt", text=text, lang="en")


def test_directives_front_matter_and_body():
    text = ("---\noutlet: X\nconsistency: ignore QTY, neg001 -- corrected in print\n---\n"
            "First paragraph.\n\nconsistency: ignore -- whole next paragraph\n\nThe bonus was $3,500.\nLast.\n")
    ds = suppress.directives(article("b", text))
    assert [(d.codes, d.reason, d.line) for d in ds] == [
        (("QTY", "NEG001"), "corrected in print", 3), ((), "whole next paragraph", 7)]
    assert (ds[0].start, ds[0].end) == (0, len(text))
    assert text[ds[1].start:ds[1].end] == "The bonus was $3,500."


@pytest.mark.parametrize("line, message", [
    ("consistency: ignore QTY001", "line 2: inline suppression needs a reason: 'consistency: ignore CODES -- reason'"),
    ("consistency: ignore QTY001 --   ", "line 2: inline suppression needs a reason: 'consistency: ignore CODES -- reason'"),
    ("consistency: ignore bonus -- why", "line 2: 'BONUS' is not a rule code or prefix"),
    ("consistency: ignore QTY009 -- why", "line 2: no rule code starts with 'QTY009' (see 'consistency rules')"),
])
def test_bad_directive_is_an_input_error(line, message):
    with pytest.raises(InputError) as info:
        suppress.directives(article("b", f"Intro.\n{line}\nText.\n"))
    assert str(info.value) == f"/corpus/b.txt: {message}"


def test_apply_inline_only_matching_code_and_span():
    b_text = "Intro line.\nconsistency: ignore QTY001 -- confirmed\nA bonus of 350,000 rubles.\nOther.\n"
    start = b_text.index("A bonus")
    covered = finding("QTY001", "1", evidence=(ev("a", "Bono de 495.000 rublos."), ev("b", "A bonus of 350,000 rubles.", start)))
    other_code = finding("NEG001", "2", evidence=covered.evidence)
    other_span = finding("QTY001", "3", evidence=(ev("a", "Bono de 495.000 rublos."), ev("b", "Other.", b_text.index("Other"))))
    accepted = finding("QTY001", "4", evidence=covered.evidence, suppressed="from the baseline")
    rep = suppress.apply(report(covered, other_code, other_span, accepted,
                                articles=[article("a", A_TEXT), article("b", b_text)]))
    assert [f.suppressed for f in rep.findings] == [
        "confirmed [inline: b line 2]", None, None, "from the baseline"]
    assert [f.fingerprint for f in bl.failing(rep, "error")] == ["2", "3"]


def test_atomic_write_gives_an_ordinary_file_mode(tmp_path):
    import os
    import stat

    from consistency.baseline import atomic_write

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "r.json", "{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
