"""The number grammar on its own (numbers.find_mentions): fractions, mixed number words,
hedged multipliers and rates written with a slash. Each row names the figure as written,
its value in base units, its unit and its bound; claims built on them are in cases/."""

from __future__ import annotations

import pytest

from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.numbers import Mention, find_mentions
from claimcheck.patterns import folded


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def _mentions(text: str, lex: Lexicon) -> list[Mention]:
    return find_mentions(text, lex, folded(text))


# text, quote, value, unit, bound
FIGURES = [
    # fractions are shares, read as percentages
    ("Two-thirds of the tokens were code.", "Two-thirds", 200 / 3, "%", "="),
    ("two thirds of the tokens were code", "two thirds", 200 / 3, "%", "="),
    ("About a quarter of its data is synthetic.", "About a quarter", 25.0, "%", "~"),
    ("Three quarters of teams use it.", "Three quarters", 75.0, "%", "="),
    ("One in five developers use it daily.", "One in five", 20.0, "%", "="),
    ("Only 3 in 10 pilots reached production.", "3 in 10", 30.0, "%", "="),
    ("Seven out of ten users prefer it.", "Seven out of ten", 70.0, "%", "="),
    ("One fourth of the budget went to GPUs.", "One fourth", 25.0, "%", "="),
    ("It was trained on 1/53rd of the compute of its rival.", "1/53rd", 100 / 53, "%", "="),
    ("It needs half the GPUs of its predecessor.", "half", 50.0, "%", "="),
    ("Over half of the staff moved to the new lab.", "Over half", 50.0, "%", ">"),
    ("It is half as expensive as the last model.", "half", 50.0, "%", "="),
    # mixed numbers in words
    ("It is two and a half times faster.", "two and a half times", 2.5, "x", "="),
    (
        "The lab raised two and a half million dollars.",
        "two and a half million dollars",
        2.5e6,
        "USD",
        "=",
    ),
    ("The app has half a million users.", "half a million", 5e5, "", "="),
    ("It cost half a billion dollars to train.", "half a billion dollars", 5e8, "USD", "="),
    # hedged multiplier words
    ("The lab nearly doubled its fleet.", "nearly doubled", 2.0, "x", "~"),
    ("Revenue more than tripled last year.", "more than tripled", 3.0, "x", ">"),
    # prices per million tokens written with a slash, with or without spaces
    ("Output costs $2/1M output tokens.", "$2/1M output tokens", 2.0, "USD", "="),
    ("Input costs $0.25 / 1M input tokens.", "$0.25 / 1M input tokens", 0.25, "USD", "="),
    ("It streams 90 tokens / s on one GPU.", "90 tokens / s", 90.0, "tokens/s", "="),
    # a scale word after a scale word, and a scale letter set apart before a count noun
    ("About 3 hundred thousand people use it.", "About 3 hundred thousand", 3e5, "", "~"),
    ("The app has about 2 B users.", "about 2 B", 2e9, "", "~"),
    # ranges of number words, and a range written as one compound
    (
        "The lab hired two to three thousand engineers.",
        "two to three thousand",
        2500.0,
        "",
        "range",
    ),
    ("Training took one to two years.", "one to two years", 1.5, "years", "range"),
    ("It took five or six weeks to ship.", "five or six weeks", 5.5, "weeks", "range"),
    ("It sprints 0-to-60-mph in 3 seconds.", "0-to-60-mph", 30.0, "mph", "range"),
    # a year does not open a range down to a smaller figure ("in 2010 to 30 mpg")
    ("Fuel economy went from 22 mpg in 2010 to 30 mpg.", "30 mpg", 30.0, "mpg", "="),
    # market wraps: an index name, a spaced sign, a change
    ("Asia: TOPIX -2.4% KOSPI -0.9% ASX +0.3%.", "-2.4%", -2.4, "%", "="),
    ("Asia: TOPIX -2.4% KOSPI -0.9% ASX +0.3%.", "-0.9%", -0.9, "%", "="),
]

# text, and a figure that must not be read as a fraction
# text, and figures (as written) that must not be read
NOT_READ = [
    ("Agent 007 returns.", "007"),
    ("Trained on 15 000 000 documents.", "000"),
]


@pytest.mark.parametrize(("text", "written"), NOT_READ)
def test_zero_led_digits_are_codes(text: str, written: str, lex: Lexicon) -> None:
    assert written not in [text[m.start : m.end] for m in _mentions(text, lex)]


NOT_FRACTIONS = [
    ("Revenue rose in the second half of 2025.", "half"),
    ("The third model came out in the first quarter.", "third"),
    ("A half-hour demo followed the keynote.", "half"),
    ("A quarter-final place is at stake.", "quarter"),
    ("The event runs from 3/4 to 3/9.", "3/4"),
    ("She finished fifth of ten runners.", "fifth"),
    ("It is the fourth model this year.", "fourth"),
]


# text, and a written number that must not be read as (part of) a figure
NOT_FIGURES = [
    ("The bakery sells donuts by the dozen.", "dozen"),  # a scale word alone is no figure
    ("The cluster needs several hundred GPUs.", "hundred"),
    ("Nurses ran hundreds of COVID -19 swab tests a day.", "19"),  # a name with a spaced hyphen
    ("Apple showed the iPhone 17 Pro and 17 Pro Max.", "17"),  # a product name
    ("The carrier leased three new 777 Max jets.", "777"),
    ("One ounce is 1\u2044128 of a gallon.", "128"),  # the fraction slash
]


def _one(text: str, quote: str, lex: Lexicon) -> Mention:
    found = [m for m in _mentions(text, lex) if text[m.start : m.end] == quote]
    written = [text[m.start : m.end] for m in _mentions(text, lex)]
    assert len(found) == 1, f"{quote!r} not read as one figure; read: {written}"
    return found[0]


@pytest.mark.parametrize(("text", "quote", "value", "unit", "bound"), FIGURES)
def test_reads_figure(
    text: str, quote: str, value: float, unit: str, bound: str, lex: Lexicon
) -> None:
    mention = _one(text, quote, lex)
    assert mention.value == pytest.approx(value, rel=1e-9)
    assert mention.unit == unit
    assert mention.bound.value == bound


@pytest.mark.parametrize(("text", "word"), NOT_FRACTIONS)
def test_not_a_fraction(text: str, word: str, lex: Lexicon) -> None:
    shares = [m for m in _mentions(text, lex) if m.unit == "%"]
    assert shares == [], [text[m.start : m.end] for m in shares]


@pytest.mark.parametrize(("text", "written"), NOT_FIGURES)
def test_not_a_figure(text: str, written: str, lex: Lexicon) -> None:
    read = [text[m.start : m.end] for m in _mentions(text, lex)]
    assert not any(written in quote for quote in read), read
