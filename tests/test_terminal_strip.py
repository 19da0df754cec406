"""Tests for the terminal interval strip and the SVG capture of the terminal report."""

from __future__ import annotations

import math

import builders
import pytest
from builders import claim_at

from claimcheck.models import Bound, Claim, Finding, Quantity, Verdict
from claimcheck.report.common import summarize
from claimcheck.report.terminal import render_compare, render_compare_svg

INF = math.inf
T = 1e12
B = 1e9
K = 1e3


def written(
    digits: str,
    unit: str,
    scale: float = 1.0,
    *,
    approx: bool = False,
    alternatives: tuple[float, ...] = (),
) -> Quantity:
    """A figure as the extractor builds it: precision half its last digit, hedged by the rule."""
    return builders.written(digits, unit, scale, approx=approx, alternatives=alternatives)


def claim(path: str, q: Quantity, metric: str = "SWE-Bench Pro") -> Claim:
    """A Claim at `path`:1 whose quote is the figure."""
    quote = f"{q.value:g}"
    return claim_at(path, 1, f"The model reports {quote} here.", quote, q, metric=metric)


def finding(verdict: Verdict, *claims: Claim) -> Finding:
    """A Finding over `claims`."""
    first = claims[0]
    return Finding(
        "mai-thinking-1/x",
        first.subject,
        first.metric,
        "",
        first.quantity.unit,
        verdict,
        claims,
        f"{verdict.value} summary",
    )


def render(findings: tuple[Finding, ...], width: int = 100, show_all: bool = False) -> str:
    """The plain (colourless) compare report, as the golden tests render it."""
    summary = summarize(findings, 3, sum(len(f.claims) for f in findings))
    return render_compare(findings, summary, show_all=show_all, width=width, color=False)


def strip_rows(out: str) -> list[str]:
    """The strip's track lines: those with a value dot."""
    return [line for line in out.splitlines() if "●" in line]


def bar(line: str) -> range:
    """The columns a row's interval covers (strict, hedge, value or open end)."""
    cols = [i for i, ch in enumerate(line) if ch in "━╍●▶◀"]
    return range(min(cols), max(cols) + 1)


CONFLICT = finding(
    Verdict.CONFLICT, claim("a.md", written("52.8", "%")), claim("c.md", written("58.1", "%"))
)
ROUNDING = finding(
    Verdict.ROUNDING,
    claim("a.md", written("52.8", "%")),
    claim("b.md", written("53", "%")),
    claim("c.md", written("53", "%")),
)
APPROX = finding(
    Verdict.APPROXIMATE,
    claim("a.md", written("37", "parameters", B, approx=True), "total parameters"),
    claim("b.md", written("36", "parameters", B), "total parameters"),
)
OPEN = finding(
    Verdict.APPROXIMATE,
    claim("a.md", Quantity(15 * T, "tokens", 15 * T, INF, 15 * T, INF, 0.5 * T, False, Bound.GT)),
    claim("b.md", written("15.6", "tokens", T)),
)
BINARY = finding(
    Verdict.APPROXIMATE,
    claim("a.md", written("256", "tokens", K, alternatives=(262144.0,)), "context window"),
    claim("b.md", written("270", "tokens", K), "context window"),
)


def test_conflict_bars_are_separated() -> None:
    rows = strip_rows(render((CONFLICT,)))
    assert len(rows) == 2
    assert rows[0].lstrip().startswith("52.8%") and rows[1].lstrip().startswith("58.1%")
    low, high = bar(rows[0]), bar(rows[1])
    assert low.stop + 10 < high.start  # a wide gap of bare track between the two figures
    assert all(line.endswith("1 source") for line in rows)


def test_rounding_bars_overlap() -> None:
    out = render((ROUNDING,))
    rows = strip_rows(out)
    assert [r.split()[0] for r in rows] == ["52.8%", "53%"]  # one line per distinct figure
    precise, rounded = bar(rows[0]), bar(rows[1])
    assert rounded.start <= precise.start and precise.stop <= rounded.stop
    assert len(rounded) > 3 * len(precise)
    assert rows[1].endswith("2 sources")
    ticks = out.splitlines()[out.splitlines().index(rows[1]) + 1]
    assert "53%" in ticks and "●" not in ticks


def test_hedge_open_end_and_second_reading_are_drawn() -> None:
    exact, hedged = strip_rows(render((APPROX,)))  # in order of value: 36B, then ~37B
    assert hedged.lstrip().startswith("~37B")
    assert "╍" in hedged and "━" in hedged
    assert "╍" not in exact
    open_rows = strip_rows(render((OPEN,)))
    assert any(r.rstrip().endswith("▶  1 source") for r in open_rows)
    binary_rows = strip_rows(render((BINARY,)))
    assert "○" in binary_rows[0]


def test_strip_is_left_out_for_single_source_and_agree() -> None:
    single = finding(Verdict.SINGLE_SOURCE, claim("a.md", written("53", "%")))
    agree = finding(
        Verdict.AGREE, claim("a.md", written("53", "%")), claim("b.md", written("53", "%"))
    )
    assert strip_rows(render((single, agree), show_all=True)) == []


@pytest.mark.parametrize("width", [100, 80, 60, 40, 30])
def test_no_line_longer_than_width(width: int) -> None:
    out = render((CONFLICT, ROUNDING, APPROX, OPEN, BINARY), width=width, show_all=True)
    assert max(len(line) for line in out.splitlines()) <= width, out
    if width >= 60:
        assert len(strip_rows(out)) == 10
    if width <= 30:  # the source counts go first, then a strip with no room left goes too
        rows = strip_rows(out)
        assert rows and not any("source" in r for r in rows)
        assert not any("parameters" in r for r in rows)


def test_strip_is_plain_and_deterministic() -> None:
    out = render((CONFLICT, ROUNDING, OPEN))
    assert out == render((CONFLICT, ROUNDING, OPEN))
    assert "\x1b" not in out
    summary = summarize((CONFLICT,), 2, 2)
    coloured = render_compare((CONFLICT,), summary, show_all=False, width=100, color=True)
    assert "\x1b[" in coloured and "━" in coloured


def test_svg_capture_is_standalone_and_deterministic() -> None:
    findings = (CONFLICT, ROUNDING)
    summary = summarize(findings, 3, 5)
    svg = render_compare_svg(findings, summary, show_all=False, width=100)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "@font-face" not in svg and "cdnjs" not in svg
    assert "conflict" in svg and "52.8%" in svg
    assert svg == render_compare_svg(findings, summary, show_all=False, width=100)


def test_one_row_per_figure_however_precisely_each_source_wrote_it() -> None:
    # "1.2 trillion", "1,200 billion" and "1,200,000,000,000": one figure, three precisions
    same = [
        written("1.2", "tokens", T),
        written("1200", "tokens", 1e9),
        written("1.2e12", "tokens"),
    ]
    rounded = written("1", "tokens", T)
    f = finding(
        Verdict.ROUNDING,
        *(
            claim(p, q, "training tokens")
            for p, q in zip(("a.md", "b.md", "c.md"), same, strict=True)
        ),
        claim("d.md", rounded, "training tokens"),
    )
    rows = strip_rows(render((f,)))
    assert [r.split()[0] for r in rows] == ["1T", "1.2T"]
    assert rows[1].endswith("3 sources") and rows[0].endswith("1 source")
    # the merged row spans what the least precise of them admits
    assert len(bar(rows[1])) > 3
