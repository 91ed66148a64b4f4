"""Reporters: turn a finished :class:`consistency.records.Report` into output.

Formats: ``text`` (terminal summary), ``json`` (exactly ``Report.to_dict()``),
``sarif`` (SARIF 2.1.0 for code-scanning viewers) and ``html`` (one
self-contained page for people).  Reporters only render: they read the
``Report`` and never import rules, models or embeddings.

>>> from consistency.reporters import render, write
>>> text = render(report, "text", color=False)      # doctest: +SKIP
>>> write(report, "html", "reports/story.html")      # doctest: +SKIP
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import InputError
from ..records import Report

FORMATS = ("text", "json", "sarif", "html")


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """Render ``report`` in format ``fmt`` and return the document as text.

    ``color`` only affects the text format (ANSI colours for a terminal).
    """
    if fmt == "text":
        from . import text

        return text.render(report, color=color)
    if fmt == "json":
        from . import jsonout

        return jsonout.render(report)
    if fmt == "sarif":
        from . import sarif

        return sarif.render(report)
    if fmt == "html":
        from . import html

        return html.render(report)
    raise InputError(f"unknown report format {fmt!r} (expected one of: {', '.join(FORMATS)})")


def write(report: Report, fmt: str, path: str | Path) -> None:
    """Render ``report`` and write it to ``path`` atomically.

    The document is written to a temporary file in the same directory (JSON
    piece by piece, the other formats rendered first) and moved into place
    with :func:`os.replace`, so readers
    never see a half-written file and a failure leaves nothing behind.
    Raises :class:`InputError` naming ``path`` when its directory is missing
    or not writable.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"cannot write {fmt} report: directory {str(directory)!r} does not exist",
                         str(target))
    if target.is_dir():
        raise InputError(f"cannot write {fmt} report: the path is a directory", str(target))
    if fmt == "json":  # streamed: a large report is never held whole in memory
        from . import jsonout

        pieces = (piece.encode("utf-8") for piece in jsonout.chunks(report))
    else:
        pieces = iter((render(report, fmt).encode("utf-8"),))
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            for piece in pieces:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(f"cannot write {fmt} report: {reason}", str(target)) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _umask() -> int:
    """The process umask (read without changing it for longer than a moment)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


__all__ = ["FORMATS", "render", "write"]
