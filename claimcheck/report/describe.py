"""What the text formats say about a finding: rule ids, levels, labels, spans and value lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimcheck.models import Claim, Finding, Severity, Verdict
from claimcheck.report.common import human_value


@dataclass(frozen=True)
class Rule:
    """How one verdict is named and graded by the CI formats."""

    id: str
    verdict: Verdict
    title: str
    legend: str
    annotation: str | None
    sarif_level: str | None


# Rule ids are a contract (SARIF ruleId, GitHub annotation titles): never rename one.
RULES: dict[Verdict, Rule] = {
    Verdict.CONFLICT: Rule(
        "value-conflict",
        Verdict.CONFLICT,
        "Sources disagree on a figure",
        "sources disagree; verify before filing",
        "error",
        "error",
    ),
    Verdict.ROUNDING: Rule(
        "rounding-difference",
        Verdict.ROUNDING,
        "Figures differ only by rounding",
        "figures differ only by rounding",
        "warning",
        "warning",
    ),
    Verdict.APPROXIMATE: Rule(
        "approximate-match",
        Verdict.APPROXIMATE,
        "Figures agree only through a hedge or bound",
        "figures agree only through a hedge or bound",
        "notice",
        "note",
    ),
    Verdict.SINGLE_SOURCE: Rule(
        "single-source",
        Verdict.SINGLE_SOURCE,
        "Only one source reports a figure",
        "one source only; uncorroborated",
        "notice",
        "note",
    ),
    Verdict.UNLISTED: Rule(
        "not-on-fact-sheet",
        Verdict.UNLISTED,
        "A figure the fact sheet does not give",
        "not on the fact sheet; check the source",
        "notice",
        "note",
    ),
    Verdict.AGREE: Rule(
        "agreement",
        Verdict.AGREE,
        "Every source gives the same figure",
        "every source gives the same figure",
        None,
        None,
    ),
}

_ANNOTATION = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_for(verdict: Verdict) -> Rule:
    """The rule of a verdict; one added to models later is graded by its default severity."""
    known = RULES.get(verdict)
    if known is not None:
        return known
    severity = verdict.severity
    return Rule(
        verdict.value,
        verdict,
        verdict.value,
        verdict.value,
        _ANNOTATION.get(severity),
        _SARIF_LEVEL.get(severity),
    )


VERDICT_ORDER: tuple[Verdict, ...] = tuple(sorted(Verdict, key=lambda v: -v.rank))

SEVERITY_RANK: dict[Severity, int] = {
    Severity.ERROR: 3,
    Severity.WARNING: 2,
    Severity.INFO: 1,
    Severity.OK: 0,
}


def visible(findings: Iterable[Finding], min_severity: Severity) -> list[Finding]:
    """The findings at or above `min_severity`, in the order given."""
    floor = SEVERITY_RANK[min_severity]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= floor]


def label(finding: Finding | Claim) -> str:
    """'subject · metric (qualifier)', or just the metric when there is no subject."""
    text = f"{finding.subject} · {finding.metric}" if finding.subject else finding.metric
    return f"{text} ({finding.qualifier})" if finding.qualifier else text


def location(claim: Claim) -> str:
    """'path:line' of a claim."""
    return f"{claim.path}:{claim.line}"


def span(claim: Claim) -> tuple[int, int, int, int]:
    """1-based (line, column, end line, end column) of the quote; the end column is exclusive."""
    line, column = max(1, claim.line), max(1, claim.column)
    parts = claim.quote.split("\n")
    if len(parts) == 1:
        return line, column, line, column + len(claim.quote)
    return line, column, line + len(parts) - 1, len(parts[-1]) + 1


def where(claims: Sequence[Claim], sep: str = " vs ") -> str:
    """Each distinct figure with the locations giving it: '72B parameters (b.md:3, c.md:3)'."""
    places: dict[str, list[str]] = {}
    for claim in claims:
        spots = places.setdefault(human_value(claim.quantity), [])
        if location(claim) not in spots:
            spots.append(location(claim))
    return sep.join(f"{value} ({', '.join(spots)})" for value, spots in places.items())


def verdict_phrase(finding: Finding) -> str:
    """The verdict as a phrase; a conflict inside one source says that it contradicts itself."""
    if finding.verdict is Verdict.CONFLICT and finding.source_count < 2:
        return "one source contradicts itself"
    return rule_for(finding.verdict).legend
