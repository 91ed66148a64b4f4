"""Dates and periods in a claim, as intervals of days resolved against publication.

Patterns come from templates in ``lang/<lang>/dates.toml`` ("{month} {day},
{year}", "finales de {month}", "hace {qual}{n} {unit}" ...); this module turns
them into regular expressions, keeps the longest non-overlapping matches and
resolves each one against ``ctx.published``:

* absolute dates ("2023-09-05", "5 de septiembre de 2023") -> that day;
* a month or day without a year -> the most recent one not after publication
  (but the month right after publication, or a day up to 31 days after it, is upcoming)
  ("In May" published 2023-09-05 -> May 2023); "last"/"pasado" makes it
  strictly earlier ("Last August" published 2024-04-30 -> August 2023); a day
  at most ``FUTURE_DAYS`` after publication stays in the publication year
  ("until March 25" published 2024-03-13 -> 2024-03-25: deadlines, schedules);
* parts of a month: early 1-10, mid 11-20, late 21-end (granularity
  "part-of-month"); halves and quarters of a year ("half", "quarter");
* weekdays -> the most recent such day on or before publication ("last
  Sunday": strictly before);
* "N units ago" -> publication minus N units, plus or minus half a unit
  ("over": up to one more unit back; "nearly": up to half a unit forward);
* "since 1959" -> from 1 January 1959 to publication (or open-ended);
* fixed expressions ("last year", "el año pasado", "hoy") -> see RELATIVE;
* a bare year ("in 2022", "the 2024 election") -> that year, unless the
  number reads as an amount ("2000 dólares").

Without a publication date, relative expressions stay unresolved
(``resolved=False``, no bounds) and ``relative`` keeps a language-independent
description such as "last year", "May" or "2 weeks ago".  Numeric dates such
as "05/09/2023" are not read: their day/month order is ambiguous.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import lang as _lang
from ..records import TimeRef
from . import names as _names
from . import numbers as _num

#: canonical relative expressions -> (unit, offset from publication)
RELATIVE = {
    "today": ("day", 0), "yesterday": ("day", -1),
    "this week": ("week", 0), "last week": ("week", -1), "last weekend": ("weekend", -1),
    "this month": ("month", 0), "last month": ("month", -1),
    "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
}
#: kinds of pattern, in the order their templates are read from the data
KINDS = ("year_range", "day_range", "month_range", "day", "day_past", "month", "month_past", "early", "mid", "late",
         "H1", "H2", "Q1", "Q2", "Q3", "Q4", "since", "weekday", "weekday_past", "weekday_next", "ago")
_YEAR_PARTS = {"H1": (1, 6, "half"), "H2": (7, 12, "half"), "Q1": (1, 3, "quarter"),
               "Q2": (4, 6, "quarter"), "Q3": (7, 9, "quarter"), "Q4": (10, 12, "quarter")}
_ISO = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_YEAR = re.compile(r"(?<![\w$€£.,-])(1[89]\d\d|20\d\d)(?![\w]|[.,]\d|-\d)")


def _alt(items) -> str:
    return "|".join(re.escape(i).replace(r"\ ", r"\s+")
                    for i in sorted(set(items), key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    months: dict  # lower name -> 1..12
    weekdays: dict  # lower name -> 0..6
    units: dict  # lower written -> day|week|month|year
    ago_qualifiers: dict  # lower phrase -> over|nearly|about
    relative: re.Pattern
    relative_names: dict  # lower phrase -> canonical
    patterns: tuple  # (kind, compiled)
    #: words that put a clause in the future ("will", "va a"), and verb
    #: endings that do ("-rá"): a bare weekday there is the coming one
    future: Optional[re.Pattern] = None
    #: what ends the clause a weekday is read in (besides punctuation)
    clause_words: Optional[re.Pattern] = None
    #: words that make a day the start of what follows ("from", "a partir
    #: de"): such a day, opening its clause, takes the time of the verb after
    #: it, past a comma ("A partir del lunes, un ferri unirá ...")
    from_words: frozenset = frozenset()


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled date patterns of ``lang`` (English data when it has none)."""
    data = _lang.load(lang, "dates") or _lang.load("en", "dates")
    pats = data.get("patterns", {})
    fmt = _num.number_format(lang)
    names = "(?-i:%s)" if data.get("case_sensitive_names") else "(?:%s)"
    month = names % _alt(data.get("months", {}))
    weekday = names % _alt(data.get("weekdays", {}))
    units = {u.lower(): k for k, us in data.get("units", {}).items() for u in us}
    aq = {" ".join(p.lower().split()): k for k, ps in data.get("ago_qualifiers", {}).items() for p in ps}
    number = r"\d+|(?:%s)(?:\s+(?:%s))*" % (_alt(fmt.words), _alt(fmt.words))
    year = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
    fill = {
        "{day}": r"(?P<day>[0-3]?\d)(?!\d)" + pats.get("day_suffix", ""),
        "{first}": r"(?P<first>[0-3]?\d)(?!\d)" + pats.get("day_suffix", ""),
        "{first_year}": r"(?P<first_year>1[89]\d\d|20\d\d)(?!\d)",
        "{month}": r"(?P<month>%s)" % month,
        "{first_month}": r"(?P<first_month>%s)" % month,
        "{year}": year,
        "{weekday}": r"(?P<weekday>%s)" % weekday,
        "{n}": r"(?P<n>%s)" % number,
        "{unit}": r"(?P<unit>%s)" % _alt(units),
        "{qual}": r"(?:(?P<qual>%s)\s+)?" % _alt(aq),
    }
    month_year = pats.get("month_year", "").replace("{year}", year)
    compiled = []
    for kind in KINDS:
        for template in pats.get(kind, []):
            rx = re.escape(template).replace(r"\ ", r"\s+")
            for key, sub in fill.items():
                esc = re.escape(key)
                if kind in ("early", "mid", "late") and key == "{month}":
                    sub = sub + month_year
                rx = rx.replace(esc, sub)
            if kind == "day":
                rx = r"(?:(?P<wd>%s),?\s+)?" % weekday + rx
            compiled.append((kind, re.compile(r"(?<![\w])" + rx + r"(?![^\W_])", re.IGNORECASE)))
    rel = {" ".join(p.lower().split()): k for k, ps in data.get("relative", {}).items() for p in ps}
    return Lexicon(
        lang=lang,
        months={k.lower(): v for k, v in data.get("months", {}).items()},
        weekdays={k.lower(): v for k, v in data.get("weekdays", {}).items()},
        units=units,
        ago_qualifiers=aq,
        relative=re.compile(r"(?<![\w])(%s)(?![\w])" % _alt(rel), re.IGNORECASE),
        relative_names=rel,
        patterns=tuple(compiled),
        future=_future_pattern(data.get("future", {})),
        clause_words=(re.compile(r"(?<!\w)(?:%s)(?!\w)" % _alt(data["future"]["clause_words"]), re.IGNORECASE)
                      if data.get("future", {}).get("clause_words") else None),
        from_words=frozenset(" ".join(w.lower().split()) for w in data.get("future", {}).get("from_words", [])),
    )


def _future_pattern(data: dict) -> Optional[re.Pattern]:
    words, endings = data.get("markers", []), data.get("endings", [])
    parts = ([r"(?<!\w)(?:%s)(?!\w)" % _alt(words)] if words else []) \
        + ([r"[^\W\d_]+(?:%s)(?!\w)" % _alt(endings)] if endings else [])
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


_CLAUSE_MARK = re.compile(r"[.;:!?,](?=\s|$)|\n")


def _in_future(m: re.Match, lex: Lexicon) -> bool:
    """The clause holding the match (between punctuation marks and clause
    words) speaks of the future: "the line will stay closed until Friday",
    "la línea permanecerá cerrada hasta el domingo", "irán a la huelga el
    lunes", "From Monday ... will lose"."""
    if lex.future is None:
        return False
    text = m.string
    marks = [x.start() for x in _CLAUSE_MARK.finditer(text)]  # not the comma of "340,000"
    start = max([i + 1 for i in marks if i < m.start()], default=0)
    if lex.clause_words is not None:
        before = [x.end() for x in lex.clause_words.finditer(text, start, m.start())]
        start = before[-1] if before else start
    # the marker stands before the day ("will stay closed until Friday"),
    # or after a day that opens its clause ("From Monday, about 430,000
    # households will lose ..."); else one after it belongs to what follows
    # ("rose on Tuesday on fears that prices will squeeze margins")
    if lex.future.search(text[start:m.start()]):
        return True
    lead = " ".join(re.findall(r"\w+", text[start:m.start()].lower()))
    opens = lead in lex.from_words
    if len(lead.split()) > 1 and not opens:
        return False
    ends = [i for i in marks if i >= m.end()]
    if opens and ends and ends[0] == m.end() and text[m.end()] == ",":
        ends = ends[1:]  # "A partir del lunes, un ferri gratuito unirá ...": the clause goes on
    end = ends[0] if ends else len(text)
    if lex.clause_words is not None:
        after = [x.start() for x in lex.clause_words.finditer(text, m.end(), end)]
        end = after[0] if after else end
    return lex.future.search(text[m.end():end]) is not None


# ---------------------------------------------------------------- finding
@functools.lru_cache(maxsize=4096)
def _scan(text: str, lang: str) -> tuple:
    """Longest non-overlapping date matches: ``((kind, re.Match), ...)`` by position."""
    lex = lexicon(lang)
    found = []
    for m in _ISO.finditer(text):
        found.append(("iso", m))
    for kind, rx in lex.patterns:
        for m in rx.finditer(text):
            found.append((kind, m))
    for m in lex.relative.finditer(text):
        if m.group(0)[:1].isupper() and _names.after_capitalised(text, m.start()):
            continue  # the last word of a name: "Mercado Hoy", "USA Today"
        found.append(("relative", m))
    for m in _YEAR.finditer(text):
        if not _is_amount(text, m.start(), m.end(), lang):
            found.append(("year", m))
    found.sort(key=lambda km: (km[1].start(), -(km[1].end() - km[1].start())))
    chosen = []
    last_end = -1
    for kind, m in found:
        if m.start() >= last_end and m.end() > m.start():
            chosen.append((kind, m))
            last_end = m.end()
    return tuple(chosen)


def _is_amount(text: str, start: int, end: int, lang: str) -> bool:
    from .quantities import amount_cue

    return amount_cue(text, start, end, lang)


def spans(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Spans (in ``text``) of every date expression; quantities skip numbers inside them."""
    return tuple((m.start(), m.end()) for _, m in _scan(text, lang))


def extract(text: str, offset: int, lang: str, ctx) -> tuple[TimeRef, ...]:
    """Every date or period in ``text`` (a claim starting at ``offset``)."""
    lex = lexicon(lang)
    out = []
    for kind, m in _scan(text, lang):
        got = _resolve(kind, m, lex, ctx.published)
        if got is None:
            continue
        low, high, gran, rel = got
        out.append(TimeRef(text=m.group(0), start=m.start() + offset, end=m.end() + offset,
                           low=low, high=high, granularity=gran,
                           resolved=low is not None or high is not None, relative=rel))
    return tuple(out)


# ---------------------------------------------------------------- resolving
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _month_bounds(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    return _dt.date(year, month, 1), _dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return _dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


#: a day without a year this close after publication is read as upcoming
FUTURE_DAYS = 31


#: a month without a year this many months after publication is read as
#: upcoming ("the campaign starts in October", published in September)
FUTURE_MONTHS = 1


def _month_year(month: int, past: bool, pub: Optional[_dt.date]) -> Optional[int]:
    """The year of the most recent ``month`` not after (``past``: before)
    publication, except the month right after publication, read as upcoming."""
    if pub is None:
        return None
    ahead = (month - pub.month) % 12
    if not past and 0 < ahead <= FUTURE_MONTHS:
        return pub.year + (1 if month < pub.month else 0)
    if month < pub.month or (month == pub.month and not past):
        return pub.year
    return pub.year - 1


def _resolve(kind: str, m: re.Match, lex: Lexicon, pub: Optional[_dt.date]):
    """``(low, high, granularity, relative description)`` of one match, or None to drop it."""
    try:
        return _RESOLVERS[kind](kind, m, lex, pub)
    except (ValueError, OverflowError, KeyError):
        return None  # "February 30", a year out of range


def _iso(kind, m, lex, pub):
    d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return d, d, "day", None


def _day(kind, m, lex, pub):
    day, month = int(m.group("day")), lex.months[m.group("month").lower()]
    if m.groupdict().get("year"):
        d = _dt.date(int(m.group("year")), month, day)
        return d, d, "day", None
    past = kind == "day_past"
    rel = ("last " if past else "") + f"{calendar.month_name[month]} {day}"
    if pub is None:
        _dt.date(2000, month, day)  # still reject "February 30"
        return None, None, "day", rel
    d = _dt.date(pub.year, month, day) if day <= calendar.monthrange(pub.year, month)[1] else None
    if d is not None and not past and pub < d <= pub + _dt.timedelta(days=FUTURE_DAYS):
        return d, d, "day", rel  # "closed until March 25", published March 13
    if d is None or d > pub or (past and d >= pub):
        d = _dt.date(pub.year - 1, month, day)
    return d, d, "day", rel


def _day_range(kind, m, lex, pub):
    """"del 16 al 28 de noviembre", "16-28 November", "el 24 y el 25 de
    junio": from the first day to the last, in the last day's month and year."""
    low, high, gran, rel = _day(kind, m, lex, pub)
    first = int(m.group("first"))
    if not 1 <= first < int(m.group("day")):
        return None
    rel = rel and f"{rel.rsplit(' ', 1)[0]} {first}-{m.group('day')}"  # "November 16-28"
    if high is None:
        return None, None, "day", rel
    return high.replace(day=first), high, "day", rel


def _month_range(kind, m, lex, pub):
    """"between January and June", "entre enero y junio": one period, from
    the first month's start to the last one's end, in the last month's year
    (the year before it when the first month comes later in the year)."""
    first = lex.months[m.group("first_month").lower()]
    low, high, gran, rel = _month("month", m, lex, pub)
    rel = rel and f"{calendar.month_name[first]}-{rel}"
    if high is None:
        return None, None, "month", rel
    if first == high.month:
        return None
    y = high.year if first < high.month else high.year - 1
    return _month_bounds(y, first)[0], high, "month", rel


def _year_range(kind, m, lex, pub):
    """"from 2019 until 2023", "entre 2019 y 2023": one period, from the
    first year's start to the last one's end."""
    first, last = int(m.group("first_year")), int(m.group("year"))
    if not first < last:
        return None
    return _dt.date(first, 1, 1), _dt.date(last, 12, 31), "year", None


def _month(kind, m, lex, pub):
    month = lex.months[m.group("month").lower()]
    year = m.groupdict().get("year")
    part = _PARTS.get(kind)
    gran = "part-of-month" if part else "month"
    name = calendar.month_name[month]
    rel = None
    if year:
        y = int(year)
    else:
        past = kind == "month_past"
        rel = ("last " if past else f"{kind} " if part else "") + name
        y = _month_year(month, past, pub)
        if y is None:
            return None, None, gran, rel
    low, high = _month_bounds(y, month)
    if part:
        low = low.replace(day=part[0])
        high = high.replace(day=min(part[1], high.day))
    return low, high, gran, rel


def _year_part(kind, m, lex, pub):
    """"the first half of 2024"; "the first half of the year", "el primer
    semestre del año": of the publication year."""
    first, last, gran = _YEAR_PARTS[kind]
    if not m.groupdict().get("year"):
        if pub is None:
            return None, None, gran, f"{kind} this year"
        y = pub.year
        return _month_bounds(y, first)[0], _month_bounds(y, last)[1], gran, f"{kind} this year"
    y = int(m.group("year"))
    return _month_bounds(y, first)[0], _month_bounds(y, last)[1], gran, None


def _since(kind, m, lex, pub):
    y = int(m.group("year"))
    start = _dt.date(y, 1, 1)
    # published before that year (a wrong or missing date): open-ended, never backwards
    return start, (pub if pub is not None and pub >= start else None), "year", f"since {y}"


def _weekday(kind, m, lex, pub):
    wd = lex.weekdays[m.group("weekday").lower()]
    past = kind == "weekday_past"
    upcoming = kind == "weekday_next" or (kind == "weekday" and _in_future(m, lex))
    rel = ("last " if past else "next " if upcoming else "") + calendar.day_name[wd]
    if pub is None:
        return None, None, "day", rel
    if upcoming:
        # the coming one: "next Friday" is never today, a future verb's
        # "on Friday" may be ("the talks will resume on Thursday", published
        # on a Thursday)
        ahead = (wd - pub.weekday()) % 7
        if kind == "weekday_next" and ahead == 0:
            ahead = 7
        d = pub + _dt.timedelta(days=ahead)
        return d, d, "day", rel
    delta = (pub.weekday() - wd) % 7
    if past and delta == 0:
        delta = 7
    d = pub - _dt.timedelta(days=delta)
    return d, d, "day", rel


def _ago(kind, m, lex, pub):
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else _num.parse_words(raw, lex.lang)
    if n is None:
        return None
    n = int(n)
    unit = lex.units[m.group("unit").lower()]
    qual = lex.ago_qualifiers.get(" ".join(m.group("qual").lower().split())) if m.group("qual") else None
    rel = f"{qual + ' ' if qual else ''}{n} {unit}{'' if n == 1 else 's'} ago"
    if pub is None:
        return None, None, unit, rel
    if unit in ("month", "year"):
        center = _add_months(pub, -n * (12 if unit == "year" else 1))
    else:
        center = pub - _dt.timedelta(days=n * _UNIT_DAYS[unit])
    length = _UNIT_DAYS[unit]
    half = _dt.timedelta(days=length // 2)
    if qual == "over":
        return center - _dt.timedelta(days=length), center, unit, rel
    if qual == "nearly":
        return center, center + half, unit, rel
    return center - half, center + half, unit, rel


def _relative(kind, m, lex, pub):
    name = lex.relative_names[" ".join(m.group(0).lower().split())]
    unit, offset = RELATIVE[name]
    if pub is None:
        return None, None, unit, name
    if unit == "day":
        d = pub + _dt.timedelta(days=offset)
        return d, d, unit, name
    if unit == "week":
        monday = pub - _dt.timedelta(days=pub.weekday()) + _dt.timedelta(weeks=offset)
        return monday, monday + _dt.timedelta(days=6), unit, name
    if unit == "weekend":
        # the Saturday and Sunday last ended before the day of publication
        sunday = pub - _dt.timedelta(days=(pub.weekday() + 1) % 7 or 7)
        return sunday - _dt.timedelta(days=1), sunday, "week", name
    if unit == "month":
        low, high = _month_bounds(*(lambda d: (d.year, d.month))(_add_months(pub.replace(day=1), offset)))
        return low, high, unit, name
    y = pub.year + offset
    return _dt.date(y, 1, 1), _dt.date(y, 12, 31), unit, name


def _year(kind, m, lex, pub):
    y = int(m.group(1))
    return _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year", None


_RESOLVERS = {
    "iso": _iso, "day": _day, "day_past": _day, "day_range": _day_range, "month_range": _month_range, "year_range": _year_range, "month": _month, "month_past": _month,
    "early": _month, "mid": _month, "late": _month, "since": _since,
    "weekday": _weekday, "weekday_past": _weekday, "weekday_next": _weekday, "ago": _ago, "relative": _relative,
    "year": _year, **{k: _year_part for k in _YEAR_PARTS},
}
