"""Verify-mode benchmark: document/summary pairs with single atomic edits.

No public benchmark can be downloaded here, so the set is built from real
sentences (the seed articles and the short documents in
``benchmarks/data/verify/docs``) by programmatic single edits, deterministic
for a given ``--seed``:

* ``consistent`` - two sentences of the document, unchanged;
* ``entity`` - a name replaced by another name of the document (or a stock one);
* ``number`` - a number changed (years moved by 3, other numbers a digit changed);
* ``negation`` - a negation added after an auxiliary, or removed;
* ``antonym`` - a word replaced by its opposite;
* ``invented`` - an invented sentence (new number, place or date) added.

Each summary is verified against its document with ``Checker.verify``; a
summary is *flagged* when any finding has status contradicted, unsupported or
partial.  Printed: balanced accuracy (mean of recall on edited summaries and
specificity on consistent ones), recall per edit type, and the time per pair.

    python benchmarks/verify_bench.py --build      # regenerate pairs.jsonl
    python benchmarks/verify_bench.py              # run (builds if missing)
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "verify"
PAIRS = DATA / "pairs.jsonl"
EDITS = ("entity", "number", "negation", "antonym", "invented")
FLAGS = {"contradicted", "unsupported", "partial"}

sys.path.insert(0, str(ROOT))

NAME_RE = re.compile(r"(?<=[\s(])(?:[A-ZÁÉÍÓÚÑ][\w’'-]+)(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]+)*")
NUM_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


# ------------------------------------------------------------------ edits
def edit_entity(s: str, lang: str, doc_names: list[str], data: dict, rng: random.Random):
    names = [m for m in NAME_RE.finditer(s) if len(m.group()) > 2]
    if not names:
        return None
    m = rng.choice(names)
    others = [n for n in doc_names if n not in m.group() and m.group() not in n]
    pool = others or [n for n in data["names"] if n != m.group()]
    return s[:m.start()] + rng.choice(sorted(set(pool))) + s[m.end():]


def edit_number(s: str, lang: str, doc_names, data, rng: random.Random):
    nums = list(NUM_RE.finditer(s))
    if not nums:
        return None
    m = rng.choice(nums)
    t = m.group()
    if re.fullmatch(r"(19|20)\d\d", t):
        new = str(int(t) + 3)
    else:
        digits = [i for i, ch in enumerate(t) if ch.isdigit()]
        i = digits[0]
        d = int(t[i])
        new_d = (d + rng.randint(2, 7)) % 10 or 9
        new = t[:i] + str(new_d) + t[i + 1:]
    return s[:m.start()] + new + s[m.end():]


def edit_negation(s: str, lang: str, doc_names, data, rng: random.Random):
    neg = data["negation"]
    m = re.search(rf"\b{neg} ", s)
    if m:  # remove an existing negation
        return s[:m.start()] + s[m.end():]
    for aux in data["auxiliaries"]:
        m = re.search(rf"\b{re.escape(aux)}\b", s)
        if m:
            if lang == "es":  # Spanish puts "no" before the verb
                return s[:m.start()] + f"{neg} " + s[m.start():]
            return s[:m.end()] + f" {neg}" + s[m.end():]
    return None


def edit_antonym(s: str, lang: str, doc_names, data, rng: random.Random):
    for a, b in data["antonyms"]:
        for x, y in ((a, b), (b, a)):
            m = re.search(rf"\b{re.escape(x)}\b", s)
            if m:
                return s[:m.start()] + y + s[m.end():]
    return None


def edit_invented(s: str, lang: str, doc_names, data, rng: random.Random):
    who = rng.choice(doc_names) if doc_names else rng.choice(data["names"])
    tpl = rng.choice(data["templates"])
    extra = tpl.format(who=who, n=rng.choice([14, 37, 120, 450]), city=rng.choice(data["cities"]))
    return s + " " + extra[0].upper() + extra[1:]


EDITORS = {"entity": edit_entity, "number": edit_number, "negation": edit_negation,
           "antonym": edit_antonym, "invented": edit_invented}


# ------------------------------------------------------------------ building
def documents() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted((DATA / "docs").glob("*.md"))


def build(seed: int) -> list[dict]:
    from consistency.pipeline import Checker

    rng = random.Random(seed)
    edits = tomllib.loads((DATA / "edits.toml").read_text(encoding="utf-8"))
    checker = Checker(quiet=True)
    pairs = []
    for path in documents():
        art = checker.load([str(path)]).articles[0]
        claims = [c for c in checker.extract([art]) if not c.headline and len(c.text.split()) >= 6]
        sents = [c.text for c in claims]
        names = sorted({m.group() for c in sents for m in NAME_RE.finditer(c) if len(m.group()) > 2})
        data = edits[art.lang]
        per_type = 2 if len(sents) > 12 else 1
        made = 0
        for edit in EDITS:
            order = list(range(len(sents)))
            rng.shuffle(order)
            done = 0
            for i in order:
                if done >= per_type:
                    break
                new = EDITORS[edit](sents[i], art.lang, names, data, rng)
                if new is None or new == sents[i]:
                    continue
                other = rng.choice([j for j in range(len(sents)) if j != i])
                parts = [(i, new), (other, sents[other])]
                parts.sort()
                pairs.append(_pair(path, art, edit, [p for _, p in parts], new, sents[i], len(pairs)))
                done += 1
                made += 1
        for _ in range(made):
            i, j = sorted(rng.sample(range(len(sents)), 2))
            pairs.append(_pair(path, art, "consistent", [sents[i], sents[j]], None, None, len(pairs)))
    return pairs


def _pair(path: Path, art, edit: str, sents: list[str], new, original, n: int) -> dict:
    return {"id": f"p{n:03d}", "doc": str(path.relative_to(ROOT)), "lang": art.lang,
            "published": art.published.isoformat() if art.published else None, "edit": edit,
            "summary": " ".join(sents), "edited_sentence": new, "original": original}


# ------------------------------------------------------------------ running
def run(pairs: list[dict], limit: int | None = None) -> dict:
    from consistency.pipeline import Checker

    checker = Checker(quiet=True)
    results = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for p in pairs[:limit]:
            path = Path(tmp) / f"summary_{p['id']}.md"
            head = f"---\nlang: {p['lang']}\n" + (f"published: {p['published']}\n" if p["published"] else "")
            path.write_text(head + "---\n" + p["summary"] + "\n", encoding="utf-8")
            report = checker.verify(str(path), [str(ROOT / p["doc"])])
            statuses = sorted({f.status for f in report.findings if f.status})
            codes = sorted({f.code for f in report.findings if f.status in FLAGS})
            results.append({**p, "flagged": bool(FLAGS & set(statuses)), "statuses": statuses,
                            "codes": codes})
    elapsed = time.perf_counter() - t0
    return {"results": results, "seconds": elapsed}


def score(results: list[dict]) -> dict:
    by_edit: dict[str, list[bool]] = {}
    for r in results:
        by_edit.setdefault(r["edit"], []).append(r["flagged"])
    edited = [f for e, v in by_edit.items() if e != "consistent" for f in v]
    recall = sum(edited) / len(edited) if edited else 0.0
    cons = by_edit.get("consistent", [])
    specificity = (len(cons) - sum(cons)) / len(cons) if cons else 0.0
    return {"balanced_accuracy": (recall + specificity) / 2, "recall": recall,
            "specificity": specificity,
            "per_edit": {e: (sum(v) / len(v), len(v)) for e, v in sorted(by_edit.items())}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", action="store_true", help="regenerate pairs.jsonl and exit")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--limit", type=int, help="run only the first N pairs")
    ap.add_argument("--details", metavar="FILE", help="write per-pair results as JSON lines")
    args = ap.parse_args(argv)
    if args.build or not PAIRS.exists():
        pairs = build(args.seed)
        PAIRS.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
        print(f"wrote {len(pairs)} pairs to {PAIRS.relative_to(ROOT)}")
        if args.build:
            return 0
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    out = run(pairs, args.limit)
    s = score(out["results"])
    n = len(out["results"])
    print(f"pairs: {n}  time: {out['seconds']:.1f} s ({out['seconds'] / max(1, n):.2f} s/pair)  "
          f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"balanced accuracy: {s['balanced_accuracy']:.3f}  "
          f"(recall on edited {s['recall']:.3f}, specificity on consistent {s['specificity']:.3f})")
    for edit, (rate, count) in s["per_edit"].items():
        label = "kept as consistent" if edit == "consistent" else "recall"
        value = 1 - rate if edit == "consistent" else rate
        print(f"  {edit:<11} {label:<19} {value:.3f}  (n={count})")
    if args.details:
        Path(args.details).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                              for r in out["results"]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
