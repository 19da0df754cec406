"""Turn an article into numeric claims: figure, metric, subject, qualifier and quote."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.entities import MODEL, ORG, Entity, dominant, find_entities
from claimcheck.lexicon import Lexicon
from claimcheck.models import Bound, Claim, Quantity, Source
from claimcheck.numbers import Mention, find_mentions
from claimcheck.text import Sentence, split_sentences

_WORD = re.compile(r"[ \t\u00a0\u202f]*([A-Za-z0-9](?:[\w’']|\.(?=\w))*(?:-[\w’']+)*)")
_YEARS = re.compile(r"[\s\u00a0]*((?:19|20)\d\d)((?:[\s\u00a0]*/[\s\u00a0]*(?:19|20)\d\d)*)")
_CLAUSE_BREAK = re.compile(r"[;()]|\s[—–]\s")
_COPULA_SUBJECT = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:is|are|was|were|runs|run|becomes|got|gets)\s+$"
)
_OWNED = re.compile(r"[ \t\u00a0-]*(?:(?:on|in|at|for)[ \t\u00a0]+(?:the[ \t\u00a0]+)?)?")
_POSSESSIVE = re.compile(r"['’]s?[ \t\u00a0]+")
_FOR_SUBJECT = re.compile(r"[ \t\u00a0,]*(?:for|by)[ \t\u00a0]+")
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)[ \t\u00a0]+")
_COPULAS = frozenset({"are", "is", "were", "was", "being", "be", "get", "gets", "got"})


@dataclass(frozen=True)
class _Reading:
    """What the words around one mention say about it."""

    mention: Mention
    unit: str
    unit_kind: str
    metric: str = ""
    strong: bool = False
    modifiers: tuple[str, ...] = ()
    phrase_end: int = 0
    qualifier: str = ""
    window: bool = False


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return word[:-1]
    return word


def _following_words(text: str, pos: int, limit: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Up to `limit` words after pos, stopping at punctuation or a function word."""
    words: list[tuple[str, int, int]] = []
    while len(words) < limit:
        m = _WORD.match(text, pos)
        if not m or m.group(1).lower() in lex.stop_words:
            break
        words.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return words


def _count_unit(text: str, mention: Mention, lex: Lexicon) -> tuple[str, tuple[str, ...], int]:
    """The count noun a figure counts ("8,000 GB200 GPUs" -> GPUs) and the words before it."""
    if mention.compound:
        parts = mention.compound.split("-")
        for i in range(len(parts)):
            unit = lex.unit_forms.get(" ".join(parts[i:]).lower())
            if unit and lex.units[unit].kind == "count":
                return unit, tuple(parts[:i]), mention.end
    words = _following_words(text, mention.end, 6, lex)
    for i, (_, s, _) in enumerate(words):
        m = lex.re.count.match(text, s)
        if m:
            unit = lex.unit_forms[re.sub(r"[\s\u00a0]+", " ", m.group()).lower()]
            return unit, tuple(w for w, _, _ in words[:i]), m.end()
    return "", (), mention.end


def _noun_phrase(text: str, pos: int, lex: Lexicon) -> str:
    words = []
    for w, _, _ in _following_words(text, pos, 4, lex):
        if w.lower() in ("and", "or"):
            break
        words.append(w)
    if not words:
        return ""
    words[-1] = _singular(words[-1])
    return " ".join(w.lower() if not w.isupper() else w for w in words)


def _change_metric(text: str, sent: Sentence, mention: Mention, lex: Lexicon) -> str:
    """'30% lower inference cost' and 'cut costs by 30%' -> 'inference cost reduction'."""
    after = lex.re.change_after.match(text, mention.end)
    if after:
        word = re.sub(r"\s+", " ", after.group().strip().lower())
        phrase = _noun_phrase(text, after.end(), lex)
        if not phrase:
            before = _COPULA_SUBJECT.search(text[sent.start : mention.start])
            phrase = _singular(before.group(1)).lower() if before else ""
        if not phrase:
            return word
        if mention.unit_kind == "multiplier":
            return f"{word} {phrase}"
        return f"{phrase} {lex.change_after[word]}"
    before = lex.re.change_before.search(text[sent.start : mention.start])
    if before:
        verb = before.group().split()[0].lower()
        words = before.group(1).split()
        if words:
            words[-1] = _singular(words[-1])
            phrase = " ".join(w.lower() for w in words)
            return f"{phrase} {lex.change_verbs.get(verb, 'change')}"
    return ""


def _metric_units_match(metric_unit: str, unit: str, lex: Lexicon) -> bool:
    """A metric fits a figure with no unit, the metric's own unit, or any other currency."""
    if not unit or metric_unit == unit:
        return True
    return unit in lex.currencies and metric_unit in lex.currencies


def _alias_metric(
    text: str,
    sent: Sentence,
    reading: _Reading,
    aliases: Sequence[re.Match[str]],
    lex: Lexicon,
    others: Sequence[Mention],
) -> tuple[float, str, re.Match[str] | None]:
    """The metric named nearest the figure in its sentence, among those its unit fits."""
    best: tuple[float, str, re.Match[str] | None] = (math.inf, "", None)
    m = reading.mention
    for alias in aliases:
        metric = lex.metrics[_alias_name(alias, lex)]
        if not _metric_units_match(metric.unit, reading.unit, lex):
            continue
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
                and _OWNED.fullmatch(text, o.end, alias.start())
            ),
            None,
        )
        if owner is not None and alias.start() - owner.end <= 1:
            continue  # the name right after another figure is that figure's own
        between = any(lo <= o.start < hi for o in others if o is not m)
        score = len(gap) + 40 * len(_CLAUSE_BREAK.findall(gap)) + (500 if between else 0)
        score += 300 if owner is not None else 0
        if alias.start() >= m.end:
            score = score if _OWNED.fullmatch(gap) else score + 5
        if score < best[0]:
            best = (score, metric.name, alias)
    return best


def _read(text: str, sent: Sentence, mention: Mention, lex: Lexicon) -> _Reading | None:
    """Unit and attached metric of one mention; None when the figure is not a claim."""
    unit, kind = mention.unit, mention.unit_kind
    modifiers: tuple[str, ...] = ()
    phrase_end = mention.end
    if not unit or kind == "currency":
        count, modifiers, phrase_end = _count_unit(text, mention, lex)
        if count and not unit:
            unit, kind = count, "count"
    metric, strong = "", False
    if mention.compound and not modifiers:
        modifiers = tuple(mention.compound.split("-"))
    for word in modifiers:
        names = [
            n
            for n in lex.after_metric.get(word.lower(), ())
            if _metric_units_match(lex.metrics[n].unit, unit, lex)
        ]
        if names:
            metric, strong = names[0], True
    if not metric and unit in ("", "parameters"):
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[phrase_end : phrase_end + 30])]
        words = [w for w in words[:3] if w not in _COPULAS][:1]
        for word in words:
            names = [
                n for n in lex.after_metric.get(word, ()) if lex.metrics[n].unit == "parameters"
            ]
            if names and (unit or re.match(r"\s+(?:are|is|were|was)\b", text[phrase_end:])):
                metric, strong = names[0], True
    following = lex.re.metric.match(
        text, phrase_end + (1 if text[phrase_end : phrase_end + 1] in " -" else 0)
    )
    if not metric and following:
        name = lex.alias_metric[re.sub(r"[\s\u00a0]+", " ", following.group().lower())]
        if _metric_units_match(lex.metrics[name].unit, unit, lex):
            metric, strong, phrase_end = name, True, following.end()
    if not metric and kind in ("percent", "multiplier"):
        metric = _change_metric(text, sent, mention, lex)
        strong = bool(metric)
    if not metric and kind == "count":
        metric = lex.units[unit].metric or unit
    if mention.words and not mention.scaled and (not unit or mention.value < 2):
        return None
    if kind == "time":
        before = text[max(sent.start, mention.start - 12) : mention.start].split()
        if before and before[-1].lower() in lex.relative_before:
            return None
        rest = text[mention.end : mention.end + 12].lower().split()
        if rest and rest[0].strip(".,;") in lex.relative_after:
            return None
        window = bool(before) and before[-1].lower() in lex.window_words
        return _Reading(
            mention, unit, kind, "duration", False, modifiers, phrase_end, window=window
        )
    return _Reading(mention, unit, kind, metric, strong, modifiers, phrase_end)


def _is_year(text: str, m: Mention) -> bool:
    surface = text[m.start : m.end]
    return (
        not m.unit
        and not m.scaled
        and m.bound == Bound.EQ
        and re.fullmatch(r"(?:1[89]|20)\d\d", surface) is not None
    )


def _quantity(text: str, r: _Reading, metric_unit: str, tolerance: float) -> Quantity:
    m = r.mention
    unit = r.unit or metric_unit
    p = m.precision
    value = m.value
    floor = 0.0 if value >= 0 else -math.inf
    if m.bound == Bound.RANGE and m.low is not None and m.high is not None:
        lo, hi = m.low - p, m.high + p
    elif m.bound == Bound.GT or m.bound == Bound.GE:
        lo, hi = value, math.inf
    elif m.bound == Bound.LT or m.bound == Bound.LE:
        lo, hi = floor, value
    else:
        lo, hi = value - p, value + p
    widen = tolerance * abs(value) if m.approx else 0.0
    return Quantity(
        value=value,
        unit=unit,
        low=lo - widen,
        high=hi + widen,
        strict_low=lo,
        strict_high=hi,
        precision=p,
        approx=m.approx,
        bound=m.bound,
        surface=text[m.start : m.end],
        alternatives=m.alternatives,
    )


def _pick_subject(entities: Sequence[Entity], r: _Reading, kind: str, fallback: str) -> str:
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
    after = [e for e in fits if e.start >= m.end and e.start - m.end <= 80]
    if after:
        return after[0].name
    return fallback


def extract_claims(source: Source, lex: Lexicon) -> list[Claim]:
    """Every numeric claim in one source, in text order."""
    text = source.text
    noise = [(m.start(), m.end()) for m in lex.re.noise.finditer(text)]
    sentences = split_sentences(text, lex)
    mentions = [
        m for m in find_mentions(text, lex) if not any(s < m.end and m.start < e for s, e in noise)
    ]
    per_sentence: list[tuple[Sentence, list[re.Match[str]], list[Entity], list[Mention]]] = []
    all_entities: list[Entity] = []
    index = 0
    for sent in sentences:
        aliases = list(lex.re.metric.finditer(text, sent.start, sent.end))
        alias_spans = [(a.start(), a.end()) for a in aliases]
        entities = find_entities(text, sent.start, sent.end, lex, alias_spans)
        all_entities.extend(entities)
        while index < len(mentions) and mentions[index].start < sent.start:
            index += 1
        inside = []
        while index < len(mentions) and mentions[index].end <= sent.end:
            inside.append(mentions[index])
            index += 1
        per_sentence.append((sent, aliases, entities, inside))
    top = {MODEL: dominant(all_entities, MODEL), ORG: dominant(all_entities, ORG)}
    claims: list[Claim] = []
    for sent, aliases, entities, inside in per_sentence:
        claims.extend(_sentence_claims(source, sent, aliases, entities, inside, top, lex))
    return claims


def _sentence_claims(
    source: Source,
    sent: Sentence,
    aliases: list[re.Match[str]],
    entities: list[Entity],
    inside: list[Mention],
    top: dict[str, str],
    lex: Lexicon,
) -> list[Claim]:
    text = source.text
    entity_spans = [(e.start, e.end) for e in entities]
    qualified: dict[int, list[str]] = {}
    for alias in aliases:
        spec = lex.metrics[_alias_name(alias, lex)]
        if spec.qualifier != "year":
            continue
        years = _YEARS.match(text, alias.end())
        if years:
            qualified[alias.start()] = re.findall(r"\d{4}", years.group())
            entity_spans.append((alias.end(), years.end()))
            continue
        year = _YEAR_BEFORE.search(text, max(sent.start, alias.start() - 6), alias.start())
        if year and year.end() == alias.start():
            qualified[alias.start()] = [year.group(1)]
            entity_spans.append((year.start(), year.end()))
    mentions = [
        m
        for m in inside
        if not any(s < m.end and m.start < e for s, e in entity_spans)
        and not any(a.start() <= m.start and m.end <= a.end() for a in aliases)
    ]
    readings: list[_Reading] = []
    for m in mentions:
        if (
            _is_year(text, m)
            and not _count_unit(text, m, lex)[0]
            and not lex.re.score_before.search(text, sent.start, m.start)
        ):
            continue
        r = _read(text, sent, m, lex)
        if r is not None:
            readings.append(r)
    windows = [r for r in readings if r.window]
    window_text = ""
    if windows and any(r.unit_kind == "count" for r in readings):
        w = windows[0]
        window_text = f"in {w.mention.value:g} {w.unit}"
        readings = [r for r in readings if not r.window]
    claims: list[Claim] = []
    alias_uses: dict[int, int] = {}
    resolved: list[tuple[_Reading, str, str]] = []
    assigned = _distribute_metrics(text, readings, aliases, sent, lex)
    direct = {r.mention.start: _direct_subject(text, r, entities) for r in readings}
    for r in readings:
        named = _resolve_metric(
            text, sent, r, aliases, mentions, qualified, alias_uses, assigned, lex
        )
        if named is None:
            continue
        metric_name, qualifier = named
        if direct[r.mention.start] is None and lex.re.previous.search(
            text, sent.start, r.mention.start
        ):
            qualifier = "previous"
        if r.unit_kind == "count" and window_text:
            qualifier = qualifier or window_text
        resolved.append((r, metric_name, qualifier))
    subjects = _distribute_subjects(entities, resolved, sent, text, lex)
    for (r, metric, qualifier), subject in zip(resolved, subjects, strict=True):
        known = lex.metrics.get(metric)
        kind = (
            known.subject
            if known
            else (lex.units[r.unit].subject if r.unit in lex.units else "model")
        )
        subject = subject or direct[r.mention.start]
        if subject is None:
            fallback = top[kind] if kind in top else (top[MODEL] or top[ORG])
            if not fallback:
                fallback = top[MODEL] or top[ORG]
            subject = _pick_subject(entities, r, kind, fallback)
        quantity = _quantity(text, r, known.unit if known else "", lex.hedge_tolerance)
        line, column = source.position(r.mention.start)
        claims.append(
            Claim(
                subject=subject,
                metric=metric,
                qualifier=qualifier,
                quantity=quantity,
                path=source.path,
                line=line,
                column=column,
                start=r.mention.start,
                end=r.mention.end,
                quote=text[r.mention.start : r.mention.end],
                sentence=text[sent.start : sent.end],
            )
        )
    return claims


def _alias_name(match: re.Match[str] | str, lex: Lexicon) -> str:
    """The metric an alias match names."""
    surface = match if isinstance(match, str) else match.group()
    return lex.alias_metric[re.sub(r"[\s\u00a0]+", " ", surface.lower())]


def _resolve_metric(
    text: str,
    sent: Sentence,
    r: _Reading,
    aliases: Sequence[re.Match[str]],
    mentions: Sequence[Mention],
    qualified: dict[int, list[str]],
    alias_uses: dict[int, int],
    assigned: dict[int, re.Match[str]],
    lex: Lexicon,
) -> tuple[str, str] | None:
    """Metric and qualifier of one reading, or None when nothing says what it measures.

    Order: words attached to the figure; the spec-line key ("Context Window: 256K"); the
    nearest metric named in the sentence; a cue word ("invested"); the count noun's metric;
    the key's own words.
    """
    if r.strong:
        return r.metric, ""
    in_value = bool(sent.key) and r.mention.start >= sent.key_end
    key_alias = lex.re.metric.search(sent.key) if in_value else None
    if key_alias and _metric_units_match(
        lex.metrics[_alias_name(key_alias, lex)].unit, r.unit, lex
    ):
        return _alias_name(key_alias, lex), _key_years(sent.key, key_alias.end(), alias_uses, -1)
    if in_value:
        key = sent.key.lower()
        count = lex.unit_forms.get(key, "")
        if count and lex.units[count].kind == "count" and r.unit in ("", count):
            return lex.units[count].metric or count, ""
        for name in lex.after_metric.get(key, ()):
            if _metric_units_match(lex.metrics[name].unit, r.unit, lex):
                return name, ""
    if r.mention.start in assigned:
        given = assigned[r.mention.start]
        return _alias_name(given, lex), _use_year(qualified, given, alias_uses)
    score, named, alias = _alias_metric(text, sent, r, aliases, lex, mentions)
    cue_distance, cue = _cue_metric(text, sent, r, lex)
    if cue and cue_distance < score:
        return cue, ""
    if named and alias is not None:
        return named, _use_year(qualified, alias, alias_uses)
    if r.metric:
        return r.metric, ""
    if in_value:
        return sent.key.lower(), ""
    if r.unit_kind == "currency":
        return "amount", ""
    if r.unit_kind == "multiplier":
        return "multiple", ""
    return None


def _use_year(qualified: dict[int, list[str]], alias: re.Match[str], uses: dict[int, int]) -> str:
    """The next year of 'AIME 2025/2026' for each figure that names it, in order."""
    years = qualified.get(alias.start())
    if not years:
        return ""
    use = uses.get(alias.start(), 0)
    uses[alias.start()] = use + 1
    return years[min(use, len(years) - 1)]


def _distribute_metrics(
    text: str,
    readings: Sequence[_Reading],
    aliases: Sequence[re.Match[str]],
    sent: Sentence,
    lex: Lexicon,
) -> dict[int, re.Match[str]]:
    """'90.8% and 71.5% on MMLU and GPQA Diamond, respectively': one name per figure."""
    if not lex.re.respectively.search(text, sent.start, sent.end):
        return {}
    free = [r for r in readings if not r.strong]
    names = [
        a
        for a in aliases
        if _metric_units_match(
            lex.metrics[_alias_name(a, lex)].unit, free[0].unit if free else "", lex
        )
    ]
    if len(free) < 2 or len(names) != len(free):
        return {}
    return {r.mention.start: a for r, a in zip(free, names, strict=True)}


def _direct_subject(text: str, r: _Reading, entities: Sequence[Entity]) -> str | None:
    """A name glued to the figure: "GPT-4o's 74.6%", "84.9% for Claude 3 Opus"."""
    m = r.mention
    for e in entities:
        if e.kind not in (MODEL, ORG):
            continue
        if e.end <= m.start and _POSSESSIVE.fullmatch(text, e.end, m.start):
            return e.name
        if e.start >= m.end and _FOR_SUBJECT.fullmatch(text, m.end, e.start):
            return e.name
    return None


def _key_years(key: str, pos: int, uses: dict[int, int], slot: int) -> str:
    years = _YEARS.match(key, pos)
    if not years:
        return ""
    found: list[str] = re.findall(r"\d{4}", years.group())
    use = uses.get(slot, 0)
    uses[slot] = use + 1
    return found[min(use, len(found) - 1)]


def _cue_metric(text: str, sent: Sentence, r: _Reading, lex: Lexicon) -> tuple[float, str]:
    """The metric a nearby cue word gives ("raised $4 billion" -> funding), with its distance."""
    best: tuple[float, str] = (math.inf, "")
    if not r.unit:
        return best
    for cue in lex.re.cue.finditer(text, sent.start, sent.end):
        for name in lex.cue_metric[cue.group().lower()]:
            if r.unit_kind == "count" and lex.metrics[name].unit != r.unit:
                continue
            if _metric_units_match(lex.metrics[name].unit, r.unit, lex):
                distance = (
                    r.mention.start - cue.end()
                    if cue.end() <= r.mention.start
                    else cue.start() - r.mention.end + 5
                )
                if distance < best[0]:
                    best = (float(distance), name)
    return best


def _distribute_subjects(
    entities: list[Entity],
    resolved: list[tuple[_Reading, str, str]],
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


def extract_all(sources: Sequence[Source], lex: Lexicon) -> list[Claim]:
    """Claims of every source, sorted by path and position."""
    claims = [c for s in sources for c in extract_claims(s, lex)]
    return sorted(claims, key=lambda c: c.sort_key)
