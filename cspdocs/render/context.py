"""The variables a template sees, built from the engine's facts for one employee.

Names are French because template authors use them. Values stay typed (``date``, ``Decimal``):
templates format them with the French filters and never compute with them. Keys listed in
``DATE_KEYS`` / ``MONTANT_KEYS`` always exist (``None`` when unknown), so a template can test
them with ``{% if dates.notification_autorisation %}`` whatever the procedure.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Optional

from ..case.model import Adresse, Dossier, Salarie
from ..engine.compute import CONTRACT_AMOUNT_KEYS, CONTRACT_DATE_KEYS
from ..engine.documents import at_distance, handover_documents_state_dates
from ..engine.facts import CaseResult, EmployeeResult
from ..engine.procedure_rules import DECISION_TEXT
from . import labels

# The contract's keys (defined once, in the engine) plus the added dates the templates use.
DATE_KEYS = CONTRACT_DATE_KEYS + (
    "entretien_prealable",
    "derniere_reunion_cse",
    "decision_administration",
    "notification_autorisation",
    "enonce_motif",
    "fin_preavis",
    "fin_delai_reflexion_21_jours",
    "envoi_documents",
    # the follow-up documents' dates (issue 10, engine/timeline.py), None while not due
    "confirmation_remise",
    "notification_nouvelle_echeance",
)

MONTANT_KEYS = CONTRACT_AMOUNT_KEYS

CONDITION_KEYS = (
    "salarie_protege",
    "pse",
    "anciennete_moins_un_an",
    "maternite",
    "cadre",
    "procedure_collective_judiciaire",
    # the documents dated at the handover cannot state the authorisation decision nor the last day
    # of the reflection period (protected employee, decision not notified by the handover, R-51)
    "decision_autorisation_attendue_a_la_remise",
    "regime_inconnu",  # no known convention for the procedure's date (A11)
    "liquidation",
    "redressement",
    # L1225-4 al. 1: the letter and the motive statement state why the contract cannot be maintained
    "protection_relative_maternite",
    # who signs in a collective procedure (C. com. L641-9, L631-12)
    "signature_mandataire_seul",
    "signature_conjointe",
    # the 1-year threshold depends on a letter date not chosen yet: the documents assert neither side
    "anciennete_un_an_incertaine",
)

# Handover modes where the documents are posted before the (unknown) day they reach the employee.


class ContexteIncomplet(ValueError):
    """The engine's result lacks a fact the templates rely on."""


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _adresse(a: Adresse) -> dict[str, Any]:
    return {
        "rue": a.rue,
        "complement": a.complement,
        "code_postal": a.code_postal,
        "ville": a.ville,
        # La Poste's last line: postcode and town in capitals, without accents.
        "ligne_acheminement": f"{a.code_postal} {_fold(a.ville).upper()}",
    }


def _siret(siret: Optional[str]) -> Optional[str]:
    if not siret:
        return None
    return f"{siret[0:3]} {siret[3:6]} {siret[6:9]} {siret[9:14]}"


def _employeur(dossier: Dossier) -> dict[str, Any]:
    e = dossier.employeur
    denomination = f"{e.raison_sociale} {e.forme_juridique}" if e.forme_juridique else e.raison_sociale
    return {
        "raison_sociale": e.raison_sociale,
        "forme_juridique": e.forme_juridique,
        "denomination": denomination,
        "siret": e.siret,
        "siret_formate": _siret(e.siret),
        "adresse": _adresse(e.adresse),
        "effectif": e.effectif,
        "effectif_groupe": e.effectif_groupe,
        "procedure_collective": e.procedure_collective,
        "procedure_collective_libelle": labels.PROCEDURES_COLLECTIVES.get(e.procedure_collective or ""),
        "date_jugement": e.date_jugement,
        "signataire": {"nom": e.signataire.nom, "qualite": e.signataire.qualite},
        # the court-appointed officer (liquidateur, administrateur judiciaire) who signs, or None
        "mandataire": _personne(getattr(e, "mandataire", None)),
        # redressement: the ordonnance authorising the dismissals (C. com. L631-17), or None
        "ordonnance_juge_commissaire": (
            {"date": e.ordonnance_juge_commissaire.date, "objet": e.ordonnance_juge_commissaire.objet}
            if e.ordonnance_juge_commissaire else None),
    }


def _personne(p: Any) -> Optional[dict[str, str]]:
    return {"nom": p.nom, "qualite": p.qualite} if p is not None else None


def _procedure(dossier: Dossier) -> dict[str, Any]:
    p = dossier.procedure
    m = p.motif_economique
    return {
        "type": p.type,
        "type_libelle": labels.TYPES_PROCEDURE[p.type],
        "date_engagement": p.date_engagement,
        "date_entretien_prealable": p.date_entretien_prealable,
        "cse": p.cse,
        "date_derniere_reunion_cse": p.date_derniere_reunion_cse,
        "date_notification_projet_administration": p.date_notification_projet_administration,
        "date_decision_administration": p.date_decision_administration,
        "motif_economique": {
            "cause": m.cause,
            "cause_libelle": labels.CAUSES[m.cause],
            "faits": m.faits,
            "consequence": m.consequence,
            "consequence_libelle": labels.CONSEQUENCES[m.consequence],
        },
        "reclassement": p.reclassement,
        "lieu_remise": p.lieu_remise or dossier.employeur.adresse.ville,
        # PSE: "la décision d'homologation du document unilatéral (DREETS …)", or None when the case
        # does not say which decision it is
        "decision_administration_libelle": _decision(p),
        "decision_administration_implicite": bool(p.decision_administration and p.decision_administration.implicite),
    }


def _decision(p: Any) -> Optional[str]:
    d = p.decision_administration
    if d is None:
        return None
    text = DECISION_TEXT[(d.nature, d.implicite)]
    return f"{text} ({d.autorite})" if d.autorite else text


def _salarie(s: Salarie) -> dict[str, Any]:
    feminin = s.civilite == "Madame"
    return {
        "matricule": s.matricule,
        "civilite": s.civilite,
        "prenom": s.prenom,
        "nom": s.nom,
        "prenom_nom": f"{s.prenom} {s.nom}",
        "nom_complet": f"{s.civilite} {s.prenom} {s.nom}",
        "feminin": feminin,
        "e": "e" if feminin else "",  # agreement: "convoqué{{ salarie.e }}"
        "le_salarie": "la salariée" if feminin else "le salarié",
        "au_salarie": "à la salariée" if feminin else "au salarié",
        "du_salarie": "de la salariée" if feminin else "du salarié",
        # L1225-4 al. 1: the reason the contract cannot be maintained, or None
        "impossibilite_maintien_contrat": s.impossibilite_maintien_contrat,
        "adresse": _adresse(s.adresse),
        "emploi": s.emploi,
        "date_entree": s.date_entree,
        "cadre": s.cadre,
        "mode_remise": s.mode_remise,
        "mode_remise_libelle": labels.MODES_REMISE[s.mode_remise],
        "reponse": {"decision": s.reponse.decision, "date": s.reponse.date} if s.reponse else None,
    }


def _complete(source: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {key: None for key in keys}
    out.update(source)
    return out


def _conditions(rs: EmployeeResult) -> dict[str, bool]:
    missing = [key for key in CONDITION_KEYS if key not in rs.conditions]
    if missing:
        raise ContexteIncomplet(
            f"salarié {rs.employee.matricule} : conditions absentes du résultat du moteur : "
            + ", ".join(missing)
        )
    return {key: bool(value) for key, value in rs.conditions.items()}


def _circonstance(circonstance: str, procedure: dict[str, Any]) -> Optional[str]:
    """The handover circumstance in words; a PSE names its decision when the case says which (R-70)."""
    decision = procedure.get("decision_administration_libelle")
    if circonstance == "lendemain_decision_administration" and decision:
        how = "l'acquisition" if procedure.get("decision_administration_implicite") else "la notification"
        return f"au lendemain de {how} de {decision} portant plan de sauvegarde de l'emploi"
    return labels.CIRCONSTANCES_REMISE.get(circonstance)


def _remise(rs: EmployeeResult, procedure: dict[str, Any], conditions: dict[str, bool]) -> dict[str, Any]:
    """The handover as the documents dated at it can state it.

    ``a_distance``: documents posted (LRAR) or sent electronically; the handover is the day they
    reach the employee, unknown when they are sent (R-14): they state the rule, not the dates.
    ``echeance_connue``: the documents dated at the handover may state the last day of the
    reflection period and the dates that follow from it (not at a distance, nor while a protected
    employee's authorisation is awaited). ``date_document``: the date of the information document
    and of the motive statement (the posting date at a distance, when given; else the handover).
    """
    mode = rs.employee.mode_remise
    a_distance = at_distance(mode)
    envoi = rs.dates.get("envoi_documents")
    return {
        "date": rs.dates.get("remise"),
        "date_document": envoi if a_distance and envoi is not None else rs.dates.get("remise"),
        "lieu": procedure["lieu_remise"],
        "circonstance": rs.handover_circumstance,
        "circonstance_libelle": _circonstance(rs.handover_circumstance, procedure),
        "mode": mode,
        "a_distance": a_distance,
        "echeance_connue": handover_documents_state_dates(
            mode, conditions["decision_autorisation_attendue_a_la_remise"]),  # one engine rule (issue 9)
    }


PARAMETRE_KEYS = ("taux_asp", "taux_asp_pourcent", "duree_delai_reflexion_jours", "plafond_contribution_mois",
                  "duree_delai_reflexion_lettres", "duree_delai_reflexion_ordinal", "plafond_contribution_lettres",
                  "duree_csp_mois", "duree_csp_lettres", "duree_priorite_reembauche_mois",
                  "duree_priorite_reembauche_lettres", "anciennete_minimale_asp_mois", "anciennete_minimale_asp_lettres")


def _parametres(rs: EmployeeResult) -> dict[str, Any]:
    return _complete(dict(getattr(rs, "parameters", None) or {}), PARAMETRE_KEYS)


def build_context(resultat: CaseResult, rs: EmployeeResult) -> dict[str, Any]:
    """All variables of one employee's documents (the same dict serves the four artefacts)."""
    dossier = resultat.case
    procedure = _procedure(dossier)
    lettre = dict(rs.letter)
    lettre["variante_libelle"] = labels.VARIANTES_LETTRE.get(lettre.get("variante", ""))
    conditions = _conditions(rs)
    # the regime of this employee (R-04: Mayotte has its own convention), else the case's
    regime = getattr(rs, "regime", None) or resultat.regime
    return {
        "employeur": _employeur(dossier),
        "procedure": procedure,
        "salarie": _salarie(rs.employee),
        "dates": _complete(rs.dates, DATE_KEYS),
        "montants": _complete(rs.amounts, MONTANT_KEYS),
        "lettre": lettre,
        # the operator as named at the handover (information document, receipt, motive statement)
        "operateur": rs.operator,
        # the operator as named at the letter's dispatch (mentions.md: the name follows each document's date)
        "operateur_lettre": getattr(rs, "letter_operator", None) or rs.operator,
        # the contribution is paid to the operator named at its due date (may differ, D41)
        "operateur_paiement": getattr(rs, "payment_operator", None) or rs.operator,
        "zone": rs.zone,
        "regime": dict(regime),
        # dated values (ASP rate, length of the period, contribution cap): never restated in a template
        "parametres": _parametres(rs),
        "circonstance_remise": rs.handover_circumstance,
        "remise": _remise(rs, procedure, conditions),
        "conditions": conditions,
        "explications": {
            e.path: {"valeur": e.value, "raisonnement": e.reasoning, "sources": list(e.sources)}
            for e in rs.explanations
        },
        "avertissements": list(resultat.warnings) + list(rs.warnings),
    }
