"""Property tests for the extractor and reconciler: never raise, valid spans, same output twice."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract_claims
from claimcheck.lexicon import load_lexicon
from claimcheck.models import Claim, Source
from claimcheck.reconcile import reconcile

# Loaded once: the lexicon is an immutable value, so sharing it between examples is safe.
lex = load_lexicon()

TOKENS = [
    "35B",
    "35 billion",
    "~1 trillion",
    "roughly one trillion",
    "52.8%",
    "53 percent",
    "$13 billion",
    "$13bn",
    "€2.5M",
    "256,000-token",
    "256K",
    "5-10%",
    "5–10%",
    "between 5 and 10",
    "10x",
    "ten times",
    "GPT-5.4",
    "GPT-4o mini",
    "MAI-Thinking-1",
    "MAI Thinking 1",
    "Llama 3.1 405B",
    "Microsoft",
    "OpenAI",
    "over",
    "at least",
    "up to",
    "under",
    "roughly",
    "about",
    "respectively",
    "AIME 2025/2026:",
    "AIME 2025",
    "SWE-Bench Pro",
    "Context Window:",
    "parameters",
    "tokens",
    "GPUs",
    "active parameters",
    "context window",
    "scores",
    "and",
    "of",
    "in 2 months",
    "2026",
    "1,000,000",
    "0.5",
    ".5",
    "1.",
    "-",
    "—",
    "(",
    ")",
    ":",
    ";",
    ",",
    ".",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2212",
    "\u2212 5%",
    "\u202f",
    "\ufeff",
    "\x1b[31m",
    "[bold]",
    "•",
    "#",
    "*",
    " ",
    " ",
    " ",
]

numberish = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)),
    max_size=40,
).map("".join)
spaced = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)
texts = st.one_of(st.text(), numberish, spaced)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _extract(text: str) -> tuple[Source, list[Claim]]:
    source = Source.from_text("p.txt", text)
    return source, extract_claims(source, lex)


def _positions(claims: list[Claim]) -> list[tuple[int, int, int, int, str, str]]:
    """The parts of a claim that equality ignores, so they are compared too."""
    return [(c.start, c.end, c.line, c.column, c.quote, c.sentence) for c in claims]


@SETTINGS
@given(texts)
@example("0 AND\tUP")  # a bound written with a tab ("and\tup") was looked up as written
@example("costs RM\u00a05")  # so was a currency sign with a no-break space
def test_extractor_spans_are_valid(text: str) -> None:
    source, claims = _extract(text)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start : c.end] == c.quote
        assert (c.line, c.column) == source.position(c.start)
        assert c.path == "p.txt"
        assert c.quote in c.sentence
        assert c.sentence in text


@SETTINGS
@given(texts)
def test_extractor_is_deterministic(text: str) -> None:
    _, first = _extract(text)
    _, second = _extract(text)
    assert first == second
    assert _positions(first) == _positions(second)


@SETTINGS
@given(st.lists(texts, min_size=1, max_size=3))
def test_reconcile_never_raises_on_extracted_claims(articles: list[str]) -> None:
    claims: list[Claim] = []
    for i, text in enumerate(articles):
        source = Source.from_text(f"p{i}.txt", text)
        claims.extend(extract_claims(source, lex))
    findings = reconcile(claims, lex)
    assert sum(len(f.claims) for f in findings) == len(claims)
    ranks = [f.verdict.rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    assert reconcile(claims, lex) == findings
