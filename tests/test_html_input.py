"""HTML and Markdown input: only the article's figures, on the lines of the original file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract_all
from claimcheck.htmltext import extract_article
from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.models import Claim, Source
from claimcheck.sources import load_corpus

FIXTURES = Path(__file__).parent / "fixtures"
LEDGER = FIXTURES / "html" / "circuit-ledger-nimbus-2.html"
WIRE = FIXTURES / "html" / "pacific-wire-nimbus-2.html"
NOTES = FIXTURES / "markdown" / "nimbus-2-developer-notes.md"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def where(raw: str, context: str, figure: str) -> tuple[int, int]:
    """1-based (line, column) in `raw` of `figure`, found inside the unique `context`."""
    assert raw.count(context) == 1, context
    offset = raw.index(context) + context.index(figure)
    line_start = raw.rfind("\n", 0, offset) + 1
    return raw.count("\n", 0, offset) + 1, offset - line_start + 1


def claims_of(path: Path, lex: Lexicon) -> tuple[Source, list[Claim]]:
    corpus = load_corpus([str(path)])
    assert corpus.problems == ()
    (source,) = corpus.sources
    return source, extract_all([source], lex)


# Each expected claim: (quote, a unique stretch of the fixture around it).
LEDGER_CLAIMS = [
    ("70 billion", "Nimbus-2 has 70 billion parameters"),
    ("128K", "a 128K context window, the company said"),
    ("12 trillion", "trained on 12 trillion tokens"),
    ("61.4%", "scored 61.4%, according"),
    ("$1.20 per million input tokens", "costs $1.20 per million input tokens"),
]
WIRE_CLAIMS = [
    ("70-billion-parameter", "<strong>70-billion-parameter</strong>"),
    ("128K-token", "a 128K-token context window"),
    ("roughly 12 trillion", ">roughly 12 trillion tokens<"),
    ("61.2%", "scored 61.2%&nbsp;on"),
    ("70B", "<td>70B</td>"),
    ("128K", "<td>128K tokens</td>"),
    ("$1.25 per million input tokens", "at $1.25 per million input tokens"),
]
# Figures around the article, in menus, teasers, comments and footers: none may be a claim.
LEDGER_NOISE = [
    "40% off",
    "250,000",
    "90% on MMLU",
    "405 billion",
    "1M-token",
    "$300 million",
    "85 engineers",
    "10 best laptops",
    "34 billion",
    "20 tokens per second",
    "48%",
    "2 million",
    "12 open roles",
    "2026 Circuit Ledger",
    "5 comments",
]
WIRE_NOISE = [
    "Dow up 1.2%",
    "4.99",
    "30,000",
    "208 billion",
    "$2 billion",
    "10 best laptops",
    "32K",
    "13 billion",
    "88% on MMLU",
    "fall 3%",
    "© 2026",
    "5 comments",
    "Suite 400",
    "14 responses",
    "300px",
]


@pytest.mark.parametrize(
    ("path", "encoding", "expected", "noise"),
    [
        (LEDGER, "utf-8", LEDGER_CLAIMS, LEDGER_NOISE),
        (WIRE, "cp1252", WIRE_CLAIMS, WIRE_NOISE),
    ],
    ids=["circuit-ledger", "pacific-wire"],
)
def test_html_yields_only_the_article_figures_on_their_original_lines(
    lex: Lexicon,
    path: Path,
    encoding: str,
    expected: list[tuple[str, str]],
    noise: list[str],
) -> None:
    raw = path.read_bytes().decode(encoding)
    source, claims = claims_of(path, lex)
    assert source.encoding == encoding
    assert [c.quote for c in claims] == [quote for quote, _ in expected]
    for claim, (quote, context) in zip(claims, expected, strict=True):
        assert (claim.line, claim.column) == where(raw, context, quote), quote
        assert source.text[claim.start : claim.end] == quote
        assert claim.subject == "Nimbus-2"
    for figure in noise:
        assert figure in raw, figure
        assert figure not in source.text, figure


def test_html_title_is_the_headline() -> None:
    titles = [s.title for s in load_corpus([str(LEDGER), str(WIRE)]).sources]
    assert titles == [
        "Stratus Labs unveils Nimbus-2, its largest model yet",
        "Nimbus-2 arrives: what Stratus Labs’ new model can do",
    ]


def test_html_fixture_files_are_not_modified() -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (LEDGER, WIRE, NOTES)}
    load_corpus([str(FIXTURES)])
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in before} == before


def position_of(page: str, figure: str) -> tuple[int, int]:
    """Where `figure` (first occurrence in the extracted text) maps to in `page`."""
    article = extract_article(page)
    assert article is not None
    source = Source.from_text("p.html", article.text)
    source = Source(source.path, source.text, article.title, line_map=article.line_map)
    return source.position(source.text.index(figure))


LONG = "The launch event drew a large crowd of developers, analysts and reporters to the hall."


def page(body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html>\n<head><title>Launch</title></head>\n<body>\n"
        "<nav><a href='/'>Home</a> | <a href='/ai'>AI</a></nav>\n"
        f"<article>\n<h1>Launch day</h1>\n<p>{LONG}</p>\n{body}\n<p>{LONG}</p>\n</article>\n"
        "<footer>Contact us</footer>\n</body>\n</html>\n"
    )


@pytest.mark.parametrize(
    ("body", "figure", "expected"),
    [
        # a paragraph wrapped over several lines: each figure on its own line
        (
            "<p>Nimbus-2 has 70 billion parameters,\n   a 128K context window and\n"
            "   a $1.20 price per million tokens.</p>",
            "128K",
            (10, 6),
        ),
        ("<p>Nimbus-2 has <a href='/x'><b>70</b> billion</a> parameters.</p>", "70", (9, 33)),
        ("<p>Caf&eacute; &amp; bar: Nimbus-2 costs &euro;5 per seat.</p>", "€5", (9, 42)),
        ("<p>Nimbus-2 has\n<!-- 99 -->\n70 billion parameters.</p>", "70", (11, 1)),
        ("<ul>\n<li>Parameters: 70B</li>\n<li>Context: 128K</li>\n</ul>", "128K", (11, 14)),
        (
            "<table>\n<tr><td>Parameters</td><td>70B</td></tr>\n"
            "<tr><td>Context</td>\n<td>128K</td></tr>\n</table>",
            "128K",
            (12, 5),
        ),
        (
            "<dl>\n<dt>Parameters</dt><dd>70B</dd>\n<dt>Context</dt>\n<dd>128K</dd>\n</dl>",
            "128K",
            (12, 5),
        ),
    ],
    ids=["wrapped", "inline-tags", "entities", "comment", "list", "table", "definition-list"],
)
def test_line_map_points_at_the_figure_in_the_page(
    body: str, figure: str, expected: tuple[int, int]
) -> None:
    html = page(body)
    assert position_of(html, figure) == expected
    line, column = expected
    if "&" not in body:  # with entities before it, the column counts the page's characters
        assert html.split("\n")[line - 1][column - 1 :].startswith(figure)


def test_a_definition_list_reads_as_spec_lines() -> None:
    """ "<dt>Power</dt><dd>38 MW</dd>" is the spec line "Power: 38 MW", so the term names
    the figure's metric, as "Key: value" does (trafilatura writes term and definition as
    two list items)."""
    article = extract_article(
        page(
            "<dl>\n<dt>FP64 (HPL)</dt>\n<dd>190 petaflops</dd>\n<dt>Power</dt><dd>38 MW</dd>\n</dl>"
        )
    )
    assert article is not None
    assert "- FP64 (HPL): 190 petaflops\n- Power: 38 MW\n" in article.text


def test_line_map_with_crlf_line_endings() -> None:
    html = page("<p>Nimbus-2 has\r\n70 billion parameters.</p>").replace("\n", "\r\n")
    assert position_of(html, "70 billion") == (10, 1)


def test_html_code_blocks_are_dropped(lex: Lexicon) -> None:
    html = page("<pre><code>client.complete(max_tokens=4096, context=32000)</code></pre>")
    article = extract_article(html)
    assert article is not None
    assert "4096" not in article.text
    assert LONG in article.text


def test_page_without_article_gives_none() -> None:
    assert extract_article("<html><body><script>x = 1</script></body></html>") is None
    assert extract_article("") is None


def test_markdown_code_is_not_read_and_lines_stay_the_files(lex: Lexicon) -> None:
    raw = NOTES.read_text(encoding="utf-8")
    source, claims = claims_of(NOTES, lex)
    expected = [
        ("70 billion", "has 70 billion parameters"),
        ("$1.20 per million input tokens", "price of $1.20 per million input tokens"),
        ("128K", "| 128K tokens |"),
        ("61.4%", "scored 61.4%"),
    ]
    assert [c.quote for c in claims] == [quote for quote, _ in expected]
    for claim, (quote, context) in zip(claims, expected, strict=True):
        assert (claim.line, claim.column) == where(raw, context, quote)
    assert len(source.text) == len(raw)
    assert source.title == "Nimbus-2 for developers: first impressions"
    # the same file read without blanking would give figures from its code blocks
    unblanked = {c.quote for c in extract_all([Source.from_text("x.txt", raw)], lex)}
    assert {"2 million", "32000", "13B"} <= unblanked


def test_title_skips_a_logo_h1_outside_the_article() -> None:
    html = page("").replace("<nav>", "<header><h1 class='logo'>Example News</h1></header>\n<nav>")
    article = extract_article(html)
    assert article is not None
    assert article.title == "Launch day"


FRAGMENTS = [
    "<p>",
    "</p>",
    "<div class='x'>",
    "</div>",
    "<b>",
    "</b>",
    "\n",
    "\r\n",
    "  ",
    "&amp;",
    "&nbsp;",
    "&#8364;",
    "&bogus;",
    "<!-- 12 -->",
    "<script>var n = 3;</script>",
    "<li>",
    "<td>",
    "|",
    "- ",
    "Nimbus-2 has 70 billion parameters",
    "a 128K context window",
    "costs $1.20",
    LONG,
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
# whitespace across a newline of the text: the line's spaces ran on past the page line's end
@example(["<div class='x'>", "Nimbus-2 has 70 billion parameters", "\n", "  "])
def test_line_map_never_points_outside_the_page(parts: list[str]) -> None:
    html = page("".join(parts))
    article = extract_article(html)
    assert article is not None
    source = Source("p.html", article.text, article.title, line_map=article.line_map)
    lines = html.split("\n")
    for offset in [*range(0, len(source.text), 7), len(source.text) - 1]:  # each character
        line, column = source.position(offset)
        assert 1 <= line <= len(lines)
        assert 1 <= column <= len(lines[line - 1]) + 1
