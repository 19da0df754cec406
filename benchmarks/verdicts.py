"""Score compare's verdicts on the probe corpora against the figures their authors planted.

    .venv/bin/python benchmarks/verdicts.py [--corpus NAME] [--details]

The probe corpora (benchmarks/probes/<name>/) are fifty fictional launches, each covered
by 4–5 articles that testers wrote with planted cross-outlet conflicts, rounding pairs and
hedges; benchmarks/probes/planted.yaml transcribes their TRUTH files. Each corpus runs
through claimcheck's pipeline in process (load_corpus, extract_all, reconcile, as
`claimcheck compare` does) and the script prints, per corpus and in total: articles,
claims, findings by verdict, planted conflicts found as conflicts (and how many of those
findings hold only the two planted values), conflicts that hold no planted pair, planted
rounding pairs found as rounding, and where each missed planted conflict ended up.
benchmarks/README.md explains how a finding is matched to a planted figure.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimcheck.extract import extract_all
from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.models import Bound, Finding, Verdict
from claimcheck.reconcile import reconcile
from claimcheck.sources import load_corpus

PROBES = Path(__file__).resolve().parent / "probes"
PLANTED = PROBES / "planted.yaml"

# The verdicts compare gives, most severe first, with their column headings.
VERDICTS: tuple[tuple[Verdict, str], ...] = (
    (Verdict.CONFLICT, "conflict"),
    (Verdict.ROUNDING, "round"),
    (Verdict.APPROXIMATE, "approx"),
    (Verdict.SINGLE_SOURCE, "single"),
    (Verdict.AGREE, "agree"),
)
# Widths of the table's count columns, from articles to false (rounding is printed apart).
WIDTHS = (8, 6, 8, 5, 6, 6, 5, 7, 5, 5, 5)


@dataclass(frozen=True)
class Pair:
    """A planted pair of figures for one fact, each named by a piece of it as written."""

    id: str
    subject: str
    metric: str
    quotes: tuple[str, str]

    @property
    def label(self) -> str:
        """The pair as printed: id, subject · metric, and the two pieces."""
        a, b = self.quotes
        return f"{self.id} {self.subject} · {self.metric}  [{a!r} vs {b!r}]"


@dataclass(frozen=True)
class Truth:
    """What one corpus's authors planted."""

    name: str
    conflicts: tuple[Pair, ...]
    rounding: tuple[Pair, ...]
    hedged: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """A planted conflict and the conflict findings that hold both its figures."""

    pair: Pair
    findings: tuple[Finding, ...]

    @property
    def clean(self) -> bool:
        """Whether one of those findings holds only two distinct values."""
        return any(distinct_values(f) == 2 for f in self.findings)


@dataclass(frozen=True)
class Miss:
    """A planted conflict not found as one: per piece, the findings whose claims hold it."""

    pair: Pair
    places: tuple[tuple[Finding, ...], tuple[Finding, ...]]


@dataclass(frozen=True)
class Result:
    """The scores of one corpus."""

    name: str
    articles: int
    claims: int
    verdicts: Counter[Verdict]
    hits: tuple[Hit, ...]
    misses: tuple[Miss, ...]
    false_conflicts: tuple[Finding, ...]
    rounding_found: tuple[Pair, ...]
    rounding_total: int
    problems: tuple[str, ...]

    @property
    def planted(self) -> int:
        """How many conflicts were planted."""
        return len(self.hits) + len(self.misses)

    @property
    def clean(self) -> int:
        """Planted conflicts found in a finding with only the two planted values."""
        return sum(1 for h in self.hits if h.clean)


# --- the planted figures ------------------------------------------------------------------


def _pairs(raw: Any, where: str) -> tuple[Pair, ...]:
    """The {id, subject, metric, quotes} entries of one list in planted.yaml."""
    if not isinstance(raw, list):
        raise ValueError(f"{where}: expected a list")
    pairs = []
    for entry in raw:
        quotes = entry.get("quotes") if isinstance(entry, dict) else None
        if not (isinstance(quotes, list) and len(quotes) == 2 and all(quotes)):
            raise ValueError(f"{where}: {entry!r} needs two non-empty quotes")
        a, b = (str(q) for q in quotes)
        pairs.append(Pair(str(entry["id"]), str(entry["subject"]), str(entry["metric"]), (a, b)))
    return tuple(pairs)


def load_planted(path: Path) -> dict[str, Truth]:
    """Each corpus's planted conflicts, rounding pairs and hedges, in file order."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of corpus names")
    truths = {}
    for name, body in data.items():
        where = f"{path.name}: {name}"
        if not isinstance(body, dict):
            raise ValueError(f"{where}: expected conflicts, rounding and hedged")
        truths[str(name)] = Truth(
            str(name),
            _pairs(body.get("conflicts", []), f"{where}.conflicts"),
            _pairs(body.get("rounding", []), f"{where}.rounding"),
            tuple(str(h) for h in body.get("hedged") or ()),
        )
    return truths


# --- matching -----------------------------------------------------------------------------


def piece_pattern(piece: str) -> re.Pattern[str]:
    """A piece of a figure, not read inside a longer number ("32" is not in "320" or "32.5")."""
    before = r"(?<!\d)(?<!\d[.,])" if piece[0].isdigit() else ""
    after = r"(?!\d)(?![.,]\d)" if piece[-1].isdigit() else ""
    return re.compile(before + re.escape(piece) + after)


def holds(finding: Finding, piece: str) -> bool:
    """Whether one of the finding's claims has the piece in its quote."""
    pattern = piece_pattern(piece)
    return any(pattern.search(c.quote) for c in finding.claims)


def holds_pair(finding: Finding, pair: Pair) -> bool:
    """Whether the finding's quotes hold both figures of the pair."""
    return all(holds(finding, piece) for piece in pair.quotes)


def distinct_values(finding: Finding) -> int:
    """How many different figures the finding's claims give (a range counts by its ends)."""
    values = set()
    for c in finding.claims:
        q = c.quantity
        ends = (q.strict_low, q.strict_high) if q.bound == Bound.RANGE else (q.value,)
        values.add(tuple(f"{v:.9g}" for v in ends))
    return len(values)


def _values_label(finding: Finding) -> str:
    """How many values a finding gives, as printed: "1 value", "3 values"."""
    n = distinct_values(finding)
    return f"{n} value" if n == 1 else f"{n} values"


# --- running one corpus -------------------------------------------------------------------


def run_corpus(truth: Truth, lex: Lexicon) -> Result:
    """Load, extract and reconcile one corpus, then set its findings against its truth."""
    corpus = load_corpus([str(PROBES / truth.name)], gitignore=False)
    claims = extract_all(corpus.sources, lex)
    findings = reconcile(claims, lex)
    conflicts = [f for f in findings if f.verdict is Verdict.CONFLICT]
    hits, misses = [], []
    for pair in truth.conflicts:
        found = tuple(f for f in conflicts if holds_pair(f, pair))
        if found:
            hits.append(Hit(pair, found))
        else:
            a, b = (tuple(f for f in findings if holds(f, p)) for p in pair.quotes)
            misses.append(Miss(pair, (a, b)))
    false_conflicts = tuple(
        f for f in conflicts if not any(holds_pair(f, p) for p in truth.conflicts)
    )
    rounding = [f for f in findings if f.verdict is Verdict.ROUNDING]
    rounding_found = tuple(p for p in truth.rounding if any(holds_pair(f, p) for f in rounding))
    return Result(
        name=truth.name,
        articles=len(corpus.sources),
        claims=len(claims),
        verdicts=Counter(f.verdict for f in findings),
        hits=tuple(hits),
        misses=tuple(misses),
        false_conflicts=false_conflicts,
        rounding_found=rounding_found,
        rounding_total=len(truth.rounding),
        problems=tuple(f"{p.path}: {p.message}" for p in corpus.problems),
    )


# --- printing -----------------------------------------------------------------------------


def _figures(r: Result) -> list[int]:
    """The counted columns of one corpus, in table order (rounding found, then planted)."""
    figures = [r.articles, r.claims, *(r.verdicts[v] for v, _ in VERDICTS)]
    figures += [r.planted, len(r.hits), r.clean, len(r.false_conflicts)]
    return [*figures, len(r.rounding_found), r.rounding_total]


def _row(name: str, figures: Sequence[int]) -> str:
    """One line of the table: the name, right-aligned counts, rounding as found/planted."""
    cells = "".join(f"{f:>{w + 1}}" for f, w in zip(figures[:-2], WIDTHS, strict=True))
    return f"{name:<11}{cells}{f'{figures[-2]}/{figures[-1]}':>9}"


def print_table(results: Sequence[Result]) -> None:
    """Per corpus and in total: sizes, findings by verdict, planted pairs found, false alarms."""
    heads = ["articles", "claims", *(h for _, h in VERDICTS), "planted", "found", "clean"]
    cells = "".join(f"{h:>{w + 1}}" for h, w in zip([*heads, "false"], WIDTHS, strict=True))
    print(f"{'corpus':<11}{cells}{'rounding':>9}")
    rows = [_figures(r) for r in results]
    for r, figures in zip(results, rows, strict=True):
        print(_row(r.name, figures))
    if len(results) > 1:
        print(_row("total", [sum(column) for column in zip(*rows, strict=True)]))


def _places(findings: Sequence[Finding]) -> str:
    """Where a piece ended up: each finding's verdict and id, or that no claim holds it."""
    if not findings:
        return "no claim"
    return "; ".join(f"{f.verdict.value} {f.id} ({_values_label(f)})" for f in findings)


def print_misses(results: Sequence[Result]) -> None:
    """Each planted conflict not found as a conflict, with the verdicts its figures got."""
    misses = [(r.name, m) for r in results for m in r.misses]
    print(f"\nMISSED PLANTED CONFLICTS ({len(misses)})")
    if not misses:
        print("  none")
    for name, miss in misses:
        print(f"  {name} {miss.pair.label}")
        for piece, findings in zip(miss.pair.quotes, miss.places, strict=True):
            print(f"      {piece!r}: {_places(findings)}")


def print_details(results: Sequence[Result]) -> None:
    """The findings behind the counts: planted conflicts found, false conflicts, rounding."""
    for r in results:
        print(f"\n{r.name}")
        for hit in r.hits:
            where = ", ".join(f"{f.id} ({_values_label(f)})" for f in hit.findings)
            print(f"  found    {hit.pair.label}: {where}")
        for f in r.false_conflicts:
            quotes = " | ".join(dict.fromkeys(c.quote for c in f.claims))
            print(f"  false    {f.id}: {quotes}")
        for pair in r.rounding_found:
            print(f"  rounding {pair.label}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run every probe corpus (or one), print the table and the missed conflicts; exit 0."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", metavar="NAME", help="run one corpus (a folder of probes/)")
    ap.add_argument("--details", action="store_true", help="list the findings behind the counts")
    args = ap.parse_args(argv)

    truths = load_planted(PLANTED)
    if args.corpus is not None and args.corpus not in truths:
        ap.error(f"--corpus: no corpus {args.corpus!r}; known: {', '.join(truths)}")
    chosen = [truths[args.corpus]] if args.corpus else list(truths.values())
    lex = load_lexicon()
    results = [run_corpus(truth, lex) for truth in chosen]

    corpora = "1 probe corpus" if len(results) == 1 else f"{len(results)} probe corpora"
    print(f"VERDICTS — claimcheck compare on {corpora} (benchmarks/probes)\n")
    for r in results:
        for problem in r.problems:
            print(f"  ({r.name}: {problem})")
    print_table(results)
    print(
        "\nplanted = conflicts planted; found = planted conflicts in a conflict finding that"
        " holds both figures;\nclean = found in a finding with only those two values;"
        " false = conflict findings holding no planted pair;\nrounding = planted rounding"
        " pairs found in a rounding finding."
    )
    print_misses(results)
    if args.details:
        print_details(results)
    print(
        "\nNote: the counts are measured against TRUTH files written by the corpus authors"
        " (transcribed in\nbenchmarks/probes/planted.yaml), not against an independent"
        " annotation; a finding holds a planted\nfigure when a claim's quote contains a piece"
        " of it as written, so a finding that merges unrelated\nfigures can hold a pair by"
        " accident (see clean)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
