"""Explain one finding: every mention, how it was read, which names were merged, and why."""

from __future__ import annotations

import math
from collections.abc import Sequence

from rapidfuzz import fuzz

from claimcheck.entities import name_key
from claimcheck.lexicon import HedgeTolerance, Lexicon
from claimcheck.models import Bound, Claim, Finding, Quantity, Verdict
from claimcheck.patterns import squash
from claimcheck.reconcile import judged_pairs, slug
from claimcheck.report.common import sanitize

_WHY = {
    Verdict.AGREE: "they are the same number",
    Verdict.ROUNDING: "their precision intervals meet: they differ only by rounding",
    Verdict.APPROXIMATE: "they meet only once a hedge, bound or tolerance widens them",
    Verdict.CONFLICT: "their intervals do not meet, even with hedges: a real contradiction",
}


def find_finding(findings: Sequence[Finding], key: str) -> Finding | None:
    """The finding with this id, or the first whose SUBJECT/METRIC matches the key."""
    for f in findings:
        if f.id == key:
            return f
    wanted = slug(key.replace("/", " / "))
    for f in findings:
        if slug(f"{f.subject} / {f.metric}") == wanted or f.id.startswith(key.lower() + "@"):
            return f
    return None


def _number(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:.6g}"


def _interval(q: Quantity) -> str:
    opening = "(" if q.bound == Bound.GT or math.isinf(q.low) else "["
    closing = "]" if q.bound in (Bound.LE, Bound.GE) and not math.isinf(q.high) else ")"
    return f"{opening}{_number(q.low)}, {_number(q.high)}{closing}"


def _reading(q: Quantity) -> str:
    how = {
        Bound.EQ: "exact as written",
        Bound.APPROX: "hedged",
        Bound.GT: "lower bound (over)",
        Bound.GE: "lower bound (at least)",
        Bound.LT: "upper bound (under)",
        Bound.LE: "upper bound (up to)",
        Bound.RANGE: "range",
    }[q.bound]
    also = f"; also read as {_number(q.alternatives[0])}" if q.alternatives else ""
    return f"{_number(q.value)} {q.unit}, interval {_interval(q)}, {how}{also}".replace("  ", " ")


def _hedge_rule(hedge: HedgeTolerance, unit: str) -> str:
    """How a hedge widens a figure in this unit, in words."""
    if unit in hedge.absolute:
        size = hedge.absolute[unit]
        points = "point" if size == 1 else "points"
        margin = f"{_number(size)} {points if unit == '%' else unit}"
    else:
        margin = f"{hedge.relative:.0%} of its value"
    below = ", ".join(f'"{w}"' for w in sorted(hedge.below))
    return f"a hedge widens a figure to the larger of its precision and {margin}" + (
        f"; {below} only downwards, by twice that" if below else ""
    )


def explain(finding: Finding, originals: Sequence[Claim], lex: Lexicon) -> str:
    """A plain-text account of one finding, for `claimcheck explain`."""
    written = {(c.path, c.start): c.subject for c in originals}
    tolerance = lex.tolerances.get(finding.metric, 0.0)
    scope = f" ({finding.qualifier})" if finding.qualifier else ""
    lines = [
        sanitize(f"{finding.id} — {finding.subject} · {finding.metric}{scope}"),
        f"verdict: {finding.verdict.value} ({finding.severity.value})",
        f"summary: {sanitize(squash(finding.summary))}",
        f"tolerance: {_hedge_rule(lex.hedge_tolerance, finding.unit)}"
        + (f"; {finding.metric} also by {tolerance:.0%} (claims/)" if tolerance else ""),
        "",
        f"mentions ({len(finding.claims)} from {finding.source_count} sources):",
    ]
    for c in finding.claims:
        lines.append(f'  {c.path}:{c.line}:{c.column}  "{squash(c.quote)}"')
        lines.append(f"      read as: {_reading(c.quantity)}")
        lines.append(f"      sentence: {sanitize(squash(c.sentence))}")
    merged = sorted(
        {
            written[(c.path, c.start)]
            for c in finding.claims
            if written.get((c.path, c.start), finding.subject) != finding.subject
        }
    )
    lines.append("")
    if merged:
        lines.append("names merged into this subject:")
        for name in merged:
            score = fuzz.ratio(name_key(name), name_key(finding.subject))
            alias = " (claims/ alias)" if name in lex.subject_aliases else ""
            lines.append(f'  "{name}" -> {finding.subject}: similarity {score:.1f}{alias}')
    else:
        lines.append("names merged into this subject: none (every mention spells it the same)")
    lines.append("")
    lines.append("why:")
    pairs = judged_pairs(finding.claims, tolerance)
    if not pairs:
        sources = finding.source_count
        lines.append(
            "  one figure, "
            + ("one source: uncorroborated" if sources < 2 else f"{sources} sources")
        )
    for pair in pairs:
        a, b = pair.a, pair.b
        judged = (
            f"{pair.verdict.value}, {_WHY[pair.verdict]}"
            if pair.verdict is not None
            else f"not set against each other: {pair.reason}"
        )
        lines.append(
            f"  {sanitize(a.surface)} {_interval(a)} vs {sanitize(b.surface)} {_interval(b)}: "
            + judged
        )
    return "\n".join(lines) + "\n"
