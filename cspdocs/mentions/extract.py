"""Text of a DOCX or PDF document, normalised for mention matching.

DOCX text is read from the XML directly (no layout engine; docx_xml.py, and docx_quick.py for the
parts the renderer holds): the main body in document order
(paragraphs, tables, text boxes ``w:txbxContent``), then the headers, footers, footnotes and
endnotes. Deleted text of tracked changes (``w:delText``), field instructions (``w:instrText``)
and the VML fallback copy of text boxes (``mc:Fallback``) are skipped; tabs and line breaks become
spaces. PDF text comes from ``cspdocs.pdf.text`` (pypdf, repeated margins removed). Both end in
``normalize_text`` (cspdocs/text.py) so that the same patterns match either.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

from lxml import etree

from ..text import normalize_text
from .docx_quick import quick_paragraphs
from .docx_xml import DC_TITLE, core_title, paragraph_texts

# paragraph_texts re-exported: the text of a DOCX part, beside the text of a whole document.
__all__ = ["DocumentIllisible", "Source", "Texte", "core_title", "document_text", "docx_parts", "docx_text", "is_pdf", "join_texts",
           "margin_texts", "paragraph_texts", "pdf_text", "texte_parts"]

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



_TEXT_KINDS = tuple(kind for _, kind in _PART_ORDER)


def texte_parts(parts: Iterable[tuple[str, str, Union[str, bytes]]], titre: str = "",
                core: Optional[str] = None, plain: frozenset[str] = frozenset()) -> Texte:
    """The ``Texte`` of a DOCX from its parts as the renderer holds them: ``(name, kind, xml)``.

    Same reading order and result as ``docx_text`` on the written file (body, then headers,
    footers, footnotes, endnotes, each kind by part name); ``titre`` is the core properties' title,
    or ``core`` their XML (the title is then read only if asked: the generate pipeline knows each
    document's artefact and never does). ``plain``: the parts known to be of plain structure
    (docx_quick.plain_parts of the template that rendered them).
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
                    quick = quick_paragraphs(xml, name in plain)
                    paragraphs.extend(quick if quick is not None else paragraph_texts(xml.encode("utf-8")))
            except etree.XMLSyntaxError as exc:
                raise DocumentIllisible(f"partie {name} illisible ({exc})") from exc
    return Texte(paragraphs, normalize_text(titre), core=core or None)


@lru_cache(maxsize=256)
def _static_paragraphs(xml: bytes) -> tuple[str, ...]:
    return tuple(paragraph_texts(xml))




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
                found = core.find(DC_TITLE)
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
    """Normalised paragraphs of a DOCX's headers and footers (what a PDF repeats at page edges).

    The documents of a batch share their content types and most of their headers and footers:
    both are read once per distinct bytes (the PDF stage asks this of every document)."""
    zf = zipfile.ZipFile(io.BytesIO(_read(source)))
    names = set(zf.namelist())
    out: list[str] = []
    for name in _margin_parts(zf.read("[Content_Types].xml")):
        if name in names:
            out.extend(_margin_paragraphs(zf.read(name)))
    return out


@lru_cache(maxsize=16)
def _margin_parts(types_xml: bytes) -> tuple[str, ...]:
    """The header and footer parts a [Content_Types].xml declares, in its order."""
    wanted = {_WML + "header+xml", _WML + "footer+xml"}
    return tuple(
        posixpath.normpath(override.get("PartName", "").lstrip("/"))
        for override in etree.fromstring(types_xml).iter(_CT + "Override")
        if override.get("ContentType", "") in wanted
    )


@lru_cache(maxsize=256)
def _margin_paragraphs(xml: bytes) -> tuple[str, ...]:
    """The non-empty normalised paragraphs of one header or footer part."""
    return tuple(p for p in map(normalize_text, paragraph_texts(xml)) if p)


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
