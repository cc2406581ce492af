"""The amounts of one employee (R-41 to R-47, R-51, R-65 to R-67): seniority, notice, the employer's
contribution, the severance indemnity, the penalty and the ASP. The formulas are the pure rules of
amounts.py and notice.py; this module chooses their dates and records their facts."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Optional

from ..case.model import Dossier, Salarie
from . import amounts as A
from . import dates as D
from . import notice as N
from . import parameters as PR
from .collector import Collector
from . import wording as W
from .facts import fact, money
from .severance import Seniority, asp, penalty, severance

CONTRACT_AMOUNT_KEYS = (
    "anciennete_annees",
    "salaire_reference",
    "preavis_mois",
    "indemnite_preavis",
    "contribution_employeur",
    "contribution_employeur_charges_comprises",
    "excedent_preavis_salarie",
    "indemnite_legale_licenciement",
    "indemnite_licenciement_due",
    "penalite_defaut_proposition",
    "asp_journaliere",
)


def compute_amounts(dossier: Dossier, s: Salarie, c: Collector, rupture: date, provisional: bool, lettre: dict,
                    envoi: Optional[date]) -> dict[str, bool]:
    """R-41 to R-47 for one employee; returns the conditions the documents need."""
    if s.salarie_protege is not None and s.salarie_protege.autorisation_refusee:
        return _refused(s, c, rupture)
    if provisional:
        c.warn("R-51", f"montants provisoires calculés sur la fin normale du délai ({D.fr(rupture)}) : ils seront recalculés à la notification de l'autorisation ; les documents ne les donnent pas comme définitifs.")
    notice, seniority = _notice(s, c, rupture, lettre, envoi)
    reference, avg12, monthly = _salaries(s, c)
    one_year, at_rupture_one_year = _one_year(s, c, rupture, lettre, envoi)
    _contribution(s, c, rupture, monthly, notice, one_year)
    severance(dossier, s, c, rupture, reference, seniority)
    penalty(c, rupture, avg12, s.civilite)
    c.amount("asp_journaliere", asp(s, c, one_year, dossier))
    # Item 5 of issue 8: when the 1-year threshold depends on a letter date nobody has chosen yet, the
    # documents must not assert either side.
    uncertain = (one_year != at_rupture_one_year and s.date_envoi_lettre is None
                 and s.date_presentation_lettre is None)
    # A protected employee awaiting the authorisation: the rupture and the letter come at an
    # unknown later date, when seniority may have reached one year: under a year on the
    # provisional date, the documents must not assert it (a year reached stays reached).
    uncertain = uncertain or (provisional and not one_year)
    return {"anciennete_un_an_ou_plus": one_year, "anciennete_moins_un_an": not one_year,
            "anciennete_un_an_incertaine": uncertain}


def _refused(s: Salarie, c: Collector, rupture: date) -> dict[str, bool]:
    """R-51: no rupture follows a refused authorisation: no rupture amount is owed."""
    for key in CONTRACT_AMOUNT_KEYS:
        c.amount(key, fact("+sans_objet_autorisation_refusee", None))
    at_least = seniority_months(s, rupture) >= c.one_year_months
    return {"anciennete_un_an_ou_plus": at_least, "anciennete_moins_un_an": not at_least,
            "anciennete_un_an_incertaine": False}


def _notice(s: Salarie, c: Collector, rupture: date, lettre: dict, envoi: Optional[date]) -> tuple[Decimal, Seniority]:
    """R-46, R-65: the notice owed, from the seniority on the day it gives rights, and the seniority
    at the rupture and at the end of the notice not worked."""
    non_comptes = s.mois_non_comptes_anciennete

    def seniority(on: date) -> int:
        return seniority_months(s, on)

    at_rupture = seniority(rupture)
    # the notice length is given by the seniority on the day the letter is sent (Cass. soc.
    # 26/09/2006 n° 05-43.841), at the rupture when no letter precedes it.
    day = N.rights_day(lettre.get("variante"), envoi, rupture)
    c.date("anciennete_appreciee_le", day)
    at_rights = seniority(day.value)
    scale = PR.value("bareme_preavis_legal", c.warn, appreciation_anciennete=day.value)
    legal = A.legal_notice_months(at_rights, s.travailleur_handicape, scale)
    if legal.value != A.legal_notice_months(at_rupture, s.travailleur_handicape, scale).value:
        c.warn("R-65", f"un seuil d'ancienneté du préavis légal ({A.years_months(scale['un_mois_des'])}, {A.years_months(scale['deux_mois_des'])}) est franchi entre l'envoi de la lettre "
               f"({D.fr(day.value)} : {A.years_months(at_rights)}) et la rupture ({D.fr(rupture)} : {A.years_months(at_rupture)}) : "
               f"le préavis est celui de la date d'envoi, {legal.value} mois (Cass. soc. 26 septembre 2006, n° 05-43.841).")
    notice = c.amount("preavis_mois", A.notice_months(legal, s.preavis_mois))
    if s.travailleur_handicape and legal.value == 0 and s.preavis_mois is None:
        c.warn("R-46", f"travailleur handicapé de moins de {A.years_months(scale['un_mois_des'])} d'ancienneté : le préavis fixé par la convention collective ou l'usage est doublé (L5213-9, dans la limite de {scale['plafond_travailleur_handicape']} mois) ; renseignez « preavis_mois ».")
    whole = int(notice)
    month_days = PR.value("jours_par_mois_preavis", c.warn, rupture=rupture)
    extra_days = int(((notice - whole) * month_days).to_integral_value())
    fin_preavis = A.add_months(rupture, whole) + timedelta(days=extra_days)
    c.derived("dates", "fin_preavis", fin_preavis, rupture=rupture, preavis_mois=notice, civilite=s.civilite)
    at_end = seniority(fin_preavis)
    c.amount("anciennete_annees", fact(
        "montants.anciennete_annees", (Decimal(at_end) / 12).quantize(Decimal("0.01")),
        date_entree=s.date_entree, fin_preavis=fin_preavis, mois_anciennete_fin_preavis=at_end, mois_non_comptes=non_comptes,
        rupture=rupture, mois_anciennete_rupture=at_rupture, civilite=s.civilite))
    c.derived("montants", "anciennete_mois_fin_preavis", at_end, date_entree=s.date_entree, le=fin_preavis,
              mois_non_comptes=non_comptes)
    c.derived("montants", "anciennete_mois_rupture", at_rupture, date_entree=s.date_entree, le=rupture,
              mois_non_comptes=non_comptes)

    return notice, Seniority(at_rupture, at_rights, at_end, day.value)


def _salaries(s: Salarie, c: Collector) -> tuple[Decimal, Decimal, Decimal]:
    """R-45 (R1234-4) and R-66 (L1234-5): the reference salary and the monthly notice pay.
    Returns (reference, average of 12 months, monthly notice pay), unrounded."""
    ref_fact, avg12, avg3 = A.reference_salary(s.salaire_brut_mensuel, s.salaires_12_derniers_mois, s.primes_annuelles_3_derniers_mois,
                                            s.remuneration_variable_mensuelle)
    c.amount("salaire_reference", ref_fact)
    reference = max(avg12, avg3)  # unrounded: amounts are rounded at the end only
    c.derived("montants", "salaire_moyen_12_mois", money(avg12))
    c.derived("montants", "salaire_moyen_3_mois", money(avg3))
    pay = N.notice_pay(s)  # what the employee would have earned during the notice (L1234-5)
    monthly = pay.value
    c.amount("salaire_mensuel_preavis", pay._replace(value=money(monthly)))
    if s.primes_annuelles_3_derniers_mois and s.salaire_preavis_mensuel is None:
        c.warn("R-66", "la prime annuelle déclarée est comptée au prorata dans l'indemnité de préavis et la contribution "
               "(C. trav. L1234-5) ; si elle était exceptionnelle, donnez « salaire_preavis_mensuel ».")

    return reference, avg12, monthly


def _one_year(s: Salarie, c: Collector, rupture: date, lettre: dict, envoi: Optional[date]) -> tuple[bool, bool]:
    """R-41: one year of seniority (ASP rate, contribution) on the day the law designates; returns
    (at least one year then, at least one year at the end of the period)."""
    def seniority(on: date) -> int:
        return seniority_months(s, on)

    # the 1-year threshold is assessed at the presentation of the letter when it is notified
    # during the reflection period, otherwise on the last day of the period. Without a known
    # presentation, the day after dispatch is assumed (the earliest possible presentation).
    if lettre.get("variante") == "conservatoire" and envoi:
        threshold_day = s.date_presentation_lettre or envoi + timedelta(days=1)
        how = "présentation de la lettre" + ("" if s.date_presentation_lettre else f", au plus tôt le {D.fr(threshold_day)}")
    else:
        threshold_day, how = rupture, "fin du délai de réflexion"
    year = c.one_year_months
    one_year = seniority(threshold_day) >= year
    if one_year != (seniority(rupture) >= year):
        c.warn("R-41", f"l'ancienneté d'un an est appréciée à la date de {how} ({D.fr(threshold_day)}) : {W.le_salarie(s)} a moins d'un an à cette date mais un an à la fin du délai ; la date d'envoi de la lettre change le montant de l'allocation (niveau de l'ARE) et le destinataire du préavis.")
    return one_year, seniority(rupture) >= year


def _contribution(s: Salarie, c: Collector, rupture: date, monthly: Decimal, notice: Decimal, one_year: bool) -> None:
    """R-42: the notice indemnity, the operator's share within the cap and the excess to the employee."""
    cap = PR.value("plafond_contribution_employeur_mois", c.warn, debut_csp=rupture + timedelta(days=1))
    split = A.notice_split(monthly, notice, one_year, s.taux_charges_patronales, cap, s.civilite)
    c.amount("indemnite_preavis", split.indemnite_preavis)
    c.amount("contribution_employeur", split.contribution)
    c.amount("contribution_employeur_charges_comprises", split.contribution_charges)
    c.amount("excedent_preavis_salarie", split.excedent)


def seniority_months(s: Salarie, on: date) -> int:
    """Complete months of service on ``on``, less the months not counted (L1234-11)."""
    return max(0, int(Decimal(A.complete_months(s.date_entree, on)) - s.mois_non_comptes_anciennete))
