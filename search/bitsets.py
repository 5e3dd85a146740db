"""Document sets as Python ints: bit ``d`` set means document number ``d``.

Intersections, unions and counts then run in C (``&``, ``|``, ``bit_count``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

_ONE = ord("1")


def from_ids(ids: Iterable[int], size: int) -> int:
    """Build a set from document numbers below ``size``."""
    if size <= 0:
        return 0
    digits = bytearray(b"0") * size
    top = size - 1
    for d in ids:
        digits[top - d] = _ONE
    return int(digits, 2)


def full(size: int) -> int:
    return (1 << size) - 1


def membership(bits: int, size: int) -> str:
    """A string whose character ``d`` is ``"1"`` when ``d`` is in the set."""
    return format(bits, "b")[::-1].ljust(size, "0")


def iter_ids(bits: int) -> Iterator[int]:
    """Document numbers in the set, ascending."""
    if not bits:
        return
    flags = format(bits, "b")[::-1]
    find = flags.find
    d = find("1")
    while d >= 0:
        yield d
        d = find("1", d + 1)


_SELECT = bytes.maketrans(b"01", b"\x00\x01")
_SELECT_OTHERS = bytes.maketrans(b"01", b"\x01\x00")


def selectors(bits: int, size: int, invert: bool = False) -> bytes:
    """One byte per document, 1 when it is in the set (or, inverted, when it
    is not): selectors for ``itertools.compress``."""
    return membership(bits, size).encode("ascii").translate(_SELECT_OTHERS if invert else _SELECT)
