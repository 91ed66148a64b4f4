"""Opposite words the antonym table does not list, read from WordNet.

``consistency/wordnet.py`` reads the Princeton WordNet 3.0 database
(Debian's ``wordnet-base``, installed by ``scripts/setup-env.sh``); NEG002
uses it in English for word pairs ``lang/en/antonyms.toml`` does not hold
("applauded" / "booed", "low" / "high", "encouraging" / "discouraging",
"stopped" / "started" -- only "started" is in the table), Spanish reads it
through its lexicon's concepts ("bajos" / "altos": ``low`` / ``high``), and
NEG001 no longer reads "did not applaud" against "booed" as a polarity
difference.
A noun with no opposite of its own takes those of the verb it derives from
("applause" / "booed": ``applaud`` / ``boo``; ``tests/data/wordnet_derived``).
The stories (``tests/data/wordnet_opposites``, ``tests/verify/opposites``)
use names no table of the project knows, through the real model.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from _verify_fixtures import checker, loud  # noqa: F401  (a fixture and a helper)
from consistency import wordnet
from consistency.rules.predicate import opposites

STORY = Path(__file__).parent / "data" / "wordnet_opposites"
STORY_ES = Path(__file__).parent / "data" / "wordnet_opposites_es"
DERIVED = Path(__file__).parent / "data" / "wordnet_derived"
VERIFY = Path(__file__).parent / "verify" / "opposites"


def test_the_database_is_installed():
    assert wordnet.location() is not None, (
        "WordNet not found: install Debian's wordnet-base (scripts/setup-env.sh does as root) "
        "or set CONSISTENCY_WORDNET to its directory")


@pytest.mark.parametrize("x, y", [
    ("praised", "criticised"),      # British spelling: a synonym in the synset of "criticize"
    ("encouraging", "discouraging"),
    ("applauded", "booed"),
    ("harder", "easier"),           # comparatives through WordNet's exception list
    ("largest", "smallest"),
    ("stopped", "started"),
    ("low", "high"),
])
def test_opposites_in_wordnet(x, y):
    assert wordnet.opposite(x, y) and wordnet.opposite(y, x)
    assert opposites("en", x, y)


@pytest.mark.parametrize("x, y", [("started", "began"), ("criticised", "criticized"),
                                  ("booed", "jeered"), ("wages", "salaries"),
                                  ("offer", "on")])  # "offer" is no "more off"
def test_not_opposites(x, y):
    assert not wordnet.opposite(x, y)
    assert not opposites("en", x, y)


@pytest.mark.parametrize("x, y", [
    ("applause", "booed"),      # "applause" has no opposite; "applaud", its verb, has "boo"
    ("booed", "applause"),
    ("applause", "hissed"),
])
def test_opposites_through_a_derived_word(x, y):
    assert wordnet.opposite(x, y) and wordnet.derived_opposite(x, y)
    assert opposites("en", x, y)


@pytest.mark.parametrize("x, y", [
    ("applause", "clapped"),    # one act
    ("arrest", "continued"),    # "arrest" is a verb itself: no borrowed opposites ("stop" / "continue")
    ("government", "disorder"),  # "order" is a synonym of "govern", not a word derived from "government"
])
def test_no_opposites_through_unrelated_words(x, y):
    assert not wordnet.opposite(x, y)
    assert not opposites("en", x, y)


def test_direct_opposites_are_not_derived():
    assert wordnet.opposite("praised", "criticised") and not wordnet.derived_opposite("praised", "criticised")


def test_table_poles_are_opposites_without_the_database():
    assert opposites("en", "rose", "fell")
    assert opposites("es", "subió", "bajó")


def test_spanish_reads_wordnet_through_its_lexicon():
    # lexicon.toml: "bajos" is the concept ``low``, "altos" ``high``
    assert opposites("es", "altos", "bajos")
    assert not opposites("es", "aplaudió", "abucheó")  # words the lexicon does not know
    assert not opposites("es", "salarios", "sueldos")


def test_base_forms():
    assert "criticise" in wordnet.base_forms("criticised")
    assert "easy" in wordnet.base_forms("easier")
    assert "stop" in wordnet.base_forms("stopped")
    # a noun or verb in its own right is not read as an adjective's comparative
    assert wordnet.base_forms("offer") == {"offer"}
    assert wordnet.base_forms("number") == {"number"}
    assert wordnet.base_forms("cheaper") == {"cheap"}


def test_no_database_knows_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("CONSISTENCY_WORDNET", str(tmp_path))
    monkeypatch.setattr(wordnet, "PLACES", ())
    assert wordnet.location() is None
    assert wordnet.antonyms("applauded") == set()
    assert not opposites("en", "applauded", "booed")
    assert opposites("en", "rose", "fell")  # the table still holds


@pytest.mark.model
def test_opposite_words_between_articles(checker):  # noqa: F811
    report = checker.check([str(STORY)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    assert got == [
        # "did not applaud" (c) against "applauded" (a) is a polarity difference ...
        ("NEG001", "error", (("a_en", None), ("c_en", "not"))),
        ("NEG002", "error", (("a_en", "applauded"), ("b_en", "booed"))),
        ("NEG002", "error", (("a_en", "low"), ("b_en", "high"))),
        # ... but not against "booed" (b): the two say one thing
    ]


@pytest.mark.model
def test_opposite_words_of_two_parts_of_speech(checker):  # noqa: F811
    """"drew loud applause" (a) and "was loudly booed" (b): a noun and a
    verb, so the two words' forms differ; c's "applause" is no opposite."""
    report = checker.check([str(DERIVED)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    assert got == [
        ("NEG002", "error", (("a_en", "applause"), ("b_en", "booed"))),
        ("NEG002", "error", (("b_en", "booed"), ("c_en", "applause"))),
    ]


@pytest.mark.model
def test_a_summary_with_a_derived_opposite_is_contradicted(checker, tmp_path):  # noqa: F811
    summary = tmp_path / "summary.md"
    summary.write_text("The new opera by Ilse Marrow was loudly booed at the Velmora Summer Festival.\n")
    report = checker.verify(str(summary), [str(DERIVED / "a_en.md")])
    got = [(f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings]
    assert got == [("NEG002", "contradicted", ("booed", "applause"))]


@pytest.mark.model
def test_opposite_words_between_spanish_articles(checker):  # noqa: F811
    report = checker.check([str(STORY_ES)])
    got = sorted((f.code, f.severity, tuple((e.article, e.value) for e in f.evidence)) for f in report.findings
                 if f.severity != "info")
    assert got == [("NEG002", "error", (("a_es", "bajos"), ("b_es", "altos")))]


@pytest.mark.model
def test_a_summary_with_opposite_words_is_contradicted(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "opposite.md"), [str(VERIFY / "article.md")])
    got = [(f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings]
    assert got == [("NEG002", "contradicted", ("discouraging", "encouraging")),
                   ("NEG002", "contradicted", ("stopped", "started"))]


@pytest.mark.model
def test_the_faithful_summary_is_supported(checker):  # noqa: F811
    report = checker.verify(str(VERIFY / "faithful.md"), [str(VERIFY / "article.md")])
    assert loud(report) == []
    assert [f.code for f in report.findings] == ["SUP000", "SUP000"]


FAR = Path(__file__).parent / "verify" / "opposites_far"


@pytest.mark.model
def test_an_opposite_beyond_the_closest_sentences(checker, monkeypatch):  # noqa: F811
    """The report sentence fuses four source sentences and reads closer to
    others than to "a very encouraging evening's work for Nadia Korvel";
    that sentence names Korvel too, so its word is weighed against
    "discouraging" (``verify._opposite_beyond``)."""
    import importlib

    verify = importlib.import_module("consistency.verify")  # the module (the package exports the function)

    def judged():
        report = checker.verify(str(FAR / "summary.md"), [str(FAR / "article.md")])
        return [(f.code, f.status, tuple(e.value for e in f.evidence)) for f in report.findings
                if f.code != "SUP000"]

    assert judged() == [("NEG002", "contradicted", ("discouraging", "encouraging"))]
    monkeypatch.setattr(verify, "_opposite_beyond", lambda *args: [])
    assert judged() == []  # the closest sentences alone hold no opposite


@pytest.mark.model
def test_the_same_word_beyond_the_closest_sentences_is_no_opposite(checker):  # noqa: F811
    report = checker.verify(str(FAR / "faithful.md"), [str(FAR / "article.md")])
    assert [f for f in report.findings if f.code.startswith("NEG")] == []


def test_a_wrong_setting_is_an_error(monkeypatch, tmp_path, capsys):
    from consistency.cli import main

    out = tmp_path / "out.json"
    monkeypatch.setenv("CONSISTENCY_WORDNET", str(tmp_path / "nowhere"))
    assert main(["check", str(STORY), "--json", str(out), "--fail-on", "never"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"consistency: error: {tmp_path / 'nowhere'}: CONSISTENCY_WORDNET names no WordNet "
                   "database (a folder with data.noun, index.noun ... data.adv, index.adv)")
    assert not out.exists()


def test_an_unreadable_database_is_an_error(monkeypatch, tmp_path):
    import shutil

    from consistency.errors import InputError

    for f in wordnet.location().iterdir():
        if f.name.startswith(("data.", "index.")):
            shutil.copy(f, tmp_path / f.name)
    (tmp_path / "data.adj").write_text("00001740 03 a 01 able 0 005 ! 0000 a\n")  # cut short
    monkeypatch.setenv("CONSISTENCY_WORDNET", str(tmp_path))
    with pytest.raises(InputError, match=r"not a readable WordNet 3.0 database"):
        wordnet.antonyms("applauded")


def test_a_pair_keeps_the_words_form():
    """``inflection_endings`` in ``lang/<lang>/antonyms.toml``: a word set in
    another's place ends alike ("applauded" / "booed"), a word of another
    form is no such pair ("backed" / "faces"; "termine" / "primer")."""
    from consistency.rules.predicate import _ending

    assert _ending("applauded", "en") == _ending("booed", "en") == "ed"
    assert _ending("backed", "en") != _ending("faces", "en")
    assert _ending("bajos", "es") == _ending("altos", "es") == "os"
    assert _ending("termine", "es") != _ending("primer", "es")
    assert _ending("anything", "xx") is None  # a language with no data: no test


def test_an_unreadable_noun_entry_is_an_error(monkeypatch, tmp_path):
    """The verbs a noun derives from are read when asked: a data file cut
    short there is the same input error."""
    import shutil

    from consistency.errors import InputError

    for f in wordnet.location().iterdir():
        if f.name.startswith(("data.", "index.")) or f.name.endswith(".exc"):
            shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("CONSISTENCY_WORDNET", str(tmp_path))
    assert wordnet.antonyms("applause") == {"boo", "hiss"}
    # the line of "applause" (no opposite of its own, so the antonyms never
    # read it), its pointer count spoilt, its length kept
    data = (tmp_path / "data.noun").read_bytes()
    at = data.index(b"\n06691989 ") + 1
    line = data[at:data.index(b"\n", at)]
    assert b" 007 @ " in line
    (tmp_path / "data.noun").write_bytes(data[:at] + line.replace(b" 007 @ ", b" zz7 @ ") + data[at + len(line):])
    other = tmp_path / "copy"
    other.mkdir()
    for f in tmp_path.iterdir():
        if f.is_file():
            shutil.move(str(f), other / f.name)
    monkeypatch.setenv("CONSISTENCY_WORDNET", str(other))  # (a new folder: nothing read from it is cached)
    with pytest.raises(InputError, match=r"not a readable WordNet 3.0 database \(ValueError"):
        wordnet.antonyms("applause")
