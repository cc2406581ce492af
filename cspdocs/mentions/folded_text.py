"""A document's text folded for matching (``TexteCompare``): the paragraphs folded one by one and
joined by a space, with each paragraph's offset so that a match can be traced back to them."""

from __future__ import annotations

import bisect
from typing import Optional, Sequence, Union

from .extract import Texte
from .folding import fold


class TexteCompare:
    """Folded text of a document (paragraphs folded one by one, joined by a space).

    Keeps each paragraph's offset so that a match can be traced back to its paragraphs.
    """

    def __init__(self, paragraphes: Sequence[str]):
        self.paragraphes = tuple(map(fold, paragraphes))
        self.texte = " ".join(self.paragraphes)
        self._debuts: Optional[list[int]] = None

    @property
    def debuts(self) -> list[int]:
        """Each paragraph's offset in ``texte`` (computed when a span is traced back: rarely)."""
        if self._debuts is None:
            starts, pos = [], 0
            for p in self.paragraphes:
                starts.append(pos)
                pos += len(p) + 1
            self._debuts = starts
        return self._debuts

    @classmethod
    def de(cls, text: Union[str, Texte, "TexteCompare"]) -> "TexteCompare":
        if isinstance(text, TexteCompare):
            return text
        if isinstance(text, Texte):
            return cls(text.paragraphes)
        return cls(str(text).split("\n"))

    def paragraphes_de(self, span: tuple[int, int]) -> list[int]:
        """Indices of the paragraphs a span of ``texte`` covers."""
        first = bisect.bisect_right(self.debuts, span[0]) - 1
        last = bisect.bisect_right(self.debuts, max(span[0], span[1] - 1)) - 1
        return list(range(max(first, 0), max(last, 0) + 1))

    def extrait(self, span: tuple[int, int], marge: int = 30) -> str:
        start, end = max(0, span[0] - marge), min(len(self.texte), span[1] + marge)
        return ("…" if start else "") + self.texte[start:end].strip() + ("…" if end < len(self.texte) else "")
