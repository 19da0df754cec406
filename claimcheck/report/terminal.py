"""Rich terminal tables for editors: verdicts at a glance, every figure with file:line and quote."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Mapping, Sequence
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from claimcheck.models import Claim, Finding, Verdict
from claimcheck.report.common import excerpt_parts, human_value, sanitize
from claimcheck.report.describe import VERDICT_ORDER, rule_for
from claimcheck.report.scale import axis, marks, tick_line, track

_STYLE = {
    Verdict.CONFLICT: "bold red",
    Verdict.ROUNDING: "bold yellow",
    Verdict.APPROXIMATE: "bold cyan",
    Verdict.SINGLE_SOURCE: "bold blue",
    Verdict.AGREE: "bold green",
    Verdict.UNLISTED: "bold magenta",
}
_ORDER = VERDICT_ORDER
_QUOTE_STYLE = "bold underline"
_CONTEXT = 70
_SHORT_CONTEXT = 64
_STRIP_VERDICTS = frozenset({Verdict.CONFLICT, Verdict.ROUNDING, Verdict.APPROXIMATE})
_INDENT = 4
_TRACK_MAX = 36
_TRACK_MIN = 12
# The SVG capture must not fetch fonts from a CDN: drop rich's @font-face rules.
_FONT_FACE = re.compile(r"@font-face \{.*?\}\s*", re.DOTALL)


def _console(width: int | None, color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 100,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
        _environ={},  # same arguments, same bytes: NO_COLOR etc. are the caller's business
    )
    return console, buffer


def _output(buffer: io.StringIO) -> str:
    # Cell padding leaves trailing spaces; they are unstyled, so dropping them is safe.
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().split("\n")[:-1])


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _location(claim: Claim) -> str:
    return sanitize(f"{claim.path}:{claim.line}")


def _label(subject: str, metric: str, qualifier: str) -> str:
    text = f"{subject} · {metric}" if subject else metric
    return sanitize(f"{text} ({qualifier})" if qualifier else text)


def excerpt(claim: Claim, width: int = _CONTEXT) -> Text:
    """About `width` characters of the claim's sentence around its quote, the quote emphasised."""
    parts = excerpt_parts(claim, width)
    if parts is None:
        quote = claim.quote
        return Text(sanitize(quote or claim.sentence[:width]), style=_QUOTE_STYLE if quote else "")
    before, quote, after = parts
    text = Text()
    text.append(sanitize(before).lstrip())
    text.append(sanitize(quote), _QUOTE_STYLE)
    text.append(sanitize(after).rstrip())
    return text


def _claim_rows(claims: Sequence[Claim]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for claim in claims:
        grid.add_row(sanitize(human_value(claim.quantity)), _location(claim), excerpt(claim))
    return grid


def strip(finding: Finding, width: int) -> list[Text]:
    """Each distinct figure's interval on one shared scale, one line each, then tick labels.

    "─" is the track, "━" what the written digits admit, "╍" what a hedge adds, "●" the
    value, "○" another reading (256K as 262,144) and "▶"/"◀" an end that runs to infinity.
    """
    items = marks(finding)
    ax = axis(items, finding.unit)
    label_width = max(cell_len(m.label) for m in items)
    suffixes = [f"  {_plural(m.sources, 'source')}" for m in items]
    room = width - _INDENT - label_width - 2
    cells = min(_TRACK_MAX, room - max(len(s) for s in suffixes))
    if cells < _TRACK_MIN:
        suffixes = [""] * len(items)
        cells = min(_TRACK_MAX, room)
    if cells < _TRACK_MIN:
        return []
    colour = _STYLE[finding.verdict]
    styles = {"track": "dim", "hedge": colour.replace("bold ", ""), "alt": "bold", "value": "bold"}
    lines = []
    for mark, suffix in zip(items, suffixes, strict=True):
        line = Text(" " * (_INDENT + label_width - cell_len(mark.label)) + mark.label + "  ")
        for char, role in track(mark, ax, cells):
            line.append(char, styles.get(role, colour))
        line.append(suffix, "dim")
        lines.append(line)
    ticks = tick_line(ax, cells)
    if ticks:
        lines.append(Text(" " * (_INDENT + label_width + 2) + ticks, "dim"))
    for line in lines:
        line.no_wrap, line.overflow = True, "crop"
    return lines


def _finding_block(finding: Finding, width: int) -> list[RenderableType]:
    title = Text()
    title.append(_label(finding.subject, finding.metric, finding.qualifier), "bold")
    title.append("  ")
    title.append(finding.verdict.value, _STYLE[finding.verdict])
    title.append("  " + _plural(finding.source_count, "source"), "dim")
    picture = strip(finding, width) if finding.verdict in _STRIP_VERDICTS else []
    return [
        Padding(title, (1, 0, 0, 2)),
        Padding(Text(sanitize(finding.summary)), (0, 0, 0, 2)),
        *picture,
        Padding(_claim_rows(finding.claims), (0, 0, 0, 4)),
    ]


def _single_source_table(findings: Sequence[Finding]) -> Table:
    """One entry per uncorroborated figure: value, what it is, where, then its quote."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold", ratio=1)
    grid.add_column(no_wrap=True, style="dim")
    for finding in findings:
        first = finding.claims[0] if finding.claims else None
        if first is None:
            continue
        more = len(finding.claims) - 1
        label = Text(sanitize(finding.subject) + " · ", "bold")
        label.append(_label("", finding.metric, finding.qualifier), "bold")
        grid.add_row(
            sanitize(human_value(first.quantity)),
            label,
            _location(first) + (f" +{more}" if more > 0 else ""),
        )
        grid.add_row("", excerpt(first, _SHORT_CONTEXT), "")
    return grid


def _heading(verdict: Verdict, count: int) -> Rule:
    title = Text()
    title.append(f"{verdict.value} ({count})", _STYLE[verdict])
    title.append(f" — {rule_for(verdict).legend}")
    return Rule(title, align="left", style=_STYLE[verdict].replace("bold ", ""))


def _count_verdict(summary: Mapping[str, object], verdict: Verdict) -> int:
    raw = summary.get("verdicts", {})
    return _count(raw, verdict.value) if isinstance(raw, Mapping) else 0


def _count(mapping: Mapping[str, object], key: str) -> int:
    value = mapping.get(key, 0)
    return value if isinstance(value, int) else 0


def _summary_line(summary: Mapping[str, object], show_all: bool) -> Text:
    raw = summary.get("verdicts", {})
    verdicts: Mapping[str, object] = raw if isinstance(raw, Mapping) else {}
    line = Text(
        f"{_plural(_count(summary, 'sources'), 'source')} · "
        f"{_plural(_count(summary, 'claims'), 'claim')} · "
        f"{_plural(_count(summary, 'findings'), 'finding')}: "
    )
    for i, verdict in enumerate(v for v in _ORDER if v.value in verdicts):
        n = _count(verdicts, verdict.value)
        line.append(", " if i else "")
        line.append(f"{n} {verdict.value}", _STYLE[verdict] if n else "")
    if not show_all and _count(verdicts, Verdict.AGREE.value):
        line.append(" (hidden; --all shows them)", "dim")
    return line


def _print_compare(
    console: Console, findings: Sequence[Finding], summary: Mapping[str, object], show_all: bool
) -> None:
    shown = [v for v in _ORDER if show_all or v is not Verdict.AGREE]
    groups = {v: [f for f in findings if f.verdict is v] for v in shown}
    total = _count(summary, "findings")
    if not findings and not total:
        console.print(Text("No findings: no figure was reported by the sources given."))
    elif not any(groups.values()):
        hidden = total - sum(len(g) for g in groups.values())
        if hidden and total == _count_verdict(summary, Verdict.AGREE):
            console.print(Text("No discrepancies: every figure agrees across sources."))
        else:
            console.print(
                Text(f"Nothing to show: {_plural(hidden, 'finding')} below --min-severity.")
            )
    for verdict, group in groups.items():
        if not group:
            continue
        console.print(_heading(verdict, len(group)))
        if verdict in (Verdict.SINGLE_SOURCE, Verdict.UNLISTED):
            console.print(Padding(_single_source_table(group), (1, 0, 0, 2)))
        else:
            for finding in group:
                for renderable in _finding_block(finding, console.width):
                    console.print(renderable)
        console.print()
    console.print(_summary_line(summary, show_all))


def render_compare(
    findings: Sequence[Finding],
    summary: Mapping[str, object],
    *,
    show_all: bool,
    width: int | None,
    color: bool,
) -> str:
    """The discrepancy report: findings grouped by verdict, most severe first, then a count line."""
    console, buffer = _console(width, color)
    _print_compare(console, findings, summary, show_all)
    return _output(buffer)


def render_compare_svg(
    findings: Sequence[Finding],
    summary: Mapping[str, object],
    *,
    show_all: bool,
    width: int,
    title: str = "claimcheck compare",
) -> str:
    """The coloured discrepancy report captured as a standalone SVG (no web fonts), for docs."""
    console, _ = _console(width, color=True)
    console.record = True
    _print_compare(console, findings, summary, show_all)
    return _FONT_FACE.sub("", console.export_svg(title=title))


def render_extract(claims: Sequence[Claim], *, width: int | None, color: bool) -> str:
    """Every claim found, one row each (file:line, subject, metric, value, quote), then a count."""
    console, buffer = _console(width, color)
    ordered = sorted(claims, key=lambda c: c.sort_key)
    if ordered:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("file:line", no_wrap=True, style="dim")
        table.add_column("subject", max_width=22, overflow="fold")
        table.add_column("metric", max_width=26, overflow="fold")
        table.add_column("value", justify="right", no_wrap=True)
        table.add_column("quote", overflow="fold")
        for claim in ordered:
            table.add_row(
                _location(claim),
                sanitize(claim.subject),
                _label("", claim.metric, claim.qualifier),
                sanitize(human_value(claim.quantity)),
                excerpt(claim, _SHORT_CONTEXT),
            )
        console.print(table)
        console.print()
    sources = len({c.path for c in ordered})
    if ordered:
        console.print(Text(f"{_plural(len(ordered), 'claim')} in {_plural(sources, 'source')}"))
    else:
        console.print(Text("No claims found."))
    return _output(buffer)


class ProgressBar:
    """A progress bar on stderr for long runs; shown only after about a second."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self._progress = Progress(
            TextColumn("claimcheck: reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream, highlight=False, markup=False, emoji=False),
            transient=True,
        )
        self._task = self._progress.add_task("reading", total=total, visible=False)
        self._started = time.monotonic()
        self._shown = False

    def advance(self, count: int) -> None:
        """Count finished sources; start drawing once the run has lasted a second."""
        self._progress.advance(self._task, count)
        if not self._shown and time.monotonic() - self._started > 1.0:
            self._progress.update(self._task, visible=True)
            self._progress.start()
            self._shown = True

    def close(self) -> None:
        """Remove the bar (it is transient: nothing is left on the terminal)."""
        if self._shown:
            self._progress.stop()
