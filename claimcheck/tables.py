"""What a table's headers and row labels say of its cells' figures (the product a header
names, the device a row names, what a row label adds as a qualifier) and the whole
article's names they are read against (Article)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from claimcheck import patterns as P
from claimcheck.entities import DEVICE, HARDWARE, MODEL, ORG, Entity, find_entities, with_tiers
from claimcheck.lexicon import Lexicon
from claimcheck.subjects import device_label
from claimcheck.text import Sentence


@dataclass(frozen=True)
class Article:
    """What the whole article says that a sentence's reading needs: its tier words
    (find_tiers), the words of the organisations it names (makers of the products a
    table row names) and, once read, the names in each table header and row."""

    text: str
    lex: Lexicon
    tiers: Mapping[str, str]
    orgs: frozenset[str]  # the words of the organisations found in it
    headers: dict[str, list[Entity]] = field(default_factory=dict)  # filled as read
    rows: dict[tuple[int, int], str] = field(default_factory=dict)  # row -> its device

    @cached_property
    def makers(self) -> frozenset[str]:
        """The words of the organisations the article names, a byline's too ("VP
        Product, Corvane Systems"): read the first time a table label needs them."""
        named = (m.group(1) for m in self.lex.re.subject.maker.finditer(self.text))
        return self.orgs | frozenset(named)


def row_device(text: str, sent: Sentence, lex: Lexicon, article: Article) -> str:
    """The device or chip a table row names in a cell of its own ("| Tindra-3B | iPhone 16
    Pro (A18 Pro) | 38 |"), or ""; read once per row of the article."""
    row = sent.row
    if row is None or row == (sent.start, sent.end):
        return ""
    if row not in article.rows:
        found = find_entities(text, row[0], row[1], lex)
        device = next((e for e in found if e.kind in (DEVICE, HARDWARE)), None)
        cell = text.rfind("|", row[0], device.start) + 1 if device else 0  # "| 8x H100 |"
        label = device_label(text, max(cell, row[0]), device, lex) if device else ""
        article.rows[row] = label
    return article.rows[row]


def named_in_header(header: str, lex: Lexicon, article: Article) -> list[Entity]:
    """The models and organisations a table header names ("Velkin-3 Grand" with the
    article's tier words), a chip first when the rest are organisations ("Nvidia B200");
    read once per header of the article."""
    if header in article.headers:
        return article.headers[header]
    found = with_tiers(find_entities(header, 0, len(header), lex), header, article.tiers)
    named = [e for e in found if e.kind in (MODEL, ORG)]
    chips = [e for e in found if e.kind == HARDWARE]
    if chips and all(e.kind == ORG for e in named):
        named = chips + named
    article.headers[header] = named
    return named


def row_rest(
    label: str,
    named: Sequence[Entity],
    lex: Lexicon,
    *,
    notes: bool = False,
    makers: frozenset[str] = frozenset(),
) -> str:
    """What a table row's label says beside the name of its subject, as a qualifier that
    keeps the row apart: "Mammora 3 DBT" -> "DBT" (the name is Mammora 3; the name of its
    maker before it, "Corvane Helix-2", says nothing more when `makers`, the words of the
    article's organisations, hold it; "Distilled Kestrel-2" stays apart), "Team plan" or
    "Average radiologist" -> the whole label (the row is not the article's subject). Notes
    in parentheses ("(ours)", "(preview)"), settings ("pass@1") and words that name nothing
    ("Our model") are left out, unless `notes`: another row of the table differs only in
    them ("Kestrix (2026.9)", "Kestrix (spring release, 2026.3)"); a label that names a
    metric ("Amount raised") gives none."""
    spans = [(e.start, e.end) for e in named]
    first = min(spans)[0] if spans else 0
    if first and all(w in makers for w in label[:first].split()):
        spans.append((0, first))  # "Corvane Helix-2": the maker, then its product
    for s, e in sorted(spans, reverse=True):
        label = label[:s] + " " + label[e:]
    formatted = any(lex.re.number_format.match(w) for w in label.split())
    label = lex.re.setting.sub(" ", label if notes else P.PARENTHESIS.sub(" ", label))
    ignored = lex.row_label_ignored | (lex.format_modifiers if formatted else frozenset())
    words = [w for w in P.LABEL_WORD.findall(label) if w.lower() not in ignored]
    if lex.re.metric.any_case.search(label) or any(
        w.lower() in lex.cue_metric or w.lower() in lex.after_metric for w in words
    ):
        return ""  # "| Amount raised |": the row names what its figures measure
    return " ".join(words)
