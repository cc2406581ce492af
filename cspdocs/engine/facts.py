"""Computed facts: every date and amount carries its reasoning and its sources.

Modelled on the Code du travail numérique's results: a value never travels without the
formula and the references that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple, Optional

from ..case.model import Dossier, Salarie


# Explication and Fact are NamedTuples: immutable like frozen dataclasses, but several times cheaper
# to build, and the engine builds dozens per employee.
class Explanation(NamedTuple):
    fait: str  # dotted path in the output, e.g. "dates.fin_delai_reflexion"
    valeur: Any
    raisonnement: str  # French, with the intermediate values
    sources: tuple[str, ...]
    termes: tuple[tuple[str, Any], ...] = ()  # the formula's named terms, e.g. (("duree_jours", 21), ...)


class Fact(NamedTuple):
    """A value with its explanation, as produced by the engine's pure functions: ``termes`` names
    the inputs of its formula (the JSON's ``faits``), ``raisonnement`` is their French view."""

    valeur: Any
    raisonnement: str
    sources: tuple[str, ...]
    termes: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class EmployeeResult:
    salarie: Salarie
    zone: str
    operateur: str
    # Keys of the contract (case-format.md) plus added ones; None when unknown.
    dates: dict[str, Optional[date]]
    # {"variante": "conservatoire" | "apres_acceptation" | "licenciement", "rappel_delai_requis": bool}
    lettre: dict[str, Any]
    # Decimal amounts (rounded to the cent), int/Decimal counts, nested dict for the penalty, None.
    montants: dict[str, Any]
    explications: tuple[Explanation, ...]
    avertissements: tuple[str, ...]
    # How the documents are handed over: "entretien_prealable" | "derniere_reunion_cse" |
    # "lendemain_decision_administration" | "date_convenue" (override by date_remise).
    circonstance_remise: str
    # Extra facts templates may need (e.g. "anciennete_moins_un_an", "salarie_protege").
    conditions: dict[str, bool] = field(default_factory=dict)
    # Operator that receives the employer's contribution, named at its due date (D41).
    operateur_paiement: Optional[str] = None
    # Operator named in the registered letter, at its dispatch date (mentions.md: name by document date).
    operateur_lettre: Optional[str] = None
    # The texts governing this employee (R-04: Mayotte has its own convention), like ResultatDossier.regime.
    regime: dict[str, Any] = field(default_factory=dict)
    # Inconsistencies that make the case unusable (e.g. an acceptance after the period): key path within
    # the employee ("reponse", "date") and the French message. The CLI reports them as invalid input.
    blocages: tuple[tuple[tuple, str], ...] = ()
    # Dated values the documents state (ASP rate, length of the period, contribution cap), looked up
    # by the date the law designates: templates print them and the mention checks read them.
    parametres: dict[str, Any] = field(default_factory=dict)
    # The engine's findings as data (engine/findings.py): ``avertissements`` and ``blocages`` are views of them.
    constats: tuple[Any, ...] = ()

    def explication(self, fait: str) -> Optional[Explanation]:
        for e in self.explications:
            if e.fait == fait:
                return e
        return None


@dataclass(frozen=True)
class CaseResult:
    nom: str  # case file name
    dossier: Dossier
    regime: dict[str, Any]  # {"texte": ..., "valable_jusqu_au": date | None}
    salaries: tuple[EmployeeResult, ...]
    avertissements: tuple[str, ...] = ()
    # issue 10: the as-of date the documents are dated against (engine/timeline.py); None: the plan
    au: Optional[date] = None
    # the case-level findings as data (engine/findings.py): ``avertissements`` is their view
    constats: tuple[Any, ...] = ()


def money(x: Decimal) -> Decimal:
    """Round half-up to the cent (only at the end of a computation)."""
    return x.quantize(_CENT, rounding=ROUND_HALF_UP)


_CENT = Decimal("0.01")
