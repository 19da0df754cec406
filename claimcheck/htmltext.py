"""Article text out of markup: HTML pages via trafilatura, mapped back; Markdown minus code.

How the map is built: the page is read once more with the standard library's
HTMLParser into a "stream" of its visible characters (no script, style or
<title>; entities unescaped), each with the line and column where it is written.
Whitespace and table pipes are dropped from both the stream and the extracted
text, so tag boundaries, re-wrapped paragraphs and trafilatura's table layout do
not matter. Each extracted line is then searched for in the stream, in order:

1. the whole line, just after where the previous line was found; a line of at
   least 12 visible characters may also be found further on, or before it (for
   text trafilatura moved, like a headline), a shorter one only just after it;
2. else its first 40 visible characters, the rest word by word just after;
3. else word by word, each within a short window after the last match.

Every matched character gets its exact line and column in the page, so a
paragraph wrapped over several source lines maps each figure to its own line.

Limits: text trafilatura writes itself (the "- " of list items, table borders)
or rewrites is not found and inherits the last known line with an unknown column
(reported as column 1); a line repeated verbatim on the page maps to the first
occurrence after the previous match; text produced by scripts is not on the page
and cannot be mapped.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_VISIBLE = re.compile(r"[^\s|]+")
_GAPS = re.compile(r"\s{2,}")
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript"})
_PREFIX = 40
_GLOBAL_MIN = 12
_WINDOW = 200
# Code is not prose: <pre> blocks are dropped, as code blocks are blanked in Markdown.
_PRUNE = ["//pre"]
# Markdown: fences, list items, headings and rules (CommonMark), and what blanking keeps.
_FENCE = re.compile(r"( *)(`{3,}|~{3,})(.*)")
_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+(?=\S)|[ \t]*$)")
_HEADING = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)")
_NOT_NEWLINE = re.compile(r"[^\r\n]")
# A definition list is a spec list: "<dt>Power</dt><dd>38 MW</dd>" reads "Power: 38 MW".
# trafilatura writes each term and each definition as a list item of its own, so a colon
# is put at the end of each term and a term's item joined to the definition's after it.
_TERM_END = re.compile(r"\s*</dt\s*>", re.IGNORECASE)
_TERM_ITEM = re.compile(r"^(- [^\n]*:)\n- ", re.MULTILINE)


@dataclass(frozen=True)
class Article:
    """The article extracted from one page: text, headline and anchors back to the page."""

    text: str
    title: str
    line_map: tuple[tuple[int, int, int], ...]


def extract_article(page: str) -> Article | None:
    """The main article of an HTML page with its line map, or None if none is found."""
    text = _main_text(page)
    if not text:
        return None
    stream = _Stream()
    try:
        stream.feed(page)
        stream.close()
    except Exception:  # HTMLParser is lenient; a failure only costs the line map
        stream = _Stream()
    return Article(text, _title(text, stream)[:200], _align(text, stream))


def _title(text: str, stream: _Stream) -> str:
    """The headline: the first <h1> that is part of the article, else <title>, else line one."""
    body = " ".join(text.split())
    headings = (" ".join(h.split()) for h in stream.headings)
    title = next((h for h in headings if h and h in body), "") or " ".join(stream.title.split())
    return title or next((ln.strip() for ln in text.splitlines() if ln.strip()), "")


def _main_text(page: str) -> str:
    """trafilatura's plain-text rendering of the page's main content, "" if none."""
    try:
        import trafilatura

        found = trafilatura.extract(
            _TERM_END.sub(":</dt>", page),
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            prune_xpath=_PRUNE,
        )
    except Exception:  # lxml and trafilatura raise on some malformed pages
        return ""
    if not found or not found.strip():
        return ""
    return _TERM_ITEM.sub(r"\1 ", found).rstrip("\n") + "\n"


class _Stream(HTMLParser):
    """Visible characters of a page (whitespace and pipes dropped) and where each is written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.size = 0
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.columns: list[int] = []
        self.hidden = 0
        self.in_title = False
        self.title_done = False
        self.h1_depth = 0
        self.title = ""
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track elements whose text is not shown, and the page's <title> and <h1>s."""
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.h1_depth += 1
            if self.h1_depth == 1:
                self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        """Leave the elements tracked by handle_starttag; a definition term ends in the
        colon the extracted text gives it, at its end tag."""
        if tag == "dt":
            self._add(":", *self.getpos(), literal=False)
        if tag in _HIDDEN_TAGS:
            self.hidden = max(self.hidden - 1, 0)
        elif tag == "title":
            self.in_title = False
            self.title_done = self.title_done or bool(self.title.strip())
        elif tag == "h1" and self.h1_depth:
            self.h1_depth -= 1

    def handle_data(self, data: str) -> None:
        """Add a run of literal text, written from the parser's current position on."""
        self._add(data, *self.getpos(), literal=True)

    def handle_entityref(self, name: str) -> None:
        """Add a named character reference, all of it at the position of its "&"."""
        self._add(html.unescape(f"&{name};"), *self.getpos(), literal=False)

    def handle_charref(self, name: str) -> None:
        """Add a numeric character reference, all of it at the position of its "&"."""
        self._add(html.unescape(f"&#{name};"), *self.getpos(), literal=False)

    def _add(self, data: str, line: int, offset: int, *, literal: bool) -> None:
        """Append the visible runs of `data`; `offset` is the 0-based column of its start."""
        if self.hidden:
            return
        if self.in_title:
            self.title += "" if self.title_done else data
            return
        if self.h1_depth:
            self.headings[-1] += data
        if not literal:  # a character reference: all of it sits at its "&"
            for char in _VISIBLE.findall(data):
                self._segment(char, line, offset + 1)
            return
        last = 0
        column = offset + 1
        for match in _VISIBLE.finditer(data):
            gap = data[last : match.start()]
            newlines = gap.count("\n")
            if newlines:
                line += newlines
                column = len(gap) - gap.rfind("\n")
            else:
                column += len(gap)
            self._segment(match.group(), line, column)
            column += len(match.group())
            last = match.end()

    def _segment(self, run: str, line: int, column: int) -> None:
        """Append characters written one after another from (line, column) on."""
        self.starts.append(self.size)
        self.lines.append(line)
        self.columns.append(column)
        self.parts.append(run)
        self.size += len(run)

    def locate(self, pos: int) -> tuple[int, int]:
        """(line, column) in the page of stream position `pos`."""
        index = bisect.bisect_right(self.starts, pos) - 1
        return self.lines[index], self.columns[index] + pos - self.starts[index]

    def text(self) -> str:
        """The stream as one string."""
        return "".join(self.parts)


def _find(stream: str, key: str, cursor: int) -> int:
    """Where `key` is in the stream: after `cursor`, else (if long enough) anywhere; or -1."""
    if len(key) < _GLOBAL_MIN:
        return stream.find(key, cursor, cursor + _WINDOW + len(key))
    found = stream.find(key, cursor)
    return found if found >= 0 else stream.find(key)


def _align(text: str, stream: _Stream) -> tuple[tuple[int, int, int], ...]:
    """Anchors (offset in `text`, line, column) tying the extracted text to the page."""
    visible = stream.text()
    anchors: list[tuple[int, int, int]] = []
    # The second character of each run of whitespace in the whole text, newlines
    # included: only one character may follow the last one found on a page line, so
    # a line's trailing or leading spaces and empty lines do not run past its end.
    gaps = [m.start() + 1 for m in _GAPS.finditer(text)]
    cursor = 0
    base = 0
    for raw in text.split("\n"):
        runs = [(base + m.start(), m.group()) for m in _VISIBLE.finditer(raw)]
        # Not on the page: trafilatura's list bullet and table pipes, and the gaps
        # from this line's start up to and including its newline.
        end = base + len(raw)
        unknown = gaps[bisect.bisect_left(gaps, base) : bisect.bisect_right(gaps, end)]
        unknown += [base + i for i, char in enumerate(raw) if char == "|"]
        if raw.startswith("- ") and runs and runs[0][1] == "-":
            unknown.append(runs.pop(0)[0])
        base += len(raw) + 1
        matches, cursor = _match_line(visible, runs, cursor)
        offsets = [start + i for start, run in runs for i in range(len(run))]
        events = [
            (o, stream.locate(m) if m >= 0 else None) for o, m in zip(offsets, matches, strict=True)
        ]
        events += [(offset, None) for offset in unknown]
        for offset, where in sorted(events, key=lambda event: event[0]):
            _anchor(anchors, offset, where)
    return tuple(anchors) or ((0, 1, 0),)


def _match_line(visible: str, runs: list[tuple[int, str]], cursor: int) -> tuple[list[int], int]:
    """Stream positions of a line's visible characters (-1: not found), and the new cursor."""
    key = "".join(run for _, run in runs)
    if not key:
        return [], cursor
    found = _find(visible, key, cursor)
    if found >= 0:
        return list(range(found, found + len(key))), found + len(key)
    matches = [-1] * len(key)
    done = 0
    found = _find(visible, key[:_PREFIX], cursor)
    if found >= 0:
        done = min(_PREFIX, len(key))
        matches[:done] = range(found, found + done)
        cursor = found + done
    for piece_start, piece in _pieces(runs, done):
        hit = visible.find(piece, cursor, cursor + _WINDOW + len(piece))
        if hit >= 0:
            matches[piece_start : piece_start + len(piece)] = range(hit, hit + len(piece))
            cursor = hit + len(piece)
    return matches, cursor


def _pieces(runs: list[tuple[int, str]], done: int) -> list[tuple[int, str]]:
    """The words of a line as (index in the line's key, text), from key index `done` on."""
    pieces = []
    index = 0
    for _, run in runs:
        end = index + len(run)
        if end > done:
            start = max(index, done)
            pieces.append((start, run[start - index :]))
        index = end
    return pieces


def _anchor(
    anchors: list[tuple[int, int, int]], offset: int, where: tuple[int, int] | None
) -> None:
    """Record that `offset` is at `where` (None: unknown), unless the last anchor implies it."""
    if not anchors:
        anchors.append((offset, *(where or (1, 0))))
        return
    start, line, column = anchors[-1]
    if where is None:
        if column:
            anchors.append((offset, line, 0))
    elif where != (line, column + offset - start if column else -1):
        anchors.append((offset, *where))


def blank_code_blocks(text: str) -> str:
    """Markdown with fenced and indented code blocks blanked, so their numbers are not claims.

    Every character of a code block (fences included) becomes a space; newlines
    stay, so offsets, lines and columns are the file's. Tables and everything else
    are kept. Follows CommonMark closely enough for articles: an unclosed fence runs
    to the end; indented code cannot interrupt a paragraph and, inside a list item,
    is indented four columns past the item's text.
    """
    out: list[str] = []
    fence: tuple[str, int] | None = None
    list_indent = 0
    after_paragraph = in_code = after_blank = False
    for line in text.split("\n"):
        body = line.rstrip("\r")
        indent = _indent(body)
        if fence is not None:
            stripped = body.strip()
            if stripped.startswith(fence[0] * fence[1]) and not stripped.strip(fence[0]):
                fence = None
            out.append(_NOT_NEWLINE.sub(" ", line))
            continue
        opening = _FENCE.fullmatch(body)
        if opening and len(opening.group(1)) <= list_indent + 3:
            mark = opening.group(2)
            if not (mark[0] == "`" and "`" in opening.group(3)):
                fence = (mark[0], len(mark))
                out.append(_NOT_NEWLINE.sub(" ", line))
                after_paragraph = in_code = after_blank = False
                continue
        if not body.strip():
            out.append(line)
            after_paragraph, after_blank = False, True
            continue
        if indent >= list_indent + 4 and (in_code or not after_paragraph):
            out.append(_NOT_NEWLINE.sub(" ", line))
            in_code, after_blank = True, False
            continue
        item = _LIST_ITEM.match(body)
        if item:
            marker = body[: item.end()].expandtabs(4)
            # the item's text starts after the marker; an empty item's text goes 2 further in
            list_indent = len(marker) if body[item.end() :].strip() else indent + 2
        elif after_blank and indent < list_indent:
            list_indent = 0
        after_paragraph = not _HEADING.match(body)
        in_code = after_blank = False
        out.append(line)
    return "\n".join(out)


def _indent(line: str) -> int:
    """Columns of leading whitespace, tabs stopping at multiples of four."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width
