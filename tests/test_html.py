"""Tests for the HTML report: self-contained, escaped, deterministic, one chart per finding.

Refresh the golden page with `pytest tests/test_html.py --update-golden` and review the diff.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import builders
import pytest
from builders import claim_at, finding_of

from claimcheck.models import Bound, Claim, Finding, Quantity, Source, Verdict
from claimcheck.report.common import summarize
from claimcheck.report.html import render_compare_html

GOLDEN = Path(__file__).resolve().parent / "golden" / "compare_small.html"
INF = math.inf
T = 1e12
B = 1e9
HOSTILE = '<script>alert(1)</script> [bold red]x[/] \x1b[31mred\x1b[0m " onload="x'


def written(digits: str, unit: str, scale: float = 1.0, *, approx: bool = False) -> Quantity:
    """A figure as the extractor builds it: precision half its last digit, hedged by the rule."""
    return builders.written(digits, unit, scale, approx=approx)


def over(digits: str, unit: str, scale: float) -> Quantity:
    """An open-ended figure: "over 15T" is (15T, infinity)."""
    value = float(digits) * scale
    return Quantity(value, unit, value, INF, value, INF, 0.5 * scale, False, Bound.GT)


def claim(
    path: str,
    line: int,
    sentence: str,
    quote: str,
    q: Quantity,
    metric: str = "SWE-Bench Pro",
    subject: str = "MAI-Thinking-1",
) -> Claim:
    """A Claim whose quote sits in its sentence."""
    return claim_at(path, line, sentence, quote, q, subject=subject, metric=metric)


def finding(verdict: Verdict, *claims: Claim, summary: str = "") -> Finding:
    """A Finding named after its first claim."""
    return finding_of(verdict, claims, summary or f"{verdict.value}: {claims[0].metric}")


PCT_52_8 = claim("a.md", 14, "It scores 52.8% on SWE-Bench Pro.", "52.8%", written("52.8", "%"))
PCT_53 = claim("b.md", 3, "It hit 53% on SWE-Bench Pro, a slide said.", "53%", written("53", "%"))
PCT_58_1 = claim("c.md", 9, "SWE-Bench Pro: 58.1% for the model.", "58.1%", written("58.1", "%"))
ROUGHLY = claim(
    "a.md",
    20,
    "It has roughly 37 billion parameters.",
    "roughly 37 billion",
    written("37", "parameters", B, approx=True),
    metric="total parameters",
)
POINT_TWO = claim(
    "c.md", 4, "A 36B model.", "36B", written("36", "parameters", B), "total parameters"
)
OVER = claim(
    "b.md", 7, "Trained on over 15T tokens.", "over 15T", over("15", "tokens", T), "training tokens"
)
AIME_A = claim("a.md", 3, "97% on AIME 2025.", "97%", written("97", "%"), metric="AIME")
AIME_B = claim("b.md", 8, "AIME: 97%.", "97%", written("97", "%"), metric="AIME")

FINDINGS = (
    finding(Verdict.CONFLICT, PCT_52_8, PCT_58_1, summary="Sources disagree: 52.8% vs 58.1%"),
    finding(Verdict.ROUNDING, PCT_52_8, PCT_53, summary="Figures differ only by rounding"),
    finding(Verdict.APPROXIMATE, ROUGHLY, POINT_TWO, summary="Agree only through a hedge"),
    finding(Verdict.SINGLE_SOURCE, OVER, summary="Only one source reports this: over 15T"),
    finding(Verdict.AGREE, AIME_A, AIME_B, summary="2 sources agree: 97%"),
)
SOURCES = tuple(
    Source.from_text(path, f"Title of {path}\nbody\n") for path in ("a.md", "b.md", "c.md")
)
SUMMARY = summarize(FINDINGS, len(SOURCES), 9)


class _Tags(HTMLParser):
    """Every start tag and attribute of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Parse a page into (tag, attributes) pairs."""
    parser = _Tags()
    parser.feed(page)
    return parser.tags


SAFE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2",
    "h3", "p", "ul", "li", "a", "span", "code", "details", "summary", "section", "article",
    "table", "thead", "tbody", "tr", "th", "td", "mark", "svg", "rect", "line", "circle",
    "polygon", "text",
}  # fmt: skip


def test_page_is_self_contained() -> None:
    page = render_compare_html(SOURCES, FINDINGS, SUMMARY)
    assert page.startswith("<!DOCTYPE html>\n")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    lowered = page.lower()
    for needle in ("<script", "<link", "<img", "<iframe", "@import", "url(", "@font-face"):
        assert needle not in lowered
    assert "Content-Security-Policy" in page
    for tag, attrs in tags(page):
        assert tag in SAFE_TAGS
        assert all(name not in ("src", "srcset") and not name.startswith("on") for name, _ in attrs)
        href = dict(attrs).get("href")
        assert href is None or href.startswith("#")


def test_one_chart_per_finding_with_a_title() -> None:
    page = render_compare_html(SOURCES, FINDINGS, SUMMARY)
    assert page.count("<svg") == len(FINDINGS) == page.count("</svg>")
    assert page.count('role="img"') == len(FINDINGS)
    titles = re.findall(r'<title id="chart-\d+-title">([^<]*)</title>', page)
    assert len(titles) == len(FINDINGS)
    assert titles[0].startswith("SWE-Bench Pro for MAI-Thinking-1, conflict: 52.8% (1 source")
    assert "58.1% (1 source; 58.05% to 58.15%)" in titles[0]
    assert "hedged" in titles[2]
    assert "15T to ∞" in titles[3]


def _strict_bars(page: str, index: int) -> list[tuple[float, float]]:
    """(x, x + width) of each strict bar in the chart of finding `index`."""
    chart = page.split(f'aria-labelledby="chart-{index}-title"')[1].split("</svg>")[0]
    found = re.findall(r'<rect class="strict" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart)
    return [(float(x), float(x) + float(w)) for x, w in found]


def test_rounding_bars_overlap_and_conflict_bars_do_not() -> None:
    page = render_compare_html(SOURCES, FINDINGS, SUMMARY)
    (a0, a1), (b0, b1) = _strict_bars(page, 1)  # conflict: 52.8% vs 58.1%
    assert a0 < a1 < b0 - 100 < b1  # far apart on the shared axis
    (c0, c1), (d0, d1) = _strict_bars(page, 2)  # rounding: 52.8% inside 53%'s interval
    assert d0 <= c0 and c1 <= d1
    chart = page.split('aria-labelledby="chart-2-title"')[1].split("</svg>")[0]
    assert 'class="common"' in chart  # the band where both readings meet
    assert 'class="hedge"' in page.split('aria-labelledby="chart-3-title"')[1]
    open_chart = page.split('aria-labelledby="chart-4-title"')[1].split("</svg>")[0]
    assert 'class="open"' in open_chart  # "over 15T" runs off to the right edge


def test_verdicts_most_severe_first_and_agree_collapsed() -> None:
    page = render_compare_html(SOURCES, FINDINGS, SUMMARY)
    in_compare = [v for v in Verdict if v is not Verdict.UNLISTED]  # `check` only
    positions = [page.index(f'<section id="{v.value}">') for v in in_compare]  # severe first
    assert positions == sorted(positions)
    agree = page.split('<section id="agree">')[1]
    assert agree.startswith("\n<details><summary>")
    assert "b.md:8" in agree
    assert "<mark>52.8%</mark> on SWE-Bench Pro." in page
    assert "5 findings" in page


@pytest.mark.parametrize("where", ["quote", "sentence", "path", "subject", "metric", "summary"])
def test_article_text_is_escaped(where: str) -> None:
    sentence = f"Scores {HOSTILE} reach 61% today."
    fields = {
        "path": "a.md",
        "sentence": "Scores reach 61% today.",
        "quote": "61%",
        "subject": "MAI-Thinking-1",
        "metric": "SWE-Bench Pro",
    }
    if where == "quote":
        fields["sentence"], fields["quote"] = sentence, f"{HOSTILE} reach 61%"
    elif where in fields:
        fields[where] = sentence if where == "sentence" else HOSTILE
    evil = claim(
        str(fields["path"]),
        2,
        str(fields["sentence"]),
        str(fields["quote"]),
        written("61", "%"),
        metric=str(fields["metric"]),
        subject=str(fields["subject"]),
    )
    summary = HOSTILE if where == "summary" else ""
    findings = (finding(Verdict.CONFLICT, evil, PCT_58_1, summary=summary),)
    sources = (Source.from_text(HOSTILE, HOSTILE + "\nbody"),)
    page = render_compare_html(sources, findings, summarize(findings, 1, 2))
    assert "<script" not in page.lower()
    assert "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold red]x[/]" in page
    assert "\\x1b[31mred\\x1b[0m" in page
    assert '" onload="x' not in page and "&quot; onload=&quot;x" in page
    assert all(not n.startswith("on") for _, attrs in tags(page) for n, _ in attrs)


def test_deterministic() -> None:
    first = render_compare_html(SOURCES, FINDINGS, SUMMARY)
    assert first == render_compare_html(SOURCES, FINDINGS, SUMMARY)
    assert first == render_compare_html(tuple(reversed(SOURCES)), FINDINGS, SUMMARY)


def test_no_findings() -> None:
    page = render_compare_html(SOURCES, (), summarize((), 3, 0))
    assert "No findings" in page and "<svg" not in page


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def test_matches_golden(update_golden: bool) -> None:
    page = render_compare_html(SOURCES, FINDINGS, SUMMARY)
    if update_golden:
        _write_atomically(GOLDEN, page)
        pytest.skip(f"rewrote {GOLDEN.name}")
    assert GOLDEN.exists(), f"{GOLDEN} is missing; run pytest --update-golden"
    assert page == GOLDEN.read_text(encoding="utf-8")
