"""Every amount vector of the spec (tests/vectors/amounts.yaml), through the engine's pure rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cspdocs.engine import amounts as A
from cspdocs.engine.csp_dates import prime_reclassement_estimate
from cspdocs.rules.lookup import lookup
from tests.support.engine import load_vectors

VECTORS = {v["id"]: v for v in load_vectors("amounts.yaml")}
FRACTIONS = lookup("fractions_indemnite_legale", date(2026, 3, 24)).valeur
MINIMUM = lookup("anciennete_minimale_indemnite_mois", date(2026, 3, 24)).valeur
TRANCHE = lookup("tranche_indemnite_legale_mois", date(2026, 3, 24)).valeur
CAP = lookup("plafond_contribution_employeur_mois", date(2026, 3, 25)).valeur
SCALE = lookup("bareme_preavis_legal", date(2026, 3, 24)).valeur


def D(x) -> Decimal:
    return Decimal(str(x))


def months(ym: dict) -> int:
    return ym["years"] * 12 + ym["months"]


def _seniority_at_end(inp: dict) -> int:
    if "seniority_at_end_of_notice" in inp:
        return months(inp["seniority_at_end_of_notice"])
    return months(inp["seniority_at_rupture"]) + inp["notice_months"]


SEVERANCE = [k for k, v in VECTORS.items() if "legal_severance_indemnity" in v["expected"]]


@pytest.mark.parametrize("vid", SEVERANCE)
def test_legal_severance(vid):
    inp, exp = VECTORS[vid]["input"], VECTORS[vid]["expected"]
    if "reference_monthly_salary" in inp:
        reference = D(inp["reference_monthly_salary"])
    else:
        salaries = [D(x) for x in inp.get("last_12_monthly_gross") or inp["monthly_gross_all_months"]]
        fact, avg12, avg3 = A.reference_salary(None, salaries)
        reference = fact.value
        if "avg_12_months" in exp:
            assert A.money(avg12) == D(exp["avg_12_months"])
            assert A.money(avg3) == D(exp["avg_3_months"])
        assert reference == D(exp["reference_monthly_salary"])
    total = _seniority_at_end(inp)
    if "seniority_at_end_of_notice" in exp:
        assert total == months(exp["seniority_at_end_of_notice"])
    fact = A.legal_severance(total, reference, FRACTIONS, MINIMUM, TRANCHE)
    assert fact.value == D(exp["legal_severance_indemnity"])
    if "wrong_if_notice_ignored" in exp:
        wrong = A.legal_severance(months(inp["seniority_at_rupture"]), reference, FRACTIONS, MINIMUM, TRANCHE)
        assert wrong.value == D(exp["wrong_if_notice_ignored"])


NOTICE = [k for k, v in VECTORS.items() if "notice_indemnity_gross" in v["expected"]]


@pytest.mark.parametrize("vid", NOTICE)
def test_notice_split(vid):
    inp, exp = VECTORS[vid]["input"], VECTORS[vid]["expected"]
    rate = inp["employer_charge_rate_input"]
    split = A.notice_split(D(inp["monthly_gross_salary"]), D(inp["notice_months"]), inp["seniority_at_least_1_year"],
                           None if rate is None else D(rate), CAP)
    assert split.indemnite_preavis.value == D(exp["notice_indemnity_gross"])
    assert split.contribution.value == D(exp["employer_contribution_base_capped_3_months"])
    charges = exp["employer_contribution_incl_employer_charges"]
    assert split.contribution_charges.value == (None if charges is None else D(charges))
    assert split.excedent.value == D(exp["excess_paid_to_employee"])


def test_a19_disabled_worker_notice_is_doubled_and_capped():
    fact = A.legal_notice_months(4 * 12, disabled=True, scale=SCALE)
    assert fact.value == VECTORS["A19"]["input"]["notice_months"] == 3


def test_a20_penalty_when_csp_not_proposed():
    inp, exp = VECTORS["A20"]["input"], VECTORS["A20"]["expected"]
    fact = A.penalty(D(inp["monthly_gross_salary"]), {"refus": 2, "adhesion": 3})
    assert fact.value["refus"] == D(exp["penalty"])


def test_a23_asp_daily():
    inp, exp = VECTORS["A23"]["input"], VECTORS["A23"]["expected"]
    rate = lookup("taux_asp", date(2026, 3, 3))
    assert A.asp_daily(D(inp["sjr"]), D(rate.valeur), rate.reference).value == D(exp["asp_daily"])


def test_a27_prime_au_reclassement():
    inp, exp = VECTORS["A27"]["input"], VECTORS["A27"]["expected"]
    # the dated values in force at the start of the CSP (duree_csp_mois, duree_prime_reclassement_mois,
    # taux_prime_reclassement: rules/parametres.yaml)
    out = prime_reclassement_estimate(date.fromisoformat(inp["csp_start"]), D(inp["asp_daily"]),
                                      date.fromisoformat(inp["new_job_start"]))
    assert out["fin_csp"] == date.fromisoformat(exp["csp_end_12m"])
    assert out["fin_10e_mois"] == date.fromisoformat(exp["end_of_10th_month"])
    assert out["eligible"] is exp["eligible"]
    assert out["jours_restants"] == exp["remaining_days_assumed"]
    assert out["prime"] == D(exp["prime"])
    assert out["versements"] == [D(x) for x in exp["instalments"]]


def test_a31_what_the_employer_pays():
    inp, exp = VECTORS["A31"]["input"], VECTORS["A31"]["expected"]
    split = A.notice_split(D(inp["monthly_gross_salary"]), D(inp["notice_months"]), True, None, CAP)
    legal = A.legal_severance(_seniority_at_end(inp), D(inp["reference_monthly_salary"]), FRACTIONS, MINIMUM, TRANCHE)
    assert split.excedent.value == D(exp["excess_paid_to_employee"])
    assert split.contribution.value == D(exp["employer_contribution_base"])
    assert legal.value + split.excedent.value == D(exp["employee_total_at_rupture_excl_paid_leave"])


def test_complete_months_counts_only_complete_months():
    # case-format.md example: 2015-03-01 to 2026-05-24 = 134 complete months; to 2026-03-24 = 132.
    assert A.complete_months(date(2015, 3, 1), date(2026, 5, 24)) == 134
    assert A.complete_months(date(2015, 3, 1), date(2026, 3, 24)) == 132
    assert A.complete_months(date(2015, 3, 1), date(2026, 5, 31)) == 135
    assert A.complete_months(date(2024, 1, 31), date(2024, 2, 29)) == 1
