"""Corpus loading: paths -> :class:`~consistency.records.Article` records.

Files and directories (recursing, sorted, symlink loops skipped) with the
suffixes ``.txt .md .markdown .html .htm .json .jsonl``.  Order is
deterministic: by path.  Metadata comes from front matter / HTML meta / JSON
keys, else is inferred: the outlet from a source line ("Original from
www.nytimes.com" gives ``nytimes.com``), language by detection, ``published`` from an explicit
timestamp line near the end of the text (e.g. ``2023-09-05 11:47:52``) or a
``Published: 2023-09-05`` line, otherwise unknown.  A date in a page header's
weather widget ("Tuesday, April 30, 2024") is the day the page was shown, not
when the story was published, so it is not used.

Problems that make a file unusable as a whole (missing path, binary data,
malformed JSON, over the size limit, not a regular file) raise
:class:`InputError` (exit 2) when the file was named explicitly; a file found
by walking a folder is skipped with a note instead, so one stray file in an
uncleaned folder does not stop the run.  Problems that only make one article
unusable (empty, only boilerplate, unsupported language, duplicate of another)
skip it with a note.  Notes name the file, one line each.
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..config import Config
from ..errors import InputError
from ..records import Article
from . import language
from .boilerplate import find_boilerplate
from .readers import SUFFIXES, RawDoc, read_file

__all__ = ["Corpus", "load_corpus", "discover", "build_article"]


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    #: one line per skipped file/article or loading remark, naming the file
    notes: list[str] = field(default_factory=list)


def discover(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[str]]:
    """Expand files and directories into a sorted list of supported files."""
    found, notes = _discover(paths)
    return [f for f, _ in found], notes


def _discover(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[Path, bool]], list[str]]:
    """Like :func:`discover`, each file paired with whether it was named
    explicitly (True) or found by walking a directory (False)."""
    files: list[tuple[Path, bool]] = []
    notes: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            kind = "broken symbolic link" if p.is_symlink() else "no such file or directory"
            raise InputError(kind, str(raw))
        if p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                raise InputError(f"unsupported file type {p.suffix or '(none)'!r}; "
                                 f"expected one of {', '.join(SUFFIXES)}", str(raw))
            files.append((p, True))
            continue
        if not p.is_dir():
            raise InputError("not a regular file or folder", str(raw))
        before = len(files)
        seen: set[str] = set()
        for root, dirs, names in os.walk(p, followlinks=True, onerror=lambda e: notes.append(
                f"{e.filename}: cannot list folder: {e.strerror}; skipped")):
            real = os.path.realpath(root)
            if real in seen:
                notes.append(f"{root}: directory visited already (symlink loop); skipped")
                dirs[:] = []
                continue
            seen.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                    continue
                if name.lower() == "readme.md":
                    continue
                f = Path(root) / name
                if f.is_file():
                    files.append((f, False))
                elif f.is_symlink() and not f.exists():
                    notes.append(f"{f}: broken symbolic link; skipped")
                else:
                    notes.append(f"{f}: not a regular file; skipped")
        if len(files) == before:
            notes.append(f"{p}: no {', '.join(SUFFIXES)} files found in this folder")
    unique: dict[str, tuple[Path, bool]] = {}
    for f, explicit in files:
        key = os.path.realpath(f)
        if key not in unique or (explicit and not unique[key][1]):
            unique[key] = (unique[key][0], True) if key in unique else (f, explicit)
    return sorted(unique.values(), key=lambda fe: fe[0].as_posix()), notes


_TIMESTAMP = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_PUBLISHED_LINE = re.compile(r"^\s*(?:published|publicado|updated|actualizado)(?: on| el)?:?\s+(\d{4}-\d{2}-\d{2})",
                             re.IGNORECASE)


def parse_date(value: str) -> _dt.date | None:
    """A publication date as metadata gives it: ISO 8601 ("2026-05-12",
    "2026-05-12T10:00:00+02:00"), an e-mail or feed date ("Tue, 12 May 2026
    10:00:00 +0200"), or one day written out in a configured language ("May
    12, 2026", "12 de mayo de 2026"); None otherwise."""
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        import email.utils

        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _written_date(value.strip())


def _written_date(value: str) -> _dt.date | None:
    """One day written out in words, the whole value ("May 12, 2026")."""
    import types

    from ..facts import dates as _dates
    from .. import lang as langdata

    for lang in langdata.available_languages():
        try:
            found = _dates.extract(value, 0, lang, types.SimpleNamespace(published=None))
        except Exception:  # pragma: no cover - a language's data cannot read it
            continue
        for t in found:
            if t.granularity == "day" and t.low is not None and t.low == t.high \
                    and len(t.text) >= 0.6 * len(value):
                return t.low
    return None


def infer_published(text: str) -> _dt.date | None:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines[-6:]:
        m = _TIMESTAMP.match(ln)
        if m:
            return parse_date(m.group(1))
    for ln in lines[:12] + lines[-6:]:
        m = _PUBLISHED_LINE.match(ln)
        if m:
            return parse_date(m.group(1))
    return None


@functools.lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern, ...]:
    from .. import lang as langdata

    return tuple(re.compile(p, re.IGNORECASE)
                 for p in langdata.load_shared("boilerplate").get("outlet_lines", []))


def infer_outlet(text: str) -> str | None:
    """The outlet named by a source line such as "Original from www.nytimes.com"
    (near the end or the start of the text), or None."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines[-8:] + lines[:8]:
        for pat in _outlet_patterns():
            m = pat.match(ln)
            if m:
                return m.group("outlet").lower()
    return None


def _article_id(path: Path, raw: RawDoc) -> str:
    if raw.meta.get("id"):
        return str(raw.meta["id"])
    return path.stem if raw.index is None else f"{path.stem}-{raw.index}"


def build_article(path: Path, raw: RawDoc, config: Config, notes: list[str]) -> Article | None:
    """One raw document -> Article, or None (with a note) when it must be skipped."""
    where = str(path) if raw.index is None else f"{path} (item {raw.index})"
    text = raw.text
    if not text.strip():
        notes.append(f"{where}: empty; skipped")
        return None
    body_start = raw.body_start
    ignored = [(0, body_start)] if body_start else []
    lang_source = "front-matter"
    lang = (raw.meta.get("lang") or "").lower().split("-")[0] or None
    if lang is None:
        lang_source = "detected"
        lang = language.detect(text[body_start:], config.languages)
    if lang is None or lang not in config.languages:
        notes.append(f"{where}: language {lang or 'unknown'!r} is not among the configured "
                     f"languages ({', '.join(config.languages)}); skipped")
        return None
    ignored += find_boilerplate(text, config.languages, start=body_start)
    if not _has_content(text, ignored, body_start):
        notes.append(f"{where}: only boilerplate, no article text; skipped")
        return None
    published = None
    published_source = None
    art_notes = list(raw.notes)
    if raw.meta.get("published"):
        published = parse_date(raw.meta["published"])
        if published is None:
            notes.append(f"{where}: invalid published date {raw.meta['published']!r}; treated as unknown")
        else:
            published_source = "metadata"
    if published is None and not raw.meta.get("published"):
        published = infer_published(text)
        published_source = "text" if published else None
    for n in raw.notes:
        notes.append(f"{where}: {n}")
    return Article(
        id=_article_id(path, raw), path=path.as_posix(), text=text, lang=lang,
        outlet=raw.meta.get("outlet") or infer_outlet(text), title=raw.meta.get("title"),
        url=raw.meta.get("url"),
        published=published, published_source=published_source, lang_source=lang_source,
        ignored=tuple(tuple(r) for r in sorted(ignored)), encoding=raw.encoding, notes=tuple(art_notes),
    )


def _has_content(text: str, ignored: list[tuple[int, int]], start: int) -> bool:
    pos = start
    for a, b in sorted(ignored):
        if a > pos and any(ch.isalpha() for ch in text[pos:a]):
            return True
        pos = max(pos, b)
    return any(ch.isalpha() for ch in text[pos:])


def _fingerprint(article: Article) -> str:
    parts = []
    pos = 0
    for a, b in article.ignored:
        parts.append(article.text[pos:a])
        pos = max(pos, b)
    parts.append(article.text[pos:])
    norm = " ".join(" ".join(parts).split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def load_corpus(paths: Iterable[str | os.PathLike], config: Config | None = None) -> Corpus:
    """Load every article under ``paths``; raise InputError on unusable input."""
    config = config or Config()
    files, notes = _discover(paths)
    corpus = Corpus(notes=notes)
    seen_ids: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    for f, explicit in files:
        try:
            raws = read_file(f, config.max_file_bytes)
        except InputError as exc:
            if explicit:  # named on the command line: the user must fix it
                raise
            corpus.notes.append(f"{exc}; skipped")  # found in a folder: skip it, say so
            continue
        for raw in raws:
            art = build_article(f, raw, config, corpus.notes)
            if art is None:
                continue
            if art.id in seen_ids:
                raise InputError(f"article id {art.id!r} is also used by {seen_ids[art.id]}; "
                                 f"give one of them an 'id:' in its front matter", art.path)
            digest = _fingerprint(art)
            if digest in seen_text:
                corpus.notes.append(f"{art.path}: same text as {seen_text[digest]}; skipped as a duplicate")
                continue
            seen_ids[art.id] = art.path
            seen_text[digest] = art.path
            corpus.articles.append(art)
    return corpus
