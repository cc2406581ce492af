"""The procedure through time: each employee's state and the actions due, as of a date (issue 10).

A pure function of the computed facts, the journal of what happened (``salarie.suivi``, the answer
``salarie.reponse``) and the as-of date. The dates read are the facts as of that date, the same the
documents are dated from (``engine/timeline.py``: the plan, slipped where a planned handover or letter
was not recorded and its date has passed, R-76; review finding 1), never the stale plan. The plan
itself never depends on the as-of date. Every action names its legal source.

Statuses: ``fait`` (recorded in the journal, or an event that has happened), ``a_faire`` (due on or
after the as-of date), ``en_retard`` (its due date has passed and nothing is recorded: flagged,
never assumed), ``sans_objet`` (does not apply to this employee).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple, Optional

from ..case.model import Dossier
from . import parameters as PR
from .amounts import eur
from .dates import fr
from .facts import CaseResult, EmployeeResult
from .findings import Finding
from .refusal_dates import notice_end, priority_end
from .timeline import VueAu, view_for

FAIT, A_FAIRE, EN_RETARD, SANS_OBJET = "fait", "a_faire", "en_retard", "sans_objet"

ETATS = {
    "avant_remise": "avant la remise des documents",
    "reflexion_en_cours": "délai de réflexion en cours",
    "accepte": "CSP accepté",
    "refuse": "CSP refusé",
    "expire_sans_reponse": "délai expiré sans réponse (refus)",
    "lettre_envoyee": "lettre de licenciement envoyée",
    "csp_commence": "CSP commencé",
}

ART4 = "Convention du 26 janvier 2015, art. 4"
ART5_2 = "Convention du 26 janvier 2015, art. 5 § 2"


def _journal(rs: EmployeeResult) -> Any:
    return rs.employee.suivi


def recorded(rs: EmployeeResult, key: str) -> Optional[date]:
    j = _journal(rs)
    return getattr(j, key, None) if j is not None else None


def handover_recorded(rs: EmployeeResult) -> Optional[date]:
    """The day the reflection period starts from, if the journal records it (R-14: at a distance,
    the first presentation or the electronic receipt; in person, the handover)."""
    if rs.employee.mode_remise == "main_propre":
        return recorded(rs, "remise")
    return recorded(rs, "presentation_documents")


def state(rs: EmployeeResult, au: date) -> str:
    """``rs``: the facts as of ``au`` (``VueAu.courant``)."""
    d = rs.dates
    rep = rs.employee.reponse if rs.employee.reponse and rs.employee.reponse.date <= au else None
    if handover_recorded(rs) is None:
        return "avant_remise"
    if rep and rep.decision == "acceptation":
        return "csp_commence" if d.get("debut_csp") and d["debut_csp"] <= au else "accepte"
    if recorded(rs, "lettre_envoyee") and recorded(rs, "lettre_envoyee") <= au and (
            rep or (d.get("fin_delai_reflexion") and au > d["fin_delai_reflexion"])):
        return "lettre_envoyee"
    if rep:
        return "refuse"
    fin = d.get("fin_delai_reflexion")
    if fin is not None and au > fin:
        return "expire_sans_reponse"
    return "reflexion_en_cours"


def _action(key: str, libelle: str, echeance: Optional[date], fait_le: Optional[date], au: date,
            sources: tuple[str, ...], applicable: bool = True, note: str = "") -> dict[str, Any]:
    if not applicable:
        statut = SANS_OBJET
    elif fait_le is not None and fait_le <= au:
        statut = FAIT
    elif echeance is not None and echeance < au:
        statut = EN_RETARD
    else:
        statut = A_FAIRE
    return {"action": key, "libelle": libelle, "echeance": echeance, "statut": statut, "fait_le": fait_le,
            "sources": list(sources), "note": note}


class _Step(NamedTuple):
    """What every group of actions reads: the plan, the facts as of ``au`` and the answer by then."""

    plan: EmployeeResult
    rs: EmployeeResult
    au: date
    rep: Any  # the answer recorded by ``au``, or None
    accepted: bool
    expired: Optional[date]  # the period's end when it passed by ``au`` without an answer
    refused_authorisation: bool


def actions(dossier: Dossier, rs: EmployeeResult, au: date, vue: Optional[VueAu] = None) -> list[dict[str, Any]]:
    """The actions of one employee's procedure, in the order they fall due. ``rs``: the computed
    employee; the dates are read from its facts as of ``au`` (``vue``, computed when not given)."""
    vue = vue if vue is not None else view_for(dossier, rs, au)
    plan, rs = rs, vue.courant
    s, fin = rs.employee, rs.dates.get("fin_delai_reflexion")
    rep = s.reponse if s.reponse and s.reponse.date <= au else None
    expired = fin if fin is not None and au > fin and rep is None else None
    st = _Step(plan, rs, au, rep, rep is not None and rep.decision == "acceptation", expired,
               s.salarie_protege is not None and s.salarie_protege.autorisation_refusee)
    notice = notice_end(rs) if not st.accepted and (rep is not None or expired is not None) else None
    return (_handover_actions(st) + _answer_and_letter(st) + _adhesion_actions(st) + [_end_of_contract(st, notice)]
            + _procedure_actions(dossier, rs, au, st.accepted) + [_rehiring_priority(st, notice)])


def _handover_actions(st: _Step) -> list[dict[str, Any]]:
    rs, au, d, s = st.rs, st.au, st.rs.dates, st.rs.employee
    handed = handover_recorded(rs)
    remote = s.mode_remise != "main_propre"
    slipped = handed is None and st.plan.dates.get("remise") != d.get("remise")
    out = [_action(
        "remise", "Remise des documents du CSP" + (" (première présentation ou réception)" if remote else " contre récépissé"),
        d.get("remise"), handed, au, (ART4 + " § 2", "C. trav. art. L1233-66"),
        note=f"prévue le {fr(st.plan.dates.get('remise'))}, non enregistrée : documents datés à nouveau (R-76)" if slipped else "")]
    # issue 10: the follow-up documents, once the journal makes them due (engine/follow_up.py)
    if remote:
        out.append(_action(
            "confirmation_remise", "Courrier confirmant la date de remise, le dernier jour du délai et la date de rupture",
            d.get("confirmation_remise"), recorded(rs, "confirmation_envoyee"), au, (ART4 + " § 1",),
            applicable=d.get("confirmation_remise") is not None,
            note="" if d.get("confirmation_remise") else "dès que la première présentation est connue (« suivi.presentation_documents »)"))
    if s.salarie_protege is not None:
        out.append(_action(
            "nouvelle_echeance", "Avis de la nouvelle date d'expiration du délai de réflexion, remis en main propre",
            d.get("notification_nouvelle_echeance"), recorded(rs, "nouvelle_echeance_remise"), au, (ART4 + " § 1 al. 3",),
            applicable=d.get("notification_nouvelle_echeance") is not None))
    return out


def _answer_and_letter(st: _Step) -> list[dict[str, Any]]:
    rs, au, d = st.rs, st.au, st.rs.dates
    letter_label = ("Lettre recommandée postérieure à l'acceptation" if rs.letter.get("variante") == "apres_acceptation"
                    else "Lettre recommandée (au plus tôt le " + fr(d.get("envoi_lettre_au_plus_tot")) + ")")
    letter_slipped = recorded(rs, "lettre_envoyee") is None and st.plan.dates.get("envoi_lettre") not in (None, d.get("envoi_lettre"))
    return [
        _action("fin_delai_reflexion", "Réponse du salarié au plus tard le dernier jour du délai de réflexion",
                d.get("fin_delai_reflexion"), (st.rep.date if st.rep else None) or st.expired, au,
                (ART4 + " § 1", "Convention du 26 janvier 2015, art. 5 § 1"),
                note="délai expiré sans réponse : refus" if st.expired else ""),
        _action("lettre", letter_label, d.get("envoi_lettre"), recorded(rs, "lettre_envoyee"), au,
                ("C. trav. art. L1233-15", "C. trav. art. L1233-39", ART4 + " § 2 dernier al."),
                applicable=not st.refused_authorisation and d.get("envoi_lettre") is not None,
                note=f"prévue le {fr(st.plan.dates.get('envoi_lettre'))}, non enregistrée : datée à nouveau (R-76)"
                if letter_slipped else ""),
    ]


def _adhesion_actions(st: _Step) -> list[dict[str, Any]]:
    rs, au, d, accepted = st.rs, st.au, st.rs.dates, st.accepted
    owes = accepted and rs.conditions.get("anciennete_un_an_ou_plus", False)
    return [
        _action("bulletin_transmis", "Bulletin d'acceptation et copie de la pièce d'identité transmis à l'opérateur",
                st.rep.date if accepted else None, recorded(rs, "bulletin_transmis"), au, (ART5_2,), applicable=accepted),
        _action("dossier_transmis", "Attestation employeur, demande d'ASP et copie de la carte Vitale transmises à l'opérateur",
                d.get("rupture_si_acceptation") if accepted else None, recorded(rs, "dossier_transmis"), au, (ART5_2,),
                applicable=accepted),
        _action("contribution", "Contribution de l'employeur versée à l'opérateur"
                + (f" ({eur(rs.amounts['contribution_employeur'])})" if owes and rs.amounts.get("contribution_employeur") else ""),
                d.get("echeance_contribution_employeur") if owes else None, recorded(rs, "contribution_payee"), au,
                ("Décret n° 2013-639 du 17 juillet 2013, art. 2", "C. trav. art. L1233-69"), applicable=owes),
    ]


def _end_of_contract(st: _Step, notice: Any) -> dict[str, Any]:
    """Review finding 9: after a refusal (express or by silence), the notice runs from the first
    presentation of the letter (engine/refusal_dates.py)."""
    rs, s = st.rs, st.rs.employee
    end = rs.dates.get("rupture_si_acceptation") if st.accepted else (notice.value if notice else None)
    return _action(
        "documents_fin_contrat", "Certificat de travail, attestation employeur et reçu pour solde de tout compte",
        end, recorded(rs, "documents_fin_contrat"), st.au, ("C. trav. art. L1234-19", "C. trav. art. L1234-20")
        + (("C. trav. art. L1234-3",) if notice else ()),
        applicable=not st.refused_authorisation,
        note="" if st.accepted else (f"à la fin du préavis, qui court de la présentation de la lettre le {fr(s.date_presentation_lettre)}"
                                     if notice else "à la fin du préavis en cas de refus (date selon l'avis de réception de la lettre, « suivi.presentation_lettre »)"))


def _rehiring_priority(st: _Step, notice: Any) -> dict[str, Any]:
    """R-32: one year from the rupture for an adherent; from the end of the notice otherwise (unknown here)."""
    rs, au = st.rs, st.au
    end_priority = rs.dates.get("fin_priorite_reembauche") if st.accepted else (priority_end(rs, notice.value).value if notice else None)
    return _action(
        "fin_priorite_reembauche", "Priorité de réembauche : proposer les postes disponibles jusqu'au",
        end_priority, end_priority if end_priority and end_priority < au else None, au, ("C. trav. art. L1233-45",)
        + (("C. trav. art. L1234-3",) if notice else ()),
        applicable=not st.refused_authorisation,
        note="" if st.accepted else (f"un an à compter de la fin du préavis, le {fr(notice.value)}" if notice else
                                     "un an à compter de la fin du préavis en cas de refus ; à compter de la rupture en cas d'adhésion"))


def _procedure_actions(dossier: Dossier, rs: EmployeeResult, au: date, accepted: bool) -> list[dict[str, Any]]:
    p, d = dossier.procedure, rs.dates
    out = []
    if p.type in ("individuel", "collectif_moins_de_10"):
        # L1233-19, D1233-3: the DREETS is informed of the dismissals within 8 days (dated parameter) of the letters
        envoi = recorded(rs, "lettre_envoyee") or d.get("envoi_lettre")
        days = PR.value("delai_information_dreets_jours", PR.ignore, lettre_ou_remise=envoi or d.get("remise"))
        out.append(_action(
            "information_dreets", f"Information de la DREETS des licenciements prononcés ({days} jours après l'envoi des lettres)",
            envoi + timedelta(days=days) if envoi else None, recorded(rs, "dreets_informee"), au,
            ("C. trav. art. L1233-19", "C. trav. art. D1233-3"), applicable=envoi is not None))
    else:
        first = p.date_premiere_reunion_cse
        out.append(_action(
            "notification_dreets", "Notification du projet de licenciement à la DREETS (au plus tôt le lendemain de la "
            "première réunion du CSE)", first + timedelta(days=1) if first else None,
            p.date_notification_projet_administration, au, ("C. trav. art. L1233-46",),
            applicable=dossier.employeur.procedure_collective is None or p.date_notification_projet_administration is not None))
    if dossier.employeur.procedure_collective == "liquidation":
        window = d.get("limite_garantie_ags")
        out.append(_action(
            "fenetre_ags", "Proposition du CSP dans la fenêtre de garantie de l'AGS", window, handover_recorded(rs), au,
            ("C. trav. art. L3253-8, 2° c et 3°",), applicable=window is not None))
    return out


def findings(rs: EmployeeResult, au: date, todo: list[dict[str, Any]],
             slipped: tuple[Finding, ...] = ()) -> list[Finding]:
    """Past planned events nobody recorded: flagged, never assumed (issue 10), as findings about the
    action (``("actions", key)``); ``slipped``: the R-76 and R-80 findings of the documents re-dated as
    of ``au`` (engine/timeline.py's ``VueAu.constats``)."""
    out = list(slipped)
    for a in todo:
        if a["statut"] != EN_RETARD:
            continue
        loc, due = ("actions", a["action"]), fr(a["echeance"])
        if a["action"] == "remise":
            out.append(Finding(loc, f"la remise prévue le {due} n'est pas enregistrée (« suivi.remise » ou "
                                    "« suivi.presentation_documents ») : le délai de réflexion ne court pas tant "
                                    "qu'elle n'a pas eu lieu.", blocking=False, code="R-71"))
        elif a["action"] == "lettre":
            out.append(Finding(loc, f"la lettre prévue le {due} n'est pas enregistrée comme envoyée "
                                    "(« suivi.lettre_envoyee ») : elle sera datée du jour de son envoi, jamais "
                                    "antidatée.", blocking=False, code="R-72"))
        else:
            out.append(Finding(loc, f"{a['libelle'].lower()} : échéance du {due} dépassée, rien n'est enregistré.",
                               blocking=False, code="R-73"))
    return out


def follow_up(dossier: Dossier, rs: EmployeeResult, au: date, vue: Optional[VueAu] = None) -> dict[str, Any]:
    """One employee's state, actions and findings as of ``au``, from the same facts as of ``au`` as
    the documents (``faits``: those facts, a ``EmployeeResult``, for the summaries; not in the JSON)."""
    vue = vue if vue is not None else view_for(dossier, rs, au)
    todo = actions(dossier, rs, au, vue)
    etat = state(vue.courant, au)
    return {"au": au, "etat": etat, "etat_libelle": ETATS[etat], "actions": todo,
            "constats": findings(vue.courant, au, todo, vue.constats), "faits": vue.courant}


def case_follow_up(result: CaseResult, au: date, salaries=None) -> dict[str, Any]:
    """Every employee's follow-up and the case totals: answers by kind, amounts due by date."""
    chosen = result.employees if salaries is None else salaries
    per = [(rs, follow_up(result.case, rs, au)) for rs in chosen]
    answers = {"acceptation": 0, "refus": 0, "sans_reponse": 0, "en_attente": 0}
    due: dict[date, Decimal] = {}
    for rs, f in per:
        rep = rs.employee.reponse if rs.employee.reponse and rs.employee.reponse.date <= au else None
        if rep:
            answers[rep.decision] += 1
        elif f["etat"] == "expire_sans_reponse" or f["etat"] == "lettre_envoyee":
            answers["sans_reponse"] += 1
        else:
            answers["en_attente"] += 1
        for a in f["actions"]:
            if a["action"] == "contribution" and a["statut"] in (A_FAIRE, EN_RETARD) and a["echeance"]:
                amount = f["faits"].amounts.get("contribution_employeur") or Decimal(0)
                due[a["echeance"]] = due.get(a["echeance"], Decimal(0)) + amount
    return {
        "au": au,
        "salaries": per,
        "totaux": {"reponses": answers,
                   "montants_dus": [{"echeance": k, "objet": "contribution_employeur", "montant": v}
                                    for k, v in sorted(due.items())]},
    }
