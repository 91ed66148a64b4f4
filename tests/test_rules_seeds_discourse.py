"""ATT001 with sources found across sentences.

Hand-built pairs (fast) check the weights, the message and the "two inherited
sides never fire" rule; the seed test runs the real pipeline (real model) and
asserts the finding the seeds call for: 000's signing bonus (Reuters, credited
in 000's lead) against 002's "over $5,000 ..., the report said" (the British
intelligence report named the sentence before).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from consistency.records import Attribution
from consistency.rules.engine import run_rules

from rules.builders import article, att, claim, cluster, config

ROOT = Path(__file__).resolve().parent.parent

A_TEXT = ("Russia recruits in Kazakhstan, according to a Reuters report. "
          "The adverts promise a signing bonus of $5,300 to recruits in Kazakhstan.")
B_TEXT = ("Tass reported on Monday that Russia is recruiting. "
          "The adverts promise a signing bonus of $5,300 to recruits in Kazakhstan, the agency said.")


def _pair(how_a: str, how_b: str):
    """Two articles stating the same bonus; the bonus sentences' sources as asked
    ("explicit" uses the lead's record as if the sentence said it)."""
    a, b = article("a", A_TEXT), article("b", B_TEXT)
    leads = {"a": att(a, "according to a Reuters report", "Reuters", "outlet:reuters", "according to"),
             "b": att(b, "Tass reported", "Tass", "outlet:tass", "reported")}
    sources = {}
    for name, how in (("a", how_a), ("b", how_b)):
        lead = leads[name]
        if how == "inherited":
            lead = dataclasses.replace(lead, how="inherited", via=f"{name}:1")
        elif how == "resolved":  # "the agency said" in b's own sentence
            s = B_TEXT.index("agency said")
            lead = dataclasses.replace(lead, verb="said", text="agency said", start=s, end=s + 11,
                                       how="resolved", via=f"{name}:1")
        sources[name] = lead
    sent = "The adverts promise a signing bonus of $5,300 to recruits in Kazakhstan"
    ca = claim(a, sent + ".", 2, attributions=(sources["a"],))
    cb = claim(b, sent + ", the agency said.", 2, attributions=(sources["b"],))
    return a, b, ca, cb


def _att001(how_a: str, how_b: str):
    a, b, ca, cb = _pair(how_a, how_b)
    return [f for f in run_rules([a, b], [ca, cb], [cluster(ca, cb)], config()) if f.code == "ATT001"]


def test_explicit_sides_fire_with_full_confidence_and_no_note():
    (f,) = _att001("explicit", "explicit")
    assert (f.severity, [e.value for e in f.evidence]) == ("warning", ["Reuters", "Tass"])
    assert f.message == 'Sources differ: a credits it to "Reuters" but b to "Tass"'
    assert f.confidence == pytest.approx(0.82)  # 0.5 + 0.4 x topic strength 0.8


@pytest.mark.parametrize("how_a,how_b,weight", [
    ("inherited", "explicit", 0.5),
    ("explicit", "resolved", 0.7),
    ("inherited", "resolved", 0.35),
])
def test_inferred_sides_weigh_less_and_say_where_from(how_a, how_b, weight):
    (f,) = _att001(how_a, how_b)
    assert f.severity == "warning"
    assert [e.value for e in f.evidence] == ["Reuters", "Tass"]
    # marked in the sentence: the name, or the phrase standing for it; nothing
    # for an inherited source (named in the lead, not in the sentence)
    spans = {"explicit": {"a": (A_TEXT.index("Reuters"), A_TEXT.index("Reuters") + 7), "b": (0, 4)},
             "inherited": {"a": None},
             "resolved": {"b": (B_TEXT.index("agency said"), B_TEXT.index("agency said") + 11)}}
    assert [(e.value_start, e.value_end) if e.value_start is not None else None
            for e in f.evidence] == [spans[how_a]["a"], spans[how_b]["b"]]
    assert f.confidence == pytest.approx(0.82 * weight)
    notes = []
    if how_a == "inherited":
        notes.append('a credits its reporting to "Reuters" (in its lead)')
    if how_b == "resolved":
        notes.append('b\'s "agency said" refers to "Tass", named in an earlier sentence')
    assert f.message == ('Sources differ: a credits it to "Reuters" but b to "Tass" (inferred: '
                         + "; ".join(notes) + ")")


def test_two_inherited_sides_never_fire():
    assert _att001("inherited", "inherited") == []


def test_att002_ignores_inferred_sides():
    a, b, ca, cb = _pair("inherited", "explicit")
    gazette = Attribution("Ryazan Gazette", "outlet:ryazan/gazette", "reported", "Ryazan Gazette", 0, 4,
                          source_start=0, source_end=4)
    vedomosti = dataclasses.replace(gazette, source="Ryazan Vedomosti", how="inherited", via="a:1")
    ca = dataclasses.replace(ca, facts=dataclasses.replace(ca.facts, attributions=(vedomosti,)))
    cb = dataclasses.replace(cb, facts=dataclasses.replace(cb.facts, attributions=(gazette,)))
    found = run_rules([a, b], [ca, cb], [cluster(ca, cb)], config())
    assert [f.code for f in found if f.code.startswith("ATT")] == []


# ------------------------------------------------------------------ seeds, real model
@pytest.fixture(scope="module")
def seeds():
    from consistency.pipeline import check

    return check([str(ROOT / "seeds")])


def _aid(report, prefix: str) -> str:
    (aid,) = [a.id for a in report.articles if a.id.startswith(prefix)]
    return aid


def test_seed_bonus_credited_to_reuters_and_to_the_british_report(seeds):
    a000, a002 = _aid(seeds, "000"), _aid(seeds, "002")
    hits = [f for f in seeds.findings if f.code == "ATT001"
            and {e.article for e in f.evidence} == {a000, a002}]
    assert len(hits) == 1
    f = hits[0]
    ev = {e.article: e for e in f.evidence}
    assert f.severity == "warning"
    assert (ev[a000].claim, ev[a000].value) == (f"{a000}:4", "Reuters")
    assert ev[a000].text.startswith("Prometen un bono por firmar de 495.000 rublos rusos")
    assert (ev[a002].claim, ev[a002].value) == (f"{a002}:20", "British intelligence report")
    assert "over $5,000" in ev[a002].text and ev[a002].text.endswith("the report said.")
    # marked in 002's sentence: the phrase standing for the source; nothing in 000's
    arts = {a.id: a for a in seeds.articles}
    assert (ev[a000].value_start, ev[a000].value_end) == (None, None)
    assert arts[a002].text[ev[a002].value_start:ev[a002].value_end] == "report said"
    assert f.message == (
        f'Sources differ: {a000} credits it to "Reuters" but {a002} to "British intelligence report" '
        f'(inferred: {a000} credits its reporting to "Reuters" (in its lead); '
        f'{a002}\'s "report said" refers to "British intelligence report", named in an earlier sentence)')
    # lower than any explicit-vs-explicit ATT001 could be (0.5 at the least)
    assert f.confidence < 0.5


def test_seed_claims_carry_how_and_via(seeds):
    a000, a002 = _aid(seeds, "000"), _aid(seeds, "002")
    by_id = {c.id: c for c in seeds.claims}
    (bonus,) = by_id[f"{a000}:4"].facts.attributions
    assert (bonus.source, bonus.key, bonus.how, bonus.via) == (
        "Reuters", "outlet:reuters", "inherited", f"{a000}:2")
    (report,) = by_id[f"{a002}:20"].facts.attributions
    assert (report.source, report.key, report.how, report.via) == (
        "British intelligence report", "org:united-kingdom/intelligence", "resolved", f"{a002}:19")
    # after a different source (Insider), 000 stops inheriting
    assert by_id[f"{a000}:18"].facts.attributions == ()
