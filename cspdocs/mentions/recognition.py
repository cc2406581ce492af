"""Reading a document without checking it: which artefact it is (its title wording), the dates an
extraction of its mention file reads (``extractions:``), and the letter's variant (``variantes:``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional, Union

from .extract import Texte
from .folded_text import TexteCompare
from .folding import fold
from .matcher import Matcher
from .model import Catalogue, default_catalogue
from .patterns import compile_regex, to_regex
from .value_forms import parse_date


def recognise_artefact(text: Union[str, Texte, TexteCompare], catalogue: Optional[Catalogue] = None,
                       titre: str = "") -> Optional[str]:
    """The artefact whose title wording appears first in the text (document title first), or None."""
    catalogue = catalogue or default_catalogue()
    folded = TexteCompare.de(text).texte
    for candidate in (fold(titre), folded):
        if not candidate:
            continue
        best: Optional[tuple[int, str]] = None
        for name, art in catalogue.artefacts.items():
            for pattern in art.reconnaissance:
                m = compile_regex(to_regex(pattern, lambda _p: None)[0]).search(candidate)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), name)
        if best:
            return best[1]
    return None


def extract_dates(artefact: str, name: str, text: TexteCompare, matcher: Matcher) -> list[tuple[date, tuple[int, int]]]:
    """Dates read by the extraction ``name`` of ``artefact`` (with their spans)."""
    art = matcher.catalogue.artefact(artefact)
    extraction = art.extractions.get(name)
    if extraction is None:
        return []
    found: list[tuple[date, tuple[int, int]]] = []
    for pattern in extraction.motifs:
        for m in matcher.finditer(pattern, text.texte):
            for d in _dates_in(m, 1):
                found.append((d, (m.start(), m.end())))
            if extraction.mode == "premiere":
                break
    found.sort(key=lambda item: item[1][0])
    if extraction.mode == "premiere":
        return found[:1]
    return found


def detect_variant(text: TexteCompare, matcher: Matcher) -> Optional[str]:
    art = matcher.catalogue.artefact("lettre")
    for variant, patterns in art.variantes.items():
        if matcher.any(patterns, text.texte):
            return variant
    return None


def _dates_in(m: re.Match, count: int) -> list[date]:
    groups = m.groupdict()
    out = []
    for n in range(count):
        d = parse_date(groups, n)
        if d:
            out.append(d)
    return out
