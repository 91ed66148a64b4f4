"""Reading one file into raw documents: decoding, front matter, HTML, JSON.

A raw document is ``(text, meta, encoding, notes)``; :mod:`consistency.corpus`
turns it into an :class:`~consistency.records.Article`.
"""
from __future__ import annotations

import codecs
import html.parser
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

META_KEYS = ("id", "outlet", "title", "url", "published", "lang")
#: other names for the metadata keys, as static site generators and
#: scrapers write them ("date: 2026-05-12" in a Jekyll or Hugo post); the
#: key's own name wins when both are given
META_ALIASES = {
    "date": "published", "pubdate": "published", "published_at": "published",
    "publication_date": "published", "language": "lang", "publisher": "outlet",
    "site_name": "outlet", "link": "url", "headline": "title",
}


def _meta_key(key: str) -> str:
    return META_ALIASES.get(key, key)
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")

_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")


@dataclass
class RawDoc:
    text: str
    meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    #: where the body starts (after front matter)
    body_start: int = 0
    #: suffix of the id for files holding several documents
    index: int | None = None


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Bytes to text: UTF-8 (BOM stripped), UTF-16/32 with BOM, else cp1252 or
    latin-1 — the fallback is reported in the notes, never a crash."""
    if not data:
        return "", "utf-8", []
    if data.startswith(_BINARY_MAGIC):
        raise InputError("binary file (not text); expected .txt, .md, .html, .json or .jsonl", path)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, ([] if enc == "utf-8-sig" else [f"decoded as {enc} (byte order mark)"])
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {enc} text at byte {exc.start}", path)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes); expected text", path)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        enc = "latin-1"
    return text, enc, [f"not valid UTF-8 (first bad byte at {first_bad}); decoded as {enc}"]


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(text: str, path: str) -> tuple[dict, int]:
    """Parse a leading ``---`` block of ``key: value`` lines -> (meta, body start)."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    meta: dict = {}
    for n, line in enumerate(m.group(1).splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise InputError(f"front matter line {n}: expected 'key: value', got {line.strip()!r}", path)
        key = key.strip().lower()
        value = value.strip().strip('"').strip("'")
        if key in META_KEYS and value:
            meta[key] = value
        elif _meta_key(key) in META_KEYS and value:
            meta.setdefault(_meta_key(key), value)
    return meta, m.end()


class _Visible(html.parser.HTMLParser):
    """Collects visible text; block elements become line breaks."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "section", "article", "header", "footer", "blockquote", "figure", "figcaption",
              "table", "pre", "hr", "main", "aside", "nav", "dd", "dt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict = {}
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html" and a.get("lang"):
            self.meta.setdefault("lang", a["lang"].split("-")[0].lower())
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or "").lower()
            content = a.get("content")
            if content:
                if prop in ("article:published_time", "date", "pubdate", "dc.date"):
                    self.meta.setdefault("published", content)
                elif prop in ("og:site_name", "publisher"):
                    self.meta.setdefault("outlet", content)
                elif prop == "og:url":
                    self.meta.setdefault("url", content)
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self._title.append(data)
        if not self.skip:
            self.parts.append(data)


def html_text(source: str) -> tuple[str, dict]:
    parser = _Visible()
    parser.feed(source)
    parser.close()
    raw = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    text = "\n".join(out).strip() + "\n"
    meta = dict(parser.meta)
    title = " ".join("".join(parser._title).split())
    if title:
        meta.setdefault("title", title)
    return text, meta


def read_file(path: Path, max_bytes: int) -> list[RawDoc]:
    """Read one supported file into raw documents (several for JSON lists/JSONL)."""
    p = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", p)
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                         f"(raise max-file-bytes in [consistency] to read it)", p)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", p)
    text, enc, notes = decode(data, p)
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        return _json_docs(text, p, enc, notes, suffix == ".jsonl")
    if suffix in (".html", ".htm"):
        body, meta = html_text(text)
        return [RawDoc(body, meta, enc, notes + ["visible text extracted from HTML"])]
    meta, body_start = front_matter(text, p)
    return [RawDoc(text, meta, enc, notes, body_start)]


def _json_docs(text: str, path: str, enc: str, notes: list[str], lines: bool) -> list[RawDoc]:
    items: list[tuple[int, object]] = []
    if lines:
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"line {n}: invalid JSON: {exc.msg}", path)
    else:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {exc.lineno}: invalid JSON: {exc.msg}", path)
        if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
            obj = obj["articles"]
        objs = obj if isinstance(obj, list) else [obj]
        items = [(i + 1, o) for i, o in enumerate(objs)]
    docs = []
    many = len(items) > 1
    for i, (n, obj) in enumerate(items):
        where = f"line {n}" if lines else f"item {n}"
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f"{where}: expected an object with a \"text\" string", path)
        meta = {k: str(obj[k]) for k in META_KEYS if obj.get(k) not in (None, "")}
        for alias, k in META_ALIASES.items():
            if obj.get(alias) not in (None, "") and k not in meta:
                meta[k] = str(obj[alias])
        docs.append(RawDoc(obj["text"], meta, enc, list(notes), 0, i + 1 if many else None))
    return docs
