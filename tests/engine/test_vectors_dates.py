"""Every date vector of the spec (tests/vectors/dates.yaml, copied from shared/spec/vectors)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from cspdocs.engine.compute import compute_dossier
from tests.support.engine import dossier_for, load_vectors

VECTORS = load_vectors("dates.yaml")

# vector key -> key in the engine's dates
DATE_KEYS = {
    "handover_date": "remise",
    "reflection_start": "debut_delai_reflexion",
    "reflection_last_day": "fin_delai_reflexion",
    "dismissal_letter_not_before": "envoi_lettre_au_plus_tot",
    "contract_end_if_accepted": "rupture_si_acceptation",
    "csp_start": "debut_csp",
    "csp_end_12m": "fin_csp",
    "employer_payment_due": "echeance_contribution_employeur",
    "standard_21_day_last_day": "fin_delai_reflexion_21_jours",
    "reflection_last_day_strict_reading": "fin_delai_reflexion_lecture_stricte",
    "l1233_39_delay_last_day": "fin_delai_envoi_lettre",
}


def _compute(vector, date_envoi=None):
    result = compute_dossier(dossier_for(vector["input"], date_envoi), vector["id"])
    return result, result.employees[0]


@pytest.mark.parametrize("vector", [v for v in VECTORS if "letter_dispatch_dates" not in v["input"]], ids=lambda v: v["id"])
def test_date_vector(vector):
    result, r = _compute(vector)
    exp = vector["expected"]
    for key, engine_key in DATE_KEYS.items():
        if key in exp:
            assert r.dates[engine_key] == date.fromisoformat(exp[key]), f"{vector['id']} {key}"
    if "reminder_wording_required_if_sent_on_not_before" in exp:
        # a letter sent on the legal bound itself (the planned default skips Sundays and holidays, R-69)
        if r.dates["envoi_lettre"] != r.dates["envoi_lettre_au_plus_tot"]:
            r = _compute(vector, r.dates["envoi_lettre_au_plus_tot"].isoformat())[1]
        assert r.letter["rappel_delai_requis"] is exp["reminder_wording_required_if_sent_on_not_before"]
        assert r.letter["variante"] == ("conservatoire" if exp["reminder_wording_required_if_sent_on_not_before"] else "licenciement")
    if "operator" in exp:
        assert r.operator == exp["operator"]
    if "operator_at_payment" in exp:
        assert r.payment_operator == exp["operator_at_payment"]
    if "naive_relativedelta_csp_end_WRONG" in exp:
        assert r.dates["fin_csp"] != date.fromisoformat(exp["naive_relativedelta_csp_end_WRONG"])
    regime = exp.get("regime", "")
    if regime.startswith("UNKNOWN"):
        assert result.regime["texte"] is None
        assert any(w.startswith("A11") for w in result.warnings)
    elif regime:
        day, month, year = re.search(r"to (\d\d)/(\d\d)/(\d{4})", regime).groups()
        assert result.regime["valable_jusqu_au"] == date(int(year), int(month), int(day))
        avenant = re.search(r"avenants? n°([\d-]+)", regime)
        if avenant:
            assert avenant.group(1).split("-")[0] in result.regime["texte"]


@pytest.mark.parametrize("vector", [v for v in VECTORS if "letter_dispatch_dates" in v["input"]], ids=lambda v: v["id"])
def test_reminder_wording_by_dispatch_date(vector):
    """D54 (R-27): the period runs until 24:00 of the last day."""
    for dispatch, required in vector["expected"]["reminder_wording_required"].items():
        _, r = _compute(vector, dispatch)
        assert r.dates["fin_delai_reflexion"] == date.fromisoformat(vector["expected"]["reflection_last_day"])
        assert r.letter["rappel_delai_requis"] is required
        assert r.letter["variante"] == ("conservatoire" if required else "licenciement")


def test_every_output_value_is_explained():
    _, r = _compute(VECTORS[1])
    explained = {e.path for e in r.explanations}
    for key in r.dates:
        assert f"dates.{key}" in explained
    for key in r.amounts:
        assert f"montants.{key}" in explained
    assert all(e.sources for e in r.explanations if e.value is not None)


def test_pse_warns_about_its_two_readings():
    """Section 11, A12 and A13: a PSE case touches both ambiguities."""
    result, r = _compute(next(v for v in VECTORS if v["id"] == "D48"))
    assert any(w.startswith("A12") for w in r.warnings)
    assert any(w.startswith("A13") for w in r.warnings)


@pytest.mark.parametrize("vid", ["D03", "D45", "D48", "D50"])
def test_one_explanation_per_fact_and_every_fact_is_an_output_key(vid):
    _, r = _compute(next(v for v in VECTORS if v["id"] == vid))
    faits = [e.path for e in r.explanations]
    assert len(faits) == len(set(faits))
    outputs = {f"dates.{k}" for k in r.dates} | {f"montants.{k}" for k in r.amounts} | {"lettre.variante", "operateur"}
    assert set(faits) <= outputs


def test_protected_employee_letter_bound_is_explained_once():
    """R-25: the authorisation bound joins the L1233-15 bound in one explanation."""
    _, r = _compute(next(v for v in VECTORS if v["id"] == "D50"))
    e = r.explanation("dates.envoi_lettre_au_plus_tot")
    assert e.value == r.dates["envoi_lettre_au_plus_tot"] == date(2026, 4, 11)
    assert "L1233-15" in " ".join(e.sources) and "C. trav. art. L2411-1" in e.sources
