"""The fonts of a page for the fast text path (fasttext.py): each font's ToUnicode CMap and
glyph widths, for LibreOffice's simple (single-byte) TrueType and Type 1 subsets; anything else
raises Unsupported, and the page is read by pypdf instead."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pypdf import PageObject
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject


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


def font_of(obj: DictionaryObject) -> Font:
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
    return Font(parse_to_unicode(stream.get_data()), widths, missing)


def page_fonts(page: PageObject, cache: dict[int, Font]) -> dict[str, Font]:
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


__all__ = ["Font", "Unsupported", "font_of", "page_fonts", "parse_to_unicode"]
