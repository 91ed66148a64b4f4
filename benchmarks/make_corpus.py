"""Generate a synthetic, story-partitioned corpus with known contradictions.

Usage::

    python benchmarks/make_corpus.py OUT_DIR --articles 100 [--seed 1]

The sentences come from the real articles in ``seeds/`` (English and Spanish),
split with the package's own claim splitter, then cut at the clause boundary
nearest their middle.  A *story* is a group of 4–8 articles; it owns 28
English and 28 Spanish sentences, each the first half of one seed sentence
joined to the second half of another (a pair used by no other story), with
story-specific names (country, person, city) and a story-specific swap of
half of the lowercase content words (``--rate``), so that two stories never
hold the same sentence nor close paraphrases: clustering must keep them apart.  Each article of a story takes 15–25 of its story's
sentences in its own language, in their original order, under a front-matter
block (outlet, title, published).

In about half of the articles of each story (never the first one), one
sentence that the article shares with another article of the same story is
perturbed to contradict it, with one of four kinds:

- ``quantity``: a number changes ("76,000" -> "96,000");
- ``date``: a month, weekday or year changes;
- ``attribution``: the outlet credited changes ("Reuters" -> "Bloomberg");
- ``negation``: a verb is negated ("is" -> "is not", "ha" -> "no ha").

Articles go to ``OUT_DIR/articles/<story>/<article>.txt``; ``OUT_DIR/manifest.json`` lists the stories (article ids) and every injected
contradiction (article, kind, original and perturbed sentence), which
``benchmarks/scale.py`` uses to measure recall.  Output is deterministic for a
given ``--seed``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# story-specific replacements: the seeds' names -> one of these per story
COUNTRIES = [  # en name, en adjective, en plural, es name, es plural
    ("Cuba", "Cuban", "Cubans", "Cuba", "cubanos"),
    ("Peru", "Peruvian", "Peruvians", "Perú", "peruanos"),
    ("Nepal", "Nepalese", "Nepalis", "Nepal", "nepalíes"),
    ("Ghana", "Ghanaian", "Ghanaians", "Ghana", "ghaneses"),
    ("Serbia", "Serbian", "Serbs", "Serbia", "serbios"),
    ("Bolivia", "Bolivian", "Bolivians", "Bolivia", "bolivianos"),
    ("Vietnam", "Vietnamese", "Vietnamese citizens", "Vietnam", "vietnamitas"),
    ("Mongolia", "Mongolian", "Mongolians", "Mongolia", "mongoles"),
    ("Angola", "Angolan", "Angolans", "Angola", "angoleños"),
    ("Laos", "Laotian", "Laotians", "Laos", "laosianos"),
    ("Chad", "Chadian", "Chadians", "Chad", "chadianos"),
    ("Belarus", "Belarusian", "Belarusians", "Bielorrusia", "bielorrusos"),
]
SECOND = [  # replaces Kazakhstan / Kazajstán (en name, en adj, es name, es plural)
    ("Kazakhstan", "Kazakh", "Kazajstán", "kazajos"),
    ("Uzbekistan", "Uzbek", "Uzbekistán", "uzbekos"),
    ("Tajikistan", "Tajik", "Tayikistán", "tayikos"),
    ("Kyrgyzstan", "Kyrgyz", "Kirguistán", "kirguises"),
    ("Armenia", "Armenian", "Armenia", "armenios"),
    ("Azerbaijan", "Azerbaijani", "Azerbaiyán", "azerbaiyanos"),
    ("Moldova", "Moldovan", "Moldavia", "moldavos"),
]
PEOPLE = ["Elena Shuvalova", "Marta Ibarra", "Oleg Petrov", "Ana Costa", "Ivan Sokolov",
          "Lucía Ferrer", "Pavel Orlov", "Irene Navarro", "Dmitri Volkov", "Sofía Rey",
          "Nikolai Zorin", "Clara Méndez", "Boris Kuznetsov"]
CITIES = [("Moscow", "Moscú"), ("Kazan", "Kazán"), ("Novosibirsk", "Novosibirsk"),
          ("Samara", "Samara"), ("Omsk", "Omsk"), ("Tver", "Tver"), ("Perm", "Perm"),
          ("Ufa", "Ufá"), ("Kursk", "Kursk"), ("Tula", "Tula"), ("Sochi", "Sochi")]
OUTLETS = ["Reuters", "The Moscow Times", "Tass", "Ryazan Gazette", "Ryazan Vedomosti", "Insider"]
OTHER_OUTLETS = ["Bloomberg", "Associated Press", "Le Monde", "Kommersant", "Al Jazeera"]
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
NEGATIONS = {  # (pattern, replacement): first match is negated
    "en": [(r"\b(is|are|was|were|has|have|had|will)\b(?! not)", r"\1 not")],
    "es": [(r"(?<!\bno )\b(es|está|están|son|ha|han|fue|fueron|dijo|dijeron)\b", r"no \1")],
}
NEWS_OUTLETS = ["Daily Ledger", "El Observador", "Northern Courier", "La Crónica", "World Desk",
                "Diario del Sur", "The Bulletin", "Noticias Hoy", "Evening Post", "El Faro"]


#: where the sentences come from (folders of the repository)
SOURCES = ("seeds",)


def seed_sentences(sources=SOURCES) -> dict[str, list[str]]:
    """Non-headline claims of the source articles, by language, in text order."""
    from consistency.claims import split_claims
    from consistency.config import Config
    from consistency.corpus import load_corpus

    config = Config()
    out: dict[str, list[str]] = {"en": [], "es": []}
    folders = [ROOT / "seeds"] if "seeds" in sources else []
    for s in sources:
        if s != "seeds":
            folders += sorted(p for p in (ROOT / s).iterdir() if p.is_dir()) or [ROOT / s]
    articles = [a for f in folders for a in load_corpus([f], config).articles]
    for art in articles:
        for c in split_claims(art, config):
            text = " ".join(c.text.split())
            if not c.headline and len(text.split()) >= 6 and text not in out[art.lang]:
                out[art.lang].append(text)
    return out


def _sub(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = re.sub(r"(?<!\w)" + re.escape(old) + r"(?!\w)", new, text)
    return text


_CUT = re.compile(r",\s|\s(?:that|and|but|while|which|who|que|y|pero|donde|para)\s")


def _halves(sentence: str) -> tuple[str, str] | None:
    """Split a sentence at the clause boundary nearest its middle."""
    cuts = [m.start() for m in _CUT.finditer(sentence) if 15 < m.start() < len(sentence) - 15]
    if not cuts:
        return None
    mid = min(cuts, key=lambda c: abs(c - len(sentence) / 2))
    return sentence[:mid], sentence[mid:]


def _recombined(halves: list[tuple[str, str]], n: int, used: set, rng: random.Random) -> list[str]:
    """``n`` sentences, each the first half of one seed sentence and the second
    half of another, no (first, second) pair used twice in a corpus (as long as
    pairs remain), so that stories do not share sentences."""
    out: list[str] = []
    tries = 0
    while len(out) < n:
        (a, _), (_, b) = rng.sample(halves, 2)
        tries += 1
        if (a, b) in used and tries < 50 * n:
            continue
        used.add((a, b))
        out.append(a + b)
    return out


_LOWER = re.compile(r"(?<![\w-])[a-záéíóúñü]{5,}(?![\w-])")


def _protected(lang: str) -> set[str]:
    """Words the perturbations rely on: month and weekday names, negated verbs."""
    out = {w.lower() for w in MONTHS[lang] + WEEKDAYS[lang]}
    for pattern, _ in NEGATIONS[lang]:
        out.update(re.findall(r"[a-záéíóúñü]+", pattern.split("(", 2)[-1]))
    return out


def _word_map(vocab: list[str], rate: float, rng: random.Random) -> dict[str, str]:
    """A story's own vocabulary: ``rate`` of the lowercase content words are
    consistently swapped for other seed words, so that two stories built on the
    same seed sentence do not read as paraphrases of each other."""
    chosen = [w for w in vocab if rng.random() < rate]
    targets = chosen[:]
    rng.shuffle(targets)
    return dict(zip(chosen, targets))


def _remap(sentence: str, words: dict[str, str]) -> str:
    return _LOWER.sub(lambda m: words.get(m.group(), m.group()), sentence)


def story_names(k: int) -> list[tuple[str, str]]:
    """Replacements that make story ``k``'s sentences its own."""
    c = COUNTRIES[k % len(COUNTRIES)]
    s = SECOND[(k // len(COUNTRIES)) % len(SECOND)]
    p = PEOPLE[(k * 5) % len(PEOPLE)]
    city = CITIES[(k * 3) % len(CITIES)]
    return [("Cubans", c[2]), ("Cuban", c[1]), ("Cuba", c[0]), ("cubanos", c[4]),
            ("Kazakhstan", s[0]), ("Kazakh", s[1]), ("Kazajstán", s[2]), ("kazajos", s[3]),
            ("Elena Shuvalova", p), ("Moscow", city[0]), ("Moscú", city[1])]


def perturb(text: str, kind: str, lang: str, rng: random.Random) -> str | None:
    """``text`` changed to contradict itself in ``kind``, or None if it cannot be."""
    if kind == "quantity":
        nums = [m for m in re.finditer(r"(?<![\w.,])\d[\d.,]*\d|(?<![\w.,])\d(?![\w])", text)
                if not re.fullmatch(r"(19|20)\d\d", m.group())]
        if not nums:
            return None
        m = nums[0]
        d = int(m.group()[0])
        new = str((d + 2) % 9 + 1) + m.group()[1:]
        return text[:m.start()] + new + text[m.end():]
    if kind == "date":
        for names in (MONTHS[lang], WEEKDAYS[lang]):
            for i, name in enumerate(names):
                m = re.search(r"\b%s\b" % name, text)
                if m:
                    other = names[(i + 3) % len(names)]
                    return text[:m.start()] + other + text[m.end():]
        m = re.search(r"\b(19|20)\d\d\b", text)
        if m:
            return text[:m.start()] + str(int(m.group()) - 2) + text[m.end():]
        return None
    if kind == "attribution":
        for name in OUTLETS:
            if re.search(r"\b%s\b" % re.escape(name), text):
                return _sub(text, [(name, rng.choice(OTHER_OUTLETS))])
        return None
    if kind == "negation":
        for pattern, repl in NEGATIONS[lang]:
            new, n = re.subn(pattern, repl, text, count=1)
            if n:
                return new
        return None
    raise ValueError(kind)


def source_stories(folder: Path) -> list[list[str]]:
    """One story per plain-text article under ``folder`` (``*.txt``, any depth,
    sorted by path): its non-headline sentences of six words or more, in order.
    Articles with fewer than ``MIN_SOURCE`` such sentences are left out."""
    from consistency.claims import split_claims
    from consistency.config import Config
    from consistency.corpus import load_corpus

    config = Config(languages=("en", "es"))
    out = []
    for path in sorted(Path(folder).rglob("*.txt")):
        try:
            arts = load_corpus([path], config).articles
        except Exception:  # an unreadable file is simply not a story
            continue
        for art in arts:
            sents = []
            for c in split_claims(art, config):
                text = " ".join(c.text.split())
                if not c.headline and len(text.split()) >= 6 and text not in sents:
                    sents.append(text)
            if len(sents) >= MIN_SOURCE:
                out.append(sents)
    return out


#: fewest sentences a source article needs to become a story
MIN_SOURCE = 8


def make(out: Path, n_articles: int, seed: int = 1, rate: float = 0.5,
         source: Path | None = None) -> dict:
    rng = random.Random(seed)
    if source is not None:
        return _make_from(out, n_articles, seed, source_stories(source), rng)
    pool = seed_sentences()
    halves = {lang: [h for h in map(_halves, pool[lang]) if h] for lang in pool}
    used: set[tuple[str, str]] = set()
    vocab = {lang: sorted({w for s in pool[lang] for w in _LOWER.findall(s)} - _protected(lang))
             for lang in pool}
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"seed": seed, "articles": 0, "stories": [], "injected": []}
    made = 0
    k = 0
    while made < n_articles:
        size = min(rng.randint(4, 8), n_articles - made)
        if size < 2 and manifest["stories"]:  # fold a last single article into no story
            size = n_articles - made
        names = story_names(k)
        facts = {}
        for lang in pool:
            words = _word_map(vocab[lang], rate, random.Random(seed * 100_003 + k))
            facts[lang] = [_sub(_remap(s, words), names) for s in _recombined(halves[lang], 28, used, rng)]
        base = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        story_id = f"s{k + 1:04d}"
        articles = []
        for a in range(size):
            lang = "en" if rng.random() < 0.6 else "es"
            take = rng.randint(15, min(25, len(facts[lang])))
            chosen = sorted(rng.sample(range(len(facts[lang])), take))
            articles.append({"id": f"{story_id}-a{a + 1}", "lang": lang,
                             "sentences": [facts[lang][i] for i in chosen]})
        _inject_and_write(out, story_id, articles, manifest, rng, base)
        made += size
        k += 1
    return _finish(out, manifest, made)


def _make_from(out: Path, n_articles: int, seed: int, stories: list[list[str]],
               rng: random.Random) -> dict:
    """Stories from real articles: story k tells source article k's sentences
    (sources shuffled by the seed); each of its 4-8 articles takes 60-100 % of
    them in order, so the articles share most sentences word for word."""
    order = list(range(len(stories)))
    rng.shuffle(order)
    manifest: dict = {"seed": seed, "articles": 0, "stories": [], "injected": []}
    out.mkdir(parents=True, exist_ok=True)
    made = k = 0
    while made < n_articles:
        if k >= len(order):
            raise SystemExit(f"only {len(order)} source articles: not enough for {n_articles} articles")
        facts = stories[order[k]]
        size = min(rng.randint(4, 8), n_articles - made)
        if size < 2 and manifest["stories"]:
            size = n_articles - made
        base = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        story_id = f"s{k + 1:04d}"
        articles = []
        for a in range(size):
            take = rng.randint(max(2, (6 * len(facts)) // 10), len(facts))
            chosen = sorted(rng.sample(range(len(facts)), take))
            articles.append({"id": f"{story_id}-a{a + 1}", "lang": "en",
                             "sentences": [facts[i] for i in chosen]})
        _inject_and_write(out, story_id, articles, manifest, rng, base)
        made += size
        k += 1
    return _finish(out, manifest, made)


def _finish(out: Path, manifest: dict, made: int) -> dict:
    manifest["articles"] = made
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    return manifest


def _inject_and_write(out: Path, story_id: str, articles: list[dict], manifest: dict,
                      rng: random.Random, base: dt.date) -> None:
    """Inject contradictions into about half of the articles (never the
    first), then write the story's files and add it to the manifest."""
    folder = out / "articles" / story_id
    folder.mkdir(parents=True, exist_ok=True)
    for a, art in enumerate(articles):
        if a == 0 or rng.random() < 0.5:
            continue
        shared = [s for s in art["sentences"]
                  if any(s in o["sentences"] for o in articles if o is not art)]
        rng.shuffle(shared)
        kinds = ["quantity", "date", "attribution", "negation"]
        rng.shuffle(kinds)
        done = False
        for kind in kinds:
            for s in shared:
                new = perturb(s, kind, art["lang"], rng)
                if new and new != s:
                    art["sentences"][art["sentences"].index(s)] = new
                    manifest["injected"].append({"story": story_id, "article": art["id"],
                                                 "kind": kind, "original": s, "perturbed": new})
                    done = True
                    break
            if done:
                break
    for art in articles:
        published = base + dt.timedelta(days=rng.randint(0, 2))
        outlet = NEWS_OUTLETS[rng.randrange(len(NEWS_OUTLETS))]
        title = art["sentences"][0].split(",")[0][:80]
        body = _paragraphs(art["sentences"], rng)
        text = (f"---\noutlet: {outlet}\ntitle: {title}\npublished: {published.isoformat()}\n---\n"
                f"{body}\n")
        (folder / f"{art['id']}.txt").write_text(text, encoding="utf-8")
    manifest["stories"].append({"id": story_id, "articles": [a["id"] for a in articles]})


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    paras, cur = [], []
    for s in sentences:
        cur.append(s)
        if len(cur) >= rng.randint(1, 3):
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--from", dest="source", type=Path,
                    help="a folder of real plain-text articles (*.txt, any depth): one story each")
    ap.add_argument("--rate", type=float, default=0.5,
                    help="share of lowercase content words each story swaps (default 0.5)")
    args = ap.parse_args(argv)
    m = make(args.out, args.articles, args.seed, args.rate, args.source)
    kinds: dict[str, int] = {}
    for inj in m["injected"]:
        kinds[inj["kind"]] = kinds.get(inj["kind"], 0) + 1
    print(f"{m['articles']} articles in {len(m['stories'])} stories, "
          f"{len(m['injected'])} contradictions injected {kinds} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
