"""The content-stream interpreter of the fast text path (fasttext.py): the few operators
LibreOffice uses to show text (BT/ET, Tf, Td/TD/Tm/T*, Tj/TJ/'/", q/Q/cm), with the text
position tracked to break lines and put spaces where the glyphs leave a gap; every other
operator is skipped. Anything it cannot vouch for raises Unsupported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from .fonts import Font, Unsupported
from .runs import Run, array_run, hex_array_run, hex_items, string_run
from .tokens import TOKEN, hex_bytes, literal_bytes

_WHOLE = frozenset({"td", "tf", "tjarray", "tj"})  # tokens that are whole operations (with "chunk", "ignored")


@dataclass
class _State:
    ctm: tuple[float, ...] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple[float, ...]] = field(default_factory=list)
    tm: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    tlm: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    font: Font | None = None
    size: float = 0.0
    leading: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2, a * b2 + b * d2,
        c * a2 + d * c2, c * b2 + d * d2,
        e * a2 + f * c2 + e2, e * b2 + f * d2 + f2,
    )


def _upright(m) -> None:
    if abs(m[1]) > 1e-6 or abs(m[2]) > 1e-6 or m[0] <= 0 or m[3] <= 0:
        raise Unsupported("rotated, skewed or mirrored text")


class TextInterpreter:
    """Interprets one content stream, building lines of text."""

    def __init__(self, fonts: dict[str, Font]) -> None:
        self.fonts = fonts
        self.state = _State()
        self.lines: list[list[str]] = []
        self.line_y: float | None = None
        self.end_x = 0.0

    def _place(self) -> tuple[Sequence[float], float, float, list[str]]:
        """Start or continue a line at the current text position."""
        state = self.state
        if state.font is None:
            raise Unsupported("text without font")
        matrix = state.tm if state.ctm == _IDENTITY else _multiply(tuple(state.tm), state.ctm)
        _upright(matrix)
        x, y = matrix[4], matrix[5]
        height = state.size * matrix[3]
        if self.line_y is None or abs(y - self.line_y) > 0.3 * max(height, 1.0):
            self.lines.append([])
            self.line_y = y
        elif (x > self.end_x + 0.15 * height or x < self.end_x - height) and (
            self.lines[-1] and self.lines[-1][-1] != " "
        ):
            self.lines[-1].append(" ")  # a gap, or a jump back (next table cell, column)
        return matrix, x, y, self.lines[-1]

    def _advance(self, matrix: Sequence[float], x: float, run: Run) -> None:
        """Move the text position past ``run`` (its widths - adjustments, /1000 em; its codes)."""
        state = self.state
        advance = run[1] / 1000.0 * state.size + state.char_spacing * run[2]
        advance += state.word_spacing * run[3]
        advance *= state.scale
        self.end_x = x + advance * matrix[0]
        state.tm[4] += advance * state.tm[0]
        state.tm[5] += advance * state.tm[1]

    def show(self, codes: bytes) -> None:
        """Tj: one string."""
        matrix, x, _, out = self._place()
        font = self.state.font
        out.append(font.decode(codes))
        self._advance(matrix, x, ((), font.width(codes), len(codes), codes.count(32)))

    def show_array(self, items: list) -> None:
        """TJ: strings and adjustments (a large negative adjustment is a space)."""
        matrix, x, _, out = self._place()
        run = array_run(self.state.font, items, out[-1] if out else None)
        out.extend(run[0])
        self._advance(matrix, x, run)

    def show_hex(self, token: bytes) -> None:
        """Tj with a hexadecimal string (runs.py remembers it per font)."""
        matrix, x, _, out = self._place()
        run = string_run(self.state.font, token)
        out.extend(run[0])
        self._advance(matrix, x, run)

    def show_hex_array(self, body: bytes) -> None:
        """TJ with an array of hexadecimal strings and numbers, LibreOffice's usual case (runs.py
        checks ``body`` and remembers it per font)."""
        matrix, x, _, out = self._place()
        font = self.state.font
        run = hex_array_run(font, body)
        if run is None:
            run = array_run(font, hex_items(body), out[-1] if out else None)
        out.extend(run[0])
        self._advance(matrix, x, run)

    def move(self, tx: float, ty: float) -> None:
        tlm = self.state.tlm
        tlm[4] += tx * tlm[0] + ty * tlm[2]
        tlm[5] += tx * tlm[1] + ty * tlm[3]
        self.state.tm = list(tlm)

    def _chunk(self, match: re.Match) -> None:
        """LibreOffice's usual text block, one token: q, a colour, BT, Td, Tf, one TJ or Tj, ET, Q."""
        x, y, name, size, array, string = match.group("cx", "cy", "cf", "cs", "carr", "chex")
        state = self.state
        state.font = self.fonts.get(name.decode("latin-1"))
        if state.font is None:
            raise Unsupported(f"unknown font {name.decode('latin-1')}")
        state.size = float(size)
        state.tlm = [1.0, 0.0, 0.0, 1.0, float(x), float(y)]  # BT, then Td
        state.tm = list(state.tlm)
        if array is not None:
            self.show_hex_array(array)
        else:
            self.show_hex(string)

    def _whole(self, kind: str, match: re.Match) -> None:
        """A token that is a whole operation (tokens.py): show, move or set the font."""
        if kind == "td":
            self.move(float(match["tx"]), float(match["ty"]))
        elif kind == "tf":
            self.operator(b"Tf", [match["font"].decode("latin-1"), float(match["size"])])
        elif kind == "tjarray":
            self.show_hex_array(match["tjarray"])
        elif kind == "tj":
            self.show_hex(match["tj"])

    def run(self, content: bytes) -> str:
        operands: list = []
        array: list | None = None
        for match in TOKEN.finditer(content):
            kind = match.lastgroup
            if kind == "chunk" or kind == "ignored":  # the most frequent, first
                if kind == "chunk":
                    self._chunk(match)
                operands = []
                continue
            token = match[kind]  # without the whitespace before it
            if kind in _WHOLE:
                self._whole(kind, match)
                operands = []
                continue
            if kind == "skip" or kind == "dict":
                continue
            if kind == "bad":
                raise Unsupported(f"unexpected byte {token!r}")
            value: object
            if kind == "num":
                value = float(token)
            elif kind == "hex":
                value = hex_bytes(token)
            elif kind == "lit":
                value = literal_bytes(token)
            elif kind == "name":
                value = token[1:].decode("latin-1")
            elif kind == "open":
                array = []
                continue
            elif kind == "close":
                operands.append(array if array is not None else [])
                array = None
                continue
            else:
                self.operator(token, operands)
                operands = []
                continue
            if array is not None:
                array.append(value)
            else:
                operands.append(value)
        return "\n".join("".join(line) for line in self.lines)

    def operator(self, op: bytes, args: list) -> None:
        state = self.state
        try:
            if op == b"BT":
                state.tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
                state.tlm = list(state.tm)
            elif op == b"Tf":
                state.font = self.fonts.get(args[0])
                if state.font is None:
                    raise Unsupported(f"unknown font {args[0]}")
                state.size = float(args[1])
            elif op == b"Td":
                self.move(args[0], args[1])
            elif op == b"TD":
                state.leading = -args[1]
                self.move(args[0], args[1])
            elif op == b"Tm":
                state.tm = [float(v) for v in args[:6]]
                state.tlm = list(state.tm)
                _upright(state.tm)
            elif op == b"T*":
                self.move(0.0, -state.leading)
            elif op == b"TL":
                state.leading = args[0]
            elif op == b"Tc":
                state.char_spacing = args[0]
            elif op == b"Tw":
                state.word_spacing = args[0]
            elif op == b"Tz":
                state.scale = args[0] / 100.0
            elif op == b"Tj":
                self.show(args[0])
            elif op == b"TJ":
                self.show_array(args[0])
            elif op == b"'":
                self.move(0.0, -state.leading)
                self.show(args[0])
            elif op == b'"':
                state.word_spacing, state.char_spacing = args[0], args[1]
                self.move(0.0, -state.leading)
                self.show(args[2])
            elif op == b"q":
                state.stack.append(state.ctm)
            elif op == b"Q":
                if state.stack:
                    state.ctm = state.stack.pop()
            elif op == b"cm":
                state.ctm = _multiply(tuple(float(v) for v in args[:6]), state.ctm)
            elif op in (b"BI", b"ID", b"EI", b"Do"):
                # inline images break tokenising; Do may draw a form with text
                raise Unsupported(f"operator {op.decode()}")
        except (IndexError, TypeError, ValueError) as exc:
            raise Unsupported(f"malformed operands for {op!r}: {exc}") from exc


__all__ = ["TextInterpreter", "Unsupported"]
