"""Text normalised for matching mandatory mentions, the same for DOCX and PDF text.

PDF text has line breaks inside sentences, doubled spaces from justification, hyphens at line
ends, non-breaking spaces, curly apostrophes and page numbers. ``normalize_text`` is a pure
str -> str function applied the same way to DOCX text (cspdocs/mentions/extract.py) and PDF text
(cspdocs/pdf/text.py); ``match_key`` goes further (no spaces, no hyphens) for a tolerant "is this
mention present" test. It imports nothing of the PDF or DOCX libraries: the mention check and the
PDF stage both use it without depending on each other.
"""

from __future__ import annotations

import re
import unicodedata

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

#: Every character ``str.isspace`` (and so ``\s`` in a regular expression) counts as whitespace,
#: except the line break: the inner spaces of « texte » and “texte” (tests/test_text.py checks it).
_INLINE_SPACES = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                  "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:(?:page|p\.)\s*\d+\s*(?:/|sur|of)\s*\d+|(?:page|p\.)\s*\d+|\d+\s*/\s*\d+"
    r"|[-–—]\s*\d+\s*[-–—])\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# A hyphen after a word character, at the end of a line, before a word: searched from the hyphen
# (a literal first character), the word character checked behind it.
_HYPHEN_BREAK = re.compile(r"-(?<=\w-)[^\S\n]*\n\s*(?=\w)")
_TABLE_CHARS = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")
_REPLACEMENTS = {chr(code): replacement or "" for code, replacement in _TABLE.items()}
_KEY_DROP = re.compile(r"[\s\-]+")


def _replacement(match: "re.Match[str]") -> str:
    return _REPLACEMENTS[match[0]]


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
    for opener in "«‹":  # spaces after an opening quote, before a closing one: removed
        if opener in text:
            parts = text.split(opener)
            text = opener.join([parts[0], *(part.lstrip(_INLINE_SPACES) for part in parts[1:])])
    for closer in "»›":
        if closer in text:
            parts = text.split(closer)
            text = closer.join([*(part.rstrip(_INLINE_SPACES) for part in parts[:-1]), parts[-1]])
    if _TABLE_CHARS.search(text):  # only the characters found are replaced (str.translate reads all)
        text = _TABLE_CHARS.sub(_replacement, text)
    if "\n" in text:
        text = _PAGE_NUMBER_LINE.sub("", text)
        text = _HYPHEN_BREAK.sub("-", text)
    elif _PAGE_NUMBER_LINE.match(text):  # one line: the pattern can only match from the start
        text = _PAGE_NUMBER_LINE.sub("", text)
    return " ".join(text.split())  # str.split and \s agree on what whitespace is


def match_key(text: str) -> str:
    """normalize_text without spaces or hyphens, casefolded: robust to line breaks,
    justification, hyphenation and spacing differences between DOCX and PDF."""
    return _KEY_DROP.sub("", normalize_text(text)).casefold()


__all__ = ["match_key", "normalize_text"]
