"""JSON Schema (draft 2020-12) of a case file, for editors and outside tools.

It is pydantic's schema of ``Dossier``, adjusted to what a file may contain (``salaries`` or
``salaries_csv``), with French titles and descriptions.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from .model import Dossier

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_MODELS = {
    "Dossier": "Dossier CSP : un employeur, une procédure, un ou plusieurs salariés",
    "Employeur": "L'employeur qui propose le CSP",
    "Adresse": "Adresse postale",
    "LieuTravail": "Lieu de travail (ses jours fériés s'appliquent aux délais)",
    "Signataire": "Personne qui signe les documents",
    "Procedure": "La procédure de licenciement pour motif économique",
    "MotifEconomique": "Le motif économique, énoncé par écrit dans les documents",
    "Salarie": "Un salarié à qui le CSP est proposé",
    "SalarieProtege": "Salarié protégé : licenciement soumis à autorisation administrative",
    "Reponse": "Réponse du salarié à la proposition de CSP",
    "Mandataire": "Mandataire de justice (liquidateur, administrateur judiciaire) qui signe ou assiste",
    "OrdonnanceJugeCommissaire": "Ordonnance du juge-commissaire autorisant les licenciements (C. com. L631-17)",
    "DecisionAdministration": "PSE : nature de la décision administrative (validation ou homologation)",
    "Suivi": "Journal de ce qui s'est réellement passé (dates effectives) ; il prime sur les dates prévues",
}

_FIELDS = {
    "Dossier": {
        "employeur": "L'employeur",
        "procedure": "La procédure",
        "salaries": "Les salariés (au moins un) ; ou bien « salaries_csv »",
        "salaries_csv": "Tableur des salariés (.xlsx, ou .csv en UTF-8 ou Windows-1252), placé dans le dossier du cas ou un sous-dossier",
        "pdf": "Produire aussi les fichiers PDF",
    },
    "Employeur": {
        "raison_sociale": "Raison sociale",
        "forme_juridique": "Forme juridique (SAS, SARL…)",
        "siret": "SIRET : 14 chiffres, clé de Luhn valide",
        "adresse": "Adresse de l'employeur",
        "effectif": "Effectif de l'entreprise",
        "effectif_groupe": "Effectif du groupe auquel elle appartient",
        "procedure_collective": "Redressement ou liquidation judiciaire (CSP dû quelle que soit la taille)",
        "date_jugement": "Date du jugement d'ouverture (AAAA-MM-JJ)",
        "zone": "Zone des jours fériés ; par défaut déduite du code postal",
        "signataire": "Signataire des documents",
        "jours_feries_supplementaires": "Jours chômés locaux comptés comme fériés (AAAA-MM-JJ)",
        "vendredi_saint_ferie": "Alsace-Moselle : Vendredi saint férié dans la commune",
        "mandataire": "Liquidateur ou administrateur judiciaire (nom, qualité, mission)",
        "ordonnance_juge_commissaire": "Redressement judiciaire : ordonnance autorisant les licenciements",
    },
    "Adresse": {
        "rue": "Numéro et voie",
        "complement": "Complément d'adresse",
        "code_postal": "Code postal : 5 chiffres",
        "ville": "Commune",
    },
    "LieuTravail": {"code_postal": "Code postal : 5 chiffres", "ville": "Commune"},
    "Signataire": {"nom": "Prénom et nom", "qualite": "Qualité (fonction)"},
    "Procedure": {
        "type": "Type de procédure",
        "date_engagement": "Date d'engagement de la procédure (choisit les règles applicables)",
        "date_entretien_prealable": "Date de l'entretien préalable",
        "cse": "Licenciement d'au moins 10 salariés : un CSE existe",
        "date_derniere_reunion_cse": "Date de la dernière réunion du CSE",
        "date_notification_projet_administration": "Date de notification du projet à la DREETS",
        "date_decision_administration": "PSE : notification ou acquisition de la validation/homologation",
        "motif_economique": "Motif économique",
        "reclassement": "Recherches de reclassement et raisons de leur échec",
        "date_convocation_premiere_reunion_cse": "Présentation de la convocation à la première réunion du CSE",
        "lieu_remise": "Lieu de remise des documents (par défaut : la ville de l'employeur)",
        "date_proposition_modification": "Date de la proposition de modification refusée (L1222-6)",
        "date_premiere_reunion_cse": "Date de la première réunion du CSE (notification DREETS au plus tôt le lendemain)",
        "decision_administration": "PSE : nature (validation ou homologation), décision implicite, autorité",
        "lecture_anciennete_indemnite": "Ancienneté de l'indemnité de licenciement : fin_preavis (défaut) ou rupture",
    },
    "MotifEconomique": {
        "cause": "Cause économique",
        "faits": "Faits précis, repris dans les documents",
        "consequence": "Conséquence sur l'emploi",
    },
    "SalarieProtege": {
        "date_notification_autorisation": "Notification à l'employeur de la décision d'autorisation",
        "autorisation_refusee": "L'autorisation de licenciement a été refusée",
    },
    "Reponse": {"decision": "Acceptation ou refus", "date": "Date de la réponse (envoi du bulletin)"},
    "Salarie": {
        "matricule": "Matricule, unique dans le dossier",
        "civilite": "Civilité",
        "prenom": "Prénom",
        "nom": "Nom",
        "adresse": "Adresse du salarié",
        "lieu_travail": "Lieu de travail, s'il diffère de l'adresse de l'employeur",
        "date_entree": "Date d'entrée dans l'entreprise",
        "emploi": "Emploi occupé",
        "cadre": "Personnel d'encadrement",
        "salaire_brut_mensuel": "Salaire brut mensuel (euros)",
        "salaires_12_derniers_mois": "Jusqu'à 12 salaires bruts mensuels, du plus ancien au plus récent, sans les primes annuelles",
        "primes_annuelles_3_derniers_mois": "Primes annuelles ou exceptionnelles versées les 3 derniers mois",
        "mois_non_comptes_anciennete": "Mois de suspension non comptés dans l'ancienneté",
        "travailleur_handicape": "Travailleur handicapé (préavis doublé, plafonné à 3 mois)",
        "preavis_mois": "Préavis en mois, s'il est plus favorable que la loi",
        "indemnite_conventionnelle": "Indemnité conventionnelle de licenciement, si plus élevée",
        "taux_charges_patronales": "Taux de charges patronales sur la contribution (ex. 0.42)",
        "salarie_protege": "Salarié protégé",
        "fin_protection_maternite": "Dernier jour de la protection absolue liée au congé de maternité",
        "date_entretien_prealable": "Entretien préalable propre à ce salarié",
        "date_convocation": "Présentation de la convocation à l'entretien préalable",
        "date_remise": "Date de remise des documents, si elle diffère de la date calculée",
        "mode_remise": "Mode de remise des documents",
        "date_envoi_lettre": "Date d'envoi prévue de la lettre recommandée",
        "salaire_journalier_reference": "Salaire journalier de référence calculé par France Travail",
        "reponse": "Réponse du salarié",
        "zone": "Zone des jours fériés de ce salarié",
        "impossibilite_maintien_contrat": "Maternité, 10 semaines suivant la protection : motif, étranger à la grossesse, de l'impossibilité de maintenir le contrat",
        "salaire_preavis_mensuel": "Rémunération brute mensuelle qu'aurait perçue le salarié pendant le préavis",
        "remuneration_variable_mensuelle": "Moyenne mensuelle de la rémunération variable non comprise dans le salaire",
        "suivi": "Journal : dates effectives de la remise, de la lettre, des transmissions à l'opérateur",
    },
    "Suivi": {
        "remise": "Documents remis en main propre, ou postés / envoyés par voie électronique",
        "presentation_documents": "Remise à distance : première présentation du pli ou réception électronique",
        "lettre_envoyee": "Lettre recommandée postée",
        "presentation_lettre": "Première présentation de la lettre recommandée",
        "bulletin_transmis": "Bulletin d'acceptation et copie de la pièce d'identité transmis à France Travail",
        "dossier_transmis": "Attestation employeur, demande d'ASP, copie de la carte Vitale transmises",
        "contribution_payee": "Contribution de l'employeur versée",
        "documents_fin_contrat": "Certificat de travail, attestation et reçu pour solde de tout compte remis",
        "dreets_informee": "DREETS informée des licenciements prononcés",
    },
    "Mandataire": {"nom": "Prénom et nom", "qualite": "Qualité", "mission": "Mission de l'administrateur : surveillance, assistance ou representation"},
    "OrdonnanceJugeCommissaire": {"date": "Date de l'ordonnance", "objet": "Ce qu'elle autorise (nombre de licenciements, activités et catégories)"},
    "DecisionAdministration": {"nature": "validation (accord collectif) ou homologation (document unilatéral)", "implicite": "Décision implicite (silence de l'administration)", "autorite": "Autorité qui a statué (ex. DREETS Grand Est)"},
}


def _translate(schema: dict) -> None:
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    _describe(schema, "Dossier")


def _describe(definition: dict, name: str) -> None:
    if name in _MODELS:
        definition["title"] = name
        definition["description"] = _MODELS[name]
    for key, prop in definition.get("properties", {}).items():
        text = _FIELDS.get(name, {}).get(key)
        if text:
            prop["title"] = key
            prop["description"] = text


@lru_cache(maxsize=1)
def _schema() -> dict:
    schema = Dossier.model_json_schema(mode="validation")
    _translate(schema)
    # A file gives its employees inline or in a CSV file, never both.
    schema["required"] = [k for k in schema.get("required", []) if k != "salaries"]
    schema["oneOf"] = [{"required": ["salaries"]}, {"required": ["salaries_csv"]}]
    return {"$schema": DRAFT, **schema}


def case_json_schema() -> dict:
    """The JSON Schema of a case file (a fresh copy the caller may modify)."""
    return copy.deepcopy(_schema())
