"""Text reporter: exact lines, grouping by severity, colour only on request."""
from __future__ import annotations

import dataclasses

from consistency.reporters import render

from _report_fixtures import sample_report, verify_report


def test_text_table_grouped_by_severity():
    out = render(sample_report(), "text")
    assert out.splitlines() == [
        "consistency 9.9.9 (check): 3 articles, 6 claims, 3 clusters; model: test-model",
        "",
        "ERROR (1)",
        "  QTY001  Daily Planet, El Diario             [new] Daily Planet says 17 people were"
        " arrested; El Diario says 18.",
        "",
        "WARNING (1)",
        "  QTY002  Daily Planet, El Diario             Monthly pay differs: USD 2000 vs USD"
        " 2000 (same) or a typo.",
        "",
        "INFO (1)",
        '  ATT001  Daily Planet, Evil <b>"Outlet"</b>  [new] Credited to the ministry by Daily'
        " Planet but to officials elsewhere.",
        "",
        "SUPPRESSED (1)",
        '  LOC001  Evil <b>"Outlet"</b>, Daily Planet  One source places the caption in Ryazan.'
        "  (accepted: Known translation difference)",
        "",
        'Publication date unknown: El Diario, Evil <b>"Outlet"</b>',
        "Note: a note <b>kept as text</b>",
        "3 findings: 1 error, 1 warning, 1 info (1 suppressed); baseline: 2 new, 2 unchanged,"
        " 1 absent",
    ]
    assert "\033[" not in out


def test_color_only_when_asked():
    out = render(sample_report(), "text", color=True)
    lines = out.splitlines()
    assert lines[2] == "\033[1;31mERROR (1)\033[0m"
    assert lines[5] == "\033[1;33mWARNING (1)\033[0m"
    assert "\033[1;35m[new] \033[0m" in lines[3]
    assert lines[-1].startswith("3 findings: \033[1;31m1 error\033[0m, ")


def test_empty_report():
    r = dataclasses.replace(sample_report(baseline=False), findings=(), notes=())
    lines = render(r, "text").splitlines()
    assert lines[2] == "No disagreements found."
    assert lines[-1] == "0 findings: 0 error, 0 warning, 0 info"


def test_verify_score_line():
    lines = render(verify_report(), "text").splitlines()
    assert lines[0].endswith("; under review: summary")
    assert lines[-1] == ("3 findings: 1 error, 1 warning, 1 info; "
                         "verify: 1 contradicted, 1 supported, 1 unsupported")
    assert lines[3].startswith("  QTY002  Generated summary, Daily Planet  [contradicted] ")
