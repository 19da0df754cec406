"""SARIF 2.1.0 for code scanning: one rule per verdict, one result per finding (agree excluded).

The fingerprint `claimcheck/v1` is the SHA-256 of "subject|metric|qualifier|unit", so an
alert keeps its identity across runs even when the article's lines move. Columns count
Unicode code points (`columnKind`); end columns are exclusive, as SARIF defines them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.models import Claim, Finding, Verdict
from claimcheck.report.common import human_value
from claimcheck.report.describe import VERDICT_ORDER, label, rule_for, span, verdict_phrase, where
from claimcheck.report.jsontext import dumps

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "claimcheck"
# The project has no public home yet; point this at it when it does.
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
FINGERPRINT = "claimcheck/v1"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# not-on-fact-sheet comes last so the rule indexes of `compare` runs never move.
_RULES = [
    rule_for(v)
    for v in sorted(VERDICT_ORDER, key=lambda v: v is Verdict.UNLISTED)
    if rule_for(v).sarif_level is not None
]
_RULE_INDEX = {rule.verdict: i for i, rule in enumerate(_RULES)}


def fingerprint(finding: Finding) -> str:
    """SHA-256 (hex) of subject|metric|qualifier|unit: stable across runs and line moves."""
    key = "|".join((finding.subject, finding.metric, finding.qualifier, finding.unit))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def artifact_uri(path: str) -> str:
    """A path as a URI reference: URLs as they are, relative paths relative, absolute ones file://."""
    if _URL.match(path):
        return path
    encoded = quote(path, safe="/")
    return f"file://{encoded}" if path.startswith("/") else encoded


def _rule(rule_index: int) -> dict[str, object]:
    rule = _RULES[rule_index]
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": f"{rule.title}: {rule.legend}."},
        "defaultConfiguration": {"level": rule.sarif_level},
    }


def _location(claim: Claim) -> dict[str, object]:
    line, column, end_line, end_column = span(claim)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(claim.path)},
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": claim.quote},
            },
        },
        "message": {"text": human_value(claim.quantity)},
        "properties": {"sentence": claim.sentence},
    }


def _result(finding: Finding) -> dict[str, object]:
    rule = rule_for(finding.verdict)
    first, *others = finding.claims
    related = [{"id": i, **_location(c)} for i, c in enumerate(others, start=1)]
    return {
        "ruleId": rule.id,
        "ruleIndex": _RULE_INDEX[finding.verdict],
        "level": rule.sarif_level,
        "message": {
            "text": f"{label(finding)}: {verdict_phrase(finding)}: {where(finding.claims)}"
        },
        "locations": [_location(first)],
        "relatedLocations": related,
        "partialFingerprints": {FINGERPRINT: fingerprint(finding)},
        "properties": {
            "findingId": finding.id,
            "verdict": finding.verdict.value,
            "subject": finding.subject,
            "metric": finding.metric,
            "qualifier": finding.qualifier,
            "unit": finding.unit,
        },
    }


def render_sarif(findings: Sequence[Finding]) -> str:
    """The SARIF log: tool, rules and one result per finding given, agreements left out."""
    results = [_result(f) for f in findings if f.verdict in _RULE_INDEX and f.claims]
    used = {f.verdict for f in findings}
    rules = [
        i for i, r in enumerate(_RULES) if r.verdict is not Verdict.UNLISTED or r.verdict in used
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(i) for i in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(log) + "\n"
