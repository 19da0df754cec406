"""Turn an article into numeric claims: figure, metric, subject, qualifier and quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import pairwise

from claimcheck import patterns as P
from claimcheck.attribution import (
    alias_name,
    answered_metrics,
    clause_metric,
    distribute_metrics,
    evaluation_setting,
    listed_prices,
    paired_metrics,
    resolve_metric,
    settings_in,
    unnamed_benchmark,
    without_parts,
    years_after,
)
from claimcheck.entities import (
    DEVICE,
    HARDWARE,
    MODEL,
    ORG,
    Entity,
    dominant,
    find_entities,
    find_short_names,
    find_tiers,
    find_variant_references,
    handed_on,
    members_named,
    name_key,
    named_without_version,
    older_version,
    orgs_named,
    quotations,
    rounds_to,
    short_names,
    size_label,
    sized_sibling,
    with_tiers,
    word_runs,
)
from claimcheck.lexicon import Lexicon
from claimcheck.models import QUALIFIER_SEPARATOR, Bound, Claim, Source, per_container
from claimcheck.neighbours import (
    elided,
    hanging_ranges,
    metric_from_next,
    part_of_whole,
    sub_unit_from_before,
    unit_from_next,
    unit_from_start,
)
from claimcheck.numbers import Mention, find_mentions, words_before
from claimcheck.reading import (
    POINTS,
    UNIT_ONLY_METRICS,
    Reading,
    count_unit,
    counted_noun,
    grouped,
    is_year,
    join_from_to,
    read_mention,
    to_quantity,
)
from claimcheck.subjects import (
    after_predecessor,
    direct_subject,
    distribute_subjects,
    listed_owner,
    rival_figures,
    rival_of,
    speed_device,
    subject_for,
)
from claimcheck.tables import Article, named_in_header, row_device, row_rest
from claimcheck.text import Sentence, continues_block, split_sentences, unwrap

_Parts = tuple[Sentence, list[re.Match[str]], list[Entity], list[Mention]]


def extract_claims(source: Source, lex: Lexicon, *, every_figure: bool = False) -> list[Claim]:
    """Every numeric claim in one source, in text order.

    With `every_figure`, figures that name no metric are kept too (metric ""), as a
    quantity extractor would report them; names, dates and page furniture still are not.
    """
    text = unwrap(source.text)  # same length: offsets into it are offsets into the file
    sentences = split_sentences(text, lex)
    low = P.folded(text)
    mentions = find_mentions(text, lex, low, moves=not every_figure)
    quotes = quotations(text)
    per_sentence: list[_Parts] = []
    index = 0
    for sent in sentences:
        # A metric name matters only next to a figure, and keeps a benchmark with a
        # number in its name ("MATH-500") from being taken for a model: both need a digit.
        has_digit = P.ANY_DIGIT.search(text, sent.start, sent.end) is not None
        aliases = list(lex.re.metric.finditer(text, low, sent.start, sent.end)) if has_digit else []
        alias_spans = [(a.start(), a.end()) for a in aliases]
        entities = find_entities(text, sent.start, sent.end, lex, alias_spans, quotes, has_digit)
        while index < len(mentions) and mentions[index].start < sent.start:
            index += 1
        inside = []
        while index < len(mentions) and mentions[index].end <= sent.end:
            inside.append(mentions[index])
            index += 1
        per_sentence.append((sent, aliases, entities, inside))
    per_sentence, tiers = _named_in_full(text, per_sentence, lex, quotes)
    all_entities = [e for _, _, entities, _ in per_sentence for e in entities]
    top = {MODEL: dominant(all_entities, MODEL), ORG: dominant(all_entities, ORG)}
    models = list(dict.fromkeys(e.name for e in all_entities if e.kind == MODEL))
    orgs = frozenset(w for e in all_entities if e.kind == ORG for w in e.name.split(" "))
    article = Article(text, lex, tiers, orgs)
    claims: list[Claim] = []
    recent: dict[str, str] = {}
    benchmark: tuple[str, str] | None = None  # the last one scored, for "the same test"
    previous_end = 0
    rivals: list[str] = []  # the names the section's heading compares against
    for sent, aliases, entities, inside in per_sentence:
        heading = _new_section(text, previous_end, sent.start)
        if heading:
            recent, benchmark = {}, None  # under a new heading, nothing points back
        elif _other_family(recent.get(MODEL, ""), top[MODEL]) and _new_paragraph(
            text, previous_end, sent.start
        ):
            # a rival is the subject of its own paragraph only: "GPT-5 still leads on AIME
            # at 94.6%.\n\nAt $3 per million input tokens the model is not cheap"
            recent.pop(MODEL)
        # a sentence that names no model is about the last one named before it
        carried = {kind: recent.get(kind) or top[kind] for kind in top}
        entities = find_variant_references(
            text, sent.start, sent.end, entities, carried[MODEL], models, lex
        )
        if heading:  # "## Benchmarks (vs Mistletoe Mini / Orbit-S 4B)"
            rivals = [e.name for e in entities if e.compared and e.kind in (MODEL, ORG)]
        if inside:
            same = benchmark and (
                benchmark if lex.re.same_benchmark.search(text, sent.start, sent.end) else None
            )
            found = _sentence_claims(
                source,
                text,
                low,
                sent,
                aliases,
                entities,
                inside,
                carried,
                lex,
                article,
                every_figure,
                same,
                rivals,
            )
            found = _family_sizes(found, text, sent, models, lex)
            claims.extend(_named_sizes(found, text, sent, models, lex))
            scores = [c for c in found if _benchmark(c.metric, lex)]
            benchmark = (scores[-1].metric, scores[-1].qualifier) if scores else benchmark
        for kind in top if entities else ():
            named = handed_on(entities, kind)
            if named and not (kind == MODEL and _other_version(named, top[MODEL])):
                recent[kind] = named  # another version named in passing is not handed on
        previous_end = sent.end
    return claims


def _other_version(name: str, subject: str) -> bool:
    """Whether `name` is an earlier or a later version of the article's subject ("Zeta-1.5
    had ...", "a Cairn-4.1 update is planned"): named in passing, not handed on."""
    return older_version(name, subject) or older_version(subject, name)


def _new_paragraph(text: str, previous_end: int, start: int) -> bool:
    """Whether the sentence at `start` opens a new paragraph: it starts a line (the text
    is unwrapped, so a line is a paragraph, a heading or a list item) that does not go on
    the block above (text.continues_block: a list item, a table row, "Key: value")."""
    if text.find("\n", previous_end, start) < 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return not continues_block(text[line_start : len(text) if line_end < 0 else line_end])


def _other_family(name: str, subject: str) -> bool:
    """Whether `name` is a model of another family than the article's subject."""
    if not name or not subject:
        return False
    return name_key(name).split(" ")[0] != name_key(subject).split(" ")[0]


def _named_in_full(
    text: str, per_sentence: list[_Parts], lex: Lexicon, quotes: Sequence[tuple[int, int]]
) -> tuple[list[_Parts], dict[str, str]]:
    """The sentences with every short name written as the full name the article gives
    ("Behemoth" after "Llama 5 Behemoth", "Opus 5" after "Claude Opus 5", "Grand" after
    "Velkin-3 Grand"), and the article's tier words (find_tiers)."""
    every = [e for _, _, entities, _ in per_sentence for e in entities]
    tiers = find_tiers(text, every, lex)
    if tiers:  # "Velkin-3 Grand", then "Grand" alone
        per_sentence = [
            (sent, aliases, with_tiers(entities, text, tiers), inside)
            for sent, aliases, entities, inside in per_sentence
        ]
        every = [e for _, _, entities, _ in per_sentence for e in entities]
    shorts = short_names(every, lex)
    for tier, name in tiers.items():
        if name:
            shorts[tier] = (name, MODEL)
    # an organisation first: "Quillfern is a fabless company" though "the product
    # Quillfern actually wants to sell" reads as naming a product
    for name in orgs_named(text, lex):  # "Pixmere, a London-based startup,"
        shorts.setdefault(name, (name, ORG))
    unversioned = named_without_version(text, lex)
    for name in unversioned:  # "a model called Quillon"
        shorts.setdefault(name, (name, MODEL))
    for name in members_named(text, unversioned, lex):  # "Mossling Nano", after "Mossling"
        shorts.setdefault(name, (name, MODEL))
    if not shorts:
        return per_sentence, tiers
    # the short names of the whole text, found once: no run crosses a sentence's end
    runs = word_runs(text, 0, len(text), shorts)
    out = []
    index = 0
    for sent, aliases, entities, inside in per_sentence:
        while index < len(runs) and runs[index][0] < sent.start:
            index += 1
        mine = []
        while index < len(runs) and runs[index][1] <= sent.end:
            mine.append(runs[index])
            index += 1
        if not mine and not any(e.name in shorts for e in entities):
            out.append((sent, aliases, entities, inside))
            continue
        taken = [(a.start(), a.end()) for a in aliases]
        named = find_short_names(
            text, sent.start, sent.end, shorts, entities, lex, taken, quotes, mine
        )
        out.append((sent, aliases, named, inside))
    return out, tiers


def _new_section(text: str, previous_end: int, start: int) -> bool:
    """Whether the sentence at `start` opens a line that is a Markdown heading."""
    if start > 0 and text.find("\n", previous_end, start) < 0:
        return False
    return P.HEADING.match(text, text.rfind("\n", 0, start) + 1) is not None


_NOISE_REACH = 48  # characters a noise pattern may reach before or after its figure


def _as_headed(m: Mention, sent: Sentence, lex: Lexicon) -> Mention:
    """A table cell's figure in the scale and unit its header gives ('Parameters (B)')."""
    if sent.scale != 1 and not m.scaled:
        m = replace(m.rescaled(times=sent.scale), scaled=True)
    if sent.unit and not m.unit and sent.unit in lex.units:
        m = replace(m, unit=sent.unit, unit_kind=lex.units[sent.unit].kind)
    return m


def _noise_spans(
    text: str, low: str | None, mentions: Sequence[Mention], lex: Lexicon
) -> list[tuple[int, int]]:
    """Page furniture, dates and list numbers (noise.yaml) near one sentence's figures.

    Every noise pattern holds a figure, stays on one line and within a few words of it,
    so only the stretch from a little before the first figure to a little after the last
    is searched, once per sentence.
    """
    first, last = mentions[0], mentions[-1]
    line_start = text.rfind("\n", 0, first.start) + 1
    line_end = text.find("\n", last.end)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, first.start - _NOISE_REACH)
    hi = min(line_end, last.end + _NOISE_REACH)
    if low is None:
        return [n.span() for n in lex.re.noise.finditer(text, lo, hi)]
    # the patterns written in lower case run, faster, over the lower-cased text
    found = [n.span() for n in lex.re.noise_folded.finditer(low, lo, hi)]
    return found + [n.span() for n in lex.re.noise_cased.finditer(text, lo, hi)]


def _scored_test(
    text: str,
    r: Reading,
    aliases: Sequence[re.Match[str]],
    taken: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> tuple[str, str] | None:
    """The test a figure of a way of scoring was measured on, named right after it
    ("93.1% accuracy on SimpleQA", "an accuracy of 94.2% on InvoiceBench"), if any."""
    for alias in aliases:
        if alias.start() >= r.phrase_end and P.ON_GAP.fullmatch(text, r.phrase_end, alias.start()):
            return alias_name(alias, lex), ""
    test = unnamed_benchmark(text, r, taken, lex)
    return (test, "") if test else None


def _benchmark(metric: str, lex: Lexicon) -> bool:
    return metric in lex.metrics and lex.metrics[metric].kind == "benchmark"


def _change_amount(text: str, sent: Sentence, m: Mention, metric: str, lex: Lexicon) -> bool:
    """Whether a figure is by how much a metric changed, written right after a change
    verb ("dropped 3.2% to 85.1%", "gained 40 Elo points", "error rate fell by 12%"),
    unless the verb is one of the metric's cues ("raised $6 billion" is funding)."""
    words = words_before(text, m.start, sent.start)
    if words and words[-1] == "by":
        words.pop()
    known = lex.metrics.get(metric)
    if not words or (known is not None and words[-1] in known.cues):
        return False
    return words[-1] in lex.change_verbs or words[-1] in lex.move_verbs


def _deficit(text: str, sent: Sentence, r: Reading, lex: Lexicon) -> bool:
    """Whether a gap is written as a deficit: "3.1 points behind", "trails it by 2 points"."""
    after = text[r.phrase_end : min(sent.end, r.phrase_end + 24)].lower().split()
    if any(" ".join(after[:n]) in lex.deficit_after for n in (1, 2)):
        return True
    clause = P.CLAUSE_BREAK.split(text[sent.start : r.mention.start])[-1].lower().split()
    return any(
        " ".join(clause[i : i + n]) in lex.deficit_before
        for n in (1, 2)
        for i in range(len(clause))
    )


def _denied(text: str, sent: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether the words right before an unbounded figure deny it ("not 12 trillion") or
    make it a rate's denominator ("per 1M tokens")."""
    if m.bound != Bound.EQ:
        return False
    words = words_before(text, m.start, sent.start)
    before = [" ".join(words[-n:]) for n in (1, 2) if len(words) >= n]
    return any(w in lex.denied_before or w in lex.denominator_before for w in before)


def _of_a_class(text: str, sent: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether a figure after "with" describes a class of things, not the subject: a
    plural noun ("sells to firms with 200 to 5,000 employees", "runs on phones with 8 GB
    of memory") or a noun after "any" ("free for any company with less than $10 million in
    revenue") before it; never a family's sizes or members ("three sizes with 1B, 4B and
    12B parameters")."""
    words = words_before(text, m.start, sent.start)
    if len(words) < 2 or words[-1] != "with" or not words[-2].isalpha():
        return False
    noun = words[-2]
    if lex.re.subject.size_list.fullmatch(noun):
        return False
    before = words[-3] if len(words) > 2 else ""
    if before in lex.class_quantifiers:
        return True  # "any company with"
    # a plural noun after a preposition ("to firms with"), not a verb ("the model ships with")
    return before in lex.class_openers and P.singular(noun) != noun and noun not in lex.unit_forms


def _counts_other_noun(text: str, r: Reading, lex: Lexicon) -> bool:
    """Whether a figure with no unit counts the plural noun right after it ("with 1,200
    raters", "across 57 subjects", "12 general pathologists"): a count of something the
    vocabulary does not measure, not the value of the metric named nearby."""
    if r.unit or r.strong or r.mention.scaled:
        return False
    if r.mention.compound:  # "a 4,200-patient study", "a 12-person team"
        noun = r.mention.compound.split("-")[-1]
        return noun.islower() and noun not in lex.unit_forms and noun not in lex.after_metric
    after = P.FOLLOWING_WORD.match(text, r.mention.end)
    if after is None:
        return False
    if _counted_plural(text, after, lex):
        return True
    # "12 general pathologists": one lower-case word before the plural noun
    word = after.group(1)
    if not word.islower() or word in lex.stop_words or P.singular(word) != word:
        return False
    second = P.FOLLOWING_WORD.match(text, after.end())
    return second is not None and second.group(1).islower() and _counted_plural(text, second, lex)


def _counted_plural(text: str, after: re.Match[str], lex: Lexicon) -> bool:
    """Whether the word a match holds is a plural noun the vocabulary does not measure."""
    word = after.group(1)
    return (
        (word.islower() or P.ACRONYM_PLURAL.fullmatch(word) is not None)  # "400 CIOs"
        and P.singular(word) != word  # a plural noun
        and word not in lex.stop_words
        and word not in lex.unit_forms
        and lex.re.metric.any_case.match(text, after.start(1)) is None
    )


def _counts_not_unit(
    text: str, r: Reading, metric: str, aliases: Sequence[re.Match[str]], lex: Lexicon
) -> bool:
    """Whether a figure with no unit, given a metric of money, time or a measure by a word
    elsewhere in the sentence, counts the noun written after it instead ("price cuts on 50
    different products", "30 million shares at $62 a share", "based on 37 sales, the median
    price", "410,000 hours of audio across 9.64 million tracks")."""
    known = lex.metrics.get(metric)
    if r.unit or known is None or lex.units.get(known.unit) is None:
        return False
    kind = lex.units[known.unit].kind
    if kind not in _MEASURED or not counted_noun(text, r.mention, lex):
        return False
    if kind != "currency":  # "hours of video from 31 million clips": time has its unit
        return True
    # "the input price of 1.25 stays the same": the figure is the value of the price named
    # right before it (the last of the sentence's metric names), and the word after it a verb
    named = [a for a in aliases if a.end() <= r.mention.start][-1:]
    gap = P.LETTERS.findall(text[named[0].end() : r.mention.start].lower()) if named else ["-"]
    return not all(w in lex.value_links for w in gap)


_MEASURED = ("currency", "time", "measure")  # unit kinds no plural noun is counted in


def _previous(
    text: str, sent: Sentence, m: Mention, mentions: Sequence[Mention], lex: Lexicon
) -> bool:
    """Whether the words before a figure make it an earlier value ("up from 1,290"), or an
    arrow after it ("Params: 2.7B → 3.8B"), or words dating it in the past ("$17 million a
    year ago", grammar.yaml earlier_times); a range opened by "from" ("range from $1 to
    $3") is a range, not an earlier value."""
    after = next((o for o in mentions if o.start >= m.end), None)
    if after is not None and P.ARROW_GAP.fullmatch(text, m.end, after.start):
        return True
    if lex.re.earlier_after.match(text, m.end) or lex.re.earlier_label.search(
        text, sent.start, m.start
    ):
        return True  # "the $17 million of a year ago", "(a year ago: $17M)"
    cue = lex.re.previous.search(text, sent.start, m.start)
    if cue is None:
        return False
    bare_from = cue.group().strip().lower() == "from"
    # "rose to 85% from 80%" and "fell from 7.9% to 3.2%" hold an earlier value; "learned
    # from 1.2 million hours" and "4.2 exaflops, from some 24,500 GPUs" do not
    if (
        bare_from
        and not any(o.end <= cue.start() and o.unit == m.unit for o in mentions)
        and (after is None or not P.TO_END.search(text, m.end, after.start))
    ):
        return False
    # "from 300-400 ms to 120 ms": a dashed range moved from is an earlier value too
    moved = after is not None and P.TO_END.search(text, m.end, after.start) is not None
    return not (m.bound == Bound.RANGE and bare_from and not moved)


def _family_sizes(
    claims: list[Claim], text: str, sent: Sentence, models: Sequence[str], lex: Lexicon
) -> list[Claim]:
    """Sizes listed as a family's members ("Ferrule-Coder comes in 1B, 7B and 32B
    versions"): each is its own member's size (Ferrule-Coder-7B's 7B), not one model's
    size read three ways."""
    sized = [
        c
        for c in sorted(claims, key=lambda c: c.start)
        if c.quantity.unit in lex.units
        and lex.units[c.quantity.unit].sized_nouns
        and c.quantity.bound == Bound.EQ
        and c.subject in models
        and not P.NAME_SIZE.search(c.subject)
    ]
    if len({(c.subject, c.metric) for c in sized}) != 1 or len(sized) < 2:
        return claims
    if not all(P.LIST_GAP.fullmatch(text, a.end, b.start) for a, b in pairwise(sized)):
        return claims  # only a list: "8B and 70B", not "8B, down from the 12B of ..."
    if not lex.re.subject.size_list.search(text, sent.start, sent.end):
        return claims
    members = {
        id(c): sized_sibling(c.subject, size_label(c.quantity.value), models, lex) for c in sized
    }
    return [replace(c, subject=members[id(c)]) if id(c) in members else c for c in claims]


def _named_sizes(
    claims: list[Claim], text: str, sent: Sentence, models: Sequence[str], lex: Lexicon
) -> list[Claim]:
    """A model's size that is the size in another member's name is that member's: with
    Velkin-3 9B and Velkin-3 34B in the article, "A 9B and a 34B dense model, and Velkin-3
    Grand" gives each its own size, and "the small model of 9 billion parameters" after
    Velkin-3 34B is Velkin-3 9B's. Only the size a name states (total parameters, never an
    active count), and never when the sentence names the subject before the figure:
    "Qwen3-7B has 7.6 billion parameters" is Qwen3-7B's."""
    out = []
    for c in claims:
        unit = lex.units.get(c.quantity.unit)
        if (
            unit is not None
            and unit.sized_nouns
            and c.metric == unit.metric
            and c.quantity.bound == Bound.EQ
            and c.subject in models
            and name_key(c.subject) not in name_key(text[sent.start : c.start])
        ):
            size = size_label(c.quantity.value)
            own = P.NAME_SIZE.search(c.subject)
            if own is not None and rounds_to(own.group(), size):
                out.append(c)  # "Foo-8B has 8.03B parameters": its own size
                continue
            member = sized_sibling(c.subject, size, models, lex)
            # a member the article names, or one of another size than the subject's
            if member != c.subject and (member in models or own is not None):
                c = replace(c, subject=member)
        out.append(c)
    return out


def _sentence_claims(
    source: Source,
    text: str,
    low: str | None,
    sent: Sentence,
    aliases: list[re.Match[str]],
    entities: list[Entity],
    inside: list[Mention],
    top: dict[str, str],
    lex: Lexicon,
    article: Article,
    every_figure: bool = False,
    same: tuple[str, str] | None = None,
    heading_rivals: Sequence[str] = (),
) -> list[Claim]:
    """The claims of one sentence; `same` is the benchmark the sentence before scored,
    for a percentage "on the same test"; `heading_rivals` the names its section's heading
    compares against; `article` what the whole article says (Article)."""
    entity_spans = [(e.start, e.end) for e in entities]
    qualified: dict[int, list[str]] = {}
    for alias in aliases:
        spec = lex.metrics[alias_name(alias, lex)]
        if spec.qualifier == "version":  # "ARC-AGI-2": the version scopes the score
            version = P.VERSION_AFTER.match(text, alias.end(), sent.end)
            if version:
                qualified[alias.start()] = [version.group(1).removesuffix(".0")]
                entity_spans.append((alias.end(), version.end()))
            continue
        if spec.qualifier != "year":
            continue
        years = P.YEARS_AFTER.match(text, alias.end())
        if years:
            qualified[alias.start()] = years_after(text, alias.end())
            entity_spans.append((alias.end(), years.end()))
            continue
        year = P.YEAR_BEFORE.search(text, max(sent.start, alias.start() - 6), alias.start())
        if year and year.end() == alias.start():
            qualified[alias.start()] = [year.group(1)]
            entity_spans.append((year.start(), year.end()))
    inside = [_as_headed(m, sent, lex) for m in inside] if sent.scale != 1 or sent.unit else inside
    mentions = [
        m
        for m in inside
        if not any(s < m.end and m.start < e for s, e in entity_spans)
        and not any(a.start() <= m.start and m.end <= a.end() for a in aliases)
    ]
    readings: list[Reading] = []
    noise: list[tuple[int, int]] | None = None
    for m in mentions:
        if (
            is_year(text, m)
            and (not count_unit(text, m, lex)[0] or P.YEAR_OF_THING.search(text, sent.start, m.end))
            and not lex.re.score_before.search(text, sent.start, m.start)
        ):
            continue  # "in 2025"; "a 2023 model": one thing of that year, not 2,023 things
        if not every_figure and (_denied(text, sent, m, lex) or _of_a_class(text, sent, m, lex)):
            continue
        r = read_mention(text, sent, m, lex, every_figure=every_figure)
        if r is None or (not every_figure and _counts_other_noun(text, r, lex)):
            continue
        noise = _noise_spans(text, low, mentions, lex) if noise is None else noise
        if not any(s < m.end and m.start < e for s, e in noise):
            readings.append(elided(text, r, readings, lex))
    if not readings:
        return []  # half the sentences with a figure: nothing below has one to attribute
    readings = hanging_ranges(text, readings)
    readings = unit_from_start(text, sent, unit_from_next(text, readings), lex)
    readings = sub_unit_from_before(readings, [(a.start(), a.end()) for a in aliases], lex)
    readings = metric_from_next(text, readings)
    readings = part_of_whole(text, readings, lex)
    if every_figure:  # "from 640 MW to 710" is one range to a quantity extractor
        readings = join_from_to(text, sent, readings)
    windows = [r for r in readings if r.window]
    window_text = ""
    counts = [r for r in readings if r.unit_kind == "count"]
    # "ten models in two months" is scoped by its window; "16,384 chips over 41 days" not
    if windows and counts and all(lex.units[r.unit].windowed for r in counts):
        w = windows[0]
        window_text = f"{w.window} {w.mention.value:g} {w.unit}"
        readings = [r for r in readings if not r.window]
    claims: list[Claim] = []
    alias_uses: dict[int, int] = {}
    resolved: list[tuple[Reading, str, str]] = []
    settings: list[re.Match[str]] | None = None
    assigned = distribute_metrics(text, readings, aliases, sent, lex)
    direct = listed_owner(
        text, readings, {r.mention.start: direct_subject(text, r, entities, lex) for r in readings}
    )
    named_in_label: list[Entity] = []
    if sent.label:
        named_in_label = named_in_header(sent.label, lex, article)
        if named_in_label:
            direct = dict.fromkeys(direct, named_in_label[0].name)
        elif (label := P.NAME_LIKE_LABEL.fullmatch(sent.label.strip())) and not any(
            w in lex.not_names for w in label.group("name").split()
        ):
            direct = dict.fromkeys(direct, label.group("name"))  # a column "Mistletoe Mini"
            named_in_label = [Entity(0, len(sent.label), label.group("name"), MODEL)]
        elif (
            sent.named_columns
            and (label := P.ONE_WORD_LABEL.fullmatch(sent.label.strip()))
            and label.group("name") not in lex.not_names
            and label.group("name").lower() not in lex.not_product_columns  # "| Default |"
            and label.group("name").lower() not in lex.plan_words  # "| Team |": a plan
        ):
            direct = dict.fromkeys(direct, label.group("name"))  # "| | Scout | Verge |"
            named_in_label = [Entity(0, len(sent.label), label.group("name"), MODEL)]
        elif sent.row_label and (products := named_in_header(sent.key, lex, article)):
            # a spec table with products as columns: "| Dense FP8 | 4.8 PFLOPS |" under
            # "| Spec | Helix-2 |" is Helix-2's; the row says what is measured
            direct = dict.fromkeys(direct, products[0].name)
    paired = paired_metrics(text, readings, sent, lex)
    rivals = rival_figures(text, readings, entities, heading_rivals, lex)
    figures = [r.mention for r in readings]
    # a table column or "Key:" of earlier values: "| Input (old) |"
    earlier_column = any(lex.re.earlier_header.search(h) for h in (sent.key, sent.label) if h)
    row = (
        row_rest(
            sent.label,
            named_in_label,
            lex,
            notes=sent.label_notes,
            makers=article.makers,
        )
        if sent.row_label and not earlier_column
        else ""
    )
    row = lex.plan_words.get(row.lower(), row)  # "| Team | $35 |": the Team plan
    for r in readings:
        named = (
            (paired[r.mention.start], "")
            if r.mention.start in paired
            else resolve_metric(
                text, sent, r, aliases, mentions, qualified, alias_uses, assigned, lex
            )
        )
        if named is None and same is not None and r.unit == "%":
            named = same  # "Halyard-R scored 70.9% on the same test"
        if named is None:
            unnamed = unnamed_benchmark(text, r, entity_spans, lex)
            named = (unnamed, "") if unnamed else None  # "71.8% on SimplerEnv"
        if named is None and not every_figure:
            continue
        metric_name, qualifier = named or ("", "")
        if metric_name in lex.metrics and lex.metrics[metric_name].way_of_scoring:
            metric_name, qualifier = _scored_test(text, r, aliases, entity_spans, lex) or (
                metric_name,
                qualifier,
            )
        metric_name = clause_metric(text, sent, r, metric_name, lex)
        if _counts_not_unit(text, r, metric_name, aliases, lex):
            if not every_figure:
                continue
            metric_name = ""  # the noun is its unit: "50 different products"
        if metric_name in lex.metrics and lex.metrics[metric_name].qualifier == "rival":
            rival = rival_of(entities, r)  # "preferred over Veo 3 in 61% of comparisons"
            qualifier = _joined(qualifier, rival and f"vs {rival}")
        percent_score = metric_name in lex.metrics and lex.metrics[metric_name].unit == "%"
        if (
            r.unit == POINTS
            and percent_score
            and lex.re.score_before.search(text, sent.start, r.mention.start)
        ):
            r = replace(r, unit="%", unit_kind="percent")  # "obtains 78,6 points on MMLU-Pro"
        elif r.unit == POINTS and percent_score:
            metric_name = f"{metric_name} difference"  # "beats GPT-4o by 3 points on MMLU"
            if r.mention.value > 0 and _deficit(text, sent, r, lex):
                r = replace(r, mention=r.mention.negated())  # "3.1 points behind GPT-4o"
        elif metric_name not in ("", *UNIT_ONLY_METRICS) and _change_amount(
            text, sent, r.mention, metric_name, lex
        ):
            metric_name = f"{metric_name} change"  # "its MMLU score dropped 3.2% to 85.1%"
        answers = r.mention.start in rivals
        if (
            direct[r.mention.start] is None
            and not answers
            and _previous(text, sent, r.mention, mentions, lex)
        ) or earlier_column:
            qualifier = "previous"  # "up from $5"; a table column "Input (old)"
        if r.unit_kind == "count" and window_text:
            qualifier = qualifier or window_text
        per = _per_container(text, sent, r, lex) if r.unit_kind == "count" else ""
        if per and not metric_name.endswith(per):  # not "chips per pod" again
            qualifier = _joined(qualifier, per)
        qualifier = _joined(qualifier, row)  # "| Mammora 3 DBT |", "| Team plan |"
        if metric_name:
            settings = settings_in(text, sent, lex) if settings is None else settings
            setting = evaluation_setting(text, sent, r.mention, settings, figures, lex)
            if (
                _benchmark(metric_name, lex)
                or setting in lex.any_metric_settings
                or (setting in lex.price_settings and r.unit_kind == "currency")
                or (setting in lex.round_settings and metric_name in lex.round_metrics)
            ):
                qualifier = _joined(qualifier, setting)  # "2025, pass@1"
        resolved.append((r, metric_name, qualifier))
    resolved = listed_prices(text, resolved)
    if not every_figure:
        resolved = without_parts(text, resolved, lex)
    if rivals:
        resolved = answered_metrics(resolved, rivals, readings, lex)
    subjects = distribute_subjects(entities, resolved, sent, text, lex)
    speeds = [x for x, name, _ in resolved if _scoped_by_hardware(name, lex)]
    starts = [m.start for m in mentions]
    for (r, metric, qualifier), subject in zip(resolved, subjects, strict=True):
        if r.mention.start in rivals:
            owner, _ = rivals[r.mention.start]
            if owner is None and not every_figure:
                continue  # "81.7 against 76.0 and 79.3": rivals' figures, rivals unnamed
            subject = owner or subject
        known = lex.metrics.get(metric)
        kind = (
            known.subject
            if known
            else (lex.units[r.unit].subject if r.unit in lex.units else "model")
        )
        given = subject if subject is not None else direct[r.mention.start]
        candidates = entities
        if _scoped_by_hardware(metric, lex):
            # "27 on a Pixel 9 Pro": the device a speed was measured on scopes it, and is
            # never its subject
            device = speed_device(text, sent, r, entities, lex, speeds) or row_device(
                text, sent, lex, article
            )
            qualifier = _joined(qualifier, device and f"on {device}")
            candidates = [e for e in entities if e.kind not in (DEVICE, HARDWARE)]
            kit = {e.name for e in entities if e.kind in (DEVICE, HARDWARE)}
            given = None if given in kit else given
        subject = subject_for(text, sent, candidates, r, kind, given, top, lex, starts)
        if (
            not qualifier
            and direct[r.mention.start] is None  # "0.94 for Densia Screen 1" is its own
            and after_predecessor(text, sent, r, entities, lex)
        ):
            qualifier = "previous"  # "while its predecessor scored 41.0%"
        if known and known.limit and r.mention.bound == Bound.LE:
            r = replace(r, mention=replace(r.mention, bound=Bound.EQ))  # "up to 128K tokens"
        if (
            not (r.unit or r.noun or sent.decimal_comma)  # else read_mention grouped it
            and known
            and known.unit in lex.units
            and lex.units[known.unit].kind == "count"
        ):
            r = replace(r, mention=grouped(text, r.mention, "count", False))  # "up from 64.000"
        quantity = to_quantity(text, r, known.unit if known else "", lex.hedge_tolerance)
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
                quote=source.text[r.mention.start : r.mention.end],
                sentence=source.text[sent.shown[0] : sent.shown[1]],
                sentence_start=sent.shown[0],
            )
        )
    return claims


_CONTAINER_REACH = 60  # characters before a count read for "each liquid-cooled rack holds"


def _per_container(text: str, sent: Sentence, r: Reading, lex: Lexicon) -> str:
    """The container a count of parts is per ("Each rack contains 72 chips", "racks of
    64 chips", "72 GPUs into one rack" -> "per rack"), or ""."""
    before = lex.re.container_before.search(
        text, max(sent.start, r.mention.start - 60), r.mention.start
    )
    if before:
        return per_container(before.group(1) or before.group(2))
    after = lex.re.container_after.match(text, r.mention.end, sent.end)
    return per_container(after.group(1)) if after else ""


def _scoped_by_hardware(metric: str, lex: Lexicon) -> bool:
    """Whether a metric's figures are scoped by the device they were measured on."""
    return metric in lex.metrics and lex.metrics[metric].qualifier == "hardware"


def _joined(*qualifiers: str) -> str:
    """Qualifiers written as one, in order: "2025", "pass@1" -> "2025, pass@1"."""
    return QUALIFIER_SEPARATOR.join(dict.fromkeys(q for q in qualifiers if q))


def _extract_chunk(task: tuple[Lexicon, Sequence[Source]]) -> list[Claim]:
    """Worker: the claims of one chunk of sources (runs in a child process)."""
    lex, sources = task
    return [c for s in sources for c in extract_claims(s, lex)]


def extract_all(
    sources: Sequence[Source],
    lex: Lexicon,
    jobs: int = 1,
    done: Callable[[Sequence[Source], Sequence[Claim]], None] | None = None,
) -> list[Claim]:
    """Claims of every source, sorted by path and position; `jobs` > 1 uses processes.

    The result is the same whatever `jobs` is: each source is read on its own and the
    claims are sorted afterwards. `done(sources, claims)` is called as each source (or
    each chunk of sources, with processes) is finished, for progress and -v notes.
    """
    claims: list[Claim] = []
    if jobs <= 1 or len(sources) < 2:
        for source in sources:
            found = extract_claims(source, lex)
            claims.extend(found)
            if done is not None:
                done([source], found)
    else:
        size = max(1, len(sources) // (jobs * 4))
        parts = [sources[i : i + size] for i in range(0, len(sources), size)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for part, found in zip(
                parts, pool.map(_extract_chunk, [(lex, p) for p in parts]), strict=True
            ):
                claims.extend(found)
                if done is not None:
                    done(part, found)
    return sorted(claims, key=lambda c: c.sort_key)
