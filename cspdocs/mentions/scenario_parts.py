"""The parts the scenarios of ``cspdocs lint`` are built from (scenario_matrix.py): employers,
economic motives, procedure dates, and the builders of a procedure and of an employee as data."""

from __future__ import annotations

from typing import Any

EMPLOYEUR_LYON = {
    "raison_sociale": "Imprimerie Vaudrey",
    "forme_juridique": "SAS",
    "siret": "33016613300042",
    "adresse": {"rue": "48 rue de Gerland", "code_postal": "69007", "ville": "Lyon"},
    "effectif": 38,
    "signataire": {"nom": "Nathalie Girard", "qualite": "Présidente"},
}
EMPLOYEUR_STRASBOURG = {
    "raison_sociale": "Cartonnerie de l'Ill",
    "forme_juridique": "SAS",
    "siret": "72601815300015",
    "adresse": {"rue": "12 rue du Port-du-Rhin", "complement": "Zone portuaire sud",
                "code_postal": "67100", "ville": "Strasbourg"},
    "effectif": 42,
    "signataire": {"nom": "Claire Martin", "qualite": "Directrice des ressources humaines"},
}
EMPLOYEUR_PSE = {
    "raison_sociale": "Fonderies du Rhône",
    "forme_juridique": "SA",
    "adresse": {"rue": "3 quai Fillon", "code_postal": "69600", "ville": "Oullins-Pierre-Bénite"},
    "effectif": 180,
    "effectif_groupe": 640,
    "signataire": {"nom": "Hélène Roux", "qualite": "Directrice générale"},
}
EMPLOYEUR_REUNION = {
    "raison_sociale": "Transports du Port",
    "forme_juridique": "SARL",
    "adresse": {"rue": "22 rue de la Croix-Rouge", "code_postal": "97420", "ville": "Le Port"},
    "effectif": 17,
    "signataire": {"nom": "Jean-Marc Payet", "qualite": "Gérant"},
}
EMPLOYEUR_MAYOTTE = {
    "raison_sociale": "Comptoir Mahorais de Distribution",
    "forme_juridique": "SARL",
    "siret": "30824628900034",
    "adresse": {"rue": "17 rue du Commerce", "complement": "Zone industrielle de Kawéni",
                "code_postal": "97600", "ville": "Mamoudzou"},
    "effectif": 23,
    "signataire": {"nom": "Anfane Madi", "qualite": "Gérant"},
}

MOTIFS = {
    "difficultes_economiques": (
        "Baisse du chiffre d'affaires de 27 % sur les quatre derniers trimestres consécutifs par rapport à la "
        "même période de l'année précédente et résultat d'exploitation déficitaire de 310 000 € au "
        "31 décembre 2025."
    ),
    "mutations_technologiques": (
        "Remplacement des deux presses offset par une ligne d'impression numérique entièrement automatisée, "
        "mise en service le 2 mars 2026, qui ne requiert plus de conducteur."
    ),
    "sauvegarde_competitivite": (
        "Regroupement des ateliers de façonnage sur le site de Vénissieux, nécessaire pour ramener le coût "
        "de revient au niveau de celui des concurrents, dont les prix sont inférieurs de 18 % aux nôtres."
    ),
    "cessation_activite": (
        "Cessation totale et définitive de l'activité de l'entreprise prononcée par le jugement de "
        "liquidation judiciaire, sans poursuite d'activité."
    ),
}
RECLASSEMENT = (
    "Aucun poste disponible de même catégorie, de catégorie équivalente ou, avec votre accord, de catégorie "
    "inférieure n'existe dans l'entreprise."
)


def procedure(type_: str, cause: str = "difficultes_economiques", consequence: str = "suppression",
              **extra: Any) -> dict[str, Any]:
    data = {
        "type": type_,
        "motif_economique": {"cause": cause, "faits": MOTIFS[cause], "consequence": consequence},
        "reclassement": RECLASSEMENT,
    }
    data.update(extra)
    return data


def employee(matricule: str = "S01", **extra: Any) -> dict[str, Any]:
    data = {
        "matricule": matricule,
        "civilite": "Madame",
        "prenom": "Lucie",
        "nom": "Perrin",
        "adresse": {"rue": "7 rue Pasteur", "code_postal": "69100", "ville": "Villeurbanne"},
        "date_entree": "2014-09-01",
        "emploi": "conductrice offset",
        "salaire_brut_mensuel": "2900.00",
    }
    data.update(extra)
    return data


INDIV = dict(date_entretien_prealable="2026-05-11")
CONVOC = dict(date_convocation="2026-04-30")
CSE_ALSACE = dict(cse=True, date_convocation_premiere_reunion_cse="2026-02-24", date_derniere_reunion_cse="2026-03-13",
                  date_premiere_reunion_cse="2026-03-02", date_notification_projet_administration="2026-03-03")
# L1225-4 al. 1: the reason the contract cannot be maintained, stated in the letter and the motive
IMPOSSIBILITE = dict(impossibilite_maintien_contrat=(
    "l'atelier de façonnage où vous travaillez ferme définitivement et tous ses postes sont supprimés"))
ORDONNANCE = {"date": "2026-05-06", "objet": "le licenciement de 4 salariés de l'atelier de façonnage"}
PSE = dict(cse=True, date_derniere_reunion_cse="2026-03-02", date_notification_projet_administration="2026-02-02",
           date_decision_administration="2026-03-18")

