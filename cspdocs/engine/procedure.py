"""The procedure: the date selecting the texts (R-05, A10), the regime (R-02 to R-04) and the handover
of the CSP documents (R-10 to R-14, R-51), one rule for the engine and the case checks.

The handover is a general rule with explicit exceptions (``procedural_handover``):
- general rule: at the entretien préalable (R-10);
- exception, 10 dismissals or more with a CSE: at the end of the last CSE meeting, no interview (R-11),
  except for a protected employee, who always has his own interview (R-51);
- exception, PSE: the day after the administrative decision (R-12), or a protected employee's own
  interview when it is later (R-51).
A handover date declared in the case (``date_remise``) replaces the procedural date (R-14).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple, Optional

from ..case.model import Dossier, Salarie
from ..formats import cli_date
from ..rules.lookup import parameter
from . import dates as D
from . import parameters as PR
from .collector import Collector
from .facts import Fact, fact
from . import wording as W
from .findings import Finding



def engagement_date(dossier: Dossier) -> tuple[Optional[date], str, bool]:
    """R-05 (review correction), A10: the engagement date selecting the texts in force.
    Returns (date, reasoning, inferred)."""
    proc = dossier.procedure
    if proc.date_engagement:
        return proc.date_engagement, "date d'engagement déclarée dans le dossier", False
    if proc.type in ("individuel", "collectif_moins_de_10") or proc.cse is False:
        if proc.date_entretien_prealable:
            return proc.date_entretien_prealable, "date de l'entretien préalable (règle Unédic, A10)", False
    if proc.date_convocation_premiere_reunion_cse:
        return (
            proc.date_convocation_premiere_reunion_cse,
            "date de présentation de la convocation à la première réunion du CSE (règle Unédic, A10)",
            False,
        )
    known = [
        d
        for d in (
            proc.date_entretien_prealable,
            proc.date_notification_projet_administration,
            proc.date_derniere_reunion_cse,
            proc.date_decision_administration,
        )
        if d
    ]
    if known:
        return min(known), "date la plus ancienne connue de la procédure (date d'engagement non déclarée)", True
    return None, "aucune date de procédure connue", True


def at_engagement(d: Dossier, name: str) -> Any:
    """A threshold (R-07 1 000, R-57 50, R-56 10) on the engagement date of the procedure (R-05);
    the engine warns when that date is inferred (A10) or outside every known period (A11). A case
    without any procedural date fails other checks; the law in force now is then applied."""
    engaged = engagement_date(d)[0]
    return PR.value(name, PR.ignore, engagement=engaged) if engaged else PR.current(name)


def regime(dossier: Dossier, zone_is_mayotte: bool) -> tuple[dict[str, Any], list[Finding]]:
    """R-02 to R-05: the texts governing the procedure, selected by its engagement date."""
    engaged, how, inferred = engagement_date(dossier)
    warnings: list[Finding] = []
    if inferred:
        warnings.append(Finding((), (
            f"la date d'engagement de la procédure n'est pas déclarée ; retenue : {how} "
            f"({D.fr(engaged)}). Renseignez procedure.date_engagement pour lever le doute."), blocking=False, code="A10"))
    name = "regime_csp_mayotte" if zone_is_mayotte else "regime_csp"
    period = PR.in_force(name, engagement=engaged) if engaged else None
    if period is None:
        last = parameter(name).periodes[-1].au
        warnings.append(Finding((), (
            f"aucun texte connu ne régit le CSP pour une procédure engagée le {D.fr(engaged)} "
            f"(la convention connue court jusqu'au {cli_date(last)}). Les règles de dates de la convention du "
            f"26 janvier 2015 sont appliquées à titre conservatoire : vérifiez le texte en vigueur."), blocking=False, code="A11"))
        return {"texte": None, "valable_jusqu_au": None, "date_engagement": engaged, "reference": None}, warnings
    return {
        "texte": period.valeur,
        "valable_jusqu_au": period.au,
        "date_engagement": engaged,
        "reference": period.reference,
    }, warnings


# --- handover ------------------------------------------------------------------------------




class Trigger(NamedTuple):
    """The procedural event the handover is attached to."""

    circonstance: str  # "entretien_prealable" | "derniere_reunion_cse" | "lendemain_decision_administration"
    evenement: Optional[date]  # the event's date (the decision itself for a PSE); None when the case lacks it


def _protected_own_interview(s: Salarie) -> bool:
    return s.salarie_protege is not None and s.date_entretien_prealable is not None


def interview_of(dossier: Dossier, s: Salarie) -> Optional[date]:
    return s.date_entretien_prealable or dossier.procedure.date_entretien_prealable


def trigger(dossier: Dossier, s: Salarie) -> Trigger:
    """Which event the handover is attached to: the general rule and its two exceptions."""
    proc = dossier.procedure
    if proc.type == "pse":
        decision = proc.date_decision_administration
        interview = interview_of(dossier, s)
        if (_protected_own_interview(s) and interview and decision
                and interview > decision + timedelta(days=1)):
            return Trigger("entretien_prealable", interview)
        return Trigger("lendemain_decision_administration", decision)
    if proc.type == "collectif_10_et_plus" and proc.cse and not _protected_own_interview(s):
        return Trigger("derniere_reunion_cse", proc.date_derniere_reunion_cse)
    return Trigger("entretien_prealable", interview_of(dossier, s))


def _procedural_fact(dossier: Dossier, s: Salarie, t: Trigger) -> Fact:
    proc = dossier.procedure
    if t.circonstance == "lendemain_decision_administration":
        after = t.evenement + timedelta(days=1)
        return fact("dates.remise/pse", after,
                    decision_administration=t.evenement, remise_procedurale=after)
    if t.circonstance == "derniere_reunion_cse":
        return fact("dates.remise/cse", t.evenement,
                    derniere_reunion_cse=t.evenement, seuil_licenciement_collectif=at_engagement(dossier, "seuil_licenciement_collectif"))
    interview = t.evenement
    if proc.type == "pse":
        return fact("dates.remise/pse_entretien_protege", interview,
                    civilite=s.civilite, entretien_prealable=interview,
                    lendemain_decision=proc.date_decision_administration + timedelta(days=1))
    variant = "dates.remise/entretien_protege" if proc.type == "collectif_10_et_plus" else "dates.remise/entretien"
    return fact(variant, interview, civilite=s.civilite,
                entretien_prealable=interview)


def procedural_handover(dossier: Dossier, s: Salarie) -> Optional[date]:
    """The handover date the procedure gives (R-10 to R-12, R-51), a declared ``date_remise`` aside."""
    t = trigger(dossier, s)
    return None if t.evenement is None else _procedural_fact(dossier, s, t).value


def handover(dossier: Dossier, s: Salarie) -> Optional[tuple[Fact, str]]:
    """R-10 to R-14, R-51: the handover date and its circumstance; None when the case lacks the
    procedural date it depends on (the loader refuses such a case; its checks call this too)."""
    t = trigger(dossier, s)
    if t.evenement is None:
        return None
    found, circ = _procedural_fact(dossier, s, t), t.circonstance
    if s.date_remise and s.date_remise != found.value:
        procedural = found
        found = Fact(s.date_remise, None, procedural.sources,
                     {"mode_remise": s.mode_remise, "remise_declaree": s.date_remise,
                      "remise_procedurale": procedural.value, **procedural.terms},
                    ("dates.remise/declaree",) + procedural.formula, procedural.rule)
        circ = "date_convenue"
    return found, circ


def record_handover(dossier: Dossier, s: Salarie, c: Collector) -> tuple[date, str, str]:
    """The handover, the operator the documents name and the warnings on the way they are handed
    over (R-12, R-14, A4). Returns (handover date, circumstance, operator)."""
    proc = dossier.procedure
    found = handover(dossier, s)
    if found is None:
        raise ValueError(f"salarié {s.matricule} : date de remise indéterminable (dossier non validé par le chargement)")
    remise_fact, circonstance = found
    remise = c.date("remise", remise_fact)
    op = PR.resolved("operateur", c.warn, document=remise)
    c.explain("operateur", fact("operateur", op.valeur, (op.reference,), remise=remise))
    if s.date_remise and proc.type == "pse" and proc.date_decision_administration and s.date_remise <= proc.date_decision_administration:
        c.warn("R-12", "la remise déclarée précède le lendemain de la décision administrative : le CSP doit être proposé après la notification de la décision (L1233-66).")
    if s.mode_remise != "main_propre":
        c.dates["envoi_documents"] = s.date_envoi_documents
        if s.date_envoi_documents is None:
            c.warn("R-14", "documents envoyés à distance sans « date_envoi_documents » : renseignez la date d'envoi, qui date le document d'information et l'énoncé du motif.")
    if s.mode_remise == "lrar":
        c.warn("A4", "remise par lettre recommandée : la date de remise retenue doit être celle de la première présentation de la lettre, non celle du retrait.")
    if s.mode_remise == "electronique":
        c.warn("R-14", f"remise par voie électronique : elle suppose l'accord préalable {W.du_salarie(s)} et un accusé de réception électronique.")
    return remise, circonstance, op.valeur
