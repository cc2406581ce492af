"""What one text-showing operation of the fast path (content.py) puts on its line: the pieces
of text, the glyph widths minus the TJ adjustments, and the counts the advance needs, from the
font and the operand's bytes alone.

LibreOffice writes the same runs (same subset, same glyph codes, same kerning) in document
after document of a batch, so each font (fonts.py, shared across the documents that embed the
same subset) remembers the runs it has decoded: a run read once is not decoded again. The
memory is bounded per font; a run that cannot be decoded raises Unsupported and is not kept.
"""

from __future__ import annotations

import re

from .fonts import Font, Unsupported
from .tokens import NUMBER, hex_bytes

#: A TJ adjustment beyond -200/1000 em is a word gap: a space on the line.
SPACE_GAP = -200.0
#: Runs remembered per font (a few thousand cover a batch's fixed wording).
_RUNS_PER_FONT = 4096
#: The strict form of a TJ array of hexadecimal strings and numbers (the tokenizer reads the
#: array loosely: its bytes are checked here, once per distinct array).
_HEX_ARRAY = re.compile(rb"(?:\s*(?:<[0-9A-Fa-f\s]*>|" + NUMBER + rb"))*\s*")
_HEX_ITEM = re.compile(rb"<([0-9A-Fa-f\s]*)>|(" + NUMBER + rb")")

#: (pieces of text appended to the line, width units, number of codes, number of 32 codes).
Run = tuple[tuple[str, ...], float, int, int]


def _remember(font: Font, key: bytes, run: Run) -> Run:
    if len(font.runs) < _RUNS_PER_FONT:
        font.runs[key] = run
    return run


def string_run(font: Font, token: bytes) -> Run:
    """Tj with the hexadecimal string ``token`` (``<...>``)."""
    run = font.runs.get(token)
    if run is not None:
        return run
    codes = hex_bytes(token)
    return _remember(font, token, ((font.decode(codes),), font.width(codes), len(codes), codes.count(32)))


def hex_array_run(font: Font, body: bytes) -> Run | None:
    """TJ with an array of hexadecimal strings and numbers (``body``: between the brackets);
    None when a gap comes before the first string (whether it is a space depends on the line:
    ``array_run(font, hex_items(body), before)``)."""
    run = font.runs.get(body)
    if run is not None:
        return run
    if _HEX_ARRAY.fullmatch(body) is None:
        raise Unsupported("malformed TJ array")
    parts = body.replace(b">", b"<").split(b"<")  # number(s), hex, number(s), hex, ...
    numbers = [float(n) for n in b" ".join(parts[0::2]).split()]
    if numbers and min(numbers) < SPACE_GAP:
        if any(float(n) < SPACE_GAP for n in parts[0].split()):
            return None
        return _remember(font, body, array_run(font, hex_items(body)))
    codes = hex_bytes(b"<" + b"".join(parts[1::2]) + b">")
    return _remember(font, body, ((font.decode(codes),), font.width(codes) - sum(numbers), len(codes),
                                  codes.count(32)))


def hex_items(body: bytes) -> list:
    """The strings (bytes) and adjustments (floats) of a TJ array checked by hex_array_run."""
    return [hex_bytes(m[0]) if m[1] is not None else float(m[2]) for m in _HEX_ITEM.finditer(body)]


def array_run(font: Font, items: list, before: str | None = "") -> Run:
    """TJ with ``items`` (strings and adjustments): a large negative adjustment is a space,
    unless the text so far already ends with one (``before``: the line's last piece, None when
    the line is empty; it matters only when the array opens with adjustments)."""
    pieces: list[str] = []
    units = 0.0
    count = spaces = 0
    for item in items:
        if isinstance(item, (bytes, bytearray)):
            pieces.append(font.decode(item))
            units += font.width(item)
            count += len(item)
            spaces += item.count(32)
        elif isinstance(item, float):
            units -= item
            last = pieces[-1] if pieces else before
            if item < SPACE_GAP and last is not None and not last.endswith(" "):
                pieces.append(" ")
    return tuple(pieces), units, count, spaces


__all__ = ["SPACE_GAP", "Run", "array_run", "hex_array_run", "hex_items", "string_run"]
