"""Builders the tests share: figures as the extractor writes them, claims, findings."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.lexicon import HedgeTolerance
from claimcheck.models import Bound, Claim, Finding, Quantity, Verdict
from claimcheck.reading import make_quantity

# numbers.yaml hedges, restated (not loaded) so the tests check the data against the rule:
# a hedge reaches the larger of the written precision and 5% of the value (1 point for a
# percentage); "nearly", "almost" and "just under" only reach downwards, "just over" only
# upwards, each by twice the margin.
HEDGE = HedgeTolerance(
    relative=0.05,
    absolute={"%": 1.0},
    below=frozenset({"nearly", "almost", "just under"}),
    above=frozenset({"just over"}),
)

# DESIGN.md, JSON schema 1, restated here (not imported from the code) so the tests check
# the code against the contract.
CLAIM_KEYS = [
    "path",
    "line",
    "column",
    "start",
    "end",
    "quote",
    "sentence",
    "subject",
    "metric",
    "qualifier",
    "value",
    "unit",
    "low",
    "high",
    "approx",
    "bound",
]
FINDING_KEYS = ["id", "subject", "metric", "qualifier", "verdict", "severity", "summary", "claims"]
# The fields compare's JSON adds after the contract's, in order.
FINDING_EXTRAS = ["unit", "sources", "consensus"]


def as_read(
    value: float,
    unit: str,
    precision: float,
    *,
    bound: Bound = Bound.EQ,
    low: float | None = None,
    high: float | None = None,
    alternatives: tuple[float, ...] = (),
    surface: str = "",
) -> Quantity:
    """A Quantity built as the extractor builds one (claimcheck.reading.make_quantity)."""
    if bound == Bound.RANGE:
        assert low is not None and high is not None
        value = (low + high) / 2
    return make_quantity(
        value,
        unit,
        precision,
        bound=bound,
        low=low,
        high=high,
        tolerance=HEDGE,
        surface=surface,
        alternatives=alternatives,
    )


def written(
    digits: str,
    unit: str,
    scale: float = 1.0,
    *,
    approx: bool = False,
    alternatives: tuple[float, ...] = (),
) -> Quantity:
    """A figure as written: precision half its last digit, hedged by HEDGE when `approx`."""
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return make_quantity(
        float(digits) * scale,
        unit,
        0.5 * 10.0 ** (-decimals) * scale,
        bound=Bound.APPROX if approx else Bound.EQ,
        tolerance=HEDGE,
        alternatives=alternatives,
    )


def claim_at(
    path: str,
    line: int,
    sentence: str,
    quote: str,
    quantity: Quantity,
    *,
    subject: str = "MAI-Thinking-1",
    metric: str = "SWE-Bench Pro",
    qualifier: str = "",
) -> Claim:
    """A Claim whose quote is found in its sentence (the sentence stands for the text)."""
    start = sentence.index(quote)
    return Claim(
        subject,
        metric,
        qualifier,
        quantity,
        path=path,
        line=line,
        column=start + 1,
        start=start,
        end=start + len(quote),
        quote=quote,
        sentence=sentence,
    )


def finding_of(verdict: Verdict, claims: Sequence[Claim], summary: str = "") -> Finding:
    """A Finding over `claims`, named after the first claim."""
    first = claims[0]
    return Finding(
        id=f"{first.subject}/{first.metric}".lower().replace(" ", "-"),
        subject=first.subject,
        metric=first.metric,
        qualifier=first.qualifier,
        unit=first.quantity.unit,
        verdict=verdict,
        claims=tuple(claims),
        summary=summary or f"{verdict.value} on {first.metric}",
        consensus=None,
    )
