"""« Vouliez-vous dire … ? »: the closest known names to a misspelt one, for every French message
(case-file keys, spreadsheet headers, template variables, filters, commands, rule codes).

One scoring (difflib's ratio, ties broken alphabetically) and one wording, so a user meets the same
hint everywhere.
"""

from __future__ import annotations

import difflib
from typing import Callable, Iterable, Optional


def close_matches(name: str, candidates: Iterable[str], *, limit: int = 3, cutoff: float = 0.6,
                  fold: Optional[Callable[[str], str]] = None) -> list[str]:
    """The candidates closest to ``name``: at most ``limit``, each scoring at least ``cutoff`` and
    within 0.1 of the best. ``fold`` (for instance lower-casing, or removing accents) is applied to
    both sides before comparing; an exact match once folded comes alone."""
    fold = fold or (lambda s: s)
    target = fold(name)
    unique = sorted(set(candidates))
    exact = [c for c in unique if fold(c) == target]
    if exact:
        return exact[:1]
    scored = sorted(((difflib.SequenceMatcher(None, target, fold(c)).ratio(), c) for c in unique),
                    key=lambda sc: (-sc[0], sc[1]))
    best = scored[0][0] if scored else 0.0
    return [c for ratio, c in scored[:limit] if ratio >= cutoff and ratio >= best - 0.1]


def did_you_mean(matches: list[str]) -> str:
    """« vouliez-vous dire « a » ? » or « vouliez-vous dire « a » ou « b » ? »; "" when none."""
    if not matches:
        return ""
    return "vouliez-vous dire " + " ou ".join(f"« {m} »" for m in matches) + " ?"
