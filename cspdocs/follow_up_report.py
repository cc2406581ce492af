"""Each employee's state and the actions due as of a date, and the case totals, as views for a
reader (``cspdocs suivi``): French text, JSON, or the one-line-per-employee table.

The rules live in the engine (cspdocs/engine/actions.py: ``case_follow_up``); this module only
words what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from .engine.facts import CaseResult

STATUTS = {"fait": "fait", "a_faire": "à faire", "en_retard": "EN RETARD", "sans_objet": "sans objet"}


@dataclass(frozen=True)
class FollowUp:
    """The follow-up of ``selected`` employees of ``result`` as of ``au``; ``data``: the engine's
    ``case_follow_up`` (``au``, ``salaries``: (employee, follow-up) pairs, ``totaux``)."""

    result: CaseResult
    au: date
    selected: tuple
    data: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return suivi_json(self.result.name, self.data)

    def text(self) -> str:
        return suivi_text(self.result.name, self.data)

    def table(self, width: int = 100) -> str:
        """One line per employee (state, next action), counts and totals, ``width`` characters wide;
        the employees whose plan slipped (R-76, review finding 1) noted under it."""
        from .rh.tableau import tableau

        slipped = tuple(f"{rs.employee.matricule} : {c.text}" for rs, f in self.data["salaries"] for c in f["constats"]
                        if c.code == "R-76")
        return tableau(self.result, self.selected, width=width, notes=tuple(f"⚠ {c}" for c in slipped), au=self.au)


def follow_up(result: CaseResult, au: Optional[date], selected: Optional[tuple] = None) -> FollowUp:
    """The follow-up as of ``au`` (default: the case's as-of date, else today) of ``selected``
    (default: every employee)."""
    from .as_of import today
    from .engine.actions import case_follow_up

    au = au or result.as_of or today()
    selected = result.employees if selected is None else tuple(selected)
    return FollowUp(result, au, selected, case_follow_up(result, au, selected))


def suivi_json(nom: str, data: dict[str, Any]) -> dict[str, Any]:
    from .report import _plain

    return {
        "dossier": nom,
        "au": _plain(data["au"]),
        "salaries": [{"matricule": rs.employee.matricule, **_plain({k: v for k, v in f.items() if k != "faits"}),
                      "constats": [c.text for c in f["constats"]]}
                     for rs, f in data["salaries"]],
        "totaux": _plain(data["totaux"]),
    }


def _employee_lines(rs, f: dict[str, Any]) -> list[str]:
    from .formats import explanation_date as fr

    s = rs.employee
    lines = [f"{s.civilite} {s.prenom} {s.nom} (matricule {s.matricule}) — {f['etat_libelle']}"]
    for a in f["actions"]:
        if a["statut"] == "sans_objet":
            continue
        when = fr(a["echeance"]) if a["echeance"] else "—"
        done = f", le {fr(a['fait_le'])}" if a["statut"] == "fait" and a["fait_le"] else ""
        note = f" ({a['note']})" if a["note"] else ""
        lines.append(f"    [{STATUTS[a['statut']]}{done}] {a['libelle']} — échéance {when}{note}")
        lines.append(f"        Sources : {' ; '.join(a['sources'])}")
    return lines + [f"    ⚠ {c.text}" for c in f["constats"]] + [""]


def suivi_text(nom: str, data: dict[str, Any]) -> str:
    from .engine.amounts import eur
    from .formats import explanation_date as fr

    lines = [f"Suivi du dossier {nom} au {fr(data['au'])}", ""]
    for rs, f in data["salaries"]:
        lines += _employee_lines(rs, f)
    t = data["totaux"]
    r = t["reponses"]
    lines.append(f"Réponses : {r['acceptation']} acceptation(s), {r['refus']} refus, {r['sans_reponse']} sans réponse "
                 f"(refus), {r['en_attente']} en attente.")
    for m in t["montants_dus"]:
        lines.append(f"Contribution à verser au plus tard le {fr(m['echeance'])} : {eur(m['montant'])}")
    return "\n".join(lines) + "\n"
