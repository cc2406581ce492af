"""French labels for the case file's enumerations, as the documents print them.

Wording only: which cause or consequence applies is decided by the case file and the engine.
"""

from __future__ import annotations

CAUSES = {
    "difficultes_economiques": "difficultés économiques",
    "mutations_technologiques": "mutations technologiques",
    "sauvegarde_competitivite": "réorganisation de l'entreprise nécessaire à la sauvegarde de sa compétitivité",
    "cessation_activite": "cessation d'activité de l'entreprise",
}

CONSEQUENCES = {
    "suppression": "suppression de votre emploi",
    "transformation": "transformation de votre emploi",
    "modification_refusee": "refus de la modification d'un élément essentiel de votre contrat de travail",
}

TYPES_PROCEDURE = {
    "individuel": "licenciement économique individuel",
    "collectif_moins_de_10": "licenciement économique collectif de moins de dix salariés",
    "collectif_10_et_plus": "licenciement économique collectif d'au moins dix salariés",
    "pse": "licenciement économique collectif avec plan de sauvegarde de l'emploi",
}

PROCEDURES_COLLECTIVES = {
    "redressement": "redressement judiciaire",
    "liquidation": "liquidation judiciaire",
}

CIRCONSTANCES_REMISE = {
    "entretien_prealable": "au cours de l'entretien préalable",
    "derniere_reunion_cse": "à l'issue de la dernière réunion de consultation du comité social et économique",
    "lendemain_decision_administration": (
        "au lendemain de la notification ou de l'acquisition de la décision administrative "
        "de validation ou d'homologation du plan de sauvegarde de l'emploi"
    ),
    "date_convenue": "à la date convenue",
}

MODES_REMISE = {
    "main_propre": "remis en main propre contre récépissé",
    "lrar": "adressé par lettre recommandée avec demande d'avis de réception",
    "electronique": "transmis par voie électronique, avec votre accord préalable",
}

VARIANTES_LETTRE = {
    "conservatoire": "lettre de licenciement adressée pendant le délai de réflexion",
    "apres_acceptation": "lettre consécutive à l'adhésion au contrat de sécurisation professionnelle",
    "licenciement": "lettre de licenciement pour motif économique",
}
