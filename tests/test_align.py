"""Slots paired across two claims by aligned token vectors (consistency/align.py,
consistency/tokens.py), and ENT001 on names the alignment pairs.

The unit tests use small hand-made token vectors; the others run the real
default model on sentences no table of the project knows.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from consistency import embed
from consistency.align import SlotLink, mutual_links, slot_links
from consistency.config import Config
from consistency.tokens import TokenVectors

from _model_fixtures import checker, get_model  # noqa: F401  (checker: a fixture)

DATA = Path(__file__).resolve().parent / "data"


def _tv(text: str, words: list[str], vecs: list[list[float]]) -> TokenVectors:
    """Token vectors for ``words`` (each found in ``text`` in order)."""
    offs, pos = [], 0
    for w in words:
        s = text.index(w, pos)
        offs.append((s, s + len(w)))
        pos = s + len(w)
    v = np.asarray(vecs, dtype=np.float32)
    return TokenVectors(np.asarray(offs), v / np.linalg.norm(v, axis=1, keepdims=True))


def test_mutual_links_keep_only_pairs_that_choose_each_other():
    a = _tv("x y", ["x", "y"], [[1, 0, 0], [0.9, 0.1, 0]])
    b = _tv("p q", ["p", "q"], [[1, 0.05, 0], [0, 0, 1]])
    # both x and y are closest to p; p is closest to x: one link, and q none
    assert [(i, j) for i, j, _ in mutual_links(a, b)] == [(0, 0)]


def test_slots_are_paired_by_the_words_around_them_one_to_one():
    ta = "sale with V rising 6 and K gaining 2"
    tb = "sale with D up 6"
    e = np.eye(9)
    a = _tv(ta, ["sale", "with", "V", "rising", "6", "and", "K", "gaining", "2"], list(e))
    # D's own vector is closest to K's (a mutual link), "up" to "rising"
    b = _tv(tb, ["sale", "with", "D", "up", "6"], [e[0], e[1], e[6] + 0.1 * e[2], e[3], e[4]])
    span = lambda t, w: (t.index(w), t.index(w) + len(w))  # noqa: E731
    got = slot_links(a, b, [span(ta, "V"), span(ta, "K"), span(ta, "6")],
                     [span(tb, "D"), span(tb, "6")], text_a=ta, text_b=tb)
    # but V stands among the same words as D ("sale with" before, "rising"/"up"
    # after: 3 linked neighbours, against K's own link and 1 neighbour):
    # V is paired with D, and K, left over, with nothing
    assert got == sorted([SlotLink(span(ta, "V"), span(tb, "D"), 0.0, 0.0, 3),
                          SlotLink(span(ta, "6"), span(tb, "6"), 1.0, 1.0, 2)])


def test_a_slot_is_paired_only_with_a_slot_of_its_kind():
    ta = "burning since Sat near H"
    tb = "started on Sat above V"
    e = np.eye(5)
    a = _tv(ta, ["burning", "since", "Sat", "near", "H"], list(e))
    # b's "Sat" reads as a's "H" (a mutual link), "on" as "since"
    b = _tv(tb, ["started", "on", "Sat", "above", "V"], [e[0], e[1], e[4], e[3], e[2] + 0.1 * e[4]])
    span = lambda t, w, k=0: (t.index(w, k), t.index(w, k) + len(w))  # noqa: E731
    sat_a, h, sat_b, v = span(ta, "Sat"), span(ta, "H"), span(tb, "Sat"), span(tb, "V")
    untyped = {(x.span_a, x.span_b) for x in slot_links(a, b, [sat_a, h], [sat_b, v], text_a=ta, text_b=tb)}
    assert (h, sat_b) in untyped  # by its tokens alone, the place stands where the day stands
    typed = {(x.span_a, x.span_b) for x in slot_links(a, b, [sat_a, h], [sat_b, v], text_a=ta, text_b=tb,
                                                       kinds_a={sat_a: "date", h: "name"},
                                                       kinds_b={sat_b: "date", v: "name"})}
    assert typed == {(sat_a, sat_b), (h, v)}


@pytest.mark.model
def test_numpy_forward_pass_matches_the_engine():
    """The token vectors come from the same network as the sentence vectors:
    mean-pooled over all 12 layers they give the engine's sentence vector."""
    from consistency.models import resolve_model
    from consistency.tokens import E5Tokens

    spec = resolve_model(None)
    tokens = E5Tokens(spec.source, layer=12)
    texts = ["The ferry ran aground off Dover on Sunday morning.",
             "El ferri encalló frente a Calais el domingo por la mañana."]
    model, mspec = get_model()
    ref = embed.encode_with(model, mspec, texts)
    for text, r in zip(texts, ref):
        e5 = tokens._e5
        ids = [e5.bos] + [i for i, _s, _e in tokens._tok.encode(tokens.prompt + text)] + [e5.eos]
        v = tokens.hidden(ids).mean(0)
        assert float(v @ r) / float(np.linalg.norm(v) * np.linalg.norm(r)) > 0.999
    tv = tokens.encode(texts[0])
    assert [texts[0][s:e].strip() for s, e in tv.offsets][:3] == ["The", "fer", "ry"]


def test_the_unigram_tokenizer_splits_as_the_tokenizers_library():
    """The plain-Python tokenizer gives the ids the ``tokenizers`` library
    gives with the same pieces and scores (full-width letters, accents,
    ligatures, a tab, an emoji, numbers with separators)."""
    pytest.importorskip("tokenizers")
    from consistency.models import build_tokenizer, resolve_model
    from consistency.tokens import E5Tokens

    tokens = E5Tokens(resolve_model(None).source, layer=1)
    reference = build_tokenizer(tokens._e5)
    texts = ["The ferry ran aground off Dover on Sunday morning.",
             "El ferri encalló frente a Calais el domingo por la mañana.",
             "Ahmed 'Mido' Hossam, de 21 años, no pidió perdón — “dijo” ½ ﬁnal 3,500 rubles ($5,300).",
             "Ｆｕｌｌ width   spaces  and\ttabs", "naïve café Kazajstán 🙂"]
    for text in texts:
        got = tokens._tok.encode(tokens.prompt + text)
        assert [i for i, _s, _e in got] == reference.encode(tokens.prompt + text).ids[1:-1]
        # and each piece's offsets cover its characters in the text as given
        assert all(0 <= s < e <= len(tokens.prompt + text) for _i, s, e in got)


@pytest.mark.model
@pytest.mark.parametrize("a,b,wa,wb", [
    ("The ferry ran aground off Dover on Sunday morning.",
     "El ferri encalló frente a Calais el domingo por la mañana.", "Dover", "Calais"),
    ("The company paid 3 million to 40 workers.",
     "La empresa pagó 5 millones a 40 trabajadores.", "3 million", "5 millones"),
    ("Auction house shares closed higher after the sale, with Velmora rising 6% and Korrant gaining 2%.",
     "Auction house shares rose after the sale, with Dastrel up 6%.", "Velmora", "Dastrel"),
])
def test_real_model_pairs_the_slot_that_stands_in_the_same_place(a, b, wa, wb):
    from consistency.models import resolve_model
    from consistency.tokens import E5Tokens

    tokens = E5Tokens(resolve_model(None).source)
    sa, sb = (a.index(wa), a.index(wa) + len(wa)), (b.index(wb), b.index(wb) + len(wb))
    # every other capitalised word or number is a slot too, competing for the pairing
    import re
    spans_a = sorted({sa} | {(m.start(), m.end()) for m in re.finditer(r"\b(?:[A-Z][a-z]+|\d+%?)\b", a)
                             if not (m.start() < sa[1] and m.end() > sa[0]) and m.start() > 0})
    spans_b = sorted({sb} | {(m.start(), m.end()) for m in re.finditer(r"\b(?:[A-Z][a-z]+|\d+%?)\b", b)
                             if not (m.start() < sb[1] and m.end() > sb[0]) and m.start() > 0})
    got = {(l.span_a, l.span_b) for l in slot_links(tokens.encode(a), tokens.encode(b), spans_a, spans_b,
                                                    text_a=a, text_b=b)}
    assert (sa, sb) in got


@pytest.mark.model
def test_names_put_in_another_names_place_en_es_and_across(checker):
    """A restorer named differently (en-es, es-es, en-en through Spanish) and
    an auction house put in another's place in a sentence with two (en-en,
    en-es); no table knows any of these names.  The foundation, the council
    and its initials ("NHC", "CNP"), told in two languages, stay quiet."""
    report = checker.check([str(DATA / "aligned_names")])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings)
    assert got == [
        ("ENT001", "warning", (("a_en", "Ingrid Solberg"), ("b_es", "Astrid Lindqvist"))),
        ("ENT001", "warning", (("a_en", "Velmora"), ("c_en", "Dastrel"))),
        ("ENT001", "warning", (("b_es", "Astrid Lindqvist"), ("c_en", "Ingrid Solberg"))),
        ("ENT001", "warning", (("b_es", "Astrid Lindqvist"), ("d_es", "Ingrid Solberg"))),
        ("ENT001", "warning", (("c_en", "Dastrel"), ("d_es", "Velmora"))),
    ]


def test_initials_and_the_name_are_one_entity():
    from consistency.facts.names import compare

    assert compare("SNP", "org:snp", "Scottish National Party", "misc:scottish-national-party")[0]
    assert compare("CNP", "misc:cnp", "Consejo Nórdico del Patrimonio", "org:consejo")[0]
    assert not compare("SNP", "org:snp", "Scottish Labour Party", "org:scottish-labour-party")[0]


@pytest.mark.model
def test_a_sentence_transformers_model_gives_the_same_token_vectors():
    """Through transformers (any sentence-transformers model), the default
    model's layer-8 token vectors are the NumPy pass's, token for token."""
    pytest.importorskip("torch")
    from consistency import models
    from consistency.tokens import E5Tokens, HFTokens

    model, spec = models.load(None, Config(quiet=True, backend="torch"))
    text = "El ferri encalló frente a Calais el domingo por la mañana."
    a, b = HFTokens(model, 8, spec.prompt).encode(text), E5Tokens(spec.source, 8).encode(text)
    assert [text[s:e].strip() for s, e in a.offsets] == [text[s:e].strip() for s, e in b.offsets]
    assert float(np.min(np.sum(a.vectors * b.vectors, axis=1))) > 0.9999


def test_links_turned_round_keep_their_context():
    """``aligned_slots`` stores each pair both ways; the turned-round links
    keep how many neighbouring words were linked (the rules read it)."""
    from consistency.records import Claim, Cluster, Entity, Facts
    from consistency.slots import SameEvent, aligned_slots

    ta, tb = "sale with V rising", "sale with D up"
    e = np.eye(4)
    vecs = {ta: _tv(ta, ["sale", "with", "V", "rising"], list(e)),
            tb: _tv(tb, ["sale", "with", "D", "up"], [e[0], e[1], e[2] * 0 + e[3] * 0.1 + e[0] * 0.01, e[3]])}

    def claim(cid, text, name):
        s = text.index(name)
        return Claim(id=cid, article=cid[0], text=text, start=0, end=len(text), lang="en", line=1, end_line=1,
                     facts=Facts(entities=(Entity(name, "MISC", "misc:" + name.lower(), s, s + 1),)))

    a, b = claim("a:1", ta, "V"), claim("b:1", tb, "D")
    same = SameEvent({frozenset(("a:1", "b:1")): 0.99}, {}, {})
    links = aligned_slots([a, b], [Cluster(id="c1", claims=("a:1", "b:1"), articles=("a", "b"))], same,
                          vecs.__getitem__, 0.9)
    forward, back = links[("a:1", "b:1")], links[("b:1", "a:1")]
    assert [(x.span_a, x.span_b, x.context) for x in forward] == [((10, 11), (10, 11), 3)]
    assert [(x.span_a, x.span_b, x.context) for x in back] == [((10, 11), (10, 11), 3)]
