"""Verify mode on real, human-judged summaries of news articles.

Input: a JSON-lines file, one item per line::

    {"id": "...", "source": "cnndm" | "xsum" | ..., "document": "...",
     "summary": "...", "label": 1 (consistent) | 0 (inconsistent),
     "error_type": "..." (optional), "lang": "en" (the summary's; optional)}

Each summary is verified against its document (``Checker.verify``, one
model for the whole run); a summary is *flagged* when verify reports any
warning or error.  Printed, overall and per source and per error type:
balanced accuracy (mean of "inconsistent flagged" and "consistent left
unflagged"), both rates, and the counts.  Items are split once and for all
by a hash of their id into ``tune`` and ``heldout`` halves: tune on one,
report the other once at the end.

No such file is kept in this repository: the public sets found so far either
carry no licence for their texts or could not be fetched here.
``--convert-qags`` turns the QAGS annotations (Wang et al., ACL 2020:
``data/mturk_cnndm.jsonl`` and ``data/mturk_xsum.jsonl`` of
github.com/W4ngatang/qags; one summary sentence per item, three yes/no
judgements each) into this format: consistent when most judges said yes.
Their texts are lower-cased, which hides names from the checker, and
tokenised; numbers split by the tokeniser ("3, 800 km", "$ 1. 7 million") are
joined again (:func:`detokenize`).

``--convert-edits`` builds items from ``benchmarks/data/verify_edits`` (our
own faithful and edited summaries of ten BBC News articles; the articles are
read from a copy of that dataset, see its README).

Usage::

    python benchmarks/verify_real.py --convert-edits benchmarks/data/verify_edits/summaries.jsonl --documents bbc --out edits.jsonl
    python benchmarks/verify_real.py --convert-qags mturk_cnndm.jsonl mturk_xsum.jsonl --out qags.jsonl
    python benchmarks/verify_real.py qags.jsonl --split tune [--limit 100] [--details out.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def split_of(item_id: str) -> str:
    """``tune`` or ``heldout``, fixed by the item's id."""
    return "tune" if int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "heldout"


def detokenize(text: str) -> str:
    """Undo the tokenisation of the QAGS texts where it breaks numbers and
    words apart ("3, 800 km", "$ 1. 7 million", "20 year - old"): real
    articles never read like that, and the split numbers read as other
    numbers."""
    text = re.sub(r"(?<=\d), (?=\d{3}\b)", ",", text)
    text = re.sub(r"(?<=\d)\. (?=\d)", ".", text)
    text = re.sub(r"(?<=\w) - (?=\w)", "-", text)
    text = re.sub(r"([$£€]) (?=\d)", r"\1", text)
    return text


def convert_qags(paths: list[str]) -> list[dict]:
    items = []
    for path in paths:
        source = "xsum" if "xsum" in Path(path).name else "cnndm"
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            row = json.loads(line)
            for k, sent in enumerate(row["summary_sentences"]):
                votes = [r["response"] for r in sent["responses"]]
                yes = sum(v == "yes" for v in votes)
                items.append({"id": f"qags-{source}-{n}-{k}", "source": source,
                              "document": detokenize(row["article"]),
                              "summary": detokenize(sent["sentence"]), "label": int(yes * 2 > len(votes))})
    return items


def convert_edits(path: str, documents: str) -> list[dict]:
    """Items of ``benchmarks/data/verify_edits/summaries.jsonl`` (a faithful
    summary and its edited copies per article), with the articles read from
    ``documents`` (the BBC News dataset's folder)."""
    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        raw = (Path(documents) / row["doc"]).read_bytes()
        try:
            doc = raw.decode("utf-8")
        except UnicodeDecodeError:
            doc = raw.decode("latin-1")
        base = row["doc"].replace("/", "-").removesuffix(".txt")
        lang = row.get("lang", "en")
        items.append({"id": f"{base}-ok", "source": "bbc-edits", "document": doc,
                      "summary": row["summary"], "label": 1, "lang": lang})
        for kind, summary in row["edits"]:
            items.append({"id": f"{base}-{kind}", "source": "bbc-edits", "document": doc,
                          "summary": summary, "label": 0, "error_type": kind, "lang": lang})
    return items


def run(items: list[dict], config: str | None = None) -> list[dict]:
    from consistency.config import Config, load_config
    from consistency.pipeline import Checker

    checker = Checker(load_config(config, quiet=True) if config else Config(quiet=True))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in items:
            doc = Path(tmp) / "document.txt"
            summary = Path(tmp) / "summary.md"
            doc.write_text("---\nlang: en\n---\n" + item["document"] + "\n", encoding="utf-8")
            summary.write_text(f"---\nlang: {item.get('lang', 'en')}\n---\n" + item["summary"] + "\n", encoding="utf-8")
            report = checker.verify(str(summary), [str(doc)])
            loud = sorted({f.code for f in report.findings if f.severity in ("error", "warning")})
            quiet = sorted({f"{f.code}:{f.status}" for f in report.findings if f.severity not in ("error", "warning")})
            out.append({**{k: item[k] for k in ("id", "source", "label")},
                        "error_type": item.get("error_type"), "flagged": bool(loud), "codes": loud,
                        "info": quiet,
                        "least_support": min((f.confidence for f in report.findings if f.code == "SUP000"),
                                             default=None)})
    return out


def rates(rows: list[dict]) -> tuple[float, float, float, int, int]:
    bad = [r["flagged"] for r in rows if r["label"] == 0]
    good = [not r["flagged"] for r in rows if r["label"] == 1]
    caught = sum(bad) / len(bad) if bad else float("nan")
    kept = sum(good) / len(good) if good else float("nan")
    parts = [x for x in (caught, kept) if x == x]
    return sum(parts) / len(parts) if parts else float("nan"), caught, kept, len(bad), len(good)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", help="JSON-lines file of items")
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    ap.add_argument("--limit", type=int, help="only the first N items of the split")
    ap.add_argument("--details", metavar="FILE", help="write one result per item as JSON lines")
    ap.add_argument("--config", metavar="SETUP_CFG", help="a setup.cfg with [consistency...] options to use")
    ap.add_argument("--convert-qags", nargs="+", metavar="JSONL", help="convert QAGS files and exit")
    ap.add_argument("--convert-edits", metavar="JSONL",
                    help="convert benchmarks/data/verify_edits/summaries.jsonl (needs --documents) and exit")
    ap.add_argument("--documents", metavar="DIR", help="the BBC News dataset folder, for --convert-edits")
    ap.add_argument("--out", metavar="FILE", help="where --convert-qags / --convert-edits write")
    args = ap.parse_args(argv)
    if args.convert_edits:
        if not args.documents:
            ap.error("--convert-edits needs --documents DIR")
        items = convert_edits(args.convert_edits, args.documents)
        target = Path(args.out or "edits.jsonl")
        target.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        print(f"wrote {len(items)} items to {target}")
        return 0
    if args.convert_qags:
        items = convert_qags(args.convert_qags)
        target = Path(args.out or "qags.jsonl")
        target.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        print(f"wrote {len(items)} items to {target}")
        return 0
    if not args.data:
        ap.error("give the JSON-lines file of items (see --help)")
    items = [json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if args.split == "all" or split_of(i["id"]) == args.split][:args.limit]
    t0 = time.perf_counter()
    results = run(items, args.config)
    seconds = time.perf_counter() - t0
    print(f"{len(results)} summaries ({args.split}); {seconds:.0f} s ({seconds / max(1, len(results)):.2f} s each); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"{'group':<24} {'balanced':>8} {'incons. flagged':>16} {'cons. unflagged':>16}")
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups["all"].append(r)
        groups[f"source {r['source']}"].append(r)
        if r.get("error_type"):
            groups[f"error {r['error_type']}"].append(r)
    for name, rows in groups.items():
        bal, caught, kept, n_bad, n_good = rates(rows)
        print(f"{name:<24} {bal:8.2f} {caught:10.2f} (n={n_bad:<3}) {kept:10.2f} (n={n_good:<3})")
    if args.details:
        Path(args.details).write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
