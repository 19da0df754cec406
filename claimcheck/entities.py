"""Find the subjects a sentence names: AI models and organisations."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon
from claimcheck.patterns import squash

MODEL = "model"
ORG = "org"
HARDWARE = "hardware"
DEVICE = "device"


@dataclass(frozen=True)
class Entity:
    """A named subject in the text; `compared` marks a name that is only compared against
    (or is the object of its clause: `object_only`), `quoted` one inside a quotation."""

    start: int
    end: int
    name: str
    kind: str
    compared: bool = False
    quoted: bool = False
    object_only: bool = False  # compared only as the object of "for", "in", "with", ...
    aside: bool = False  # named in passing ("also released X"): not handed on


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations in a text, each within one paragraph."""
    return [q.span() for q in P.QUOTATION.finditer(text)]


def _quoted(s: int, e: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether text[s:e] lies inside one of the quotations (sorted, not overlapping)."""
    if not quotes:
        return False
    i = bisect_right(quotes, s, key=itemgetter(0)) - 1
    return i >= 0 and e <= quotes[i][1]


def _folded_money(text: str, name: re.Match[str], lex: Lexicon) -> bool:
    """Whether a would-be name is an amount after an ASCII-spelled currency sign ("PS6m",
    "PS21,700" for £6m and £21,700)."""
    money = lex.re.folded_money.match(text, name.start())
    return money is not None and money.end() >= name.end()


def find_entities(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    exclude: Sequence[tuple[int, int]] = (),
    quotes: Sequence[tuple[int, int]] = (),
    digit: bool | None = None,
) -> list[Entity]:
    """Models and organisations named in text[start:end], leftmost-longest, no overlaps;
    those inside one of the `quotes` spans are marked `quoted`. `digit`: whether the
    span holds a digit, when the caller has already looked."""
    if digit is None:
        digit = P.ANY_DIGIT.search(text, start, end) is not None
    if not digit and lex.re.named_word.search(text, start, end) is None:
        # most sentences have no digit, family, organisation or organisation word, so
        # none of the patterns below can match: one search rules them all out
        return []
    found: list[tuple[int, int, str, str]] = []
    # A model name holds a digit or a family word ("Command R"): skip the costly pattern
    # in the many sentences that have neither.
    maybe_model = digit or lex.re.family.search(text, start, end)
    for whole in lex.re.model.finditer(text, start, end) if maybe_model else ():
        m = _after_excluded(whole, text, end, exclude, lex)
        if m is None or _folded_money(text, m, lex) or P.DESIGNATION_AFTER.match(text, m.end()):
            continue  # "PS6m" is £6m; "Drug Administration 510(k)" a clearance
        surface = squash(m.group())
        s = m.start()
        first, _, rest = surface.partition(" ")
        # "Nvidia H100", "GPU H200" are the hardware and "Microsoft Phi4" is Phi4, but
        # "Helion H400" and "Zeta T3" are products named by a word and a version
        named = bool(rest) and P.GLUED_TOKEN.fullmatch(rest) is not None
        if named and lex.re.number_format.match(rest):
            continue  # "Dense FP8" (a spec row): a number format, not a product's version
        maker = first in lex.org_aliases or first in lex.suppliers
        if named and (maker or first.lower() in lex.unit_forms):
            surface, s, named = rest, m.end() - len(rest), False
        if (not named and lex.re.hardware.match(surface)) or _measured_on(text, s, m.end(), lex):
            found.append((s, m.end(), surface, HARDWARE))
            continue
        if P.PERIOD.match(surface):
            continue  # "due in Q3 2026"
        plain = P.INTEGER_VERSION.match(surface)
        if plain and P.YEAR.fullmatch(plain.group(2)):
            continue  # "Ignite 2026", "WWDC 2025", "CES 2026": an event and its year, not a model
        if plain and not lex.re.family.fullmatch(plain.group(1).strip()):
            # "Windows 11 users" counts users, "Obsidian 260 million euro" is a sum; "its
            # Vega 3 model" names a model, and so does a known family's "three Llama 5 models"
            following = text[m.end() : m.end() + 30].lstrip().split(" ")[0].lower()
            if (following in lex.unit_forms and following.endswith("s")) or (
                following in lex.scale_words
            ):
                continue
        device = lex.re.subject.device.match(surface) or lex.re.subject.device_noun.match(
            text, m.end()
        )  # "iPhone 17", "the Kestrel 14 laptop"
        kind = DEVICE if device else MODEL
        found.append((s, m.end(), surface, kind))
    known = [(m.start(), m.end()) for m in lex.re.org.finditer(text, start, end)]
    for s, e in known:
        found.append((s, e, lex.org_aliases[text[s:e]], ORG))
    maybe_org = lex.re.subject.org_suffix.search(text, start, end)
    for m in lex.re.subject.new_org.finditer(text, start, end) if maybe_org else ():
        first_word = m.group().split()[0]
        if lex.re.hardware.match(first_word) or P.VERSIONED_WORD.fullmatch(first_word):
            # "the FP8 AI performance": a number format; "its Helix-2 AI accelerator": a
            # product and its version, not a company
            continue
        if not _overlaps(m.start(), m.end(), known):
            found.append((m.start(), m.end(), squash(m.group()), ORG))
    if len(found) > 1:
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    entities: list[Entity] = []
    last = -1
    for s, e, name, kind in found:
        if s < last or (exclude and _overlaps(s, e, exclude)):
            continue
        entities.append(_placed(text, start, s, e, name, kind, entities, lex, quotes))
        last = e
    return entities


MEASURED_ON_REACH = 40  # characters before a name read for "on a single", "using eight"


def _measured_on(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the name at text[start:end] is hardware a figure was measured on: a chip
    noun after it (entities.yaml hardware_nouns) and a word such as "on", "using" or
    "from" with a count before it (measured_on: "48 seconds on a single Halden H40
    accelerator"), where "The Zeta T3 chip packs 208B transistors" names the subject."""
    return (
        lex.re.subject.hardware_noun.match(text, end) is not None
        and lex.re.measured_on.search(text, max(0, start - MEASURED_ON_REACH), start) is not None
    )


def _after_excluded(
    m: re.Match[str], text: str, end: int, exclude: Sequence[tuple[int, int]], lex: Lexicon
) -> re.Match[str] | None:
    """The name a match holds after a metric's name it runs over ("SWE-bench «Verified
    Halcyon 5»" holds Halcyon 5), the match itself when it runs over none."""
    if not exclude:
        return m
    cut = max((e for s, e in exclude if s < m.end() and m.start() < e), default=-1)
    if cut < 0:
        return m
    if cut >= m.end():
        return None
    after = lex.re.model.search(text, cut, end)
    if after is None or after.start() >= m.end() or P.WORD_AND_SCORE.match(after.group()):
        return None  # "Global-MMLU French 74.2": a score after a word, not a name
    return after


def _placed(
    text: str,
    start: int,
    s: int,
    e: int,
    name: str,
    kind: str,
    earlier: Sequence[Entity],
    lex: Lexicon,
    quotes: Sequence[tuple[int, int]],
) -> Entity:
    """A found name with its role in the sentence: compared against, an object, quoted."""
    written = text[max(start, s - 40) : s]
    # a sentence opening on the name (a third of them) has nothing before it to read
    cue, aside = _read_before(written, lex) if written else (None, False)
    compared = cue is not None
    object_only = cue is not None and squash(cue.group()).lower() in lex.re.subject.object_cues
    if (
        earlier
        and earlier[-1].compared
        and P.COORDINATION.fullmatch(text, earlier[-1].end, s)
        and not (P.BARE_COMMA.fullmatch(text, earlier[-1].end, s) and P.VERB_NEXT.match(text, e))
    ):
        # "compared it to Claude Sonnet 4.6 and Opus 4.6" (but in "Compared with GPT-5 and
        # Gemini 3, Wren 3 scores 70%" the comma closes the list: Wren 3 is the subject)
        compared, object_only = True, earlier[-1].object_only
    quoted = _quoted(s, e, quotes)
    return Entity(s, e, name, kind, compared, quoted, object_only, aside)


def _read_before(written: str, lex: Lexicon) -> tuple[re.Match[str] | None, bool]:
    """The comparison cue the words `written` before a name end in (None if none), and
    whether they name it in passing ("also released X")."""
    before = _without_possessor(written)  # "than Vireo's Oberon-5": the cue before the owner
    # the possessor rule strips a capitalised cue too ("Rival Gannet-5"): read both texts
    other = None if before == written else written
    cue = lex.re.comparison.search(before)
    if cue is None and other is not None:
        cue = lex.re.comparison.search(other)
    # "behind the closed Gannet-5": a comparison before the noun phrase (it ends in white
    # space: test that first); "(vs Mistletoe Mini / Orbit-S 4B)": the later names of a
    # compared list (the list pattern costs more: test first)
    if cue is None and before[-1:].isspace():
        cue = _comparison_past(P.DETERMINED, before, lex)
    if cue is None and P.LIST_END.search(before):
        cue = _comparison_past(P.LISTED_BEFORE, before, lex)
    aside = lex.re.subject.aside.search(before) is not None or (
        other is not None and lex.re.subject.aside.search(other) is not None
    )
    return cue, aside


def _without_possessor(written: str) -> str:
    """`written` without the possessor ending it ("than «Vireo's »Oberon-5").

    P.POSSESSOR ends in white space after a word holding a capital; most names follow
    a lower-case word, so that is tested first (the pattern is tried at every position).
    """
    if not written[-1:].isspace():
        return written
    last = written.rsplit(None, 1)[-1:]
    if not last or last[0].lower() == last[0]:
        return written
    return P.POSSESSOR.sub("", written)


def _comparison_past(between: re.Pattern[str], before: str, lex: Lexicon) -> re.Match[str] | None:
    """A comparison cue written before the words `between` strips from the end of
    `before`; never an object cue, which may govern those words instead ("in the new
    Vesper-2", "66.2 on MTEB, and Lattice 2 ...")."""
    if not between.search(before):
        return None
    cue = lex.re.comparison.search(between.sub("", before))
    if cue is not None and squash(cue.group()).lower() in lex.re.subject.object_cues:
        return None
    return cue


def dominant(entities: Sequence[Entity], kind: str) -> str:
    """The name of this kind mentioned most often (first on a tie), or ''.

    Names only quoted or only the object of a clause ("chips for Apple") count when
    nothing else is named; a name only compared against, or only named in passing ("Rival
    Gannet-5", "also released X"), never does, nor an older version of a name named
    before it.
    """
    named = [e for e in entities if e.kind == kind and not e.aside]
    names = [e.name for e in named if not (e.compared or e.quoted)]
    if not names:
        names = [e.name for e in named if e.object_only or not e.compared]
    if not names:
        return ""
    # a launch is about the version it opens on, when that is the newest: "Torvin 1 was
    # slower, and Torvin 1 was bigger" late in an article that opens on Torvin 2 does not
    # make Torvin 1 its subject (but a "Cairn-2.1 update planned for Q4" keeps Cairn-2)
    first = list(dict.fromkeys(names))  # each name once, in the order first named
    older = {
        n for i, n in enumerate(first) if any(older_version(n, o) for o in first[:i])
    }  # compared once per pair of distinct names, not per mention
    names = [n for n in names if n not in older]
    counts = Counter(names)
    best = max(counts.values())
    return next(n for n in names if counts[n] == best)


def handed_on(entities: Sequence[Entity], kind: str) -> str | None:
    """The name of this kind a sentence hands on to the sentences after it ("The model
    ..."): the first it names that is neither compared against nor quoted."""
    for e in entities:
        # e.name '': a sibling the article leaves unnamed
        if e.kind == kind and e.name and not (e.compared or e.quoted or e.aside):
            return e.name
    return None


def find_tiers(text: str, entities: Sequence[Entity], lex: Lexicon) -> dict[str, str]:
    """Tier words an article adds to a versioned model's name: "Velkin-3 Grand" written
    twice, or once between commas ("The largest model, Velkin-3 Grand, is"), or once and
    then "Halvarsen trained Grand on 6,000 GPUs" -> {"Grand": "Velkin-3 Grand"}. A word
    after two names is a tier of both, and alone names the one the article names most
    (neither, "", on a tie). Used alone, the word must stand where the sentence does not
    open on it (after a lower-case word or a comma); a headline's capitals ("Kestrel-2
    Tops the Charts") never count. Known variant words (Pro, Flash,
    which the name pattern reads already), families, organisations and common capitalised
    words are never tiers."""
    written: Counter[tuple[str, str]] = Counter()
    for e in entities:
        if e.kind == MODEL and any(ch.isdigit() for ch in e.name):
            after = P.TIER_AFTER.match(text, e.end)
            if after and not _in_headline(text, e.start):
                # "The speech model, Chorus 2 Listen, covers": set apart by commas, a name
                apposed = (
                    text[e.start - 2 : e.start] == ", "
                    and text[after.end() : after.end() + 1] == ","
                )
                written[e.name, after.group(1)] += 2 if apposed else 1
    mentions = Counter(e.name for e in entities)
    by_word: dict[str, list[tuple[int, int, str]]] = {}
    for (name, word), times in written.items():
        by_word.setdefault(word, []).append((times, mentions[name], name))
    tiers: dict[str, str] = {}
    alone: set[str] | None = None  # the capitalised words used alone in running text
    for word, named in by_word.items():
        if _common_word(word, lex):
            continue
        if sum(t for t, _, _ in named) < 2:  # written once: a tier only if also used alone
            if alone is None:
                alone = {m.group(1) for m in P.WORD_ALONE.finditer(text)}
            if word not in alone:
                continue
        # "Chorus 2 Speak" and "Chorus 1 Speak": a tier of both; alone, the one the
        # article names most
        ranked = sorted(named, reverse=True)
        tied = len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]
        tiers[word] = "" if tied else f"{ranked[0][2]} {word}"
    return tiers


_HEADLINE_CAPITALS = 0.75  # the share of capitalised long words that makes a headline


def _in_headline(text: str, pos: int) -> bool:
    """Whether pos is on a Markdown heading or a title-case line ("Kestrel-2 Tops the
    Charts as Halden Raises $2B")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    if line.lstrip().startswith("#"):
        return True
    if line.rstrip().endswith((".", "!", "?", ":")) or ":" in line or "|" in line:
        return False  # a sentence, a "Key: value" line or a table row, whatever its names
    if line.lstrip()[:1] in ("-", "*", "•"):
        return False  # a list item
    words = [w for w in P.LETTERS.findall(line) if len(w) > 3]  # not "the", "on", "of"
    capitals = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitals >= _HEADLINE_CAPITALS * len(words)


def _common_word(word: str, lex: Lexicon) -> bool:
    return (
        word in lex.variants
        or word in lex.not_names
        or word in lex.org_aliases
        or lex.re.family.fullmatch(word) is not None
    )


def with_tiers(entities: Sequence[Entity], text: str, tiers: Mapping[str, str]) -> list[Entity]:
    """A sentence's names with their tier words: 'Velkin-3' written before 'Grand' is
    Velkin-3 Grand (and 'Velkin-2 Grand' its predecessor); 'Grand 37' (found as a name
    and version) is Velkin-3 Grand on the word only, which leaves 37 a figure to read."""
    out = []
    for e in entities:
        after = P.TIER_AFTER.match(text, e.end) if e.kind == MODEL else None
        word, _, rest = e.name.partition(" ")
        if after and after.group(1) in tiers:
            # "Chorus 1 Listen" beside Chorus 2 Listen: the same tier of another version
            e = replace(e, end=after.end(), name=f"{e.name} {after.group(1)}")
        elif e.kind == MODEL and rest.isdigit() and tiers.get(word):
            e = replace(e, end=e.start + len(word), name=tiers[word])
        out.append(e)
    return out


def short_names(entities: Sequence[Entity], lex: Lexicon) -> dict[str, tuple[str, str]]:
    """Short forms of the names an article gives in full, each to the one name and kind it
    stands for there: 'Opus 5' -> Claude Opus 5, 'Kestrel' -> Kestrel-1, 'Behemoth' ->
    Llama 5 Behemoth, 'Northwind' -> Northwind AI. A form that could be two names equally
    often mentioned is left out; one shared by sizes of a family (Tindra-1B, Tindra-8B)
    names the family itself."""
    counts = Counter(e.name for e in entities if not (e.compared or e.quoted))
    full = list(dict.fromkeys(e.name for e in entities if e.kind in (MODEL, ORG)))
    kinds = {e.name: e.kind for e in entities}
    candidates: dict[str, list[str]] = {}
    words = {n: name_key(n).split(" ") for n in full if kinds[n] == MODEL}
    by_last: dict[str, list[str]] = {}  # a name's tail ends in its last word
    for n, key in words.items():
        by_last.setdefault(key[-1], []).append(n)
    for name in full:
        for short in _short_forms(name, kinds[name], lex):
            candidates.setdefault(short, []).append(name)
        for other in by_last[words[name][-1]] if name in words else ():
            # "Opus 5" in an article that also names "Claude Opus 5"
            if _is_tail(words[name], words[other]):
                candidates.setdefault(name, []).append(other)
    out: dict[str, tuple[str, str]] = {}
    for short, names in candidates.items():
        if len(set(names)) > 1 and all(P.NAME_SIZE.search(n) for n in names):
            out[short] = (short, MODEL)  # "Tindra" beside Tindra-1B and Tindra-8B: the family
            continue
        best = _best_named(names, counts, lex)
        if best:
            out[short] = (best, kinds[best])
    return out


def named_without_version(text: str, lex: Lexicon) -> list[str]:
    """The models an article names without a version after a naming cue ("a model called
    Quillon", "released Quillon on Monday", "Brindle's Quillon, released on Monday,"):
    never a known organisation, family or variant."""
    names = []
    found = [*lex.re.subject.named.finditer(text), *lex.re.subject.named_owned.finditer(text)]
    written = [(m.start(), m.group("name")) for m in found]
    for m in lex.re.subject.named_before_noun.finditer(text):  # "Lumenfall, our new model,"
        before = lex.re.subject.name_before.at(text, _before_space(text, m.start()))
        if before:
            written.append((m.start(), before))
    for _, written_name in sorted(written):
        name = squash(written_name)
        if not (name in lex.org_aliases or name in lex.variants or lex.re.family.fullmatch(name)):
            names.append(name)
    return list(dict.fromkeys(names))


def members_named(text: str, names: Sequence[str], lex: Lexicon) -> list[str]:
    """The members of families named without a version, as the article writes them: a
    name and a variant word ("Mossling Nano", "Lumenfall Turbo"), or a name and one other
    capitalised word written together at least twice ("Mossling Core"). Sentence words
    ("Mossling The") never are."""
    if not names:
        return []
    found = Counter(
        (m.group()[: m.start("tier") - m.start()].strip(), m.group("tier"))
        for m in P.members_of(names).finditer(text)
    )
    members = [
        f"{name} {tier}"
        for (name, tier), n in found.items()
        if tier not in lex.not_names and (tier in lex.variants or n >= 2)
    ]
    return sorted(members)


def orgs_named(text: str, lex: Lexicon) -> list[str]:
    """The organisations an article names without a suffix beside an organisation noun or
    role ("Pixmere, a London-based startup,", "robotaxi company Veyra", "Kestrix CEO Ana
    Ruiz", "Quillfern is a fabless company"): never a known organisation, family or
    variant, which the vocabulary names."""
    cues = lex.re.subject.org_cues
    names = []
    for m in cues.word.finditer(text):
        if m.start() and _word_char(text[m.start() - 1]):
            continue  # inside a word: "accompany"
        if " ".join(m.group().split()) in cues.roles:  # "Kestrix CEO", "its chief executive"
            written = lex.re.subject.name_before.at(text, _before_space(text, m.start()))
        elif after := cues.after.match(text, m.end()):  # "robotaxi company Veyra"
            written = after.group("name")
        elif cues.noun_end.match(text, m.end()) and (
            opening := cues.opening.search(text, max(0, m.start() - _OPENING_REACH), m.start())
        ):  # "Pixmere, a London-based startup", "Quillfern is a fabless company"
            written = lex.re.subject.name_before.at(text, opening.start())
        else:
            continue
        name = squash(written)
        if name and not (
            name in lex.org_aliases or name in lex.variants or lex.re.family.fullmatch(name)
        ):
            names.append(name)
    return list(dict.fromkeys(names))


_OPENING_REACH = 80  # characters from an appositive's comma to its noun: four words


def _before_space(text: str, pos: int) -> int:
    """Where the white space right before `pos` starts."""
    while pos and text[pos - 1] in " \t\u00a0":
        pos -= 1
    return pos


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "-_"


def _short_forms(name: str, kind: str, lex: Lexicon) -> list[str]:
    """The one-word forms a name goes by: its leading word ('Kestrel' of Kestrel-1), a
    distinctive last word ('Behemoth'), an unknown organisation's first words."""
    if kind == ORG:
        if name in lex.org_aliases:
            return []  # the vocabulary lists a known organisation's other names
        words = name.split(" ")
        return [" ".join(words[:-1])] if len(words) > 1 else []
    forms = []
    stem = P.NAME_STEM.match(name)
    if stem and _may_stand_alone(stem.group(1), lex):
        forms.append(stem.group(1))
    last = name.split(" ")[-1]
    if last != name and last in lex.re.subject.short_variants:
        forms.append(last)
    return forms


def _may_stand_alone(word: str, lex: Lexicon) -> bool:
    """Whether a name's leading word alone still names it: not a family ('Llama'), an
    organisation, a variant or a common capitalised word."""
    return not (
        lex.re.family.fullmatch(word)
        or word in lex.org_aliases
        or word in lex.variants
        or word in lex.not_names
    )


def _is_tail(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether the words `a` (of name_key) end the longer `b` ('Opus 5', 'Claude Opus 5')."""
    return len(a) < len(b) and b[-len(a) :] == a


def _best_named(names: Sequence[str], counts: Counter[str], lex: Lexicon) -> str | None:
    """Of the names a short form could be, the plainest (fewest variant words: Kestrel-1
    before Kestrel-1-Lite), then the most mentioned; None on a tie."""
    variants = {v.lower() for v in lex.variants}
    plain = min(len(version_parts(n)[1] & variants) for n in names)
    names = [n for n in dict.fromkeys(names) if len(version_parts(n)[1] & variants) == plain]
    ranked = sorted(names, key=lambda n: -counts[n])
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return ranked[0]


def find_short_names(
    text: str,
    start: int,
    end: int,
    shorts: Mapping[str, tuple[str, str]],
    found: Sequence[Entity],
    lex: Lexicon,
    taken: Sequence[tuple[int, int]] = (),
    quotes: Sequence[tuple[int, int]] = (),
    runs: Sequence[tuple[int, int]] | None = None,
) -> list[Entity]:
    """The sentence's entities with the names it gives in short written in full: a found
    name renamed ('Opus 5' -> Claude Opus 5) and bare words added ('Behemoth').
    `runs`: the short names' spans in text[start:end], when already found (word_runs)."""
    out = [replace(e, name=shorts[e.name][0]) if e.name in shorts else e for e in found]
    spans = [(e.start, e.end) for e in found] + list(taken)
    for s, e in word_runs(text, start, end, shorts) if runs is None else runs:
        if not _overlaps(s, e, spans):
            name, kind = shorts[text[s:e]]
            out.append(_placed(text, start, s, e, name, kind, [], lex, quotes))
    return sorted(out, key=lambda e: e.start)


def word_runs(
    text: str, start: int, end: int, forms: Mapping[str, object]
) -> list[tuple[int, int]]:
    """Spans of runs of one to three capitalised words that are keys of `forms`, longest
    first at each position ("Big Lake" before "Big"). Only keys that are such runs can
    match, so one pattern of them is searched (in C) instead of walking every word."""
    keys = [k for k in forms if P.WORD_RUN.fullmatch(k)]
    if not keys:
        return []
    return [m.span() for m in P.word_runs_of(keys).finditer(text, start, end)]


def find_variant_references(
    text: str,
    start: int,
    end: int,
    found: Sequence[Entity],
    carried: str,
    names: Sequence[str],
    lex: Lexicon,
) -> list[Entity]:
    """The sentence's entities with the siblings it names by a variant word added: "the
    Mini variant" after Helix-3 is Helix-3 Mini (as the article names it, if it does)."""
    out = list(found)
    if lex.re.subject.sibling_cue.search(text, start, end) is None:
        return out
    for m in lex.re.subject.variant_reference.finditer(text, start, end):
        s, e = m.span("variant")
        if _overlaps(s, e, [(f.start, f.end) for f in found]):
            continue
        models = [f for f in found if f.kind == MODEL and not f.compared and f.end <= s]
        base = models[-1].name if models else carried
        if m.group("bare") is not None and _unit_follows(text, m.end(), end, lex):
            continue  # "the 37B active parameters", "the 15B tokens": a figure, no model
        if m.group("size"):
            sizes = list(P.SIZES.finditer(text, s, e))
            for i, size in enumerate(sizes):
                sibling = sized_sibling(base, size.group(), names, lex) if base else ""
                if sibling:
                    to = m.end() if i == len(sizes) - 1 else size.end()
                    out.append(Entity(size.start(), to, sibling, MODEL))
        elif base:
            sibling = _sibling(base, m.group("variant"), names, lex)
            out.append(Entity(s, m.end(), sibling, MODEL))
    for m in lex.re.subject.by_rank.finditer(text, start, end):
        if not _overlaps(m.start(), m.end(), [(f.start, f.end) for f in out]):
            member = _ranked_member(carried, names, lex, largest=m.group("largest") is not None)
            if member:  # "The biggest model reaches 90.4%"
                out.append(Entity(m.start(), m.end(), member, MODEL))
    return sorted(out, key=lambda x: x.start) if len(out) > len(found) else out


def _ranked_member(base: str, names: Sequence[str], lex: Lexicon, *, largest: bool) -> str:
    """The largest (or smallest) member of `base`'s family among the sized names the
    article gives, or of the one family it gives several sizes of; '' if neither."""
    families: dict[str, list[tuple[float, str]]] = {}
    for name in names:
        size = P.NAME_SIZE.search(name)
        if size:
            families.setdefault(name_key(name[: size.start()]), []).append(
                (float(size.group()[:-1]) * lex.suffixes[size.group()[-1]][0], name)
            )
    own = P.NAME_SIZE.search(base)
    stem = name_key(base[: own.start()] if own else base)
    members = families.get(stem) or next(
        (m for m in families.values() if len(m) > 1 and len(families) == 1), []
    )
    if len(members) < 2:
        return ""
    return (max if largest else min)(members)[1]


def _unit_follows(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether one of the next two words of text[at:end] is a unit ("the 37B «parameters»",
    "the 37B active «parameters»")."""
    for _ in range(2):
        following = P.FOLLOWING_WORD.match(text, at, end)
        if following is None:
            return False
        if following.group(1).lower() in lex.unit_forms:
            return True
        at = following.end()
    return False


def size_label(value: float) -> str:
    """A size as a model's name writes it: 7e9 -> '7B', 1.5e9 -> '1.5B', 1.2e12 -> '1.2T'."""
    for scale, letter in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if value >= scale:
            return f"{value / scale:g}{letter}"
    return f"{value:g}"


def rounds_to(name_size: str, size: str) -> bool:
    """Whether a size rounds to the one a name states, at the name's precision ('8B' and
    '7.9B', '1B' and '1.2B', '1.5B' and '1.54B'; not '9B' and '8B')."""
    if not (P.SIZE.fullmatch(name_size) and P.SIZE.fullmatch(size)):
        return False
    if name_size[-1] != size[-1]:
        return False
    written = name_size[:-1]
    places = len(written.partition(".")[2])
    return round(float(size[:-1]), places) == float(written)


def sized_sibling(base: str, size: str, names: Sequence[str], lex: Lexicon) -> str:
    """The model of `base`'s family in another size: "the 32B version" after
    Ferrule-Coder-236B, or after the family's name Ferrule-Coder, is Ferrule-Coder-32B
    (as the article names it, if it does); after Llama 5 Behemoth it is Llama 5 70B, as
    a variant word names one member, not the family, and so does a tier word after a
    version (the Grand of Velkin-3 Grand). A size the article names only rounded is that
    member's (7.9B is Tindra-8B's when the article names Tindra-8B and no 7.9B: a name
    states its size rounded, Llama 3 8B has 8.03B parameters)."""
    own = P.NAME_SIZE.search(base)
    if own is not None and own.group() == size:
        return base
    if own is None:
        variant = lex.variants | lex.re.subject.short_variants
        base = " ".join(w for w in base.split(" ") if w not in variant) or base
        head, _, tier = base.rpartition(" ")
        if P.TIER_WORD.fullmatch(tier) and any(ch.isdigit() for ch in head):
            base = head  # after Velkin-3 Grand, "the 9B" is Velkin-3 9B
    stem = name_key(base[: own.start()] if own else base)
    near = ""
    for name in names:
        other = P.NAME_SIZE.search(name)
        if other is None or name_key(name[: other.start()]) != stem:
            continue
        if other.group() == size:
            return name
        if rounds_to(other.group(), size):
            near = near or name  # "7.9 billion parameters" in a family with an 8B
    if near:
        return near
    if own is not None:
        return base[: own.start()] + size
    return f"{base}{'-' if '-' in base and ' ' not in base else ' '}{size}"


def _sibling(base: str, variant: str, names: Sequence[str], lex: Lexicon) -> str:
    """The model of `base`'s version with `variant` as its variant word: one the article
    names, else the base name with the word added, else '' (unknown)."""
    word = variant.lower()
    numbers, words = version_parts(base)
    if word in words:
        return base
    for name in names:
        other_numbers, other_words = version_parts(name)
        if other_numbers == numbers and word in other_words:
            return name
    if words & {v.lower() for v in lex.variants}:
        return ""  # "Claude Opus 5" and "the Sonnet model": no safe name to build
    return f"{base} {variant}"


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A spelling-insensitive key: 'Phi 4 Mini' and 'Phi-4-Mini' share one. (Cached: an
    article keys the same few names once per sentence.)"""
    return P.NAME_SEPARATORS.sub(" ", name.lower()).strip()


def older_version(name: str, than: str) -> bool:
    """Whether `name` is an earlier version of `than` ("Zeta-1.5" of "Zeta-2"): the same
    words, a lower version number. A name is no earlier than itself (the article's
    dominant model, most often): that needs no parsing."""
    if name == than or not than:
        return False
    numbers, words = version_parts(name)
    other_numbers, other_words = version_parts(than)
    if not numbers or len(numbers) != len(other_numbers) or words != other_words:
        return False  # "wayfarer-3-2026-06-09" is a dated snapshot, no newer Wayfarer-3
    try:
        return tuple(map(float, numbers)) < tuple(map(float, other_numbers))
    except ValueError:
        return False


@lru_cache(maxsize=8192)
def version_parts(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The numbers and the variant words in a name; two names that differ in either differ.
    (Cached: an article compares the same few names again and again.)"""
    key = name_key(name)
    numbers = tuple(P.VERSION_NUMBER.findall(key))
    words = frozenset(w for w in key.split() if not w[:1].isdigit())
    return numbers, words
