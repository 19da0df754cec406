"""Whether two figures are one figure miscopied: the slips reporters make.

Two figures of the same subject and unit are usually two facts ("a 5-second clip", "38
seconds to render"), but two that share their digits are one fact written wrong: a
slipped decimal point or scale ("84 million" against "8.4 million", "2,150" against
"21,500") or two neighbouring digits swapped ("1,240" against "1,420"). Figures of one
significant digit ("8" and "80"), or two-digit swaps ("12" and "21"), are too common
apart to tell anything.
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck.models import Bound, Quantity

_MOST_SHIFT = 3  # a slipped scale: at most a thousandfold ("410,000" and "410 million")


def _digits(value: float) -> tuple[tuple[int, ...], int]:
    """A value's significant digits and the power of ten of its last one (84e6: (8, 4), 6)."""
    _, digits, exponent = Decimal(f"{abs(value):.12g}").normalize().as_tuple()
    if not isinstance(exponent, int):  # not a finite value: no digits to compare
        return (), 0
    return tuple(digits), exponent


def _swapped(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether two digit strings of the same length differ by one swap of neighbours."""
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]] == b[apart[1]]


def slipped(a: Quantity, b: Quantity) -> bool:
    """Whether `a` and `b` are one figure with its decimal point or scale slipped, or two
    neighbouring digits swapped. Only exact, positive figures of two or more significant
    digits (three for a swap) are compared; a hedged figure or a bound is no copy."""
    if a.bound != Bound.EQ or b.bound != Bound.EQ or a.approx or b.approx:
        return False
    if a.value <= 0 or b.value <= 0 or a.value == b.value:
        return False
    (da, ea), (db, eb) = _digits(a.value), _digits(b.value)
    if da == db:
        return len(da) >= 2 and abs(ea - eb) <= _MOST_SHIFT
    return len(da) == len(db) >= 3 and ea == eb and _swapped(da, db)
