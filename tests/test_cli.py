"""CLI contract tests (DESIGN.md, CLI contract and Bad input) through typer's CliRunner."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import typer
from builders import CLAIM_KEYS, FINDING_KEYS
from typer.testing import CliRunner, Result

from claimcheck import __version__
from claimcheck.cli import app
from claimcheck.sources import STDIN_PATH

GOOD = "MAI-Thinking-1 launches\nMAI-Thinking-1 has 35B parameters.\n"
GOOD_OTHER = "MAI-Thinking-1 review\nThe model, MAI-Thinking-1, has 35 billion parameters.\n"
CONFLICTING = "MAI-Thinking-1 leaks\nMAI-Thinking-1 has 40B parameters, a leak says.\n"
# A PNG header: NUL bytes mark it binary even though it is named like an article.
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
MARKUP_SENTENCE = "MAI-Thinking-1 has \x1b[31m [bold red]35 billion parameters[/bold red] in total."
MARKUP = "MAI-Thinking-1 launches\n" + MARKUP_SENTENCE + "\n"


def run(*args: str, input: str | None = None) -> Result:
    """Invoke the CLI; every run must end without a traceback on either stream."""
    result = CliRunner().invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
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


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty temporary folder so displayed paths are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def seeds(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run from the repository root and name the seed folder as a user would."""
    monkeypatch.chdir(repo_root)
    return "seeds/"


# --- version and usage -----------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "seeds/", "--format", "yaml"],
        ["extract", "seeds/", "--format", "pdf"],
        ["compare", "seeds/", "--fail-on", "sometimes"],
        ["compare", "seeds/", "--fail-on", ""],
        ["compare", "seeds/", "--no-such-option"],
        ["compare"],
        ["frobnicate", "seeds/"],
    ],
    ids=["format", "extract-format", "fail-on", "fail-on-empty", "option", "no-path", "command"],
)
def test_usage_errors_exit_2(args: list[str], seeds: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip()


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["compare", "a.txt", "--all", "--min-severity", "error"], ["--all", "--min-severity"]),
        (["compare", "a.txt", "--all", "--min-severity", "info"], ["--all", "--min-severity"]),
        (["compare", "a.txt", "--quiet", "--verbose"], ["--quiet", "--verbose"]),
        (["extract", "a.txt", "-q", "-v"], ["--quiet", "--verbose"]),
        (["check", "a.txt", "-q", "-v", "--facts", "f.yaml"], ["--quiet", "--verbose"]),
        (["compare", "a.txt", "--timeout", "0"], ["--timeout"]),
        (["compare", "a.txt", "--timeout", "-1"], ["--timeout"]),
        (["compare", "a.txt", "--timeout", "inf"], ["--timeout"]),
        (["compare", "a.txt", "--timeout", "nan"], ["--timeout"]),
        (["extract", "a.txt", "--timeout", "1e300"], ["--timeout"]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_options_that_contradict_are_one_line_usage_errors(
    args: list[str], names: list[str], cwd: Path
) -> None:
    write(cwd / "a.txt", GOOD)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimcheck: ") and "internal error" not in lines[0]
    assert all(name in lines[0] for name in names)


def test_all_with_min_severity_ok_is_no_contradiction(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    assert run("compare", "a.txt", "--all", "--min-severity", "ok").exit_code == 0


def test_an_option_error_raised_while_running_is_a_usage_error(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise typer.BadParameter("makes no sense here", param_hint="'--format'")

    monkeypatch.setattr("claimcheck.cli._floor", refuse)
    write(cwd / "a.txt", GOOD)
    result = run("compare", "a.txt")
    assert result.exit_code == 2
    assert result.stderr == "claimcheck: Invalid value for '--format': makes no sense here\n"


# --- exit codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ([], 0),
        (["--fail-on", "conflict"], 0),
        (["--fail-on", "rounding"], 1),
        (["--fail-on", "approximate"], 1),
        (["--fail-on", "single-source"], 1),
        (["--fail-on", "never"], 0),
    ],
    ids=["default", "conflict", "rounding", "approximate", "single-source", "never"],
)
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_seed_exit_codes(fail_on: list[str], code: int, fmt: str, seeds: str) -> None:
    result = run("compare", seeds, "--format", fmt, *fail_on)
    assert result.exit_code == code, result.stderr
    assert result.stdout


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ([], 1),
        (["--fail-on", "conflict"], 1),
        (["--fail-on", "single-source"], 1),
        (["--fail-on", "never"], 0),
    ],
    ids=["default", "conflict", "single-source", "never"],
)
def test_conflict_exit_codes(fail_on: list[str], code: int, cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    write(cwd / "b.txt", CONFLICTING)
    result = run("compare", "a.txt", "b.txt", "--format", "json", *fail_on)
    assert result.exit_code == code, result.stderr
    verdicts = {f["verdict"] for f in json.loads(result.stdout)["findings"]}
    assert "conflict" in verdicts


def test_agreement_exits_0_even_when_failing_on_single_source(cwd: Path) -> None:
    write(cwd / "a.txt", GOOD)
    write(cwd / "b.txt", GOOD_OTHER)
    result = run("compare", ".", "--format", "json", "--fail-on", "single-source")
    assert result.exit_code == 0, result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert [f["verdict"] for f in findings] == ["agree"]


def test_extract_exits_0_when_claims_found(seeds: str) -> None:
    result = run("extract", seeds)
    assert result.exit_code == 0
    assert result.stdout


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_missing_path_is_one_line_on_stderr(command: str, cwd: Path) -> None:
    result = run(command, "no/such/article.txt")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "no/such/article.txt" in lines[0]


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_empty_folder_exits_2_naming_it(command: str, cwd: Path) -> None:
    (cwd / "drafts").mkdir()
    result = run(command, "drafts")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "drafts" in result.stderr


def test_empty_file_only_exits_2(cwd: Path) -> None:
    write(cwd / "blank.txt", "  \n\n")
    result = run("compare", "blank.txt")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "blank.txt" in result.stderr


def test_folder_with_only_a_binary_file_exits_2(cwd: Path) -> None:
    write(cwd / "drafts" / "image.txt", BINARY)
    result = run("compare", "drafts")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no readable article" in result.stderr
    assert "drafts/image.txt" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_binary_file_is_skipped_with_a_warning(fmt: str, cwd: Path) -> None:
    write(cwd / "drafts" / "image.txt", BINARY)
    write(cwd / "drafts" / "good.txt", GOOD)
    result = run("compare", "drafts", "--format", fmt)
    assert result.exit_code in (0, 1)
    assert result.exit_code == 0  # one single-source figure is below the default threshold
    assert "drafts/image.txt" in result.stderr
    assert "drafts/good.txt" in result.stdout
    assert "image.txt" not in result.stdout
    if fmt == "json":
        doc = json.loads(result.stdout)
        assert [s["path"] for s in doc["sources"]] == ["drafts/good.txt"]


def test_quiet_silences_warnings_but_not_output(cwd: Path) -> None:
    write(cwd / "drafts" / "image.txt", BINARY)
    write(cwd / "drafts" / "good.txt", GOOD)
    result = run("extract", "drafts", "--quiet", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["claims"]


def test_undecodable_file_is_skipped_with_a_warning(cwd: Path) -> None:
    write(cwd / "latin.txt", "MAI-Thinking-1 costs \u20ac2.\nIt has 35B parameters.\n".encode())
    write(cwd / "good.txt", GOOD)
    result = run("extract", "latin.txt", "good.txt", "--encoding", "ascii", "--format", "json")
    assert result.exit_code == 0
    assert "latin.txt" in result.stderr
    doc = json.loads(result.stdout)
    assert [s["path"] for s in doc["sources"]] == ["good.txt"]
    assert doc["claims"]


def test_only_undecodable_file_exits_2(cwd: Path) -> None:
    write(cwd / "latin.txt", b"MAI-Thinking-1 has 35B parameters \xe9\xe8.\n")
    result = run("compare", "latin.txt", "--encoding", "ascii")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "latin.txt" in result.stderr


def test_unknown_encoding_exits_2(cwd: Path) -> None:
    write(cwd / "good.txt", GOOD)
    result = run("compare", "good.txt", "--encoding", "no-such-codec")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no-such-codec" in result.stderr


# --- untrusted text --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["compare", "rich.txt"], ["compare", "rich.txt", "--all"], ["extract", "rich.txt"]]
)
def test_markup_and_escapes_are_shown_literally_in_tables(args: list[str], cwd: Path) -> None:
    write(cwd / "rich.txt", MARKUP)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "[bold red]" in result.stdout
    assert "\\x1b[31m" in result.stdout


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_markup_and_escapes_are_exact_in_json(command: str, cwd: Path) -> None:
    write(cwd / "rich.txt", MARKUP)
    result = run(command, "rich.txt", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    doc = json.loads(result.stdout)
    claims = (
        doc["claims"] if command == "extract" else [c for f in doc["findings"] for c in f["claims"]]
    )
    assert claims
    ours = [c for c in claims if c["value"] == 35e9]
    assert ours, claims
    assert all(c["sentence"] == MARKUP_SENTENCE for c in ours)


def test_inputs_are_never_written(cwd: Path) -> None:
    files = [
        write(cwd / "in" / "a.txt", GOOD),
        write(cwd / "in" / "b.md", CONFLICTING),
        write(cwd / "in" / "rich.txt", MARKUP),
        write(cwd / "in" / "bom.txt", b"\xef\xbb\xbf" + GOOD_OTHER.encode()),
        write(cwd / "in" / "crlf.txt", GOOD.replace("\n", "\r\n")),
        write(cwd / "in" / "image.txt", BINARY),
        write(cwd / "in" / "latin.txt", b"MAI-Thinking-1 has 35B parameters \xe9.\n"),
    ]
    for f in files:
        os.utime(f, ns=(1_000_000_000, 1_000_000_000))
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    for args in (
        ["compare", "in"],
        ["compare", "in", "--format", "json", "--all"],
        ["extract", "in"],
        ["extract", "in", "--format", "json"],
        ["compare", "in", "--encoding", "ascii"],
    ):
        result = run(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
    after = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    assert after == before
    assert sorted(p.name for p in (cwd / "in").iterdir()) == sorted(f.name for f in files)


# --- stdin -----------------------------------------------------------------------------


def test_dash_reads_stdin() -> None:
    result = run("extract", "-", "--format", "json", input=GOOD)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [s["path"] for s in doc["sources"]] == [STDIN_PATH]
    assert [(c["value"], c["unit"]) for c in doc["claims"]] == [(35e9, "parameters")]
    claim = doc["claims"][0]
    assert GOOD[claim["start"] : claim["end"]] == claim["quote"]


def test_dash_stdin_compares_with_files(cwd: Path) -> None:
    write(cwd / "b.txt", CONFLICTING)
    result = run("compare", "-", "b.txt", "--format", "json", input=GOOD)
    assert result.exit_code == 1, result.stderr
    doc = json.loads(result.stdout)
    assert {s["path"] for s in doc["sources"]} == {STDIN_PATH, "b.txt"}


# --- determinism and the JSON contract -------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "seeds/"],
        ["compare", "seeds/", "--all"],
        ["compare", "seeds/", "--format", "json"],
        ["extract", "seeds/"],
        ["extract", "seeds/", "--format", "json"],
    ],
)
def test_output_is_deterministic(args: list[str], seeds: str) -> None:
    first = run(*args)
    second = run(*args)
    assert first.stdout
    assert first.stdout_bytes == second.stdout_bytes
    assert first.exit_code == second.exit_code


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_output_does_not_depend_on_argument_order(
    command: str, repo_root: Path, seeds: str
) -> None:
    files = sorted(str(p.relative_to(repo_root)) for p in (repo_root / "seeds").glob("*.txt"))
    forward = run(command, *files, "--format", "json")
    backward = run(command, *reversed(files), "--format", "json")
    folder = run(command, seeds, "--format", "json")
    assert forward.stdout == backward.stdout == folder.stdout


def test_extract_json_contract(repo_root: Path, seeds: str) -> None:
    result = run("extract", seeds, "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["schema", "sources", "claims"]
    assert doc["schema"] == 1
    assert doc["claims"]
    texts = {s["path"]: (repo_root / s["path"]).read_text(encoding="utf-8") for s in doc["sources"]}
    for claim in doc["claims"]:
        assert list(claim) == CLAIM_KEYS
        text = texts[claim["path"]]
        assert 0 <= claim["start"] < claim["end"] <= len(text)
        assert text[claim["start"] : claim["end"]] == claim["quote"]
        line = text.count("\n", 0, claim["start"]) + 1
        column = claim["start"] - (text.rfind("\n", 0, claim["start"]) + 1) + 1
        assert (claim["line"], claim["column"]) == (line, column), claim
        assert claim["quote"] in claim["sentence"]
        assert isinstance(claim["value"], int | float) and not isinstance(claim["value"], bool)
        assert claim["bound"] in {"=", "~", ">", ">=", "<", "<=", "range"}
        assert isinstance(claim["approx"], bool)
    order = [(c["path"], c["line"], c["column"]) for c in doc["claims"]]
    assert order == sorted(order)


def test_compare_json_contract(repo_root: Path, seeds: str) -> None:
    result = run("compare", seeds, "--format", "json")
    doc = json.loads(result.stdout)
    assert list(doc) == ["schema", "sources", "findings", "summary"]
    assert doc["schema"] == 1
    texts = {s["path"]: (repo_root / s["path"]).read_text(encoding="utf-8") for s in doc["sources"]}
    for finding in doc["findings"]:
        assert list(finding)[: len(FINDING_KEYS)] == FINDING_KEYS
        assert finding["verdict"] in {
            "conflict",
            "rounding",
            "approximate",
            "single-source",
            "agree",
        }
        for claim in finding["claims"]:
            assert list(claim) == CLAIM_KEYS
            text = texts[claim["path"]]
            assert text[claim["start"] : claim["end"]] == claim["quote"]
    ids = [f["id"] for f in doc["findings"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_verbose_notes_each_file_on_stderr_and_leaves_stdout_alone(
    seeds: str, command: str
) -> None:
    plain = run(command, seeds, "--format", "json")
    verbose = run(command, seeds, "--format", "json", "-v")
    assert verbose.stdout == plain.stdout
    notes = [line for line in verbose.stderr.splitlines() if line.startswith("claimcheck: seeds/")]
    assert len(notes) == 5
    assert all(re.search(r": utf-8, \d+ lines, \d+ claims, \d+ ms$", n) for n in notes), notes
    assert plain.stderr == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(seeds: str) -> None:
    result = run("compare", seeds)
    assert result.stderr == ""


def test_jobs_give_the_same_bytes(seeds: str) -> None:
    one = run("compare", seeds, "--format", "json", "--jobs", "1")
    two = run("compare", seeds, "--format", "json", "--jobs", "2")
    assert one.stdout == two.stdout
    assert run("compare", seeds, "--jobs", "many").exit_code == 2


def test_stdin_name_is_the_path_in_reports(cwd: Path) -> None:
    result = run(
        "extract",
        "-",
        "--stdin-name",
        "piped.md",
        "--format",
        "json",
        input="Gemma 3 has 27B parameters.\n",
    )
    assert result.exit_code == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert [(c["path"], c["value"]) for c in claims] == [("piped.md", 27e9)]
