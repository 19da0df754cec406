"""Render the HTML report for seeds/ and photograph it with headless Chromium.

Usage: python scripts/screenshot_html.py [--out /tmp/claimcheck_report.png] [--height 2400]

The PNG goes outside the repository by default; the HTML is written to a temp folder.
Chromium is Debian's package (`apt-get install -y chromium`); the script says so and
exits 2 when it is missing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimcheck.extract import extract_all
from claimcheck.lexicon import load_lexicon
from claimcheck.reconcile import reconcile
from claimcheck.report.common import summarize
from claimcheck.report.html import render_compare_html
from claimcheck.sources import load_corpus

REPO = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def render_seeds(folder: Path) -> str:
    """The HTML report for every article under `folder`, built as `claimcheck compare` builds it."""
    corpus = load_corpus([str(folder)])
    lexicon = load_lexicon()
    claims = extract_all(corpus.sources, lexicon)
    findings = reconcile(claims, lexicon)
    summary = summarize(findings, len(corpus.sources), len(claims))
    return render_compare_html(corpus.sources, findings, summary)


def find_browser() -> str | None:
    """The first Chromium-like executable on PATH, or None."""
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def main() -> int:
    """Write the report to a temp file and screenshot it; 0 on success, 2 on failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/claimcheck_report.png", help="PNG to write")
    parser.add_argument("--seeds", default=str(REPO / "seeds"), help="folder of articles")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args()

    browser = find_browser()
    if browser is None:
        print(
            "screenshot_html: no Chromium found on PATH; install it with "
            "`apt-get update && apt-get install -y chromium` (Debian) and run again.",
            file=sys.stderr,
        )
        return 2
    previous = Path.cwd()
    os.chdir(REPO)  # paths in the report read seeds/..., as the CLI prints them
    try:
        html = render_seeds(Path(os.path.relpath(args.seeds, REPO)))
    finally:
        os.chdir(previous)
    out = Path(args.out).resolve()
    with tempfile.TemporaryDirectory(prefix="claimcheck-shot-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        profile = Path(tmp) / "profile"
        profile.mkdir()
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={args.width},{args.height}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            print("screenshot_html: Chromium did not finish within 120 s", file=sys.stderr)
            return 2
    if done.returncode != 0 or not out.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        print(f"screenshot_html: Chromium failed ({done.returncode}): {' / '.join(tail)}")
        return 2
    print(f"wrote {out} ({out.stat().st_size} bytes) from {len(html)} characters of HTML")
    return 0


if __name__ == "__main__":
    sys.exit(main())
