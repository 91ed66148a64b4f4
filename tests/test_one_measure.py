"""A length, an area or a weight in one unit in two tellings of one event
measures the same thing (``rules.quantity.one_measure``;
``tests/data/one_measure``, en-es, names no table knows).

"... was declared stabilised on Monday morning after destroying 2,400
hectares of pine forest, according to the regional remote sensing centre" /
"El incendio, que comenzó en un pinar situado sobre Corvalle, ha calcinado
unas 4.200 hectáreas, según las imágenes del centro regional de
teledetección": the sentences tell one event once their slots are masked,
each gives one area in hectares, so the two are compared.  Units of time are
not read this way ("52 hours underground" / "62 horas atrapados" may time
two things)."""
from __future__ import annotations

from pathlib import Path

import pytest

from _model_fixtures import checker  # noqa: F401  (fixture)

DATA = Path(__file__).parent / "data" / "one_measure"


@pytest.mark.model
def test_one_area_in_each_telling_of_one_event_is_compared(checker):  # noqa: F811
    report = checker.check([str(DATA)])
    got = [(f.code, f.severity, [(e.article, e.value) for e in f.evidence]) for f in report.findings]
    assert got == [("QTY001", "error", [("a_en", "2,400 hectares"), ("b_es", "unas 4.200 hectáreas")])]


def _measure(text, phrase, value, unit):
    from consistency.records import Quantity

    start = 100 + text.index(phrase)
    return Quantity(kind="measure", value=value, low=value, high=value, unit=unit, qualifier="exact",
                    text=phrase, start=start, end=start + len(phrase))


def _pair(ta, qa, tb, qb, masked=0.99):
    from consistency.config import Config
    from consistency.records import Article, Claim, Facts
    from consistency.rules.base import Pair

    a = Claim(id="a:1", article="a", start=100, end=100 + len(ta), text=ta, lang="en", line=1, end_line=1,
              facts=Facts(quantities=tuple(qa)))
    b = Claim(id="b:1", article="b", start=100, end=100 + len(tb), text=tb, lang="es", line=1, end_line=1,
              facts=Facts(quantities=tuple(qb)))
    arts = (Article(id="a", path="a", text=" " * 100 + ta, lang="en"),
            Article(id="b", path="b", text=" " * 100 + tb, lang="es"))
    return Pair(a=a, b=b, art_a=arts[0], art_b=arts[1], config=Config(quiet=True), masked=masked)


TA = "The fire was stabilised after destroying 2,400 hectares, the agency said on its website."
TB = "Las llamas han calcinado unas 4.200 hectáreas, según las imágenes del centro."


@pytest.mark.parametrize("unit, a_extra, masked, expected", [
    ("hectare", False, 0.99, [("2,400 hectares", "unas 4.200 hectáreas")]),
    ("hectare", False, 0.80, []),   # the sentences do not tell one event
    ("hectare", True, 0.99, []),    # two areas in one claim: which is which is not known
    ("hour", False, 0.99, []),      # a length of time may time two things
])
def test_one_measure_needs_one_event_one_amount_in_the_unit_and_no_unit_of_time(unit, a_extra, masked, expected):
    from consistency.rules.quantity import QTY001

    qa = [_measure(TA, "2,400 hectares", 2400, unit)]
    if a_extra:
        qa.append(_measure(TA, "its website", 12, unit))
    pair = _pair(TA, qa, TB, [_measure(TB, "unas 4.200 hectáreas", 4200, unit)], masked)
    assert [(j.value_a, j.value_b) for j in QTY001().check(pair)] == expected
