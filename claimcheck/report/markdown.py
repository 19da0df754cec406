"""Markdown reports that paste into a CMS, a pull request or a job summary, article text inert.

Article text is made one line with control characters shown as `\\xNN` (common.sanitize),
then `<`, `>` and `&` become entities (so `<script>` is shown, never run) and Markdown
punctuation that could start formatting, a link, math or a table cell is backslash-escaped.
Paths go in code spans. Tables are GitHub Flavored Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from claimcheck.models import Claim, Finding, Verdict
from claimcheck.report.common import excerpt_parts, human_value, sanitize
from claimcheck.report.describe import VERDICT_ORDER, location, rule_for

_CONTEXT = 90
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_CHARS = re.compile("[&<>]")
# Emphasis, code, links/images, table cells, strikethrough (~ on GitHub), math ($ on GitHub).
_MARKDOWN_CHARS = re.compile(r"([\\`*_\[\]|~$])")
_BACKTICKS = re.compile("`+")
_COLUMNS = ("subject", "metric", "qualifier", "value", "source", "quote")


def escape(text: str) -> str:
    """Untrusted text as inert Markdown: one line, controls visible, HTML and markup literal."""
    safe = _HTML_CHARS.sub(lambda m: _HTML[m.group()], sanitize(text))
    return _MARKDOWN_CHARS.sub(r"\\\1", safe)


def code(text: str) -> str:
    """Untrusted text as a code span that is safe inside a table cell."""
    body = sanitize(text)
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    fence = "`" * (longest + 1)
    if body.startswith(("`", " ")) or body.endswith(("`", " ")):
        body = f" {body} "
    return fence + body.replace("|", "\\|") + fence


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def excerpt(claim: Claim, width: int = _CONTEXT) -> str:
    """About `width` characters of the claim's sentence around its quote, the quote in bold."""
    parts = excerpt_parts(claim, width)
    if parts is None:
        quote = claim.quote
        return f"**{escape(quote)}**" if quote else escape(claim.sentence[:width])
    before, quote, after = parts
    return escape(before) + f"**{escape(quote)}**" + escape(after)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    return [_row(_COLUMNS), _row(["---"] * len(_COLUMNS)), *(_row(r) for r in rows)]


def _claim_cells(subject: str, metric: str, qualifier: str, claim: Claim) -> list[str]:
    return [
        escape(subject),
        escape(metric),
        escape(qualifier),
        escape(human_value(claim.quantity)),
        code(location(claim)),
        excerpt(claim),
    ]


def _count(mapping: Mapping[str, object], key: str) -> int:
    value = mapping.get(key, 0)
    return value if isinstance(value, int) else 0


def _hidden(findings: Sequence[Finding], summary: Mapping[str, object]) -> dict[Verdict, int]:
    """How many findings of each verdict the summary counts but `findings` leaves out."""
    raw = summary.get("verdicts", {})
    totals: Mapping[str, object] = raw if isinstance(raw, Mapping) else {}
    hidden = {}
    for verdict in VERDICT_ORDER:
        n = _count(totals, verdict.value) - sum(f.verdict is verdict for f in findings)
        if n > 0:
            hidden[verdict] = n
    return hidden


def _summary_lines(findings: Sequence[Finding], summary: Mapping[str, object]) -> list[str]:
    raw = summary.get("verdicts", {})
    totals: Mapping[str, object] = raw if isinstance(raw, Mapping) else {}
    counts = ", ".join(
        f"{_count(totals, v.value)} {v.value}" for v in VERDICT_ORDER if v.value in totals
    )
    line = (
        f"**{_plural(_count(summary, 'sources'), 'source')} · "
        f"{_plural(_count(summary, 'claims'), 'claim')} · "
        f"{_plural(_count(summary, 'findings'), 'finding')}:** {counts}."
    )
    hidden = _hidden(findings, summary)
    if hidden:
        listing = ", ".join(f"{n} {v.value}" for v, n in hidden.items())
        how = "`--all` shows them" if list(hidden) == [Verdict.AGREE] else "see `--min-severity`"
        line += f" Not shown: {listing} ({how})."
    lines = [line]
    if not findings:
        if not _count(summary, "findings"):
            lines += ["", "No findings: no figure was reported by the sources given."]
        elif list(hidden) == [Verdict.AGREE]:
            lines += ["", "No discrepancies: every figure agrees across sources."]
        else:
            lines += ["", "No findings at the chosen severity."]
    return lines


def render_compare_markdown(findings: Sequence[Finding], summary: Mapping[str, object]) -> str:
    """The discrepancy report: a heading, the counts, then one table per verdict, worst first."""
    lines = ["# claimcheck report", "", *_summary_lines(findings, summary)]
    for verdict in VERDICT_ORDER:
        group = [f for f in findings if f.verdict is verdict]
        if not group:
            continue
        lines += ["", f"## {verdict.value} ({len(group)}) — {rule_for(verdict).legend}", ""]
        rows = [
            _claim_cells(f.subject, f.metric, f.qualifier, claim)
            for f in group
            for claim in f.claims
        ]
        lines += _table(rows)
    return "\n".join(lines) + "\n"


def render_extract_markdown(claims: Sequence[Claim]) -> str:
    """Every claim found, one table row each, sorted by path and position, after a count."""
    ordered = sorted(claims, key=lambda c: c.sort_key)
    lines = ["# claimcheck claims", ""]
    if not ordered:
        return "\n".join([*lines, "No claims found."]) + "\n"
    sources = len({c.path for c in ordered})
    lines += [f"{_plural(len(ordered), 'claim')} in {_plural(sources, 'source')}.", ""]
    lines += _table([_claim_cells(c.subject, c.metric, c.qualifier, c) for c in ordered])
    return "\n".join(lines) + "\n"
