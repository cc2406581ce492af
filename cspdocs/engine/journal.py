"""The journal of what happened (``salarie.suivi``) folded into the planned keys (issue 10).

The journal wins over the plan: an actual handover replaces the planned ``date_remise`` (at a
distance: the posting replaces ``date_envoi_documents``, the first presentation ``date_remise``,
R-14), the posting of the letter replaces ``date_envoi_lettre``, its presentation
``date_presentation_lettre``. The engine then computes from the effective employee.
"""

from __future__ import annotations

from ..case.model import Salarie

# journal key -> (planned key in person, planned key at a distance)
_FOLDS = {
    "remise": ("date_remise", "date_envoi_documents"),
    "presentation_documents": (None, "date_remise"),
    "lettre_envoyee": ("date_envoi_lettre", "date_envoi_lettre"),
    "presentation_lettre": ("date_presentation_lettre", "date_presentation_lettre"),
}


def effective(s: Salarie) -> Salarie:
    """``s`` with the journal's actual dates in place of the planned ones (``s`` itself when none)."""
    j = s.suivi
    if j is None:
        return s
    remote = s.mode_remise != "main_propre"
    update = {}
    for key, planned in _FOLDS.items():
        value = getattr(j, key)
        target = planned[1] if remote else planned[0]
        if value is not None and target is not None:
            update[target] = value
    return s.model_copy(update=update) if update else s


def journal_source(s: Salarie, planned_key: str) -> tuple:
    """The key path (within the employee) that gave ``planned_key``: the journal's when it did."""
    j = s.suivi
    if j is None:
        return (planned_key,)
    remote = s.mode_remise != "main_propre"
    for key, planned in _FOLDS.items():
        if (planned[1] if remote else planned[0]) == planned_key and getattr(j, key) is not None:
            return ("suivi", key)
    return (planned_key,)
