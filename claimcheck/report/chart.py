"""Inline SVG charts for the HTML report: every figure of a finding on one shared axis."""

from __future__ import annotations

import math
from html import escape

from claimcheck.models import Finding, Verdict
from claimcheck.report.common import sanitize
from claimcheck.report.scale import Axis, Mark, axis, describe, marks

COLOURS = {
    Verdict.CONFLICT: "#c62828",
    Verdict.ROUNDING: "#b26a00",
    Verdict.APPROXIMATE: "#00838f",
    Verdict.SINGLE_SOURCE: "#1565c0",
    Verdict.AGREE: "#2e7d32",
}
_NEUTRAL = "#5f6b7a"
_WIDTH = 680
_ROW = 24
_TOP = 8
_BAR = 10
_AXIS_ROOM = 30
_CHAR = 7.2  # average advance of a 12px sans-serif character
_SOURCES_W = 78
_OPACITY = {"strict": "0.9", "hedge": "0.3"}


def verdict_colour(verdict: Verdict) -> str:
    """The colour of a verdict's badge, bars and rules (grey for a verdict without one)."""
    return COLOURS.get(verdict, _NEUTRAL)


def _e(text: str) -> str:
    """Untrusted text made safe for HTML and SVG: controls shown, markup escaped."""
    return escape(sanitize(text), quote=True)


def _n(x: float) -> str:
    """A coordinate with one decimal, so the same chart always has the same bytes."""
    return f"{x:.1f}"


class _Frame:
    """Pixel geometry of one chart: where the plot sits and how values map onto it."""

    def __init__(self, ax: Axis, labels: list[str]) -> None:
        widest = max((len(label) for label in labels), default=4)
        self.ax = ax
        self.left = min(240.0, max(64.0, widest * _CHAR + 16))
        self.right = _WIDTH - _SOURCES_W
        self.width = self.right - self.left

    def x(self, value: float) -> float:
        """The x coordinate of a value, held inside the plot."""
        return self.left + min(1.0, max(0.0, self.ax.fraction(value))) * self.width


def _bar(frame: _Frame, low: float, high: float, y: float, colour: str, kind: str) -> str:
    x0, x1 = frame.x(low), frame.x(high)
    if x1 - x0 < 2:  # a very precise figure still shows as a sliver, centred on its value
        middle = (x0 + x1) / 2
        x0, x1 = middle - 1, middle + 1
    return (
        f'<rect class="{kind}" x="{_n(x0)}" y="{_n(y - _BAR / 2)}" width="{_n(x1 - x0)}" '
        f'height="{_BAR}" fill="{colour}" fill-opacity="{_OPACITY[kind]}"/>'
    )


def _arrow(frame: _Frame, right: bool, y: float, colour: str) -> str:
    tip = frame.right + 6 if right else frame.left - 6
    back = tip - 9 if right else tip + 9
    h = _BAR / 2 + 2
    points = f"{_n(tip)},{_n(y)} {_n(back)},{_n(y - h)} {_n(back)},{_n(y + h)}"
    return f'<polygon class="open" points="{points}" fill="{colour}"/>'


def _row(frame: _Frame, mark: Mark, y: float, colour: str) -> list[str]:
    parts = [
        f'<text x="{_n(frame.left - 10)}" y="{_n(y + 4)}" text-anchor="end" '
        f'class="figure">{_e(mark.label)}</text>',
        f'<line x1="{_n(frame.left)}" y1="{_n(y)}" x2="{_n(frame.right)}" y2="{_n(y)}" '
        'stroke="#d0d4da" stroke-width="1"/>',
    ]
    if mark.hedged:
        parts.append(_bar(frame, mark.low, mark.high, y, colour, "hedge"))
    parts.append(_bar(frame, mark.strict_low, mark.strict_high, y, colour, "strict"))
    if math.isinf(mark.high):
        parts.append(_arrow(frame, True, y, colour))
    if math.isinf(mark.low):
        parts.append(_arrow(frame, False, y, colour))
    for alt in mark.alternatives:
        parts.append(
            f'<circle cx="{_n(frame.x(alt))}" cy="{_n(y)}" r="4" fill="#fff" '
            'stroke="#1d2330" stroke-width="1.5"/>'
        )
    parts.append(
        f'<circle cx="{_n(frame.x(mark.value))}" cy="{_n(y)}" r="4.5" fill="#1d2330" '
        'stroke="#fff" stroke-width="1.5"/>'
    )
    who = f"{mark.sources} source" + ("" if mark.sources == 1 else "s")
    parts.append(f'<text x="{_n(frame.right + 14)}" y="{_n(y + 4)}" class="who">{who}</text>')
    return parts


def _common_ground(frame: _Frame, items: list[Mark], bottom: float, colour: str) -> list[str]:
    """A faint band where every figure's written interval overlaps: rounding made visible."""
    low = max(m.strict_low for m in items)
    high = min(m.strict_high for m in items)
    if len(items) < 2 or not low < high:
        return []
    x0, x1 = frame.x(low), frame.x(high)
    return [
        f'<rect class="common" x="{_n(x0)}" y="{_TOP}" width="{_n(max(1.0, x1 - x0))}" '
        f'height="{_n(bottom - _TOP)}" fill="{colour}" fill-opacity="0.1"/>'
    ]


def _ticks(frame: _Frame, bottom: float) -> list[str]:
    parts = [
        f'<line x1="{_n(frame.left)}" y1="{_n(bottom)}" x2="{_n(frame.right)}" '
        f'y2="{_n(bottom)}" stroke="#5f6b7a" stroke-width="1"/>'
    ]
    for tick in frame.ax.ticks(5):
        x = frame.x(tick)
        parts.append(
            f'<line x1="{_n(x)}" y1="{_TOP}" x2="{_n(x)}" y2="{_n(bottom + 4)}" '
            'stroke="#5f6b7a" stroke-opacity="0.25" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_n(x)}" y="{_n(bottom + 17)}" text-anchor="middle" '
            f'class="tick">{_e(frame.ax.label(tick))}</text>'
        )
    return parts


def chart_title(finding: Finding) -> str:
    """Plain words for what a finding's chart shows: each figure, its sources and interval."""
    items = marks(finding)
    what = f"{finding.metric} ({finding.qualifier})" if finding.qualifier else finding.metric
    who = f" for {finding.subject}" if finding.subject else ""
    return f"{what}{who}, {finding.verdict.value}: {describe(items, axis(items, finding.unit))}"


def render_chart(finding: Finding, chart_id: str) -> str:
    """One SVG: a row per distinct figure (label, interval bars, value dot), a shared tick axis."""
    items = marks(finding)
    ax = axis(items, finding.unit)
    frame = _Frame(ax, [m.label for m in items])
    colour = verdict_colour(finding.verdict)
    bottom = _TOP + len(items) * _ROW + 4
    height = bottom + _AXIS_ROOM
    body = _common_ground(frame, items, bottom, colour) + _ticks(frame, bottom)
    for i, mark in enumerate(items):
        body.extend(_row(frame, mark, _TOP + i * _ROW + _ROW / 2, colour))
    title_id = f"{chart_id}-title"
    return "\n".join(
        [
            f'<svg class="chart" role="img" aria-labelledby="{title_id}" width="{_WIDTH}" '
            f'height="{_n(height)}" viewBox="0 0 {_WIDTH} {_n(height)}">',
            f'<title id="{title_id}">{_e(chart_title(finding))}</title>',
            *body,
            "</svg>",
        ]
    )
