"""Text of PDFs, normalised so that mandatory mentions can be matched.

Pages are read with the fast path of fasttext.py (pypdf otherwise), headers and footers repeated
on every page are taken out of the text flow, and the result goes through ``normalize_text``
(cspdocs/text.py, shared with the DOCX text), so that the same patterns match either.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Literal, Sequence, Union

from ..text import match_key, normalize_text
from . import fasttext, rawfile
from .lazy_pypdf import is_pypdf
from .objects import Objects

if TYPE_CHECKING:
    from pypdf import PdfReader

Engine = Literal["auto", "pypdf"]
Source = Union[Path, bytes, "PdfReader", Objects]

__all__ = ["extract_clean_pages", "extract_pages", "extract_pdf_text", "match_key", "missing_mentions",
           "normalize_text", "strip_repeated_margins"]


def missing_mentions(text: str, mentions: Iterable[str]) -> list[str]:
    """The mentions of ``mentions`` not found in ``text`` (raw or normalised)."""
    key = match_key(text)
    return [mention for mention in mentions if match_key(mention) not in key]


def _line_signature(line: str) -> str:
    return re.sub(r"\d+", "#", normalize_text(line))


def strip_repeated_margins(pages: Sequence[str], depth: int = 2) -> list[str]:
    """Take header/footer lines repeated on several pages out of the text flow.

    A line counts as a margin line when it is among the first or last ``depth``
    lines of its page and the same line (digits ignored) is also in the margin of
    another page. Each is removed from every page and given once, in order of first
    appearance, after the last page's text: otherwise a header or footer would land
    in the middle of any sentence that runs over a page break.
    """
    split = [[line for line in page.splitlines() if line.strip()] for page in pages]
    # signature of each margin line, by page: {position: signature}
    edges = [
        {i: _line_signature(lines[i]) for i in {*range(min(depth, len(lines))),
                                                 *range(max(0, len(lines) - depth), len(lines))}}
        for lines in split
    ]
    counts: dict[str, int] = {}
    for edge in edges:
        for signature in set(edge.values()):
            counts[signature] = counts.get(signature, 0) + 1
    repeated = {signature for signature, count in counts.items() if count > 1 and signature}
    seen: set[str] = set()
    margins: list[str] = []
    result = []
    for lines, edge in zip(split, edges):
        kept = []
        for position, line in enumerate(lines):
            signature = edge.get(position)
            if signature in repeated:
                if signature not in seen:
                    seen.add(signature)
                    margins.append(line)
                continue
            kept.append(line)
        result.append("\n".join(kept))
    if margins:
        result[-1] = "\n".join([result[-1], *margins]) if result[-1] else "\n".join(margins)
    return result


def _reader(source: Path | bytes | PdfReader) -> PdfReader:
    from pypdf import PdfReader

    if isinstance(source, PdfReader):
        return source
    if isinstance(source, (bytes, bytearray)):
        return PdfReader(io.BytesIO(source))
    return PdfReader(source)


def _objects(source: Source) -> Objects | None:
    """``source`` read from its bytes (objects.py), or None when pypdf must read it."""
    if isinstance(source, Objects):
        return source
    if is_pypdf(source, "PdfReader"):
        return None
    try:
        data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
        return Objects(rawfile.parse(data))
    except rawfile.NotSimple:
        return None


_GIVE_UP = (fasttext.Unsupported, rawfile.NotSimple, LookupError, ValueError, TypeError, AttributeError)


def extract_pages(source: Source, engine: Engine = "auto") -> list[str]:
    """Raw text of each page, one line per line of text.

    ``engine="auto"`` reads LibreOffice's output with the fast path of fasttext.py (from the
    file's bytes, or through pypdf when they are not laid out as LibreOffice writes them) and
    any page it does not fully understand with pypdf; ``"pypdf"`` always uses pypdf's
    ``extract_text``. ``source`` may be objects.Objects already read.
    """
    objects = _objects(source) if engine == "auto" else None
    if objects is not None:
        try:
            pages = fasttext.raw_pages(objects)
        except _GIVE_UP:
            objects = None
    if objects is None:
        reader = _reader(source if not isinstance(source, Objects) else source.raw.data)
        if engine == "pypdf":
            return [page.extract_text() for page in reader.pages]
        return _pypdf_pages(reader)
    fonts: dict = {}
    texts: list[str] = []
    fallback: PdfReader | None = None
    for number, page in enumerate(pages):
        try:
            texts.append(fasttext.raw_page_text(objects, page, fonts))
        except _GIVE_UP:
            fallback = fallback or _reader(objects.raw.data)
            texts.append(_pypdf_pages(fallback, number)[0])
    return texts


def _pypdf_pages(reader: PdfReader, only: int | None = None) -> list[str]:
    """The fast path over pypdf's pages (all, or page ``only``), pypdf's extract_text where it gives up."""
    fonts: dict = {}
    pages = []
    for page in reader.pages if only is None else [reader.pages[only]]:
        try:
            pages.append(fasttext.page_text(page, fonts))
        except _GIVE_UP:
            pages.append(page.extract_text())  # whatever the fast path cannot vouch for
    return pages


def extract_clean_pages(source: Source, engine: Engine = "auto") -> list[str]:
    """Text of each page with its lines, repeated headers/footers kept only once
    (not normalised: for reports that quote a page)."""
    return strip_repeated_margins(extract_pages(source, engine))


def extract_pdf_text(source: Source, engine: Engine = "auto") -> str:
    """The whole text of a PDF, margins de-duplicated and normalised for matching."""
    return normalize_text("\n".join(extract_clean_pages(source, engine)))
