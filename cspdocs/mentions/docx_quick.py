"""The fast path of reading a part the renderer holds in memory: the text of its paragraphs in one
regular-expression pass, for the plain parts the renderer writes; None for any other part, which
docx_xml.py then reads with lxml (the same result)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from .docx_xml import W

# One regex pass for the plain parts the renderer writes (no text box, no fallback copy, prefix
# ``w`` bound to WordprocessingML): each ``</w:p>`` closes the paragraph opened last in its chunk.
_QUICK_BLOCKERS = ("txbxContent", "Fallback", "AlternateContent", "<!--", "<![CDATA[", "<!DOCTYPE", "\r")
_QUICK_TABS = re.compile(r"<w:tabs>.*?</w:tabs>", re.DOTALL)
_QUICK_START = re.compile(r"<w:p(?:\s[^>]*[^/>])?>|<w:p\s*>")
_QUICK_PIECE = re.compile(r"<w:t(?:\s[^>]*[^/>])?>([^<]*)|<w:(tab|br|cr|noBreakHyphen)(?:\s[^>]*)?/?>")
_QUICK_NS = re.compile(r"xmlns:([\w.-]+)=\"([^\"]*)\"")
_QUICK_ODD_NS = re.compile(r"xmlns(?::[\w.-]+)?\s*=\s*'|xmlns\s*=\s*\"" + re.escape(W) + r"\"|xmlns:[\w.-]+\s+=|xmlns:[\w.-]+=\s")
_QUICK_ROOT = re.compile(r"""(?:<\?xml[^?]*\?>\s*)?<[\w:.-]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _entity(m: "re.Match[str]") -> str:
    name = m.group(1)
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    return _ENTITIES[name]


def quick_paragraphs(xml: str, plain: bool = False) -> Optional[list[str]]:
    """``paragraph_texts`` of a plain part in one regex pass, or None when the part is not plain.

    ``plain``: the part's structure is known to pass ``plain_structure`` (the renderer knows it from
    the template, see ``plain_source``): its checks are skipped."""
    if len(xml) <= _SMALL_PART:  # headers and footers: often the same for every employee
        found = _small_quick_paragraphs(xml, plain)
        return list(found) if found is not None else None
    if plain:
        return _paragraphs(xml)
    return _quick_paragraphs_of(xml)


def plain_structure(xml: str) -> bool:
    """Whether the regex pass can read ``xml``: no text box, fallback copy, comment, CDATA, DTD,
    carriage return or processing instruction, and WordprocessingML bound to ``w`` on the root."""
    if any(b in xml for b in _QUICK_BLOCKERS) or xml.count("<?") > (1 if xml.startswith("<?xml") else 0):
        return False
    # Namespaces are declared on the root element; look for them there when nowhere else.
    head = _QUICK_ROOT.match(xml)
    scope = xml if head is None or xml.find("xmlns", head.end()) >= 0 else head.group(0)
    if _QUICK_ODD_NS.search(scope):
        return False
    bound: dict[str, str] = {}
    for prefix, uri in _QUICK_NS.findall(scope):
        if bound.setdefault(prefix, uri) != uri or (uri == W and prefix != "w"):
            return False  # a prefix bound twice, or WordprocessingML under another prefix
    return bound.get("w") == W


_PLAIN_PARTS: dict[int, tuple[Any, frozenset[str]]] = {}  # by template (kept: its id is not reused)


def plain_parts(template: Any) -> frozenset[str]:
    """The names of the parts of a compiled template (cspdocs/render/renderer.py) whose renderings
    all pass ``plain_structure`` (``plain_source``), found once per template."""
    found = _PLAIN_PARTS.get(id(template))
    if found is None or found[0] is not template:
        if len(_PLAIN_PARTS) >= 64:
            _PLAIN_PARTS.clear()
        found = _PLAIN_PARTS[id(template)] = (template, frozenset(
            name for name, source in template.sources.items() if plain_source(source)))
    return found[1]


def plain_source(source: str) -> bool:
    """Whether every rendering of the Jinja ``source`` of a part passes ``plain_structure``, so that
    the renderer need not check each one (cspdocs/render/renderer.py). An inserted value cannot add
    markup (it is escaped, its carriage returns made line feeds: render/environment.py), so what the
    checks look for can only come from the source's own text; this holds when the source passes
    them with its root element written out in full (no template tag in it) and no namespace
    declared below it. A value may still bring such a word as text ("Fallback", "xmlns:w ="): the
    regex pass reads it as the text it is."""
    head = _QUICK_ROOT.match(source)
    if head is None or "{" in head.group(0) or source.find("xmlns", head.end()) >= 0:
        return False
    return plain_structure(source)


_SMALL_PART = 4096


@lru_cache(maxsize=64)
def _small_quick_paragraphs(xml: str, plain: bool) -> Optional[tuple[str, ...]]:
    found = _paragraphs(xml) if plain else _quick_paragraphs_of(xml)
    return tuple(found) if found is not None else None


def _quick_paragraphs_of(xml: str) -> Optional[list[str]]:
    return _paragraphs(xml) if plain_structure(xml) else None


def _paragraphs(xml: str) -> Optional[list[str]]:
    """The paragraphs of a part of plain structure (None: nested paragraphs, text outside one)."""
    if "<w:tabs>" in xml:  # tab stops are rare: a substring search costs a tenth of the substitution
        xml = _QUICK_TABS.sub("", xml)
    texts = list(map(_quick_paragraph, xml.split("</w:p>")[:-1]))  # no Python loop: C-level calls
    if _NOT_PLAIN in texts:
        return None  # nested paragraphs, or text outside a paragraph: let lxml read it
    return list(filter(None, texts))


_SPECIAL = {"noBreakHyphen": "-", "tab": " ", "br": " ", "cr": " "}  # what each of these elements reads as
_NOT_PLAIN = "\x00"  # never a paragraph's text (XML cannot carry U+0000)


@lru_cache(maxsize=1024)  # bounded: the chunks common to every employee stay, the others pass
def _quick_paragraph(chunk: str) -> str:
    """The text of the paragraph that ``chunk`` (the XML up to a ``</w:p>``) closes; "" when blank.

    Cached: most paragraphs of a template render to the same XML for every employee.
    """
    starts = list(_QUICK_START.finditer(chunk))
    if len(starts) != 1:
        return _NOT_PLAIN
    text = "".join([(_SPECIAL[char] if char else piece) for piece, char in _QUICK_PIECE.findall(chunk, starts[0].end())])
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text if text.strip() else ""

