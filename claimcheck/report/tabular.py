"""CSV and JSON Lines: one claim per row, or one finding (compare) / claim (extract) per line.

CSV cells are the JSON contract's CLAIM fields (compare adds the finding's id, verdict and
severity first); text cells are one line with control characters shown as `\\xNN`.
Formula-injection guard (the csvkit/OWASP convention): a text cell that starts with `=`,
`+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it
instead of evaluating it. Numbers are written as numbers and never prefixed, and so is
`bound`, which only ever holds the contract's symbols (`=`, `~`, `>=`, ...), never article
text; unbounded `low`/`high` are empty cells. Lines end with "\\n".

JSON Lines objects use the JSON contract's field names and keep article text exact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from claimcheck.models import Bound, Claim, Finding
from claimcheck.report.common import sanitize
from claimcheck.report.json_report import CLAIM_FIELDS, claim_record, finding_record
from claimcheck.report.jsontext import dumps

FINDING_FIELDS = ("finding", "verdict", "severity")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """One CSV cell: text made safe (one line, no formula), numbers plain, null empty."""
    if isinstance(value, Bound):
        return value.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = sanitize(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def _claim_row(claim: Claim) -> list[object]:
    record = claim_record(claim)
    record["bound"] = claim.quantity.bound  # a contract symbol, not text: never prefixed
    return [record[name] for name in CLAIM_FIELDS]


def render_compare_csv(findings: Sequence[Finding]) -> str:
    """One row per claim of every finding given, with that finding's id, verdict and severity."""
    rows = (
        [f.id, f.verdict.value, f.severity.value, *_claim_row(c)]
        for f in findings
        for c in f.claims
    )
    return _csv((*FINDING_FIELDS, *CLAIM_FIELDS), rows)


def render_extract_csv(claims: Sequence[Claim]) -> str:
    """One row per claim, sorted by path and position."""
    return _csv(CLAIM_FIELDS, (_claim_row(c) for c in sorted(claims, key=lambda c: c.sort_key)))


def render_compare_jsonl(findings: Sequence[Finding]) -> str:
    """One FINDING object per line, in the order given."""
    return "".join(dumps(finding_record(f), indent=None) + "\n" for f in findings)


def render_extract_jsonl(claims: Sequence[Claim]) -> str:
    """One CLAIM object per line, sorted by path and position."""
    ordered = sorted(claims, key=lambda c: c.sort_key)
    return "".join(dumps(claim_record(c), indent=None) + "\n" for c in ordered)
