"""Command line: parse options, run the pipeline, render, and exit with the contract's code."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.extract import extract_all
from claimcheck.lexicon import Lexicon, LexiconError, load_lexicon
from claimcheck.models import Claim, Corpus, Finding, Severity, Source, Verdict
from claimcheck.reconcile import reconcile
from claimcheck.report import github, json_report, markdown, sarif, tabular, terminal
from claimcheck.report.common import summarize
from claimcheck.report.describe import visible
from claimcheck.sources import STDIN_PATH, load_corpus
from claimcheck.write import append_text, is_input, write_atomically

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
STEP_SUMMARY = "GITHUB_STEP_SUMMARY"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Check the figures in coverage of an AI launch against each other.",
)


class Format(StrEnum):
    """Output formats of `compare`."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    jsonl = "jsonl"
    github = "github"
    sarif = "sarif"
    html = "html"


class ExtractFormat(StrEnum):
    """Output formats of `extract` (claims have no verdict, so no CI formats)."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    jsonl = "jsonl"


class FailOn(StrEnum):
    """The least severe verdict that makes `compare` exit 1."""

    conflict = "conflict"
    rounding = "rounding"
    approximate = "approximate"
    single_source = "single-source"
    never = "never"


class MinSeverity(StrEnum):
    """The least severe finding a report shows."""

    error = "error"
    warning = "warning"
    info = "info"
    ok = "ok"


class Color(StrEnum):
    """When to colour the terminal table."""

    auto = "auto"
    always = "always"
    never = "never"


class Failure(Exception):
    """A run that cannot go on; its message is one line naming the path and cause."""


@dataclass(frozen=True)
class Terminal:
    """How the terminal table is drawn."""

    width: int | None
    color: bool


@dataclass(frozen=True)
class Report:
    """Everything `compare` renders from: sources, claims, findings, what is shown, counts."""

    sources: Sequence[Source]
    claims: Sequence[Claim]
    findings: Sequence[Finding]
    shown: Sequence[Finding]
    summary: Mapping[str, object]
    show_all: bool


Paths = Annotated[
    list[str], typer.Argument(help="Files, folders (searched recursively), globs, or - for stdin.")
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Decode every input with this encoding.")
]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colour the table: auto, always, never.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE (atomically; never over an input); - is stdout.",
    ),
]


def _warn(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"claimcheck: {message}", file=sys.stderr)


def _terminal(color: Color, to_file: bool) -> Terminal:
    tty = sys.stdout.isatty() and not to_file
    if color == Color.always:
        use = True
    elif color == Color.never:
        use = False
    else:
        use = tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    width = shutil.get_terminal_size((100, 24)).columns if tty else None
    return Terminal(width, use)


def _load(paths: list[str], encoding: str | None, quiet: bool) -> tuple[Corpus, Lexicon]:
    stdin_text = sys.stdin.read() if "-" in paths else None
    corpus = load_corpus(paths, encoding=encoding, stdin_text=stdin_text)
    for problem in corpus.problems:
        if problem.fatal:
            print(f"claimcheck: {problem.path}: {problem.message}", file=sys.stderr)
        else:
            _warn(f"{problem.path}: {problem.message}", quiet)
    if any(p.fatal for p in corpus.problems):
        raise typer.Exit(EXIT_ERROR)
    if not corpus.sources:
        raise Failure(f"{', '.join(paths)}: no readable article")
    try:
        lexicon = load_lexicon()
    except LexiconError as exc:
        raise Failure(f"vocabulary: {exc}") from exc
    return corpus, lexicon


def _inputs(paths: Sequence[str], corpus: Corpus) -> list[str]:
    """Every path read or named as input: arguments, loaded sources and skipped files."""
    named = [*paths, *(s.path for s in corpus.sources), *(p.path for p in corpus.problems)]
    return [p for p in named if p not in ("-", STDIN_PATH)]


def _check_target(target: str | None, what: str, inputs: Sequence[str]) -> None:
    if target is not None and target != "-" and is_input(target, inputs):
        raise Failure(f"{target}: refusing to write {what} over an input file")


def _run(action: Callable[[], None]) -> None:
    """Turn failures into one line on stderr and exit 2; never show a traceback."""
    try:
        action()
    except Failure as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug of ours: one line, not a traceback
        print(f"claimcheck: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None


def _exit_code(findings: Sequence[Finding], fail_on: FailOn) -> int:
    if fail_on == FailOn.never:
        return EXIT_OK
    threshold = Verdict(fail_on.value).rank
    return EXIT_FINDINGS if any(f.verdict.rank >= threshold for f in findings) else EXIT_OK


def _emit(text: str, output: str | None) -> None:
    """The report to stdout, or atomically to `output`; always ending in a newline if not empty."""
    if text and not text.endswith("\n"):
        text += "\n"
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        raise Failure(f"{output}: {(exc.strerror or str(exc)).lower()}") from exc


def _html(report: Report) -> str:
    """The HTML report, imported lazily so the other formats work without it."""
    try:
        from claimcheck.report.html import render_compare_html
    except ImportError as exc:
        raise Failure(f"--format html: the HTML renderer is not available ({exc})") from exc
    return render_compare_html(report.sources, report.shown, report.summary)


def _render_compare(fmt: Format, report: Report, term: Terminal) -> str:
    shown = report.shown
    if fmt == Format.json:
        return json_report.render_compare_json(report.sources, report.claims, report.findings)
    if fmt == Format.markdown:
        return markdown.render_compare_markdown(shown, report.summary)
    if fmt == Format.csv:
        return tabular.render_compare_csv(shown)
    if fmt == Format.jsonl:
        return tabular.render_compare_jsonl(shown)
    if fmt == Format.github:
        return github.render_github(shown)
    if fmt == Format.sarif:
        return sarif.render_sarif(shown)
    if fmt == Format.html:
        return _html(report)
    return terminal.render_compare(
        shown, report.summary, show_all=report.show_all, width=term.width, color=term.color
    )


def _render_extract(
    fmt: ExtractFormat, sources: Sequence[Source], claims: Sequence[Claim], term: Terminal
) -> str:
    if fmt == ExtractFormat.json:
        return json_report.render_extract_json(sources, claims)
    if fmt == ExtractFormat.markdown:
        return markdown.render_extract_markdown(claims)
    if fmt == ExtractFormat.csv:
        return tabular.render_extract_csv(claims)
    if fmt == ExtractFormat.jsonl:
        return tabular.render_extract_jsonl(claims)
    return terminal.render_extract(claims, width=term.width, color=term.color)


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="table, json, markdown, csv or jsonl."),
    ] = ExtractFormat.table,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    color: ColorOpt = Color.auto,
    quiet: QuietOpt = False,
) -> None:
    """List every numeric claim with file:line, quote, subject, metric and value.

    Example: claimcheck extract seeds/ --format csv -o claims.csv
    """

    def action() -> None:
        corpus, lexicon = _load(paths, encoding, quiet)
        _check_target(output, "the report", _inputs(paths, corpus))
        claims: list[Claim] = extract_all(corpus.sources, lexicon)
        term = _terminal(color, to_file=output not in (None, "-"))
        _emit(_render_extract(format, corpus.sources, claims, term), output)

    _run(action)


def _min_severity(min_severity: MinSeverity | None, show_all: bool) -> Severity:
    if show_all and min_severity not in (None, MinSeverity.ok):
        raise typer.BadParameter(
            "--all means --min-severity ok; give one or the other", param_hint="'--all'"
        )
    if show_all:
        return Severity.OK
    return Severity((min_severity or MinSeverity.info).value)


@app.command()
def compare(
    paths: Paths,
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="table, json, markdown, csv, jsonl, github (annotations), sarif or html.",
        ),
    ] = Format.table,
    output: OutputOpt = None,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe."),
    ] = FailOn.conflict,
    min_severity: Annotated[
        MinSeverity | None,
        typer.Option(
            "--min-severity",
            help="Show findings at least this severe: error, warning, info (default), ok.",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Also show figures every source agrees on (--min-severity ok)."),
    ] = False,
    encoding: EncodingOpt = None,
    color: ColorOpt = Color.auto,
    quiet: QuietOpt = False,
) -> None:
    """Line the same figure up across sources and report where they disagree.

    Example: claimcheck compare drafts/ --format github --fail-on conflict
    """
    floor = _min_severity(min_severity, show_all)
    code = EXIT_OK

    def action() -> None:
        nonlocal code
        corpus, lexicon = _load(paths, encoding, quiet)
        step_summary = (os.environ.get(STEP_SUMMARY) or None) if format == Format.github else None
        inputs = _inputs(paths, corpus)
        _check_target(output, "the report", inputs)
        _check_target(step_summary, "the job summary", inputs)
        claims = extract_all(corpus.sources, lexicon)
        findings = reconcile(claims, lexicon)
        summary = summarize(findings, len(corpus.sources), len(claims))
        shown = visible(findings, floor)
        report = Report(corpus.sources, claims, findings, shown, summary, floor is Severity.OK)
        term = _terminal(color, to_file=output not in (None, "-"))
        _emit(_render_compare(format, report, term), output)
        if step_summary is not None:
            try:
                append_text(step_summary, markdown.render_compare_markdown(shown, summary))
            except OSError as exc:
                reason = (exc.strerror or str(exc)).lower()
                _warn(f"{step_summary}: cannot append the job summary: {reason}", quiet)
        code = _exit_code(findings, fail_on)

    _run(action)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """claimcheck reads articles, pulls out every numeric claim and says where sources disagree."""


def main() -> None:
    """Entry point of the `claimcheck` console script."""
    app()
