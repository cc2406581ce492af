"""Text of a DOCX or PDF document, normalised for mention matching.

DOCX text is read from the XML directly (no layout engine): the main body in document order
(paragraphs, tables, text boxes ``w:txbxContent``), then the headers, footers, footnotes and
endnotes. Deleted text of tracked changes (``w:delText``), field instructions (``w:instrText``)
and the VML fallback copy of text boxes (``mc:Fallback``) are skipped; tabs and line breaks become
spaces. PDF text comes from ``cspdocs.pdf.text`` (pypdf, repeated margins removed). Both end in
``normalize_text`` so that the same patterns match either.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import Iterable, Optional, Union

from lxml import etree

from ..pdf.text import extract_pdf_text, normalize_text

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

    def __init__(self, paragraphes: Iterable[str], titre: str = "", normalise: Optional[str] = None):
        self.paragraphes: tuple[str, ...] = tuple(paragraphes)  # one per paragraph (DOCX) or page text (PDF)
        self.titre = titre  # document title from the properties, when any
        self._normalise = normalise

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
        from pypdf import PdfReader

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
