"""Computed facts: every date and amount carries its reasoning and its sources.

Modelled on the Code du travail numérique's results: a value never travels without the
formula and the references that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple, Optional, Union

from ..case.model import Dossier, Salarie
from .prose import render, rule_of, rules_by_fact, sources_of


NO_TERMS: Mapping[str, Any] = MappingProxyType({})

# Explanation and Fact are NamedTuples: immutable like frozen dataclasses, but several times cheaper
# to build, and the engine builds dozens per employee.
class Fact(NamedTuple):
    """A value with its explanation, as produced by the engine's pure functions: ``formula`` names
    its formula (ids of engine/prose.py's table), ``terms`` the formula's named inputs with their
    values (the JSON's ``faits``; a plain dict of atomic values, which the garbage collector does not
    track: a tuple of pairs per fact made the engine 30 % slower), ``rule`` the rule code;
    ``reasoning`` is the French view of the terms, built when read. ``text`` is a free French text,
    for the facts not made of a formula (then ``formula`` is empty)."""

    value: Any
    text: Optional[str]
    sources: tuple[str, ...]
    terms: Mapping[str, Any] = NO_TERMS
    formula: tuple[str, ...] = ()
    rule: Optional[str] = None

    @property
    def reasoning(self) -> str:
        return self.text if self.text is not None else render(self.formula, self.terms, self.value)


def fact(formula: Union[str, tuple[str, ...]], value: Any, sources: tuple[str, ...] = (), **terms: Any) -> Fact:
    """The fact of formula ``formula`` (one id or several, in order) with its named terms; its sources
    are those the formula table declares for each id, then ``sources`` (the ones known only at run
    time: a dated parameter's reference, another fact's sources)."""
    try:
        ids, rule, declared = _FORMULA_IDS[formula]
    except KeyError:
        ids = (formula,) if isinstance(formula, str) else formula
        rule, declared = rule_of(ids), sources_of(ids)  # KeyError for an unknown formula
        _FORMULA_IDS[formula] = ids, rule, declared
    if sources:
        declared = declared + tuple(x for x in sources if x not in declared) if declared else sources
    # tuple.__new__: the engine builds about 30 facts per employee (NamedTuple's __new__ is a Python frame)
    return _new(Fact, (value, None, declared, terms, ids, rule))


_FORMULA_IDS: dict[Any, tuple[tuple[str, ...], Optional[str], tuple[str, ...]]] = {}
_new = tuple.__new__


def extend(f: Fact, formula: Union[str, tuple[str, ...]], value: Any = None, sources: tuple[str, ...] = (),
           **terms: Any) -> Fact:
    """``f`` completed by further formula fragments (their terms and sources, then ``sources``): the
    value is ``value`` when given, the rule stays ``f``'s."""
    ids = (formula,) if isinstance(formula, str) else formula
    more = sources_of(ids) + sources
    return Fact(f.value if value is None else value, None,
                f.sources + tuple(dict.fromkeys(x for x in more if x not in f.sources)),
                {**f.terms, **terms}, f.formula + ids, f.rule)


class Explanation(NamedTuple):
    """A recorded fact: its ``path`` in the output (e.g. "dates.fin_delai_reflexion") and its fact's
    members; ``rule`` is the rule of the path (engine/prose.py)."""

    path: str
    value: Any
    text: Optional[str]
    sources: tuple[str, ...]
    terms: Mapping[str, Any] = NO_TERMS  # the formula's named terms, e.g. {"duree_jours": 21, ...}
    formula: tuple[str, ...] = ()
    rule: Optional[str] = None

    @property
    def reasoning(self) -> str:  # French, with the intermediate values
        return self.text if self.text is not None else render(self.formula, self.terms, self.value)

    @classmethod
    def of(cls, path: str, f: Fact) -> "Explanation":
        terms = f[3] if f[3].__class__ is dict else _as_mapping(f[3])
        return _new(cls, (path, f[0], f[1], f[2], terms, f[4], PATH_RULES.get(path, f[5])))


def _as_mapping(terms: Any) -> Mapping[str, Any]:
    """The terms of a fact built with (name, value) pairs (a free-text fact's optional terms)."""
    return terms if isinstance(terms, Mapping) else dict(terms)


@dataclass(frozen=True)
class EmployeeResult:
    employee: Salarie
    zone: str
    operator: str
    # Keys of the contract (case-format.md) plus added ones; None when unknown.
    dates: dict[str, Optional[date]]
    # {"variante": "conservatoire" | "apres_acceptation" | "licenciement", "rappel_delai_requis": bool}
    letter: dict[str, Any]
    # Decimal amounts (rounded to the cent), int/Decimal counts, nested dict for the penalty, None.
    amounts: dict[str, Any]
    explanations: tuple[Explanation, ...]
    warnings: tuple[str, ...]
    # How the documents are handed over: "entretien_prealable" | "derniere_reunion_cse" |
    # "lendemain_decision_administration" | "date_convenue" (override by date_remise).
    handover_circumstance: str
    # Extra facts templates may need (e.g. "anciennete_moins_un_an", "salarie_protege").
    conditions: dict[str, bool] = field(default_factory=dict)
    # Operator that receives the employer's contribution, named at its due date (D41).
    payment_operator: Optional[str] = None
    # Operator named in the registered letter, at its dispatch date (mentions.md: name by document date).
    letter_operator: Optional[str] = None
    # The texts governing this employee (R-04: Mayotte has its own convention), like CaseResult.regime.
    regime: dict[str, Any] = field(default_factory=dict)
    # Inconsistencies that make the case unusable (e.g. an acceptance after the period): key path within
    # the employee ("reponse", "date") and the French message. The CLI reports them as invalid input.
    blockers: tuple[tuple[tuple, str], ...] = ()
    # Dated values the documents state (ASP rate, length of the period, contribution cap), looked up
    # by the date the law designates: templates print them and the mention checks read them.
    parameters: dict[str, Any] = field(default_factory=dict)
    # The engine's findings as data (engine/findings.py): ``avertissements`` and ``blocages`` are views of them.
    constats: tuple[Any, ...] = ()

    def explanation(self, fait: str) -> Optional[Explanation]:
        for e in self.explanations:
            if e.path == fait:
                return e
        return None


@dataclass(frozen=True)
class CaseResult:
    name: str  # case file name
    case: Dossier
    regime: dict[str, Any]  # {"texte": ..., "valable_jusqu_au": date | None}
    employees: tuple[EmployeeResult, ...]
    warnings: tuple[str, ...] = ()
    # issue 10: the as-of date the documents are dated against (engine/timeline.py); None: the plan
    as_of: Optional[date] = None
    # the case-level findings as data (engine/findings.py): ``avertissements`` is their view
    constats: tuple[Any, ...] = ()


# The rule of each fact path (one rule per path), derived from the formula table.
PATH_RULES = rules_by_fact()


def money(x: Decimal) -> Decimal:
    """Round half-up to the cent (only at the end of a computation)."""
    return x.quantize(_CENT, rounding=ROUND_HALF_UP)


_CENT = Decimal("0.01")


