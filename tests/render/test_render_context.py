"""The template context: French names, typed values, every documented key present."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from cspdocs.case.loader import load_dossier
from cspdocs.engine.compute import compute_dossier
from cspdocs.render import exemple
from cspdocs.render.context import CONDITION_KEYS, DATE_KEYS, MONTANT_KEYS, ContexteIncomplet, build_context
from tests.support.render import EXAMPLE_CASES

TOP_LEVEL = {"employeur", "procedure", "salarie", "dates", "montants", "lettre", "operateur",
             "operateur_lettre", "operateur_paiement", "zone", "regime", "circonstance_remise", "remise", "conditions",
             "explications", "avertissements", "parametres"}


def test_example_context_shape():
    r = exemple.resultat(1)
    ctx = build_context(r, r.employees[0])
    assert set(ctx) == TOP_LEVEL
    assert ctx["employeur"]["denomination"] == "Ateliers Durand SAS"
    assert ctx["employeur"]["siret_formate"] == "732 829 320 00074"
    assert ctx["employeur"]["adresse"]["ligne_acheminement"] == "57000 METZ"
    assert ctx["procedure"]["motif_economique"]["cause_libelle"] == "difficultés économiques"
    assert ctx["procedure"]["motif_economique"]["consequence_libelle"] == "suppression de votre emploi"
    assert ctx["procedure"]["lieu_remise"] == "Metz"
    assert ctx["salarie"]["nom_complet"] == "Madame Julie Bernard" and ctx["salarie"]["e"] == "e"
    assert ctx["dates"]["fin_delai_reflexion"] == date(2026, 3, 24)
    assert ctx["montants"]["indemnite_legale_licenciement"] == Decimal("8233.33")
    assert ctx["lettre"]["variante_libelle"].startswith("lettre de licenciement")
    assert ctx["remise"]["circonstance_libelle"] == "au cours de l'entretien préalable"
    explanation = ctx["explications"]["dates.fin_delai_reflexion"]
    assert explanation["valeur"] == date(2026, 3, 24) and explanation["sources"]
    assert ctx["employeur"]["mandataire"] is None
    assert ctx["operateur_lettre"] == "France Travail"
    assert ctx["remise"]["date_document"] == date(2026, 3, 3)
    assert not ctx["remise"]["a_distance"] and ctx["remise"]["echeance_connue"]


def test_context_for_documents_dated_at_the_handover():
    """P1-2, P1-3: what the documents dated at the handover (or the posting) may state."""
    r = exemple.resultat(1)
    s = r.employees[0].employee
    pending = exemple.resultat_salarie(s, conditions={"salarie_protege": True,
                                                      "decision_autorisation_attendue_a_la_remise": True})
    ctx = build_context(r, pending)
    assert not ctx["remise"]["a_distance"] and not ctx["remise"]["echeance_connue"]
    assert ctx["dates"]["fin_delai_reflexion"] == date(2026, 3, 24)  # the letter still needs it
    remote = exemple.resultat_salarie(s.model_copy(update={"mode_remise": "electronique"}),
                                      dates={"envoi_documents": date(2026, 3, 2)})
    ctx = build_context(r, remote)
    assert ctx["remise"]["a_distance"] and not ctx["remise"]["echeance_connue"]
    assert ctx["remise"]["date_document"] == date(2026, 3, 2)


def test_mandataire_and_letter_operator():
    r = exemple.resultat(1, procedure_collective="liquidation", date_jugement="2026-02-02",
                         mandataire={"nom": "Maître Paul Roth", "qualite": "mandataire judiciaire"})
    rs = exemple.resultat_salarie(r.case.salaries[0], operateur="Pôle emploi", letter_operator="France Travail")
    ctx = build_context(r, rs)
    assert ctx["employeur"]["mandataire"] == {"nom": "Maître Paul Roth", "qualite": "mandataire judiciaire"}
    assert (ctx["operateur"], ctx["operateur_lettre"]) == ("Pôle emploi", "France Travail")


def test_regime_of_the_employee_wins_over_the_case():
    """P2-2: the engine gives each employee the texts of its place of work."""
    r = exemple.resultat(1)
    rs = replace(r.employees[0], regime={"texte": "Convention du 17 juillet 2018 relative au CSP à Mayotte",
                                        "valable_jusqu_au": None})
    assert build_context(r, rs)["regime"]["texte"].startswith("Convention du 17 juillet 2018")
    assert build_context(r, r.employees[0])["regime"] == dict(r.regime)


@pytest.mark.parametrize("case", EXAMPLE_CASES, ids=lambda p: p.stem)
def test_engine_results_give_complete_contexts(case):
    charge = load_dossier(case)
    resultat = compute_dossier(charge.dossier, charge.nom)
    for rs in resultat.employees:
        ctx = build_context(resultat, rs)
        assert set(DATE_KEYS) <= set(ctx["dates"])
        assert set(MONTANT_KEYS) <= set(ctx["montants"])
        assert set(CONDITION_KEYS) <= set(ctx["conditions"])
        assert ctx["operateur"] in ("France Travail", "Pôle emploi")


def test_missing_condition_is_an_error_not_a_silent_false():
    r = exemple.resultat(1)
    rs = r.employees[0]
    incomplete = replace(rs, conditions={k: v for k, v in rs.conditions.items() if k != "maternite"})
    with pytest.raises(ContexteIncomplet, match="maternite"):
        build_context(r, incomplete)


def test_male_employee_agreement():
    r = exemple.resultat(1)
    s = r.employees[0].employee.model_copy(update={"civilite": "Monsieur", "prenom": "Paul"})
    ctx = build_context(r, exemple.resultat_salarie(s))
    assert ctx["salarie"]["e"] == "" and ctx["salarie"]["nom_complet"] == "Monsieur Paul Bernard"
