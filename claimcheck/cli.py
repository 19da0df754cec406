"""Command line: parse options, run the pipeline, render, and exit with the contract's code."""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.baseline import Accepted, apply_baseline, load_baseline, render_baseline
from claimcheck.check import check as check_figures
from claimcheck.check import note_references
from claimcheck.explain import explain as explain_finding
from claimcheck.explain import find_finding
from claimcheck.extract import extract_all
from claimcheck.factsheet import Editorial, load_editorial
from claimcheck.lexicon import Additions, Lexicon, LexiconError, load_lexicon
from claimcheck.models import Claim, Corpus, Finding, Severity, Source, Verdict
from claimcheck.reconcile import reconcile
from claimcheck.render import (
    ExtractFormat,
    Format,
    RenderError,
    Report,
    render_claims,
    render_findings,
)
from claimcheck.report import markdown, terminal
from claimcheck.report.common import summarize
from claimcheck.report.describe import visible
from claimcheck.settings import Settings, describe, load_settings
from claimcheck.sources import STDIN_PATH, load_corpus
from claimcheck.write import append_text, is_input, write_atomically
from claimcheck.yamlcheck import ClaimsFileError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
STEP_SUMMARY = "GITHUB_STEP_SUMMARY"
MAX_TIMEOUT = 86400.0  # seconds: a day; larger values overflow the socket layer
DEFAULT_BASELINE = "claims/baseline.yaml"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Check the figures in coverage of an AI launch against each other.",
)


class FailOn(StrEnum):
    """The least severe verdict that makes `compare` and `check` exit 1."""

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
class Run:
    """What every command shares once options and configuration are merged."""

    settings: Settings
    quiet: bool
    stdin_name: str
    timeout: float
    verbose: bool = False

    def value(self, key: str) -> str:
        """A setting as text."""
        return str(self.settings.get(key))

    @property
    def jobs(self) -> int:
        """Worker processes for extraction (`auto` = CPU count)."""
        raw = self.value("jobs")
        if raw == "auto":
            return os.cpu_count() or 1
        try:
            return max(1, int(raw))
        except ValueError:
            raise Failure(f"--jobs: expected a number or auto, not '{raw}'") from None


Paths = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (searched recursively), globs, http(s) URLs, or - for stdin."
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE (atomically; never over an input); - is stdout.",
    ),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Decode every input with this encoding.")
]
ColorOpt = Annotated[
    Color | None, typer.Option("--color", help="Colour the table: auto, always, never.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")]
VerboseOpt = Annotated[
    bool,
    typer.Option(
        "--verbose", "-v", help="A note per file on stderr: encoding, lines, claims, time."
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help="Skip files whose path, or any of its folder names, matches GLOB. Repeatable.",
    ),
]
GitignoreOpt = Annotated[
    bool | None,
    typer.Option(
        "--gitignore/--no-gitignore",
        help="Skip files .gitignore excludes when walking folders (default: skip).",
        show_default=False,
    ),
]
StdinNameOpt = Annotated[
    str,
    typer.Option(
        "--stdin-name",
        "--stdin-filename",
        metavar="NAME",
        help="Name shown for input read from -; its suffix (.html, .md) sets the format.",
    ),
]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", metavar="SECONDS", help="Give up on a URL after this long.")
]
JobsOpt = Annotated[
    str | None,
    typer.Option("--jobs", "-j", metavar="N", help="Extract with N processes; auto = CPU count."),
]
FactsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--facts",
        metavar="PATH",
        help="Fact sheets and vocabulary: a claims/ folder or YAML files (default: ./claims).",
    ),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option("--config", metavar="FILE", help="Read settings from FILE."),
]
IsolatedOpt = Annotated[
    bool, typer.Option("--isolated", help="Ignore configuration files and $CLAIMCHECK_CONFIG.")
]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on", help="Exit 1 when a finding is at least this severe.", show_default=False
    ),
]
MinSeverityOpt = Annotated[
    MinSeverity | None,
    typer.Option(
        "--min-severity",
        help="Show findings at least this severe: error, warning, info (default), ok.",
        show_default=False,
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option("--all", help="Also show figures every source agrees on (--min-severity ok)."),
]


def _warn(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"claimcheck: {message}", file=sys.stderr)


def _settings(flags: Mapping[str, object], config: str | None, isolated: bool) -> Settings:
    try:
        return load_settings(flags, explicit=config, isolated=isolated)
    except ClaimsFileError as exc:
        raise Failure(str(exc)) from exc


def _terminal(run: Run, to_file: bool) -> tuple[int | None, bool]:
    tty = sys.stdout.isatty() and not to_file
    color = run.value("color")
    if color == "always":
        use = True
    elif color == "never":
        use = False
    else:
        use = tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    return (shutil.get_terminal_size((100, 24)).columns if tty else None), use


def _editorial(run: Run, base: Lexicon, required: bool) -> Editorial:
    """The claims/ folder (or --facts); absent is fine unless the command needs it."""
    facts = run.settings.get("facts")
    paths = facts if isinstance(facts, list) else [str(facts)]
    if run.settings.origins["facts"] == "default" and not Path(paths[0]).is_dir():
        if required:
            raise Failure(f"{paths[0]}: no fact sheets here; give --facts FILE_OR_DIR")
        return Editorial()
    try:
        return load_editorial(paths, base)
    except ClaimsFileError as exc:
        raise Failure(str(exc)) from exc


def _lexicon(run: Run, *, facts_required: bool = False) -> tuple[Lexicon, Editorial]:
    try:
        base = load_lexicon()
        editorial = _editorial(run, base, facts_required)
        if not (
            editorial.metric_aliases
            or editorial.subject_aliases
            or editorial.noise
            or editorial.tolerances
        ):
            return base, editorial
        extra = Additions(
            editorial.metric_aliases,
            editorial.subject_aliases,
            editorial.noise,
            editorial.tolerances,
        )
        return load_lexicon(extra), editorial
    except LexiconError as exc:
        raise Failure(f"vocabulary: {exc}") from exc


def _load(paths: Sequence[str], run: Run) -> Corpus:
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    exclude = run.settings.get("exclude")
    corpus = load_corpus(
        paths,
        encoding=run.value("encoding") if run.settings.get("encoding") else None,
        stdin_text=stdin,
        stdin_name=run.stdin_name,
        exclude=list(exclude) if isinstance(exclude, list) else [],
        gitignore=bool(run.settings.get("gitignore")),
        fetch_timeout=run.timeout,
    )
    for problem in corpus.problems:
        if problem.fatal:
            print(f"claimcheck: {problem.path}: {problem.message}", file=sys.stderr)
        else:
            _warn(f"{problem.path}: {problem.message}", run.quiet)
    if any(p.fatal for p in corpus.problems):
        raise typer.Exit(EXIT_ERROR)
    if not corpus.sources:
        raise Failure(f"{', '.join(paths)}: no readable article")
    return corpus


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
    except (Failure, RenderError) as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None
    except typer.TyperException as exc:  # an option problem found after parsing: usage
        print(f"claimcheck: {exc.format_message()}", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug of ours: one line, not a traceback
        print(f"claimcheck: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        raise typer.Exit(EXIT_ERROR) from None


def _exit_code(findings: Sequence[Finding], fail_on: str) -> int:
    if fail_on == FailOn.never:
        return EXIT_OK
    threshold = Verdict(fail_on).rank
    return EXIT_FINDINGS if any(f.verdict.rank >= threshold for f in findings) else EXIT_OK


def _emit(text: str, output: str | None) -> None:
    """The report to stdout, or atomically to `output`; ending in a newline if not empty."""
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


def _floor(run: Run, show_all: bool) -> Severity:
    chosen = run.value("min_severity")
    if show_all and run.settings.origins["min_severity"] == "command line" and chosen != "ok":
        raise Failure(
            f"--all and --min-severity {chosen}: --all means --min-severity ok;"
            " give one or the other"
        )
    return Severity.OK if show_all else Severity(chosen)


def _publish(
    run: Run, report: Report, fmt: Format, output: str | None, inputs: Sequence[str]
) -> None:
    """Render a findings report; for GitHub, append the Markdown job summary too."""
    step_summary = (os.environ.get(STEP_SUMMARY) or None) if fmt == Format.github else None
    _check_target(step_summary, "the job summary", inputs)
    width, color = _terminal(run, to_file=output not in (None, "-"))
    _emit(render_findings(fmt, report, width=width, color=color), output)
    if step_summary is not None:
        try:
            append_text(
                step_summary, markdown.render_compare_markdown(report.shown, report.summary)
            )
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            _warn(f"{step_summary}: cannot append the job summary: {reason}", run.quiet)


def _report(
    corpus: Corpus,
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    floor: Severity,
    accepted: int = 0,
    stale: tuple[Accepted, ...] = (),
) -> Report:
    summary = summarize(findings, len(corpus.sources), len(claims))
    shown = visible(findings, floor)
    return Report(
        corpus.sources, claims, findings, shown, summary, floor is Severity.OK, accepted, stale
    )


@dataclass(frozen=True)
class Outcome:
    """What a findings command concluded: its findings and what a baseline took out."""

    findings: list[Finding]
    accepted: int = 0
    stale: tuple[Accepted, ...] = ()


def _findings_report(
    paths: Sequence[str],
    run: Run,
    show_all: bool,
    output: str | None,
    conclude: Callable[[list[Claim], Lexicon, Editorial], Outcome],
    *,
    facts_required: bool = False,
) -> int:
    """The shared body of `compare` and `check`: load, extract, conclude, publish, exit code."""
    floor = _floor(run, show_all)
    lexicon, editorial = _lexicon(run, facts_required=facts_required)
    if facts_required and not editorial.references:
        raise Failure(f"{', '.join(editorial.files) or 'claims'}: no fact sheet figures")
    corpus = _load(paths, run)
    inputs = _inputs(paths, corpus)
    _check_target(output, "the report", inputs)
    fmt = Format(run.value("format"))
    claims = _extract(corpus, lexicon, run, machine=fmt != Format.table or output is not None)
    outcome = conclude(claims, lexicon, editorial)
    report = _report(corpus, claims, outcome.findings, floor, outcome.accepted, outcome.stale)
    _publish(run, report, fmt, output, inputs)
    return _exit_code(outcome.findings, run.value("fail_on"))


def _make_run(
    flags: Mapping[str, object],
    config: str | None,
    isolated: bool,
    quiet: bool,
    stdin_name: str = STDIN_PATH,
    timeout: float = 15.0,
    verbose: bool = False,
) -> Run:
    """The run's settings, once its options are known not to contradict each other."""
    if quiet and verbose:
        raise Failure("--quiet and --verbose: give one or the other")
    if not 0 < timeout <= MAX_TIMEOUT:  # also rejects nan
        raise Failure(f"--timeout: expected seconds above 0 and at most {MAX_TIMEOUT:g}")
    return Run(_settings(flags, config, isolated), quiet, stdin_name, timeout, verbose)


def _extract(corpus: Corpus, lexicon: Lexicon, run: Run, machine: bool) -> list[Claim]:
    """Extract with a progress bar on stderr (a terminal, a human format, not CI, not -q)
    and, with -v, a note per file."""
    show_bar = sys.stderr.isatty() and not machine and not run.quiet and "CI" not in os.environ
    bar = terminal.ProgressBar(len(corpus.sources), sys.stderr) if show_bar else None
    clock = [time.monotonic()]

    def done(sources: Sequence[Source], claims: Sequence[Claim]) -> None:
        if bar is not None:
            bar.advance(len(sources))
        if run.verbose:
            now = time.monotonic()
            per_file = (now - clock[0]) * 1000 / max(1, len(sources))
            clock[0] = now
            for source in sources:
                found = sum(1 for c in claims if c.path == source.path)
                lines = len(source.line_starts)
                _warn(
                    f"{source.path}: {source.encoding}, {lines} lines, {found} claims, "
                    f"{per_file:.0f} ms",
                    False,
                )

    try:
        return extract_all(corpus.sources, lexicon, run.jobs, done)
    finally:
        if bar is not None:
            bar.close()


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        ExtractFormat | None,
        typer.Option("--format", "-f", help="table, json, markdown, csv or jsonl."),
    ] = None,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    exclude: ExcludeOpt = None,
    gitignore: GitignoreOpt = None,
    stdin_filename: StdinNameOpt = STDIN_PATH,
    timeout: TimeoutOpt = 15.0,
    jobs: JobsOpt = None,
    facts: FactsOpt = None,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """List every numeric claim with file:line, quote, subject, metric and value.

    Example: claimcheck extract seeds/ --format csv -o claims.csv
    """

    def action() -> None:
        flags = {
            "encoding": encoding,
            "exclude": exclude,
            "gitignore": gitignore,
            "jobs": jobs,
            "facts": facts,
            "color": color,
        }
        run = _make_run(flags, config, isolated, quiet, stdin_filename, timeout, verbose)
        fmt = format or ExtractFormat(_extract_format(run))
        lexicon, _ = _lexicon(run)
        corpus = _load(paths, run)
        _check_target(output, "the report", _inputs(paths, corpus))
        machine = fmt != ExtractFormat.table or output is not None
        claims = _extract(corpus, lexicon, run, machine)
        width, use_color = _terminal(run, to_file=output not in (None, "-"))
        _emit(render_claims(fmt, corpus.sources, claims, width=width, color=use_color), output)

    _run(action)


def _extract_format(run: Run) -> str:
    """The configured format if `extract` has it (a configured 'github' means table here)."""
    chosen = run.value("format")
    return chosen if chosen in ExtractFormat.__members__ else ExtractFormat.table.value


FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table, json, markdown, csv, jsonl, github (annotations), sarif or html.",
        show_default=False,
    ),
]


@app.command()
def compare(
    paths: Paths,
    format: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    min_severity: MinSeverityOpt = None,
    show_all: AllOpt = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Leave out findings this baseline accepts."
        ),
    ] = None,
    strict_baseline: Annotated[
        bool, typer.Option("--strict-baseline", help="Exit 1 when a baseline entry is stale.")
    ] = False,
    encoding: EncodingOpt = None,
    exclude: ExcludeOpt = None,
    gitignore: GitignoreOpt = None,
    stdin_filename: StdinNameOpt = STDIN_PATH,
    timeout: TimeoutOpt = 15.0,
    jobs: JobsOpt = None,
    facts: FactsOpt = None,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Line the same figure up across sources and report where they disagree.

    Example: claimcheck compare drafts/ --format github --fail-on conflict
    """
    code = EXIT_OK

    def action() -> None:
        nonlocal code
        flags = {
            "format": format,
            "fail_on": fail_on,
            "min_severity": min_severity,
            "encoding": encoding,
            "exclude": exclude,
            "gitignore": gitignore,
            "jobs": jobs,
            "facts": facts,
            "color": color,
            "baseline": baseline,
        }
        run = _make_run(flags, config, isolated, quiet, stdin_filename, timeout, verbose)
        stale: tuple[Accepted, ...] = ()

        def findings_of(claims: list[Claim], lexicon: Lexicon, editorial: Editorial) -> Outcome:
            nonlocal stale
            found = note_references(reconcile(claims, lexicon), editorial.references, lexicon)
            if not run.settings.get("baseline"):
                return Outcome(found)
            where = run.value("baseline")
            try:
                applied = apply_baseline(found, load_baseline(where))
            except ClaimsFileError as exc:
                raise Failure(str(exc)) from exc
            stale = applied.stale
            _warn(f"{where}: {applied.accepted} finding(s) accepted by the baseline", run.quiet)
            for entry in stale:
                _warn(f"{where}:{entry.line}: stale entry {entry.id} matches no finding", run.quiet)
            return Outcome(list(applied.findings), applied.accepted, stale)

        code = _findings_report(paths, run, show_all, output, findings_of)
        if strict_baseline and stale:
            code = EXIT_FINDINGS

    _run(action)
    raise typer.Exit(code)


@app.command()
def check(
    paths: Paths,
    facts: FactsOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    min_severity: MinSeverityOpt = None,
    show_all: AllOpt = False,
    encoding: EncodingOpt = None,
    exclude: ExcludeOpt = None,
    gitignore: GitignoreOpt = None,
    stdin_filename: StdinNameOpt = STDIN_PATH,
    timeout: TimeoutOpt = 15.0,
    jobs: JobsOpt = None,
    color: ColorOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Set every figure in the articles against the desk's fact sheet.

    Verdicts: agree (matches the sheet), rounding, approximate, conflict, and
    not-on-sheet for figures the sheet does not give. Same formats and exit codes
    as compare.

    Example: claimcheck check seeds/ --facts claims/mai-thinking-1.yaml
    """
    code = EXIT_OK

    def action() -> None:
        nonlocal code
        flags = {
            "format": format,
            "fail_on": fail_on,
            "min_severity": min_severity,
            "encoding": encoding,
            "exclude": exclude,
            "gitignore": gitignore,
            "jobs": jobs,
            "facts": facts,
            "color": color,
        }
        run = _make_run(flags, config, isolated, quiet, stdin_filename, timeout, verbose)

        def findings_of(claims: list[Claim], lexicon: Lexicon, editorial: Editorial) -> Outcome:
            return Outcome(check_figures(claims, editorial.references, lexicon))

        code = _findings_report(paths, run, show_all, output, findings_of, facts_required=True)

    _run(action)
    raise typer.Exit(code)


@app.command(name="baseline")
def baseline_command(
    paths: Paths,
    output: Annotated[
        str,
        typer.Option("--output", "-o", metavar="FILE", help="Where to write the baseline."),
    ] = DEFAULT_BASELINE,
    encoding: EncodingOpt = None,
    exclude: ExcludeOpt = None,
    gitignore: GitignoreOpt = None,
    jobs: JobsOpt = None,
    facts: FactsOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Record the current findings as accepted, so CI fails only on new ones.

    Entries are keyed by content (subject, metric, qualifier, figures, sources),
    never by line numbers. Written atomically.

    Example: claimcheck baseline seeds/ -o claims/baseline.yaml
    """

    def action() -> None:
        flags = {
            "encoding": encoding,
            "exclude": exclude,
            "gitignore": gitignore,
            "jobs": jobs,
            "facts": facts,
        }
        run = _make_run(flags, config, isolated, quiet, verbose=verbose)
        lexicon, _ = _lexicon(run)
        corpus = _load(paths, run)
        if Path(output).is_dir():
            raise Failure(f"{output}: is a folder; give the baseline a file name")
        _check_target(output, "the baseline", _inputs(paths, corpus))
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        findings = reconcile(_extract(corpus, lexicon, run, machine=True), lexicon)
        _emit(render_baseline(findings), output)
        recorded = sum(1 for f in findings if f.verdict is not Verdict.AGREE)
        _warn(f"{output}: recorded {recorded} finding(s)", run.quiet)

    _run(action)


@app.command(name="explain")
def explain_command(
    finding_id: Annotated[
        str, typer.Argument(metavar="ID", help="A finding id from the report, or SUBJECT/METRIC.")
    ],
    paths: Paths,
    facts: FactsOpt = None,
    encoding: EncodingOpt = None,
    exclude: ExcludeOpt = None,
    quiet: QuietOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Show how a finding was reached: every mention, how it was read, merged names, why.

    Example: claimcheck explain mai-thinking-1/swe-bench-pro seeds/
    """

    def action() -> None:
        flags = {"encoding": encoding, "exclude": exclude, "facts": facts}
        run = _make_run(flags, config, isolated, quiet)
        lexicon, _ = _lexicon(run)
        corpus = _load(paths, run)
        claims = extract_all(corpus.sources, lexicon, run.jobs)
        findings = reconcile(claims, lexicon)
        finding = find_finding(findings, finding_id)
        if finding is None:
            raise Failure(f"{finding_id}: no such finding (run compare --all to list the ids)")
        _emit(explain_finding(finding, claims, lexicon), None)

    _run(action)


@app.command(name="config")
def config_command(
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Print the settings in force and where each one comes from.

    Example: claimcheck config
    """

    def action() -> None:
        _emit(describe(_settings({}, config, isolated)), None)

    _run(action)


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
