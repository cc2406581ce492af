"""The notice: on which day seniority gives it (R-65) and what a month of it is worth (R-66).

Pure functions; compute.py calls them and records their facts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Optional

from ..case.model import Salarie
from .amounts import eur
from .dates import fr
from .facts import Fact, money

# Cass. soc. 26/09/2006 n° 05-43.841: the seniority that gives rights (notice, thresholds) is
# assessed on the day the dismissal letter is sent; when no letter precedes the rupture (the
# employee accepted before any letter), on the rupture.
SENIORITY_DAY_SOURCES = ("Cass. soc. 26 septembre 2006, n° 05-43.841", "C. trav. art. L1234-1")


def rights_day(variante: Optional[str], envoi: Optional[date], rupture: date) -> Fact:
    """R-65: the day seniority is assessed for the notice length and the thresholds."""
    if variante in ("conservatoire", "licenciement") and envoi is not None:
        return Fact(envoi, f"Ancienneté appréciée à la date d'envoi de la lettre de licenciement, le {fr(envoi)}.",
                    SENIORITY_DAY_SOURCES)
    return Fact(rupture, f"Aucune lettre de licenciement ne précède la rupture : ancienneté appréciée à la rupture, "
                         f"le {fr(rupture)}.", SENIORITY_DAY_SOURCES)


def notice_pay(s: Salarie) -> Fact:
    """R-66, C. trav. L1234-5: the notice indemnity is what the employee would have earned had he
    worked the notice: the fixed salary, the average variable pay and the pro rata of the annual
    bonuses (Cass. soc. case law on L1234-5). ``salaire_preavis_mensuel`` states it directly."""
    src = ("C. trav. art. L1234-5",)
    if s.salaire_preavis_mensuel is not None:
        return Fact(s.salaire_preavis_mensuel,
                    f"Rémunération mensuelle qu'aurait perçue le salarié pendant le préavis, déclarée : "
                    f"{eur(s.salaire_preavis_mensuel)}.", src)
    parts = []
    if s.salaire_brut_mensuel is not None:
        fixed = s.salaire_brut_mensuel
        parts.append(f"salaire mensuel brut {eur(fixed)}")
    else:
        months = s.salaires_12_derniers_mois
        last = months[-1]
        average = sum(months, Decimal(0)) / len(months)
        fixed = max(last, average)
        parts.append(f"le plus élevé du dernier salaire ({eur(last)}) et de la moyenne des {len(months)} mois déclarés "
                     f"({eur(average)}), qui comprend la part variable : {eur(fixed)}")
    total = fixed
    if s.remuneration_variable_mensuelle:
        total += s.remuneration_variable_mensuelle
        parts.append(f"rémunération variable moyenne {eur(s.remuneration_variable_mensuelle)}")
    if s.primes_annuelles_3_derniers_mois:
        share = s.primes_annuelles_3_derniers_mois / 12
        total += share
        parts.append(f"prime annuelle au prorata ({eur(s.primes_annuelles_3_derniers_mois)} / 12 = {eur(share)})")
    total = money(total)  # a monthly pay, in cents
    return Fact(total, "Rémunération mensuelle du préavis : " + " + ".join(parts) + f" = {eur(total)}.", src)
