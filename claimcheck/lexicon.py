"""Load and validate the vocabulary YAML into one immutable Lexicon."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

import yaml

from claimcheck.models import Bound
from claimcheck.patterns import (
    YAML_BOOL,
    Patterns,
    PatternWords,
    SubjectWords,
    compile_patterns,
    pair_marks,
    pair_words,
)

DATA_FILES = ("numbers", "units", "metrics", "entities", "grammar", "noise")
_MEASURES = ("percent", "multiplier", "rate", "currency", "time", "measure")


class LexiconError(ValueError):
    """A vocabulary file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Metric:
    """One metric: its canonical name and how articles name it."""

    name: str
    aliases: tuple[str, ...]
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()  # words right before the figure that name it over any after it
    cues: tuple[str, ...] = ()
    unit: str = ""
    subject: str = "model"
    kind: str = ""
    qualifier: str = ""
    cased_aliases: tuple[str, ...] = ()  # names matched only as written ("MATH", not "math")
    limit: bool = False  # a maximum by nature: "up to 128K tokens" states the limit itself
    options: bool = False  # its figures are choices offered ("4-bit and 8-bit"), not one fact
    measure_of: tuple[str, ...] = ()  # test sets it scores (WER): one named takes the figure
    way_of_scoring: bool = False  # "94.2% accuracy on InvoiceBench": the test takes the figure
    instead_of: tuple[str, ...] = ()  # metrics it replaces when its clause names one of
    clause_nouns: frozenset[str] = frozenset()  # these nouns ("the agreement is valued at")
    clause_unless: frozenset[str] = frozenset()  # ... and none of these ("the deal values X at")


@dataclass(frozen=True)
class HedgeTolerance:
    """How far a hedge ("about", "~", "nearly") widens a figure (numbers.yaml hedges).

    A hedged figure reaches its value minus/plus a margin, or as far as its written
    precision already does if that is further: the two are never added. The margin is
    `relative` times the value, or `absolute[unit]` in that unit ("%": points). A hedge
    in `below` ("nearly 20T") reaches only downwards, one in `above` only upwards, each
    by twice the margin: a symmetric hedge's whole span, on its one side.
    """

    relative: float = 0.0
    absolute: Mapping[str, float] = field(default_factory=dict)
    below: frozenset[str] = frozenset()
    above: frozenset[str] = frozenset()

    def margin(self, value: float, unit: str) -> float:
        """How far a symmetric hedge may move a figure of this value and unit."""
        if unit in self.absolute:
            return self.absolute[unit]
        return self.relative * abs(value)

    def reach(self, value: float, unit: str, surface: str) -> tuple[float, float]:
        """How far below and above its value a figure hedged as in `surface` reaches."""
        margin = self.margin(value, unit)
        words = " ".join(surface.lower().split())
        if any(words.startswith(f"{w} ") for w in self.below):
            return 2 * margin, 0.0
        if any(words.startswith(f"{w} ") for w in self.above):
            return 0.0, 2 * margin
        return margin, margin


@dataclass(frozen=True)
class Unit:
    """One unit: canonical name, kind and the metric a bare figure in it measures."""

    name: str
    kind: str
    metric: str = ""
    subject: str = "model"
    base: str = ""
    factor: float = 1.0
    bare_suffixes: tuple[str, ...] = ()  # scale letters that alone count this unit ("70B")
    sized_nouns: tuple[str, ...] = ()  # nouns such a figure sizes, not counts ("a 70B model")
    loose: bool = False  # a count of it alone may be any figure ("a 2,000-token prompt")
    windowed: bool = True  # a duration in its sentence may scope it ("ten models in two months")
    part_metric: str = ""  # what "N of its M <unit>" makes N ("22 billion of its 235 billion")
    largest: float = 0.0  # above this a figure counts something else ("9.5 million people")


@dataclass(frozen=True)
class Lexicon:
    """All vocabulary, with the compiled patterns built from it."""

    words: Mapping[str, int]
    scale_words: Mapping[str, int]
    suffixes: Mapping[str, tuple[int, int]]
    currency_suffixes: Mapping[str, tuple[int, int]]
    hedge_tolerance: HedgeTolerance
    multiplier_words: Mapping[str, float]
    fraction_words: Mapping[str, int]
    fraction_not_after: frozenset[str]
    units: Mapping[str, Unit]
    unit_forms: Mapping[str, str]
    currency_signs: Mapping[str, str]
    folded_signs: frozenset[str]  # "PS" for "£": money only before a scaled or exact amount
    metrics: Mapping[str, Metric]
    alias_metric: Mapping[str, str]
    after_metric: Mapping[str, tuple[str, ...]]
    before_metric: Mapping[str, tuple[str, ...]]  # "used 180K output tokens": tokens used
    replaced_by: Mapping[str, tuple[Metric, ...]]  # metric -> those whose instead_of names it
    narrowed: frozenset[str]  # metrics another one narrows ("price": "input price")
    counted_times: Mapping[str, str]  # "downloaded 41,300 times" -> downloads
    counting_words: frozenset[str]  # the multiplier words that may count: "times"
    cue_metric: Mapping[str, tuple[str, ...]]
    org_aliases: Mapping[str, str]
    suppliers: frozenset[str]  # "TSMC N3P": who makes the part, never a figure's subject
    variants: frozenset[str]
    not_names: frozenset[str]
    stop_words: frozenset[str]
    abbreviations: frozenset[str]
    window_words: frozenset[str]
    relative_before: frozenset[str]
    relative_after: frozenset[str]
    change_after: Mapping[str, str]
    equatives: Mapping[str, str]  # "as fast" -> "faster"
    change_verbs: Mapping[str, str]
    move_verbs: frozenset[str]
    change_amount_before: frozenset[str]  # "was up 10 cents to $2.24": a change, then the level
    change_amount_after_verb: frozenset[str]  # "rose by $2B to $10B"
    range_words: frozenset[str]
    denied_before: frozenset[str]
    denominator_before: frozenset[str]
    definite: frozenset[str]
    value_links: frozenset[str]
    row_label_ignored: frozenset[str]
    product_table_corners: frozenset[str]  # "| Spec | QX-20 | QX-40 |": columns are products
    not_product_columns: frozenset[str]  # "| Benchmark | Default | Thinking |": modes
    class_quantifiers: frozenset[str]  # "any company with ...": a class, not a subject
    class_openers: frozenset[str]  # "to firms with ...": a class too
    deficit_after: frozenset[str]
    deficit_before: frozenset[str]
    bare_suffix_units: Mapping[str, str]
    settings: Mapping[str, str]  # an evaluation-setting phrase (lower case) -> its label
    any_metric_settings: frozenset[str]  # labels that scope any metric ("beta")
    price_settings: frozenset[str]  # labels that scope a price ("at 1080p")
    plan_words: Mapping[str, str]  # "team" -> "Team plan": a table column named by a plan
    adjacent_settings: frozenset[str]  # labels that scope only the figure right after them
    round_settings: frozenset[str]  # "Series D": scopes a round's funding and valuation
    round_metrics: frozenset[str]
    metric_pairs: tuple[tuple[tuple[str, str], re.Pattern[str]], ...]
    # "$2.50 in / $15 out": the metrics, the gap after the first figure, the mark after the second
    metric_marks: tuple[tuple[tuple[str, str], re.Pattern[str], re.Pattern[str]], ...]
    currencies: frozenset[str]
    prefix_bounds: Mapping[str, Bound]
    postfix_bounds: Mapping[str, Bound]
    subject_aliases: Mapping[str, str]
    tolerances: Mapping[str, float]
    copulas: frozenset[str]
    conjunctions: frozenset[str]
    model_nouns: frozenset[str]  # "model", "system": nouns that stand for a model
    irregular_plurals: frozenset[str]
    count_quantifiers: frozenset[str]  # "eight more picks" counts picks
    subset_words: frozenset[str]  # "two smaller models": a part, not the whole
    format_modifiers: frozenset[str]  # "| Dense FP8 |": nothing more than the format
    rate_nouns: frozenset[str]
    bound_symbols: str
    product_words: frozenset[str]
    binary_scale_words: Mapping[str, tuple[int, int]]
    binary_units: frozenset[str]
    re: Patterns = field(repr=False, compare=False)


def _strings(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    """A list of strings under `key`, or a LexiconError naming the file and field."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: field '{key}' must be a list of strings")
    return [str(v) for v in value]


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: expected a mapping")
    return value


class VocabularyLoader(yaml.SafeLoader):
    """A YAML loader for word lists: only true/false are booleans, so 'No' and 'on' stay words."""


VocabularyLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
VocabularyLoader.add_implicit_resolver("tag:yaml.org,2002:bool", YAML_BOOL, list("tTfF"))


def _read(name: str) -> Mapping[str, Any]:
    text = resources.files("claimcheck.data").joinpath(f"{name}.yaml").read_text("utf-8")
    try:
        return _mapping(yaml.load(text, Loader=VocabularyLoader), f"{name}.yaml")
    except yaml.YAMLError as exc:
        raise LexiconError(f"{name}.yaml: {exc}") from exc


def _metrics(data: Mapping[str, Any]) -> dict[str, Metric]:
    allowed = {"aliases", "cased_aliases", "after", "before", "cues", "unit", "subject", "kind"}
    allowed |= {"qualifier", "limit", "options", "instead_of", "clause_nouns", "clause_unless"}
    allowed |= {"measure_of", "way_of_scoring"}
    metrics: dict[str, Metric] = {}
    for name, spec in data.items():
        where = f"metrics.yaml: {name}"
        spec = _mapping(spec, where)
        unknown = set(spec) - allowed
        if unknown:
            raise LexiconError(f"{where}: unknown field '{sorted(unknown)[0]}'")
        subject = str(spec.get("subject", "model"))
        if subject not in ("model", "org", "any"):
            raise LexiconError(f"{where}: subject must be model, org or any")
        if str(spec.get("qualifier", "")) not in ("", "year", "version", "rival", "hardware"):
            raise LexiconError(f"{where}: qualifier must be year, version, rival or hardware")
        metrics[str(name)] = Metric(
            name=str(name),
            aliases=tuple(_strings(spec, "aliases", where)),
            after=tuple(_strings(spec, "after", where)),
            before=tuple(_strings(spec, "before", where)),
            cues=tuple(_strings(spec, "cues", where)),
            unit=str(spec.get("unit", "")),
            subject=subject,
            kind=str(spec.get("kind", "")),
            qualifier=str(spec.get("qualifier", "")),
            cased_aliases=tuple(_strings(spec, "cased_aliases", where)),
            limit=spec.get("limit", False) is True,
            options=spec.get("options", False) is True,
            measure_of=tuple(_strings(spec, "measure_of", where)),
            way_of_scoring=spec.get("way_of_scoring", False) is True,
            instead_of=tuple(_strings(spec, "instead_of", where)),
            clause_nouns=frozenset(w.lower() for w in _strings(spec, "clause_nouns", where)),
            clause_unless=frozenset(w.lower() for w in _strings(spec, "clause_unless", where)),
        )
    return metrics


def _units(
    data: Mapping[str, Any],
) -> tuple[dict[str, Unit], dict[str, str], dict[str, str], frozenset[str]]:
    units: dict[str, Unit] = {}
    forms: dict[str, str] = {}
    signs: dict[str, str] = {}
    folded: set[str] = set()
    for kind, table in data.items():
        for name, spec in _mapping(table, f"units.yaml: {kind}").items():
            where = f"units.yaml: {kind}.{name}"
            spec = _mapping(spec, where)
            # a bare sum of money is a model's (a price) or a company's (its spending)
            subject = "any" if kind == "currency" else "model"
            units[name] = Unit(
                name,
                kind,
                str(spec.get("metric", "")),
                str(spec.get("subject", subject)),
                str(spec.get("base", "")),
                float(spec.get("factor", 1.0)),
                tuple(_strings(spec, "bare_suffixes", where)),
                tuple(w.lower() for w in _strings(spec, "sized_nouns", where)),
                bool(spec.get("loose", False)),
                spec.get("windowed", True) is not False,
                str(spec.get("part_metric", "")),
                float(spec.get("largest", 0.0)),
            )
            for form in _strings(spec, "forms", where) + _strings(spec, "words", where):
                forms.setdefault(form.lower(), name)
            for sign in _strings(spec, "signs", where):
                signs[sign] = name
            for sign in _strings(spec, "folded_signs", where):  # "PS" for "£"
                signs[sign] = name
                folded.add(sign)
    return units, forms, signs, frozenset(folded)


def _suffixes(data: Mapping[str, Any], key: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for suffix, spec in _mapping(data.get(key, {}), f"numbers.yaml: {key}").items():
        spec = _mapping(spec, f"numbers.yaml: {key}.{suffix}")
        value = int(spec["value"])
        out[str(suffix)] = (value, int(spec.get("binary", value)))
    return out


def _two_metrics(
    gram: Mapping[str, Any], key: str, words_key: str, metrics: Mapping[str, Metric]
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The entries of a grammar.yaml list that pairs two known metrics with two words
    (metric_pairs, metric_marks), validated."""
    out = []
    for i, item in enumerate(gram.get(key, [])):
        where = f"grammar.yaml: {key}[{i}]"
        spec = _mapping(item, where)
        names = _strings(spec, "metrics", where)
        words = _strings(spec, words_key, where)
        if len(names) != 2 or any(n not in metrics for n in names):
            raise LexiconError(f"{where}: 'metrics' must name two known metrics")
        if len(words) != 2:
            raise LexiconError(f"{where}: '{words_key}' must give two words")
        out.append(((names[0], names[1]), (words[0], words[1])))
    return out


def _metric_pairs(
    gram: Mapping[str, Any], metrics: Mapping[str, Metric]
) -> tuple[tuple[tuple[str, str], re.Pattern[str]], ...]:
    """grammar.yaml metric_pairs: two known metrics and the pattern of the words naming them."""
    return tuple(
        (names, pair_words(*words))
        for names, words in _two_metrics(gram, "metric_pairs", "words", metrics)
    )


def _counted_times(
    gram: Mapping[str, Any], units: Mapping[str, Unit]
) -> tuple[dict[str, str], frozenset[str]]:
    """grammar.yaml counted_times: the verbs before "N times" with the count unit each
    makes, and the multiplier words that may count ("times")."""
    where = "grammar.yaml: counted_times"
    spec = _mapping(gram.get("counted_times", {}), where)
    table = _mapping(spec.get("verbs", {}), f"{where}.verbs")
    verbs = {str(verb).lower(): str(unit) for verb, unit in table.items()}
    for verb, unit in verbs.items():
        if unit not in units or units[unit].kind != "count":
            raise LexiconError(f"{where}: {verb}: {unit!r} is no count unit")
    return verbs, frozenset(w.lower() for w in _strings(spec, "words", where))


def _metric_marks(
    gram: Mapping[str, Any], metrics: Mapping[str, Metric]
) -> tuple[tuple[tuple[str, str], re.Pattern[str], re.Pattern[str]], ...]:
    """grammar.yaml metric_marks: two known metrics and the words marking each figure."""
    return tuple(
        (names, *pair_marks(*marks))
        for names, marks in _two_metrics(gram, "metric_marks", "marks", metrics)
    )


def _hedge_tolerance(hedges: Mapping[str, Any], words: Sequence[str]) -> HedgeTolerance:
    """The hedge widening rule of numbers.yaml; `below`/`above` must name hedge words."""
    where = "numbers.yaml: hedges"
    absolute = _mapping(hedges.get("absolute", {}), f"{where}.absolute")
    known = {w.lower() for w in words}
    sides: dict[str, frozenset[str]] = {}
    for key in ("below", "above"):
        listed = {w.lower() for w in _strings(hedges, key, where)}
        if listed - known:
            raise LexiconError(f"{where}.{key}: not a hedge word: {sorted(listed - known)[0]}")
        sides[key] = frozenset(listed)
    try:
        return HedgeTolerance(
            relative=float(hedges.get("tolerance", 0.0)),
            absolute={str(k): float(v) for k, v in absolute.items()},
            below=sides["below"],
            above=sides["above"],
        )
    except (TypeError, ValueError) as exc:
        raise LexiconError(f"{where}: tolerances must be numbers ({exc})") from None


def _binary_scale_words(
    num: Mapping[str, Any], scales: Mapping[str, int]
) -> tuple[dict[str, tuple[int, int]], frozenset[str]]:
    """numbers.yaml binary_scale_words: {word: (decimal, binary)} and the units they apply to."""
    where = "numbers.yaml: binary_scale_words"
    spec = _mapping(num.get("binary_scale_words", {}), where)
    words: dict[str, tuple[int, int]] = {}
    for word, binary in _mapping(spec.get("words", {}), f"{where}.words").items():
        if str(word) not in scales or not isinstance(binary, int):
            raise LexiconError(f"{where}.words.{word}: needs a scale word and a whole number")
        words[str(word)] = (scales[str(word)], binary)
    return words, frozenset(_strings(spec, "units", where))


def _folded_words(data: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    """A list of words or phrases under `key`, lower-cased: matched against lower-cased text."""
    return frozenset(w.lower() for w in _strings(data, key, where))


def _by_phrase(table: Mapping[str, Any], where: str) -> dict[str, str]:
    """Invert {label: [phrases]} into {phrase: label}."""
    out: dict[str, str] = {}
    for label, phrases in _mapping(table, where).items():
        for phrase in _strings({"p": phrases}, "p", f"{where}.{label}"):
            out[phrase.lower()] = str(label)
    return out


@dataclass(frozen=True)
class Additions:
    """Vocabulary a desk adds from its claims/ folder on top of the packaged YAML."""

    metric_aliases: Mapping[str, Sequence[str]] = field(default_factory=dict)
    subject_aliases: Mapping[str, str] = field(default_factory=dict)
    noise: Sequence[str] = ()
    tolerances: Mapping[str, float] = field(default_factory=dict)


def _subject_words(ent: Mapping[str, Any], variants: Sequence[str]) -> SubjectWords:
    """The entities.yaml lists the subject patterns are built from."""
    return SubjectWords(
        object_cues=_strings(ent, "object_cues", "entities.yaml"),
        anaphora=_strings(ent, "anaphora", "entities.yaml"),
        clause_breaks=_strings(ent, "clause_breaks", "entities.yaml"),
        comma_clause_breaks=_strings(ent, "comma_clause_breaks", "entities.yaml"),
        predecessors=_strings(ent, "predecessors", "entities.yaml"),
        compared_gaps=_strings(ent, "compared_figure_gaps", "entities.yaml"),
        rival_cues=_strings(ent, "rival_figure_cues", "entities.yaml"),
        org_suffixes=_strings(ent, "org_suffixes", "entities.yaml"),
        not_org_words=_strings(ent, "not_org_words", "entities.yaml"),
        variants=variants,
        variant_nouns=_strings(ent, "variant_nouns", "entities.yaml"),
        short_variants=_strings(ent, "short_variants", "entities.yaml"),
        devices=_strings(ent, "devices", "entities.yaml"),
        aside_cues=_strings(ent, "aside_cues", "entities.yaml"),
        naming_cues=_strings(ent, "naming_cues", "entities.yaml"),
        owner_verbs=_strings(ent, "owner_verbs", "entities.yaml"),
        model_nouns=_strings(ent, "model_nouns", "entities.yaml"),
        size_list_nouns=_strings(ent, "size_list_nouns", "entities.yaml"),
        largest_words=_strings(ent, "largest_words", "entities.yaml"),
        smallest_words=_strings(ent, "smallest_words", "entities.yaml"),
        device_nouns=_strings(ent, "device_nouns", "entities.yaml"),
        hardware_nouns=_strings(ent, "hardware_nouns", "entities.yaml"),
        measured_on=_strings(ent, "measured_on", "entities.yaml"),
        measured_on_fillers=_strings(ent, "measured_on_fillers", "entities.yaml"),
        naming_nouns=_strings(ent, "naming_nouns", "entities.yaml"),
        org_nouns=_strings(ent, "org_nouns", "entities.yaml"),
        org_roles=_strings(ent, "org_roles", "entities.yaml"),
        org_noun_ends=_strings(ent, "org_noun_ends", "entities.yaml"),
        product_noun_ends=_strings(ent, "product_noun_ends", "entities.yaml"),
        appositive_determiners=_strings(ent, "appositive_determiners", "entities.yaml"),
        appositive_breaks=_strings(ent, "appositive_breaks", "entities.yaml"),
        speed_links=_strings(ent, "speed_links", "entities.yaml"),
    )


def load_lexicon(additions: Additions | None = None) -> Lexicon:
    """Read the packaged vocabulary, add the desk's, compile; LexiconError on a bad file."""
    extra = additions or Additions()
    data = {name: _read(name) for name in DATA_FILES}
    num, ent, gram, noise = data["numbers"], data["entities"], data["grammar"], data["noise"]
    words = {str(k): int(v) for k, v in _mapping(num["words"], "numbers.yaml: words").items()}
    scales = {str(k): int(v) for k, v in _mapping(num["scale_words"], "numbers.yaml").items()}
    suffixes = _suffixes(num, "scale_suffixes")
    currency_suffixes = _suffixes(num, "currency_scale_suffixes")
    hedges = _mapping(num["hedges"], "numbers.yaml: hedges")
    multipliers = {
        str(k): float(v)
        for k, v in _mapping(num.get("multiplier_words", {}), "numbers.yaml").items()
    }
    fractions = _mapping(num.get("fractions", {}), "numbers.yaml: fractions")
    fraction_words = {
        str(k).lower(): int(v)
        for k, v in _mapping(fractions.get("words", {}), "numbers.yaml: fractions.words").items()
    }
    units, unit_forms, signs, folded = _units(data["units"])
    metrics = _metrics(data["metrics"])
    for metric in metrics.values():
        unknown = [name for name in metric.measure_of if name not in metrics]
        if unknown:
            raise LexiconError(
                f"metrics.yaml: {metric.name}: measure_of names no metric '{unknown[0]}'"
            )
    for name, aliases in extra.metric_aliases.items():
        base = metrics.get(name, Metric(name, ()))
        metrics[name] = replace(base, aliases=(*base.aliases, *aliases))
    alias_metric: dict[str, str] = {}
    after_metric: dict[str, list[str]] = {}
    before_metric: dict[str, list[str]] = {}
    cue_metric: dict[str, list[str]] = {}
    counted_times, counting_words = _counted_times(gram, units)
    for metric in metrics.values():
        for alias in (*metric.aliases, *metric.cased_aliases):
            alias_metric.setdefault(alias.lower(), metric.name)
        for word in metric.after:
            after_metric.setdefault(word.lower(), []).append(metric.name)
        for word in metric.before:
            before_metric.setdefault(word.lower(), []).append(metric.name)
        for cue in metric.cues:
            cue_metric.setdefault(cue.lower(), []).append(metric.name)
    orgs: dict[str, str] = {}
    for org, aliases in _mapping(ent["organizations"], "entities.yaml").items():
        for alias in _strings({"a": aliases}, "a", f"entities.yaml: organizations.{org}"):
            orgs[alias] = str(org)

    prefix_bounds: dict[str, Bound] = {}
    for label, phrases in _mapping(num["bounds"], "numbers.yaml: bounds").items():
        for phrase in _strings({"p": phrases}, "p", f"numbers.yaml: bounds.{label}"):
            prefix_bounds[phrase.lower()] = Bound(label)
    for label, symbols in _mapping(num["symbol_bounds"], "numbers.yaml").items():
        for symbol in _strings({"p": symbols}, "p", f"numbers.yaml: symbol_bounds.{label}"):
            prefix_bounds[symbol] = Bound(label)
    hedge_words = _strings(hedges, "words", "numbers.yaml: hedges")
    hedge_symbols = _strings(hedges, "symbols", "numbers.yaml: hedges")
    for word in hedge_words + hedge_symbols:
        prefix_bounds[word.lower()] = Bound.APPROX
    postfix_bounds = {k: Bound(v) for k, v in _by_phrase(num["postfix_bounds"], "numbers").items()}
    binary_words, binary_units = _binary_scale_words(num, scales)

    change_after = _by_phrase(gram["change_after"], "grammar.yaml: change_after")
    equatives = _by_phrase(gram["equatives"], "grammar.yaml: equatives")
    for phrase, comparative in equatives.items():
        if comparative not in change_after:
            raise LexiconError(f"grammar.yaml: equatives: {comparative!r} is not in change_after")
        change_after[phrase] = change_after[comparative]
    change_verbs = _by_phrase(gram["change_verbs"], "grammar.yaml: change_verbs")
    evaluation = _mapping(gram["evaluation_settings"], "grammar.yaml: evaluation_settings")
    settings = _by_phrase(evaluation["labels"], "grammar.yaml: evaluation_settings.labels")
    variants = _strings(ent, "variants", "entities.yaml")
    families = _strings(ent, "model_families", "entities.yaml")
    lower_models = _strings(ent, "lowercase_models", "entities.yaml")
    not_names = _strings(ent, "not_names", "entities.yaml")

    try:
        patterns = compile_patterns(
            PatternWords(
                number_words=[*words, *scales],
                scale_words=list(scales),
                multiplier_words=list(multipliers),
                fraction_words=list(fraction_words),
                fraction_alone_before=_strings(
                    fractions, "alone_before", "numbers.yaml: fractions"
                ),
                prefix_bounds=list(prefix_bounds),
                postfix_bounds=list(postfix_bounds),
                measure_units=[f for f, u in unit_forms.items() if units[u].kind in _MEASURES],
                currency_signs=list(signs),
                folded_signs=sorted(folded),
                count_units=[f for f, u in unit_forms.items() if units[u].kind == "count"],
                metric_aliases=[a for m in metrics.values() for a in m.aliases],
                cased_metric_aliases=[a for m in metrics.values() for a in m.cased_aliases],
                decimal_comma_words=[
                    # "1,5 gigawatts", "2,4 %", "0,35 dollar": one or two digits after a
                    # comma before a unit are decimals, never a thousands group
                    *(
                        f
                        for f, u in unit_forms.items()
                        if units[u].kind in ("percent", "currency", *_MEASURES)
                    ),
                    *signs,
                    *(s for s, v in scales.items() if v >= 1000),
                ],
                cues=list(cue_metric),
                orgs=list(orgs),
                families=families,
                lowercase_models=lower_models,
                variants=variants,
                not_names=not_names,
                hardware=_strings(ent, "hardware", "entities.yaml")
                + _strings(ent, "processes", "entities.yaml")
                + _strings(ent, "number_formats", "entities.yaml"),
                processes=_strings(ent, "processes", "entities.yaml"),
                number_formats=_strings(ent, "number_formats", "entities.yaml"),
                containers=_strings(gram, "containers", "grammar.yaml"),
                container_links=_strings(gram, "container_links", "grammar.yaml"),
                # "twice as fast as Lumo 2": an equative names what is compared against
                comparison_cues=[
                    *_strings(ent, "comparison_cues", "entities.yaml"),
                    *(f"{phrase} as" for phrase in equatives),
                ],
                subject_words=_subject_words(ent, variants),
                respectively=_strings(gram, "respectively", "grammar.yaml"),
                change_after=list(change_after),
                change_verbs=list(change_verbs),
                previous_cues=_strings(gram, "previous_cues", "grammar.yaml"),
                earlier_times=_strings(gram, "earlier_times", "grammar.yaml"),
                score_words=_strings(gram, "score_words", "grammar.yaml"),
                same_benchmark=_strings(gram, "same_benchmark", "grammar.yaml"),
                benchmark_nouns=_strings(gram, "benchmark_nouns", "grammar.yaml"),
                earlier_headers=_strings(gram, "earlier_headers", "grammar.yaml"),
                breakdown_cues=_strings(gram, "breakdown_cues", "grammar.yaml"),
                measure_heads=_strings(gram, "measure_heads", "grammar.yaml"),
                settings=list(settings),
                setting_patterns=_strings(evaluation, "as_written", "grammar.yaml"),
                noise=[
                    *(p for g in noise.values() for p in _strings({"p": g}, "p", "noise.yaml")),
                    *extra.noise,
                ],
            )
        )
    except re.error as exc:
        raise LexiconError(f"vocabulary pattern: {exc}") from exc
    return Lexicon(
        words=words,
        scale_words=scales,
        suffixes=suffixes,
        currency_suffixes=currency_suffixes,
        hedge_tolerance=_hedge_tolerance(hedges, hedge_words),
        multiplier_words=multipliers,
        fraction_words=fraction_words,
        fraction_not_after=_folded_words(fractions, "not_after", "numbers.yaml: fractions"),
        units=units,
        unit_forms=unit_forms,
        currency_signs=signs,
        folded_signs=folded,
        metrics=metrics,
        alias_metric=alias_metric,
        after_metric={k: tuple(v) for k, v in after_metric.items()},
        before_metric={k: tuple(v) for k, v in before_metric.items()},
        replaced_by={
            name: tuple(m for m in metrics.values() if name in m.instead_of)
            for name in {n for m in metrics.values() for n in m.instead_of}
        },
        narrowed=frozenset(
            name
            for name in {*metrics, *(u.metric for u in units.values() if u.metric)}
            if any(other.endswith(f" {name}") for other in metrics)
        ),
        counted_times=counted_times,
        counting_words=counting_words,
        cue_metric={k: tuple(v) for k, v in cue_metric.items()},
        org_aliases=orgs,
        suppliers=frozenset(_strings(ent, "suppliers", "entities.yaml")),
        variants=frozenset(variants),
        not_names=frozenset(not_names),
        stop_words=frozenset(_strings(gram, "stop_words", "grammar.yaml")),
        abbreviations=frozenset(_strings(gram, "abbreviations", "grammar.yaml")),
        window_words=frozenset(_strings(gram, "window_words", "grammar.yaml")),
        relative_before=frozenset(_strings(gram, "relative_time_before", "grammar.yaml")),
        relative_after=frozenset(_strings(gram, "relative_time_after", "grammar.yaml")),
        change_after=change_after,
        equatives=equatives,
        change_verbs=change_verbs,
        move_verbs=_folded_words(gram, "move_verbs", "grammar.yaml"),
        change_amount_before=_folded_words(gram, "change_amount_before", "grammar.yaml"),
        change_amount_after_verb=_folded_words(gram, "change_amount_after_verb", "grammar.yaml"),
        range_words=_folded_words(gram, "range_words", "grammar.yaml"),
        denied_before=_folded_words(gram, "denied_before", "grammar.yaml"),
        denominator_before=_folded_words(gram, "denominator_before", "grammar.yaml"),
        definite=_folded_words(gram, "definite", "grammar.yaml"),
        value_links=_folded_words(gram, "value_links", "grammar.yaml"),
        row_label_ignored=_folded_words(gram, "row_label_ignored", "grammar.yaml"),
        product_table_corners=_folded_words(gram, "product_table_corners", "grammar.yaml"),
        not_product_columns=_folded_words(gram, "not_product_columns", "grammar.yaml"),
        class_quantifiers=_folded_words(gram, "class_quantifiers", "grammar.yaml"),
        class_openers=_folded_words(gram, "class_openers", "grammar.yaml"),
        deficit_after=_folded_words(gram, "deficit_after", "grammar.yaml"),
        deficit_before=_folded_words(gram, "deficit_before", "grammar.yaml"),
        bare_suffix_units={s: u.name for u in units.values() for s in u.bare_suffixes},
        settings=settings,
        any_metric_settings=frozenset(_strings(evaluation, "any_metric", "grammar.yaml")),
        price_settings=frozenset(_strings(evaluation, "price", "grammar.yaml")),
        plan_words={
            word: label
            for label in _strings(evaluation, "price", "grammar.yaml")
            if label.endswith(" plan")
            for word in (
                label.removesuffix(" plan").lower(),
                label.removesuffix(" plan").lower() + "s",
            )
        },
        adjacent_settings=frozenset(_strings(evaluation, "adjacent", "grammar.yaml")),
        round_settings=frozenset(_strings(evaluation, "round", "grammar.yaml")),
        round_metrics=frozenset(_strings(evaluation, "round_metrics", "grammar.yaml")),
        metric_pairs=_metric_pairs(gram, metrics),
        metric_marks=_metric_marks(gram, metrics),
        currencies=frozenset(n for n, u in units.items() if u.kind == "currency"),
        prefix_bounds=prefix_bounds,
        postfix_bounds=postfix_bounds,
        subject_aliases=dict(extra.subject_aliases),
        tolerances=dict(extra.tolerances),
        copulas=frozenset(_strings(gram, "copulas", "grammar.yaml")),
        conjunctions=frozenset(_strings(gram, "conjunctions", "grammar.yaml")),
        model_nouns=_folded_words(ent, "model_nouns", "entities.yaml"),
        irregular_plurals=frozenset(_strings(gram, "irregular_plurals", "grammar.yaml")),
        count_quantifiers=_folded_words(gram, "count_quantifiers", "grammar.yaml"),
        subset_words=_folded_words(gram, "subset_words", "grammar.yaml"),
        format_modifiers=_folded_words(gram, "format_modifiers", "grammar.yaml"),
        rate_nouns=frozenset(_strings(gram, "rate_nouns", "grammar.yaml")),
        bound_symbols="".join(
            sorted({ch for s in prefix_bounds if not s[0].isalpha() for ch in s})
        ),
        product_words=frozenset(_strings(ent, "product_words", "entities.yaml")),
        binary_scale_words=binary_words,
        binary_units=binary_units,
        re=patterns,
    )
