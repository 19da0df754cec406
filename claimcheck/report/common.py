"""Helpers shared by every renderer: escaping, human figures, counts and JSON numbers."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from claimcheck import patterns as P
from claimcheck.models import Bound, Claim, Finding, Quantity, Verdict

# Newlines, tabs and CRLF pairs, with any spaces around them, become one space.
_LINE_BREAKS = re.compile(r" *(?:\r\n|[\n\t])(?:\r\n|[\n\t ])*")
# C0 controls, DEL, C1 controls (ESC, CSI \x9b, BEL, lone CR...) and the bidi and
# line-separator characters that can reorder or split what a terminal shows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_TIGHT_UNITS = frozenset({"%", "x"})
_BOUND_PREFIX = {Bound.GT: ">", Bound.GE: "≥", Bound.LT: "<", Bound.LE: "≤"}
_SIG = 4


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def sanitize(text: str) -> str:
    """Make untrusted article text safe to show: one line, every control character visible."""
    return _UNSAFE.sub(_escape, _LINE_BREAKS.sub(" ", text))


def _fixed(x: float, decimals: int, commas: bool) -> str:
    """Fixed-point text with trailing zeros (and a bare point) removed."""
    text = f"{x:,.{decimals}f}" if commas else f"{x:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _sig_decimals(x: float) -> int:
    """Decimal places that keep up to four significant digits (never fewer than zero)."""
    if x == 0:
        return 0
    return max(0, _SIG - 1 - math.floor(math.log10(abs(x))))


def _plain(x: float) -> str:
    """A figure below 10^6 without suffix: the integer part kept whole, with thousands commas."""
    return _fixed(x, _sig_decimals(x), commas=True)


def _compact(x: float) -> tuple[str, float, str]:
    """Compact digits for a finite non-negative magnitude, the factor they count in, and
    its suffix: ("4,096", 1, ""), ("128", 1e3, "K"), ("1.235", 1e6, "M")."""
    if x < 1e4:
        return _plain(x), 1.0, ""
    rounded = float(f"{x:.{_SIG}g}")
    if x < 1e6 and not math.isclose(rounded, x, rel_tol=1e-9):
        return _plain(x), 1.0, ""  # 32,768 reads better whole than as 32.77K
    factor, suffix = next((f, s) for f, s in _SUFFIXES if rounded >= f)
    scaled = rounded / factor
    return _fixed(scaled, _sig_decimals(scaled), commas=True), factor, suffix


def _written_decimals(surface: str) -> int:
    """Decimal places a figure was written with: "$2.50" -> 2, "41.0%" -> 1, "1,200" -> 0."""
    digits = P.DIGITS.search(surface)
    if digits is None or digits.group().count(".") != 1:
        return 0
    return len(digits.group().split(".")[1])


def _padded(digits: str, factor: float, x: float, precision: float, written: int) -> str:
    """`digits` with the trailing zeros the written figure had ("2.5" -> "2.50" for "$2.50"),
    as far as its precision reaches at this factor, and only when `digits` is exact."""
    if precision <= 0 or written <= 0:
        return digits
    wanted = min(written, round(-math.log10(2 * precision / factor)))
    whole, _, decimals = digits.partition(".")
    if wanted <= len(decimals):
        return digits
    if not math.isclose(float(digits.replace(",", "")) * factor, x, rel_tol=1e-9):
        return digits  # rounded for display: zeros would claim digits it does not show
    return f"{whole}.{decimals.ljust(wanted, '0')}"


def _number(x: float, precision: float = 0.0, written: int = 0) -> str:
    """Compact text for a non-negative magnitude: 4,096 / 128K / 70B / 1.235M; with the
    figure's precision and written decimals, the zeros it was written with: 2.50, 41.0."""
    if math.isnan(x):
        return "?"
    if math.isinf(x):
        return "∞"
    digits, factor, suffix = _compact(x)
    return _padded(digits, factor, x, precision, written) + suffix


def _with_unit(magnitude: str, unit: str, negative: bool = False) -> str:
    sign = "-" if negative else ""
    if unit in _CURRENCY:
        return f"{sign}{_CURRENCY[unit]}{magnitude}"
    if unit in _TIGHT_UNITS or not unit:
        return f"{sign}{magnitude}{unit}"
    return f"{sign}{magnitude} {unit}"


def _range_ends(q: Quantity) -> tuple[float, float]:
    """A range's ends as written: its interval without the written precision either side."""
    return q.strict_low + q.precision, q.strict_high - q.precision


def excerpt_parts(claim: Claim, width: int) -> tuple[str, str, str] | None:
    """About `width` characters of the claim's sentence around its quote, as (before,
    quote, after), cut at word boundaries with "…"; None when the quote is not in it."""
    quote, sentence = claim.quote, claim.sentence
    at = claim.quote_at
    if at < 0:
        return None
    before, after = sentence[:at], sentence[at + len(quote) :]
    room = max(0, width - len(quote))
    left = max(room // 2, room - len(after))
    right = max(room - left, room - len(before))
    if len(before) > left:
        before = before[len(before) - left :]
        space = before.find(" ")
        before = "…" + (before[space + 1 :] if 0 <= space < len(before) - 1 else before)
    if len(after) > right:
        after = after[:right]
        space = after.rfind(" ")
        after = (after[:space] if space > 0 else after) + "…"
    return before.lstrip(), quote, after.rstrip()


def human_value(q: Quantity) -> str:
    """Compact figure with its unit and bound, as precise as written: "~35B parameters",
    "≥15T tokens", "$13B", "$2.50", "41.0%", "35B–37B parameters" (a range as written)."""
    written = _written_decimals(q.surface)
    if q.bound is Bound.RANGE and math.isfinite(q.strict_low) and math.isfinite(q.strict_high):
        ends = _range_ends(q)
        low, high = (_number(abs(e), q.precision, written) for e in ends)
        low = f"-{low}" if ends[0] < 0 else low
        high = f"-{high}" if ends[1] < 0 else high
        body = _with_unit(f"{low}–{high}", q.unit)
        return f"~{body}" if q.approx else body
    magnitude = _number(abs(q.value), q.precision, written)
    body = _with_unit(magnitude, q.unit, negative=q.value < 0)
    if q.bound in _BOUND_PREFIX:
        return _BOUND_PREFIX[q.bound] + body
    return f"~{body}" if q.approx or q.bound is Bound.APPROX else body


def summarize(findings: Iterable[Finding], n_sources: int, n_claims: int) -> dict[str, object]:
    """Run counts: sources, claims, findings, and findings per verdict (the five of
    `compare` always, in order; not-on-sheet only when `check` produced some)."""
    verdicts = {v.value: 0 for v in Verdict if v is not Verdict.UNLISTED}
    total = 0
    for finding in findings:
        verdicts[finding.verdict.value] = verdicts.get(finding.verdict.value, 0) + 1
        total += 1
    return {"sources": n_sources, "claims": n_claims, "findings": total, "verdicts": verdicts}


def json_number(x: float) -> int | float | None:
    """A JSON-ready number: None for inf/nan, int when integral, else 12 significant digits."""
    if not math.isfinite(x):
        return None
    rounded = float(f"{x:.12g}")
    if rounded.is_integer() and abs(rounded) < 2**53:
        return int(rounded)
    return rounded
