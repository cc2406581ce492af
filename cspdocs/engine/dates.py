"""Pure date rules of the CSP procedure (legal-rules.md R-10 to R-39, R-50 to R-54).

Every function returns a ``Fact``: the value, the reasoning in French with its intermediate
values, and the sources. No function reads the clock or the case file, so each is memoised:
in a batch, employees sharing a handover date share one immutable fact.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from ..calendar import Calendar
from ..formats import explanation_date
from .facts import Fact, fact



# Short French rendering of a date in explanations, « mardi 24/03/2026 » (cspdocs/formats.py).
fr = explanation_date


def add_months(d: date, months: int) -> date:
    """Date-to-date anniversary; a non-existent day (29 February, 31st) rolls forward to the 1st
    of the following month (R-39, A5)."""
    total = d.month - 1 + months
    year, month = d.year + total // 12, total % 12 + 1
    try:
        return date(year, month, d.day)
    except ValueError:
        nxt_year, nxt_month = (year + 1, 1) if month == 12 else (year, month + 1)
        return date(nxt_year, nxt_month, 1)


def last_day_of_months(start: date, months: int) -> tuple[date, date]:
    """A period of ``months`` months date to date from ``start`` (R-39): (the date ``months`` months
    later, rolled forward when it does not exist; the period's last day, the day before)."""
    anniversary = add_months(start, months)
    return anniversary, anniversary - timedelta(days=1)


def _prorogation(skipped: list[str]) -> tuple[str, ...]:
    """The fragment saying a last day was prorogued past the non-working days ``skipped``."""
    return ("+prorogation",) if skipped else ()


@lru_cache(maxsize=4096)
def reflection_start(remise: date) -> Fact:
    return fact("dates.debut_delai_reflexion", remise + timedelta(days=1),
                remise=remise)


@lru_cache(maxsize=4096)
def reflection_last_day(remise: date, cal: Calendar, duree: int) -> Fact:
    """R-15, R-16, A1: ``duree`` (21) calendar days from the day after the handover, prorogued past
    Saturdays, Sundays and holidays of the place of work."""
    nominal = remise + timedelta(days=duree)
    landing, skipped = cal.prorogate(nominal)
    return fact(("dates.fin_delai_reflexion_21_jours",) + _prorogation(skipped) + ("+feries_lieu",), landing,
                remise=remise, duree_jours=duree, jour_nominal=nominal, zone=cal.zone,
                jours_non_ouvres=tuple(skipped), jour_proroge=landing)


@lru_cache(maxsize=4096)
def protected_last_day(standard: date, notification: date, cal: Calendar, duree: int,
                       civilite: str | None = None) -> tuple[Fact, date]:
    """R-20, A2: the period "est prolongé jusqu'au lendemain de la date de notification à
    l'employeur de la décision de l'autorité administrative"; never shorter than 21 days, and the
    lendemain is itself prorogued. Returns the fact and the strict-reading date."""
    lendemain = notification + timedelta(days=1)
    landing, skipped = cal.prorogate(lendemain)
    value = max(standard, landing)
    strict = max(standard, lendemain)
    return (
        fact(("dates.fin_delai_reflexion/protege",) + _prorogation(skipped) + ("+protege_fin",), value,
             civilite=civilite, notification=notification, lendemain=lendemain, jours_non_ouvres=tuple(skipped),
             jour_proroge=landing, duree_jours=duree, fin_21_jours=standard, lecture_stricte=strict),
        strict,
    )


@lru_cache(maxsize=4096)
def earliest_letter_l1233_15(interview: date, cal: Calendar, jours: int) -> tuple[Fact, date]:
    """R-22, R-23, A3: no dispatch less than 7 (15 for a cadre's individual dismissal) jours
    ouvrables after the scheduled interview; the letter may leave the day after the last day.
    Returns the fact (earliest dispatch) and the last day of the délai."""
    nth, skipped = cal.nth_jour_ouvrable_after(interview, jours)
    last, pushed = cal.prorogate(nth)
    earliest = last + timedelta(days=1)
    return (
        fact("dates.envoi_lettre_au_plus_tot/l1233_15", earliest,
             entretien_prealable=interview, jours_ouvrables=jours, dernier_jour_du_delai=last,
             feries_non_comptes=tuple(skipped), jour_ouvrable_n=nth, jours_non_ouvres=tuple(pushed),
             lettre_a_compter=earliest),
        last,
    )


@lru_cache(maxsize=4096)
def earliest_letter_l1233_39(notification: date, cal: Calendar, jours: int, collective: int,
                             pse: int) -> tuple[Fact, date]:
    """R-24: ``collective`` (10) dismissals or more in an undertaking of fewer than ``pse`` (50):
    ``jours`` (30) calendar days from the notification of the project to the administration,
    prorogued, letter from the next day. The thresholds only word the explanation."""
    nominal = notification + timedelta(days=jours)
    last, skipped = cal.prorogate(nominal)
    earliest = last + timedelta(days=1)
    return (
        fact(("dates.envoi_lettre_au_plus_tot/l1233_39",) + _prorogation(skipped) + ("+lettre_a_compter",),
             earliest,
             notification_projet=notification, jours=jours, dernier_jour_du_delai=last,
             seuil_licenciement_collectif=collective, seuil_pse_salaries=pse, jour_nominal=nominal,
             jours_non_ouvres=tuple(skipped), jour_proroge=last, lettre_a_compter=earliest),
        last,
    )


@lru_cache(maxsize=4096)
def csp_end(debut: date, months: int) -> Fact:
    """R-38, R-39, A5, A6: ``months`` (12) months date to date, anniversary rolled forward, minus one day."""
    anniversary, end = last_day_of_months(debut, months)
    return fact("dates.fin_csp", end,
                debut_csp=debut, mois=months, anniversaire=anniversary)


@lru_cache(maxsize=4096)
def tenth_month_end(debut: date, months: int) -> Fact:
    """R-47: the end of the ``months``-th (10th) month of the CSP, date to date."""
    anniversary, end = last_day_of_months(debut, months)
    return fact("dates.fin_10e_mois_csp", end,
                debut_csp=debut, mois=months, anniversaire=anniversary)


@lru_cache(maxsize=4096)
def employer_payment_due(debut_csp: date, day: int, months_after: int) -> Fact:
    """R-43: the ``day`` (25th) of the ``months_after``-th (second) calendar month after the start of
    the CSP; no prorogation."""
    month = debut_csp.month + months_after
    year = debut_csp.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return fact("dates.echeance_contribution_employeur", date(year, month, day),
                debut_csp=debut_csp, jour=day, mois_suivants=months_after)


@lru_cache(maxsize=4096)
def rehiring_priority_end(rupture: date, months: int, civilite: str | None = None) -> Fact:
    """R-32: one year (``months``) from the rupture for an adherent (review correction)."""
    return fact("dates.fin_priorite_reembauche", add_months(rupture, months),
                rupture=rupture, mois=months, civilite=civilite)


def ags_window_end(jugement: date, procedure: str, pse: bool, window_days: dict[str, int]) -> Fact:
    """R-54 corrected by the review: L3253-8 guarantees the rupture sums of an employee offered the
    CSP during the observation period in redressement (2° a; or within the month after the plan,
    2° b), and within 15 days of the liquidation judgment, 21 days when a PSE is drawn up (2° c)."""
    if procedure == "redressement":
        return fact("dates.limite_garantie_ags/redressement", None,
                    jugement=jugement)
    days = window_days["avec_pse" if pse else "sans_pse"]
    return fact("dates.limite_garantie_ags", jugement + timedelta(days=days),
                jugement=jugement, jours=days, pse=pse)
