"""Statutory holidays per zone and the day arithmetic of the CSP délais.

Rules implemented here (legal-rules.md):
- R-48: statutory lists only. L3133-1 (11 national days) everywhere; L3134-13 (Good Friday and
  26 December) in Moselle, Bas-Rhin and Haut-Rhin; L3422-2 (abolition of slavery) in each overseas
  territory on its own date.
- R-49: built on the ``holidays`` package, corrected: Bas-Rhin and Haut-Rhin map to the "6AE"
  subdivision; the customary days the package adds for Guadeloupe (Mi-Carême, Good Friday,
  21 July), Martinique (21 July) and Saint-Martin (21 July) are not statutory and are excluded.
- R-48 review correction: Saint-Martin treats BOTH 27 and 28 May as holidays (safer reading).
- R-16 / R-23 (R1231-1, art. 642 CPC, Cass. soc. 10/07/2019 n°18-11.528): a délai ending on a
  Saturday, Sunday or holiday is prorogued to the first following day that is none of these.
- jours ouvrables = Monday to Saturday minus holidays (Sunday is the weekly rest day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib

from . import formats

ZONES = (
    "metropole",
    "alsace-moselle",
    "mayotte",
    "reunion",
    "guadeloupe",
    "martinique",
    "guyane",
    "saint-martin",
    "saint-barthelemy",
    "saint-pierre-et-miquelon",
)

ZONE_LABELS = {
    "metropole": "métropole",
    "alsace-moselle": "Alsace-Moselle",
    "mayotte": "Mayotte",
    "reunion": "La Réunion",
    "guadeloupe": "Guadeloupe",
    "martinique": "Martinique",
    "guyane": "Guyane",
    "saint-martin": "Saint-Martin",
    "saint-barthelemy": "Saint-Barthélemy",
    "saint-pierre-et-miquelon": "Saint-Pierre-et-Miquelon",
}

# Zones where the package's subdivision reproduces the statutory list exactly.
_PACKAGE_SUBDIV = {
    "metropole": None,
    "alsace-moselle": "6AE",
    "mayotte": "976",
    "reunion": "974",
    "guyane": "973",
    "saint-barthelemy": "BL",
    "saint-pierre-et-miquelon": "PM",
}

# Zones where the package over-includes customary days: national list + the L3422-2 day(s) only.
_ABOLITION_DAYS = {
    "guadeloupe": ((5, 27),),
    "martinique": ((5, 22),),
    # L3422-2 / décret 83-1003 say 27 May; 28 May observed since 2019: both (review correction, A7).
    "saint-martin": ((5, 27), (5, 28)),
}
_ABOLITION_LABEL = "Commémoration de l'abolition de l'esclavage (L3422-2)"

# Postal-code prefixes of the overseas territories (case-format.md, issue 2).
_POSTAL_ZONES = (
    ("97133", "saint-barthelemy"),
    ("97150", "saint-martin"),
    ("971", "guadeloupe"),
    ("972", "martinique"),
    ("973", "guyane"),
    ("974", "reunion"),
    ("975", "saint-pierre-et-miquelon"),
    ("976", "mayotte"),
    ("57", "alsace-moselle"),
    ("67", "alsace-moselle"),
    ("68", "alsace-moselle"),
)


def zone_from_postal_code(code_postal: str) -> str:
    """Zone whose holidays apply at a place, from its postal code."""
    code = code_postal.strip()
    for prefix, zone in _POSTAL_ZONES:
        if code.startswith(prefix):
            return zone
    return "metropole"


@lru_cache(maxsize=512)
def _statutory(zone: str, year: int) -> tuple[tuple[date, str], ...]:
    if zone not in ZONES:
        raise ValueError(f"zone inconnue : {zone}")
    if zone in _PACKAGE_SUBDIV:
        days = holidays_lib.France(years=year, subdiv=_PACKAGE_SUBDIV[zone], language="fr")
        result = dict(days.items())
    else:
        result = dict(holidays_lib.France(years=year, language="fr").items())
        for month, day in _ABOLITION_DAYS[zone]:
            result[date(year, month, day)] = _ABOLITION_LABEL
    return tuple(sorted(result.items()))


@lru_cache(maxsize=1024)
def _holidays(cal: "Calendar", year: int) -> dict[date, str]:
    # Shared, never mutated by callers: Calendar.holidays returns it read-only by convention.
    return cal._build_holidays(year)


french_weekday = formats.weekday


@dataclass(frozen=True)
class Calendar:
    """The holidays of one place of work, and the délai arithmetic that depends on them."""

    zone: str = "metropole"
    # Opt-in extra days (customary "jours chômés locaux", Mayotte agreements, R-48/R-49).
    extra_holidays: frozenset[date] = field(default_factory=frozenset)
    # L3134-13: Good Friday only in communes with a Protestant temple or mixed church; holiday in
    # the whole of 57/67/68 by default (A8), overridable per commune.
    good_friday: bool = True

    def holidays(self, year: int) -> dict[date, str]:
        return _holidays(self, year)

    def _build_holidays(self, year: int) -> dict[date, str]:
        days = dict(_statutory(self.zone, year))
        if self.zone == "alsace-moselle" and not self.good_friday:
            days = {d: n for d, n in days.items() if "Vendredi saint" not in n}
        for d in self.extra_holidays:
            if d.year == year:
                days.setdefault(d, "Jour chômé local (déclaré dans le dossier)")
        return days

    def holiday_name(self, d: date) -> str | None:
        return self.holidays(d.year).get(d)

    def is_holiday(self, d: date) -> bool:
        return self.holiday_name(d) is not None

    def is_working_day(self, d: date) -> bool:
        """Neither Saturday, Sunday nor a holiday: a prorogued délai may land here (A1)."""
        return d.weekday() < 5 and not self.is_holiday(d)

    def is_jour_ouvrable(self, d: date) -> bool:
        """Monday to Saturday, not a holiday."""
        return d.weekday() != 6 and not self.is_holiday(d)

    def why_not_working(self, d: date) -> str:
        name = self.holiday_name(d)
        if name:
            return f"{french_weekday(d)} {formats.cli_date(d)} férié ({name})"
        return f"{french_weekday(d)} {formats.cli_date(d)}"

    def prorogate(self, d: date) -> tuple[date, list[str]]:
        """First day from ``d`` that is neither Saturday, Sunday nor a holiday, and the days skipped."""
        skipped: list[str] = []
        while not self.is_working_day(d):
            skipped.append(self.why_not_working(d))
            d += timedelta(days=1)
        return d, skipped

    def nth_jour_ouvrable_after(self, start: date, n: int) -> tuple[date, list[str]]:
        """The n-th jour ouvrable after ``start`` (``start`` itself excluded), and the holidays skipped."""
        d = start
        count = 0
        skipped: list[str] = []
        while count < n:
            d += timedelta(days=1)
            if self.is_jour_ouvrable(d):
                count += 1
            elif d.weekday() != 6:
                skipped.append(self.why_not_working(d))
        return d, skipped

    def end_of_jours_ouvrables(self, start: date, n: int) -> tuple[date, list[str]]:
        """Last day of a délai of n jours ouvrables after ``start``, prorogued under R1231-1."""
        nth, skipped = self.nth_jour_ouvrable_after(start, n)
        last, pushed = self.prorogate(nth)
        return last, skipped + pushed

    def latest_start_before(self, deadline: date, n: int) -> date:
        """Latest day D whose délai of n jours ouvrables (prorogued) ends before ``deadline``.

        Used for R-50/R-13: the latest presentation of a convocation compatible with an interview.
        """
        d = deadline - timedelta(days=1)
        while self.end_of_jours_ouvrables(d, n)[0] >= deadline:
            d -= timedelta(days=1)
        return d
