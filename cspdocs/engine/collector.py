"""The per-employee accumulator of the law modules: values, explanations, warnings, blocking findings.

Every law module records what it decides here, in the order the thin compute calls it: the order of
the explanations and warnings is part of the public contract.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from .facts import Explanation, Fact, extend, fact
from .findings import Finding


# the output's path groups (« dates », « montants ») and the members that hold them
_MEMBER = {"montants": "amounts"}


class Collector:
    """Accumulates values, explanations and warnings for one employee."""

    def __init__(self) -> None:
        self.dates: dict[str, Optional[date]] = {}
        self.amounts: dict[str, Any] = {}
        self.explanations: list[Explanation] = []
        self.constats: list[Finding] = []  # warnings and blocking findings, in the order found
        self._seen: set[str] = set()
        # recomputes the last day of the letter's délai on another calendar (A8)
        self.letter_delay_on: Optional[Any] = None
        self.reflection_days = 0  # dated parameter duree_delai_reflexion_jours, at the handover
        self.one_year_months = 0  # dated parameter anciennete_un_an_mois, at the engagement
        self.derived_terms: dict[str, dict[str, Any]] = {}  # terms of the values explained at the end

    def derived(self, group: str, key: str, value: Any, **terms: Any) -> None:
        """A value derived beside the facts, explained at the end (``explain_remaining``) from its terms."""
        getattr(self, _MEMBER.get(group, group))[key] = value
        if terms:
            self.derived_terms[f"{group}.{key}"] = terms

    def block(self, code: str, loc: tuple, message: str) -> None:
        self.constats.append(Finding(loc, message, blocking=True, code=code))

    def date(self, key: str, fact: Fact) -> Optional[date]:
        self.dates[key] = fact.value
        self.explanations.append(Explanation.of(f"dates.{key}", fact))
        return fact.value

    def redate(self, key: str, fact: Fact) -> Optional[date]:
        """Replace a date already recorded (one explanation per fact)."""
        self.explanations = [e for e in self.explanations if e.path != f"dates.{key}"]
        return self.date(key, fact)

    def unknown_date(self, key: str, formula: str, sources: tuple[str, ...] = (), **terms: Any) -> None:
        """An unknown date, explained by the formula ``formula`` (its terms say why); ``/variant`` stands
        for ``dates.KEY/variant``."""
        self.date(key, fact(f"dates.{key}{formula}" if formula.startswith("/") else formula, None, sources, **terms))

    def explain(self, path: str, f: Fact) -> None:
        """Record the explanation of a value stored directly (``lettre.variante``, ``operateur``)."""
        self.explanations.append(Explanation.of(path, f))

    def amount(self, key: str, fact: Fact) -> Any:
        self.amounts[key] = fact.value
        self.explanations.append(Explanation.of(f"montants.{key}", fact))
        return fact.value

    def warn(self, code: str, message: str, sources: tuple[str, ...] = ()) -> None:
        finding = Finding((), message, blocking=False, code=code, sources=sources)
        if finding.text not in self._seen:
            self._seen.add(finding.text)
            self.constats.append(finding)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.constats if not f.blocking)

    @property
    def blockers(self) -> tuple[tuple[tuple, str], ...]:
        return tuple((f.loc, f.message) for f in self.constats if f.blocking)


def amend_explanation(c: Collector, path: str, value: Any, formula: str, sources: tuple[str, ...] = (),
                      **terms: Any) -> None:
    """Complete a fact's explanation with a further bound, the formula fragment ``formula`` and its
    terms (one explanation per fact)."""
    for i, e in enumerate(c.explanations):
        if e.path == path:
            base = Fact(e.value, e.text, e.sources, e.terms, e.formula, e.rule)
            c.explanations[i] = Explanation.of(path, extend(base, formula, value, sources, **terms)._replace(value=value))
            return
    alone = fact(formula, value, sources, **terms)
    c.explanations.append(Explanation.of(path, alone._replace(text=alone.reasoning.strip())))


def explain_remaining(c: Collector) -> None:
    """Every output value carries an explanation: derived and declared values get theirs here, with
    the terms recorded beside them (``Collector.derived``)."""
    explained = {e.path for e in c.explanations}
    for group, values in (("dates", c.dates), ("montants", c.amounts)):
        for key, value in values.items():
            fait = f"{group}.{key}"
            if fait not in explained:
                # the formula of the path itself (texts_dates.py, texts_amounts.py): its rule, text and sources
                c.explanations.append(Explanation.of(fait, fact(fait, value, **c.derived_terms.get(fait, {}))))
