"""The scenario matrix of ``cspdocs lint``: case models covering every condition of the mention files.

Each scenario is a small, valid case file (one employee) built as data, validated by the case
model and its cross-field checks, and computed by the real engine: the linter renders every
template for every scenario and checks its mentions. The matrix (scenario_matrix.py) covers each
procedure type (individuel, collectif de moins de 10, collectif de 10 et plus avec et sans CSE,
PSE), each letter variant, each handover circumstance and mode, protected employees
(authorisation known, pending, refused), maternity, seniority under one year, cadre, each zone
family (métropole, Alsace-Moselle, La Réunion, Mayotte), redressement and liquidation judiciaires,
each economic cause and consequence, the operator's former name (before 2024), a group, and
minimal / complete optional data. ``scenario_coverage.coverage`` lists the mention conditions no
scenario exercises.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..case.model import Dossier
from ..engine.case_checks import check_dossier
from ..engine.compute import compute_dossier
from ..engine.facts import CaseResult, EmployeeResult
from .scenario_matrix import SCENARIOS


@dataclass(frozen=True)
class Scenario:
    id: str
    libelle: str  # French description
    dossier: dict[str, Any]  # the case file, as data

    def model(self) -> Dossier:
        return Dossier.model_validate(self.dossier)


@dataclass(frozen=True)
class ComputedScenario:
    scenario: Scenario
    resultat: CaseResult
    salarie: EmployeeResult

    @property
    def id(self) -> str:
        return self.scenario.id

    @property
    def libelle(self) -> str:
        return self.scenario.libelle


class ScenarioInvalide(ValueError):
    pass


def _case(employeur: dict, procedure: dict, salarie: dict) -> dict[str, Any]:
    """A one-employee case file, its own copy of the matrix's data."""
    return copy.deepcopy({"employeur": employeur, "procedure": procedure, "salaries": [salarie]})


def scenarios() -> list[Scenario]:
    """Every scenario of the matrix (see the module docstring)."""
    return [Scenario(id_, libelle, _case(employeur, procedure, salarie))
            for id_, libelle, employeur, procedure, salarie in SCENARIOS]


def compute(scenario: Scenario) -> ComputedScenario:
    """Validate the scenario's case (model and cross-field checks) and compute it with the engine."""
    try:
        dossier = scenario.model()
    except Exception as exc:
        raise ScenarioInvalide(f"scénario « {scenario.id} » : dossier invalide ({exc})") from exc
    blocking = [f.message for f in check_dossier(dossier) if f.blocking]
    if blocking:
        raise ScenarioInvalide(f"scénario « {scenario.id} » : " + " ; ".join(blocking))
    resultat = compute_dossier(dossier, f"{scenario.id}.yaml")
    return ComputedScenario(scenario, resultat, resultat.employees[0])


@lru_cache(maxsize=1)
def computed_scenarios() -> tuple[ComputedScenario, ...]:
    return tuple(compute(s) for s in scenarios())

