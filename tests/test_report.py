"""Tests for the report stage: human figures, escaping, the JSON contract, terminal tables."""

from __future__ import annotations

import json
import math

import pytest
from builders import CLAIM_KEYS, FINDING_EXTRAS, as_read, claim_at, finding_of
from builders import FINDING_KEYS as CONTRACT_FINDING_KEYS

from claimcheck.models import Bound, Claim, Finding, Quantity, Source, Verdict
from claimcheck.report.common import human_value, json_number, sanitize, summarize
from claimcheck.report.json_report import (
    claim_record,
    render_compare_json,
    render_extract_json,
)
from claimcheck.report.terminal import render_compare, render_extract

FINDING_KEYS = [*CONTRACT_FINDING_KEYS, *FINDING_EXTRAS]

INF = math.inf


def qty(
    value: float,
    unit: str,
    *,
    bound: Bound = Bound.EQ,
    approx: bool = False,
    low: float | None = None,
    high: float | None = None,
) -> Quantity:
    """A Quantity whose interval defaults to the bare value."""
    lo = value if low is None else low
    hi = value if high is None else high
    return Quantity(value, unit, lo, hi, lo, hi, 1.0, approx, bound)


def claim(
    path: str,
    line: int,
    sentence: str,
    quote: str,
    quantity: Quantity,
    subject: str = "MAI-Thinking-1",
    metric: str = "SWE-Bench Pro",
    qualifier: str = "",
) -> Claim:
    """A Claim whose quote is found in its sentence (the sentence stands for the whole text)."""
    return claim_at(
        path, line, sentence, quote, quantity, subject=subject, metric=metric, qualifier=qualifier
    )


def finding(verdict: Verdict, claims: tuple[Claim, ...], summary: str = "") -> Finding:
    """A Finding over `claims`, named after the first claim."""
    return finding_of(verdict, claims, summary)


A = claim(
    "seeds/a.md", 14, "MAI-Thinking-1 scores 52.8% on SWE-Bench Pro.", "52.8%", qty(52.8, "%")
)
B = claim("seeds/b.md", 3, "It hit 53% on SWE-Bench Pro, a slide said.", "53%", qty(53.0, "%"))
C = claim("seeds/c.md", 9, "SWE-Bench Pro: 58.1% for the new model.", "58.1%", qty(58.1, "%"))
OVER = claim(
    "seeds/d.md",
    2,
    "It was trained on over 15T tokens of licensed data.",
    "over 15T tokens",
    qty(15e12, "tokens", bound=Bound.GT, high=INF),
    metric="training tokens",
)
GPUS = claim("seeds/d.md", 5, "Training used 8,000 GPUs.", "8,000 GPUs", qty(8000, "GPUs"), "MAI-1")
AIME_A = claim(
    "seeds/a.md", 3, "97% on AIME 2025.", "97%", qty(97, "%"), metric="AIME", qualifier="2025"
)
AIME_B = claim(
    "seeds/b.md", 8, "AIME 2025: 97%.", "97%", qty(97, "%"), metric="AIME", qualifier="2025"
)

FINDINGS = (
    finding(Verdict.CONFLICT, (A, C), "52.8% in seeds/a.md vs 58.1% in seeds/c.md"),
    finding(Verdict.ROUNDING, (A, B), "52.8% rounds to 53%"),
    finding(Verdict.SINGLE_SOURCE, (OVER,)),
    finding(Verdict.SINGLE_SOURCE, (GPUS,)),
    finding(Verdict.AGREE, (AIME_A, AIME_B), "every source gives 97%"),
)
SOURCES = tuple(Source.from_text(p, "Title\nbody\n") for p in ("seeds/a.md", "seeds/b.md"))
SUMMARY = summarize(FINDINGS, n_sources=4, n_claims=7)


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (qty(35e9, "parameters"), "35B parameters"),
        (qty(1e12, "parameters"), "1T parameters"),
        (qty(256000, "tokens"), "256K tokens"),
        (qty(52.8, "%"), "52.8%"),
        (qty(52.75000000000001, "%"), "52.75%"),
        (qty(13e9, "USD"), "$13B"),
        (qty(8000, "GPUs"), "8,000 GPUs"),
        (qty(32768, "tokens"), "32,768 tokens"),
        (qty(1234567, "GPUs"), "1.235M GPUs"),
        (qty(999_999_999, "parameters"), "1B parameters"),
        (qty(0.00015, "USD"), "$0.00015"),
        (qty(10, "x"), "10x"),
        (qty(1e12, "parameters", approx=True), "~1T parameters"),
        (qty(15e12, "tokens", bound=Bound.GT, high=INF), ">15T tokens"),
        (qty(15e12, "tokens", bound=Bound.GE, high=INF), "≥15T tokens"),
        (qty(1e6, "USD", bound=Bound.LT, low=-INF), "<$1M"),
        (qty(128000, "tokens", bound=Bound.LE, low=-INF), "≤128K tokens"),
        # a range is labelled with its ends as written, not its precision interval
        (as_read(2.5, "x", 0.5, bound=Bound.RANGE, low=2, high=3), "2–3x"),
        (as_read(15e9, "USD", 0.5e9, bound=Bound.RANGE, low=10e9, high=20e9), "$10B–20B"),
        (
            as_read(36e9, "parameters", 0.5e9, bound=Bound.RANGE, low=35e9, high=37e9),
            "35B–37B parameters",
        ),
        (
            as_read(7.5, "%", 0.05, bound=Bound.RANGE, low=5.0, high=10.0, surface="5.0-10.0%"),
            "5.0–10.0%",
        ),
        # trailing zeros the figure was written with are kept: they are its precision
        (as_read(2.5, "USD", 0.005, surface="$2.50"), "$2.50"),
        (as_read(0.6, "USD", 0.005, surface="$0.60"), "$0.60"),
        (as_read(41.0, "%", 0.05, surface="41.0%"), "41.0%"),
        (as_read(61.0, "%", 0.05, surface="about 61.0 percent", bound=Bound.APPROX), "~61.0%"),
        (as_read(1.5e12, "tokens", 0.005e12, surface="1.50 trillion"), "1.50T tokens"),
        (as_read(6.6e9, "USD", 0.005e9, surface="$6.60bn"), "$6.60B"),
        # ... but no zeros a figure was not written with, nor past what the display shows
        (as_read(1.2e12, "tokens", 0.5e9, surface="1,200 billion"), "1.2T tokens"),
        (as_read(128000, "tokens", 0.5, surface="128,000"), "128K tokens"),
        (as_read(6e11, "parameters", 0.005e12, surface="0.60 trillion"), "600B parameters"),
        (as_read(1048576, "tokens", 0.5, surface="1,048,576"), "1.049M tokens"),
        (as_read(1234.5, "USD", 0.05, surface="$1,234.50"), "$1,234"),
        (as_read(53, "%", 0.5, surface="53%"), "53%"),
    ],
)
def test_human_value(quantity: Quantity, expected: str) -> None:
    assert human_value(quantity) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text", "plain text"),
        ("red \x1b[31malert", "red \\x1b[31malert"),
        ("bell\x07 csi\x9b del\x7f nul\x00", "bell\\x07 csi\\x9b del\\x7f nul\\x00"),
        ("over\rwrite", "over\\x0dwrite"),
        ("two\nlines\r\nand\t\ttabs  \n\n  end", "two lines and tabs end"),
        ("bidi \u202eevil", "bidi \\u202eevil"),
        ("[bold red]x[/] café", "[bold red]x[/] café"),
    ],
)
def test_sanitize(text: str, expected: str) -> None:
    assert sanitize(text) == expected


def test_json_number() -> None:
    assert json_number(52.75000000000001) == 52.75
    assert json_number(35e9) == 35_000_000_000
    assert isinstance(json_number(3.0), int)
    assert json_number(INF) is None
    assert json_number(-INF) is None
    assert json_number(math.nan) is None
    assert isinstance(json_number(2.0**60), float)


def test_summarize_has_every_verdict_in_order() -> None:
    assert summarize([], 0, 0)["verdicts"] == {
        "conflict": 0,
        "rounding": 0,
        "approximate": 0,
        "single-source": 0,
        "agree": 0,
    }
    assert list(SUMMARY) == ["sources", "claims", "findings", "verdicts"]
    verdicts = SUMMARY["verdicts"]
    assert isinstance(verdicts, dict)
    assert list(verdicts) == ["conflict", "rounding", "approximate", "single-source", "agree"]
    assert verdicts["single-source"] == 2
    assert SUMMARY["findings"] == 5


def test_claim_record_field_order_and_unbounded_ends() -> None:
    record = claim_record(OVER)
    assert list(record) == CLAIM_KEYS
    assert record["low"] == 15_000_000_000_000
    assert record["high"] is None
    assert record["bound"] == ">"
    assert record["quote"] == OVER.sentence[OVER.start : OVER.end]
    text = render_extract_json(SOURCES, [OVER])
    assert '"high": null' in text


def test_extract_json_document() -> None:
    text = render_extract_json(SOURCES, [B, A])
    document = json.loads(text)
    assert list(document) == ["schema", "sources", "claims"]
    assert document["schema"] == 1
    assert [s["path"] for s in document["sources"]] == ["seeds/a.md", "seeds/b.md"]
    assert list(document["sources"][0]) == ["path", "title", "encoding", "lines", "claims"]
    assert document["sources"][0]["lines"] == 2
    assert document["sources"][0]["claims"] == 1
    assert [c["path"] for c in document["claims"]] == ["seeds/a.md", "seeds/b.md"]
    assert text.endswith("}\n")
    assert text.startswith('{\n  "schema": 1,')


def test_compare_json_document() -> None:
    document = json.loads(render_compare_json(SOURCES, [A, B, C], FINDINGS))
    assert list(document) == ["schema", "sources", "findings", "summary"]
    assert len(document["findings"]) == len(FINDINGS)
    first = document["findings"][0]
    assert list(first) == FINDING_KEYS
    assert (first["verdict"], first["severity"], first["sources"]) == ("conflict", "error", 2)
    assert [list(c) for c in first["claims"]] == [CLAIM_KEYS, CLAIM_KEYS]
    assert document["summary"] == summarize(FINDINGS, 2, 3)


def test_json_is_deterministic_and_keeps_text_exact() -> None:
    sentence = "Score: 53%\x1b[31m [bold]x[/] \x9b café"
    tricky = claim("seeds/e.md", 1, sentence, "53%", qty(53, "%"))
    findings = (finding(Verdict.SINGLE_SOURCE, (tricky,)),)
    first = render_compare_json(SOURCES, [tricky], findings)
    assert first == render_compare_json(SOURCES, [tricky], findings)
    assert "\x1b" not in first and "\x9b" not in first
    assert "café" in first  # ensure_ascii=False
    assert json.loads(first)["findings"][0]["claims"][0]["sentence"] == sentence


def test_compare_terminal_shows_verdicts_locations_and_counts() -> None:
    out = render_compare(FINDINGS, SUMMARY, show_all=False, width=100, color=False)
    for heading in ("conflict (1)", "rounding (1)", "single-source (2)"):
        assert heading in out
    assert out.index("conflict (1)") < out.index("rounding (1)") < out.index("single-source (2)")
    assert "sources disagree; verify before filing" in out
    for location in ("seeds/a.md:14", "seeds/b.md:3", "seeds/c.md:9", "seeds/d.md:2"):
        assert location in out
    assert "52.8%" in out and "58.1%" in out and ">15T tokens" in out
    assert "52.8% in seeds/a.md vs 58.1% in seeds/c.md" in out
    assert "approximate (" not in out  # empty groups get no heading
    assert " ".join(out.split()).endswith(
        "4 sources · 7 claims · 5 findings: 1 conflict, 1 rounding, 0 approximate, "
        "2 single-source, 1 agree (hidden; --all shows them)"
    )


def test_compare_terminal_hides_agree_unless_show_all() -> None:
    hidden = render_compare(FINDINGS, SUMMARY, show_all=False, width=100, color=False)
    shown = render_compare(FINDINGS, SUMMARY, show_all=True, width=100, color=False)
    assert "agree (1)" not in hidden and "seeds/b.md:8" not in hidden
    assert "agree (1)" in shown and "seeds/b.md:8" in shown
    assert "(hidden" in hidden and "(hidden" not in shown
    assert "1 agree" in " ".join(shown.split())


def test_compare_terminal_is_deterministic_and_silent(capsys: pytest.CaptureFixture[str]) -> None:
    first = render_compare(FINDINGS, SUMMARY, show_all=True, width=100, color=True)
    assert first == render_compare(FINDINGS, SUMMARY, show_all=True, width=100, color=True)
    assert "\x1b[" in first  # colour really is on
    assert capsys.readouterr() == ("", "")


def test_compare_terminal_says_when_there_is_nothing() -> None:
    out = render_compare([], summarize([], 2, 0), show_all=False, width=100, color=False)
    assert out.startswith("No findings")
    agree_only = (FINDINGS[-1],)
    out = render_compare(
        agree_only, summarize(agree_only, 2, 2), show_all=False, width=100, color=False
    )
    assert out.startswith("No discrepancies")


HOSTILE = "[bold red]boom[/] \x1b[31mred\x1b[0m\x07 scores 61% [link=x]y[/link] :smile:"


@pytest.mark.parametrize("verdict", [Verdict.CONFLICT, Verdict.SINGLE_SOURCE])
def test_terminal_never_interprets_article_text(verdict: Verdict) -> None:
    evil = claim("seeds/\x1b[2Jevil.md", 4, HOSTILE, "61%", qty(61, "%"), subject="[red]X[/red]")
    findings = (finding(verdict, (evil, C), "[blink]summary[/] \x1b]0;title\x07"),)
    out = render_compare(
        findings, summarize(findings, 2, 2), show_all=False, width=100, color=False
    )
    assert "\x1b" not in out and "\x07" not in out
    assert "[link=x]y[/link]" in out
    assert "[red]X[/red]" in out
    assert "seeds/\\x1b[2Jevil.md:4" in out
    if verdict is Verdict.CONFLICT:  # the full excerpt and the summary are shown
        assert "[bold red]boom[/] \\x1b[31mred\\x1b[0m\\x07 scores 61%" in out
        assert "[blink]summary[/] \\x1b]0;title\\x07" in out
        assert ":smile:" in out
    colored = render_compare(
        findings, summarize(findings, 2, 2), show_all=False, width=100, color=True
    )
    assert "\x1b[31mred" not in colored and "\x1b[2J" not in colored and "\x07" not in colored
    assert "[link=x]y[/link]" in colored


def test_extract_terminal_escapes_and_counts() -> None:
    evil = claim("seeds/e.md", 7, HOSTILE, "61%", qty(61, "%"))
    out = render_extract([C, evil, A], width=100, color=False)
    assert "\x1b" not in out
    assert "61%" in out
    assert out.index("seeds/a.md:14") < out.index("seeds/c.md:9") < out.index("seeds/e.md:7")
    assert "SWE-Bench Pro" in out and "58.1%" in out
    assert out.rstrip().endswith("3 claims in 3 sources")
    assert render_extract([], width=100, color=False).strip() == "No claims found."


def test_width_is_respected() -> None:
    long_word = "x" * 180
    sentence = f"A very long sentence {long_word} in which the model scores 61% on a benchmark " * 3
    wide = claim(
        "seeds/" + "deeply/nested/" * 3 + "article-with-a-long-name.md",
        120,
        sentence,
        "61%",
        qty(61, "%"),
        subject="MAI-Thinking-1-Extended-Preview-Edition",
        metric="SWE-Bench Pro (commercial subset, with tools)",
    )
    findings = (
        finding(Verdict.CONFLICT, (wide, C), "y" * 250),
        finding(Verdict.SINGLE_SOURCE, (wide,)),
        *FINDINGS,
    )
    summary = summarize(findings, 5, 9)
    for width in (100, 60):
        outputs = [
            render_compare(findings, summary, show_all=True, width=width, color=False),
            render_extract([wide, A, C, OVER], width=width, color=False),
        ]
        for out in outputs:
            longest = max(len(line) for line in out.splitlines())
            assert longest <= width, out
