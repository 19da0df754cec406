"""Immutable records that flow between the pipeline stages."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum


class Bound(StrEnum):
    """How a figure relates to the true value: exact, hedged, bounded or a range."""

    EQ = "="
    APPROX = "~"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    RANGE = "range"


class Verdict(StrEnum):
    """What reconciling one group of claims concluded (DESIGN.md, Verdicts)."""

    CONFLICT = "conflict"
    ROUNDING = "rounding"
    APPROXIMATE = "approximate"
    SINGLE_SOURCE = "single-source"
    AGREE = "agree"
    UNLISTED = "not-on-sheet"  # `check` only: a figure the fact sheet does not give

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on and for sorting."""
        return _VERDICT_RANK[self]

    @property
    def severity(self) -> Severity:
        """The default severity of this verdict."""
        return _VERDICT_SEVERITY[self]


class Severity(StrEnum):
    """How loudly a finding is reported."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OK = "ok"


_VERDICT_RANK = {
    Verdict.CONFLICT: 4,
    Verdict.ROUNDING: 3,
    Verdict.APPROXIMATE: 2,
    Verdict.SINGLE_SOURCE: 1,
    Verdict.UNLISTED: 1,
    Verdict.AGREE: 0,
}

_VERDICT_SEVERITY = {
    Verdict.CONFLICT: Severity.ERROR,
    Verdict.ROUNDING: Severity.WARNING,
    Verdict.APPROXIMATE: Severity.INFO,
    Verdict.SINGLE_SOURCE: Severity.INFO,
    Verdict.UNLISTED: Severity.INFO,
    Verdict.AGREE: Severity.OK,
}


@dataclass(frozen=True)
class Source:
    """One decoded article. `text` is never modified after loading.

    For HTML, `text` is the extracted article and `line_map` ties it back to the
    original file: sorted `(offset, line, column)` anchors, each meaning "from this
    offset of `text` on, characters sit at this 1-based line and column of the
    original file" (column 0: column unknown). Empty for plain text and Markdown,
    whose `text` keeps the file's own lines.
    """

    path: str
    text: str
    title: str = ""
    encoding: str = "utf-8"
    line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    line_map: tuple[tuple[int, int, int], ...] = field(default=(), compare=False, repr=False)

    @staticmethod
    def from_text(path: str, text: str, encoding: str = "utf-8") -> Source:
        """Build a Source, indexing line starts and taking the first non-empty line as title."""
        starts = [0]
        found = text.find("\n")
        while found != -1:  # str.find runs in C: a per-character loop cost 0.7 s per 1,000 articles
            starts.append(found + 1)
            found = text.find("\n", found + 1)
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        return Source(path, text, title[:200], encoding, tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, in the original file."""
        if self.line_map:
            index = max(bisect.bisect_right(self.line_map, offset, key=lambda a: a[0]) - 1, 0)
            start, line, column = self.line_map[index]
            return line, (column + max(offset - start, 0)) if column else 1
        starts = self.line_starts or (0,)
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1


@dataclass(frozen=True)
class Quantity:
    """A normalised figure: base-unit value, written precision and the intervals it admits.

    `strict_low`/`strict_high` are what the written digits and any bound admit;
    `low`/`high` widen that by the hedge tolerance when the figure is hedged.
    Unbounded ends are +/- infinity.
    """

    value: float
    unit: str
    low: float
    high: float
    strict_low: float
    strict_high: float
    precision: float
    approx: bool = False
    bound: Bound = Bound.EQ
    surface: str = field(default="", compare=False)
    alternatives: tuple[float, ...] = ()


# A claim with several qualifiers writes them as one: "2025, high compute".
QUALIFIER_SEPARATOR = ", "
# The qualifier of a count of parts per container: "per rack" ("racks of 64 chips").
_PER_CONTAINER = "per "


def per_container(container: str) -> str:
    """The qualifier a count per container gets: "rack" -> "per rack"."""
    return f"{_PER_CONTAINER}{container.lower()}"


def is_per_container(qualifier: str) -> bool:
    """Whether one of a claim's qualifiers scopes its count to a container."""
    return any(p.startswith(_PER_CONTAINER) for p in qualifier.split(QUALIFIER_SEPARATOR))


@dataclass(frozen=True)
class Claim:
    """One numeric claim: who, what, which scope, how much; position kept out of equality."""

    subject: str
    metric: str
    qualifier: str
    quantity: Quantity
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    quote: str = field(default="", compare=False)
    sentence: str = field(default="", compare=False)
    sentence_start: int = field(default=0, compare=False)  # where `sentence` starts in the file

    @property
    def quote_at(self) -> int:
        """Where the quote stands in `sentence` (-1 when it is not there): at its own
        offset, not at the first equal text ("8" in "480B experts, 8 active")."""
        at = self.start - self.sentence_start
        if self.quote and at >= 0 and self.sentence[at : at + len(self.quote)] == self.quote:
            return at
        return self.sentence.find(self.quote) if self.quote else -1

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Report order: source path, then position."""
        return (self.path, self.line, self.column, self.metric)


@dataclass(frozen=True)
class Finding:
    """A group of claims about one (subject, metric, qualifier) and the verdict on it."""

    id: str
    subject: str
    metric: str
    qualifier: str
    unit: str
    verdict: Verdict
    claims: tuple[Claim, ...]
    summary: str
    consensus: float | None = None

    @property
    def severity(self) -> Severity:
        """The severity of this finding's verdict."""
        return self.verdict.severity

    @property
    def source_count(self) -> int:
        """How many distinct sources make a claim in this finding."""
        return len({c.path for c in self.claims})


@dataclass(frozen=True)
class LoadProblem:
    """A path that could not be read, or was read with a caveat."""

    path: str
    message: str
    fatal: bool = True


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from the paths given on the command line."""

    sources: tuple[Source, ...]
    problems: tuple[LoadProblem, ...] = ()
