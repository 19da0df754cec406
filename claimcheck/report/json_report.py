"""JSON renderers for `extract` and `compare`: DESIGN.md schema 1, field order as contract."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.models import Claim, Finding, Source
from claimcheck.report.common import json_number, summarize
from claimcheck.report.jsontext import dumps

SCHEMA = 1


def _dumps(document: dict[str, object]) -> str:
    return dumps(document) + "\n"


def _line_count(text: str) -> int:
    """Lines as `Source.position` counts them: split on "\\n", a final unterminated line counts."""
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


# The CLAIM object of DESIGN.md (schema 1), in contract order; CSV columns follow it too.
CLAIM_FIELDS = (
    "path",
    "line",
    "column",
    "start",
    "end",
    "quote",
    "sentence",
    "subject",
    "metric",
    "qualifier",
    "value",
    "unit",
    "low",
    "high",
    "approx",
    "bound",
)


def claim_record(c: Claim) -> dict[str, object]:
    """One CLAIM object, keys in contract order; unbounded low/high become null."""
    q = c.quantity
    values = (
        c.path,
        c.line,
        c.column,
        c.start,
        c.end,
        c.quote,
        c.sentence,
        c.subject,
        c.metric,
        c.qualifier,
        json_number(q.value),
        q.unit,
        json_number(q.low),
        json_number(q.high),
        q.approx,
        q.bound.value,
    )
    return dict(zip(CLAIM_FIELDS, values, strict=True))


def source_records(sources: Sequence[Source], claims: Sequence[Claim]) -> list[dict[str, object]]:
    """One object per source, sorted by path, with how many of `claims` come from it."""
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.path] = counts.get(claim.path, 0) + 1
    return [
        {
            "path": s.path,
            "title": s.title,
            "encoding": s.encoding,
            "lines": _line_count(s.text),
            "claims": counts.get(s.path, 0),
        }
        for s in sorted(sources, key=lambda s: s.path)
    ]


def finding_record(f: Finding) -> dict[str, object]:
    """One FINDING object, keys in contract order, then unit, source count and consensus."""
    return {
        "id": f.id,
        "subject": f.subject,
        "metric": f.metric,
        "qualifier": f.qualifier,
        "verdict": f.verdict.value,
        "severity": f.severity.value,
        "summary": f.summary,
        "claims": [claim_record(c) for c in f.claims],
        "unit": f.unit,
        "sources": f.source_count,
        "consensus": None if f.consensus is None else json_number(f.consensus),
    }


def render_extract_json(sources: Sequence[Source], claims: Sequence[Claim]) -> str:
    """The `extract` document: schema, sources and every claim sorted by path and position."""
    ordered = sorted(claims, key=lambda c: c.sort_key)
    return _dumps(
        {
            "schema": SCHEMA,
            "sources": source_records(sources, ordered),
            "claims": [claim_record(c) for c in ordered],
        }
    )


def render_compare_json(
    sources: Sequence[Source], claims: Sequence[Claim], findings: Sequence[Finding]
) -> str:
    """The `compare` document: schema, sources, every finding given (in order) and a summary."""
    return _dumps(
        {
            "schema": SCHEMA,
            "sources": source_records(sources, claims),
            "findings": [finding_record(f) for f in findings],
            "summary": summarize(findings, len(sources), len(claims)),
        }
    )
