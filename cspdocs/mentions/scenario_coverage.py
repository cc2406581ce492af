"""Which conditions of the mention files the scenario matrix exercises: ``cspdocs lint`` reports
each one no scenario makes true (a mention it could not check)."""

from __future__ import annotations

from typing import Iterable, Optional

from .facts import Faits
from .model import Catalogue, default_catalogue
from .scenarios import ComputedScenario, computed_scenarios


def coverage(catalogue: Optional[Catalogue] = None,
             computed: Optional[Iterable[ComputedScenario]] = None) -> list[str]:
    """Conditions of the mention files that no scenario makes true (French, one per gap)."""
    catalogue = catalogue or default_catalogue()
    computed = list(computed if computed is not None else computed_scenarios())
    gaps = []
    for art in catalogue.artefacts.values():
        facts = [Faits(c.resultat, c.salarie) for c in computed]
        applicable = [f for f in facts if f.holds(art.applicable)]
        if not applicable:
            gaps.append(f"{art.id} : aucun scénario où le document existe")
            continue
        for m in art.mentions:
            if m.positive and m.condition and not any(f.holds(m.condition) for f in applicable):
                gaps.append(f"{art.id}, mention {m.id} : condition jamais remplie {dict(m.condition)}")
            for c in m.cas:
                if not any(f.holds(m.condition) and f.holds(c.condition) for f in applicable):
                    gaps.append(f"{art.id}, mention {m.id} : cas jamais rencontré {dict(c.condition)}")
            if m.interdite and m.interdite.condition and not any(f.holds(m.interdite.condition) for f in applicable):
                gaps.append(f"{art.id}, mention {m.id} : interdiction jamais vérifiée {dict(m.interdite.condition)}")
    return gaps
