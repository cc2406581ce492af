"""The reflection period (R-15 to R-20, R-51, A1, A2): its start, the 21 days and a protected
employee's extension until the day after the authorisation is notified."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..calendar import Calendar
from ..case.model import Salarie
from . import dates as D
from . import parameters as PR
from .collector import Collector
from .wording import feminine, protege


def reflection_period(s: Salarie, cal: Calendar, remise: date, c: Collector) -> tuple[date, Optional[date]]:
    """Records the period's dates; returns (the last of the 21 days, the period's end or None while
    unknown for a protected employee)."""
    protected = s.salarie_protege is not None
    c.date("debut_delai_reflexion", D.reflection_start(remise))
    duree = PR.value("duree_delai_reflexion_jours", c.warn, remise=remise)
    c.reflection_days = duree
    fin21_fact = D.reflection_last_day(remise, cal, duree)
    fin21 = c.date("fin_delai_reflexion_21_jours", fin21_fact)
    if fin21 != remise + timedelta(days=duree):
        c.warn("A1", f"le {duree}e jour du délai de réflexion tombe un samedi, un dimanche ou un jour férié : la fin des {duree} jours est prorogée au {D.fr(fin21)} (jamais un samedi)"
               + (f" ; pour {'cette' if feminine(s) else 'ce'} {protege(s, False)}, la fin retenue dépend en outre de la notification de l'autorisation." if protected else "."))
    if not protected:
        return fin21, c.date("fin_delai_reflexion", fin21_fact)
    fin = _protected_end(s, cal, fin21, duree, c)
    notif = s.salarie_protege.date_notification_autorisation
    if notif:
        c.dates["notification_autorisation"] = notif
    return fin21, fin


def _protected_end(s: Salarie, cal: Calendar, fin21: date, duree: int, c: Collector) -> Optional[date]:
    """R-20, R-51, A2: the end for a protected employee; None while the decision is unknown or refused."""
    notif = s.salarie_protege.date_notification_autorisation
    if s.salarie_protege.autorisation_refusee:
        c.unknown_date("fin_delai_reflexion", "/autorisation_refusee", civilite=s.civilite)
        c.warn("R-51", "autorisation de licenciement refusée : pas de rupture, pas de lettre de licenciement.")
        return None
    if notif is None:
        c.unknown_date("fin_delai_reflexion", "/notification_inconnue", civilite=s.civilite, fin_21_jours=fin21)
        c.warn("R-51", f"{protege(s, False)} sans date de notification de l'autorisation : la fin du délai de réflexion, la rupture et les dates qui en dépendent restent inconnues.")
        return None
    fact, strict = D.protected_last_day(fin21, notif, cal, duree, s.civilite)
    fin = c.date("fin_delai_reflexion", fact)
    c.derived("dates", "fin_delai_reflexion_lecture_stricte", strict, notification=notif)
    if strict != fin:
        c.warn("A2", f"{protege(s, False)} : fin du délai retenue {D.fr(fin)} (lendemain de la notification prorogé) ; lecture stricte : {D.fr(strict)}.")
    return fin
