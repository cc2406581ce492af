"""After a refusal of the CSP (review finding 9): the end of the notice and of the rehiring priority,
once the first presentation of the dismissal letter is known.

- L1234-3: the first presentation of the registered letter fixes the start of the notice; its end is
  the anniversary of the presentation after the notice owed (``montants.preavis_mois``, R-46), with
  the same date arithmetic as the other month counts (``dates.add_months``, R-39; the later of the two
  usual readings, safer for the certificat de travail and the priority);
- L1234-19, L1234-20: the certificat de travail and the reçu pour solde de tout compte are handed over
  at the end of the contract, the end of the notice (worked or not);
- L1233-45 (R-32, review correction): the rehiring priority runs one year from the end of the notice.

The plan (``compute``'s contract) is not changed: an acceptance is still possible while the period runs,
and these dates only apply once the employee has refused (expressly or by silence). A pure function of
the computed facts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from . import dates as D
from . import parameters as PR
from .facts import Fact, EmployeeResult


def notice_end(rs: EmployeeResult) -> Optional[Fact]:
    """The end of the notice counted from the first presentation of the letter, or None while unknown."""
    presented = rs.salarie.date_presentation_lettre
    months = rs.montants.get("preavis_mois")
    if presented is None or months is None:
        return None
    whole = int(months)
    extra = int(((months - whole) * 30).to_integral_value())
    end = D.add_months(presented, whole) + timedelta(days=extra)
    shown = whole if extra == 0 else months
    return Fact(end, f"Refus du CSP : le préavis de {shown} mois court de la première présentation de la lettre de "
                     f"licenciement ({D.fr(presented)}) et prend fin le {D.fr(end)} ; le certificat de travail et le "
                     "reçu pour solde de tout compte sont remis à la fin du contrat.",
                ("C. trav. art. L1234-1", "C. trav. art. L1234-3", "C. trav. art. L1234-19", "C. trav. art. L1234-20"))


def priority_end(rs: EmployeeResult, end_of_notice: date) -> Fact:
    """R-32: one year (dated parameter) from the end of the notice after a refusal."""
    months = PR.value("duree_priorite_reembauche_mois", lambda code, text: None, rupture=end_of_notice)
    end = D.add_months(end_of_notice, months)
    return Fact(end, f"Refus du CSP : la priorité de réembauche court pendant {months} mois à compter de la fin du "
                     f"préavis ({D.fr(end_of_notice)}), exécuté ou non : jusqu'au {D.fr(end)}.",
                ("C. trav. art. L1233-45", "C. trav. art. L1234-3"))
