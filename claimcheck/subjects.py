"""Decide which model or organisation a figure is about."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from claimcheck import patterns as P
from claimcheck.entities import DEVICE, HARDWARE, MEASURED_ON_REACH, MODEL, ORG, Entity
from claimcheck.lexicon import Lexicon
from claimcheck.reading import Reading
from claimcheck.text import Sentence

_REACH_AFTER = 80  # a name later in the sentence is the subject only this close (characters)


def subject_for(
    text: str,
    sent: Sentence,
    entities: Sequence[Entity],
    r: Reading,
    kind: str,
    given: str | None,
    carried: Mapping[str, str],
    lex: Lexicon,
    figures: Sequence[int] = (),
) -> str:
    """The subject of one figure whose metric describes a `kind` of subject (`figures`:
    where the sentence's figures start).

    `given` is a name the sentence's shape already gave it ("GPT-4o's 74.6%", a table
    row, "respectively"); `carried` the model and organisation named before the
    sentence. A company figure (funding, employees) goes only to an organisation; one
    that fits either (a GPU count, a sum of money) to a model the sentence names, else
    to an organisation it names ("Northwind AI burns $3 million a month").
    """
    if given is not None and (
        kind != ORG or any(e.name == given and e.kind == ORG for e in entities)
    ):
        return given
    if kind == ORG:
        return pick_subject(text, sent, entities, r, ORG, carried[ORG], lex, figures)
    fallback = carried[MODEL] or carried[ORG]
    if kind == "any":
        named = pick_subject(text, sent, entities, r, MODEL, "", lex, figures)
        return named or pick_subject(text, sent, entities, r, ORG, fallback, lex, figures)
    return pick_subject(text, sent, entities, r, kind, fallback, lex, figures)


def pick_subject(
    text: str,
    sent: Sentence,
    entities: Sequence[Entity],
    r: Reading,
    kind: str,
    fallback: str,
    lex: Lexicon,
    figures: Sequence[int] = (),
) -> str:
    """The name a figure is about, read from its sentence, else `fallback`.

    In order: a compared name the figure is glued to ("ahead of Helix-2 at 41.0%"); the
    nearest name before the figure that is not compared against; one just after it in the
    same clause; the object of a preposition before it ("API pricing for Helix-3 is
    $2.50"). A pronoun before the figure points back past the last two ("On OSWorld it
    reached 72.5%, while Nimbus-1 reached 68.0%").
    """
    m = r.mention
    fits = [
        e for e in entities if _fits(e, kind) and not (m.start <= e.start and e.end <= r.phrase_end)
    ]
    owner = _compared_owner(text, r, fits, lex)
    if owner is not None:
        return owner.name
    ahead = [e for e in fits if not e.compared]
    # a device is the subject of a figure after it ("The Pixel 10 has a 6.3-inch screen")
    devices = [e for e in entities if e.kind == DEVICE and kind != ORG and not e.compared]
    before = sorted((e for e in [*ahead, *devices] if e.end <= m.start), key=lambda e: e.end)
    if before:
        return before[-1].name
    if fallback and lex.re.subject.anaphor.search(text, sent.start, m.start):
        return fallback
    objects = [e for e in fits if e.object_only]
    close = _just_after(text, r, ahead, lex, figures)
    close = close or [e for e in objects if e.end <= m.start][-1:]
    close = close or _just_after(text, r, objects, lex, figures)
    if close:
        return close[0].name
    return fallback


def _just_after(
    text: str, r: Reading, names: Sequence[Entity], lex: Lexicon, figures: Sequence[int] = ()
) -> list[Entity]:
    """The names a little after a figure in its own clause, nearest first, with no other
    figure between ("78.6% on MMLU, against 76.9% for Plover-3": Plover-3 is 76.9%'s;
    "3.8e26 FLOPs, roughly four times what we spent on Kelso-3": the four times is)."""
    m = r.mention
    return [
        e
        for e in names
        if e.start >= m.end
        and e.start - m.end <= _REACH_AFTER
        and not lex.re.subject.clause_break.search(text, m.end, e.start)
        and not P.ANY_DIGIT.search(text, r.phrase_end, e.start)
        and not any(m.end <= f < e.start for f in figures)
        and not _owns_aside(text, m.end, e, figures)
    ]


def _owns_aside(text: str, end: int, e: Entity, figures: Sequence[int]) -> bool:
    """Whether a name after a figure opens a parenthesis with a figure of its own:
    "$4.20 per exam (Mammora 2 was $5.00)" - the name is its own figure's, not $4.20's
    (where "41.5% (Mammora 3)" names the figure's owner)."""
    paren = text.rfind("(", end, e.start)
    if paren < 0:
        return False
    close = text.find(")", e.end, e.end + _REACH_AFTER)
    close = close if close >= 0 else e.end + _REACH_AFTER
    return any(e.end <= f < close for f in figures)


def _fits(e: Entity, kind: str) -> bool:
    return e.kind == kind or (kind == "any" and e.kind in (MODEL, ORG))


def _compared_owner(text: str, r: Reading, fits: Sequence[Entity], lex: Lexicon) -> Entity | None:
    """The compared name right before a figure that is its own: "ahead of Helix-2 at
    41.0%", "beating Helix-2 (41.0%)", "than Helix-2, which scored 41.0%"."""
    m = r.mention
    before = [e for e in fits if e.end <= m.start]
    if not before or not before[-1].compared:
        return None
    e = before[-1]
    if not lex.re.subject.compared_gap.fullmatch(text, e.end, m.start):
        return None
    if (
        e.object_only
        and not P.RELATIVE.search(text, e.end, m.start)
        and not P.COMMA_NEXT.match(text, e.end)
    ):
        # an object owns the figure only through a relative clause ("for Argent's Helion
        # H400, which carries 192 GB") or an aside ("closer to GPT-5, at $1.25")
        return None
    if "(" in text[e.end : m.start] and not P.CLOSING_PAREN.match(text, r.phrase_end):
        return None  # "beats Helix-2 (52.8% vs 41%)": the parenthesis holds more
    return e


_MEASURED_REACH = 40  # characters between a figure and the device it was measured on


def speed_device(
    text: str,
    sent: Sentence,
    r: Reading,
    entities: Sequence[Entity],
    lex: Lexicon,
    speeds: Sequence[Reading] = (),
) -> str:
    """The device or chip a speed was measured on, with their count ("on 8× H100"): named
    after the figure in its clause ("38 tokens per second on an iPhone 16 Pro and 27 on a
    Pixel 9 Pro"), or right before it ("runs on Apple's iPad Pro at 20 tokens per second"),
    or opening the sentence, ahead of any other speed it could not scope ("On a single H100,
    Kestrel-2 generates 140 tokens per second"), or in turn for the sentence's `speeds`
    written as a list ("On the Solace 9 and the Kestrel 14, Zeta-2 generates 28.4 and 61
    tokens per second"); "" when none is."""
    m = r.mention
    # "run on N3 silicon" names a process, not a machine
    kit = [e for e in entities if e.kind in (DEVICE, HARDWARE) and not lex.re.process.match(e.name)]
    starts = [s.mention.start for s in speeds]
    ahead = [e for e in kit if e.end <= min(starts, default=m.start)]
    in_turn = lex.re.respectively.search(text, sent.start, sent.end) is not None or all(
        P.FIGURE_LIST_GAP.fullmatch(text, a.mention.end, b.mention.start)
        for a, b in pairwise(speeds)
    )
    if len(speeds) > 1 and len(ahead) == len(speeds) and m.start in starts and in_turn:
        return device_label(text, sent.start, ahead[starts.index(m.start)], lex)
    for e in kit:
        if r.phrase_end <= e.start <= r.phrase_end + _MEASURED_REACH:
            lead = lex.re.measured_on_name.search(
                text, max(r.phrase_end, e.start - MEASURED_ON_REACH), e.start
            )
            if (
                lead
                and not P.ANY_DIGIT.search(text, r.phrase_end, lead.start())
                and not P.SENTENCE_PART_BREAK.search(text, r.phrase_end, lead.start())
            ):
                return device_label(text, lead.start(), e, lex)
    before = [e for e in kit if e.end <= m.start]
    if before and lex.re.subject.device_then_figure.fullmatch(text, before[-1].end, m.start):
        lead = lex.re.measured_on_name.search(
            text, max(sent.start, before[-1].start - MEASURED_ON_REACH), before[-1].start
        )
        if lead:  # "runs on Apple's iPad Pro at 20 tokens per second"
            return device_label(text, lead.start(), before[-1], lex)
    # an opener scopes the sentence's speeds ("..., against 95 for Kestrel-1"), unless
    # another speed comes first and another device or clause could be this one's
    if before and lex.re.measured_on_name.fullmatch(text, sent.start, before[0].start):
        passed = any(before[0].end <= s < m.start for s in starts)
        parted = P.SENTENCE_PART_BREAK.search(text, before[0].end, m.start) is not None
        if not passed or (len(kit) == 1 and not parted):
            return device_label(text, sent.start, before[0], lex)
    return ""


def device_label(text: str, lo: int, device: Entity, lex: Lexicon) -> str:
    """A device or chip as a qualifier names it, with the count written before it: "eight
    H100 GPUs" -> "8× H100", "a single B200" -> "B200", "| 8x H100 |" -> "8× H100"."""
    name = P.PLURAL_DEVICE.sub("", device.name)  # "B200s" -> "B200"
    before = P.DEVICE_COUNT.search(text, max(lo, device.start - MEASURED_ON_REACH), device.start)
    count = 1
    if before and before.group(1):
        count = int(before.group(1))
    elif before:
        count = lex.words.get(before.group(2).lower(), 1)
    return f"{count}× {name}" if count > 1 else name


def after_predecessor(
    text: str, sent: Sentence, r: Reading, entities: Sequence[Entity], lex: Lexicon
) -> bool:
    """Whether a figure is an unnamed predecessor's: "while its predecessor scored 41.0%"
    (the word in the figure's own clause, no name between), "the 1 million tokens of its
    predecessor"."""
    m = r.mention
    owner = P.OWNER_GAP.match(text, r.phrase_end, sent.end)
    if owner and lex.re.subject.predecessor.match(text, owner.end(), sent.end):
        return True
    cues = list(lex.re.subject.predecessor.finditer(text, sent.start, m.start))
    if not cues:
        return False
    cue = cues[-1]
    if any(cue.end() <= e.start and e.end <= m.start for e in entities):
        return False
    return lex.re.subject.clause_break.search(text, cue.end(), m.start) is None


def direct_subject(text: str, r: Reading, entities: Sequence[Entity], lex: Lexicon) -> str | None:
    """A name glued to the figure: "GPT-4o's 74.6%", "84.9% for Claude 3 Opus"."""
    m = r.mention
    for e in entities:
        if e.kind not in (MODEL, ORG):
            continue
        if e.end <= m.start and P.POSSESSIVE_GAP.fullmatch(text, e.end, m.start):
            return e.name
        if e.start >= m.end and any(
            lex.re.subject.for_gap.fullmatch(text, end, e.start) for end in {m.end, r.phrase_end}
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
    """'A and B score 80% and 70% respectively' gives each figure its own subject; so does
    'A and B score 80% and 70%' when the names and the figures are both plain lists."""
    out: list[str | None] = [None] * len(resolved)
    by_metric: dict[tuple[str, str], list[int]] = {}
    for i, (_, metric, qualifier) in enumerate(resolved):
        by_metric.setdefault((metric, qualifier), []).append(i)
    lists = [indexes for indexes in by_metric.values() if len(indexes) > 1]
    if not lists:  # one figure per metric: nothing to distribute (the common case)
        return out
    everything = list(range(len(resolved)))
    if len(lists) > 1 or len(lists[0]) < len(resolved):
        # "Chorus 2, Chorus 1 and Whisper 3 score 1.7%, 2.3% and 2.0% WER": one list of
        # figures, though the last names its measure after it
        figures = [r for r, _, _ in resolved]
        if _listed_figures(text, figures) and len({r.unit for r in figures}) == 1:
            lists = [everything]
    explicit = lex.re.respectively.search(text, sent.start, sent.end) is not None
    # a device or a chip in the list is where the figure was measured, not whose it is
    names = [e for e in entities if not e.compared and e.kind not in (DEVICE, HARDWARE)]
    for indexes in lists:
        figures = [resolved[i][0] for i in indexes]
        first = figures[0].mention.start
        listed = [e for e in names if e.end <= first]
        if not explicit:
            listed = _listed_last(text, listed) if _listed_figures(text, figures) else []
        if len(listed) == len(indexes):
            for i, e in zip(indexes, listed, strict=True):
                out[i] = e.name
    return out


def _listed_last(text: str, names: Sequence[Entity]) -> list[Entity]:
    """The last run of names written as a list ("Helix-3 and Helix-3 Mini")."""
    run = list(names[-1:])
    for e in reversed(names[:-1]):
        if not P.COORDINATION.fullmatch(text, e.end, run[0].start):
            break
        run.insert(0, e)
    return run


def _listed_figures(text: str, figures: Sequence[Reading]) -> bool:
    """Whether figures are written one after another as a list ("52.8% and 31.5%")."""
    return all(
        P.FIGURE_LIST_GAP.fullmatch(text, a.mention.end, b.mention.start)
        for a, b in pairwise(figures)
    )


def rival_figures(
    text: str,
    readings: Sequence[Reading],
    entities: Sequence[Entity],
    heading_rivals: Sequence[str],
    lex: Lexicon,
) -> dict[int, tuple[str | None, int]]:
    """The figures a sentence gives its rivals: those written as a list after a rival cue
    ("81.7 vs 76.0 / 79.3", "$2 and $8, against $3 and $12 for GPT-5"), each mapped by its
    start to (the rival's name, the index of the figure before the cue it answers).

    The names are those right after the list ("for Mistletoe Mini and Orbit-S 4B"), else
    the names the sentence compares against, else those its section's heading compares
    against ("Benchmarks (vs Mistletoe Mini / Orbit-S 4B)"): one name for each figure, or
    one for all. With no such names the rival is unknown (None): the figure is still
    not the subject's. A figure answers the one as far before the cue as it is after it,
    when the sentence has that many ("$2 and $8, against $3 and $12": $3 answers $2)."""
    out: dict[int, tuple[str | None, int]] = {}
    for k in range(1, len(readings)):
        gap_start = readings[k - 1].phrase_end or readings[k - 1].mention.end
        if not lex.re.subject.rival_cue.search(text, gap_start, readings[k].mention.start):
            continue
        run = [readings[k]]
        for r in readings[k + 1 :]:
            a, b = run[-1].mention.end, r.mention.start
            if not (P.LIST_GAP.fullmatch(text, a, b) or P.SLASH_LIST_GAP.fullmatch(text, a, b)):
                break
            run.append(r)
        after, names = _rival_names(text, run, entities, lex)
        names = names or list(heading_rivals)
        if len(names) != len(run) and not (after and len(names) == 1):
            names = []  # one name owns them all only when written after them
        if not names and len(run) == 1:
            break  # "versus 76.0% last year": maybe an earlier value, not a rival's
        own = k - len(run) if k >= len(run) else k - 1
        for i, r in enumerate(run):
            name = (names[i] if len(names) > 1 else names[0]) if names else None
            out[r.mention.start] = (name, own + i if own + i < k else k - 1)
        break
    return out


def _rival_names(
    text: str, run: Sequence[Reading], entities: Sequence[Entity], lex: Lexicon
) -> tuple[bool, list[str]]:
    """The names a list of rival figures belongs to: the list of names right after it
    ("for Mistletoe Mini and Orbit-S 4B"; True), else the names compared before it."""
    names = [e for e in entities if e.kind in (MODEL, ORG)]
    end = run[-1].phrase_end or run[-1].mention.end
    after = [e for e in names if e.start >= end]
    if after and lex.re.subject.for_gap.fullmatch(text, end, after[0].start):
        listed = [after[0]]
        for e in after[1:]:
            if not P.COORDINATION.fullmatch(text, listed[-1].end, e.start):
                break
            listed.append(e)
        return True, [e.name for e in listed]
    first = run[0].mention.start
    return False, [e.name for e in names if e.compared and not e.object_only and e.end <= first]


def rival_of(entities: Sequence[Entity], r: Reading) -> str:
    """The last model or organisation compared against before a figure ("preferred over
    Veo 3 in 61% of comparisons"), else the first one just after it ("wins 44.9% of the
    duels against Strobeline 3"), or ""."""
    compared = [e for e in entities if e.compared and e.kind in (MODEL, ORG)]
    before = [e for e in compared if e.end <= r.mention.start]
    if before:
        return before[-1].name
    after = [e for e in compared if 0 <= e.start - r.phrase_end <= _REACH_AFTER]
    return after[0].name if after else ""


def listed_owner(
    text: str, readings: Sequence[Reading], direct: dict[int, str | None]
) -> dict[int, str | None]:
    """'$3 and $15 for Halyard-R': the name after the last figure of a plain list of
    figures owns the figures before it too."""
    for a, b in reversed(list(pairwise(readings))):
        owner = direct[b.mention.start]
        if (
            owner
            and direct[a.mention.start] is None
            and P.LIST_GAP.fullmatch(text, a.mention.end, b.mention.start)
        ):
            direct[a.mention.start] = owner
    return direct
