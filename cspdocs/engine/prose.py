"""The French prose of the facts, as a view of their named terms (issue 9: facts as data).

Every computed fact names its formula (one or more ids of the tables in texts_dates.py and
texts_amounts.py) and carries the terms of that formula; its French reasoning is the formula's
template filled from the terms, through the explanation forms of cspdocs/formats.py. The prose thus
cannot disagree with the terms, and it is only built when read (the JSON, the text report).

Template placeholders are ``{term}`` or ``{term:form}``; the forms are those of ``FORMS`` (dates,
amounts, durations in years and months, gender agreement on the employee's ``civilite``…) and
``{term:?yes|no}``, the text ``yes`` when the term is true, ``no`` otherwise (each may hold
placeholders). A formula id is the path of the fact it explains (``dates.fin_csp``), optionally
followed by ``/variant``; ids starting with ``+`` carry no rule: fragments appended to another
formula, or texts shared by several facts (each fact then has the rule of its path).
"""

from __future__ import annotations

import string
from functools import lru_cache
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable, Mapping, Optional

from ..calendar import ZONE_LABELS
from ..formats import explanation_amount, explanation_date
from . import wording as W
from .texts_amounts import TEXTS as _AMOUNTS
from .texts_dates import TEXTS as _DATES


def years_months(months: int) -> str:
    """« 2 ans et 3 mois », « 1 an », « 0 mois »."""
    y, m = divmod(months, 12)
    parts = []
    if y:
        parts.append(f"{y} an{'s' if y > 1 else ''}")
    if m or not parts:
        parts.append(f"{m} mois")
    return " et ".join(parts)


@lru_cache(maxsize=64)
def _ordinal(n: int) -> str:
    from num2words import num2words

    return num2words(n, lang="fr", to="ordinal")


FORMS: dict[str, Callable[[Any], str]] = {
    "": str,
    # cached: a batch states the same few dates and amounts many times (the value alone decides the text)
    "date": lru_cache(maxsize=8192)(explanation_date),
    "eur": lru_cache(maxsize=8192)(explanation_amount),
    "am": years_months,  # a number of months as years and months
    "pct": lambda rate: f"{Decimal(rate) * 100:.0f}",
    "virgule": lambda x: str(x).replace(".", ","),
    "ordinal": _ordinal,
    "liste": ", ".join,
    "zone": ZONE_LABELS.__getitem__,
    "cap": str.capitalize,
    "moins_un": lambda n: str(n - 1),
    "fraction": lambda text: str(Fraction(text)),
    "duree_mois": lambda m: "un an" if m == 12 else f"{m} mois",
    "mode_remise": {"main_propre": "en main propre", "lrar": "par lettre recommandée",
                    "electronique": "par voie électronique"}.__getitem__,
    # gender agreement, on the term ``civilite``
    "le_salarie": W.le_salarie,
    "Le_salarie": lambda c: W.le_salarie(c, True),
    "au_salarie": W.au_salarie,
    "du_salarie": W.du_salarie,
    "Protege": W.protege,
    "protege": lambda c: W.protege(c, False),
    "ce": lambda c: "cette" if W.feminine(c) else "ce",
    "il": W.il,
    "e": W.e,
}


class Formula:
    """A French sentence template, the rule code of the fact it explains (None for a fragment) and
    the sources it cites (French citations, whose ids engine/citations.py derives)."""

    __slots__ = ("rule", "template", "sources", "_parts")

    def __init__(self, rule: Optional[str], template: str, sources: tuple[str, ...] = ()) -> None:
        self.rule, self.template, self.sources, self._parts = rule, template, sources, None

    def fill(self, terms: dict[str, Any]) -> str:
        if self._parts is None:
            self._parts = _compile(self.template)
        return _fill(self._parts, terms)


_PARSER = string.Formatter()


def _compile(text: str) -> tuple:
    parts: list[Any] = []
    for literal, name, spec, _ in _PARSER.parse(text):
        if literal:
            parts.append(literal)
        if name is None:
            continue
        if spec.startswith("?"):
            yes, _, no = spec[1:].partition("|")
            parts.append((name, _compile(yes), _compile(no)))
        elif spec in FORMS:
            parts.append((name, FORMS[spec]))
        else:
            parts.append((name, lambda v, spec=spec: format(v, spec)))
    return tuple(parts)


def _fill(parts: tuple, terms: dict[str, Any]) -> str:
    out = []
    for p in parts:
        if p.__class__ is str:
            out.append(p)
        elif len(p) == 2:
            out.append(p[1](terms[p[0]]))
        else:
            out.append(_fill(p[1] if terms[p[0]] else p[2], terms))
    return "".join(out)


def _table() -> dict[str, Formula]:
    both = set(_DATES) & set(_AMOUNTS)
    assert not both, both
    return {fid: Formula(*entry) for fid, entry in {**_DATES, **_AMOUNTS}.items()}


FORMULAS = _table()


def render(formula: tuple[str, ...], terms: Mapping[str, Any], value: Any = None) -> str:
    """The French reasoning of a fact: its formulas' templates, in order, filled from its terms and
    its value (``{valeur}`` in the templates)."""
    filled = dict(terms)
    filled.setdefault("valeur", value)
    return "".join(FORMULAS[fid].fill(filled) for fid in formula)


def sources_of(formula: tuple[str, ...]) -> tuple[str, ...]:
    """The sources the formulas ``formula`` declare, in order, once each."""
    if len(formula) == 1:
        return FORMULAS[formula[0]].sources
    return tuple(dict.fromkeys(x for fid in formula for x in FORMULAS[fid].sources))


def rule_of(formula: tuple[str, ...]) -> Optional[str]:
    return FORMULAS[formula[0]].rule if formula else None


def rules_by_fact() -> dict[str, str]:
    """The rule code of each fact path, derived from the formula table (one rule per path)."""
    out: dict[str, str] = {}
    for fid, f in FORMULAS.items():
        if f.rule is not None:
            path = fid.partition("/")[0]
            assert out.setdefault(path, f.rule) == f.rule, (fid, f.rule, out[path])
    return out
