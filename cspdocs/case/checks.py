"""Cross-field checks of a case file that the model alone cannot express.

They run once the model is valid, all of them (never stopping at the first), and return findings:
a key path, a French message citing its rule, and whether it blocks the case (``bloquant``) or is
a warning. The loader turns them into ``ErreurDossier`` with the line of the key concerned.
Only validation lives here: the dates and amounts themselves are computed by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator, Optional

from ..calendar import Calendar, zone_from_postal_code
from ..engine import parameters as PR
from ..engine.procedure import engagement_date
from ..engine.procedure import handover as engine_handover
from ..engine.procedure import trigger as handover_trigger
from ..engine.journal import effective
from .model import Dossier, Salarie
from .places import calendar_for

INTERVIEW_TYPES = ("individuel", "collectif_moins_de_10")


def _at_engagement(d: Dossier, name: str) -> int:
    """A threshold (R-07 1 000, R-57 50, R-56 10) on the engagement date of the procedure (R-05);
    the engine warns when that date is inferred (A10) or outside every known period (A11). A case
    without any procedural date fails other checks; the law in force now is then applied."""
    engaged = engagement_date(d)[0]
    return PR.value(name, PR.ignore, engagement=engaged) if engaged else PR.current(name)


def _convocation_days(convocation: date) -> int:
    """R-50: the jours ouvrables between the convocation and the interview (L1233-11)."""
    return PR.value("delai_convocation_entretien_jours_ouvrables", PR.ignore, convocation=convocation)


@dataclass(frozen=True)
class Finding:
    """A finding about the case file, with its rule ``code``. A warning's ``message`` starts with
    the code (``"R-48 : ..."``), like the engine's warnings, so that every output shows and groups
    it; a blocking error cites its rule at the end of the message, as the loader's errors do."""

    loc: tuple  # key path the message is about
    message: str
    bloquant: bool = True
    at: Optional[tuple] = None  # key whose line is shown, when it is not ``loc``
    code: str = ""

    def __post_init__(self) -> None:
        if self.code and not self.bloquant and not self.message.startswith(self.code + " : "):
            object.__setattr__(self, "message", f"{self.code} : {self.message}")


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _n(number: int) -> str:
    """1200 -> "1 200" (French thousands separator)."""
    return f"{number:,}".replace(",", "\u00a0")


def _sal(i: int, *keys: str) -> tuple:
    return ("salaries", i) + keys


def check_dossier(dossier: Dossier) -> list[Finding]:
    """Every finding of the case, in no particular order (the loader sorts them by line)."""
    findings = list(_employer(dossier))
    findings += _procedure(dossier)
    findings += _matricules(dossier)
    for index, salarie in enumerate(dossier.salaries):
        findings += _salarie(dossier, index, salarie)
    return findings


# --- employer ------------------------------------------------------------------------------------

def _employer(d: Dossier) -> Iterator[Finding]:
    e = d.employeur
    # the congé de reclassement replaces the CSP from 1 000 employees, except in RJ/LJ.
    if e.procedure_collective is None:
        threshold = _at_engagement(d, "seuil_conge_reclassement_salaries")
        shown = f"{threshold:,}".replace(",", " ")
        for key, size, who in (("effectif", e.effectif, "l'entreprise"),
                               ("effectif_groupe", e.effectif_groupe, "le groupe")):
            if size is not None and size >= threshold:
                yield Finding(("employeur", key), (
                    f"{who} compte {_n(size)} salariés ({shown} ou plus) : l'employeur est soumis au congé de "
                    "reclassement, qu'il doit proposer à la place du CSP (C. trav. L1233-71) ; le CSP "
                    "n'est dû quelle que soit la taille qu'en redressement ou liquidation judiciaire "
                    "(L1233-75) : renseignez alors « employeur.procedure_collective » (R-07)"))
                break
    if e.procedure_collective == "liquidation" and e.mandataire is None:
        yield Finding(("employeur", "mandataire"), (
            "en liquidation judiciaire, le liquidateur seul peut licencier (C. com. art. L641-9 et L641-4 ; "
            "C. trav. art. L1233-58) : renseignez « employeur.mandataire » (nom et qualité du liquidateur), "
            "qui signe les documents (R-54)"), at=("employeur", "procedure_collective"))
    if e.procedure_collective == "redressement":
        yield from _redressement(e)
    if e.date_jugement is not None and e.procedure_collective is None:
        yield Finding(("employeur", "date_jugement"), (
            "date de jugement donnée sans procédure collective : renseignez "
            "« employeur.procedure_collective » (redressement ou liquidation) ou retirez la date (R-54)"))
    if e.procedure_collective is not None and e.date_jugement is None:
        yield Finding(("employeur", "procedure_collective"), (
            "date du jugement d'ouverture (« employeur.date_jugement ») non renseignée : le délai de "
            "garantie de l'AGS (C. trav. L3253-8) ne peut pas être vérifié"), bloquant=False, code="R-54")
    if e.zone is not None:
        derived = zone_from_postal_code(e.adresse.code_postal)
        if derived != e.zone:
            yield Finding(("employeur", "zone"), (
                f"la zone « {e.zone} » ne correspond pas au code postal {e.adresse.code_postal} "
                f"(« {derived} ») : vérifiez les jours fériés retenus"), bloquant=False, code="R-48")


def _redressement(e) -> Iterator[Finding]:
    """R-63: during the observation period, economic dismissals are authorised by an ordonnance of the
    juge-commissaire (C. com. L631-17), which the letter and the motive statement must cite (Cass. soc.
    27/05/2020 n° 18-20.153): without it, the documents cannot be produced."""
    order = e.ordonnance_juge_commissaire
    if order is None:
        yield Finding(("employeur", "ordonnance_juge_commissaire"), (
            "redressement judiciaire : pendant la période d'observation, les licenciements pour motif économique "
            "doivent être autorisés par une ordonnance du juge-commissaire (C. com. art. L631-17), que la lettre et "
            "l'énoncé du motif doivent viser (Cass. soc. 27 mai 2020, n° 18-20.153) : renseignez "
            "« employeur.ordonnance_juge_commissaire » (date et objet de l'autorisation) (R-63)"),
            at=("employeur", "procedure_collective"), code="R-63")
    elif e.date_jugement is not None and order.date < e.date_jugement:
        yield Finding(("employeur", "ordonnance_juge_commissaire", "date"), (
            f"l'ordonnance du juge-commissaire ({_d(order.date)}) précède le jugement d'ouverture du "
            f"redressement ({_d(e.date_jugement)}) : dates incohérentes (R-63)"), code="R-63")


# --- procedure -----------------------------------------------------------------------------------

def _require_interview(d: Dossier) -> Iterator[Finding]:
    """The procedure's interview date, or one per employee."""
    p = d.procedure
    if p.date_entretien_prealable is not None:
        return
    missing = [i for i, s in enumerate(d.salaries) if s.date_entretien_prealable is None]
    what = (f"date de l'entretien préalable obligatoire pour une procédure « {p.type} »"
            + (" sans CSE" if p.type == "collectif_10_et_plus" else "")
            + " : les documents du CSP sont remis lors de cet entretien (C. trav. L1233-66 ; R-10)")
    if len(missing) == len(d.salaries):
        yield Finding(("procedure", "date_entretien_prealable"),
                      what + " ; donnez-la ici ou pour chaque salarié", at=("procedure",))
    else:
        for i in missing:
            yield Finding(_sal(i, "date_entretien_prealable"), what)


def _procedure(d: Dossier) -> Iterator[Finding]:
    p, e = d.procedure, d.employeur
    if p.type in INTERVIEW_TYPES:
        yield from _require_interview(d)
    n = len(d.salaries)
    collective = _at_engagement(d, "seuil_licenciement_collectif")
    if p.type == "individuel" and 1 < n < collective:
        yield Finding(("procedure", "type"), (
            f"procédure « individuel » pour {n} salariés : de 2 à {collective - 1} licenciements sur "
            "30 jours, utilisez « collectif_moins_de_10 » (le délai de 15 jours ouvrables des cadres "
            "ne vaut que pour le licenciement individuel)"), bloquant=False, code="R-22")
    # from 10 dismissals in 30 days the procedure is the collective one of L1233-28 ff.: the
    # CSE is consulted (L1233-28), the project notified to the DREETS (L1233-46), the letters wait
    # (L1233-39), and there is no interview when a CSE exists (L1233-38). Blocking: the dates and
    # the documents of an "individuel" or "moins de 10" procedure would all be wrong.
    if p.type in INTERVIEW_TYPES and n >= collective:
        yield Finding(("procedure", "type"), (
            f"procédure « {p.type} » pour {n} salariés : à partir de {collective} licenciements sur 30 jours, "
            "la procédure est celle du licenciement collectif d'au moins 10 salariés (consultation du CSE, "
            "notification à la DREETS, délai d'envoi des lettres : C. trav. L1233-28 et suivants, L1233-38, "
            "L1233-39, L1233-46) ; utilisez « collectif_10_et_plus » (entreprise de moins de 50 salariés) "
            f"ou « pse » (50 salariés ou plus) (R-56)"), code="R-56")
    if p.type == "collectif_10_et_plus":
        yield from _collectif_10(d)
    if p.type == "pse":
        if p.date_decision_administration is None:
            yield Finding(("procedure", "date_decision_administration"), (
                "clé obligatoire pour un PSE : date de notification (ou d'acquisition implicite) de la "
                "décision de validation ou d'homologation ; les documents sont remis le lendemain "
                "(C. trav. L1233-57-4, L1233-66 ; R-12)"), at=("procedure",))
        # the PSE and its administrative validation or homologation (L1233-57-4) exist only in
        # undertakings of 50 or more (L1233-61); below, 10+ dismissals follow L1233-28 ff. with a
        # 30-day wait after the DREETS notification (L1233-39). Blocking: no decision exists to hand
        # the documents "au lendemain" of.
        if e.effectif < _at_engagement(d, "seuil_pse_salaries"):
            yield Finding(("procedure", "type"), (
                f"procédure « pse » dans une entreprise de {_n(e.effectif)} salariés : le plan de sauvegarde "
                "de l'emploi et sa validation ou homologation administrative n'existent que dans les entreprises "
                "d'au moins 50 salariés (C. trav. L1233-61, L1233-57-4) ; en dessous, le licenciement d'au moins "
                "10 salariés suit la procédure « collectif_10_et_plus » (consultation du CSE, notification à la "
                "DREETS, délai de 30 jours : L1233-39), et celui de 2 à 9 salariés la procédure "
                "« collectif_moins_de_10 » (R-57)"), at=("employeur", "effectif"), code="R-57")
        yield from _dreets_notification(d)
    yield from _procedure_chronology(d)


def _collectif_10(d: Dossier) -> Iterator[Finding]:
    p, e = d.procedure, d.employeur
    if e.effectif >= _at_engagement(d, "seuil_pse_salaries"):
        yield Finding(("procedure", "type"), (
            f"procédure « collectif_10_et_plus » dans une entreprise de {_n(e.effectif)} salariés : à partir "
            "de 50 salariés, le licenciement d'au moins 10 salariés sur 30 jours impose un plan de "
            "sauvegarde de l'emploi (C. trav. L1233-61) ; utilisez le type « pse » (R-24)"))
    if p.cse is None:
        yield Finding(("procedure", "cse"), (
            "clé obligatoire pour une procédure « collectif_10_et_plus » : indiquez si un CSE existe "
            "(true : remise à l'issue de la dernière réunion ; false : remise lors de l'entretien "
            "préalable) (R-10, R-11)"), at=("procedure",))
    elif p.cse:
        if p.date_derniere_reunion_cse is None:
            yield Finding(("procedure", "date_derniere_reunion_cse"), (
                "clé obligatoire pour une procédure « collectif_10_et_plus » avec CSE : les documents "
                "sont remis à l'issue de la dernière réunion du CSE (C. trav. L1233-38 ; R-11)"),
                at=("procedure",))
    else:
        yield from _require_interview(d)
    if p.date_notification_projet_administration is None and e.procedure_collective is None:
        yield Finding(("procedure", "date_notification_projet_administration"), (
            "clé obligatoire pour une procédure « collectif_10_et_plus » : date de notification du "
            "projet de licenciement à la DREETS, point de départ du délai de 30 jours avant l'envoi "
            "des lettres (C. trav. L1233-46, L1233-39 ; R-24)"), at=("procedure",))
    yield from _dreets_notification(d)


def _dreets_notification(d: Dossier) -> Iterator[Finding]:
    """R-58: with staff representatives, the project is notified to the DREETS "au plus tôt le
    lendemain de la date prévue pour la première réunion" of the CSE (C. trav. L1233-46 al. 2)."""
    p = d.procedure
    notified = p.date_notification_projet_administration
    if notified is None or p.cse is False or p.type not in ("collectif_10_et_plus", "pse"):
        return
    first = p.date_premiere_reunion_cse
    if first is not None:
        if notified <= first:
            yield Finding(("procedure", "date_notification_projet_administration"), (
                f"notification du projet à la DREETS le {_d(notified)} : elle ne peut être faite qu'au plus tôt "
                f"le lendemain de la première réunion du CSE ({_d(first)}), soit le {_d(first + timedelta(days=1))} "
                "(C. trav. L1233-46 al. 2) (R-58)"), code="R-58")
    elif p.date_convocation_premiere_reunion_cse is not None and notified <= p.date_convocation_premiere_reunion_cse:
        conv = p.date_convocation_premiere_reunion_cse
        yield Finding(("procedure", "date_notification_projet_administration"), (
            f"notification du projet à la DREETS le {_d(notified)}, au plus tard le jour de la convocation à la "
            f"première réunion du CSE ({_d(conv)}) : elle ne peut être faite qu'au plus tôt le lendemain de la "
            "première réunion (C. trav. L1233-46 al. 2) (R-58)"), code="R-58")
    elif p.cse:
        yield Finding(("procedure", "date_notification_projet_administration"), (
            "date de la première réunion du CSE (« procedure.date_premiere_reunion_cse ») non renseignée : "
            "impossible de vérifier que la notification à la DREETS est faite au plus tôt le lendemain de "
            "cette réunion (C. trav. L1233-46 al. 2)"), bloquant=False, code="R-58")


def _before(later: tuple, later_day: Optional[date], earlier_day: Optional[date],
            what: str) -> Iterator[Finding]:
    if later_day is not None and earlier_day is not None and later_day < earlier_day:
        yield Finding(later, what.format(later=_d(later_day), earlier=_d(earlier_day)))


def _procedure_chronology(d: Dossier) -> Iterator[Finding]:
    p = d.procedure
    yield from _before(("procedure", "date_derniere_reunion_cse"), p.date_derniere_reunion_cse,
                       p.date_convocation_premiere_reunion_cse,
                       "la dernière réunion du CSE ({later}) précède la convocation à la première "
                       "réunion ({earlier}) : dates incohérentes")
    yield from _before(("procedure", "date_decision_administration"), p.date_decision_administration,
                       p.date_notification_projet_administration,
                       "la décision administrative ({later}) précède la notification du projet à "
                       "l'administration ({earlier}) : dates incohérentes")
    for key in ("date_entretien_prealable", "date_derniere_reunion_cse"):
        yield from _before(("procedure", key), getattr(p, key), p.date_engagement,
                           "cette date ({later}) précède l'engagement de la procédure "
                           "(« procedure.date_engagement » : {earlier}) : dates incohérentes")


def _matricules(d: Dossier) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for i, s in enumerate(d.salaries):
        if s.matricule in first:
            yield Finding(_sal(i, "matricule"), (
                f"le matricule « {s.matricule} » est déjà celui de salaries[{first[s.matricule]}] : "
                "chaque matricule doit être unique dans le dossier"))
        else:
            first[s.matricule] = i


# --- employees -----------------------------------------------------------------------------------

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
    return None if found is None else (found[0].valeur, _CIRCONSTANCES[found[1]])


def _salarie(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    cal = calendar_for(d.employeur, s)
    if s.salaire_brut_mensuel is None and s.salaires_12_derniers_mois is None:
        yield Finding(_sal(i, "salaire_brut_mensuel"), (
            "clé obligatoire : donnez « salaire_brut_mensuel » ou « salaires_12_derniers_mois » "
            "(salaire de référence de l'indemnité de licenciement et du préavis)"), at=_sal(i))
    if s.salarie_protege is not None:
        yield from _protected(d, i, s)
    yield from _convocation(d, i, s, cal)
    yield from _maternity(d, i, s, cal)
    yield from _employee_chronology(d, i, s)
    yield from _remote_handover(i, s)
    if s.suivi is not None:
        yield from _journal(d, i, s)
    if s.zone is not None and s.lieu_travail is not None:
        derived = zone_from_postal_code(s.lieu_travail.code_postal)
        if derived != s.zone:
            yield Finding(_sal(i, "zone"), (
                f"la zone « {s.zone} » ne correspond pas au lieu de travail ({s.lieu_travail.code_postal}, "
                f"« {derived} ») : vérifiez les jours fériés retenus (R-16)"), bloquant=False, code="R-48")
    elif s.zone is not None:
        derived = d.employeur.zone or zone_from_postal_code(d.employeur.adresse.code_postal)
        if derived != s.zone:
            yield Finding(_sal(i, "zone"), (
                f"la zone « {s.zone} » ne correspond pas à celle de l'employeur (« {derived} ») et aucun lieu "
                "de travail (« lieu_travail ») n'est donné : vérifiez les jours fériés retenus (R-16)"),
                bloquant=False, code="R-48")


def _remote_handover(i: int, s: Salarie) -> Iterator[Finding]:
    """R-14, A4: documents sent by LRAR or electronically are posted before their presentation."""
    if s.date_envoi_documents is not None and s.mode_remise == "main_propre":
        yield Finding(_sal(i, "date_envoi_documents"), (
            "date d'envoi des documents donnée pour une remise en main propre : précisez « mode_remise » "
            "(lrar ou electronique) ou retirez la date"))
    if s.date_envoi_documents and s.date_remise and s.date_envoi_documents > s.date_remise:
        yield Finding(_sal(i, "date_envoi_documents"), (
            f"l'envoi des documents ({_d(s.date_envoi_documents)}) ne peut suivre leur première présentation "
            f"(« date_remise », {_d(s.date_remise)}) (R-14)"))
    if s.date_presentation_lettre and s.date_envoi_lettre and s.date_presentation_lettre < s.date_envoi_lettre:
        yield Finding(_sal(i, "date_presentation_lettre"), (
            f"la présentation de la lettre ({_d(s.date_presentation_lettre)}) ne peut précéder son envoi "
            f"(« date_envoi_lettre », {_d(s.date_envoi_lettre)})"))


def _journal(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    """Issue 10: a journal that contradicts the law or itself is an error (R-75). The journal's dates
    replace the planned ones (engine/journal.py), so the chronology checks above see them too."""
    j = s.suivi
    remote = s.mode_remise != "main_propre"
    key = _sal(i, "suivi")
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
                f"la présentation du {_d(later)} précède {what} (« suivi.{earlier_key} », {_d(earlier)}) (R-75)"), code="R-75")
    accepted = s.reponse is not None and s.reponse.decision == "acceptation"
    for name, what in (("bulletin_transmis", "la transmission du bulletin d'acceptation"),
                       ("dossier_transmis", "la transmission du dossier à l'opérateur"),
                       ("contribution_payee", "le versement de la contribution")):
        day = getattr(j, name)
        if day is None:
            continue
        if not accepted:
            yield Finding(key + (name,), (
                f"{what} ({_d(day)}) est enregistrée sans acceptation du CSP (« reponse ») : elle ne suit qu'une "
                "adhésion (convention du 26 janvier 2015, art. 5 § 2) (R-75)"), code="R-75")
        elif day < s.reponse.date:
            yield Finding(key + (name,), (
                f"{what} ({_d(day)}) précède l'acceptation du {_d(s.reponse.date)} (R-75)"), code="R-75")
    if j.lettre_envoyee is not None and j.remise is not None and j.lettre_envoyee < j.remise:
        yield Finding(key + ("lettre_envoyee",), (
            f"la lettre ({_d(j.lettre_envoyee)}) ne peut précéder la remise des documents du CSP ({_d(j.remise)}) : le CSP "
            "est proposé avant la notification (R-27) (R-75)"), code="R-75")


def _protected(d: Dossier, i: int, s: Salarie) -> Iterator[Finding]:
    if _has_cse_consultation(d) and s.date_entretien_prealable is None:
        yield Finding(_sal(i, "date_entretien_prealable"), (
            "salarié protégé dans un licenciement d'au moins 10 salariés avec CSE : il a toujours un "
            "entretien préalable, lors duquel les documents du CSP lui sont remis ; donnez sa date "
            "propre (C. trav. L1233-38 ; R-51)"), at=_sal(i, "salarie_protege"))
    notified = s.salarie_protege.date_notification_autorisation
    interview = _interview(d, s)
    if notified is not None and interview is not None and notified < interview:
        yield Finding(_sal(i, "salarie_protege", "date_notification_autorisation"), (
            f"la décision sur l'autorisation de licenciement ({_d(notified)}) précède l'entretien "
            f"préalable ({_d(interview)}) : la demande d'autorisation suit l'entretien (R-51)"))


def _convocation(d: Dossier, i: int, s: Salarie, cal: Calendar) -> Iterator[Finding]:
    """R-50: the interview is held after 5 full jours ouvrables following the convocation."""
    interview = _interview(d, s)
    if s.date_convocation is None or interview is None:
        return
    days = _convocation_days(s.date_convocation)
    last, _ = cal.end_of_jours_ouvrables(s.date_convocation, days)
    if interview <= last:
        yield Finding(_sal(i, "date_convocation"), (
            f"l'entretien préalable du {_d(interview)} est trop proche de la présentation de la "
            f"convocation du {_d(s.date_convocation)} : il doit avoir lieu après {days} jours ouvrables "
            f"pleins (jour de présentation exclu, délai prorogé au premier jour ouvré), donc au plus "
            f"tôt le {_d(last + timedelta(days=1))} (C. trav. L1233-11, R1231-1 ; R-50)"))


def _maternity(d: Dossier, i: int, s: Salarie, cal: Calendar) -> Iterator[Finding]:
    """R-13 review correction: no convocation (nor proposal) during the absolute protection."""
    end = s.fin_protection_maternite
    if end is None:
        return
    interview = _interview(d, s)
    if s.date_convocation is not None:
        act = s.date_convocation
        detail = f"la convocation à l'entretien préalable (présentée le {_d(act)})"
    elif interview is not None:
        days = _convocation_days(interview)
        act = cal.latest_start_before(interview, days)
        detail = (f"la convocation à l'entretien préalable du {_d(interview)} (présentée au plus tard le "
                  f"{_d(act)}, {days} jours ouvrables avant l'entretien, R-50)")
    else:
        handover = _handover(d, s)
        if handover is None:
            return
        act = handover[0]
        detail = f"la remise des documents du CSP ({handover[1]} : {_d(act)})"
    after = "" if s.date_convocation is None and interview is None else (
        " même si l'entretien a lieu après la fin de la protection")
    if act <= end:
        yield Finding(_sal(i, "fin_protection_maternite"), (
            f"{detail} intervient pendant la protection absolue liée au congé de maternité, qui court "
            f"jusqu'au {_d(end)} inclus : c'est une mesure préparatoire au licenciement, qui le rend nul"
            f"{after} (Cass. soc. 29/11/2023 n°22-15.794 ; "
            f"C. trav. L1225-4 ; R-13) ; la procédure ne peut être engagée qu'à partir du {_d(end + timedelta(days=1))}"))


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
            yield Finding(_sal(i, "date_entree"), (
                f"la date d'entrée ({_d(s.date_entree)}) est postérieure à {what} ({_d(first_day)}) : "
                "dates incohérentes"))
    if s.date_remise is not None:
        yield from _remise_trigger(d, i, s, interview)
    if handover is None:
        return
    day, what = handover
    if s.reponse is not None and s.reponse.date < day:
        yield Finding(_sal(i, "reponse", "date"), (
            f"la réponse du salarié ({_d(s.reponse.date)}) précède la remise des documents du CSP "
            f"({what} : {_d(day)}) : le délai de réflexion court à compter de la remise (R-15, R-19)"))
    if s.date_envoi_lettre is not None and s.date_envoi_lettre < day:
        yield Finding(_sal(i, "date_envoi_lettre"), (
            f"la lettre recommandée ({_d(s.date_envoi_lettre)}) ne peut précéder la remise des documents "
            f"du CSP ({what} : {_d(day)}) : le CSP est proposé avant la notification (R-27, A13)"))


def _remise_trigger(d: Dossier, i: int, s: Salarie, interview: Optional[date]) -> Iterator[Finding]:
    """An overridden handover date cannot precede the event the law attaches it to: the engine's one
    handover rule (engine/procedure.py: general rule and exceptions) says which event."""
    p = d.procedure
    remise = s.date_remise
    event = handover_trigger(d, s)
    if event.evenement is None:
        return
    if event.circonstance == "lendemain_decision_administration":
        if remise <= event.evenement:
            yield Finding(_sal(i, "date_remise"), (
                f"remise le {_d(remise)} : dans un PSE, les documents du CSP sont remis au lendemain de la "
                f"notification de la décision administrative ({_d(p.date_decision_administration)}), "
                "pas avant (C. trav. L1233-66 ; R-12)"))
    elif event.circonstance == "derniere_reunion_cse":
        if remise < event.evenement:
            yield Finding(_sal(i, "date_remise"), (
                f"remise le {_d(remise)} : les documents du CSP sont remis à l'issue de la dernière réunion "
                f"du CSE ({_d(p.date_derniere_reunion_cse)}), pas avant (C. trav. L1233-38 ; R-11)"))
    elif remise < event.evenement:
        yield Finding(_sal(i, "date_remise"), (
            f"remise le {_d(remise)} : les documents du CSP sont remis lors de l'entretien préalable "
            f"({_d(event.evenement)}) ou après (salarié absent, R-14), pas avant (C. trav. L1233-66 ; R-10)"))
