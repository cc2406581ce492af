"""The public contract JSON (case-format.md: add keys, never rename) of a computed case, and, when
the case is computed as of a date, the state at that date in added keys (``cspdocs compute
--format json``, ``api.contract_json``)."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from .engine.facts import CaseResult


def contract_json(result: CaseResult, selected: Optional[tuple] = None, au: Optional[date] = None) -> dict[str, Any]:
    """The contract of ``selected`` (default: every employee), plus the state as of ``au``
    (default: the date the case was computed as of; none for the plan alone)."""
    from .report import dossier_json

    selected = result.employees if selected is None else tuple(selected)
    return with_state(dossier_json(result, selected), result, selected, au or result.as_of)


def with_state(data: dict, result: CaseResult, selected, as_of: Optional[date]) -> dict:
    """The contract (the plan, independent of the as-of date) plus, in added keys, the state as of
    ``as_of``: ``au`` and, per employee, ``etat_au`` (state, documents' dates and delivery, findings and,
    after a refusal, the end of the notice with its explanation: ``fin_preavis_refus``)."""
    from .engine.actions import follow_up
    from .engine.refusal_dates import refusal_as_of
    from .render import dated
    from .report import _plain

    if as_of is None:
        return data
    data["au"] = as_of.isoformat()
    for entry, rs in zip(data["salaries"], selected):
        f = follow_up(result.case, rs, as_of)
        v = dated.view(result, rs)
        entry["etat_au"] = _plain({"etat": f["etat"], "etat_libelle": f["etat_libelle"],
                                   "documents": v.documents() if v else None,
                                   "constats": [c.text for c in f["constats"]]})  # the R-76 findings included (engine/actions.py)
        notice = refusal_as_of(f["faits"], as_of)
        if notice is not None:
            entry["etat_au"]["fin_preavis_refus"] = _plain({"valeur": notice.value, "raisonnement": notice.reasoning,
                                                            "sources": list(notice.sources)})
    return data
