"""Report files: atomic writes (a temp file beside the target, then os.replace), never an input."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable


def same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (symlinks and hard links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def is_input(target: str, inputs: Iterable[str]) -> bool:
    """Whether `target` is one of `inputs` (paths as given or as loaded)."""
    return any(same_file(target, path) for path in inputs)


def _mode_for(path: str) -> int:
    """The existing file's permissions, or what a new file would get under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: str, text: str) -> None:
    """Write `text` (UTF-8, newlines as given) to `path` so readers see the old or the new file."""
    target = os.path.realpath(path)  # write through a symlink, not over it
    folder = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def append_text(path: str, text: str) -> None:
    """Append `text` (UTF-8) to `path`, creating it if needed (for $GITHUB_STEP_SUMMARY)."""
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write(text)
