"""The rule registry: every rule by code, and what reporters may know of it.

Rule families live in one module each (quantity, date, attribution, actor,
location, negation) and register their rules on import.  Importing this package
is cheap: no numpy, no torch.

    >>> from consistency import rules
    >>> rules.get("QTY001").name
    'amounts-contradict'
"""
from __future__ import annotations

import importlib

from ..records import RuleInfo
from .base import REGISTRY, Rule

#: the rule family modules, in display order
FAMILIES = ("quantity", "date", "attribution", "actor", "location", "negation", "predicate", "support")

_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        for name in FAMILIES:
            importlib.import_module(f"{__name__}.{name}")
        _loaded = True


def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, ordered by code."""
    _load()
    return tuple(REGISTRY[c] for c in sorted(REGISTRY))


def rule_infos() -> tuple[RuleInfo, ...]:
    """Code, name, kind, default severity, summary and doc of every rule."""
    return tuple(r.info() for r in all_rules())


def get(code: str) -> type[Rule]:
    """The rule class registered under ``code`` (case-insensitive); KeyError if none."""
    _load()
    return REGISTRY[code.strip().upper()]
