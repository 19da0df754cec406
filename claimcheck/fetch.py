"""Fetch an article over http(s): one GET with a deadline, a size cap and our own User-Agent."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from claimcheck import __version__

FETCH_TIMEOUT = 15.0
MAX_FETCH_BYTES = 10 * 1024 * 1024
USER_AGENT = f"claimcheck/{__version__} (numeric claim checker; reads one page per URL given)"
_ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Page:
    """A fetched response body with what its headers say about it."""

    url: str
    data: bytes
    media_type: str
    charset: str | None


def is_url(arg: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    return arg[:8].lower().startswith(("http://", "https://"))


def url_key(url: str) -> str:
    """The resource a URL names, for fetching each once: no fragment, lower-case host."""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def fetch(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_FETCH_BYTES
) -> Page | str:
    """GET `url`; the page, or a one-line reason it could not be had. Never raises."""
    too_big = f"larger than {_size(max_bytes)}"
    timed_out = f"timed out after {timeout:g} s"
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        url.strip(), headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > max_bytes:
                return too_big
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    return timed_out
                chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    return too_big
            return Page(
                response.geturl(),
                b"".join(chunks),
                response.headers.get_content_type().lower(),
                response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as error:
        error.close()
        return f"HTTP {error.code}"
    except TimeoutError:
        return timed_out
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return timed_out
        return _one_line(error.reason)
    except (http.client.HTTPException, OSError, ValueError) as error:
        return _one_line(error)


def _size(count: int) -> str:
    """A byte count as people write it: "10 MiB", else "1000 bytes"."""
    mib = 1024 * 1024
    return f"{count // mib} MiB" if count % mib == 0 else f"{count} bytes"


def _one_line(reason: object) -> str:
    """An exception or reason as one lower-case line."""
    if isinstance(reason, OSError) and reason.strerror:
        text = reason.strerror
    else:
        text = str(reason) or type(reason).__name__
    return " ".join(text.split()).lower() or "fetch failed"
