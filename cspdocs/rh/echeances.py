"""The deadlines of each employee, as the engine computed them, for the summary and the calendar.

Nothing is computed here: each deadline is a date of ``ResultatSalarie.dates`` with the engine's
explanation and sources. Only the dates the engine gives appear (a date the engine leaves unknown,
e.g. before an authorisation is notified, has no event).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..engine.facts import ResultatDossier, ResultatSalarie

# (date key of the engine, label of the event). France Travail transmissions will join this list
# when the engine provides their dates (issue 10).
ECHEANCES: tuple[tuple[str, str], ...] = (
    ("remise", "Remise des documents du CSP"),
    ("fin_delai_reflexion", "Fin du délai de réflexion"),
    ("envoi_lettre_au_plus_tot", "Lettre recommandée : envoi au plus tôt"),
    ("envoi_lettre", "Lettre recommandée : envoi prévu"),
    ("fin_delai_envoi_lettre", "Lettre recommandée : date limite d'envoi"),
    ("rupture_si_acceptation", "Rupture du contrat en cas d'acceptation"),
    ("echeance_contribution_employeur", "Contribution à l'opérateur : échéance (en cas d'acceptation)"),
    ("fin_priorite_reembauche", "Fin de la priorité de réembauche"),
)


@dataclass(frozen=True)
class Echeance:
    cle: str
    libelle: str
    date: date
    matricule: str
    nom: str  # "Prénom Nom"
    raisonnement: str
    sources: tuple[str, ...]


def echeances_salarie(rs: ResultatSalarie) -> list[Echeance]:
    s = rs.salarie
    out = []
    for key, label in ECHEANCES:
        when = rs.dates.get(key)
        if when is None:
            continue
        explication = rs.explication(f"dates.{key}")
        out.append(Echeance(key, label, when, s.matricule, f"{s.prenom} {s.nom}",
                            explication.raisonnement if explication else "",
                            tuple(explication.sources) if explication else ()))
    return out


def echeances(resultat: ResultatDossier) -> list[Echeance]:
    """Every deadline of every employee, by date, then employee, then the order of ECHEANCES."""
    order = {key: i for i, (key, _) in enumerate(ECHEANCES)}
    found = [e for rs in resultat.salaries for e in echeances_salarie(rs)]
    return sorted(found, key=lambda e: (e.date, order[e.cle], e.matricule))
