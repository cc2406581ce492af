"""Builds case models from the spec's abstract vector inputs (shared by the engine tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from cspdocs.case.model import Dossier
from tests.support.paths import TESTS

VECTORS = TESTS / "vectors"

ZONE_POSTAL = {
    "metropole": ("75011", "Paris"),
    "alsace-moselle": ("57000", "Metz"),
    "mayotte": ("97600", "Mamoudzou"),
    "reunion": ("97400", "Saint-Denis"),
    "guadeloupe": ("97110", "Pointe-à-Pitre"),
    "martinique": ("97200", "Fort-de-France"),
    "guyane": ("97300", "Cayenne"),
    "saint-martin": ("97150", "Marigot"),
}


def load_vectors(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((VECTORS / name).read_text(encoding="utf-8"))["vectors"]


def case_dict_for(inp: dict[str, Any], date_envoi: str | None = None) -> dict[str, Any]:
    """A minimal valid case file (as a dict) reproducing a date vector's input."""
    code_postal, ville = ZONE_POSTAL[inp.get("zone", "metropole")]
    kind = inp.get("procedure", "individual")
    procedure: dict[str, Any] = {
        "motif_economique": {"cause": "difficultes_economiques", "faits": "Baisse du chiffre d'affaires.", "consequence": "suppression"},
        "reclassement": "Aucun poste disponible.",
    }
    effectif = 30
    if kind in ("individual", "collective_lt10"):
        procedure["type"] = "individuel" if kind == "individual" else "collectif_moins_de_10"
        procedure["date_entretien_prealable"] = inp["interview_date"]
    elif kind == "collective_10plus_no_pse":
        effectif = inp["company_headcount"]
        procedure.update(type="collectif_10_et_plus", cse=inp["cse_exists"],
                         date_derniere_reunion_cse=inp["last_cse_meeting"],
                         date_notification_projet_administration=inp["dreets_notification_date"])
    elif kind == "pse":
        effectif = 200
        procedure.update(type="pse", date_decision_administration=inp["decision_notified"])
    else:
        raise ValueError(kind)
    salarie: dict[str, Any] = {
        "matricule": "V1", "civilite": "Madame", "prenom": "Anne", "nom": "Test",
        "adresse": {"rue": "1 rue Haute", "code_postal": code_postal, "ville": ville},
        "date_entree": "2010-01-04", "emploi": "Comptable",
        "cadre": bool(inp.get("cadre") or inp.get("employee_is_cadre")),
        "salaire_brut_mensuel": 2500,
    }
    if inp.get("protected_employee"):
        salarie["salarie_protege"] = {"date_notification_autorisation": inp.get("authorisation_notified_to_employer")}
    if date_envoi:
        salarie["date_envoi_lettre"] = date_envoi
    return {
        "employeur": {
            "raison_sociale": "Vecteurs SAS",
            "adresse": {"rue": "2 place du Marché", "code_postal": code_postal, "ville": ville},
            "effectif": effectif,
            "signataire": {"nom": "Paul Durand", "qualite": "Gérant"},
        },
        "procedure": procedure,
        "salaries": [salarie],
    }


def dossier_for(inp: dict[str, Any], date_envoi: str | None = None) -> Dossier:
    return Dossier.model_validate(yaml.safe_load(yaml.safe_dump(case_dict_for(inp, date_envoi))))
