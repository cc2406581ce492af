"""Folding: the form of a text the patterns of the mention files are matched against.

A document text is folded by ``normalize_text`` (spaces, apostrophes, quotes, hyphenated line
breaks, page numbers), then lower case, no accents (``é`` -> ``e``, ``œ`` -> ``oe``), apostrophes
and quotes as spaces, hyphens inside words removed (``remettez-le`` -> ``remettezle``,
``1233-67`` -> ``123367``), dashes as spaces, one space between words. Pattern literals are folded
the same way (``fold_raw``), so that a mention file is written in natural French.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import normalize_text

_DASHES = {ord(c): " " for c in "\u2013\u2014\u2015\u2e3a\u2e3b"}
_DASHES.update({ord("'"): " ", ord('"'): " ", ord("\u00b7"): " "})
_WORD_HYPHEN = re.compile(r"-(?<=\w-)(?=\w)")  # a hyphen between two word characters
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}


def _strip_char(ch: str) -> str:
    """One character without its accents (NFKD, combining marks removed)."""
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


class _FoldTable(dict):
    """``str.translate`` table of the folding, filled one character at a time as text meets it:
    accents stripped (per character, which is what NFKD of the whole text gives once every
    combining mark is dropped), ligatures spelt out, then dashes, quotes and ``·`` as spaces."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _LIGATURES.get(ch) or _LIGATURES.get(ch.lower()) or _strip_char(ch)
        folded = self[code] = folded.translate(_DASHES)
        return folded


_FOLD = _FoldTable()


def _fold_char(m: "re.Match[str]") -> str:
    return _FOLD[ord(m.group())]


def fold_raw(text: str) -> str:
    """Fold without normalize_text (for pattern literals, already plain)."""
    text = text.casefold()
    if not text.isascii():  # ``_FOLD`` leaves ASCII alone but for quotes
        text = _NON_ASCII.sub(_fold_char, text)
    text = text.replace("'", " ").replace('"', " ")
    if "-" in text:
        text = _WORD_HYPHEN.sub("", text).replace("-", " ")
    return text


# The caches of this module are bounded so that memory stays flat over a batch of any size: the
# paragraphs and values common to every employee stay in them, the others come and go.
@lru_cache(maxsize=2048)
def fold(text: str) -> str:
    """The folded form of a document text (see module docstring)."""
    return " ".join(fold_raw(normalize_text(text)).split())
