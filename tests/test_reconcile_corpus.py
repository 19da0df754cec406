"""`compare` on a small launch corpus (tests/fixtures/launch/): every verdict, one by one.

The corpus is five articles about a fictional launch, Aurora Labs' Vega-3 and Vega-3 Mini.
Each case below is written into the prose on purpose:

| what                                   | where                       | verdict       |
|----------------------------------------|-----------------------------|---------------|
| total parameters 405B, 405B vs 450B    | a:9, b:5 ("Vega 3"), c:3    | conflict      |
| context window 128K then 200K          | d:3, d:7 (one article)      | conflict      |
| SWE-bench Verified 61.3% vs 61%        | a:19, b:10, c:12            | rounding      |
| AIME 2025 79.2% and unqualified 79%    | a:19, b:11                  | rounding      |
| AIME 2024 86.1% (79% must not join)    | a:19                        | single-source |
| 15.6 trillion vs over 15 trillion      | a:15, b:8                   | approximate   |
| $5.58 million vs less than $6 million  | a:15, c:9                   | approximate   |
| 37B active, twice in a + once in c     | a:9, a:23, c:6              | agree, 2 srcs |
| Vega-3 Mini 24B (not Vega-3's 405B)    | a:9, b:13                   | agree         |
| Vega-3 Mini 128K vs 131,072 tokens     | a:11, b:14, d:9             | agree         |
| input $0.90 / output $2.70 per million | a:23, b:16, e:6 ("Vega 3")  | agree (two)   |
| Vega-3 Mini input $0.15 per million    | d:9, e:9                    | agree         |

a and d keep each paragraph on one line (as a CMS export does); b, c and e are
hard-wrapped plain text, as a wire copy or a Markdown source is.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from claimcheck.cli import app

CORPUS = "tests/fixtures/launch/"
A = CORPUS + "a_aurora_blog.md"
B = CORPUS + "b_techwire_review.txt"
C = CORPUS + "c_ledger_leak.md"
D = CORPUS + "d_newsletter.txt"
E = CORPUS + "e_wire_brief.txt"

Doc = dict[str, Any]
Mention = tuple[str, int, float]  # (path, line, value)


def invoke(*args: str) -> Result:
    """Run the CLI, ignoring any configuration file so the defaults are the defaults."""
    result = CliRunner().invoke(app, [*args, "--isolated"])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


@pytest.fixture(scope="module")
def at_root(repo_root_path: Path) -> Iterator[Path]:
    """Run from the repository root so paths in the report are tests/fixtures/launch/..."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(repo_root_path)
        mp.delenv("CLAIMCHECK_CONFIG", raising=False)
        yield repo_root_path


@pytest.fixture(scope="module")
def repo_root_path() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compared(at_root: Path) -> tuple[Result, Doc]:
    result = invoke("compare", CORPUS, "--format", "json")
    return result, json.loads(result.stdout)


@pytest.fixture(scope="module")
def doc(compared: tuple[Result, Doc]) -> Doc:
    return compared[1]


@pytest.fixture(scope="module")
def extracted(at_root: Path) -> Doc:
    result = invoke("extract", CORPUS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    parsed: Doc = json.loads(result.stdout)
    return parsed


def finding(doc: Doc, subject: str, metric: str, qualifier: str = "") -> Doc:
    """The one finding for (subject, metric, qualifier); fails if there is none or several."""
    found: list[Doc] = [
        f
        for f in doc["findings"]
        if (f["subject"], f["metric"], f["qualifier"]) == (subject, metric, qualifier)
    ]
    assert len(found) == 1, (subject, metric, qualifier, [f["id"] for f in doc["findings"]])
    return found[0]


def mentions(f: Doc) -> list[Mention]:
    return sorted((c["path"], c["line"], c["value"]) for c in f["claims"])


# --- the verdicts, one by one -----------------------------------------------------------

VERDICTS: list[tuple[str, str, str, str, list[Mention], int]] = [
    (
        "Vega-3",
        "total parameters",
        "",
        "conflict",
        [(A, 9, 405e9), (B, 5, 405e9), (C, 3, 450e9)],
        3,
    ),
    ("Vega-3", "context window", "", "conflict", [(D, 3, 128_000), (D, 7, 200_000)], 1),
    (
        "Vega-3",
        "SWE-Bench Verified",
        "",
        "rounding",
        [(A, 19, 61.3), (B, 10, 61), (C, 12, 61.3)],
        3,
    ),
    ("Vega-3", "AIME", "2025", "rounding", [(A, 19, 79.2), (B, 11, 79)], 2),
    ("Vega-3", "AIME", "2024", "single-source", [(A, 19, 86.1)], 1),
    ("Vega-3", "training tokens", "", "approximate", [(A, 15, 15.6e12), (B, 8, 15e12)], 2),
    ("Vega-3", "training cost", "", "approximate", [(A, 15, 5.58e6), (C, 9, 6e6)], 2),
    (
        "Vega-3",
        "active parameters",
        "",
        "agree",
        [(A, 9, 37e9), (A, 23, 37e9), (C, 6, 37e9)],
        2,
    ),
    ("Vega-3 Mini", "total parameters", "", "agree", [(A, 9, 24e9), (B, 13, 24e9)], 2),
    (
        "Vega-3 Mini",
        "context window",
        "",
        "agree",
        [(A, 11, 128_000), (B, 14, 131_072), (D, 9, 128_000)],
        3,
    ),
    ("Vega-3", "input price", "", "agree", [(A, 23, 0.9), (B, 16, 0.9), (E, 6, 0.9)], 3),
    ("Vega-3", "output price", "", "agree", [(A, 23, 2.7), (E, 6, 2.7)], 2),
    ("Vega-3 Mini", "input price", "", "agree", [(D, 9, 0.15), (E, 9, 0.15)], 2),
]


@pytest.mark.parametrize(
    ("subject", "metric", "qualifier", "verdict", "expected", "sources"),
    VERDICTS,
    ids=[f"{s}/{m}@{q}" if q else f"{s}/{m}" for s, m, q, *_ in VERDICTS],
)
def test_verdict(
    doc: Doc,
    subject: str,
    metric: str,
    qualifier: str,
    verdict: str,
    expected: list[Mention],
    sources: int,
) -> None:
    f = finding(doc, subject, metric, qualifier)
    assert f["verdict"] == verdict, f["summary"]
    assert mentions(f) == sorted(expected)
    assert f["sources"] == sources
    assert {c["subject"] for c in f["claims"]} == {subject}
    assert {c["qualifier"] for c in f["claims"]} == {qualifier}


def test_severities_follow_verdicts(doc: Doc) -> None:
    severity = {
        "conflict": "error",
        "rounding": "warning",
        "approximate": "info",
        "single-source": "info",
        "agree": "ok",
    }
    assert doc["findings"]
    for f in doc["findings"]:
        assert f["severity"] == severity[f["verdict"]], f["id"]


def test_cross_source_conflict_summary_counts_sources(doc: Doc) -> None:
    f = finding(doc, "Vega-3", "total parameters")
    assert f["summary"] == "Sources disagree: 405 billion (2 sources) vs 450 billion (1 source)"
    assert f["consensus"] == 405e9


def test_self_contradiction_is_named_as_such(doc: Doc) -> None:
    f = finding(doc, "Vega-3", "context window")
    assert f["summary"] == "One source contradicts itself: 128K (1 source) vs 200K-token (1 source)"
    assert {c["path"] for c in f["claims"]} == {D}


def test_rounding_summary(doc: Doc) -> None:
    f = finding(doc, "Vega-3", "SWE-Bench Verified")
    assert f["summary"] == "Figures differ only by rounding: 61.3% (2 sources) vs 61% (1 source)"


@pytest.mark.parametrize(
    ("metric", "bounded"),
    [("training tokens", (B, 8, ">", 15e12, None)), ("training cost", (C, 9, "<", 0, 6e6))],
)
def test_bounds_are_read_as_bounds(
    doc: Doc, metric: str, bounded: tuple[str, int, str, float, float | None]
) -> None:
    f = finding(doc, "Vega-3", metric)
    assert f["summary"].startswith("Figures agree only through a hedge or bound: ")
    bound = [(c["path"], c["line"], c["bound"], c["low"], c["high"]) for c in f["claims"]]
    exact = [c for c in f["claims"] if c["bound"] == "="]
    assert bounded in bound
    assert len(exact) == 1 and exact[0]["path"] == A


def test_exit_1_under_the_default_fail_on(compared: tuple[Result, Doc]) -> None:
    result, doc = compared
    assert result.exit_code == 1, result.stderr
    assert doc["summary"]["verdicts"]["conflict"] == 2


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("conflict", 1), ("rounding", 1), ("approximate", 1), ("never", 0)],
)
def test_exit_codes(at_root: Path, fail_on: str, code: int) -> None:
    result = invoke("compare", CORPUS, "--format", "json", "--fail-on", fail_on)
    assert result.exit_code == code, result.stderr


def test_without_the_conflicting_articles_default_exit_is_0(at_root: Path) -> None:
    """Leave out the leak (450B) and the self-contradicting newsletter: no conflict is left."""
    result = invoke("compare", A, B, E, "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 0, [(f["id"], f["verdict"]) for f in doc["findings"]]
    assert finding(doc, "Vega-3", "total parameters")["verdict"] == "agree"


# --- corroboration counts sources, not mentions ------------------------------------------


def test_a_figure_repeated_in_one_article_counts_once(doc: Doc) -> None:
    f = finding(doc, "Vega-3", "active parameters")
    assert len(f["claims"]) == 3
    assert f["sources"] == 2
    assert f["summary"] == "2 sources agree: 37 billion"


def test_one_article_alone_is_single_source_however_often_it_repeats(at_root: Path) -> None:
    result = invoke("compare", A, "--format", "json")
    doc = json.loads(result.stdout)
    f = finding(doc, "Vega-3", "active parameters")
    assert len(f["claims"]) == 2
    assert f["verdict"] == "single-source"
    assert f["sources"] == 1


# --- look-alike names stay apart; spelling variants merge --------------------------------


def test_vega_3_and_vega_3_mini_stay_separate(doc: Doc) -> None:
    big = finding(doc, "Vega-3", "total parameters")
    mini = finding(doc, "Vega-3 Mini", "total parameters")
    assert 24e9 not in {c["value"] for c in big["claims"]}
    assert {c["value"] for c in mini["claims"]} == {24e9}
    window = {(c["path"], c["line"]) for c in finding(doc, "Vega-3", "context window")["claims"]}
    assert (D, 9) not in window
    mini_window = finding(doc, "Vega-3 Mini", "context window")["claims"]
    assert (D, 3) not in {(c["path"], c["line"]) for c in mini_window}


def test_spelling_variant_is_written_as_such(extracted: Doc) -> None:
    written = {(c["path"], c["line"], c["quote"]): c["subject"] for c in extracted["claims"]}
    assert written[(B, 5, "405 billion")] == "Vega 3"
    assert written[(E, 6, "$0.90 per million input tokens")] == "Vega 3"


def test_spelling_variant_merges(doc: Doc) -> None:
    subjects = {f["subject"] for f in doc["findings"]}
    assert "Vega 3" not in subjects
    assert {"Vega-3", "Vega-3 Mini"} <= subjects
    assert (B, 5, 405e9) in mentions(finding(doc, "Vega-3", "total parameters"))
    assert (E, 6, 0.9) in mentions(finding(doc, "Vega-3", "input price"))
    assert (E, 6, 2.7) in mentions(finding(doc, "Vega-3", "output price"))


# --- neighbouring metrics stay apart ----------------------------------------------------


def test_active_and_total_parameters_in_one_sentence_stay_apart(doc: Doc) -> None:
    total = mentions(finding(doc, "Vega-3", "total parameters"))
    active = mentions(finding(doc, "Vega-3", "active parameters"))
    assert (A, 9, 405e9) in total and (A, 9, 37e9) not in total
    assert (A, 9, 37e9) in active and (A, 9, 405e9) not in active


def test_input_and_output_prices_stay_apart(doc: Doc) -> None:
    assert {c["value"] for c in finding(doc, "Vega-3", "input price")["claims"]} == {0.9}
    assert {c["value"] for c in finding(doc, "Vega-3", "output price")["claims"]} == {2.7}
    assert {c["unit"] for c in finding(doc, "Vega-3", "input price")["claims"]} == {"USD"}


def test_context_window_and_input_price_in_one_sentence_stay_apart(doc: Doc) -> None:
    window = finding(doc, "Vega-3 Mini", "context window")
    price = finding(doc, "Vega-3 Mini", "input price")
    assert (D, 9, 128_000) in mentions(window)
    assert {c["unit"] for c in window["claims"]} == {"tokens"}
    assert (D, 9, 0.15) in mentions(price)
    assert {c["unit"] for c in price["claims"]} == {"USD"}


# --- scopes: an unqualified figure joins the one year it agrees with --------------------


def test_unqualified_aime_joins_2025_not_2024(doc: Doc) -> None:
    joined = finding(doc, "Vega-3", "AIME", "2025")
    assert (B, 11, 79) in mentions(joined)
    assert (B, 11, 79) not in mentions(finding(doc, "Vega-3", "AIME", "2024"))
    assert not [f for f in doc["findings"] if (f["metric"], f["qualifier"]) == ("AIME", "")]


def test_unqualified_aime_is_read_without_a_year(extracted: Doc) -> None:
    """The join is the reconciler's doing: the extractor must not have guessed the year."""
    (claim,) = [
        c for c in extracted["claims"] if (c["path"], c["line"], c["quote"]) == (B, 11, "79%")
    ]
    assert (claim["metric"], claim["qualifier"]) == ("AIME", "")


# --- the binary reading of "128K" -------------------------------------------------------


def test_128k_and_131072_tokens_agree(doc: Doc) -> None:
    f = finding(doc, "Vega-3 Mini", "context window")
    assert f["verdict"] == "agree"
    assert {c["value"] for c in f["claims"]} == {128_000, 131_072}
    assert f["summary"] == "3 sources agree: 128K, 131,072"


def test_128k_and_131072_agree_between_two_articles_alone(at_root: Path) -> None:
    result = invoke("compare", A, B, "--format", "json")
    f = finding(json.loads(result.stdout), "Vega-3 Mini", "context window")
    assert f["verdict"] == "agree"
    assert mentions(f) == [(A, 11, 128_000), (B, 14, 131_072)]


# --- what a journalist would not count as a claim ---------------------------------------

EXPECTED_FINDINGS = sorted(
    (s, m, q)
    for s, m, q, *_ in VERDICTS  # exactly the findings the prose was written to produce
)


def test_no_finding_beyond_the_ones_written(doc: Doc) -> None:
    got = sorted((f["subject"], f["metric"], f["qualifier"]) for f in doc["findings"])
    assert got == EXPECTED_FINDINGS


@pytest.mark.parametrize(
    ("path", "line", "quote"),
    [
        pytest.param(C, 3, "two", id="two-people"),
        pytest.param(E, 3, "3", id="version-before-model"),
    ],
)
def test_no_claim_is_read_from(extracted: Doc, path: str, line: int, quote: str) -> None:
    on_line = [c for c in extracted["claims"] if (c["path"], c["line"]) == (path, line)]
    assert [c["quote"] for c in on_line if c["quote"] == quote] == []


def test_the_figures_next_to_those_words_are_still_read(extracted: Doc) -> None:
    """The line holding 'two people' also holds the 450B figure, which must stay."""
    on_line = [c for c in extracted["claims"] if (c["path"], c["line"]) == (C, 3)]
    assert ("450 billion", "total parameters", 450e9) in [
        (c["quote"], c["metric"], c["value"]) for c in on_line
    ]


# --- hard-wrapped text reads like the same text unwrapped -------------------------------


def _rewrap(text: str, width: int) -> str:
    """Join each paragraph onto one line, then hard-wrap it at `width` columns."""
    paragraphs = [" ".join(p.split("\n")) for p in text.split("\n\n")]
    return "\n\n".join(
        textwrap.fill(p, width, break_on_hyphens=False, break_long_words=False) for p in paragraphs
    )


def _digest(doc: Doc) -> list[tuple[str, str, str, str, list[tuple[str, float, str]]]]:
    """Findings without line numbers or line breaks: what a wrap must not change."""
    return sorted(
        (
            f["subject"],
            f["metric"],
            f["qualifier"],
            f["verdict"],
            sorted(
                (Path(c["path"]).name, c["value"], " ".join(c["quote"].split()))
                for c in f["claims"]
            ),
        )
        for f in doc["findings"]
    )


def test_rewrap_helper_really_rewraps(repo_root_path: Path) -> None:
    text = (repo_root_path / A).read_text(encoding="utf-8")
    wrapped = _rewrap(text, 40)
    assert max(len(line) for line in wrapped.split("\n")) <= 40
    assert wrapped.count("\n") > text.count("\n")
    assert wrapped.split() == text.split()


@pytest.mark.parametrize(
    "width",
    [40, 56, 64, 72, 80],
)
def test_hard_wrapped_corpus_gives_the_same_findings(
    doc: Doc, repo_root_path: Path, tmp_path: Path, width: int
) -> None:
    for source in sorted((repo_root_path / CORPUS).iterdir()):
        text = source.read_text(encoding="utf-8")
        (tmp_path / source.name).write_text(_rewrap(text, width), encoding="utf-8")
    result = invoke("compare", str(tmp_path), "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert _digest(json.loads(result.stdout)) == _digest(doc)


def test_hard_wrapped_corpus_is_unwrapped_when_one_line_per_paragraph(
    doc: Doc, repo_root_path: Path, tmp_path: Path
) -> None:
    """b, c and e are hard-wrapped on disk: on one line each they must read the same."""
    for source in sorted((repo_root_path / CORPUS).iterdir()):
        text = source.read_text(encoding="utf-8")
        (tmp_path / source.name).write_text(_rewrap(text, 10_000), encoding="utf-8")
        assert "\n\n" in text
    result = invoke("compare", str(tmp_path), "--format", "json")
    assert _digest(json.loads(result.stdout)) == _digest(doc)
