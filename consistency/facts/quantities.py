"""Quantities in a claim: money, counts, percentages and measures, as intervals.

One regular expression per language, built from ``lang/<lang>/quantities.toml``
and ``lang/currencies.toml``, finds ``[qualifier] [symbol] number [scale]
[unit]``; the rest is plain Python over the match:

* the number is read with :mod:`.numbers` (locale-aware digits, number words);
* the qualifier becomes an interval (``config.tolerance_about`` and
  ``config.tolerance_nearly`` set the bands)::

      over / more than / más de         (v, inf)         low_open
      at least / al menos               [v, inf)
      up to / hasta / no más de         [0, v]
      under / less than / menos de      [0, v)           high_open
      nearly / almost / casi            [v(1-t), v)      high_open
      about / around / unos / cerca de  [v(1-t), v(1+t)]
      exact                             [v, v], see below
      vague ("dozens", "cientos")       [low, high) from the data, qualifier "vague"

* precision: a number written with a scale word is rounded by its writer, so an
  exact "1.5 million" covers half a unit of its last stated digit
  ([1.45e6, 1.55e6]) and "six million" covers [5.5e6, 6.5e6]; plain digits
  ("$2,000", "76,000") stay exact, because trailing zeros do not tell whether
  the writer rounded and a ±500 band would hide real disagreements;
* an in-text conversion "495.000 rublos (5.300 dólares)" becomes one quantity
  with ``equivalents``; the converted amount is not reported on its own;
* numbers inside dates, times, ages, ordinals, list markers, years and names
  ("Su-25", "COVID-19", "Boeing 737") are skipped.

Why rules and data rather than ``ms-recognizers-text-suite``: that library
reads the seed numbers right but gives no ISO currency codes, no qualifiers,
and adds noise ("un" -> 1), so every hard part here would still be needed on
top of it.  Measured on the five seeds split into 129 sentences, quantities and
dates together run at 1,500 to 2,400 sentences a second on one core.
"""
from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from typing import Optional

from .. import lang as _lang
from ..records import AGE_NOTE, Equivalent, Quantity
from . import numbers as _num

INF = math.inf


def _alt(phrases) -> str:
    """A regex alternation of literal phrases, longest first, spaces flexible."""
    items = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items) or "(?!)"


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor needs for one language, compiled once."""

    data: dict
    pattern: re.Pattern
    qualifiers: dict  # phrase (lower, single-spaced) -> qualifier
    qualifiers_after: re.Pattern
    units: dict  # written (lower) -> canonical unit
    percent: frozenset
    currencies: dict  # written (lower) -> ISO code
    symbols: dict  # symbol (lower) -> ISO code
    bare_dollar_note: str
    vague: dict  # phrase -> (low, high)
    conversion: re.Pattern
    out_of: re.Pattern
    #: between an amount and the bare figure it moved from: "to 14 hours, down from 20"
    moved_from: re.Pattern
    listed: re.Pattern  # between two numbers of one list: ", ", " y ", " and "
    part_of: re.Pattern  # between a part and its whole: "312 of the 540 flights"
    period: re.Pattern
    excl: dict
    unit_after: re.Pattern
    cue_before: re.Pattern
    unit_before: re.Pattern  # "magnitude 6.8": a unit written before the number
    units_before: dict  # written (lower) -> canonical unit
    cues: re.Pattern  # words that say what a number counts ("killing", "heridos")
    clause: re.Pattern  # where the search for a cue stops: punctuation, "and", digits


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` (English data when the language has none)."""
    data = _lang.load(lang, "quantities") or _lang.load("en", "quantities")
    shared = _lang.load_shared("currencies")
    fmt = _num.number_format(lang)
    qualifiers = {_norm(p): q for q, ps in data.get("qualifiers", {}).items() for p in ps}
    units = {u.lower(): canon for canon, us in data.get("units", {}).items() for u in us}
    percent = frozenset(p.lower() for p in data.get("percent", {}).get("words", []))
    currencies = {n.lower(): code for code, ns in data.get("currencies", {}).items() for n in ns}
    currencies.update({c.lower(): c for c in shared.get("codes", [])})
    bare = shared.get("bare_dollar", {})
    symbols = {k.lower(): v for k, v in shared.get("symbols", {}).items()}
    symbols["$"] = bare.get("code", "USD")
    lookup = dict(symbols, **{c.lower(): c for c in shared.get("codes", [])})
    vague = {_norm(k): (float(v[0]), float(v[1])) for k, v in data.get("vague", {}).items()}
    qa = {_norm(p): q for q, ps in data.get("qualifiers_after", {}).items() for p in ps}
    measures = data.get("measures", {})
    before = {_norm(u): c for c, us in data.get("units_before", {}).items() for u in us}

    word = r"(?:%s)\b" % _alt(list(fmt.words) + list(fmt.scales) + list(fmt.fractions))
    conn = "(?:%s)" % "|".join(
        [r"\s*%s\s*" % re.escape(c.strip()) for c in fmt.connectors if c.strip()] + [r"\s+"])
    scale = "(?:%s)" % _alt(fmt.scales)
    unit_words = list(units) + list(percent) + list(currencies) + list(symbols)
    pattern = re.compile(
        r"(?<![\w$€£¥₽₴₸₹])(?<!\d[.,])"
        + r"(?:(?P<qual>%s)\s+(?:(?:%s)\s+)?)?" % (
            _alt(qualifiers), _alt(data.get("format", {}).get("qualifier_articles", [])))
        + r"(?:(?P<sym>%s|(?-i:%s)(?=\s))\s?)?" % (_alt(symbols), _alt(shared.get("codes", [])))
        + r"(?:(?P<vague>%s)\b" % _alt(vague)
        + r"|(?P<digits>\d+(?:[.,\u00a0\u202f]\d+)*)(?!\d)(?:\s?(?P<dscale>%s(?:\s+%s)*)\b"
        r"|(?(sym)(?P<sscale>%s)\b|(?P<wscale>%s)(?=\s?(?:%s)(?![^\W\d_]))))?"
        % (scale, scale, *((_alt(data.get("symbol_scales", {})),) * 2 if data.get("symbol_scales") else ("(?!x)x",) * 2),
           _alt(currencies) if currencies else "(?!x)x")
        + r"|(?P<words>%s(?:%s%s)*))" % (word, conn, word)
        # (a currency sign right before a figure opens that figure's amount:
        # "spend by 2008 £60bn more" -- "2008" is no amount in pounds)
        + r"(?:(?P<usep>\s?|-|\s+(?:%s)\s+)(?P<unit>%s)(?![^\W\d_])"
        r"(?:(?<=[$€£¥₽₴₸₹])(?!\d)|(?<![$€£¥₽₴₸₹])))?"
        % (_alt(measures.get("noun_links", [])), _alt(unit_words)),
        re.IGNORECASE,
    )
    conv = data.get("conversions", {})
    return Lexicon(
        data=data,
        pattern=pattern,
        qualifiers=qualifiers,
        qualifiers_after=re.compile(r"\s+(%s)\b" % _alt(qa), re.IGNORECASE),
        units=units,
        percent=percent,
        currencies=currencies,
        symbols=lookup,
        bare_dollar_note=bare.get("note", "bare $ read as USD"),
        vague=vague,
        conversion=re.compile(r"\s*(?:%s)\s*" % _alt(conv.get("open", [])), re.IGNORECASE),
        part_of=re.compile(r"\s+(?:%s)\s+" % _alt(data.get("lists", {}).get("part_of", []))),
        listed=re.compile(r"\s*,\s*(?:(?:%s)\s+)?|\s+(?:%s)\s+" % ((_alt(data.get("lists", {}).get("words", [])),) * 2)),
        out_of=re.compile(r"\s+(?:%s)\s+" % _alt(data.get("out_of", {}).get("words", [])),
                          re.IGNORECASE),
        moved_from=re.compile(r",?\s+(?:%s)\s+" % _alt(data.get("moved_from", {}).get("words", [])),
                              re.IGNORECASE) if data.get("moved_from", {}).get("words") else re.compile(r"(?!)"),
        period=re.compile(r"\s*,?\s*(%s)\b" % _alt(measures.get("periods", [])), re.IGNORECASE),
        excl=data.get("exclude", {}),
        unit_after=re.compile(r"(?:\s?|-)(?:%s)(?![^\W\d_])" % _alt(unit_words), re.IGNORECASE),
        cue_before=re.compile(r"(?:(?:%s)\s?|(?<![\w])(?:%s)\s+)$" % (
            _alt(symbols), _alt(p for p, q in qualifiers.items() if q != "up_to")), re.IGNORECASE),
        unit_before=re.compile(r"(?<![^\W\d_])(%s)\s+$" % _alt(before), re.IGNORECASE),
        units_before=before,
        cues=re.compile(r"(?:%s)" % _alt(measures.get("cues", [])), re.IGNORECASE),
        clause=re.compile(r"[.;:!?()\[\]\"“”]|,\s|\d|\b(?:%s)\b" % _alt(
            measures.get("clause_breaks", [])), re.IGNORECASE),
    )


def amount_cue(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the number ``text[start:end]`` reads as an amount, not a year: a unit,
    currency or percent after it, or a currency symbol or qualifier before it
    ("2000 dólares", "más de 2000"; "hasta 2024" stays a year)."""
    lex = lexicon(lang)
    if lex.unit_after.match(text, end):
        return True
    return bool(lex.cue_before.search(text, max(0, start - 30), start))


# ---------------------------------------------------------------- extraction
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)\s+$")
#: two bare numbers of up to three digits joined by a dash, with no unit,
#: percent or currency: a score or a vote ("11-9", "3-2", "7-2"), not a
#: range of amounts ("10-15%", "$2,000-3,000")
_SCORE = re.compile(r"(?<![\d.,$£€¥])\d{1,3}\s?[-–]\s?\d{1,3}(?!\d|[.,]\d|\s?%)")


def _score_matches(text: str, lex: "Lexicon") -> list:
    """:data:`_SCORE` matches that no percent word of the language follows
    ("10-15 per cent", "10-15 por ciento" are a range of percentages)."""
    out = []
    for m in _SCORE.finditer(text):
        rest = text[m.end():m.end() + 14].lower().lstrip()
        if not any(rest.startswith(w) for w in lex.percent):
            out.append(m)
    return out
#: the end of a sentence, or of a markdown heading's marker ("# Detenidos tres hombres")
_SENT_END = re.compile(r"(?:^|[.!?:;\n\"“”«(\[#]\s*)$")


def extract(text: str, offset: int, lang: str, ctx) -> tuple[Quantity, ...]:
    """Every quantity in ``text`` (a claim starting at ``offset`` in its article)."""
    lex = lexicon(lang)
    from . import dates as _dates  # dates own the spans of years and dates

    blocked = _dates.spans(text, lang)
    out: list[Quantity] = []
    pos = 0
    prev: Optional[tuple[Quantity, int]] = None  # last quantity and its end in text
    while True:
        m = lex.pattern.search(text, pos)
        if m is None:
            break
        got = _read(m, text, lang, lex, ctx, blocked)
        if got is None:
            pos = m.start() + 1  # "a one-year": try again from the next word
            continue
        pos = m.end()
        q, end = got
        q = _inherit_unit(q, prev, text, lex)
        eq, end = _equivalents(text, end, lang, lex, ctx, blocked)
        measures = _measures(text, m, end, q, lex)
        if measures is None and q.kind == "count" and q.unit is None and prev is not None \
                and prev[0].unit is not None and prev[0].kind != "count" \
                and lex.moved_from.fullmatch(text, prev[1], q.start):
            # "fell to 14 hours, down from 20", "bajó a 19 horas, desde 20": the
            # figure it moved from is in the same unit
            q = dataclasses.replace(q, kind=prev[0].kind, unit=prev[0].unit)
            measures = prev[0].measures
        q = _finish(q, offset, eq, measures)
        out.append(q)
        prev = (q, m.end())
        pos = max(pos, end)
    out = _share_units(out, text, offset, lang, lex)
    scores = _scores(text, offset, blocked, lex)  # "7 votos a 2": the counts in it are the score's
    out = [q for q in out if not any(sc.start <= q.start and q.end <= sc.end for sc in scores)] + scores
    halves = _halves(text, offset, lang, lex, ctx, blocked)  # "año y medio", "two and a half years"
    out = [q for q in out if not any(h.start < q.end and q.start < h.end for h in halves)] + halves
    blocked = tuple(blocked) + tuple((h.start - offset, h.end - offset) for h in halves)
    out, ratios = _ratios(out, text, offset, lex, ctx)
    shares = _fractions(text, offset, lex, ctx, blocked) + _multiples(text, offset, lex, blocked) + ratios
    # a share replaces a number read inside it ("two" of "two thirds"), and
    # gives way to a longer amount around it ("half a million")
    shares = [f for f in shares if not any(q.start <= f.start and f.end <= q.end for q in out)]
    out = [q for q in out if not any(f.start <= q.start and q.end <= f.end for f in shares)]
    return tuple(sorted(out + shares, key=lambda q: (q.start, q.end)))


def _scores(text: str, offset: int, blocked, lex: Lexicon) -> list[Quantity]:
    """Scores and votes ("beat Bejaia 3-1", "voted 7-2", "por 7 votos a 2":
    ``vote_joiners`` in ``quantities.toml``) as one quantity of kind
    ``score``: the two numbers, either order ("3-1" is "1-3" told from the
    other side), so another score is a disagreement and neither number is
    read as a count on its own."""
    out = []
    joiners = [j for j in lex.data.get("vote_joiners", [])]
    found = _score_matches(text, lex)
    if joiners:
        words = "|".join(re.escape(j) for j in sorted(joiners, key=len, reverse=True))
        # (a full stop after the second number ends the sentence: "12 votes to 9.")
        found += list(re.finditer(r"(?<![\d.,])\d{1,3}\s+(?:%s)\s+\d{1,3}(?![\d%%]|[.,]\d)" % words, text, re.I))
    for m in sorted(found, key=lambda m: m.start()):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        a, b = (int(x) for x in re.findall(r"\d+", m.group()))
        value = float(max(a, b) * 1000 + min(a, b))
        out.append(Quantity(kind="score", value=value, low=value, high=value, unit="score",
                            qualifier="exact", text=m.group(), start=offset + m.start(),
                            end=offset + m.end()))
    return out


def _halves(text: str, offset: int, lang: str, lex: Lexicon, ctx, blocked) -> list[Quantity]:
    """A number and a half of a unit (``[half]`` in ``quantities.toml``):
    "año y medio", "dos horas y media", "a year and a half", "two and a half
    years" -- 1.5 years, 2.5 hours, 2.5 years.  With no number before the
    unit, one."""
    data = lex.data.get("half", {})
    after_unit, after_number = data.get("after_unit", []), data.get("after_number", [])
    if not (after_unit or after_number) or not lex.units:
        return []
    units = "|".join(re.escape(u) for u in sorted(lex.units, key=len, reverse=True))
    one = {_norm(w) for w in data.get("one", [])}
    number = r"(?:(?P<num>\d+(?:[.,]\d+)?|[^\W\d_]+)\s+)"
    forms = []
    if after_unit:
        tail = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in after_unit)
        forms.append(r"(?<!\w)%s?(?P<unit>%s)\s+(?:%s)(?!\w)" % (number, units, tail))
    if after_number:
        tail = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in after_number)
        forms.append(r"(?<!\w)%s(?:%s)\s+(?P<unit>%s)(?!\w)" % (number, tail, units))
    out = []
    for form in forms:
        for m in re.finditer(form, text, re.IGNORECASE):
            if any(s < m.end() and m.start() < e for s, e in blocked) or any(
                    q.start - offset < m.end() and m.start() < q.end - offset for q in out):
                continue
            num, start = m.group("num"), m.start()
            if num is None:
                value = 1.0
            elif _norm(num) in one:
                value = 1.0
            elif num[0].isdigit():
                value = _num.parse_digits(num, lang)  # the language's decimal mark
                if value is None:
                    continue
            else:
                value = _num.parse_words(num, lang)
                if value is None:  # a word that is no number: the unit alone is one
                    value, start = 1.0, m.start("unit")
            value += 0.5
            unit = lex.units.get(_norm(m.group("unit")), _norm(m.group("unit")))
            low, high, lo_open, hi_open, qualifier = _interval(value, 0.0, None, None, ctx)
            q = Quantity(kind="measure", value=value, low=low, high=high, unit=unit, qualifier=qualifier,
                         text=text[start:m.end()], start=start, end=m.end(), low_open=lo_open,
                         high_open=hi_open)
            out.append(_finish(q, offset, (), None))
    return out


def _qualifier_before(text: str, start: int, lex: Lexicon) -> tuple[Optional[str], int]:
    """The qualifier written right before ``start`` ("about", "fewer than":
    ``[qualifiers]`` in ``quantities.toml``) and where it starts; (None,
    ``start``) when there is none."""
    quals = sorted(((_norm(p), q) for q, ps in lex.data.get("qualifiers", {}).items() for p in ps),
                   key=lambda x: -len(x[0]))
    before = _norm(text[max(0, start - 40):start])
    for phrase, q in quals:
        if before.endswith(" " + phrase) or before == phrase:
            return q, len(text[:start].rstrip()) - len(phrase)
    return None, start


def _fractions(text: str, offset: int, lex: Lexicon, ctx, blocked) -> list[Quantity]:
    """Shares written as words ("a quarter of", "un tercio de", "about half")
    as percentages (``[fraction_words]`` in ``quantities.toml``), with a
    qualifier before them.  A share in words is rounded by its writer: it
    stands for its value give or take a tenth of it."""
    table = {_norm(k): float(v) for k, v in lex.data.get("fraction_words", {}).items()}
    if not table:
        return []
    taken = list(blocked)
    for ex in lex.data.get("fraction_except", {}).get("phrases", []):  # "the first half", "half an hour"
        taken += [(m.start(), m.end()) for m in re.finditer(
            r"(?<!\w)%s(?!\w)" % re.escape(ex).replace(r"\ ", r"\s+"), text, re.IGNORECASE)]
    out = []
    pattern = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % _alt(table), re.IGNORECASE)
    for m in pattern.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = table[_norm(m.group())]
        qualifier, start = _qualifier_before(text, m.start(), lex)
        low, high, lo_open, hi_open, qualifier = _interval(value, value * 0.1, None, qualifier, ctx)
        q = Quantity(kind="percent", value=value, low=low, high=high, unit="%", qualifier=qualifier,
                     text=text[start:m.end()], start=start, end=m.end(), low_open=lo_open,
                     high_open=hi_open, note="a share in words")
        out.append(_finish(q, offset, (), None))
    return out


def _ratios(out: list[Quantity], text: str, offset: int, lex: Lexicon, ctx) -> tuple[list[Quantity], list[Quantity]]:
    """A share written as so many in so many ("two in five voters", "one
    out of three", "uno de cada tres vecinos": ``[ratio] words`` in
    ``quantities.toml``) is a percentage, as a share in words is: the two
    bare counts give way to it.  The second count must count something, not
    measure it ("2 in 5 minutes" is no share), and be larger than the first."""
    words = lex.data.get("ratio", {}).get("words", [])
    if not words:
        return out, []
    joiner = re.compile(r"\s+(?:%s)\s+" % _alt(words), re.IGNORECASE)
    # "one in ten": the word for one is not read as a count on its own
    ones = lex.data.get("ratio", {}).get("one", [])
    one_before = re.compile(r"(?<![\w-])(?:%s)\s+(?:%s)\s+$" % (_alt(ones), _alt(words)), re.IGNORECASE) if ones else None

    def share(start: int, end: int, value: float, measures) -> Quantity:
        qualifier, start = _qualifier_before(text, start, lex)  # "fewer than one in ten"
        low, high, lo_open, hi_open, qualifier = _interval(value, value * 0.05, None, qualifier, ctx)
        q = Quantity(kind="percent", value=value, low=low, high=high, unit="%", qualifier=qualifier,
                     text=text[start:end], start=start, end=end, low_open=lo_open, high_open=hi_open,
                     note="a share in words")
        return _finish(q, offset, (), measures)

    def whole(r: Quantity) -> bool:
        return r.kind == "count" and r.unit is None and r.qualifier == "exact" and 1 < r.value <= 1000

    keep, ratios, skip = [], [], set()
    for i, q in enumerate(out):
        if i in skip:
            continue
        r = out[i + 1] if i + 1 < len(out) else None
        if r is not None and whole(r) and q.kind == "count" and q.unit is None and q.qualifier == "exact" \
                and 0 < q.value < r.value and joiner.fullmatch(text, q.end - offset, r.start - offset):
            ratios.append(share(q.start - offset, r.end - offset, round(100.0 * q.value / r.value, 1), r.measures))
            skip.add(i + 1)
            continue
        m = one_before.search(text, 0, q.start - offset) if one_before is not None and whole(q) else None
        if m is not None and not any(o.start - offset < m.end() and m.start() < o.end - offset for o in out):
            ratios.append(share(m.start(), q.end - offset, round(100.0 / q.value, 1), q.measures))
            continue
        keep.append(q)
    return keep, ratios


def _multiples(text: str, offset: int, lex: Lexicon, blocked) -> list[Quantity]:
    """Multiples written as one word ("twice the size", "el doble de
    pasajeros": ``[multiple_words]`` in ``quantities.toml``) as a count of
    times, as "three times the size" reads."""
    table = {_norm(k): float(v) for k, v in lex.data.get("multiple_words", {}).items()}
    if not table:
        return []
    out = []
    pattern = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % _alt(table), re.IGNORECASE)
    for m in pattern.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        value = table[_norm(m.group())]
        q = Quantity(kind="count", value=value, low=value, high=value, unit="times", qualifier="exact",
                     text=m.group(), start=m.start(), end=m.end())
        out.append(_finish(q, offset, (), None))
    return out


def _read(m: re.Match, text: str, lang: str, lex: Lexicon, ctx, blocked) -> Optional[tuple[Quantity, int]]:
    """One regex match as a quantity with article-independent offsets, or None to skip."""
    value, half, vague = _value(m, lang, lex)
    if value is None:
        return None
    qual = _norm(m.group("qual")) if m.group("qual") else None
    sym = m.group("sym")
    unit_text = m.group("unit")
    if unit_text and len(unit_text) == 1 and not unit_text.isupper() and unit_text.isalpha():
        unit_text = None  # "5 c" is not a unit; "16.2 C" is
    num_start = min(m.start(g) for g in ("vague", "digits", "words") if m.group(g))
    if unit_text is None:
        end = max(m.end(g) for g in ("vague", "digits", "dscale", "sscale", "wscale", "words") if m.group(g))
    else:
        end = m.end("unit")
    cue = bool(qual or sym or unit_text)
    if _skip(m, text, lex, blocked, cue, num_start, end, lang):
        return None
    words = m.group("words")
    if words and not _has_scale(words, lang) and value < _num.number_format(lang).solo_min:
        if not (unit_text and m.group("usep") == "-"):  # "one of them" no, "one-year" yes
            return None
    kind, unit, note = _kind_unit(sym, unit_text, lex)
    age = _age(m, text, lex, num_start)
    if age:
        # a person's age, in the unit its marker says ("27-year-old", "aged
        # 25", "de 24 años"): years unless the marker names months
        kind, unit = "measure", (unit if kind == "measure" and unit else lex.excl["age_unit"])
        note = AGE_NOTE
        if age[0] == "after":  # the marker is part of the value as written: "34-year-old"
            end = max(end, age[1])
    if unit_text is None and sym is None and not m.group("qual"):
        ub = lex.unit_before.search(text, max(0, num_start - 30), num_start)
        if ub:
            kind, unit = "measure", lex.units_before[_norm(ub.group(1))]
    after = lex.qualifiers_after.match(text, end)
    if after and not qual:
        qual = _norm(after.group(1))
        end = after.end()
        qualifier = _after_qualifier(qual, lex)
    else:
        qualifier = lex.qualifiers.get(qual) if qual else None
    start = m.start() if m.group("qual") else (m.start("sym") if sym else num_start)
    low, high, lo_open, hi_open, qualifier = _interval(value, half, vague, qualifier, ctx)
    span = lex.data.get("span_over", {})
    if qualifier == "over" and unit in span.get("units", ()) and qual in {_norm(w) for w in span.get("words", ())}:
        lo_open, qualifier = False, "at_least"  # "over nine years": the span itself, or more
    q = Quantity(kind=kind, value=value, low=low, high=high, unit=unit, qualifier=qualifier,
                 text=text[start:end], start=start, end=end, low_open=lo_open,
                 high_open=hi_open, note=note)
    return q, end


def _after_qualifier(phrase: str, lex: Lexicon) -> Optional[str]:
    for q, ps in lex.data.get("qualifiers_after", {}).items():
        if phrase in (_norm(p) for p in ps):
            return q
    return None


def _has_scale(words: str, lang: str) -> bool:
    scales = _num.number_format(lang).scales
    return any(w.lower() in scales for w in re.split(r"[\s-]+", words))


def _value(m: re.Match, lang: str, lex: Lexicon):
    """``(value, rounding half-width, vague interval or None)``."""
    if m.group("vague"):
        low, high = lex.vague[_norm(m.group("vague"))]
        return low, 0.0, (low, high)
    if m.group("digits"):
        read = _num.read_digits(m.group("digits"), lang)
        if read is None:
            return None, 0.0, None
        value, decimals = read
        if m.group("dscale"):
            mult = 1.0
            for w in m.group("dscale").split():
                mult *= _num.scale_value(w, lang) or 1.0
            return value * mult, 0.5 * mult * 10 ** -decimals, None
        short = m.group("sscale") or m.group("wscale")
        if short:  # "€410m", "40m euros": only after a currency symbol or before a currency name
            mult = float(lex.data.get("symbol_scales", {}).get(short.lower(), 1.0))
            return value * mult, 0.5 * mult * 10 ** -decimals, None
        return value, 0.0, None
    words = m.group("words")
    value = _num.parse_words(words, lang)
    if value is None:
        return None, 0.0, None
    if _has_scale(words, lang):
        scales = _num.number_format(lang).scales
        split = [w.lower() for w in re.split(r"[\s-]+", words)]
        last = [scales[w] for w in split if w in scales][-1]
        fraction = min([_num.number_format(lang).fractions.get(w, 1.0) for w in split])
        return value, 0.5 * last * fraction if last >= 1000 else 0.0, None
    return value, 0.0, None


def _age(m, text, lex, num_start) -> Optional[tuple[str, int]]:
    """How ``m`` is marked as an age, by ``age_after``, ``age_around`` and
    ``age_before`` of ``[exclude]``, with the end of its marker: "after"
    ("the 27-year-old", "a 34-year-old firefighter"), "around" ("El
    jugador, de 24 años, firmó") or "before" ("aged 25"); None when it is
    not one."""
    excl = lex.excl
    num_end = max(m.end(g) for g in ("vague", "digits", "dscale", "sscale", "wscale", "words") if m.group(g))
    before = text[:num_start]
    for a in excl.get("age_after", []):
        if text[num_end:num_end + len(a)].lower() == a.lower():
            return "after", num_end + len(a)
    for b, a in excl.get("age_around", []):
        if before.lower().endswith(b.lower()) and text[num_end:num_end + len(a)].lower() == a.lower():
            return "around", num_end
    low_before = before[-14:].lower()
    for a in excl.get("age_before", []):
        if re.search(r"\b%s\s+$" % re.escape(a.lower()), low_before):
            return "before", num_end
    digits = m.group("digits") or ""
    if digits.isdigit() and 0 < int(digits) < 120 and not m.group("unit") and not m.group("sym"):
        for b, a in excl.get("age_after_name", []):  # "Pia Norlund, 58, from Dunmere"
            if before.endswith(b) and text[num_end:num_end + len(a)] == a:
                w = _WORD_BEFORE.search(before[:len(before) - len(b)][-40:] + " ")
                if w and w.group(1)[:1].isupper():
                    return "around", num_end
    return None


def _skip(m, text, lex, blocked, cue, num_start, end, lang) -> bool:
    """Numbers that are parts of dates, times, ages, ordinals, lists, years or names."""
    excl = lex.excl
    digits = m.group("digits")
    for s, e in blocked:
        if s < end and num_start < e:
            return True
    before = text[:num_start]
    nxt = text[end:end + 1]
    if digits:
        if before[-1:] in (":", "/") or (nxt == ":" and text[end + 1:end + 2].isdigit()):
            return True  # clock time or fraction
        lo = max(0, num_start - 8)
        if any(sm.start() + lo <= num_start < sm.end() + lo for sm in _score_matches(text[lo:end + 16], lex)):
            return True  # a score or a vote: "beaten 11-9", "a 3-2 win", "voted 7-2"
        if before[-1:] == "-" and len(before) > 1 and before[-2].isalpha():
            return True  # "Su-25", "COVID-19"
        if nxt.isalpha() and not m.group("unit"):
            return True  # "5G", "25th", "3er"
        rest = text[end:end + 6]
        for suf in excl.get("ordinal_suffixes", []):
            if rest.startswith(suf) and not rest[len(suf):len(suf) + 1].isalpha():
                return True
        if not m.group("unit") and re.match(r"\s*[.)]\s", text[end:end + 3]) and \
                re.search(r"(?:^|\n)\s*$", before):
            return True  # list marker "1. " at the start of a line
        if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2099 and not cue:
            return True  # a year
    num_end = max(m.end(g) for g in ("vague", "digits", "dscale", "sscale", "wscale", "words") if m.group(g))
    if _age(m, text, lex, num_start) and not excl.get("age_unit"):
        return True  # a language whose ages are not read as amounts
    low_after = text[end:end + 16].lower()
    for t in excl.get("time_after", []):
        tl = t.lower()
        if re.match(r"\s?%s(?![^\W\d_])" % re.escape(tl), low_after) and not m.group("unit"):
            return True
    hour = (digits.replace(",", "").replace(".", "").isdigit() and len(digits) <= 2 and int(digits) <= 24) if digits \
        else bool(m.group("words")) and (_num.parse_words(m.group("words"), lang) or 99) <= 24
    if hour and not m.group("unit") and not m.group("sym"):
        for t in excl.get("time_before", []):  # a clock time: "a las 8", "hacia las once"
            if re.search(r"(?<!\w)%s\s+$" % re.escape(t.lower()), before[-20:].lower()):
                return True
    words = m.group("words")
    if words and words[:1].isupper() and not _SENT_END.search(before) and before.strip() \
            and re.match(r"\s+[A-Z]", text[end:end + 2]):
        return True  # a number word inside a name: "the Six Nations", "the Big Four"
    unit = _norm(m.group("unit")) if m.group("unit") else None
    amount = (unit is not None and (unit in lex.currencies or unit in lex.percent)) or any(
        m.group(g) for g in ("dscale", "sscale", "wscale"))
    if not m.group("qual") and not m.group("sym") and not amount:
        # (a unit or a scale after it makes it an amount: "fined Verrado
        # Foods 1.2 million euros")
        w = _WORD_BEFORE.search(before[-40:])
        if w and w.group(1)[:1].isupper():
            ok = {x.lower() for x in excl.get("capitalised_ok", [])}
            lead = before[:len(before) - len(w.group(0))]
            if w.group(1).lower() not in ok and not _SENT_END.search(lead):
                return True  # "Boeing 737", "Windows 11"
    return False


def _kind_unit(sym, unit_text, lex: Lexicon):
    """``(kind, unit, note)`` from the symbol before and the unit word after."""
    note = None
    if unit_text:
        u = _norm(unit_text)
        if u in lex.currencies:
            return "money", lex.currencies[u], None
        if u in lex.symbols:
            return "money", lex.symbols[u], None
        if u in lex.percent:
            return "percent", "%", None
        unit = lex.units.get(u, u)
        if sym:
            return "money", lex.symbols[sym.lower()], None
        return ("count" if unit == "times" else "measure"), unit, None
    if sym:
        if sym == "$":
            note = lex.bare_dollar_note
        return "money", lex.symbols[sym.lower()], note
    return "count", None, None


def _interval(value, half, vague, qualifier, ctx):
    """``(low, high, low_open, high_open, qualifier)`` of a value under its qualifier."""
    cfg = ctx.config
    if vague:
        return vague[0], vague[1], False, True, "vague"
    if qualifier == "over":
        return value, INF, True, False, qualifier
    if qualifier == "at_least":
        return value, INF, False, False, qualifier
    if qualifier == "up_to":
        return 0.0, value, False, False, qualifier
    if qualifier == "under":
        return 0.0, value, False, True, qualifier
    if qualifier == "nearly":
        return value * (1 - cfg.tolerance_nearly), value, False, True, qualifier
    if qualifier == "about":
        band = max(value * cfg.tolerance_about, half)
        return value - band, value + band, False, False, qualifier
    return value - half, value + half, False, False, "exact"


# ---------------------------------------------------------------- linking
def _inherit_unit(q: Quantity, prev, text: str, lex: Lexicon) -> Quantity:
    """"90 days out of 180": the bare second number takes the first one's unit."""
    if q.unit is not None or q.kind != "count" or prev is None or prev[0].unit is None:
        return q
    if lex.out_of.fullmatch(text, prev[1], q.start):
        return dataclasses.replace(q, kind=prev[0].kind, unit=prev[0].unit)
    return q


def _share_units(out: list[Quantity], text: str, offset: int, lang: str, lex: Lexicon) -> list[Quantity]:
    """"de 29, 38 y 41 años", "2, 3 and 5 million euros": the bare numbers of
    a list take the unit (and what it measures) of the number that ends it;
    "cancelled 312 of the 540 flights": a part counts what its whole counts."""
    lists = lex.data.get("lists", {})
    out = list(out)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if lists.get("part_of") and q.kind == "count" and q.unit is None \
                and nxt.kind == "count" and nxt.measures \
                and lex.part_of.fullmatch(text, q.end - offset, nxt.start - offset):
            out[i] = dataclasses.replace(q, measures=nxt.measures)
            continue
        if not lists.get("words"):
            continue
        if q.unit is not None or q.kind != "count" or nxt.unit is None or q.qualifier == "vague":
            continue
        lead = re.match(r"[\d.,]*\d", nxt.text)
        if lead is None or _num.parse_digits(lead.group(), lang) != nxt.value:
            continue  # a scale or a word ends the list ("2, 3 y 5 millones"): left as written
        if lex.listed.fullmatch(text, q.end - offset, nxt.start - offset):
            out[i] = dataclasses.replace(q, kind=nxt.kind, unit=nxt.unit, measures=nxt.measures)
    # an age marked before a list holds for each of its bare numbers: "aged
    # between 29 and 41", "aged 29, 38 and 41" (not "aged 29 and 12 others")
    for i in range(1, len(out)):
        q, prev = out[i], out[i - 1]
        if prev.note == AGE_NOTE and q.kind == "count" and q.unit is None and q.measures is None \
                and q.qualifier != "vague" \
                and lists.get("words") and lex.listed.fullmatch(text, prev.end - offset, q.start - offset):
            out[i] = dataclasses.replace(q, kind=prev.kind, unit=prev.unit, measures=prev.measures, note=AGE_NOTE)
    return out


def _equivalents(text, end, lang, lex, ctx, blocked):
    """An in-text conversion right after a quantity: ``((Equivalent,), consumed end)``."""
    opener = lex.conversion.match(text, end)
    if opener is None:
        return (), end
    m = lex.pattern.match(text, opener.end())
    if m is None:
        return (), end
    got = _read(m, text, lang, lex, ctx, blocked)
    if got is None or got[0].kind != "money":
        return (), end
    inner, inner_end = got
    if "(" in opener.group(0):
        close = re.match(r"\s*\)", text[inner_end:])
        if close is None:
            return (), end
        inner_end += close.end()
    return (Equivalent(inner.value, inner.unit),), inner_end


_TOKEN_AFTER = re.compile(r"[ \t]*([^\W\d_][\w'’-]*)")
_TOKEN_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*$")


def _measures(text: str, m: re.Match, consumed: int, q: Quantity, lex: Lexicon) -> Optional[str]:
    """What the quantity measures, as a short lower-case noun phrase, or None."""
    cfg = lex.data.get("measures", {})
    stop = {w.lower() for w in cfg.get("stop", [])}
    suffixes = tuple(cfg.get("stop_suffixes", []))
    phrase = None
    if q.kind == "count" and q.unit is None:
        pos = q.end
        if m.group("vague") or m.group("dscale") or (m.group("words") and q.value >= 1000):
            link = re.compile(r"\s+(?:%s)\b" % _alt(cfg.get("noun_links", [])), re.I).match(text, pos)
            pos = link.end() if link else pos
        else:
            # a part of a whole with no number of its own: "agrupa a 2.300 de
            # los tripulantes", "2,300 of the crew" count crew
            part = lex.part_of.match(text, pos)
            if part is not None and part.group(0).split()[-1].lower() not in ("de", "of"):
                pos = part.end() - 1
        phrase = _phrase_after(text, pos, cfg, stop, suffixes)
    if q.note == AGE_NOTE:
        # whose age: "un bombero de 43 años", else "a 34-year-old firefighter"
        link = re.compile(r"(?:^|\s)(?:%s)\s+$" % _alt(cfg.get("before_links", [])), re.I).search(
            text, max(0, q.start - 30), q.start)
        phrase = _phrase_before(text[:link.start()], cfg, stop) if link else None
        if phrase is None and text[q.end:q.end + 1] == " " and not _verb_after(text, q.end, cfg):
            phrase = _phrase_after(text, q.end, cfg, stop, suffixes)
    if phrase is None and q.kind != "count":
        link = re.compile(r"\s+(?:%s)\s" % _alt(cfg.get("after_links", [])), re.I).match(text, consumed)
        if link:
            phrase = _phrase_after(text, link.end() - 1, cfg, stop, suffixes)
    if phrase is None:
        link = re.compile(r"(?:^|\s)(?:%s)\s+$" % _alt(cfg.get("before_links", [])), re.I).search(
            text, max(0, q.start - 30), q.start)
        if link:
            phrase = _phrase_before(text[:link.start()], cfg, stop)
    cue = _cue(text, q, consumed, lex, int(cfg.get("cue_window", 3)))
    if cue and (phrase is None or cue not in phrase):
        phrase = f"{cue} {phrase}" if phrase else cue
    period = lex.period.match(text, consumed)
    if period:
        p = _norm(period.group(1))
        phrase = f"{phrase} {p}" if phrase else p
    return phrase


def _verb_after(text: str, pos: int, cfg: dict) -> bool:
    """The word right after ``pos`` is a verb form by the lexical database
    ``age_followed_by_verb`` of ``[measures]`` names ("the 27-year-old won":
    the age stands for a person, "won" is no noun of it).  False when the
    language names none or the database is not installed."""
    if cfg.get("age_followed_by_verb") != "wordnet":
        return False
    m = re.match(r"\s+([^\W\d_]+)\b", text[pos:])
    if not m:
        return False
    from .. import wordnet

    return wordnet.inflected_verb(m.group(1))


def _cue(text: str, q: Quantity, consumed: int, lex: Lexicon, window: int) -> Optional[str]:
    """A word next to the number that says what it counts ("killing", "injured",
    "heridos"), from ``[measures] cues``: the nearest within ``window`` words
    before the quantity or after it, not crossing a clause boundary or another
    number.  Lower case, as written."""
    if lex.cues.pattern == "(?:(?!))":
        return None
    before = lex.clause.split(text[:q.start])[-1]
    words = before.split()[-window:]
    for w in reversed(words):
        if lex.cues.match(w):
            return _norm(w.strip(",.'’"))
    after = lex.clause.split(text[consumed:])[0]
    for w in after.split()[:window]:
        if lex.cues.match(w):
            return _norm(w.strip(",.'’"))
    return None


def _phrase_after(text, pos, cfg, stop, suffixes) -> Optional[str]:
    heads = tuple(cfg.get("plural_heads", []))
    words: list[str] = []
    while len(words) < int(cfg.get("max_after", 2)):
        t = _TOKEN_AFTER.match(text, pos)
        if t is None:
            break
        w = t.group(1)
        lw = w.lower()
        if lw in stop or (suffixes and len(lw) > 4 and lw.endswith(suffixes)):
            break
        words.append(w)
        pos = t.end()
        if heads and lw.endswith(heads):
            break  # a plural ends the phrase: "two nations (forge)"
    if cfg.get("drop_capitalised_modifiers"):
        while len(words) > 1 and words[0][:1].isupper():
            words.pop(0)
    return _norm(" ".join(words)) or None


def _phrase_before(before: str, cfg, stop) -> Optional[str]:
    words: list[str] = []
    end = len(before)
    while len(words) < int(cfg.get("max_before", 2)):
        t = _TOKEN_BEFORE.search(before, 0, end)
        if t is None or t.group(1).lower() in stop:
            break
        words.insert(0, t.group(1))
        end = t.start()
    return _norm(" ".join(words)) or None


def _finish(q: Quantity, offset: int, eq, measures) -> Quantity:
    return dataclasses.replace(q, start=q.start + offset, end=q.end + offset,
                               equivalents=tuple(eq), measures=measures)


def article_units(claims: list) -> list:
    """The claims of one article, a bare count of what the article states
    elsewhere as money read as that money: "Multa de 1,8 millones a Nordlys
    Lines" (a headline) after "una multa de 1,8 millones de euros" is euros,
    not 1.8 million of something.  Only when every money amount of the
    article with that measure (``Quantity.measures``, folded) has one unit."""
    units: dict = {}
    for c in claims:
        for q in c.facts.quantities:
            if q.kind == "money" and q.unit and q.measures:
                units.setdefault(_norm(q.measures), set()).add(q.unit)
    if not units:
        return list(claims)
    out = []
    for c in claims:
        qs = c.facts.quantities
        new = tuple(dataclasses.replace(q, kind="money", unit=next(iter(units[_norm(q.measures)])),
                                        note=q.note or "unit of the article's other amounts of it")
                    if q.kind == "count" and q.unit is None and q.measures
                    and len(units.get(_norm(q.measures), ())) == 1 else q for q in qs)
        out.append(c if new == qs else dataclasses.replace(c, facts=dataclasses.replace(c.facts, quantities=new)))
    return out
