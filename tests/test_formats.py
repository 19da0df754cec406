"""Report formats and output options: markdown, csv, jsonl, github, sarif, html, -o, severities.

Golden files cover every format on seeds/ and on tests/fixtures/conflict/ (a small corpus
about a fictional launch with one conflict, one rounding difference, one hedged match, one
single-source figure and one agreement). Refresh them with
`pytest tests/test_formats.py --update-golden` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from builders import CLAIM_KEYS, FINDING_EXTRAS
from builders import FINDING_KEYS as CONTRACT_FINDING_KEYS
from typer.testing import CliRunner, Result

from claimcheck.cli import app
from claimcheck.models import Bound, Claim, Finding, Quantity, Verdict
from claimcheck.report import github, markdown, sarif, tabular
from claimcheck.write import write_atomically

FINDING_KEYS = [*CONTRACT_FINDING_KEYS, *FINDING_EXTRAS]

GOLDEN = Path(__file__).resolve().parent / "golden"
CONFLICT = "tests/fixtures/conflict/"
CORPORA = {"seeds": "seeds/", "conflict": CONFLICT}
COMPARE_FILES = {
    "table": "table.txt",
    "json": "json",
    "markdown": "md",
    "csv": "csv",
    "jsonl": "jsonl",
    "github": "github.txt",
    "sarif": "sarif",
    "html": "html",
}
EXTRACT_FILES = {k: COMPARE_FILES[k] for k in ("table", "json", "markdown", "csv", "jsonl")}
TEXT_FORMATS = ["table", "markdown", "csv", "github", "html"]

# Rich markup, a terminal escape and HTML inside the sentence that holds the figure, and
# in the file name too, so every format (even those that show no sentence) carries them.
MARKUP_SENTENCE = (
    "MAI-Thinking-1 <script>alert(1)</script> has \x1b[31m [bold red]35 billion parameters[/]."
)
MARKUP = "MAI-Thinking-1 launches\n" + MARKUP_SENTENCE + "\n"
MARKUP_NAME = "esc\x1b[31m[bold red]x[/].txt"
GOOD = "MAI-Thinking-1 launches\nMAI-Thinking-1 has 35B parameters.\n"
CONFLICTING = "MAI-Thinking-1 leaks\nMAI-Thinking-1 has 40B parameters, a leak says.\n"


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never append to a real job summary when the suite itself runs in GitHub Actions."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty temporary folder so displayed paths are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def at_root(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root so corpus paths are relative."""
    monkeypatch.chdir(repo_root)
    return repo_root


def run(*args: str) -> Result:
    """Invoke the CLI; no run may end in a traceback."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def write(path: Path, content: str | bytes) -> Path:
    """Create `path` (and its folders) with exactly `content`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def check_golden(output: str, name: str, update: bool, repo_root: Path) -> None:
    """Compare `output` with tests/golden/`name`, or rewrite it under --update-golden."""
    golden = GOLDEN / name
    if update:
        write_atomically(str(golden), output)
        pytest.skip(f"rewrote {golden.relative_to(repo_root)}")
    assert golden.exists(), f"{golden} is missing; run pytest --update-golden"
    assert output == golden.read_text(encoding="utf-8")


# --- golden files ----------------------------------------------------------------------


def _cases(command: str, files: dict[str, str]) -> list[tuple[str, str, str]]:
    cases = []
    for corpus in CORPORA:
        for fmt, ext in files.items():
            if corpus == "seeds" and fmt == "json":
                continue  # tests/test_golden.py owns the seed JSON golden files
            cases.append((corpus, fmt, f"{command}_{corpus}.{ext}"))
    return cases


@pytest.mark.parametrize(
    ("corpus", "fmt", "name"),
    _cases("compare", COMPARE_FILES),
    ids=[f"{c}-{f}" for c, f, _ in _cases("compare", COMPARE_FILES)],
)
def test_compare_matches_golden(
    corpus: str, fmt: str, name: str, at_root: Path, update_golden: bool
) -> None:
    result = run("compare", CORPORA[corpus], "--format", fmt, "--color", "never")
    assert result.exit_code in (0, 1), result.stderr
    check_golden(result.stdout, name, update_golden, at_root)


@pytest.mark.parametrize(
    ("corpus", "fmt", "name"),
    _cases("extract", EXTRACT_FILES),
    ids=[f"{c}-{f}" for c, f, _ in _cases("extract", EXTRACT_FILES)],
)
def test_extract_matches_golden(
    corpus: str, fmt: str, name: str, at_root: Path, update_golden: bool
) -> None:
    result = run("extract", CORPORA[corpus], "--format", fmt, "--color", "never")
    assert result.exit_code == 0, result.stderr
    check_golden(result.stdout, name, update_golden, at_root)


def test_conflict_corpus_has_every_verdict(at_root: Path) -> None:
    result = run("compare", CONFLICT, "--format", "json")
    assert result.exit_code == 1
    verdicts = {f["id"]: f["verdict"] for f in json.loads(result.stdout)["findings"]}
    assert verdicts == {
        "nimbus-2/total-parameters": "conflict",
        "nimbus-2/mmlu-pro": "rounding",
        "nimbus-2/training-gpus": "approximate",
        "nimbus-2/input-price": "single-source",
        "nimbus-2/context-window": "agree",
    }


@pytest.mark.parametrize("fmt", list(COMPARE_FILES))
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_every_format_is_deterministic(fmt: str, corpus: str, at_root: Path) -> None:
    first = run("compare", CORPORA[corpus], "--format", fmt, "--all")
    second = run("compare", CORPORA[corpus], "--format", fmt, "--all")
    assert first.stdout
    assert first.stdout_bytes == second.stdout_bytes


# --- markdown --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("`code`", "\\`code\\`"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("AT&T", "AT&amp;T"),
        ("[bold red]x[/]", "\\[bold red\\]x\\[/\\]"),
        ("[click](http://x)", "\\[click\\](http://x)"),
        ("*a* _b_ ~c~ $d$", "\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$"),
        ("line\nbreak\r\nhere", "line break here"),
        ("esc \x1b[31m", "esc \\\\x1b\\[31m"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert markdown.escape(text) == expected


def test_markdown_code_span_survives_backticks_and_pipes() -> None:
    assert markdown.code("a.md:3") == "`a.md:3`"
    assert markdown.code("a`b|c.md:3") == "``a`b\\|c.md:3``"
    assert markdown.code("`x`") == "`` `x` ``"


@pytest.mark.parametrize("fmt", ["markdown", "html", "table"])
def test_the_quote_is_marked_where_the_claim_is_not_at_equal_digits(fmt: str, cwd: Path) -> None:
    # the "8" of "8 active" is the claim, not the "8" inside "480B"
    Path("a.md").write_text("Orbis 2 has 480B parameters, with 128 experts, 8 active.\n")
    out = run("compare", "a.md", "--format", fmt, "--all", "--color", "never").stdout
    marks = {"markdown": ("**", "**"), "html": ("<mark>", "</mark>"), "table": ("", "")}
    opening, closing = marks[fmt]
    if fmt == "table":  # no markup in plain text: the excerpt keeps the claim in view
        assert "128 experts, 8 active" in out
        return
    assert f"4{opening}8{closing}0B" not in out
    assert f"{opening}8{closing} active" in out


def test_markdown_compare_tables_by_verdict(at_root: Path) -> None:
    out = run("compare", CONFLICT, "--format", "markdown").stdout
    assert out.startswith("# claimcheck report\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert [h.split()[1] for h in headings] == [
        "conflict",
        "rounding",
        "approximate",
        "single-source",
    ]
    assert "| subject | metric | qualifier | value | source | quote |" in out
    assert "`tests/fixtures/conflict/a_launch.md:5`" in out
    assert "Not shown: 1 agree (`--all` shows them)." in out
    with_all = run("compare", CONFLICT, "--format", "markdown", "--all").stdout
    assert "## agree (1)" in with_all


def test_markdown_says_when_nothing_is_shown(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    out = run("compare", "a.txt", "--format", "markdown", "--min-severity", "error").stdout
    assert "No findings at the chosen severity." in out
    assert "Not shown: 1 single-source (see `--min-severity`)." in out


# --- csv and jsonl ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", " x"),  # sanitize turns the tab into a space: nothing left to guard
        ("plain", "plain"),
        (-5, "-5"),
        (88.4, "88.4"),
        (None, ""),
        (True, "true"),
        (Bound.EQ, "="),
    ],
)
def test_csv_cell(value: object, expected: str) -> None:
    assert tabular.cell(value) == expected


def test_csv_guards_formulas_from_articles(cwd: Path) -> None:
    write(cwd / "a.txt", "=cmd|' /C calc'!A0 MAI-Thinking-1 has 35B parameters.\n")
    result = run("extract", "a.txt", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    assert rows[0]["sentence"].startswith("'=cmd")
    assert rows[0]["bound"] == "="
    assert rows[0]["value"] == "35000000000"


def test_csv_compare_one_row_per_claim_with_its_finding(at_root: Path) -> None:
    out = run("compare", CONFLICT, "--format", "csv", "--all").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["finding", "verdict", "severity", *CLAIM_KEYS]
    doc = json.loads(run("compare", CONFLICT, "--format", "json").stdout)
    expected = [(f["id"], c["path"], c["line"]) for f in doc["findings"] for c in f["claims"]]
    assert [(r["finding"], r["path"], int(r["line"])) for r in rows] == expected


def test_jsonl_lines_follow_the_json_contract(at_root: Path) -> None:
    doc = json.loads(run("compare", CONFLICT, "--format", "json").stdout)
    lines = run("compare", CONFLICT, "--format", "jsonl", "--all").stdout.splitlines()
    assert [json.loads(line) for line in lines] == doc["findings"]
    assert all(list(json.loads(line)) == FINDING_KEYS for line in lines)
    claims = run("extract", CONFLICT, "--format", "jsonl").stdout.splitlines()
    extracted = json.loads(run("extract", CONFLICT, "--format", "json").stdout)["claims"]
    assert [json.loads(line) for line in claims] == extracted
    assert all(list(json.loads(line)) == CLAIM_KEYS for line in claims)


def test_jsonl_keeps_line_separators_inside_strings(cwd: Path) -> None:
    write(cwd / "a.txt", "MAI-Thinking-1 has\u2028 35B parameters.\n")
    out = run("extract", "a.txt", "--format", "jsonl").stdout
    assert "\u2028" not in out
    assert len(out.splitlines()) == 1
    assert "\u2028" in json.loads(out)["sentence"]


# --- github ----------------------------------------------------------------------------


def _claim(path: str, line: int, quote: str, value: float, sentence: str = "") -> Claim:
    q = Quantity(value, "parameters", value - 0.5e9, value + 0.5e9, value, value, 1e9)
    return Claim(
        "Nimbus-2",
        "total parameters",
        "",
        q,
        path=path,
        line=line,
        column=5,
        start=0,
        end=len(quote),
        quote=quote,
        sentence=sentence or quote,
    )


def _finding(verdict: Verdict, *claims: Claim, fid: str = "nimbus-2/total-parameters") -> Finding:
    return Finding(fid, "Nimbus-2", "total parameters", "", "parameters", verdict, claims, "")


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("50% more", "50%25 more", "50%25 more"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


def test_github_annotation_escapes_awkward_paths_and_quotes() -> None:
    a = _claim("drafts/a,b:c.md", 3, "70\nbillion, 100%: sure", 70e9)
    b = _claim("drafts/d.md", 9, "72B", 72e9)
    out = github.render_github([_finding(Verdict.CONFLICT, a, b)])
    lines = out.splitlines()
    assert len(lines) == 2  # one annotation per location, each on one line
    assert out.count("\n") == 2
    first = lines[0]
    assert first.startswith("::error file=drafts/a%2Cb%3Ac.md,line=3,col=5,endLine=4,endColumn=")
    props, message = first[len("::error ") :].split("::", 1)
    assert ",title=claimcheck value-conflict%3A Nimbus-2 · total parameters" in props
    assert "100%25" in message
    assert "70 billion, 100%25: sure" in message  # the line break became a space
    assert "72B parameters (drafts/d.md:9)" in message  # names the other source
    assert "70B parameters (drafts/a,b:c.md:3)" in lines[1]


def test_github_levels_limits_and_order() -> None:
    conflicts = [
        _finding(
            Verdict.CONFLICT,
            _claim(f"c{i:02}.md", 1, "70B", 70e9),
            _claim(f"c{i:02}.md", 2, "72B", 72e9),
            fid=f"c{i}",
        )
        for i in range(12)
    ]
    rounding = _finding(Verdict.ROUNDING, _claim("r.md", 1, "70B", 70e9), fid="r")
    single = _finding(Verdict.SINGLE_SOURCE, _claim("s.md", 1, "70B", 70e9), fid="s")
    agree = _finding(Verdict.AGREE, _claim("g.md", 1, "70B", 70e9), fid="g")
    out = github.render_github([single, agree, rounding, *conflicts])
    lines = out.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines[:-1]]
    assert kinds == ["::error"] * 10 + ["::warning", "::notice"]
    assert "g.md" not in out  # agreements are never annotated
    assert lines[-1] == "7 more findings not annotated — see the job summary"


def test_github_no_limit_line_when_everything_fits(at_root: Path) -> None:
    out = run("compare", CONFLICT, "--format", "github").stdout
    assert out.splitlines()[0].startswith("::error file=tests/fixtures/conflict/a_launch.md,")
    assert "not annotated" not in out
    assert sum(line.startswith("::error ") for line in out.splitlines()) == 3


def test_github_appends_the_markdown_report_to_the_step_summary(
    at_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = write(tmp_path / "summary.md", "earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    first = run("compare", CONFLICT, "--format", "github")
    assert first.exit_code == 1
    report = run("compare", CONFLICT, "--format", "markdown").stdout
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + report
    run("compare", CONFLICT, "--format", "github")
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + report + report
    run("compare", CONFLICT, "--format", "sarif")  # only the github format writes it
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + report + report


def test_unwritable_step_summary_is_a_warning(
    at_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a folder: cannot append
    result = run("compare", CONFLICT, "--format", "github")
    assert result.exit_code == 1  # the findings decide, as without a summary
    assert result.stdout.startswith("::error ")
    assert "cannot append the job summary" in result.stderr


def test_step_summary_is_never_an_input(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write(cwd / "a.txt", GOOD)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(a))
    result = run("compare", "a.txt", "--format", "github")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert a.read_text(encoding="utf-8") == GOOD


# --- sarif -----------------------------------------------------------------------------


def _sarif(*args: str) -> dict[str, object]:
    result = run("compare", *args, "--format", "sarif")
    assert result.exit_code in (0, 1), result.stderr
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_sarif_has_the_required_2_1_0_fields(corpus: str, at_root: Path) -> None:
    doc = _sarif(CORPORA[corpus], "--all")
    assert doc["version"] == "2.1.0"
    assert str(doc["$schema"]).endswith("sarif-2.1.0.json")
    runs = doc["runs"]
    assert isinstance(runs, list) and len(runs) == 1
    driver = runs[0]["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    rule_ids = [r["id"] for r in rules]
    assert rule_ids == [
        "value-conflict",
        "rounding-difference",
        "approximate-match",
        "single-source",
    ]
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    results = runs[0]["results"]
    assert results
    for result in results:
        assert result["ruleId"] in rule_ids
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        assert result["locations"]
        for loc in [*result["locations"], *result["relatedLocations"]]:
            physical = loc["physicalLocation"]
            assert physical["artifactLocation"]["uri"]
            region = physical["region"]
            assert region["startLine"] >= 1
            assert region["startColumn"] >= 1
            assert (region["endLine"], region["endColumn"]) > (
                region["startLine"],
                region["startColumn"],
            )
        fingerprint = result["partialFingerprints"]["claimcheck/v1"]
        assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0
    assert "agree" not in {r["properties"]["verdict"] for r in results}
    assert len({r["partialFingerprints"]["claimcheck/v1"] for r in results}) == len(results)


def test_sarif_levels_and_related_locations(at_root: Path) -> None:
    results = _sarif(CONFLICT)["runs"][0]["results"]  # type: ignore[index]
    by_rule = {r["ruleId"]: r for r in results}
    assert {k: v["level"] for k, v in by_rule.items()} == {
        "value-conflict": "error",
        "rounding-difference": "warning",
        "approximate-match": "note",
        "single-source": "note",
    }
    conflict = by_rule["value-conflict"]
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for loc in [*conflict["locations"], *conflict["relatedLocations"]]
    ]
    assert uris == [f"{CONFLICT}a_launch.md", f"{CONFLICT}b_review.md", f"{CONFLICT}c_brief.txt"]
    assert [loc["id"] for loc in conflict["relatedLocations"]] == [1, 2]


def test_sarif_fingerprints_survive_moved_lines(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    write(cwd / "b.txt", CONFLICTING)
    before = _sarif("a.txt", "b.txt")["runs"][0]["results"]  # type: ignore[index]
    write(cwd / "a.txt", "\n\n\n" + GOOD)
    after = _sarif("a.txt", "b.txt")["runs"][0]["results"]  # type: ignore[index]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    lines = [
        r[0]["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (before, after)
    ]
    assert lines == [2, 5]


def test_sarif_uris() -> None:
    assert sarif.artifact_uri("drafts/a b.md") == "drafts/a%20b.md"
    assert sarif.artifact_uri("/abs/x.md") == "file:///abs/x.md"
    assert sarif.artifact_uri("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert sarif.artifact_uri("<stdin>") == "%3Cstdin%3E"


# --- untrusted article text ------------------------------------------------------------


@pytest.fixture
def rich_corpus(cwd: Path) -> Path:
    """One article with markup, an escape and HTML in its text, one with them in its name."""
    write(cwd / "rich.txt", MARKUP)
    write(cwd / MARKUP_NAME, CONFLICTING)
    return cwd


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_markup_never_alters_text_formats(fmt: str, rich_corpus: Path) -> None:
    result = run("compare", ".", "--format", fmt, "--color", "never")
    assert result.exit_code == 1, result.stderr
    out = result.stdout
    assert "\x1b" not in out
    assert "\\x1b" in out  # shown, not obeyed
    if fmt == "markdown":
        assert "\\[bold red\\]" in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert "<script>" not in out
    elif fmt == "html":
        assert "[bold red]" in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert "<script>" not in out
    else:
        assert "[bold red]" in out
    if fmt == "csv":  # plain data: shown as written (the table's excerpt may cut it)
        assert "<script>alert(1)</script>" in out
    if fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_markup_never_alters_extract_text_formats(fmt: str, rich_corpus: Path) -> None:
    out = run("extract", ".", "--format", fmt).stdout
    assert "\x1b" not in out
    assert "bold red" in out
    assert "<script>" not in out or fmt == "csv"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_markup_round_trips_in_json_formats(fmt: str, rich_corpus: Path) -> None:
    result = run("compare", ".", "--format", fmt)
    out = result.stdout
    assert "\x1b" not in out
    if fmt == "json":
        findings = json.loads(out)["findings"]
    elif fmt == "jsonl":
        findings = [json.loads(line) for line in out.splitlines()]
    else:
        findings = []
        for r in json.loads(out)["runs"][0]["results"]:
            claims = []
            for loc in [*r["locations"], *r["relatedLocations"]]:
                physical = loc["physicalLocation"]
                claims.append(
                    {
                        "path": unquote(physical["artifactLocation"]["uri"]),
                        "sentence": loc["properties"]["sentence"],
                        "quote": physical["region"]["snippet"]["text"],
                    }
                )
            findings.append({"claims": claims})
    claims = [c for f in findings for c in f["claims"]]
    assert {c["path"] for c in claims} == {"rich.txt", MARKUP_NAME}
    ours = [c for c in claims if c["path"] == "rich.txt"]
    assert [c["sentence"] for c in ours] == [MARKUP_SENTENCE]
    assert ours[0]["quote"] == "35 billion"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_markup_round_trips_in_extract_json_formats(fmt: str, rich_corpus: Path) -> None:
    out = run("extract", ".", "--format", fmt).stdout
    assert "\x1b" not in out
    claims = json.loads(out)["claims"] if fmt == "json" else list(map(json.loads, out.splitlines()))
    assert MARKUP_SENTENCE in {c["sentence"] for c in claims}
    assert MARKUP_NAME in {c["path"] for c in claims}


# --- -o / --output ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "sarif", "csv", "table"])
def test_output_file_gets_what_stdout_would(fmt: str, at_root: Path, tmp_path: Path) -> None:
    target = tmp_path / f"report.{fmt}"
    to_stdout = run("compare", CONFLICT, "--format", fmt, "--color", "never")
    to_file = run("compare", CONFLICT, "--format", fmt, "--color", "never", "-o", str(target))
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_output_dash_is_stdout(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    result = run("compare", "a.txt", "--format", "jsonl", "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["verdict"] == "single-source"
    assert sorted(p.name for p in cwd.iterdir()) == ["a.txt"]


def test_extract_output_file(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    result = run("extract", "a.txt", "--format", "jsonl", "--output", "out/claims.jsonl")
    assert result.exit_code == 2  # the folder does not exist: one line, nothing written
    assert len(result.stderr.splitlines()) == 1
    assert "out/claims.jsonl" in result.stderr
    (cwd / "out").mkdir()
    result = run("extract", "a.txt", "--format", "jsonl", "--output", "out/claims.jsonl")
    assert result.exit_code == 0
    assert json.loads((cwd / "out" / "claims.jsonl").read_text(encoding="utf-8"))["value"] == 35e9


def test_output_replaces_atomically(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(cwd / "a.txt", GOOD)
    target = write(cwd / "report.md", "old report\n")
    target.chmod(0o640)
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        renames.append((src, dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    result = run("compare", "a.txt", "--format", "markdown", "-o", "report.md")
    assert result.exit_code == 0, result.stderr
    assert len(renames) == 1
    src, dst = renames[0]
    assert os.path.dirname(src) == os.path.dirname(dst) == str(cwd.resolve())
    assert Path(dst) == target.resolve()
    assert target.read_text(encoding="utf-8").startswith("# claimcheck report")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    write(target, "old report\n")
    result = run("compare", "a.txt", "--format", "markdown", "-o", "report.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "report.md: no space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in cwd.iterdir()) == ["a.txt", "report.md"]


@pytest.mark.parametrize(
    "target",
    ["a.txt", "./drafts/../a.txt", "drafts/b.md", "link.txt", "drafts/image.txt"],
    ids=["file", "other-spelling", "in-folder", "symlink", "skipped-binary"],
)
@pytest.mark.parametrize("command", ["compare", "extract"])
def test_output_is_never_an_input(command: str, target: str, cwd: Path) -> None:
    files = [
        write(cwd / "a.txt", GOOD),
        write(cwd / "drafts" / "b.md", CONFLICTING),
        write(cwd / "drafts" / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ]
    (cwd / "link.txt").symlink_to(cwd / "a.txt")
    before = {f: f.read_bytes() for f in files}
    result = run(command, "a.txt", "drafts", "--format", "markdown", "-o", target)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "refusing to write the report over an input file" in result.stderr
    assert {f: f.read_bytes() for f in files} == before
    assert (cwd / "link.txt").is_symlink()


# --- severities, exit codes, errors ----------------------------------------------------


@pytest.mark.parametrize(
    ("severity", "shown"),
    [
        ("error", ["conflict"]),
        ("warning", ["conflict", "rounding"]),
        ("info", ["conflict", "rounding", "approximate", "single-source"]),
        ("ok", ["conflict", "rounding", "approximate", "single-source", "agree"]),
    ],
)
@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("conflict", 1), ("rounding", 1), ("single-source", 1), ("never", 0)],
)
def test_min_severity_and_fail_on_are_independent(
    severity: str, shown: list[str], fail_on: str, code: int, at_root: Path
) -> None:
    args = ["--min-severity", severity, "--fail-on", fail_on]
    result = run("compare", CONFLICT, "--format", "jsonl", *args)
    assert result.exit_code == code
    assert [json.loads(line)["verdict"] for line in result.stdout.splitlines()] == shown


def test_min_severity_hides_but_still_fails(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    write(cwd / "b.txt", CONFLICTING)
    result = run("compare", ".", "--format", "github", "--min-severity", "error")
    assert result.exit_code == 1
    hidden = run("compare", "a.txt", "--format", "github", "--min-severity", "error")
    assert hidden.stdout == ""
    assert (
        run("compare", "a.txt", "--fail-on", "single-source", "--min-severity", "error").exit_code
        == 1
    )


def test_all_means_min_severity_ok(at_root: Path) -> None:
    with_all = run("compare", CONFLICT, "--format", "markdown", "--all")
    with_ok = run("compare", CONFLICT, "--format", "markdown", "--min-severity", "ok")
    assert with_all.stdout == with_ok.stdout
    both = run("compare", CONFLICT, "--all", "--min-severity", "error")
    assert both.exit_code == 2
    assert both.stdout == ""
    assert "--all" in both.stderr


def test_json_lists_every_finding_whatever_the_min_severity(at_root: Path) -> None:
    full = run("compare", CONFLICT, "--format", "json")
    narrow = run("compare", CONFLICT, "--format", "json", "--min-severity", "error")
    assert full.stdout == narrow.stdout


@pytest.mark.parametrize(
    ("command", "fmt"),
    [("extract", "github"), ("extract", "sarif"), ("extract", "html"), ("compare", "xml")],
)
def test_unsupported_formats_are_usage_errors(command: str, fmt: str, at_root: Path) -> None:
    result = run(command, CONFLICT, "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "github", "csv", "markdown"])
def test_fatal_errors_leave_stdout_empty(fmt: str, cwd: Path) -> None:
    result = run("compare", "no/such/article.txt", "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_html_without_its_renderer_exits_2(at_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "claimcheck.report.html", None)  # import now fails
    result = run("compare", CONFLICT, "--format", "html")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "--format html" in lines[0]
    assert run("compare", CONFLICT, "--format", "markdown").exit_code == 1  # others still work


def test_empty_reports_print_nothing_for_line_formats(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    for fmt in ("jsonl", "github"):
        result = run("compare", "a.txt", "--format", fmt, "--min-severity", "warning")
        assert result.exit_code == 0
        assert result.stdout == ""
    csv_out = run("compare", "a.txt", "--format", "csv", "--min-severity", "warning").stdout
    assert csv_out.splitlines() == [",".join(["finding", "verdict", "severity", *CLAIM_KEYS])]
