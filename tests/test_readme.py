"""The README's examples are real output of the current code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_examples_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_examples.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_has_the_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/claimcheck compare seeds/" in text
    assert "pip install -e '.[test]' && .venv/bin/python -m pytest" in text


def test_readme_picture_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_svg.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
