"""A self-contained HTML discrepancy report: counts, findings by verdict, a chart per finding."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from claimcheck.models import Claim, Finding, Source, Verdict
from claimcheck.report.chart import render_chart, verdict_colour
from claimcheck.report.common import human_value, sanitize
from claimcheck.report.describe import VERDICT_ORDER, rule_for

_ORDER = VERDICT_ORDER
# Nothing may load: no scripts, no remote styles, fonts or images, even if markup slipped in.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2330; background: #f6f7f9; margin: 0; }
main, header, footer { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 3px solid; }
h3 { font-size: 16px; margin: 0 0 4px; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; list-style: none; }
.counts li { background: #fff; border: 1px solid #d0d4da; border-radius: 6px; padding: 4px 10px; }
.badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 7px;
  font-size: 13px; font-weight: 600; }
.dim, .where, .legend, footer { color: #5f6b7a; }
.finding { background: #fff; border: 1px solid #d0d4da; border-left: 5px solid;
  border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.summary { margin: 0 0 6px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0 8px; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1d2330; }
svg.chart text.tick, svg.chart text.who { fill: #5f6b7a; font-size: 11px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th.value { width: 140px; text-align: right; } th.where { width: 270px; }
th, td { text-align: left; vertical-align: top; padding: 3px 10px 3px 0; }
th { font-size: 12px; color: #5f6b7a; font-weight: 600; border-bottom: 1px solid #d0d4da; }
td.value { text-align: right; white-space: nowrap; font-weight: 600; }
td.where { overflow-wrap: anywhere; font: 12px ui-monospace, Menlo, Consolas, monospace; }
mark { background: #ffe9a8; font-weight: 600; padding: 0 1px; }
details > summary { cursor: pointer; }
details > summary h2 { display: inline-block; }
footer { padding: 24px; font-size: 12px; }
"""


def _e(text: str) -> str:
    """Untrusted text made safe: controls shown as escapes (sanitize), then markup escaped."""
    return escape(sanitize(text), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _count(mapping: Mapping[str, object], key: str) -> int:
    value = mapping.get(key, 0)
    return value if isinstance(value, int) else 0


def _badge(verdict: Verdict) -> str:
    return (
        f'<span class="badge" style="background:{verdict_colour(verdict)}">{verdict.value}</span>'
    )


def _quote_cell(claim: Claim) -> str:
    """The claim's sentence with its quote highlighted (the quote alone if it is not found)."""
    sentence, quote = claim.sentence, claim.quote
    at = claim.quote_at
    if at < 0:
        return f"<mark>{_e(quote)}</mark>" if quote else _e(sentence)
    before, after = sentence[:at], sentence[at + len(quote) :]
    return f"{_e(before).lstrip()}<mark>{_e(quote)}</mark>{_e(after).rstrip()}"


def _claims_table(claims: Sequence[Claim]) -> list[str]:
    rows = [
        '<table class="claims">',
        '<thead><tr><th class="value">value</th><th class="where">where</th>',
        "<th>quote</th></tr></thead>",
        "<tbody>",
    ]
    for claim in claims:
        rows.append(
            f'<tr><td class="value">{_e(human_value(claim.quantity))}</td>'
            f'<td class="where">{_e(f"{claim.path}:{claim.line}")}</td>'
            f'<td class="quote">{_quote_cell(claim)}</td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return rows


def _finding(finding: Finding, index: int) -> list[str]:
    what = f"{finding.subject} · {finding.metric}" if finding.subject else finding.metric
    if finding.qualifier:
        what += f" ({finding.qualifier})"
    border = verdict_colour(finding.verdict)
    return [
        f'<article class="finding" id="finding-{index}" style="border-left-color:{border}">',
        f"<h3>{_e(what)} {_badge(finding.verdict)} "
        f'<span class="dim">{_plural(finding.source_count, "source")}</span></h3>',
        f'<p class="summary">{_e(finding.summary)}</p>',
        render_chart(finding, f"chart-{index}"),
        *_claims_table(finding.claims),
        "</article>",
    ]


def _group(verdict: Verdict, findings: Sequence[tuple[int, Finding]]) -> list[str]:
    heading = (
        f'<h2 style="border-color:{verdict_colour(verdict)}">{verdict.value} ({len(findings)}) '
        f'<span class="dim">— {rule_for(verdict).legend}</span></h2>'
    )
    body = [line for index, finding in findings for line in _finding(finding, index)]
    if verdict is Verdict.AGREE:  # shown for completeness, but out of the way
        return [
            f'<section id="{verdict.value}">',
            f"<details><summary>{heading}</summary>",
            *body,
            "</details>",
            "</section>",
        ]
    return [f'<section id="{verdict.value}">', heading, *body, "</section>"]


def _header(sources: Sequence[Source], summary: Mapping[str, object]) -> list[str]:
    raw = summary.get("verdicts", {})
    verdicts: Mapping[str, object] = raw if isinstance(raw, Mapping) else {}
    counts = [
        f'<li><a href="#{v.value}">{_badge(v)}</a> {_count(verdicts, v.value)}</li>'
        for v in _ORDER
        if v.value in verdicts
    ]
    listing = [
        f'<li><code>{_e(s.path)}</code> <span class="dim">{_e(s.title)}</span></li>'
        for s in sorted(sources, key=lambda s: s.path)
    ]
    return [
        "<header>",
        "<h1>claimcheck: where the figures disagree</h1>",
        f"<p>{_plural(_count(summary, 'sources'), 'source')} · "
        f"{_plural(_count(summary, 'claims'), 'claim')} · "
        f"{_plural(_count(summary, 'findings'), 'finding')}</p>",
        '<ul class="counts">',
        *counts,
        "</ul>",
        f"<details><summary>Sources read ({len(sources)})</summary>",
        "<ul>",
        *listing,
        "</ul>",
        "</details>",
        '<p class="legend">Each chart puts every source’s figure on one axis: the dot is the '
        "value, the solid bar what its written digits admit, the light bar what a hedge "
        "(“roughly”, “~”) adds, a hollow dot another reading (256K as 262,144), an arrow an "
        "open end (“over 15T”). Bars that overlap differ only by rounding; bars apart "
        "conflict.</p>",
        "</header>",
    ]


def render_compare_html(
    sources: Sequence[Source], findings: Sequence[Finding], summary: Mapping[str, object]
) -> str:
    """The discrepancy report as one HTML page that loads nothing: inline CSS and SVG, no script."""
    numbered = list(enumerate(findings, start=1))
    main: list[str] = []
    for verdict in _ORDER:
        group = [(i, f) for i, f in numbered if f.verdict is verdict]
        if group:
            main.extend(_group(verdict, group))
    if not findings:
        main.append("<p>No findings: no figure was reported by the sources given.</p>")
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>claimcheck report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        *_header(sources, summary),
        "<main>",
        *main,
        "</main>",
        "<footer>Made by claimcheck from the sources listed above.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
