"""Read the words around one figure: its unit, the count noun, and any metric attached to it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from claimcheck import patterns as P
from claimcheck.lexicon import HedgeTolerance, Lexicon, Unit
from claimcheck.models import Bound, Quantity
from claimcheck.numbers import Mention, range_of, words_before
from claimcheck.patterns import singular, squash
from claimcheck.text import Sentence


@dataclass(frozen=True)
class Reading:
    """What the words around one mention say about it."""

    mention: Mention
    unit: str
    unit_kind: str
    metric: str = ""
    strong: bool = False
    phrase_end: int = 0
    window: str = ""  # "in", "over": a duration that scopes the sentence's counts
    noun: str = ""  # quantity mode: the plural noun a figure without a unit counts ("home")


POINTS = "percentage points"
# The metrics of figures that only their unit describes: a sum of money, a multiple, a
# stretch of time. Like a unit's own fallback metric ("memory" for GB), they say what a
# figure counts, not which figure it is.
AMOUNT, MULTIPLE, DURATION = "amount", "multiple", "duration"
UNIT_ONLY_METRICS = (AMOUNT, MULTIPLE, DURATION)


def units_fit(metric_unit: str, unit: str, lex: Lexicon) -> bool:
    """A metric fits a figure with no unit, its own unit, any other currency, and a
    percentage-point gap fits a percentage (it becomes that metric's "difference"). A
    metric without a unit (a ratio: PUE, AUC; a head count: population) fits a count,
    never a measure ("38 MW of power draw, with a design PUE of 1.12")."""
    if not unit or metric_unit == unit:
        return True
    if not metric_unit:
        return unit in lex.units and lex.units[unit].kind == "count"
    if unit == POINTS and metric_unit == "%":
        return True
    return unit in lex.currencies and metric_unit in lex.currencies


def _following_words(text: str, pos: int, limit: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Up to `limit` words after pos, stopping at punctuation or a function word."""
    words: list[tuple[str, int, int]] = []
    while len(words) < limit:
        m = P.FOLLOWING_WORD.match(text, pos)
        if not m or m.group(1).lower() in lex.stop_words:
            break
        words.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return words


def count_unit(text: str, mention: Mention, lex: Lexicon) -> tuple[str, tuple[str, ...], int]:
    """The count noun a figure counts ("16,384 H100 GPUs" -> GPUs) and the words before it."""
    if mention.compound:
        parts = mention.compound.split("-")
        for i in range(len(parts)):
            unit = lex.unit_forms.get(" ".join(parts[i:]).lower())
            if unit and lex.units[unit].kind == "count":
                return unit, tuple(parts[:i]), mention.end
    return _count_after(text, mention.end, 6, lex)


def _count_after(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[str, tuple[str, ...], int]:
    """The count noun among the `limit` words after pos, the words before it, and where it
    ends; ("", (), pos) when there is none."""
    words = _following_words(text, pos, limit, lex)
    for i, (_, s, _) in enumerate(words):
        m = lex.re.count.match(text, s)
        if m:
            noun = _described_noun(text, m, lex)
            if noun is not None:  # "three open-weight language models" count models
                m = lex.re.count.match(text, noun.start(1))
                if m is None:
                    return "", (), pos  # "24 language pairs"
            unit = lex.unit_forms[P.form_key(m.group())]
            return unit, tuple(w for w, _, _ in words[:i]), m.end()
    return "", (), pos


def _described_noun(text: str, m: re.Match[str], lex: Lexicon) -> re.Match[str] | None:
    """The plural noun a count noun written in the singular stands before and only
    describes ("language models", "GPU servers", "language pairs"; group 1), or None
    ("a 1 trillion parameter mixture-of-experts model" counts parameters)."""
    form = m.group().lower()
    if singular(form) != form:
        return None
    after = P.FOLLOWING_WORD.match(text, m.end())
    if after is None:
        return None
    word = after.group(1)
    plural = word.islower() and "-" not in word and singular(word) != word
    return after if plural and word not in lex.stop_words else None


def _bare_size(text: str, mention: Mention, lex: Lexicon) -> str:
    """The unit a figure written with a bare scale letter counts ("405B" -> parameters;
    units.yaml `bare_suffixes`), or ""."""
    if not mention.scaled or mention.words or mention.compound:
        return ""
    return lex.bare_suffix_units.get(text[mention.end - 1 : mention.end], "")


def dotted_thousands(
    text: str, mention: Mention, *, round_only: bool = False, comma_article: bool = False
) -> Mention:
    """'100.000 GPU', '4.000 requests', '3.000 times less': a count is a whole number and
    nobody writes a multiple to three decimals, so one dot before exactly three digits
    groups thousands, as much of Europe writes them. With `round_only` (money) only
    '.000' does: '168.000 dollars' is 168,000, '$3.459 a gallon' stays. In an article that
    writes decimal commas (`comma_article`) any such dot does, before a scale word too
    ('4.800 dollars', '9.000 million parameters')."""
    digit = P.ANY_DIGIT.search(text, mention.start, mention.end)  # after "Up to"
    if (mention.scaled and not comma_article) or digit is None:
        return mention
    dotted = P.DOTTED_THOUSANDS.match(text, digit.start())
    if dotted is None or (round_only and not comma_article and not dotted.group().endswith(".000")):
        return mention
    return mention.rescaled(times=1000)


def grouped(text: str, mention: Mention, kind: str, comma_article: bool) -> Mention:
    """A figure of this unit kind with a dot before three digits read as thousands where
    that is how it is meant (dotted_thousands): always in a count, a rate or a multiple
    ("100.000 GPU", "3.000 times less"), in money when round ("168.000 dollars"); in an
    article that writes decimal commas, in anything but a percentage ("1.200 km")."""
    if kind in ("count", "rate", "multiplier"):
        return dotted_thousands(text, mention, comma_article=comma_article)
    if kind == "currency":
        return dotted_thousands(text, mention, round_only=True, comma_article=comma_article)
    if comma_article and kind != "percent":
        return dotted_thousands(text, mention, comma_article=True)
    return mention


def _key_count(sent: Sentence, mention: Mention, lex: Lexicon) -> str:
    """The count unit of the metric the "Key:" before a figure names ("Training tokens:
    9.5T" -> tokens), or ""."""
    if not sent.key or mention.start < sent.key_end:
        return ""
    named = lex.re.metric.any_case.search(sent.key)
    if named is None:
        return ""
    unit = lex.metrics[lex.alias_metric[squash(named.group()).lower()]].unit
    return unit if unit in lex.units and lex.units[unit].kind == "count" else ""


def _sizes(text: str, start: int, end: int, unit: Unit) -> bool:
    """Whether the count noun ending at `end` is one a bare-letter figure only sizes
    ("a 671B mixture-of-experts model")."""
    words = P.LETTERS.findall(text, start, end)
    return bool(words) and words[-1].lower() in unit.sized_nouns


def counted_noun(text: str, mention: Mention, lex: Lexicon) -> str:
    """The thing a figure without a unit counts, as a quantity extractor names it: the
    first plural noun in the few words after it ("435 new homes" -> "home", "68,400
    people" -> "people"), or the noun of a compound ("four-cylinder" -> "cylinder")."""
    if mention.compound:
        return mention.compound.split("-")[-1].lower()
    phrase = _plural_phrase(text, mention, lex)
    if phrase is None:
        return ""
    *modifiers, noun = phrase[0]
    low = noun.lower()
    head = low if low in lex.irregular_plurals else singular(noun if noun.isupper() else low)
    return " ".join([*(w if w[:1].isupper() else w.lower() for w in modifiers), head])


def _plural_phrase(text: str, mention: Mention, lex: Lexicon) -> tuple[list[str], int] | None:
    """The words after a figure up to the first plural noun, as written, and where that
    noun ends ("435 new homes" -> ["new", "homes"]); a quantifier before them is left
    out ("eight more picks" -> ["picks"]). None when another figure, a conjunction or a
    verb comes first."""
    before: list[str] = []
    for word, _, end in _following_words(text, mention.end, 4, lex):
        low = word.lower()
        if low in lex.conjunctions or P.FIGURE_WORD.fullmatch(word):
            return None  # "closed at 5,812.4, up 31.2 points": another figure ends it
        if low in lex.copulas or low in lex.change_verbs:
            return None
        if low in lex.irregular_plurals or singular(word) != word:
            return [*before, word], end
        if not before and low in lex.count_quantifiers:
            continue  # "eight more picks" counts picks
        before.append(word)
    return None


def _counted_per_period(text: str, mention: Mention, lex: Lexicon) -> tuple[str, int]:
    """The plural noun a figure counts when a period follows it ("185,000 paid rides per
    week" -> "paid rides"), and where the noun ends; ("", mention.end) otherwise. Any
    noun will do: a count reported per period is a figure an article states."""
    phrase = _plural_phrase(text, mention, lex)
    if phrase is None or not _time_period(text, phrase[1], lex):
        return "", mention.end
    return " ".join(w.lower() for w in phrase[0]), phrase[1]


def _time_period(text: str, pos: int, lex: Lexicon) -> str:
    """The period of time a count is reported per, written right after it ("per week",
    "a day" -> "week", "day"), or ""."""
    period = rate_of(text, pos, lex)
    unit = lex.unit_forms.get(period, "")
    return period if unit and lex.units[unit].kind == "time" else ""


def rate_of(text: str, pos: int, lex: Lexicon) -> str:
    """What a figure is counted per, written right after it: "a month" -> "month",
    "per square foot" -> "sq ft", "per share" -> "share"; "" when nothing is."""
    per = P.PER.match(text, pos)
    if per is None:
        return ""
    word = P.LETTERS.match(text, per.end())
    after = P.FOLLOWING_WORD.match(text, word.end()) if word else None
    if after and after.group(1).lower() in lex.relative_after:
        return ""  # "$2.4 billion a year earlier" is a time, not a rate
    unit = lex.re.unit.match(text, per.end())
    name = lex.unit_forms.get(P.form_key(unit.group()), "") if unit else ""
    if name and lex.units[name].kind in ("time", "measure", "count"):
        return singular(name) if name.islower() else name
    noun = singular(word.group()).lower() if word else ""
    if noun in lex.rate_nouns or (per.group(1) and noun and noun not in lex.stop_words):
        return noun
    return ""


def without_names(phrase: str, lex: Lexicon) -> str:
    """A phrase without the model and organisation names in it, spaces squashed: the
    name says whose figure it is, not what it measures ("GPT-5 API prices" -> "API
    prices", "Helix-3 Mini parameters" -> "parameters")."""
    return " ".join(lex.re.org.sub(" ", lex.re.model.sub(" ", phrase)).split())


def _noun_phrase(text: str, pos: int, lex: Lexicon, *, singular_head: bool = True) -> str:
    """Up to four words naming a thing after pos ("inference costs" -> "inference cost")."""
    words = []
    for w, _, _ in _following_words(text, pos, 4, lex):
        if w.lower() in lex.conjunctions:
            break
        words.append(w)
    if not words:
        return ""
    if singular_head:
        words[-1] = singular(words[-1])
    return " ".join(w.lower() if not w.isupper() else w for w in words)


def _earlier_count(text: str, sent: Sentence, start: int, lex: Lexicon) -> str:
    """The count noun of the figure before `start` in the sentence ("256 routed experts
    per layer, 8 active" -> experts), or ""."""
    figures = list(P.DIGITS.finditer(text, sent.start, start))
    if not figures:
        return ""
    end = figures[-1].end()
    if text[end : end + 1] in lex.bare_suffix_units:
        return ""  # "a 70B model with a 32K window": the noun after "70B" is only sized
    return _count_after(text, end, 4, lex)[0]


def _word_after(
    text: str, sent: Sentence, start: int, pos: int, unit: str, scaled: bool, lex: Lexicon
) -> str:
    """A metric named by the word right after the figure ("128K context", "37B are
    activated", "120B total and 12B active parameters"): it must fit the figure's own
    unit, follow a linking verb, fit the count noun named later in the sentence, or
    follow a figure written with a scale ("35B active"; a bare "3 total" is no claim)."""
    # the words up to the next figure or clause mark: "128 experts, 8 active" does not
    # make 128 the active experts
    stop = P.WORD_AFTER_STOP.search(text, pos, min(pos + 30, sent.end))
    end = stop.start() if stop else min(pos + 30, sent.end)
    words = [w.lower() for w in P.LETTERS.findall(text, pos, end)][:3]
    linked = bool(words) and words[0] in lex.copulas
    word = next((w for w in words if w not in lex.copulas), "")
    at = words.index(word) if word else 0
    if word in lex.stop_words and at + 1 < len(words):  # "420 billion in total", "128K of context"
        word = words[at + 1]
    names = lex.after_metric.get(word, ())
    if not names:
        return ""
    later = next(
        (
            lex.unit_forms[P.form_key(m.group())]
            for m in lex.re.count.finditer(text, pos, sent.end)
            if not P.PER_BEFORE.search(text, max(pos, m.start() - 4), m.start())
        ),
        "",
    )  # a count noun after "per" is a rate's ("8 active per token"), not what is counted
    earlier = "" if later else _earlier_count(text, sent, start, lex)
    for name in names:
        wanted = lex.metrics[name].unit
        fits = linked or wanted in (later, earlier) or (scaled and not later and not earlier)
        if (unit and units_fit(wanted, unit, lex)) or (not unit and fits):
            return name
    return ""


def _change_metric(text: str, sent: Sentence, mention: Mention, lex: Lexicon) -> str:
    """'30% lower inference cost' and 'cut costs by 30%' -> 'inference cost reduction'."""
    after = lex.re.change_after.match(text, mention.end)
    if after:
        written = squash(after.group()).lower()
        word = lex.equatives.get(written, written)  # "twice as fast" -> faster
        # "4x fewer parameters" keeps its plural; "30% lower inference costs" is a cost
        plural = mention.unit_kind == "multiplier"
        phrase = _noun_phrase(text, after.end(), lex, singular_head=not plural)
        if not phrase:
            before = P.COPULA_SUBJECT.search(text[sent.start : mention.start])
            noun = before.group(1).lower() if before else ""
            # "the new model is 40% faster": the model itself, not what is faster
            common = noun in lex.stop_words or noun in lex.conjunctions or noun in lex.model_nouns
            phrase = singular(noun) if noun and not common else ""
        named = lex.re.metric.any_case.search(text, after.end(), sent.end)
        if not phrase and named and mention.unit_kind != "multiplier":
            # "scored 5-10% higher on HumanEval": a gain on the benchmark named after it
            return f"{lex.alias_metric[squash(named.group()).lower()]} {lex.change_after[written]}"
        if not phrase:
            return word
        if mention.unit_kind == "multiplier":
            return f"{word} {phrase}"
        return f"{phrase} {lex.change_after[written]}"
    before = lex.re.change_before.search(text[sent.start : mention.start])
    if before:
        verb = before.group().split()[0].lower()
        words = without_names(before.group(1), lex).split()  # "cut GPT-5 API prices by"
        while words and words[0].lower() in lex.stop_words:  # "cut the price of Corvid-2 by"
            words.pop(0)
        while words and words[-1].lower() in lex.stop_words:
            words.pop()
        if words:
            words[-1] = singular(words[-1])
            phrase = " ".join(w.lower() for w in words)
            return f"{phrase} {lex.change_verbs.get(verb, 'change')}"
    return ""


def _counted_times(text: str, sent: Sentence, r: Reading, lex: Lexicon) -> Reading:
    """'downloaded 41,300 times': a count of downloads, not a multiple (counted_times)."""
    written = text[r.mention.start : r.mention.end].split()
    if r.unit_kind != "multiplier" or written[-1].lower() not in lex.counting_words:
        return r
    before = words_before(text, r.mention.start, sent.start)[-1:]
    unit = lex.counted_times.get(before[0], "") if before else ""
    if not unit:
        return r
    metric = lex.units[unit].metric or unit
    return replace(r, unit=unit, unit_kind="count", metric=metric, strong=True)


_SIZES_REACH = 64  # characters before a size read for the list or score it labels


def _definite_size(text: str, sent: Sentence, mention: Mention, lex: Lexicon) -> bool:
    """Whether a bare-letter size follows "the" (or a list the word opens) with no noun
    after it: "for the 1B", "for the 3B and 8B" name models by their size ("the 15T
    corpus" does not)."""
    noun = P.FOLLOWING_WORD.match(text, mention.end)
    if noun and noun.group(1).islower() and noun.group(1) not in lex.conjunctions:
        return False
    before = words_before(text, mention.start, sent.start)
    listed = P.SIZES_LISTED_BEFORE.search(
        text, max(sent.start, mention.start - _SIZES_REACH), mention.start
    )
    if listed:
        before = [listed.group(1).lower()]
    return bool(before) and before[-1] in lex.definite


def read_mention(
    text: str, sent: Sentence, mention: Mention, lex: Lexicon, *, every_figure: bool = False
) -> Reading | None:
    """Unit and attached metric of one mention; None when the figure is not a claim.

    With `every_figure` (quantity mode) a figure is read as written, the way quantity
    extractors report it: "19 cents" stays 19 cents, and a figure with no unit takes the
    noun it counts ("435 homes", "two sides").
    """
    if every_figure and mention.written:
        factor = lex.units[mention.written].factor
        mention = replace(mention.rescaled(over=factor), unit=mention.written)
    unit, kind = mention.unit, mention.unit_kind
    modifiers: tuple[str, ...] = ()
    phrase_end = mention.end
    if not unit or kind == "currency":
        count, modifiers, phrase_end = count_unit(text, mention, lex)
        too_many = bool(count) and 0 < lex.units[count].largest < mention.value
        if too_many:
            count, modifiers, phrase_end = "", (), mention.end  # "9.5 million people"
        # "about 8 B people" counts people, never parameters
        size = "" if unit or too_many else _bare_size(text, mention, lex)
        if (
            size
            and _key_count(sent, mention, lex) not in ("", size)
            and not _definite_size(text, sent, mention, lex)
        ):
            size = ""  # "Training tokens: 9.5T" counts tokens (but "Context: 128K for the 8B")
        sized = size and count and _sizes(text, mention.end, phrase_end, lex.units[size])
        if sized or (size and not count):
            # "the 70B model is faster", "around 38 for the 32B": the name of a size, not
            # a claim (but "the 7B Kestrel-1-Lite" states the size of the model it names)
            named = P.FOLLOWING_WORD.match(text, mention.end)
            before = words_before(text, mention.start, sent.start)
            # both patterns end where the figure starts: read only the few words before it
            near = max(sent.start, mention.start - _SIZES_REACH)
            listed = P.SIZES_LISTED_BEFORE.search(text, near, mention.start)
            if listed and listed.group(1).lower() in lex.definite:
                before = [listed.group(1).lower()]  # "The 7B, 32B and 236B models"
            if (
                before
                and before[-1] in lex.definite
                and (sized or not (named and named.group(1)[0].isupper()))
            ):
                return None
            if P.SIZE_LABEL.search(text, near, mention.start):
                return None  # "41.5% (32B)": the size names whose figure it is
            count, modifiers, phrase_end = size, (), mention.end  # "a 70B model", "(405B)"
        if count and not unit:
            unit, kind = count, "count"
            if not every_figure and any(w.lower() in lex.subset_words for w in modifiers):
                return None  # "two smaller dense models": a part of the family, not it
    if not unit and not every_figure:
        counted, per_end = _counted_per_period(text, mention, lex)
        if counted:  # "185,000 paid rides per week": a count a period reports
            unit, kind, phrase_end = counted, "count", per_end
    noun = counted_noun(text, mention, lex) if every_figure and not unit else ""
    # a figure with no unit that counts a noun is a count: "40.000 exams"
    mention = grouped(text, mention, kind or ("count" if noun else ""), sent.decimal_comma)
    metric, strong = "", False
    if mention.compound and not modifiers:
        modifiers = tuple(mention.compound.split("-"))
    for word in modifiers:
        names = [
            n
            for n in lex.after_metric.get(word.lower(), ())
            if units_fit(lex.metrics[n].unit, unit, lex)
        ]
        if names:
            metric, strong = names[0], True
    if not metric:
        metric = _word_after(text, sent, mention.start, phrase_end, unit, mention.scaled, lex)
        strong = bool(metric)
    following = lex.re.metric.any_case.match(
        text, phrase_end + (1 if text[phrase_end : phrase_end + 1] in " -" else 0)
    )
    if not metric and following:
        name = lex.alias_metric[squash(following.group()).lower()]
        if units_fit(lex.metrics[name].unit, unit, lex):
            metric, strong, phrase_end = name, True, following.end()
    purpose = P.PURPOSE.match(text, phrase_end, sent.end) if kind == "count" else None
    if not metric and purpose:  # "2.66M GPU hours for pre-training"
        names = [
            n
            for n in lex.cue_metric.get(purpose.group(1).lower(), ())
            if lex.metrics[n].unit == unit
        ]
        if names:
            metric, strong = names[0], True
    if not metric and kind in ("percent", "multiplier"):
        metric = _change_metric(text, sent, mention, lex)
        strong = bool(metric)
    if not metric and kind == "multiplier":  # "doubled throughput", "halved the price"
        determiner = P.DETERMINER.match(text, mention.end)
        at = determiner.end() if determiner else mention.end
        named = lex.re.metric.any_case.match(text, at)  # "2.5x the performance per watt"
        metric = lex.alias_metric[squash(named.group()).lower()] if named else ""
        if not metric or lex.metrics[metric].unit != unit:
            metric = _noun_phrase(text, at, lex)
        if P.ANY_DIGIT.search(metric):
            metric = ""  # "twice the 8.1 trillion tokens": another figure, no noun to name
        strong = bool(metric)
    if not metric and kind == "count":  # "3.1 million tasks per day", "2,6 million tasks a day"
        period = _time_period(text, phrase_end, lex)
        if period:
            metric, strong = f"{unit.lower()} per {period}", True
    if not metric and kind in ("count", "measure"):
        metric = lex.units[unit].metric or unit
    if not metric and kind == "rate":  # "95 tok/s"
        metric = lex.units[unit].metric
    if not metric and mention.rate:  # "$3/M tokens": a price, unless the sentence says which
        metric = lex.units[mention.rate].metric
        # "$0.12 per second": a price per second whatever else the sentence names; but
        # "$2.50 per million tokens" may be the input or the output price it names
        strong = metric not in lex.narrowed
    if every_figure and unit and kind != "rate":  # quantity mode: "$3,500 a month"
        per = rate_of(text, mention.end, lex)
        unit = f"{unit} per {per}" if per else unit
    top = mention.value if mention.high is None else mention.high  # "one to two years"
    if mention.words and not mention.scaled and (not (unit or noun) or top < 2):
        return None
    if kind == "time":
        # "the last three years", "two days later": context for a claim, but still a
        # quantity to a quantity extractor
        before = text[max(sent.start, mention.start - 12) : mention.start].split()
        if before and before[-1].lower() in lex.relative_before and not every_figure:
            return None
        rest = text[mention.end : mention.end + 12].lower().split()
        if rest and rest[0].strip(".,;") in lex.relative_after and not every_figure:
            return None
        # "ten models in two months", "eight models over six weeks": a window, not a bound
        own = text[mention.start : mention.end].split()[0].lower()
        word = own if own in lex.window_words else (before[-1].lower() if before else "")
        window = word in lex.window_words
        if window and own == word and mention.bound != Bound.EQ:
            # "worth $350 million over three years": "over" spans the time, no bound
            mention = replace(mention, bound=Bound.EQ)
        return Reading(mention, unit, kind, DURATION, False, phrase_end, word if window else "")
    reading = Reading(mention, unit, kind, metric, strong, phrase_end, noun=noun)
    return _counted_times(text, sent, reading, lex)  # "downloaded 41,300 times"


def join_from_to(text: str, sent: Sentence, readings: list[Reading]) -> list[Reading]:
    """Quantity mode: a move written "from X to Y" is one range, as quantity extractors
    annotate it ("from 640 MW to 710", "from 31 mpg on the highway to 34", "from $1,250
    on Monday morning to $1,180"). Y takes X's unit when it has none; figures in two
    different units, or already ranges, stay apart. (Claim mode keeps two figures, the
    first one "previous".)"""
    out: list[Reading] = []
    i = 0
    while i < len(readings):
        a = readings[i]
        b = readings[i + 1] if i + 1 < len(readings) else None
        if b is not None and _from_to(text, sent, a, b):
            joined = range_of(a.mention, b.mention)
            out.append(replace(a, mention=joined, phrase_end=max(a.phrase_end, b.phrase_end)))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _from_to(text: str, sent: Sentence, a: Reading, b: Reading) -> bool:
    """Whether two neighbouring readings are written "from A ... to B" in one unit."""
    m, n = a.mention, b.mention
    if Bound.RANGE in (m.bound, n.bound) or n.bound != Bound.EQ:
        return False
    if not P.FROM_BEFORE.search(text, max(sent.start, m.start - 8), m.start):
        return False
    if P.TO_GAP.fullmatch(text, m.end, n.start) is None:
        return False
    if b.unit:
        return b.unit == a.unit
    return not b.noun or b.noun == a.noun


def is_year(text: str, m: Mention) -> bool:
    """Whether a bare figure is a year ("2025"), or a range is a span of years
    ("between 2019 and 2022")."""
    if m.unit or m.scaled:
        return False
    if m.bound == Bound.RANGE and m.low is not None and m.high is not None:
        return all(P.YEAR.fullmatch(f"{v:g}") for v in (m.low, m.high))
    return m.bound == Bound.EQ and P.YEAR.fullmatch(text, m.start, m.end) is not None


def make_quantity(
    value: float,
    unit: str,
    precision: float,
    *,
    bound: Bound = Bound.EQ,
    low: float | None = None,
    high: float | None = None,
    tolerance: HedgeTolerance | None = None,
    surface: str = "",
    alternatives: tuple[float, ...] = (),
) -> Quantity:
    """A figure's intervals (DESIGN.md, Verdicts): its written precision either side, a
    bound's open end, a range's ends. A hedge ("~", "roughly") reaches as far as the
    larger of its precision and its margin (lexicon.HedgeTolerance), on the side(s) its
    word allows: "nearly 20T" never reaches above what "20T" admits."""
    floor = 0.0 if value >= 0 else -math.inf
    if bound == Bound.RANGE and low is not None and high is not None:
        lo, hi = low - precision, high + precision
    elif bound in (Bound.GT, Bound.GE):
        lo, hi = value, math.inf
    elif bound in (Bound.LT, Bound.LE):
        lo, hi = floor, value
    else:
        lo, hi = value - precision, value + precision
    approx = bound == Bound.APPROX
    down, up = (0.0, 0.0)
    if approx and tolerance is not None:
        down, up = tolerance.reach(value, unit, surface)
    return Quantity(
        value=value,
        unit=unit,
        low=min(lo, max(floor, value - down)),
        high=max(hi, value + up),
        strict_low=lo,
        strict_high=hi,
        precision=precision,
        approx=approx,
        bound=bound,
        surface=surface,
        alternatives=alternatives,
    )


def to_quantity(text: str, r: Reading, metric_unit: str, tolerance: HedgeTolerance) -> Quantity:
    """The Quantity of one reading, in its own unit or the metric's."""
    m = r.mention
    return make_quantity(
        m.value,
        r.unit or metric_unit or r.noun,
        m.precision,
        bound=m.bound,
        low=m.low,
        high=m.high,
        tolerance=tolerance,
        surface=text[m.start : m.end],
        alternatives=m.alternatives,
    )
