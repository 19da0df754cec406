"""Group claims about the same figure across sources and give each group a verdict."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from claimcheck import patterns as P
from claimcheck.entities import name_key, version_parts
from claimcheck.lexicon import Lexicon
from claimcheck.models import (
    QUALIFIER_SEPARATOR,
    Bound,
    Claim,
    Finding,
    Quantity,
    Verdict,
    is_per_container,
)
from claimcheck.patterns import squash
from claimcheck.reading import UNIT_ONLY_METRICS
from claimcheck.slips import slipped

NAME_MATCH = 88.0
METRIC_MATCH = 92.0
_EXACT_BOUNDS = (Bound.EQ, Bound.APPROX)

GroupKey = tuple[str, str, str, str]


def canonical_subjects(names: Sequence[str], lex: Lexicon) -> dict[str, str]:
    """Map each spelling of a subject to one name: the desk's aliases first, then the
    most used spelling it fuzzily matches. Names that differ in a version number or a
    variant word (GPT-4o vs GPT-4o mini) never merge; only names with the same numbers
    are compared at all, so the work grows with the spellings of one model, not all.
    """
    variants = frozenset(v.lower() for v in lex.variants)
    aliases = {name_key(k): v for k, v in lex.subject_aliases.items()}
    aliases.update({name_key(v): v for v in lex.subject_aliases.values()})
    # a dated snapshot is its model: "tessaly-4-max-2025-06-30" is Tessaly 4 Max
    undated = {n: P.SNAPSHOT_DATE.sub("", n) or n for n in names}
    counts = Counter(aliases.get(name_key(undated[n]), undated[n]) for n in names)
    order = sorted(counts, key=lambda n: (-counts[n], len(n), n))
    heads: dict[tuple[str, ...], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    mapping: dict[str, str] = {}
    for name in order:
        key = name_key(name)
        nums, words = version_parts(name)
        for head, head_words in heads[nums]:
            if (words & variants) == (head_words & variants) and (
                fuzz.ratio(key, name_key(head)) >= NAME_MATCH
            ):
                mapping[name] = head
                break
        else:
            heads[nums].append((name, words))
            mapping[name] = name
    _unversioned_to_versioned(mapping, heads)
    return {n: mapping[aliases.get(name_key(undated[n]), undated[n])] for n in names}


def _unversioned_to_versioned(
    mapping: dict[str, str], heads: dict[tuple[str, ...], list[tuple[str, frozenset[str]]]]
) -> None:
    """A name written without a version ("Quillon" in one article, "Quillon-2" in the
    others) stands for the one versioned name of the corpus with the same words, and a
    lone tier word ("Listen") for the one versioned name that ends in it (Chorus 2
    Listen). With two ("Quillon-1" and "Quillon-2") it is left as written."""
    versioned: dict[frozenset[str], list[str]] = defaultdict(list)
    tiers: dict[str, list[str]] = defaultdict(list)
    for nums, named in heads.items():
        for head, words in named if nums else ():
            # "Orbis V3" is Orbis: a word that holds a digit is a version
            versioned[frozenset(w for w in words if not P.ANY_DIGIT.search(w))].append(head)
            last = head.split(" ")[-1]
            if " " in head and P.TIER_WORD.fullmatch(last):
                tiers[last.lower()].append(head)  # "Chorus 2 Listen" ends in its tier word
    for name, head in mapping.items():
        if head == name and not version_parts(name)[0]:
            words = version_parts(name)[1]
            candidates = versioned.get(words, [])
            if not candidates and len(words) == 1:
                candidates = tiers.get(next(iter(words)), [])  # "Listen" in one article
            if len(candidates) == 1:
                mapping[name] = candidates[0]


def _metric_key(metric: str) -> str:
    return P.PLURAL_S.sub("", metric.lower())


def _canonical_metrics(metrics: Iterable[str], known: frozenset[str]) -> dict[str, str]:
    """Free-form metric names ('inference costs reduction') fold onto one spelling."""
    counts = Counter(metrics)
    order = sorted(counts, key=lambda n: (n not in known, -counts[n], len(n), n))
    heads: list[str] = []
    mapping: dict[str, str] = {}
    for name in order:
        if name in known:
            heads.append(name)
            mapping[name] = name
            continue
        key = _metric_key(name)
        for head in heads:
            if head not in known and fuzz.token_sort_ratio(key, _metric_key(head)) >= METRIC_MATCH:
                mapping[name] = head
                break
        else:
            heads.append(name)
            mapping[name] = name
    return mapping


def _values(q: Quantity) -> tuple[float, ...]:
    return (q.value, *q.alternatives)


def _meet(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Whether two half-open intervals [low, high) share a point (53 and 54 only touch)."""
    if a_low == a_high or b_low == b_high:  # a point: inside the other, ends included
        return max(a_low, b_low) <= min(a_high, b_high)
    eps = 1e-9 * max(1.0, abs(a_low), abs(b_low))
    return max(a_low, b_low) < min(a_high, b_high) - eps


def rounding_place(q: Quantity) -> float:
    """Half the place a figure may have been rounded at: its written precision, or, for a
    figure of two or more significant digits ending in zeros, the place of its last
    non-zero digit ("8,400" may be 8,412 rounded to hundreds: 50; "120,000": 5,000). A
    figure of one significant digit ("100,000", "2,000") is taken as written: that it
    was rounded from 120,000 or 2,048 would say nothing. Zeros after a decimal point
    ("71.30", "1.20 million") are written precision."""
    step = 2 * q.precision
    if step <= 0 or q.value == 0 or P.DECIMAL_PART.search(q.surface):
        return q.precision
    units = round(abs(q.value) / step)
    if abs(units * step - abs(q.value)) > 1e-9 * abs(q.value):
        return q.precision  # not a whole number of written steps
    zeros = 0
    while units and units % 10 == 0:
        units, zeros = units // 10, zeros + 1
    if not zeros or units < 10:
        return q.precision
    return float(q.precision * 10**zeros)


def _written_meet(a: Quantity, b: Quantity) -> bool:
    """Whether one figure, on any of its readings, rounds to the other as written: a
    reading of the finer figure (both, when they are written alike) lies in what the
    coarser one's digits admit (rounding_place). 52.8 rounds to 53 and 8,412 to 8,400;
    1M and 2M, or 53 and 54, do not round to each other, and the binary reading of
    "1M" (1,048,576) is still 1M."""
    plain = not (a.approx or b.approx)  # a hedge says itself how loosely it is meant
    pa, pb = (rounding_place(a), rounding_place(b)) if plain else (a.precision, b.precision)
    pairs = [(a, b, pb)] if pa < pb else [(b, a, pa)]
    if pa == pb:
        pairs.append((a, b, pb))
    return any(
        cv - place <= fv < cv + place
        for fine, coarse, place in pairs
        for fv in _values(fine)
        for cv in _values(coarse)
    )


def compare_quantities(a: Quantity, b: Quantity) -> Verdict:
    """The verdict on two figures for the same thing (DESIGN.md, Verdicts). Two single
    figures whose written precision already meets differ by rounding, hedged or not: a
    hedge only makes them approximate when agreement needs what it adds."""
    if a.bound in _EXACT_BOUNDS and b.bound in _EXACT_BOUNDS:
        if set(_values(a)) & set(_values(b)):
            return Verdict.AGREE
        if _written_meet(a, b):
            return Verdict.ROUNDING
    elif _meet(a.strict_low, a.strict_high, b.strict_low, b.strict_high):
        return Verdict.APPROXIMATE
    if _meet(a.low, a.high, b.low, b.high):
        return Verdict.APPROXIMATE
    for x, y in ((a, b), (b, a)):
        for alt in x.alternatives:  # "256K" read as 262,144 inside "about 260,000"
            if _meet(alt, alt, y.low, y.high):
                return Verdict.APPROXIMATE
    return Verdict.CONFLICT


def binary_reading(q: Quantity, lex: Lexicon) -> Quantity:
    """A figure written with a scale word in a unit that has binary readings ("one million
    tokens") also admits the power-of-two figure (1,048,576), as "1M tokens" does."""
    if q.alternatives or q.bound == Bound.RANGE or q.unit not in lex.binary_units:
        return q
    words = [w.lower() for w in P.LETTERS.findall(q.surface)]
    scale = next((w for w in reversed(words) if w in lex.binary_scale_words), "")
    if not scale:
        return q
    decimal, binary = lex.binary_scale_words[scale]
    return replace(q, alternatives=(q.value * binary / decimal,))


def widen(q: Quantity, tolerance: float) -> Quantity:
    """The figure with a desk's per-metric tolerance added to its interval (claims/)."""
    if tolerance <= 0:
        return q
    extra = tolerance * abs(q.value)
    return replace(q, low=q.low - extra, high=q.high + extra)


@dataclass(frozen=True)
class PairJudgement:
    """Two distinct figures of a group (widened by the metric's tolerance) and what they
    say of each other: a verdict, or None with the reason they are not set against each
    other."""

    a: Quantity
    b: Quantity
    verdict: Verdict | None
    reason: str = ""


SAME_SENTENCE = "written only together, in one sentence: a list, not a contradiction"
ONE_OF_A_LIST = "one is only written in lists of several figures, one of which fits the other"


def judged_pairs(claims: Sequence[Claim], tolerance: float = 0.0) -> list[PairJudgement]:
    """Every pair of distinct figures in a group, judged as group_verdict judges them.

    Two figures written only in one and the same sentence are not set against each
    other: "Llama 5 family: 70B, 405B and a 2T giant" lists variants, it does not
    contradict itself (a source that says 35B in one place and 37B in another does).
    """
    origins: dict[Quantity, set[tuple[str, int, str]]] = defaultdict(set)
    for c in claims:  # a sentence, wherever its lines wrap
        origins[widen(c.quantity, tolerance)].add((c.path, c.sentence_start, c.sentence))
    distinct = sorted(origins, key=lambda q: (q.value, q.low, q.high, q.bound))
    listed: dict[tuple[str, int, str], list[Quantity]] = defaultdict(list)
    for q in distinct:
        for origin in origins[q]:
            listed[origin].append(q)
    pairs = []
    for i, a in enumerate(distinct):
        for b in distinct[i + 1 :]:
            if len(origins[a]) == 1 and origins[a] == origins[b]:
                pairs.append(PairJudgement(a, b, None, SAME_SENTENCE))
            elif _one_of_a_list(a, b, origins, listed) or _one_of_a_list(b, a, origins, listed):
                pairs.append(PairJudgement(a, b, None, ONE_OF_A_LIST))
            else:
                pairs.append(PairJudgement(a, b, compare_quantities(a, b)))
    return pairs


def group_verdict(claims: Sequence[Claim], tolerance: float = 0.0) -> Verdict:
    """The worst verdict over every pair of distinct figures in a group (judged_pairs);
    single-source when one source alone gives figures that agree."""
    worst = Verdict.AGREE
    for pair in judged_pairs(claims, tolerance):
        if pair.verdict is not None and pair.verdict.rank > worst.rank:
            worst = pair.verdict
    if worst == Verdict.AGREE and len({c.path for c in claims}) < 2:
        return Verdict.SINGLE_SOURCE
    return worst


def _one_of_a_list(
    a: Quantity,
    b: Quantity,
    origins: Mapping[Quantity, set[tuple[str, int, str]]],
    listed: Mapping[tuple[str, int, str], Sequence[Quantity]],
) -> bool:
    """Whether `a` is only ever written in sentences that list several figures of the
    group ("HumanEval: 48.2 / 74.6 / 88.4 / 92.7", one per family member) one of which
    `b` agrees with: `b` may be that member's figure, so it says nothing against the
    others. A figure that agrees with none of a list still conflicts with all of it."""
    for origin in origins[a]:  # most figures are written alone somewhere: stop there
        items = listed[origin]
        if len(items) < 2 or not any(
            q is not a and compare_quantities(q, b) != Verdict.CONFLICT for q in items
        ):
            return False
    return True


def slug(text: str) -> str:
    """A finding id part: lower case, anything but letters, digits, ". % $" as hyphens."""
    return P.NOT_SLUG.sub("-", text.lower()).strip("-") or "unattributed"


def _summary(verdict: Verdict, claims: Sequence[Claim]) -> str:
    """One line naming each distinct figure (as first written) and how many sources give it."""
    by_value: dict[tuple[float, str, bool], set[str]] = defaultdict(set)
    written: dict[tuple[float, str, bool], str] = {}
    for c in claims:
        key = (c.quantity.value, c.quantity.bound.value, c.quantity.approx)
        by_value[key].add(c.path)
        written.setdefault(key, squash(c.quote))
    ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    parts = [f"{written[k]} ({len(p)} source{'s' if len(p) > 1 else ''})" for k, p in ranked]
    listing = " vs ".join(parts)
    n = len({c.path for c in claims})
    if verdict == Verdict.CONFLICT:
        if n < 2:
            return f"One source contradicts itself: {listing}"
        return f"Sources disagree: {listing}"
    if verdict == Verdict.ROUNDING:
        return f"Figures differ only by rounding: {listing}"
    if verdict == Verdict.APPROXIMATE:
        return f"Figures agree only through a hedge or bound: {listing}"
    if verdict == Verdict.SINGLE_SOURCE:
        if len(by_value) > 1:  # one source, several figures: say so, an editor will ask
            return f"Only one source reports this, and it gives {len(by_value)} figures: {listing}"
        return f"Only one source reports this: {listing}"
    quotes: dict[str, str] = {}
    for quote in sorted({squash(c.quote) for c in claims}):
        quotes.setdefault(quote.lower(), quote)
    return f"{n} sources agree: " + ", ".join(quotes[k] for k in sorted(quotes))


def _consensus(claims: Sequence[Claim]) -> float | None:
    sources: dict[float, set[str]] = defaultdict(set)
    for c in claims:
        sources[c.quantity.value].add(c.path)
    ranked = sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][0]


def _fits(claim: Claim, members: Sequence[Claim]) -> bool:
    """Whether a figure agrees with every figure of a group, up to rounding."""
    return all(
        compare_quantities(claim.quantity, c.quantity) in (Verdict.AGREE, Verdict.ROUNDING)
        for c in members
    )


def _is_edition(key: GroupKey, lex: Lexicon) -> bool:
    """Whether a group is one edition of a benchmark that metrics.yaml says is scoped by
    year (AIME 2025), rather than a scope such as "previous" or "in 2 months"."""
    spec = lex.metrics.get(key[1])
    return spec is not None and spec.qualifier == "year" and bool(P.YEAR.fullmatch(key[2]))


def _fold_target(
    claim: Claim, options: Sequence[GroupKey], groups: dict[GroupKey, list[Claim]], lex: Lexicon
) -> GroupKey | None:
    """The qualified group an unqualified figure belongs to. With one edition of a
    benchmark (only AIME 2025) it is that one, whatever the figure: "AIME 94.1%" against
    "AIME 2025 88.4%" is a disagreement to report, not two findings; unless the figure's
    own source gives a different figure for that edition, and so tells the two apart
    itself. Otherwise (several editions, or scopes such as "in 2 months" that a bare
    figure need not share) it is the one group the figure agrees with up to rounding, if
    exactly one does; if none or several do, the figure stays a finding of its own."""
    if len(options) == 1 and _is_edition(options[0], lex):
        own = [c for c in groups[options[0]] if c.path == claim.path]
        return options[0] if _fits(claim, own) else None
    fits = [k for k in options if _fits(claim, groups[k])]
    return fits[0] if len(fits) == 1 else None


def _qualifier_parts(qualifier: str) -> frozenset[str]:
    return frozenset(q for q in qualifier.split(QUALIFIER_SEPARATOR) if q)


def _fold_unqualified(groups: dict[GroupKey, list[Claim]], lex: Lexicon) -> None:
    """Figures join a group of the same subject, metric and unit that is qualified more
    narrowly (AIME 97% -> AIME 2025; AIME 2025 93% -> AIME 2025 at high effort), as
    _fold_target decides; the least qualified figures are placed first."""
    qualified: dict[tuple[str, str, str], list[GroupKey]] = defaultdict(list)
    for key in groups:
        if key[2]:
            qualified[(key[0], key[1], key[3])].append(key)
    for key in sorted(groups, key=lambda k: (len(_qualifier_parts(k[2])), k)):
        if key not in groups:
            continue
        parts = _qualifier_parts(key[2])
        options = sorted(
            k
            for k in qualified.get((key[0], key[1], key[3]), [])
            if k in groups and _qualifier_parts(k[2]) > parts
        )
        if not options:
            continue
        remaining = []
        for claim in groups[key]:
            target = _fold_target(claim, options, groups, lex)
            if target is None:
                remaining.append(claim)
            else:
                groups[target].append(replace(claim, qualifier=target[2]))
        if remaining:
            groups[key] = remaining
        else:
            del groups[key]


def unit_only_metrics(lex: Lexicon) -> frozenset[str]:
    """The metrics that say only what a figure measures, not which figure it is: a
    measure's fallback ('memory' for GB), a loose count ('tokens'; units.yaml `loose`), a
    sum of money, a multiple, a duration; never a metric of metrics.yaml. A count such as
    GPUs or employees is a figure of its own: 100,000 GPUs against 120,000 conflicts."""
    measures = {u.metric for u in lex.units.values() if u.kind == "measure" and u.metric}
    loose = {u.metric or u.name for u in lex.units.values() if u.loose}
    return frozenset(n for n in {*measures, *loose, *UNIT_ONLY_METRICS} if n not in lex.metrics)


def agreeing_sets(claims: Sequence[Claim], tolerance: float = 0.0) -> list[list[Claim]]:
    """Claims split into sets whose figures all agree (smallest figure first): under a
    metric that only names their unit, "a 2,000-token prompt" and "a 128K window" are
    two figures, not a contradiction, so each set of agreeing figures is its own group."""
    sets: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.quantity.value, c.sort_key)):
        home = next((s for s in sets if all(_agree(c, o, tolerance) for o in s)), None)
        if home is None:
            sets.append([c])
        else:
            home.append(c)
    return sets


def joined_slips(sets: list[list[Claim]]) -> list[list[Claim]]:
    """Sets of agreeing figures (agreeing_sets) with each pair that is one figure
    miscopied (slips.slipped: "84 million" and "8.4 million" clips) joined again, so that
    the slip is a conflict: only sets that no source gives both of, and only a set that
    is a slip of exactly one other."""
    out = [list(s) for s in sets]
    i = 0
    while i < len(out):
        mine = {c.path for c in out[i]}
        slips = [
            j
            for j in range(len(out))
            if j != i
            and not mine & {c.path for c in out[j]}
            and any(slipped(a.quantity, b.quantity) for a in out[i] for b in out[j])
        ]
        if len(slips) == 1 and _only_slip(out, slips[0], i):
            j = slips[0]
            out[min(i, j)] = out[i] + out[j]
            del out[max(i, j)]
            i = 0
            continue
        i += 1
    return out


def _only_slip(sets: Sequence[Sequence[Claim]], j: int, i: int) -> bool:
    """Whether set `i` is the only set that set `j` is a slip of."""
    paths = {c.path for c in sets[j]}
    return not any(
        k not in (i, j)
        and not paths & {c.path for c in sets[k]}
        and any(slipped(a.quantity, b.quantity) for a in sets[j] for b in sets[k])
        for k in range(len(sets))
    )


def _listed_apart(claims: Sequence[Claim], tolerance: float) -> bool:
    """Whether a group's figures all agree only because those that differ are never set
    against each other (judged_pairs: written together in one list): "36 billion" and
    "412 billion" each written in every source are two facts, not one that 5 sources
    agree on, so each is its own finding."""
    if len({c.path for c in claims}) < 2:
        return False  # one source's list: "it gives 2 figures" says so (_summary)
    pairs = judged_pairs(claims, tolerance)
    return any(p.verdict is None for p in pairs) and all(
        p.verdict is None or p.verdict == Verdict.AGREE for p in pairs
    )


def _fold_unit_only(groups: dict[GroupKey, list[Claim]], unit_only: frozenset[str]) -> None:
    """ "16,384 H100s" (metric GPUs: only its unit) and "trained on 16,384 H100 GPUs"
    (training GPUs) are one figure: a claim whose metric only names its unit joins the
    one named metric of its subject, qualifier and unit whose figures it all agrees
    with, and stays where it is when none or several do."""
    named: dict[tuple[str, str, str], list[GroupKey]] = defaultdict(list)
    for key in groups:
        if key[1] not in unit_only:
            named[(key[0], key[2], key[3])].append(key)
    for key in [k for k in sorted(groups) if k[1] in unit_only]:
        homes = named.get((key[0], key[2], key[3]), [])
        kept = []
        for c in groups[key]:
            fits = [h for h in homes if all(_agree(c, o) for o in groups[h])]
            if not fits:  # "$95,000" beside a licence price of "$9,500" in other sources
                fits = [h for h in homes if _slip_of(c, groups[h])]
            if len(fits) == 1:
                groups[fits[0]].append(replace(c, metric=fits[0][1]))
            else:
                kept.append(c)
        if kept:
            groups[key] = kept
        else:
            del groups[key]


def _slip_of(claim: Claim, members: Sequence[Claim]) -> bool:
    """Whether a figure is a slip (slips.slipped) of a group's figures that its own
    source does not give."""
    return all(c.path != claim.path for c in members) and any(
        slipped(claim.quantity, c.quantity) for c in members
    )


def _agree(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """Whether two claims' figures (with a desk's tolerance) do not conflict."""
    return compare_quantities(widen(a.quantity, tolerance), widen(b.quantity, tolerance)) != (
        Verdict.CONFLICT
    )


def reconcile(claims: Sequence[Claim], lex: Lexicon) -> list[Finding]:
    """Findings for every (subject, metric, qualifier, unit) group, most severe first.

    A group whose metric only names its unit (unit_only_metrics), whose figures are
    options (metrics.yaml `options`: "4-bit and 8-bit"), or whose subject is unknown, is
    split into sets of agreeing figures: those are corroborated or single-source, never a
    conflict."""
    subjects = canonical_subjects([c.subject for c in claims], lex)
    metrics = _canonical_metrics((c.metric for c in claims), frozenset(lex.metrics))
    groups: dict[GroupKey, list[Claim]] = defaultdict(list)
    for c in claims:
        c = replace(
            c,
            subject=subjects[c.subject],
            metric=metrics[c.metric],
            quantity=binary_reading(c.quantity, lex),
        )
        groups[(c.subject, c.metric, c.qualifier, c.quantity.unit)].append(c)
    _fold_unqualified(groups, lex)
    unit_only = unit_only_metrics(lex)
    _fold_unit_only(groups, unit_only)
    options = frozenset(name for name, spec in lex.metrics.items() if spec.options)
    split = unit_only | options
    findings: list[Finding] = []
    ids: Counter[str] = Counter()
    for (subject, metric, qualifier, unit), group in sorted(groups.items()):
        tolerance = lex.tolerances.get(metric, 0.0)
        # a figure whose subject no source names can be anyone's: never a conflict; a
        # count per container ("72 chips per rack") is one fact, though "chips" alone is not
        apart = (metric in split and not is_per_container(qualifier)) or not subject
        sets = (
            agreeing_sets(group, tolerance) if apart or _listed_apart(group, tolerance) else [group]
        )
        for members in joined_slips(sets) if subject and metric not in options else sets:
            findings.append(_finding(subject, metric, qualifier, unit, members, tolerance, ids))
    findings.sort(key=lambda f: (-f.verdict.rank, f.claims[0].sort_key, f.id))
    return findings


def _finding(
    subject: str,
    metric: str,
    qualifier: str,
    unit: str,
    members: list[Claim],
    tolerance: float,
    ids: Counter[str],
) -> Finding:
    """One group's finding, with an id unique among those made so far (`ids`)."""
    members.sort(key=lambda c: c.sort_key)
    verdict = group_verdict(members, tolerance)
    base = f"{slug(subject)}/{slug(metric)}" + (f"@{slug(qualifier)}" if qualifier else "")
    ids[base] += 1
    return Finding(
        id=base if ids[base] == 1 else f"{base}~{ids[base]}",
        subject=subject,
        metric=metric,
        qualifier=qualifier,
        unit=unit,
        verdict=verdict,
        claims=tuple(members),
        summary=_summary(verdict, members),
        consensus=_consensus(members),
    )
