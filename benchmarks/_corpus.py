"""Helpers shared by the benchmarks: where the data is, test-case tables, a synthetic corpus."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CASES = REPO / "tests" / "cases"

# Paragraph breaks in the seed articles: one or more blank lines, or a single newline.
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
# A number that is not glued to a word: "53", "256,000", "4" of "4.6" (not the "1" of "MAI-1").
_NUMBER = re.compile(r"(?<![\w\-.,])\d+(?![\w])")
# The launch's own model names ("MAI-Thinking-1", "MAI-Code-1-Flash"), renamed per launch.
_LAUNCH_MODEL = re.compile(r"\b(MAI-[A-Z][A-Za-z]*-)1\b")


def default_shared() -> Path:
    """The shared folder beside the repository (../shared from the repo root)."""
    return REPO.parent / "shared"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The `cases` list of one tests/cases/*.yaml table (read only, never copied)."""
    with open(CASES / name, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def seed_texts() -> list[str]:
    """The seed articles, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _vary_number(match: re.Match[str], rng: random.Random, rate: float) -> str:
    """Change the last digit of a number now and then, so sources disagree as real ones do."""
    digits = match.group()
    if rng.random() >= rate:
        return digits
    return digits[:-1] + str(rng.randrange(10))


def build_corpus(
    count: int, *, seed: int = 20260602, per_launch: int = 25, vary: float = 0.25
) -> list[str]:
    """`count` seed-sized articles, the same for the same arguments (nothing is written).

    Article i is seed article i mod 5 with its body paragraphs shuffled, three to eight
    test-case sentences (tests/cases/extract.yaml) inserted as paragraphs, a share `vary`
    of its numbers changed in the last digit, and the launch's model names renamed for
    launch i // per_launch ("MAI-Thinking-1" -> "MAI-Thinking-7"), so a big corpus covers
    many launches, each reported by `per_launch` articles, as a newsroom archive would.
    """
    rng = random.Random(seed)
    seeds = [[p for p in _PARAGRAPH.split(text) if p.strip()] for text in seed_texts()]
    sentences = [str(case["text"]) for case in load_cases("extract.yaml")]
    articles = []
    for i in range(count):
        title, *body = seeds[i % len(seeds)]
        rng.shuffle(body)
        for _ in range(rng.randint(3, 8)):
            body.insert(rng.randrange(len(body) + 1), rng.choice(sentences))
        text = "\n\n".join([title, *body]) + "\n"
        text = _NUMBER.sub(lambda m: _vary_number(m, rng, vary), text)
        launch = i // per_launch if per_launch > 0 else 0
        text = _LAUNCH_MODEL.sub(lambda m, k=launch: f"{m.group(1)}{k + 1}", text)
        articles.append(text)
    return articles
