"""Tests for the load stage: claimcheck.sources.load_corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.htmltext import blank_code_blocks
from claimcheck.models import LoadProblem
from claimcheck.sources import load_corpus

ARTICLE = "MAI-Thinking-1 launches\nIt has 35B parameters.\n"
PAGE = (
    "<!DOCTYPE html><html><head><title>Launch</title></head><body>\n"
    "<nav><a href='/'>Home</a> <a href='/deals'>40% off</a></nav>\n"
    "<article><h1>MAI-Thinking-1 launches</h1>\n"
    "<p>Microsoft said on Tuesday that MAI-Thinking-1 has 35B active parameters and a\n"
    "256K context window, and that it is available to developers from today.</p>\n"
    "</article>\n<footer>&copy; 2026 Example News</footer></body></html>\n"
)


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
    write("news/sub/e.HTM", PAGE)
    write("news/page.html", PAGE)
    write("news/image.png", b"\x89PNG")
    write("news/notes.rst", ARTICLE)
    write("news/.hidden.txt", ARTICLE)
    write("news/.git/e.txt", ARTICLE)
    for arg in ("news", "news/"):
        corpus = load_corpus([arg])
        assert [s.path for s in corpus.sources] == [
            "news/a.md",
            "news/b.txt",
            "news/page.html",
            "news/sub/c.MARKDOWN",
            "news/sub/d.text",
            "news/sub/e.HTM",
        ]
        assert corpus.problems == ()


def test_source_fields() -> None:
    write("a.txt", ARTICLE)
    (source,) = load_corpus(["a.txt"]).sources
    assert source.text == ARTICLE
    assert source.title == "MAI-Thinking-1 launches"
    assert source.encoding == "utf-8"


def test_explicit_file_of_any_suffix_is_read_as_text() -> None:
    write("article.rst", ARTICLE)
    write(".hidden", ARTICLE)
    corpus = load_corpus(["article.rst", ".hidden"])
    assert [s.path for s in corpus.sources] == [".hidden", "article.rst"]
    assert [s.text for s in corpus.sources] == [ARTICLE, ARTICLE]
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
        LoadProblem("empty", "no .txt, .md or .html files found", fatal=True),
        LoadProblem("other", "no .txt, .md or .html files found", fatal=True),
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


# --- stdin ------------------------------------------------------------------------------


def test_stdin_name_is_the_path_shown() -> None:
    corpus = load_corpus(["-"], stdin_text=ARTICLE, stdin_name="draft.txt")
    assert [s.path for s in corpus.sources] == ["draft.txt"]


def test_stdin_bytes_are_decoded_like_a_file() -> None:
    (source,) = load_corpus(["-"], stdin_text=b"\xef\xbb\xbfTitle\nbody 5%\n").sources
    assert source.text == "Title\nbody 5%\n"
    (source,) = load_corpus(
        ["-"], stdin_text="Caf\xe9 \u20ac13\n".encode("cp1252"), encoding="cp1252"
    ).sources
    assert source.text == "Caf\xe9 \u20ac13\n"


def test_stdin_html_by_name_or_by_sniffing() -> None:
    for name in ("page.html", "<stdin>"):
        (source,) = load_corpus(["-"], stdin_text=PAGE, stdin_name=name).sources
        assert "35B active parameters" in source.text
        assert "40% off" not in source.text
        assert source.position(source.text.index("256K")) == (5, 1)


def test_stdin_markdown_by_name() -> None:
    text = "Intro 5%\n\n```\nx = 40\n```\n"
    (source,) = load_corpus(["-"], stdin_text=text, stdin_name="notes.md").sources
    assert "40" not in source.text
    (source,) = load_corpus(["-"], stdin_text=text).sources
    assert source.text == text


# --- exclude ----------------------------------------------------------------------------


def test_exclude_matches_path_components_and_runs() -> None:
    for name in ("a.md", "b.txt", "drafts/c.md", "old/news/d.md", "old/e.md", "page.html"):
        write(f"news/{name}", PAGE if name.endswith(".html") else ARTICLE)
    cases = {
        "drafts": [
            "news/a.md",
            "news/b.txt",
            "news/old/e.md",
            "news/old/news/d.md",
            "news/page.html",
        ],
        "*.md": ["news/b.txt", "news/page.html"],
        "news/old/*": ["news/a.md", "news/b.txt", "news/drafts/c.md", "news/page.html"],
        "old/news": [
            "news/a.md",
            "news/b.txt",
            "news/drafts/c.md",
            "news/old/e.md",
            "news/page.html",
        ],
        "b.txt": [
            "news/a.md",
            "news/drafts/c.md",
            "news/old/e.md",
            "news/old/news/d.md",
            "news/page.html",
        ],
        "drafts/": [
            "news/a.md",
            "news/b.txt",
            "news/old/e.md",
            "news/old/news/d.md",
            "news/page.html",
        ],
    }
    for pattern, expected in cases.items():
        corpus = load_corpus(["news"], exclude=[pattern])
        assert [s.path for s in corpus.sources] == expected, pattern
        assert corpus.problems == ()


def test_exclude_applies_to_named_files_and_globs() -> None:
    write("a.txt", ARTICLE)
    write("b-draft.txt", ARTICLE)
    corpus = load_corpus(["a.txt", "b-draft.txt", "*.txt"], exclude=["*-draft.*"])
    assert [s.path for s in corpus.sources] == ["a.txt"]
    assert corpus.problems == ()


def test_everything_excluded_is_a_warning_not_no_files() -> None:
    write("d/x.txt", ARTICLE)
    write("g/y.txt", ARTICLE)
    corpus = load_corpus(["d", "g/*.txt"], exclude=["x.txt", "y.txt"])
    assert corpus.sources == ()
    message = "no .txt, .md or .html files left after --exclude and .gitignore"
    assert corpus.problems == (
        LoadProblem("d", message, fatal=False),
        LoadProblem("g/*.txt", message, fatal=False),
    )
    write("e/sub/z.txt", ARTICLE)
    assert load_corpus(["e"], exclude=["sub"]).problems == (LoadProblem("e", message, False),)


# --- .gitignore -------------------------------------------------------------------------


def make_repo() -> None:
    """A work tree (a .git folder is all the loader looks for) with nested .gitignore files."""
    Path("repo/.git").mkdir(parents=True)
    write("repo/.gitignore", "drafts/\n*.tmp.md\n!keep.tmp.md\n/top-only.txt\n")
    write("repo/news/.gitignore", "local.txt\n!/re-included.md\n")
    for name in (
        "news/a.md",
        "news/b.tmp.md",
        "news/keep.tmp.md",
        "news/local.txt",
        "news/drafts/c.md",
        "news/top-only.txt",
        "news/re-included.md",
        "top-only.txt",
        "drafts/d.md",
        "notes.md",
    ):
        write(f"repo/{name}", ARTICLE)


def test_gitignore_rules_from_repo_root_down_are_honoured() -> None:
    make_repo()
    expected = [
        "repo/news/a.md",
        "repo/news/keep.tmp.md",
        "repo/news/re-included.md",
        "repo/news/top-only.txt",
        "repo/notes.md",
    ]
    assert [s.path for s in load_corpus(["repo"]).sources] == expected
    corpus = load_corpus(["repo/news"])
    assert [s.path for s in corpus.sources] == [p for p in expected if "/news/" in p]
    assert corpus.problems == ()


def test_gitignore_can_be_turned_off_and_never_filters_named_paths() -> None:
    make_repo()
    assert len(load_corpus(["repo"], gitignore=False).sources) == 10
    named = load_corpus(["repo/news/local.txt", "repo/drafts"])
    assert [s.path for s in named.sources] == ["repo/drafts/d.md", "repo/news/local.txt"]


def test_gitignore_outside_a_work_tree_is_ignored() -> None:
    write("plain/.gitignore", "*.md\n")
    write("plain/a.md", ARTICLE)
    assert [s.path for s in load_corpus(["plain"]).sources] == ["plain/a.md"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to compare with")
def test_gitignore_agrees_with_git_check_ignore(tmp_path: Path) -> None:
    make_repo()
    shutil.rmtree("repo/.git")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "repo"], check=True, env=env)
    files = sorted(
        str(p.relative_to("repo"))
        for p in Path("repo").rglob("*")
        if p.is_file() and ".git" not in p.parts and p.name != ".gitignore"
    )
    result = subprocess.run(
        ["git", "check-ignore", "--stdin"],
        cwd="repo",
        input="\n".join(files),
        capture_output=True,
        text=True,
        env=env,
    )
    git_ignored = set(result.stdout.split())
    loaded = {s.path.removeprefix("repo/") for s in load_corpus(["repo"]).sources}
    assert loaded == set(files) - git_ignored


# --- Markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("Intro\n\n```python\nx = 40\n```\nAfter 5%\n", ["Intro", "After 5%"]),
        ("Intro\n\n~~~~\n```\n40\n~~~~\nAfter 5%\n", ["Intro", "After 5%"]),
        ("Intro\n````\n```\n40\n````\nAfter\n", ["Intro", "After"]),
        ("Unclosed\n```\n40\n\n50\n", ["Unclosed"]),
        ("Para\n\n    code 40\n\n    more 50\nPara 5%\n", ["Para", "Para 5%"]),
        ("\tcode 40\nText\n", ["Text"]),
        ("A paragraph\n    continued lazily 40\n", ["A paragraph", "continued lazily 40"]),
        ("# Head\n    code 40\n", ["# Head"]),
        (
            "- item 5%\n\n    item paragraph 40\n\n      item code 50\n",
            ["- item 5%", "item paragraph 40"],
        ),
        ("1. item\n\n   para 40\nText 5%\n", ["1. item", "para 40", "Text 5%"]),
        ("``` not a fence ` 40\n", ["``` not a fence ` 40"]),
        (
            "| Spec | 2 |\n|---|---|\n| Context | 128K |\n",
            ["| Spec | 2 |", "|---|---|", "| Context | 128K |"],
        ),
    ],
)
def test_markdown_code_blocks_are_blanked(markdown: str, kept: list[str]) -> None:
    blanked = blank_code_blocks(markdown)
    assert len(blanked) == len(markdown)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(markdown) if c == "\n"
    ]
    assert [line.strip() for line in blanked.split("\n") if line.strip()] == kept


def test_markdown_source_keeps_file_lines_and_crlf() -> None:
    raw = "# Notes\r\n\r\n```\r\nmax_tokens = 4096\r\n```\r\nIt has 35B parameters.\r\n"
    write("notes.md", raw.encode())
    (source,) = load_corpus(["notes.md"]).sources
    assert source.title == "Notes"
    assert "4096" not in source.text
    assert source.text.count("\r\n") == raw.count("\r\n")
    assert source.position(source.text.index("35B")) == (6, 8)
    assert Path("notes.md").read_bytes() == raw.encode()


# --- HTML decoding ----------------------------------------------------------------------


def html_page(charset_tag: str, body: str) -> str:
    return (
        f"<html><head>{charset_tag}<title>T</title></head><body><article>"
        f"<p>{body}</p></article></body></html>\n"
    )


FRENCH = "Le modèle coûte 13 milliards d’euros ; « très impressionnant », dit l’équipe à Zürich."


@pytest.mark.parametrize(
    "tag",
    [
        '<meta charset="windows-1252">',
        "<meta charset=iso-8859-1>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_html_meta_charset_is_honoured(tag: str) -> None:
    write("fr.html", html_page(tag, FRENCH).encode("cp1252"))
    (source,) = load_corpus(["fr.html"]).sources
    assert source.encoding == "cp1252"
    assert FRENCH in source.text


def test_html_xml_declaration_is_honoured() -> None:
    page = '<?xml version="1.0" encoding="iso-8859-15"?>\n' + html_page("", "Prix : 5 €")
    write("x.html", page.encode("iso-8859-15"))
    (source,) = load_corpus(["x.html"]).sources
    assert "Prix : 5 €" in source.text


def test_html_wrong_declaration_falls_back_to_utf8_and_detection() -> None:
    write("u.html", html_page('<meta charset="utf-8">', FRENCH).encode("cp1252"))
    (source,) = load_corpus(["u.html"]).sources
    assert FRENCH in source.text
    write("v.html", html_page('<meta charset="no-such-codec">', FRENCH).encode("utf-8"))
    (source,) = load_corpus(["v.html"]).sources
    assert FRENCH in source.text


def test_forced_encoding_beats_meta_charset() -> None:
    write("f.html", html_page('<meta charset="windows-1252">', FRENCH).encode("utf-8"))
    (source,) = load_corpus(["f.html"], encoding="utf-8").sources
    assert source.encoding == "utf-8"
    assert FRENCH in source.text


def test_html_without_article_text_is_a_warning() -> None:
    write("empty.html", "<html><body><script>var launched = 2026;</script></body></html>")
    write("a.txt", ARTICLE)
    corpus = load_corpus(["empty.html", "a.txt"])
    assert [s.path for s in corpus.sources] == ["a.txt"]
    assert corpus.problems == (
        LoadProblem("empty.html", "no article text found in the HTML", fatal=False),
    )


def test_undecodable_html_names_the_file() -> None:
    write("bin.html", b"<html>\x00\x01\x02" * 20)
    corpus = load_corpus(["bin.html"])
    assert corpus.problems == (LoadProblem("bin.html", "binary file skipped", fatal=False),)


@given(st.text(alphabet=st.sampled_from(list("`~ \t\n\r-*1.#|ab4")), max_size=200))
def test_blanking_keeps_length_and_newlines(markdown: str) -> None:
    blanked = blank_code_blocks(markdown)
    assert len(blanked) == len(markdown)
    for before, after in zip(markdown, blanked, strict=True):
        assert after == before or (after == " " and before not in "\r\n")
