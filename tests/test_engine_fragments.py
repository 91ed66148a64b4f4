"""Lines of a list or a table ("Subs Not Used: Martin, Palmer.", "Ireland
21-19 Argentina") are not compared by any rule: on the BBC sport articles they
gave 72 of 91 ENT001 findings, each two names of a team sheet."""
from __future__ import annotations

import pytest

from consistency.config import Config
from consistency.facts import FactContext, extract_text
from consistency.records import Article, Claim, Cluster
from consistency.rules import engine
from consistency.rules.base import Rule
from consistency.rules.common import fragment


def _claim(aid: str, text: str, headline: bool = False) -> tuple[Article, Claim]:
    art = Article(id=aid, path=f"{aid}.txt", text=text, lang="en", published=None)
    facts = extract_text(text, 0, "en", FactContext(published=None, config=Config()))
    return art, Claim(id=f"{aid}:0", article=aid, text=text, start=0, end=len(text), lang="en",
                      line=1, end_line=1, column=1, end_column=len(text) + 1, facts=facts, headline=headline)


@pytest.mark.parametrize("text,is_fragment", [
    ("Subs Not Used: Martin, Palmer.", True),
    ("Ireland 21-19 Argentina", True),
    ("19 Nathalie Dechy (France)", True),
    ("In June, Álvaro López Miera visited Moscow.", False),
    ("Harwick Town beat Kelby Rovers 2-1 on Saturday.", False),
])
def test_a_line_with_no_lower_case_word_is_a_fragment(text, is_fragment):
    assert fragment(_claim("a", text)[1]) is is_fragment


@pytest.mark.parametrize("text,is_fragment", [
    ("Quake In Ecuador Kills 14", False),
    ("Chelsea v Birmingham", True),
    ("Harwick Town: Dunn, Ames, Kerr, Lowe", True),
])
def test_a_title_case_headline_is_no_fragment_unless_a_list(text, is_fragment):
    assert fragment(_claim("a", text, headline=True)[1]) is is_fragment


def test_fragments_never_reach_the_rules(monkeypatch):
    seen = []

    class Recorder(Rule):
        code = "REC001"
        kind = "quantity"

        def check(self, pair):
            seen.append((pair.a.text, pair.b.text))
            return ()

    monkeypatch.setattr(engine, "active_rules", lambda config: [Recorder])
    sides = [_claim("a", "Subs Not Used: Marton, Pell."), _claim("b", "Subs Not Used: Jaidi, Poole."),
             _claim("c", "Harwick Town beat Kelby Rovers 2-1 on Saturday."),
             _claim("d", "Harwick Town beat Kelby Rovers 3-1 on Saturday.")]
    arts, claims = [a for a, _ in sides], [c for _, c in sides]
    clusters = [Cluster(id="c1", claims=("a:0", "b:0"), articles=("a", "b"), links=(("a:0", "b:0", 0.95),)),
                Cluster(id="c2", claims=("c:0", "d:0"), articles=("c", "d"), links=(("c:0", "d:0", 0.95),))]
    engine.run_rules(arts, claims, clusters, Config())
    assert seen == [("Harwick Town beat Kelby Rovers 2-1 on Saturday.",
                     "Harwick Town beat Kelby Rovers 3-1 on Saturday.")]
