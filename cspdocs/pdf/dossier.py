"""Dossiers: one PDF per employee (artefacts in handover order, one bookmark each),
and one PDF per case with every employee's dossier under nested bookmarks.

Both are reproducible (fixed dates, content-derived /ID) and written atomically:
a failure leaves no dossier, not even a partial one. LibreOffice's PDFs are merged object by
object (merge.py); any other file through pypdf.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import rawfile
from .errors import DossierError
from .info import document_info
from .merge import Bookmark, Source, merge
from .normalize import finalize, write_atomic

if TYPE_CHECKING:
    from pypdf import PdfReader, PdfWriter


@dataclass(frozen=True)
class DossierPart:
    """One artefact of a dossier: its bookmark title (French) and its PDF."""

    title: str
    pdf: Path | bytes


@dataclass(frozen=True)
class DossierSection:
    """One employee in a case-wide dossier: a bookmark title and their artefacts."""

    title: str
    parts: Sequence[DossierPart]


def _open(part: DossierPart) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    label = _label(part)
    try:
        source = io.BytesIO(part.pdf) if isinstance(part.pdf, bytes) else part.pdf
        reader = PdfReader(source)
        if len(reader.pages) == 0:
            raise DossierError(f"Le PDF « {part.title} » ({label}) ne contient aucune page.")
        return reader
    except FileNotFoundError:
        raise DossierError(f"PDF introuvable pour « {part.title} » : {label}") from None
    except (PyPdfError, OSError, ValueError) as exc:
        raise DossierError(
            f"PDF illisible pour « {part.title} » ({label}) : {exc}"
        ) from exc


def _label(part: DossierPart) -> str:
    return "(données en mémoire)" if isinstance(part.pdf, bytes) else str(part.pdf)


def _source(part: DossierPart) -> Source:
    """``part`` for the fast merge; NotSimple when pypdf must do it (it reports unreadable files)."""
    try:
        data = part.pdf if isinstance(part.pdf, bytes) else Path(part.pdf).read_bytes()
    except FileNotFoundError:
        raise DossierError(f"PDF introuvable pour « {part.title} » : {_label(part)}") from None
    except OSError as exc:
        raise DossierError(f"PDF illisible pour « {part.title} » ({_label(part)}) : {exc}") from exc
    try:
        return Source.read(data)
    except ValueError:
        raise DossierError(f"Le PDF « {part.title} » ({_label(part)}) ne contient aucune page.") from None


def _fast(sections: Sequence[tuple[str | None, Sequence[DossierPart]]], out: Path, moment: datetime,
          metadata: dict[str, str]) -> Path | None:
    """Merge with merge.py; None when a part needs pypdf."""
    sources: list[Source] = []
    bookmarks: list[Bookmark] = []
    try:
        for title, parts in sections:
            children = []
            for part in parts:
                sources.append(_source(part))
                children.append(Bookmark(part.title, len(sources) - 1))
            bookmarks += children if title is None else [Bookmark(title, children=children)]
        data = merge(sources, bookmarks, document_info(None, moment, metadata))
    except rawfile.NotSimple:
        return None
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise DossierError(f"Impossible d'écrire le dossier {out} : {exc}") from exc
    return out


def _append(writer: PdfWriter, parts: Sequence[DossierPart], parent=None) -> None:
    for part in parts:
        reader = _open(part)
        first_page = len(writer.pages)
        writer.append(reader, import_outline=False)
        writer.add_outline_item(title=part.title, page_number=first_page, parent=parent)


def _write(writer: PdfWriter, out: Path, moment: datetime, metadata: dict[str, str]) -> Path:
    writer.page_mode = "/UseOutlines"  # viewers open with the bookmarks shown
    data = finalize(writer, moment, metadata)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise DossierError(f"Impossible d'écrire le dossier {out} : {exc}") from exc
    return out


def build_dossier(
    parts: Sequence[DossierPart],
    out: Path,
    *,
    title: str,
    author: str,
    subject: str,
    moment: datetime,
) -> Path:
    """Merge ``parts`` in the given (handover) order into ``out``.

    One bookmark per part; metadata Title=title, Author=author (the employer),
    Subject=subject (the employee); dates fixed to ``moment``.
    Raises DossierError (French) and then writes nothing.
    """
    if not parts:
        raise DossierError(f"Dossier « {title} » : aucun document à assembler.")
    metadata = {"Title": title, "Author": author, "Subject": subject}
    if _fast([(None, parts)], out, moment, metadata) is not None:
        return out
    from pypdf import PdfWriter

    writer = PdfWriter()
    _append(writer, parts)
    return _write(writer, out, moment, metadata)


def build_case_dossier(
    sections: Sequence[DossierSection],
    out: Path,
    *,
    title: str,
    author: str,
    subject: str = "",
    moment: datetime,
) -> Path:
    """One PDF for a whole case (``--dossier-global``): each section (employee) is a
    top-level bookmark with one child bookmark per artefact, in the given order."""
    if not sections or not any(section.parts for section in sections):
        raise DossierError(f"Dossier « {title} » : aucun document à assembler.")
    metadata = {"Title": title, "Author": author}
    if subject:
        metadata["Subject"] = subject
    if _fast([(s.title, s.parts) for s in sections if s.parts], out, moment, metadata) is not None:
        return out
    from pypdf import PdfWriter

    writer = PdfWriter()
    for section in sections:
        if not section.parts:
            continue
        first_page = len(writer.pages)
        readers = [(part, _open(part)) for part in section.parts]
        for part, reader in readers:
            writer.append(reader, import_outline=False)
        parent = writer.add_outline_item(title=section.title, page_number=first_page)
        page = first_page
        for part, reader in readers:
            writer.add_outline_item(title=part.title, page_number=page, parent=parent)
            page += len(reader.pages)
    return _write(writer, out, moment, metadata)


def read_outline(pdf: Path | bytes) -> list[tuple[int, str, int]]:
    """(depth, title, first page index) of each bookmark, in order: for checks and tests."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found
