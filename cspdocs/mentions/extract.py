"""Text of a DOCX or PDF document, normalised for mention matching.

DOCX text is read from the XML directly (no layout engine): the main body in document order
(paragraphs, tables, text boxes ``w:txbxContent``), then the headers, footers, footnotes and
endnotes. Deleted text of tracked changes (``w:delText``), field instructions (``w:instrText``)
and the VML fallback copy of text boxes (``mc:Fallback``) are skipped; tabs and line breaks become
spaces. PDF text comes from ``cspdocs.pdf.text`` (pypdf, repeated margins removed). Both end in
``normalize_text`` (cspdocs/text.py) so that the same patterns match either.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

from lxml import etree

from ..text import normalize_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{%s}" % W
_P, _T, _TAB, _BR, _CR = _W + "p", _W + "t", _W + "tab", _W + "br", _W + "cr"
_NBH, _SOFT = _W + "noBreakHyphen", _W + "softHyphen"
_FALLBACK = "{%s}Fallback" % MC
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_PART_ORDER = (
    (_WML + "document.main+xml", "document"),
    (_WML + "header+xml", "header"),
    (_WML + "footer+xml", "footer"),
    (_WML + "footnotes+xml", "footnotes"),
    (_WML + "endnotes+xml", "endnotes"),
)
_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

Source = Union[str, Path, bytes]


class DocumentIllisible(ValueError):
    """The file is neither a readable DOCX nor a readable PDF."""


class Texte:
    """Text of one document: raw paragraphs, and the normalised whole (computed on demand)."""

    def __init__(self, paragraphes: Iterable[str], titre: str = "", normalise: Optional[str] = None,
                 core: Optional[str] = None):
        self.paragraphes: tuple[str, ...] = tuple(paragraphes)  # one per paragraph (DOCX) or page text (PDF)
        self._titre = titre
        self._core = core  # XML of the core properties, read for the title only if asked
        self._normalise = normalise

    @property
    def titre(self) -> str:
        """Document title from the properties ("" when none), normalised."""
        if self._core is not None:
            self._titre, self._core = normalize_text(core_title(self._core)), None
        return self._titre

    @property
    def normalise(self) -> str:
        """normalize_text of the whole document."""
        if self._normalise is None:
            self._normalise = normalize_text("\n".join(self.paragraphes))
        return self._normalise


_TABS = _W + "tabs"
_TEXT_TAGS = (_T, _TAB, _BR, _CR, _NBH)


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
        while paragraph is not None and paragraph.tag != _P:
            paragraph = paragraph.getparent()
        if paragraph is None or (has_fallback and _inside_fallback(paragraph)):
            continue
        text = (el.text or "") if tag == _T else ("-" if tag == _NBH else " ")
        pieces.setdefault(paragraph, []).append(text)
    out = []
    for p in root.iter(_P):
        found = pieces.get(p)
        if found:
            text = "".join(found)
            if text.strip():
                out.append(text)
    return out


# --- the XML the renderer already holds (no ZIP re-read) -----------------------------------------------

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


def _quick_paragraphs(xml: str) -> Optional[list[str]]:
    """``paragraph_texts`` of a plain part in one regex pass, or None when the part is not plain."""
    if len(xml) <= _SMALL_PART:  # headers and footers: often the same for every employee
        found = _small_quick_paragraphs(xml)
        return list(found) if found is not None else None
    return _quick_paragraphs_of(xml)


_SMALL_PART = 4096


@lru_cache(maxsize=64)
def _small_quick_paragraphs(xml: str) -> Optional[tuple[str, ...]]:
    found = _quick_paragraphs_of(xml)
    return tuple(found) if found is not None else None


def _quick_paragraphs_of(xml: str) -> Optional[list[str]]:
    if any(b in xml for b in _QUICK_BLOCKERS) or xml.count("<?") > (1 if xml.startswith("<?xml") else 0):
        return None
    # Namespaces are declared on the root element; look for them there when nowhere else.
    head = _QUICK_ROOT.match(xml)
    scope = xml if head is None or xml.find("xmlns", head.end()) >= 0 else head.group(0)
    if _QUICK_ODD_NS.search(scope):
        return None
    bound: dict[str, str] = {}
    for prefix, uri in _QUICK_NS.findall(scope):
        if bound.setdefault(prefix, uri) != uri or (uri == W and prefix != "w"):
            return None  # a prefix bound twice, or WordprocessingML under another prefix
    if bound.get("w") != W:
        return None
    out = []
    for chunk in _QUICK_TABS.sub("", xml).split("</w:p>")[:-1]:
        text = _quick_paragraph(chunk)
        if text is _NOT_PLAIN:
            return None  # nested paragraphs, or text outside a paragraph: let lxml read it
        if text:
            out.append(text)
    return out


_NOT_PLAIN = "\x00"  # never a paragraph's text (XML cannot carry U+0000)


@lru_cache(maxsize=1024)  # bounded: the chunks common to every employee stay, the others pass
def _quick_paragraph(chunk: str) -> str:
    """The text of the paragraph that ``chunk`` (the XML up to a ``</w:p>``) closes; "" when blank.

    Cached: most paragraphs of a template render to the same XML for every employee.
    """
    starts = list(_QUICK_START.finditer(chunk))
    if len(starts) != 1:
        return _NOT_PLAIN
    pieces = []
    for text, char in _QUICK_PIECE.findall(chunk, starts[0].end()):
        if char:
            pieces.append("-" if char == "noBreakHyphen" else " ")
        else:
            pieces.append(text)
    text = "".join(pieces)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text if text.strip() else ""


_TEXT_KINDS = tuple(kind for _, kind in _PART_ORDER)


def texte_parts(parts: Iterable[tuple[str, str, Union[str, bytes]]], titre: str = "",
                core: Optional[str] = None) -> Texte:
    """The ``Texte`` of a DOCX from its parts as the renderer holds them: ``(name, kind, xml)``.

    Same reading order and result as ``docx_text`` on the written file (body, then headers,
    footers, footnotes, endnotes, each kind by part name); ``titre`` is the core properties' title,
    or ``core`` their XML (the title is then read only if asked: the generate pipeline knows each
    document's artefact and never does).
    """
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for name, kind, xml in parts:
        by_kind.setdefault(kind, []).append((name, xml))
    paragraphs: list[str] = []
    for kind in _TEXT_KINDS:
        for name, xml in sorted(by_kind.get(kind, ()), key=lambda item: item[0]):
            try:
                if isinstance(xml, bytes):  # a part the renderer copied as is: same for every document
                    paragraphs.extend(_static_paragraphs(xml))
                else:
                    quick = _quick_paragraphs(xml)
                    paragraphs.extend(quick if quick is not None else paragraph_texts(xml.encode("utf-8")))
            except etree.XMLSyntaxError as exc:
                raise DocumentIllisible(f"partie {name} illisible ({exc})") from exc
    return Texte(paragraphs, normalize_text(titre), core=core or None)


@lru_cache(maxsize=256)
def _static_paragraphs(xml: bytes) -> tuple[str, ...]:
    return tuple(paragraph_texts(xml))


def core_title(xml: str) -> str:
    """dc:title of a core properties part ("" when absent), as ``docx_parts`` reads it."""
    if not xml:
        return ""
    try:
        found = etree.fromstring(xml.encode("utf-8")).find(_DC_TITLE)
    except etree.XMLSyntaxError:
        return ""
    return (found.text or "") if found is not None else ""


def _inside_fallback(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == _FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _collect(el: etree._Element, pieces: list[str]) -> None:
    """Own text of a paragraph (nested paragraphs excluded), for tools that walk paragraphs."""
    for child in el:
        tag = child.tag
        if tag == _P or tag == _FALLBACK:
            continue
        if tag == _T:
            pieces.append(child.text or "")
        elif tag in (_TAB, _BR, _CR):
            if not (tag == _TAB and el.tag == _TABS):
                pieces.append(" ")
        elif tag == _NBH:
            pieces.append("-")
        elif isinstance(tag, str):
            _collect(child, pieces)


def _read(source: Source) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)
    return Path(source).read_bytes()


def docx_parts(data: bytes) -> tuple[list[tuple[str, bytes]], str]:
    """The text-bearing parts of a DOCX in reading order (body first), and its title."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        types = etree.fromstring(zf.read("[Content_Types].xml"))
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError) as exc:
        raise DocumentIllisible(f"ce n'est pas un fichier DOCX lisible ({exc})") from exc
    by_kind: dict[str, list[str]] = {}
    title = ""
    for override in types.iter(_CT + "Override"):
        name = posixpath.normpath(override.get("PartName", "").lstrip("/"))
        if name not in names:
            continue
        ctype = override.get("ContentType", "")
        if ctype == _CORE:
            try:
                core = etree.fromstring(zf.read(name))
                found = core.find(_DC_TITLE)
                title = (found.text or "") if found is not None else ""
            except etree.XMLSyntaxError:
                pass
        for wanted, kind in _PART_ORDER:
            if ctype == wanted:
                by_kind.setdefault(kind, []).append(name)
    if "document" not in by_kind:
        raise DocumentIllisible("pas de document Word principal dans ce fichier")
    parts = []
    for _, kind in _PART_ORDER:
        for name in sorted(by_kind.get(kind, ())):
            parts.append((name, zf.read(name)))
    return parts, title


def margin_texts(source: Source) -> list[str]:
    """Normalised paragraphs of a DOCX's headers and footers (what a PDF repeats at page edges)."""
    data = _read(source)
    zf = zipfile.ZipFile(io.BytesIO(data))
    types = etree.fromstring(zf.read("[Content_Types].xml"))
    wanted = {_WML + "header+xml", _WML + "footer+xml"}
    names = set(zf.namelist())
    out = []
    for override in types.iter(_CT + "Override"):
        name = posixpath.normpath(override.get("PartName", "").lstrip("/"))
        if override.get("ContentType", "") in wanted and name in names:
            out.extend(normalize_text(p) for p in paragraph_texts(zf.read(name)))
    return [p for p in out if p]


def docx_text(source: Source) -> Texte:
    """Normalised text of a DOCX (body, tables, text boxes, headers, footers, notes)."""
    parts, title = docx_parts(_read(source))
    paragraphs: list[str] = []
    for name, xml in parts:
        try:
            paragraphs.extend(paragraph_texts(xml))
        except etree.XMLSyntaxError as exc:
            raise DocumentIllisible(f"partie {name} illisible ({exc})") from exc
    return Texte(paragraphs, normalize_text(title))


def pdf_text(source: Source) -> Texte:
    """Normalised text of a PDF (pypdf extraction, margins repeated on every page removed)."""
    data = _read(source)
    try:
        from pypdf import PdfReader  # PDF libraries only when a PDF is read

        from ..pdf.text import extract_pdf_text

        reader = PdfReader(io.BytesIO(data))
        text = extract_pdf_text(reader)
        title = ""
        if reader.metadata is not None and reader.metadata.title:
            title = normalize_text(str(reader.metadata.title))
    except Exception as exc:  # pypdf raises many types on broken files
        raise DocumentIllisible(f"ce n'est pas un fichier PDF lisible ({exc})") from exc
    return Texte((text,), title, text)


def is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def document_text(source: Source) -> Texte:
    """Text of a DOCX or a PDF, recognised from its first bytes."""
    data = _read(source)
    if is_pdf(data):
        return pdf_text(data)
    if data[:2] == b"PK":
        return docx_text(data)
    raise DocumentIllisible("format non reconnu : seuls les fichiers DOCX et PDF sont vérifiés")


def join_texts(texts: Iterable[str]) -> str:
    return normalize_text("\n".join(texts))
