"""The notice: on which day seniority gives it (R-65) and what a month of it is worth (R-66).

Pure functions; compute.py calls them and records their facts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Optional

from ..case.model import Salarie
from .facts import Fact, fact, money

# Cass. soc. 26/09/2006 n° 05-43.841: the seniority that gives rights (notice, thresholds) is
# assessed on the day the dismissal letter is sent; when no letter precedes the rupture (the
# employee accepted before any letter), on the rupture.
SENIORITY_DAY_SOURCES = ("Cass. soc. 26 septembre 2006, n° 05-43.841", "C. trav. art. L1234-1")


def rights_day(variante: Optional[str], envoi: Optional[date], rupture: date) -> Fact:
    """R-65: the day seniority is assessed for the notice length and the thresholds."""
    if variante in ("conservatoire", "licenciement") and envoi is not None:
        return fact("dates.anciennete_appreciee_le/envoi", envoi, envoi=envoi)
    return fact("dates.anciennete_appreciee_le/rupture", rupture, rupture=rupture)


def notice_pay(s: Salarie) -> Fact:
    """R-66, C. trav. L1234-5: the notice indemnity is what the employee would have earned had he
    worked the notice: the fixed salary, the average variable pay and the pro rata of the annual
    bonuses (Cass. soc. case law on L1234-5). ``salaire_preavis_mensuel`` states it directly."""
    if s.salaire_preavis_mensuel is not None:
        return fact("montants.salaire_mensuel_preavis/declare", s.salaire_preavis_mensuel, civilite=s.civilite)
    if s.salaire_brut_mensuel is not None:
        fixed = s.salaire_brut_mensuel
        base, terms = "montants.salaire_mensuel_preavis/mensuel", {"salaire_mensuel": fixed}
    else:
        months = s.salaires_12_derniers_mois
        last = months[-1]
        average = sum(months, Decimal(0)) / len(months)
        fixed = max(last, average)
        base, terms = "montants.salaire_mensuel_preavis/mois", {
            "dernier_salaire": last, "nombre_mois": len(months), "moyenne_mois": money(average), "salaire_fixe": money(fixed)}
    variable, bonus = s.remuneration_variable_mensuelle, s.primes_annuelles_3_derniers_mois
    share = bonus / 12 if bonus else None
    total = money(fixed + (variable or 0) + (share or 0))  # a monthly pay, in cents
    return fact((base, "+salaire_preavis"), total, **terms, remuneration_variable=variable, prime_annuelle=bonus,
                prime_prorata=None if share is None else money(share))
