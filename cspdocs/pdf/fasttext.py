"""Fast text extraction for the PDFs LibreOffice writes, with pypdf as the fallback.

pypdf's ``extract_text`` costs ~45 ms per page on LibreOffice output (one TJ
element per glyph), about as much as the conversion itself. The mention checks
only need the characters in reading order and where the lines break, so this
module interprets the few text operators LibreOffice uses (content.py), mapping glyph
codes through each font's ToUnicode CMap (fonts.py): about 10 times faster. The pages,
fonts and content streams are read straight from the file's bytes (objects.py,
``raw_pages``/``raw_page_text``), or from pypdf's objects (``page_text``).

Anything it does not understand (no ToUnicode, multi-byte fonts, rotated or skewed
text, form XObjects, inline images, odd syntax) raises Unsupported and the page is
extracted by pypdf instead, so the result is never worse than pypdf's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .content import TextInterpreter
from .fonts import Font, Unsupported, page_fonts, parse_to_unicode, raw_page_fonts
from .objects import Objects, Ref
from .rawfile import NotSimple

if TYPE_CHECKING:
    from pypdf import PageObject

_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def page_text(page: PageObject, cache: dict[int, Font] | None = None) -> str:
    """Lines of text of ``page`` (fast path); raises Unsupported when unsure."""
    fonts = page_fonts(page, {} if cache is None else cache)
    contents = page.get_contents()
    if contents is None:
        return ""
    return TextInterpreter(fonts).run(contents.get_data())


def raw_pages(objects: Objects) -> list[dict[str, Any]]:
    """The page dictionaries of a file read from its bytes, in order, with the attributes they
    inherit from the page tree; NotSimple when the tree is odd."""
    pages: list[dict[str, Any]] = []

    def walk(ref: Any, inherited: dict[str, Any], depth: int) -> None:
        node = objects.resolve(ref)
        if not isinstance(node, dict) or depth > 32:
            raise NotSimple("page tree")
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            mine = dict(inherited, **{k: node[k] for k in _INHERITED if k in node})
            for kid in objects.resolve(node.get("/Kids")) or []:
                walk(kid, mine, depth + 1)
        else:
            pages.append(dict(inherited, **node))

    walk(objects.get(objects.raw.root).get("/Pages"), {}, 0)
    return pages


def raw_page_text(objects: Objects, page: dict[str, Any], cache: dict[int, Font]) -> str:
    """Lines of text of a page read from the file's bytes; Unsupported or NotSimple when unsure."""
    fonts = raw_page_fonts(objects, page.get("/Resources"), cache)
    contents = page.get("/Contents")
    if contents is None:
        return ""
    streams = objects.resolve(contents) if not isinstance(contents, Ref) or isinstance(
        objects.get(contents.number), list) else [contents]
    return TextInterpreter(fonts).run(b"\n".join(objects.stream(ref) for ref in streams))


__all__ = ["Font", "TextInterpreter", "Unsupported", "page_text", "parse_to_unicode", "raw_page_text", "raw_pages"]
