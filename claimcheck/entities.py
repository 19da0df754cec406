"""Find the subjects a sentence names: AI models and organisations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon
from claimcheck.patterns import squash

MODEL = "model"
ORG = "org"
HARDWARE = "hardware"


@dataclass(frozen=True)
class Entity:
    """A named subject in the text; `compared` marks a name that is only compared against."""

    start: int
    end: int
    name: str
    kind: str
    compared: bool = False


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def find_entities(
    text: str, start: int, end: int, lex: Lexicon, exclude: Sequence[tuple[int, int]] = ()
) -> list[Entity]:
    """Models and organisations named in text[start:end], leftmost-longest, no overlaps."""
    found: list[tuple[int, int, str, str]] = []
    # A model name holds a digit or a family word ("Command R"): skip the costly pattern
    # in the many sentences that have neither.
    maybe_model = P.ANY_DIGIT.search(text, start, end) or lex.re.family.search(text, start, end)
    for m in lex.re.model.finditer(text, start, end) if maybe_model else ():
        surface = squash(m.group())
        if lex.re.hardware.match(surface):
            found.append((m.start(), m.end(), surface, HARDWARE))
            continue
        plain = P.INTEGER_VERSION.match(surface)
        if plain and P.YEAR.fullmatch(plain.group(2)):
            continue  # "Ignite 2026", "WWDC 2025", "CES 2026": an event and its year, not a model
        if plain:  # "Windows 11 users" counts users; "its Vega 3 model" names a model
            following = text[m.end() : m.end() + 30].lstrip().split(" ")[0].lower()
            if following in lex.unit_forms and following.endswith("s"):
                continue
        found.append((m.start(), m.end(), surface, MODEL))
    for m in lex.re.org.finditer(text, start, end):
        found.append((m.start(), m.end(), lex.org_aliases[m.group()], ORG))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    entities: list[Entity] = []
    last = -1
    for s, e, name, kind in found:
        if s < last or _overlaps(s, e, exclude):
            continue
        before = P.POSSESSOR.sub("", text[max(start, s - 40) : s])
        compared = bool(lex.re.comparison.search(before))
        if (
            entities
            and entities[-1].compared
            and P.COORDINATION.fullmatch(text, entities[-1].end, s)
        ):
            compared = True  # "compared it to Claude Sonnet 4.6 and Opus 4.6"
        entities.append(Entity(s, e, name, kind, compared))
        last = e
    return entities


def dominant(entities: Sequence[Entity], kind: str) -> str:
    """The name of this kind mentioned most often (first on a tie), or ''."""
    names = [e.name for e in entities if e.kind == kind and not e.compared]
    if not names:  # only compared names: the text is about one of them all the same
        names = [e.name for e in entities if e.kind == kind]
    if not names:
        return ""
    counts = Counter(names)
    best = max(counts.values())
    return next(n for n in names if counts[n] == best)


def name_key(name: str) -> str:
    """A spelling-insensitive key: 'Phi 4 Mini' and 'Phi-4-Mini' share one."""
    return P.NAME_SEPARATORS.sub(" ", name.lower()).strip()


def version_parts(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The numbers and the variant words in a name; two names that differ in either differ."""
    key = name_key(name)
    numbers = tuple(P.VERSION_NUMBER.findall(key))
    words = frozenset(w for w in key.split() if not w[:1].isdigit())
    return numbers, words
