"""Every regular expression of the extractor, built and compiled in this one module.

Two kinds live here: the fixed grammar of written figures and sentences (module
constants), and the patterns built from the vocabulary YAML (`compile_patterns`),
where each list of surface forms becomes an alternation, longest form first. (Loading
HTML and rendering reports keep their few format-specific patterns beside their code.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimcheck.models import Bound

# Horizontal white space: a figure and its words never run across a line break.
SPACE_CHARS = " \t\u00a0\u202f"
_SP = rf"[{SPACE_CHARS}]"
# A hyphen, the Unicode hyphen, or the non-breaking hyphen U+2011 ("35‑billion").
_HYPHEN = r"[-\u2010\u2011]"

# --- the grammar of a written figure (numbers.py) ---
# 1.000.000, 1'000'000, 1,000,000, 16 384, 12.5, .5. Groups split by a plain space are
# one figure only when no other figure stands right before or after them ("scores of
# 85 120 90" are three). The pattern opens on a character class, so the engine skips in
# C to the few positions holding a digit or a dot (a pattern opening on a lookahead is
# entered at every position: twice as slow). It reads as the alternatives
#   \d{1,3}(?:\.\d{3}){2,}(?![\d.])  |  \d{1,3}(?:'\d{3})+(?![\d])
#   | (?<!\d )\d{1,3}(?: \d{3})+(?![\d]|[.,]\d| \d)
#   | (?:\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?![\d])|\d+)(?:\.\d+)?  |  \.\d+(?![\d.])
# with the first digit (or the dot) taken before them, tried in the same order.
DIGITS = re.compile(
    r"[\d.](?:(?<=\d)(?:\d{0,2}(?:\.\d{3}){2,}(?![\d.])|\d{0,2}(?:'\d{3})+(?![\d])"
    r"|(?<!\d .)\d{0,2}(?: \d{3})+(?![\d]|[.,]\d| \d)"
    r"|(?:\d{0,2}(?:[,\u00a0\u202f\u2009]\d{3})+(?![\d])|\d*)(?:\.\d+)?)|(?<=\.)\d+(?![\d.]))"
)
ZERO_LED = re.compile(r"0\d+")  # a whole number written with a leading zero: a code
THOUSANDS = re.compile(r"[ ,'\u00a0\u202f\u2009]")
# Words hyphenated to a figure that do not make it a name: "minus-5 yards", "sub-7 nm".
_FIGURE_PREFIXES = r"[Mm]inus|[Ss]ub"
_FIGURE_PREFIX_OPENING = r"(?=[MmSs])"  # what one of them opens on
# A word glued to a figure makes it part of a name ("GPT-4"), except the prefixes of a
# figure and the end of a range ("0-to-60-mph").
NAME_PREFIX = re.compile(
    rf"(?<![A-Za-z])(?!(?:{_FIGURE_PREFIXES}|to)-$)(?:[A-Za-z][\w.]*-?$|[A-Za-z]\S*-$)"
)
COMPOUND = re.compile(rf"{_HYPHEN}([A-Za-z]+(?:{_HYPHEN}[A-Za-z]+)*)")
NEGATIVE = re.compile(r"(?:^|(?<=[\s(\[:=]))[-\u2212]$")
MINUS_WORD = re.compile(rf"(?<![\w])minus(?:{_SP}+|{_HYPHEN})$", re.IGNORECASE)
MINUS_SIGNS = "-\u2212"  # a minus sign written before a figure ("$-50.8bn")
_POWER = r"([+\-−]?\d{1,3})(?![\w])"  # the exponent of "10^25" (group 1)
_SUPER_POWER = r"([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"  # the exponent of "10²⁵" (group 1)
EXPONENT = re.compile(
    rf"[eE]([+-]?\d{{1,3}})(?![\w])|{_SP}*[×x*]{_SP}*10(?:\^|\*\*|(?=[\-−]\d)){_POWER}"
)
BARE_POWER = re.compile(rf"(?:\^|\*\*){_POWER}|{_SUPER_POWER}(?![\w])")  # after a bare "10"
SUPER_EXPONENT = re.compile(rf"{_SP}*[×x]{_SP}*10{_SUPER_POWER}")
NOT_A_NUMBER_AFTER = re.compile(r"\.\d|:\d|[/\u2044]\d|,\d")
SCALE_SUFFIX = re.compile(r"(mn|MN|bn|BN|tn|[KkMBT])(?![A-Za-z\d])")
# "about 3 B users", "15 T tokens": a scale letter set apart from its figure, before what
# is counted ("T" only before a unit: "2 T cells" are two cells)
SPACED_SCALE = re.compile(rf"{_SP}(bn|mn|B|M|K|T)(?={_SP}+([A-Za-z]+)\b)")
# "Pixel 9 Pro", "the 15 Ultra": the capitalised word after a bare figure
NEXT_WORD = re.compile(rf"{_SP}+([A-Z][a-z]+)\b")
FOLLOWING_WORD = re.compile(rf"{_SP}+([A-Za-z][A-Za-z-]*)")  # the word after a figure, any case
# "COVID -19": a shouted name before a spaced minus sign
CAPS_BEFORE_MINUS = re.compile(rf"\b[A-Z]{{3,}}{_SP}+[-\u2212]$")
PERCENT_AFTER = re.compile(rf"{_SP}*%")
# the scale letters glued to an amount of money: "6m", "8.1bn", "40k"
_MONEY_SCALE = r"(?:bn|mn|mil|[mbkMBKT])(?![A-Za-z\d])"
CURRENCY_SCALE_SUFFIX = re.compile(r"(m|b)(?![A-Za-z\d])")
# "$2.5 B", "€40 M": after a currency sign a capital scale letter may stand apart
CURRENCY_SPACED_SCALE = re.compile(rf"{_SP}([KMBT])(?![\w&])")
# "10-plus trillion", "5+ million": an open bound written between a figure and its scale
PLUS_BEFORE_SCALE = re.compile(rf"(?:{_HYPHEN}|{_SP})?(?:plus|\+)(?={_SP}+[A-Za-z])")
# "4.2m tonnes", "20m of its phones": a glued "m" before what is counted is a million
# (before anything else it may be metres: "the 100m final", "37m (121ft)").
GLUED_MILLION = re.compile(
    rf"m(?={_SP}+(?:of{_SP}+(?:its|their|the|his|her|our|these|those)|([A-Za-z]+))\b)"
)
SCALE_WORD = re.compile(rf"(?:{_SP}|{_HYPHEN})*([A-Za-z]+)(?![\w])")
NAME_SUFFIX = re.compile(r"(?:st|nd|rd|th|s)\b|[A-Za-z]\w")
MULTIPLIER_SUFFIX = re.compile(r"x\b|×")
NAME_BEFORE = re.compile(r"\b([A-Z][\w.\-]*)[ \u00a0]$")
RANGE_GAP = re.compile(rf"{_SP}*(?:-|–|—|to){_SP}*")
RANGE_JOINER = re.compile(rf"{_SP}*(?:-to-|-|–|—|to|and){_SP}*(?=[\d$€£¥.])")
# "two to three thousand", "five or six weeks": a range of number words
WORD_RANGE_JOINER = re.compile(rf"{_SP}+(?:to|or){_SP}+(?=[A-Za-z])")
BETWEEN = re.compile(rf"between{_SP}*\S*$")
AND_GAP = re.compile(rf"{_SP}+and{_SP}+")
NUMBER_WORD_SPLIT = re.compile(r"[\s\u00a0-]+")
NOT_DIGIT = re.compile(r"[^\d.]")
# what follows the numerator of "1/53rd", "one in five", "3 out of 10"
FRACTION_LEAD = re.compile(rf"/|{_SP}+(?:in|out){_SP}", re.IGNORECASE)

# --- sentences and lines (text.py) ---
# The closing mark, closing quotes and the space after it, before a sentence's opening
# (it opens on the mark, so the engine skips in C to the few positions holding one).
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*[ \t\u00a0]+(?=[\"“‘(\[]?[A-Z0-9$€£¥~])")
SPEC_LINE = re.compile(  # not a heading: "# Acme's family: 70B, 405B" names no metric
    r"^(?![ \t]*#)[ \t]*(?:[•\-–·▪◦][ \t]*|\*[ \t]+)?(?:\*\*|__)?([^:\n,;.!?*_]{2,48}?)(?:\*\*|__)?"
    r"[ \t]*:(?:\*\*|__)?[ \t]+(?=\S)"
)
BULLET = re.compile(r"^[ \t]*(?:[•*\-–·▪◦]|\d{1,2}[.)])[ \t]+")
URL_SCHEME = re.compile(r"https?$")
SENTENCE_CLOSERS = frozenset('.!?:;…"”’)]')  # a line ending in one is not wrapped
NOT_PROSE = re.compile(r"^[ \t]*(?:#|>|[•*\-–·▪◦+][ \t]|\d{1,3}[.)][ \t]|```|~~~|\|)")
TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+(?:[ \t]*:?-{2,}:?[ \t]*)?$")
TABLE_CELL = re.compile(r"[^|]+")
HEADER_NOTE = re.compile(r"\(([^()]{1,24})\)[ \t]*$")
INITIALS = re.compile(r"(?:[A-Z]\.)+")

# --- the words around a figure (reading.py, attribution.py, subjects.py) ---
FOLLOWING_WORD = re.compile(rf"{_SP}*([A-Za-z0-9](?:[\w’']|\.(?=\w))*(?:-[\w’']+)*)")
LETTERS = re.compile(r"[A-Za-z]+")
FIGURE_WORD = re.compile(r"\d+(?:[.,]\d+)+")
# the words that open a noun phrase before a name or a figure ("the", "its", ...)
DETERMINED_WORDS = ("the", "its", "their", "his", "her", "our", "a", "an")
_DETERMINERS = "|".join(DETERMINED_WORDS)
DETERMINER = re.compile(rf"{_SP}+(?:{_DETERMINERS}){_SP}+(?=\w)", re.IGNORECASE)
# "$3,500 a month", "63 cents per share", "120,000 barrels a day": what a figure is per.
PER = re.compile(rf"(?:{_SP}|-)+(?:(per)|a|an)(?:{_SP}|-)+(?=[A-Za-z])", re.IGNORECASE)
PURPOSE = re.compile(rf"{_SP}+(?:for|of|during|in){_SP}+(?:the{_SP}+)?([A-Za-z][\w-]*)")
# Where the words right after a figure stop naming it: the next figure or a clause mark.
WORD_AFTER_STOP = re.compile(r"[\d,;:()]")
PER_BEFORE = re.compile(rf"\bper{_SP}+$", re.IGNORECASE)
# "3.4 points on OSWorld and 1.5 ...": no other figure, then "and" right before this one
# the date a model snapshot's id ends in: "tessaly-4-max«-2025-06-30»", "…sonnet«-20241022»"
SNAPSHOT_DATE = re.compile(r"[-_](?:20\d\d[-_]\d\d[-_]\d\d|20\d{6})$")
PART_OF_GAP = re.compile(rf"{_SP}+of{_SP}+(?:{_DETERMINERS})(?:{_SP}+total)?{_SP}+")  # "22B of its"
# "93.1%« accuracy on »SimpleQA", "94.2%« on »InvoiceBench": a word, then "on"
ON_GAP = re.compile(rf"(?:{_SP}+[a-z]+)?{_SP}+on{_SP}+(?:the{_SP}+)?")
PART_OF_END = re.compile(rf"{PART_OF_GAP.pattern}$")  # "22B of its «235B»": the whole
ARROW_GAP = re.compile(rf"{_SP}*(?:→|->|=>|⟶|➔){_SP}*")  # "2.7B → 3.8B": from, to
ARROW_HEAD = re.compile(rf"[-=]>{_SP}*$")  # "14 -> 17.2": the ">" ends an arrow, no bound
NEXT_ITEM = re.compile(r"\band\b|;")  # what opens the next item of a list or clause
AND_BEFORE = re.compile(rf"[^\d;]{{0,40}}\band{_SP}+")
DOTTED_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}(?!\d|\.\d)")  # "100.000" (a count: 100,000)
# The size that ends a model's name: the "236B" of "Ferrule-Coder-236B", "Llama 3.1 405B".
_SIZE = r"\d+(?:\.\d+)?[BMT]"  # a model's size in its name: "70B", "1.5B"
SIZE = re.compile(_SIZE)
NAME_SIZE = re.compile(rf"(?<=[\s-]){_SIZE}$")
# sizes listed before another, the list opened by a word (group 1): "«The 7B, »32B and
# 236B models", "«the 7B and »32B versions"
SIZES_LISTED_BEFORE = re.compile(
    rf"\b([A-Za-z]+){_SP}+(?:{_SIZE}(?:{_SP}*,{_SP}*(?:(?:and|or){_SP}+)?|{_SP}+(?:and|or){_SP}+))+$"
)
# a size in brackets right after a score or a price labels it: "41.5% «(32B)»", "$0.40
# (7B)"; never after a name's version ("Llama 3.1 (405B)") or another size ("671B (37B")
SIZE_LABEL = re.compile(rf"(?:\d{_SP}?%|(?<![\w.])[$€£]{_SP}?\d[\d.,]*){_SP}*\({_SP}*$")
SIZES = re.compile(_SIZE)
COPULA_SUBJECT = re.compile(
    rf"\b([a-z][a-z-]+){_SP}+(?:is|are|was|were|runs|run|becomes|got|gets){_SP}+$"
)
# Quantity mode: "from 640 MW to 710", "from $1,250 on Monday morning to $1,180": a
# move written with "from ... to" is one range to a quantity extractor. The gap holds at
# most five words and no clause break.
FROM_BEFORE = re.compile(rf"(?<![\w])from{_SP}+$", re.IGNORECASE)
TO_GAP = re.compile(
    rf"(?:{_SP}+(?!(?:from|and|or|but|while)(?![\w]))[^\s,;:()\[\]—–]+){{0,5}}?{_SP}+to{_SP}+",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?:1[89]|20)\d\d")
YEARS_AFTER = re.compile(rf"{_SP}*((?:19|20)\d\d)((?:{_SP}*/{_SP}*(?:19|20)\d\d)*)")
# A version written right after a benchmark's name: "ARC-AGI-2", "ARC-AGI 2",
# "LiveCodeBench v6", "Terminal-Bench 2.0" (not a score: "ARC-AGI 45%", "ARC-AGI 3.5 points").
VERSION_AFTER = re.compile(
    rf"(?:-|{_SP})?[vV]?(\d(?:\.\d)?)(?![\d\w]|[.,]\d|{_SP}*(?:%|percent\b|per\b|points?\b))"
)
YEAR_BEFORE = re.compile(rf"((?:19|20)\d\d){_SP}+")
FOUR_DIGITS = re.compile(r"\d{4}")
# "236B/" before "21B": a figure with a scale letter, then a slash, opens a pair
SCALED_BEFORE_SLASH = re.compile(r"\d(?:[KMBT]|bn|mn)/$")
# Between the two figures of a pair ("$15/$75", "$0.30 and $2.50", "70B, 8B"), and
# between the two words that name them ("input/output", "total and active")
_PAIR_JOINER = r"(?:/|and|&|,|or)"
PAIR_GAP = re.compile(rf"{_SP}*{_PAIR_JOINER}{_SP}*")


def members_of(names: Iterable[str]) -> re.Pattern[str]:
    """Any of some names followed by one capitalised word (group "tier"): "Mossling Core"
    after "Mossling" (word_runs_of finds the names themselves)."""
    return re.compile(rf"{word_runs_of(names).pattern}[ \u00a0](?P<tier>[A-Z][a-z]+)(?![\w\-])")


def word_runs_of(runs: Iterable[str]) -> re.Pattern[str]:
    """Any of some WORD_RUNs ("Behemoth", "Big Lake") standing whole: not inside a
    word or a hyphenation, the longest first where several start at one place."""
    tails: dict[str, list[str]] = {}
    for key in sorted(runs, key=len, reverse=True):
        tails.setdefault(key[0], []).append(re.escape(key[1:]))
    # Each branch opens on its capital and tests what comes before just after it, so the
    # engine skips, in C, to the few positions holding one of those capitals.
    branches = [
        rf"{re.escape(first)}(?<![\w\-.].)(?:{'|'.join(rest)})" for first, rest in tails.items()
    ]
    return re.compile(rf"(?:{'|'.join(branches)})(?![\w\-])")


def pair_words(first: str, second: str) -> re.Pattern[str]:
    """The two words of a metric pair written as one ("input/output", "input tokens and
    output", "total and active"), in either case."""
    a, b = re.escape(first), re.escape(second)
    return re.compile(
        rf"(?<![\w]){a}s?(?:{_SP}+[A-Za-z]+)?{_SP}*(?:{_PAIR_JOINER}|vs\.?){_SP}*{b}s?(?![\w])",
        re.IGNORECASE,
    )


def pair_marks(first: str, second: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two figures marked in turn ("$2.50 in / $15 out"): the gap from the first figure
    to the second, and the mark right after the second."""
    a, b = re.escape(first), re.escape(second)
    return (
        re.compile(rf"{_SP}+{a}{_SP}*{_PAIR_JOINER}{_SP}*", re.IGNORECASE),
        re.compile(rf"{_SP}+{b}(?![\w])", re.IGNORECASE),
    )


CLAUSE_BREAK = re.compile(r"[;()]|\s[—–]\s")
SENTENCE_PART_BREAK = re.compile(r";|\s[—–]\s")  # a clause break that is not a parenthesis
NAME_THEN_FIGURE = re.compile(
    rf"{_SP}*:?{_SP}*(?:(?:of|at){_SP}+)?"
)  # "GPQA« »71.4%", "MMLU«: »88"
OWNED_GAP = re.compile(rf"(?:{_SP}|-)*(?:(?:on|in|at|for){_SP}+(?:the{_SP}+)?)?")
POSSESSIVE_GAP = re.compile(rf"['’]s?{_SP}+")
CLOSING_PAREN = re.compile(rf"{_SP}*\)")
FIGURE_LIST_GAP = re.compile(rf"(?:{_SP}*,)?{_SP}*(?:and|&)?{_SP}*")
# digits after a decimal point or comma: "71.30", "1.20 million", "2,5" (not "8,400")
DECIMAL_PART = re.compile(r"\d[.,](?:\d{1,2}|\d{4,})(?!\d)")
# after an amount: the same amount converted, in brackets (" ($0.28)", " (about €0.26)")
BRACKETED_AFTER = re.compile(rf"{_SP}*\([^()\n]{{0,24}}\d[^()\n]{{0,12}}\)")
SLASH_LIST_GAP = re.compile(rf"{_SP}*/{_SP}*")  # "76.0 / 79.3": a list written with slashes
OWNER_GAP = re.compile(rf"(?:{_SP}|,)*(?:of|for|in|by){_SP}+(?:its|the|their){_SP}+")

# --- names (entities.py, reconcile.py) ---
POSSESSOR = re.compile(r"(?:\b[A-Z][\w.]*(?:['’]s)?[\s\u00a0]+)+$")
# "vs Mistletoe Mini / ": capitalised names listed before a name ("/", ",", "and", "or")
# (the last mark is never a bare comma: "Compared with GPT-5 and Gemini 3, Wren 3 scores")
_LISTED = r"\b[A-Z][\w.-]*(?:[\s\u00a0]+[A-Z0-9][\w.-]*)*[\s\u00a0]*"
_LIST_END = r"(?:/|,?[\s\u00a0]*\b(?:and|or)\b|&)[\s\u00a0]*$"
LISTED_BEFORE = re.compile(
    rf"(?:{_LISTED}(?:/|,|\band\b|\bor\b|&)[\s\u00a0]*)*{_LISTED}{_LIST_END}"
)
# "behind the closed Gannet-5": an article and at most one lower-case word before a name
DETERMINED = re.compile(
    rf"\b(?:{_DETERMINERS})(?:[\s\u00a0]+[a-z][\w-]*)?[\s\u00a0]+$"
)  # "behind the closed", "over our own": a determiner and maybe one word before a name
LIST_GAP = re.compile(r"[\s\u00a0]*(?:,|,?[\s\u00a0]+(?:and|or))[\s\u00a0]*")  # "1B, 7B and 32B"
# what may part a price written with its rate from the next amount of a list: a setting
# ("$0.18 per second «at 1080p and »$0.45 at 4K") and a list word
LISTED_AFTER = re.compile(
    r"(?:[\s\u00a0]+(?:at|in|for|on)[\s\u00a0]+[\w.-]+)?[\s\u00a0]*(?:,|;|,?[\s\u00a0]+(?:and|or|while))[\s\u00a0]*"
)
OWN_COUNT = re.compile(r"[\s\u00a0]+(?:for|per)[\s\u00a0]+(?:a|an|one|each|every|\d)")
# a hyphen left hanging before the next figure's unit: "a 7- or 8-inch screen", "4- to 8-bit"
SUSPENDED_GAP = re.compile(r"[-\u2010\u2011][\s\u00a0]*(,|or|and|to)[\s\u00a0]+")
BARE_COMMA = re.compile(r"[\s\u00a0]*,[\s\u00a0]*")
VERB_NEXT = re.compile(r"[\s\u00a0]+(?!(?:and|or)\b)[a-z]")  # a lower-case word, no list word
# between two names of a list; the second may follow its maker's name, possessive ("GPT-5,
# Google's Gemini 3") or after "and"/"or" ("Chorus 1 Listen and Whisper large-v3"); a bare
# comma never joins a maker ("Against GPT-5, Halden Kestrel-2 wins")
COORDINATION = re.compile(
    r"(?:[\s\u00a0]*[,/])?[\s\u00a0]*"
    r"(?:(?:and|or|&)[\s\u00a0]*(?:\b[A-Z][\w.]*(?:['’]s)?[\s\u00a0]+)?"
    r"|(?:\b[A-Z][\w.]*['’]s[\s\u00a0]+)?)"
)
# A quotation within one paragraph: a name inside one is what someone said, not the
# article's subject ("We matched Llama 3.1 405B," Zhou said).
QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
# A Markdown heading opens a new section: a name carried before it no longer applies.
HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
YEAR_OF_THING = re.compile(rf"\b(?i:{_DETERMINERS}){_SP}+(?:19|20)\d\d$")  # "a 2023 model"
# A table header that reads as a product's name though it holds no version: two to four
# capitalised words ("Mistletoe Mini", "Orbit Pro Max")
# a table column or row named like a product: "Mistletoe Mini", "Mistletoe Mini (3.2B)",
# "Halyard-R", "OpenVLA" (one word only with a capital inside it)
NAME_LIKE_LABEL = re.compile(
    r"(?P<name>[A-Z][A-Za-z-]+(?:[ \u00a0][A-Z][A-Za-z-]+){1,3}"
    r"|[A-Z][a-z]*(?:-?[A-Z][A-Za-z]*)+)(?:[ \u00a0]*\([^()]*\))?"
)
# a product table's column named by one capitalised word: "Scout (2022)", "Verge"
ONE_WORD_LABEL = re.compile(r"(?P<name>[A-Z][A-Za-z-]+)(?:[ \u00a0]*\([^()]*\))?")
ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")  # "CIOs", "LLMs": a plural noun, not a name
PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # a note in a label: "(ours)", "[3]"
LABEL_WORD = re.compile(r"[^\W_](?:[\w.+'’-]*[^\W_])?")  # "Average", "high-resolution", "3"
RELATIVE = re.compile(r"\b(?:which|that|who|whose)\b")  # a relative clause opens
COMMA_NEXT = re.compile(rf"{_SP}*,")  # "to GPT-5«,» at $1.25": an aside opens
TO_END = re.compile(rf"\bto{_SP}*$")  # "from 7.9% «to »3.2%"
TO_AFTER = re.compile(rf"{_SP}+to{_SP}")  # "raised to 2 yuan", "cut to $1"
# a letter in brackets right after a number: a legal designation ("510(k)", "230(c)")
DESIGNATION_AFTER = re.compile(r"\([a-z]\)")
# a chip written in the plural: "eight B200s"
PLURAL_DEVICE = re.compile(r"(?<=\d)s$")
# between a label and the figure it alone scopes: "targets «»$12 billion", "aims to reach «a
# revenue of »$12 billion", never past a colon or another clause
ADJACENT_GAP = re.compile(r"[ \u00a0]*(?:[a-z-]+[ \u00a0]+){0,3}(?:[$€£¥]|US\$)?[ \u00a0]*")
# the count right before a device: "on «8x »H100", "using «eight »B200s"
DEVICE_COUNT = re.compile(r"(?<![\w.])(?:(\d+)[ \u00a0]?[x×]?|([a-z]+))[ \u00a0]+$")
# A name word and its version joined by a hyphen: "Helix-2", "Velkin-3.5"
VERSIONED_WORD = re.compile(r"[A-Za-z]+[-\u2010\u2011]\d+(?:\.\d+)*[A-Za-z]?")
# A word that may be a model's tier ("Grand" of "Velkin-3 Grand"), as a name would be
# written alone: a capital, then lower case, no version after it
_TIER = r"([A-Z][a-z]{2,})(?![\w-])(?![ \u00a0]\d)"
TIER_WORD = re.compile(_TIER)
# ... right after a model's name: "Velkin-3« Grand»"
TIER_AFTER = re.compile(rf"[ \u00a0]{_TIER}")


# a capitalised word used alone in running text, after a lower-case word or a comma, not
# before a version: "trained «Grand» on", "serves «Grand» and 34B" (not "Gemini Live")
WORD_ALONE = re.compile(rf"(?:\b[a-z][a-z'’-]*|,)[ \u00a0]+{_TIER}")


# A name token with its version glued on: "T3", "H400", "Phi4", "Qwen2.5-72B"
# ("*+" takes the letters without giving any back: a digit must follow them anyway)
_GLUED = rf"[A-Z][A-Za-z]*+\d[A-Za-z0-9.]*(?:{_HYPHEN}[A-Za-z0-9.]+)*"
GLUED_TOKEN = re.compile(_GLUED)
WORD_AND_SCORE = re.compile(r"[A-Z][a-z]+[\s\u00a0]+\d+\.\d+$")  # "French 74.2"
# A reporting period, never a model: "Q3 2026", "H2 2025", "FY2026", "FY 26"
PERIOD = re.compile(r"(?:Q[1-4]|H[12]|FY|CY)[\s\u00a0]*'?\d{2,4}$")
INTEGER_VERSION = re.compile(r"^([A-Z][A-Za-z]*)[\s\u00a0]+(\d+)$")
# The leading word of a versioned name, which may name it alone ("Kestrel" of Kestrel-1).
NAME_STEM = re.compile(r"([A-Z][a-z]{2,}[A-Za-z]*)[\s\u00a0\-–]+[vV]?\d")
# A capitalised word: where a short name may stand ("Behemoth", "Northwind").
# One to three capitalised words, one separator apart ("Big Lake", "Behemoth"): the
# short names found whole (the pattern of them adds "not inside a word or a hyphenation")
WORD_RUN = re.compile(r"[A-Z][A-Za-z]+(?:[^\w.][A-Z][A-Za-z]+){0,2}")  # "Big Lake", "Ferrule-Coder"
NAME_SEPARATORS = re.compile(r"[\s\u00a0_\-–]+")
VERSION_NUMBER = re.compile(r"\d+(?:\.\d+)*[a-z]*")
PLURAL_S = re.compile(r"(?<=[a-z])s\b")
NOT_SLUG = re.compile(r"[^a-z0-9.%$]+")
SPACES = re.compile(r"\s+")
SLASH_SPACES = re.compile(r" ?/ ?")
ANY_DIGIT = re.compile(r"\d")

# --- vocabulary files (lexicon.py): only true/false are booleans ---
YAML_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def squash(text: str) -> str:
    """Collapse runs of white space (including NBSP) to one space."""
    return SPACES.sub(" ", text).strip()


def form_key(text: str) -> str:
    """The lexicon key of a matched unit form: lower case, one space between words, none
    around a slash ("Tokens / s" -> "tokens/s")."""
    return SLASH_SPACES.sub("/", squash(text)).lower()


def singular(word: str) -> str:
    """The singular of an English plural noun ("costs", "queries", "launches")."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zzes")) and len(low) > 4:
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return word[:-1]
    return word


@dataclass(frozen=True)
class SubjectWords:
    """The entities.yaml lists that decide which name a figure is about (subjects.py)."""

    object_cues: Sequence[str]
    anaphora: Sequence[str]
    clause_breaks: Sequence[str]
    comma_clause_breaks: Sequence[str]
    predecessors: Sequence[str]
    compared_gaps: Sequence[str]
    rival_cues: Sequence[str]
    org_suffixes: Sequence[str]
    not_org_words: Sequence[str]
    variants: Sequence[str]
    variant_nouns: Sequence[str]
    short_variants: Sequence[str]
    devices: Sequence[str]
    aside_cues: Sequence[str] = ()
    naming_cues: Sequence[str] = ()
    owner_verbs: Sequence[str] = ()
    model_nouns: Sequence[str] = ()
    size_list_nouns: Sequence[str] = ()
    largest_words: Sequence[str] = ()
    smallest_words: Sequence[str] = ()
    device_nouns: Sequence[str] = ()
    hardware_nouns: Sequence[str] = ()
    measured_on: Sequence[str] = ()
    measured_on_fillers: Sequence[str] = ()
    naming_nouns: Sequence[str] = ()
    org_nouns: Sequence[str] = ()
    org_roles: Sequence[str] = ()
    org_noun_ends: Sequence[str] = ()
    product_noun_ends: Sequence[str] = ()
    appositive_determiners: Sequence[str] = ()
    appositive_breaks: Sequence[str] = ()
    speed_links: Sequence[str] = ()


@dataclass(frozen=True)
class SubjectPatterns:
    """Compiled subject patterns (see SubjectWords)."""

    object_cues: frozenset[str]
    anaphor: re.Pattern[str]  # "it", "the model": a subject named earlier
    clause_break: re.Pattern[str]  # "while", ";": what follows is another clause
    predecessor: re.Pattern[str]  # "its predecessor": an earlier model left unnamed
    compared_gap: re.Pattern[str]  # fullmatch: "Helix-2 «at »41%" gives 41% to Helix-2
    rival_cue: re.Pattern[str]  # search to a figure: "81.7 «vs »76.0", the figure a rival's
    new_org: re.Pattern[str]  # "Lumen Labs raised": an organisation the vocabulary lacks
    maker: re.Pattern[str]  # "Corvane Systems" anywhere, even in a byline: group 1 "Corvane"
    org_suffix: re.Pattern[str]  # a quick test that a sentence may hold one
    variant_reference: re.Pattern[str]  # "the Mini variant": a sibling by its variant word
    size_list: re.Pattern[str]  # "comes in 8B and 70B «versions»": sizes of a family's members
    by_rank: re.Pattern[str]  # "the biggest model": group "largest" or "smallest"
    sibling_cue: re.Pattern[str]  # a quick test that variant_reference or by_rank may match
    short_variants: frozenset[str]  # last words that name a model alone ("Behemoth")
    named: Opening  # "a model called Quillon": group "name", a model without version
    named_owned: re.Pattern[str]  # "Brindle's Quillon, released ...": group "name" too
    org_cues: OrgCues  # "Pixmere, a London-based startup,": an organisation's name
    named_before_noun: Opening  # "Lumenfall«, our new video model»,": after a name
    name_before: NameBefore  # the name those two are written after
    for_gap: re.Pattern[str]  # fullmatch: "84.9% «for »Claude 3", "58.0% «scored by »Sorrel-4"
    device: re.Pattern[str]  # match a whole name: a phone or an operating system
    device_noun: re.Pattern[str]  # match right after a name: "the Kestrel 14 «laptop»"
    hardware_noun: re.Pattern[str]  # match right after a name: "a single Halden H40 «GPU»"
    # fullmatch between a device and the speed measured on it: "iPad Pro« at »20 tokens"
    device_then_figure: re.Pattern[str]
    aside: re.Pattern[str]  # "also released X": a side mention, not the article's subject


@dataclass(frozen=True)
class PatternWords:
    """The vocabulary lists the patterns are built from (gathered by lexicon.py)."""

    number_words: Sequence[str]
    scale_words: Sequence[str]
    multiplier_words: Sequence[str]
    fraction_words: Sequence[str]
    fraction_alone_before: Sequence[str]
    prefix_bounds: Sequence[str]
    postfix_bounds: Sequence[str]
    measure_units: Sequence[str]
    currency_signs: Sequence[str]
    folded_signs: Sequence[str]  # ASCII spellings of signs; never keep a name ("PS5") whole
    count_units: Sequence[str]
    metric_aliases: Sequence[str]
    cased_metric_aliases: Sequence[str]
    decimal_comma_words: Sequence[str]
    cues: Sequence[str]
    orgs: Sequence[str]
    families: Sequence[str]
    lowercase_models: Sequence[str]
    variants: Sequence[str]
    not_names: Sequence[str]
    hardware: Sequence[str]
    processes: Sequence[str]
    number_formats: Sequence[str]
    containers: Sequence[str]  # "rack", "node": what a count per container is per
    container_links: Sequence[str]  # "each rack «holds» 72 chips"
    comparison_cues: Sequence[str]
    subject_words: SubjectWords
    respectively: Sequence[str]
    change_after: Sequence[str]
    change_verbs: Sequence[str]
    previous_cues: Sequence[str]
    earlier_times: Sequence[str]
    score_words: Sequence[str]
    measure_heads: Sequence[str]
    settings: Sequence[str]
    setting_patterns: Sequence[str]
    noise: Sequence[str]
    same_benchmark: Sequence[str] = ()  # "on the same test"
    benchmark_nouns: Sequence[str] = ()  # "on the Foley «benchmark»"
    earlier_headers: Sequence[str] = ()  # "Input (old)": a table column of earlier values
    breakdown_cues: Sequence[str] = ()  # "1.2M hours«:» 900K ... and 300K ...": parts follow


@dataclass(frozen=True)
class Patterns:
    """Compiled vocabulary patterns; built once per Lexicon."""

    words: Folding
    decimal_comma: re.Pattern[str]
    multiplier_words: Folding
    fraction: re.Pattern[str]
    fraction_word: Folding
    prefix: Ending
    postfix: re.Pattern[str]
    unit: re.Pattern[str]
    currency_sign: re.Pattern[str]
    # the characters a currency_sign match can end on: a figure after any other has none
    currency_sign_ends: frozenset[str]
    currency_lead: re.Pattern[str]
    # an ASCII-spelled sign before an amount shaped as money: "PS2.7m", "Y=28,030", not "PS5"
    folded_money: re.Pattern[str]
    count: re.Pattern[str]
    metric: Folding
    cue: re.Pattern[str]
    org: re.Pattern[str]
    model: re.Pattern[str]
    family: re.Pattern[str]
    # any family, organisation or organisation word: a sentence with none of them and
    # no digit names nothing (entities.find_entities tests it first)
    named_word: re.Pattern[str]
    hardware: re.Pattern[str]
    number_format: re.Pattern[str]  # "FP8", "INT4": never a name's version
    process: re.Pattern[str]  # "N3P", "18A": a chip-making process, never a device
    # a count per container, written before it: "each rack contains «»72 chips", "racks of «»64"
    container_before: re.Pattern[str]
    # ... or after its noun: "64 chips« per rack»", "72 GPUs« into one rack»"
    container_after: re.Pattern[str]
    # search, ends where a name starts: "on a single «Halden H40 accelerator»", "using
    # eight «Vantage V9 GPUs»": what the name after it is measured on
    measured_on: re.Pattern[str]
    # before a device or chip a speed was measured on: "on Google's", "on an", "using a"
    measured_on_name: re.Pattern[str]
    comparison: Ending
    subject: SubjectPatterns
    respectively: re.Pattern[str]
    change_after: re.Pattern[str]
    measure: re.Pattern[str]  # "its refusal rate": one or two words and a measure noun
    change_before: re.Pattern[str]
    previous: Ending
    earlier_label: Ending  # "(a year ago: «$17M»)": an earlier value
    earlier_after: re.Pattern[str]  # match at a figure's end: "$17M« a year ago»"
    score_before: Ending
    same_benchmark: re.Pattern[str]  # "on the same test": the benchmark just scored
    unnamed_benchmark: re.Pattern[str]  # match after a score: "on SimplerEnv", group "name"
    earlier_header: re.Pattern[str]  # search a table header: "Input (old)", "Before"
    breakdown: re.Pattern[str]  # search between a whole and its parts: ":", "of which"
    setting: re.Pattern[str]  # an evaluation setting ("with tools", "pass@1")
    noise: re.Pattern[str]
    # the noise patterns split in two: those written in lower case, compiled without
    # IGNORECASE for lower-cased text, and the rest (upper case, "(?-i:...)")
    noise_folded: re.Pattern[str]
    noise_cased: re.Pattern[str]


def alternation(forms: Iterable[str], fold: bool = True) -> str:
    """A regex matching any of the literal forms, the longest where several match.

    The forms are merged into a trie ("active parameters", "active params" ->
    "active\\ param(?:eter)?s") so the engine rejects a position on its first
    character instead of trying every form in turn. With `fold` the forms are
    lower-cased: compile the result with re.IGNORECASE.
    """
    return _trie_regex(_trie(forms, fold)) or r"(?!x)x"


def _trie(forms: Iterable[str], fold: bool) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for token in _tokens(form.lower() if fold else form):
            node = node.setdefault(token, {})
        node[""] = {}
    return trie


def _tokens(form: str) -> list[str]:
    """Regex pieces of one literal form: escaped characters, any white space for a space,
    and a slash with or without spaces around it ("$2/1M tokens", "$2 / 1M tokens")."""
    return [_SPACED.get(ch) or re.escape(ch) for ch in form]


_SPACED = {" ": rf"{_SP}+", "/": rf"{_SP}*/{_SP}*"}


def _trie_regex(node: dict[str, Any]) -> str:
    """The regex of a trie node: its branches, longest first, optional if a form ends here."""
    branches = [token + _trie_regex(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def whole_words(forms: Iterable[str], fold: bool = True, *, lead: bool = False) -> str:
    """A whole-word alternation: not inside a longer word.

    With `lead`, when every form opens on a plain character, the check that no word
    character comes before is made after the form's first characters (`(?<![\\w]ab)`
    after "ab", see _lead_regex), so the pattern opens on a choice of literals and the
    engine skips, in C, to the positions holding one of them. That pays only when those
    characters are rare in text: capitals (names), or a few letters, in case-sensitive
    patterns (run those over `folded` text); under IGNORECASE, or for many opening
    letters, it costs more.
    """
    trie = _trie(forms, fold)
    if lead and trie and "" not in trie and all(_one_char(token) for token in trie):
        return rf"(?:{_lead_regex(trie, '')})(?![\w])"
    return rf"(?<![\w])(?:{alternation(forms, fold)})(?![\w])"


_LEAD_DEPTH = 3  # characters a lead pattern takes before it tests what comes before them


def _lead_regex(node: dict[str, Any], taken: str, before: str = r"[\w]") -> str:
    """The regex of a trie node reached by the one-character tokens `taken`, with the
    test that no word character stands before them made once the forms' first
    _LEAD_DEPTH characters are taken (or where a form ends, or a token stands for more
    than one character), as a lookbehind over `taken`: it looks at the same character
    wherever it is made, and most positions holding a first character fail on the next
    ones before it is tried. `before`: the class of what may not stand before them."""
    if len(taken) >= _LEAD_DEPTH or "" in node or not all(_one_char(t) for t in node):
        return rf"(?<!{before}{taken}){_trie_regex(node)}"
    branches = [t + _lead_regex(child, taken + t, before) for t, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _one_char(token: str) -> bool:
    """Whether a trie token stands for exactly one character ("a", "\\$")."""
    return len(token) == 1 or (len(token) == 2 and token[0] == "\\")


@dataclass(frozen=True)
class Ending:
    """Matches where a text ends with one of a list of phrases (searched up to a figure).

    An end-anchored regex is tried at every position of its window, so `search` first
    checks a cheap necessary condition: the text's last word (or, for a phrase ending
    in no letter, its last character) must end one of the phrases.
    """

    pattern: re.Pattern[str]
    last_words: frozenset[str]
    last_chars: frozenset[str]
    tail_chars: str  # what may follow the phrase, besides white space when `any_space`
    any_space: bool = True

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        stop = len(text) if endpos is None else min(endpos, len(text))
        if stop > pos and text[stop - 1] == "\n":
            stop -= 1  # "$" also matches before a final newline
        while stop > pos and (
            text[stop - 1] in self.tail_chars or (self.any_space and text[stop - 1].isspace())
        ):
            stop -= 1
        if stop == pos:
            return None
        last = text[stop - 1].lower()
        if last.isalpha():
            begin = stop - 1
            while begin > pos and text[begin - 1].isalpha():
                begin -= 1
            if text[begin:stop].lower() not in self.last_words:
                return None
        elif last not in self.last_chars:
            return None
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)


LETTERS_RUN = re.compile(r"[^\W\d_]+")


def _ending(forms: Iterable[str], tail_chars: str = "") -> Ending:
    """An Ending for the forms; white space and `tail_chars` may follow a form."""
    phrases = [f.lower() for f in forms]
    tail = rf"[\s{re.escape(tail_chars)}]*"
    pattern = re.compile(rf"{whole_words(phrases)}{tail}$", re.IGNORECASE)
    return _ending_of(pattern, phrases, tail_chars)


def _ending_of(
    pattern: re.Pattern[str], phrases: Sequence[str], tail_chars: str, any_space: bool = True
) -> Ending:
    """The Ending of a pattern that matches where a text ends with one of `phrases`."""
    return Ending(
        pattern=pattern,
        last_words=frozenset(LETTERS_RUN.findall(p)[-1] for p in phrases if p[-1:].isalpha()),
        last_chars=frozenset(p[-1].lower() for p in phrases if p and not p[-1].isalpha()),
        tail_chars=tail_chars,
        any_space=any_space,
    )


# a quick test that LISTED_BEFORE may match (an Ending: most names follow no list mark)
LIST_END = _ending_of(re.compile(_LIST_END), ["/", "and", "or", "&"], "")


@dataclass(frozen=True)
class WordStart:
    """A pattern that opens on a lookbehind keeping it to the start of a word
    ("(?<![\\w-])"), searched faster. The engine tries such a pattern at every position
    of the text; `gap` finds, in C, each character that may stand before a word (any
    but an ASCII letter, digit, "_" and the lookbehind's other characters: a test
    against a table, and a superset of those the lookbehind lets stand there) where the
    pattern (its lookahead) follows, and the pattern itself is only tried right after
    one. `finditer` gives the matches pattern.finditer gives (the pattern never matches
    an empty string).
    """

    pattern: re.Pattern[str]
    gap: re.Pattern[str]

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        last = pos  # where the last match ended: the next may not start before it
        first = self.pattern.match(text, pos, end)  # no gap before it within the span
        if first is not None:
            last = first.end()
            yield first
        for gap in self.gap.finditer(text, pos, end):
            at = gap.end()
            m = self.pattern.match(text, at, end) if at >= last else None
            if m is not None:
                last = m.end()
                yield m


def word_start(body: str, before: str) -> WordStart:
    """The WordStart of the pattern `(?<![before])body`; `before` is a character class
    body holding "\\w" ("\\w-": no word character or hyphen before the match)."""
    others = before.replace("\\w", "")
    return WordStart(
        pattern=re.compile(rf"(?<![{before}]){body}"),
        gap=re.compile(rf"[^a-zA-Z0-9_{others}](?={body})"),
    )


@dataclass(frozen=True)
class Folding:
    """One vocabulary pattern compiled twice: with IGNORECASE for text as written, and
    case-sensitive for the same text lower-cased by `folded` (about twice as fast)."""

    any_case: re.Pattern[str]
    lower_case: re.Pattern[str] | WordStart
    cased: re.Pattern[str] | None = None  # forms matched only as written ("MATH")

    def finditer(
        self, text: str, low: str | None, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches in text[pos:endpos], searched in `low` (folded(text)) when there is one."""
        end = len(text) if endpos is None else endpos
        if low is None:
            return self.any_case.finditer(text, pos, end)
        if self.cased is None:
            return self.lower_case.finditer(low, pos, end)
        cased = list(self.cased.finditer(text, pos, end))
        if not cased:  # nearly always: the matches of one pattern need no merging
            return self.lower_case.finditer(low, pos, end)
        return _leftmost_longest([*self.lower_case.finditer(low, pos, end), *cased])


@dataclass(frozen=True)
class Opening:
    """A pattern every match of which opens on one of a few literal words ("called",
    "model,"). Over a whole text, the engine tries the pattern at every position holding
    one of their first letters (a third of them); str.find finds the words far faster,
    and the pattern is only tried where one stands. The pattern must not match "".
    """

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches pattern.finditer(text) gives: in order, none overlapping."""
        last = 0
        for start in sorted({i for word in self.words for i in _occurrences(text, word)}):
            m = self.pattern.match(text, start) if start >= last else None
            if m is not None:
                last = m.end()
                yield m


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` stands in `text`, every place."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _leftmost_longest(matches: Sequence[re.Match[str]]) -> Iterator[re.Match[str]]:
    """Matches of two patterns merged as one pattern would give them: in text order, the
    longest at each place, none overlapping."""
    last = -1
    for m in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if m.start() >= last:
            last = m.end()
            yield m


def _folding(pattern: str, lower_case: str | None = None, cased: str = "") -> Folding:
    """A Folding of a pattern written in lower case (`lower_case`: an equivalent source
    for the case-sensitive compile, when a faster one exists), and of forms that match
    only as written (`cased`, a pattern)."""
    if not cased:
        return Folding(re.compile(pattern, re.IGNORECASE), re.compile(lower_case or pattern))
    return Folding(
        re.compile(rf"{pattern}|(?-i:{cased})", re.IGNORECASE),
        re.compile(lower_case or pattern),
        re.compile(cased),
    )


def folded(text: str) -> str | None:
    """The text lower-cased, when that keeps every offset (a handful of characters, such
    as "İ", grow when lower-cased: then None). Case-sensitive patterns run over folded
    text about twice as fast as IGNORECASE ones over the original."""
    low = text.lower()
    return low if len(low) == len(text) else None


def compile_patterns(w: PatternWords) -> Patterns:
    """Build every vocabulary pattern; raises re.error on a bad noise pattern."""
    number = rf"(?:{alternation(w.number_words)})"
    # "a dozen", "half a million": an article before a scale word. Written as three
    # alternatives tried in the order of the optional prefix they spell out (the article
    # after "half", the article, none; an?? tries "a" before "an"), each opening on a
    # letter: the engine turns most words away at once instead of entering an optional
    # group at every word (a third faster over a whole text).
    scaled = rf"an??{_SP}+(?={alternation(w.scale_words)}){number}"
    words = (
        rf"(?:half{_SP}+{scaled}|{scaled}|{number})"
        rf"(?:(?:{_SP}+|-)(?:and(?:{_SP}+|-))?(?:{number}|an?(?:{_SP}+|-)half(?![\w-])))*(?![\w])"
    )
    multipliers = whole_words(w.multiplier_words)
    metric = whole_words(w.metric_aliases)
    fraction = _fraction_pattern(w)
    return Patterns(
        # a run of number words starts a word: tried only after a character that may
        # stand before one (WordStart), not at each of the many letters they open on
        words=Folding(re.compile(rf"(?<![\w-]){words}", re.IGNORECASE), word_start(words, r"\w-")),
        # "88,7 %", "9,5 trillion", "0,15 dollars", "1,80 €": a decimal comma, read only
        # before a percent, a scale word or a currency (elsewhere "1,5" may be a list)
        decimal_comma=re.compile(
            rf",(\d{{1,2}})(?={_SP}?(?:{alternation(w.decimal_comma_words)})(?![\w]))",
            re.IGNORECASE,
        ),
        multiplier_words=_folding(multipliers, whole_words(w.multiplier_words, lead=True)),
        fraction=re.compile(fraction, re.IGNORECASE),
        fraction_word=_folding(
            whole_words(w.fraction_words), whole_words(w.fraction_words, lead=True)
        ),
        prefix=_ending_of(
            re.compile(
                rf"(?:(?<![\w])(?:{alternation(w.prefix_bounds)}){_SP}*|between{_SP}+)$",
                re.IGNORECASE,
            ),
            [*(p.lower() for p in w.prefix_bounds), "between"],
            SPACE_CHARS,
            any_space=False,
        ),
        postfix=re.compile(rf"{_SP}*(?:{alternation(w.postfix_bounds)})(?![\w])", re.IGNORECASE),
        unit=re.compile(rf"(?:{_SP}|-)?(?:{alternation(w.measure_units)})(?![\w])", re.IGNORECASE),
        currency_sign=re.compile(rf"(?:{alternation(w.currency_signs, fold=False)})$"),
        currency_sign_ends=_last_characters(w.currency_signs),
        currency_lead=re.compile(alternation(w.currency_signs, fold=False)),
        folded_money=re.compile(
            rf"(?:{alternation(w.folded_signs, fold=False)})\d[\d,]*"
            rf"(?:[.,]\d+(?:{_MONEY_SCALE})?|{_MONEY_SCALE}"
            rf"|(?=[.,]?\d*{_SP}+(?:{alternation(w.scale_words)})(?![\w-])))"
            if w.folded_signs
            else r"(?!)"
        ),
        count=re.compile(rf"(?:{alternation(w.count_units)})(?![\w])", re.IGNORECASE),
        metric=_folding(
            metric,
            cased=(
                whole_words(w.cased_metric_aliases, fold=False, lead=True)
                if w.cased_metric_aliases
                else ""
            ),
        ),
        cue=re.compile(whole_words(w.cues), re.IGNORECASE),
        org=re.compile(whole_words(w.orgs, fold=False, lead=True)),
        model=re.compile(
            _model_pattern(
                w.families,
                w.lowercase_models,
                w.variants,
                w.not_names,
                [s for s in w.currency_signs if s not in w.folded_signs],
            )
        ),
        family=re.compile(whole_words(w.families, fold=False, lead=True)),
        named_word=re.compile(
            whole_words(
                [*w.families, *w.orgs, *w.subject_words.org_suffixes], fold=False, lead=True
            )
        ),
        hardware=re.compile(rf"(?:{'|'.join(w.hardware)})(?:s)?$"),
        number_format=re.compile(rf"(?:{'|'.join(w.number_formats)})$"),
        process=re.compile(rf"(?:{'|'.join(w.processes)})$"),
        container_before=re.compile(
            rf"(?:\b(?:each|every|per|one|a|an|in)(?:{_SP}+[\w-]+){{0,2}}{_SP}+"
            rf"({alternation(w.containers)})s?{_SP}+(?:{alternation(w.container_links)})"
            rf"|\b({alternation(w.containers)})s{_SP}+of)(?:{_SP}+up{_SP}+to)?{_SP}+$",
            re.IGNORECASE,
        ),
        container_after=re.compile(
            rf"(?:{_SP}+[\w-]+){{1,2}}?{_SP}+(?:per|in{_SP}+(?:each|every|one)|into{_SP}+"
            rf"(?:each|every|one|a))(?:{_SP}+[\w-]+)?{_SP}+({alternation(w.containers)})\b",
            re.IGNORECASE,
        ),
        measured_on=re.compile(
            rf"(?<![\w-])(?:{alternation(w.subject_words.measured_on)}){_SP}+"
            rf"(?:(?:{alternation([*w.subject_words.measured_on_fillers, *w.number_words])}"
            rf"|[\d,]+[x×]?){_SP}+){{0,3}}$",
            re.IGNORECASE,
        ),
        measured_on_name=re.compile(
            rf"(?<![\w-])(?:{alternation(w.subject_words.measured_on)}){_SP}+"
            rf"(?:[\w'’.-]+{_SP}+){{0,2}}$",
            re.IGNORECASE,
        ),
        comparison=_ending(w.comparison_cues),
        subject=_subject_patterns(w.subject_words, w.not_names),
        respectively=re.compile(whole_words(w.respectively), re.IGNORECASE),
        change_after=re.compile(rf"{_SP}*{whole_words(w.change_after)}", re.IGNORECASE),
        measure=re.compile(
            rf"(?<![\w'’-])(?P<words>(?:[a-z][a-z-]*{_SP}+){{1,2}})"
            rf"(?P<head>{whole_words(w.measure_heads)})",
            re.IGNORECASE,
        ),
        change_before=re.compile(
            rf"{whole_words(w.change_verbs)}((?:{_SP}+[\w-]+){{1,5}}?){_SP}+by{_SP}*$",
            re.IGNORECASE,
        ),
        previous=_ending(w.previous_cues),
        earlier_label=_ending(w.earlier_times, ":"),
        # "$17 million« of a year ago»", "$17 million« last year»"
        earlier_after=re.compile(
            rf"(?:{_SP}+of)?{_SP}+{whole_words(w.earlier_times)}", re.IGNORECASE
        ),
        score_before=_ending(w.score_words, ":"),
        same_benchmark=re.compile(whole_words(w.same_benchmark) or r"(?!x)x", re.IGNORECASE),
        unnamed_benchmark=_unnamed_benchmark(w.benchmark_nouns),
        earlier_header=re.compile(whole_words(w.earlier_headers) or r"(?!x)x", re.IGNORECASE),
        breakdown=re.compile(
            "|".join(whole_words([c]) if c[0].isalpha() else re.escape(c) for c in w.breakdown_cues)
            or r"(?!x)x",
            re.IGNORECASE,
        ),
        setting=re.compile(
            rf"(?<![\w@-])(?:{alternation(w.settings)}|{'|'.join(w.setting_patterns)})(?![\w@-])",
            re.IGNORECASE,
        ),
        noise=re.compile(_noise_pattern(w.noise), re.IGNORECASE | re.MULTILINE),
        noise_folded=re.compile(
            _noise_pattern([p for p in w.noise if _lower_case(p)]), re.MULTILINE
        ),
        noise_cased=re.compile(
            _noise_pattern([p for p in w.noise if not _lower_case(p)]),
            re.IGNORECASE | re.MULTILINE,
        ),
    )


def _noise_pattern(patterns: Sequence[str]) -> str:
    """One alternation of the noise patterns, arranged so the engine rejects most
    positions in a few tests: the patterns that open on a word boundary share one
    `\\b` test, and among them those that open on a digit share one digit test.
    Only whether a match overlaps a figure counts, so regrouping the alternatives is safe.
    """
    opens_bounded = {p: p.startswith("\\b") and not _top_level_bar(p) for p in patterns}
    bounded = [p[2:] for p in patterns if opens_bounded[p]]
    others = [p for p in patterns if not opens_bounded[p]]
    digit_first = [p for p in bounded if p.startswith("\\d")]
    word_first = [p for p in bounded if not p.startswith("\\d")]

    def either(group: Sequence[str]) -> str:
        return "|".join(f"(?:{p})" for p in group) or r"(?!x)x"

    return rf"\b(?:(?=\d)(?:{either(digit_first)})|{either(word_first)})|{either(others)}"


def _lower_case(pattern: str) -> bool:
    """Whether a regex holds no upper-case letter outside its escapes (\\d, \\S, ...), so
    it matches lower-cased text without IGNORECASE just as it matches any text with it
    (a group that turns IGNORECASE off, "(?-i:...)", needs the text as written)."""
    if "(?-" in pattern:
        return False
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i].isupper():
            return False
        i += 1
    return True


def _top_level_bar(pattern: str) -> bool:
    """Whether a regex has an alternation outside every group ("\\ba|b")."""
    depth = 0
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def _fraction_pattern(w: PatternWords) -> str:
    """A fraction: "two-thirds", "a quarter", "half (the)", "one in five", "3 out of 10",
    "1/53rd".

    Groups: `num`/`den` (words), `inum`/`iden` ("one in five"), `dnum`/`dden` (digits).
    A fraction word with no numerator is checked by the reader (only "half" stands alone).
    """
    number = alternation(w.number_words)
    fraction = alternation(w.fraction_words)
    alone = alternation(w.fraction_alone_before)
    return (
        rf"(?<![\w-])(?:(?P<num>{number}|an?|\d{{1,2}})(?:{_SP}+|{_HYPHEN}))?"
        rf"(?P<den>{fraction})(?![\w-])(?(num)|(?={_SP}+(?:{alone})(?![\w-])))"
        rf"|(?<![\w-])(?P<inum>{number}|\d{{1,3}}){_SP}+(?:in|out{_SP}+of){_SP}+"
        rf"(?P<iden>{number}|\d{{1,3}})"
        rf"(?![\w-]|[.,]\d|{_SP}*%)"  # "Veo 3 in 61.4% of comparisons" holds no "3 in 61"
        rf"|(?<![\w/.,])(?P<dnum>\d{{1,3}})/(?P<dden>\d{{1,4}})(?:st|nd|rd|th)(?![\w])"
    )


def _subject_patterns(w: SubjectWords, not_names: Sequence[str]) -> SubjectPatterns:
    """The subject patterns; an unknown organisation is capitalised words ending in an
    organisation word ("Northwind AI") and followed by a verb, a possessive or a comma."""
    stop = alternation([*not_names, *w.not_org_words], fold=False)
    word = rf"(?!(?:{stop})(?![\w-]))[A-Z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*"
    suffix = alternation(w.org_suffixes, fold=False)
    variant = alternation(w.variants, fold=False)
    return SubjectPatterns(
        object_cues=frozenset(c.lower() for c in w.object_cues),
        anaphor=re.compile(whole_words(w.anaphora), re.IGNORECASE),
        clause_break=re.compile(
            rf"[;:]|{whole_words(w.clause_breaks)}"
            rf"|,{_SP}+{whole_words(w.comma_clause_breaks)}",
            re.IGNORECASE,
        ),
        predecessor=re.compile(whole_words(w.predecessors), re.IGNORECASE),
        # "than Helix-2, which scored 41.0%"; a short aside may come first ("follows
        # Sable-Mini 1.0, released in October, which had 8 billion parameters")
        compared_gap=re.compile(
            rf"(?:{_SP}|,)*(?:[a-z]+(?:{_SP}+[\w-]+){{0,3}}{_SP}*,{_SP}*)?"
            rf"(?:{alternation(w.compared_gaps)})(?:{_SP}+[a-z]+){{0,2}}{_SP}*",
            re.IGNORECASE,
        ),
        # "81.7 on GSM8K «vs. »76.0", "$8, «against the »$12": a cue right before a figure
        rival_cue=re.compile(
            rf"(?<![\w])(?:{alternation(w.rival_cues)})(?:{_SP}+the)?{_SP}*\(?{_SP}*$",
            re.IGNORECASE,
        ),
        new_org=re.compile(
            rf"(?<![\w.\-])(?:{word}[ \u00a0]){{1,3}}(?:{suffix})(?![\w\-])"
            rf"(?=['’]|,|[ \u00a0]+[a-z])"
        ),
        org_suffix=re.compile(whole_words(w.org_suffixes, fold=False, lead=True)),
        maker=re.compile(rf"(?<![\w.\-])([A-Z][\w&'’-]*)[ \u00a0]+(?:{suffix})(?![\w\-])"),
        # "the Mini variant", "The Mini has", "The 32B version", "the 236B reaches", "the
        # 7B and 32B models" (a list of sizes, each a sibling): opens on "the" (the
        # engine skips to it in C); a bare size ("bare") is only a billions figure before a
        # clause goes on, and extract checks the word after it is no unit ("the 37B tokens")
        variant_reference=re.compile(
            rf"[Tt]he(?<![\w][Tt]he){_SP}+(?:[a-z]+{_SP}+)?"
            rf"(?P<variant>{variant}|(?P<size>{_SIZE}(?:(?:{_SP}*,{_SP}*(?:and{_SP}+)?"
            rf"|{_SP}+(?:and|or){_SP}+){_SIZE})*))"
            rf"(?:{_SP}+(?:{alternation(w.variant_nouns)})(?![\w])"
            rf"|(?(size)(?<=B)|)(?P<bare>(?=[,;:)]|\.(?!\d)|{_SP}+[a-z])))"
        ),
        size_list=re.compile(whole_words(w.size_list_nouns), re.IGNORECASE),
        # (opens on "[Tt]he" like variant_reference, the engine skipping to it in C; the
        # lookbehind is the \b before it)
        by_rank=re.compile(
            rf"[Tt]he(?<![\w][Tt]he){_SP}+"
            rf"(?:(?P<largest>{alternation(w.largest_words, fold=False)})"
            rf"|(?P<smallest>{alternation(w.smallest_words, fold=False)}))"
            rf"{_SP}+(?:{alternation(w.variant_nouns)})(?![\w-])"
        ),
        # what both open on and must take next: most sentences have neither, and one
        # search rules both out
        sibling_cue=re.compile(
            rf"[Tt]he(?<![\w][Tt]he){_SP}+(?:(?:[a-z]+{_SP}+)?(?:{variant}|{_SIZE})"
            rf"|{alternation([*w.largest_words, *w.smallest_words], fold=False)})"
        ),
        short_variants=frozenset(w.short_variants),
        named=Opening(_named_pattern(w, stop), _openings(_naming_forms(w))),
        named_owned=_named_pattern(w, stop, owned=True),
        org_cues=_org_cues(w, stop),
        named_before_noun=Opening(
            re.compile(_appositive_tail(w, [*w.model_nouns, *w.naming_nouns], w.product_noun_ends)),
            (",", "is"),
        ),
        name_before=_name_before(stop),
        # "84.9% for Claude 3", "the 58.0% scored by Sorrel-4", "8.1 trillion tokens used
        # for Nova-2" (a noun may come before the verb)
        for_gap=re.compile(
            # "$1.10 per 1,000 point forecasts for Stormgrid 3": a price's denominator first
            rf"(?:{_SP}+per{_SP}+\d[\d,.]*(?:{_SP}+[a-z][\w-]*){{0,3}})?"
            rf"(?:{_SP}|,)*(?:(?:[a-z][\w-]*{_SP}+)?(?:{alternation(w.owner_verbs)}){_SP}+)?"
            rf"(?:for|by){_SP}+(?:[A-Z][\w.&-]*['’]s{_SP}+)?"  # "for Argent's Helion H400"
        ),
        device=re.compile(rf"(?:{'|'.join(w.devices)})$"),
        device_noun=re.compile(rf"{_SP}+(?:{alternation(w.device_nouns)})(?![\w])", re.IGNORECASE),
        device_then_figure=re.compile(
            rf"{_SP}+(?:{alternation(w.speed_links)}){_SP}+", re.IGNORECASE
        ),
        hardware_noun=re.compile(
            rf"{_SP}+(?:{alternation(w.hardware_nouns)})(?![\w-])", re.IGNORECASE
        ),
        # "also released X", "its predecessor, X,": named in passing, never handed on
        aside=re.compile(
            rf"(?<![\w])(?:{alternation([*w.aside_cues, *w.predecessors])})"
            rf"(?:{_SP}+[\w-]+){{0,3}},?{_SP}*$",
            re.IGNORECASE,
        ),
    )


def _unnamed_benchmark(nouns: Sequence[str]) -> re.Pattern[str]:
    """ "71.8% on SimplerEnv", "64.2 on the Foley benchmark": a benchmark the vocabulary
    lacks, named right after a score by a word with a capital or digit inside it, or by any
    capitalised word before one of `nouns` (group "name" or "named"), ending its clause."""
    noun = alternation(nouns, fold=False)
    word = r"[A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
    return re.compile(
        rf"{_SP}+on{_SP}+(?:the{_SP}+)?"
        rf"(?:(?P<name>[A-Z][a-z0-9]*[A-Z0-9]{word})(?:{_SP}+(?:{noun})\b)?"
        rf"|(?P<named>[A-Z]{word}){_SP}+(?:{noun})\b)"
        rf"(?={_SP}*(?:[,.;:)(—]|$|and\b|while\b|but\b))"
    )


def _named_pattern(w: SubjectWords, stop: str, owned: bool = False) -> re.Pattern[str]:
    """A name without a version right after a naming cue ("called Quillon") or in an
    appositive ("model, Quillon,"); with `owned`, after its owner's name and before the
    cue ("Brindle Labs' Ferrule-Coder, released this week,"). Two patterns, as each
    opens on its own first characters the engine can skip to."""
    name = _unversioned_name(stop)
    cues = alternation(w.naming_cues)
    if owned:
        return re.compile(rf"['’](?<=[\w.]['’])s?{_SP}+(?P<name>{name}),{_SP}+(?:{cues})\b")
    after = rf"(?P<name>{name})(?=[,.;:]|{_SP}+[a-z])"
    lead = _cue_lead(_naming_forms(w))
    if lead:
        return re.compile(lead + after)
    cue = (
        rf"(?:{cues}){_SP}+|(?:{alternation(w.model_nouns)}),{_SP}+"
        rf"|(?:{alternation(w.naming_nouns)}){_SP}+"
    )
    return re.compile(rf"(?<![\w-])(?:{cue}){after}")


def _org_named_pattern(w: SubjectWords) -> re.Pattern[str]:
    """An organisation noun or role as a word ("startup", "CEO", "chief executive"): the
    anchor organisation names without a suffix are read around (OrgCues). One trie with
    no group, which the engine skips to in C; the character before it is checked by the
    caller, and whether it is a role by OrgCues.roles."""
    return re.compile(rf"{alternation([*w.org_nouns, *w.org_roles], fold=False)}(?![\w-])")


@dataclass(frozen=True)
class OrgCues:
    """What is read around an organisation noun or role (orgs_named): the word itself
    (`word`), a name right after a noun ("robotaxi company «Veyra»": `after`), whether a
    noun ends its phrase (`noun_end`), and the appositive or "is a" that opens the phrase
    (`opening`, searched up to the noun: "Pixmere«, a London-based »startup", "Quillfern« is
    a fabless »company"; group "is" for the second)."""

    word: re.Pattern[str]
    roles: frozenset[str]  # the words that are roles, not nouns ("CEO", "chief executive")
    after: re.Pattern[str]
    noun_end: re.Pattern[str]
    opening: re.Pattern[str]


def _org_cues(w: SubjectWords, stop: str) -> OrgCues:
    return OrgCues(
        word=_org_named_pattern(w),
        roles=frozenset(w.org_roles),
        after=re.compile(rf"{_SP}+(?P<name>{_unversioned_name(stop)})(?=[,.;:]|{_SP}+[a-z])"),
        noun_end=re.compile(_noun_end(w.org_noun_ends)),
        opening=re.compile(rf"(?:,|(?P<is>{_SP}is)){_SP}+{_appositive_opening(w)}$"),
    )


def _unversioned_name(stop: str) -> str:
    """One or two capitalised words, neither of them in `stop`: a name without a version."""
    word = rf"(?!(?:{stop})(?![\w-]))[A-Z][a-z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*"
    return rf"{word}(?:[ \u00a0]{word})?"


def _appositive_tail(w: SubjectWords, nouns: Sequence[str], ends: Sequence[str]) -> str:
    """An appositive after a name that ends with one of `nouns` (", a London-based
    startup", ", our new video model"): its noun phrase ends at a punctuation mark or one
    of `ends`, and holds no "of" ("Ana Ruiz, a founder of the startup" names a person;
    "Ana Ruiz, a startup founder" goes on past the noun); or the same after "is" ("Osier
    is a general-purpose humanoid built for logistics"). Opens on the comma or the "is"."""
    return (
        rf"(?:,|(?<=\w[ \u00a0])is){_SP}+{_appositive_opening(w)}"
        rf"(?:{alternation(nouns)}){_noun_end(ends)}"
    )


@dataclass(frozen=True)
class NameBefore:
    """A name without a version written right before a position (the name an
    appositive, a role or "is a company" is about): `name_then` holds the name and what
    may come between it and the position ("Veyra's" before " chief executive")."""

    name_then: re.Pattern[str]

    def at(self, text: str, end: int) -> str:
        """The name that ends right before `end` (a possessive "'s" between), or ""."""
        m = self.name_then.search(text, max(0, end - _NAME_REACH), end)
        return m.group("name") if m else ""


_NAME_REACH = 48  # characters a name without a version runs to: two words


def _name_before(stop: str) -> NameBefore:
    return NameBefore(re.compile(rf"(?<![\w-])(?P<name>{_unversioned_name(stop)})(?:['’]s)?$"))


def _appositive_opening(w: SubjectWords) -> str:
    """An appositive's noun phrase up to its noun ("«a London-based »startup", "«our new
    video »model"): a determiner, then up to three words, none of them one that opens a
    phrase of its own (entities.yaml appositive_breaks: "a founder «of» the startup")."""
    breaks = alternation(w.appositive_breaks)
    filler = rf"(?!(?:{breaks})\b)[\w.&-]+"
    return rf"(?:{alternation(w.appositive_determiners)}){_SP}+(?:{filler}{_SP}+){{0,3}}"


def _noun_end(ends: Sequence[str]) -> str:
    """Where an appositive's noun phrase ends: a punctuation mark, one of `ends` or a
    participle ("a fabless company competing for wafers")."""
    return rf"(?=[,.;:)]|{_SP}+(?:{alternation(ends)}|[a-z]+ing)\b)"


def _naming_forms(w: SubjectWords) -> list[str]:
    """What a name without a version follows: the naming cues with their space ("called
    "), the model nouns with their comma ("model, "), the naming nouns with their space
    ("its software Densia Screen")."""
    return [
        *(f"{c} " for c in w.naming_cues),
        *(f"{n}, " for n in w.model_nouns),
        *(f"{n} " for n in w.naming_nouns),
    ]


def _openings(forms: Iterable[str]) -> tuple[str, ...]:
    """The literal text each form opens on, lower-cased as the patterns fold it: up to
    its first space or slash, which its pattern may write otherwise (see _tokens)."""
    return tuple(dict.fromkeys(re.split("[ /]", form.lower(), maxsplit=1)[0] for form in forms))


def _cue_lead(forms: Sequence[str]) -> str:
    r"""The naming cues with their space ("called ") and the model nouns with their comma
    ("model, ") as one lead pattern (see whole_words), so the whole-text search skips to
    their first letters: the same matches as (?<![\w-])(?:(?:cues) +|(?:nouns), +),
    where a name (a capital) follows. Where two forms part, one needs a space, a comma or
    a letter the other cannot take, so at most one can be followed by a name, except where
    one form continues another, and there both patterns try the longer first. "" when a
    form holds a slash or white space other than a space, which that does not cover."""
    if not forms or any("/" in f or any(c.isspace() and c != " " for c in f) for f in forms):
        return ""
    trie = _trie(forms, fold=True)
    if "" in trie or not all(_one_char(token) for token in trie):
        return ""
    return f"(?:{_lead_regex(trie, '', _NAME_BEFORE)})"


_NAME_BEFORE = r"[\w-]"  # what may not stand right before a naming cue


def _model_pattern(
    families: Sequence[str],
    lower: Sequence[str],
    variants: Sequence[str],
    not_names: Sequence[str],
    currency_signs: Sequence[str] = (),
) -> str:
    """A model name: name words with a version ("Claude Opus 4.6", "Gemini-2.5-Flash-Lite").

    Money is never a name: "$US12", "RM4.80", "EUR 20m" (a currency sign before the
    letters, or a currency code before the digits); nor is a negative "minus-5".

    The pattern is tried at every word of a sentence with a digit, so it is written to
    fail fast. A run written "*+" (or "++", "{2,}+") never gives back what it took,
    where what follows it can never match one of its characters: a name word's letters
    before a hyphen or the space every use of `word` is followed by, a token's letters
    and digits before the "." or hyphen that must follow them, letters before a digit.
    The engine would only try the same failing test at each shorter length. A word is
    tested for its capital before the list of words that are never names, and a currency
    code or "minus" for its first letter before the list of them (_opening).
    """
    stop = alternation(not_names, fold=False)
    # a glued name such as "CO2" is stopped only by the listed words with a digit in them
    digits = [n for n in not_names if any(c.isdigit() for c in n)]
    glued_stop = rf"(?!(?:{alternation(digits, fold=False)})(?![\w-]))" if digits else ""
    codes = [c.strip() for c in currency_signs if c.strip().isalpha()]
    money = (
        rf"(?!{_opening(codes)}(?:{alternation(codes, fold=False)})[ \u00a0]?\d)" if codes else ""
    )
    # "minus-5 yards", "sub-7 nm chips"
    money += rf"(?!{_FIGURE_PREFIX_OPENING}(?:{_FIGURE_PREFIXES}){_HYPHEN}\d)"
    marks = {ch for c in currency_signs for ch in c if not (ch.isalnum() or ch.isspace())}
    signs = re.escape("".join(sorted(marks)))
    # "Core 2.5x faster": a figure times, not a version
    version = r"(?:\d+x\d+[A-Za-z]?|(?!\d+(?:\.\d+)*x(?![\w\-]))\d+(?:\.\d+)*[a-zA-Z]{0,2})"
    # A hyphenated name token that carries a digit: GPT-5.4, DeepSeek-V3-0324, Qwen2.5-72B.
    h = _HYPHEN
    hyphenated = (
        rf"(?![a-z]+{h}(?:19|20)\d\d(?![\w\-]))"  # "an early-2024 round": a time, no name
        rf"[A-Za-z][A-Za-z0-9]*+(?:(?:\.|{h})[A-Za-z0-9]++)*{h}[A-Za-z]*+\d[A-Za-z0-9.]*"
        rf"(?:{h}[A-Za-z0-9.]+)*"
    )
    glued = _GLUED
    # A capitalised word; a long all-capitals word is a shouted headline, not a name. The
    # version after such words may open on "v" ("Echo-Large v2").
    word = (
        rf"(?=[A-Z])(?!(?:{stop})(?![\w-]))(?![A-Z]{{5,}}\b)[A-Z][A-Za-z]*+(?:{h}[A-Z][A-Za-z]*+)*"
    )
    family = alternation(families, fold=False)
    variant = alternation(variants, fold=False)
    tail = (
        rf"(?:[ \u00a0](?:(?:{variant})(?:{h}(?:{variant}))*"
        rf"|{version}(?:{h}[A-Za-z0-9]+)*(?![\w%]|[.,]\d))(?![\w\-\u2011]))*"
    )
    # every alternative but the first opens on a capital or a family's first character:
    # most words do not, and are turned away by one test
    capital = _opening(families, "A-Z")
    head = (
        rf"(?:{hyphenated}|{capital}(?:{glued_stop}{glued}"
        rf"|(?:(?:{family})|{word})(?:[ \u00a0]{word})*[ \u00a0][vV]?{version}(?![\w%]|[.,]\d)"
        rf"|(?:{family})(?:[ \u00a0]{word})*[ \u00a0]{glued}"
        rf"|{word}[ \u00a0]{glued}"  # "Zeta T3", "Helion H400": a word, then a glued version
        # "Quillion's Mistletoe Mini": an owner's word and a variant word name a product
        rf"|(?<=['’]s[ \u00a0]){word}[ \u00a0](?:{variant})(?![\w\-\u2011])"
        # "Halyard-R": a capitalised word and one capital letter, the letter its version
        rf"|(?=[A-Z])(?!(?:{stop})(?![\w-]))[A-Z][a-z]{{2,}}+{h}[A-Z](?![\w\-\u2011.])"
        rf"|(?:{family})[ \u00a0](?:{variant})(?:{h}(?:{variant}))*))"
    )
    lowercase = rf"(?:{'|'.join(lower)})" if lower else r"(?!x)x"
    return rf"(?<![\w.\-\u2011{signs}]){money}(?:{head}|{lowercase}){tail}(?<![.])(?![\w\-\u2011])"


def _last_characters(forms: Sequence[str]) -> frozenset[str]:
    """The characters `alternation(forms)` (not folded) can end on: each form's last, and
    white space for one ending in a space or a slash (read as runs of white space)."""
    ends = {f[-1] for f in forms if f}
    if ends & {" ", "/"}:
        ends |= set(SPACE_CHARS)
    return frozenset(ends)


def _opening(forms: Sequence[str], also: str = "") -> str:
    """A lookahead for the characters `alternation(forms, fold=False)` can open on, and
    those of the character class body `also`, put before it so that most positions fail
    one character test instead of one per form. A form opening on a space or a slash
    (read as a run of white space) or an empty one makes it "": no test."""
    if not all(forms) or any(f[0] in " /" for f in forms):
        return ""
    return rf"(?=[{also}{''.join(sorted({re.escape(f[0]) for f in forms}))}])"


def bound_of(phrase: str, table: Mapping[str, Bound]) -> Bound | None:
    """The bound a hedge or bound phrase stands for, whitespace-insensitive."""
    return table.get(squash(phrase).lower())
