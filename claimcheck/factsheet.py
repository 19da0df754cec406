"""Load the desk's claims/ folder: fact sheets, name aliases, extra vocabulary, tolerances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon
from claimcheck.models import Quantity
from claimcheck.numbers import find_mentions
from claimcheck.reading import Reading, to_quantity
from claimcheck.yamlcheck import ClaimsFileError, Node, read_yaml

TOP_FIELDS = (
    "subject",
    "aliases",
    "source",
    "figures",
    "subjects",
    "metrics",
    "noise",
    "tolerances",
    "accepted",
)
FIGURE_FIELDS = ("metric", "value", "unit", "qualifier", "source")
SOURCE_FIELDS = ("name", "url", "date")


@dataclass(frozen=True)
class Reference:
    """One figure on a fact sheet, with the source that states it and where it is written."""

    subject: str
    metric: str
    qualifier: str
    quantity: Quantity
    source: str
    url: str = ""
    date: str = ""
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Editorial:
    """Everything the claims/ folder adds to the packaged vocabulary."""

    references: tuple[Reference, ...] = ()
    subject_aliases: Mapping[str, str] = field(default_factory=dict)
    metric_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    noise: tuple[str, ...] = ()
    tolerances: Mapping[str, float] = field(default_factory=dict)
    files: tuple[str, ...] = ()


def claim_files(paths: Sequence[str]) -> list[Path]:
    """The .yaml/.yml files named, or found in the folders named, sorted; baselines left out."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
        elif path.exists():
            found.append(path)
        else:
            raise ClaimsFileError(f"{raw}: no such file or directory")
    return sorted(set(found))


def parse_figure(text: str, unit: str, lex: Lexicon) -> Quantity | None:
    """A figure written on a fact sheet ("70 billion", "128K", "~2 trillion", 61.3)."""
    mentions = find_mentions(text, lex, P.folded(text))
    if not mentions:
        return None
    m = mentions[0]
    known = lex.units.get(unit or m.unit)
    reading = Reading(m, unit or m.unit, known.kind if known else "")
    return to_quantity(text, reading, unit, lex.hedge_tolerance)


def _source(node: Node | None, fallback: tuple[str, str, str]) -> tuple[str, str, str]:
    if node is None:
        return fallback
    if node.pairs is None:
        return node.text("source"), "", ""
    fields = node.mapping("source", SOURCE_FIELDS)
    name = fields["name"].text("source name") if "name" in fields else fallback[0]
    url = fields["url"].text("source url") if "url" in fields else ""
    date = fields["date"].text("source date") if "date" in fields else ""
    return name, url, date


def _figures(top: dict[str, Node], lex: Lexicon, where: Node) -> list[Reference]:
    if "subject" not in top:
        raise where.fail("a fact sheet with 'figures' needs a 'subject'")
    subject = top["subject"].text("subject")
    sheet_source = _source(top.get("source"), ("", "", ""))
    refs = []
    for item in top["figures"].items("figures"):
        fig = item.mapping("figure", FIGURE_FIELDS)
        for needed in ("metric", "value"):
            if needed not in fig:
                raise item.fail(f"figure: missing field '{needed}'")
        unit = fig["unit"].text("unit") if "unit" in fig else ""
        if unit and unit not in lex.units:
            raise fig["unit"].fail(f"figure: unknown unit '{unit}'")
        metric = fig["metric"].text("metric")
        unit = unit or (lex.metrics[metric].unit if metric in lex.metrics else "")
        quantity = parse_figure(fig["value"].text("value"), unit, lex)
        if quantity is None:
            raise fig["value"].fail(f"figure: no number in value '{fig['value'].value}'")
        name, url, date = _source(fig.get("source"), sheet_source)
        if not name:
            raise item.fail("figure: no source (give 'source' on the sheet or the figure)")
        qualifier = fig["qualifier"].text("qualifier") if "qualifier" in fig else ""
        refs.append(
            Reference(subject, metric, qualifier, quantity, name, url, date, item.path, item.line)
        )
    return refs


def load_editorial(paths: Sequence[str], lex: Lexicon) -> Editorial:
    """Read and validate every claims/ file; the first problem raises ClaimsFileError."""
    refs: list[Reference] = []
    aliases: dict[str, str] = {}
    metrics: dict[str, tuple[str, ...]] = {}
    noise: list[str] = []
    tolerances: dict[str, float] = {}
    files = claim_files(paths)
    for path in files:
        root = read_yaml(path)
        top = root.mapping(path.name, TOP_FIELDS)
        if "accepted" in top:  # a baseline: read by claimcheck.baseline
            continue
        if "figures" in top:
            refs.extend(_figures(top, lex, root))
        if "subject" in top and "aliases" in top:
            for alias in top["aliases"].texts("aliases"):
                aliases[alias] = top["subject"].text("subject")
        if "subjects" in top:
            for name, spec in (
                top["subjects"].mapping("subjects", _any_key(top["subjects"])).items()
            ):
                for alias in spec.texts(f"subjects.{name}"):
                    aliases[alias] = name
        if "metrics" in top:
            for name, spec in top["metrics"].mapping("metrics", _any_key(top["metrics"])).items():
                metrics[name] = tuple(spec.texts(f"metrics.{name}"))
        if "noise" in top:
            noise.extend(top["noise"].texts("noise"))
        if "tolerances" in top:
            table = top["tolerances"].mapping("tolerances", _any_key(top["tolerances"]))
            for name, spec in table.items():
                try:
                    tolerances[name] = float(spec.text(f"tolerances.{name}"))
                except ValueError:
                    raise spec.fail(f"tolerances.{name} must be a number") from None
    return Editorial(
        tuple(refs), aliases, metrics, tuple(noise), tolerances, tuple(p.as_posix() for p in files)
    )


def _any_key(node: Node) -> list[str]:
    """Every key of a free-form mapping (subject or metric names) is allowed."""
    return [str(k.value) for k, _ in node.pairs or ()]
