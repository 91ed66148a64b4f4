"""Negation: cues that deny what a claim says, with what they deny.

Cues, idioms and hedges are data (``consistency/lang/<lang>/negation.toml``).
One regular expression per language finds the cues (multi-word cues first:
"have not yet" before "not"; "aún no" before "no"); word endings such as
"n't" count too.

Not recorded, on purpose:

* idioms -- "not only", "not the first time", "no es la primera vez", "no hay
  duda", "sin embargo": they assert, they do not deny;
* hedges -- "It is not clear if ...", "no está claro si ...": the writer does
  not know; nothing is denied, and recording them would make the claim count
  as negated (``Facts.negated``) and set off the polarity rule;
* "No." before a number (an abbreviation).

``scope`` is what is denied, when it can be told: the words after the cue up
to punctuation or a clause word, skipping auxiliaries and clitics ("cannot be
accurately verified" -> "accurately verified owing to"), at most a few words.
A cue with nothing after it ("... or not.") has scope None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang as _lang
from ..records import Negation

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class _Data:
    cues: re.Pattern
    idioms: tuple[str, ...]
    hedges: tuple[str, ...]
    abbreviations: tuple[str, ...]
    skip: frozenset
    stop: frozenset
    words: int
    requests: re.Pattern
    single: frozenset
    request_after: frozenset = frozenset()
    request_before: frozenset = frozenset()
    gated: frozenset = frozenset()
    gated_verb: re.Pattern | None = None


def _phrase(p: str) -> str:
    return re.sub("['’]", "['’]", re.escape(p).replace(r"\ ", r"\s+"))


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> _Data:
    d = _lang.load(lang, "negation") or _lang.load("en", "negation")
    cues = sorted(d.get("cues", []), key=len, reverse=True)
    # verbs that deny only the verb after them ("rechazó aprobar", "ruled
    # out raising"): a cue when the next word has the form of ``verb_form``
    verb = d.get("verb_form")
    # up to ``verb_reach`` words may stand between the verb and the next
    # ("descartó por ahora convocar"), none of them a determiner: "rechazó a
    # la mujer" has no verb after it
    reach = int(d.get("verb_reach", 0))
    dets = [_phrase(w) for w in _lang.load(lang, "entities").get("determiners", [])]
    word = r"(?!(?:%s)(?!\w))[^\W\d_]+" % "|".join(dets) if dets else r"[^\W\d_]+"
    between = r"(?:\s+%s){0,%d}?" % (word, reach) if reach else ""
    gated = [(c, r"(?<!\w)" + _phrase(c) + r"(?=" + between + r"\s+(?:" + verb + r")(?!\w))")
             for c in d.get("before_verb", [])] if verb else []
    alts = [p for _, p in sorted([(c, r"(?<!\w)" + _phrase(c) + r"(?!\w)") for c in cues] + gated,
                                 key=lambda cp: len(cp[0]), reverse=True)]
    alts += [r"(?<=\w)" + _phrase(s) + r"(?!\w)" for s in d.get("suffixes", [])]
    return _Data(
        cues=re.compile("|".join(alts) or r"(?!x)x", re.IGNORECASE),
        idioms=tuple(p.lower() for p in d.get("idioms", [])),
        hedges=tuple(p.lower() for p in d.get("hedges", [])),
        abbreviations=tuple(p.lower() for p in d.get("number_abbreviations", [])),
        skip=frozenset(w.lower() for w in d.get("scope_skip", [])),
        stop=frozenset(w.lower() for w in d.get("scope_stop", [])),
        words=int(d.get("scope_words", 4)),
        requests=re.compile(r"(?<!\w)(?:" + "|".join(_phrase(v) for v in sorted(
            d.get("request_verbs", []), key=len, reverse=True)) + r")(?!\w)" if d.get("request_verbs")
            else r"(?!x)x", re.IGNORECASE),
        single=frozenset(re.sub(r"\s+", "-", c.lower()) for c in cues),
        request_after=frozenset(w.lower() for w in d.get("request_after", [])),
        request_before=frozenset(w.lower() for w in d.get("request_before", [])),
        gated=frozenset(" ".join(c.lower().split()) for c in d.get("before_verb", [])) if verb else frozenset(),
        gated_verb=re.compile(between + r"\s+(" + verb + r")(?!\w)", re.IGNORECASE) if verb else None,
    )


def scope_stops(lang: str) -> frozenset:
    """The words that end a negation's scope in ``lang`` (clause words: "and",
    "but", "y", "pero")."""
    return _data(lang).stop


@functools.lru_cache(maxsize=None)
def determiner_cues(lang: str) -> frozenset:
    """Cues of ``lang`` that stand before a noun ("no patient", "ningún
    paciente": ``determiners`` in ``negation.toml``), folded."""
    from .names import fold

    d = _lang.load(lang, "negation") or {}
    return frozenset(fold(w) for w in d.get("determiners", []))


def _starts_with(text: str, pos: int, phrases: tuple[str, ...]) -> bool:
    head = re.sub(r"\s+", " ", text[pos:pos + 60].lower()).replace("’", "'")
    return any(head.startswith(p.replace("’", "'")) and not head[len(p):len(p) + 1].isalnum()
               for p in phrases)


def _scope(text: str, end: int, d: _Data) -> str | None:
    words = []
    for m in _WORD.finditer(text, end):
        gap = text[end:m.start()]
        if any(c in gap for c in ",.;:!?\"“”()«»—–\n"):
            break
        w = m.group()
        if w.lower() in d.stop:
            break
        if not words and w.lower() in d.skip:
            end = m.end()
            continue
        words.append(w)
        end = m.end()
        if len(words) >= d.words:
            break
    return " ".join(words) or None


def _requested(text: str, start: int, end: int, d: _Data) -> bool:
    """The cue opens what someone is asked to do: a request verb at most six
    words before it in the same clause, and the cue in an infinitive ("urged
    the government not to abandon it", "instó al Gobierno a no abandonarlo")."""
    nxt = _WORD.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    words = _WORD.findall(re.split(r"[,;:.!?\"“”()«»—–\n]", text[max(0, start - 80):start])[-1])
    if not ((nxt and nxt.group().lower() in d.request_after)
            or (words and words[-1].lower() in d.request_before)):
        return False
    window = words[-7:]
    if window and window[-1].lower() in d.request_before:
        window = window[:-1]
    for i in range(len(window) - 1, -1, -1):
        if window[i].lower() in d.stop:
            window = window[i + 1:]
            break
    return bool(d.requests.search(" ".join(window)))


def find(text: str, lang: str, requested: bool = False) -> list[tuple[int, int, str, str | None]]:
    """(start, end, cue, scope) of each negation, claim-relative.  With
    ``requested`` the cues of what someone is asked to do ("urged the board
    not to approve") are included too: they deny nothing, but they still
    turn the verb after them around ("not to approve" is no approval)."""
    d = _data(lang)
    out = []
    for m in d.cues.finditer(text):
        s, e = m.start(), m.end()
        if m.group().startswith(("n't", "n’t")):
            # "didn't": the cue is the whole word
            w = re.search(r"\w+$", text[:s])
            s = w.start() if w else s
        if _starts_with(text, m.start(), d.idioms):
            continue
        if text[e:e + 1] in "-‑" and e < len(text):
            # part of a compound modifier ("a not-too-distant future", "a
            # no-fly zone"), unless the compound is itself a cue ("no-one")
            word = re.match(r"[\w-]+", text[s:])
            if word and word.group().lower() not in d.single:
                continue
        if not requested and _requested(text, s, e, d):
            continue
        # hedges may start one word before the cue ("unclear") or at it
        if any(_starts_with(text, w.start(), d.hedges) for w in _WORD.finditer(text, m.start(), m.end())):
            continue
        if any(text[m.start():m.start() + len(a)].lower() == a
               and re.match(r"\s*\d", text[m.start() + len(a):]) for a in d.abbreviations):
            continue
        start = e
        if d.gated_verb is not None and " ".join(m.group().lower().split()) in d.gated:
            # what a verb that denies the verb after it denies starts at that
            # verb: "descartó por ahora convocar nuevos paros" denies
            # "convocar nuevos paros"
            after = d.gated_verb.match(text, e)
            if after is not None:
                start = after.start(1)
        out.append((s, e, text[s:e], _scope(text, start, d)))
    return out


def extract(text: str, offset: int, lang: str, ctx=None) -> tuple[Negation, ...]:
    """Negations of a claim; spans are offsets into the article text."""
    return tuple(Negation(cue=c, start=s + offset, end=e + offset, scope=sc)
                 for s, e, c, sc in find(text, lang))
