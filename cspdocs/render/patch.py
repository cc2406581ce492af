"""Turning a part's WordprocessingML into Jinja source, docxtpl-style.

The tag syntax is docxtpl's (``{{ }}``, ``{% %}``, ``{%p if %}`` paragraph tags...): we apply
docxtpl's own ``patch_xml`` so a template that works with docxtpl works here, then undo the XML
escaping Word applies inside tags, and put each paragraph on its own source line so an error's
line number designates a paragraph.
"""

from __future__ import annotations

import html
import re

from docxtpl import DocxTemplate

_TAG = re.compile(r"(\{\{|\{%|\{#)(.*?)(\}\}|%\}|#\})", re.DOTALL)
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_PROPERTY_START = re.compile(r"<((?:dc|cp|dcterms|op):)")
_LISTING_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n][^<]*</w:t>")


def _unescape_tag(m: re.Match) -> str:
    return m.group(1) + html.unescape(m.group(2)) + m.group(3)


# docxtpl's escapes for literal tag delimiters in a template ({_{ prints {{ ...). docxtpl undoes them on
# the rendered XML, which would also alter user data containing them; here they become Jinja string
# literals at compile time, so only the template's own text is concerned.
_LITERAL_DELIMITERS = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}
_LITERAL = re.compile("|".join(re.escape(k) for k in _LITERAL_DELIMITERS))


def to_jinja_source(xml: str, kind: str) -> str:
    """Jinja source of one part; ``kind`` is ``document``, ``header``, ``core``..."""
    source = DocxTemplate.patch_xml(None, xml)  # docxtpl's patch does not use ``self``
    source = _TAG.sub(_unescape_tag, source)
    source = _LITERAL.sub(lambda m: _LITERAL_DELIMITERS[m.group(0)], source)
    if kind in ("core", "custom"):
        return _PROPERTY_START.sub(r"\n<\1", source)
    return _PARAGRAPH_START.sub(r"\n<w:p\1", source)


def from_rendered(xml: str, kind: str) -> str:
    """Undo the line layout of ``to_jinja_source`` and apply docxtpl's post-processing."""
    if kind in ("core", "custom"):
        xml = _PROPERTY_START.sub(r"<\1", xml.replace("\n<", "<"))
    else:
        xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
    if kind not in ("core", "custom") and ("\t" in xml or "\n" in xml[80:]) and _LISTING_TEXT.search(xml):
        # line feeds and tabs inside inserted values become Word line breaks and tabs
        xml = DocxTemplate.resolve_listing(None, xml)
    return xml


def line_text(source: str, lineno: int) -> str:
    """The visible text (tags included) of one source line: the paragraph an error is in."""
    lines = source.splitlines()
    if not 1 <= lineno <= len(lines):
        return "?"
    text = html.unescape(re.sub(r"<[^>]+>", "", lines[lineno - 1])).strip()
    return text if len(text) <= 240 else text[:237] + "..."
