"""Hand-built reports for the reporter tests (no model, no rules involved).

``sample_report()`` has three articles (English and Spanish, one carrying
HTML/script injection attempts), three clusters and four findings of three
severities, with baseline states, one suppression and one absent entry.
``verify_report()`` is a verify-mode report about a summary under review.
Spans, lines and columns are computed from the texts, so they are exact.
"""
from __future__ import annotations

import datetime as dt

from consistency.records import (SEVERITY_RANK, Article, Claim, Cluster, Evidence, Finding,
                                 Report, RuleInfo)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'

TEXT_A1 = ("Cuba said 17 people were arrested, according to the ministry.\n"
           "The recruits were promised $2,000 a month.\n"
           "\n"
           "Share this article on Facebook\n")
TEXT_A2 = ("Cuba dijo que 18 personas fueron detenidas, según el ministerio.\n"
           "A los reclutas se les prometieron 2.000 dólares al mes.\n")
TEXT_A3 = (f"Officials said {XSS_SCRIPT} 17 people were held.\n"
           f"A caption read {XSS_IMG} in Ryazan.\n")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def make_article(aid: str, text: str, lang: str, outlet: str | None, *,
                 published: dt.date | None = None, title: str | None = None,
                 ignored: tuple = ()) -> Article:
    return Article(id=aid, path=f"corpus/{aid}.txt", text=text, lang=lang, outlet=outlet,
                   title=title, published=published,
                   published_source="front-matter" if published else None,
                   ignored=ignored)


def make_claims(article: Article, sentences: list[str]) -> list[Claim]:
    """Claims ``<id>:1..n`` for sentences found (in order) in the article text."""
    out, pos = [], 0
    for n, s in enumerate(sentences, 1):
        start = article.text.index(s, pos)
        end = start + len(s)
        pos = end
        line, col = line_col(article.text, start)
        end_line, end_col = line_col(article.text, end)
        out.append(Claim(id=f"{article.id}:{n}", article=article.id, text=s, start=start,
                         end=end, lang=article.lang, line=line, end_line=end_line,
                         column=col, end_column=end_col, checkworthy=True))
    return out


def make_evidence(article: Article, claim: Claim, value: str | None) -> Evidence:
    """Evidence for ``claim`` with ``value`` located inside the claim sentence."""
    vs = ve = None
    if value is not None:
        vs = claim.start + claim.text.index(value)
        ve = vs + len(value)
    return Evidence(article=article.id, claim=claim.id, start=claim.start, end=claim.end,
                    text=claim.text, value=value, value_start=vs, value_end=ve,
                    line=claim.line, column=claim.column, end_line=claim.end_line,
                    end_column=claim.end_column)


RULES = (
    RuleInfo("QTY001", "count-mismatch", "quantity", "error",
             "Sources give different counts for the same fact.",
             "Inconsistent: 17 arrested / 18 detenidas.\nConsistent: 17 / diecisiete."),
    RuleInfo("QTY002", "money-mismatch", "quantity", "warning",
             "Sources give different amounts of money.", "Inconsistent: $2,000 / 3.000 dólares."),
    RuleInfo("LOC001", "place-mismatch", "location", "info",
             "Sources place the event in different places.", "Inconsistent: Ryazan / Moscow."),
    RuleInfo("ATT001", "source-mismatch", "attribution", "info",
             "Sources credit the claim to different sources.", "Inconsistent: ministry / officials."),
    RuleInfo("NEG001", "negation-mismatch", "negation", "error",
             "One source says it happened, another that it did not.", "Inconsistent: did / did not."),
)


def sample_report(*, baseline: bool = True) -> Report:
    """Three articles, four findings (error, warning, two info), one suppressed."""
    a1 = make_article("a1", TEXT_A1, "en", "Daily Planet", published=dt.date(2023, 9, 5),
                      title="Cuba arrests recruiters",
                      ignored=((TEXT_A1.index("Share"), len(TEXT_A1) - 1),))
    a2 = make_article("a2", TEXT_A2, "es", "El Diario")
    a3 = make_article("a3", TEXT_A3, "en", 'Evil <b>"Outlet"</b>')
    c1 = make_claims(a1, ["Cuba said 17 people were arrested, according to the ministry.",
                          "The recruits were promised $2,000 a month."])
    c2 = make_claims(a2, ["Cuba dijo que 18 personas fueron detenidas, según el ministerio.",
                          "A los reclutas se les prometieron 2.000 dólares al mes."])
    c3 = make_claims(a3, [f"Officials said {XSS_SCRIPT} 17 people were held.",
                          f"A caption read {XSS_IMG} in Ryazan."])
    clusters = (
        Cluster("c1", (c1[0].id, c2[0].id, c3[0].id), ("a1", "a2", "a3"), (("mean", 0.81),)),
        Cluster("c2", (c1[1].id, c2[1].id), ("a1", "a2"), (("mean", 0.77),)),
        Cluster("c3", (c3[1].id,), ("a3",)),
    )
    state = (lambda s: s) if baseline else (lambda s: None)
    findings = (
        Finding("QTY001", "quantity", "error", 0.91,
                "Daily Planet says 17 people were arrested; El Diario says 18.",
                (make_evidence(a1, c1[0], "17"), make_evidence(a2, c2[0], "18")),
                cluster="c1", fingerprint="fp-qty001", baseline_state=state("new")),
        Finding("QTY002", "quantity", "warning", 0.7,
                "Monthly pay differs: USD 2000 vs USD 2000 (same) or a typo.",
                (make_evidence(a1, c1[1], "$2,000"), make_evidence(a2, c2[1], "2.000 dólares")),
                cluster="c2", fingerprint="fp-qty002", baseline_state=state("unchanged")),
        Finding("LOC001", "location", "info", 0.4,
                "One source places the caption in Ryazan.",
                (make_evidence(a3, c3[1], "Ryazan"), make_evidence(a1, c1[0], "Cuba")),
                cluster=None, fingerprint="fp-loc001", baseline_state=state("unchanged"),
                suppressed="Known translation difference" if baseline else None),
        Finding("ATT001", "attribution", "info", 0.55,
                "Credited to the ministry by Daily Planet but to officials elsewhere.",
                (make_evidence(a1, c1[0], "the ministry"), make_evidence(a3, c3[0], "Officials")),
                cluster="c1", fingerprint="fp-att001", baseline_state=state("new")),
    )
    absent = ({"fingerprint": "fp-gone", "code": "DAT001", "message": "Dates differ."},) \
        if baseline else ()
    return Report(articles=(a1, a2, a3), claims=tuple(c1 + c2 + c3), clusters=clusters,
                  findings=findings, rules=RULES, model={"name": "test-model", "dim": 8},
                  version="9.9.9", absent=absent, notes=("a note <b>kept as text</b>",))


TEXT_SUMMARY = ("Cuba arrested 17 people.\n"
                "Recruits were paid $3,000 a month.\n"
                "The network was run from Ryazan.\n")


def verify_report() -> Report:
    """Verify mode: claims of a summary checked against one source."""
    base = sample_report(baseline=False)
    a1, a2 = base.articles[0], base.articles[1]
    s = make_article("summary", TEXT_SUMMARY, "en", "Generated summary")
    sc = make_claims(s, ["Cuba arrested 17 people.", "Recruits were paid $3,000 a month.",
                         "The network was run from Ryazan."])
    src = {c.id: c for c in base.claims}
    findings = (
        Finding("QTY002", "quantity", "error", 0.9, "The sources say $2,000, not $3,000.",
                (make_evidence(s, sc[1], "$3,000"), make_evidence(a1, src["a1:2"], "$2,000")),
                fingerprint="fp-v2", status="contradicted"),
        Finding("SUP001", "support", "info", 0.8, "Supported by Daily Planet.",
                (make_evidence(s, sc[0], "17"), make_evidence(a1, src["a1:1"], "17")),
                fingerprint="fp-v1", status="supported"),
        Finding("SUP002", "unsupported", "warning", 0.6, "No source mentions where it was run.",
                (make_evidence(s, sc[2], "Ryazan"),), fingerprint="fp-v3", status="unsupported"),
    )
    return Report(articles=(s, a1, a2), claims=tuple(sc) + base.claims[:4], clusters=(),
                  findings=findings, rules=RULES, model={"name": "test-model"},
                  version="9.9.9", mode="verify", subject="summary")


# ---------------------------------------------------------------- the real seeds
SEEDS = "seeds"


def seeds_report() -> Report:
    """The report of the real sample corpus, built once per test process."""
    global _SEEDS_CACHE
    if _SEEDS_CACHE is None:
        from consistency import pipeline

        _SEEDS_CACHE = pipeline.check([SEEDS])
    return _SEEDS_CACHE


_SEEDS_CACHE: Report | None = None


def _claim_with(report: Report, article_prefix: str, needle: str) -> tuple[Article, Claim]:
    for c in report.claims:
        if c.article.startswith(article_prefix) and needle in c.text:
            return report.article(c.article), c
    raise LookupError(f"no claim of {article_prefix}* contains {needle!r}")


def with_handmade_findings(report: Report) -> Report:
    """The seeds report plus two hand-built findings on real seed sentences.

    An error comparing the signing bonus ("495.000 rublos rusos" in 000 vs
    "over $5,000" in 002) and an info finding on "Ryazan Gazette" (004 vs the
    "Moscow Times" sentence of 001), appended after whatever the rules found,
    so the filters always have an error and an info finding to act on.
    """
    a0, c0 = _claim_with(report, "000", "495.000 rublos rusos")
    a2, c2 = _claim_with(report, "002", "over $5,000")
    a4, c4 = _claim_with(report, "004", "Ryazan Gazette")
    a1, c1 = _claim_with(report, "001", "The Moscow Times")
    extra = (
        Finding("QTY901", "quantity", "error", 0.8,
                "Hand-built: signing bonus 495.000 rublos vs over $5,000.",
                (make_evidence(a0, c0, "495.000 rublos rusos"), make_evidence(a2, c2, "over $5,000")),
                fingerprint="handmade-qty901"),
        Finding("LOC901", "location", "info", 0.3,
                "Hand-built: the Ryazan Gazette is cited by one outlet only.",
                (make_evidence(a4, c4, "Ryazan Gazette"), make_evidence(a1, c1, "The Moscow Times")),
                fingerprint="handmade-loc901"),
    )
    import dataclasses

    merged = sorted(tuple(report.findings) + extra, key=lambda f: SEVERITY_RANK[f.severity])
    return dataclasses.replace(report, findings=tuple(merged))
