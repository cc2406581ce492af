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
from .dates import add_months, fr, last_day_of_months
from .facts import Fact, money

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


def years_months(months: int) -> str:
    y, m = divmod(months, 12)
    parts = []
    if y:
        parts.append(f"{y} an{'s' if y > 1 else ''}")
    if m or not parts:
        parts.append(f"{m} mois")
    return " et ".join(parts)


def legal_notice_months(seniority_months: int, disabled: bool, scale: Mapping[str, int]) -> Fact:
    """R-46: L1234-1 legal notice; L5213-9 doubles it for disabled workers, capped at 3 months.
    ``scale``: the dated parameter ``bareme_preavis_legal``."""
    return _legal_notice_months(seniority_months, disabled, scale["un_mois_des"], scale["deux_mois_des"],
                                scale["plafond_travailleur_handicape"])


@lru_cache(maxsize=256)
def _legal_notice_months(seniority_months: int, disabled: bool, one_from: int, two_from: int, cap: int) -> Fact:
    low, high = years_months(one_from), years_months(two_from)
    if seniority_months < one_from:
        base, text = 0, f"moins de {low} d'ancienneté : préavis fixé par la convention collective ou l'usage (aucun préavis légal)"
    elif seniority_months < two_from:
        base, text = 1, f"de {low} à moins de {high} d'ancienneté : 1 mois"
    else:
        base, text = 2, f"au moins {high} d'ancienneté : 2 mois"
    value = base
    sources = ["C. trav. art. L1234-1"]
    extra = ""
    if disabled and base:
        value = min(base * 2, cap)
        extra = f" Travailleur handicapé : durée doublée, dans la limite de {cap} mois, soit {value} mois."
        sources.append("C. trav. art. L5213-9")
    return Fact(
        Decimal(value),
        f"Ancienneté de {years_months(seniority_months)} : {text}.{extra}",
        tuple(sources),
        (("mois_anciennete", seniority_months), ("un_mois_des", one_from), ("deux_mois_des", two_from),
         ("travailleur_handicape", disabled), ("plafond_travailleur_handicape", cap)),
    )


def notice_months(legal: Fact, agreed: Optional[Decimal]) -> Fact:
    """The notice owed: the conventional or contractual notice when given, never below the legal
    one (whose reasoning and sources, L5213-9 included, are kept)."""
    if agreed is None:
        return Fact(legal.valeur, f"{legal.raisonnement} Préavis légal retenu : {legal.valeur} mois.", legal.sources,
                    legal.termes)
    value = max(legal.valeur, agreed)
    return Fact(
        value,
        f"{legal.raisonnement} Préavis conventionnel ou contractuel déclaré : {agreed} mois ; préavis légal : "
        f"{legal.valeur} mois ; le plus long est retenu : {value} mois.",
        legal.sources + ("Convention du 26 janvier 2015, art. 21",),
        legal.termes + (("preavis_declare_mois", agreed),),
    )


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
        base = f"{len(months)} mois de salaire déclarés"
    else:
        assert monthly is not None
        variable = variable_monthly or ZERO
        avg12 = monthly + variable + bonus / 12
        avg3 = monthly + variable + bonus / 12
        base = f"salaire mensuel brut déclaré {eur(monthly)}"
        if variable:
            base += f" et rémunération variable moyenne de {eur(variable)}"
    value = max(avg12, avg3)
    bonus_text = f" ; prime annuelle de {eur(bonus)} comptée en entier sur 12 mois et au prorata sur 3 mois" if bonus else ""
    return (
        Fact(
            money(value),
            f"Salaire de référence ({base}{bonus_text}) : moyenne des 12 derniers mois (ou de tous les mois si moins "
            f"de 12) = {eur(avg12)} ; tiers des 3 derniers mois = {eur(avg3)} ; le plus favorable est retenu : {eur(value)}.",
            ("C. trav. art. R1234-4",),
        ),
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
) -> NoticeSplit:
    """R-42: the notice indemnity goes to the operator within 3 months of salary (plus employer
    charges); any excess is paid to the employee; below 1 year of seniority it is all paid to
    the employee and the employer owes no contribution."""
    total = salary * months
    src = ("C. trav. art. L1234-5", "C. trav. art. L1233-67", "C. trav. art. L1233-69", "Convention du 26 janvier 2015, art. 21")
    ind = Fact(money(total), f"Indemnité compensatrice de préavis : {months} mois × {eur(salary)} = {eur(total)}.", src,
               (("salaire_mensuel", salary), ("mois_de_preavis", months)))
    if not at_least_one_year:
        return NoticeSplit(
            ind,
            Fact(money(ZERO), "Ancienneté inférieure à un an : aucune contribution n'est due à l'opérateur.", src),
            Fact(None, "Sans objet : aucune contribution n'est due.", src),
            Fact(money(total), f"Ancienneté inférieure à un an : l'employeur verse au salarié, à la rupture, "
                 f"l'indemnité de préavis qu'il aurait due ({eur(total)}).", src),
        )
    capped = min(total, salary * cap_months)
    excess = total - capped
    contribution = Fact(
        money(capped),
        f"Contribution à l'opérateur : indemnité de préavis ({eur(total)}) dans la limite de {cap_months} mois de "
        f"salaire ({eur(salary * cap_months)}) : {eur(capped)} (cotisations salariales comprises).",
        src,
        (("indemnite_preavis", total), ("salaire_mensuel", salary), ("plafond_mois", cap_months)),
    )
    if charge_rate is None:
        charges = Fact(None, "Taux de charges patronales non renseigné : montant charges comprises non calculé.", src)
    else:
        with_charges = capped * (1 + charge_rate)
        charges = Fact(
            money(with_charges),
            f"Contribution majorée des charges patronales : {eur(capped)} × (1 + {str(charge_rate).replace('.', ',')}) = {eur(with_charges)}.",
            src,
        )
    excedent = Fact(
        money(excess),
        f"Part du préavis au-delà de {cap_months} mois versée au salarié à la rupture : {eur(excess)}.",
        src,
    )
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
    src = ("C. trav. art. L1234-9", "C. trav. art. R1234-1", "C. trav. art. R1234-2")
    if months < minimum_months:
        return Fact(
            money(ZERO),
            f"Ancienneté de {years_months(months)}, inférieure à {minimum_months} mois : pas d'indemnité légale.",
            src,
        )
    low, high = _frac(low_text), _frac(high_text)
    first, rest = min(months, tranche_months), max(months - tranche_months, 0)
    # One exact division: reference x (first x low + rest x high) / 12, as a single fraction.
    numerator = first * low.numerator * high.denominator + rest * high.numerator * low.denominator
    value = reference * numerator / (12 * low.denominator * high.denominator)
    terms = (("mois_anciennete", months), ("salaire_reference", reference), ("fraction_jusqu_a_tranche", low_text),
             ("fraction_au_dela", high_text), ("tranche_mois", tranche_months))
    detail = f"{years_months(first)} × {low} × {eur(reference)}"
    if rest:
        detail += f" + {years_months(rest)} × {high} × {eur(reference)}"
    return Fact(
        money(value),
        f"Ancienneté retenue : {years_months(months)} ({months} mois complets). {detail} = {eur(value)}.",
        src,
        terms,
    )


def penalty(salary: Decimal, months: dict[str, int]) -> Fact:
    """R-44: contribution owed to the operator when the employer did not propose the CSP."""
    refus = money(salary * months["refus"])
    adhesion = money(salary * months["adhesion"])
    return Fact(
        {"refus": refus, "adhesion": adhesion},
        f"Si le CSP n'est pas proposé, l'employeur doit {months['refus']} mois de salaire ({eur(refus)}), "
        f"{months['adhesion']} mois si le salarié adhère sur proposition de l'opérateur ({eur(adhesion)}). "
        f"Estimation : l'assiette exacte retenue par l'opérateur n'est pas connue (salaire mensuel {eur(salary)}).",
        ("C. trav. art. L1233-66 al. 2", "Décret n° 2013-639 du 17 juillet 2013, art. 2"),
    )


def asp_daily(sjr: Decimal, rate: Decimal, rate_reference: str) -> Fact:
    """R-41: 75 % of the salaire journalier de référence (80 % under the 2011 texts)."""
    value = sjr * rate
    return Fact(
        money(value),
        f"Allocation de sécurisation professionnelle : {rate * 100:.0f} % du salaire journalier de référence "
        f"({eur(sjr)}) = {eur(value)} par jour (brut, estimation ; l'opérateur calcule le montant définitif).",
        (rate_reference,),
        (("salaire_journalier_reference", sjr), ("taux", rate)),
    )


def prime_reclassement(csp_start: date, asp: Decimal, job_start: date, csp_months: int, bonus_months: int,
                       rate: Decimal) -> dict:
    """R-47 estimate (A27): ``rate`` (parameter taux_prime_reclassement: 50 %) of the remaining ASP rights when a job is taken before the end of
    the 10th month, in two equal instalments. The remaining days are assumed to be the calendar
    days from the job start to the end of the CSP (an estimate: the operator decides)."""
    end = last_day_of_months(csp_start, csp_months)[1]
    tenth = last_day_of_months(csp_start, bonus_months)[1]
    eligible = job_start <= tenth
    days = (end - job_start).days + 1 if eligible else 0
    prime = money(asp * days * rate) if eligible else money(ZERO)
    half = money(prime / 2)
    return {
        "fin_csp": end,
        "fin_10e_mois": tenth,
        "eligible": eligible,
        "jours_restants": days,
        "prime": prime,
        "versements": [half, prime - half],
        "raisonnement": (
            f"Reprise d'emploi le {fr(job_start)}, fin du {bonus_months}e mois le {fr(tenth)} : "
            + (f"éligible ; {days} jours restants × {eur(asp)} × {rate * 100:.0f} % = {eur(prime)}, en deux versements."
               if eligible else f"non éligible (reprise après la fin du {bonus_months}e mois).")
        ),
    }
