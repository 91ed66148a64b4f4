"""Verify mode: check a report (written by a person or generated) against its sources.

For every sentence of the report of at least ``MIN_WORDS`` words, or with a
number, date or name (headlines only when they carry facts), the closest
source claims by embedding are its *candidates* (top ``TOP_K`` at or above
the model's link threshold minus a margin; across languages too, the model is
multilingual).  Then:

* **contradicted** - a contradiction rule (QTY, DAT, ATT, ENT, LOC, NEG) fires
  between the report claim and a candidate: an error with the rule's code and
  the source evidence.  A contradiction from a candidate is dropped when a
  *closer* candidate of another source article supports the claim (then the
  sources disagree among themselves, which is not the report's fault);
* otherwise the SUP family judges it (:func:`consistency.rules.support.judge`):
  **supported** (SUP000, info), **partial** (SUP002, warning: a number, date
  or name found in no source) or **unsupported** (SUP001, warning).

Every finding carries ``status``; ``Report.summary["verify"]`` counts them.
Findings between the sources themselves are added only with
``include_source_conflicts=True``.
"""
from __future__ import annotations

import dataclasses
import os
import re
from typing import Optional, Sequence

import numpy as np

from . import __version__
from .errors import InputError
from .records import Article, Claim, Cluster, Entity, Finding, Report, SEVERITY_RANK
from .textpos import LineIndex

#: candidates considered per report claim
TOP_K = 5
#: a report sentence of at least this many words is checked even with no
#: number, date or name in it
MIN_WORDS = 5
#: rules whose finding means "stated differently but compatibly": not a contradiction
VARIANT_CODES = frozenset({"QTY002", "DAT002", "ATT002"})


def verify_report(checker, report_path: str, sources: Sequence[str],
                  include_source_conflicts: bool = False) -> Report:
    """The verify-mode :class:`Report` of ``report_path`` against ``sources``."""
    checker.timings = {}
    subject, source_articles, notes = _load(checker, report_path, sources)
    articles = (subject,) + tuple(source_articles)
    claims = tuple(checker.extract(articles))
    theirs = [c for c in claims if c.article != subject.id]
    known: dict = {}
    for c in theirs:  # each name the sources use, by how it is written (the first one met)
        for e in c.facts.entities:
            known.setdefault(e.text, e)
    claims = tuple(_named_by_sources(c, known) if c.article == subject.id else c for c in claims)
    mine = [c for c in claims if c.article == subject.id]
    # every sentence of a report is a claim to check ("Google said all of the
    # companies had paid" has no digit and no name past its first word);
    # headlines only when they carry facts
    todo = [c for c in mine if (_has_facts(c) if c.headline else (c.checkworthy or _long_enough(c)))]
    from .rules import rule_infos

    if not theirs:
        notes.append("the sources hold no claims: nothing to verify against")
    if not todo:
        notes.append(f"{subject.id}: no check-worthy claims to verify")
    findings: list[Finding] = []
    clusters: list[Cluster] = []
    model = None
    if todo and theirs:
        with checker._timed("embed"):
            vectors = checker.embedder.embed([c.text for c in todo + theirs])
        model = checker.model_info()
        with checker._timed("rules"):
            clusters, findings = _judge_claims(checker.config, subject, source_articles, todo,
                                               theirs, vectors[:len(todo)], vectors[len(todo):],
                                               embed=checker.embedder.embed, tokens=checker.tokens.encode)
        if include_source_conflicts and len(source_articles) >= 2:
            from .cluster import cluster_claims

            with checker._timed("cluster"):
                src_clusters = cluster_claims(theirs, vectors[len(todo):], checker.config,
                                              embed=checker.embedder.embed)
            src_findings, _ = checker.judge(source_articles, theirs, src_clusters)
            findings.sort(key=_rank)
            clusters += list(src_clusters)
            findings += list(src_findings)
        else:
            findings.sort(key=_rank)
    return Report(articles=articles, claims=claims, clusters=tuple(clusters),
                  findings=tuple(findings), rules=rule_infos(), model=model,
                  version=__version__, mode="verify", notes=tuple(notes), subject=subject.id)


# ------------------------------------------------------------------ loading
def _load(checker, report_path: str, sources: Sequence[str]):
    if os.path.isdir(report_path):
        raise InputError("the report to verify must be one file, not a directory", report_path)
    if not sources:
        raise InputError("no sources given to verify against", report_path)
    report_corpus = checker.load([report_path])
    if len(report_corpus.articles) != 1:
        why = "; ".join(report_corpus.notes) or "no article in it"
        raise InputError(f"cannot verify this file ({why})", report_path)
    subject = report_corpus.articles[0]
    real = os.path.realpath(report_path)
    corpus = checker.load(list(sources))
    kept: list[Article] = []
    notes = list(report_corpus.notes) + list(corpus.notes)
    for art in corpus.articles:
        if os.path.realpath(art.path) == real:
            notes.append(f"{art.path}: the report itself is among the sources; left out")
            continue
        if art.id == subject.id:
            raise InputError(f"a source has the same id as the report ({art.id!r}); "
                             "rename one of them or set an id in its front matter", art.path)
        kept.append(art)
    if not kept:
        raise InputError("no usable source articles to verify against",
                         ", ".join(str(s) for s in sources))
    dates = sorted(a.published for a in kept if a.published is not None)
    if subject.published is None and dates:
        # a summary of the sources is dated by them: its "on Thursday" and
        # "last year" are theirs (the latest source's date)
        subject = dataclasses.replace(subject, published=dates[-1], published_source="sources")
        notes.append(f"{subject.path}: no publication date; its relative dates are read "
                     f"from the latest source's, {dates[-1].isoformat()}")
    return subject, kept, notes


def _named_by_sources(claim: Claim, known: dict) -> Claim:
    """The report claim with its first word as a name when the sources use
    that word as a name: a capitalised first word alone is no evidence of a
    name ("Critics say ..."), but "Google said ..." is, when the sources name
    Google."""
    import re

    m = re.match(r"[\s\"“'‘]*([^\W\d_][\w’'-]*)", claim.text)
    if m is None or not m.group(1)[0].isupper() or any(e.start - claim.start <= m.start(1) < e.end - claim.start for e in claim.facts.entities):
        return claim
    word = m.group(1)
    named = known.get(word)  # ``known``: the sources' entities by their text
    if named is None:
        return claim
    ent = Entity(text=word, type=named.type, key=named.key,
                 start=claim.start + m.start(1), end=claim.start + m.end(1))
    facts = dataclasses.replace(claim.facts, entities=tuple(sorted(claim.facts.entities + (ent,),
                                                                    key=lambda e: (e.start, e.end))))
    return dataclasses.replace(claim, facts=facts, checkworthy=True)


def _long_enough(c: Claim) -> bool:
    """At least ``MIN_WORDS`` words: a statement, not a fragment."""
    return len(c.text.split()) >= MIN_WORDS


def _has_facts(c: Claim) -> bool:
    f = c.facts
    return bool(f.quantities or f.dates or f.entities or f.attributions)


# ------------------------------------------------------------------ judging
def _judge_claims(config, subject: Article, sources: Sequence[Article], todo: Sequence[Claim],
                  theirs: Sequence[Claim], vec_r: np.ndarray, vec_s: np.ndarray, embed=None, tokens=None):
    from .rules.base import Pair
    from .slots import masked_similarities
    from .rules.engine import active_rules, background_keys, fingerprint, is_active
    from .rules.support import (CANDIDATE_MARGIN, CLAUSE_MARGIN, LOOSE_MARGIN, NAME_ALIAS, SUP000, SUP001,
                                SUPPORT_MARGIN, Candidate,
                                SourceIndex, content_stems, judge, known_share, name_texts,
                                with_unbacked_parts)

    arts = {a.id: a for a in sources}
    threshold = config.link_threshold()
    cand_min = threshold - SUP000.option(config, "candidate_margin", CANDIDATE_MARGIN)
    support_min = threshold - SUP000.option(config, "support_margin", SUPPORT_MARGIN)
    clause_min = threshold - SUP000.option(config, "clause_margin", CLAUSE_MARGIN)
    loose_min = threshold + float(SUP001.option(config, "loose_margin", LOOSE_MARGIN))
    rules = [r() for r in active_rules(config) if not r.code.startswith("SUP")]
    neg001 = next((r for r in rules if r.code == "NEG001"), None)
    neg002 = next((r for r in rules if r.code == "NEG002"), None)
    phrases = {}
    if embed is not None:  # each name on its own, for names written two ways ("American" / "US")
        texts = sorted({t for c in list(todo) + list(theirs) for t in name_texts(c)})
        if texts:
            phrases = dict(zip(texts, np.asarray(embed(texts), dtype=np.float32)))
    parts: dict[str, list[str]] = {}
    part_best: dict[str, float] = {}
    if embed is not None:  # each clause of a compound report sentence must be backed too
        from .cluster import clause_texts

        parts = {c.id: [p.text for p in clause_texts(c.text, c.lang, soft=True)] for c in todo}
        mine = sorted({t for ts in parts.values() for t in ts})
        if mine:
            src = sorted({c.text for c in theirs} | {p.text for c in theirs for p in clause_texts(c.text, c.lang, soft=True)})
            vm = np.asarray(embed(mine), dtype=np.float32)
            vs = np.asarray(embed(src), dtype=np.float32)
            part_best = dict(zip(mine, (vm @ vs.T).max(axis=1).tolist()))
    prefer = _Prefer(embed, {c.id: vec_s[j] for j, c in enumerate(theirs)}, theirs) if embed is not None else None
    if prefer is not None:
        prefer.tokens = tokens
    stems: dict[str, set] = {}
    sentence_stems: dict[str, list] = {}
    for c in theirs:  # the words of the sources, per language and per sentence
        mine_stems = content_stems(c.text)
        stems.setdefault(c.lang, set()).update(mine_stems)
        sentence_stems.setdefault(c.lang, []).append(mine_stems)
    alias_min = float(SUP000.option(config, "name_alias", NAME_ALIAS))
    index = SourceIndex(theirs, config.rates, phrases=phrases, alias_min=alias_min)
    background = background_keys(list(todo) + list(theirs))
    lines: dict[str, LineIndex] = {}
    sims = vec_r @ vec_s.T
    nears, groups = [], []
    for i, claim in enumerate(todo):
        order = sorted(range(len(theirs)), key=lambda j: (-float(sims[i, j]), theirs[j].id))
        nears.append([j for j in order[:TOP_K] if float(sims[i, j]) >= cand_min])
        if nears[-1]:
            groups.append(Cluster(id=f"g{i}", claims=(claim.id,) + tuple(theirs[j].id for j in nears[-1]),
                                  articles=()))
    # the evidence the source-vs-source rules weigh (slot-masked similarity,
    # one-slot and negation-free variants, each name on its own), for each
    # report claim and its candidates
    same = masked_similarities(list(todo) + list(theirs), groups, embed) if embed and groups else None
    pairs = same.pairs if same is not None else {}
    variants = same.variants if same is not None else {}
    clusters, findings = [], []
    order_of = {c.id: k for k, c in enumerate(theirs)}  # sentences in article order
    window_cache: dict = {}
    for i, claim in enumerate(todo):
        near = nears[i]
        cands, contra = [], []
        moved = False
        for j in near:
            s = theirs[j]
            pair = Pair(a=claim, b=s, art_a=subject, art_b=arts[s.article], config=config,
                        similarity=float(sims[i, j]), background=background,
                        masked=pairs.get(frozenset((claim.id, s.id))),
                        variants_a=variants.get(claim.id, {}), variants_b=variants.get(s.id, {}),
                        words=_negation_words(claim, s, tokens))
            hits = [(r, jd) for r in rules for jd in (r.check(pair) or ()) if r.code not in VARIANT_CODES]
            if not hits and neg002 is not None:
                # a close sentence with an opposite word in the same frame
                hits = [(neg002, jd) for jd in neg002.nearest(pair)]
            if not hits and j == near[0] and neg001 is not None:
                # the closest sentence, said the other way round
                hits = [(neg001, jd) for jd in neg001.nearest(pair)]
            if prefer is not None:
                # a source's negation counts in the clause of it that reads
                # closest to the report sentence: "welcomed the apology and
                # said no one had exerted pressure" does not deny "welcomed
                # the apology"
                hits = [(r, jd) for r, jd in hits if r is not neg001 or jd.span_b is None
                        or not prefer.off_clause(s, jd.span_b[0], vec_r[i], joined_only=True)]
                # and the report's in the clause of it that reads closest to
                # the source sentence: "dijo que nunca se había visto nada
                # igual y que podrían haber vendido un millón de entradas" does
                # not deny "We could have sold a million tickets"
                kept = [(r, jd) for r, jd in hits if r is not neg001 or jd.span_a is None
                        or not all(prefer.off_clause(claim, n.start, vec_s[j], joined_only=True)
                                   for n in claim.facts.negations)]
                if len(kept) < len(hits):
                    moved = True  # the negated clause is set against its own closest sentence below
                hits = kept
            cands.append(Candidate(pair=pair, similarity=float(sims[i, j]), contradicted=bool(hits)))
            contra += [(float(sims[i, j]), pair, r, jd) for r, jd in hits]
        if not contra and (moved or claim.facts.negations):
            # (a negated clause of a sentence that joins several reads
            # closest to a source sentence other than the whole sentence's
            # closest: "He praised ... and said the Tories could not cut
            # crime ..." / "The Tories, he said, can cut crime ..."; there
            # the source sentence must state what the negation denies)
            contra += _negated_clause(claim, subject, theirs, arts, sims[i], vec_s, prefer, neg001, config,
                                      background, stated=not moved)
        if not contra and neg001 is not None and prefer is not None:
            # a clause of the report the source sentence it reads closest to
            # denies ("but there were plans around the Barcelona game" /
            # "There's no plans at the moment around the Barcelona game")
            contra += _denied_by_source(claim, subject, theirs, arts, sims[i], vec_s, prefer, neg001, config,
                                        background, support_min)
        if not contra and near and neg001 is not None and embed is not None:
            # a negation the report puts on what two neighbouring source
            # sentences say together ("... James Clarke does not become an
            # OBE" / "There was also recognition for James Clarke, chairman of
            # the London Marathon. He becomes an OBE.")
            contra += _denied_window(claim, subject, near, theirs, order_of, arts, vec_r[i], sims[i], vec_s,
                                     variants.get(claim.id, {}), neg001, config, background, embed, window_cache)
        if not contra and neg002 is not None:
            contra += _opposite_beyond(claim, subject, near, theirs, arts, sims[i], neg002, config, background)
        cid = f"v{len(clusters) + 1}"
        if near:
            clusters.append(Cluster(
                id=cid, claims=(claim.id,) + tuple(theirs[j].id for j in near),
                articles=tuple(sorted({subject.id} | {theirs[j].article for j in near})),
                similarity=(("min", float(sims[i, near[-1]])), ("mean", float(np.mean(sims[i, near]))),
                            ("max", float(sims[i, near[0]]))),
                links=tuple((claim.id, theirs[j].id, float(sims[i, j])) for j in near)))
        verdict = judge(claim, [c for c in cands if not c.contradicted], index, support_min, prefer, loose_min,
                        vector=vec_r[i], report=[c for c in todo if c is not claim])
        verdict = with_unbacked_parts(
            verdict, claim, [(t, part_best[t], known_share(t, stems[claim.lang]) if stems.get(claim.lang) else None,
                              _worded(t, claim.lang, sentence_stems))
                             for t in parts.get(claim.id, ())], clause_min)
        if contra and verdict.supports:
            # a closer sentence of ANOTHER source supports the claim: the
            # sources disagree among themselves, which is not the report's
            # fault (one article rarely contradicts itself: there the
            # contradiction stands)
            contra = [c for c in contra
                      if not any(sup.similarity > c[0] and sup.pair.b.article != c[1].b.article
                                 for sup in verdict.supports)]
        if contra and neg001 is not None and prefer is not None and claim.facts.negations \
                and _negation_stated(claim, theirs, vec_s, prefer, support_min):
            # a source sentence says the negated clause, negated too: "... but
            # the tour never took place" / "Of course the 1981 tour never
            # happened" (the sentence on the planned tour is no denial then)
            contra = [c for c in contra if c[2] is not neg001]
        if contra:  # the report's value is what another close sentence states: it restates that one
            close = [c.pair.b for c in cands if c.similarity >= support_min]
            contra = [c for c in contra if not _stated_elsewhere(claim, c[1].b, c[3], close, index, prefer)]
        if contra:
            findings += _contradictions(contra, cid, config, lines)
            continue
        if not is_active(verdict.code, config):
            continue
        findings.append(_support_finding(verdict, claim, subject, cid if near else None,
                                         config, lines, fingerprint))
    return clusters, findings


#: source sentences beyond the closest ``TOP_K`` read for an opposite word (closest first)
BEYOND = 30


def _opposite_beyond(claim: Claim, subject: Article, near: Sequence[int], theirs: Sequence[Claim], arts,
                     sims: np.ndarray, neg002, config, background) -> list:
    """Opposite words in one frame (:meth:`NEG002.nearest`) in a source
    sentence beyond the closest few that names a name of the report
    sentence: a sentence that fuses several reads closer to others than to
    the one it takes a word from ("Kelly Holmes had a discouraging evening,
    beating Agnes Samaria in the 800m, while ..." / "I thought it was a very
    encouraging evening's work for Kelly Holmes")."""
    from .rules.base import Pair
    from .rules.common import entity_keys

    keys = entity_keys(claim) - set(background)  # not a name every other sentence says
    if not keys:
        return []
    seen = set(near)
    order = sorted((j for j in range(len(theirs)) if j not in seen and keys & entity_keys(theirs[j])),
                   key=lambda j: (-float(sims[j]), theirs[j].id))
    for j in order[:BEYOND]:
        s = theirs[j]
        pair = Pair(a=claim, b=s, art_a=subject, art_b=arts[s.article], config=config,
                    similarity=float(sims[j]), background=background)
        found = [(float(sims[j]), pair, neg002, jd) for jd in neg002.nearest(pair)]
        if found:
            return found
    return []


def _negated_home(claim: Claim, n) -> Optional[str]:
    """The clause (soft separators too) of ``claim`` that holds negation ``n``."""
    from .cluster import clause_texts

    rel = n.start - claim.start
    return next((p.text for p in clause_texts(claim.text, claim.lang, soft=True)
                 if 0 <= claim.text.find(p.text) <= rel < claim.text.find(p.text) + len(p.text)), None)


def _closest_to(home: str, theirs, vectors, prefer) -> tuple[np.ndarray, list]:
    """How close ``home`` reads to each source sentence, the sentence or the
    closest of its clauses; and those clauses, (index, text) each."""
    from .cluster import clause_texts

    units = [(k, p.text) for k, c in enumerate(theirs) for p in clause_texts(c.text, c.lang, soft=True)]
    missing = sorted({t for _, t in units if t not in prefer.cache} | ({home} - set(prefer.cache)))
    if missing:
        prefer.cache.update(zip(missing, np.asarray(prefer.embed(missing), dtype=np.float32)))
    best = vectors @ prefer.cache[home]
    for k, t in units:
        best[k] = max(best[k], float(prefer.cache[t] @ prefer.cache[home]))
    return best, units


def _negation_stated(claim: Claim, theirs, vectors, prefer, bar: float) -> bool:
    """Each negated clause of the report sentence reads, at ``bar`` or
    closer, most like a source sentence (or a clause of one) that is negated
    too: the sources say it did not happen."""
    for n in claim.facts.negations:
        home = _negated_home(claim, n)
        if home is None:
            return False
        best, units = _closest_to(home, theirs, vectors, prefer)
        j = int(np.argmax(best))
        others = [m for m in claim.facts.negations if m is not n] if claim.lang == theirs[j].lang else []
        if float(best[j]) < bar or not _negated_where_closest(theirs[j], j, home, units, vectors, prefer, others):
            return False
    return True


def _closest_units(source: Claim, j: int, home: str, units, vectors, prefer) -> list[str]:
    """Source sentence ``source`` (index ``j``) and each of its clauses
    (``units`` from :func:`_closest_to`), closest to ``home`` first; on a
    tie the whole sentence first."""
    def sim(t: str) -> float:
        return float(prefer.cache.get(t, vectors[j]) @ prefer.cache[home])
    return sorted([source.text] + [t for k, t in units if k == j], key=lambda t: -sim(t))


def _negated_where_closest(source: Claim, j: int, home: str, units, vectors, prefer, others=()) -> bool:
    """``source`` (index ``j``) is negated in the part of it that reads
    closest to the report's clause ``home``: the clause of it that does, or
    the whole sentence when no clause reads closer ("The Tories, he said,
    can cut crime and improve public services without asking people to pay
    more taxes" does not say "the Tories could not cut crime": its
    "without" is in another clause).  A negation of the source that denies
    what ``others`` (the report sentence's other negations, in one language)
    deny is theirs, not this one's: "was critical of Mourinho's decision not
    to speak" does not say "did not criticise Mourinho's decision not to
    speak" (the first content word of the two "not to speak" scopes is one)."""
    from .rules.negation import scope_head

    negs = list(source.facts.negations)
    theirs = {scope_head(m, source.lang) for m in others} - {""}
    if theirs:
        negs = [m for m in negs if scope_head(m, source.lang) not in theirs]
    if not negs:
        return False
    text = _closest_units(source, j, home, units, vectors, prefer)[0]
    if text == source.text:
        return True
    at = source.text.find(text)
    if at < 0:
        return True
    lo, hi = source.start + at, source.start + at + len(text)
    return any(lo <= m.start < hi for m in negs)


def _negated_clause(claim: Claim, subject: Article, theirs, arts, sims, vectors, prefer,
                    neg001, config, background, stated: bool = False) -> list:
    """A report sentence joining clauses whose negation sits in a clause
    other than the one that reads closest to its closest source sentence: that
    clause is set against the source sentence that states it instead (in one
    language the one that uses most of its words, else the one it reads
    closest to), clause against clause ("... the Disasters Emergency
    Committee, which is co-ordinating the relief effort and did not welcome
    the news of the single" / "The charity welcomed the news of the
    single").  Asked too of any negated report sentence none of whose close
    sentences contradicts it (``stated``): then the source sentence must
    state a word of what the negation denies (``rules.negation.scope_stated``)."""
    from .rules.base import Pair
    from .rules.negation import scope_stated, unshared
    from .rules.support import content_stems
    from .slots import NEGATION_DROPPED

    out = []
    for n in claim.facts.negations:
        rel = n.start - claim.start
        home = _negated_home(claim, n)
        if home is None:
            continue
        # the source sentence one of whose clauses (or itself) reads closest
        best, units = _closest_to(home, theirs, vectors, prefer)
        # in one language, the sentence that uses most of the clause's words
        # first: a clause without its subject ("did not welcome the news of
        # the single") reads close to any sentence on the subject
        stems = content_stems(home) - content_stems(n.cue)
        share = [len(stems & content_stems(c.text)) / len(stems) if stems and c.lang == claim.lang else 0.0
                 for c in theirs]
        j = max(range(len(theirs)), key=lambda k: (share[k] >= WORDED_SHARE, float(best[k]), -k))
        s = theirs[j]
        if stated and not scope_stated(n, claim, s):
            continue  # "none of its members has reached that target" / "the G8 agreed to spend 0.7%"
        # weighed clause against clause: the negated clause with and without
        # its cue, against the sentence or its clause that reads closest
        at = home.find(claim.text[rel:rel + (n.end - n.start)])
        dropped = " ".join((home[:at] + home[at + n.end - n.start:]).split()) if at >= 0 else None
        # (the sentence and each of its clauses, closest first: "The growth
        # falls well short of expectations, but does mark a sixth straight
        # quarter of expansion" reads closer to "it was not the sixth
        # consecutive quarter" as a whole, "falls short" standing near "not";
        # its second clause is the one the negation denies)
        theirs_units = _closest_units(s, j, home, units, vectors, prefer)
        if dropped is None or dropped == home:
            continue
        if dropped not in prefer.cache:
            prefer.cache[dropped] = np.asarray(prefer.embed([dropped]), dtype=np.float32)[0]
        # the claim with just this negation: the finding cites its cue ("has
        # no agreement with Larne", not "has yet to confirm" before it)
        # (and the claim's other negations the source sentence shares, which
        # cancel out: "did not criticise Mourinho's decision not to speak" /
        # "was critical of Mourinho's decision not to speak")
        kept = (n,) + tuple(m for m in claim.facts.negations if m is not n and m not in
                            unshared([m], claim.lang, list(s.facts.negations), s.lang))
        one = dataclasses.replace(claim, facts=dataclasses.replace(claim.facts, negations=kept))
        for unit in theirs_units:
            pair = Pair(a=one, b=s, art_a=subject, art_b=arts[s.article], config=config,
                        similarity=float(sims[j]), background=background,
                        variants_a={None: prefer.cache[home], NEGATION_DROPPED: prefer.cache[dropped]},
                        variants_b={None: prefer.cache.get(unit, vectors[j])})
            out += [(float(sims[j]), pair, neg001, jd) for jd in neg001.nearest(pair)]
            if out:
                break
        if out:
            break
    return out


def _negation_words(claim: Claim, source: Claim, tokens) -> tuple:
    """``Pair.words`` for a report claim and a source sentence in two
    languages, one of them negated: their tokens linked by the model's
    alignment (``consistency.align.word_links``), as the source-vs-source
    pipeline gives them, so NEG001 asks whether the negated verb has a
    partner in the other sentence.  Empty otherwise."""
    if tokens is None or claim.lang == source.lang or not (claim.facts.negations or source.facts.negations):
        return ()
    from .align import word_links

    return tuple(word_links(tokens(claim.text), tokens(source.text), claim.start, source.start,
                            claim.text, source.text))


def _denied_by_source(claim: Claim, subject: Article, theirs, arts, sims, vectors, prefer, neg001, config,
                      background, bar: float) -> list:
    """A clause of the report sentence with no negation of its own reads
    closest (at ``bar`` or closer) to a source sentence, or a clause of one,
    that is negated: that source denies it when leaving its negation cue
    out closes most of the distance (``NEG001.nearest``) and what it denies
    is a word of the report's ("there were plans around the Barcelona
    game" / "There's no plans at the moment around the Barcelona game").
    The mirror of :func:`_negated_clause`, which starts from the report's
    negations."""
    from .cluster import clause_texts
    from .rules.base import Pair
    from .rules.negation import scope_stated
    from .slots import NEGATION_DROPPED

    pieces = [p.text for p in clause_texts(claim.text, claim.lang, soft=True)] or [claim.text]
    for home in pieces:
        at = claim.text.find(home)
        if at < 0 or any(claim.start + at <= n.start < claim.start + at + len(home) for n in claim.facts.negations):
            continue
        best, units = _closest_to(home, theirs, vectors, prefer)
        j = int(np.argmax(best))
        if float(best[j]) < bar:
            continue
        source = theirs[j]
        unit = _closest_units(source, j, home, units, vectors, prefer)[0]
        pos = source.text.find(unit)
        if pos < 0:
            continue
        lo, hi = source.start + pos, source.start + pos + len(unit)
        denials = [m for m in source.facts.negations if lo <= m.start < hi]
        if len(denials) != 1 or not scope_stated(denials[0], source, claim):
            continue
        m = denials[0]
        cut = m.start - lo
        dropped = " ".join((unit[:cut] + unit[cut + m.end - m.start:]).split())
        if dropped == unit:
            continue
        for text in (unit, dropped):
            if text not in prefer.cache:
                prefer.cache[text] = np.asarray(prefer.embed([text]), dtype=np.float32)[0]
        mine = dataclasses.replace(claim, facts=dataclasses.replace(claim.facts, negations=()))
        theirs_one = dataclasses.replace(source, facts=dataclasses.replace(source.facts, negations=(m,)))
        pair = Pair(a=mine, b=theirs_one, art_a=subject, art_b=arts[source.article], config=config,
                    similarity=float(sims[j]), background=background,
                    variants_a={None: prefer.cache[home]},
                    variants_b={None: prefer.cache[unit], NEGATION_DROPPED: prefer.cache[dropped]})
        found = [(float(sims[j]), pair, neg001, jd) for jd in neg001.nearest(pair)]
        if found:
            return found
    return []


def _denied_window(claim: Claim, subject: Article, near, theirs, order_of, arts, vector, sims, vectors,
                   variants, neg001, config, background, embed, cache) -> list:
    """NEG001 for a negative report sentence against two neighbouring source
    sentences, both positive, that together read closer to it than any one
    source sentence, when leaving the report's negation out closes
    ``nearest_gain`` of the distance to the two (:meth:`NEG001.nearest`'s
    test, on the pair)."""
    from .rules.base import Pair
    from .rules.common import closed_share, quote
    from .rules.negation import NEAREST_GAIN, effective, hedged
    from .slots import NEGATION_DROPPED, variant_text

    if not effective(claim) or hedged(claim):
        return []
    dropped = variants.get(NEGATION_DROPPED)
    if dropped is None:
        text = variant_text(claim, (-1, -1))
        if text not in cache:
            cache[text] = np.asarray(embed([text]), dtype=np.float32)[0]
        dropped = cache[text]
    best_single = float(sims[near[0]])
    bar = float(neg001.option(config, "nearest_gain", NEAREST_GAIN))
    found = None
    for j in near:
        for k in (j - 1, j + 1):
            if not 0 <= k < len(theirs) or theirs[k].article != theirs[j].article:
                continue
            first, second = sorted((theirs[j], theirs[k]), key=lambda c: order_of[c.id])
            if effective(first) or effective(second) or hedged(first) or hedged(second):
                continue
            text = first.text + " " + second.text
            if text not in cache:
                cache[text] = np.asarray(embed([text]), dtype=np.float32)[0]
            vw = cache[text]
            plain = float(vector @ vw)
            if plain <= best_single or plain >= 1.0:
                continue
            gain = closed_share(plain, float(dropped @ vw))
            if gain >= bar and (found is None or gain > found[0]):
                found = (gain, plain, first, second)
    if found is None:
        return []
    _, plain, first, second = found
    # the evidence: the sentence of the two that the report's words without
    # the negation read closer to
    s = max((first, second), key=lambda c: float(dropped @ vectors[order_of[c.id]]))
    pair = Pair(a=claim, b=s, art_a=subject, art_b=arts[s.article], config=config, similarity=plain,
                background=background)
    jd = neg001._judgement(pair, effective(claim), [], 0.5)
    other = second if s is first else first
    where = "next" if s is first else "previous"
    jd = dataclasses.replace(jd, message=f"{jd.message}, read with the {where} sentence ({quote(other.text)})")
    return [(plain, pair, neg001, jd)]


#: share of a clause's content words one source sentence must use for the
#: clause to count as backed by wording (``_worded``)
WORDED_SHARE = 0.8


def _worded(text: str, lang: str, sentence_stems: dict) -> bool:
    """One source sentence of the clause's language uses the content words
    (:func:`~consistency.rules.support.content_stems`, two or more) of it, all
    but a few (``WORDED_SHARE``: "This includes offensive comments about
    British soldiers" / "... which included offensive comments about British
    soldiers")."""
    from .rules.support import content_stems

    mine = content_stems(text)
    return len(mine) >= 2 and any(len(mine & theirs) >= WORDED_SHARE * len(mine)
                                  for theirs in sentence_stems.get(lang, ()))


def _stated_elsewhere(claim: Claim, against: Claim, jd, close: Sequence[Claim], index, prefer) -> bool:
    """The report's value that ``jd`` compares is stated by a close source
    sentence other than ``against``, and the words around it in the report
    read closer to that sentence: "sold at auction for £10.3m in 2001, and
    its owner later refused to sell" joins the sale with the refusal; the
    refusal's sentence names another sum (the £12.5m raised to buy it).  With
    "sold at auction for £12.5m" the words around the sum are the sale's: the
    contradiction stands."""
    from .rules.support import facts_of

    if jd.span_a is None:
        return False
    fact = next((f for f in facts_of(claim) if (f.start, f.end) == tuple(jd.span_a)), None)
    if fact is None:
        return False
    holders = index.find(fact)
    return any(c is not against and c in holders and (prefer is None or prefer(claim, fact, c, against))
               for c in close)


class _Prefer:
    """Does the report's wording around a detail read at least as close to
    source claim ``x`` as to ``y``?  The words within ``WINDOW`` of the detail
    (in its clause) are embedded once and set against the source claims'
    vectors."""

    WINDOW = 6

    def __init__(self, embed, source_vectors: dict, claims: Sequence[Claim] = ()):
        self.embed, self.sources, self.cache = embed, source_vectors, {}
        #: text -> token vectors (``consistency.tokens``), when the caller gave them
        self.tokens = None
        self.claims = [c for c in claims if c.id in source_vectors]
        self.matrix = (np.stack([source_vectors[c.id] for c in self.claims]) if self.claims
                       else np.zeros((0, 1), dtype=np.float32))

    def _vector(self, claim: Claim, start: int, end: int, masked: bool = False) -> np.ndarray:
        key = (claim.id, start, end, masked)
        if key not in self.cache:
            # with ``masked``, the words around the detail, not the detail itself
            text = self._window(claim, start, end, "name" if masked else None)
            self.cache[key] = np.asarray(self.embed([text]), dtype=np.float32)[0]
        return self.cache[key]

    def worded(self, claim: Claim, text: str) -> float:
        """The highest cosine between ``text`` (a name, as written) and a
        lower-case word of ``claim``: how closely the claim says the name in
        a common word ("ID" / "identity": 0.92)."""
        words = sorted({m.group() for m in re.finditer(r"[^\W\d_]{3,}", claim.text) if m.group()[0].islower()})
        if not words:
            return 0.0
        todo = [t for t in [text] + words if ("word", t) not in self.cache]
        if todo:
            for t, v in zip(todo, np.asarray(self.embed(todo), dtype=np.float32)):
                self.cache[("word", t)] = v
        x = self.cache[("word", text)]
        return max(float(x @ self.cache[("word", w)]) for w in words)

    def partner(self, claim: Claim, fact, source: Claim) -> Optional[tuple]:
        """The span (article offsets) of the slot of ``source`` that ``fact``
        of the report claim stands in the place of, by aligned tokens
        (``consistency.align``), and how many of their neighbouring words are
        linked: ((start, end), context), ((), 0) when it stands in the place
        of nothing, None with no token vectors."""
        if self.tokens is None:
            return None
        from .align import slot_links
        from .slots import align_spans

        sa = (fact.start, fact.end)
        spans_a = [x for x in sorted(set(align_spans(claim)) | {sa}) if x == sa or x[1] <= sa[0] or x[0] >= sa[1]]
        spans_b = align_spans(source)
        for link in slot_links(self.tokens(claim.text), self.tokens(source.text), spans_a, spans_b,
                               claim.start, source.start, claim.text, source.text):
            if tuple(link.span_a) == sa:
                return tuple(link.span_b), link.context
        return (), 0

    def home(self, claim: Claim, fact, masked: bool = False, articles=None) -> tuple:
        """The source claim the words around ``fact`` read closest to (with
        ``masked``, the detail itself left out; among the claims of
        ``articles`` when given), the similarity, and the margin over the
        next closest; (None, 0, 0) with no such source claims."""
        rows = [i for i, c in enumerate(self.claims) if articles is None or c.article in articles]
        if not rows:
            return None, 0.0, 0.0
        sims = self.matrix[rows] @ self._vector(claim, fact.start, fact.end, masked)
        order = np.argsort(-sims)
        second = float(sims[order[1]]) if len(order) > 1 else 0.0
        return self.claims[rows[int(order[0])]], float(sims[order[0]]), float(sims[order[0]]) - second

    def lead(self, claim: Claim, fact, home: Claim, others) -> float:
        """How much closer the words around ``fact`` (without it) read to
        ``home`` than to the closest of ``others``."""
        v = self._vector(claim, fact.start, fact.end, True)
        rest = [float(v @ self.sources[o.id]) for o in others if o.id in self.sources and o is not home]
        mine = float(v @ self.sources[home.id]) if home.id in self.sources else 0.0
        return mine - max(rest) if rest else mine

    def _window(self, claim: Claim, start: int, end: int, mask: str = None) -> str:
        """The words within ``WINDOW`` of [start, end) in its clause; with
        ``mask`` (a slot kind) the detail is replaced by its placeholder."""
        import re

        from .cluster import clause_texts
        from .slots import PLACEHOLDER

        text, rel_s, rel_e = claim.text, start - claim.start, end - claim.start
        lo, hi = 0, len(text)
        for part in clause_texts(text, claim.lang, soft=True):  # stay inside the detail's clause
            at = text.find(part.text)
            if at >= 0 and at <= rel_s and rel_e <= at + len(part.text):
                lo, hi = at, at + len(part.text)
                break
        before = re.findall(r"\S+", text[lo:rel_s])[-self.WINDOW:]
        after = re.findall(r"\S+", text[rel_e:hi])[:self.WINDOW]
        return " ".join(before + [PLACEHOLDER[mask] if mask else text[rel_s:rel_e]] + after)

    def role(self, claim: Claim, f, source: Claim, g) -> float:
        """How alike the words around ``f`` in ``claim`` and around ``g`` in
        ``source`` read with the two details masked: one detail in the other's
        place."""
        def masked(c: Claim, x) -> str:
            return self._window(c, x.start, x.end, x.kind if x.kind in ("quantity", "date") else "name")

        a, b = masked(claim, f), masked(source, g)
        for t in (a, b):
            if t not in self.cache:
                self.cache[t] = np.asarray(self.embed([t]), dtype=np.float32)[0]
        return float(self.cache[a] @ self.cache[b])

    def apart(self, claim: Claim, fact, y: Claim) -> bool:
        """The claim joins clauses and the one holding ``fact`` is not the
        one that reads closest to source claim ``y``: "The film was shown
        uncut on BBC One and will also be screened ... on the cable channel
        HBO" takes its HBO clause from ``y``, not its BBC One."""
        vy = self.sources.get(y.id)
        return vy is not None and self.off_clause(claim, fact.start, vy)

    def off_clause(self, claim: Claim, pos: int, vector: np.ndarray, joined_only: bool = False) -> bool:
        """``claim`` joins clauses and the one holding offset ``pos`` is not
        the one that reads closest to ``vector``.  With ``joined_only``, only
        the statements joined by a soft separator ("and") inside the clause
        holding ``pos`` are weighed (a quote stays with its speaker)."""
        from .cluster import clause_texts

        parts = clause_texts(claim.text, claim.lang, soft=True)
        rel = pos - claim.start
        if joined_only:
            whole = clause_texts(claim.text, claim.lang)
            hard = next((c.text for c in whole
                         if 0 <= claim.text.find(c.text) <= rel < claim.text.find(c.text) + len(c.text)),
                        None if whole else claim.text)
            parts = [p for p in parts if hard is not None and p.text in hard]
        if len(parts) < 2:
            return False
        spans = [(claim.text.find(p.text), p.text) for p in parts]
        home = next((t for at, t in spans if at >= 0 and at <= rel < at + len(t)), None)
        if home is None:
            return False
        texts = [t for _, t in spans]
        missing = [t for t in texts if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, np.asarray(self.embed(missing), dtype=np.float32)))
        best = max(texts, key=lambda t: float(self.cache[t] @ vector))
        return best != home

    def __call__(self, claim: Claim, fact, x: Claim, y: Claim, masked: bool = False) -> bool:
        """With ``masked`` the detail itself is left out of the words read (a
        long name would read close to any sentence that states it)."""
        v = self._vector(claim, fact.start, fact.end, masked)
        vx, vy = self.sources.get(x.id), self.sources.get(y.id)
        if vx is None or vy is None:
            return True
        return float(v @ vx) >= float(v @ vy)


def _contradictions(contra, cid: str, config, lines) -> list[Finding]:
    """Stamped findings for the contradiction judgements of one report claim."""
    from .rules.engine import _stamp

    best: dict[tuple, Finding] = {}
    for sim, pair, rule, jd in contra:
        f = _stamp(rule, jd, pair, cid, config, lines)
        severity = config.rule_option(rule.code, "severity", None) or "error"
        f = dataclasses.replace(f, severity=str(severity).strip().lower(), status="contradicted")
        key = (f.code, pair.b.article, jd.compared)
        if key not in best or _rank(f) < _rank(best[key]):
            best[key] = f
    return list(best.values())


def _support_finding(verdict, claim: Claim, subject: Article, cid, config, lines,
                     fingerprint) -> Finding:
    from .rules import get
    from .rules.engine import _evidence

    rule = get(verdict.code)
    first = verdict.missing[0] if verdict.missing else None
    evidence = [_evidence(claim, subject, first.text if first else None,
                          (first.start, first.end) if first else None, lines)]
    evidence += [_evidence(c.pair.b, c.pair.art_b, None, None, lines) for c in verdict.supports]
    compared = tuple(f"{f.kind}:{fold_text(f.text)}" for f in verdict.missing)
    fp = fingerprint(rule.code, [(claim.article, claim.text)]
                     + [(c.pair.b.article, c.pair.b.text) for c in verdict.supports], compared)
    severity = config.rule_option(rule.code, "severity", None) or verdict.severity or rule.severity
    return Finding(code=rule.code, kind=rule.kind, severity=str(severity).strip().lower(),
                   confidence=max(0.0, min(1.0, verdict.confidence)), message=verdict.message,
                   evidence=tuple(evidence), cluster=cid, fingerprint=fp, status=verdict.status)


def fold_text(text: str) -> str:
    return " ".join(text.lower().split())


def _rank(f: Finding) -> tuple:
    first = f.evidence[0] if f.evidence else None
    return (first.start if first else 0, SEVERITY_RANK.get(f.severity, 9),
            -round(f.confidence, 6), f.code, f.fingerprint)


class _CallableModule(type(os)):
    """``import consistency.verify`` rebinds ``consistency.verify`` to this
    module; calling it keeps meaning :func:`consistency.verify`."""

    def __call__(self, report_path, sources, **options):
        from .pipeline import verify as _verify

        return _verify(report_path, sources, **options)


import sys as _sys  # noqa: E402

_sys.modules[__name__].__class__ = _CallableModule
