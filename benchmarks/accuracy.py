"""Score claimcheck's quantity extraction on peer test sets, beside quantulum3 in the same run.

    .venv/bin/python benchmarks/accuracy.py [--shared PATH] [--top 15] [--examples 3] [--no-peer]

Sets (read from ../shared/peers, never copied into the project):
  NewsQuant   CQE's news test set: 590 sentences, 904 quantities (value, unit).
  q3-fixtures quantulum3's regression table, only quantities with a real unit.
Then the errors of claimcheck on NewsQuant (most frequent kinds, with examples), and a
noise check of claim mode on tests/cases/no_claims.yaml. benchmarks/README.md explains
the matching rules and how to read the output.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _corpus import default_shared, load_cases

from claimcheck.extract import extract_claims
from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.models import Bound, Source

REL_TOL = 1e-6

# Unit names that mean the same across the three vocabularies: claimcheck's lexicon, CQE's
# normalized_unit (NewsQuant) and quantulum3's unit names. A name not listed here is
# compared by its lemma (lowercase, each word singular): "GPUs" -> "gpu", "yards" -> "yard".
# When claimcheck's lexicon (claimcheck/data/units.yaml) gains a unit whose name is a code
# or symbol, add its peer names here; the table maps vocabularies, never single sentences.
UNIT_NAMES: dict[str, tuple[str, ...]] = {
    # no unit at all
    "": ("-",),
    "-": ("-",),
    "dimensionless": ("-",),
    # percent; claimcheck's lexicon also files bare "points"/"pts" under percentage points
    "%": ("percentage",),
    "percent": ("percentage",),
    "per cent": ("percentage",),
    "percentage points": ("percentage point", "point"),
    # multipliers: CQE normalises "3 times", "sixfold" to "count"
    "x": ("times", "count"),
    # currencies: claimcheck uses ISO codes, CQE and quantulum3 use names
    "usd": ("dollar",),
    "$": ("dollar",),
    "us cents": ("cent",),
    "aud": ("australian dollar",),
    "cad": ("canadian dollar",),
    "hkd": ("hong kong dollar",),
    "sgd": ("singapore dollar", "singaporean dollar"),
    "myr": ("malaysian ringgit",),
    "myr sen": ("sen",),
    "krw": ("south korean won",),
    "eur": ("euro",),
    "gbp": ("pound sterling",),
    "cny": ("chinese yuan",),
    "jpy": ("japanese yen",),
    "inr": ("indian rupee",),
    "nzd": ("new zealand dollar",),
    "chf": ("swiss franc",),
    "ils": ("shekel", "israeli new shekel"),
    "twd": ("new taiwan dollar",),
    "brl": ("brazilian real",),
    "mxn": ("mexican peso",),
    "php": ("philippine peso",),
    "zar": ("south african rand",),
    "sek": ("swedish krona",),
    "nok": ("norwegian krone",),
    "dkk": ("danish krone",),
    "thb": ("thai baht",),
    "idr": ("indonesian rupiah",),
    "aed": ("united arab emirates dirham",),
    "sar": ("saudi riyal",),
    "ngn": ("nigerian naira",),
    "try": ("turkish lira",),
    "rub": ("russian ruble",),
    "gbp pence": ("penny", "pence"),
    # claimcheck's measures are named by their symbols
    "gb": ("gigabyte",),
    "tb": ("terabyte",),
    "mb": ("megabyte",),
    "pb": ("petabyte",),
    "gw": ("gigawatt",),
    "mw": ("megawatt",),
    "kw": ("kilowatt",),
    "w": ("watt",),
    "twh": ("terawatt hour",),
    "gwh": ("gigawatt hour",),
    "mwh": ("megawatt hour",),
    "kwh": ("kilowatt hour",),
    "nm": ("nanometre",),
    "gbps": ("gigabit per second",),
    "tb/s": ("terabyte per second",),
    "mph": ("mile per hour",),
    "km/h": ("kilometre per hour",),
    "km": ("kilometre",),
    "kg": ("kilogram",),
    "tonnes": ("tonne", "metric ton", "ton"),
    "°c": ("celsius",),
    "°f": ("fahrenheit",),
    "sq m": ("square metre",),
    "sq ft": ("square foot", "square feet"),
    "sq km": ("square kilometre",),
    "sq mi": ("square mile",),
    "mm": ("millimetre",),
    "cm": ("centimetre",),
    "µm": ("micrometre",),
    "ml": ("millilitre",),
    "mg": ("milligram",),
    "lb": ("pound-mass",),
    "hz": ("hertz",),
    "khz": ("kilohertz",),
    "mhz": ("megahertz",),
    "ghz": ("gigahertz",),
    "rpm": ("revolution per minute", "revolutions per minute"),
    "hp": ("horsepower",),
    "bhp": ("brake horsepower", "horsepower"),
    "lb-ft": ("foot pound-force", "pound-foot"),
    "mpg": ("mile per gallon",),
    "mah": ("milliampere-hour",),
    "kv": ("kilovolt",),
    "m/s": ("metre per second",),
    "psi": ("pound-force per square inch",),
    "mpa": ("megapascal",),
    "gpa": ("gigapascal",),
    "ppm": ("part per million", "parts-per-million"),
    "ppb": ("part per billion", "parts-per-billion"),
    "db": ("decibel",),
    "mbps": ("megabit per second",),
    "ppg": ("point per game",),
    "rpg": ("rebound per game",),
    "apg": ("assist per game",),
    "kbps": ("kilobit per second",),
    # claimcheck's rate units
    "tokens/s": ("token per second",),
    "usd per million tokens": ("dollar per million token",),
    # quantulum3 names that CQE spells without "degree"
    "degree celsius": ("celsius",),
    "degree fahrenheit": ("fahrenheit",),
}

_RANGE_VALUE = re.compile(
    r"\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*-\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*"
)
_SMALL_NUMBERS = {
    1: "one|a|an|single",
    2: "two|pair|couple",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve|dozen",
    20: "twenty",
    100: "hundred",
}


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return {"feet": "foot", "people": "person", "men": "man", "women": "woman"}.get(word, word)


def unit_names(unit: str) -> frozenset[str]:
    """The canonical names a unit may be matched by (see UNIT_NAMES); a rate "A per B"
    by the names of A and of B ("USD per month" = "dollar per month")."""
    key = re.sub(r"\s+", " ", unit.strip().lower())
    if key in UNIT_NAMES:
        return frozenset(UNIT_NAMES[key])
    if " per " in key:
        top, _, per = key.partition(" per ")
        return frozenset(f"{a} per {b}" for a in unit_names(top) for b in unit_names(per))
    return frozenset({" ".join(_singular(w) for w in key.split(" "))})


@dataclass(frozen=True)
class Item:
    """One quantity, gold or predicted: a value (or range ends) and the unit names it admits."""

    low: float
    high: float
    is_range: bool
    unit: str
    units: frozenset[str]
    start: int = -1
    end: int = -1
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        """The value as printed in reports, with the system's own unit name."""
        value = _fmt(self.low) + (f"–{_fmt(self.high)}" if self.is_range else "")
        return f"{value} {self.unit}".strip() if self.unit not in ("", "-") else value


def _fmt(v: float) -> str:
    if v == int(v) and abs(v) >= 1e4:
        return f"{v:,.0f}"
    return f"{v:.6g}"


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def same_value(gold: Item, pred: Item) -> bool:
    """Equal values; a range equals only a range with both ends equal (in either order)."""
    if gold.is_range != pred.is_range:
        return False
    return _close(gold.low, pred.low) and _close(gold.high, pred.high)


def same_value_unit(gold: Item, pred: Item) -> bool:
    """Equal values and at least one unit name in common."""
    return same_value(gold, pred) and bool(gold.units & pred.units)


def greedy_match(
    gold: Sequence[Item], pred: Sequence[Item], same: Callable[[Item, Item], bool]
) -> list[tuple[int, int]]:
    """One-to-one pairs: each gold item, in order, takes the first free predicted item."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


@dataclass
class Tally:
    """Micro-averaged counts over a set."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 in percent."""
        p = 100 * self.tp / self.pred if self.pred else 0.0
        r = 100 * self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(frozen=True)
class Miss:
    """One unmatched item, why it went unmatched, and the other side's item at its place."""

    reason: str
    sid: int
    text: str
    item: Item
    other: Item | None = None


@dataclass
class Errors:
    """What one system got wrong on one set (value matching)."""

    missed: list[Miss] = field(default_factory=list)
    spurious: list[Miss] = field(default_factory=list)
    wrong_unit: list[tuple[int, str, Item, Item]] = field(default_factory=list)


@dataclass
class Score:
    """Value and value+unit tallies of one system on one set, with its errors."""

    system: str
    dataset: str
    value: Tally = field(default_factory=Tally)
    value_unit: Tally = field(default_factory=Tally)
    errors: Errors = field(default_factory=Errors)
    seconds: float = 0.0
    failures: int = 0


# --- loading the sets ---------------------------------------------------------------------


def _gold_value(raw: str) -> tuple[float, float, bool]:
    try:
        v = float(raw)
        return v, v, False
    except ValueError:
        m = _RANGE_VALUE.fullmatch(raw)
        if not m:
            raise ValueError(f"unreadable gold value {raw!r}") from None
        a, b = float(m.group(1)), float(m.group(2))
        return min(a, b), max(a, b), True


def load_newsquant(path: Path) -> list[tuple[str, list[Item]]]:
    """NewsQuant sentences with their gold quantities (a "low-high" range is one quantity)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data:
        items = []
        for q in entry["quantities"]:
            low, high, is_range = _gold_value(str(q["value"]))
            names = unit_names(q["normalized_unit"]) | unit_names(q["unit"])
            extra = {"surface_unit": q["unit"], "change": q["change"]}
            item = Item(low, high, is_range, q["normalized_unit"], names, extra=extra)
            items.append(item)
        out.append((entry["text"], items))
    return out


def load_q3_fixtures(path: Path) -> list[tuple[str, list[Item]]]:
    """quantulum3's fixtures, keeping only quantities with a real unit."""
    out = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        text = case["req"]
        items = []
        for q in case["res"]:
            if q["unit"] == "dimensionless":
                continue
            value, unc = float(q["value"]), q.get("uncertainty")
            start = text.find(q["surface"])
            end = start + len(q["surface"]) if start >= 0 else -1
            if unc:
                low, high, is_range = value - unc, value + unc, True
            else:
                low, high, is_range = value, value, False
            items.append(Item(low, high, is_range, q["unit"], unit_names(q["unit"]), start, end))
        out.append((text, items))
    return out


# --- the systems --------------------------------------------------------------------------

Predictor = Callable[[str], list[Item]]


# How a percentage is written when it is not a fraction: "60%", "60 per cent", "60 pct".
_PERCENT_WRITTEN = re.compile(r"%|per[\s-]*cent|pct|pc\b", re.IGNORECASE)


def claimcheck_predictor(lex: Lexicon, every_figure: bool) -> Predictor:
    """claimcheck's extract_claims as a predictor; range ends are read back from strict ends.

    A count unit is matched by its canonical name and by the count noun as written after
    the figure ("13 people" has unit "employees", written "people"). A figure claimcheck
    counts in a base unit ("8.5 kW" as 8,500 W, "350 ms" as 0.35 seconds) is scored in
    the unit it is written in, as the gold records it.
    """
    forms: dict[str, list[str]] = defaultdict(list)
    converted: dict[str, tuple[str, float, str]] = {}  # written form -> (unit, factor, base)
    for form, name in lex.unit_forms.items():
        if name in lex.units and lex.units[name].kind == "count":
            forms[name].append(form.lower())
        if name in lex.units and lex.units[name].base and lex.units[name].kind != "currency":
            converted[form] = (name, lex.units[name].factor, lex.units[name].base)
    as_written = re.compile(
        rf"\d\s*({'|'.join(map(re.escape, sorted(converted, key=len, reverse=True)))})(?!\w)",
        re.IGNORECASE,
    )

    def written_noun(text: str, unit: str, end: int) -> frozenset[str]:
        window = text[end : end + 60].lower()
        found = []
        for form in forms.get(unit, ()):
            m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", window)
            if m:
                found.append((m.start(), -len(form), form))
        return unit_names(min(found)[2]) if found else frozenset()

    def predict(text: str) -> list[Item]:
        items = []
        source = Source.from_text("sentence.txt", text)
        for c in extract_claims(source, lex, every_figure=every_figure):
            q = c.quantity
            if q.bound == Bound.RANGE:
                ends = sorted((q.strict_low + q.precision, q.strict_high - q.precision))
                low, high, is_range = ends[0], ends[1], True
            else:
                low, high, is_range = q.value, q.value, False
            if q.unit == "%" and not _PERCENT_WRITTEN.search(c.quote):
                # a share written as a fraction ("a third" = 33.3 %); NewsQuant writes
                # fractions as ratios (0.333), percentages as percentages (60)
                low, high = low / 100, high / 100
            extra = {"quote": c.quote, "metric": c.metric}
            names = unit_names(q.unit) | written_noun(text, q.unit, c.end)
            written = as_written.search(c.quote)
            unit, factor, base = (
                converted.get(written.group(1).lower(), ("", 1.0, "")) if written else ("", 1.0, "")
            )
            if base and q.unit == base:  # claim mode counts it in the base unit
                low, high = low / factor, high / factor
                names = names | unit_names(unit)
            items.append(Item(low, high, is_range, q.unit, names, c.start, c.end, extra))
        return items

    return predict


def quantulum3_predictor() -> tuple[Predictor | None, str]:
    """quantulum3's parser.parse as a predictor, or None and why it is unavailable."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            from quantulum3 import parser  # type: ignore[import-untyped]

            parser.parse("warm up: 2 metres")
    except ImportError:
        return None, (
            "quantulum3 is not installed; to score it too: .venv/bin/pip install quantulum3 "
            "(a benchmark-only peer, not a project dependency)"
        )
    note = ""
    if any("Classifier dependencies" in str(w.message) for w in caught):
        note = (
            "quantulum3 runs without its optional classifier"
            " (pip install 'quantulum3[classifier]'), so ambiguous units take its default reading"
        )

    def predict(text: str) -> list[Item]:
        items = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        for q in found:
            unc = getattr(q, "uncertainty", None)
            if unc:
                low, high, is_range = q.value - unc, q.value + unc, True
            else:
                low, high, is_range = float(q.value), float(q.value), False
            start, end = q.span
            name = q.unit.name
            items.append(Item(low, high, is_range, name, unit_names(name), start, end))
        return items

    return predict, note


# --- scoring ------------------------------------------------------------------------------


def score(
    system: str,
    dataset: str,
    sentences: Sequence[tuple[str, list[Item]]],
    predict: Predictor,
    keep: Callable[[Item], bool] = lambda _: True,
) -> Score:
    """Run one system over one set and tally value and value+unit matches."""
    result = Score(system, dataset)
    started = time.perf_counter()
    for sid, (text, gold) in enumerate(sentences):
        try:
            pred = [p for p in predict(text) if keep(p)]
        except Exception:  # a peer that crashes on a sentence predicts nothing for it
            result.failures += 1
            pred = []
        for tally, same in ((result.value, same_value), (result.value_unit, same_value_unit)):
            pairs = greedy_match(gold, pred, same)
            tally.tp += len(pairs)
            tally.pred += len(pred)
            tally.gold += len(gold)
            if same is same_value:
                _record_errors(result.errors, sid, text, gold, pred, pairs)
    result.seconds = time.perf_counter() - started
    return result


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] >= 0 and b[0] >= 0 and a[0] < b[1] and b[0] < a[1]


def _record_errors(
    errors: Errors,
    sid: int,
    text: str,
    gold: Sequence[Item],
    pred: Sequence[Item],
    pairs: Sequence[tuple[int, int]],
) -> None:
    """File each unmatched item under a reason read from what the other side has there."""
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    where = [_locate(text, g) for g in gold]
    for i, g in enumerate(gold):
        if i in matched_gold:
            continue
        if where[i][0] < 0:
            errors.missed.append(Miss("not located in the text", sid, text, g))
            continue
        over = [p for p in pred if _overlaps((p.start, p.end), where[i])]
        if not over:
            reason = "nothing predicted there"
        elif over[0].is_range and not g.is_range:
            reason = "read into a range"
        elif g.is_range and not over[0].is_range:
            reason = "gold range read as single figures"
        else:
            reason = "another value predicted there"
        errors.missed.append(Miss(reason, sid, text, g, over[0] if over else None))
    for i, p in enumerate(pred):
        if i in matched_pred:
            continue
        at = [g for g, span in zip(gold, where, strict=True) if _overlaps((p.start, p.end), span)]
        if not at:
            reason = "not in gold"
        elif p.is_range and not at[0].is_range:
            reason = "range where gold has single figures"
        elif at[0].is_range and not p.is_range:
            reason = "single figure inside a gold range"
        else:
            reason = "another value than gold there"
        errors.spurious.append(Miss(reason, sid, text, p, at[0] if at else None))
    errors.wrong_unit += [
        (sid, text, gold[g], pred[p]) for g, p in pairs if not gold[g].units & pred[p].units
    ]


# --- printing -----------------------------------------------------------------------------


def _locate(text: str, item: Item) -> tuple[int, int]:
    """Where a gold value is written in its sentence (best effort; NewsQuant has no spans).

    A range is the first written end followed, within 40 characters, by the other end.
    """
    if item.start >= 0:
        return item.start, item.end
    if not item.is_range:
        return _find_number(text, item.low) or (-1, -1)
    for first, second in ((item.low, item.high), (item.high, item.low)):
        pos = 0
        while (a := _find_number(text, first, pos)) is not None:
            b = _find_number(text[: a[1] + 40], second, a[1])
            if b is not None:
                return a[0], b[1]
            pos = a[1]
    return _find_number(text, item.low) or _find_number(text, item.high) or (-1, -1)


def _find_number(text: str, value: float, pos: int = 0) -> tuple[int, int] | None:
    """The first place from `pos` where `value` is written in digits (any scale) or words."""
    for scale in (1.0, 1e3, 1e6, 1e9, 1e12, 0.01):
        x = abs(value) / scale
        if x < 0.001 or (scale > 1 and x < 1):
            continue
        written = f"{x:.6f}".rstrip("0").rstrip(".")
        whole, _, decimals = written.partition(".")
        pattern = ",?".join(re.escape(d) for d in whole)
        pattern += rf"\.{decimals}\d*" if decimals else r"(?:\.0+)?"
        m = re.compile(rf"(?<![\d.,]){pattern}(?![\d])").search(text, pos)
        if m:
            return m.start(), m.end()
    words = _SMALL_NUMBERS.get(int(value)) if value == int(value) else None
    if words:
        m = re.compile(rf"\b(?:{words})\b", re.IGNORECASE).search(text, pos)
        if m:
            return m.start(), m.end()
    return None


def snippet(text: str, start: int, end: int, width: int = 96) -> str:
    """The sentence around [start, end), the span marked «…», on one line."""
    flat = re.sub(r"\s+", " ", text)
    if start < 0:
        return flat[:width] + ("…" if len(flat) > width else "")
    left = max(0, start - 40)
    right = min(len(flat), max(end, left + width - 4))
    body = f"{flat[left:start]}«{flat[start:end]}»{flat[end:right]}"
    return ("…" if left else "") + body + ("…" if right < len(flat) else "")


def _shape(quote: str) -> str:
    """A figure's written shape: digits runs become N ("$4.5 billion" -> "$N.N billion")."""
    return re.sub(r"\d+", "N", re.sub(r"\s+", " ", quote))


def _written(item: Item) -> str:
    return f"{_shape(item.extra.get('quote', ''))} ({item.unit or 'no unit'})"


def print_scores(scores: Iterable[Score], notes: Sequence[str]) -> None:
    """The main table: one row per (system, set)."""
    head = (
        f"{'system':<22} {'set':<12} {'value  P     R     F1':>23}"
        f"   {'value+unit  P     R     F1':>28}   gold  pred  seconds"
    )
    print(head)
    print("-" * len(head))
    for s in scores:
        vp, vr, vf = s.value.prf()
        up, ur, uf = s.value_unit.prf()
        line = (
            f"{s.system:<22} {s.dataset:<12} {vp:11.1f} {vr:5.1f} {vf:5.1f}"
            f"   {up:16.1f} {ur:5.1f} {uf:5.1f}"
            f"   {s.value.gold:4d} {s.value.pred:5d} {s.seconds:8.2f}"
        )
        if s.failures:
            line += f"  ({s.failures} sentences raised)"
        print(line)
    for note in notes:
        print(f"note: {note}")


def print_published(path: Path) -> None:
    """The P/R/F1 the CQE authors published for NewsQuant (their matching, not ours)."""
    if not path.exists():
        print(f"(published figures not found: {path})")
        return
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    table: dict[str, dict[str, tuple[str, str, str]]] = defaultdict(dict)
    for row in rows:
        if row["type"] in ("value", "value+unit"):
            table[row["model"]][row["type"]] = (row["P"], row["R"], row["F1"])
    print(
        "Published on NewsQuant (evaluation_output/NewsQuant.csv; the CQE authors' own matching):"
    )
    print(f"  {'system':<16} {'value  P     R     F1':>23}   {'value+unit  P     R     F1':>28}")
    for model, kinds in table.items():
        v = kinds.get("value", ("-", "-", "-"))
        u = kinds.get("value+unit", ("-", "-", "-"))
        print(f"  {model:<16} {v[0]:>11} {v[1]:>5} {v[2]:>5}   {u[0]:>16} {u[1]:>5} {u[2]:>5}")


def print_groups(title: str, rows: Sequence[tuple[str, Miss]], top: int, examples: int) -> None:
    """The most frequent kinds of error: key, count and a few examples (sentence id, value)."""
    groups: dict[str, list[Miss]] = defaultdict(list)
    for key, miss in rows:
        groups[key].append(miss)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    shown = min(top, len(ranked))
    print(f"\n{title}\n{len(rows)} in {len(groups)} kinds; the {shown} most frequent:")
    for rank, (key, members) in enumerate(ranked[:top], 1):
        print(f"{rank:3d}. {key}  ×{len(members)}")
        for miss in members[:examples]:
            start, end = _locate(miss.text, miss.item)
            line = f"       #{miss.sid:<4d} {miss.item.label:<20} {snippet(miss.text, start, end)}"
            if miss.other is not None:
                line += f"  [other side: {miss.other.label}]"
            print(line)


def print_errors(result: Score, top: int, examples: int) -> None:
    """False negatives, false positives and unit confusions of one system on one set."""
    e = result.errors
    print_groups(
        f"FALSE NEGATIVES of {result.system} on {result.dataset}: gold values not predicted,"
        " by reason and gold unit",
        [(f"{m.reason} · {m.item.unit}", m) for m in e.missed],
        top,
        examples,
    )
    print_groups(
        f"FALSE POSITIVES of {result.system} on {result.dataset}: predicted values not in gold,"
        " by reason and written shape (N = digits) with our unit",
        [(f"{m.reason} · {_written(m.item)}", m) for m in e.spurious],
        top,
        examples,
    )
    confusions: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[int, str, Item, Item]] = {}
    for sid, text, g, p in e.wrong_unit:
        key = (p.unit or "(none)", g.unit)
        confusions[key] += 1
        first.setdefault(key, (sid, text, g, p))
    total = sum(confusions.values())
    print(
        f"\nRIGHT VALUE, WRONG UNIT ({result.system} on {result.dataset}): {total} value matches"
        f" lose the unit\nthe {min(top, len(confusions))} most frequent (our unit -> gold unit):"
    )
    for rank, (key, n) in enumerate(confusions.most_common(top), 1):
        sid, text, g, p = first[key]
        start, end = (p.start, p.end) if p.start >= 0 else _locate(text, g)
        where = snippet(text, start, end, 70)
        print(f"{rank:3d}. {key[0]!r:>14} -> {key[1]!r:<24} ×{n:<3d} #{sid:<4d} {where}")


def noise_check(lex: Lexicon) -> None:
    """Claim mode must report nothing on tests/cases/no_claims.yaml."""
    cases = load_cases("no_claims.yaml")
    print(f"\nNOISE CHECK — tests/cases/no_claims.yaml, {len(cases)} sentences with no claim")
    for every_figure, label, expected in (
        (False, "claim mode (every_figure=False)", "expected 0"),
        (True, "quantity mode (every_figure=True)", "names, dates and furniture: ideally 0"),
    ):
        found = []
        for case in cases:
            source = Source.from_text(f"{case['id']}.txt", str(case["text"]))
            for c in extract_claims(source, lex, every_figure=every_figure):
                found.append((case["id"], c.quote, c.quantity.unit, c.metric))
        print(f"  {label}: {len(found)} claims found ({expected})")
        for cid, quote, unit, metric in found:
            print(f"      {cid}: {quote!r} unit={unit!r} metric={metric!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run every score, print the tables and the error lists; exit 0."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=default_shared(), help="the shared data folder")
    ap.add_argument("--top", type=int, default=15, help="error kinds to list (default 15)")
    ap.add_argument("--examples", type=int, default=3, help="examples per error kind (default 3)")
    ap.add_argument("--no-peer", action="store_true", help="do not run quantulum3")
    args = ap.parse_args(argv)

    peers = args.shared / "peers"
    newsquant = peers / "newsquant" / "formatted_test_set" / "NewsQuant.json"
    fixtures = peers / "quantulum3" / "quantities.json"
    lex = load_lexicon()
    if not newsquant.exists() and not fixtures.exists():
        print(
            f"accuracy: no peer test data under {peers} (expected NewsQuant.json and"
            " quantities.json); pass --shared PATH. Nothing to score."
        )
        noise_check(lex)
        return 0

    sets: list[tuple[str, list[tuple[str, list[Item]]], Callable[[Item], bool]]] = []
    if newsquant.exists():
        sets.append(("NewsQuant", load_newsquant(newsquant), lambda _: True))
    else:
        print(f"(NewsQuant not found: {newsquant})")
    if fixtures.exists():
        sets.append(("q3-fixtures", load_q3_fixtures(fixtures), lambda p: "-" not in p.units))
    else:
        print(f"(quantulum3 fixtures not found: {fixtures})")

    systems: list[tuple[str, Predictor]] = [
        ("claimcheck (figures)", claimcheck_predictor(lex, every_figure=True)),
        ("claimcheck (claims)", claimcheck_predictor(lex, every_figure=False)),
    ]
    notes = [
        "figures = every_figure=True (quantity mode); claims = claim mode, figures with a metric",
        "q3-fixtures: gold and predictions both restricted to quantities with a unit",
        f"values equal within relative tolerance {REL_TOL:g}; a range matches a range with both"
        " ends equal; greedy one-to-one per sentence",
    ]
    if not args.no_peer:
        peer, note = quantulum3_predictor()
        if peer is None:
            notes.append(note)
        else:
            systems.append(("quantulum3", peer))
            if note:
                notes.append(note)

    scores = [
        score(system, name, sentences, predict, keep)
        for name, sentences, keep in sets
        for system, predict in systems
    ]
    print("ACCURACY — value and value+unit, micro P/R/F1 in percent\n")
    print_scores(scores, notes)
    print()
    print_published(peers / "newsquant" / "evaluation_output" / "NewsQuant.csv")
    for s in scores:
        if s.system == "claimcheck (figures)" and s.dataset == "NewsQuant":
            print_errors(s, args.top, args.examples)
    noise_check(lex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
