"""Lookup of dated parameters (cspdocs/rules/parametres.yaml) by the date the law designates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

RULES_DIR = Path(__file__).parent
PARAMETERS_FILE = RULES_DIR / "parametres.yaml"


@dataclass(frozen=True)
class Period:
    du: date
    au: Optional[date]
    valeur: Any
    reference: str

    def covers(self, on: date) -> bool:
        return self.du <= on and (self.au is None or on <= self.au)


@dataclass(frozen=True)
class Parameter:
    name: str
    libelle: str
    date_de_reference: str
    periodes: tuple[Period, ...]

    def at(self, on: date) -> Optional[Period]:
        for period in self.periodes:
            if period.covers(on):
                return period
        return None


@lru_cache(maxsize=1)
def parameters() -> dict[str, Parameter]:
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    return {
        name: Parameter(
            name=name,
            libelle=spec["libelle"],
            date_de_reference=spec["date_de_reference"],
            periodes=tuple(
                Period(du=p["du"], au=p["au"], valeur=p["valeur"], reference=p["reference"])
                for p in spec["periodes"]
            ),
        )
        for name, spec in raw.items()
    }


@lru_cache(maxsize=8192)
def lookup(name: str, on: date) -> Optional[Period]:
    """The period of parameter ``name`` in force on ``on``, or None when no known text covers it."""
    return parameters()[name].at(on)


def rules_files() -> tuple[Path, ...]:
    """The data files whose hashes go into the manifest."""
    return tuple(sorted(RULES_DIR.glob("*.yaml")))
