"""Decide which model or organisation a figure is about."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck import patterns as P
from claimcheck.entities import MODEL, ORG, Entity
from claimcheck.lexicon import Lexicon
from claimcheck.reading import Reading
from claimcheck.text import Sentence

_REACH_AFTER = 80  # a name later in the sentence is the subject only this close (characters)


def pick_subject(entities: Sequence[Entity], r: Reading, kind: str, fallback: str) -> str:
    """The nearest fitting name before the figure, else one just after it, else `fallback`."""
    m = r.mention
    fits = [
        e
        for e in entities
        if not e.compared
        and (e.kind == kind or (kind == "any" and e.kind in (MODEL, ORG)))
        and not (m.start <= e.start and e.end <= r.phrase_end)
    ]
    before = [e for e in fits if e.end <= m.start]
    if before:
        return before[-1].name
    after = [e for e in fits if e.start >= m.end and e.start - m.end <= _REACH_AFTER]
    if after:
        return after[0].name
    return fallback


def direct_subject(text: str, r: Reading, entities: Sequence[Entity]) -> str | None:
    """A name glued to the figure: "GPT-4o's 74.6%", "84.9% for Claude 3 Opus"."""
    m = r.mention
    for e in entities:
        if e.kind not in (MODEL, ORG):
            continue
        if e.end <= m.start and P.POSSESSIVE_GAP.fullmatch(text, e.end, m.start):
            return e.name
        if e.start >= m.end and any(
            P.FOR_GAP.fullmatch(text, end, e.start) for end in {m.end, r.phrase_end}
        ):
            return e.name
    return None


def distribute_subjects(
    entities: list[Entity],
    resolved: list[tuple[Reading, str, str]],
    sent: Sentence,
    text: str,
    lex: Lexicon,
) -> list[str | None]:
    """'A and B score 80% and 70% respectively' gives each figure its own subject."""
    out: list[str | None] = [None] * len(resolved)
    if not lex.re.respectively.search(text, sent.start, sent.end):
        return out
    names = [e for e in entities if not e.compared]
    by_metric: dict[tuple[str, str], list[int]] = {}
    for i, (_, metric, qualifier) in enumerate(resolved):
        by_metric.setdefault((metric, qualifier), []).append(i)
    for indexes in by_metric.values():
        first = resolved[indexes[0]][0].mention.start
        listed = [e for e in names if e.end <= first]
        if len(indexes) > 1 and len(listed) == len(indexes):
            for i, e in zip(indexes, listed, strict=True):
                out[i] = e.name
    return out
