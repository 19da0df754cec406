"""Pick the renderer for a format: the one place that knows every output format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from claimcheck.baseline import Accepted
from claimcheck.models import Claim, Finding, Source
from claimcheck.report import github, json_report, markdown, sarif, tabular, terminal


class RenderError(Exception):
    """A format cannot be produced here (e.g. its renderer is missing)."""


class Format(StrEnum):
    """Output formats of `compare` and `check`."""

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


@dataclass(frozen=True)
class Report:
    """Everything a findings report renders from."""

    sources: Sequence[Source]
    claims: Sequence[Claim]
    findings: Sequence[Finding]
    shown: Sequence[Finding]
    summary: Mapping[str, object]
    show_all: bool
    accepted: int = 0
    stale: tuple[Accepted, ...] = field(default=())


def _html(report: Report) -> str:
    """The HTML report, imported lazily so the other formats work without it."""
    try:
        from claimcheck.report.html import render_compare_html
    except ImportError as exc:
        raise RenderError(f"--format html: the HTML renderer is not available ({exc})") from exc
    return render_compare_html(report.sources, report.shown, report.summary)


def render_findings(fmt: Format, report: Report, *, width: int | None, color: bool) -> str:
    """A findings report (`compare`, `check`) in one format."""
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
        shown, report.summary, show_all=report.show_all, width=width, color=color
    )


def render_claims(
    fmt: ExtractFormat,
    sources: Sequence[Source],
    claims: Sequence[Claim],
    *,
    width: int | None,
    color: bool,
) -> str:
    """The claims of `extract` in one format."""
    if fmt == ExtractFormat.json:
        return json_report.render_extract_json(sources, claims)
    if fmt == ExtractFormat.markdown:
        return markdown.render_extract_markdown(claims)
    if fmt == ExtractFormat.csv:
        return tabular.render_extract_csv(claims)
    if fmt == ExtractFormat.jsonl:
        return tabular.render_extract_jsonl(claims)
    return terminal.render_extract(claims, width=width, color=color)
