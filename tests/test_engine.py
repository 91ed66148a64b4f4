"""The rule engine and the rule logic, on hand-built facts (no extractors, no model)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from consistency import rules
from consistency.rules import attribution as att_rules
from consistency.rules.base import Rule, RuleDefinitionError, register
from consistency.rules.engine import fingerprint, run_rules
from rules.builders import INF, article, att, claim, cluster, config, date, ent, neg, qty

# ------------------------------------------------------------------ fixtures
ES = ("Reclutamiento en Kazajstán\n"
      "Prometen un bono por firmar de 495.000 rublos rusos (5.300 dólares) y un salario de "
      "al menos 190.000 rublos rusos (2.000 dólares) al mes.")
EN = ("Recruitment adverts\nOnline adverts offered initial payments of over $5,000 "
      "and salaries worth around $2,000, the report said.")
EN2 = "Bonus story\nThe adverts promise a signing bonus of $3,500 and a salary of $2,000."


def bonus_pair():
    a = article("000", ES, lang="es")
    b = article("002", EN)
    ca = claim(a, ES.splitlines()[1], 3, quantities=(
        qty(a, "495.000 rublos rusos", "money", 495000, "RUB", measures="bono por firmar",
            equivalents=[(5300, "USD")]),
        qty(a, "190.000 rublos rusos", "money", 190000, "RUB", high=INF, qualifier="at_least",
            measures="salario al mes", equivalents=[(2000, "USD")]),
    ))
    cb = claim(b, EN.splitlines()[1], 7, quantities=(
        qty(b, "over $5,000", "money", 5000, "USD", high=INF, qualifier="over", low_open=True,
            measures="initial payments"),
        qty(b, "around $2,000", "money", 2000, "USD", low=1800, high=2200, qualifier="about",
            measures="salary"),
    ))
    return a, b, ca, cb


def run(arts, claims, *clusters_, **cfg):
    return run_rules(arts, claims, clusters_ or (cluster(*claims),), config(**cfg))


# ------------------------------------------------------------------ registry
def test_registry_lists_every_family_with_docs():
    infos = {i.code: i for i in rules.rule_infos()}
    mine = sorted(c for c in infos if c[:3] in ("QTY", "DAT", "ATT", "ENT", "LOC", "NEG"))
    assert mine == ["ATT001", "ATT002", "DAT001", "DAT002", "ENT001", "LOC001",
                             "NEG001", "NEG002", "QTY001", "QTY002"]
    assert infos["QTY001"].severity == "error" and infos["QTY001"].kind == "quantity"
    assert infos["QTY002"].severity == "info"
    assert infos["ATT002"].summary == (
        "The same source is named differently (translated or transliterated).")
    for info in infos.values():
        assert "Inconsistent:" in info.doc and "Consistent:" in info.doc
        assert "\n" not in info.summary
    assert rules.get("qty001") is rules.get("QTY001")
    with pytest.raises(KeyError):
        rules.get("XYZ999")


def test_register_refuses_rules_without_examples_or_matching_name():
    with pytest.raises(RuleDefinitionError, match="no 'Consistent:' example"):
        @register
        class ABC001(Rule):
            """Short line.

            Inconsistent: a
            """
            code, name, kind, severity = "ABC001", "x", "quantity", "error"

    with pytest.raises(RuleDefinitionError, match="differs from its code"):
        @register
        class Wrong(Rule):
            """Short line.

            Inconsistent: a
            Consistent: b
            """
            code, name, kind, severity = "ABC002", "x", "quantity", "error"
    assert "ABC001" not in {i.code for i in rules.rule_infos()}


# ------------------------------------------------------------------ QTY
def test_compatible_bonus_and_salary_variants_are_info_and_paired_by_measure():
    a, b, ca, cb = bonus_pair()
    found = run([a, b], [ca, cb])
    # "bonus" and "initial payments" are one concept (lang/*/rules.toml [measures])
    assert [(f.code, f.severity, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("QTY002", "info", "495.000 rublos rusos (5.300 dólares)", "over $5,000"),
        ("QTY002", "info", "190.000 rublos rusos (2.000 dólares)", "around $2,000"),
    ]
    assert [round(f.confidence, 3) for f in found] == [0.8, 0.8]
    bonus = next(f for f in found if f.evidence[1].value == "over $5,000")
    assert bonus.message == ('Stated differently but compatible: 000 says "495.000 rublos rusos '
                             '(5.300 dólares)" (bono por firmar; RUB 495,000 ≈ USD 5,300) and 002 says "over $5,000" (initial payments)')
    e0 = bonus.evidence[0]
    assert ES[e0.value_start:e0.value_end] == "495.000 rublos rusos (5.300 dólares)"
    assert (e0.line, e0.column, e0.end_line) == (2, 1, 2)
    assert e0.end_column == len(ES.splitlines()[1]) + 1


def test_disjoint_bonus_is_an_error_and_salary_not_held_against_bonus():
    a, _, ca, _ = bonus_pair()
    b = article("004", EN2, outlet="Daily Example")
    cb = claim(b, EN2.splitlines()[1], 2, quantities=(
        qty(b, "$3,500", "money", 3500, "USD", measures="bonus"),
        qty(b, "$2,000", "money", 2000, "USD", measures="salary"),
    ))
    found = run([a, b], [ca, cb])
    errors = [f for f in found if f.severity == "error"]
    assert [(f.code, f.evidence[0].article, f.evidence[0].value, f.evidence[1].value)
            for f in errors] == [("QTY001", "000", "495.000 rublos rusos (5.300 dólares)", "$3,500")]
    assert errors[0].message == (
        'Amounts differ: 000 says "495.000 rublos rusos (5.300 dólares)" '
        '(bono por firmar; RUB 495,000 ≈ USD 5,300) but Daily Example says "$3,500" (bonus)')
    assert errors[0].kind == "quantity" and errors[0].confidence == pytest.approx(0.9)
    assert found[0] is errors[0]  # errors first
    # salary: at least RUB 190,000 (≈ USD 2,000) vs exactly $2,000 -> compatible variant
    assert [(f.code, f.evidence[1].value) for f in found[1:]] == [("QTY002", "$2,000")]


def test_no_exchange_rate_guess_but_configured_rate_is_used():
    a = article("a", "Story\nThe fine was 100,000 rubles.")
    b = article("b", "Story\nThe fine was $5,000.")
    ca = claim(a, "The fine was 100,000 rubles.", quantities=(
        qty(a, "100,000 rubles", "money", 100000, "RUB", measures="fine"),))
    cb = claim(b, "The fine was $5,000.", quantities=(
        qty(b, "$5,000", "money", 5000, "USD", measures="fine"),))
    assert run([a, b], [ca, cb]) == ()
    found = run([a, b], [ca, cb], rates={"RUB:USD": 0.011})
    assert [(f.code, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("QTY001", "100,000 rubles", "$5,000")]
    assert "configured rate RUB:USD = 0.011" in found[0].message


def test_different_measures_or_kinds_are_not_compared():
    a = article("a", "S\nThe group had 76,000 members.")
    b = article("b", "S\nThe group had 70,000 visitors.")
    ca = claim(a, "The group had 76,000 members.", quantities=(
        qty(a, "76,000", "count", 76000, None, measures="members"),))
    cb = claim(b, "The group had 70,000 visitors.", quantities=(
        qty(b, "70,000", "count", 70000, None, measures="visitors"),))
    assert run([a, b], [ca, cb]) == ()
    cb2 = dataclasses.replace(cb, facts=dataclasses.replace(cb.facts, quantities=(
        qty(b, "70,000", "percent", 70000, None, measures="members"),)))
    assert run([a, b], [ca, cb2]) == ()


def test_counts_without_measures_need_shared_wording():
    a = article("a", "S\nThe group had 76,000 members on Tuesday.")
    b = article("b", "S\nAbout 11,000 Cubans visited Russia in 2022.")
    ca = claim(a, "The group had 76,000 members on Tuesday.", quantities=(
        qty(a, "76,000", "count", 76000, None),))
    cb = claim(b, "About 11,000 Cubans visited Russia in 2022.", quantities=(
        qty(b, "About 11,000", "count", 11000, None, low=9900, high=12100, qualifier="about"),))
    assert run([a, b], [ca, cb]) == ()
    b2 = article("b", "S\nThe group had 60,000 members on Tuesday.")
    cb2 = claim(b2, "The group had 60,000 members on Tuesday.", quantities=(
        qty(b2, "60,000", "count", 60000, None),))
    found = run([a, b2], [ca, cb2])
    assert [(f.code, f.message) for f in found] == [
        ("QTY001", 'Counts differ: a says "76,000" but b says "60,000"')]


# ------------------------------------------------------------------ DAT
def test_dates_disjoint_month_is_error_year_is_warning_unresolved_skipped():
    a = article("a", "S\nIn May, the Ryazan Vedomosti newspaper reported it.")
    b = article("b", "S\nIn March, the Ryazan Vedomosti newspaper reported it.")
    ea = ent(a, "Ryazan Vedomosti", "ORG", "ryazan-vedomosti")
    eb = ent(b, "Ryazan Vedomosti", "ORG", "ryazan-vedomosti")
    ca = claim(a, a.text.splitlines()[1], entities=(ea,), dates=(
        date(a, "In May", dt.date(2023, 5, 1), dt.date(2023, 5, 31), "month"),))
    cb = claim(b, b.text.splitlines()[1], entities=(eb,), dates=(
        date(b, "In March", dt.date(2023, 3, 1), dt.date(2023, 3, 31), "month"),))
    found = run([a, b], [ca, cb])
    assert [(f.code, f.severity, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("DAT001", "error", "In May", "In March")]
    assert found[0].message == ('Dates differ: a says "In May" (2023-05-01..2023-05-31) '
                                'but b says "In March" (2023-03-01..2023-03-31)')
    cb_year = dataclasses.replace(cb, facts=dataclasses.replace(cb.facts, dates=(
        date(b, "In March", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year"),)))
    assert [(f.code, f.severity) for f in run([a, b], [ca, cb_year])] == [("DAT001", "warning")]
    cb_rel = dataclasses.replace(cb, facts=dataclasses.replace(cb.facts, dates=(
        date(b, "In March", None, None, "month", resolved=False),)))
    assert run([a, b], [ca, cb_rel]) == ()
    cb_late = dataclasses.replace(cb, facts=dataclasses.replace(cb.facts, dates=(
        date(b, "In March", dt.date(2023, 5, 22), dt.date(2023, 5, 22), "day"),)))
    assert [(f.code, f.severity) for f in run([a, b], [ca, cb_late])] == [("DAT002", "info")]


# ------------------------------------------------------------------ ATT
def _att_pair(src_b: str, key_b: str):
    a = article("002", "S\nIn May, the Ryazan Vedomosti newspaper reported that several Cubans had signed up.")
    b = article("004", f"S\nAccording to the newspaper {src_b}, several Cubans had signed up.")
    ca = claim(a, a.text.splitlines()[1], entities=(ent(a, "Cubans", "NORP", "cuba"),),
               attributions=(att(a, "the Ryazan Vedomosti newspaper reported", "Ryazan Vedomosti",
                                 "outlet:ryazan-vedomosti", "reported"),))
    cb = claim(b, b.text.splitlines()[1], entities=(ent(b, "Cubans", "NORP", "cuba"),),
               attributions=(att(b, f"According to the newspaper {src_b}", src_b, key_b,
                                 "according to"),))
    return a, b, ca, cb


def test_attribution_same_outlet_translated_is_att002(monkeypatch):
    monkeypatch.setattr(att_rules, "same_outlet", lambda x, y: (
        {x.key, y.key} == {"outlet:ryazan-vedomosti", "outlet:ryazan-gazette"}, "'vedomosti' means 'gazette'"))
    a, b, ca, cb = _att_pair("Ryazan Gazette", "outlet:ryazan-gazette")
    found = run([a, b], [ca, cb])
    assert [(f.code, f.severity, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("ATT002", "warning", "Ryazan Vedomosti", "Ryazan Gazette")]
    assert found[0].message == (
        'Source named differently: 002 credits it to "Ryazan Vedomosti" and 004 to '
        '"Ryazan Gazette", likely the same outlet (\'vedomosti\' means \'gazette\')')
    a, b, ca, cb = _att_pair("Moscow Times", "outlet:moscow-times")
    assert [(f.code, f.evidence[1].value) for f in run([a, b], [ca, cb])] == [
        ("ATT001", "Moscow Times")]
    a, b, ca, cb = _att_pair("Ryazan Vedomosti", "outlet:ryazan-vedomosti")
    assert run([a, b], [ca, cb]) == ()


# ------------------------------------------------------------------ ENT / LOC
def test_actor_differs_and_shared_mentions_do_not():
    a = article("a", "S\nThe foreign ministry is working to dismantle the trafficking network.")
    b = article("b", "S\nThe interior ministry is working to dismantle the trafficking network.")
    ca = claim(a, a.text.splitlines()[1], entities=(
        ent(a, "foreign ministry", "ORG", "cuba-minrex"),))
    cb = claim(b, b.text.splitlines()[1], entities=(
        ent(b, "interior ministry", "ORG", "cuba-minint"),))
    found = run([a, b], [ca, cb])
    assert [(f.code, f.severity, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("ENT001", "warning", "foreign ministry", "interior ministry")]
    c = article("c", "S\nThe foreign ministry said the interior ministry is working to dismantle it.")
    cc = claim(c, c.text.splitlines()[1], entities=(
        ent(c, "foreign ministry", "ORG", "cuba-minrex"),
        ent(c, "interior ministry", "ORG", "cuba-minint")))
    assert run([b, c], [cb, cc]) == ()


def test_places_differ():
    a = article("a", "S\nRecruits can join the Russian army in the Sakhalin region.")
    b = article("b", "S\nRecruits can join the Russian army in the Kamchatka region.")
    ca = claim(a, a.text.splitlines()[1], entities=(ent(a, "Sakhalin", "LOC", "sakhalin"),))
    cb = claim(b, b.text.splitlines()[1], entities=(ent(b, "Kamchatka", "LOC", "kamchatka"),))
    found = run([a, b], [ca, cb])
    assert [(f.code, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("LOC001", "Sakhalin", "Kamchatka")]
    cb2 = claim(b, b.text.splitlines()[1], entities=(ent(b, "Kamchatka", "LOC", "sakhalin"),))
    assert run([a, b], [ca, cb2]) == ()


# ------------------------------------------------------------------ NEG
def test_polarity_hedges_and_shared_negations():
    a = article("a", "S\nCuba is taking part in the war in Ukraine.")
    b = article("b", "S\nCuba is not taking part in the war in Ukraine.")
    ca = claim(a, a.text.splitlines()[1])
    cb = claim(b, b.text.splitlines()[1], negations=(neg(b, "not"),))
    found = run([a, b], [ca, cb])
    assert [(f.code, f.severity, f.evidence[0].value, f.evidence[1].value) for f in found] == [
        ("NEG001", "error", None, "not")]
    assert found[0].message == 'Polarity differs: b says it did not happen ("not") but a says it did'
    ca_neg = claim(a, a.text.splitlines()[1], negations=())
    c = article("c", "S\nCuba is not taking part in the war in Ukraine, officials said.")
    cc = claim(c, c.text.splitlines()[1], negations=(neg(c, "not"),))
    assert run([b, c], [cb, cc]) == ()
    d = article("d", "S\nIt is not clear if Cuba is taking part in the war in Ukraine.")
    cd = claim(d, d.text.splitlines()[1], negations=(neg(d, "not"),))
    assert run([a, d], [ca_neg, cd]) == ()


# ------------------------------------------------------------------ engine
def test_select_ignore_enabled_and_severity_override():
    a, b, ca, cb = bonus_pair()
    assert run([a, b], [ca, cb], select=["ATT"]) == ()
    assert run([a, b], [ca, cb], ignore=["QTY002"]) == ()
    assert run([a, b], [ca, cb], rules={"QTY002": {"enabled": "false"}}) == ()
    found = run([a, b], [ca, cb], rules={"QTY002": {"severity": "warning"}})
    assert {f.severity for f in found} == {"warning"} and len(found) == 2


def test_deduplicated_once_per_cluster_and_pairs_only_across_articles():
    a, b, ca, cb = bonus_pair()
    ca2 = dataclasses.replace(ca, id="000:9")  # same sentence twice in 000
    found = run([a, b], [ca, ca2, cb])
    assert len(found) == 2
    found2 = run([a, b], [ca, cb], cluster(ca, cb, cid="c1"), cluster(ca, cb, cid="c2"))
    assert sorted(f.cluster for f in found2) == ["c1", "c1", "c2", "c2"]


def test_fingerprint_is_stable_across_order_offsets_and_whitespace():
    a, b, ca, cb = bonus_pair()
    first = run([a, b], [ca, cb])
    again = run([b, a], [cb, ca], cluster(cb, ca, cid="c9"))
    assert [f.fingerprint for f in first] == [f.fingerprint for f in again]
    assert [f.to_dict() for f in first] != [] and len(first[0].fingerprint) == 16
    # an unrelated edit earlier in the article shifts every offset
    text2 = "An added first line\n" + ES.replace("\n", "\n\n")
    a2 = dataclasses.replace(a, text=text2)
    shift = text2.index(ca.text)
    ca_moved = dataclasses.replace(ca, start=shift, end=shift + len(ca.text), facts=dataclasses.replace(
        ca.facts, quantities=tuple(dataclasses.replace(
            q, start=text2.index(q.text), end=text2.index(q.text) + len(q.text))
            for q in ca.facts.quantities)))
    moved = run([a2, b], [ca_moved, cb])
    assert [f.fingerprint for f in moved] == [f.fingerprint for f in first]
    assert moved[0].evidence[0].line == 4
    assert fingerprint("QTY001", [("b", "Two  words"), ("a", "One")], ["x"]) == \
        fingerprint("QTY001", [("a", "one"), ("b", "two words")], ["x"])
    assert fingerprint("QTY001", [("a", "one"), ("b", "two")], ["x"]) != \
        fingerprint("QTY002", [("a", "one"), ("b", "two")], ["x"])


def test_rules_import_is_cheap():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", (
        "import sys, consistency.rules as r, consistency.rules.engine; r.rule_infos();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy','torch','sklearn')))")],
        capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_story_wide_entities_are_background_not_evidence():
    from consistency.rules.engine import background_keys

    arts, claims = [], []
    for i in range(4):
        a = article(f"x{i}", f"S\nRussia and Ukraine item {i}.")
        arts.append(a)
        claims.append(claim(a, a.text.splitlines()[1], entities=(
            ent(a, "Russia", "LOC", "loc:russia"), ent(a, "Ukraine", "LOC", "loc:ukraine"))))
    a = article("y", "S\nRussia met Kazakhstan.")
    claims.append(claim(a, "Russia met Kazakhstan.", entities=(
        ent(a, "Russia", "LOC", "loc:russia"), ent(a, "Kazakhstan", "LOC", "loc:kazakhstan"))))
    assert background_keys(claims) == frozenset({"loc:russia", "loc:ukraine"})
    assert background_keys(claims[:2]) == frozenset()  # too few claims to call anything common


def test_places_shared_by_both_are_set_aside_and_the_rest_compared():
    a = article("a", "S\nRecruits can join the army in Sakhalin, in the Russian Far East.")
    b = article("b", "S\nRecruits can join the army in Kamchatka, in the Russian Far East.")
    ca = claim(a, a.text.splitlines()[1], entities=(
        ent(a, "Sakhalin", "LOC", "loc:sakhalin"), ent(a, "Russian Far East", "LOC", "loc:far-east")))
    cb = claim(b, b.text.splitlines()[1], entities=(
        ent(b, "Kamchatka", "LOC", "loc:kamchatka"), ent(b, "Russian Far East", "LOC", "loc:far-east")))
    assert [(f.code, f.evidence[0].value, f.evidence[1].value) for f in run([a, b], [ca, cb])] == [
        ("LOC001", "Sakhalin", "Kamchatka")]
    c = article("c", "S\nRecruits can join the army in the Russian Far East.")
    cc = claim(c, c.text.splitlines()[1], entities=(
        ent(c, "Russian Far East", "LOC", "loc:far-east"),))
    assert run([a, c], [ca, cc]) == ()


# ------------------------------------------------------------------ per-claim memos
def test_memoised_claim_helpers_follow_cuts_and_offsets():
    """Content words and pole words are memoised per claim text: the same text
    at another offset, or with other spans cut out, still gets its own answer."""
    from consistency.records import Claim
    from consistency.rules.common import content_words
    from consistency.rules.predicate import pole_hits

    text = "Exports rose sharply in March"
    at10 = Claim(id="a:1", article="a", text=text, start=10, end=10 + len(text), lang="en", line=1, end_line=1)
    at0 = dataclasses.replace(at10, id="b:1", article="b", start=0, end=len(text))
    assert content_words(at10) == {"export", "rose", "sharpl", "march"}
    assert content_words(at10, [(18, 22)]) == {"export", "sharpl", "march"}  # "rose" at 18..22
    assert content_words(at0, [(18, 22)]) == {"export", "rose", "sharpl", "march"}
    assert content_words(at0, [(8, 12), (24, 29)]) == {"export", "sharpl"}
    words = content_words(at0)
    words.add("mutated")  # a caller's set is its own
    assert content_words(at0) == {"export", "rose", "sharpl", "march"}
    (h10,), (h0,) = pole_hits(at10), pole_hits(at0)
    assert (h10.concept, h10.pole, h10.start, h10.end, h10.text) == ("change-direction", "plus", 18, 22, "rose")
    assert (h0.start, h0.end) == (8, 12)


def test_rules_give_the_same_findings_when_run_again():
    a, b, ca, cb = bonus_pair()
    first = run((a, b), (ca, cb))
    assert first and run((a, b), (ca, cb)) == first
