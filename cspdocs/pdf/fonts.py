"""The fonts of a page for the fast text path (fasttext.py): each font's ToUnicode CMap and
glyph widths, for LibreOffice's simple (single-byte) TrueType and Type 1 subsets; anything else
raises Unsupported, and the page is read by pypdf instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .objects import Objects, Ref

if TYPE_CHECKING:
    from pypdf import PageObject
    from pypdf.generic import DictionaryObject


class Unsupported(Exception):
    """This page uses something the fast path does not interpret."""


_CMAP_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)
_CMAP_ITEM = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")


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
class Font:
    to_unicode: dict[int, str]
    widths: dict[int, float]
    missing_width: float

    def __post_init__(self) -> None:
        # str.translate table over latin-1-decoded codes; unmapped codes are flagged
        self.table = [self.to_unicode.get(code, _UNMAPPED) for code in range(256)]
        self.width_list = [self.widths.get(code, self.missing_width) for code in range(256)]
        self.runs: dict[bytes, tuple] = {}  # runs.py: the runs of text already decoded with this font

    def decode(self, codes: bytes) -> str:
        text = codes.decode("latin-1").translate(self.table)
        if _UNMAPPED in text:
            raise Unsupported("code not in ToUnicode")
        return text

    def width(self, codes: bytes) -> float:
        """Sum of glyph widths, in thousandths of an em."""
        return sum(map(self.width_list.__getitem__, codes))


def _font(subtype: Any, cmap: bytes | None, first: Any, widths: Any, missing: Any) -> Font:
    if subtype not in ("/TrueType", "/Type1"):
        raise Unsupported(f"font subtype {subtype}")
    if cmap is None:
        raise Unsupported("font without ToUnicode")
    return _shared_font(cmap, int(first), tuple(map(float, widths)), float(missing))


@lru_cache(maxsize=256)
def _shared_font(cmap: bytes, first: int, widths: tuple[float, ...], missing: float) -> Font:
    """The font of these bytes, made once: LibreOffice embeds the same subsets (same ToUnicode,
    same widths) in most documents of a batch; a Font is only read."""
    return Font(parse_to_unicode(cmap), {first + i: w for i, w in enumerate(widths)}, missing)


def font_of(obj: DictionaryObject) -> Font:
    """The font of a pypdf font dictionary."""
    from pypdf.generic import StreamObject

    stream = obj.get("/ToUnicode")
    stream = stream.get_object() if stream is not None else None
    if stream is not None and not isinstance(stream, StreamObject):
        raise Unsupported("ToUnicode is not a stream")
    descriptor = obj.get("/FontDescriptor")
    missing = descriptor.get_object().get("/MissingWidth", 0) if descriptor else 0.0
    return _font(obj.get("/Subtype"), stream.get_data() if stream is not None else None,
                 obj.get("/FirstChar", 0), obj.get("/Widths", []), missing)


def page_fonts(page: PageObject, cache: dict[int, Font]) -> dict[str, Font]:
    """The fonts of a pypdf page, by resource name (without its slash)."""
    from pypdf.generic import IndirectObject

    resources = page.get("/Resources")
    if resources is None:
        return {}
    resources = resources.get_object()
    fonts = resources.get("/Font")
    result: dict[str, Font] = {}
    if fonts is None:
        return result
    for name, ref in fonts.get_object().items():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key not in cache:
            cache[key] = font_of(ref.get_object())
        result[name.lstrip("/")] = cache[key]
    return result


def raw_page_fonts(objects: Objects, resources: Any, cache: dict[int, Font]) -> dict[str, Font]:
    """The fonts of a page read from the file's bytes (objects.py), by resource name."""
    fonts = objects.resolve((objects.resolve(resources) or {}).get("/Font")) or {}
    result: dict[str, Font] = {}
    for name, ref in fonts.items():
        if not isinstance(ref, Ref):
            raise Unsupported("direct font dictionary")
        if ref.number not in cache:
            cache[ref.number] = _raw_font(objects, ref.number)
        result[name[1:]] = cache[ref.number]
    return result


#: Fonts by the bytes they are read from (``_font_bytes``), for the documents of a batch that embed
#: the same subsets: their objects are then not parsed again. Bounded (a batch has a few hundred).
_BY_BYTES: dict[bytes, Font] = {}
_BY_BYTES_MAX = 512
_REFERENCE = re.compile(rb"(\d+)\s+(\d+)\s+R(?![^\s/\[\]()<>{}%])")
_FONT_LINK = re.compile(rb"/(FontDescriptor|ToUnicode)\s+(\d+)\s+0\s+R(?![^\s/\[\]()<>{}%])")


def _raw_font(objects: Objects, number: int) -> Font:
    key = _font_bytes(objects, number)
    font = _BY_BYTES.get(key) if key is not None else None
    if font is None:
        obj = objects.get(number)
        descriptor = objects.resolve(obj.get("/FontDescriptor")) or {}
        cmap = obj.get("/ToUnicode")
        font = _font(obj.get("/Subtype"), objects.stream(cmap) if cmap is not None else None,
                     objects.resolve(obj.get("/FirstChar", 0)), objects.resolve(obj.get("/Widths", [])),
                     objects.resolve(descriptor.get("/MissingWidth", 0)))
        if key is not None and len(_BY_BYTES) < _BY_BYTES_MAX:
            _BY_BYTES[key] = font
    return font


def _font_bytes(objects: Objects, number: int) -> bytes | None:
    """Every byte the font of object ``number`` is read from: its dictionary, its descriptor and
    its ToUnicode stream, when the dictionary is plain (no string, comment or nested dictionary, no
    reference but to those two) and neither the descriptor's /MissingWidth nor the stream's
    dictionary refers elsewhere; None otherwise (the font is then read from its objects)."""
    raw = objects.raw
    body = raw.body(number)
    if b"(" in body or b"%" in body or body.count(b"<") != 2:
        return None
    links = {kind: int(target) for kind, target in _FONT_LINK.findall(body)}
    if len(_REFERENCE.findall(body)) != len(links):
        return None
    parts = [body]
    for kind in (b"FontDescriptor", b"ToUnicode"):
        target = links.get(kind)
        if target is None:
            parts.append(b"-")
            continue
        if target not in raw.spans:
            return None
        linked = raw.body(target)
        head = linked.split(b"stream", 1)[0]
        if b"(" in head or b"%" in head or (kind == b"ToUnicode" and _REFERENCE.search(head)) or (
                kind == b"FontDescriptor" and re.search(rb"/MissingWidth\s+\d+\s+\d+\s+R", head)):
            return None
        parts.append(linked)
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


__all__ = ["Font", "Unsupported", "font_of", "page_fonts", "parse_to_unicode", "raw_page_fonts"]
