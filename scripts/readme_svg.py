"""Regenerate docs/compare-seeds.svg: the real `claimcheck compare seeds/` table, as an SVG.

Usage: python scripts/readme_svg.py [--check]

Run from anywhere; paths in the picture read seeds/..., as the CLI prints them.
With --check, exit 1 if the committed SVG is out of date instead of rewriting it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from claimcheck.extract import extract_all
from claimcheck.lexicon import load_lexicon
from claimcheck.reconcile import reconcile
from claimcheck.report.common import summarize
from claimcheck.report.terminal import render_compare_svg
from claimcheck.sources import load_corpus

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "docs" / "compare-seeds.svg"
WIDTH = 100


def render() -> str:
    """The SVG of `claimcheck compare seeds/` at 100 columns, built from the pipeline."""
    previous = Path.cwd()
    os.chdir(REPO)
    try:
        corpus = load_corpus(["seeds/"])
        lexicon = load_lexicon()
        claims = extract_all(corpus.sources, lexicon)
        findings = reconcile(claims, lexicon)
    finally:
        os.chdir(previous)
    summary = summarize(findings, len(corpus.sources), len(claims))
    return render_compare_svg(
        findings, summary, show_all=False, width=WIDTH, title="claimcheck compare seeds/"
    )


def main() -> int:
    """Rewrite (or, with --check, verify) docs/compare-seeds.svg."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the SVG is out of date")
    args = parser.parse_args()
    svg = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != svg:
            print(f"{TARGET.relative_to(REPO)} is out of date; run scripts/readme_svg.py")
            return 1
        print(f"{TARGET.relative_to(REPO)} is up to date")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(svg, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)} ({len(svg)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
