"""Turn command-line inputs (files, folders, globs, "-", URLs) into decoded Sources.

Plain text is kept as written; Markdown has its code blocks blanked and HTML is
reduced to its article text (both in claimcheck.htmltext). Lines and columns
always refer to the input as it is on disk or on the web.
"""

from __future__ import annotations

import codecs
import fnmatch
import glob
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import replace

from pathspec import GitIgnoreSpec

from claimcheck.fetch import FETCH_TIMEOUT, Page, fetch, is_url, url_key
from claimcheck.htmltext import blank_code_blocks, extract_article
from claimcheck.models import Corpus, LoadProblem, Source

HTML_SUFFIXES = frozenset({".html", ".htm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
ARTICLE_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES | HTML_SUFFIXES
MAX_BYTES = 50 * 1024 * 1024
STDIN_PATH = "<stdin>"
_SNIFF_BYTES = 8192
_GLOB_CHARS = frozenset("*?[")
_BINARY = "binary file skipped"
_EMPTY = "empty file skipped"
_TOO_BIG = "file larger than 50 MiB skipped"
_UNDECODABLE = "cannot decode text (tried utf-8 and detection); use --encoding"
_NO_ARTICLE = "no article text found in the HTML"
_NO_FILES = "no .txt, .md or .html files found"
_ALL_LEFT_OUT = "no .txt, .md or .html files left after --exclude and .gitignore"
_DECLARED = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)"
    rb"|<\?xml[^>]*?encoding\s*=\s*[\"']([a-z0-9_.:-]+)",
    re.IGNORECASE,
)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
# WHATWG: these labels mean windows-1252, and a page cannot declare UTF-16 in a <meta>.
_DECLARED_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


def load_corpus(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    stdin_text: str | bytes | None = None,
    stdin_name: str = STDIN_PATH,
    exclude: Sequence[str] = (),
    gitignore: bool = True,
    fetch_timeout: float = FETCH_TIMEOUT,
) -> Corpus:
    """Load every article named by `paths`; bad input becomes LoadProblems, never exceptions.

    `exclude` holds fnmatch patterns that drop a file when they match its displayed
    path or any run of its path components ("drafts", "*.htm", "news/old"). Folders
    skip hidden names and, inside a git work tree, what .gitignore files ignore.
    URLs are fetched once each; `-` reads `stdin_text`, shown as `stdin_name`.
    """
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            return Corpus((), (LoadProblem("--encoding", f"unknown encoding {encoding!r}"),))
    patterns = tuple(p.rstrip("/") for p in exclude if p.rstrip("/"))
    results: list[Source | LoadProblem] = []
    seen: set[str] = set()
    for arg in paths:
        if arg == "-" or is_url(arg):
            key = "-" if arg == "-" else url_key(arg)
            if key not in seen:
                seen.add(key)
                stdin = arg == "-"
                results.append(
                    _stdin(stdin_text, stdin_name, encoding)
                    if stdin
                    else _url(arg, encoding, fetch_timeout)
                )
            continue
        for item in _expand(arg, patterns, gitignore):
            if isinstance(item, LoadProblem):
                results.append(item)
            elif (key := os.path.realpath(item)) not in seen:
                seen.add(key)
                results.append(_read(item, _display(item), encoding))
    sources = sorted((r for r in results if isinstance(r, Source)), key=lambda s: s.path)
    return Corpus(tuple(sources), tuple(r for r in results if isinstance(r, LoadProblem)))


def _display(path: str) -> str:
    """The path as the user would recognise it: normalised, POSIX separators, never absolutised."""
    return os.path.normpath(path).replace(os.sep, "/")


def _kind(name: str) -> str:
    """The format of a file from its name's suffix: "html", "markdown" or "text"."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    """Whether an fnmatch pattern matches the displayed path or a run of its components."""
    if not patterns:
        return False
    parts = [p for p in path.split("/") if p not in ("", ".")]
    runs = {path} | {
        "/".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
    }
    return any(fnmatch.fnmatchcase(run, pattern) for pattern in patterns for run in runs)


def _expand(arg: str, patterns: Sequence[str], gitignore: bool) -> Iterator[str | LoadProblem]:
    """Yield the files named by one command-line argument, or the problem with it."""
    if os.path.isdir(arg):
        yield from _walk(arg, patterns, gitignore)
    elif os.path.exists(arg):
        if not _excluded(_display(arg), patterns):
            yield arg
    elif _GLOB_CHARS.intersection(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield LoadProblem(arg, "no files match")
        kept = [m for m in matches if not _excluded(_display(m), patterns)]
        if matches and not kept:
            yield LoadProblem(arg, _ALL_LEFT_OUT, fatal=False)
        for match in kept:
            yield from _walk(match, patterns, gitignore) if os.path.isdir(match) else iter([match])
    else:
        yield LoadProblem(_display(arg), "no such file or directory")


def _walk(folder: str, patterns: Sequence[str], gitignore: bool) -> Iterator[str | LoadProblem]:
    """Yield article files under `folder` in sorted order, skipping hidden, excluded, ignored."""
    rules = _GitIgnore.for_folder(folder) if gitignore else None
    errors: list[OSError] = []
    found = kept = False
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        visible = [d for d in sorted(dirs) if not d.startswith(".")]
        dirs[:] = [
            d
            for d in visible
            if not _excluded(_display(os.path.join(root, d)), patterns)
            and not (rules and rules.ignored(os.path.join(root, d), is_dir=True))
        ]
        found = found or len(dirs) < len(visible)
        for name in sorted(files):
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            found = True
            path = os.path.join(root, name)
            if _excluded(_display(path), patterns) or (rules and rules.ignored(path)):
                continue
            kept = True
            yield path
    for error in errors:
        yield LoadProblem(_display(str(error.filename)), _reason(error), fatal=False)
    if not found:
        yield LoadProblem(_display(folder), _NO_FILES)
    elif not kept:
        yield LoadProblem(_display(folder), _ALL_LEFT_OUT, fatal=False)


class _GitIgnore:
    """The .gitignore rules that apply inside one git work tree, read as they are needed.

    pathspec reads the files, so this works where git is not installed and gives the
    same answer on every machine: only the repository's .gitignore files count, not
    .git/info/exclude or a user's global excludes file.
    """

    def __init__(self, top: str) -> None:
        self.top = top
        self.specs: dict[str, GitIgnoreSpec | None] = {}

    @staticmethod
    def for_folder(folder: str) -> _GitIgnore | None:
        """Rules for walking `folder`; None outside a work tree, or if git ignores `folder`."""
        here = os.path.abspath(folder)
        top = here
        while not os.path.exists(os.path.join(top, ".git")):
            parent = os.path.dirname(top)
            if parent == top:
                return None
            top = parent
        rules = _GitIgnore(top)
        # A folder named on the command line is read even if git ignores it.
        return None if here != top and rules.ignored(here, is_dir=True) else rules

    def ignored(self, path: str, *, is_dir: bool = False) -> bool:
        """Whether git would ignore `path`: the deepest .gitignore with a matching rule decides."""
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        while True:
            spec = self._spec(folder)
            if spec is not None:
                relative = os.path.relpath(path, folder).replace(os.sep, "/")
                verdict = spec.check_file(relative + "/" if is_dir else relative).include
                if verdict is not None:
                    return verdict
            if folder == self.top or os.path.dirname(folder) == folder:
                return False
            folder = os.path.dirname(folder)

    def _spec(self, folder: str) -> GitIgnoreSpec | None:
        """The rules of `folder`'s .gitignore; None if it has none or it cannot be read."""
        if folder not in self.specs:
            try:
                with open(os.path.join(folder, ".gitignore"), "rb") as handle:
                    lines = handle.read(MAX_BYTES).decode("utf-8", "replace").splitlines()
                self.specs[folder] = GitIgnoreSpec.from_lines(lines)
            except (OSError, ValueError):
                self.specs[folder] = None
        return self.specs[folder]


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
    return _build(display, data, _kind(path), encoding)


def _stdin(data: str | bytes | None, name: str, encoding: str | None) -> Source | LoadProblem:
    """Standard input as a Source; its format comes from `name`'s suffix, else from a sniff."""
    kind = _kind(name)
    if kind == "text":
        head = data[:_SNIFF_BYTES].decode("latin-1") if isinstance(data, bytes) else (data or "")
        kind = "html" if _HTML_START.match(head[:_SNIFF_BYTES]) else "text"
    if isinstance(data, bytes):
        return _build(name, data, kind, encoding)
    return _build(name, (data or "").removeprefix("\ufeff"), kind, encoding)


def _url(url: str, encoding: str | None, timeout: float) -> Source | LoadProblem:
    """Fetch a page and build its Source, shown as the URL given."""
    page = fetch(url, timeout=timeout)
    if isinstance(page, str):
        return LoadProblem(url, page, fatal=False)
    kind = _page_kind(page)
    if kind is None:
        return LoadProblem(url, f"not a text page ({page.media_type})", fatal=False)
    return _build(url, page.data, kind, encoding, page.charset)


def _page_kind(page: Page) -> str | None:
    """How to read a fetched body: its media type, else the URL's suffix, else a sniff."""
    media = page.media_type
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if media.startswith("text/") and media != "text/plain":
        return "text"
    if _HTML_START.match(page.data[:_SNIFF_BYTES].decode("latin-1")):
        return "html"
    if media == "text/plain":
        return _kind(page.url.split("?", 1)[0].split("#", 1)[0])
    return None if media not in ("", "application/octet-stream") else "text"


def _build(
    display: str, data: str | bytes, kind: str, encoding: str | None, charset: str | None = None
) -> Source | LoadProblem:
    """Decode `data` if need be, then make the Source its kind calls for, or say why not."""
    if isinstance(data, bytes):
        declared = charset or (_declared(data) if kind == "html" else None)
        decoded = _decode(data, encoding, declared)
        if isinstance(decoded, str):
            return LoadProblem(display, decoded, fatal=False)
        text, name = decoded
    else:
        text, name = data, "utf-8"
    if not text.strip():
        return LoadProblem(display, _EMPTY, fatal=False)
    if len(text) > MAX_BYTES:
        return LoadProblem(display, _TOO_BIG, fatal=False)
    if kind == "html":
        article = extract_article(text)
        if article is None:
            return LoadProblem(display, _NO_ARTICLE, fatal=False)
        source = Source.from_text(display, article.text, name)
        return replace(source, title=article.title, line_map=article.line_map)
    if kind == "markdown":
        source = Source.from_text(display, blank_code_blocks(text), name)
        return replace(source, title=source.title.strip("#").strip())
    return Source.from_text(display, text, name)


def _declared(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> (or XML declaration) near its top."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else _DECLARED_ALIASES.get(name, name)


def _decode(
    data: bytes, encoding: str | None, declared: str | None = None
) -> tuple[str, str] | str:
    """(text, encoding name) for `data`, or the reason it cannot be read as text.

    Order: a forced `encoding`; a byte-order mark; the `declared` charset (HTTP
    header or HTML <meta>); UTF-8; charset-normalizer's detection.
    """
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
        if declared is not None and not looks_binary:
            try:
                return data.decode(declared), codecs.lookup(declared).name
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration is common; fall back to UTF-8 and detection
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
