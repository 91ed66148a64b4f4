"""The Python API stays callable however often it is called and whichever
submodule has been imported (``consistency.verify`` is both a function and a
submodule name)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_exported_names_survive_submodule_imports():
    import consistency
    import consistency.pipeline
    import consistency.verify  # rebinds the package attribute to the submodule
    from consistency import Checker, check, extract, verify

    assert Checker is consistency.pipeline.Checker
    for fn in (check, extract, verify, consistency.check, consistency.extract, consistency.verify):
        assert callable(fn)


def test_extract_repeated_calls_give_the_same_claims():
    import consistency

    first = consistency.extract([str(ROOT / "seeds")])
    import consistency.verify  # noqa: F401
    second = consistency.extract([str(ROOT / "seeds")])
    assert [c.text for c in first.claims] == [c.text for c in second.claims]
    assert len({a.id for a in first.articles}) == 5


@pytest.mark.model
def test_verify_called_repeatedly_in_a_loop():
    """The issue's report: the second call raised "'module' object is not callable".

    Every call gives the same statuses, and they are the ones
    ``tests/verify/expect_en.toml`` lists for the report."""
    import tomllib

    import consistency

    report = str(ROOT / "tests" / "verify" / "report_en.md")
    seeds = [str(ROOT / "seeds")]
    expected = tomllib.loads((ROOT / "tests" / "verify" / "expect_en.toml").read_text(encoding="utf-8"))["claim"]

    def outcome(rep):
        return sorted({(f.code, f.status) for f in rep.findings})

    results = [outcome(consistency.verify(report, seeds)) for _ in range(3)]
    from consistency import verify
    import consistency.verify as verify_module
    results.append(outcome(verify(report, seeds)))
    results.append(outcome(verify_module(report, seeds)))
    results.append(outcome(consistency.verify(report, seeds)))
    assert all(r == results[0] for r in results)
    assert {(c["code"], c["status"]) for c in expected} <= set(results[0])


def test_fresh_process_import_order():
    """``import consistency.verify`` first, then the documented calls, in a new process."""
    code = (
        "import consistency.verify, consistency\n"
        "from consistency import verify, check, extract, Checker\n"
        "r1 = consistency.extract(['seeds']); r2 = extract(['seeds'])\n"
        "assert [c.id for c in r1.claims] == [c.id for c in r2.claims]\n"
        "print(callable(consistency.verify), callable(verify), Checker.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True True Checker"
