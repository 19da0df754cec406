"""Unit tests for the reconcile stage: pairwise verdicts, grouping, folding and ordering."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import HEDGE, as_read, claim_at
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.models import Bound, Claim, Finding, Quantity, Verdict
from claimcheck.reconcile import binary_reading, compare_quantities, group_verdict, reconcile
from claimcheck.slips import slipped

T = 1e12
B = 1e9
M = 1e6
K = 1e3


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def test_hedge_tolerance_is_the_documented_one(lex: Lexicon) -> None:
    assert lex.hedge_tolerance == HEDGE


def written(
    digits: str, unit: str, scale: float = 1.0, *, bound: Bound = Bound.EQ, **kw: object
) -> Quantity:
    """A figure as written in digits ("52.8", "256,000"): precision is half its last digit."""
    clean = digits.replace(",", "")
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    precision = 0.5 * 10.0 ** (-decimals) * scale
    alternatives = kw.pop("alternatives", ())
    assert isinstance(alternatives, tuple)
    assert not kw
    return as_read(
        float(clean) * scale,
        unit,
        precision,
        bound=bound,
        alternatives=alternatives,
        surface=digits,
    )


def claim(
    path: str,
    q: Quantity,
    *,
    subject: str = "MAI-Thinking-1",
    metric: str = "total parameters",
    qualifier: str = "",
    line: int = 1,
) -> Claim:
    """A Claim at `path`:`line` whose quote is the quantity's surface."""
    quote = q.surface or f"{q.value:g}"
    sentence = f"{subject} has {quote} ({metric})."
    return claim_at(
        path, line, sentence, quote, q, subject=subject, metric=metric, qualifier=qualifier
    )


# Figures used below.
PCT_53 = written("53", "%")
PCT_52_8 = written("52.8", "%")
PCT_58_1 = written("58.1", "%")
PARAMS_35B = written("35", "parameters", B)
PARAMS_40B = written("40", "parameters", B)
TOKENS_256000 = written("256,000", "tokens")
TOKENS_262144 = written("262,144", "tokens")
TOKENS_256K = written("256", "tokens", K, alternatives=(262144.0,))
TOKENS_1M = written("1", "tokens", M, alternatives=(1048576.0,))
TOKENS_UP_TO_256K = written("256", "tokens", K, bound=Bound.LE, alternatives=(262144.0,))
# "roughly one trillion": a word number (precision half its scale word) with a hedge.
ROUGHLY_1T = as_read(1 * T, "tokens", 0.5 * T, bound=Bound.APPROX, surface="roughly one trillion")
TOKENS_1_05T = written("1.05", "tokens", T)
TOKENS_1_2T = written("1.2", "tokens", T)
TOKENS_3T = written("3", "tokens", T)
OVER_15T = as_read(15 * T, "tokens", 0.5 * T, bound=Bound.GT, surface="over 15 trillion")
TOKENS_15_6T = written("15.6", "tokens", T)
TOKENS_14T = written("14", "tokens", T)
RANGE_5_10 = as_read(0, "%", 0.5, bound=Bound.RANGE, low=5, high=10, surface="5–10%")
PCT_7 = written("7", "%")
PCT_12 = written("12", "%")


def test_helper_mirrors_the_extractor_for_a_hedge() -> None:
    assert (ROUGHLY_1T.strict_low, ROUGHLY_1T.strict_high) == (0.5 * T, 1.5 * T)
    # one significant digit already admits +/- 0.5T: the 5% margin is not added to it
    assert (ROUGHLY_1T.low, ROUGHLY_1T.high) == (0.5 * T, 1.5 * T)
    assert RANGE_5_10.value == 7.5
    assert (RANGE_5_10.low, RANGE_5_10.high) == (4.5, 10.5)


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        (PCT_53, PCT_52_8, Verdict.ROUNDING),
        (PCT_53, PCT_58_1, Verdict.CONFLICT),
        (PCT_52_8, PCT_58_1, Verdict.CONFLICT),
        (written("53.4", "%"), PCT_53, Verdict.ROUNDING),
        # Written intervals are half-open ([52.5, 53.5) and [53.5, 54.5)): touching is not meeting.
        (PCT_53, written("54", "%"), Verdict.CONFLICT),
        (PCT_52_8, written("52.9", "%"), Verdict.CONFLICT),
        (PARAMS_35B, PARAMS_35B, Verdict.AGREE),
        (PARAMS_35B, written("35", "parameters", B), Verdict.AGREE),
        (PARAMS_35B, PARAMS_40B, Verdict.CONFLICT),
        (PARAMS_35B, written("36", "parameters", B), Verdict.CONFLICT),
        (TOKENS_256000, TOKENS_256K, Verdict.AGREE),
        (TOKENS_262144, TOKENS_256K, Verdict.AGREE),
        (TOKENS_262144, TOKENS_UP_TO_256K, Verdict.APPROXIMATE),
        # "1" already admits 0.5T-1.5T as written: rounding explains both, not the hedge
        (ROUGHLY_1T, TOKENS_1_05T, Verdict.ROUNDING),
        (ROUGHLY_1T, TOKENS_1_2T, Verdict.ROUNDING),
        (ROUGHLY_1T, TOKENS_3T, Verdict.CONFLICT),
        (OVER_15T, TOKENS_15_6T, Verdict.APPROXIMATE),
        (OVER_15T, TOKENS_14T, Verdict.CONFLICT),
        (RANGE_5_10, PCT_7, Verdict.APPROXIMATE),
        (RANGE_5_10, PCT_12, Verdict.CONFLICT),
        # one figure written alike with another does not round to it, binary reading or not
        (TOKENS_1M, written("2", "tokens", M, alternatives=(2097152.0,)), Verdict.CONFLICT),
        (
            written("3", "tokens", M, alternatives=(3145728.0,)),
            written("4", "tokens", M, alternatives=(4194304.0,)),
            Verdict.CONFLICT,
        ),
        (TOKENS_1M, written("1.2", "tokens", M), Verdict.ROUNDING),
    ],
    ids=[
        "53-vs-52.8",
        "53-vs-58.1",
        "52.8-vs-58.1",
        "53.4-vs-53",
        "53-vs-54",
        "52.8-vs-52.9",
        "35B-vs-35B",
        "35B-vs-35B-rebuilt",
        "35B-vs-40B",
        "35B-vs-36B",
        "256000-vs-256K",
        "262144-vs-256K",
        "262144-vs-up-to-256K",
        "roughly-1T-vs-1.05T",
        "roughly-1T-vs-1.2T",
        "roughly-1T-vs-3T",
        "over-15T-vs-15.6T",
        "over-15T-vs-14T",
        "range-5-10-vs-7",
        "range-5-10-vs-12",
        "1M-vs-2M",
        "3M-vs-4M",
        "1M-vs-1.2M",
    ],
)
def test_compare_quantities(a: Quantity, b: Quantity, verdict: Verdict) -> None:
    assert compare_quantities(a, b) == verdict
    # A verdict on two figures does not depend on which is named first.
    assert compare_quantities(b, a) == verdict


def hedged(phrase: str, unit: str, scale: float = 1.0) -> Quantity:
    """A hedged figure as written ("about 53"): the hedge words, then digits."""
    digits = phrase.split()[-1].lstrip("~")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return as_read(
        float(digits) * scale,
        unit,
        0.5 * 10.0 ** (-decimals) * scale,
        bound=Bound.APPROX,
        surface=phrase,
    )


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # a percentage is hedged by one point, not by a share of itself
        (hedged("about 53", "%"), written("58.5", "%"), Verdict.CONFLICT),
        (hedged("about 53", "%"), written("54.2", "%"), Verdict.CONFLICT),
        (hedged("about 53", "%"), written("53.9", "%"), Verdict.APPROXIMATE),
        (hedged("roughly 71.4", "%"), written("70.6", "%"), Verdict.APPROXIMATE),
        (hedged("~88", "%"), written("86.2", "%"), Verdict.CONFLICT),
        # a hedge that agreement does not need leaves it rounding
        (hedged("about 53", "%"), written("52.8", "%"), Verdict.ROUNDING),
        (hedged("around 640", "GPUs"), written("640.4", "GPUs"), Verdict.ROUNDING),
        (hedged("about 53", "%"), written("53", "%"), Verdict.AGREE),
        # other units: 5% of the value, or the written precision if that is wider
        (hedged("about 37", "parameters", B), written("33", "parameters", B), Verdict.CONFLICT),
        (hedged("about 37", "parameters", B), written("36", "parameters", B), Verdict.APPROXIMATE),
        (hedged("~70", "parameters", B), written("72", "parameters", B), Verdict.APPROXIMATE),
        (hedged("~70", "parameters", B), written("74", "parameters", B), Verdict.CONFLICT),
        (hedged("roughly 1", "tokens", T), written("1.55", "tokens", T), Verdict.CONFLICT),
        (hedged("approximately 4.2", "USD", B), written("4.4", "USD", B), Verdict.APPROXIMATE),
        (hedged("approximately 4.2", "USD", B), written("4.5", "USD", B), Verdict.CONFLICT),
        # "nearly", "almost", "just under" mean at most the figure as written, and reach
        # twice the margin below it
        (hedged("nearly 20", "tokens", T), written("22", "tokens", T), Verdict.CONFLICT),
        (hedged("nearly 20", "tokens", T), written("20.6", "tokens", T), Verdict.CONFLICT),
        (hedged("nearly 20", "tokens", T), written("18", "tokens", T), Verdict.APPROXIMATE),
        (hedged("nearly 20", "tokens", T), written("17", "tokens", T), Verdict.CONFLICT),
        (hedged("nearly 20", "tokens", T), written("20.4", "tokens", T), Verdict.ROUNDING),
        (hedged("almost 90", "%"), written("91.5", "%"), Verdict.CONFLICT),
        (hedged("almost 90", "%"), written("88.2", "%"), Verdict.APPROXIMATE),
        (hedged("almost 90", "%"), written("87.5", "%"), Verdict.CONFLICT),
        (hedged("just under 2", "USD", B), written("1.9", "USD", B), Verdict.ROUNDING),
        (hedged("just under 128", "GPUs"), written("122", "GPUs"), Verdict.APPROXIMATE),
        (hedged("just under 128", "GPUs"), written("130", "GPUs"), Verdict.CONFLICT),
        # "just over" means at least the figure
        (hedged("just over 400", "GPUs"), written("438", "GPUs"), Verdict.APPROXIMATE),
        (hedged("just over 400", "GPUs"), written("445", "GPUs"), Verdict.CONFLICT),
        (hedged("just over 400", "GPUs"), written("385", "GPUs"), Verdict.CONFLICT),
    ],
    ids=lambda x: x.surface if isinstance(x, Quantity) else str(x),
)
def test_hedge_rule(a: Quantity, b: Quantity, verdict: Verdict) -> None:
    assert compare_quantities(a, b) == verdict
    assert compare_quantities(b, a) == verdict


def test_a_hedge_reaches_the_larger_of_precision_and_margin_never_their_sum() -> None:
    about_37b = hedged("about 37", "parameters", B)
    assert (about_37b.low, about_37b.high) == pytest.approx((35.15 * B, 38.85 * B))
    about_53 = hedged("about 53", "%")
    assert (about_53.low, about_53.high) == (52.0, 54.0)
    roughly_2t = hedged("roughly 2", "tokens", T)
    assert (roughly_2t.low, roughly_2t.high) == (1.5 * T, 2.5 * T)
    nearly = hedged("nearly 20", "tokens", T)
    assert (nearly.low, nearly.high) == (18 * T, 20.5 * T)
    assert nearly.high == nearly.strict_high
    just_over = hedged("just over 400", "GPUs")
    assert (just_over.low, just_over.high) == (399.5, 440.0)
    # a hedge does not move an unhedged figure, nor the floor of one near zero
    assert written("0", "%").low == -0.5
    assert hedged("about 0.4", "%").low == 0.0  # never below zero for a positive figure


def test_range_is_never_a_conflict_with_a_value_inside_it() -> None:
    for inside in ("5", "6", "7", "9.5", "10"):
        assert compare_quantities(RANGE_5_10, written(inside, "%")) != Verdict.CONFLICT


def test_group_verdict_is_the_worst_pair() -> None:
    claims = [claim("a.txt", PCT_53), claim("b.txt", PCT_52_8), claim("c.txt", PCT_58_1)]
    assert group_verdict(claims) == Verdict.CONFLICT


# --- reconcile -------------------------------------------------------------------------


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [(f.id, f.verdict) for f in findings]
    return findings[0]


def test_two_sources_with_rounding(lex: Lexicon) -> None:
    f = only(
        reconcile(
            [
                claim("a.txt", PCT_53, metric="SWE-Bench Pro"),
                claim("b.txt", PCT_52_8, metric="SWE-Bench Pro"),
            ],
            lex,
        )
    )
    assert f.verdict == Verdict.ROUNDING
    assert f.source_count == 2


def test_two_sources_that_conflict(lex: Lexicon) -> None:
    f = only(reconcile([claim("a.txt", PARAMS_35B), claim("b.txt", PARAMS_40B)], lex))
    assert f.verdict == Verdict.CONFLICT


def test_a_source_that_contradicts_itself_is_a_conflict(lex: Lexicon) -> None:
    claims = [claim("a.txt", PARAMS_35B, line=3), claim("a.txt", PARAMS_40B, line=9)]
    f = only(reconcile(claims, lex))
    assert f.verdict == Verdict.CONFLICT
    assert f.source_count == 1
    assert len(f.claims) == 2


def test_single_mention_is_single_source(lex: Lexicon) -> None:
    f = only(reconcile([claim("a.txt", PARAMS_35B)], lex))
    assert f.verdict == Verdict.SINGLE_SOURCE


def test_same_figure_twice_in_one_source_is_single_source(lex: Lexicon) -> None:
    claims = [claim("a.txt", PARAMS_35B, line=3), claim("a.txt", PARAMS_35B, line=9)]
    f = only(reconcile(claims, lex))
    assert f.verdict == Verdict.SINGLE_SOURCE
    assert len(f.claims) == 2


def test_single_source_with_two_figures_says_so(lex: Lexicon) -> None:
    sentence = "MAI-Thinking-1 has 35B parameters and, in its sparse form, 40B parameters."
    claims = [
        claim_at("a.txt", 1, sentence, "35B", PARAMS_35B, metric="total parameters"),
        claim_at("a.txt", 1, sentence, "40B", PARAMS_40B, metric="total parameters"),
    ]
    f = only(reconcile(claims, lex))
    assert f.verdict == Verdict.SINGLE_SOURCE
    assert f.summary.startswith("Only one source reports this, and it gives 2 figures: ")


def test_same_figure_in_two_sources_agrees(lex: Lexicon) -> None:
    f = only(reconcile([claim("a.txt", PARAMS_35B), claim("b.txt", PARAMS_35B)], lex))
    assert f.verdict == Verdict.AGREE


def test_unqualified_aime_folds_into_the_year_it_agrees_with(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("97.0", "%"), metric="AIME", qualifier="2025", line=4),
        claim("a.txt", written("94.5", "%"), metric="AIME", qualifier="2026", line=4),
        claim("b.txt", written("97", "%"), metric="AIME", qualifier="", line=7),
    ]
    findings = {f.qualifier: f for f in reconcile(claims, lex)}
    assert set(findings) == {"2025", "2026"}
    y2025, y2026 = findings["2025"], findings["2026"]
    assert sorted(c.path for c in y2025.claims) == ["a.txt", "b.txt"]
    assert all(c.qualifier == "2025" for c in y2025.claims)
    assert y2025.verdict == Verdict.AGREE
    assert [c.quantity.value for c in y2026.claims] == [94.5]
    assert y2026.verdict == Verdict.SINGLE_SOURCE


def test_unqualified_figure_joins_the_only_year_even_when_it_disagrees(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("88.4", "%"), metric="AIME", qualifier="2025"),
        claim("b.txt", written("94.1", "%"), metric="AIME", qualifier=""),
    ]
    f = only(reconcile(claims, lex))
    assert (f.qualifier, f.verdict, f.source_count) == ("2025", Verdict.CONFLICT, 2)
    # ... and when it agrees, the same group, the same way
    claims[1] = claim("b.txt", written("88.4", "%"), metric="AIME", qualifier="")
    f = only(reconcile(claims, lex))
    assert (f.qualifier, f.verdict) == ("2025", Verdict.AGREE)


def test_unqualified_figure_its_own_source_tells_apart_stays_apart(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("88.4", "%"), metric="AIME", qualifier="2025"),
        claim("b.txt", written("88.4", "%"), metric="AIME", qualifier="2025"),
        claim("b.txt", written("71.0", "%"), metric="AIME", qualifier="", line=2),
    ]
    findings = {f.qualifier: f for f in reconcile(claims, lex)}
    assert findings["2025"].verdict == Verdict.AGREE
    assert findings[""].verdict == Verdict.SINGLE_SOURCE


def test_unqualified_figure_between_two_years_joins_only_the_one_it_fits(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("88.4", "%"), metric="AIME", qualifier="2025"),
        claim("a.txt", written("79.2", "%"), metric="AIME", qualifier="2026", line=2),
        claim("b.txt", written("94.1", "%"), metric="AIME", qualifier=""),
    ]
    findings = {f.qualifier: f for f in reconcile(claims, lex)}
    assert set(findings) == {"2025", "2026", ""}  # which year 94.1% is cannot be told
    assert all(f.verdict == Verdict.SINGLE_SOURCE for f in findings.values())


@pytest.mark.parametrize(
    ("metric", "qualifier", "unit"),
    [("models released", "in 2 months", "models"), ("AIME", "previous", "%")],
)
def test_a_scope_other_than_a_year_takes_only_figures_that_agree(
    metric: str, qualifier: str, unit: str, lex: Lexicon
) -> None:
    claims = [
        claim(
            "a.txt", written("10", unit), subject="Lumen Labs", metric=metric, qualifier=qualifier
        ),
        claim("b.txt", written("7", unit), subject="Lumen Labs", metric=metric),
    ]
    findings = {f.qualifier: f for f in reconcile(claims, lex)}
    assert set(findings) == {qualifier, ""}
    assert all(f.verdict == Verdict.SINGLE_SOURCE for f in findings.values())


def test_different_years_are_different_metrics_not_a_conflict(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("97.0", "%"), metric="AIME", qualifier="2025"),
        claim("b.txt", written("94.5", "%"), metric="AIME", qualifier="2026"),
    ]
    findings = reconcile(claims, lex)
    assert len(findings) == 2
    assert all(f.verdict != Verdict.CONFLICT for f in findings)


def test_different_subjects_are_not_a_conflict(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", PARAMS_35B, subject="MAI-Thinking-1"),
        claim("b.txt", written("5", "parameters", B), subject="MAI-Code-1-Flash"),
    ]
    findings = reconcile(claims, lex)
    assert sorted(f.subject for f in findings) == ["MAI-Code-1-Flash", "MAI-Thinking-1"]
    assert all(f.verdict == Verdict.SINGLE_SOURCE for f in findings)


def test_different_units_are_not_grouped(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", PARAMS_35B, metric="context window"),
        claim("b.txt", written("35", "tokens", B), metric="context window"),
    ]
    assert len(reconcile(claims, lex)) == 2


@pytest.mark.parametrize("variant", ["MAI Thinking 1", "AI-Thinking-1", "MAI-Thinking 1"])
def test_spellings_of_one_model_merge(variant: str, lex: Lexicon) -> None:
    claims = [
        claim("a.txt", PARAMS_35B, subject="MAI-Thinking-1"),
        claim("b.txt", PARAMS_35B, subject=variant),
        claim("c.txt", PARAMS_35B, subject="MAI-Thinking-1"),
    ]
    f = only(reconcile(claims, lex))
    assert f.verdict == Verdict.AGREE
    assert f.source_count == 3
    assert f.subject == "MAI-Thinking-1"  # the spelling most sources use
    assert {c.subject for c in f.claims} == {f.subject}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GPT-4o", "GPT-4o mini"),
        ("Llama 3.1 405B", "Llama 3.1 70B"),
        ("Claude Opus 4.6", "Claude Opus 4.5"),
        ("Gemini 2.5 Pro", "Gemini 2.5 Flash"),
        ("MAI-Image-2.5", "MAI-Image-2.5 Flash"),
        ("MAI-Thinking-1", "MAI-Code-1-Flash"),
    ],
)
def test_distinct_models_do_not_merge(first: str, second: str, lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("88.7", "%"), subject=first, metric="MMLU"),
        claim("b.txt", written("82.0", "%"), subject=second, metric="MMLU"),
    ]
    findings = reconcile(claims, lex)
    assert sorted(f.subject for f in findings) == sorted([first, second])
    assert all(f.verdict == Verdict.SINGLE_SOURCE for f in findings)


@pytest.mark.parametrize(
    "metric", ["tokens", "memory", "amount", "duration", "power", "countries", "images", "tasks"]
)
def test_a_metric_that_only_names_the_unit_lines_up_only_agreeing_figures(
    metric: str, lex: Lexicon
) -> None:
    # "a 2,000-token prompt" and "a 128K window" are two figures, not a contradiction; so
    # are "sold in nine countries" and "trained on data from 11 countries"
    units = {"memory": "GB", "amount": "USD", "duration": "days", "power": "MW"}
    unit = units.get(metric, metric)
    claims = [
        claim("a.txt", written("2", unit, K), subject="Lumo 3", metric=metric),
        claim("b.txt", written("128", unit, K), subject="Lumo 3", metric=metric),
        claim("c.txt", written("128", unit, K), subject="Lumo 3", metric=metric),
    ]
    findings = reconcile(claims, lex)
    assert [f.verdict for f in findings] == [Verdict.SINGLE_SOURCE, Verdict.AGREE]
    assert [f.id for f in findings] == [f"lumo-3/{metric}", f"lumo-3/{metric}~2"]


@pytest.mark.parametrize(
    ("right", "wrong", "scale", "unit", "metric"),
    [
        ("84", "8.4", M, "videos", "videos"),  # a slipped decimal point
        ("2,150", "21,500", 1.0, "companies", "companies"),  # an extra zero
        ("410", "41", K, "hours", "duration"),  # "410,000 hours" against "41,000 hours"
        ("1,240", "1,420", 1.0, "queries", "queries"),  # two neighbouring digits swapped
        ("3.25", "3.52", B, "tokens", "tokens"),
    ],
)
def test_a_slip_of_the_same_digits_is_a_conflict_under_a_unit_only_metric(
    right: str, wrong: str, scale: float, unit: str, metric: str, lex: Lexicon
) -> None:
    # under a metric that only names the unit, different figures are different facts,
    # but one whose digits are another's, miscopied, is that fact written wrong
    claims = [
        claim(path, written(digits, unit, scale), subject="Lumo 3", metric=metric)
        for path, digits in (("a.txt", right), ("b.txt", right), ("c.txt", wrong))
    ]
    finding = only(reconcile(claims, lex))
    assert finding.verdict == Verdict.CONFLICT
    assert finding.source_count == 3


@pytest.mark.parametrize(
    ("first", "second", "scale", "why"),
    [
        ("8", "80", 1.0, "one significant digit: too common apart"),
        ("12", "21", 1.0, "a swap of two digits: too common apart"),
        ("1,240", "1,204", 1.0, "not neighbours swapped"),
        ("1,240", "1,250", 1.0, "another digit, not a slip"),
        ("84", "84", 10 * B, "ten thousand times apart: not one slip"),
    ],
)
def test_figures_that_only_look_alike_stay_apart(
    first: str, second: str, scale: float, why: str, lex: Lexicon
) -> None:
    claims = [
        claim("a.txt", written(first, "videos"), subject="Lumo 3", metric="videos"),
        claim("b.txt", written(second, "videos", scale), subject="Lumo 3", metric="videos"),
    ]
    assert [f.verdict for f in reconcile(claims, lex)] == [Verdict.SINGLE_SOURCE] * 2, why


def test_a_source_giving_both_figures_is_no_slip(lex: Lexicon) -> None:
    # "8.4 million clips this quarter, 84 million in all": two facts, not a slip
    claims = [
        claim("a.txt", written("8.4", "videos", M), subject="Lumo 3", metric="videos"),
        claim("a.txt", written("84", "videos", M), subject="Lumo 3", metric="videos", line=2),
        claim("b.txt", written("84", "videos", M), subject="Lumo 3", metric="videos"),
    ]
    assert [f.verdict for f in reconcile(claims, lex)] == [Verdict.SINGLE_SOURCE, Verdict.AGREE]


def test_a_hedged_figure_is_no_slip(lex: Lexicon) -> None:
    hedged = replace(written("8.4", "videos", M), approx=True)
    claims = [
        claim("a.txt", hedged, subject="Lumo 3", metric="videos"),
        claim("b.txt", written("84", "videos", M), subject="Lumo 3", metric="videos"),
    ]
    assert Verdict.CONFLICT not in [f.verdict for f in reconcile(claims, lex)]


def test_a_unit_only_slip_joins_the_named_metric_of_other_sources(lex: Lexicon) -> None:
    # "an annual licence of $9,500" twice, and "$95,000" (amount) in a third source
    claims = [
        claim("a.txt", written("9,500", "USD"), subject="Lumo 3", metric="price"),
        claim("b.txt", written("9,500", "USD"), subject="Lumo 3", metric="price"),
        claim("c.txt", written("95,000", "USD"), subject="Lumo 3", metric="amount"),
    ]
    finding = only(reconcile(claims, lex))
    assert (finding.metric, finding.verdict) == ("price", Verdict.CONFLICT)


def test_a_unit_only_figure_joins_the_one_named_metric_it_agrees_with(lex: Lexicon) -> None:
    # "read 128K tokens" (tokens) and "a 128K context window"
    claims = [
        claim("a.txt", written("128", "tokens", K), subject="Lumo 3", metric="context window"),
        claim("b.txt", written("128", "tokens", K), subject="Lumo 3", metric="tokens"),
        claim("c.txt", written("2", "tokens", K), subject="Lumo 3", metric="tokens"),
    ]
    findings = reconcile(claims, lex)
    assert [(f.metric, f.verdict, f.source_count) for f in findings] == [
        ("tokens", Verdict.SINGLE_SOURCE, 1),
        ("context window", Verdict.AGREE, 2),
    ]


def test_a_count_of_its_own_still_conflicts(lex: Lexicon) -> None:
    # "will house 100,000 GPUs" against "120,000 GPUs"
    claims = [
        claim("a.txt", written("100,000", "GPUs"), subject="Lumo 3", metric="GPUs"),
        claim("b.txt", written("120,000", "GPUs"), subject="Lumo 3", metric="GPUs"),
    ]
    assert only(reconcile(claims, lex)).verdict == Verdict.CONFLICT


def test_a_named_metric_still_conflicts(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("2", "tokens", K), metric="context window"),
        claim("b.txt", written("128", "tokens", K), metric="context window"),
    ]
    assert only(reconcile(claims, lex)).verdict == Verdict.CONFLICT


@pytest.mark.parametrize("versioned", ["Quillon-2", "Quillon 2.5 Pro", "Orbis V3"])
def test_a_name_without_its_version_joins_the_one_versioned_name(
    versioned: str, lex: Lexicon
) -> None:
    unversioned = " ".join(w for w in versioned.replace("-", " ").split() if w[0].isalpha())
    unversioned = " ".join(w for w in unversioned.split() if not w[1:].isdigit())
    claims = [
        claim("a.txt", written("128", "tokens", K), subject=versioned, metric="context window"),
        claim("b.txt", written("200", "tokens", K), subject=unversioned, metric="context window"),
    ]
    f = only(reconcile(claims, lex))
    assert f.subject == versioned
    assert f.verdict == Verdict.CONFLICT


def test_a_name_without_its_version_stays_apart_when_two_versions_are_named(
    lex: Lexicon,
) -> None:
    claims = [
        claim("a.txt", written("128", "tokens", K), subject="Quillon-1", metric="context window"),
        claim("b.txt", written("200", "tokens", K), subject="Quillon-2", metric="context window"),
        claim("c.txt", written("256", "tokens", K), subject="Quillon", metric="context window"),
    ]
    findings = reconcile(claims, lex)
    assert sorted(f.subject for f in findings) == ["Quillon", "Quillon-1", "Quillon-2"]
    assert all(f.verdict == Verdict.SINGLE_SOURCE for f in findings)


@pytest.mark.parametrize("tiered", ["Chorus 2 Listen", "Velkin-3 Grand", "Orrin 5 Keel"])
def test_a_lone_tier_word_joins_the_one_name_that_ends_in_it(tiered: str, lex: Lexicon) -> None:
    tier = tiered.split(" ")[-1]
    claims = [
        claim("a.txt", written("48", "languages"), subject=tiered, metric="languages"),
        claim("b.txt", written("84", "languages"), subject=tier, metric="languages"),
    ]
    f = only(reconcile(claims, lex))
    assert f.subject == tiered
    assert f.verdict == Verdict.CONFLICT


def test_a_lone_tier_word_stays_apart_when_two_versions_end_in_it(lex: Lexicon) -> None:
    claims = [
        claim("a.txt", written("48", "languages"), subject="Chorus 2 Listen", metric="languages"),
        claim("b.txt", written("30", "languages"), subject="Chorus 1 Listen", metric="languages"),
        claim("c.txt", written("84", "languages"), subject="Listen", metric="languages"),
    ]
    assert sorted(f.subject for f in reconcile(claims, lex)) == [
        "Chorus 1 Listen",
        "Chorus 2 Listen",
        "Listen",
    ]


def test_a_count_per_container_conflicts_though_the_bare_count_never_does(lex: Lexicon) -> None:
    per_rack = [
        claim("a.txt", written("64", "chips"), metric="chips", qualifier="per rack"),
        claim("b.txt", written("72", "chips"), metric="chips", qualifier="per rack"),
    ]
    assert only(reconcile(per_rack, lex)).verdict == Verdict.CONFLICT
    bare = [replace(c, qualifier="") for c in per_rack]
    assert all(f.verdict == Verdict.SINGLE_SOURCE for f in reconcile(bare, lex))


def test_findings_are_sorted_most_severe_first(lex: Lexicon) -> None:
    # The least severe groups come first in path order, so only the verdict sort can fix it.
    claims = [
        claim("a.txt", written("90", "%"), metric="MMLU", line=1),
        claim("b.txt", written("90", "%"), metric="MMLU", line=1),
        claim("a.txt", TOKENS_256K, metric="context window", line=2),
        claim("b.txt", OVER_15T, metric="training tokens", line=3),
        claim("c.txt", TOKENS_15_6T, metric="training tokens", line=3),
        claim("c.txt", PCT_53, metric="SWE-Bench Pro", line=4),
        claim("d.txt", PCT_52_8, metric="SWE-Bench Pro", line=4),
        claim("y.txt", PARAMS_35B, line=5),
        claim("z.txt", PARAMS_40B, line=5),
    ]
    findings = reconcile(claims, lex)
    assert [f.verdict for f in findings] == [
        Verdict.CONFLICT,
        Verdict.ROUNDING,
        Verdict.APPROXIMATE,
        Verdict.SINGLE_SOURCE,
        Verdict.AGREE,
    ]
    ranks = [f.verdict.rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    assert reconcile(list(reversed(claims)), lex) == findings


def test_claims_in_a_finding_are_in_report_order(lex: Lexicon) -> None:
    claims = [
        claim("b.txt", PCT_52_8, metric="SWE-Bench Pro", line=2),
        claim("a.txt", PCT_53, metric="SWE-Bench Pro", line=9),
        claim("a.txt", PCT_53, metric="SWE-Bench Pro", line=1),
    ]
    f = only(reconcile(claims, lex))
    assert [(c.path, c.line) for c in f.claims] == [("a.txt", 1), ("a.txt", 9), ("b.txt", 2)]


def test_reconcile_of_nothing_is_nothing(lex: Lexicon) -> None:
    assert reconcile([], lex) == []


def test_binary_reading_of_a_scale_word(lex: Lexicon) -> None:
    million = as_read(1e6, "tokens", 0.5e6, surface="one million")
    assert binary_reading(million, lex).alternatives == (1048576.0,)
    thousand = written("128", "tokens", K)
    assert binary_reading(replace(thousand, surface="128 thousand"), lex).alternatives == (
        131072.0,
    )
    # digits, another unit, a range, or a figure that already has its reading: unchanged
    for q in (
        written("1,000,000", "tokens"),
        as_read(1e6, "GPU hours", 0.5e6, surface="one million"),
        as_read(0, "tokens", 0.5e6, bound=Bound.RANGE, low=1e6, high=2e6, surface="1-2 million"),
        TOKENS_256K,
    ):
        assert binary_reading(q, lex) == q


@given(
    st.integers(min_value=1, max_value=10**7),
    st.integers(min_value=1, max_value=10**7),
    st.integers(min_value=-3, max_value=3),
)
def test_a_slip_is_symmetric_and_never_the_same_figure(a: int, b: int, shift: int) -> None:
    x = as_read(float(a), "videos", 0.5)
    y = as_read(float(b) * 10.0**shift, "videos", 0.5)
    assert slipped(x, y) == slipped(y, x)
    assert not slipped(x, x)
    if a >= 10 and a % 10 and shift:  # two or more significant digits, moved
        assert slipped(x, as_read(float(a) * 10.0**shift, "videos", 0.5))
