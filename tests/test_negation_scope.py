"""Across languages, a negation denies something only of what the other
sentence says (``rules.negation.scope_stated_across``).

The token links are given here as the aligner would give them (a small
deterministic stand-in for ``Pair.words``); the end-to-end case runs in
``tests/test_seats.py`` with the real model."""
from __future__ import annotations

from types import SimpleNamespace

from consistency.pipeline import Checker
from consistency.records import Article
from consistency.rules.negation import SCOPE_SIM, scope_stated_across


def _claim(text: str, lang: str, aid: str):
    art = Article(id=aid, path=f"{aid}.md", text=text, lang=lang, outlet=aid)
    (claim,) = [c for c in Checker(quiet=True).extract([art]) if not c.headline]
    return claim


NEG = _claim("La compañía afirmó que no hay ningún afectado y que devolverá el importe a los clientes.", "es", "b")
POS = _claim("The firm's office will handle the refunds.", "en", "a")


def _span(claim, word):
    at = claim.text.index(word)
    return (claim.start + at, claim.start + at + len(word))


def _pair(links):
    words = [SimpleNamespace(span_a=_span(POS, x), span_b=_span(NEG, y), sim=s) for x, y, s in links]
    return SimpleNamespace(a=POS, b=NEG, words=words)


def _negation():
    return next(n for n in NEG.facts.negations if n.cue == "no")


def test_nothing_of_the_negated_clause_linked_is_no_denial():
    pair = _pair([("firm", "compañía", 0.67), ("refunds", "devolverá", 0.69)])
    assert scope_stated_across(pair, False, _negation()) is False


def test_a_word_of_the_scope_linked_is_stated():
    pair = _pair([("refunds", "afectado", SCOPE_SIM + 0.01)])
    assert scope_stated_across(pair, False, _negation()) is True


def test_a_word_of_the_clause_before_the_cue_linked_is_stated():
    # "compañía" stands in the negated clause, before "no"
    pair = _pair([("firm", "compañía", SCOPE_SIM)])
    assert scope_stated_across(pair, False, _negation()) is True


def test_a_name_before_the_cue_is_no_evidence():
    neg = _claim("La compañía de Quillon afirmó que no hay ningún afectado.", "es", "d")
    pos = _claim("The office in Quillon will handle the refunds.", "en", "e")
    at = pos.text.index("Quillon"), neg.text.index("Quillon")
    link = SimpleNamespace(span_a=(pos.start + at[0], pos.start + at[0] + 7),
                           span_b=(neg.start + at[1], neg.start + at[1] + 7), sim=0.95)
    n = next(x for x in neg.facts.negations if x.cue == "no")
    assert scope_stated_across(SimpleNamespace(a=pos, b=neg, words=[link]), False, n) is False


def test_no_links_or_one_language_say_nothing():
    assert scope_stated_across(_pair([]), False, _negation()) is True
    one_language = SimpleNamespace(a=NEG, b=NEG, words=_pair([("firm", "compañía", 0.5)]).words)
    assert scope_stated_across(one_language, False, _negation()) is True
