"""The rule contract: what a rule receives (a :class:`Pair`), what it returns
(:class:`Judgement`), and the :func:`register` decorator that checks every rule.

A rule only judges.  It never computes line numbers, fingerprints or cluster
ids; the engine stamps those.  A rule class is named after its code
(``class QTY001(Rule)``), sets ``code``, ``name``, ``kind`` and ``severity``,
and has a docstring whose first line is the short description and whose body
contains an ``Inconsistent:`` and a ``Consistent:`` example.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import ClassVar, Iterable, Mapping, Optional

from ..config import Config
from ..records import SEVERITIES, Article, Claim, RuleInfo

KINDS = ("quantity", "date", "attribution", "actor", "location", "negation", "unsupported", "support")
CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")

#: every registered rule class, by code
REGISTRY: dict[str, type["Rule"]] = {}


class RuleDefinitionError(TypeError):
    """A rule class does not follow the contract (raised at import time)."""


@dataclass(frozen=True)
class Pair:
    """Two claims from different articles of the same cluster.

    ``similarity`` is the cosine of the direct link between the two claims when
    the clusterer linked them directly, else None.  ``background`` holds the
    entity keys so common in the corpus (the story's main countries, say) that
    sharing them says nothing about two claims being about the same fact.
    ``masked`` is the cosine of the two claims with their amounts, dates,
    names and sources replaced by typed placeholders: high when they tell the
    same event and differ only in a slot.
    """

    a: Claim
    b: Claim
    art_a: Article
    art_b: Article
    config: Config
    similarity: Optional[float] = None
    background: frozenset = frozenset()
    #: the clusterer paired the two, in two languages, as each other's best
    #: match a little under the link threshold (its rule 11): NEG001's
    #: same-event bar eases by ``common.BEST_MATCH_EASE``
    best_below: bool = False
    #: cosine of the two claims with their typed slots masked (see
    #: ``consistency.slots``), when the pipeline computed it
    masked: Optional[float] = None
    #: vectors of each claim's text with one name slot masked, by the slot's
    #: (start, end) in the article (``consistency.slots.SameEvent.variants``)
    variants_a: Mapping = field(default_factory=dict)
    variants_b: Mapping = field(default_factory=dict)
    #: (masked cosine a-k, masked cosine k-b, language of k) for each third
    #: claim k of the cluster (``consistency.slots.SameEvent.paths``)
    event_paths: tuple = ()
    #: slots of a paired with slots of b by aligned tokens
    #: (``consistency.align.SlotLink``), when the pipeline computed them
    links: tuple = ()
    #: the pipeline ran the token alignment on this pair: an empty ``links``
    #: then says the model set no slot of one where a slot of the other stands
    aligned: bool = False
    #: tokens of a linked to tokens of b (``consistency.align.WordLink``),
    #: when a claim carries a negation cue and the pipeline computed them
    words: tuple = ()
    #: (span of a count of a, span of a count of b, token cosines of the
    #: words they measure and of the noun phrases after them), when the
    #: claims are in two languages (``consistency.slots.SameEvent.measure_words``)
    measure_words: tuple = ()
    #: every amount each article states, in any sentence (``SameEvent.amounts``):
    #: an amount the other article also states is no contradiction of it
    amounts_a: tuple = ()
    amounts_b: tuple = ()


@dataclass(frozen=True)
class Judgement:
    """One inconsistency found by a rule in a pair.

    ``value_a``/``value_b`` are the compared values as written, with their spans
    in the article text (``None`` for "the whole claim").  ``compared`` holds the
    normalised values that identify the contradiction (fingerprint, de-duplication).
    ``severity`` overrides the rule's default for this judgement only.
    """

    message: str
    value_a: Optional[str]
    value_b: Optional[str]
    span_a: Optional[tuple[int, int]]
    span_b: Optional[tuple[int, int]]
    compared: tuple[str, ...]
    confidence: float
    severity: Optional[str] = None


class Rule:
    """Base class of every rule; subclasses implement :meth:`check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    kind: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"

    def check(self, pair: Pair) -> Iterable[Judgement]:  # pragma: no cover - abstract
        raise NotImplementedError

    # ------------------------------------------------------------ options
    @classmethod
    def option(cls, config: Config, key: str, default):
        """A per-rule option from ``config.rules[CODE]``, converted to ``default``'s type."""
        raw = config.rule_option(cls.code, key, None)
        if raw is None:
            return default
        if isinstance(default, bool):
            return str(raw).strip().lower() in ("1", "true", "yes", "on")
        if isinstance(default, (int, float)):
            return type(default)(float(raw)) if isinstance(default, int) else float(raw)
        return raw

    @classmethod
    def info(cls) -> RuleInfo:
        doc = inspect.cleandoc(cls.__doc__ or "")
        return RuleInfo(code=cls.code, name=cls.name, kind=cls.kind, severity=cls.severity,
                        summary=doc.splitlines()[0].strip(), doc=doc)


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: validate a rule and add it to :data:`REGISTRY`."""
    problems = []
    if not CODE_RE.match(cls.code or ""):
        problems.append(f"code {cls.code!r} is not three capitals and three digits")
    if cls.__name__ != cls.code:
        problems.append(f"class name {cls.__name__!r} differs from its code")
    if not cls.name:
        problems.append("no name")
    if cls.kind not in KINDS:
        problems.append(f"kind {cls.kind!r} is not one of {', '.join(KINDS)}")
    if cls.severity not in SEVERITIES:
        problems.append(f"severity {cls.severity!r} is not one of {', '.join(SEVERITIES)}")
    doc = inspect.cleandoc(cls.__doc__ or "")
    if not doc.strip():
        problems.append("no docstring")
    else:
        if "Inconsistent:" not in doc:
            problems.append("docstring has no 'Inconsistent:' example")
        if "Consistent:" not in doc.replace("Inconsistent:", ""):
            problems.append("docstring has no 'Consistent:' example")
    if cls.code in REGISTRY and REGISTRY[cls.code] is not cls:
        problems.append(f"code {cls.code} is already registered")
    if problems:
        raise RuleDefinitionError(f"rule {cls.__name__}: " + "; ".join(problems))
    REGISTRY[cls.code] = cls
    return cls
