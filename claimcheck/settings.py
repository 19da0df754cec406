"""Configuration: `[tool.claimcheck]` in pyproject.toml or claimcheck.yaml, found upward.

Precedence, highest first: a command-line flag; the file named by --config or the
CLAIMCHECK_CONFIG variable; the nearest claimcheck.yaml or pyproject.toml with a
[tool.claimcheck] table, looking in the working directory and then its parents;
the built-in default. `claimcheck config` prints each setting with where it came from.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process

from claimcheck.yamlcheck import ClaimsFileError, read_yaml

ENV_VAR = "CLAIMCHECK_CONFIG"
YAML_NAME = "claimcheck.yaml"

# Each setting, its built-in default and what kind of value it takes.
DEFAULTS: Mapping[str, object] = {
    "format": "table",
    "fail_on": "conflict",
    "min_severity": "info",
    "color": "auto",
    "encoding": None,
    "exclude": [],
    "gitignore": True,
    "jobs": "1",
    "facts": "claims",
    "baseline": None,
}
CHOICES: Mapping[str, tuple[str, ...]] = {
    "format": ("table", "json", "markdown", "csv", "jsonl", "github", "sarif", "html"),
    "fail_on": ("conflict", "rounding", "approximate", "single-source", "never"),
    "min_severity": ("error", "warning", "info", "ok"),
    "color": ("auto", "always", "never"),
}


@dataclass(frozen=True)
class Settings:
    """The effective settings and, for each, where it came from."""

    values: Mapping[str, object]
    origins: Mapping[str, str]
    file: str = ""
    problems: tuple[str, ...] = field(default=())

    def get(self, key: str) -> object:
        """The effective value of one setting."""
        return self.values[key]


def _check(table: Mapping[str, object], where: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in DEFAULTS:
            spelled = [k.replace("_", "-") for k in DEFAULTS]  # as the README writes them
            guess = process.extractOne(key.replace("_", "-"), spelled, score_cutoff=60)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            raise ClaimsFileError(f"{where}: unknown setting '{key}'{hint}")
        if name in CHOICES and str(value) not in CHOICES[name]:
            raise ClaimsFileError(
                f"{where}: {key} must be one of {', '.join(CHOICES[name])}, not '{value}'"
            )
        if name == "exclude" and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            raise ClaimsFileError(f"{where}: exclude must be a list of patterns")
        if name == "gitignore" and not isinstance(value, bool):
            raise ClaimsFileError(f"{where}: gitignore must be true or false")
        out[name] = value if name in ("exclude", "gitignore") else str(value)
    return out


def _read(path: Path) -> dict[str, object] | None:
    """The settings a file holds; None for a pyproject.toml without [tool.claimcheck]."""
    shown = path.as_posix()
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ClaimsFileError(f"{shown}: {exc}") from exc
        table = data.get("tool", {}).get("claimcheck")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ClaimsFileError(f"{shown}: [tool.claimcheck] must be a table")
        return _check(table, f"{shown}: [tool.claimcheck]")
    root = read_yaml(path)
    fields = root.mapping("settings", [*(k.replace("_", "-") for k in DEFAULTS), *DEFAULTS])
    values = {
        k: (v.value if v.pairs is None and not isinstance(v.value, list) else None)
        for k, v in fields.items()
    }
    for key, node in fields.items():
        if isinstance(node.value, list):
            values[key] = node.texts(key)
    return _check(values, shown)


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def find_config(start: Path, explicit: str | None) -> Path | None:
    """The configuration file in force: --config, $CLAIMCHECK_CONFIG, or the nearest one."""
    named = explicit or os.environ.get(ENV_VAR)
    if named:
        path = Path(named)
        if not path.is_file():
            raise ClaimsFileError(f"{named}: no such configuration file")
        return path
    for folder in (start, *start.parents):
        for name in (YAML_NAME, "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == YAML_NAME or _read(candidate) is not None):
                return candidate
    return None


def load_settings(
    flags: Mapping[str, object],
    *,
    start: Path | None = None,
    explicit: str | None = None,
    isolated: bool = False,
) -> Settings:
    """Merge flags (None = not given) over the configuration file over the defaults."""
    path = None if isolated else find_config(start or Path.cwd(), explicit)
    from_file = (_read(path) or {}) if path else {}
    values: dict[str, object] = {}
    origins: dict[str, str] = {}
    for key, default in DEFAULTS.items():
        flag = flags.get(key)
        if flag is not None and flag != [] and flag != ():
            values[key], origins[key] = flag, "command line"
        elif key in from_file:
            values[key], origins[key] = from_file[key], _shown(path) if path else ""
        else:
            values[key], origins[key] = default, "default"
    return Settings(values, origins, _shown(path) if path else "")


def describe(settings: Settings) -> str:
    """The settings as `claimcheck config` prints them: one per line, with their origin."""
    lines = [f"# configuration file: {settings.file or 'none found'}"]
    width = max(len(k) for k in settings.values)
    for key, value in settings.values.items():
        if isinstance(value, bool):
            shown = "true" if value else "false"
        elif isinstance(value, list):
            shown = ", ".join(value) or "none"
        else:
            shown = "none" if value is None else str(value)
        lines.append(f"{key.replace('_', '-'):<{width}}  {shown}  ({settings.origins[key]})")
    return "\n".join(lines) + "\n"
