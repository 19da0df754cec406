"""Split an article into blocks and sentences, keeping character offsets."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck import patterns as P
from claimcheck.lexicon import Lexicon


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span in the text, its block (paragraph) number and a spec-line key."""

    start: int
    end: int
    block: int
    key: str = ""
    key_end: int = 0


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def split_sentences(text: str, lex: Lexicon) -> list[Sentence]:
    """Sentences in order; a line never continues into the next, a blank line starts a block."""
    sentences: list[Sentence] = []
    block = 0
    for line_start, line_end in _line_spans(text):
        line = text[line_start:line_end]
        if not line.strip():
            block += 1
            continue
        key = ""
        key_end = 0
        spec = P.SPEC_LINE.match(line)
        if spec and not P.URL_SCHEME.search(spec.group(1)):
            key, key_end = spec.group(1).strip(), line_start + spec.end()
        if P.BULLET.match(line) and not key:
            block += 1
        pieces = _split_line(line, lex)
        for i, (s, e) in enumerate(pieces):
            sentences.append(
                Sentence(line_start + s, line_start + e, block, key if i == 0 else "", key_end)
            )
        if P.BULLET.match(line) or key:
            block += 1
    return sentences


def _split_line(line: str, lex: Lexicon) -> list[tuple[int, int]]:
    pieces = []
    start = len(line) - len(line.lstrip())
    for m in P.SENTENCE_END.finditer(line):
        cut = m.start()
        last_word = line[:cut].rsplit(None, 1)[-1] if line[:cut].strip() else ""
        if last_word in lex.abbreviations or P.INITIALS.fullmatch(last_word):
            continue
        if cut > start:
            pieces.append((start, cut))
        start = m.end()
    end = len(line.rstrip())
    if end > start:
        pieces.append((start, end))
    return pieces
