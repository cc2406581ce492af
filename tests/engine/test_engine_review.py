"""Engine behaviours fixed after the independent legal review (each names its rule)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import yaml

from cspdocs.case.model import Dossier
from cspdocs.engine.compute import compute_dossier
from tests.support.engine import case_dict_for, dossier_for


def _case(inp, **salarie):
    data = case_dict_for(inp)
    data["salaries"][0].update(salarie)
    return data


def _one(data):
    return compute_dossier(Dossier.model_validate(yaml.safe_load(yaml.safe_dump(data))), "t").employees[0]


INDIVIDUAL_2026 = {"zone": "metropole", "procedure": "individual", "interview_date": "2026-03-03"}


def test_a8_only_when_good_friday_changes_a_delay():
    """A8: D21 (day 21 on Good Friday 2026) is moved by it; D10 (December) is not."""
    d21 = compute_dossier(dossier_for({"zone": "alsace-moselle", "procedure": "individual", "interview_date": "2026-03-13"}), "t").employees[0]
    d10 = compute_dossier(dossier_for({"zone": "alsace-moselle", "procedure": "individual", "interview_date": "2026-12-23"}), "t").employees[0]
    assert any(w.startswith("A8") for w in d21.warnings)
    # D21's employee is a « Madame »: the warning agrees (issue 9 item 3)
    assert any(w.startswith("A8") and "modifie un délai de cette salariée" in w for w in d21.warnings)
    assert not any(w.startswith("A8") for w in d10.warnings)


def test_notice_explanation_keeps_the_disabled_worker_doubling():
    """R-46, L5213-9: the explanation of the notice gives the doubling and its source."""
    r = _one(_case(INDIVIDUAL_2026, travailleur_handicape=True))
    e = r.explanation("montants.preavis_mois")
    assert r.amounts["preavis_mois"] == 3
    assert "C. trav. art. L5213-9" in e.sources and "doublée" in e.reasoning


def test_refused_authorisation_owes_no_rupture_amount():
    """R-51: no rupture follows; no 'provisional' amounts."""
    r = _one(_case(INDIVIDUAL_2026, salarie_protege={"autorisation_refusee": True}))
    assert r.amounts["indemnite_licenciement_due"] is None and r.amounts["contribution_employeur"] is None
    assert not any(w.startswith("Montants provisoires") for w in r.warnings)


def test_ags_window_depends_on_the_procedure():
    """R-54 corrected: L3253-8 — observation period in redressement, 15 days after a liquidation."""
    red = _case(INDIVIDUAL_2026)
    red["employeur"].update(procedure_collective="redressement", date_jugement="2026-01-05",
                            ordonnance_juge_commissaire={"date": "2026-01-20", "objet": "trois licenciements"})
    r = _one(red)
    assert r.dates["limite_garantie_ags"] is None
    assert not any(w.startswith("R-54 : la remise") for w in r.warnings)
    assert r.dates["ordonnance_juge_commissaire"] == date(2026, 1, 20)  # cited by the documents
    liq = _case(INDIVIDUAL_2026)
    liq["employeur"].update(procedure_collective="liquidation", date_jugement="2026-02-10",
                            mandataire={"nom": "Me Roux", "qualite": "liquidateur judiciaire"})
    r = _one(liq)
    assert r.dates["limite_garantie_ags"] == date(2026, 2, 25)
    assert any(w.startswith("R-54 : la remise") for w in r.warnings)


def test_a5_warns_when_the_csp_ends_on_29_february():
    """R-39: CSP starting 01/03/2023 ends 29/02/2024 (vector D40 of legal-rules)."""
    # handover 07/02/2023 -> last day 28/02/2023 -> CSP 01/03/2023 -> 29/02/2024
    r = _one(_case({"zone": "metropole", "procedure": "individual", "interview_date": "2023-02-07"}))
    assert r.dates["debut_csp"] == date(2023, 3, 1) and r.dates["fin_csp"] == date(2024, 2, 29)
    assert any(w.startswith("A5") for w in r.warnings)


def test_operator_of_the_letter_follows_its_own_date():
    """mentions.md: the operator's name follows each document's date (loi 2023-1196)."""
    r = _one(_case({"zone": "metropole", "procedure": "individual", "interview_date": "2023-12-05"},
                   date_envoi_lettre="2024-01-09"))
    assert r.operator == "Pôle emploi" and r.letter_operator == "France Travail"


def test_regime_follows_each_employees_place_of_work():
    """R-04: a Mayotte employee does not move the Paris employees under the Mayotte convention."""
    data = _case(INDIVIDUAL_2026)
    data["procedure"]["type"] = "collectif_moins_de_10"
    mayotte = dict(data["salaries"][0], matricule="V2", lieu_travail={"code_postal": "97600", "ville": "Mamoudzou"})
    data["salaries"].append(mayotte)
    result = compute_dossier(Dossier.model_validate(yaml.safe_load(yaml.safe_dump(data))), "t")
    paris, mamoudzou = result.employees
    assert "Mayotte" not in paris.regime["texte"] and "Mayotte" in mamoudzou.regime["texte"]
    assert "Mayotte" not in result.regime["texte"]


def test_one_year_threshold_at_the_presentation_of_the_letter():
    """R-41: seniority reaches one year between the presentation of the conservatory letter and the
    end of the period: the warning names the presentation, assumed the day after dispatch."""
    r = _one(_case(INDIVIDUAL_2026, date_entree="2025-03-20"))
    [w] = [w for w in r.warnings if w.startswith("R-41")]
    assert "présentation de la lettre, au plus tôt le vendredi 13/03/2026" in w
    assert r.conditions["anciennete_moins_un_an"] is True


def test_severance_is_rounded_at_the_end_only():
    """Amount vectors' convention: the reference salary is not rounded before the indemnity."""
    r = _one(_case(INDIVIDUAL_2026, salaire_brut_mensuel=None,
                   salaires_12_derniers_mois=[2001] + [2000] * 11, primes_annuelles_3_derniers_mois=0))
    # 12-month average 24001/12 = 2000.0833... beats the 3-month one (2000): unrounded reference
    months = r.amounts["anciennete_mois_fin_preavis"]
    exact = Decimal(24001) / 12 * (120 * Decimal(1) / 4 + (months - 120) * Decimal(1) / 3) / 12
    assert r.amounts["indemnite_legale_licenciement"] == exact.quantize(Decimal("0.01"))
