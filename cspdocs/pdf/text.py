"""Text of PDFs (and DOCX) normalised so that mandatory mentions can be matched.

PDF text has line breaks inside sentences, doubled spaces from justification,
hyphens at line ends, non-breaking spaces, curly apostrophes and headers/footers
repeated on every page. ``normalize_text`` is a pure str -> str function applied
the same way to DOCX text and PDF text; ``match_key`` goes further (no spaces, no
hyphens) for a tolerant "is this mention present" test.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Literal, Sequence

from pypdf import PdfReader

from . import fasttext

Engine = Literal["auto", "pypdf"]

_SPACE_CHARS = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\r\f\v"
_DELETED_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width
_APOSTROPHES = "\u2019\u2018\u201a\u02bc\u2032\u00b4`"
_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
_HYPHENS = "\u2010\u2011\u2012\u2212"

_TABLE = {ord(c): " " for c in _SPACE_CHARS}
_TABLE.update({ord(c): None for c in _DELETED_CHARS})
_TABLE.update({ord(c): "'" for c in _APOSTROPHES})
_TABLE.update({ord(c): '"' for c in _QUOTES})
_TABLE.update({ord(c): "-" for c in _HYPHENS})

# Inner spaces of French quotes: « texte » and “texte” both become "texte".
_GUILLEMET_SPACES = re.compile(r"([«‹])[^\S\n]*|[^\S\n]*([»›])")
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:(?:page|p\.)\s*\d+\s*(?:/|sur|of)\s*\d+|(?:page|p\.)\s*\d+|\d+\s*/\s*\d+"
    r"|[-–—]\s*\d+\s*[-–—])\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_HYPHEN_BREAK = re.compile(r"(\w)-[^\S\n]*\n\s*(?=\w)")
_WHITESPACE = re.compile(r"\s+")
_GUILLEMET_CHARS = re.compile("[«‹»›]")
_TABLE_CHARS = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_KEY_DROP = re.compile(r"[\s\-]+")


def normalize_text(text: str) -> str:
    """Normalise ``text`` for matching; idempotent, for DOCX and PDF text alike.

    NFKC (ligatures, compatibility spaces), every kind of space -> " ", soft hyphens
    and zero-width characters removed, ’ -> ', « » “ ” -> " (inner spaces removed),
    page-number lines ("Page 1 / 2", "2/3", "- 2 -") removed, a line ending with a
    hyphen joined to the next one (the hyphen kept: LibreOffice breaks at real
    hyphens; match_key ignores hyphens anyway), whitespace runs -> one space.
    """
    # Each step is skipped when the text has nothing it would change (the same result, faster:
    # the mention check normalises every paragraph of every document).
    text = unicodedata.normalize("NFKC", text)
    if _GUILLEMET_CHARS.search(text):
        text = _GUILLEMET_SPACES.sub(lambda m: m[1] or m[2], text)
    if _TABLE_CHARS.search(text):
        text = text.translate(_TABLE)
    if "\n" in text:
        text = _PAGE_NUMBER_LINE.sub("", text)
        text = _HYPHEN_BREAK.sub(r"\1-", text)
    elif _PAGE_NUMBER_LINE.match(text):  # one line: the pattern can only match from the start
        text = _PAGE_NUMBER_LINE.sub("", text)
    return " ".join(text.split())  # str.split and \s agree on what whitespace is


def match_key(text: str) -> str:
    """normalize_text without spaces or hyphens, casefolded: robust to line breaks,
    justification, hyphenation and spacing differences between DOCX and PDF."""
    return _KEY_DROP.sub("", normalize_text(text)).casefold()


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
    if isinstance(source, PdfReader):
        return source
    if isinstance(source, (bytes, bytearray)):
        return PdfReader(io.BytesIO(source))
    return PdfReader(source)


def extract_pages(source: Path | bytes | PdfReader, engine: Engine = "auto") -> list[str]:
    """Raw text of each page, one line per line of text.

    ``engine="auto"`` reads LibreOffice's output with the fast path of fasttext.py
    and any page it does not fully understand with pypdf; ``"pypdf"`` always uses
    pypdf's ``extract_text``.
    """
    reader = _reader(source)
    if engine == "pypdf":
        return [page.extract_text() for page in reader.pages]
    fonts: dict = {}
    pages = []
    for page in reader.pages:
        try:
            pages.append(fasttext.page_text(page, fonts))
        except (fasttext.Unsupported, LookupError, ValueError, TypeError, AttributeError):
            pages.append(page.extract_text())  # whatever the fast path cannot vouch for
    return pages


def extract_clean_pages(source: Path | bytes | PdfReader, engine: Engine = "auto") -> list[str]:
    """Text of each page with its lines, repeated headers/footers kept only once
    (not normalised: for reports that quote a page)."""
    return strip_repeated_margins(extract_pages(source, engine))


def extract_pdf_text(source: Path | bytes | PdfReader, engine: Engine = "auto") -> str:
    """The whole text of a PDF, margins de-duplicated and normalised for matching."""
    return normalize_text("\n".join(extract_clean_pages(source, engine)))
