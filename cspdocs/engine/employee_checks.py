"""Cross-field checks of one employee of a case file (R-10 to R-14, R-50, R-51, R-13, R-75): the
handover they check is the engine's one rule (engine/procedure.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator, Optional

from ..calendar import Calendar, zone_from_postal_code
from ..case.model import Dossier, Salarie
from ..case.places import calendar_for
from . import parameters as PR
from . import wording as W
from .findings import Finding, day_text, employee_path
from .journal import effective, journal_source
from .procedure import at_engagement, handover as engine_handover, trigger as handover_trigger

INTERVIEW_TYPES = ("individuel", "collectif_moins_de_10")


def _convocation_days(convocation: date) -> int:
    """R-50: the jours ouvrables between the convocation and the interview (L1233-11)."""
    return PR.value("delai_convocation_entretien_jours_ouvrables", PR.ignore, convocation=convocation)


def _interview(d: Dossier, s: Salarie) -> Optional[date]:
    return s.date_entretien_prealable or d.procedure.date_entretien_prealable


def _has_cse_consultation(d: Dossier) -> bool:
    """10+ dismissals with a CSE: no entretien préalable except for protected employees (L1233-38)."""
    p = d.procedure
    return (p.type == "collectif_10_et_plus" and p.cse is True) or (p.type == "pse" and p.cse is not False)


_CIRCONSTANCES = {
    "entretien_prealable": "entretien préalable",
    "derniere_reunion_cse": "dernière réunion du CSE",
    "lendemain_decision_administration": "lendemain de la décision administrative",
    "date_convenue": "date de remise",
}


def _handover(d: Dossier, s: Salarie) -> Optional[tuple[date, str]]:
    """The handover date as the engine fixes it (R-10 to R-12, R-51: one rule, in the engine)."""
    found = engine_handover(d, effective(s))  # the journal's actual handover wins (issue 10)
    return None if found is None else (found[0].value, _CIRCONSTANCES[found[1]])


def employee_findings(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    cal = calendar_for(d.employeur, s)
    if s.salaire_brut_mensuel is None and s.salaires_12_derniers_mois is None:
        yield Finding(employee_path(i, "salaire_brut_mensuel"), (
            "clé obligatoire : donnez « salaire_brut_mensuel » ou « salaires_12_derniers_mois » "
            "(salaire de référence de l'indemnité de licenciement et du préavis)"), at=employee_path(i))
    if s.salarie_protege is not None:
        yield from _protected(d, i, s)
    yield from _convocation(d, i, s, cal)
    yield from _maternity(d, i, s, cal)
    if s.impossibilite_maintien_contrat is not None and s.fin_protection_maternite is None:
        yield Finding(employee_path(i, "impossibilite_maintien_contrat"), (
            "« impossibilite_maintien_contrat » est donné sans « fin_protection_maternite » : aucun document ne le "
            "reprend, il n'est énoncé que pendant les semaines de protection relative qui suivent la protection liée "
            "au congé de maternité (C. trav. L1225-4 al. 1) ; renseignez la fin de cette protection ou retirez la clé"),
            blocking=False, code="R-61")
    yield from _employee_chronology(d, i, s)
    yield from _remote_handover(i, s)
    if s.suivi is not None:
        yield from _journal(d, i, s)
    if s.zone is not None and s.lieu_travail is not None:
        derived = zone_from_postal_code(s.lieu_travail.code_postal)
        if derived != s.zone:
            yield Finding(employee_path(i, "zone"), (
                f"la zone « {s.zone} » ne correspond pas au lieu de travail ({s.lieu_travail.code_postal}, "
                f"« {derived} ») : vérifiez les jours fériés retenus (R-16)"), blocking=False, code="R-48")
    elif s.zone is not None:
        derived = d.employeur.zone or zone_from_postal_code(d.employeur.adresse.code_postal)
        if derived != s.zone:
            yield Finding(employee_path(i, "zone"), (
                f"la zone « {s.zone} » ne correspond pas à celle de l'employeur (« {derived} ») et aucun lieu "
                "de travail (« lieu_travail ») n'est donné : vérifiez les jours fériés retenus (R-16)"),
                blocking=False, code="R-48")


def _remote_handover(i: int, s: Salarie) -> Iterator[Finding]:
    """R-14, A4: documents sent by LRAR or electronically are posted before their presentation."""
    if s.date_envoi_documents is not None and s.mode_remise == "main_propre":
        yield Finding(employee_path(i, "date_envoi_documents"), (
            "date d'envoi des documents donnée pour une remise en main propre : précisez « mode_remise » "
            "(lrar ou electronique) ou retirez la date"))
    if s.date_envoi_documents and s.date_remise and s.date_envoi_documents > s.date_remise:
        yield Finding(employee_path(i, "date_envoi_documents"), (
            f"l'envoi des documents ({day_text(s.date_envoi_documents)}) ne peut suivre leur première présentation "
            f"(« date_remise », {day_text(s.date_remise)}) (R-14)"))
    if s.date_presentation_lettre and s.date_envoi_lettre and s.date_presentation_lettre < s.date_envoi_lettre:
        yield Finding(employee_path(i, "date_presentation_lettre"), (
            f"la présentation de la lettre ({day_text(s.date_presentation_lettre)}) ne peut précéder son envoi "
            f"(« date_envoi_lettre », {day_text(s.date_envoi_lettre)})"))


def _journal(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    """Issue 10: a journal that contradicts the law or itself is an error (R-75). The journal's dates
    replace the planned ones (engine/journal.py), so the chronology checks above see them too."""
    j = s.suivi
    remote = s.mode_remise != "main_propre"
    key = employee_path(i, "suivi")
    if j.presentation_documents is not None and not remote:
        yield Finding(key + ("presentation_documents",), (
            "première présentation des documents enregistrée pour une remise en main propre : précisez « mode_remise » "
            "(lrar ou electronique) ou enregistrez la remise dans « suivi.remise » (R-75)"), code="R-75")
    pairs = (
        ("presentation_documents", j.presentation_documents, "remise", j.remise, "l'envoi des documents"),
        ("presentation_lettre", j.presentation_lettre, "lettre_envoyee", j.lettre_envoyee, "l'envoi de la lettre"),
    )
    for later_key, later, earlier_key, earlier, what in pairs:
        if later is not None and earlier is not None and later < earlier:
            yield Finding(key + (later_key,), (
                f"la présentation du {day_text(later)} précède {what} (« suivi.{earlier_key} », {day_text(earlier)}) (R-75)"), code="R-75")
    accepted = s.reponse is not None and s.reponse.decision == "acceptation"
    for name, what in (("bulletin_transmis", "la transmission du bulletin d'acceptation"),
                       ("dossier_transmis", "la transmission du dossier à l'opérateur"),
                       ("contribution_payee", "le versement de la contribution")):
        day = getattr(j, name)
        if day is None:
            continue
        if not accepted:
            yield Finding(key + (name,), (
                f"{what} ({day_text(day)}) est enregistrée sans acceptation du CSP (« reponse ») : elle ne suit qu'une "
                "adhésion (convention du 26 janvier 2015, art. 5 § 2) (R-75)"), code="R-75")
        elif day < s.reponse.date:
            yield Finding(key + (name,), (
                f"{what} ({day_text(day)}) précède l'acceptation du {day_text(s.reponse.date)} (R-75)"), code="R-75")
    # the follow-up documents (issue 10, engine/follow_up.py) follow the event that makes them due
    notif = s.salarie_protege.date_notification_autorisation if s.salarie_protege else None
    for name, day, after, what in (
            ("confirmation_envoyee", j.confirmation_envoyee, j.presentation_documents,
             "la première présentation des documents (« suivi.presentation_documents »)"),
            ("nouvelle_echeance_remise", j.nouvelle_echeance_remise, notif,
             "la notification de l'autorisation (« salarie_protege.date_notification_autorisation »)")):
        if day is not None and (after is None or day < after):
            yield Finding(key + (name,), (
                f"le courrier de suivi enregistré le {day_text(day)} suppose {what}"
                + (f", qui date du {day_text(after)}" if after else ", non enregistrée") + " (R-75)"), code="R-75")
    if j.lettre_envoyee is not None and j.remise is not None and j.lettre_envoyee < j.remise:
        yield Finding(key + ("lettre_envoyee",), (
            f"la lettre ({day_text(j.lettre_envoyee)}) ne peut précéder la remise des documents du CSP ({day_text(j.remise)}) : le CSP "
            "est proposé avant la notification (R-27) (R-75)"), code="R-75")


def _protected(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    if _has_cse_consultation(d) and s.date_entretien_prealable is None:
        yield Finding(employee_path(i, "date_entretien_prealable"), (
            f"{W.protege(s, False)} dans un licenciement d'au moins {at_engagement(d, 'seuil_licenciement_collectif')} "
            f"salariés avec CSE : {W.il(s)} a toujours un entretien préalable, lors duquel les documents du CSP lui "
            "sont remis ; donnez sa date propre (C. trav. L1233-38 ; R-51)"), at=employee_path(i, "salarie_protege"))
    notified = s.salarie_protege.date_notification_autorisation
    interview = _interview(d, s)
    if notified is not None and interview is not None and notified < interview:
        yield Finding(employee_path(i, "salarie_protege", "date_notification_autorisation"), (
            f"la décision sur l'autorisation de licenciement ({day_text(notified)}) précède l'entretien "
            f"préalable ({day_text(interview)}) : la demande d'autorisation suit l'entretien (R-51)"))


def _convocation(d: Dossier, i: int, s: Salarie, cal: Calendar) -> Iterator[Finding]:
    """R-50: the interview is held after 5 full jours ouvrables following the convocation."""
    interview = _interview(d, s)
    if s.date_convocation is None or interview is None:
        return
    days = _convocation_days(s.date_convocation)
    last, _ = cal.end_of_jours_ouvrables(s.date_convocation, days)
    if interview <= last:
        yield Finding(employee_path(i, "date_convocation"), (
            f"l'entretien préalable du {day_text(interview)} est trop proche de la présentation de la "
            f"convocation du {day_text(s.date_convocation)} : il doit avoir lieu après {days} jours ouvrables "
            f"pleins (jour de présentation exclu, délai prorogé au premier jour ouvré), donc au plus "
            f"tôt le {day_text(last + timedelta(days=1))} (C. trav. L1233-11, R1231-1 ; R-50)"))


def _maternity(d: Dossier, i: int, s: Salarie, cal: Calendar) -> Iterator[Finding]:
    """R-13 review correction: no convocation (nor proposal) during the absolute protection."""
    end = s.fin_protection_maternite
    if end is None:
        return
    interview = _interview(d, s)
    if s.date_convocation is not None:
        act = s.date_convocation
        detail = f"la convocation à l'entretien préalable (présentée le {day_text(act)})"
    elif interview is not None:
        days = _convocation_days(interview)
        act = cal.latest_start_before(interview, days)
        detail = (f"la convocation à l'entretien préalable du {day_text(interview)} (présentée au plus tard le "
                  f"{day_text(act)}, {days} jours ouvrables avant l'entretien, R-50)")
    else:
        handover = _handover(d, s)
        if handover is None:
            return
        act = handover[0]
        detail = f"la remise des documents du CSP ({handover[1]} : {day_text(act)})"
    after = "" if s.date_convocation is None and interview is None else (
        " même si l'entretien a lieu après la fin de la protection")
    if act <= end:
        yield Finding(employee_path(i, "fin_protection_maternite"), (
            f"{detail} intervient pendant la protection absolue liée au congé de maternité, qui court "
            f"jusqu'au {day_text(end)} inclus : c'est une mesure préparatoire au licenciement, qui le rend nul"
            f"{after} (Cass. soc. 29/11/2023 n°22-15.794 ; "
            f"C. trav. L1225-4 ; R-13) ; la procédure ne peut être engagée qu'à partir du {day_text(end + timedelta(days=1))}"))


def _employee_chronology(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    interview = _interview(d, s)
    handover = _handover(d, s)
    # Seniority starts before anything the procedure does.
    events = [(s.date_convocation, "la convocation à l'entretien préalable"),
              (interview, "l'entretien préalable"),
              (handover[0] if handover else None, "la remise des documents du CSP")]
    known = [(day, what) for day, what in events if day is not None]
    if known:
        first_day, what = min(known)
        if s.date_entree > first_day:
            yield Finding(employee_path(i, "date_entree"), (
                f"la date d'entrée ({day_text(s.date_entree)}) est postérieure à {what} ({day_text(first_day)}) : "
                "dates incohérentes"))
    # The handover rule applies to the effective handover: planned (``date_remise``) or recorded in
    # the journal (``suivi.remise``, at a distance ``suivi.presentation_documents``; engine/journal.py).
    actual = effective(s)
    if actual.date_remise is not None:
        yield from _remise_trigger(d, i, actual, interview, journal_source(s, "date_remise"))
    if s.mode_remise != "main_propre" and actual.date_envoi_documents is not None:
        yield from _posting_trigger(d, i, actual, journal_source(s, "date_envoi_documents"))
    if handover is None:
        return
    day, what = handover
    if s.reponse is not None and s.reponse.date < day:
        yield Finding(employee_path(i, "reponse", "date"), (
            f"la réponse {W.du_salarie(s)} ({day_text(s.reponse.date)}) précède la remise des documents du CSP "
            f"({what} : {day_text(day)}) : le délai de réflexion court à compter de la remise (R-15, R-19)"))
    letter_key = journal_source(s, "date_envoi_lettre")
    both_recorded = letter_key[0] == "suivi" and s.mode_remise == "main_propre" and s.suivi.remise is not None
    if actual.date_envoi_lettre is not None and actual.date_envoi_lettre < day and not both_recorded:  # else R-75 (_journal)
        yield Finding(employee_path(i, *letter_key), (
            f"la lettre recommandée ({_recorded(letter_key)}{day_text(actual.date_envoi_lettre)}) ne peut précéder la remise "
            f"des documents du CSP ({what} : {day_text(day)}) : le CSP est proposé avant la notification (R-27, A13)"))


def _recorded(key: tuple) -> str:
    """« enregistrée le » for a date the journal gives, nothing for a planned one."""
    return f"« {'.'.join(key)} », " if key[0] == "suivi" else ""


_EVENTS = {
    "entretien_prealable": ("l'entretien préalable", "C. trav. L1233-66 ; R-10"),
    "derniere_reunion_cse": ("la dernière réunion du CSE", "C. trav. L1233-38 ; R-11"),
    "lendemain_decision_administration": ("la décision administrative", "C. trav. L1233-66 ; R-12"),
}


def _posting_trigger(d: Dossier, i: int, s: Salarie, key: tuple) -> Iterator[Finding]:
    """Documents sent at a distance (R-14) are dated from their posting: posted before the event the
    handover is attached to, they would state it as past. Only a posting strictly before the event
    is refused (a PSE's documents may leave on the day the decision is notified)."""
    event = handover_trigger(d, s)
    posted = s.date_envoi_documents
    if event.evenement is None or posted >= event.evenement:
        return
    what, source = _EVENTS[event.circonstance]
    said = f"« {'.'.join(key)} »" if key[0] == "suivi" else "« date_envoi_documents »"
    yield Finding(employee_path(i, *key), (
        f"documents du CSP envoyés le {day_text(posted)} ({said}), avant {what} du {day_text(event.evenement)} : "
        f"ils ne peuvent partir avant elle, et le document d'information, daté de l'envoi, la présenterait comme "
        f"passée ({source} ; R-14)"))


def _remise_trigger(d: Dossier, i: int, s: Salarie, interview: Optional[date], key: tuple) -> Iterator[Finding]:
    """An overridden handover date, planned or recorded (``s`` is the effective employee, ``key`` the
    key that gave its ``date_remise``), cannot precede the event the law attaches it to: the engine's
    one handover rule (engine/procedure.py: general rule and exceptions) says which event."""
    p = d.procedure
    remise = s.date_remise
    event = handover_trigger(d, s)
    if event.evenement is None:
        return
    where = employee_path(i, *key)
    said = f"remise le {day_text(remise)}"
    if key[0] == "suivi":
        said = f"remise enregistrée le {day_text(remise)} (« {'.'.join(key)} »)"
    if event.circonstance == "lendemain_decision_administration":
        if remise <= event.evenement:
            yield Finding(where, (
                f"{said} : dans un PSE, les documents du CSP sont remis au lendemain de la "
                f"notification de la décision administrative ({day_text(p.date_decision_administration)}), "
                "pas avant (C. trav. L1233-66 ; R-12)"))
    elif event.circonstance == "derniere_reunion_cse":
        if remise < event.evenement:
            yield Finding(where, (
                f"{said} : les documents du CSP sont remis à l'issue de la dernière réunion "
                f"du CSE ({day_text(p.date_derniere_reunion_cse)}), pas avant (C. trav. L1233-38 ; R-11)"))
    elif remise < event.evenement:
        yield Finding(where, (
            f"{said} : les documents du CSP sont remis lors de l'entretien préalable "
            f"({day_text(event.evenement)}) ou après ({W.absent(s)}, R-14), pas avant (C. trav. L1233-66 ; R-10)"))
