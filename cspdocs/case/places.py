"""Which holidays apply to an employee: the zone of the place of work (R-16 review correction)."""

from __future__ import annotations

from ..calendar import Calendar, zone_from_postal_code
from .model import Employeur, Salarie


def zone_for(employeur: Employeur, salarie: Salarie) -> str:
    """Explicit zone first (employee, then employer), else the postal code of the place of work,
    else the employer's address."""
    if salarie.zone:
        return salarie.zone
    if salarie.lieu_travail is not None:
        return zone_from_postal_code(salarie.lieu_travail.code_postal)
    if employeur.zone:
        return employeur.zone
    return zone_from_postal_code(employeur.adresse.code_postal)


def calendar_for(employeur: Employeur, salarie: Salarie) -> Calendar:
    return Calendar(
        zone=zone_for(employeur, salarie),
        extra_holidays=frozenset(employeur.jours_feries_supplementaires),
        good_friday=employeur.vendredi_saint_ferie,
    )
