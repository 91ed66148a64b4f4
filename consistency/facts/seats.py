"""Seats: the place an organisation is based in.

"The Brennick-based company", "a software maker based in Brennick", "la
compañía con sede en Brennick", "La compañía, con sede en Lindmark, prevé
...": where a company (a club, a bank, a union) has its seat is a fact of
the story, whatever the sentence tells besides, and two articles that seat
the story's organisation in two places disagree (``rules.location.LOC001``,
through the clusterer's seat pairs).

A seat is read from the words that say it, as data (``[seats]`` in
``lang/<lang>/entities.toml``): a name right after a ``before`` cue ("based
in", "con sede en") or right before an ``after`` suffix ("-based"), typed a
place or of unknown type.  Its holder is the noun phrase the cue belongs
to: the words before a ``before`` cue (past a comma: "La compañía, con sede
en ..."), back to the last punctuation or ``stop`` word, or the words after
an ``after`` suffix up to the first ``stop`` word, at most ``max_words``.
A holder that names a person, or is a post ("a London-based analyst", "the
Madrid-based correspondent"), is a person's base, not a seat; a holder must
be an organisation: it names one (a name of an organisation or of unknown
type: "Paris-based LVMH"), or its head word is one of the language's
``org_heads`` (``entities.toml``: "company", "firm", "empresa") or the
seat data's ``holders`` ("maker", "developer"): "a Linux-based operating
system" is no seat.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple, Optional

from .. import lang as _lang
from . import names


class Seat(NamedTuple):
    """An organisation's seat: the holder's words as written, the head word
    of the holder (folded), the key of an organisation the holder names
    (or None), and the place; spans are article offsets."""

    holder: str
    head: str
    head_start: int
    head_end: int
    org: Optional[str]
    org_name: Optional[str]
    place: str
    place_key: str
    place_start: int
    place_end: int


_WORD = re.compile(r"[^\W_][\w'’]*")
_STOPS = ",;:.!?()[]\"“”«»—–"


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> dict:
    return (_lang.load(lang, "entities") or {}).get("seats") or {}


@functools.lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[Optional[re.Pattern], Optional[re.Pattern]]:
    data = _data(lang)

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    before = data.get("before") or []
    after = data.get("after") or []
    return (re.compile(r"(?<!\w)(?:%s)\s+" % alt(before), re.IGNORECASE) if before else None,
            re.compile(r"(?:%s)(?!\w)" % alt(after), re.IGNORECASE) if after else None)


def _holder_words(text: str, start: int, end: int, data: dict, forward: bool) -> list[re.Match]:
    """The words of the holder's phrase in ``text[start:end]``: reading
    forward from ``start`` (after a suffix) or back from ``end`` (before a
    cue, up to and with the ``opens`` word that opens the phrase), up to a
    punctuation mark or a ``stop`` word, at most ``max_words``."""
    stop = {names.fold(w) for w in data.get("stop", ())}
    opens = {names.fold(w) for w in data.get("opens", ())}
    limit = int(data.get("max_words", 4))
    piece = text[start:end]
    words = list(_WORD.finditer(piece))
    out: list[re.Match] = []
    seq = words if forward else list(reversed(words))
    prev = 0 if forward else len(piece)
    for k, m in enumerate(seq):
        gap = piece[prev:m.start()] if forward else piece[m.end():prev]
        if any(c in _STOPS for c in gap) and out:
            break
        if not forward and names.fold(m.group()) in opens:
            out.append(m)  # the word that opens the phrase ("The company, headquartered in")
            break
        if names.fold(m.group()) in stop:
            break
        if forward and out and k + 1 < len(seq) and names.fold(seq[k + 1].group()) in stop \
                and not any(c in _STOPS for c in piece[m.end():seq[k + 1].start()]):
            break  # a word a stop word follows is a verb: "company made a profit"
        out.append(m)
        prev = m.end() if forward else m.start()
        if len(out) >= limit:
            break
    return out if forward else list(reversed(out))


def find(text: str, lang: str, spans: tuple) -> tuple[tuple[int, int, int, int], ...]:
    """(holder start, holder end, place start, place end), claim-relative,
    for each seat ``text`` gives a name of ``spans`` ((start, end) of the
    claim's place and unknown-type names)."""
    data = _data(lang)
    if not data:
        return ()
    before, after = _patterns(lang)
    out = []
    for s, e in spans:
        if before is not None:
            # "la compañía con sede en Brennick", "La compañía, con sede en Lindmark"
            cue = None
            for m in before.finditer(text, max(0, s - 40), s):
                if m.end() == s:
                    cue = m
            if cue is not None:
                head = text[:cue.start()].rstrip()
                head = head[:-1].rstrip() if head.endswith(",") else head
                words = _holder_words(text, 0, len(head), data, forward=False)
                if words:
                    out.append((words[0].start(), words[-1].end(), s, e))
                continue
        if after is not None:
            # "The Brennick-based company"
            m = after.match(text, e)
            if m is not None:
                words = _holder_words(text, m.end(), len(text), data, forward=True)
                if words:
                    out.append((m.end() + words[0].start(), m.end() + words[-1].end(), s, e))
    return tuple(out)


def _head(words: list[re.Match], lang: str) -> Optional[re.Match]:
    """The head word of a holder's phrase (``head`` in ``[seats]``: "last"
    in English, "a software maker": maker; "first" in Spanish past the
    ``opens`` determiners, "la empresa de software": empresa), or None
    when it has only names."""
    data = _data(lang)
    opens = {names.fold(w) for w in data.get("opens", ())}
    content = [m for m in words if names.fold(m.group()) not in opens and m.group()[:1].islower()]
    if not content:
        return None
    return content[-1] if data.get("head", "last") == "last" else content[0]


@functools.lru_cache(maxsize=None)
def _org_heads(lang: str) -> frozenset:
    """Folded ``org_heads`` of ``lang/<lang>/entities.toml`` ("company",
    "firm", "bank"; "empresa", "compañía") and the seat data's own
    ``holders`` ("maker", "developer")."""
    data = _lang.load(lang, "entities") or {}
    return frozenset(names.fold(w) for w in list(data.get("org_heads", ())) + list(_data(lang).get("holders", ())))


def _organisation(head: str, lang: str) -> bool:
    """A holder's head word names an organisation: one of the language's
    organisation heads, as written ("company", "empresa"; "system" is not,
    though "Systems" ends organisations' names)."""
    return head in _org_heads(lang)


def _apposed_person(claim, end: int, ents) -> bool:
    """A person's name stands in commas right after the holder's phrase
    (claim-relative ``end``): "A Tarsworth-based analyst, Orla Brannigan,"."""
    rest = claim.text[end:]
    gap = len(rest) - len(rest.lstrip(" ,"))
    if "," not in rest[:gap]:
        return False
    at = claim.start + end + gap
    return any(x.type == "PER" and x.start == at for x in ents)


def seats(claim) -> tuple[Seat, ...]:
    """The seats a claim gives organisations (see the module's documentation)."""
    from .attributions import role_named

    ents = sorted(claim.facts.entities, key=lambda x: x.start)
    located = [(x.start - claim.start, x.end - claim.start, x) for x in ents if x.type in ("LOC", "MISC")]
    found = find(claim.text, claim.lang, tuple((s, e) for s, e, _ in located))
    by_span = {(s, e): x for s, e, x in located}
    out = []
    for hs, he, ps, pe in found:
        holder = " ".join(claim.text[hs:he].split())
        inside = [x for x in ents if hs <= x.start - claim.start and x.end - claim.start <= he]
        if any(x.type == "PER" for x in inside) or role_named(holder, claim.lang) is not None \
                or _apposed_person(claim, he, ents):
            continue  # a person's base ("a London-based analyst, Orla Brannigan,"), not an organisation's seat
        named = next((x for x in inside if x.type in ("ORG", "MISC")), None)
        org = named.key if named is not None else None
        org_name = named.text if named is not None else None
        if org is None:
            # a capitalised word past the holder's first is a name the
            # extractor did not read ("hedge fund Atticus")
            caps = [m.group() for m in list(_WORD.finditer(claim.text, hs, he))[1:] if m.group()[:1].isupper()]
            if caps:
                org_name = " ".join(caps)
                org = "misc:" + "-".join(names.fold(w) for w in caps)
        place = by_span[(ps, pe)]
        head = _head(list(_WORD.finditer(claim.text, hs, he)), claim.lang)
        if org is None and (head is None or not _organisation(names.fold(head.group()), claim.lang)):
            continue  # "a Linux-based operating system", "flight attendants based in London": no organisation
        out.append(Seat(holder=holder, head=names.fold(head.group()) if head else "",
                        head_start=claim.start + head.start() if head else claim.start + hs,
                        head_end=claim.start + head.end() if head else claim.start + he, org=org,
                        org_name=org_name,
                        place=place.text, place_key=place.key,
                        place_start=place.start, place_end=place.end))
    return tuple(out)


#: cosine from which the head words of two holders that no concept of the
#: lexicon names are one kind of organisation to the model, each embedded on
#: its own ("company" / "compañía" 0.92; "company" / "bank" 0.88 is two)
HOLDER_SAME = 0.90


def _words(key: str) -> frozenset:
    return frozenset(w for w in key.split(":", 1)[-1].split("-") if w)


def _among(key: str, keys) -> bool:
    """``key`` names one of ``keys``: the same name, or the words of one
    among the other's ("Nubiral" / "Nubiral Software")."""
    mine = _words(key)
    return any(mine and w and (mine <= w or w <= mine) for w in map(_words, keys))


def same_holder(p: Seat, p_lang: str, q: Seat, q_lang: str, story: frozenset = frozenset(),
                similarity=None) -> bool:
    """The two seats are of one organisation (``story``: the keys of the
    names both articles give, :func:`story_names`):

    * both name one: the same key, or the words of one name among the
      other's;
    * one names an organisation, the other refers back to the story's with
      a word of ``refers`` (``[seats]``: "company", "la compañía"; not "a
      London-based broker"), and both articles name the named one
      ("Nubiral, based in Brennick" / "la compañía con sede en Lindmark");
    * neither names one: the two articles give a name in common, and the
      head words are one concept of the lexicon ("company" / "compañía" /
      "firm": ``company``; not "bank" / "insurer"), or, where the lexicon
      knows neither, the model reads them as one (``similarity(head_p,
      head_q)`` at ``HOLDER_SAME`` or more).

    "The firm" of one business story and "the company" of another are two
    organisations however alike the words."""
    from ..lexicon import concept

    if p.org and q.org:
        return _among(p.org, (q.org,))
    if p.org or q.org:
        # the other says only what kind it is: a word that refers back to
        # the story's organisation ("the company", "la empresa"), not a kind
        # of its own ("a London-based broker")
        kind, lang = (q.head, q_lang) if p.org else (p.head, p_lang)
        refers = {names.fold(w) for w in _data(lang).get("refers", ())}
        return kind in refers and _among(p.org or q.org, story)
    if not p.head or not q.head or not story:
        return False
    cp, cq = concept(p.head, p_lang), concept(q.head, q_lang)
    if cp is not None and cq is not None:
        return cp == cq
    if p.head == q.head:
        return True
    return similarity is not None and similarity(p.head, q.head) >= HOLDER_SAME


@functools.lru_cache(maxsize=256)
def named_in(text: str, lang: str) -> frozenset:
    """Keys of the names a whole article's ``text`` gives, read line by
    line, places and demonyms left out (an organisation may be read as a
    person's name: "Nubiral Software said")."""
    from .entities import find as find_entities

    return frozenset(key for line in text.splitlines() if line.strip()
                     for _s, _e, kind, key in find_entities(line, lang) if kind not in ("LOC", "NORP"))


def story_names(text_a: str, lang_a: str, text_b: str, lang_b: str) -> frozenset:
    """The names (not places) two articles both give, one name among the
    other's words counting ("Nubiral" / "Nubiral Software"): what their one
    story is about."""
    xs, ys = named_in(text_a, lang_a), named_in(text_b, lang_b)
    return frozenset(k for k in xs if _among(k, ys))


def same_place(p: Seat, q: Seat) -> bool:
    """One place in both seats: the same key body, one name inside the
    other, or one place that the gazetteer's hierarchy puts inside the other
    ("Kostanay" / "Kazakhstan")."""
    from .entities import within

    bp, bq = p.place_key.split(":", 1)[-1], q.place_key.split(":", 1)[-1]
    fp, fq = names.fold(p.place), names.fold(q.place)
    if bp == bq or fp == fq or fp in fq or fq in fp:
        return True
    up = {k.split(":", 1)[-1] for k in within(p.place_key)}
    uq = {k.split(":", 1)[-1] for k in within(q.place_key)}
    return bq in up or bp in uq


def seat_heads(text: str, lang: str, place: str) -> list[str]:
    """The head words (folded) of the holders ``text`` (a whole article)
    gives a seat in ``place``, read as :func:`find` reads them from the
    words of ``[seats]``, with no names known: "A Tarsworth-based analyst"
    gives ["analyst"], "La empresa, con sede en Tarsworth" ["empresa"]."""
    data = _data(lang)
    if not data or not place:
        return []
    out = []
    for m in re.finditer(r"(?<![\w-])%s(?!\w)" % re.escape(place), text):
        for s, e, ps, pe in find(text, lang, ((m.start(), m.end()),)):
            head = _head(list(_WORD.finditer(text, s, e)), lang)
            out.append(names.fold(head.group()) if head else "")
    return out


def _one_kind(h1: str, l1: str, h2: str, l2: str) -> bool:
    """Two head words name one kind of organisation by the lexicon (or are
    one word)."""
    from ..lexicon import concept

    if h1 == h2:
        return True
    c1, c2 = concept(h1, l1), concept(h2, l2)
    return c1 is not None and c1 == c2


def rival_seats(p: Seat, p_lang: str, p_text: str, q: Seat, q_lang: str, q_text: str) -> bool:
    """``p`` and ``q`` seat one organisation in two places: not one place,
    and neither article (``p_text``, ``q_text``) gives a holder of the
    other's kind a seat in the other's place too (an article that seats one
    company in Madrid and another in London is no rival of one that gives
    only the London seat; "a Tarsworth-based analyst" is no company seated
    in Tarsworth).  Whether the holders are one is for :func:`same_holder`
    to say."""
    if same_place(p, q):
        return False
    if any(_one_kind(h, p_lang, q.head, q_lang) for h in seat_heads(p_text, p_lang, q.place)):
        return False
    return not any(_one_kind(h, q_lang, p.head, p_lang) for h in seat_heads(q_text, q_lang, p.place))
