"""A date the other sentence also states dates something else there
(``rules.date._stated_too``; no model: the token alignment is given).

"Aerolíneas Miravento cancelled 312 flights on Monday" / "Los tripulantes
cumplen hoy la segunda jornada de una huelga que ayer obligó a cancelar 300
vuelos": "ayer" is Monday, so Monday set against "hoy" by its own tokens is
no contradiction.  Dates the alignment stands among the same words are still
compared: "la inspección de enero ... ya en febrero advirtió" / "alertó ya
en enero" sets febrero against enero though both sentences say enero.
"""
from __future__ import annotations

import datetime as dt

from consistency.align import SlotLink


def _day(text, phrase, day, granularity="day"):
    from consistency.records import TimeRef

    start = 100 + text.index(phrase)
    low, high = day if isinstance(day, tuple) else (day, day)
    return TimeRef(text=phrase, start=start, end=start + len(phrase), low=low, high=high,
                   granularity=granularity)


def _pair(ta, la, da, tb, lb, db, links):
    from consistency.config import Config
    from consistency.records import Article, Claim, Facts
    from consistency.rules.base import Pair

    a = Claim(id="a:1", article="a", start=100, end=100 + len(ta), text=ta, lang=la, line=1, end_line=1,
              facts=Facts(dates=tuple(da)))
    b = Claim(id="b:1", article="b", start=100, end=100 + len(tb), text=tb, lang=lb, line=1, end_line=1,
              facts=Facts(dates=tuple(db)))
    arts = (Article(id="a", path="a", text=" " * 100 + ta, lang=la),
            Article(id="b", path="b", text=" " * 100 + tb, lang=lb))
    return Pair(a=a, b=b, art_a=arts[0], art_b=arts[1], config=Config(quiet=True), masked=0.99,
                links=tuple(links))


def _link(x, y, share, context):
    return SlotLink((x.start, x.end), (y.start, y.end), share, 0.8, context)


MON, TUE = dt.date(2026, 4, 20), dt.date(2026, 4, 21)


def test_a_date_the_other_sentence_also_states_is_not_set_against_another():
    from consistency.rules.date import DAT001

    ta = "Aerolíneas Miravento cancelled 312 flights on Monday after its cabin crew walked out."
    tb = "Los tripulantes cumplen hoy la segunda jornada de una huelga que ayer obligó a cancelar 300 vuelos."
    monday = _day(ta, "Monday", MON)
    hoy, ayer = _day(tb, "hoy", TUE), _day(tb, "ayer", MON)
    pair = _pair(ta, "en", [monday], tb, "es", [hoy, ayer], [_link(monday, hoy, 1.0, 0)])
    assert list(DAT001().check(pair)) == []
    # the same pairing with no "ayer" in the other sentence is a contradiction
    lone = _pair(ta, "en", [monday], tb, "es", [hoy], [_link(monday, hoy, 1.0, 0)])
    assert [(j.value_a, j.value_b) for j in DAT001().check(lone)] == [("Monday", "hoy")]


def test_dates_aligned_among_the_same_words_are_compared_though_both_say_one_of_them():
    from consistency.rules.date import DAT001

    jan, feb = (dt.date(2026, 1, 1), dt.date(2026, 1, 31)), (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    ta = ("El consejero delegado aseguró que la inspección de enero no detectó ningún fallo, "
          "aunque el sindicato sostiene que ya en febrero advirtió a la dirección.")
    tb = "El sindicato alertó por escrito a la dirección de la aparición de grietas ya en enero."
    enero_a, febrero = _day(ta, "enero", jan, "month"), _day(ta, "febrero", feb, "month")
    enero_b = _day(tb, "enero", jan, "month")
    pair = _pair(ta, "es", [enero_a, febrero], tb, "es", [enero_b], [_link(febrero, enero_b, 0.0, 2)])
    assert [(j.value_a, j.value_b) for j in DAT001().check(pair)] == [("febrero", "enero")]
