"""The example of case-format.md, key for key, through the engine and the JSON report."""

from __future__ import annotations

import yaml

from cspdocs.case.model import Dossier
from cspdocs.engine.compute import CONTRACT_AMOUNT_KEYS, CONTRACT_DATE_KEYS, compute_dossier
from cspdocs.report import dossier_json

CASE = """
employeur:
  raison_sociale: Ateliers Durand
  forme_juridique: SAS
  adresse: {rue: 12 rue des Forges, code_postal: "57000", ville: Metz}
  effectif: 240
  signataire: {nom: Claire Martin, qualite: Directrice des ressources humaines}
procedure:
  type: individuel
  date_engagement: 2026-02-20
  date_entretien_prealable: 2026-03-03
  motif_economique:
    cause: difficultes_economiques
    faits: Baisse du chiffre d'affaires de 23 % sur quatre trimestres consécutifs.
    consequence: suppression
  reclassement: Aucun poste disponible.
salaries:
  - matricule: "E001"
    civilite: Madame
    prenom: Julie
    nom: Bernard
    adresse: {rue: 3 allée des Tilleuls, code_postal: "57070", ville: Metz}
    date_entree: 2015-03-01
    emploi: Technicienne de maintenance
    salaire_brut_mensuel: 2850.00
"""

EXPECTED_DATES = {
    "remise": "2026-03-03", "debut_delai_reflexion": "2026-03-04", "fin_delai_reflexion": "2026-03-24",
    "envoi_lettre_au_plus_tot": "2026-03-12", "envoi_lettre": "2026-03-12", "rupture_si_acceptation": "2026-03-24",
    "debut_csp": "2026-03-25", "fin_csp": "2027-03-24", "fin_10e_mois_csp": "2027-01-24",
    "echeance_contribution_employeur": "2026-05-25", "fin_priorite_reembauche": "2027-03-24",
}
EXPECTED_AMOUNTS = {
    "anciennete_annees": 11.17, "salaire_reference": 2850.00, "preavis_mois": 2, "indemnite_preavis": 5700.00,
    "contribution_employeur": 5700.00, "contribution_employeur_charges_comprises": None,
    "excedent_preavis_salarie": 0.00, "indemnite_legale_licenciement": 8233.33,
    "indemnite_licenciement_due": 8233.33, "penalite_defaut_proposition": {"refus": 5700.00, "adhesion": 8550.00},
    "asp_journaliere": None,
}


def _json():
    return dossier_json(compute_dossier(Dossier.model_validate(yaml.safe_load(CASE)), "exemple"))


def test_contract_example_values():
    out = _json()
    assert out["dossier"] == "exemple"
    assert out["regime"]["valable_jusqu_au"] == "2026-12-31"
    s = out["salaries"][0]
    assert s["matricule"] == "E001" and s["operateur"] == "France Travail"
    assert {k: s["dates"][k] for k in CONTRACT_DATE_KEYS} == EXPECTED_DATES
    assert {k: s["montants"][k] for k in CONTRACT_AMOUNT_KEYS} == EXPECTED_AMOUNTS
    assert s["lettre"] == {"variante": "conservatoire", "rappel_delai_requis": True}


def test_contract_keys_come_first_in_order():
    s = _json()["salaries"][0]
    assert list(s)[:7] == ["matricule", "operateur", "dates", "lettre", "montants", "explications", "avertissements"]
    assert tuple(s["dates"])[: len(CONTRACT_DATE_KEYS)] == CONTRACT_DATE_KEYS
    assert tuple(s["montants"])[: len(CONTRACT_AMOUNT_KEYS)] == CONTRACT_AMOUNT_KEYS


def test_severance_explanation_gives_the_amount_at_rupture():
    """R-45 review note: both readings, both sources, and a warning when they differ."""
    s = _json()["salaries"][0]
    [exp] = [e for e in s["explications"] if e["fait"] == "montants.indemnite_legale_licenciement"]
    assert "8 075,00 €" in exp["raisonnement"]
    assert "ANI du 31 mai 2011, art. 9" in exp["sources"]
    assert "Cass. soc. 2 décembre 2009, n° 08-44.656" in exp["sources"]
    assert any(w.startswith("R-45") for w in s["avertissements"])


def _employee_with(**changes):
    data = yaml.safe_load(CASE)
    data["salaries"][0].update(changes)
    return compute_dossier(Dossier.model_validate(data), "exemple").employees[0]


def test_refusal_gives_no_guessed_rehiring_priority_end():
    """R-32 review correction: on refusal the year runs from the end of the notice."""
    r = _employee_with(reponse={"decision": "refus", "date": "2026-03-10"}, date_envoi_lettre="2026-03-12")
    assert r.dates["fin_priorite_reembauche"] is None
    # issue 10: a letter sent while the period runs keeps the reminder, even after an express refusal
    assert r.letter == {"variante": "conservatoire", "rappel_delai_requis": True}
    assert "fin du préavis" in r.explanation("dates.fin_priorite_reembauche").reasoning


def test_acceptance_before_dispatch_gives_the_post_acceptance_letter():
    r = _employee_with(reponse={"decision": "acceptation", "date": "2026-03-10"})
    assert r.letter == {"variante": "apres_acceptation", "rappel_delai_requis": False}
    assert str(r.dates["fin_priorite_reembauche"]) == "2027-03-24"


def test_less_than_one_year_owes_no_contribution():
    """R-42, amount vector A18: the notice goes to the employee; no contribution, no due date."""
    r = _employee_with(date_entree="2025-06-01", salaire_brut_mensuel=2200)
    assert r.amounts["preavis_mois"] == 1
    assert str(r.amounts["contribution_employeur"]) == "0.00"
    assert str(r.amounts["excedent_preavis_salarie"]) == "2200.00"
    assert r.dates["echeance_contribution_employeur"] is None
    assert r.conditions["anciennete_moins_un_an"] is True


def test_protected_employee_without_authorisation_has_unknown_dates():
    """R-51: never a guessed date while the authorisation is not notified."""
    r = _employee_with(salarie_protege={"date_notification_autorisation": None})
    for key in ("fin_delai_reflexion", "rupture_si_acceptation", "debut_csp", "fin_csp", "envoi_lettre_au_plus_tot"):
        assert r.dates[key] is None, key
    assert r.letter["variante"] is None
    assert any(w.startswith("R-51") for w in r.warnings)


def test_redressement_has_no_l1233_15_wait():
    """R-22 review correction (L1233-59): letter from the day after the handover."""
    data = yaml.safe_load(CASE)
    data["employeur"]["procedure_collective"] = "redressement"
    r = compute_dossier(Dossier.model_validate(data), "x").employees[0]
    assert str(r.dates["envoi_lettre_au_plus_tot"]) == "2026-03-04"
