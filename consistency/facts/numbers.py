"""Locale-aware number parsing, shared by the quantity and date extractors.

Two kinds of numbers are read:

* digits with separators ("495.000", "1,5", "5,300", "1.5").  The claim's
  language data (``lang/<lang>/quantities.toml`` ``[format]``) says which
  character is the decimal mark and which ones group thousands.  Ambiguous
  cases are settled by the shape of the number, not by guessing the language:

  - two different separators: the last one is the decimal mark ("1.234,5");
  - the same separator twice or more: it groups thousands ("1,234,567");
  - one separator followed by exactly three digits: the language decides
    ("5.300" is 5300 in Spanish, 5.3 in English) -- except that a decimal part
    of "000" is always read as grouping ("495,000" is 495000 everywhere);
  - one separator followed by other than three digits cannot group thousands,
    so it is a decimal mark ("1.5 millones" and "1,5 million" are both 1.5).

* number words ("six", "seis", "twenty-five", "treinta y dos", "mil
  millones"), from ``[words]`` and ``[scales]`` of the same data file.

``ms-recognizers-text-suite`` also reads the seed numbers right (see
docs/libraries.md) but reads "un" as 1 and "medio" as 0.5, and gives no
qualifiers or currency codes; rules plus per-language data give the same
numbers with none of that noise and keep the extractors fast.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import lang as _lang


@dataclass(frozen=True)
class NumberFormat:
    """How one language writes numbers, plus its number words."""

    decimal: str
    thousands: tuple[str, ...]
    words: dict  # word -> value (units, teens, tens, hundreds)
    scales: dict  # word -> multiplier ("million" -> 1e6)
    connectors: tuple[str, ...]  # joiners inside a number phrase ("-", " y ")
    solo_min: float  # smallest word number read on its own ("one" is not)
    fractions: dict  # "half" -> 0.5, only before a scale word


@functools.lru_cache(maxsize=None)
def number_format(lang: str) -> NumberFormat:
    """The number format of ``lang`` (English format when the language has no data)."""
    data = _lang.load(lang, "quantities") or _lang.load("en", "quantities")
    fmt = data.get("format", {})
    return NumberFormat(
        decimal=fmt.get("decimal", "."),
        thousands=tuple(fmt.get("thousands", [","])),
        words={k.lower(): float(v) for k, v in data.get("words", {}).items()},
        scales={k.lower(): float(v) for k, v in data.get("scales", {}).items()},
        connectors=tuple(fmt.get("connectors", [" "])),
        solo_min=float(fmt.get("solo_min", 2)),
        fractions={k.lower(): float(v) for k, v in data.get("fractions", {}).items()},
    )


_SEP = re.compile(r"[^\d]")


def parse_digits(s: str, lang: str) -> Optional[float]:
    """The value of a digit string such as "495.000" or "1,5" in ``lang``; None if malformed."""
    parsed = read_digits(s, lang)
    return parsed[0] if parsed else None


def read_digits(s: str, lang: str) -> Optional[tuple[float, int]]:
    """``(value, decimals stated)`` of a digit string in ``lang``; None if malformed."""
    fmt = number_format(lang)
    seps = _SEP.findall(s)
    if not seps:
        return (float(s), 0) if s.isdigit() else None
    groups = _SEP.split(s)
    if any(not g.isdigit() for g in groups):
        return None
    distinct = list(dict.fromkeys(seps))
    if len(distinct) > 2:
        return None
    if len(distinct) == 2:
        dec = seps[-1]
        if seps.count(dec) != 1 or not _valid_grouping(groups[:-1]):
            return None
        return float("".join(groups[:-1]) + "." + groups[-1]), len(groups[-1])
    sep = distinct[0]
    if len(seps) > 1:  # repeated: only grouping makes sense
        return (float("".join(groups)), 0) if _valid_grouping(groups) else None
    head, tail = groups
    grouping = (float(head + tail), 0)
    decimal = (float(head + "." + tail), len(tail))
    if len(tail) != 3 or len(head) > 3 or head == "0":
        return decimal  # cannot be a thousands group
    if tail == "000":
        return grouping
    if sep == fmt.decimal:
        return decimal
    if sep in fmt.thousands:
        return grouping
    return decimal


def _valid_grouping(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and groups[0] != "0" and all(len(g) == 3 for g in groups[1:])


def parse_words(s: str, lang: str) -> Optional[float]:
    """The value of a number phrase such as "twenty-five", "seis millones", "mil millones"."""
    fmt = number_format(lang)
    text = " " + s.lower().strip() + " "
    for c in fmt.connectors:
        text = text.replace(c, " ")
    tokens = text.split()
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    last_scale = 0.0
    fraction = None
    for tok in tokens:
        if tok in fmt.fractions and fraction is None and current == 0 and total == 0:
            fraction = fmt.fractions[tok]
        elif tok in fmt.words:
            value = fmt.words[tok]
            if current and not _can_add(current, value):
                return None  # "a one", "two three": not one number
            current += value
        elif tok in fmt.scales:
            scale = fmt.scales[tok]
            if scale == 100:
                current = (current or 1) * 100
            elif current == 0 and total and scale > last_scale:
                total *= scale  # "mil millones"
                last_scale = scale
            else:
                base = (current or 1) * (fraction or 1)
                total += base * scale
                current = 0
                fraction = None
                last_scale = scale
        else:
            return None
    if fraction is not None and total == 0 and current == 0:
        return None
    return total + current


def scale_value(word: str, lang: str) -> Optional[float]:
    """The multiplier of a scale word ("million", "millones", "bn"), or None."""
    return number_format(lang).scales.get(word.lower().strip(". "))


def _can_add(current: float, value: float) -> bool:
    """Whether ``value`` may follow ``current`` inside one number ("twenty" + "one")."""
    for place in (1000, 100, 10):
        if current % place == 0 and value < place:
            return True
    return False
