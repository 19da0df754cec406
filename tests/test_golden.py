"""Golden files for the seed corpus: `compare` and `extract` JSON, byte for byte.

Refresh with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

GOLDEN = Path(__file__).resolve().parent / "golden"


def _write_atomically(target: Path, text: str) -> None:
    """Write `text` to a temp file beside `target`, then rename it over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; golden files are ordinary checked-in files
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _run(args: list[str], repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(repo_root)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["compare", "seeds/", "--format", "json"], "compare_seeds.json"),
        (["extract", "seeds/", "--format", "json"], "extract_seeds.json"),
    ],
    ids=["compare", "extract"],
)
def test_seed_json_matches_golden(
    args: list[str],
    name: str,
    repo_root: Path,
    update_golden: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = _run(args, repo_root, monkeypatch)
    golden = GOLDEN / name
    if update_golden:
        _write_atomically(golden, output)
        pytest.skip(f"rewrote {golden.relative_to(repo_root)}")
    assert golden.exists(), f"{golden} is missing; run pytest --update-golden"
    expected = golden.read_text(encoding="utf-8")
    assert output == expected


@pytest.mark.parametrize(
    ("extra", "code"),
    [([], 0), (["--fail-on", "conflict"], 0), (["--fail-on", "rounding"], 1)],
    ids=["default", "conflict", "rounding"],
)
def test_seed_exit_codes(
    extra: list[str], code: int, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)
    result = CliRunner().invoke(app, ["compare", "seeds/", "--format", "json", *extra])
    assert result.exit_code == code, result.stderr
