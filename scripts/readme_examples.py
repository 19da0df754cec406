"""Regenerate (or, with --check, verify) the README's example output from the real CLI.

A README block to fill is marked by an HTML comment holding a transcript:

    <!-- transcript
    $ claimcheck compare seeds/
    keep: 17
    -->
    ```
    ...output...
    ```

Each `$` line runs (with `claimcheck` meaning this checkout's `python -m claimcheck`,
stdout and stderr merged, width 100, no colour). `keep: N` keeps the first N lines of a
command's output and marks the cut with "…". With --check the script exits 1 when the
README differs from what the code prints now; tests/test_readme.py runs that check.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- transcript\n(?P<script>.*?)-->\n```\n)(?P<body>.*?)(```)", re.DOTALL)


def _run(command: str) -> tuple[str, int]:
    """The merged output and exit code of one shell-free command, as a person sees them."""
    args = shlex.split(command)
    if args[0] == "claimcheck":
        args = [sys.executable, "-m", "claimcheck", *args[1:]]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "CLAIMCHECK_CONFIG": ""}
    done = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    return done.stdout + done.stderr, done.returncode


def render(script: str) -> str:
    """The transcript text for one block."""
    lines: list[str] = []
    keep: int | None = None
    pending: list[str] = []
    for raw in script.splitlines():
        if raw.startswith("keep:"):
            keep = int(raw.split(":", 1)[1])
        elif raw.startswith("$ "):
            pending.append(raw[2:])
    for command in pending:
        text, code = _run(command)
        output = text.splitlines()
        if len(pending) > 1:
            lines.append(f"$ {command}")
        if keep is not None and len(output) > keep:
            output = [*output[:keep], "…"]
        lines.extend(line.rstrip() for line in output)
        if code:
            lines.append(f"(exit {code})")
    return "\n".join(lines) + "\n"


def regenerate(text: str) -> str:
    """The README with every transcript block filled from the current code."""
    return BLOCK.sub(lambda m: m.group(1) + render(m.group("script")) + m.group(4), text)


def main() -> int:
    """Rewrite README.md, or with --check report whether it is stale."""
    current = README.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if "--check" in sys.argv:
        if fresh != current:
            print("README.md examples are stale: run python scripts/readme_examples.py")
            return 1
        return 0
    if fresh != current:
        tmp = README.with_suffix(".md.tmp")
        tmp.write_text(fresh, encoding="utf-8")
        os.replace(tmp, README)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
