"""Boilerplate detection: marks ranges of an article's text as ignored.

Nothing is deleted: the result is a list of ``(start, end)`` character ranges
into the text, so every claim span still points into the original file.  The
phrases and patterns are per-language data (``consistency/lang/<lang>/
boilerplate.toml``) plus language-neutral ones (``consistency/lang/
boilerplate.toml``).  All configured languages' lists are applied to every
article, because pages mix languages in their chrome ("- Advertisement -" on a
Spanish site).

What is recognised, line by line:

- whole lines listed as boilerplate ("- Advertisement -", "Must read", "Archives"),
  or starting with a listed prefix ("Also Read: …", "Original from …");
- whole lines matching a pattern (weather "16.2 C", header datelines
  "Tuesday, April 30, 2024", bare timestamps, "rnrn", stray "Mikhail…");
- a weather widget: the short lines right after a weather line ("Madrid");
- author blocks: a name line repeated on the next line, and a short bio line
  after it ("Aspiring reporter covering trending topics"); "By Jane Doe" lines;
- photo credits: "Name Surname/Reuters" lines, and in-line tails from a marker to
  the end of the line ("… Foto: captura de pantalla.");
- a dateline prefix in capitals at the start of a line ("CUBA: ").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang as langdata

_DECOR = " \t-–—•*|·"


@dataclass(frozen=True)
class _Rules:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    tails: tuple[str, ...]
    bio_words: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    credit: re.Pattern | None
    weather: re.Pattern | None
    weather_lines: int
    weather_words: int


@functools.lru_cache(maxsize=16)
def _rules(languages: tuple[str, ...]) -> _Rules:
    shared = langdata.load_shared("boilerplate")
    lines: set[str] = set()
    prefixes: list[str] = []
    tails: list[str] = []
    bios: list[str] = []
    bylines: list[str] = []
    patterns = [re.compile(p) for p in shared.get("line_patterns", [])]
    for code in languages:
        data = langdata.load(code, "boilerplate")
        lines.update(s.lower() for s in data.get("lines", []))
        prefixes.extend(s.lower() for s in data.get("prefixes", []))
        tails.extend(data.get("tails", []))
        bios.extend(s.lower() for s in data.get("bio_words", []))
        bylines.extend(data.get("byline_prefixes", []))
        patterns.extend(re.compile(p, re.IGNORECASE) for p in data.get("line_patterns", []))
    agencies = shared.get("credit_agencies", [])
    credit = None
    if agencies:
        alt = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
        credit = re.compile(
            r"^(?:[A-ZÀ-Ý][\w.'’-]*\s){0,4}[A-ZÀ-Ý][\w.'’-]*\s?/\s?(?:%s)(?:\s?/\s?[\w ]+)?$" % alt)
    weather = re.compile(shared["line_patterns"][0]) if shared.get("line_patterns") else None
    return _Rules(frozenset(lines), tuple(prefixes), tuple(tails), tuple(bios), tuple(bylines),
                  tuple(patterns), credit, weather,
                  int(shared.get("weather_block_lines", 2)), int(shared.get("weather_block_max_words", 3)))


_DATELINE = re.compile(r"^([A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ .'-]{1,30}):\s")


def _lines(text: str, start: int = 0):
    """Yield (line_start, line_end_without_newline, line_text)."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield start + pos, start + pos + len(body), body
        pos += len(raw)


def _trimmed_range(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_boilerplate(text: str, languages: list[str] | tuple[str, ...],
                     start: int = 0) -> list[tuple[int, int]]:
    """Ignored ranges of ``text`` (offsets relative to the text, from ``start``)."""
    rules = _rules(tuple(sorted(set(languages))))
    lines = [(a, b, s) for a, b, s in _lines(text[start:], start) if s.strip()]
    ranges: list[tuple[int, int]] = []
    skip_weather = 0
    for i, (a, b, line) in enumerate(lines):
        s = line.strip()
        plain = s.strip(_DECOR).lower()
        ta, tb = _trimmed_range(text, a, b)
        if skip_weather and (len(s.split()) <= rules.weather_words or _any(rules.patterns, s)):
            ranges.append((ta, tb))
            skip_weather -= 1
            continue
        skip_weather = 0
        if rules.weather is not None and rules.weather.match(s):
            ranges.append((ta, tb))
            skip_weather = rules.weather_lines
            continue
        if (plain in rules.lines or plain.startswith(rules.prefixes) or _any(rules.patterns, s)
                or (rules.credit is not None and rules.credit.match(s))):
            ranges.append((ta, tb))
            continue
        if _is_byline(lines, i, rules):
            ranges.append((ta, tb))
            continue
        if any(s.startswith(p) for p in rules.byline_prefixes) and len(s.split()) <= 5 and not s.endswith("."):
            ranges.append((ta, tb))
            continue
        m = _DATELINE.match(line)
        if m and len(m.group(1).split()) <= 3:
            ranges.append((a, a + m.end()))
        for marker in rules.tails:
            k = line.find(marker)
            if k > 0 and line[:k].rstrip().endswith((".", "!", "?", "”", '"')):
                ranges.append(_trimmed_range(text, a + k, b))
                break
    return _merge(ranges)


def _any(patterns, s: str) -> bool:
    return any(p.match(s) for p in patterns)


def _is_name(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not s.endswith((".", ":"))


def _is_byline(lines, i: int, rules: _Rules) -> bool:
    """A doubled author name, or the bio line that follows one."""
    s = lines[i][2].strip()
    if _is_name(s):
        if i + 1 < len(lines) and lines[i + 1][2].strip() == s:
            return True
        if i > 0 and lines[i - 1][2].strip() == s:
            return True
    if i >= 2 and lines[i - 1][2].strip() == lines[i - 2][2].strip() and _is_name(lines[i - 1][2].strip()):
        low = s.lower()
        if len(s.split()) <= 15 and any(w in low for w in rules.bio_words):
            return True
    return False


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
