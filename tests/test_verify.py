"""Verify mode: reports with deliberate errors checked against the seed corpus.

``tests/verify/report_en.md`` and ``report_es.md`` restate seed sentences, a
few of them with one deliberate error each (a changed amount, a swapped
newspaper name, an invented quote, a negated statement, an invented date).
``expect_<lang>.toml`` lists, for every check-worthy claim of the report, the
status, the code, the source article of the evidence and the compared values.
"""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from consistency import rules
from consistency.cli import main
from consistency.errors import InputError
from consistency.pipeline import Checker
from consistency.rules.support import SourceIndex, facts_of

HERE = Path(__file__).parent
DATA = HERE / "verify"
SEEDS = str(HERE.parent / "seeds")
LANGS = ("en", "es")


def expectations(lang: str) -> list[dict]:
    return tomllib.loads((DATA / f"expect_{lang}.toml").read_text(encoding="utf-8"))["claim"]


@pytest.fixture(scope="module")
def checker():
    return Checker(quiet=True)


@pytest.fixture(scope="module")
def reports(checker):
    return {lang: checker.verify(str(DATA / f"report_{lang}.md"), [SEEDS]) for lang in LANGS}


def claim_of(report, prefix: str):
    found = [c for c in report.claims if c.article == report.subject and c.text.startswith(prefix)]
    assert len(found) == 1, f"no single report claim starts with {prefix!r}"
    return found[0]


def findings_of(report, claim):
    return [f for f in report.findings if f.evidence and f.evidence[0].claim == claim.id]


# ------------------------------------------------------------------ with the model
@pytest.mark.model
@pytest.mark.parametrize("lang,case", [(lang, case) for lang in LANGS for case in expectations(lang)],
                         ids=lambda x: x if isinstance(x, str) else x["claim"][:30])
def test_claim_status_code_source_and_values(reports, lang, case):
    report = reports[lang]
    claim = claim_of(report, case["claim"])
    found = findings_of(report, claim)
    assert {f.status for f in found} == {case["status"]}, [f.message for f in found]
    hits = [f for f in found if f.code == case["code"]]
    assert hits, [f.code for f in found]
    f = hits[0]
    assert f.evidence[0].article == report.subject
    assert f.severity == {"contradicted": "error", "supported": "info"}.get(case["status"], "warning")
    if "source" in case:
        assert f.evidence[1].article == case["source"]
        source_claim = next(c for c in report.claims if c.id == f.evidence[1].claim)
        assert source_claim.article == case["source"]
    else:
        assert len(f.evidence) == 1  # unsupported: no source to show
    if "report_value" in case:
        ev = f.evidence[0]
        assert ev.value == case["report_value"]
        assert report.article(report.subject).text[ev.value_start:ev.value_end] == ev.value
    if "message_contains" in case:
        assert case["message_contains"] in f.message
    if "source_value" in case:
        ev = f.evidence[1]
        assert ev.value == case["source_value"]
        assert report.article(ev.article).text[ev.value_start:ev.value_end] == ev.value


@pytest.mark.model
@pytest.mark.parametrize("lang", LANGS)
def test_every_checked_claim_is_expected_and_scored(reports, lang):
    report = reports[lang]
    cases = expectations(lang)
    checked = {f.evidence[0].claim for f in report.findings}
    assert checked == {claim_of(report, c["claim"]).id for c in cases}
    want: dict[str, int] = {}
    for c in cases:
        want[c["status"]] = want.get(c["status"], 0) + 1
    assert report.summary["verify"] == dict(sorted(want.items()))
    assert report.mode == "verify" and report.summary["subject"] == f"report_{lang}"


@pytest.mark.model
def test_source_conflicts_only_on_request(checker, reports):
    plain = reports["en"]
    assert all(f.status and f.evidence[0].article == plain.subject for f in plain.findings)
    both = checker.verify(str(DATA / "report_en.md"), [SEEDS], include_source_conflicts=True)
    own = [f for f in both.findings if f.status]
    extra = [f for f in both.findings if not f.status]
    assert [f.fingerprint for f in own] == [f.fingerprint for f in plain.findings]
    # exactly what ``consistency check`` reports between the sources themselves
    checked = checker.check([SEEDS]).findings
    assert extra and [f.fingerprint for f in extra] == [f.fingerprint for f in checked]
    assert all(ev.article != both.subject for f in extra for ev in f.evidence)


@pytest.mark.model
def test_cli_verify_json_and_exit_code(tmp_path):
    out = tmp_path / "v.json"
    code = main(["verify", str(DATA / "report_es.md"), "--sources", SEEDS, "--json", str(out), "-q"])
    assert code == 1  # contradictions are errors
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "verify"
    assert data["summary"]["verify"] == {"contradicted": 4, "partial": 1, "supported": 5}
    assert {f["status"] for f in data["findings"]} == {"contradicted", "partial", "supported"}


# ------------------------------------------------------------------ without the model
def test_report_must_be_one_existing_file(checker, tmp_path):
    with pytest.raises(InputError, match=r"must be one file"):
        checker.verify(str(tmp_path), [SEEDS])
    with pytest.raises(InputError, match=r"missing\.md: no such file"):
        checker.verify(str(tmp_path / "missing.md"), [SEEDS])


def test_report_alone_is_no_source(checker, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Cuba is a close ally of Russia since 1959.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no usable source articles"):
        checker.verify(str(report), [str(report)])


def test_cli_input_error_is_one_line(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nope.md"), "--sources", SEEDS]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.md" in err[0]


def _claims(checker, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    articles = checker.load([str(path)]).articles
    return checker.extract(articles)


def test_source_index_finds_stated_conversions_dates_and_names(checker, tmp_path):
    src = _claims(checker, tmp_path, "src.md",
                  "---\nlang: es\npublished: 2023-09-05\n---\n"
                  "Prometen un bono por firmar de 495.000 rublos rusos (5.300 dólares), según Reuters.\n"
                  "En junio, Álvaro López Miera visitó Moscú.\n")
    rep = _claims(checker, tmp_path, "rep.md",
                  "---\nlang: en\npublished: 2023-09-05\n---\n"
                  "The signing bonus is $5,300, Reuters reported.\n"
                  "The signing bonus is $9,900, Bloomberg reported.\n"
                  "On 12 June, Álvaro López Miera visited Moscow.\n"
                  "On 12 August, Álvaro López Miera visited Havana.\n")
    index = SourceIndex(src)
    found = {(f.kind, f.text): bool(index.find(f)) for c in rep for f in facts_of(c)}
    assert found[("quantity", "$5,300")] is True  # via the stated dollar equivalent
    assert found[("quantity", "$9,900")] is False
    assert found[("attribution", "Reuters")] is True
    assert found[("attribution", "Bloomberg")] is False
    assert found[("date", "12 June")] is True  # inside "junio"
    assert found[("date", "12 August")] is False
    assert found[("entity", "Álvaro López Miera")] is True
    assert found[("entity", "Havana")] is False


def test_support_rules_are_registered_with_docs():
    infos = {r.code: r for r in rules.rule_infos()}
    assert (infos["SUP000"].severity, infos["SUP000"].kind, infos["SUP000"].name) == ("info", "support", "supported")
    assert (infos["SUP001"].severity, infos["SUP001"].kind) == ("warning", "unsupported")
    assert (infos["SUP002"].severity, infos["SUP002"].name) == ("warning", "partly-supported")
    assert "Inconsistent:" in infos["SUP002"].doc and "Consistent:" in infos["SUP002"].doc


def test_an_open_ended_period_is_compared_not_a_crash(checker, tmp_path):
    """"since 2008" has no end: it used to raise a TypeError inside verify.
    Against a source saying the same, the claim is supported."""
    source = tmp_path / "source.txt"
    source.write_text("---\nlang: en\n---\nPSV Eindhoven won their first Eredivisie title since 2008 on Sunday.\n",
                      encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("---\nlang: en\n---\nPSV Eindhoven won their first Eredivisie title since 2008.\n",
                       encoding="utf-8")
    report = checker.verify(str(summary), [str(source)])
    assert [(f.code, f.status) for f in report.findings] == [("SUP000", "supported")]
