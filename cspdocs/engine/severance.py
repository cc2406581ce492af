"""The severance indemnity (R-45, R-67, A9), the penalty when the CSP is not proposed (R-44) and the
ASP estimate (R-41, R-04, A11) of one employee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple, Optional

from ..case.model import Dossier, Salarie
from ..case.places import calendar_for
from . import amounts as A
from . import dates as D
from . import parameters as PR
from .collector import Collector
from .facts import Fact, extend, fact, money
from .procedure import engagement_date


class Seniority(NamedTuple):
    """Complete months of service on the days the amounts depend on."""

    at_rupture: int
    at_rights: int  # on the day seniority gives rights
    at_end: int  # at the end of the notice not worked (ANI 2011 art. 9)
    rights_day: date


def severance(dossier: Dossier, s: Salarie, c: Collector, rupture: date, reference: Decimal, seniority: Seniority) -> None:
    """R-45, R-67, A9: the legal indemnity on the reading the case chose, and the indemnity due."""
    at_end, at_rupture, at_rights = seniority.at_end, seniority.at_rupture, seniority.at_rights
    fractions = PR.value("fractions_indemnite_legale", c.warn, rupture=rupture)
    minimum = PR.value("anciennete_minimale_indemnite_mois", c.warn, rupture=rupture)
    tranche = PR.value("tranche_indemnite_legale_mois", c.warn, rupture=rupture)
    legal_end = A.legal_severance(at_end, reference, fractions, minimum, tranche)
    legal_rupture = A.legal_severance(at_rupture, reference, fractions, minimum, tranche)
    # the reading is the case's choice (procedure.lecture_anciennete_indemnite); default: the
    # ANI of 31/05/2011 art. 9 (end of the notice not worked, the higher amount, R-45).
    reading = dossier.procedure.lecture_anciennete_indemnite
    chosen = legal_end if reading == "fin_preavis" else legal_rupture
    c.derived("montants", "lecture_anciennete_indemnite", reading)
    other = ({"mois_anciennete_rupture": at_rupture, "indemnite_a_la_rupture": legal_rupture.value}
             if reading == "fin_preavis" else
             {"mois_anciennete_rupture": at_rupture, "mois_anciennete_fin_preavis": at_end,
              "indemnite_fin_preavis": legal_end.value})
    legal_value = c.amount("indemnite_legale_licenciement", extend(
        chosen, "+lecture_fin_preavis" if reading == "fin_preavis" else "+lecture_rupture", lecture=reading, **other))
    c.derived("montants", "indemnite_legale_a_la_rupture", legal_rupture.value, mois_anciennete=at_rupture)
    c.derived("montants", "indemnite_legale_fin_preavis", legal_end.value, mois_anciennete=at_end)
    if legal_rupture.value != legal_end.value:
        if reading == "fin_preavis":
            c.warn("R-45", f"indemnité légale de {A.eur(legal_value)} avec l'ancienneté à la fin du préavis (lecture retenue, ANI 2011 art. 9) ; {A.eur(legal_rupture.value)} à la date de rupture (Cass. soc. 2 décembre 2009).")
        else:
            c.warn("R-67", f"indemnité légale de {A.eur(legal_value)} avec l'ancienneté à la rupture (lecture choisie par le dossier, Cass. soc. 2 décembre 2009) ; {A.eur(legal_end.value)} en comptant le préavis non exécuté (ANI 2011 art. 9) : un salarié pourrait réclamer la différence.")
    if reading == "fin_preavis" and (at_end >= minimum) != (at_rupture >= minimum):
        c.warn("A9", f"le seuil de {minimum} mois d'ancienneté n'est atteint qu'en comptant le préavis non exécuté : indemnité retenue, à faire valider"
               + (f" (à la date d'envoi de la lettre, {D.fr(seniority.rights_day)}, l'ancienneté est de {A.years_months(at_rights)} : Cass. soc. 26 septembre 2006, n° 05-43.841)." if at_rights < minimum else "."))
    conventional = s.indemnite_conventionnelle
    if conventional is not None and conventional > legal_value:
        due = fact("montants.indemnite_licenciement_due/conventionnelle", money(conventional),
                   indemnite_conventionnelle=conventional, indemnite_legale=legal_value)
    else:
        due = fact("montants.indemnite_licenciement_due/" + ("sans_conventionnelle" if conventional is None else "legale"),
                   legal_value, indemnite_legale=legal_value,
                   indemnite_conventionnelle=conventional)
    c.amount("indemnite_licenciement_due", due)


def penalty(c: Collector, rupture: date, avg12: Decimal, civilite: Optional[str] = None) -> None:
    """R-44: what the employer owes when the CSP is not proposed."""
    months = PR.value("penalite_defaut_proposition_mois", c.warn, rupture=rupture)
    c.amount("penalite_defaut_proposition", A.penalty(money(avg12), months, civilite))


def asp(s: Salarie, c: Collector, one_year: bool, dossier: Dossier) -> Fact:
    if s.salaire_journalier_reference is None:
        return fact("montants.asp_journaliere/sjr_inconnu", None)
    if not one_year:
        return fact("montants.asp_journaliere/moins_un_an", None)
    if calendar_for(dossier.employeur, s).zone == "mayotte":
        c.warn("R-04", "Mayotte : les paramètres de l'ASP propres à Mayotte n'ont pas été vérifiés ; l'ASP n'est pas estimée.")
        return fact("montants.asp_journaliere/mayotte", None)
    on = engagement_date(dossier)[0]
    rate = PR.in_force("taux_asp", engagement=on) if on else None
    if rate is None:
        c.warn("A11", "aucun taux d'ASP connu pour cette date d'engagement : ASP non estimée.")
        return fact("montants.asp_journaliere/taux_inconnu", None)
    return A.asp_daily(s.salaire_journalier_reference, Decimal(rate.valeur), rate.reference)
