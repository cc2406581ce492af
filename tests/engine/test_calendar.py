"""Holidays per zone (R-48, R-49) and délai arithmetic (R-16, R-23, R-50)."""

from __future__ import annotations

from datetime import date

import pytest

from cspdocs.calendar import Calendar, zone_from_postal_code


def test_national_days_are_the_eleven_of_l3133_1():
    assert len(Calendar("metropole").holidays(2026)) == 11


@pytest.mark.parametrize("zone,day", [
    ("alsace-moselle", date(2026, 4, 3)),   # Good Friday (L3134-13)
    ("alsace-moselle", date(2026, 12, 26)),
    ("mayotte", date(2026, 4, 27)),
    ("martinique", date(2026, 5, 22)),
    ("guadeloupe", date(2026, 5, 27)),
    ("saint-martin", date(2026, 5, 27)),    # review correction: both 27 and 28 May
    ("saint-martin", date(2026, 5, 28)),
    ("guyane", date(2026, 6, 10)),
    ("saint-barthelemy", date(2026, 10, 9)),
    ("reunion", date(2026, 12, 20)),
])
def test_statutory_local_days(zone, day):
    assert Calendar(zone).is_holiday(day)
    assert not Calendar("metropole").is_holiday(day)


@pytest.mark.parametrize("zone,day", [
    ("guadeloupe", date(2026, 3, 12)),   # Mi-Carême: customary, not statutory
    ("guadeloupe", date(2026, 4, 3)),    # Good Friday: customary in Guadeloupe
    ("guadeloupe", date(2026, 7, 21)),   # Victor Schœlcher
    ("martinique", date(2026, 7, 21)),
    ("saint-martin", date(2026, 7, 21)),
])
def test_customary_days_of_the_package_are_excluded(zone, day):
    assert not Calendar(zone).is_holiday(day)


def test_good_friday_override_per_commune_and_extra_days():
    assert not Calendar("alsace-moselle", good_friday=False).is_holiday(date(2026, 4, 3))
    assert Calendar("alsace-moselle", good_friday=False).is_holiday(date(2026, 12, 26))
    assert Calendar("mayotte", extra_holidays=frozenset({date(2026, 3, 20)})).is_holiday(date(2026, 3, 20))


@pytest.mark.parametrize("code,zone", [
    ("57000", "alsace-moselle"), ("67000", "alsace-moselle"), ("68100", "alsace-moselle"),
    ("97133", "saint-barthelemy"), ("97150", "saint-martin"), ("97110", "guadeloupe"),
    ("97200", "martinique"), ("97300", "guyane"), ("97400", "reunion"), ("97500", "saint-pierre-et-miquelon"),
    ("97600", "mayotte"), ("75011", "metropole"), ("69001", "metropole"),
])
def test_zone_from_postal_code(code, zone):
    assert zone_from_postal_code(code) == zone


def test_prorogation_never_lands_on_saturday():
    # A1: Saturday 04/04/2026 -> Sunday -> Easter Monday -> Tuesday 07/04/2026
    landing, skipped = Calendar("metropole").prorogate(date(2026, 4, 4))
    assert landing == date(2026, 4, 7)
    assert len(skipped) == 3


def test_jours_ouvrables_skip_sundays_and_holidays_not_saturdays():
    # D13: 07/05/2025, [08 holiday], 09, 10 (Sat), 12, 13, 14, 15 -> 7th = Thu 15/05/2025
    last, _ = Calendar("metropole").end_of_jours_ouvrables(date(2025, 5, 6), 7)
    assert last == date(2025, 5, 15)


def test_convocation_five_jours_ouvrables_r50():
    cal = Calendar("metropole")
    # Presented Monday 02/03/2026: Tue..Sat = 5 jours ouvrables, 5th is a Saturday -> prorogued to Monday
    # 09/03, so the interview can be held on Tuesday 10/03 at the earliest.
    assert cal.end_of_jours_ouvrables(date(2026, 3, 2), 5)[0] == date(2026, 3, 9)
    # Presented Tuesday 03/03: Wed, Thu, Fri, Sat, Mon 09/03 -> interview Tuesday 10/03 still lawful;
    # presented Wednesday 04/03 the 5th jour ouvrable is Tuesday 10/03 itself -> too late.
    assert cal.latest_start_before(date(2026, 3, 10), 5) == date(2026, 3, 3)
