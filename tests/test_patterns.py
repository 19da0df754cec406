"""Pattern building (patterns.py): rearranged alternations still mean what the YAML says."""

from __future__ import annotations

import re

import pytest

from claimcheck.patterns import _noise_pattern, _top_level_bar

PATTERNS = [
    r"\b\d+\s*min\s+read\b",
    r"\b(?:page|step)\s+\d+\b",
    r"\bvotes?|\d+\s+likes",  # top-level alternation: its \b binds only the first branch
    r"#\d+\b",
    r"^[ \t]*\d{1,3}[.)](?=\s)",
    r"\b[\d]+ views",
]
TEXTS = [
    "5 min read",
    "It took 5 min reading",
    "see page 12 below",
    "upvotes 12",
    "300 likes today",
    "ranked #3 overall",
    "  3. Pricing",
    "1,200 views",
    "Nothing to see here.",
    "a12 views",
]


@pytest.mark.parametrize("text", TEXTS)
def test_rearranged_noise_matches_the_plain_alternation(text: str) -> None:
    plain = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE | re.MULTILINE)
    arranged = re.compile(_noise_pattern(PATTERNS), re.IGNORECASE | re.MULTILINE)
    assert [m.span() for m in arranged.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\ba|b", True),
        (r"\b(?:a|b)", False),
        (r"\b[|]x", False),
        (r"\b\|x", False),
        (r"\b(a)|(b)", True),
    ],
)
def test_top_level_bar(pattern: str, expected: bool) -> None:
    assert _top_level_bar(pattern) is expected


ENDING_TEXTS = [
    "It scored more than ",
    "It scored more than\u00a0",
    "compared with ",
    "Sonnet 4.5, compared to Google's ",
    "up from last year's ",
    "roughly ",
    "a score of: ",
    "about~",
    "~",
    "between ",
    "Nothing before it ",
    "",
    "thanks ",
    "whereabout ",
    "at least\n",
]


@pytest.mark.parametrize("text", ENDING_TEXTS)
@pytest.mark.parametrize("name", ["prefix", "comparison", "previous", "score_before"])
def test_ending_prechecks_agree_with_the_pattern(name: str, text: str) -> None:
    from claimcheck.lexicon import load_lexicon

    ending = getattr(load_lexicon().re, name)
    found = ending.search(text)
    plain = ending.pattern.search(text)
    assert (found and found.span()) == (plain and plain.span())


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b\d+\s+min\s+read\b", True),
        (r"\bQ[1-4]\s*\d{2}", False),
        (r"\b\d+\S*\s+views", True),  # \S is an escape, not an upper-case letter
        (r"(?-i:[a-z]+)\s+\d+", False),  # needs the text as written
    ],
)
def test_lower_case_noise_patterns(pattern: str, expected: bool) -> None:
    from claimcheck.patterns import _lower_case

    assert _lower_case(pattern) is expected
