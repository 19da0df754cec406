"""The shared scale behind every chart: one mark per distinct figure, a padded axis, tick values."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.models import Finding, Quantity
from claimcheck.report.common import human_value, sanitize

_PAD = 0.08  # share of the data span left blank at each end of the axis
_OPEN_PAD = 0.3  # extra room on a side where an interval runs off to infinity
_STEPS = (1.0, 2.0, 2.5, 5.0)


@dataclass(frozen=True)
class Mark:
    """One distinct figure of a finding, as drawn on one chart row."""

    label: str
    value: float
    low: float
    high: float
    strict_low: float
    strict_high: float
    alternatives: tuple[float, ...]
    sources: int

    @property
    def hedged(self) -> bool:
        """Whether the hedge widens the interval beyond what the written digits admit."""
        return self.low < self.strict_low or self.high > self.strict_high


def _mark(q: Quantity, sources: int) -> Mark:
    return Mark(
        label=sanitize(human_value(q)),
        value=q.value,
        low=min(q.low, q.strict_low),
        high=max(q.high, q.strict_high),
        strict_low=q.strict_low,
        strict_high=q.strict_high,
        alternatives=tuple(a for a in q.alternatives if math.isfinite(a) and a != q.value),
        sources=sources,
    )


def _merged(quantities: Sequence[Quantity], sources: int) -> Mark:
    """One mark for figures that differ only in written precision ("1.2 trillion" and
    "1,200 billion"): labelled as the least precise is written, spanning all of them."""
    coarsest = max(quantities, key=lambda q: (q.precision, q.high - q.low))
    mark = _mark(coarsest, sources)
    return Mark(
        label=mark.label,
        value=mark.value,
        low=min(min(q.low, q.strict_low) for q in quantities),
        high=max(max(q.high, q.strict_high) for q in quantities),
        strict_low=min(q.strict_low for q in quantities),
        strict_high=max(q.strict_high for q in quantities),
        alternatives=mark.alternatives,
        sources=sources,
    )


def marks(finding: Finding) -> list[Mark]:
    """One mark per distinct figure in the finding (as the summary counts them: value,
    bound and hedge), lowest value first."""
    quantities: dict[tuple[float, str, bool, tuple[float, ...]], list[Quantity]] = {}
    paths: dict[tuple[float, str, bool, tuple[float, ...]], set[str]] = {}
    for claim in finding.claims:
        q = claim.quantity
        key = (q.value, q.bound.value, q.approx, q.alternatives)
        if q not in quantities.setdefault(key, []):
            quantities[key].append(q)
        paths.setdefault(key, set()).add(claim.path)
    result = [_merged(qs, len(paths[key])) for key, qs in quantities.items()]
    return sorted(result, key=lambda m: (m.value, m.low, m.high, m.strict_low, m.label))


def _finite(values: Sequence[float]) -> list[float]:
    return [v for v in values if math.isfinite(v)]


@dataclass(frozen=True)
class Axis:
    """A linear axis from `lo` to `hi` in the finding's unit."""

    lo: float
    hi: float
    unit: str

    def fraction(self, x: float) -> float:
        """Where `x` falls along the axis: 0 at `lo`, 1 at `hi` (outside for values beyond)."""
        if math.isinf(x):
            return 2.0 if x > 0 else -1.0
        return (x - self.lo) / (self.hi - self.lo)

    def ticks(self, target: int = 4) -> list[float]:
        """Round tick values inside the axis, about `target` of them (steps of 1, 2, 2.5, 5)."""
        raw = (self.hi - self.lo) / max(1, target)
        exponent = math.floor(math.log10(raw))
        step = next(
            (s * 10.0**exponent for s in _STEPS if s * 10.0**exponent >= raw * (1 - 1e-9)),
            10.0 ** (exponent + 1),
        )
        decimals = max(0, 2 - exponent)
        first = math.ceil(self.lo / step - 1e-9)
        last = math.floor(self.hi / step + 1e-9)
        return [float(f"{i * step:.{decimals}f}") for i in range(first, last + 1)]

    def label(self, x: float) -> str:
        """A tick label: the figure as a report writes it, without a spelled-out unit word."""
        text = human_value(Quantity(x, self.unit, x, x, x, x, 0.0))
        return text.removesuffix(" " + self.unit) if self.unit else text


def axis(items: Sequence[Mark], unit: str) -> Axis:
    """An axis wide enough for every mark's finite ends, padded, with room for open ends."""
    points: list[float] = []
    for m in items:
        points.extend(_finite((m.value, m.low, m.high, m.strict_low, m.strict_high)))
        points.extend(m.alternatives)
    if not points:
        return Axis(0.0, 1.0, unit)
    lo, hi = min(points), max(points)
    span = hi - lo
    if span <= 0:
        span = abs(lo) * 0.1 or 1.0
        lo, hi = lo - span / 2, hi + span / 2
    pad_lo = span * (_OPEN_PAD if any(math.isinf(m.low) for m in items) else _PAD)
    pad_hi = span * (_OPEN_PAD if any(math.isinf(m.high) for m in items) else _PAD)
    new_lo = lo - pad_lo
    if lo >= 0 > new_lo:  # counts, shares and prices never go below zero
        new_lo = 0.0
    return Axis(new_lo, hi + pad_hi, unit)


def _cell(ax: Axis, cells: int, x: float) -> int:
    return min(cells - 1, max(0, math.floor(ax.fraction(x) * cells)))


def _span(ax: Axis, cells: int, low: float, high: float) -> range:
    """The cells a half-open interval [low, high) covers: touching intervals share none."""
    first = _cell(ax, cells, low)
    last = min(cells - 1, max(0, math.ceil(ax.fraction(high) * cells) - 1))
    return range(first, max(first, last) + 1)


def track(mark: Mark, ax: Axis, cells: int) -> list[tuple[str, str]]:
    """A text-cell picture of one mark: (character, role) per cell.

    Roles: "track" (─), "hedge" (╍), "strict" (━), "alt" (○), "value" (●), "open" (▶ or ◀).
    """
    chars = [("─", "track")] * cells
    for i in _span(ax, cells, mark.low, mark.high):
        chars[i] = ("╍", "hedge")
    for i in _span(ax, cells, mark.strict_low, mark.strict_high):
        chars[i] = ("━", "strict")
    for alt in mark.alternatives:
        chars[_cell(ax, cells, alt)] = ("○", "alt")
    chars[_cell(ax, cells, mark.value)] = ("●", "value")
    if math.isinf(mark.high):
        chars[-1] = ("▶", "open")
    if math.isinf(mark.low):
        chars[0] = ("◀", "open")
    return chars


def tick_line(ax: Axis, cells: int) -> str:
    """Tick labels centred under their cells (pushed inside at the ends); crowded ones left out."""
    line = [" "] * cells
    free = 0
    for tick in ax.ticks():
        label = ax.label(tick)
        start = _cell(ax, cells, tick) - len(label) // 2
        start = min(max(start, 0), cells - len(label))
        if start < free or start < 0 or not 0 <= ax.fraction(tick) <= 1:
            continue
        line[start : start + len(label)] = list(label)
        free = start + len(label) + 1
    return "".join(line).rstrip()


def _end(x: float, ax: Axis) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return ax.label(x)


def describe(items: Sequence[Mark], ax: Axis) -> str:
    """Plain words for a chart: each figure, how many sources give it, and its interval."""
    parts = []
    for m in items:
        who = f"{m.sources} source" + ("" if m.sources == 1 else "s")
        span = f"{_end(m.strict_low, ax)} to {_end(m.strict_high, ax)}"
        if m.hedged:
            span += f", hedged {_end(m.low, ax)} to {_end(m.high, ax)}"
        parts.append(f"{m.label} ({who}; {span})")
    return "; ".join(parts)
