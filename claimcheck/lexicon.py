"""Load the vocabulary YAML and compile every regular expression the extractor uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from claimcheck.models import Bound

DATA_FILES = ("numbers", "units", "metrics", "entities", "grammar", "noise")


class LexiconError(ValueError):
    """A vocabulary file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Metric:
    """One metric: its canonical name and how articles name it."""

    name: str
    aliases: tuple[str, ...]
    after: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    unit: str = ""
    subject: str = "model"
    kind: str = ""
    qualifier: str = ""


@dataclass(frozen=True)
class Unit:
    """One unit: canonical name, kind and the metric a bare figure in it measures."""

    name: str
    kind: str
    metric: str = ""
    subject: str = "model"
    base: str = ""
    factor: float = 1.0


@dataclass(frozen=True)
class Lexicon:
    """All vocabulary, with the compiled patterns built from it."""

    words: Mapping[str, int]
    scale_words: Mapping[str, int]
    suffixes: Mapping[str, tuple[int, int]]
    currency_suffixes: Mapping[str, tuple[int, int]]
    hedge_tolerance: float
    units: Mapping[str, Unit]
    unit_forms: Mapping[str, str]
    currency_signs: Mapping[str, str]
    metrics: Mapping[str, Metric]
    alias_metric: Mapping[str, str]
    after_metric: Mapping[str, tuple[str, ...]]
    cue_metric: Mapping[str, tuple[str, ...]]
    org_aliases: Mapping[str, str]
    variants: frozenset[str]
    not_names: frozenset[str]
    stop_words: frozenset[str]
    abbreviations: frozenset[str]
    window_words: frozenset[str]
    relative_before: frozenset[str]
    relative_after: frozenset[str]
    change_after: Mapping[str, str]
    change_verbs: Mapping[str, str]
    currencies: frozenset[str]
    previous_cues: frozenset[str]
    re: Patterns = field(repr=False, compare=False)


@dataclass(frozen=True)
class Patterns:
    """Compiled regular expressions; built once per Lexicon."""

    digits: re.Pattern[str]
    words: re.Pattern[str]
    prefix: re.Pattern[str]
    postfix: re.Pattern[str]
    unit: re.Pattern[str]
    count: re.Pattern[str]
    metric: re.Pattern[str]
    cue: re.Pattern[str]
    org: re.Pattern[str]
    model: re.Pattern[str]
    hardware: re.Pattern[str]
    comparison: re.Pattern[str]
    respectively: re.Pattern[str]
    change_after: re.Pattern[str]
    change_before: re.Pattern[str]
    previous: re.Pattern[str]
    score_before: re.Pattern[str]
    noise: re.Pattern[str]
    sentence_end: re.Pattern[str]
    word: re.Pattern[str]
    prefix_bounds: Mapping[str, Bound]
    postfix_bounds: Mapping[str, Bound]


def _alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first so the longest match wins."""
    unique = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", r"[ \t\u00a0\u202f]+") for f in unique)


def _words(forms: Iterable[str]) -> str:
    """A whole-word alternation: not inside a longer word or a hyphenated name."""
    return rf"(?<![\w])(?:{_alternation(forms)})(?![\w])"


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
VocabularyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read(name: str) -> Mapping[str, Any]:
    text = resources.files("claimcheck.data").joinpath(f"{name}.yaml").read_text("utf-8")
    try:
        return _mapping(yaml.load(text, Loader=VocabularyLoader), f"{name}.yaml")
    except yaml.YAMLError as exc:
        raise LexiconError(f"{name}.yaml: {exc}") from exc


def _metrics(data: Mapping[str, Any]) -> dict[str, Metric]:
    allowed = {"aliases", "after", "cues", "unit", "subject", "kind", "qualifier"}
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
        metrics[str(name)] = Metric(
            name=str(name),
            aliases=tuple(_strings(spec, "aliases", where)),
            after=tuple(_strings(spec, "after", where)),
            cues=tuple(_strings(spec, "cues", where)),
            unit=str(spec.get("unit", "")),
            subject=subject,
            kind=str(spec.get("kind", "")),
            qualifier=str(spec.get("qualifier", "")),
        )
    return metrics


def _units(data: Mapping[str, Any]) -> tuple[dict[str, Unit], dict[str, str], dict[str, str]]:
    units: dict[str, Unit] = {}
    forms: dict[str, str] = {}
    signs: dict[str, str] = {}
    for kind, table in data.items():
        for name, spec in _mapping(table, f"units.yaml: {kind}").items():
            where = f"units.yaml: {kind}.{name}"
            spec = _mapping(spec, where)
            units[name] = Unit(
                name,
                kind,
                str(spec.get("metric", "")),
                str(spec.get("subject", "model")),
                str(spec.get("base", "")),
                float(spec.get("factor", 1.0)),
            )
            for form in _strings(spec, "forms", where) + _strings(spec, "words", where):
                forms.setdefault(form.lower(), name)
            for sign in _strings(spec, "signs", where):
                signs[sign] = name
    return units, forms, signs


def _suffixes(data: Mapping[str, Any], key: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for suffix, spec in _mapping(data.get(key, {}), f"numbers.yaml: {key}").items():
        spec = _mapping(spec, f"numbers.yaml: {key}.{suffix}")
        value = int(spec["value"])
        out[str(suffix)] = (value, int(spec.get("binary", value)))
    return out


def _by_phrase(table: Mapping[str, Any], where: str) -> dict[str, str]:
    """Invert {label: [phrases]} into {phrase: label}."""
    out: dict[str, str] = {}
    for label, phrases in _mapping(table, where).items():
        for phrase in _strings({"p": phrases}, "p", f"{where}.{label}"):
            out[phrase.lower()] = str(label)
    return out


def load_lexicon() -> Lexicon:
    """Read the packaged vocabulary and compile it; raises LexiconError on a bad file."""
    data = {name: _read(name) for name in DATA_FILES}
    num, ent, gram, noise = data["numbers"], data["entities"], data["grammar"], data["noise"]
    words = {str(k): int(v) for k, v in _mapping(num["words"], "numbers.yaml: words").items()}
    scales = {str(k): int(v) for k, v in _mapping(num["scale_words"], "numbers.yaml").items()}
    suffixes = _suffixes(num, "scale_suffixes")
    currency_suffixes = _suffixes(num, "currency_scale_suffixes")
    hedges = _mapping(num["hedges"], "numbers.yaml: hedges")
    units, unit_forms, signs = _units(data["units"])
    metrics = _metrics(data["metrics"])
    alias_metric: dict[str, str] = {}
    after_metric: dict[str, list[str]] = {}
    cue_metric: dict[str, list[str]] = {}
    for metric in metrics.values():
        for alias in metric.aliases:
            alias_metric.setdefault(alias.lower(), metric.name)
        for word in metric.after:
            after_metric.setdefault(word.lower(), []).append(metric.name)
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

    change_after = _by_phrase(gram["change_after"], "grammar.yaml: change_after")
    change_verbs = _by_phrase(gram["change_verbs"], "grammar.yaml: change_verbs")
    variants = _strings(ent, "variants", "entities.yaml")
    families = _strings(ent, "model_families", "entities.yaml")
    lower_models = _strings(ent, "lowercase_models", "entities.yaml")
    not_names = _strings(ent, "not_names", "entities.yaml")

    number_words = list(words) + list(scales)
    word_re = rf"(?:{_alternation(number_words)})"
    sep = r"[ \t\u00a0\u202f]"
    patterns = Patterns(
        digits=re.compile(
            r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?![\d])|\d+)(?:\.\d+)?|\.\d+(?![\d.])"
        ),
        words=re.compile(
            rf"(?<![\w-])(?:(?:a|an){sep}+(?={_alternation(scales)}))?{word_re}"
            rf"(?:(?:{sep}+|-)(?:and{sep}+)?{word_re})*(?![\w])",
            re.IGNORECASE,
        ),
        prefix=re.compile(
            rf"(?:(?<![\w])(?:{_alternation(prefix_bounds)}){sep}*|between{sep}+)$",
            re.IGNORECASE,
        ),
        postfix=re.compile(rf"{sep}*(?:{_alternation(postfix_bounds)})(?![\w])", re.IGNORECASE),
        unit=re.compile(
            rf"(?:{sep}|-)?(?:{_alternation(f for f, u in unit_forms.items() if units[u].kind in ('percent', 'multiplier', 'rate', 'currency', 'time'))})(?![\w])",  # noqa: E501
            re.IGNORECASE,
        ),
        count=re.compile(
            rf"(?:{_alternation(f for f, u in unit_forms.items() if units[u].kind == 'count')})(?![\w])",  # noqa: E501
            re.IGNORECASE,
        ),
        metric=re.compile(_words(a for m in metrics.values() for a in m.aliases), re.IGNORECASE),
        cue=re.compile(_words(cue_metric), re.IGNORECASE),
        org=re.compile(_words(orgs)),
        model=re.compile(_model_pattern(families, lower_models, variants, not_names)),
        hardware=re.compile(rf"(?:{'|'.join(_strings(ent, 'hardware', 'entities.yaml'))})(?:s)?$"),
        comparison=re.compile(
            rf"(?:{_words(_strings(ent, 'comparison_cues', 'entities.yaml'))})[\s\u00a0]*$",
            re.IGNORECASE,
        ),
        respectively=re.compile(
            _words(_strings(gram, "respectively", "grammar.yaml")), re.IGNORECASE
        ),
        change_after=re.compile(rf"{sep}*{_words(change_after)}", re.IGNORECASE),
        change_before=re.compile(
            rf"{_words(change_verbs)}((?:{sep}+[\w-]+){{1,3}}?){sep}+by{sep}*$", re.IGNORECASE
        ),
        previous=re.compile(
            rf"{_words(_strings(gram, 'previous_cues', 'grammar.yaml'))}[\s\u00a0]*$",
            re.IGNORECASE,
        ),
        score_before=re.compile(
            rf"{_words(_strings(gram, 'score_words', 'grammar.yaml'))}[\s\u00a0:]*$",
            re.IGNORECASE,
        ),
        noise=re.compile(
            "|".join(
                f"(?:{p})"
                for group in noise.values()
                for p in _strings({"p": group}, "p", "noise.yaml")
            ),
            re.IGNORECASE | re.MULTILINE,
        ),
        sentence_end=re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$€£¥~])"),
        word=re.compile(r"[\w][\w'’.-]*[\w]|[\w]"),
        prefix_bounds=prefix_bounds,
        postfix_bounds=postfix_bounds,
    )
    return Lexicon(
        words=words,
        scale_words=scales,
        suffixes=suffixes,
        currency_suffixes=currency_suffixes,
        hedge_tolerance=float(hedges.get("tolerance", 0.1)),
        units=units,
        unit_forms=unit_forms,
        currency_signs=signs,
        metrics=metrics,
        alias_metric=alias_metric,
        after_metric={k: tuple(v) for k, v in after_metric.items()},
        cue_metric={k: tuple(v) for k, v in cue_metric.items()},
        org_aliases=orgs,
        variants=frozenset(variants),
        not_names=frozenset(not_names),
        stop_words=frozenset(_strings(gram, "stop_words", "grammar.yaml")),
        abbreviations=frozenset(_strings(gram, "abbreviations", "grammar.yaml")),
        window_words=frozenset(_strings(gram, "window_words", "grammar.yaml")),
        relative_before=frozenset(_strings(gram, "relative_time_before", "grammar.yaml")),
        relative_after=frozenset(_strings(gram, "relative_time_after", "grammar.yaml")),
        change_after=change_after,
        change_verbs=change_verbs,
        currencies=frozenset(n for n, u in units.items() if u.kind == "currency"),
        previous_cues=frozenset(_strings(gram, "previous_cues", "grammar.yaml")),
        re=patterns,
    )


def _model_pattern(
    families: list[str], lower: list[str], variants: list[str], not_names: list[str]
) -> str:
    """A model name: name words with a version ("Claude Opus 4.6", "MAI-Code-1-Flash")."""
    stop = _alternation(not_names)
    version = r"(?:\d+x\d+[A-Za-z]?|\d+(?:\.\d+)*[a-zA-Z]{0,2})"
    # A hyphenated name token that carries a digit: GPT-5.4, MAI-Thinking-1, Qwen2.5-72B.
    hyphenated = (
        r"[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*-[A-Za-z]*\d[A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*"
    )
    glued = r"[A-Z][A-Za-z]*\d[A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*"
    word = rf"(?!(?:{stop})(?![\w-]))[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*"
    family = _alternation(families)
    variant = _alternation(variants)
    tail = rf"(?:[ \u00a0](?:(?:{variant})(?:-(?:{variant}))*|{version}(?![\w%]))(?![\w-]))*"
    head = (
        rf"(?:{hyphenated}|{glued}"
        rf"|(?:(?:{family})|{word})(?:[ \u00a0]{word})*[ \u00a0]{version}(?![\w%]|,\d)"
        rf"|(?:{family})(?:[ \u00a0]{word})*[ \u00a0]{glued}"
        rf"|(?:{family})[ \u00a0](?:{variant})(?:-(?:{variant}))*)"
    )
    lowercase = rf"(?:{'|'.join(lower)})" if lower else r"(?!x)x"
    return rf"(?<![\w.-])(?:{head}|{lowercase}){tail}(?<![.])(?![\w-])"
