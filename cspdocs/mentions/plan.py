"""What checking a mention needs that never changes, read once per mention file (``plans``).

A batch checks the same mentions in thousands of documents: their conditions are read once into
predicates (facts.predicate), the first fields of their results (artefact, id, label, level,
source) are put together once, and so on. ``plans(art)`` gives them for every mention of a file,
in the file's order; checker.py runs them against one document.
"""

from __future__ import annotations

from typing import Optional

from .facts import Predicate, predicate
from .model import Cas, Mention, MentionFile, Reconnaissance


class MentionPlan:
    """One mention of a file, as its check reads it."""

    __slots__ = ("mention", "positive", "head", "condition", "cases", "attendu", "reconnaissance",
                 "forbidden", "forbidden_motifs", "forbidden_attendu")

    def __init__(self, art: MentionFile, mention: Mention):
        self.mention = mention
        self.positive = mention.positive  # something must be present (or in order)
        self.head = (art.id, mention.id, mention.libelle, mention.niveau, mention.source)
        self.condition: Predicate = predicate(mention.condition)
        self.cases: tuple[tuple[Predicate, Cas], ...] = tuple((predicate(c.condition), c) for c in mention.cas)
        self.attendu = mention.attendu
        self.reconnaissance: Reconnaissance = mention.reconnaissance
        forbidden = mention.interdite
        self.forbidden: Optional[Predicate] = predicate(forbidden.condition) if forbidden is not None else None
        self.forbidden_motifs = forbidden.motifs if forbidden is not None else ()
        self.forbidden_attendu = forbidden.attendu if forbidden is not None else ""


_PLANS: dict[int, tuple[MentionFile, tuple[MentionPlan, ...]]] = {}  # by file (kept: its id is never another's)


def plans(art: MentionFile) -> tuple[MentionPlan, ...]:
    """The plans of the mentions of ``art``, in its order."""
    found = _PLANS.get(id(art))
    if found is None or found[0] is not art:
        if len(_PLANS) >= 256:
            _PLANS.clear()
        found = _PLANS[id(art)] = (art, tuple(MentionPlan(art, m) for m in art.mentions))
    return found[1]
