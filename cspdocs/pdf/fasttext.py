"""Fast text extraction for the PDFs LibreOffice writes, with pypdf as the fallback.

pypdf's ``extract_text`` costs ~45 ms per page on LibreOffice output (one TJ
element per glyph), about as much as the conversion itself. The mention checks
only need the characters in reading order and where the lines break, so this
module interprets the few text operators LibreOffice uses (content.py) over pypdf's
decoded streams and fonts, mapping glyph codes through each font's ToUnicode CMap
(fonts.py): about 10 times faster.

Anything it does not understand (no ToUnicode, multi-byte fonts, rotated or skewed
text, form XObjects, inline images, odd syntax) raises Unsupported and the page is
extracted by pypdf instead, so the result is never worse than pypdf's.
"""

from __future__ import annotations

from pypdf import PageObject

from .content import TextInterpreter
from .fonts import Font, Unsupported, page_fonts, parse_to_unicode


def page_text(page: PageObject, cache: dict[int, Font] | None = None) -> str:
    """Lines of text of ``page`` (fast path); raises Unsupported when unsure."""
    fonts = page_fonts(page, {} if cache is None else cache)
    contents = page.get_contents()
    if contents is None:
        return ""
    return TextInterpreter(fonts).run(contents.get_data())


__all__ = ["Font", "TextInterpreter", "Unsupported", "page_text", "parse_to_unicode"]
