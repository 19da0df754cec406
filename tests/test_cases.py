"""Table tests for the extractor: tests/cases/*.yaml, sentence -> expected claims or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.extract import extract_claims
from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.models import Claim, Source

CASES = Path(__file__).parent / "cases"
REQUIRED = ("quote", "value", "unit", "subject", "metric", "qualifier")
MIN_CLAIM_CASES = 70
MIN_NO_CLAIM_CASES = 30
MORE = "extract_more.yaml"  # a second table: claim cases, and no-claim cases under no_claims
LAUNCHES = "extract_launches.yaml"  # a third: scopes and sizes as launch coverage writes them
MORE_PREFIX = "more-"
MIN_MORE_CLAIM_CASES = 70
MIN_MORE_NO_CLAIM_CASES = 15


def _load(name: str, key: str = "cases") -> list[dict[str, Any]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data[key]
    return cases


MORE_CLAIM_CASES = _load(MORE)
MORE_NO_CLAIM_CASES = _load(MORE, "no_claims")
# Quantity mode (every_figure=True): every figure, read as written, with the noun it counts.
FIGURE_CASES = _load(MORE, "figures")
CLAIM_CASES = _load("extract.yaml") + MORE_CLAIM_CASES + _load(LAUNCHES)
NO_CLAIM_CASES = _load("no_claims.yaml") + MORE_NO_CLAIM_CASES + _load(LAUNCHES, "no_claims")


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    """The packaged vocabulary, loaded once for the whole table."""
    return load_lexicon()


def _extract(text: str, lex: Lexicon, every_figure: bool = False) -> list[Claim]:
    return extract_claims(Source.from_text("case.txt", text), lex, every_figure=every_figure)


def _describe(claims: list[Claim]) -> str:
    """One line per claim, so a failure shows everything the extractor produced."""
    if not claims:
        return "  (no claims)"
    return "\n".join(
        f"  {c.quote!r} value={c.quantity.value:g} unit={c.quantity.unit!r} "
        f"subject={c.subject!r} metric={c.metric!r} qualifier={c.qualifier!r} "
        f"bound={c.quantity.bound.value!r}"
        for c in claims
    )


@pytest.mark.parametrize("case", CLAIM_CASES, ids=[c["id"] for c in CLAIM_CASES])
def test_extracts_expected_claims(case: dict[str, Any], lex: Lexicon) -> None:
    _check(case, lex)


@pytest.mark.parametrize("case", FIGURE_CASES, ids=[c["id"] for c in FIGURE_CASES])
def test_extracts_expected_figures(case: dict[str, Any], lex: Lexicon) -> None:
    _check(case, lex, every_figure=True)


def _check(case: dict[str, Any], lex: Lexicon, every_figure: bool = False) -> None:
    text: str = case["text"]
    expected: list[dict[str, Any]] = case["claims"]
    claims = _extract(text, lex, every_figure)
    got = _describe(claims)
    assert len(claims) == len(expected), f"expected {len(expected)} claims, got:\n{got}"
    for i, (claim, want) in enumerate(zip(claims, expected, strict=True)):
        where = f"claim {i} of:\n{got}"
        assert claim.quote == want["quote"], where
        assert text[claim.start : claim.end] == want["quote"], where
        assert claim.quantity.value == pytest.approx(want["value"], rel=1e-9), where
        assert claim.quantity.unit == want["unit"], where
        assert claim.subject == want["subject"], where
        assert claim.metric == want["metric"], where
        assert claim.qualifier == want["qualifier"], where
        if "bound" in want:
            assert claim.quantity.bound.value == want["bound"], where


@pytest.mark.parametrize("case", NO_CLAIM_CASES, ids=[c["id"] for c in NO_CLAIM_CASES])
def test_finds_no_claim(case: dict[str, Any], lex: Lexicon) -> None:
    claims = _extract(case["text"], lex)
    assert claims == [], f"expected no claims, got:\n{_describe(claims)}"


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CLAIM_CASES + NO_CLAIM_CASES + FIGURE_CASES]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_case_tables_are_big_enough_and_well_formed() -> None:
    assert len(CLAIM_CASES) >= MIN_CLAIM_CASES
    assert len(NO_CLAIM_CASES) >= MIN_NO_CLAIM_CASES
    for case in CLAIM_CASES + FIGURE_CASES:
        assert case["claims"], case["id"]
        for claim in case["claims"]:
            missing = [k for k in REQUIRED if k not in claim]
            assert missing == [], f"{case['id']}: missing {missing}"
            assert claim["quote"] in case["text"], f"{case['id']}: quote not in text"


def test_more_cases_are_big_enough_and_prefixed() -> None:
    assert len(MORE_CLAIM_CASES) >= MIN_MORE_CLAIM_CASES
    assert len(MORE_NO_CLAIM_CASES) >= MIN_MORE_NO_CLAIM_CASES
    unprefixed = [
        c["id"]
        for c in MORE_CLAIM_CASES + MORE_NO_CLAIM_CASES + FIGURE_CASES
        if not c["id"].startswith(MORE_PREFIX)
    ]
    assert unprefixed == []
    assert all("claims" not in c for c in MORE_NO_CLAIM_CASES)
