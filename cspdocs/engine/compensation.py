"""The amounts of one employee (R-41 to R-47, R-51, R-65 to R-67): seniority, notice, the employer's
contribution, the severance indemnity, the penalty and the ASP. The formulas are the pure rules of
amounts.py and notice.py; this module chooses their dates and records their facts."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Optional

from ..case.model import Dossier, Salarie
from ..case.places import calendar_for
from . import amounts as A
from . import dates as D
from . import notice as N
from . import parameters as PR
from .collector import Collector
from .facts import Explication, Fact, money
from .procedure import engagement_date

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


def compute_amounts(dossier: Dossier, s: Salarie, c: Collector, rupture: date, provisional: bool, lettre: dict, envoi: Optional[date]) -> dict[str, bool]:
    """R-41 to R-47 for one employee; returns the conditions the documents need."""
    if s.salarie_protege is not None and s.salarie_protege.autorisation_refusee:
        # no rupture follows a refused authorisation: no rupture amount is owed.
        for key in CONTRACT_AMOUNT_KEYS:
            c.amount(key, Fact(None, "Sans objet : l'autorisation de licenciement a été refusée, aucune rupture ne suit.",
                               ("C. trav. art. L2411-1",)))
        at_least = seniority_months(s, rupture) >= c.one_year_months
        return {"anciennete_un_an_ou_plus": at_least, "anciennete_moins_un_an": not at_least,
                "anciennete_un_an_incertaine": False}
    if provisional:
        c.warn(f"R-51 : montants provisoires calculés sur la fin normale du délai ({D.fr(rupture)}) : ils seront recalculés à la notification de l'autorisation ; les documents ne les donnent pas comme définitifs.")
    non_comptes = s.mois_non_comptes_anciennete

    def seniority(on: date) -> int:
        return seniority_months(s, on)

    at_rupture = seniority(rupture)
    # the notice length is given by the seniority on the day the letter is sent (Cass. soc.
    # 26/09/2006 n° 05-43.841), at the rupture when no letter precedes it.
    day = N.rights_day(lettre.get("variante"), envoi, rupture)
    c.dates["anciennete_appreciee_le"] = day.valeur
    c.explications.append(Explication("dates.anciennete_appreciee_le", day.valeur, day.raisonnement, day.sources))
    at_rights = seniority(day.valeur)
    scale = PR.value("bareme_preavis_legal", c.warn, appreciation_anciennete=day.valeur)
    legal = A.legal_notice_months(at_rights, s.travailleur_handicape, scale)
    if legal.valeur != A.legal_notice_months(at_rupture, s.travailleur_handicape, scale).valeur:
        c.warn(f"R-65 : un seuil d'ancienneté du préavis légal (6 mois, 2 ans) est franchi entre l'envoi de la lettre "
               f"({D.fr(day.valeur)} : {A.years_months(at_rights)}) et la rupture ({D.fr(rupture)} : {A.years_months(at_rupture)}) : "
               f"le préavis est celui de la date d'envoi, {legal.valeur} mois (Cass. soc. 26 septembre 2006, n° 05-43.841).")
    notice = c.amount("preavis_mois", A.notice_months(legal, s.preavis_mois))
    if s.travailleur_handicape and legal.valeur == 0 and s.preavis_mois is None:
        c.warn("R-46 : travailleur handicapé de moins de 6 mois d'ancienneté : le préavis fixé par la convention collective ou l'usage est doublé (L5213-9, dans la limite de 3 mois) ; renseignez « preavis_mois ».")
    whole = int(notice)
    extra_days = int(((notice - whole) * 30).to_integral_value())
    fin_preavis = A.add_months(rupture, whole) + timedelta(days=extra_days)
    c.dates["fin_preavis"] = fin_preavis
    at_end = seniority(fin_preavis)
    c.amount(
        "anciennete_annees",
        Fact(
            (Decimal(at_end) / 12).quantize(Decimal("0.01")),
            f"Ancienneté du {D.fr(s.date_entree)} à la fin du préavis qu'aurait effectué le salarié ({D.fr(fin_preavis)}) : "
            f"{A.years_months(at_end)}, soit {at_end} mois complets"
            + (f" (après déduction de {non_comptes} mois non pris en compte, L1234-11)" if non_comptes else "")
            + f". À la date de rupture ({D.fr(rupture)}) : {A.years_months(at_rupture)}.",
            ("ANI du 31 mai 2011, art. 9", "C. trav. art. L1233-67", "C. trav. art. R1234-1", "C. trav. art. L1234-11"),
        ),
    )
    c.montants["anciennete_mois_fin_preavis"] = at_end
    c.montants["anciennete_mois_rupture"] = at_rupture

    ref_fact, avg12, avg3 = A.reference_salary(s.salaire_brut_mensuel, s.salaires_12_derniers_mois, s.primes_annuelles_3_derniers_mois,
                                            s.remuneration_variable_mensuelle)
    c.amount("salaire_reference", ref_fact)
    reference = max(avg12, avg3)  # unrounded: amounts are rounded at the end only
    c.montants["salaire_moyen_12_mois"] = money(avg12)
    c.montants["salaire_moyen_3_mois"] = money(avg3)
    pay = N.notice_pay(s)  # what the employee would have earned during the notice (L1234-5)
    monthly = pay.valeur
    c.montants["salaire_mensuel_preavis"] = money(monthly)
    c.explications.append(Explication("montants.salaire_mensuel_preavis", money(monthly), pay.raisonnement, pay.sources))
    if s.primes_annuelles_3_derniers_mois and s.salaire_preavis_mensuel is None:
        c.warn("R-66 : la prime annuelle déclarée est comptée au prorata dans l'indemnité de préavis et la contribution "
               "(C. trav. L1234-5) ; si elle était exceptionnelle, donnez « salaire_preavis_mensuel ».")

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
        c.warn(f"R-41 : l'ancienneté d'un an est appréciée à la date de {how} ({D.fr(threshold_day)}) : le salarié a moins d'un an à cette date mais un an à la fin du délai ; la date d'envoi de la lettre change le montant de l'allocation (niveau de l'ARE) et le destinataire du préavis.")
    cap = PR.value("plafond_contribution_employeur_mois", c.warn, debut_csp=rupture + timedelta(days=1))
    split = A.notice_split(monthly, notice, one_year, s.taux_charges_patronales, cap)
    c.amount("indemnite_preavis", split.indemnite_preavis)
    c.amount("contribution_employeur", split.contribution)
    c.amount("contribution_employeur_charges_comprises", split.contribution_charges)
    c.amount("excedent_preavis_salarie", split.excedent)

    fractions = PR.value("fractions_indemnite_legale", c.warn, rupture=rupture)
    minimum = PR.value("anciennete_minimale_indemnite_mois", c.warn, rupture=rupture)
    tranche = PR.value("tranche_indemnite_legale_mois", c.warn, rupture=rupture)
    legal_end = A.legal_severance(at_end, reference, fractions, minimum, tranche)
    legal_rupture = A.legal_severance(at_rupture, reference, fractions, minimum, tranche)
    # the reading is the case's choice (procedure.lecture_anciennete_indemnite); default: the
    # ANI of 31/05/2011 art. 9 (end of the notice not worked, the higher amount, R-45).
    reading = dossier.procedure.lecture_anciennete_indemnite
    chosen = legal_end if reading == "fin_preavis" else legal_rupture
    c.montants["lecture_anciennete_indemnite"] = reading
    chosen_text = ("Lecture retenue (ANI du 31 mai 2011, art. 9) : ancienneté comptée jusqu'à la fin du préavis non exécuté. "
                   f"À la date de rupture (lecture de Cass. soc. 2 décembre 2009, n° 08-44.656) : {A.years_months(at_rupture)}, "
                   f"soit {A.eur(legal_rupture.valeur)}."
                   if reading == "fin_preavis" else
                   "Lecture retenue par le dossier (Cass. soc. 2 décembre 2009, n° 08-44.656) : ancienneté à la date de rupture, "
                   f"{A.years_months(at_rupture)}. Jusqu'à la fin du préavis non exécuté (ANI du 31 mai 2011, art. 9) : "
                   f"{A.years_months(at_end)}, soit {A.eur(legal_end.valeur)}.")
    legal_value = c.amount(
        "indemnite_legale_licenciement",
        Fact(
            chosen.valeur,
            chosen.raisonnement + " " + chosen_text,
            chosen.sources + ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656"),
        ),
    )
    c.montants["indemnite_legale_a_la_rupture"] = legal_rupture.valeur
    c.montants["indemnite_legale_fin_preavis"] = legal_end.valeur
    if legal_rupture.valeur != legal_end.valeur:
        if reading == "fin_preavis":
            c.warn(f"R-45 : indemnité légale de {A.eur(legal_value)} avec l'ancienneté à la fin du préavis (lecture retenue, ANI 2011 art. 9) ; {A.eur(legal_rupture.valeur)} à la date de rupture (Cass. soc. 2 décembre 2009).")
        else:
            c.warn(f"R-67 : indemnité légale de {A.eur(legal_value)} avec l'ancienneté à la rupture (lecture choisie par le dossier, Cass. soc. 2 décembre 2009) ; {A.eur(legal_end.valeur)} en comptant le préavis non exécuté (ANI 2011 art. 9) : un salarié pourrait réclamer la différence.")
    if reading == "fin_preavis" and (at_end >= minimum) != (at_rupture >= minimum):
        c.warn(f"A9 : le seuil de {minimum} mois d'ancienneté n'est atteint qu'en comptant le préavis non exécuté : indemnité retenue, à faire valider"
               + (f" (à la date d'envoi de la lettre, {D.fr(day.valeur)}, l'ancienneté est de {A.years_months(at_rights)} : Cass. soc. 26 septembre 2006, n° 05-43.841)." if at_rights < minimum else "."))
    if s.indemnite_conventionnelle is not None and s.indemnite_conventionnelle > legal_value:
        due = Fact(money(s.indemnite_conventionnelle), f"Indemnité conventionnelle déclarée ({A.eur(s.indemnite_conventionnelle)}), plus favorable que l'indemnité légale ({A.eur(legal_value)}) : elle est due.", ("C. trav. art. L1234-9", "Convention collective applicable"))
    else:
        due = Fact(legal_value, f"Indemnité due : indemnité légale ({A.eur(legal_value)})" + (f", plus favorable que l'indemnité conventionnelle déclarée ({A.eur(s.indemnite_conventionnelle)})." if s.indemnite_conventionnelle is not None else ", aucune indemnité conventionnelle plus favorable n'étant déclarée."), ("C. trav. art. L1234-9",))
    c.amount("indemnite_licenciement_due", due)

    months = PR.value("penalite_defaut_proposition_mois", c.warn, rupture=rupture)
    c.amount("penalite_defaut_proposition", A.penalty(money(avg12), months))

    asp_fact = asp(s, c, one_year, dossier)
    c.amount("asp_journaliere", asp_fact)
    # Item 5 of issue 8: when the 1-year threshold depends on a letter date nobody has chosen yet, the
    # documents must not assert either side.
    uncertain = (one_year != (seniority(rupture) >= year) and s.date_envoi_lettre is None
                 and s.date_presentation_lettre is None)
    # A protected employee awaiting the authorisation: the rupture and the letter come at an
    # unknown later date, when seniority may have reached one year: under a year on the
    # provisional date, the documents must not assert it (a year reached stays reached).
    uncertain = uncertain or (provisional and not one_year)
    return {"anciennete_un_an_ou_plus": one_year, "anciennete_moins_un_an": not one_year,
            "anciennete_un_an_incertaine": uncertain}


def seniority_months(s: Salarie, on: date) -> int:
    """Complete months of service on ``on``, less the months not counted (L1234-11)."""
    return max(0, int(Decimal(A.complete_months(s.date_entree, on)) - s.mois_non_comptes_anciennete))


def asp(s: Salarie, c: Collector, one_year: bool, dossier: Dossier) -> Fact:
    if s.salaire_journalier_reference is None:
        return Fact(None, "Salaire journalier de référence non renseigné : ASP non estimée.", ("Convention du 26 janvier 2015",))
    if not one_year:
        return Fact(None, "Ancienneté inférieure à un an : l'allocation est égale à l'ARE, calculée par l'opérateur.", ("ANI du 31 mai 2011, art. 3", "Convention du 26 janvier 2015"))
    if calendar_for(dossier.employeur, s).zone == "mayotte":
        c.warn("R-04 : Mayotte : les paramètres de l'ASP propres à Mayotte n'ont pas été vérifiés ; l'ASP n'est pas estimée.")
        return Fact(None, "Mayotte : paramètres de l'ASP non vérifiés (convention du 17 juillet 2018) ; pas d'estimation.", ("Convention du 17 juillet 2018 relative au CSP à Mayotte",))
    on = engagement_date(dossier)[0]
    rate = PR.in_force("taux_asp", engagement=on) if on else None
    if rate is None:
        c.warn("A11 : aucun taux d'ASP connu pour cette date d'engagement : ASP non estimée.")
        return Fact(None, "Aucun texte connu ne fixe le taux de l'ASP à cette date.", ())
    return A.asp_daily(s.salaire_journalier_reference, Decimal(rate.valeur), rate.reference)
