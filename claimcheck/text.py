"""Split an article into blocks and sentences, keeping character offsets."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon

_WRAP_MIN = 30  # a wrapped prose line is rarely shorter; a headline often is


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span, its block (paragraph) number and, for spec lines and table
    cells, the `key` naming the metric (text before "Key:", or a table header) and the
    `label` naming the subject (the other table header).
    """

    start: int
    end: int
    block: int
    key: str = ""
    key_end: int = 0
    label: str = ""
    scale: float = 1.0
    unit: str = ""
    row: tuple[int, int] | None = None  # a table cell's whole row, shown as its sentence
    row_label: bool = False  # the label is the row's first cell (not a column header)
    label_notes: bool = False  # another row's label differs only in its parentheses
    named_columns: bool = False  # a table whose columns are products: "| | Scout | Verge |"
    decimal_comma: bool = False  # its article writes decimals with a comma ("78,6 points")

    @property
    def shown(self) -> tuple[int, int]:
        """The span a report shows as the claim's sentence: a table cell's row, so the
        reader sees the row's label beside the figure; otherwise the sentence itself."""
        return self.row or (self.start, self.end)


def split_sentences(text: str, lex: Lexicon) -> list[Sentence]:
    """Sentences in order; a line never continues into the next, a blank line starts a block."""
    sentences: list[Sentence] = []
    block = 0
    lines = text.split("\n")
    header: list[str] = []
    twins: frozenset[str] = frozenset()
    next_start = 0
    for index, line in enumerate(lines):
        line_start, next_start = next_start, next_start + len(line) + 1
        if not line or line.isspace():
            block += 1
            continue
        # both table patterns need a "|": most lines have none
        if "|" in line and (P.TABLE_ROW.match(line) or P.TABLE_RULE.match(line)):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if P.TABLE_RULE.match(following):
                header = [c.group().strip() for c in P.TABLE_CELL.finditer(line)]
                twins = _twin_labels(lines, index + 2)
                continue
            if P.TABLE_RULE.match(line):
                continue
            if header:
                sentences.extend(_table_cells(line, line_start, header, block, lex, twins))
                continue
        header = []
        key = ""
        key_end = 0
        spec = _spec_line(line)
        if spec and not P.URL_SCHEME.search(spec.group(1)):
            key, key_end = spec.group(1).strip(), line_start + spec.end()
        bullet = P.BULLET.match(line) is not None
        if bullet and not key:
            block += 1
        pieces = _split_line(line, lex)
        for i, (s, e) in enumerate(pieces):
            sentences.append(
                Sentence(line_start + s, line_start + e, block, key if i == 0 else "", key_end)
            )
        if bullet or key:
            block += 1
    if writes_decimal_comma(text, lex):
        return [replace(s, decimal_comma=True) for s in sentences]
    return sentences


def writes_decimal_comma(text: str, lex: Lexicon) -> bool:
    """Whether an article writes decimals with a comma somewhere ("78,6 points", "94,2 %",
    "4,6 million"): then a dot before three digits groups thousands wherever it stands."""
    return any(
        m.start() > 0 and text[m.start() - 1].isdigit() for m in lex.re.decimal_comma.finditer(text)
    )


def unwrap(text: str) -> str:
    """The text with the line breaks of hard-wrapped prose read as spaces.

    A break joins two lines when both hold prose: the first is long enough to have been
    wrapped and does not end a sentence, and neither is blank, a heading, a bullet, a
    table row or a "Key: value" line. Each joining newline becomes one space, so the
    result has the same length and every offset still points into the original text.
    """
    lines = text.split("\n")
    joins = []
    pos = 0
    for here, after in pairwise(lines):
        pos += len(here)
        stripped = here.strip()
        if (
            len(stripped) >= _WRAP_MIN
            and stripped[-1] not in P.SENTENCE_CLOSERS
            and _prose(here)
            and _prose(after)
        ):
            joins.append(pos)
        pos += 1
    if not joins:
        return text
    pieces = []
    last = 0
    for at in joins:
        pieces.append(text[last:at])
        last = at + 1
    pieces.append(text[last:])
    return " ".join(pieces)


def continues_block(line: str) -> bool:
    """Whether a line goes on the block above it instead of opening a paragraph: a list
    item, a table row or a "Key: value" line."""
    return bool(P.BULLET.match(line) or P.TABLE_ROW.match(line) or _spec_line(line))


def _spec_line(line: str) -> re.Match[str] | None:
    """The "Key: value" match of a line; only a line with a colon can be one, and looking
    for the colon is far cheaper than trying the pattern."""
    return P.SPEC_LINE.match(line) if ":" in line else None


def _prose(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not (
        P.NOT_PROSE.match(line) or _spec_line(line) or P.TABLE_ROW.match(line)
    )


def _names_metric(header: str, lex: Lexicon) -> bool:
    """Whether a table header names a metric ("MMLU", "Context", "Parameters")."""
    word = header.strip().lower()
    return (
        bool(lex.re.metric.any_case.search(header))
        or word in lex.after_metric
        or word in lex.unit_forms
    )


def _header(text: str, lex: Lexicon) -> tuple[str, float, str]:
    """A column header, the scale and the unit its parenthesis gives its cells:
    'Parameters (B)' -> 1e9; 'Input ($/1M tokens)' -> USD; 'Accuracy (%)' -> %."""
    paren = P.HEADER_NOTE.search(text)
    whole = lex.unit_forms.get(text.strip().lower(), "")
    if paren is None and whole and lex.units[whole].metric:
        # "| tok/s |": a unit names its cells' metric ("Tokens/s" -> throughput)
        return lex.units[whole].metric, 1.0, whole
    if paren is None:
        return text.strip(), 1.0, ""
    note = paren.group(1).strip()
    name = text[: paren.start()].strip()
    scale = float(lex.suffixes[note][0]) if note in lex.suffixes else 1.0
    if note.lower() in lex.scale_words or note.lower().rstrip("s") in lex.scale_words:
        scale = float(lex.scale_words[note.lower().rstrip("s")])
    sign = lex.re.currency_lead.match(note)
    unit = lex.currency_signs[sign.group()] if sign else lex.unit_forms.get(note.lower(), "")
    if scale == 1.0 and not unit:
        return text.strip(), scale, unit  # "HumanEval (pass@1)": the note scopes the metric
    return name, scale, unit


def _label_base(line: str) -> str:
    """A table row's first cell without its notes in parentheses ("Kestrix (2026.9)" ->
    "kestrix")."""
    cell = P.TABLE_CELL.search(line)
    return " ".join(P.PARENTHESIS.sub(" ", cell.group()).lower().split()) if cell else ""


def _twin_labels(lines: Sequence[str], first: int) -> frozenset[str]:
    """The row labels of the table whose rows start at `first` that two rows share once
    their parentheses are left out: "| Kestrix (2026.9) |" and "| Kestrix (spring
    release, 2026.3) |" are two rows, told apart only by their notes."""
    seen: Counter[str] = Counter()
    for line in lines[first:]:
        if "|" not in line or not P.TABLE_ROW.match(line):
            break
        seen[_label_base(line)] += 1
    return frozenset(base for base, n in seen.items() if n > 1 and base)


def _table_cells(
    line: str,
    offset: int,
    header: list[str],
    block: int,
    lex: Lexicon,
    twins: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """One sentence per cell of a Markdown table row, keyed by its row and column headers.

    Whichever header names a metric becomes the key; the other (a model, usually) the label.
    When both do, the row's does: the first column says what each row measures ("Post-money
    valuation" under a column "Series D").
    """
    cells = list(P.TABLE_CELL.finditer(line))
    if not cells:
        return []
    row = cells[0].group().strip()
    notes = bool(twins) and _label_base(line) in twins
    # "| | Scout | Verge |", "| Spec | QX-20 | QX-40 |": the rows say what is measured, so a
    # column that names no metric names a product, whatever the row's label
    corner = header[0].strip().lower() if header else ""
    products = not corner or corner in lex.product_table_corners
    out = []
    for i, cell in enumerate(cells[1:], start=1):
        if not cell.group().strip():
            continue
        column, scale, unit = _header(header[i] if i < len(header) else "", lex)
        named = products and not _names_metric(column, lex)
        by_column = not named and not _names_metric(row, lex)
        key, label = (column, row) if by_column else (row, column)
        start = offset + cell.start() + len(cell.group()) - len(cell.group().lstrip())
        end = offset + cell.start() + len(cell.group().rstrip())
        row_span = (offset + len(line) - len(line.lstrip()), offset + len(line.rstrip()))
        out.append(
            Sentence(
                start,
                end,
                block,
                key,
                start,
                label,
                scale,
                unit,
                row_span,
                by_column,
                notes,
                named_columns=named,
            )
        )
    return out


def _last_word(line: str, end: int) -> str:
    """The last white-space separated word of line[:end] ("" if there is none)."""
    words = line[:end].rsplit(None, 1)
    return words[-1] if words else ""


def _split_line(line: str, lex: Lexicon) -> list[tuple[int, int]]:
    pieces = []
    start = len(line) - len(line.lstrip())
    for m in P.SENTENCE_END.finditer(line):
        cut = m.start() + 1  # just after the mark
        last_word = _last_word(line, cut)
        if last_word in lex.abbreviations or P.INITIALS.fullmatch(last_word):
            continue
        if cut > start:
            pieces.append((start, cut))
        start = m.end()
    end = len(line.rstrip())
    if end > start:
        pieces.append((start, end))
    return pieces
