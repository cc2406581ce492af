"""Facts a mention file can refer to, and its declarative conditions.

A mention file never runs code: it names facts by dotted paths and combines them with a few
condition keys. Paths:

- ``parametres.X``: the dated values a document states (``taux_asp_pourcent``,
  ``duree_delai_reflexion_jours``, ``plafond_contribution_mois``), as the engine looked them up;
- ``dates.X``, ``montants.X``, ``lettre.X``, ``conditions.X``, ``operateur`` (named at the
  handover), ``operateur_lettre`` (named at the letter's dispatch), ``zone``,
  ``circonstance_remise``: the engine's result for the employee (``EmployeeResult``);
- ``salarie.X`` (e.g. ``salarie.nom``, ``salarie.reponse.date``, ``salarie.prenom_nom``),
  ``employeur.X`` (e.g. ``employeur.signataire.nom``), ``procedure.X`` (e.g.
  ``procedure.motif_economique.faits``): the case file;
- ``remise.lieu`` (place of the handover: ``procedure.lieu_remise``, else the employer's town),
  ``reponse.acceptation`` / ``reponse.refus`` (date of the employee's answer, if any).

Conditions (a mapping; several keys = all must hold):

- ``variante``, ``circonstance_remise``, ``mode_remise``, ``procedure``, ``zone``, ``cause``,
  ``consequence``, ``operateur``, ``operateur_lettre``: the value (or one of the list of values) of that fact;
- any flag of ``conditions`` (``salarie_protege``, ``pse``, ``anciennete_moins_un_an``,
  ``maternite``, ``cadre``, ``procedure_collective_judiciaire``, ``accepte``, ``refuse``...):
  ``true`` or ``false``;
- ``connu: PATH`` / ``inconnu: PATH`` (or a list of paths): the fact is known (not ``None``);
- ``produit: ARTEFACT`` (information, recepisse, lettre, motif): the document exists for the employee,
  by the engine's rule that generate obeys too (engine/documents.omission);
- ``tous: [c1, c2]``, ``un_de: [c1, c2]``, ``non: c``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping, Optional

from ..engine.documents import ARTEFACT_KEYS, omission
from ..engine.facts import CaseResult, EmployeeResult

_MISSING = object()

# Condition keys naming a single fact (key -> path).
FACT_KEYS = {
    "variante": "lettre.variante",
    "circonstance_remise": "circonstance_remise",
    "mode_remise": "salarie.mode_remise",
    "procedure": "procedure.type",
    "zone": "zone",
    "cause": "procedure.motif_economique.cause",
    "consequence": "procedure.motif_economique.consequence",
    "operateur": "operateur",
    "operateur_lettre": "operateur_lettre",
}
COMBINATORS = ("tous", "un_de", "non", "connu", "inconnu")
# Flags of EmployeeResult.conditions that conditions may test (others are accepted too when the
# engine provides them; this list serves to validate the mention files).
FLAGS = (
    "salarie_protege",
    "pse",
    "anciennete_moins_un_an",
    "anciennete_un_an_ou_plus",
    "maternite",
    "cadre",
    "procedure_collective_judiciaire",
    "autorisation_refusee",
    "accepte",
    "refuse",
    "decision_autorisation_attendue_a_la_remise",
    "remise_a_distance",
    "echeance_connue_a_la_remise",
    "regime_inconnu",
    "liquidation",
    "redressement",
    "protection_relative_maternite",
    "signature_mandataire_seul",
    "signature_conjointe",
    "anciennete_un_an_incertaine",
)
ROOTS = (
    "dates",
    "montants",
    "lettre",
    "conditions",
    "operateur",
    "operateur_lettre",
    "zone",
    "circonstance_remise",
    "salarie",
    "employeur",
    "procedure",
    "remise",
    "reponse",
    "parametres",
)


class ConditionInvalide(ValueError):
    """A condition of a mention file uses an unknown key or a malformed value."""


@dataclass(frozen=True)
class Faits:
    """Read-only view of one employee's facts for the mention files.

    The facts do not change while their documents are checked: each path is read once per
    employee (``_values``), however many conditions, mentions and documents ask for it again."""

    dossier: CaseResult
    salarie: EmployeeResult
    _values: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def get(self, path: str, default: Any = None) -> Any:
        try:
            value = self._values[path]
        except KeyError:
            value = self._values[path] = self._get(path)
        return default if value is _MISSING else value

    def has_path(self, path: str) -> bool:
        return self.get(path, _MISSING) is not _MISSING

    def _get(self, path: str) -> Any:
        rs, case = self.salarie, self.dossier.case
        root, _, rest = path.partition(".")
        if root == "dates":
            return rs.dates.get(rest, None) if rest else _MISSING
        if root == "montants":
            return rs.amounts.get(rest, None) if rest else _MISSING
        if root == "lettre":
            return rs.letter.get(rest, None) if rest else _MISSING
        if root == "conditions":
            return rs.conditions.get(rest, None) if rest else _MISSING
        if root == "parametres":  # dated values the documents state (rate, durations)
            return (getattr(rs, "parameters", None) or {}).get(rest, None) if rest else _MISSING
        if root in ("operateur", "zone", "circonstance_remise") and not rest:
            return getattr(rs, {"circonstance_remise": "handover_circumstance", "operateur": "operator"}.get(root, root))
        if root == "operateur_lettre" and not rest:
            return getattr(rs, "letter_operator", None) or rs.operator
        if root == "salarie":
            if rest == "prenom_nom":
                return f"{rs.employee.prenom} {rs.employee.nom}"
            return _walk(rs.employee, rest)
        if root == "employeur":
            return _walk(case.employeur, rest)
        if root == "procedure":
            return _walk(case.procedure, rest)
        if root == "remise" and rest == "lieu":
            return case.procedure.lieu_remise or case.employeur.adresse.ville
        if root == "reponse" and rest in ("acceptation", "refus"):
            rep = rs.employee.reponse
            return rep.date if rep is not None and rep.decision == rest else None
        return _MISSING

    # -- conditions ---------------------------------------------------------------------

    def holds(self, condition: Optional[Mapping[str, Any]]) -> bool:
        if not condition:
            return True
        return predicate(condition)(self)

    def _produced(self, artefact: str) -> bool:
        """``produit: lettre``: the engine's rule of whether the document exists (engine/documents.py)."""
        rs = self.salarie
        return omission(artefact, rs.employee.mode_remise, bool(rs.conditions.get("autorisation_refusee")),
                        rs.dates.get("envoi_lettre"), rs.letter.get("variante"), rs.dates.get("fin_delai_reflexion")) is None


# Each condition of the mention files read once into a predicate (nested functions, the keys in
# their order, each combinator stopping at the first answer, as reading the mapping would), by the
# condition's identity (the mapping is kept with it, so that its id is never another's); bounded.
_PREDICATES: dict[int, tuple[Mapping[str, Any], Callable[["Faits"], bool]]] = {}
_MAX_PREDICATES = 4096
Predicate = Callable[["Faits"], bool]


def predicate(condition: Optional[Mapping[str, Any]]) -> Predicate:
    """``condition`` as a function of the facts: ``predicate(c)(faits) == faits.holds(c)``."""
    if not condition:
        return _always
    found = _PREDICATES.get(id(condition))
    if found is None or found[0] is not condition:
        if len(_PREDICATES) >= _MAX_PREDICATES:
            _PREDICATES.clear()
        found = _PREDICATES[id(condition)] = (condition, _predicate(condition))
    return found[1]


def _always(faits: "Faits") -> bool:
    return True


def _predicate(condition: Optional[Mapping[str, Any]]) -> Predicate:
    if not condition:
        return _always
    parts = [_key_predicate(key, value) for key, value in condition.items()]
    if len(parts) == 1:
        return parts[0]
    return lambda faits: all(p(faits) for p in parts)


def _key_predicate(key: str, value: Any) -> Predicate:
    if key in ("tous", "un_de"):
        subs = [_predicate(c) for c in value]
        if key == "tous":
            return lambda faits: all(p(faits) for p in subs)
        return lambda faits: any(p(faits) for p in subs)
    if key == "non":
        sub = _predicate(value)
        return lambda faits: not sub(faits)
    if key in ("connu", "inconnu"):
        paths = tuple(value) if isinstance(value, list) else (value,)
        if key == "connu":
            return lambda faits: all(faits.get(p) is not None for p in paths)
        return lambda faits: all(faits.get(p) is None for p in paths)
    if key in FACT_KEYS:
        path = FACT_KEYS[key]
        if isinstance(value, list):
            return lambda faits: faits.get(path) in value
        return lambda faits: faits.get(path) == value
    if key == "produit":
        return lambda faits: faits._produced(value)
    expected = bool(value)
    return lambda faits: bool(faits.salarie.conditions.get(key, False)) == expected


def _walk(obj: Any, rest: str) -> Any:
    if not rest:
        return _MISSING
    for part in rest.split("."):
        if obj is None:
            return None
        if isinstance(obj, Mapping):
            if part not in obj:
                return _MISSING
            obj = obj[part]
        elif hasattr(obj, part):
            obj = getattr(obj, part)
        else:
            return _MISSING
    return obj


def validate_condition(condition: Any, where: str) -> None:
    """Raise ConditionInvalide (French message) when ``condition`` is malformed."""
    if condition is None:
        return
    if not isinstance(condition, Mapping):
        raise ConditionInvalide(f"{where} : une condition doit être un dictionnaire, pas « {condition!r} »")
    for key, value in condition.items():
        if key in ("tous", "un_de"):
            if not isinstance(value, list) or not value:
                raise ConditionInvalide(f"{where} : « {key} » attend une liste de conditions")
            for i, sub in enumerate(value):
                validate_condition(sub, f"{where}.{key}[{i}]")
        elif key == "non":
            validate_condition(value, f"{where}.non")
        elif key in ("connu", "inconnu"):
            paths = value if isinstance(value, list) else [value]
            for path in paths:
                validate_path(path, f"{where}.{key}")
        elif key == "produit":
            if value not in ARTEFACT_KEYS:
                raise ConditionInvalide(f"{where}.produit : « {value} » n'est pas un document ({', '.join(ARTEFACT_KEYS)})")
        elif key in FACT_KEYS:
            if not isinstance(value, (str, list)):
                raise ConditionInvalide(f"{where} : « {key} » attend une valeur ou une liste de valeurs")
        elif key in FLAGS:
            if not isinstance(value, bool):
                raise ConditionInvalide(f"{where} : « {key} » attend true ou false")
        else:
            raise ConditionInvalide(
                f"{where} : clé de condition inconnue « {key} » (clés admises : "
                + ", ".join(sorted((*FACT_KEYS, *FLAGS, *COMBINATORS)))
                + ")"
            )


def validate_path(path: Any, where: str) -> None:
    if not isinstance(path, str) or path.split(".")[0] not in ROOTS:
        raise ConditionInvalide(
            f"{where} : chemin de fait inconnu « {path} » (racines admises : {', '.join(ROOTS)})"
        )


def as_date(value: Any) -> Optional[date]:
    return value if isinstance(value, date) else None
