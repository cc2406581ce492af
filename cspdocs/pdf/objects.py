"""The objects of a PDF read straight from its bytes (rawfile.py gives where each one lies): the
dictionaries, arrays, names, numbers, strings and references that LibreOffice writes, and its
Flate-compressed streams. Enough for the document information, the catalog, the page tree,
fonts and content streams; anything else (an object stream, another filter, a predictor, odd
syntax) raises NotSimple, and callers fall back on pypdf.

Values: ``dict`` with "/Key" names as keys, ``list``, ``int`` or ``float``, ``Name`` (a ``str``
with its slash), ``bytes`` for strings (escapes decoded), ``Ref`` for "n 0 R", ``True``/``False``,
``None`` for null.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

from .rawfile import NotSimple, RawPdf
from .tokens import hex_bytes, literal_bytes

_TOKEN = re.compile(
    rb"""\s*(?:
    (?P<open><<|\[)|(?P<close>>>|\])
    |(?P<name>/[^\s/\[\]()<>{}%]*)
    |(?P<hex><[0-9A-Fa-f\s]*>)
    |(?P<lit>\()
    |(?P<ref>\d+)\s+(?P<gen>\d+)\s+R(?![^\s/\[\]()<>{}%])
    |(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+))(?![^\s/\[\]()<>{}%])
    |(?P<word>true|false|null|stream|endobj)(?![^\s/\[\]()<>{}%])
    |(?P<comment>%[^\r\n]*)
    )""",
    re.VERBOSE,
)
_NUMBER = rb"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
#: An array of numbers alone (a font's /Widths, a /FontBBox), read in one match.
_NUMBERS = re.compile(rb"\[\s*((?:" + _NUMBER + rb"\s+)*(?:" + _NUMBER + rb")?)\s*\]")
_STRING_DELIMITER = re.compile(rb"[\\()]")
_WORDS = {b"true": True, b"false": False, b"null": None}
_MAX_STREAM = 64 * 1024 * 1024  # decompressed: a content stream or a font's CMap is far smaller


class Name(str):
    """A PDF name, with its slash: Name("/Page")."""


@dataclass(frozen=True)
class Ref:
    """A reference "n 0 R" to object ``number``."""

    number: int


def string_end(data: bytes, position: int) -> int:
    """The offset after the literal string whose "(" ends at ``position``."""
    depth = 1
    while depth:
        found = _STRING_DELIMITER.search(data, position)
        if found is None:
            raise NotSimple("unterminated string")
        position = found.end() + (1 if found[0] == b"\\" else 0)
        if found[0] != b"\\":
            depth += 1 if found[0] == b"(" else -1
    return position


def parse_value(data: bytes, position: int = 0) -> tuple[Any, int]:
    """The object at ``position`` in ``data`` and the offset after it."""
    stack: list[list] = []
    while True:
        found = _TOKEN.match(data, position)
        if found is None:
            raise NotSimple(f"unexpected syntax at {position}")
        position = found.end()
        kind = found.lastgroup
        if kind == "comment":
            continue
        if kind == "open":
            numbers = _NUMBERS.match(data, position - 1) if found["open"] == b"[" else None
            if numbers is None:
                stack.append([found["open"]])
                continue
            position = numbers.end()
            value: Any = [float(n) if b"." in n else int(n) for n in numbers[1].split()]
        elif kind == "close":
            if not stack or (stack[-1][0] == b"<<") != (found["close"] == b">>"):
                raise NotSimple("unbalanced brackets")
            items = stack.pop()[1:]
            if found["close"] == b">>":
                if len(items) % 2 or not all(isinstance(k, Name) for k in items[0::2]):
                    raise NotSimple("bad dictionary")
                value = dict(zip(items[0::2], items[1::2]))
            else:
                value = items
        elif kind == "name":
            value = Name(found["name"].decode("latin-1"))
        elif kind == "hex":
            value = hex_bytes(found["hex"])
        elif kind == "lit":
            end = string_end(data, position)
            value, position = literal_bytes(data[position - 1:end]), end
        elif kind == "gen":  # the last group of "n g R"
            if found["gen"] != b"0":
                raise NotSimple("generation number")
            value = Ref(int(found["ref"]))
        elif kind == "num":
            text = found["num"]
            value = float(text) if b"." in text else int(text)
        elif found["word"] in _WORDS:
            value = _WORDS[found["word"]]
        else:
            raise NotSimple(f"unexpected {found['word']!r}")
        if not stack:
            return value, position
        stack[-1].append(value)


class Objects:
    """The objects of one file, parsed on demand and kept."""

    def __init__(self, raw: RawPdf) -> None:
        self.raw = raw
        self._values: dict[int, Any] = {}
        self._stream_at: dict[int, int] = {}

    def get(self, number: int) -> Any:
        if number not in self._values:
            if number not in self.raw.spans:
                raise NotSimple(f"missing object {number}")
            start, end = self.raw.spans[number]
            head = self.raw.data.index(b"obj", start, end) + 3
            value, after = parse_value(self.raw.data, head)
            keyword = _TOKEN.match(self.raw.data, after, end)
            if keyword is not None and keyword["word"] == b"stream":
                self._stream_at[number] = keyword.end()
            self._values[number] = value
        return self._values[number]

    def resolve(self, value: Any) -> Any:
        """``value``, or the object it refers to."""
        return self.get(value.number) if isinstance(value, Ref) else value

    def stream(self, value: Any) -> bytes:
        """The decoded data of the stream ``value`` refers to (no filter, or Flate alone)."""
        if not isinstance(value, Ref):
            raise NotSimple("a stream must be an indirect object")
        number = value.number
        dictionary = self.get(number)
        if number not in self._stream_at or not isinstance(dictionary, dict):
            raise NotSimple(f"object {number} is not a stream")
        start = self._stream_at[number]
        data = self.raw.data
        start += 2 if data[start:start + 2] == b"\r\n" else 1 if data[start:start + 1] in (b"\n", b"\r") else 0
        length = self.resolve(dictionary.get("/Length"))
        if not isinstance(length, int) or start + length > self.raw.spans[number][1]:
            raise NotSimple("bad stream length")
        body = data[start:start + length]
        filters = self.resolve(dictionary.get("/Filter"))
        if filters in (None, []):
            return body
        if filters not in ("/FlateDecode", ["/FlateDecode"]) or dictionary.get("/DecodeParms") is not None:
            raise NotSimple(f"filter {filters}")
        try:
            inflater = zlib.decompressobj()
            out = inflater.decompress(body, _MAX_STREAM)
        except zlib.error as exc:
            raise NotSimple(f"bad compressed stream: {exc}") from None
        if inflater.unconsumed_tail:
            raise NotSimple("stream too large")
        return out


def text_of(value: Any) -> str:
    """A PDF text string as text: UTF-16BE after its byte order mark, else PDFDocEncoding, which
    agrees with Latin-1 outside 0x18-0x1F and 0x7F-0xA0 (those raise NotSimple)."""
    if not isinstance(value, bytes):
        raise NotSimple("not a string")
    if value.startswith(b"\xfe\xff"):
        return value[2:].decode("utf-16-be")
    if any(0x18 <= b <= 0x1F or 0x7F <= b <= 0xA0 for b in value):
        raise NotSimple("PDFDocEncoding outside Latin-1")
    return value.decode("latin-1")


__all__ = ["Name", "Objects", "Ref", "parse_value", "string_end", "text_of"]
