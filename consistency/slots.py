"""Same event, different slot: claims compared with their typed slots masked.

Two claims tell the same event when their texts, with every typed slot
(amounts, dates, names, places, sources) replaced by a placeholder of its
type and negation cues left out, are paraphrases for the multilingual model.  Then any slot that differs
is a candidate finding of that slot's kind, whatever the words around it: no
lexicon entry for the verb, no gazetteer entry for the name is needed.

"The ferry ran aground off Dover on Sunday morning" becomes "The ferry ran
aground off [X] on [D] morning"; "El ferri encalló frente a Calais el domingo
por la mañana" becomes "El ferri encalló frente a [X] el [D] por la mañana";
the two masked texts are close paraphrases.

This module prepares the evidence (texts to embed, the cosines of claim
pairs); the rules only read ``Pair.masked`` (see ``rules.actor.same_action``).
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Callable, NamedTuple, Optional, Sequence

import numpy as np

from .records import Claim, Cluster

#: placeholder per slot type; the same in every language
PLACEHOLDER = {"quantity": "[N]", "date": "[D]", "name": "[X]", "negation": ""}


def slot_spans(claim: Claim) -> list[tuple[int, int, str]]:
    """(start, end, type) of the claim's typed slots, claim-relative, sorted,
    without overlaps (the first, longest span wins)."""
    f = claim.facts
    raw = [(q.start, q.end, "quantity") for q in f.quantities]
    raw += [(d.start, d.end, "date") for d in f.dates]
    raw += [(e.start, e.end, "name") for e in f.entities]
    raw += [(a.source_start, a.source_end, "name") for a in f.attributions
            if a.source_start is not None and a.source_end is not None]
    # negation cues are dropped: polarity is the NEG rule's to judge, and "the
    # union has not called a strike" tells the same event as "the union called one"
    raw += [(n.start, n.end, "negation") for n in f.negations]
    spans = []
    for s, e, t in sorted(raw, key=lambda x: (x[0], -x[1])):
        s, e = s - claim.start, e - claim.start
        if s < 0 or e > len(claim.text) or s >= e:
            continue
        if spans and s < spans[-1][1]:
            continue
        spans.append((s, e, t))
    return spans


def masked_text(claim: Claim) -> str:
    """The claim's text with each typed slot replaced by its placeholder."""
    out, pos = [], 0
    for s, e, t in slot_spans(claim):
        out.append(claim.text[pos:s])
        out.append(PLACEHOLDER[t])
        pos = e
    out.append(claim.text[pos:])
    return " ".join("".join(out).split())


def variant_text(claim: Claim, slot: tuple[int, int]) -> str:
    """The claim's text with only the slot at ``slot`` (article offsets)
    replaced by its placeholder, and negation cues left out."""
    out, pos = [], 0
    for s, e, t in slot_spans(claim):
        if t == "negation" or (s + claim.start, e + claim.start) == tuple(slot):
            out.append(claim.text[pos:s])
            out.append(PLACEHOLDER[t])
            pos = e
    out.append(claim.text[pos:])
    return " ".join("".join(out).split())


def name_slots(claim: Claim, others: Optional[Sequence[Claim]] = None) -> list[tuple[int, int]]:
    """Article-offset spans of the claim's entities that a rule may compare.

    With ``others`` (the other articles' claims of its clusters): only a name
    that one of them could be set against -- that claim does not name it, and
    names something of the same type (or of unknown type) that this claim
    does not name.  A name every other claim shares is never compared."""
    mine = {e.key for e in claim.facts.entities}
    out = []
    for e in claim.facts.entities:
        if others is not None and not any(
                e.key not in {y.key for y in o.facts.entities}
                and any(y.key not in mine and (y.type == e.type or "MISC" in (y.type, e.type))
                        for y in o.facts.entities)
                for o in others):
            continue
        out.append((e.start, e.end))
    return sorted(out)


def quantity_slots(claim: Claim, others: Sequence[Claim] = ()) -> list[tuple[int, int]]:
    """Article-offset spans of the claim's amounts that a rule may set against
    an amount of ``others`` (the other articles' claims of its clusters): only
    when one of them states an amount in another way or another value."""
    theirs = {(q.unit, q.low, q.high) for o in others for q in o.facts.quantities}
    if not theirs:
        return []
    return sorted((q.start, q.end) for q in claim.facts.quantities
                  if theirs - {(q.unit, q.low, q.high)})


#: key of a claim's text with only its negation cues left out (``variants``)
NEGATION_DROPPED = "negation-dropped"
#: key of a claim's text with its opposite-predicate words ("rose", "cayeron",
#: ``lang/<lang>/antonyms.toml``) replaced by a placeholder (``variants``)
POLES_MASKED = "poles-masked"
#: key of a claim's text with all its slots masked (``masked_text``) in ``variants``
MASKED_ALL = "masked-all"


#: words kept on each side of a pole word in its context window (``pole_key``)
POLE_WINDOW = 4


def pole_key(hit) -> tuple:
    """Key in ``variants`` of the words around one pole word (it masked)."""
    return ("pole", int(hit.start), int(hit.end))


def pole_windows(claim: Claim) -> dict:
    """For each pole word of the claim, the words around it with it masked:
    "The OECD has [P] its growth forecasts for" (is it the same predicate as
    "the OECD [P] its growth predictions for", or "price [P], according to"?)."""
    import re

    from .rules.predicate import pole_hits

    words = list(re.finditer(r"\S+", claim.text))
    out = {}
    for h in pole_hits(claim):
        rel = h.start - claim.start
        i = next((j for j, w in enumerate(words) if w.end() > rel), None)
        if i is None:
            continue
        lo, hi = max(0, i - POLE_WINDOW), min(len(words), i + POLE_WINDOW + 1)
        out[pole_key(h)] = " ".join("[P]" if j == i else words[j].group() for j in range(lo, hi))
    return out


def poles_masked_text(claim: Claim) -> Optional[str]:
    """The claim with each pole word masked ("Exports [P] 5% in March"), or
    None when it has none."""
    from .rules.predicate import pole_hits

    hits = pole_hits(claim)
    if not hits:
        return None
    out, pos = [], 0
    for h in sorted(hits, key=lambda h: h.start):
        s, e = h.start - claim.start, h.end - claim.start
        if s < pos:
            continue
        out += [claim.text[pos:s], "[P]"]
        pos = e
    out.append(claim.text[pos:])
    return " ".join("".join(out).split())


def phrase_key(span: tuple[int, int]) -> tuple:
    """Key of a name's or source's own vector in ``variants`` (article offsets)."""
    return ("phrase", int(span[0]), int(span[1]))


def name_phrases(claim: Claim) -> list[tuple[tuple[int, int], str]]:
    """Each name, credited source and post of the claim, and the head word
    of each organisation it gives a seat: its span (article offsets) and its
    text as written, spaces folded."""
    from .facts.posts import posts
    from .facts.seats import seats

    spans = [(e.start, e.end) for e in claim.facts.entities]
    spans += [(a.source_start, a.source_end) for a in claim.facts.attributions
              if a.source_start is not None and a.source_end is not None]
    # and the posts set beside people's names ("secretaria general del SITCA")
    spans += [(p.post_start, p.post_end) for p in posts(claim)]
    # and what an organisation given a seat is ("the Brennick-based company": company)
    spans += [(x.head_start, x.head_end) for x in seats(claim) if x.head]
    out = []
    for s, e in spans:
        text = " ".join(claim.text[s - claim.start:e - claim.start].split())
        if text and s >= claim.start and e <= claim.end:
            out.append(((s, e), text))
    return out


def clause_key(span: tuple[int, int]) -> tuple:
    """Key of a clause's own vector in ``variants`` (article offsets)."""
    return ("clause", int(span[0]), int(span[1]))


def clause_spans(claim: Claim) -> list[tuple[tuple[int, int], str]]:
    """The clauses of a sentence that joins several (``cluster.clause_texts``:
    "...; no residents were injured", "..., y desde entonces no se ha fijado
    ninguna reunión"), each with its span (article offsets); [] for one."""
    from .cluster import clause_texts

    out, pos = [], 0
    for clause in clause_texts(claim.text, claim.lang):
        at = claim.text.find(clause.text, pos)
        if at < 0:
            continue
        out.append(((claim.start + at, claim.start + at + len(clause.text)), clause.text))
        pos = at + len(clause.text)
    return out if len(out) >= 2 else []


def event_clause_key(ranges: Sequence[tuple[int, int]]) -> tuple:
    """Key of one telling of a sentence that tells several things
    (:func:`event_clauses`) in ``variants``: its article-offset ranges."""
    return ("event-clause",) + tuple((int(a), int(b)) for a, b in ranges)


def temporal_cuts(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of the temporal conjunctions that open a clause of ``text``
    (``temporal`` and ``temporal_before_verb`` of ``lang/<lang>/clauses.toml``):
    "después de que", always; "after", "tras" only before a verb form within
    ``temporal_reach`` words ("after talks broke down", "tras dar positivo";
    not "after 52 hours underground", "tras la detención").  A verb form is a
    word with one of ``verb_endings`` or, with none listed, a past or -ing
    form of the lexical database (:func:`wordnet.inflected_verb`)."""
    from . import lang as lang_data

    data = lang_data.load(lang, "clauses")
    always = sorted(data.get("temporal", ()), key=len, reverse=True)
    before_verb = sorted(data.get("temporal_before_verb", ()), key=len, reverse=True)
    if not always and not before_verb:
        return []
    reach = int(data.get("temporal_reach", 1))
    endings = tuple(data.get("verb_endings", ()))
    cuts: list[tuple[int, int]] = []
    if always:
        pattern = re.compile("|".join(re.escape(x) for x in always))
        cuts += [(m.start(), m.end()) for m in pattern.finditer(text)]
    if before_verb:
        from . import wordnet

        pattern = re.compile("|".join(re.escape(x) for x in before_verb))
        for m in pattern.finditer(text):
            if any(x <= m.start() < y for x, y in cuts):
                continue
            words = re.findall(r"[^\W\d_]+|\S", text[m.end():])[:reach]
            if any(w.isalpha() and w.islower() and (w.endswith(endings) if endings else wordnet.inflected_verb(w))
                   for w in words):
                cuts.append((m.start(), m.end()))
    return sorted(cuts)


def _cuts(text: str, seps: Sequence[str], soft: Sequence[str] = (), not_before: Sequence[str] = (),
          a: int = 0, b: Optional[int] = None, extra: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Claim-relative (start, end) of the pieces of ``text[a:b]`` between the
    separators ``seps`` (the separator goes with neither piece), and the
    ``extra`` spans already found (:func:`temporal_cuts`), and between the
    ``soft`` ones where they join two statements, not two names or two noun
    phrases (``cluster._split_soft``)."""
    import re

    from .cluster import _NAME_END, _NAME_START

    b = len(text) if b is None else b
    cuts = [(x, y) for x, y in extra if a <= x and y <= b]
    if seps:
        pattern = re.compile("|".join(re.escape(x) for x in sorted(set(seps), key=len, reverse=True)))
        cuts += [(m.start(), m.end()) for m in pattern.finditer(text, a, b)
                 if not any(x <= m.start() < y for x, y in cuts)]
    if soft:
        lead = re.compile(r"(?:%s)\b" % "|".join(re.escape(w) for w in not_before), re.IGNORECASE) \
            if not_before else None
        pattern = re.compile("|".join(re.escape(x) for x in sorted(set(soft), key=len, reverse=True)))
        for m in pattern.finditer(text, a, b):
            after = text[m.end():b]
            if (_NAME_END.search(text[a:m.start()]) and _NAME_START.match(after)) or (lead and lead.match(after)):
                continue
            if after[:1].isdigit():
                continue  # a number after it: a range or a list ("between six and 12 months", "4 y 5")
            if not any(x <= m.start() < y for x, y in cuts):
                cuts.append((m.start(), m.end()))
    out, pos = [], a
    for x, y in sorted(cuts):
        if x >= pos:
            out.append((pos, x))
            pos = y
    out.append((pos, b))
    return out


def event_clauses(claim: Claim) -> list[tuple[tuple[tuple[int, int], ...], str]]:
    """The things a sentence tells, one telling each, when it tells several:
    its clauses (``separators``, ``subordinate`` and ``soft_separators`` of
    ``lang/<lang>/clauses.toml``), and a relative clause with the name it is
    about ("El delegado del Gobierno, Anselmo Rebollar, que ordenó el desalojo
    ..., ha prometido ayudas" tells "[X], que ordenó el desalojo ..." and "[X]
    ha prometido ayudas": ``relative`` there).  Each telling is (its ranges in
    article offsets, its text with its slots masked); [] for a sentence that
    tells one thing."""
    from . import lang as lang_data

    data = lang_data.load(claim.lang, "clauses")
    min_words = int(data.get("min_words", 4))
    seps = list(data.get("separators", ())) + list(data.get("subordinate", ()))
    soft, not_before = list(data.get("soft_separators", ())), list(data.get("soft_not_before", ()))
    relative = sorted(data.get("relative", ()), key=len, reverse=True)
    text = claim.text
    tellings: list[list[tuple[int, int]]] = []
    for a, b in _cuts(text, seps, extra=temporal_cuts(text, claim.lang)):
        piece = text[a:b]
        at = min(((piece.find(r), r) for r in relative if piece.find(r) > 0), default=(-1, ""))
        if at[0] < 0:
            tellings.extend([r] for r in _cuts(text, (), soft, not_before, a, b))
            continue
        head_end = a + at[0]
        close = text.find(", ", head_end + len(at[1]), b)
        tellings.append([(a, head_end), (head_end, close if close >= 0 else b)])
        if close >= 0:
            tellings.append([(a, head_end), (close + 1, b)])
    tellings = [t for t in tellings if sum(len(text[x:y].split()) for x, y in t) >= min_words]
    if len(tellings) < 2:
        return []
    spans = slot_spans(claim)
    out = []
    for ranges in tellings:
        parts = []
        for x, y in ranges:
            pos, piece = x, []
            for s, e, t in spans:
                if s >= x and e <= y:
                    piece += [text[pos:s], PLACEHOLDER[t]]
                    pos = e
            piece.append(text[pos:y])
            parts.append("".join(piece))
        masked = " ".join("".join(p if p[:1] in ",;" or not k else " " + p
                                  for k, p in enumerate(parts)).split()).strip(" ,;")
        out.append((tuple((claim.start + x, claim.start + y) for x, y in ranges), masked))
    return out


def extra_texts(claim: Claim) -> dict:
    """Texts the rules may ask about beside the one-slot variants: the claim
    with only its negation cues left out (does the negation change what the
    sentence says?) and, for a negated sentence that joins several clauses,
    each clause (``clause_key``), and each name and source on its own (is "la policía
    regional" another name for "the regional police", or another source?)."""
    out: dict = {}
    if claim.facts.negations:
        out[NEGATION_DROPPED] = variant_text(claim, (-1, -1))
        # each clause of a sentence that joins several: which one the negation denies in
        for span, text in clause_spans(claim):
            out[clause_key(span)] = text
    poles = poles_masked_text(claim)
    if poles is not None:
        out[POLES_MASKED] = poles
        out.update(pole_windows(claim))
    for (s, e), text in name_phrases(claim):
        out[phrase_key((s, e))] = text
    # the tellings of a sentence that tells several things, where a rule
    # reads them: an actor (a person or an organisation) or a date,
    # or a negation (NEG001: the telling it denies in), or a relative clause
    # (its main clause may be what another sentence denies)
    tellings = event_clauses(claim)
    if any(d.resolved for d in claim.facts.dates) or any(e.type in ("PER", "ORG") for e in claim.facts.entities) \
            or claim.facts.negations or any(len(ranges) > 1 for ranges, _ in tellings):
        for ranges, text in tellings:
            out[event_clause_key(ranges)] = text
    # each source masked on its own too, as names are (``name_slots``)
    for a in claim.facts.attributions:
        if a.source_start is not None and a.source_end is not None:
            out.setdefault((a.source_start, a.source_end), variant_text(claim, (a.source_start, a.source_end)))
    return out


def masked_texts(claims: Sequence[Claim], clusters: Sequence[Cluster]) -> dict[str, str]:
    """Masked text of every clustered claim that has at least one slot, by claim id."""
    by_id = {c.id: c for c in claims}
    out = {}
    for cluster in clusters:
        for cid in cluster.claims:
            c = by_id.get(cid)
            if c is not None and cid not in out and slot_spans(c):
                out[cid] = masked_text(c)
    return out


class SameEvent(NamedTuple):
    """Evidence for the rules: the masked cosine of claim pairs, and for each
    clustered claim a unit vector of its text with one name or amount masked
    (under the slot's span), of its plain text (under None), of its text with
    only the negation cues left out (``NEGATION_DROPPED``) and of each name and
    source on its own (``phrase_key(span)``);
    ``paths`` gives, for a pair, each third claim of the cluster as
    (masked cosine a-k, masked cosine k-b, language of k): one event told
    three times is one event even when two of the tellings share few words."""

    pairs: dict
    variants: dict
    paths: dict = {}
    #: for an ordered pair of claim ids (a, b): the slots of a paired with
    #: the slots of b by aligned tokens (``consistency.align.SlotLink``)
    links: dict = {}
    #: for an ordered pair of claim ids (a, b) in which a claim carries a
    #: negation cue: the mutual token links of the two claims
    #: (``consistency.align.WordLink``), so a rule can tell what the other
    #: claim says in the place of what a negation denies
    words: dict = {}
    #: for each article id: the amounts (``records.Quantity``) its claims state
    amounts: dict = {}
    #: for an ordered pair of claim ids (a, b) whose counts say what they
    #: count: (span of a count of a, span of a count of b,
    #: closest token cosines of the words they measure and of the noun
    #: phrases after them; see ``measure_words``), so a rule can tell
    #: whether "47,000 passengers" and "41.000 pasajeros" count one thing
    measure_words: dict = {}


def article_amounts(claims: Sequence[Claim]) -> dict:
    """``SameEvent.amounts``: every amount of each article, in claim order."""
    out: dict = {}
    for c in claims:
        out.setdefault(c.article, []).extend(c.facts.quantities)
    return {k: tuple(v) for k, v in out.items()}


def masked_similarities(claims: Sequence[Claim], clusters: Sequence[Cluster],
                        embed: Callable[[Sequence[str]], np.ndarray]) -> SameEvent:
    """Cosine of the masked texts of every cross-article claim pair in a
    cluster (pairs where neither claim has a slot are left out: their plain
    similarity already says it), and the one-name-masked variants of every
    clustered claim (``variants[claim id][(start, end)]``: a vector; the plain
    text's vector under ``None``), so a rule can ask whether two claims differ
    only in the two names it compares."""
    texts = masked_texts(claims, clusters)
    if not texts:
        return SameEvent({}, {}, {})
    plain = {c.id: c.text for c in claims}
    by_id = {c.id: c for c in claims}
    peers: dict[str, list[Claim]] = {}
    for cluster in clusters:
        for cid in cluster.claims:
            peers.setdefault(cid, []).extend(
                by_id[o] for o in cluster.claims if o in by_id and by_id[o].article != by_id[cid].article)
    variant_texts = {cid: {span: variant_text(by_id[cid], span)
                           for span in name_slots(by_id[cid], peers.get(cid, []))
                           + quantity_slots(by_id[cid], peers.get(cid, []))}
                     for cid in sorted(texts)}
    for cid in sorted(texts):
        variant_texts[cid].update(extra_texts(by_id[cid]))
    for cid in sorted({i for c in clusters for i in c.claims if i in by_id and i not in texts}):
        poles = poles_masked_text(by_id[cid])  # a claim with no slot may still say "rose"
        if poles is not None:
            variant_texts[cid] = {POLES_MASKED: poles, **pole_windows(by_id[cid])}
    wanted = sorted({t for t in texts.values()}
                    | {plain[i] for c in clusters for i in c.claims if i not in texts and i in plain}
                    | {t for v in variant_texts.values() for t in v.values()}
                    | {plain[cid] for cid, v in variant_texts.items() if v})
    vec = np.asarray(embed(wanted), dtype=np.float32)
    row = {t: k for k, t in enumerate(wanted)}
    variants = {cid: {span: vec[row[t]] for span, t in v.items()} for cid, v in variant_texts.items()}
    for cid, t in texts.items():  # all slots masked
        variants.setdefault(cid, {})[MASKED_ALL] = vec[row[t]]
    for cid in sorted({i for c in clusters for i in c.claims if i in plain}):  # the plain text, under None
        if plain[cid] in row:
            variants.setdefault(cid, {})[None] = vec[row[plain[cid]]]
    arts = {c.id: c.article for c in claims}
    out: dict[frozenset, float] = {}
    for cluster in clusters:
        for x, y in combinations(cluster.claims, 2):
            if arts.get(x) == arts.get(y) or x not in plain or y not in plain:
                continue
            if x not in texts and y not in texts:
                continue
            tx, ty = texts.get(x, plain[x]), texts.get(y, plain[y])
            out[frozenset((x, y))] = float(vec[row[tx]] @ vec[row[ty]])
    langs = {c.id: c.lang for c in claims}
    paths: dict[frozenset, list] = {}
    for cluster in clusters:
        members = [m for m in cluster.claims if m in plain]
        for x, y in combinations(members, 2):
            if arts[x] == arts[y]:
                continue
            via = [(out[frozenset((x, k))], out[frozenset((k, y))], langs[k]) for k in members
                   if arts[k] not in (arts[x], arts[y])
                   and frozenset((x, k)) in out and frozenset((k, y)) in out]
            if via:
                paths[frozenset((x, y))] = sorted(via, reverse=True)
    return SameEvent(out, variants, paths)


def credited_spans(claim: Claim) -> list[tuple[int, int]]:
    """Article-offset spans of the names of the claim's credited sources (the
    whole attribution where no name is marked): a name in a source's
    description is not one ("Tobias Renner, an analyst at Halvorsen Capital,
    said" credits Tobias Renner; Halvorsen Capital is the analyst's
    employer)."""
    return [(x.source_start, x.source_end) if x.source_start is not None and x.source_end is not None
            else (x.start, x.end) for x in claim.facts.attributions]


def _named(claim: Claim) -> list:
    """The claim's entities that are not a credited source's own name."""
    spans = credited_spans(claim)
    return [e for e in claim.facts.entities if not any(s <= e.start < t for s, t in spans)]


def align_spans(claim: Claim) -> list[tuple[int, int]]:
    """Article-offset spans of the claim's names (not credited sources: the
    attribution rules compare those), amounts and dates: what
    :func:`aligned_slots` pairs across claims."""
    return sorted(align_kinds(claim))


def align_kinds(claim: Claim) -> dict:
    """:func:`align_spans` with the kind of each: "name", "amount" or "date"
    (a span that is two kinds at once is a name before an amount, an amount
    before a date)."""
    out: dict = {}
    for d in claim.facts.dates:
        out[(d.start, d.end)] = "date"
    for q in claim.facts.quantities:
        out[(q.start, q.end)] = "amount"
    for e in _named(claim):
        out[(e.start, e.end)] = "name"
    return out


def _unnamed(claim: Claim, other: Claim) -> bool:
    """``claim`` names something (not as a credited source) ``other`` does not."""
    keys = {e.key for e in other.facts.entities}
    return any(e.key not in keys for e in _named(claim))


def _values_to_align(a: Claim, b: Claim) -> bool:
    """Both claims date something and their dates are not all the same (which
    date stands for which, or whether one stands where the other does at
    all, is the token alignment's to say: ``rules.date.dates_apart``); or
    both count something, one counts more than one thing, and their amounts
    are not all the same."""
    da = {(d.low, d.high) for d in a.facts.dates if d.resolved}
    db = {(d.low, d.high) for d in b.facts.dates if d.resolved}
    if da and db and da != db:
        return True
    qa = {(q.unit, q.low, q.high) for q in a.facts.quantities}
    qb = {(q.unit, q.low, q.high) for q in b.facts.quantities}
    return bool(qa) and bool(qb) and max(len(qa), len(qb)) > 1 and qa != qb


def aligned_slots(claims: Sequence[Claim], clusters: Sequence[Cluster], same: SameEvent,
                  encode: Callable, bar: float) -> dict:
    """``SameEvent.links``: for each cross-article pair of a cluster in which
    each claim names something the other does not (or the two date different
    days, or one counts several things: :func:`_values_to_align`) and whose masked cosine
    reaches ``bar``, the slots of one paired with the slots of the other by
    aligned tokens (``consistency.align.slot_links``), under (id a, id b) and,
    turned round, under (id b, id a).  ``encode`` gives a text's token vectors."""
    from .align import slot_links

    by_id = {c.id: c for c in claims}
    out: dict = {}
    for cluster in clusters:
        members = [by_id[i] for i in cluster.claims if i in by_id]
        for a, b in combinations(members, 2):
            if a.article == b.article or (a.id, b.id) in out:
                continue
            masked = same.pairs.get(frozenset((a.id, b.id)))
            if masked is None or masked < bar or not ((_unnamed(a, b) and _unnamed(b, a)) or _values_to_align(a, b)):
                continue
            kinds_a, kinds_b = align_kinds(a), align_kinds(b)
            found = slot_links(encode(a.text), encode(b.text), sorted(kinds_a), sorted(kinds_b), a.start, b.start,
                               a.text, b.text, kinds_a, kinds_b)
            out[(a.id, b.id)] = tuple(found)
            out[(b.id, a.id)] = tuple(x._replace(span_a=x.span_b, span_b=x.span_a) for x in found)
    return out


#: how far from its amount (characters) a word of what it measures is looked for
MEASURE_REACH = 60
#: words right after an amount read as what it counts, besides its extracted
#: measure ("320 measles cases" measures "measles": "cases" is read too, to
#: meet "230 casos de sarampión")
MEASURE_FOLLOWING = 2


def measure_spans(claim: Claim, q) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """What ``q`` measures, as claim-relative spans: (the content words of
    its extracted measure, ``Quantity.measures``, each at its occurrence
    nearest to the amount within ``MEASURE_REACH`` characters; the noun
    phrase right after the amount, :func:`_following`).  Nothing for an
    amount that says nothing of what it measures."""
    if not q.measures:
        return [], []
    from .rules.common import fold
    from .lexicon import is_function_word

    text = claim.text.lower()
    qs, qe = q.start - claim.start, q.end - claim.start
    out = set()
    for w in sorted(set(re.findall(r"\w+", q.measures.lower()))):
        if len(w) < 3 or is_function_word(fold(w), claim.lang):
            continue
        near = [(max(qs - m.end(), m.start() - qe, 0), m.start(), m.end())
                for m in re.finditer(r"\b%s\b" % re.escape(w), text)]
        near = [x for x in near if x[0] <= MEASURE_REACH]
        if near:
            out.add(min(near)[1:])
    return sorted(out), _following(claim, q, MEASURE_FOLLOWING)


def _following(claim: Claim, q, n: int) -> list[tuple[int, int]]:
    """Claim-relative spans of the noun phrase right after ``q``: up to
    ``n`` words, past a ``noun_links`` word ("1,5 millones de niños"),
    ending at a word shorter than three letters, a word of the ``stop`` list
    or one ending in one of the ``stop_suffixes`` (``[measures]`` in
    ``lang/<lang>/quantities.toml``): "320 measles cases", "8,000
    passengers (were)", "32 medios aéreos", "230 casos (de)"."""
    from . import lang as lang_data

    cfg = lang_data.load(claim.lang, "quantities").get("measures", {})
    stop = {w.lower() for w in cfg.get("stop", [])}
    suffixes = tuple(cfg.get("stop_suffixes", []))
    text, pos, out = claim.text.lower(), q.end - claim.start, []
    links = [re.escape(w.lower()) for w in cfg.get("noun_links", ())]
    got = re.compile(r"[ \t]+(?:%s)\b" % "|".join(links)).match(text, pos) if links else None
    pos = got.end() if got else pos  # "1,5 millones DE niños"
    for _ in range(n):
        m = _RUN.match(text, pos)
        w = m.group(1) if m else ""
        if len(w) < 3 or w in stop or (suffixes and len(w) > 4 and w.endswith(suffixes)):
            break
        out.append(m.span(1))
        pos = m.end()
    return out


_RUN = re.compile(r"[ \t]+(\w+)")


def measure_words(claims: Sequence[Claim], clusters: Sequence[Cluster], encode: Callable) -> dict:
    """``SameEvent.measure_words``: for each cross-article pair of a cluster
    whose claims each state counts with what they count (money, percentages
    and measures have their units), ((start, end)
    of a count of a, (start, end) of a count of b, measure, phrase) for each
    two such counts: the cosine of the closest pair of tokens, read in their
    sentences by the model (``consistency.tokens``), of the words of their
    extracted measures and of the noun phrases right after them
    (:func:`measure_spans`; None where one side has no such words).  Under
    (id a, id b) and, turned round, under (id b, id a).  In one language a
    shared word says two counts count the same thing and the model only
    tells two things apart ("cuatro hospitales" / "1.300 operaciones");
    across languages the model does both ("passengers" / "pasajeros")."""
    by_id = {c.id: c for c in claims}
    out: dict = {}
    for cluster in clusters:
        members = [by_id[i] for i in cluster.claims if i in by_id]
        for a, b in combinations(members, 2):
            if a.article == b.article or (a.id, b.id) in out:
                continue
            qa = [(q, *measure_spans(a, q)) for q in a.facts.quantities if q.measures and q.kind == "count"]
            qb = [(q, *measure_spans(b, q)) for q in b.facts.quantities if q.measures and q.kind == "count"]
            if not qa or not qb:
                continue
            ta, tb = encode(a.text), encode(b.text)
            found = [((x.start, x.end), (y.start, y.end), _closest(ta, words_a, tb, words_b),
                      _closest(ta, after_a, tb, after_b))
                     for x, words_a, after_a in qa for y, words_b, after_b in qb]
            out[(a.id, b.id)] = tuple(found)
            out[(b.id, a.id)] = tuple((sb, sa, *sims) for sa, sb, *sims in found)
    return out


def _closest(ta, spans_a: Sequence[tuple[int, int]], tb, spans_b: Sequence[tuple[int, int]]) -> Optional[float]:
    """The highest cosine between a token of ``ta`` inside ``spans_a`` and
    one of ``tb`` inside ``spans_b`` (claim-relative spans), or None."""
    from .align import _tokens_in

    rows = sorted({t for s, e in spans_a for t in _tokens_in(ta.offsets, s, e)})
    cols = sorted({t for s, e in spans_b for t in _tokens_in(tb.offsets, s, e)})
    return float((ta.vectors[rows] @ tb.vectors[cols].T).max()) if rows and cols else None


def negation_words(claims: Sequence[Claim], clusters: Sequence[Cluster], same: SameEvent,
                   encode: Callable, bar: float) -> dict:
    """``SameEvent.words``: for each cross-article pair of a cluster in which
    a claim carries a negation cue and whose masked cosine (or, with no slot,
    plain cosine) reaches ``bar`` (the clustering's link threshold: the rule
    asks its own evidence of the linked words), the mutual links of their tokens
    (``consistency.align.word_links``), under (id a, id b) and, turned round,
    under (id b, id a)."""
    from .align import word_links

    by_id = {c.id: c for c in claims}
    out: dict = {}
    for cluster in clusters:
        sims = {frozenset((x, y)): s for x, y, s in cluster.links}
        members = [by_id[i] for i in cluster.claims if i in by_id]
        for a, b in combinations(members, 2):
            if a.article == b.article or (a.id, b.id) in out:
                continue
            if not (a.facts.negations or b.facts.negations):
                continue
            key = frozenset((a.id, b.id))
            close = same.pairs.get(key, sims.get(key))
            if close is None or close < bar:
                continue
            found = word_links(encode(a.text), encode(b.text), a.start, b.start, a.text, b.text)
            out[(a.id, b.id)] = tuple(found)
            out[(b.id, a.id)] = tuple(x._replace(span_a=x.span_b, span_b=x.span_a) for x in found)
    return out
