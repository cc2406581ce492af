"""What the documents of one employee may state and which dated values they print (issue 9: the
templates and the mention checks read these, never a restated constant or a second condition)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Optional

from functools import lru_cache

from num2words import num2words

from ..case.model import Dossier, Salarie
from . import parameters as PR
from . import procedure_rules as P
from .findings import Finding
from .procedure import engagement_date

MODES_A_DISTANCE = ("lrar", "electronique")  # documents posted or sent electronically


def at_distance(mode_remise: str) -> bool:
    """R-14: the documents are posted or sent electronically; the handover is their presentation."""
    return mode_remise in MODES_A_DISTANCE


def handover_documents_state_dates(mode_remise: str, authorisation_awaited: bool) -> bool:
    """R-14, R-51: whether the documents dated at the handover (information document, receipt) may
    state the last day of the period and the dates that follow: not when posted at a distance (the
    period runs from a presentation unknown when they are written), nor while a protected employee's
    authorisation is awaited. The context and the mention cross-checks call this one rule."""
    return not at_distance(mode_remise) and not authorisation_awaited


ARTEFACT_KEYS = ("information", "recepisse", "lettre", "motif")


def omission_finding(artefact: str, mode_remise: str, autorisation_refusee: bool, envoi_lettre: Optional[date],
                     variante: Optional[str], fin_delai_reflexion: Optional[date]) -> Optional[Finding]:
    """Why ``artefact`` is not produced for an employee, as a finding about ``documents.<artefact>``
    (its rule code as data), or None when it is produced: the one rule that render/artefacts.py (what
    generate writes) and the mention files' ``applicable: {produit: …}`` (what the checks expect) both read."""
    found = _omission(artefact, mode_remise, autorisation_refusee, envoi_lettre, variante, fin_delai_reflexion)
    return None if found is None else Finding(("documents", artefact), found[1], blocking=False, code=found[0])


def omission(artefact: str, mode_remise: str, autorisation_refusee: bool, envoi_lettre: Optional[date],
             variante: Optional[str], fin_delai_reflexion: Optional[date]) -> Optional[str]:
    """The line of ``omission_finding`` (« R-14 : … »), or None when the artefact is produced."""
    f = omission_finding(artefact, mode_remise, autorisation_refusee, envoi_lettre, variante, fin_delai_reflexion)
    return None if f is None else f.text


def _omission(artefact: str, mode_remise: str, autorisation_refusee: bool, envoi_lettre: Optional[date],
              variante: Optional[str], fin_delai_reflexion: Optional[date]) -> Optional[tuple[str, str]]:
    if artefact == "recepisse":
        if mode_remise == "lrar":
            return "R-14", ("remise par lettre recommandée : la preuve de la remise est l'avis de réception "
                            "(mentions, 2.7), pas de récépissé à faire signer")
        if mode_remise == "electronique":
            return "R-14", ("remise par voie électronique : la preuve de la remise est l'accusé de réception "
                            "électronique (mentions, 2.7), pas de récépissé à faire signer")
        return None
    if artefact != "lettre":
        return None
    if autorisation_refusee:
        return "R-51", "autorisation de licenciement refusée : aucune rupture, pas de lettre"
    if envoi_lettre is None:
        return "R-25", ("date d'envoi de la lettre inconnue (salarié protégé dont l'autorisation n'est pas "
                        "encore notifiée) : la lettre sera produite quand la date sera connue")
    if variante not in ("conservatoire", "apres_acceptation", "licenciement"):
        return "R-27", f"variante de lettre inconnue : {variante!r}"
    if variante in ("conservatoire", "apres_acceptation") and fin_delai_reflexion is None:
        # the period's end is unknown only for a protected employee awaiting the authorisation
        return "R-51", "fin du délai de réflexion inconnue : la lettre ne peut pas la rappeler (3A.3)"
    return None


def document_conditions(dossier: Dossier, s: Salarie, remise: date, regime_info: dict[str, Any],
                        relative_maternity: bool) -> dict[str, bool]:
    """The conditions the templates and the mention files test, beside the amounts' ones."""
    emp, proc = dossier.employeur, dossier.procedure
    protected = s.salarie_protege is not None
    notif = s.salarie_protege.date_notification_autorisation if protected else None
    ac = s.reponse.decision == "acceptation" if s.reponse else None
    awaited = protected and (notif is None or notif > remise)
    return dict(
        salarie_protege=protected,
        pse=proc.type == "pse",
        maternite=s.fin_protection_maternite is not None,
        cadre=s.cadre,
        procedure_collective_judiciaire=emp.procedure_collective is not None,
        autorisation_refusee=bool(protected and s.salarie_protege.autorisation_refusee),
        accepte=ac is True,
        refuse=ac is False,
        # documents dated at the handover cannot state a decision notified later
        decision_autorisation_attendue_a_la_remise=awaited,
        remise_a_distance=at_distance(s.mode_remise),
        echeance_connue_a_la_remise=handover_documents_state_dates(s.mode_remise, awaited),
        regime_inconnu=regime_info.get("texte") is None,
        liquidation=emp.procedure_collective == "liquidation",
        redressement=emp.procedure_collective == "redressement",
        # the letter and the motive statement state why the contract cannot be maintained
        protection_relative_maternite=relative_maternity,
        **P.signature(dossier),
    )


def document_parameters(dossier: Dossier, remise: date, rupture: date, mayotte: bool) -> dict[str, Any]:
    """The dated values the documents state (issue 9: templates print them, the mention checks read
    them; never restated as constants in a template): looked up by the date the law designates.
    Mayotte: the ASP parameters of its own convention are not verified (R-04): no rate."""
    engaged = engagement_date(dossier)[0]
    rate = PR.in_force("taux_asp", engagement=engaged) if engaged and not mayotte else None
    # out-of-period warnings: given by compute_salarie's lookups of the same parameters
    n_days = PR.value("duree_delai_reflexion_jours", PR.ignore, remise=remise)
    debut = rupture + timedelta(days=1)
    n_cap = PR.value("plafond_contribution_employeur_mois", PR.ignore, debut_csp=debut)
    n_csp = PR.value("duree_csp_mois", PR.ignore, debut_csp=debut)
    n_priority = PR.value("duree_priorite_reembauche_mois", PR.ignore, rupture=rupture)
    n_year = PR.value("anciennete_un_an_mois", PR.ignore, engagement=engaged) if engaged else None
    return {
        "taux_asp": Decimal(rate.valeur) if rate else None,
        "taux_asp_pourcent": int(Decimal(rate.valeur) * 100) if rate else None,
        "duree_delai_reflexion_jours": n_days,
        "plafond_contribution_mois": n_cap,
        # the same values in French words, as the documents write them ("vingt et un jours")
        "duree_delai_reflexion_lettres": _words(n_days, "cardinal") if n_days else None,
        "duree_delai_reflexion_ordinal": _words(n_days, "ordinal") if n_days else None,
        "plafond_contribution_lettres": _words(n_cap, "cardinal") if n_cap else None,
        # the CSP's length; R-32: the rehiring priority; R-41: the seniority of the ASP rate
        "duree_csp_mois": n_csp,
        "duree_csp_lettres": _words(n_csp, "cardinal"),
        "duree_priorite_reembauche_mois": n_priority,
        "duree_priorite_reembauche_lettres": _words(n_priority, "cardinal"),
        "anciennete_minimale_asp_mois": n_year,
        "anciennete_minimale_asp_lettres": _words(n_year, "cardinal") if n_year else None,
    }


@lru_cache(maxsize=64)
def _words(n: int, kind: str) -> str:
    """« vingt et un », « vingt et unième » (num2words is slow and a batch asks for the same few)."""
    return num2words(n, lang="fr", to=kind)
