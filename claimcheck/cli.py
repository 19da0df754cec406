"""Command line: parse options, run the pipeline, render, and exit with the contract's code."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.extract import extract_all
from claimcheck.lexicon import Lexicon, LexiconError, load_lexicon
from claimcheck.models import Claim, Corpus, Finding, Verdict
from claimcheck.reconcile import reconcile
from claimcheck.report import json_report, terminal
from claimcheck.report.common import summarize
from claimcheck.sources import load_corpus

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Check the figures in coverage of an AI launch against each other.",
)


class Format(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"


class FailOn(StrEnum):
    """The least severe verdict that makes `compare` exit 1."""

    conflict = "conflict"
    rounding = "rounding"
    approximate = "approximate"
    single_source = "single-source"
    never = "never"


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


Paths = Annotated[
    list[str], typer.Argument(help="Files, folders (searched recursively), globs, or - for stdin.")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Decode every input with this encoding.")
]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colour the table: auto, always, never.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")]


def _warn(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"claimcheck: {message}", file=sys.stderr)


def _terminal(color: Color) -> Terminal:
    tty = sys.stdout.isatty()
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


def _run(action: object) -> None:
    """Turn failures into one line on stderr and exit 2; never show a traceback."""
    try:
        action()  # type: ignore[operator]
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


def _exit_code(findings: list[Finding], fail_on: FailOn) -> int:
    if fail_on == FailOn.never:
        return EXIT_OK
    threshold = Verdict(fail_on.value).rank
    return EXIT_FINDINGS if any(f.verdict.rank >= threshold for f in findings) else EXIT_OK


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


@app.command()
def extract(
    paths: Paths,
    format: FormatOpt = Format.table,
    encoding: EncodingOpt = None,
    color: ColorOpt = Color.auto,
    quiet: QuietOpt = False,
) -> None:
    """List every numeric claim with file:line, quote, subject, metric and value.

    Example: claimcheck extract seeds/ --format json
    """

    def action() -> None:
        corpus, lexicon = _load(paths, encoding, quiet)
        claims: list[Claim] = extract_all(corpus.sources, lexicon)
        if format == Format.json:
            _write(json_report.render_extract_json(corpus.sources, claims))
        else:
            term = _terminal(color)
            _write(terminal.render_extract(claims, width=term.width, color=term.color))

    _run(action)


@app.command()
def compare(
    paths: Paths,
    format: FormatOpt = Format.table,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe."),
    ] = FailOn.conflict,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show figures every source agrees on.")
    ] = False,
    encoding: EncodingOpt = None,
    color: ColorOpt = Color.auto,
    quiet: QuietOpt = False,
) -> None:
    """Line the same figure up across sources and report where they disagree.

    Example: claimcheck compare seeds/ --fail-on rounding
    """
    code = EXIT_OK

    def action() -> None:
        nonlocal code
        corpus, lexicon = _load(paths, encoding, quiet)
        claims = extract_all(corpus.sources, lexicon)
        findings = reconcile(claims, lexicon)
        if format == Format.json:
            _write(json_report.render_compare_json(corpus.sources, claims, findings))
        else:
            term = _terminal(color)
            summary = summarize(findings, len(corpus.sources), len(claims))
            _write(
                terminal.render_compare(
                    findings, summary, show_all=show_all, width=term.width, color=term.color
                )
            )
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
