"""Cross-field checks of a case file that the model alone cannot express: the employer and the procedure.

They run once the model is valid, all of them (never stopping at the first), and return findings:
a key path, a French message citing its rule, and whether it blocks the case (``bloquant``) or is
a warning. The loader turns them into ``ErreurDossier`` with the line of the key concerned.
Only validation lives here: the dates and amounts themselves are computed by the engine.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator, Optional

from ..calendar import zone_from_postal_code
from ..case.model import Dossier
from . import parameters as PR
from .employee_checks import INTERVIEW_TYPES, employee_findings
from .findings import Finding, day_text, employee_path, thousands
from .procedure import at_engagement, engagement_date

def check_dossier(dossier: Dossier) -> list[Finding]:
    """Every finding of the case, in no particular order (the loader sorts them by line)."""
    findings = list(_employer(dossier))
    findings += _procedure(dossier)
    findings += _matricules(dossier)
    for index, salarie in enumerate(dossier.salaries):
        findings += employee_findings(dossier, index, salarie)
    return findings


def _employer(d: Dossier) -> Iterator[Finding]:
    e = d.employeur
    # the congé de reclassement replaces the CSP from 1 000 employees, except in RJ/LJ.
    if e.procedure_collective is None:
        threshold = at_engagement(d, "seuil_conge_reclassement_salaries")
        shown = f"{threshold:,}".replace(",", " ")
        for key, size, who in (("effectif", e.effectif, "l'entreprise"),
                               ("effectif_groupe", e.effectif_groupe, "le groupe")):
            if size is not None and size >= threshold:
                yield Finding(("employeur", key), (
                    f"{who} compte {thousands(size)} salariés ({shown} ou plus) : l'employeur est soumis au congé de "
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
            "garantie de l'AGS (C. trav. L3253-8) ne peut pas être vérifié"), blocking=False, code="R-54")
    if e.zone is not None:
        derived = zone_from_postal_code(e.adresse.code_postal)
        if derived != e.zone:
            yield Finding(("employeur", "zone"), (
                f"la zone « {e.zone} » ne correspond pas au code postal {e.adresse.code_postal} "
                f"(« {derived} ») : vérifiez les jours fériés retenus"), blocking=False, code="R-48")


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
            f"l'ordonnance du juge-commissaire ({day_text(order.date)}) précède le jugement d'ouverture du "
            f"redressement ({day_text(e.date_jugement)}) : dates incohérentes (R-63)"), code="R-63")


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
            yield Finding(employee_path(i, "date_entretien_prealable"), what)


def _procedure(d: Dossier) -> Iterator[Finding]:
    p, e = d.procedure, d.employeur
    if p.type in INTERVIEW_TYPES:
        yield from _require_interview(d)
    n = len(d.salaries)
    collective = at_engagement(d, "seuil_licenciement_collectif")
    if p.type == "individuel" and 1 < n < collective:
        yield Finding(("procedure", "type"), (
            f"procédure « individuel » pour {n} salariés : de 2 à {collective - 1} licenciements sur "
            f"{_window(d)} jours, utilisez « collectif_moins_de_10 » (le délai de {_executive_days(d)} jours ouvrables des cadres "
            "ne vaut que pour le licenciement individuel)"), blocking=False, code="R-22")
    # from 10 dismissals in 30 days the procedure is the collective one of L1233-28 ff.: the
    # CSE is consulted (L1233-28), the project notified to the DREETS (L1233-46), the letters wait
    # (L1233-39), and there is no interview when a CSE exists (L1233-38). Blocking: the dates and
    # the documents of an "individuel" or "moins de 10" procedure would all be wrong.
    pse = at_engagement(d, "seuil_pse_salaries")
    if p.type in INTERVIEW_TYPES and n >= collective:
        yield Finding(("procedure", "type"), (
            f"procédure « {p.type} » pour {n} salariés : à partir de {collective} licenciements sur {_window(d)} jours, "
            f"la procédure est celle du licenciement collectif d'au moins {collective} salariés (consultation du CSE, "
            "notification à la DREETS, délai d'envoi des lettres : C. trav. L1233-28 et suivants, L1233-38, "
            f"L1233-39, L1233-46) ; utilisez « collectif_10_et_plus » (entreprise de moins de {pse} salariés) "
            f"ou « pse » ({pse} salariés ou plus) (R-56)"), code="R-56")
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
        if e.effectif < pse:
            yield Finding(("procedure", "type"), (
                f"procédure « pse » dans une entreprise de {thousands(e.effectif)} salariés : le plan de sauvegarde "
                "de l'emploi et sa validation ou homologation administrative n'existent que dans les entreprises "
                f"d'au moins {pse} salariés (C. trav. L1233-61, L1233-57-4) ; en dessous, le licenciement d'au moins "
                f"{collective} salariés suit la procédure « collectif_10_et_plus » (consultation du CSE, notification à la "
                f"DREETS, délai de {_collective_days(d)} jours : L1233-39), et celui de "
                f"2 à {collective - 1} salariés la procédure « collectif_moins_de_10 » (R-57)"),
                at=("employeur", "effectif"), code="R-57")
        yield from _dreets_notification(d)
    yield from _procedure_chronology(d)


def _collectif_10(d: Dossier) -> Iterator[Finding]:
    p, e = d.procedure, d.employeur
    pse = at_engagement(d, "seuil_pse_salaries")
    if e.effectif >= pse:
        collective = at_engagement(d, "seuil_licenciement_collectif")
        yield Finding(("procedure", "type"), (
            f"procédure « collectif_10_et_plus » dans une entreprise de {thousands(e.effectif)} salariés : à partir "
            f"de {pse} salariés, le licenciement d'au moins {collective} salariés sur {_window(d)} jours impose un plan de "
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
            f"projet de licenciement à la DREETS, point de départ du délai de {_collective_days(d)} jours avant l'envoi "
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
                f"notification du projet à la DREETS le {day_text(notified)} : elle ne peut être faite qu'au plus tôt "
                f"le lendemain de la première réunion du CSE ({day_text(first)}), soit le {day_text(first + timedelta(days=1))} "
                "(C. trav. L1233-46 al. 2) (R-58)"), code="R-58")
    elif p.date_convocation_premiere_reunion_cse is not None and notified <= p.date_convocation_premiere_reunion_cse:
        conv = p.date_convocation_premiere_reunion_cse
        yield Finding(("procedure", "date_notification_projet_administration"), (
            f"notification du projet à la DREETS le {day_text(notified)}, au plus tard le jour de la convocation à la "
            f"première réunion du CSE ({day_text(conv)}) : elle ne peut être faite qu'au plus tôt le lendemain de la "
            "première réunion (C. trav. L1233-46 al. 2) (R-58)"), code="R-58")
    elif p.cse:
        yield Finding(("procedure", "date_notification_projet_administration"), (
            "date de la première réunion du CSE (« procedure.date_premiere_reunion_cse ») non renseignée : "
            "impossible de vérifier que la notification à la DREETS est faite au plus tôt le lendemain de "
            "cette réunion (C. trav. L1233-46 al. 2)"), blocking=False, code="R-58")


def _before(later: tuple, later_day: Optional[date], earlier_day: Optional[date],
            what: str) -> Iterator[Finding]:
    if later_day is not None and earlier_day is not None and later_day < earlier_day:
        yield Finding(later, what.format(later=day_text(later_day), earlier=day_text(earlier_day)))


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
    return duplicate_matricules([s.matricule for s in d.salaries])


def duplicate_matricules(matricules: list) -> Iterator[Finding]:
    """A matricule used twice; also run by the loader on the raw rows when other rows are invalid
    (the check depends on no other value: every error of a case at once)."""
    first: dict[str, int] = {}
    for i, matricule in enumerate(matricules):
        if not isinstance(matricule, (str, int)) or matricule == "":
            continue
        if matricule in first:
            yield Finding(employee_path(i, "matricule"), (
                f"le matricule « {matricule} » est déjà celui de salaries[{first[matricule]}] : "
                "chaque matricule doit être unique dans le dossier"))
        else:
            first[matricule] = i


def _window(d: Dossier) -> int:
    """R-56: the period over which dismissals are counted for the collective thresholds (L1233-28)."""
    return at_engagement(d, "periode_licenciement_collectif_jours")


def _executive_days(d: Dossier) -> int:
    """R-22: the jours ouvrables before an executive's individual dismissal letter (L1233-15)."""
    interview = d.procedure.date_entretien_prealable
    scale = (PR.value("delai_envoi_lettre_jours_ouvrables", PR.ignore, entretien_prealable=interview) if interview
             else PR.current("delai_envoi_lettre_jours_ouvrables"))
    return scale["cadre_licenciement_individuel"]


def _collective_days(d: Dossier) -> int:
    """R-24: the days after the notification of the project before the letters (L1233-39), for a message."""
    notified = d.procedure.date_notification_projet_administration
    if notified is None:
        return PR.current("delai_envoi_lettre_collectif_jours")
    return PR.value("delai_envoi_lettre_collectif_jours", PR.ignore, notification_projet=notified)
