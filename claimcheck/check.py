"""Set every figure in the articles against the desk's fact sheet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from claimcheck.factsheet import Reference
from claimcheck.lexicon import Lexicon
from claimcheck.models import Claim, Finding, Verdict
from claimcheck.patterns import squash
from claimcheck.reconcile import (
    binary_reading,
    canonical_subjects,
    compare_quantities,
    reconcile,
    slug,
    widen,
)


def _reference_for(claim: Claim, refs: Sequence[Reference], lex: Lexicon) -> Reference | None:
    """The sheet figure a claim speaks to: same subject, metric, unit; same qualifier, or an
    unqualified claim that agrees with exactly one of the metric's qualified figures."""
    same = [
        r
        for r in refs
        if r.metric == claim.metric
        and r.subject == claim.subject
        and r.quantity.unit == claim.quantity.unit
    ]
    exact = [r for r in same if r.qualifier == claim.qualifier]
    if exact:
        return exact[0]
    if claim.qualifier or not same:
        return None
    agreeing = [
        r
        for r in same
        if compare_quantities(claim.quantity, r.quantity).rank < Verdict.CONFLICT.rank
    ]
    return agreeing[0] if len(agreeing) == 1 else None


def _verdict(claim: Claim, ref: Reference, lex: Lexicon) -> Verdict:
    tolerance = lex.tolerances.get(ref.metric, 0.0)
    mine, theirs = (
        widen(binary_reading(q, lex), tolerance) for q in (claim.quantity, ref.quantity)
    )
    return compare_quantities(mine, theirs)


def _sheet(ref: Reference) -> str:
    """'fact sheet: 71.4% (Mistral launch post, 2026-03-10)'."""
    where = ", ".join(x for x in (ref.source, ref.date) if x)
    unit = ref.quantity.unit
    written = ref.quantity.surface + ("%" if unit == "%" else f" {unit}" if unit else "")
    return f"fact sheet: {written} ({where})"


def note_references(
    findings: Sequence[Finding], refs: Sequence[Reference], lex: Lexicon
) -> list[Finding]:
    """`compare` findings with the desk's reference figure named in their summary."""
    if not refs:
        return list(findings)
    names = canonical_subjects([f.subject for f in findings] + [r.subject for r in refs], lex)
    sheet = {(names[r.subject], r.metric, r.qualifier, r.quantity.unit): r for r in refs}
    out = []
    for f in findings:
        ref = sheet.get((names[f.subject], f.metric, f.qualifier, f.unit))
        out.append(replace(f, summary=f"{f.summary} · {_sheet(ref)}") if ref else f)
    return out


def _summary(verdict: Verdict, ref: Reference, claims: Sequence[Claim]) -> str:
    quotes = ", ".join(dict.fromkeys(squash(c.quote) for c in claims))
    sheet = _sheet(ref)
    if verdict == Verdict.AGREE:
        return f"Matches the {sheet}: {quotes}"
    if verdict == Verdict.ROUNDING:
        return f"Rounds the {sheet}: {quotes}"
    if verdict == Verdict.APPROXIMATE:
        return f"Agrees only through a hedge or bound with the {sheet}: {quotes}"
    return f"Contradicts the {sheet}: {quotes}"


def check(claims: Sequence[Claim], refs: Sequence[Reference], lex: Lexicon) -> list[Finding]:
    """One finding per sheet figure the articles mention, with the worst verdict among the
    claims on it; figures the sheet does not list are grouped as in `compare` and marked
    'not on the sheet'."""
    names = canonical_subjects([c.subject for c in claims] + [r.subject for r in refs], lex)
    refs = [replace(r, subject=names[r.subject]) for r in refs]
    matched: dict[Reference, list[Claim]] = defaultdict(list)
    unlisted: list[Claim] = []
    for claim in claims:
        claim = replace(claim, subject=names[claim.subject])
        ref = _reference_for(claim, refs, lex)
        if ref is None:
            unlisted.append(claim)
        else:
            matched[ref].append(replace(claim, qualifier=ref.qualifier))
    findings = []
    for ref, members in matched.items():
        members.sort(key=lambda c: c.sort_key)
        verdict = max((_verdict(c, ref, lex) for c in members), key=lambda v: v.rank)
        base = f"sheet:{slug(ref.subject)}/{slug(ref.metric)}"
        findings.append(
            Finding(
                id=base + (f"@{slug(ref.qualifier)}" if ref.qualifier else ""),
                subject=ref.subject,
                metric=ref.metric,
                qualifier=ref.qualifier,
                unit=ref.quantity.unit,
                verdict=verdict,
                claims=tuple(members),
                summary=_summary(verdict, ref, members),
                consensus=ref.quantity.value,
            )
        )
    for finding in reconcile(unlisted, lex):
        findings.append(
            replace(
                finding,
                verdict=Verdict.UNLISTED,
                summary="Not on the fact sheet: " + finding.summary.split(": ", 1)[-1],
            )
        )
    findings.sort(key=lambda f: (-f.verdict.rank, f.claims[0].sort_key, f.id))
    return findings
