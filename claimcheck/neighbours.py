"""How neighbouring figures of a sentence lend each other what one of them leaves
unwritten: a unit ("1,200 and 700 watts"), a count noun ("24 billion parameters and 73
billion"), a measure ("1.7%, 2.3% and 2.0% WER"), a hanging hyphen ("4- to 8-bit"), the
unit a move starts from ("from 640 MW to 710"), a whole's part ("22 billion of its 235
billion parameters")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon
from claimcheck.numbers import range_of
from claimcheck.reading import POINTS, Reading, counted_noun
from claimcheck.text import Sentence


def elided(text: str, r: Reading, before: Sequence[Reading], lex: Lexicon) -> Reading:
    """'X has 24 billion parameters and Y has 73 billion': the second figure shares the
    first one's count noun (or, in quantity mode, the noun it counts), when both are
    written with a scale word and it names none;
    'leads by 3.4 points on OSWorld and 1.5 on SWE-bench' shares the points."""
    if r.unit or r.strong:
        return r
    if (
        before
        and before[-1].unit == POINTS
        and P.AND_BEFORE.fullmatch(text, before[-1].phrase_end, r.mention.start)
    ):
        return replace(r, unit=POINTS, unit_kind=before[-1].unit_kind)
    if not r.mention.scaled or counted_noun(text, r.mention, lex):
        return r  # "3.1 million tasks and 2.6 million searches": searches are not tasks
    end = r.mention.end
    letter = text[end - 1 : end] if text[end - 2 : end - 1].isdigit() else ""  # "64K"
    for prior in reversed(before):
        if prior.unit_kind in ("count", "measure") and prior.mention.scaled:
            suffixes = lex.units[prior.unit].bare_suffixes if prior.unit in lex.units else ()
            if letter.isalpha() and suffixes and letter not in suffixes:
                return r  # "16 billion parameters, ... the context length is 64K"
            return replace(r, unit=prior.unit, unit_kind=prior.unit_kind, metric=prior.metric)
        if prior.noun and prior.mention.scaled and not r.noun:
            return replace(r, noun=prior.noun)  # "3.9 million headsets, up from 2.4 million"
    return r


def unit_from_next(text: str, readings: list[Reading]) -> list[Reading]:
    """'1,200 and 700 watts', '28.4 and 61 tokens per second', 'in 42 and 18 seconds', '14
    -> 17.2 tok/s': a figure joined to the next by "and"/"or" or an arrow with no measure
    of its own is in the next one's measure (as written, not converted: "28 and 61 ms"
    would need the figure scaled too, so it is left); a scaled figure listed before a
    scaled count counts the same ("1.2 billion, 3.1 billion and 7.9 billion parameters")."""
    out = list(readings)
    for i in range(len(out) - 2, -1, -1):
        r, following = out[i], out[i + 1]
        listed = P.LIST_GAP.fullmatch(text, r.mention.end, following.mention.start)
        if (
            _hanging(text, r, following)
            or (
                r.unit_kind in ("", "count")
                and following.unit_kind in ("measure", "rate", "time")
                and not following.mention.written
                and not r.mention.scaled
                and not r.mention.compound  # "a 185-hp four-cylinder or 270-hp V-6"
                and (listed or P.ARROW_GAP.fullmatch(text, r.mention.end, following.mention.start))
            )
            or (
                # "1.2 billion, 3.1 billion and 7.9 billion parameters": counted alike
                not r.unit_kind
                and not r.noun
                and following.unit_kind == "count"
                and r.mention.scaled
                and following.mention.scaled
                and listed
            )
        ):
            out[i] = replace(
                r,
                unit=following.unit,
                unit_kind=following.unit_kind,
                metric=following.metric,
                strong=following.strong,
            )
    return out


def metric_from_next(text: str, readings: list[Reading]) -> list[Reading]:
    """'1.7%, 2.3% and 2.0% WER': figures listed in one unit share the measure named right
    after the last of them."""
    out = list(readings)
    for i in range(len(out) - 2, -1, -1):
        r, following = out[i], out[i + 1]
        if (
            not r.metric
            and following.strong
            and r.unit
            and r.unit == following.unit
            and P.FIGURE_LIST_GAP.fullmatch(text, r.mention.end, following.mention.start)
        ):
            out[i] = replace(r, metric=following.metric, strong=True)
    return out


def unit_from_start(
    text: str, sent: Sentence, readings: list[Reading], lex: Lexicon
) -> list[Reading]:
    """'from about 14-18 mpg to 24', 'fell from $5 to 3.50': the figure a move reaches,
    written with no unit or noun of its own, is in the unit of the figure it moves from
    ("from 640 MW to 710": 710 MW, in watts as 640 MW is)."""
    out = list(readings)
    for i in range(1, len(out)):
        start, r = out[i - 1], out[i]
        if r.unit or r.noun or not start.unit or r.mention.scaled != start.mention.scaled:
            continue
        m = start.mention
        if P.FROM_BEFORE.search(text, max(sent.start, m.start - 8), m.start) and (
            P.TO_GAP.fullmatch(text, m.end, r.mention.start)
        ):
            reached = r.mention
            if m.written and start.unit != m.written:  # "from 640 MW to 710", in watts
                reached = replace(reached.rescaled(lex.units[m.written].factor), written=m.written)
            out[i] = replace(
                r,
                mention=reached,
                unit=start.unit,
                unit_kind=start.unit_kind,
                metric=r.metric or start.metric,
                strong=r.strong or start.strong,
            )
    return out


def sub_unit_from_before(
    readings: list[Reading], names: Sequence[tuple[int, int]], lex: Lexicon
) -> list[Reading]:
    """'95 milliseconds on average, and rarely more than 130', 'battery life is 5.5 hours,
    against 4 for the Cobble': a figure with no unit or noun of its own after one written
    in a unit counted in another ("milliseconds" in seconds) is in that written unit, so
    it is rescaled as that one was (130 ms, not the 130 seconds the metric's unit would
    make it). Not past a metric's name (`names`: "38 MW of power, with a PUE of 1.12")."""
    out = list(readings)
    for i in range(1, len(out)):
        before, r = out[i - 1], out[i]
        written = before.mention.written
        if r.unit or r.noun or r.strong or not written or written not in lex.units:
            continue
        if any(before.mention.end <= s and e <= r.mention.start for s, e in names):
            continue
        if r.mention.scaled or before.mention.scaled or r.mention.written:
            continue
        out[i] = replace(
            r,
            mention=replace(r.mention.rescaled(lex.units[written].factor), written=written),
            unit=before.unit,
            unit_kind=before.unit_kind,
        )
    return out


def _hanging(text: str, r: Reading, following: Reading) -> str:
    """The word after a figure with no unit whose hyphen is left hanging before the next
    figure's unit ("a 7- or 8-inch screen" -> "or"), else "" (and not in "the 7- and
    70-billion-parameter models", where the scale word is left hanging too)."""
    if r.unit or not following.unit or following.mention.scaled:
        return ""
    gap = P.SUSPENDED_GAP.fullmatch(text, r.mention.end, following.mention.start)
    return gap.group(1) if gap else ""


def hanging_ranges(text: str, readings: list[Reading]) -> list[Reading]:
    """'an 8- to 16-meter telescope', '4- to 8-bit weights': one range in the second
    figure's unit."""
    out: list[Reading] = []
    i = 0
    while i < len(readings):
        r = readings[i]
        following = readings[i + 1] if i + 1 < len(readings) else None
        if following is not None and _hanging(text, r, following) == "to":
            joined = range_of(following.mention, r.mention)
            joined = replace(joined, start=r.mention.start, end=following.mention.end)
            out.append(replace(following, mention=joined))
            i += 2
            continue
        out.append(r)
        i += 1
    return out


def part_of_whole(text: str, readings: list[Reading], lex: Lexicon) -> list[Reading]:
    """'activates 22 billion of its 235 billion parameters': a bare figure before "of its"
    and a count counts a part of that whole, in its unit and the unit's part metric
    (active parameters); the whole is the unit's own metric (total parameters)."""
    out = list(readings)
    for i in range(len(out) - 1):
        part, whole = out[i], out[i + 1]
        if whole.unit_kind != "count" or whole.unit not in lex.units:
            continue
        if part.unit and part.unit != whole.unit:  # "21B of its 236B": both parameters
            continue
        if not P.PART_OF_GAP.fullmatch(text, part.mention.end, whole.mention.start):
            continue
        unit = lex.units[whole.unit]
        out[i] = replace(
            part,
            unit=whole.unit,
            unit_kind=whole.unit_kind,
            metric=unit.part_metric or part.metric,
            strong=bool(unit.part_metric) or part.strong,
        )
        if unit.metric:
            out[i + 1] = replace(whole, metric=unit.metric, strong=True)
    return out
