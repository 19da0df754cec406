"""Baselines: differences the desk has accepted, keyed by content so CI fails only on new ones."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

import yaml

from claimcheck.models import Finding, Verdict
from claimcheck.yamlcheck import ClaimsFileError, read_yaml

ENTRY_FIELDS = (
    "fingerprint",
    "id",
    "subject",
    "metric",
    "qualifier",
    "unit",
    "verdict",
    "values",
    "sources",
    "reason",
    "accepted_by",
    "date",
)


@dataclass(frozen=True)
class Accepted:
    """One accepted finding as the baseline file records it."""

    fingerprint: str
    id: str
    verdict: str
    line: int = 0


@dataclass(frozen=True)
class Applied:
    """Findings left after a baseline, how many it accepted, and its entries nothing matched."""

    findings: tuple[Finding, ...]
    accepted: int
    stale: tuple[Accepted, ...]


def _values(finding: Finding) -> list[str]:
    return sorted({f"{c.quantity.value:.12g}{c.quantity.bound.value}" for c in finding.claims})


def _source_name(path: str) -> str:
    """A source as the baseline knows it: its file name (a URL as a whole), so a baseline
    made from `seeds/` still matches when CI names the folder `/abs/path/seeds`."""
    return path if "://" in path else PurePath(path).name


def fingerprint(finding: Finding) -> str:
    """A content key: subject, metric, qualifier, unit, the figures given and the sources
    giving them — never line numbers, so moving a paragraph keeps the entry valid, while a
    new figure or a new source makes it a new finding."""
    parts = [finding.subject, finding.metric, finding.qualifier, finding.unit]
    parts += _values(finding) + sorted({_source_name(c.path) for c in finding.claims})
    return "sha256:" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def render_baseline(findings: Sequence[Finding]) -> str:
    """The baseline file for these findings (agreements are never recorded)."""
    entries = []
    for f in findings:
        if f.verdict == Verdict.AGREE:
            continue
        entries.append(
            {
                "fingerprint": fingerprint(f),
                "id": f.id,
                "subject": f.subject,
                "metric": f.metric,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "verdict": f.verdict.value,
                "values": _values(f),
                "sources": sorted({c.path for c in f.claims}),
                "reason": "",
                "accepted_by": "",
                "date": "",
            }
        )
    header = (
        "# claimcheck baseline: findings the desk has accepted. `compare --baseline` leaves\n"
        "# them out. Entries are matched by fingerprint (content, not line numbers); fill in\n"
        "# reason, accepted_by and date when you accept one.\n"
    )
    body = yaml.safe_dump({"accepted": entries}, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def load_baseline(path: str) -> tuple[Accepted, ...]:
    """Read a baseline file; a malformed one raises ClaimsFileError naming file and line."""
    root = read_yaml(Path(path))
    top = root.mapping("baseline", ("accepted",))
    if "accepted" not in top:
        raise root.fail("baseline: missing field 'accepted'")
    entries = []
    for item in top["accepted"].items("accepted"):
        fields = item.mapping("baseline entry", ENTRY_FIELDS)
        if "fingerprint" not in fields:
            raise item.fail("baseline entry: missing field 'fingerprint'")
        entries.append(
            Accepted(
                fields["fingerprint"].text("fingerprint"),
                fields["id"].text("id") if "id" in fields else "",
                fields["verdict"].text("verdict") if "verdict" in fields else "",
                item.line,
            )
        )
    return tuple(entries)


def apply_baseline(findings: Sequence[Finding], accepted: Sequence[Accepted]) -> Applied:
    """Leave out accepted findings; report the entries that matched nothing as stale."""
    keys = {a.fingerprint for a in accepted}
    kept = [f for f in findings if f.verdict == Verdict.AGREE or fingerprint(f) not in keys]
    seen = {fingerprint(f) for f in findings}
    stale = tuple(a for a in accepted if a.fingerprint not in seen)
    return Applied(tuple(kept), len(findings) - len(kept), stale)


__all__ = [
    "Accepted",
    "Applied",
    "ClaimsFileError",
    "apply_baseline",
    "fingerprint",
    "load_baseline",
    "render_baseline",
]
