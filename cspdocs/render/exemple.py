"""A hand-made engine result matching the example of case-format.md.

Used by the rendering tests and the benchmark, and handy to preview a customised template
without a case file. The values are those of the contract's example (Julie Bernard, handover on
3 March 2026), not a computation: the engine is the only place where law is computed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ..case.model import Dossier, Salarie
from ..engine.facts import Explanation, CaseResult, EmployeeResult

DOSSIER = {
    "employeur": {
        "raison_sociale": "Ateliers Durand",
        "forme_juridique": "SAS",
        "siret": "73282932000074",
        "adresse": {"rue": "12 rue des Forges", "code_postal": "57000", "ville": "Metz"},
        "effectif": 240,
        "signataire": {"nom": "Claire Martin", "qualite": "Directrice des ressources humaines"},
    },
    "procedure": {
        "type": "individuel",
        "date_engagement": "2026-02-20",
        "date_entretien_prealable": "2026-03-03",
        "motif_economique": {
            "cause": "difficultes_economiques",
            "faits": (
                "Baisse du chiffre d'affaires de 23 % sur quatre trimestres consécutifs par rapport "
                "à la même période de l'année précédente (de 18,4 M€ à 14,2 M€), et perte "
                "d'exploitation de 1,1 M€ sur l'exercice 2025."
            ),
            "consequence": "suppression",
        },
        "reclassement": (
            "Aucun poste disponible correspondant à vos compétences, même de catégorie "
            "inférieure, n'existe dans l'entreprise ; les deux postes vacants (soudeur, "
            "comptable) requièrent des qualifications que vous ne détenez pas et qu'une "
            "formation d'adaptation ne permettrait pas d'acquérir."
        ),
    },
    "salaries": [
        {
            "matricule": "E001",
            "civilite": "Madame",
            "prenom": "Julie",
            "nom": "Bernard",
            "adresse": {"rue": "3 allée des Tilleuls", "code_postal": "57070", "ville": "Metz"},
            "date_entree": "2015-03-01",
            "emploi": "technicienne de maintenance",
            "salaire_brut_mensuel": "2850.00",
        }
    ],
}

DATES = {
    "remise": date(2026, 3, 3),
    "debut_delai_reflexion": date(2026, 3, 4),
    "fin_delai_reflexion": date(2026, 3, 24),
    "envoi_lettre_au_plus_tot": date(2026, 3, 12),
    "envoi_lettre": date(2026, 3, 12),
    "rupture_si_acceptation": date(2026, 3, 24),
    "debut_csp": date(2026, 3, 25),
    "fin_csp": date(2027, 3, 24),
    "fin_10e_mois_csp": date(2027, 1, 24),
    "echeance_contribution_employeur": date(2026, 5, 25),
    "fin_priorite_reembauche": date(2027, 3, 24),
    "entretien_prealable": date(2026, 3, 3),
    "derniere_reunion_cse": None,
    "decision_administration": None,
    "notification_autorisation": None,
    "enonce_motif": date(2026, 3, 3),
    "fin_preavis": date(2026, 5, 14),
    "fin_delai_reflexion_21_jours": date(2026, 3, 24),
    "envoi_documents": None,
}

MONTANTS = {
    "anciennete_annees": Decimal("11.17"),
    "salaire_reference": Decimal("2850.00"),
    "preavis_mois": Decimal("2"),
    "indemnite_preavis": Decimal("5700.00"),
    "contribution_employeur": Decimal("5700.00"),
    "contribution_employeur_charges_comprises": None,
    "excedent_preavis_salarie": Decimal("0.00"),
    "indemnite_legale_licenciement": Decimal("8233.33"),
    "indemnite_licenciement_due": Decimal("8233.33"),
    "penalite_defaut_proposition": {"refus": Decimal("5700.00"), "adhesion": Decimal("8550.00")},
    "asp_journaliere": None,
}

CONDITIONS = {
    "salarie_protege": False,
    "pse": False,
    "anciennete_moins_un_an": False,
    "maternite": False,
    "cadre": False,
    "procedure_collective_judiciaire": False,
    "decision_autorisation_attendue_a_la_remise": False,
    "remise_a_distance": False,
    "echeance_connue_a_la_remise": True,
    "regime_inconnu": False,
    "liquidation": False,
    "redressement": False,
    "protection_relative_maternite": False,
    "signature_mandataire_seul": False,
    "signature_conjointe": False,
    "anciennete_un_an_incertaine": False,
}

# The dated values of the example (convention of 26 January 2015, procedure of 2026).
PARAMETRES = {
    "taux_asp": Decimal("0.75"), "taux_asp_pourcent": 75, "duree_delai_reflexion_jours": 21,
    "plafond_contribution_mois": 3, "duree_delai_reflexion_lettres": "vingt et un",
    "duree_delai_reflexion_ordinal": "vingt et unième", "plafond_contribution_lettres": "trois",
    "duree_csp_mois": 12, "duree_csp_lettres": "douze", "duree_priorite_reembauche_mois": 12,
    "duree_priorite_reembauche_lettres": "douze", "anciennete_minimale_asp_mois": 12,
    "anciennete_minimale_asp_lettres": "douze",
}


def dossier(**employeur: Any) -> Dossier:
    data = {**DOSSIER, "employeur": {**DOSSIER["employeur"], **employeur}}
    return Dossier.model_validate(data)


def resultat_salarie(
    salarie: Salarie,
    *,
    variante: str = "conservatoire",
    dates: dict | None = None,
    amounts: dict | None = None,
    conditions: dict | None = None,
    operateur: str = "France Travail",
    letter_operator: str | None = None,
    circonstance: str = "entretien_prealable",
) -> EmployeeResult:
    all_dates = {**DATES, **(dates or {})}
    return EmployeeResult(
        employee=salarie,
        zone="metropole",
        operator=operateur,
        dates=all_dates,
        letter={"variante": variante, "rappel_delai_requis": variante == "conservatoire"},
        amounts={**MONTANTS, **(amounts or {})},
        explanations=(
            Explanation(
                "dates.fin_delai_reflexion",
                all_dates["fin_delai_reflexion"],
                "21 jours calendaires à compter du lendemain de la remise.",
                ("Convention du 26 janvier 2015, art. 4 § 1",),
            ),
        ),
        warnings=(),
        handover_circumstance=circonstance,
        conditions={**CONDITIONS, **(conditions or {})},
        letter_operator=letter_operator or operateur,
        parameters=dict(PARAMETRES),
    )


def resultat(n: int = 1, *, variante: str = "conservatoire", **employeur: Any) -> CaseResult:
    """``n`` employees sharing the example's facts (matricules E001, E002, ...)."""
    base = dossier(**employeur)
    model = base.salaries[0]
    salaries = [
        model.model_copy(update={"matricule": f"E{i + 1:03d}", "nom": f"{model.nom}" if i == 0 else f"{model.nom}-{i + 1}"})
        for i in range(n)
    ]
    case = base.model_copy(update={"salaries": salaries})
    return CaseResult(
        name="exemple.yaml",
        case=case,
        regime={"texte": "convention du 26 janvier 2015, avenant n° 11 (jusqu'au 31/12/2026)",
                "valable_jusqu_au": date(2026, 12, 31)},
        employees=tuple(resultat_salarie(s, variante=variante) for s in salaries),
    )
