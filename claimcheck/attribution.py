"""Decide which metric (and which year or scope) a figure measures."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon, Metric
from claimcheck.numbers import Mention, words_before
from claimcheck.patterns import SPACE_CHARS, singular, squash
from claimcheck.reading import AMOUNT, MULTIPLE, Reading, units_fit, without_names
from claimcheck.text import Sentence

# How far a metric name is from a figure: characters between them, plus these penalties.
_CLAUSE_PENALTY = 40  # per ";", "(" or dash between them
_CROSSED_PENALTY = 500  # another figure stands between them
_OWNED_PENALTY = 300  # the name sits right after another figure ("97.3% on MATH-500")
_AFTER_PENALTY = 5  # a name after the figure, unless joined by "on"/"in"/"at"
_ON_BONUS = 0.5  # a tie goes to the name joined by "on": "a WER of 4.1% on LibriSpeech"
# How far before and after a figure its clause is read for a noun that names its metric
# ("The agreement with Cinderpath is valued at $300 million")
_CLAUSE_BEFORE, _CLAUSE_AFTER = 60, 40


def _alias_metric(
    text: str,
    sent: Sentence,
    reading: Reading,
    aliases: Sequence[re.Match[str]],
    lex: Lexicon,
    others: Sequence[Mention],
) -> tuple[float, str, re.Match[str] | None]:
    """The metric named nearest the figure in its sentence, among those its unit fits."""
    best: tuple[float, str, re.Match[str] | None] = (math.inf, "", None)
    m = reading.mention
    for alias in aliases:
        metric = lex.metrics[alias_name(alias, lex)]
        if not units_fit(metric.unit, reading.unit, lex):
            continue
        if _scores_named_set(metric, aliases, others, lex):
            continue  # "On test-clean, ... 2.0% WER": the test set's score
        measure = metric.unit in lex.units and lex.units[metric.unit].kind == "measure"
        if measure and not reading.unit:
            continue  # a bare "120,000" near "campus" is no draw in watts (a spec line's may be)
        if alias.start() >= m.end:
            lo, hi = max(m.end, reading.phrase_end), alias.start()
        else:
            lo, hi = alias.end(), m.start
        gap = text[lo:hi] if hi >= lo else ""
        owner = next(
            (
                o
                for o in others
                if o is not m
                and o.end <= alias.start()
                and P.OWNED_GAP.fullmatch(text, o.end, alias.start())
            ),
            None,
        )
        if owner is not None and alias.start() - owner.end <= 1:
            continue  # the name right after another figure is that figure's own
        if alias.start() >= m.end and any(
            o.start >= alias.end() and P.NAME_THEN_FIGURE.fullmatch(text, alias.end(), o.start)
            for o in others
        ):
            continue  # "81.7%, on GPQA Diamond 71.4%": a name right before its own figure
        # "$3 per million input tokens, $0.30 for cached input": a name inside an earlier
        # figure's quote is that figure's, unless nothing else names this one ("GPT-5
        # costs $1.25 per million input tokens, GPT-5 mini $0.25")
        inside = any(
            o.end <= m.start and o.start <= alias.start() and alias.end() <= o.end for o in others
        )
        between = any(lo <= o.start < hi for o in others if o is not m)
        score = float(len(gap) + _CLAUSE_PENALTY * len(P.CLAUSE_BREAK.findall(gap)))
        score += (_CROSSED_PENALTY if between else 0) + (_OWNED_PENALTY if owner or inside else 0)
        if alias.start() >= m.end and not P.OWNED_GAP.fullmatch(gap):
            score += _AFTER_PENALTY
        elif alias.start() >= m.end:
            score -= _ON_BONUS
        if score < best[0]:
            best = (score, metric.name, alias)
    return best


def _scores_named_set(
    measure: Metric, aliases: Sequence[re.Match[str]], figures: Sequence[Mention], lex: Lexicon
) -> bool:
    """Whether a way of scoring (word error rate) gives way to a test set it scores, named
    before the sentence's first figure ("On LibriSpeech test-clean, A and B score 1.7% and
    2.0% WER"; not "71% on MMLU, and a 4.2% word error rate")."""
    if not measure.measure_of or not figures:
        return False
    first = min(f.start for f in figures)
    return any(
        alias.end() <= first and alias_name(alias, lex) in measure.measure_of for alias in aliases
    )


def settings_in(text: str, sent: Sentence, lex: Lexicon) -> list[re.Match[str]]:
    """The evaluation settings written in a sentence ("with tools", "pass@1")."""
    return list(lex.re.setting.finditer(text, sent.start, sent.end))


def evaluation_setting(
    text: str,
    sent: Sentence,
    m: Mention,
    settings: Sequence[re.Match[str]],
    mentions: Sequence[Mention],
    lex: Lexicon,
) -> str:
    """The label of the setting a benchmark score was reached in, or "".

    A setting written after the figure and before the next one (not right against that
    one, nor past a ";") is its own ("68.5% without tools and 74.9% with tools"); failing
    that, one after the figure before it ("with tools, 74.9%"); failing that, a lone
    setting that opens the sentence, or the one a table header or "Key:" names
    ("HumanEval (pass@1)", "Wayfarer-3 (thinking)").
    """
    if not settings and not sent.key and not sent.label:
        return ""
    # "targets $12 billion": such a label scopes only the figure right after it
    settings = [s for s in settings if not _too_far(text, s, m, lex)]
    nxt = min((o.start for o in mentions if o.start >= m.end), default=None)
    following = sent.end if nxt is None else nxt
    preceding = max((o.end for o in mentions if o.end <= m.start), default=sent.start)
    # a setting right before the next figure is that one's ("... and an aggregate 3,100")
    after = [
        s
        for s in settings
        if m.end <= s.start() < following
        and (nxt is None or text[s.end() : following].strip(SPACE_CHARS))
        and not P.SENTENCE_PART_BREAK.search(text, m.end, s.start())  # "61.4%; in non-thinking"
    ]
    # ... but one nearer the figure before, with "and" between, is that one's ("0.5 yuan
    # on a cache hit, and 8 yuan per million output tokens")
    before = [
        s
        for s in settings
        if preceding <= s.start()
        and s.end() <= m.start
        and not (
            preceding > sent.start
            and s.start() - preceding < m.start - s.end()
            and P.NEXT_ITEM.search(text, s.end(), m.start)
        )
    ]
    opening = [s for s in settings if mentions and s.end() <= mentions[0].start]
    if after:
        chosen: str = after[0].group()
    elif before:
        chosen = before[-1].group()
    elif len(settings) == 1 and opening:
        chosen = opening[0].group()
    else:
        # a table's header: "HumanEval (pass@1)", "Wayfarer-3 (thinking)"
        found = (lex.re.setting.search(h) for h in (sent.key, sent.label) if h)
        key = next((f for f in found if f), None)
        chosen = key.group() if key else ""
        plans = (
            lex.plan_words.get(P.PARENTHESIS.sub("", h).strip().lower(), "")
            for h in (sent.key, sent.label)
        )
        chosen = chosen or next((p for p in plans if p), "")  # "| | Pro | Team |"
        if _settings_label(chosen, lex) in lex.adjacent_settings:
            chosen = ""  # "The 8B targets laptops: 31 tokens per second"
    return _settings_label(chosen, lex)


def _settings_label(written: str, lex: Lexicon) -> str:
    """The label a setting as written stands for ("with tool use" -> "with tools")."""
    label = squash(written).lower()
    return lex.settings.get(label, label)


def _too_far(text: str, setting: re.Match[str], m: Mention, lex: Lexicon) -> bool:
    """Whether a label that scopes only the figure right after it (grammar.yaml
    evaluation_settings: adjacent) stands anywhere else ("targets laptops: 31 tokens")."""
    if _settings_label(setting.group(), lex) not in lex.adjacent_settings:
        return False
    return setting.end() > m.start or not P.ADJACENT_GAP.fullmatch(text, setting.end(), m.start)


def alias_name(match: re.Match[str] | str, lex: Lexicon) -> str:
    """The metric an alias match names."""
    surface = match if isinstance(match, str) else match.group()
    return lex.alias_metric[squash(surface).lower()]


def resolve_metric(
    text: str,
    sent: Sentence,
    r: Reading,
    aliases: Sequence[re.Match[str]],
    mentions: Sequence[Mention],
    qualified: dict[int, list[str]],
    alias_uses: dict[int, int],
    assigned: dict[int, re.Match[str]],
    lex: Lexicon,
) -> tuple[str, str] | None:
    """Metric and qualifier of one reading, or None when nothing says what it measures.

    Order: a verb right before the figure ("used 180K output tokens"); words attached to
    the figure; the spec-line key ("Context Window: 256K"); the
    nearest metric named in the sentence; a cue word ("invested"); the count noun's metric;
    the key's own words.
    """
    before = words_before(text, r.mention.start, sent.start)[-1:]
    for name in lex.before_metric.get(before[0], ()) if before else ():
        if lex.metrics[name].unit == r.unit:
            return name, ""  # "a typical task used around 180K output tokens"
    own = lex.metrics.get(r.metric)
    if own is not None and _scores_named_set(own, aliases, mentions, lex):
        r = replace(r, metric="", strong=False)  # "On test-clean, ... 2.0% WER"
    if r.strong:
        return r.metric, ""
    in_value = bool(sent.key) and r.mention.start >= sent.key_end
    key_alias = lex.re.metric.any_case.search(sent.key) if in_value else None
    if key_alias and units_fit(lex.metrics[alias_name(key_alias, lex)].unit, r.unit, lex):
        return alias_name(key_alias, lex), _next_year(
            years_after(sent.key, key_alias.end()), -1, alias_uses
        )
    key = without_names(sent.key, lex).lower() if in_value else ""
    if in_value:
        count = lex.unit_forms.get(key, "")
        if count and lex.units[count].kind == "count" and r.unit in ("", count):
            return lex.units[count].metric or count, ""
        for name in lex.after_metric.get(key, ()):
            if units_fit(lex.metrics[name].unit, r.unit, lex):
                return name, ""
    if r.mention.start in assigned:
        given = assigned[r.mention.start]
        return alias_name(given, lex), _use_year(qualified, given, alias_uses)
    score, named, alias = _alias_metric(text, sent, r, aliases, lex, mentions)
    measure = _own_measure(text, sent, r, alias, lex)
    if measure:
        return measure, ""
    cue_distance, cue = _cue_metric(text, sent, r, aliases, lex)
    if cue and cue_distance < score:
        return cue, ""
    if named and alias is not None:
        return named, _use_year(qualified, alias, alias_uses)
    if r.metric:
        return r.metric, ""
    if in_value and _names_a_measure(key, lex) and key not in lex.plan_words:  # "Teams: $30"
        return key, ""
    if r.unit_kind == "currency":
        return AMOUNT, ""
    if r.unit_kind == "multiplier":
        return MULTIPLE, ""
    return None


def clause_metric(text: str, sent: Sentence, r: Reading, metric: str, lex: Lexicon) -> str:
    """The metric a noun in the figure's own clause makes of it (metrics.yaml instead_of,
    clause_nouns): "The agreement is valued at $300 million" is a deal's value."""
    takers = lex.replaced_by.get(metric, ())
    if not takers or P.PART_OF_END.search(text, sent.start, r.mention.start):
        return metric  # "activates 21B of its 236B parameters per token": 236B is the whole
    lo = max(sent.start, r.mention.start - _CLAUSE_BEFORE)
    hi = min(sent.end, r.phrase_end + _CLAUSE_AFTER)
    breaks = list(P.CLAUSE_BREAK.finditer(text, lo, r.mention.start))
    lo = breaks[-1].end() if breaks else lo
    if P.ANY_DIGIT.search(text, lo, r.mention.start):
        lo = r.mention.start  # "37B parameters per token out of 420 billion": 37B's words
    after = P.CLAUSE_BREAK.search(text, r.phrase_end, hi) or P.ANY_DIGIT.search(
        text, r.phrase_end, hi
    )  # "120B parameters, of which 9B fire per token": the next figure's words are its own
    clause = P.LETTERS.findall(text[lo : after.start() if after else hi].lower())
    words = {*clause, *(" ".join(pair) for pair in pairwise(clause))}  # "per token" too
    verbs = set(P.LETTERS.findall(text[lo : r.mention.start].lower()))  # "values X at $11B"
    named = (m for m in takers if words & m.clause_nouns and not verbs & m.clause_unless)
    return next((m.name for m in named), metric)


def _own_measure(
    text: str, sent: Sentence, r: Reading, alias: re.Match[str] | None, lex: Lexicon
) -> str:
    """A rate named in the percentage's own clause ("..., and its refusal rate fell to
    3%" -> refusal rate), when no metric is named in that clause before the figure."""
    if r.unit != "%" or (alias is not None and alias.start() > r.mention.start):
        return ""
    start = alias.end() if alias is not None else sent.start
    breaks = list(lex.re.subject.clause_break.finditer(text, start, r.mention.start))
    if alias is not None and not breaks:
        return ""  # "its SimpleQA refusal rate": the benchmark is in the same clause
    found = list(
        lex.re.measure.finditer(text, breaks[-1].end() if breaks else start, r.mention.start)
    )
    if not found:
        return ""
    words = found[-1].group("words").lower().split()
    while words and words[0] in lex.stop_words:
        words.pop(0)
    if not words or any(w in lex.stop_words for w in words):
        return ""
    return " ".join([*words, singular(found[-1].group("head").lower())])


_KEY_WORDS = 4  # a "Key:" longer than this is a sentence, not the name of a measure


def _names_a_measure(key: str, lex: Lexicon) -> bool:
    """Whether a spec line's key can name what its figure measures ("Vocabulary size"),
    not a sentence that ends in a colon ("Vantor-4 is a sparse mixture-of-experts
    model:")."""
    words = key.lower().split()
    return 0 < len(words) <= _KEY_WORDS and not any(w in lex.copulas for w in words)


def years_after(text: str, pos: int) -> list[str]:
    """The years written right after a benchmark's name: 'AIME 2025/2026' -> both."""
    years = P.YEARS_AFTER.match(text, pos)
    return P.FOUR_DIGITS.findall(years.group()) if years else []


def _next_year(years: Sequence[str], slot: int, uses: dict[int, int]) -> str:
    """Each figure that names 'AIME 2025/2026' takes the next year, in order."""
    if not years:
        return ""
    use = uses.get(slot, 0)
    uses[slot] = use + 1
    return years[min(use, len(years) - 1)]


def _use_year(qualified: dict[int, list[str]], alias: re.Match[str], uses: dict[int, int]) -> str:
    """The next year of a benchmark named in the sentence."""
    return _next_year(qualified.get(alias.start(), []), alias.start(), uses)


def distribute_metrics(
    text: str,
    readings: Sequence[Reading],
    aliases: Sequence[re.Match[str]],
    sent: Sentence,
    lex: Lexicon,
) -> dict[int, re.Match[str]]:
    """'90.8% and 71.5% on MMLU and GPQA Diamond, respectively': one name per figure. The
    word may be left out when a list of figures is followed by a list of as many names
    ('74.6% and 22.0% on HumanEval and SWE-bench Verified')."""
    free = [r for r in readings if not r.strong]
    if len(free) < 2:
        return {}
    names = [
        a for a in aliases if units_fit(lex.metrics[alias_name(a, lex)].unit, free[0].unit, lex)
    ]
    if len(names) != len(free):
        return {}
    if not lex.re.respectively.search(text, sent.start, sent.end) and not _two_lists(
        text, free, names
    ):
        return {}
    return {r.mention.start: a for r, a in zip(free, names, strict=True)}


def _two_lists(text: str, figures: Sequence[Reading], names: Sequence[re.Match[str]]) -> bool:
    """Whether figures written as a list ("74.6% and 22.0%") are followed by their names
    written as a list ("on HumanEval and SWE-bench Verified")."""
    listed = all(
        P.FIGURE_LIST_GAP.fullmatch(text, a.phrase_end, b.mention.start)
        for a, b in pairwise(figures)
    )
    return (
        listed
        and names[0].start() >= figures[-1].phrase_end
        and P.OWNED_GAP.fullmatch(text, figures[-1].phrase_end, names[0].start()) is not None
        and all(P.FIGURE_LIST_GAP.fullmatch(text, a.end(), b.start()) for a, b in pairwise(names))
    )


def paired_metrics(
    text: str, readings: Sequence[Reading], sent: Sentence, lex: Lexicon
) -> dict[int, str]:
    """'$15/$75 per million input/output tokens' (grammar.yaml metric_pairs) and '$2.50 in
    / $15 out' (metric_marks): two figures side by side take the two metrics of a pair in
    order; {} when no pair applies."""
    if sum(1 for r in readings if r.unit) < 2:
        return {}  # no two figures with a unit: no pair to search the sentence for
    for (first, second), pattern in lex.metric_pairs:
        named = pattern.search(text, sent.start, sent.end) is not None
        two = _two_figures(readings, first, lex) if named else None
        if two and P.PAIR_GAP.fullmatch(text, two[0].end, two[1].start):
            return {two[0].start: first, two[1].start: second}
    for (first, second), gap, mark in lex.metric_marks:
        two = _two_figures(readings, first, lex)
        if two and gap.fullmatch(text, two[0].end, two[1].start) and mark.match(text, two[1].end):
            return {two[0].start: first, two[1].start: second}
    return {}


def _two_figures(
    readings: Sequence[Reading], metric: str, lex: Lexicon
) -> tuple[Mention, Mention] | None:
    """The two figures of a sentence in the metric's unit, when there are exactly two."""
    unit = lex.metrics[metric].unit
    fitting = [r.mention for r in readings if r.unit and units_fit(unit, r.unit, lex)]
    return (fitting[0], fitting[1]) if len(fitting) == 2 else None


def unnamed_benchmark(
    text: str, r: Reading, taken: Sequence[tuple[int, int]], lex: Lexicon
) -> str | None:
    """The benchmark a score names right after it that the vocabulary lacks ("71.8% on
    SimplerEnv", "64.2 on the Foley benchmark"): never a name the sentence already knows
    as a model, an organisation or a device (`taken`), nor a word such as a month."""
    if r.unit not in ("%", "") or not 0 <= r.mention.value <= 100:
        return None
    m = lex.re.unnamed_benchmark.match(text, r.phrase_end or r.mention.end)
    if m is None:
        return None
    group = "name" if m.group("name") else "named"
    start, end = m.span(group)
    if m.group(group) in lex.not_names or any(s < end and start < e for s, e in taken):
        return None
    return m.group(group)


def _cue_metric(
    text: str, sent: Sentence, r: Reading, aliases: Sequence[re.Match[str]], lex: Lexicon
) -> tuple[float, str]:
    """The metric a nearby cue word gives ("raised $4 billion" -> funding), with its
    distance; a cue inside the name of a metric the figure's unit fits is that name's
    ("the price per minute (21 dollars)" is no bare price)."""
    best: tuple[float, str] = (math.inf, "")
    if not r.unit:
        return best
    for cue in lex.re.cue.finditer(text, sent.start, sent.end):
        if P.TO_AFTER.match(text, cue.end()):
            continue  # "was raised to 2 yuan": a price moved, no money raised
        if any(
            a.start() <= cue.start()
            and cue.end() <= a.end()
            and units_fit(lex.metrics[alias_name(a, lex)].unit, r.unit, lex)
            for a in aliases
        ):
            continue  # ("training" in "training cost" still cues "2,048 GPUs")
        for name in lex.cue_metric[cue.group().lower()]:
            if r.unit_kind == "count" and lex.metrics[name].unit != r.unit:
                continue
            if units_fit(lex.metrics[name].unit, r.unit, lex):
                distance = (
                    r.mention.start - cue.end()
                    if cue.end() <= r.mention.start
                    else cue.start() - r.mention.end + 5
                )
                if distance < best[0]:
                    best = (float(distance), name)
    return best


def listed_prices(
    text: str, resolved: list[tuple[Reading, str, str]]
) -> list[tuple[Reading, str, str]]:
    """'$15, $4 and $0.60 per million output tokens': amounts listed before one written
    with a rate are prices of the same kind (output prices), whatever the clause names
    nearer to them; so is an amount listed after one, a setting apart ('$0.18 per second
    at 1080p and $0.45 at 4K')."""
    out = list(resolved)
    for i in range(len(out) - 2, -1, -1):
        (a, _, _), (b, metric, qualifier) = out[i], out[i + 1]
        if (
            a.unit_kind == b.unit_kind == "currency"
            and a.unit == b.unit
            and not a.mention.rate
            and b.mention.rate
            and P.LIST_GAP.fullmatch(text, a.mention.end, b.mention.start)
        ):
            out[i] = (
                replace(a, mention=replace(a.mention, rate=b.mention.rate)),
                metric,
                qualifier,
            )
    # "$0.18 per second at 1080p and $0.45 at 4K": an amount listed after one written with
    # a rate, a setting apart, is a price of the same kind
    for i in range(len(out) - 1):
        (a, metric, _), (b, named, qualifier) = out[i], out[i + 1]
        if (
            a.unit_kind == b.unit_kind == "currency"
            and a.unit == b.unit
            and a.mention.rate
            and not b.mention.rate
            and named in ("", AMOUNT)
            and P.LISTED_AFTER.fullmatch(text, a.phrase_end, b.mention.start)
            and not P.OWN_COUNT.match(text, b.mention.end)  # "$40 for a thousand"
        ):
            out[i + 1] = (
                replace(b, mention=replace(b.mention, rate=a.mention.rate)),
                metric,
                qualifier,
            )
    return out


def without_parts(
    text: str, resolved: list[tuple[Reading, str, str]], lex: Lexicon
) -> list[tuple[Reading, str, str]]:
    """Without the figures that break down an earlier one: "1.2 million hours of audio:
    900,000 hours of web audio and 300,000 hours of transcribed speech" (a breakdown cue
    after the whole, and the parts sum to it) are not two more training-audio figures."""
    parts: set[int] = set()
    for i, (whole, metric, _) in enumerate(resolved):
        same = [
            j
            for j in range(i + 1, len(resolved))
            if resolved[j][1] == metric and resolved[j][0].unit == whole.unit
        ]
        end_of_whole = whole.phrase_end or whole.mention.end
        if not same or not lex.re.breakdown.search(
            text, end_of_whole, resolved[same[0]][0].mention.start
        ):
            continue
        for end in range(len(same), 1, -1):
            run = [resolved[j][0].mention for j in same[:end]]
            slack = whole.mention.precision + sum(m.precision for m in run)
            if abs(sum(m.value for m in run) - whole.mention.value) <= slack:
                parts.update(same[:end])
                break
    return [item for i, item in enumerate(resolved) if i not in parts]


def answered_metrics(
    resolved: list[tuple[Reading, str, str]],
    rivals: Mapping[int, tuple[str | None, int]],
    readings: Sequence[Reading],
    lex: Lexicon,
) -> list[tuple[Reading, str, str]]:
    """Rival figures with the metric of the figures they answer: "69.2 on MMLU and 81.7 on
    GSM8K, versus 66.8 and 76.0" gives 66.8 MMLU, and "$2 per million input tokens and $8
    per million output tokens, against $3 and $12" gives $3 the input price; only where
    the rival figures' own words tell them apart no better (one metric for all, or none
    of the vocabulary's)."""
    named = {r.mention.start: (metric, qualifier) for r, metric, qualifier in resolved}
    mine = [(i, r) for i, (r, _, _) in enumerate(resolved) if r.mention.start in rivals]
    answered = [readings[rivals[r.mention.start][1]] for _, r in mine]
    owns = [named.get(o.mention.start) for o in answered]
    theirs = {resolved[i][1] for i, _ in mine}
    distinct = len({o for o in owns if o}) == len(owns) > 1 and len(theirs) == 1
    out = list(resolved)
    for (i, r), own, o in zip(mine, owns, answered, strict=True):
        if own is None or r.unit_kind != o.unit_kind or own[0] == resolved[i][1]:
            continue
        if distinct or resolved[i][1] not in lex.metrics:
            out[i] = (r, *own)
    return out
