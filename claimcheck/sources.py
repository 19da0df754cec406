"""Turn command-line paths (files, folders, globs, "-") into decoded Sources."""

from __future__ import annotations

import codecs
import glob
import os
import stat
from collections.abc import Iterator, Sequence

from claimcheck.models import Corpus, LoadProblem, Source

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
MAX_BYTES = 50 * 1024 * 1024
STDIN_PATH = "<stdin>"
_SNIFF_BYTES = 8192
_GLOB_CHARS = frozenset("*?[")
_BINARY = "binary file skipped"
_EMPTY = "empty file skipped"
_TOO_BIG = "file larger than 50 MiB skipped"
_UNDECODABLE = "cannot decode text (tried utf-8 and detection); use --encoding"


def load_corpus(
    paths: Sequence[str], *, encoding: str | None = None, stdin_text: str | None = None
) -> Corpus:
    """Load every article named by `paths`; bad input becomes LoadProblems, never exceptions."""
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            return Corpus((), (LoadProblem("--encoding", f"unknown encoding {encoding!r}"),))
    sources: list[Source] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    for arg in paths:
        items: Iterator[str | LoadProblem] = iter(["-"]) if arg == "-" else _expand(arg)
        for item in items:
            if isinstance(item, LoadProblem):
                problems.append(item)
                continue
            key = STDIN_PATH if item == "-" else os.path.realpath(item)
            if key in seen:
                continue
            seen.add(key)
            if item == "-":
                result = _from_text(STDIN_PATH, (stdin_text or "").removeprefix("\ufeff"), "utf-8")
            else:
                result = _read(item, _display(item), encoding)
            if isinstance(result, Source):
                sources.append(result)
            else:
                problems.append(result)
    return Corpus(tuple(sorted(sources, key=lambda s: s.path)), tuple(problems))


def _display(path: str) -> str:
    """The path as the user would recognise it: normalised, POSIX separators, never absolutised."""
    return os.path.normpath(path).replace(os.sep, "/")


def _expand(arg: str) -> Iterator[str | LoadProblem]:
    """Yield the files named by one command-line argument, or the problem with it."""
    if os.path.isdir(arg):
        yield from _walk(arg)
    elif os.path.exists(arg):
        yield arg
    elif _GLOB_CHARS.intersection(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield LoadProblem(arg, "no files match")
        for match in matches:
            yield from _walk(match) if os.path.isdir(match) else iter([match])
    else:
        yield LoadProblem(_display(arg), "no such file or directory")


def _walk(folder: str) -> Iterator[str | LoadProblem]:
    """Yield article files under `folder` in sorted order, skipping hidden names."""
    errors: list[OSError] = []
    found = False
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            found = True
            yield os.path.join(root, name)
    for error in errors:
        yield LoadProblem(_display(str(error.filename)), _reason(error), fatal=False)
    if not found:
        yield LoadProblem(_display(folder), "no .txt or .md files found")


def _reason(error: OSError) -> str:
    """An OSError as a one-line lower-case message."""
    return (error.strerror or str(error)).lower()


def _read(path: str, display: str, encoding: str | None) -> Source | LoadProblem:
    """Read and decode one file without modifying it."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
                return LoadProblem(display, _TOO_BIG, fatal=False)
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return LoadProblem(display, _reason(error), fatal=False)
    if len(data) > MAX_BYTES:
        return LoadProblem(display, _TOO_BIG, fatal=False)
    decoded = _decode(data, encoding)
    if isinstance(decoded, str):
        return LoadProblem(display, decoded, fatal=False)
    return _from_text(display, *decoded)


def _from_text(display: str, text: str, encoding: str) -> Source | LoadProblem:
    """Build a Source, or report the text as empty or enormous."""
    if not text.strip():
        return LoadProblem(display, _EMPTY, fatal=False)
    if len(text) > MAX_BYTES:
        return LoadProblem(display, _TOO_BIG, fatal=False)
    return Source.from_text(display, text, encoding)


def _decode(data: bytes, encoding: str | None) -> tuple[str, str] | str:
    """(text, encoding name) for `data`, or the reason it cannot be read as text."""
    looks_binary = b"\0" in data[:_SNIFF_BYTES]
    if encoding is not None:
        if looks_binary and not encoding.startswith(("utf-16", "utf-32")):
            return _BINARY
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError:
            return f"cannot decode text as {encoding}"
    if data.startswith(codecs.BOM_UTF8):
        data, name = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        codecs.BOM_UTF32_LE
    ):
        try:
            return data.decode("utf-16").removeprefix("\ufeff"), "utf-16"
        except UnicodeDecodeError:
            return _UNDECODABLE
    else:
        name = "utf-8"
    if looks_binary:
        return _BINARY
    try:
        return data.decode("utf-8"), name
    except UnicodeDecodeError:
        pass
    try:
        import charset_normalizer
    except ImportError:
        return _UNDECODABLE
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return _UNDECODABLE
    # Western text often ties cp1250/cp1252/cp1257 and best() takes the first; prefer cp1252.
    score = (best.chaos, best.coherence)
    best = next(
        (m for m in matches if m.encoding == "cp1252" and (m.chaos, m.coherence) == score), best
    )
    return str(best), best.encoding
