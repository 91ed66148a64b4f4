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

from typing import NamedTuple, Sequence

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


def _tokens_in(offsets: np.ndarray, start: int, end: int) -> list[int]:
    """Tokens whose characters fall in [start, end) (claim-relative)."""
    return [i for i, (s, e) in enumerate(offsets) if s < end and e > start and e > s]


def slot_links(a: TokenVectors, b: TokenVectors, spans_a: Sequence[tuple[int, int]],
               spans_b: Sequence[tuple[int, int]], offset_a: int = 0, offset_b: int = 0,
               text_a: str = "", text_b: str = "") -> list[SlotLink]:
    """Pair the slots of two claims (texts ``text_a``, ``text_b``) by their aligned tokens.

    ``spans_a``/``spans_b`` are article offsets; ``offset_a``/``offset_b`` the
    claims' starts in their articles (token offsets are claim-relative).
    Each slot of a is paired with the slot of b that receives most of its
    linked tokens, when that slot's own linked tokens land mostly in it."""
    links = mutual_links(a, b)
    if not links:
        return []
    fw = {i: (j, s) for i, j, s in links}
    bw = {j: (i, s) for i, j, s in links}
    toks_a = {sp: _tokens_in(a.offsets, sp[0] - offset_a, sp[1] - offset_a) for sp in spans_a}
    toks_b = {sp: _tokens_in(b.offsets, sp[0] - offset_b, sp[1] - offset_b) for sp in spans_b}
    owner_b = {t: sp for sp, ts in toks_b.items() for t in ts}
    owner_a = {t: sp for sp, ts in toks_a.items() for t in ts}
    punct_a, punct_b = _punctuation(a, text_a), _punctuation(b, text_b)
    best: dict = {}
    for sa, ts in toks_a.items():
        if not ts:
            continue
        hits: dict = {}
        for t in ts:
            if t in fw and fw[t][0] in owner_b:
                sb = owner_b[fw[t][0]]
                n, total = hits.get(sb, (0, 0.0))
                hits[sb] = (n + 1, total + fw[t][1])
        if not hits:
            continue
        sb, (n, total) = max(hits.items(), key=lambda kv: (kv[1][0], kv[1][1]))
        top = total / n
        # and b's slot is not pulled elsewhere: no other slot of a holds more of its linked tokens
        back: dict = {}
        for t in toks_b[sb]:
            if t in bw and bw[t][0] in owner_a:
                back[owner_a[bw[t][0]]] = back.get(owner_a[bw[t][0]], 0) + 1
        if max(back.values(), default=0) > back.get(sa, 0):
            continue
        # the words around them: not other slots (a name beside both says
        # nothing of the role), not punctuation
        near_a = _around(ts, len(a.offsets)) - set(owner_a) - punct_a
        near_b = _around(toks_b[sb], len(b.offsets)) - set(owner_b) - punct_b
        context = sum(1 for t in near_a if t in fw and fw[t][0] in near_b)
        link = SlotLink(tuple(sa), tuple(sb), n / len(ts), top, context)
        # one slot of b is paired with one slot of a: the one most of whose tokens it holds
        old = best.get(sb)
        if old is None or (link.share, link.sim) > (old.share, old.sim):
            best[sb] = link
    return sorted(best.values())


def _punctuation(tv: TokenVectors, text: str) -> set[int]:
    """Tokens with no letter or digit in ``text``."""
    return {i for i, (s, e) in enumerate(tv.offsets) if not any(ch.isalnum() for ch in text[s:e])}


def _around(tokens: Sequence[int], n: int) -> set[int]:
    """The ``CONTEXT`` tokens on each side of a slot's tokens."""
    lo, hi = min(tokens), max(tokens)
    return set(range(max(0, lo - CONTEXT), lo)) | set(range(hi + 1, min(n, hi + 1 + CONTEXT)))
