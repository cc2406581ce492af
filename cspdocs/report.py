"""Computed facts as the public JSON contract (case-format.md) and as a readable French report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .engine.amounts import eur
from .engine.citations import fact_source_ids
from .formats import plain_decimal
from .engine.compute import CONTRACT_AMOUNT_KEYS, CONTRACT_DATE_KEYS
from .engine.dates import fr
from .engine.facts import CaseResult, EmployeeResult


def _plain(value: Any) -> Any:
    """JSON-ready value: ISO dates, Decimal as numbers (integral ones as integers)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _ordered(values: dict[str, Any], contract: tuple[str, ...]) -> dict[str, Any]:
    """Contract keys first, in the contract's order, then the added keys alphabetically."""
    out = {k: _plain(values.get(k)) for k in contract}
    out.update({k: _plain(values[k]) for k in sorted(values) if k not in contract})
    return out


def _constat_json(f) -> dict[str, Any]:
    """A finding as data (engine/findings.py): ``avertissements`` is the list of their lines."""
    return {"code": f.code, "niveau": f.level, "chemin": list(f.loc), "message": f.message, "sources": list(f.sources)}


def _explication_json(e) -> dict[str, Any]:
    return {"fait": e.path, "valeur": _plain(e.value), "raisonnement": e.reasoning, "sources": list(e.sources)}


def _faits_json(r: EmployeeResult) -> dict[str, Any]:
    """Added key: each explained fact's rule (regles.yaml) and its sources as ids (sources.yaml)."""
    return {e.path: {"regle": e.rule, "source_ids": fact_source_ids(e.sources),
                     "termes": {name: _plain(value) for name, value in e.terms.items()}} for e in r.explanations}


def salarie_json(r: EmployeeResult) -> dict[str, Any]:
    return {
        "matricule": r.employee.matricule,
        "operateur": r.operator,
        "dates": _ordered(r.dates, CONTRACT_DATE_KEYS),
        "lettre": _plain(r.letter),
        "montants": _ordered(r.amounts, CONTRACT_AMOUNT_KEYS),
        "explications": [_explication_json(e) for e in r.explanations],
        "avertissements": list(r.warnings),
        # added keys
        "zone": r.zone,
        "circonstance_remise": r.handover_circumstance,
        "operateur_paiement": r.payment_operator,
        "constats": [_constat_json(f) for f in r.constats],
        "faits": _faits_json(r),
    }


def dossier_json(res: CaseResult, salaries: tuple[EmployeeResult, ...] | None = None) -> dict[str, Any]:
    regime = res.regime
    return {
        "dossier": res.name,
        "regime": {
            "texte": regime.get("texte"),
            "valable_jusqu_au": _plain(regime.get("valable_jusqu_au")),
            # added keys
            "date_engagement": _plain(regime.get("date_engagement")),
            "reference": regime.get("reference"),
        },
        "salaries": [salarie_json(r) for r in (res.employees if salaries is None else salaries)],
        "avertissements": list(res.warnings),
        # added key
        "constats": [_constat_json(f) for f in res.constats],
    }


def case_warnings(res: CaseResult, salaries=None) -> list[str]:
    """Every warning of the case, then of each employee (prefixed by the matricule): what
    ``check`` shows beside its mention report (issue 8: every finding reaches every output)."""
    chosen = res.employees if salaries is None else salaries
    return list(res.warnings) + [f"({r.employee.matricule}) {w}" for r in chosen for w in r.warnings]


# --- French text report ------------------------------------------------------------------

_DATE_LABELS = (
    ("remise", "Remise des documents"),
    ("debut_delai_reflexion", "Début du délai de réflexion"),
    ("fin_delai_reflexion", "Fin du délai de réflexion (24 h)"),
    ("envoi_lettre_au_plus_tot", "Envoi de la lettre au plus tôt"),
    ("envoi_lettre", "Envoi prévu de la lettre"),
    ("rupture_si_acceptation", "Rupture en cas d'acceptation"),
    ("debut_csp", "Début du CSP"),
    ("fin_10e_mois_csp", "Fin du 10e mois du CSP"),
    ("fin_csp", "Fin du CSP (12 mois)"),
    ("echeance_contribution_employeur", "Échéance de la contribution"),
    ("fin_priorite_reembauche", "Fin de la priorité de réembauche"),
)
_RECORDED_DATE_LABELS = (
    ("fin_preavis_refus", "Fin du préavis (refus)"),
)
_AMOUNT_LABELS = (
    ("salaire_reference", "Salaire de référence"),
    ("indemnite_preavis", "Indemnité de préavis"),
    ("contribution_employeur", "Contribution à l'opérateur"),
    ("contribution_employeur_charges_comprises", "Contribution charges comprises"),
    ("excedent_preavis_salarie", "Préavis versé au salarié"),
    ("indemnite_legale_licenciement", "Indemnité légale de licenciement"),
    ("indemnite_licenciement_due", "Indemnité de licenciement due"),
    ("asp_journaliere", "ASP journalière (estimation)"),
)
_VARIANTS = {
    "conservatoire": "lettre conservatoire (rappel du délai ; vaut licenciement en cas de refus)",
    "apres_acceptation": "lettre postérieure à l'acceptation (sans notification de licenciement)",
    "licenciement": "lettre de licenciement pour motif économique",
    None: "inconnue",
}


def _num(v: Any) -> str:
    return "—" if v is None else plain_decimal(v)


def _money(v: Any) -> str:
    return "—" if v is None else eur(v)


def salarie_text(r: EmployeeResult, detail: bool = True) -> str:
    s = r.employee
    lines = [f"{s.civilite} {s.prenom} {s.nom} (matricule {s.matricule}) — zone {r.zone}, opérateur {r.operator}", ""]
    lines.append("  Calendrier")
    for key, label in _DATE_LABELS:
        lines.append(f"    {label:<36} {fr(r.dates.get(key))}")
    for key, label in _RECORDED_DATE_LABELS:  # only once the case records what makes them known
        if r.dates.get(key) is not None:
            lines.append(f"    {label:<36} {fr(r.dates[key])}")
    lines.append(f"    {'Lettre recommandée':<36} {_VARIANTS[r.letter.get('variante')]}")
    m = r.amounts
    lines += ["", "  Montants"]
    lines.append(f"    {'Ancienneté (fin du préavis)':<36} {_num(m['anciennete_annees'])} ans")
    lines.append(f"    {'Préavis':<36} {_num(m['preavis_mois'])} mois")
    for key, label in _AMOUNT_LABELS:
        lines.append(f"    {label:<36} {_money(m.get(key))}")
    pen = m.get("penalite_defaut_proposition") or {"refus": None, "adhesion": None}
    lines.append(f"    {'Pénalité si CSP non proposé':<36} {_money(pen['refus'])} (refus) / {_money(pen['adhesion'])} (adhésion)")
    if detail:
        lines += ["", "  Explications"]
        for e in r.explanations:
            lines.append(f"    • {e.path} : {e.reasoning}")
            if e.sources:
                lines.append(f"      Sources : {' ; '.join(e.sources)}")
    if r.warnings:
        lines += ["", "  Avertissements"]
        lines += [f"    ⚠ {w}" for w in r.warnings]
    return "\n".join(lines)


def dossier_text(res: CaseResult, salaries: tuple[EmployeeResult, ...] | None = None, detail: bool = True) -> str:
    regime = res.regime
    head = [
        f"Dossier {res.name} — {res.case.employeur.raison_sociale}",
        f"Régime : {regime.get('texte') or 'inconnu'}"
        + (f" (valable jusqu'au {fr(regime.get('valable_jusqu_au'))})" if regime.get("valable_jusqu_au") else ""),
    ]
    head += [f"⚠ {w}" for w in res.warnings]
    blocks = ["\n".join(head)] + [salarie_text(r, detail) for r in (res.employees if salaries is None else salaries)]
    return ("\n\n" + "─" * 78 + "\n\n").join(blocks) + "\n"
