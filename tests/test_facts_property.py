"""Property tests for the quantity and date extractors.

On any text (including arbitrary unicode), extraction never raises, and every
span it reports indexes the article text exactly; intervals are well formed.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from consistency.facts import FactContext, dates, quantities

# text that often looks like numbers and dates, mixed with anything at all
_PIECES = st.sampled_from([
    "495.000", "5,300", "1,5", "1.5", " million", " millones", " rublos rusos", " dólares",
    "$", "US$", "€", "£", "%", " percent", "over ", "más de ", "al menos ", "nearly ", "casi ",
    "about ", "unos ", "hasta ", "up to ", "six", "seis", "dozens of ", "cientos de ", "two",
    " days", " veces", " (", ")", "May ", "mayo", " de ", "22", "2023", "1959", "-",
    ":", "Su-25", "COVID-19", "last year", "el año pasado", "hace dos semanas", " ago",
    "Slightly over two months ago", "late June", "finales de junio", "2023-09-05",
    "In 2022", "since 1959", "the first half of 2023", "Sunday", "el pasado ", " out of ",
    "\u00a0", "\n", ". ", "Ⅻ", "٣", "１２", "𝟗", "ß", "İ",
])
TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=25).map("".join),
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(prefix=st.text(max_size=20), text=TEXTS, lang=st.sampled_from(["en", "es"]), published=PUBLISHED)
def test_quantity_spans_index_the_text(prefix, text, lang, published):
    article = prefix + text
    ctx = FactContext(published=published)
    for q in quantities.extract(text, len(prefix), lang, ctx):
        assert article[q.start:q.end] == q.text
        assert q.low <= q.value <= q.high
        assert q.kind in ("money", "count", "percent", "measure", "score")


@settings(max_examples=300, deadline=None)
@given(prefix=st.text(max_size=20), text=TEXTS, lang=st.sampled_from(["en", "es"]), published=PUBLISHED)
# "since" a year after the publication date: open-ended, not a backwards interval
@example(prefix="", text="SINCE 1959", lang="en", published=dt.date(1958, 1, 1))
def test_date_spans_index_the_text(prefix, text, lang, published):
    article = prefix + text
    ctx = FactContext(published=published)
    for d in dates.extract(text, len(prefix), lang, ctx):
        assert article[d.start:d.end] == d.text
        if d.low is not None and d.high is not None:
            assert d.low <= d.high
        if not d.resolved:
            assert d.low is None and d.high is None and d.relative
