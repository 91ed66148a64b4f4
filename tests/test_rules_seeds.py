"""The rules on the seed corpus and the held-out corpus, through the real
pipeline (real extractors, real embedding model).  Slow: loads the model once."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _eval_module():
    spec = importlib.util.spec_from_file_location("heldout_eval", ROOT / "benchmarks" / "heldout_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def checker():
    from consistency.pipeline import Checker

    return Checker()


@pytest.fixture(scope="module")
def seeds(checker):
    return checker.check([str(ROOT / "seeds")])


def _aid(report, prefix: str) -> str:
    (aid,) = [a.id for a in report.articles if a.id.startswith(prefix)]
    return aid


def _values(finding) -> dict:
    return {e.article: e.value for e in finding.evidence}


def test_ryazan_vedomosti_and_gazette_linked_by_attribution(seeds):
    a002, a004 = _aid(seeds, "002"), _aid(seeds, "004")
    hits = [f for f in seeds.findings if f.code.startswith("ATT")
            and _values(f) == {a002: "Ryazan Vedomosti", a004: "Ryazan Gazette"}]
    assert [(f.code, f.severity) for f in hits] == [("ATT002", "warning")]
    assert "likely the same outlet" in hits[0].message


def test_bonus_variants_are_compatible_info(seeds):
    a000, a002 = _aid(seeds, "000"), _aid(seeds, "002")
    want = {a000: "495.000 rublos rusos (5.300 dólares)", a002: "over $5,000"}
    hits = [f for f in seeds.findings if f.code.startswith("QTY") and _values(f) == want]
    assert [(f.code, f.severity) for f in hits] == [("QTY002", "info")]


def test_salary_variants_are_compatible_not_an_error(seeds):
    a000, a002 = _aid(seeds, "000"), _aid(seeds, "002")
    want = {a000: "al menos 190.000 rublos rusos (2.000 dólares)", a002: "around $2,000"}
    hits = [f for f in seeds.findings if f.code.startswith("QTY") and _values(f) == want]
    assert [(f.code, f.severity) for f in hits] == [("QTY002", "info")]
    # and no amount in 000's pay sentence is held to contradict 002's
    assert not [f for f in seeds.findings if f.code == "QTY001"
                and {a000, a002} == {e.article for e in f.evidence}]


def test_heldout_injected_contradictions_are_found(checker):
    mod = _eval_module()
    report = checker.check([str(ROOT / "seeds"), str(mod.HELDOUT)])
    result = mod.evaluate(report, mod.load_expected())
    missed = [(x["family"], x["articles"], x.get("note")) for x in result["missed"]]
    assert missed == []
    assert result["precision"] >= 0.8, [f.message for f in result["wrong"]]
