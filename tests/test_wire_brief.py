"""A two-sentence wire brief against the seeds, with the real model.

A brief restates a sentence or two of other outlets, each from a different
one, so no single article shares two sentences with it.  It must still be
placed in the seeds' story and its different signing bonus reported as an
error; in CI, only the brief's findings are new.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from consistency import cluster, embed
from consistency.cli import main

from _model_fixtures import get_model

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ES_BONUS = "000_ef127bca5e652af3"
EN_BEAST = "002_418faf2e8bd56de7"

#: sentence 1 is 002's "Online adverts had been spotted ..." with another bonus;
#: sentence 2 restates 000's "Kazajstán prohíbe a sus ciudadanos ..."
BRIEF_EN = ("Online adverts had been spotted in Armenia and Kazakhstan offering a signing bonus of "
            "195,000 rubles ($2,100) and salaries worth around $2,000, the report said. Kazakhstan "
            "bans its citizens from joining foreign military conflicts for pay.\n")
#: the same brief from a Spanish desk: copies 000's bonus sentence, restates 002's adverts
BRIEF_ES = ("Prometen un bono por firmar de 195.000 rublos rusos (2.100 dólares) y un salario de al "
            "menos 190.000 rublos rusos (2.000 dólares) al mes. Kazajstán prohíbe a sus ciudadanos "
            "unirse a conflictos militares en el extranjero a cambio de una remuneración.\n")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("embeddings")


@pytest.fixture
def shared_model(monkeypatch, cache_dir):
    monkeypatch.setattr(embed, "load_model", lambda spec, quiet=False: get_model()[0])
    monkeypatch.setenv("CONSISTENCY_CACHE_DIR", str(cache_dir))


def run(capsys, *args) -> int:
    code = main(["check", *map(str, args)])
    capsys.readouterr()
    return code


def bonus_errors(report: Path) -> list[tuple]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return sorted((f["code"], f["baseline_state"] if "baseline_state" in f else None,
                   tuple((e["article"], e["value"]) for e in f["evidence"]))
                  for f in data["findings"] if f["severity"] == "error")


@pytest.mark.model
@pytest.mark.parametrize("name, text, expected", [
    ("005_brief.txt", BRIEF_EN, [
        ("QTY001", ((ES_BONUS, "495.000 rublos rusos (5.300 dólares)"), ("005_brief", "195,000 rubles ($2,100)"))),
        ("QTY001", ((EN_BEAST, "over $5,000"), ("005_brief", "195,000 rubles ($2,100)"))),
    ]),
    ("005_breve.txt", BRIEF_ES, [
        ("QTY001", ((ES_BONUS, "495.000 rublos rusos (5.300 dólares)"),
                    ("005_breve", "195.000 rublos rusos (2.100 dólares)"))),
        ("QTY001", ((EN_BEAST, "over $5,000"), ("005_breve", "195.000 rublos rusos (2.100 dólares)"))),
    ]),
])
def test_brief_bonus_is_an_error_and_only_its_findings_are_new(tmp_path, capsys, shared_model,
                                                               name, text, expected):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    base = tmp_path / "baseline.json"
    assert run(capsys, corpus, "--write-baseline", base, "--fail-on", "never", "-q") == 0
    before = json.loads(base.read_text(encoding="utf-8"))
    (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    assert run(capsys, corpus, "--baseline", base, "--fail-on", "error", "--json", out, "-q") == 1
    assert base.read_text(encoding="utf-8") == json.dumps(before, indent=2, ensure_ascii=False) + "\n" \
        or json.loads(base.read_text(encoding="utf-8")) == before
    errors = bonus_errors(out)
    assert [(code, ev) for code, _, ev in errors] == sorted(expected)
    assert {state for _, state, _ in errors} == {"new"}
    data = json.loads(out.read_text(encoding="utf-8"))
    stem = Path(name).stem
    for f in data["findings"]:
        touches_brief = any(e["article"] == stem for e in f["evidence"])
        assert f["baseline_state"] == ("new" if touches_brief else "unchanged"), f["message"]


class _Config:
    neighbours = 10

    def link_threshold(self):
        return 0.85


def test_story_gate_places_a_brief_whose_sentences_restate_different_articles():
    """Unit check of the gate with fixed vectors: articles A, B, C share two
    sentences each (one story), D is another story; brief E has one sentence
    close to A's and one close to B's, so no single article reaches two links.
    A brief of a headline and one sentence needs one link; a longer lone
    article needs two, its headline not counted."""
    rng = np.random.default_rng(7)
    base = rng.normal(size=(6, 32))

    def near(v, scale=0.05):
        w = v + scale * rng.normal(size=v.shape)
        return w / np.linalg.norm(w)

    story = [near(base[0], 0), near(base[1], 0)]
    vec = np.stack([near(story[0], .02), near(story[1], .02), near(story[0], .02), near(story[1], .02),
                    near(story[0], .02), near(story[1], .02), near(base[2], 0), near(base[3], 0),
                    near(story[0], .01), near(base[4], 0)]).astype(np.float32)
    vec[9] = near(story[1], .01)
    arts = np.array(["A", "A", "B", "B", "C", "C", "D", "D", "E", "E"])
    groups = cluster._stories(vec, arts)
    assert groups["A"] == groups["B"] == groups["C"] == groups["E"]
    assert groups["D"] != groups["A"]
    # a headline and one sentence: its one link places it
    vec2 = vec.copy()
    vec2[9] = near(base[5], 0)
    groups = cluster._stories(vec2, arts)
    assert groups["E"] == groups["A"]
    # a lone article of three claims with only one link stays out
    vec3 = np.concatenate([vec2, near(base[5], 0.5)[None, :].astype(np.float32)])
    groups = cluster._stories(vec3, np.append(arts, "E"))
    assert groups["E"] != groups["A"]
    # ... but when one of its three claims is its headline, it is a brief of
    # two sentences, and its one link places it
    heads = np.zeros(len(vec3), dtype=bool)
    heads[9] = True
    groups = cluster._stories(vec3, np.append(arts, "E"), heads=heads)
    assert groups["E"] == groups["A"]
