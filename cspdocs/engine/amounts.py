"""Pure amount rules (legal-rules.md R-41 to R-47). Decimal throughout, rounded half-up to the
cent at the end of each computation only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Mapping, Optional, Sequence

from ..formats import explanation_amount
from .dates import add_months, last_day_of_months
from .facts import Fact, extend, fact, money
from .prose import years_months

ZERO = Decimal("0")


# French amount in explanations, « 8 233,33 € » (cspdocs/formats.py).
eur = explanation_amount


@lru_cache(maxsize=16)
def _frac(text: str) -> Fraction:
    return Fraction(text)


def complete_months(start: date, end: date) -> int:
    """Complete months of service from ``start`` to ``end`` inclusive (R1234-1: only complete
    months count for an incomplete year)."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    while months > 0 and add_months(start, months) > end + timedelta(days=1):
        months -= 1
    while add_months(start, months + 1) <= end + timedelta(days=1):
        months += 1
    return months


def legal_notice_months(seniority_months: int, disabled: bool, scale: Mapping[str, int]) -> Fact:
    """R-46: L1234-1 legal notice; L5213-9 doubles it for disabled workers, capped at 3 months.
    ``scale``: the dated parameter ``bareme_preavis_legal``."""
    return _legal_notice_months(seniority_months, disabled, scale["un_mois_des"], scale["deux_mois_des"],
                                scale["plafond_travailleur_handicape"])


@lru_cache(maxsize=256)
def _legal_notice_months(seniority_months: int, disabled: bool, one_from: int, two_from: int, cap: int) -> Fact:
    if seniority_months < one_from:
        base, variant = 0, "aucun"
    elif seniority_months < two_from:
        base, variant = 1, "un_mois"
    else:
        base, variant = 2, "deux_mois"
    value = min(base * 2, cap) if disabled and base else base
    doubled = ("+travailleur_handicape",) if disabled and base else ()
    return fact(
        (f"montants.preavis_mois/{variant}",) + doubled, Decimal(value),
        mois_anciennete=seniority_months, un_mois_des=one_from, deux_mois_des=two_from, travailleur_handicape=disabled,
        plafond_travailleur_handicape=cap, preavis_legal_mois=value,
    )


def notice_months(legal: Fact, agreed: Optional[Decimal]) -> Fact:
    """The notice owed: the conventional or contractual notice when given, never below the legal
    one (whose reasoning and sources, L5213-9 included, are kept)."""
    if agreed is None:
        return extend(legal, "+preavis_legal_retenu")
    return extend(legal, "+preavis_declare", max(legal.value, agreed), preavis_declare_mois=agreed)


def reference_salary(
    monthly: Optional[Decimal],
    last_months: Optional[Sequence[Decimal]],
    annual_bonus_last_3_months: Decimal = ZERO,
    variable_monthly: Optional[Decimal] = None,
) -> tuple[Fact, Decimal, Decimal]:
    """R-45 / R1234-4: the more favourable of the average of the last 12 months (all months when
    fewer) and one third of the last 3 months, an annual bonus of the quarter counted pro rata.
    R1234-4 averages the whole gross pay: when only the fixed monthly salary is declared, the
    average variable pay declared beside it (``remuneration_variable_mensuelle``) is part of it;
    declared months already include it. Returns the fact and both averages (unrounded)."""
    bonus = annual_bonus_last_3_months
    if last_months:
        months = list(last_months)
        avg12 = (sum(months, ZERO) + bonus) / len(months)
        last3 = months[-3:]
        avg3 = (sum(last3, ZERO) + bonus * len(last3) / 12) / len(last3)
        base, terms = "montants.salaire_reference/mois", {"nombre_mois": len(months)}
    else:
        assert monthly is not None
        variable = variable_monthly or ZERO
        avg12 = monthly + variable + bonus / 12
        avg3 = monthly + variable + bonus / 12
        base, terms = "montants.salaire_reference/mensuel", {"salaire_mensuel": monthly, "remuneration_variable": variable}
    value = max(avg12, avg3)
    return (
        fact((base, "+salaire_reference_bases"), money(value), **terms, prime_annuelle=bonus,
             moyenne_12_mois=money(avg12), moyenne_3_mois=money(avg3)),
        avg12,
        avg3,
    )


@dataclass(frozen=True)
class NoticeSplit:
    indemnite_preavis: Fact
    contribution: Fact
    contribution_charges: Fact
    excedent: Fact


def notice_split(
    salary: Decimal,
    months: Decimal,
    at_least_one_year: bool,
    charge_rate: Optional[Decimal],
    cap_months: int,
    civilite: Optional[str] = None,
) -> NoticeSplit:
    """R-42: the notice indemnity goes to the operator within 3 months of salary (plus employer
    charges); any excess is paid to the employee; below 1 year of seniority it is all paid to
    the employee and the employer owes no contribution."""
    total = salary * months
    ind = fact("montants.indemnite_preavis", money(total), salaire_mensuel=salary, mois_de_preavis=months)
    if not at_least_one_year:
        return NoticeSplit(
            ind,
            fact("montants.contribution_employeur/moins_un_an", money(ZERO)),
            fact("montants.contribution_employeur_charges_comprises/sans_objet", None),
            fact("montants.excedent_preavis_salarie/moins_un_an", money(total), indemnite_preavis=money(total),
                 civilite=civilite),
        )
    capped = min(total, salary * cap_months)
    contribution = fact("montants.contribution_employeur", money(capped), indemnite_preavis=total,
                        salaire_mensuel=salary, plafond_mois=cap_months, plafond=money(salary * cap_months))
    if charge_rate is None:
        charges = fact("montants.contribution_employeur_charges_comprises/taux_inconnu", None)
    else:
        charges = fact("montants.contribution_employeur_charges_comprises", money(capped * (1 + charge_rate)),
                       contribution=money(capped), taux_charges=charge_rate)
    excedent = fact("montants.excedent_preavis_salarie", money(total - capped), plafond_mois=cap_months,
                    civilite=civilite)
    return NoticeSplit(ind, contribution, charges, excedent)


def legal_severance(
    months: int,
    reference: Decimal,
    fractions: dict[str, str],
    minimum_months: int,
    tranche_months: int,
) -> Fact:
    """``fractions``, ``minimum_months``, ``tranche_months``: the dated parameters
    fractions_indemnite_legale, anciennete_minimale_indemnite_mois, tranche_indemnite_legale_mois."""
    return _legal_severance(months, reference, fractions["jusqu_a_10_ans"], fractions["au_dela_de_10_ans"],
                            minimum_months, tranche_months)


@lru_cache(maxsize=8192)
def _legal_severance(months: int, reference: Decimal, low_text: str, high_text: str, minimum_months: int,
                     tranche_months: int) -> Fact:
    """R-45: R1234-2 fractions per year (complete months only, R1234-1), due from the minimum
    seniority of L1234-9."""
    if months < minimum_months:
        return fact("montants.indemnite_legale_licenciement/sans", money(ZERO), mois_anciennete=months,
                    anciennete_minimale_mois=minimum_months)
    low, high = _frac(low_text), _frac(high_text)
    first, rest = min(months, tranche_months), max(months - tranche_months, 0)
    # One exact division: reference x (first x low + rest x high) / 12, as a single fraction.
    numerator = first * low.numerator * high.denominator + rest * high.numerator * low.denominator
    value = reference * numerator / (12 * low.denominator * high.denominator)
    return fact("montants.indemnite_legale_licenciement", money(value), mois_anciennete=months,
                salaire_reference=reference, fraction_jusqu_a_tranche=low_text, fraction_au_dela=high_text,
                tranche_mois=tranche_months, mois_premiere_tranche=first, mois_au_dela=rest)


def penalty(salary: Decimal, months: dict[str, int], civilite: Optional[str] = None) -> Fact:
    """R-44: contribution owed to the operator when the employer did not propose the CSP."""
    refus = money(salary * months["refus"])
    adhesion = money(salary * months["adhesion"])
    return fact("montants.penalite_defaut_proposition", {"refus": refus, "adhesion": adhesion},
                salaire_mensuel=salary, mois_refus=months["refus"], mois_adhesion=months["adhesion"],
                montant_refus=refus, montant_adhesion=adhesion, civilite=civilite)


def asp_daily(sjr: Decimal, rate: Decimal, rate_reference: str) -> Fact:
    """R-41: 75 % of the salaire journalier de référence (80 % under the 2011 texts)."""
    return fact("montants.asp_journaliere", money(sjr * rate), (rate_reference,), salaire_journalier_reference=sjr,
                taux=rate)


def prime_reclassement(csp_start: date, asp: Decimal, job_start: date, csp_months: int, bonus_months: int,
                       rate: Decimal) -> dict:
    """R-47 estimate (A27): ``rate`` (parameter taux_prime_reclassement: 50 %) of the remaining ASP
    rights when a job is taken before the end of the 10th month, in two equal instalments. The
    remaining days are assumed to be the calendar days from the job start to the end of the CSP (an
    estimate: the operator decides). Not a fact of ``compute``: no case key gives the job start and no
    document states the prime; the spec's vector A27 checks this rule."""
    end = last_day_of_months(csp_start, csp_months)[1]
    tenth = last_day_of_months(csp_start, bonus_months)[1]
    eligible = job_start <= tenth
    days = (end - job_start).days + 1 if eligible else 0
    prime = money(asp * days * rate) if eligible else money(ZERO)
    half = money(prime / 2)
    explained = fact("prime_reclassement", prime, reprise_emploi=job_start, mois=bonus_months, fin_10e_mois=tenth,
                     eligible=eligible, jours_restants=days, asp_journaliere=asp, taux=rate)
    return {
        "fin_csp": end,
        "fin_10e_mois": tenth,
        "eligible": eligible,
        "jours_restants": days,
        "prime": prime,
        "versements": [half, prime - half],
        "raisonnement": explained.reasoning,
    }
