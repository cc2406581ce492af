"""Each employee's state, next action and deadlines, as the engine computed them, for the summary,
the table view and the calendar.

Nothing of the law is computed here. The state and the actions are the engine's
(``engine/actions.py``: ``follow_up``, with their due dates, statuses and legal sources); the other
deadlines are dates of ``ResultatSalarie.dates`` with the engine's explanation and sources. This
module only chooses what to show:

- every action the engine gives a due date (done ones too, so that a calendar event does not vanish
  once done), except those that do not apply to the employee;
- the plan's other dates (earliest and last day to post the letter, rupture if accepted, and, while
  no acceptance is recorded, the contribution's due date and the end of the priorité de réembauche
  in case of acceptance), unless an action already covers the same deadline, the letter is posted,
  or the employee's answer (or the expiry of the period) makes a date "if accepted" moot.

A deadline's ``cle`` is the plan date's key when the action and the plan date are the same deadline
(the contribution's due date before and after the acceptance): the calendar's UIDs derive from it,
so a re-imported calendar updates the event instead of duplicating it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from ..engine.actions import A_FAIRE, EN_RETARD, FAIT, SANS_OBJET, follow_up
from ..engine.facts import ResultatDossier, ResultatSalarie

# action of the engine -> key of the plan date it is the same deadline as
MEME_ECHEANCE = {
    "lettre": "envoi_lettre",
    "contribution": "echeance_contribution_employeur",
}

# (date key of the engine, label, applies only if the CSP is accepted)
DATES_DU_PLAN: tuple[tuple[str, str, bool], ...] = (
    ("remise", "Remise des documents du CSP", False),
    ("fin_delai_reflexion", "Fin du délai de réflexion", False),
    ("envoi_lettre_au_plus_tot", "Lettre recommandée : envoi au plus tôt", False),
    ("envoi_lettre", "Lettre recommandée : envoi prévu", False),
    ("fin_delai_envoi_lettre", "Lettre recommandée : date limite d'envoi", False),
    ("rupture_si_acceptation", "Rupture du contrat en cas d'acceptation", True),
    ("echeance_contribution_employeur", "Contribution à l'opérateur : échéance (en cas d'acceptation)", True),
    ("fin_priorite_reembauche", "Fin de la priorité de réembauche (en cas d'acceptation)", True),
)
_LETTRE = {"envoi_lettre_au_plus_tot", "envoi_lettre", "fin_delai_envoi_lettre"}
# states in which the CSP was not (or not yet known to be) accepted and never will be
_SANS_ADHESION = {"refuse", "expire_sans_reponse", "lettre_envoyee"}

STATUTS = {FAIT: "fait", A_FAIRE: "à faire", EN_RETARD: "en retard", SANS_OBJET: "sans objet", None: "date prévue"}


@dataclass(frozen=True)
class Echeance:
    cle: str
    libelle: str
    date: date
    matricule: str
    nom: str  # "Prénom Nom"
    raisonnement: str
    sources: tuple[str, ...]
    statut: Optional[str] = None  # the engine's action status; None: a date of the plan
    fait_le: Optional[date] = None
    note: str = ""


@dataclass(frozen=True)
class Fiche:
    """One employee as the HR outputs show them: the engine's result and follow-up as of ``au``."""

    rs: ResultatSalarie
    au: date
    suivi: dict[str, Any]  # engine/actions.follow_up
    echeances: tuple[Echeance, ...]

    @property
    def etat(self) -> str:
        return self.suivi["etat_libelle"]

    def en_retard(self) -> list[dict[str, Any]]:
        return [a for a in self.suivi["actions"] if a["statut"] == EN_RETARD]

    def prochaine(self) -> Optional[dict[str, Any]]:
        """The next thing to do: the oldest overdue action, else the first action due (by due date,
        an action without a known date last)."""
        late = self.en_retard()
        if late:
            return min(late, key=lambda a: a["echeance"])
        due = [a for a in self.suivi["actions"] if a["statut"] == A_FAIRE]
        return min(due, key=lambda a: (a["echeance"] is None, a["echeance"] or date.min), default=None)


def fiche(resultat: ResultatDossier, rs: ResultatSalarie, au: date, follow: Optional[dict[str, Any]] = None) -> Fiche:
    """``follow``: the engine's follow-up of ``rs`` as of ``au`` when already computed."""
    follow = follow_up(resultat.dossier, rs, au) if follow is None else follow
    return Fiche(rs, au, follow, tuple(_echeances(rs, follow)))


def fiches(resultat: ResultatDossier, au: date, salaries=None):
    """The employees one at a time (a generator: nothing is kept for the whole case)."""
    for rs in resultat.salaries if salaries is None else salaries:
        yield fiche(resultat, rs, au)


def _echeances(rs: ResultatSalarie, follow: dict[str, Any]) -> list[Echeance]:
    s = rs.salarie
    name = f"{s.prenom} {s.nom}"
    out, covered = [], set()
    letter_done = False
    for a in follow["actions"]:
        if a["action"] == "lettre" and a["statut"] in (FAIT, SANS_OBJET):
            letter_done = True
        if a["statut"] == SANS_OBJET or a["echeance"] is None:
            continue
        key = MEME_ECHEANCE.get(a["action"], a["action"])
        covered.add(key)
        out.append(Echeance(key, a["libelle"], a["echeance"], s.matricule, name, "", tuple(a["sources"]),
                            a["statut"], a["fait_le"], a["note"]))
    moot = follow["etat"] in _SANS_ADHESION
    for key, label, if_accepted in DATES_DU_PLAN:
        when = rs.dates.get(key)
        if when is None or key in covered or (if_accepted and moot) or (key in _LETTRE and letter_done):
            continue
        explication = rs.explication(f"dates.{key}")
        out.append(Echeance(key, label, when, s.matricule, name,
                            explication.raisonnement if explication else "",
                            tuple(explication.sources) if explication else ()))
    return sorted(out, key=lambda e: e.date)


def ordre(e: Echeance) -> tuple:
    """Sort key: by date, then employee."""
    return (e.date, e.matricule, e.cle)


def echeances(resultat: ResultatDossier, au: date) -> list[Echeance]:
    """Every deadline of every employee, by date then employee (kept in memory: for tests and small cases)."""
    return sorted((e for f in fiches(resultat, au) for e in f.echeances), key=ordre)
