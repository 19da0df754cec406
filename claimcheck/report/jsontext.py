"""JSON text that parses back to the exact strings and is safe to print on a terminal."""

from __future__ import annotations

import json
import re

# json.dumps(ensure_ascii=False) escapes C0 controls (ESC becomes \u001b) but leaves DEL,
# C1 controls (the 8-bit CSI \x9b), bidi overrides and the line separators U+2028/U+2029
# raw; the latter split "lines" for str.splitlines and many JSONL readers. They can only
# occur inside strings, where \u-escaping keeps the parsed text exact.
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(document: object, *, indent: int | None = 2) -> str:
    """`document` as JSON (no trailing newline): indented, or one compact line if indent is None."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        document, indent=indent, separators=separators, ensure_ascii=False, allow_nan=False
    )
    return _RAW_UNSAFE.sub(_escape, text)
