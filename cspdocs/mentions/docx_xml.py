"""Visible text of the paragraphs of one WordprocessingML part (a DOCX's body, header, footer or
notes), read with lxml: text boxes ``w:txbxContent`` in place, tabs and line breaks as spaces,
deleted text (``w:delText``), field instructions (``w:instrText``) and the VML fallback copy of
text boxes (``mc:Fallback``) skipped."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{%s}" % W
PARAGRAPH, TEXT_RUN, _TAB, _BR, _CR = _W + "p", _W + "t", _W + "tab", _W + "br", _W + "cr"
_NBH, _SOFT = _W + "noBreakHyphen", _W + "softHyphen"
FALLBACK = "{%s}Fallback" % MC
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

_TABS = _W + "tabs"
_TEXT_TAGS = (TEXT_RUN, _TAB, _BR, _CR, _NBH)


def paragraph_texts(xml: bytes) -> list[str]:
    """Visible text of every paragraph of one WordprocessingML part, in document order.

    A paragraph holding a text box yields its own text, then the text box's paragraphs (each
    ``w:t`` belongs to its nearest enclosing paragraph only); the VML fallback copy of a text box
    is skipped.
    """
    root = etree.fromstring(xml)
    pieces: dict[etree._Element, list[str]] = {}
    has_fallback = b"Fallback" in xml
    for el in root.iter(_TEXT_TAGS):
        parent = el.getparent()
        tag = el.tag
        if tag == _TAB and parent is not None and parent.tag == _TABS:
            continue  # a tab stop definition, not a tab character
        paragraph = parent
        while paragraph is not None and paragraph.tag != PARAGRAPH:
            paragraph = paragraph.getparent()
        if paragraph is None or (has_fallback and inside_fallback(paragraph)):
            continue
        text = (el.text or "") if tag == TEXT_RUN else ("-" if tag == _NBH else " ")
        pieces.setdefault(paragraph, []).append(text)
    out = []
    for p in root.iter(PARAGRAPH):
        found = pieces.get(p)
        if found:
            text = "".join(found)
            if text.strip():
                out.append(text)
    return out



def core_title(xml: str) -> str:
    """dc:title of a core properties part ("" when absent), as ``docx_parts`` reads it."""
    if not xml:
        return ""
    try:
        found = etree.fromstring(xml.encode("utf-8")).find(DC_TITLE)
    except etree.XMLSyntaxError:
        return ""
    return (found.text or "") if found is not None else ""


def inside_fallback(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == FALLBACK:
            return True
        parent = parent.getparent()
    return False


def collect_text(el: etree._Element, pieces: list[str]) -> None:
    """Own text of a paragraph (nested paragraphs excluded), for tools that walk paragraphs."""
    for child in el:
        tag = child.tag
        if tag == PARAGRAPH or tag == FALLBACK:
            continue
        if tag == TEXT_RUN:
            pieces.append(child.text or "")
        elif tag in (_TAB, _BR, _CR):
            if not (tag == _TAB and el.tag == _TABS):
                pieces.append(" ")
        elif tag == _NBH:
            pieces.append("-")
        elif isinstance(tag, str):
            collect_text(child, pieces)

