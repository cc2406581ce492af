"""The engine's access to the dated parameters (cspdocs/rules/parametres.yaml).

The engine never writes a legal value in code: it passes the dated events it knows and the
parameter chooses the one the law designates (``date_de_reference``). A date outside every known
period is not an error: the nearest known period is applied and the caller's ``warn`` receives an
A11 warning, so that the user checks the text in force.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from ..rules.lookup import Period, Resolution, resolve
from .dates import fr

Warn = Callable[[str, str], None]  # (rule code, French message)


def out_of_period_warning(r: Resolution) -> str:
    return (f"aucun texte connu ne fixe « {r.parametre.libelle} » au {fr(r.le)} "
            f"(date de référence : {r.parametre.date_de_reference.value}) : valeur de la période connue la plus "
            f"proche retenue ({r.reference}) ; vérifiez le texte en vigueur.")


def resolved(name: str, warn: Warn, **events: Optional[date]) -> Resolution:
    """The resolution of ``name`` among ``events``; warns when no known period covers the date."""
    return _warned(resolve(name, **events), warn)


def value(name: str, warn: Warn, **events: Optional[date]) -> Any:
    """The value of ``name`` among ``events`` (see ``resolved``; the engine's most frequent call: the
    events go straight to ``resolve``, not copied once more through ``resolved``)."""
    return _warned(resolve(name, **events), warn).periode.valeur


def _warned(r: Resolution, warn: Warn) -> Resolution:
    if r.hors_periode:
        warn("A11", out_of_period_warning(r))
    return r


def in_force(name: str, **events: Optional[date]) -> Optional[Period]:
    """The period in force, or None when no known text covers the date (the regime, the ASP rate:
    the caller says what happens without a text)."""
    r = resolve(name, **events)
    return None if r.hors_periode else r.periode


def ignore(code: str, message: str) -> None:
    """A ``warn`` for lookups whose out-of-period warning another lookup of the same call gives."""


def current(name: str) -> Any:
    """The value of the last known period (the law in force now): only for a case that gives no
    date at all to select by, which other checks refuse."""
    from ..rules.lookup import parameter

    return parameter(name).periodes[-1].valeur
