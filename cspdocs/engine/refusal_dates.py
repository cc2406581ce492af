"""After a refusal of the CSP (review finding 9): the end of the notice and of the rehiring priority,
once the first presentation of the dismissal letter is known.

- L1234-3: the first presentation of the registered letter fixes the start of the notice; its end is
  the anniversary of the presentation after the notice owed (``montants.preavis_mois``, R-46), with
  the same date arithmetic as the other month counts (``dates.add_months``, R-39; the later of the two
  usual readings, safer for the certificat de travail and the priority);
- L1234-19, L1234-20: the certificat de travail and the reçu pour solde de tout compte are handed over
  at the end of the contract, the end of the notice (worked or not);
- L1233-45 (R-32, review correction): the rehiring priority runs one year from the end of the notice.

The contract's keys are not changed: an acceptance is still possible while the period runs, and these
dates only apply once the employee has refused (expressly or by silence). The plan adds one key,
``dates.fin_preavis_refus`` (``refusal_plan``), only when the case itself records the refusal: an express
refusal (``reponse``), or a letter notifying the dismissal because the period ended without an answer
(R-27). As of a date (``refusal_as_of``: compute's ``etat_au``), a refusal by silence counts too once the
period has ended without an answer.
Pure functions of the computed facts.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Callable, Optional

from ..case.model import Salarie
from . import dates as D
from . import parameters as PR
from .facts import EmployeeResult, Fact, fact

NOTICE_SOURCES = ("C. trav. art. L1234-1", "C. trav. art. L1234-3", "C. trav. art. L1234-19", "C. trav. art. L1234-20")
SILENCE = "Convention du 26 janvier 2015, art. 5 § 1"  # no answer by the end of the period: refusal


def _notice_end(s: Salarie, months: Optional[Decimal], why: str, sources: tuple[str, ...] = (),
                **terms: Any) -> Optional[Fact]:
    """The end of the notice from the letter's first presentation; ``why``: the variant of
    ``dates.fin_preavis_refus`` (engine/texts_dates.py) saying why the employee refused, with its ``terms``."""
    presented = s.date_presentation_lettre
    if presented is None or months is None:
        return None
    whole = int(months)
    extra = int(((months - whole) * 30).to_integral_value())
    end = D.add_months(presented, whole) + timedelta(days=extra)
    return fact((f"dates.fin_preavis_refus/{why}", "+preavis_refus"), end, sources + NOTICE_SOURCES,
                preavis_mois=whole if extra == 0 else months, presentation_lettre=presented, **terms)


def notice_end(rs: EmployeeResult) -> Optional[Fact]:
    """The end of the notice counted from the first presentation of the letter, or None while unknown."""
    return _notice_end(rs.employee, rs.amounts.get("preavis_mois"), "suivi")


def _no_rupture(s: Salarie) -> bool:
    return s.salarie_protege is not None and s.salarie_protege.autorisation_refusee


def refusal_as_of(rs: EmployeeResult, au: date) -> Optional[Fact]:
    """The end of the notice as of ``au`` (``rs``: the facts as of ``au``, ``VueAu.courant``): after a refusal
    recorded by then, or once the period has ended by then without an answer (refusal by silence), when
    the first presentation of the letter is known; None otherwise."""
    s = rs.employee
    if _no_rupture(s):
        return None
    months = rs.amounts.get("preavis_mois")
    rep = s.reponse if s.reponse is not None and s.reponse.date <= au else None
    if rep is not None:
        return _notice_end(s, months, "refus", refus=rep.date) if rep.decision == "refus" else None
    fin = rs.dates.get("fin_delai_reflexion")
    if fin is None or au <= fin:
        return None
    return _notice_end(s, months, "silence", (SILENCE,), fin_delai_reflexion=fin)


def refusal_plan(s: Salarie, lettre: dict[str, Any], amounts: dict[str, Any],
                 record: Callable[[str, Fact], Any]) -> None:
    """Review finding 9, in the plan (called by ``compute_salarie``; ``record(key, Fact)`` adds a date with
    its explanation): ``dates.fin_preavis_refus``, the end of the notice after a refusal the case itself
    records (an express refusal, or the letter notifying the dismissal after the period ended without an
    answer, R-27), once the first presentation of the letter is known (L1234-3)."""
    if _no_rupture(s):
        return
    months = amounts.get("preavis_mois")
    if s.reponse is not None:
        notice = _notice_end(s, months, "refus", refus=s.reponse.date) if s.reponse.decision == "refus" else None
    elif lettre.get("variante") == "licenciement":
        notice = _notice_end(s, months, "lettre_licenciement", (SILENCE,))
    else:
        notice = None
    if notice is not None:
        record("fin_preavis_refus", notice)


def priority_end(rs: EmployeeResult, end_of_notice: date) -> Fact:
    """R-32: one year (dated parameter) from the end of the notice after a refusal."""
    months = PR.value("duree_priorite_reembauche_mois", lambda code, text: None, rupture=end_of_notice)
    end = D.add_months(end_of_notice, months)
    return Fact(end, f"Refus du CSP : la priorité de réembauche court pendant {months} mois à compter de la fin du "
                     f"préavis ({D.fr(end_of_notice)}), exécuté ou non : jusqu'au {D.fr(end)}.",
                ("C. trav. art. L1233-45", "C. trav. art. L1234-3"))
