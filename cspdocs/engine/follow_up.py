"""The follow-up documents (issue 10; art. 4 § 1 of the convention of 26 January 2015): when the
journal makes them due, their planned dates (in the plan, ``compute_salarie``) and, as of a date,
the date they bear and the facts they are rendered from (``engine/timeline.py``'s view).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Callable, Optional

from ..calendar import Calendar
from ..case.model import Salarie
from .dates import fr
from .facts import EmployeeResult, fact
from .findings import Finding
from .timeline import ART4_1, CONFIRMATION, ECHEANCE, FOLLOW_UP, DocumentAu, finding, postal_day_from


def follow_up_plan(raw: Salarie, s: Salarie, dates: dict, record: Callable[[str, Any], Any]) -> None:
    """The planned dates of the follow-up documents, once the journal makes them due (``record(key,
    Fact)`` adds a date with its explanation, engine/texts_dates.py; called by ``compute_salarie``):

    - after a handover at a distance, once its first presentation (or electronic receipt) is known
      (``suivi.presentation_documents``), a letter confirming the handover date, the last day of the
      period and the rupture date in case of acceptance: the documents posted before could not state
      them (art. 4 § 1 requires them; R-14), planned for the day the presentation is known (R-79);
    - for a protected employee, once the authorisation is notified, a notice of the new last day of
      the period (prolonged to the day after the notification, art. 4 § 1 al. 3), to hand over at
      once, the registered letter possibly arriving after that day (R-80).
    """
    j = raw.suivi
    if s.mode_remise != "main_propre" and j is not None and j.presentation_documents is not None:
        day = j.presentation_documents
        record("confirmation_remise", fact("dates.confirmation_remise", day, (ART4_1, "Guide de l'employeur (étape 4)"),
                                           presentation_documents=day, civilite=s.civilite))
    p = s.salarie_protege
    # only when the documents dated at the handover could not state the new last day
    if p is not None and not p.autorisation_refusee and p.date_notification_autorisation is not None \
            and dates.get("fin_delai_reflexion") is not None and dates.get("remise") is not None \
            and p.date_notification_autorisation > dates["remise"]:
        day = p.date_notification_autorisation
        record("notification_nouvelle_echeance", fact(
            "dates.notification_nouvelle_echeance", day, (ART4_1 + " al. 3",),
            notification_autorisation=day, fin_delai_reflexion=dates["fin_delai_reflexion"], civilite=s.civilite))


def follow_up_as_of(group: str, raw: Salarie, plan: EmployeeResult, current: EmployeeResult,
               facts_on: Callable[[Optional[date]], EmployeeResult], au: date, cal: Calendar,
               notes: list[Finding]) -> Optional[DocumentAu]:
    """A follow-up document as of ``au``: None while not due; delivered (journal) from what was known
    on its date; otherwise dated at its planned date, or at ``au`` once that has passed (R-76). The
    findings (R-76, R-80) are appended to ``notes``."""
    key, journal_key = FOLLOW_UP[group]
    delivered = getattr(raw.suivi, journal_key, None) if raw.suivi is not None else None
    planned = current.dates.get(key)
    if delivered is not None:
        facts = facts_on(delivered)
        day = delivered
    elif planned is None:
        return None
    else:
        facts = current
        day = planned if planned >= au else (postal_day_from(au, cal) if group == CONFIRMATION else au)
        if day != planned:
            what = ("le courrier confirmant la remise à distance, dû le" if group == CONFIRMATION
                    else "l'avis de la nouvelle date d'expiration du délai de réflexion, à remettre le")
            notes.append(finding("R-76", ("suivi", journal_key),
                                 f"{what} {fr(planned)}, n'est pas enregistré comme remis (« suivi.{journal_key} ») : "
                                 f"il est daté du {fr(day)}, jamais antidaté."))
    if group == ECHEANCE and delivered is None and current.dates.get("fin_delai_reflexion") is not None \
            and day > current.dates["fin_delai_reflexion"]:
        notes.append(finding("R-80", ("suivi", journal_key), (
            f"l'avis de la nouvelle date d'expiration du délai de réflexion ({fr(current.dates['fin_delai_reflexion'])}) "
            f"serait remis le {fr(day)}, après elle : remettez-le dès la notification de l'autorisation et "
            "enregistrez sa remise dans « suivi.nouvelle_echeance_remise ».")))
    return DocumentAu(group, day, plan.dates.get(key), delivered is not None,
                      replace(facts, dates={**facts.dates, key: day}))
