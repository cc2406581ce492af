"""Property-based tests of the loader, the date and amount engine and the JSON contract.

Random VALID cases (every procedure type, every zone through its postal code, cadres, protected
employees with or without authorisation, maternity, answers, salary lists with bonuses, charge
rates, SJR, planned letters, 0 to 40 years of seniority, 2016-2028) are written as YAML and read
back with ``load_dossier``, then computed. The expected values come from the independent oracles
of ``tests/support/fuzz.py``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cspdocs.calendar import Calendar
from cspdocs.engine.compute import blocking_errors, compute_dossier
from cspdocs.report import dossier_json
from tests.support.fuzz import (
    ALL_POSTCODES,
    DAY,
    FIXED_NATIONAL_HOLIDAYS,
    Acceptance,
    _no_local_constants,
    anniversary,
    case_dicts,
    day_before_anniversary,
    due_25th,
    expected_zone,
    has_two_decimals,
    legal_indemnity,
    legal_notice,
    money,
    monthly_salary,
    reference_salary,
    seniority,
    simple_case,
    try_load,
)

# Deterministic draws whatever the modules loaded (see fuzz_support._no_local_constants).
pytestmark = pytest.mark.usefixtures(_no_local_constants.__name__)

FUZZ = settings(derandomize=True, deadline=None, max_examples=120,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CONTRACT_DATES = ("remise", "debut_delai_reflexion", "fin_delai_reflexion", "envoi_lettre_au_plus_tot",
                  "envoi_lettre", "rupture_si_acceptation", "debut_csp", "fin_csp", "fin_10e_mois_csp",
                  "echeance_contribution_employeur", "fin_priorite_reembauche")
CONTRACT_AMOUNTS = ("anciennete_annees", "salaire_reference", "preavis_mois", "indemnite_preavis",
                    "contribution_employeur", "contribution_employeur_charges_comprises",
                    "excedent_preavis_salarie", "indemnite_legale_licenciement", "indemnite_licenciement_due",
                    "penalite_defaut_proposition", "asp_journaliere")
MONEY_KEYS = ("salaire_reference", "indemnite_preavis", "contribution_employeur", "excedent_preavis_salarie",
              "indemnite_legale_licenciement", "indemnite_licenciement_due")


def _calendar(dossier, zone: str) -> Calendar:
    e = dossier.employeur
    return Calendar(zone=zone, extra_holidays=frozenset(e.jours_feries_supplementaires),
                    good_friday=e.vendredi_saint_ferie)


def _unknown_end(s) -> bool:
    """Protected employee whose authorisation is not notified, or refused: no rupture is known."""
    p = s.salarie_protege
    return p is not None and (p.autorisation_refusee or p.date_notification_autorisation is None)


def _accepted_cases(data, acceptance: Acceptance):
    charged, error = try_load(data)
    acceptance.record(error)
    return charged


# --- the loader accepts what the generator makes, and the engine never crashes on it -----------------


def test_compute_never_crashes_on_a_case_the_loader_accepts():
    acceptance = Acceptance()

    @settings(FUZZ, max_examples=200)
    @given(case_dicts())
    def run(data):
        charged = _accepted_cases(data, acceptance)
        if charged is None:
            return
        result = compute_dossier(charged.dossier, charged.nom)
        assert len(result.employees) == len(charged.dossier.salaries)
        for r, s in zip(result.employees, charged.dossier.salaries):
            assert r.employee.matricule == s.matricule
            assert r.zone == expected_zone(charged.dossier, s)
            assert r.letter["variante"] in ("conservatoire", "apres_acceptation", "licenciement", None)
        json.dumps(dossier_json(result))  # serialisable whatever the case

    run()
    acceptance.assert_mostly_accepted(0.8)


# --- dates ----------------------------------------------------------------------------------------------


def _check_dates(dossier, s, r) -> None:
    d = r.dates
    zone = expected_zone(dossier, s)
    assert r.zone == zone
    cal = _calendar(dossier, zone)
    remise = d["remise"]
    assert remise is not None
    if s.date_remise is not None:
        assert remise == s.date_remise
    assert d["debut_delai_reflexion"] == remise + DAY

    # the 21-day period, prorogued, on a working day of the place of work
    fin21 = d["fin_delai_reflexion_21_jours"]
    assert fin21 >= remise + timedelta(days=21)
    assert cal.is_working_day(fin21)
    assert fin21.weekday() < 5 and (fin21.month, fin21.day) not in FIXED_NATIONAL_HOLIDAYS
    assert all(not cal.is_working_day(x) for x in (remise + timedelta(days=n) for n in range(21, (fin21 - remise).days)))

    fin = d["fin_delai_reflexion"]
    if _unknown_end(s):
        for key in ("fin_delai_reflexion", "rupture_si_acceptation", "debut_csp", "fin_csp", "fin_10e_mois_csp",
                    "echeance_contribution_employeur", "fin_priorite_reembauche", "envoi_lettre_au_plus_tot"):
            assert d[key] is None, key
        if s.date_envoi_lettre is None:
            assert d["envoi_lettre"] is None
        return
    assert fin is not None
    assert fin >= remise + timedelta(days=21)
    assert cal.is_working_day(fin)
    assert fin >= fin21
    if s.salarie_protege is not None:
        notified = s.salarie_protege.date_notification_autorisation
        assert fin >= notified + DAY
        assert fin == max(fin21, cal.prorogate(notified + DAY)[0])
    else:
        assert fin == fin21

    # CSP dates
    assert d["rupture_si_acceptation"] == fin
    debut = d["debut_csp"]
    assert debut == fin + DAY
    assert d["fin_csp"] == day_before_anniversary(debut, 12)
    assert d["fin_10e_mois_csp"] == day_before_anniversary(debut, 10)
    if (debut.month, debut.day) == (2, 29):
        assert d["fin_csp"] == date(debut.year + 1, 2, 28)
    if (debut.month, debut.day) == (3, 1) and (debut.year + 1) % 4 == 0:
        assert d["fin_csp"] == date(debut.year + 1, 2, 29)
    if s.reponse is not None and s.reponse.decision == "refus":
        assert d["fin_priorite_reembauche"] is None
    else:
        assert d["fin_priorite_reembauche"] == anniversary(fin, 12)
    one_year = r.conditions["anciennete_un_an_ou_plus"]
    if one_year:
        due = d["echeance_contribution_employeur"]
        assert due == due_25th(debut)
        assert due.day == 25 and (due.year * 12 + due.month) - (debut.year * 12 + debut.month) == 2
    else:
        assert d["echeance_contribution_employeur"] is None

    # the letter
    earliest = d["envoi_lettre_au_plus_tot"]
    assert earliest is not None and earliest >= remise
    envoi = d["envoi_lettre"]
    planned = earliest
    while planned.weekday() == 6 or cal.is_holiday(planned):  # never planned on a Sunday or holiday
        planned += DAY
    rep = s.reponse
    if rep is not None and rep.decision == "acceptation" and (s.date_envoi_lettre or planned) < rep.date:
        # issue 10: no letter recorded as posted before the acceptance: the post-acceptance letter, on its day
        assert envoi == rep.date
    else:
        assert envoi == (s.date_envoi_lettre or planned)
    p, e = dossier.procedure, dossier.employeur
    if s.salarie_protege is not None:
        assert earliest >= s.salarie_protege.date_notification_autorisation + DAY
    elif e.procedure_collective:
        assert earliest == remise + DAY
    elif p.type == "pse":
        assert earliest == remise
    elif p.type in ("individuel", "collectif_moins_de_10"):
        interview = s.date_entretien_prealable or p.date_entretien_prealable
        jours = 15 if (s.cadre and p.type == "individuel") else 7
        if earliest > remise:
            last = earliest - DAY  # the last day of the délai, prorogued: a working day
            assert cal.is_working_day(last)
            assert last >= interview + timedelta(days=jours)
            # at least `jours` jours ouvrables (Mon-Sat, not a holiday) strictly after the interview
            span = [interview + timedelta(days=n) for n in range(1, (last - interview).days + 1)]
            assert sum(1 for x in span if x.weekday() != 6 and not cal.is_holiday(x)) >= jours
    else:  # collectif_10_et_plus
        notification = p.date_notification_projet_administration
        if earliest > remise:
            last = earliest - DAY
            assert last >= notification + timedelta(days=30) and cal.is_working_day(last)


def _check_variant(s, r) -> None:
    d, lettre = r.dates, r.letter
    envoi, fin, rep = d["envoi_lettre"], d["fin_delai_reflexion"], s.reponse
    if rep is not None and rep.decision == "acceptation" and (envoi is None or rep.date <= envoi):
        expected = "apres_acceptation"
    elif envoi is None or fin is None:
        expected = None
    else:  # issue 10: the reminder is kept while the period runs, even after an express refusal
        expected = "conservatoire" if envoi <= fin else "licenciement"
    assert lettre["variante"] == expected
    if expected is not None:
        assert lettre["rappel_delai_requis"] is (expected == "conservatoire")
    if rep is None and envoi is not None and fin is not None:
        assert (lettre["variante"] == "conservatoire") is (envoi <= fin)


@FUZZ
@given(case_dicts())
def test_dates_and_letter_variant(data):
    charged, _ = try_load(data)
    if charged is None:
        return
    result = compute_dossier(charged.dossier, charged.nom)
    for s, r in zip(charged.dossier.salaries, result.employees):
        _check_dates(charged.dossier, s, r)
        _check_variant(s, r)
        # unknown dates only for a protected employee without (or refused) authorisation
        for key in CONTRACT_DATES:
            if r.dates[key] is None and not _unknown_end(s):
                assert (key == "fin_priorite_reembauche" and s.reponse and s.reponse.decision == "refus") or (
                    key == "echeance_contribution_employeur" and not r.conditions["anciennete_un_an_ou_plus"]), key


@FUZZ
@given(case_dicts())
def test_blocking_findings_are_exactly_early_letters_and_late_acceptances(data):
    """A planned letter before the earliest lawful date, or an acceptance after the period, makes the
    case invalid (with the key concerned); nothing else in a valid case does."""
    charged, _ = try_load(data)
    if charged is None:
        return
    result = compute_dossier(charged.dossier, charged.nom)
    expected = set()
    for i, (s, r) in enumerate(zip(charged.dossier.salaries, result.employees)):
        earliest, fin = r.dates["envoi_lettre_au_plus_tot"], r.dates["fin_delai_reflexion"]
        after_acceptance = s.reponse and s.reponse.decision == "acceptation" and s.date_envoi_lettre \
            and s.reponse.date <= s.date_envoi_lettre  # the post-acceptance letter notifies no dismissal
        if s.date_envoi_lettre and earliest and s.date_envoi_lettre < earliest and not after_acceptance:
            expected.add(("salaries", i, "date_envoi_lettre"))
        if s.reponse and s.reponse.decision == "acceptation" and fin and s.reponse.date > fin:
            expected.add(("salaries", i, "reponse", "date"))
    found = blocking_errors(result)
    assert {tuple(loc) for loc, _ in found} == expected
    assert all(isinstance(message, str) and message.strip() for _, message in found)


@settings(FUZZ, max_examples=60)
@given(st.sampled_from([2016, 2019, 2020, 2023, 2024, 2027, 2028]), st.integers(-12, 12),
       st.sampled_from(ALL_POSTCODES), st.booleans())
def test_csp_end_around_29_february(year, offset, place, cadre):
    """Handovers whose CSP starts around 29 February (or whose 12th month ends then)."""
    code, ville = place
    data = simple_case(interview=date(year, 2, 8) + timedelta(days=offset), code_postal=code, ville=ville, cadre=cadre)
    charged, error = try_load(data)
    assert error is None, error
    (r,) = compute_dossier(charged.dossier, charged.nom).employees
    _check_dates(charged.dossier, charged.dossier.salaries[0], r)
    debut, fin_csp = r.dates["debut_csp"], r.dates["fin_csp"]
    if (debut.month, debut.day) == (2, 29):
        assert fin_csp == date(debut.year + 1, 2, 28)  # anniversary 1 March, minus one day
    elif (debut.month, debut.day) == (3, 1):
        leap = (debut.year + 1) % 4 == 0
        assert fin_csp == date(debut.year + 1, 2, 29 if leap else 28)
    else:
        assert (fin_csp + DAY).day == debut.day and (fin_csp + DAY).month == debut.month


# --- amounts --------------------------------------------------------------------------------------------


def _check_amounts(dossier, s, r) -> None:
    m, d = r.amounts, r.dates
    if s.salarie_protege is not None and s.salarie_protege.autorisation_refusee:
        # no rupture follows a refused authorisation, so no rupture amount is owed
        assert all(m[key] is None for key in CONTRACT_AMOUNTS), m
        return
    for key in MONEY_KEYS:
        assert has_two_decimals(m[key]), (key, m[key])
    assert has_two_decimals(m["anciennete_annees"])
    for key in ("refus", "adhesion"):
        assert has_two_decimals(m["penalite_defaut_proposition"][key])
    for key in ("contribution_employeur_charges_comprises", "asp_journaliere"):
        assert m[key] is None or has_two_decimals(m[key]), key
    assert all(m[k] >= 0 for k in MONEY_KEYS)

    rupture = d["fin_delai_reflexion"] or d["fin_delai_reflexion_21_jours"]
    at_rupture = seniority(s, rupture)
    assert m["anciennete_mois_rupture"] == at_rupture
    # R-65 (Cass. soc. 26/09/2006 n° 05-43.841): the notice follows the seniority on the day the
    # dismissal letter is sent, at the rupture when no letter precedes it
    letter = r.letter["variante"] in ("conservatoire", "licenciement") and d["envoi_lettre"] is not None
    rights_day = d["envoi_lettre"] if letter else rupture
    assert d["anciennete_appreciee_le"] == rights_day
    notice = max(legal_notice(seniority(s, rights_day), s.travailleur_handicape), s.preavis_mois or Decimal(0))
    assert m["preavis_mois"] == notice
    whole = int(notice)
    fin_preavis = anniversary(rupture, whole) + timedelta(days=int(((notice - whole) * 30).to_integral_value()))
    assert d["fin_preavis"] == fin_preavis
    at_end = seniority(s, fin_preavis)
    assert m["anciennete_mois_fin_preavis"] == at_end
    assert m["anciennete_annees"] == (Decimal(at_end) / 12).quantize(Decimal("0.01"))

    avg12, avg3 = reference_salary(s)
    reference = max(avg12, avg3)  # exact; amounts are rounded at the end only
    assert m["salaire_reference"] == money(reference)
    assert m["penalite_defaut_proposition"] == {"refus": money(money(avg12) * 2), "adhesion": money(money(avg12) * 3)}

    monthly = monthly_salary(s)
    assert m["salaire_mensuel_preavis"] == money(monthly)
    assert m["indemnite_preavis"] == money(monthly * Fraction(notice))
    assert m["contribution_employeur"] <= money(3 * monthly)
    assert m["contribution_employeur"] + m["excedent_preavis_salarie"] == m["indemnite_preavis"]
    # assessed at the presentation of a letter sent during the period (at the earliest the day
    # after its dispatch when the presentation is not known), else at the end of the period
    if r.letter["variante"] == "conservatoire" and d["envoi_lettre"]:
        threshold = s.date_presentation_lettre or d["envoi_lettre"] + DAY
    else:
        threshold = rupture
    one_year = seniority(s, threshold) >= 12
    assert r.conditions["anciennete_un_an_ou_plus"] is one_year
    if one_year:
        assert m["contribution_employeur"] == money(min(monthly * Fraction(notice), monthly * 3))
        if s.taux_charges_patronales is None:
            assert m["contribution_employeur_charges_comprises"] is None
        else:
            assert m["contribution_employeur_charges_comprises"] == money(
                min(monthly * Fraction(notice), monthly * 3) * (1 + Fraction(s.taux_charges_patronales)))
    else:
        assert m["contribution_employeur"] == 0 and m["excedent_preavis_salarie"] == m["indemnite_preavis"]
        assert m["contribution_employeur_charges_comprises"] is None

    legal = m["indemnite_legale_licenciement"]
    assert legal == legal_indemnity(at_end, reference, rupture)
    assert m["indemnite_legale_a_la_rupture"] == legal_indemnity(at_rupture, reference, rupture)
    assert m["indemnite_legale_a_la_rupture"] <= legal
    due = m["indemnite_licenciement_due"]
    assert due >= legal
    assert due == max(legal, money(s.indemnite_conventionnelle) if s.indemnite_conventionnelle is not None else legal)

    if s.salaire_journalier_reference is None or not one_year:
        assert m["asp_journaliere"] is None
    elif m["asp_journaliere"] is not None:
        assert m["asp_journaliere"] in (money(s.salaire_journalier_reference * Decimal("0.75")),
                                        money(s.salaire_journalier_reference * Decimal("0.80")))


@FUZZ
@given(case_dicts())
def test_amounts(data):
    charged, _ = try_load(data)
    if charged is None:
        return
    result = compute_dossier(charged.dossier, charged.nom)
    for s, r in zip(charged.dossier.salaries, result.employees):
        _check_amounts(charged.dossier, s, r)


@settings(FUZZ, max_examples=40)
@given(case_dicts(max_employees=1, types=("individuel", "collectif_moins_de_10", "pse")),
       st.lists(st.integers(0, 40 * 366), min_size=2, max_size=6, unique=True))
def test_legal_indemnity_is_monotone_in_seniority(data, ages):
    """Same case, same salary, earlier and earlier entry dates: the indemnity never decreases."""
    base = data["salaries"][0]
    for key in ("date_convocation", "fin_protection_maternite", "mois_non_comptes_anciennete", "salarie_protege"):
        base.pop(key, None)
    charged, _ = try_load(data)
    if charged is None:
        return
    remise = compute_dossier(charged.dossier, charged.nom).employees[0].dates["remise"]
    interview = charged.dossier.salaries[0].date_entretien_prealable or charged.dossier.procedure.date_entretien_prealable
    first = min(x for x in (remise, interview) if x is not None)
    previous = None
    for age in sorted(ages):
        base["date_entree"] = first - timedelta(days=age)
        charged, error = try_load(data)
        assert error is None, error
        r = compute_dossier(charged.dossier, charged.nom).employees[0]
        amounts = (r.amounts["anciennete_mois_fin_preavis"], r.amounts["indemnite_legale_licenciement"],
                   r.amounts["indemnite_legale_a_la_rupture"], r.amounts["preavis_mois"])
        if previous is not None:
            assert all(a >= b for a, b in zip(amounts, previous)), (age, amounts, previous)
        previous = amounts


# --- explanations and the JSON contract -----------------------------------------------------------------


@FUZZ
@given(case_dicts())
def test_every_value_has_an_explanation_with_sources(data):
    charged, _ = try_load(data)
    if charged is None:
        return
    out = json.loads(json.dumps(dossier_json(compute_dossier(charged.dossier, charged.nom))))
    for sal in out["salaries"]:
        by_fact: dict[str, list[dict]] = {}
        for e in sal["explications"]:
            assert list(e) == ["fait", "valeur", "raisonnement", "sources"]
            assert e["raisonnement"].strip()
            by_fact.setdefault(e["fait"], []).append(e)
        for group in ("dates", "montants"):
            for key, value in sal[group].items():
                fait = f"{group}.{key}"
                if value is None:
                    continue
                assert fait in by_fact, fait
                assert len(by_fact[fait]) == 1, fait
                e = by_fact[fait][0]
                assert e["sources"] and all(isinstance(x, str) and x.strip() for x in e["sources"]), fait
                assert e["valeur"] == value, (fait, e["valeur"], value)
        variant = by_fact["lettre.variante"][0]
        assert variant["valeur"] == sal["lettre"]["variante"] and variant["sources"]


@FUZZ
@given(case_dicts())
def test_json_contract_round_trips_with_keys_in_order(data):
    charged, _ = try_load(data)
    if charged is None:
        return
    result = compute_dossier(charged.dossier, charged.nom)
    out = dossier_json(result)
    text = json.dumps(out, ensure_ascii=False)
    back = json.loads(text)
    assert back == out
    assert json.dumps(back, ensure_ascii=False) == text
    assert list(back)[:3] == ["dossier", "regime", "salaries"] and "avertissements" in back
    assert back["dossier"] == charged.nom
    assert list(back["regime"])[:2] == ["texte", "valable_jusqu_au"]
    for sal, r in zip(back["salaries"], result.employees):
        assert list(sal)[:9] == ["matricule", "operateur", "dates", "lettre", "montants", "explications",
                                 "avertissements", "zone", "circonstance_remise"][:9]
        assert sal["operateur"] in ("Pôle emploi", "France Travail")
        assert tuple(sal["dates"])[: len(CONTRACT_DATES)] == CONTRACT_DATES
        assert tuple(sal["montants"])[: len(CONTRACT_AMOUNTS)] == CONTRACT_AMOUNTS
        assert list(sal["lettre"])[:2] == ["variante", "rappel_delai_requis"]
        for key, value in r.dates.items():
            assert sal["dates"][key] == (value.isoformat() if value else None)
        for key in MONEY_KEYS:
            if r.amounts[key] is None:
                assert sal["montants"][key] is None
            else:
                assert Decimal(repr(sal["montants"][key])) == r.amounts[key], key
        assert all(isinstance(w, str) for w in sal["avertissements"])
