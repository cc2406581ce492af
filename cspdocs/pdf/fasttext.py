"""Fast text extraction for the PDFs LibreOffice writes, with pypdf as the fallback.

pypdf's ``extract_text`` costs ~45 ms per page on LibreOffice output (one TJ
element per glyph), about as much as the conversion itself. The mention checks
only need the characters in reading order and where the lines break, so this
module interprets the few text operators LibreOffice uses (BT/ET, Tf, Td/TD/Tm/T*,
Tj/TJ/'/", q/Q/cm) over pypdf's decoded streams and fonts, mapping glyph codes
through each font's ToUnicode CMap: about 10 times faster.

Anything it does not understand (no ToUnicode, multi-byte fonts, rotated or skewed
text, form XObjects, inline images, odd syntax) raises Unsupported and the page is
extracted by pypdf instead, so the result is never worse than pypdf's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pypdf import PageObject
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject


class Unsupported(Exception):
    """This page uses something the fast path does not interpret."""


_NUMBER = rb"[+-]?(?:\d+\.?\d*|\.\d+)"
_END = rb"(?![^\s/\[\]()<>{}%])"
_TOKEN = re.compile(
    rb"""
    (?P<skip>\s+|%[^\r\n]*)
    |\[(?P<tjarray>(?:\s*(?:<[0-9A-Fa-f\s]*>|""" + _NUMBER + rb"""))*)\s*\]\s*TJ""" + _END + rb"""
    |(?P<tj><[0-9A-Fa-f\s]*>)\s*Tj""" + _END + rb"""
    |(?P<hex><[0-9A-Fa-f\s]*>)
    |(?P<lit>\((?:\\.|[^\\()])*\))
    |(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
    |(?P<name>/[^\s/\[\]()<>{}%]*)
    |(?P<open>\[)|(?P<close>\])
    |(?P<dict><<|>>)
    |(?P<op>[A-Za-z'"*][^\s/\[\]()<>{}%]*)
    |(?P<bad>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_SPACE_GAP = -200.0  # a TJ adjustment beyond -200/1000 em is a word gap
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_LIT_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_CMAP_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)
_CMAP_ITEM = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")


def _hex(token: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", token[1:-1])
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode())


def _literal(token: bytes) -> bytes:
    def escape(match: re.Match) -> bytes:
        value = match[1]
        if value[:1].isdigit():
            return bytes([int(value, 8) & 0xFF])
        if value in (b"\n", b"\r"):
            return b""
        return _ESCAPES.get(value, value)

    return _LIT_ESCAPE.sub(escape, token[1:-1])


def _utf16(data: bytes) -> str:
    return data.decode("utf-16-be", "replace")


def parse_to_unicode(cmap: bytes) -> dict[int, str]:
    """Single-byte code -> text from a ToUnicode CMap (bfchar and bfrange)."""
    mapping: dict[int, str] = {}
    for kind, body in _CMAP_SECTION.findall(cmap):
        items: list = []
        stack: list | None = None
        for match in _CMAP_ITEM.finditer(body):
            if match[0] == b"[":
                stack = []
            elif match[0] == b"]":
                items.append(stack)
                stack = None
            elif stack is not None:
                stack.append(bytes.fromhex(match[1].decode()))
            else:
                items.append(bytes.fromhex(match[1].decode()))
        if kind == b"bfchar":
            for source, target in zip(items[0::2], items[1::2]):
                if len(source) != 1:
                    raise Unsupported("multi-byte codes")
                mapping[source[0]] = _utf16(target)
            continue
        for low, high, target in zip(items[0::3], items[1::3], items[2::3]):
            if len(low) != 1 or len(high) != 1:
                raise Unsupported("multi-byte codes")
            for offset, code in enumerate(range(low[0], high[0] + 1)):
                if isinstance(target, list):
                    if offset < len(target):
                        mapping[code] = _utf16(target[offset])
                else:
                    last = int.from_bytes(target[-2:], "big") + offset
                    mapping[code] = _utf16(target[:-2] + last.to_bytes(2, "big"))
    return mapping


_UNMAPPED = "\uffff"


@dataclass
class _Font:
    to_unicode: dict[int, str]
    widths: dict[int, float]
    missing_width: float

    def __post_init__(self) -> None:
        # str.translate table over latin-1-decoded codes; unmapped codes are flagged
        self.table = {code: self.to_unicode.get(code, _UNMAPPED) for code in range(256)}
        self.width_list = [self.widths.get(code, self.missing_width) for code in range(256)]

    def decode(self, codes: bytes) -> str:
        text = codes.decode("latin-1").translate(self.table)
        if _UNMAPPED in text:
            raise Unsupported("code not in ToUnicode")
        return text

    def width(self, codes: bytes) -> float:
        """Sum of glyph widths, in thousandths of an em."""
        return sum(map(self.width_list.__getitem__, codes))


def _font(obj: DictionaryObject) -> _Font:
    if obj.get("/Subtype") not in ("/TrueType", "/Type1"):
        raise Unsupported(f"font subtype {obj.get('/Subtype')}")
    stream = obj.get("/ToUnicode")
    if stream is None:
        raise Unsupported("font without ToUnicode")
    stream = stream.get_object()
    if not isinstance(stream, StreamObject):
        raise Unsupported("ToUnicode is not a stream")
    first = int(obj.get("/FirstChar", 0))
    widths = {first + i: float(w) for i, w in enumerate(obj.get("/Widths", []))}
    descriptor = obj.get("/FontDescriptor")
    missing = float(descriptor.get_object().get("/MissingWidth", 0)) if descriptor else 0.0
    return _Font(parse_to_unicode(stream.get_data()), widths, missing)


@dataclass
class _State:
    ctm: tuple[float, ...] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple[float, ...]] = field(default_factory=list)
    tm: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    tlm: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    font: _Font | None = None
    size: float = 0.0
    leading: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0


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


class _Page:
    """Interprets one content stream, building lines of text."""

    def __init__(self, fonts: dict[str, _Font]) -> None:
        self.fonts = fonts
        self.state = _State()
        self.lines: list[list[str]] = []
        self.line_y: float | None = None
        self.end_x = 0.0

    def _place(self) -> tuple[tuple[float, ...], float, float, list[str]]:
        """Start or continue a line at the current text position."""
        state = self.state
        if state.font is None:
            raise Unsupported("text without font")
        matrix = _multiply(tuple(state.tm), state.ctm)
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

    def _advance(self, matrix: tuple[float, ...], x: float, units: float, codes: bytes) -> None:
        """Move the text position past ``codes`` (``units``: widths - adjustments, /1000 em)."""
        state = self.state
        advance = units / 1000.0 * state.size + state.char_spacing * len(codes)
        advance += state.word_spacing * codes.count(32)
        advance *= state.scale
        self.end_x = x + advance * matrix[0]
        state.tm[4] += advance * state.tm[0]
        state.tm[5] += advance * state.tm[1]

    def show(self, codes: bytes) -> None:
        """Tj: one string."""
        matrix, x, _, out = self._place()
        font = self.state.font
        out.append(font.decode(codes))
        self._advance(matrix, x, font.width(codes), codes)

    def show_array(self, items: list) -> None:
        """TJ: strings and adjustments (a large negative adjustment is a space)."""
        matrix, x, _, out = self._place()
        font = self.state.font
        units = 0.0
        codes = bytearray()
        for item in items:
            if isinstance(item, (bytes, bytearray)):
                out.append(font.decode(item))
                units += font.width(item)
                codes += item
            elif isinstance(item, float):
                units -= item
                if item < _SPACE_GAP and out and not out[-1].endswith(" "):
                    out.append(" ")
        self._advance(matrix, x, units, bytes(codes))

    def show_hex_array(self, body: bytes) -> None:
        """TJ array of hex strings and numbers, decoded in bulk (LibreOffice's usual case)."""
        numbers = [float(n) for n in re.findall(_NUMBER, _HEX_STRING.sub(b" ", body))]
        if numbers and min(numbers) < _SPACE_GAP:
            items: list = []
            for match in re.finditer(rb"<([0-9A-Fa-f\s]*)>|(" + _NUMBER + rb")", body):
                items.append(_hex(match[0]) if match[1] is not None else float(match[2]))
            self.show_array(items)
            return
        matrix, x, _, out = self._place()
        font = self.state.font
        codes = _hex(b"<" + b"".join(_HEX_STRING.findall(body)) + b">")
        out.append(font.decode(codes))
        self._advance(matrix, x, font.width(codes) - sum(numbers), codes)

    def move(self, tx: float, ty: float) -> None:
        tlm = self.state.tlm
        tlm[4] += tx * tlm[0] + ty * tlm[2]
        tlm[5] += tx * tlm[1] + ty * tlm[3]
        self.state.tm = list(tlm)

    def run(self, content: bytes) -> str:
        operands: list = []
        array: list | None = None
        for match in _TOKEN.finditer(content):
            kind = match.lastgroup
            token = match[0]
            if kind == "skip" or kind == "dict":
                continue
            if kind == "tjarray":
                self.show_hex_array(match["tjarray"])
                operands = []
                continue
            if kind == "tj":
                self.show(_hex(match["tj"]))
                operands = []
                continue
            if kind == "bad":
                raise Unsupported(f"unexpected byte {token!r}")
            value: object
            if kind == "num":
                value = float(token)
            elif kind == "hex":
                value = _hex(token)
            elif kind == "lit":
                value = _literal(token)
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


def _fonts(page: PageObject, cache: dict[int, _Font]) -> dict[str, _Font]:
    resources = page.get("/Resources")
    if resources is None:
        return {}
    resources = resources.get_object()
    fonts = resources.get("/Font")
    result: dict[str, _Font] = {}
    if fonts is None:
        return result
    for name, ref in fonts.get_object().items():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key not in cache:
            cache[key] = _font(ref.get_object())
        result[name.lstrip("/")] = cache[key]
    return result


def page_text(page: PageObject, cache: dict[int, _Font] | None = None) -> str:
    """Lines of text of ``page`` (fast path); raises Unsupported when unsure."""
    fonts = _fonts(page, {} if cache is None else cache)
    contents = page.get_contents()
    if contents is None:
        return ""
    return _Page(fonts).run(contents.get_data())
