"""Fetching http(s) inputs, against a local server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from claimcheck.extract import extract_all
from claimcheck.fetch import MAX_FETCH_BYTES, USER_AGENT, Page, fetch, is_url, url_key
from claimcheck.lexicon import load_lexicon
from claimcheck.models import LoadProblem
from claimcheck.sources import load_corpus

FIXTURES = Path(__file__).parent / "fixtures"
LEDGER = (FIXTURES / "html" / "circuit-ledger-nimbus-2.html").read_bytes()
WIRE = (FIXTURES / "html" / "pacific-wire-nimbus-2.html").read_bytes()
NOTES = (FIXTURES / "markdown" / "nimbus-2-developer-notes.md").read_bytes()
SLOW_SECONDS = 1.0


class Handler(BaseHTTPRequestHandler):
    """Routes for each case; counts requests and records User-Agents on the server."""

    protocol_version = "HTTP/1.0"
    hits: ClassVar[Counter[str]] = Counter()
    agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""

    def send(self, status: int, body: bytes, content_type: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client hangs up on oversized bodies
            self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.hits[self.path] += 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path.startswith("/article"):
            self.send(200, LEDGER, "text/html")
        elif self.path == "/wire":
            self.send(200, WIRE, "text/html; charset=windows-1252")
        elif self.path == "/notes.md":
            self.send(200, NOTES, "text/plain; charset=utf-8")
        elif self.path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf")
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.send(200, LEDGER, "text/html")
        elif self.path == "/huge-declared":
            self.send(200, b"<html>", "text/html", length=MAX_FETCH_BYTES + 1)
        elif self.path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the body runs until the connection closes
            chunk = b"<p>" + b"x" * (1024 * 1024) + b"</p>\n"
            with contextlib.suppress(OSError):
                for _ in range(11):
                    self.wfile.write(chunk)
        else:
            self.send(404, b"<h1>Not found</h1>", "text/html")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _reset_counts() -> None:
    Handler.hits.clear()
    Handler.agents.clear()


def test_article_is_fetched_extracted_and_mapped_to_page_lines(server: str) -> None:
    url = f"{server}/article"
    corpus = load_corpus([url])
    assert corpus.problems == ()
    (source,) = corpus.sources
    assert source.path == url
    assert source.title == "Stratus Labs unveils Nimbus-2, its largest model yet"
    claims = extract_all([source], load_lexicon())
    page = LEDGER.decode("utf-8")
    line = page[: page.index("Nimbus-2 has 70 billion")].count("\n") + 1
    assert [(c.quote, c.line) for c in claims[:2]] == [("70 billion", line), ("128K", line)]
    assert "10 best laptops" not in source.text
    assert Handler.agents == [USER_AGENT]
    assert USER_AGENT.startswith("claimcheck/")


def test_same_url_given_twice_is_fetched_once(server: str) -> None:
    url = f"{server}/article"
    corpus = load_corpus([url, url, f"{url}#comments", url.upper().replace("/ARTICLE", "/article")])
    assert [s.path for s in corpus.sources] == [url]
    assert Handler.hits["/article"] == 1


def test_http_charset_header_decodes_the_page(server: str) -> None:
    (source,) = load_corpus([f"{server}/wire"]).sources
    assert source.encoding == "cp1252"
    assert "Stratus Labs’ new flagship" in source.text


def test_plain_text_url_ending_in_md_is_read_as_markdown(server: str) -> None:
    (source,) = load_corpus([f"{server}/notes.md"]).sources
    assert "max_tokens" not in source.text
    assert "61.4%" in source.text


def test_failed_fetches_are_one_line_warnings_and_the_rest_loads(
    server: str, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("MAI-Thinking-1 has 35B parameters.\n", encoding="utf-8")
    urls = [f"{server}/missing", f"{server}/report.pdf", f"{server}/huge-declared"]
    corpus = load_corpus([*urls, str(article)])
    assert [s.path for s in corpus.sources] == [str(article)]
    assert corpus.problems == (
        LoadProblem(urls[0], "HTTP 404", fatal=False),
        LoadProblem(urls[1], "not a text page (application/pdf)", fatal=False),
        LoadProblem(urls[2], "larger than 10 MiB", fatal=False),
    )


def test_slow_response_times_out(server: str) -> None:
    started = time.monotonic()
    corpus = load_corpus([f"{server}/slow"], fetch_timeout=0.2)
    assert corpus.sources == ()
    assert corpus.problems == (LoadProblem(f"{server}/slow", "timed out after 0.2 s", fatal=False),)
    assert time.monotonic() - started < SLOW_SECONDS


def test_oversized_body_without_length_is_cut_off(server: str) -> None:
    assert fetch(f"{server}/huge-streamed") == "larger than 10 MiB"
    assert fetch(f"{server}/article", max_bytes=1000) == "larger than 1000 bytes"
    page = fetch(f"{server}/article", max_bytes=len(LEDGER))
    assert isinstance(page, Page)
    assert page.data == LEDGER
    assert page.media_type == "text/html"


def test_connection_refused_is_a_one_line_reason() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    reason = fetch(f"http://127.0.0.1:{port}/", timeout=2)
    assert isinstance(reason, str)
    assert "refused" in reason
    assert "\n" not in reason


def test_url_helpers() -> None:
    assert is_url("https://example.com/a")
    assert is_url("HTTP://example.com")
    assert not is_url("example.com/a.html")
    assert not is_url("http.html")
    assert url_key("HTTPS://Example.COM/a?b=1#c") == "https://example.com/a?b=1"
    assert url_key("https://example.com") == "https://example.com/"
