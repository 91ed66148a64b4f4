"""Text reporter: a compact terminal summary of the findings.

Findings are grouped by severity (most severe first, keeping the report's
order inside a group) and shown one per line as ``code  outlets  message``.
Findings accepted in a baseline are listed last under ``SUPPRESSED``.
ANSI colour is used only when asked for (``color=True``).
"""
from __future__ import annotations

from ..records import SEVERITIES, Finding, Report
from ._common import labels, outlets_of

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[36m",
           "suppressed": "\033[2m", "new": "\033[1;35m"}
_RESET = "\033[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_RESET}" if color else text


def _header(report: Report) -> str:
    s = report.summary
    model = (report.model or {}).get("name") or "none"
    version = f" {report.version}" if report.version else ""
    head = (f"consistency{version} ({report.mode}): {s['articles']} articles, "
            f"{s['claims']} claims, {s['clusters']} clusters; model: {model}")
    if report.mode == "verify" and report.subject:
        head += f"; under review: {report.subject}"
    return head


def _row(f: Finding, names: dict[str, str], widths: tuple[int, int], color: bool) -> str:
    code_w, out_w = widths
    outlets = ", ".join(outlets_of(f, names))
    tag = ""
    if f.status:
        tag += f"[{f.status}] "
    if f.baseline_state == "new":
        tag += _paint("[new] ", "new", color)
    line = f"  {f.code:<{code_w}}  {outlets:<{out_w}}  {tag}{f.message}"
    if f.suppressed is not None:
        line += f"  (accepted: {f.suppressed})"
    return line


def _counts(report: Report, color: bool) -> str:
    s = report.summary
    parts = [_paint(f"{s['by_severity'].get(sev, 0)} {sev}", sev, color)
             if s["by_severity"].get(sev, 0) else f"0 {sev}" for sev in SEVERITIES]
    line = f"{s['findings']} findings: " + ", ".join(parts)
    if s["suppressed"]:
        line += f" ({s['suppressed']} suppressed)"
    if "new" in s:
        line += f"; baseline: {s['new']} new, {s['unchanged']} unchanged, {s['absent']} absent"
    if "verify" in s:
        score = ", ".join(f"{n} {k}" for k, n in s["verify"].items()) or "no claims checked"
        line += f"; verify: {score}"
    return line


def render(report: Report, *, color: bool = False) -> str:
    """The findings as a compact table with a counts line at the end."""
    names = labels(report)
    active = [f for f in report.findings if f.suppressed is None]
    suppressed = [f for f in report.findings if f.suppressed is not None]
    code_w = max((len(f.code) for f in report.findings), default=6)
    out_w = min(40, max((len(", ".join(outlets_of(f, names))) for f in report.findings),
                        default=7))
    widths = (code_w, out_w)
    lines = [_header(report), ""]
    for sev in SEVERITIES:
        group = [f for f in active if f.severity == sev]
        if not group:
            continue
        lines.append(_paint(f"{sev.upper()} ({len(group)})", sev, color))
        lines.extend(_row(f, names, widths, color) for f in group)
        lines.append("")
    if suppressed:
        lines.append(_paint(f"SUPPRESSED ({len(suppressed)})", "suppressed", color))
        lines.extend(_paint(_row(f, names, widths, False), "suppressed", color)
                     for f in suppressed)
        lines.append("")
    if not report.findings:
        lines.extend(["No disagreements found.", ""])
    unknown = report.summary["unknown_dates"]
    if unknown:
        lines.append("Publication date unknown: " + ", ".join(names.get(a, a) for a in unknown))
    for note in report.notes:
        lines.append(f"Note: {note}")
    lines.append(_counts(report, color))
    return "\n".join(lines) + "\n"
