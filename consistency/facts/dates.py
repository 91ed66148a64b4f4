"""Placeholder until the dates extractor lands: finds nothing."""
from __future__ import annotations


def extract(text, offset, lang, ctx):
    return ()
