"""Dated parameters (cspdocs/rules/parametres.yaml): validated, typed, looked up by the event the law designates.

Each parameter declares which dated event of the case selects its period (``date_de_reference``, an
``Evenement``). The engine passes the events it knows and the parameter chooses among them:

    >>> resolve("duree_delai_reflexion_jours", remise=date(2026, 3, 3)).valeur
    21

An unknown parameter, or a call that does not give the selecting event, is a programming error
(``ParametreInconnu``, ``EvenementManquant``); a date outside every period is not: ``resolve``
returns the nearest known period with ``hors_periode`` set, and the engine warns (A11).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .yaml_data import load_yaml

RULES_DIR = Path(__file__).parent
PARAMETERS_FILE = RULES_DIR / "parametres.yaml"


class Evenement(str, Enum):
    """The dated events of a case a parameter may be selected by."""

    ENGAGEMENT = "engagement"  # engagement of the procedure (R-05, A10)
    CONVOCATION = "convocation"  # presentation of the convocation to the interview
    ENTRETIEN_PREALABLE = "entretien_prealable"
    NOTIFICATION_PROJET = "notification_projet"  # notification of the project to the administration
    REMISE = "remise"  # handover of the CSP documents
    DOCUMENT = "document"  # the date a document bears, or a payment's due date (the operator's name)
    LETTRE_OU_REMISE = "lettre_ou_remise"  # the dismissal letter, or the handover when none is dated
    APPRECIATION_ANCIENNETE = "appreciation_anciennete"  # the day seniority gives rights
    FIN_DELAI_REFLEXION = "fin_delai_reflexion"
    RUPTURE = "rupture"
    DEBUT_CSP = "debut_csp"  # the day after the rupture
    JUGEMENT = "jugement"  # opening judgment of the collective proceedings


UNITS = {
    "texte": str, "taux": str, "fraction": str, "jours_calendaires": int, "jours_ouvrables": int,
    "semaines": int, "mois": int, "jour_du_mois": int, "salaries": int, "licenciements": int,
}


class ParametreInconnu(KeyError):
    """A parameter name absent from parametres.yaml."""


class EvenementManquant(ValueError):
    """The caller did not pass the event that selects the parameter."""


class ParametresInvalides(ValueError):
    """parametres.yaml breaks its schema (French message naming the parameter and the key)."""


@dataclass(frozen=True)
class Period:
    du: date
    au: Optional[date]
    valeur: Any
    reference: str
    sources: tuple[str, ...] = ()

    def covers(self, on: date) -> bool:
        return self.du <= on and (self.au is None or on <= self.au)


@dataclass(frozen=True)
class Parameter:
    name: str
    libelle: str
    unite: Any  # a unit, or {member: unit} for a composite value
    date_de_reference: Evenement
    regle: str
    periodes: tuple[Period, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_event", self.date_de_reference.value)  # read on every lookup: no enum access

    def at(self, on: date) -> Optional[Period]:
        for period in self.periodes:
            if period.covers(on):
                return period
        return None

    def nearest(self, on: date) -> Period:
        return self.periodes[0] if on < self.periodes[0].du else self.periodes[-1]


@dataclass(frozen=True)
class Resolution:
    """A parameter's value on the date of its selecting event."""

    parametre: Parameter
    le: date  # the selecting event's date
    periode: Period  # the period in force, or the nearest one when ``hors_periode``
    hors_periode: bool

    @property
    def valeur(self) -> Any:
        return self.periode.valeur

    @property
    def reference(self) -> str:
        return self.periode.reference


_KEYS = {"libelle", "unite", "date_de_reference", "regle", "periodes"}
_PERIOD_KEYS = {"du", "au", "valeur", "reference", "sources"}


def _check_value(name: str, unit: Any, value: Any, errors: list[str]) -> None:
    if isinstance(unit, dict):
        if not isinstance(value, dict) or set(value) != set(unit):
            errors.append(f"{name} : valeur {value!r} : membres attendus {sorted(unit)}")
            return
        for member, sub in unit.items():
            _check_value(f"{name}.{member}", sub, value[member], errors)
        return
    expected = UNITS.get(unit)
    if expected is None:
        errors.append(f"{name} : unité inconnue « {unit} » (attendu : {', '.join(UNITS)})")
    elif not isinstance(value, expected) or isinstance(value, bool):
        errors.append(f"{name} : valeur {value!r} : {expected.__name__} attendu pour l'unité « {unit} »")


def _parse(raw: dict[str, Any], known_sources: set[str], known_rules: set[str]) -> dict[str, Parameter]:
    errors: list[str] = []
    out: dict[str, Parameter] = {}
    events = {e.value for e in Evenement}
    for name, spec in raw.items():
        if not isinstance(spec, dict) or set(spec) != _KEYS:
            errors.append(f"{name} : clés attendues {sorted(_KEYS)}")
            continue
        if spec["date_de_reference"] not in events:
            errors.append(f"{name}.date_de_reference : « {spec['date_de_reference']} » n'est pas un événement "
                          f"({', '.join(sorted(events))})")
            continue
        if spec["regle"] not in known_rules:
            errors.append(f"{name}.regle : code « {spec['regle']} » absent de regles.yaml")
        periods = []
        for i, p in enumerate(spec["periodes"] or ()):
            where = f"{name}.periodes[{i}]"
            if not isinstance(p, dict) or set(p) != _PERIOD_KEYS:
                errors.append(f"{where} : clés attendues {sorted(_PERIOD_KEYS)}")
                continue
            if not isinstance(p["du"], date) or not (p["au"] is None or isinstance(p["au"], date)):
                errors.append(f"{where} : « du » et « au » sont des dates (au : null pour « jusqu'à nouvel ordre »)")
                continue
            unknown = [s for s in p["sources"] if s not in known_sources]
            if unknown or not p["sources"]:
                errors.append(f"{where}.sources : identifiants absents de sources.yaml : {unknown or '(aucun)'}")
            if not p["reference"]:
                errors.append(f"{where}.reference : vide")
            _check_value(where + ".valeur", spec["unite"], p["valeur"], errors)
            periods.append(Period(p["du"], p["au"], p["valeur"], p["reference"], tuple(p["sources"])))
        if not periods:
            errors.append(f"{name}.periodes : aucune période")
            continue
        out[name] = Parameter(name, spec["libelle"], spec["unite"], Evenement(spec["date_de_reference"]),
                              spec["regle"], tuple(periods))
    if errors:
        raise ParametresInvalides(f"{PARAMETERS_FILE.name} invalide :\n  " + "\n  ".join(errors))
    return out


@lru_cache(maxsize=1)
def parameters() -> dict[str, Parameter]:
    from .registre import regles, sources

    raw = load_yaml(PARAMETERS_FILE.read_text(encoding="utf-8"))
    return _parse(raw, set(sources()), set(regles()))


def parameter(name: str) -> Parameter:
    try:
        return parameters()[name]
    except KeyError:
        raise ParametreInconnu(f"paramètre inconnu : « {name} » (absent de {PARAMETERS_FILE.name})") from None


@lru_cache(maxsize=8192)
def lookup(name: str, on: date) -> Optional[Period]:
    """The period of parameter ``name`` in force on ``on``, or None when no known text covers it."""
    return parameter(name).at(on)


def resolve(name: str, **events: Optional[date]) -> Resolution:
    """The value of ``name`` on the date of the event it is selected by, among ``events``
    (keyword = ``Evenement`` value). Outside every period: the nearest period, ``hors_periode``."""
    params = parameters()
    param = params[name] if name in params else parameter(name)
    on = events.get(param._event)
    if on is None:
        raise EvenementManquant(f"{name} se choisit à la date « {param.date_de_reference.value} », "
                                f"non fournie (fournies : {', '.join(k for k, v in events.items() if v) or 'aucune'})")
    return _resolve(param.name, on)


@lru_cache(maxsize=8192)
def _resolve(name: str, on: date) -> Resolution:
    param = parameters()[name]
    found = param.at(on)
    return Resolution(param, on, found or param.nearest(on), found is None)


def rules_files() -> tuple[Path, ...]:
    """The data files whose hashes go into the manifest."""
    return tuple(sorted(RULES_DIR.glob("*.yaml")))
