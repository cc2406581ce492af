"""Pure date rules of the CSP procedure (legal-rules.md R-10 to R-39, R-50 to R-54).

Every function returns a ``Fact``: the value, the reasoning in French with its intermediate
values, and the sources. No function reads the clock or the case file, so each is memoised:
in a batch, employees sharing a handover date share one immutable fact.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from num2words import num2words

from ..calendar import ZONE_LABELS, Calendar
from ..formats import explanation_date
from .facts import Fact

CONVENTION_ART4 = "Convention du 26 janvier 2015 relative au CSP, art. 4 § 1"
CONVENTION_ART4_2 = "Convention du 26 janvier 2015 relative au CSP, art. 4 § 2"
R1231_1 = "C. trav. art. R1231-1 (prorogation au premier jour ouvrable suivant)"
CPC_641_642 = "Code de procédure civile, art. 641 et 642"
CASS_2019 = "Cass. soc. 10 juillet 2019, n° 18-11.528"
GUIDE = "Guide employeur du CSP (étape 4 : délai de 21 jours calendaires)"


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


def _prorogation_text(skipped: list[str], landing: date) -> str:
    if not skipped:
        return ""
    return (
        f" Ce jour n'étant pas ouvré ({', '.join(skipped)}), le délai est prorogé au premier jour "
        f"qui n'est ni un samedi, ni un dimanche, ni un jour férié : {fr(landing)}."
    )


@lru_cache(maxsize=4096)
def reflection_start(remise: date) -> Fact:
    start = remise + timedelta(days=1)
    return Fact(
        start,
        f"Le délai court à compter du lendemain de la remise des documents ({fr(remise)}) : {fr(start)}.",
        (CONVENTION_ART4, CPC_641_642, GUIDE),
    )


@lru_cache(maxsize=4096)
def reflection_last_day(remise: date, cal: Calendar, duree: int) -> Fact:
    """R-15, R-16, A1: ``duree`` (21) calendar days from the day after the handover, prorogued past
    Saturdays, Sundays and holidays of the place of work."""
    nominal = remise + timedelta(days=duree)
    landing, skipped = cal.prorogate(nominal)
    return Fact(
        landing,
        f"{duree} jours calendaires à compter du lendemain de la remise ({fr(remise)}) : le "
        f"{duree}e jour est le {fr(nominal)}, le délai expirant à 24 heures.{_prorogation_text(skipped, landing)}"
        f" Jours fériés retenus : ceux du lieu de travail ({ZONE_LABELS[cal.zone]}).",
        (CONVENTION_ART4, GUIDE, R1231_1, CPC_641_642, CASS_2019),
        (("remise", remise), ("duree_jours", duree), ("jour_nominal", nominal), ("zone", cal.zone)),
    )


@lru_cache(maxsize=4096)
def protected_last_day(standard: date, notification: date, cal: Calendar, duree: int) -> tuple[Fact, date]:
    """R-20, A2: the period "est prolongé jusqu'au lendemain de la date de notification à
    l'employeur de la décision de l'autorité administrative"; never shorter than 21 days, and the
    lendemain is itself prorogued. Returns the fact and the strict-reading date."""
    lendemain = notification + timedelta(days=1)
    landing, skipped = cal.prorogate(lendemain)
    value = max(standard, landing)
    strict = max(standard, lendemain)
    text = (
        f"Salarié protégé : le délai est prolongé jusqu'au lendemain de la notification à l'employeur "
        f"de la décision administrative ({fr(notification)}), soit le {fr(lendemain)}."
        f"{_prorogation_text(skipped, landing)} Le délai ne peut être plus court que les {duree} jours "
        f"(fin normale : {fr(standard)}) : fin retenue {fr(value)}. Lecture stricte, sans prorogation "
        f"du lendemain : {fr(strict)} (non retenue, A2)."
    )
    return (
        Fact(value, text, ("Convention du 26 janvier 2015, art. 4 § 1 al. 3", "ANI du 31 mai 2011, art. 5", R1231_1)),
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
    excluded = f" Jours fériés non comptés : {', '.join(skipped)}." if skipped else ""
    prorogued = (
        f" Ce jour n'étant pas ouvré ({', '.join(pushed)}), le délai est prorogé au {fr(last)} (R1231-1)."
        if pushed else ""
    )
    return (
        Fact(
            earliest,
            f"La lettre ne peut être expédiée moins de {jours} jours ouvrables après l'entretien préalable "
            f"du {fr(interview)} (jour de l'entretien non compté ; jours ouvrables : du lundi au samedi, hors "
            f"jours fériés).{excluded} Le {jours}e jour ouvrable est le {fr(nth)}.{prorogued} La lettre peut partir "
            f"à compter du lendemain du dernier jour du délai, le {fr(earliest)} (lecture retenue : « moins de {jours} "
            f"jours » impose des jours pleins, A3).",
            (
                "C. trav. art. L1233-15",
                R1231_1,
                "Cass. soc. 3 juin 2015, n° 14-12.245",
                CASS_2019,
            ),
            (("entretien_prealable", interview), ("jours_ouvrables", jours), ("dernier_jour_du_delai", last)),
        ),
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
        Fact(
            earliest,
            f"Licenciement d'au moins {collective} salariés dans une entreprise de moins de {pse} salariés : la lettre ne peut "
            f"être adressée avant l'expiration d'un délai de {jours} jours à compter de la notification du projet "
            f"à l'administration ({fr(notification)}), soit le {fr(nominal)}.{_prorogation_text(skipped, last)} "
            f"Lettre à compter du {fr(earliest)}.",
            ("C. trav. art. L1233-39", R1231_1),
            (("notification_projet", notification), ("jours", jours), ("dernier_jour_du_delai", last)),
        ),
        last,
    )


@lru_cache(maxsize=4096)
def csp_end(debut: date, months: int) -> Fact:
    """R-38, R-39, A5, A6: ``months`` (12) months date to date, anniversary rolled forward, minus one day."""
    anniversary, end = last_day_of_months(debut, months)
    return Fact(
        end,
        f"Le CSP est conclu pour {months} mois de date à date à compter du {fr(debut)} : veille du "
        f"{fr(anniversary)}, soit le {fr(end)}. Un anniversaire inexistant (29 février) est reporté au "
        f"1er mars (A5). Les prolongations (reprise d'activité, maladie, congés de maternité, paternité, "
        f"adoption, proche aidant, présence parentale) sont constatées par l'opérateur et ne sont pas "
        f"calculées ici (A6).",
        ("Convention du 26 janvier 2015, art. 6 (rédaction des avenants n° 5 et 9)",),
        (("debut_csp", debut), ("mois", months)),
    )


@lru_cache(maxsize=4096)
def tenth_month_end(debut: date, months: int) -> Fact:
    """R-47: the end of the ``months``-th (10th) month of the CSP, date to date."""
    anniversary, end = last_day_of_months(debut, months)
    return Fact(
        end,
        f"Fin du {months}e mois du CSP commencé le {fr(debut)} : veille du {fr(anniversary)}, soit le {fr(end)} "
        f"(date limite de reprise d'emploi pour la prime au reclassement).",
        ("Convention du 26 janvier 2015 (prime au reclassement)", "Guide employeur du CSP"),
    )


@lru_cache(maxsize=4096)
def employer_payment_due(debut_csp: date, day: int, months_after: int) -> Fact:
    """R-43: the ``day`` (25th) of the ``months_after``-th (second) calendar month after the start of
    the CSP; no prorogation."""
    month = debut_csp.month + months_after
    year = debut_csp.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    due = date(year, month, day)
    return Fact(
        due,
        f"La contribution est exigible au plus tard le {day} du {num2words(months_after, lang='fr', to='ordinal')} mois civil suivant le début du CSP "
        f"({fr(debut_csp)}) : {fr(due)}. Aucun report n'est prévu lorsque ce jour est chômé.",
        ("Décret n° 2013-639 du 17 juillet 2013, art. 2 II", "C. trav. art. L1233-69"),
        (("debut_csp", debut_csp), ("jour", day), ("mois_suivants", months_after)),
    )


@lru_cache(maxsize=4096)
def rehiring_priority_end(rupture: date, months: int) -> Fact:
    """R-32: one year (``months``) from the rupture for an adherent (review correction)."""
    end = add_months(rupture, months)
    during = "un an" if months == 12 else f"{months} mois"
    return Fact(
        end,
        f"Priorité de réembauche pendant {during} à compter de la rupture du contrat ({fr(rupture)}) si le "
        f"salarié en fait la demande au cours de cette année : jusqu'au {fr(end)}. En cas de refus du CSP, "
        f"l'année court à compter de la fin du préavis, exécuté ou non.",
        ("C. trav. art. L1233-45", "Cass. soc. 30 novembre 2011, n° 09-43.183", "Cass. soc. 26 février 2025, n° 23-15.427"),
    )


def ags_window_end(jugement: date, procedure: str, pse: bool, window_days: dict[str, int]) -> Fact:
    """R-54 corrected by the review: L3253-8 guarantees the rupture sums of an employee offered the
    CSP during the observation period in redressement (2° a; or within the month after the plan,
    2° b), and within 15 days of the liquidation judgment, 21 days when a PSE is drawn up (2° c)."""
    if procedure == "redressement":
        return Fact(
            None,
            f"Redressement judiciaire (jugement du {fr(jugement)}) : l'AGS garantit les sommes dues au titre de la "
            f"rupture lorsque le CSP est proposé pendant la période d'observation, ou dans le mois suivant le "
            f"jugement arrêtant le plan ; pas de limite fixe calculable ici.",
            ("C. trav. art. L3253-8, 2° a et b, et 3°",),
        )
    days = window_days["avec_pse" if pse else "sans_pse"]
    end = jugement + timedelta(days=days)
    return Fact(
        end,
        f"Liquidation judiciaire (jugement du {fr(jugement)}) : l'AGS garantit les sommes dues au titre de la rupture "
        f"lorsque le CSP est proposé dans les {days} jours suivant le jugement"
        f"{f' ({days} jours lorsqu’un PSE est élaboré)' if pse else ''}, soit au plus tard le {fr(end)}.",
        ("C. trav. art. L3253-8, 2° c et 3°",),
    )
