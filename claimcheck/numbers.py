"""Find number expressions in text: value, written precision, scale, unit, hedge and bound."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon
from claimcheck.models import Bound

_OPENERS = "([{\"'“‘*"
_SIGNS = "+-\u2212\u2013"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


@dataclass(frozen=True)
class Mention:
    """One number expression found in a text, with offsets into that text."""

    start: int
    end: int
    value: float
    precision: float
    unit: str = ""
    unit_kind: str = ""
    bound: Bound = Bound.EQ
    low: float | None = None
    high: float | None = None
    alternatives: tuple[float, ...] = ()
    words: bool = False
    compound: str = ""
    scaled: bool = False
    written: str = ""  # a sub-unit the figure was written in ("19 cents"), before conversion
    rate: str = ""  # the rate unit a price is written per ("per million tokens"), if any

    @property
    def approx(self) -> bool:
        """Whether a hedge word or symbol makes the figure approximate."""
        return self.bound == Bound.APPROX

    def negated(self) -> Mention:
        """The same figure with its sign turned ("3.1 points behind" is -3.1)."""
        low = None if self.high is None else -self.high
        high = None if self.low is None else -self.low
        return replace(self, value=-self.value, low=low, high=high)

    def rescaled(self, times: float = 1.0, over: float = 1.0) -> Mention:
        """The same figure counted in another unit: value, precision and range ends
        multiplied by `times` and divided by `over`."""

        def scale(v: float) -> float:
            return v * times / over

        return replace(
            self,
            value=scale(self.value),
            precision=scale(self.precision),
            low=None if self.low is None else scale(self.low),
            high=None if self.high is None else scale(self.high),
        )


def _power_of_ten(exponent: re.Match[str]) -> float:
    """10 to the exponent a match holds in its one filled group ("25", "−3", "²⁵")."""
    raw = next(g for g in exponent.groups() if g)
    return 10.0 ** int(raw.translate(_SUPERSCRIPT).replace("−", "-"))


def _converted(value: float, factor: float) -> float:
    """A figure in another unit, without the float noise of the product ("5,600
    teraflops" is 5.6 petaflops, not 5.6000000000000005)."""
    return float(f"{value * factor:.12g}")


class _Core(NamedTuple):
    """A figure's core before it is grown into a Mention (a tuple: built for every digit
    run, so it is made cheaply)."""

    start: int
    end: int
    value: float
    precision: float
    words: bool
    scaled: bool = False
    alternatives: tuple[float, ...] = ()
    unit: str = ""
    at_least: bool = False  # "10-plus trillion": the bound sits before the scale word


def parse_words(phrase: str, lex: Lexicon) -> tuple[float, float] | None:
    """Value and half-unit precision of a phrase such as 'one hundred twenty-eight thousand'."""
    total = 0.0
    current = 0.0
    smallest_scale = 1.0
    closed = 0.0  # the scale of the group just closed ("a trillion" in "a trillion and a half")
    seen = counted = False
    for token in P.NUMBER_WORD_SPLIT.split(phrase.lower()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = current or 1.0
            counted = True
            continue
        if token == "half" and closed and current == 1.0:  # "a trillion and a half"
            total += 0.5 * closed
            current = 0.0
            smallest_scale = 0.5 * closed
            continue
        if token == "half":  # "two and a half (million)", "half a million"
            current += 0.5
            smallest_scale = min(smallest_scale, 0.5)
            counted = True
            continue
        closed = 0.0
        if token in lex.words:
            current += lex.words[token]
            seen = counted = True
        elif token in lex.scale_words:
            scale = lex.scale_words[token]
            # "a dozen", "one hundred" multiply what came before; "thousand" and up close a group
            current = (current or 1.0) * scale if scale < 1000 else (current or 1.0)
            if scale > 100:
                total += current * scale
                current = 0.0
                closed = float(scale)
            smallest_scale = float(scale)
            seen = True
        else:
            return None
    if not (seen and counted):  # "several hundred", "sold by the dozen": no figure
        return None
    return total + current, 0.5 * smallest_scale


def _digits_value(text: str) -> tuple[float, float]:
    """Value and half-unit precision of a digit string with separators."""
    clean = P.THOUSANDS.sub("", text)
    if clean.count(".") > 1:  # 1.000.000: dots group thousands
        clean = clean.replace(".", "")
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    return float(clean), 0.5 * 10.0 ** (-decimals)


def _core_at(text: str, m: re.Match[str], lex: Lexicon) -> _Core | None:
    """Read a digit core and its scale suffix or scale word; None when it is part of a name."""
    start, end = m.start(), m.end()
    token = _glued_before(text, start).lstrip(_OPENERS)  # the word the figure is glued to
    if token and _glued(token, lex):
        return None
    digits = m.group()
    comma = lex.re.decimal_comma.match(text, end) if digits.isdigit() else None
    if comma:  # "88,7 %"
        digits, end = f"{digits}.{comma.group(1)}", comma.end()
    after = text[end : end + 24]
    if P.NOT_A_NUMBER_AFTER.match(after) and _rate_end(text, end, lex) == end:
        return None  # a date, a time, a version; but "$2/1M tokens" is a price
    if P.ZERO_LED.fullmatch(m.group()):
        return None  # "007", "1430 GMT", the "000" of "15 000" spaced with a plain space
    value, precision = _digits_value(digits)
    if P.NEGATIVE.search(text[max(0, start - 2) : start]):
        if P.CAPS_BEFORE_MINUS.search(text, max(0, start - 24), start) and not (
            "." in m.group() or P.PERCENT_AFTER.match(text, end)
        ):
            return None  # "COVID -19": a name written with a spaced hyphen (not "FTSE -0.6%")
        value, start = -value, start - 1
    alternatives: tuple[float, ...] = ()
    scaled = False
    exponent = P.EXPONENT.match(after)
    superscript = P.SUPER_EXPONENT.match(after)
    times = exponent or superscript
    if times:
        power = _power_of_ten(times)
        return _Core(start, end + times.end(), value * power, precision * power, False, True)
    bare = P.BARE_POWER.match(after) if digits == "10" else None
    if bare:  # "above 10^25 FLOPs", "10²⁵": a power of ten written alone
        power = _power_of_ten(bare)
        return _Core(start, end + bare.end(), power, power / 2, False, True)
    plus = P.PLUS_BEFORE_SCALE.match(after)
    word = P.SCALE_WORD.match(after, plus.end()) if plus else None
    if plus and word and word.group(1).lower() in lex.scale_words:
        mult = lex.scale_words[word.group(1).lower()]
        end += word.end()
        return _Core(start, end, value * mult, precision * mult, False, True, at_least=True)
    suffix = P.SCALE_SUFFIX.match(after)
    word = P.SCALE_WORD.match(after)
    if suffix:
        mult, binary = lex.suffixes[suffix.group(1)]
        if binary != mult and value == int(value):
            alternatives = (value * binary,)
        value, precision, end, scaled = value * mult, precision * mult, end + suffix.end(), True
    elif word and word.group(1).lower() in lex.scale_words:
        mult = lex.scale_words[word.group(1).lower()]
        value, precision, end, scaled = value * mult, precision * mult, end + word.end(), True
        if text[end : end + 1] == "." and f"{word.group(1)}." in lex.abbreviations:
            end += 1  # "85 Mio. US-Dollar": the abbreviation's full stop is the figure's
        more = P.SCALE_WORD.match(text, end)  # "3 hundred thousand"
        if more and lex.scale_words.get(more.group(1).lower(), 0) > mult:
            mult = lex.scale_words[more.group(1).lower()]
            value, precision, end = value * mult, precision * mult, more.end()
    elif (spaced := P.SPACED_SCALE.match(after)) and _spaced_scale(spaced, lex):
        mult = lex.suffixes[spaced.group(1)][0]  # "about 3 B users"
        value, precision, end, scaled = value * mult, precision * mult, end + spaced.end(), True
    elif (
        P.NAME_SUFFIX.match(after)
        and not P.MULTIPLIER_SUFFIX.match(after)
        and not lex.re.unit.match(text, end)  # "141GB", "60mph": a unit, not a name
    ):
        return None
    variant = None if scaled or "." in m.group() else P.NEXT_WORD.match(text, end)
    if variant and variant.group(1) in lex.product_words:
        return None  # "the 16 Pro and 16 Pro Max", "three new 777 Max jets"
    return _Core(start, end, value, precision, False, scaled, alternatives)


def _glued_before(text: str, start: int) -> str:
    """The characters written right before text[start] with no white space between, at
    most 40 (split off in C, not walked back one character at a time)."""
    if start == 0 or text[start - 1].isspace():
        return ""
    return text[max(0, start - 40) : start].rsplit(None, 1)[-1]


def _glued(token: str, lex: Lexicon) -> bool:
    """Whether the word written right before a figure makes it part of a name ("GPT-4"),
    or the figure is the decimal part of a comma-written one (the "7" of "88,7 %")."""
    # hedge and bound symbols (numbers.yaml) and signs may sit between a word and its figure
    signed = lex.re.currency_sign.sub("", token, count=1)
    paired = signed != token or P.SCALED_BEFORE_SLASH.search(token)  # "$15/$75", "236B/21B"
    token = signed.lstrip(lex.bound_symbols + _SIGNS)
    if (
        token
        and not (paired and token[-1] == "/")
        and (token[-1].isalnum() or P.NAME_PREFIX.search(token) or token[-1] in "./:\u2044")
    ):
        return True
    return token[-2:-1].isdigit() and token[-1] == ","


def _words_core(m: re.Match[str], lex: Lexicon) -> _Core | None:
    """The core of a run of number words (lex.re.words); scaled when it holds a scale word."""
    parsed = parse_words(m.group(), lex)
    if parsed is None:
        return None
    scaled = any(w in lex.scale_words for w in P.NUMBER_WORD_SPLIT.split(m.group().lower()))
    return _Core(m.start(), m.end(), parsed[0], parsed[1], True, scaled)


def _word_core(text: str, pos: int, lex: Lexicon) -> tuple[_Core | None, float]:
    """The number words at pos as a core, and their value without a closing scale word
    ("five thousand" -> 5000 and 5)."""
    m = lex.re.words.any_case.match(text, pos)
    core = _words_core(m, lex) if m else None
    if m is None or core is None:
        return None, 1.0
    tokens = P.NUMBER_WORD_SPLIT.split(m.group().lower())
    closing = tokens[-1] in lex.scale_words and len(tokens) > 1
    head = parse_words(" ".join(tokens[:-1]), lex) if closing else None
    return core, head[0] if head else core.value


def _currency_before(text: str, start: int, lex: Lexicon) -> tuple[str, int, bool]:
    """The currency sign written right before a figure ("$", "US$", "€"), where it starts,
    and whether a minus sits between them ("$-50.8bn"). Most figures follow a character
    no sign ends on, which is tested before the end-anchored sign pattern is searched."""
    minus = start > 0 and text[start - 1] in P.MINUS_SIGNS
    at = start - 1 if minus else start
    before = text[at - 1] if at > 0 else ""
    if before not in lex.re.currency_sign_ends and before != "\n":  # "$" may end before "\n"
        return "", start, False
    sign = lex.re.currency_sign.search(text, max(0, at - 8), at)
    if sign is None or (sign.start() > 0 and text[sign.start() - 1].isalpha()):
        return "", start, False
    # the pattern takes any space inside a sign ("RM\u00a05"), the table one plain space
    unit = lex.currency_signs.get(P.SPACES.sub(" ", sign.group()), "")
    return (unit, sign.start(), minus) if unit else ("", start, False)


def _spaced_scale(spaced: re.Match[str], lex: Lexicon) -> bool:
    """Whether a scale letter set apart from its figure scales it: before what is counted
    ("3 B users"); "T" only before a unit ("15 T tokens", not "2 T cells")."""
    if spaced.group(1) == "T":
        return spaced.group(2).lower() in lex.unit_forms
    return _counted(spaced.group(2), lex)


def _counted(word: str, lex: Lexicon) -> bool:
    """Whether a word after a figure names what it counts: a unit, a count noun, a plural."""
    low = word.lower()
    return low in lex.unit_forms or low in lex.irregular_plurals or P.singular(low) != low


def _rate_end(text: str, end: int, lex: Lexicon) -> int:
    """After an amount of money, take in a rate such as 'per million tokens'."""
    return _rate(text, end, lex)[0]


def _rate(text: str, end: int, lex: Lexicon) -> tuple[int, float, str]:
    """Where a rate written after an amount ends, the factor that brings the amount to
    the rate's common denominator ("$0.0025 per 1K tokens" is $2.50 per million), and
    the rate's unit ("" when no rate is written)."""
    rate = lex.re.unit.match(text, end)
    name = lex.unit_forms.get(P.form_key(rate.group()), "") if rate else ""
    if rate and name and lex.units[name].kind == "rate":
        return rate.end(), lex.units[name].factor, name
    # "2 yuan ($0.28) per million input tokens": the rate after the amount converted in
    # brackets is the amount's rate; the mention takes in both (the bracket is an aside)
    aside = P.BRACKETED_AFTER.match(text, end)
    rate = lex.re.unit.match(text, aside.end()) if aside else None
    name = lex.unit_forms.get(P.form_key(rate.group()), "") if rate else ""
    if rate and name and lex.units[name].kind == "rate":
        return rate.end(), lex.units[name].factor, name
    return end, 1.0, ""


_DASHES = ("-", "–", "—")  # a range joined by a dash: "5-10%", "2023–2025"


def _extend(text: str, core: _Core, lex: Lexicon, moves: bool = True) -> Mention:
    """Grow a core into a mention: currency, range, unit, compound adjective, hedge, bound.
    With `moves`, "fell from $0.25 to $0.05" is two figures, not a range."""
    start, end, value, precision = core.start, core.end, core.value, core.precision
    if core.unit:  # a multiplier word ("doubled") or a fraction is a whole figure by itself
        start, end, bound = _bounded(text, start, end, Bound.EQ, lex)
        kind = lex.units[core.unit].kind
        return Mention(start, end, value, precision, core.unit, kind, bound, words=core.words)
    unit, start, minus = _currency_before(text, start, lex)
    folded = unit and text[start : core.start].lstrip("-−") in lex.folded_signs
    if folded and not lex.re.folded_money.match(text, start):  # "PS5" is a console
        unit, start, minus = "", core.start, False
    unit_kind = "currency" if unit else ""
    word = P.MINUS_WORD.search(text, max(0, start - 7), start)
    if (minus or word) and value > 0:  # "$-50.8bn", "minus 233 Celsius", "minus-5 yards"
        value, start = -value, word.start() if word else start
    low = high = None
    bound = Bound.GE if core.at_least else Bound.EQ
    alternatives = core.alternatives
    scaled = core.scaled
    if unit and not scaled:
        suffix = P.CURRENCY_SCALE_SUFFIX.match(text, end)
        spaced = P.CURRENCY_SPACED_SCALE.match(text, end)
        if suffix:
            mult = lex.currency_suffixes[suffix.group(1)][0]
            value, precision, end, scaled = value * mult, precision * mult, end + 1, True
        elif spaced:
            mult = lex.suffixes[spaced.group(1)][0]
            value, precision, end, scaled = value * mult, precision * mult, spaced.end(), True
    million = None if unit or scaled else P.GLUED_MILLION.match(text, end)
    if million and (million.group(1) is None or _counted(million.group(1), lex)):
        value, precision, end, scaled = value * 1e6, precision * 1e6, end + 1, True
    # A range: "5-10%", "5 to 10 billion", "between 5 and 10".
    rng = P.RANGE_JOINER.match(text[end : end + 12])
    named = P.NAME_BEFORE.search(text, max(0, start - 24), start) if rng else None
    if named and named.group(1) not in lex.not_names:
        rng = None  # "Claude Haiku 5 to 400K": a version number does not open a range
    dashed = rng is not None and rng.group().strip() in _DASHES  # "5-10%", never a move
    before = words_before(text, start) if rng and moves else []
    if rng and moves and not dashed and _moves(before, lex):
        rng = None  # "fell from $0.25 to $0.05": two figures, the first one earlier
    second: _Core | None = None
    raw = 1.0
    if rng and (rng.group().strip() != "and" or P.BETWEEN.search(text[max(0, start - 20) : start])):
        second_start = end + rng.end()
        sign = lex.re.currency_lead.match(text, second_start)
        second_start = sign.end() if sign else second_start
        m2 = P.DIGITS.match(text, second_start)
        second = _core_at(text, m2, lex) if m2 else None
        raw = float(P.NOT_DIGIT.sub("", m2.group()) or 1) if m2 else 1.0
        if (
            second
            and unit
            and sign
            and second.scaled == scaled
            and _amount_of_change(words_before(text, start), value, second.value, lex)
        ):
            rng, second = None, None  # "increased by $43.6 billion to $419.2 billion"
    elif core.words and not unit and (joiner := P.WORD_RANGE_JOINER.match(text, end)):
        # "two to three thousand people", "five or six weeks"
        second, raw = _word_core(text, joiner.end(), lex)
        rng = joiner
        before = words_before(text, start) if moves else []
    if rng and second is not None:
        if (
            not scaled and second.scaled and value < raw
        ):  # "5 to 10 billion", not "$800,000 to $1.3 million"
            value, precision = value * second.value / raw, precision * second.value / raw
        # "shipments rose in 2024 to 2.1 million", "22 mpg in 2010 to 30 mpg": a year does
        # not open a range of amounts
        year = not (unit or scaled) and P.YEAR.fullmatch(text, core.start, core.end)
        down = second.value < value
        move = moves and not dashed and _descending(before, value, second.value, lex)
        if not (dashed and down) and not (year and (second.scaled or down)) and not move:
            low, high = sorted((value, second.value))
            end = second.end
            value = (low + high) / 2
            bound = Bound.RANGE
            # each end keeps the finer precision: "$250,000 to $2 million" is not [0, 2.5M]
            precision = min(precision, second.precision)
    compound = written = ""
    # a sub-unit counted in its base ("19 cents" in USD), a rate in its common
    # denominator ("$0.0025 per 1K tokens" per million tokens)
    factor = per = 1.0
    rate = ""
    u = lex.re.unit.match(text, end)
    if u and not unit:
        name = lex.unit_forms.get(P.form_key(u.group().lstrip(" \u00a0-")))
        if name:
            spec = lex.units[name]
            written = name if spec.base else ""
            unit, unit_kind, end, factor = spec.base or name, spec.kind, u.end(), spec.factor
            if unit_kind == "currency":  # "9% per hour" is no price
                end, per, rate = _rate(text, end, lex)
    elif unit and unit_kind == "currency":
        end, per, rate = _rate(text, end, lex)
    factor *= per
    if factor != 1.0:
        value, precision = _converted(value, factor), _converted(precision, factor)
        if low is not None and high is not None:
            low, high = _converted(low, factor), _converted(high, factor)
    if not unit_kind or unit_kind == "currency":
        comp = P.COMPOUND.match(text, end)
        if comp and not (unit_kind and comp.group(1).lower() in lex.scale_words):
            compound = comp.group(1)
            end = comp.end()
    start, end, bound = _bounded(text, start, end, bound, lex)
    return Mention(
        start=start,
        end=end,
        value=value,
        precision=precision,
        unit=unit,
        unit_kind=unit_kind,
        bound=bound,
        low=low,
        high=high,
        alternatives=alternatives,
        words=core.words,
        compound=compound,
        scaled=scaled,
        written=written,
        rate=rate,
    )


def _bounded(text: str, start: int, end: int, bound: Bound, lex: Lexicon) -> tuple[int, int, Bound]:
    """Take in a hedge or bound written before the figure ("about", "more than", "~") or
    after it ("or more"); a range keeps its own bound."""
    pre = lex.re.prefix.search(text[max(0, start - 32) : start])
    if pre:
        phrase = P.squash(pre.group()).lower()  # "more\u00a0than" is "more than"
        if phrase == "between" and bound == Bound.RANGE:
            start -= len(pre.group())
        elif phrase in lex.prefix_bounds and not P.ARROW_HEAD.search(
            text, max(0, start - 8), start
        ):
            bound = bound if bound == Bound.RANGE else lex.prefix_bounds[phrase]
            start -= len(pre.group())
    post = lex.re.postfix.match(text, end)
    if post and bound == Bound.EQ and P.squash(post.group()).lower() in lex.postfix_bounds:
        bound = lex.postfix_bounds[P.squash(post.group()).lower()]  # "and\tup" is "and up"
        end = post.end()
    return start, end, bound


def find_mentions(text: str, lex: Lexicon, low: str | None, *, moves: bool = True) -> list[Mention]:
    """Every number expression in `text`, in order, without overlaps; `low` is
    patterns.folded(text). With `moves`, a change "from X to Y" is two figures (claim
    mode: X is an earlier value); without, one range, as quantity extractors read it."""
    cores: list[_Core] = []
    # Where a fraction may start: a figure followed by "/", "in" or "out of" ("1/53rd",
    # "one in five"), and a little before each fraction word ("two-thirds", "half the").
    fraction_at: list[int] = []
    for m in P.DIGITS.finditer(text):
        core = _core_at(text, m, lex)
        if core is not None:
            cores.append(core)
        if P.FRACTION_LEAD.match(text, m.end()):
            fraction_at.append(m.start())
    for m in lex.re.words.finditer(text, low):
        word_core = _words_core(m, lex)
        if word_core is not None:
            cores.append(word_core)
        if P.FRACTION_LEAD.match(text, m.end()):
            fraction_at.append(m.start())
    for m in lex.re.multiplier_words.finditer(text, low):
        factor = lex.multiplier_words[m.group().lower()]
        cores.append(_Core(m.start(), m.end(), factor, 0.0, False, True, (), "x"))
    cores.extend(_fractions(text, low, fraction_at, lex))
    cores.sort(key=lambda c: (c.start, -c.end))
    mentions: list[Mention] = []
    last_end = -1
    for core in cores:
        if core.start < last_end:
            continue
        mention = _extend(text, core, lex, moves)
        if mentions and mention.start < mentions[-1].end:
            continue
        if mentions and _joins(text, mentions[-1], mention, lex, moves):
            mention = range_of(mentions.pop(), mention)
        mentions.append(mention)
        last_end = mention.end
    return mentions


_NUMERATOR_REACH = 24  # characters a numerator may stand before its fraction word


def _fractions(text: str, low: str | None, starts: list[int], lex: Lexicon) -> list[_Core]:
    """The fractions of a text. The full fraction pattern is costly, so it is only tried
    where one may be: at the figures in `starts` and around each fraction word."""
    found: dict[int, re.Match[str]] = {}
    for start in starts:
        m = lex.re.fraction.match(text, start)
        if m:
            found[m.start()] = m
    for word in lex.re.fraction_word.finditer(text, low):
        lo = max(0, word.start() - _NUMERATOR_REACH)
        hi = min(len(text), word.end() + _NUMERATOR_REACH)
        for m in lex.re.fraction.finditer(text, lo, hi):
            if m.start() <= word.start() and word.end() <= m.end():
                found[m.start()] = m
    cores = (_fraction(text, found[start], lex) for start in sorted(found))
    return [core for core in cores if core is not None]


def _fraction(text: str, m: re.Match[str], lex: Lexicon) -> _Core | None:
    """A fraction as a share in percent: 'two-thirds' -> 66.67, '1/53rd' -> 1.89."""
    groups = m.groupdict()
    num, den = next(
        (groups[a], groups[b])
        for a, b in (("num", "den"), ("inum", "iden"), ("dnum", "dden"))
        if groups[b]
    )
    previous = text[max(0, m.start() - 16) : m.start()].split()
    if previous and previous[-1].lower() in lex.fraction_not_after:
        return None  # "the second half of 2025", "two and a half"
    denominator = lex.fraction_words.get(den.lower()) or _small_number(den, lex)
    numerator = 1 if num is None or num.lower() in ("a", "an") else _small_number(num, lex)
    if not denominator or numerator is None or (num is None and denominator != 2):
        return None
    value = 100.0 * numerator / denominator
    return _Core(m.start(), m.end(), value, 0.0, not den.isdigit(), False, (), "%")


def _small_number(word: str, lex: Lexicon) -> int | None:
    """A small whole number written in digits or as a number word ("53", "five")."""
    return int(word) if word.isdigit() else lex.words.get(word.lower())


def _joins(text: str, first: Mention, second: Mention, lex: Lexicon, moves: bool) -> bool:
    """'5% to 10%', '$300,000 to $12 million', 'between 5% and 6%': two figures in one
    unit make one range (but 'rose 12 sen to RM4.80' is a move from one figure to another).
    The cheapest tests come first: most pairs of figures differ in unit or stand apart."""
    if not (first.unit and first.unit == second.unit and first.bound == second.bound == Bound.EQ):
        return False
    if P.RANGE_GAP.fullmatch(text, first.end, second.start) is None and not (
        P.BETWEEN.search(text, max(0, first.start - 20), first.start) is not None
        and P.AND_GAP.fullmatch(text, first.end, second.start) is not None
    ):
        return False
    before = words_before(text, first.start)
    if _amount_of_change(before, first.value, second.value, lex):
        return False  # "was up 10.4 cents to US $2.24": the change, then the level
    return not (before and before[-1] in lex.change_verbs) and not (
        moves and (_moves(before, lex) or _descending(before, first.value, second.value, lex))
    )


def words_before(text: str, pos: int, floor: int = 0) -> list[str]:
    """The few words (lower case) written just before pos, none before `floor` (the
    sentence's start, say)."""
    return text[max(floor, pos - 48) : pos].lower().split()


def _from_before(before: Sequence[str], lex: Lexicon) -> int:
    """Where "from" stands in the lower-cased words before a figure, when it opens it
    ("from 7.9%", "from about $4,100"), else -1."""
    i = len(before) - 1
    while i >= 0 and before[i] in lex.prefix_bounds:  # a hedge: "from about $4,100"
        i -= 1
    return i if i >= 0 and before[i] == "from" else -1


def _moves(before: Sequence[str], lex: Lexicon) -> bool:
    """Whether the lower-cased words before a figure open a move "from" it ("improved
    from 79.4% to 82.1%", "fell from about $0.25 to $0.05", "reduced the error rate from
    7.9% to 3.2%"): a change or move verb stands a few words before the "from"."""
    at = _from_before(before, lex)
    return at > 0 and any(
        w in lex.change_verbs or w in lex.move_verbs for w in before[max(0, at - 8) : at]
    )


_LEVEL_OVER_CHANGE = 2.0  # "by $43.6B to $419.2B"; "by 5% to 10%" is a range of changes


def _amount_of_change(before: Sequence[str], first: float, second: float, lex: Lexicon) -> bool:
    """Whether a figure is the size of a change and "to" after it the level reached, not
    a range's end: "increased by $43.6 billion to $419.2 billion", "was up 10.4 cents to
    $2.24". The words before it say so ("by" after a change verb; "up" or "down" after a
    copula or a comma, not "stand up 1 GW to 2 GW"), and the level is well above the
    change ("raised prices by 5% to 10%" is a range of changes)."""
    if not before or second <= _LEVEL_OVER_CHANGE * first:
        return False
    word = before[-1]
    if word in lex.change_amount_before:  # "was up", "shares, down"
        return len(before) == 1 or before[-2] in lex.copulas or before[-2].endswith(",")
    return word in lex.change_amount_after_verb and any(
        w in lex.change_verbs or w in lex.move_verbs for w in before[:-1]
    )


def _descending(before: Sequence[str], first: float, second: float, lex: Lexicon) -> bool:
    """'from 7.9% to 3.2%': "from" a figure to a smaller one is a move, not a range (a
    range is written from its low end), unless a range word says so ("ranges from")."""
    if second >= first:
        return False
    at = _from_before(before, lex)
    return at >= 0 and not any(w in lex.range_words for w in before[max(0, at - 3) : at])


def range_of(first: Mention, second: Mention) -> Mention:
    """One range from two figures in one unit (first's unit and start, second's end)."""
    low, high = sorted((first.value, second.value))
    return Mention(
        start=first.start,
        end=second.end,
        value=(low + high) / 2,
        precision=min(first.precision, second.precision),
        unit=first.unit,
        unit_kind=first.unit_kind,
        bound=Bound.RANGE,
        low=low,
        high=high,
        scaled=first.scaled or second.scaled,
    )
