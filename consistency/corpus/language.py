"""Language identification with lingua, restricted to a small set of languages.

Only the configured languages plus a few common others are loaded (low-accuracy
mode: ~25 MB, ~0.1 s), so that an article in an unsupported language is told
apart and skipped instead of being forced into English or Spanish.
"""
from __future__ import annotations

import functools

#: languages recognised only to be reported as unsupported
_DECOYS = ("fr", "de", "pt", "it", "ru", "nl")


@functools.lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in codes:
        try:
            langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    if len(langs) < 2:
        langs.append(Language.ENGLISH if Language.ENGLISH not in langs else Language.SPANISH)
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect(text: str, languages: list[str]) -> str | None:
    """ISO 639-1 code of the language of ``text`` (None if undecidable)."""
    codes = tuple(sorted(set(languages) | set(_DECOYS)))
    lang = _detector(codes).detect_language_of(text[:5000])
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()
