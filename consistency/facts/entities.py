"""Placeholder until the entities extractor lands: finds nothing."""
from __future__ import annotations


def extract(text, offset, lang, ctx):
    return ()
