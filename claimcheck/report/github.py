"""GitHub Actions workflow commands: one annotation per claim location, within GitHub's limits.

Escaping follows actions/toolkit: in a message `%`, CR and LF become `%25`, `%0D`, `%0A`;
in a property value `:` and `,` also become `%3A` and `%2C`. Article text is made one
line with control characters shown as `\\xNN` first, so it can never start a command.
GitHub keeps only 10 annotations of each level per step, so errors come first and at most
LIMIT of each level are printed, then one plain line says how many findings were left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.models import Claim, Finding, Verdict
from claimcheck.report.common import human_value, sanitize
from claimcheck.report.describe import label, location, rule_for, span, verdict_phrase, where

LIMIT = 10
_LEVEL_ORDER = ("error", "warning", "notice")


def escape_data(text: str) -> str:
    """Escape a workflow-command message (toolkit `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (toolkit `escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True)
class Annotation:
    """One workflow command for one claim location of one finding."""

    level: str
    finding: str
    line: str


def _message(finding: Finding, claim: Claim) -> str:
    here = f"{label(finding)}: {human_value(claim.quantity)} here (“{claim.quote}”)"
    others = [c for c in finding.claims if location(c) != location(claim)]
    if not others and finding.verdict is not Verdict.SINGLE_SOURCE:
        others = [c for c in finding.claims if c is not claim]  # it contradicts itself on one line
    elsewhere = f"; elsewhere {where(others, sep='; ')}" if others else ""
    return f"{here}{elsewhere} — {verdict_phrase(finding)}"


def _command(level: str, finding: Finding, claim: Claim) -> str:
    line, column, end_line, end_column = span(claim)
    title = f"claimcheck {rule_for(finding.verdict).id}: {label(finding)}"
    properties = ",".join(
        [
            f"file={escape_property(sanitize(claim.path))}",
            f"line={line}",
            f"col={column}",
            f"endLine={end_line}",
            f"endColumn={end_column}",
            f"title={escape_property(sanitize(title))}",
        ]
    )
    message = escape_data(sanitize(_message(finding, claim)))
    return f"::{level} {properties}::{message}"


def collect(findings: Sequence[Finding]) -> list[Annotation]:
    """Every annotation the findings call for, errors first, one per distinct claim location."""
    found: list[Annotation] = []
    for finding in findings:
        level = rule_for(finding.verdict).annotation
        if level is None:
            continue
        seen: set[tuple[str, int, int]] = set()
        for claim in finding.claims:
            key = (claim.path, claim.line, claim.column)
            if key in seen:
                continue
            seen.add(key)
            found.append(Annotation(level, finding.id, _command(level, finding, claim)))
    return sorted(found, key=lambda a: _LEVEL_ORDER.index(a.level))


def render_github(findings: Sequence[Finding]) -> str:
    """Workflow commands for the findings (agreements never), then a count of what was left out."""
    kept: list[Annotation] = []
    left_out: set[str] = set()
    per_level: dict[str, int] = {}
    for annotation in collect(findings):
        per_level[annotation.level] = per_level.get(annotation.level, 0) + 1
        if per_level[annotation.level] <= LIMIT:
            kept.append(annotation)
        else:
            left_out.add(annotation.finding)
    lines = [a.line for a in kept]
    if left_out:
        n = len(left_out)
        noun = "finding" if n == 1 else "findings"
        lines.append(f"{n} more {noun} not annotated — see the job summary")
    return "".join(line + "\n" for line in lines)
