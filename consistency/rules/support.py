"""SUP: is a claim of a report under review backed by its sources?

These rules judge one claim of the report (``consistency verify``) against
the source claims closest to it, not a pair inside a cluster, so their
:meth:`check` finds nothing in ``consistency check``.  The judging lives here
(:func:`judge`); :mod:`consistency.verify` finds the candidates and stamps the
findings.

Two kinds of evidence are weighed:

* **candidates** - source claims close to the report claim by embedding; one
  that is close enough, has the same polarity and that no contradiction rule
  fired on *supports* the claim;
* **facts** - every number, date, name and credited source of the report claim
  is looked up in an index of all source facts (:class:`SourceIndex`).  A fact
  found in no source at all is the strongest sign of an invented detail.

Statuses: ``supported`` (SUP000), ``unsupported`` (SUP001: no close source
claim and none of its facts found), ``partial`` (SUP002: supported, or some
facts found, but at least one fact appears in no source).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..facts.names import acronym
from ..records import AGE_NOTE, Attribution, Claim, Entity, Quantity, TimeRef
from .base import Judgement, Pair, Rule, register
from .actor import name_determiners
from .common import PHRASE_SAME_ACROSS, SLOT_GAIN, fold, quote, same_entity
from .negation import effective, scope_stated
from .quantity import common_unit, disjoint

WORDS = re.compile(r"\w+")

#: margins below the model's link threshold (config.link_threshold()):
#: candidates are source claims at or above ``threshold - CANDIDATE_MARGIN``;
#: a candidate supports on similarity alone at or above ``threshold - SUPPORT_MARGIN``
#: (negative: above the threshold; on real summaries -0.02 balanced missed
#: and false warnings best: ``benchmarks/verify_real.py``).
#: Both can be changed per project in ``[consistency:rules:SUP000]``
#: (``candidate_margin``, ``support_margin``).
CANDIDATE_MARGIN = 0.05
SUPPORT_MARGIN = -0.02
#: each clause of a compound report sentence must reach ``threshold -
#: CLAUSE_MARGIN`` against some source sentence or clause (``clause_margin``):
#: a clause on its own reads further from its source than the whole sentence
CLAUSE_MARGIN = 0.0
#: a candidate that shares none of the claim's facts supports it only this far
#: above the support similarity (a near-verbatim restatement)
STRONG_MARGIN = 0.06
#: two names the model puts at least this close, each embedded on its own, are
#: one name written two ways ("American" / "US" 0.92, "UK" / "Britain" 0.94,
#: "the Conservatives" / "the Tories" 0.92); different names of one kind sit
#: lower ("Microsoft" / "Google" 0.89, "Glasgow" / "Edinburgh" 0.88, two
#: people 0.80-0.82).  ``[consistency:rules:SUP000]`` ``name_alias``.
NAME_ALIAS = 0.91
#: a report sentence no source sentence backs, each of whose names, amounts
#: and dates the sources state, is reported as info, not a warning, when its
#: closest source sentence reads at least this far above the link threshold
#: (``[consistency:rules:SUP001] loose_margin``): it joins or rewords
#: sentences ("The British team beat the favourites, the USA, by one
#: hundredth of a second, finishing in 38.07 seconds": 0.87).  Set the
#: rule's severity to warning to have these raised too.
LOOSE_MARGIN = 0.0
#: a clause this little above the support bar is still unbacked when most of
#: its content words are in no source of its language (``with_unbacked_parts``)
NOVEL_MARGIN = 0.03
#: a report sentence and its closest source sentence tell the same event apart
#: from one name or amount each when, with just those two masked, they are
#: this far above the link threshold (and closer than unmasked).
#: ``[consistency:rules:SUP000]`` ``swap_margin``.
SWAP_MARGIN = 0.03
#: a detail the sentence its words come from replaces by another
#: (:func:`window_swaps`): with both masked, the words around the two read at
#: least this alike ("by [X] investment firm Highfields" / "from [X]-based
#: private investment firm Highfields" 0.91; a person and an event in
#: different places of their sentences 0.83-0.88).  ``role_min``.
ROLE_MIN = 0.90
#: the same across languages (a translation reads a little further):
#: "con sede en [X]" / "from [X]-based" 0.89.  ``role_min_across``.
ROLE_MIN_ACROSS = 0.88
#: :func:`window_swaps` reading the words around a detail without it: they
#: must read closer to the sentence they come from than to any sentence that
#: states the detail by this much ("[X]'s win in the 60m hurdles was the
#: best British result": 0.05 over the sentence on Purkiss's 400m; a chance
#: lead of a short window: 0.00-0.02) ...
MOVED_MARGIN = 0.03
#: ... and the two details stand alike this much above ``role_min``
MOVED_ROLE = 0.02


# ------------------------------------------------------------------ facts
@dataclass(frozen=True)
class Fact:
    """One checkable detail of a report claim."""

    kind: str  # quantity | date | entity | attribution
    text: str  # as written in the report
    start: int
    end: int
    item: object  # the Quantity, TimeRef, Entity or Attribution


@functools.lru_cache(maxsize=None)
def _pronouns(lang: str) -> frozenset:
    """``pronouns`` of ``lang/<lang>/attributions.toml`` (folded)."""
    from .. import lang as langdata

    return frozenset(fold(w) for w in langdata.load(lang, "attributions").get("pronouns", []))


def facts_of(claim: Claim, described: bool = True) -> list[Fact]:
    """The checkable details of a claim, in text order, de-duplicated by span.

    An entity that is the source of an attribution is reported once, as the
    attribution.  With ``described`` False a source described in words ("the
    board", "la junta") is left out: across languages it is no detail to look
    up by name (the ATT rules compare it).
    """
    f = claim.facts
    out: list[Fact] = []
    att_spans = [(a.source_start if a.source_start is not None else a.start,
                  a.source_end if a.source_end is not None else a.end) for a in f.attributions]
    pronouns = _pronouns(claim.lang)
    for a, (s, e) in zip(f.attributions, att_spans):
        if not described and (a.key or "").startswith("src:"):
            continue  # a source described in words ("la junta"): only looked up in its own language
        if fold(a.source or "") in pronouns:
            continue  # "He said ...": a pronoun names no one to look up
        out.append(Fact("attribution", a.source, s, e, a))
    for q in f.quantities:
        out.append(Fact("quantity", q.text, q.start, q.end, q))
    for t in f.dates:
        out.append(Fact("date", t.text, t.start, t.end, t))
    for ent in f.entities:
        if any(s <= ent.start < e or ent.start <= s < ent.end for s, e in att_spans):
            continue
        out.append(Fact("entity", ent.text, ent.start, ent.end, ent))
    out.sort(key=lambda x: (x.start, x.end, x.kind))
    seen, unique = set(), []
    for x in out:
        if (x.start, x.end) not in seen:
            seen.add((x.start, x.end))
            unique.append(x)
    return unique


class SourceIndex:
    """Every quantity, date, entity and credited source of the source claims.

    ``find(fact)`` returns the source claims holding a matching fact, so both
    "is this detail anywhere in the sources?" and "where?" are answered.
    """

    def __init__(self, claims: Iterable[Claim], rates: Optional[dict] = None, slack: float = 0.05,
                 phrases: Optional[dict] = None, alias_min: float = NAME_ALIAS):
        self.rates = {k.upper(): v for k, v in (rates or {}).items()}
        self.slack = slack
        #: unit vector of each name as written (``name_texts``), when the model gave them
        self.phrases = phrases or {}
        self.alias_min = alias_min
        self.written: list[tuple[str, Claim]] = []
        self.langs: set[str] = set()
        self.quantities: list[tuple[Quantity, Claim]] = []
        self.dates: list[tuple[TimeRef, Claim]] = []
        self.names: dict[str, list[Claim]] = {}
        self.entities: list[tuple[Entity, Claim]] = []
        self.texts: list[tuple[str, Claim]] = []
        for c in claims:
            self.quantities += [(q, c) for q in c.facts.quantities]
            self.dates += [(t, c) for t in c.facts.dates]
            self.entities += [(e, c) for e in c.facts.entities]
            for key in [e.key for e in c.facts.entities] + [a.key for a in c.facts.attributions]:
                if key:
                    self.names.setdefault(fold(key), []).append(c)
            self.texts.append((fold(c.text), c))
            self.written += [(t, c) for t in name_texts(c)]
            self.langs.add(c.lang)

    def find(self, fact: Fact, lang: Optional[str] = None) -> list[Claim]:
        """Source claims stating ``fact`` (compatibly), in index order."""
        if fact.kind == "quantity":
            return self._quantity(fact.item)
        if fact.kind == "date":
            return self._date(fact.item)
        return self._name(fact, lang)

    def _quantity(self, q: Quantity) -> list[Claim]:
        """Source quantities that imply ``q``: their interval lies within the
        claim's ("more than 85,000" is not backed by "more than 25,000")."""
        out = []
        for sq, c in self.quantities:
            if q.note == AGE_NOTE and sq.kind == "count" and sq.unit is None and sq.value == q.value:
                out.append(c)  # an age the source writes bare: "Omar and Amie, both 16, married"
                continue
            both = common_unit(q, sq, self.rates, self.slack)
            if both is not None and (_within(both[1], both[0], self.slack)
                                     or _centre_within(both[1], both[0], self.slack)):
                out.append(c)
        return out

    def _date(self, t: TimeRef) -> list[Claim]:
        out = []
        for st, c in self.dates:
            if t.resolved and st.resolved and t.low and st.low:
                # an open end ("since 2008": no high) reaches to the end of time
                t_high, st_high = t.high or _dt.date.max, st.high or _dt.date.max
                if not (t_high < st.low or st_high < t.low):
                    out.append(c)
            elif fold(t.text) == fold(st.text) or (t.relative and st.relative and t.relative == st.relative):
                out.append(c)  # "last year" / "el año pasado" where one side has no publication date
        return out

    def _name(self, fact: Fact, lang: Optional[str] = None) -> list[Claim]:
        item = fact.item
        key = fold(item.key) if getattr(item, "key", "") else ""
        out = list(self.names.get(key, [])) if key else []
        if isinstance(item, Entity):
            out += [c for e, c in self.entities if c not in out and e.key != item.key
                    and same_entity(item, e)]
        # the name as written, anywhere in a source sentence: names across
        # languages, and "Media Council" in "The Ugandan Media Council said"
        name = fold(fact.text)
        if len(name) >= 3 or (len(name) == 2 and fact.text.isupper()):  # "US", "EU"
            out += [c for t, c in self.texts if c not in out and _has_phrase(t, name)]
        if not out:  # initials: "SNP" / "Scottish National Party"
            out = [c for t, c in self.written if acronym(fact.text, t) or acronym(t, fact.text)]
        if not out:  # the model reads them as one name: "American" / "US", "la junta" / "the board"
            out = [c for t, c in self.written if not _other_given_name(fact.text, t) and same_name(
                fact.text, t, self.phrases,
                min(self.alias_min, PHRASE_SAME_ACROSS) if lang and c.lang != lang else self.alias_min)]
        return out

    def after_opening_word(self, fact: "Fact", lang: Optional[str] = None) -> list[Claim]:
        """Source claims naming ``fact``'s name without its first word, when
        that word opens the report's sentence and the sources write it (or a
        word it shares its first five letters with) in lower case only: an
        ordinary word capitalised by its place ("Featuring Dido").  "Ian
        Fleming" for "Colin Fleming" stays unfound: "ian" is no word of the
        sources."""
        words = fact.text.split()
        if len(words) < 2 or not isinstance(fact.item, Entity):
            return []
        first = fold(words[0])
        if len(first) < 3 or not first.isalpha():
            return []
        stem = first[:5]
        written = re.compile(r"(?<!\w)%s%s" % (re.escape(stem if len(first) >= 5 else first),
                                               "" if len(first) >= 5 else r"(?!\w)"))
        lower = any(written.search(c.text) for _, c in self.texts)  # as written: in lower case
        if not lower:
            return []
        capital = re.compile(r"[^\W\d_],? %s(?!\w)" % re.escape(words[0][:1].upper() + words[0][1:]))
        if any(capital.search(c.text) for _, c in self.texts):
            return []  # the sources write it capitalised mid-sentence: part of a name
        rest = " ".join(words[1:])
        tail = Entity(rest, fact.item.type, "", fact.start + len(fact.text) - len(rest), fact.end)
        return self._name(Fact("entity", rest, tail.start, tail.end, tail), lang)

    def undatable(self, fact: "Fact") -> bool:
        """``fact`` is the current year, month, week or day left unresolved
        (no publication date to read it by), and no source gives that unit
        another relative date ("last year" against "this year")."""
        from ..facts.dates import RELATIVE

        t = fact.item
        if fact.kind != "date" or not isinstance(t, TimeRef) or t.resolved:
            return False
        unit, offset = RELATIVE.get(t.relative or "", (None, None))
        if unit is None or offset != 0:
            return False
        return not any(RELATIVE.get(st.relative or "", (None, None))[0] == unit
                       and RELATIVE[st.relative][1] != 0 for st, _ in self.dates)


@functools.lru_cache(maxsize=None)
def _ordinal_suffixes(lang: str) -> tuple[str, ...]:
    """``[exclude] ordinal_suffixes`` of ``lang/<lang>/quantities.toml``."""
    from .. import lang as langdata

    return tuple(langdata.load(lang, "quantities").get("exclude", {}).get("ordinal_suffixes", []))


def numeral_written(q: Quantity, claim: Claim) -> bool:
    """``claim`` writes the whole number of ``q`` in a form the extractor
    reads as no amount: an ordinal ("the 60th anniversary" for "60 years
    since") or one side of a score ("a 2-0 defeat" for "dos goles")."""
    if q.kind not in ("count", "measure") or not q.value or q.value < 0 or not float(q.value).is_integer():
        return False
    text, number = claim.text, str(int(q.value))
    suffixes = _ordinal_suffixes(claim.lang)
    for m in re.finditer(r"(?<![\d.,])%s(?![\d,]|\.\d)" % number, text):
        after, before = text[m.end():m.end() + 4], text[max(0, m.start() - 3):m.start()]
        if any(after.startswith(s) and not after[len(s):len(s) + 1].isalpha() for s in suffixes):
            return True
        if re.match(r"\s?[-\u2013]\s?\d", after) or re.search(r"\d\s?[-\u2013]\s?$", before):
            return True
    return False


def _centre_within(inner, outer, slack: float) -> bool:
    """The value ``inner`` states (the middle of a bounded interval) lies in
    ``outer``: "25 million" is backed by "about 25 million", "about 10
    million" by "10 million"; an open interval ("more than 25,000") has no
    middle and must lie within ``outer`` whole."""
    if not (math.isfinite(inner.low) and math.isfinite(inner.high)) or inner.low_open or inner.high_open:
        return False
    centre = (inner.low + inner.high) / 2
    return _within(dataclasses.replace(inner, low=centre, high=centre), outer, slack)


def content_stems(text: str) -> set[str]:
    """The first four letters of each word of four letters or more."""
    return {w[:4] for w in re.findall(r"[^\W\d_]{4,}", fold(text))}


def known_share(text: str, stems: set[str]) -> float:
    """Share of the content words of ``text`` (see :func:`content_stems`) in ``stems``."""
    mine = content_stems(text)
    return len(mine & stems) / len(mine) if mine else 1.0


def name_texts(claim: Claim) -> list[str]:
    """Each name and credited source of ``claim`` as written (spaces folded), once."""
    from ..slots import name_phrases

    out = []
    for _, t in name_phrases(claim):
        if t not in out:
            out.append(t)
    return out


def _other_given_name(x: str, y: str) -> bool:
    """Two full names of one family name with different first names: two
    people ("Ian Vallard" / "Colin Vallard"), however close the model reads
    them.  An initial names no one else ("C. Vallard")."""
    wx, wy = fold(x).split(), fold(y).split()
    if len(wx) < 2 or len(wy) < 2 or wx[-1] != wy[-1]:
        return False
    fx, fy = wx[0].rstrip("."), wy[0].rstrip(".")
    if len(fx) < 2 or len(fy) < 2 or fx in _all_titles() or fy in _all_titles():
        return False  # a title is no first name: "President Vallard" / "Colin Vallard"
    return fx != fy and x.split()[0][:1].isupper() and y.split()[0][:1].isupper()


@functools.lru_cache(maxsize=1)
def _all_titles() -> frozenset:
    """The title words of every language (``actor.title_words``): a report
    and its source may be in two."""
    from .. import lang as langdata
    from .actor import title_words

    return frozenset().union(*(title_words(x) for x in langdata.available_languages()))


def same_name(x: str, y: str, phrases: dict, alias_min: float) -> bool:
    """One name written two ways: the gazetteer says so when it knows both
    ("Havana" is not "Cuba", however close the model puts a capital and its
    country); otherwise the model puts the two, each embedded on its own, at
    or above ``alias_min``."""
    from ..facts.entities import gazetteer_same

    known = gazetteer_same(x, y)
    if known is not None:
        return known and x != y
    vx, vy = phrases.get(x), phrases.get(y)
    return vx is not None and vy is not None and x != y and float(vx @ vy) >= alias_min


def _within(inner, outer, slack: float) -> bool:
    """``inner`` lies inside ``outer`` widened by the relative ``slack``
    (stated conversions are rounded)."""
    low = outer.low - abs(outer.low) * slack if math.isfinite(outer.low) else outer.low
    high = outer.high + abs(outer.high) * slack if math.isfinite(outer.high) else outer.high
    return inner.low >= low and inner.high <= high


def swapped(claim: Claim, source: Claim, phrases: Optional[dict] = None,
            alias_min: float = NAME_ALIAS) -> list[tuple[Fact, Fact]]:
    """Facts of ``claim`` that ``source`` replaces by another of the same kind.

    For a near-verbatim source sentence: a number, date or name of the claim
    that the sentence does not state, while the sentence states one of the
    same kind that the claim does not (a substitution, not an addition).
    """
    here = SourceIndex([source], phrases=phrases, alias_min=alias_min)
    there = SourceIndex([claim], phrases=phrases, alias_min=alias_min)
    mine = [f for f in facts_of(claim) if not here.find(f)]
    theirs = [f for f in facts_of(source) if not there.find(f)]
    out = []
    for f in mine:
        g = next((g for g in theirs if g.kind == f.kind and not _same_stem(f.text, g.text)
                  and not _described(f) ^ _described(g) and not _describes(f, g, source)
                  and _same_context(claim, f, source, g)), None)
        if g is not None:
            theirs.remove(g)
            out.append((f, g))
    return out


def _only_in(pair: Pair, span_a, span_b, margin: float) -> bool:
    """With just the two slots masked, the sentences are at least ``margin``
    above the link threshold, and closer than unmasked."""
    va, vb = pair.variants_a.get(tuple(span_a)), pair.variants_b.get(tuple(span_b))
    pa, pb = pair.variants_a.get(None), pair.variants_b.get(None)
    if va is None or vb is None or pa is None or pb is None:
        return False
    masked = float(va @ vb)
    return masked >= pair.config.link_threshold() + margin and masked - float(pa @ pb) >= SLOT_GAIN


def model_swaps(pair: Pair, phrases: Optional[dict] = None, alias_min: float = NAME_ALIAS,
                margin: float = None) -> list[tuple[Fact, Fact]]:
    """Names and amounts of the report claim (``pair.a``) that the source
    sentence (``pair.b``) replaces by another, decided by the model: with just
    the two masked, the sentences tell the same event, and masking them brings
    the sentences closer (``differ_only_in``).  "Tobacco shares rose, with
    Lorillard up 5%" / "... with Altria rising 5%": Lorillard is in the
    article, but not in this role.  Empty when the pipeline gave no vectors."""
    margin = SWAP_MARGIN if margin is None else margin
    here = SourceIndex([pair.b], phrases=phrases, alias_min=alias_min)
    there = SourceIndex([pair.a], phrases=phrases, alias_min=alias_min)
    kinds = ("entity", "attribution", "quantity")
    mine = [f for f in facts_of(pair.a) if f.kind in kinds and not here.find(f)]
    theirs = [g for g in facts_of(pair.b) if g.kind in kinds and not there.find(g)]
    out = []
    for f in mine:
        for g in theirs:
            same_kind = f.kind == g.kind or {f.kind, g.kind} <= {"entity", "attribution"}
            if same_kind and not _described(f) ^ _described(g) and not _describes(f, g, pair.b) \
                    and _only_in(pair, (f.start, f.end), (g.start, g.end), margin):
                out.append((f, g))
                theirs.remove(g)
                break
    return out


def _named(fact: Fact) -> bool:
    """An amount, a date, a name, or a source credited by name (not "he",
    "officials", "the minister")."""
    if fact.kind != "attribution":
        return True
    key = getattr(fact.item, "key", "") or ""
    return not key.startswith(("src:", "role:"))


def _alike(f: Fact, g: Fact, rates: dict, slack: float) -> bool:
    """Two details that could stand in one place: names of one type, amounts
    of one unit, dates of a day, week or month."""
    if {f.kind, g.kind} <= {"entity", "attribution"}:
        tf, tg = getattr(f.item, "type", None), getattr(g.item, "type", None)
        return _named(f) and _named(g)
    if f.kind != g.kind:
        return False
    if f.kind == "quantity":  # "two points" is not in the place of "the last four"
        return (common_unit(f.item, g.item, rates, slack) is not None
                and (f.item.measures or "") == (g.item.measures or ""))
    if f.kind == "date":
        fine = ("day", "week", "month", "part-of-month")
        return f.item.granularity in fine and g.item.granularity in fine
    return False


def window_swaps(claim: Claim, index: "SourceIndex", prefer, role_min: float = None,
                 role_min_across: float = None, articles=None,
                 report: Sequence[Claim] = ()) -> list[tuple[Fact, Fact, Claim]]:
    """Details of ``claim`` that the source sentence their own words come
    from replaces by another.  The words around each detail (``prefer.home``)
    read closest to one source sentence; when that sentence does not state
    the detail but states another of its kind that the claim does not, the
    claim took the sentence and changed the detail: "... offered $3.25bn by
    New York investment firm Highfields" / "The bid has come from
    Boston-based private investment firm Highfields" (New York is in the
    article, as where the shares trade).  A detail found in no source at all
    is reported as missing instead.  The other detail must stand in the
    same place: with the two masked, the words around them read alike
    (``prefer.role`` at least ``role_min``, ``ROLE_MIN``; across languages
    ``role_min_across``).

    The words around a detail include the detail, so a name the article
    uses elsewhere pulls them to its own sentence ("Melanie Purkiss's win in
    the 60m hurdles ..." reads closest to the sentence on Purkiss's 400m);
    read without the detail, they must then lead the sentences that state
    it by ``MOVED_MARGIN``, and the two details stand alike by
    ``MOVED_ROLE`` more (short windows without their detail read alike
    easily).  The sentences read are those of ``articles`` (the source
    articles that support the claim), when given: a detail comes from the
    article that tells the rest.  A detail the report states elsewhere (the
    claims of ``report``) is not what this one replaced: "... arrested in
    Operation Firewall" is no swap for "arrested by the National Hi-Tech
    Crime Unit" in a report that names the unit in its next sentence."""
    if prefer is None or not hasattr(prefer, "home"):
        return []
    role_min = ROLE_MIN if role_min is None else role_min
    role_min_across = ROLE_MIN_ACROSS if role_min_across is None else role_min_across
    there = SourceIndex([claim, *report], index.rates, index.slack, index.phrases, index.alias_min)
    out = []
    for f in facts_of(claim):
        if f.kind not in ("entity", "attribution", "quantity", "date") or not _named(f):
            continue
        if not claim.start <= f.start < f.end <= claim.start + len(claim.text):
            continue  # a source credited from outside the sentence (its paragraph's)
        holders = index.find(f, claim.lang)
        if not holders or any(_phrase_kept(claim, f, h) for h in holders):
            continue
        for masked in (False, True):
            home, _, _ = prefer.home(claim, f, masked=masked, articles=articles)
            if home is None:
                continue
            here = SourceIndex([home], index.rates, index.slack, index.phrases, index.alias_min)
            if here.find(f, claim.lang):
                continue
            if masked and prefer.lead(claim, f, home, holders) < MOVED_MARGIN:
                continue
            bar = (role_min if home.lang == claim.lang else role_min_across) + (MOVED_ROLE if masked else 0.0)
            alike = [g for g in facts_of(home) if _alike(f, g, index.rates, index.slack)
                     and not there.find(g, home.lang) and not _describes(f, g, home)]
            scored = sorted(((prefer.role(claim, f, home, g), g) for g in alike), key=lambda x: -x[0])
            if scored and scored[0][0] >= bar and _worded(claim, scored[0][1], prefer):
                break  # the claim says the other detail in a common word: "ID" / "identity"
            if scored and scored[0][0] >= bar:
                out.append((f, scored[0][1], home))
                break
    return out


#: cosine from which a common word of the report reads as a name of the
#: source (``_worded``): "ID" / "identity" 0.92; "ID" / "Boston" 0.85,
#: "New York" / "Boston" 0.87
WORDED_MIN = 0.91


def _worded(claim: Claim, g: Fact, prefer) -> bool:
    """The claim says the source's name ``g`` in a common word of its own
    ("the alleged identity fraud site Shadowcrew.com" / "Dozens held over ID
    fraud site"): ``g`` was not replaced.  Names only; the model reads one
    word against the name (``prefer.worded``)."""
    worded = getattr(prefer, "worded", None)
    if worded is None or g.kind not in ("entity", "attribution"):
        return False
    return worded(claim, g.text) >= WORDED_MIN


#: types of a name that may describe an organisation or a person it stands
#: before ("the US company", "a Spanish rider"), and the types of the names
#: it may describe (an unknown name too: "Boeing" is in no table)
DESCRIBING_TYPES = ("LOC", "NORP")
DESCRIBED_TYPES = ("ORG", "PER", "MISC")
#: lowercase words that may stand between the determiner and the describing name
DESCRIBING_REACH = 2


def _describes(f: Fact, g: Fact, source: Claim) -> bool:
    """``g`` is a place or nationality that the source sentence sets between
    a determiner and a common noun, describing who it speaks of ("The US
    company also said ...", "with the new Polish operator"), and ``f`` names
    an organisation or a person (or a name of unknown type): the report
    named the one the sentence describes ("Boeing said"), which is no swap.
    (The report's name is in the sources, or no swap is asked.)"""
    tf, tg = getattr(f.item, "type", None), getattr(g.item, "type", None)
    if tf not in DESCRIBED_TYPES or tg not in DESCRIBING_TYPES:
        return False
    text = source.text
    s, e = g.start - source.start, g.end - source.start
    after = re.match(r"\s+([^\W\d_]+)", text[e:])
    if not after or not after.group(1)[:1].islower() or fold(after.group(1)) in _verb_words(source.lang):
        return False  # "The US said ...": the name itself does it
    # a determiner before it, maybe past a lowercase word or two ("the new
    # Polish operator", "a new Indian budget airline")
    determiners = name_determiners(source.lang)
    for word in reversed(text[:s].split()[-(DESCRIBING_REACH + 1):]):
        if fold(word) in determiners:
            return True
        if not word[:1].islower():
            return False
    return False


@functools.lru_cache(maxsize=None)
def _verb_words(lang: str) -> frozenset:
    """Reporting verbs, auxiliaries and adverbs of ``lang/<lang>/attributions.toml``:
    words after a name that make it the subject, not a description."""
    from .. import lang as langdata

    data = langdata.load(lang, "attributions")
    keys = ("verbs", "told", "passive_auxiliaries", "clause_words", "adverbs", "object_verbs")
    return frozenset(fold(w) for k in keys for w in data.get(k, []))


def _phrase_kept(claim: Claim, f: Fact, source: Claim) -> bool:
    """``source`` states ``f`` next to the same word of content as the claim
    does: the claim took the phrase with it ("The Ben Stiller comedy also
    set records" / "The sequel to the Ben Stiller comedy Meet The Parents";
    "told the Observer he was ..." / "He told the Observer his worst ...")."""
    before, after = _content_neighbours(claim, f)
    for g in facts_of(source):
        if not (g.kind == f.kind or {f.kind, g.kind} <= {"entity", "attribution"}) or fold(g.text) != fold(f.text):
            continue
        b2, a2 = _content_neighbours(source, g)
        if (before and before == b2) or (after and after == a2):
            return True
    return False


def _content_neighbours(claim: Claim, fact: Fact, reach: int = 2) -> tuple[str, str]:
    """The nearest word of content (:func:`content_stems`) within ``reach``
    words before and after a fact in its claim ("told the Observer": told)."""
    before, after = _words_around(claim, fact)
    near_b = next((w for w in reversed(before[-reach:]) if content_stems(w)), "")
    near_a = next((w for w in after[:reach] if content_stems(w)), "")
    return near_b, near_a


def _described(fact: Fact) -> bool:
    """A source described in words ("a report says", "officials said"): a
    name in its place ("The National Audit Office says") may be the same
    source, named; it does not replace it."""
    return fact.kind == "attribution" and (getattr(fact.item, "key", "") or "").startswith("src:")


def _words_around(claim: Claim, fact: Fact) -> tuple[list[str], list[str]]:
    """The folded words of the claim before a fact (nearest last) and after it."""
    return (WORDS.findall(fold(claim.text[:fact.start - claim.start])),
            WORDS.findall(fold(claim.text[fact.end - claim.start:])))


def _neighbours(claim: Claim, fact: Fact) -> tuple[str, str]:
    """The folded words just before and just after a fact in its claim."""
    before, after = _words_around(claim, fact)
    return (before[-1] if before else ""), (after[0] if after else "")


def _same_context(claim: Claim, f: Fact, source: Claim, g: Fact) -> bool:
    """The two facts sit between the same words: one replaced the other."""
    (b1, a1), (b2, a2) = _neighbours(claim, f), _neighbours(source, g)
    return bool((b1 and b1 == b2) or (a1 and a1 == a2))


def _same_stem(x: str, y: str) -> bool:
    """"Cuba" / "Cuban Authorities": one starts with the other's first word stem."""
    a, b = fold(x), fold(y)
    return bool(a and b) and (a[:4] == b[:4])


def _has_phrase(text: str, phrase: str) -> bool:
    i = text.find(phrase)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(phrase)] if i + len(phrase) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(phrase, i + 1)
    return False


# ------------------------------------------------------------------ judging
@dataclass(frozen=True)
class Candidate:
    """A source claim close to the report claim, with what the rules said."""

    pair: Pair  # a = report claim, b = source claim
    similarity: float
    contradicted: bool  # a contradiction rule fired on this pair


@dataclass(frozen=True)
class Verdict:
    """The SUP outcome for one report claim (``code`` None: contradicted, see rules)."""

    code: str
    status: str
    message: str
    confidence: float
    supports: tuple[Candidate, ...]  # best first, one per source article
    missing: tuple[Fact, ...]  # facts found in no source
    nearest: Optional[Candidate] = None
    severity: Optional[str] = None  # instead of the rule's own


def polarity(claim: Claim) -> bool:
    """True when the claim denies something (hedges and idioms left out)."""
    return bool(effective(claim))


def opposed(claim: Claim, source: Claim) -> bool:
    """One denies what the other states: polarities differ and the negation
    denies something the other sentence says (``scope_stated``)."""
    na, nb = effective(claim), effective(source)
    if bool(na) == bool(nb):
        return False
    neg, other, n = (claim, source, na[0]) if na else (source, claim, nb[0])
    return scope_stated(n, neg, other)


def _denies_elsewhere(claim: Claim, source: Claim, prefer, vector) -> bool:
    """The source's negation is in a clause of it other than the one that
    reads closest to the report sentence (``vector``): "Ronaldino wasted a
    chance ..., but Torres made no such mistake" does not deny "Ronaldino
    wasted a chance"."""
    if prefer is None or vector is None or effective(claim) or not hasattr(prefer, "off_clause"):
        return False
    negs = effective(source)
    return bool(negs) and all(prefer.off_clause(source, n.start, vector) for n in negs)


#: linked words around a report detail and the source detail it stands in
#: the place of for a swap (``align.SlotLink.context``: 2-4 for a name put in
#: another's place, 0-1 for a detail joined from elsewhere)
SWAP_CONTEXT = 2


def aligned_swaps(claim: Claim, source: Claim, subs: list, prefer) -> list:
    """The swaps of ``subs`` the aligned tokens confirm: the report's detail
    stands, among linked words, in the place of a different detail of the
    same kind in the source sentence, which is the one reported ("Maurice
    Greene" where "Jason Gardener" stands, whatever detail the words
    suggested).  Unchanged when no token vectors are at hand."""
    find = getattr(prefer, "partner", None)
    if find is None or getattr(prefer, "tokens", None) is None:
        return subs
    theirs = {(x.start, x.end): x for x in facts_of(source)}
    out = []
    for f, g in subs:
        span, context = find(claim, f, source)
        h = theirs.get(span)
        if h is None or context < SWAP_CONTEXT or fold(h.text) == fold(f.text):
            continue
        if h.kind != f.kind and not {f.kind, h.kind} <= {"entity", "attribution"}:
            continue
        out.append((f, h))
    return out


def judge(claim: Claim, candidates: Sequence[Candidate], index: SourceIndex,
          support_min: float, prefer=None, loose_min: Optional[float] = None,
          vector=None, report: Sequence[Claim] = ()) -> Verdict:
    """Supported, partial or unsupported, for a claim with no contradiction kept.

    ``prefer(claim, fact, x, y)``, when given, says whether the words around
    ``fact`` in the claim read at least as close to source claim ``x`` as to
    ``y`` (the model decides which sentence a joined claim takes a detail
    from)."""
    facts = facts_of(claim, described=claim.lang in index.langs)
    found = {f: index.find(f, claim.lang) for f in facts}
    close_sources = [c.pair.b for c in sorted(candidates, key=lambda c: (-c.similarity, c.pair.b.id))
                     if c.similarity >= support_min]
    for f in facts:
        if not found[f] and f.kind == "quantity":
            # a figure a close source sentence writes as no amount: "Marking
            # 60 years since ..." / "the 60th anniversary", "dos goles" / "a
            # 2-0 defeat"
            found[f] = [s for s in close_sources if numeral_written(f.item, s)][:1]
    for f in facts:
        if not found[f] and f.kind == "entity" and f.start == claim.start:
            # a word that opens the sentence is capitalised anyway: "Featuring
            # Dido, ..." names Dido when the sources name her and write the
            # first word in lower case ("those featured on the new version")
            found[f] = index.after_opening_word(f, claim.lang)
    # the current year, week or day ("this year's Billboard awards") says
    # nothing a source without a publication date could confirm, unless a
    # source dates it otherwise ("last year")
    facts = [f for f in facts if found[f] or not index.undatable(f)]
    missing = tuple(f for f in facts if not found[f])
    known = [f for f in facts if found[f]]
    supports = []
    for cand in sorted(candidates, key=lambda c: (-c.similarity, c.pair.b.id)):
        if cand.contradicted or (opposed(claim, cand.pair.b)
                                 and not _denies_elsewhere(claim, cand.pair.b, prefer, vector)):
            continue
        mine = [f for f in known if cand.pair.b in found[f]]
        close = cand.similarity >= support_min and (
            mine or not facts or not missing or cand.similarity >= support_min + STRONG_MARGIN)
        if close or (facts and len(mine) == len(facts)) or (
                len(mine) >= 2 and len(mine) * 2 >= len(facts)):
            supports.append(cand)
    best_per_article, seen = [], set()
    for cand in supports:
        if cand.pair.b.article not in seen:
            seen.add(cand.pair.b.article)
            best_per_article.append(cand)
    nearest = max(candidates, key=lambda c: (c.similarity, c.pair.b.id), default=None)
    if best_per_article:
        top = best_per_article[0]
        subs = model_swaps(top.pair, index.phrases, index.alias_min,
                           SUP000.option(top.pair.config, "swap_margin", SWAP_MARGIN))
        if not subs and top.similarity >= support_min + STRONG_MARGIN:
            subs = swapped(claim, top.pair.b, index.phrases, index.alias_min)
        # a detail another close sentence states is not swapped when the words
        # around it come from that sentence: the claim joins two sentences
        # ("... plans to defend his world title in Helsinki in August"); they
        # come from the closest one when it is a swap ("He will face British
        # Olympic relay champions Maurice Greene" / "... gold medallists Jason
        # Gardener"; Greene is named elsewhere, as a sprinter also taking part)
        # (any source sentence stating the detail: the other half of a joined
        # sentence may read far from the whole)
        others = [c.pair.b for c in candidates if c.pair.b is not top.pair.b and c.similarity >= support_min]

        def elsewhere(f: Fact) -> bool:
            holders = [o for o in others if o in found.get(f, ())]
            if prefer is None:
                return bool(holders)
            anywhere = [o for o in found.get(f, ()) if o is not top.pair.b and o not in holders]
            if not holders + anywhere:
                return False
            return (any(prefer(claim, f, o, top.pair.b) for o in holders)
                    or any(prefer(claim, f, o, top.pair.b, masked=True) for o in anywhere)
                    or getattr(prefer, "apart", lambda *a: False)(claim, f, top.pair.b))

        subs = [(f, g) for f, g in subs if not elsewhere(f)
                and not any(_phrase_kept(claim, f, h) for h in found.get(f, ()))]
        subs = [(f, g) for f, g in aligned_swaps(claim, top.pair.b, subs, prefer)
                if not _describes(f, g, top.pair.b)]
        if not subs:
            config = top.pair.config
            moved = window_swaps(claim, index, prefer, SUP000.option(config, "role_min", ROLE_MIN),
                                 SUP000.option(config, "role_min_across", ROLE_MIN_ACROSS),
                                 articles={c.pair.b.article for c in best_per_article}, report=report)
            # (not a detail the closest sentence as a whole states: the words
            # around it may come from a neighbouring sentence the claim joins)
            moved = [m for m in moved if top.pair.b not in found.get(m[0], index.find(m[0], claim.lang))]
            if moved:
                f, g, home = moved[0]
                return Verdict("SUP002", "partial",
                               f"Partly supported: {f.kind} {quote(f.text)} is not what {top.pair.art_b.label} "
                               f"says in the sentence its words come from ({quote(g.text)}: {quote(home.text)})",
                               0.7, (top,), tuple(x for x, _, _ in moved), nearest)
        if subs:
            f, g = subs[0]
            return Verdict("SUP002", "partial",
                           f"Partly supported: {f.kind} {quote(f.text)} is not what {top.pair.art_b.label} "
                           f"says in the closest sentence ({quote(g.text)})",
                           0.7, (top,), tuple(x for x, _ in subs), nearest)
    if best_per_article and not missing:
        top = best_per_article[0]
        return Verdict("SUP000", "supported",
                       f"Supported by {top.pair.art_b.label}: {quote(top.pair.b.text)}",
                       min(1.0, 0.5 + top.similarity / 2), tuple(best_per_article[:3]), (), nearest)
    if missing and (best_per_article or known):
        names = ", ".join(f"{f.kind} {quote(f.text)}" for f in missing)
        where = (f"the rest is supported by {best_per_article[0].pair.art_b.label}"
                 if best_per_article else "its other details appear in the sources")
        return Verdict("SUP002", "partial", f"Partly supported: {names} appears in no source; {where}",
                       0.6 + 0.1 * min(3, len(missing)), tuple(best_per_article[:3]), missing, nearest)
    if not best_per_article and not missing and facts and prefer is not None and nearest is not None:
        # no one source sentence states it, though each detail is in the
        # sources: the sentence its words come from may give another detail
        # in one's place ("Marley had planned to tour Africa with John Lennon
        # in 1981, ..." / "Well 1981 was to be the year he toured Africa with
        # Stevie Wonder"; Lennon is named elsewhere in the article)
        config = nearest.pair.config
        moved = window_swaps(claim, index, prefer, SUP000.option(config, "role_min", ROLE_MIN),
                             SUP000.option(config, "role_min_across", ROLE_MIN_ACROSS), report=report)
        if moved:
            f, g, home = moved[0]
            where = next((c.pair.art_b.label for c in candidates if c.pair.b.article == home.article), home.article)
            return Verdict("SUP002", "partial",
                           f"Partly supported: {f.kind} {quote(f.text)} is not what {where} "
                           f"says in the sentence its words come from ({quote(g.text)}: {quote(home.text)})",
                           0.6, (), tuple(x for x, _, _ in moved), nearest)
    loose = (not missing and bool(facts) and nearest is not None and loose_min is not None
             and nearest.similarity >= loose_min)
    if missing:
        names = ", ".join(f"{f.kind} {quote(f.text)}" for f in missing)
        msg = f"No source states this; {names} appears in no source"
    elif loose:
        # a sentence that joins or rewords several source sentences: every
        # name, amount and date of it is in the sources, and its wording
        # reads close to them; said, not raised
        msg = "No one source sentence states this, though each of its details is in the sources"
    else:
        msg = "No source states this"
    if nearest is not None:
        msg += f" (closest: {nearest.pair.art_b.label}, similarity {nearest.similarity:.2f})"
    conf = 0.9 if missing else (0.7 if nearest is None else max(0.3, 1.0 - nearest.similarity))
    return Verdict("SUP001", "unsupported", msg, conf, (), missing, nearest, "info" if loose else None)


def with_unbacked_parts(verdict: Verdict, claim: Claim,
                        parts: Sequence[tuple[str, float, Optional[float], bool]],
                        support_min: float) -> Verdict:
    """A supported verdict turned partial when a clause of the claim is backed
    by no source: "The court ruled 2-1 ..., and the government said it would
    appeal to the Supreme Court" is close to the ruling as a whole, its second
    half is in no source.  ``parts``: each clause's text, its best similarity
    to any source sentence or clause, and the share of its content words the
    sources of its language use (None: no source in its language), and
    whether one source sentence uses all its content words.  A clause is
    unbacked below ``support_min``, or a little above it (``NOVEL_MARGIN``)
    when most of its words are in no source; a clause all of whose words one
    source sentence uses is backed ("Mark Lewis-Francis was disqualified" /
    "... if only he hadn't got himself disqualified": a short clause reads
    far from a long sentence)."""
    if verdict.code != "SUP000":
        return verdict
    weak = [(text, sim) for text, sim, known, worded in parts
            if not worded and (sim < support_min
                               or (sim < support_min + NOVEL_MARGIN and known is not None and known < 0.5))]
    if not weak:
        return verdict
    facts = []
    for text, *_ in weak:
        at = claim.text.find(text.rstrip(" ."))
        start = claim.start + max(0, at)
        facts.append(Fact("clause", text.rstrip(" ."), start, start + len(text.rstrip(" .")), None))
    names = ", ".join(quote(f.text) for f in facts)
    top = verdict.supports[0]
    return Verdict("SUP002", "partial",
                   f"Partly supported: {names} is in no source; the rest is supported by {top.pair.art_b.label}",
                   0.6, verdict.supports, tuple(facts), verdict.nearest)


# ------------------------------------------------------------------ registry entries
class _SupportRule(Rule):
    kind = "support"

    def check(self, pair: Pair) -> Iterable[Judgement]:
        """Claim-level rule: judged by ``consistency verify`` (see :func:`judge`)."""
        return ()


@register
class SUP000(_SupportRule):
    """A claim of the report under review is stated by a source.

    Recorded for the reader (severity info) with the closest supporting source
    claim, one per source article.  Only ``consistency verify`` reports it.

    Inconsistent:
        report: "Cuba has been a close ally of Russia since 1959."
        source: (no sentence about the alliance)  ->  SUP001, not SUP000

    Consistent:
        report: "Cuba has been a close ally of Russia since the revolution of 1959."
        source: "Cuba has been a close ally of Russia since the Cuban Revolution in 1959."
    """

    code = "SUP000"
    name = "supported"
    severity = "info"


@register
class SUP001(_SupportRule):
    """A claim of the report under review appears in no source.

    No source claim is close to it by meaning, and none of its numbers,
    dates or names are found in the sources.  Only ``consistency verify``
    reports it.

    Inconsistent:
        report: "Bruno Rodríguez said Cuba would expel every Russian recruiter."
        source: (nothing about expulsions or recruiters being expelled)

    Consistent:
        report: "Cuba said it is not part of the war in Ukraine."
        source: "“Cuba is not part of the war in Ukraine,” the foreign ministry said."
    """

    code = "SUP001"
    name = "unsupported"
    kind = "unsupported"
    severity = "warning"


@register
class SUP002(_SupportRule):
    """A claim of the report under review is only partly backed by the sources.

    Some of its details match a source, but a number, a date or a name it
    states is found in no source at all: the finding names that detail.
    Only ``consistency verify`` reports it.

    Inconsistent:
        report: "On 12 August the Ryazan Vedomosti newspaper reported that Cubans had signed up."
        source: "In May, the Ryazan Vedomosti newspaper reported that Cubans had signed up."
                (when no source gives any date: "12 August" is named as not found)

    Consistent:
        report: "The Ryazan Vedomosti newspaper reported that Cubans had signed up."
        source: "In May, the Ryazan Vedomosti newspaper reported that Cubans had signed up."
    """

    code = "SUP002"
    name = "partly-supported"
    severity = "warning"
