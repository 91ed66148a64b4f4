"""Per-language knowledge, kept as data (TOML files), not as code branches.

Layout: ``consistency/lang/<code>/<name>.toml`` for one language
(``en/boilerplate.toml``, ``es/quantities.toml`` ...) and
``consistency/lang/<name>.toml`` for cross-language data (gazetteers,
glossaries).  Adding a language means adding a folder of data files plus tests.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def available_languages() -> tuple[str, ...]:
    """Language codes that have a data folder."""
    return tuple(sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_")))


@functools.lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict:
    """The data file ``<lang>/<name>.toml`` as a dict ({} when the language has none)."""
    path = HERE / lang / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


@functools.lru_cache(maxsize=None)
def load_shared(name: str) -> dict:
    """The cross-language data file ``<name>.toml`` ({} when absent)."""
    path = HERE / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)
