"""NEG: whether it happened at all.

A claim's polarity is negative when it carries a negation cue that is not part
of a hedge or an idiom ("it is not clear if", "not the first time", "no está
claro si", "no es la primera vez": ``[negation] ignore`` in
``lang/<lang>/rules.toml``), and privative cues ("without", "sin": they deny a
thing, not the event — ``[negation] privative``).  A claim whose negation is a
modal hedge ("may not have issued", "puede que no": ``[negation] modal``) says
neither that it happened nor that it did not, and is not compared.  One claim negative and the other positive, about
the same thing (most wording shared; across languages a shared entity and a
direct embedding link), is an error, provided the negation is what tells
them apart: leaving the negation cues out must close ``NEG_GAIN`` of the
distance between the two claims (option ``min_gain``); a negative sentence that restates the
positive one in other words ("is not yet known" / "too early to say") does
not.  Negations both sides share are fine.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..records import Claim, Negation
from .actor import same_action
from .base import Judgement, Pair, Rule, register
from .common import WORD_RE, clause_event, fold, label, negation_gain, quote, rules_data, same_event

#: margin over the link threshold of the slot-masked cosine, across
#: languages: a translation that rewords the denied verb ("aún no ha
#: suspendido la actividad" / "has halted all work" 0.882, "no ha ofrecido
#: todavía reembolsos" / "could claim a full refund" 0.889) reads under
#: 0.03; the negation gain (``NEG_GAIN``) keeps out the pairs of that band
#: that tell other things ("The mine is run by Minera Altocobre, which
#: employs ..." / "... aún no ha suspendido la actividad": 0.888, gain 0.01)
NEG_MARGIN_ACROSS = 0.02
#: share of the distance between the two claims that leaving the negation
#: cues out must close (story corpora: true polarity differences 0.12 to 1.0;
#: a negative paraphrase of the positive sentence, "not yet known" / "too
#: early to say": 0.01 and 0.05)
NEG_GAIN = 0.08


@functools.lru_cache(maxsize=None)
def _ignore_patterns(lang: str) -> tuple[re.Pattern, ...]:
    phrases = rules_data(lang).get("negation", {}).get("ignore", [])
    return tuple(re.compile(r"(?<!\w)" + re.escape(fold(p))) for p in phrases)


@functools.lru_cache(maxsize=None)
def _privative(lang: str) -> frozenset[str]:
    return frozenset(fold(c) for c in rules_data(lang).get("negation", {}).get("privative", []))


@functools.lru_cache(maxsize=None)
def _modal_patterns(lang: str) -> tuple[re.Pattern, ...]:
    phrases = rules_data(lang).get("negation", {}).get("modal", [])
    return tuple(re.compile(r"(?<!\w)" + re.escape(fold(p))) for p in phrases)


def _inside(claim: Claim, n: Negation, patterns) -> bool:
    """Is the negation cue ``n`` part of one of the phrases ``patterns``?"""
    folded = fold(claim.text) if len(fold(claim.text)) == len(claim.text) else None
    rel = n.start - claim.start
    text = folded if folded is not None else fold(claim.text[max(0, rel - 30):rel + 30])
    base = 0 if folded is not None else max(0, rel - 30)
    return any(m.start() + base <= rel < m.end() + base
               for pat in patterns for m in pat.finditer(text))


#: per-claim results of :func:`effective` and :func:`hedged` (the rules ask once
#: per pair), keyed by everything they depend on; emptied when it grows large
_MEMO: dict[tuple, tuple] = {}
_MEMO_SIZE = 1 << 15


def _memo(claim: Claim) -> tuple[tuple[Negation, ...], bool]:
    key = (claim.text, claim.start, claim.lang, claim.facts.negations)
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        privative = _privative(claim.lang)
        # privative phrases ("had no", "with no") around the cue count as privative too
        ignore = (_ignore_patterns(claim.lang) + _modal_patterns(claim.lang)
                  + tuple(re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)") for p in privative if " " in p))
        modal = _modal_patterns(claim.lang)
        # a denial of a denial ("no descartó pagar") denies nothing and
        # leaves it open, as a hedge does (:func:`left_open`)
        opened = {id(n) for pair in left_open(claim) for n in pair}
        found = _MEMO[key] = (
            tuple(n for n in claim.facts.negations
                  if fold(n.cue) not in privative and not _inside(claim, n, ignore) and id(n) not in opened),
            bool(opened) or any(_inside(claim, n, modal) for n in claim.facts.negations))
    return found


@functools.lru_cache(maxsize=None)
def _double(lang: str) -> tuple[tuple[str, ...], int]:
    """The words that undo a negation before them in its clause (the
    privative words of one word, "without", "sin", and ``double``:
    "unless", "a menos que"), and how many words after the cue they are read
    (``double_reach``)."""
    data = rules_data(lang).get("negation", {})
    words = [fold(w) for w in data.get("privative", []) if " " not in w.strip()]
    return tuple(words + [fold(w) for w in data.get("double", [])]), int(data.get("double_reach", 8))


def _has_double(claim: Claim) -> bool:
    """The claim says one of the words of :func:`_double` anywhere."""
    words, _ = _double(claim.lang)
    text = " " + " ".join(WORD_RE.findall(fold(claim.text))) + " "
    return any(" " + w + " " in text for w in words)


def _cancelled(claim: Claim, n: Negation) -> bool:
    """A second negation later in the cue's clause undoes it ("could not
    stay competitive without the new shifts", "no podrá seguir siendo
    competitivo sin los nuevos turnos": the shifts are needed)."""
    words, reach = _double(claim.lang)
    if not words:
        return False
    rest = claim.text[n.end - claim.start:]
    stop = re.search(r"[,;:()\u2013\u2014]", rest)
    rest = " " + " ".join(WORD_RE.findall(fold(rest[:stop.start()] if stop else rest))[:reach]) + " "
    return any(" " + w + " " in rest for w in words)


@functools.lru_cache(maxsize=None)
def _possession_words(lang: str) -> frozenset[str]:
    """The words before the cue in the privative phrases of several words
    (``privative`` in ``lang/<lang>/rules.toml``: "had no", "with no" ->
    "had", "with"): what one says a thing is had with."""
    from ..facts.negation import find as find_negations

    out = set()
    for phrase in rules_data(lang).get("negation", {}).get("privative", []):
        words = fold(phrase).split()
        for k in range(1, len(words)):
            if any(x[1] - x[0] == len(words[k]) for x in find_negations(words[k], lang)):
                out.add(words[k - 1])
    return frozenset(out)


#: words that may stand between a possession word and the thing had ("has
#: an agreement", "had some reports of"): at most this many
POSSESSION_REACH = 2


def possessed_in(claim: Claim, n: Negation, other: Claim) -> bool:
    """A privative cue ("has no agreement", "had no reports") is a denial
    after all when the other claim, in the same language, says the thing is
    had: the first word after the cue stands in the other claim (first five
    letters) after a possession word of the privative phrases ("has", "had",
    "with") and at most ``POSSESSION_REACH`` words, with no negation cue of
    its own ("Robbie has an agreement with Larne" / "Weir has no agreement
    with Larne"; "residents had no running water" against "the storm cut
    their running water" stays a restatement)."""
    if claim.lang != other.lang or fold(n.cue) in _privative(claim.lang):
        return False  # ("without", "sin": a privative word, no possession phrase)
    heads = _possession_words(claim.lang)
    before = WORD_RE.findall(fold(claim.text[:n.start - claim.start]))
    after = WORD_RE.findall(fold(claim.text[n.end - claim.start:]))
    if not heads or not before or before[-1] not in heads or not after:
        return False
    thing = after[0][:5]
    words = [(m.group(), m.start()) for m in WORD_RE.finditer(fold(other.text))]
    negs = [(x.start - other.start, x.end - other.start) for x in other.facts.negations]
    for k, (w, at) in enumerate(words):
        if w[:5] != thing:
            continue
        for j in range(max(0, k - POSSESSION_REACH - 1), k):
            if words[j][0] in heads and not any(s < at and e > words[j][1] for s, e in negs):
                return True
    return False


def scope_head(n: Negation, lang: str) -> str:
    """The first content word of a negation's scope (first five letters), or ""."""
    from ..lexicon import is_function_word

    for w in re.findall(r"\w+", fold(n.scope or "")):
        if len(w) > 2 and not is_function_word(w, lang):
            return w[:5]
    return ""


def unshared(mine: list[Negation], mine_lang: str, theirs: list[Negation], their_lang: str) -> list[Negation]:
    """The negations of ``mine`` that deny something ``theirs`` does not deny
    too (in one language: the first content word of their scopes differs):
    "did not criticise Mourinho's decision not to speak" against "was
    critical of Mourinho's decision not to speak" keeps "not criticise",
    the denial the other sentence lacks."""
    if mine_lang != their_lang or not theirs:
        return mine
    heads = {scope_head(n, their_lang) for n in theirs} - {""}
    return [n for n in mine if scope_head(n, mine_lang) not in heads]


def effective_against(claim: Claim, other: Claim) -> list[Negation]:
    """:func:`effective`, and the privative cues that deny what ``other``
    says is had (:func:`possessed_in`)."""
    found = effective(claim)
    if found and not _has_double(other):
        # "could not stay competitive without the new shifts" against "the
        # shifts were needed to keep the port competitive": the two negations
        # undo each other; against "could cut crime without raising taxes",
        # which says "without" too, they deny it
        found = [n for n in found if not _cancelled(claim, n)]
    if len(found) == len(claim.facts.negations) or hedged(claim):
        return found
    phrases = tuple(re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)") for p in _privative(claim.lang) if " " in p)
    other_reasons = _ignore_patterns(claim.lang) + _modal_patterns(claim.lang)
    return found + [n for n in claim.facts.negations
                    if n not in found and _inside(claim, n, phrases) and not _inside(claim, n, other_reasons)
                    and possessed_in(claim, n, other)]


def effective(claim: Claim) -> list[Negation]:
    """Negations of the claim that deny something (hedges, idioms, modal hedges
    and privative cues such as "without"/"sin" left out)."""
    return list(_memo(claim)[0])


def hedged(claim: Claim) -> bool:
    """The claim leaves it open whether it happened ("may not have issued",
    "puede que no haya emitido"): it is neither positive nor negative."""
    return _memo(claim)[1]


def _same_stem(a: str, b: str) -> bool:
    """"throw" / "thrown", "seal" / "sealing", "firmado" / "firmó": the same
    word, or the first four letters agree."""
    return a == b or (min(len(a), len(b)) >= 4 and a[:4] == b[:4])


def scope_stated(n: Negation, neg_claim: Claim, other: Claim) -> bool:
    """In one language: what the cue denies must be something the other
    claim states -- a word of the negation's scope (first five letters: "throw"
    / "thrown") is in the other claim.  "The council said the performance
    would not be put on as it promoted ..." does not deny "the council said
    the play promoted ...".  Across languages, or when the scope is not
    known, this says nothing (True)."""
    from ..lexicon import is_function_word

    if neg_claim.lang != other.lang or not n.scope:
        return True
    words = [w for w in re.findall(r"\w+", fold(n.scope)) if len(w) > 2]
    scope = [w for w in words if len(w) > 3 and not is_function_word(w, neg_claim.lang)] or \
        [w for w in words if not is_function_word(w, neg_claim.lang)] or words  # "be put on"
    if not scope:
        return True
    theirs = set(re.findall(r"\w+", fold(other.text)))
    return any(_same_stem(w, t) for w in scope for t in theirs)


#: verify mode: the closest source sentence of a report sentence of the
#: other polarity denies it when leaving the negation cues out closes at
#: least this share of the distance between them (``nearest_gain``): the
#: report restates that sentence with a negation put in or taken out ("said
#: other firms would not make offers" / "said he expected to see other firms
#: come forward": 0.33; faithful restatements with a negation of their own
#: 0.15 and below)
NEAREST_GAIN = 0.18


#: words of a negation's scope, or of the three words before its cue, linked
#: into the other claim (aligned tokens, ``Pair.words``), the scope's first
#: word among them, for the other claim to state what the negation denies
SCOPE_LINKS = 2
#: cosine from which a word of the scope counts as linked: every token is
#: some token's closest, so an unrelated word finds a partner too ("hidden" /
#: "adelantó": 0.43, "flood" / "río": 0.59; "asked" / "pedido": 0.79)
SCOPE_SIM = 0.7


#: words of a negation's scope read for an opposite in the other claim
OPPOSITE_SCOPE = 3


def denies_the_opposite(n: Negation, neg_claim: Claim, other: Claim) -> bool:
    """In one language: one of the first words the negation denies has its
    opposite in the other claim, which does not say the word itself -- "did
    not applaud the documentary" and "booed the documentary" tell one thing
    (opposites: the antonym table, or the language's lexical database)."""
    from .predicate import opposites

    span = _scope_span(neg_claim, n)
    if neg_claim.lang != other.lang or span is None:
        return False
    mine = {w.lower() for w in WORD_RE.findall(neg_claim.text)}
    scope = [w.lower() for w in WORD_RE.findall(neg_claim.text[span[0] - neg_claim.start:span[1] - neg_claim.start])]
    theirs = {w.lower() for w in WORD_RE.findall(other.text)} - mine
    return any(opposites(neg_claim.lang, w, t) for w in scope[:OPPOSITE_SCOPE] if len(w) > 2 for t in theirs)


def _scope_span(claim: Claim, n: Negation) -> tuple[int, int] | None:
    """Article offsets of what the cue ``n`` denies (its scope), or None."""
    if not n.scope:
        return None
    rel = claim.text.find(n.scope, n.end - claim.start)
    if rel < 0:
        return None
    return claim.start + rel, claim.start + rel + len(n.scope)


def _content(claim: Claim, span: tuple[int, int]) -> bool:
    """The token at ``span`` is (part of) a word that is no function word."""
    from ..lexicon import is_function_word

    rel = span[0] - claim.start
    for m in WORD_RE.finditer(claim.text):
        if m.start() <= rel < m.end():
            return not is_function_word(m.group().lower(), claim.lang) and len(m.group()) > 2
    return False


def _concept_partner(claim: Claim, span, other: Claim):
    """Article span of the word of ``other`` that the lexicon maps to the
    concept of the word of ``claim`` at ``span`` (``lang/<lang>/lexicon.toml``
    and the bilingual dictionaries), or None."""
    from ..lexicon import concept

    if span is None:
        return None
    c = concept(fold(claim.text[span[0] - claim.start:span[1] - claim.start]), claim.lang)
    if c is None:
        return None
    for m in WORD_RE.finditer(other.text):
        if len(m.group()) > 2 and concept(fold(m.group()), other.lang) == c:
            return other.start + m.start(), other.start + m.end()
    return None


def _words_before(claim: Claim, pos: int, k: int) -> int:
    """Start of the ``k``-th word before article offset ``pos`` in ``claim``."""
    starts = [claim.start + m.start() for m in WORD_RE.finditer(claim.text) if claim.start + m.end() <= pos]
    return starts[-k] if len(starts) >= k else claim.start


def _denies_near(claim: Claim, start: int, end: int) -> bool:
    """An effective negation cue of ``claim`` stands among the words from
    ``start`` to ``end``, or before them in the same clause: no punctuation
    and no clause word (the negation data's ``scope_stop``: "and", "but",
    "y", "pero") in between ("The Navy issued no tsunami warning"; "citizens
    who are not entitled to vote have also been registered", but not "had
    never hidden the spill and had already asked")."""
    for n in effective(claim):
        if start <= n.start < end or n.start <= start < n.end:
            return True
        if n.end <= start and _one_clause_gap(claim, n.end, start):
            return True
        if end <= n.start:
            # right after them: a cue that denies the object of the verb
            # denies the verb's event ("had found no faults" = had not found
            # any fault)
            gap = claim.text[end - claim.start:n.start - claim.start]
            if not _CLAUSE_MARK.search(gap) and len(WORD_RE.findall(gap)) <= AFTER_WORDS:
                return True
    return False


#: punctuation that ends a clause
_CLAUSE_MARK = re.compile(r"[,;:()\u2013\u2014]")


def _one_clause_gap(claim: Claim, lo: int, hi: int) -> bool:
    """The text of ``claim`` between article offsets ``lo`` and ``hi`` holds
    no punctuation and no clause word (the negation data's ``scope_stop``:
    "and", "but", "y", "pero"): what stands on either side is one clause."""
    from ..facts.negation import scope_stops

    gap = claim.text[max(0, lo - claim.start):max(0, hi - claim.start)]
    stop = scope_stops(claim.lang)
    return not _CLAUSE_MARK.search(gap) and not any(w.lower() in stop for w in WORD_RE.findall(gap))


#: words that may stand between the linked words and a cue right after them
#: for the cue to deny them (:func:`_denies_near`)
AFTER_WORDS = 1


def _core(claim: Claim, n: Negation) -> list[tuple[int, int]]:
    """Article spans of the words that carry the negation ``n``: in a cue of
    several words, those that are a cue on their own ("no" of "aún no",
    "not" of "not yet"), else those that are no function word ("refused" of
    "refused to"); a cue of one word is its own core."""
    from ..facts.negation import find as find_negations
    from ..lexicon import is_function_word

    words = [(n.start + m.start(), n.start + m.end(), m.group()) for m in WORD_RE.finditer(n.cue)]
    if len(words) <= 1:
        return [(n.start, n.end)]
    alone = [(s, e) for s, e, w in words if any(x[1] - x[0] == len(w) for x in find_negations(w, claim.lang))]
    return alone or [(s, e) for s, e, w in words if not is_function_word(w.lower(), claim.lang)]


def _cue_matched(claim: Claim, n: Negation, links, other: Claim, region=None) -> bool:
    """The word that carries the negation has a partner in the other claim
    that is no negation cue there: the other claim says it in other words
    ("has failed to tackle" / "has failed"; "refuses to publish" / "has
    resisted calls to publish").  With ``region`` (the other claim's words
    the negation's scope is linked to), only a partner in their clause
    counts: "ningún paciente ha notificado efectos adversos" / "varios
    pacientes han sufrido efectos adversos, y pidió que nadie deje el
    tratamiento" -- "nadie" answers "ningún" in another statement."""
    core = _core(claim, n)
    cues = effective(other)
    for x, y, sim in links:
        if sim >= SCOPE_SIM and any(s <= x[0] < e for s, e in core):
            if not any(m.start <= y[0] < m.end for m in cues) \
                    and (region is None or _one_clause(other, y, region)):
                return True
    return False


def _one_clause(claim: Claim, span: tuple[int, int], region: tuple[int, int]) -> bool:
    """``span`` and ``region`` (article offsets in ``claim``) stand in one
    clause (:func:`_one_clause_gap` between them)."""
    if region[0] <= span[0] < region[1]:
        return True
    lo, hi = (span[1], region[0]) if span[0] < region[0] else (region[1], span[0])
    return _one_clause_gap(claim, lo, hi)


#: content words at the start of a negation's scope, one of which must be
#: linked into the other claim across languages (``denied_linked``): "does
#: not currently have": "currently", "have"
DENIED_WORDS = 2


def _in_reason(claim: Claim, n: Negation) -> bool:
    """The cue ``n`` stands in a clause that gives a reason ("... running the
    contest because Four-Kings does not have ...": the ``reason`` words of
    ``lang/<lang>/clauses.toml``), after the statement it explains."""
    from .. import lang as lang_data

    before = " " + " ".join(claim.text[:n.start - claim.start].lower().split()) + " "
    return any(w in before for w in lang_data.load(claim.lang, "clauses").get("reason", ()))


def denied_linked(pair: Pair, neg_is_a: bool, n: Negation) -> bool:
    """Across languages, when the negation ``n`` stands in a clause giving a
    reason (:func:`_in_reason`), what it denies first (one of its scope's
    first ``DENIED_WORDS`` content words: the verb, or an adverb and the
    verb) is linked by the model's token alignment
    (``Pair.words``, at ``SCOPE_SIM``) to a word of the other claim:
    the other claim tells that, not something else of the same scene ("...
    because Four-Kings does not currently have any players that excel" / "...
    organiza una competición para encontrar jugadores capaces").  A reason
    is told beside the statement two sentences share, so the other sentence
    may well leave it out; a main clause's verb is not asked for, as the
    alignment of verbs is weak ("would not comply" / "acatará": no link).
    In one language :func:`scope_stated` reads the words themselves; with no
    scope or no aligned tokens this says nothing (True)."""
    claim, other = (pair.a, pair.b) if neg_is_a else (pair.b, pair.a)
    if claim.lang == other.lang or not pair.words or not _in_reason(claim, n):
        return True
    scope = _scope_span(claim, n)
    if scope is None:
        return True
    links = [(x.span_a, x.span_b, x.sim) if neg_is_a else (x.span_b, x.span_a, x.sim) for x in pair.words]
    first = [(claim.start + m.start(), claim.start + m.end()) for m in WORD_RE.finditer(claim.text)
             if scope[0] <= claim.start + m.start() < scope[1]
             and _content(claim, (claim.start + m.start(), claim.start + m.end()))][:DENIED_WORDS]
    return not first or any(s <= x[0] < e and sim >= SCOPE_SIM for x, _, sim in links for s, e in first)


def scope_stated_across(pair: Pair, neg_is_a: bool, n: Negation) -> bool:
    """Across languages, what the negation ``n`` denies is something the
    other claim states, as :func:`scope_stated` asks in one language: a
    content word of its scope has a token linked by the model's token
    alignment (``Pair.words``, at ``SCOPE_SIM``) into the other claim, or a
    concept of the lexicon in common with a word of it.  "La compañía ...
    afirmó que no hay ningún afectado y que devolverá el importe" does not
    deny "the firm's office in Quillon will handle the refunds": nothing
    there is "afectado".  With no scope, no aligned tokens, or in one
    language, this says nothing (True)."""
    from ..lexicon import concept, is_function_word

    claim, other = (pair.a, pair.b) if neg_is_a else (pair.b, pair.a)
    if claim.lang == other.lang or not pair.words:
        return True
    scope = _scope_span(claim, n)
    if scope is None:
        return True
    words = [(claim.start + m.start(), claim.start + m.end(), m.group()) for m in WORD_RE.finditer(claim.text)
             if scope[0] <= claim.start + m.start() < scope[1]]
    content = [(s, e, w) for s, e, w in words if len(w) > 2 and not is_function_word(w.lower(), claim.lang)]
    if not content:
        return True
    # and the words of its clause before the cue (from the last comma,
    # semicolon or colon), names and credits left out: "that the alarm on
    # the skylight had been switched off and never sounded" / "La alarma de
    # la claraboya saltó" (what is denied is the alarm's sounding; "sounded"
    # / "saltó" are not linked, "alarm" / "alarma" are)
    named = [(x.start, x.end) for x in claim.facts.entities] + [(x.start, x.end) for x in claim.facts.attributions]
    head = claim.text[:n.start - claim.start]
    cut = max(head.rfind(c) for c in ",;:") + 1
    before = [(claim.start + m.start(), claim.start + m.end(), m.group()) for m in WORD_RE.finditer(head, cut)]
    before = [(s, e, w) for s, e, w in before
              if len(w) > 2 and not is_function_word(w.lower(), claim.lang)
              and not any(a <= s < b for a, b in named)]
    links = [(x.span_a, x.sim) if neg_is_a else (x.span_b, x.sim) for x in pair.words]
    if any(s <= x[0] < e and sim >= SCOPE_SIM for x, sim in links for s, e, _ in content + before):
        return True
    theirs = {concept(w.lower(), other.lang) for w in WORD_RE.findall(other.text)} - {None}
    return any(concept(w.lower(), claim.lang) in theirs for _, _, w in content)


def _tellings_meet(pair: Pair, neg_is_a: bool, n: Negation) -> bool:
    """The telling that holds the negation and the telling of the other claim
    that holds what it denies are one event by the same-event bar
    (``common.clause_event``), though the whole sentences are not: "Quimeral
    said it would not appeal and would pay the fine" / "Quimeral, which
    employs 1,200 people at the site, said it would appeal"."""
    claim = pair.a if neg_is_a else pair.b
    scope = _scope_span(claim, n)
    if scope is None:
        return False
    for x in pair.words:
        mine, theirs = (x.span_a, x.span_b) if neg_is_a else (x.span_b, x.span_a)
        if mine[0] <= scope[0] < mine[1] or mine[0] == scope[0]:
            span_a, span_b = ((n.start, mine[1]), theirs) if neg_is_a else (theirs, (n.start, mine[1]))
            return clause_event(pair, span_a, span_b)
    return False


def aligned_denial(pair: Pair):
    """A negation of one claim denies what the other claim states: the words
    of its scope are linked, by the model's own token alignment
    (``Pair.words``), to words of the other claim that no negation of that
    claim denies ("Ergüeta aún no ha pedido el análisis de la contramuestra"
    / "he ... had asked for his B sample to be analysed", whatever else the
    two sentences deny).  Returns (the negated claim is ``pair.a``, the
    negation) or None."""
    if not pair.words:
        return None
    # a denied verb linked at its start first; one linked by a later sub-word
    # token only when no negation of either claim is ("descartó" meets
    # "ruled" only by "-tó" / "-d", but so does "ocultó" "adelantó"), and
    # when leaving the negation out brings the two claims closer (an ending
    # links two verbs that say the same thing the other way round just as
    # well: "la vía no reabrirá antes de diez días" / "la vía seguirá
    # cerrada al menos diez días" meet by "-rá", gain -0.01); then, across
    # languages, one the lexicon pairs with a word of the other claim
    found = _aligned_denial(pair, "start")
    if found is None and (negation_gain(pair) or 0.0) > 0.0:
        found = _aligned_denial(pair, "pieces")
    if found is None and pair.a.lang != pair.b.lang:
        found = _aligned_denial(pair, "lexicon")
    return found


def _aligned_denial(pair: Pair, mode: str):
    for neg_is_a in (True, False):
        claim, other = (pair.a, pair.b) if neg_is_a else (pair.b, pair.a)
        links = [(x.span_a, x.span_b, x.sim) if neg_is_a else (x.span_b, x.span_a, x.sim) for x in pair.words]
        for n in effective(claim):
            if _cancelled(claim, n) and not _has_double(other):
                continue  # "could not ... without" (see effective_against)
            scope = _scope_span(claim, n)
            if scope is None:
                continue
            linked = [(x, y, sim) for x, y, sim in links
                      if scope[0] <= x[0] < scope[1] and sim >= SCOPE_SIM and _content(claim, x)]
            # what is denied first (the verb) must be linked; in "pieces" by
            # any of its sub-word tokens: the model cuts the words of two
            # languages at different places
            m = WORD_RE.match(claim.text, scope[0] - claim.start)
            first_end = claim.start + m.end() if m and mode == "pieces" else scope[0] + 1
            if not any(x[0] <= scope[0] < x[1] or scope[0] <= x[0] < first_end for x, _, _ in linked):
                # across languages the lexicon may know the two words for one
                # concept where the model's tokens read apart ("would not
                # appeal" / "recurrirá la sentencia": 0.55); in one language
                # the same word reads close when it means the same
                known = _concept_partner(claim, (scope[0], claim.start + m.end()) if m else None, other) \
                    if mode == "lexicon" else None
                if known is None:
                    continue
                linked.append(((scope[0], claim.start + m.end()), known, 1.0))
            # and one more word: of the scope, or of the words just before the cue
            before = _words_before(claim, n.start, SCOPE_LINKS + 1)
            frame = [x for x, _, _ in links if before <= x[0] < n.start]
            if len(linked) + len(frame) < SCOPE_LINKS:
                continue
            region = (min(y[0] for _, y, _ in linked), max(y[1] for _, y, _ in linked))
            if _denies_near(other, *region):
                continue
            if _cue_matched(claim, n, links, other, region):
                continue
            return neg_is_a, n
    return None


#: how much closer to the other claim another clause of a negated sentence
#: must read than the negated clause, for the negation to deny something
#: the other claim does not tell ("A firefighter suffered minor burns ...;
#: no residents were injured" / "Un bombero ... sufrió quemaduras leves":
#: 0.13; "Talks ... broke down on Friday" / "Las negociaciones se rompieron
#: ..., y desde entonces no se ha fijado ninguna reunión": 0.08).  A clause
#: sharing the story's names reads close by them alone: "Cuba is a strong
#: ally of Russia, but ... it is 'not part of the conflict in Ukraine'" /
#: "Cuba forma parte de la guerra en Ucrania" reads 0.034 closer to the
#: first clause, and is a true denial
CLAUSE_MARGIN = 0.05


def denied_elsewhere(pair: Pair, neg_is_a: bool, n) -> bool:
    """The negation ``n`` sits in one clause of a sentence that joins
    several, and another clause reads closer to the other claim by
    ``CLAUSE_MARGIN``: the negation denies another statement than the one
    the two claims share ("Talks broke down on Friday" / "Las negociaciones
    se rompieron el miércoles ..., y desde entonces no se ha fijado ninguna
    reunión")."""
    mine = pair.variants_a if neg_is_a else pair.variants_b
    theirs = pair.variants_b if neg_is_a else pair.variants_a
    other = theirs.get(None)
    clauses = [(k, v) for k, v in mine.items() if isinstance(k, tuple) and len(k) == 3 and k[0] == "clause"]
    if other is not None and len(clauses) >= 2:
        own = [float(v @ other) for k, v in clauses if k[1] <= n.start < k[2]]
        rest = [float(v @ other) for k, v in clauses if not k[1] <= n.start < k[2]]
        return bool(own) and bool(rest) and max(rest) - own[0] >= CLAUSE_MARGIN
    from ..slots import MASKED_ALL

    return _denied_in_other_telling(mine, theirs.get(MASKED_ALL), n)


def _denied_in_other_telling(mine: dict, other, n) -> bool:
    """:func:`denied_elsewhere` for a sentence whose tellings are a relative
    clause and the rest (``slots.event_clauses``, slots masked): "El
    Ayuntamiento de Valdemora, que había ofrecido una recompensa de 20.000
    euros ..., aún no ha decidido si la pagará" tells the reward in its
    relative clause, which reads closer to "... the Fundación Herrera Soto
    had offered a €20,000 reward" than the telling its negation is in."""
    if other is None:
        return False
    tellings = [(k[1:], v) for k, v in mine.items() if isinstance(k, tuple) and k and k[0] == "event-clause"]
    if len(tellings) < 2 or not any(len(ranges) > 1 for ranges, _ in tellings):
        # (no relative clause: a temporal clause, "has not been picking up in
        # recent years after slumping during 2001", is read against the
        # other's whole sentence, which tells both, and would always lose)
        return False
    own = [float(v @ other) for ranges, v in tellings if any(x <= n.start < y for x, y in ranges)]
    rest = [float(v @ other) for ranges, v in tellings if not any(x <= n.start < y for x, y in ranges)]
    return bool(own) and bool(rest) and max(rest) - max(own) >= CLAUSE_MARGIN


def denial_only(pair: Pair, neg_is_a: bool, n: Negation) -> bool:
    """The negated claim says nothing but what its negation denies, and the
    other claim states all of it: every content word outside the cue stands
    in the negation's scope and is linked by the token alignment (at
    ``SCOPE_SIM``) into the other claim ("Nobody was injured." / "Dos
    personas resultaron heridas.").  A sentence that short reads far from
    any retelling once its slots are masked, so the same-event bar cannot
    speak for it; its every word can."""
    claim = pair.a if neg_is_a else pair.b
    scope = _scope_span(claim, n)
    if scope is None or not pair.words:
        return False
    words = [(claim.start + m.start(), claim.start + m.end()) for m in WORD_RE.finditer(claim.text)
             if _content(claim, (claim.start + m.start(), claim.start + m.end()))
             and not n.start <= claim.start + m.start() < n.end]
    if not words or any(not scope[0] <= s < scope[1] for s, _ in words):
        return False
    links = [(x.span_a if neg_is_a else x.span_b, x.sim) for x in pair.words]
    return all(any(s <= x[0] < e and sim >= SCOPE_SIM for x, sim in links) for s, e in words)


@register
class NEG001(Rule):
    """One source says it happened, the other that it did not.

    Inconsistent:
        en: "Cuba is taking part in the war in Ukraine."
        en: "Cuba is not taking part in the war in Ukraine."

    Consistent:
        en: "It is not clear if those individuals were affected by the operation."
        en: "Those individuals were affected by the operation."
    """

    code = "NEG001"
    name = "polarity-differs"
    kind = "negation"
    severity = "error"

    def nearest(self, pair: Pair) -> Iterable[Judgement]:
        """Verify mode: ``pair.b`` is the source sentence closest to the
        report sentence ``pair.a``; of the other polarity, it denies the
        report sentence when the negation is most of what tells them apart
        (:data:`NEAREST_GAIN`), whatever words the negation's scope uses."""
        if hedged(pair.a) or hedged(pair.b):
            return
        na, nb = effective_against(pair.a, pair.b), effective_against(pair.b, pair.a)
        na, nb = unshared(na, pair.a.lang, nb, pair.b.lang), unshared(nb, pair.b.lang, na, pair.a.lang)
        if bool(na) == bool(nb):
            return
        gain = negation_gain(pair)
        if gain is None or gain < float(self.option(pair.config, "nearest_gain", NEAREST_GAIN)):
            return
        neg_claim, n = (pair.a, na[0]) if na else (pair.b, nb[0])
        if denies_the_opposite(n, neg_claim, pair.b if na else pair.a):
            return
        yield self._judgement(pair, na, nb, 0.5)

    def _judgement(self, pair: Pair, na, nb, strength: float) -> Judgement:
        neg_art, n = (pair.art_a, na[0]) if na else (pair.art_b, nb[0])
        cue = neg_art.text[n.start:n.end]
        pos_art = pair.art_b if na else pair.art_a
        message = (f"Polarity differs: {label(neg_art)} says it did not happen ({quote(cue)}) "
                   f"but {label(pos_art)} says it did")
        span = (n.start, n.end)
        return Judgement(message=message,
                         value_a=cue if na else None, value_b=None if na else cue,
                         span_a=span if na else None, span_b=None if na else span,
                         compared=("negative" if na else "positive", "positive" if na else "negative",
                                   fold(n.scope or n.cue)),
                         confidence=0.5 + 0.4 * strength)

    def _aligned(self, pair: Pair) -> Iterable[Judgement]:
        """What one claim's negation denies, the other states (:func:`aligned_denial`)."""
        event = same_event(pair, float(self.option(pair.config, "margin_across", NEG_MARGIN_ACROSS)), best_ease=True)
        found = aligned_denial(pair)
        if found is None:
            return
        if not event and not denial_only(pair, *found) and not _tellings_meet(pair, *found):
            return  # the model must first tell one event in both, slots masked
        neg_is_a, n = found
        if denied_elsewhere(pair, neg_is_a, n):
            return
        yield self._judgement(pair, (n,) if neg_is_a else (), () if neg_is_a else (n,), 0.4)

    def _left_open(self, pair: Pair) -> Iterable[Judgement]:
        """One claim leaves open what the other denies (:func:`left_open`:
        "no descartó pagar el rescate" / "no ransom would be paid", "descartó
        pagar el rescate"): the denial and the open question bear on the same
        words (:func:`denies_alike`), in sentences that tell one event."""
        for o_is_a in (True, False):
            opened, other = (pair.a, pair.b) if o_is_a else (pair.b, pair.a)
            pairs = left_open(opened)
            if not pairs or hedged(other):
                continue
            links = tuple(pair.words or ())
            words = {(pair.a.id, pair.b.id): links,
                     (pair.b.id, pair.a.id): tuple(x._replace(span_a=x.span_b, span_b=x.span_a) for x in links)}
            # (a claim that leaves something open itself is hedged: skipped above)
            denials = effective_against(other, opened)
            event = same_event(pair, float(self.option(pair.config, "margin_across", NEG_MARGIN_ACROSS)),
                               best_ease=True)
            for outer, inner in pairs:
                m = next((m for m in denials if denies_alike(opened, inner, other, m, words)
                          or denies_alike(other, m, opened, inner, words)), None)
                if m is not None and not event and not _tellings_meet(pair, not o_is_a, m):
                    continue
                # or the other claim says the denying verb itself, of the same
                # thing, and denies nothing ("had not ruled out bringing water
                # by ship" / "shipping water in from the coast was ruled out":
                # a passive the cue list does not read as a denial)
                said = None if m is not None or denials or not event else _says_cue(opened, inner, other, words)
                if m is None and said is None:
                    continue
                o_art, d_art = (pair.art_a, pair.art_b) if o_is_a else (pair.art_b, pair.art_a)
                cue_o = o_art.text[outer.start:inner.end]
                span_o, span_d = (outer.start, inner.end), (m.start, m.end) if m is not None else said
                cue_d = d_art.text[span_d[0]:span_d[1]]
                yield Judgement(
                    message=(f"Polarity differs: {label(o_art)} leaves it open ({quote(cue_o)}) "
                             f"but {label(d_art)} says it will not happen ({quote(cue_d)})"),
                    value_a=cue_o if o_is_a else cue_d, value_b=cue_d if o_is_a else cue_o,
                    span_a=span_o if o_is_a else span_d, span_b=span_d if o_is_a else span_o,
                    compared=("open" if o_is_a else "negative", "negative" if o_is_a else "open",
                              fold(inner.scope or inner.cue)),
                    confidence=0.6)
                return

    def check(self, pair: Pair) -> Iterable[Judgement]:
        opened = list(self._left_open(pair))
        if opened:
            yield from opened
            return
        if hedged(pair.a) or hedged(pair.b):
            return
        na, nb = effective_against(pair.a, pair.b), effective_against(pair.b, pair.a)
        na, nb = unshared(na, pair.a.lang, nb, pair.b.lang), unshared(nb, pair.b.lang, na, pair.a.lang)
        if bool(na) == bool(nb):
            yield from self._aligned(pair)
            return
        # the masked texts leave negation cues out, so two claims of opposite
        # polarity about one event read as paraphrases; across languages a
        # looser bar (NEG_MARGIN_ACROSS) catches reworded translations
        if same_event(pair, float(self.option(pair.config, "margin_across", NEG_MARGIN_ACROSS)), best_ease=True):
            ok, strength = True, 0.5
        else:
            ok, strength = same_action(pair, set(), self.option(pair.config, "min_overlap", 0.6))
        if not ok:
            yield from self._aligned(pair)
            return
        # the model again: leaving the negation out must close a good part of
        # the distance between the two claims, or the negative sentence says
        # in other words what the other one says ("is not yet known" / "too
        # early to say")
        gain = negation_gain(pair)
        if gain is not None and gain < float(self.option(pair.config, "min_gain", NEG_GAIN)):
            # the sentences say more than the negation tells apart ("would
            # not appeal and would pay the fine" / "would appeal, and its
            # lawyers called the fine unfair"): the aligned words decide
            yield from self._aligned(pair)
            return
        neg_claim, n = (pair.a, na[0]) if na else (pair.b, nb[0])
        if not scope_stated(n, neg_claim, pair.b if na else pair.a):
            return
        if not denied_linked(pair, bool(na), n):
            return  # across languages: the denied verb has no partner in the other claim
        if not scope_stated_across(pair, bool(na), n):
            return  # across languages: nothing the negation denies is in the other claim
        if denies_the_opposite(n, neg_claim, pair.b if na else pair.a):
            return  # "did not applaud the film" / "booed the film" agree
        if denied_elsewhere(pair, bool(na), n):
            return  # the negation denies another clause's statement
        yield self._judgement(pair, na, nb, strength)


def left_open(claim: Claim) -> list[tuple[Negation, Negation]]:
    """(outer, inner) negations of ``claim`` where ``outer`` negates the cue
    ``inner`` itself, a verb that denies the verb after it: "no descartó
    pagar el rescate", "did not rule out paying".  The two undo each other's denial and leave ``inner``'s
    scope open: not said to happen, not said not to."""
    out = []
    negs = claim.facts.negations
    for outer in negs:
        for inner in negs:
            if inner is outer or inner.start < outer.end or not inner.scope:
                continue
            if not outer.scope or not fold(outer.scope).startswith(fold(inner.cue)):
                continue  # "were not racist and refused to apologise": two denials
            if claim.text[outer.end - claim.start:inner.start - claim.start].strip():
                continue  # the inner cue is the first thing the outer one denies
            out.append((outer, inner))
    return out


def _says_cue(opened: Claim, inner: Negation, other: Claim, words: dict):
    """Article span of the word of ``other`` that says ``opened``'s cue
    ``inner`` (the same word in one language, a lexicon concept across two),
    when ``other`` also says a content word of the cue's scope; else None."""
    scope = _scope_span(opened, inner)
    if scope is None:
        return None
    cue = sorted(_named_alike(opened, (inner.start, inner.end), other), key=lambda x: x[1])
    if not cue:
        return None
    if not _named_alike(opened, scope, other) and not _linked_into(words.get((opened.id, other.id)), opened,
                                                                     scope, other):
        return None
    start, end = cue[0][1]
    # the rest of the cue's words after it ("ruled" + " out")
    rest = fold(inner.cue).split()[1:]
    tail = re.match(r"(?:\s+\w+){%d}" % len(rest), other.text[end - other.start:]) if rest else None
    if tail and fold(tail.group()).split() == rest:
        end += tail.end()
    return start, end


def _word_at(claim: Claim, span: tuple[int, int]):
    """The whole word of ``claim`` that holds the token at ``span``, or None."""
    rel = span[0] - claim.start
    for m in WORD_RE.finditer(claim.text):
        if m.start() <= rel < m.end():
            return m.group().lower()
    return None


def _linked_into(words, claim: Claim, span: tuple[int, int], other: Claim) -> set:
    """Words of ``other`` that content tokens of ``claim`` within ``span`` are
    linked to (``words``: the pair's token links, ``claim`` first)."""
    out = set()
    for x in words or ():
        if span[0] <= x.span_a[0] < span[1] and x.sim >= SCOPE_SIM and _content(claim, x.span_a):
            w = _word_at(other, x.span_b)
            if w and len(w) > 2:
                out.add((w, x.span_b))
    return out


def _states_word(span, source: Claim, claim: Claim, words) -> bool:
    """``claim`` states the word of ``source`` at ``span``: a token linked to
    it (``words``: the token links of ``source`` and ``claim``), or the same
    word or concept (:func:`_named_alike`)."""
    if any(x.span_a[0] <= span[0] < x.span_a[1] and x.sim >= SCOPE_SIM for x in words or ()):
        return True
    return bool(_named_alike(source, span, claim))


def _named_alike(claim: Claim, span: tuple[int, int], other: Claim) -> set:
    """Words of ``other`` that are content words of ``claim`` within ``span``:
    the same word in one language, a concept of the lexicon in common across
    two ("appeal" / "recurrirá")."""
    from ..lexicon import concept

    mine = [m for m in WORD_RE.finditer(claim.text)
            if span[0] <= claim.start + m.start() < span[1] and len(m.group()) > 3
            and _content(claim, (claim.start + m.start(), claim.start + m.end()))]
    out = set()
    for t in WORD_RE.finditer(other.text):
        w = t.group().lower()
        if len(w) <= 3:
            continue
        at = (other.start + t.start(), other.start + t.end())
        for m in mine:
            x = m.group().lower()
            if claim.lang == other.lang:
                hit = _same_stem(fold(x), fold(w))
            else:
                c = concept(fold(x), claim.lang)
                hit = c is not None and c == concept(fold(w), other.lang)
            if hit:
                out.add((w, at))
    return out


def restates_denied(neg: Claim, n: Negation, pos: Claim, other: Claim, words: dict) -> bool:
    """``other`` states what ``pos`` states and ``neg``'s negation ``n``
    denies: the first word ``n`` denies (its scope's first content word) is
    said in ``other`` (the same word in one language, a lexicon concept
    across two), or a word of ``pos`` that the model's token alignment links
    to it (or that is that word or concept) is said in ``other`` too (the
    same tests, or a linked token).  "La aerolínea no ha ofrecido
    todavía reembolsos" / "passengers could claim a full refund": "every
    affected passenger had been offered a full refund" restates it, "the
    company is based in Lindmark" does not."""
    scope = _scope_span(neg, n)
    if scope is None:
        return False
    # what is denied first (the scope's first content word, the verb): "did
    # not applaud Ekdahl's documentary" is not restated by "Ekdahl
    # documentary shown in Halvorsen", nor "has not offered refunds" by
    # "refunds were discussed"
    denied_words = [(neg.start + m.start(), neg.start + m.end()) for m in WORD_RE.finditer(neg.text)
                    if scope[0] <= neg.start + m.start() < scope[1]
                    and _content(neg, (neg.start + m.start(), neg.start + m.end()))]
    from ..facts.negation import determiner_cues

    if fold(n.cue) in determiner_cues(neg.lang):
        # "no patient had reported ill effects": what is denied is said of the
        # patient ("reported"), whom "Patients should keep taking their
        # tablets" names too
        denied_words = denied_words[1:]
    first = denied_words[0] if denied_words else None
    if first is None:
        return False
    if _named_alike(neg, first, other):
        return True
    denied = _linked_into(words.get((neg.id, pos.id)), neg, first, pos) | _named_alike(neg, first, pos)
    return any(_states_word(span, pos, other, words.get((pos.id, other.id))) for _, span in denied)


def denies_alike(neg: Claim, n: Negation, other: Claim, m: Negation, words: dict) -> bool:
    """The negation ``m`` of ``other`` denies what ``n`` of ``neg`` denies: a
    word of one's scope is the same word, a lexicon concept or a linked
    token of the other's scope."""
    a, b = _scope_span(neg, n), _scope_span(other, m)
    if a is None or b is None:
        return False
    for w, span in _linked_into(words.get((other.id, neg.id)), other, b, neg):
        if a[0] <= span[0] < a[1]:
            return True
    return any(a[0] <= span[0] < a[1] for _, span in _named_alike(other, b, neg))
