"""Which slot of one claim stands where which slot of another stands.

Two claims that tell the same event may each hold several names or amounts:
"Shares closed higher, with Altria rising 5% and Reynolds showing gains of
4.5%" / "Tobacco shares rose, with Lorillard up 5%".  The rules must set
Lorillard against Altria, not against Reynolds, whatever the words.  The
words are aligned as SimAlign aligns them: each sub-word token of one claim
is linked to the token of the other whose contextual vector (the model's, see
:mod:`consistency.tokens`) is its closest when that token's closest is it in
turn (mutual best cosine).  A slot of one claim is paired with the slot of the
other that holds the tokens its own tokens are linked to.  No word list and no
language knowledge is asked: "Dover" and "Calais" pair in "ran aground off
Dover" / "encalló frente a Calais" because of where they stand.

This module only prepares evidence; the rules read ``Pair.links``.
"""
from __future__ import annotations

from typing import NamedTuple, Optional, Sequence

import numpy as np

from .tokens import TokenVectors


class SlotLink(NamedTuple):
    """Slot ``span_a`` of claim a stands where slot ``span_b`` of claim b
    stands (article offsets); ``share`` of a's slot tokens are linked into
    b's slot, at a mean cosine of ``sim``."""

    span_a: tuple[int, int]
    span_b: tuple[int, int]
    share: float
    sim: float
    #: tokens next to a's slot (``CONTEXT`` on each side) linked to tokens
    #: next to b's slot: the two slots stand among the same words
    context: int = 0


#: tokens on each side of a slot whose links say whether it stands among the
#: same words as the slot it is paired with
CONTEXT = 3


def mutual_links(a: TokenVectors, b: TokenVectors) -> list[tuple[int, int, float]]:
    """(token of a, token of b, cosine) for each pair of tokens that are each
    other's closest (SimAlign's "argmax")."""
    if not len(a.vectors) or not len(b.vectors):
        return []
    sims = a.vectors @ b.vectors.T
    fw, bw = sims.argmax(1), sims.argmax(0)
    return [(i, int(j), float(sims[i, j])) for i, j in enumerate(fw) if bw[j] == i]


class WordLink(NamedTuple):
    """Token ``span_a`` of claim a and token ``span_b`` of claim b (article
    offsets) are each other's closest (:func:`mutual_links`)."""

    span_a: tuple[int, int]
    span_b: tuple[int, int]
    sim: float


def word_links(a: TokenVectors, b: TokenVectors, offset_a: int = 0, offset_b: int = 0,
               text_a: str = "", text_b: str = "") -> list[WordLink]:
    """The mutual links of two claims' tokens (punctuation left out), as
    article-offset spans: which word of one stands for which word of the other."""
    punct_a, punct_b = _punctuation(a, text_a), _punctuation(b, text_b)
    out = []
    for i, j, sim in mutual_links(a, b):
        if i in punct_a or j in punct_b:
            continue
        (sa, ea), (sb, eb) = a.offsets[i], b.offsets[j]
        if ea > sa and eb > sb:
            out.append(WordLink((int(sa) + offset_a, int(ea) + offset_a), (int(sb) + offset_b, int(eb) + offset_b),
                                float(sim)))
    return out


def _tokens_in(offsets: np.ndarray, start: int, end: int) -> list[int]:
    """Tokens whose characters fall in [start, end) (claim-relative)."""
    return [i for i, (s, e) in enumerate(offsets) if s < end and e > start and e > s]


def slot_links(a: TokenVectors, b: TokenVectors, spans_a: Sequence[tuple[int, int]],
               spans_b: Sequence[tuple[int, int]], offset_a: int = 0, offset_b: int = 0,
               text_a: str = "", text_b: str = "", kinds_a: Optional[dict] = None,
               kinds_b: Optional[dict] = None) -> list[SlotLink]:
    """Pair the slots of two claims (texts ``text_a``, ``text_b``) by their aligned tokens.

    ``spans_a``/``spans_b`` are article offsets; ``offset_a``/``offset_b`` the
    claims' starts in their articles (token offsets are claim-relative).
    Two slots score the links between their own tokens plus the links
    between the tokens around them (``CONTEXT`` on each side); the pairs are
    taken best first, each slot in one pair at most: "with Velmora rising
    6% and Korrant gaining 2%" / "with Dastrel up 6%" pairs Velmora with
    Dastrel by "with" and "rising"/"up", whichever names' own tokens are
    closest.  With ``kinds_a``/``kinds_b`` (span -> "name", "amount" or
    "date"), a slot is paired only with a slot of its kind: a day never
    stands where a place stands ("burning since Saturday near the village of
    Hoyarcos" / "se declaró el sábado por la tarde en un pinar situado sobre
    Valdecerrato": Hoyarcos with Valdecerrato, not with "el sábado")."""
    links = mutual_links(a, b)
    if not links:
        return []
    fw = {i: (j, s) for i, j, s in links}
    toks_a = {sp: _tokens_in(a.offsets, sp[0] - offset_a, sp[1] - offset_a) for sp in spans_a}
    toks_b = {sp: _tokens_in(b.offsets, sp[0] - offset_b, sp[1] - offset_b) for sp in spans_b}
    owner_b = {t: sp for sp, ts in toks_b.items() for t in ts}
    owner_a = {t: sp for sp, ts in toks_a.items() for t in ts}
    punct_a, punct_b = _punctuation(a, text_a), _punctuation(b, text_b)
    scored = []
    for sa, ts in toks_a.items():
        if not ts:
            continue
        # the words around it: not other slots (a name beside both says
        # nothing of the role), not punctuation
        near_a = _around(ts, len(a.offsets)) - set(owner_a) - punct_a
        for sb, tb in toks_b.items():
            if not tb:
                continue
            if kinds_a is not None and kinds_b is not None and kinds_a.get(sa) != kinds_b.get(sb):
                continue
            direct = [fw[t][1] for t in ts if t in fw and fw[t][0] in tb]
            near_b = _around(tb, len(b.offsets)) - set(owner_b) - punct_b
            context = sum(1 for t in near_a if t in fw and fw[t][0] in near_b)
            if direct or context:
                sim = sum(direct) / len(direct) if direct else 0.0
                scored.append((len(direct) + context, sim, SlotLink(tuple(sa), tuple(sb), len(direct) / len(ts),
                                                                      sim, context)))
    # one slot of b for one slot of a: the pairs whose tokens and neighbours
    # are most linked first
    out, used_a, used_b = [], set(), set()
    for _score, _sim, link in sorted(scored, key=lambda x: (-x[0], -x[1], x[2].span_a, x[2].span_b)):
        if link.span_a in used_a or link.span_b in used_b:
            continue
        used_a.add(link.span_a)
        used_b.add(link.span_b)
        out.append(link)
    return sorted(out)


def _punctuation(tv: TokenVectors, text: str) -> set[int]:
    """Tokens with no letter or digit in ``text``."""
    return {i for i, (s, e) in enumerate(tv.offsets) if not any(ch.isalnum() for ch in text[s:e])}


def _around(tokens: Sequence[int], n: int) -> set[int]:
    """The ``CONTEXT`` tokens on each side of a slot's tokens."""
    lo, hi = min(tokens), max(tokens)
    return set(range(max(0, lo - CONTEXT), lo)) | set(range(hi + 1, min(n, hi + 1 + CONTEXT)))
