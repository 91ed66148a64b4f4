"""JSON reporter: exactly Report.to_dict(), byte-for-byte deterministic."""
from __future__ import annotations

import json

from consistency.reporters import render

from _report_fixtures import sample_report


def test_json_is_exactly_to_dict():
    r = sample_report()
    out = render(r, "json")
    assert out == json.dumps(r.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    data = json.loads(out)
    assert data["schema"] == "consistency.report/1"
    assert [f["code"] for f in data["findings"]] == ["QTY001", "QTY002", "LOC001", "ATT001"]
    assert data["findings"][0]["baseline_state"] == "new"
    assert data["findings"][2]["suppressed"] == "Known translation difference"
    assert data["absent"] == [{"fingerprint": "fp-gone", "code": "DAT001",
                               "message": "Dates differ."}]
    assert "dólares" in out  # not \\u-escaped


def test_json_deterministic_across_builds():
    assert render(sample_report(), "json") == render(sample_report(), "json")
