"""Read editorial YAML with line numbers, so every error names the file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import process

from claimcheck.lexicon import VocabularyLoader


class ClaimsFileError(ValueError):
    """A claims/ file is malformed; str() is 'path:line: message'."""


@dataclass(frozen=True)
class Node:
    """A YAML value with where it was written."""

    value: object
    path: str
    line: int
    pairs: tuple[tuple[Node, Node], ...] | None = None

    def fail(self, message: str) -> ClaimsFileError:
        """An error pointing at this value."""
        return ClaimsFileError(f"{self.path}:{self.line}: {message}")

    def mapping(self, what: str, allowed: Iterable[str]) -> dict[str, Node]:
        """This value as a mapping of known keys; an unknown key gets a 'did you mean'."""
        if self.pairs is None:
            raise self.fail(f"{what} must be a mapping")
        known = list(allowed)
        out: dict[str, Node] = {}
        for key, child in self.pairs:
            if not isinstance(key.value, str):
                raise self.fail(f"{what}: keys must be text")
            if key.value not in known:
                guess = process.extractOne(key.value, known, score_cutoff=60)
                hint = f" (did you mean '{guess[0]}'?)" if guess else ""
                raise key.fail(f"{what}: unknown field '{key.value}'{hint}")
            if key.value in out:
                raise key.fail(f"{what}: field '{key.value}' given twice")
            out[key.value] = child
        return out

    def text(self, what: str) -> str:
        """This value as non-empty text (numbers and dates are taken as written)."""
        if self.pairs is not None or isinstance(self.value, list) or self.value in (None, ""):
            raise self.fail(f"{what} must be text")
        return str(self.value)

    def items(self, what: str) -> list[Node]:
        """This value as a list."""
        if not isinstance(self.value, list):
            raise self.fail(f"{what} must be a list")
        return [item for item in self.value if isinstance(item, Node)]

    def texts(self, what: str) -> list[str]:
        """This value as a list of text."""
        return [item.text(what) for item in self.items(what)]


def _convert(node: yaml.Node, path: str, loader: VocabularyLoader) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        pairs = tuple((_convert(k, path, loader), _convert(v, path, loader)) for k, v in node.value)
        return Node(None, path, line, pairs)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(v, path, loader) for v in node.value], path, line)
    return Node(loader.construct_object(node), path, line)


def read_yaml(path: Path) -> Node:
    """Parse one YAML file into Nodes; malformed YAML raises ClaimsFileError with its line."""
    shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ClaimsFileError(f"{shown}: {(exc.strerror or str(exc)).lower()}") from exc
    except UnicodeDecodeError as exc:
        raise ClaimsFileError(f"{shown}: not UTF-8 text ({exc.reason})") from exc
    loader = VocabularyLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ClaimsFileError(f"{shown}:{line}: malformed YAML: {problem}") from exc
    finally:
        loader.dispose()
    if root is None:
        raise ClaimsFileError(f"{shown}:1: empty file")
    return _convert(root, shown, VocabularyLoader(""))
