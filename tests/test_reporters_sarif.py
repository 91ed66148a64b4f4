"""SARIF reporter: valid against the official SARIF 2.1.0 schema, exact content."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from consistency.reporters import render
from consistency.reporters.sarif import artifact_uri

from _report_fixtures import TEXT_A2, sample_report, verify_report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def test_schema_file_is_the_official_one():
    assert SCHEMA["id"] == ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                            "schemas/sarif-schema-2.1.0.json")
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


def test_schema_rejects_a_broken_log():
    log = json.loads(render(sample_report(), "sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


@pytest.mark.parametrize("make", [sample_report, lambda: sample_report(baseline=False),
                                  verify_report])
def test_valid_against_schema(make):
    validate(json.loads(render(make(), "sarif")))


def test_sarif_content():
    log = json.loads(render(sample_report(), "sarif"))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("consistency", "9.9.9")
    assert [r["id"] for r in driver["rules"]] == ["QTY001", "QTY002", "LOC001", "ATT001", "NEG001"]
    q = driver["rules"][0]
    assert q["shortDescription"]["text"] == "Sources give different counts for the same fact."
    assert q["fullDescription"]["text"].startswith("Inconsistent: 17 arrested")
    assert q["defaultConfiguration"]["level"] == "error"
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == [
        "error", "warning", "note", "note", "error"]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "corpus/a1.txt", "corpus/a2.txt", "corpus/a3.txt"]
    res = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in res] == [
        ("QTY001", 0, "error"), ("QTY002", 1, "warning"), ("LOC001", 2, "note"),
        ("ATT001", 3, "note")]
    assert [r["baselineState"] for r in res] == ["new", "unchanged", "unchanged", "new"]
    assert res[0]["partialFingerprints"] == {"consistency/v1": "fp-qty001"}
    assert "suppressions" not in res[0]
    assert res[2]["suppressions"] == [{"kind": "external", "status": "accepted",
                                       "justification": "Known translation difference"}]
    locs = res[0]["locations"]
    assert len(locs) == 2
    second = locs[1]["physicalLocation"]
    assert second["artifactLocation"] == {"uri": "corpus/a2.txt", "index": 1}
    end_of_first_line = TEXT_A2.index("\n")
    assert second["region"] == {
        "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": end_of_first_line + 1,
        "charOffset": 0, "charLength": end_of_first_line,
        "snippet": {"text": "Cuba dijo que 18 personas fueron detenidas, según el ministerio."}}
    assert locs[1]["message"]["text"] == "El Diario: 18"
    line2 = res[1]["locations"][0]["physicalLocation"]["region"]
    assert (line2["startLine"], line2["startColumn"], line2["endLine"]) == (2, 1, 2)
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["properties"]["absent"] == [{"fingerprint": "fp-gone", "code": "DAT001",
                                            "message": "Dates differ."}]


def test_no_baseline_state_without_baseline():
    log = json.loads(render(sample_report(baseline=False), "sarif"))
    assert all("baselineState" not in r for r in log["runs"][0]["results"])


def test_unknown_rule_code_gets_a_descriptor():
    log = json.loads(render(verify_report(), "sarif"))
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids[-2:] == ["SUP001", "SUP002"]
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]
    assert [r["properties"]["status"] for r in run["results"]] == [
        "contradicted", "supported", "unsupported"]


def test_artifact_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("seeds/a b.txt") == "seeds/a%20b.txt"
    assert artifact_uri(str(tmp_path / "sub" / "x.txt")) == "sub/x.txt"
    assert artifact_uri("/elsewhere/x.txt") == "file:///elsewhere/x.txt"
