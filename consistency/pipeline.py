"""The pipeline: corpus -> claims -> facts -> embed -> cluster -> rules -> baseline.

:class:`Checker` holds the configuration and, once loaded, the embedding model,
so several calls reuse it::

    checker = Checker(model="multilingual-e5-small")
    report = checker.check(["seeds/"])
    other = checker.check(["other-story/"])

``check(paths, **options)`` and ``verify(report, sources, **options)`` at module
level are one-shot conveniences sharing a module-level checker per option set.
Each stage's wall time of the last run is in ``Checker.timings`` (seconds).
"""
from __future__ import annotations

import dataclasses
import time
from contextlib import contextmanager
from typing import Iterable, Optional, Sequence

from . import __version__
from .claims import split_claims
from .config import Config, load_config
from .corpus import Corpus, load_corpus
from .facts import discourse, extract_facts
from .facts.quantities import article_units
from .facts.entities import surnames
from .facts.names import fold
from .records import Article, Claim, Report


class Checker:
    """Runs the pipeline; keeps the embedding model loaded between calls."""

    def __init__(self, config: Optional[Config] = None, **options):
        self.config = config if config is not None else load_config(**options)
        if config is not None and options:
            self.config = config.replace(**{k: v for k, v in options.items() if v is not None})
        self._embedder = None
        self._runner = None
        self.timings: dict[str, float] = {}

    # ------------------------------------------------------------ stages
    @contextmanager
    def _timed(self, stage: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - t0

    def load(self, paths: Iterable[str]) -> Corpus:
        with self._timed("load"):
            return load_corpus(paths, self.config)

    @property
    def runner(self):
        """The Dask connection when ``config.dask`` names a scheduler, else None."""
        if self.config.dask and (self._runner is None or self._runner.address != self.config.dask):
            from .distributed import DaskRunner

            self._runner = DaskRunner(self.config.dask, self.config.quiet)
        return self._runner if self.config.dask else None

    def extract(self, articles: Sequence[Article]) -> list[Claim]:
        """Claims with their facts, for all articles, in article order."""
        if self.runner is not None and len(articles) > 1:
            with self._timed("extract"):
                return self.runner.extract(articles, self.config)
        from .progress import Bar

        with self._timed("extract"), Bar("extract", len(articles), "articles", self.config.quiet) as bar:
            claims: list[Claim] = []
            for n, art in enumerate(articles, 1):
                bar.update(n - 1)
                mine = [self._with_facts(c, art) for c in split_claims(art, self.config)]
                # a surname alone is the person the article names in full
                known = surnames((e for c in mine for e in c.facts.entities), art.lang)
                if known:
                    mine = [self._with_facts(c, art, known) if _mentions(c, known) else c for c in mine]
                # a bare count of what the article gives as money elsewhere is that money
                mine = article_units(mine)
                # sources credited across sentences ("the report said", the lead's source)
                claims.extend(discourse.resolve(art, mine, self.config))
            return claims

    def _with_facts(self, claim: Claim, art: Article, known: tuple = ()) -> Claim:
        facts = extract_facts(claim, art, self.config, known)
        worthy = claim.checkworthy or bool(
            facts.quantities or facts.dates or facts.entities or facts.attributions)
        return dataclasses.replace(claim, facts=facts, checkworthy=worthy)

    @property
    def embedder(self):
        if self._embedder is None:
            from .embed import Embedder
            from .models import resolve_model

            spec = resolve_model(self.config.model, self.config)
            runner = self.runner
            self._embedder = Embedder(spec, self.config,
                                      encoder=runner.encoder(spec, self.config) if runner else None)
        return self._embedder

    @property
    def tokens(self):
        """Token vectors of claim texts (``consistency.tokens``), for aligning slots."""
        if getattr(self, "_tokens", None) is None:
            from .tokens import TokenEncoder

            emb = self.embedder
            self._tokens = TokenEncoder(emb.spec, model=lambda: emb.model)
        return self._tokens

    def model_info(self) -> dict:
        info = dict(self.embedder.spec.to_dict())
        info.setdefault("threshold", self.config.link_threshold())
        return info

    def cluster(self, claims: Sequence[Claim]):
        """Embed the claims and the clauses clustering compares (timed as
        embedding, in one batch), then cluster."""
        import numpy as np

        from .cluster import cluster_claims, unit_texts

        with self._timed("embed"):
            texts = [c.text for c in claims]
            extra = unit_texts(claims)
            both = self.embedder.embed(texts + extra)
            vectors = both[:len(texts)]
            clause = {t: both[len(texts) + i] for i, t in enumerate(extra)}

        def lookup(items):
            missing = [t for t in items if t not in clause]
            if missing:  # not expected: unit_texts lists every clause
                for t, v in zip(missing, self.embedder.embed(missing)):
                    clause[t] = v
            return np.stack([clause[t] for t in items]) if items else np.zeros((0, vectors.shape[1]),
                                                                              dtype=np.float32)

        with self._timed("cluster"):
            return cluster_claims(claims, vectors, self.config, embed=lookup)

    def judge(self, articles, claims, clusters):
        from .rules import rule_infos
        from .rules.engine import run_rules

        same_event = None
        if clusters:
            from .rules.common import align_bar
            from .slots import (aligned_slots, article_amounts, masked_similarities, measure_words,
                                negation_words)

            with self._timed("embed"):
                same_event = masked_similarities(claims, clusters, self.embedder.embed)
            with self._timed("align"):
                same_event = same_event._replace(links=aligned_slots(
                    claims, clusters, same_event, self.tokens.encode, align_bar(self.config)),
                    words=negation_words(claims, clusters, same_event, self.tokens.encode,
                                         self.config.link_threshold()),
                    amounts=article_amounts(claims),
                    measure_words=measure_words(claims, clusters, self.tokens.encode))
        with self._timed("rules"):
            from .rules.corroborate import carried, carried_negations
            from .rules.engine import order_findings

            if self.runner is not None:
                from .rules.engine import background_keys

                background = background_keys(claims, clusters=clusters)
                best = self.runner.judge(articles, claims, clusters, self.config, same_event, background)
                findings = order_findings(best.values())
            else:
                findings = run_rules(articles, claims, clusters, self.config, same_event)
            more = carried(findings, articles, claims, clusters, same_event, self.config) + \
                carried_negations(findings, articles, claims, clusters, same_event, self.config) \
                if self.config.carry else []
            return order_findings(findings + tuple(more)), rule_infos()

    # ------------------------------------------------------------ entry points
    def check(self, paths: Optional[Iterable[str]] = None, *, baseline: Optional[str] = None) -> Report:
        """Compare the articles under ``paths`` (default: the configured paths)."""
        self.timings = {}
        paths = list(paths) if paths else list(self.config.paths)
        if not paths:
            from .errors import InputError

            raise InputError("no input paths given (and none configured in [consistency] paths)")
        corpus = self.load(paths)
        articles = tuple(corpus.articles)
        notes = list(corpus.notes)
        claims = tuple(self.extract(articles))
        clusters: tuple = ()
        findings: tuple = ()
        model = None
        if len(articles) < 2:
            notes.append(f"{len(articles)} article(s) loaded: nothing to compare")
            from .rules import rule_infos

            rules = rule_infos()
        else:
            clusters = tuple(self.cluster(claims))
            model = self.model_info()
            findings, rules = self.judge(articles, claims, clusters)
        report = Report(articles=articles, claims=claims, clusters=clusters, findings=tuple(findings),
                        rules=tuple(rules), model=model, version=__version__, mode="check",
                        notes=tuple(notes))
        from . import suppress

        report = suppress.apply(report)
        baseline = baseline or self.config.baseline
        if baseline:
            from . import baseline as bl

            report = bl.apply_to_report(report, bl.load(baseline))
        return report

    def extract_report(self, paths: Iterable[str]) -> Report:
        """Articles and claims with facts, no model: what ``consistency extract`` prints."""
        self.timings = {}
        corpus = self.load(list(paths))
        articles = tuple(corpus.articles)
        claims = tuple(self.extract(articles))
        return Report(articles=articles, claims=claims, version=__version__, mode="extract",
                      notes=tuple(corpus.notes))

    def verify(self, report_path: str, sources: Iterable[str], **kwargs) -> Report:
        from .verify import verify_report

        return verify_report(self, report_path, list(sources), **kwargs)


_CHECKERS: dict[tuple, Checker] = {}


def _mentions(claim: Claim, known: tuple) -> bool:
    """One of the ``known`` surnames is written in ``claim`` (maybe inside
    another word: reading the claim again costs little)."""
    text = fold(claim.text)
    return any(w in text for w, _ in known)


def _shared(options: dict) -> Checker:
    key = tuple(sorted((k, repr(v)) for k, v in options.items()))
    if key not in _CHECKERS:
        _CHECKERS[key] = Checker(**options)
    return _CHECKERS[key]


def check(paths: Iterable[str], baseline: Optional[str] = None, **options) -> Report:
    """One-shot check; the model stays loaded for later calls with the same options."""
    return _shared(options).check(paths, baseline=baseline)


def verify(report_path: str, sources: Iterable[str], **options) -> Report:
    include = options.pop("include_source_conflicts", False)
    return _shared(options).verify(report_path, sources, include_source_conflicts=include)


def extract(paths: Iterable[str], **options) -> Report:
    return _shared(options).extract_report(paths)
