"""Tests for the load stage: claimcheck.sources.load_corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.models import LoadProblem
from claimcheck.sources import load_corpus

ARTICLE = "MAI-Thinking-1 launches\nIt has 35B parameters.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(path: str, content: str | bytes) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", newline="")
    return target


def test_folder_walk_is_recursive_filtered_sorted_and_skips_hidden() -> None:
    write("news/b.txt", ARTICLE)
    write("news/a.md", ARTICLE)
    write("news/sub/c.MARKDOWN", ARTICLE)
    write("news/sub/d.text", ARTICLE)
    write("news/image.png", b"\x89PNG")
    write("news/notes.html", "<p>x</p>")
    write("news/.hidden.txt", ARTICLE)
    write("news/.git/e.txt", ARTICLE)
    for arg in ("news", "news/"):
        corpus = load_corpus([arg])
        assert [s.path for s in corpus.sources] == [
            "news/a.md",
            "news/b.txt",
            "news/sub/c.MARKDOWN",
            "news/sub/d.text",
        ]
        assert corpus.problems == ()


def test_source_fields() -> None:
    write("a.txt", ARTICLE)
    (source,) = load_corpus(["a.txt"]).sources
    assert source.text == ARTICLE
    assert source.title == "MAI-Thinking-1 launches"
    assert source.encoding == "utf-8"


def test_explicit_file_of_any_suffix_is_read() -> None:
    write("article.html", ARTICLE)
    write(".hidden", ARTICLE)
    corpus = load_corpus(["article.html", ".hidden"])
    assert [s.path for s in corpus.sources] == [".hidden", "article.html"]
    assert corpus.problems == ()


def test_absolute_path_stays_absolute_relative_stays_relative(tmp_path: Path) -> None:
    write("dir/a.txt", ARTICLE)
    absolute = str(tmp_path / "dir")
    assert [s.path for s in load_corpus([absolute]).sources] == [f"{absolute}/a.txt"]
    assert [s.path for s in load_corpus(["./dir"]).sources] == ["dir/a.txt"]


def test_glob_expands_sorted_and_recursive() -> None:
    write("g/z.txt", ARTICLE)
    write("g/a.txt", ARTICLE)
    write("g/deep/m.txt", ARTICLE)
    write("g/skip.md", ARTICLE)
    corpus = load_corpus(["g/*.txt"])
    assert [s.path for s in corpus.sources] == ["g/a.txt", "g/z.txt"]
    corpus = load_corpus(["g/**/*.txt"])
    assert [s.path for s in corpus.sources] == ["g/a.txt", "g/deep/m.txt", "g/z.txt"]


def test_glob_matching_nothing_is_fatal() -> None:
    corpus = load_corpus(["nothing/*.txt"])
    assert corpus.sources == ()
    assert corpus.problems == (LoadProblem("nothing/*.txt", "no files match", fatal=True),)


def test_stdin() -> None:
    write("a.txt", ARTICLE)
    corpus = load_corpus(["-", "a.txt", "-"], stdin_text="From stdin\n40% faster\n")
    assert [s.path for s in corpus.sources] == ["<stdin>", "a.txt"]
    assert corpus.sources[0].text == "From stdin\n40% faster\n"
    assert corpus.sources[0].title == "From stdin"


def test_empty_stdin_is_a_warning() -> None:
    corpus = load_corpus(["-"], stdin_text="  \n")
    assert corpus.sources == ()
    assert corpus.problems == (LoadProblem("<stdin>", "empty file skipped", fatal=False),)


def test_missing_path_is_fatal_and_rest_still_loads() -> None:
    write("a.txt", ARTICLE)
    corpus = load_corpus(["missing.txt", "a.txt"])
    assert [s.path for s in corpus.sources] == ["a.txt"]
    assert corpus.problems == (LoadProblem("missing.txt", "no such file or directory", True),)


def test_folder_without_articles_is_fatal() -> None:
    Path("empty").mkdir()
    write("other/picture.png", b"\x89PNG")
    write("other/.secret.txt", ARTICLE)
    corpus = load_corpus(["empty", "other"])
    assert corpus.sources == ()
    assert corpus.problems == (
        LoadProblem("empty", "no .txt or .md files found", fatal=True),
        LoadProblem("other", "no .txt or .md files found", fatal=True),
    )


def test_empty_and_whitespace_files_are_skipped_with_warning() -> None:
    write("d/empty.txt", b"")
    write("d/blank.txt", " \r\n\t\n")
    write("d/real.txt", ARTICLE)
    corpus = load_corpus(["d"])
    assert [s.path for s in corpus.sources] == ["d/real.txt"]
    assert corpus.problems == (
        LoadProblem("d/blank.txt", "empty file skipped", fatal=False),
        LoadProblem("d/empty.txt", "empty file skipped", fatal=False),
    )


def test_binary_file_warns_and_rest_still_loads() -> None:
    write("d/a.txt", ARTICLE)
    write("d/b.txt", b"GIF89a\x00\x01\x02\xff\xfe" * 10)
    write("d/c.txt", ARTICLE)
    corpus = load_corpus(["d"])
    assert [s.path for s in corpus.sources] == ["d/a.txt", "d/c.txt"]
    assert corpus.problems == (LoadProblem("d/b.txt", "binary file skipped", fatal=False),)


def test_latin1_file_decoded_through_detection() -> None:
    pytest.importorskip("charset_normalizer")
    text = (
        "Le modèle coûte 13 milliards de dollars, soit à peu près le double "
        "de l'année dernière. « Très impressionnant », déclare l'équipe à Zürich.\n"
    ) * 3
    write("fr.txt", text.encode("cp1252"))
    corpus = load_corpus(["fr.txt"])
    assert corpus.problems == ()
    (source,) = corpus.sources
    assert source.text == text
    assert source.encoding == "cp1252"


def test_cp1252_smart_quotes_decoded_through_detection() -> None:
    pytest.importorskip("charset_normalizer")
    text = (
        "Microsoft’s new model — MAI-Thinking-1 — scored 97.0% on AIME 2025. "
        "“It cost roughly €13 billion,” a spokesperson said in Zürich.\r\n"
    ) * 2
    write("en.txt", text.encode("cp1252"))
    corpus = load_corpus(["en.txt"])
    assert corpus.problems == ()
    (source,) = corpus.sources
    assert source.text == text
    assert source.encoding != "utf-8"


def test_undecodable_without_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    write("fr.txt", "Caf\xe9 r\xe9sum\xe9\n".encode("latin-1"))
    corpus = load_corpus(["fr.txt"])
    assert corpus.sources == ()
    assert corpus.problems == (
        LoadProblem(
            "fr.txt",
            "cannot decode text (tried utf-8 and detection); use --encoding",
            fatal=False,
        ),
    )


def test_forced_encoding() -> None:
    write("fr.txt", "Caf\xe9 \u20ac13\n".encode("cp1252"))
    (source,) = load_corpus(["fr.txt"], encoding="windows-1252").sources
    assert source.text == "Caf\xe9 \u20ac13\n"
    assert source.encoding == "cp1252"


def test_forced_encoding_that_fails_is_a_warning() -> None:
    write("fr.txt", "Caf\xe9\n".encode("latin-1"))
    corpus = load_corpus(["fr.txt"], encoding="utf-8")
    assert corpus.sources == ()
    assert corpus.problems == (LoadProblem("fr.txt", "cannot decode text as utf-8", False),)


def test_unknown_forced_encoding_is_fatal() -> None:
    write("a.txt", ARTICLE)
    corpus = load_corpus(["a.txt"], encoding="no-such-codec")
    assert corpus.sources == ()
    assert len(corpus.problems) == 1
    assert corpus.problems[0].fatal


def test_utf8_bom_is_stripped() -> None:
    write("bom.txt", b"\xef\xbb\xbfTitle\nbody 5%\n")
    (source,) = load_corpus(["bom.txt"]).sources
    assert source.text == "Title\nbody 5%\n"
    assert source.title == "Title"


def test_utf16_with_bom_is_not_called_binary() -> None:
    write("u16.txt", "Title\nbody 5%\n".encode("utf-16"))
    (source,) = load_corpus(["u16.txt"]).sources
    assert source.text == "Title\nbody 5%\n"


def test_crlf_kept_and_positions_refer_to_original_lines() -> None:
    raw = b"Headline\r\n\r\nFirst para 10%.\r\nSecond line has 35B params.\r\n"
    write("crlf.txt", raw)
    (source,) = load_corpus(["crlf.txt"]).sources
    assert source.text.encode("utf-8") == raw
    offset = source.text.index("35B")
    assert source.position(offset) == (4, 17)
    assert source.position(source.text.index("10%")) == (3, 12)


def test_input_files_unchanged() -> None:
    files = {
        "d/a.txt": ARTICLE.encode(),
        "d/bom.txt": b"\xef\xbb\xbfx 5%\r\n",
        "d/bin.txt": b"\x00\x01",
        "d/empty.md": b"",
        "d/latin.txt": "caf\xe9 12%\n".encode("latin-1"),
    }
    for name, data in files.items():
        write(name, data)
        os.utime(name, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = {name: (Path(name).read_bytes(), os.stat(name).st_mtime_ns) for name in files}
    load_corpus(["d", "d/a.txt", "d/*.txt"])
    after = {name: (Path(name).read_bytes(), os.stat(name).st_mtime_ns) for name in files}
    assert after == before
    assert sorted(os.listdir("d")) == sorted(Path(n).name for n in files)


def test_duplicates_loaded_once() -> None:
    write("d/a.txt", ARTICLE)
    write("d/b.txt", ARTICLE)
    os.symlink("d/a.txt", "link.txt")
    corpus = load_corpus(["d", "d/a.txt", "./d/a.txt", "d/*.txt", "link.txt"])
    assert [s.path for s in corpus.sources] == ["d/a.txt", "d/b.txt"]
    assert corpus.problems == ()


def test_oversized_file_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.sources as sources

    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    write("big.txt", "x" * 11)
    write("small.txt", "y" * 10)
    corpus = load_corpus(["big.txt", "small.txt"])
    assert [s.path for s in corpus.sources] == ["small.txt"]
    assert corpus.problems == (
        LoadProblem("big.txt", "file larger than 50 MiB skipped", fatal=False),
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs non-root POSIX")
def test_unreadable_file_is_a_warning() -> None:
    write("locked.txt", ARTICLE).chmod(0)
    write("ok.txt", ARTICLE)
    corpus = load_corpus(["locked.txt", "ok.txt"])
    assert [s.path for s in corpus.sources] == ["ok.txt"]
    assert corpus.problems == (LoadProblem("locked.txt", "permission denied", fatal=False),)


def test_oserror_becomes_lower_case_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    import claimcheck.sources as sources

    def fake_open(path: str, mode: str = "r") -> object:
        if path == "locked.txt":
            raise PermissionError(13, "Permission denied", path)
        return builtins.open(path, mode)

    monkeypatch.setattr(sources, "open", fake_open, raising=False)
    write("locked.txt", ARTICLE)
    write("ok.txt", ARTICLE)
    corpus = load_corpus(["locked.txt", "ok.txt"])
    assert [s.path for s in corpus.sources] == ["ok.txt"]
    assert corpus.problems == (LoadProblem("locked.txt", "permission denied", fatal=False),)
