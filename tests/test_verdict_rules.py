"""Verdict rules end to end: two articles' sentences about one figure -> the verdict.

Each case is one sentence per article about an invented launch; the extractor reads
them and the reconciler must line the two figures up in one finding with the verdict
the README's rules give ("How it reads a figure").
"""

from __future__ import annotations

import pytest

from claimcheck.explain import explain
from claimcheck.extract import extract_claims
from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.models import Finding, Source, Verdict
from claimcheck.reconcile import reconcile


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def compare(lex: Lexicon, *sentences: str) -> list[Finding]:
    """Findings for one article per sentence."""
    claims = [
        c
        for i, text in enumerate(sentences)
        for c in extract_claims(Source.from_text(f"{chr(97 + i)}.txt", text + "\n"), lex)
    ]
    return reconcile(claims, lex)


def one_verdict(lex: Lexicon, *sentences: str) -> Verdict:
    findings = compare(lex, *sentences)
    assert len(findings) == 1, [(f.id, f.verdict.value, f.summary) for f in findings]
    assert findings[0].source_count == len(sentences)
    return findings[0].verdict


HEDGES = [
    # the hedge on a percentage score is a point, not 10% of the score
    (
        "Quill-4 scores about 53% on SWE-Bench Verified.",
        "Quill-4 scores 58.5% on SWE-Bench Verified.",
        Verdict.CONFLICT,
    ),
    (
        "Ardent-2 scores roughly 71% on GPQA Diamond.",
        "Ardent-2 scores 71.8% on GPQA Diamond.",
        Verdict.APPROXIMATE,
    ),
    (
        "Ardent-2 scores roughly 71% on GPQA Diamond.",
        "Ardent-2 scores 73.5% on GPQA Diamond.",
        Verdict.CONFLICT,
    ),
    # rounding alone explains it: the hedge is not needed, so it is not approximate
    (
        "Quill-4 scores about 53% on SWE-Bench Verified.",
        "Quill-4 scores 52.8% on SWE-Bench Verified.",
        Verdict.ROUNDING,
    ),
    (
        "Brisa-1 was trained on roughly 1 trillion tokens.",
        "Brisa-1 was trained on 1.2 trillion tokens.",
        Verdict.ROUNDING,
    ),
    # the margin is not stacked on a one-significant-digit precision
    (
        "Brisa-1 was trained on roughly 1 trillion tokens.",
        "Brisa-1 was trained on 1.55 trillion tokens.",
        Verdict.CONFLICT,
    ),
    (
        "Orrin-5 has about 37B active parameters.",
        "Orrin-5 has 33B active parameters.",
        Verdict.CONFLICT,
    ),
    (
        "Orrin-5 has about 37B active parameters.",
        "Orrin-5 has 36B active parameters.",
        Verdict.APPROXIMATE,
    ),
    (
        "Tamsin-3 has around 120 billion parameters.",
        "Tamsin-3 has 124 billion parameters.",
        Verdict.APPROXIMATE,
    ),
    # "nearly" and "almost" are at most the figure
    (
        "Corvid-9 was trained on nearly 20 trillion tokens.",
        "Corvid-9 was trained on 22 trillion tokens.",
        Verdict.CONFLICT,
    ),
    (
        "Corvid-9 was trained on nearly 20 trillion tokens.",
        "Corvid-9 was trained on 18 trillion tokens.",
        Verdict.APPROXIMATE,
    ),
    (
        "Corvid-9 was trained on nearly 20 trillion tokens.",
        "Corvid-9 was trained on 16.5 trillion tokens.",
        Verdict.CONFLICT,
    ),
    (
        "Pallas-2 costs just under $2.00 per million input tokens.",
        "Pallas-2 costs $2.10 per million input tokens.",
        Verdict.CONFLICT,
    ),
    (
        "Pallas-2 costs just under $2.00 per million input tokens.",
        "Pallas-2 costs $1.85 per million input tokens.",
        Verdict.APPROXIMATE,
    ),
    ("Lumo-2 scores almost 90% on MMLU.", "Lumo-2 scores 91.2% on MMLU.", Verdict.CONFLICT),
    ("Lumo-2 scores almost 90% on MMLU.", "Lumo-2 scores 88.4% on MMLU.", Verdict.APPROXIMATE),
]


@pytest.mark.parametrize(("first", "second", "verdict"), HEDGES)
def test_hedges(lex: Lexicon, first: str, second: str, verdict: Verdict) -> None:
    assert one_verdict(lex, first, second) == verdict
    assert one_verdict(lex, second, first) == verdict


def test_explain_states_the_hedge_rule_for_the_findings_unit(lex: Lexicon) -> None:
    pct = compare(lex, "Quill-4 scores about 53% on MMLU.", "Quill-4 scores 53.9% on MMLU.")
    params = compare(lex, "Orrin-5 has about 37B parameters.", "Orrin-5 has 36B parameters.")
    assert "the larger of its precision and 1 point;" in explain(pct[0], pct[0].claims, lex)
    text = explain(params[0], params[0].claims, lex)
    assert "the larger of its precision and 5% of its value;" in text
    assert '"nearly" only downwards, by twice that' in text


BINARY = [
    # a scale word admits the power-of-two reading for token counts, as "1M" does
    (
        "Zephyr-2 has a context window of one million tokens.",
        "Zephyr-2 has a context window of 1,048,576 tokens.",
        Verdict.AGREE,
    ),
    (
        "Zephyr-2 has a context window of 1M tokens.",
        "Zephyr-2 has a context window of 1,048,576 tokens.",
        Verdict.AGREE,
    ),
    (
        "Zephyr-2 has a context window of one million tokens.",
        "Zephyr-2 has a context window of 1M tokens.",
        Verdict.AGREE,
    ),
    (
        "Zephyr-2 has a context window of one million tokens.",
        "Zephyr-2 has a context window of 1,000,000 tokens.",
        Verdict.AGREE,
    ),
    (
        "Kite-7 offers a one-million-token context window.",
        "Kite-7 has a context window of 1,048,576 tokens.",
        Verdict.AGREE,
    ),
    (
        "Marlow-3 has a context window of 1.5 million tokens.",
        "Marlow-3 has a context window of 1,572,864 tokens.",
        Verdict.AGREE,
    ),
    (
        "Ostra-1 has a context window of 128 thousand tokens.",
        "Ostra-1 has a context window of 131,072 tokens.",
        Verdict.AGREE,
    ),
    # the reading is one more figure the words admit, not a tolerance
    (
        "Zephyr-2 has a context window of one million tokens.",
        "Zephyr-2 has a context window of 1,040,000 tokens.",
        Verdict.ROUNDING,
    ),
    # other units keep the decimal reading only
    (
        "Fenna-4 was trained with 2 million GPU hours.",
        "Fenna-4 was trained with 2,097,152 GPU hours.",
        Verdict.ROUNDING,
    ),
]


# Trailing zeros: a figure of two or more significant digits ending in zeros may be
# rounded at its last non-zero digit; one of a single significant digit is as written.
TRAILING_ZEROS = [
    ("Kiva-1 has 8,400 GitHub stars.", "Kiva-1 has 8,412 GitHub stars.", Verdict.ROUNDING),
    ("Kiva-1 has 8,400 GitHub stars.", "Kiva-1 has 8,460 GitHub stars.", Verdict.CONFLICT),
    ("Tarn-2 was trained on 1,500 GPUs.", "Tarn-2 was trained on 1,536 GPUs.", Verdict.ROUNDING),
    ("Tarn-2 was trained on 2,000 GPUs.", "Tarn-2 was trained on 2,048 GPUs.", Verdict.CONFLICT),
    ("Tarn-2 used 120,000 GPUs.", "Tarn-2 used 100,000 GPUs.", Verdict.CONFLICT),
    (
        "Lyre-3 has a time to first token of 350 ms.",
        "Lyre-3 has a time to first token of 354 ms.",
        Verdict.ROUNDING,
    ),
    (
        "Lyre-3 has a time to first token of 350 ms.",
        "Lyre-3 has a time to first token of 356 ms.",
        Verdict.CONFLICT,
    ),
    # the zeros after a decimal point are written precision, not rounding
    ("Lyre-3 scores 71.30% on MMLU.", "Lyre-3 scores 71.34% on MMLU.", Verdict.CONFLICT),
    (
        "Kiva-1 was trained for 1.20 million GPU hours.",
        "Kiva-1 was trained for 1.24 million GPU hours.",
        Verdict.CONFLICT,
    ),
    (
        "Kiva-1 was trained for 1.2 million GPU hours.",
        "Kiva-1 was trained for 1.24 million GPU hours.",
        Verdict.ROUNDING,
    ),
    # 35B and 37B are both as precise as written: still a contradiction
    ("Orrin-5 has 35B parameters.", "Orrin-5 has 37B parameters.", Verdict.CONFLICT),
]


@pytest.mark.parametrize(("first", "second", "verdict"), TRAILING_ZEROS)
def test_trailing_zeros(lex: Lexicon, first: str, second: str, verdict: Verdict) -> None:
    assert one_verdict(lex, first, second) == verdict
    assert one_verdict(lex, second, first) == verdict


@pytest.mark.parametrize(("first", "second", "verdict"), BINARY)
def test_binary_readings(lex: Lexicon, first: str, second: str, verdict: Verdict) -> None:
    assert one_verdict(lex, first, second) == verdict
    assert one_verdict(lex, second, first) == verdict


def test_a_list_in_one_sentence_is_not_a_self_contradiction(lex: Lexicon) -> None:
    """Sizes listed together ("family: 70B, 405B and a 2T giant") are variants of a
    name the sentence does not split; written apart, the same figures do conflict."""
    listed = compare(lex, "Heron 4 family: 70B, 405B and a 2T giant, all open weights.")
    assert [f.verdict for f in listed] == [Verdict.SINGLE_SOURCE]
    apart = compare(lex, "Heron 4 has 70B parameters. Later, Heron 4 has 405B parameters.")
    assert [f.verdict for f in apart] == [Verdict.CONFLICT]


def test_a_figure_from_elsewhere_is_set_against_a_list_as_a_whole(lex: Lexicon) -> None:
    """One outlet lists a figure per family member under one subject ("HumanEval: 48.2 /
    74.6 / 88.4"); another gives one of them: that agrees with the list, it does not
    contradict the other members. A figure matching no member still conflicts."""
    listing = "Kestrel-3 HumanEval: 48.2%, 74.6% and 88.4% across the family."
    findings = compare(lex, listing, "Kestrel-3 scores 74.6% on HumanEval.")
    assert Verdict.CONFLICT not in [f.verdict for f in findings]
    assert one_verdict(lex, listing, "Kestrel-3 scores 76.1% on HumanEval.") == Verdict.CONFLICT


def test_figures_kept_apart_by_a_list_are_never_one_agreeing_finding(lex: Lexicon) -> None:
    """A finding called agree holds one figure: the list's other members, never set
    against the rest, are findings of their own (single-source here), so an editor who
    hides agreeing findings hides no figure that differs ("5 sources agree: 36 billion,
    412 billion" would)."""
    listing = "Kestrel-3 HumanEval: 48.2%, 74.6% and 88.4% across the family."
    findings = compare(lex, listing, "Kestrel-3 scores 74.6% on HumanEval.")
    verdicts = {f.claims[0].quote: f.verdict for f in findings}
    assert verdicts == {
        "48.2%": Verdict.SINGLE_SOURCE,
        "74.6%": Verdict.AGREE,
        "88.4%": Verdict.SINGLE_SOURCE,
    }
    agreeing = [f for f in findings if f.verdict == Verdict.AGREE]
    assert all(len({c.quantity.value for c in f.claims}) == 1 for f in agreeing)


def test_explain_gives_the_reason_a_verdict_sets_no_pair_against_another(lex: Lexicon) -> None:
    """explain's "why" judges the pairs the verdict judged: a pair the list rule keeps
    apart is said to be kept apart, not called a conflict."""
    listing = "Kestrel-3 HumanEval: 48.2%, 74.6% and 88.4% across the family."
    (finding,) = compare(lex, listing)
    assert finding.verdict == Verdict.SINGLE_SOURCE
    why = explain(finding, finding.claims, lex).split("why:")[1]
    assert "conflict" not in why
    assert why.count("not set against each other") == 3  # each pair of the three


def test_figures_of_an_options_metric_never_conflict(lex: Lexicon) -> None:
    """Quantization bits are options a model is offered in (metrics.yaml `options`):
    4-bit weights in one outlet and 8-bit in another are two findings, not a conflict."""
    findings = compare(
        lex, "Orla 2 ships with 4-bit quantization.", "Orla 2 ships with 8-bit quantization."
    )
    assert [f.verdict for f in findings] == [Verdict.SINGLE_SOURCE, Verdict.SINGLE_SOURCE]


def test_figures_no_source_attributes_never_conflict(lex: Lexicon) -> None:
    """Two outlets' figures whose subject neither names can be anyone's (a rival app, a
    campus the vocabulary lacks): two findings, not a conflict under an empty subject."""
    findings = compare(
        lex,
        "The campus will create 320 permanent jobs.",
        "Rival projects promise 900 permanent jobs.",
    )
    assert [f.verdict for f in findings] == [Verdict.SINGLE_SOURCE, Verdict.SINGLE_SOURCE]


def test_a_self_contradiction_does_not_depend_on_line_wrapping(lex: Lexicon) -> None:
    """One sentence is one sentence wherever its lines wrap."""
    one_line = "Kelso-4 scores 71% on MMLU and, in later testing, 75% on MMLU."
    wrapped = "Kelso-4 scores 71% on MMLU and, in later testing,\n75% on MMLU."
    assert one_verdict(lex, one_line) == one_verdict(lex, wrapped)


def test_a_dated_snapshot_is_its_model(lex: Lexicon) -> None:
    """Release notes name a snapshot ("tessaly-4-max-2025-06-30"), news the model."""
    assert (
        one_verdict(
            lex,
            "tessaly-4-max-2025-06-30 scores 81.27% on MMLU-Pro.",
            "Tessaly 4 Max scores 81.3% on MMLU-Pro.",
        )
        == Verdict.ROUNDING
    )


def test_a_figure_joins_a_more_narrowly_scoped_group_it_fits(lex: Lexicon) -> None:
    """'AIME 2025 93%' and 'AIME 2025 92.7% at high effort' are one figure, rounded."""
    assert (
        one_verdict(
            lex,
            "Sorrel-3 scores 92.7% on AIME 2025 at high effort.",
            "Sorrel-3 scores 93% on AIME 2025.",
        )
        == Verdict.ROUNDING
    )


def test_durations_are_counted_in_seconds(lex: Lexicon) -> None:
    """Minutes and hours are counted in seconds: a figure written in the wrong unit
    conflicts with the right one, and one written in another unit agrees with it."""
    wrong = compare(
        lex,
        "Lumenfall 2 generates clips of up to 16 seconds.",
        "Lumenfall 2 generates clips of up to 16 minutes.",
    )
    assert [f.verdict for f in wrong] == [Verdict.CONFLICT]
    same = compare(
        lex,
        "Orla 3 was trained on 2 hours of audio.",
        "Orla 3 was trained on 120 minutes of audio.",
    )
    assert [f.verdict for f in same] == [Verdict.AGREE]
