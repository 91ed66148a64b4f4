"""ATT: who a claim is credited to.

Only named sources are compared: "the statement", "it", "el informe" name
nobody (see ``[attribution] generic_sources`` in ``lang/<lang>/rules.toml``).
When the two claims share a source, nothing is reported.  Otherwise the names
are checked with the extractors' ``same_outlet`` helper: a likely match (a
translated or transliterated outlet name) is ATT002, a real difference ATT001.

Sources found across sentences (``consistency/facts/discourse.py``) take part
in ATT001 only, with less confidence: a generic mention resolved to a source
named earlier ("the report said" -> "a British intelligence report") is
weighed ``RESOLVED_WEIGHT``, a source the article credits in its lead
(``how="inherited"``) ``INHERITED_WEIGHT``; the message says which side is
inferred and from where.  Two inherited sides are never compared (two leads
crediting different outlets say nothing about one claim).  ATT002 (naming)
looks at sources named in the sentences themselves only.
"""
from __future__ import annotations

import re

from typing import Iterable, Optional

from ..facts.attributions import name_parts, role
from ..records import Attribution
from .actor import COGNATE_LENGTH, COGNATE_RATIO, across_languages
from .base import Judgement, Pair, Rule, register
from .common import (PHRASE_DIFFERENT, PHRASE_SAME_ACROSS, differ_only_in, fold, generic_source,
                     label, linked, near_linked, phrase_similarity, quote, retells_other_telling, rules_data,
                     same_event, same_outlet, same_topic)
from .negation import aligned_denial
from .quantity import disjoint, matches
from rapidfuzz import fuzz

#: key namespaces of names the extractors know in every language (gazetteer, glossary)
KNOWN_NAMESPACES = ("outlet", "per", "role")
#: key namespace of a source named by its position only ("the chief executive said")
ROLE_NAMESPACE = "role"

#: confidence factor of a side whose source was found in an earlier sentence
RESOLVED_WEIGHT = 0.7
#: confidence factor of a side whose source is the one its article credits in its lead
INHERITED_WEIGHT = 0.5
WEIGHTS = {"explicit": 1.0, "resolved": RESOLVED_WEIGHT, "inherited": INHERITED_WEIGHT}


def translated(x: Attribution, y: Attribution) -> bool:
    """Two unknown organisation names in two languages that share a cognate
    ("Oficina Nacional de Emergencias" / "National Emergency Office"):
    likely one name translated, not two sources.  Names of people and outlets
    are not translated, and known institutions already share a key.  Words
    the glossary translates ("ministry", "nacional") are compared as concepts,
    never as cognates: "Ministerio de Salud" and "Environment Ministry" differ
    by their concepts (health, environment) however alike "ministerio" and
    "ministry" look."""
    if _namespace(x.key) in KNOWN_NAMESPACES or _namespace(y.key) in KNOWN_NAMESPACES:
        return False
    if "/" in x.key or "/" in y.key:
        return False  # glossary institutions: the concept decides
    cx, ox = name_parts(x.source)
    cy, oy = name_parts(y.source)
    if not (cx <= cy or cy <= cx):
        return False  # each name has a concept the other lacks
    for a in (w for w in ox if len(w) >= COGNATE_LENGTH):
        for b in (w for w in oy if len(w) >= COGNATE_LENGTH):
            if a[:6] == b[:6] or fuzz.ratio(a, b) >= COGNATE_RATIO:
                return True
    return False


def named(claim, inferred: bool = True) -> list[Attribution]:
    """The claim's sources that name somebody; ``inferred=False``: only those
    stated in the sentence itself."""
    return [x for x in claim.facts.attributions if not generic_source(x, claim.lang)
            and (inferred or x.how == "explicit")]


def described(claim) -> list[Attribution]:
    """Sources stated in the sentence that are described in words rather
    than named ("the city council said", "según la policía regional",
    "firefighters said"): key namespace ``src``, neither a pronoun nor one of
    the ``generic_sources`` that credit nobody ("the statement", "officials")."""
    generic = {fold(s) for s in rules_data(claim.lang).get("attribution", {}).get("generic_sources", [])}
    out = []
    for x in claim.facts.attributions:
        if x.how != "explicit" or _namespace(x.key) != "src" or x.source_start is None:
            continue
        written = _written(x, claim.lang)  # without articles and outlet descriptors
        if written and written not in generic and fold(x.source) not in generic:
            out.append(x)
    return out


def described_verdict(pair: Pair, x: Attribution, y: Attribution) -> Optional[str]:
    """"same", "different" or None (cannot tell) for two sources of which at
    least one is described in words.  In one language, one description
    holding the other's words ("the council" / "the city council") is the
    same source; otherwise the model decides, each source embedded on its
    own: at or above the translation bar the same, at or below
    ``PHRASE_DIFFERENT`` different, nothing in between.  A position without
    a name against an organisation says nothing, as in :func:`compare` ("a
    spokeswoman said" / "the regional health ministry said")."""
    if positions(x, y, pair.a.lang, pair.b.lang) == "unknown":
        return None
    wx, wy = set(_written(x, pair.a.lang).split()), set(_written(y, pair.b.lang).split())
    if pair.a.lang == pair.b.lang and wx and wy and (wx <= wy or wy <= wx):
        return "same"
    sim = phrase_similarity(pair, _span(x), _span(y))
    if sim is None:
        return None
    opt = pair.config.rule_option
    if sim >= float(opt("SAME-EVENT", "phrase-same-across", PHRASE_SAME_ACROSS)):
        return "same"
    if sim <= float(opt("SAME-EVENT", "phrase-different", PHRASE_DIFFERENT)):
        return "different"
    return None


def _span(att: Attribution) -> tuple[int, int]:
    if att.source_start is not None and att.source_end is not None:
        return att.source_start, att.source_end
    return att.start, att.end


def _value_span(att: Attribution) -> Optional[tuple[int, int]]:
    """Where to mark the source in the claim's sentence: the name; for a
    resolved mention the generic phrase standing for it ("the report said");
    for an inherited source nothing (it is named in the lead, not here)."""
    if att.how == "inherited":
        return None
    if att.how == "resolved":
        return att.start, att.end
    return _span(att)


def _namespace(key: str) -> str:
    return key.split(":", 1)[0] if ":" in key else ""


def _written(att: Attribution, lang: str) -> str:
    """The source's name as written, folded, without leading articles."""
    data = rules_data(lang).get("attribution", {})
    articles = {fold(w) for w in data.get("articles", [])}
    descriptors = {fold(w) for w in data.get("descriptors", [])}
    words = [w for w in fold(att.source).split() if w not in descriptors]
    while words and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def positions(x: Attribution, y: Attribution, lang_x: str, lang_y: str) -> Optional[str]:
    """How two sources compare when one is a position without a name ("the
    chief executive said"): "same" or "different" position, or "unknown"
    (the other side is a person whose position is not given, or an
    organisation); None when neither side is a bare position."""
    rx, ry = _namespace(x.key) == ROLE_NAMESPACE, _namespace(y.key) == ROLE_NAMESPACE
    if not (rx or ry):
        return None
    if rx and ry:
        return "same" if x.key == y.key else "different"
    bare, other, lang = (x, y, lang_y) if rx else (y, x, lang_x)
    known = role(other, lang) if _namespace(other.key) == "per" else None
    if known is None:
        return "unknown"
    return "same" if known == role(bare, lang) else "different"


def _names_other(x, y) -> bool:
    """Source ``x`` as written holds ``y``'s whole name ("Halden Pictures
    spokesman Oren Vasko" speaks for Halden Pictures and is Oren Vasko), or
    the two end in the same name of two words or more ("Lib Dem leader
    Charles Kennedy" / "Liberal Democrat leader Charles Kennedy", whatever
    outlet either told it to)."""
    outer, inner = fold(x.source or ""), fold(y.source or "")
    if len(inner) < 3:
        return False
    if outer == inner:
        return True
    hx, hy = _head_name(x.source or ""), _head_name(y.source or "")
    if hx and hx == hy:
        return True
    return re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer) is not None


def _told_within(x: Attribution, claim) -> bool:
    """The source ``x`` is named in ``claim`` outside its own sources: the
    other claim reports it at one remove ("Gordon Brown told him: ..." /
    "Mr Peston's book claimed that Mr Brown told Mr Blair: ...";
    "Lord Goldsmith warned ..." / "A book by Philippe Sands says Lord
    Goldsmith warned ...").  A person counts by surname too."""
    if _namespace(x.key) not in ("per", "org", "outlet"):
        return False
    own = [_span(a) for a in claim.facts.attributions]
    ents = [e for e in claim.facts.entities if not any(s <= e.start < t for s, t in own)]
    if any(e.key == x.key for e in ents):
        return True
    if _namespace(x.key) != "per":
        return False
    last = _surname(x.key)
    return len(last) >= 3 and any(e.type == "PER" and _surname(e.key) == last and _one_person(x.key, e.key)
                                  for e in ents)


def _one_person(x: str, y: str) -> bool:
    """Two person keys that may name one person: equal, or one of them a
    surname alone ("per:brown" / "per:gordon-brown"); "Dana Whitlock" and
    "Tomás Whitlock" are two."""
    bx, by = x.split(":", 1)[-1], y.split(":", 1)[-1]
    return bx == by or "-" not in bx or "-" not in by


def _surname(key: str) -> str:
    """The last word of a person's key ("per:gordon-brown": "brown")."""
    return key.split(":", 1)[-1].rsplit("-", 1)[-1]


def _head_name(text: str) -> str:
    """The last run of two or more capitalised words of a source as written,
    folded ("charles kennedy"); "" when there is none."""
    runs = re.findall(r"(?:[^\W\d_][\w'’-]*\s+)+[^\W\d_][\w'’-]*", text)
    for run in reversed(runs):
        words = run.split()
        caps = []
        for w in reversed(words):
            if not w[0].isupper():
                break
            caps.append(w)
        if len(caps) >= 2:
            return fold(" ".join(reversed(caps)))
    return ""


def compare(pair: Pair, renamed_namespaces: set[str], inferred: bool = True):
    """("same"|"likely"|"different", x, y, explanation) for the named sources.

    "same": a source both claims name in the same words (or an organisation named
    differently outside ``renamed_namespaces``, or one position: "chief
    executive Marta Olivares" and "the chief executive"); "likely": the same
    outlet under another name (same key with different wording, or the
    extractors' ``same_outlet`` says so); "different": no source in common.
    A position set against a person of unknown position, or against an
    organisation, is not compared.
    """
    xs, ys = named(pair.a, inferred), named(pair.b, inferred)
    if not xs or not ys:
        return _compare_described(pair, xs, ys)
    likely, comparable = None, []
    for x in xs:
        for y in ys:
            if _names_other(x, y) or _names_other(y, x):
                return "same", x, y, ""  # "Halden Pictures spokesman Oren Vasko" / "Halden Pictures"
            if _one_name_typed_two_ways(x, y):
                return "same", x, y, ""  # "a group calling itself Grey Lantern" / "el grupo Grey Lantern"
            if _told_within(x, pair.b) or _told_within(y, pair.a):
                continue  # "Gordon Brown told him" / "Mr Peston's book claimed that Mr Brown told ...": not two credits
            by_position = positions(x, y, pair.a.lang, pair.b.lang)
            if by_position == "same":
                return "same", x, y, ""
            if by_position is not None:
                if by_position == "different":
                    comparable.append((x, y))
                continue
            comparable.append((x, y))
            if fold(x.key) == fold(y.key):
                if (_written(x, pair.a.lang) == _written(y, pair.b.lang)
                        or _namespace(x.key) not in renamed_namespaces):
                    return "same", x, y, ""
            same, why = same_outlet(x, y)
            if not (same or x.key == y.key):
                continue
            if _namespace(x.key) not in renamed_namespaces or _namespace(y.key) not in renamed_namespaces:
                return "same", x, y, ""  # one institution named two ways: not reported
            if likely is None:
                likely = ("likely", x, y, why or "")
    if likely is not None:
        return likely
    if not comparable:
        return None
    if pair.a.lang != pair.b.lang and any(translated(x, y) for x, y in comparable):
        return "same", comparable[0][0], comparable[0][1], ""
    return "different", comparable[0][0], comparable[0][1], ""


#: key namespaces of sources that name nobody: a position, or words
UNNAMED_NAMESPACES = ("src", ROLE_NAMESPACE)


def _one_name_typed_two_ways(x: Attribution, y: Attribution) -> bool:
    """One name read as two kinds of source: the same name under two key
    namespaces (``per:grey-lantern`` / ``org:grey-lantern``: the extractor
    guesses a name's type from its words, and two sentences word it
    differently)."""
    nx, ny = _namespace(x.key), _namespace(y.key)
    if nx == ny or nx in UNNAMED_NAMESPACES or ny in UNNAMED_NAMESPACES:
        return False
    bx, by = x.key.split(":", 1)[-1], y.key.split(":", 1)[-1]
    return bool(bx) and bx == by


def _may_describe(pair: Pair, x: Attribution, y: Attribution) -> bool:
    """One of ``x``, ``y`` is a person, the other a description in words,
    and the two articles tie them: the person's article uses the
    description, or the description's article names the person ("The Tory
    leader said his front bench team had reached a collective view" / "Mr
    Howard last week said his front bench team had reached a collective
    view" in articles that also write "Tory leader Michael Howard").  A post
    described and a person named may be one speaker; that is no
    contradiction to report."""
    for p, d, p_art, d_art, d_lang in ((x, y, pair.art_a, pair.art_b, pair.b.lang),
                                       (y, x, pair.art_b, pair.art_a, pair.a.lang)):
        if _namespace(p.key) != "per" or _namespace(d.key) != "src":
            continue
        words = _written(d, d_lang)
        if not words:
            continue
        if re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", fold(p_art.text)) \
                or re.search(r"(?<!\w)" + re.escape(_surname(p.key)) + r"(?!\w)", fold(d_art.text)):
            return True
    return False


def _compare_described(pair: Pair, xs: list, ys: list):
    """:func:`compare` when a side names nobody: its sources described in
    words are compared, by the model, with the other side's named or
    described sources; "different" only when every such pairing is, and
    when the two claims differ only in those sources (masking just them
    makes paraphrases: ``differ_only_in``)."""
    dx = [x for x in described(pair.a) if x not in xs]
    dy = [y for y in described(pair.b) if y not in ys]
    if not (dx or dy):
        return None
    pairs = [(x, y) for x in xs + dx for y in ys + dy if x in dx or y in dy]
    if not pairs:
        return None
    if any(_may_describe(pair, x, y) for x, y in pairs):
        return None
    verdicts = [(described_verdict(pair, x, y), x, y) for x, y in pairs]
    if any(v != "different" for v, _, _ in verdicts):
        return None
    # and the claims tell one event apart from those two sources: masking
    # just them makes paraphrases, closer than the plain sentences
    verdicts = [(x, y) for _, x, y in verdicts if differ_only_in(pair, _span(x), _span(y))]
    if not verdicts:
        return None
    x, y = verdicts[0]
    return "different", x, y, ""


def agreeing_amounts(pair: Pair, slack: float = 0.05) -> int:
    """Quantities of one measure concept whose values agree (matched as the QTY
    rules match them): "495.000 rublos (5.300 dólares)" as a signing bonus and
    "over $5,000" in initial payments.  Language-free evidence, with a direct
    link, that two claims state the same fact."""
    return sum(1 for prio, _, _, _, qa, qb, ia, ib in matches(pair, slack)
               if prio == 0 and not disjoint(ia, ib))


#: date precisions that tie two linked claims to one event ("last week" /
#: "la semana pasada" resolved to the same week); months and years do not
SHARED_DATE_GRANULARITIES = ("day", "week")


def shared_dates(pair: Pair) -> int:
    """Resolved dates both claims state, to the day or the week: language-free
    evidence, with a direct link, that they tell the same event."""
    def days(claim):
        return {(d.low, d.high) for d in claim.facts.dates
                if d.resolved and d.granularity in SHARED_DATE_GRANULARITIES}
    return len(days(pair.a) & days(pair.b))


def _source_text(pair_article, att: Attribution, claim=None) -> str:
    s, e = _told_span(claim, att) or _span(att)
    return pair_article.text[s:e]


def _told_span(claim, att: Attribution) -> Optional[tuple[int, int]]:
    """For a told-to attribution whose key is the outlet told ("relató a
    Onda Albarén la alcaldesa ..., Encarna Ribelles": the speaker is the
    source, the outlet the key), the outlet's name in the claim: it is what
    the rules compare, so it is what a finding shows.  None otherwise."""
    if claim is None or att.how != "explicit":
        return None
    s, t = _span(att)
    for e in claim.facts.entities:
        if e.key == att.key and att.start <= e.start < att.end and not s <= e.start < t:
            return e.start, e.end
    return None


def inferred_note(article, att: Attribution) -> str:
    """Where an inferred source comes from, for the message ("" when explicit)."""
    if att.how == "inherited":
        return f"{label(article)} credits its reporting to {quote(att.source)} (in its lead)"
    if att.how == "resolved":
        return (f"{label(article)}'s {quote(att.text)} refers to {quote(att.source)}, "
                f"named in an earlier sentence")
    return ""


#: shared words make two claims of one language the same statement only when
#: the model, with their slots masked, also reads them this close (over the
#: link threshold; ``topic_margin``): "In May, the Ryazan Vedomosti newspaper
#: reported ..." / "According to a report from the Russian newspaper Ryazan
#: Gazette ..." 0.915; two people's different statements on one topic
#: ("Mr Blair said having Turkey in the EU was of importance" / "Turkey's
#: involvement with the EU would provide an invaluable bridge, Mr Howard
#: added") mostly lower
TOPIC_MARGIN = 0.04


def scooped(pair: Pair) -> bool:
    """Both claims credit someone with having the news first
    (:func:`~consistency.facts.attributions.scoop`)."""
    from ..facts.attributions import scoop

    return scoop(pair.a) is not None and scoop(pair.b) is not None


class _AttributionRule(Rule):
    kind = "attribution"
    outcome = ""
    #: whether sources inferred across sentences take part
    inferred = False

    def check(self, pair: Pair) -> Iterable[Judgement]:
        spans = [_span(x) for x in pair.a.facts.attributions + pair.b.facts.attributions]
        # the model first: with sources, names, amounts and dates masked the
        # two claims are paraphrases (consistency/slots.py); else shared
        # words, when the model puts the masked claims near (TOPIC_MARGIN) or
        # gave no evidence
        if same_event(pair):
            ok, strength = True, 0.5
        else:
            ok, strength = same_topic(pair, spans)
            near = pair.config.link_threshold() + float(self.option(pair.config, "topic_margin", TOPIC_MARGIN))
            if ok and pair.masked is not None and pair.masked < near:
                ok, strength = False, 0.0
        if not ok and pair.a.lang != pair.b.lang:
            others = {k for k in (set(e.key for e in pair.a.facts.entities)
                                  & set(e.key for e in pair.b.facts.entities)) - set(pair.background)}
            # each claim cut by its own spans (offsets of two articles never mix)
            ok, strength = across_languages(pair, others, [_span(x) for x in pair.a.facts.attributions],
                                            [_span(x) for x in pair.b.facts.attributions])
        if not ok and (linked(pair) or near_linked(pair)):
            # a direct link, or each other's closest sentence just below it
            # (a changed source moves a sentence away from its retelling:
            # "first reported on Monday by ... TechFront" / "lo adelantó el
            # lunes el diario The Brennick Post", 0.84), and the same day or
            # amount in both
            agreeing = agreeing_amounts(pair) + shared_dates(pair)
            ok, strength = agreeing > 0, min(1.0, 0.3 + 0.1 * agreeing)
        if not ok:
            # who had the news first is a fact of the story, however the two
            # sentences tell the rest ("as first reported by El Faro de
            # Aranzola" / "Radio Tarvela fue la primera en adelantar el fallo")
            ok, strength = scooped(pair), 0.4
        if not ok:
            return
        spaces = {n.strip() for n in str(ATT002.option(pair.config, "namespaces", "outlet")).split(",")}
        result = compare(pair, spaces, self.inferred)
        if result is None or result[0] != self.outcome:
            return
        _, x, y, why = result
        if x.how == "inherited" and y.how == "inherited":
            return
        if self.outcome == "different" and aligned_denial(pair) is not None:
            return  # one denies what the other tells: two claims, each with its source
        if retells_other_telling(pair, _span(x), _span(y)):
            return  # the other claim retells a statement credited to someone else, or to no one
        va, vb = _source_text(pair.art_a, x, pair.a), _source_text(pair.art_b, y, pair.b)
        notes = [n for n in (inferred_note(pair.art_a, x), inferred_note(pair.art_b, y)) if n]
        message = self.message(pair, va, vb, why)
        if notes:
            message += " (inferred: " + "; ".join(notes) + ")"
        weight = WEIGHTS.get(x.how, 1.0) * WEIGHTS.get(y.how, 1.0)
        yield Judgement(message=message, value_a=va, value_b=vb,
                        span_a=_told_span(pair.a, x) or _value_span(x),
                        span_b=_told_span(pair.b, y) or _value_span(y),
                        compared=(fold(x.key), fold(y.key)),
                        confidence=self.confidence(strength) * weight)


@register
class ATT001(_AttributionRule):
    """The same claim is credited to different sources.

    Inconsistent:
        es: "El ejército ruso está reclutando civiles de Kazajstán, según un informe de Reuters."
        en: "Russia is recruiting in Kazakhstan, a British intelligence report said."

    Consistent:
        en: "Russia is recruiting in Kazakhstan, Reuters reported."
        es: "Rusia recluta en Kazajstán, según Reuters."

    Sources found across sentences count too, with less confidence, and the
    message says so: "Online adverts offered over $5,000, the report said."
    (the British intelligence report named the sentence before) against a
    sentence with no source in an article whose lead says "según un informe
    de Reuters".  Two articles that only credit their leads are not compared.
    Settings: ``window`` (sentences a "the report" looks back, default 3),
    ``lead`` (default 2), ``inherit`` (default true).

    Positions count as sources: "the company's chief executive said" against
    "the finance director said" fires, "chief executive" against "consejera
    delegada" or against "chief executive Marta Olivares" does not; a
    position is never set against a person whose position is not given, nor
    against an organisation.  Institution names are compared by their
    glossary concepts ("Ministerio de Salud" is the Health Ministry, not the
    Environment Ministry; "National Registry" is short for "Registraduría
    Nacional del Estado Civil").  Evidence that two claims state one fact,
    besides shared wording or names: agreeing amounts of one measure, or the
    same day or week ("last week" / "la semana pasada"), with a direct link
    or across languages as each other's closest sentence a little under the
    link threshold (the clusterer's rule 11).

    A source the other claim names outside its own sources is told there
    at one remove, not a second source: "Gordon Brown told him: ..." against
    "Mr Peston's book claimed that Mr Brown told Mr Blair: ..." (a person
    counts by surname).  The claims' other sources are still compared.

    Sources described in words rather than named count too ("the city
    council said" against "según la policía regional"): the model compares
    the two sources, each embedded on its own, and the claims must differ in
    just those sources.  A translation ("the regional health service" / "el
    servicio regional de salud") is the same source; two descriptions
    neither close nor far apart ("the fire brigade" / "los bomberos") are
    not reported.
    """

    code = "ATT001"
    name = "sources-differ"
    severity = "warning"
    outcome = "different"
    inferred = True

    def message(self, pair, va, vb, why):
        return (f"Sources differ: {label(pair.art_a)} credits it to {quote(va)} "
                f"but {label(pair.art_b)} to {quote(vb)}")

    def confidence(self, strength):
        return 0.5 + 0.4 * strength


@register
class ATT002(_AttributionRule):
    """The same source is named differently (translated or transliterated).

    Likely the same outlet, but a reader cannot tell: worth making consistent.
    Applies to sources whose key is in the ``namespaces`` option (default
    ``outlet``: news outlets); an institution named in two ways is not reported.

    Inconsistent:
        en: "In May, the Ryazan Vedomosti newspaper reported that Cubans had signed up."
        en: "According to the Russian newspaper Ryazan Gazette, Cubans had enlisted."

    Consistent:
        en: "the Ryazan Vedomosti newspaper reported"
        es: "informó el periódico Ryazan Vedomosti"
    """

    code = "ATT002"
    name = "source-named-differently"
    severity = "warning"
    outcome = "likely"

    def message(self, pair, va, vb, why):
        because = f" ({why})" if why else ""
        return (f"Source named differently: {label(pair.art_a)} credits it to {quote(va)} "
                f"and {label(pair.art_b)} to {quote(vb)}, likely the same outlet{because}")

    def confidence(self, strength):
        return 0.6 + 0.3 * strength
